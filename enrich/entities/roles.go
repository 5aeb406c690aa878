package entities

import (
	"regexp"
	"strings"
)

// Duration roles, as in document.Entity.Role: what a length of time is
// the length of.
const (
	RoleTerm    = "term"
	RoleRenewal = "renewal"
	RoleNotice  = "notice"
	// RoleProbationNotice is the notice either side gives while the
	// probation lasts ("During probation either party may end the
	// employment by giving one week's notice"): a register's notice
	// period is the one after it.
	RoleProbationNotice = "probation_notice"
	// RoleNonRenewalNotice is the notice a party gives to stop a term
	// renewing ("notice of non-renewal at least 60 days before the end of
	// the term"): a register tracks it apart from the notice that ends
	// the contract early, the date it falls due being another.
	RoleNonRenewalNotice = "non_renewal_notice"
	RoleProbation        = "probation"
	RolePayment          = "payment"
	RoleWarranty         = "warranty"
	RoleNonCompete       = "non_compete"
	RoleNonSolicit       = "non_solicit"
	RoleConfidentiality  = "confidentiality"
	RoleCure             = "cure"
	RoleLeave            = "leave"
)

// roleCue is a word that names a duration's role when it stands near it.
type roleCue struct {
	role string
	re   *regexp.Regexp
}

// roleCues are tried together; the cue nearest the duration wins, so
// that "one week's notice during the probationary period" is a notice
// period and "a probationary period of six months" a probation. On a tie
// the earlier cue wins: a Chinese cue takes its period word with it
// (保密期限为 ends where the term's 期限为 does), and renewal comes before
// term, a "renewal term" being a renewal's.
var roleCues = []roleCue{
	{RoleNotice, regexp.MustCompile(`(?i)\bnotice\b|提前|通知`)},
	{RoleProbation, regexp.MustCompile(`(?i)\bprobation(?:ary)?\b|试用期(?:限)?(?:为)?`)},
	{RoleNonCompete, regexp.MustCompile(`(?i)\bcompet(?:e|es|ing|ition|itor|itors)\b|\bnon-?compet\w*|\brestraint\b|竞业(?:限制)?(?:期限?)?(?:为)?|有竞争关系`)},
	{RoleNonSolicit, regexp.MustCompile(`(?i)\b(?:non-?)?solicit\w*|\bpoach\w*|\bentice\w*`)},
	// "warrants each Product for eighteen (18) months": the verb, with
	// what it warrants and "for" before the length; a "warrants that"
	// clause says what is warranted at more length ("warrants that the
	// Services will perform in accordance with the Documentation for
	// ninety (90) days")
	{RoleWarranty, regexp.MustCompile(`(?i)\bwarrant(?:y|ies)\b|\bwarrants?\s+(?:[\w-]+\s+){0,8}for\b|\bwarrants?\s+that\s+(?:[\w-]+\s+){1,10}?for\b|\bguarantee\s+period\b|\bdefects?\s+(?:liability|notification)\s+period\b|(?:保修|质保|保质|质量保证)(?:期限?)?(?:为)?`)},
	{RoleConfidentiality, regexp.MustCompile(`(?i)\bconfidential(?:ity)?\b|保密(?:期限?)?(?:为)?|商业秘密|保守`)},
	// the leave an employee is granted ("20 days' annual leave", 年假15天);
	// before payment, whose "paid" of "paid annual leave" ties with it
	{RoleLeave, regexp.MustCompile(`(?i)\b(?:paid\s+)?(?:(?:annual|personal|sick|carer['’]?s|compassionate|parental|maternity|paternity|long\s+service)(?:\s*/\s*carer['’]?s)?\s+|paid\s+)leave\b|(?:带薪)?年(?:休)?假(?:为)?|病假(?:为)?|产假(?:为)?|婚假(?:为)?|丧假(?:为)?`)},
	{RolePayment, regexp.MustCompile(`(?i)\bpa(?:y|ys|id|yable|yment|yments)\b|\binvoices?\b|\bremit\w*|支付|付款|付清|发票`)},
	{RoleCure, regexp.MustCompile(`(?i)\b(?:cure|cured|remedy|remedied|rectify|rectified)\b|纠正|整改`)},
	// "a further term": ending where "term" does, it ties with the term's
	// cue and wins, a renewal being named first; a "further period" is
	// a renewal's only when the term is extended by it (a cure may be given
	// one too), as is a length the term or agreement is extended by
	// ("may extend the Term by one (1) additional year", "the initial term
	// ... is hereby extended by twelve (12) months")
	{RoleRenewal, regexp.MustCompile(`(?i)\brenew(?:s|ed|al)?\b|\b(?:further|additional|successive|extension)\s+terms?\b|\bextended\s+(?:by|for)\s+(?:a|an|one)\s+(?:further|additional)\s+period\b|\bextend(?:s|ed)?\s+(?:the\s+|this\s+)?(?:initial\s+)?(?:term|agreement|contract|lease)\s+(?:by|for)\b|\b(?:term|agreement|contract|lease)\b[^.;]{0,40}?\b(?:is|are|be|shall\s+be)\s+(?:hereby\s+)?extended\s+(?:by|for)\b|续(?:签|约|期|租|展)(?:期限?)?(?:为)?|顺延|延续`)},
	{RoleTerm, regexp.MustCompile(`(?i)\b(?:initial\s+|fixed\s+)?term\b|\bfixed-term\b|\bcontinues?\s+(?:in\s+force\s+)?for\b|\bremains?\s+in\s+(?:full\s+)?(?:force|effect)\b|\bvalid\s+for\b|\b(?:shall|will)\s+expire\b|合同期限|协议期限|有效期|租(?:赁)?期|聘用期|期限为`)},
}

