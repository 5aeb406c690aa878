package entities

import "regexp"

// KindJuryDemand is a filing's demand for a jury: the sentence that
// makes it ("Plaintiff demands a trial by jury on all issues so
// triable"), valued "demanded", with the demanding party's role as its
// role, or its heading alone ("DEMAND FOR JURY TRIAL"), with no role. A
// register records whether a jury was demanded, and by whom.
const KindJuryDemand = "jury_demand"

// JuryDemanded is a KindJuryDemand's value.
const JuryDemanded = "demanded"

var (
	// juryDemandRe is a party's demand for a jury in a sentence.
	juryDemandRe = regexp.MustCompile(`\b((?i:plaintiffs?|defendants?|petitioners?|claimants?|respondents?|appellants?))[ \t]+(?:(?:hereby|respectfully)[ \t]+)*demands?[ \t]+(?:a[ \t]+)?(?:trial[ \t]+by[ \t]+jury|jury[ \t]+trial)\b`)
	// juryHeadingRe is the demand as a heading of its own, in capitals:
	// "DEMAND FOR JURY TRIAL", "JURY TRIAL DEMANDED", "JURY DEMAND".
	juryHeadingRe = regexp.MustCompile(`(?m)^[ \t]*((?:DEMAND[ \t]+FOR[ \t]+(?:A[ \t]+)?JURY(?:[ \t]+TRIAL)?|JURY[ \t]+TRIAL[ \t]+DEMANDED|JURY[ \t]+DEMAND))[ \t]*$`)
)

// juryDemand adds a filing's jury demand: the sentence that names who
// demands it, else its heading.
func juryDemand(x *collector, text string) {
	if m := juryDemandRe.FindStringSubmatchIndex(text); m != nil {
		x.addRole(KindJuryDemand, text[m[0]:m[1]], JuryDemanded, captionRole(text[m[2]:m[3]]), m[0])
		return
	}
	if m := juryHeadingRe.FindStringSubmatchIndex(text); m != nil {
		x.addRole(KindJuryDemand, text[m[2]:m[3]], JuryDemanded, "", m[2])
	}
}

// JuryDemand reports a sentence that demands a jury: procedure, which a
// register keeps as the jury_demand entity, and no part of what a filing
// is about (a complaint's summary ended "Plaintiffs demand a trial by jury
// on all claims so triable.").
//
// A party named by its short name ("Northstar demands a trial by jury on
// all issues so triable.") demands one as well as "Plaintiff" does.
func JuryDemand(sentence string) bool {
	return juryDemandRe.MatchString(sentence) || namedJuryDemandRe.MatchString(sentence)
}

// namedJuryDemandRe is a jury demand made by a party under its name: a
// capitalised word or two, then "demands a trial by jury".
var namedJuryDemandRe = regexp.MustCompile(`\b\p{Lu}[\pL.&'’-]*(?:[ \t]+\p{Lu}[\pL.&'’-]*){0,3}[ \t]+(?:(?:hereby|respectfully)[ \t]+)*demands?[ \t]+(?:a[ \t]+)?(?:trial[ \t]+by[ \t]+jury|jury[ \t]+trial)\b`)
