package parse

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements hold no document text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Canvas: true, atom.Select: true,
	atom.Button: true, atom.Form: false, atom.Head: true, atom.Math: true,
}

// paragraphs end with a blank line; other block elements with a line break.
var (
	paraBlocks = map[atom.Atom]bool{
		atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
		atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
		atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true, atom.Hr: true,
	}
	lineBlocks = map[atom.Atom]bool{
		atom.Div: true, atom.Li: true, atom.Tr: true, atom.Br: true, atom.Dt: true, atom.Dd: true, atom.Main: true,
		atom.Aside: true, atom.Address: true, atom.Figcaption: true, atom.Caption: true, atom.Summary: true, atom.Details: true,
		atom.Fieldset: true, atom.Legend: true, atom.Option: true,
	}
)

// extractHTML returns the visible text of an HTML document (script, style,
// nav and similar elements dropped; blocks become lines, paragraphs blank-
// line separated, list items "- " lines or numbered as an <ol> numbers
// them, table cells " | " separated, a layout table's cells blocks) and
// its title: <title>, else the first <h1>.
func extractHTML(text string) *extracted {
	text = strings.ReplaceAll(text, string(keptSpace), "")
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// html.Parse refuses more than 512 open elements (generated or
		// broken markup); a token stream has no such limit
		return extractHTMLStream(text)
	}
	w := &htmlWalker{}
	if main := mainContent(doc); main != nil {
		// the page's own content only: its title still comes from <head>
		w.title.WriteString(titleOf(doc))
		w.walk(main, false)
	} else {
		w.walk(doc, false)
	}
	title := collapseSpaces(w.title.String())
	if staleTitle(title) && w.wordTitle != "" {
		// Word titles a page it saved by the file ("Microsoft Word -
		// policy_v2.docx"); its Title-styled paragraph names the document,
		// where the first <h1> is its first clause ("1. Purpose")
		title = w.wordTitle
	}
	if w.siteNames[strings.ToLower(title)] {
		title = "" // the site's name, which its banner's logo and home link carry: the <h1> is the page's
	}
	if siteOnly(title) && namesPage(cmp.Or(collapseSpaces(w.h1), w.boldHead)) {
		title = "" // "Acme Intranet" over every page of the site: its heading names this one
	}
	if w.h1 == "" {
		// pageTitle weighs an <h1> against the site's parts
		title = headingPart(withoutSiteName(title, w.boldHead), w.boldHead)
	}
	return &extracted{text: restoreKeptSpaces(normalize(w.b.String())), title: pageTitle(title, collapseSpaces(w.h1)), heading: w.boldHead,
		meta: pageRecord(doc)}
}

// namesPage reports whether heading h may name a page: two words or
// more, and no greeting or furniture ("Welcome", "Welcome to the
// intranet", "Contents").
func namesPage(h string) bool {
	return h != "" && !oneWord(h) && !genericHeadingRe.MatchString(strings.ToLower(h))
}

// homeLabelRe is a <title>'s part that names no page: the site's home.
var homeLabelRe = regexp.MustCompile(`(?i)^(?:home(?:\s*page)?|default|index|start)$`)

// siteOnly reports a <title> whose parts all name the site or its home
// ("Acme Intranet", "Acme Intranet - Home", "Home | HR Portal").
func siteOnly(t string) bool {
	site := false
	for _, p := range titleSepRe.Split(t, -1) {
		switch p = strings.TrimSpace(p); {
		case siteTitleRe.MatchString(p):
			site = true
		case !homeLabelRe.MatchString(p):
			return false
		}
	}
	return site
}

// withoutSiteName is a <title> with the parts that name only the site
// left out ("Leave | HR Portal" is "Leave"): a records manager filing
// the site's pages saw every one titled by its portal. Where what is
// left is one word and the page's visible heading (a bold first line, a
// paragraph styled as its title) holds it ("Parental leave" under
// "Leave"), the heading names the page better and is its title, as an
// <h1> is beside a one-word <title> part (pageTitle).
func withoutSiteName(title, heading string) string {
	parts := titleSepRe.Split(title, -1)
	if len(parts) < 2 {
		return title
	}
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && !siteTitleRe.MatchString(p) {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 || len(kept) == len(parts) {
		return title // all site (siteOnly's) or none
	}
	page := strings.Join(kept, " | ")
	if oneWord(page) && namesPage(heading) && holdsWords(strings.ToLower(heading), strings.ToLower(page)) {
		return heading
	}
	return page
}

// headingPart is the page's visible heading where it is one of its
// <title>'s parts ("Whistleblowing Policy" under "Whistleblowing Policy -
// Policies - Calder Valley Council"): the rest names the site and its
// section, as titlePart finds for an <h1>; else title.
func headingPart(title, heading string) string {
	if !namesPage(heading) || numberedHeadingRe.MatchString(heading) {
		return title
	}
	for _, p := range titleSepRe.Split(title, -1) {
		if p = strings.TrimSpace(p); p != title && strings.EqualFold(p, heading) {
			return heading
		}
	}
	return title
}

// siteTitleRe is a <title> that names only a site ("Acme Intranet", "HR
// Portal", "Staff Hub Home"), which a careless template sets on every
// page.
var siteTitleRe = regexp.MustCompile(`(?i)^\s*(?:[\p{L}\d&.'’-]+\s+){0,3}(?:intranet|extranet|portal|sharepoint|wiki|hub)(?:\s+home(?:\s*page)?)?\s*$`)

// pageTitle is a page's title: its <title>, or its first <h1> when there is
// no <title> or the <title> is the <h1> with the site's name beside it
// ("Privacy Policy | Acme Cloud", "TechLaw Blog - The 5 biggest fines").
//
// A <title> that names a file or a template (Word's "Microsoft Word -
// nda_v3.docx" in a page it saved, "Document1") is no title: the page's
// heading or opening line is.
func pageTitle(title, h1 string) string {
	if staleTitle(title) {
		title = ""
	}
	if h1 == "" {
		return title
	}
	if title != "" && (numberedHeadingRe.MatchString(h1) || oneWord(h1)) {
		return title // "Article 5 | Digital Markets Act": the heading needs what is beside it
	}
	t, h := strings.ToLower(title), strings.ToLower(h1)
	if title == "" || len(t) > len(h) && (strings.HasPrefix(t, h) && siteSep(t[len(h):]) || strings.HasSuffix(t, h) && siteSep(t[:len(t)-len(h)])) {
		return h1
	}
	if widens(h, t) {
		return h1 // "Public Notice" above "Public Notice of Annual General Meeting", "通知" above "关于调整收费标准的通知"
	}
	if sectionLabel(h, t) || placeLabel(h, t) || hanPlaceLabel(h, t) {
		return h1 // "Intranet - Records" above "Records Retention Policy", "Records | Acme Intranet" above "Retention schedule"
	}
	if titlePart(h, t) {
		return h1 // "Acme | Records Retention Policy | Intranet"
	}
	return title
}

// sectionLabel reports whether title t only names where a page sits, a
// site and its section around a separator ("Intranet - Records"), and
// heading h names the page in that section: h is longer than each part of
// t and holds its last part's words, or starts with its first ("Records |
// Intranet"). A heading that only mentions the site ("Welcome to the
// intranet") ends with the first part, which names the site: the <title>
// says more.
func sectionLabel(h, t string) bool {
	parts := titleSepRe.Split(t, -1)
	if len(parts) < 2 {
		return false
	}
	n := utf8.RuneCountInString(h)
	for _, p := range parts {
		if utf8.RuneCountInString(strings.TrimSpace(p)) >= n {
			return false
		}
	}
	first, last := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[len(parts)-1])
	return holdsWords(h, last) || strings.HasPrefix(h, first) && widens(h, first)
}

// maxLabelWords is the most words of a site's or section's name in a
// <title> ("Acme Intranet", "Human Resources").
const maxLabelWords = 3

