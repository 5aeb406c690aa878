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

// XML nested deeper than maxXMLDepth is refused at that depth rather than
// followed: encoding/xml keeps every open element, and 20 million "<a>"
// (58 KB gzipped) held 2.2 GB; a DOCX body of 60 MiB of "<w:p>" (90 KB)
// held 2.5 GB.
func TestXMLNestingBounded(t *testing.T) {
	deep := strings.Repeat("<a>", maxXMLDepth+1) + "Acme Corporation" + strings.Repeat("</a>", maxXMLDepth+1)
	_, err := Parse(context.Background(), Input{Filename: "deep.xml", Data: []byte(`<?xml version="1.0"?>` + deep)}, DefaultLimits())
	if !IsPermanent(err) || !strings.Contains(err.Error(), "nested more than") {
		t.Errorf("deep XML: %v", err)
	}
	body := strings.Repeat("<w:p>", maxXMLDepth+1) + "<w:r><w:t>Acme Corporation</w:t></w:r>" + strings.Repeat("</w:p>", maxXMLDepth+1)
	data := docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`})
	_, err = Parse(context.Background(), Input{Filename: "deep.docx", Data: data}, DefaultLimits())
	if !IsPermanent(err) || !strings.Contains(err.Error(), "nested more than") {
		t.Errorf("deep DOCX: %v", err)
	}
	// as deep as allowed is read
	ok := strings.Repeat("<a>", maxXMLDepth) + "Acme Corporation" + strings.Repeat("</a>", maxXMLDepth)
	p, err := Parse(context.Background(), Input{Filename: "ok.xml", Data: []byte(`<?xml version="1.0"?>` + ok)}, DefaultLimits())
	if err != nil || p.Text != "Acme Corporation" {
		t.Errorf("XML %d deep: %v", maxXMLDepth, err)
	}
}

// A DOCX's comments part nested past maxXMLDepth, outside a comment or in
// one, is skipped as damaged after the comments before it; the body is
// read.
func TestDOCXCommentsNestingBounded(t *testing.T) {
	deep := strings.Repeat("<x>", maxXMLDepth+1) + strings.Repeat("</x>", maxXMLDepth+1) // well-formed
	first := `<w:comment w:id="1" w:author="A"><w:p><w:r><w:t>Check this.</w:t></w:r></w:p></w:comment>`
	for name, comments := range map[string]string{
		"between comments": first + deep,
		"in a comment":     first + `<w:comment w:id="2">` + deep + `</w:comment>`,
	} {
		data := docxOf(t, map[string]string{
			"word/document.xml":            `<w:document ` + wNS + ` ` + rNS + `><w:body>` + wPara("", "", "", "Payment is due in thirty days.") + `</w:body></w:document>`,
			"word/_rels/document.xml.rels": docxRels("rIdC", "comments", "comments.xml"),
			"word/comments.xml":            `<w:comments ` + wNS + `>` + comments + `</w:comments>`,
		})
		p, err := Parse(context.Background(), Input{Filename: "c.docx", Data: data}, DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.Text != "Payment is due in thirty days." || p.Aside != "Comment by A: Check this." ||
			!strings.Contains(p.Meta["docx_parts_skipped"], "word/comments.xml (damaged XML") {
			t.Errorf("%s: text %q, aside %q, skipped %q", name, p.Text, p.Aside, p.Meta["docx_parts_skipped"])
		}
	}
}

// The small DOCX parts read on the side (the core properties' title) stop
// at maxXMLDepth as well.
func TestCoreTitleNestingBounded(t *testing.T) {
	if got := coreTitle([]byte(`<cp:coreProperties><dc:title>Lease</dc:title></cp:coreProperties>`)); got != "Lease" {
		t.Fatalf("title %q", got)
	}
	deep := strings.Repeat("<x>", maxXMLDepth+1) + "<dc:title>Deep</dc:title>" + strings.Repeat("</x>", maxXMLDepth+1)
	if got := coreTitle([]byte(deep)); got != "" {
		t.Errorf("title %q read past the depth bound", got)
	}
}
