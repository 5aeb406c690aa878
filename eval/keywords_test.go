package eval

import (
	"math"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
)

func TestNormalizePhrase(t *testing.T) {
	cases := map[string]string{
		"Separate accounts":         "separ account",
		"separate-account industry": "separ account industri",
		"Web-based platforms":       "web base platform",
		"  ":                        "",
		"Nash equilibria (NE)":      "nash equilibria ne",
		"深度 学习":                     "深度学习",
		"Lyapunov函数":                "lyapunov函数",
		"SOS 方法":                    "so 方法",
	}
	for in, want := range cases {
		if got := NormalizePhrase(in); got != want {
			t.Errorf("NormalizePhrase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKeywordPRF(t *testing.T) {
	gold := []string{"neural networks", "Neural network", "keyphrase extraction", "graphs"}
	// gold after stemming and de-duplication: {neural network, keyphras extract, graph}
	pred := []string{"graph", "neural networks", "neural network", "trees", "keyphrase extractions", "x", "y"}
	// distinct predictions: graph, neural network, tree, keyphras extract, x, y
	// top 5: graph(hit), neural network(hit), tree, keyphras extract(hit), x -> 3 hits
	p, r, f := KeywordPRF(pred, gold, 5)
	if !near(p, 3.0/5) || !near(r, 1) || !near(f, 2*0.6/1.6) {
		t.Fatalf("@5 got %v %v %v", p, r, f)
	}
	// @10: only 6 distinct predictions, still 3 hits: precision 3/6
	p, r, f = KeywordPRF(pred, gold, 10)
	if !near(p, 0.5) || !near(r, 1) || !near(f, 2*0.5/1.5) {
		t.Fatalf("@10 got %v %v %v", p, r, f)
	}
	if p, r, f := KeywordPRF(pred, nil, 5); p != 0 || r != 0 || f != 0 {
		t.Fatal("no gold must score 0")
	}
	if _, _, f := KeywordPRF(nil, gold, 5); f != 0 {
		t.Fatal("no prediction must score 0")
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestReferenceYAKE proves the scorer follows the protocol of
// keyphrase_en/SOURCE.md: the stored reference YAKE predictions must score
// the published table to three decimals.
func TestReferenceYAKE(t *testing.T) {
	cases := []struct {
		docs, preds               string
		p5, r5, f5, p10, r10, f10 float64
		n                         int
	}{
		{"inspec.jsonl", "yake_predictions_inspec.jsonl", .2326, .1043, .1365, .1955, .1712, .1724, 2000},
		{"semeval2010.jsonl", "yake_predictions_semeval2010.jsonl", .1753, .0599, .0884, .1609, .1025, .1233, 243},
	}
	for _, c := range cases {
		docsPath := datasets.Require(t, "keyphrase_en", c.docs)
		predPath := datasets.Require(t, "keyphrase_en", c.preds)
		docs, err := ReadJSONL[KeywordDoc](docsPath)
		if err != nil {
			t.Fatal(err)
		}
		preds, err := ReadKeywordPredictions(predPath)
		if err != nil {
			t.Fatal(err)
		}
		rep := ScoreKeywords(docs, preds)
		t.Logf("%s: P@5 %.4f R@5 %.4f F1@5 %.4f P@10 %.4f R@10 %.4f F1@10 %.4f (%d docs)",
			c.docs, rep.P5, rep.R5, rep.F5, rep.P10, rep.R10, rep.F10, rep.Docs)
		if rep.Docs != c.n {
			t.Errorf("%s: %d docs, want %d", c.docs, rep.Docs, c.n)
		}
		got := []float64{rep.P5, rep.R5, rep.F5, rep.P10, rep.R10, rep.F10}
		want := []float64{c.p5, c.r5, c.f5, c.p10, c.r10, c.f10}
		for i := range got {
			if math.Abs(got[i]-want[i]) >= 0.0005 {
				t.Errorf("%s metric %d: got %.4f, reference %.4f", c.docs, i, got[i], want[i])
			}
		}
	}
}

func TestKeywordDocDocument(t *testing.T) {
	if got := (KeywordDoc{Text: "body"}).Document(); got != "body" {
		t.Fatal(got)
	}
	if got := (KeywordDoc{Title: "标题", Text: "摘要"}).Document(); got != "标题\n摘要" {
		t.Fatal(got)
	}
}
