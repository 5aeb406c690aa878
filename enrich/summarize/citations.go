package summarize

import (
	"regexp"
	"strings"
)

// citeEndRe is a case citation that ends a text: a neutral or law-report
// citation ("[2015] UKSC 36", "[2023] EWHC 1234 (Comm)", "(2013) 249 CLR
// 435") or a US reporter's with its pin cite and year ("550 U.S. 544, 570
// (2007)", "123 F.3d 456 (9th Cir. 1999)"). A US reporter needs its
// stop and its year, so that "Article 5 Directive 2009" is none.
var citeEndRe = regexp.MustCompile(`(?:\[(?:1[89]|20)\d{2}\]\s+(?:\d{1,4}\s+)?[A-Z][A-Za-z]{0,7}(?:\s+(?:Civ|Crim|Ch|Cr|App|R))?\s+\d{1,5}(?:\s+\([A-Za-z]{2,6}\))?|\((?:1[89]|20)\d{2}\)\s+\d{1,4}\s+[A-Z][A-Za-z]{1,6}\s+\d{1,5}|\b\d{1,4}\s+[A-Z][A-Za-z]*\.[A-Za-z0-9.]*(?:\s?(?:[A-Z][A-Za-z]*\.[A-Za-z0-9.]*|2d|3d|4th))*\s+\d{1,5}(?:,\s*\d{1,5}(?:[-–]\d{1,5})?)?\s+\([^()]{0,40}?(?:1[89]|20)\d{2}\))$`)

// citeBefore reports a semicolon at i of s that follows a case citation:
// it parts the cases a sentence cites ("see Arnold v Britton [2015] UKSC
// 36; Wood v Capita ..."), not two clauses, and cut there a summary
// showed "Arnold v Britton [2015] UKSC 36;" as a sentence of its own.
func citeBefore(s string, i int) bool {
	return s[i] == ';' && citeEndRe.MatchString(s[max(0, i-80):i])
}

// citationWords bounds a case citation's words with its name: a part
// longer than it says something of its own.
const citationWords = 14

// citationsOnly reports a unit that only cites cases ("Bell Atlantic
// Corp. v. Twombly, 550 U.S. 544, 570 (2007); Ashcroft v. Iqbal, 556 U.S.
// 662, 678 (2009).", or its tail "v. Twombly, ..." where the sentence
// splitter took "Corp." for a sentence's end): each of its parts between
// semicolons is a short one ending with a citation. It supports the
// sentence before it and says nothing alone.
func citationsOnly(s string) bool {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	for part := range strings.SplitSeq(s, ";") {
		part = strings.TrimSpace(part)
		if len(strings.Fields(part)) > citationWords || !citeEndRe.MatchString(part) {
			return false
		}
	}
	return s != ""
}
