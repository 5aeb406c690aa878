package classify_test

import (
	"testing"

	"github.com/docmill/docmill/enrich/classify"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/internal/datasets"
)

// TestChineseLegalRulesSpareAbstracts: the Chinese legal rules fire on
// none of the CSL scientific abstracts (labelled other), law papers among
// them.
func TestChineseLegalRulesSpareAbstracts(t *testing.T) {
	type abstract struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	recs, err := eval.ReadJSONL[abstract](datasets.Require(t, "csl_zh_keywords", "csl_kg_devtest.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	fired := 0
	for _, r := range recs {
		if c := classify.ChineseLegal(r.Title + "\n" + r.Text); c != "" {
			fired++
			t.Errorf("%s classified %s: %.80s", r.ID, c, r.Text)
		}
	}
	t.Logf("%d abstracts, the rules fired on %d", len(recs), fired)
}
