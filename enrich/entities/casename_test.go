package entities

import (
	"slices"
	"strings"
	"testing"
)

// A case's name is its caption's first party on each side, the side that
// brought the claim first, in the case a register writes it; "and others"
// stands for the parties after the first. A contract is no case.
func TestCaseName(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"uk", "IN THE HIGH COURT OF JUSTICE\nCase No: CL-2024-000101\n\nBETWEEN:\n\n(1) O'NEILL FARMS LIMITED\n(2) BANK OF THE NORTH PLC\nClaimants\n- and -\n\nHARBOUR FREIGHT LLP\nDefendant\n\nCONSENT ORDER\n", "O'Neill Farms Limited and others v Harbour Freight LLP"},
		{"appeal", "UNITED STATES COURT OF APPEALS\nFOR THE NINTH CIRCUIT\n\nNo. 23-15501\n\nACME WIDGETS, INC.,\nPlaintiff-Appellee,\nv.\nROADRUNNER LOGISTICS CORP.,\nDefendant-Appellant.\n\nOPINION\n", "Roadrunner Logistics Corp. v. Acme Widgets, Inc."},
		{"ltd", "IN THE HIGH COURT OF JUSTICE\nKING'S BENCH DIVISION\n\nClaim No: KB-2023-002871\n\nBETWEEN:\n\nPENROSE HOMES LIMITED\nClaimant\n\n-and-\n\nTHAMES VALLEY BUILDERS LTD\nDefendant\n\nCONSENT ORDER\n", "Penrose Homes Limited v Thames Valley Builders Ltd"},
		{"sa", "IN THE HIGH COURT OF JUSTICE\nCase No: CL-2025-000412\n\nBetween :\nORION MARITIME SA\nClaimant\n- and -\nSTELLAR SHIPPING GMBH\nDefendant\n\nAPPROVED JUDGMENT\n", "Orion Maritime SA v Stellar Shipping GmbH"},
		{"contract", "SERVICES AGREEMENT\n\nThis Agreement is between Acme Ltd and Beta Ltd. The courts of England have jurisdiction.\n", ""},
	} {
		if got := CaseName(c.text); got != c.want {
			t.Errorf("%s: CaseName %q, want %q", c.name, got, c.want)
		}
	}
	if got := FilingHeading("IN THE HIGH COURT OF JUSTICE\nCase No: CL-2024-000101\n\nCONSENT ORDER\n"); got != "Consent Order" {
		t.Errorf("FilingHeading %q, want %q", got, "Consent Order")
	}
}

// "et al." after a side's first name stands for the others: the parties
// are the names before it, with their roles, whether the caption sets
// each side over its role line or runs it into one line. Before, the
// parties read "JOHN DOE, et al" and the one-line caption gave none.
func TestCaptionEtAl(t *testing.T) {
	for _, text := range []string{
		"UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nJOHN DOE, et al.,\n    Plaintiffs,\n  v.\nACME CORP., et al.,\n    Defendants.\n\nCase No. 3:24-cv-01234-JSC\n\nMOTION TO DISMISS\n",
		"JOHN DOE, et al., Plaintiffs, v. ACME CORP., et al., Defendants.\n\nCase No. 3:24-cv-01234-JSC\n\nUNITED STATES DISTRICT COURT\n\nORDER GRANTING MOTION TO DISMISS\n",
	} {
		want := []string{"party|JOHN DOE||plaintiff", "party|ACME CORP.||defendant"}
		var got []string
		for _, e := range CourtEntities(text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Kind+"|"+e.Text+"|"+e.Value+"|"+e.Role)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("parties %q, want %q in\n%s", got, want, text)
		}
		if name := CaseName(text); name != "John Doe v. Acme Corp." {
			t.Errorf("CaseName %q, want %q", name, "John Doe v. Acme Corp.")
		}
	}
}

// An English judgment sets each party's role beside its name
// ("HARGREAVES PROPERTY HOLDINGS LIMITED   Claimant/Appellant"), a gap
// that a text or PDF reader collapses to one space: the parties come
// with their roles, the appellate one on appeal, and give the case name.
// Before, the role's column was cut off and the judgment had neither.
func TestCaptionRoleBesideName(t *testing.T) {
	for _, gap := range []string{"          ", " "} {
		text := "Neutral Citation Number: [2024] EWCA Civ 512\n\nIN THE COURT OF APPEAL (CIVIL DIVISION)\n\nBetween:\n\n" +
			"HARGREAVES PROPERTY HOLDINGS LIMITED" + gap + "Claimant/Appellant\n- and -\nNORTHGATE ESTATES LIMITED" + gap + "Defendant/Respondent\n\n" +
			"APPROVED JUDGMENT\n\n1. The Claimant says the rent review was upwards only. The Defendant denies it.\n"
		want := []string{"party|HARGREAVES PROPERTY HOLDINGS LIMITED||appellant", "party|NORTHGATE ESTATES LIMITED||respondent"}
		var got []string
		for _, e := range CourtEntities(text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Kind+"|"+e.Text+"|"+e.Value+"|"+e.Role)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("gap %q: parties %q, want %q", gap, got, want)
		}
		if name := CaseName(text); name != "Hargreaves Property Holdings Limited v Northgate Estates Limited" {
			t.Errorf("gap %q: CaseName %q", gap, name)
		}
	}
}

