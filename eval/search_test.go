package eval

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
)

func TestNDCG(t *testing.T) {
	judged := map[string]int{"a": 1, "b": 1, "c": 1}
	// relevant at ranks 1 and 3: DCG = 1/log2(2) + 1/log2(4) = 1.5
	// ideal: three relevant at ranks 1-3: 1 + 1/log2(3) + 1/2 = 2.130930
	want := 1.5 / (1 + 1/math.Log2(3) + 0.5)
	if got := NDCG([]string{"a", "x", "b", "y"}, judged, 10); !nearTol(got, want) {
		t.Fatalf("ndcg %v want %v", got, want)
	}
	// cut-off 2 sees only "a": DCG 1; ideal@2 = 1 + 1/log2(3)
	if got := NDCG([]string{"a", "x", "b"}, judged, 2); !nearTol(got, 1/(1+1/math.Log2(3))) {
		t.Fatalf("ndcg@2 %v", got)
	}
	// graded: ideal order 2,1; run has them reversed.
	// DCG = 1/1 + 2/log2(3); IDCG = 2/1 + 1/log2(3)
	g := map[string]int{"a": 2, "b": 1}
	want = (1 + 2/math.Log2(3)) / (2 + 1/math.Log2(3))
	if got := NDCG([]string{"b", "a"}, g, 10); !nearTol(got, want) {
		t.Fatalf("graded %v want %v", got, want)
	}
	if NDCG([]string{"a"}, map[string]int{"a": 0}, 10) != 0 {
		t.Fatal("no relevant must be 0")
	}
}

func TestAveragePrecision(t *testing.T) {
	judged := map[string]int{"a": 1, "b": 1, "c": 1, "z": 0}
	// relevant at ranks 1 and 3, "c" never retrieved:
	// AP = (1/1 + 2/3) / 3 = 5/9
	if got := AveragePrecision([]string{"a", "z", "b", "a"}, judged); !nearTol(got, 5.0/9) {
		t.Fatalf("AP %v", got)
	}
}

func TestScoreRun(t *testing.T) {
	qrels := Qrels{"q1": {"a": 1}, "q2": {"b": 1}, "q3": {"c": 0}}
	run := Run{"q1": {"a"}, "q3": {"c"}}
	// q3 has no relevant document and is skipped; q2 is missing from the
	// run and scores 0: mean of 1 and 0.
	rep := ScoreRun(run, qrels)
	if rep.Queries != 2 || !nearTol(rep.NDCG10, 0.5) || !nearTol(rep.MAP, 0.5) {
		t.Fatalf("%+v", rep)
	}
}

func TestReadQrels(t *testing.T) {
	p := filepath.Join(t.TempDir(), "qrels.tsv")
	if err := os.WriteFile(p, []byte("q1\t0\td1\t1\nq1 0 d2 2\n\nq2\t0\td3\t0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	q, err := ReadQrels(p)
	if err != nil {
		t.Fatal(err)
	}
	if q["q1"]["d1"] != 1 || q["q1"]["d2"] != 2 || q["q2"]["d3"] != 0 || len(q) != 2 {
		t.Fatalf("%v", q)
	}
	if err := os.WriteFile(p, []byte("q1 d1 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadQrels(p); err == nil {
		t.Fatal("want error on a 3-field line")
	}
}

func TestLoadIRSets(t *testing.T) {
	for _, c := range []struct {
		dir            string
		docs, qs, rels int
	}{
		{"legal_plain_english_summaries", 445, 288, 444},
		{"cuad_contracts", 253, 33, 1550},
	} {
		set, err := LoadIRSet(datasets.Require(t, c.dir, "ir"))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range set.Qrels {
			n += len(m)
		}
		if len(set.Corpus) != c.docs || len(set.Queries) != c.qs || n != c.rels {
			t.Errorf("%s: %d docs %d queries %d judgements", c.dir, len(set.Corpus), len(set.Queries), n)
		}
	}
}
