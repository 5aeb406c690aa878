package entities

import (
	"slices"
	"testing"
)

// A register's governing-law column reads the same place however the
// clause is drafted: twelve phrasings from commercial contracts. "is
// subject to the laws of California" and "resolved in accordance with the
// substantive laws of the State of Texas" have no verb of governing and
// were no governing law at all.
func TestGoverningLawPhrasings(t *testing.T) {
	lead := `This Master Services Agreement is made between Acme Corp., a Delaware corporation ("Customer"), and Beta Software Ltd. ("Provider"). Provider shall provide the services in each Order Form. `
	for clause, want := range map[string]string{
		"This Agreement shall be governed by the laws of the State of New York.":                                                                 "New York",
		"This Agreement shall be construed in accordance with English law.":                                                                      "England",
		"The laws of Ireland shall govern this Agreement and any dispute arising from it.":                                                       "Ireland",
		"This Agreement is subject to the laws of California, without regard to its conflict of laws principles.":                                "California",
		"This Agreement and all matters arising out of it shall be governed by and construed in accordance with the laws of England and Wales.":  "England and Wales",
		"This Agreement shall be interpreted under the laws of the Commonwealth of Massachusetts.":                                               "Massachusetts",
		"The validity and performance of this Agreement shall be determined in accordance with the laws of the Province of Ontario.":             "Ontario",
		"This Agreement will be governed by Delaware law, excluding its choice of law rules.":                                                    "Delaware",
		"Any dispute arising under this Agreement shall be resolved in accordance with the substantive laws of the State of Texas.":              "Texas",
		"This Agreement is governed by German law.":                                                                                              "Germany",
		"The parties agree that the law of Singapore applies to this Agreement.":                                                                 "Singapore",
		"This Agreement, and all claims arising out of it, shall be subject to and interpreted pursuant to the laws of the State of Washington.": "Washington",
		"Both Parties agree to take the Miaoli District Court of Taiwan as the competent court pursuant to the laws of the R.O.C..":              "Taiwan",
	} {
		if got := valuesOf(Extract(lead+clause, "en"), KindGoverningLaw); !slices.Equal(got, []string{want}) {
			t.Errorf("%.60s...: governing law %q, want [%q]", clause, got, want)
		}
	}
}

// "subject to the laws of" names the governing law only where no clause
// says what governs the agreement: the securities laws a share is subject
// to are not the contract's law.
func TestGoverningLawSubjectToYieldsToGoverned(t *testing.T) {
	text := "The Shares are subject to the laws of the State of Nevada on transfer. This Agreement shall be governed by the laws of the State of New York."
	if got := valuesOf(Extract(text, "en"), KindGoverningLaw); !slices.Equal(got, []string{"New York"}) {
		t.Errorf("governing law %q, want only New York", got)
	}
}

// One law is one value in a register, whichever language and words a
// Chinese or bilingual contract names it in: 中华人民共和国, 中国 and
// "the People's Republic of China" were three governing laws, and a
// bilingual clause that restates the Chinese one listed the law twice.
func TestChineseGoverningLawIsOnePlace(t *testing.T) {
	const parties = "技术服务合同\n甲方：上海云帆信息科技有限公司\n乙方：北京智联数据服务有限公司\n第八条 适用法律\n"
	for clause, want := range map[string][]string{
		"本合同适用中华人民共和国法律。\nThis Agreement shall be governed by the laws of the People's Republic of China.\n": {"People's Republic of China"},
		"本合同的订立、效力和解释均适用中华人民共和国法律。因本合同引起的争议受中国法律管辖。\n":                                                       {"People's Republic of China"},
		"本合同适用中国法律。\n":      {"People's Republic of China"},
		"本合同适用香港特别行政区法律。\n": {"Hong Kong"},
		"本协议适用美国纽约州法律。\n":   {"美国纽约州"},
	} {
		if got := valuesOf(Extract(parties+clause, "zh"), KindGoverningLaw); !slices.Equal(got, want) {
			t.Errorf("%.40q: governing law %q, want %q", clause, got, want)
		}
	}
}

// A Chinese contract's last line is a sentence without its 。: the
// governing law a contract closes on ("本合同适用中国法律", the file's
// last line) was missed.
func TestChineseGoverningLawOnLastLine(t *testing.T) {
	text := "技术服务合同\n甲方：上海云帆信息科技有限公司\n乙方：北京智联数据服务有限公司\n第一条 服务内容\n乙方应向甲方提供数据平台运维服务。\n第八条 争议解决\n本合同适用中国法律"
	for _, tail := range []string{"", "\n", "  "} {
		if got := valuesOf(Extract(text+tail, "zh"), KindGoverningLaw); !slices.Equal(got, []string{"People's Republic of China"}) {
			t.Errorf("last line %q: governing law %q, want [People's Republic of China]", "本合同适用中国法律"+tail, got)
		}
	}
}
