package parse

import (
	"math"
	"regexp"
	"strings"
)

// splitFootnotes splits a page's runs into its body and the footnotes
// set at its foot: the lines below the body's last line in a smaller size
// (footnoteSize of the body's), the first of them opening with a note's
// number or mark ("13 The European Banking Authority published ..."). A
// page number alone in the small size stays in the body, where the
// furniture rules look for it. Laid out with the body, a regulator's
// footnote read as a paragraph of it and led the summary; only here are
// its size and place still known. Pages with too few lines of body text
// to tell a body size keep all their runs.
func splitFootnotes(runs []glyphRun) (body, notes []glyphRun) {
	size := bodySize(runs)
	if size == 0 {
		return runs, nil
	}
	low := math.Inf(1)
	for _, r := range runs {
		if !r.vertical && r.size >= size*footnoteSize && visible(r.s) {
			low = min(low, r.y)
		}
	}
	var small []int // indices of the runs below the body in a smaller size
	for i, r := range runs {
		if !r.vertical && r.size < size*footnoteSize && r.y < low-r.size*0.5 {
			small = append(small, i)
		}
	}
	inNotes := map[int]bool{}
	for _, line := range runLines(runs, small) {
		if !pageNumberLine.MatchString(lineText(runs, line)) {
			for _, i := range line {
				inNotes[i] = true
			}
		}
	}
	for i, r := range runs {
		if inNotes[i] {
			notes = append(notes, r)
		} else {
			body = append(body, r)
		}
	}
	if len(notes) == 0 || !footnoteStart.MatchString(layoutRunsAt(notes, 2.6)) {
		return runs, nil
	}
	return body, notes
}

// bodySize is the font size most of a page's text is set in (by
// characters), or 0 when the page has fewer than minMarginLines lines in
// it.
func bodySize(runs []glyphRun) float64 {
	chars := map[float64]int{}
	for _, r := range runs {
		chars[math.Round(r.size*10)/10] += len(strings.TrimSpace(r.s))
	}
	size, most := 0.0, 0
	for s, n := range chars {
		if n > most || n == most && s > size {
			size, most = s, n
		}
	}
	lines := 0
	for i, r := range runs {
		if math.Round(r.size*10)/10 == size && (i == 0 || newLine(runs[i-1], r)) {
			lines++
		}
	}
	if lines < minMarginLines {
		return 0
	}
	return size
}

// runLines groups the runs at indices idx (in content order) into lines.
func runLines(runs []glyphRun, idx []int) [][]int {
	var lines [][]int
	for k, i := range idx {
		if k == 0 || newLine(runs[idx[k-1]], runs[i]) {
			lines = append(lines, nil)
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], i)
	}
	return lines
}

// lineText is the text of the runs at indices line, trimmed.
func lineText(runs []glyphRun, line []int) string {
	var b strings.Builder
	for _, i := range line {
		b.WriteString(runs[i].s)
	}
	return strings.TrimSpace(b.String())
}

// footnoteNotes labels the footnotes of one page, laid out as text, one
// paragraph each for the aside: "Footnote 13: The European Banking
// Authority ...". A line that opens with a number or a mark starts a note;
// the lines after it are its text.
func footnoteNotes(text string) []string {
	var notes []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch m := footnoteStart.FindStringSubmatch(line); {
		case line == "":
		case m != nil:
			notes = append(notes, "Footnote "+m[1]+": "+strings.TrimSpace(line[len(m[1]):]))
		case len(notes) > 0:
			notes[len(notes)-1] += " " + line
		default:
			notes = append(notes, "Footnote: "+line)
		}
	}
	return notes
}

const (
	// footnoteSize is the share of the body's size under which a line at
	// the page's foot is set as a footnote: Word sets 10-point notes
	// under 12-point text, regulators 8 under 11.
	footnoteSize = 0.9
)

// footnoteStart opens a footnote: its number or reference mark, then a
// capital, a quote or a bracket ("13 The", "* Formerly", "4Available").
// A browser's printed page count in small type ("2 sur 7 | 06/12/2023")
// goes on in lower case.
var footnoteStart = regexp.MustCompile(`^\s*([0-9]{1,3}|[*\x{2217}\x{204E}†‡§]{1,3})\s*[\p{Lu}"“(]`)

// pageNumberLine is a page number alone on its line ("3", "- 3 -",
// "Page 3 of 10").
var pageNumberLine = regexp.MustCompile(`(?i)^[\s\-–—]*(?:page\s+)?[0-9ivxlc]{1,4}(?:\s+(?:of|/)\s+[0-9]{1,4})?[\s\-–—]*$`)
