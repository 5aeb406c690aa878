package parse

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/testpdf"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return b
}

func mustParse(t *testing.T, name string, data []byte) *document.Parsed {
	t.Helper()
	p, err := Parse(context.Background(), Input{Filename: name, Source: "test", Data: data, Meta: map[string]string{"k": "v"}}, DefaultLimits())
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	if p.ID != document.ID(data) || p.Size != len(data) || p.Filename != name || p.Source != "test" || p.Meta["k"] != "v" {
		t.Errorf("%s: common fields wrong: id=%s size=%d filename=%s meta=%v", name, p.ID, p.Size, p.Filename, p.Meta)
	}
	return p
}

func parsePermanent(t *testing.T, name string, data []byte) *Error {
	t.Helper()
	_, err := Parse(context.Background(), Input{Filename: name, Data: data}, DefaultLimits())
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("Parse(%s): want *Error, got %v", name, err)
	}
	if !pe.Permanent || pe.Reason == "" || pe.Filename != name {
		t.Fatalf("Parse(%s): want permanent error with reason and filename, got %+v", name, pe)
	}
	return pe
}

func contains(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s: missing %q in %q", what, w, text)
		}
	}
}

func absent(t *testing.T, what, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Errorf("%s: unexpected %q in %q", what, w, text)
		}
	}
}

func TestPlainText(t *testing.T) {
	p := mustParse(t, "plain.txt", readFixture(t, "plain.txt"))
	if p.ContentType != document.TypeText || p.Encoding != "utf-8" || p.Language != "en" {
		t.Errorf("type/encoding/lang = %s/%s/%s", p.ContentType, p.Encoding, p.Language)
	}
	if p.Title != "MUTUAL NON-DISCLOSURE AGREEMENT" {
		t.Errorf("title %q", p.Title)
	}
	if len(p.Sentences) < 6 {
		t.Errorf("sentences: %q", p.Sentences)
	}
	for _, s := range p.Sentences {
		if strings.HasSuffix(s, "Dr.") || strings.HasSuffix(s, "e.g.") {
			t.Errorf("split at abbreviation: %q", s)
		}
	}
}

func TestMarkdown(t *testing.T) {
	p := mustParse(t, "notes.md", readFixture(t, "notes.md"))
	if p.ContentType != document.TypeMarkdown || p.Title != "Release notes for docmill 0.1" {
		t.Errorf("type %s title %q", p.ContentType, p.Title)
	}
	contains(t, "markdown", p.Text, "docmill parses PDF, HTML and DOCX files. See the docs for details.",
		"- Embedded NATS", "- Search with Bleve", "- Model-free", "Format | Status", "Quoted text stays", "code blocks keep", "diagram of the pipeline")
	absent(t, "markdown", p.Text, "**", "](", "# ", "|---", "title:", "https://")
}

func TestMarkdownTitleFromHeadingAndSniffedByContent(t *testing.T) {
	data := []byte("# Incident report\n\nThe **database** failed at [noon](http://x).\n\n- one\n- two\n")
	p := mustParse(t, "report", data)
	if p.ContentType != document.TypeMarkdown || p.Title != "Incident report" {
		t.Errorf("type %s title %q", p.ContentType, p.Title)
	}
}

func TestHTML(t *testing.T) {
	p := mustParse(t, "page.html", readFixture(t, "page.html"))
	if p.ContentType != document.TypeHTML || p.Title != "Data Processing Addendum & Terms" {
		t.Errorf("type %s title %q", p.ContentType, p.Title)
	}
	contains(t, "html", p.Text, "part of the Master Services Agreement between", "- Article 28 obligations",
		"GDPR | Regulation (EU) 2016/679", "Last updated 1 May 2024.")
	absent(t, "html", p.Text, "tracking", "font-family", "Pricing", "Enable JavaScript", "<")
	if p.Sentences[0] != "Data Processing Addendum" {
		t.Errorf("first sentence %q", p.Sentences[0])
	}
}

func TestHTMLTitleFromH1(t *testing.T) {
	p := mustParse(t, "x", []byte("<html><body><h1>Annual <i>Report</i></h1><p>Text body<br>here.</p><p>x<b>y</b> z</p></body></html>"))
	if p.Title != "Annual Report" {
		t.Errorf("title %q", p.Title)
	}
	if p.Text != "Annual Report\n\nText body\nhere.\n\nxy z" {
		t.Errorf("text %q", p.Text)
	}
}

// TestHTMLDeeperThanTheParserAllows covers markup html.Parse refuses (more
// than 512 open elements, as generated or broken pages have): its text and
// title still come out, without markup, script or style.
func TestHTMLDeeperThanTheParserAllows(t *testing.T) {
	deep := "<html><head><title>Deep &amp; Wide</title><style>p{color:red}</style><body>" +
		strings.Repeat("<div>", 2000) + "<p>The processor shall notify the controller.</p><script>track()</script>" +
		"<p>x<b>y</b> z<br/>next</p>" + strings.Repeat("</div>", 2000) + "</body></html>"
	p := mustParse(t, "deep.html", []byte(deep))
	if p.ContentType != document.TypeHTML || p.Title != "Deep & Wide" {
		t.Errorf("type %s title %q", p.ContentType, p.Title)
	}
	contains(t, "deep html", p.Text, "The processor shall notify the controller.", "xy z\nnext")
	absent(t, "deep html", p.Text, "<", "track", "color", "Deep")
}

func TestDOCX(t *testing.T) {
	p := mustParse(t, "license.docx", readFixture(t, "license.docx"))
	if p.ContentType != document.TypeDOCX || p.Title != "Fabrikam Software License" {
		t.Errorf("type %s title %q", p.ContentType, p.Title)
	}
	contains(t, "docx", p.Text, "made between Fabrikam GmbH and the Licensee.", "Fee: EUR 1,200 per year", "Party | Role", "governed by the laws of Germany.")
	absent(t, "docx", p.Text, "deleted words", "<w:")
	// Without a core title the first Heading paragraph is the title.
	q := mustParse(t, "untitled.docx", readFixture(t, "untitled.docx"))
	if q.Title != "Software License Agreement" {
		t.Errorf("heading title %q", q.Title)
	}
}

func TestDOCXBombAndCorrupt(t *testing.T) {
	// 64 MiB of spaces inside <w:t> compress to about 64 KiB.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write([]byte(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range 64 {
		_, _ = w.Write(chunk)
	}
	_, _ = w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	lim := DefaultLimits()
	lim.MaxBytes = 8 << 20
	_, err = Parse(context.Background(), Input{Filename: "bomb.docx", Data: buf.Bytes()}, lim)
	if !IsPermanent(err) || !strings.Contains(err.Error(), "limit") {
		t.Errorf("zip bomb: %v", err)
	}
	data := readFixture(t, "license.docx")
	parsePermanent(t, "broken.docx", data[:len(data)/2])
}

func TestLogsByContent(t *testing.T) {
	for _, name := range []string{"service-output.txt", "events.jsonl", "syslog"} {
		p := mustParse(t, name, readFixture(t, name))
		if !p.IsLog() || len(p.Sentences) != 0 {
			t.Errorf("%s: type %s, %d sentences", name, p.ContentType, len(p.Sentences))
		}
		if strings.Contains(p.Text, "\r") || strings.Contains(p.Text, "\n\n") {
			t.Errorf("%s: log text not line-normalised", name)
		}
		if got, want := strings.Count(p.Text, "\n")+1, strings.Count(strings.TrimSpace(string(readFixture(t, name))), "\n")+1; got != want {
			t.Errorf("%s: %d lines, want %d", name, got, want)
		}
	}
	if p := mustParse(t, "prose.log", readFixture(t, "plain.txt")); p.IsLog() {
		t.Errorf("prose with .log extension but no log lines was taken for a log")
	}
}

