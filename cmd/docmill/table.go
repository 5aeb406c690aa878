package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// displayWidth is the number of terminal columns s takes: East Asian wide
// and full-width characters (Han, kana, Hangul, full-width forms) take
// two, combining marks none, everything else one.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// runeWidth is the number of terminal columns r takes.
func runeWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// table lays rows out in columns for a terminal, as text/tabwriter does
// with two spaces of padding, but measures cells by display width:
// tabwriter counts runes, so a column after a Chinese file name was pushed
// right by one column per character.
type table struct {
	w    io.Writer
	rows [][]string
}

// newTable is a table written to w, header its first row.
func newTable(w io.Writer, header ...string) *table {
	return &table{w: w, rows: [][]string{header}}
}

// row adds a row of cells.
func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

// flush writes the rows, each cell but a row's last padded to its
// column's widest cell plus two spaces.
func (t *table) flush() error {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r[:max(len(r)-1, 0)] {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}
