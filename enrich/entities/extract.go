// Package entities finds legal entities in contracts and regulations
// without a model: parties, dates (agreement, effective, expiration and
// other), money amounts, shares of a sum (a fine of 4 % of turnover), interest rates
// ("interest at 1.5% per month", 年利率6%), durations, governing law, defined terms,
// citations and obligation sentences, for English, with the basics for
// Chinese (甲方/乙方, dates, amounts, governing law).
package entities

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
)

// Entity kinds, as in document.Entity.
const (
	KindParty          = "party"
	KindAgreementDate  = "agreement_date"
	KindEffectiveDate  = "effective_date"
	KindExpirationDate = "expiration_date"
	KindComplianceDate = "compliance_date"
	KindDate           = "date"
	KindMoney          = "money"
	KindPercentage     = "percentage"
	KindInterestRate   = "interest_rate"
	KindDuration       = "duration"
	KindGoverningLaw   = "governing_law"
	KindDefinedTerm    = "defined_term"
	KindCitation       = "citation"
	KindObligation     = "obligation"
)

// Limits keep the entity list useful on long documents.
const (
	maxObligations = 20
	// obligationCandidates bounds the obligations gathered before
	// capObligations chooses maxObligations of them: a long contract's
	// candidates all count (the choice spreads over the document), a
	// pathological text's do not grow without end.
	obligationCandidates = 2000
	maxPerKind           = 50
	maxSentenceChars     = 400
	preambleChars        = 3000
)

// Extract returns the entities of text, deduplicated (by kind and
// normalised text), in a stable order: kinds in the order of the constants
// above, then by position. language is an ISO 639-1 code; "zh" (or Han
// text) adds the Chinese rules.
//
// Traditional Chinese is read as simplified (買方 as 买方, 準據法 as
// 准据法), so one set of rules reads both; an entity keeps the text as
// the document writes it, its value is folded.
func Extract(text, language string) []document.Entity {
	han := language == "zh" || hanRe.MatchString(text)
	original, folded := text, false
	if han {
		text, folded = lang.Simplified(text)
	}
	x := &collector{seen: map[string]bool{}}
	sents := sentences(text)
	parties(x, text)
	dates(x, text, sents)
	money(x, text)
	spelledMoney(x, text)
	percentages(x, text)
	interestRates(x, text, han)
	durations(x, text)
	governingLaw(x, sents)
	definedTerms(x, text)
	citations(x, text)
	obligations(x, sents)
	if han {
		chinese(x, text)
		oneLawPerPlace(x)
	}
	paymentFrequencies(x, text) // after chinese: 每三个月 is its duration
	amountRoles(x, text)
	escalations(x, text)
	warrantyStarts(x, text)
	x.capObligations()
	if folded {
		x.unfold(original, text)
	}
	return withoutPlainCopies(noExpiryBeforeStart(x.sorted()))
}

// capObligations keeps maxObligations of the obligations found: the
// first ones were kept, so a long contract lost every duty and prohibition
// after its first pages. Prohibitions (shall not, must not, 不得) keep up
// to half the places, being what a register most needs and the fewer; the
// rest go to the other duties; each group is sampled evenly through the
// document.
func (x *collector) capObligations() {
	var bans, duties []int
	for i, f := range x.ents {
		switch {
		case f.e.Kind != KindObligation:
		case prohibition(f.e.Value):
			bans = append(bans, i)
		default:
			duties = append(duties, i)
		}
	}
	if len(bans)+len(duties) <= maxObligations {
		return
	}
	nb := min(len(bans), maxObligations/2)
	nd := min(len(duties), maxObligations-nb)
	nb = min(len(bans), maxObligations-nd)
	keep := map[int]bool{}
	for _, i := range append(x.spread(bans, nb), x.spread(duties, nd)...) {
		keep[i] = true
	}
	kept := x.ents[:0]
	for i, f := range x.ents {
		if f.e.Kind != KindObligation || keep[i] {
			kept = append(kept, f)
		}
	}
	x.ents = kept
	x.per[KindObligation] = len(keep)
}

// spread is n of the entities at idx, evenly spaced by position in the
// text, the first among them.
func (x *collector) spread(idx []int, n int) []int {
	sort.SliceStable(idx, func(a, b int) bool { return x.ents[idx[a]].pos < x.ents[idx[b]].pos })
	out := make([]int, 0, n)
	for k := range n {
		out = append(out, idx[k*len(idx)/n])
	}
	return out
}

