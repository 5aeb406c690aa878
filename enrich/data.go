package enrich

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/classify"
)

// dataClass gives a data document (a table, a JSON document; the parser
// tells them, document.Parsed.IsData) class "other" and sub-type
// "other/data", and reports whether it did. Both tiers read a table's rows
// as a log's lines: an orders export was log/python_app, and its summary
// counted "templates" of its rows.
func dataClass(doc *document.Parsed, a *document.Analysis) bool {
	if doc == nil || !doc.IsData() {
		return false
	}
	a.Class, a.Confidence = "other", classify.RuleConfidence
	a.Subtype, a.SubtypeConfidence = "other/data", classify.RuleConfidence
	return true
}

// maxDataColumns is how many of a table's columns, or of a JSON object's
// keys, a data summary names.
const maxDataColumns = 12

// dataSummary describes a data document by its shape, which is what a
// reader of a list of results needs to know of it: a table's size, its
// columns and the dates it spans, a JSON document's keys. Its first rows,
// the summary it had, said none of that.
func dataSummary(doc *document.Parsed, budget int) string {
	text := clip(doc.Text, maxAnalysisBytes)
	var s string
	if doc.ContentType == document.TypeJSON {
		s = jsonShape(doc.Text)
	} else {
		s = tableShape(text, len(text) < len(doc.Text))
	}
	if budget > 0 && utf8.RuneCountInString(s) > budget {
		s = strings.TrimSpace(clipRunes(s, budget)) + "…" // the budget does not count "…"
	}
	return s
}

// tableShape describes a delimited table: its rows (the header apart),
// columns, the span of each column of dates and the range of a few columns
// of numbers. clipped says text is the first part of a longer table.
func tableShape(text string, clipped bool) string {
	sep := tableSeparator(text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	header, err := r.Read()
	if err != nil {
		return ""
	}
	header = append([]string(nil), header...)
	cols := make([]column, len(header))
	rows := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) || err != nil && clipped {
			break // a clipped table's last row may be cut
		}
		if err != nil {
			continue
		}
		rows++
		for i := range min(len(rec), len(cols)) {
			cols[i].add(rec[i], sep)
		}
	}
	var b strings.Builder
	at := ""
	if clipped {
		at = "at least "
	}
	fmt.Fprintf(&b, "A table of %s%d %s and %d columns: %s.", at, rows, plural(rows, "row", "rows"), len(header), nameList(header))
	for i := range cols {
		first, last, ok := cols[i].dateSpan()
		switch name := strings.TrimSpace(header[i]); {
		case ok && first.Equal(last):
			fmt.Fprintf(&b, " Its %q column is %s in every row.", name, first.Format(time.DateOnly))
		case ok:
			fmt.Fprintf(&b, " Its %q column runs from %s to %s.", name, first.Format(time.DateOnly), last.Format(time.DateOnly))
		}
	}
	b.WriteString(numberRanges(header, cols))
	return b.String()
}

// maxNumberColumns is how many columns of numbers a table's summary gives
// the range of; the dates and the columns' names matter more.
const maxNumberColumns = 4

// numberRanges says the smallest and largest value of the first columns
// that hold only numbers, as the table writes them ("12.50", "1.234,00"),
// leaving out identifiers, whose range says nothing.
func numberRanges(header []string, cols []column) string {
	var parts []string
	for i := range cols {
		c := &cols[i]
		if len(parts) == maxNumberColumns || c.numbers < 2 || c.numbers != c.values || isIDColumn(header[i]) {
			continue
		}
		name := strconv.Quote(strings.TrimSpace(header[i]))
		if len(parts) == 0 {
			parts = append(parts, fmt.Sprintf("Its %s values run from %s to %s", name, c.low, c.high))
		} else {
			parts = append(parts, fmt.Sprintf("%s from %s to %s", name, c.low, c.high))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, ", ") + "."
}

// isIDColumn reports whether a column's name says it holds identifiers
// (id, order_id, customerId, Order No, Nr).
func isIDColumn(name string) bool {
	n := strings.TrimSpace(name)
	l := strings.ToLower(n)
	for _, s := range []string{"id", "_id", " id", "-id", "no", " no", "_no", "no.", "nr", "nr.", "#", "number", "code", "zip", "phone"} {
		if l == strings.TrimSpace(s) || strings.HasSuffix(l, s) {
			return true
		}
	}
	return strings.HasSuffix(n, "Id") || strings.HasSuffix(n, "ID")
}

// tableSeparator is the separator of a table's header line: the one of
// comma, semicolon (a European export) and tab that splits it most.
func tableSeparator(text string) rune {
	head, _, _ := strings.Cut(text, "\n")
	sep := ','
	for _, c := range []rune{';', '\t'} {
		if strings.Count(head, string(c)) > strings.Count(head, string(sep)) {
			sep = c
		}
	}
	return sep
}

// column is what a table's summary needs of one column: how many of its
// non-empty values are ISO dates, numeric dates (31.12.2025, 03/01/2026)
// and numbers, and their extremes.
type column struct {
	values, dates, numbers int
	first, last            time.Time // of the ISO dates
	numeric                []numericDate
	low, high              string // the smallest and largest number as written
	lowV, highV            float64
}

// numericDate is a date written as three numbers, its order (day or month
// first) not yet known.
type numericDate struct {
	a, b, year int
	sep        byte
}

// dateLayouts are the ISO date forms a column of an export holds whatever
// the locale. A day-first or month-first date is read as a numericDate.
var dateLayouts = []string{time.DateOnly, time.RFC3339, time.DateTime, "2006-01-02T15:04:05"}

var numericDateRE = regexp.MustCompile(`^(\d{1,2})([./-])(\d{1,2})[./-](\d{4})$`)

func (c *column) add(v string, sep rune) {
	if v = strings.TrimSpace(v); v == "" {
		return
	}
	c.values++
	if c.addISODate(v) {
		return
	}
	if m := numericDateRE.FindStringSubmatch(v); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[3])
		y, _ := strconv.Atoi(m[4])
		c.numeric = append(c.numeric, numericDate{a, b, y, m[2][0]})
		return
	}
	if f, ok := parseNumber(v, sep); ok {
		if c.numbers == 0 || f < c.lowV {
			c.low, c.lowV = v, f
		}
		if c.numbers == 0 || f > c.highV {
			c.high, c.highV = v, f
		}
		c.numbers++
	}
}

