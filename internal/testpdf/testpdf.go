// Package testpdf writes small, valid PDF files for tests: the objects are
// given as PDF source, and the cross-reference table is computed, so a
// test can state exactly the structure it exercises.
package testpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Build returns a PDF whose objects 1..n are objs, object 1 being the
// catalog. An object may be a stream written as
// "<< ... /Length %d >>stream\n...\nendstream": the %d is replaced by the
// length of the data between the stream and endstream lines.
func Build(objs ...string) []byte { return BuildTrailer("", objs...) }

// BuildTrailer is Build with extra trailer entries, such as
// "/Encrypt 6 0 R /ID [<...> <...>]".
func BuildTrailer(extra string, objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, withLength(o))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extra, xref)
	return b.Bytes()
}

// withLength fills in a stream object's /Length %d.
func withLength(o string) string {
	k := strings.Index(o, "stream\n")
	if k < 0 || !strings.Contains(o[:k], "%d") {
		return o
	}
	body := strings.TrimSuffix(o[k+len("stream\n"):], "\nendstream")
	return fmt.Sprintf(o[:k], len(body)) + o[k:]
}

// Text returns a one-page PDF that shows lines (ASCII) in Helvetica, one
// per line.
func Text(lines ...string) []byte {
	var content strings.Builder
	content.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
	for _, l := range lines {
		l = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(l)
		fmt.Fprintf(&content, "(%s) Tj T*\n", l)
	}
	content.WriteString("ET")
	return Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Length %d >>stream\n"+content.String()+"\nendstream",
	)
}

// Scanned turns a one-page PDF into a scan of it, as a scanner writes
// one: the page rendered to a grey image at 150 dpi by pdftoppm
// (poppler-utils) and placed as the page's only content, so the file has
// no text to extract.
func Scanned(pdf []byte) ([]byte, error) { return scanned(pdf, false) }

// ScannedUpsideDown is Scanned with the page image turned by 180 degrees,
// as a sheet feeder scans a page fed the wrong way round.
func ScannedUpsideDown(pdf []byte) ([]byte, error) { return scanned(pdf, true) }

func scanned(pdf []byte, upsideDown bool) ([]byte, error) {
	dir, err := os.MkdirTemp("", "testpdf-scan-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "text.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, err
	}
	if out, err := exec.Command("pdftoppm", "-r", "150", "-gray", "-singlefile", in, filepath.Join(dir, "scan")).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %w: %s", err, out)
	}
	pgm, err := os.ReadFile(filepath.Join(dir, "scan.pgm"))
	if err != nil {
		return nil, err
	}
	var w, h, maxv int
	if _, err := fmt.Sscan(strings.TrimPrefix(string(pgm[:min(len(pgm), 64)]), "P5"), &w, &h, &maxv); err != nil {
		return nil, fmt.Errorf("pgm header: %w", err)
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	raster := bytes.Clone(pgm[len(pgm)-w*h:])
	if upsideDown {
		slices.Reverse(raster)
	}
	zw.Write(raster)
	zw.Close()
	pw, ph := w*72/150, h*72/150 // points: 72 per inch
	return Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>", pw, ph),
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %%d >>stream\n", w, h)+
			z.String()+"\nendstream",
		fmt.Sprintf("<< /Length %%d >>stream\nq %d 0 0 %d 0 0 cm /Im0 Do Q\nendstream", pw, ph),
	), nil
}
