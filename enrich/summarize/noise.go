package summarize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NonProse marks the units that are layout left over from the page rather
// than sentences a reader wants in a summary: signature blocks and tables
// (runs of rules or wide gaps, "Name:" / "Title:" fields, EDGAR's "/s/"),
// lines that introduce what follows ("... agree as follows:", "5. RIGHTS
// GRANTED:"), the signing formulas of contracts ("IN WITNESS WHEREOF ..."),
// name and address blocks (almost no lower-case or function word),
// definitions (""Territory" means ..."), and page headers or footers that
// repeat through the document (EDGAR's
// "Source: COMPANY, 8-K, date"). When every unit is marked, none is, so a
// selector always has something to choose from.
func NonProse(units []string) []bool {
	seen := map[string]int{}
	for _, u := range units {
		seen[normUnit(u)]++
	}
	out := make([]bool, len(units))
	all := true
	for i, u := range units {
		out[i] = layout(u) || introduces(u) || formula(u) || quoteTail(u) || nameBlock(u) || titleCase(u) || heading(u) || notice(u) ||
			definition(u) || actTitle(u) || sourceNoteRe.MatchString(u) || zhField(u) || signatureRe.MatchString(u) || i == 0 && (zhTitle(u) || headline(u)) || seen[normUnit(u)] >= repeatedUnit && headerLike(u) ||
			unstopped(u) && (i+1 < len(units) || len(strings.Fields(u)) <= 6) || commaEnded(units, i) || paragraphCaption(units, i) ||
			frAdminField.MatchString(u) || usAddressTail(u) || citationNote(u) || footnoteRe.MatchString(u) || runInHeading(units, i) ||
			recordLine(u)
		all = all && out[i]
	}
	if all {
		return make([]bool, len(units))
	}
	return out
}

// recordLineRe is a line of a page's record-keeping: when it was last
// reviewed or updated, its version, owner or next review ("Last reviewed
// 14 January 2026.", "Owner: Records Management Office.", "Version 3.2").
var recordLineRe = regexp.MustCompile(`(?i)^\s*(?:last\s+(?:reviewed|updated|modified|revised|amended)|(?:date\s+)?(?:reviewed|updated|revised|modified)\s*(?:on\s*)?:|(?:document\s+|policy\s+|page\s+)?(?:owner|version|ref(?:erence)?\s+no\.?)\s*:|version\s+\d|next\s+review|review\s+date)\b`)

// recordLine reports a short unit that only keeps a page's record (its
// review date, owner, version): an intranet policy's summary opened with
// "Last reviewed 14 January 2026." and said nothing of the policy.
func recordLine(u string) bool {
	return recordLineRe.MatchString(u) && len(strings.Fields(u)) <= 12
}

// commaEnded reports a unit that ends with a comma although the unit
// after it opens no continuation of it (a capital, a number, a bracket,
// or nothing): an act's enacting formula and citations ("THE EUROPEAN
// PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,", "Having regard to
// the proposal from the European Commission,"), a letter's salutation,
// an address line. Joined to the sentence chosen after it, it read as
// that sentence's opening.
func commaEnded(units []string, i int) bool {
	u := strings.TrimSpace(units[i])
	if !strings.HasSuffix(u, ",") {
		return false
	}
	if i+1 == len(units) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(units[i+1]))
	return !unicode.IsLower(r)
}

// repeatedUnit is how often a unit must occur to be a header or footer.
const repeatedUnit = 3

// headerLike reports whether a unit that repeats reads as a page's header
// or footer: short, or without a sentence's closing stop ("Source: ACME
// CORP, 10-K, 3/1/2019", "CONFIDENTIAL"). A sentence the text repeats
// (boilerplate, a clause pasted twice) is still a sentence, which
// redundancy control lets into a summary once.
func headerLike(u string) bool {
	u = strings.TrimSpace(u)
	last, _ := utf8.DecodeLastRuneInString(u)
	return utf8.RuneCountInString(u) <= 40 || !strings.ContainsRune(".!?。！？", last)
}

var (
	ruleRun   = regexp.MustCompile(`[-_=.·…＿—]{4,}`)
	gapRun    = regexp.MustCompile(`[ \t]{3,}`)
	wideGap   = regexp.MustCompile(`[ \t]{8,}`)
	formField = regexp.MustCompile(`(?i)\b(?:name|title|by|date|signature|signed|its)\s*:`)
)

// hasWord reports whether u holds a word: three letters in a row, or a
// Chinese character ("1. a. i. ii." is a list's numbering alone).
func hasWord(u string) bool {
	run := 0
	for _, r := range u {
		switch {
		case unicode.Is(unicode.Han, r):
			return true
		case unicode.IsLetter(r):
			if run++; run >= 3 {
				return true
			}
		default:
			run = 0
		}
	}
	return false
}

