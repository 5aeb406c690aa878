package parse

import (
	"strings"
	"testing"
)

// A web page holds the site around the document: banner, navigation,
// footer, cookie notice. With one <main>, only it is the document; hidden
// elements and ARIA navigation landmarks are never text.
func TestHTMLPageChromeLeftOut(t *testing.T) {
	page := `<!doctype html><html><head><title>Article 5 | Digital Markets Act</title></head><body>
<div role="banner"><a href="/">EU Law Portal</a> <span>Sign in</span></div>
<header><p>Official Journal portal - all languages</p></header>
<div role="navigation"><a href="/a">Home</a> <a href="/b">Legislation</a></div>
<main>
<h1>Article 5</h1>
<p>The gatekeeper shall not process, for the purpose of providing online advertising services, personal data of end users using services of third parties that make use of core platform services of the gatekeeper.</p>
<p hidden>Internal editor note: check translation.</p>
<div aria-hidden="true">Skip to content</div>
<p>The gatekeeper shall allow business users to offer the same products or services to end users through third-party online intermediation services.</p>
</main>
<footer><p>We use cookies to improve your experience. Accept all cookies.</p><p>Contact | Legal notice</p></footer>
</body></html>`
	p := mustParse(t, "article5.html", []byte(page))
	if p.Title != "Article 5 | Digital Markets Act" {
		t.Errorf("title %q", p.Title)
	}
	contains(t, "page", p.Text, "The gatekeeper shall not process", "third-party online intermediation services.", "Article 5")
	absent(t, "page", p.Text, "EU Law Portal", "Sign in", "Official Journal portal", "Legislation", "Internal editor note",
		"Skip to content", "cookies", "Legal notice")

	// Without a <main> nothing says where the document is: headers and
	// footers stay (they may be the document's own), hidden text does not.
	p = mustParse(t, "plain.html", []byte(`<html><body><header><p>ACME Corp - Supply Agreement</p></header>
<p>The Supplier shall deliver the goods within thirty days of the order.</p><p hidden>draft note</p>
<footer><p>Page 1 of 3</p></footer></body></html>`))
	contains(t, "no main", p.Text, "ACME Corp - Supply Agreement", "The Supplier shall deliver", "Page 1 of 3")
	absent(t, "no main", p.Text, "draft note")

	// A short Chinese article is a document too: 90 characters say more
	// than 200 letters of English do.
	p = mustParse(t, "zh.html", []byte(`<html><body><main><h1>人工智能报告</h1><p>本报告分析了二零二四年人工智能产业的发展情况，重点讨论了大模型在医疗、金融和制造业中的应用，并提出了相关政策建议。报告认为，数据安全与算法透明是下一阶段监管的重点。</p></main>
<footer><p>页脚备案号沪ICP备87654321号 版权所有</p></footer></body></html>`))
	contains(t, "zh main", p.Text, "人工智能产业的发展情况")
	absent(t, "zh main", p.Text, "备案号", "版权所有")
}

// Most pages have no <main>: the site's header, menu, sidebar, footer and
// cookie banner are still no document text when they look like the site
// (links, a cookie notice), and a page's one <article> is its document.
func TestHTMLChromeWithoutMain(t *testing.T) {
	p := mustParse(t, "blog.html", []byte(`<html><body>
<header><a href="/"><img alt="ACMELOGO"></a> <a href="/home">Home</a> <a href="/about">About</a></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<div id="intro"><p>The Supplier shall deliver the goods within thirty days of each order, and the Buyer shall pay each invoice within sixty days of receipt.</p>
<p>Either party may end this agreement on ninety days' written notice to the other party, and the obligations of confidentiality survive its end.</p></div>
<aside><a href="/popular">Popular posts</a></aside>
<footer><a href="/terms">Terms</a> | <a href="/contact">Contact</a></footer>
</body></html>`))
	contains(t, "no main", p.Text, "The Supplier shall deliver", "obligations of confidentiality survive")
	absent(t, "no main", p.Text, "Home", "About", "We use cookies", "Popular posts", "Terms", "Contact")

	p = mustParse(t, "news.html", []byte(`<html><body><div class="top">Site of the Example Gazette, your daily news</div>
<article><h1>Council adopts the data act</h1><p>The Council today adopted the regulation on harmonised rules on fair access to and use of data, which gives users of connected products the right to the data those products generate.</p>
<p>The regulation applies twenty months after it enters into force, and the Commission will evaluate it within four years.</p></article>
<div class="bottom">More from the Gazette: weather, sports, puzzles</div></body></html>`))
	contains(t, "article", p.Text, "Council adopts the data act", "evaluate it within four years")
	absent(t, "article", p.Text, "Example Gazette", "weather, sports")
}

