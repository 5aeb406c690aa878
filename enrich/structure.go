package enrich

import (
	"regexp"
	"strings"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/classify"
)

// The class heads learned contracts from EDGAR filings and terms of
// service, regulations from EU acts, and "other" from technical prose. A
// document's layout settles what their words cannot: an agreement's
// preamble names its parties, a court's opinion its caption, a US code
// its sections by "§". structureClass reads that layout.

// structureHead bounds how far into a text its layout is looked for;
// preambleHead where an agreement's preamble stands (after its title and
// a cover notice), which an article's "as between the controller (the
// "first controller") and ..." deep in its text is not.
const (
	structureHead = 4 << 10
	preambleHead  = 1500
)

var (
	// preambleRe is an agreement's opening: "This Data Processing Addendum
	// forms part of ...", "This Agreement is made ...", "by and between",
	// or two parties, each a name, with a defined role ("between Lumen
	// B.V. ("Processor") and Castellan S.p.A. ("Controller")"; an act's
	// "between the controller (the "first controller") and ..." names no
	// one). A data
	// processing agreement reads like the GDPR it implements, and was
	// called a regulation, without its parties. A title's or a name's
	// letters are of any script ("This Société Générale Custody Agreement
	// is made", "between Éditions Rivière ("Publisher") and ..."): Go's \w
	// and [A-Z] are ASCII only.
	preambleRe = regexp.MustCompile(`(?is)\bthis\s+(?:[\pL\pM\pN_-]+\s+){0,5}(?:agreement|contract|lease|deed|addendum|amendment)\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:is\s+|was\s+)?(?:made|entered|dated|forms\s+part|supplements|amends)\b` +
		`|\bby\s+and\s+between\b|\bin\s+witness\s+whereof\b` +
		`|\bbetween\s+(?-i:\p{Lu})[^.;]{2,200}?\(\s*(?:the\s+)?["“][^"”]{2,30}["”]\s*\)[^;]{0,200}?\band\s+(?-i:\p{Lu})[^;]{2,200}?\(\s*(?:the\s+)?["“][^"”]{2,30}["”]\s*\)`)
	// captionRe is a court opinion's caption: the court in its first
	// lines, then the parties as plaintiff and defendant (or appellant,
	// petitioner, ...). An opinion on an arbitration agreement is no
	// agreement; an agreement that names a court or a tribunal in a
	// clause or a recital (arbitration, a settled case) opens otherwise.
	captionRe = regexp.MustCompile(`(?is)^\W{0,20}(?:[^\n]{0,80}\n){0,3}[^\n]{0,80}\b(?:court\s+of|district\s+court|supreme\s+court|high\s+court|court\s+of\s+appeals?)\b.{0,1000}?\b(?:plaintiffs?|petitioners?|appellants?)\b.{0,400}?\b(?:defendants?|respondents?|appellees?)\b`)
	// codeRe is a statute's or a US regulation's layout: sections headed
	// "§ 240.10b-5", a code's name as a heading ("CALIFORNIA CIVIL CODE"),
	// a section of the U.S. Code or the CFR as the text's title ("47
	// U.S.C. § 230 - Protection for private blocking ..."). Citing the
	// U.S. Code in a sentence is no such layout: terms of use cite 17
	// U.S.C. § 512, an offer letter 8 U.S.C. § 1324a. A state code's name
	// as the title ("Texas Business and Commerce Code") counts above a
	// section headed "Sec. 17.46. DECEPTIVE ..."; a section's citation as
	// the title (codeCitationRe) counts alone.
	codeRe = regexp.MustCompile(`(?m)^\s*§+\s*\d|^[ \t]*[A-Z][A-Z ]{2,40}\bCODE[ \t]*$` +
		`|\A\s*(?:\p{Lu}\pL*\s+(?:(?:and|of)\s+)?){1,6}Code[ \t]*\n(?s:.*?)^[ \t]*Sec(?:tion|\.)[ \t]+\d[\w.-]*\.[ \t]+\p{Lu}` +
		`|(?:` + codeCitationRe.String() + `)` +
		`|\A\s*(?:title\s+)?\d+\s+(?:U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?|C\.?\s?F\.?\s?R\.?)\s*(?i:§+|sec(?:tion|\.)?|part)\s*\d[^\n]{0,200}$`)
	// actTitleRe is an act's name alone on one of a text's first lines, as
	// its title: "Privacy Act 1988 (Cth)", "PERSONAL DATA PROTECTION ACT
	// 2012", "The Network and Information Systems Regulations 2018".
	actTitleRe = regexp.MustCompile(`\A\s*(?:[^\n]*\n\s*){0,2}?[^\n]{0,100}?\b(?i:act|ordinance|regulations)(?:\s+of)?\s+(?:1[89]|20)\d{2}[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*(?:\n|\z)`)
	// sectionLineRe is a line that heads an act's section by its number:
	// "Section 24 — Protection of personal data", "26WE Eligible data
	// breach", "13G Civil penalty".
	sectionLineRe = regexp.MustCompile(`(?m)^[ \t]*(?:Section\s+)?\d{1,4}[A-Z]{0,3}(?:\.\d{1,3})?[ \t]+(?:[—–-][ \t]*)?\p{Lu}\p{Ll}`)
	// ruleFieldsRe are the fields that open a rule in the Federal Register
	// (1 CFR 18.12): "AGENCY:" and an "ACTION:" that names a rule or a
	// rulemaking ("Final rule.", "Notice of proposed rulemaking."), each
	// at a line's start. Its duties ("covered entities must comply") and
	// effective date read as terms of service; a notice of a meeting is
	// no rule.
	ruleAgencyRe = regexp.MustCompile(`(?m)^[ \t]*AGENCY:[ \t]*\S`)
	ruleActionRe = regexp.MustCompile(`(?m)^[ \t]*ACTION:[ \t]*(?i:[^\n]{0,40}?\b(?:rules?|rulemaking|regulations?)\b)`)
	// agreedRe is a contract's word for itself: German-style terms number
	// their sections "§ 1" too ("General Terms and Conditions ... § 2
	// Products under the Agreement").
	agreedRe = regexp.MustCompile(`(?i)\b(?:this|the)\s+(?:agreement|contract|note|letter|offer|order)\b|\bterms\s+(?:and\s+conditions|of\s+(?:use|service|sale|business|delivery|purchase))\b|\b(?:these|our|general)\s+terms\b|\bthe\s+parties\b|\byou\s+agree\b|\bdear\s`)
)