// placeLabel reports whether title t names only a site and its section
// ("Records | Acme Intranet", "HR · Intranet") and heading h names the
// page, sharing no word with them ("Retention schedule"): each part of t
// is a short name, one a single word, none names a kind of document
// (where "Privacy Policy | Acme" names the page, and its <h1>
// "Information we collect" a section of it), and h is no generic heading
// ("Table of contents", "Welcome to the intranet"). Chinese writes no
// spaces to count words by; its <title>s keep the rules above.
func placeLabel(h, t string) bool {
	parts := titleSepRe.Split(t, -1)
	if len(parts) < 2 || strings.IndexFunc(t+h, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 || genericHeadingRe.MatchString(h) {
		return false
	}
	single := false
	for _, p := range parts {
		n := len(strings.Fields(p))
		if n == 0 || n > maxLabelWords || formKindRe.MatchString(p) {
			return false
		}
		single = single || n == 1
	}
	return single && !sharesWord(h, t)
}

// hanSiteRe is the Chinese name of a site: an intranet (内网), a portal
// (门户), an official site (官网, 网站).
var hanSiteRe = regexp.MustCompile(`(?:内网|门户(?:网站)?|官网|网站)$`)

// maxHanLabel is the most Han characters of a section's name in a
// Chinese <title> ("制度文件", "人力资源").
const maxHanLabel = 4

// hanPlaceLabel is placeLabel for a Chinese <title>: one part names the
// site ("星河科技内网"), the others are short sections' names ("制度文件"),
// and heading h, a name of four characters or more, shares no two
// characters in a row with them ("档案管理办法").
func hanPlaceLabel(h, t string) bool {
	parts := titleSepRe.Split(t, -1)
	if len(parts) < 2 || oneWord(h) {
		return false
	}
	site := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case hanSiteRe.MatchString(p):
			site = true
		case p == "" || utf8.RuneCountInString(p) > maxHanLabel || sharesBigram(h, p):
			return false
		}
	}
	return site
}

// sharesBigram reports whether a and b hold the same two characters in a
// row.
func sharesBigram(a, b string) bool {
	rb := []rune(b)
	for i := 0; i+1 < len(rb); i++ {
		if strings.Contains(a, string(rb[i:i+2])) {
			return true
		}
	}
	return false
}

// genericHeadingRe is a heading that names no page: a page's furniture
// or its greeting.
var genericHeadingRe = regexp.MustCompile(`^(?:welcome\b|(?:table of )?contents$|overview$|introduction$|home(?: page)?$|menu$|search\b|skip to\b|cookie|sign in|log ?in\b|page not found|404\b|error\b)`)

// titleStopWords are the function words two names may share and still
// say different things.
var titleStopWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "&": true, "to": true, "in": true, "for": true, "on": true, "at": true, "our": true}

// sharesWord reports whether h and t, in lower case, have a word other
// than a function word in common.
func sharesWord(h, t string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	words := map[string]bool{}
	for _, w := range split(t) {
		words[w] = true
	}
	for _, w := range split(h) {
		if words[w] && !titleStopWords[w] {
			return true
		}
	}
	return false
}

// titlePart reports whether heading h is one of the parts of title t
// between separators: a site's and its section's names on both sides of
// the page's, which the prefix and suffix rule does not see.
func titlePart(h, t string) bool {
	for _, p := range titleSepRe.Split(t, -1) {
		if strings.TrimSpace(p) == h {
			return true
		}
	}
	return false
}

// titleSepRe is the separator between a <title>'s site, section and page
// names: a dash, dot or breadcrumb's arrow between spaces (not the hyphen
// of "Non-Disclosure"), or a bar or full-width separator anywhere.
var titleSepRe = regexp.MustCompile(`\s+(?:[-–—·•>»›]|::)\s+|\s*[|｜－]\s*`)

// holdsWords reports whether heading h holds phrase p whole, at word
// boundaries (any for Chinese, which writes none), and more besides.
func holdsWords(h, p string) bool {
	if p == "" || len(h) <= len(p) {
		return false
	}
	if widens(h, p) {
		return true
	}
	return strings.Contains(" "+h+" ", " "+p+" ")
}

// widens reports whether heading h says what title t says and more: t is
// where h starts or ends, at a word's boundary (any for Chinese, which
// writes none).
func widens(h, t string) bool {
	if t == "" || len(h) <= len(t) {
		return false
	}
	boundary := func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Han, r) }
	if strings.HasPrefix(h, t) {
		r, _ := utf8.DecodeRuneInString(h[len(t):])
		return boundary(r)
	}
	if strings.HasSuffix(h, t) {
		r, _ := utf8.DecodeLastRuneInString(h[:len(h)-len(t)])
		return boundary(r)
	}
	return false
}