// afterTermRe follows a period that runs once the term is over ("for
// two (2) years thereafter", "six months following termination"): the
// term it names is where it starts, not what it is.
var afterTermRe = regexp.MustCompile(`(?i)^\s*(?:thereafter|after\s+(?:the\s+)?(?:expiry|expiration|termination|end)|following\s+(?:the\s+)?(?:expiry|expiration|termination|end))\b`)

var (
	// beforeEndAfterRe follows a length counted back from a period's end
	// ("sixty (60) days before the end of", "three (3) months prior to
	// the expiry of").
	beforeEndAfterRe = regexp.MustCompile(`(?i)^\s*(?:or\s+more\s+)?(?:prior\s+to|before|in\s+advance\s+of|preceding)\s+(?:the\s+)?(?:end|expir\w*|termination|conclusion)\b`)
	// zhBeforeEndRe ends the words before one in Chinese (租赁期满前,
	// 合同到期前, 届满之日前).
	zhBeforeEndRe = regexp.MustCompile(`(?:期满|届满|到期|终止)(?:之日)?前\s*$`)
)

// objectionRe is a party's objection to a renewal, the act a notice
// window before a term's end is for where the clause names no notice
// (期满前三十日内双方未提出异议的，自动续期一年; "unless either party
// objects in writing sixty (60) days before the expiry").
var objectionRe = regexp.MustCompile(`(?i)\bobject(?:s|ed|ion)?\b|异议|反对`)

// beforeEndOf reports whether the length between before and after is
// counted back from the end of a period.
func beforeEndOf(before, after string) bool {
	return beforeEndAfterRe.MatchString(after) || zhBeforeEndRe.MatchString(before)
}

// withinRe ends the words before a cue that names a period the duration
// falls in, not one it is the length of: "(during probation: 1 week)" is
// a notice period, not the probation.
var withinRe = regexp.MustCompile(`(?i)\b(?:during|throughout|within)\s+(?:the\s+|your\s+|its\s+|any\s+)?$`)

// surviveRe is a survival clause ("The obligations in this clause
// survive for five years"); it is a confidentiality period where its
// paragraph speaks of confidential information.
var surviveRe = regexp.MustCompile(`(?i)\bsurviv\w*`)

const (
	// roleReach bounds how far from a duration (in bytes, within its
	// sentence) a cue may stand.
	roleReach = 90
	// cueReach bounds how far back a cue that ends within roleReach of a
	// duration may start.
	cueReach = 2 * roleReach
	// roleAfterCost makes a cue after the duration count as farther than
	// one as far before it: drafting names the period first ("a notice
	// period of one month"), except a notice's ("three months' notice").
	roleAfterCost = 12
	// paragraphReach bounds the paragraph read for a survival clause's
	// subject.
	paragraphReach = 600
)