// Chinese signature and contact lines: "乙方（盖章）：...", "签字：", and
// a party's address, telephone or bank account.
var (
	zhSignature = regexp.MustCompile(`[（(]\s*(?:盖章|签章|签字|签名|公章|蓋章|簽章|簽字|簽名)\s*[)）]|(?:签字|签章|盖章|签名|签署|簽署|簽字|蓋章|簽章|簽名)(?:日期)?\s*[:：]`)
	zhContact   = regexp.MustCompile(`(?:地址|住所|电话|電話|传真|傳真|邮编|郵遞區號|邮箱|電子郵件|开户行|开户银行|開戶銀行|账号|帳號|统一社会信用代码|統一編號|法定代表人|联系人|聯絡人)\s*[:：]`)
)

func layout(u string) bool {
	// the Chinese expressions match Chinese characters only: an ASCII
	// unit (most units of an English text) skips them
	zh := !isASCII(u)
	return !hasWord(u) || zh && zhSignature.MatchString(u) || zh && zhContact.MatchString(u) && utf8.RuneCountInString(u) <= 120 ||
		ruleRun.MatchString(u) || wideGap.MatchString(u) || len(gapRun.FindAllStringIndex(u, 3)) >= 2 ||
		len(formField.FindAllStringIndex(u, 2)) >= 2 || strings.Contains(u, "/s/") ||
		len(bulletRe.FindAllStringIndex(u, 3)) >= 3 || len(tocEntry.FindAllStringIndex(u, 3)) >= 3 ||
		tableRow(u) || code(u) || keywordLine.MatchString(u) || question(u) || zh && (zhDateLine.MatchString(u) || zhIssuerLine.MatchString(u) || zhDocNumberLine.MatchString(u))
}

// tableRow reports a table's row as the parser writes it, cells " | "
// separated: three cells or more, or two when the row closes no sentence
// ("类别 | 保存期限", "Effective Date | 1 March 2026"), which a two-column
// table's rows seldom do. A Chinese row ends with a character where a
// sentence ends with a stop.
func tableRow(u string) bool {
	if strings.Count(u, " | ") >= 2 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(u))
	return strings.Contains(u, " | ") && !strings.ContainsRune(".!?。！？", last)
}

// codeRunes are the characters of a program or a shell command that prose
// seldom holds: braces, a backslash, a hash, an equals sign, angle
// brackets, a backtick. Not "$" (amounts), "/" ("and/or") or ";"
// (a clause's list).
const codeRunes = "{}\\#=~^`<>"

// code reports a unit that is a program or a command (a policy's script
// in a <pre> block: "#!/bin/sh # purge records ... -exec shred -u {} \;"):
// a shebang, or three code characters or more.
func code(u string) bool {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "#!") {
		return true
	}
	n := 0
	for _, r := range u {
		if strings.ContainsRune(codeRunes, r) {
			n++
		}
	}
	return n >= 3
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// zhDateLine is a Chinese date on a line of its own, a notice's or a
// letter's dateline under the issuer's name ("2024年9月20日", "二〇二四年三月
// 十五日", Taiwan's "中華民國一一三年九月二十日"): it says when, which the
// entities hold, and closed the summaries of notices as if a sentence. A
// date in English ("20 June 2024") is unstopped; a Chinese one ends in 日,
// which closes it as a sentence.
var zhDateLine = regexp.MustCompile(`^\s*(?:(?:中华民国|中華民國|民国|民國)\s*)?(?:\d{2,4}|[〇零○Ｏ一二三四五六七八九十百]{2,6})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*[日号])?\s*[。.]?\s*$`)

// zhDocNumberLine is an official document's number on a line of its own
// (沪人社规〔2024〕12号, 国办发[2023]5号, 京政发（2024）第3号): which
// document this is, not what it says; a notice's summary opened with it.
var zhDocNumberLine = regexp.MustCompile(`^\s*\p{Han}{1,12}\s*[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*第?\s*\d{1,5}\s*号\s*$`)

// zhIssuerLine is an organisation's name on a line of its own, a notice's
// or a letter's issuer above its dateline ("上海浦江集团有限公司法务合规部",
// "国家互联网信息办公室"): it says who signed, and closed a notice's
// summary as if a sentence.
var zhIssuerLine = regexp.MustCompile(`^\s*[\p{Han}（）()]{2,40}(?:公司|集团|部|局|厅|署|委员会|办公室|中心|政府)\s*$`)

// question reports a short question: an FAQ's or a policy's heading ("How
// long does the battery last?", "What information do we collect?"), which
// the text after it answers, and a summary should say.
func question(u string) bool {
	u = strings.TrimSpace(u)
	return (strings.HasSuffix(u, "?") || strings.HasSuffix(u, "？")) && len(strings.Fields(u)) <= 20 && utf8.RuneCountInString(u) <= 160
}

// keywordLine is a paper's or a page's list of key words ("Keywords:
// speech recognition, ..."), which says what it is about in no sentence.
// A unit with two " | " or more is a table's row or a header's fields
// ("Effective 1 January 2025 | Owner: People Team | ...").
var keywordLine = regexp.MustCompile(`(?i)^\s*(?:key\s*words?|index\s+terms|tags)\s*[:：—-]`)

