package logs

import (
	"iter"
	"regexp"
	"strings"
)

// Some logs write each record over several lines: header lines of
// "Name: value" fields, then the message. Read a line at a time, every
// field was an entry of its own and the record's time and level sat on
// lines apart from its message. A block log is read a record at a time
// instead: the record's fields give its time and level, and its message
// is the content. One record format is known:
//
//   - the text export of Windows event logs ("wevtutil qe Security
//     /f:text", Get-WinEvent | Format-List): "Event[0]:" opens a record,
//     indented fields follow ("  Date: ...", "  Level: ...", "  Source:
//     ...", "  Event ID: ..."), and the description's first line is the
//     message.
type blockLog struct {
	opens   func(line string, rec []string) bool
	split   func(rec []string) (h Header, content, sample string)
	pending []string
}

// blockScan bounds how many lines detectBlockLog reads for a record's
// opening: a preamble may come before it.
const blockScan = 5

var (
	// eventOpenRe opens a record of a Windows event log's text export.
	eventOpenRe = regexp.MustCompile(`^Event\[\d+\]:$`)
	// eventFieldRe is one of its fields: "  Event ID: 4625".
	eventFieldRe = regexp.MustCompile(`^\s+([A-Za-z][A-Za-z ]*?):\s*(.*)$`)
)

// IsBlockLog reports whether text is a block log of a known format (see
// blockLog): one whose record opens on one of its first lines.
func IsBlockLog(text string) bool {
	return detectBlockLog(textLines(text)) != nil
}

// detectBlockLog returns the reader of a block log, or nil when the log
// is none: one of the first non-blank lines opens a record of a known
// format, and the line after it is one of its fields.
func detectBlockLog(lines iter.Seq[string]) *blockLog {
	n, prev := 0, ""
	for line := range lines {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch {
		case eventOpenRe.MatchString(strings.TrimPrefix(prev, "\uFEFF")) && eventFieldRe.MatchString(line):
			return &blockLog{opens: func(line string, _ []string) bool { return eventOpenRe.MatchString(line) }, split: splitEventRecord}
		}
		if n++; n > blockScan {
			return nil
		}
		prev = line
	}
	return nil
}

// add takes the next line and returns the record it ends, if it opens
// the next one. Lines before the first record are records of their own.
func (b *blockLog) add(line string) []string {
	switch {
	case b.pending == nil && b.opens(line, nil):
		b.pending = []string{line}
		return nil
	case b.pending == nil:
		return []string{line}
	case !b.opens(line, b.pending):
		b.pending = append(b.pending, line)
		return nil
	}
	rec := b.pending
	b.pending = []string{line}
	return rec
}

// flush returns the last record.
func (b *blockLog) flush() []string {
	rec := b.pending
	b.pending = nil
	return rec
}

// splitEventRecord reads a Windows event's fields: Date is its time,
// Level its level (an audit failure, which the Security log writes as
// Information, is a warning), and the description's first line its
// message; "Source [Event ID]" when it has none. Its sample is those
// fields and the message on one line: the record's other fields filled
// the sample before its message.
func splitEventRecord(rec []string) (Header, string, string) {
	var h Header
	var date, level, source, id, msg string
	described := false
	for _, line := range rec[1:] {
		if described {
			if msg = strings.TrimSpace(line); msg != "" {
				break
			}
			continue
		}
		m := eventFieldRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		v := strings.TrimSpace(m[2])
		switch m[1] {
		case "Date":
			date = v
			h.Time, _ = parseTime(v)
		case "Level":
			level = v
			if h.Level == "" {
				h.Level = normLevel(v)
			}
		case "Keywords", "Keyword":
			if strings.Contains(v, "Audit Failure") {
				h.Level = "WARN"
			}
		case "Source":
			source = v
		case "Event ID":
			id = v
		case "Description":
			described, msg = true, v
			if msg != "" {
				break
			}
		}
	}
	h.Component = source
	head := strings.Join(strings.Fields(date+" "+level+" "+source+" ["+id+"]"), " ")
	if msg == "" {
		return h, strings.TrimSpace(source + " [" + id + "]"), head
	}
	return h, msg, head + ": " + msg
}