// structureClass is the class a document's layout gives it when the text
// model's class disagrees, else class: a legal class resting on a few
// non-legal words, or an e-mail about a contract, is "other"; so is a court
// opinion, and an organisation's internal paper (a memo, a notice, a staff
// policy); a text with an agreement's preamble is a contract, and one laid
// out as a statute that calls itself no agreement, as a rule in the
// Federal Register, or as an act with sections, a regulation.
//
// filing is courtFiling(doc), which the caller has read.
func structureClass(doc *document.Parsed, text, class string, filing bool) string {
	head := text[:min(len(text), structureHead)]
	switch {
	case filing && !preambleRe.MatchString(head):
		// a judgment citing acts read as a regulation, a claimant's
		// pleading about a policy as a contract; a filing is neither, and
		// its sub-type names its kind (filingSubtype)
		return "other"
	case classify.Unfounded(text, class) || correspondence(doc, class):
		return "other"
	case class == "contract" && captionRe.MatchString(head) && !preambleRe.MatchString(head):
		return "other"
	case class == "regulation" && preambleRe.MatchString(head[:min(len(head), preambleHead)]):
		return "contract"
	case class == "regulation" && contractClause(head):
		return "contract"
	case class == "contract" && codeRe.MatchString(head) && !preambleRe.MatchString(head) && (!agreedRe.MatchString(head) || cfrPart(head) || codeCitation(head)):
		return "regulation"
	case (class == "contract" || class == "other") && federalRule(head) && !preambleRe.MatchString(head):
		return "regulation"
	case (class == "contract" || class == "other") && enactingRe.MatchString(head) && !preambleRe.MatchString(head):
		return "regulation"
	case class == "contract" && statuteVoice(head) && !preambleRe.MatchString(head):
		return "regulation"
	case class == "contract" && internalDocument(doc, head), legalClass(class) && staffPage(doc, head):
		return "other"
	case class == "contract" && unbound(doc, text):
		if act(head) && !explainer(text) {
			return "regulation"
		}
		return "other"
	case class == "other" && act(head) && !explainer(text) && !preambleRe.MatchString(head):
		return "regulation"
	case legalClass(class) && explainer(text) && !preambleRe.MatchString(head):
		return "other"
	case class == "contract" && invoice(head) && !preambleRe.MatchString(head):
		return "other"
	case class == "contract" && transmittal(head) && !preambleRe.MatchString(head):
		return "other"
	case legalClass(class) && pressRelease(head) && !preambleRe.MatchString(head):
		return "other"
	}
	return class
}

