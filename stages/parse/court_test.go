package parse

import (
	"context"
	"strings"
	"testing"
)

// ukJudgmentLines is a UK judgment's opening, as the courts' template
// sets it: citation, case number, court, "Before :" and "Between :".
var ukJudgmentLines = []string{
	"Neutral Citation Number: [2024] EWHC 1187 (TCC)",
	"",
	"Case No: HT-2023-000214",
	"IN THE HIGH COURT OF JUSTICE",
	"BUSINESS AND PROPERTY COURTS OF ENGLAND AND WALES",
	"TECHNOLOGY AND CONSTRUCTION COURT (KBD)",
	"",
	"Date: 17 May 2024",
	"",
	"Before :",
	"",
	"MRS JUSTICE O'FARRELL DBE",
	"",
	"Between :",
	"",
	"PENROSE HOMES LIMITED",
	"Claimant",
	"- and -",
	"",
	"THAMES VALLEY BUILDERS LIMITED",
	"Defendant",
	"",
	"Mr Adam Harrow KC (instructed by Calder Stone LLP) for the Claimant",
	"Mr Simon Pell (instructed by Whitford Legal LLP) for the Defendant",
	"",
	"Hearing dates: 23-25 April 2024",
	"",
	"APPROVED JUDGMENT",
	"",
	"Mrs Justice O'Farrell:",
	"",
	"1. This is a claim for damages for defective works carried out under a building contract.",
	"2. For the reasons set out below, the claim succeeds in part.",
}

// usCaptionCells is a US complaint's caption as its two-column table sets
// it: the parties left, the case number and the filing's heading right.
var usCaptionCells = [2][]string{
	{"BRIGHTWATER ANALYTICS, INC., a Delaware corporation,", "Plaintiff,", "v.", "NOVASPAN SYSTEMS LLC, a California limited liability company,", "Defendant."},
	{"Case No. 5:24-cv-03817-BLF", "COMPLAINT", "DEMAND FOR JURY TRIAL"},
}

// A court filing is titled by its case and its heading, as a register
// lists it, in every format: titled by its first line, every filing
// before the High Court read "IN THE HIGH COURT OF JUSTICE" (or its
// citation line), every one before a US district court "UNITED STATES
// DISTRICT COURT".
func TestCourtFilingTitledByCase(t *testing.T) {
	const uk = "Penrose Homes Limited v Thames Valley Builders Limited — Approved Judgment"
	var body strings.Builder
	for _, l := range ukJudgmentLines {
		body.WriteString(wPara("", "", "", l))
	}
	cell := func(lines []string) string {
		var b strings.Builder
		for _, l := range lines {
			b.WriteString(wPara("", "", "", l))
		}
		return "<w:tc>" + b.String() + "</w:tc>"
	}
	usDoc := wPara("", "", "", "UNITED STATES DISTRICT COURT") + wPara("", "", "", "NORTHERN DISTRICT OF CALIFORNIA") +
		"<w:tbl><w:tr>" + cell(usCaptionCells[0]) + cell(usCaptionCells[1]) + "</w:tr></w:tbl>" +
		wPara("", "", "", "Plaintiff Brightwater Analytics, Inc. alleges as follows against Defendant Novaspan Systems LLC.")
	docx := func(body string) []byte {
		return docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`})
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"judgment.txt", []byte(strings.Join(ukJudgmentLines, "\n")), uk},
		{"judgment.pdf", pagedPDF([][]string{ukJudgmentLines[:28], ukJudgmentLines[28:]}), uk},
		{"judgment.docx", docx(body.String()), uk},
		{"complaint.docx", docx(usDoc), "Brightwater Analytics, Inc. v. Novaspan Systems LLC — Complaint"},
	} {
		p, err := Parse(context.Background(), Input{Filename: c.name, Data: c.data}, DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if p.Title != c.want {
			t.Errorf("%s: title %q, want %q\n%s", c.name, p.Title, c.want, p.Text)
		}
	}
}

// A UK judgment with no "JUDGMENT" heading and no role lines is titled
// by its case: the case name on a line of its own under the bench, or
// its parties each named with its role in brackets. Both were titled by
// their court's line ("IN THE COURT OF APPEAL (CIVIL DIVISION)"), in a
// DOCX as in text.
func TestCourtJudgmentTitledByCaseNameLine(t *testing.T) {
	appeal := []string{"Neutral Citation Number: [2026] EWCA Civ 88", "Case No: CA-2025-001234", "IN THE COURT OF APPEAL (CIVIL DIVISION)",
		"ON APPEAL FROM THE HIGH COURT OF JUSTICE, KING'S BENCH DIVISION", "Royal Courts of Justice, Strand, London, WC2A 2LL", "Date: 20 February 2026",
		"Before:", "LORD JUSTICE GREEN", "LADY JUSTICE FALK", "Harbour Point Developments Ltd v Marlow Insurance Company Ltd",
		"Mr David Hunt KC (instructed by Kennedys) for the Appellant", "Hearing date: 4 February 2026", "Lord Justice Green:",
		"1. This appeal concerns the construction of an exclusion clause in a contractor's all risks policy and the judge was right to hold that it applied."}
	bracketed := []string{"[2026] EWHC 555 (KB)", "IN THE HIGH COURT OF JUSTICE", "KING'S BENCH DIVISION", "Between:", "MARY SMITH (Claimant)", "and",
		"NORTHERN RAIL LIMITED (Defendant)", "1. The claimant was injured on a platform at the station and her claim in negligence against the operator succeeds."}
	var body strings.Builder
	for _, l := range appeal {
		body.WriteString(wPara("", "", "", l))
	}
	docx := docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body.String() + `</w:body></w:document>`})
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"appeal.txt", []byte(strings.Join(appeal, "\n\n")), "Harbour Point Developments Ltd v Marlow Insurance Company Ltd"},
		{"appeal.docx", docx, "Harbour Point Developments Ltd v Marlow Insurance Company Ltd"},
		{"bracketed.txt", []byte(strings.Join(bracketed, "\n")), "Mary Smith v Northern Rail Limited"},
	} {
		p, err := Parse(context.Background(), Input{Filename: c.name, Data: c.data}, DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if p.Title != c.want {
			t.Errorf("%s: title %q, want %q", c.name, p.Title, c.want)
		}
	}
}
