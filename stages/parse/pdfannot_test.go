package parse

import (
	"bytes"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/testpdf"
)

// appearance is a form XObject that draws s in Helvetica (object 4).
func appearance(s string) string {
	return "<< /Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /Helv 4 0 R >> >> /Length %d >>stream\n" +
		"BT /Helv 10 Tf 2 5 Td (" + s + ") Tj ET\nendstream"
}

func TestPDFFormFieldsAndComments(t *testing.T) {
	data := testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R"+
			" /Annots [6 0 R 7 0 R 8 0 R 9 0 R 10 0 R 12 0 R] >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Length %d >>stream\nBT /F1 12 Tf 72 720 Td (Supplier application form) Tj ET\nendstream",
		// a filled text field
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (Jane Doe) /Rect [72 600 272 620] /AP << /N 11 0 R >> >>",
		// a hidden field
		"<< /Type /Annot /Subtype /Widget /FT /Tx /F 2 /Rect [72 560 272 580] /AP << /N 13 0 R >> >>",
		// a field without an appearance: its value, inherited from the parent field
		"<< /Type /Annot /Subtype /Widget /Rect [72 520 272 540] /Parent 14 0 R >>",
		// a check box: one appearance per state, drawn with symbols
		"<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [72 480 92 500] /AS /Yes /AP << /N << /Yes 15 0 R /Off 15 0 R >> >> >>",
		// a typed comment
		"<< /Type /Annot /Subtype /FreeText /Rect [300 600 500 620] /AP << /N 16 0 R >> >>",
		appearance("Jane Doe"),
		// a sticky note: its text is not drawn on the page
		"<< /Type /Annot /Subtype /Text /Rect [300 500 320 520] /Contents (note to self) >>",
		appearance("secret"),
		"<< /FT /Tx /T (company) /V (Acme Widgets Ltd) >>",
		appearance("ZZZZ"),
		appearance("Please countersign by Friday"),
	)
	p := mustParse(t, "form.pdf", data)
	for _, want := range []string{"Supplier application form", "Jane Doe", "Acme Widgets Ltd", "Please countersign by Friday"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, p.Text)
		}
	}
	for _, bad := range []string{"secret", "ZZZZ", "note to self"} {
		if strings.Contains(p.Text, bad) {
			t.Errorf("text has %q, which a reader does not see:\n%s", bad, p.Text)
		}
	}
}

// emptyMapFont is a TrueType font whose ToUnicode map maps nothing (object
// 6), as some producers write it.
func emptyMapPDF(baseFont string) []byte {
	return testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /TrueType /BaseFont /"+baseFont+" /FirstChar 32 /LastChar 126 /ToUnicode 6 0 R >>",
		"<< /Length %d >>stream\nBT /F1 12 Tf 72 720 Td <4d6574726f526f636b206d656d62657273686970> Tj ET\nendstream",
		"<< /Length %d >>stream\n/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"+
			"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <00> <ff> endcodespacerange\n"+
			"0 beginbfchar endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\nendstream",
	)
}

func TestPDFEmptyToUnicodeMap(t *testing.T) {
	p := mustParse(t, "empty-map.pdf", emptyMapPDF("AAACAD+Arial-BoldMT"))
	if !strings.Contains(p.Text, "MetroRock membership") {
		t.Errorf("text %q, want the Windows-1252 reading of the codes", p.Text)
	}
	// An icon font's codes are pictures: reading them as letters would
	// index nonsense, so such a file stays undecodable, and says so.
	e := parsePermanent(t, "icons.pdf", emptyMapPDF("AAAAAH+MaterialIconsExtended-Regular"))
	if e.Reason != reasonUndecodable {
		t.Errorf("icon font: reason %q, want %q", e.Reason, reasonUndecodable)
	}
}

