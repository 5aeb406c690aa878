package summarize_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strconv"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/summarize"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/internal/datasets"
)

func split(folder, id string) string {
	sum := sha256.Sum256([]byte(folder + "/" + id))
	v, _ := strconv.ParseUint(hex.EncodeToString(sum[:])[:8], 16, 64)
	switch v % 10 {
	case 0, 1:
		return "test"
	case 2:
		return "dev"
	}
	return "train"
}

// TestQualityLegal scores Summarize, LEAD and TextRank (eval's baselines,
// same budget: the reference summary's length) with ROUGE-1/2/L F on the
// test split of legal_plain_english_summaries. DefaultWeights were fixed on
// the train split. Run:
//
//	go test ./enrich/summarize -run TestQualityLegal -v
func TestQualityLegal(t *testing.T) {
	all, err := eval.ReadJSONL[eval.SummaryDoc](datasets.Require(t, "legal_plain_english_summaries", "pairs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	part := os.Getenv("DOCMILL_SPLIT") // "train" to look at the tuning split
	if part == "" {
		part = "test"
	}
	var docs []eval.SummaryDoc
	for _, d := range all {
		if split("legal_plain_english_summaries", d.ID) == part {
			docs = append(docs, d)
		}
	}
	sys := eval.System{Name: "free", Summarize: func(_ context.Context, p *document.Parsed, n int) (string, error) {
		return summarize.Summarize(p.Sentences, summarize.Options{MaxChars: n, Language: p.Language}), nil
	}}
	res, err := eval.EvalSummary(context.Background(), docs, sys, eval.Options{Baselines: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s docs=%d budget=%s", part, res.Docs, res.Budget)
	t.Logf("ours     R1=%.4f R2=%.4f RL=%.4f", res.Rouge1, res.Rouge2, res.RougeL)
	for _, name := range []string{"lead", "textrank"} {
		b := res.Baselines[name]
		t.Logf("%-8s R1=%.4f R2=%.4f RL=%.4f", name, b.Rouge1, b.Rouge2, b.RougeL)
	}
	lead := res.Baselines["lead"]
	if part == "test" && res.Rouge1 < lead.Rouge1 || res.RougeL < lead.RougeL {
		t.Errorf("Summarize (R1 %.4f RL %.4f) below LEAD (R1 %.4f RL %.4f)", res.Rouge1, res.RougeL, lead.Rouge1, lead.RougeL)
	}
}
