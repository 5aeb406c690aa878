package entities

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// usMemo is a federal memorandum order's caption and body, flattened as
// the parsers give it.
const usMemo = `UNITED STATES DISTRICT COURT
NORTHERN DISTRICT OF CALIFORNIA

ACME WIDGETS, INC.,
Plaintiff,
v.
BETA LOGISTICS LLC and GAMMA HOLDINGS CORP.,
Defendants.

Case No. 3:21-cv-04567-JSC

MEMORANDUM AND ORDER GRANTING IN PART DEFENDANTS' MOTION TO DISMISS

Plaintiff Acme Widgets, Inc. brings this action for breach of a shipping agreement dated March 3, 2020, seeking damages of $3,100,000. A complaint must state a plausible claim. Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 570 (2007); Smith v. Jones, 123 F.3d 456 (9th Cir. 1999). The economic loss rule bars the fraud claim against Beta. See Robinson Helicopter Co. v. Dana Corp., 34 Cal. 4th 979, 988 (2004).

IT IS SO ORDERED.

Dated: June 2, 2022
`

// ukJudgment is an English judgment's heading, its parties numbered.
const ukJudgment = `Neutral Citation Number: [2023] EWHC 1234 (Comm)
Case No: CL-2021-000456
IN THE HIGH COURT OF JUSTICE
Date: 19 May 2023
Between :
NORTHWIND SHIPPING LIMITED
Claimant
- and -
(1) EASTERLY COMMODITIES PLC
(2) MR DAVID PATEL
Defendants
JUDGMENT
1. Northwind claims unpaid hire of £1,875,000. See Arnold v Britton [2015] UKSC 36. Interest runs under s 35A of the Senior Courts Act 1981.
`

// auJudgment labels its parties before their names.
const auJudgment = `FEDERAL COURT OF AUSTRALIA
File number: NSD 1123 of 2022
Date of judgment: 12 July 2024
Applicant: AUSTRALIAN COMPETITION AND CONSUMER COMMISSION
Respondent: KOALA ENERGY PTY LTD
1 The respondent pay a pecuniary penalty of $12,500,000. It contravened s 52 of the Competition Act.
`

// caPleading is a two-column state court caption, its columns run together.
const caPleading = `SUPERIOR COURT OF THE STATE OF CALIFORNIA
FOR THE COUNTY OF LOS ANGELES
JANE DOE, an individual, Case No.: 23STCV01234
Plaintiff, COMPLAINT FOR DAMAGES
vs.
MEGACORP HOLDINGS, INC., a Delaware corporation; and DOES 1 through 50, inclusive,
Defendants.
Plaintiff Jane Doe alleges as follows.
`

// caption is the caption entities of es (court, case number, parties
// with their roles, judgment date) as "kind|text|value|role".
func caption(es []document.Entity) []string {
	var out []string
	for _, e := range es {
		switch e.Kind {
		case KindCourt, KindCaseNumber, KindParty, KindJudgmentDate:
			out = append(out, e.Kind+"|"+e.Text+"|"+e.Value+"|"+e.Role)
		}
	}
	return out
}

