package entities

import "testing"

// A length the term is extended by is a renewal: "Customer may extend the
// Term by one (1) additional year" gave no duration ("additional" stood
// between the number and its unit), and an amendment's "the initial term
// of the Agreement is hereby extended by twelve (12) months" was a second
// term.
func TestTermExtension(t *testing.T) {
	const head = "SERVICES AGREEMENT\n\nThis Services Agreement is made on 3 March 2026 between Acme Corp. (\"Provider\") and Beta LLC (\"Customer\").\n\n"
	for clause, value := range map[string]string{
		"4. The Initial Term shall be two (2) years. Customer may extend the Term by one (1) additional year by notice in writing to Provider no later than ninety (90) days prior to the end of the Initial Term.": "P1Y",
		"4. The initial term of the Agreement is hereby extended by twelve (12) months.": "P12M",
		"4. The parties may agree to extend this Agreement for two (2) further years.":   "P2Y",
	} {
		ents := Extract(head+clause+"\n", "en")
		if !withRole(ents, KindDuration, value, RoleRenewal) {
			t.Errorf("%.50q: no %s renewal: %+v", clause, value, ents)
		}
	}
	// a cure period extended is no renewal
	ents := Extract(head+"4. The cure period may be extended by thirty (30) days.\n", "en")
	if withRole(ents, KindDuration, "P30D", RoleRenewal) {
		t.Errorf("a cure period's extension read as a renewal: %+v", ents)
	}
}
