package entities

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/classify"
	"github.com/docmill/docmill/lang"
)

// --- parties ---

// betweenRe finds the start of a preamble's party list.
var betweenRe = regexp.MustCompile(`(?i)\b(?:by\s+and\s+between|by\s+and\s+among|between|among)\s*[:,]?\s+`)

// segmentEndRe ends a party list: recitals, a board's resolution
// ("RESOLVED, that"), or a sentence end after a closing quote or
// parenthesis.
var segmentEndRe = regexp.MustCompile(`(?i)\bW\s*I\s*T\s*N\s*E\s*S\s*S|\bRECITALS\b|\bWHEREAS\b|\bBACKGROUND\b|(?-i:\bRESOLVED\b)|[)"”]\s*\.\s|\.\s*\n`)

// formThenSentenceRe is a legal form whose stop also ends the sentence,
// the next one opening on a word no name does ("made between Acme Ltd
// and Beta Inc. The Supplier shall ..."): the party list ends at the stop,
// which the splitter, reading "Inc." as an abbreviation, did not end.
// Only so near the list's start: further on the "between" is seldom a
// preamble's ("negotiation between two parties, ..."), and cut short
// there the text before the stop read as a party.
var formThenSentenceRe = regexp.MustCompile(`\b(?:Inc|Ltd|Corp|Co|L\.L\.C|N\.V|B\.V|S\.A|P\.C|Pty|Pte|Ltda)(\.)\s+(?:The|This|Each|Either|Neither|Both|It|Its|Such|All|Any|In|Under|Subject)\s+[\p{L}]`)

// formStopReach bounds where in a party list formThenSentenceRe ends it.
const formStopReach = 300

// partySegment returns the party list that follows "between" in the
// preamble, its offset, and whether one was found.
func partySegment(pre string) (string, int, bool) {
	for _, m := range betweenRe.FindAllStringIndex(pre, 3) {
		seg := pre[m[1]:min(len(pre), m[1]+900)]
		if e := segmentEndRe.FindStringIndex(seg); e != nil {
			seg = seg[:e[0]+1]
		}
		if e := formThenSentenceRe.FindStringSubmatchIndex(seg); e != nil && e[0] < formStopReach {
			seg = seg[:e[3]]
		}
		if len(strings.TrimSpace(seg)) > 3 {
			return seg, m[1], true
		}
	}
	return "", 0, false
}

// corpSuffixRe matches a corporate suffix after a comma in a name.
var corpSuffixRe = regexp.MustCompile(`(?i)^,?\s*(?:Inc|Incorporated|Ltd|Limited|LLC|L\.L\.C|LLP|L\.P|LP|Corp|Corporation|Co|Company|N\.V|B\.V|S\.A|SA|S[àa]rl|S\.A\.S|S\.p\.A|GmbH|AG|plc|PLC|Pty|Pte|S\.L|SE|KG|Ltda|P\.C|P\.A|PLLC|P\.L\.L\.C|S\.C|N\.A)\b\.?`)

// quotedRe captures a quoted alias.
var quotedRe = regexp.MustCompile(`["“”]\s*([^"“”]{1,60}?)\s*["“”]`)

// stopNames are not parties even when they look like one.
var stopNames = map[string]bool{
	"the parties": true, "parties": true, "the party": true, "each party": true,
	"the undersigned": true, "us": true, "you": true, "either party": true,
}

// junkParty reports a party "name" that names no one: a role alone
// ("LICENSEE", "the Company") or two ("Consultant and Company", of "by
// and between Consultant and Company" in a clause), a legal form or a
// country alone ("LIMITED", "USA"), a table-of-contents line ("CHARGES
// 4"), a postcode ("V6C 1B5") or the start of a definition ("Group
// means").
func junkParty(n string) bool {
	lower := strings.ToLower(strings.Trim(n, ".,;: "))
	bare := strings.ReplaceAll(lower, ".", "")
	if roleAlias.MatchString(lower) || countries[bare] || strings.HasSuffix(lower, " means") ||
		strings.Contains(n, ":") || notAName[bare] || rolePair(lower) {
		return true // a label ("VAT NUMBER: ...", "Term: 1 Year") or a lone function word
	}
	f := strings.Fields(bare)
	forms := true
	for _, w := range f {
		forms = forms && legalForm[strings.Trim(w, ",")]
	}
	if forms {
		return true
	}
	if len(f) >= 2 && len(f) <= 3 && len(f[len(f)-1]) <= 3 && allDigits(f[len(f)-1]) {
		return true // a heading and its page number
	}
	return !strings.ContainsFunc(n, unicode.IsLetter) || partyDefinitionRe.MatchString(n) || caPostcodeRe.MatchString(n) ||
		notPartyRe.MatchString(n) || redacted(n) || registryNumberRe.MatchString(n)
}

// registryNumberRe is a company's number at its registry, which a
// Singapore party gives in brackets before its alias ("(UEN 201598765M)
// ("Customer")"), and which was listed as the Customer: "SC765432",
// "201598765M", "OC398765".
// registryLabels name a company register's number: Australian (ABN,
// ACN, ARBN, ARSN), Singapore (UEN) and UK (CRN).
const registryLabels = `ABN|ACN|ARBN|ARSN|UEN|CRN`

var registryNumberRe = regexp.MustCompile(`^\(?(?:UEN|ACN|ABN|CRN|No\.?)?\s*\p{Lu}{0,3}\d[\d ]{4,14}\p{Lu}?\)?$`)

// rolePair reports "consultant and company", "the licensor & the
// licensee": two roles, each a party already, neither a name.
func rolePair(lower string) bool {
	for _, and := range []string{" and ", " & "} {
		if a, b, ok := strings.Cut(lower, and); ok && roleAlias.MatchString(a) && roleAlias.MatchString(b) {
			return true
		}
	}
	return false
}

// redacted reports a name a filing blacked out, with or without its legal
// form: "XXXXXXXX", "[***]", "XXXXXXXX, Inc.", "[***] LLC".
func redacted(n string) bool {
	return redactedRe.MatchString(strings.Join(withoutLegalForm(strings.Fields(n)), " "))
}

// withoutLegalForm is a name's words without the legal forms that end it
// ("Centrack International, Inc." is "Centrack International"); one word
// stays.
func withoutLegalForm(f []string) []string {
	for len(f) > 1 && legalForm[strings.ToLower(strings.Trim(strings.ReplaceAll(f[len(f)-1], ".", ""), ","))] {
		f = f[:len(f)-1]
	}
	return f
}

// redactedRe is a name a filing blacked out: "XXXXXXXX", "[***]".
var redactedRe = regexp.MustCompile(`^[\s\[\]*_.,-]*(?:[Xx*]{3,}[\s\[\]*_.,-]*)+$`)

// notPartyRe is a "party" that names a heading ("NON-COMPETITION
// AGREEMENT"), a position ("Director of Asia-Pacific Operations") or an
// address line ("1707 Toronto Ont."; "1847 Goedeker Inc." is a company).
var notPartyRe = regexp.MustCompile(`(?i)^(?:.*\b(?:agreement|contract|amendment|addendum)s?|(?:vice\s+)?(?:president|director|head|manager|chief\s+\w+\s+officer)\s+of\b.*|\d{2,6}\s+(?:\pL[\pL\pM\pN_.]*\s+){0,3}(?:street|st|avenue|ave|road|rd|blvd|boulevard|drive|dr|suite|lane|way|ont|ontario|floor)\b.*)$`)

// descriptionTail is a description after a party's name and a comma that
// says what kind of entity or person it is: ", a Georgia banking
// corporation", ", a Delaware limited liability company", ", a national
// banking association", ", an individual". The party is the name before
// it: signature blocks and labelled lines keep the description on the
// name's line ("THE BANKERS BANK, a Georgia banking corporation" was the
// party, and a filter by "the bankers bank" missed it), and the older
// rule here wanted only capitalised words before the kind, so "banking"
// or "national" kept it. Up to five words of any case and script stand
// between the article and the kind. The article is in lower case: ", A
// Professional Corporation" is a part of a firm's name.
const descriptionTail = `,\s*an?\s+(?:[\pL\pM\pN.'’&-]+\s+){0,5}?` +
	`(?i:corporation|company|partnership|association|bank|trust|individual|entity|organi[sz]ation|cooperative|co-operative|society|foundation|body\s+corporate|l\.?l\.?c\.?|l\.?p\.?)(?:\s|[,;.]|$)`

var (
	// partyDefinitionRe is a definition that reached a party's place ("Group
	// means ...", "SHBV has the meaning given in Recital A").
	partyDefinitionRe = regexp.MustCompile(`(?i)\s(?:means|has\s+the\s+meaning|hereby|shall)\b`)
	// caPostcodeRe is a Canadian postcode ("V6C 1B5"): an address line.
	caPostcodeRe = regexp.MustCompile(`\b[A-Z]\d[A-Z] ?\d[A-Z0-9][A-Za-z0-9]\b`)
	// partyLeadRe is what may come before a party's name in a signature
	// block or a letter: "For and on behalf of", "ACKNOWLEDGED AND AGREED
	// TO", "Acknowledged by", "Accepted and agreed by", "Ladies and
	// Gentlemen:", or a year left by a date line.
	partyLeadRe = regexp.MustCompile(`(?i)^(?:(?:19|20)\d\d\s+)?(?:ladies\s+and\s+gentlemen:?\s*|preamble\s+)?(?:for\s+and\s+on\s+behalf\s+of\s+|(?:acknowledged|accepted|agreed)(?:\s+and\s+(?:acknowledged|accepted|agreed))?(?:\s+(?:to|by))*:?\s+)?`)
	// trailingNoteRe is a note after a name: in full-width brackets, in
	// brackets holding Chinese or a definition, or a bracket left open
	trailingNoteRe = regexp.MustCompile(`\s*(?:（[^（）]*）?|\((?:[^()]*\p{Han}[^()]*|(?i:hereinafter|the\s)[^()]*)\)|\([^()]*)$`)
	// aliasTailRe is the end of the party before, caught with this one
	// ('Affiliate") and UNION DENTAL CORP.')
	aliasTailRe = regexp.MustCompile(`^[^"“”]{0,60}["”]\)\s*(?:,\s*)?(?:and\s+)?`)
	// partyTailRe is the sentence that follows a name run into it ("...,
	// LLC This Agreement", "GSMS. Under the terms of the Agreement"), the
	// date the parties made it on ("Beta LLC on 1 January 2024. The
	// parties"), or the description after a comma that says what kind of
	// entity or person the party is (descriptionTail).
	partyTailRe = regexp.MustCompile(`(?:\s+(?:This|THIS|The)\s+(?:Agreement|AGREEMENT|Contract)\b|\.\s+Under\s+the\b|` +
		`,?\s+on\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?` + monthRe + `|` + monthRe + `\s+\d{1,2}\b)|\s+(?:acting\s+)?through\s+its\b|,?\s+an?\s+(?:[A-Z][a-z]+\s+)+(?:limited|corporation|company|partnership)\b|` + descriptionTail + `).*$`)
	// registryTailRe is a register number after a name ("Quokka Software
	// Pty Ltd ABN 12 345 678 901", "X Pte. Ltd. (UEN 201912345K)"): the
	// company's number, not its name, which a register keeps apart.
	registryTailRe = regexp.MustCompile(`[\s,]*\(?\b(?:` + registryLabels + `)\b[:.]?\s*[A-Z]{0,3}\d[\d ]{4,14}[A-Z]?\)?$`)
	// afterFormRe is the rest of a name after its legal form: an address
	// ("INC. 2nd Floor", "Corp. Suite 207", "LIMITED Unit 05", "INC. 320
	// NEVADA STREET"), a date ("INC. August 28", a cover page's "INC.
	// DATED EFFECTIVE AS OF"), the sentence going on ("Inc. together
	// with its subsidiaries", "Ltd that we are terminating") or another
	// description ("INC. A US Virgin Islands corporation"); "Company of
	// Delaware" and "GmbH & Co. KG" go on.
	afterFormRe = regexp.MustCompile(`(?i)\b(?:inc|corp|ltd|llc|l\.l\.c|llp|limited|corporation|incorporated|plc|gmbh|ag|b\.v|n\.v|s\.a)\.?\s+(?:` +
		`(?:suite|unit|floor|room|bldg|building)\b|\d+(?:st|nd|rd|th)?\s+(?:floor|street|avenue|road)\b|an?\s+[a-z]+|` +
		`\d{1,6}\s+(?:[\pL.'’-]+\s+){0,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|way|parkway|place|plaza|court|highway)\b|` +
		monthRe + `\s+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?` + monthRe + `\b|` +
		`(?:dated|together|effective|as\s+of|that|which|who|whose)\b).*$`)
	// addressInNameRe is where an address starts in a name that no legal
	// form ends, so afterFormRe cannot cut it: a house number and its
	// street ("INTERNATIONAL 320 NEVADA STREET"), a street written as one
	// word before its number as Dutch and German do ("INTERNATIONAL
	// LANDDROSTLAAN 51", "Hauptstraße 5"), a box, suite or floor ("P.O.
	// Box 12", "Suite 400", "2nd Floor") or a Dutch postcode ("7327 GM").
	// A number needs its street: "21st Century Fox", "Pier 1 Imports".
	addressInNameRe = regexp.MustCompile(`\s(?:(?i:\d{1,6}[a-z]?\s+(?:[\pL.'’-]+\s+){0,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|way|parkway|place|plaza|court|highway)\b|` +
		`\pL+(?:straat|laan|weg|gracht|plein|kade|dreef|singel|straße|strasse|str\.|gasse|platz|allee)\s*\d{1,5}[a-z]?\b|` +
		`p\.?\s?o\.?\s+box\b|suite\s+\d|\d{1,2}(?:st|nd|rd|th)\s+floor\b)|\d{4}\s?[A-Z]{2}\b)`)
)

// withoutAddress cuts a name before an address it ran into (addressInNameRe)
// unless a legal form follows: then the words are the name's own ("Route 66
// Road House, Inc."), and an address after the form is afterFormRe's.
func withoutAddress(n string) string {
	loc := addressInNameRe.FindStringIndex(n)
	if loc == nil || loc[0] == 0 {
		return n // an address alone, which junkParty rejects
	}
	for _, w := range strings.Fields(n[loc[0]:]) {
		if legalForm[strings.ToLower(strings.Trim(strings.ReplaceAll(w, ".", ""), ",;"))] {
			return n
		}
	}
	return addressLinkRe.ReplaceAllString(n[:loc[0]], "")
}

// addressLinkRe is the word that tied a name to its address ("Ms Fiona
// Gallagher of 12 Kestrel Way", "Acme Holdings, at Suite 400").
var addressLinkRe = regexp.MustCompile(`(?i)[\s,]+(?:of|at)?$`)

// noteMarkRe is a footnote's reference mark set against the end of a
// party's name ("Northwind Cloud Corporation∗", "Contoso Bank plc†"): the
// mark is the page's, not the name's.
var noteMarkRe = regexp.MustCompile(`([\pL.])[\x{2217}\x{204E}†‡]+$`)

// tidyParty takes off what a party's name picked up around it: a lead-in
// (partyLeadRe), the sentence it ran into (partyTailRe), an address or
// description after its legal form (afterFormRe) and an address where it
// has none (withoutAddress).
func tidyParty(n string) string {
	for {
		// a signature's "（盖章）", a definition's "（以下简称“甲方”）", a bracket
		// left open where the name was cut ("Acme Software Inc. (美国特拉华州公司")
		t := strings.TrimSpace(trailingNoteRe.ReplaceAllString(n, ""))
		if t == n || t == "" {
			break
		}
		n = t
	}
	n = aliasTailRe.ReplaceAllString(n, "")
	n = partyLeadRe.ReplaceAllString(n, "")
	n = partyTailRe.ReplaceAllString(n, "")
	n = registryTailRe.ReplaceAllString(n, "")
	if loc := afterFormRe.FindStringSubmatchIndex(n); loc != nil {
		cut := strings.IndexFunc(n[loc[0]:], func(r rune) bool { return r == ' ' || r == '\t' })
		n = n[:loc[0]+cut]
	}
	n = withoutAddress(n)
	n = noteMarkRe.ReplaceAllString(n, "$1")
	n = strings.Trim(n, " ,;:")
	if strings.HasSuffix(n, "..") && !strings.HasSuffix(n, "...") {
		n = n[:len(n)-1] // "Torvec Inc.." where the name ended its sentence
	}
	return withoutSentenceStop(n)
}

// pointedForms are the words a name may end with whose stop is their own
// ("Inc.", "Ltd."): any other last word's stop ended the sentence the
// name closed ("between Acme Corp and Beta LLC.").
var pointedForms = wordSet("inc", "ltd", "ltda", "corp", "co", "cia", "sdn", "bhd", "bros", "jr", "sr", "esq", "pte", "pty", "cie", "mfg", "intl", "assn", "dept")

// withoutSentenceStop takes off the full stop a name took from the end of
// its sentence: a register listed "Beta LLC." beside "Acme Corp". A stop
// of an abbreviation (pointedForms), an initial ("John F.") or a dotted
// form ("S.A.", "L.L.C.") stays.
func withoutSentenceStop(n string) string {
	if !strings.HasSuffix(n, ".") || strings.HasSuffix(n, "..") {
		return n
	}
	last := n[strings.LastIndexAny(n, " \t\n")+1 : len(n)-1]
	if utf8.RuneCountInString(last) < 2 || strings.Contains(last, ".") || pointedForms[strings.ToLower(last)] {
		return n
	}
	return n[:len(n)-1]
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// notAName are words that alone are no party: "OF" left of a heading, a
// recital's or a resolution's opening ("RESOLVED, that the Company ..."
// after "between the Company and ...").
var notAName = map[string]bool{"of": true, "and": true, "the": true, "by": true, "to": true, "for": true, "between": true,
	"resolved": true, "resolved further": true, "further resolved": true, "whereas": true, "witnesseth": true, "recitals": true}

// legalForm are company forms written without points, which alone name
// no company.
var legalForm = map[string]bool{}

// countries are countries as contracts write them where a party's name
// might stand (a signature block's address line).
var countries = map[string]bool{}

func init() {
	for _, f := range strings.Fields(`inc incorporated corp corporation co company llc ltd limited llp lp plc
		pty pte gmbh ag sa sas spa bv nv se kg ltda`) {
		legalForm[f] = true
	}
	for _, c := range []string{"usa", "us", "united states", "united states of america", "prc", "china",
		"people's republic of china", "canada", "uk", "united kingdom", "england", "germany", "france",
		"japan", "india", "hong kong", "singapore", "israel", "switzerland", "ireland", "australia"} {
		countries[c] = true
	}
}

// parties finds the parties named in the preamble ("between X and Y") and
// in signature blocks; an alias in quotes ("the Company") becomes Value.
func parties(x *collector, text string) {
	pre := text[:min(len(text), preambleChars)]
	if labelledParties(x, pre) || partiesBlock(x, pre) {
		// a list of labelled parties is the contract's own; the preamble
		// rules read its parenthesised places as aliases ("Rise
		// (Tianjin) Education ..." gave "Rise")
		signatureParties(x, text)
		return
	}
	if seg, off, ok := partySegment(pre); ok {
		defined := definedAliases(pre[:off])
		for _, ch := range splitParties(layout(seg), defined) {
			name, alias := partyName(ch.text)
			if full := defined[name]; full != "" && alias == "" {
				name, alias = full, name // "between Brightline and ...", Brightline Media Group ("Brightline") named before
			}
			if name != "" {
				x.add(KindParty, name, alias, off+ch.start)
			}
		}
	}
	aliasParties(x, pre)
	groupParties(x, pre)
	offeree(x, pre)
	signatureParties(x, text)
	x.drop(KindParty, func(e document.Entity) bool { return e.Value == "" && commonNoun(e.Text, text) })
	aliasAgain(x)
}

// aliasAgain drops a party that is another's alias: "Premier" beside
// "Premier Nutrition Corporation" ("Premier"), found where "between
// Heritage and Premier" names a prior agreement's parties, or
// "LICENSING" over a signature for "AFI Licensing LLC" ("Licensing").
func aliasAgain(x *collector) {
	aliases := map[string]string{} // an alias's key: its party's name
	for _, f := range x.ents {
		if f.e.Kind == KindParty && f.e.Value != "" {
			aliases[dedupKey(f.e.Value)] = f.e.Text
		}
	}
	x.drop(KindParty, func(e document.Entity) bool {
		name, ok := aliases[dedupKey(e.Text)]
		return ok && name != e.Text && (e.Value == "" || dedupKey(e.Value) == dedupKey(e.Text))
	})
}

// commonNounRe ends a word that names a thing or an act, not someone:
// "Commercialization" of "Centre for Probe Development and
// Commercialization", which "and" cut in two.
var commonNounRe = regexp.MustCompile(`(?i)(?:ization|isation|tion|sion|ment|ness|ship|ency|ancy)$`)

// commonNoun reports a one-word party that is a common noun: one with a
// noun's ending, or one the document also writes in lower case
// ("LICENSING" over a signature, where the text speaks of licensing).
// A name with its own capitals ("eGain", "PivX"), digits or an alias
// stays.
func commonNoun(n, text string) bool {
	if strings.ContainsAny(n, " \t") || !strings.ContainsFunc(n, unicode.IsLetter) {
		return false
	}
	rest := strings.TrimLeftFunc(n, unicode.IsUpper)
	if len(rest) == len(n) || strings.IndexFunc(n, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 ||
		rest != "" && strings.ToLower(rest) != rest && strings.ToUpper(n) != n {
		return false
	}
	if commonNounRe.MatchString(n) {
		return true
	}
	lower := strings.ToLower(n)
	for i := strings.Index(text, lower); i >= 0; {
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(lower):])
		if (i == 0 || unicode.IsSpace(before)) && (after == utf8.RuneError || unicode.IsSpace(after) || strings.ContainsRune(",;:)", after)) {
			return true
		}
		next := strings.Index(text[i+1:], lower)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// definedAliases maps the aliases that text defines for a name before
// it ("Brightline Media Group ("Brightline") is terminating the
// Agreement ...") to that name: a letter or a recital names a party
// first, and its list of parties then uses the alias.
func definedAliases(text string) map[string]string {
	defined := map[string]string{}
	for _, m := range aliasRe.FindAllStringSubmatchIndex(text, -1) {
		alias := text[m[2]:m[3]]
		if notPartyAlias.MatchString(alias) || roleAlias.MatchString(alias) {
			continue // "Agreement"; a role names no one in particular ("between Company and ...")
		}
		if name := nameBefore(text[:m[0]]); name != "" && name != alias {
			defined[alias] = name
		}
	}
	return defined
}

// labelledPartyRe is a party named on a line of its own after its label:
// "Party A: Beike Internet (Beijing) Security Technology Co., Ltd.",
// "Employer: Greenwich Data Services Ltd" (a statement of employment
// terms), a key-details table ("Supplier: ...", "Customer: ..."), or the
// label alone with the name on the next line.
var labelledPartyRe = regexp.MustCompile(`(?m)^[ \t]*(Party\s+[A-D]|Licensor|Licensee|Lessor|Lessee|Landlord|Tenant|Seller|Buyer|Supplier|Customer|Client|Vendor|(?:Service\s+)?Provider|Contractor|Consultant|Purchaser|Distributor|Employer|Employee)[ \t]*[:：][ \t]*(?:\n[ \t]*)*([^\n]{2,160})`)

// labelledNameEnd ends a labelled party's name: its alias, a column gap,
// the next label on the same line, or its description (", a company
// registered in England (No. 08123456)" had made the line no name, and a
// key-details table gave no party).
var labelledNameEnd = regexp.MustCompile(`\s*\((?:the\s+|hereinafter\b[^)]*?)?["“]|\s{3,}|\s+(?:Licensee|Licensor|Address|Legal\s+representative)\b|` + descriptionTail)

// labelledParties adds the parties of "Party A: ..." lines, with their
// quoted alias or else their label as Value, and reports whether the
// preamble labels two or more (a template's blank "Party B: [•]" counts:
// the labels are the list).
func labelledParties(x *collector, pre string) bool {
	ms := labelledPartyRe.FindAllStringSubmatchIndex(pre, -1)
	for _, m := range ms {
		label, line := pre[m[2]:m[3]], pre[m[4]:m[5]]
		name, alias := line, label
		if e := labelledNameEnd.FindStringIndex(line); e != nil {
			name = line[:e[0]]
			if q := quotedRe.FindStringSubmatch(line[e[0]:]); q != nil {
				alias = strings.TrimSpace(q[1])
			}
		}
		name = strings.Trim(strings.TrimSpace(name), ",;: ")
		if !plausibleName(name) || strings.HasSuffix(strings.ToLower(name), "address") {
			continue
		}
		x.add(KindParty, name, alias, m[4])
	}
	return len(ms) >= 2
}

var (
	// partiesHeadRe is a "Parties" heading alone on its line, as
	// Australian and Singapore precedents open: the parties follow, one a
	// paragraph, with no "between" and no numbers.
	partiesHeadRe = regexp.MustCompile(`(?im)^[ \t]*(?:\d{1,2}\.?[ \t]+)?(?:the[ \t]+)?parties[ \t]*:?[ \t]*$`)
	// partiesBlockEndRe is the heading after the parties block.
	partiesBlockEndRe = regexp.MustCompile(`(?im)^[ \t]*(?:background|recitals?|agreed\s+terms|operative\s+provisions|it\s+is\s+agreed|the\s+parties\s+agree|whereas|introduction|terms|(?:\d{1,2}\.?[ \t]+)?(?:definitions|interpretation|agreement|term)|\d{1,2}\.[ \t]+\pL)\b`)
	// blockNameEndRe ends a name in the parties block: its register
	// number (ABN, ACN, UEN), its address, its description or its alias.
	blockNameEndRe = regexp.MustCompile(`[ \t]*[,(]?[ \t]*\b(?:` + registryLabels + `|Company\s+(?:No|Registration|Number))\b|,?[ \t]+(?:of|whose|at|having|incorporated|registered|an?[ \t]+(?:Australian|Singapore|\p{Ll}+))[ \t]|[ \t]*\(|[ \t]*,|[ \t]*\n`)
	// blockRegistryRe is a party's register number in its entry.
	blockRegistryRe = regexp.MustCompile(`\b(?:` + registryLabels + `)\b`)
	// blockMarkRe is an entry's list mark ("1.", "(a)", "Party 1:").
	blockMarkRe = regexp.MustCompile(`^[ \t]*(?:\(?\w{1,3}[.)]|Party[ \t]+\w{1,2}[ \t]*:)?[ \t]*`)
)

// blockEntries bounds the parties a "Parties" block may list.
const blockEntries = 8

// partiesBlock adds the parties listed under a "Parties" heading, one a
// paragraph ("Harbourline Logistics Pty Ltd ABN 51 824 753 556 of Level
// 12, 60 Martin Place, Sydney NSW 2000 (Supplier)"), with the alias that
// ends each entry, and reports whether it found two or more. The
// preamble rules look for "between" or numbers and found no party there.
func partiesBlock(x *collector, pre string) bool {
	head := partiesHeadRe.FindStringIndex(pre)
	if head == nil {
		return false
	}
	body := pre[head[1]:]
	if end := partiesBlockEndRe.FindStringIndex(body); end != nil {
		body = body[:end[0]]
	}
	n := 0
	for _, e := range blockParagraphs(body, head[1]) {
		if n == blockEntries {
			break
		}
		text := e.text[len(blockMarkRe.FindString(e.text)):]
		name := text
		if loc := blockNameEndRe.FindStringIndex(text); loc != nil {
			name = text[:loc[0]]
		}
		name = strings.TrimSpace(name)
		alias := listedAlias(strings.TrimSpace(text[len(name):]))
		if !plausibleName(name) || alias == "" && !blockRegistryRe.MatchString(text) && !corpSuffixRe.MatchString(", "+lastWord(name)) {
			continue
		}
		x.add(KindParty, name, alias, e.start+strings.Index(e.text, name))
		n++
	}
	return n >= 2
}

// blockParagraphs splits a parties block into its entries: paragraphs,
// or lines where a paragraph holds several entries, each ending with
// its alias.
func blockParagraphs(body string, off int) []chunk {
	var out []chunk
	start := 0
	for _, para := range strings.SplitAfter(body, "\n\n") {
		lines := strings.SplitAfter(para, "\n")
		ended := 0
		for _, l := range lines {
			if bareRoleRe.MatchString(strings.TrimSpace(l)) || aliasRe.MatchString(l) && strings.HasSuffix(strings.TrimSpace(l), ")") {
				ended++
			}
		}
		if ended < 2 {
			lines = []string{para}
		}
		at := start
		for _, l := range lines {
			if strings.TrimSpace(l) != "" {
				lead := len(l) - len(strings.TrimLeft(l, " \t\n"))
				out = append(out, chunk{text: strings.TrimSpace(l), start: off + at + lead})
			}
			at += len(l)
		}
		start += len(para)
	}
	return out
}

// chunk is a piece of text with its offset.
type chunk struct {
	text  string
	start int
}

// splitParties cuts a party list at top-level "and", ";" and "," that
// begin a new party, ignoring separators inside parentheses or quotes.
// An "and" after an alias in defined always does: "between Brightline
// and Stellar Print Services, Inc." names two parties, however much
// "Brightline and Stellar Print Services, Inc." looks like one.
func splitParties(seg string, defined map[string]string) []chunk {
	var out []chunk
	depth, quote, start := 0, false, 0
	for i := 0; i < len(seg); i++ {
		switch seg[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case '"':
			quote = !quote
		}
		if depth > 0 || quote {
			continue
		}
		sep := 0
		if seg[i] == ';' {
			sep = 1
		} else if m := andSepRe.FindStringIndex(seg[i:]); m != nil && m[0] == 0 && andSplits(seg[start:i], seg[i+m[1]:], defined) {
			sep = m[1]
		}
		if sep > 0 {
			out = append(out, chunk{seg[start:i], start})
			start = i + sep
			i += sep - 1
		}
	}
	return append(out, chunk{seg[start:], start})
}

// andSplits reports whether the "and" between before and rest
// separates two parties: it does after a defined alias, and not inside
// a company's name (corpAfterAnd), a place's (placeAnd) or another
// organisation's, where a common noun follows it alone ("Centre for
// Probe Development and Commercialization, a not-for-profit ...").
func andSplits(before, rest string, defined map[string]string) bool {
	if defined[strings.TrimSpace(leadRe.ReplaceAllString(before, ""))] != "" {
		return true
	}
	first := rest
	if i := strings.IndexAny(rest, ",(\n"); i >= 0 {
		first = rest[:i]
	}
	if w := strings.TrimSpace(first); capitalised(w) && !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) &&
		commonNounRe.MatchString(w) {
		return false
	}
	return !corpAfterAnd(before, rest) && !placeAnd(before, rest)
}

// andSepRe is "and" between two parties, possibly with dashes, a colon or
// line breaks around it.
var andSepRe = regexp.MustCompile(`^(?i)[\s\-,]+and[:,]?[\s\-]+`)

// layout marks layout breaks (a line break or a run of three or more
// spaces) with a newline and collapses other spacing, so that addresses
// set on their own lines end a party name.
func layout(s string) string {
	return breakRe.ReplaceAllStringFunc(s, func(ws string) string {
		if strings.ContainsRune(ws, '\n') || len(ws) >= 3 {
			return "\n"
		}
		return " "
	})
}

var breakRe = regexp.MustCompile(`\s+`)

// corpAfterAnd rejects "and" inside a name such as "Johnson and Johnson,
// Inc." or "Life Insurance and Annuity Corporation": the and-part (rest)
// is short and ends at a corporate suffix, and the part before it (since
// the last separator) has none.
func corpAfterAnd(before, rest string) bool {
	end := strings.IndexAny(rest, ",(\n\"“")
	if end < 0 || end > 25 {
		return false
	}
	suffixed := corpSuffixRe.MatchString(rest[end:]) || corpSuffixRe.MatchString(", "+lastWord(rest[:end]))
	before = before[max(0, len(before)-40):]
	return suffixed && !strings.ContainsAny(before, ",(") && !corpSuffixRe.MatchString(", "+lastWord(before))
}

// placeAnd rejects "and" inside a place's name or a list of places: "a
// company registered in England and Wales" is one party, not a party
// called "Wales".
func placeAnd(before, rest string) bool {
	if placeListBeforeRe.MatchString(before) && !notOnePlace(rest) {
		return true // "with offices located at Berlin and Munich ("Siemens")"
	}
	b, r := placeBeforeAnd.FindString(before), placeAfterAnd.FindString(rest)
	return b != "" && r != "" && placePairs[strings.ToLower(strings.TrimSpace(b))] == strings.ToLower(r)
}

// notOnePlace reports a text whose first part (up to a bracket, comma or
// line) is not one word: "Berlin and Munich (...)" goes on with a place,
// "Philadelphia, Pennsylvania and Jeffrey Hanuscin, (...)" and "New York
// and XYZ Corp. (...)" with a party.
func notOnePlace(rest string) bool {
	first := rest
	if i := strings.IndexAny(rest, "(,;\n"); i >= 0 {
		first = rest[:i]
	}
	words := strings.Fields(first)
	return len(words) != 1 || legalForm[strings.ToLower(strings.Trim(words[0], ".,"))]
}

// placeListBeforeRe ends a text that names where a party is: "offices
// located at Berlin", "based in Paris": an "and" after it adds a place,
// not a party.
var placeListBeforeRe = regexp.MustCompile(`(?i)\b(?:located|situated|offices?|based|domiciled|resident)\s+(?:at|in)\s+[\pL.'’-]+(?:,?\s+[\pL.'’-]+){0,4}\s*$`)

// placePairs are the places whose names join two words with "and".
var placePairs = map[string]string{
	"england": "wales", "trinidad": "tobago", "bosnia": "herzegovina", "antigua": "barbuda",
	"kitts": "nevis", "turks": "caicos", "vincent": "the grenadines", "tomé": "príncipe",
	"tome": "principe", "wallis": "futuna", "heard island": "mcdonald islands",
}

var (
	placeBeforeAnd = regexp.MustCompile(`(?i)(?:heard\s+island|\pL+)\s*$`)
	placeAfterAnd  = regexp.MustCompile(`(?i)^(?:the\s+grenadines|mcdonald\s+islands|\pL+)`)
)

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// leadRe strips list markers and articles before a party name.
var leadRe = regexp.MustCompile(`^(?i)(?:\s|and\b|,|\(\w{1,3}\)|\d+\.|:)*`)

// partyName returns the name at the start of a party chunk and its quoted
// alias.
// nameBracketRe is a bracket inside a company's name, with more of the
// name after it: "(HONG KONG) LTD", "(Pty) Ltd", "(Beijing) Technology",
// "(Zürich) AG": its words' letters are of any script.
var nameBracketRe = regexp.MustCompile(`^\((?:\p{Lu}[\pL\pM\pN_.&'’-]*\s*){1,4}\)\s+\p{Lu}`)

func partyName(ch string) (string, string) {
	ch = leadRe.ReplaceAllString(ch, "")
	end := len(ch)
	for i := 0; i < len(ch); i++ {
		c := ch[i]
		if c == '(' {
			if m := nameBracketRe.FindStringIndex(ch[i:]); m != nil {
				i += m[1] - 1 // "SHBV (HONG KONG) LTD": the bracket is the name's
				continue
			}
		}
		if c == '(' || c == '\n' && i > 0 {
			end = i
			break
		}
		if c == ',' {
			if m := corpSuffixRe.FindStringIndex(ch[i:]); m != nil {
				i += m[1] - 1
				continue
			}
			end = i
			break
		}
		if hasPrefixFold(ch[i:], " a ") || hasPrefixFold(ch[i:], " an ") || hasPrefixFold(ch[i:], " with ") ||
			hasPrefixFold(ch[i:], " having ") || hasPrefixFold(ch[i:], " whose ") || hasPrefixFold(ch[i:], " located ") ||
			hasPrefixFold(ch[i:], " hereinafter ") ||
			c == ' ' && (nameEndVerbRe.MatchString(ch[i:]) || nameThenClauseRe.MatchString(ch[i:]) && capitalised(lastWord(ch[:i]))) {
			end = i
			break
		}
	}
	name := strings.Trim(strings.TrimSpace(spaceRe.ReplaceAllString(afterAddress(ch[:end]), " ")), ",;: ")
	if strings.HasSuffix(name, ".") && !corpSuffixRe.MatchString(", "+lastWord(name)) {
		name = strings.TrimRight(name, ". ")
	}
	alias := ""
	if m := quotedRe.FindStringSubmatch(ch[end:min(len(ch), end+300)]); m != nil {
		alias = strings.TrimSpace(m[1])
	}
	if !plausibleName(name) {
		return "", ""
	}
	return name, alias
}

// nameEndVerbRe is a lower-case verb or date word that ends a party's
// name when the sentence goes on ("between Acme Corp. and Globex Inc.
// expires on June 30", "and Delta LLC dated March 3"): a name's words are
// capitalised.
var nameEndVerbRe = regexp.MustCompile(`^ (?:dated|expires?|expiring|runs?|shall|will|is|are|agrees?|effective|entered|made|which|who)\b`)

// nameThenClauseRe is a clause that a name's last word runs into: "and
// Summit Venture Bank providing for a term loan", "and Delta Cleaning
// Services Ltd that we are terminating", a participle and the word that
// ties it on. After a word in lower case it is the clause's own ("Party
// B reached following items", "SHBV has the meaning"), and a participle
// before a noun describes the noun ("CDQ recycling economic projects"):
// the name checks reject those whole.
var nameThenClauseRe = regexp.MustCompile(`^ (?:that|[a-z]{2,}ing\s+(?:for|to|of|on|in|with|by|as|under|from|through|into|that|the|a|an|its|their|his|her)) `)

// capitalised reports a word that starts with a capital or a digit.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimSuffix(f[len(f)-1], ".")
}

