package entities

import (
	"slices"
	"testing"
)

// A warranty period inside a list keeps its role and the event it runs
// from: after the first item's "; " (or under "the following warranty
// periods:"), the later items named no warranty and the register lost
// them.
func TestWarrantyPeriodsInList(t *testing.T) {
	text := `PURCHASE AGREEMENT

This Purchase Agreement is made between Omega Corp. ("Buyer") and Sigma GmbH ("Seller").

7. Warranty. Seller warrants the Products for the following warranty periods:
(a) hardware: 12 months from delivery;
(b) software: 90 days from installation; and
(c) services: 6 months from acceptance.

8. Spare Parts. The warranty period for spare parts shall be (a) eighteen (18) months from delivery for Equipment; (b) twenty-four (24) months from installation for Software.`
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindDuration {
			got = append(got, e.Text+" "+e.Role+" "+e.From)
		}
	}
	want := []string{"12 months warranty delivery", "90 days warranty installation", "6 months warranty acceptance",
		"eighteen (18) months warranty delivery", "twenty-four (24) months warranty installation"}
	if !slices.Equal(got, want) {
		t.Errorf("durations %q, want %q", got, want)
	}
}

// A list whose lead-in names no role gives its items none.
func TestListWithoutLeadInRole(t *testing.T) {
	text := `The Supplier shall deliver: (a) the first batch within 30 days; (b) the second batch within 60 days.`
	for _, e := range Extract(text, "en") {
		if e.Kind == KindDuration && e.Role == RoleWarranty {
			t.Errorf("%q has role warranty", e.Text)
		}
	}
}