// oneWord reports a heading of a single word ("Terms"), which needs the
// rest of its <title>. Chinese writes no spaces between words: four Han
// characters are about two words ("隐私政策", privacy policy).
func oneWord(h string) bool {
	if len(strings.Fields(h)) >= 2 {
		return false
	}
	han := 0
	for _, r := range h {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return han < 4
}

// numberedHeadingRe is a heading that numbers a part of a larger text.
var numberedHeadingRe = regexp.MustCompile(`^(?i:article|art\.|section|§|chapter|part|annex|schedule|title|clause|rule)\s*[\dIVX]`)

// siteSep says whether s, what a <title> holds beside its <h1>, starts or
// ends with the separator before a site's name.
func siteSep(s string) bool {
	s = strings.TrimSpace(s)
	for _, sep := range []string{"|", "-", "–", "—", "::", "·", "•", ":", "_", "｜", "－"} {
		if strings.HasPrefix(s, sep) || strings.HasSuffix(s, sep) {
			return true
		}
	}
	return false
}

// extractHTMLStream extracts text from a token stream instead of a tree:
// text outside skipped and hidden elements, a line break at each block
// element, the first <title>, and lists, definition lists and tables as
// the tree walker writes them (numbered items, "Term: definition", a
// rowspan cell in each row it spans), with the walker's own list and row
// code. It is the fallback for markup html.Parse refuses.
func extractHTMLStream(text string) *extracted {
	s := &htmlStream{text: text, z: html.NewTokenizer(strings.NewReader(text)), hiddenAt: -1, opened: map[atom.Atom]int{}}
	for {
		tt := s.z.Next()
		if tt == html.ErrorToken {
			return &extracted{text: restoreKeptSpaces(normalize(s.b.String())), title: collapseSpaces(s.title.String())}
		}
		s.offset += len(s.z.Raw())
		tok := s.z.Token()
		switch tt {
		case html.TextToken:
			s.textToken(tok.Data)
		case html.StartTagToken:
			s.startTag(tok)
		case html.EndTagToken:
			s.endTag(tok.DataAtom)
		case html.SelfClosingTagToken:
			if tok.DataAtom == atom.Br || tok.DataAtom == atom.Hr {
				s.blockBreak("\n")
			}
		}
	}
}

// htmlStream is extractHTMLStream's state.
type htmlStream struct {
	text      string
	z         *html.Tokenizer
	offset    int // bytes of text the tokenizer has read
	b, title  strings.Builder
	open      []atom.Atom // open elements, innermost last
	hiddenAt  int         // depth of the outermost open hidden element, -1 when none
	skip, pre int
	inTitle   bool
	// how many of each element are open: an end tag of none is not
	// searched for, which took a scan of every open element per stray end
	// tag (2 million <div> and 2 million </p>, 22 KB gzipped, kept a core
	// busy long after the parse had timed out)
	opened map[atom.Atom]int
	lists  htmlLists
	tables []*streamTable // open tables, innermost last
	// termEnd says a term's text ends the line: a <dd> next goes on it
	termEnd bool
	// lookahead is how many tokens reversed lists have read ahead to count
	// their items, bounded by maxLookahead over the whole page
	lookahead int
}

// streamTable is a table the token stream is in: the cells that span rows
// below their own, its open row and that row's open cell.
type streamTable struct {
	spans map[int]*rowSpan
	row   *htmlRow
	cell  *streamCell
}

// streamCell is an open cell: its column, its rowspan, and where its text
// starts in the output, which a rowspan cell repeats in the rows below.
type streamCell struct {
	col, rowspan, at int
}

// maxLookahead bounds the tokens read ahead to count reversed lists'
// items on one page; a list not counted within it numbers up.
const maxLookahead = 1 << 16

// visible reports whether text written now is the document's.
func (s *htmlStream) visible() bool { return s.skip == 0 && s.hiddenAt < 0 }

func (s *htmlStream) textToken(t string) {
	switch {
	case s.inTitle:
		s.title.WriteString(t)
	case !s.visible():
	case s.termEnd && strings.TrimSpace(t) == "":
		// the indentation between a term and its definition
	case s.pre > 0:
		s.endTerm()
		writePre(&s.b, t)
	default:
		s.endTerm()
		writeCollapsed(&s.b, t)
	}
}

// endTerm ends the line of a term that no definition follows.
func (s *htmlStream) endTerm() {
	if s.termEnd {
		s.termEnd = false
		endLine(&s.b)
	}
}

func (s *htmlStream) startTag(tok html.Token) {
	a := tok.DataAtom
	n := &html.Node{Type: html.ElementNode, DataAtom: a, Attr: tok.Attr}
	if !voidElements[a] {
		s.open = append(s.open, a)
		s.opened[a]++
		if s.hiddenAt < 0 && hiddenOrChrome(n) {
			s.hiddenAt = len(s.open) - 1
		}
		if preElements[a] {
			s.pre++ // an inline style's end tag is not told apart from its kin's: the tree reads those
		}
	}
	if a == atom.Dd && s.termEnd && s.visible() {
		s.termEnd = false
		s.b.WriteString(termSeparator(s.b.String()))
		return
	}
	s.endTerm()
	switch {
	case a == atom.Title:
		s.inTitle = true
	case a == atom.Body:
		s.skip = 0 // a <head> left open ends here
	case skipped[a]:
		s.skip++
	case a == atom.Ol || a == atom.Ul:
		s.lists.push(newHTMLList(n, s.countItems))
		s.blockBreak("\n\n")
	case a == atom.Li && s.inCell():
		s.lists.itemLabel(n) // counted, its text kept to the row's line as the tree keeps it
		s.blockBreak("")
	case a == atom.Li:
		endLine(&s.b)
		if s.visible() {
			s.b.WriteString(s.lists.itemLabel(n))
		} else {
			s.lists.itemLabel(n) // counted all the same, as a browser does
		}
	case a == atom.Table:
		s.tables = append(s.tables, &streamTable{spans: map[int]*rowSpan{}})
		s.b.WriteString("\n\n")
	case a == atom.Tr:
		s.startRow()
	case a == atom.Td || a == atom.Th:
		s.startCell(n)
	case paraBlocks[a]:
		s.blockBreak("\n\n")
	case lineBlocks[a]:
		s.blockBreak("")
	}
}

// inCell reports whether a table cell of the innermost table is open.
func (s *htmlStream) inCell() bool {
	t := s.table()
	return t != nil && t.cell != nil
}

// blockBreak writes the break a block element makes: sep, or the end of
// the line when sep is "". Inside a table cell it is a space, as the tree
// walker writes it: a CMS wraps each cell's text in <p>, and a break
// there split a row into lines that read as rows of their own.
func (s *htmlStream) blockBreak(sep string) {
	switch {
	case s.inCell():
		s.b.WriteString(" ")
	case sep == "":
		endLine(&s.b)
	default:
		s.b.WriteString(sep)
	}
}

func (s *htmlStream) endTag(a atom.Atom) {
	// close up to the matching open element (browsers close what a stray
	// end tag leaves open)
	for k := len(s.open) - 1; k >= 0 && s.opened[a] > 0; k-- {
		if s.open[k] == a {
			for _, c := range s.open[k:] {
				s.opened[c]--
			}
			s.open = s.open[:k]
			if s.hiddenAt >= k {
				s.hiddenAt = -1
			}
			break
		}
	}
	if a != atom.Dt {
		s.endTerm()
	}
	switch {
	case a == atom.Title:
		s.inTitle = false
	case preElements[a] && s.pre > 0:
		s.pre--
		s.b.WriteString("\n\n")
	case skipped[a] && s.skip > 0:
		s.skip--
	case a == atom.Ol || a == atom.Ul:
		s.lists.pop()
		s.blockBreak("\n\n")
	case a == atom.Table:
		s.endTable()
		s.b.WriteString("\n\n")
	case a == atom.Tr:
		s.endRow()
	case a == atom.Td || a == atom.Th:
		s.endCell()
	case a == atom.Dt:
		// "Term: definition" on one line when a <dd> follows
		s.termEnd = s.visible() && termOpen(s.b.String())
		if !s.termEnd {
			endLine(&s.b)
		}
	case paraBlocks[a]:
		s.blockBreak("\n\n")
	case lineBlocks[a]:
		s.blockBreak("")
	}
}

// table is the innermost open table, nil outside one.
func (s *htmlStream) table() *streamTable {
	if len(s.tables) == 0 {
		return nil
	}
	return s.tables[len(s.tables)-1]
}

// startRow opens a row, closing the one before (its end tag may be left
// out).
func (s *htmlStream) startRow() {
	s.endRow()
	endLine(&s.b)
	if t := s.table(); t != nil {
		t.row = &htmlRow{spans: t.spans}
	}
}

// endRow closes the open row, writing the cells spanning into it after
// its own.
func (s *htmlStream) endRow() {
	s.endCell()
	if t := s.table(); t != nil && t.row != nil {
		if s.visible() {
			t.row.end(&s.b)
		}
		t.row = nil
	}
	endLine(&s.b)
}

// startCell writes what comes before a cell: the row's cells before it
// and those spanning into it from rows above, " | " separated.
func (s *htmlStream) startCell(n *html.Node) {
	s.endCell()
	t := s.table()
	if !s.visible() {
		return
	}
	if t == nil || t.row == nil {
		if !atLineStart(&s.b) {
			s.b.WriteString(" | ")
		}
		return
	}
	col := t.row.startCell(&s.b, spanAttr(n, "colspan"))
	t.cell = &streamCell{col: col, rowspan: spanAttr(n, "rowspan"), at: s.b.Len()}
}

// endCell closes the open cell, keeping its text when it spans rows below.
func (s *htmlStream) endCell() {
	t := s.table()
	if t == nil || t.cell == nil {
		return
	}
	c := t.cell
	t.cell = nil
	if t.row != nil {
		t.row.span(c.col, c.rowspan, collapseSpaces(s.b.String()[c.at:]))
	}
}

// endTable closes the innermost table.
func (s *htmlStream) endTable() {
	s.endRow()
	if len(s.tables) > 0 {
		s.tables = s.tables[:len(s.tables)-1]
	}
}

// countItems counts the items of the list whose start tag was just read,
// reading ahead to its end tag: a reversed list numbers down from it. It
// returns -1 when the page's lookahead is spent.
func (s *htmlStream) countItems() int {
	z := html.NewTokenizer(strings.NewReader(s.text[s.offset:]))
	items, depth := 0, 0
	for s.lookahead < maxLookahead {
		s.lookahead++
		tt := z.Next()
		if tt == html.ErrorToken {
			return items
		}
		name, _ := z.TagName()
		switch a := atom.Lookup(name); {
		case tt == html.StartTagToken && (a == atom.Ol || a == atom.Ul):
			depth++
		case tt == html.EndTagToken && (a == atom.Ol || a == atom.Ul):
			if depth == 0 {
				return items
			}
			depth--
		case tt == html.StartTagToken && a == atom.Li && depth == 0:
			items++
		}
	}
	return -1
}

// streamLine ends the current line unless it has just ended.
func endLine(b *strings.Builder) {
	s := strings.TrimRight(b.String(), " ")
	if s != "" && s[len(s)-1] != '\n' {
		b.WriteByte('\n')
	}
}

// voidElements have no end tag.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// writeCollapsed writes t with its spaces collapsed, keeping one space
// where t had whitespace at either end, so "a <b>b</b> c" stays three
// words and "x<b>y</b>" stays one.
//
// Whitespace at the start of a line is dropped: the indentation between
// "</tr>" and "<tr>" would otherwise make a line of spaces, which reads as
// a blank line and splits a table or list into paragraphs.
//
// A no-break space counts as whitespace at either end as it does inside t
// (strings.Fields): "<b>$4.2</b>&nbsp;million" is two words, as a browser
// shows them, not "$4.2million".
func writeCollapsed(b *strings.Builder, t string) {
	if strings.TrimLeftFunc(t, unicode.IsSpace) != t && !atLineStart(b) {
		b.WriteByte(' ')
	}
	words := strings.Fields(t)
	if len(words) == 0 {
		// only spaces, some of them non-breaking (Word's "1.&nbsp;&nbsp;")
		if !atLineStart(b) {
			b.WriteByte(' ')
		}
		return
	}
	b.WriteString(strings.Join(words, " "))
	if strings.TrimRightFunc(t, unicode.IsSpace) != t {
		b.WriteByte(' ')
	}
}

// keptSpace stands for a space of preformatted text until normalize has
// collapsed the spaces of the rest: a noncharacter, which no page may
// carry (extractHTML drops any it has), and which normalize leaves alone.
const keptSpace = '\uFDD0'

// preElements show their text as written, spaces and line breaks kept.
var preElements = map[atom.Atom]bool{atom.Pre: true, atom.Textarea: true, atom.Listing: true, atom.Xmp: true, atom.Plaintext: true}

// preStyleRe is an inline white-space style that keeps spaces and line
// breaks as written.
var preStyleRe = regexp.MustCompile(`(?i)white-space\s*:\s*(?:pre|pre-wrap|break-spaces)\s*(?:;|!|$)`)

// preformatted reports an element whose text keeps its spaces and line
// breaks: a <pre> and its kin, or an inline white-space: pre style.
func preformatted(n *html.Node) bool {
	return preElements[n.DataAtom] || preStyleRe.MatchString(attrVal(n, "style"))
}

// writePre writes preformatted text with its line breaks and its spaces
// kept, so code, configuration and aligned columns keep their indentation
// ("  port: 8080" under "server:"); tabs become spaces to the next stop of
// eight. Its spaces are written as keptSpace, which restoreKeptSpaces
// turns back after normalize.
func writePre(b *strings.Builder, t string) {
	t = strings.ReplaceAll(strings.ReplaceAll(t, "\r\n", "\n"), "\r", "\n")
	col := 0
	for _, r := range t {
		switch r {
		case '\n':
			b.WriteByte('\n')
			col = 0
			continue
		case '\t':
			for n := 8 - col%8; n > 0; n-- {
				b.WriteRune(keptSpace)
			}
			col += 8 - col%8
			continue
		case ' ', '\u00A0':
			r = keptSpace
		}
		b.WriteRune(r)
		col++
	}
}

// restoreKeptSpaces turns normalized text's kept spaces back into spaces,
// trimming them at the end of a line; a line of nothing else becomes a
// blank line, and blank lines in a row one.
func restoreKeptSpaces(text string) string {
	if !strings.ContainsRune(text, keptSpace) {
		return text
	}
	return joinLines(text, func(line string) string {
		return strings.TrimRight(strings.ReplaceAll(line, string(keptSpace), " "), " ")
	})
}

// atLineStart reports whether b is empty or ends with a line break or a
// space (where another space adds nothing).
func atLineStart(b *strings.Builder) bool {
	s := b.String()
	return s == "" || s[len(s)-1] == '\n' || s[len(s)-1] == ' '
}

type htmlWalker struct {
	b     strings.Builder
	title strings.Builder
	h1    string
	cells int // open table cells: blocks inside one keep to its line
	// layouts says which tables lay a page out rather than hold data
	layouts map[*html.Node]bool
	lists   htmlLists
	// siteNames are the lower-cased link texts and logo names of the
	// banner whose <h1> keepChromeHeading kept
	siteNames map[string]bool
	rows      []*htmlRow // open table rows, innermost last
	// spans holds, per table, the cells that span rows below their own
	spans map[*html.Node]map[int]*rowSpan
	// labelEnd is where the last list item's number ended in b: a block
	// that opens right there is the item's text, on its number's line
	labelEnd int
	// boldHead is the first <h2>-<h6>, or paragraph set wholly in bold,
	// among the first blocks: a page with no <title> or <h1> that opens
	// with a sentence was titled by its file's name
	boldHead string
	blocks   int // blocks looked at for boldHead
	// wordTitle is the first paragraph in Word's Title style (class
	// MsoTitle) of a page Word saved
	wordTitle string
}

// htmlList is an open <ol> or <ul>: an ordered list numbers its items as a
// browser does ("1.", "b.", "iv."), since a policy's clauses are cited by
// them; other lists' items are "- " lines.
type htmlList struct {
	ordered bool
	next    int
	step    int    // 1, or -1 for a reversed list
	format  string // formatNumber's: decimal, lowerLetter, ...
	// prefix is the number of the item an ordered list is nested in when
	// both count alike ("2." before "2.1."): a browser tells the levels
	// apart by indentation, which plain text loses, so "1. 2." under
	// "2." read as the outer list's own items
	prefix string
	label  string // the number of its item being written, "2.1"
}

// htmlLists are the open lists, innermost last: the tree walker's and the
// token stream's.
type htmlLists []*htmlList

// push opens list l inside the innermost open one.
func (ls *htmlLists) push(l *htmlList) {
	if len(*ls) > 0 {
		l.nestIn((*ls)[len(*ls)-1])
	}
	*ls = append(*ls, l)
}

// pop closes the innermost open list.
func (ls *htmlLists) pop() {
	if len(*ls) > 0 {
		*ls = (*ls)[:len(*ls)-1]
	}
}

// newHTMLList reads a list's start, type and reversed attributes; items
// counts its items, which a reversed list without a start counts down
// from.
func newHTMLList(n *html.Node, items func() int) *htmlList {
	l := &htmlList{ordered: n.DataAtom == atom.Ol, next: 1, step: 1, format: "decimal"}
	if !l.ordered {
		return l
	}
	switch attrVal(n, "type") {
	case "a":
		l.format = "lowerLetter"
	case "A":
		l.format = "upperLetter"
	case "i":
		l.format = "lowerRoman"
	case "I":
		l.format = "upperRoman"
	}
	if hasAttr(n, "reversed") {
		if count := items(); count >= 0 {
			l.step, l.next = -1, count // else not counted: numbered up
		}
	}
	if v, err := strconv.Atoi(strings.TrimSpace(attrVal(n, "start"))); err == nil {
		l.next = v
	}
	return l
}

// childItems counts the <li> children of list n.
func childItems(n *html.Node) int {
	items := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			items++
		}
	}
	return items
}

