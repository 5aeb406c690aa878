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
	if len(res.Runs) != 3 || res.Config != "tfidf" || res.Queries != 3 || len(res.HeadlineMinus) != 2 {
		t.Fatalf("%+v", res)
	}
	for name, d := range res.HeadlineMinus {
		if d == nil || d.Delta != 0 || d.Lo != 0 || d.Hi != 0 {
			t.Errorf("headline minus %s: %+v, want 0 (every run ranks perfectly)", name, d)
		}
	}
	for name, r := range res.Runs {
		if r.NDCG10 != 1 || r.MAP != 1 {
			t.Errorf("%s: %+v", name, r)
		}
	}
}

// Mixed-in documents are indexed and searched but judged on no query: one
// about the third query's subject outranks its relevant document, and one
// whose id the corpus has is kept under another.
func TestMixCorpus(t *testing.T) {
	set := &IRSet{
		Corpus: []CorpusDoc{
			{ID: "d1", Text: "The licensee shall not compete with the licensor in the territory."},
			{ID: "d2", Text: "Either party may terminate on notice."},
		},
		Queries: []Query{{ID: "q1", Text: "may the licensee compete"}, {ID: "q2", Text: "terminate for convenience"}},
		Qrels:   Qrels{"q1": {"d1": 1}, "q2": {"d2": 1}},
	}
	set.MixCorpus([]CorpusDoc{
		{ID: "d1", Text: "Payment is due within thirty days."},
		{ID: "m1", Text: "Terminate for convenience: terminate this agreement for convenience."},
	})
	var ids []string
	for _, d := range set.Corpus {
		ids = append(ids, d.ID)
	}
	if !slices.Equal(ids, []string{"d1", "d2", "mix:d1", "m1"}) {
		t.Fatalf("corpus ids %v", ids)
	}
	res, err := EvalSearch(context.Background(), set, nil, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Docs != 4 {
		t.Errorf("%d documents indexed, want 4", res.Docs)
	}
	for name, r := range res.Runs {
		if r.MAP != 0.75 { // q1 first, q2 second
			t.Errorf("%s: %+v, want MAP .75", name, r)
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
