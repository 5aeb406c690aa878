package parse

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// flatePDF is a one-page PDF whose content stream is what write writes,
// compressed: a few kilobytes on disk for tens of megabytes inflated.
func flatePDF(t *testing.T, write func(w io.Writer)) []byte {
	t.Helper()
	var comp bytes.Buffer
	zw, err := zlib.NewWriterLevel(&comp, zlib.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	write(zw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n", comp.Len()) + comp.String() + "\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	var pdf bytes.Buffer
	pdf.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, pdf.Len())
		fmt.Fprintf(&pdf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := pdf.Len()
	fmt.Fprintf(&pdf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&pdf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&pdf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return pdf.Bytes()
}

// repeated writes s n times.
func repeated(s string, n int) func(io.Writer) {
	return func(w io.Writer) {
		chunk := []byte(strings.Repeat(s, max(1, (64<<10)/len(s))))
		per := len(chunk) / len(s)
		for ; n > 0; n -= per {
			_, _ = w.Write(chunk[:min(n, per)*len(s)])
		}
	}
}

// A PDF whose page is over a parse budget (a flate bomb of operators, or
// of one string the library would read whole) is refused with that reason,
// without OCR: the security review's 2.6 MB bomb was rendered by pdftoppm
// until its 30 s limit and dead-lettered as "corrupt PDF (no page could be
// read): OCR: pdftoppm: over the 30s OCR time limit", and a 261 KB one
// showing a 256 MB string took 77 s to parse, past the parse time limit.
func TestPDFBombRefusedWithoutOCR(t *testing.T) {
	lim := DefaultLimits()
	lim.OCR = DetectOCR() // nil where not installed: the reason is the same
	for name, c := range map[string]struct {
		write func(io.Writer)
		want  string
	}{
		"operators": {repeated("(a)Tj ", maxPageOps+1000), fmt.Sprintf("page 1: content stream over the %d-operator budget", maxPageOps)},
		"one string": {func(w io.Writer) {
			_, _ = io.WriteString(w, "BT /F1 12 Tf 72 712 Td (")
			repeated("a", maxPageContent+1)(w)
			_, _ = io.WriteString(w, ") Tj ET")
		}, fmt.Sprintf("page 1: content stream over the %d-byte decompression limit", maxPageContent)},
	} {
		data := flatePDF(t, c.write)
		if len(data) > 256<<10 {
			t.Fatalf("%s: the bomb is %d bytes", name, len(data))
		}
		_, err := Parse(context.Background(), Input{Filename: "bomb.pdf", Data: data}, lim)
		var pe *Error
		if !errors.As(err, &pe) || !pe.Permanent || pe.Reason != reasonOverLimit || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "OCR") {
			t.Errorf("%s: %v, want %q: %s", name, err, reasonOverLimit, c.want)
		}
	}
}
