package logs

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
)

// Some tools print their events as a table whose columns are aligned
// with spaces under a header of column names: `kubectl get events`
// ("LAST SEEN   TYPE      REASON    OBJECT   MESSAGE") and the Events
// table of `kubectl describe` ("Type     Reason     Age   From
// Message"). Read line by line, each row opened with its age ("2m"), a
// "Normal" row was no level at all, and every row was its own template.
// A header that names a level (or "type") column and a message column,
// the columns set two or more spaces apart, makes Summarize read the rows
// below it by the header's columns: the type is the level, and the entry
// is the reason, when a column names one, and the message.

// alignedGap separates the column names of an aligned header.
var alignedGap = regexp.MustCompile(`\S(?:\S| \S)*`)

// alignedLevelColumns name an aligned table's severity column: kubectl
// calls it "type".
var alignedLevelColumns = map[string]bool{"type": true, "level": true, "severity": true}

// alignedLevels are the kinds of event kubectl writes in its type column.
var alignedLevels = map[string]string{"normal": "INFO", "warning": "WARN"}

// alignedSeparator is the rule under kubectl describe's header: "----
// ------ ---- ---- -------".
var alignedSeparator = regexp.MustCompile(`^\s*-+(?:\s+-+)+\s*$`)

// newAlignedLog reads an aligned table's header into a csvLog that
// splits rows at the header's column offsets; nil when line is none.
func newAlignedLog(line string) *csvLog {
	if strings.ContainsAny(line, ",\t") || !strings.Contains(line, "  ") {
		return nil
	}
	spans := alignedGap.FindAllStringIndex(line, -1)
	if len(spans) < 3 {
		return nil
	}
	c := &csvLog{cols: len(spans), time: -1, message: -1, reason: -1, count: -1}
	for i, sp := range spans {
		n := line[sp[0]:sp[1]]
		if hasDigit(n) || strings.ToUpper(n) != n && !titleCase(n) {
			return nil // a record, or prose
		}
		c.starts = append(c.starts, sp[0])
		switch n = strings.ToLower(n); {
		case alignedLevelColumns[n] && len(c.level) == 0:
			c.level = append(c.level, i)
		case csvMessageColumns[n] && c.message < 0:
			c.message = i
		case n == "reason" && c.reason < 0:
			c.reason = i
		case n == "count" && c.count < 0:
			c.count = i
		}
	}
	if len(c.level) == 0 || c.message < 0 {
		return nil
	}
	return c
}

// titleCase reports whether the words of a column name are capitalised
// ("Reason", "Last Seen").
func titleCase(n string) bool {
	for w := range strings.FieldsSeq(n) {
		if w[:1] != strings.ToUpper(w[:1]) || w[1:] != strings.ToLower(w[1:]) {
			return false
		}
	}
	return true
}

// IsAlignedLogHeader reports whether line is the header of an aligned
// table of events (see newAlignedLog).
func IsAlignedLogHeader(line string) bool {
	return newAlignedLog(line) != nil
}

// splitAligned reads a row of an aligned table; ok is false when the
// row does not fit the header's columns (each column must start after a
// space).
func (c *csvLog) splitAligned(rec string) (h Header, content string, ok bool) {
	if alignedSeparator.MatchString(rec) {
		return Header{Marker: true}, "", true
	}
	field := func(i int) (string, bool) {
		start := c.starts[i]
		if start > len(rec) || start > 0 && rec[start-1] != ' ' {
			return "", false
		}
		end := len(rec)
		if i+1 < len(c.starts) && (i != c.message || c.starts[i+1] < len(rec) && rec[c.starts[i+1]-1] == ' ') {
			// a message runs to the line's end, past its column, unless
			// a column follows it (kubectl get events -o wide: FIRST
			// SEEN, COUNT and NAME, which were read as its words)
			end = min(end, c.starts[i+1])
		}
		return strings.TrimSpace(rec[start:end]), true
	}
	level, ok1 := field(c.level[0])
	msg, ok2 := field(c.message)
	if !ok1 || !ok2 || level == "" || msg == "" {
		return Header{}, "", false
	}
	if h.Level = alignedLevels[strings.ToLower(level)]; h.Level == "" {
		h.Level = normLevel(level)
	}
	h.Repeat, msg = eventRepeat(rec, msg)
	if c.count >= 0 {
		// -o wide's COUNT column: how many times the event happened
		if n, ok := field(c.count); ok {
			h.Repeat, _ = strconv.Atoi(n)
		}
	}
	content = msg
	if c.reason >= 0 {
		if reason, ok := field(c.reason); ok && reason != "" {
			content = reason + ": " + msg
		}
	}
	return h, content, true
}

