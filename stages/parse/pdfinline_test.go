package parse

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/testpdf"
)

// A page that draws a logo as an inline image (BI ... ID <bytes> EI)
// keeps its text: the library's lexer read the image's bytes as tokens,
// failed ("malformed hex string"), and the whole one-page letter was
// dead-lettered as "no page could be read".
func TestPDFInlineImageKeepsPageText(t *testing.T) {
	img := "BI /W 4 /H 2 /BPC 8 /CS /G ID \x3c\x7a\x00\xff\x3e\x28\x10\x29 EI"
	content := "BT /F1 12 Tf 72 700 Td (Dear Ms. Raman, we offer you the role.) Tj ET\n" +
		"q 40 0 0 20 72 650 cm " + img + " Q\n" +
		"BT /F1 12 Tf 72 600 Td (Your salary is $165,000 a year \\(BI ID EI\\).) Tj ET"
	data := testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length %d >>stream\n"+content+"\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	)
	p, err := Parse(t.Context(), Input{Filename: "offer.pdf", Data: data}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	// once each: the text before the image is not read twice
	for _, want := range []string{"we offer you the role.", "Your salary is $165,000 a year (BI ID EI)."} {
		if strings.Count(p.Text, want) != 1 {
			t.Errorf("%q not once in %q", want, p.Text)
		}
	}
}

func TestWithoutInlineImages(t *testing.T) {
	for in, want := range map[string]string{
		"q BI /W 1 /H 1 ID \xff\x3c EI Q":               "q  Q",
		"(BI ID EI) Tj":                                 "(BI ID EI) Tj",
		"% BI ID EI\nBT ET":                             "% BI ID EI\nBT ET",
		"BI /W 1 /H 1 ID abcEIdef EI\nBT (x) Tj ET":     "\nBT (x) Tj ET",
		"BI /W 1 /H 1 ID a EI BI /W 1 /H 1 ID \x00 EI ": "  ",
	} {
		got, _ := withoutInlineImages([]byte(in))
		if string(got) != want {
			t.Errorf("withoutInlineImages(%q) = %q, want %q", in, got, want)
		}
	}
}