// plausibleName keeps names that start with a capital or digit, are not
// too long and are not generic words.
func plausibleName(n string) bool {
	if len(n) < 2 || len(n) > 120 || stopNames[strings.ToLower(n)] {
		return false
	}
	r := []rune(n)[0]
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	return len(strings.Fields(n)) <= 12 && !notNameRe.MatchString(n) && !proseRun(n) && !layoutName(n) && !bracketClosedFirst(n)
}

// bracketClosedFirst reports a "name" that closes a bracket it did not
// open: text cut out of one, as "between" inside a title's bracket gave
// "ITS PERSONNEL) THIS SAMPLE OF NON-DISCLOSURE".
func bracketClosedFirst(n string) bool {
	c := strings.IndexByte(n, ')')
	return c >= 0 && !strings.Contains(n[:c], "(")
}

// layoutName reports a "name" made of a page's layout: a table of
// contents ("Authority 8 8.2 Essential Patents 8", "CHARGES 4 ARTICLE 4
// QUALITY"), a rule of dashes, or a clause in capitals ("ARE BINDING THE
// BUSINESS ENTITY THAT YOU REPRESENT"), which the party facet listed.
func layoutName(n string) bool {
	if strings.Contains(n, "---") || strings.Contains(n, "___") {
		return true
	}
	numbers, function, toc := 0, 0, false
	for _, w := range strings.Fields(n) {
		if isSectionNumber(w) {
			numbers++
			toc = toc || strings.Contains(strings.TrimSuffix(w, "."), ".")
		}
		if capsFunctionWords[w] {
			function++
		}
		toc = toc || w == "ARTICLE" || w == "Article" || w == "SECTION" || w == "Section"
	}
	// two numbers and a section's mark: an address's numbers ("Suite 207 -
	// 1130 Austin Avenue") are no table of contents
	return numbers >= 2 && toc || function >= 2
}

// isSectionNumber is a page or section number standing alone ("8", "8.2").
func isSectionNumber(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return true
}

// capsFunctionWords are words in capitals that a clause holds and a
// name does not.
var capsFunctionWords = map[string]bool{"ARE": true, "THAT": true, "YOU": true, "YOUR": true, "IS": true, "WILL": true,
	"SHALL": true, "WHICH": true, "BE": true, "NOT": true, "WITH": true, "HAVE": true, "THIS": true}

// nameJoiners are the lower-case words a name holds ("Bank of the West").
var nameJoiners = map[string]bool{"of": true, "and": true, "the": true, "for": true, "de": true, "du": true,
	"la": true, "von": true, "van": true, "der": true, "y": true, "e": true, "&": true}

// proseRun says whether n holds three lower-case words in a row that join
// no name: clause text caught after "between" ("Party B reached following
// items", "CDQ waste heat power generation system"), no party.
func proseRun(n string) bool {
	run := 0
	for _, w := range strings.Fields(n) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLower(r) || nameJoiners[w] {
			run = 0
			continue
		}
		if run++; run == 3 {
			return true
		}
	}
	return false
}

// afterAddress returns what follows the last address or time in s ("New
// York, NY 10016 and VNUE, Inc." gives "VNUE, Inc."), or s when it has
// none: the name that follows an address in a flattened preamble.
func afterAddress(s string) string {
	m := notNameRe.FindAllStringIndex(s, -1)
	if m == nil {
		return s
	}
	return leadRe.ReplaceAllString(strings.TrimLeft(s[m[len(m)-1][1]:], ";,. "), "")
}

// notNameRe finds what a party name never holds: a time of day ("between
// 8:00 a.m. and 6:30 p.m." also follows "between") or a state and ZIP
// code, the tail of an address.
var notNameRe = regexp.MustCompile(`\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.m\.|` + zipPattern + `\b|` + placeZipPattern + `|` + ukPostcode)

// placeZipPattern is a place written out before a ZIP code ("Illinois
// 62701", "Pittsburgh, Pennsylvania 15213", "Española 87532"): its
// letters are of any script.
const placeZipPattern = `\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?,?\s+\d{5}(?:-\d{4})?\b`

// ukPostcode is a British postcode ("EC4N 7TW", "SW1A 1AA").
const ukPostcode = `\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b`

// zipPattern is a US state and ZIP code ("NV 89169", "CA 90405-3035").
const zipPattern = `\b[A-Z]{2}\s+\d{5}(?:-\d{4})?`

// aliasRe finds a quoted alias introduced after a name: (the "Company"),
// hereinafter referred to as the "Principal".
var aliasRe = regexp.MustCompile(`(?:\(\s*|,\s*)(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?)?["“]([^"”]{1,40})["”]`)

// notPartyAlias are defined terms that name the document or a date.
// A loan's alias is none either: "Summit Venture Bank providing for a
// term loan ... (the "Credit Facility")".
var notPartyAlias = regexp.MustCompile(`(?i)agreement|amendment|contract|date|term|addendum|schedule|exhibit|effective|\bparties\b|\bparty\b|plan|product|territory|facility|services?$`)

// aliasParties adds "Name (the "Alias")" pairs from the preamble whose
// name looks like an organisation (corporate suffix, or capitalised words).
func aliasParties(x *collector, pre string) {
	pre = pre[:min(len(pre), aliasChars)]
	if m := recitalsRe.FindStringIndex(pre); m != nil && (x.partyBefore(m[0]) || partyAliasIn(pre[:m[0]])) {
		// the parties come before the recitals; a name the recitals
		// define is someone they speak of ("Lender has agreed to extend
		// credit to Keller Landscaping Services, LLC (the "Borrower")" in
		// a guaranty by its member, a prior agreement's parties)
		pre = pre[:m[0]]
	}
	for _, m := range aliasRe.FindAllStringSubmatchIndex(pre, -1) {
		alias := pre[m[2]:m[3]]
		if notPartyAlias.MatchString(alias) {
			continue
		}
		name := nameBefore(pre[:m[0]])
		if first, rest, ok := strings.Cut(name, " and "); ok && definedAliases(pre[:m[0]])[first] != "" {
			name = rest // "between Brightline and Stellar Print Services, Inc. ("Stellar")", Brightline defined before
		}
		if streetRe.MatchString(name) || addressTail(pre[:m[0]], name) {
			name = "" // "with an address at 895 Don Mills Road Bldg 2 Toronto Ontario Canada ("Company")"
		}
		if name == "" && (addressEndRe.MatchString(pre[:m[0]]) || streetRe.MatchString(lastLine(pre[:m[0]]))) {
			// "Name, ..., Iowa City, IA 52242 (the "University")": the
			// alias names the party before the address
			x.aliasNearest(KindParty, alias, m[0], aliasReach)
			continue
		}
		if name == "" || publicBody.MatchString(name) {
			continue
		}
		if roleAlias.MatchString(alias) || corpSuffixRe.MatchString(", "+lastWord(name)) {
			x.add(KindParty, name, alias, m[0]-len(name))
		}
	}
}

// groupRe is a group's alias in brackets after the names of its
// members, each of whom is a party: ' (together, the "Sellers")', ' (each
// a "Seller" and collectively the "Sellers")'. A group of things
// ("Funds", "Services") is no one.
var groupRe = regexp.MustCompile(`\([^()]{0,80}?["“]((?i:sellers|vendors|buyers|purchasers|shareholders|stockholders|members|owners|founders|guarantors|borrowers|lenders|investors))["”]\s*\)`)

// groupMember is one member's name: a person's with a title ("Dr. Anita
// Patel", "Dr. Moreno"), or two capitalised words or more with a legal
// form maybe ("Luis Moreno", "Acme Holdings, Inc.").
const groupMember = `(?:` + personTitle + `(?:[ \t]+\p{Lu}[\pL'’.-]*)+|\p{Lu}[\pL'’.-]*(?:[ \t]+\p{Lu}[\pL'’.-]*)+)` +
	`(?:,[ \t]*(?:Inc|LLC|Ltd|L\.P|LP|Corp|GmbH|B\.V|N\.V|plc|S\.A)\.?)?`

// personTitle is a person's title before the name ("Dr.", "Mrs").
const personTitle = `\b(?:Dr|Mr|Mrs|Ms|Prof)\.?`

var (
	// groupMemberRe finds each member of a list.
	groupMemberRe = regexp.MustCompile(groupMember)
	// groupListRe is a list of two members or more that ends a text:
	// "Dr. Anita Patel and Dr. Luis Moreno", "A, B and C".
	groupListRe = regexp.MustCompile(groupMember + `(?:(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)` + groupMember + `)+$`)
	// groupApposRe is what a text says of the members after their names
	// (", the Company's shareholders", ", each an individual").
	groupApposRe = regexp.MustCompile(`,\s+(?:the|its|their|each|both|all)\b[^,()"“”]{0,60}$`)
	// groupYouRe is a letter's "you" for its addressees, before their
	// group's alias ("acquire from you (together, the "Sellers")").
	groupYouRe = regexp.MustCompile(`(?i)\b(?:each\s+of\s+)?you,?$`)
	// salutationRe is a letter's salutation: "Dear Dr. Patel and Dr. Moreno:".
	// A salutation may end its line unpunctuated ("Dear Rachel"), as open
	// punctuation (UK, Australian letters) writes it; see salutation.
	salutationRe = regexp.MustCompile(`(?m)^[ \t]*Dear[ \t]+([^\n:,]{3,120}?)[ \t]*(?:[:,]|$)`)
	// bareGreetingRe is what an unpunctuated salutation may greet: a name
	// of up to four capitalised words, maybe after a title, not a line of
	// prose that opens on "Dear".
	bareGreetingRe = regexp.MustCompile(`^(?:(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?[ \t]+)?\p{Lu}[\pL\pM'’.-]*(?:[ \t]+\p{Lu}[\pL\pM'’.-]*){0,3}$`)
	// titleRe is a person's title inside a member's name, which starts
	// there ("Re Dr. Patel").
	titleRe = regexp.MustCompile(personTitle + `[ \t]`)
)

// groupParties adds the members of a group that a letter or a preamble
// names with one alias ("Dr. Anita Patel and Dr. Luis Moreno, the
// Company's shareholders (together, the "Sellers")"): the alias rules
// take a name, not a list, before an alias. A letter's "you" are those
// its salutation greets.
func groupParties(x *collector, pre string) {
	pre = pre[:min(len(pre), aliasChars)]
	for _, m := range groupRe.FindAllStringSubmatchIndex(pre, -1) {
		list, off := groupList(pre, m[0])
		if list == "" {
			continue
		}
		for _, n := range groupMemberRe.FindAllStringIndex(list, -1) {
			if t := titleRe.FindStringIndex(list[n[0]:n[1]]); t != nil {
				n[0] += t[0]
			}
			x.add(KindParty, list[n[0]:n[1]], pre[m[2]:m[3]], off+n[0])
		}
	}
}

// salutation is salutationRe's first match in pre (submatch indexes)
// whose greeting ends with a colon or comma, or, unpunctuated, is a name
// (bareGreetingRe); nil when there is none.
func salutation(pre string) []int {
	for _, m := range salutationRe.FindAllStringSubmatchIndex(pre, -1) {
		if m[1] > m[3] || bareGreetingRe.MatchString(pre[m[2]:m[3]]) {
			return m
		}
	}
	return nil
}

// offerYouRe is a letter offering its reader something to accept: "We
// are pleased to offer you the position of", "offering you employment".
var offerYouRe = regexp.MustCompile(`(?i)\boffer(?:s|ing)?\s+you\b`)

// offeree adds the person an offer letter greets ("Dear Priya Raman,"
// then "we are pleased to offer you the position of ..."): a party to
// the contract the letter makes once accepted, though no preamble or
// alias names them. A greeting to "Sir" or a title alone names no one.
func offeree(x *collector, pre string) {
	s := salutation(pre)
	if s == nil || !offerYouRe.MatchString(pre[s[1]:min(len(pre), s[1]+aliasChars)]) {
		return
	}
	employer(x, pre)
	name := strings.TrimSpace(pre[s[2]:s[3]])
	if full, at := addresseeLine(pre[:s[0]], name); full != "" {
		x.add(KindParty, full, "", at)
		return
	}
	if groupMemberRe.FindString(name) == name {
		x.add(KindParty, name, "", s[2])
	}
}

const (
	// companyName is a company's name with its legal form at its end, as
	// an offer letter names its employer.
	companyName = `\p{Lu}[\pL\pM\pN&'’.-]*(?:[ \t]+[\pL\pM\pN&'’.()-]+){0,6}?[ \t,]+` +
		`(?:Pty\.?[ \t]+Ltd|Pty\.?[ \t]+Limited|Pte\.?[ \t]+Ltd|Sdn\.?[ \t]+Bhd|Limited|Ltd|Inc|LLC|LLP|Corporation|Corp|GmbH|plc|PLC)\b\.?`
)

var (
	// employerRes find the employer an offer letter names: "employment
	// with Banyan Capital Pte. Ltd.", "the position of Analyst at X Ltd",
	// "On behalf of Kestrel Energy Pty Ltd", or its letterhead's first line.
	employerRes = []*regexp.Regexp{
		regexp.MustCompile(`\b(?:employment|position|role|appointment|job)\b[^.\n]{0,80}?\b(?:with|at)[ \t]+(` + companyName + `)`),
		regexp.MustCompile(`\b[Oo]n[ \t]+behalf[ \t]+of[ \t]+(` + companyName + `)`),
		regexp.MustCompile(`^\s*(` + companyName + `)[ \t]*\n`),
	}
	// employerAliasRe is the alias after the employer's name, maybe after
	// its register number: "(ABN 98 765 432 109) ("Kestrel")".
	employerAliasRe = regexp.MustCompile(`^\s*(?:\([^)"“\n]{1,40}\)\s*)?\(\s*(?:the\s+)?["“]([^"”\n]{1,40})["”]\s*\)`)
)

// employer adds the company an offer letter offers employment with: the
// letter greets its offeree, and names the employer only in its body or
// letterhead, with no preamble, so an offer listed the candidate alone.
// A name without a legal form ("Acme Group") counts where the letter
// names it again (its letterhead, its signature).
func employer(x *collector, pre string) {
	for _, re := range employerRes {
		m := re.FindStringSubmatchIndex(pre)
		if m == nil {
			continue
		}
		name := strings.TrimSpace(pre[m[2]:m[3]])
		alias := ""
		if a := employerAliasRe.FindStringSubmatch(pre[m[3]:]); a != nil {
			alias = a[1]
		}
		if plausibleName(name) {
			x.add(KindParty, name, alias, m[2])
			return
		}
	}
	if m := plainEmployerRe.FindStringSubmatchIndex(pre); m != nil {
		name := pre[m[2]:m[3]]
		if plausibleName(name) && !notEmployerRe.MatchString(name) && strings.Count(pre, name) >= 2 {
			x.add(KindParty, name, "", m[2])
		}
	}
}

var (
	// plainEmployerRe is an employer named without its legal form, as
	// many offer letters do ("employment with Acme Group as Senior
	// Analyst"): capitalised words after "with" or "at", before "as", a
	// date or a clause's end.
	plainEmployerRe = regexp.MustCompile(`\b(?:employment|position|role|appointment|job)\b[^.\n]{0,80}?\b(?:with|at)[ \t]+` +
		`(\p{Lu}[\pL\pM\pN&'’-]*(?:[ \t]+(?:&[ \t]+)?\p{Lu}[\pL\pM\pN&'’-]*){0,4})(?:[ \t]*[.,;(]|[ \t]+(?:as|in|on|from|commencing|starting|effective|based|located)\b)`)
	// notEmployerRe is a place of work, not the company ("a role at Head
	// Office"), which plainEmployerRe would take.
	notEmployerRe = regexp.MustCompile(`(?i)\b(?:office|team|department|branch|site|headquarters|division|campus|store|level|floor)$`)
)

// firstNameRe is a greeting's first name alone: "Rachel".
var firstNameRe = regexp.MustCompile(`^\p{Lu}[\pL\pM'’-]+$`)

// greetingWords greet no one by name ("Dear Sir").
var greetingWords = wordSet("sir", "sirs", "madam", "all", "team", "colleague", "colleagues", "candidate", "applicant", "customer", "member")

// titledSurnameRe is a greeting's title and surname alone: "Ms. Raman".
var titledSurnameRe = regexp.MustCompile(`^(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?\s+(\p{Lu}[\pL\pM'’-]+)$`)

// addresseeLine is the line of the address block above a greeting that
// gives the greeted person's full name ("Ms. Priya Raman" above "Dear Ms.
// Raman,", "Rachel Nguyen" above "Dear Rachel"), and its offset; "" when
// the greeting names more than a title and surname or a first name, or no
// line above does.
func addresseeLine(above, greeted string) (string, int) {
	var re *regexp.Regexp
	if m := titledSurnameRe.FindStringSubmatch(greeted); m != nil {
		re = regexp.MustCompile(`(?m)^[ \t]*((?:(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?\s+)?\p{Lu}[\pL\pM'’-]+(?:\s+\p{Lu}[\pL\pM'’-]*\.?){0,2}\s+` + regexp.QuoteMeta(m[1]) + `)[ \t]*$`)
	} else if firstNameRe.MatchString(greeted) && !greetingWords[strings.ToLower(greeted)] {
		// "Dear Rachel" over "Rachel Nguyen" in the address block
		re = regexp.MustCompile(`(?m)^[ \t]*((?:(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?\s+)?` + regexp.QuoteMeta(greeted) + `(?:[ \t]+\p{Lu}[\pL\pM'’.-]*){1,3})[ \t]*$`)
	} else {
		return "", 0
	}
	lines := re.FindAllStringSubmatchIndex(above, -1)
	if lines == nil {
		return "", 0
	}
	l := lines[len(lines)-1]
	return above[l[2]:l[3]], l[2]
}

