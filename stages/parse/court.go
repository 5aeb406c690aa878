package parse

import "github.com/docmill/docmill/enrich/entities"

// courtTitle is a court filing's title as a register lists it: its case
// name and its heading ("Penrose Homes Limited v Thames Valley Builders
// Limited — Consent Order"), the case name alone when the filing has no
// short heading; "" for a text that is no court filing or whose caption
// names no parties. A filing's first line is its court's ("IN THE HIGH
// COURT OF JUSTICE"), which titled every filing before that court alike;
// the case name tells cases apart, the heading a case's filings.
func courtTitle(text string) string {
	name := entities.CaseName(text)
	if name == "" {
		return ""
	}
	if h := entities.FilingHeading(text); h != "" {
		return name + " — " + h
	}
	return name
}
