package summarize

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/lang"
)

// A judgment's string of cited cases is no summary sentence: neither the
// part of a sentence before a semicolon that parts two citations, nor a
// sentence that only cites.
func TestSummarizeKeepsCitationsToTheirSentence(t *testing.T) {
	text := "Plaintiff alleges breach of contract. Defendant moves to dismiss under Rule 12(b)(6). " +
		"To survive a motion to dismiss, a complaint must contain sufficient factual matter to state a claim that is plausible on its face. " +
		"Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 570 (2007); Ashcroft v. Iqbal, 556 U.S. 662, 678 (2009). " +
		"The Court accepts the allegations as true.\n\n" +
		"This is a claim for damages under a charterparty. The principles of contractual interpretation are settled: see Arnold v Britton [2015] UKSC 36; " +
		"Wood v Capita Insurance Services Ltd [2017] UKSC 24; and Rainy Sky SA v Kookmin Bank [2011] UKSC 50. " +
		"The motion to dismiss is DENIED. Defendant shall answer the complaint within 21 days."
	units := Units(lang.Sentences(text, "en"), "en")
	for _, u := range units {
		if strings.HasSuffix(u, "UKSC 36;") || strings.HasSuffix(u, "(2007);") {
			t.Errorf("Units cut a sentence after a citation: %q", u)
		}
	}
	got := Summarize(lang.Sentences(text, "en"), Options{MaxChars: 600, Language: "en"})
	for _, frag := range []string{"Twombly", "Iqbal", "UKSC 36;"} {
		if strings.Contains(got, frag) && !strings.Contains(got, "principles of contractual") {
			t.Errorf("summary shows a citation as a sentence (%s): %q", frag, got)
		}
	}
	if !strings.Contains(got, "DENIED") {
		t.Errorf("summary lost the outcome: %q", got)
	}
}

// A semicolon between clauses still parts them; one after a number that
// is no citation ("Article 5 Directive 2009;") does too.
func TestUnitsSplitClausesAtSemicolons(t *testing.T) {
	u := Units([]string{"The Supplier shall deliver the goods; the Customer shall pay within Article 5 Directive 2009; and the rest follows."}, "en")
	if len(u) != 3 {
		t.Errorf("Units = %q, want three clauses", u)
	}
}

// A rule or a reporter cited in a sentence stays whole in its units, and
// so in the summary: a motion's "moves under Fed. R. Civ. P. 12(b)(6)"
// was summarised "moves under Fed. P. 12(b)(6)", the "R. Civ." unit
// dropped as a fragment.
func TestUnitsKeepCitationAbbreviations(t *testing.T) {
	text := "Defendant Zenith Automation LLC moves under Fed. R. Civ. P. 12(b)(6) to dismiss the Complaint. " +
		"The standard is settled in People v. Superior Court, 34 Cal. App. 4th 979, 988 (2004), and in Acme Ltd. v. Beta Co., 12 F. Supp. 3d 45 (S.D.N.Y. 2014)."
	units := Units(lang.Sentences(text, "en"), "en")
	if len(units) != 2 {
		t.Errorf("%d units, want 2: %q", len(units), units)
	}
	if got := Summarize(lang.Sentences(text, "en"), Options{MaxChars: 600, Language: "en"}); !strings.Contains(got, "Fed. R. Civ. P. 12(b)(6)") {
		t.Errorf("summary misquotes the rule: %q", got)
	}
}
