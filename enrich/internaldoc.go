package enrich

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/classify"
)

// An organisation's own papers (a memo to all staff, a notice of an office
// closure, an acceptable-use or a travel policy, a procedure, minutes, a
// board resolution) tell people what to do and read, to heads that learned
// "other" from technical prose only, as terms of service: in QA, short
// memos and notices of under instrumentWords words, which unbound never
// reads, were contract/terms_of_service in both tiers, and so was a staff
// policy that mentions liability. They bind no party that agreed to them:
// the project's own prose sets label staff policies, handbooks, memos and
// minutes "other", and "regulation" is law (EU acts, statutes, rules in
// the Federal Register). Their layout says what they are: a memo's header,
// or a title that names the kind of paper.

// internalHeadLines is how many of a text's first non-blank lines may
// hold its title (a company name or a department often stands above it).
const internalHeadLines = 3

var (
	// memoHeaderRes are a memo's header fields, each at a line's start in
	// its first lines: "To: All Staff", "From: ...", "Re: ..." (or
	// "Subject:"). A quote or an order addressed "From: ... To: ..." has
	// no subject line.
	memoHeaderRes = []*regexp.Regexp{
		regexp.MustCompile(`(?im)^[ \t]*to[ \t]*:[ \t]*\S`),
		regexp.MustCompile(`(?im)^[ \t]*from[ \t]*:[ \t]*\S`),
		regexp.MustCompile(`(?im)^[ \t]*(?:re|subject|subj)[ \t]*:[ \t]*\S`),
	}
	// internalTitleRe is a title that names an internal paper whatever
	// its audience.
	internalTitleRe = regexp.MustCompile(`(?i)\b(?:memo(?:randum)?|notice|announcement|minutes|resolutions?|(?:standard\s+operating\s+)?procedures?|sop|code\s+of\s+(?:business\s+)?(?:conduct|ethics)|retention\s+schedule)\b`)
	// formRe names a form an employee or a customer fills in (an expense
	// claim, a leave request, a complaint): one too, when a heading says
	// it ("EXPENSE CLAIM FORM", "Form HR-7 | Leave Request"), not a
	// wrapped first paragraph ("... in source code form or as a").
	formRe = regexp.MustCompile(`(?i)\bform\b`)
	// staffTitleRe is a title that names an internal paper only when it
	// speaks to staff (staffRe): a website's privacy, cookie, returns or
	// acceptable-use policy and community guidelines are terms with its
	// users. Guidance for staff ("Home Working Guidance for Staff") is
	// one as its guidelines are.
	staffTitleRe = regexp.MustCompile(`(?i)\b(?:polic(?:y|ies)|guidelines?|guidance|handbook|standards?)\b`)
	// notInternalTitleRe are titles with those words that name an
	// agreement or a binding text to its reader: a memorandum of
	// understanding, a privacy notice, an insurance policy.
	// An order, subscription or consent form, and a "form of" agreement
	// (a template filed as an exhibit), bind whoever signs them.
	notInternalTitleRe = regexp.MustCompile(`(?i)\bmemorandum\s+of\s+(?:understanding|agreement|association|lease|terms)\b|\b(?:order|subscription|purchase|booking|consent|acceptance|enrol?ment|registration|proposal|quot(?:e|ation)|application\s+and\s+agreement)\s+form\b|\bform\s+of\b|\bform\s+(?:agreement|contract)\b|\b(?:privacy|cookies?|legal|copyright|data\s+protection|fair\s+processing|collection)\s+(?:notice|polic(?:y|ies))\b|\binsurance\b|\bpolicy\s*(?:holder|number|wording|schedule)\b|\b(?:returns?|refunds?|cancellation|shipping|delivery)\b`)
	// staffRe is a word for the organisation's own people.
	staffRe = regexp.MustCompile(`(?i)\b(?:employees?|staff|colleagues|personnel|workforce|line\s+managers?|new\s+hires?)\b`)
	// consentTermsRe is what makes a titled paper terms the reader takes
	// on: it calls itself terms ("these Terms", "terms of use"), or the
	// reader agrees to it ("by using", "you agree to").
	consentTermsRe = regexp.MustCompile(`(?i)\bterms\s+(?:and\s+conditions|of\s+(?:use|service|sale|business|delivery|purchase))\b|\b(?:these|our|general|additional)\s+terms\b`)
)