func TestEncodings(t *testing.T) {
	zh := "合同编号：2024-001\n甲方与乙方根据《中华人民共和国民法典》签订本合同。本合同自双方签字之日起生效。\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(zh)
	if err != nil {
		t.Fatal(err)
	}
	p := mustParse(t, "contract-gbk.txt", []byte(gbk))
	if p.Encoding != "gb18030" || p.Text != strings.TrimSpace(zh) || p.Language != "zh" || len(p.Sentences) != 3 {
		t.Errorf("gbk: enc %s lang %s text %q sentences %q", p.Encoding, p.Language, p.Text, p.Sentences)
	}

	// Big5 (traditional characters): read, not Windows-1252 letter soup
	zht := "軟體授權協議\n本協議由授權方與被授權方簽訂。授權範圍限於中華民國境內。\n"
	big5, err := traditionalchinese.Big5.NewEncoder().String(zht)
	if err != nil {
		t.Fatal(err)
	}
	p = mustParse(t, "license-big5.txt", []byte(big5))
	if p.Encoding != "big5" || p.Text != strings.TrimSpace(zht) || p.Language != "zh" {
		t.Errorf("big5: enc %s lang %s text %q", p.Encoding, p.Language, p.Text)
	}
	// UTF-8 cut inside the last character, or with one stray byte, is
	// UTF-8 with a replacement character, not binary or Windows-1252
	for name, data := range map[string][]byte{
		"truncated.txt": []byte(zh)[:len(zh)-2],
		"stray.txt":     append([]byte(zh[:12]), append([]byte{0xA0}, zh[12:]...)...),
	} {
		p := mustParse(t, name, data)
		if p.Encoding != "utf-8" || !strings.Contains(p.Text, "甲方与乙方根据") || strings.Count(p.Text, "\uFFFD") != 1 {
			t.Errorf("%s: enc %s text %q", name, p.Encoding, p.Text)
		}
	}

	// radicals and compatibility ideographs, as PDF fonts with shared
	// glyphs map them, read as the ordinary characters
	p = mustParse(t, "radicals.txt", []byte("⽤⼈单位：南京⻓江电⼦有限公司，⼯资以⼈⺠币⽀付。氵 stays."))
	if want := "用人单位：南京长江电子有限公司，工资以人民币支付。氵 stays."; p.Text != want {
		t.Errorf("radicals: %q, want %q", p.Text, want)
	}

	en := "Hello, world. Ünïcödé text survives.\r\nSecond line."
	for _, c := range []struct {
		enc  string
		bom  xunicode.BOMPolicy
		end  xunicode.Endianness
		name string
	}{
		{"utf-16le", xunicode.UseBOM, xunicode.LittleEndian, "le.txt"},
		{"utf-16be", xunicode.UseBOM, xunicode.BigEndian, "be.txt"},
		{"utf-16le", xunicode.IgnoreBOM, xunicode.LittleEndian, "nobom.txt"},
	} {
		data, err := xunicode.UTF16(c.end, c.bom).NewEncoder().String(en)
		if err != nil {
			t.Fatal(err)
		}
		p := mustParse(t, c.name, []byte(data))
		if p.Encoding != c.enc || p.Text != "Hello, world. Ünïcödé text survives.\nSecond line." {
			t.Errorf("%s: enc %s text %q", c.name, p.Encoding, p.Text)
		}
	}

	p = mustParse(t, "bom.txt", append([]byte{0xEF, 0xBB, 0xBF}, "Title line\nbody"...))
	if p.Encoding != "utf-8" || p.Title != "Title line" {
		t.Errorf("utf-8 bom: %s %q", p.Encoding, p.Title)
	}
	// Declared charsets: an HTML meta tag, and the caller's content-type hint.
	cyr, _ := charmap.Windows1251.NewEncoder().String("Договор поставки")
	p = mustParse(t, "ru.html", []byte(`<html><head><meta charset="windows-1251"><title>`+cyr+`</title></head><body><p>`+cyr+`</p></body></html>`))
	if p.Encoding != "windows-1251" || p.Title != "Договор поставки" {
		t.Errorf("meta charset: %s %q", p.Encoding, p.Title)
	}
	koi, _ := charmap.KOI8R.NewEncoder().String("Договор поставки товаров")
	q, err := Parse(context.Background(), Input{Filename: "ru.txt", ContentType: "text/plain; charset=koi8-r", Data: []byte(koi)}, DefaultLimits())
	if err != nil || q.Encoding != "koi8-r" || q.Text != "Договор поставки товаров" {
		t.Errorf("hint charset: %v %+v", err, q)
	}
	p = mustParse(t, "latin1.txt", []byte("Caf\xe9 cr\xe8me br\xfbl\xe9e costs 5 \x80."))
	if p.Encoding != "windows-1252" || p.Text != "Café crème brûlée costs 5 €." {
		t.Errorf("latin-1: %s %q", p.Encoding, p.Text)
	}
}

// Legacy single-byte text also decodes cleanly as a double-byte CJK
// encoding whenever each accented letter is followed by a letter ("won’t"
// reads as "won抰" in GB18030); Japanese and Korean double-byte text
// also decodes as GB18030, and short Big5 text as Windows-1252 (its second
// bytes may be ASCII). Each must be read in its own encoding.
func TestLegacyEncodingsNotTakenForChinese(t *testing.T) {
	for _, c := range []struct {
		name, text string
		enc        encoding.Encoding
		want       string
	}{
		{"dpa.txt", "Data Processing Addendum\n\nThe Processor won’t disclose the Controller’s personal data. The Customer’s instructions are final and the Supplier’s staff don’t retain copies.", charmap.Windows1252, "windows-1252"},
		{"agb.txt", "Allgemeine Geschäftsbedingungen\n\nDiese Geschäftsbedingungen gelten für alle Verträge zwischen der Müller GmbH und ihren Kunden. Erfüllungsort und Gerichtsstand ist München.", charmap.ISO8859_1, "windows-1252"},
		{"keiyaku.txt", "業務委託契約書\n\n株式会社サンプル（以下「甲」という）と株式会社テスト（以下「乙」という）は、次のとおり業務委託契約を締結する。", japanese.ShiftJIS, "shift_jis"},
		{"keiyaku-euc.txt", "業務委託契約書\n\n株式会社サンプル（以下「甲」という）と株式会社テスト（以下「乙」という）は、次のとおり業務委託契約を締結する。", japanese.EUCJP, "euc-jp"},
		{"gyeyak.txt", "소프트웨어 라이선스 계약서\n\n본 계약은 주식회사 샘플과 주식회사 테스트 사이에 체결된다.", korean.EUCKR, "euc-kr"},
		// too short for the statistical detector
		{"title.txt", "租赁合同", simplifiedchinese.GBK, "gb18030"},
		{"no.txt", "合同编号：2024-001", simplifiedchinese.GBK, "gb18030"},
		{"grosse.txt", "Größe und Maße", charmap.Windows1252, "windows-1252"},
		{"cafe.txt", "naïve café", charmap.Windows1252, "windows-1252"},
		// short traditional Chinese in Big5: not Windows-1252 ("¥Ò¤èÀ³…"),
		// nor GBK, whose byte ranges it shares
		{"pay.txt", "甲方應於三十日內付款。", traditionalchinese.Big5, "big5"},
		{"penalty.txt", "乙方應支付違約金。", traditionalchinese.Big5, "big5"},
		{"addr.txt", "臺北市信義區松仁路一號", traditionalchinese.Big5, "big5"},
		{"term.txt", "合約期間為三年。", traditionalchinese.Big5, "big5"},
		// the same clauses in GBK stay GBK
		{"pay-gb.txt", "甲方应于三十日内付款。", simplifiedchinese.GBK, "gb18030"},
		{"addr-gb.txt", "北京市海淀区中关村大街一号", simplifiedchinese.GBK, "gb18030"},
		// short Western text whose accented letters pair up as Big5
		{"ca-va.txt", "Ça va", charmap.Windows1252, "windows-1252"},
		{"oel.txt", "Öl", charmap.Windows1252, "windows-1252"},
		{"facade.txt", "Façade élégante", charmap.Windows1252, "windows-1252"},
		{"creme.txt", "Crème brûlée à Noël", charmap.Windows1252, "windows-1252"},
		{"strasse.txt", "Straße in Köln", charmap.Windows1252, "windows-1252"},
		{"vertrag.txt", "Vertrag über Lieferung", charmap.Windows1252, "windows-1252"},
	} {
		data, err := c.enc.NewEncoder().String(c.text)
		if err != nil {
			t.Fatal(err)
		}
		p := mustParse(t, c.name, []byte(data))
		if p.Encoding != c.want || p.Text != c.text {
			t.Errorf("%s: enc %s, want %s; text %q", c.name, p.Encoding, c.want, p.Text)
		}
	}
}

