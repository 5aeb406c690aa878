package logs

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Header is what SplitHeader recognised at the start of a log line.
type Header struct {
	// Raw is the header text as written (empty when none was found).
	Raw string
	// Time is the timestamp when one was recognised; zero otherwise. A
	// timestamp without a year (syslog style) has year 0.
	Time time.Time
	// Level is the normalised severity (TRACE, DEBUG, INFO, NOTICE, WARN,
	// ERROR, FATAL) or empty when none was recognised.
	Level string
	// Component is the emitting component (e.g. "sshd[24200]") when the
	// header names one.
	Component string
	// Partial marks a line a container runtime split (CRI tag "P"): the
	// next line continues it.
	Partial bool
	// Marker marks a line that structures the log rather than records an
	// event: journalctl's "-- Boot 3a1f... --" and "-- Journal begins at
	// ... --", a CI runner's "##[group]" and "##[endgroup]". It is no
	// entry, and a journal's range is no time of the log's.
	Marker bool
	// Continues marks a line that a container runtime wrapped (CRI,
	// Docker's json-file, docker compose) and whose own text continues
	// the entry above it (a stack frame, "Caused by: ..."): the
	// wrapper's time, which every line has, is no sign of an entry.
	Continues bool
	// Sample is what the log summary's error samples show of the entry
	// when its line does not read as text (a Windows event's XML, whose
	// first few hundred characters are <System> markup); empty, the line
	// itself.
	Sample string
	// Exception is what a structured record's error field says went wrong
	// ("stripe: card_declined", "pq: deadlock detected"), which its
	// message ("charge failed") leaves out; empty when it has none.
	Exception string
	// Repeat is how many occurrences of one event the entry stands for
	// when its tool folded repeats into one row (kubectl's "(x25 over
	// 3m)"); 0 or 1, one.
	Repeat int
}

// maxHeaderTokens bounds how far into a line the header may reach.
const maxHeaderTokens = 14

// maxHeaderWords is how many plain words (host, facility, tags) may sit in
// a header before a level or component marker.
const maxHeaderWords = 4

// tokKind classifies a header token.
type tokKind int

const (
	kWord tokKind = iota
	kID           // contains a digit: timestamp parts, pids, node ids
	kLevel
	kComp // identifier ending with ':' (component, optionally with [pid])
	kSep  // a lone "-" or "|"
	kBracket
	kMnem // a message mnemonic with its severity: "%LINK-3-UPDOWN:"
)

// htok is one header token with its byte span in the line.
type htok struct {
	text       string
	start, end int
	kind       tokKind
	padded     bool // followed by two or more spaces (column layout)
}

// SplitHeader separates a log line's header (timestamp, level, host,
// component, pid) from its message content. It uses the shape of tokens
// only, not per-format rules: a header is a short run of timestamp/id
// tokens, bracketed fields, separators and at most a few words, ended by
// a severity word or a "component:" token. When no such end is found the
// line is returned whole as content (with any leading timestamp parsed).
// A JSON object line (structured logging) or a logfmt line yields its
// message field as content and its level and time fields as the header;
// a Windows event written as XML, its provider, EventID and data names;
// a CEF record, its product and event name.
// A line that only structures the log comes back with Header.Marker set.
func SplitHeader(line string) (Header, string) {
	line = strings.TrimSpace(line)
	if isDashMarker(line) || IsZeekDirective(line) || isRule(line) {
		return Header{Marker: true}, line
	}
	if h, content, ok := splitWrapper(line); ok {
		return h, content
	}
	if h, content, ok := splitJSON(line); ok {
		return h, content
	}
	if h, content, ok := splitEventXML(line); ok {
		return h, content
	}
	if h, content, ok := splitCEF(line); ok {
		return h, content
	}
	if h, content, ok := splitAudit(line); ok {
		return h, content
	}
	if h, content, ok := splitLogfmt(line); ok {
		return h, content
	}
	if h, content, ok := splitNotation(line); ok {
		return h, content
	}
	// on the stack: a slice grown per token was a third of what mining
	// a log allocated
	var buf [maxHeaderTokens]htok
	toks := headerTokens(buf[:0], line, maxHeaderTokens)
	end, lvl, comp := headerEnd(toks)
	if end > 0 && toks[end-1].end >= len(line) {
		end, lvl, comp = 0, "", "" // a header with no message is a message
	}
	var h Header
	var tsEnd int
	h.Time, tsEnd = findTime(toks)
	if tsEnd > end && (end == 0 || tsEnd <= end+3) {
		// A timestamp right after the level or at the start ends the
		// header, with a small flag or pid that follows it.
		if tsEnd < len(toks) && isSmallInt(toks[tsEnd].text) {
			tsEnd++
		}
		if toks[tsEnd-1].end < len(line) {
			end = tsEnd
		}
	}
	h.Time = datedLater(h.Time, line)
	if end == 0 {
		h.Level = priLevel(line)
		return h, line
	}
	h.Raw = strings.TrimSpace(line[:toks[end-1].end])
	h.Level, h.Component = lvl, comp
	if h.Level == "" {
		h.Level = levelIn(toks[:end])
	}
	if h.Level == "" {
		h.Level = priLevel(line)
	}
	content := kernelAudit(&h, strings.TrimSpace(line[toks[end-1].end:]))
	if lvl, inner, ok := innerHeader(content); ok {
		if lvl != "" {
			h.Level = lvl
		}
		content = inner
	}
	return h, content
}

