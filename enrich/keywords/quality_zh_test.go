package keywords_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"testing"

	"github.com/docmill/docmill/enrich/keywords"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/internal/datasets"
)

// cslDoc is a csl_zh_keywords record.
type cslDoc struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Text     string   `json:"text"`
	Keywords []string `json:"keywords"`
}

// sharedSplit is the project's split rule: key "<dataset folder>/<id>",
// int(sha256(key)[:8],16) % 10 in {0,1} -> test, 2 -> dev, else train.
func sharedSplit(folder, id string) string {
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

// TestQualityChinese prints F1@5/F1@10 of Extract and of the TF-IDF
// baseline on the csl_zh_keywords test split (title + abstract as the
// document) and fails when Extract does not beat the baseline. Run:
//
//	go test ./enrich/keywords -run TestQualityChinese -v
func TestQualityChinese(t *testing.T) {
	recs, err := eval.ReadJSONL[cslDoc](datasets.Require(t, "csl_zh_keywords", "csl_kg_devtest.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"dev", "test"} {
		var docs []eval.KeywordDoc
		ours, base := map[string][]string{}, map[string][]string{}
		for _, r := range recs {
			if sharedSplit("csl_zh_keywords", r.ID) != part {
				continue
			}
			text := r.Title + "\n" + r.Text
			docs = append(docs, eval.KeywordDoc{ID: r.ID, Text: text, Keywords: r.Keywords})
			for _, k := range keywords.Extract(text, keywords.Options{Top: 10, Language: "zh"}) {
				ours[r.ID] = append(ours[r.ID], k.Text)
			}
			for _, k := range keywords.TFIDF(text, "zh", 10) {
				base[r.ID] = append(base[r.ID], k.Text)
			}
		}
		texts := make([]string, len(docs))
		for i, d := range docs {
			texts[i] = d.Text
		}
		coll := map[string][]string{}
		for i, kws := range eval.TFIDFKeywords(texts, 10, nil) {
			coll[docs[i].ID] = kws
		}
		o, b, c := eval.ScoreKeywords(docs, ours), eval.ScoreKeywords(docs, base), eval.ScoreKeywords(docs, coll)
		t.Logf("csl %-4s docs=%d ours F1@5=%.4f F1@10=%.4f | keywords.TFIDF F1@5=%.4f F1@10=%.4f | eval.TFIDFKeywords (collection df) F1@5=%.4f F1@10=%.4f",
			part, o.Docs, o.F5, o.F10, b.F5, b.F10, c.F5, c.F10)
		if part == "test" && (o.F10 <= b.F10 || o.F10 <= c.F10) {
			t.Errorf("Chinese extractor F1@10 %.4f does not beat TF-IDF %.4f / %.4f", o.F10, b.F10, c.F10)
		}
	}
}