// itemLabel is what starts list item n: its number in an ordered list
// (its value attribute sets it), else a bullet, indented by its list's
// level.
func (ls htmlLists) itemLabel(n *html.Node) string {
	if len(ls) == 0 || !ls[len(ls)-1].ordered {
		return bulletAt(len(ls) - 1)
	}
	l := ls[len(ls)-1]
	if v, err := strconv.Atoi(strings.TrimSpace(attrVal(n, "value"))); err == nil {
		l.next = v
	}
	v := l.next
	l.next += l.step
	if v <= 0 && l.format != "decimal" {
		l.label = ""
		return "- " // no letter or numeral for it
	}
	l.label = l.prefix + formatNumber(v, l.format)
	return ls.indent() + l.label + ". "
}

// indent is the indentation of a numbered item in a list nested under a
// bullet: as deep as a bullet of its level, since "1." at the start of a
// line under an indented "  - " read as the outer list starting over. A
// list nested in numbered items only is told apart by its numbers (2.1.,
// a.), as before.
func (ls htmlLists) indent() string {
	for _, l := range ls[:len(ls)-1] {
		if !l.ordered {
			return strings.Repeat(string(keptSpace), 2*(len(ls)-1))
		}
	}
	return ""
}

// bulletAt is the bullet of an item nested level lists deep (0 for an
// outer list's): two spaces a level, as Markdown nests them. A browser
// tells the levels apart by indentation and marks; written flat, "Invoices"
// under "Paper records" read as the outer list's next item. The spaces
// are keptSpace, which normalize leaves at the start of a line.
func bulletAt(level int) string {
	return strings.Repeat(string(keptSpace), 2*max(level, 0)) + "- "
}