// prohibition reports an obligation's modal that forbids ("shall not",
// "may not", "is prohibited from", "agrees not to", 不得).
func prohibition(modal string) bool {
	return strings.Contains(modal, "not") || strings.Contains(modal, "prohibited") || strings.Contains(modal, "won") || strings.Contains(modal, "不得")
}

// withoutPlainCopies drops a plain date that another date entity already
// gives, as written and valued: the effective date a sentence rule found
// ("It shall apply from 25 May 2018") stayed listed as a plain date too.
func withoutPlainCopies(es []document.Entity) []document.Entity {
	typed := map[string]bool{}
	for _, e := range es {
		if e.Kind == KindAgreementDate || e.Kind == KindEffectiveDate || e.Kind == KindExpirationDate {
			typed[dedupKey(e.Text)+"\x00"+e.Value] = true
		}
	}
	if len(typed) == 0 {
		return es
	}
	out := es[:0]
	for _, e := range es {
		if e.Kind != KindDate || !typed[dedupKey(e.Text)+"\x00"+e.Value] {
			out = append(out, e)
		}
	}
	return out
}

// noExpiryBeforeStart drops the value of an expiration date that comes
// before the contract's effective (or, without one, agreement) date: the
// rule took another date of the sentence (a prior agreement's, a notice
// deadline's), and a term cannot end before it starts. The entity stays,
// its sentence being the expiration clause.
func noExpiryBeforeStart(es []document.Entity) []document.Entity {
	start := ""
	for _, kind := range []string{KindEffectiveDate, KindAgreementDate} {
		for _, e := range es {
			if e.Kind == kind && len(e.Value) == len("2006-01-02") && start == "" {
				start = e.Value
			}
		}
	}
	if start == "" {
		return es
	}
	for i, e := range es {
		if e.Kind == KindExpirationDate && len(e.Value) == len(start) && e.Value < start {
			es[i].Value = ""
		}
	}
	return es
}

// unfold gives back each entity's text as the original writes it, where
// folded (the original with traditional characters simplified, byte for
// byte) has it near the entity's position.
func (x *collector) unfold(original, folded string) {
	for i, f := range x.ents {
		if f.pos < 0 || f.pos >= len(folded) {
			continue
		}
		end := min(len(folded), f.pos+maxSentenceChars*4)
		if at := strings.Index(folded[f.pos:end], f.e.Text); at >= 0 {
			from := f.pos + at
			x.ents[i].e.Text = original[from : from+len(f.e.Text)]
		}
	}
}

// ForClass adapts entities to the document's class: a regulation is not
// agreed, so a date the contract rules took for its agreement date (a
// transposition deadline, a policy's "last updated") is a plain date, and
// it has no parties (the contract rules took "In the Annex to Regulation"
// and "Member States on cybersecurity awareness" for some) and no
// governing-law clause (an article on "the law of the Member State" was
// one, valued "Member States").
func ForClass(es []document.Entity, class string) []document.Entity {
	if class == "contract" {
		return es
	}
	out := es[:0]
	for _, e := range es {
		switch {
		case e.Kind == KindAgreementDate:
			e.Kind = KindDate
		case (e.Kind == KindParty || e.Kind == KindGoverningLaw) && class == "regulation":
			continue // a regulation has no parties, and is the law itself
		}
		out = append(out, e)
	}
	return withoutPlainCopies(out)
}

// tailOfParty reports a party name that ends one already found under the
// same alias ("KONG) LTD" of "SHBV (HONG KONG) LTD", both "Buyer"), which
// another rule cut; a fuller name found after the cut one replaces it.
func (x *collector) tailOfParty(text, value string) bool {
	if value == "" {
		return false
	}
	for i, f := range x.ents {
		if f.e.Kind != KindParty || f.e.Value != value {
			continue
		}
		switch {
		case strings.HasSuffix(f.e.Text, " "+text):
			return true
		case strings.HasSuffix(text, " "+f.e.Text):
			x.ents[i].e.Text = text
			return true
		}
	}
	return false
}

// collector gathers entities with their positions and removes duplicates.
type collector struct {
	// dayFirst reads the text's numeric dates day first (see dayFirst)
	dayFirst bool
	ents     []found
	seen     map[string]bool
	per      map[string]int
}

type found struct {
	e   document.Entity
	pos int
}

var spaceRe = regexp.MustCompile(`\s+`)

// add records an entity unless an equal one (same kind, same normalised
// text) is already there or its kind is full.
func (x *collector) add(kind, text, value string, pos int) {
	x.addRole(kind, text, value, "", pos)
}

