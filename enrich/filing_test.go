package enrich

import (
	"context"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// countFilingReads counts the reads of a document's opening as a court
// filing while the test runs.
func countFilingReads(t *testing.T) *int {
	t.Helper()
	n := new(int)
	read := courtFiling
	courtFiling = func(doc *document.Parsed) bool { *n++; return read(doc) }
	t.Cleanup(func() { courtFiling = read })
	return n
}

// An analysis reads a document's opening as a court filing once: the
// free tier read it five times per document (the entities' turn twice,
// the class rules, the sub-type, the summary's caption), a composed tier
// again for its own rules and again in its fallback. The analysis is the
// same as before.
func TestCourtFilingReadOnce(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nACME WIDGETS, INC.,\nPlaintiff,\nv.\nBETA SYSTEMS LLC,\nDefendant.\n\nCase No. 1:22-cv-04518\n\n" +
		"MEMORANDUM OPINION AND ORDER\n\n" + strings.Repeat("The motion to dismiss is GRANTED in part. The breach of contract claim survives.\n\n", 50) +
		"SO ORDERED.\n\nDated: March 3, 2023\n"
	free := NewFree(FreeOptions{})
	for name, an := range map[string]Analyzer{"free": free, "composed": WithFallback(free, NewFree(FreeOptions{}))} {
		n := countFilingReads(t)
		a, err := an.Analyze(context.Background(), &document.Parsed{ID: name, Text: text, Language: "en"}, Request{})
		if err != nil {
			t.Fatal(err)
		}
		if *n != 1 {
			t.Errorf("%s: the opening read %d times, want once", name, *n)
		}
		if a.Subtype != "other/judgment" || a.Summary == "" || len(a.Entities) == 0 {
			t.Errorf("%s: %s/%s, summary %q, %d entities", name, a.Class, a.Subtype, a.Summary, len(a.Entities))
		}
	}
}

// A motion filed with its exhibits is summarised by what the motion
// asks: its summary read on into the declaration filed as Exhibit A ("I
// am the Director of Engineering at ...").
func TestFilingSummaryStopsAtExhibit(t *testing.T) {
	text := "IN THE UNITED STATES DISTRICT COURT\nFOR THE EASTERN DISTRICT OF TEXAS\n\nVERIDIAN WIRELESS LLC,\nPlaintiff,\nv.\nORBITAL DEVICES CO., LTD.,\nDefendant.\n\nCivil Action No. 2:25-cv-00311-JRG\n\n" +
		"DEFENDANT'S MOTION TO TRANSFER VENUE\n\nDefendant Orbital Devices Co., Ltd. respectfully moves to transfer this action to the Northern District of California. None of the witnesses resides in this District.\n\n" +
		"Dated: June 16, 2025\n\n/s/ Melissa R. Smith\nAttorneys for Defendant\n\nEXHIBIT A\n\nDECLARATION OF KENJI WATANABE\n\nI, Kenji Watanabe, declare as follows:\n1. I am the Director of Engineering at Orbital Devices Co., Ltd. I have personal knowledge of the facts stated herein.\n2. The accused products were designed in San Jose, California.\n"
	a, err := NewFree(FreeOptions{}).Analyze(context.Background(), &document.Parsed{ID: "m", Text: text, Language: "en"}, Request{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Summary, "moves to transfer") || strings.Contains(a.Summary, "Engineering") || strings.Contains(a.Summary, "San Jose") {
		t.Errorf("summary %q", a.Summary)
	}
}