// A site built of divs names its bars: those of links are chrome, the
// document's own text, and a div of prose under such a name, are not.
func TestHTMLDivChrome(t *testing.T) {
	page := `<html><head><title>Terms of Service</title></head><body>
<div class="topbar"><a href="/">ShopFast</a> | <a href="/cart">Cart (0)</a> | <a href="/account">My account</a></div>
<div class="sidebar"><h3>Related</h3><ul><li><a href="/privacy">Privacy</a></li><li><a href="/returns">Returns</a></li></ul></div>
<div class="main-content"><h1>ShopFast Terms of Service</h1><p>These Terms govern your use of the ShopFast marketplace. See the <a href="/privacy">privacy policy</a> for how we use your data.</p></div>
<div class="footer"><p>ShopFast Inc., 1 Main Street, Springfield. Registered in Delaware under number 12345; our customer service answers within two business days.</p></div>
</body></html>`
	p := mustParse(t, "terms.html", []byte(page))
	if strings.Contains(p.Text, "Cart (0)") || strings.Contains(p.Text, "Returns") || !strings.HasPrefix(p.Text, "ShopFast Terms of Service") {
		t.Errorf("text %q", p.Text)
	}
	if !strings.Contains(p.Text, "privacy policy for how we use your data") || !strings.Contains(p.Text, "customer service answers within two business days") {
		t.Errorf("the document's own text is gone: %q", p.Text)
	}
}

// Readers' comments under a post are not the post.
func TestHTMLReaderCommentsLeftOut(t *testing.T) {
	page := `<html><body><div class="post"><h1>The 5 biggest GDPR fines of 2023</h1><p>Meta was fined 1.2 billion euros for transfers to the US.</p></div>
<div class="comments"><h3>3 comments</h3><p>Great summary, thanks! - John</p><p>What about the Amazon fine? - Maria</p></div>
<section id="comment-list"><p>Nice - Ann</p></section></body></html>`
	p := mustParse(t, "blog.html", []byte(page))
	contains(t, "post", p.Text, "Meta was fined")
	absent(t, "post", p.Text, "Great summary", "Amazon fine", "Nice - Ann")
}

// The banners of the consent platforms most sites use are chrome, by
// their ids and classes, with or without a <main> around the document.
func TestHTMLConsentPlatformBanners(t *testing.T) {
	banners := `<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="otFlat"><div id="onetrust-policy-text">We use cookies and similar technologies. By clicking Accept All Cookies you agree.</div></div></div>
<div id="CybotCookiebotDialog"><h2>This website uses cookies</h2><p>We use cookies to personalise content and ads.</p></div>
<div class="cc-window cc-banner"><span class="cc-message">This site uses cookies to ensure the best experience.</span><a class="cc-btn">Got it!</a></div>
<div class="cky-consent-container"><p>CookieYes asks for consent.</p></div>
<div id="didomi-host"><p>Didomi asks for consent.</p></div>`
	doc := `<h1>Acceptable Use Policy</h1><p>Employees must use company IT systems only for legitimate business purposes.</p>
<p>Breaches of this policy may lead to disciplinary action.</p><div class="cc-tips">Account tips stay.</div>`
	p := mustParse(t, "aup.html", []byte(`<html><body>`+banners+`<div class="content">`+doc+`</div></body></html>`))
	contains(t, "aup", p.Text, "Employees must use company IT systems", "disciplinary action", "Account tips stay.")
	absent(t, "aup", p.Text, "We use cookies", "This website uses cookies", "best experience", "Got it", "CookieYes", "Didomi")
}