// An Australian order names each side after its label ("BETWEEN: KOALA
// ENERGY PTY LTD" over "Applicant"): the names end at that line going
// up, and the file number above it is no party. It was read as the
// applicant, and the title read "NSD 1123 of 2022 and others v ...".
func TestCaptionSideLabelEndsNames(t *testing.T) {
	text := "FEDERAL COURT OF AUSTRALIA\n\nORDERS\n\nNSD 1123 of 2022\nBETWEEN: KOALA ENERGY PTY LTD (ACN 123 456 789)\nApplicant\n" +
		"AND: AUSTRALIAN COMPETITION AND CONSUMER COMMISSION\nRespondent\n\nORDER MADE BY: JACKMAN J\nDATE OF ORDER: 2 August 2024\n\nTHE COURT ORDERS THAT:\n1. The application is dismissed.\n"
	want := []string{"party|KOALA ENERGY PTY LTD||applicant", "party|AUSTRALIAN COMPETITION AND CONSUMER COMMISSION||respondent"}
	var got []string
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindParty {
			got = append(got, e.Kind+"|"+e.Text+"|"+e.Value+"|"+e.Role)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("parties %q, want %q", got, want)
	}
	if name := CaseName(text); name != "Koala Energy Pty Ltd v Australian Competition and Consumer Commission" {
		t.Errorf("CaseName %q", name)
	}
}

// A judgment's short caption names its parties only on its case-name
// line, with no role line: they had no party entities, though the
// title named them. Each side takes the roles the filing calls the
// parties by, or none where its text uses no single pair of them.
func TestCaseLineParties(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"district judgment", "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nACME CORP. v. BETA LLC\n\nCase No. 1:25-cv-04417 (JMF)\n\nFINAL JUDGMENT\n\nThe Court having granted plaintiff's motion, judgment is entered against defendant in the amount of $1,245,000.00.\n", "ACME CORP.|plaintiff BETA LLC|defendant"},
		{"no roles named", "IN THE COURT OF APPEAL (CIVIL DIVISION)\n\nCase No: CA-2025-001122\n\nHarbour Point Developments Ltd v Marlow Insurance Company Ltd\n\nJUDGMENT\n\n1. This appeal concerns the construction of a policy; the judge below was right.\n", "Harbour Point Developments Ltd| Marlow Insurance Company Ltd|"},
	}
	for _, c := range cases {
		var got []string
		for _, e := range CourtEntities(c.text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Text+"|"+e.Role)
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: parties %q, want %q", c.name, strings.Join(got, " "), c.want)
		}
	}
}

// A minute entry or a docket labels its case-name line: the label was
// read as the first party's name ("Case Name: Harlow Systems, Inc."),
// and the document titled by it.
func TestCaseNameLineLabelled(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nMINUTE ENTRY\n\nCase No. 3:24-cv-01882-WHO\n\nCase Name: Harlow Systems, Inc. v. Quintessa Labs LLC\n\nDate: January 14, 2026\n\nPROCEEDINGS: Case Management Conference held. Defendant shall produce the source code.\n"
	if got := CaseName(text); got != "Harlow Systems, Inc. v. Quintessa Labs LLC" {
		t.Errorf("case name %q", got)
	}
}

// A case-name line that ends in an abbreviated legal form ends with a
// stop, as a sentence does: it was passed over, the judgment titled by
// its court's line and given no parties.
func TestCaseNameLineEndingInForm(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nACME CORP. v. BETA HOLDINGS CORP.\n\nCase No. 1:25-cv-04417 (JMF)\n\nFINAL JUDGMENT\n\nThe Court having granted plaintiff's motion, judgment is entered against defendant.\n"
	if got := CaseName(text); got != "Acme Corp. v. Beta Holdings Corp." {
		t.Errorf("case name %q", got)
	}
}

// A case-name line keeps its own "v." or "v": a US syllabus's "HARMON v.
// WESTFIELD TRANSIT AUTHORITY" was titled the English way, "Harmon v
// Westfield Transit Authority".
func TestCaseNameLineKeepsVersus(t *testing.T) {
	for text, want := range map[string]string{
		"SUPREME COURT OF THE UNITED STATES\n\nHARMON v. WESTFIELD TRANSIT AUTHORITY\n\nNo. 24-517\n\nPetitioner Harmon sued respondent Westfield Transit Authority under Title VII.\n":                                           "Harmon v. Westfield Transit Authority",
		"IN THE COURT OF APPEAL (CIVIL DIVISION)\n\nCase No: CA-2025-001122\n\nHarbour Point Developments Ltd v Marlow Insurance Company Ltd\n\nJUDGMENT\n\n1. This appeal concerns the construction of a policy of insurance.\n": "Harbour Point Developments Ltd v Marlow Insurance Company Ltd",
	} {
		if got := CaseName(text); got != want {
			t.Errorf("case name %q, want %q", got, want)
		}
	}
}
