package parse

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"github.com/docmill/docmill/document"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// docxOf zips WordprocessingML parts into a .docx.
func docxOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

func wPara(style, numID, level, text string) string {
	ppr := ""
	if style != "" {
		ppr += `<w:pStyle w:val="` + style + `"/>`
	}
	if numID != "" {
		ppr += `<w:numPr><w:ilvl w:val="` + level + `"/><w:numId w:val="` + numID + `"/></w:numPr>`
	}
	return `<w:p><w:pPr>` + ppr + `</w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func TestDOCXAsWordShowsIt(t *testing.T) {
	body := wPara("Title", "", "", "Master Services Agreement") +
		wPara("Heading1", "", "", "Definitions") + // numbered by its style
		wPara("", "1", "1", "Services means the work in Schedule A.") +
		wPara("", "1", "1", "Fees means the amounts in Schedule B.") +
		wPara("", "1", "2", "including travel;") +
		wPara("", "1", "2", "excluding taxes.") +
		wPara("Heading1", "", "", "Term") +
		wPara("", "1", "1", "This Agreement lasts two years.") +
		wPara("", "2", "0", "a bullet point") +
		wPara("Heading1", "0", "0", "Unnumbered heading") +
		// tracked changes, accepted: inserted and moved-to text stays,
		// deleted and moved-away text goes
		`<w:p><w:r><w:t xml:space="preserve">Payment is due within </w:t></w:r>` +
		`<w:del><w:r><w:delText>sixty</w:delText></w:r></w:del><w:ins><w:r><w:t>thirty</w:t></w:r></w:ins>` +
		`<w:r><w:t xml:space="preserve"> days</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>` +
		`<w:moveFrom><w:r><w:t>of invoice</w:t></w:r></w:moveFrom><w:r><w:t>.</w:t></w:r></w:p>` +
		// a table: a row is one line; a cell's paragraphs stay in it
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Effective Date</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p><w:r><w:t>1 March 2026</w:t></w:r></w:p><w:p><w:r><w:t>(or signature)</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>` +
		// a text box: Word writes it twice, as DrawingML and as VML fallback
		`<w:p><w:r><w:t xml:space="preserve">Signed: </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">` +
		`<w:drawing><w:txbxContent><w:p><w:r><w:t>Box text once</w:t></w:r></w:p></w:txbxContent></w:drawing>` +
		`</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box text once</w:t></w:r></w:p></w:txbxContent></w:pict>` +
		`</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Jane Doe</w:t></w:r></w:p>`
	numbering := `<w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="10">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>`
	styles := `<w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Normal"/>
</w:styles>`
	footnotes := `<w:footnotes ` + wNS + `>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Business days, as defined in clause 1.1.</w:t></w:r></w:p></w:footnote>
</w:footnotes>`
	data := docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": numbering,
		"word/styles.xml":    styles,
		"word/footnotes.xml": footnotes,
	})
	p := mustParse(t, "msa.docx", data)
	if p.Title != "Master Services Agreement" {
		t.Errorf("title %q", p.Title)
	}
	contains(t, "docx", p.Text,
		"1. Definitions\n\n1.1 Services means", "1.2 Fees means", "(a) including travel;", "(b) excluding taxes.",
		"2. Term\n\n2.1 This Agreement", "\n\n- a bullet point", "\n\nUnnumbered heading",
		"Payment is due within thirty days[1].", "Signed: Jane Doe\n\nBox text once",
		"\n\nEffective Date | 1 March 2026 (or signature)\n\n")
	contains(t, "aside", p.Aside, "Footnote 1: Business days, as defined in clause 1.1.")
	absent(t, "docx", p.Text, "Business days", "sixty", "of invoice", "\uf0b7", "3. Unnumbered", "\n |")
	if n := strings.Count(p.Text, "Box text once"); n != 1 {
		t.Errorf("text box read %d times", n)
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		v      int
		format string
		want   string
	}{
		{3, "decimal", "3"}, {3, "lowerLetter", "c"}, {28, "lowerLetter", "bb"}, {2, "upperLetter", "B"},
		{4, "lowerRoman", "iv"}, {1994, "upperRoman", "MCMXCIV"}, {7, "decimalZero", "07"}, {12, "decimalZero", "12"},
		{5, "ordinal", "5"}, // formats without a rule are written as decimals
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"}, {20, "chineseCounting", "二十"},
		{105, "chineseCountingThousand", "一百零五"}, {1010, "chineseCounting", "一千零一十"}, {2026, "ideographDigital", "二〇二六"},
		{3, "ideographTraditional", "丙"}, {2, "decimalEnclosedCircle", "②"},
	} {
		if got := formatNumber(c.v, c.format); got != c.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", c.v, c.format, got, c.want)
		}
	}
}

// Chinese contracts number their clauses 第一条, 第二条: the number is
// generated in Chinese numerals, as Word shows it.
func TestDOCXChineseClauseNumbers(t *testing.T) {
	numbering := `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num></w:numbering>`
	var body string
	for _, clause := range []string{"合同双方", "付款方式", "违约责任", "争议解决", "其他", "附则", "生效", "变更", "解除", "通知", "适用法律"} {
		body += wPara("", "5", "0", clause)
	}
	p := mustParse(t, "contract-zh.docx", docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": numbering,
	}))
	contains(t, "zh docx", p.Text, "第一条 合同双方", "第三条 违约责任", "第十条 通知", "第十一条 适用法律")
}

// A level with legal numbering (w:isLgl) writes the numbers of the levels
// above it in Arabic digits, as Word does: "ARTICLE I" has "Section
// 1.01" and "第一条" has "1.1". Without it the levels keep their formats.
func TestDOCXLegalNumbering(t *testing.T) {
	numbering := `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="ARTICLE %1"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimalZero"/><w:lvlText w:val="Section %1.%2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2(%3)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num></w:numbering>`
	body := wPara("", "5", "0", "DEFINITIONS") + wPara("", "5", "1", "Terms.") + wPara("", "5", "2", "Other terms.") +
		wPara("", "5", "0", "PAYMENT") + wPara("", "5", "1", "Fees.") +
		wPara("", "6", "0", "服务内容") + wPara("", "6", "1", "乙方应当完成系统部署。")
	p := mustParse(t, "legal.docx", docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": numbering,
	}))
	want := "ARTICLE I DEFINITIONS\n\nSection 1.01 Terms.\n\nI.01(a) Other terms.\n\nARTICLE II PAYMENT\n\nSection 2.01 Fees.\n\n第一条 服务内容\n\n1.1 乙方应当完成系统部署。"
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A package is read through its relationships: the main part under
// another name (Office 365 downloads write word/document2.xml), its styles
// by relationship, localised heading style ids named in styles.xml ("a3"
// is "Title" in Chinese Word), an embedded HTML chunk (w:altChunk) read in
// place, hidden text (w:vanish) and ruby readings (w:rt) left out.
func TestDOCXPackageRelationshipsAndChunks(t *testing.T) {
	relNS := `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	rt := "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	body := `<w:p><w:r><w:t>注意事项</w:t></w:r></w:p>` + wPara("a3", "", "", "采购合同") +
		`<w:p><w:r><w:t xml:space="preserve">Visible </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN NOTE</w:t></w:r>` +
		`<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>shown.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:ruby><w:rt><w:r><w:t>chóng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>重</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>庆。</w:t></w:r></w:p>` +
		`<w:altChunk r:id="rIdChunk" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>`
	data := docxOf(t, map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<Relationships ` + relNS + `><Relationship Id="rId1" Type="` + rt + `officeDocument" Target="word/document2.xml"/></Relationships>`,
		"word/_rels/document2.xml.rels": `<Relationships ` + relNS + `><Relationship Id="rIdS" Type="` + rt + `styles" Target="styles2.xml"/>` +
			`<Relationship Id="rIdChunk" Type="` + rt + `aFChunk" Target="/word/afchunk.htm"/></Relationships>`,
		"word/document2.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles2.xml":   `<w:styles ` + wNS + `><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style></w:styles>`,
		"word/afchunk.htm":   `<html><body><h2>Generated Report</h2><p>Quarterly revenue rose by twelve percent.</p></body></html>`,
	})
	p := mustParse(t, "office365", data)
	if p.ContentType != document.TypeDOCX || p.Title != "采购合同" {
		t.Errorf("type %s title %q", p.ContentType, p.Title)
	}
	want := "注意事项\n\n采购合同\n\nVisible shown.\n\n重庆。\n\nGenerated Report\n\nQuarterly revenue rose by twelve percent."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A chunk referred to again and again is read once, and the chunks'