func TestCourtEntitiesCaption(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"us", usMemo, []string{
			"court|UNITED STATES DISTRICT COURT|UNITED STATES DISTRICT COURT, NORTHERN DISTRICT OF CALIFORNIA|",
			"case_number|3:21-cv-04567-JSC|3:21-cv-04567-JSC|",
			"party|ACME WIDGETS, INC.||plaintiff", "party|BETA LOGISTICS LLC||defendant", "party|GAMMA HOLDINGS CORP.||defendant",
			"judgment_date|June 2, 2022|2022-06-02|",
		}},
		{"uk", ukJudgment, []string{
			"court|IN THE HIGH COURT OF JUSTICE|HIGH COURT OF JUSTICE|",
			"case_number|[2023] EWHC 1234 (Comm)|[2023] EWHC 1234 (Comm)|neutral_citation",
			"case_number|CL-2021-000456|CL-2021-000456|",
			"party|NORTHWIND SHIPPING LIMITED||claimant", "party|EASTERLY COMMODITIES PLC||defendant", "party|MR DAVID PATEL||defendant",
			"judgment_date|19 May 2023|2023-05-19|",
		}},
		{"au", auJudgment, []string{
			"court|FEDERAL COURT OF AUSTRALIA|FEDERAL COURT OF AUSTRALIA|",
			"case_number|NSD 1123 of 2022|NSD 1123 of 2022|",
			"party|AUSTRALIAN COMPETITION AND CONSUMER COMMISSION||applicant", "party|KOALA ENERGY PTY LTD||respondent",
			"judgment_date|12 July 2024|2024-07-12|",
		}},
		{"ca", caPleading, []string{
			"court|SUPERIOR COURT OF THE STATE OF CALIFORNIA|SUPERIOR COURT OF THE STATE OF CALIFORNIA, FOR THE COUNTY OF LOS ANGELES|",
			"case_number|23STCV01234|23STCV01234|",
			"party|JANE DOE||plaintiff", "party|MEGACORP HOLDINGS, INC.||defendant",
		}},
	}
	for _, c := range cases {
		if !CourtFiling(c.text) {
			t.Errorf("%s: not read as a court filing", c.name)
		}
		if got := caption(CourtEntities(c.text, "en")); !slices.Equal(got, c.want) {
			t.Errorf("%s caption:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestCourtEntitiesCitationsAndMoney(t *testing.T) {
	es := CourtEntities(usMemo, "en")
	wantCites := []string{
		"Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 570 (2007)",
		"Smith v. Jones, 123 F.3d 456 (9th Cir. 1999)",
		"Robinson Helicopter Co. v. Dana Corp., 34 Cal. 4th 979, 988 (2004)",
	}
	if got := textsOf(es, KindCitation); !slices.Equal(got, wantCites) {
		t.Errorf("citations:\n got %q\nwant %q", got, wantCites)
	}
	if got := valuesOf(es, KindMoney); !slices.Equal(got, []string{"USD 3100000"}) {
		t.Errorf("money %q", got)
	}
	// the agreement the filing is about is a date, not the filing's agreement date
	if got := valuesOf(es, KindDate); !slices.Equal(got, []string{"2020-03-03"}) {
		t.Errorf("dates %q", got)
	}
	uk := textsOf(CourtEntities(ukJudgment, "en"), KindCitation)
	for _, want := range []string{"Arnold v Britton [2015] UKSC 36", "s 35A of the Senior Courts Act 1981"} {
		if !slices.Contains(uk, want) {
			t.Errorf("uk citations %q lack %q", uk, want)
		}
	}
	if slices.Contains(uk, "[2023] EWHC 1234 (Comm)") {
		t.Errorf("uk citations %q hold the judgment's own neutral citation", uk)
	}
	if au := textsOf(CourtEntities(auJudgment, "en"), KindCitation); !slices.Contains(au, "s 52 of the Competition Act") {
		t.Errorf("au citations %q", au)
	}
	// the word that leads into a citation is no part of the case's name
	led := strings.Replace(usMemo, "Bell Atlantic Corp. v. Twombly", "Under Bell Atlantic Corp. v. Twombly", 1)
	if got := textsOf(CourtEntities(led, "en"), KindCitation); !slices.Contains(got, wantCites[0]) {
		t.Errorf("citations after \"Under\" %q lack %q", got, wantCites[0])
	}
}

// A contract that names courts and a case is no court filing.
func TestCourtFilingNotContract(t *testing.T) {
	contract := "MASTER SERVICES AGREEMENT\nThis Agreement is made on 1 May 2024 between Acme Ltd and Beta Inc.\n" +
		"17. Disputes\nThe courts of England shall have exclusive jurisdiction.\nSupreme Court\nIn the matter of Case No. 12-345 the Supplier shall notify the Customer.\n"
	if CourtFiling(contract) {
		t.Error("a contract read as a court filing")
	}
}

// A complaint's "Dated:" line dates the pleading, not a judgment: it was
// exported as the matter's judgment date. An order's stays one.
func TestComplaintDateIsNoJudgmentDate(t *testing.T) {
	complaint := "SUPERIOR COURT OF THE STATE OF CALIFORNIA\nCOUNTY OF SAN FRANCISCO\n\n" +
		"BLUE RIVER LOGISTICS LLC,\nPlaintiff,\nv.\nHARBOUR FREIGHT CO.,\nDefendant.\n\nCase No. CGC-23-604512\n\n" +
		"COMPLAINT FOR BREACH OF CONTRACT\n\nPlaintiff demands judgment against Defendant for $480,000 and costs.\n\n" +
		"Dated: March 1, 2023\n\nBy: /s/ Jane Counsel\nAttorney for Plaintiff\n"
	es := CourtEntities(complaint, "en")
	if got := valuesOf(es, KindJudgmentDate); len(got) != 0 {
		t.Errorf("complaint's judgment dates %q, want none", got)
	}
	order := strings.Replace(complaint, "COMPLAINT FOR BREACH OF CONTRACT", "ORDER ON DEMURRER", 1)
	if got := valuesOf(CourtEntities(order, "en"), KindJudgmentDate); !slices.Equal(got, []string{"2023-03-01"}) {
		t.Errorf("order's judgment dates %q, want 2023-03-01", got)
	}
}

// A case cited in parallel is one row with its name and both citations:
// the second citation came out as a row of its own, without the name, and
// a case name wrapped onto the line before its citation was lost.
func TestCourtParallelCitations(t *testing.T) {
	text := "IN THE HIGH COURT OF JUSTICE\nCase No: CL-2021-000456\n\nApproved Judgment\n\n" +
		"1. The principles of contractual interpretation are settled: Arnold v Britton [2015] UKSC 36; [2015] AC 1619 and Wood v Capita Insurance Services Ltd\n" +
		"[2017] UKSC 24; [2017] AC 1173. See also Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 127 S. Ct. 1955 (2007).\n\n" +
		"2. As the High Court said in Smith v Jones [2019] HCA 5; (2019) 265 CLR 1 at [12], the test is objective. " +
		"Reported decisions [2010] AC 1 and [2011] AC 2 were not cited to us.\n"
	es := CourtEntities(text, "en")
	want := map[string]string{
		"Arnold v Britton [2015] UKSC 36; [2015] AC 1619":                      "[2015] UKSC 36; [2015] AC 1619",
		"Wood v Capita Insurance Services Ltd [2017] UKSC 24; [2017] AC 1173":  "[2017] UKSC 24; [2017] AC 1173",
		"Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 127 S. Ct. 1955 (2007)": "550 U.S. 544, 127 S. Ct. 1955 (2007)",
		"Smith v Jones [2019] HCA 5; (2019) 265 CLR 1":                         "[2019] HCA 5; (2019) 265 CLR 1",
		"[2010] AC 1": "[2010] AC 1",
		"[2011] AC 2": "[2011] AC 2",
	}
	got := map[string]string{}
	for _, e := range es {
		if e.Kind == KindCitation {
			got[e.Text] = e.Value
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("citations:\n got %q\nwant %q", got, want)
	}
}

// An act named alone is cited as a statute, without the words that lead
// into it; only a section of a named act was, and a line wrapped within
// one ("section 3\nof the ... Act") lost the act.
func TestCourtNamedActs(t *testing.T) {
	text := "FEDERAL COURT OF AUSTRALIA\nFile number: NSD 1123 of 2022\n\nLegislation: Competition and Consumer Act 2010 (Cth) Sch 2\nCorporations Act 2001 (Cth)\n\n" +
		"1 The claimant relies on the Human Rights Act 1998 and on section 3\nof the Misrepresentation Act 1967. Under the Sherman Act the claim fails. " +
		"The Lanham Act claim survives. This Act applies, and the Act says so.\n"
	want := []string{"Competition and Consumer Act 2010 (Cth)", "Corporations Act 2001 (Cth)", "Human Rights Act 1998",
		"section 3 of the Misrepresentation Act 1967", "Sherman Act", "Lanham Act"}
	got := textsOf(CourtEntities(text, "en"), KindCitation)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("citations:\n got %q\nwant %q", got, want)
	}
}

// The judge a filing is before, or signed by, is an entity of its own: a
// register of matters files them by judge, and none was extracted.
func TestCourtJudges(t *testing.T) {
	for _, c := range []struct{ name, text string }{
		{"Lord Justice Smith", "IN THE COURT OF APPEAL (CIVIL DIVISION)\nCase No: A3/2022/0123\n\nBefore: Lord Justice Smith\n\nBetween:\n\nALPHA LIMITED\nAppellant\n- and -\nBETA PLC\nRespondent\n"},
		{"MR JUSTICE HENSHAW", "IN THE HIGH COURT OF JUSTICE\nCase No: CL-2021-000456\n\nBefore :\n\nTHE HONOURABLE MR JUSTICE HENSHAW\n\nBetween :\n\nALPHA SHIPPING LIMITED\nClaimant\n"},
		{"Kiefel CJ", "HIGH COURT OF AUSTRALIA\n\nSMITH v JONES [2019] HCA 5\n\nJUDGE: Kiefel CJ\n\nDate of judgment: 13 March 2019\n"},
		{"Jane Roe", "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nCase No. 1:22-cv-01234\n\nORDER\n\nThe motion is DENIED. Before the Court is nothing else.\n\nIT IS SO ORDERED.\n\nHon. Jane Roe, United States District Judge\n"},
		{"Jacqueline Scott Corley", "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nCase No. 3:21-cv-04567-JSC\n\nORDER\n\nIT IS SO ORDERED.\n\nDated: June 2, 2022\n\n______________\nJacqueline Scott Corley\nUnited States District Judge\n"},
	} {
		if got := textsOf(CourtEntities(c.text, "en"), KindJudge); !slices.Equal(got, []string{c.name}) {
			t.Errorf("judges %q, want %q", got, c.name)
		}
	}
}

// "Before :" over a Court of Appeal's bench, a judge a line with "and"
// before the last, gives each judge: only the first was found.
func TestCourtBenchUnderBeforeLabel(t *testing.T) {
	text := "IN THE COURT OF APPEAL (CIVIL DIVISION)\nCase No: CA-2022-001544\n\nDate: 24/10/2023\n\nBefore :\n\nLORD JUSTICE MALES\nLADY JUSTICE ELISABETH LAING\nand\nLORD JUSTICE SNOWDEN\n\n- - - - - - - -\nBetween :\n\nNORTHERN LIGHT SHIPPING LIMITED\nAppellant\n- and -\nATLAS MARINE INSURANCE PLC\nRespondent\n"
	want := []string{"LORD JUSTICE MALES", "LADY JUSTICE ELISABETH LAING", "LORD JUSTICE SNOWDEN"}
	if got := textsOf(CourtEntities(text, "en"), KindJudge); !slices.Equal(got, want) {
		t.Errorf("judges %q, want %q", got, want)
	}
}

// A filing written in a word processor comes with its paragraphs a blank
// line apart, the judge's initials after the case number and the judge
// named twice (the opinion's first line, the signature): the district
// line, the case number and the judge were lost, or the judge was two
// rows.
func TestCourtFilingFromWordProcessor(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\n\nSOUTHERN DISTRICT OF NEW YORK\n\nACME WIDGETS, INC.,\n\nPlaintiff,\n\n- against -\n\nBETA SYSTEMS LLC,\n\nDefendant.\n\n" +
		"Case No. 1:22-cv-01234 (JMR)\n\nMEMORANDUM OPINION AND ORDER\n\nJANE ROE, United States District Judge:\n\nThe motion is GRANTED.\n\nSO ORDERED.\n\nHon. Jane Roe\nUnited States District Judge\n"
	es := CourtEntities(text, "en")
	if got := valuesOf(es, KindCourt); !slices.Equal(got, []string{"UNITED STATES DISTRICT COURT, SOUTHERN DISTRICT OF NEW YORK"}) {
		t.Errorf("court %q", got)
	}
	if got := valuesOf(es, KindCaseNumber); !slices.Equal(got, []string{"1:22-cv-01234"}) {
		t.Errorf("case number %q", got)
	}
	if got := textsOf(es, KindJudge); len(got) != 1 || !strings.EqualFold(got[0], "Jane Roe") {
		t.Errorf("judges %q, want Jane Roe once", got)
	}
}

// A US order dated at its place, the date on the line below ("Dated: New
// York, New York" over "March 3, 2023"), has that date for its judgment
// date: it came out as a plain date. A date in a sentence below is none.
func TestCourtJudgmentDateBelowPlace(t *testing.T) {
	order := "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nACME WIDGETS, INC.,\nPlaintiff,\nv.\nBETA CORP.,\nDefendant.\n\n" +
		"Case No. 1:22-cv-01234 (JMR)\n\nOPINION AND ORDER\n\nThe motion to dismiss is DENIED.\n\nSO ORDERED.\n\n" +
		"Dated: New York, New York\nMarch 3, 2023\n\nHon. Jane Roe\nUnited States District Judge\n"
	es := CourtEntities(order, "en")
	if got := valuesOf(es, KindJudgmentDate); !slices.Equal(got, []string{"2023-03-03"}) {
		t.Errorf("judgment dates %q, want 2023-03-03", got)
	}
	if got := valuesOf(es, KindDate); len(got) != 0 {
		t.Errorf("plain dates %q, want none", got)
	}
	prose := strings.Replace(order, "March 3, 2023", "The hearing was held on March 3, 2023 in chambers.", 1)
	if got := valuesOf(CourtEntities(prose, "en"), KindJudgmentDate); len(got) != 0 {
		t.Errorf("judgment dates from a sentence %q, want none", got)
	}
}

// A bare "Dated:" line dates the order on the lines below it: the date
// beside the signature's rule, or under the place on a line of its own.
// A sentence or a number between is no place.
func TestCourtBareDatedLine(t *testing.T) {
	order := "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nACME WIDGETS, INC.,\nPlaintiff,\nv.\nBETA CORP.,\nDefendant.\n\n" +
		"Case No. 1:22-cv-01234\n\nORDER\n\nThe motion was heard on February 1, 2023 and is DENIED.\n\nSO ORDERED.\n\n%s\n\nJANE ROE\nUnited States District Judge\n"
	for below, want := range map[string]string{
		"Dated:\nMarch 3, 2023":                                  "2023-03-03",
		"Dated:\n\nMarch 3, 2023":                                "2023-03-03",
		"Dated:\nMarch 3, 2023 ____________________":             "2023-03-03",
		"Dated:\nNew York, New York\nMarch 3, 2023":              "2023-03-03",
		"DATED:\nWhite Plains, NY\n3 March 2023":                 "2023-03-03",
		"Dated:\nThe parties appeared.\nMarch 3, 2023":           "",
		"Dated:\nMarch 3, 2023, the parties filed a stipulation": "",
	} {
		got := valuesOf(CourtEntities(strings.Replace(order, "%s", below, 1), "en"), KindJudgmentDate)
		if want == "" && len(got) != 0 || want != "" && !slices.Equal(got, []string{want}) {
			t.Errorf("%q: judgment dates %q, want %q", below, got, want)
		}
	}
}

// A schedule of an act is cited with the act: "Schedule 2" was a row of
// its own, the act another.
func TestCourtScheduleOfAnAct(t *testing.T) {
	text := "FEDERAL COURT OF AUSTRALIA\nFile number: NSD 1123 of 2022\n\n" +
		"1. The applicant alleges conduct in contravention of s 18 of the Australian Consumer Law, being Schedule 2 to the Competition and Consumer Act 2010 (Cth). " +
		"The claim is case managed under Part 7 of the Civil Procedure Rules.\n"
	want := []string{"s 18 of the Australian Consumer Law", "Schedule 2 to the Competition and Consumer Act 2010 (Cth)", "Part 7 of the Civil Procedure Rules"}
	if got := textsOf(CourtEntities(text, "en"), KindCitation); !slices.Equal(got, want) {
		t.Errorf("citations:\n got %q\nwant %q", got, want)
	}
}

// An English heading's courts and list under the High Court are part of
// the court's value: only "HIGH COURT OF JUSTICE" came out. The court
// appealed from is not.
func TestCourtDivisions(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Neutral Citation Number: [2023] EWHC 1234 (Comm)\nCase No: CL-2021-000456\nIN THE HIGH COURT OF JUSTICE\nBUSINESS AND PROPERTY COURTS OF ENGLAND AND WALES\nCOMMERCIAL COURT (KBD)\n\nRoyal Courts of Justice, Rolls Building\n",
			"HIGH COURT OF JUSTICE, BUSINESS AND PROPERTY COURTS OF ENGLAND AND WALES, COMMERCIAL COURT (KBD)"},
		{"IN THE HIGH COURT OF JUSTICE\n\nKING'S BENCH DIVISION\n\nCase No: KB-2023-000123\n", "HIGH COURT OF JUSTICE, KING'S BENCH DIVISION"},
		{"IN THE COURT OF APPEAL (CIVIL DIVISION)\nON APPEAL FROM THE HIGH COURT OF JUSTICE\nCase No: A3/2022/0123\n", "COURT OF APPEAL (CIVIL DIVISION)"},
	} {
		if got := valuesOf(CourtEntities(c.text, "en"), KindCourt); !slices.Equal(got, []string{c.want}) {
			t.Errorf("court %q, want %q", got, c.want)
		}
	}
}

