package entities

import "testing"

// A term that starts on a day and runs until terminated has no
// expiration day: its start day was its expiration, so the export listed
// a contract in force as expired the day it began.
func TestEvergreenTermHasNoEnd(t *testing.T) {
	const head = "SERVICES AGREEMENT\n\nThis Services Agreement is made between Acme Corp. (\"Supplier\") and Beta LLC (\"Customer\").\n\n"
	for _, c := range []struct{ clause, start string }{
		{"1. This Agreement shall take effect on the 3rd day of March, 2026 and continue until terminated.", "2026-03-03"},
		{"1. This Agreement shall come into force on 1 April 2026 and shall continue in force until terminated by either party on ninety (90) days' written notice.", "2026-04-01"},
		{"1. The term of this Agreement shall commence on March 1, 2026 and continue until terminated in accordance with Section 9.", "2026-03-01"},
	} {
		ents := Extract(head+c.clause+"\n\n2. Customer shall pay the fees monthly.\n", "en")
		for _, v := range valuesOf(ents, KindExpirationDate) {
			if v != "" {
				t.Errorf("%.50q: expires %q, want no day (it runs until terminated)", c.clause, v)
			}
		}
		if got := valuesOf(ents, KindEffectiveDate); len(got) == 0 || got[0] != c.start {
			t.Errorf("%.50q: effective dates %q, want %s first", c.clause, got, c.start)
		}
	}
}