// UTF-16 without a BOM is read when the text is not mostly ASCII too (the
// NUL bytes of its digits and line breaks fall in one parity), and a
// charset in the caller's hint is honoured before the bytes are judged
// binary.
func TestUTF16WithoutBOMChinese(t *testing.T) {
	zh := "软件许可协议\n\n本协议由北京星辰科技有限公司与上海明月信息技术有限公司签订。许可期限为3年。"
	for _, c := range []struct {
		end  xunicode.Endianness
		want string
	}{{xunicode.LittleEndian, "utf-16le"}, {xunicode.BigEndian, "utf-16be"}} {
		data, err := xunicode.UTF16(c.end, xunicode.IgnoreBOM).NewEncoder().String(zh)
		if err != nil {
			t.Fatal(err)
		}
		p := mustParse(t, "license.txt", []byte(data))
		if p.Encoding != c.want || p.Text != zh || p.Language != "zh" {
			t.Errorf("%s: enc %s text %q", c.want, p.Encoding, p.Text)
		}
	}
	// characters whose low byte is NUL (一 U+4E00, 最 U+6700, the
	// ideographic space) put NULs in the other parity; a text with little
	// ASCII has few NULs at all
	for _, zh := range []string{
		"第一条　合同标的\n甲方委托乙方提供技术服务，服务期限为一年，最长不超过三年。\n第二条　费用\n服务费共计人民币一万元整。",
		"本协议由北京星辰科技有限公司与上海明月信息技术有限公司签订，双方经友好协商，就软件开发事宜达成如下一致意见。\n",
	} {
		for _, c := range []struct {
			end  xunicode.Endianness
			want string
		}{{xunicode.LittleEndian, "utf-16le"}, {xunicode.BigEndian, "utf-16be"}} {
			data, _ := xunicode.UTF16(c.end, xunicode.IgnoreBOM).NewEncoder().String(zh)
			p := mustParse(t, "contract.txt", []byte(data))
			if p.Encoding != c.want || p.Text != strings.ReplaceAll(strings.TrimSpace(zh), "　", " ") {
				t.Errorf("%s: enc %s text %q", c.want, p.Encoding, p.Text)
			}
		}
	}
	// no ASCII at all: only the hint can tell
	data, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder().String("本协议由北京星辰科技有限公司签订。")
	q, err := Parse(context.Background(), Input{Filename: "a.txt", ContentType: "text/plain; charset=utf-16le", Data: []byte(data)}, DefaultLimits())
	if err != nil || q.Text != "本协议由北京星辰科技有限公司签订。" {
		t.Errorf("hinted utf-16le: %v %+v", err, q)
	}
}

// A binary pattern of a few bytes over and over ("00 01 02 FF") reads as
// plausible UTF-16 code units (Ā＂Ā＂...), but text uses many characters:
// it is refused as binary, not indexed as a summary of Ā＂.
func TestRepeatedBinaryPatternNotUTF16(t *testing.T) {
	data := bytes.Repeat([]byte{0x00, 0x01, 0x02, 0xFF}, 4096)
	if _, err := Parse(context.Background(), Input{Filename: "payload.bin", Data: data}, DefaultLimits()); err == nil {
		t.Error("a repeated binary pattern was read as text")
	}
}

// A lone CR ends a line (classic Mac OS and some device exports): the
// lines of a log stay records and a title stays the first line.
func TestLoneCarriageReturns(t *testing.T) {
	p := mustParse(t, "app.log", []byte("2024-01-02 10:00:00 INFO service started\r2024-01-02 10:00:01 WARN disk 91% full\r2024-01-02 10:00:02 ERROR write failed\r"))
	if !p.IsLog() || strings.Count(p.Text, "\n") != 2 {
		t.Errorf("log: %s %q", p.ContentType, p.Text)
	}
	p = mustParse(t, "msa.txt", []byte("Master Services Agreement\r\rThis Agreement is made between Acme Corporation and Globex Limited.\r"))
	if p.Title != "Master Services Agreement" || !strings.HasPrefix(p.Text, "Master Services Agreement\n\nThis") {
		t.Errorf("text: %q %q", p.Title, p.Text)
	}
}

func TestPDF(t *testing.T) {
	p := mustParse(t, "contract.pdf", readFixture(t, "contract.pdf"))
	if p.ContentType != document.TypePDF || p.Pages != 1 || p.Language != "en" {
		t.Errorf("type %s pages %d lang %s", p.ContentType, p.Pages, p.Language)
	}
	contains(t, "pdf", p.Text, "MUTUAL NON-DISCLOSURE AGREEMENT", "Northwind Traders Inc., a Delaware corporation", "2.5 years")
	if p.Title != "MUTUAL NON-DISCLOSURE AGREEMENT" {
		t.Errorf("title %q", p.Title)
	}
}

func TestPDFChinese(t *testing.T) {
	p := mustParse(t, "chinese.pdf", readFixture(t, "chinese.pdf"))
	if p.Language != "zh" {
		t.Errorf("lang %s text %q", p.Language, p.Text)
	}
	contains(t, "zh pdf", p.Text, "合同")
}

func TestCorruptInputsArePermanentErrors(t *testing.T) {
	pdf := readFixture(t, "contract.pdf")
	cases := map[string][]byte{
		"truncated.pdf":  pdf[:len(pdf)/2],
		"header.pdf":     []byte("%PDF-1.7\n"),
		"flipped.pdf":    flip(pdf, 7),
		"empty.txt":      nil,
		"junk.bin":       junk(4096, 1),
		"junk.pdf":       junk(4096, 2),
		"archive.zip":    zipWithout(t),
		"nothing.txt":    []byte("   \n\t\n"),
		"nul.txt":        bytes.Repeat([]byte{0}, 100),
		"corrupt.docx":   []byte("PK\x03\x04garbage"),
		"only-xref.pdf":  []byte("%PDF-1.4\nxref\n0 99999999999\ntrailer\n<< /Size 5 >>\nstartxref\n9\n%%EOF\n"),
		"columns.pdf":    []byte("%PDF-1.4\n1 0 obj\n<< /DecodeParms << /Predictor 12 /Columns 9999999999 >> >>\nendobj\n%%EOF\n"),
		"deep-array.pdf": append([]byte("%PDF-1.4\n1 0 obj\n"), bytes.Repeat([]byte("["), 100000)...),
	}
	for name, data := range cases {
		parsePermanent(t, name, data)
	}
	// A damaged .docx is reported as a DOCX, not as an unknown zip, and
	// a .zip stays unsupported.
	if pe := parsePermanent(t, "corrupt.docx", []byte("PK\x03\x04garbage")); !strings.Contains(pe.Error(), "DOCX") {
		t.Errorf("corrupt.docx: %v does not name the format", pe)
	}
	if pe := parsePermanent(t, "archive.zip", zipWithout(t)); !strings.Contains(pe.Error(), "not a Word document") {
		t.Errorf("archive.zip: %v", pe)
	}
	// the library's "missing %%EOF" reads as the marker's name
	if pe := parsePermanent(t, "bad.pdf", []byte("%PDF-1.4\nbroken")); !strings.Contains(pe.Error(), "missing %EOF") || strings.Contains(pe.Error(), "%%") {
		t.Errorf("bad.pdf: %v", pe)
	}
	for seed := range uint64(40) {
		// Random damage to a real PDF: every outcome is fine except a panic.
		d := flip(pdf, seed)
		_, _ = Parse(context.Background(), Input{Filename: "fuzz.pdf", Data: d}, DefaultLimits())
	}
}

