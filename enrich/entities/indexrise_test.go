package entities

import (
	"slices"
	"testing"
)

// A rise linked to a price index with a cap is an escalation at the cap:
// "increased annually by the CPI change, capped at 3%" was no entity.
func TestIndexLinkedEscalation(t *testing.T) {
	for text, want := range map[string]string{
		"The annual license fee is USD 120,000. The fee shall be increased annually by the CPI change, capped at 3%.":                              "3%",
		"The rent shall be adjusted each year in line with the change in the Consumer Price Index, subject to a maximum increase of 4% per annum.": "4%",
		// the words between the rise and its index run long in a lease
		"Tenant shall pay monthly base rent of USD 8,500. The base rent shall be adjusted on each anniversary of the commencement date in line with the change in the Consumer Price Index, subject to a maximum increase of 4% per annum.": "4%",
		"The unit prices shall be revised on each anniversary by reference to the Retail Price Index, not to exceed 2.5 percent.":                                                                                                           "2.5%",
	} {
		var got []string
		for _, e := range Extract(text, "en") {
			if e.Kind == KindPercentage && e.Role == RoleEscalation {
				got = append(got, e.Value)
			}
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("%.50s...: escalations %q, want [%q]", text, got, want)
		}
	}
}
