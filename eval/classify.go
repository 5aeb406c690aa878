package eval

import "sort"

// ClassDoc is one document of a classification set: the JSONL line
// {"id","text","label"}, or {"id","path","label"} for a file to parse.
type ClassDoc struct {
	ID    string `json:"id"`
	Text  string `json:"text,omitempty"`
	Path  string `json:"path,omitempty"`
	Label string `json:"label"`
}

// ClassReport holds classification scores. Confusion[i][j] counts documents
// of gold label Labels[i] predicted as Labels[j].
type ClassReport struct {
	Accuracy  float64          `json:"accuracy"`
	MacroF1   float64          `json:"macro_f1"`
	Docs      int              `json:"docs"`
	Labels    []string         `json:"labels"`
	Confusion [][]int          `json:"confusion"`
	PerClass  map[string]Score `json:"per_class"`
}

// ScoreClassification compares predicted labels with gold labels, index by
// index (a missing prediction is the empty label, which is never right).
// Macro-F1 averages the per-label F1 over every label that occurs in gold
// or in the predictions (scikit-learn's default), so predicting a label
// that does not exist costs macro-F1.
func ScoreClassification(gold, pred []string) ClassReport {
	labelSet := map[string]bool{}
	for i, g := range gold {
		labelSet[g] = true
		if p := at(pred, i); p != "" {
			labelSet[p] = true
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	pos := make(map[string]int, len(labels))
	for i, l := range labels {
		pos[l] = i
	}
	rep := ClassReport{Docs: len(gold), Labels: labels, Confusion: make([][]int, len(labels)), PerClass: map[string]Score{}}
	for i := range rep.Confusion {
		rep.Confusion[i] = make([]int, len(labels))
	}
	correct := 0
	tp := make([]int, len(labels))
	predN := make([]int, len(labels))
	goldN := make([]int, len(labels))
	for i, g := range gold {
		p := at(pred, i)
		goldN[pos[g]]++
		if p == "" {
			continue
		}
		predN[pos[p]]++
		rep.Confusion[pos[g]][pos[p]]++
		if p == g {
			correct++
			tp[pos[g]]++
		}
	}
	if len(gold) > 0 {
		rep.Accuracy = float64(correct) / float64(len(gold))
	}
	for i, l := range labels {
		var s Score
		if predN[i] > 0 {
			s.P = float64(tp[i]) / float64(predN[i])
		}
		if goldN[i] > 0 {
			s.R = float64(tp[i]) / float64(goldN[i])
		}
		s.F = fmeasure(s.P, s.R)
		rep.PerClass[l] = s
		rep.MacroF1 += s.F
	}
	if len(labels) > 0 {
		rep.MacroF1 /= float64(len(labels))
	}
	return rep
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}