// codeCitationRe is a state code's or a consolidated law's section as a
// text's title, by its citation: "California Civil Code § 1542", "Cal.
// Civ. Code § 1950.5", "New York General Obligations Law § 5-1401", "Fla.
// Stat. § 501.204"; its words are capitalised names or abbreviations (a
// jurisdiction, the code's name) joined by "and" or "of".
var codeCitationRe = regexp.MustCompile(`(?m)\A\s*(?:(?:\p{Lu}[\pL.'&-]*|and|of)[ \t]+){1,7}(?:Code|Law|Laws|Statutes?|Stat\.|Ann\.)[ \t]*(?:§+[ \t]*|(?:Sec(?:tion|\.)?)[ \t]+)\d[\w.:-]*[^\n]{0,200}$`)

// firstPersonRe is a signer's voice, which a statute never uses: a release
// titled "California Civil Code § 1542 Waiver" speaks as "I acknowledge".
var firstPersonRe = regexp.MustCompile(`\b(?:I|We)\s+(?:hereby\s+|expressly\s+|also\s+)?(?:acknowledge|agree|understand|certify|waive|release)\b|(?i:\bundersigned\b)`)

// codeCitation reports a head titled by a code section's citation
// (codeCitationRe) that speaks in no signer's voice. Such a section
// speaks of "the parties to any contract" and a "general release" as
// the contracts it governs do (agreedRe), and was contract/terms_of_service
// at 0.94; a contract is titled by its own name, not a code's.
func codeCitation(head string) bool {
	return codeCitationRe.MatchString(head) && !firstPersonRe.MatchString(head)
}

// cfrPartRe and cfrSectionRe are a CFR part's heading ("PART 164 —
// SECURITY AND PRIVACY") and a section's ("§ 164.502 Uses and
// disclosures"), a part of two digits or more (a contract's "PART 2 —
// PAYMENT" over "§ 2.1 Fees" is none); frSourceRe is the Federal
// Register source note that follows a CFR section ("[65 FR 82802, Dec.
// 28, 2000, ...]").
var (
	cfrPartRe    = regexp.MustCompile(`(?m)^[ \t]*(?:PART|Part)[ \t]+(\d{2,4})\b`)
	cfrSectionRe = regexp.MustCompile(`(?m)^[ \t]*§[ \t]*(\d{1,4})\.\d{1,4}`)
	frSourceRe   = regexp.MustCompile(`\[\d{1,3}[ \t]+FR[ \t]+\d{3,6},[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4}`)
)

// cfrPart reports a head laid out as a part of the CFR: a Federal
// Register source note, or a part's heading above sections numbered in
// it. HIPAA's rules on business associate contracts say "the contract"
// (agreedRe) and were contract/terms_of_service at 0.99.
func cfrPart(head string) bool {
	if frSourceRe.MatchString(head) {
		return true
	}
	parts := map[string]bool{}
	for _, m := range cfrPartRe.FindAllStringSubmatch(head, -1) {
		parts[m[1]] = true
	}
	for _, m := range cfrSectionRe.FindAllStringSubmatch(head, -1) {
		if parts[m[1]] {
			return true
		}
	}
	return false
}

// act reports a text laid out as an act: titled with an act's name and
// year (actTitleRe), with two section headings at least. An act outside
// the EU, with none of a contract's words, was no binding text to
// unbound, and docmill-mini, which learned regulations from EU acts,
// called Singapore's "other".
func act(head string) bool {
	return actTitleRe.MatchString(head) && len(sectionLineRe.FindAllStringIndex(head, 2)) == 2
}

