package index

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// A fresh index needs nothing; one opened with another scoring model, or a
// BM25 index made before the field lengths, lists what a rebuild brings.
func TestUpgrades(t *testing.T) {
	dir := t.TempDir() + "/ix"
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if up := ix.Upgrades(); len(up) != 0 {
		t.Errorf("fresh index: %q", up)
	}
	ix.Close()
	ix, err = Open(dir, Options{Scoring: ScoringBM25})
	if err != nil {
		t.Fatal(err)
	}
	if up := ix.Upgrades(); len(up) != 1 || !strings.Contains(up[0], "bm25 scoring") {
		t.Errorf("reopened asking for bm25: %q", up)
	}
	ix.Close()

	// BM25 mapping as it was before fieldLengths
	m, err := Mapping(Options{Scoring: ScoringBM25})
	if err != nil {
		t.Fatal(err)
	}
	delete(m.DefaultMapping.Properties, fieldLengths)
	old := t.TempDir() + "/old"
	bi, err := bleve.New(old, m)
	if err != nil {
		t.Fatal(err)
	}
	bi.Close()
	ix, err = Open(old, Options{Scoring: ScoringBM25})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if up := ix.Upgrades(); len(up) != 1 || !strings.Contains(up[0], "field lengths") {
		t.Errorf("BM25 index without field lengths: %q", up)
	}
}

// Words are indexed cut to MaxTermRunes: a text of one enormous word is
// found by its opening, and the term Bleve keeps is short. An index whose
// analyser lacks the cut names it among its upgrades.
func TestLongWordsCut(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	toks := ix.text.Analyze([]byte("short " + strings.Repeat("x", 5000)))
	if len(toks) != 2 || len([]rune(string(toks[1].Term))) != MaxTermRunes {
		t.Fatalf("analysed a 5,000-letter word into %d tokens, the second of %d runes", len(toks), len(toks[1].Term))
	}
	d := sample("blob", "blob", "prefix "+strings.Repeat("qz", 1<<20), "other", "en")
	if err := ix.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"qzqz*", "prefix"} {
		if res, err := ix.Search(context.Background(), Query{Q: q}); err != nil || res.Total != 1 {
			t.Errorf("%s: %v %v", q, res, err)
		}
	}
	ix2 := openWithMapping(t, t.TempDir()+"/old", uncutMapping(t))
	if up := ix2.Upgrades(); len(up) != 1 || !strings.Contains(up[0], "words cut") {
		t.Errorf("an index without the cut: %q", up)
	}
}

// uncutMapping is the mapping of an index made before TruncateName:
// words indexed whole.
func uncutMapping(tb testing.TB) *mapping.IndexMappingImpl {
	tb.Helper()
	m, err := Mapping(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	cfg := m.CustomAnalysis.Analyzers[TextAnalyzer]
	filters := cfg["token_filters"].([]interface{})
	if filters[0] != TruncateName {
		tb.Fatalf("TextAnalyzer's first filter is %v, not %s", filters[0], TruncateName)
	}
	cfg["token_filters"] = filters[1:]
	return m
}

// An index made before a colon parted words keeps its analyser (dots
// only), so its texts and queries agree, and names the rebuild that makes
// mallory find user:mallory; a new index parts both.
func TestColonPartsUpgrade(t *testing.T) {
	m, err := Mapping(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := m.CustomAnalysis.Analyzers[TextAnalyzer]
	filters := slices.Clone(cfg["token_filters"].([]interface{}))
	i := slices.Index(filters, interface{}(DottedPartsName))
	if i < 0 {
		t.Fatalf("TextAnalyzer has no %s: %v", DottedPartsName, filters)
	}
	filters[i] = dottedParts1Name
	cfg["token_filters"] = filters
	old := openWithMapping(t, t.TempDir()+"/old", m)
	fresh, _ := openTemp(t)
	defer fresh.Close()
	d := sample("log", "auth.log", "2024-05-13 10:00:01 INFO login user:mallory from java.io.IOException", "log", "en")
	for name, c := range map[string]struct {
		ix      *Index
		mallory uint64
		upgrade bool
	}{"old": {old, 0, true}, "new": {fresh, 1, false}} {
		if err := c.ix.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]uint64{"mallory": c.mallory, "IOException": 1} {
			if res, err := c.ix.Search(context.Background(), Query{Q: q}); err != nil || res.Total != want {
				t.Errorf("%s index, %s: %v %v, want %d", name, q, res.Total, err, want)
			}
		}
		listed := slices.ContainsFunc(c.ix.Upgrades(), func(s string) bool { return strings.Contains(s, "colon") })
		if listed != c.upgrade {
			t.Errorf("%s index: upgrades %q", name, c.ix.Upgrades())
		}
	}
}
