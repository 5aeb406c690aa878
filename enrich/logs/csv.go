package logs

import (
	"encoding/csv"
	"iter"
	"regexp"
	"slices"
	"strconv"
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
	csvLevelColumns = map[string]bool{"level": true, "leveldisplayname": true, "levelname": true, "loglevel": true, "severity": true, "entrytype": true,
		"ebene": true, "niveau": true, "nivel": true, "livello": true, "级别": true, "級別": true, "層級": true, "レベル": true}
	// csvTimeColumns name the time column.
	csvTimeColumns = map[string]bool{"dateandtime": true, "datetime": true, "timecreated": true, "timegenerated": true, "timestamp": true, "@timestamp": true, "time": true, "date": true,
		"datumunduhrzeit": true, "dateetheure": true, "fechayhora": true, "dataeora": true, "日期和时间": true, "日期和時間": true, "日付と時刻": true}
	// csvLevelWords are Event Viewer's level names in its German, French,
	// Spanish, Italian, Chinese and Japanese exports; English ones are log
	// levels anyway.
	csvLevelWords = map[string]string{
		"informationen": "INFO", "warnung": "WARN", "fehler": "ERROR", "kritisch": "FATAL", "ausführlich": "DEBUG",
		"avertissement": "WARN", "erreur": "ERROR", "critique": "FATAL", "commentaires": "DEBUG",
		"información": "INFO", "advertencia": "WARN", "crítico": "FATAL", "detallado": "DEBUG",
		"informazioni": "INFO", "avviso": "WARN", "errore": "ERROR", "critico": "FATAL", "dettagliato": "DEBUG",
		"信息": "INFO", "资讯": "INFO", "資訊": "INFO", "情報": "INFO", "警告": "WARN", "错误": "ERROR", "錯誤": "ERROR", "エラー": "ERROR",
		"关键": "FATAL", "關鍵": "FATAL", "重大": "FATAL", "详细": "DEBUG", "詳細": "DEBUG", "詳細資訊": "DEBUG",
	}
	// csvMessageColumns name the message column.
	csvMessageColumns = map[string]bool{"message": true, "msg": true, "description": true}
)

// csvMaxRecordLines bounds how many lines one record's quoted field may
// run over before the lines are read on their own: a stray quote would
// otherwise swallow the rest of the log.
const csvMaxRecordLines = 200

// csvLog reads the records of a log exported as CSV.
type csvLog struct {
	comma   rune  // the field separator: ',' or, in Event Viewer's "Save as Text", a tab
	cols    int   // columns the header names
	level   []int // level columns, in header order
	time    int   // time column
	message int   // message column, -1 when none is named
	// starts are the offsets of an aligned table's columns (see
	// newAlignedLog); nil for CSV.
	starts  []int
	reason  int // an aligned table's reason column, -1 when none is named
	count   int // an aligned table's count column (kubectl's -o wide), -1 when none is named
	pending []string
	// dayFirst: numeric dates are written day first ("1/5/2024",
	// "01.05.2024": most locales) rather than month first ("5/1/2024",
	// the US); see learnDateOrder.
	dayFirst bool
	dated    bool // an order was taken from a first date
	decided  bool // a date showed the order beyond doubt
}

// IsCSVLogHeader reports whether line is the header of a log exported as
// CSV: at least three column names, among them a level and a time column.
func IsCSVLogHeader(line string) bool {
	return newCSVLog(line) != nil
}

