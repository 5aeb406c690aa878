package logs

import (
	"iter"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Some logs write each record over several lines: header lines of
// "Name: value" fields, then the message. Read a line at a time, every
// field was an entry of its own and the record's time and level sat on
// lines apart from its message. A block log is read a record at a time
// instead: the record's fields give its time and level, and its message
// is the content. These record formats are known:
//
//   - the text export of Windows event logs ("wevtutil qe Security
//     /f:text", Get-WinEvent | Format-List): "Event[0]:" opens a record,
//     indented fields follow ("  Date: ...", "  Level: ...", "  Source:
//     ...", "  Event ID: ..."), and the description's first line is the
//     message;
//   - Event Viewer's "Copy details as text", events pasted one after
//     another: "Log Name: Security" opens a record and "Source: ..."
//     follows it, the fields unindented, then "Description:" and the
//     message as above (and "Event Xml:", which is no description);
//   - MySQL's slow query log: "# Time:", "# User@Host:" and
//     "# Query_time:" comment lines, then the statement the record is
//     about, which is the message; a comment line after a statement opens
//     the next record (MySQL 5.6 writes "# Time:" only when the second
//     changed).
type blockLog struct {
	opens   func(line string, rec []string) bool
	split   func(rec []string) (h Header, content, sample string)
	pending []string
}

// blockScan bounds how many lines detectBlockLog reads for a record's
// opening: a preamble (the slow query log's "started with:" lines) comes
// before it.
const blockScan = 5

var (
	// eventOpenRe opens a record of a Windows event log's text export.
	eventOpenRe = regexp.MustCompile(`^Event\[\d+\]:$`)
	// eventFieldRe is one of its fields: "  Event ID: 4625", unindented
	// in Event Viewer's copy.
	eventFieldRe = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z ]*?):\s*(.*)$`)
	// viewerOpenRe opens a record Event Viewer copied as text; viewerSourceRe
	// is the field that follows it.
	viewerOpenRe   = regexp.MustCompile(`^Log Name:\s+\S`)
	viewerSourceRe = regexp.MustCompile(`^Source:\s+\S`)
	// commentFieldRe is a field of a comment header: "# Time: ...".
	commentFieldRe = regexp.MustCompile(`^#\s*([A-Za-z_@]+):\s*(.*)$`)
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
		case viewerOpenRe.MatchString(strings.TrimPrefix(prev, "\uFEFF")) && viewerSourceRe.MatchString(line):
			return &blockLog{opens: func(line string, _ []string) bool { return viewerOpenRe.MatchString(line) }, split: splitEventRecord}
		case slowOpenRe.MatchString(prev) && commentFieldRe.MatchString(line):
			return &blockLog{opens: opensSlowRecord, split: splitSlowRecord}
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
// fields and the whole description on one line, as a saved event's XML
// gives it (eventXMLSample): the record's other fields filled the sample
// before its message, and the description's first line alone did not
// name the account a logon or a lockout was about.
func splitEventRecord(rec []string) (Header, string, string) {
	var h Header
	var date, level, source, id string
	var desc []string
	described := false
	for _, line := range rec[1:] {
		if described {
			if strings.HasPrefix(line, "Event Xml:") {
				break // Event Viewer's copy ends with the event's XML
			}
			desc = append(desc, line)
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
			described, desc = true, []string{v}
		}
	}
	h.Component = source
	head := strings.Join(strings.Fields(date+" "+level+" "+source+" ["+id+"]"), " ")
	msg := ""
	for _, l := range desc {
		if msg = strings.TrimSpace(l); msg != "" {
			break
		}
	}
	if msg == "" {
		return h, strings.TrimSpace(source + " [" + id + "]"), head
	}
	return h, msg, head + ": " + strings.Join(strings.Fields(strings.Join(desc, " ")), " ")
}

// slowOpenRe opens a record of MySQL's slow query log.
var slowOpenRe = regexp.MustCompile(`^# (?:Time|User@Host): `)

// opensSlowRecord reports whether line opens a slow query log record: a
// comment line after the statement of the record so far.
func opensSlowRecord(line string, rec []string) bool {
	if !strings.HasPrefix(line, "#") {
		return false
	}
	if rec == nil {
		return slowOpenRe.MatchString(line)
	}
	for _, l := range rec {
		if !commentFieldRe.MatchString(l) {
			return true // the statement ("# administrator command: Quit;" too)
		}
	}
	return false
}

// slowSessionRe matches the statements MySQL writes before the logged
// one to set its session up: the time and the database.
var slowSessionRe = regexp.MustCompile(`^(?i:SET timestamp=\d+;|use [^ ;]+;)$`)

// splitSlowRecord reads a slow query log record: its time is "# Time:"
// or, without one, "SET timestamp=", and its statement the message, its
// lines joined. Its sample is the record on one line.
func splitSlowRecord(rec []string) (Header, string, string) {
	var h Header
	var stmt []string
	for _, line := range rec {
		line = strings.TrimSpace(line)
		if m := commentFieldRe.FindStringSubmatch(line); m != nil {
			if m[1] == "Time" {
				h.Time, _ = parseTime(strings.Join(strings.Fields(m[2]), " "))
			}
			continue
		}
		if slowSessionRe.MatchString(line) {
			if s, ok := strings.CutPrefix(strings.ToLower(line), "set timestamp="); ok && h.Time.IsZero() {
				if n, err := strconv.ParseInt(strings.TrimSuffix(s, ";"), 10, 64); err == nil {
					h.Time = time.Unix(n, 0).UTC()
				}
			}
			continue
		}
		stmt = append(stmt, line)
	}
	return h, strings.Join(stmt, " "), strings.Join(strings.Fields(strings.Join(rec, " ")), " ")
}
