package entities

import (
	"slices"
	"strings"
	"testing"
)

// A Chinese civil judgment is a court filing, and gives its court, case
// number, parties with their roles, bench (its presiding judge, judges
// and people's assessors, each with its role), clerk (no judge), hearing
// date and date of judgment in Chinese numerals.
// Before, it was no filing and gave none of them. A contract that names
// a court for its disputes is still no filing.
func TestChineseJudgment(t *testing.T) {
	text := "北京市朝阳区人民法院\n民 事 判 决 书\n（2023）京0105民初12345号\n\n" +
		"原告：北京星辰科技有限公司，住所地北京市朝阳区建国路88号。\n法定代表人：张伟，董事长。\n" +
		"被告：上海远航物流有限公司，住所地上海市浦东新区世纪大道100号。\n\n" +
		"原告北京星辰科技有限公司与被告上海远航物流有限公司运输合同纠纷一案，本院于2023年3月15日立案后，依法适用普通程序，于2023年6月8日公开开庭进行了审理。\n\n" +
		"判决如下：\n一、被告上海远航物流有限公司赔偿原告货物损失人民币256,000元；\n\n" +
		"审判长　刘洋\n审判员　陈静\n人民陪审员　赵敏\n二〇二三年七月二十日\n书记员　孙丽\n"
	if !CourtFiling(text) {
		t.Fatal("not read as a court filing")
	}
	want := []string{
		"court|北京市朝阳区人民法院|北京市朝阳区人民法院|",
		"case_number|（2023）京0105民初12345号|（2023）京0105民初12345号|",
		"judge|刘洋|刘洋|presiding_judge", "judge|陈静|陈静|", "judge|赵敏|赵敏|peoples_assessor",
		"party|北京星辰科技有限公司||plaintiff", "party|上海远航物流有限公司||defendant", "clerk|孙丽|孙丽|",
		"hearing_date|2023年6月8日|2023-06-08|",
		"judgment_date|二〇二三年七月二十日|2023-07-20|",
	}
	var got []string
	for _, e := range CourtEntities(text, "zh") {
		if e.Kind != KindDate {
			got = append(got, e.Kind+"|"+e.Text+"|"+e.Value+"|"+e.Role)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("entities\n got %q\nwant %q", got, want)
	}
	if CourtFiling("买卖合同\n\n第九条 争议解决\n因本合同引起的争议，提交甲方所在地人民法院诉讼解决。\n") {
		t.Error("a contract read as a court filing")
	}
}

// A Chinese judgment's case name is its own heading line when it has
// one, else its parties and cause of action with its instance and kind,
// else its parties; it was "", and the judgment titled by its court.
func TestChineseCaseName(t *testing.T) {
	caption := "上海市第一中级人民法院\n民 事 判 决 书\n（2025）沪01民终789号\n\n上诉人（原审被告）：甲公司，住所地上海市。\n被上诉人（原审原告）：乙公司，住所地上海市。\n\n"
	for _, c := range []struct{ text, want string }{
		{"北京市朝阳区人民法院\n张三与李四买卖合同纠纷一审民事判决书\n（2026）京0105民初12345号\n\n原告：张三，男。\n被告：李四，男。\n", "张三与李四买卖合同纠纷一审民事判决书"},
		{caption + "上诉人甲公司因与被上诉人乙公司租赁合同纠纷一案，不服上海市浦东新区人民法院判决，向本院提起上诉。\n", "甲公司与乙公司租赁合同纠纷二审民事判决书"},
		{caption + "本院于2025年5月1日立案受理。\n", "甲公司与乙公司二审民事判决书"},
	} {
		if got := CaseName(c.text); got != c.want {
			t.Errorf("CaseName = %q, want %q", got, c.want)
		}
	}
}

// A court that spaces its offices and names out to one width ("审　判　长
// 林　涛") signs with the same bench: it was no bench at all, and the
// signatures ran into the summary, which read on to the foot.
func TestChineseSpacedBench(t *testing.T) {
	text := "广东省深圳市中级人民法院\n民 事 裁 定 书\n（2026）粤03民终4567号\n\n上诉人（原审原告）：甲公司，住所地深圳市。\n被上诉人（原审被告）：乙公司，住所地东莞市。\n\n" +
		"本院认为，一审法院以存在仲裁协议为由驳回起诉不当，应予纠正。\n\n裁定如下：\n一、撤销原裁定；\n\n本裁定为终审裁定。\n\n" +
		"审　判　长　林　涛\n审　判　员　郑晓燕\n二〇二六年十一月二十日\n法官助理　邓　佳\n书　记　员　何　敏\n"
	var got []string
	for _, e := range CourtEntities(text, "zh") {
		if e.Kind == KindJudge || e.Kind == KindClerk {
			got = append(got, e.Kind+"|"+e.Value+"|"+e.Role)
		}
	}
	want := []string{"judge|林涛|presiding_judge", "judge|郑晓燕|", "clerk|邓佳|judge_assistant", "clerk|何敏|"}
	if !slices.Equal(got, want) {
		t.Errorf("bench %q, want %q", got, want)
	}
	start, end := DecisionSpan(text)
	if span := text[start:end]; !strings.HasPrefix(span, "本院认为") || strings.Contains(span, "林") {
		t.Errorf("decision %q runs into the bench", span)
	}
}

// A party's agents ad litem (委托诉讼代理人) are its counsel, for the party
// whose line they are under; its legal representative (法定代表人) is
// not. No Chinese judgment gave any counsel.
func TestChineseCounsel(t *testing.T) {
	text := "广东省深圳市中级人民法院\n民事裁定书\n（2026）粤03民终4567号\n\n上诉人（原审原告）：甲公司，住所地深圳市。\n法定代表人：陈明，该公司总经理。\n委托诉讼代理人：刘洋、王芳，广东某某律师事务所律师。\n" +
		"被上诉人（原审被告）：乙公司，住所地东莞市。\n委托代理人：黄强，东莞某某律师事务所律师。\n\n本院认为，上诉有理。\n"
	var got []string
	for _, e := range CourtEntities(text, "zh") {
		if e.Kind == KindCounsel {
			got = append(got, e.Value+"|"+e.Role)
		}
	}
	if want := []string{"刘洋|appellant", "王芳|appellant", "黄强|appellee"}; !slices.Equal(got, want) {
		t.Errorf("counsel %q, want %q", got, want)
	}
}

// A mediation statement (调解书) gives no reasons and no orders: what it
// decides is the agreement the court confirms ("当事人自愿达成如下协议："). It
// had no decision, and its summary was the parties' lines and the bench.
func TestChineseMediationDecision(t *testing.T) {
	for _, lead := range []string{"经本院主持调解，当事人自愿达成如下协议：", "双方当事人自愿达成如下调解协议：", "经调解，双方达成协议如下："} {
		text := "广东省深圳市南山区人民法院\n民事调解书\n（2025）粤0305民初6789号\n\n原告：张伟，男，1985年3月12日出生，住广东省深圳市。\n被告：深圳市恒通物业管理有限公司，住所地深圳市南山区。\n\n" +
			"原告张伟与被告深圳市恒通物业管理有限公司物业服务合同纠纷一案，本院于2025年6月3日立案后，依法适用简易程序进行审理。\n\n" + lead +
			"\n一、被告于2025年8月31日前向原告支付赔偿款人民币28000元；\n二、原告放弃其他诉讼请求。\n\n上述协议，不违反法律规定，本院予以确认。\n\n审判员　黄思远\n二〇二五年七月十八日\n书记员　吴婷\n"
		start, end := DecisionSpan(text)
		if span := text[start:end]; !strings.HasPrefix(span, lead) || !strings.Contains(span, "28000元") || strings.Contains(span, "黄思远") {
			t.Errorf("%s: decision %q", lead, span)
		}
	}
}