// A short notice whose only heading is in the site's banner, beside the
// logo and its home link: the banner goes, its heading stays as the
// page's first line and title, over a <title> that only names the site.
// A blog's banner <h1> that links home is the site's name and still goes,
// from the title too.
func TestHTMLNoticeHeadingInBanner(t *testing.T) {
	page := `<html><head><title>Harbour Bank</title></head><body>
<header><a href="/"><img src="logo.png" alt="Harbour Bank"></a><h1>Notice of Change to Account Terms</h1></header>
<p>We are writing to tell you about changes to the terms of your current account, which take effect on 1 September 2024.</p>
<footer><a href="/privacy">Privacy</a> | <a href="/contact">Contact</a></footer>
</body></html>`
	p := mustParse(t, "notice.html", []byte(page))
	if p.Title != "Notice of Change to Account Terms" {
		t.Errorf("title %q", p.Title)
	}
	if !strings.HasPrefix(p.Text, "Notice of Change to Account Terms\n\nWe are writing") {
		t.Errorf("text %q", p.Text)
	}
	absent(t, "notice", p.Text, "Privacy", "Harbour Bank")

	blog := `<html><head><title>Fines of 2023 - Law Notes</title></head><body>
<header><h1><a href="/">Law Notes</a></h1><a href="/about">About</a></header>
<div class="post"><h2>Fines of 2023</h2><p>Meta was fined 1.2 billion euros for transfers to the US.</p></div></body></html>`
	p = mustParse(t, "blog.html", []byte(blog))
	if p.Title != "Fines of 2023" || strings.Contains(p.Text, "Law Notes") { // the post's heading, a part of its <title>
		t.Errorf("title %q text %q", p.Title, p.Text)
	}
}

// A skip link ("Skip to main content", a link into the page past its
// menus) is chrome: it opened an intranet page's text and, with no
// <title> or heading, titled it. A link out of the page that says
// "skip" is text.
func TestHTMLSkipLinkLeftOut(t *testing.T) {
	page := `<html><body><a href="#content" class="skip-link">Skip to main content</a>
<div id="content"><p>Annual leave is booked through the HR portal at least two weeks in advance.</p>
<p>See <a href="/skip">Skip to the holiday calendar</a> for public holidays.</p></div></body></html>`
	p := mustParse(t, "leave.html", []byte(page))
	absent(t, "page", p.Text, "Skip to main content")
	contains(t, "page", p.Text, "Annual leave is booked", "Skip to the holiday calendar")
	if p.Title == "Skip to main content" {
		t.Errorf("title %q", p.Title)
	}
}

// A page saved from a SharePoint site carries its master page's chrome:
// the ribbon, the title row and the left navigation, by their ids. They
// are left out; the ribbon's "Browse Page Share Follow" titled the page.
func TestHTMLSharePointChrome(t *testing.T) {
	page := `<html><head><title>SitePages - Home</title></head><body>
<div id="s4-ribbonrow"><span>Browse</span> <span>Page</span> <span>Share</span> <span>Follow</span></div>
<div id="s4-titlerow"><a href="/">Records</a> <span>EDIT LINKS</span></div>
<div id="sideNavBox"><ul><li><a href="/">Home</a></li><li><a href="/docs">Documents</a></li></ul><span>Recent</span></div>
<div id="contentBox"><div class="ms-rtestate-field">
<div><span style="font-weight:bold">Records Management News – March 2026</span></div>
<div>This month the Records team completed the migration of the legal archive to the new system.</div>
</div></div></body></html>`
	p := mustParse(t, "home.html", []byte(page))
	absent(t, "page", p.Text, "Browse", "EDIT LINKS", "Documents", "Recent")
	contains(t, "page", p.Text, "Records Management News", "completed the migration")
	if p.Title != "Records Management News – March 2026" {
		t.Errorf("title %q", p.Title)
	}
}

// A page Word saved keeps its table of contents as paragraphs of class
// MsoToc1, MsoToc2, MsoTocHeading: they are left out, as the DOCX reader
// leaves a table of contents out, and the same policy reads the same.
func TestHTMLWordTOCLeftOut(t *testing.T) {
	page := `<html><body><div class=WordSection1><p class=MsoTocHeading>Contents</p>
<p class=MsoToc1><a href="#_Toc1">1. Purpose<span style='mso-tab-count:1 dotted'>. . . . . . </span>1</a></p>
<p class="MsoToc2"><a href="#_Toc2">1.1 Scope<span>. . . . </span>1</a></p>
<h1><a name="_Toc1"></a>1. Purpose</h1><p class=MsoNormal>This policy reduces the risk of unauthorised access to information.</p>
<p class=MsoTocSubtitle>Kept: no table of contents class</p></div></body></html>`
	p := mustParse(t, "clean.html", []byte(page))
	absent(t, "page", p.Text, "Contents", ". . .", "1.1 Scope")
	contains(t, "page", p.Text, "1. Purpose", "This policy reduces the risk", "Kept: no table of contents class")
}

