package entities

import "testing"

// A warranty whose verb stands more than a line's width before its
// length ("warrants that the Services will perform materially in
// accordance with the Documentation for a period of twelve (12) months",
// "warrants the Equipment against defects in materials and workmanship
// for twenty-four (24) months") is a warranty period: it was a length
// with no role, and the register's warranty column was empty.
func TestLongWarrantyClause(t *testing.T) {
	const head = "SERVICES AGREEMENT\n\nThis Services Agreement is made on 1 March 2026 between Acme Corp. (\"Provider\") and Beta LLC (\"Customer\").\n\n"
	for clause, value := range map[string]string{
		"6. Provider warrants that the Services will perform materially in accordance with the Documentation for a period of twelve (12) months from the Go-Live Date.": "P12M",
		"6. Provider warrants that the Services will perform in accordance with the Documentation for a period of twelve (12) months.":                                  "P12M",
		"6. Supplier warrants the Equipment against defects in materials and workmanship for twenty-four (24) months after delivery.":                                   "P24M",
	} {
		ents := Extract(head+clause+"\n", "en")
		if !withRole(ents, KindDuration, value, RoleWarranty) {
			t.Errorf("%.50q: no %s warranty period: %+v", clause, value, ents)
		}
	}
}
