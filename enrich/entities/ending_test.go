package entities

import (
	"slices"
	"testing"
)

// A term "ending on December 31, 2026" expires on that date, and the
// register's cell is the date, not the whole term sentence it stands in.
func TestTermEndingOnDate(t *testing.T) {
	text := `This Agreement is entered into as of March 1, 2024 between Acme Corp. ("Licensor") and Beta Inc. ("Licensee"). 1. Term. This Agreement shall commence on the Effective Date and continue for a period of three (3) years, ending on December 31, 2026, unless terminated earlier in accordance with Section 9.`
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindExpirationDate {
			got = append(got, e.Text+"="+e.Value)
		}
	}
	if want := []string{"December 31, 2026=2026-12-31"}; !slices.Equal(got, want) {
		t.Errorf("expirations %q, want %q", got, want)
	}
}