func TestSizeLimitAndTimeout(t *testing.T) {
	lim := DefaultLimits()
	lim.MaxBytes = 10
	_, err := Parse(context.Background(), Input{Filename: "big.txt", Data: []byte("more than ten bytes")}, lim)
	if !IsPermanent(err) || !strings.Contains(err.Error(), "limit") {
		t.Errorf("size limit: %v", err)
	}
	slow := func(stop *stopFlag) (*extracted, error) {
		for !stop.stopped() {
			time.Sleep(time.Millisecond)
		}
		return nil, nil
	}
	// The gauge is process-wide: a parse an earlier test timed out (5 s
	// limits on a loaded machine) may still be running and counted.
	before := Abandoned()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err = guarded(ctx, "slow.pdf", document.TypePDF, slow)
	if !IsPermanent(err) || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("timeout: %v", err)
	}
	// The abandoned parser sees the stop flag and ends; the gauge drops back.
	for deadline := time.Now().Add(5 * time.Second); Abandoned() > before && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	if n := Abandoned(); n > before {
		t.Errorf("abandoned parsers still counted: %d (%d before the timeout)", n, before)
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	_, err = guarded(ctx2, "x", document.TypePDF, slow)
	if err == nil || IsPermanent(err) {
		t.Errorf("cancelled parse must be a retryable error: %v", err)
	}
	_, err = guarded(context.Background(), "p", document.TypePDF, func(*stopFlag) (*extracted, error) { panic("boom\x00\xff") })
	if !IsPermanent(err) || !errors.Is(err, errPanic) || strings.ContainsRune(err.Error(), 0) {
		t.Errorf("panic: %v", err)
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		name string
		data string
		want string
	}{
		{"a.bin", "%PDF-1.4 ...", document.TypePDF},
		{"a.txt", "<!DOCTYPE html><html><body>x</body></html>", document.TypeHTML},
		{"a.md", "plain words", document.TypeMarkdown},
		{"a.htm", "plain words", document.TypeHTML},
		{"a", "plain words only here", document.TypeText},
		// a readable text under a PDF's or a Word file's name is that text
		{"notes.pdf", "Minutes of the board meeting held on 3 May.", document.TypeText},
		{"memo.docx", "Please review the attached terms.", document.TypeText},
		{"broken.pdf", "\x00\x01\x02\xff\xfe binary \x00\x00\x03", document.TypePDF},
		{"a.txt", "2024-01-01 10:00:00 INFO a\n2024-01-01 10:00:01 WARN b\n2024-01-01 10:00:02 ERROR c\n", document.TypeLog},
		{"access", `10.0.0.1 - - [01/May/2024:10:15:02 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/8.0"` + "\n" +
			`10.0.0.2 - - [01/May/2024:10:15:03 +0000] "GET /a HTTP/1.1" 404 0 "-" "curl/8.0"` + "\n" +
			`10.0.0.3 - - [01/May/2024:10:15:04 +0000] "POST /b HTTP/1.1" 500 0 "-" "curl/8.0"` + "\n", document.TypeLog},
		// headers in none of the listed shapes, found by a time or epoch early in the line
		{"logcat", "05-02 09:14:03.120  811  902 I ActivityManager: Start proc 4242:com.example/u0a88\n" +
			"05-02 09:14:03.188  811  902 W PackageManager: Unknown permission com.example.X\n" +
			"05-02 09:14:04.001 4242 4242 E AndroidRuntime: FATAL EXCEPTION: main\n", document.TypeLog},
		{"proxy", "[05.02 09:14:03] app.exe - gw.example.org:443 open through proxy p.example.org:8080 HTTPS\n" +
			"[05.02 09:14:05] app.exe - gw.example.org:443 close, 120 bytes sent, 88 bytes received\n" +
			"[05.02 09:14:09] mail.exe - smtp.example.org:25 error : Could not connect through proxy\n", document.TypeLog},
		{"cluster", "88121 node-12 unix.hw state_change.unavailable 1714641243 1 Component State Change: fan0 unavailable\n" +
			"88122 node-12 unix.hw state_change.available 1714641299 1 Component State Change: fan0 available\n" +
			"88140 node-31 boot_cmd new 1714641301 1 Targeting domains:node-D1 and nodes:node-[40-63]\n", document.TypeLog},
		// crash logs: a Go panic after two std-log lines, its dump most
		// of the lines; a bare Java stack trace
		{"go-panic.log", "2024/05/13 10:00:00 starting server on :8080\n2024/05/13 10:00:01 listening\n" +
			"panic: runtime error: invalid memory address or nil pointer dereference\n" +
			"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]\n\ngoroutine 1 [running]:\n" +
			"main.handler(0xc000010000)\n\t/app/main.go:42 +0x2c\nmain.main()\n\t/app/main.go:20 +0x85\nexit status 2\n", document.TypeLog},
		{"trace.txt", "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null\n" +
			"\tat com.acme.App.run(App.java:10)\n\tat com.acme.App.main(App.java:5)\n", document.TypeLog},
		// a network device's log by its message mnemonics: Cisco IOS's
		// default uptime stamps, and no stamps at all
		{"router.log", "000045: 1d02h: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down\n" +
			"000046: 1d02h: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/1, changed state to down\n" +
			"000047: 2w3d: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.1.1.5)\n", document.TypeLog},
		{"switch.log", "%LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down\n" +
			"%SW_MATM-4-MACFLAP_NOTIF: Host 0050.56a3.1b2c in vlan 10 is flapping between port Gi1/0/1 and port Gi1/0/2\n" +
			"%SYS-5-CONFIG_I: Configured from console by admin on vty0\n", document.TypeLog},
		// prose that mentions times and big numbers now and then stays text
		{"minutes.txt", "The meeting opened at 10:00:00 with the budget review.\nMembers discussed the vendor contract for the data centre.\n" +
			"Invoice 1714641243 was approved after a short debate.\nThe committee will meet again next month to review progress.\n" +
			"Action items were assigned to the finance and legal teams.\n", document.TypeText},
		// logs exported as CSV: Event Viewer's, and PowerShell's with the
		// message first, over lines, and the time far off to the right
		{"events.csv", "Level,Date and Time,Source,Event ID,Task Category\n" +
			`Information,5/1/2024 10:00:00 AM,Service Control Manager,7036,None,"The Windows Update service entered the running state."` + "\n" +
			`Error,5/1/2024 10:10:00 AM,Service Control Manager,7000,None,"The Foo service failed to start."` + "\n", document.TypeLog},
		{"winevent.csv", "#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\n" +
			`"Message","Id","Level","ProviderName","LogName","MachineName","TimeCreated","LevelDisplayName"` + "\n" +
			`"The Foo service terminated with the following error:` + "\n" + `Access is denied.","7023","2","Service Control Manager","System","host","5/1/2024 10:01:00 AM","Error"` + "\n" +
			`"The Windows Update service entered the running state.","7036","4","Service Control Manager","System","host","5/1/2024 10:00:00 AM","Information"` + "\n", document.TypeLog},
		// a table with a date column but no level column stays text
		{"people.csv", "Name,City,Date\nAda Lovelace,London,1815-12-10\nAlan Turing,Wilmslow,1912-06-23\n", document.TypeText},
		{"x.pdf", "\x00\x01\x02\x03binary", document.TypePDF},
		{"x.dat", "\x00\x01\x02\x03binary", "application/octet-stream"},
	}
	for _, c := range cases {
		if got := Sniff(c.name, []byte(c.data)); got != c.want {
			t.Errorf("Sniff(%s, %.30q) = %s, want %s", c.name, c.data, got, c.want)
		}
	}
	if got := Sniff("x.docx", readFixture(t, "license.docx")); got != document.TypeDOCX {
		t.Errorf("docx sniffed as %s", got)
	}
	if got := chooseType(document.TypeText, "text/markdown; charset=utf-8"); got != document.TypeMarkdown {
		t.Errorf("hint ignored: %s", got)
	}
	if got := chooseType(document.TypePDF, "text/plain"); got != document.TypePDF {
		t.Errorf("hint overrode magic bytes: %s", got)
	}
}