// staffPrivacyRe is a title that names a privacy notice an employer
// gives its own staff ("Staff Data Protection Notice", "Privacy Notice
// for Employees", "How Brightwater uses the personal data of its
// employees") or those who apply to join them ("Recruitment Privacy
// Notice", "How we use your personal data when you apply for a job with
// us"). It says what the employer does with their data as a
// website's privacy notice does (privacyRe), but binds no one who agreed
// to it: an HR paper, which was contract/terms_of_service in both tiers.
var staffPrivacyRe = regexp.MustCompile(`(?i)\b(?:staff|employees?|employment|workforce|colleagues?|workers?|personnel|hr)\b[^\n]{0,40}?\b(?:privacy|data\s+protection|fair\s+processing)\s+(?:notice|polic(?:y|ies)|statement)\b` +
	`|\b(?:privacy|data\s+protection|fair\s+processing)\s+(?:notice|polic(?:y|ies)|statement)\s+(?:for|to)\s+(?:all\s+|our\s+)?(?:staff|employees|workers|colleagues|personnel)\b` +
	`|\bpersonal\s+data\s+of\s+(?:its|our|their)\s+(?:staff|employees|workers|colleagues|workforce)\b` +
	`|\b(?:job\s+)?(?:applicants?|candidates?|recruitment)\b[^\n]{0,20}?\b(?:privacy|data\s+protection|fair\s+processing)\s+(?:notice|polic(?:y|ies)|statement)\b` +
	`|\b(?:privacy|data\s+protection|fair\s+processing)\s+(?:notice|polic(?:y|ies)|statement)\s+for\s+(?:job\s+)?(?:applicants|candidates)\b` +
	`|\b(?:personal\s+(?:data|information)|your\s+(?:data|information))\b[^\n]{0,40}?\bwhen\s+you\s+apply\s+(?:for|to)\s+(?:a\s+|an\s+)?(?:job|role|position|vacancy|post|employment|work)\b`)

// staffScopeRe is a paper's statement that it applies to the
// organisation's staff ("Applies to: all employees, contractors and
// temporary staff", "This policy applies to all colleagues").
var staffScopeRe = regexp.MustCompile(`(?i)\bappl(?:y|ies)\s+to\s*:?\s+(?:all|every|each)\s+(?:(?:permanent|temporary|fixed-term|full-time|part-time|current)\s+)?(?:employees?|staff|members\s+of\s+staff|colleagues?|personnel|workers?)\b`)

// staffPolicy reports a policy, guidance or handbook (staffTitleRe) that
// says it applies to all staff. Its reader may "agree to comply with
// this policy" on logging on, as a staff member agrees to the rules of
// the job, which makes no contract of it; a website's acceptable-use
// policy applies to its users and stays terms.
func staffPolicy(title, head string) bool {
	return title != "" && !notInternalTitleRe.MatchString(title) && staffTitleRe.MatchString(title) && staffScopeRe.MatchString(head)
}

// consentRe and privacyRe are unbound's words of consent and of a privacy
// policy (instrumentRes).
var (
	consentRe = instrumentRes[2]
	privacyRe = instrumentRes[5]
)

// internalDocument reports a text laid out as an organisation's internal
// paper (a memo's header, or a title naming a memo, notice, procedure,
// minutes, a resolution, or a policy that speaks to staff) that neither
// opens as an agreement nor asks its reader to agree to it.
func internalDocument(doc *document.Parsed, head string) bool {
	title := titleLines(doc, head)
	if preambleRe.MatchString(head) || consentTermsRe.MatchString(head) || consentRe.MatchString(head) && !staffPolicy(title, head) {
		return false
	}
	if staffPrivacyRe.MatchString(title) {
		return true
	}
	if privacyRe.MatchString(head) {
		return false
	}
	if memoHeader(head) {
		return true
	}
	if title == "" || notInternalTitleRe.MatchString(title) {
		return false
	}
	return internalTitleRe.MatchString(title) || staffTitleRe.MatchString(title) && (staffRe.MatchString(head) || regulatedRe.MatchString(head)) || formHeading(title)
}