// groupList is the list of members that ends pre[:end], after what the
// text says of them, or the salutation's when pre[:end] ends with "you";
// with its offset in pre, "" when there is none.
func groupList(pre string, end int) (string, int) {
	before := strings.TrimRight(pre[:end], " \t\n,")
	before = strings.TrimRight(groupApposRe.ReplaceAllString(before, ""), " \t\n,")
	if at := groupListRe.FindStringIndex(before); at != nil {
		return before[at[0]:], at[0]
	}
	s := salutation(pre)
	if s == nil || !groupYouRe.MatchString(before) {
		return "", 0
	}
	if at := groupListRe.FindStringIndex(pre[s[2]:s[3]]); at != nil {
		return pre[s[2]+at[0] : s[3]], s[2] + at[0]
	}
	return "", 0
}

// recitalsRe opens a contract's recitals: their heading or first
// "WHEREAS" at a line's or a sentence's start ("... (the "Lender").
// RECITALS A. Lender has agreed"), not a contents line's "LICENSE TO
// BACKGROUND INFORMATION".
var recitalsRe = regexp.MustCompile(`(?m)(?:^|[.:;]\s+)[ \t]*(?:RECITALS|BACKGROUND|WHEREAS|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H)\b`)

// partyAliasIn reports whether s defines an alias that may be a
// party's ("Guarantor", "Acme"; not "Agreement").
func partyAliasIn(s string) bool {
	for _, m := range aliasRe.FindAllStringSubmatch(s, -1) {
		if !notPartyAlias.MatchString(m[1]) {
			return true
		}
	}
	return false
}

// partyBefore reports whether a party was found before pos.
func (x *collector) partyBefore(pos int) bool {
	for _, f := range x.ents {
		if f.e.Kind == KindParty && f.pos < pos {
			return true
		}
	}
	return false
}

// sentenceEnd says whether w, a word ending in a full stop, ends a
// sentence: a word of four letters or more, no abbreviation with inner
// stops ("S.A.") and no legal form ("Corp.", "Inc.").
func sentenceEnd(w string) bool {
	core := strings.TrimSuffix(w, ".")
	return utf8.RuneCountInString(core) >= 4 && !strings.Contains(core, ".") && !corpSuffixRe.MatchString(", "+core+".")
}

// listMarkRe is a list item's number or letter ("1.", "2)", "(a)").
var listMarkRe = regexp.MustCompile(`^(?:\d{1,2}[.)]|\(\w{1,3}\))$`)

// streetRe is a word of a street address, which no party's name holds.
var streetRe = regexp.MustCompile(`\b(?:Road|Street|Avenue|Ave\.|Blvd|Boulevard|Bldg|Suite|Floor|Drive|Lane|Highway|P\.?O\.? Box)\b`)

// lastLine is the text after s's last line break or semicolon.
func lastLine(s string) string {
	return s[strings.LastIndexAny(s, "\n;")+1:]
}

// houseNumberRe ends a text whose last comma-separated parts follow a
// house number after "of" or "at" ("of 14 Seaview Terrace, Howth,"):
// the name that comes next is the address's town or county.
var houseNumberRe = regexp.MustCompile(`\b(?:of|at)\s+\d{1,5}[A-Za-z]?\s+\p{Lu}[^()"“”;\n]{0,80},\s*$`)

// addressTail reports whether name, which ends before, is the last part
// of an address rather than a party: "Dr. Sean O'Brien, of 14 Seaview
// Terrace, Howth, County Dublin (the "Consultant")" named "County Dublin"
// the Consultant, as no word of it is a street's (streetRe).
func addressTail(before, name string) bool {
	i := strings.LastIndex(before, name)
	return i > 0 && houseNumberRe.MatchString(before[:i])
}

// addressEndRe is a text that ends with a state and ZIP code.
var addressEndRe = regexp.MustCompile(zipPattern + `[\s,]*$`)

// aliasReach is how far before its alias a party may be named when an
// address stands between them.
const aliasReach = 400

// aliasChars bounds where a "Name (the "Alias")" pair may name a party.
const aliasChars = 1500

// roleAlias are aliases that name a contracting role.
var roleAlias = regexp.MustCompile(`(?i)^(?:the\s+)?(?:company|consultant|contractor|licensee|licensor|distributor|supplier|customer|client|agent|principal|franchisee|franchisor|reseller|manufacturer|seller|buyer|purchaser|vendor|provider|partner|investor|owner|operator|servicer|sponsor|developer|publisher|affiliate|party [a-d]|lender|borrower|employer|executive|landlord|tenant|contractor|shipper|carrier|transporter|producer|member|parent|subsidiary|bank|trust|fund|adviser|advisor|sub-adviser|manager|administrator|university|institute|hospital|you|assignee|assignor|bidder|guarantor|endorser|celebrity|duration|term|territory)$`)

// publicBody names regulators and laws that are quoted but not parties.
var publicBody = regexp.MustCompile(`(?i)\b(?:commission|administration|act|authority|legislation|agency|department|ministry|office|exchange|court)\b`)

// nameBefore returns the run of capitalised words (with corporate
// suffixes, "&", "of", "and") that ends s.
func nameBefore(s string) string {
	s = withoutDescriptor(strings.TrimRight(s, " ,\t\n"))
	f := strings.Fields(s)
	i := len(f)
	for i > 0 {
		w := strings.Trim(f[i-1], ",")
		if w == "" || len(f)-i >= 8 {
			break
		}
		rs := []rune(w)
		if len(rs) == 0 {
			break
		}
		r := rs[0]
		// "eGain", "iPass": a brand's lower-case letter before a capital
		brand := len(rs) > 1 && unicode.IsLower(r) && unicode.IsUpper(rs[1])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || brand || w == "&" || w == "of" || w == "and" || w == "de") {
			break
		}
		if strings.HasSuffix(f[i-1], ",") && i < len(f) && !corpSuffixRe.MatchString(", "+f[i]) {
			break
		}
		if i < len(f) && strings.HasSuffix(f[i-1], ".") && sentenceEnd(f[i-1]) {
			break // "... in China. China Recycling Energy Corporation (the "Company")"
		}
		i--
	}
	if tail := strings.Join(f[i:], " "); notNameRe.MatchString(tail) {
		f, i = strings.Fields(afterAddress(tail)), 0
	}
	for i < len(f) && (f[i] == "of" || f[i] == "and" || f[i] == "&" || listMarkRe.MatchString(f[i])) {
		i++ // and a list's number: "1. Riverside Capital Partners LLC"
	}
	// "Seller and Verso Technologies, Inc.": a party already named by its
	// role, then the one this alias is for
	if i+2 < len(f) && f[i+1] == "and" && roleAlias.MatchString(strings.Trim(f[i], ",")) {
		i += 2
	}
	name := strings.TrimRight(strings.Join(f[i:], " "), ",")
	words := f[i:]
	if len(words) == 0 || strings.EqualFold(words[0], "this") || strings.EqualFold(words[0], "the") || notPartyAlias.MatchString(name) {
		return ""
	}
	if len(words) == 1 && !corpSuffixRe.MatchString(", "+lastWord(name)) && strings.ToUpper(name) != name {
		return ""
	}
	return name
}

// withoutDescriptor drops the incorporation descriptor that stands
// between a name and its alias ("AURA SYSTEMS INC., a Delaware
// Corporation (\"Aura\")"): the alias names the company, not "Delaware
// Corporation", which was a party of three unrelated contracts.
func withoutDescriptor(s string) string {
	low := strings.ToLower(s)
	i := max(strings.LastIndex(low, ", a "), strings.LastIndex(low, ", an "))
	if i < 0 || len(s)-i > 120 || strings.ContainsAny(s[i:], "()\"“”") || !entityTypeRe.MatchString(s[i:]) {
		return s
	}
	return s[:i]
}

// entityTypeRe finds the kind of legal entity a descriptor names, or
// that it names a person ("Martin J. Keller, an individual residing in
// Scottsdale, Arizona (the "Guarantor")").
var entityTypeRe = regexp.MustCompile(`(?i)\b(?:corporation|company|partnership|l\.?l\.?c|limited|trust|association|bank|gmbh|corp|incorporated|entity|société|s\.a|individual)\b`)

// signatureRe finds the line above a "By:" line in a signature block;
// the name's capital is of any script ("ÉDITIONS GALLIMARD").
var signatureRe = regexp.MustCompile(`(?m)^[ \t]*([\p{Lu}0-9][^\n:]{1,80}?)[ \t:]*\n(?:[ \t]*\n){0,3}[ \t]*By\s*:`)

// inlineSignatureRe finds an upper-case company name right before "By:"
// where a signature block was flattened onto one line.
// Capitals are \p{Lu}, and a name starts after any letter-less rune: with
// ASCII classes and \b, "VÄRDE PARTNERS" was found as "RDE PARTNERS".
var inlineSignatureRe = regexp.MustCompile(`(?:^|[^\p{L}\p{N}&.'\-])(\p{Lu}[\p{Lu}0-9&.'\-]*(?:,?\s+\(?[\p{Lu}0-9&.'\-]+\)?){0,7}?,?\s+(?:INC|INCORPORATED|LTD|LLC|L\.L\.C|CORPORATION|COMPANY|LIMITED|L\.P|LP|CORP|GMBH|AG|PLC|S\.A|N\.V|B\.V)\.?)\s+(?:By|BY)\s*:`)

// numberedPartyRe finds parties listed as "(1) NAME whose registered
// office is ...", or with its kind before its register ("(2) KESTREL
// CAPITAL LLP a limited liability partnership registered in England",
// "MERIDIAN HOUSING ASSOCIATION LIMITED a registered society under ...",
// "SHANNON MEDICAL DEVICES DAC, a designated activity company"): both
// were missed, and the parties block was the only place the second
// named itself.
var numberedPartyRe = regexp.MustCompile(`(?m)^\s*\(\d\)\s+(\p{Lu}[^\n(]{1,100}?)\s*,?\s+(?:whose|of|a\s+company|an?\s+(?:limited|registered|private|public|designated|unlimited|charitable|incorporated|company|partnership|society)\b|having|incorporated|registered\s+in|with\s+(?:company|registered)|\()`)

// listItemChars bounds a numbered party's entry in its list.
const listItemChars = 600

// listItemEndRe ends a numbered party's entry: a blank line or the next
// number.
var listItemEndRe = regexp.MustCompile(`\n[ \t]*(?:\n|\(\d\))`)

// listedAlias is the alias that ends a numbered party's entry, rest being
// the entry after the name: "(1) BRAMBLE & OAK LIMITED, a company
// incorporated in England and Wales with company number 01234567 whose
// registered office is at 14 Fenwick Street, Leeds LS1 4AB ("Supplier");"
// is the Supplier, however long the description between them, which the
// preamble's alias rules, reaching back from the alias, cannot cross.
func listedAlias(rest string) string {
	if loc := listItemEndRe.FindStringIndex(rest); loc != nil {
		rest = rest[:loc[0]]
	}
	alias := ""
	for _, m := range aliasRe.FindAllStringSubmatch(rest, -1) {
		if !notPartyAlias.MatchString(m[1]) || roleAlias.MatchString(m[1]) {
			alias = m[1]
		}
	}
	if m := bareRoleRe.FindStringSubmatch(rest); alias == "" && m != nil && !notPartyAlias.MatchString(m[1]) {
		alias = m[1]
	}
	return alias
}

// bareRoleRe is a party's role in brackets without quotes at its entry's
// end, as UK precedents print it, in bold: "... Leeds LS11 5PS
// (Supplier).", "(the Provider); and".
var bareRoleRe = regexp.MustCompile(`\((?:the\s+)?(\p{Lu}[\pL'’-]*(?:\s+\p{Lu}[\pL'’-]*){0,2})\)\s*[.;,]?\s*(?:and\s*)?$`)

// signatureParties adds organisation names from signature blocks and
// numbered party lists.
func signatureParties(x *collector, text string) {
	for _, m := range inlineSignatureRe.FindAllStringSubmatchIndex(text, -1) {
		for _, name := range signatureNames(text[m[2]:m[3]]) {
			x.add(KindParty, name, "", m[2])
		}
	}
	for _, m := range numberedPartyRe.FindAllStringSubmatchIndex(text[:min(len(text), agreementChars)], -1) {
		if name := text[m[2]:m[3]]; plausibleName(name) {
			x.add(KindParty, name, listedAlias(text[m[3]:min(len(text), m[3]+listItemChars)]), m[2])
		}
	}
	for _, m := range signatureRe.FindAllStringSubmatchIndex(text, -1) {
		for _, name := range signatureNames(text[m[2]:m[3]]) {
			name = strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(name, "FOR AND ON BEHALF OF")), ",")
			upper := strings.ToUpper(name) == name
			if !plausibleName(name) || strings.Contains(strings.ToLower(name), "witness") || strings.IndexAny(name[len(name)-1:], "0123456789") == 0 {
				continue
			}
			if upper || corpSuffixRe.MatchString(", "+lastWord(name)) {
				x.add(KindParty, name, "", m[2])
			}
		}
	}
}

// signatureNames splits the line above "By:" into the names it holds:
// signature blocks set side by side put two companies on one line, apart
// by a wide gap or only by where the first one's corporate suffix ends
// ("BIOCEPT, INC. LIFE TECHNOLOGIES CORPORATION").
func signatureNames(line string) []string {
	var out []string
	for _, col := range columnGap.Split(strings.TrimSpace(line), -1) {
		start := 0
		for _, m := range suffixThenName.FindAllStringSubmatchIndex(col, -1) {
			next := strings.Fields(col[m[3]:])
			if len(next) > 0 && nameGoesOn[strings.ToLower(next[0])] {
				continue // "INSURANCE COMPANY OF DELAWARE", "GmbH & Co. KG"
			}
			out = append(out, strings.TrimSpace(col[start:m[3]]))
			start = m[3]
		}
		if col = strings.TrimSpace(col[start:]); col != "" {
			out = append(out, col)
		}
	}
	return out
}

// nameGoesOn are the words after a legal form that continue the name.
var nameGoesOn = map[string]bool{"of": true, "and": true, "&": true, "co.": true, "kg": true, "(usa)": true}

var (
	// columnGap separates side-by-side columns: three spaces, a tab, or
	// the " | " that the parsers put between a table's cells (and a PDF's
	// columns set apart on one line).
	columnGap = regexp.MustCompile(`\s{3,}|\t+|\s+\|\s+`)
	// suffixThenName is a corporate suffix followed by the next name's
	// first word ("INC. LIFE", "LLC THE", "INC. I-ON", "LLC 3M", "Inc.
	// Indorama", "COMPANY THE TUBE", "AG ÉDITIONS", "GmbH Öko", "SA
	// Shanghai", "Sàrl Acme"), unless nameGoesOn. The Swiss and French
	// forms without dots were missing: "Lemanic Biotech SA Shanghai Huaxin
	// Pharmaceutical Co., Ltd." was one party. So was "Helios Energy plc
	// Tyrell Systems Corp.": the British form is written in lower case.
	suffixThenName = regexp.MustCompile(`\b(INC\.?|LLC|L\.L\.C\.|LTD\.?|LIMITED|CORPORATION|COMPANY|CORP\.|GMBH|PLC|LLP|LP|L\.P\.|N\.V\.|B\.V\.|S\.A\.|SA|SARL|Sàrl|S\.à\s?r\.l\.|AG|Inc\.|Ltd\.|Corp\.|Corporation|GmbH|plc|Plc)\s+(?:[\p{Lu}0-9](?:[\p{Lu}0-9]|-[\p{Lu}0-9])|\p{Lu}\p{Ll})`)
)

// --- dates ---

var (
	effectiveAfterRe = regexp.MustCompile(`(?i)^[\s,]*\(?\s*(?:the\s+|this\s+)?(?:["“]?|["“]\s*(?:[a-z]+\s+){1,2}?)\s*(?:effective|commencement)\s+date`)
	// effectiveBeforeRe ends the text before an effective date. A
	// "Commencement Date" defined as a date ("means 1 April 2024") is
	// one: the agreement "shall take effect on the Commencement Date",
	// which names no date itself. "Effective Date" means ... is not
	// here: effectiveSentence adds its definition. An act takes effect
	// as it "shall apply from" or "shall become operative on" a date.
	effectiveBeforeRe = regexp.MustCompile(`(?i)(?:effective|commencement)\s+(?:for\s+all\s+purposes[a-z\s]{0,25}?\s+)?(?:date\s+)?(?:as\s+of|on|from|date\s+(?:is|shall\s+be|of)|date:?)\s*(?:the\s+)?$|effective\s+(?:date\s+)?(?:hereof\s+)?(?:is\s+|shall\s+be\s+)?$|\beffective:\s*$|\b(?:commencement|start)\s+date["”]?\s+(?:shall\s+)?means?\s*(?:the\s+)?$|\b(?:(?:shall|will)\s+(?:commence|begin|start)|(?:agreement|contract|lease|term)\s+(?:commences|begins|starts))\s+(?:on|as\s+of)\s*(?:the\s+)?$|\bwith\s+effect\s+(?:from|on|as\s+of)\s*(?:the\s+)?$|\b(?:start|commencement|begin(?:ning)?)\s+date\s*:\s*$|\b(?:com(?:es|ing)|came|enter(?:s|ed|ing)?)\s+into\s+(?:force|effect)\s*(?:on\s+)?(?:the\s+)?$` +
		`|\b(?:shall|will)\s+apply\s+(?:as\s+)?from\s*(?:the\s+)?$|\b(?:shall\s+become|becomes?)\s+operative\s+(?:on|from|as\s+of)\s*(?:the\s+)?$` +
		// an offer letter's start: "Your employment commences on", "Your
		// start date will be"
		`|\b(?:employment|engagement|appointment)\s+(?:commences|begins|starts)\s+(?:on|as\s+of)\s*(?:the\s+)?$|\bstart\s+date\s+(?:will\s+be|is|shall\s+be)\s*(?:the\s+)?$`)
	// complianceBeforeRe ends the text before a rule's compliance date:
	// a Federal Register rule's "Compliance date: Covered entities ...
	// must comply with the applicable requirements of this final rule by
	// September 23, 2013.", which was a plain date.
	complianceBeforeRe = regexp.MustCompile(`(?i)(?:\bcompliance\s+date\s*(?::|is|shall\s+be)|\b(?:must|shall)\s+(?:comply|be\s+in\s+compliance)\b|\bcompliance\s+(?:is\s+)?required\b)(?:[^.;:]|\.\d){0,100}?\b(?:by|on|before|no\s+later\s+than|not\s+later\s+than)?\s*$`)
	agreementStrongRe  = regexp.MustCompile(`(?i)(?:made|entered\s+into|executed|effect(?:ive)?|is\s+dated|dated\s+for\s+reference|this|signed)\s*(?:as\s+of|on|this|into\s+effect|effective)?\s*(?:the\s+)?$`)
	agreementWeakRe    = regexp.MustCompile(`(?i)(?:dated|as\s+of|date:?|on)\s*(?:the\s+)?$`)
	expiryBeforeRe     = regexp.MustCompile(`(?i)(?:(?:expir\w*|terminat\w*|ends?\s+on|end\s+date)\s+(?:on\s+|date\s+(?:is\s+|of\s+)?)?|\b(?:end|expiry|expiration|termination)\s+date\s*:\s*|\bterminat\w*\s+(?:will|shall)\s+(?:be(?:come)?\s+)?effective\s+(?:on|as\s+of)\s+)(?:the\s+)?$`)
	// expiryAfterRe: a date defined as the end ("November 15, 2029 (the
	// "Maturity Date")")
	expiryAfterRe = regexp.MustCompile(`(?i)^\s*\(\s*(?:the\s+)?["“](?:[a-z]+\s+)?(?:maturity|expiration|expiry|termination|end)\s+date["”]`)
	// periodRangeRe ends the text before the end of a labelled period
	// ("Policy Period: From 12:01 a.m. on July 1, 2025 to 12:01 a.m. on"),
	// periodStartRe the text before its start; a term stated as a
	// range ("The term of this Lease is from 1 February 2026 to 31
	// January 2031") is the same label written as a sentence.
	periodRangeRe = regexp.MustCompile(`(?i)` + periodFrom + `[^\n]{0,80}?\b(?:to|through|until)\b[^\n]{0,25}?$`)
	periodStartRe = regexp.MustCompile(`(?i)` + periodFrom + `[^\n]{0,25}?$`)
	// paymentBeforeRe: a date something is paid or begins to be paid on
	// ("installments ... beginning on December 15, 2024"), not the date
	// of the agreement
	paymentBeforeRe = regexp.MustCompile(`(?i)\b(?:beginning|commencing|starting|due|payable|paid|installments?)\s+(?:in\s+full\s+)?(?:on|as\s+of)\s*(?:the\s+)?$|\b(?:start|end|commencement|expiration|expiry|renewal)\s+date\s*:\s*$`)
	// untilBeforeRe: a date something lasts until
	untilBeforeRe = regexp.MustCompile(`(?i)\b(?:until|till|through|thru)\s+(?:and\s+including\s+)?(?:the\s+)?$`)
	// Chinese contracts date their term "自2024年1月1日起至2026年12月31日止",
	// "有效期至2026年2月28日", "2027年12月31日终止", and sign on
	// "签订日期：2023年12月15日".
	// 至 after 截 is "as of" (截至2024年12月31日), no end; 到 after 报 is
	// reporting for work (报到日期：2026年5月6日), a start: an offer
	// letter's start date was its expiration date
	zhExpiryBeforeRe    = regexp.MustCompile(`(?:(?:^|[^截])至|(?:^|[^报])到|止于|截止|届满日?|到期日?|终止日?)\s*(?:期|日期)?\s*[:：]?\s*$`)
	zhExpiryAfterRe     = regexp.MustCompile(`^\s*(?:止|到期|届满|终止|失效)`)
	zhEffectiveBeforeRe = regexp.MustCompile(`(?:自|从|生效日期?\s*[:：]?|起始日期?\s*[:：]?|开始日期?\s*[:：]?|(?:报到|入职|到岗|上岗)(?:日期|时间)?\s*[:：]?)\s*$`)
	zhEffectiveAfterRe  = regexp.MustCompile(`^\s*(?:起|开始|生效)`)
	zhAgreementRe       = regexp.MustCompile(`(?:签订|签署|签约|订立|签字)(?:日期|时间|于)?\s*[:：]?\s*$`)
	zhAgreementAfterRe  = regexp.MustCompile(`^\s*(?:在[^，。；\n]{1,20})?(?:签订|签署|签约|订立)`)
)

// dates classifies each date by its context: the agreement date (the
// first dated/made-as-of date in the preamble), effective dates,
// expiration dates; others are plain dates. The term sentence yields an
// expiration date, computed from its duration when it gives no date.
func dates(x *collector, text string, sents []sentence) {
	x.dayFirst = dayFirst(text)
	ds := findDatesOrdered(text, x.dayFirst)
	var filed []dateMatch
	ds, filed = withoutFilingDates(text, ds)
	for _, d := range filed {
		x.add(KindDate, d.text, d.iso, d.start)
	}
	agreement, effective := "", ""
	own := withoutRenewalDates(text, ds)
	a, ok := agreementDate(text, own)
	if !ok {
		a, ok = signatureDate(text, own)
	}
	if ok {
		x.add(KindAgreementDate, a.text, a.iso, a.start)
		agreement = a.iso
	}
	for i, d := range ds {
		before := text[max(0, d.start-60):d.start]
		after := text[d.end:min(len(text), d.end+40)]
		wide := text[max(0, d.start-120):d.start]
		starts, ends := definedRange(text, ds, i)
		ends = ends || expiryBeforeRe.MatchString(before) || expiryAfterRe.MatchString(after) || periodRangeRe.MatchString(wide)
		// a date in Chinese text, however written (2024年3月1日, 2024-03-01)
		zh := hanRe.MatchString(d.text) || hanRe.MatchString(before) && hanRe.MatchString(after)
		kinds := 0
		if d.iso == agreement && d.start < agreementChars {
			kinds++
		}
		if renewalEnd(text, d.start) {
			// a renewal's first or last day: the contract is neither
			// made, in effect nor ended by it
			x.addRole(KindDate, d.text, d.iso, renewalDateRole(before, ends), d.start)
			continue
		}
		if role := orderDateRole(before); role != "" {
			// an order form's subscription period, not the agreement's
			x.addRole(KindDate, d.text, d.iso, role, d.start)
			continue
		}
		if !ends && deliveryLabelRe.MatchString(before) {
			x.addRole(KindComplianceDate, d.text, d.iso, RoleDelivery, d.start)
			continue
		}
		if !ends && (complianceBeforeRe.MatchString(wide) || dueBy(text, d, zh)) {
			// a rule's compliance date, not the date it takes effect, or
			// the date a party must act by
			x.addRole(KindComplianceDate, d.text, d.iso, deadlineRole(text, d.start, d.end), d.start)
			continue
		}
		if effective == "" && !ends && (starts || effectiveAfterRe.MatchString(after) || effectiveBeforeRe.MatchString(before) || periodStartRe.MatchString(wide) || termCommences(text, d.start)) {
			// Only the first: later "effective" dates are mostly those of
			// other agreements and amendments the contract cites.
			x.add(KindEffectiveDate, d.text, d.iso, d.start)
			effective = d.iso
			kinds++
		}
		if effective == "" && zh && (zhEffectiveBeforeRe.MatchString(before) || zhEffectiveAfterRe.MatchString(after)) &&
			!zhExpiryAfterRe.MatchString(after) {
			x.add(KindEffectiveDate, d.text, d.iso, d.start)
			effective = d.iso
			kinds++
		}
		zhEnds := zh && (zhExpiryBeforeRe.MatchString(before) || zhExpiryAfterRe.MatchString(after)) && !zhOtherPeriodDate(text, d.start)
		if ends || zhEnds {
			x.add(KindExpirationDate, d.text, d.iso, d.start)
			kinds++
		}
		if kinds == 0 {
			x.addRole(KindDate, d.text, d.iso, goLiveRole(text, d.end), d.start)
		}
	}
	lastSigned, _ := signatureDate(text, ds)
	if eff := effectiveSentence(x, sents, agreement, lastSigned.iso); eff != "" && effective == "" {
		effective = eff
	}
	if effective == "" {
		effective = zhSignedEffective(x, text, agreement)
	}
	if effective == "" && ok {
		// before an order form's subscription start: a master agreement
		// made "as of" a date that "shall commence on the Effective Date"
		// starts then, not when the order form attached to it does
		effective = asOfEffective(x, text, a)
	}
	if effective == "" {
		effective = orderStartEffective(x)
	}
	if effective == "" && startEvent(x, sents) {
		// the term runs from an event whose day is not known yet: no day
		// to count it from (the agreement date gave a wrong expiration),
		// unless the contract dates the event elsewhere
		if !eventTermEnd(x, text, ds, sents) {
			termSentence(x, sents, "", agreement, shortNames(x, text))
		}
		orderEndExpires(x)
		return
	}
	if effective == "" {
		effective = agreement
	}
	if !eventTermEnd(x, text, ds, sents) {
		termSentence(x, sents, effective, agreement, shortNames(x, text))
	}
	orderEndExpires(x)
}

var (
	// zhOtherPeriodDateRe names a period that is not the contract's: 试用期,
	// 保修期, 付款期; or opens a window a party must act in
	// (乙方应于2026年4月1日至2026年4月10日交付押金), whose last day is no
	// expiration either.
	zhOtherPeriodDateRe = regexp.MustCompile(`(?:保修|试用|质保|保质|质量保证|付款|支付|交货|交付|开发|宽限|考核|整改|培训|见习|观察|保密|竞业限制)期|(?:应当|应|须|需|必须)(?:于|在)`)
	// zhContractPeriodRe names the contract's own period (合同期限,
	// 租赁期限, 有效期): a period word before it is another sentence part's.
	zhContractPeriodRe = regexp.MustCompile(`(?:合同|协议|租赁|聘用|劳动合同|本合同)期限?|租期|有效期`)
	// zhSentenceEndRe ends the sentence before a date.
	zhSentenceEndRe = regexp.MustCompile(`[。；;\n]`)
)