// A bench named on one line is a row per judge: it was one row.
func TestCourtBenchOnOneLine(t *testing.T) {
	text := "IN THE COURT OF APPEAL (CIVIL DIVISION)\nCase No: A3/2022/0123\n\nBefore: Lord Reed, President, Lord Hodge, Lady Black and Lord Justice Smith\n\nBetween:\n\nALPHA LIMITED\nAppellant\n- and -\nBETA PLC\nRespondent\n"
	want := []string{"Lord Reed", "Lord Hodge", "Lady Black", "Lord Justice Smith"}
	if got := textsOf(CourtEntities(text, "en"), KindJudge); !slices.Equal(got, want) {
		t.Errorf("judges %q, want %q", got, want)
	}
}

// A part of the bench's line that gives the judge's office, not another
// judge ("JUDGE IN CHARGE OF THE COMMERCIAL COURT", "Chief Justice"), is
// no judge row; a line that names its judge by office alone keeps it.
func TestCourtBenchOfficeIsNoJudge(t *testing.T) {
	for _, c := range []struct {
		bench string
		want  []string
	}{
		{"MR JUSTICE SMITH, JUDGE IN CHARGE OF THE COMMERCIAL COURT", []string{"MR JUSTICE SMITH"}},
		{"Kiefel, Chief Justice, Gageler and Gordon JJ", []string{"Kiefel", "Gageler", "Gordon JJ"}},
		{"The Chancellor of the High Court", []string{"The Chancellor of the High Court"}},
	} {
		text := "IN THE HIGH COURT OF JUSTICE\nCase No: CL-2023-000456\n\nBefore: " + c.bench + "\n\nBetween:\n\nALPHA LIMITED\nClaimant\n- and -\nBETA PLC\nDefendant\n"
		if got := textsOf(CourtEntities(text, "en"), KindJudge); !slices.Equal(got, c.want) {
			t.Errorf("%q: judges %q, want %q", c.bench, got, c.want)
		}
	}
}

