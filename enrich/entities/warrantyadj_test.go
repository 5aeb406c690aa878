package entities

import (
	"slices"
	"testing"
)

// A warranty period written before the word warranty ("a 12-month
// warranty from delivery") runs from the event after it, as "a warranty
// of 12 months from delivery" does: the register's start column was empty.
func TestAdjectivalWarrantyStart(t *testing.T) {
	text := `5. Warranty. Seller shall provide: (a) a 12-month warranty from delivery; (b) a 24-month limited warranty period commencing upon installation; and (c) on-site support.`
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindDuration {
			got = append(got, e.Text+" "+e.Role+" "+e.From)
		}
	}
	if want := []string{"12-month warranty delivery", "24-month warranty installation"}; !slices.Equal(got, want) {
		t.Errorf("durations %q, want %q", got, want)
	}
}
