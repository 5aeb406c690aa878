package parse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/internal/datasets"
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
	read0, none0 := OCRDocuments()
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
	if read, none := OCRDocuments(); read != read0+1 || none != none0+1 {
		t.Errorf("OCR counts read %d -> %d, no text %d -> %d; want one of each", read0, read, none0, none)
	}
}

// A page scanned upside down (fed the wrong way round) is read turned
// back: tesseract turns a page on its side but not upside down, and such a
// scan was a dead letter, "no text recognised".
func TestOCRReadsUpsideDownScan(t *testing.T) {
	o := DetectOCR()
	if o == nil {
		t.Skip("OCR test skipped: pdftoppm and tesseract not installed (apt-get install -y poppler-utils tesseract-ocr)")
	}
	scan, err := testpdf.ScannedUpsideDown(testpdf.Text("RECORDS RETENTION POLICY", "Invoices shall be kept for seven years after the end of the financial year.",
		"Personnel files shall be destroyed two years after the employee leaves."))
	if err != nil {
		t.Fatal(err)
	}
	lim := DefaultLimits()
	lim.OCR = o
	p, err := Parse(t.Context(), Input{Filename: "upside-down.pdf", Data: scan}, lim)
	if err != nil {
		t.Fatalf("upside-down scan: %v", err)
	}
	if !strings.Contains(p.Text, "kept for seven years") {
		t.Errorf("OCR text lacks the policy:\n%s", p.Text)
	}
}