// innerHeader reads the header a program writes under syslog's or
// journald's: kubelet's glog ("kubelet[912]: E0303 10:00:01.123456 912
// pod_workers.go:1298] msg"), containerd's logfmt ('containerd[801]:
// time="..." level=info msg="..."'), a JSON line with a message. Left in
// the content, kubelet's errors were no errors and every template opened
// with its time and pid or its logfmt keys. It returns the program's
// level and its message.
func innerHeader(content string) (level, msg string, ok bool) {
	if len(content) < 8 {
		return "", "", false
	}
	switch c := content[0]; {
	case c >= 'A' && c <= 'Z' && content[1] >= '0' && content[1] <= '9':
		if m := glogRe.FindStringSubmatch(content); m != nil {
			return levels[m[1]], strings.TrimSpace(m[4]), true
		}
	case c == '{':
		if h, msg, ok := splitJSON(content); ok && msg != content {
			return h.Level, msg, true
		}
	case c == '[':
		// PostgreSQL through syslog: "[3-1] FATAL:  password ...". Left
		// in, the line number made every template open with "[<*>]"
		// and the sentence say "1× [4-1] ERROR: duplicate key ...".
		if m := pgSyslogRe.FindStringSubmatchIndex(content); m != nil {
			return normLevel(strings.TrimRight(content[m[2]:m[3]], "12345")), strings.TrimSpace(content[m[1]:]), true
		}
	default:
		if h, msg, ok := splitLogfmt(content); ok && msg != content {
			return h.Level, msg, true
		}
	}
	return stampedHeader(content)
}

// stampedHeader reads a whole header of time and level that a program
// writes under syslog's or journald's: nginx's "2024/03/14 10:01:00
// [error] 1201#1201: *55 connect() ... failed", php-fpm's "[14-Mar-2024
// 10:00:00] ERROR: FPM initialization failed". Left in the content, a
// journal's nginx errors were no errors, and their templates opened with
// the program's time. A time alone, or a level alone, is no header: a
// message may open with either.
func stampedHeader(content string) (level, msg string, ok bool) {
	if c := content[0]; (c < '0' || c > '9') && c != '[' {
		return "", "", false
	}
	h, msg := SplitHeader(content)
	if h.Time.IsZero() && !stampedClock.MatchString(h.Raw) || h.Level == "" || msg == "" || msg == content {
		return "", "", false
	}
	return h.Level, msg, true
}

// stampedClock is a header's clock, for the dates that parseTime does
// not read (php-fpm's "14-Mar-2024 10:00:00").
var stampedClock = regexp.MustCompile(`\b\d{1,2}:\d{2}:\d{2}\b`)

// Dates with a year that a line writes after a yearless syslog header:
// HAProxy's accept date "[11/Oct/2024:22:14:15.123]", Palo Alto's receive
// time "2024/10/11 22:14:15", an ISO time in the message, the kernel's
// audit stamp "audit(1796029204.670:1004)" (Unix seconds).
var (
	laterDateRe      = regexp.MustCompile(`\b(\d{4})[-/.](\d{2})[-/.](\d{2})[ T]\d{2}:\d{2}`)
	laterMonthDateRe = regexp.MustCompile(`\b(\d{2})/([A-Z][a-z]{2})/(\d{4}):\d{2}:\d{2}`)
	laterAuditRe     = regexp.MustCompile(`\baudit\((\d{9,10})\.\d+:\d+\)`)
)

// datedLater gives a yearless time (a syslog header's "Oct 11 22:14:15")
// the year of the first date in line that falls within a day of it, so
// that a log whose lines carry their full date after the header gets a
// dated span; t as it is when it has a year or line no such date.
func datedLater(t time.Time, line string) time.Time {
	if t.IsZero() || t.Year() != 0 {
		return t
	}
	var year, day int
	var month time.Month
	if m := laterDateRe.FindStringSubmatch(line); m != nil {
		year, _ = strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		month = time.Month(mo)
		day, _ = strconv.Atoi(m[3])
	} else if m := laterMonthDateRe.FindStringSubmatch(line); m != nil {
		day, _ = strconv.Atoi(m[1])
		mt, err := time.Parse("Jan", m[2])
		if err != nil {
			return t
		}
		month = mt.Month()
		year, _ = strconv.Atoi(m[3])
	} else if m := laterAuditRe.FindStringSubmatch(line); m != nil {
		sec, _ := strconv.ParseInt(m[1], 10, 64)
		year, month, day = time.Unix(sec, 0).UTC().Date()
	} else {
		return t
	}
	if year == 0 || month < 1 || month > 12 || day < 1 || day > 31 {
		return t
	}
	dated := time.Date(year, month, day, 12, 0, 0, 0, t.Location())
	// the header may be a day off the date (midnight, or New Year,
	// between the two): the year that puts it nearest the date
	for _, y := range []int{year, year - 1, year + 1} {
		c := t.AddDate(y, 0, 0)
		if d := c.Sub(dated); d > -36*time.Hour && d < 36*time.Hour {
			return c
		}
	}
	return t
}

// priLevels are the levels of syslog's eight severities (emergency,
// alert, critical, error, warning, notice, informational, debug).
var priLevels = [8]string{"FATAL", "FATAL", "FATAL", "ERROR", "WARN", "NOTICE", "INFO", "DEBUG"}

