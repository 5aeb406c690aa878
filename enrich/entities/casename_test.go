package entities

import "testing"

// A case's name is its caption's first party on each side, the side that
// brought the claim first, in the case a register writes it; "and others"
// stands for the parties after the first. A contract is no case.
func TestCaseName(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"uk", "IN THE HIGH COURT OF JUSTICE\nCase No: CL-2024-000101\n\nBETWEEN:\n\n(1) O'NEILL FARMS LIMITED\n(2) BANK OF THE NORTH PLC\nClaimants\n- and -\n\nHARBOUR FREIGHT LLP\nDefendant\n\nCONSENT ORDER\n", "O'Neill Farms Limited and others v Harbour Freight LLP"},
		{"appeal", "UNITED STATES COURT OF APPEALS\nFOR THE NINTH CIRCUIT\n\nNo. 23-15501\n\nACME WIDGETS, INC.,\nPlaintiff-Appellee,\nv.\nROADRUNNER LOGISTICS CORP.,\nDefendant-Appellant.\n\nOPINION\n", "Roadrunner Logistics Corp. v. Acme Widgets, Inc."},
		{"ltd", "IN THE HIGH COURT OF JUSTICE\nKING'S BENCH DIVISION\n\nClaim No: KB-2023-002871\n\nBETWEEN:\n\nPENROSE HOMES LIMITED\nClaimant\n\n-and-\n\nTHAMES VALLEY BUILDERS LTD\nDefendant\n\nCONSENT ORDER\n", "Penrose Homes Limited v Thames Valley Builders Ltd"},
		{"contract", "SERVICES AGREEMENT\n\nThis Agreement is between Acme Ltd and Beta Ltd. The courts of England have jurisdiction.\n", ""},
	} {
		if got := CaseName(c.text); got != c.want {
			t.Errorf("%s: CaseName %q, want %q", c.name, got, c.want)
		}
	}
	if got := FilingHeading("IN THE HIGH COURT OF JUSTICE\nCase No: CL-2024-000101\n\nCONSENT ORDER\n"); got != "Consent Order" {
		t.Errorf("FilingHeading %q, want %q", got, "Consent Order")
	}
}