var (
	// bulletRe is a list bullet; three in one unit are a list's layout
	// ("• • • • ◦ Net 30 on product sales.").
	bulletRe = regexp.MustCompile(`[•◦▪●■□➢]`)
	// tocEntry is a table of contents' entry, a section number before a
	// capitalised title ("12.1 By Customer"); a clause citing sections
	// names them before a comma or "and".
	tocEntry = regexp.MustCompile(`\b\d{1,3}\.\d{1,3}\.?\s+[A-Z]`)
	// pageFooter is a page's footer or number glued to the text around it
	// by extraction ("... Agreement Page 6/9", "Page 3 of 12").
	pageFooter = regexp.MustCompile(`(?i)\bpage\s+\d{1,4}\s*(?:/|of)\s*\d{1,4}\b`)
)

// withoutFooters takes page footers ("Page 6/9") out of a unit.
func withoutFooters(u string) string {
	if !pageFooter.MatchString(u) {
		return u
	}
	return strings.Join(strings.Fields(pageFooter.ReplaceAllString(u, " ")), " ")
}

// introduces reports a unit that ends in a colon: a heading or the lead-in
// of a list, empty without what follows.
func introduces(u string) bool {
	u = strings.TrimRightFunc(u, unicode.IsSpace)
	return strings.HasSuffix(u, ":") || strings.HasSuffix(u, "：")
}

func normUnit(u string) string {
	return strings.ToLower(strings.Join(strings.Fields(u), " "))
}

// quoteTailRe is the end of a quotation that began in a sentence before:
// the closing mark, then who said it ("We know patients want answers
// fast," said Anna Berg.), with no opening mark before it.
var quoteTailRe = regexp.MustCompile(`^[^"“]*[,.!?]["”]\s+(?:\S+\s+){0,4}?(?:said|says|added|adds|explained|noted|wrote)\b`)

// quoteTail reports a unit that is the second half of a quotation: alone
// it puts words in no one's mouth that can be checked.
func quoteTail(u string) bool { return quoteTailRe.MatchString(u) }

// formula reports the execution formulas of a contract, which say only
// that the parties sign.
func formula(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(l, "in witness whereof") || strings.HasPrefix(l, "by signing") || euFormula.MatchString(u)
}

// euFormula is one of the standard closing formulas of an EU act (the
// Joint Practical Guide's), the same in every act, or a footnote of the
// Official Journal ("(*1) Directive (EU) 2015/2366 ... (OJ L 337, ...)").
var euFormula = regexp.MustCompile(`^\s*(?:Done\s+at\s+[A-Z]\w+,|For\s+the\s+(?:European\s+Parliament|Council|Commission)\s+The\s+President\b|This\s+(?:Regulation|Decision)\s+shall\s+be\s+binding\s+in\s+its\s+entirety|This\s+Directive\s+is\s+addressed\s+to\s+the\s+Member\s+States|\(\*\d{1,3}\)\s)`)

// footnoteRe opens a footnote as a page's foot sets it: a reference mark
// ("∗ Formerly Northwind Hosting Inc.", "† Acting through its London
// branch") or a note's number before the words a note of a regulator's
// guidance opens with ("12 See the FCA's Finalised Guidance FG16/5",
// "3 Cf. Article 28", "4 Available at https://..."). It reached summaries
// as a sentence of the body. A number before any other word may be a
// clause's ("12 The Supplier shall ..."), and stays.
var footnoteRe = regexp.MustCompile(`^\s*(?:[*\x{2217}\x{204E}†‡]{1,3}\s+\S|\d{1,3}\s+(?:See\b|Cf\.|Ibid\b|Id\.|Available\s+at\b|https?://|For\s+(?:example|more|further|details)\b|OJ\s+[LC]\s))`)

// runInHeading reports a paragraph's heading set on the line of its text
// and closed with a stop, as regulators' guidance and contracts set them
// ("Access and audit rights. Firms should ensure ...", "4. Sub-outsourcing
// of critical functions. Where the provider ..."): two to six words in
// sentence case, no verb that a sentence of that length would need (an
// auxiliary, a modal, a copula) and no subject pronoun, and a unit after
// it opening with a capital, a sentence of minRunInBody words or more.
// The splitter makes it a sentence of its own, which a summary then read
// as one of the body.
func runInHeading(units []string, i int) bool {
	u := strings.TrimSpace(sectionNumber.ReplaceAllString(strings.TrimSpace(units[i]), ""))
	if i+1 == len(units) || !strings.HasSuffix(u, ".") || strings.HasSuffix(u, "..") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimSpace(units[i+1]))
	first, _ := utf8.DecodeRuneInString(u)
	words := strings.Fields(strings.TrimSuffix(u, "."))
	if len(words) < 2 || len(words) > 6 || !unicode.IsUpper(first) || !unicode.IsUpper(next) || len(strings.Fields(units[i+1])) < minRunInBody {
		return false
	}
	for _, w := range words {
		if clauseWords[strings.ToLower(strings.Trim(w, ",;:()\"'“”‘’"))] || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			return false
		}
	}
	return true
}