// text together stays within the size limit: a 180 KB DOCX referring
// 2,000 times to one 60 MiB chunk grew past 7 GB, and went on growing
// after its parse timed out.
func TestDOCXChunksBounded(t *testing.T) {
	line := "All work and no play makes Jack a dull boy.\n"
	chunk := strings.Repeat(line, (256<<10)/len(line))
	body := wPara("", "", "", "Cover letter.") + strings.Repeat(`<w:altChunk r:id="rIdC" `+rNS+`/>`, 200)
	data := docxOf(t, map[string]string{
		"word/document.xml":            `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/_rels/document.xml.rels": docxRels("rIdC", "aFChunk", "chunk.txt"),
		"word/chunk.txt":               chunk,
	})
	if len(data) > 64<<10 {
		t.Fatalf("DOCX is %d bytes", len(data))
	}
	lim := DefaultLimits()
	lim.MaxBytes = 1 << 20
	p, err := Parse(context.Background(), Input{Filename: "chunks.docx", Data: data}, lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Text) > 1<<20+1024 || !strings.HasPrefix(p.Text, "Cover letter.") || strings.Count(p.Text, line) < 3*strings.Count(chunk, line) {
		t.Errorf("text %d bytes, %d lines", len(p.Text), strings.Count(p.Text, line))
	}
	if !strings.Contains(p.Meta["docx_parts_skipped"], "word/chunk.txt (embedded chunks over the") {
		t.Errorf("meta %v", p.Meta)
	}
}

// List definitions past maxListDefinitions are not read: a 4 MB upload
// with 1.6 million of them took a gigabyte. A numbering part over
// maxAuxPart is not read at all; the text is.
func TestDOCXNumberingBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<w:numbering ` + wNS + `>`)
	for i := 0; i <= maxListDefinitions; i++ {
		fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl></w:abstractNum>`, i)
	}
	b.WriteString(`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	fmt.Fprintf(&b, `<w:num w:numId="2"><w:abstractNumId w:val="%d"/></w:num></w:numbering>`, maxListDefinitions)
	nums := newDocxNumbering([]byte(b.String()), nil)
	if got := nums.label(&docxPara{numID: "1", level: "0"}); got != "1." {
		t.Errorf("first definition: %q", got)
	}
	if got := nums.label(&docxPara{numID: "2", level: "0"}); got != "" {
		t.Errorf("definition past the cap numbered %q", got)
	}
	huge := `<w:numbering ` + wNS + `>` + strings.Repeat(`<!-- padding padding padding padding -->`, maxAuxPart/40+1) + `</w:numbering>`
	p := mustParse(t, "padded.docx", docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + wPara("", "1", "0", "Still read.") + `</w:body></w:document>`,
		"word/numbering.xml": huge,
	}))
	if p.Text != "Still read." {
		t.Errorf("text %q", p.Text)
	}
}