// priLevel is the level that a syslog line's priority gives, "<11>1
// 2024-05-13T10:00:00Z host app ..." (RFC 5424) or "<34>Oct 11 22:14:15
// ..." (RFC 3164): its severity, the priority modulo 8. It is the
// standard severity of a line that writes no level word; the lines read
// as having none.
func priLevel(line string) string {
	end := strings.IndexByte(line, '>')
	if len(line) < 3 || line[0] != '<' || end < 2 || end > 4 {
		return ""
	}
	pri, err := strconv.Atoi(line[1:end])
	if err != nil || pri < 0 || pri > 191 {
		return ""
	}
	return priLevels[pri%8]
}

// JSON field names that structured loggers use for the message, level and
// time: zap, logrus, slog, bunyan, pino, ECS (flat and nested "log.level"),
// Serilog's CLEF (@m, @l, @t) and JSON, .NET's console formatter, log4j2's
// JSON layout, systemd's journal export, Google Cloud Logging, and Windows
// events as PowerShell's ConvertTo-Json (LevelDisplayName, TimeCreated)
// and NXLog (Severity, EventTime) write them. A dotted name is a path
// into nested objects.
var (
	JSONMsgKeys   = []string{"msg", "message", "MESSAGE", "Message", "RenderedMessage", "@m", "@mt", "MessageTemplate", "log", "text", "textPayload"}
	JSONLevelKeys = []string{"level", "lvl", "severity", "log.level", "levelname", "LEVEL", "Level", "LogLevel", "@l", "PRIORITY", "@level", "loglevel", "LevelDisplayName", "Severity"}
	jsonTimeKeys  = []string{"time", "ts", "timestamp", "@timestamp", "t", "asctime", "Timestamp", "@t", "__REALTIME_TIMESTAMP", "instant", "timeMillis",
		"eventTime", "requestReceivedTimestamp", // CloudTrail's, the Kubernetes audit log's
		"published", "unixTime", // Okta's system log's, osquery's results
		"TimeCreated", "EventTime"} // Windows events: PowerShell's, NXLog's
)

// JSONErrorKeys name the field in which a structured logger writes the
// error an entry reports, beside its message: zap's and slog's "error",
// logrus's "err", ECS's error.message, Serilog's @x, structlog's and
// python-json-logger's exc_info, CloudTrail's errorMessage, and the stack
// traces of log4j2's and logstash's JSON layouts.
var JSONErrorKeys = []string{"error.message", "error", "err", "exception", "@x", "exc_info", "errorMessage", "error_message",
	"stack_trace", "stacktrace", "stack", "thrown.message"}

// recordException is what the first of obj's JSONErrorKeys that holds text
// says: the exception line of a stack trace (a Java trace opens with it, a
// Python traceback ends with it), else its first line. A Java trace's
// deepest "Caused by:" is its root cause, and is what is said: the
// ResourceAccessException a logger caught hid the refused connection.
func recordException(obj map[string]any) string {
	v, ok := firstString(obj, JSONErrorKeys)
	if !ok {
		return ""
	}
	lines := strings.FieldsFunc(v, func(r rune) bool { return r == '\n' || r == '\r' })
	switch {
	case len(lines) == 0:
		return ""
	case strings.HasPrefix(lines[0], tracebackOpening):
		return strings.TrimSpace(lines[len(lines)-1])
	}
	for _, l := range slices.Backward(lines) {
		if cause, ok := strings.CutPrefix(strings.TrimSpace(l), causedBy); ok {
			return strings.TrimSpace(cause)
		}
	}
	return strings.TrimSpace(lines[0])
}

// JSONEventKeys name the event of an audit record, which has no message
// field: the service and the call (CloudTrail's eventSource and
// eventName, Google Cloud audit logs' protoPayload.serviceName and
// methodName, Azure's operationName), the kind of event (Okta's
// eventType, Suricata's event_type), what an IDS alert detected
// (Suricata's alert.signature: every alert was one template "alert"),
// the Kubernetes audit log's verb and resource, and the code of a failed
// call (CloudTrail's errorCode). Their
// values, in this order, are the record's content: the whole record held
// its ids, addresses and times in nested fields, and every record was a
// template of its own.
var JSONEventKeys = []string{"eventSource", "eventName", "protoPayload.serviceName", "protoPayload.methodName",
	"operationName", "operationName.value", "eventType", "event_type", "alert.signature", "verb", "objectRef.resource", "errorCode"}

// splitJSON handles one-object-per-line structured logs: the message
// field is the content, level and time come from their fields. An object
// with no message field but a time or level field is an event: its
// content is the values of its JSONEventKeys, or the whole record when it
// has none.
func splitJSON(line string) (Header, string, bool) {
	if len(line) < 2 || line[0] != '{' || line[len(line)-1] != '}' {
		return Header{}, "", false
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(line), &obj); err != nil {
		return Header{}, "", false
	}
	h := Header{Raw: line, Level: jsonLevel(obj), Time: jsonTime(obj), Exception: recordException(obj)}
	msg, ok := firstString(obj, JSONMsgKeys)
	if !ok {
		// an event with no message field (a Kubernetes audit event, a
		// CloudTrail record) is named by its event fields, and its time
		// and level are still its fields'
		return h, eventContent(obj, line), !h.Time.IsZero() || h.Level != ""
	}
	return h, strings.TrimSpace(msg), true
}

