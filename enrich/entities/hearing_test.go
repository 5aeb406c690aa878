package entities

import (
	"slices"
	"strings"
	"testing"
)

// ukHead is an English judgment's caption, its hearing line left to each
// case.
const ukHead = "IN THE HIGH COURT OF JUSTICE\nCase No: CL-2023-000456\n\nBetween :\n\nALPHA SHIPPING LIMITED\nClaimant\n- and -\nBETA INSURANCE PLC\nDefendant\n\n%s\n\nDate: 24/10/2023\n\nJUDGMENT\n\n1. The claim succeeds.\n"

// A register files a hearing by its first and last day: a range gives
// both, a list each day it names, whichever way the month is written;
// the date of judgment stays the "Date:" line's, and the hearing's days
// are no plain dates besides.
func TestCourtHearingDates(t *testing.T) {
	for line, want := range map[string][]string{
		"Hearing dates: 3-5 July 2023":           {"2023-07-03", "2023-07-05"},
		"Hearing dates: 3 and 4 July 2023":       {"2023-07-03", "2023-07-04"},
		"Hearing dates: 3 July - 5 July 2023":    {"2023-07-03", "2023-07-05"},
		"Hearing dates: 30 June – 2 July 2023":   {"2023-06-30", "2023-07-02"},
		"Hearing date: 3rd July 2023":            {"2023-07-03"},
		"Date of hearing: 3, 4 and 5 July 2023":  {"2023-07-03", "2023-07-04", "2023-07-05"},
		"Heard: July 3-5, 2023":                  {"2023-07-03", "2023-07-05"},
		"Hearing dates: 31 June and 1 July 2023": {"2023-07-01"},
		// the label a paragraph of its own, its dates the next one
		"Hearing:\n\n3 and 4 July 2023":  {"2023-07-03", "2023-07-04"},
		"Heard on:\n3 July 2023":         {"2023-07-03"},
		"Hearing dates\n\n3-5 July 2023": {"2023-07-03", "2023-07-05"},
		"Hearing:\n\nThe court sat in private on 3 July 2023 to consider the application.": nil,
	} {
		text := strings.Replace(ukHead, "%s", line, 1)
		var got, judged []string
		for _, e := range CourtEntities(text, "en") {
			switch e.Kind {
			case "hearing_date": // KindHearingDate
				got = append(got, e.Value)
			case KindJudgmentDate:
				judged = append(judged, e.Value)
			case KindDate:
				if slices.Contains(want, e.Value) {
					t.Errorf("%q: hearing day %s also a plain date", line, e.Value)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: hearing dates %q, want %q", line, got, want)
		}
		if !slices.Equal(judged, []string{"2023-10-24"}) {
			t.Errorf("%q: judgment date %q, want 2023-10-24", line, judged)
		}
	}
}

// A judgment given at the hearing is dated by the line that dates both.
func TestCourtHearingAndJudgment(t *testing.T) {
	text := strings.Replace(strings.Replace(ukHead, "%s", "Date of hearing and judgment: 3 July 2023", 1), "Date: 24/10/2023\n", "", 1)
	var judged, heard []string
	for _, e := range CourtEntities(text, "en") {
		switch e.Kind {
		case KindJudgmentDate:
			judged = append(judged, e.Value)
		case "hearing_date":
			heard = append(heard, e.Value)
		}
	}
	if !slices.Equal(judged, []string{"2023-07-03"}) || !slices.Equal(heard, []string{"2023-07-03"}) {
		t.Errorf("judgment %q, hearing %q: want 2023-07-03 both", judged, heard)
	}
}

// An English judgment writes numeric dates day first though nothing but
// its court says where it is from: "Date: 12/10/2023" is 12 October.
func TestCourtEnglishNumericDateDayFirst(t *testing.T) {
	for _, head := range []string{
		strings.Replace(strings.Replace(ukHead, "%s", "", 1), "24/10/2023", "12/10/2023", 1),
		"Neutral Citation Number: [2023] EWCA Civ 1187\n\nCase No: CA-2023-000123\n\nBetween:\nALPHA SHIPPING LIMITED\nAppellant\n- and -\nBETA INSURANCE PLC\nRespondent\n\nDate: 12/10/2023\n\nJUDGMENT\n\n1. The appeal is dismissed.\n",
	} {
		var judged []string
		for _, e := range CourtEntities(head, "en") {
			if e.Kind == KindJudgmentDate {
				judged = append(judged, e.Value)
			}
		}
		if !slices.Equal(judged, []string{"2023-10-12"}) {
			t.Errorf("judgment date %q, want 2023-10-12 in\n%s", judged, head)
		}
	}
}

// A judgment's own neutral citation is its case number (role
// neutral_citation), not a case it cites, and the judgment it appeals
// from is cited with that role; the authorities in its body stay plain
// citations.
func TestCourtOwnAndAppealedCitations(t *testing.T) {
	head := "Neutral Citation Number: [2023] EWCA Civ 1187\n\nCase No: CA-2022-001544\n\nIN THE COURT OF APPEAL (CIVIL DIVISION)\n" +
		"ON APPEAL FROM THE HIGH COURT OF JUSTICE\nCOMMERCIAL COURT (KBD)\nMr Justice Foxton\n[2022] EWHC 2011 (Comm)\n\n" +
		"Date: 12/10/2023\n\nBetween :\nALPHA SHIPPING LIMITED\nAppellant\n- and -\nBETA INSURANCE PLC\nRespondent\n\nJUDGMENT\n\n" +
		"1. The principles are in Arnold v Britton [2015] UKSC 36 and Wood v Capita Insurance Services Ltd [2017] UKSC 24.\n"
	uksc := "[2024] UKSC 5\n\nJUDGMENT\n\nSmith (Appellant) v Jones (Respondent)\n\nbefore\nLord Reed\nLord Hodge\n\nJUDGMENT GIVEN ON\n7 February 2024\n\n1. As in [2019] UKSC 12, the appeal fails.\n"
	for _, c := range []struct {
		text string
		want []string
	}{
		{head, []string{"case_number [2023] EWCA Civ 1187 neutral_citation", "case_number CA-2022-001544 ", "citation [2022] EWHC 2011 (Comm) appealed_from",
			"citation [2015] UKSC 36 ", "citation [2017] UKSC 24 "}},
		{uksc, []string{"case_number [2024] UKSC 5 neutral_citation", "citation [2019] UKSC 12 "}},
	} {
		var got []string
		for _, e := range CourtEntities(c.text, "en") {
			if e.Kind == KindCaseNumber || e.Kind == KindCitation {
				got = append(got, e.Kind+" "+e.Value+" "+e.Role)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("got %q\nwant %q", got, c.want)
		}
	}
}

// A cover laid out as a table gives its hearing line as two cells
// ("Date of hearing: | 15 – 17 May 2024"): the entity's text is the
// dates, without the cell's bar, which stood in the register before them.
func TestCourtHearingDatesInTableCell(t *testing.T) {
	text := strings.Replace(ukHead, "%s", "Date of hearing: | 15 – 17 May 2024", 1)
	var got []string
	for _, e := range CourtEntities(text, "en") {
		if e.Kind == KindHearingDate {
			got = append(got, e.Text+"|"+e.Value)
		}
	}
	if want := []string{"15 – 17 May 2024|2024-05-15", "15 – 17 May 2024|2024-05-17"}; !slices.Equal(got, want) {
		t.Errorf("hearing %q, want %q", got, want)
	}
}

// A tribunal names where its hearing sat before its days: "Heard at:
// Manchester (by CVP)  On: 4, 5 and 6 November 2025". The hearing's
// text was the whole line from "at:", the place and all; a place with a
// number ("Court 2") gave a day.
func TestCourtHeardAtPlace(t *testing.T) {
	for line, want := range map[string][]string{
		"Heard at: Manchester (by CVP) On: 4, 5 and 6 November 2025": {"4, 5 and 6 November 2025|2025-11-04", "4, 5 and 6 November 2025|2025-11-05", "4, 5 and 6 November 2025|2025-11-06"},
		"Heard at: Leeds\nOn: 3 June 2025":                           {"3 June 2025|2025-06-03"},
		"Heard at: London Central, Court 2 in June 2025":             nil,
	} {
		text := strings.Replace(ukHead, "%s", line, 1)
		var got []string
		for _, e := range CourtEntities(text, "en") {
			if e.Kind == KindHearingDate {
				got = append(got, e.Text+"|"+e.Value)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: hearing %q, want %q", line, got, want)
		}
	}
}
