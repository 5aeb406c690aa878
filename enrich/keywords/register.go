package keywords

import (
	"regexp"
	"sort"
)

// registerGateRe is what a contract's parties block or its governing-law
// clause says, in British, Irish, Australian and Singapore drafting: a
// text without any of it has no register details to leave out, and is
// read as before.
var registerGateRe = regexp.MustCompile(`(?i)registered\s+office|compan(?:y|ies)\s+(?:registration\s+)?(?:number|no\b)|registration\s+(?:number|no\b)|incorporated\s+and\s+registered|governed\s+by\s+and\s+construed|exclusive\s+jurisdiction|\b(?:ABN|ACN|UEN)\b|for\s+and\s+on\s+behalf\s+of`)

// registerRes are the parts of a text that say where a party is
// registered and sits, or which law and courts govern: "incorporated and
// registered in England and Wales with company number 08123456 whose
// registered office is at 4 Canal Wharf, Leeds LS11 5PS", "the law of
// England and Wales", "the courts of Ireland". A party's register
// details are in every UK agreement and say nothing of its subject, yet
// their words repeat with each party: "England", "Wales", "registered
// office", "company number" and the street "Canal Wharf" were five of a
// services agreement's ten key phrases. A detail runs to the bracket
// that names the party's role, a semicolon, a sentence's end or the
// line's.
var registerRes = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(?:incorporated|registered|established)(?:\s+and\s+registered)?\s+(?:in|under\s+the\s+laws?\s+of)\s[^()\n;]{0,240}?(?:\.\s|[()\n;]|$)`),
	regexp.MustCompile(`(?i)\b(?:(?:with|under)\s+)?(?:company|registration|registered)\s+(?:registration\s+)?(?:number|no\.?)\s[^()\n;]{0,240}?(?:\.\s|[()\n;]|$)`),
	regexp.MustCompile(`(?i)\b(?:whose\s+)?(?:registered\s+office|principal\s+place\s+of\s+business|registered\s+address)\s[^()\n;]{0,240}?(?:\.\s|[()\n;]|$)`),
	regexp.MustCompile(`\b(?:ABN|ACN|UEN)\s[^()\n;]{0,240}?(?:\.\s|[()\n;]|$)`),
	// the place after "the law(s) of" or "the courts of", in capitals
	// ("England and Wales", "New South Wales", "the Republic of Singapore")
	regexp.MustCompile(`\b(?:[Ll]aws?|[Cc]ourts?|[Jj]urisdiction)\s+of\s+(?:the\s+)?(?:(?:State|Commonwealth|Republic)\s+of\s+)?[A-Z][\w'-]*(?:\s+(?:and\s+)?[A-Z][\w'-]*)*`),
	// who signs for a party ("Signed by DR HELEN MARSH for and on behalf
	// of NORTHGATE BIOSCIENCES LIMITED"): the party's name after it stays
	regexp.MustCompile(`(?i)\b(?:signed|executed)\s+(?:as\s+a\s+deed\s+)?by\s+[^\n]{1,80}?(?:\s+for\s+and\s+on\s+behalf\s+of\b|\n|$)`),
	// the fixed phrases of drafting, whose nouns name nothing: "in
	// accordance with" gave "accordance", "in connection with"
	// "connection", "in relation to" "relation", as key phrases of UK,
	// Irish and Singapore agreements; and the heading over a UK
	// agreement's clauses, "AGREED TERMS"
	regexp.MustCompile(`(?i)\bin\s+(?:accordance|connection)\s+with\b|\bin\s+relation\s+to\b|\bin\s+respect\s+of\b|(?m:^[ \t]*AGREED\s+TERMS[ \t]*$)`),
}

// registerSpans are the byte ranges of text that registerRes match, in
// order; none when the text says nothing registerGateRe looks for.
func registerSpans(text string) [][2]int {
	if !registerGateRe.MatchString(text) {
		return nil
	}
	var out [][2]int
	for _, re := range registerRes {
		for _, m := range re.FindAllStringIndex(text, -1) {
			out = append(out, [2]int{m[0], m[1]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// dropRegisterWords makes the words inside text's register details
// (registerSpans) breaks, so that no key phrase is made of them nor runs
// through them.
func dropRegisterWords(text string, toks []etok) {
	spans := registerSpans(text)
	k := 0
	for i := range toks {
		for k < len(spans) && spans[k][1] <= toks[i].start {
			k++
		}
		for j := k; j < len(spans) && spans[j][0] <= toks[i].start; j++ {
			if toks[i].start < spans[j][1] {
				toks[i].kind = kindBreak
				break
			}
		}
	}
}