// docxRels writes a relationships part: id, type (the last segment of an
// officeDocument relationship type) and target, three strings a relation.
func docxRels(rels ...string) string {
	var b strings.Builder
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 0; i+2 < len(rels); i += 3 {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, rels[i], rels[i+1], rels[i+2])
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

const rNS = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// A contract's footnotes, endnotes, headers, footers and comments are
// kept, as the aside, in no sentence. Notes are numbered as Word shows
// them (LibreOffice's first footnote is id 2, endnotes are i, ii) and
// labelled as a PDF's footnotes are ("Footnote 1: ..."): appended to the
// body, a filing's notes read as its argument and reached its summary.
// Headers and footers are read each once, only those a section prints,
// and the reviewers' comments with their author and the text they are
// anchored to.
func TestDOCXNotesMarginsAndComments(t *testing.T) {
	body := `<w:p><w:r><w:t xml:space="preserve">The Supplier's </w:t></w:r><w:commentRangeStart w:id="7"/>` +
		`<w:r><w:t>liability cap</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> is one million euros</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>` +
		`<w:r><w:t xml:space="preserve">, save for fraud</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> and gross negligence</w:t></w:r>` +
		`<w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/></w:r><w:r><w:t>*</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>` +
		// a section break: its default header repeats the next section's
		`<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="even" r:id="rIdEven"/>` +
		`<w:footerReference w:type="default" r:id="rIdF1"/></w:sectPr></w:pPr>` +
		`<w:r><w:t>Either party may terminate on notice.</w:t></w:r><w:r><w:footnoteReference w:id="4"/></w:r></w:p>` +
		wPara("", "", "", "The Customer pays within thirty days.") +
		`<w:sectPr><w:headerReference w:type="default" r:id="rIdH2"/><w:headerReference w:type="first" r:id="rIdFirst"/>` +
		`<w:footerReference w:type="default" r:id="rIdF1"/><w:titlePg/>` +
		`<w:sectPrChange w:id="9"><w:sectPr><w:headerReference w:type="default" r:id="rIdOld"/></w:sectPr></w:sectPrChange></w:sectPr>`
	header := func(root, text string) string {
		return `<w:` + root + ` ` + wNS + `>` + wPara("", "", "", "ACME CORP") + wPara("", "", "", text) + `</w:` + root + `>`
	}
	data := docxOf(t, map[string]string{
		"word/document.xml": `<w:document ` + wNS + ` ` + rNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/_rels/document.xml.rels": docxRels(
			"rIdFn", "footnotes", "footnotes.xml", "rIdEn", "endnotes", "endnotes.xml", "rIdC", "comments", "comments.xml",
			"rIdH1", "header", "header1.xml", "rIdH2", "header", "header2.xml", "rIdFirst", "header", "header3.xml",
			"rIdEven", "header", "header4.xml", "rIdOld", "header", "header5.xml", "rIdF1", "footer", "footer1.xml"),
		// LibreOffice numbers its separators 0 and 1
		"word/footnotes.xml": `<w:footnotes ` + wNS + `>` +
			`<w:footnote w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="1" w:type="continuationSeparator"><w:p><w:r><w:t>continued on the next page</w:t></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Per claim, excluding indemnities under clause 9.</w:t></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="3"><w:p><w:r><w:t>* As defined in clause 1.4.</w:t></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="4"><w:p><w:r><w:t>Notice means written notice.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/endnotes.xml": `<w:endnotes ` + wNS + `><w:endnote w:id="-1" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>` +
			`<w:endnote w:id="1"><w:p><w:r><w:t>Fraud includes wilful misrepresentation.</w:t></w:r></w:p></w:endnote></w:endnotes>`,
		"word/header1.xml": header("hdr", "CONFIDENTIAL"),
		"word/header2.xml": header("hdr", "CONFIDENTIAL"),
		"word/header3.xml": header("hdr", "DRAFT 3 for discussion"),
		"word/header4.xml": header("hdr", "STALE EVEN-PAGE HEADER"),
		"word/header5.xml": header("hdr", "OLD SECTION HEADER"),
		"word/footer1.xml": `<w:ftr ` + wNS + `>` + wPara("", "", "", "Doc ID: ACME-4471") + `<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r>` +
			`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`,
		"word/comments.xml": `<w:comments ` + wNS + `><w:comment w:id="7" w:author="Jane Reviewer" w:initials="JR">` +
			`<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Too low for a contract of this size?</w:t></w:r></w:p>` +
			`<w:p><w:r><w:t>Ask finance.</w:t></w:r></w:p></w:comment>` +
			`<w:comment w:id="8" w:author="Tom"><w:p><w:r><w:t>Agreed with Jane.</w:t></w:r></w:p></w:comment></w:comments>`,
	})
	p := mustParse(t, "msa.docx", data)
	want := "The Supplier's liability cap is one million euros[1], save for fraud[i] and gross negligence*.\n\n" +
		"Either party may terminate on notice.[2]\n\n" +
		"The Customer pays within thirty days."
	aside := "Footnote 1: Per claim, excluding indemnities under clause 9.\n\n" +
		"Footnote *: As defined in clause 1.4.\n\n" +
		"Footnote 2: Notice means written notice.\n\n" +
		"Endnote i: Fraud includes wilful misrepresentation.\n\n" +
		"Header: ACME CORP\nCONFIDENTIAL\n\n" +
		"Header: ACME CORP\nDRAFT 3 for discussion\n\n" +
		"Footer: Doc ID: ACME-4471\nPage 1\n\n" +
		"Comment by Jane Reviewer on “liability cap”: Too low for a contract of this size?\nAsk finance.\n\n" +
		"Comment by Tom: Agreed with Jane."
	if p.Text != want || p.Aside != aside {
		t.Errorf("text\n%s\nwant\n%s\naside\n%s\nwant\n%s", p.Text, want, p.Aside, aside)
	}
	sentences := strings.Join(p.Sentences, "\n")
	absent(t, "sentences", sentences, "Per claim, excluding indemnities", "Fraud includes wilful misrepresentation.", "CONFIDENTIAL", "ACME-4471", "DRAFT", "Comment", "Too low", "Agreed")
	if p.Meta["docx_parts_skipped"] != "" {
		t.Errorf("skipped %q", p.Meta["docx_parts_skipped"])
	}
}

// A damaged or missing optional part costs that part, not the document:
// footnotes cut off mid-way keep the notes before the damage, and the
// result's meta says what was left out.
func TestDOCXDamagedPartsSkipped(t *testing.T) {
	body := `<w:p><w:r><w:t xml:space="preserve">Payment is due in thirty days</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>` +
		`<w:r><w:t>.</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>`
	data := docxOf(t, map[string]string{
		"word/document.xml": `<w:document ` + wNS + ` ` + rNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/_rels/document.xml.rels": docxRels("rIdFn", "footnotes", "footnotes.xml", "rIdH", "header", "header1.xml",
			"rIdF", "footer", "footer1.xml", "rIdC", "comments", "comments.xml"),
		"word/footnotes.xml": `<w:footnotes ` + wNS + `><w:footnote w:id="1"><w:p><w:r><w:t>Business days.</w:t></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="2"><w:p><w:r><w:t>Cut off`,
		"word/footer1.xml":  `<w:ftr ` + wNS + `>` + wPara("", "", "", "Doc ID: 12-345") + `</w:ftr>`,
		"word/comments.xml": `<w:comments ` + wNS + `><w:comment w:id="1" w:author="A"><w:p><w:r><w:t>Check this.</w:t></w:r></w:comment></w:comments>`,
	})
	p := mustParse(t, "damaged.docx", data)
	if want := "Payment is due in thirty days[1]."; p.Text != want || p.Aside != "Footnote 1: Business days.\n\nFooter: Doc ID: 12-345" {
		t.Errorf("text %q\nwant %q\naside %q", p.Text, want, p.Aside)
	}
	contains(t, "meta", p.Meta["docx_parts_skipped"],
		"word/footnotes.xml (damaged XML", "word/header1.xml (missing)", "word/comments.xml (damaged XML")
}

// A document whose only text is its letterhead is still read: the
// letterhead is its text.
func TestDOCXOnlyHeader(t *testing.T) {
	p := mustParse(t, "letterhead.docx", docxOf(t, map[string]string{
		"word/document.xml":            `<w:document ` + wNS + ` ` + rNS + `><w:body><w:p/><w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr></w:body></w:document>`,
		"word/_rels/document.xml.rels": docxRels("rIdH", "header", "header1.xml"),
		"word/header1.xml":             `<w:hdr ` + wNS + `>` + wPara("", "", "", "Fabrikam Legal Department") + `</w:hdr>`,
	}))
	if p.Text != "Header: Fabrikam Legal Department" || p.Aside != "" {
		t.Errorf("text %q aside %q", p.Text, p.Aside)
	}
}

// Tracked formatting changes keep the formatting as it was; Word shows the
// new one: a run that used to be hidden is text, a paragraph that used to
// be a numbered heading is neither.
func TestDOCXFormattingChangesIgnored(t *testing.T) {
	body := `<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="A"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr>` +
		`<w:t>Once hidden, now shown.</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pPrChange w:id="2" w:author="A"><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>` +
		`<w:r><w:t>Once a heading, now a plain paragraph.</w:t></w:r></w:p>`
	data := docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
	})
	p := mustParse(t, "changes.docx", data)
	want := "Once hidden, now shown.\n\nOnce a heading, now a plain paragraph."
	if p.Text != want || p.Title == "Once a heading, now a plain paragraph." {
		t.Errorf("text %q (title %q)\nwant %q", p.Text, p.Title, want)
	}
}

// A redline that deletes a paragraph mark merges the paragraph into the
// next, as Word shows it with changes accepted: the sentence it split
// reads whole, and the merged paragraph takes the next one's number. A
// paragraph before a table, or the last one, has nothing to join and
// stays.
func TestDOCXDeletedParagraphMarkJoins(t *testing.T) {
	delMark := func(numbered bool, text string) string {
		num := ""
		if numbered {
			num = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`
		}
		return `<w:p><w:pPr>` + num + `<w:rPr><w:del w:id="9" w:author="A" w:date="2025-01-01T00:00:00Z"/></w:rPr></w:pPr>` +
			`<w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	body := delMark(true, "The Supplier shall notify the") + wPara("", "1", "0", "Customer within five (5) Business Days.") +
		wPara("", "1", "0", "Fees are due monthly.") +
		delMark(false, "Rates:") + `<w:tbl><w:tr><w:tc>` + wPara("", "", "", "Setup") + `</w:tc></w:tr></w:tbl>` +
		delMark(false, "Last words.")
	data := docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
	})
	p := mustParse(t, "merged.docx", data)
	want := "1. The Supplier shall notify the Customer within five (5) Business Days.\n\n2. Fees are due monthly.\n\nRates:\n\nSetup\n\nLast words."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A form's check boxes and a clause's symbols read as Word shows them:
// w:sym characters of the symbol fonts map to Unicode, a plain code is
// its character, an unknown symbol is left out, and a legacy check box
// field says whether it is ticked.
func TestDOCXSymbolsAndCheckBoxes(t *testing.T) {
	sym := func(font, char string) string {
		return `<w:r><w:sym w:font="` + font + `" w:char="` + char + `"/></w:r>`
	}
	run := func(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
	field := func(ffData string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:checkBox><w:sizeAuto/>` + ffData +
			`</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	body := `<w:p>` + sym("Wingdings", "F0FD") + run(" Mutual ") + sym("Wingdings", "F0A8") + run(" One-way") + `</w:p>` +
		`<w:p>` + sym("Wingdings 2", "F052") + run(" Yes ") + sym("Wingdings 2", "F0A3") + run(" No") + `</w:p>` +
		`<w:p>` + run("Fee ") + sym("Symbol", "F0B3") + run(" EUR 10,000 under ") + sym("Times New Roman", "00A7") + run(" 4") + sym("Webdings", "F021") + run(".") + `</w:p>` +
		`<w:p>` + field(`<w:default w:val="1"/>`) + run(" Renewal ") + field(`<w:default w:val="1"/><w:checked w:val="0"/>`) + run(" Termination ") +
		field(`<w:default w:val="0"/>`) + run(" Other ") + field(`<w:checked/>`) + run(" Assignment") + `</w:p>` +
		`<w:p>` + run("Shown") + `<w:r><w:rPr><w:vanish/></w:rPr><w:sym w:font="Wingdings" w:char="F0FD"/></w:r>` + run(".") + `</w:p>`
	data := docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`})
	p := mustParse(t, "form.docx", data)
	want := "☒ Mutual ☐ One-way\n\n☑ Yes ☐ No\n\nFee ≥ EUR 10,000 under § 4.\n\n☒ Renewal ☐ Termination ☐ Other ☒ Assignment\n\nShown."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A text box is read after the paragraph it is anchored in, not where its
