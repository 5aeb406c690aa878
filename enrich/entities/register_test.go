package entities

import (
	"testing"

	"github.com/docmill/docmill/document"
)

// withRole reports whether ents holds an entity of kind with value and
// role.
func withRole(ents []document.Entity, kind, value, role string) bool {
	for _, e := range ents {
		if e.Kind == kind && e.Value == value && e.Role == role {
			return true
		}
	}
	return false
}

const saasWithOrderForm = `SOFTWARE AS A SERVICE AGREEMENT

This Software as a Service Agreement (the "Agreement") is entered into as of 15 January 2026 (the "Effective Date") by and between Cloudnine Analytics Ltd ("Provider") and Harbour Freight Services Inc. ("Customer").

1. Term. This Agreement commences on the Effective Date and continues for an initial term of one (1) year, ending on 31 January 2027.

2. Governing Law. This Agreement is governed by the laws of England and Wales.

ORDER FORM No. 1

Subscription Start Date: 1 February 2026
Subscription End Date: 30 January 2027
Annual Subscription Fee: GBP 48,000
`

// A register expires a SaaS agreement once, on its term's end; the order
// form's subscription period stays, as dates with their roles.
func TestOrderFormSubscriptionDates(t *testing.T) {
	ents := Extract(saasWithOrderForm, "en")
	if got := valuesOf(ents, KindExpirationDate); len(got) != 1 || got[0] != "2027-01-31" {
		t.Errorf("expirations %v, want the agreement's term end 2027-01-31 only", got)
	}
	if !withRole(ents, KindDate, "2027-01-30", RoleSubscriptionEnd) || !withRole(ents, KindDate, "2026-02-01", RoleSubscriptionStart) {
		t.Errorf("order form's subscription dates lack their roles: %+v", ents)
	}
	// an order form alone is the contract: its end is the expiration
	alone := Extract("ORDER FORM\n\nCustomer: Harbour Freight Services Inc.\nSubscription Start Date: 1 February 2026\nSubscription End Date: 30 January 2027\n", "en")
	if got := valuesOf(alone, KindExpirationDate); len(got) != 1 || got[0] != "2027-01-30" {
		t.Errorf("order form alone: expirations %v, want 2027-01-30", got)
	}
	if got := valuesOf(alone, KindEffectiveDate); len(got) != 1 || got[0] != "2026-02-01" {
		t.Errorf("order form alone: effective dates %v, want 2026-02-01", got)
	}
}