// minRunInBody is the fewest words of the sentence after a run-in
// heading: a short verbless sentence among short ones is a list's item.
const minRunInBody = 8

// clauseWords are the verbs and subjects a short sentence has and a
// heading has not.
var clauseWords = setOf("is are was were be been being am has have had shall will may must should can could would might does do did " +
	"agree agrees agreed apply applies applied mean means include includes includes i we you he she it they this these there")

// titleCase reports a short heading in title case ("Ability to Perform
// Services.", "Limitation of Liability"): at most eight words, and every
// word of four or more letters starts with a capital while some word is
// in lower case, so a clause in capitals is not a heading. A longer one
// is a title when six words or more of four letters or more are all
// capitalised: a Federal Register rule's ("Modifications to the HIPAA
// Privacy, Security, Enforcement, and Breach Notification Rules Under
// the Health Information Technology for Economic and Clinical Health
// Act ...;") opened its summary.
func titleCase(u string) bool {
	words := strings.Fields(u)
	if len(words) < 2 {
		return false
	}
	long, lower := 0, false
	for _, w := range words {
		w = strings.Trim(w, ".,;:()\"'")
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) >= 4 {
			if !unicode.IsUpper(r) {
				return false
			}
			long++
		}
		lower = lower || strings.ToUpper(w) != w
	}
	// a list's item of names ("(b) European Data Protection Supervisor
	// and European Data Protection Board;") is no title
	return long >= 2 && lower && (len(words) <= 8 || long >= longTitleWords && !strings.HasPrefix(u, "("))
}

// longTitleWords is how many capitalised words of four letters or more a
// title case unit of more than eight words holds to be a title.
const longTitleWords = 6

// nameBlock reports a unit of five or more words that is neither
// lower-case prose nor prose in capitals: fewer than one word in five
// starts lower-case and fewer than one in ten is a function word (the,
// of, shall ...). Names, addresses and headings look like that; a clause
// in capitals keeps its function words. Text without case (Chinese) is
// never marked.
func nameBlock(u string) bool {
	words := strings.Fields(u)
	if len(words) < 5 {
		return false
	}
	lower, cased, function := 0, 0, 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsLower(r):
			lower++
			cased++
		case unicode.IsUpper(r):
			cased++
		}
		if enFunction[strings.ToLower(strings.Trim(w, ".,;:()\"'"))] {
			function++
		}
	}
	return cased*2 >= len(words) && lower*5 < len(words) && function*10 < len(words)
}

// sectionNumber opens a numbered heading: "8.1", "11.", "(c)", "IV.".
// labelledHeading opens a heading that names its part of a text and
// numbers it ("Section 2: Commercial communications", "CHAPTER II —
// PRINCIPLES", "Subpart E—Privacy of ..."), which extraction often glues after the last sentence of
// the part before.
var labelledHeading = regexp.MustCompile(`^(?i:(?:sub)?(?:section|chapter|part|title)|article|annex|schedule|exhibit)\s+(?:[0-9]{1,3}[a-z]?|[IVXLC]{1,6}|[A-Z])\s*([:.—–-])\s*`)

// capsPartHeading is a part of an act in capitals, its number and its
// title without a separator: no letter in lower case.
var capsPartHeading = regexp.MustCompile(`^(?:TITLE|CHAPTER|PART|SECTION|ANNEX)\s+(?:[IVXLC]{1,6}|\d{1,3})\b[^\p{Ll}]*$`)

// articleTitle is an article's number and title on one line, as EUR-Lex
// prints them ("Article 99 Entry into force and application.").
var articleTitle = regexp.MustCompile(`^Article\s+\d{1,3}[a-z]?\s+[A-Z]`)

// sectionSignTitle is a US code's or regulation's section heading, its
// number after the section sign and its title, one phrase in at most a
// colon's two parts ("§ 314.1 Purpose and scope."): it opened a CFR
// section's summary. A sentence that cites a section ("§ 164.502 applies
// to ...") goes on in lower case.
var sectionSignTitle = regexp.MustCompile(`^§+\s*\d+(?:\.\d+)*[a-z]?(?:-\d+)?\s+\p{Lu}[^.;!?]*[.:]?$`)

// cfrParagraphHeading is a CFR paragraph's designation and the heading
// the CFR gives it before its rule, in the forms of the HIPAA rules: a
// standard or an implementation specification named after a colon
// ("(1)(i) Standard: Security management process.", "(b) Standard:
// Minimum necessary."), or one marked required or addressable ("(A) Risk
// analysis (Required)."). Such headings opened summaries of 45 CFR
// 164.308 in place of the rule after them.
var cfrParagraphHeading = regexp.MustCompile(`^(?:\((?:\d{1,3}|[a-z]{1,5}|[A-Z])\)\s*)+(?:(?:Standards?|Implementation\s+specifications?)\s*:[^.;:!?]*|[^.;:!?()]+\((?:Required|Addressable)\))[.:]?$`)

