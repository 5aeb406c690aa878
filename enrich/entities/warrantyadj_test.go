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

// A "warrants that" clause that says at length what is warranted is a
// warranty, and one that runs from go-live (a software contract's usual
// start, 上线 in Chinese) names that event: the period had no role.
func TestWarrantsThatClauseFromGoLive(t *testing.T) {
	for text, want := range map[string]string{
		"7. Warranty. Provider warrants that the Services will perform in accordance with the Documentation for ninety (90) days from the Go-Live Date.": "ninety (90) days warranty go-live",
		"第七条 乙方对本系统提供自系统上线之日起十二个月的免费质保。":                                                                                                                 "十二个月 warranty go-live",
	} {
		var got []string
		for _, e := range Extract(text, "") {
			if e.Kind == KindDuration {
				got = append(got, e.Text+" "+e.Role+" "+e.From)
			}
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("%.40q: durations %q, want %q", text, got, want)
		}
	}
}