// eventContent joins the values of obj's JSONEventKeys; line when it has
// none.
func eventContent(obj map[string]any, line string) string {
	var parts []string
	for _, k := range JSONEventKeys {
		if v, ok := lookup(obj, k).(string); ok && strings.TrimSpace(v) != "" {
			parts = append(parts, strings.TrimSpace(v))
		}
	}
	if parts == nil {
		return line
	}
	return strings.Join(parts, " ")
}

// isDashMarker reports a line framed by "-- " and " --", which journalctl
// writes between entries ("-- Boot 3a1f... --", "-- No entries --",
// "-- Reboot --") and above them ("-- Journal begins at ... --"): the
// dates it names are the journal's range, not an event's time.
func isDashMarker(line string) bool {
	return len(line) > 6 && strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --")
}

// isRule reports a line of dashes alone, which parts the events of a
// report ("ausearch -i" writes "----" between audit events): it records
// nothing.
func isRule(line string) bool {
	return len(line) >= 4 && strings.Trim(line, "-") == ""
}

// zeekDirectiveRe is a directive line of a Zeek (Bro) log in its TSV
// format: "#separator \x09", "#fields\tts\tuid...", "#open\t2024-...".
var zeekDirectiveRe = regexp.MustCompile(`^#(?:separator|set_separator|empty_field|unset_field|path|open|close|fields|types)[\t ]`)

// IsZeekDirective reports whether line is a directive of a Zeek log
// (conn.log, dns.log, ...): it describes the columns of the records
// below it and is no record itself.
func IsZeekDirective(line string) bool {
	return strings.HasPrefix(line, "#") && zeekDirectiveRe.MatchString(line)
}

// splitLogfmt handles logfmt lines (logrus's text format, go-kit, Go's
// slog text handler): key=value pairs, values with spaces quoted. As in
// splitJSON, the message field is the content (the other pairs are left
// out of it, as a JSON line's other fields are) and level and time come
// from their fields; a line without a message field is read so only when
// it has a time or level field, and is then its own content.
func splitLogfmt(line string) (Header, string, bool) {
	eq := strings.IndexByte(line, '=')
	if eq < 1 || strings.IndexByte(line[:eq], ' ') >= 0 {
		return Header{}, "", false // cheap shape test: "key=" opens it
	}
	obj, ok := logfmtFields(line)
	if !ok {
		return Header{}, "", false
	}
	h := Header{Raw: line, Level: jsonLevel(obj), Time: jsonTime(obj), Exception: recordException(obj)}
	msg, ok := firstString(obj, JSONMsgKeys)
	if !ok {
		// a record with no message field (a firewall's traffic log:
		// FortiGate's 'date=2024-12-31 time=23:50:00 ... action="deny"')
		// is its own content, its time and level still its fields'
		return h, line, !h.Time.IsZero() || h.Level != ""
	}
	return h, strings.TrimSpace(msg), true
}

// logfmtFields reads a line that is nothing but two or more key=value
// pairs; ok is false for any other line (a message with a pair in it).
func logfmtFields(line string) (map[string]any, bool) {
	obj := map[string]any{}
	for line != "" {
		eq := strings.IndexByte(line, '=')
		if eq < 1 || !isLogfmtKey(line[:eq]) {
			return nil, false
		}
		key, val, rest, ok := line[:eq], "", line[eq+1:], true
		if strings.HasPrefix(rest, `"`) {
			val, rest, ok = logfmtQuoted(rest)
		} else {
			end := strings.IndexByte(rest, ' ')
			if end < 0 {
				end = len(rest)
			}
			val, rest = rest[:end], rest[end:]
		}
		if !ok || rest != "" && rest[0] != ' ' {
			return nil, false
		}
		obj[key] = val
		line = strings.TrimLeft(rest, " ")
	}
	return obj, len(obj) >= 2
}

// logfmtQuoted reads the quoted value that opens s, its escapes undone,
// and returns what follows it.
func logfmtQuoted(s string) (string, string, bool) {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			v, err := strconv.Unquote(s[:i+1])
			if err != nil {
				v = s[1:i]
			}
			return v, s[i+1:], true
		}
	}
	return "", "", false
}

// isLogfmtKey reports whether s is a logfmt key: an identifier, dotted
// or dashed ("http.status", "trace-id").
func isLogfmtKey(s string) bool {
	for i, c := range s {
		if !(unicode.IsLetter(c) || c == '_' || c == '@' || i > 0 && (unicode.IsDigit(c) || c == '.' || c == '-' || c == '/')) {
			return false
		}
	}
	return true
}

// jsonLevel reads the level field: a name, a pino/bunyan number (10 trace
// to 60 fatal) or a syslog priority (0 emergency to 7 debug, the
// journal's PRIORITY). CLEF leaves @l out for Information. A security
// event says how bad it is in fields of its own: an IDS alert's severity
// (Suricata's alert.severity) outranks the level field, and an outcome
// that failed or was denied makes the record at least a warning, since
// its level field says information for a failed logon too (see
// failedOutcome).
func jsonLevel(obj map[string]any) string {
	if lv := eventLevel(obj); lv != "" {
		return lv
	}
	lv := fieldLevel(obj)
	if !severe(lv) && failedOutcome(obj) {
		return "WARN"
	}
	return lv
}

