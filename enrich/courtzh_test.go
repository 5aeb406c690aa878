package enrich_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/stages/parse"
)

// zhJudgment is a Chinese first-instance civil judgment, as a court
// publishes it: its court, kind and case number, the parties, the
// history, the facts found, the reasons, the orders and the bench.
const zhJudgment = "北京市朝阳区人民法院\n民事判决书\n（2026）京0105民初12345号\n\n" +
	"原告：张三，男，1980年1月1日出生，汉族，住北京市朝阳区。\n委托诉讼代理人：王五，北京市某某律师事务所律师。\n" +
	"被告：李四，男，1975年5月5日出生，汉族，住北京市海淀区。\n\n" +
	"原告张三与被告李四买卖合同纠纷一案，本院于2026年3月1日立案后，依法适用普通程序，公开开庭进行了审理。原告张三及其委托诉讼代理人王五、被告李四到庭参加诉讼。本案现已审理终结。\n\n" +
	"张三向本院提出诉讼请求：1.判令被告支付货款人民币50000元；2.判令被告承担本案诉讼费用。\n\n李四辩称，货物存在质量问题，不同意原告的诉讼请求。\n\n" +
	"本院经审理认定事实如下：2025年6月10日，原告与被告签订买卖合同，约定被告向原告购买钢材，总价50000元。\n\n" +
	"本院认为，当事人应当按照约定全面履行自己的义务。被告未能提供证据证明货物存在质量问题，其抗辩意见本院不予采纳。\n\n" +
	"综上所述，依照《中华人民共和国民法典》第五百零九条之规定，判决如下：\n\n一、被告李四于本判决生效之日起十日内向原告张三支付货款人民币50000元；\n二、驳回原告张三的其他诉讼请求。\n\n" +
	"如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，上诉于北京市第三中级人民法院。\n\n" +
	"审判长　赵六\n人民陪审员　孙七\n二〇二六年六月十五日\n书记员　吴九\n"

// A Chinese judgment is titled by its case, not its court, and its
// summary opens with what the court decided. Its title was "北京市朝阳区
// 人民法院", every judgment of that court's, and its summary opened with
// the plaintiff's particulars ("原告：张三，男，1980年1月1日出生").
func TestFreeChineseJudgmentTitleAndSummary(t *testing.T) {
	doc, err := parse.Parse(context.Background(), parse.Input{Filename: "judgment.txt", Data: []byte(zhJudgment)}, parse.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if want := "张三与李四买卖合同纠纷一审民事判决书"; doc.Title != want {
		t.Errorf("title %q, want %q", doc.Title, want)
	}
	free := enrich.NewFree(enrich.FreeOptions{})
	a := analyze(t, free, doc, enrich.Request{})
	if !strings.HasPrefix(a.Summary, "本院认为") || !strings.Contains(a.Summary, "支付货款人民币50000元") {
		t.Errorf("summary %q does not open with the reasons and give the orders", a.Summary)
	}
	for _, caption := range []string{"1980年1月1日出生", "立案", "如不服本判决"} {
		if strings.Contains(a.Summary, caption) {
			t.Errorf("summary %q has %q", a.Summary, caption)
		}
	}
	if n := utf8.RuneCountInString(a.Summary); n > enrich.DefaultSummaryChars {
		t.Errorf("summary of %d characters, over the budget of %d", n, enrich.DefaultSummaryChars)
	}
}