// nestIn numbers list l under the item of parent it opens in when both
// count in the same style, as legal and policy texts cite them ("2.1").
func (l *htmlList) nestIn(parent *htmlList) {
	if parent != nil && l.ordered && parent.ordered && parent.format == l.format && parent.label != "" {
		l.prefix = parent.label + "."
	}
}

// hasAttr reports whether n has the attribute key, with or without a
// value.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func (w *htmlWalker) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if n.Parent != nil && n.Parent.DataAtom == atom.Dl && strings.TrimSpace(n.Data) == "" {
			return // the indentation between a term and its definition: "Term : definition"
		}
		if pre && w.cells == 0 {
			writePre(&w.b, n.Data)
			return
		}
		// a table cell's preformatted text keeps to its row's line
		writeCollapsed(&w.b, n.Data)
		return
	case html.ElementNode:
		if n.DataAtom == atom.Title && w.title.Len() == 0 {
			w.title.WriteString(nodeText(n))
			return
		}
		skip := skipped[n.DataAtom] && !disclosureButton(n)
		if !skip && hiddenOrChrome(n) && !hiddenSelf(n) {
			w.keepChromeHeading(n)
			return
		}
		if skip || hiddenOrChrome(n) {
			// <head> may hold <title>: look inside it without emitting text.
			if n.DataAtom == atom.Head {
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.DataAtom == atom.Title && w.title.Len() == 0 {
						w.title.WriteString(nodeText(c))
					}
				}
			}
			return
		}
		if w.navCell(n) {
			return // a layout's menu column or banner row
		}
		if n.DataAtom == atom.H1 && w.h1 == "" {
			w.h1 = nodeText(n)
		}
		if w.wordTitle == "" && wordTitleRe.MatchString(attrVal(n, "class")) {
			w.wordTitle = collapseSpaces(nodeText(n))
		}
		w.noteHeading(n)
		w.open(n)
		pre = pre || preformatted(n)
	case html.CommentNode:
		return
	}
	marker := w.wordBullet(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c != marker {
			w.walk(c, pre)
		}
	}
	if n.Type == html.ElementNode {
		w.close(n)
	}
}

// msoListRe is the style of a list paragraph in a page Word saved as
// HTML: "mso-list:l0 level2 lfo1", the list and the item's level.
var msoListRe = regexp.MustCompile(`(?i)mso-list\s*:\s*l\d+\s+level(\d+)`)

// wordBullets are the bullets Word writes in the marker of a list
// paragraph it saves as HTML, in the Symbol, Courier New and Wingdings
// fonts it sets them in: "·" and "o" read as text, the levels flat.
const wordBullets = "·o§ü•▪Øvn–-*"

// wordBullet writes, for a bulleted list paragraph of a page Word saved as
// HTML, the bullet at its level (mso-list's), as a nested <ul>'s is, and
// returns the marker span Word wrote instead, for the caller to leave
// out; nil for any other element, a numbered item keeping its number.
func (w *htmlWalker) wordBullet(n *html.Node) *html.Node {
	if n.Type != html.ElementNode || w.cells > 0 {
		return nil
	}
	m := msoListRe.FindStringSubmatch(attrVal(n, "style"))
	if m == nil {
		return nil
	}
	c := n.FirstChild
	for c != nil && (c.Type == html.CommentNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) == "") {
		c = c.NextSibling
	}
	if c == nil || c.Type != html.ElementNode || c.DataAtom != atom.Span {
		return nil
	}
	mark := strings.TrimFunc(nodeText(c), unicode.IsSpace)
	if utf8.RuneCountInString(mark) != 1 || !strings.Contains(wordBullets, mark) {
		return nil
	}
	level, _ := strconv.Atoi(m[1])
	w.b.WriteString(bulletAt(level - 1))
	w.labelEnd = w.b.Len()
	return c
}

// subHeadings are the headings below <h1>.
var subHeadings = map[atom.Atom]bool{atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true}

// noteHeading keeps block n as boldHead when it is the first heading
// among the page's first blocks outside tables and lists: an <h2>-<h6>,
// or a paragraph whose text is all bold.
func (w *htmlWalker) noteHeading(n *html.Node) {
	if w.boldHead != "" || w.cells > 0 || len(w.lists) > 0 || w.blocks >= titleWindow {
		return
	}
	if n.DataAtom != atom.P && n.DataAtom != atom.Div && !subHeadings[n.DataAtom] {
		return
	}
	w.blocks++
	if t := collapseSpaces(nodeText(n)); (subHeadings[n.DataAtom] || allBold(n) || titleClassRe.MatchString(attrVal(n, "class"))) && headingLine(t) {
		w.boldHead = t
	}
}

