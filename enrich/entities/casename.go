package entities

import (
	"regexp"
	"strings"

	"github.com/docmill/docmill/lang"
)

// CaseName is a court filing's case name as a register writes it, from
// its caption's parties: "Penrose Homes Limited v Thames Valley Builders
// Limited", "Brightwater Analytics, Inc. v. Novaspan Systems LLC", the
// first party on each side, "and others" after a side that names more.
// It is "" for a text CourtFiling rejects, or whose caption names no
// party on one of its sides. A filing's court line ("IN THE HIGH COURT OF
// JUSTICE") is every filing's before that court; its parties tell one
// case from another.
func CaseName(text string) string {
	if !CourtFiling(text) {
		return ""
	}
	head := lang.Clip(text, captionBytes)
	if zhCourtFiling(head) {
		return zhCaseName(head)
	}
	x := &collector{seen: map[string]bool{}}
	captionParties(x, head)
	var first, second []string
	for _, e := range x.sorted() {
		if e.Kind != KindParty {
			continue
		}
		if firstSide(e.Role) {
			first = append(first, e.Text)
		} else {
			second = append(second, e.Text)
		}
	}
	if len(first) == 0 || len(second) == 0 {
		return caseNameLine(head)
	}
	v := " v "
	if usVersusRe.MatchString(head) {
		v = " v. "
	}
	return side(first) + v + side(second)
}

// caseNameLineRe is a case's name on a line of its own, its sides
// either side of "v": "Harbour Point Developments Ltd v Marlow Insurance
// Company Ltd", with or without the sides' roles in brackets, and
// after its label where a minute entry or a docket labels it ("Case
// Name: Harlow Systems, Inc. v. Quintessa Labs LLC"), which is no part of
// the first side's name.
var caseNameLineRe = regexp.MustCompile(`^[ \t]*(?:(?i:case[ \t]+(?:name|title)|short[ \t]+title|title|caption)[ \t]*:[ \t]*)?([A-Z][^\n\[\]]{1,100}?)[ \t]+(?:v|vs|V)\.?[ \t]+([A-Z][^\n\[\]]{1,100}?)[ \t]*$`)

// caseNameLine is the name of a case whose caption names its parties on
// one line between its court's lines and its body, with no role line
// under them: a Court of Appeal judgment's "Smith v Jones" under its
// bench. "" when the caption has no such line before the body starts.
// Such a judgment was titled by its first line, its court's or its
// neutral citation, which every judgment of that court shares.
func caseNameLine(head string) string {
	for line := range strings.SplitSeq(head, "\n") {
		if proseLine(line) {
			return ""
		}
		m := caseNameLineRe.FindStringSubmatch(line)
		if m == nil || sentenceStop(line) || courtLineRe.MatchString(line) {
			continue
		}
		// the line's own "v." or "v": a US court's "Harmon v. Westfield"
		// was titled the English way, "Harmon v Westfield"
		v := " v "
		if usVersusRe.MatchString(line) {
			v = " v. "
		}
		return registerCase(withoutRole(m[1])) + v + registerCase(withoutRole(m[2]))
	}
	return ""
}

// caseLineParties adds the parties of a caption that names them only
// on its case-name line ("ACME CORP. v. BETA LLC"), with no role line:
// a judgment's or an order's short caption. Each side's role is the one
// the filing's text calls the parties by (sideRoles), or none where it
// names no single pair.
func caseLineParties(x *collector, head, text string) {
	for line := range strings.SplitSeq(head, "\n") {
		if proseLine(line) {
			return
		}
		m := caseNameLineRe.FindStringSubmatchIndex(line)
		if m == nil || sentenceStop(line) || courtLineRe.MatchString(line) {
			continue
		}
		first, second := sideRoles(text)
		pos := strings.Index(head, line)
		addParties(x, withoutRole(line[m[2]:m[3]]), first, pos+m[2])
		addParties(x, withoutRole(line[m[4]:m[5]]), second, pos+m[4])
		return
	}
}

// rolePairs are the pairs of roles a filing calls its two sides by.
var rolePairs = [][2]string{
	{RolePlaintiff, RoleDefendant}, {RoleClaimant, RoleDefendant}, {RoleClaimant, RoleRespondent},
	{RoleAppellant, RoleAppellee}, {RoleAppellant, RoleRespondent}, {RolePetitioner, RoleRespondent},
	{RoleApplicant, RoleRespondent},
}