// fieldLevel is the level a record's level fields give; "" when none.
func fieldLevel(obj map[string]any) string {
	for _, k := range JSONLevelKeys {
		switch v := lookup(obj, k).(type) {
		case string:
			if lv := normLevel(v); lv != "" {
				return lv
			}
			if n, err := strconv.Atoi(v); err == nil && k == "PRIORITY" {
				return syslogLevel(n)
			}
		case float64:
			if k == "PRIORITY" {
				return syslogLevel(int(v))
			}
			return numericLevel(v)
		}
	}
	if _, clef := obj["@t"]; clef {
		return "INFO"
	}
	if code, ok := obj["errorCode"].(string); ok && code != "" {
		return "ERROR" // a CloudTrail call that failed ("AccessDenied")
	}
	return klogLevel(obj)
}

// klogLevel reads the level of klog's JSON format (Kubernetes components
// run with --logging-format=json), which writes none: ErrorS adds the
// error as "err", InfoS the verbosity as "v". A controller's "Reconciler
// error" lines read as no error at all.
func klogLevel(obj map[string]any) string {
	if _, ok := obj["ts"].(float64); !ok {
		return ""
	}
	if e, ok := obj["err"].(string); ok && e != "" {
		return "ERROR"
	}
	if _, ok := obj["v"].(float64); ok {
		return "INFO"
	}
	return ""
}

// failedOutcome reports a security event whose outcome failed or was
// denied: Okta's outcome.result FAILURE or DENY, ECS's event.outcome
// failure (Winlogbeat's failed logon, whose log.level is information),
// NXLog's EventType AUDIT_FAILURE (whose Severity is INFO) and a Windows
// event from PowerShell's ConvertTo-Json whose KeywordsDisplayNames hold
// "Audit Failure" (its LevelDisplayName says Information).
func failedOutcome(obj map[string]any) bool {
	if r, ok := lookup(obj, "outcome.result").(string); ok {
		switch strings.ToUpper(r) {
		case "FAILURE", "DENY":
			return true
		}
	}
	if r, ok := lookup(obj, "event.outcome").(string); ok && strings.EqualFold(r, "failure") {
		return true
	}
	if r, ok := obj["EventType"].(string); ok && strings.EqualFold(r, "AUDIT_FAILURE") {
		return true
	}
	names, _ := obj["KeywordsDisplayNames"].([]any)
	for _, n := range names {
		if n, ok := n.(string); ok && strings.EqualFold(n, "Audit Failure") {
			return true
		}
	}
	return false
}

// eventLevel is the level an IDS alert's severity gives, where 1 is the
// highest (Suricata's alert.severity, 1 to 4); "" when the record has
// none.
func eventLevel(obj map[string]any) string {
	if n, ok := lookup(obj, "alert.severity").(float64); ok {
		switch {
		case n == 1:
			return "ERROR"
		case n == 2:
			return "WARN"
		case n == 3:
			return "NOTICE"
		case n >= 4:
			return "INFO"
		}
	}
	return ""
}

// numericLevel maps pino and bunyan levels.
func numericLevel(v float64) string {
	switch {
	case v >= 60:
		return "FATAL"
	case v >= 50:
		return "ERROR"
	case v >= 40:
		return "WARN"
	case v >= 30:
		return "INFO"
	case v >= 20:
		return "DEBUG"
	case v >= 10:
		return "TRACE"
	}
	return ""
}

// syslogLevel maps a syslog severity (RFC 5424: 0 emergency .. 7 debug).
func syslogLevel(n int) string {
	switch {
	case n < 0 || n > 7:
		return ""
	case n <= 2:
		return "FATAL"
	case n == 3:
		return "ERROR"
	case n == 4:
		return "WARN"
	case n == 5:
		return "NOTICE"
	case n == 6:
		return "INFO"
	}
	return "DEBUG"
}

// jsonTime reads the time field: a timestamp string, an epoch number or
// numeric string in seconds, milliseconds, microseconds or nanoseconds,
// or an object of seconds and nanoseconds (log4j2's instant, Google's
// timestamp).
func jsonTime(obj map[string]any) time.Time {
	if d, ok := obj["date"].(string); ok {
		// date and time in two fields, as firewalls write key=value
		// records: "date=2024-12-31 time=23:50:00"
		if c, ok := obj["time"].(string); ok {
			if t, ok := parseTime(d + " " + c); ok {
				return t
			}
		}
	}
	for _, k := range jsonTimeKeys {
		switch v := lookup(obj, k).(type) {
		case string:
			if t, ok := parseTime(v); ok {
				return t
			}
			if t, ok := msDate(v); ok {
				return t
			}
		case float64:
			if t, ok := epoch(v); ok {
				return t
			}
		case map[string]any:
			sec, ok1 := firstNumber(v, []string{"epochSecond", "seconds"})
			nano, _ := firstNumber(v, []string{"nanoOfSecond", "nanos"})
			if ok1 {
				return time.Unix(int64(sec), int64(nano)).UTC()
			}
		}
	}
	return time.Time{}
}

// msDate reads the date .NET's JSON serializers write, which
// PowerShell's ConvertTo-Json gives an event's TimeCreated:
// "/Date(1709287200000)/", epoch milliseconds (an offset may follow
// them, "+0100": the milliseconds are UTC all the same).
func msDate(s string) (time.Time, bool) {
	ms, ok := strings.CutPrefix(s, "/Date(")
	if !ok {
		return time.Time{}, false
	}
	ms, ok = strings.CutSuffix(ms, ")/")
	if i := strings.IndexAny(ms, "+-"); i > 0 {
		ms = ms[:i]
	}
	n, err := strconv.ParseInt(ms, 10, 64)
	if !ok || err != nil {
		return time.Time{}, false
	}
	return time.UnixMilli(n).UTC(), true
}

