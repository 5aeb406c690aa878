package index

import (
	"context"
	"slices"
	"testing"

	"github.com/docmill/docmill/document"
)

// A name with an apostrophe is found however the query writes it: with a
// typewriter or a typographic apostrophe, without one, or by the name
// after an elision; as a party too.
func TestApostropheNamesFound(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ascii := sample("ascii", "Services Agreement", "This Agreement is between D'Angelo Ltd and O'Brien Holdings Inc. Signed by Maria D'Angelo.", "contract", "en")
	ascii.Entities = []document.Entity{{Kind: "party", Text: "D'Angelo Ltd"}, {Kind: "party", Text: "O'Brien Holdings Inc."}}
	typo := sample("typo", "Consulting Agreement", "This Agreement is between D’Arcy Partners LLP and McAllister’s Foods Inc.", "contract", "en")
	typo.Entities = []document.Entity{{Kind: "party", Text: "D’Arcy Partners LLP"}}
	other := sample("other", "Lease", "The landlord is Angela Rossi; the tenant is Brien Darcy.", "contract", "en")
	if err := ix.PutBatch(context.Background(), []*document.Result{ascii, typo, other}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"D'Angelo":                    {"ascii"},
		"D’Angelo":                    {"ascii"},
		"dangelo":                     {"ascii"},
		"Angelo":                      {"ascii"},
		"O’Brien":                     {"ascii"},
		"obrien":                      {"ascii"},
		`"Maria D’Angelo"`:            {"ascii"},
		"D'Arcy":                      {"typo"},
		"D’Arcy":                      {"typo"},
		"darcy":                       {"other", "typo"},
		"McAllister's":                {"typo"},
		`party:"D'Angelo Ltd"`:        {"ascii"},
		`party:"D’Angelo Ltd"`:        {"ascii"},
		"party:dangelo":               {"ascii"},
		`party:"O’Brien Holdings"`:    {"ascii"},
		`party:"D'Arcy Partners LLP"`: {"typo"},
		`party:"D'Arcy Partners"`:     {"typo"},
	} {
		if got := ids(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", q, got, want)
		}
	}
	// the forms are the text's: a query with an apostrophe is that word
	if got := ids(t, ix, "O'Darcy"); len(got) != 0 {
		t.Errorf("O'Darcy: got %v", got)
	}
	if got := idsOf(t, ix, Query{Filters: map[string][]string{"party": {"D'Arcy Partners"}}, Size: 10}); !slices.Equal(got, []string{"typo"}) {
		t.Errorf("party=D'Arcy Partners: got %v", got)
	}
	if up := ix.Upgrades(); len(up) != 0 {
		t.Errorf("a new index lists upgrades: %v", up)
	}
}