// anchor run sits: the callout cut "The fee is payable ... monthly." in
// two and came before the sentence it comments on. A paragraph of only a
// text box, and one in a table cell, keep their place.
func TestDOCXTextBoxAfterItsParagraph(t *testing.T) {
	box := func(text string) string {
		return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + wPara("", "", "", text) +
			`</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + wPara("", "", "", text) +
			`</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	}
	run := func(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
	body := `<w:p>` + run("The fee is payable") + box("NOTE: Fees exclude VAT.") + run(" monthly.") + `</w:p>` +
		`<w:p>` + box("Only a box.") + `</w:p>` + wPara("", "", "", "Next clause.") +
		`<w:tbl><w:tr><w:tc>` + `<w:p>` + run("Setup") + box("one-off") + `</w:p>` + `</w:tc><w:tc>` + wPara("", "", "", "USD 5,000") + `</w:tc></w:tr></w:tbl>`
	data := docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`})
	p := mustParse(t, "box.docx", data)
	want := "The fee is payable monthly.\n\nNOTE: Fees exclude VAT.\n\nOnly a box.\n\nNext clause.\n\nSetup one-off | USD 5,000"
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A table of contents is left out: its entries repeat the headings with
// page numbers, by style id or, localised, by the style's built-in name.
func TestDOCXTableOfContentsLeftOut(t *testing.T) {
	run := func(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
	entry := func(style, heading, page string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:hyperlink w:anchor="_Toc1">` + run(heading) + `<w:r><w:tab/></w:r>` + run(page) + `</w:hyperlink></w:p>`
	}
	body := wPara("Title", "", "", "Master Services Agreement") +
		`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>` +
		wPara("TOCHeading", "", "", "Contents") +
		`<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + run("1. Definitions") + `<w:r><w:tab/></w:r>` + run("1") + `</w:p>` +
		entry("TOC2", "1.1 Services", "1") + entry("21", "2. Governing Law", "3") + `</w:sdtContent></w:sdt>` +
		wPara("Heading1", "", "", "Definitions") + wPara("", "", "", "Services means the work in Schedule A.")
	styles := `<w:styles ` + wNS + `><w:style w:type="paragraph" w:styleId="21"><w:name w:val="toc 2"/></w:style></w:styles>`
	p := mustParse(t, "toc.docx", docxOf(t, map[string]string{
		"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml":   styles,
	}))
	want := "Master Services Agreement\n\nDefinitions\n\nServices means the work in Schedule A."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A content control that shows its placeholder (w:showingPlcHdr) holds
// the template's prompt, not text: a CLM template's unfilled "Click or
// tap here to enter text." is left out; a filled control is read.
func TestDOCXContentControlPlaceholder(t *testing.T) {
	run := func(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
	control := func(placeholder bool, text string) string {
		pr := `<w:sdtPr><w:alias w:val="Field"/>`
		if placeholder {
			pr += `<w:showingPlcHdr/>`
		}
		return `<w:sdt>` + pr + `</w:sdtPr><w:sdtContent>` + run(text) + `</w:sdtContent></w:sdt>`
	}
	body := `<w:p>` + run("Customer: ") + control(true, "Click or tap here to enter text.") + `</w:p>` +
		`<w:p>` + run("Supplier: ") + control(false, "Contoso Analytics GmbH") + `</w:p>` +
		`<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>` + wPara("", "", "", "[Insert special terms here]") + `</w:sdtContent></w:sdt>` +
		wPara("", "", "", "Signed.")
	p := mustParse(t, "form.docx", docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`}))
	want := "Customer:\n\nSupplier: Contoso Analytics GmbH\n\nSigned."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// Word 2013 on says in commentsExtended.xml which comments are resolved
// and which answer another: a reply reads as one, without repeating the
// anchor, and a resolved thread says so.
func TestDOCXResolvedCommentsAndReplies(t *testing.T) {
	const w14 = `xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`
	const w15 = `xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"`
	body := `<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t>liability cap</w:t></w:r>` +
		`<w:commentRangeEnd w:id="1"/><w:r><w:t xml:space="preserve"> is one million euros.</w:t></w:r></w:p>`
	comment := func(id, author, para, text string) string {
		return `<w:comment w:id="` + id + `" w:author="` + author + `"><w:p w14:paraId="` + para + `"><w:r><w:t>` + text + `</w:t></w:r></w:p></w:comment>`
	}
	files := map[string]string{
		"word/document.xml":            `<w:document ` + wNS + ` ` + rNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/_rels/document.xml.rels": docxRels("rIdC", "comments", "comments.xml", "rIdX", "commentsExtended", "commentsExtended.xml"),
		"word/comments.xml": `<w:comments ` + wNS + ` ` + w14 + `>` + comment("1", "Jane", "1A", "Too low?") +
			comment("2", "Tom", "2B", "Agreed, raise it.") + comment("3", "Ann", "3C", "Check the indemnity.") + `</w:comments>`,
		"word/commentsExtended.xml": `<w15:commentsEx ` + w15 + `><w15:commentEx w15:paraId="1A" w15:done="1"/>` +
			`<w15:commentEx w15:paraId="2B" w15:paraIdParent="1A" w15:done="1"/><w15:commentEx w15:paraId="3C" w15:done="0"/></w15:commentsEx>`,
	}
	p := mustParse(t, "thread.docx", docxOf(t, files))
	want := "Comment by Jane on “liability cap” (resolved): Too low?\n\nReply by Tom (resolved): Agreed, raise it.\n\nComment by Ann: Check the indemnity."
	if p.Aside != want {
		t.Errorf("aside\n%s\nwant\n%s", p.Aside, want)
	}
	// a document from before Word 2013 has neither the part nor its relationship
	delete(files, "word/commentsExtended.xml")
	files["word/_rels/document.xml.rels"] = docxRels("rIdC", "comments", "comments.xml")
	p = mustParse(t, "older.docx", docxOf(t, files))
	if want := "Comment by Jane on “liability cap”: Too low?\n\nComment by Tom: Agreed, raise it.\n\nComment by Ann: Check the indemnity."; p.Aside != want || p.Meta["docx_parts_skipped"] != "" {
		t.Errorf("without commentsExtended.xml: aside\n%s\nskipped %q", p.Aside, p.Meta["docx_parts_skipped"])
	}
}

// Word parts written in UTF-16 (some converters and older tools do, as XML
// allows) read as their UTF-8 twins do.
func TestDOCXUTF16Part(t *testing.T) {
	utf16le := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, r := range utf16.Encode([]rune(s)) {
			b = append(b, byte(r), byte(r>>8))
		}
		return string(b)
	}
	doc := `<?xml version="1.0" encoding="UTF-16" standalone="yes"?><w:document ` + wNS + `><w:body>` +
		wPara("Title", "", "", "Lease Agreement") + wPara("", "", "", "The tenant pays 1 200 € a month to Zoë Müller.") + `</w:body></w:document>`
	data := docxOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         docxRels("rId1", "officeDocument", "word/document.xml"),
		"word/document.xml":   utf16le(doc),
	})
	p := mustParse(t, "lease.docx", data)
	if p.Title != "Lease Agreement" || !strings.Contains(p.Text, "The tenant pays 1 200 € a month to Zoë Müller.") {
		t.Errorf("title %q text %q", p.Title, p.Text)
	}
}

