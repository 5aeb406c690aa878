package logs

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Container runtimes and orchestrators wrap each line an application
// writes: the wrapper's time and stream come first, the application's own
// line (with its own header) follows.
var (
	// criRe is the CRI log format of Kubernetes nodes (containerd,
	// CRI-O): "<RFC 3339 time> stdout|stderr F|P <line>"; P marks a line
	// split because it was long, continued by the next.
	criRe = regexp.MustCompile(`^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)) (?:stdout|stderr) ([FP]) ?(.*)$`)
	// composeRe is docker compose's "service-1  | line" prefix.
	composeRe = regexp.MustCompile(`^([a-z0-9][a-z0-9_.-]*[-_]\d+)\s+\| ?(.*)$`)
)

// maybeCRI matches criRe on lines that start like an RFC 3339 time.
func maybeCRI(line string) []string {
	if len(line) < 30 || line[4] != '-' || line[10] != 'T' {
		return nil
	}
	return criRe.FindStringSubmatch(line)
}

// maybeCompose matches composeRe on lines with a bar near their start.
func maybeCompose(line string) []string {
	if i := strings.IndexByte(line[:min(len(line), 80)], '|'); i < 2 {
		return nil
	}
	return composeRe.FindStringSubmatch(line)
}

// maxWrapDepth bounds nested wrappers (compose over json-file over JSON).
const maxWrapDepth = 3

// splitWrapper unwraps a container runtime's line and splits the line
// inside: its level, component and content; its time, else the
// wrapper's.
func splitWrapper(line string) (Header, string, bool) {
	return unwrap(line, 0)
}

func unwrap(line string, depth int) (Header, string, bool) {
	if depth >= maxWrapDepth {
		return Header{}, "", false
	}
	var outer time.Time
	inner, partial := "", false
	// cheap shape tests first: this runs on every line of every log
	if m := maybeCRI(line); m != nil {
		outer, _ = parseTime(m[1])
		inner, partial = m[3], m[2] == "P"
	} else if m := maybeCompose(line); m != nil {
		inner = m[2]
	} else {
		var ok bool
		if inner, outer, ok = dockerJSON(line); !ok {
			return Header{}, "", false
		}
	}
	raw := inner
	inner = strings.TrimSpace(inner)
	h, content, ok := unwrap(inner, depth+1)
	if !ok {
		h, content = SplitHeader(inner)
	}
	if raw != "" && !h.Continues && continuation(raw, h) {
		// judged before the wrapper's time is the line's: with it, a
		// stack frame had a time of its own and was an entry
		h.Continues = true
	}
	if h.Time.IsZero() || h.Time.Year() == 0 && !outer.IsZero() {
		h.Time = outer // the runtime's time has a year; glog's has none
	}
	h.Partial = h.Partial || partial
	if raw := strings.TrimSuffix(line, content); raw != line {
		h.Raw = strings.TrimSpace(raw)
	}
	return h, content, true
}

// dockerJSON reads Docker's json-file format, {"log": "...\n", "stream":
// "stderr", "time": "..."}: the log field is the application's line.
func dockerJSON(line string) (string, time.Time, bool) {
	if !strings.HasPrefix(line, "{") || !strings.Contains(line, `"stream"`) {
		return "", time.Time{}, false
	}
	var v struct {
		Log    *string `json:"log"`
		Stream string  `json:"stream"`
		Time   string  `json:"time"`
	}
	if json.Unmarshal([]byte(line), &v) != nil || v.Log == nil || v.Stream == "" {
		return "", time.Time{}, false
	}
	t, _ := parseTime(v.Time)
	return strings.TrimRight(*v.Log, "\r\n"), t, true
}