// addRole is add with the entity's role (a duration's: notice, term);
// one length in two roles ("12 months" of warranty, "12 months" of
// non-compete) is two entities, as a register needs both.
func (x *collector) addRole(kind, text, value, role string, pos int) {
	text = strings.TrimSpace(spaceRe.ReplaceAllString(text, " "))
	if kind == KindParty {
		text = tidyParty(strings.TrimRight(text, `"”)`)) // a quote's or bracket's end, cut from its start
		if junkParty(text) {
			return
		}
		value = strings.TrimRight(value, ".,;: ") // "Shipper.", "HHFC,"
		if notPartyAlias.MatchString(value) && !roleAlias.MatchString(value) {
			value = "" // "Effective Date", "Agreement": the document's, not the party's
		}
	}
	if sentenceKinds[kind] {
		text, pos = withoutClauseNumber(text, pos)
	}
	if text == "" {
		return
	}
	key := kind + "\x00" + dedupKey(text)
	if kind == KindParty {
		key = kind + "\x00" + dedupKey(partyKey(text))
	}
	if kind == KindMoney && value != "" {
		// one amount, however written: "￥15,000" and "￥15,000元", and
		// "¥500,000.00" and "伍拾万元" (no zero cents in a value)
		if cur, amt, ok := strings.Cut(value, " "); ok && strings.Contains(amt, ".") {
			value = cur + " " + strings.TrimSuffix(strings.TrimRight(amt, "0"), ".")
		}
		key = kind + "\x00" + value
	}
	if role != "" {
		key += "\x00" + role
	}
	if kind == KindHearingDate {
		key += "\x00" + value // "3-5 July 2023" is two days, each a row
	}
	if x.seen[key] {
		if kind == KindParty {
			x.fuller(key, text, value)
		}
		return
	}
	if kind == KindParty && x.tailOfParty(text, value) {
		return
	}
	if x.per == nil {
		x.per = map[string]int{}
	}
	limit := maxPerKind
	if kind == KindObligation {
		limit = obligationCandidates
	}
	if x.per[kind] >= limit {
		return
	}
	x.per[kind]++
	x.seen[key] = true
	x.ents = append(x.ents, found{document.Entity{Kind: kind, Text: text, Value: value, Role: role}, pos})
}

// fuller gives the party found under key the longer of its two names
// ("Centrack International" and "CENTRACK INTERNATIONAL, INC.": the one
// with its legal form), and the role it lacked.
func (x *collector) fuller(key, text, value string) {
	for i := range x.ents {
		e := &x.ents[i].e
		if e.Kind != KindParty || KindParty+"\x00"+dedupKey(partyKey(e.Text)) != key {
			continue
		}
		if len(text) > len(e.Text) && strings.ToLower(text) != text {
			e.Text = text
		}
		if e.Value == "" {
			e.Value = value
		}
		return
	}
}

// drop removes the entities of kind that gone reports; their keys stay
// seen, so another rule does not find them again.
func (x *collector) drop(kind string, gone func(document.Entity) bool) {
	kept := x.ents[:0]
	for _, f := range x.ents {
		if f.e.Kind == kind && gone(f.e) {
			x.per[kind]--
			continue
		}
		kept = append(kept, f)
	}
	x.ents = kept
}

// dropAt removes the entities of kind found at pos: a date a more exact
// kind of it replaces.
func (x *collector) dropAt(kind string, pos int) {
	kept := x.ents[:0]
	for _, f := range x.ents {
		if f.e.Kind == kind && f.pos == pos {
			x.per[kind]--
			continue
		}
		kept = append(kept, f)
	}
	x.ents = kept
}

// has reports whether an entity of kind was found.
func (x *collector) has(kind string) bool { return x.per[kind] > 0 }

// hasValue reports whether an entity of kind has value v (a party whose
// alias is v).
func (x *collector) hasValue(kind, v string) bool {
	for _, f := range x.ents {
		if f.e.Kind == kind && strings.EqualFold(f.e.Value, v) {
			return true
		}
	}
	return false
}

// spanHas reports whether an entity of kind with value v (not empty) was
// found within [from, to): a sentence that repeats a date already taken
// from it ("commences on 1 April 2026 and continues for three years") is
// the same effective date, and a register listed it twice.
func (x *collector) spanHas(kind, v string, from, to int) bool {
	for _, f := range x.ents {
		if v != "" && f.e.Kind == kind && f.e.Value == v && f.pos >= from && f.pos < to {
			return true
		}
	}
	return false
}