// A property title that names a file or a template ("Microsoft Word -
// template_old.docx", "Policy template") yields to the Title-styled
// heading, or to the text's title where there is none; a real one wins.
func TestDOCXStaleCoreTitle(t *testing.T) {
	core := func(title string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + title + `</dc:title></cp:coreProperties>`
	}
	body := `<w:document ` + wNS + `><w:body>` + wPara("Title", "", "", "COMMERCIAL LEASE AGREEMENT") + wPara("", "", "", "The Tenant shall pay the rent monthly.") + `</w:body></w:document>`
	for prop, want := range map[string]string{
		"Microsoft Word - template_old.docx": "COMMERCIAL LEASE AGREEMENT",
		"lease-v3.docx":                      "COMMERCIAL LEASE AGREEMENT",
		"Policy template":                    "COMMERCIAL LEASE AGREEMENT",
		"Harbor Street Lease 2024":           "Harbor Street Lease 2024",
	} {
		data := docxOf(t, map[string]string{
			"_rels/.rels":         docxRels("rId1", "officeDocument", "word/document.xml", "rId2", "package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
			"word/document.xml":   body,
			"docProps/core.xml":   core(prop),
			"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		})
		if p := mustParse(t, "lease.docx", data); p.Title != want {
			t.Errorf("property title %q: title %q, want %q", prop, p.Title, want)
		}
	}
	// a document with no Title style is titled by its text, not by
	// the template's name or Word's "Document1"
	plain := `<w:document ` + wNS + `><w:body>` + wPara("", "", "", "Retention of Email Records") +
		wPara("", "", "", "Mailboxes of departed staff are kept for two years.") + `</w:body></w:document>`
	for prop, want := range map[string]string{
		"Document1":              "Retention of Email Records",
		"Policy template":        "Retention of Email Records",
		"NDA Template v2":        "Retention of Email Records",
		"Email Records Guidance": "Email Records Guidance",
	} {
		data := docxOf(t, map[string]string{
			"_rels/.rels":         docxRels("rId1", "officeDocument", "word/document.xml", "rId2", "package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
			"word/document.xml":   plain,
			"docProps/core.xml":   core(prop),
			"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		})
		if p := mustParse(t, "email.docx", data); p.Title != want {
			t.Errorf("property title %q, no Title style: title %q, want %q", prop, p.Title, want)
		}
	}
}

// TestCompoundFileNamedDOCX: a legacy .doc renamed .docx, and a
// password-protected .docx (which Office stores as a compound file), were
// dead-lettered as "corrupt DOCX (not a readable ZIP archive)", which
// reads as a damaged file; each is now named for what it is.
func TestCompoundFileNamedDOCX(t *testing.T) {
	ole := append(append([]byte{}, oleMagic...), make([]byte, 600)...)
	var name16 []byte // the directory entry's name, in UTF-16LE
	for _, r := range "EncryptedPackage" {
		name16 = append(name16, byte(r), 0)
	}
	encrypted := append(append([]byte{}, ole...), name16...)
	encrypted = append(encrypted, make([]byte, 200)...)
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"renamed.docx":      {ole, "legacy Microsoft Office file"},
		"scan.pdf":          {ole, "legacy Microsoft Office file"},
		"protected.docx":    {encrypted, "password-protected Office document"},
		"protected.xlsx":    {encrypted, "password-protected Office document"},
		"protected (1).doc": {encrypted, "password-protected Office document"},
	} {
		_, err := Parse(t.Context(), Input{Filename: name, Data: c.data}, DefaultLimits())
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "corrupt DOCX") {
			t.Errorf("%s: named corrupt: %v", name, err)
		}
	}
}

// Word counts a list per abstract definition: a second numId on the same
// definition goes on from the first's numbers, and only a numId whose
// lvlOverride carries a startOverride restarts them, once, at its first
// paragraph (Word's "Restart at 1" and "Set numbering value").
func TestDOCXNumberingOverridesAndContinuation(t *testing.T) {
	lvl := func(i int, format, text string) string {
		return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>`, i, format, text)
	}
	numbering := `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0">` + lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "(%2)") + `</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num></w:numbering>`
	body := wPara("", "1", "0", "Fees.") + wPara("", "1", "0", "Term.") + wPara("", "1", "1", "renewal;") +
		wPara("", "", "", "Schedule 1") +
		wPara("", "2", "0", "Hosting.") + wPara("", "2", "0", "Support.") +
		wPara("", "", "", "(continued after a note)") +
		wPara("", "3", "0", "Training.") +
		wPara("", "4", "1", "on site;") + wPara("", "4", "1", "online.") +
		wPara("", "5", "0", "Seventh.") + wPara("", "5", "0", "Eighth.")
	data := docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": numbering,
	})
	p := mustParse(t, "msa.docx", data)
	want := "1. Fees.\n\n2. Term.\n\n(a) renewal;\n\nSchedule 1\n\n1. Hosting.\n\n2. Support.\n\n(continued after a note)\n\n" +
		"3. Training.\n\n(a) on site;\n\n(b) online.\n\n7. Seventh.\n\n8. Eighth."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// Merged table cells: a vertically merged cell's text stands in each row
// it spans, in its grid column however the cells before it span
// (w:gridSpan, w:gridBefore); what a continuing cell holds itself, which
// Word does not show, is left out; a cell spanning columns is read once.
func TestDOCXMergedTableCells(t *testing.T) {
	tc := func(pr, text string) string {
		p := `<w:p/>`
		if text != "" {
			p = `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>`
		}
		return `<w:tc><w:tcPr>` + pr + `</w:tcPr>` + p + `</w:tc>`
	}
	const span2, restart, cont = `<w:gridSpan w:val="2"/>`, `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	body := `<w:tbl><w:tblGrid/>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="4"/>`, "Fee Schedule") + `</w:tr>` +
		`<w:tr>` + tc("", "Region") + tc("", "Service") + tc("", "Tier") + tc("", "Fee") + `</w:tr>` +
		`<w:tr>` + tc(restart, "EU") + tc(restart, "Hosting") + tc("", "Basic") + tc("", "USD 100") + `</w:tr>` +
		`<w:tr>` + tc(cont, "") + tc(cont, "stale copy") + tc("", "Premium") + tc("", "USD 250") + `</w:tr>` +
		`<w:tr>` + tc(cont, "") + tc(span2, "Support, all tiers") + tc("", "USD 40") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc(restart, "Training") + tc("", "Onsite") + tc("", "USD 900") + `</w:tr>` +
		`<w:tr>` + tc("", "US") + tc(cont, "") + tc("", "Online") + tc("", "USD 90") + `</w:tr>` +
		`</w:tbl>`
	data := docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`})
	p := mustParse(t, "fees.docx", data)
	want := "Fee Schedule\nRegion | Service | Tier | Fee\nEU | Hosting | Basic | USD 100\nEU | Hosting | Premium | USD 250\n" +
		"EU | Support, all tiers | USD 40\nTraining | Onsite | USD 900\nUS | Training | Online | USD 90"
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A Word form opens with a banner row: its title beside a logo's empty
// cell, a company's name or a form number, or alone in a merged cell. That
// cell is the title, not the whole row; no cell of a first row of field
// names is, and a Title paragraph before the table still wins.
func TestDOCXTitleInFirstTableRow(t *testing.T) {
	cell := func(text string) string {
		if text == "" {
			return `<w:tc><w:p/></w:tc>`
		}
		return `<w:tc><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	form := func(first ...string) []byte {
		row := `<w:tr>`
		for _, c := range first {
			row += cell(c)
		}
		body := `<w:tbl>` + row + `</w:tr><w:tr>` + cell("Employee name") + cell("John Carter") + `</w:tr></w:tbl>` +
			wPara("", "", "", "I certify that these expenses were incurred for business.")
		return docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`})
	}
	for _, c := range []struct {
		first []string
		want  string
	}{
		{[]string{"", "EXPENSE CLAIM FORM"}, "EXPENSE CLAIM FORM"},
		{[]string{"Harbour Bank plc", "CUSTOMER COMPLAINT FORM", "Form CC-2 Rev. 3"}, "CUSTOMER COMPLAINT FORM"},
		{[]string{"Form HR-7", "Leave Request"}, "Leave Request"},
		{[]string{"员工费用报销单"}, "员工费用报销单"},
	} {
		if p := mustParse(t, "form.docx", form(c.first...)); p.Title != c.want {
			t.Errorf("%q: title %q, want %q", c.first, p.Title, c.want)
		}
	}
	if p := mustParse(t, "form.docx", form("Service", "Monthly fee")); p.Title == "Service" || p.Title == "Monthly fee" {
		t.Errorf("a row of field names made the title %q", p.Title)
	}
	titled := docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + wPara("Title", "", "", "Travel Policy") +
		`<w:tbl><w:tr>` + cell("") + cell("EXPENSE CLAIM FORM") + `</w:tr></w:tbl></w:body></w:document>`})
	if p := mustParse(t, "policy.docx", titled); p.Title != "Travel Policy" {
		t.Errorf("title %q", p.Title)
	}
}