// A judgment headed by its neutral citation with no court line (the UK
// Supreme Court's: "[2024] UKSC 5", "JUDGMENT", "Smith (Appellant) v Jones
// (Respondent)", the bench under "before") is a filing: its court is the
// citation's, its parties have their bracketed roles, its judges a row
// each and "JUDGMENT GIVEN ON" dates it. A contract that cites such a
// judgment, or a citation over a text that is no judgment, is none.
func TestCitedJudgmentWithoutCourtLine(t *testing.T) {
	text := "Hilary Term\n[2024] UKSC 5\nOn appeal from: [2022] EWCA Civ 1234\n\nJUDGMENT\n\nSmith (Appellant) v Jones (Respondent)\n\nbefore\n\nLord Reed, President\nLord Hodge, Deputy President\nLady Rose\n\nJUDGMENT GIVEN ON\n7 February 2024\n\n1. This appeal concerns a limitation clause.\n"
	if !CourtFiling(text) {
		t.Fatal("not a court filing")
	}
	es := CourtEntities(text, "en")
	if got, want := textsOf(es, KindJudge), []string{"Lord Reed", "Lord Hodge", "Lady Rose"}; !slices.Equal(got, want) {
		t.Errorf("judges %q, want %q", got, want)
	}
	roles := map[string]string{}
	for _, e := range es {
		switch e.Kind {
		case KindParty:
			roles[e.Text] = e.Role
		case KindCourt:
			if e.Value != "Supreme Court of the United Kingdom" {
				t.Errorf("court %q", e.Value)
			}
		case KindJudgmentDate:
			if e.Value != "2024-02-07" {
				t.Errorf("judgment date %q", e.Value)
			}
		}
	}
	if roles["Smith"] != RoleAppellant || roles["Jones"] != RoleRespondent || len(roles) != 2 {
		t.Errorf("parties %v", roles)
	}
	if len(textsOf(es, KindJudgmentDate)) != 1 || len(textsOf(es, KindCourt)) != 1 {
		t.Errorf("court %q, judgment date %q", textsOf(es, KindCourt), textsOf(es, KindJudgmentDate))
	}
	for _, other := range []string{
		"SHARE PURCHASE AGREEMENT\n\nThis Agreement is made between Smith (Seller) and Jones (Buyer).\n\nThe parties note Smith (Appellant) v Jones (Respondent) [2024] UKSC 5 on limitation clauses.\n",
		"[2024] UKSC 5\n\nPress summary\n\nThe court dismissed the appeal of Smith (Appellant).\n",
	} {
		if CourtFiling(other) {
			t.Errorf("a filing: %q", other)
		}
	}
}

