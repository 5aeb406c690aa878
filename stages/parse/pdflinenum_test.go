package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/testpdf"
)

// onePagePDF is a one-page PDF in Times-Roman (F1) drawing content.
func onePagePDF(content string) []byte {
	return testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
		"<< /Length %d >>stream\n"+content+"\nendstream",
	)
}

var pleadingLines = []string{
	"Plaintiff Jane Doe respectfully moves this Court for an order compelling",
	"Defendant Northwind Holdings, Inc. to produce the documents requested in",
	"her First Set of Requests for Production. On January 12, 2023, Plaintiff",
	"served her requests. Defendant responded on February 13, 2023 with",
	"boilerplate objections and produced no documents. The parties met and",
	"conferred on March 1, 2023 but could not resolve the dispute.",
}

// A court filing on pleading paper numbers its line slots, 1 to 28, down
// the left margin. Drawn as a column first, the numbers came out ahead of
// the caption ("1\n2\n...\n28\n\nMOTION TO COMPEL", titled "1"); drawn
// line by line, inside the sentences ("compelling 3 Defendant", "with 5
// February 13"). Both are dropped; the text is the filing's.
func TestPDFPleadingLineNumbers(t *testing.T) {
	// the centred caption is a paragraph of its own (TestPDFCentredHeading)
	want := "MOTION TO COMPEL\n\n" + strings.Join(pleadingLines, "\n")
	column := func() string {
		var b strings.Builder
		b.WriteString("BT /F1 12 Tf\n")
		for n := 1; n <= 28; n++ {
			fmt.Fprintf(&b, "1 0 0 1 %d %d Tm (%d) Tj\n", 52-6*len(fmt.Sprint(n)), 720-24*(n-1), n)
		}
		b.WriteString("ET BT /F1 12 Tf 1 0 0 1 250 720 Tm (MOTION TO COMPEL) Tj\n")
		for i, l := range pleadingLines {
			fmt.Fprintf(&b, "1 0 0 1 72 %d Tm (%s) Tj\n", 696-24*i, l)
		}
		return b.String() + "ET"
	}
	interleaved := func() string {
		var b strings.Builder
		b.WriteString("BT /F1 12 Tf 1 0 0 1 40 720 Tm (1) Tj 1 0 0 1 250 720 Tm (MOTION TO COMPEL) Tj\n")
		for i, l := range pleadingLines {
			y := 696 - 24*i
			fmt.Fprintf(&b, "1 0 0 1 %d %d Tm (%d) Tj 1 0 0 1 72 %d Tm (%s) Tj\n", 52-6*len(fmt.Sprint(i+2)), y, i+2, y, l)
		}
		for n := len(pleadingLines) + 2; n <= 28; n++ {
			fmt.Fprintf(&b, "1 0 0 1 %d %d Tm (%d) Tj\n", 52-6*len(fmt.Sprint(n)), 720-24*(n-1), n)
		}
		return b.String() + "ET"
	}
	for name, content := range map[string]string{"column": column(), "interleaved": interleaved()} {
		p := mustParse(t, name+".pdf", onePagePDF(content))
		if got := strings.TrimSpace(p.Text); got != want {
			t.Errorf("%s: text\n%s\nwant\n%s", name, got, want)
		}
		if p.Title != "MOTION TO COMPEL" {
			t.Errorf("%s: title %q", name, p.Title)
		}
	}
}

// A table whose first column numbers its rows keeps its numbers: the
// caption and the notes below start left of them.
func TestPDFNumberedRowsKept(t *testing.T) {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf 1 0 0 1 72 720 Tm (Schedule of payments) Tj\n")
	for n := 1; n <= 12; n++ {
		fmt.Fprintf(&b, "1 0 0 1 90 %d Tm (%d) Tj 1 0 0 1 130 %d Tm (Instalment due on the first business day) Tj\n", 700-16*n, n, 700-16*n)
	}
	b.WriteString("1 0 0 1 72 480 Tm (All amounts in US dollars.) Tj ET")
	p := mustParse(t, "rows.pdf", onePagePDF(b.String()))
	for _, want := range []string{"1 Instalment due", "12 Instalment due"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("row number lost: no %q in\n%s", want, p.Text)
		}
	}
}
