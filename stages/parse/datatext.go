package parse

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
)

// tableProbeRows is how many rows of a text delimitedTable reads.
const tableProbeRows = 6

// dataText reports a text that is data, not prose: one JSON document (a
// configuration, an API response) or a delimited table (CSV) whose
// first rows have as many fields each. Its first line is a brace or a
// header row, not a title: an export saved as invoices.csv was titled
// "invoice_id,customer,amount,currency,due_date", a service's settings
// by their first 120 characters of JSON.
func dataText(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if t[0] == '{' || t[0] == '[' {
		return json.Valid([]byte(t))
	}
	// a tab-separated table keeps its tabs (extract); normalised text
	// holds none
	for _, sep := range []rune{',', ';', '\t'} {
		if delimitedTable(t, sep) {
			return true
		}
	}
	return false
}

// dataType is the content type of a text that is data through and
// through, TypeJSON or TypeCSV, or "" for any other. A table must be one to
// its end: a text that opens with a table and goes on in prose (a price
// list over its terms) is titled as data (dataText) but read as text.
func dataType(text string) string {
	t := strings.TrimSpace(text)
	if t == "" {
		return ""
	}
	if t[0] == '{' || t[0] == '[' {
		if json.Valid([]byte(t)) {
			return document.TypeJSON
		}
		return ""
	}
	for _, sep := range []rune{',', ';', '\t'} {
		if delimitedTable(t, sep) && wholeTable(t, sep) {
			return document.TypeCSV
		}
	}
	return ""
}

// wholeTable reports whether every row of text has as many fields as its
// first.
func wholeTable(text string, sep rune) bool {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.ReuseRecord = sep, true, true
	for {
		if _, err := r.Read(); err != nil {
			return errors.Is(err, io.EOF)
		}
	}
}

// delimitedTable reports whether text opens with rows of the same number
// of fields separated by sep, three or more (prose uses commas and
// semicolons too), under a header row of short fields: a sentence with
// commas is no header. Three rows alike make a table; two make one only
// when they are the whole text and no field starts with a space, as a
// program writes them (a heading with commas over a sentence with as many
// is prose).
func delimitedTable(text string, sep rune) bool {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.ReuseRecord = sep, true, true
	fields, rows, whole, spaced := 0, 0, false, false
	for rows < tableProbeRows {
		rec, err := r.Read()
		if err != nil {
			// the end, or a row with another number of fields
			whole = errors.Is(err, io.EOF)
			break
		}
		if rows == 0 && !headerRow(rec) {
			return false
		}
		for _, f := range rec[1:] {
			spaced = spaced || strings.HasPrefix(f, " ")
		}
		fields, rows = len(rec), rows+1
	}
	return fields >= 3 && (rows >= 3 || rows == 2 && whole && !spaced)
}

// headerRow reports a table's first row: every field short, of a few words.
func headerRow(rec []string) bool {
	for _, f := range rec {
		f = strings.TrimSpace(f)
		if utf8.RuneCountInString(f) > 40 || strings.Count(f, " ") > 3 {
			return false
		}
	}
	return true
}