// federalRule reports a text that opens as a rule in the Federal
// Register does (ruleAgencyRe, ruleActionRe).
func federalRule(head string) bool {
	return ruleAgencyRe.MatchString(head) && ruleActionRe.MatchString(head)
}

// The class heads learned "other" from technical prose only, so English
// prose about work, money or rules (a job posting, a blog on GDPR, a
// leave policy, a news story on a lawsuit) read as terms of service: 15
// of 36 such texts were contracts. A contract binds, and says so in
// words a text about one seldom needs all of: it names itself ("this
// Agreement", "these Terms", "your tenancy agreement"), its parties or
// their roles as labels ("Landlord:"), consent ("you agree to", "by
// using"), legal drafting ("hereby"), liability and warranties, the law
// that governs it, what a privacy or cookie policy does with data, a
// signature line. unbound is an English text long enough to be a whole
// document (instrumentWords) with none of them.

// explainerRe is the disclaimer of a text about the law, not of one
// that binds or rules: "This article is for general information only and
// is not legal advice". A law firm's guide to the CCPA speaks of privacy
// policies, duties and fines as a privacy policy does, and read as terms
// of service in both tiers; no contract or statute calls itself an
// article, a post or a guide that gives no legal advice.
var explainerRe = regexp.MustCompile(`(?i)\b(?:this|the|our)\s+(?:article|post|blog(?:\s+post)?|guide|alert|client\s+alert|newsletter|overview|explainer|briefing|publication|summary|faq|content|material|information)\b[^.\n]{0,80}?\b(?:(?:is|are)\s+(?:provided\s+)?(?:for\s+(?:general\s+)?information(?:al)?\s+(?:purposes\s+)?only|not\s+(?:intended\s+(?:as|to\s+(?:be|constitute))\s+)?legal\s+advice)|(?:does|do)\s+not\s+constitute\s+legal\s+advice)`)

// explainer reports a text that disclaims being legal advice, in its
// opening or closing part.
func explainer(text string) bool {
	return explainerRe.MatchString(text[:min(len(text), instrumentHead)]) || explainerRe.MatchString(text[max(0, len(text)-instrumentHead):])
}

// instrumentWords is the length from which unbound applies: shorter
// texts are clauses, which the training corpus holds by the hundred
// (a terms-of-service excerpt of 80 words may say nothing but "we use
// your location").
const instrumentWords = 150

