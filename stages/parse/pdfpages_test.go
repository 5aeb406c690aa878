package parse

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/testpdf"
)

// footnotePage is a page's content: body lines in 11-point Times from
// the top ("" a paragraph's space), then foot lines in 8 points from 100
// points up, as a regulator's paper sets its footnotes, and a page
// number alone in 8 points at the very foot.
func footnotePage(body, foot []string, number string) string {
	var b strings.Builder
	b.WriteString("BT\n")
	y := 720.0
	for _, l := range body {
		if l == "" {
			y -= 8
			continue
		}
		fmt.Fprintf(&b, "/F1 11 Tf 1 0 0 1 72 %.1f Tm (%s) Tj\n", y, l)
		y -= 13.4
	}
	y = 100
	for _, l := range foot {
		fmt.Fprintf(&b, "/F1 8 Tf 1 0 0 1 72 %.1f Tm (%s) Tj\n", y, l)
		y -= 9.6
	}
	if number != "" {
		fmt.Fprintf(&b, "/F1 8 Tf 1 0 0 1 300 40 Tm (%s) Tj\n", number)
	}
	return b.String() + "ET"
}

// timesPDF is a PDF of pages (content streams) in Times-Roman (F1).
func timesPDF(pages ...string) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"}
	var kids []string
	for _, c := range pages {
		n := len(objs) + 1
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", n+1),
			"<< /Length %d >>stream\n"+c+"\nendstream")
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return testpdf.Build(objs...)
}

// A page break after a page that ends a sentence is a paragraph break; a
// sentence that runs on across it stays joined. Joined by a line break
// only, a page's last paragraph ran into the next page's first
// ("...of the provider.\nNotification. Firms should ...").
func TestPDFPageBreakParagraphs(t *testing.T) {
	page1 := footnotePage([]string{
		"3. Contractual requirements. The written agreement should set out a",
		"clear description of the outsourced function and the governing law.", "",
		"4. Access and audit rights. Firms should ensure that the agreement",
		"grants full access to the premises, systems and data of the provider.",
	}, nil, "")
	page2 := footnotePage([]string{
		"Notification. Firms should notify the competent authority in a timely",
		"manner before they enter into an outsourcing agreement for a",
	}, nil, "")
	page3 := footnotePage([]string{
		"critical function, and should keep a register of all arrangements.", "",
		"5. Exit strategies. Firms should have documented and tested exit",
		"strategies for each critical function that they outsource.",
	}, nil, "")
	p := mustParse(t, "statement.pdf", timesPDF(page1, page2, page3))
	if !strings.Contains(p.Text, "of the provider.\n\nNotification. Firms") {
		t.Errorf("the next page's paragraph ran on:\n%s", p.Text)
	}
	if !strings.Contains(p.Text, "outsourcing agreement for a\ncritical function") {
		t.Errorf("a sentence across the page break was split:\n%s", p.Text)
	}
}

// courierPages is a PDF of pages, each of lines drawn in 11-point
// Courier (F1) from the top, 13.4 points apart, each at its x.
func courierPages(pages ...[]pageLine) []byte {
	var contents []string
	for _, lines := range pages {
		var b strings.Builder
		b.WriteString("BT /F1 11 Tf\n")
		for i, l := range lines {
			fmt.Fprintf(&b, "1 0 0 1 %d %.1f Tm (%s) Tj\n", l.x, 720-13.4*float64(i), l.s)
		}
		contents = append(contents, b.String()+"ET")
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"}
	var kids []string
	for _, c := range contents {
		n := len(objs) + 1
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", n+1),
			"<< /Length %d >>stream\n"+c+"\nendstream")
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return testpdf.Build(objs...)
}

// pageLine is a line of courierPages: its text and where it starts.
type pageLine struct {
	x int
	s string
}

// justified sets text in lines of width runes from x, each padded out
// to the full width between its words as a justified paragraph's are,
// but the last where last; the first starts indent points further right
// (a multiple of 5.5 points: the parser measures a standard font without
// widths at 500 units a glyph).
func justified(x, indent, width int, text string, last bool) []pageLine {
	var lines []pageLine
	words := strings.Fields(text)
	for len(words) > 0 {
		w, start := width, x
		if len(lines) == 0 {
			w, start = width-int(float64(indent)/5.5), x+indent
		}
		n, used := 1, len(words[0])
		for n < len(words) && used+1+len(words[n]) <= w {
			used += 1 + len(words[n])
			n++
		}
		line := words[:n]
		if words = words[n:]; (len(words) > 0 || !last) && n > 1 {
			extra := w - used
			padded := slices.Clone(line)
			for i := 0; extra > 0; i = (i + 1) % (n - 1) {
				padded[i] += " "
				extra--
			}
			line = padded
		}
		lines = append(lines, pageLine{start, strings.Join(line, " ")})
	}
	return lines
}

// A paragraph that goes on over a page break with a new sentence stays
// one paragraph where the layout shows it: the next page starts at the
// margin with a full line, and the page before ends with a justified line
// that runs to the right edge, or the next page indents its paragraphs.
// By text alone ("...this year.\nThe Court further finds ...") a
// filing's paragraph was cut in two. A short last line, an indented first
// line or a heading on the next page still starts a paragraph.
func TestPDFParagraphOverPageBreak(t *testing.T) {
	const first = "The Plaintiff moved for summary judgment on all counts of the complaint, and the Defendant opposed the motion in a brief filed on the last day allowed by the scheduling order. The motion was fully briefed by the end of March and the parties then asked for a ruling before trial, which is set for the third week of July this year."
	const next = "The Court further finds that the Defendant has not shown any genuine dispute of material fact on the question of breach."
	const later = "Accordingly the motion is granted in part and denied in part for the reasons stated in this memorandum opinion and order."
	para := func(indent int, text string, last bool) []pageLine { return justified(72, indent, 60, text, last) }
	cat := func(ls ...[]pageLine) []pageLine { return slices.Concat(ls...) }
	cases := []struct {
		name         string
		page1, page2 []pageLine
		sep          string
	}{
		// justified, its last line full at the foot: the paragraph goes on
		{"full", para(33, first, false), cat(para(0, next, true), para(0, later, true)), "year.\nThe Court"},
		// the same with its last line short: a paragraph ends there
		{"short", para(33, first, true), cat(para(0, next, true), para(0, later, true)), "year.\n\nThe Court"},
		// the next page, which indents its paragraphs, starts at the margin with a full line
		{"margin", para(33, first, true), cat(para(0, next, true), para(33, later, true), para(33, later, true)), "year.\nThe Court"},
		// a heading heads the next page
		{"heading", para(33, first, false), cat([]pageLine{{72, "III. DISCUSSION"}}, para(0, next, true), para(0, later, true)), "year.\n\nIII. DISCUSSION"},
		// the next page's first line indented: a new paragraph
		{"indented", para(33, first, true), cat(para(33, next, true), para(33, later, true), para(33, later, true)), "year.\n\nThe Court"},
	}
	for _, c := range cases {
		p := mustParse(t, c.name+".pdf", courierPages(c.page1, c.page2))
		if !strings.Contains(p.Text, c.sep) {
			t.Errorf("%s: want %q at the page break:\n%s", c.name, c.sep, p.Text)
		}
	}
}