// A site's prompts in its own blocks, a feedback question under every
// page ("Was this page helpful? Yes No" in SharePoint's footer) and a skip
// bar written as text, are chrome; the same words in the page's own
// paragraphs stay.
func TestHTMLSitePromptsLeftOut(t *testing.T) {
	page := `<html><body><div class="topbar">Skip to main content</div>
<div class="crumbs"><a href="/">Intranet</a> / <a href="/it">Information Technology</a> / Desk</div>
<div id="content"><p><b>IT Service Desk</b></p>
<p>Raise a ticket through the portal for any laptop or access problem.</p>
<p>Was this page helpful? Tell the intranet team what is missing from the guidance.</p></div>
<div class="ms-footer">Was this page helpful? Yes No</div>
<div class="feedback-box">Did you find what you were looking for? Yes No</div></body></html>`
	p := mustParse(t, "desk.html", []byte(page))
	absent(t, "page", p.Text, "Skip to main content", "Yes No", "Did you find", "Intranet /")
	contains(t, "page", p.Text, "Raise a ticket", "Was this page helpful? Tell the intranet team")
	if p.Title != "IT Service Desk" {
		t.Errorf("title %q", p.Title)
	}
}

// A site footer without links that names the site's owner ("registered in
// England and Wales", "Page owner") is chrome; a footer that says more, and
// an article's own footer, stay.
func TestHTMLImprintFooterLeftOut(t *testing.T) {
	page := `<html><body><div class="content"><p><b>Expenses Policy</b></p>
<p>Claims must be submitted within 30 days of the expense with receipts attached.</p></div>
<div class="footer">Acme Ltd, registered in England and Wales. Page owner: HR Operations.</div>
<div class="site-footer">Questions about this policy go to the finance team, who answer within two working days.</div></body></html>`
	p := mustParse(t, "expenses.html", []byte(page))
	absent(t, "page", p.Text, "registered in England", "Page owner")
	contains(t, "page", p.Text, "Claims must be submitted", "Questions about this policy go to the finance team")
}

// A saved page's tools, a link back to where its reader came from and
// one to print it, are no text: "« Back to all policies | Print this
// page" opened a policy's text. The same words as a link inside a
// sentence are the sentence's.
func TestHTMLPageToolsLeftOut(t *testing.T) {
	page := `<html><head><title>Data Retention Policy | Acme Intranet</title></head><body>
<p><a href="/policies">« Back to all policies</a> | <a href="javascript:window.print()">Print this page</a></p>
<h1>Data Retention Policy</h1>
<p>This policy sets how long Acme keeps records. To see the schedule, go <a href="/schedule">back to the list</a> of retention periods.</p>
<div class="tools"><a href="/hr">Return to HR home</a></div>
<p>Records are kept for seven years unless the schedule says otherwise.</p>
</body></html>`
	p := mustParse(t, "retention.html", []byte(page))
	if !strings.HasPrefix(p.Text, "Data Retention Policy") {
		t.Errorf("text opens %q", p.Text[:min(len(p.Text), 60)])
	}
	contains(t, "tools", p.Text, "go back to the list of retention periods", "kept for seven years")
	absent(t, "tools", p.Text, "Back to all policies", "Print this page", "Return to HR home")
}