// instrumentRes are the words of a binding text, one kind each.
var instrumentRes = []*regexp.Regexp{
	// the text names itself
	regexp.MustCompile(`(?i)\b(?:this|the|your|these)\s+(?:[\w-]+\s+){0,2}?(?:agreement|contract|lease|licen[cs]e\s+agreement|deed|addendum|amendment|statement\s+of\s+work|sow|msa|tenancy|offer\s+letter|bill\s+of\s+sale|waiver|guarantee|guaranty|promissory\s+note|note)\b` +
		`|\bterms\s+(?:and\s+conditions|of\s+(?:use|service|sale|business|delivery|purchase))\b|\b(?:these|our|general|additional)\s+terms\b` +
		`|\b(?:this|the)\s+(?:eula|licen[cs]e(?:\s+text)?)\b(?:[^\n\w]|$)`),
	// its parties, and their roles as labels
	regexp.MustCompile(`(?i)\bthe\s+parties\b|\beach\s+party\b|\bparty\s+hereto\b` +
		`|(?m:^\s*(?:client|customer|supplier|landlord|tenants?|buyer|seller|purchaser|borrower|lender|licensor|licensee|employer|employee|contractor|consultant|designer|guarantor|insured|policyholder|lessor|lessee)\s*:)`),
	// consent and promise
	regexp.MustCompile(`(?i)\b(?:you|we|i|the\s+\w+)\s+(?:hereby\s+|expressly\s+|irrevocably\s+)?(?:agrees?|acknowledges?|accepts?|promises?|undertakes?|warrants?|represents?)\s+(?:to|that)\b` +
		`|\bby\s+(?:using|accessing|creating|signing|downloading|installing|booking|buying|purchasing|ordering|entering|parking|registering|enrolling|joining|signing\s+up|subscribing|paying|placing|riding|renting|hiring|continuing|submitting|contributing|accepting|ticking|clicking)\b` +
		`|\b(?:we|licensor)\s+(?:give|grant)s?\s+you\b|\byou\s+(?:accept|accepted|consent|confirm)\b|\byou(?:'re|’re|\s+are)\s+(?:confirming|agreeing|accepting|signing\s+up\s+(?:to|for))\b|\bdeemed\s+to\s+(?:have\s+)?accept|\bbound\s+by\b|\b(?:legally\s+)?binding\s+(?:on|upon)\b|\blegally\s+binding\b`),
	// rules and conditions the reader is held to, and what they cost
	regexp.MustCompile(`(?i)\b(?:these|this|our)\s+(?:[\w-]+\s+){0,2}?(?:conditions|rules|arrangements?)\b|\bthe\s+arrangements?\b|\bwhat\s+we(?:'ve|’ve|\s+have)\s+agreed\b` +
		`|\bnot\s+(?:be\s+)?responsible\s+for\b|\bwe\s+may\s+(?:suspend|terminate|cancel|refuse|remove|charge)\b|\bfull\s+refund\b|\brefund(?:s|ed)?\s+(?:within|if|will|are)\b|\bat\s+(?:your|their|the\s+\w+'s)\s+own\s+risk\b|\bprovided\s+["“']?as\s+is\b` +
		`|\bnon-?refundable\b|\bnon-?exclusive\b|\bno\s+refunds?\b|\bcancellation\s+(?:fee|policy|charge)s?\b|\blaws?\s+of\s+(?:the\s+)?\pL[\pL\pM\pN_ -]{2,30}?\s+appl(?:y|ies)\b|\b(?:English|Scots|Irish|French|German|Swiss|Dutch|Spanish|Italian|Belgian|Austrian|Danish|Swedish|Norwegian|Finnish)\s+law\s+appl(?:y|ies)\b`),
	// drafting, licences, liability, the governing law
	regexp.MustCompile(`(?i)\bhere(?:by|under|to|in|of|inafter)\b|\bwitness\s+whereof\b|\b(?:before|in\s+front\s+of|in\s+the\s+presence\s+of)\s+(?:a\s+|two\s+)?witness(?:es)?\b|\blicens(?:or|ee)s?\b|\bgrants?\s+(?:you|us|to\s+\w+)\s+(?:a|an)\s+(?:[\w-]+,?\s+){0,6}licen[cs]e` +
		`|\bliab(?:le|ility)\b|\bindemni|\bwarrant(?:y|ies)\b|\bdisclaim|\bgoverned\s+by\b|\bgoverning\s+law\b|\barbitrat|\bcounter[\s-]?notice\b|\bdmca\b`),
	// what a privacy or cookie policy does with data
	regexp.MustCompile(`(?i)\bprivacy\s+(?:policy|notice|statement)\b|\bwe\s+(?:collect|process|use\s+your|share\s+your|store\s+your)\b` +
		`|\bwe\s+(?:use|place|set)\s+(?:\w+\s+){0,2}cookies\b|\bcookies?\s+(?:policy|notice)\b` +
		`|\bwe\s+(?:share|disclose|sell|transfer)\s+(?:\w+\s+){0,3}(?:information|data)\b|\bwe\s+don\W?\s?t\s+sell\b`),
	// a signature line
	regexp.MustCompile(`(?im)^\s*(?:(?:[\w'’]+\s+){0,3}signature\s*(?::|_{3,})|signed|accepted(?:\s+and\s+agreed)?|agreed(?:\s+and\s+accepted)?|acknowledged\s+and\s+agreed)\b[^\n]{0,40}(?::|_{3,}|$)`),
}

// instrumentHead bounds how far into a text unbound looks: a binding text
// says so on its first pages, and the patterns read prose at about 1 MB/s
// together (BenchmarkUnbound: 18 ms for a head with none of them).
const instrumentHead = 16 << 10