// sideRoles is the one pair of roles (rolePairs) text uses both of, the
// first side's and the second's; "" for each where it uses none or
// several, as an appeal that speaks of the plaintiff below and of the
// appellant does: a side given the wrong role misleads more than one
// given none.
func sideRoles(text string) (string, string) {
	lower := strings.ToLower(text)
	var found [][2]string
	for _, p := range rolePairs {
		if roleWordRe(p[0]).MatchString(lower) && roleWordRe(p[1]).MatchString(lower) {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		return "", ""
	}
	return found[0][0], found[0][1]
}

// roleWordRe is a role's word, singular or plural, as a word of its own.
func roleWordRe(role string) *regexp.Regexp {
	return regexp.MustCompile(`\b` + role + `s?\b`)
}

// formStopRe is a line's last word that is a legal form or an "et al."
// abbreviated: "CORP.", "Inc.", "L.L.C.", "et al.".
var formStopRe = regexp.MustCompile(`(?i)(?:^|[\s,])(?:inc|corp|co|ltd|l\.l\.c|l\.l\.p|l\.p|n\.a|p\.c|p\.a|s\.a|n\.v|b\.v|pty|plc|llc|et[ \t]+al)\.$`)

// sentenceStop reports a line that ends a sentence with its stop, which
// no case-name line does: one that ends in an abbreviated legal form
// ("ACME CORP. v. BETA HOLDINGS CORP.") is a case's name all the same,
// which was missed, the filing titled by its court's line.
func sentenceStop(line string) bool {
	line = strings.TrimSpace(line)
	return strings.HasSuffix(line, ".") && !formStopRe.MatchString(line)
}

// roleSuffixRe is a party's role in brackets after its name.
var roleSuffixRe = regexp.MustCompile(`[ \t]*\([A-Za-z ]{3,30}\)[ \t]*$`)

// withoutRole is a side's name without its role in brackets: "Smith
// (Appellant)" is "Smith".
func withoutRole(name string) string {
	return strings.TrimSpace(roleSuffixRe.ReplaceAllString(name, ""))
}

// maxHeadingWords bounds a heading FilingHeading returns: a complaint's
// "COMPLAINT FOR BREACH OF CONTRACT AND ..." is its claims, no heading a
// register lists it by.
const maxHeadingWords = 6

// FilingHeading is a court filing's heading line, which names the
// filing's kind ("APPROVED JUDGMENT", "CONSENT ORDER"), in the case a
// register writes it ("Approved Judgment"); "" when the caption has none
// of at most maxHeadingWords words.
func FilingHeading(text string) string {
	for line := range strings.SplitSeq(lang.Clip(text, captionBytes), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.ToUpper(line) != line || len(strings.Fields(line)) > maxHeadingWords || courtLineRe.MatchString(line) {
			continue
		}
		if judgmentMarkRe.MatchString(line) || filingTitleRe.MatchString(line) {
			return registerCase(line)
		}
	}
	return ""
}

// firstSide reports a role named first in a case's name: the side that
// brought the claim or the appeal. An appellee is the plaintiff below,
// named second on appeal.
func firstSide(role string) bool {
	switch role {
	case RolePlaintiff, RoleClaimant, RoleAppellant, RoleApplicant, RolePetitioner:
		return true
	}
	return false
}

// usVersusRe is a caption's "v." or "vs.", as a US court writes it, on
// a line of its own or between the parties' names.
var usVersusRe = regexp.MustCompile(`(?m)^[ \t]*(?:v|vs|V|VS)\.[ \t]*$|[ \t](?:v|vs)\.[ \t]`)

// side is a side's name in a case name: its first party's, "and others"
// after it when the caption names more.
func side(names []string) string {
	n := registerCase(names[0])
	if len(names) > 1 {
		n += " and others"
	}
	return n
}

// registerCase writes a name the caption set in capitals as a register
// does, each word capitalised ("PENROSE HOMES LIMITED" is "Penrose Homes
// Limited"), joiners in lower case; a word without a vowel ("LLC",
// "LLP", "PLC") stays an abbreviation. A name in mixed case is kept.
func registerCase(name string) string {
	if strings.ToUpper(name) != name {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		words[i] = registerWord(w, i == 0)
	}
	return strings.Join(words, " ")
}

// registerWord is one word of registerCase.
func registerWord(w string, first bool) string {
	lower := strings.ToLower(w)
	if !first && joinerWords[strings.Trim(lower, ",")] {
		return lower
	}
	if form, ok := vowellessForms[strings.Trim(lower, ",")]; ok {
		return strings.Replace(lower, strings.Trim(lower, ","), form, 1)
	}
	if !strings.ContainsAny(lower, "aeiouy") {
		return w
	}
	r := []rune(lower)
	up := true
	for i, c := range r {
		if up && c >= 'a' && c <= 'z' {
			r[i] = c - 'a' + 'A'
		}
		// "O'NEILL" is "O'Neill", "SMITH-JONES" "Smith-Jones"
		up = c == '\'' || c == '’' || c == '-' || c == '(' || c == '.'
	}
	return string(r)
}

// vowellessForms are the legal forms without a vowel that are written as
// words, not abbreviations in capitals: "THAMES VALLEY BUILDERS LTD" is
// "Thames Valley Builders Ltd", not "... LTD".
var vowellessForms = map[string]string{"ltd": "Ltd", "ltd.": "Ltd.", "bhd": "Bhd", "bhd.": "Bhd.",
	// a civil-law company's form is an abbreviation though it has a
	// vowel: "ORION MARITIME SA" is "Orion Maritime SA", not "... Sa"
	"sa": "SA", "s.a.": "S.A.", "ag": "AG", "nv": "NV", "n.v.": "N.V.", "bv": "BV", "b.v.": "B.V.", "se": "SE",
	"spa": "SpA", "s.p.a.": "S.p.A.", "gmbh": "GmbH", "sarl": "SARL", "sas": "SAS"}

// joinerWords are the words a name keeps in lower case after its first.
var joinerWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "in": true, "on": true, "de": true}
