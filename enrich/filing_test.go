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