func TestFallbackTitle(t *testing.T) {
	// a protective marking above a policy's title is no title
	for _, mark := range []string{"For internal use only", "INTERNAL USE ONLY", "OFFICIAL-SENSITIVE", "Not for external distribution", "Company Confidential"} {
		if got := fallbackTitle(mark+"\n\nRetention of Email Records\n\nMailboxes are kept for two years.", "f.txt"); got != "Retention of Email Records" {
			t.Errorf("below %q: title %q", mark, got)
		}
	}
	long := strings.Repeat("word ", 60)
	if got := fallbackTitle("\n\n--\n"+long, "f.txt"); len([]rune(got)) > maxTitle+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("long title %q", got)
	}
	contract := "1\nExhibit 10.1\nCERTAIN INFORMATION IN THIS EXHIBIT, MARKED BY BRACKETS, HAS\nBEEN OMITTED AND FILED SEPARATELY WITH THE SECURITIES AND EXCHANGE\nNETZEE, INC.\nSERVICES OUTSOURCING AGREEMENT\nBetween\nThis Agreement is made..."
	if got := fallbackTitle(contract, "f.txt"); got != "SERVICES OUTSOURCING AGREEMENT" {
		t.Errorf("caps title %q", got)
	}
	// flattened CUAD filings: the title in a column after the SEC's notice,
	// and a title followed by a party's name in capitals
	flat := "Exhibit 10.26    CONFIDENTIAL TREATMENT HAS BEEN REQUESTED AS TO CERTAIN PORTIONS OF THIS DOCUMENT. EACH SUCH PORTION, WHICH HAS BEEN OMITTED HEREIN AND REPLACED WITH AN ASTERISK [*], HAS BEEN FILED SEPARATELY WITH THE SECURITIES AND EXCHANGE COMMISSION.     PROMOTION AND DISTRIBUTION AGREEMENT     This Promotion and Distribution Agreement is made ...\n1. DEFINITIONS\n"
	if got := fallbackTitle(flat, "f.txt"); got != "PROMOTION AND DISTRIBUTION AGREEMENT" {
		t.Errorf("title after a notice: %q", got)
	}
	flat = "Exhibit 10.65   JOINT VENTURE AGREEMENT MINDA IMPCO TECHNOLOGIES LIMITED   This Joint Venture Agreement (Agreement) is made and executed on this the 18th day of May, 2001   BETWEEN   IMPCO Technologies Inc., a company incorporated under the laws of the State of Delaware"
	if got := fallbackTitle(flat, "f.txt"); got != "JOINT VENTURE AGREEMENT" {
		t.Errorf("title before a party's name: %q", got)
	}
	// the same filings as the parser hands them over, their layout's gaps
	// collapsed: the title after the notice's last sentence, and before a
	// party's name in capitals
	for text, want := range map[string]string{
		"Exhibit 10.26 CONFIDENTIAL TREATMENT HAS BEEN REQUESTED AS TO CERTAIN PORTIONS OF THIS DOCUMENT. EACH SUCH PORTION HAS BEEN FILED SEPARATELY WITH THE SECURITIES AND EXCHANGE COMMISSION. PROMOTION AND DISTRIBUTION AGREEMENT This Promotion and Distribution Agreement is made ...\n1. DEFINITIONS\n": "PROMOTION AND DISTRIBUTION AGREEMENT",
		"Exhibit 10.65 JOINT VENTURE AGREEMENT MINDA IMPCO TECHNOLOGIES LIMITED This Joint Venture Agreement (Agreement) is made and executed on this the 18th day of May, 2001 BETWEEN IMPCO Technologies Inc., a company incorporated under the laws of the State of Delaware":                                 "JOINT VENTURE AGREEMENT",
	} {
		if got := fallbackTitle(text, "f.txt"); got != want {
			t.Errorf("collapsed layout: title %q, want %q", got, want)
		}
	}
	// licence texts: a wrapped disclaimer in capitals and a copyright line
	// with placeholders are no titles
	for text, want := range map[string]string{
		"Creative Commons Legal Code\n\nCC0 1.0 Universal\n\n    CREATIVE COMMONS CORPORATION IS NOT A LAW FIRM AND DOES NOT PROVIDE\n    LEGAL SERVICES. DISTRIBUTION OF THIS DOCUMENT DOES NOT CREATE AN\n    ATTORNEY-CLIENT RELATIONSHIP. CREATIVE COMMONS PROVIDES THIS\n": "Creative Commons Legal Code",
		"Copyright (c) [year] [fullname]\n\nThe Universal Permissive License (UPL), Version 1.0\n\nSubject to the condition set forth below, permission is hereby granted":                                                                                                      "The Universal Permissive License (UPL), Version 1.0",
		"Copyright 2019 Acme Corp.\n\nMIT License\n\nPermission is hereby granted, free of charge":                                                                                                                                                                              "MIT License",
	} {
		if got := fallbackTitle(text, "f.txt"); got != want {
			t.Errorf("title %q, want %q", got, want)
		}
	}
	// flattened CUAD pages, legends set aside: a redaction inside the first
	// line makes it no notice, a form's initials line is no title, nor is a
	// rule under the title part of it
	for text, want := range map[string]string{
		"Exhibit 10.1 COLLABORATION AGREEMENT THIS COLLABORATION AGREEMENT is made by Capsugel [***] and Cardax.\n2.3 CARDAX Responsibilities.\n":           "COLLABORATION AGREEMENT",
		"Amendment #3 to the Manufacturing Agreement This Amendment #3 is made by ADMA and Sanofi [***].\nBPC Initials ___ Sanofi Pasteur Initials ___ 1\n": "Amendment #3 to the Manufacturing Agreement",
		"Sales, Marketing, Distribution, and Supply Agreement {***} WHEREAS HEMISPHERX is a company.\n":                                                     "Sales, Marketing, Distribution, and Supply Agreement",
		"CO-BRANDING CONTENT AGREEMENT -----------------------------\nThis Agreement is made ...\n":                                                         "CO-BRANDING CONTENT AGREEMENT",
		"THIS ENDORSEMENT AGREEMENT is dated as of this ____day of ____________, 2012\n":                                                                    "ENDORSEMENT AGREEMENT",
		// a line that introduces what follows, the rest of a sentence a page
		// broke, and a title that names its parties at length
		"[LOGO]\nAGREED TO BY:\nAMENDMENT TO SECTION 2 OF THE CO-BRANDING AGREEMENT\nThis amendment is made by PCQ and ABW.\n": "AMENDMENT TO SECTION 2 OF THE CO-BRANDING AGREEMENT",
		"issued by Accuray and subject to acceptance by Distributor.\nPrice Schedule for Distributors\n":                       "Price Schedule for Distributors",
		"issued by Accuray and subject to acceptance by Distributor.\n":                                                        "issued by Accuray and subject to acceptance by Distributor.",
		"Exhibit 10.1 COOPERATION AGREEMENT BETWEEN THE CITY OF FORT STOCKTON, TEXAS AND STW RESOURCES HOLDING CORP. REGARDING DEVELOPMENT OF WATER WELL(S) IN THE CAPITAN REEF AQUIFER FORMATION\nThis AGREEMENT regarding development ...\n": "COOPERATION AGREEMENT",
	} {
		if got := fallbackTitle(text, "f.txt"); got != want {
			t.Errorf("title %q, want %q", got, want)
		}
	}
	// a filing's version label is no title (8 of 252 CUAD contracts were
	// "EXECUTION VERSION")
	if got := fallbackTitle("EXECUTION VERSION\nMASTER OPERATION AND MAINTENANCE AGREEMENT\nThis Agreement...", "f.txt"); got != "MASTER OPERATION AND MAINTENANCE AGREEMENT" {
		t.Errorf("version label taken for the title: %q", got)
	}
	// a script's interpreter line is no title ("!/usr/bin/python3" was)
	if got := fallbackTitle("#!/usr/bin/python3\n# Rotate the audit logs nightly\nimport os\n", "rotate.py"); got != "Rotate the audit logs nightly" {
		t.Errorf("script title %q", got)
	}
	if got := fallbackTitle("Regulation (EU) 2016/679 (GDPR)\nDefinitions apply.", "f.txt"); got != "Regulation (EU) 2016/679 (GDPR)" {
		t.Errorf("first line title %q", got)
	}
	// one article of an act is titled by the act, the article and its
	// heading: the act's name alone titled every article of it the same
	for text, want := range map[string]string{
		"Regulation (EU) 2016/679 (GDPR)\nArticle 5\nPrinciples relating to processing of personal data\n\nPersonal data shall be:": "Regulation (EU) 2016/679 (GDPR), Article 5: Principles relating to processing of personal data",
		"Directive 2000/31/EC\n\nArticle 16\n\nMember States and the Commission shall encourage the drawing up of codes.":           "Directive 2000/31/EC, Article 16",
	} {
		if got := fallbackTitle(text, "f.txt"); got != want {
			t.Errorf("article title %q, want %q", got, want)
		}
	}
	// a filing's exhibit number, the text run on after a title, a
	// bracketed note, the signing formula and a stamp are no title (37 of
	// 253 CUAD titles opened with "Exhibit 10.x")
	for text, want := range map[string]string{
		"Exhibit 10.16   ENDORSEMENT AGREEMENT     THIS ENDORSEMENT AGREEMENT (\"Agreement\") by and between A and B":  "ENDORSEMENT AGREEMENT",
		"Exhibit 10.1 Development Agreement This Development Agreement (the \"Agreement\") dated as of March 20, 2020": "Development Agreement",
		"EXHIBIT 10.2   ENDORSEMENT AGREEMENT ADDENDUM I   This Endorsement Agreement Addendum I is made":              "ENDORSEMENT AGREEMENT ADDENDUM I",
		"Exhibit 10.34   INTERNET CHANNEL COOPERATION AGREEMENT   Contract Number: 181015BD0120":                       "INTERNET CHANNEL COOPERATION AGREEMENT",
		"[SIGNATURE PAGES FOLLOW]\nLicense Agreement\nThis License Agreement":                                          "License Agreement",
		"IN WITNESS WHEREOF, the Parties have caused this Agreement to be executed.\nBy: /s/ A":                        "f.txt",
		"PRIVATE & CONFIDENTIAL\nSupply Agreement\nThis Supply Agreement":                                              "Supply Agreement",
		"Exhibit 10.28   Execution Version   OUTSOURCING AGREEMENT":                                                    "OUTSOURCING AGREEMENT",
		"May 04, 2017 Strategic Alliance Agreement This Strategic Alliance Agreement is entered into":                  "Strategic Alliance Agreement",
		"Vertex Energy, Inc. 8-K Exhibit 10.1 JOINT SUPPLY AND MARKETING AGREEMENT This Joint Supply and Marketing":    "JOINT SUPPLY AND MARKETING AGREEMENT",
		"EXHIBIT I TO SCHEDULE A (COMPLIANCE WITH UNITED STATES SECURITIES LAWS)":                                      "EXHIBIT I TO SCHEDULE A (COMPLIANCE WITH UNITED STATES SECURITIES LAWS)",
	} {
		if got := fallbackTitle(text, "f.txt"); got != want {
			t.Errorf("%q: title %q, want %q", text, got, want)
		}
	}
	// the notices above a title are no title: redaction legends as the
	// first line of 2 of the first 60 CUAD texts, a translator's note and
	// a contract number
	for text, want := range map[string]string{
		"Exhibit 10.12\n\nCERTAIN IDENTIFIED INFORMATION CONTAINED IN THIS DOCUMENT, MARKED BY [***], HAS BEEN OMITTED BECAUSE IT IS BOTH (1) NOT MATERIAL AND (2) WOULD LIKELY CAUSE COMPETITIVE HARM.\n\nACME, LLC and BETA CORPORATION MANUFACTURING AGREEMENT\n\nTHIS MANUFACTURING AGREEMENT (the \"Agreement\") is made": "ACME, LLC and BETA CORPORATION MANUFACTURING AGREEMENT",
		"Exhibit 10.43\n\nThis is a translation of the original Chinese text\n\nContract No.: 151315UD0081\n\nCooperation Agreement\n\nParty A: Beike":                                                                                                                                                                         "Cooperation Agreement",
		// no notice, so no title after it: a sentence is none either
		"ENISA shall not divulge it on a reasoned request for confidential treatment.\nMore":                                           "f.txt",
		"*** Confidential treatment has been requested for portions of this exhibit.\nSupply Agreement\nThis Supply Agreement is made": "Supply Agreement",
		// a title block: a date, the parties, then the document's kind beside another column
		"EXHIBIT 99.4\n\n      DATED 15TH DECEMBER 2001\n\n   CHINA ECONOMIC INFORMATION SERVICE OF XINHUA NEWS AGENCY\n\n   AND\n\n   XINHUA FINANCIAL NETWORK LIMITED\n\n   ----------\n\n   CONTENT LICENSE AGREEMENT          SUPPLEMENT TO THE EXCLUSIVE BROADCASTING AGREEMENT\n": "CONTENT LICENSE AGREEMENT",
		"1.   APPOINTMENT.\n\n2. AMENDMENT\n\nThe parties amend the agreement.":                                                                                     "1.   APPOINTMENT.", // a section's numbered heading is no title
		"EXHIBIT 4        AFFILIATE AGREEMENT        ----------\nThis Agreement":                                                                                    "AFFILIATE AGREEMENT",
		"ADDENDUM TO\nZEBRA PARTNERCONNECT DISTRIBUTOR AGREEMENT\nThis addendum":                                                                                    "ADDENDUM TO ZEBRA PARTNERCONNECT DISTRIBUTOR AGREEMENT",
		"Source: ETON PHARMACEUTICALS, INC., 10-Q, 11/14/2019\nQuickLinks -- Click here to rapidly navigate through this document\nLicense Agreement\nThis License": "License Agreement",
		"Date: June 1, 2024\nData Processing Addendum\nThis addendum":                                                                                               "Data Processing Addendum",
	} {
		if got := fallbackTitle(text, "f.txt"); got != want {
			t.Errorf("title %q, want %q", got, want)
		}
	}
	// without a title block, a contract is titled by the name its preamble
	// gives it; a signature ("/s/") far into a flattened one-line filing
	// does not make its opening no title (3 of 252 CUAD titles were the
	// file's name, 6 a party's name or a clause)
	for text, want := range map[string]string{
		"Exhibit 10.31 PURSUANT TO 17 C.F.R. 240.24B-2, CONFIDENTIAL INFORMATION HAS BEEN OMITTED AND FILED SEPARATELY WITH THE SECURITIES AND EXCHANGE COMMISSION ACCURAY INCORPORATED MULTIPLE LINAC AND MULTI-MODALITY   DISTRIBUTOR AGREEMENT This Multiple LINAC and Multi-Modality Distributor Agreement (\"Agreement\") is entered into by and between ACCURAY INCORPORATED and SIEMENS\n2.3.3. Purchase. To purchase Products, Distributor will issue a Purchase Order.\n": "Multiple LINAC and Multi-Modality Distributor Agreement",
		"EXHIBIT D JOINT FILING AGREEMENT MFA FINANCIAL, INC. In accordance with Rule 13d-1(k) the undersigned agree. IN WITNESS WHEREOF ATHENE By: /s/ Matthew S. O'Mara Authorized Signatory": "JOINT FILING AGREEMENT",
		"TENNESSEE GAS PIPELINE COMPANY\n\nThis Gas Transportation Agreement (the \"Agreement\") is made by LG&E and Tennessee.\n":                                                              "Gas Transportation Agreement",
		"TABLE OF CONTENTS\n\n1. Definitions 3\n\nThe parties agree as follows. This Agreement is made.\n":                                                                                      "TABLE OF CONTENTS",
	} {
		if got := fallbackTitle(text, "f.txt"); got != want {
			t.Errorf("%.50q: title %q, want %q", text, got, want)
		}
	}
	// a caps title opening a flattened line
	flat = "Exhibit 10.1 PROMOTION AGREEMENT This Promotion Agreement (\"Agreement\") is entered into effective September 1, 2019 by and between Acme Inc. and Beta LLC for the promotion of goods."
	if got := fallbackTitle(flat, "f.txt"); got != "PROMOTION AGREEMENT" {
		t.Errorf("flattened title %q", got)
	}
	for line, want := range map[string]string{
		"WHOLESALE MARKETING AGREEMENT THIS AGREEMENT is made and entered into as of the first day of March 2018 by and between the Seller and the Buyer named below.": "WHOLESALE MARKETING AGREEMENT",
		"THIS LICENSE AND RESELLER AGREEMENT is made and entered into as of the first day of March 2018 by and between the Licensor and the Reseller named below.":     "LICENSE AND RESELLER AGREEMENT",
	} {
		if got := fallbackTitle(line, "f.txt"); got != want {
			t.Errorf("title %q, want %q", got, want)
		}
	}
	party := "STREMICK HERITAGE FOODS, LLC and PREMIER NUTRITION CORPORATION agree on the supply of dairy products to the stores of the other party as set out below and in the schedules."
	if got := fallbackTitle(party, "f.txt"); !strings.HasPrefix(got, "STREMICK HERITAGE FOODS, LLC and") {
		t.Errorf("a party in capitals taken for the title: %q", got)
	}
	if got := fallbackTitle("12 34\n--", "dir/f.txt"); got != "f.txt" {
		t.Errorf("filename fallback %q", got)
	}
}

