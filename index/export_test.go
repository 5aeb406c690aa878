package index

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/docmill/docmill/document"
)

// Export reads every match across pages (200 a page), in id order, each
// once, with the filters and text query a search applies.
func TestExportPagesThroughEveryMatch(t *testing.T) {
	ix, _ := openTemp(t)
	ctx := context.Background()
	var docs []*document.Result
	for i := range 450 {
		class, text := "contract", fmt.Sprintf("Supply agreement %d: the supplier shall deliver.", i)
		if i%3 == 0 {
			class, text = "regulation", fmt.Sprintf("Article %d: controllers shall keep records.", i)
		}
		docs = append(docs, sample(fmt.Sprintf("d%04d", i), "Doc", text, class, "en"))
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	export := func(q Query, withText bool) (ids []string, texts int) {
		t.Helper()
		err := ix.Export(ctx, q, withText, func(r *document.Result, text string, _ bool) error {
			ids = append(ids, r.ID)
			if text != "" {
				texts++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return ids, texts
	}
	all, texts := export(Query{Size: 5, From: 100}, true)
	if len(all) != 450 || !slices.IsSorted(all) || len(slices.Compact(slices.Clone(all))) != 450 || texts != 450 {
		t.Errorf("all: %d ids (sorted %v), %d texts", len(all), slices.IsSorted(all), texts)
	}
	regs, texts := export(Query{Filters: map[string][]string{"class": {"regulation"}}}, false)
	if len(regs) != 150 || texts != 0 {
		t.Errorf("regulations: %d, %d texts without asking", len(regs), texts)
	}
	if recs, _ := export(Query{Q: "records", Filters: map[string][]string{"class": {"contract"}}}, false); len(recs) != 0 {
		t.Errorf("contracts about records: %d", len(recs))
	}
	if err := ix.Export(ctx, Query{Q: "/[a-z/"}, false, func(*document.Result, string, bool) error { return nil }); err == nil {
		t.Error("a bad query exported")
	}
}