var (
	// renewalSentRe is a sentence that renews the agreement, or names
	// its renewal or extension period.
	renewalSentRe = regexp.MustCompile(`(?i)\brenew(?:s|ed|al)?\b|\b(?:renewal|extension)\s+(?:term|period)\b`)
	// initialTermRe names the first term in that sentence: its end is
	// the contract's ("The initial term ends on ...; it renews ...").
	initialTermRe = regexp.MustCompile(`(?i)\b(?:initial|original)\s+(?:term|period)\b`)
	// sentenceEndRe ends the sentence before a date.
	sentenceEndRe = regexp.MustCompile(`[.;!?]\s|\n\s*\n`)
)

// renewalEnd reports whether the date at pos ends a renewal: its
// sentence, up to the date, renews the agreement and does not name the
// initial term. A register expires the contract on the first term's end;
// the renewal's end was a second expiration beside it.
func renewalEnd(text string, pos int) bool {
	head := text[max(0, pos-renewalReach):pos]
	if locs := sentenceEndRe.FindAllStringIndex(head, -1); len(locs) > 0 {
		head = head[locs[len(locs)-1][1]:]
	}
	return renewalSentRe.MatchString(head) && !initialTermRe.MatchString(head)
}

// renewalReach bounds the bytes before a date read for its sentence.
const renewalReach = 200

// zhPhraseReach bounds the bytes before a date read for its phrase.
const zhPhraseReach = 90

// zhOtherPeriodDate reports a date whose sentence names, nearer before it
// than the contract's own period, a period not the contract's
// (其中试用期自2026年3月1日起至2026年8月31日止; 保密期限三年，自…起至…止): its
// end is the probation's or the secret's, not the contract's expiration.
// The comma did not bound it: 保密期限三年， put the period before one.
func zhOtherPeriodDate(text string, pos int) bool {
	head := text[max(0, pos-zhPhraseReach):pos]
	if locs := zhSentenceEndRe.FindAllStringIndex(head, -1); len(locs) > 0 {
		head = head[locs[len(locs)-1][1]:]
	}
	other := zhOtherPeriodDateRe.FindAllStringIndex(head, -1)
	if len(other) == 0 {
		return false
	}
	own := zhContractPeriodRe.FindAllStringIndex(head, -1)
	return len(own) == 0 || own[len(own)-1][0] < other[len(other)-1][0]
}

var (
	// dueByRe ends the text before the date a thing is due by: "no later
	// than", "not later than", "on or before", "prior to", "before", "by".
	dueByRe = regexp.MustCompile(`(?i)\b(?:(?:by\s+)?(?:no|not)\s+later\s+than|(?:on\s+or\s+)?(?:before|prior\s+to)|by)\s*(?:the\s+)?$`)
	// pleaseRe opens a letter's request ("Please sign and return a copy
	// no later than 10 February 2026", 请您于2026年3月10日前签字确认): an
	// offer's acceptance deadline.
	pleaseRe = regexp.MustCompile(`(?i)\bplease\b|请(?:您|于|在|务必)`)
)

// dueBy reports a date that a party must act by: a deadline ("no later
// than 30 June 2026", "on or before", 2026年6月30日前) in a clause that
// makes a party act ("The Supplier must deliver the plan ..."), or that a
// letter asks its reader to meet. A register lists it as a compliance
// date; it was a plain date, its role lost.
func dueBy(text string, d dateMatch, zh bool) bool {
	deadline := dueByRe.MatchString(text[max(0, d.start-60):d.start]) ||
		zh && zhDeadlineAfterRe.MatchString(text[d.end:min(len(text), d.end+12)])
	if !deadline {
		return false
	}
	head := text[max(0, d.start-300):d.start]
	if locs := clauseStartRe.FindAllStringIndex(head, -1); len(locs) > 0 {
		head = head[locs[len(locs)-1][1]:]
	}
	return dutyClause(text, d.start) || pleaseRe.MatchString(head)
}

var (
	// rangeJoinRe joins the start and the end of a range of dates
	// ("from 1 July 2023 until 30 June 2024").
	rangeJoinRe = regexp.MustCompile(`(?i)^\s*(?:to|until|till|through|thru)\s+(?:and\s+including\s+)?(?:the\s+)?$`)
	// periodNameRe defines the range it follows as the contract's period
	// or term (`(the "Engagement Period")`, `("Term")`).
	periodNameRe = regexp.MustCompile(`(?i)^\s*\(\s*(?:the\s+)?["“][^"”]{0,30}\b(?:period|term)["”]`)
)

// definedRange reports whether ds[i] starts or ends a range of dates
// that the text defines as a period or term: "from 1 July 2023 until 30
// June 2024 (the "Engagement Period")" starts on the first and expires on
// the second, which were two plain dates.
func definedRange(text string, ds []dateMatch, i int) (starts, ends bool) {
	inRange := func(a, b dateMatch) bool {
		return rangeJoinRe.MatchString(text[a.end:b.start]) && periodNameRe.MatchString(text[b.end:min(len(text), b.end+60)])
	}
	if i+1 < len(ds) && inRange(ds[i], ds[i+1]) {
		return true, false
	}
	return false, i > 0 && inRange(ds[i-1], ds[i])
}

// periodFrom opens a period or term that runs from one date to another:
// a label ("Policy Period: From", "TERM: from") or a term sentence
// ("The term of this Lease is from", "the term of this Agreement shall
// be from").
const periodFrom = `(?:\b(?:period|term)\s*:\s*|\bterm\s+of\s+(?:this|the)\s+(?:agreement|contract|lease|tenancy)\s+(?:is|shall\s+be|will\s+be|runs)\s+)from\b`

var (
	effectiveSentRe = regexp.MustCompile(`(?i)^(?:\(?[0-9a-z.]{1,6}\)?\s+)?(?:this|the\s+present|the)\s+(?:[a-z]+\s+){0,2}(?:agreement|contract|amendment)\s+(?:shall|will|is\s+to|is)\s+(?:automatically\s+)?(?:become\s+|be\s+|come\s+into\s+|enter\s+into\s+|take\s+)?(?:effective|force|effect)\b|^(?:\(?[0-9a-z.]{1,6}\)?\s+)?(?:this|the)\s+(?:[a-z]+\s+){0,2}(?:agreement|contract)\s+(?:commences|begins|becomes\s+effective)|\beffective\s+date["”]?\s+(?:shall\s+)?means?|\beffective\s+date\s+of\s+this\s+[^.]{0,40}?(?:shall\s+be|is|will\s+be)|\bcommencement\s+date\s+(?:for|of)\s+this|\bterm\s+of\s+this\s+(?:agreement|contract|lease)[^.]{0,60}?(?:shall|will)\s+(?:commence|begin)|\b(?:executed|signed)\b[^.]{0,60}\beffective\s+as\s+of\s+the\s+date|\b(?:first|above)\s+(?:above\s+)?written(?:\s+above)?\s*\(\s*(?:the\s+|this\s+)?["“]?(?:effective|commencement)\s+date\b`)
	refersEffective = regexp.MustCompile(`(?i)(?:on|as\s+of|from|after)\s+the\s+(?:effective|commencement)\s+date`)
	// signedRe: the agreement takes effect when signed, which is the
	// date it bears.
	signedRe    = regexp.MustCompile(`(?i)\b(?:sign(?:s|ed|ing|ature|atures)?|execut(?:e|es|ed|ion))\b`)
	aboveDateRe = regexp.MustCompile(`(?i)(?:first|above)\s+(?:above\s+)?(?:written|set\s+forth|stated)|date\s+hereof|date\s+of\s+this\s+(?:agreement|contract)|date\s+(?:given|stated|written|set\s+out)\s+at\s+the\s+(?:beginning|head|top)\s+of\s+this\s+(?:agreement|contract)`)
	// lastSignedRe: the agreement takes effect when its last party signs
	// ("the date of the last signature below", "the later of the dates of
	// signature", "the date on which it is signed by the last party"),
	// which is the latest of the signature blocks' dates, not the first.
	lastSignedRe = regexp.MustCompile(`(?i)\b(?:last|later|latest|final)\s+(?:of\s+the\s+)?(?:[a-z]+\s+){0,3}?(?:signature|execution|to\s+(?:sign|execute)|dates?\s+(?:of|on\s+which)\s+(?:signature|execution))|\b(?:signed|executed)\s+by\s+(?:the\s+)?(?:last|later|final|both)\s+(?:of\s+the\s+)?part(?:y|ies)`)
)

// effectiveSentence adds the first sentence that says when the agreement
// takes effect and returns its ISO date (the sentence's own date, the
// latest signature's, lastSigned, when it takes effect on the last
// signature, or the agreement date when it points to "the date first
// written above").
func effectiveSentence(x *collector, sents []sentence, agreement, lastSigned string) string {
	for _, s := range sents {
		loc := effectiveSentRe.FindStringIndex(s.text)
		if loc == nil || len(s.text) > 1200 || refersEffective.MatchString(s.text) || x.has(KindEffectiveDate) && startsOnEvent(s.text) {
			continue
		}
		text, off := focus(s.text, loc[0])
		val := ""
		ds := startDates(text, x.dayFirst)
		if len(ds) > 0 {
			val = ds[0].iso
		} else if lastSigned != "" && lastSignedRe.MatchString(text) {
			val = lastSigned
		} else if aboveDateRe.MatchString(text) || signedRe.MatchString(text) {
			val = agreement
		}
		if x.spanHas(KindEffectiveDate, val, s.start+off, s.start+off+len(text)) {
			return val
		}
		if len(ds) > 0 && !x.hasValue(KindEffectiveDate, val) {
			// the date the sentence names is the register's cell, not the
			// whole sentence; it is no plain date besides (a day already
			// listed keeps the sentence, the evidence that confirms it)
			at := s.start + off + ds[0].start
			x.dropAt(KindDate, at)
			x.add(KindEffectiveDate, ds[0].text, val, at)
			return val
		}
		x.add(KindEffectiveDate, clip(text, maxSentenceChars), val, s.start+off)
		return val
	}
	return ""
}

// runsUntilRe ends the words before a day a period runs until, with a
// few words between ("continue until the earlier of (i) December 31,
// 2022", "shall expire on").
var runsUntilRe = regexp.MustCompile(`(?i)\b(?:until|till|through|thru|ending|ends?|expir(?:e|es|ing)|terminat(?:e|es|ing))\b[^.;]{0,30}$`)

// startsOnEvent reports whether sentence starts a term on an event other
// than the Effective Date ("shall commence on the Go-Live Date"): with the
// agreement's effective date known, that is the term's start, not a
// second, empty effective date.
func startsOnEvent(sentence string) bool {
	m := startEventRe.FindStringSubmatch(sentence)
	return m != nil && !strings.HasPrefix(m[1], "Effective")
}

// startDates are the dates in an effective-date sentence that may be
// its start: not one it runs until ("will begin on the date hereof ...
// and will continue until the earlier of (i) December 31, 2022"), which
// was the effective date.
func startDates(text string, dayFirst bool) []dateMatch {
	var out []dateMatch
	for _, d := range findDatesOrdered(text, dayFirst) {
		if !runsUntilRe.MatchString(text[max(0, d.start-40):d.start]) {
			out = append(out, d)
		}
	}
	return out
}

// startEventRe is a term or agreement that starts on an event, a
// defined day the contract does not date ("The Term begins on the
// Go-Live Date", "shall commence on the Acceptance Date"): the event's
// name is the first group. The Effective Date is no event of its own.
var startEventRe = regexp.MustCompile(`(?i)\b(?:term|agreement|subscription|services?|contract)\b[^.;]{0,40}?\b(?:shall\s+|will\s+)?(?:begins?|commences?|starts?|becomes?\s+effective|takes?\s+effect)\s+(?:on|from|upon|as\s+of|with)\s+(?:the\s+)?((?-i:\p{Lu}[\pL]*(?:[ -]\p{Lu}[\pL]*){0,3}\s+Date))\b`)

// startEvent adds, as the effective date with no value, the event a
// term sentence that names no day starts on ("Go-Live Date"), in place
// of that sentence, and reports whether it found one: a register's
// effective date was empty, or the whole sentence, and the agreement
// date stood in for the start the parties left open.
func startEvent(x *collector, sents []sentence) bool {
	for _, s := range sents {
		m := startEventRe.FindStringSubmatchIndex(s.text)
		if m == nil || strings.HasPrefix(s.text[m[2]:m[3]], "Effective") || len(findDatesOrdered(s.text, x.dayFirst)) > 0 {
			continue
		}
		dropValueless(x, KindEffectiveDate, s.start, s.start+len(s.text))
		x.add(KindEffectiveDate, s.text[m[2]:m[3]], "", s.start+m[2])
		return true
	}
	return false
}

// dropValueless removes the entities of kind with no value found within
// [from, to): the sentence an entity more exact than it replaces.
func dropValueless(x *collector, kind string, from, to int) {
	kept := x.ents[:0]
	for _, f := range x.ents {
		if f.e.Kind == kind && f.e.Value == "" && f.pos >= from && f.pos < to {
			x.per[kind]--
			continue
		}
		kept = append(kept, f)
	}
	x.ents = kept
}

var (
	// asOfBeforeRe ends the text before a date the agreement is made
	// "as of": the date its terms run from.
	asOfBeforeRe = regexp.MustCompile(`(?i)\bas\s+of\s*(?:the\s+)?$`)
	// effectiveUseRe is the Effective Date used as a defined term;
	// effectiveDefRe one that the text defines in quotes, which may be
	// another day than the preamble's.
	effectiveUseRe = regexp.MustCompile(`\bEffective\s+Date\b`)
	effectiveDefRe = regexp.MustCompile(`(?i)["“]\s*effective\s+date\s*["”]`)
	// borrowedTermsRe gives the terms a text leaves undefined the meaning
	// another agreement gives them ("Any capitalized term used but not
	// defined in this Amendment will have the meaning set forth for that
	// term in the Non-Competition Agreement"): its Effective Date is that
	// agreement's.
	borrowedTermsRe = regexp.MustCompile(`(?i)\b(?:terms?|words)\s+used\s+(?:but|and)\s+not\s+(?:otherwise\s+)?defined\s+(?:herein|in\s+this\s+\w+)[^.]{0,20}?\s+(?:will|shall)\s+have\s+the\s+(?:respective\s+)?meanings?\s+(?:set\s+forth|given|ascribed|assigned|provided)\b[^.]{0,40}?\bin\s+the\b`)
)

// asOfEffective adds the agreement date as the effective date of a
// contract "entered into as of March 1, 2024" that "shall commence on the
// Effective Date" without ever defining it: the as-of date is the date
// the parties mean, and the register's effective date was empty. It
// returns the value added, or "".
func asOfEffective(x *collector, text string, a dateMatch) string {
	if x.has(KindEffectiveDate) || !asOfBeforeRe.MatchString(text[max(0, a.start-40):a.start]) ||
		!effectiveUseRe.MatchString(text) || effectiveDefRe.MatchString(text) || borrowedTermsRe.MatchString(text) {
		return ""
	}
	x.add(KindEffectiveDate, a.text, a.iso, a.start)
	return a.iso
}

// zhSignedEffectiveRe is a Chinese contract that takes effect once signed
// (本合同自双方签字盖章之日起生效, 本协议经双方签署后生效): what the English
// "shall become effective upon execution" says.
var zhSignedEffectiveRe = regexp.MustCompile(`本(?:合同|协议|合约|契约)[^。；;\n]{0,16}?(?:自|经|于)[^。；;\n]{0,16}?` +
	`(?:签字|签章|盖章|签署|签订|签约|签名)[^。；;\n]{0,12}?(?:正式)?生效`)

// zhSignedEffective adds the clause of a Chinese contract that takes
// effect once signed as its effective date, valued at the agreement
// (signing) date as effectiveSentence values an English one that says so,
// and returns that value.
func zhSignedEffective(x *collector, text, agreement string) string {
	loc := zhSignedEffectiveRe.FindStringIndex(text)
	if loc == nil || x.has(KindEffectiveDate) {
		return ""
	}
	x.add(KindEffectiveDate, text[loc[0]:loc[1]], agreement, loc[0])
	return agreement
}

// filingFooterRe ends the text before a date in the footer EDGAR prints
// on every page of a filed exhibit ("Source: ACME CORP, 10-K, 3/1/2019"):
// the filing's date, not one the contract names.
var filingFooterRe = regexp.MustCompile(`(?im)^[ \t]*source:[ \t]*[^\n,]{1,100},[ \t]*[0-9A-Z][0-9A-Z/-]{0,11},[ \t]*$`)

// withoutFilingDates splits the dates of filing footers from the rest:
// they are plain dates, never the agreement's, effective or expiration.
func withoutFilingDates(text string, ds []dateMatch) (kept, filed []dateMatch) {
	for _, d := range ds {
		line := text[strings.LastIndexByte(text[:d.start], '\n')+1 : d.start]
		if filingFooterRe.MatchString(line) {
			filed = append(filed, d)
			continue
		}
		kept = append(kept, d)
	}
	return kept, filed
}

// agreementChars bounds where the agreement's own date is looked for.
const agreementChars = 5000

