package parse

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Pleading paper (court filings in California and many federal courts)
// numbers every line slot, 1 to 28, down the left margin. Read as text the
// numbers either came first as a column of their own, ahead of the
// caption (the document's title then was "1"), or, drawn line by line,
// inside the sentences ("moves this Court for an order compelling 3
// Defendant Northwind ..."), where summaries, dates and names picked them
// up. dropLineNumbers takes such a column off the page before layout.

const (
	// minNumberedLines is how many numbered lines make a margin column:
	// fewer could be a short list or a table's first column.
	minNumberedLines = 10
	// minCounting is the share of successive numbers (top to bottom) that
	// must count up by one.
	minCounting = 0.8
	// columnWidth is how wide (points) the margin's column of numbers
	// may be, from its leftmost edge to its rightmost.
	columnWidth = 36.0
)

// dropLineNumbers returns runs without a margin column of line numbers:
// at least minNumberedLines runs of a number alone, left of all the other
// text on the page and close together across, counting up from the top
// of the page.
func dropLineNumbers(runs []glyphRun) []glyphRun {
	body := math.Inf(1)
	for _, r := range runs {
		if lineNumber(r) == 0 && strings.TrimSpace(r.s) != "" {
			body = min(body, r.x)
		}
	}
	var col []glyphRun
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range runs {
		// a table's column of row numbers has text at its left (its
		// caption, the page's headings) and stays
		if lineNumber(r) > 0 && r.x+r.w < body-math.Max(r.size, 1)*0.5 {
			col = append(col, r)
			lo, hi = min(lo, r.x), max(hi, r.x+r.w)
		}
	}
	if len(col) < minNumberedLines || hi-lo > columnWidth || !countsDown(col) {
		return runs
	}
	return slices.DeleteFunc(slices.Clone(runs), func(r glyphRun) bool { return slices.Contains(col, r) })
}

// lineNumber is the value of a run that is a line number alone (1 to 99),
// or 0.
func lineNumber(r glyphRun) int {
	s := strings.TrimSpace(r.s)
	if r.vertical || len(s) == 0 || len(s) > 2 {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || s[0] == '0' {
		return 0
	}
	return n
}

// countsDown reports whether the column's numbers, read from the top of
// the page down, mostly count up by one, each on a line of its own.
func countsDown(col []glyphRun) bool {
	col = slices.Clone(col)
	slices.SortFunc(col, func(a, b glyphRun) int { return -cmpFloat(a.y, b.y) })
	counting := 0
	for i := 1; i < len(col); i++ {
		if col[i-1].y-col[i].y < math.Max(col[i].size, 1)*0.5 {
			return false
		}
		if lineNumber(col[i]) == lineNumber(col[i-1])+1 {
			counting++
		}
	}
	return float64(counting) >= minCounting*float64(len(col)-1)
}

// cmpFloat orders two floats.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