// A subset font with an Encoding whose Differences name glyphs /g1, /g2
// ... and a ToUnicode map, the only way back to its characters. The map
// also sends 'c' to a carriage return, as a broken producer did: the
// encoding is then the better guess.
func TestPDFToUnicodeOverEncoding(t *testing.T) {
	data := testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Georgia /FirstChar 1 /LastChar 99"+
			" /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /g24 /g349 /g286 /g400 /g3] >> /ToUnicode 6 0 R >>",
		// "Abcd " in codes 1-5, then "copula" with the real 'c' (0x63), which the map breaks
		"<< /Length %d >>stream\nBT /F1 12 Tf 72 720 Td <0102030405> Tj (copula) Tj ET\nendstream",
		"<< /Length %d >>stream\n/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"+
			"1 begincodespacerange <00> <ff> endcodespacerange\n"+
			"1 beginbfchar <01> <0041> endbfchar\n"+
			"2 beginbfrange <02> <04> <0062> <63> <63> <000d> endbfrange\n"+
			"1 beginbfrange <05> <05> [<0020>] endbfrange\n"+
			"endcmap CMapName currentdict /CMap defineresource pop end end\nendstream",
	)
	p := mustParse(t, "subset.pdf", data)
	if !strings.Contains(p.Text, "Abcd copula") {
		t.Errorf("text %q, want %q", p.Text, "Abcd copula")
	}
}

// Viewers open these; the PDF library refuses them as they are, and only
// the cross-reference rebuild would otherwise read the damaged ends.
func TestPDFHeaderAndTrailerVariants(t *testing.T) {
	good := testpdf.Text("Master Services Agreement")
	variants := map[string][]byte{
		"pdf-2.0":       append([]byte("%PDF-2.0\n"), good[len("%PDF-1.7\n"):]...),
		"nul-after":     append([]byte("%PDF-1.2\x00"), good[len("%PDF-1.7"):]...),
		"junk-before":   append([]byte("X-Mailer: gateway\r\n"), good...),
		"junk-after":    append(bytes.Clone(good), bytes.Repeat([]byte("\x00"), 300)...),
		"footer-after":  append(bytes.Clone(good), []byte("\n--\nScanned by MailGuard. This message is clean.\n")...),
		"no-eof-marker": bytes.TrimSuffix(good, []byte("%%EOF\n")),
	}
	for name, data := range variants {
		t.Run(name, func(t *testing.T) {
			if bytes.Equal(data, good) {
				t.Fatal("variant is the original")
			}
			p := mustParse(t, name+".pdf", data)
			if !strings.Contains(p.Text, "Master Services Agreement") {
				t.Errorf("text %q", p.Text)
			}
			// read through the file's own cross-reference table: a rebuilt
			// one may pick superseded objects of an incrementally saved file
			if p.Meta["repaired"] != "" {
				t.Errorf("needed the repair path: %v", p.Meta)
			}
		})
	}
}

// cjkFontPDF shows hex codes in a non-embedded Type0 font named by the
// predefined CMap cmap, without a ToUnicode map.
func cjkFontPDF(cmap, hex string) []byte {
	return testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /"+cmap+" /DescendantFonts [6 0 R] >>",
		"<< /Length %d >>stream\nBT /F1 12 Tf 72 720 Td <"+hex+"> Tj ET\nendstream",
		"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"+
			" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>",
		"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
	)
}

func TestPDFPredefinedCJKCMaps(t *testing.T) {
	for _, c := range []struct{ cmap, hex, want string }{
		// GBK: one byte for ASCII, two for hanzi
		{"GBK-EUC-H", "bacfcdacccf5bfee20436f6e7472616374", "合同条款 Contract"},
		// UCS-2, which the library decoded before: the new path must too
		{"UniGB-UCS2-H", "501f6b3e5408540c", "借款合同"},
		// Shift-JIS, as Japanese producers write it
		{"90ms-RKSJ-H", "93fa967b8cea8365834c", "日本語テキ"},
	} {
		t.Run(c.cmap, func(t *testing.T) {
			p := mustParse(t, c.cmap+".pdf", cjkFontPDF(c.cmap, c.hex))
			if !strings.Contains(p.Text, c.want) {
				t.Errorf("text %q, want %q", p.Text, c.want)
			}
		})
	}
}

// A font that maps its glyphs to ligatures ("ﬁ", "ﬃ") gives text that no
// query for "benefit" or "efficient" found; the parsed text spells them out.
func TestPDFLigaturesSpelledOut(t *testing.T) {
	// UCS-2: "bene", U+FB01, "t e", U+FB03, "cient"
	p := mustParse(t, "lig.pdf", cjkFontPDF("UniGB-UCS2-H", "00620065006e0065fb01007400200065fb03006300690065006e0074"))
	if !strings.Contains(p.Text, "benefit efficient") || strings.ContainsAny(p.Text, "\ufb01\ufb03") {
		t.Errorf("text %q", p.Text)
	}
	if got := foldLigatures("ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ plain"); got != "ff fi fl ffi ffl st st plain" {
		t.Errorf("foldLigatures: %q", got)
	}
}
