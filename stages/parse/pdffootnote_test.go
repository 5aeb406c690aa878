package parse

import (
	"strings"
	"testing"
)

// A numbered footnote set small at a page's foot goes to the aside,
// labelled with its number, where search finds it and analysis does not:
// in the body it read as a paragraph and led a regulator's paper's
// summary ("13 The European Banking Authority published ..."). A page
// number in the same small size stays where it was.
func TestPDFFootnotesToAside(t *testing.T) {
	p := mustParse(t, "statement.pdf", timesPDF(footnotePage([]string{
		"1. Purpose. This statement sets out the expectations of the Authority",
		"for firms that outsource critical or important functions to cloud",
		"service providers and other third parties.", "",
		"2. Background. The expectations build on the guidelines adopted at",
		"European level and on the results of a consultation.",
	}, []string{
		"13 The European Banking Authority published its Guidelines on outsourcing arrangements",
		"in February 2019.",
		"14 See the consultation paper CP 30/19.",
	}, "7")))
	if strings.Contains(p.Text, "European Banking Authority") || strings.Contains(p.Text, "CP 30/19") {
		t.Errorf("a footnote stayed in the body:\n%s", p.Text)
	}
	if !strings.Contains(p.Text, "on the results of a consultation.") || !strings.HasSuffix(strings.TrimSpace(p.Text), "\n7") {
		t.Errorf("the body or its page number lost:\n%s", p.Text)
	}
	want := "Footnote 13: The European Banking Authority published its Guidelines on outsourcing arrangements in February 2019.\n\n" +
		"Footnote 14: See the consultation paper CP 30/19."
	if p.Aside != want {
		t.Errorf("aside\n%s\nwant\n%s", p.Aside, want)
	}
}

// Small lines at a page's foot that open with no note's number (a
// caption, a legend) or a number and words in lower case (a browser's
// printed "2 sur 7") stay in the body.
func TestPDFSmallFootWithoutNumberStays(t *testing.T) {
	p := mustParse(t, "figure.pdf", timesPDF(footnotePage([]string{
		"The Authority received responses from the firms listed below.",
		"Most of them supported the proposals in the consultation.",
		"Some asked for a longer transition period.",
	}, []string{"2 sur 7 | 06/12/2023, 14:12", "Source: responses to the consultation, March 2021."}, "")))
	if !strings.Contains(p.Text, "Source: responses to the consultation") || !strings.Contains(p.Text, "2 sur 7") || p.Aside != "" {
		t.Errorf("text\n%s\naside %q", p.Text, p.Aside)
	}
}

// A court filing's footnotes that open in lower case ("14 see also",
// "15 id. at 45"), bracketed ("[16] The"), or carry a note over from the
// page before in lower case go to the aside too: they stayed in the body,
// where a note read as part of the argument. A line of a note that opens
// with a figure ("30 days ...") is no new note, and a browser's page
// count ("2 sur 7") still stays.
func TestPDFLowerCaseAndBracketedFootnotes(t *testing.T) {
	body := []string{
		"The Defendant moved to dismiss the complaint for lack of standing,",
		"and the Court heard argument on the motion in open court.", "",
		"The motion is denied for the reasons that follow in this order.",
	}
	page1 := footnotePage(body, []string{
		"14 see also Northwind Holdings v. Contoso, 512 F.3d 101 (2d Cir. 2008), which held",
		"30 days was a reasonable time.",
		"15 id. at 108.",
	}, "")
	page2 := footnotePage(body, []string{
		"cert. denied, 555 U.S. 1012 (2009).",
		"[16] The Plaintiff conceded the point at the hearing.",
	}, "")
	p := mustParse(t, "order.pdf", timesPDF(page1, page2))
	for _, note := range []string{"see also", "id. at", "cert. denied", "conceded"} {
		if strings.Contains(p.Text, note) {
			t.Errorf("a footnote (%q) stayed in the body:\n%s", note, p.Text)
		}
	}
	want := "Footnote 14: see also Northwind Holdings v. Contoso, 512 F.3d 101 (2d Cir. 2008), which held 30 days was a reasonable time.\n\n" +
		"Footnote 15: id. at 108. cert. denied, 555 U.S. 1012 (2009).\n\n" +
		"Footnote 16: The Plaintiff conceded the point at the hearing."
	if p.Aside != want {
		t.Errorf("aside\n%s\nwant\n%s", p.Aside, want)
	}
}