// durationRole is the role of the duration at text[start:end], or "".
func durationRole(text string, start, end int) string {
	from, to := clauseBounds(text, start, end)
	before, after := text[from:start], text[end:to]
	// a notice's purpose may stand further back than its cue ("renews
	// automatically for successive one-year terms unless either party
	// gives written notice at least 90 days before ...")
	purpose := text[clauseStartWithin(text, start, cueReach):start]
	if noticeAfterRe.MatchString(after) {
		return noticeIn(purpose, after) // "three months' written notice"
	}
	if beforeEndOf(before, after) && (roleCues[0].re.MatchString(before+after) || objectionRe.MatchString(before+after)) {
		// "notice of non-renewal at least sixty (60) days before the end
		// of the then-current term", 租赁期满前三个月书面通知: counted back
		// from the term's end, the term or renewal it names is not what
		// it is the length of
		return noticeIn(purpose, after)
	}
	best, bestDist := "", roleReach+1
	afterTerm := afterTermRe.MatchString(after)
	// a cue is near when it ends near the duration; a long one ("warrants
	// that the Services will perform in accordance with the Documentation
	// for") may start further back than roleReach
	cueText := text[clauseStartWithin(text, start, cueReach):start]
	for _, c := range roleCues {
		if afterTerm && (c.role == RoleTerm || c.role == RoleRenewal) {
			continue // "during the term and for two years thereafter": a restriction's
		}
		if ms := c.re.FindAllStringIndex(cueText, -1); len(ms) > 0 {
			last := ms[len(ms)-1]
			if d := len(cueText) - last[1]; d < bestDist && !(withinRe.MatchString(cueText[:last[0]]) && c.role != RoleNotice) {
				best, bestDist = c.role, d
			}
		}
		if m := c.re.FindStringIndex(after); m != nil {
			if d := m[0] + roleAfterCost; d < bestDist {
				best, bestDist = c.role, d
			}
		}
	}
	if best == "" && listItemRe.MatchString(before) {
		best = listLeadInRole(text, from)
	}
	if best == "" && surviveRe.MatchString(before+after) && strings.Contains(strings.ToLower(paragraphAround(text, start)), "confidential") {
		return RoleConfidentiality
	}
	if best == RoleNotice {
		return noticeIn(purpose, after)
	}
	return best
}

var (
	// listItemRe opens an item of an enumerated list: "(b) ", "ii) ",
	// "and (c) ".
	listItemRe = regexp.MustCompile(`(?i)^\s*(?:and\s+|or\s+)?\(?(?:[a-h]|i{1,3}|iv|vi{0,3}|\d{1,2})\)\s`)
	// listFirstRe marks a list's first item: "(a)", "(i)", "(1)", "a)".
	listFirstRe = regexp.MustCompile(`(?i)(?:^|\s)\(?(?:a|i|1)\)\s`)
	// leadInEndRe ends the text before a list's lead-in: a sentence's end
	// or a blank line.
	leadInEndRe = regexp.MustCompile(`[.!?]\s|\n\s*\n`)
)

// listReach bounds the bytes before a list item read for its list's
// lead-in.
const listReach = 600

// listLeadInRole is the role the lead-in of the list whose item starts at
// text[from] names: "(b) a warranty of 24 months from installation" stands
// after a "; " that ends its clause, and "(b) software: 90 days from
// installation" after "the following warranty periods:" names no role of
// its own, so a list's second and later periods had none (nor the event
// a warranty runs from).
func listLeadInRole(text string, from int) string {
	window := text[max(0, from-listReach):from]
	if ms := leadInEndRe.FindAllStringIndex(window, -1); len(ms) > 0 {
		window = window[ms[len(ms)-1][1]:]
	}
	firsts := listFirstRe.FindAllStringIndex(window, -1)
	if len(firsts) == 0 {
		return ""
	}
	lead := window[:firsts[len(firsts)-1][0]]
	lead = lead[max(0, len(lead)-roleReach):]
	best, bestDist := "", roleReach+1
	for _, c := range roleCues {
		if ms := c.re.FindAllStringIndex(lead, -1); len(ms) > 0 {
			if d := len(lead) - ms[len(ms)-1][1]; d < bestDist {
				best, bestDist = c.role, d
			}
		}
	}
	if best == RoleNotice {
		return noticeIn(lead, "")
	}
	return best
}

// duringProbation is the words of a clause that holds for the probation
// only ("during probation", "within the probationary period", 试用期内).
const duringProbation = `(?:\b(?:during|throughout|within|in)\s+(?:the\s+|your\s+|its\s+|any\s+|a\s+)?probation(?:ary)?\b|试用期(?:内|间|期间))`

var (
	// duringProbationRe finds duringProbation before a notice period.
	duringProbationRe = regexp.MustCompile(`(?i)` + duringProbation)
	// probationAfterRe follows a notice period that holds during the
	// probation ("one week's notice during the probationary period"); a
	// bracket after it ("1 month (during probation: 1 week)") names another.
	probationAfterRe = regexp.MustCompile(`(?i)^[\pL\s'’]{0,30}?` + duringProbation)
)