// titleClassRe is the class a content system gives the block it sets as
// the page's heading without an <h1>: <div class="page-title">, <p
// class="title">, SharePoint's "ms-pageTitle".
var titleClassRe = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:page-?)?title(?:$|[\s_-])|pagetitle`)

// allBold reports whether every word of n's text is inside a <b>, a
// <strong> or an element styled bold.
func allBold(n *html.Node) bool {
	if n.Type == html.ElementNode && boldElement(n) {
		return true
	}
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data) == ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !allBold(c) {
			return false
		}
	}
	return true
}

// boldStyleRe is an inline style that sets text in bold.
var boldStyleRe = regexp.MustCompile(`(?i)font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b`)

// boldElement reports an element that sets its text in bold.
func boldElement(n *html.Node) bool {
	return n.DataAtom == atom.B || n.DataAtom == atom.Strong || boldStyleRe.MatchString(attrVal(n, "style"))
}

// keepChromeHeading writes the <h1> of a site banner left out as chrome
// when it is the page's only one: a short notice's header holds the logo,
// a home link and the notice's own heading, which went with the logo and
// left the page without its title. The banner's link texts and image
// names are the site's name, which a <title> that only names the site
// repeats.
func (w *htmlWalker) keepChromeHeading(chrome *html.Node) {
	h := firstH1(chrome)
	if h == nil || w.h1 != "" || countH1(root(chrome)) != 1 || hasLink(h) || insideLink(h) {
		return // a blog's <h1> is its name, linking home
	}
	w.h1 = nodeText(h)
	w.b.WriteString("\n\n")
	w.b.WriteString(w.h1)
	w.b.WriteString("\n\n")
	for _, name := range siteNames(chrome) {
		if w.siteNames == nil {
			w.siteNames = map[string]bool{}
		}
		w.siteNames[strings.ToLower(name)] = true
	}
}

// firstH1 is the first <h1> inside n that a reader sees, nil when none.
func firstH1(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipped[c.DataAtom] || hiddenSelf(c) {
			continue
		}
		if c.DataAtom == atom.H1 {
			return c
		}
		if h := firstH1(c); h != nil {
			return h
		}
	}
	return nil
}

// insideLink reports whether n is inside a link.
func insideLink(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.A {
			return true
		}
	}
	return false
}

// countH1 counts the <h1> elements under n.
func countH1(n *html.Node) int {
	k := 0
	if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
		k++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		k += countH1(c)
	}
	return k
}

// root is the document node n belongs to.
func root(n *html.Node) *html.Node {
	for n.Parent != nil {
		n = n.Parent
	}
	return n
}

// siteNames are the texts of the links and the names of the images in n,
// outside its <h1>.
func siteNames(n *html.Node) []string {
	var names []string
	var rec func(*html.Node)
	rec = func(c *html.Node) {
		if c.Type != html.ElementNode || c.DataAtom == atom.H1 {
			return
		}
		if c.DataAtom == atom.A {
			if t := nodeText(c); t != "" {
				names = append(names, t)
			}
		}
		if c.DataAtom == atom.Img {
			if alt := collapseSpaces(attrVal(c, "alt")); alt != "" {
				names = append(names, alt)
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			rec(k)
		}
	}
	rec(n)
	return names
}

// hiddenSelf reports an element its own attributes or style hide, as
// opposed to one left out as the site around the document.
func hiddenSelf(n *html.Node) bool {
	if !hiddenAttr(n) {
		return false
	}
	return !collapsedPanel(n)
}

// hiddenAttr reports an element whose attributes or style hide it.
func hiddenAttr(n *html.Node) bool {
	for _, a := range n.Attr {
		switch {
		case a.Key == "hidden", a.Key == "aria-hidden" && a.Val == "true", a.Key == "style" && hiddenStyle(a.Val):
			return true
		}
	}
	return false
}

// hiddenOrChrome reports an element a reader does not see, or that is the
// site around the document rather than the document: hidden ones, and
// the ARIA landmarks for navigation, site banner, site footer and search.
func hiddenOrChrome(n *html.Node) bool {
	if hiddenSelf(n) {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			switch a.Val {
			case "navigation", "banner", "contentinfo", "search", "dialog", "alertdialog":
				return true
			}
		case "class", "id":
			if cookieBannerRe.MatchString(a.Val) || readerCommentsRe.MatchString(a.Val) {
				return true
			}
			if a.Key == "id" && sharePointChromeRe.MatchString(a.Val) || a.Key == "class" && wordTOCRe.MatchString(a.Val) {
				return true
			}
			// a site built of divs names its menu, sidebar and footer so:
			// chrome when its words are mostly links' ("Cart (0) | My
			// account", "Related - Privacy - Returns")
			if chromeClassRe.MatchString(a.Val) && !inContent(n) && linkShare(n) >= 0.5 {
				return true
			}
			if (promptClassRe.MatchString(a.Val) || chromeClassRe.MatchString(a.Val)) && sitePrompt(n) {
				return true
			}
			if footerClassRe.MatchString(a.Val) && !inContent(n) && siteImprint(n) {
				return true
			}
		}
	}
	switch n.DataAtom {
	case atom.A:
		return skipLink(n) || pageTool(n)
	case atom.P, atom.Div, atom.Span, atom.Li, atom.Ul:
		return toolBar(n)
	case atom.Header, atom.Footer, atom.Aside:
		// the site's banner, footer and sidebar: outside the article, with
		// links (a logo, a menu, "Contact | Legal notice") or a cookie
		// notice. An article's own header and footer, and a saved
		// document's running header without links ("ACME Corp - Supply
		// Agreement", "Page 1 of 3"), are the document's.
		return !inContent(n) && (hasLink(n) || strings.Contains(strings.ToLower(nodeText(n)), "cookie"))
	}
	return false
}

// promptClassRe is the class or id of a block that may hold a site's own
// prompt rather than the page's words: a footer, a feedback or rating
// box, an accessibility skip bar (besides chromeClassRe's menus and
// bars).
var promptClassRe = regexp.MustCompile(`(?i)footer|feedback|helpful|rating|survey|skip`)

// sitePromptRe is the whole text of a prompt that a site puts on every
// page: "Was this page helpful? Yes No", "Did you find this useful?",
// "Skip to main content" written as text and not as a link.
var sitePromptRe = regexp.MustCompile(`(?i)^(?:(?:was|is) this (?:page|article|information|content|answer) (?:helpful|useful)|did you find (?:this|what you (?:were looking for|needed))(?: (?:page|article|information))?(?: (?:helpful|useful))?|skip\s+(?:to|navigation)\b[^.]*)[?.!]?(?:\s*(?:yes|no|thanks?|thank you|rate this page|feedback|[👍👎]))*$`)

// footerClassRe is the class or id of a site's footer.
var footerClassRe = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:site-?)?footer(?:$|[\s_-])`)

// imprintRe is what a site's footer says of its owner on every page: a
// company's registration, its copyright, the page's owner.
var imprintRe = regexp.MustCompile(`(?i)\bregistered (?:in|office)\b|\bcompany (?:no|number|registration)\b|©|\(c\) \d{4}|\bcopyright\b|\ball rights reserved\b|\bpage (?:owner|maintained by|last (?:updated|reviewed))\b`)

// siteImprint reports a footer of few words each of whose statements
// only names the site's owner ("Acme Ltd, registered in England and Wales. Page owner: HR
// Operations."): without a link the footer rule kept it, and it closed a
// policy's summary.
func siteImprint(n *html.Node) bool {
	t := strings.Join(strings.Fields(nodeText(n)), " ")
	if len(t) > 240 {
		return false
	}
	for _, part := range imprintSplitRe.Split(t, -1) {
		if part = strings.TrimSpace(part); part != "" && !imprintRe.MatchString(part) {
			return false // it says more: an address, a promise, the document's own words
		}
	}
	return true
}

// imprintSplitRe is where a footer's statements end.
var imprintSplitRe = regexp.MustCompile(`[.;|](?:\s|$)`)

// sitePrompt reports a block of few words that is all a site's prompt:
// left in, "Was this page helpful? Yes No" closed an intranet page's text
// and its summary.
func sitePrompt(n *html.Node) bool {
	t := strings.Join(strings.Fields(nodeText(n)), " ")
	return len(t) <= 120 && sitePromptRe.MatchString(t)
}

// skipLinkRe is the text of an accessibility link past a site's menus.
var skipLinkRe = regexp.MustCompile(`(?i)^skip\s+(?:to|navigation)\b`)

// skipLink reports a link that jumps within the page past its menus
// ("Skip to main content"): chrome, which opened an intranet page's text
// and titled a page with no <title>.
func skipLink(n *html.Node) bool {
	return strings.HasPrefix(attrVal(n, "href"), "#") && skipLinkRe.MatchString(strings.TrimSpace(nodeText(n)))
}

// printLinkRe is the text of a page's print link: "Print this page",
// "Printer-friendly version".
var printLinkRe = regexp.MustCompile(`(?i)^(?:print(?:\s+(?:this|the))?(?:\s+(?:page|article|policy|document|version))?|printer[- ]friendly(?:\s+(?:version|page))?)$`)

// pageTool reports a link back to where the reader came from ("« Back
// to all policies", backLinkRe) or to print the page, standing among
// links only: the page's tools, which opened a saved policy's text ("«
// Back to all policies | Print this page"). Such words inside a sentence
// are the sentence's.
func pageTool(n *html.Node) bool {
	t := strings.Join(strings.Fields(nodeText(n)), " ")
	if !backLinkRe.MatchString(t) && !printLinkRe.MatchString(t) {
		return false
	}
	return n.Parent != nil && linkShare(n.Parent) >= 0.9
}

// toolBar reports a block that holds only page tools (pageTool) and
// what separates them ("|", "·"): left in, its separators opened the
// text once the links were gone.
func toolBar(n *html.Node) bool {
	tools := 0
	var other bool
	var rec func(*html.Node)
	rec = func(c *html.Node) {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			if pageTool(c) {
				tools++
			} else {
				other = true
			}
			return
		}
		if c.Type == html.TextNode && countLetters(c.Data) > 0 {
			other = true
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			rec(k)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		rec(c)
	}
	return tools > 0 && !other
}