// rotatePGM180 turns an 8-bit PGM: its raster backwards, its header kept.
func TestRotatePGM180(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pgm"), filepath.Join(dir, "out.pgm")
	if err := os.WriteFile(in, []byte("P5\n# a comment\n3 2\n255\n\x01\x02\x03\x04\x05\x06"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := rotatePGM180(in, out); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); string(got) != "P5\n# a comment\n3 2\n255\n\x06\x05\x04\x03\x02\x01" {
		t.Errorf("turned: %q", got)
	}
	if err := os.WriteFile(in, []byte("P6\n1 1\n255\n\x00\x00\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	if rotatePGM180(in, out) == nil {
		t.Error("a colour PPM turned as a PGM")
	}
}

// Tesseract's TSV: words below the confidence floor are dropped, lines and
// paragraphs are kept, and a page of mostly doubtful words reads as none.
func TestOCRWords(t *testing.T) {
	row := func(block, par, line, word int, conf float64, text string) string {
		return fmt.Sprintf("5\t1\t%d\t%d\t%d\t%d\t0\t0\t10\t10\t%.6f\t%s\n", block, par, line, word, conf, text)
	}
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t\n" +
		row(1, 1, 1, 1, 96, "The") + row(1, 1, 1, 2, 91, "Supplier") + row(1, 1, 1, 3, 12, "~~") +
		row(1, 1, 2, 1, 88, "shall") + row(1, 1, 2, 2, 90, "deliver.") +
		row(2, 1, 1, 1, 93, "Payment") + row(2, 1, 1, 2, 89, "terms")
	var w ocrWords
	if got, want := w.add(tsv), "The Supplier\nshall deliver.\n\nPayment terms"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if w.all != 7 || w.confident != 6 || !w.legible() {
		t.Errorf("counts %+v, readable %v", w, w.legible())
	}
	var noise ocrWords
	noise.add(row(1, 1, 1, 1, 40, "Lald") + row(1, 1, 1, 2, 75, "Ste") + row(1, 1, 1, 3, 30, "dbl") + row(1, 1, 1, 4, 20, "Wa") +
		row(1, 1, 1, 5, 70, "lo") + row(1, 1, 1, 6, 65, "cpall") + row(1, 1, 1, 7, 10, "bal"))
	if noise.legible() {
		t.Errorf("3 of 7 confident words read as text: %+v", noise)
	}
}

// A page as large as PDF allows (200 inches a side) is rendered at a
// resolution that keeps it within maxOCRPixels: at the configured 200 dpi
// it was a 40,000-pixel square (3 GB in pdftoppm and in tesseract, which
// then refused it as too large). Letter and A4 pages keep the dpi.
func TestOCRPageSizeBounded(t *testing.T) {
	for _, c := range []struct {
		longest float64
		want    int
	}{{0, 200}, {792, 200}, {842, 200}, {14400, 30}, {2160, 200}, {2400, 180}} {
		if got := (pageInfo{longest: c.longest}).dpiFor(200); got != c.want {
			t.Errorf("longest side %v pt: %d dpi, want %d", c.longest, got, c.want)
		}
	}
	o := DetectOCR()
	if o == nil {
		t.Skip("OCR part skipped: pdftoppm and tesseract not installed (apt-get install -y poppler-utils tesseract-ocr)")
	}
	huge := testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
	)
	if info := pdfInfo(t.Context(), writeTemp(t, huge), 20); info.pages != 2 || info.longest != 14400 {
		t.Fatalf("pdfinfo: %+v", info)
	}
	lim := DefaultLimits()
	lim.OCR = o
	_, err := Parse(t.Context(), Input{Filename: "huge.pdf", Data: huge}, lim)
	if err == nil || strings.Contains(err.Error(), "too large") || !strings.Contains(err.Error(), "no text recognised") {
		t.Errorf("blank pages, one of 200 inches a side: %v", err)
	}
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	p := t.TempDir() + "/in.pdf"
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A tool's messages are kept to headBytes: pdftoppm wrote gigabytes of
// syntax errors on a malformed page, and docmill held all of them.
func TestHeadBufferBounded(t *testing.T) {
	var h headBuffer
	line := []byte("Syntax Error (1234): Unknown operator '<ff><ff>'\n")
	for range 200000 { // about 10 MB
		if n, err := h.Write(line); n != len(line) || err != nil {
			t.Fatalf("write: %d %v", n, err)
		}
	}
	if len(h.b) != headBytes || h.dropped != 200000*len(line)-headBytes {
		t.Errorf("kept %d bytes, dropped %d", len(h.b), h.dropped)
	}
	if s := h.String(); !strings.HasPrefix(s, "Syntax Error") || !strings.Contains(s, "more bytes)") {
		t.Errorf("String: %.80q", s)
	}
}

// A tool's failure is said in a line: its first message and how many
// followed, or that it ran out of time or memory; thousands of poppler's
// syntax errors made the reason unreadable.
func TestOCRToolErrorShort(t *testing.T) {
	spam := strings.Repeat("Syntax Error (384): Unknown operator '<ff><ff><ff><ff><ff><ff><ff><ff><ff><ff>'\n", 80)
	err := toolError(t.Context(), "pdftoppm", time.Minute, errors.New("exit status 1"), spam)
	if s := err.Error(); len(s) > 220 || !strings.Contains(s, "(and 79 more messages)") {
		t.Errorf("reason (%d bytes): %s", len(s), s)
	}
	if err := toolError(t.Context(), "pdftoppm", time.Minute, nil, spam+"Out of memory\n"); !strings.Contains(err.Error(), "out of memory") {
		t.Errorf("out of memory: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	if err := toolError(ctx, "tesseract", 30*time.Second, errors.New("signal: killed"), spam); err.Error() != "tesseract: over the 30s OCR time limit" {
		t.Errorf("deadline: %v", err)
	}
}

// The OCR tools run under ocrMemory, and OCR of a PDF the reader could
// not read a page of has the parse timeout, not the OCR's 3 minutes:
// pdf.js's bomb_giant.pdf (123 KB) held pdftoppm at 2.4 GB for 3
// minutes.
func TestOCRBounded(t *testing.T) {
	out, err := limitedCommand(t.Context(), "sh", "-c", "ulimit -v").Output()
	if err != nil || strings.TrimSpace(string(out)) != fmt.Sprint(ocrMemory) {
		t.Errorf("ulimit -v under limitedCommand: %q %v", out, err)
	}
	lim := DefaultLimits()
	if got := ocrBudget(permanent("", reasonNoPageRead, nil), lim); got != lim.Timeout {
		t.Errorf("unreadable PDF: OCR budget %s, want the parse timeout %s", got, lim.Timeout)
	}
	if got := ocrBudget(permanent("", reasonNoText, nil), lim); got != 0 {
		t.Errorf("scan: OCR budget %s, want 0 (the OCR's own)", got)
	}
	o := DetectOCR()
	if o == nil {
		t.Skip("OCR part skipped: pdftoppm and tesseract not installed (apt-get install -y poppler-utils tesseract-ocr)")
	}
	scan := scannedPDF(t, testpdf.Text("MASTER SERVICES AGREEMENT"))
	if _, err := o.pdf(t.Context(), scan, time.Millisecond); err == nil || !strings.Contains(err.Error(), "OCR time limit") {
		t.Errorf("OCR within 1ms: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(datasets.Require(t, "pdfjs_test_pdfs"), "pdfs", "bomb_giant.pdf"))
	if err != nil {
		t.Skipf("no bomb_giant.pdf: %v", err)
	}
	lim.OCR = o
	start := time.Now()
	_, err = Parse(t.Context(), Input{Filename: "bomb_giant.pdf", Data: data}, lim)
	if took := time.Since(start); took > lim.Timeout+5*time.Second {
		t.Errorf("bomb_giant.pdf took %s (%v)", took, err)
	}
}

// A scan whose cross-reference table is broken (offsets past the end of
// the file) was dead-lettered as "corrupt or unreadable PDF" and never
// read by OCR, though the rebuilt table opens it and its page is an
// image: the repaired copy's reason, no text, now sends it to OCR.
func TestOCRReadsScanWithBrokenXref(t *testing.T) {
	o := DetectOCR()
	if o == nil {
		t.Skip("OCR test skipped: pdftoppm and tesseract not installed (apt-get install -y poppler-utils tesseract-ocr)")
	}
	scan := scannedPDF(t, testpdf.Text("RECORDS RETENTION POLICY", "Invoices shall be kept for seven years after the end of the financial year."))
	i := bytes.LastIndex(scan, []byte("startxref"))
	if i < 0 {
		t.Fatal("no startxref")
	}
	broken := append(append([]byte{}, scan[:i]...), "startxref\n99999999\n%%EOF\n"...)

	e := parsePermanent(t, "scan.pdf", broken)
	if e.Reason != reasonNoText {
		t.Fatalf("without OCR: reason %q, want %q", e.Reason, reasonNoText)
	}
	lim := DefaultLimits()
	lim.OCR = o
	p, err := Parse(t.Context(), Input{Filename: "scan.pdf", Data: broken}, lim)
	if err != nil {
		t.Fatalf("with OCR (%s): %v", o, err)
	}
	if !strings.Contains(p.Text, "seven years") {
		t.Errorf("OCR text %q", p.Text)
	}
}
