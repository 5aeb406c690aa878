package classify_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docmill/docmill/enrich/classify"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/internal/datasets"
)

// TestQualityTestSplit reports accuracy and macro-F1 of the embedded model
// on the test split of the training corpus (model/train/work/corpus,
// produced by model/train/corpus.py; skipped when absent). Run:
//
//	go test ./enrich/classify -run TestQualityTestSplit -v
func TestQualityTestSplit(t *testing.T) {
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Skip("no repository root")
	}
	path := filepath.Join(root, "model", "train", "work", "corpus", "classify_test.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("corpus %s not built (run model/train/corpus.py)", path)
	}
	test, err := eval.ReadJSONL[classify.Example](path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := classify.Default()
	if err != nil {
		t.Fatal(err)
	}
	var gold, pred, sgold, spred []string
	var conf float64
	for _, e := range test {
		p := m.Predict(e.Text)
		gold, pred = append(gold, e.Label), append(pred, p.Class)
		conf += p.Confidence
		if e.Subtype != "" && e.Subtype != "none" && p.Class == e.Label {
			sgold, spred = append(sgold, e.Subtype), append(spred, p.Subtype)
		}
	}
	r := eval.ScoreClassification(gold, pred)
	s := eval.ScoreClassification(sgold, spred)
	t.Logf("class: docs=%d accuracy=%.4f macro-F1=%.4f mean confidence=%.3f", len(test), r.Accuracy, r.MacroF1, conf/float64(len(test)))
	t.Logf("subtype (correct class, labelled subtype): docs=%d accuracy=%.4f macro-F1=%.4f", len(sgold), s.Accuracy, s.MacroF1)
	if r.Accuracy < 0.9 {
		t.Errorf("accuracy %.4f under 0.9", r.Accuracy)
	}
}
