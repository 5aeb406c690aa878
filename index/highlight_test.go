package index

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// TestTwoPassHighlightMatchesOnePass checks that highlighting the page's
// hits in a second search gives the fragments that Bleve gives when the
// main search highlights.
func TestTwoPassHighlightMatchesOnePass(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	if err := ix.PutBatch(ctx, facetCorpus(time.Now())); err != nil {
		t.Fatal(err)
	}
	queries := []Query{
		{Q: "agreement"},
		{Q: "alph*", Size: 20, From: 3},
		{Q: `"agreement covers"`, Sort: "date"},
		{Q: "数据保护"},
		{Q: "gamma", Filters: map[string][]string{"class": {"contract"}}},
	}
	for _, q := range queries {
		got, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		req, _, err := ix.buildRequest(q)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ix.bi.SearchInContext(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || len(res.Hits) != len(got.Hits) {
			t.Fatalf("%q: %d hits, one-pass search %d", q.Q, len(got.Hits), len(res.Hits))
		}
		marked := 0
		for i, h := range res.Hits {
			want := toHit(h)
			if got.Hits[i].ID != want.ID || !reflect.DeepEqual(got.Hits[i].Fragments, want.Fragments) {
				t.Errorf("%q hit %d: %s %q, one-pass %s %q", q.Q, i, got.Hits[i].ID, got.Hits[i].Fragments, want.ID, want.Fragments)
			}
			if len(want.Fragments) > 0 {
				marked++
			}
		}
		if marked == 0 {
			t.Errorf("%q: no hit has fragments", q.Q)
		}
	}
}