// regulatedRe is what a regulator's guidance or policy speaks of: the
// firms it regulates and what they owe it ("regulated firms", "their
// regulatory obligations", "supervisory expectations"). Such guidance
// says "firms should" and "notify us" as terms say "you must": an FCA
// guide on outsourcing to the cloud was contract/terms_of_service (0.65,
// docmill-mini 1.00). It is no agreement with its reader, and no law
// either ("regulation" is law): other/guidance. A website's community
// guidelines or acceptable-use policy speak to users of no regulated
// kind, and stay terms.
var regulatedRe = regexp.MustCompile(`(?i)\bregulat(?:ed|ory)\s+(?:firms?|entities|bodies|institutions|obligations?|requirements?|expectations?)\b|\bsupervisory\s+(?:authority|authorities|expectations?)\b`)

// formHeadingWords is the most words a heading naming a form has.
const formHeadingWords = 8

// formHeading reports a line of title that names a form and reads as a
// heading: a few words, the first not lower-case.
func formHeading(title string) bool {
	for line := range strings.Lines(title) {
		words := strings.Fields(strings.Trim(line, "|# \t\n"))
		if len(words) == 0 || len(words) > formHeadingWords || unicode.IsLower([]rune(words[0])[0]) {
			continue
		}
		if formRe.MatchString(line) {
			return true
		}
	}
	return false
}

// memoHeader reports a memo's To, From and subject fields among a text's
// first lines.
func memoHeader(head string) bool {
	top := firstLines(head, 12, false)
	for _, re := range memoHeaderRes {
		if !re.MatchString(top) {
			return false
		}
	}
	return true
}

// titleLines is a document's title (an HTML page's, a DOCX's) and the
// first internalHeadLines non-blank lines of its text, one a line.
func titleLines(doc *document.Parsed, head string) string {
	t := firstLines(head, internalHeadLines, true)
	if doc != nil && doc.Title != "" {
		t = doc.Title + "\n" + t
	}
	return t
}

// titleBytes is the longest line that may be a title: a first paragraph
// ("This policy applies to ...") is none.
const titleBytes = 120

// firstLines is the first n non-blank lines of text, one a line; with
// titles, only those that may be a title: no longer than titleBytes and
// not ended as a sentence or a clause is ("... without notice for any
// reason."), which a title is not.
func firstLines(text string, n int, titles bool) string {
	var out []string
	seen := 0
	for line := range strings.Lines(text) {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if seen++; !titles || len(line) <= titleBytes && !strings.ContainsAny(line[len(line)-1:], ".;,") {
			out = append(out, line)
		}
		if seen == n {
			break
		}
	}
	return strings.Join(out, "\n")
}

// internalKinds name an internal paper's kind by the first word of its
// title heading that says one ("Annual Leave Procedure" other/procedure,
// "Clean Desk Policy" other/policy); a memo's header without such a
// title is a memo. A records manager files papers by these kinds, which
// "other" alone did not tell apart. Each is matched as a heading's first
// or last words (kindHeading): a man page's "(or your platform's
// equivalent procedure)" or a docstring's "in its simplest form:" names
// no paper.
var internalKinds = []struct{ words, label string }{
	{`code\s+of\s+(?:business\s+)?(?:conduct|ethics)`, "code of conduct"},
	{`(?:standard\s+operating\s+)?procedures?|sop`, "procedure"},
	{`memo(?:randum)?`, "memo"},
	{`minutes`, "minutes"},
	{`resolutions?`, "resolution"},
	{`polic(?:y|ies)|standards?|retention\s+schedule`, "policy"},
	{`guidelines?|guidance`, "guidance"},
	{`handbook`, "handbook"},
	{`notice|announcement`, "notice"},
	{`form`, "form"},
}