// Who acted for whom: an English judgment's appearances give a counsel row
// per advocate with the party's role, the solicitors instructing them
// left out; a US pleading's signature gives the attorney who signs "for
// Plaintiff". A line that only mentions a party is none.
func TestCourtCounsel(t *testing.T) {
	uk := "IN THE HIGH COURT OF JUSTICE\nCase No: CL-2023-000456\n\nBetween :\n\nALPHA SHIPPING LIMITED\nClaimant\n- and -\nBETA INSURANCE PLC\nDefendant\n\n" +
		"Ms A Barrister KC and Mr B Junior (instructed by Smith LLP) for the Claimant\nMr C Counsel (instructed by Jones LLP) for the Defendant\n\nHearing dates: 3-5 July 2023\n\nJUDGMENT\n\n1. The claim for the Claimant succeeds.\n"
	us := "SUPERIOR COURT OF THE STATE OF CALIFORNIA\nFOR THE COUNTY OF LOS ANGELES\n\nJANE DOE, an individual,\nPlaintiff,\nv.\nMEGACORP, INC.,\nDefendant.\n\nCase No.: 23STCV01234\n\n" +
		"1. Defendant violated the Labor Code.\n\nDated: April 10, 2023\nSMITH & PARTNERS LLP\nBy: /s/ John Smith\nAttorneys for Plaintiff\n"
	for _, c := range []struct {
		text string
		want []string
	}{
		{uk, []string{"Ms A Barrister KC claimant", "Mr B Junior claimant", "Mr C Counsel defendant"}},
		{us, []string{"John Smith plaintiff"}},
	} {
		var got []string
		for _, e := range CourtEntities(c.text, "en") {
			if e.Kind == KindCounsel {
				got = append(got, e.Text+" "+e.Role)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("counsel %q, want %q", got, c.want)
		}
	}
}

// A US court's reasoned decision is a judgment, whatever order its
// heading ends with ("OPINION & ORDER", "MEMORANDUM AND ORDER", "FINDINGS
// OF FACT AND CONCLUSIONS OF LAW"); an order's heading opens with ORDER,
// though it grants summary judgment; a complaint's count is no judgment.
func TestFilingKindOfReasonedDecisions(t *testing.T) {
	caption := "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nACME INC.,\nPlaintiff,\nv.\nBETA LLC,\nDefendant.\n\nCase No. 1:22-cv-04518\n\n%s\n\nThe motion is granted.\n\nSO ORDERED.\n"
	for heading, want := range map[string]string{
		"OPINION AND ORDER":                            FilingJudgment,
		"MEMORANDUM OPINION AND ORDER":                 FilingJudgment,
		"OPINION & ORDER":                              FilingJudgment,
		"MEMORANDUM OPINION & ORDER":                   FilingJudgment,
		"OPINION AND ORDER GRANTING MOTION TO DISMISS": FilingJudgment,
		"MEMORANDUM AND ORDER":                         FilingJudgment,
		"MEMORANDUM DECISION AND ORDER":                FilingJudgment,
		"DECISION AND ORDER":                           FilingJudgment,
		"FINDINGS OF FACT AND CONCLUSIONS OF LAW":      FilingJudgment,
		"FINAL JUDGMENT":                               FilingJudgment,
		"ORDER":                                        FilingOrder,
		"ORDER GRANTING SUMMARY JUDGMENT":              FilingOrder,
		"CONSENT ORDER":                                FilingOrder,
		"COMPLAINT FOR DECLARATORY JUDGMENT":           FilingComplaint,
		"MEMORANDUM OF LAW IN SUPPORT OF MOTION":       FilingMotion,
	} {
		if got := FilingKind(strings.Replace(caption, "%s", heading, 1)); got != want {
			t.Errorf("%q: kind %q, want %q", heading, got, want)
		}
	}
}

// A caption ends before the body's prose: an opinion's last paragraph
// cites the record ("terminate the motion at Dkt. No. 27."), which read as
// a case number's line moved the caption's end past the whole opinion,
// and its summary was the footnote after it.
func TestCaptionEndsBeforeBody(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nHARBOR POINT CAPITAL LLC,\nPlaintiff,\nv.\nORION DATA SYSTEMS CORP.,\nDefendant.\n\nCase No. 1:22-cv-04518 (LJL)\n\nMEMORANDUM OPINION AND ORDER\n\n" +
		"Plaintiff Harbor Point Capital LLC brings this action against Orion Data Systems Corp. for breach of contract and fraud.\n\n" +
		"The motion to dismiss is GRANTED as to Count II. The Clerk of Court is respectfully directed to terminate the motion at Dkt. No. 27.\n\nSO ORDERED.\n\n" +
		"[1] The facts are drawn from the complaint, Dkt. No. 1, and are assumed true for this motion.\n"
	if end, body := CaptionEnd(text), strings.Index(text, "Plaintiff Harbor"); end > body {
		t.Errorf("caption ends at %d, after the body's start %d: %q", end, body, text[end:])
	}
}

// An Australian order's heading: the file number on a line of its own,
// each side's name after "BETWEEN:" or "AND:" over its role with its
// company number, and the judge who made the order. The parties, the file
// number and the judge were all missed, as written and as the parser
// gives it (the columns one space apart).
func TestCourtAustralianOrderHeading(t *testing.T) {
	order := "FEDERAL COURT OF AUSTRALIA\n\nORDERS\n\nNSD 1123 of 2022\n\n" +
		"BETWEEN:        KOALA ENERGY PTY LTD (ACN 123 456 789)\n                Applicant\n\n" +
		"AND:            SOUTHERN CROSS GRID LIMITED\n                Respondent\n\n" +
		"ORDER MADE BY:  JACKMAN J\nDATE OF ORDER:  14 February 2024\nWHERE MADE:     Sydney\n\nTHE COURT ORDERS THAT:\n\n1. The respondent pay the applicant's costs.\n"
	flat := regexp.MustCompile(`[ \t]{2,}`).ReplaceAllString(order, " ")
	for _, text := range []string{order, flat} {
		es := CourtEntities(text, "en")
		got := map[string]string{}
		for _, e := range es {
			if e.Kind == KindParty {
				got[e.Text] = e.Role
			}
		}
		want := map[string]string{"KOALA ENERGY PTY LTD": RoleApplicant, "SOUTHERN CROSS GRID LIMITED": RoleRespondent}
		if !maps.Equal(got, want) {
			t.Errorf("parties %v, want %v", got, want)
		}
		if got := valuesOf(es, KindCaseNumber); !slices.Equal(got, []string{"NSD 1123 of 2022"}) {
			t.Errorf("case numbers %q", got)
		}
		if got := textsOf(es, KindJudge); !slices.Equal(got, []string{"JACKMAN J"}) {
			t.Errorf("judges %q", got)
		}
	}
}

// A motion with its proposed order: the order is unsigned, so the
// motion's "Dated:" is no judgment's date, and the order's blank date
// ("this ____ day of ______, 2023") is no date at all.
func TestCourtMotionWithProposedOrder(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nDISTRICT OF DELAWARE\n\nACME ROBOTICS, INC.,\nPlaintiff,\nv.\nZENITH AUTOMATION LLC,\nDefendant.\n\nC.A. No. 23-456-GBW\n\n" +
		"DEFENDANT'S MOTION TO DISMISS FOR FAILURE TO STATE A CLAIM\n\nDefendant Zenith Automation LLC moves to dismiss the Complaint.\n\n" +
		"Dated: June 12, 2023\nMORRIS JAMES LLP\n/s/ Kenneth L. Dorsney\nAttorneys for Defendant\n\n[PROPOSED] ORDER\n\n" +
		"AND NOW, this ____ day of ____________, 2023, upon consideration of Defendant's Motion to Dismiss, IT IS HEREBY ORDERED that the motion is GRANTED.\n\n______________________\nUnited States District Judge\n"
	if FilingKind(text) != FilingMotion {
		t.Fatalf("kind %q", FilingKind(text))
	}
	es := CourtEntities(text, "en")
	if got := valuesOf(es, KindJudgmentDate); len(got) != 0 {
		t.Errorf("judgment dates %q, want none", got)
	}
	if got := valuesOf(es, KindDate); !slices.Equal(got, []string{"2023-06-12"}) {
		t.Errorf("dates %q, want the motion's 2023-06-12 alone", got)
	}
}

// A state reporter's dotted series ("81 N.Y.2d 90", "123 N.E.2d 456",
// "45 A.3d 12") is a citation, and a case name keeps its company forms
// before "v." ("Alice Corp. Pty. Ltd."): the first was missed, the second
// cited as "Ltd. v. CLS Bank Int'l".
func TestCourtStateReportersAndCompanyForms(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nCase No. 1:22-cv-04518\n\nOPINION AND ORDER\n\n" +
		"The court applies New York law. Kronos, Inc. v. AVX Corp., 81 N.Y.2d 90, 94 (1993). See also Doe v. Roe, 123 N.E.2d 456 (Ill. 1990); Poe v. Moe, 45 A.3d 12 (Pa. 2012). " +
		"The claim is abstract. See Alice Corp. Pty. Ltd. v. CLS Bank Int'l, 573 U.S. 208, 217 (2014).\n"
	want := []string{"Kronos, Inc. v. AVX Corp., 81 N.Y.2d 90, 94 (1993)", "Doe v. Roe, 123 N.E.2d 456 (Ill. 1990)", "Poe v. Moe, 45 A.3d 12 (Pa. 2012)",
		"Alice Corp. Pty. Ltd. v. CLS Bank Int'l, 573 U.S. 208, 217 (2014)"}
	if got := textsOf(CourtEntities(text, "en"), KindCitation); !slices.Equal(got, want) {
		t.Errorf("citations %q,\nwant %q", got, want)
	}
}

// An English judgment's appearances and hearing dates, under its
// parties, are caption: the body starts after them.
func TestCaptionEndAfterAppearances(t *testing.T) {
	text := "IN THE COURT OF APPEAL (CIVIL DIVISION)\nCase No: CA-2022-001544\n\nBetween :\n\nNORTHERN LIGHT SHIPPING LIMITED\nAppellant\n- and -\nATLAS MARINE INSURANCE PLC\nRespondent\n\n" +
		"Mr Simon Rainey KC and Ms Jane Doe (instructed by Hill Dickinson LLP) for the Appellant\nMr Michael Ashcroft KC (instructed by Clyde & Co LLP) for the Respondent\n\nHearing dates: 3-5 July 2023\n\n" +
		"Approved Judgment\n\nLord Justice Males:\n\n1. This appeal concerns the construction of a war risks exclusion in a marine insurance policy.\n"
	if end, body := CaptionEnd(text), strings.Index(text, "Approved Judgment"); end > body || strings.TrimSpace(text[end:body]) != "" {
		t.Errorf("caption ends at %d, want %d (the body's start): %q", end, body, text[end:])
	}
}

// A class action's caption says of its named plaintiffs that they sue
// "individually and on behalf of all others similarly situated": the
// party is the name ("DAVID CHEN, individually" was one).
func TestCourtClassActionParties(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nMARIA GONZALEZ and DAVID CHEN, individually\nand on behalf of all others similarly situated,\nPlaintiffs,\nv.\n" +
		"BRIGHTWAVE TECHNOLOGIES, INC., a Delaware\ncorporation,\nDefendant.\n\nCase No. 3:23-cv-01987\n\nCLASS ACTION COMPLAINT\n\n1. Brightwave collected biometric data.\n"
	got := map[string]string{}
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindParty {
			got[e.Text] = e.Role
		}
	}
	want := map[string]string{"MARIA GONZALEZ": RolePlaintiff, "DAVID CHEN": RolePlaintiff, "BRIGHTWAVE TECHNOLOGIES, INC.": RoleDefendant}
	if !maps.Equal(got, want) {
		t.Errorf("parties %v, want %v", got, want)
	}
}

