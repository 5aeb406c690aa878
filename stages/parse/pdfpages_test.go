package parse

import (
	"fmt"
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