// internalKindRes are internalKinds' words as a heading's (kindHeading):
// the heading's last words ("Travel and Expenses Policy", "Privacy
// Notice for Employees"), or its first before a colon, a bar, a dash or
// "of" ("Notice: Office closure", "Minutes of the Health and Safety
// Committee", "Form HR-7 | Leave Request").
var internalKindRes = func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(internalKinds))
	for i, k := range internalKinds {
		res[i] = regexp.MustCompile(`(?i)^(?:(?:` + k.words + `)(?:\s*$|\s*[:|–—-]|\s+(?:of|on|to|for|no\.?|\d))|.*\b(?:` + k.words + `)(?:\s+(?:for|of|on|to)\s+[^.:;]{1,60})?$)`)
	}
	return res
}()

// kindHeading is the kind of paper a line of a title names as a heading
// does (capitalised first), "".
func kindHeading(line string) string {
	line = strings.Trim(line, "|#*-–— \t")
	if line == "" || !unicode.IsUpper([]rune(line)[0]) {
		return ""
	}
	for i, re := range internalKindRes {
		if re.MatchString(line) {
			return internalKinds[i].label
		}
	}
	return ""
}

// zhInternalKinds name a Chinese internal paper's kind by how its title
// ends: a notice (关于…的通知, …公告), a company's rules (考勤管理办法,
// 报销管理制度, and 员工报销制度 or 差旅费报销规定 with no 管理 before
// them; a law's are regulations, classify.ChineseLegal), its procedures
// (报销流程, 操作规程), a handbook, a memo, minutes. Rules and procedures
// must call themselves so (zhSelfRulesRe): a news story's title may end
// with the 制度 it reports on.
var zhInternalKinds = []struct {
	re    *regexp.Regexp
	label string
}{
	{regexp.MustCompile(`(?:通知|通告|公告|通报)$`), "notice"},
	{regexp.MustCompile(`(?:流程|操作规程|作业指导书|操作指引)$`), "procedure"},
	{regexp.MustCompile(`(?:办法|细则|制度|规定|守则|规范)$`), "policy"},
	{regexp.MustCompile(`手册$`), "handbook"},
	{regexp.MustCompile(`备忘录$`), "memo"},
	{regexp.MustCompile(`(?:会议纪要|会议记录|纪要)$`), "minutes"},
}

// internalKind is the kind of internal paper doc is ("policy",
// "procedure", "memo", ...), "" when its layout is no internal paper's.
func internalKind(doc *document.Parsed, head string) string {
	if k := zhInternalKind(doc, head); k != "" {
		return k
	}
	if !internalDocument(doc, head) {
		if staffRulesPage(doc, head) {
			return "policy"
		}
		return ""
	}
	for line := range strings.Lines(titleLines(doc, head)) {
		if k := kindHeading(strings.TrimSpace(line)); k != "" {
			return k
		}
	}
	if memoHeader(head) {
		return "memo"
	}
	if staffPrivacyRe.MatchString(titleLines(doc, head)) {
		return "notice" // "How we use your personal data when you apply for a job with us" names no kind
	}
	return ""
}

// staffRuleRe is a rule a page states for the organisation's people:
// what they must or must not do, what they are entitled to or
// responsible for ("Employees must request leave ...", "You are entitled
// to 52 weeks ...", "Partners are entitled to two weeks ...").
var staffRuleRe = regexp.MustCompile(`(?i)\b(?:employees?|staff|colleagues|workers|managers?|partners|parents|you)\s+(?:must(?:\s+not)?|(?:are|is)\s+(?:entitled|required|expected)\s+to|(?:are|is)\s+responsible\s+for|may\s+not|cannot)\b`)

// staffRules is how many of staffRuleRe's rules make a page one that sets
// rules: one "you must" is an instruction a news item or a how-to may give.
const staffRules = 2