// unbound reports an English text of at least instrumentWords words
// with none of instrumentRes.
func unbound(doc *document.Parsed, text string) bool {
	if doc == nil || doc.Language != "en" {
		return false
	}
	head := text[:min(len(text), instrumentHead)]
	if len(strings.Fields(head)) < instrumentWords {
		return false
	}
	for _, re := range instrumentRes {
		if re.MatchString(head) {
			return false
		}
	}
	return true
}

var (
	// invoiceTitleRe is an invoice's or a receipt's title in its first
	// lines ("INVOICE", "Tax Invoice", "Invoice No.: INV-2025-00412").
	invoiceTitleRe = regexp.MustCompile(`(?im)\A(?:[^\n]*\n){0,3}?[ \t]*(?:tax\s+|commercial\s+|proforma\s+|pro\s+forma\s+)?(?:invoice|receipt|credit\s+note)\b`)
	// billingLabelRe is a label of an invoice's fields and totals.
	billingLabelRe = regexp.MustCompile(`(?im)^[ \t]*(?:invoice\s+(?:no|number|date|#)|bill(?:ed)?\s+to|ship\s+to|due\s+date|sub-?total|total\s+(?:due|amount)|amount\s+(?:due|paid)|balance\s+due|vat(?:\s+reg)?|tax\s+id|qty|quantity|unit\s+price)\b`)
)

// invoice reports a text laid out as an invoice or a receipt: titled so
// in its first lines, with at least three of the labels of its fields
// and totals. An invoice states what is owed under an agreement and is
// no agreement itself; the heads, which learned contracts' money words,
// called one a contract.
func invoice(head string) bool {
	return invoiceTitleRe.MatchString(head) && len(billingLabelRe.FindAllStringIndex(head, -1)) >= 3
}

// partyDutyRe is a contracting party, named by its role as a defined term
// (capitalised, as an agreement defines it), bound by "shall", "will" or
// "must": "The Supplier shall deliver the goods by 1 March 2026". Laws
// name the people they bind in lower case ("the provider shall", "the
// controller shall") or name institutions ("the Commission shall"), which
// are no contracting party's roles.
var partyDutyRe = regexp.MustCompile(`\b(?i:the|each)\s+(?:Supplier|Customer|Client|Buyer|Seller|Purchaser|Vendor|Licensor|Licensee|Contractor|Subcontractor|Consultant|Landlord|Tenant|Lessor|Lessee|Borrower|Lender|Guarantor|Distributor|Franchisor|Franchisee|Employer|Service\s+Provider|Recipient|Disclosing\s+Party|Receiving\s+Party)\s+(?:shall|will|must|agrees)\b`)

// contractClause reports a clause too short to be a whole document
// (instrumentWords) in which a party named by its role is bound. The
// class heads learned "shall" from EU acts and called such a clause a
// regulation.
func contractClause(head string) bool {
	return len(strings.Fields(head)) < instrumentWords && partyDutyRe.MatchString(head)
}

// transmittalRe is a note's or a cover letter's word for the contract it
// sends: the contract is attached or enclosed ("Please sign the attached
// contract by Friday", "the revised lease is attached", "Please find
// enclosed two copies of the Master Services Agreement"). A contract
// never calls itself attached; it attaches its schedules and exhibits.
var transmittalRe = regexp.MustCompile(`(?i)\b(?:attached|enclosed|accompanying)\s+(?:(?:is|are|herewith|please\s+find)\s+)?(?:(?:two\s+|three\s+|a\s+|the\s+)?(?:signed\s+)?cop(?:y|ies)\s+of\s+)?(?:the|our|your|a|an|my)?\s*(?:[\w-]+\s+){0,4}?(?:agreement|contract|lease|nda|addendum|amendment|offer\s+letter)s?\b` +
	`|\b(?:agreement|contract|lease|nda|addendum|amendment)s?\s+(?:is|are)\s+(?:now\s+)?(?:attached|enclosed)\b|\bplease\s+find\s+(?:attached|enclosed)\b`)

// transmittal reports a text too short to be a whole contract
// (instrumentWords) that sends one (transmittalRe): a one-line note or
// a cover letter. Its contract words made the class heads call "Please
// sign the attached contract by Friday." a contract (0.56), and a cover
// letter enclosing a services agreement contract/Service (0.94), which
// routed the note to the contracts team in the contract's place. A note
// asks or greets (requestRe): an amendment that "amends the attached
// Lease" does neither.
func transmittal(head string) bool {
	return len(strings.Fields(head)) < instrumentWords && transmittalRe.MatchString(head) && requestRe.MatchString(head)
}