// captionRe is a CFR paragraph's designation and a short heading in
// other words than cfrParagraphHeading's, one clause stopped by a full
// stop: "(2) Minimum necessary does not apply.", "(b) Scope.".
var captionRe = regexp.MustCompile(`^(?:\((?:\d{1,3}|[a-z]{1,5}|[A-Z])\)\s*)+\p{Lu}[^.;:!?,()]*\.$`)

// maxCaptionWords is the most words, its designation's included, of a
// paragraph heading captionRe matches; the CFR's run to five or six.
const maxCaptionWords = 7

// paragraphCaption reports a CFR paragraph's heading (captionRe) with its
// rule after it in the same paragraph: the next unit opens with no
// designation of its own. "(2) Minimum necessary does not apply." closed
// the summary of 45 CFR 164.502 as if it were the rule; a list's short
// items ("(d) Limiting system access to authorized individuals." before
// "(e) ...") are no headings.
func paragraphCaption(units []string, i int) bool {
	u := strings.TrimSpace(units[i])
	if i+1 >= len(units) || len(strings.Fields(u)) > maxCaptionWords || !captionRe.MatchString(u) {
		return false
	}
	next := strings.TrimSpace(units[i+1])
	return next != "" && !strings.HasPrefix(next, "(")
}

// gluedHeading is a labelled heading run into the sentence after it, which
// extraction joined ("Section 2: User content You keep ownership ..."):
// the label, then up to six words of title before the sentence's capital.
// The number is whole and a space follows its mark: "Section 10.1 of the
// Agreement is deleted" read as the heading "Section 10. 1 of the" before
// "Agreement is deleted", which says another thing.
var gluedHeading = regexp.MustCompile(`^(?i:section|article|chapter|part)\s+\d{1,3}(?:\.\d{1,3})*[a-z]?\s*[:.—–-]\s+((?:\S+\s+){1,6}?)([A-Z]\S*)\s`)

// sentenceOpeners often open a sentence after a title in title case
// ("Payments We charge ...").
var sentenceOpeners = setOf("We You The This These Our Your Each If Any All In For No When Where Unless")

// frFieldLabel is a Federal Register document's field label (1 CFR
// 18.12) before the field's first sentence: "SUMMARY: The Department of
// Health and Human Services is issuing this final rule ...". The label
// opened the rule's summary.
var frFieldLabel = regexp.MustCompile(`^(?:SUMMARY|SUPPLEMENTARY INFORMATION|BACKGROUND):\s+\p{Lu}`)

// frAdminField is a Federal Register document's field (1 CFR 18.12)
// that says where and whom to write, not what the rule does: the FDA's
// Part 11 rule's summary held "ADDRESSES: Submit written comments to the
// Dockets Management Branch (HFA-305), Food and Drug Administration,
// 12420 Parklawn Dr., rm.".
var frAdminField = regexp.MustCompile(`^\s*(?:AGENCY|ACTION|ADDRESSES|FOR FURTHER INFORMATION CONTACT|RIN):`)

// usZIPEnd ends a US address: a state's code and a ZIP code ("Rockville,
// MD 20857.").
var usZIPEnd = regexp.MustCompile(`,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\.?$`)

// usAddressTail reports a short unit that ends as a US address does: an
// address the sentence splitter cut at an abbreviation ("12420 Parklawn
// Dr., rm." then "1-23, Rockville, MD 20857.").
func usAddressTail(u string) bool {
	return len(strings.Fields(u)) <= 8 && usZIPEnd.MatchString(strings.TrimSpace(u))
}

// withoutGluedHeading takes a labelled heading off the sentence it was
// run into, and a Federal Register field's label (frFieldLabel).
func withoutGluedHeading(u string) string {
	if m := frFieldLabel.FindStringIndex(u); m != nil {
		_, size := utf8.DecodeLastRuneInString(u[:m[1]])
		return u[m[1]-size:]
	}
	m := gluedHeading.FindStringSubmatchIndex(u)
	if m == nil {
		return u
	}
	title := strings.Fields(u[m[2]:m[3]])
	last := title[len(title)-1]
	if r, _ := utf8.DecodeRuneInString(last); unicode.IsUpper(r) && !sentenceOpeners[u[m[4]:m[5]]] {
		return u // "Section 3: Payment Terms Apply ...": no clear seam
	}
	return u[m[4]:]
}

var sectionNumber = regexp.MustCompile(`^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*\.?\)?|\(?[a-z]\)|[IVX]{1,5}\.)\s+`)

