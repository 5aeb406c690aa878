package entities

import "testing"

// A Word pleading's signature block is a paragraph a line, each a blank
// line apart as the DOCX parser writes them: its attorney signed "/s/"
// six newlines above "Attorneys for Plaintiff" and was no counsel, while
// the same filing as text named her.
func TestCounselSignedInWordParagraphs(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\n\nNORTHERN DISTRICT OF CALIFORNIA\n\nBRIGHTWATER ANALYTICS, INC.,\n\nPlaintiff,\n\nv.\n\nNOVASPAN SYSTEMS LLC,\n\nDefendant.\n\nCase No. 5:24-cv-03817-BLF\n\nCOMPLAINT\n\n" +
		"1. This is an action for breach of a Master Services Agreement.\n\nDated: June 28, 2024\n\n/s/ Laura M. Chen\n\nLaura M. Chen (SBN 287114)\n\nKESTREL & MOORE LLP\n\nAttorneys for Plaintiff Brightwater Analytics, Inc.\n"
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindCounsel {
			if e.Text != "Laura M. Chen" || e.Role != RolePlaintiff {
				t.Errorf("counsel %q (%s), want Laura M. Chen (plaintiff)", e.Text, e.Role)
			}
			return
		}
	}
	t.Error("no counsel")
}
