package entities

import (
	"slices"
	"testing"
)

// A contract that dates its go-live ("September 1, 2026 (the "Go-Live
// Date")") records that day as a go-live date, and a term that begins on
// it expires its length after it: the go-live was a plain date, and the
// term was counted from the effective date or not at all.
func TestDatedGoLive(t *testing.T) {
	const head = "IMPLEMENTATION AGREEMENT\n\nThis Implementation Agreement (the \"Agreement\") is effective as of January 15, 2026 (the \"Effective Date\") between Orion Systems Ltd (\"Supplier\") and Maple Retail plc (\"Client\").\n\n" +
		"2. Implementation. Supplier shall make the Platform available for production use on September 1, 2026 (the \"Go-Live Date\").\n\n"
	for clause, want := range map[string]string{
		"3. Term. The Term begins on the Go-Live Date and continues for thirty-six (36) months.":                                   "2029-09-01",
		"3. Term. The subscription term begins on the Go-Live Date and continues for thirty-six (36) months.":                      "2029-09-01",
		"3. Term. The term of this Agreement shall commence on the Go-Live Date and shall continue for a period of two (2) years.": "2028-09-01",
		"3. Term. This Agreement shall continue for an initial term of three (3) years from the Effective Date.":                   "2029-01-15",
	} {
		ents := Extract(head+clause+"\n", "en")
		if !withRole(ents, KindDate, "2026-09-01", "go_live") {
			t.Errorf("%.50q: no go-live date 2026-09-01: %+v", clause, ents)
		}
		if got := valuesOf(ents, KindExpirationDate); !slices.Equal(got, []string{want}) {
			t.Errorf("%.50q: expirations %q, want [%s]", clause, got, want)
		}
		if got := valuesOf(ents, KindEffectiveDate); !slices.Equal(got, []string{"2026-01-15"}) {
			t.Errorf("%.50q: effective dates %q, want [2026-01-15]", clause, got)
		}
	}
}