// heading reports a short heading that titleCase misses: in capitals
// ("8.1 DISCLAIMER OF WARRANTIES.", "11. TERM AND TERMINATION"; at most
// six words, where a clause in capitals runs longer), or numbered with a
// single long capitalised word ("6. Use of Service.").
func heading(u string) bool {
	u = strings.TrimSpace(u)
	if zhHeadings.MatchString(u) {
		return true
	}
	if m := labelledHeading.FindStringSubmatchIndex(u); m != nil {
		// a US code's parts, titled after a dash, run longer: "Subpart C
		// —Security Standards for the Protection of Electronic Protected
		// Health Information"
		most := 8
		if u[m[2]:m[3]] != ":" && u[m[2]:m[3]] != "." {
			most = 14
		}
		return len(strings.Fields(u[m[1]:])) <= most && unstoppedEnd(u)
	}
	if capsPartHeading.MatchString(u) && len(strings.Fields(u)) <= 16 {
		return true // "TITLE II ENISA (THE EUROPEAN UNION AGENCY FOR CYBERSECURITY)"
	}
	if articleTitle.MatchString(u) && len(strings.Fields(u)) <= 9 {
		return true // "Article 40 Entry into force."
	}
	if sectionSignTitle.MatchString(u) && len(strings.Fields(u)) <= 16 {
		return true // "§ 164.502 Uses and disclosures of protected health information: General rules."
	}
	if cfrParagraphHeading.MatchString(u) && len(strings.Fields(u)) <= 14 {
		return true // "(1)(i) Standard: Security management process."
	}
	numbered := sectionNumber.MatchString(u)
	words := strings.Fields(sectionNumber.ReplaceAllString(u, ""))
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	letters, upper, long := 0, 0, 0
	for _, w := range words {
		w = strings.Trim(w, ".,;:()\"'")
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if r, _ := utf8.DecodeRuneInString(w); utf8.RuneCountInString(w) >= 4 {
			if !unicode.IsUpper(r) {
				return false
			}
			long++
		}
	}
	caps := letters >= 4 && upper == letters
	return caps || (numbered && long >= 1 && len(words) <= 4)
}

// zhHeadings is a unit of Chinese clause headings and nothing else ("第三条
// 合同价款", "第六条 保密义务 第七条 违约责任", "第一章 总则"); a law
// spaces them with ideographic spaces ("第一章　总　　则"), which \s, being
// ASCII, does not match.
var zhHeadings = regexp.MustCompile(`^(?:[\s\x{3000}]*(?:第[一二三四五六七八九十百零〇\d]{1,6}[条章节款條編编]|[一二三四五六七八九十]{1,3}[、.．])[\s\x{3000}]*(?:\p{Han}[\s\x{3000}]*|、){0,12})+$`)

var (
	// noticeRe matches publishers' notices that come with a text but are
	// not part of it: EUR-Lex's authenticity notice, the SEC redaction
	// legend of EDGAR exhibits.
	noticeRe = regexp.MustCompile(`(?i)signature\s+pages?\s+(?:to\s+)?follows?|intentionally\s+(?:left\s+)?blank|\beur-lex\b.*\b(?:authentic|source)\b|\bsource:\s*eur-lex|confidential\s+treatment|\[\s?\*{3}\s?\]|\[\s*\*(?:\s*\*){2,}\s*\]|\bidentified\s+information\b.*\bomitted\b|\bomitted\b.*\bidentified\s+information\b|\bomitted\b.{0,40}\bfiled\s+separately\b|^\s*\[\s*\*\s*\]\s*=|\bconfidential\s+information\b.{0,120}\b(?:has|have)\s+been\s+(?:omitted|redacted)\b|\[\s*redacted\b`)
	// phoneRe matches a telephone or fax number.
	phoneRe = regexp.MustCompile(`\(?\b\d{3}\)?[ .-]\d{3}[.-]\d{4}\b`)
)

// notice reports a publisher's notice or a contact line (telephone, fax,
// web address), which a summary has no use for.
func notice(u string) bool {
	l := strings.ToLower(u)
	if mayNotice(u, l) && noticeRe.MatchString(u) {
		return true
	}
	return phoneRe.MatchString(u) && (strings.Contains(l, "fax") || strings.Contains(l, "tel") || strings.Contains(l, "phone") || strings.Contains(l, "www.") || len(phoneRe.FindAllStringIndex(u, 3)) >= 2)
}

var (
	// actTitleRe opens an EU act's title: its form and number, then its
	// makers ("Regulation (EU) 2016/679 of the European Parliament and of
	// the Council of 27 April 2016 on ...").
	actTitleRe = regexp.MustCompile(`^\s*(?:Regulation|Directive|Decision)\s+(?:\((?:EU|EC|EEC|Euratom)\)\s+)?(?:No\s+)?\d{1,4}/\d{1,4}(?:/(?:EU|EC|EEC))?\s+of\s+the\s+(?:European\s+Parliament|Council|Commission)\b`)
	// sourceNoteRe is a CFR section's source note, the Federal Register
	// pages that made and amended it: "[13 FR 8183, Dec. 22, 1948, as
	// amended at 16 FR 7928, Aug. 11, 1951]".
	sourceNoteRe = regexp.MustCompile(`^\s*\[\s*\d+\s+FR\s+\d+,[^\]]*\]\s*$`)
)

