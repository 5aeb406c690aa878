package keywords

import (
	"slices"
	"strings"
	"testing"
)

// extractedTexts are the texts of Extract's key phrases of text, lower-cased.
func extractedTexts(text, language string) []string {
	var out []string
	for _, k := range Extract(text, Options{Top: 10, Language: language}) {
		out = append(out, strings.ToLower(k.Text))
	}
	return out
}

const dpiaSample = `Data Protection Impact Assessment: Customer Loyalty Analytics Programme

1. Purpose of the processing
The retailer intends to analyse customer purchase history to personalise offers in its loyalty programme. The processing combines purchase history with profile data, location data and, for pharmacy customers, health data.

2. Categories of personal data
The programme processes personal data of approximately 1.2 million loyalty members. Special categories of personal data include health data derived from pharmacy purchases. Personal data is pseudonymised before analysis. Location data is collected only with consent.

3. Risks
The main risks are re-identification of pseudonymised data and unauthorised access to health data. A breach involving health data would have a high impact. Access to health data is restricted to two analysts. The processor processes data under a data processing agreement.`

// A generic head word ("data") alone is no key phrase beside the phrases
// it heads ("personal data", "health data").
func TestGenericHeadWordGivesWayToItsPhrases(t *testing.T) {
	got := extractedTexts(dpiaSample, "en")
	if !slices.Contains(got, "personal data") || !slices.Contains(got, "health data") {
		t.Fatalf("key phrases %q lack personal data or health data", got)
	}
	if slices.Contains(got, "data") {
		t.Errorf("key phrases %q hold the head word data beside its phrases", got)
	}
}

// A company's name with its legal form is one key phrase, whole.
func TestCompanyLegalFormKeptWhole(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Vestra Turbines A/S expects every supplier to meet this code. Suppliers must report incidents to Vestra Turbines A/S within 48 hours. Vestra Turbines A/S may audit supplier sites.", "vestra turbines a/s"},
		{"Acme Pty Ltd sent the renewal proposal for the hosting agreement. The hosting agreement with Acme Pty Ltd ends in June. Acme Pty Ltd proposes a price increase.", "acme pty ltd"},
	} {
		got := extractedTexts(c.text, "en")
		if !slices.Contains(got, c.want) {
			t.Errorf("key phrases %q lack the whole name %q", got, c.want)
		}
	}
}

const emailSample = `Hello team,

FYI - the supplier audit report for Nordwind GmbH is attached. The supplier audit found two safety findings. Please review the safety findings before the audit meeting. FYI, the audit meeting moved to Tuesday.

Kind regards,
Jonas

On Mon, 3 Jun 2026, Petra wrote:
> Cheers Jonas, can you forward the supplier audit report? Warm regards, Petra`

// An e-mail's furniture (greetings, sign-offs, FYI, the days of its
// header and arrangements) gives no key phrase.
func TestEmailFurnitureIsNoKeyPhrase(t *testing.T) {
	got := extractedTexts(emailSample, "en")
	if !slices.Contains(got, "supplier audit report") {
		t.Fatalf("key phrases %q lack the e-mail's subject", got)
	}
	for _, k := range got {
		for _, w := range []string{"fyi", "hello", "cheers", "regards", "tuesday", "mon", "jun"} {
			if slices.Contains(strings.Fields(k), w) {
				t.Errorf("key phrase %q of %q is e-mail furniture (%s)", k, got, w)
			}
		}
	}
}

// A verb's -ing form that is next to never a noun opens a clause, and no
// candidate runs into it; a gerund that names a thing still heads one.
func TestVerbGerundEndsPhrase(t *testing.T) {
	text := "Access requests are answered within one month; a reasonable fee taking into account administrative costs may be charged. " +
		"A data breach involving health data would have a high impact. Image processing and cloud computing need a routing protocol."
	keys := map[string]bool{}
	for _, c := range Candidates(text, "en") {
		keys[strings.ToLower(c.Text)] = true
	}
	for _, bad := range []string{"reasonable fee taking", "fee taking", "breach involving health", "data breach involving", "involving health data"} {
		if keys[bad] {
			t.Errorf("candidate %q runs across a clause", bad)
		}
	}
	for _, want := range []string{"reasonable fee", "data breach", "image processing", "cloud computing", "routing protocol"} {
		if !keys[want] {
			t.Errorf("candidates lack %q", want)
		}
	}
}

// A company's name after a clause's copula and preposition (附件是与…) is
// the name alone, not the clause run into it.
func TestChineseCompanyNameAfterClause(t *testing.T) {
	text := "会议纪要\n\n一、李娜汇报了市场推广方案，建议在发布会前完成渠道培训。附件是与华为技术有限公司的合作协议草案。\n" +
		"二、会议决定：市场部负责与华为技术有限公司对接合作协议。\n"
	for _, k := range extractedTexts(text, "zh") {
		if strings.Contains(k, "附件") || strings.Contains(k, "是与") {
			t.Errorf("key phrase %q runs a clause into a company's name", k)
		}
	}
}

// What minutes record someone doing (汇报, 通报) is no key phrase, nor
// where they met.
func TestChineseMinutesReportingVerbIsNoKeyPhrase(t *testing.T) {
	text := "会议纪要\n\n会议时间：2026年3月12日下午2点\n会议地点：三楼会议室\n会议主题：第二季度产品发布计划\n\n" +
		"一、张伟汇报了第二季度产品发布计划的进展情况。新版客户管理系统计划于5月上线。\n" +
		"二、李娜汇报了市场推广方案，建议在发布会前完成渠道培训。\n三、王强通报了测试资源不足的情况，自动化测试覆盖率仅为百分之四十。\n" +
		"四、会议决定：客户管理系统上线时间不变，测试部门提交测试计划。\n"
	for _, k := range extractedTexts(text, "zh") {
		if k == "汇报" || k == "通报" || strings.Contains(k, "会议室") {
			t.Errorf("key phrase %q of minutes says who reported or where they met", k)
		}
	}
}

// A pronoun the segmenter cuts off a word (各区 of 各区县) is no key phrase.
func TestChinesePronounIsNoKeyPhrase(t *testing.T) {
	text := "关于加强危险化学品安全管理工作的通知\n\n各区县应急管理局、各有关企业：\n\n" +
		"为切实加强危险化学品安全管理，现就有关事项通知如下：\n一、全面开展危险化学品安全风险排查。\n" +
		"二、严格危险化学品储存管理。\n三、各区县应急管理局要加强监督检查。\n"
	got := extractedTexts(text, "zh")
	if len(got) == 0 {
		t.Fatal("no key phrases")
	}
	if slices.Contains(got, "各区") {
		t.Errorf("key phrases %q hold the pronoun 各区", got)
	}
}
