package parse

import (
	"context"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// XML in UTF-16 (what Windows tools and .NET write) was read as text
// before XML support; it must still be read.
func TestUTF16XML(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?>` + "\n<invoice><party>Acme Corporation</party><total>1200 EUR</total></invoice>\n"
	for name, data := range map[string][]byte{
		"utf-16 bom": utf16le(doc, true),
		"utf-8 bom":  append([]byte{0xEF, 0xBB, 0xBF}, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n<invoice><party>Acme Corporation</party></invoice>\n")...),
	} {
		p, err := Parse(context.Background(), Input{Filename: "invoice.xml", Data: data}, DefaultLimits())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !strings.Contains(p.Text, "Acme Corporation") {
			t.Errorf("%s: type %s text %q", name, p.ContentType, p.Text)
		}
	}
}