// citationMarkRe is a mark of a US legal citation: the Code's "U.S.C.",
// the Federal Register's "FR", the Statutes at Large's "Stat.", a public
// law's "Pub. L.", the CFR.
var citationMarkRe = regexp.MustCompile(`U\.S\.C\.|\bFR\s+\d|\bStat\.|\bPub\.|^L\.\s+\d|\bC\.?F\.?R\b`)

// noteLabelRe opens a CFR part's or section's authority or source note
// ("Authority: 15 U.S.C. 6801 et seq.", "Source: 65 FR 33677, May 24,
// 2000, unless otherwise noted.").
var noteLabelRe = regexp.MustCompile(`^\s*(?:Authority|Source|Authority\s+and\s+source)\s*:\s*\d`)

// maxCitationWords is the most lower-case words of three letters or more
// a citation holds ("unless otherwise noted", "et seq" is shorter).
const maxCitationWords = 3

// citationNote reports an authority or source note of a US regulation, or
// a piece of one that the sentence splitter cut at "Pub." or "Stat."
// ("L. 104-191, 110 Stat."): citations and dates, no sentence, where
// GLBA's and HIPAA's summaries opened with one. A sentence that cites the
// Code has its own words around the citation.
func citationNote(u string) bool {
	if noteLabelRe.MatchString(u) {
		return true
	}
	if !citationMarkRe.MatchString(u) {
		return false
	}
	words := 0
	for _, w := range strings.FieldsFunc(u, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 3 && strings.ToLower(w) == w {
			words++
		}
	}
	return words <= maxCitationWords
}

// actTitle reports an EU act's title, however long (GDPR's is 38 words):
// it names the act, and opened the summary of each of its articles that
// a file began with it. A sentence about the act closes with a stop.
func actTitle(u string) bool { return actTitleRe.MatchString(u) && unstoppedEnd(u) }

// noticeWords are what every alternative of noticeRe holds one of.
var noticeWords = []string{"[", "signature", "intentionally", "eur-lex", "confidential", "omitted"}

