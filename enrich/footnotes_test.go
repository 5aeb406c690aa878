package enrich_test

import (
	"context"
	"strings"
	"testing"

	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/stages/parse"
)

// A judgment's footnote, marked against a word ("£2.4 million.[1]") and
// set at its end, is no sentence of its body: read as one, it won the
// summary ("[1] The figure was revised at trial from £2.9 million ...").
// A judgment whose paragraphs are numbered "[1]", "[2]" keeps them.
func TestFreeCourtFilingSummaryLeavesFootnotesOut(t *testing.T) {
	caption := "Neutral Citation Number: [2024] EWHC 1187 (TCC)\n\nCase No: HT-2023-000214\nIN THE HIGH COURT OF JUSTICE\nTECHNOLOGY AND CONSTRUCTION COURT (KBD)\n\nDate: 17 May 2024\n\nBefore :\n\nMRS JUSTICE O'FARRELL DBE\n\nBetween :\n\nPENROSE HOMES LIMITED\nClaimant\n- and -\n\nTHAMES VALLEY BUILDERS LIMITED\nDefendant\n\nHearing dates: 23-25 April 2024\n\nAPPROVED JUDGMENT\n\n"
	noted := caption + "1. This is a claim for damages for defective works carried out under a building contract dated 3 March 2020.\n\n" +
		"2. The Claimant alleges that the cavity barriers installed by the Defendant were not compliant with the Building Regulations and claims the cost of remedial works of £2.4 million.[1]\n\n" +
		"3. For the reasons set out below, the claim succeeds in part and the Defendant is liable for the cost of replacing the cavity barriers.\n\n" +
		"[1] The figure was revised at trial from £2.9 million following the joint expert statement on the cavity barriers and the remedial works.\n"
	numbered := caption + "[1] This is a claim for damages for defective cavity barriers installed by the Defendant under a building contract.\n\n" +
		"[2] The Claimant claims the cost of remedial works to the cavity barriers of £2.4 million.\n"
	free := enrich.NewFree(enrich.FreeOptions{})
	for _, c := range []struct{ name, text, absent, present string }{
		{"noted.txt", noted, "revised at trial", "cavity barriers"},
		{"numbered.txt", numbered, "", "cavity barriers"},
	} {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: c.name, Data: []byte(c.text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		a := analyze(t, free, doc, enrich.Request{})
		if c.absent != "" && strings.Contains(a.Summary, c.absent) {
			t.Errorf("%s: summary %q reads the footnote", c.name, a.Summary)
		}
		if !strings.Contains(a.Summary, c.present) {
			t.Errorf("%s: summary %q lacks the body's %q", c.name, a.Summary, c.present)
		}
	}
}

// A complaint's jury demand is procedure, kept as its jury_demand entity:
// its summary ended "Plaintiffs demand a trial by jury on all claims so
// triable." and now says what the case is about.
func TestFreeComplaintSummaryLeavesJuryDemandOut(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nMARIA GONZALEZ, individually and on behalf of all others similarly situated,\nPlaintiff,\nv.\nBRIGHTWAVE TECHNOLOGIES, INC.,\nDefendant.\n\nCase No. 3:24-cv-01234\n\nCLASS ACTION COMPLAINT\n\n" +
		"1. Brightwave collected biometric data from its users without their consent.\n\n" +
		"2. Plaintiff seeks statutory damages of $750 per consumer per incident.\n\n" +
		"DEMAND FOR JURY TRIAL\n\nPlaintiff demands a trial by jury on all claims so triable.\n"
	doc, err := parse.Parse(context.Background(), parse.Input{Filename: "complaint.txt", Data: []byte(text)}, parse.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), doc, enrich.Request{})
	if strings.Contains(a.Summary, "trial by jury") || !strings.Contains(a.Summary, "biometric data") {
		t.Errorf("summary %q", a.Summary)
	}
	found := false
	for _, e := range a.Entities {
		found = found || e.Kind == "jury_demand"
	}
	if !found {
		t.Errorf("no jury_demand entity in %v", a.Entities)
	}
}

// A text judgment loses its footnotes' superscript: the mark is a plain
// number after the sentence's stop ("the claim fails.12"), which the
// summary kept. A reference's number after an abbreviation ("para.12")
// and an amount's decimals stay.
func TestFreeCourtFilingSummaryLeavesBareMarksOut(t *testing.T) {
	text := "Neutral Citation Number: [2026] EWHC 1234 (Ch)\nCase No: BL-2025-000123\nIN THE HIGH COURT OF JUSTICE\nBUSINESS AND PROPERTY COURTS OF ENGLAND AND WALES\n\nBetween:\nALDGATE TRADING LIMITED\nClaimant\n- and -\nBRENTFORD LOGISTICS PLC\nDefendant\n\nHearing dates: 3, 4 and 5 November 2026\n\n" +
		"1. This is a claim for damages for breach of a logistics services agreement. The claimant says the defendant failed to deliver the goods on time.3\n\n" +
		"2. For the reasons below, the claim for late delivery of the goods succeeds.12 The defendant relies on para.4 of the agreement.\n\n" +
		"3. The defendant's counterclaim for the goods fails.4 It was not pleaded with sufficient particularity.\n"
	doc, err := parse.Parse(context.Background(), parse.Input{Filename: "judgment.txt", Data: []byte(text)}, parse.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), doc, enrich.Request{})
	for _, mark := range []string{"time.3", "succeeds.12", "fails.4"} {
		if strings.Contains(a.Summary, mark) {
			t.Errorf("summary %q keeps the footnote mark of %q", a.Summary, mark)
		}
	}
	if !strings.Contains(a.Summary, "goods") {
		t.Errorf("summary %q lacks the body", a.Summary)
	}
}

// An approved judgment's hand-down notice ("I direct that no official
// shorthand note shall be taken of this Judgment ...", "This judgment was
// handed down remotely ... by release to the National Archives") is
// procedure every such judgment repeats; it opened the summary.
func TestFreeJudgmentSummaryLeavesHandDownNoticeOut(t *testing.T) {
	caption := "Neutral Citation Number: [2026] EWHC 2301 (Comm)\n\nCase No: CL-2025-000412\n\nIN THE HIGH COURT OF JUSTICE\n\nCOMMERCIAL COURT\n\nBetween :\n\nORION MARITIME SA\n\nClaimant\n\n- and -\n\nSTELLAR CHARTERING LIMITED\n\nDefendant\n\nApproved Judgment\n\n"
	body := "1. This claim arises out of the charter of the vessel MV Orion Star under a time charterparty. The claimant owners claim unpaid hire of the vessel.\n\n" +
		"2. The defendant says that the vessel was off-hire because of a main engine breakdown. For the reasons that follow, the claim for hire succeeds.\n"
	for _, notice := range []string{
		"I direct that no official shorthand note shall be taken of this Judgment and that copies of this version as handed down may be treated as authentic.\n\n",
		"This judgment was handed down remotely at 10.30am on 27 November 2026 by circulation to the parties or their representatives by e-mail and by release to the National Archives.\n\n",
	} {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: "judgment.txt", Data: []byte(caption + notice + body)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), doc, enrich.Request{})
		if strings.Contains(a.Summary, "shorthand") || strings.Contains(a.Summary, "handed down") || !strings.Contains(a.Summary, "hire") {
			t.Errorf("summary %q", a.Summary)
		}
	}
}
