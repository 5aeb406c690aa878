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

// A company's own rules (管理办法, 制度) number their articles and say when
// they take effect as a regulation does, but they are no law: an English
// staff policy is "other", and so are they. Laws about companies, and a
// government's 办法, stay regulations.
func TestChineseCompanyRulesAreNoRegulation(t *testing.T) {
	for _, text := range []string{
		"上海恒远科技有限公司员工考勤管理办法\n\n第一章 总则\n第一条 为规范公司考勤管理，维护正常工作秩序，制定本办法。\n第二条 本办法适用于公司全体员工。\n" +
			"第三条 员工应按时上下班，不得迟到、早退。\n第四条 本办法由人力资源部负责解释。\n第五条 本办法自2026年1月1日起施行。\n",
		"费用报销管理制度\n\n第一条 为加强公司财务管理，规范费用报销流程，制定本规定。\n第二条 本规定适用于本公司及各分公司的全体员工。\n" +
			"第三条 员工出差应事先填写出差申请单。\n第四条 本规定自发布之日起施行。\n",
	} {
		if got := classify.ChineseLegal(text); got != "" {
			t.Errorf("%.30s: %q, want no rule", text, got)
		}
	}
	for _, text := range []string{
		"中华人民共和国公司法\n\n第一条 为了规范公司的组织和行为，保护公司、股东、职工和债权人的合法权益，制定本法。\n第二条 本法所称公司，是指依照本法在中华人民共和国境内设立的有限责任公司和股份有限公司。\n",
		"上市公司信息披露管理办法\n\n第一条 为了规范上市公司及其他信息披露义务人的信息披露行为，制定本办法。\n第二条 信息披露义务人应当及时依法履行信息披露义务。\n第三条 本办法自2021年5月1日起施行。\n",
	} {
		if got := classify.ChineseLegal(text); got != "regulation" {
			t.Errorf("%.30s: %q, want regulation", text, got)
		}
	}
}

// An excerpt of a law, titled by the law's name above its articles, is a
// regulation though it says no 本法 and no date of effect (QA
// qa-classify: articles 13 and 14 of 中华人民共和国个人信息保护法 were
// "other" at 1.00). A paper titled by a method, a text citing articles in
// its prose, and a company's rules titled so are not.
func TestChineseLawExcerptIsRegulation(t *testing.T) {
	excerpt := "中华人民共和国个人信息保护法\n\n第十三条　符合下列情形之一的，个人信息处理者方可处理个人信息：\n（一）取得个人的同意；\n（二）为订立、履行个人作为一方当事人的合同所必需；\n\n" +
		"第十四条　基于个人同意处理个人信息的，该同意应当由个人在充分知情的前提下自愿、明确作出。\n"
	spaced := "网络数据安全管理条例（征求意见稿）\n第 五 条 网络数据处理者应当建立健全网络数据安全管理制度。\n第 六 条 国家鼓励网络数据在各行业、各领域的创新应用。\n"
	for _, text := range []string{excerpt, spaced} {
		if got := classify.ChineseLegal(text); got != "regulation" {
			t.Errorf("%.30s: %q, want regulation", text, got)
		}
	}
	for _, text := range []string{
		"一种基于深度学习的图像分割方法\n第一条 本文提出一种新的网络结构。\n第二条 实验表明该方法优于现有方法。\n",
		"个人信息保护法\n\n个人信息保护法第十三条规定了处理个人信息的合法性基础，第十四条则对同意作出了具体要求，本文对此进行解读。\n",
		"恒远科技有限公司员工考勤管理办法\n第一条 员工应按时上下班。\n第二条 员工请假须提前申请。\n",
	} {
		if got := classify.ChineseLegal(text); got != "" {
			t.Errorf("%.30s: %q, want no rule", text, got)
		}
	}
}

// A Chinese privacy policy or user agreement, titled so and addressed to
// its user, is contract/terms_of_service, as the English ones are; it was
// other at 1.00 (QA qa-classify). A notice that mentions a privacy policy
// is not one.
func TestChineseTermsAreTermsOfService(t *testing.T) {
	policy := "隐私政策\n\n更新日期：2026年10月1日\n\n本隐私政策说明我们如何收集、使用、存储和共享您的个人信息。请您在使用我们的产品和服务前仔细阅读本政策。\n" +
		"一、我们收集的信息：当您注册账号时，我们会收集您的手机号码、昵称。\n二、您的权利：您可以访问、更正、删除您的个人信息。\n"
	agreement := "云帆App用户服务协议\n\n欢迎您使用云帆App。您在注册前应当仔细阅读本协议。您点击同意即表示您接受本协议全部条款。\n"
	notice := "关于更新隐私政策的通知\n\n各位用户：我们更新了隐私政策，请您查阅。感谢您的支持。\n"
	for _, c := range []struct{ name, text, class, sub string }{
		{"policy", policy, "contract", "contract/terms_of_service"}, {"agreement", agreement, "contract", "contract/terms_of_service"}, {"notice", notice, "", ""},
	} {
		if got := classify.ChineseLegal(c.text); got != c.class {
			t.Errorf("%s: class %q, want %q", c.name, got, c.class)
		}
		if c.class != "" {
			if got := classify.ChineseSubtype(c.text); got != c.sub {
				t.Errorf("%s: sub-type %q, want %q", c.name, got, c.sub)
			}
		}
	}
}
