package logs

import (
	"encoding/csv"
	"iter"
	"slices"
	"strings"
	"time"
)

// Logs exported as CSV (Windows Event Viewer's "Save as CSV", PowerShell's
// Export-Csv, SIEM and database exports) carry the level in a column that
// the header names, and no header on each line for SplitHeader to read.
// A CSV header that names a level column and a time column makes Summarize
// read the lines below it as records of those columns. The column names
// are generic ones, not per-system rules.
var (
	// csvLevelColumns name the severity column ("LevelDisplayName" is
	// PowerShell's name for the word beside the numeric "Level").
	csvLevelColumns = map[string]bool{"level": true, "leveldisplayname": true, "levelname": true, "loglevel": true, "severity": true, "entrytype": true}
	// csvTimeColumns name the time column.
	csvTimeColumns = map[string]bool{"dateandtime": true, "datetime": true, "timecreated": true, "timegenerated": true, "timestamp": true, "@timestamp": true, "time": true, "date": true}
	// csvMessageColumns name the message column.
	csvMessageColumns = map[string]bool{"message": true, "msg": true, "description": true}
)

// csvMaxRecordLines bounds how many lines one record's quoted field may
// run over before the lines are read on their own: a stray quote would
// otherwise swallow the rest of the log.
const csvMaxRecordLines = 200

// csvLog reads the records of a log exported as CSV.
type csvLog struct {
	cols    int   // columns the header names
	level   []int // level columns, in header order
	time    int   // time column
	message int   // message column, -1 when none is named
	pending []string
}

// IsCSVLogHeader reports whether line is the header of a log exported as
// CSV: at least three column names, among them a level and a time column.
func IsCSVLogHeader(line string) bool {
	return newCSVLog(line) != nil
}

// newCSVLog reads a CSV log header; nil when line is none.
func newCSVLog(line string) *csvLog {
	if !strings.Contains(line, ",") {
		return nil
	}
	names, ok := csvFields(line)
	if !ok || len(names) < 3 {
		return nil
	}
	c := &csvLog{cols: len(names), time: -1, message: -1}
	for i, n := range names {
		n = strings.ToLower(strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.TrimSpace(n)))
		switch {
		case n == "" || hasDigit(n):
			return nil // a record, not a header
		case csvLevelColumns[n]:
			c.level = append(c.level, i)
		case csvTimeColumns[n] && c.time < 0:
			c.time = i
		case csvMessageColumns[n] && c.message < 0:
			c.message = i
		}
	}
	if len(c.level) == 0 || c.time < 0 {
		return nil
	}
	return c
}

// detectCSVLog finds a CSV log header on the first line that is neither
// blank nor a "#" comment (PowerShell's "#TYPE ..." line); it returns the
// reader and the index of the line after the header, or nil.
func detectCSVLog(lines iter.Seq[string]) (*csvLog, int) {
	i := -1
	for line := range lines {
		i++
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if c := newCSVLog(strings.TrimPrefix(line, "\uFEFF")); c != nil {
			return c, i + 1
		}
		return nil, 0
	}
	return nil, 0
}

// add takes the next line and returns a whole record once its quotes
// close: a quoted message may hold line breaks.
func (c *csvLog) add(line string) (string, bool) {
	c.pending = append(c.pending, line)
	rec := strings.Join(c.pending, "\n")
	if strings.Count(rec, `"`)%2 == 1 && len(c.pending) < csvMaxRecordLines {
		return "", false
	}
	c.pending = c.pending[:0]
	return rec, true
}

// split reads a record's level, time and message; ok is false when the
// record has too few fields to be one (the caller reads it as a line).
func (c *csvLog) split(rec string) (h Header, content string, ok bool) {
	f, ok := csvFields(rec)
	if !ok || len(f) < 2 {
		return Header{}, "", false
	}
	for _, i := range c.level {
		if i < len(f) {
			if h.Level = normLevel(strings.TrimSpace(f[i])); h.Level != "" {
				break
			}
		}
	}
	if c.time < len(f) {
		h.Time, _ = csvTime(strings.TrimSpace(f[c.time]))
	}
	switch {
	case c.message >= 0 && c.message < len(f):
		content = f[c.message]
	case len(f) > c.cols:
		// Event Viewer writes the description as a last, unnamed column
		content = strings.Join(f[c.cols:], ",")
	default:
		var rest []string
		for i, v := range f {
			if i != c.time && !slices.Contains(c.level, i) {
				rest = append(rest, v)
			}
		}
		content = strings.Join(rest, " ")
	}
	return h, strings.TrimSpace(content), true
}

// csvTime reads a time as the known notations have it, or as Windows
// writes it in a US locale ("5/1/2024 10:00:00 AM").
func csvTime(s string) (time.Time, bool) {
	if t, ok := parseTime(s); ok {
		return t, true
	}
	t, err := time.Parse("1/2/2006 3:04:05 PM", s)
	return t, err == nil
}

// csvFields splits one CSV record, quotes honoured.
func csvFields(rec string) ([]string, bool) {
	r := csv.NewReader(strings.NewReader(rec))
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	f, err := r.Read()
	return f, err == nil
}