// agreementDate picks the date of the agreement itself: a date the
// preamble says it was made, entered into or signed on beats one it is
// merely "dated" (often another agreement's date), which beats an
// undecorated date right under the title. A deadline ("no later than",
// "by", 前) and a date in a clause that makes a party act ("Seller shall
// deliver ... on") are never the agreement's, and the undecorated date
// must come before the first numbered clause: a short contract whose
// only date was a delivery deadline had it as its agreement date.
func agreementDate(text string, ds []dateMatch) (dateMatch, bool) {
	best, bestScore := dateMatch{}, 0
	for _, d := range ds {
		if d.start >= agreementChars {
			break
		}
		before := text[max(0, d.start-60):d.start]
		after := text[d.end:min(len(text), d.end+40)]
		zh := hanRe.MatchString(d.text)
		score := 0
		switch {
		case untilBeforeRe.MatchString(before) || expiryBeforeRe.MatchString(before) || paymentBeforeRe.MatchString(before) ||
			expiryAfterRe.MatchString(after) ||
			periodStartRe.MatchString(text[max(0, d.start-120):d.start]) || periodRangeRe.MatchString(text[max(0, d.start-120):d.start]):
			// "expires on June 30, 2025", "runs until December 31": the
			// end of the term, however early it is named
		case deadlineBeforeRe.MatchString(before) || zh && zhDeadlineAfterRe.MatchString(after):
			// "deliver the goods no later than June 30, 2024", "于
			// 2024年6月30日前交货": a deadline, however early it is named
		case zh && zhStartBeforeRe.MatchString(before):
			// "报到日期：2026年4月1日": the day an offer letter's hire
			// reports for work, its start, not the day the letter is dated
		case intoForceRe.MatchString(before):
			// "The Act entered into force on 1 August 2024": when a law
			// (or a treaty) takes effect, an effective date, not the date
			// anyone agreed to anything
		case letterDate(text, d):
			// "3rd February 2026" alone on its line above "Dear Ms Tan,":
			// an offer letter's date, where its body's "commences on 1
			// March 2026" or "approved on 28 January" took the weak "on"
			score = 3
		case zh && zhLetterFootDate(text, d):
			// "上海星辰数据科技有限公司 / 人力资源部 / 2026年3月1日": a Chinese
			// letter's date, under who sends it at its foot
			score = 3
		case thisAgreementDatedRe.MatchString(before):
			// "this Consulting Agreement ("Agreement") dated June 1, 2020,
			// effective as of July 1": the agreement's own date, not when
			// it takes effect
			score = 4
		case agreementStrongRe.MatchString(before),
			zh && (zhAgreementRe.MatchString(before) || zhAgreementAfterRe.MatchString(text[d.end:min(len(text), d.end+60)])):
			score = 3
		case dutyClause(text, d.start):
			// "Seller shall deliver the goods on June 30, 2024", "卖方应于
			// 民国一一三年六月三十日交货": what a party must do by then, not
			// when the parties agreed (the weak "on" and the fallback
			// below took it, the only date near the top of a short
			// contract)
		case d.start < 400 && !inNumberedClause(text, d.start) && dateLabelRe.MatchString(before):
			// "Dated: 3rd July 2023" above the parties: the agreement's
			// date as much as "dated" in its first sentence, and ahead of
			// the "starts on 1 August 2023" of its term
			score = 2
		case agreementWeakRe.MatchString(before) && otherAgreementDated(text, d.start):
			// "forms part of the Master Subscription Agreement between A
			// and B dated 14 February 2023": the date of the agreement it
			// names, however near the top
		case agreementWeakRe.MatchString(before) && !strings.HasSuffix(strings.ToLower(strings.TrimSpace(before)), "agreement dated"):
			score = 2
		case d.start < 400 && !inNumberedClause(text, d.start):
			// a date under the title, in the preamble: not one in the
			// contract's clauses, which the fallback took for want of any
			// other ("3. Delivery. ... June 30, 2024")
			score = 1
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best, bestScore > 0
}

var (
	// intoForceRe ends the text before the date a law takes effect
	// ("entered into force on"). A contract "comes into effect on" the
	// day it is signed as often as not (CUAD's train split lost an
	// agreement date to that reading), so "effect" stays out.
	intoForceRe = regexp.MustCompile(`(?i)\b(?:com(?:es|ing)|came|enter(?:s|ed|ing)?)\s+into\s+force\s*(?:on\s+)?(?:the\s+)?$`)
	// deadlineBeforeRe ends the text before a deadline: "no later than",
	// "not later than", "by", "before", "prior to", "on or before",
	// "within", "no earlier than", "after".
	deadlineBeforeRe = regexp.MustCompile(`(?i)\b(?:no|not)\s+(?:later|earlier)\s+than\s*(?:the\s+)?$|\b(?:on\s+or\s+)?(?:before|after|prior\s+to|by)\s*(?:the\s+)?$|\bwithin\s*(?:the\s+)?$|\b(?:delivery|shipment|shipping|completion|due|payment|closing)\s+date\s*:?\s*$`)
	// zhDeadlineAfterRe starts the text after a Chinese deadline
	// (2024年6月30日前, 之前, 以前, 以内).
	zhDeadlineAfterRe = regexp.MustCompile(`^\s*(?:前|之前|以前|内|以内|之内)`)
	// dutyRe is a duty's verb: what the clause holding a date makes a
	// party do ("shall deliver", "must pay", "agrees to ship", 应于, 须).
	dutyRe = regexp.MustCompile(`(?i)\b(?:shall|must|will|agrees?\s+to|undertakes?\s+to|(?:is|are)\s+(?:required|obliged|obligated)\s+to)\b|应当|应于|应在|应按|应向|须于|须在|必须|务必`)
	// clauseStartRe is where a date's clause starts: a sentence's or a
	// clause's end, or a paragraph.
	clauseStartRe = regexp.MustCompile(`[.;:。；：]\s|[。；]|\n\s*\n`)
	// numberedClauseRe is a numbered clause's start on its line ("3.
	// Delivery.", "Section 3", "Article III", "第三条").
	numberedClauseRe = regexp.MustCompile(`(?m)^[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.[ \t]+[A-Z]|(?i:section|article|clause)[ \t]+[0-9IVX]|第[一二三四五六七八九十百零〇\d]{1,5}[条條章])`)
)

var (
	// zhStartBeforeRe ends the text before the day a hire starts work
	// (报到日期：, 入职时间：).
	zhStartBeforeRe = regexp.MustCompile(`(?:报到|入职|到岗|上岗)(?:日期|时间)?\s*[:：]?\s*$`)
	// zhSenderLineRe is a line of a Chinese letter's sender block: the
	// company or the department that signs (上海星辰数据科技有限公司,
	// 人力资源部), maybe with its seal marked.
	zhSenderLineRe = regexp.MustCompile(`(?:公司|集团|部|处|办公室|中心)\s*(?:[（(]\s*(?:盖章|公章|签章)\s*[）)])?$`)
)

// zhSenderLines is how many non-blank lines above a Chinese letter's
// foot date zhLetterFootDate reads for its sender.
const zhSenderLines = 2

// zhSenderReach bounds the bytes above a foot date read for its sender.
const zhSenderReach = 400

// zhLetterFootDate reports a date alone on its line (or after its label)
// under a Chinese letter's sender: its company or department on one of
// the lines just above. An offer letter is dated so, and its only other
// dates are the start and the reply deadline.
func zhLetterFootDate(text string, d dateMatch) bool {
	lineStart := strings.LastIndexByte(text[:d.start], '\n') + 1
	rest := text[d.end:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	if !zhDateLineRe.MatchString(text[lineStart:d.start]) || strings.TrimSpace(rest) != "" {
		return false
	}
	lines := strings.Split(text[max(0, lineStart-zhSenderReach):max(0, lineStart-1)], "\n")
	read := 0
	for i := len(lines) - 1; i >= 0 && read < zhSenderLines; i-- {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		if zhSenderLineRe.MatchString(line) {
			return true
		}
		read++
	}
	return false
}

// dateLineLeadRe is what may stand before a letter's date on its line: a
// label ("Date:") or a weekday ("Wednesday, ").
var dateLineLeadRe = regexp.MustCompile(`(?i)^[ \t]*(?:dated?\s*:?|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?)?[ \t]*$`)

// letterChars bounds how far above its salutation a letter's date stands:
// the letterhead, the date and the addressee's block.
const letterChars = 800

// letterDate reports the date of a letter (an offer of employment, a
// letter agreement): alone on its line, with a salutation below it in
// the letterhead's reach (salutationRe).
func letterDate(text string, d dateMatch) bool {
	lineStart := strings.LastIndexByte(text[:d.start], '\n') + 1
	lineEnd := strings.IndexByte(text[d.end:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text) - d.end
	}
	if !dateLineLeadRe.MatchString(text[lineStart:d.start]) || strings.TrimSpace(text[d.end:d.end+lineEnd]) != "" {
		return false
	}
	return salutationRe.MatchString(text[d.end:min(len(text), d.end+letterChars)])
}

// dutyClause reports whether the date at pos stands in a clause that makes
// a party do something ("Seller shall deliver ... on June 30, 2024"): the
// text from the clause's start to the date holds a duty's verb, and not as
// the agreement's own ("This Agreement shall commence on 5th March 2019"
// dates the agreement).
func dutyClause(text string, pos int) bool {
	head := text[max(0, pos-300):pos]
	if locs := clauseStartRe.FindAllStringIndex(head, -1); len(locs) > 0 {
		head = head[locs[len(locs)-1][1]:]
	}
	return dutyRe.MatchString(head) && !agreementVerbRe.MatchString(head)
}

// agreementVerbRe is the agreement, or its term, as the subject of the
// verb: "This Agreement shall commence", "the Term will begin", "本合同
// 应于".
var agreementVerbRe = regexp.MustCompile(`(?i)\b(?:this|the)\s+(?:[\w-]+\s+){0,3}(?:agreement|contract|lease|amendment|term)\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:shall|will|must)\b|本(?:合同|协议|契约)`)

// inNumberedClause reports whether a numbered clause ("3. Delivery.",
// "第三条") starts before pos: a date after it is in the body of the
// contract, no longer the preamble.
func inNumberedClause(text string, pos int) bool {
	return numberedClauseRe.MatchString(text[:pos])
}

// docMentionRe names a document in a sentence: this one ("This Data
// Processing Addendum") or another ("the Master Subscription Agreement").
var docMentionRe = regexp.MustCompile(`(?i)\b(this|the|that|said)\s+(?:[\pL\pN-]+\s+){0,5}?(?:agreement|contract|lease|addendum|amendment)\b`)

// otherAgreementDated reports whether a "dated" date at pos is another
// agreement's: the last document its paragraph names before it is "the
// Master Subscription Agreement", not "this Addendum" ("This DPA forms
// part of the Master Subscription Agreement between A and B dated 14
// February 2023" gave the DPA that date).
func otherAgreementDated(text string, pos int) bool {
	head := text[max(0, pos-300):pos]
	if i := strings.LastIndex(head, "\n\n"); i >= 0 {
		head = head[i:]
	}
	ms := docMentionRe.FindAllStringSubmatch(head, -1)
	return len(ms) > 0 && !strings.EqualFold(ms[len(ms)-1][1], "this")
}

// thisAgreementDatedRe ends the text before the date of this agreement
// ("this Consulting Agreement ("Agreement") dated"); a title's words are
// letters of any script ("this Zürich Lease Agreement dated"), which \w,
// ASCII only, is not.
var thisAgreementDatedRe = regexp.MustCompile(`(?i)\bthis\s+(?:[\pL\pM\pN_-]+\s+){0,4}(?:agreement|contract|lease|amendment)\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:is\s+)?dated\s*(?:as\s+of\s+)?(?:the\s+)?$`)

// signedNearRe finds a signature before a date ("/s/ Jane Roe", "IN
// WITNESS WHEREOF"); dateLabelRe a date's label ("Date:", "Dated:").
var (
	signedNearRe = regexp.MustCompile(`(?i)[/\\]s[/\\]|\bin\s+witness\s+whereof`)
	dateLabelRe  = regexp.MustCompile(`(?i)\bdated?\s*:`)
)

// signatureDate dates an agreement whose preamble gives no date by its
// signatures: the latest date labelled "Date:" or "Dated:" or standing
// within 300 bytes after a signature, as the agreement binds once the
// last party has signed.
func signatureDate(text string, ds []dateMatch) (dateMatch, bool) {
	var best dateMatch
	for _, d := range ds {
		if len(d.iso) != len("2006-01-02") {
			continue // a month without a day dates no signature
		}
		if !dateLabelRe.MatchString(text[max(0, d.start-40):d.start]) && !signedNearRe.MatchString(text[max(0, d.start-300):d.start]) &&
			!zhSignatureDate(text, d) {
			continue
		}
		if before := text[max(0, d.start-60):d.start]; deadlineBeforeRe.MatchString(before) || paymentBeforeRe.MatchString(before) ||
			expiryBeforeRe.MatchString(before) {
			continue // "Delivery date:", "End Date:": labelled, but another date than the signatures'
		}
		if d.iso > best.iso {
			best = d
		}
	}
	return best, best.iso != ""
}

var (
	// zhSignedNearRe is what a Chinese signature block holds before its
	// date: a side's seal or signature (甲方（盖章）, 乙方（签字）), the
	// signatory (授权代表), or the signatories' heading (立合约书人,
	// 立契约书人, 立约人; traditional text is read folded).
	zhSignedNearRe = regexp.MustCompile(`[（(]\s*(?:签字|签章|盖章|签名|公章|签字盖章|签字或盖章|盖章或签字)\s*[）)]|授权代表|立(?:合约|契约|合同|协议|约)书?人`)
	// zhDateLineRe is what a signature block's date line holds before the
	// date: nothing, or its label (日期：, 签署日期：).
	zhDateLineRe = regexp.MustCompile(`^[ \t　]*(?:(?:签订|签署|签字|签约|签章)?日期|时间)?[ \t　]*[:：]?[ \t　]*$`)
)

// zhSignatureDate reports a date that stands alone (or after its label)
// on its line in a Chinese signature block: "甲方（盖章）：X / 授权代表：张伟 /
// 日期：2024年3月1日", "立合約書人 ... 中華民國一一二年十二月十五日". A date in a
// clause is never alone on its line, so a deadline there is not taken.
func zhSignatureDate(text string, d dateMatch) bool {
	line := text[strings.LastIndexByte(text[:d.start], '\n')+1 : d.start]
	near := text[max(0, d.start-300):d.start]
	return zhDateLineRe.MatchString(line) && (zhSignedNearRe.MatchString(near) || zhBothSidesRe.MatchString(near) || zhSidesAboveRe.MatchString(near))
}

// zhSideLine is a signature block's line for one side: its role, perhaps
// what signs for it (代表, 签字, 盖章), then its colon or nothing more.
const zhSideLine = `^[ \t　]*(?:` + zhRoles + `)(?:[（(][^）)\n]{0,20}[）)])?(?:法定代表人|授权代表|代表)?(?:签字|签章|盖章|签名)?[ \t　]*(?:[:：]|$)`

// zhSidesAboveRe is the sides' lines stacked one under the other, a few
// lines apart at most ("甲方：上海明远科技有限公司 / 乙方：张伟", "甲方签字： /
// 乙方签字："), which many contracts sign under with no seal marked: the
// date line under them was a plain date.
var zhSidesAboveRe = regexp.MustCompile(`(?m)` + zhSideLine + `[^\n]*\n(?:[^\n]*\n){0,4}?` + zhSideLine)

// zhBothSidesRe is a signature block's line naming both sides, each after
// its role ("甲方：北京华信科技有限公司　　乙方：苏州精工机械制造有限公司"),
// which many contracts sign under with no seal or signature marked: the
// date line under it was a plain date.
var zhBothSidesRe = regexp.MustCompile(`(?m)^[ \t　]*(?:` + zhRoles + `)\s*[:：][^\n]{2,80}?(?:` + zhRoles + `)\s*[:：]`)

var (
	termRe = termSubjectRe("")
	// termDefRe finds a term defined rather than stated: "Term" shall
	// mean the period ..., "Contract Period" means ..., Term shall mean
	// ... at a sentence's start, a "6. TERM: ..." line.
	termDefRe = regexp.MustCompile(`(?im)["“](?:initial\s+)?(?:term|(?:contract|service|initial|agreement)\s+(?:period|term))["”]\s+(?:shall\s+mean|means)\b|^\s*(?:\d{1,2}\.\s*)?(?:initial\s+)?term\s*(?::\s*\S|(?:shall\s+mean|means)\b)`)
	duringRe  = regexp.MustCompile(`(?i)\bduring\s+the\s+term|\bsurviv|\bprovisions?\s+of\b[^.]{0,60}\bshall\s+remain|except\s+as\s+(?:amended|modified)|\binvalid|\bunenforceable|\bmay\s+be\s+terminated|\bterminated\s+for\b|\bin\s+the\s+event\b|\bno\s+(?:alteration|amendment|modification|waiver|variation|change)\b|\bvalid\s+or\s+binding\b|\bconstrued\s+as\b`)
)

// termPattern is a term sentence's start: its subject (the term, this
// agreement, or %[1]s: the contract's own short names) and the verb that
// says how long it runs.
const termPattern = `(?i)\b(?:the\s+(?:initial\s+)?term\s+of\s+(?:this|the)\s+(?:agreement|contract|amendment|lease%[1]s)|(?:this|the)\s+(?:[a-z]+\s+)?(?:agreement|contract|amendment|lease%[1]s)|the\s+(?:initial\s+)?term(?:\s+of\s+(?:this|the)\s+[a-z]+)?)\s*(?:for\s+the\s+[^,.]{1,40}?\s+)?(?:\([^)]{0,60}\)\s*){0,2}(?:,[^,]{0,80},\s*)?(?:shall|will|is|commences|continues|runs)\s+(?:[^.;]{0,160}?\b(?:continue|remain\s+in\s+(?:full\s+)?(?:force|effect)|expire|terminate\s+(?:on|upon)|end|conclude|extend\s+(?:until|for)|be\s+valid|be\s+in\s+effect|ha(?:ve|s)\s+an?\s+(?:initial\s+)?term\s+of|(?:entered\s+into|made|concluded)\s+for\s+an?\s+(?:initial\s+)?(?:period|term)\s+of)|(?:be\s+)?(?:for\s+)?(?:a\s+|an\s+)?(?:initial\s+)?(?:period|term)\s+of|(?:be\s+)?(?:for\s+)?` + termLength + `)`

// termSubjectRe compiles termPattern with names, "|"-led alternatives
// quoted for a regexp, added to the agreement's nouns.
func termSubjectRe(names string) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(termPattern, names))
}

// shortNameRe is a thing the preamble names for short: `This Master
// Services Agreement (this "MSA")`, `a joint venture (the "Venture")`.
var shortNameRe = regexp.MustCompile(`((?:[\pL\pN-]+\s+){0,5}[\pL\pN-]+)\s*\(\s*(?:this|the)\s+["“](\p{Lu}[\pL\pN-]{1,20})["”]\s*\)`)

// shortNames are the contract's own short names as termSubjectRe takes
// them ("|MSA|Venture"): an alias the preamble gives to the words before
// it, which hold it ("joint venture (the "Venture")") or whose initials it
// is ("Master Services Agreement (this "MSA")"), and that is no party's.
// "This MSA shall continue for thirty-six (36) months" states the term as
// "This Agreement shall" does.
func shortNames(x *collector, text string) string {
	var out strings.Builder
	for _, m := range shortNameRe.FindAllStringSubmatch(text[:min(len(text), preambleChars)], -1) {
		words, alias := strings.Fields(m[1]), m[2]
		if notPartyAlias.MatchString(alias) || x.hasValue(KindParty, alias) || !namesWords(alias, words) {
			continue
		}
		out.WriteString("|" + regexp.QuoteMeta(alias))
	}
	return out.String()
}

// namesWords reports whether alias is one of words, or the initials of
// the last of them.
func namesWords(alias string, words []string) bool {
	initials := ""
	for i := len(words) - 1; i >= 0 && len(initials) < len(alias); i-- {
		if strings.EqualFold(words[i], alias) {
			return true
		}
		initials = words[i][:1] + initials
	}
	return len(alias) > 1 && initials == alias
}

// termLength is a term's length as written right after its verb: "five
// (5) years", "twenty-four (24) months", "3 years", "three years".
const termLength = `(?:(?:[a-z]+[\s-]){0,2}\(\d{1,3}\)|\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s+(?:(?:full|calendar|consecutive)\s+){0,2}(?:years?|months?)\b`

// termLead bounds how far into a sentence its subject (the term, this
// agreement) may start.
const termLead = 150

// termSentence adds the first sentence stating the agreement's term as
// the expiration date, with an ISO value when it can be computed.
func termSentence(x *collector, sents []sentence, effective, agreement, names string) {
	var best, bestText string
	bestPos, bestOff, bestScore := 0, 0, 0
	subjectRe := termRe
	if names != "" {
		subjectRe = termSubjectRe(names)
	}
	for _, s := range sents {
		loc := subjectRe.FindStringIndex(s.text)
		if loc == nil {
			loc = termDefRe.FindStringIndex(s.text)
		}
		if loc == nil || len(s.text) > 1200 || duringRe.MatchString(s.text) {
			continue
		}
		text, off := focus(s.text, loc[0])
		if loc[0]-off > termLead {
			continue // the term is not what the sentence is about
		}
		if sc := termScore(text, x.dayFirst); sc > bestScore {
			best, bestText, bestPos, bestOff, bestScore = s.text, text, s.start, s.start+off, sc
		}
	}
	if best == "" {
		return
	}
	end := termEnd(bestText, effective, agreement, x.dayFirst)
	if x.spanHas(KindExpirationDate, end, bestPos, bestPos+len(best)) {
		return // "... and ends on 31 March 2029": that date was listed already
	}
	if d, ok := termEndDate(bestText, end, x.dayFirst); ok {
		x.add(KindExpirationDate, d.text, end, bestOff+d.start)
		return
	}
	x.add(KindExpirationDate, clip(bestText, maxSentenceChars), end, bestPos)
}

// endWordBeforeRe ends the words before the date a term sentence says it
// ends on: "ending on", "ends at", "expiring on", "continue through".
var endWordBeforeRe = regexp.MustCompile(`(?i)\b(?:ending|ends?|expir(?:e|es|ing)|terminat(?:e|es|ing)|until|till|through|thru)\s+(?:on\s+|at\s+)?(?:and\s+including\s+)?(?:the\s+)?$`)

// termEndDate is the date in a term sentence that it ends on, written as
// such and worth end: the register's cell is that date ("ending on
// December 31, 2026"), not the whole sentence it stands in.
func termEndDate(text, end string, dayFirst bool) (dateMatch, bool) {
	if end == "" {
		return dateMatch{}, false
	}
	for _, d := range findDatesOrdered(text, dayFirst) {
		if d.iso == end && endWordBeforeRe.MatchString(text[max(0, d.start-40):d.start]) {
			return d, true
		}
	}
	return dateMatch{}, false
}

// termStartRe ends the text before a date the term starts on ("shall
// commence on", "beginning", "effective as of", "from").
var termStartRe = regexp.MustCompile(`(?i)\b(?:commenc\w*|begin\w*|start\w*|effective|takes?\s+effect|into\s+(?:force|effect))(?:\s+(?:on|upon|as\s+of|from))?(?:\s+the)?\s*$|\bfrom\s*$`)

// termEnd is the ISO end of a term sentence: the anniversary it ends on
// when no date follows that ("until the fifth (5th) anniversary of the
// Effective Date"); else its last date, unless that date is where the term
// starts and the sentence gives a length ("shall commence on April 2, 2020
// and continue for two (2) years", "shall be twenty (20) years, commencing
// on January 1, 2016"), then start plus length; without a date, the
// effective date plus the length.
func termEnd(text, effective, agreement string, dayFirst bool) string {
	ds, du := findDatesOrdered(text, dayFirst), termDurations(text)
	if end, at, ok := anniversaryEnd(text, effective, agreement); ok && (len(ds) == 0 || ds[len(ds)-1].start < at) {
		return end
	}
	if len(ds) > 0 {
		last := ds[len(ds)-1]
		if termStartRe.MatchString(text[max(0, last.start-40):last.start]) {
			if len(du) == 0 {
				// "shall take effect on 3 March 2026 and continue until
				// terminated": the day it starts, no end (it expired
				// the day it began)
				return ""
			}
			if end, ok := addDuration(last.iso, du[0].iso); ok {
				return end
			}
		}
		return last.iso
	}
	if len(du) > 0 && effective != "" {
		end, _ := addDuration(effective, du[0].iso)
		return end
	}
	return ""
}

// noticeAfterRe follows a notice period ("thirty (30) days' notice", "90
// days prior written notice"): a length that is no term's.
var noticeAfterRe = regexp.MustCompile(`(?i)^\s*(?:['’]s?\s*)?(?:prior\s+|advance\s+)?(?:written\s+)?notice`)

// termDurations are the lengths in text that may be a term's: notice
// periods are not.
func termDurations(text string) []dateMatch {
	var out []dateMatch
	for _, d := range findDurations(text) {
		if !noticeAfterRe.MatchString(text[d.end:]) {
			out = append(out, d)
		}
	}
	return out
}

// anniversaryRe finds a term ending on an anniversary: "the fifth (5th)
// anniversary of the Effective Date", "the four-year anniversary of the
// Commencement Date", "the first anniversary of the date of this
// Agreement".
var anniversaryRe = regexp.MustCompile(`(?i)\b(?:(?P<o>` + ordinalRe + `)(?:\s*\([^)]{1,6}\))?|(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>[a-z]+|\d{1,2})[\s-]years?)\s+anniversary\s+of\s+(?:the\s+|this\s+)?(?P<base>effective\s+date|commencement\s+date|date\s+(?:of\s+this\s+(?:agreement|contract)|hereof)|agreement|contract)\b`)

// anniversaryEnd is the date of the first anniversary phrase in text and
// where that phrase starts. An anniversary of the effective or
// commencement date counts from effective; one of the agreement (its date,
// "the date hereof") from the agreement date, else from effective.
func anniversaryEnd(text, effective, agreement string) (string, int, bool) {
	m := anniversaryRe.FindStringSubmatchIndex(text)
	if m == nil {
		return "", 0, false
	}
	years, base := 0, effective
	for i, name := range anniversaryRe.SubexpNames() {
		if name == "" || m[2*i] < 0 {
			continue
		}
		v := strings.ToLower(text[m[2*i]:m[2*i+1]])
		switch name {
		case "o":
			years = slices.Index(ordinals, v) + 1
		case "n", "w":
			if n, err := strconv.Atoi(v); err == nil {
				years = n
			} else {
				years = numberWords[v]
			}
		case "base":
			if !strings.Contains(v, "effective") && !strings.Contains(v, "commencement") && agreement != "" {
				base = agreement
			}
		}
	}
	if years <= 0 || base == "" {
		return "", 0, false
	}
	end, ok := addDuration(base, fmt.Sprintf("P%dY", years))
	return end, m[0], ok
}

var (
	termWordRe = regexp.MustCompile(`(?i)\b(?:initial\s+)?term\b`)
	termEndRe  = regexp.MustCompile(`(?i)\b(?:expire|continue|end|conclude|terminate|until|through|anniversary|period\s+of)\b`)
)

// termScore ranks term sentences: one naming the term, stating a length
// or an end date, and saying how it ends is the clause wanted.
func termScore(text string, dayFirst bool) int {
	sc := 1
	if termWordRe.MatchString(text) {
		sc += 2
	}
	if len(findDurations(text)) > 0 || len(findDatesOrdered(text, dayFirst)) > 0 {
		sc += 2
	}
	if termEndRe.MatchString(text) {
		sc++
	}
	if renewsOnlyRe.MatchString(text) && !termStartsRe.MatchString(text) {
		sc -= 2 // "Thereafter, this Agreement shall automatically renew for ... one (1) year periods" is no term's end
	}
	return sc
}

var (
	// renewsOnlyRe is a sentence whose verb renews the agreement: what it
	// counts is a renewal, not the term a register ends the contract on.
	renewsOnlyRe = regexp.MustCompile(`(?i)^[^.;]{0,120}?\b(?:shall|will)\s+(?:thereafter\s+)?(?:be\s+)?(?:automatically\s+)?renew`)
	// termStartsRe is a renewing sentence that also states the first
	// term: "shall commence on ... and shall automatically renew".
	termStartsRe = regexp.MustCompile(`(?i)\b(?:commenc\w*|begin\w*|initial\s+term|original\s+term)\b`)
)

// --- money and durations ---

// moneyAmt is an amount as contracts write it: a fraction of one unit
// ($0.0001, which the grouping read as 0.000), US (1,234,567.89),
// continental (1.234.567,89; 7,5), Swiss (12'000) or Indian (10,00,000)
// grouping, the space (also no-break) that EU acts group by ("EUR 20 000
// 000"), or none; normAmount reads it.
const moneyAmt = `(?P<amt>0[.,]\d+|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:[,.'’]\d{3})+(?:[.,]\d{1,2})?|` +
	`\d{1,3}(?:[ \x{00A0}\x{202F}]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)`

// moneyCur are the currency codes and signs before an amount. Go's
// regexp takes the first alternative that matches, not the longest, so a
// code with a dollar sign ("CAD $45,000", "C$45,000") comes before the bare
// code and the bare "$": otherwise "CAD" fails on the "$" that follows it
// and the match restarts at "$", which is read as US dollars. A one- or
// two-letter prefix takes no space before its "$" ("a $5 fee" is no
// Australian dollar).
const moneyCur = `\b(?:(?:USD|CAD|AUD|NZD|SGD|HKD|TWD|NTD|MXN|US|U\.S\.)\s?\$|(?:CAN|CA|C|AU|A|NZ|SG|S|HK|NT|R|MX)\$|` +
	`USD|CAD|AUD|NZD|HKD|NTD|TWD|SGD|MXN|INR|Rs\.?|EUR|GBP|RMB|CNY|JPY|CHF|S?Fr\.|SEK|NOK|DKK|ZAR|KRW)|₹|€|£|₩|\$|¥|￥`

// moneyCurAfter are the currency names and codes after an amount ("45,000
// Canadian dollars", "2,500 euros"); a named dollar comes before the bare
// "dollars", and a bare "pounds" or "francs" is left out (45,000 pounds of
// steel).
const moneyCurAfter = `(?:U\.S\.|US|United\s+States|Canadian|Australian|New\s+Zealand|Singapore|Hong\s+Kong|New\s+Taiwan|Taiwan(?:ese)?)\s+dollars?|` +
	`dollars|euros?|pounds\s+sterling|(?:British|UK|U\.K\.)\s+pounds(?:\s+sterling)?|swiss\s+francs|(?:Japanese\s+)?yen|rupees|` +
	`USD|CAD|AUD|NZD|SGD|HKD|TWD|JPY|EUR|GBP|RMB|CNY|CHF|INR|yuan|renminbi`

var moneyRes = []*regexp.Regexp{
	regexp.MustCompile(`(?i)(?P<cur>` + moneyCur + `)\s?` + moneyAmt + `(?:\s?(?P<mult>million|billion|thousand|lakhs?|crores?|mm|m|k)\b)?`),
	regexp.MustCompile(`(?i)\b` + moneyAmt + `\s?(?P<mult>million|billion|thousand|lakhs?|crores?)?\s?(?P<cur>` + moneyCurAfter + `)\b`),
}

// moneyWins find the matches of moneyRes in windows around a digit (see
// windowed): every amount has one, and its digits and separators count as
// spaces, as an amount has any number of them.
var moneyWins = []windowed{
	newWindowedSpace(moneyRes[0], isDigitAt, moneyAmtBytes),
	newWindowedSpace(moneyRes[1], isDigitAt, moneyAmtBytes),
}

// moneyAmtBytes are the bytes of moneyAmt's digits and separators (’,
// U+00A0, U+202F).
const moneyAmtBytes = "0123456789,.'’\u00a0\u202f"

func isDigitAt(text string, i int) bool { return isDigit(text[i]) }

// currencyCode maps a currency as written (lower case, one space between
// words, none before a "$": see currencyKey) to its ISO 4217 code. The bare
// "$" and "dollars" are not here: they are the document's dollar (see
// dollarCurrency).
var currencyCode = map[string]string{
	"us$": "USD", "u.s.$": "USD", "usd$": "USD", "usd": "USD",
	"us dollar": "USD", "us dollars": "USD", "u.s. dollar": "USD", "u.s. dollars": "USD", "united states dollars": "USD", "united states dollar": "USD",
	"cad": "CAD", "cad$": "CAD", "c$": "CAD", "ca$": "CAD", "can$": "CAD", "canadian dollars": "CAD", "canadian dollar": "CAD",
	"aud": "AUD", "aud$": "AUD", "a$": "AUD", "au$": "AUD", "australian dollars": "AUD", "australian dollar": "AUD",
	"nzd": "NZD", "nzd$": "NZD", "nz$": "NZD", "new zealand dollars": "NZD", "new zealand dollar": "NZD",
	"sgd": "SGD", "sgd$": "SGD", "s$": "SGD", "sg$": "SGD", "singapore dollars": "SGD", "singapore dollar": "SGD",
	"hkd": "HKD", "hkd$": "HKD", "hk$": "HKD", "hong kong dollars": "HKD", "hong kong dollar": "HKD",
	"nt$": "TWD", "ntd": "TWD", "ntd$": "TWD", "twd": "TWD", "twd$": "TWD", "new taiwan dollars": "TWD", "new taiwan dollar": "TWD",
	"taiwan dollars": "TWD", "taiwan dollar": "TWD", "taiwanese dollars": "TWD", "taiwanese dollar": "TWD",
	"mxn": "MXN", "mxn$": "MXN", "mx$": "MXN",
	"eur": "EUR", "€": "EUR", "euro": "EUR", "euros": "EUR",
	"£": "GBP", "gbp": "GBP", "pounds sterling": "GBP", "british pounds": "GBP", "british pounds sterling": "GBP",
	"uk pounds": "GBP", "uk pounds sterling": "GBP", "u.k. pounds": "GBP", "u.k. pounds sterling": "GBP",
	"rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY", "¥": "CNY", "￥": "CNY",
	"jpy": "JPY", "yen": "JPY", "japanese yen": "JPY", "chf": "CHF", "swiss francs": "CHF", "fr.": "CHF", "sfr.": "CHF", "r$": "BRL",
	"inr": "INR", "rs": "INR", "rs.": "INR", "₹": "INR", "rupees": "INR", "sek": "SEK", "nok": "NOK", "dkk": "DKK",
	"zar": "ZAR", "krw": "KRW", "₩": "KRW",
}

// currencyKey is how currencyCode spells a currency: lower case, one
// space between words and none before a "$" ("CAD  $" and "CAD$" are one).
func currencyKey(v string) string {
	v = strings.ToLower(spaceRe.ReplaceAllString(strings.TrimSpace(v), " "))
	return strings.ReplaceAll(v, " $", "$")
}

// dollarHintRes are the sentences by which a document says which dollar
// its bare "$" and "dollars" are: "All amounts are in Canadian dollars",
// "all dollar amounts refer to Canadian currency", "references to "$" are
// to Australian dollars", "Currency: CAD". The currency is the last group.
var dollarHintRes = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\ball\s+(?:(?:dollar|monetary|money)\s+)?(?:amounts|sums|prices|fees|payments|figures)\b[^.;\n]{0,80}?\b(?:in|refer\s+to|are\s+to|of)\s+(?:the\s+)?(?:lawful\s+(?:money|currency)\s+of\s+)?(` + dollarNames + `)`),
	regexp.MustCompile(`(?i)(?:\$|\bdollars?)["”]?\s+(?:or\s+["“]?(?:\$|dollars?)["”]?\s+)?(?:means?|refers?\s+to|are\s+to|is\s+to|shall\s+(?:mean|refer\s+to))\s+(?:the\s+)?(?:lawful\s+(?:money|currency)\s+of\s+)?(` + dollarNames + `)`),
	regexp.MustCompile(`(?im)^\s*currency\s*:\s*(` + dollarNames + `)`),
}

// dollarNames are the dollars (and their countries) a hint may name.
const dollarNames = `(?:U\.S\.|US|United\s+States|Canadian|Australian|New\s+Zealand|Singapore|Hong\s+Kong|New\s+Taiwan)\s+(?:dollars?|currency|funds)|` +
	`USD|CAD|AUD|NZD|SGD|HKD|TWD|the\s+United\s+States(?:\s+of\s+America)?|Canada|Australia|New\s+Zealand|Singapore|Hong\s+Kong`

// dollarCountry maps a hint's country to its currency.
var dollarCountry = map[string]string{"the united states": "USD", "the united states of america": "USD", "canada": "CAD",
	"australia": "AUD", "new zealand": "NZD", "singapore": "SGD", "hong kong": "HKD"}

// dollarCurrency is the currency of a document's bare "$" and "dollars":
// US dollars, unless the document says which dollar it means (see
// dollarHintRes) or is Canadian or Australian: it cites a statute of the
// country, or names the country or a province or state of it and nothing
// American. A passing mention of another dollar ("converted from
// Canadian dollars") is no such statement, so it does not count.
func dollarCurrency(text string) string {
	for _, re := range dollarHintRes {
		if m := re.FindStringSubmatch(text); m != nil {
			name := currencyKey(m[len(m)-1])
			if c := dollarCountry[name]; c != "" {
				return c
			}
			for _, w := range []string{" currency", " funds"} {
				if strings.HasSuffix(name, w) {
					name = strings.TrimSuffix(name, w) + " dollars"
				}
			}
			if c := currencyCode[name]; c != "" {
				return c
			}
		}
	}
	for _, c := range dollarLands {
		if c.statute.MatchString(text) || c.names.MatchString(c.dollar.ReplaceAllString(text, "")) && !usNameRe.MatchString(text) {
			return c.code
		}
	}
	return "USD"
}

// dollarLands are the countries other than the US whose "$" a text means
// when it cites one of their statutes, or names the country or a part of
// it (names; the country's dollar named, dollar, is a passing mention and
// no hint) and nothing American (usNameRe): a US contract's territory
// "the United States and Canada" keeps its US dollar.
var dollarLands = []struct {
	code                   string
	statute, names, dollar *regexp.Regexp
}{
	{"CAD", caStatuteRe, caNameRe, caDollarRe},
	{"AUD", auStatuteRe, auNameRe, auDollarRe},
}

var (
	// caStatuteRe is a Canadian statute's citation: "S.C. 2000, c. 5",
	// "R.S.C. 1985, c. P-21", "S.O. 2004, c. 3", "RSBC 1996, c 165". An
	// act that cites one is Canadian, and so is its "$".
	caStatuteRe = regexp.MustCompile(`\b(?:R\.?\s?)?S\.?\s?(?:C|O|A|Q|M|S|Y|B\.?\s?C|N\.?\s?S|N\.?\s?B|N\.?\s?L|P\.?\s?E\.?\s?I|N\.?\s?W\.?\s?T)\.?\s+\d{4},\s+c\.?\s+[A-Z]{0,3}[-.]?\d`)
	// caNameRe names Canada or a province; caDollarRe is the Canadian
	// dollar named (see dollarLands).
	caNameRe   = regexp.MustCompile(`\b(?:Canada|Canadian|Ontario|Qu[eé]bec|British\s+Columbia|Alberta|Manitoba|Saskatchewan|Nova\s+Scotia|New\s+Brunswick|Newfoundland|Prince\s+Edward\s+Island)\b`)
	caDollarRe = regexp.MustCompile(`\bCanadian\s+(?:dollars?|currency|funds)\b`)
	usNameRe   = regexp.MustCompile(`\b(?:United\s+States|U\.S\.|USA?\b|America|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|Wisconsin|Wyoming)`)
)

var (
	// auStatuteRe is an Australian act's citation: "Privacy Act 1988
	// (Cth)", "Fair Trading Act 1987 (NSW)".
	auStatuteRe = regexp.MustCompile(`\bAct\s+\d{4}\s+\((?:Cth|NSW|Vic|Qld|WA|SA|Tas|ACT|NT)\)`)
	// auNameRe names Australia or a state of it; auDollarRe is the
	// Australian dollar named (see dollarLands).
	// Its parties say so too: an address's state and four-digit postcode
	// ("Sydney NSW 2000"; a US ZIP code has five), an ABN or ACN, a
	// "Pty Ltd". The postcode is on the state's line and in the state's
	// range (South Australia's begin with 5): a Swiss company's "SA" before
	// its town's postcode ("Acme SA 1000 Lausanne", "Acme SA\n1204 Genève")
	// made the "$" of a Swiss contract Australian.
	auNameRe = regexp.MustCompile(`\b(?:Australia|Australian|New\s+South\s+Wales|Queensland|Tasmania|Northern\s+Territory)\b|` +
		`\b(?:(?:NSW|ACT)[ \t]+[12]\d{3}|(?:VIC|Vic)[ \t]+[38]\d{3}|(?:QLD|Qld)[ \t]+[49]\d{3}|SA[ \t]+5\d{3}|WA[ \t]+6\d{3}|(?:TAS|Tas)[ \t]+7\d{3}|(?:NT|ACT)[ \t]+0\d{3})\b|` +
		`\bA[BC]N:?\s*\d{2,3}(?:\s?\d{3}){2,3}\b|\bPty\.?\s+Ltd\b`)
	auDollarRe = regexp.MustCompile(`\bAustralian\s+(?:dollars?|currency|funds)\b`)
)

// normAmount writes an amount with "." as the only decimal separator and
// no grouping: "1.250.000" -> 1250000, "7,5" -> 7.5, "12'000" -> 12000,
// "20 000 000" -> 20000000, "10,00,000" -> 1000000, "1,234.50" -> 1234.50. A single "." stays a
// decimal point ("$1.250" is rare; "€1.250" ambiguous).
func normAmount(v string) string {
	v = strings.NewReplacer("'", "", "’", "", " ", "", "\u00a0", "", "\u202f", "").Replace(v)
	comma, dot := strings.LastIndexByte(v, ','), strings.LastIndexByte(v, '.')
	switch {
	case comma >= 0 && dot >= 0 && comma > dot: // 1.234,56
		return strings.ReplaceAll(v[:comma], ".", "") + "." + v[comma+1:]
	case comma >= 0 && dot >= 0: // 1,234.56
		return strings.ReplaceAll(v, ",", "")
	case comma >= 0 && len(v)-comma-1 != 3: // 7,5 or 2,50
		return strings.ReplaceAll(v[:comma], ",", "") + "." + v[comma+1:]
	case comma >= 0: // 1,234,567 or 10,00,000
		return strings.ReplaceAll(v, ",", "")
	case strings.Count(v, ".") > 1: // 1.250.000
		return strings.ReplaceAll(v, ".", "")
	}
	return v
}

// money adds amounts with a currency; Value is "<ISO code> <amount>".
//
// A bare "$" or "dollars" is the document's dollar (dollarCurrency);
// a dollar a code or a country qualifies ("CAD $", "C$", "Canadian
// dollars") is that country's.
func money(x *collector, text string) {
	dollar := ""
	for k, re := range moneyRes {
		for _, m := range moneyWins[k].findAll(text) {
			cur, amt, mult := "", "", ""
			for i, name := range re.SubexpNames() {
				if name == "" || m[2*i] < 0 {
					continue
				}
				v := text[m[2*i]:m[2*i+1]]
				switch name {
				case "cur":
					key := currencyKey(v)
					cur = currencyCode[key]
					if key == "$" || key == "dollars" {
						if dollar == "" {
							dollar = dollarCurrency(text)
						}
						cur = dollar
					}
				case "amt":
					amt = normAmount(v)
				case "mult":
					mult = strings.ToLower(v)
				}
			}
			if cur == "" || amt == "" || centsFraction(text, m[0]) {
				continue
			}
			x.add(KindMoney, text[m[0]:m[1]], cur+" "+scale(amt, mult), m[0])
		}
	}
}

// percentageRe is a share of a sum of money, as laws set fines and
// contracts fees: "4 % of the total worldwide annual turnover", "10 per
// cent of the undertaking's turnover", "2.5% of the Purchase Price". A
// fine set so has no amount, and was no entity at all, though the money
// beside it ("20 000 000 EUR") was one.
var percentageRe = regexp.MustCompile(`(?i)\b(\d{1,3}(?:[.,]\d{1,4})?)\s?(?:%|per\s?cent\b|percent\b)\s+of\s+(?:the\s+|its\s+|their\s+|such\s+|any\s+|a\s+)?(?:[\pL\pN'’-]+\s+){0,6}?(?:turnover|revenues?|income|sales|profits?|fees?|price|amount|value|capital|earnings|salary|compensation)\b`)

// zhPercentageRe is a share of a sum in Chinese, the sum named first:
// 合同总价的百分之五十, 年度营业额的4%, 租金的千分之五. A liability cap or a
// fine set so was no entity at all.
var zhPercentageRe = regexp.MustCompile(`(?:合同|协议|应付)?(?:总价|总额|总金额|价款|金额|费用|租金|营业额|销售额|货款|收入|合同价)(?:款)?的\s*` + zhPercent)

// percentages adds the shares of a sum percentageRe and zhPercentageRe
// find; Value is the share, "4%".
func percentages(x *collector, text string) {
	for _, m := range percentageRe.FindAllStringSubmatchIndex(text, -1) {
		x.add(KindPercentage, text[m[0]:m[1]], strings.Replace(text[m[2]:m[3]], ",", ".", 1)+"%", m[0])
	}
	for _, m := range zhPercentageRe.FindAllStringSubmatchIndex(text, -1) {
		if pct, ok := zhPercentValue(zhPercentageRe, text, m); ok {
			x.add(KindPercentage, text[m[0]:m[1]], pct+"%", m[0])
		}
	}
}

// centsFraction reports whether the amount starting at pos is the
// denominator of the cents a cheque-style sum writes in words ("Seven
// Hundred Fifty Thousand and No/100 Dollars", "and 50/100 Dollars"): its
// "100 Dollars" is no sum of one hundred, and the figure in brackets
// after the words is the amount.
func centsFraction(text string, pos int) bool {
	return pos > 0 && text[pos-1] == '/'
}

// scale applies a written multiplier to a decimal amount string.
func scale(amt, mult string) string {
	return shift(amt, map[string]int{"thousand": 3, "k": 3, "lakh": 5, "lakhs": 5, "million": 6, "m": 6, "mm": 6, "crore": 7, "crores": 7, "billion": 9}[mult])
}

// shift multiplies a decimal string by 10^zeros without rounding.
func shift(amt string, zeros int) string {
	if zeros == 0 {
		return amt
	}
	intPart, frac, _ := strings.Cut(amt, ".")
	for len(frac) < zeros {
		frac += "0"
	}
	out := strings.TrimLeft(intPart+frac[:zeros], "0")
	if rest := strings.TrimRight(frac[zeros:], "0"); rest != "" {
		out += "." + rest
	}
	if out == "" || out[0] == '.' {
		out = "0" + out
	}
	return out
}

// durations adds spans like "thirty (30) days" with an ISO 8601 value
// and, where the text says it, their role (durationRole).
func durations(x *collector, text string) {
	for _, d := range findDurations(text) {
		if notTermRe.MatchString(text[d.end:min(len(text), d.end+40)]) {
			continue // an age or experience, not a period of the contract
		}
		x.addRole(KindDuration, d.text, d.iso, durationRole(text, d.start, d.end), d.start)
	}
	enRangeDurations(x, text)
}

// notTermRe follows a length of time that is no contract period: "16
// years old", "18 years of age", "5 years of relevant experience", "ten
// years ago", and an amount measured in time ("a security deposit equal
// to three months' rent", "six months' base salary"), which a lease's
// register listed as a payment period.
var notTermRe = regexp.MustCompile(`(?i)^\s*(?:old\b|of\s+age\b|ago\b|of\s+(?:[a-z-]+\s+){0,2}experience\b)|^['’]s?\s+(?:(?:base|gross|basic|annual|monthly|current)\s+)?(?:rent(?:al)?|fees?|salary|salaries|wages?|pay|remuneration|royalt(?:y|ies)|charges?|compensation|license\s+fees?|subscription\s+fees?)\b`)

// --- governing law ---

var (
	// govSubjectRe names the law a contract answers to without a verb
	// of governing: "is subject to the laws of California", "resolved in
	// accordance with the substantive laws of the State of Texas". The
	// words are common in other clauses ("in accordance with applicable
	// law"), so a clause counts only where it names a jurisdiction and
	// no clause with a verb of governing does.
	// govLabelRe is a schedule's governing-law line, the place its value
	// ("Governing Law: England and Wales", "Applicable Law: the laws of
	// the State of New York").
	govLabelRe     = regexp.MustCompile(`(?im)^[ \t]*(?:governing|applicable|proper)\s+law[ \t]*[:：][ \t]*(?:the\s+)?(?:laws?\s+of\s+)?(?:the\s+)?(?:State\s+of\s+|Commonwealth\s+of\s+|Province\s+of\s+)?((?-i:` + placeWord + `)(?:[ \t]+(?:of|and)?[ \t]*(?-i:` + placeWord + `)){0,4})[ \t.]*$`)
	govSubjectRe   = regexp.MustCompile(`(?i)\b(?:subject\s+to|in\s+accordance\s+with|pursuant\s+to)\s+(?:the\s+)?(?:(?:substantive|internal|domestic)\s+)?laws?\s+(?:in\s+force\s+in\s+|of\s+)`)
	govVerbRe      = regexp.MustCompile(`(?i)\b(?:governed|governs?|construed|interpreted|controlled|determined|applied|made\s+under)\b[^.;]{0,100}?\b(?:laws?|legislation)\b|\b(?:legislation|laws?)\s+of\b[^.]{0,80}\b(?:shall\s+(?:apply|govern)|applies|govern)`)
	jurisdictionRe = regexp.MustCompile(`(?i)\b(?:laws?|legislation)(?:\s+and\s+(?:judicial\s+decisions|decisions|regulations|statutes|rules)|,[^,.;]{1,40},)?\s+(?:in\s+force\s+in\s+|of\s+|thereof\b)(?:the\s+)?(?:State\s+of\s+|Commonwealth\s+of\s+|Province\s+of\s+|Republic\s+of\s+|Kingdom\s+of\s+)?((?-i:` + placeWord + `)(?:\s+(?:of\s+)?(?-i:` + placeWord + `)){0,4})`)
	placeRe        = regexp.MustCompile(`\b(?:State|Commonwealth|Province|Republic|Kingdom)\s+of\s+(` + placeWord + `(?:\s+` + placeWord + `)?)`)
	adjLawRe       = regexp.MustCompile(`\b(?:under|by|with)\s+(?:the\s+)?(` + placeWord + `(?:\s+` + placeWord + `)?)\s+(?:LAWS?|[Ll]aws?)\b`)
	// lowerStateRe is a US state written in lower case ("the laws of the
	// state of california"), which jurisdictionRe's capitals miss
	lowerStateRe = regexp.MustCompile(`(?i)\bstate\s+of\s+(` + usStates + `)\b`)
)

// placeWord is a word of a place's name, in Go's regexp syntax: a capital
// and the letters (of any script, with their combining marks), points,
// apostrophes and hyphens after it ("Québec", "Zürich", "São",
// "Curaçao", "Île-de-France", "St."). Go's [A-Za-z] and \w are ASCII
// only: "the Province of Québec" was "Qu", "the Canton of Zürich"
// "Canton of Z", "Île-de-France" no place at all. Under (?i) it must
// stand in (?-i:...), or \p{Lu} matches lower case too.
const placeWord = `\p{Lu}[\pL\pM.'’-]*`

// usStates are the US states and DC, as a regexp alternation.
const usStates = `alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new\s+hampshire|new\s+jersey|new\s+mexico|new\s+york|north\s+carolina|north\s+dakota|ohio|oklahoma|oregon|pennsylvania|rhode\s+island|south\s+carolina|south\s+dakota|tennessee|texas|utah|vermont|virginia|washington|west\s+virginia|wisconsin|wyoming`

// pairedPlace is the rest of a jurisdiction named as a pair ("England"
// and "Wales"): " and Wales", or "".
func pairedPlace(rest string) string {
	m := pairedPlaceRe.FindStringSubmatch(rest)
	if m == nil {
		return ""
	}
	return " and " + m[1]
}

// pairedPlaceRe: the second half of jurisdictions whose name is a pair.
var pairedPlaceRe = regexp.MustCompile(`^\s+and\s+(Wales|Tobago|Herzegovina|Barbuda|Nevis|the\s+Grenadines|Caicos|Príncipe|Principe|Futuna)\b`)

// governingLaw adds the governing-law clause: sentences saying the
// agreement is governed or construed by some law, preferring those that
// name a jurisdiction (Value); at most two.
func governingLaw(x *collector, sents []sentence) {
	type cand struct {
		text, val string
		pos       int
	}
	var named, other, subject []cand
	for _, s := range sents {
		if m := govLabelRe.FindStringSubmatchIndex(s.text); m != nil {
			// a key-details schedule's line: "Governing Law: England and Wales"
			if val := normJurisdiction(s.text[m[2]:m[3]]); val != "" {
				named = append(named, cand{strings.TrimSpace(s.text[m[0]:m[1]]), val, s.start + m[0]})
				continue
			}
		}
		loc := govVerbRe.FindStringIndex(s.text)
		weak := loc == nil
		if weak {
			loc = govSubjectRe.FindStringIndex(s.text)
		}
		if loc == nil {
			continue
		}
		text, off := focus(s.text, loc[0])
		val := ""
		if m := jurisdictionRe.FindStringSubmatchIndex(text); m != nil {
			val = strings.TrimRight(text[m[2]:m[3]], ". ") + pairedPlace(text[m[3]:])
		} else if m := adjLawRe.FindStringSubmatch(text); m != nil {
			val = m[1]
		} else if m := lowerStateRe.FindStringSubmatch(text); m != nil {
			val = titleWords(m[1])
		} else if m := placeRe.FindStringSubmatch(text); m != nil && strings.Contains(strings.ToLower(text), "thereof") {
			// "accepted in the State of Nevada and governed by the laws thereof"
			val = m[1]
		}
		c := cand{clip(text, maxSentenceChars), val, s.start + off}
		c.val = normJurisdiction(c.val)
		switch {
		case weak && c.val != "":
			subject = append(subject, c)
		case weak:
		case c.val != "":
			named = append(named, c)
		case strings.Contains(strings.ToLower(text), "governed by"):
			other = append(other, c)
		}
	}
	if len(named) == 0 && len(subject) > 0 {
		named = subject[:1]
	}
	if len(named) == 0 && len(other) > 0 {
		named = other[:1]
	}
	for i, c := range named {
		if i == 2 {
			break
		}
		x.add(KindGoverningLaw, c.text, c.val, c.pos)
	}
}

// normJurisdiction turns a captured jurisdiction into one name per place:
// the capture runs on through capitalised words, which in a clause in
// capitals are all words ("NEW YORK WITHOUT REGARD TO"), so it ends at
// the first word that starts what follows the name; a name in capitals is
// written in title case ("GEORGIA" and "Georgia" were two facet values);
// "English" law is England's, "PRC" the People's Republic of China; words
// that are no place ("Fund", "applicable") are no value.
func normJurisdiction(v string) string {
	words := strings.Fields(v)
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,;:"))
		if i > 0 && (jurisdictionStop[lw] || lw == "and" && (i+1 >= len(words) || !pairedHalf[strings.ToLower(words[i+1])])) {
			words = words[:i]
			break
		}
	}
	v = strings.Trim(strings.Join(words, " "), " .,;:")
	if alias, ok := jurisdictionAlias[strings.ToLower(v)]; ok {
		return alias
	}
	if notPlace[strings.ToLower(v)] {
		return ""
	}
	if strings.ToUpper(v) == v {
		v = titleWords(v)
	}
	return v
}

