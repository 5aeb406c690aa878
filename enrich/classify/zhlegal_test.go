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

// An offer of employment (录用通知书) names no parties by role, yet is an
// employment contract's offer: titled so and stating the pay, it is a
// contract, so its entities are read. A notice about hiring that states
// no pay, and a plain 通知, are not.
func TestChineseOfferLetterIsAContract(t *testing.T) {
	offer := "录用通知书\n\n尊敬的李华先生：\n\n您好！我们很高兴地通知您，经过面试，深圳前海数智科技有限公司决定录用您担任高级产品经理一职。\n\n" +
		"报到日期：2026年5月6日\n合同期限：三年\n试用期：三个月\n试用期工资：每月人民币18,000元\n"
	if got := classify.ChineseLegal(offer); got != "contract" {
		t.Errorf("offer letter: %q, want contract", got)
	}
	for _, text := range []string{
		"录用通知\n\n经研究，公司2026年校园招聘录用名单公示如下，公示期为五个工作日，如有异议请向人力资源部反映。\n",
		"关于召开年度工作会议的通知\n\n各部门：公司定于2026年1月8日召开年度工作会议，请各部门负责人准时参加，并提交本部门工资总额预算。\n",
	} {
		if got := classify.ChineseLegal(text); got != "" {
			t.Errorf("%.12s: %q, want no rule", text, got)
		}
	}
}