// newCSVLog reads a CSV log header; nil when line is none.
func newCSVLog(line string) *csvLog {
	comma := ','
	switch {
	case strings.Count(line, "\t") >= 2:
		comma = '\t'
	case !strings.Contains(line, ","):
		return nil
	}
	names, ok := csvFields(line, comma)
	// A header may end in a comma (an Event Viewer export does): the empty
	// name is the unnamed description column, read as when no comma names
	// it. An empty name elsewhere is no header's.
	for len(names) > 0 && strings.TrimSpace(names[len(names)-1]) == "" {
		names = names[:len(names)-1]
	}
	if !ok || len(names) < 3 {
		return nil
	}
	c := &csvLog{comma: comma, cols: len(names), time: -1, message: -1, reason: -1, count: -1}
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
// reader and the index of the line after the header, or nil. The reader
// has looked at the dates of up to csvDateScan records after it.
func detectCSVLog(lines iter.Seq[string]) (*csvLog, int) {
	i, body := -1, 0
	var c *csvLog
	describe := false // the lines read are kubectl describe's, above its events
	events := false   // its "Events:" opened the line above
	for raw := range lines {
		i++
		if c != nil {
			if c.starts != nil || c.learnDateOrder(raw) || i-body >= csvDateScan {
				break
			}
			continue
		}
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		// an aligned table's columns are read at their offsets: its
		// header keeps its indent
		if c = newAlignedLog(strings.TrimRight(strings.TrimPrefix(raw, "\uFEFF"), "\r")); c == nil && !events {
			c = newCSVLog(strings.TrimPrefix(line, "\uFEFF"))
		}
		if c == nil {
			if describe = describeOpening(line, i, describe); !describe {
				return nil, 0
			}
		}
		events = line == "Events:"
		body = i + 1
	}
	if c == nil {
		return nil, 0
	}
	return c, body
}

// describeMaxLines bounds how far down kubectl describe's output its
// "Events:" table is looked for.
const describeMaxLines = 400

// describeOpening reports whether line i can be one of kubectl describe's
// lines above its "Events:" table ("Name:  api-7d9f", "  Image:  ..."):
// the first opens with "Name:", and the others follow it (describe).
// Those lines are skipped: the table is the log.
func describeOpening(line string, i int, describe bool) bool {
	return i < describeMaxLines && (describe || strings.HasPrefix(line, "Name:"))
}

// csvDateScan bounds how many lines after a CSV log's header are read for
// the order of day and month.
const csvDateScan = 5000

// numericDate finds a date written with numbers, day and month in either
// order, before a four-digit year: "5/1/2024", "01.05.2024", "1-5-2024".
var numericDate = regexp.MustCompile(`(?:^|[^0-9])([0-9]{1,2})([/.-])([0-9]{1,2})[/.-][0-9]{4}(?:[^0-9]|$)`)

// learnDateOrder reads the numeric dates of line, and reports whether the
// order of day and month is now certain: a first number over 12 is a day,
// a second one over 12 is. Until then the first date sets it by custom:
// dots and dashes are day first, slashes with AM/PM are the US's month
// first, and slashes on a 24-hour clock day first (en-GB, fr, es, it...).
func (c *csvLog) learnDateOrder(line string) bool {
	for _, m := range numericDate.FindAllStringSubmatch(line, 4) {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[3])
		switch {
		case a > 12 && b <= 12:
			c.dayFirst, c.decided = true, true
		case b > 12 && a <= 12:
			c.dayFirst, c.decided = false, true
		case !c.dated:
			c.dayFirst = m[2] != "/" || !strings.Contains(line, " AM") && !strings.Contains(line, " PM")
		}
		c.dated = true
		if c.decided {
			return true
		}
	}
	return false
}

// add takes the next line and returns a whole record once its quotes
// close: a quoted message may hold line breaks.
func (c *csvLog) add(line string) (string, bool) {
	if c.starts != nil {
		return line, true // an aligned table's row is one line
	}
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
	if c.starts != nil {
		return c.splitAligned(rec)
	}
	f, ok := csvFields(rec, c.comma)
	if !ok || len(f) < 2 {
		return Header{}, "", false
	}
	for _, i := range c.level {
		if i < len(f) {
			v := strings.TrimSpace(f[i])
			if h.Level = csvLevelWords[strings.ToLower(v)]; h.Level == "" {
				h.Level = normLevel(v)
			}
			if h.Level != "" {
				break
			}
		}
	}
	if c.time < len(f) {
		h.Time, _ = csvTime(strings.TrimSpace(f[c.time]), c.dayFirst)
	}
	switch {
	case c.message >= 0 && c.message < len(f):
		content = f[c.message]
	case len(f) > c.cols:
		// Event Viewer writes the description as a last, unnamed column
		content = strings.Join(f[c.cols:], string(c.comma))
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

// csvTime reads a time as the known notations have it, or as Windows and
// spreadsheets write it in the locale's order of day and month, on a 12-
// or 24-hour clock ("5/1/2024 10:00:00 AM", "01.05.2024 10:00:00",
// "2024/5/1 10:00").
func csvTime(s string, dayFirst bool) (time.Time, bool) {
	if t, ok := parseTime(s); ok {
		return t, true
	}
	for _, l := range csvTimeLayouts[dayFirst] {
		if t, err := time.Parse(l, s); err == nil {
			return floating(t, l), true
		}
	}
	return time.Time{}, false
}

// csvTimeLayouts are the numeric notations of csvTime, month first
// (false) and day first (true).
var csvTimeLayouts = map[bool][]string{false: csvLayouts("1", "2"), true: csvLayouts("2", "1")}

func csvLayouts(first, second string) []string {
	var out []string
	for _, date := range []string{first + "/" + second + "/2006", first + "." + second + ".2006", first + "-" + second + "-2006", "2006/1/2"} {
		for _, clock := range []string{"3:04:05 PM", "3:04 PM", "15:04:05", "15:04"} {
			out = append(out, date+" "+clock)
		}
	}
	return out
}

// csvFields splits one CSV record, quotes honoured.
func csvFields(rec string, comma rune) ([]string, bool) {
	r := csv.NewReader(strings.NewReader(rec))
	r.Comma = comma
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	f, err := r.Read()
	return f, err == nil
}
