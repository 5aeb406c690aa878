package enrich

import (
	"regexp"
	"strings"
)

var (
	// footnoteLineRe is a footnote's first line as a text or a PDF's
	// text sets it at the foot of the page or the end: "[1] The figure
	// was revised at trial ...".
	footnoteLineRe = regexp.MustCompile(`^[ \t]*\[(\d{1,3})\][ \t]+\S`)
	// footnoteRefRe is a footnote's mark in the body, set against the
	// word or stop it follows ("£2.4 million.[1]"); a paragraph's number
	// ("[12] The appeal ...") or a cross-reference ("at [12]") has space
	// before it.
	footnoteRefRe = regexp.MustCompile(`[^\s\[]\[(\d{1,3})\]`)
)

// withoutFootnotes is a court filing's text without its footnotes: the
// paragraphs that open with a bracketed number the body marks earlier
// against a word. A footnote qualifies its sentence ("The figure was
// revised at trial from £2.9 million ..."), and read as the body it won
// an opinion's summary.
func withoutFootnotes(text string) string {
	marked := map[string]int{} // a mark's number, where its first mark ends
	for _, m := range footnoteRefRe.FindAllStringSubmatchIndex(text, -1) {
		n := text[m[2]:m[3]]
		if _, ok := marked[n]; !ok {
			marked[n] = m[1]
		}
	}
	if len(marked) == 0 {
		return text
	}
	var b strings.Builder
	pos, inNote := 0, false
	for line := range strings.SplitAfterSeq(text, "\n") {
		start := pos
		pos += len(line)
		if strings.TrimSpace(line) == "" {
			inNote = false
		} else if m := footnoteLineRe.FindStringSubmatch(line); m != nil {
			end, ok := marked[m[1]]
			inNote = ok && end <= start
		}
		if !inNote {
			b.WriteString(line)
		}
	}
	return b.String()
}