// Notations that a token-shape header reader cannot take apart, because
// level and time are glued together or to the logger name.
var (
	// glogRe is glog/klog (Kubernetes components, many Go and C++
	// programs): "E0102 10:03:00.000003 1 file.go:103] message"; the
	// letter is the level, MMDD the date (no year).
	glogRe = regexp.MustCompile(`^([IWEF])(\d{4} \d\d:\d\d:\d\d\.\d{6})\s+\d+\s+([\w.-]+:\d+)\] ?(.*)$`)
	// pyBasicRe is Python logging's default format, "LEVEL:logger:message".
	pyBasicRe = regexp.MustCompile(`^(DEBUG|INFO|WARNING|ERROR|CRITICAL):([\w.]+):(.*)$`)
	// bracketHeadRe is a header of time, level and component in one
	// bracket, "[2025-10-02 11:01:33,120: WARNING/ForkPoolWorker-1]"
	// (Celery's): the token reader takes a bracket whole, as it must for
	// "[Sun Dec 04 04:47:44 2005]".
	bracketHeadRe = regexp.MustCompile(`^\[(\d[^\]]*?\d)[:,]? ([A-Za-z]+)(?:/([^\]\s]+))?\] ?(.*)$`)
	// workflowRe is a CI runner's workflow command, "##[error]message"
	// (GitHub Actions, Azure Pipelines), after the time the runner stamps
	// on each line of a downloaded log.
	workflowRe = regexp.MustCompile(`^(?:(\d{4}-\d\d-\d\dT\S+) )?##\[(\w+)\] ?(.*)$`)
	// redisRe is Redis's log line, "1:M 31 Dec 2024 23:50:00.123 # msg":
	// pid and role, the time, and a sign for the level.
	redisRe = regexp.MustCompile(`^\d+:[XCSM] (\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3}) ([.*#-]) (.*)$`)
)

// auditRe is a Linux audit record, as auditd writes it to audit.log
// (and a forwarder with the node): "type=SYSCALL
// msg=audit(1700000000.123:456): arch=c000003e syscall=59 ...", its
// time epoch seconds with milliseconds, then the event's serial; or as
// "ausearch -i" prints it, the time as a local date and the fields
// interpreted: "type=SYSCALL msg=audit(11/30/2026 09:00:00.881:1001) :
// arch=x86_64 syscall=execve ...".
var auditRe = regexp.MustCompile(`^(?:node=\S+ )?type=(\S+) msg=audit\((\d{9,10}\.\d{3}|\d\d/\d\d/\d\d(?:\d\d)? \d\d:\d\d:\d\d\.\d{3}):\d+\) ?: ?(.*)$`)

// auditTime reads an audit stamp's time: epoch seconds, or ausearch's
// local date (the locale's %x: four digits of the year, or two in the C
// locale).
func auditTime(stamp string) (time.Time, bool) {
	if strings.IndexByte(stamp, '/') < 0 {
		sec, err := strconv.ParseFloat(stamp, 64)
		if err != nil {
			return time.Time{}, false
		}
		t, _ := epoch(sec)
		return t, true
	}
	for _, layout := range []string{"01/02/2006 15:04:05.000", "01/02/06 15:04:05.000"} {
		if t, err := time.Parse(layout, stamp); err == nil {
			return floating(t, layout), true
		}
	}
	return time.Time{}, false
}

// auditFailedRe finds an audit record's report of a failure: a call that
// did not succeed, a user action whose result was failed, an access
// AppArmor denied.
var auditFailedRe = regexp.MustCompile(`(?:^|\s)(?:success=no|res=(?:failed|0)'?|apparmor="DENIED")(?:\s|$)`)

// splitAudit reads a Linux audit record: the time is its audit stamp, the
// record type its component, and the type and its fields the content, so
// that each type is a template; a failure is a warning. Read as logfmt,
// the stamp ("msg=audit(...):") was its message and every record the
// template "<*>):", with no time.
func splitAudit(line string) (Header, string, bool) {
	if !strings.Contains(line[:min(len(line), 64)], "msg=audit(") {
		return Header{}, "", false
	}
	m := auditRe.FindStringSubmatch(line)
	if m == nil {
		return Header{}, "", false
	}
	t, ok := auditTime(m[2])
	if !ok {
		return Header{}, "", false
	}
	h := Header{Time: t, Component: m[1]}
	h.Raw = strings.TrimSpace(strings.TrimSuffix(line, m[3]))
	if auditFailedRe.MatchString(m[3]) {
		h.Level = "WARN"
	}
	return h, strings.TrimSpace(m[1] + " " + m[3]), true
}

// redisLevels are the levels of Redis's signs: debug, verbose, notice and
// warning.
var redisLevels = map[string]string{".": "DEBUG", "-": "DEBUG", "*": "NOTICE", "#": "WARN"}

