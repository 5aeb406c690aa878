package enrich

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
// columns, and the span of each column of dates. clipped says text is the
// first part of a longer table.
func tableShape(text string, clipped bool) string {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = tableSeparator(text), true, -1
	header, err := r.Read()
	if err != nil {
		return ""
	}
	header = append([]string(nil), header...)
	spans := make([]dateSpan, len(header))
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
		for i := range min(len(rec), len(spans)) {
			spans[i].add(rec[i])
		}
	}
	var b strings.Builder
	at := ""
	if clipped {
		at = "at least "
	}
	fmt.Fprintf(&b, "A table of %s%d %s and %d columns: %s.", at, rows, plural(rows, "row", "rows"), len(header), nameList(header))
	for i, sp := range spans {
		if sp.dates > 0 && sp.dates == sp.values {
			fmt.Fprintf(&b, " Its %q column runs from %s to %s.", strings.TrimSpace(header[i]), sp.first.Format(time.DateOnly), sp.last.Format(time.DateOnly))
		}
	}
	return b.String()
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

// dateSpan is the earliest and latest date of a column, and how many of
// its non-empty values were dates.
type dateSpan struct {
	first, last   time.Time
	dates, values int
}

// dateLayouts are the date forms a column of an export holds whatever the
// locale: ISO dates and timestamps. A day-first or month-first date is
// ambiguous without the locale, so it makes no span.
var dateLayouts = []string{time.DateOnly, time.RFC3339, time.DateTime, "2006-01-02T15:04:05"}

func (s *dateSpan) add(v string) {
	if v = strings.TrimSpace(v); v == "" {
		return
	}
	s.values++
	for _, l := range dateLayouts {
		t, err := time.Parse(l, v)
		if err != nil {
			continue
		}
		if s.dates == 0 || t.Before(s.first) {
			s.first = t
		}
		if s.dates == 0 || t.After(s.last) {
			s.last = t
		}
		s.dates++
		return
	}
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