// HasRecordTime reports whether a JSON record has a time field (one of
// those jsonTime reads) that holds a time: the mark of a log record
// that has no level field, such as an audit event.
func HasRecordTime(obj map[string]any) bool {
	return !jsonTime(obj).IsZero()
}

// epoch reads a Unix time in seconds (with a fraction), milliseconds,
// microseconds or nanoseconds, telling them apart by size (1e9 seconds
// is 2001, 1e10 is 2286).
func epoch(v float64) (time.Time, bool) {
	switch {
	case v > 1e9 && v < 1e10:
		sec := math.Floor(v)
		return time.Unix(int64(sec), int64(math.Round((v-sec)*1e6))*1e3).UTC(), true
	case v > 1e12 && v < 1e13:
		return time.UnixMilli(int64(v)).UTC(), true
	case v > 1e15 && v < 1e16:
		return time.UnixMicro(int64(v)).UTC(), true
	case v > 1e18 && v < 1e19:
		return time.Unix(0, int64(v)).UTC(), true
	}
	return time.Time{}, false
}

// lookup returns obj's value at key, following a dotted key into nested
// objects when there is no flat key of that name.
func lookup(obj map[string]any, key string) any {
	if v, ok := obj[key]; ok {
		return v
	}
	head, rest, nested := strings.Cut(key, ".")
	if !nested {
		return nil
	}
	if sub, ok := obj[head].(map[string]any); ok {
		return lookup(sub, rest)
	}
	return nil
}

func firstString(obj map[string]any, keys []string) (string, bool) {
	for _, k := range keys {
		if v, ok := lookup(obj, k).(string); ok {
			return v, true
		}
	}
	return "", false
}

func firstNumber(obj map[string]any, keys []string) (float64, bool) {
	for _, k := range keys {
		if v, ok := lookup(obj, k).(float64); ok {
			return v, true
		}
	}
	return 0, false
}

// isSmallInt reports whether s is a short unsigned integer (a flag, pid).
func isSmallInt(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > 7 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// headerEnd returns the number of header tokens, the level word and the
// component found, following the shape described on SplitHeader.
func headerEnd(toks []htok) (int, string, string) {
	words := 0
	sepEnd := 0 // header end implied by a separator after a timestamp
	sawID := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.text[0] == '"' {
			// a quoted string is message, never a header field: Envoy's
			// '[time] "GET /x HTTP/2" 200 - 0 ...' ends its header at the
			// time, not at the "-" of its response flags
			break
		}
		switch t.kind {
		case kLevel:
			if !levelPlausible(toks, i, sawID) || (sepEnd > 0 && i > sepEnd) {
				words++
				if words > maxHeaderWords {
					return sepEnd, "", ""
				}
				continue
			}
			return afterLevel(toks, i)
		case kComp:
			if words <= 1 && (sawID || i == 0) {
				if end, lvl, mnem := mnemonicAt(toks, i+1); end > 0 {
					// "rpd[1234]: %DAEMON-4-RPD_BGP_NEIGHBOR_STATE_CHANGED:"
					return end, lvl, mnem
				}
				return i + 1, "", strings.TrimSuffix(t.text, ":")
			}
			words++
		case kMnem:
			if words <= 1 && (sawID || i == 0) {
				return mnemonicAt(toks, i)
			}
			words++
		case kSep:
			if sawID {
				sepEnd = i + 1
			}
		case kBracket:
			if lv := bracketLevel(t.text); lv != "" {
				return afterLevel(toks, i)
			}
			if hasDigit(t.text) {
				sawID = true
			}
		case kID:
			sawID = true
		case kWord:
			words++
		}
		if words > maxHeaderWords {
			break
		}
	}
	return sepEnd, "", ""
}

// levelPlausible rejects level words that are really content: a single
// letter only counts before a component token, and a level must follow
// some timestamp or id unless it opens the line in capitals.
func levelPlausible(toks []htok, i int, sawID bool) bool {
	w := strings.Trim(toks[i].text, "[]:,")
	if w == "FAIL" && !verdict(toks, i) {
		return false // "Setting FAIL threshold to 3", "FAIL count reset"
	}
	if i == 0 && len(w) >= 4 && w == strings.ToUpper(w) && i+1 < len(toks) {
		return true // "ERROR: disk full", "WARN retrying"
	}
	if !sawID {
		return false
	}
	if len(strings.Trim(toks[i].text, "[]:,")) == 1 {
		return i+1 < len(toks) && toks[i+1].kind == kComp
	}
	return true
}

// verdict reports a test runner's FAIL at toks[i]: after "---" or with a
// colon ("--- FAIL: TestRefund"), or before a package or a file ("FAIL
// github.com/acme/ledger 3.88s", "FAIL src/a.test.js"), or alone.
func verdict(toks []htok, i int) bool {
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].text
	}
	return i > 0 && toks[i-1].text == "---" || failVerdict(toks[i].text, next)
}

// failVerdict reports whether FAIL, written as word and followed by next
// ("" at the line's end), is a verdict: with a colon, alone, or before a
// package or a file.
func failVerdict(word, next string) bool {
	return strings.HasSuffix(word, ":") || next == "" || strings.ContainsAny(next, "/.") && !strings.HasSuffix(next, ".")
}

