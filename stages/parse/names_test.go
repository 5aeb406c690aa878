package parse

import (
	"context"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// File names that are not UTF-8 read as the charset their bytes are in,
// segment by segment; what reads as no double-byte encoding stays
// reversible (Windows-1252, its undefined bytes as C1 controls), never
// U+FFFD.
func TestDecodeName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"合同.txt", "合同.txt"},                                  // UTF-8: as it is
		{"\xba\xcf\xcd\xac GBK\xc3\xfb.txt", "合同 GBK名.txt"},   // GBK
		{"\xca\xd5\xbc\xfe GBK\xc3\xfb.txt", "收件 GBK名.txt"},   // GBK
		{"\xa6X\xac\xf9\xb4\xc1\xb6\xa1.txt", "合約期間.txt"},     // Big5
		{"收件/\xba\xcf\xcd\xac.txt", "收件/合同.txt"},              // a UTF-8 folder, a GBK file
		{"R\xe9sum\xe9 M\xfcller.doc", "Résumé Müller.doc"},   // Windows-1252
		{"Stra\xdfe \x81\x8d.txt", "Straße \u0081\u008d.txt"}, // undefined bytes kept
	} {
		if got := DecodeName(c.in); got != c.want {
			t.Errorf("DecodeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// the Windows-1252 reading gives the bytes back
	raw := "Stra\xdfe \x81\x8d\x9d.txt"
	back := make([]byte, 0, len(raw))
	for _, r := range DecodeName(raw) {
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok && r >= 0x80 && r < 0xA0 {
			b, ok = byte(r), true
		}
		if !ok {
			t.Fatalf("%q does not encode back", r)
		}
		back = append(back, b)
	}
	if string(back) != raw {
		t.Errorf("%q read back as %q", raw, back)
	}
	// docmill analyze passes names to Parse as the file system has them
	p, err := Parse(context.Background(), Input{Filename: "\xba\xcf\xcd\xac.txt", Data: []byte("甲方应于三十日内付款。")}, DefaultLimits())
	if err != nil || p.Filename != "合同.txt" || p.Title != "合同.txt" { // its one line is a sentence, no title
		t.Errorf("parsed: %v %+v", err, p)
	}
}