// wordTitleRe is the class of a paragraph in Word's Title style in a
// page Word saved.
var wordTitleRe = regexp.MustCompile(`(?i)(?:^|\s)MsoTitle(?:$|\s)`)

// wordTOCRe is the class of a table of contents' entry or heading in a
// page Word saved ("MsoToc1", "MsoTocHeading"): the DOCX reader leaves a
// table of contents out, since it repeats the headings, and its
// "1. Purpose. . . . . . 1" lines read as clauses.
var wordTOCRe = regexp.MustCompile(`(?i)(?:^|\s)MsoToc(?:\d|Heading)`)

// sharePointChromeRe is the id of a SharePoint master page's chrome: the
// suite bar, the ribbon ("Browse Page Share Follow", which titled a saved
// page), the title row and the left navigation around the page's content.
var sharePointChromeRe = regexp.MustCompile(`^(?:suiteBar(?:Top|Left|Right)?|s4-ribbonrow|s4-titlerow|titleAreaBox|sideNavBox|DeltaPlaceHolderLeftNavBar|DeltaSuiteLinks|DeltaSuiteBarRight|DeltaTopNavigation)$`)

// readerCommentsRe is the class or id of the readers' comments under a
// post ("comments", "comment-list", "disqus_thread"): they are not the
// document, and one ended a blog post's summary.
var readerCommentsRe = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:comments|comment-?(?:list|area|section|thread)s?|disqus(?:_thread)?|responses)(?:$|[\s_-])`)

// chromeClassRe is the class or id of a site's menu, bars, sidebar or
// footer.
var chromeClassRe = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|top-?bar|side-?bar|bottom-?bar|breadcrumbs?|crumbs?|site-?header|site-?footer|footer|masthead|header|bottom|related|social|share)(?:$|[\s_-])`)

// linkShare is the share of n's letters that are inside links.
func linkShare(n *html.Node) float64 {
	all := countLetters(nodeText(n))
	if all == 0 {
		return 0
	}
	linked := 0
	var rec func(*html.Node)
	rec = func(c *html.Node) {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			linked += countLetters(nodeText(c))
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			rec(k)
		}
	}
	rec(n)
	return float64(linked) / float64(all)
}

// hasLink reports whether n holds a link.
func hasLink(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.A && attrVal(n, "href") != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasLink(c) {
			return true
		}
	}
	return false
}

// cookieBannerRe is the class or id of a cookie or consent banner (not a
// policy's section on cookies, id="cookies"), the consent platforms' own
// among them: OneTrust's "onetrust-banner-sdk", Cookiebot's
// "CybotCookiebotDialog", cookieconsent's "cc-window", CookieYes,
// TrustArc, Quantcast, Didomi, Usercentrics, iubenda, Osano. Most
// corporate sites use one, and their "We use cookies ..." led a policy's
// summary and made "cookies" its first key phrase.
var cookieBannerRe = regexp.MustCompile(`(?i)cookie[-_ ]?(?:banner|notice|consent|bar|popup|law|message|warning)|(?:consent|gdpr)[-_ ]?(?:banner|popup|bar|modal|manager)` +
	`|onetrust|(?:^|\s)ot-sdk|cookiebot|(?:^|\s)cc-(?:window|banner|revoke)(?:$|\s)|(?:^|\s)cky-consent|truste-consent|truste_box|(?:^|\s)qc-cmp|didomi-(?:host|notice|popup)|usercentrics|iubenda-cs|osano-cm`)

// inContent reports whether n is inside an article, a section or the
// main element.
func inContent(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Article, atom.Section, atom.Main:
			return true
		}
	}
	return false
}

// hiddenStyle reports an inline style that hides the element: display:
// none, visibility: hidden, or Word's mso-hide: all.
func hiddenStyle(style string) bool {
	st := strings.ToLower(strings.Join(strings.Fields(style), ""))
	for _, decl := range strings.Split(st, ";") {
		switch strings.TrimSuffix(decl, "!important") {
		case "display:none", "visibility:hidden", "mso-hide:all":
			return true
		}
	}
	return false
}

// minMainRunes is the least text a <main> element must hold to be taken
// as the page's content; less, and it is probably a placeholder. A Han
// character counts as hanWeight runes: it carries about a word, so 70 of
// them are a paragraph.
const (
	minMainRunes = 200
	hanWeight    = 3
)

// textWeight is the length of s in runes, Han characters weighted.
func textWeight(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n += hanWeight
		} else {
			n++
		}
	}
	return n
}

// mainContent returns the page's single <main> element (or role="main"),
// when it holds the document: then site headers, footers, cookie notices
// and sidebars outside it are left out. nil when there is none, more than
// one, or it is nearly empty.
func mainContent(doc *html.Node) *html.Node {
	var found []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Main || attrVal(n, "role") == "main" {
				found = append(found, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(doc)
	if len(found) == 0 {
		found = articles(doc) // most pages have no <main>; a blog or news page has one <article>
	}
	if len(found) != 1 || textWeight(nodeText(found[0])) < minMainRunes {
		return nil
	}
	return found[0]
}

// articles are the outermost <article> elements of doc.
func articles(doc *html.Node) []*html.Node {
	var found []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Article {
			found = append(found, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(doc)
	return found
}

// titleOf returns the text of the first <title>.
func titleOf(doc *html.Node) string {
	var t string
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if t != "" {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			t = nodeText(n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(doc)
	return t
}

func attrVal(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// open writes what starts an element: a break before blocks, a bullet
// before list items, a separator before table cells after the first.
func (w *htmlWalker) open(n *html.Node) {
	if n.DataAtom == atom.Ol || n.DataAtom == atom.Ul {
		w.lists.push(newHTMLList(n, func() int { return childItems(n) }))
	}
	if n.DataAtom == atom.Tr {
		w.rows = append(w.rows, &htmlRow{spans: w.spansOf(n)})
	}
	switch {
	case w.layoutCell(n):
		endLine(&w.b) // a column of the page: its blocks are the page's
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.startCell(n)
		w.cells++
	case w.cells > 0 && (paraBlocks[n.DataAtom] || lineBlocks[n.DataAtom]):
		// a paragraph or list inside a cell (Word's .htm, CMS tables)
		// stays within the row's line
		w.b.WriteString(" ")
	case n.DataAtom == atom.Dd && atom.Dt == prevElement(n) && termOpen(w.b.String()):
		// "Term: definition" on one line, as a glossary or a contract's
		// definitions read; run together they made "Affiliate any entity"
		w.b.WriteString(termSeparator(w.b.String()))
		w.labelEnd = w.b.Len()
	case w.atLabel() && n.DataAtom != atom.Ol && n.DataAtom != atom.Ul && n.DataAtom != atom.Br &&
		(paraBlocks[n.DataAtom] || lineBlocks[n.DataAtom]):
		// a CMS wraps each item's text in <p> or <div>: a break there left
		// "1." on a line of its own, its clause below it
	case paraBlocks[n.DataAtom]:
		w.b.WriteString("\n\n")
	case n.DataAtom == atom.Li:
		endLine(&w.b)
		w.b.WriteString(w.lists.itemLabel(n))
		w.labelEnd = w.b.Len()
	case n.DataAtom == atom.Br:
		w.b.WriteString("\n") // two in a row leave a blank line
	case lineBlocks[n.DataAtom]:
		endLine(&w.b)
	}
}

// atLabel reports whether nothing has been written since a list item's
// number.
func (w *htmlWalker) atLabel() bool {
	return w.labelEnd > 0 && w.b.Len() == w.labelEnd
}

// close writes what ends an element.
func (w *htmlWalker) close(n *html.Node) {
	if n.DataAtom == atom.Ol || n.DataAtom == atom.Ul {
		w.lists.pop()
	}
	if n.DataAtom == atom.Tr && len(w.rows) > 0 {
		w.endRow()
	}
	switch {
	case w.layoutCell(n):
		endLine(&w.b)
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.cells--
	case w.cells > 0 && (paraBlocks[n.DataAtom] || lineBlocks[n.DataAtom]):
		w.b.WriteString(" ")
	case paraBlocks[n.DataAtom]:
		w.b.WriteString("\n\n")
	case n.DataAtom == atom.Dt && atom.Dd == nextElement(n):
		// its definition follows on this line
	case lineBlocks[n.DataAtom] && n.DataAtom != atom.Br:
		endLine(&w.b)
	}
}

// termOpen reports whether written ends in a term's text, not a break (a
// <dt> of paragraphs ended its own line).
func termOpen(written string) bool {
	t := strings.TrimRight(written, " ")
	return t != "" && t[len(t)-1] != '\n'
}

// termSeparator is what goes between a term and its definition: ": ", or
// a space after a term that ends in a colon already.
func termSeparator(written string) string {
	t := strings.TrimRight(written, " ")
	if strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：") {
		return " "
	}
	return ": "
}

// prevElement is the element before n among its siblings, 0 when none.
func prevElement(n *html.Node) atom.Atom {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode {
			return p.DataAtom
		}
	}
	return 0
}

// nextElement is the element after n among its siblings, 0 when none.
func nextElement(n *html.Node) atom.Atom {
	for p := n.NextSibling; p != nil; p = p.NextSibling {
		if p.Type == html.ElementNode {
			return p.DataAtom
		}
	}
	return 0
}

// layoutCell reports a cell of a layout table: an old intranet page's
// table of banner, menu column and content column, which as a data table's
// row ran the menu and the whole policy into one " | " line.
func (w *htmlWalker) layoutCell(n *html.Node) bool {
	if n.DataAtom != atom.Td && n.DataAtom != atom.Th {
		return false
	}
	t := tableOf(n)
	if t == nil {
		return false
	}
	if w.layouts == nil {
		w.layouts = map[*html.Node]bool{}
	}
	layout, ok := w.layouts[t]
	if !ok {
		layout = isLayoutTable(t)
		w.layouts[t] = layout
	}
	return layout
}

// navCell reports a layout table's cell whose words are mostly links'
// (the menu column, the banner's "Intranet home"): the site, not the
// document.
func (w *htmlWalker) navCell(n *html.Node) bool {
	return w.layoutCell(n) && linkShare(n) >= 0.5
}

// tableOf is the table a cell belongs to.
func tableOf(cell *html.Node) *html.Node {
	for p := cell.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Table:
			return p
		case atom.Td, atom.Th:
			return nil
		}
	}
	return nil
}

// layoutMinRunes is the text a cell of paragraphs must hold to be a
// page's column: a data table's cell holds a value or a short note.
const layoutMinRunes = 300

// isLayoutTable reports a table that lays out a page: one of its own
// cells holds a heading, a table, or paragraphs of a page's length. A
// data table's cells, Word's <p class=MsoNormal> in each among them, hold
// none of these.
func isLayoutTable(t *html.Node) bool {
	found := false
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				continue // a nested table's cells are its own
			case atom.Td, atom.Th:
				found = pageColumn(c)
			default:
				rec(c)
			}
		}
	}
	rec(t)
	return found
}

