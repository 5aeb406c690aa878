package index

import (
	"context"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/docmill/docmill/document"
)

// TestRebuildUpgradesOldIndex: an index made by an earlier release (party
// and governing-law values as written, Chinese in _cjk fields) rebuilt
// with the current mapping folds its facets and searches Chinese with one
// analyser, keeps every document with its result and first ingestion
// time, and leaves the old index aside.
func TestRebuildUpgradesOldIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/ix"
	m := unfoldedMapping(t)
	for _, f := range []string{"title", "body", "summary"} {
		m.DefaultMapping.AddFieldMappingsAt(f, fieldMapping(FieldSpec{Name: f, Kind: "text", Analyzer: en.AnalyzerName, Store: true, InAll: true, Vectors: true}))
		zh := FieldSpec{Name: f + cjkSuffix, Kind: "text", Analyzer: cjk.AnalyzerName, Store: true, Vectors: true}
		m.DefaultMapping.AddFieldMappingsAt(zh.Name, fieldMapping(zh))
	}
	m.DefaultAnalyzer = en.AnalyzerName
	bi, err := bleve.New(dir, m)
	if err != nil {
		t.Fatal(err)
	}
	bi.Close()
	old, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if old.keys["party"] != nil || !old.legacyCJK {
		t.Fatal("old mapping not recognised")
	}
	if up := old.Upgrades(); len(up) < 2 {
		t.Errorf("upgrades of the old index: %q", up)
	}
	docs := append(spellingDocs(), chineseDocs()...)
	docs = append(docs, sample("clause-a", "Fees", "Fees are set in Section 2.3(a) below.", "contract", "en"),
		sample("clause", "Fees", "Fees are set in Section 2.3 below.", "contract", "en"))
	first := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	docs[0].IngestedAt = first
	if err := old.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, old, `"Section 2.3(a)"`); len(got) != 2 {
		t.Fatalf("old stop words: %v, want both clauses (the a dropped)", got)
	}
	// The index is in use while open: Rebuild says so, without waiting.
	start := time.Now()
	if _, err := Rebuild(ctx, dir, RebuildOptions{}); !errors.Is(err, ErrInUse) || time.Since(start) > time.Minute {
		t.Fatalf("rebuild of an index in use: %v after %v", err, time.Since(start))
	}
	old.Close()

	var seen []int
	rep, err := Rebuild(ctx, dir, RebuildOptions{Progress: func(done, total int) { seen = append(seen, done, total) }})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != len(docs) || len(rep.TextsCut) != 0 || !slices.Equal(seen, []int{len(docs), len(docs)}) {
		t.Errorf("report %+v, progress %v", rep, seen)
	}
	if _, err := os.Stat(rep.Before); err != nil {
		t.Errorf("old index not kept aside: %v", err)
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !ix.partyForms || ix.legacyCJK {
		t.Errorf("rebuilt index: folded facets %v, legacy Chinese fields %v", ix.partyForms, ix.legacyCJK)
	}
	if up := ix.Upgrades(); len(up) != 0 {
		t.Errorf("upgrades left after the rebuild: %q", up)
	}
	res, err := ix.Search(ctx, Query{FacetFields: []string{"governing_law"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []FacetTerm{{"Delaware", 4}, {"New York", 1}}; !reflect.DeepEqual(res.Facets["governing_law"], want) {
		t.Errorf("governing_law facet %v, want %v", res.Facets["governing_law"], want)
	}
	for q, want := range map[string][]string{"租赁": {"lease"}, "協議": {"license"}, "consent": {"gdpr"}, `"Section 2.3(a)"`: {"clause-a"}} {
		if got := ids(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", q, got, want)
		}
	}
	r, err := ix.Get(ctx, docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !r.IngestedAt.Equal(first) || r.Title != docs[0].Title || len(r.Entities) != len(docs[0].Entities) {
		t.Errorf("rebuilt result %+v", r)
	}
}

// A text longer than the index stores (its first MiB) is read whole
// through FullText, and reported when it cannot be.
func TestRebuildLongTexts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/ix"
	old, err := Open(dir, Options{Scoring: ScoringBM25})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("the supplier delivers the goods ", 40000) // 1.2 MiB
	stored := sample("stored", "Stored", long+" zephyrtail", "contract", "en")
	stored.TextObject = "docmill-texts/stored"
	lost := sample("lost", "Lost", long+" quokkatail", "contract", "en")
	stored.Summary, lost.Summary = "A supply contract.", "A supply contract."
	if err := old.PutBatch(ctx, []*document.Result{stored, lost}); err != nil {
		t.Fatal(err)
	}
	old.Close()
	fetched := 0
	rep, err := Rebuild(ctx, dir, RebuildOptions{Index: Options{Scoring: ScoringTFIDF}, FullText: func(_ context.Context, r *document.Result) (string, error) {
		fetched++
		if r.TextObject != "docmill-texts/stored" {
			return "", errors.New("no such object")
		}
		return long + " zephyrtail", nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.TextsFetched != 1 || !slices.Equal(rep.TextsCut, []string{"lost"}) || fetched != 2 {
		t.Errorf("report %+v after %d reads", rep, fetched)
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if m, ok := ix.bi.Mapping().(*mapping.IndexMappingImpl); !ok || m.ScoringModel != ScoringTFIDF {
		t.Errorf("the rebuilt index does not score by the options' model")
	}
	if got := ids(t, ix, "zephyrtail"); !slices.Equal(got, []string{"stored"}) {
		t.Errorf("tail of the fetched text: %v", got)
	}
	if got := ids(t, ix, "quokkatail"); len(got) != 0 {
		t.Errorf("tail of a text the index did not keep found: %v", got)
	}
}
