package eval

import (
	"reflect"
	"testing"
)

func TestScoreClassification(t *testing.T) {
	gold := []string{"contract", "contract", "contract", "log", "log", "regulation"}
	pred := []string{"contract", "contract", "log", "log", "contract", "regulation"}
	rep := ScoreClassification(gold, pred)
	// 4 of 6 right.
	if !nearTol(rep.Accuracy, 4.0/6) || rep.Docs != 6 {
		t.Fatalf("accuracy %v docs %d", rep.Accuracy, rep.Docs)
	}
	// contract: tp 2, predicted 3, gold 3: P = R = F = 2/3
	// log: tp 1, predicted 2, gold 2: P = R = F = 1/2
	// regulation: tp 1 of 1: F = 1
	// macro-F1 = (2/3 + 1/2 + 1) / 3 = 13/18
	if !nearTol(rep.MacroF1, 13.0/18) {
		t.Fatalf("macro-F1 %v, want %v", rep.MacroF1, 13.0/18)
	}
	wantLabels := []string{"contract", "log", "regulation"}
	wantConf := [][]int{{2, 1, 0}, {1, 1, 0}, {0, 0, 1}}
	if !reflect.DeepEqual(rep.Labels, wantLabels) || !reflect.DeepEqual(rep.Confusion, wantConf) {
		t.Fatalf("labels %v confusion %v", rep.Labels, rep.Confusion)
	}
}

func TestScoreClassificationUnknownPrediction(t *testing.T) {
	// A label absent from gold joins the label set with F1 0, lowering
	// macro-F1: a: tp 1, pred 1, gold 2 -> P 1, R 1/2, F 2/3; b: F 0.
	rep := ScoreClassification([]string{"a", "a"}, []string{"a", "b"})
	if !nearTol(rep.MacroF1, (2.0/3)/2) || !nearTol(rep.Accuracy, 0.5) {
		t.Fatalf("%+v", rep)
	}
	// A missing prediction is wrong and is not counted in the confusion.
	rep = ScoreClassification([]string{"a", "a"}, []string{"a"})
	if !nearTol(rep.Accuracy, 0.5) || rep.Confusion[0][0] != 1 || len(rep.Labels) != 1 {
		t.Fatalf("%+v", rep)
	}
	if rep := ScoreClassification(nil, nil); rep.Accuracy != 0 || rep.MacroF1 != 0 {
		t.Fatalf("empty: %+v", rep)
	}
}