// jurisdictionStop are words that end a jurisdiction's name.
var jurisdictionStop = map[string]bool{"without": true, "excluding": true, "exclusive": true, "notwithstanding": true,
	"irrespective": true, "regardless": true, "applicable": true, "except": true, "as": true, "in": true, "to": true,
	"with": true, "which": true, "that": true, "including": true, "other": true, "but": true, "governing": true,
	"escrow": true, "shall": true, "will": true, "for": true, "applied": true, "where": true}

// pairedHalf are second halves of jurisdictions named as a pair.
var pairedHalf = map[string]bool{"wales": true, "tobago": true, "herzegovina": true, "barbuda": true, "nevis": true, "caicos": true, "principe": true, "príncipe": true, "futuna": true}

var jurisdictionAlias = map[string]string{
	"english": "England", "prc": "People's Republic of China", "p.r.c": "People's Republic of China",
	"the people's republic of china": "People's Republic of China", "people's republic of china": "People's Republic of China",
	// the Republic of China's initials are Taiwan's law, not the PRC's
	"r.o.c": "Taiwan", "roc": "Taiwan",
	"u.s": "United States", "usa": "United States", "united states of america": "United States",
	// the adjective a clause names the law by ("governed by Belgian law"):
	// the place, as a facet groups it with "the laws of Belgium"
	"belgian": "Belgium", "german": "Germany", "french": "France", "dutch": "Netherlands", "swiss": "Switzerland",
	"italian": "Italy", "spanish": "Spain", "irish": "Ireland", "scottish": "Scotland", "austrian": "Austria",
	"swedish": "Sweden", "danish": "Denmark", "finnish": "Finland", "norwegian": "Norway", "polish": "Poland",
	"portuguese": "Portugal", "luxembourg": "Luxembourg", "japanese": "Japan", "chinese": "People's Republic of China",
	"singaporean": "Singapore", "canadian": "Canada", "australian": "Australia", "indian": "India", "israeli": "Israel",
	"brazilian": "Brazil", "mexican": "Mexico", "korean": "Republic of Korea", "hong kong": "Hong Kong", "american": "United States",
}

// notPlace are capitalised words the capture takes after "laws of" that
// name no jurisdiction.
var notPlace = map[string]bool{"applicable": true, "fund": true, "securities": true, "company": true, "agreement": true,
	"the": true, "such": true, "any": true, "said": true, "this": true, "trust": true, "partnership": true, "lender": true}

