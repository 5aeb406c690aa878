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
