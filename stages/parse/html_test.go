package parse

import (
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// HTML as Word and content systems save it: table cells holding
// paragraphs keep to their row's line, indentation between rows and list
// items makes no blank lines, inline styles that hide an element hide its
// text, and inline markup inside a heading adds no space to the title.
func TestHTMLLayoutAsShown(t *testing.T) {
	page := `<html><head><title></title></head><body>
<h1>Data<b>Mill</b> User Gu<span>ide</span></h1>
<table>
  <tr>
    <td><p class=MsoNormal>Service</p></td>
    <td><p>Monthly fee</p></td>
  </tr>
  <tr>
    <td><p>Hosting</p></td>
    <td><div>EUR 200</div></td>
  </tr>
</table>
<ul>
  <li>alpha</li>
  <li>beta</li>
</ul>
<p style="display: none">HIDDEN BY DISPLAY</p>
<p>Shown <span style="mso-hide:all">WORD HIDDEN</span>text, <span style="color:red; visibility:hidden !important">INVISIBLE</span>kept.</p>
<p>Line one<br><br>after a blank line</p>
</body></html>`
	p := mustParse(t, "page.html", []byte(page))
	want := "DataMill User Guide\n\nService | Monthly fee\nHosting | EUR 200\n\n- alpha\n- beta\n\nShown text, kept.\n\nLine one\n\nafter a blank line"
	if p.Text != want || p.Title != "DataMill User Guide" {
		t.Errorf("text %q\nwant %q\ntitle %q", p.Text, want, p.Title)
	}
}

// Markdown: code spans are literal, and text in angle brackets that is no
// HTML tag (a placeholder) stays; real tags go.
func TestMarkdownAngleBracketsAndCode(t *testing.T) {
	md := "# API Notes\n\nCall `getItems(): List<Item>` with `a_b_c`. Use <b>bold</b> and the `<br>` tag.\n\nFill in <Customer Name> and <Start Date> before signing.\n"
	p := mustParse(t, "notes.md", []byte(md))
	want := "API Notes\n\nCall getItems(): List<Item> with a_b_c. Use bold and the <br> tag.\n\nFill in <Customer Name> and <Start Date> before signing."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// Prose in angle brackets that opens with an element name ("<b and c>")
// is no tag; tags with attributes, bare boolean ones included, are.
func TestMarkdownProseInAngleBrackets(t *testing.T) {
	md := "Pick <b and c> or <i or j>. See <a href=\"https://x.example\">the site</a>, " +
		"<span class=note data-x='1'>noted</span>, <details open>more</details> and <img src=\"a.png\" alt=\"\"/>.\n"
	p := mustParse(t, "notes.md", []byte(md))
	want := "Pick <b and c> or <i or j>. See the site, noted, more and ."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// Pages nested deeper than html.Parse accepts (512 open elements) are read
// from the token stream with the same rules: hidden and navigation
// elements left out, cells " | " separated, list items "- " lines.
func TestHTMLTooDeepForTheTree(t *testing.T) {
	deep := strings.Repeat("<div>", 600)
	page := `<html><body><nav>MENU Home</nav>` + deep + `<p>Fees</p><div hidden>HIDDENATTR</div>` +
		`<span aria-hidden="true">ARIAHIDDEN</span><p style="display:none">STYLED</p>` +
		`<table><tr><td>Name</td><td>Value</td></tr><tr><td>Fee</td><td>10</td></tr></table>` +
		`<ul><li>one</li><li>two<br></li></ul>` + strings.Repeat("</div>", 600) + `</body></html>`
	p := mustParse(t, "deep.html", []byte(page))
	if want := "Fees\n\nName | Value\nFee | 10\n\n- one\n- two"; p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A page saved from SharePoint's Pages library is titled by the library
// and its file name ("Pages - Records-Retention-Policy"): the text it
// opens with, its <h2> here, is its title, as for a page with no <title>.
func TestHTMLSharePointPageTitle(t *testing.T) {
	for title, want := range map[string]string{
		"Pages - Records-Retention-Policy": "Records Retention Policy",
		"SitePages - Retention.aspx":       "Records Retention Policy",
		"Retention policy | Intranet":      "Retention policy", // the site's name names no page
	} {
		page := `<html><head><title>` + title + `</title></head><body><div class="ms-rtestate-field"><h2>Records Retention Policy</h2>` +
			`<p>Owner: Information Governance. Version 3.1, approved 4 March 2025.</p><h3>1 Purpose</h3><p>This policy sets out how long we keep records.</p></div></body></html>`
		if p := mustParse(t, "policy.html", []byte(page)); p.Title != want {
			t.Errorf("%q: title %q, want %q", title, p.Title, want)
		}
	}
}

// The fallback reader, for markup too deep for the tree, writes lists,
// definition lists and tables as the tree walker does: it wrote every
// item "- " (a policy's "3.2" cited nothing), a term and its definition
// on lines of their own, and a rowspan cell in its first row only.
func TestHTMLStreamListsTermsAndSpansAsTheTree(t *testing.T) {
	body := `<ol><li>Scope<ol><li>Paper.</li><li>Electronic.</ol><li>Retention` +
		`<ol type="a" start="3"><li>Finance.<li value="7">Personnel.</ol></ol>` +
		`<ol type="i" reversed><li>three</li><li>two<ul><li>aside</li></ul></li><li>one</li></ol>` +
		`<dl>
  <dt>Record</dt>
  <dd>information kept as evidence.</dd>
  <dt><b>Disposal:</b></dt><dd>destruction or transfer.</dd><dd>or review.</dd>
  <dt>Orphan term</dt></dl><p>After.</p>` +
		`<table><tr><th>Class</th><th>Item</th><th>Period</th></tr>` +
		`<tr><td rowspan="3">Finance</td><td>Invoices<td rowspan="2">7 years` +
		`<tr><td>Ledgers</td></tr><tr><td colspan="2">Payroll</td></tr><tr><td>HR</td><td>Files</td><td>6 years</td></tr></table>` +
		`<ul><li hidden>gone</li><li>kept</li></ul>`
	want := "1. Scope\n\n1.1. Paper.\n1.2. Electronic.\n\n2. Retention\n\nc. Finance.\ng. Personnel.\n\n" +
		"iii. three\nii. two\n\n  - aside\n\ni. one\n\n" +
		"Record: information kept as evidence.\nDisposal: destruction or transfer.\nor review.\nOrphan term\n\nAfter.\n\n" +
		"Class | Item | Period\nFinance | Invoices | 7 years\nFinance | Ledgers | 7 years\nFinance | Payroll\nHR | Files | 6 years\n\n- kept"
	page := `<html><body>` + body + `</body></html>`
	if tree := mustParse(t, "shallow.html", []byte(page)); tree.Text != want {
		t.Fatalf("tree reader %q\nwant %q", tree.Text, want)
	}
	deep := `<html><body>` + strings.Repeat("<div>", 600) + body + strings.Repeat("</div>", 600) + `</body></html>`
	if p := mustParse(t, "deep.html", []byte(deep)); p.Text != want {
		t.Errorf("fallback reader %q\nwant %q", p.Text, want)
	}
}

// A stray end tag costs no scan of the open elements: 2 million <div>
// and as many </p> (22 KB gzipped) kept a core busy for hours after the
// parse had timed out, one scan of every open element per end tag.
func TestHTMLStrayEndTagsLinear(t *testing.T) {
	const n = 200000
	page := "<html><body><p>Opening words.</p>" + strings.Repeat("<div>", n) + "<p>Closing words." + strings.Repeat("</b>", n) + "</body></html>"
	lim := DefaultLimits()
	lim.Timeout = 5 * time.Second
	p, err := Parse(context.Background(), Input{Filename: "stray.html", Data: []byte(page)}, lim)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Opening words.\n\nClosing words."; p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A link whose target holds parentheses keeps only its text, a
// footnote's definition keeps its text and its marks go, and a raw
// script or style block is no text.
func TestMarkdownLinksFootnotesAndRawBlocks(t *testing.T) {
	md := "# Notice\n\nThis notice follows the [GDPR](https://en.wikipedia.org/wiki/GDPR_(EU)) and the CCPA.[^1]\n\n" +
		"<script>\nalert(8)\n</script>\n<style>p { color: red }</style>\n\n[^1]: The footnote text.\n"
	p := mustParse(t, "notice.md", []byte(md))
	want := "Notice\n\nThis notice follows the GDPR and the CCPA.\n\nThe footnote text."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A page that declares UTF-8 in a meta tag and is GBK is read as what its
// bytes are: decoded as declared it was all replacement characters and
// dead-lettered as binary.
func TestHTMLDeclaredUTF8ButGBK(t *testing.T) {
	page := "<html><head><meta charset=\"utf-8\"><title>租赁合同</title></head><body><p>出租方：北京华夏置业有限公司。承租方：张伟。租赁期限为三年，自2024年3月1日起至2027年2月28日止。</p></body></html>"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	p := mustParse(t, "lease.html", []byte(gbk))
	if !strings.Contains(p.Text, "租赁期限为三年") || p.Title != "租赁合同" {
		t.Errorf("title %q text %q", p.Title, p.Text)
	}
	// a UTF-8 page with one stray byte stays UTF-8
	stray := strings.Replace(page, "张伟", "张伟\xff", 1)
	if p := mustParse(t, "stray.html", []byte(stray)); !strings.Contains(p.Text, "北京华夏置业有限公司") {
		t.Errorf("UTF-8 with a stray byte: %q", p.Text)
	}
}

// A <title> that is the <h1> with the site's name beside it gives way to
// the <h1>; another <title> stays.
func TestPageTitle(t *testing.T) {
	for _, c := range []struct{ title, h1, want string }{
		{"Privacy Policy | Acme Cloud", "Privacy Policy", "Privacy Policy"},
		{"TechLaw Blog – The 5 biggest GDPR fines of 2023", "The 5 biggest GDPR fines of 2023", "The 5 biggest GDPR fines of 2023"},
		{"", "Terms", "Terms"},
		{"Terms of Service", "Terms", "Terms of Service"},
		{"Master Agreement", "Welcome", "Master Agreement"},
		// a Chinese heading is one run of characters, not one word
		{"数据保护政策 - 公司内网", "数据保护政策", "数据保护政策"},
		{"隐私政策_星河科技", "隐私政策", "隐私政策"},
		{"用户协议｜星河科技", "用户协议", "用户协议"},
		{"星河科技 - 条款", "条款", "星河科技 - 条款"},
		// Word's <title> for a page it saved names the file
		{"Microsoft Word - NDA_v3_final.docx", "Mutual Non-Disclosure Agreement", "Mutual Non-Disclosure Agreement"},
		{"Document1", "", ""},
		// a <title> the heading says more than
		{"Public Notice", "Public Notice of Annual General Meeting", "Public Notice of Annual General Meeting"},
		{"通知", "关于调整账户服务收费标准的通知", "关于调整账户服务收费标准的通知"},
		{"Notice", "Noticeboard rules for tenants", "Notice"},
		// a <title> that only names the site and its section
		{"Intranet - Records", "Records Retention Policy", "Records Retention Policy"},
		{"Records | Intranet", "Records Retention Policy", "Records Retention Policy"},
		{"Acme Intranet – HR", "Annual HR Leave Policy", "Annual HR Leave Policy"},
		{"公司内网 - 档案", "档案保管制度", "档案保管制度"},
		{"Home > Intranet > Records", "Records Retention Policy", "Records Retention Policy"},
		// ...whatever the separator, when the <h1> shares no word with them
		{"Records | Acme Intranet", "Retention schedule", "Retention schedule"},
		{"Records - Acme Intranet", "Retention schedule", "Retention schedule"},
		{"Records · Acme Intranet", "Retention schedule", "Retention schedule"},
		{"Records — Acme Intranet", "Retention schedule", "Retention schedule"},
		{"Records :: Acme Intranet", "Retention schedule", "Retention schedule"},
		{"Acme Intranet | HR", "Annual leave entitlement", "Annual leave entitlement"},
		{"制度文件 | 星河科技内网", "档案管理办法", "档案管理办法"},
		{"人力资源 - 星河科技门户", "员工休假管理规定", "员工休假管理规定"},
		// the <h1> between the site's and the section's names
		{"Acme | Records Retention Policy | Intranet", "Records Retention Policy", "Records Retention Policy"},
		{"Intranet – 档案保管制度 – 档案室", "档案保管制度", "档案保管制度"},
		// ...but a <title> that names the page keeps it
		{"Retention Policy - Intranet", "Records Retention Policy", "Retention Policy - Intranet"},
		{"Intranet - Records", "Welcome to the intranet", "Intranet - Records"},
		{"Records - Intranet", "Records", "Records - Intranet"},
		{"Privacy Policy | Acme", "Privacy Policy", "Privacy Policy"},
		{"Privacy Policy | Acme", "Information we collect", "Privacy Policy | Acme"},
		{"Records | Acme Intranet", "Table of contents", "Records | Acme Intranet"},
		{"Records | Acme Intranet", "Welcome to Acme", "Records | Acme Intranet"},
		{"Expenses | Acme Intranet", "Claiming expenses", "Expenses | Acme Intranet"},
		{"Records Retention Schedule | Acme Intranet", "Finance records", "Records Retention Schedule | Acme Intranet"},
		{"档案管理办法 | 星河科技内网", "第一章 总则", "档案管理办法 | 星河科技内网"},
		{"档案管理 | 星河科技内网", "档案管理办法实施细则", "档案管理办法实施细则"},
		{"制度文件 | 星河科技", "档案管理办法", "制度文件 | 星河科技"},
		{"Non-Disclosure Agreement", "Non-Disclosure Agreement Template", "Non-Disclosure Agreement Template"},
		{"Records Retention Policy - Acme", "Records Retention Policy 2026 Update", "Records Retention Policy 2026 Update"},
		{"Acme - Records Retention Schedule for All Departments", "Records Management", "Acme - Records Retention Schedule for All Departments"},
	} {
		if got := pageTitle(c.title, c.h1); got != c.want {
			t.Errorf("pageTitle(%q, %q) = %q, want %q", c.title, c.h1, got, c.want)
		}
	}
	p := mustParse(t, "p.html", []byte("<html><head><title>Privacy Policy | Acme Cloud</title></head><body><h1>Privacy Policy</h1><p>We collect your e-mail address to send receipts.</p></body></html>"))
	if p.Title != "Privacy Policy" {
		t.Errorf("title %q", p.Title)
	}
	p = mustParse(t, "r.html", []byte("<html><head><title>Records | Acme Intranet</title></head><body><h1>Retention schedule</h1><p>Finance records are kept for seven years.</p></body></html>"))
	if p.Title != "Retention schedule" {
		t.Errorf("section page: title %q", p.Title)
	}
	p = mustParse(t, "nda.htm", []byte("<html><head><title>Microsoft Word - NDA_v3_final.docx</title></head><body><p class=MsoTitle>MUTUAL NON-DISCLOSURE AGREEMENT</p><p>This Agreement is made on 3 June 2024.</p></body></html>"))
	if p.Title != "MUTUAL NON-DISCLOSURE AGREEMENT" {
		t.Errorf("Word page: title %q", p.Title)
	}
}

// A no-break space beside an inline element parts words as it does
// between them: "<b>$4.2</b>&nbsp;million" is "$4.2 million", in a page,
// in markup only the token stream reads, and in an HTML e-mail.
func TestHTMLNoBreakSpaceAfterInline(t *testing.T) {
	const body = `<p>A <b>$4.2</b>&nbsp;million.</p><p>D <b>x</b>&#160;y</p><p>G <a href="#">link</a>&nbsp;after</p><p>H before&nbsp;<i>it</i></p>`
	want := "A $4.2 million.\n\nD x y\n\nG link after\n\nH before it"
	if got := mustParse(t, "nbsp.html", []byte("<html><body>"+body+"</body></html>")).Text; got != want {
		t.Errorf("page: %q, want %q", got, want)
	}
	if got := extractHTMLStream(body).text; got != want {
		t.Errorf("stream: %q, want %q", got, want)
	}
	mail := "From: a@example.com\r\nTo: b@example.com\r\nSubject: policy\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Please find the <b>policy</b>&nbsp;attached.</p>\r\n"
	if got := mustParse(t, "m.eml", []byte(mail)).Text; !strings.Contains(got, "policy attached.") {
		t.Errorf("e-mail: %q", got)
	}
}

// Preformatted text keeps its line breaks and indentation, in the tree and
// in the token stream: a policy's script or a configuration excerpt is
// read as written, not as "server: port: 8080 tls: enabled: true". A
// table cell's <pre> keeps to its row's line.
func TestHTMLPreformattedKeepsIndentation(t *testing.T) {
	body := "<p>Config:</p><pre><code>server:\n  port: 8080\n\ttls: on   \n\n\n  end</code></pre>" +
		"<div style=\"white-space: pre\">a    b\n  c</div>" +
		"<table><tr><td>Example</td><td><pre>one\n  two</pre></td></tr></table><p>After   the   block.</p>"
	want := "Config:\n\nserver:\n  port: 8080\n        tls: on\n\n  end\n\na    b\n  c\n\nExample | one two\n\nAfter the block."
	p := mustParse(t, "pre.html", []byte("<html><body>"+body+"</body></html>"))
	if p.Text != want {
		t.Errorf("tree: text %q\nwant %q", p.Text, want)
	}
	// the stream reads <pre> alone, not a style's white-space
	deep := strings.Repeat("<div>", 600)
	page := "<html><body>" + deep + "<p>Config:</p><pre>server:\n  port: 8080\n</pre><p>After   it.</p>" + strings.Repeat("</div>", 600) + "</body></html>"
	p = mustParse(t, "deep.html", []byte(page))
	if want := "Config:\n\nserver:\n  port: 8080\n\nAfter it."; p.Text != want {
		t.Errorf("stream: text %q\nwant %q", p.Text, want)
	}
}

// A page laid out with a table (banner row, menu column, content column,
// as old intranets are) reads as the page, not as one " | " row holding
// the menu and the whole policy; its menu and banner, mostly links, are
// left out, and a data table inside the content column is still rows. A
// data table whose cells hold short paragraphs stays a table.
func TestHTMLLayoutTable(t *testing.T) {
	page := `<html><body><table width="100%"><tr><td colspan="2"><img src="logo.gif" alt="Acme"> <a href="/">Intranet home</a></td></tr>
<tr><td width="180"><a href="/hr">HR</a><br><a href="/it">IT</a><br><a href="/finance">Finance</a></td>
<td><h1>Travel Policy</h1><p>Employees must book all business travel through the approved agency.</p>
<table border="1"><tr><th>Item</th><th>Limit</th></tr><tr><td>Meals</td><td><p>EUR 50</p><p>per day</p></td></tr></table>
<p>Claims must be submitted within 30 days of return.</p></td></tr></table>
<table><tr><td><p>Effective Date</p></td><td><p>1 March 2026</p><p>(or signature)</p></td></tr></table></body></html>`
	p := mustParse(t, "layout.html", []byte(page))
	want := "Travel Policy\n\nEmployees must book all business travel through the approved agency.\n\nItem | Limit\nMeals | EUR 50 per day\n\n" +
		"Claims must be submitted within 30 days of return.\n\nEffective Date | 1 March 2026 (or signature)"
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// An ordered list's items carry their numbers as a browser shows them (a
// policy's clauses are cited by them): start, type, value and reversed
// are read, a nested list counts on its own, and a <ul>'s items are
// bullets.
func TestHTMLOrderedListNumbers(t *testing.T) {
	page := `<html><body><p>Employees must:</p><ol><li>act with integrity;</li><li>avoid conflicts, including:` +
		`<ol type="a"><li>outside work;</li><li>gifts;</li></ol></li><li>report breaches.</li></ol>` +
		`<ol start="4"><li>Managers enforce it.</li><li value="9">Ninth.</li><li>Tenth.</li></ol>` +
		`<ol type="i" reversed><li>three</li><li>two</li><li>one</li></ol><ul><li>bullet</li></ul></body></html>`
	p := mustParse(t, "ol.html", []byte(page))
	want := "Employees must:\n\n1. act with integrity;\n2. avoid conflicts, including:\n\na. outside work;\nb. gifts;\n\n3. report breaches.\n\n" +
		"4. Managers enforce it.\n9. Ninth.\n10. Tenth.\n\niii. three\nii. two\ni. one\n\n- bullet"
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// An <ol> nested in an <ol> of the same style numbers its items under
// their parent's ("2.1."), as a policy cites them: read flat, "1. 2. 3."
// of the inner list looked like the outer list starting over. A list of
// another style (letters, a bulleted list) keeps its own numbers, and a
// list left directly inside another counts under its last item.
func TestHTMLNestedOrderedListsKeepTheirLevel(t *testing.T) {
	page := `<html><body><ol>
<li>Scope<ol><li>Paper records.</li><li>Electronic records.</li></ol></li>
<li>Retention<ol start="3"><li>Financial: seven years.<ol><li>Invoices.</li></ol></li><li>Personnel: six years.</li></ol></li>
<li>Disposal<ul><li>Shred paper.<ol><li>Cross-cut.</li></ol></li></ul><ol type="a"><li>Wipe disks.</li></ol></li>
<ol><li>Stray.</li></ol>
</ol></body></html>`
	p := mustParse(t, "retention.html", []byte(page))
	want := "1. Scope\n\n1.1. Paper records.\n1.2. Electronic records.\n\n" +
		"2. Retention\n\n2.3. Financial: seven years.\n\n2.3.1. Invoices.\n\n2.4. Personnel: six years.\n\n" +
		"3. Disposal\n\n  - Shred paper.\n\n    1. Cross-cut.\n\na. Wipe disks.\n\n3.1. Stray."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A content system wraps each list item's text in <p> or <div> and nests
// lists three and four deep inside divs: each number stays on its item's
// line, and the levels keep their own counters.
func TestHTMLNestedListItemsInBlocks(t *testing.T) {
	page := `<html><body><div class="policy"><ol>
<li>
  <div class="item"><p>Users must not share passwords.</p></div>
  <div class="sub"><ol type="a">
    <li><p>Passwords are changed every 90 days.</p>
      <div><ol type="i">
        <li><div><span>Administrators use hardware keys.</span></div></li>
        <li><div>Service accounts are reviewed monthly.</div>
          <div><ol><li><p>Reviews are logged.</p></li></ol></div></li>
      </ol></div>
    </li>
    <li><p>Lost devices are reported within 24 hours.</p></li>
  </ol></div>
</li>
<li><p>Breaches are reported to the Security Officer.</p></li>
</ol></div></body></html>`
	p := mustParse(t, "policy.html", []byte(page))
	want := "1. Users must not share passwords.\n\na. Passwords are changed every 90 days.\n\n" +
		"i. Administrators use hardware keys.\nii. Service accounts are reviewed monthly.\n\n1. Reviews are logged.\n\n" +
		"b. Lost devices are reported within 24 hours.\n\n2. Breaches are reported to the Security Officer."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A definition list reads "Term: definition", one line each, as a
// contract's definitions do; a term that ends in a colon gets no second
// one, a second definition of a term is a line of its own, and a
// definition in paragraphs keeps to its term's line.
func TestHTMLDefinitionListTermAndDefinition(t *testing.T) {
	page := `<html><body><p>In this Agreement:</p>
<dl>
  <dt>Affiliate</dt>
  <dd>any entity under common control with a party.</dd>
  <dt><b>Effective Date:</b></dt><dd>1 March 2024.</dd>
  <dt>Services</dt><dd><p>the work in Schedule A;</p></dd><dd>the support in Schedule B.</dd>
  <dt>保密信息</dt><dd>一方披露的非公开信息。</dd>
</dl><p>Headings are for convenience only.</p></body></html>`
	p := mustParse(t, "defs.html", []byte(page))
	want := "In this Agreement:\n\nAffiliate: any entity under common control with a party.\nEffective Date: 1 March 2024.\n" +
		"Services: the work in Schedule A;\n\nthe support in Schedule B.\n保密信息: 一方披露的非公开信息。\n\nHeadings are for convenience only."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A cell with rowspan stands in each row it spans, in its column, so each
// row reads on its own as the browser draws it: "Premium | USD 250" under
// a rowspan "Hosting" read as a service called Premium. A cell with
// colspan is read once and moves the columns after it.
func TestHTMLRowspanCellsInEachRow(t *testing.T) {
	page := `<html><body><table>
<tr><th colspan="3">Schedule 2 - Fees</th></tr>
<tr><th>Service</th><th>Tier</th><th>Monthly fee</th></tr>
<tr><td rowspan="2">Hosting</td><td>Basic</td><td>USD 100</td></tr>
<tr><td>Premium</td><td>USD 250</td></tr>
<tr><td colspan="2">Support, all tiers</td><td rowspan="3">USD 40</td></tr>
<tr><td>Training</td><td>Online</td></tr>
<tr><td>Audit</td></tr>
</table></body></html>`
	p := mustParse(t, "fees.html", []byte(page))
	want := "Schedule 2 - Fees\nService | Tier | Monthly fee\nHosting | Basic | USD 100\nHosting | Premium | USD 250\n" +
		"Support, all tiers | USD 40\nTraining | Online | USD 40\nAudit | USD 40"
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A form saved from Word as a web page opens with its banner row, a logo,
// the title and a form number, under a <title> that names the file: the
// title is that cell, not the row; a row of field names is skipped for
// the line after it.
func TestHTMLFormTitleInFirstTableRow(t *testing.T) {
	page := `<html><head><title>Microsoft Word - expense_form_v4.docx</title></head><body>
<table border=1><tr><td><p class=MsoNormal><img src="logo.png"></p></td><td><p class=MsoNormal><b>EXPENSE CLAIM FORM</b></p></td><td><p>Form FIN-12</p></td></tr>
<tr><td><p>Employee name</p></td><td colspan=2><p>John Carter</p></td></tr></table>
<p>I certify that these expenses were incurred for business.</p></body></html>`
	if p := mustParse(t, "form.htm", []byte(page)); p.Title != "EXPENSE CLAIM FORM" {
		t.Errorf("title %q", p.Title)
	}
	rates := `<html><body><table><tr><th>Service</th><th>Monthly fee</th></tr><tr><td>Hosting</td><td>USD 100</td></tr></table>
<p>Rates for 2025 and how they are billed</p></body></html>`
	if p := mustParse(t, "rates.html", []byte(rates)); p.Title != "Rates for 2025 and how they are billed" {
		t.Errorf("title %q", p.Title)
	}
}

// The fallback reader keeps a cell's paragraphs, line breaks and lists on
// its row's line, as the tree walker does: a CMS wraps each cell's text in
// <p>, and a break there split "Invoices | 7 years" into lines that read
// as rows of their own.
func TestHTMLStreamCellBlocksStayInTheRow(t *testing.T) {
	deep := strings.Repeat("<div>", 600)
	page := `<html><body>` + deep + `<table><tr><th><p>Record</p></th><th><p>Retention</p></th></tr>` +
		`<tr><td><p>Invoices</p></td><td><p>7 years</p><p>after the financial year</p></td></tr>` +
		`<tr><td><div>Contracts</div></td><td>10 years<br>after expiry<ul><li>signed copy</li></ul></td></tr></table>` +
		`<p>Destroy securely.</p>` + strings.Repeat("</div>", 600) + `</body></html>`
	p := mustParse(t, "deep-table.html", []byte(page))
	want := "Record | Retention\nInvoices | 7 years after the financial year\nContracts | 10 years after expiry signed copy\n\nDestroy securely."
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
	// the tree reads the same table, less deep, alike
	tree := mustParse(t, "table.html", []byte(strings.ReplaceAll(strings.ReplaceAll(page, deep, ""), strings.Repeat("</div>", 600), "")))
	if tree.Text != want {
		t.Errorf("tree text %q\nwant %q", tree.Text, want)
	}
}

// A <ul> nested in a list keeps its level: its bullets are indented two
// spaces a level, as Markdown nests them. Read flat, "Invoices" under
// "Paper records" read as one more kind of record beside it. The fallback
// reader, for markup too deep for the tree, writes them alike.
func TestHTMLNestedBulletsKeepTheirLevel(t *testing.T) {
	body := `<ul><li>Paper records<ul><li>Invoices</li><li>Signed contracts</li></ul></li>` +
		`<li>Electronic records<ul><li>Email</li><li>Shared drives<ul><li>Finance share</li></ul></li></ul></li>` +
		`<li>Microfilm</li></ul><ol><li>Scope<ul><li>All staff</li></ul></li></ol>`
	want := "- Paper records\n\n  - Invoices\n  - Signed contracts\n\n- Electronic records\n\n  - Email\n  - Shared drives\n\n    - Finance share\n\n- Microfilm\n\n" +
		"1. Scope\n\n  - All staff"
	deep := strings.Repeat("<div>", 600)
	for name, page := range map[string]string{
		"tree.html":   `<html><body>` + body + `</body></html>`,
		"stream.html": `<html><body>` + deep + body + strings.Repeat("</div>", 600) + `</body></html>`,
	} {
		if p := mustParse(t, name, []byte(page)); p.Text != want {
			t.Errorf("%s: text %q\nwant %q", name, p.Text, want)
		}
	}
}

// A page with no <title> or <h1> that opens with a sentence is titled by
// its first <h2> or paragraph set wholly in bold, not by its file's name;
// a bold label or a bold word in a sentence is no title.
func TestHTMLBoldHeadingTitle(t *testing.T) {
	sentence := `<p>The Records Management team reviewed the retention schedule for all departmental shared drives during the second quarter.</p>`
	for name, c := range map[string]struct {
		body, want string
	}{
		"review.html": {sentence + `<p><b>Retention Schedule Review 2026</b></p><p>Each department confirmed its owners.</p>`, "Retention Schedule Review 2026"},
		"styled.html": {sentence + `<div style="font-weight: 700">Shared Drive Audit</div>`, "Shared Drive Audit"},
		"h2.html":     {sentence + `<h2>Findings by department</h2><p>Finance kept its records.</p>`, "Findings by department"},
		"label.html":  {sentence + `<p><strong>Note:</strong></p><p><b>Owners</b> were confirmed by each department.</p><table><tr><td><b>Owner list</b></td></tr></table>`, "label.html"},
	} {
		if p := mustParse(t, name, []byte(`<html><body>`+c.body+`</body></html>`)); p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A page Word saved as HTML writes a bulleted list as paragraphs whose
// style names the item's level (mso-list) and whose first span holds the
// bullet in a symbol font: "·" and "o" read as text and the levels flat.
// Its items read as a nested <ul>'s do; a numbered item keeps its number.
func TestHTMLWordListParagraphs(t *testing.T) {
	item := func(level, mark, text string) string {
		return `<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level` + level + ` lfo1'><![if !supportLists]><span style='font-family:Symbol'>` +
			mark + `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>` + text + `</p>`
	}
	page := `<html><body><div class=WordSection1><p class=MsoNormal>Records are disposed of as follows.</p>` +
		item("1", "·", "Paper records") + item("2", "o", "Shredded on site.") + item("3", "§", "Certificate kept.") +
		item("1", "·", "Electronic records") + item("1", "1.", "Numbered step") + `</div></body></html>`
	p := mustParse(t, "disposal.htm", []byte(page))
	want := "Records are disposed of as follows.\n\n- Paper records\n\n  - Shredded on site.\n\n    - Certificate kept.\n\n- Electronic records\n\n1. Numbered step"
	if p.Text != want {
		t.Errorf("text %q\nwant %q", p.Text, want)
	}
}

// A numbered list nested under a bullet is indented as a bullet of its
// level would be: "1." at the start of a line under "  - " read as the
// outer list starting over. The fallback reader writes it alike.
func TestHTMLNumberedUnderBulletIndented(t *testing.T) {
	body := `<ul><li>Destroy paper records:<ol><li>Shred on site.</li><li>Keep the certificate.</li></ol></li><li>Wipe disks.</li></ul>`
	want := "- Destroy paper records:\n\n  1. Shred on site.\n  2. Keep the certificate.\n\n- Wipe disks."
	deep := strings.Repeat("<div>", 600)
	for name, page := range map[string]string{
		"tree.html":   `<html><body>` + body + `</body></html>`,
		"stream.html": `<html><body>` + deep + body + strings.Repeat("</div>", 600) + `</body></html>`,
	} {
		if p := mustParse(t, name, []byte(page)); p.Text != want {
			t.Errorf("%s: text %q\nwant %q", name, p.Text, want)
		}
	}
}

// A <title> that names only the site ("Acme Intranet"), set on every page
// by its template, gives way to the page's heading, an <h1> or a bold
// paragraph; a page with no heading keeps it, as a <title> naming more
// than the site does.
func TestHTMLSiteOnlyTitle(t *testing.T) {
	for name, c := range map[string]struct{ title, body, want string }{
		"bold.html":    {"Acme Intranet", `<p><strong>Annual Leave Procedure</strong></p><p>Full-time employees receive 25 days of annual leave.</p>`, "Annual Leave Procedure"},
		"h1.html":      {"HR Portal", `<h1>Annual leave</h1><p>Full-time employees receive 25 days of annual leave.</p>`, "Annual leave"},
		"none.html":    {"Acme Intranet", `<p>Full-time employees receive 25 days of annual leave.</p>`, "Acme Intranet"},
		"home.html":    {"Acme Intranet - Home", `<p><strong>Annual Leave Procedure</strong></p><p>Full-time employees receive 25 days of annual leave.</p>`, "Annual Leave Procedure"},
		"portal.html":  {"Home | HR Portal", `<h1>Annual leave</h1><p>Full-time employees receive 25 days of annual leave.</p>`, "Annual leave"},
		"section.html": {"Leave | HR Portal", `<p><strong>Annual Leave Procedure</strong></p><p>Full-time employees receive 25 days of annual leave.</p>`, "Annual Leave Procedure"},
		"terms.html":   {"Customer Portal Terms of Use", `<p><strong>Annual Leave Procedure</strong></p><p>Full-time employees receive 25 days of annual leave.</p>`, "Customer Portal Terms of Use"},
		"welcome.html": {"Acme Intranet", `<h1>Welcome</h1><p>News and tools for Acme staff.</p>`, "Acme Intranet"},
		"greet.html":   {"Acme Intranet", `<h1>Welcome to the Acme intranet</h1><p>News and tools for Acme staff.</p>`, "Welcome to the Acme intranet"}, // the heading says more, as before
	} {
		p := mustParse(t, name, []byte(`<html><head><title>`+c.title+`</title></head><body>`+c.body+`</body></html>`))
		if p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A <title> of the page's name beside the site's ("Leave | HR Portal")
// loses the site's: the page has no <h1>, and its visible heading (a
// block classed as the page's title, a bold first paragraph) names it
// when it holds what is left; with none, what is left is the title.
func TestHTMLTitleWithoutSiteName(t *testing.T) {
	body := `<p>Employees may take up to five days of paid leave on the death of a close family member.</p>`
	for name, c := range map[string]struct{ head, want string }{
		"div.html":    {`<div class="page-title">Parental leave</div>`, "Parental leave"},
		"p.html":      {`<p class="title">Bereavement leave</p>`, "Bereavement leave"},
		"strong.html": {`<p><strong>Jury service leave</strong></p>`, "Jury service leave"},
		"none.html":   {``, "Leave"},
		"other.html":  {`<p><strong>Payroll dates</strong></p>`, "Leave"}, // a heading that does not name the page
	} {
		p := mustParse(t, name, []byte(`<html><head><title>Leave | HR Portal</title></head><body>`+c.head+body+`</body></html>`))
		if p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A page saved from an intranet with no <title> or heading, opening
// with its link back to where its reader came from, is titled by its
// first line after it: "Back to policies" names no page. A paper whose
// title opens with "Return to" keeps it.
func TestHTMLBackLinkIsNoTitle(t *testing.T) {
	body := `<p>Employees with at least 26 weeks of service may request flexible working, considered within eight weeks.</p>`
	for name, c := range map[string]struct{ head, want string }{
		"back.html":   {`<p><a href="/policies">Back to policies</a></p><p>Flexible working requests</p>`, "Flexible working requests"},
		"arrow.html":  {`<a href="/hr">« Back</a><p>Flexible working requests</p>`, "Flexible working requests"},
		"return.html": {`<p><a href="/hr">Return to HR home</a></p><p>Flexible working requests</p>`, "Flexible working requests"},
		"title.html":  {`<p>Return to Work Policy</p>`, "Return to Work Policy"},
	} {
		p := mustParse(t, name, []byte(`<html><body>`+c.head+body+`</body></html>`))
		if p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A page with no <h1> whose visible heading is one of its <title>'s
// parts is titled by the heading: the other parts name the site and its
// section. A heading that is not one of them leaves the <title>.
func TestHTMLHeadingPartOfTitle(t *testing.T) {
	body := `<p>This policy enables employees to raise concerns about wrongdoing without fear of victimisation.</p>`
	for name, c := range map[string]struct{ title, head, want string }{
		"class.html":  {"Whistleblowing Policy - Policies - Calder Valley Council", `<p class="title">Whistleblowing Policy</p>`, "Whistleblowing Policy"},
		"bold.html":   {"Calder Valley Council | Whistleblowing policy", `<p><b>Whistleblowing Policy</b></p>`, "Whistleblowing Policy"},
		"other.html":  {"Whistleblowing Policy - Calder Valley Council", `<p><b>Raising a concern</b></p>`, "Whistleblowing Policy - Calder Valley Council"},
		"number.html": {"Section 2 - Calder Valley Council", `<h3>Section 2</h3>`, "Section 2 - Calder Valley Council"},
	} {
		p := mustParse(t, name, []byte(`<html><head><title>`+c.title+`</title></head><body>`+c.head+body+`</body></html>`))
		if p.Title != c.want {
			t.Errorf("%s: title %q, want %q", name, p.Title, c.want)
		}
	}
}

// A page Word saved, titled by its file ("Microsoft Word -
// Clean_Desk_Policy_v2.docx"), is titled by its paragraph in the Title
// style (class MsoTitle), as the DOCX would be, not by its first <h1>, a
// clause ("1. Purpose"); a real <title> still wins.
func TestHTMLWordTitleStyle(t *testing.T) {
	body := `<body><div class=WordSection1><p class=MsoTitle>Clean Desk and Clear Screen Policy</p>` +
		`<h1>1. Purpose</h1><p class=MsoNormal>This policy reduces the risk of unauthorised access to information.</p></div></body></html>`
	for title, want := range map[string]string{
		"Microsoft Word - Clean_Desk_Policy_v2.docx": "Clean Desk and Clear Screen Policy",
		"Document1":                "Clean Desk and Clear Screen Policy",
		"Clean Desk Policy (2026)": "Clean Desk Policy (2026)",
	} {
		p := mustParse(t, "clean.htm", []byte(`<html><head><title>`+title+`</title></head>`+body))
		if p.Title != want {
			t.Errorf("<title> %q: title %q, want %q", title, p.Title, want)
		}
	}
}