// nonRenewalRe is a notice's purpose to stop a renewal: "notice of
// non-renewal", "notice of its intention not to renew", 不再续签/不续约.
var nonRenewalRe = regexp.MustCompile(`(?i)\bnon-?renewal\b|\bnot\s+to\s+(?:renew|extend)\b|\bprevent\s+(?:the\s+|any\s+)?(?:automatic\s+)?renewal\b|不(?:再|予)?续(?:签|约|期|租)`)

// noticeIn is the role of a notice period between before and after in
// its clause: the probation's own notice where the clause holds during
// the probation only; the non-renewal notice where the clause gives
// notice to stop a renewal, or counts it back from the end of a term
// that renews ("renews for successive one-year terms unless either party
// gives notice at least 60 days before the end of the then-current
// term"). Both had been the notice that ends the contract early.
func noticeIn(before, after string) string {
	if duringProbationRe.MatchString(before) || probationAfterRe.MatchString(after) {
		return RoleProbationNotice
	}
	clause := before + after
	if nonRenewalRe.MatchString(clause) || beforeEndOf(before, after) && cueOf(RoleRenewal).MatchString(clause) && renewsUnlessRe.MatchString(clause) {
		return RoleNonRenewalNotice
	}
	return RoleNotice
}

// renewsUnlessRe makes a renewal the default a notice stops ("renews
// ... unless either party gives notice", 期满前未提出异议的，自动续期): a
// notice to renew ("may renew by giving notice", 如需续租，应于期满前三个
// 月书面通知) asks for what the other stops.
var renewsUnlessRe = regexp.MustCompile(`(?i)\bunless\b|\bobject|未|异议|反对`)

// noticeRole reports a notice period's role, whatever the notice is for.
func noticeRole(role string) bool { return role == RoleNotice || role == RoleNonRenewalNotice }

// cueOf is the cue of role in roleCues.
func cueOf(role string) *regexp.Regexp {
	for _, c := range roleCues {
		if c.role == role {
			return c.re
		}
	}
	panic("entities: no cue for role " + role)
}

var (
	// clauseEndRe ends the stretch a duration's cues are read in: a
	// sentence's or clause's end, or a blank line.
	clauseEndRe = regexp.MustCompile(`[.;!?。；！？]\s|[。；！？]|\n\s*\n`)
	// fieldLineRe is a line that opens a labelled field ("Probation
	// period: 6 months\nNotice period: 1 month"): the stretch ends before
	// it, its label being the next field's, and starts with it.
	fieldLineRe = regexp.MustCompile(`\n[ \t]*\pL[\pL\pM \t'’-]{0,40}[:：]`)
)

// clauseBounds is the stretch around text[start:end] within roleReach
// bytes that no sentence end crosses.
func clauseBounds(text string, start, end int) (int, int) {
	return clauseStartWithin(text, start, roleReach), clauseEndFrom(text, end)
}

// clauseStartWithin is where the clause before text[start] begins, at
// most reach bytes back.
func clauseStartWithin(text string, start, reach int) int {
	lo := max(0, start-reach)
	from := lo
	if ms := clauseEndRe.FindAllStringIndex(text[lo:start], -1); len(ms) > 0 {
		from = lo + ms[len(ms)-1][1]
	}
	if ms := fieldLineRe.FindAllStringIndex(text[lo:start], -1); len(ms) > 0 {
		from = max(from, lo+ms[len(ms)-1][0]+1)
	}
	return from
}

// clauseEndFrom is where the clause after text[end] ends, at most
// roleReach bytes on.
func clauseEndFrom(text string, end int) int {
	to := min(len(text), end+roleReach)
	for _, re := range []*regexp.Regexp{clauseEndRe, fieldLineRe} {
		if m := re.FindStringIndex(text[end:to]); m != nil {
			to = end + m[0]
		}
	}
	return to
}

// paragraphAround is the paragraph that holds text[pos], at most
// paragraphReach bytes either side.
func paragraphAround(text string, pos int) string {
	from := max(0, pos-paragraphReach)
	if i := strings.LastIndex(text[from:pos], "\n\n"); i >= 0 {
		from += i
	}
	to := min(len(text), pos+paragraphReach)
	if i := strings.Index(text[pos:to], "\n\n"); i >= 0 {
		to = pos + i
	}
	return text[from:to]
}