func (c *column) addISODate(v string) bool {
	for _, l := range dateLayouts {
		t, err := time.Parse(l, v)
		if err != nil {
			continue
		}
		if c.dates == 0 || t.Before(c.first) {
			c.first = t
		}
		if c.dates == 0 || t.After(c.last) {
			c.last = t
		}
		c.dates++
		return true
	}
	return false
}

// dateSpan is the earliest and latest date of a column all of whose values
// are dates. Numeric dates are read day first when one of them must be
// (a first number over 12) or when they are written with dots (31.12.2025,
// the European form), month first when one must be; a column that could
// be either, or that is both, makes no span.
func (c *column) dateSpan() (first, last time.Time, ok bool) {
	if c.values == 0 || c.dates+len(c.numeric) != c.values {
		return first, last, false
	}
	if len(c.numeric) == 0 {
		return c.first, c.last, true
	}
	dayFirst, monthFirst, dots := false, false, true
	for _, d := range c.numeric {
		dayFirst = dayFirst || d.a > 12
		monthFirst = monthFirst || d.b > 12
		dots = dots && d.sep == '.'
	}
	if dayFirst == monthFirst && !(dots && !monthFirst) {
		return first, last, false
	}
	first, last = c.first, c.last
	n := c.dates
	for _, d := range c.numeric {
		day, month := d.a, d.b
		if monthFirst {
			day, month = d.b, d.a
		}
		t := time.Date(d.year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day || t.Month() != time.Month(month) {
			return first, last, false // 31.02.2025: not a date
		}
		if n == 0 || t.Before(first) {
			first = t
		}
		if n == 0 || t.After(last) {
			last = t
		}
		n++
	}
	return first, last, true
}

var plainNumberRE = regexp.MustCompile(`^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$`)

// parseNumber reads a table cell as a number: an optional currency sign
// or trailing percent, thousands separators, and in a semicolon-separated
// table (a European export) a decimal comma ("1.234,50"). A number with a
// leading zero (a postcode, an account) is a code, not a number.
func parseNumber(v string, sep rune) (float64, bool) {
	v = strings.TrimSpace(strings.TrimSuffix(v, "%"))
	v = strings.TrimSpace(strings.TrimLeft(v, "$€£¥"))
	if sep == ';' && strings.Contains(v, ",") {
		v = strings.ReplaceAll(strings.ReplaceAll(v, ".", ","), ",", "\x00")
		i := strings.LastIndexByte(v, 0)
		v = strings.ReplaceAll(v[:i], "\x00", ",") + "." + v[i+1:]
	}
	if !plainNumberRE.MatchString(v) {
		return 0, false
	}
	digits := strings.TrimPrefix(v, "-")
	if len(digits) > 1 && digits[0] == '0' && digits[1] != '.' {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
	return f, err == nil
}

// jsonShape describes a JSON document: an object by its keys, an array by
// its length and the keys of its objects, in the order the file writes
// them (a Go map forgets it).
func jsonShape(text string) string {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "{") {
		keys := objectKeys([]byte(t))
		return fmt.Sprintf("A JSON object with %d %s: %s.", len(keys), plural(len(keys), "key", "keys"), nameList(keys))
	}
	var items []json.RawMessage
	if json.Unmarshal([]byte(t), &items) != nil {
		return ""
	}
	s := fmt.Sprintf("A JSON array of %d %s.", len(items), plural(len(items), "item", "items"))
	if keys := itemKeys(items); len(keys) > 0 {
		s += fmt.Sprintf(" Its objects have the keys %s.", nameList(keys))
	}
	return s
}

// objectKeys are the top-level keys of a JSON object, each once, in the
// order the document writes them; none when data is no object.
func objectKeys(data []byte) []string {
	d := json.NewDecoder(bytes.NewReader(data))
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var keys []string
	seen := map[string]bool{}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return keys
		}
		if k, _ := t.(string); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		var skip json.RawMessage
		if d.Decode(&skip) != nil {
			return keys
		}
	}
	return keys
}

// itemKeys are the keys of an array's objects, each once, in the order
// they first appear.
func itemKeys(items []json.RawMessage) []string {
	var keys []string
	seen := map[string]bool{}
	for _, it := range items {
		for _, k := range objectKeys(it) {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// nameList joins up to maxDataColumns names, saying how many more there are.
func nameList(names []string) string {
	shown := names[:min(len(names), maxDataColumns)]
	out := make([]string, 0, len(shown))
	for _, n := range shown {
		out = append(out, strings.TrimSpace(n))
	}
	s := strings.Join(out, ", ")
	if more := len(names) - len(shown); more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

// plural is one or many as n asks.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