// titleWords writes a name in capitals in title case, with "of", "and"
// and "the" in lower case inside it ("DISTRICT OF COLUMBIA").
func titleWords(v string) string {
	words := strings.Fields(strings.ToLower(v))
	for i, w := range words {
		if i > 0 && (w == "of" || w == "and" || w == "the") {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// focus drops the lines of a run-on sentence (no period between a heading
// or an address block and the clause) that end before position at.
func focus(s string, at int) (string, int) {
	start := clauseStart(s, at)
	// a section's number before it on the same line: the sections before
	// ran in without a full stop ("8) Notices ... 9) Governing Law This
	// Agreement ...")
	if ms := sectionMarkRe.FindAllStringIndex(s[start:at], -1); len(ms) > 0 {
		if last := ms[len(ms)-1]; last[0] > 0 {
			start += last[0]
		}
	}
	if start == 0 {
		return s, 0
	}
	trimmed := strings.TrimLeft(s[start:], " \t")
	return strings.TrimSpace(trimmed), start + len(s[start:]) - len(trimmed)
}

// clauseStart is where the clause that holds s[at] begins: after the last
// line break before it that ends a heading or a sentence. A page's hard
// wraps inside a sentence are no such break ("The validity,
// interpretation,\nconstruction and performance ... shall be governed"
// lost its opening, in 4 of 12 CUAD PDFs).
func clauseStart(s string, at int) int {
	end := at
	for end > 0 {
		nl := strings.LastIndexByte(s[:end], '\n')
		if nl < 0 {
			return 0
		}
		prev := strings.TrimRight(s[strings.LastIndexByte(s[:nl], '\n')+1:nl], " \t\u00a0")
		next := strings.TrimLeft(s[nl+1:], " \t\u00a0")
		if lineBreaksClause(prev, next) {
			return nl + 1
		}
		end = nl
	}
	return 0
}

// lineBreaksClause says whether a line break between prev and next ends a
// clause: after a blank line, a stop or a colon, a short line (a heading),
// or before a section's number.
func lineBreaksClause(prev, next string) bool {
	if prev == "" || strings.ContainsAny(prev[len(prev)-1:], ".;:!?") || sectionMarkRe.MatchString(next) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(next); unicode.IsLower(r) {
		return false // a narrow column's wrap: "legal effect\nof this Agreement"
	}
	words := strings.Fields(prev)
	return utf8.RuneCountInString(prev) <= 60 && !strings.HasSuffix(prev, ",") && !wrapWords[strings.ToLower(words[len(words)-1])]
}

// wrapWords end a line that a sentence goes on from ("the State of\nTennessee").
var wrapWords = map[string]bool{"of": true, "the": true, "and": true, "or": true, "to": true, "in": true, "by": true,
	"for": true, "with": true, "a": true, "an": true, "this": true, "that": true, "any": true, "such": true, "its": true}

// sectionMarkRe is a section's number that opens a clause inside a line:
// "9) Governing", "12.3 Term", "(b) The".
var sectionMarkRe = regexp.MustCompile(`(?:^|\s)(?:\d{1,2}(?:\.\d{1,2})*[.)]?|\([a-z0-9]{1,3}\))\s+[A-Z]`)

// --- defined terms ---

// definedRes find a defined term: one in brackets starts with a capital
// of any script ("Société", "Île"); one that "means" something may be in
// lower case, as statutes define theirs ("personal data" means), and EU
// acts quote theirs singly (‘personal data’ means, a natural person
// (‘data subject’)). A single quote must open a word, so that an
// apostrophe ("the Member States' means") opens no term.
var definedRes = []*regexp.Regexp{
	regexp.MustCompile(`\((?:(?:the|each|an?|collectively|individually|together|jointly|hereinafter|referred\s+to\s+as|as|herein|,|\s)+)?["“](\p{Lu}[^"”\n]{0,60}?)["”]`),
	regexp.MustCompile(`["“](\p{L}[^"”\n]{0,60}?)["”]\s+` + definesWords),
	regexp.MustCompile(`(?:^|[^\pL\pN])['‘](\pL[^'’"“”\n]{0,60}?)['’]\s+` + definesWords),
	regexp.MustCompile(`\(\s*['‘](\pL[^'’"“”\n]{0,60}?)['’]\s*\)`),
}

// definesWords are the words after a term that define it.
const definesWords = `(?:shall\s+)?(?:means?|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|refers?\s+to|includes?)\b`

// bareDefinedRe is a term a statute defines without quotes, as Canada's
// do ("personal information means information about ..."): lower case, up
// to five words, opening its line or a numbered or lettered definition
// paragraph ("(a) record includes ...").
var bareDefinedRe = regexp.MustCompile(`(?m)^[ \t]*(?:(?:\([0-9a-z]{1,4}\)|[0-9a-z]{1,4}[.)])[ \t]+)?(\p{Ll}[\p{L}'’-]*(?:[ \t]+\p{Ll}[\p{L}'’-]*){0,4})[ \t]+(?:means|includes)\b`)

// definitionsHeadRe is the heading or lead-in of a definitions section.
var definitionsHeadRe = regexp.MustCompile(`(?i)\bdefinitions?\b`)

// notTermWords are words no bare defined term holds: a wrapped line's
// start ("that means we ...", "it includes ...") is no term.
var notTermWords = wordSet("the", "a", "an", "this", "that", "these", "those", "it", "its", "which", "what", "who", "there", "here",
	"he", "she", "they", "we", "you", "i", "such", "each", "any", "all", "and", "or", "but", "so", "also", "is", "are", "was",
	"be", "not", "then", "thus", "term", "word", "expression", "definition")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// definedTerms adds terms defined in quotes ("Agreement", "Effective Date")
// and, after a definitions heading or lead-in, terms a statute defines
// without quotes at the start of a line. The line before must end a
// sentence or clause (or be a blank line or a heading), so that a
// hard-wrapped sentence's next line ("... and\nsoftware means") is no term.
func definedTerms(x *collector, text string) {
	for _, re := range definedRes {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			term := strings.TrimRight(text[m[2]:m[3]], ",. ")
			x.add(KindDefinedTerm, term, "", m[2])
		}
	}
	head := definitionsHeadRe.FindStringIndex(text)
	if head == nil {
		return
	}
	for _, m := range bareDefinedRe.FindAllStringSubmatchIndex(text[head[1]:], -1) {
		s, e := head[1]+m[2], head[1]+m[3]
		term := text[s:e]
		if !lineOpens(text, head[1]+m[0]) || slices.ContainsFunc(strings.Fields(term), func(w string) bool { return notTermWords[w] }) {
			continue
		}
		x.add(KindDefinedTerm, term, "", s)
	}
}

// lineOpens reports whether the line starting at pos opens a paragraph,
// a sentence or an item: the line before is blank, or ends with . : ;
// or is a heading: a few words without punctuation ("Definitions").
func lineOpens(text string, pos int) bool {
	if pos > 0 && text[pos-1] != '\n' {
		return false // the middle of the heading's line
	}
	prev := strings.TrimSpace(text[:pos])
	if i := strings.LastIndexByte(prev, '\n'); i >= 0 {
		prev = prev[i+1:]
	}
	if prev == "" || pos > 0 && strings.HasSuffix(strings.TrimRight(text[:pos], " \t"), "\n\n") {
		return true
	}
	last := prev[len(prev)-1]
	return strings.IndexByte(".:;", last) >= 0 || !strings.ContainsAny(prev, ".,;:") && len(strings.Fields(prev)) <= 6
}

// --- citations ---

var citationRes = []*regexp.Regexp{
	regexp.MustCompile(`\b(?:Regulation|Directive|Decision)\s+\((?:EU|EC|EEC|Euratom)\)\s+(?:No\.?\s+)?\d{1,4}/\d{1,4}(?:/[A-Z]+)?`),
	regexp.MustCompile(`\b(?:Regulation|Directive|Decision)\s+(?:No\.?\s+)?\d{1,4}/\d{1,4}/(?:EC|EU|EEC|CE)\b`),
	regexp.MustCompile(`\b\d{1,2}\s+U\.?\s?S\.?\s?C\b\.?\s+(?:§+\s*)?` + usSection),
	// a list only after "Parts": "17 CFR 240.10b-5, 47 U.S.C. § 230" is two
	regexp.MustCompile(`\b\d{1,2}\s+C\.?\s?F\.?\s?R\b\.?\s+(?:Parts\s+` + usSection + `(?:(?:\s*,\s*|\s+(?:and|to|through)\s+)` + usSection + `)*|(?:Part\s+|§+\s*)?` + usSection + `)`),
	// "§§" heads a list or a range ("§§ 3–5", "§§ 12 through 14")
	regexp.MustCompile(`§§\s?` + usSection + `(?:(?:\s*[,–—]\s*|\s+(?:and|or|to|through)\s+)` + usSection + `)*`),
	regexp.MustCompile(`§+\s?` + usSection),
	regexp.MustCompile(`\b(?:Articles?|Art\.|Sections?|Sec\.|Clauses?|Paragraphs?|Annex|Schedules?|Exhibits?|Appendix|Recitals?|Chapters?|Rules?)\s+` + citeNum + `(?:(?:\s*,\s*|\s*[–—]\s*|\s+(?:and|or|to|through)\s+)` + citeNum + `)*`),
	// an act cites its own sections in lower case ("section 149",
	// "sections 6 to 9", "subsection 8(8)", "Subsection (1)"), by number
	// only: "in this section I describe" cites nothing
	regexp.MustCompile(`\b(?:[Ss]ub)?sections?\s+` + sectionNum + `(?:(?:\s*,\s*|\s+(?:and|or|to|through)\s+)` + sectionNum + `)*`),
}

// sectionNum is a section's or a subsection's number: "149", "10.1",
// "8(8)", "(1)".
const sectionNum = `(?:\d+[A-Za-z]?(?:\.\d+)*|\(\d{1,3}[a-z]?\))(?:\([0-9a-zA-Z]{1,4}\))*`

// usSection is a section of a US code or rule by its number, whose parts
// may carry letters and dashes: "1798.100", "240.10b-5", "240.10b5-1",
// "1320d-6", "230(c)(1)".
const usSection = `\d+(?:[a-z]{1,2}\d*)?(?:[.\-]\d+(?:[a-z]{1,2}\d*)?)*(?:\([0-9a-zA-Z]{1,4}\))*`

// citeNum is one article, section or paragraph number ("6", "3.2",
// "6(1)(a)", "C-2", "IV"); a plural heads a list of them ("Paragraphs 1
// and 2", "Articles 5, 6 and 7").
const citeNum = `(?:\d+[A-Za-z]?(?:\.\d+)*(?:\([0-9a-zA-Z]{1,4}\))*|[A-Z](?:-\d+)?\b|[IVX]{1,5}\b)`

// citations adds references to articles, sections, § and EU acts.
func citations(x *collector, text string) { citationsOutside(x, text, nil) }

// citationsOutside is citations, leaving out what lies within taken
// (a court filing's citations of a section of a named act).
func citationsOutside(x *collector, text string, taken [][2]int) {
	// taken grows with the spans cited already: "§ 1320a" inside "42 U.S.C. § 1320a" is not a second citation
	for _, re := range citationRes {
		for _, m := range re.FindAllStringIndex(text, -1) {
			if inside(taken, m[0], m[1]) {
				continue
			}
			taken = append(taken, [2]int{m[0], m[1]})
			c := strings.TrimRight(text[m[0]:m[1]], ".")
			x.add(KindCitation, c, spaceRe.ReplaceAllString(c, " "), m[0])
		}
	}
}

// inside reports whether [s, e) lies within one of spans.
func inside(spans [][2]int, s, e int) bool {
	for _, sp := range spans {
		if s >= sp[0] && e <= sp[1] {
			return true
		}
	}
	return false
}

// --- obligations ---

var (
	obligationRe = regexp.MustCompile(`(?i)\b(shall\s+not|shall|must\s+not|must|may\s+not|agrees?\s+(?:not\s+)?to|(?:is|are)\s+required\s+to|(?:is|are)\s+(?:prohibited\s+from|not\s+(?:permitted|allowed)\s+to)|undertakes?\s+to)\b`)
	definitionRe = regexp.MustCompile(`(?i)["”]\s+(?:shall\s+)?mean`)
	// noDutyRe marks sentences with "shall" that impose nothing: meanings
	// of words, recitals, and the governing law (an entity of its own).
	noDutyRe = regexp.MustCompile(`(?i)\bshall\s+have\s+the\s+(?:respective\s+)?meanings?\b|\bshall\s+mean\b|^\W*(?:whereas|recitals?)\b|\b(?:governed|construed|interpreted)\s+(?:by|in\s+accordance\s+with|under)\b[^.;]{0,60}\blaws?\b`)
)

// inForceRe is a "shall" that says when a text takes effect, which binds
// no one to anything: GDPR's "It shall apply from 25 May 2018" was listed
// among its obligations. A sentence with a duty beside it keeps that duty.
var inForceRe = regexp.MustCompile(`(?i)\bshall\s+(?:(?:enter|come)\s+into\s+(?:force|effect|operation)|apply\s+(?:from|as\s+from|with\s+effect\s+from)|become\s+(?:operative|effective)|take\s+effect|be\s+binding\s+in\s+its\s+entirety)\b`)

// negativeSubjectRe ends the words before a modal whose subject is
// negated ("Neither party shall", "No Licensee may", "None of the
// Sellers will"): the sentence forbids, as "shall not" does, and a
// register reading the modal listed it among the duties.
var negativeSubjectRe = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:neither|no|none\s+of)\s+(?:the\s+)?(?:[\pL'’-]+\s+){0,2}[\pL'’-]+\s*$`)

// negatedMayRe is a "may" after a negated subject ("No Licensee may
// sublicense"), which forbids; a "may" alone permits and is no duty.
var negatedMayRe = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:neither|no|none\s+of)\s+(?:the\s+)?(?:[\pL'’-]+\s+){0,2}[\pL'’-]+\s+(may)\b`)

var (
	// agreementSubjectRe opens a sentence about the agreement itself or
	// its term ("This agreement shall commence", "Thereafter this
	// agreement shall automatically renew").
	agreementSubjectRe = regexp.MustCompile(`(?i)^(?:thereafter,?\s+)?(?:this|the)\s+(?:[\pL-]+\s+){0,2}(?:agreement|contract|lease|term|licen[cs]e)\b`)
	// termFactRe is a "shall" that says when the agreement runs, which
	// binds no one: "shall commence on 1 February 2026 and shall continue
	// for 24 months" was listed among a register's obligations. A duty of
	// the same sentence keeps it there.
	termFactRe = regexp.MustCompile(`(?i)\b(?:shall|will)\s+(?:automatically\s+)?(?:commence|begin|start|continue|renew|expire|end|remain\s+in\s+(?:full\s+)?(?:force|effect))\b`)
)

// mayNotRe is a "may not" that may forbid nothing: "may or may not", and
// "may not" before a verb. withoutPossibilities drops those that state a
// possibility ("the Software may not be error-free", "the above limitation
// may not apply to you") and keeps a prohibition ("may not sublicense",
// "may not be assigned").
var mayNotRe = regexp.MustCompile(`(?i)\bmay\s+or\s+may\s+not\b|\bmay\s+not\s+(be\s+)?([\pL-]+)`)

var (
	// irregularParticiples are the past participles without -ed that
	// contracts forbid things with ("may not be sold", "may not be withheld").
	irregularParticiples = wordSet("sold", "made", "given", "taken", "withheld", "held", "brought", "shown", "sent", "paid",
		"lent", "let", "sublet", "done", "put", "set", "bound", "read", "written")
	// possibleVerbs follow a "may not" that says what might not happen.
	possibleVerbs = wordSet("apply", "have", "exist", "occur", "reflect", "work", "function", "operate", "correspond", "coincide", "suit")
)

// withoutPossibilities removes the "may not" phrases of s that state a
// possibility rather than forbid (see mayNotRe).
func withoutPossibilities(s string) string {
	return mayNotRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := mayNotRe.FindStringSubmatch(m)
		w := strings.ToLower(sub[2])
		switch {
		case w == "":
			return "" // may or may not
		case sub[1] != "" && !strings.HasSuffix(w, "ed") && !irregularParticiples[w]:
			return "" // may not be error-free
		case sub[1] == "" && possibleVerbs[w]:
			return ""
		}
		return m
	})
}

// obligations adds sentences that impose a duty (shall, must, may not,
// agrees to, is prohibited from, is not permitted to, a party's "will");
// Value is the modal phrase in lower case. On a long text
// capObligations chooses which are kept.
func obligations(x *collector, sents []sentence) {
	for _, s := range sents {
		if len(s.text) < 20 || len(s.text) > 1500 || definitionRe.MatchString(s.text) || noDutyRe.MatchString(s.text) {
			continue
		}
		modal := ""
		clean := inForceRe.ReplaceAllString(withoutPossibilities(s.text), "")
		if t, _ := withoutClauseNumber(s.text, 0); agreementSubjectRe.MatchString(t) {
			clean = termFactRe.ReplaceAllString(clean, "")
		}
		if m := obligationRe.FindStringSubmatchIndex(clean); m != nil {
			modal = clean[m[2]:m[3]]
			if negativeSubjectRe.MatchString(clean[:m[2]]) && !strings.Contains(strings.ToLower(modal), "not") {
				modal = strings.Fields(modal)[0] + " not" // "Neither party shall": a prohibition
			}
			if strings.Contains(strings.ToLower(modal), "not") && liableAfterRe.MatchString(clean[m[3]:]) {
				modal = liabilityLimit // "In no event shall either party be liable"
			}
		} else if m := negatedMayRe.FindStringSubmatch(clean); m != nil {
			modal = m[1] + " not" // "No Licensee may sublicense"
		} else {
			modal = x.willDuty(s.text)
		}
		if modal == "" {
			continue
		}
		x.add(KindObligation, clip(s.text, maxSentenceChars), strings.ToLower(spaceRe.ReplaceAllString(modal, " ")), s.start)
	}
}

// liabilityLimit is the value of an obligation that excludes or limits a
// party's liability ("In no event shall either party be liable", "The
// Supplier shall not be liable"): it forbids no conduct, so it is no
// prohibition, though its modal is negated.
const liabilityLimit = "liability limit"

// liableAfterRe follows a negated modal that excludes liability: "shall
// not be liable", "In no event shall either party be held liable".
var liableAfterRe = regexp.MustCompile(`(?i)^\s+(?:[\pL'’-]+\s+){0,3}?be\s+(?:held\s+)?(?:liable|responsible)\b`)

// willRe is a "will" and the words before and after it: plain-English
// drafting and offer letters put duties that way ("The Supplier will
// deliver the Products within 14 days").
// A comma may part the modal from its verb ("will not, for 12 months,
// solicit"): the "not" was read as the verb.
var willRe = regexp.MustCompile(`(?i)((?:[\pL\pN'’-]+\s+){0,3}[\pL\pN'’-]+)\s+(will\s+not\b|will|won['’]t)[\s,]+([\pL-]+)(?:\s+([\pL-]+))?`)

// willNoDuty are the verbs after "will" that state a fact or a right, not
// a duty: "You will be entitled to", "You will receive", "This agreement
// will continue", "We will review pricing" (an intent).
var willNoDuty = wordSet("be", "have", "receive", "get", "earn", "accrue", "continue", "commence", "start", "begin",
	"end", "expire", "remain", "report", "need", "review", "consider", "aim", "try", "seek", "expect", "hope",
	"intend", "endeavour", "endeavor", "look", "like", "want", "apply", "become", "take", "depend", "vary", "also",
	"then", "automatically", "only", "normally", "usually", "generally", "likely", "probably", "benefit", "enjoy")

// willDutyAfterBe are the words after "will be" that make it a duty
// ("will be responsible for").
var willDutyAfterBe = wordSet("responsible", "liable", "required", "obliged", "obligated", "bound")

// willSubjects are the subjects that owe a duty without being a party's
// name or role: the addressee of an offer letter and its writer, who
// puts the employer's duties in the first person ("We will pay you a
// salary"), either party.
var willSubjects = wordSet("you", "we", "party", "parties", "each", "both")

// willDuty is the modal ("will", "will not") of s when s puts a duty on
// a party with "will": its subject is a party (by name, alias or role, or
// "you") and its verb is no fact or intent (willNoDuty). A "will" of
// anyone else ("the Products will arrive", "We will review pricing") is
// no duty; "" then.
func (x *collector) willDuty(s string) string {
	for _, m := range willRe.FindAllStringSubmatchIndex(s, -1) {
		verb, next := strings.ToLower(s[m[6]:m[7]]), ""
		if m[8] >= 0 {
			next = strings.ToLower(s[m[8]:m[9]])
		}
		modal := s[m[4]:m[5]]
		if negativeSubjectRe.MatchString(s[:m[4]]) && !strings.Contains(strings.ToLower(modal), "not") {
			modal += " not" // "None of the Sellers will disclose"
		}
		if verb == "be" && willDutyAfterBe[next] {
			if strings.Contains(strings.ToLower(modal), "not") && (next == "liable" || next == "responsible") {
				return liabilityLimit // "We will not be liable"
			}
			return modal
		}
		if willNoDuty[verb] || !x.dutySubject(s[m[2]:m[3]]) {
			continue
		}
		return modal
	}
	return ""
}

// notPartyRoles are the words roleAlias takes as aliases that name no one
// ("the Term will expire").
var notPartyRoles = wordSet("term", "duration", "territory")

// dutySubject reports whether the words before a "will" end with a
// party: its name or alias as found, a role a contract names parties by
// (roleAlias: "the Supplier", "the Employee"), or one of willSubjects.
func (x *collector) dutySubject(before string) bool {
	words := strings.Fields(strings.ToLower(before))
	last := strings.Trim(words[len(words)-1], "'’")
	if one := strings.TrimSuffix(last, "s"); one != last && roleAlias.MatchString(one) {
		last = one // "the Sellers"
	}
	if willSubjects[last] || roleAlias.MatchString(last) && !notPartyRoles[last] || last == "employee" {
		return true
	}
	lower := strings.ToLower(before)
	for _, f := range x.ents {
		if f.e.Kind != KindParty {
			continue
		}
		for _, n := range []string{f.e.Value, f.e.Text, strings.Join(withoutLegalForm(strings.Fields(f.e.Text)), " ")} {
			if n != "" && strings.HasSuffix(lower, strings.ToLower(n)) {
				return true
			}
		}
	}
	return false
}

// --- Chinese ---

var (
	hanRe        = regexp.MustCompile(`\p{Han}`)
	zhRoleOnlyRe = regexp.MustCompile(`^(?:` + zhRoles + `)$`)
	// a template may space a role's characters ("甲 方：")
	// zhPartySpacedRe is a role and an organisation's name with no colon
	// between them, as OCR leaves a form ("甲方 北京某某科技有限公司").
	zhPartySpacedRe = regexp.MustCompile(`(` + spacedAlternatives(zhRoles) + `)\s+([^\s，,。；;：:]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|银行|中心|大学|学院|医院|研究所|事务所))`)
	// zhNameThenLatinRe is a Chinese company name's end with its English
	// name after it, maybe after a slash ("深圳华锐电子有限公司 / Shenzhen
	// Huarui Electronics Co., Ltd.")
	zhNameThenLatinRe = regexp.MustCompile(`公司\s*/?\s*[A-Za-z]`)
	// zhNextColumnRe is where a signature line's next column starts: a
	// wide gap, or, where the gap is one space (as parsing leaves it), the
	// next column's label before the colon that ended the name: the other
	// side's role ("甲方（盖章）：X 乙方（签字）：Y") or a field's ("X（盖章）
	// 日期 Date：..."). The gap may be ideographic spaces (U+3000), which
	// \s does not match: two of them are a wide gap, and one only parts a
	// name padded to width (张　三).
	zhNextColumnRe = regexp.MustCompile(`\s{3,}|\t|　{2,}|[\s　]+(?:` + spacedAlternatives(zhRoles) + `|` + zhFieldLabels + `)` +
		`(?:\s*[（(][^）)]{0,20}[）)]?)?(?:\s*/?\s*[A-Z][A-Za-z]*(?:\s[A-Za-z]+){0,2})?\s*$`)
	// zhPartyRe is a role, its note in brackets, its English label
	// ("甲方（委托方）/ Party A (Client):", "乙方 Party B:"), a colon and
	// the party's name.
	zhPartyRe = regexp.MustCompile(`(` + spacedAlternatives(zhRoles) + `)(?:\s*[（(][^）)]{0,20}[）)])?` +
		`(?:\s*/?\s*[A-Z][A-Za-z]*(?:\s[A-Za-z]+){0,3}(?:\s*[（(][^）)]{0,30}[）)])?)?\s*[:：]\s*([^\n，,。；;：:]{2,60})`)
	// zhLabelledPartyRe is a role zhRoles does not know labelled as a
	// side ("存货人（甲方）：X", "合伙人（丙方）：Y"), at a line's start: the
	// label says it is a party, whatever the role's word.
	zhLabelledPartyRe = regexp.MustCompile(`(?m)^[ \t　]*(\p{Han}{2,8}?)\s*[（(]\s*[甲乙丙丁]\s*方\s*[）)]\s*[:：]\s*([^\n，,。；;：:]{2,60})`)
	// zhFieldLabelRe is a signature block's field label alone.
	zhFieldLabelRe = regexp.MustCompile(`^(?:` + zhFieldLabels + `)$`)
	// zhNumMoney is an amount in numerals (壹万贰仟伍佰元整, 新台币参佰万元整),
	// with every numeral ChineseNumber reads (lang.Numerals): one missing
	// from the class cut the amount at it.
	zhNumMoney = regexp.MustCompile(`(` + zhCurrencies + `)?\s*([` + lang.Numerals + `]+)\s*(?:元|圆|(` + zhCurrenciesAfter + `))整?`)
	// the place whose law governs: 适用X法律, 受X法律管辖, 准据法为X法律,
	// 以X法律为准据法
	zhGovPlace = []*regexp.Regexp{
		regexp.MustCompile(`(?:适用|受|准据法(?:为|系|是|应为))(` + zhPlaceChars + `{2,24}?)(?:的)?(?:法律|法规)`),
		regexp.MustCompile(`以(` + zhPlaceChars + `{2,24}?)(?:的)?法律为准据法`),
	}
	// zhJurisdictionRe is where a place name ends: the law a clause names
	// ("中华人民共和国劳动合同法及相关法律") is that of the state before it.
	zhJurisdictionRe = regexp.MustCompile(`^.*?(?:共和国|民国|特别行政区|自治区|地区|国|州|省|市|香港|澳门|台湾)`)
	zhMoneyRe        = regexp.MustCompile(`(?:` + zhCurrencies + `)?\s*(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万|亿)?\s*(?:元|圆|(` + zhCurrenciesAfter + `|人民币))`)
	zhGovRe          = regexp.MustCompile(`适用[^。；\n]{0,40}法律|[^。；\n]{0,40}法律管辖|受[^。；\n]{0,40}法律(?:管辖|约束)|准据法`)
	// zhDutyRe is a duty's modal: 应当, 必须, 不得, and a 应 or 须 before
	// its verb (应按, 应支付, 须于), which zhDuty keeps apart from the 应
	// of a word (相应, 供应)
	zhDutyRe = regexp.MustCompile(`应当|必须|应于|应在|不得|须(?:于|在|按)|` +
		`应(?:按|向|将|予|及时|支付|承担|赔偿|缴纳|交纳|提供|遵守|保证|负责|退还|返还|保守|配合|履行|通知|办理|交付|付清)`)
	zhSentEndRe = regexp.MustCompile(`[。；！？\n]`)
	// a clause or article, optionally of a named law, or a range of them
	// (the law is the range's, as "Articles 5, 6 and 7" is one citation):
	// 第十条, 第3.2条, 《中华人民共和国民法典》第五百零九条, 第二章, 第一款,
	// 《民法典》第七百零三条至第七百三十四条; or a law named alone
	// (《中华人民共和国劳动合同法》, 《中央企业合规管理办法》), which the
	// title's end says is a law, not a book or a contract's annex
	zhCiteRe = regexp.MustCompile(`(?:《[^》\n]{1,40}》\s*)?` + zhArticle + `(?:\s*(?:至|到|～|~|—|-)\s*` + zhArticle + `)?|` +
		`《[^》\n]{1,40}(?:法|法典|条例|办法|规定|细则|规则|决定|解释|准则)(?:[（(][^）)》\n]{1,16}[）)])?》`)
)

// zhArticle is an article, clause or chapter by its number: 第十条,
// 第3.2条, 第二章.
const zhArticle = `第[一二三四五六七八九十百千零〇两\d.]{1,8}[条款项章节编]`

// zhCitations adds the laws and articles a Chinese text cites, but not
// its own headings: an article's or chapter's number that starts a line
// (第一条 合同标的, 第一章 总则) heads the document's own text, and listing
// every one of them buried the citations.
func zhCitations(x *collector, text string) {
	for _, m := range zhCiteRe.FindAllStringIndex(text, -1) {
		c := text[m[0]:m[1]]
		line := text[strings.LastIndexByte(text[:m[0]], '\n')+1 : m[0]]
		if !strings.HasPrefix(c, "《") && strings.TrimSpace(line) == "" {
			continue
		}
		x.add(KindCitation, c, spaceRe.ReplaceAllString(c, ""), m[0])
	}
}

// zhRoles are the role names Chinese contracts give their parties
// (甲方：..., 出租方（甲方）：..., 用人单位：...).
const zhRoles = `甲方|乙方|丙方|丁方|出租方|承租方|出租人|承租人|用人单位|劳动者|买方|卖方|委托方|受托方|委托人|受托人|` +
	`被许可方|许可方|受让方|转让方|贷款人|出借人|借款人|发包人|承包人|发包方|承包方|供方|需方|买受人|出卖人|` +
	`雇主|雇员|聘用方|受聘方|保证人|担保人|` +
	// the other typical contracts of the Civil Code (民法典 合同编): storage
	// and warehousing, carriage, security, gift, work, loan, investment
	// and authorisation
	`存货人|保管人|寄存人|托运人|承运人|抵押权人|抵押人|出质人|质权人|赠与人|受赠人|定作人|承揽人|` +
	`债权人|债务人|被投资方|投资方|被授权方|授权方`

// zhFieldLabels are the labels of a signature block's other fields.
const zhFieldLabels = `日期|签订日期|签署日期|签字|签章|盖章|地址|住所|电话|传真|法定代表人|授权代表|委托代理人|代表人`

// spacedAlternatives lets any white space stand between the characters
// of each alternative of alts ("甲方" matches "甲 方").
func spacedAlternatives(alts string) string {
	parts := strings.Split(alts, "|")
	for i, p := range parts {
		parts[i] = strings.Join(strings.Split(p, ""), `\s?`)
	}
	return strings.Join(parts, "|")
}

// zhPlaceChars are the characters a governing law's place may hold: no
// punctuation, and no 法律 (an "适用法律：" heading before the clause).
const zhPlaceChars = `(?:[^：:，,。；;、\s（(法]|法[^律规])`

// zhCurrencies are the currencies a Chinese amount names before its
// figure (Taiwan's 新台币 before 台币, which it holds).
// Traditional names are read folded: 新臺幣 and 新台幣 as 新台币, 港幣 as
// 港币, 日圓 as 日圆, 歐元 as 欧元.
const zhCurrencies = `新台币|台币|人民币|美元|美金|港币|港元|欧元|日元|日圆|日币|英镑|RMB|NT\$|￥|¥`

// zhCurrenciesAfter are the currencies named after an amount in place of
// 元 (50万美元, 壹万日圆).
const zhCurrenciesAfter = `美元|美金|日元|日圆|港元|港币|欧元|英镑`

var zhCurrency = map[string]string{"新台币": "TWD", "台币": "TWD", "NT$": "TWD", "人民币": "CNY", "RMB": "CNY", "￥": "CNY", "¥": "CNY",
	"美元": "USD", "美金": "USD", "港币": "HKD", "港元": "HKD", "欧元": "EUR", "日元": "JPY", "日圆": "JPY", "日币": "JPY",
	"英镑": "GBP", "": "CNY"}

// zhAmount is a Chinese amount found: where, its text, currency name
// ("" when it names none) and value.
type zhAmount struct {
	start, end int
	cur, value string
}

// zhMoney adds the amounts of a Chinese text, in figures (人民币120万元,
// 50万美元) or in numerals (壹万贰仟伍佰元整). An amount that names no
// currency takes that of one just before it (新台币五万元以上五十万元以下),
// else yuan.
func zhMoney(x *collector, text string) {
	var found []zhAmount
	for _, m := range zhMoneyRe.FindAllStringSubmatchIndex(text, -1) {
		amt := strings.NewReplacer(",", "", "，", "").Replace(text[m[2]:m[3]])
		zeros := 0
		if m[4] >= 0 {
			zeros = map[string]int{"万": 4, "亿": 8}[text[m[4]:m[5]]]
		}
		found = append(found, zhAmount{m[0], m[1], zhCurrencyName(text[m[0]:m[1]]), shift(amt, zeros)})
	}
	figures := len(found)
	for _, m := range zhNumMoney.FindAllStringSubmatchIndex(text, -1) {
		if zhOverlaps(found[:figures], m[0], m[1]) {
			continue // 万美元 of 50万美元
		}
		num := text[m[4]:m[5]]
		n, ok := lang.ChineseNumber(num)
		cur := zhCurrencyName(text[m[0]:m[1]])
		// a bare 一元 or 三元 is more often a word (统一元, 三元组) than money
		if !ok || n == 0 || (cur == "" && utf8.RuneCountInString(num) < 2) {
			continue
		}
		found = append(found, zhAmount{m[0], m[1], cur, strconv.FormatInt(n, 10)})
	}
	sort.Slice(found, func(i, j int) bool { return found[i].start < found[j].start })
	last, lastEnd := "", -1
	for _, a := range found {
		cur := a.cur
		if cur == "" && lastEnd >= 0 && a.start-lastEnd <= zhRangeGap {
			cur = last
		}
		if a.cur != "" {
			last = a.cur
		}
		lastEnd = a.end
		x.add(KindMoney, strings.TrimSpace(text[a.start:a.end]), zhCurrency[cur]+" "+a.value, a.start)
	}
}

func zhOverlaps(as []zhAmount, start, end int) bool {
	for _, a := range as {
		if start < a.end && end > a.start {
			return true
		}
	}
	return false
}

// zhRangeGap is how far (bytes) after an amount one that names no
// currency still shares it: "以上", "至", "到" and a space.
const zhRangeGap = 12

// zhHeadingOnlyRe is a clause heading alone on its line ("第六条 准据法",
// "适用法律"), maybe with its English before or after it, as a bilingual
// contract heads its clauses ("第五条 适用法律和争议解决 / Article 5
// Governing Law and Dispute Resolution"). A heading names no law: the
// clause under it does, and is an entity of its own; the heading was a
// governing-law entity with no value beside it (QA s31 #12).
var zhHeadingOnlyRe = regexp.MustCompile(`^(?:` + enLawHeading + `\s*[/／|]?\s*)?` + zhLawHeading + `\s*[：:]?(?:\s*[/／|]?\s*` + enLawHeading + `)?\s*[：:.]?$`)

// numberedHeading reports a line that reads as a section's heading, not
// a clause: it opens with the section's number ("第五条", "5.", "Article
// 5"), holds no sentence's end and is short. A governing-law "clause" of
// that shape that names no place is a heading zhHeadingOnlyRe does not
// know ("第五条 法律适用、管辖与通知 / Article 5 Law, Venue and Notices").
func numberedHeading(s string) bool {
	return sectionNumberRe.MatchString(s) && utf8.RuneCountInString(s) <= 80 && !strings.ContainsAny(s, "。；;！？!?") &&
		!strings.HasSuffix(strings.TrimSpace(s), ".")
}