// spanHasRole is spanHas for an entity that also has role.
func (x *collector) spanHasRole(kind, v, role string, from, to int) bool {
	for _, f := range x.ents {
		if v != "" && f.e.Kind == kind && f.e.Value == v && f.e.Role == role && f.pos >= from && f.pos < to {
			return true
		}
	}
	return false
}

// value is the value of the first entity of kind found with one.
func (x *collector) value(kind string) string {
	for _, f := range x.ents {
		if f.e.Kind == kind && f.e.Value != "" {
			return f.e.Value
		}
	}
	return ""
}

// aliasNearest gives alias to the nearest entity of kind that starts at
// most reach bytes before pos and has no value yet.
func (x *collector) aliasNearest(kind, alias string, pos, reach int) {
	best := -1
	for i, f := range x.ents {
		if f.e.Kind == kind && f.e.Value == "" && f.pos < pos && pos-f.pos <= reach && (best < 0 || f.pos > x.ents[best].pos) {
			best = i
		}
	}
	if best >= 0 {
		x.ents[best].e.Value = alias
	}
}

// dedupKey folds case, spacing and punctuation so that "ACME, INC." and
// "Acme, Inc" are one entity.
// partyKey is a party's name without a leading "the" and its legal form:
// "Centrack International" in the preamble and "CENTRACK INTERNATIONAL,
// INC." over the signature are one party.
func partyKey(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(withoutLegalForm(f), " ")
}

func dedupKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return s
	}
	return b.String()
}

var kindOrder = map[string]int{
	KindCourt: -2, KindCaseNumber: -1, KindJudge: -1, KindJudgmentDate: 1, KindHearingDate: 1,
	KindParty: 0, KindAgreementDate: 1, KindEffectiveDate: 2, KindExpirationDate: 3, KindComplianceDate: 4, KindDate: 5,
	KindMoney: 6, KindPercentage: 7, KindInterestRate: 8, KindDuration: 9, KindGoverningLaw: 10, KindDefinedTerm: 11, KindCitation: 12,
	KindObligation: 13, KindJuryDemand: 14,
}

func (x *collector) sorted() []document.Entity {
	sort.SliceStable(x.ents, func(i, j int) bool {
		a, b := x.ents[i], x.ents[j]
		if kindOrder[a.e.Kind] != kindOrder[b.e.Kind] {
			return kindOrder[a.e.Kind] < kindOrder[b.e.Kind]
		}
		return a.pos < b.pos
	})
	out := make([]document.Entity, 0, len(x.ents))
	for i, f := range x.ents {
		if !x.withinLonger(i) {
			out = append(out, f.e)
		}
	}
	return out
}

// withinLonger reports an amount that is the opening of a longer one found
// at the same place by another rule: "¥186" of "¥186万元" (CNY 186 beside
// CNY 1,860,000).
func (x *collector) withinLonger(i int) bool {
	a := x.ents[i]
	if a.e.Kind != KindMoney {
		return false
	}
	for j, b := range x.ents {
		if j != i && b.e.Kind == KindMoney && b.pos == a.pos && len(b.e.Text) > len(a.e.Text) && strings.HasPrefix(b.e.Text, a.e.Text) {
			return true
		}
	}
	return false
}

// sentence is a sentence with its offset in the text.
type sentence struct {
	text  string
	start int
}

// abbrevs end with a period without ending a sentence.
var abbrevs = []string{"inc.", "ltd.", "co.", "corp.", "no.", "nos.", "e.g.", "i.e.", "u.s.", "sec.", "art.", "mr.", "mrs.", "ms.", "dr.", "st.", "l.p.", "n.a.", "s.a.", "b.v.", "vs.", "etc.", "jr.", "p.", "pp.", "para.", "u.s.c."}

// sentences splits text at sentence ends (., ;, ! or ? before a space and a
// capital, a digit or a quote) and at blank lines, skipping abbreviations.
func sentences(text string) []sentence {
	var out []sentence
	start := 0
	emit := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if s != "" {
			out = append(out, sentence{text: s, start: start + strings.Index(text[start:end], s)})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' && (blankLineAfter(text, i) || clauseLineRe.MatchString(text[i+1:min(len(text), i+24)]) || labelLines(text, start, i)) {
			emit(i + 1)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if c == '.' && isAbbrev(text, i) {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == ')' || text[j] == '\'') {
			j++
		}
		if j >= len(text) || (text[j] != ' ' && text[j] != '\n' && text[j] != '\t') {
			continue
		}
		emit(j)
	}
	emit(len(text))
	return out
}

