package index

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
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
