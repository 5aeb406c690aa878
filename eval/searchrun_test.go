package eval

import (
	"context"
	"slices"
	"testing"

	"github.com/docmill/docmill/index"
)

func TestQueryWords(t *testing.T) {
	got := QueryWords(`Is there a "most favored" clause (technology/goods/services) -- non-compete: yes?`)
	want := "Is there a most favored clause technology goods services non compete yes"
	if got != want {
		t.Fatalf("%q", got)
	}
}

// A real Bleve run over a tiny corpus: each query has one clearly relevant
// document, so a working index and scorer rank it first.
func TestEvalSearchTiny(t *testing.T) {
	set := &IRSet{
		Corpus: []CorpusDoc{
			{ID: "d1", Text: "The licensee shall not compete with the licensor in the territory for two years."},
			{ID: "d2", Text: "This agreement is governed by the laws of the State of New York."},
			{ID: "d3", Text: "Either party may terminate this agreement for convenience on ninety days notice."},
			{ID: "d4", Text: "Payment is due within thirty days of the invoice date."},
		},
		Queries: []Query{
			{ID: "q1", Text: "non-compete restriction: may the licensee compete?"},
			{ID: "q2", Text: "which laws govern the agreement (governing law)"},
			{ID: "q3", Text: "terminate for convenience"},
		},
		Qrels: Qrels{"q1": {"d1": 1}, "q2": {"d2": 1}, "q3": {"d3": 1}},
	}
	res, err := EvalSearch(context.Background(), set, nil, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Runs) != 2 || res.Config != "bm25" || res.Queries != 3 {
		t.Fatalf("%+v", res)
	}
	for name, r := range res.Runs {
		if r.NDCG10 != 1 || r.MAP != 1 {
			t.Errorf("%s: %+v", name, r)
		}
	}
}

func TestRankedIDsBreaksTiesByID(t *testing.T) {
	a := []index.Hit{{ID: "c", Score: 2}, {ID: "b", Score: 1}, {ID: "a", Score: 1}, {ID: "d", Score: 3}}
	b := []index.Hit{{ID: "d", Score: 3}, {ID: "a", Score: 1}, {ID: "c", Score: 2}, {ID: "b", Score: 1}}
	want := []string{"d", "c", "a", "b"}
	if got := rankedIDs(a); !slices.Equal(got, want) {
		t.Errorf("rankedIDs = %v, want %v", got, want)
	}
	if got := rankedIDs(b); !slices.Equal(got, want) {
		t.Errorf("same hits in another order: %v, want %v", got, want)
	}
}