// A rule of court is cited whole with the rules it belongs to: "Rule
// 39.32" and "Rules 2011" were two rows, neither naming the rules.
func TestCourtRuleOfCourt(t *testing.T) {
	text := "FEDERAL COURT OF AUSTRALIA\nFile number: NSD 1123 of 2022\n\n" +
		"Note: Entry of orders is dealt with in Rule 39.32 of the Federal Court Rules 2011. " +
		"The application to strike out under r 3.4 of the Civil Procedure Rules is refused.\n"
	want := []string{"Rule 39.32 of the Federal Court Rules 2011", "r 3.4 of the Civil Procedure Rules"}
	if got := textsOf(CourtEntities(text, "en"), KindCitation); !slices.Equal(got, want) {
		t.Errorf("citations:\n got %q\nwant %q", got, want)
	}
}

// A consent order signed by the parties' solicitors is not dated by their
// signatures: "Dated: 15 December 2023" under "Solicitors for the
// Claimant" was its date of judgment. An order's own "Dated:" still is.
func TestCourtConsentOrderSignatureDates(t *testing.T) {
	order := "IN THE HIGH COURT OF JUSTICE\nKING'S BENCH DIVISION\n\nClaim No: KB-2023-002871\n\nBETWEEN:\n\nPENROSE HOMES LIMITED\nClaimant\n\n-and-\n\n" +
		"THAMES VALLEY BUILDERS LTD\nDefendant\n\nCONSENT ORDER\n\nBY CONSENT IT IS ORDERED THAT:\n\n1. The Defendant shall pay the Claimant the sum of £185,000 by 4pm on 31 January 2024.\n\n" +
		"We consent to the terms of this Order.\n\nHarrow & Vale LLP, Solicitors for the Claimant\nDated: 15 December 2023\n\n" +
		"Lewis Partners LLP, Solicitors for the Defendant\nDated: 18 December 2023\n"
	if got := valuesOf(CourtEntities(order, "en"), KindJudgmentDate); len(got) != 0 {
		t.Errorf("consent order dated %q by its signatures", got)
	}
	sealed := order + "\nBY THE COURT\nDated: 20 December 2023\n"
	if got := valuesOf(CourtEntities(sealed, "en"), KindJudgmentDate); !slices.Equal(got, []string{"2023-12-20"}) {
		t.Errorf("sealed order dated %q, want 2023-12-20", got)
	}
}

// The Federal Court of Australia heads a judgment with its title ending
// in its own neutral citation: that citation is the judgment's case
// number with the neutral_citation role, not an authority it cites. It
// was listed as a citation, and the register's neutral citation cell
// stayed empty. A case cited in the body is still a citation.
func TestCourtTitleLineCitation(t *testing.T) {
	text := "FEDERAL COURT OF AUSTRALIA\n\nKoala Energy Pty Ltd v Australian Competition and Consumer Commission [2024] FCA 845\n\n" +
		"File number: NSD 1123 of 2022\nJudgment of: JACKMAN J\nDate of judgment: 2 August 2024\n\n" +
		"REASONS FOR JUDGMENT\n\n1. The principles are settled: Smith v Jones [2019] HCA 5.\n"
	var own, cited []string
	for _, e := range CourtEntities(text, "en") {
		switch {
		case e.Kind == KindCaseNumber && e.Role == RoleNeutralCitation:
			own = append(own, e.Value)
		case e.Kind == KindCitation:
			cited = append(cited, e.Value)
		}
	}
	if !slices.Equal(own, []string{"[2024] FCA 845"}) || !slices.Equal(cited, []string{"[2019] HCA 5"}) {
		t.Errorf("own %q, cited %q", own, cited)
	}
}

