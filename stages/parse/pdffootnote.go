package parse

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
	if len(notes) == 0 || !opensNotes(layoutRunsAt(notes, 2.6)) {
		return runs, nil
	}
	return body, notes
}

// opensNotes reports whether the text of the small lines at a page's
// foot is footnotes: its first line opens a note (noteMark), or it opens
// in lower case, the end of a note carried over from the page before, and
// a later line opens one.
func opensNotes(text string) bool {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if _, _, ok := noteMark(lines[0], ""); ok {
		return true
	}
	if !carriedOver(lines[0]) {
		return false
	}
	for _, l := range lines[1:] {
		if _, _, ok := noteMark(l, ""); ok {
			return true
		}
	}
	return false
}

// carriedOver reports whether a footnote line opens in lower case, as a
// note's text carried over from the page before does.
func carriedOver(line string) bool {
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(line))
	return unicode.IsLower(first)
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
// Authority ...". A line that opens with a number or a mark starts a note
// (noteMark); the lines after it are its text. Lines in lower case before
// the first note are the end of the page before's last note (carried).
func footnoteNotes(text string) (notes []string, carried string) {
	prev := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		mark, rest, ok := noteMark(line, prev)
		switch {
		case line == "":
		case ok:
			notes = append(notes, "Footnote "+mark+": "+rest)
			prev = mark
		case len(notes) > 0:
			notes[len(notes)-1] += " " + line
		case carriedOver(line):
			carried = strings.TrimSpace(carried + " " + line)
		default:
			notes = append(notes, "Footnote: "+line)
		}
	}
	return notes, carried
}

// carryNote adds carried, the end of a note that a page's foot carried
// over from the page before, to the last of notes, or as a note of its
// own when there is none.
func carryNote(notes []string, carried string) []string {
	switch {
	case carried == "":
	case len(notes) > 0:
		notes[len(notes)-1] += " " + carried
	default:
		notes = append(notes, "Footnote: "+carried)
	}
	return notes
}

// noteMark splits a line that opens a footnote into its mark ("13", "*",
// "13" of "[13]") and its text, after the page's note marked prev ("" for
// none yet). A mark then a capital, a quote or a bracket opens a note
// (footnoteStart); a number then a word in lower case ("13 id. at 45",
// "[4] see also") only as the page's first note or the number after
// prev's, since a note's own lines may open with a figure ("30 days
// after"), and never as a browser's printed page count ("2 sur 7").
func noteMark(line, prev string) (mark, rest string, ok bool) {
	if m := footnoteStart.FindStringSubmatchIndex(line); m != nil {
		mark, rest = markOf(line, m)
		return mark, rest, true
	}
	m := lowerNoteStart.FindStringSubmatchIndex(line)
	if m == nil || pageCountRe.MatchString(line) {
		return "", "", false
	}
	mark, rest = markOf(line, m)
	if n, err := strconv.Atoi(prev); prev != "" && (err != nil || strconv.Itoa(n+1) != mark) {
		return "", "", false
	}
	return mark, rest, true
}

// markOf splits line, which footnoteStart or lowerNoteStart matched (m),
// into its note's mark (the bracketed number's or the bare one's group)
// and the text after it.
func markOf(line string, m []int) (mark, rest string) {
	if m[2] >= 0 {
		return line[m[2]:m[3]], strings.TrimSpace(line[m[3]+1:])
	}
	return line[m[4]:m[5]], strings.TrimSpace(line[m[5]:])
}

const (
	// footnoteSize is the share of the body's size under which a line at
	// the page's foot is set as a footnote: Word sets 10-point notes
	// under 12-point text, regulators 8 under 11.
	footnoteSize = 0.9
)

// footnoteStart opens a footnote: its number (bare or bracketed, "[13]")
// or reference mark, then a capital, a quote or a bracket ("13 The", "*
// Formerly", "4Available", "[13] The"). A browser's printed page count in
// small type ("2 sur 7 | 06/12/2023") goes on in lower case.
var footnoteStart = regexp.MustCompile(`^\s*(?:\[([0-9]{1,3})\]|([0-9]{1,3}|[*\x{2217}\x{204E}†‡§]{1,3}))\s*[\p{Lu}"“(]`)

// lowerNoteStart opens a footnote with a number (bare or bracketed) and
// a word in lower case: "13 id. at 45", "[4] see also".
var lowerNoteStart = regexp.MustCompile(`^\s*(?:\[([0-9]{1,3})\]|([0-9]{1,3}))\s+\p{Ll}`)

// pageCountRe is a printed page count: "2 sur 7", "3 of 10", "4 von 9".
var pageCountRe = regexp.MustCompile(`^\s*[0-9]{1,4}\s+(?:sur|of|de|von|van|di|da|af|av|/)\s+[0-9]{1,4}\b`)

// pageNumberLine is a page number alone on its line ("3", "- 3 -",
// "Page 3 of 10").
var pageNumberLine = regexp.MustCompile(`(?i)^[\s\-–—]*(?:page\s+)?[0-9ivxlc]{1,4}(?:\s+(?:of|/)\s+[0-9]{1,4})?[\s\-–—]*$`)