// A policy page's footer says when it was last reviewed and who owns it:
// the footer stays out of the text with the site's links, but a records
// manager needs the review date and the owner, so they go to Meta.
func TestHTMLFooterReviewDateAndOwner(t *testing.T) {
	p := mustParse(t, "leave.html", []byte(`<html><head><title>Annual Leave Policy | Acme Intranet</title></head><body>
<nav><a href="/">Home</a> <a href="/hr">HR</a></nav>
<main><h1>Annual Leave Policy</h1>
<p>Full-time employees are entitled to 25 days of paid annual leave per holiday year, plus public holidays.</p>
<p>Employees must request leave through the HR portal at least two weeks in advance.</p></main>
<footer class="site-footer"><p>Last reviewed: 3 March 2025 · Owner: HR Operations</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact us</a></li></ul><p>© 2025 Acme Ltd</p></footer>
</body></html>`))
	absent(t, "policy", p.Text, "Privacy", "Contact us", "Last reviewed", "HR Operations")
	if p.Meta["reviewed"] != "3 March 2025" || p.Meta["owner"] != "HR Operations" {
		t.Errorf("meta %v: want reviewed 3 March 2025, owner HR Operations", p.Meta)
	}

	p = mustParse(t, "wfh.html", []byte(`<html><body><main><h1>Working from home</h1>
<p>Staff may work from home up to three days a week where their manager agrees.</p></main>
<footer><p>Page last updated 2024-11-05 | Page owner: People Team</p><p><a href="/sitemap">Sitemap</a></p></footer></body></html>`))
	if p.Meta["updated"] != "2024-11-05" || p.Meta["owner"] != "People Team" {
		t.Errorf("meta %v: want updated 2024-11-05, owner People Team", p.Meta)
	}

	// a page that says neither gets no such keys
	p = mustParse(t, "news.html", []byte(`<html><body><main><h1>Canteen reopens</h1><p>The canteen reopens on Monday after the refit, and the owner of the coffee franchise will offer free drinks.</p></main>
<footer><a href="/contact">Contact</a></footer></body></html>`))
	for _, k := range []string{"reviewed", "updated", "owner"} {
		if v, ok := p.Meta[k]; ok {
			t.Errorf("news page: unexpected meta %s=%q", k, v)
		}
	}
}

// A saved FAQ or policy page holds its answers in collapsed accordion
// panels (hidden, aria-hidden or a "collapse" class until clicked) under
// questions written as buttons: both are the page's words. A collapsed
// menu of links, a hidden note and a control button stay out.
func TestHTMLAccordionPanelsKept(t *testing.T) {
	p := mustParse(t, "faq.html", []byte(`<html><head><title>Expenses FAQ</title></head><body><main><h1>Expenses FAQ</h1>
<h3><button aria-expanded="false" aria-controls="p1">What can I claim for?</button></h3>
<div id="p1" hidden><p>Employees may claim reasonable travel and subsistence costs incurred on company business.</p></div>
<h3><button aria-expanded="false" aria-controls="p2">When must I submit my claim?</button></h3>
<div id="p2" class="accordion-panel collapse" aria-hidden="true"><p>Claims must be submitted within 30 days of the expense.</p></div>
<div role="tabpanel" style="display:none"><p>Mileage is paid at 45p per mile.</p></div>
<button aria-expanded="false" aria-controls="m1">Menu</button>
<div id="m1" class="collapse" hidden><a href="/a">Travel</a> <a href="/b">Payroll</a> <a href="/c">Pensions</a></div>
<p hidden>Editor note: update rates in April.</p>
<p>Questions? <button>Print this page</button></p>
</main></body></html>`))
	contains(t, "faq", p.Text, "What can I claim for?", "reasonable travel and subsistence", "When must I submit my claim?",
		"within 30 days", "45p per mile")
	absent(t, "faq", p.Text, "Payroll", "Editor note", "Print this page")
}

// A hidden popup that carries a panel's "collapse" class (a newsletter
// box, a modal) stays out of the text, while an accordion's hidden answer
// is kept: the popup had opened the page's text, ahead of its title.
func TestHTMLHiddenPopupIsNoPanel(t *testing.T) {
	page := `<html><head><title>Records retention policy</title></head><body>
<div id="newsletterPopup" class="popup-panel collapse" style="display:none"><p>Subscribe to the weekly staff newsletter to hear about changes to our policies first.</p></div>
<div class="modal collapse" style="display:none"><p>Your session is about to expire and you will be signed out in two minutes.</p></div>
<h1>Records retention policy</h1><p>All contracts must be kept for seven years after they end. Personnel files are kept for six years after employment ends.</p>
<div class="accordion"><h3><button aria-expanded="false" aria-controls="a1">What about e-mails?</button></h3><div id="a1" class="accordion-collapse collapse" style="display:none"><p>E-mails that are records are filed within 30 days.</p></div></div>
</body></html>`
	p := mustParse(t, "policy.html", []byte(page))
	if strings.Contains(p.Text, "newsletter") || strings.Contains(p.Text, "session") {
		t.Errorf("popup in text: %q", p.Text)
	}
	contains(t, "accordion", p.Text, "Records retention policy", "E-mails that are records are filed within 30 days.")
}