// pageColumn reports a cell that holds a page's content: a heading, a
// table, or two paragraphs or more of layoutMinRunes in all.
func pageColumn(cell *html.Node) bool {
	blocks, heading := 0, false
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !heading; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table:
				heading = true
			case atom.P, atom.Ul, atom.Ol, atom.Dl, atom.Blockquote, atom.Pre:
				blocks++
			default:
				rec(c)
			}
		}
	}
	rec(cell)
	return heading || blocks >= 2 && textWeight(nodeText(cell)) >= layoutMinRunes
}

// htmlRow is an open table row: how many cells it has written and the
// grid column its next cell starts at.
type htmlRow struct {
	written int
	col     int
	spans   map[int]*rowSpan // its table's; nil outside a table
}

// rowSpan is a cell with rowspan: its text, and how many rows below its
// own it still stands in.
type rowSpan struct {
	text string
	rows int
}

// maxSpan bounds a rowspan or colspan read from a page (browsers cap
// rowspan at 65534 and colspan at 1000).
const maxSpan = 1000

// spansOf returns the row-spanning cells of the table row tr is in.
func (w *htmlWalker) spansOf(tr *html.Node) map[int]*rowSpan {
	t := tableOf(tr)
	if t == nil {
		return nil
	}
	if w.spans == nil {
		w.spans = map[*html.Node]map[int]*rowSpan{}
	}
	if w.spans[t] == nil {
		w.spans[t] = map[int]*rowSpan{}
	}
	return w.spans[t]
}

// startCell writes what comes before data cell n: the cells of rows above
// that span down into this row before n's column, each " | " separated,
// as a browser draws them. Each row is a line read on its own: "Premium |
// USD 250" under "Hosting" with rowspan=2 read as a service called
// Premium.
func (w *htmlWalker) startCell(n *html.Node) {
	if len(w.rows) == 0 || w.rows[len(w.rows)-1].spans == nil {
		if hasPrevCell(n) {
			w.b.WriteString(" | ")
		}
		return
	}
	r := w.rows[len(w.rows)-1]
	col := r.startCell(&w.b, spanAttr(n, "colspan"))
	r.span(col, spanAttr(n, "rowspan"), nodeText(n))
}

// startCell writes what comes before a cell of row r that spans colspan
// columns (the spanning cells from rows above before its column, a " | "
// after the row's cells), and returns the column it starts at.
func (r *htmlRow) startCell(b *strings.Builder, colspan int) int {
	r.writeSpanned(b, -1)
	if r.written > 0 {
		b.WriteString(" | ")
	}
	r.written++
	col := r.col
	r.col += max(colspan, 1)
	return col
}

// span keeps the text of the cell at col when it spans rows below its
// own.
func (r *htmlRow) span(col, rowspan int, text string) {
	if rowspan > 1 {
		r.spans[col] = &rowSpan{text: text, rows: rowspan - 1}
	}
}

// writeSpanned writes the spanning cells that stand in row r from its
// next column on, up to column before (-1: as far as they go on
// unbroken).
func (r *htmlRow) writeSpanned(b *strings.Builder, before int) {
	for before < 0 || r.col < before {
		s := r.spans[r.col]
		if s == nil || s.rows == 0 {
			return
		}
		if r.written > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(s.text)
		r.written++
		s.rows--
		if s.rows == 0 {
			delete(r.spans, r.col)
		}
		r.col++
	}
}

// endRow closes the innermost row, writing the spanning cells that stand
// after its last cell.
func (w *htmlWalker) endRow() {
	r := w.rows[len(w.rows)-1]
	w.rows = w.rows[:len(w.rows)-1]
	r.end(&w.b)
}

// end writes the spanning cells that stand after row r's last cell.
func (r *htmlRow) end(b *strings.Builder) {
	if r.spans == nil {
		return
	}
	last := -1
	for c := range r.spans {
		last = max(last, c)
	}
	for r.col <= last {
		if r.spans[r.col] == nil {
			r.col++ // a column the row leaves empty
			continue
		}
		r.writeSpanned(b, last+1)
	}
}

// spanAttr reads a cell's rowspan or colspan, 1 when absent or unreadable.
func spanAttr(n *html.Node, key string) int {
	v, err := strconv.Atoi(strings.TrimSpace(attrVal(n, key)))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, maxSpan)
}

func hasPrevCell(n *html.Node) bool {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode && (p.DataAtom == atom.Td || p.DataAtom == atom.Th) {
			return true
		}
	}
	return false
}

// nodeText returns the text inside n, spaces collapsed; inline markup
// adds no space ("Gu<b>ide</b>" is "Guide"), blocks and breaks do.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && skipped[n.DataAtom] && n.DataAtom != atom.Head {
			return
		}
		block := n.Type == html.ElementNode && (paraBlocks[n.DataAtom] || lineBlocks[n.DataAtom] ||
			n.DataAtom == atom.Td || n.DataAtom == atom.Th)
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