// sectionNumberRe opens a section's heading with its number.
var sectionNumberRe = regexp.MustCompile(`^\s*(?:第[一二三四五六七八九十百零〇\d]{1,6}[条章节款]|\d{1,2}(?:\.\d{1,2})*[.)、]?\s|(?:Article|ARTICLE|Section|SECTION|Clause|CLAUSE|Art\.)\s*[\dIVXLC]+)`)

// zhLawHeading is a Chinese governing-law heading with its number:
// "第六条 准据法", "5. 适用法律和争议解决".
const zhLawHeading = `(?:第[一二三四五六七八九十百零〇\d]{1,6}[条章节款]\s*|\d{1,2}(?:\.\d{1,2})*[.)、]?\s*)?(?:(?:适用|管辖)法律|准据法|法律适用)(?:(?:及|与|和|、)(?:争议的?解决|管辖|司法管辖|仲裁))?`

// enLawHeading is the English of a governing-law heading with its number:
// "Article 5 Governing Law and Dispute Resolution", "6. Applicable Law".
const enLawHeading = `(?:(?:Article|ARTICLE|Section|SECTION|Clause|CLAUSE|Art\.)\s*[\dIVXLC]+(?:\.\d+)*[.:]?\s*|\d{1,2}(?:\.\d{1,2})*[.)]?\s*)?` +
	`(?i:governing\s+law|applicable\s+law|choice\s+of\s+law|law\s+applicable)` +
	`(?i:\s*(?:,|and|&)\s*(?:(?:settlement\s+of\s+)?disputes?(?:\s+resolution)?|jurisdiction|arbitration))*`

// zhJurisdictionNames are the places a Chinese clause names by the
// names the English clauses' values use (jurisdictionAlias): a bilingual
// contract's 中华人民共和国 and People's Republic of China, or one
// contract's 中国 and another's 中华人民共和国, were two governing laws in
// a register and its facet for one law.
var zhJurisdictionNames = map[string]string{
	"中华人民共和国": "People's Republic of China", "中国": "People's Republic of China",
	"中国大陆": "People's Republic of China", "中国内地": "People's Republic of China",
	"中华人民共和国大陆": "People's Republic of China", "中华人民共和国境内": "People's Republic of China",
	"香港": "Hong Kong", "香港特别行政区": "Hong Kong", "中华人民共和国香港特别行政区": "Hong Kong", "中国香港": "Hong Kong",
	"澳门": "Macau", "澳门特别行政区": "Macau", "中华人民共和国澳门特别行政区": "Macau", "中国澳门": "Macau",
	"台湾": "Taiwan", "台湾地区": "Taiwan", "中华民国": "Taiwan", "中国台湾": "Taiwan",
	"新加坡": "Singapore", "新加坡共和国": "Singapore", "美国": "United States", "美利坚合众国": "United States",
	"日本": "Japan", "日本国": "Japan", "德国": "Germany", "法国": "France", "英格兰": "England",
	"英格兰和威尔士": "England and Wales", "英格兰及威尔士": "England and Wales", "瑞士": "Switzerland", "韩国": "Republic of Korea",
}

// zhJurisdiction is the name a register files the place of a Chinese
// governing-law clause under (zhJurisdictionNames), with a law's own name
// after it dropped (中华人民共和国法律 is 中华人民共和国's law); a place it
// does not know stays as written.
func zhJurisdiction(place string) string {
	p := strings.TrimSuffix(strings.TrimSuffix(place, "法律"), "的")
	if name, ok := zhJurisdictionNames[p]; ok {
		return name
	}
	return place
}

// oneLawPerPlace keeps the first governing-law clause of each place a
// Chinese or bilingual contract names: the English clause that restates
// the Chinese one ("本合同适用中华人民共和国法律。" then "This Agreement
// shall be governed by the laws of the People's Republic of China.") is
// the same law, and a register listed it twice.
func oneLawPerPlace(x *collector) {
	first := map[string]int{}
	for _, f := range x.ents {
		if p, ok := first[f.e.Value]; f.e.Kind == KindGoverningLaw && f.e.Value != "" && (!ok || f.pos < p) {
			first[f.e.Value] = f.pos
		}
	}
	kept := x.ents[:0]
	for _, f := range x.ents {
		if f.e.Kind == KindGoverningLaw && f.e.Value != "" && f.pos != first[f.e.Value] {
			x.per[KindGoverningLaw]--
			continue
		}
		kept = append(kept, f)
	}
	x.ents = kept
}

// zhCurrencyName is the currency an amount's text names, "" when none:
// the first name in it, as the currency before the amount is the one
// meant (人民币…美元 is yuan, whatever comes after), and of two that start
// at the same place the longest ("新台币" rather than the "台币" it
// holds; the longest anywhere let a later, longer name win, and two of
// one length came in the map's random order).
func zhCurrencyName(span string) string {
	cur, at := "", len(span)
	for k := range zhCurrency {
		if k == "" {
			continue
		}
		if i := strings.Index(span, k); i >= 0 && (i < at || i == at && len(k) > len(cur)) {
			cur, at = k, i
		}
	}
	return cur
}

// chinese adds parties (甲方/乙方), amounts, citations, governing law and
// duties.
func chinese(x *collector, text string) {
	zhCitations(x, text)
	zhRoleParties(x, text, zhPartyRe)
	zhRoleParties(x, text, zhLabelledPartyRe)
	if !x.has(KindParty) {
		for _, m := range zhPartySpacedRe.FindAllStringSubmatchIndex(text, -1) {
			x.add(KindParty, text[m[4]:m[5]], strings.Join(strings.Fields(text[m[2]:m[3]]), ""), m[4])
		}
	}
	if !x.has(KindParty) {
		zhOfferParties(x, text)
	}
	zhMoney(x, text)
	zhDurations(x, text)
	start, dutyEnd := 0, 0
	for _, e := range zhSentenceEnds(text) {
		s := strings.TrimSpace(text[start:e[1]])
		if s != "" {
			if zhGovRe.MatchString(s) {
				if zhHeadingOnlyRe.MatchString(s) {
					start = e[1]
					continue // "第六条 准据法": the clause follows
				}
				place := ""
				for _, re := range zhGovPlace {
					if m := re.FindStringSubmatch(s); m != nil && place == "" {
						place = strings.TrimSuffix(strings.TrimSpace(m[1]), "的")
					}
				}
				if strings.ContainsRune(place, '法') {
					place = zhJurisdictionRe.FindString(place)
				}
				place = zhJurisdiction(place)
				if place == "" && numberedHeading(s) {
					start = e[1]
					continue // a heading of another shape: the clause under it names the law
				}
				law, at := stripZhArticleLabel(s, start)
				x.add(KindGoverningLaw, clip(stripZhHeading(law, zhGovRe.MatchString), maxSentenceChars), place, at)
			} else if start >= dutyEnd && zhDuty(s) != "" && hanRe.MatchString(s) {
				// the obligation is its whole sentence, as an English one
				// is across its "; ": "乙方应于每季度末支付当期利息；" alone
				// left out what follows the semicolon
				dutyEnd = zhClauseEnd(text, start, e[1])
				s, at := stripZhArticleLabel(text[start:dutyEnd], start)
				if h := stripZhHeading(s, func(h string) bool { return zhDuty(h) != "" }); len(h) < len(s) {
					at += len(s) - len(h)
					s = h
				}
				s = joinZhLines(s)
				x.add(KindObligation, clip(s, maxSentenceChars), zhDuty(s), at)
			}
		}
		start = e[1]
	}
}

// zhWordBeforeYing are the characters that make a 应 part of a word (相应,
// 供应, 对应, 反应, 适应, 响应, 回应, 答应, 理应, 效应), not a duty's modal.
const zhWordBeforeYing = "相供对反适响回答理效"

// zhDuty is the first duty's modal in s (zhDutyRe), or "".
func zhDuty(s string) string {
	for _, m := range zhDutyRe.FindAllStringIndex(s, -1) {
		r, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		if strings.HasPrefix(s[m[0]:], "应") && strings.ContainsRune(zhWordBeforeYing, r) {
			continue
		}
		return s[m[0]:m[1]]
	}
	return ""
}

// zhSentenceEnds is where zhSentEndRe ends text's sentences, less the
// line breaks that only wrap a sentence (zhWrapped). A PDF's lines break
// wherever the page is full: "乙方应于每季度开始前十日内" / "支付当季租金。"
// gave the duty without what is due.
func zhSentenceEnds(text string) [][]int {
	var out [][]int
	lineStart := 0
	for _, e := range zhSentEndRe.FindAllStringIndex(text, -1) {
		if text[e[0]] == '\n' {
			line := text[lineStart:e[0]]
			lineStart = e[1]
			if zhWrapped(line, text[e[1]:]) {
				continue
			}
		}
		out = append(out, e)
	}
	// the last sentence ends with the text even without its 。: a
	// contract's closing "本合同适用中国法律" was no sentence at all, and
	// its governing law was lost
	if last := lastEnd(out); strings.TrimSpace(text[last:]) != "" {
		out = append(out, []int{len(text), len(text)})
	}
	return out
}

// lastEnd is where the last of ends ends, 0 when there is none.
func lastEnd(ends [][]int) int {
	if len(ends) == 0 {
		return 0
	}
	return ends[len(ends)-1][1]
}

// minZhWrappedLine is the shortest line (runes) that zhWrapped takes for
// one a page's width broke: headings and labels are shorter.
const minZhWrappedLine = 20

// zhListStartRe opens a line with an article's or a list item's number:
// a new clause, whatever the line before it.
var zhListStartRe = regexp.MustCompile(`^(?:第[一二三四五六七八九十百千零〇两\d.]{1,8}[条款章节][ \t\x{3000}]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[、.．])`)

// zhWrapped reports whether a line break after line, before rest, only
// wraps a sentence: the line is long, ends in a Han character or a
// comma, and rest goes on in Han characters without opening a clause.
func zhWrapped(line, rest string) bool {
	line = strings.TrimSpace(line)
	rest = strings.TrimLeft(rest, " \t\u3000")
	last, _ := utf8.DecodeLastRuneInString(line)
	first, _ := utf8.DecodeRuneInString(rest)
	return utf8.RuneCountInString(line) >= minZhWrappedLine &&
		(unicode.Is(unicode.Han, last) || last == '，' || last == '、') &&
		unicode.Is(unicode.Han, first) && !zhListStartRe.MatchString(rest)
}

// joinZhLines joins the lines of a Chinese sentence as Chinese is
// written: without a space between Han characters, with one elsewhere.
func joinZhLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 0 && b.Len() > 0 && l != "" {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if prev < utf8.RuneSelf || next < utf8.RuneSelf {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// zhArticleLabelRe is the number a law's or contract's article opens
// with ("第十条 ", "第3.2条　"); the space after it tells it from a
// sentence that starts by citing an article ("第三条约定的价款…").
var zhArticleLabelRe = regexp.MustCompile(`^第[一二三四五六七八九十百千零〇两\d.]{1,8}[条款][ \t\x{3000}]+`)

// zhHeadingLeadRe is a clause's heading before its first sentence on
// the same line ("争议解决 本合同适用…", "付款方式：甲方应于…"): a few Han
// characters, then a space or a full-width colon. A party's label
// (甲方：, 出租方：) ends in 方 and is no heading.
var zhHeadingLeadRe = regexp.MustCompile(`^\p{Han}{1,9}[^\P{Han}方][ \t\x{3000}]*(?:[ \t\x{3000}]|：)[ \t\x{3000}]*`)

// stripZhHeading drops the heading a clause's sentence opens with, so
// that a register's governing law reads "本合同适用中华人民共和国法律。", not
// "争议解决 本合同适用…"; only where what is left still says what the
// sentence was found for (keeps it), so that a space inside a sentence
// ("乙方应当 按时付款") cuts nothing.
func stripZhHeading(s string, keeps func(string) bool) string {
	if m := zhHeadingLeadRe.FindString(s); m != "" && keeps(s[len(m):]) {
		return s[len(m):]
	}
	return s
}

// stripZhArticleLabel trims the obligation sentence raw (found at pos)
// and drops the article number it opens with, and says where what is left
// starts: the duty is "个人信息处理者应当…", not "第九条 个人信息处理者应当…",
// and the number is the document's own heading, not a citation.
func stripZhArticleLabel(raw string, pos int) (string, int) {
	s := strings.TrimLeftFunc(raw, unicode.IsSpace)
	pos += len(raw) - len(s)
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if m := zhArticleLabelRe.FindString(s); m != "" && len(m) < len(s) {
		return s[len(m):], pos + len(m)
	}
	return s, pos
}

// zhClauseEnd is the end of the sentence a clause of text that starts at
// start and ends at end is part of: past the clauses after it that a
// semicolon ("；") parts from it, to its 。！？ or line's end.
func zhClauseEnd(text string, start, end int) int {
	for strings.HasSuffix(text[start:end], "；") {
		next := zhSentEndRe.FindStringIndex(text[end:])
		if next == nil {
			return len(text)
		}
		start, end = end, end+next[1]
	}
	return end
}

// zhRoleParties adds the party each match of re names: re's first group
// is the party's role, its second the name.
func zhRoleParties(x *collector, text string, re *regexp.Regexp) {
	for at := 0; at < len(text); {
		m := re.FindStringSubmatchIndex(text[at:])
		if m == nil {
			return
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += at
			}
		}
		at = m[1]
		role := strings.Join(strings.Fields(text[m[2]:m[3]]), "")
		if zhFieldLabelRe.MatchString(role) {
			continue // "签字（乙方）：": a signature's field, not a role
		}
		name, ok := zhPartyName(text[m[4]:m[5]])
		if end := m[4] + strings.Index(text[m[4]:m[5]], name) + len(name); name != "" && end < m[5] {
			// the name was cut where the line's next column starts, which
			// may name the other side ("甲方：X　　乙方：Y"): the match had
			// taken its role, and that party was lost
			at = end
		}
		if ok {
			x.add(KindParty, name, role, m[4])
		}
	}
}

var (
	// zhAddresseeRe is its greeting, whose name is the person offered
	// the post: 尊敬的李华先生：.
	zhAddresseeRe = regexp.MustCompile(`尊敬的\s*(\p{Han}{2,4}?)\s*(?:先生|女士|小姐|同学|同志)`)
	// zhCompanyRe is a company's name with its legal form: 深圳前海数智科技有限公司.
	zhCompanyRe = regexp.MustCompile(`\p{Han}{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团公司)`)
	// zhBeforeCompanyRe are the words a sentence puts before the
	// company's name, which a run of Han characters takes in with it.
	// 您对 comes before 您, so that the thanks' 对 goes too (感谢您对X的关注).
	zhBeforeCompanyRe = regexp.MustCompile(`加入|入职|任职于|就职于|欢迎|您对|您|我们|我司|本公司|代表`)
)

// zhOfferParties adds an offer letter's parties, which it names by no
// role: the person its greeting addresses (受聘方) and the company that
// makes the offer (聘用方), the first it names. A 录用通知书 had none.
func zhOfferParties(x *collector, text string) {
	if !classify.ChineseOfferTitle(text) {
		return
	}
	if m := zhCompanyRe.FindStringIndex(text); m != nil {
		name := text[m[0]:m[1]]
		if loc := zhBeforeCompanyRe.FindAllStringIndex(name, -1); loc != nil {
			name = name[loc[len(loc)-1][1]:] // 欢迎您加入深圳…有限公司: the company only
		}
		x.add(KindParty, name, "聘用方", m[1]-len(name))
	}
	if m := zhAddresseeRe.FindStringSubmatchIndex(text); m != nil {
		x.add(KindParty, text[m[2]:m[3]], "受聘方", m[2])
	}
}

// zhPartyName is the name a party line gives after its colon, cut where
// the line goes on to something else; false when it names a role only.
func zhPartyName(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if loc := zhNextColumnRe.FindStringIndex(name); loc != nil {
		name = name[:loc[0]] // "上海星辰信息技术有限公司        乙方（签字）": the other side's signature
	}
	if loc := zhNameThenLatinRe.FindStringIndex(name); loc != nil {
		name = name[:loc[0]+len("公司")] // "深圳前海数智科技有限公司 Shenzhen Qianhai ...": the English name is cut at its comma
	}
	return name, !zhRoleOnlyRe.MatchString(name) // "甲方：出租方" names a role, not who plays it
}

var (
	// zhTermRe is a contract's period: 有效期为五年, 租赁期限三年, 为期
	// 两年, 合约期间为二年 (a year only here: 2024年 is a date). Other
	// periods are not the contract's: 试用期, 保修期, 逾期一日.
	zhTermRe = regexp.MustCompile(`(?:有效期|期限|租期|租赁期|合同期|合约期|协议期|服务期|聘期|雇佣期|为期)(?:限|间)?\s*(?:为|是|共计|合计|总计|共|[:：])?\s*(` + zhCount + `)` + zhCountAgain + `\s*(年半?|个月|个星期|周|天|日)`)
	// zhSpanRe is any other length of time: 30日内, 十五个工作日, 3个月.
	zhSpanRe = regexp.MustCompile(`(` + zhCount + `)` + zhCountAgain + `\s*(个月|个工作日|个星期|天|日(?:以?内))`)
	// zhNoticeRe is a notice period: 提前三十日 (书面通知), or counted back
	// from the term's end, 期满前三十日 (书面通知). A count of 日 alone is a
	// day of the month (每月10日), which zhSpanRe leaves; after 提前 (in
	// advance) or an end's 前 it is a length.
	zhNoticeRe = regexp.MustCompile(`(?:提前|(?:期满|届满|到期)(?:之日)?前)\s*(` + zhCount + `)` + zhCountAgain + `\s*(个月|个工作日|个星期|周|天|日)`)
	// zhYearsRe is years no period word names: 共二年, 共计三年, 满一年, 2年内,
	// 三年以内. A count of years alone is a date's year (2024年), so
	// zhDurations takes it only with the word before or after it.
	zhYearsRe = regexp.MustCompile(`(?:(?:共计|合计|总计|共|满)\s*)?(` + zhCount + `)` + zhCountAgain + `\s*(年半?)(?:\s*(?:以内|之内|内))?`)
	// zhPeriodRe is any other period said to last so long: 质保期为一年半,
	// 竞业限制期为二年 (the contract's own is zhTermRe's).
	zhPeriodRe = regexp.MustCompile(`期(?:限|间)?\s*(?:为|是|共计|合计|共|[:：])\s*(` + zhCount + `)` + zhCountAgain + `\s*(年半?|个月|个星期|周|天|日)`)
	// zhRenewRe is the length a contract renews for: 期满后自动续期一年,
	// 自动顺延一年, 续签两年. No period word or 共 stands before its count, so
	// the renewal a register files was missing.
	zhRenewRe = regexp.MustCompile(`(?:续期|续约|续签|续租|顺延|延续|续展)\s*(?:期限)?\s*(?:为|[:：])?\s*(` + zhCount + `)` + zhCountAgain + `\s*(年半?|个月|个星期|周|天|日)`)
)

// zhCountAgain is a count written again in brackets, in the other
// numerals: 三（3）年, 3（三）个月, as Chinese contracts often write it.
const zhCountAgain = `(?:\s*[（(]\s*(?:` + zhCount + `)\s*[）)])?`

// zhMaxYears bounds a count of years read without a period word before
// it: more is a date's year read in part (the 026 of 2026年内).
const zhMaxYears = 99

// zhOtherPeriodRe ends the text before a period that is not the
// contract's (保修期限, 试用期间, 付款期限).
var zhOtherPeriodRe = regexp.MustCompile(`(?:保修|试用|质保|保质|质量保证|付款|支付|交货|交付|开发|宽限|诉讼|时效|通知|考核|整改|培训|见习|观察|保密|竞业限制)$`)

// zhCount is a count of units, in digits or in any numerals ChineseNumber
// reads (lang.Numerals): a loan's 借款期限为壹年 and a lease's 租期參年 are
// written in financial numerals, which the rule's own list lacked.
const zhCount = `\d{1,3}|[` + lang.Numerals + `]{1,5}`

var zhUnit = map[string]string{"年": "year", "个月": "month", "个星期": "week", "周": "week", "天": "day", "日": "day", "个工作日": "day"}

// zhDurations adds the lengths of time of a Chinese text; the first
// contract period gives the expiration date, counted from the effective
// date (else the agreement date), when no date ends the term.
func zhDurations(x *collector, text string) {
	term := ""
	termText, termPos := "", 0
	for _, re := range []*regexp.Regexp{zhTermRe, zhSpanRe, zhPeriodRe, zhYearsRe, zhNoticeRe, zhRenewRe} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			n, ok := zhCountValue(text[m[2]:m[3]])
			unitText := strings.TrimSuffix(strings.TrimSuffix(text[m[4]:m[5]], "内"), "以")
			half := strings.HasSuffix(unitText, "半")
			unit := zhUnit[strings.TrimSuffix(unitText, "半")]
			if !ok || n <= 0 || unit == "" || numeralBefore(text, m[2]) || re == zhYearsRe && !yearsSaid(text, m, n) {
				continue
			}
			span := text[m[2]:m[1]]
			iso := isoDuration(int(n), unit)
			if half {
				iso = isoDuration(int(n)*12+6, "month") // 一年半: a year and a half
			}
			role := durationRole(text, m[2], m[1])
			if re == zhNoticeRe && !noticeRole(role) && !strings.HasPrefix(text[m[0]:], "提前") {
				continue // 租赁期满前三十日搬离: a day to act by, no notice and no period's length
			}
			if from, to := zhClauseAround(text, m[2]); x.spanHasRole(KindDuration, iso, role, from, to) {
				continue // 离职后二年内…，竞业限制期限为二年: one period, named twice
			}
			x.addRole(KindDuration, span, iso, role, m[2])
			if re == zhTermRe && term == "" && !zhOtherPeriodRe.MatchString(text[max(0, m[0]-9):m[0]]) {
				term, termText, termPos = iso, text[m[0]:m[1]], m[0]
			}
		}
	}
	zhRangeDurations(x, text)
	if term == "" || x.has(KindExpirationDate) {
		return
	}
	base := x.value(KindEffectiveDate)
	if base == "" {
		base = x.value(KindAgreementDate)
	}
	if end, ok := addDuration(base, term); ok {
		x.add(KindExpirationDate, termText, end, termPos)
	}
}

// zhRangeJoinRe joins the first and the last day of a Chinese range of
// dates: 自2026年3月1日起至2029年2月28日止, 2026年3月1日至2026年5月31日.
var zhRangeJoinRe = regexp.MustCompile(`^\s*(?:起|开始)?\s*(?:[,，]\s*)?(?:至|到|—|－|-|~|～)\s*$`)

// spanJoinRe joins the first and the last day of an English range of
// dates: "from 1 February 2026 to 31 January 2031", "begins on ... and
// ends on ...", "commencing ... and expiring ...", "... through ...".
var spanJoinRe = regexp.MustCompile(`(?i)^\s*,?\s*(?:to|through|thru|until|till|-|–|—|and\s+(?:(?:shall|will)\s+)?(?:end(?:s|ing)?|expir(?:e|es|ing)|terminat(?:e|es|ing)|conclud(?:e|es|ing))(?:\s+on)?)\s*(?:and\s+including\s+)?$`)

// rangeTermRe ends the words before a range of dates that is the term
// of the lease or contract itself ("The lease begins on", "This
// Agreement runs from"), which names no period word that durationRole
// knows.
var rangeTermRe = regexp.MustCompile(`(?i)\b(?:lease|tenancy|agreement|contract|employment|engagement|appointment)\s+(?:(?:shall|will)\s+)?(?:begins?|commences?|starts?|runs?|is\s+effective|(?:shall|will)\s+(?:be\s+)?(?:in\s+force|effective))\s+(?:on\s+|from\s+|as\s+of\s+)?$`)

// zhRangeDurations adds the length of each range of dates that a
// period's words name (合同期限自2026年3月1日起至2029年2月28日止 is a
// term of P3Y, 试用期自2026年3月1日起至2026年5月31日止 a probation of
// P3M): a register read no term or probation from a contract that dates
// its periods instead of counting them. A range no period word names
// (a delivery window) is left; a period the clause also counts
// (合同期限三年，自…至…止) is not added twice.
func zhRangeDurations(x *collector, text string) {
	rangeDurations(x, text, zhRangeJoinRe, func(from, to int) (int, int) { return zhClauseAround(text, from) })
}

// enRangeDurations is zhRangeDurations for English: "The term of this
// Lease is from 1 February 2026 to 31 January 2031" is a term of P5Y, as
// is "The lease begins on 1 February 2026 and ends on 31 January 2031".
func enRangeDurations(x *collector, text string) {
	rangeDurations(x, text, spanJoinRe, func(from, to int) (int, int) { return clauseBounds(text, from, to) })
}

// rangeDurations adds the length of each range of dates joined by join
// whose words name its period's role; clause bounds the text in which
// the same period, counted, means the range is not added again.
func rangeDurations(x *collector, text string, join *regexp.Regexp, clause func(from, to int) (int, int)) {
	ds := findDatesOrdered(text, x.dayFirst)
	for i := 0; i+1 < len(ds); i++ {
		a, b := ds[i], ds[i+1]
		if !join.MatchString(text[a.end:b.start]) {
			continue
		}
		iso, ok := rangeLength(a.iso, b.iso)
		if !ok {
			continue
		}
		role := durationRole(text, a.start, b.end)
		if role == "" && (rangeTermRe.MatchString(text[max(0, a.start-60):a.start]) || periodNameRe.MatchString(text[b.end:min(len(text), b.end+60)])) {
			role = RoleTerm // "The lease begins on ...", `... (the "Term")`
		}
		if role == RoleTerm && renewalEnd(text, a.start) {
			role = RoleRenewal // "the first renewal term commencing 1 March 2027 and ending on 29 February 2028"
		}
		if role == "" || noticeRole(role) || role == RolePayment || role == RoleCure {
			continue // a notice, payment or cure period is counted, not dated: a cue nearby is another's
		}
		if from, to := clause(a.start, b.end); x.spanHasRole(KindDuration, iso, role, from, to) {
			continue
		}
		x.addRole(KindDuration, text[a.start:b.end], iso, role, a.start)
		i++
	}
}

// zhClauseReach bounds the bytes either side of a position that
// zhClauseAround reads, so that a long text is not read again for each
// of its durations.
const zhClauseReach = 600

// zhClauseAround is the bounds of the Chinese sentence (or clause, up to
// a semicolon) that holds text[pos], at most zhClauseReach bytes either
// side.
func zhClauseAround(text string, pos int) (int, int) {
	from, to := max(0, pos-zhClauseReach), min(len(text), pos+zhClauseReach)
	if locs := zhSentEndRe.FindAllStringIndex(text[from:pos], -1); len(locs) > 0 {
		from += locs[len(locs)-1][1]
	}
	if loc := zhSentEndRe.FindStringIndex(text[pos:to]); loc != nil {
		to = pos + loc[0]
	}
	return from, to
}

// yearsSaid reports whether zhYearsRe's match m says a length of years
// (共二年, 2年内), not a date's year (2024年): a word before or after the
// count, and a count no date has.
func yearsSaid(text string, m []int, n int64) bool {
	return n <= zhMaxYears && (m[0] < m[2] || strings.HasSuffix(text[:m[1]], "内"))
}

// numeralBefore reports a digit or Chinese numeral right before pos: the
// count found there is the tail of a longer number.
func numeralBefore(text string, pos int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:pos])
	return unicode.IsDigit(r) || strings.ContainsRune(lang.Numerals, r)
}

func zhCountValue(s string) (int64, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	return lang.ChineseNumber(s)
}
