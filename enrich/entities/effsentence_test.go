package entities

import (
	"slices"
	"testing"
)

// A sentence that says when the agreement takes effect and names the day
// gives the day as the effective date's text: the register's cell was the
// whole sentence, and a sentence whose day the date rules did not read as
// effective listed it a second time as a plain date.
func TestEffectiveSentenceGivesTheDate(t *testing.T) {
	const head = "SERVICES AGREEMENT\n\nThis Services Agreement is made between Acme Corp. (\"Supplier\") and Beta LLC (\"Customer\").\n\n"
	for _, c := range []struct{ clause, text, value string }{
		{"1. This Agreement shall come into force on 1 April 2026.", "1 April 2026", "2026-04-01"},
		{"1. The effective date of this Agreement shall be March 3, 2026.", "March 3, 2026", "2026-03-03"},
		{"1. This Agreement shall take effect on the 3rd day of March, 2026 and continue until terminated.", "3rd day of March, 2026", "2026-03-03"},
	} {
		ents := Extract(head+c.clause+"\n\n2. Customer shall pay the fees monthly.\n", "en")
		var eff []string
		for _, e := range ents {
			if e.Kind == KindEffectiveDate {
				eff = append(eff, e.Text+"="+e.Value)
			}
		}
		if want := []string{c.text + "=" + c.value}; !slices.Equal(eff, want) {
			t.Errorf("%.50q: effective dates %q, want %q", c.clause, eff, want)
		}
		if got := valuesOf(ents, KindDate); slices.Contains(got, c.value) {
			t.Errorf("%.50q: the effective day listed again as a plain date %q", c.clause, got)
		}
	}
}

// A day the sentence runs until is no day it takes effect: "will begin on
// the date hereof ... and will continue until December 31, 2022" took
// effect on the day it ends.
func TestEffectiveSentenceNotItsEnd(t *testing.T) {
	text := "LICENSE AGREEMENT\n\nThis License Agreement is made as of November 25, 2019 between Alpha Media Inc. (\"Licensee\") and Beta Radio LLC (\"Programmer\").\n\n" +
		"1. The term of this Agreement will begin on the date hereof (the \"Commencement Date\"), and will continue until the earlier of (i) December 31, 2022, or (ii) the end of the Studio Lease.\n"
	ents := Extract(text, "en")
	if got := valuesOf(ents, KindEffectiveDate); slices.Contains(got, "2022-12-31") {
		t.Errorf("effective dates %q: the day the term ends", got)
	}
}