// A level whose number is followed by nothing (w:suff="nothing"), as
// Chinese lists are set ("一、按时付款"), joins the text with no space; a
// tab or space suffix, Word's default, is a space.
func TestDOCXNumberSuffixNothing(t *testing.T) {
	numbering := `<w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="tab"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>`
	body := wPara("", "1", "0", "按时付款；") + wPara("", "1", "0", "提供资料。") + wPara("", "2", "0", "Pay on time.")
	p := mustParse(t, "duties.docx", docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": numbering,
	}))
	if want := "一、按时付款；\n\n二、提供资料。\n\n1. Pay on time."; p.Text != want {
		t.Errorf("text %q, want %q", p.Text, want)
	}
}

// A row whose cells hold tables lays out blocks, as a signature block
// does ("For the Customer" above its own table of name and title): each
// cell's lines in turn, the nested rows each a line, not one line that ran
// "Jane Smith Title | Director | For the Supplier" together.
func TestDOCXNestedTableCellsAsBlocks(t *testing.T) {
	cell := func(content string) string { return `<w:tc>` + content + `</w:tc>` }
	para := func(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }
	party := func(side, name, title string) string {
		return cell(para("For the "+side) + `<w:tbl><w:tr>` + cell(para("Name")) + cell(para(name)) + `</w:tr><w:tr>` +
			cell(para("Title")) + cell(para(title)) + `</w:tr></w:tbl>` + `<w:p/>`)
	}
	body := para("SIGNATURES") + `<w:tbl><w:tr>` + party("Customer", "Jane Smith", "Director") + party("Supplier", "Raj Patel", "CEO") + `</w:tr></w:tbl>`
	p := mustParse(t, "sig.docx", docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`}))
	want := "SIGNATURES\n\nFor the Customer\n\nName | Jane Smith\n\nTitle | Director\n\nFor the Supplier\n\nName | Raj Patel\n\nTitle | CEO"
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A signature block's labels are no title: a contract's signature page
// alone ("IN WITNESS WHEREOF ... For the Customer ... For the Supplier")
// was titled "For the Customer"; with nothing else, the file's name is
// its title, as the other readers fall back to.
func TestDOCXSignatureBlockNoTitle(t *testing.T) {
	body := ""
	for _, p := range []string{"IN WITNESS WHEREOF the parties have executed this agreement.",
		"For the Customer", "Signature: ____________", "Name: Jane Smith", "Position: Director",
		"Signed for and on behalf of Acme Ltd", "Witnessed by: Tom Jones", "For the Supplier:"} {
		body += wPara("", "", "", p)
	}
	data := docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`})
	if p := mustParse(t, "signatures.docx", data); p.Title != "signatures.docx" {
		t.Errorf("title %q", p.Title)
	}
}

// A document with no title style and no property title is titled as the
// other readers title it, from its text: a first line that is a sentence
// is no title (the file's name is), nor is a line of its body after it,
// such as a signature block's label when the contract's clauses are all
// sentences. A short first line still is.
func TestDOCXFirstSentenceNoTitle(t *testing.T) {
	docx := func(paras ...string) []byte {
		body := ""
		for _, p := range paras {
			body += wPara("", "", "", p)
		}
		return docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`})
	}
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"review.docx": {docx("The Records Management team reviewed the retention schedule for all departmental shared drives during the second quarter.",
			"Each department confirmed its record owners."), "review.docx"},
		"contract.docx": {docx("1. The Supplier shall provide the Services described in Schedule 1.",
			"2. The Customer shall pay the Fees within 30 days of invoice.",
			"IN WITNESS WHEREOF the parties have signed this agreement on the date first written above.",
			"For the Customer", "Signature: ____________", "Name: Jane Smith",
			"For and on behalf of the Supplier", "Signature: ____________", "Name: John Brown"), "contract.docx"},
		"memo.docx": {docx("Retention schedule review", "The Records Management team reviewed the retention schedule for all departmental shared drives."), "Retention schedule review"},
		"zh.docx":   {docx("档案管理部门已于第二季度完成了各部门共享盘的保管期限审查。", "各部门确认了档案负责人。"), "zh.docx"},
		// a company's name ends with a dot, and a title block run into its
		// preamble names its kind of document: neither is a sentence
		"parties.docx": {docx("Xi'an Zhonghong New Energy Technology Co., Ltd. and Boxing County Gas Supply Co., Ltd.", "Cooperation Agreement"), "Xi'an Zhonghong New Energy Technology Co., Ltd. and Boxing County Gas Supply Co., Ltd."},
	} {
		if p := mustParse(t, name, c.data); p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A bulleted paragraph starts with "- ", indented two spaces a level
// (w:ilvl) as the HTML reader indents a nested <ul>: the bullets were
// dropped, and a list's items and sub-items read as paragraphs of one
// level. A bullet in a table cell stays out of its row's line.
func TestDOCXBulletLevels(t *testing.T) {
	numbering := `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="20">` +
		`<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>` +
		`<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61607;"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num></w:numbering>`
	body := wPara("", "", "", "Records are kept in:") + wPara("", "2", "0", "Paper files") + wPara("", "2", "1", "Invoices") +
		wPara("", "2", "1", "Signed contracts") + wPara("", "2", "0", "Electronic systems") + wPara("", "2", "1", "Shared drives") +
		wPara("", "2", "2", "Finance share") +
		`<w:tbl><w:tr><w:tc>` + wPara("", "", "", "Owner") + `</w:tc><w:tc>` + wPara("", "2", "0", "Finance") + `</w:tc></w:tr></w:tbl>`
	p := mustParse(t, "records.docx", docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": numbering,
	}))
	want := "Records are kept in:\n\n- Paper files\n\n  - Invoices\n\n  - Signed contracts\n\n- Electronic systems\n\n  - Shared drives\n\n    - Finance share\n\nOwner | Finance"
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A memo that opens with its first sentence and sets its heading by hand,
// in bold, below it is titled by that heading, not by its file's name. A
// bold label ("Note:"), a bold word inside a paragraph and a bold table
// cell are no heading; a short first line is still the title.
func TestDOCXBoldHeadingTitle(t *testing.T) {
	boldPara := func(text string) string {
		return `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	sentence := wPara("", "", "", "The Records Management team reviewed the retention schedule for all departmental shared drives during the second quarter.")
	mixed := `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Owners </w:t></w:r><w:r><w:t>were confirmed by each department.</w:t></w:r></w:p>`
	notBold := `<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Plain Words Here</w:t></w:r></w:p>`
	cell := `<w:tbl><w:tr><w:tc>` + boldPara("Department Owner") + `</w:tc></w:tr></w:tbl>`
	for name, c := range map[string]struct {
		body, want string
	}{
		"review.docx":  {sentence + boldPara("Retention Schedule Review 2026") + wPara("", "", "", "Each department confirmed its record owners."), "Retention Schedule Review 2026"},
		"note.docx":    {sentence + boldPara("Note:") + mixed + notBold + cell, "note.docx"},
		"heading.docx": {wPara("", "", "", "Quarterly review") + sentence + boldPara("Retention Schedule Review 2026"), "Quarterly review"},
	} {
		data := docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + c.body + `</w:body></w:document>`})
		if p := mustParse(t, name, data); p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A DOCX table reads as the HTML reader writes the same table: its rows on
// consecutive lines, a blank line around the table and between two
// tables, so a search, the summariser and the sentence splitter see one
// block of rows either way.
func TestDOCXTableRowsAsHTML(t *testing.T) {
	row := func(cells ...string) string {
		r := `<w:tr>`
		for _, c := range cells {
			r += `<w:tc>` + wPara("", "", "", c) + `</w:tc>`
		}
		return r + `</w:tr>`
	}
	before := "The Customer orders the services below."
	after := "Prices exclude VAT."
	body := wPara("", "", "", before) +
		`<w:tbl>` + row("Service", "Price", "Term") + row("Storage", "USD 40", "12 months") + `</w:tbl>` +
		`<w:tbl>` + row("Shredding", "USD 15") + `</w:tbl>` + wPara("", "", "", after)
	docx := mustParse(t, "order.docx", docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`}))
	page := mustParse(t, "order.html", []byte(`<html><body><p>`+before+`</p>`+
		`<table><tr><td>Service</td><td>Price</td><td>Term</td></tr><tr><td>Storage</td><td>USD 40</td><td>12 months</td></tr></table>`+
		`<table><tr><td>Shredding</td><td>USD 15</td></tr></table><p>`+after+`</p></body></html>`))
	want := before + "\n\nService | Price | Term\nStorage | USD 40 | 12 months\n\nShredding | USD 15\n\n" + after
	if docx.Text != want {
		t.Errorf("DOCX text %q\nwant %q", docx.Text, want)
	}
	if page.Text != want {
		t.Errorf("HTML text %q\nwant %q", page.Text, want)
	}
	// each row is a sentence of its own, not one run-on with the next
	if !slices.Contains(docx.Sentences, "Service | Price | Term") || !slices.Equal(docx.Sentences, page.Sentences) {
		t.Errorf("DOCX sentences %q\nHTML sentences %q", docx.Sentences, page.Sentences)
	}
}