// requestRe is a note's request, greeting or closing.
var requestRe = regexp.MustCompile(`(?i)\b(?:please|kindly|can\s+you|could\s+you|would\s+you|let\s+(?:me|us)\s+know|thanks|thank\s+you|regards|sincerely|dear|hi|hello)\b`)

var (
	// releaseHeadingRe is a press release's heading on one of its first
	// lines: "FOR IMMEDIATE RELEASE", "PRESS RELEASE", "News Release".
	releaseHeadingRe = regexp.MustCompile(`(?im)\A(?:[ \t]*[^\n]*\n){0,3}?[ \t]*(?:for\s+immediate\s+release|(?:press|news|media)\s+release)\b[^\n]{0,40}$`)
	// datelineRe is a news story's dateline opening a paragraph: the
	// city in capitals, the date, a dash or a wire's name ("BOSTON, Nov.
	// 24, 2026 --", "SHENZHEN, China, March 3, 2026 /PRNewswire/ --").
	datelineRe = regexp.MustCompile(`(?m)^[ \t]*\p{Lu}[\p{Lu} .'-]{2,30},(?:[ \t]+\p{Lu}[\pL.]*,?){0,2}[ \t]+\p{Lu}[a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*(?:/[^/\n]{2,30}/[ \t]*)?(?:--|—|–)`)
)

// pressRelease reports a text laid out as a press release: its heading,
// or a wire dateline. A release announcing a supply deal speaks of the
// agreement, its term and its price, and the class heads called one
// contract/Sales (0.70); it announces a contract and binds no one.
func pressRelease(head string) bool {
	return releaseHeadingRe.MatchString(head) || datelineRe.MatchString(head)
}

// enactingRe is the enacting formula of a bill, an act or an ordinance,
// the words that make its text law: "Be it enacted by the Senate and
// House of Representatives ...", "The people of the State of California
// do enact as follows", "THE CITY COUNCIL ... DOES ORDAIN AS FOLLOWS",
// "NOW, THEREFORE, BE IT ORDAINED". A US bill titled "H.R. 4521", whose
// title names no act with its year (actTitleRe), was "other", and a city
// ordinance on noise contract/terms_of_service. A board's "BE IT
// RESOLVED" makes a resolution, no law, and is not among them.
var enactingRe = regexp.MustCompile(`(?i)\bbe\s+it\s+(?:further\s+)?(?:enacted|ordained)\b|\b(?:do|does|hereby)\s+(?:enact|ordain)\s+as\s+follows\b|\benacts\s+as\s+follows\b`)

// penalRe is a statute's voice: it forbids anyone at all ("No person
// shall operate a motor vehicle ...") or makes an offence ("is guilty of
// a misdemeanor", "punishable by a fine", "commits an offence"). A
// contract binds its parties and a website's terms their reader, who
// pay damages or lose their account, not a fine.
var penalRe = regexp.MustCompile(`(?i)\bno\s+person\s+shall\b|\bis\s+guilty\s+of\s+(?:a|an)\s+(?:(?:class\s+\w\s+|petty\s+)?misdemeanou?r|felony|offen[cs]e|infraction|crime)\b|\bpunishable\s+by\s+(?:a\s+fine|imprisonment|fine)\b|\bcommits\s+an\s+offen[cs]e\b`)

// statuteVoice reports a text in a statute's voice (penalRe) that names
// no agreement, parties or terms (agreedRe) and speaks to no "you": a
// section of a vehicle code, "Section 2. No person shall operate a motor
// vehicle on any public highway ... at a speed greater than is
// reasonable", was contract/terms_of_service (0.52, docmill-mini 0.90).
func statuteVoice(head string) bool {
	return penalRe.MatchString(head) && !agreedRe.MatchString(head) && !youRe.MatchString(head)
}

// youRe is a word that speaks to the reader, as terms do.
var youRe = regexp.MustCompile(`(?i)\byour?\b`)