// IsAlignedLog reports whether text is an aligned table of events, on
// its first line or under kubectl describe's "Events:", with a row
// below its header.
func IsAlignedLog(text string) bool {
	c, body := detectCSVLog(strings.SplitSeq(text, "\n"))
	if c == nil || c.starts == nil {
		return false
	}
	i := -1
	for line := range strings.SplitSeq(text, "\n") {
		if i++; i >= body && strings.TrimSpace(line) != "" {
			_, _, ok := c.split(strings.TrimRight(line, "\r"))
			return ok
		}
	}
	return false
}

// eventRepeatRe is how kubectl writes the repeats of an event it folded
// into one row, in its age column or after the message: "(x25 over 3m)".
var eventRepeatRe = regexp.MustCompile(`\(x(\d+) over [0-9a-z]+\)`)

// eventRepeat is how many times the event of row rec happened (0 when
// the row says nothing of it) and msg without the repeat note: a BackOff
// row that stood for 25 restarts counted as one, and a crash loop read
// as a single warning beside one-off Normal events.
func eventRepeat(rec, msg string) (int, string) {
	m := eventRepeatRe.FindStringSubmatchIndex(rec)
	if m == nil {
		return 0, msg
	}
	n, err := strconv.Atoi(rec[m[2]:m[3]])
	if err != nil {
		return 0, msg
	}
	msg = strings.TrimSpace(eventRepeatRe.ReplaceAllString(msg, ""))
	return n, msg
}

// describedPod reads the containers kubectl describe lists above its
// Events table. Their states are no rows of the table, and were skipped
// with the rest of the description: a pod whose container the kernel
// killed for memory read as 160 BackOff warnings, and its OOMKilled and
// exit code 137, what broke, were never said. A container whose state or
// last state is Terminated for a failure becomes an error entry
// ("Container api terminated: OOMKilled (exit code 137), restarted 14
// times"). It is not dated by when the container finished: the table's
// rows have only ages, and the span read as that one instant.
type describedPod struct {
	containers bool   // the lines are under "Containers:" or "Init Containers:"
	name       string // the container described
	terminated bool   // its state or last state being read is Terminated
	reason     string
	exit       string
	restarts   string
}

// add reads a line of the description; ok is true when it ended the
// description of a container that failed, whose entry is content.
func (p *describedPod) add(raw string) (content string, ok bool) {
	line := strings.TrimSpace(raw)
	key, value, _ := strings.Cut(line, ":")
	value = strings.TrimSpace(value)
	switch indent := len(raw) - len(strings.TrimLeft(raw, " ")); {
	case indent == 0:
		content, ok = p.flush()
		p.containers = key == "Containers" || key == "Init Containers"
	case !p.containers:
	case indent == 2 && value == "":
		content, ok = p.flush()
		p.name = key
	case indent == 4:
		p.terminated = (key == "State" || key == "Last State") && value == "Terminated"
		if key == "Restart Count" {
			p.restarts = value
		}
	case p.terminated && p.reason == "" && key == "Reason":
		p.reason = value
	case p.terminated && p.exit == "" && key == "Exit Code":
		p.exit = value
	}
	return content, ok
}

// flush ends the description of the container read: its entry, when it
// terminated for a failure (a reason other than Completed, or an exit
// code other than 0).
func (p *describedPod) flush() (content string, ok bool) {
	failed := p.name != "" && (p.reason != "" && p.reason != "Completed" || p.exit != "" && p.exit != "0")
	if failed {
		content = "Container " + p.name + " terminated: " + cmp.Or(p.reason, "Error")
		if p.exit != "" {
			content += " (exit code " + p.exit + ")"
		}
		if p.restarts != "" && p.restarts != "0" {
			content += ", restarted " + p.restarts + " times"
		}
	}
	*p = describedPod{containers: p.containers}
	return content, failed
}
