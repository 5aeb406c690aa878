package parse

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// An RTF file as LibreOffice writes it (converted from HTML in a
// test run): headings, curly quotes and € as \'hh, a numbered list, a
// table and Chinese as \uN with fallbacks.
func TestRTFLibreOffice(t *testing.T) {
	p := mustParse(t, "lease.rtf", readFixture(t, "lease-libreoffice.rtf"))
	if p.ContentType != document.TypeRTF || p.Title != "Lease Agreement" || p.Language != "en" {
		t.Errorf("type %s title %q lang %s", p.ContentType, p.Title, p.Language)
	}
	contains(t, "rtf", p.Text, "Acme Corporation (“Landlord”)", "The monthly rent is €2,500.", "Premises | 12 High Street",
		"Start | 1 March 2026", "本租约受中华人民共和国法律管辖。")
	for _, junk := range []string{"rtf1", "fonttbl", "Times New Roman", "\\", "{", "?"} {
		if strings.Contains(p.Text, junk) {
			t.Errorf("text has %q: %q", junk, p.Text)
		}
	}
}

// What RTF writers put around the text stays out of it: font, colour and
// style tables, document properties, field instructions, headers (the
// aside: TestRTFHiddenDeletedAndMargins), pictures and their binary data; footnotes follow the body, the \info
// title is the title, and \'hh bytes decode in the \ansicpg code page,
// two at a time for a double-byte code page.
func TestRTFDestinationsAndCodePages(t *testing.T) {
	doc := `{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}}{\colortbl;\red0\green0\blue0;}` +
		`{\stylesheet{\s1 heading 1;}}{\info{\title Supply Agreement}{\author Jane Roe}}` +
		`{\header HEADER TEXT\par}{\*\generator Microsoft Word 16;}` +
		`\pard The Supplier\rquote s fee is \'8050 per hour{\footnote\pard Excluding VAT.} and ` +
		`{\field{\*\fldinst HYPERLINK "https://example.com"}{\fldrslt see the price list}}.\par ` +
		`Caf\'e9 na\u239?ve \u8220\'93quoted\u8221? text.\line second line\par ` +
		`{\pict\pngblip\bin4 }}}}\par}` +
		`\trowd\cellx1000\cellx2000 Term\cell 12 months\cell\row }`
	p := mustParse(t, "supply.rtf", []byte(doc))
	want := "The Supplier’s fee is €50 per hour and see the price list.\nCafé naïve “quoted” text.\nsecond line\nTerm | 12 months\n\nExcluding VAT."
	if p.Text != want || p.Title != "Supply Agreement" {
		t.Errorf("text %q\nwant %q\ntitle %q", p.Text, want, p.Title)
	}
	zh := `{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil\fcharset134 SimSun;}}\f0 \'b1\'be\'d0\'ad\'d2\'e9\'d3\'c9\'bc\'d7\'b7\'bd\'c7\'a9\'b6\'a9\'a1\'a3\par}`
	p = mustParse(t, "xieyi.rtf", []byte(zh))
	if p.Text != "本协议由甲方签订。" || p.Language != "zh" {
		t.Errorf("gbk rtf: %q %s", p.Text, p.Language)
	}
}

// Groups nested more than maxRTFDepth deep make the document corrupt
// rather than a stack of their states: 60 million "{" (58 KB gzipped)
// took the server from 1.8 to 3.7 GB. As deep as allowed is read.
func TestRTFNestingBounded(t *testing.T) {
	deep := `{\rtf1\ansi Lease ` + strings.Repeat("{", maxRTFDepth+1) + "agreement" + strings.Repeat("}", maxRTFDepth+1) + "}"
	if pe := parsePermanent(t, "deep.rtf", []byte(deep)); !strings.Contains(pe.Reason, "nested more than") {
		t.Errorf("reason %q", pe.Reason)
	}
	ok := `{\rtf1\ansi Lease ` + strings.Repeat("{", maxRTFDepth-1) + "agreement" + strings.Repeat("}", maxRTFDepth-1) + "}"
	if p := mustParse(t, "ok.rtf", []byte(ok)); p.Text != "Lease agreement" {
		t.Errorf("text %q", p.Text)
	}
}

// What Word does not show is not read: hidden text (\v) and tracked
// deletions (\deleted), each up to its group's end or its \v0; the word
// after one is not glued to it. Headers and footers are the aside, each
// text once, a first-page one only where the section has one (\titlepg),
// as a DOCX's are.
func TestRTFHiddenDeletedAndMargins(t *testing.T) {
	doc := `{\rtf1\ansi{\fonttbl{\f0 Times;}}\sectd\titlepg{\header\pard ACME CORP\par CONFIDENTIAL\par}` +
		`{\headerf\pard DRAFT 3\par}{\headerl\pard LEFT PAGES\par}{\footer\pard Doc ID: ACME-4471\par}` +
		`\pard {\v HIDDENRTF}Visible and {\deleted DELETEDRTF}{\revised inserted} text, ` +
		`\v secret\v0  shown\par\sect\sectd{\header\pard ACME CORP\par CONFIDENTIAL\par}\pard Second section.\par}`
	p := mustParse(t, "memo.rtf", []byte(doc))
	if want := "Visible and inserted text, shown\n\nSecond section."; p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
	if want := "Header: ACME CORP\nCONFIDENTIAL\n\nHeader: DRAFT 3\n\nFooter: Doc ID: ACME-4471"; p.Aside != want {
		t.Errorf("aside %q\nwant %q", p.Aside, want)
	}
}