// afterLevel extends the header past the level at index i over a thread
// bracket, a separator and a component, and returns it.
func afterLevel(toks []htok, i int) (int, string, string) {
	lvl := normLevel(strings.Trim(toks[i].text, "[]:,"))
	if lvl == "" {
		lvl = bracketLevel(toks[i].text)
	}
	end := i + 1
	for end < len(toks) && (toks[end].kind == kBracket || toks[end].kind == kSep) {
		end++
	}
	comp := ""
	if end == i+1 && strings.HasSuffix(toks[i].text, ":") && toks[i].padded {
		// PostgreSQL's "LOG:  duration: 12.3 ms ...": its severity's
		// colon and two spaces end the header, and a word with a colon
		// after them is the message's first ("duration:", "statement:"),
		// which was taken for a component and left out of the template
		return end, lvl, comp
	}
	if j, logger, ok := springHead(toks, end); ok {
		return j, lvl, logger
	}
	if end < len(toks) && nginxProcRe.MatchString(toks[end].text) {
		// nginx's error log: "[error] 1234#1234: *5678 connect() failed"
		// names the process, thread and connection, which opened every
		// template as "<*>: <*>"
		comp = strings.TrimSuffix(toks[end].text, ":")
		end++
		if end < len(toks) && nginxConnRe.MatchString(toks[end].text) {
			end++
		}
		return end, lvl, comp
	}
	if end < len(toks) {
		t := toks[end]
		switch {
		case t.kind == kComp:
			comp = strings.TrimSuffix(t.text, ":")
			end++
		case toks[end-1].padded && t.padded && (t.kind == kWord || t.kind == kID):
			// Column-aligned logs pad the component field with spaces.
			comp = t.text
			end++
		}
	}
	return end, lvl, comp
}

// springHead reads the rest of Spring Boot's console header from toks[i]
// on: "12345 --- [app] [   main] c.e.d.DemoApplication     : Started ...",
// the pid, "---", the application and thread in brackets, the logger
// and a lone colon. It returns the index after the colon and the logger.
// Left in the content, the pid and the thread opened every template
// ("<*> --- [ main] c.e.d.DemoApplication : ..."), and a message logged
// from two threads made two templates.
func springHead(toks []htok, i int) (int, string, bool) {
	if i+1 >= len(toks) || toks[i].kind != kID || !allDigits(toks[i].text) || toks[i+1].text != "---" {
		return 0, "", false
	}
	j := i + 2
	for j < len(toks) && toks[j].kind == kBracket {
		j++
	}
	if j+1 >= len(toks) || toks[j+1].text != ":" {
		return 0, "", false
	}
	return j + 2, toks[j].text, true
}

// nginxProcRe is nginx's process and thread id in its error log, and
// nginxConnRe the connection number that may follow.
var (
	nginxProcRe = regexp.MustCompile(`^\d+#\d+:$`)
	nginxConnRe = regexp.MustCompile(`^\*\d+$`)
)

// headerTokens splits the start of line into up to n tokens, appended to
// toks; a bracketed group ("[Sun Dec 04 04:47:44 2005]", "[main]") is one
// token even when it holds spaces.
func headerTokens(toks []htok, line string, n int) []htok {
	i := 0
	for len(toks) < n {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			break
		}
		start := i
		if line[i] == '[' {
			i = closeBracket(line, i)
		} else {
			for i < len(line) && line[i] != ' ' && line[i] != '\t' {
				i++
			}
		}
		t := htok{text: line[start:i], start: start, end: i}
		t.padded = strings.HasPrefix(line[i:], "  ") || strings.HasPrefix(line[i:], "\t")
		t.kind = classify(t.text)
		toks = append(toks, t)
	}
	return toks
}

// closeBracket returns the index after the bracket group opened at i,
// honouring nesting; an unclosed bracket ends at the next space.
func closeBracket(line string, i int) int {
	depth := 0
	for j := i; j < len(line) && j-i < 200; j++ {
		switch line[j] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				k := j + 1
				for k < len(line) && line[k] != ' ' && line[k] != '\t' {
					k++ // "[x]:" or "[x]," stays one token
				}
				return k
			}
		}
	}
	j := i
	for j < len(line) && line[j] != ' ' {
		j++
	}
	return j
}

// classify gives a header token its kind.
func classify(s string) tokKind {
	switch {
	case s == "-" || s == "|" || s == "--" || s == "::":
		return kSep
	case s[0] == '[':
		return kBracket
	case normLevel(strings.Trim(s, ":,")) != "":
		return kLevel
	case mnemonicRe.MatchString(s):
		return kMnem
	case isZoneColon(s):
		return kID // "10:00:00.123 UTC: %SYS-5-CONFIG_I: ...": a zone, no component
	case isCompToken(s):
		return kComp
	case hasDigit(s) || isMonthOrDay(strings.TrimLeft(strings.Trim(s, ","), "*.")):
		// a leading "*" or "." is Cisco's mark of a clock not (or no
		// longer) synchronised: "*Dec 10 2024 06:55:00.123:"
		return kID
	}
	return kWord
}

// isZoneColon reports a zone abbreviation that ends a time with a colon,
// "UTC:".
func isZoneColon(s string) bool {
	zone, ok := strings.CutSuffix(s, ":")
	_, known := zoneOffsets[zone]
	return ok && known
}