// staffRulesPage reports an intranet page that states rules for staff
// (staffPage, with staffRules rules or more): a policy though its title
// names no kind ("Parental leave", "Working from home"), which left it
// "other" with no sub-type in both tiers.
func staffRulesPage(doc *document.Parsed, head string) bool {
	return staffPage(doc, head) && len(staffRuleRe.FindAllStringIndex(head, staffRules)) >= staffRules
}

// zhInternalKind is the kind a Chinese paper's title (its first line, or
// its document title) names, "".
func zhInternalKind(doc *document.Parsed, head string) string {
	if doc == nil || doc.Language != "zh" {
		return ""
	}
	title := strings.TrimSpace(doc.Title)
	if title == "" {
		title = firstLines(head, 1, false)
	}
	for _, k := range zhInternalKinds {
		if k.re.MatchString(title) && (k.label != "policy" && k.label != "procedure" || zhSelfRulesRe.MatchString(head)) {
			return k.label
		}
	}
	return ""
}

// zhSelfRulesRe is rules' word for themselves (本办法, 本制度): a title
// ending 管理制度 may head an article about one.
var zhSelfRulesRe = regexp.MustCompile(`本(?:办法|制度|规定|细则|守则|规范|流程|规程|指引)`)

// emailSubtype is the sub-type of an e-mail classed "other":
// correspondence, whatever kind of paper its subject names ("Retention
// schedule policy review" is a message about a policy, no policy).
const emailSubtype = "other/email"

// bounceSubtype is the sub-type of a bounce or a read receipt (a
// delivery status or disposition notification: parse's meta
// "delivery_status"), which had been other/email like the message it
// reports on.
const bounceSubtype = "other/delivery report"

// internalSubtype gives an "other" that is an internal paper its kind as
// sub-type (other/policy, other/memo), or an e-mail other/email, and
// reports whether it did.
func internalSubtype(doc *document.Parsed, a *document.Analysis) bool {
	if a.Class != "other" || doc == nil {
		return false
	}
	if doc.IsEmail() {
		a.Subtype, a.SubtypeConfidence = emailSubtype, classify.RuleConfidence
		if doc.Meta["delivery_status"] != "" {
			// a bounce or a receipt is no one's correspondence: a
			// register sets it apart from the messages people wrote
			a.Subtype = bounceSubtype
		}
		return true
	}
	k := internalKind(doc, doc.Text[:min(len(doc.Text), structureHead)])
	if k == "" {
		return false
	}
	a.Subtype, a.SubtypeConfidence = "other/"+k, classify.RuleConfidence
	return true
}

// bindingWordsRe are the words of a text that binds or governs: an
// agreement's (shall, hereby, the parties, this Agreement) or a law's
// (an act, an article, a numbered section).
var bindingWordsRe = regexp.MustCompile(`(?i)\b(?:shall|hereby|here(?:to|in|under|of)|whereas|agreements?|contracts?|part(?:y|ies)|licen[cs]e[ed]?|licensor|licensee|act|article|regulations?|statutory\s+instrument|section\s+\d+|clause\s+\d+)\b|§`)

// staffPage reports a saved intranet page that tells the organisation's
// people what they may do and how ("Employees who become parents are
// entitled to up to 52 weeks of parental leave", "Notify HR"): it speaks
// of them as staff (staffRe), and has none of an agreement's or a law's
// words, nor terms its reader accepts. Such pages run to fewer words than
// unbound reads and have no kind in their title ("Parental leave",
// "Jury service"); both tiers read them as terms of service or as a
// regulation.
func staffPage(doc *document.Parsed, head string) bool {
	if doc == nil || doc.ContentType != document.TypeHTML || doc.Language != "en" {
		return false
	}
	return staffRe.MatchString(head) && !bindingWordsRe.MatchString(head) && !preambleRe.MatchString(head) &&
		!consentTermsRe.MatchString(head) && !consentRe.MatchString(head) && !privacyRe.MatchString(head)
}
