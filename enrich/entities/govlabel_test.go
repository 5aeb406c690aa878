package entities

import (
	"slices"
	"testing"
)

// A key-details schedule's "Governing Law: England and Wales" line is the
// governing law: a contract that names its law only so had none.
func TestGoverningLawLabel(t *testing.T) {
	for line, want := range map[string]string{
		"Governing Law: England and Wales":                  "England and Wales",
		"Applicable Law: the laws of the State of New York": "New York",
		"Governing law: Singapore":                          "Singapore",
	} {
		text := "SUPPLY AGREEMENT\n\nKey Details\nSupplier: Orion Components Ltd\nCustomer: Maple Retail plc\n" + line + "\n\n1. The Supplier shall supply the Goods to the Customer.\n"
		if got := valuesOf(Extract(text, "en"), KindGoverningLaw); !slices.Equal(got, []string{want}) {
			t.Errorf("%q: governing law %q, want [%s]", line, got, want)
		}
	}
}
