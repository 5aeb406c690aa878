package testpdf

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// The cross-reference table must point at each "N 0 obj", and stream
// lengths must match, or readers fall back to repair and the tests built
// on these files would test the repair path instead.
func TestBuildOffsetsAndLengths(t *testing.T) {
	data := Text("Hello (world)", `back\slash`)
	i := bytes.LastIndex(data, []byte("startxref\n"))
	xref, err := strconv.Atoi(strings.Fields(string(data[i+len("startxref\n"):]))[0])
	if err != nil || !bytes.HasPrefix(data[xref:], []byte("xref\n0 6\n")) {
		t.Fatalf("startxref %d does not point at the table: %v", xref, err)
	}
	rows := strings.Split(string(data[xref:]), "\n")[3:8]
	for n, row := range rows {
		off, _ := strconv.Atoi(strings.Fields(row)[0])
		if want := fmt.Sprintf("%d 0 obj\n", n+1); !bytes.HasPrefix(data[off:], []byte(want)) {
			t.Errorf("object %d: offset %d points at %.12q", n+1, off, data[off:])
		}
	}
	s := string(data)
	k := strings.Index(s, "/Length ")
	var length int
	fmt.Sscanf(s[k:], "/Length %d", &length)
	start := strings.Index(s, "stream\n") + len("stream\n")
	if end := strings.Index(s, "\nendstream"); end-start != length {
		t.Errorf("/Length %d, stream data %d bytes", length, end-start)
	}
	if !strings.Contains(s, `(Hello \(world\)) Tj`) || !strings.Contains(s, `(back\\slash) Tj`) {
		t.Errorf("strings not escaped:\n%s", s)
	}
}