// mayNotice reports whether noticeRe may match u (lower is u in lower
// case): an ASCII unit without any of noticeWords cannot, and running
// the expression's dozen case-folded alternatives on every unit of a
// long text was a seventh of its summary's time. A unit with other
// characters is always tried: (?i) folds some ("ſ", "K") that ToLower
// does not.
func mayNotice(u, lower string) bool {
	if !isASCII(u) {
		return true
	}
	for _, w := range noticeWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// definitionRe opens a definition: ""Force Majeure Event" shall have the
// meaning set forth in Section 8.03", "(k) "Territory" means ...", "1.3
// "Major Release" means ...".
var definitionRe = regexp.MustCompile(`(?i)^\s*(?:(?:\(?[0-9a-z]{1,4}[.)]\)?|\d{1,3}(?:\.\d{1,3})+\.?)\s+)?["“][^"”]{1,80}["”]\s+(?:shall\s+)?(?:mean|means|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|have\s+the\s+meaning|includes?|refers?\s+to)\b`)

// definition reports a sentence that defines a term: it says what a word
// stands for in the text, not what the text is about.
func definition(u string) bool {
	return definitionRe.MatchString(u) || interpretationRe.MatchString(u) || labelDefinition(u)
}

// interpretationRe is an interpretation clause's opening formula, which
// every UK, Irish, Australian and Singapore agreement carries: "1.1 The
// definitions and rules of interpretation in this clause apply in this
// agreement.", "In this Agreement the following words and expressions
// shall have the following meanings", "In this agreement, unless the
// context otherwise requires: ...". It says nothing of the agreement and
// was a UK services agreement's summary's second sentence.
var interpretationRe = regexp.MustCompile(`(?i)^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(?:the\s+definitions?(?:\s+and\s+rules\s+of\s+interpretation)?\s+(?:in|set\s+out\s+in)\s+this\s+(?:clause|section|schedule|part)\s+apply\b|in\s+this\s+(?:agreement|lease|deed|contract|licence|license)\b[^.]{0,40}?(?:the\s+following\s+(?:words|terms|definitions|expressions)|unless\s+the\s+context\s+otherwise\s+requires))`)

// labelDefinitionRe is a definition as UK drafting lays it out, the term
// in capitals with a colon and no quotes ("Goods: the structural steel
// beams ...", "Term: 10 years from ...", "Consideration: £4,750,000."),
// or with "means" and no quotes, as Australian drafting does ("Services
// means the geological mapping ..."). The meaning opens in lower case, a
// number or a currency.
var labelDefinitionRe = regexp.MustCompile(`^\s*((?:\p{Lu}[\w'’-]*\s+){0,4}\p{Lu}[\w'’-]*)(?::\s+[\p{Ll}\d£$€]|\s+means\s)`)

// notDefinedTerms are the words before a colon that label a note, not a
// term ("Note: the fee is ...").
var notDefinedTerms = setOf("Note Notes Example Examples Tip Warning Summary Important Answer Question Update Source Caution NB Background")

// labelDefinition reports a definition laid out as labelDefinitionRe
// reads it, whose term is no sentence's opener ("This means") nor a
// note's label.
func labelDefinition(u string) bool {
	m := labelDefinitionRe.FindStringSubmatch(u)
	if m == nil {
		return false
	}
	first, _, _ := strings.Cut(m[1], " ")
	return !sentenceOpeners[first] && !notDefinedTerms[m[1]] && !labelOpeners[first]
}

// labelOpeners open a sentence, not a defined term, before "means".
var labelOpeners = setOf("It That Which What Who Whoever Everything Nothing Something Anything Such Those")

// zhFieldRe is a Chinese form's field, a label and its value
// ("出租方（甲方）：北京华庭置业有限公司", "签订日期：2025年2月20日"), or a
// document's title on its own ("房屋租赁合同", "劳动合同书").
var zhFieldRe = regexp.MustCompile(`^[\p{Han}（）()、]{2,16}[:：]|^[\p{Han}\s]{2,24}(?:合同|合同书|协议|协议书|法|条例|办法|规定|章程|通知|决定)$`)

// zhField reports a Chinese form's field or a title: it says who and when,
// which the entities hold, or what the document is, which its title does;
// in a summary it ran into the sentence after it ("房屋租赁合同
// 出租方（甲方）：... 根据...").
func zhField(u string) bool {
	u = strings.TrimSpace(u)
	return utf8.RuneCountInString(u) <= 60 && !strings.ContainsAny(u, "。！？") && zhFieldRe.MatchString(u)
}

// signatureRe is a signature block's or a letter's closing words: "For
// and on behalf of KPN Telecom B.V.", "THE VÄRDE FUND VI-A, L.P. By:",
// "Signed by Margaret Hughes, director", "Yours sincerely", and an
// execution clause of Australian or English drafting ("Executed by
// Southern Cross Mining Pty Ltd ACN 123 456 789 in accordance with section
// 127 of the Corporations Act 2001 (Cth)", "Executed as a deed by ...",
// "Executed as an agreement."), which closed a consultancy agreement's
// summary.
var signatureRe = regexp.MustCompile(`(?i)\bfor\s+and\s+on\s+behalf\s+of\b|^\s*(?:executed|signed)\s+(?:as\s+(?:a\s+deed|an\s+agreement)\b|by\s+[^.]{0,120}\b(?:in\s+accordance\s+with\s+section\s+127|acting\s+by|in\s+the\s+presence\s+of)\b)|^\s*(?:accepted\s+and\s+agreed|agreed\s+and\s+accepted|acknowledged\s+and\s+agreed)(?:\s+(?:to|by))?\s*:|^\s*(?:yours\s+(?:sincerely|faithfully|truly)|sincerely|(?:kind|best|warm)\s+regards)\b|\bsigned\s+by\s+[^.]{0,80}\b(?:director|president|officer|partner|member|secretary)\b|^(?-i:[A-Z][A-Z0-9 .,&'’-]{3,80})\s+By:\s`)

// zhTitle reports a Chinese text's opening line that ends no sentence: its
// title ("论网络监控取证的法律规制"), whatever it names.
func zhTitle(u string) bool {
	u = strings.TrimSpace(u)
	han, n := 0, 0
	for _, r := range u {
		n++
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return n <= 40 && han*2 > n && !strings.ContainsAny(u, "。！？；.!?;")
}

// headline reports a text's opening line that closes no sentence, up to
// maxHeadlineWords: a news story's or a post's headline ("Harborline and
// Keystone Freight agree $4.2 billion merger to create largest US
// regional carrier", 15 words), longer than the headings unstopped finds.
// In a summary it was cut short with "…" before the lede.
func headline(u string) bool {
	n := len(strings.Fields(u))
	return n > 0 && n <= maxHeadlineWords && unstoppedEnd(u)
}

const maxHeadlineWords = 24

// unstopped reports a short line without a closing stop before more text:
// a heading in sentence case ("Notification of a personal data breach to
// the supervisory authority"), which the other rules, looking for
// capitals, miss; in a summary it ran into the sentence after it.
func unstopped(u string) bool {
	u = strings.TrimSpace(u)
	if u == "" || len(strings.Fields(u)) > 12 {
		return false
	}
	return unstoppedEnd(u)
}

// unstoppedEnd reports a unit whose last character closes no sentence.
func unstoppedEnd(u string) bool {
	u = strings.TrimSpace(u)
	last, _ := utf8.DecodeLastRuneInString(u)
	// a closing bracket ends a title ("Regulation (EU) 2016/679 (GDPR)")
	// more often than a sentence, which closes with a stop after it
	return !strings.ContainsRune(".!?;:,\"'”’。！？；：」』…", last) && !unicode.Is(unicode.Han, last)
}