// mnemonicRe is a message mnemonic, "%FACILITY-SEVERITY-MNEMONIC" with an
// optional subfacility, as Cisco IOS, IOS XE, IOS XR, NX-OS and ASA and
// Junos (explicit-priority) write it before the message:
// "%SYS-5-CONFIG_I:", "%PKT_INFRA-LINK-3-UPDOWN", "%ASA-6-302013:". The
// digit is the syslog severity (0 emergency .. 7 debug).
var mnemonicRe = regexp.MustCompile(`^%[A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)?-([0-7])-[A-Z0-9_]+:?$`)

// mnemonicAt reads a message mnemonic at toks[i], written with its colon
// or before a lone one (IOS XR's "%PKT_INFRA-LINK-3-UPDOWN : ..."): the
// header end after it, the level its severity gives and the mnemonic; end
// is 0 when there is none.
func mnemonicAt(toks []htok, i int) (int, string, string) {
	if i >= len(toks) || toks[i].kind != kMnem {
		return 0, "", ""
	}
	t := toks[i].text
	end := i + 1
	if !strings.HasSuffix(t, ":") {
		if end >= len(toks) || toks[end].text != ":" {
			return 0, "", ""
		}
		end++
	}
	sev := mnemonicRe.FindStringSubmatch(t)[1]
	return end, syslogLevel(int(sev[0] - '0')), strings.TrimSuffix(t, ":")
}

// isCompToken reports whether s looks like "name:", "name[pid]:",
// "name(sub)[pid]:" or "pkg.Class$Inner:".
func isCompToken(s string) bool {
	if len(s) < 2 || s[len(s)-1] != ':' {
		return false
	}
	body := s[:len(s)-1]
	r := rune(body[0])
	if !unicode.IsLetter(r) && r != '_' {
		return false
	}
	for _, c := range body {
		if !(unicode.IsLetter(c) || unicode.IsDigit(c) || strings.ContainsRune("._-$/()[]@#", c)) {
			return false
		}
	}
	return true
}

// levels maps severity spellings to normalised levels.
var levels = map[string]string{
	"TRACE": "TRACE", "DEBUG": "DEBUG", "DBG": "DEBUG", "VERBOSE": "DEBUG",
	"INFO": "INFO", "INFORMATION": "INFO", "NOTICE": "NOTICE", "LOG": "INFO",
	"WARN": "WARN", "WARNING": "WARN",
	"ERROR": "ERROR", "ERR": "ERROR", "SEVERE": "ERROR", "FAILURE": "ERROR",
	"FATAL": "FATAL", "CRITICAL": "FATAL", "CRIT": "FATAL", "ALERT": "FATAL", "EMERG": "FATAL", "PANIC": "FATAL",
	// A test runner's verdict (Go's "--- FAIL: TestX", "FAIL pkg"; Jest's
	// "FAIL src/a.test.js"), a level in capitals only.
	"FAIL": "ERROR",
	// Single-letter levels (Android, glog) are accepted only before a component.
	"V": "TRACE", "D": "DEBUG", "I": "INFO", "W": "WARN", "E": "ERROR", "F": "FATAL",
}

// normLevel returns the normalised level for a word, or "".
func normLevel(s string) string {
	if s == "" || len(s) > 11 {
		return ""
	}
	if !oneCase(s) {
		return ""
	}
	up := strings.ToUpper(s)
	if len(s) == 1 && s != up || capitalsOnly[up] && s != up {
		return "" // PostgreSQL's "LOG:" is a level; the word "log" is not
	}
	return levels[up]
}

// capitalsOnly are level words that are a level only in capitals: in
// other cases they are words that open messages ("log rotated", "fail
// over to replica 2").
var capitalsOnly = map[string]bool{"LOG": true, "FAIL": true}

// oneCase reports whether s is written as level words are, in one case:
// "INFO", "info", "Info".
func oneCase(s string) bool {
	return s == strings.ToUpper(s) || s == strings.ToLower(s) || s == strings.ToUpper(s[:1])+strings.ToLower(s[1:])
}

// bracketLevels are severities that count only in brackets, as MySQL
// writes "[System]" and "[Note]" beside "[Warning]" and "[ERROR]": as bare
// words they open too many messages ("System started") to be read as a
// level.
var bracketLevels = map[string]string{"SYSTEM": "INFO", "NOTE": "INFO"}

// bracketLevel reads a bracketed level: "[error]", "[Note]", or Apache
// 2.4's "[proxy:error]" (module and level).
func bracketLevel(tok string) string {
	in := strings.Trim(tok, "[]:,")
	if lv := normLevel(in); lv != "" {
		return lv
	}
	if lv := bracketLevels[strings.ToUpper(in)]; lv != "" && oneCase(in) {
		return lv
	}
	if i := strings.LastIndexByte(in, ':'); i > 0 && !strings.ContainsAny(in, " ") {
		return normLevel(in[i+1:])
	}
	return ""
}

// levelIn finds a level among header tokens (e.g. "[error]").
func levelIn(toks []htok) string {
	for _, t := range toks {
		if lv := normLevel(strings.Trim(t.text, "[]:,<>")); lv != "" {
			return lv
		}
	}
	return ""
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

var monthDay = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
}

// isMonthOrDay reports whether s is an English month or weekday
// abbreviation, which header timestamps use.
func isMonthOrDay(s string) bool {
	return len(s) == 3 && monthDay[strings.ToLower(s)]
}
