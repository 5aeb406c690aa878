package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// leadSystem is a real (if simple) system: the document's opening as
// summary, its capitalised words as key phrases, "long"/"short" by length.
var leadSystem = System{
	Name: "lead-test",
	Keywords: func(_ context.Context, d *document.Parsed, k int) ([]string, error) {
		var out []string
		for _, w := range strings.Fields(d.Text) {
			w = strings.Trim(w, ".,")
			if w != "" && w[0] >= 'A' && w[0] <= 'Z' && len(out) < k {
				out = append(out, w)
			}
		}
		return out, nil
	},
	Summarize: func(_ context.Context, d *document.Parsed, n int) (string, error) {
		return d.Text, nil // deliberately long: the runner must cut it
	},
	Classify: func(_ context.Context, d *document.Parsed) (string, error) {
		if len(d.Text) > 40 {
			return "long", nil
		}
		return "short", nil
	},
}

func TestEvalKeywordsRun(t *testing.T) {
	docs := []KeywordDoc{
		{ID: "a", Text: "Kafka and NATS move messages.", Keywords: []string{"nats", "message queues"}},
		{ID: "b", Text: "Bleve indexes documents.", Keywords: []string{"bleve"}},
	}
	var preds, progress bytes.Buffer
	res, err := EvalKeywords(context.Background(), docs, leadSystem, Options{Predictions: &preds, Progress: &progress, Baselines: true})
	if err != nil {
		t.Fatal(err)
	}
	// a: predictions Kafka, NATS: 1 hit of 2 predictions, 2 gold: P .5 R .5
	// b: Bleve: 1 of 1, gold 1: P 1 R 1. Means: P@5 .75, R@5 .75, F .75.
	if res.Docs != 2 || !nearTol(res.P5, 0.75) || !nearTol(res.R5, 0.75) || !nearTol(res.F5, 0.75) {
		t.Fatalf("%+v", res.KeywordReport)
	}
	if _, ok := res.Baselines["tfidf"]; !ok {
		t.Fatal("no tf-idf baseline")
	}
	lines := strings.Split(strings.TrimSpace(preds.String()), "\n")
	if len(lines) != 2 || lines[0] != `{"id":"a","keywords":["Kafka","NATS"]}` {
		t.Fatalf("predictions %q", lines)
	}
	if !strings.Contains(progress.String(), "2/2") {
		t.Fatalf("progress %q", progress.String())
	}
	out, _ := json.Marshal(res)
	for _, k := range []string{`"f1_at_5"`, `"f1_at_10"`, `"docs":2`} {
		if !bytes.Contains(out, []byte(k)) {
			t.Errorf("JSON lacks %s: %s", k, out)
		}
	}
}

func TestEvalSummaryRun(t *testing.T) {
	docs := []SummaryDoc{{
		ID:      "s1",
		Text:    "The service may end your account at any time. We keep your data for a year. Lunch is at noon.",
		Summary: "they can end your account at any time",
	}}
	var preds bytes.Buffer
	res, err := EvalSummary(context.Background(), docs, leadSystem, Options{Baselines: true, Predictions: &preds})
	if err != nil {
		t.Fatal(err)
	}
	// Budget = reference length, 38 characters: the long output is cut to
	// "The service may end your account at" (35 chars).
	var row SummaryPrediction
	if err := json.Unmarshal(preds.Bytes(), &row); err != nil || row.Summary != "The service may end your account at" {
		t.Fatalf("prediction %q %v", preds.String(), err)
	}
	// ROUGE-1, stemmed: summary the service may end your account at (7),
	// reference they can end your account at any time (8); shared: end,
	// your, account, at = 4. P 4/7, R 4/8, F = 2(4/7)(1/2)/(4/7+1/2) = 8/15.
	if !nearTol(res.Rouge1, 8.0/15) || res.Docs != 1 {
		t.Fatalf("%+v", res.SummaryReport)
	}
	// LEAD cuts the same opening, so it ties with this system.
	if lead := res.Baselines["lead"]; !nearTol(lead.Rouge1, res.Rouge1) {
		t.Fatalf("lead %+v", lead)
	}
	tr, ok := res.Baselines["textrank"]
	if !ok {
		t.Fatal("no textrank")
	}
	// beside docmill's summary, the baselines' own, each with its score
	if row.Lead == "" || row.TextRank == "" || !nearTol(row.TextRankROUGE1, tr.Rouge1) || !nearTol(row.LeadROUGE1, res.Baselines["lead"].Rouge1) {
		t.Fatalf("baselines in the prediction %+v (textrank %v)", row, tr.Rouge1)
	}
	if tr.Rouge1 == 0 {
		t.Fatal("textrank scored 0: the check above proves nothing")
	}
	// The best passage under the budget, chosen with the reference, is the
	// opening here too: "The service may end your account at".
	if o := res.Baselines[OraclePassage]; !nearTol(o.Rouge1, 8.0/15) {
		t.Fatalf("oracle %+v", o)
	}
}

// The passage oracle picks the start that best matches the reference,
// which need not be the opening.
func TestOraclePassageChoosesBestStart(t *testing.T) {
	docs := []SummaryDoc{{
		ID:      "s2",
		Text:    "Lunch is at noon every day. We keep your data for a year. The service may end your account.",
		Summary: "we keep your data for a year",
	}}
	res, err := EvalSummary(context.Background(), docs, leadSystem, Options{Baselines: true})
	if err != nil {
		t.Fatal(err)
	}
	o := res.Baselines[OraclePassage]
	// "We keep your data for a": the budget is the reference's 28 characters.
	if o.Rouge1 < 0.9 || o.VsOurs == nil || o.VsOurs.Delta >= 0 {
		t.Fatalf("oracle %+v, lead system %+v", o, res.SummaryReport)
	}
}

func TestEvalClassifyRun(t *testing.T) {
	docs := []ClassDoc{
		{ID: "1", Text: "short text", Label: "short"},
		{ID: "2", Text: "a much longer text that is over forty characters", Label: "long"},
		{ID: "3", Text: "tiny", Label: "long"},
	}
	res, err := EvalClassify(context.Background(), docs, leadSystem, LoadClassDoc, Options{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !nearTol(res.Accuracy, 2.0/3) || res.Docs != 3 {
		t.Fatalf("%+v", res.ClassReport)
	}
	_, err = EvalClassify(context.Background(), []ClassDoc{{ID: "x", Path: "a.pdf", Label: "l"}}, leadSystem, LoadClassDoc, Options{})
	if err == nil {
		t.Fatal("a path without a parser must fail")
	}
}

func TestEvalRunErrors(t *testing.T) {
	boom := errors.New("boom")
	sys := System{Name: "broken", Keywords: func(context.Context, *document.Parsed, int) ([]string, error) { return nil, boom }}
	docs := make([]KeywordDoc, 50)
	for i := range docs {
		docs[i] = KeywordDoc{ID: string(rune('a' + i%26)), Text: "x"}
	}
	if _, err := EvalKeywords(context.Background(), docs, sys, Options{Workers: 3}); !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if _, err := EvalSummary(context.Background(), nil, sys, Options{}); err == nil {
		t.Fatal("a tier without a summariser must fail")
	}
}
