package entities

import (
	"slices"
	"testing"
)

// A contract "entered into as of March 1, 2024" that "shall commence on
// the Effective Date" without defining it takes effect on the as-of date:
// the register's effective date was empty.
func TestAsOfDateIsUndefinedEffectiveDate(t *testing.T) {
	text := `SUPPLY AGREEMENT

This Supply Agreement is entered into as of March 1, 2024 by and between Omega Corp. ("Buyer") and Sigma GmbH ("Seller"), and shall commence on the Effective Date.

1. Supply. Seller shall supply the Products ordered by Buyer after the Effective Date.`
	if got := valuesOf(Extract(text, "en"), KindEffectiveDate); !slices.Equal(got, []string{"2024-03-01"}) {
		t.Errorf("effective dates %q, want [2024-03-01]", got)
	}
}

// An Effective Date the text defines in quotes is that definition's, not
// the as-of date's, even where the definition names no date to read.
func TestAsOfDateLeavesDefinedEffectiveDate(t *testing.T) {
	text := `This Agreement is entered into as of March 1, 2024 by and between Omega Corp. ("Buyer") and Sigma GmbH ("Seller"). "Effective Date" has the meaning given in the Merger Agreement. This Agreement shall commence on the Effective Date.`
	if got := valuesOf(Extract(text, "en"), KindEffectiveDate); slices.Contains(got, "2024-03-01") {
		t.Errorf("effective dates %q, want no as-of date for a defined Effective Date", got)
	}
}

// An amendment that borrows its undefined terms from the agreement it
// amends takes that agreement's Effective Date, not its own as-of date.
func TestAsOfDateLeavesBorrowedEffectiveDate(t *testing.T) {
	text := `This Amendment No. 1 (this "Amendment") is entered into as of August 16, 2017 by and between Omega Corp. ("Buyer") and Sigma GmbH ("Seller"). 1. Definitions. Any capitalized term used but not defined in this Amendment will have the meaning set forth for that term in the Supply Agreement. 2. Term. The Supply Agreement will continue from the Effective Date until the end of the Sales Term.`
	if got := valuesOf(Extract(text, "en"), KindEffectiveDate); slices.Contains(got, "2017-08-16") {
		t.Errorf("effective dates %q, want no as-of date for a borrowed Effective Date", got)
	}
}

// A master agreement made "as of" a date that "shall commence on the
// Effective Date" starts then, not on the subscription start of the order
// form attached to it (the register's effective date was the order's).
func TestAsOfDateBeforeOrderFormStart(t *testing.T) {
	text := `MASTER SERVICES AGREEMENT

This Master Services Agreement is entered into as of January 15, 2025 by and between Northwind Analytics Inc. ("Customer") and Contoso Cloud Ltd. ("Provider").

1. Term. This Agreement shall commence on the Effective Date and continue for an initial term of three (3) years.

ORDER FORM No. 1

Subscription Start Date: February 1, 2025
Subscription End Date: January 31, 2026`
	if got := valuesOf(Extract(text, "en"), KindEffectiveDate); !slices.Equal(got, []string{"2025-01-15"}) {
		t.Errorf("effective dates %q, want [2025-01-15]", got)
	}
}
