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
	text = withoutBareMarks(text)
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

// bareMarkRe is a footnote's mark set in the body's own size at a
// sentence's end, as a judgment's text loses its superscript: "the claim
// fails.12 It was", "on time.3" at the line's end. The word before the
// stop, the stop, the mark, and what follows it.
var bareMarkRe = regexp.MustCompile(`(\pL{3,}[)’'"”]?)([.!?;])(\d{1,3})([ \t]+[\p{Lu}"“‘(]|[ \t]*(?:\n|$))`)

// citedUnits are the abbreviations a reference's number follows after a
// stop ("para.12", "art.5", "reg.3"): no sentence ends there.
var citedUnits = map[string]bool{"para": true, "paras": true, "art": true, "arts": true, "reg": true, "regs": true,
	"sch": true, "sec": true, "sect": true, "fig": true, "vol": true, "cap": true, "ord": true, "app": true, "supp": true}

// withoutBareMarks drops the footnote marks bareMarkRe finds, which the
// summary kept ("...succeeds in part.12"), leaving a reference's number.
func withoutBareMarks(text string) string {
	return bareMarkRe.ReplaceAllStringFunc(text, func(m string) string {
		g := bareMarkRe.FindStringSubmatch(m)
		if citedUnits[strings.ToLower(strings.Trim(g[1], ")’'\"”"))] {
			return m
		}
		return g[1] + g[2] + g[4]
	})
}
