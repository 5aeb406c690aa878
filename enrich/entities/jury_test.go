package entities

import "testing"

// A complaint's jury demand is an entity, valued "demanded" with the
// demanding party's role; its heading alone ("DEMAND FOR JURY TRIAL")
// demands one too, by no named side. Before, neither gave anything, and a
// register could not tell whether a jury was demanded.
func TestJuryDemand(t *testing.T) {
	caption := "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nBRIGHTWATER ANALYTICS, INC.,\nPlaintiff,\nv.\nNOVASPAN SYSTEMS LLC,\nDefendant.\n\nCase No. 5:24-cv-03817-BLF\n\nCOMPLAINT\n"
	for _, c := range []struct{ name, text, role string }{
		{"sentence", caption + "\nDEMAND FOR JURY TRIAL\n\n1. This is an action for breach of contract.\n\nJURY DEMAND\n\nPlaintiff demands a trial by jury on all issues so triable.\n", RolePlaintiff},
		{"heading", caption + "DEMAND FOR JURY TRIAL\n\n1. This is an action for breach of contract.\n", ""},
		{"none", caption + "\n1. This is an action for breach of contract.\n", "-"},
	} {
		got := "-"
		for _, e := range CourtEntities(c.text, "en") {
			if e.Kind == "jury_demand" && e.Value == "demanded" {
				got = e.Role
			}
		}
		if got != c.role {
			t.Errorf("%s: jury demand role %q, want %q (- for none)", c.name, got, c.role)
		}
	}
}

// A jury demand made under the party's short name is procedure too: a
// complaint's summary ended "Northstar demands a trial by jury on all
// issues so triable." A sentence that only mentions a demand is kept.
func TestJuryDemandByName(t *testing.T) {
	for s, want := range map[string]bool{
		"Northstar demands a trial by jury on all issues so triable.":        true,
		"Acme Widgets hereby demands a jury trial on all claims.":            true,
		"Plaintiff demands a trial by jury on all claims so triable.":        true,
		"The court struck the jury demand because it was filed too late.":    false,
		"Helix infringes the '567 patent and Northstar demands damages now.": false,
	} {
		if got := JuryDemand(s); got != want {
			t.Errorf("JuryDemand(%q) = %v, want %v", s, got, want)
		}
	}
}