func flip(b []byte, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 99))
	d := bytes.Clone(b)
	for range 20 {
		d[r.IntN(len(d))] = byte(r.IntN(256))
	}
	return d
}

func junk(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	return b
}

func zipWithout(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("readme.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write([]byte("not a document"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPDFBrokenXrefIsRepaired(t *testing.T) {
	pdf := readFixture(t, "contract.pdf")
	i := bytes.LastIndex(pdf, []byte("startxref"))
	if i < 0 {
		t.Fatal("fixture has no startxref")
	}
	// Point startxref at garbage, as a text-mode transfer or a bad
	// incremental save would.
	broken := append(bytes.Clone(pdf[:i]), []byte("startxref\n17\n%%EOF\n")...)
	if _, err := extractPDFOnce(broken, DefaultLimits(), nil); err == nil {
		t.Fatal("broken xref parsed without repair; the test proves nothing")
	}
	p := mustParse(t, "broken-xref.pdf", broken)
	if p.Meta["repaired"] == "" || !strings.Contains(p.Text, "Northwind Traders Inc.") {
		t.Errorf("not repaired: meta %v text %.80q", p.Meta, p.Text)
	}
}

// A PDF cut short before its page tree and catalog (writers that put
// them last) reads from a page tree rebuilt of the pages left; one that
// lost its header line reads; one with no page left says it was cut short.
func TestPDFCutShort(t *testing.T) {
	pdf := readFixture(t, "contract.pdf")
	i := bytes.LastIndex(pdf, []byte("xref"))
	noCatalog := reCatalog.ReplaceAllFunc(bytes.Clone(pdf[:i]), func(m []byte) []byte { return bytes.Replace(m, []byte("Catalog"), []byte("Xatalog"), 1) })
	noCatalog = reRootRef.ReplaceAll(noCatalog, nil)
	if bytes.Contains(noCatalog, []byte("Catalog")) {
		t.Fatal("the catalog is still there; the test proves nothing")
	}
	p := mustParse(t, "cut.pdf", noCatalog)
	if p.Meta["repaired"] == "" || !strings.Contains(p.Text, "Northwind Traders Inc.") {
		t.Errorf("not repaired: meta %v text %.80q", p.Meta, p.Text)
	}
	noHeader := pdf[bytes.IndexByte(pdf, '\n')+1:]
	if p := mustParse(t, "noheader.pdf", noHeader); !strings.Contains(p.Text, "Northwind Traders Inc.") {
		t.Errorf("without its header: text %.80q", p.Text)
	}
	// told by its objects, not its name (a NATS message, an upload without
	// an extension), and with a comment line whose bytes read as
	// GBK text: such a PDF was read as a text, its title "1 0 obj"
	plain := testpdf.Text("Northwind Traders Inc. leases the warehouse.")
	plain = append([]byte("%\xe2\xe3\xcf\xd3\n"), plain[bytes.IndexByte(plain, '\n')+1:]...)
	for name, data := range map[string][]byte{"noheader": noHeader, "bug.pdf": plain, "message-17": plain} {
		if p := mustParse(t, name, data); p.ContentType != document.TypePDF || !strings.Contains(p.Text, "Northwind Traders Inc.") {
			t.Errorf("%s without its header: %s, title %q, text %.80q", name, p.ContentType, p.Title, p.Text)
		}
	}
	stub := []byte("%PDF-1.4\n1 0 obj\n<< /Length 5 >>\nstream\nhello\nendstream\nendobj\n2 0 obj\n<< /Type /Fon")
	if pe := parsePermanent(t, "stub.pdf", stub); !strings.Contains(pe.Error(), "PDF cut short") {
		t.Errorf("stub.pdf: %v", pe)
	}
}

// Coloured console logs: escape sequences are no text, and with them gone
// the file is a log whose levels read as levels.
func TestANSIColouredLog(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "\x1b[90m2024-03-09T13:00:%02dZ\x1b[0m \x1b[31mERROR\x1b[0m \x1b[36mhttp.server\x1b[0m: request %d failed\x1b]8;;http://x\x07link\x1b]8;;\x07\n", i, i)
	}
	p := mustParse(t, "console.log", []byte(b.String()))
	if !p.IsLog() || strings.ContainsRune(p.Text, 0x1b) || !strings.Contains(p.Text, "2024-03-09T13:00:00Z ERROR http.server: request 0 failedlink") {
		t.Fatalf("log %v, text %q", p.IsLog(), p.Text[:min(len(p.Text), 200)])
	}
}

