package parse

import (
	"context"
	"strings"
	"testing"
)

func TestSetAsideLegends(t *testing.T) {
	for _, c := range []struct{ in, body, aside string }{
		{ // the legend glued to the title and to a page's text, as EDGAR's text has it
			`Exhibit 10.1 CERTAIN CONFIDENTIAL PORTIONS OF THIS EXHIBIT WERE OMITTED AND REPLACED WITH "[***]". A COMPLETE VERSION OF THIS EXHIBIT HAS BEEN FILED SEPARATELY WITH THE SECURITIES AND EXCHANGE COMMISSION. SUPPLY AGREEMENT
The price is [***] per Batch.
CERTAIN CONFIDENTIAL PORTIONS OF THIS EXHIBIT WERE OMITTED AND REPLACED WITH "[***]". A COMPLETE VERSION OF THIS EXHIBIT HAS BEEN FILED SEPARATELY WITH THE SECURITIES AND EXCHANGE COMMISSION. Fleet shall deliver the Product.`,
			"Exhibit 10.1 SUPPLY AGREEMENT\nThe price is [***] per Batch.\nFleet shall deliver the Product.",
			`Notice: CERTAIN CONFIDENTIAL PORTIONS OF THIS EXHIBIT WERE OMITTED AND REPLACED WITH "[***]".|Notice: A COMPLETE VERSION OF THIS EXHIBIT HAS BEEN FILED SEPARATELY WITH THE SECURITIES AND EXCHANGE COMMISSION.`,
		},
		{ // a stamp inside the contract's sentence, with its page number
			"If the Efficiency Level has [***] Confidential Treatment Requested 14 fallen, the Operator pays.",
			"If the Efficiency Level has fallen, the Operator pays.",
			"Notice: [***] Confidential Treatment Requested 14",
		},
		{ // a stamp that opens its sentence is the sentence
			"Exhibit 10.26 CONFIDENTIAL TREATMENT HAS BEEN REQUESTED AS TO CERTAIN PORTIONS OF THIS DOCUMENT. PROMOTION AGREEMENT",
			"Exhibit 10.26 PROMOTION AGREEMENT",
			"Notice: CONFIDENTIAL TREATMENT HAS BEEN REQUESTED AS TO CERTAIN PORTIONS OF THIS DOCUMENT.",
		},
		{ // the parties' own words about confidential treatment stay
			"Licensee shall request confidential treatment of the royalty rates. Omitted terms are listed in Schedule 2.",
			"Licensee shall request confidential treatment of the royalty rates. Omitted terms are listed in Schedule 2.",
			"",
		},
		{"The fee is 5 dollars.", "The fee is 5 dollars.", ""},
		{ // EDGAR's page footer, on a line of its own or after a page's last words
			"The Operator shall pay.\nSource: BLOOM ENERGY CORP, DRS/A (on S-1), 3/21/2018\nThe Owner shall inspect. Source: BLOOM ENERGY CORP, DRS/A (on S-1), 3/21/2018",
			"The Operator shall pay.\nThe Owner shall inspect.",
			"Filing: Source: BLOOM ENERGY CORP, DRS/A (on S-1), 3/21/2018",
		},
	} {
		body, notices := setAsideLegends(c.in)
		if body != c.body || strings.Join(notices, "|") != c.aside {
			t.Errorf("setAsideLegends(%q)\n = %q\n   %q\nwant %q\n   %q", c.in, body, strings.Join(notices, "|"), c.body, c.aside)
		}
	}
}

// A legend repeated on every page is in the aside once, and analysis,
// which reads the text, no longer sees it.
func TestParseSetsLegendAside(t *testing.T) {
	page := "[***] INDICATES MATERIAL THAT HAS BEEN OMITTED AND FOR WHICH CONFIDENTIAL TREATMENT HAS BEEN REQUESTED. ALL SUCH OMITTED MATERIAL HAS BEEN FILED WITH THE SECURITIES AND EXCHANGE COMMISSION PURSUANT TO RULE 24b-2."
	text := "MANUFACTURING AGREEMENT\n\n" + page + "\n\nAntares shall assemble the Devices.\n\n" + page + "\n\nAMAG shall pay the Price.\n"
	p, err := Parse(context.Background(), Input{Filename: "agreement.txt", Data: []byte(text)}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(p.Text, "OMITTED") || !strings.Contains(p.Text, "Antares shall assemble") || !strings.Contains(p.Text, "AMAG shall pay") {
		t.Errorf("text %q", p.Text)
	}
	if strings.Count(p.Aside, "Notice: ") != 2 || strings.Count(p.Aside, "INDICATES MATERIAL") != 1 {
		t.Errorf("aside %q", p.Aside)
	}
	if p.Title != "MANUFACTURING AGREEMENT" {
		t.Errorf("title %q", p.Title)
	}
}

// A legend that a PDF page wraps over three lines goes whole: its line
// ends ("request.", "Commission.") and the stamp's asterisks were left.
func TestWrappedLegendSetAside(t *testing.T) {
	text := "SUPPLY AGREEMENT\n*** Confidential treatment has been requested for redacted portions of this exhibit. This copy omits the information subject to the confidentiality\n" +
		"request. Omissions are designated as [***]. A complete version of this exhibit has been provided separately to the Securities and Exchange\nCommission.\n\nThis Supply Agreement is made by MediWound Ltd."
	body, notices := setAsideLegends(text)
	if body != "SUPPLY AGREEMENT\n\nThis Supply Agreement is made by MediWound Ltd." || len(notices) < 3 {
		t.Errorf("body %q\nnotices %q", body, notices)
	}
}
