package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"github.com/docmill/docmill/document"
)

// TestCountTokensNearAnalyser holds countTokens within 10% of the tokens
// TextAnalyzer makes of the sample texts: English contracts and
// regulations, Chinese, and logs.
func TestCountTokensNearAnalyser(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	files, _ := filepath.Glob("../samples/*/*")
	checked := 0
	for _, f := range files {
		switch filepath.Ext(f) {
		case ".txt", ".md", ".log", ".html", "":
		default:
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil || len(b) == 0 || !utf8.Valid(b) {
			continue
		}
		want := len(ix.text.Analyze(b))
		got := countTokens(string(b))
		ratio := float64(got) / float64(want)
		t.Logf("%-50s analyser %6d counted %6d ratio %.3f", f, want, got, ratio)
		if ratio < 0.9 || ratio > 1.1 {
			t.Errorf("%s: counted %d tokens, the analyser makes %d", f, got, want)
		}
		checked++
	}
	if checked < 8 {
		t.Fatalf("only %d sample texts found", checked)
	}
}

// TestCountTokens compares countTokens with the analyser on the cases it
// has rules for.
func TestCountTokens(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"The supplier shall deliver the goods.", 4}, // the x2 stop words
		{"Section 2.3(a) don't", 3},                  // section, 2.3, a; "don't" is a stop word
		{"本合同由甲方", 5},                                // 6 ideographs: 5 bigrams
		{"数 据", 2},                                   // single ideographs stay
		{"合同 contract 合同", 3},                        // bigram, word, bigram
		{"IS it an Apple", 1},                        // stop words in any case
		{strings.Repeat("x", 40) + " and", 1},        // long words are not looked up
	} {
		if got := countTokens(c.in); got != c.want {
			t.Errorf("countTokens(%q) = %d, want %d", c.in, got, c.want)
		}
		if n := len(ix.text.Analyze([]byte(c.in))); n != c.want {
			t.Errorf("%q: the analyser makes %d tokens, the case says %d", c.in, n, c.want)
		}
	}
}

func openBM25(t *testing.T, dir string) *Index {
	t.Helper()
	ix, err := Open(dir, Options{Scoring: ScoringBM25})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// lengthTotals reads the index's kept totals.
func lengthTotals(t *testing.T, ix *Index) lengths {
	t.Helper()
	var l lengths
	err := ix.read(func(bi bleve.Index) (err error) {
		l, err = totals(bi)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// wantTotals is the sum of lengthsOf over docs as indexed.
func wantTotals(t *testing.T, ix *Index, docs ...*document.Result) lengths {
	t.Helper()
	l := lengths{}
	for _, d := range docs {
		rec, err := toRecord(d, ix.opts, false, true, ix.keys, ix.rest)
		if err != nil {
			t.Fatal(err)
		}
		l.add(lengthsOf(rec), 1)
	}
	return l
}

// TestFieldLengthTotals follows the totals through puts, replacements (one
// twice in a batch), deletes and a reopen.
func TestFieldLengthTotals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/ix"
	ix := openBM25(t, dir)
	a := sample("a", "Supply Agreement", "The supplier shall deliver goods within thirty days.", "contract", "en", "supply")
	b := sample("b", "GDPR Article 6", "Processing shall be lawful only if the data subject has given consent.", "regulation", "en")
	c := sample("c", "数据保护合同", "本合同由甲方和乙方签订，涉及个人数据保护义务。", "contract", "zh")
	if err := ix.PutBatch(ctx, []*document.Result{a, b, c}); err != nil {
		t.Fatal(err)
	}
	check := func(step string, live ...*document.Result) {
		t.Helper()
		if got, want := lengthTotals(t, ix), wantTotals(t, ix, live...); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: totals %v, want %v", step, got, want)
		}
	}
	check("put", a, b, c)
	if lengthTotals(t, ix)[allField] < 20 {
		t.Fatalf("_all total %d: too few tokens counted", lengthTotals(t, ix)[allField])
	}
	a2 := sample("a", "Supply Agreement", "Replaced: a much longer text about the supply of goods, their delivery, payment and the warranties given.", "contract", "en")
	a3 := sample("a", "Supply Agreement", "Replaced twice in one batch.", "contract", "en")
	if err := ix.PutBatch(ctx, []*document.Result{a2, a3}); err != nil {
		t.Fatal(err)
	}
	check("replace", a3, b, c)
	if err := ix.Delete("b"); err != nil {
		t.Fatal(err)
	}
	check("delete", a3, c)
	if err := ix.DeleteMany([]string{"c", "nope"}); err != nil {
		t.Fatal(err)
	}
	check("delete many", a3)
	ix.Close()
	ix = openBM25(t, dir)
	defer ix.Close()
	check("reopen", a3)
}

// TestBM25WithTrueLengths: a text of average length that names the query
// word 16 times outranks one a fifth as long that names it once, as BM25
// has it (Bleve's own statistics put the average length at 2 here, the
// distinct words per document, and the short text won).
func TestBM25WithTrueLengths(t *testing.T) {
	ctx := context.Background()
	ix := openBM25(t, t.TempDir()+"/ix")
	defer ix.Close()
	words := strings.Fields("payment delivery warranty supplier goods invoice term notice party")
	text := func(n, hits int) string {
		var b strings.Builder
		for i := range n {
			w := words[i%len(words)]
			if i < hits {
				w = "indemnify"
			}
			b.WriteString(w + " ")
		}
		return b.String()
	}
	var docs []*document.Result
	for i := range 28 {
		docs = append(docs, sample(fmt.Sprint("f", i), "Filler", text(100, 0), "contract", "en"))
	}
	docs = append(docs, sample("long", "Long", text(100, 16), "contract", "en"),
		sample("short", "Short", text(20, 1), "contract", "en"))
	for _, d := range docs {
		d.Summary = ""
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Q: "indemnify", Facets: -1, NoHighlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].ID != "long" {
		t.Fatalf("hits %+v, want long first", res.Hits)
	}
	// Field and keyword queries need statistics for their fields too.
	for _, q := range []string{"title:long", "class:contract +indemnify", "filename:short.txt", "party:acme indemnify"} {
		if res, err := ix.Search(ctx, Query{Q: q, Facets: -1}); err != nil || res.Total == 0 {
			t.Errorf("%s: %v, %+v", q, err, res)
		}
	}
}

// BenchmarkCountTokens measures the token count of an English contract
// that each put adds (MB/s).
//
//	go test ./index -run '^$' -bench CountTokens
func BenchmarkCountTokens(b *testing.B) {
	text, err := os.ReadFile("../samples/contracts/cuad-236-promotion.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		countTokens(string(text))
	}
}