// A gzip-compressed log or text is read through its compression; a tar
// archive inside is refused with a reason, as is a corrupt stream.
func TestGzipDocuments(t *testing.T) {
	gz := func(data []byte) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write(data)
		w.Close()
		return b.Bytes()
	}
	logData := readFixture(t, "syslog")
	p := mustParse(t, "syslog.1.gz", gz(logData))
	if !p.IsLog() || p.Meta["compression"] != "gzip" || p.ID != document.ID(gz(logData)) {
		t.Fatalf("gzip log: type %s meta %v", p.ContentType, p.Meta)
	}
	p = mustParse(t, "notes.txt.gz", gz([]byte("Meeting notes.\n\nThe supplier will deliver in March.")))
	if p.Title != "Meeting notes." || !strings.Contains(p.Text, "deliver in March") {
		t.Fatalf("gzip text: %q %q", p.Title, p.Text)
	}
	for name, data := range map[string][]byte{
		"backup.tar.gz": gz([]byte("not really a tar")),
		"broken.log.gz": gz(logData)[:40],
		"empty.gz":      gz(nil),
	} {
		_, err := Parse(context.Background(), Input{Filename: name, Data: data}, DefaultLimits())
		if err == nil || !IsPermanent(err) {
			t.Errorf("%s: %v, want a permanent error", name, err)
		}
	}
	lim := DefaultLimits()
	lim.MaxBytes = 1000
	if _, err := Parse(context.Background(), Input{Filename: "bomb.gz", Data: gz(bytes.Repeat([]byte("a"), 5000))}, lim); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("expanding over the limit: %v", err)
	}
}

// bombPDF is a one-page PDF whose compressed content stream shows one
// string of n bytes of words: small on disk, huge as text.
func bombPDF(t *testing.T, n int) []byte {
	word := "lorem ipsum dolor sit amet "
	return flatePDF(t, func(w io.Writer) {
		_, _ = io.WriteString(w, "BT /F1 12 Tf 72 712 Td ("+strings.Repeat(word, n/len(word))+") Tj ET")
	})
}

// A PDF whose text is far over the size limit is cut to the limit while
// it is read (a 1 MB file can hold 450 MB of text, and its glyph runs
// took gigabytes), and says it was.
func TestPDFTextCappedWhileRead(t *testing.T) {
	data := bombPDF(t, 8<<20)
	if len(data) > 200<<10 {
		t.Fatalf("bomb is %d bytes", len(data))
	}
	lim := DefaultLimits()
	lim.MaxBytes = 1 << 20
	p, err := Parse(context.Background(), Input{Filename: "bomb.pdf", Data: data}, lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Text) > 1<<20 || len(p.Text) < 900<<10 || p.Meta["truncated"] == "" || !strings.HasPrefix(p.Text, "lorem ipsum dolor") {
		t.Errorf("text %d bytes, meta %v", len(p.Text), p.Meta)
	}
}

// A page's inherited resources are looked up a bounded number of levels
// up: the library's Page.Resources followed a page that is its own
// /Parent for good, so a 556-byte PDF timed out and its abandoned parse
// kept a core busy. Resources a real ancestor holds are still found.
func TestPDFParentCycleEnds(t *testing.T) {
	const font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	const text = "<< /Length %d >>stream\nBT /F1 12 Tf 72 712 Td (Lease agreement between Acme and Beta.) Tj ET\nendstream"
	lim := DefaultLimits()
	lim.Timeout = 5 * time.Second
	cycle := testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		text,
	)
	_, err := Parse(context.Background(), Input{Filename: "cycle.pdf", Data: cycle}, lim)
	if !IsPermanent(err) || strings.Contains(err.Error(), "timed out") {
		t.Errorf("page that is its own parent: %v", err)
	}
	inherited := testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		text,
		font,
	)
	p, err := Parse(context.Background(), Input{Filename: "inherited.pdf", Data: inherited}, lim)
	if err != nil || p.Text != "Lease agreement between Acme and Beta." {
		t.Errorf("inherited resources: %v %+v", err, p)
	}
}

// A tar archive, under any name, is refused with the reason that says what
// to do (a plain .tar got "unsupported or binary content").
func TestTarArchivesNamed(t *testing.T) {
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	body := []byte("The Supplier shall deliver the goods.")
	if err := tw.WriteHeader(&tar.Header{Name: "terms.txt", Mode: 0o644, Size: int64(len(body))}); err != nil {
		t.Fatal(err)
	}
	tw.Write(body)
	tw.Close()
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(b.Bytes())
	zw.Close()
	for name, data := range map[string][]byte{"contracts.tar": b.Bytes(), "contracts.bin": b.Bytes(), "contracts.gz": z.Bytes()} {
		_, err := Parse(context.Background(), Input{Filename: name, Data: data}, DefaultLimits())
		if err == nil || !IsPermanent(err) || !strings.Contains(err.Error(), "tar archives are not read") {
			t.Errorf("%s: %v, want tar archives named", name, err)
		}
	}
}