// A heading set in bold by a character style ("Strong") or by a paragraph
// style whose run properties are bold, its own or a style's it is based
// on, is a bold heading as one with w:b on its runs is; a run's own
// w:b="0" still beats its style.
func TestDOCXBoldHeadingThroughStyles(t *testing.T) {
	styles := `<w:styles ` + wNS + `>` +
		`<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="MemoHead"><w:name w:val="Memo Head"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="MemoHead2"><w:name w:val="Memo Head 2"/><w:basedOn w:val="MemoHead"/></w:style>` +
		`<w:style w:type="table" w:styleId="Grid"><w:name w:val="Grid"/><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>` +
		`</w:styles>`
	run := func(rpr, text string) string {
		return `<w:r><w:rPr>` + rpr + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
	}
	sentence := wPara("", "", "", "The Records Management team reviewed the retention schedule for all departmental shared drives during the second quarter.")
	const head = "Retention Schedule Review 2026"
	for name, c := range map[string]struct {
		para, want string
	}{
		"strong.docx":    {`<w:p>` + run(`<w:rStyle w:val="Strong"/>`, head) + `</w:p>`, head},
		"parastyle.docx": {`<w:p><w:pPr><w:pStyle w:val="MemoHead"/></w:pPr>` + run("", head) + `</w:p>`, head},
		"basedon.docx":   {`<w:p><w:pPr><w:pStyle w:val="MemoHead2"/></w:pPr>` + run("", head) + `</w:p>`, head},
		"unbold.docx":    {`<w:p>` + run(`<w:rStyle w:val="Strong"/><w:b w:val="0"/>`, head) + `</w:p>`, "unbold.docx"},
		"table.docx":     {`<w:p><w:pPr><w:pStyle w:val="Grid"/></w:pPr>` + run("", head) + `</w:p>`, "table.docx"},
	} {
		data := docxOf(t, map[string]string{
			"word/document.xml": `<w:document ` + wNS + `><w:body>` + sentence + c.para + `</w:body></w:document>`,
			"word/styles.xml":   styles,
		})
		if p := mustParse(t, name, data); p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A line break inside a table cell is a space, as a <br> in an HTML cell
// is: a row is one line, and "per month" below "USD 40" is no row.
func TestDOCXCellLineBreak(t *testing.T) {
	cell := `<w:tc><w:p><w:r><w:t xml:space="preserve">USD 40 </w:t><w:br/><w:t>per month</w:t></w:r></w:p></w:tc>`
	body := `<w:tbl><w:tr><w:tc>` + wPara("", "", "", "Storage") + `</w:tc>` + cell + `</w:tr></w:tbl>`
	docx := mustParse(t, "fees.docx", docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`}))
	page := mustParse(t, "fees.html", []byte(`<html><body><table><tr><td>Storage</td><td>USD 40 <br>per month</td></tr></table></body></html>`))
	const want = "Storage | USD 40 per month"
	if docx.Text != want || page.Text != want {
		t.Errorf("DOCX %q, HTML %q, want %q", docx.Text, page.Text, want)
	}
}

// A court filing's caption set as a table (the parties over their role
// lines in one cell, the case number and title in the other) is read cell
// by cell, a line each: one line per row ran the parties into their roles
// and the case number into the title, and the filing lost its caption.
func TestDOCXCourtCaptionTable(t *testing.T) {
	cell := func(paras ...string) string {
		var b strings.Builder
		for _, p := range paras {
			b.WriteString(wPara("", "", "", p))
		}
		return "<w:tc>" + b.String() + "</w:tc>"
	}
	body := wPara("", "", "", "UNITED STATES DISTRICT COURT") + wPara("", "", "", "SOUTHERN DISTRICT OF NEW YORK") +
		"<w:tbl><w:tr>" + cell("ACME WIDGETS, INC.,", "Plaintiff,", "- against -", "BETA SYSTEMS LLC,", "Defendant.") +
		cell("Case No. 1:22-cv-01234", "MEMORANDUM OPINION AND ORDER") + "</w:tr></w:tbl>" +
		"<w:tbl><w:tr>" + cell("Fee") + cell("USD 250", "(per month)") + "</w:tr></w:tbl>" +
		wPara("", "", "", "The motion is GRANTED.")
	p := mustParse(t, "opinion.docx", docxOf(t, map[string]string{
		"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
	}))
	lines := strings.Split(p.Text, "\n")
	for _, want := range []string{"ACME WIDGETS, INC.,", "Plaintiff,", "Defendant.", "Case No. 1:22-cv-01234", "MEMORANDUM OPINION AND ORDER", "Fee | USD 250 (per month)"} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q in:\n%s", want, p.Text)
		}
	}
}

// A numbered level under a bulleted one is indented as a bullet of its
// level is ("  1."), as the HTML reader indents an <ol> in a <ul>: flush
// left, the steps under "Paper files" read as a new list of the outer
// level. Numbers under numbers stay flush left.
func TestDOCXNumberedUnderBullet(t *testing.T) {
	numbering := `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="30">` +
		`<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="31">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="31"/></w:num></w:numbering>`
	body := wPara("", "3", "0", "Paper files") + wPara("", "3", "1", "Box the files") + wPara("", "3", "1", "Label each box") +
		wPara("", "3", "0", "Electronic files") + wPara("", "4", "0", "Review") + wPara("", "4", "1", "Check the owner")
	docx := mustParse(t, "steps.docx", docxOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": numbering,
	}))
	want := "- Paper files\n\n  1. Box the files\n\n  2. Label each box\n\n- Electronic files\n\n1. Review\n\na) Check the owner"
	if docx.Text != want {
		t.Errorf("text %q\nwant %q", docx.Text, want)
	}
	page := mustParse(t, "steps.html", []byte(`<html><body><ul><li>Paper files<ol><li>Box the files</li><li>Label each box</li></ol></li></ul></body></html>`))
	for _, line := range strings.Split(page.Text, "\n") {
		if line != "" && !slices.Contains(strings.Split(docx.Text, "\n"), line) {
			t.Errorf("the HTML reader's line %q is not the DOCX's: %q", line, docx.Text)
		}
	}
}

// Bold set by the document defaults (w:docDefaults) or by the default
// paragraph style, for a paragraph that names no style, makes a bold
// heading as w:b on its runs does; a style that turns bold off beats the
// defaults, and a character style that turns it off beats the paragraph's.
func TestDOCXBoldHeadingThroughDefaults(t *testing.T) {
	const head = "Travel and Expenses Policy"
	sentence := wPara("Body", "", "", "The Finance team reviewed the rules for booking travel and claiming expenses during the second quarter of the year.")
	styles := func(defaults, normal string) string {
		return `<w:styles ` + wNS + `><w:docDefaults><w:rPrDefault><w:rPr>` + defaults + `</w:rPr></w:rPrDefault></w:docDefaults>` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr>` + normal + `</w:rPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Lead"><w:name w:val="Lead"/><w:rPr><w:b/></w:rPr></w:style>` +
			`<w:style w:type="character" w:styleId="Plain"><w:name w:val="Plain"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>` +
			`</w:styles>`
	}
	plainRun := `<w:p><w:pPr><w:pStyle w:val="Lead"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Plain"/></w:rPr><w:t>` + head + `</w:t></w:r></w:p>`
	for name, c := range map[string]struct {
		styles, para, want string
	}{
		"defaults.docx":  {styles(`<w:b/>`, ``), wPara("", "", "", head), head},
		"normal.docx":    {styles(``, `<w:b/>`), wPara("", "", "", head), head},
		"normaloff.docx": {styles(`<w:b/>`, `<w:b w:val="0"/>`), wPara("", "", "", head), "normaloff.docx"},
		"plain.docx":     {styles(``, ``), wPara("", "", "", head), "plain.docx"},
		"charoff.docx":   {styles(``, ``), plainRun, "charoff.docx"},
	} {
		data := docxOf(t, map[string]string{
			"word/document.xml": `<w:document ` + wNS + `><w:body>` + sentence + c.para + `</w:body></w:document>`,
			"word/styles.xml":   c.styles,
		})
		if p := mustParse(t, name, data); p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A page or document that opens with whom it applies to, a sentence's
// fragment, and sets its heading in bold below is titled by the heading,
// in HTML (<p><b>) as in DOCX (a bold run); a short label or a line that
// names a kind of document above the bold heading still titles it.
func TestBoldHeadingBelowFragment(t *testing.T) {
	const head = "Travel and Expenses Policy"
	body := "Employees book travel through the approved agency and claim expenses within 30 days."
	boldRun := `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>` + head + `</w:t></w:r></w:p>`
	for first, want := range map[string]string{
		"Applies to all staff in the EMEA region":   head,
		"Effective from 1 April 2026 for all staff": head,
		"Quarterly review":                          "Quarterly review",
		"Applies to: All staff":                     head,
		"Owner: Finance Operations":                 head,
		"Policy: travel":                            "Policy: travel",
		"Records retention policy for all staff":    "Records retention policy for all staff",
		"APPLIES TO ALL STAFF IN THE EMEA REGION":   "APPLIES TO ALL STAFF IN THE EMEA REGION",
	} {
		page := mustParse(t, "travel.html", []byte(`<html><body><p>`+first+`</p><p><b>`+head+`</b></p><p>`+body+`</p></body></html>`))
		docx := mustParse(t, "travel.docx", docxOf(t, map[string]string{
			"word/document.xml": `<w:document ` + wNS + `><w:body>` + wPara("", "", "", first) + boldRun + wPara("", "", "", body) + `</w:body></w:document>`,
		}))
		if page.Title != want || docx.Title != want {
			t.Errorf("%q: HTML title %q, DOCX title %q, want %q", first, page.Title, docx.Title, want)
		}
	}
}

// A contract or policy that sets its title by hand, in capitals or
// naming its kind, above clauses in Heading styles is titled by it, not
// by its first clause ("Services"); a Title-styled heading, a notice in
// capitals or a sentence above the first heading leave that heading the
// title.
func TestDOCXTitleAboveHeadings(t *testing.T) {
	clauses := wPara("Heading1", "", "", "Services") + wPara("", "", "", "The Supplier shall store the Customer's boxed records.") +
		wPara("Heading1", "", "", "Fees") + wPara("", "", "", "The Customer shall pay GBP 1.20 per box per month.")
	for name, c := range map[string]struct{ before, want string }{
		"caps.docx":     {wPara("", "", "", "RECORDS STORAGE SERVICES AGREEMENT"), "RECORDS STORAGE SERVICES AGREEMENT"},
		"kind.docx":     {wPara("", "", "", "Records Storage Agreement") + wPara("", "", "", "This Agreement is made on 1 March 2026 between Acme Ltd and Vault Ltd."), "Records Storage Agreement"},
		"titled.docx":   {wPara("", "", "", "ACME HOLDINGS LIMITED") + wPara("Title", "", "", "Records Storage Terms"), "Records Storage Terms"},
		"notice.docx":   {wPara("", "", "", "STRICTLY CONFIDENTIAL"), "Services"},
		"sentence.docx": {wPara("", "", "", "This Agreement is made on 1 March 2026 between Acme Ltd and Vault Ltd."), "Services"},
	} {
		p := mustParse(t, name, docxOf(t, map[string]string{
			"word/document.xml": `<w:document ` + wNS + `><w:body>` + c.before + clauses + `</w:body></w:document>`,
		}))
		if p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A Word memo sets "MEMORANDUM" in the Title style, as every memo does:
// its subject, in its header block, names it (it was titled
// "MEMORANDUM"); a memo with no subject keeps the heading.
func TestDOCXMemoTitledBySubject(t *testing.T) {
	head := wPara("Title", "", "", "MEMORANDUM") + wPara("", "", "", "To: Heads of Department") + wPara("", "", "", "From: Chief Operating Officer") +
		wPara("", "", "", "Date: 20 February 2026")
	body := wPara("", "", "", "With immediate effect, all discretionary spending above £500 requires my written approval.")
	for want, paras := range map[string]string{
		"Budget freeze for Q2": head + wPara("", "", "", "Subject: Budget freeze for Q2") + body,
		"MEMORANDUM":           head + body,
	} {
		p := mustParse(t, "memo.docx", docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + paras + `</w:body></w:document>`}))
		if p.Title != want {
			t.Errorf("title %q, want %q", p.Title, want)
		}
	}
}