// clauseLineRe opens a line that starts a numbered clause ("2.1 The
// Employer must pay", "3. Either party may"): a heading on the line
// before it ("2. Remuneration") is no part of its first sentence, which
// was listed as the obligation "Remuneration 2.1 The Employer must pay
// ...". A wrapped line that opens on a number ("2.1 of this Agreement",
// "30 days after") goes on with a small letter or without a stop.
var clauseLineRe = regexp.MustCompile(`^[ \t]*(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)[ \t]+[A-Z"“(]`)

// labelLineRe is a line that opens with a label in title case and a
// colon: "Initial Term: 24 months", "Governing Law: England and Wales".
var labelLineRe = regexp.MustCompile(`^[ \t]*\p{Lu}[\pL'’&-]*(?:[ \t]+(?:of|the|and|[\p{Lu}(][\pL'’&()-]*)){0,4}[ \t]*[:：][ \t]*\S`)

// labelLines reports whether the newline at i ends a label line and opens
// another: a key-details table holds one fact a line, and joined they made
// one "sentence" (the expiration computed from "Initial Term: 24 months"
// read "Initial Term: 24 months Governing Law: England and Wales").
func labelLines(text string, start, i int) bool {
	ls := strings.LastIndexByte(text[start:i], '\n') + start + 1
	return labelLineRe.MatchString(text[ls:i]) && labelLineRe.MatchString(text[i+1:min(len(text), i+120)])
}

// blankLineAfter reports whether the newline at i is followed by a line
// holding only spaces.
func blankLineAfter(text string, i int) bool {
	for j := i + 1; j < len(text) && j < i+80; j++ {
		switch text[j] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return false
}

// isAbbrev reports whether the period at i ends a known abbreviation or a
// single letter / number ("Section 2.", "A.").
func isAbbrev(text string, i int) bool {
	k := i
	for k > 0 && text[k-1] != ' ' && text[k-1] != '\n' && text[k-1] != '(' {
		k--
	}
	w := strings.ToLower(text[k : i+1])
	for _, a := range abbrevs {
		if w == a {
			return true
		}
	}
	return len(w) <= 2 // "A." or "1."
}

// sentenceKinds are the kinds whose text is a whole sentence of the
// document rather than a value in it.
var sentenceKinds = map[string]bool{KindObligation: true, KindGoverningLaw: true, KindEffectiveDate: true, KindExpirationDate: true}

// clauseNumberRe is a clause's number before its first word, as English
// drafting numbers them ("2.1 This agreement", "1.1.1 the", "3. The",
// "(a) the", "Clause 10.1 This"): a dotted number, or one with a stop or
// bracket after it, before a capital, so that a sentence opening on a
// count ("30 days after", "2.5 million shares") keeps it; a sub-clause's
// three-part number may open a sentence in lower case.
var clauseNumberRe = regexp.MustCompile(`^(?:(?:[Cc]lause|CLAUSE|[Ss]ection|SECTION)\s+)?(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])\s+(?:\([a-zA-Z0-9]{1,4}\)\s+)?[A-Z("“]|^\d{1,3}(?:\.\d{1,3}){2,}\.?\s+[a-z]|^\([a-zA-Z0-9]{1,4}\)\s+[A-Za-z"“]` +
	// Chinese clauses: "二、", "3、", "4．", "（一）", "第五条 " before the clause's
	// first character; "第五条规定" cites the clause, and keeps it
	`|^(?:[一二三四五六七八九十]{1,3}|\d{1,3})[、．.]\s*\p{Han}|^[（(][一二三四五六七八九十\d]{1,3}[）)]\s*\p{Han}` +
	`|^第[一二三四五六七八九十百零〇\d]{1,5}条[\s\x{3000}:：]+\p{Han}`)

// withoutClauseNumber cuts the clause number a sentence opens with and
// moves pos past it: the number is where the sentence sits, not what it
// says, and a UK agreement numbers every clause ("2.1 This agreement
// shall commence ...").
func withoutClauseNumber(text string, pos int) (string, int) {
	loc := clauseNumberRe.FindStringIndex(text)
	if loc == nil {
		return text, pos
	}
	cut := loc[1] - 1 // the first letter (or quote) stays
	for cut > 0 && text[cut]&0xC0 == 0x80 {
		cut-- // back to a curly quote's first byte
	}
	return text[cut:], pos + cut
}

// clip cuts s to n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if cut := strings.LastIndexByte(s[:n], ' '); cut >= n/2 {
		return s[:cut] + "…"
	}
	return lang.Clip(s, n) + "…"
}