// An Australian judgment's cover names counsel after a label, a junior
// "with" the senior: each is counsel for the side the label names. They
// were missing from the register's counsel cell.
func TestCourtCounselLabelled(t *testing.T) {
	text := "FEDERAL COURT OF AUSTRALIA\n\nKoala Energy Pty Ltd v Australian Competition and Consumer Commission [2024] FCA 845\n\n" +
		"File number: | NSD 1123 of 2022\nCounsel for the Applicant: | Ms S Chen SC with Mr T Nguyen\nSolicitor for the Applicant: | Gilbert + Tobin\n" +
		"Counsel for the Respondent: | Mr R Patel\n\nORDERS\n\n1. The application is dismissed.\n"
	var got []string
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindCounsel {
			got = append(got, e.Value+"|"+e.Role)
		}
	}
	if want := []string{"Ms S Chen SC|applicant", "Mr T Nguyen|applicant", "Mr R Patel|respondent"}; !slices.Equal(got, want) {
		t.Errorf("counsel %q, want %q", got, want)
	}
}

// A case number a narrow caption column wrapped at its hyphen ("Case No.
// 1:24-" over "cv-01234 (JPO)") is one number; it was exported as
// "1:24-". A number that ends whole takes nothing from the next line.
func TestCourtCaseNumberBrokenAtHyphen(t *testing.T) {
	caption := "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nACME WIDGETS, INC.,\nPlaintiff,\nv.\nBETA SUPPLY CORP.,\nDefendant.\n\n"
	for _, c := range []struct{ number, want string }{
		{"Case No. 1:24-\ncv-01234 (JPO)", "1:24-cv-01234"},
		{"Case No. 1:24-cv-\n01234", "1:24-cv-01234"},
		{"Case No. 1:24-cv-01234\nCOMPLAINT", "1:24-cv-01234"},
	} {
		got := valuesOf(CourtEntities(caption+c.number+"\n\nCOMPLAINT\n\n1. Defendant breached the contract.\n", "en"), KindCaseNumber)
		if !slices.Equal(got, []string{c.want}) {
			t.Errorf("%q: case numbers %q, want %q", c.number, got, c.want)
		}
	}
}

// A counsel's line labels its names, so a name needs no title ("Counsel
// for the Plaintiff: Jane Roe, Roe LLP"); the firm after it is no
// counsel. Such counsel were missed: only "Mr", "Ms" or a "KC" made one.
func TestCourtCounselLabelledWithoutTitle(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nACME WIDGETS, INC.,\nPlaintiff,\nv.\nBETA SUPPLY CORP.,\nDefendant.\n\nCase No. 1:24-cv-01234\n\n" +
		"Counsel for the Plaintiff: Jane Roe, Roe LLP\nCounsel for Defendant: Richard A. Moe and Sam Poe, Moe & Partners LLP\n\nORDER\n\n1. The motion is denied.\n"
	var got []string
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindCounsel {
			got = append(got, e.Value+"|"+e.Role)
		}
	}
	if want := []string{"Jane Roe|plaintiff", "Richard A. Moe|defendant", "Sam Poe|defendant"}; !slices.Equal(got, want) {
		t.Errorf("counsel %q, want %q", got, want)
	}
}

// A High Court judgment headed by its own citation with its division
// ("[2026] EWHC 555 (KB)") gives it as its neutral citation, and the
// parties its caption names with their roles in brackets, a line each.
// The citation was listed as a case it cites, and no party was found.
func TestCourtCitationLineWithDivision(t *testing.T) {
	text := "[2026] EWHC 555 (KB)\n\nIN THE HIGH COURT OF JUSTICE\nKING'S BENCH DIVISION\n\nBetween:\nMARY SMITH (Claimant)\nand\nNORTHERN RAIL LIMITED (Defendant)\n\n1. The claimant was injured on a platform. Her claim succeeds.\n"
	var got []string
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindParty || e.Kind == KindCaseNumber || e.Kind == KindCitation {
			got = append(got, e.Kind+"|"+e.Text+"|"+e.Role)
		}
	}
	want := []string{"case_number|[2026] EWHC 555 (KB)|neutral_citation", "party|MARY SMITH|claimant", "party|NORTHERN RAIL LIMITED|defendant"}
	if !slices.Equal(got, want) {
		t.Errorf("entities %q, want %q", got, want)
	}
}

// A Court of Appeal judgment with no JUDGMENT heading ("Lord Justice
// Green:" opens it) is dated by its "Date:" line: its own neutral
// citation says it is a judgment. The date was a plain one, and the
// register's judgment_date empty.
func TestCourtJudgmentDateOfCitedJudgment(t *testing.T) {
	text := "Neutral Citation Number: [2026] EWCA Civ 88\nCase No: CA-2025-001234\nIN THE COURT OF APPEAL (CIVIL DIVISION)\nDate: 20 February 2026\n\nBefore:\nLORD JUSTICE GREEN\n\n" +
		"Harbour Point Developments Ltd v Marlow Insurance Company Ltd\n\nMr David Hunt KC (instructed by Kennedys) for the Appellant\n\nLord Justice Green:\n1. In my judgment the appeal should be dismissed.\n"
	if got := valuesOf(CourtEntities(text, "en"), KindJudgmentDate); !slices.Equal(got, []string{"2026-02-20"}) {
		t.Errorf("judgment dates %q, want 2026-02-20", got)
	}
}

// A word processor's caption sets a blank line between numbered parties
// ("(1) STELLAR CHARTERING LIMITED", "(2) STELLAR GROUP HOLDINGS PLC"):
// only the last was found, and the case named by it.
func TestCourtNumberedPartiesParagraphsApart(t *testing.T) {
	text := "IN THE HIGH COURT OF JUSTICE\n\nCase No: CL-2025-000412\n\nBetween :\n\nORION MARITIME SA\n\nClaimant\n\n- and -\n\n(1) STELLAR CHARTERING LIMITED\n\n(2) STELLAR GROUP HOLDINGS PLC\n\nDefendants\n\n1. The claim succeeds.\n"
	var got []string
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindParty {
			got = append(got, e.Text+"|"+e.Role)
		}
	}
	want := []string{"ORION MARITIME SA|claimant", "STELLAR CHARTERING LIMITED|defendant", "STELLAR GROUP HOLDINGS PLC|defendant"}
	if !slices.Equal(got, want) {
		t.Errorf("parties %q, want %q", got, want)
	}
}