// Text in UTF-32 with a BOM is read: its little-endian BOM opens with
// UTF-16's, and it was decoded as UTF-16 full of NULs, "binary content".
func TestUTF32WithBOM(t *testing.T) {
	text := "Lease agreement between Acme and Globex. 合同 The Tenant shall pay the rent."
	for name, order := range map[string]binary.AppendByteOrder{"le.txt": binary.LittleEndian, "be.txt": binary.BigEndian} {
		var b []byte
		for _, r := range "\ufeff" + text {
			b = order.AppendUint32(b, uint32(r))
		}
		p, err := Parse(context.Background(), Input{Filename: name, Data: b}, DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.Text != text || !strings.HasPrefix(p.Encoding, "utf-32") {
			t.Errorf("%s: %q in %s", name, p.Text, p.Encoding)
		}
	}
}

// Russian in Windows-1251 or KOI8-R is read as Cyrillic: it was indexed
// as Windows-1252 mojibake ("Äîãîâîð àðåíäû"). Western text with a few
// accents stays Windows-1252.
func TestCyrillicSingleByte(t *testing.T) {
	ru := "Договор аренды нежилого помещения. Арендатор обязуется вносить арендную плату ежемесячно до пятого числа."
	for _, enc := range []*charmap.Charmap{charmap.Windows1251, charmap.KOI8R} {
		data, err := enc.NewEncoder().String(ru)
		if err != nil {
			t.Fatal(err)
		}
		p := mustParse(t, "dogovor.txt", []byte(data))
		if !strings.Contains(p.Text, "Арендатор обязуется") {
			t.Errorf("%s: %q", enc, p.Text)
		}
	}
	fr, _ := charmap.Windows1252.NewEncoder().String("Le locataire s'engage à payer le loyer chaque mois, à l'échéance prévue, sans délai.")
	if p := mustParse(t, "bail.txt", []byte(fr)); !strings.Contains(p.Text, "à l'échéance prévue") {
		t.Errorf("Windows-1252: %q", p.Text)
	}
}

// A title block's parties, place and date, and a party's address after
// the kind of document are not the title.
func TestTitleTailCut(t *testing.T) {
	for in, want := range map[string]string{
		"MANUFACTURING AND SUPPLY AGREEMENT (DA-9801 Licensed Products) Between DONG-A ST CO., LTD. And NEUROBO": "MANUFACTURING AND SUPPLY AGREEMENT (DA-9801 Licensed Products)",
		"ASIA PACIFIC CABLE NETWORK 2 CONSTRUCTION AND MAINTENANCE AGREEMENT Singapore April 18th, 2000":         "ASIA PACIFIC CABLE NETWORK 2 CONSTRUCTION AND MAINTENANCE AGREEMENT",
		"Strategic Alliance Agreement Intricon Corporation 1260 Red Fox Road Arden Hills":                        "Strategic Alliance Agreement",
		"AMENDMENT NO. 2 TO THE SUPPLY AGREEMENT":                                                                "AMENDMENT NO. 2 TO THE SUPPLY AGREEMENT",
		"Software License Agreement v2":                                                                          "Software License Agreement v2",
	} {
		if got := withoutTitleTail(in); got != want {
			t.Errorf("withoutTitleTail(%q) = %q, want %q", in, got, want)
		}
	}
}

// A letter is titled by its subject, not its letterhead or how it was
// sent; a statutory instrument by its name, not its series or subject
// heading.
func TestLetterAndInstrumentTitles(t *testing.T) {
	for text, want := range map[string]string{
		"Brightline Media Group\n225 West 34th Street\n\nJune 3, 2025\n\nVIA EMAIL AND CERTIFIED MAIL\n\nStellar Print Services, Inc.\n\nRe: Notice of Termination of Printing Services Agreement\n\nDear Mr. Torres:\n\nThis letter constitutes notice.": "Notice of Termination of Printing Services Agreement",
		"Acme Widgets Ltd\n12 High Street\nReading RG1 2AB\n\n14 May 2025\n\nDear Sirs,\n\nTermination of Cleaning Services Agreement\n\nWe write to give notice under clause 12.1.":                                                                      "Termination of Cleaning Services Agreement",
		"Acme Widgets Ltd\n12 High Street\n\nDear Sirs,\n\nWe write to give notice under clause 12.1.\n\nYours faithfully":                                                                                                                                "Acme Widgets Ltd",
		"STATUTORY INSTRUMENTS\n\n2024 No. 512\n\nCONSUMER PROTECTION\n\nThe Consumer Rights (Digital Subscriptions) Regulations 2024\n\nMade 17th April 2024":                                                                                            "The Consumer Rights (Digital Subscriptions) Regulations 2024",
		// a book of statutes' name and its edition are no act's title (QA qa-regs5)
		"THE STATUTES OF THE REPUBLIC OF SINGAPORE\n\nPERSONAL DATA PROTECTION ACT 2012\n\n2020 REVISED EDITION\n\nThis revised edition incorporates all amendments.": "PERSONAL DATA PROTECTION ACT 2012",
		"LAWS OF MALAYSIA\n\nREPRINT\n\nAct 709\n\nPERSONAL DATA PROTECTION ACT 2010":                                                                                 "PERSONAL DATA PROTECTION ACT 2010",
		// a CFR part by its part's heading, not the title it is in (QA qa-regs5)
		"Title 21 — Food and Drugs\nChapter I — Food and Drug Administration, Department of Health and Human Services\nSubchapter A — General\nPART 11 — ELECTRONIC RECORDS; ELECTRONIC SIGNATURES\n\nSubpart A — General Provisions\n\n§ 11.1 Scope.": "PART 11 — ELECTRONIC RECORDS; ELECTRONIC SIGNATURES",
		"Title 45 — Public Welfare\n\nThis volume holds the rules of the Department.": "Title 45 — Public Welfare",
	} {
		if got := fallbackTitle(text, "f.txt"); got != want {
			t.Errorf("title %q, want %q", got, want)
		}
	}
}

// A log that opens with a hole of NUL bytes (logrotate's copytruncate; the
// hole may be longer than the sniffed sample) or has one among its first
// lines is read as a log without the NULs; it was refused as binary. Data
// that is NULs only, an executable and random bytes stay refused.
func TestNULHoleInLog(t *testing.T) {
	var lines strings.Builder
	for i := range 50 {
		fmt.Fprintf(&lines, "2024-05-13 10:00:%02d INFO heartbeat %d from node-%d\n", i, i, i%3)
	}
	log := lines.String()
	for name, data := range map[string]string{
		"lead600.log": strings.Repeat("\x00", 600) + log,
		"lead70k.log": strings.Repeat("\x00", 70000) + log,
		"middle.log":  log[:200] + strings.Repeat("\x00", 20000) + log[200:],
		"utf16be.log": strings.Repeat("\x00", 64) + string(encodeUTF16BE(log)),
	} {
		p, err := Parse(context.Background(), Input{Filename: name, Data: []byte(data)}, DefaultLimits())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if p.ContentType != document.TypeLog || strings.ContainsRune(p.Text, 0) || !strings.HasPrefix(p.Text, "2024-05-13 10:00:00 INFO heartbeat 0") {
			t.Errorf("%s: %s %.80q", name, p.ContentType, p.Text)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rnd := make([]byte, 4096)
	for i := range rnd {
		rnd[i] = byte(rng.Uint32())
	}
	elf := append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 57)...)
	elf = append(elf, rnd...)
	for name, data := range map[string][]byte{
		"zeros.log":  make([]byte, 100000),
		"prog":       elf,
		"random.log": append(make([]byte, 1000), rnd...),
	} {
		if _, err := Parse(context.Background(), Input{Filename: name, Data: data}, DefaultLimits()); err == nil || !IsPermanent(err) {
			t.Errorf("%s: %v, want refused", name, err)
		}
	}
}

// encodeUTF16BE encodes s as UTF-16 big-endian without a BOM.
func encodeUTF16BE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.BigEndian.AppendUint16(b, u)
	}
	return b
}

// TestUKAgreementTitle: a UK or Irish agreement's structural headings are
// no titles, and a preamble that dates it is titled by its kind.
func TestUKAgreementTitle(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"THIS AGREEMENT is dated 1st March 2024\n\nPARTIES\n\n(1) ACME LIMITED\n\n(2) BETA LIMITED\n\nBACKGROUND\n\n(A) The Supplier.\n\nAGREED TERMS\n\n1. INTERPRETATION The definitions apply.", "AGREEMENT"},
		{"THIS AGREEMENT is dated 1st March 2024\n\nBETWEEN\n\n(1) ACME LIMITED\n\nRECITALS\n\n(A) x\n\nOPERATIVE PROVISIONS\n\n1. x", "AGREEMENT"},
		{"This Agreement is dated 1st March 2024\n\nBETWEEN:\n\n(1) Acme Limited\n\nWHEREAS\n\n(A) x", "Agreement"},
		{"THIS DEED OF LEASE is made the 2nd day of October 2021\n\nBETWEEN\n\n(1) ACME\n\nNOW THIS DEED WITNESSES\n\n1. x", "DEED OF LEASE"},
		{"CONSULTANCY AGREEMENT\n\nTHIS AGREEMENT is dated 1st March 2024\n\nPARTIES\n\n(1) x\n\nAGREED TERMS", "CONSULTANCY AGREEMENT"},
	} {
		if got := fallbackTitle(tc.text, "f.txt"); got != tc.want {
			t.Errorf("%.40q: title %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A NUL byte inside a word is an artifact of the file: read as a space it
// split "Schedule" into the key phrase "Sched ule". Between words, or
// beside punctuation, it still separates.
func TestNULInsideWordDropped(t *testing.T) {
	for in, want := range map[string]string{
		"Sched\x00ule A\x00\x00 applies": "Schedule A applies",
		"Fee\x00\x00:\x00100 USD":        "Fee : 100 USD",
		"\x00Lease\x00":                  "Lease",
		"租\x00金":                         "租金",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
	p, err := Parse(t.Context(), Input{Filename: "memo.txt", Data: []byte("Payment Sched\x00ule\n\nThe Sched\x00ule lists every instalment.")}, DefaultLimits())
	if err != nil || !strings.Contains(p.Text, "The Schedule lists") {
		t.Errorf("parsed %v: %q", err, p.Text)
	}
}
