package parse

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/testpdf"
)

func scannedPDF(t *testing.T, text []byte) []byte {
	t.Helper()
	b, err := testpdf.Scanned(text)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A scanned contract has no text to extract; with OCR it reads as a
// document, and its meta says the text was recognised, not extracted.
func TestOCRReadsScannedPDF(t *testing.T) {
	o := DetectOCR()
	if o == nil {
		t.Skip("OCR test skipped: pdftoppm and tesseract not installed (apt-get install -y poppler-utils tesseract-ocr)")
	}
	scan := scannedPDF(t, testpdf.Text("MASTER SERVICES AGREEMENT", "The Supplier shall deliver the goods within thirty days.",
		"This Agreement is governed by the laws of the State of New York."))

	e := parsePermanent(t, "scan.pdf", scan)
	if e.Reason != reasonNoText {
		t.Fatalf("without OCR: reason %q, want %q", e.Reason, reasonNoText)
	}
	lim := DefaultLimits()
	lim.OCR = o
	p, err := Parse(t.Context(), Input{Filename: "scan.pdf", Data: scan}, lim)
	if err != nil {
		t.Fatalf("with OCR (%s): %v", o, err)
	}
	for _, want := range []string{"Supplier shall deliver the goods", "laws of the State of New York"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("OCR text lacks %q:\n%s", want, p.Text)
		}
	}
	if !strings.Contains(p.Meta["ocr"], "1 pages") || p.Pages != 1 {
		t.Errorf("meta %v, pages %d", p.Meta, p.Pages)
	}

	// A blank scan: OCR finds nothing, and the reason says both.
	blank := scannedPDF(t, testpdf.Text(" "))
	_, err = Parse(t.Context(), Input{Filename: "blank.pdf", Data: blank}, lim)
	if err == nil || !strings.Contains(err.Error(), reasonNoText) || !strings.Contains(err.Error(), "OCR: no text recognised") {
		t.Errorf("blank scan: %v", err)
	}
}
