package entities

import (
	"slices"
	"testing"
)

// A key-details schedule's "Expiry Date: 31st March 2029" is the
// contract's expiration: it was a plain date, as only "End Date:" was
// read as a label, and the register's expiration was empty.
func TestExpiryDateLabel(t *testing.T) {
	for _, label := range []string{"Expiry Date", "Expiration Date", "Termination Date", "End Date"} {
		text := "SUPPLY AGREEMENT\n\nKey Details\nSupplier: Orion Components Ltd\nCustomer: Maple Retail plc\n" +
			"Commencement Date: 1st April 2026\n" + label + ": 31st March 2029\n\n1. The Supplier shall supply the Goods to the Customer.\n"
		ents := Extract(text, "en")
		if got := valuesOf(ents, KindExpirationDate); !slices.Equal(got, []string{"2029-03-31"}) {
			t.Errorf("%s: expirations %q, want [2029-03-31]", label, got)
		}
		if got := valuesOf(ents, KindEffectiveDate); !slices.Equal(got, []string{"2026-04-01"}) {
			t.Errorf("%s: effective dates %q, want [2026-04-01]", label, got)
		}
	}
}