// redisFailureRe is a Redis warning that reports a failure: Redis has
// no error level and writes them at its highest, "#", beside advice
// ("WARNING: The TCP backlog setting of 511 cannot be enforced"). A
// failed background save ("# Background saving error", "# Write error
// saving DB on disk", "# Failed opening the temp RDB file") and the
// refusal of writes that follows it ("# WARNING: MISCONF ... unable to
// persist to disk") are what an on-call reader looks for; as warnings
// they went unsaid among the routine saves.
var redisFailureRe = regexp.MustCompile(`(?i)\b(?:error|failed|can't|unable\s+to|terminated\s+by\s+signal)\b`)

// workflowMarkers are the workflow commands that fold a CI log into
// sections rather than report an event.
var workflowMarkers = map[string]bool{"group": true, "endgroup": true, "section": true}

// splitNotation reads the glog, Python default, bracketed-head,
// workflow-command and Redis notations.
func splitNotation(line string) (Header, string, bool) {
	if len(line) < 8 {
		return Header{}, "", false
	}
	if h, content, ok := splitBracketHead(line); ok {
		return h, content, true
	}
	if h, content, ok := splitWorkflow(line); ok {
		return h, content, true
	}
	if line[0] >= '0' && line[0] <= '9' && strings.IndexByte(line[:min(len(line), 12)], ':') > 0 {
		if m := redisRe.FindStringSubmatch(line); m != nil {
			t, _ := parseTime(m[1])
			h := Header{Time: t, Level: redisLevels[m[2]]}
			if m[2] == "#" && redisFailureRe.MatchString(m[3]) {
				h.Level = "ERROR"
			}
			h.Raw = strings.TrimSpace(strings.TrimSuffix(line, m[3]))
			return h, strings.TrimSpace(m[3]), true
		}
	}
	if line[0] < 'A' || line[0] > 'Z' {
		return Header{}, "", false // glog and Python's start with a capital
	}
	if line[1] >= '0' && line[1] <= '9' {
		if m := glogRe.FindStringSubmatch(line); m != nil {
			t, _ := time.Parse("0102 15:04:05.999999", m[2])
			h := Header{Level: levels[m[1]], Time: floating(t, ""), Component: m[3]}
			h.Raw = strings.TrimSpace(strings.TrimSuffix(line, m[4]))
			return h, strings.TrimSpace(m[4]), true
		}
	}
	if i := strings.IndexByte(line, ':'); i < 4 || i > 8 {
		return Header{}, "", false
	}
	if m := pyBasicRe.FindStringSubmatch(line); m != nil {
		return Header{Raw: m[1] + ":" + m[2] + ":", Level: normLevel(m[1]), Component: m[2]}, strings.TrimSpace(m[3]), true
	}
	return Header{}, "", false
}

// splitBracketHead reads a "[time: LEVEL/component]" header.
func splitBracketHead(line string) (Header, string, bool) {
	if line[0] != '[' || line[1] < '0' || line[1] > '9' {
		return Header{}, "", false
	}
	m := bracketHeadRe.FindStringSubmatch(line)
	if m == nil {
		return Header{}, "", false
	}
	t, ok := parseTime(m[1])
	level := normLevel(m[2])
	if !ok || level == "" {
		return Header{}, "", false
	}
	h := Header{Time: t, Level: level, Component: m[3]}
	h.Raw = strings.TrimSpace(strings.TrimSuffix(line, m[4]))
	return h, strings.TrimSpace(m[4]), true
}

// splitWorkflow reads a workflow command: "##[error]", "##[warning]",
// "##[notice]" and "##[debug]" are the line's level, a group or section
// command makes it a marker.
func splitWorkflow(line string) (Header, string, bool) {
	if !strings.Contains(line[:min(len(line), 48)], "##[") {
		return Header{}, "", false // cheap shape test: it opens the line or follows the time
	}
	m := workflowRe.FindStringSubmatch(line)
	if m == nil {
		return Header{}, "", false
	}
	var h Header
	h.Time, _ = parseTime(m[1])
	h.Level = normLevel(m[2])
	h.Marker = workflowMarkers[strings.ToLower(m[2])]
	h.Raw = strings.TrimSpace(strings.TrimSuffix(line, m[3]))
	return h, strings.TrimSpace(m[3]), true
}