// A US district court named by its state alone ("DISTRICT OF DELAWARE")
// goes on with the court's name, as "SOUTHERN DISTRICT OF NEW YORK"
// does: the register's court read "UNITED STATES DISTRICT COURT", any
// district's.
func TestCourtDistrictOfState(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nDISTRICT OF DELAWARE\n\nNORTHSTAR BIOLOGICS, INC.,\nPlaintiff,\nv.\nHELIX PHARMA LLC,\nDefendant.\n\nC.A. No. 1:26-cv-00987\n\nCOMPLAINT\n\n1. This is an action for patent infringement.\n"
	if got := valuesOf(CourtEntities(text, "en"), KindCourt); !slices.Equal(got, []string{"UNITED STATES DISTRICT COURT, DISTRICT OF DELAWARE"}) {
		t.Errorf("court %q", got)
	}
}

// The employment tribunals of England and Wales head their judgments
// "EMPLOYMENT TRIBUNALS", plural: the court line was not read, and a
// tribunal's judgment was classed a contract, with no court, parties or
// case number, its date of dismissal an agreement date.
func TestCourtTribunalsPlural(t *testing.T) {
	text := "EMPLOYMENT TRIBUNALS\n\nClaimant:    Mr J Rowe\nRespondent:  Carrow Foods Limited\n\nHeard at:    Leeds        On: 3 June 2025\nBefore:      Employment Judge Ainsworth\n\nCase No: 1804455/2024\n\nJUDGMENT\n\n1. The complaint of unfair dismissal succeeds.\n2. The claimant was dismissed on 9 May 2024.\n\nEmployment Judge Ainsworth\nDate: 12 June 2025\n"
	if !CourtFiling(text) {
		t.Fatal("not read as a court filing")
	}
	want := []string{
		"court|EMPLOYMENT TRIBUNALS|EMPLOYMENT TRIBUNALS|",
		"case_number|1804455/2024|1804455/2024|",
		"party|Mr J Rowe||claimant", "party|Carrow Foods Limited||respondent",
		"judgment_date|12 June 2025|2025-06-12|",
	}
	if got := caption(CourtEntities(text, "en")); !slices.Equal(got, want) {
		t.Errorf("caption:\n got %q\nwant %q", got, want)
	}
}

// An employment tribunal's judgment labels its counsel under
// "Representation" by the side they act for: they were read as parties
// ("Mr D Shaw, counsel"), and the case named "Ms A Patel and others v
// Northfield Logistics Limited and others".
func TestCourtTribunalRepresentation(t *testing.T) {
	text := "EMPLOYMENT TRIBUNALS\n\nClaimant: Ms A Patel\nRespondent: Northfield Logistics Limited\n\nHeard at: Manchester On: 4 November 2025\nBefore: Employment Judge Harrison\n\nRepresentation\nClaimant: Mr D Shaw, counsel\nRespondent: Ms R Kaur, solicitor\n\nCase No: 2401234/2024\n\nJUDGMENT\n\n1. The complaint of unfair dismissal succeeds.\n"
	var got []string
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindParty || e.Kind == KindCounsel {
			got = append(got, e.Kind+"|"+e.Text+"|"+e.Role)
		}
	}
	want := []string{"party|Ms A Patel|claimant", "party|Northfield Logistics Limited|respondent", "counsel|Mr D Shaw|claimant", "counsel|Ms R Kaur|respondent"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := CaseName(text); got != "Ms A Patel v Northfield Logistics Limited" {
		t.Errorf("case name %q", got)
	}
}

// usSyllabus is the US Supreme Court's syllabus heading: its court, the
// case's name on a line of its own, the writ, and its docket line.
const usSyllabus = "SUPREME COURT OF THE UNITED STATES\n\nSyllabus\n\nHARMON v. WESTFIELD TRANSIT AUTHORITY\n\nCERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR THE SIXTH CIRCUIT\n\nNo. 24-517. Argued November 4, 2025—Decided February 20, 2026\n\nPetitioner Harmon sued respondent Westfield Transit Authority under Title VII. The Sixth Circuit affirmed.\n\nHeld: A transferee need not show that the harm was significant.\n\nVacated and remanded.\n"

// A syllabus names its case on a line of its own under its court, with
// no role line and no case number on a line of its own: it was read as
// no court filing, with no court, parties or title of its case.
func TestCourtSyllabusIsFiling(t *testing.T) {
	if !CourtFiling(usSyllabus) {
		t.Fatal("not read as a court filing")
	}
	var got []string
	for _, e := range CourtEntities(usSyllabus, "en") {
		if e.Kind == KindCourt || e.Kind == KindParty {
			got = append(got, e.Kind+"|"+e.Text+"|"+e.Role)
		}
	}
	want := []string{"court|SUPREME COURT OF THE UNITED STATES|", "party|HARMON|petitioner", "party|WESTFIELD TRANSIT AUTHORITY|respondent"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A syllabus's docket line gives its case number, the day it was argued
// and the day it was decided, none of which was read.
func TestCourtDocketLine(t *testing.T) {
	var got []string
	for _, e := range CourtEntities(usSyllabus, "en") {
		switch e.Kind {
		case KindCaseNumber, KindHearingDate, KindJudgmentDate:
			got = append(got, e.Kind+"|"+e.Text+"|"+e.Value)
		}
	}
	want := []string{"case_number|24-517|24-517", "hearing_date|November 4, 2025|2025-11-04", "judgment_date|February 20, 2026|2026-02-20"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A PACER docket sheet numbers its case "CIVIL DOCKET FOR CASE #:" and
// names its judge "Assigned to:": neither was read, and a docket had no
// case number or judge.
func TestCourtDocketSheet(t *testing.T) {
	text := "U.S. District Court\nDistrict of Delaware (Wilmington)\nCIVIL DOCKET FOR CASE #: 1:25-cv-00812-CFC\n\nNorthstar Biologics, Inc. v. Helix Pharma LLC\nAssigned to: Judge Colm F. Connolly\nCause: 35:271 Patent Infringement\n\nDate Filed: 06/30/2025\n\nPlaintiff\nNorthstar Biologics, Inc.\n\nV.\n\nDefendant\nHelix Pharma LLC\n"
	var got []string
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindCaseNumber || e.Kind == KindJudge {
			got = append(got, e.Kind+"|"+e.Value)
		}
	}
	want := []string{"case_number|1:25-cv-00812-CFC", "judge|Judge Colm F. Connolly"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A docket sheet names its district in title case under its court:
// "District of Delaware (Wilmington)" was left out of the court's value.
func TestCourtDistrictInTitleCase(t *testing.T) {
	text := "U.S. District Court\nDistrict of Delaware (Wilmington)\nCIVIL DOCKET FOR CASE #: 1:25-cv-00812-CFC\n\nNorthstar Biologics, Inc. v. Helix Pharma LLC\n\nPlaintiff\nNorthstar Biologics, Inc.\n\nV.\n\nDefendant\nHelix Pharma LLC\n"
	if got := valuesOf(CourtEntities(text, "en"), KindCourt); !slices.Equal(got, []string{"U.S. District Court, District of Delaware (Wilmington)"}) {
		t.Errorf("court %q", got)
	}
}
