package entities

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

const sampleContract = `SERVICES AGREEMENT

THIS SERVICES AGREEMENT (the "Agreement") is made and entered into as of March 3, 2021 (the "Effective Date") by and between Acme Widgets, Inc., a Delaware corporation ("Acme"), and Blue River Software LLC, a California limited liability company ("Provider").

1. Definitions. "Services" means the services described in Exhibit A.

2. Term. The term of this Agreement shall continue for two (2) years from the Effective Date, unless earlier terminated under Section 8.2.

3. Fees. Acme shall pay Provider a fee of $1,250,000.00 within thirty (30) days of each invoice. Late amounts bear interest of EUR 2.5 million per year.

4. Compliance. Provider must process personal data in accordance with Article 6(1)(a) of Regulation (EU) 2016/679 and 47 U.S.C. § 230.

5. Governing Law. This Agreement shall be governed by and construed in accordance with the laws of the State of New York, without regard to its conflict of laws principles.

ACME WIDGETS, INC.

By: ______________________
`

// has reports whether ents holds an entity of kind whose text contains
// text and, when value is not empty, whose value equals value.
func has(ents []document.Entity, kind, text, value string) bool {
	for _, e := range ents {
		if e.Kind == kind && strings.Contains(e.Text, text) && (value == "" || e.Value == value) {
			return true
		}
	}
	return false
}

// textsOf is the text of each entity of kind in ents, in order.
func textsOf(ents []document.Entity, kind string) []string {
	var out []string
	for _, e := range ents {
		if e.Kind == kind {
			out = append(out, e.Text)
		}
	}
	return out
}

// valuesOf is the value of each entity of kind in ents, in order.
func valuesOf(ents []document.Entity, kind string) []string {
	var out []string
	for _, e := range ents {
		if e.Kind == kind {
			out = append(out, e.Value)
		}
	}
	return out
}

func TestExtractContract(t *testing.T) {
	ents := Extract(sampleContract, "en")
	want := []struct{ kind, text, value string }{
		{KindParty, "Acme Widgets, Inc.", "Acme"},
		{KindParty, "Blue River Software LLC", "Provider"},
		{KindAgreementDate, "March 3, 2021", "2021-03-03"},
		{KindEffectiveDate, "March 3, 2021", "2021-03-03"},
		{KindExpirationDate, "The term of this Agreement shall continue for two (2) years", "2023-03-03"},
		{KindMoney, "$1,250,000.00", "USD 1250000"},
		{KindMoney, "EUR 2.5 million", "EUR 2500000"},
		{KindDuration, "thirty (30) days", "P30D"},
		{KindDuration, "two (2) years", "P2Y"},
		{KindGoverningLaw, "governed by and construed", "New York"},
		{KindDefinedTerm, "Agreement", ""},
		{KindDefinedTerm, "Services", ""},
		{KindCitation, "Article 6(1)(a)", ""},
		{KindCitation, "Regulation (EU) 2016/679", ""},
		{KindCitation, "Section 8.2", ""},
		{KindCitation, "§ 230", ""},
		{KindObligation, "Acme shall pay Provider", "shall"},
		{KindObligation, "Provider must process", "must"},
	}
	for _, w := range want {
		if !has(ents, w.kind, w.text, w.value) {
			t.Errorf("missing %s %q (%s)", w.kind, w.text, w.value)
		}
	}
	if has(ents, KindParty, "Services", "") || has(ents, KindGoverningLaw, "Compliance", "") {
		t.Errorf("false positives: %+v", ents)
	}
	seen := map[string]bool{}
	for _, e := range ents {
		k := e.Kind + "|" + strings.ToLower(e.Text)
		if seen[k] {
			t.Errorf("duplicate %s %q", e.Kind, e.Text)
		}
		seen[k] = true
	}
}

func TestObligationCap(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 50; i++ {
		b.WriteString("The Supplier shall deliver the goods promptly and in good order. ")
		b.WriteString(strings.Repeat("x", i%7) + "The Buyer must pay invoice number " + string(rune('A'+i%26)) + " on time. ")
	}
	n := 0
	for _, e := range Extract(b.String(), "en") {
		if e.Kind == KindObligation {
			n++
		}
	}
	if n == 0 || n > maxObligations {
		t.Errorf("%d obligations, want 1..%d", n, maxObligations)
	}
}

func TestDates(t *testing.T) {
	cases := map[string]string{
		"June 21, 1999":               "1999-06-21",
		"the 1st day of March, 2020":  "2020-03-01",
		"7t h day of April, 2020":     "2020-04-07",
		"21 June 1999":                "1999-06-21",
		"first day of July, 2017":     "2017-07-01",
		"2020-03-01":                  "2020-03-01",
		"5/17/12":                     "2012-05-17",
		"July 2013":                   "2013-07",
		"this ___ day of _____, 2004": "2004",
		"2020年3月1日":                   "2020-03-01",
	}
	for in, want := range cases {
		ds := findDates("Signed " + in + " here")
		if len(ds) != 1 || ds[0].iso != want {
			t.Errorf("findDates(%q) = %+v, want %s", in, ds, want)
		}
	}
	if ds := findDates("February 30, 2020"); len(ds) != 0 {
		t.Errorf("impossible date accepted: %+v", ds)
	}
}

// A numeric date is read in its text's order: 03/04/2025 is 3 April in a
// Swiss or English contract, 4 March in a US one; a day over 12 settles a
// text's order for its other dates; 01.05.2024 is always day first.
func TestNumericDateOrder(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"This Services Agreement is dated 03/04/2025 between Alpenblick AG, Zurich, Switzerland, and Kessler GmbH. Fees are payable in CHF.", "2025-04-03"},
		{"This Services Agreement is dated 03/04/2025 between Harbor Tools Ltd, London, England, and Quay Supplies Limited.", "2025-04-03"},
		{"This Services Agreement is dated 03/04/2025 between Acme Inc., a Delaware corporation, and Beta LLC.", "2025-03-04"},
		{"This Services Agreement is dated 03/04/2025 between Acme Inc. and Beta LLC. Invoices dated 25/04/2025 are due in 30 days.", "2025-04-03"},
		{"This Services Agreement is dated 03/04/2025 between Harbor Tools Ltd and Quay Supplies Limited. Payment by 04/25/2025.", "2025-03-04"},
		{"This Services Agreement is dated 01.05.2024 between Acme Inc. and Beta LLC.", "2024-05-01"},
	} {
		got := ""
		for _, e := range Extract(c.text, "en") {
			if e.Kind == KindAgreementDate {
				got = e.Value
			}
		}
		if got != c.want {
			t.Errorf("%q: agreement date %q, want %s", c.text, got, c.want)
		}
	}
	if ds := findDates("Version 1.2.2020.5 of 10.12.2019"); len(ds) != 1 || ds[0].iso != "2019-12-10" || ds[0].text != "10.12.2019" {
		t.Errorf("dotted dates: %+v", ds)
	}
}

func TestChinese(t *testing.T) {
	text := "甲方：北京某某科技有限公司\n乙方：上海某某贸易有限公司\n签订日期：2021年5月8日。合同总金额为人民币120万元。乙方应当在30日内交付货物。本合同适用中华人民共和国法律。" +
		"违约责任依照本合同第十一条和《中华人民共和国民法典》第五百七十七条处理。"
	ents := Extract(text, "zh")
	for _, w := range []struct{ kind, text, value string }{
		{KindParty, "北京某某科技有限公司", "甲方"},
		{KindParty, "上海某某贸易有限公司", "乙方"},
		{KindAgreementDate, "2021年5月8日", "2021-05-08"},
		{KindMoney, "人民币120万元", "CNY 1200000"},
		{KindObligation, "乙方应当在30日内交付货物", "应当"},
		{KindGoverningLaw, "适用中华人民共和国法律", "People's Republic of China"},
		{KindCitation, "第十一条", "第十一条"},
		{KindCitation, "《中华人民共和国民法典》第五百七十七条", "《中华人民共和国民法典》第五百七十七条"},
	} {
		if !has(ents, w.kind, w.text, w.value) {
			t.Errorf("missing %s %q (%s) in %+v", w.kind, w.text, w.value, ents)
		}
	}
}

// Chinese contracts name parties by role (出租方（甲方）：...), write
// amounts in Chinese numerals, and one amount may be written twice.
func TestChineseRolesAndNumerals(t *testing.T) {
	text := "房屋租赁合同\n出租方（甲方）：北京华信置业有限公司\n承租方（乙方）：张伟\n用人单位：南京长江电子有限公司\n" +
		"月租金为￥15,000元（￥15,000），押金人民币五十万元，违约金壹万贰仟伍佰元整，开发费三十万元，另计一千零五元。" +
		"本合同受香港特别行政区法律管辖。统一元素不是金额，二〇二三元也不是。"
	ents := Extract(text, "zh")
	for _, w := range []struct{ kind, text, value string }{
		{KindParty, "北京华信置业有限公司", "出租方"},
		{KindParty, "张伟", "承租方"},
		{KindParty, "南京长江电子有限公司", "用人单位"},
		{KindMoney, "人民币五十万元", "CNY 500000"},
		{KindMoney, "壹万贰仟伍佰元整", "CNY 12500"},
		{KindMoney, "三十万元", "CNY 300000"},
		{KindMoney, "一千零五元", "CNY 1005"},
		{KindGoverningLaw, "受香港特别行政区法律管辖", "Hong Kong"},
	} {
		if !has(ents, w.kind, w.text, w.value) {
			t.Errorf("missing %s %q (%s) in %+v", w.kind, w.text, w.value, ents)
		}
	}
	money := 0
	for _, e := range ents {
		if e.Kind == KindMoney {
			money++
		}
	}
	if money != 5 { // 15000 once, 500000, 12500, 300000, 1005
		t.Errorf("%d amounts, want 5: %+v", money, ents)
	}
}

// parties returns the party entities of text as "name|alias".
func partyList(text string) []string {
	var out []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindParty {
			out = append(out, e.Text+"|"+e.Value)
		}
	}
	return out
}

// TestPartyPreambleShapes covers preamble shapes that produced wrong
// parties: service hours after "between", addresses before a name or an
// alias, "and" inside a corporate name, "and," between parties. The
// texts are written for the test in the shape of CUAD preambles.
func TestPartyPreambleShapes(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{`MAINTENANCE AGREEMENT. Support is available between 8:00 a.m. and 6:30 p.m. Eastern Time Monday through Friday.`, nil},
		{`This Agreement is made by and between NORTHWIND TRUST COMPANY, INC. ("NTC") and LAKESIDE LIFE INSURANCE AND ANNUITY CORPORATION ("Company").`,
			[]string{`NORTHWIND TRUST COMPANY, INC.|NTC`, `LAKESIDE LIFE INSURANCE AND ANNUITY CORPORATION|Company`}},
		{`This Agreement is entered into between Example.com ("Promoter") of 12 Main Street, New York, NY 10016 and Vendor Co, Inc., ("Vendor"), a Nevada corporation.`,
			[]string{`Example.com|Promoter`, `Vendor Co, Inc.|Vendor`}},
		{`This Agreement is made by and between Alpha Tools, Inc. a California corporation at 1 Market St., San Francisco, CA 94107 ("Alpha"), and, Beta Air, Inc., a Delaware corporation at 9 Road, Elk Grove, IL 60007 ("Sponsor").`,
			[]string{`Alpha Tools, Inc.|Alpha`, `Beta Air, Inc.|Sponsor`}},
		// the incorporation descriptor between a name and its alias is no
		// party ("Delaware Corporation" was one in three contracts)
		{`This Agreement is made between AURA SYSTEMS INC., a Delaware Corporation ("Aura"), and ZANOTTI EAST INC., a Massachusetts Corporation ("Zanotti").`,
			[]string{`AURA SYSTEMS INC.|Aura`, `ZANOTTI EAST INC.|Zanotti`}},
	}
	for _, c := range cases {
		got := partyList(c.text)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%.60s...\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

// TestGoverningLawValue covers wordings whose jurisdiction was missed.
func TestGoverningLawValue(t *testing.T) {
	cases := map[string]string{
		`Its construction, interpretation, and legal effect shall be governed by the laws and judicial decisions of the State of Florida.`:        "Florida",
		`This Agreement shall be governed by and construed in accordance with the laws, other than choice of law rules, of the state of Florida.`: "Florida",
		`RATHER THESE RIGHTS SHALL BE GOVERNED BY THE LAWS, OTHER THAN CHOICE OF LAW RULES, OF THE STATE OF GEORGIA.`:                             "Georgia",
		// a clause in capitals: the name ends where the clause goes on, in
		// title case as elsewhere
		`THIS AGREEMENT SHALL BE GOVERNED BY THE LAWS OF THE STATE OF NEW YORK WITHOUT REGARD TO ITS CONFLICT OF LAWS PRINCIPLES.`:                 "New York",
		`THIS AGREEMENT SHALL BE GOVERNED BY THE LAWS OF THE STATE OF DELAWARE WITHOUT GIVING EFFECT TO ITS CHOICE OF LAW RULES.`:                  "Delaware",
		`THIS AGREEMENT SHALL BE GOVERNED BY THE LAWS OF ENGLAND AND WALES.`:                                                                       "England and Wales",
		`This Agreement shall be governed by English law.`:                                                                                         "England",
		`This Agreement shall be governed by the laws of the PRC.`:                                                                                 "People's Republic of China",
		`This Agreement is accepted by Company in the State of Nevada and shall be governed by and construed in accordance with the laws thereof.`: "Nevada",
		`This Agreement shall be governed by the laws and decisions of the State of Georgia.`:                                                      "Georgia",
		`This Agreement shall be governed by PRC Laws.`:                                                                                            "People's Republic of China",
		`these terms are governed by the laws of the state of california, without regard to conflict of laws.`:                                     "California",
	}
	for text, want := range cases {
		if !has(Extract(text, "en"), KindGoverningLaw, "", want) {
			t.Errorf("%.50s...: no governing law with value %q: %+v", text, want, Extract(text, "en"))
		}
	}
}

// A term that starts on a date and runs for a length ends at their sum,
// not on the start date; a lease has a term as an agreement does.
func TestTermEndFromStartAndLength(t *testing.T) {
	for text, want := range map[string]string{
		"This Agreement shall commence on September 10, 2015 and shall continue for One (1) Year.":                        "2016-09-10",
		"The term of this Agreement shall commence upon April 1, 1999 and shall continue for a period of six (6) months.": "1999-10-01",
		"The term of this Lease shall commence on June 1, 2021 and end twelve (12) months later.":                         "2022-06-01",
		"This Agreement shall continue from January 1, 2020 until December 31, 2022.":                                     "2022-12-31",
	} {
		got := expirations(text)
		if len(got) == 0 || got[0] != want {
			t.Errorf("%q: expiration %q, want %s", text, got, want)
		}
	}
}

// expirations are the values of text's expiration dates, in order.
func expirations(text string) []string {
	return valuesOf(Extract(text, "en"), KindExpirationDate)
}

// Terms as CUAD's contracts state them beyond start-plus-length: ending on
// an anniversary (of the effective date, or of the agreement's own date),
// a bare length after "is", a term of a named thing, a defined "Term", a
// "TERM:" line, "extend for", and lengths in full calendar months. The
// preamble dates the agreement; it is the effective date when no other is
// given.
func TestTermEndForms(t *testing.T) {
	pre := "This Services Agreement is made and entered into as of March 3, 2015, by and between Acme Corp. and Beta LLC.\n\n"
	for text, want := range map[string]string{
		"This Agreement shall commence on the Effective Date and continue until the fifth (5th) anniversary of the Effective Date.":        "2020-03-03",
		"This Agreement shall commence on the Effective Date and shall continue until the four-year anniversary of the Effective Date.":    "2019-03-03",
		"The term of this Agreement will begin on June 1, 2015 and end on the first anniversary of the date of this Agreement.":            "2016-03-03",
		"The term of this Agreement is twenty-four (24) months.":                                                                           "2017-03-03",
		"The initial term of this Agreement shall be three (3) years from the Effective Date.":                                             "2018-03-03",
		"The term of the Franchise shall be twenty (20) years, commencing on January 1, 2016.":                                             "2036-01-01",
		"The term of this JSMA shall commence on May 1, 2020 and ends at April 30, 2029.":                                                  "2029-04-30",
		"This Agreement shall commence on the Effective Date and shall extend for a period of Five (5) years thereafter.":                  "2020-03-03",
		"This Agreement shall commence on the Effective Date and shall continue for a period of twelve (12) full calendar months.":         "2016-03-03",
		"\"Term\" shall mean the period commencing on the Effective Date and terminating on the eighth anniversary of the Effective Date.": "2023-03-03",
		"Term shall mean the Effective Date through June 15, 2019 and any Renewal Term.":                                                   "2019-06-15",
		"1. EFFECTIVE DATE: March 3, 2015\n\n6. TERM: November 01, 2014 to October 31, 2017\n\n7. RATES: as filed.":                        "2017-10-31",
	} {
		got := expirations(pre + text)
		if len(got) == 0 || got[0] != want {
			t.Errorf("%q: expiration %q, want %s", text, got, want)
		}
	}
}

// A contract whose preamble gives no date is dated by its last signature:
// a date labelled "Date:" or standing after "/s/"; other dates in the
// body do not count.
func TestAgreementDatedBySignatures(t *testing.T) {
	clause := "The Provider shall keep the hosted services available and report each outage to the Customer. "
	body := "WEB HOSTING AGREEMENT\n\n" + strings.Repeat(clause, 6) + "The Provider shall deliver the servers by March 1, 2020. " +
		strings.Repeat(clause, 60) + "This Agreement shall be governed by the laws of Florida.\n\n"
	for sig, want := range map[string]string{
		"ConAgra Foods Canada Inc.  Date:June 25, 2009\n\nSigned in agreement: /s/ Robin Ram  President  Date: June 29, 2009": "2009-06-29",
		"/s/ Yannick Tessier                               9/9/97 - -----------------------":                                  "1997-09-09",
		"By: Mark L. Baum   By: Monty Montoya   Date: 4/26/2017   Date: 4/28/2017":                                            "2017-04-28",
	} {
		ents := Extract(body+sig, "en")
		if !has(ents, KindAgreementDate, "", want) || has(ents, KindAgreementDate, "", "2020-03-01") {
			t.Errorf("%q: want agreement date %s only: %+v", sig, want, ents)
		}
	}
	if has(Extract(body, "en"), KindAgreementDate, "", "") {
		t.Errorf("unsigned text dated: %+v", Extract(body, "en"))
	}
}

// Parties labelled on lines of their own ("Party A: ...") are read whole,
// parenthesised places and all, with their alias or label as Value; a
// template's blank party is none, and the preamble rules add no pieces.
func TestLabelledParties(t *testing.T) {
	for text, want := range map[string][]string{
		"INTERNET CHANNEL COOPERATION AGREEMENT\n\n     Party A:\n\n  Beijing Baidu Netcom Science and Technology Co., Ltd.\n\n  Address:\n\n  Baidu Building, Beijing\n\n" +
			"    Party B:\n\n  China Online Housing (Hong Kong) Co., Ltd.\n\n  Address:\n\n  8/F, Ideal International Plaza\n": {
			"Beijing Baidu Netcom Science and Technology Co., Ltd.=Party A", "China Online Housing (Hong Kong) Co., Ltd.=Party B"},
		"This Service Agreement is entered into in Beijing, China, by and between:\n\nParty A: Rise (Tianjin) Education Information Consulting Co., Ltd. (\"Service Provider\")\n\n" +
			"Address: Room C209, C210 and C218, Tianjin, China\n\nParty B: [•] (\"Service Recipient\")\n\nAddress: [•]\n": {
			"Rise (Tianjin) Education Information Consulting Co., Ltd.=Service Provider"},
	} {
		var got []string
		for _, e := range Extract(text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Text+"="+e.Value)
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("parties %q, want %q", got, want)
		}
	}
}

// An agreement that takes effect when signed takes effect on the date it
// bears.
func TestEffectiveWhenSigned(t *testing.T) {
	text := "This Supply Agreement is made on 2 April 2020 between Acme Corp. and Beta LLC.\n\n" +
		"This Agreement shall take effect as of the date when the authorized representatives of the Parties sign hereon."
	if !has(Extract(text, "en"), KindEffectiveDate, "", "2020-04-02") {
		t.Errorf("no effective date 2020-04-02: %+v", Extract(text, "en"))
	}
}

// The date a law or a treaty enters into force is when it takes effect,
// not an agreement date: a news story on the AI Act had its entry into
// force as the date of an agreement.
func TestEntryIntoForce(t *testing.T) {
	for _, text := range []string{
		"EU AI Act: what companies need to know\n\nThe Artificial Intelligence Act entered into force on 1 August 2024. Providers of high-risk systems must run a conformity assessment.",
		"The Regulation comes into force on 25 May 2018 and applies to every controller.",
	} {
		ents := Extract(text, "en")
		if has(ents, KindAgreementDate, "", "") {
			t.Errorf("%q: an agreement date: %+v", text, ents)
		}
		if !has(ents, KindEffectiveDate, "", "") {
			t.Errorf("%q: no effective date: %+v", text, ents)
		}
	}
	text := "The amended Directive came into effect on 1 January 2021."
	if ents := Extract(text, "en"); !has(ents, KindEffectiveDate, "", "2021-01-01") {
		t.Errorf("%q: no effective date: %+v", text, ents)
	}
}

// Ages and experience are no contract periods; a jurisdiction named as a
// pair keeps both halves; meanings, recitals and governing law are no
// obligations.
func TestDurationsLawAndObligationsFilters(t *testing.T) {
	text := "WHEREAS the Supplier has operated for 20 years. Users must be at least 16 years old. " +
		"The Consultant shall have 5 years of relevant experience and shall be 18 years of age. " +
		"This Agreement shall be governed by the laws of England and Wales. " +
		"Capitalized terms shall have the meanings given in the Schedule. " +
		"The Supplier shall deliver the goods within thirty (30) days."
	ents := Extract(text, "en")
	var durs, duties []string
	for _, e := range ents {
		switch e.Kind {
		case KindDuration:
			durs = append(durs, e.Text)
		case KindObligation:
			duties = append(duties, e.Text)
		}
	}
	if strings.Join(durs, "|") != "20 years|thirty (30) days" {
		t.Errorf("durations %q, want the recital's and the delivery period only", durs)
	}
	if !has(ents, KindGoverningLaw, "governed by the laws of England and Wales", "England and Wales") {
		t.Errorf("governing law: %+v", ents)
	}
	for _, d := range duties {
		if strings.Contains(d, "meanings") || strings.Contains(d, "governed") || strings.HasPrefix(d, "WHEREAS") {
			t.Errorf("no duty taken for one: %q", d)
		}
	}
	if len(duties) != 3 {
		t.Errorf("obligations %q", duties)
	}
}

// Amounts in the number formats of Europe, Switzerland and India, and
// currencies beyond the dollar, euro and pound.
func TestMoneyFormats(t *testing.T) {
	for text, want := range map[string]string{
		"a fine of up to EUR 7,5 billion":     "EUR 7500000000",
		"capped at EUR 2,5 million in total":  "EUR 2500000",
		"the price of € 1.250.000 is payable": "EUR 1250000",
		"a fee of CHF 12'000 per year":        "CHF 12000",
		"a rent of Fr. 12'500.– per month":    "CHF 12500",
		"service charges of SFr. 300.- each":  "CHF 300",
		"a deposit of 37’500 CHF":             "CHF 37500",
		"a deposit of INR 10,00,000 is due":   "INR 1000000",
		"NTD 12 million shall be paid":        "TWD 12000000",
		"the sum of EUR 1.234,56 is owed":     "EUR 1234.56",
		"Licensee pays $1.5 million":          "USD 1500000",
		"Licensee pays $1,234,567.89 yearly":  "USD 1234567.89",
		"a fee of 2,500 euros":                "EUR 2500",
		"Rs. 5 lakhs as security":             "INR 500000",
	} {
		got := valuesOf(Extract(text, "en"), KindMoney)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: %q, want %s", text, got, want)
		}
	}
	for _, text := range []string{"respond within 48 hours 5 days a week", "the Users 3 months later"} {
		for _, e := range Extract(text, "en") {
			if e.Kind == KindMoney {
				t.Errorf("%q: money %q", text, e.Text)
			}
		}
	}
}

// A "Dated:" line above the parties dates the agreement, and the term's
// "This agreement starts on" is its effective date: the start date was
// taken as the agreement date and the labelled one as a plain date.
func TestDatedLabelAndStartsOn(t *testing.T) {
	text := "MARKETING SERVICES AGREEMENT\n\nDated: 3rd July 2023\n\nThis agreement is made between Fable Creative Agency Limited (the \"Agency\") " +
		"and Greenleaf Home Interiors Limited (the \"Client\").\n\n1. The Agency will provide the services described in the Schedule.\n\n" +
		"2. This agreement starts on 1 August 2023 and will run for a minimum term of 12 months.\n"
	ents := Extract(text, "en")
	if !has(ents, KindAgreementDate, "3rd July 2023", "2023-07-03") || !has(ents, KindEffectiveDate, "1 August 2023", "2023-08-01") {
		t.Errorf("dates: %+v", ents)
	}
}

// A "Commencement Date" defined as a date is the effective date, and the
// term runs from it: the agreement took effect on its date of signing,
// and expired a month early.
func TestCommencementDateDefinedIsEffective(t *testing.T) {
	text := "THIS AGREEMENT is dated 1st March 2024\n\nPARTIES\n\n(1) Northwind Software Limited (the \"Supplier\"); and\n(2) Bramble Ltd (the \"Customer\").\n\n" +
		"1. INTERPRETATION\n\"Commencement Date\" means 1 April 2024.\n\n" +
		"2. COMMENCEMENT AND DURATION\n2.1 This agreement shall take effect on the Commencement Date and shall continue for a period of 24 months.\n"
	ents := Extract(text, "en")
	if !has(ents, KindAgreementDate, "1st March 2024", "2024-03-01") || !has(ents, KindEffectiveDate, "1 April 2024", "2024-04-01") {
		t.Errorf("dates: %+v", ents)
	}
	for _, e := range ents {
		if e.Kind == KindExpirationDate && e.Value != "2026-04-01" {
			t.Errorf("expires %s, want 2026-04-01", e.Value)
		}
	}
}

// The town or county that ends a party's address is no party, whatever
// its street is called: "County Dublin" was the Consultant.
func TestAddressTailIsNoParty(t *testing.T) {
	text := "CONSULTANCY AGREEMENT\n\nThis Agreement is dated the 5th day of June 2023.\n\nBetween\n\n" +
		"(1) Emerald Pharma Services DAC, having its registered office at 1 Grand Canal Square, Dublin 2, Ireland (the \"Company\"); and\n\n" +
		"(2) Dr. Sean O'Brien, of 14 Seaview Terrace, Howth, County Dublin (the \"Consultant\").\n\n" +
		"1. Engagement. The Company engages the Consultant to provide consulting services.\n"
	for _, e := range Extract(text, "en") {
		if e.Kind == KindParty && strings.Contains(e.Text, "Dublin") {
			t.Errorf("party %q (%s)", e.Text, e.Value)
		}
	}
}

// A range of dates defined as the contract's period starts and ends it:
// both were plain dates.
func TestDefinedPeriodRangeStartsAndEnds(t *testing.T) {
	text := "This Agreement is dated the 5th day of June 2023.\n\n1. Engagement. The Company engages the Consultant to provide " +
		"consulting services from 1 July 2023 until 30 June 2024 (the \"Engagement Period\").\n"
	ents := Extract(text, "en")
	if !has(ents, KindEffectiveDate, "1 July 2023", "2023-07-01") || !has(ents, KindExpirationDate, "30 June 2024", "2024-06-30") {
		t.Errorf("dates: %+v", ents)
	}
}

// The cents of a sum written out as on a cheque ("and No/100 Dollars")
// are no amount: the "100 Dollars" was read as USD 100.
func TestMoneyCentsInWordsIsNoAmount(t *testing.T) {
	text := "Borrower promises to pay the principal sum of Seven Hundred Fifty Thousand and No/100 Dollars ($750,000.00), " +
		"and a fee of Two Thousand and 50/100 Dollars ($2,000.50)."
	got := valuesOf(Extract(text, "en"), KindMoney)
	if want := "USD 750000|USD 2000.5"; strings.Join(got, "|") != want {
		t.Errorf("amounts %q, want %s", got, want)
	}
}

// Postcodes are no parties, and two companies on one signature line are
// two parties.
func TestPartiesPostcodesAndSignatureColumns(t *testing.T) {
	text := "This Lease is made between Oakridge Properties LLC, 12 Elm Street, Springfield, Illinois 62701 (the \"Landlord\") and " +
		"Northwind Consulting Limited, 1 King William Street, London EC4N 7TW (the \"Tenant\").\n\n" +
		"BIOCEPT, INC. LIFE TECHNOLOGIES CORPORATION\nBy: /s/ A. Smith\n\n" +
		"PREMIER NUTRITION CORPORATION      STREMICKS HERITAGE FOODS, LLC\nBy: ______\n\n" +
		"CENTRACK INTERNATIONAL, INC. I-ON INTERACTIVE, INC.\n\nBy: /s/ J. Lofquist By: /s/ A. Talerico\n"
	got := textsOf(Extract(text, "en"), KindParty)
	joined := strings.Join(got, "|")
	for _, bad := range []string{"62701", "EC4N", "INC. LIFE", "CORPORATION STREMICKS", "INC. I-ON"} {
		if strings.Contains(joined, bad) {
			t.Errorf("parties %q hold %q", got, bad)
		}
	}
	for _, want := range []string{"BIOCEPT, INC.", "LIFE TECHNOLOGIES CORPORATION", "PREMIER NUTRITION CORPORATION", "STREMICKS HERITAGE FOODS, LLC",
		"CENTRACK INTERNATIONAL, INC.", "I-ON INTERACTIVE, INC."} {
		if !slices.Contains(got, want) {
			t.Errorf("parties %q lack %q", got, want)
		}
	}
}

// "Effective:" labels an effective date, and a regulation has no
// agreement date at all. (A "Last updated:" date stays a candidate
// agreement date: CUAD labels it so, cuad-056.)
func TestRevisionEffectiveLabelAndRegulationDates(t *testing.T) {
	policy := "Data Retention Policy\nLast updated: January 15, 2024\nEffective: 1 July 2023\nRecords shall be kept for seven years."
	ents := Extract(policy, "en")
	if !has(ents, KindEffectiveDate, "1 July 2023", "2023-07-01") {
		t.Errorf("Effective: label not read: %+v", ents)
	}
	reg := ForClass(Extract("Member States shall adopt and publish, by 17 October 2024, the measures necessary to comply with this Directive.", "en"), "regulation")
	for _, e := range reg {
		if e.Kind == KindAgreementDate {
			t.Errorf("a regulation with an agreement date: %+v", e)
		}
	}
	art := "The contract shall be governed by the law of the Member State where the provider is established."
	if !slices.ContainsFunc(Extract(art, "en"), func(e document.Entity) bool { return e.Kind == KindGoverningLaw }) {
		t.Skip("the contract rules find no governing law here")
	}
	for _, e := range ForClass(Extract(art, "en"), "regulation") {
		if e.Kind == KindGoverningLaw {
			t.Errorf("a regulation with a governing-law clause: %+v", e)
		}
	}
}

// "this ... Agreement dated X, effective as of Y": X is the agreement's
// date and Y its effective date; the signature labels, a heading, a
// position and an address line are no parties.
func TestAgreementDatedThenEffectiveAndNonParties(t *testing.T) {
	text := `ACME INC. and IREYA B.V. agree to all terms of this Consulting Agreement ("Agreement") dated June 1, 2020, effective as of July 1, 2020 ("Effective Date").`
	ents := Extract(text, "en")
	if !has(ents, KindAgreementDate, "June 1, 2020", "2020-06-01") || !has(ents, KindEffectiveDate, "July 1, 2020", "2020-07-01") {
		t.Errorf("dates: %+v", ents)
	}
	for _, n := range []string{"ASSIGNEE", "BIDDER", "NON-COMPETITION AGREEMENT", "Director of Asia-Pacific Operations", "1707 Toronto Ont."} {
		if !junkParty(n) {
			t.Errorf("%q taken for a party", n)
		}
	}
	for _, n := range []string{"Acme Corp.", "3M Company", "21st Century Fox", "1847 Goedeker Inc."} {
		if junkParty(n) {
			t.Errorf("%q refused as a party", n)
		}
	}
}

// A plural heads a list of numbers, and a § inside a U.S.C. or C.F.R.
// citation is not cited a second time.
func TestCitationListsAndNesting(t *testing.T) {
	text := "Paragraphs 1 and 2 shall not apply. Articles 5, 6 and 7 apply. See 42 U.S.C. § 1320a and 45 C.F.R. § 164.316. Section 2.3 governs."
	got := textsOf(Extract(text, "en"), KindCitation)
	want := []string{"Paragraphs 1 and 2", "Articles 5, 6 and 7", "42 U.S.C. § 1320a", "45 C.F.R. § 164.316", "Section 2.3"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("citations %q lack %q", got, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("citations %q, want %q", got, want)
	}
}

// A range of sections written with a dash or "to" is one citation, as a
// list is: "§§ 3–5" was cut to "§§ 3", and "Sections 4–6" to "Sections 4".
func TestCitationRanges(t *testing.T) {
	text := "The obligations in §§ 3–5 survive. See also §§ 12 through 14, Sections 4–6 and Articles 8—10."
	got := textsOf(Extract(text, "en"), KindCitation)
	want := []string{"§§ 3–5", "§§ 12 through 14", "Sections 4–6", "Articles 8—10"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("citations %q, want %q", got, want)
	}
}

// A Chinese text cites a law by its name alone (《中华人民共和国劳动合同法》),
// and a range of a law's articles is one citation of that law, as
// "Articles 5, 6 and 7" is; the document's own headings (第一章, 第一条 at
// a line's start) are no citations, and an annex's title (《保密协议》) no
// law. The laws were missed, the range's second end lost its law, and the
// headings buried the citations (QA s32 D10).
func TestChineseCitations(t *testing.T) {
	text := "劳动合同\n第一章 总则\n第一条 本合同依照《中华人民共和国劳动合同法》和《中央企业合规管理办法》订立，双方另签《保密协议》。\n" +
		"  第二条 租赁适用《中华人民共和国民法典》第七百零三条至第七百三十四条，违约依照本合同第十一条处理。\n"
	got := valuesOf(Extract(text, "zh"), KindCitation)
	want := []string{"《中华人民共和国劳动合同法》", "《中央企业合规管理办法》", "《中华人民共和国民法典》第七百零三条至第七百三十四条", "第十一条"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("citations %q, want %q", got, want)
	}
}

// A Chinese contract's term and signing dates are read as such: they were
// plain dates, so no Chinese contract had an expiration date to find or
// sort by.
func TestChineseContractDates(t *testing.T) {
	text := "房屋租赁合同\n出租方（甲方）：北京华通置业有限公司\n承租方（乙方）：上海明远科技有限公司\n" +
		"第一条 租赁期限自2024年1月1日起至2026年12月31日止。\n" +
		"第二条 本合同有效期至2027年2月28日，期满后双方可续签。\n" +
		"第三条 乙方应于每月5日前支付租金人民币15,000元。\n" +
		"本合同于2023年12月15日在北京签订。\n"
	want := map[string]string{KindEffectiveDate: "2024-01-01", KindExpirationDate: "2026-12-31", KindAgreementDate: "2023-12-15"}
	got := map[string]string{}
	for _, e := range Extract(text, "zh") {
		if _, ok := want[e.Kind]; ok && got[e.Kind] == "" {
			got[e.Kind] = e.Value
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q (all: %v)", k, got[k], v, Extract(text, "zh"))
		}
	}
	expiries := valuesOf(Extract(text, "zh"), KindExpirationDate)
	if len(expiries) != 2 || expiries[1] != "2027-02-28" {
		t.Errorf("expiration dates %v, want the term's end and the validity's", expiries)
	}
}

// A Chinese contract is dated by its signature block (日期： under 甲方（盖章）
// and 授权代表, or a date under 立合約書人) as an English one is by "Date:"
// under its signatures, and one that takes effect once signed
// (自双方签字盖章之日起生效) takes effect then, so its 有效期为两年 ends two
// years on: the date was a plain one and the term never ended (QA s32 D6).
// A deadline labelled in the block (交货日期) dates nothing: it is the
// delivery date the seller must meet, a compliance date.
func TestChineseSignatureBlockDate(t *testing.T) {
	type want struct{ kind, text, value string }
	sign := "甲方（盖章）：北京华信科技有限公司\n授权代表：张伟\n日期：2024年3月1日\n\n乙方（盖章）：上海明达机械制造有限公司\n授权代表：李娜\n日期：2024年3月1日\n"
	for text, wants := range map[string][]want{
		"设备采购合同\n第一条 乙方应于2024年5月31日前交货。\n第九条 本合同自双方签字盖章之日起生效，有效期为两年。\n\n" + sign: {
			{KindAgreementDate, "2024年3月1日", "2024-03-01"}, {KindEffectiveDate, "本合同自双方签字盖章之日起生效", "2024-03-01"},
			{KindExpirationDate, "有效期为两年", "2026-03-01"},
			// the delivery deadline: a date the seller must meet
			{KindComplianceDate, "2024年5月31日", "2024-05-31"}},
		"軟體授權合約\n第一條 授權費用為新台幣參佰萬元整。\n\n立合約書人\n甲方：臺北資訊股份有限公司\n乙方：高雄精密工業股份有限公司\n中華民國一一二年十二月十五日\n": {
			{KindAgreementDate, "中華民國一一二年十二月十五日", "2023-12-15"}},
		"设备采购合同\n第一条 货款为人民币十万元。\n甲方（盖章）：北京华信科技有限公司\n交货日期：2024年5月31日\n": {
			{KindComplianceDate, "2024年5月31日", "2024-05-31"}},
		// both sides on one line, with no seal or signature marked
		"采购合同\n第一条 乙方应于2024年7月15日前交货。\n\n甲方：北京华信科技有限公司　　乙方：苏州精工机械制造有限公司\n日期：2024年3月18日\n": {
			{KindAgreementDate, "2024年3月18日", "2024-03-18"},
			// both sides, the gap of ideographic spaces parting them
			{KindParty, "北京华信科技有限公司", "甲方"}, {KindParty, "苏州精工机械制造有限公司", "乙方"}},
		"房屋租賃合同\n第二條 租賃期共二年。\n\n甲方：陳大文　　　　乙方：香港恒星貿易有限公司\n日期：二〇二四年三月十五日\n": {
			{KindAgreementDate, "二〇二四年三月十五日", "2024-03-15"}},
		"设备采购合同\n第一条 货款为人民币十万元。\n甲方：北京华信科技有限公司　乙方：苏州精工机械制造有限公司\n交货日期：2024年5月31日\n": {
			{KindComplianceDate, "2024年5月31日", "2024-05-31"}},
	} {
		ents := Extract(text, "zh")
		for _, w := range wants {
			if !has(ents, w.kind, w.text, w.value) {
				t.Errorf("%q: missing %s %q (%s) in %+v", text, w.kind, w.text, w.value, ents)
			}
		}
		if len(wants) == 1 && wants[0].kind == KindComplianceDate && countKind(ents, KindAgreementDate) > 0 {
			t.Errorf("%q: a delivery date taken for the agreement's: %+v", text, ents)
		}
	}
}

// A Chinese signature block that stacks the sides one under the other
// with no seal marked ("甲方：X / 乙方：Y / 日期：…", "甲方签字： / 乙方签字：")
// dates the agreement as 签订日期 does: the date was a plain one (QA zh2 D3).
// A deadline labelled under such lines still dates nothing.
func TestChineseSignatureBlockStackedSides(t *testing.T) {
	body := "保密协议\n甲方：上海明远科技有限公司\n乙方：张伟\n\n第一条 乙方应对甲方商业秘密承担保密义务。\n第七条 本协议自双方签字盖章之日起生效。\n\n"
	for tail, want := range map[string]string{
		"甲方：上海明远科技有限公司\n乙方：张伟\n日期：2025年4月8日\n":               "2025-04-08",
		"甲方签字：\n乙方签字：\n日期：2025年4月8日\n":                       "2025-04-08",
		"甲方代表签字：王强\n乙方签字：张伟\n日期：2025年4月8日\n":                 "2025-04-08",
		"甲方：上海明远科技有限公司\n法定代表人：王强\n\n乙方：张伟\n\n日期：二〇二五年四月八日\n": "2025-04-08",
		"甲方：上海明远科技有限公司\n乙方：张伟\n交货日期：2025年5月31日\n":            "",
	} {
		ents := Extract(body+tail, "zh")
		got := ""
		for _, e := range ents {
			if e.Kind == KindAgreementDate {
				got = e.Value
			}
		}
		if got != want {
			t.Errorf("%q: agreement date %q, want %q in %+v", tail, got, want, ents)
		}
	}
}

// A Chinese obligation is its whole sentence, as an English one is across
// its "; ": "乙方应于每季度末支付当期利息；" alone left out that the principal
// falls due, and a sentence with two duties gave two halves (QA zh2).
func TestChineseObligationKeepsSentenceWhole(t *testing.T) {
	text := "借款合同\n第二条 借款年利率为百分之四，乙方应于每季度末支付当期利息；借款到期时，乙方应一次性归还全部本金。\n" +
		"第四条 甲方应于每月十日前足额支付；甲方不得无故拖欠或者克扣乙方工资。\n第五条 本合同自签订之日起生效。\n"
	var got []string
	for _, e := range Extract(text, "zh") {
		if e.Kind == KindObligation {
			got = append(got, e.Text+" "+e.Value)
		}
	}
	want := []string{
		"借款年利率为百分之四，乙方应于每季度末支付当期利息；借款到期时，乙方应一次性归还全部本金。 应于",
		"甲方应于每月十日前足额支付；甲方不得无故拖欠或者克扣乙方工资。 应于",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("obligations\n got  %q\n want %q", got, want)
	}
}

// A Chinese duty wrapped across a PDF's lines is one sentence: every line
// break ended a sentence, and "乙方应于每季度开始前十日内" came without what
// is due ("支付当季租金。"). A heading's line, a label's and a line before
// the next article still end where they end.
func TestChineseObligationAcrossWrappedLines(t *testing.T) {
	text := "房屋租赁合同\n出租方：北京华远置业有限公司（以下简称甲方）\n第三条 租金及支付方式\n" +
		"每月租金为人民币八万元整，乙方应于每季度开始前十日内\n支付当季租金。甲方应在收到租金后五日内向乙\n" +
		"方开具发票\n第四条 乙方应当按照约定的用途使用房屋，不得擅自改变房屋的结构\n第五条 本合同自签订之日起生效。\n"
	var got []string
	for _, e := range Extract(text, "zh") {
		if e.Kind == KindObligation {
			got = append(got, e.Text)
		}
	}
	want := []string{
		"每月租金为人民币八万元整，乙方应于每季度开始前十日内支付当季租金。",
		"甲方应在收到租金后五日内向乙方开具发票",
		"乙方应当按照约定的用途使用房屋，不得擅自改变房屋的结构",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("obligations\n got  %q\n want %q", got, want)
	}
}

// An obligation is the duty, not the article's number it is written
// under: a law's "第九条 个人信息处理者应当…" was listed with its "第九条 "
// (QA zh4). A sentence that opens by citing an article with no space after
// its number ("第三条约定的…") keeps it.
func TestChineseObligationDropsArticleLabel(t *testing.T) {
	text := "中华人民共和国个人信息保护法\n第一章 总则\n" +
		"第九条 个人信息处理者应当对其个人信息处理活动负责，并采取必要措施保障所处理的个人信息的安全。\n" +
		"第十三条\u3000处理个人信息不得违反法律、行政法规的规定。\n" +
		"第三条约定的价款，甲方应当于验收后支付。\n"
	var got []string
	for _, e := range Extract(text, "zh") {
		if e.Kind == KindObligation {
			got = append(got, e.Text+" "+e.Value)
		}
	}
	want := []string{
		"个人信息处理者应当对其个人信息处理活动负责，并采取必要措施保障所处理的个人信息的安全。 应当",
		"处理个人信息不得违反法律、行政法规的规定。 不得",
		"第三条约定的价款，甲方应当于验收后支付。 应当",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("obligations\n got  %q\n want %q", got, want)
	}
}

// A party named last in a sentence ends where the sentence goes on, and a
// date the term ends on is no agreement date, however early it is named:
// "Globex Inc. expires on June 30" was a party, and June 30 the agreement
// date.
func TestPartyEndsAtVerbAndEndDateIsNoAgreementDate(t *testing.T) {
	for text, want := range map[string][]string{
		"This Agreement between Acme Corp. and Globex Inc. expires on June 30, 2025.":                                  {"party Acme Corp.", "party Globex Inc.", "expiration_date 2025-06-30"},
		"Master Services Agreement\n\nThis agreement is made between Northwind Ltd and Delta LLC dated March 3, 2024.": {"party Northwind Ltd", "party Delta LLC", "agreement_date 2024-03-03"},
		"Supply Agreement between Acme Corp. and Premier dated July 1, 2023. The term ends on December 31, 2030.":      {"party Acme Corp.", "party Premier", "agreement_date 2023-07-01", "expiration_date 2030-12-31"},
		"Hi Bob, the supply agreement between Acme Corp. and Globex Inc. runs until December 31, 2030.":                {"party Acme Corp.", "party Globex Inc.", "date 2030-12-31"},
	} {
		var got []string
		for _, e := range Extract(text, "en") {
			v := e.Value
			if e.Kind == KindParty {
				v = e.Text
			}
			got = append(got, e.Kind+" "+v)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q:\n got  %q\n want %q", text, got, want)
		}
	}
}

// The parties of the Civil Code's other typical contracts (warehousing,
// carriage, mortgage, pledge, gift, work, debt, investment,
// authorisation) are found by their roles: none of these contracts had a
// party (QA s32 D5).
func TestChineseTypicalContractRoles(t *testing.T) {
	for _, pair := range [][2]string{
		{"存货人", "保管人"}, {"托运人", "承运人"}, {"抵押人", "抵押权人"}, {"出质人", "质权人"}, {"赠与人", "受赠人"},
		{"定作人", "承揽人"}, {"债权人", "债务人"}, {"投资方", "被投资方"}, {"授权方", "被授权方"},
	} {
		text := "合同\n" + pair[0] + "：天津港保税区物流有限公司\n" + pair[1] + "：青岛海运仓储有限公司\n第一条 费用为人民币贰万元整。"
		ents := Extract(text, "zh")
		if !has(ents, KindParty, "天津港保税区物流有限公司", pair[0]) || !has(ents, KindParty, "青岛海运仓储有限公司", pair[1]) {
			t.Errorf("%s/%s: parties %+v", pair[0], pair[1], ents)
		}
	}
}

// A side's label (（甲方）, （乙方）, （丙方）) after a role the rules do not
// know still makes the party, under that role; a signature field so
// labelled is no role. "存货人（甲方）：X" lost X, and kept only the 乙方.
func TestChineseLabelledUnknownRole(t *testing.T) {
	text := "合伙协议\n出资人（甲方）：天津港保税区物流有限公司\n乙方：青岛海运仓储有限公司\n执行事务合伙人（丙方）：王大明\n" +
		"第一条 出资额为人民币贰万元整。\n签字（乙方）：李娜\n"
	ents := Extract(text, "zh")
	for _, w := range [][2]string{{"天津港保税区物流有限公司", "出资人"}, {"青岛海运仓储有限公司", "乙方"}, {"王大明", "执行事务合伙人"}} {
		if !has(ents, KindParty, w[0], w[1]) {
			t.Errorf("missing party %s (%s) in %+v", w[0], w[1], ents)
		}
	}
	if has(ents, KindParty, "", "签字") {
		t.Errorf("a signature field taken for a role: %+v", ents)
	}
}

// A template that gives each party only its role ("甲方：出租方") names no
// party: the role was taken for the party's name.
func TestChineseRoleIsNoParty(t *testing.T) {
	for _, e := range Extract("房屋租赁合同\n甲方：出租方\n乙方：承租方\n", "zh") {
		if e.Kind == KindParty {
			t.Errorf("party %q (%s)", e.Text, e.Value)
		}
	}
}

// A party "name" that names no one is left out (a role, a country or a
// legal form alone, a table-of-contents line, a postcode, a definition),
// and one that picked up a lead-in, the sentence it ran into or an
// address is tidied; an alias that names the document is no party's.
func TestJunkPartiesAndTidying(t *testing.T) {
	for name, junk := range map[string]bool{
		"LICENSEE": true, "the Company": true, "USA": true, "P.R.C.": true, "LIMITED": true, "Co., Ltd.": true,
		"CHARGES 4": true, "Termination 7": true, "10105": true, "V6C 1B5": true, "Group means": true,
		"CONSULTANT hereby accepts appointment": true, "OF": true, "VAT NUMBER: 01655870705": true,
		"Military Agencies/Customers in the U.S. Agreement Term: 1 Year": true,
		"Acme Corp": false, "2205925 Ontario Limited": false, "KES 7 CAPITAL INC.": false, "Layer 2 Communications Group Ltd.": false,
		"北京星河科技有限公司": false, "WPP 2005 LIMITED": false, "3M": false,
		"Consultant and Company": true, "the Licensor & the Licensee": true, "RESOLVED": true, "RESOLVED FURTHER": true,
		"Johnson and Johnson": false, "Bank of the West": false,
	} {
		if got := junkParty(name); got != junk {
			t.Errorf("junkParty(%q) = %v, want %v", name, got, junk)
		}
	}
	for in, want := range map[string]string{
		"For and on behalf of KPN Telecom B.V.":                                  "KPN Telecom B.V.",
		"ACKNOWLEDGED AND AGREED TO PALMER SQUARE BDC ADVISOR LLC":               "PALMER SQUARE BDC ADVISOR LLC",
		"2006 Ladies and Gentlemen: El Banco Financial Corporation":              "El Banco Financial Corporation",
		"ARCA CAPITAL MANAGEMENT, LLC This Agreement":                            "ARCA CAPITAL MANAGEMENT, LLC",
		"ORGANIC PREPARATIONS INC. 2nd Floor":                                    "ORGANIC PREPARATIONS INC.",
		"DGT Corp. Suite 207 - 1130 Austin Avenue":                               "DGT Corp.",
		"BIRCH FIRST INVESTMENTS INC. A US Virgin Islands corporation":           "BIRCH FIRST INVESTMENTS INC.",
		"MARSHALL & ILSLEY CORPORATION acting through its division M&I DATA":     "MARSHALL & ILSLEY CORPORATION",
		"CURO RECEIVABLES FINANCE II, LLC, a Delaware limited liability company": "CURO RECEIVABLES FINANCE II, LLC",
		"AMERICAN GENERAL LIFE INSURANCE COMPANY OF DELAWARE":                    "AMERICAN GENERAL LIFE INSURANCE COMPANY OF DELAWARE",
		"Acme GmbH & Co. KG":                 "Acme GmbH & Co. KG",
		"2000 American Champion Media, Inc.": "American Champion Media, Inc.",
		`Affiliate") and UNION DENTAL CORP.`: "UNION DENTAL CORP.",
		"深圳市腾龙电子有限公司（盖章）":                    "深圳市腾龙电子有限公司",
		"北京星辰科技有限公司（以下简称“甲方”）":               "北京星辰科技有限公司",
		"Acme Software Inc. (美国特拉华州公司":       "Acme Software Inc.",
		"Fonterra (USA) Inc.":                "Fonterra (USA) Inc.",
		"THE VÄRDE FUND XII (MASTER), L.P.":  "THE VÄRDE FUND XII (MASTER), L.P.",
		// a lead-in, an address, a date or the sentence after the legal form
		"Acknowledged by Bachem AG":                            "Bachem AG",
		"Accepted and agreed by Acme Corp.":                    "Acme Corp.",
		"DRAGON SYSTEMS, INC. 320 NEVADA STREET NEWTON":        "DRAGON SYSTEMS, INC.",
		"ENERGY XXI USA, INC. DATED EFFECTIVE AS OF March 11":  "ENERGY XXI USA, INC.",
		"GSI TECHNOLOGY, INC. August 28":                       "GSI TECHNOLOGY, INC.",
		"Network Technology Co., Ltd. 24th day of November":    "Network Technology Co., Ltd.",
		"INTERSECT ENT, Inc. together":                         "INTERSECT ENT, Inc.",
		"Delta Cleaning Services Ltd that we":                  "Delta Cleaning Services Ltd",
		"Marathon Patent Group, Inc. 11100 Santa Monica Blvd.": "Marathon Patent Group, Inc.",
		// an address where the name has no legal form; a number that is no
		// house number stays, as do a street's words before a legal form
		"MODUS MEDIA INTERNATIONAL LANDDROSTLAAN 51 7327 GM APELDOORN THE NETHERLANDS": "MODUS MEDIA INTERNATIONAL",
		"Brightwater Partners 1200 Harbor Boulevard Weehawken":                         "Brightwater Partners",
		"Van Dijk Groep Keizersgracht 123 Amsterdam":                                   "Van Dijk Groep",
		"Nordlicht Medien Hauptstraße 5 Berlin":                                        "Nordlicht Medien",
		"Stichting Kunstfonds 1017 AB Amsterdam":                                       "Stichting Kunstfonds",
		"Harbor Trust P.O. Box 4410 Wilmington":                                        "Harbor Trust",
		"Acme Holdings Suite 400":                                                      "Acme Holdings",
		"Ms Fiona Gallagher of 12 Kestrel Way":                                         "Ms Fiona Gallagher",
		"21st Century Fox":                                                             "21st Century Fox",
		"3M Company":                                                                   "3M Company",
		"Pier 1 Imports":                                                               "Pier 1 Imports",
		"KES 7 CAPITAL INC.":                                                           "KES 7 CAPITAL INC.",
		"WPP 2005 LIMITED":                                                             "WPP 2005 LIMITED",
		"Route 66 Road House, Inc.":                                                    "Route 66 Road House, Inc.",
	} {
		if got := tidyParty(in); got != want {
			t.Errorf("tidyParty(%q) = %q, want %q", in, got, want)
		}
	}
	text := "This Agreement is made between Detto Technologies, Inc. (the \"Effective Date\") and Pivx Corporation (the \"Company\").\n\n" +
		"LICENSEE:\nBy: ______\n\nUSA\nBy: ______\n"
	for _, e := range Extract(text, "en") {
		if e.Kind != KindParty {
			continue
		}
		if e.Value == "Effective Date" || junkParty(e.Text) {
			t.Errorf("party %q (alias %q)", e.Text, e.Value)
		}
	}
}

// The footer EDGAR prints on each page of a filed exhibit dates the
// filing, not the agreement.
func TestFilingFooterIsNoAgreementDate(t *testing.T) {
	text := "Source: ACME CORP, 10-K, 3/1/2019\n\nSUPPLY AGREEMENT\n\nThis Supply Agreement is made on June 5, 2018 between Acme Corp and Beta LLC.\n" +
		"Source: ACME CORP, 10-K, 3/1/2019\n"
	ents := Extract(text, "en")
	if !has(ents, KindAgreementDate, "June 5, 2018", "2018-06-05") {
		t.Errorf("agreement date missing: %+v", ents)
	}
	if has(ents, KindAgreementDate, "3/1/2019", "") || has(ents, KindEffectiveDate, "3/1/2019", "") {
		t.Errorf("the filing date was taken for the agreement's: %+v", ents)
	}
	footerOnly := Extract("Source: ACME CORP, 10-K, 3/1/2019\n\nLICENSE AGREEMENT\n\nThe parties agree as follows.", "en")
	if has(footerOnly, KindAgreementDate, "", "") {
		t.Errorf("a footer's date was taken for the agreement's: %+v", footerOnly)
	}
}

// Names in capitals with accents are found whole ("VÄRDE PARTNERS" was
// "RDE PARTNERS"), with a parenthesised word inside; two companies on one
// signature line are two parties, in any case, unless the legal form's
// next word goes on with the name.
func TestSignatureNamesAccentsAndPairs(t *testing.T) {
	text := "VÄRDE INVESTMENT PARTNERS (OFFSHORE) MASTER, L.P. By: /s/ A\n\n" +
		"Loop Industries, Inc. Indorama Loop Technologies, LLC\nBy: ____\n\n" +
		"AMERICAN GENERAL LIFE INSURANCE COMPANY OF DELAWARE\nBy: ____\n"
	got := textsOf(Extract(text, "en"), KindParty)
	for _, want := range []string{"VÄRDE INVESTMENT PARTNERS (OFFSHORE) MASTER, L.P.", "Loop Industries, Inc.", "Indorama Loop Technologies, LLC",
		"AMERICAN GENERAL LIFE INSURANCE COMPANY OF DELAWARE"} {
		if !slices.Contains(got, want) {
			t.Errorf("parties %q lack %q", got, want)
		}
	}
	for _, bad := range got {
		if strings.HasPrefix(bad, "RDE") || bad == "MASTER, L.P." {
			t.Errorf("party %q cut from a longer name", bad)
		}
	}
}

// Two companies side by side on a signature line, the first a Swiss or
// French SA or Sàrl or a British plc (in lower case), are two parties: the legal forms without dots did
// not split the line, and the register got a party named after both.
func TestSignatureLineSplitsAfterSA(t *testing.T) {
	text := "IN WITNESS WHEREOF, the parties have executed this Agreement.\n\n" +
		"Lemanic Biotech SA Shanghai Huaxin Pharmaceutical Co., Ltd.\nBy: Marie Dubois, CEO By: Zhang Wei\n\n" +
		"Helvetia Trading Sàrl Acme Holdings Limited\nBy: ____ By: ____\n\n" +
		"Helios Energy plc Tyrell Systems Corp.\nBy: ____ By: ____\n"
	got := textsOf(Extract(text, "en"), KindParty)
	want := []string{"Lemanic Biotech SA", "Shanghai Huaxin Pharmaceutical Co., Ltd.", "Helvetia Trading Sàrl", "Acme Holdings Limited",
		"Helios Energy plc", "Tyrell Systems Corp."}
	if !slices.Equal(got, want) {
		t.Errorf("parties %q, want %q", got, want)
	}
}

// A notice period is no term: a contract that runs until ended on thirty
// days' notice does not expire thirty days after it starts.
func TestNoticePeriodIsNoTerm(t *testing.T) {
	text := "This Agreement is made on March 1, 2015 between Acme Corp and Beta LLC.\n\n" +
		"The term of this Agreement shall commence on the Effective Date and continue until terminated by either party on thirty (30) days' prior written notice."
	for _, e := range Extract(text, "en") {
		if e.Kind == KindExpirationDate && e.Value == "2015-03-31" {
			t.Errorf("the notice period was taken for the term: %+v", e)
		}
	}
}

// A traditional-Chinese contract is read by the same rules (買方 is 买方,
// 準據法 is 准据法), its entities keep the document's characters, and
// Taiwan dollars are TWD, not CNY.
func TestTraditionalChinese(t *testing.T) {
	text := "買賣合約書\n買方：台灣精密電子股份有限公司\n賣方：高雄鋼鐵工業有限公司\n" +
		"簽訂日期：2024年3月1日。總價款為新台幣1,500,000元。賣方應於30日內交貨。\n" +
		"本合約之準據法為中華民國法律。\n"
	ents := Extract(text, "zh")
	for _, w := range []struct{ kind, text, value string }{
		{KindParty, "台灣精密電子股份有限公司", "买方"},
		{KindParty, "高雄鋼鐵工業有限公司", "卖方"},
		{KindAgreementDate, "2024年3月1日", "2024-03-01"},
		{KindMoney, "新台幣1,500,000元", "TWD 1500000"},
		{KindDuration, "30日內", "P30D"},
		{KindGoverningLaw, "本合約之準據法為中華民國法律。", "Taiwan"},
	} {
		if !has(ents, w.kind, w.text, w.value) {
			t.Errorf("missing %s %q (%s) in %+v", w.kind, w.text, w.value, ents)
		}
	}
	for _, e := range ents {
		if e.Kind == KindMoney && strings.HasPrefix(e.Value, "CNY") {
			t.Errorf("Taiwan dollars as yuan: %+v", e)
		}
	}
}

// A Chinese contract that gives its period as a length (有效期为五年)
// expires that long after it takes effect.
func TestChineseTermLength(t *testing.T) {
	for text, want := range map[string]string{
		"技术服务合同\n甲方：北京某某科技有限公司\n本合同自2024年1月1日起生效，有效期为五年。": "2029-01-01",
		"劳动合同\n签订日期：2023年6月15日\n合同期限为12个月。甲方应在10个工作日内支付。": "2024-06-15",
		"租赁合同\n租赁期限自2024年1月1日起至2026年12月31日止，为期三年。":        "2026-12-31", // a date ends it
		"服务协议\n乙方应在30日内付款。":                               "",           // no period, no date
		// financial numerals, simplified and traditional
		"借款合同\n本合同自2024年1月10日起生效，借款期限为壹年。": "2025-01-10",
		"房屋租賃合同\n本合同自2024年4月1日起生效，租期為參年。":  "2027-04-01",
	} {
		got := ""
		for _, e := range Extract(text, "zh") {
			if e.Kind == KindExpirationDate && got == "" {
				got = e.Value
			}
		}
		if got != want {
			t.Errorf("%q: expiration %q, want %q (%+v)", text, got, want, Extract(text, "zh"))
		}
	}
}

// Chinese contract details a user reported: employment roles, spaced
// roles, the period that is the contract's (not a warranty's or a
// penalty's), 截至 (as of) is no end, dates in Chinese numerals and
// Minguo years, a governing-law place after a heading, a heading alone,
// and currencies after 万 or shared along a range.
func TestChineseContractDetails(t *testing.T) {
	type want struct{ kind, text, value string }
	for text, wants := range map[string][]want{
		"雇佣合同\n雇主：香港东方贸易有限公司\n雇员：黄嘉欣\n": {{KindParty, "香港东方贸易有限公司", "雇主"}, {KindParty, "黄嘉欣", "雇员"}},
		"技术服务合同\n甲 方：北京某某科技有限公司\n":      {{KindParty, "北京某某科技有限公司", "甲方"}},
		"本合同自2024年3月15日起生效。乙方每逾期一日，应按日支付违约金。设备保修期为一年。本合同有效期为两年。": {
			{KindExpirationDate, "有效期为两年", "2026-03-15"}},
		"本合同自2024年7月1日起生效，合同期限为三年。截至2024年12月31日，用人单位应完成年度考核。": {
			{KindExpirationDate, "合同期限为三年", "2027-07-01"}, {KindDate, "2024年12月31日", "2024-12-31"}},
		"签订日期：二〇二四年三月一日\n本合同自二〇二四年四月一日起生效，有效期为五年。": {
			{KindAgreementDate, "二〇二四年三月一日", "2024-03-01"}, {KindEffectiveDate, "二〇二四年四月一日", "2024-04-01"},
			{KindExpirationDate, "有效期为五年", "2029-04-01"}},
		"租賃期間自民國113年1月1日起至民國115年12月31日止。": {
			{KindEffectiveDate, "民國113年1月1日", "2024-01-01"}, {KindExpirationDate, "民國115年12月31日", "2026-12-31"}},
		"本契約自民國一一三年三月一日起生效。簽約日期：中華民國一百十三年二月二十日": {
			{KindEffectiveDate, "民國一一三年三月一日", "2024-03-01"}, {KindAgreementDate, "中華民國一百十三年二月二十日", "2024-02-20"}},
		"技术服务合同 甲方 北京星辰科技有限公司 乙方 上海云海信息技术有限公司 甲方应当按时付款": {
			{KindParty, "北京星辰科技有限公司", "甲方"}, {KindParty, "上海云海信息技术有限公司", "乙方"}},
		"本办法自2024-03-01起施行。租期自2024-03-01起至2026-02-28止。": {
			{KindEffectiveDate, "2024-03-01", "2024-03-01"}, {KindExpirationDate, "2026-02-28", "2026-02-28"}},
		"4. 适用法律：本协议适用美国纽约州法律。":       {{KindGoverningLaw, "适用法律：本协议适用美国纽约州法律。", "美国纽约州"}},
		"第四条 本合同适用中华人民共和国劳动合同法及相关法律。": {{KindGoverningLaw, "本合同适用中华人民共和国劳动合同法及相关法律。", "People's Republic of China"}},
		"合同金额为50万美元，另支付安装费1000万日元及运费3.5万港元。": {
			{KindMoney, "50万美元", "USD 500000"}, {KindMoney, "1000万日元", "JPY 10000000"}, {KindMoney, "3.5万港元", "HKD 35000"}},
		"處新臺幣五萬元以上五十萬元以下罰鍰。": {{KindMoney, "新臺幣五萬元", "TWD 50000"}, {KindMoney, "五十萬元", "TWD 500000"}},
	} {
		ents := Extract(text, "zh")
		for _, w := range wants {
			if !has(ents, w.kind, w.text, w.value) {
				t.Errorf("%q: missing %s %q (%s) in %+v", text, w.kind, w.text, w.value, ents)
			}
		}
	}
	if parties := countKind(Extract("技术服务合同 甲方 北京星辰科技有限公司 乙方 上海云海信息技术有限公司 甲方 应当 按时 付款", "zh"), KindParty); parties != 2 {
		t.Errorf("%d parties in an OCR'd form, want 2", parties)
	}
	if money := countKind(Extract("合同金额为50万美元，另支付安装费1000万日元及运费3.5万港元。", "zh"), KindMoney); money != 3 {
		t.Errorf("%d amounts, want 3", money)
	}
	// a heading alone is no governing-law clause
	n := 0
	for _, e := range Extract("第六條 準據法\n本合約之準據法為中華民國法律。\n", "zh") {
		if e.Kind == KindGoverningLaw {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d governing-law entities, want the clause alone", n)
	}
}

// countKind is how many of ents are of kind.
func countKind(ents []document.Entity, kind string) int {
	n := 0
	for _, e := range ents {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

// TestPartyPlacesRedactionsAndForms: "England and Wales" is one place, not
// a party called "Wales" that takes the real party's role; a blacked-out
// name is no party; a name with and without its legal form is one party.
func TestPartyPlacesRedactionsAndForms(t *testing.T) {
	cases := []struct {
		text string
		want []string // name=role
	}{
		{`This Supply Agreement is made on 1 March 2024 between Alpha Widgets Limited, a company registered in England and Wales ("Supplier"), and Beta Foods plc, a company incorporated in Scotland ("Customer").`,
			[]string{"Alpha Widgets Limited=Supplier", "Beta Foods plc=Customer"}},
		{`This Licence Agreement is made between Nimbus Analytics GmbH, a company registered in Germany ("Licensor"), and Contoso Retail Ltd, a company registered in Trinidad and Tobago ("Licensee").`,
			[]string{"Nimbus Analytics GmbH=Licensor", "Contoso Retail Ltd=Licensee"}},
		{`This Distribution Agreement is made between XXXXXXXXXXXXXXXXXXXXX ("Distributor") and B & C General Warehouse Corporation LLC ("Company").`,
			[]string{"B & C General Warehouse Corporation LLC=Company"}},
		{`THIS DISTRIBUTOR AGREEMENT is made as of 1 August 2019, by and between, B & C General Warehouse Corporation LLC, a USA Limited Liability Company, with an address located at 7405 SW 11th CT, North Lauderdale, FL, 33068, USA, ("Company"), and XXXXXXXXXXXXXXXXXXXXX ("Distributor").`,
			[]string{"B & C General Warehouse Corporation LLC=Company"}},
		{`This Consulting Agreement is made by and between XXXXXXXX, Inc., a Delaware corporation ("Company"), and [***] LLC ("Consultant"), and Gamma Analytics Corp. ("Advisor").`,
			[]string{"Gamma Analytics Corp.=Advisor"}},
		{"This Hosting Agreement is made between Centrack International (\"Centrack\") and Ion Interactive, Inc. (\"Ion\").\n\nCENTRACK INTERNATIONAL, INC. ION INTERACTIVE, INC.\n\nBy: /s/ J. Lofquist By: /s/ A. Talerico\n",
			[]string{"CENTRACK INTERNATIONAL, INC.=Centrack", "Ion Interactive, Inc.=Ion"}},
	}
	for _, c := range cases {
		var got []string
		for _, e := range Extract(c.text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Text+"="+e.Value)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("parties = %q, want %q\n(text %q)", got, c.want, c.text)
		}
	}
}

// Business and working days have no ISO 8601 unit: such a period keeps its
// words and no value, and dates no term (P10D would be days early).
func TestBusinessDaysHaveNoISOValue(t *testing.T) {
	text := `This Agreement is effective as of January 2, 2024. Supplier shall deliver within ten (10) business days of each order and pay within 30 days. The term of this Agreement is 15 working days.`
	got := map[string]string{}
	for _, e := range Extract(text, "en") {
		got[e.Kind+"|"+e.Text] = e.Value
	}
	for key, want := range map[string]string{
		KindDuration + "|ten (10) business days": "",
		KindDuration + "|30 days":                "P30D",
		KindDuration + "|15 working days":        "",
	} {
		if v, ok := got[key]; !ok || v != want {
			t.Errorf("%s: value %q (found %v), want %q; all %v", key, v, ok, want, got)
		}
	}
	for key := range got {
		if strings.HasPrefix(key, KindExpirationDate) {
			t.Errorf("an expiration date from business days: %s", key)
		}
	}
}

// One amount written in figures with cents and in Chinese numerals is one
// entity: "CNY 500000.00" and "CNY 500000" were two.
func TestAmountWrittenTwiceIsOne(t *testing.T) {
	text := "租金总额为人民币¥500,000.00元（大写：人民币伍拾万元整），乙方应于2024年3月1日前支付。押金为¥1,250.50元。"
	got := valuesOf(Extract(text, "zh"), KindMoney)
	if !slices.Equal(got, []string{"CNY 500000", "CNY 1250.5"}) {
		t.Errorf("amounts %q, want CNY 500000 once and CNY 1250.5", got)
	}
}

// A party's name keeps one period of its legal form, and its role no
// stop after it (QA: "Torvec Inc..", role "Shipper.").
func TestPartyPunctuation(t *testing.T) {
	es := Extract(`This Agreement is made between Torvec Inc.. ("Licensor") and Cool Technologies Inc. ("Shipper.").`, "en")
	var got []string
	for _, e := range es {
		if e.Kind == KindParty {
			got = append(got, e.Text+"="+e.Value)
		}
	}
	if strings.Join(got, "|") != "Torvec Inc.=Licensor|Cool Technologies Inc.=Shipper" {
		t.Errorf("parties %q", got)
	}
}

// An expiration date before the contract starts is no expiration date's
// value (QA: cuad-111 expired 2002-07-08, effective 2002-11-01).
func TestNoExpiryBeforeStart(t *testing.T) {
	es := noExpiryBeforeStart([]document.Entity{
		{Kind: KindEffectiveDate, Text: "November 1, 2002", Value: "2002-11-01"},
		{Kind: KindExpirationDate, Text: "This Agreement replaces the agreement that expired on July 8, 2002.", Value: "2002-07-08"},
		{Kind: KindExpirationDate, Text: "This Agreement ends on October 31, 2007.", Value: "2007-10-31"},
	})
	if es[1].Value != "" || es[2].Value != "2007-10-31" {
		t.Errorf("expiration values %q %q", es[1].Value, es[2].Value)
	}
}

// A law named by its adjective is valued by its place (QA: EUPL's
// "Belgian").
func TestGoverningLawAdjective(t *testing.T) {
	for text, want := range map[string]string{
		"This Licence shall be governed by Belgian law.":                      "Belgium",
		"This Agreement is governed by the laws of Belgium.":                  "Belgium",
		"This Agreement shall be governed by and construed under German law.": "Germany",
	} {
		got := ""
		for _, e := range Extract(text, "en") {
			if e.Kind == KindGoverningLaw {
				got = e.Value
			}
		}
		if got != want {
			t.Errorf("%q: governing law %q, want %q", text, got, want)
		}
	}
}

// "and" in a list of places where a party is ("offices located at Berlin
// and Munich ("Siemens")") joins places: the alias is the party's (QA:
// "Munich" was a party called Siemens).
func TestPartyPlacesJoinedByAnd(t *testing.T) {
	var got []string
	for _, e := range Extract(`This Distribution Agreement is made between Accuray Incorporated, a Delaware corporation ("Accuray"), and Siemens Aktiengesellschaft, a German corporation with offices located at Berlin and Munich ("Siemens").`, "en") {
		if e.Kind == KindParty {
			got = append(got, e.Text+"="+e.Value)
		}
	}
	if strings.Join(got, "|") != "Accuray Incorporated=Accuray|Siemens Aktiengesellschaft=Siemens" {
		t.Errorf("parties %q", got)
	}
}

// A bracket inside a company's name and a brand's lower-case first letter
// are the name's (QA: "KONG) LTD" for SHBV (HONG KONG) LTD,
// "Communications Corporation" for eGain Communications Corporation).
func TestPartyNamesWithBracketsAndBrands(t *testing.T) {
	for text, want := range map[string]string{
		`This Supply Agreement is made between SHBV (HONG KONG) LTD, a company incorporated in Hong Kong ("Buyer"), and Acme Corp., a Delaware corporation ("Seller").`: "SHBV (HONG KONG) LTD=Buyer|Acme Corp.=Seller",
		`This Agreement is entered into by and between eGain Communications Corporation, a Delaware corporation ("eGain"), and Beta LLC ("Beta").`:                      "eGain Communications Corporation=eGain|Beta LLC=Beta",
	} {
		var got []string
		for _, e := range Extract(text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Text+"="+e.Value)
			}
		}
		if strings.Join(got, "|") != want {
			t.Errorf("parties %q, want %s", got, want)
		}
	}
}

// Recitals and sentences around a preamble name parties in ways that ran
// clause text, an address, a role or the sentence before into a name.
// Recitals after the preamble's parties name others (a prior
// agreement's buyer), no party.
func TestPartiesNotProseOrAddress(t *testing.T) {
	text := "THIS INTELLECTUAL PROPERTY AGREEMENT is made by and between NMS COMMUNICATIONS CORP., a Delaware corporation (\"Seller\"), and " +
		"VERSO BACKHAUL SOLUTIONS, INC., a Georgia corporation (\"Backhaul\").\n\nWHEREAS, Seller and Verso Holdings, Inc., a Minnesota " +
		"corporation (\"Parent\"), have entered into an Asset Purchase Agreement.\n"
	recitals := "WHEREAS, Seller and Verso Technologies, Inc., a Minnesota corporation (\"Buyer\"), have entered into an Asset Purchase Agreement.\n" +
		"Xi'an Zhonghong is a subsidiary of China Recycling Energy Corporation, and it engages in projects in China. China Recycling Energy " +
		"Corporation (the \"Company\") is a listed company. Sphere 3D Corp., with an address at 895 Don Mills Road Bldg 2 Toronto Ontario " +
		"Canada (\"Licensee\") agrees.\nAfter negotiation between two parties, Party A and Party B reached following items with respect to the project.\n"
	ppg := "This Distribution Agreement is made between PPG Paints Trading (Shanghai) Co Ltd hereinafter referred to as \"PPG Shanghai\" and " +
		"NeoMedia Micro Paint Repair hereinafter referred to as \"DISTRIBUTOR\"."
	var got []string
	for _, e := range append(append(Extract(text, "en"), Extract(recitals, "en")...), Extract(ppg, "en")...) {
		if e.Kind == KindParty {
			got = append(got, e.Text)
		}
	}
	joined := strings.Join(got, "|")
	for _, bad := range []string{"Seller and", "China. China", "Don Mills", "reached following", "hereinafter", "Verso Holdings"} {
		if strings.Contains(joined, bad) {
			t.Errorf("parties %q hold %q", got, bad)
		}
	}
	for _, want := range []string{"Verso Technologies, Inc.", "China Recycling Energy Corporation", "PPG Paints Trading (Shanghai) Co Ltd"} {
		if !slices.Contains(got, want) {
			t.Errorf("parties %q lack %q", got, want)
		}
	}
}

func TestProseRun(t *testing.T) {
	for n, want := range map[string]bool{"Bank of the West": false, "eGain Communications": false,
		"CDQ waste heat power generation system": true, "Party B reached following items": true} {
		if proseRun(n) != want {
			t.Errorf("proseRun(%q) = %v", n, !want)
		}
	}
}

// A number written in several words is one duration, and a day of a month
// is a date's, no duration.
func TestDurationsCompoundAndDayOfMonth(t *testing.T) {
	text := "The term is thirty six (36) months. Notice of one hundred and twenty (120) days is due. Signed on the 31 day of July 2019. Payment falls due on the seventh (7) day of each month, with a 30 day cure period."
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindDuration {
			got = append(got, e.Text+"="+e.Value)
		}
	}
	want := []string{"thirty six (36) months=P36M", "one hundred and twenty (120) days=P120D", "30 day=P30D"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("durations %q, want %q", got, want)
	}
}

// Parties in a numbered list, with a professional corporation's form, and
// labelled in Chinese with the English label in brackets beside it.
func TestPartiesListFormsAndBilingualLabels(t *testing.T) {
	cases := map[string][]string{
		"This Loan Agreement (the \"Agreement\") is made on 1 September 2024 between:\n\n1. Riverside Capital Partners LLC, a New York limited liability company (the \"Lender\"); and\n2. Maple Street Bakery Inc., a New Jersey corporation (the \"Borrower\").\n": {
			"Riverside Capital Partners LLC", "Maple Street Bakery Inc."},
		"This Software License Agreement is entered into between Cascade Ledger Software, Inc., a Washington corporation (\"Licensor\"), and Harborview Dental Group, P.C., an Oregon professional corporation (\"Licensee\").": {
			"Cascade Ledger Software, Inc.", "Harborview Dental Group, P.C."},
		"技术服务协议 / TECHNICAL SERVICES AGREEMENT\n甲方 (Party A)：深圳前海数智科技有限公司 Shenzhen Qianhai Shuzhi Technology Co., Ltd.\n乙方 (Party B)：Orion Data Systems Pte. Ltd., a company incorporated in Singapore\n": {
			"深圳前海数智科技有限公司", "Orion Data Systems Pte. Ltd."},
	}
	for text, want := range cases {
		got := textsOf(Extract(text, "en"), KindParty)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("parties %q, want %q", got, want)
		}
	}
}

// A clause on amendments or on what the agreement grants is no term
// sentence, and a governing-law clause that a numbered section before it
// ran into starts at its own heading (its number left out).
func TestTermAndLawSentencesFocused(t *testing.T) {
	text := "No alteration, amendment, waiver, cancellation or any other change in any term or condition of this Agreement shall be valid or binding on either Party unless agreed in writing. " +
		"Nothing contained in this Agreement shall be construed as granting any right in any End User Data.\n" +
		"8) Notices Any notices shall be delivered to: Bravatek Technologies, Inc. 2028 E. Ben White Blvd., Austin, Texas 78741 9) Governing Law This Agreement is entered into in the State of Texas and shall be interpreted according to the laws of the State of Texas."
	for _, e := range Extract(text, "en") {
		switch e.Kind {
		case KindExpirationDate:
			t.Errorf("a term sentence: %q", e.Text)
		case KindGoverningLaw:
			if !strings.HasPrefix(e.Text, "Governing Law This") || e.Value != "Texas" {
				t.Errorf("governing law %q = %q", e.Text, e.Value)
			}
		}
	}
}

// A date the employment or the term "shall commence on" is when the
// agreement takes effect.
func TestCommenceOnIsEffective(t *testing.T) {
	text := "This Employment Agreement is made as of January 6, 2025 between Cobalt Health Systems, Inc. and Daniel Morales. " +
		"The employment under this Agreement shall commence on February 1, 2025 and continue for three (3) years."
	if !has(Extract(text, "en"), KindEffectiveDate, "February 1, 2025", "2025-02-01") {
		t.Errorf("no effective date: %+v", Extract(text, "en"))
	}
}

// "¥186万元" is one amount of 1,860,000 (its "¥186" was a second, of 186),
// and a fraction of a unit keeps its digits ("$0.0001" was "$0.000", 0).
func TestMoneyWanAndFractions(t *testing.T) {
	var got []string
	for _, e := range Extract("合同总价为¥186万元（含税）。Each share has a par value of $0.0001.", "") {
		if e.Kind == KindMoney {
			got = append(got, e.Text+"="+e.Value)
		}
	}
	want := []string{"¥186万元=CNY 1860000", "$0.0001=USD 0.0001"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("amounts %q, want %q", got, want)
	}
}

// A PDF's hard wraps inside a sentence do not start a clause: the
// governing-law sentence kept its opening (4 of 12 CUAD PDFs lost it).
func TestClauseStartIgnoresWraps(t *testing.T) {
	text := "b. This Agreement has been entered into in the State of\nTennessee, and the validity, interpretation and legal effect\nof this Agreement will be governed by the laws of the State of Tennessee.\n" +
		"12. GOVERNING LAW\nThis Agreement shall be governed by the laws of Delaware."
	got := textsOf(Extract(text, "en"), KindGoverningLaw)
	if len(got) != 2 || !strings.HasPrefix(got[0], "b. This Agreement has been entered into") || !strings.HasPrefix(got[1], "This Agreement shall be governed") {
		t.Errorf("governing law %q", got)
	}
}

func TestLayoutName(t *testing.T) {
	for n, want := range map[string]bool{
		"Authority 8 8.2 Essential Patents 8":                  true,
		"CHARGES 4 ARTICLE 4 QUALITY":                          true,
		"ARE BINDING THE BUSINESS ENTITY THAT YOU REPRESENT":   true,
		"CEO ------------------------------ VERTICALNET, INC.": true,
		"DGT Corp. Suite 207 - 1130 Austin Avenue":             false,
		"A. B. WATLEY, INC.":                                   false,
		"THE BANK OF NEW YORK":                                 false,
	} {
		if got := layoutName(n); got != want {
			t.Errorf("layoutName(%q) = %v", n, got)
		}
	}
}

// "With effect from" a date is when the agreement takes effect (a British
// amendment letter's).
func TestWithEffectFrom(t *testing.T) {
	text := "Dear Ms Carter,\nRe: Second Amendment to Lease dated 1st March 2021\nWith effect from 1st July 2024 the annual rent is reduced to £42,500."
	if !has(Extract(text, "en"), KindEffectiveDate, "1st July 2024", "2024-07-01") {
		t.Errorf("no effective date: %+v", Extract(text, "en"))
	}
}

// Dates a note, an order form, a letter and a policy label by what they
// are: the note's date above its text is its date and the first payment is
// not; a defined "Maturity Date", a labelled end date, a termination's
// effective date and the end of a policy period are expiration dates; a
// labelled start date and "Coming into force" are effective dates.
func TestLabelledTermDates(t *testing.T) {
	for _, c := range []struct {
		text                        string
		agreement, effective, expir string
	}{
		{"PROMISSORY NOTE\n\n$250,000.00        Austin, Texas\n                   November 15, 2024\n\nFOR VALUE RECEIVED, Lonestar Robotics, LLC promises to pay. " +
			"Borrower shall make sixty (60) monthly installments beginning on December 15, 2024. All unpaid principal shall be due and payable in full on November 15, 2029 (the \"Maturity Date\").",
			"2024-11-15", "", "2029-11-15"},
		{"ORDER FORM\nSubscription Start Date: October 1, 2024\nSubscription End Date: September 30, 2027\nCustomer shall pay the fees.",
			"", "2024-10-01", "2027-09-30"},
		{"June 3, 2025\n\nRe: Notice of Termination\n\nThis letter constitutes notice that Brightline is terminating the Agreement dated February 10, 2022. The termination will be effective on August 2, 2025.",
			"2025-06-03", "", "2025-08-02"},
		{"DECLARATIONS PAGE\nPolicy Period: From 12:01 a.m. on July 1, 2025 to 12:01 a.m. on July 1, 2026, standard time\nNamed Insured: David Whitman",
			"", "2025-07-01", "2026-07-01"},
		{"This Second Amendment is entered into as of May 20, 2025 (the \"Amendment Effective Date\") by and between Orion Logistics Corporation and Vertex Ltd. The monthly fee is reduced, effective June 1, 2025.",
			"2025-05-20", "2025-05-20", ""},
		{"STATUTORY INSTRUMENTS\nMade 17th April 2024\nComing into force 1st October 2024\nThese Regulations apply to digital subscriptions.", "", "2024-10-01", ""},
		// a date before "until the Effective Date" is none
		{"This Distribution Agreement is made between Orion Foods Corp. (\"Company\") and Helios Trading Ltd. (\"Distributor\").\n\nWHEREAS, from January 1, 2019 until the Effective Date the Distributor resold the products;\n\n1. Effectiveness. This Agreement shall take effect on July 1, 2024 (the \"Effective Date\").",
			"", "2024-07-01", ""},
	} {
		ents := Extract(c.text, "en")
		for kind, want := range map[string]string{KindAgreementDate: c.agreement, KindEffectiveDate: c.effective, KindExpirationDate: c.expir} {
			var got []string
			for _, e := range ents {
				if e.Kind == kind {
					got = append(got, e.Value)
				}
			}
			if want != "" && (len(got) == 0 || got[0] != want) || want == "" && kind != KindAgreementDate && kind != KindEffectiveDate && len(got) > 0 {
				t.Errorf("%.40q: %s %v, want %q", c.text, kind, got, want)
			}
		}
	}
}

// partiesOf is the parties of text as "name=alias".
func partiesOf(text, language string) []string {
	var got []string
	for _, e := range Extract(text, language) {
		if e.Kind == KindParty {
			got = append(got, e.Text+"="+e.Value)
		}
	}
	return got
}

// A name that is another party's alias is that party, not a second one;
// a common noun that "and" cut off a name, two roles joined by "and", a
// resolution's "RESOLVED" and a recital's prior agreement name no party;
// a name ends where the sentence goes on after it; an alias defined
// before the list of parties splits "Brightline and Stellar Print
// Services, Inc.".
func TestPartiesAliasesAndClauses(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"This Second Amendment, entered into by and between Stremick's Heritage Foods, LLC, (\"Heritage\"), Premier Nutrition Corporation (\"Premier\") " +
			"is effective as of October 1, 2018 and amends that certain Manufacturing Agreement between Heritage and Premier dated July 1, 2017 (\"Agreement\").",
			[]string{"Stremick's Heritage Foods, LLC=Heritage", "Premier Nutrition Corporation=Premier"}},
		{"This Agreement is entered into by and between Armstrong Flooring, Inc., a Delaware corporation (\"Seller\") and AFI Licensing LLC, " +
			"a Delaware limited liability company (\"Licensing\").\n\nARMSTRONG FLOORING, INC.\n\nBy: ____\n\nLICENSING\n\nBy: ____\n",
			[]string{"Armstrong Flooring, Inc.=Seller", "AFI Licensing LLC=Licensing"}},
		{"SUPPLY AGREEMENT effective as of the date of last signing between Centre for Probe Development and Commercialization, a not-for-profit " +
			"institution with offices located at McMaster University (\"CPDC\"), and FUSION Pharmaceuticals Inc. (\"FUSION\").",
			[]string{"Centre for Probe Development and Commercialization=CPDC", "FUSION Pharmaceuticals Inc.=FUSION"}},
		{"1. Services. Consultant agrees to act as a consultant to Company on such matters as are mutually agreed from time to time by and between " +
			"Consultant and Company, and perform the services described on Exhibit A.", nil},
		{"WHEREAS, the Board has reviewed the proposed Loan and Security Agreement between the Company and Summit Venture Bank providing for a term loan " +
			"of up to $15,000,000 (the \"Credit Facility\");\n\nRESOLVED, that the Credit Facility is hereby approved; and\n\nRESOLVED FURTHER, that the officers are authorised.",
			[]string{"Summit Venture Bank="}},
		{"We write to give notice under clause 12.1 of the Cleaning Services Agreement dated 1 March 2023 between Acme Widgets Ltd and Delta Cleaning " +
			"Services Ltd that we are terminating the agreement.", []string{"Acme Widgets Ltd=", "Delta Cleaning Services Ltd="}},
		{"This letter constitutes formal notice that Brightline Media Group (\"Brightline\") is terminating the Printing Services Agreement dated " +
			"February 10, 2022 between Brightline and Stellar Print Services, Inc. (\"Stellar\") pursuant to Section 9.2 of the Agreement.",
			[]string{"Brightline Media Group=Brightline", "Stellar Print Services, Inc.=Stellar"}},
		{"This Continuing Guaranty (this \"Guaranty\") is made as of August 1, 2025 by Martin J. Keller, an individual residing in Scottsdale, Arizona " +
			"(the \"Guarantor\"), in favor of Desert Sun Equipment Finance, Inc., an Arizona corporation (the \"Lender\"). RECITALS A. Lender has agreed " +
			"to extend credit to Keller Landscaping Services, LLC, an Arizona limited liability company (the \"Borrower\"), under an Equipment Finance Agreement.",
			[]string{"Martin J. Keller=Guarantor", "Desert Sun Equipment Finance, Inc.=Lender"}},
		{"APPENDIX C SAMPLE OF NON-DISCLOSURE AND NON-COMPETITION AGREEMENT (BETWEEN FRANCHISEE AND ITS PERSONNEL) THIS SAMPLE OF " +
			"NON-DISCLOSURE AND NON-COMPETITION AGREEMENT ( \"Agreement\") is made.", nil},
	} {
		if got := partiesOf(c.text, "en"); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%.50q: parties %q, want %q", c.text, got, c.want)
		}
	}
}

// A single word is no party where it is a common noun: by its ending, or
// because the document writes it in lower case.
func TestCommonNoun(t *testing.T) {
	text := "The agency shall place the insurance. Licensing fees are due; eGain and PivX."
	for n, want := range map[string]bool{"Commercialization": true, "AGENCY": true, "Agency": true, "MICOA": false, "Premier": false,
		"eGain": false, "PivX": false, "Licensing": false, "3M": false, "Acme Corp": false} {
		if got := commonNoun(n, text); got != want {
			t.Errorf("commonNoun(%q) = %v, want %v", n, got, want)
		}
	}
	sig := "This Agreement is made between Cheeseman & Walsh-Nevada, Inc. and MICOA Corp.\n\nThe agency shall place the insurance.\n\n" +
		"AGENCY\n\nBy: ______\n\nMICOA\n\nBy: ______\n"
	if got := partiesOf(sig, "en"); strings.Join(got, "|") != "Cheeseman & Walsh-Nevada, Inc.=|MICOA Corp.=" {
		t.Errorf("parties %q", got)
	}
}

// A Chinese signature line set in two columns names one party in each;
// a role's English label may stand before its colon, and a field's label
// ("日期 Date") may follow a name where parsing left one space of the
// columns' gap.
func TestChinesePartyColumnsAndBilingualLabels(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"劳动合同\n甲方（用人单位）：上海星辰信息技术有限公司\n乙方（劳动者）：李晓敏\n\n甲方（盖章）：上海星辰信息技术有限公司        乙方（签字）：李晓敏\n",
			[]string{"上海星辰信息技术有限公司=甲方", "李晓敏=乙方"}},
		{"买卖合同\n买方：苏州恒通精密机械有限公司\n卖方：东莞市锐达数控设备有限公司\n\n买方（盖章）：苏州恒通精密机械有限公司 卖方（盖章）：东莞市锐达数控设备有限公司\n",
			[]string{"苏州恒通精密机械有限公司=买方", "东莞市锐达数控设备有限公司=卖方"}},
		{"技术服务合同 / TECHNICAL SERVICES AGREEMENT\n甲方（委托方）/ Party A (Client): 深圳华锐电子有限公司 / Shenzhen Huarui Electronics Co., Ltd.\n" +
			"乙方（服务方）/ Party B (Service Provider): Nordlicht Automation GmbH\n\n" +
			"甲方 Party A: 深圳华锐电子有限公司（盖章） 日期 Date: 2024年8月15日\n乙方 Party B: Nordlicht Automation GmbH 日期 Date: 15 August 2024\n",
			[]string{"深圳华锐电子有限公司=甲方", "Nordlicht Automation GmbH=乙方"}},
	} {
		if got := partiesOf(c.text, "zh"); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%.30q: parties %q, want %q", c.text, got, c.want)
		}
	}
}

// A party with no legal form ends before the address it ran into, as a
// flattened cover page gives it (CUAD's "MODUS MEDIA INTERNATIONAL
// LANDDROSTLAAN 51 7327 GM APELDOORN THE NETHERLANDS"), through the whole
// extraction; the names alone are among TestJunkPartiesAndTidying's.
func TestPartyEndsBeforeAddress(t *testing.T) {
	text := "OUTSOURCING AGREEMENT\n\nBETWEEN:\n\nMODUS MEDIA INTERNATIONAL LANDDROSTLAAN 51 7327 GM APELDOORN THE NETHERLANDS (HEREINAFTER \"MMI\")\n\n" +
		"AND\n\nDRAGON SYSTEMS, INC. 320 NEVADA STREET NEWTON, MA 02160 U.S.A. (HEREAFTER \"DRAGON SYSTEMS\")\n\nEFFECTIVE AS OF (EFFECTIVE DATE)\n"
	ents := Extract(text, "en")
	for _, want := range []string{"MODUS MEDIA INTERNATIONAL", "DRAGON SYSTEMS, INC."} {
		found := false
		for _, e := range ents {
			found = found || e.Kind == KindParty && e.Text == want
		}
		if !found {
			t.Errorf("party %q missing: %+v", want, ents)
		}
	}
}

// loiText is a letter of intent from a buyer to a company's two
// shareholders, whom one alias names.
const loiText = `NORTHWIND DENTAL PARTNERS, LLC
1400 Lakeshore Drive, Suite 300
Chicago, Illinois 60611

March 14, 2024

Dr. Anita Patel
Dr. Luis Moreno
Cedar Valley Dental Labs, Inc.
2250 Orchard Road
Cedar Rapids, Iowa 52402

Re: Proposed Acquisition of Cedar Valley Dental Labs, Inc.

Dear Dr. Patel and Dr. Moreno:

This letter of intent (this "Letter") sets out the principal terms on which Northwind Dental Partners, LLC ("Buyer") proposes to acquire all of the issued and outstanding shares of Cedar Valley Dental Labs, Inc. (the "Company") from Dr. Anita Patel and Dr. Luis Moreno, the Company's shareholders (together, the "Sellers").

1. Purchase Price. The purchase price for the shares will be $4,800,000, payable in cash at closing.

2. Exclusivity. For ninety (90) days from the date of this Letter, the Sellers will not solicit any other offer for the Company's shares.

3. Non-Binding Effect. Except for Section 2, this Letter is a statement of intent only. This Letter shall be governed by the laws of the State of Illinois.

Sincerely,

NORTHWIND DENTAL PARTNERS, LLC

By: /s/ Karen O'Neill
Name: Karen O'Neill
Title: Chief Executive Officer

ACKNOWLEDGED AND AGREED:

/s/ Anita Patel
Dr. Anita Patel

/s/ Luis Moreno
Dr. Luis Moreno
`

// A letter of intent names its sellers as a group under one alias, in
// its text or as the "you" its salutation greets; each is a party, as is
// the buyer who signs. A group of things, or of no one named, adds none.
func TestLetterOfIntentParties(t *testing.T) {
	you := strings.Replace(loiText, "Dr. Anita Patel and Dr. Luis Moreno, the Company's shareholders (together", "you (together", 1)
	each := strings.Replace(loiText, "(together, the", "(each a \"Seller\" and together the", 1)
	for text, sellers := range map[string][]string{
		loiText: {"Dr. Anita Patel", "Dr. Luis Moreno"},
		you:     {"Dr. Patel", "Dr. Moreno"},
		each:    {"Dr. Anita Patel", "Dr. Luis Moreno"},
	} {
		ents := Extract(text, "en")
		if !has(ents, KindParty, "Northwind Dental Partners, LLC", "Buyer") {
			t.Errorf("buyer missing: %+v", ents)
		}
		for _, s := range sellers {
			if !has(ents, KindParty, s, "Sellers") {
				t.Errorf("seller %q missing: %+v", s, ents)
			}
		}
	}
	for _, text := range []string{
		"This Services Agreement is made between Acme Widgets Inc. and Beta LLC. Acme will provide Installation Support and Field Repair (collectively, the \"Services\").",
		"This Credit Agreement is made among Delta Holdings, Inc., the financial institutions from time to time party hereto (the \"Lenders\") and Bank of the West, as agent.",
	} {
		for _, e := range Extract(text, "en") {
			if e.Kind == KindParty && (strings.Contains(e.Text, "Installation") || strings.Contains(e.Text, "financial")) {
				t.Errorf("junk party %q (%s)", e.Text, e.Value)
			}
		}
	}
}

// A dollar sign a code or country qualifies is that country's dollar, and
// a currency may be named after the amount: "CAD $45,000" and "C$45,000"
// were read as US dollars (the match restarted at the "$" after "CAD"), and
// "45,000 Canadian dollars" as no amount. A bare "$" or "dollars" is the
// US dollar unless the document says which dollar it means.
func TestMoneyQualifiedDollarsAndNamedCurrencies(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Client shall pay Consultant CAD $45,000 within thirty days.", "CAD 45000"},
		{"Client shall pay Consultant CAD$45,000 within thirty days.", "CAD 45000"},
		{"Client shall pay Consultant C$45,000 within thirty days.", "CAD 45000"},
		{"Client shall pay Consultant CA$45,000 within thirty days.", "CAD 45000"},
		{"Client shall pay Consultant CAD 45,000 within thirty days.", "CAD 45000"},
		{"Client shall pay Consultant AUD $45,000 within thirty days.", "AUD 45000"},
		{"Client shall pay Consultant A$45,000 within thirty days.", "AUD 45000"},
		{"Client shall pay Consultant NZD $45,000 within thirty days.", "NZD 45000"},
		{"Client shall pay Consultant NZ$45,000 within thirty days.", "NZD 45000"},
		{"Client shall pay Consultant SGD $45,000 within thirty days.", "SGD 45000"},
		{"Client shall pay Consultant S$45,000 within thirty days.", "SGD 45000"},
		{"Client shall pay Consultant HKD $45,000 within thirty days.", "HKD 45000"},
		{"Client shall pay Consultant HK$45,000 within thirty days.", "HKD 45000"},
		{"Client shall pay Consultant NT$45,000 within thirty days.", "TWD 45000"},
		{"Client shall pay Consultant USD $45,000 within thirty days.", "USD 45000"},
		{"Client shall pay Consultant US$45,000 within thirty days.", "USD 45000"},
		{"Client shall pay Consultant US $45,000 within thirty days.", "USD 45000"},
		{"Client shall pay Consultant CAD $1.5 million within thirty days.", "CAD 1500000"},
		{"Client shall pay Consultant 45,000 Canadian dollars within thirty days.", "CAD 45000"},
		{"Client shall pay Consultant 45,000 Australian dollars within thirty days.", "AUD 45000"},
		{"Client shall pay Consultant 45,000 New Zealand dollars within thirty days.", "NZD 45000"},
		{"Client shall pay Consultant 45,000 US dollars within thirty days.", "USD 45000"},
		{"Client shall pay Consultant 45,000 United States dollars within thirty days.", "USD 45000"},
		{"Client shall pay Consultant 45,000 euros within thirty days.", "EUR 45000"},
		{"Client shall pay Consultant 45,000 pounds sterling within thirty days.", "GBP 45000"},
		{"Client shall pay Consultant 45,000 British pounds within thirty days.", "GBP 45000"},
		{"Client shall pay Consultant 45,000 Swiss francs within thirty days.", "CHF 45000"},
		{"Client shall pay Consultant 45,000 Japanese yen within thirty days.", "JPY 45000"},
		{"Client shall pay Consultant 4.5 million yen within thirty days.", "JPY 4500000"},
		{"Client shall pay Consultant 45,000 dollars within thirty days.", "USD 45000"},
		{"Client shall pay Consultant $45,000 within thirty days.", "USD 45000"},
		// the document's own word on its dollar
		{"All amounts in this Agreement are in Canadian dollars. Client shall pay Consultant $45,000.", "CAD 45000"},
		{"All dollar amounts refer to Australian currency. Client shall pay Consultant 45,000 dollars.", "AUD 45000"},
		{`References to "$" are to the lawful currency of Canada. Client shall pay Consultant $45,000.`, "CAD 45000"},
		// a passing mention of another dollar says nothing of "$"
		{"Client shall pay Consultant $45,000, which Consultant may convert into Canadian dollars.", "USD 45000"},
		// a Canadian act or contract: its "$" is Canadian ("$100,000" in
		// PIPEDA was USD); a US text naming Canada keeps the US dollar
		{"Personal Information Protection and Electronic Documents Act (S.C. 2000, c. 5)\n28 An organization is liable to a fine not exceeding $100,000.", "CAD 100000"},
		{"Privacy Act, R.S.C. 1985, c. P-21. A fine not exceeding $45,000 applies.", "CAD 45000"},
		{"This Agreement is governed by the laws of the Province of Ontario. Client shall pay Consultant $45,000.", "CAD 45000"},
		{"The Territory is the United States and Canada. Client shall pay Consultant $45,000.", "USD 45000"},
		{"This Agreement is governed by the laws of Delaware. Distributor may resell in Canada. Client shall pay Consultant $45,000.", "USD 45000"},
		// and an Australian one's is Australian ($50,000,000 in the Privacy Act 1988 was USD)
		{"Privacy Act 1988 (Cth)\n13G A body corporate is liable to a penalty not exceeding $50,000,000.", "AUD 50000000"},
		{"This Agreement is governed by the laws of New South Wales. Client shall pay Consultant $45,000.", "AUD 45000"},
		{"The Territory is the United States and Australia. Client shall pay Consultant $45,000.", "USD 45000"},
		// an Australian party's register number, address or legal form says
		// it as plainly ("$120,000" in a Sydney employment agreement was USD)
		{"Kestrel Logistics Pty Ltd (ABN 12 345 678 901) (Employer). The Employer must pay the Employee $120,000.", "AUD 120000"},
		{"Daniel Nguyen of 5 Smith Street, Parramatta NSW 2150 (Employee). The Employer must pay the Employee $120,000.", "AUD 120000"},
		{"Acme Inc. of 10 Main Street, Seattle WA 98101. Client shall pay Consultant $45,000.", "USD 45000"},
		{"Beta Holdings Pty, 10 King William Street, Adelaide SA 5000. Client shall pay Consultant $45,000.", "AUD 45000"},
		// a Swiss company's "SA" before its town's postcode is no South
		// Australian address
		{"Acme SA 1000 Lausanne (Client). Client shall pay Consultant $45,000.", "USD 45000"},
		{"Acme SA\n1204 Genève\n\nClient shall pay Consultant $45,000.", "USD 45000"},
	} {
		got := valuesOf(Extract(c.text, "en"), KindMoney)
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: %q, want %s", c.text, got, c.want)
		}
	}
	// a one-letter prefix takes no space: "a $5 fee" is US dollars
	for _, e := range Extract("Each party pays a $5,000 fee.", "en") {
		if e.Kind == KindMoney && e.Value != "USD 5000" {
			t.Errorf("a $5,000 fee: %s %q", e.Value, e.Text)
		}
	}
}

// Financial numerals in both scripts make one amount, its currency the
// one named before it: "新台幣參佰萬元整" was ('佰萬元整', 'CNY 1000000'),
// 參 being missing from the amount rule's numerals.
func TestChineseFinancialNumeralAmounts(t *testing.T) {
	for _, c := range []struct{ text, wantText, want string }{
		{"總價款為新台幣參佰萬元整，買方應於交貨後三十日內付清。", "新台幣參佰萬元整", "TWD 3000000"},
		{"總價款為新臺幣參佰萬元整。", "新臺幣參佰萬元整", "TWD 3000000"},
		{"總價款為人民幣參佰萬元整。", "人民幣參佰萬元整", "CNY 3000000"},
		{"总价款为人民币叁佰万元整。", "人民币叁佰万元整", "CNY 3000000"},
		{"總價款為新台幣叄佰萬元整。", "新台幣叄佰萬元整", "TWD 3000000"},
		{"總價款為新台幣弎佰萬元整。", "新台幣弎佰萬元整", "TWD 3000000"},
		{"總價款為新台幣叁佰万元整。", "新台幣叁佰万元整", "TWD 3000000"},
		{"總價款為新臺幣300萬元。", "新臺幣300萬元", "TWD 3000000"},
		{"總價款為NT$參佰萬元整。", "NT$參佰萬元整", "TWD 3000000"},
		{"總價款為港幣貳拾萬元整。", "港幣貳拾萬元整", "HKD 200000"},
		{"總價款為美元壹萬伍仟元整。", "美元壹萬伍仟元整", "USD 15000"},
		{"總價款為美金壹萬伍仟元整。", "美金壹萬伍仟元整", "USD 15000"},
		{"總價款為日圓參佰萬元整。", "日圓參佰萬元整", "JPY 3000000"},
		{"總價款為歐元陸萬元整。", "歐元陸萬元整", "EUR 60000"},
		{"总价款为人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整。", "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整", "CNY 12345678"},
		{"總價款為新台幣壹仟貳佰參拾肆萬伍仟陸佰柒拾捌元整。", "新台幣壹仟貳佰參拾肆萬伍仟陸佰柒拾捌元整", "TWD 12345678"},
		{"租金为人民币玖仟零伍拾圆整。", "人民币玖仟零伍拾圆整", "CNY 9050"},
		{"保證金為新台幣兩萬〇伍佰元。", "新台幣兩萬〇伍佰元", "TWD 20500"},
		{"價金為參拾萬日圓。", "參拾萬日圓", "JPY 300000"},
	} {
		var got []string
		for _, e := range Extract(c.text, "zh") {
			if e.Kind == KindMoney {
				got = append(got, e.Text+"="+e.Value)
			}
		}
		if want := c.wantText + "=" + c.want; len(got) != 1 || got[0] != want {
			t.Errorf("%q: %q, want %s", c.text, got, want)
		}
	}
}

// A deadline is no agreement date: a sale contract whose only date is
// when the goods are due had it as its agreement date, the picker falling
// back to any date in the first 400 bytes. A date in the preamble, under
// the title, by the signatures, or that the contract is made, dated,
// signed (签订, 簽訂, 訂立) on still is one.
func TestDeadlineIsNoAgreementDate(t *testing.T) {
	const head = "SALES CONTRACT\n\nBuyer: Taiwan Startup Co., Ltd.\nSeller: Kaohsiung Precision Machinery Co., Ltd.\n\n" +
		"1. Goods. Seller agrees to sell three CNC machines to Buyer.\n\n"
	const zhHead = "買賣契約書\n\n買方：台灣新創股份有限公司\n賣方：高雄精密機械有限公司\n\n第一條 標的物\n賣方同意出售數控機床三台予買方。\n\n"
	for _, c := range []struct{ name, text, want string }{
		{"no later than", head + "3. Delivery. Seller shall deliver the goods no later than June 30, 2024.", ""},
		{"not later than", head + "3. Delivery. Seller shall deliver the goods not later than June 30, 2024.", ""},
		{"by", head + "3. Delivery. Seller shall deliver the goods by June 30, 2024.", ""},
		{"before", head + "3. Delivery. Seller shall deliver the goods before June 30, 2024.", ""},
		{"on or before", head + "3. Delivery. Seller shall deliver the goods on or before June 30, 2024.", ""},
		{"prior to", head + "3. Delivery. Seller shall deliver the goods prior to June 30, 2024.", ""},
		{"within", head + "3. Delivery. The goods are to be delivered within the week of June 30, 2024.", ""},
		{"shall ... on", head + "3. Delivery. Seller shall deliver the goods on June 30, 2024.", ""},
		{"delivery date", head + "3. Delivery. Delivery date: June 30, 2024.", ""},
		{"numbered clause", head + "3. Delivery. Goods ordered in May are delivered in the week of June 30, 2024.", ""},
		{"no later than, no title", "Seller shall deliver the goods no later than June 30, 2024.", ""},
		{"zh 前", zhHead + "第三條 交貨\n賣方應於民國一一三年六月三十日前交貨。", ""},
		{"zh 之前", zhHead + "第三條 交貨\n賣方應於2024年6月30日之前交貨。", ""},
		{"zh 以前", zhHead + "第三條 交貨\n賣方於2024年6月30日以前交貨。", ""},
		{"zh 应于", "买卖合同\n\n卖方应于2024年6月30日交货。", ""},
		// agreement dates
		{"made on", "SERVICES AGREEMENT\n\nThis Services Agreement is made on 15 January 2025 between Alpha Inc. (\"Client\") and Beta Ltd. (\"Consultant\").\n\n" +
			"2. Delivery. Consultant shall deliver the report no later than June 30, 2025.", "2025-01-15"},
		{"dated", "Supply Agreement between Acme Corp. and Premier dated July 1, 2023. Premier shall deliver by August 1, 2023.", "2023-07-01"},
		{"as of", "This Agreement is entered into as of March 3, 2021 by Acme Corp. and Globex Inc.", "2021-03-03"},
		{"under the title", "SALES CONTRACT\n\nJune 1, 2024\n\n1. Goods. Seller shall deliver the goods no later than June 30, 2024.", "2024-06-01"},
		{"signature block", head + "3. Delivery. Seller shall deliver the goods no later than June 30, 2024.\n\nIN WITNESS WHEREOF the parties sign.\n\n/s/ Jane Roe\nDate: May 2, 2024", "2024-05-02"},
		{"agreement commences on", "CONSULTING AGREEMENT\n\nThis Agreement shall commence on 5th March 2019 and run for six months.", "2019-03-05"},
		{"zh 签订", "买卖合同\n\n本合同于2024年5月2日签订。卖方应于2024年6月30日前交货。", "2024-05-02"},
		{"zh 簽訂", zhHead + "簽訂日期：民國一一三年五月二日\n第三條 交貨\n賣方應於民國一一三年六月三十日前交貨。", "2024-05-02"},
		{"zh 訂立", "買賣契約書\n\n本契約於2024年5月2日訂立。賣方應於2024年6月30日前交貨。", "2024-05-02"},
	} {
		got := ""
		for _, e := range Extract(c.text, "") {
			if e.Kind == KindAgreementDate {
				got = e.Value
			}
		}
		if got != c.want {
			t.Errorf("%s: agreement date %q, want %q", c.name, got, c.want)
		}
	}
}

// A place or a party whose name holds a letter outside ASCII is read whole:
// Go's [A-Za-z] and \w are ASCII only, and "the Province of Québec" was
// the governing law "Qu", "the Canton of Zürich" "Canton of Z", and
// "Île-de-France" none (QA s31 #1). A clause in capitals gets the value in
// title case as an ASCII one does, so that the facet has one value.
func TestNonASCIIPlaceNames(t *testing.T) {
	for _, c := range []struct{ text, law string }{
		{"This Agreement is governed by the laws of the Province of Québec and the federal laws of Canada applicable therein.", "Québec"},
		{"This Agreement is governed by the laws of the Province of Quebec.", "Quebec"},
		{"This Agreement is governed by the laws of the Canton of Zürich.", "Canton of Zürich"},
		{"This Agreement shall be governed by the laws of the State of São Paulo, Brazil.", "São Paulo"},
		{"This Agreement shall be governed by the laws of Curaçao.", "Curaçao"},
		{"This Agreement shall be governed by the laws of Île-de-France.", "Île-de-France"},
		{"This Agreement shall be governed by the laws of the State of North Rhine-Westphalia, sitting in Düsseldorf.", "North Rhine-Westphalia"},
		{"This Agreement shall be governed by the laws of São Tomé and Príncipe.", "São Tomé and Príncipe"},
		{"THIS AGREEMENT SHALL BE GOVERNED BY THE LAWS OF THE PROVINCE OF QUÉBEC.", "Québec"},
		{"THIS AGREEMENT SHALL BE GOVERNED BY THE LAWS OF THE CANTON OF ZÜRICH WITHOUT REGARD TO ITS CONFLICT OF LAWS RULES.", "Canton of Zürich"},
		{"This Agreement shall be governed by Curaçao law.", "Curaçao"},
		{"This Agreement is accepted in the State of São Paulo and shall be governed by and construed in accordance with the laws thereof.", "São Paulo"},
	} {
		ents := Extract(c.text, "en")
		if !has(ents, KindGoverningLaw, "", c.law) {
			t.Errorf("%.60s...: no governing law %q: %+v", c.text, c.law, ents)
		}
	}
	for _, c := range []struct {
		name, text string
		parties    []string
	}{
		{"bracket", `This Supply Agreement is made on 1 May 2024 between Rheinmetall (Düsseldorf) GmbH ("Seller") and Acme Corp. ("Buyer").`,
			[]string{"Rheinmetall (Düsseldorf) GmbH"}},
		{"signature", "IN WITNESS WHEREOF the parties have signed.\n\nÉDITIONS RIVIÈRE\n\nBy: ____\n",
			[]string{"ÉDITIONS RIVIÈRE"}},
		{"signature columns", "IN WITNESS WHEREOF the parties have signed.\n\nAcme Corp. Öko Textil GmbH\nBy: ____ By: ____\n",
			[]string{"Acme Corp.", "Öko Textil GmbH"}},
		{"numbered", "THIS AGREEMENT is dated 1 May 2024\n\nPARTIES\n\n(1) Électricité de Strasbourg SA whose registered office is at 26 Boulevard du Président Wilson, Strasbourg\n\n(2) Acme Ltd whose registered office is at 1 High Street, London\n",
			[]string{"Électricité de Strasbourg SA"}},
	} {
		got := textsOf(Extract(c.text, "en"), KindParty)
		for _, want := range c.parties {
			if !slices.Contains(got, want) {
				t.Errorf("%s: parties %q lack %q", c.name, got, want)
			}
		}
	}
	if ents := Extract(`This Agreement is made between Éditions Rivière S.A. (the "Éditeur") and Acme Corp. ("Acme").`, "en"); !has(ents, KindDefinedTerm, "Éditeur", "") {
		t.Errorf("defined term Éditeur missing: %+v", ents)
	}
	// a title holding a place: "this Zürich Lease Agreement dated" dates
	// the agreement, as "this Zurich Lease Agreement dated" did
	if ents := Extract("Notice of 3 March 2024. This Zürich Lease Agreement dated 1 May 2024 is made between Acme AG and Beta GmbH.", "en"); !has(ents, KindAgreementDate, "", "2024-05-01") {
		t.Errorf("agreement date 2024-05-01 missing: %+v", ents)
	}
}

// A party's name leaves the description after it that says what kind of
// entity or person it is, whatever the case of its words: "THE BANKERS
// BANK, a Georgia banking corporation" over a signature was the party,
// and a filter by "the bankers bank" missed it (QA s31 #10). A firm whose
// name holds "A Professional Corporation" keeps it.
func TestPartyDescriptionTails(t *testing.T) {
	for in, want := range map[string]string{
		"THE BANKERS BANK, a Georgia banking corporation":                 "THE BANKERS BANK",
		"Acme Holdings, LLC, a Delaware limited liability company":        "Acme Holdings, LLC",
		"Wells Fargo Bank, N.A., a national banking association":          "Wells Fargo Bank, N.A.",
		"Martin J. Keller, an individual":                                 "Martin J. Keller",
		"Martin J. Keller, an individual residing in Scottsdale, Arizona": "Martin J. Keller",
		"Harbor Capital, a New York general partnership":                  "Harbor Capital",
		"Greenleaf Trust, a Delaware statutory trust":                     "Greenleaf Trust",
		"Boulangerie Québec Inc., a Québec corporation":                   "Boulangerie Québec Inc.",
		"Riverbend Health, a Texas non-profit corporation":                "Riverbend Health",
		"Smith & Jones, A Professional Corporation":                       "Smith & Jones, A Professional Corporation",
		"Bank of the West": "Bank of the West",
		"CURO RECEIVABLES FINANCE II, LLC, a Delaware limited liability company": "CURO RECEIVABLES FINANCE II, LLC",
	} {
		if got := tidyParty(in); got != want {
			t.Errorf("tidyParty(%q) = %q, want %q", in, got, want)
		}
	}
	// the signature block of CUAD's cuad-138, as parsing leaves it
	text := "IN WITNESS WHEREOF, the undersigned duly authorized representatives of the parties hereto have made and entered in this Agreement.\n\n" +
		"NETZEE, INC. THE BANKERS BANK, a Georgia banking corporation\n\nBy: /s/ Richard S. Eiswirth By: /s/ Kevin Tweddle\n"
	got := textsOf(Extract(text, "en"), KindParty)
	for _, want := range []string{"NETZEE, INC.", "THE BANKERS BANK"} {
		if !slices.Contains(got, want) {
			t.Errorf("parties %q lack %q", got, want)
		}
	}
	for _, p := range got {
		if strings.Contains(p, "Georgia") {
			t.Errorf("party %q keeps its description", p)
		}
	}
}

// A governing-law heading, in Chinese with its English before or after it
// as a bilingual contract writes it, is no governing-law entity: the
// clause under it names the law and is one (with its value). The heading
// "第五条 适用法律和争议解决 / Article 5 Governing Law and Dispute
// Resolution" was a governing-law entity with no value (QA s31 #12).
func TestLawHeadingIsNoClause(t *testing.T) {
	const clause = "本合同适用中华人民共和国法律。因本合同引起的争议，提交中国国际经济贸易仲裁委员会华南分会仲裁。\n" +
		"This Agreement is governed by the laws of the People's Republic of China.\n"
	for _, heading := range []string{
		"第五条 适用法律和争议解决 / Article 5 Governing Law and Dispute Resolution",
		"第五条 适用法律和争议解决 Article 5 Governing Law and Dispute Resolution",
		"Article 5 Governing Law / 第五条 适用法律",
		"5. 适用法律 / Governing Law",
		"第五条 法律适用与管辖 / Article 5 Applicable Law and Jurisdiction",
		"第五條 適用法律及爭議解決 / Article 5 Governing Law and Dispute Resolution",
		"第五条 适用法律、通知与其他 / Article 5 Law, Notices and Miscellaneous",
		"第五条 准据法",
	} {
		text := "技术服务合同\n甲方：深圳华锐电子有限公司\n乙方：Nordlicht Automation GmbH\n\n" + heading + "\n" + clause
		var laws []document.Entity
		for _, e := range Extract(text, "zh") {
			if e.Kind == KindGoverningLaw {
				laws = append(laws, e)
			}
		}
		for _, e := range laws {
			if e.Value == "" {
				t.Errorf("%q: governing law %q with no value", heading, e.Text)
			}
		}
		// the English clause restates the Chinese one: one law, once
		if len(laws) != 1 || !has(laws, KindGoverningLaw, "本合同适用中华人民共和国法律", "People's Republic of China") {
			t.Errorf("%q: want the clause under the heading, once: %+v", heading, laws)
		}
	}
	// a clause on the heading's line keeps its value
	for text, want := range map[string]string{
		"第五条 适用法律：本合同适用香港特别行政区法律。":    "Hong Kong",
		"4. 适用法律：本协议适用美国纽约州法律。":       "美国纽约州",
		"第四条 本合同适用中华人民共和国劳动合同法及相关法律。": "People's Republic of China",
	} {
		if !has(Extract(text, "zh"), KindGoverningLaw, "", want) {
			t.Errorf("%q: no governing law %q: %+v", text, want, Extract(text, "zh"))
		}
	}
}

// An agreement "effective as of the date of the last signature below"
// takes effect when its last party signs: the latest of its signature
// blocks' dates, not the first (which the agreement date took).
func TestEffectiveOnLastSignature(t *testing.T) {
	const text = `CONSULTING SERVICES AGREEMENT

This Consulting Services Agreement (the "Agreement") is made between Harlow Analytics Ltd, a company registered in England ("Client"), and Mira Castell, an individual ("Consultant").

This Agreement is effective as of the date of the last signature below (the "Effective Date").

1. Services. Consultant shall provide data analysis services as described in Schedule 1.

2. Term. This Agreement shall continue for twelve (12) months from the Effective Date.

Signed for and on behalf of Harlow Analytics Ltd
Name: Daniel Pryce
Date: 10 October 2023

Signed by Mira Castell
Date: 12 October 2023
`
	ents := Extract(text, "en")
	if !has(ents, KindEffectiveDate, "last signature", "2023-10-12") {
		t.Errorf("effective date is not the last signature's: %+v", ents)
	}
	if !has(ents, KindExpirationDate, "twelve (12) months", "2024-10-12") {
		t.Errorf("term does not run from the last signature: %+v", ents)
	}
}

// A date the preamble gives another agreement it names ("forms part of
// the Master Subscription Agreement ... dated 14 February 2023") is no
// agreement date of this one; "This Agreement, dated ..." still is.
func TestOtherAgreementDateIsNoAgreementDate(t *testing.T) {
	const dpa = `DATA PROCESSING ADDENDUM

This Data Processing Addendum ("DPA") forms part of the Master Subscription Agreement between Quillstone Software Inc. ("Quillstone") and Fernhill Retail Group plc ("Customer") dated 14 February 2023 (the "Principal Agreement").

1. Processing. Quillstone shall process Personal Data only on documented instructions from Customer.
`
	if ents := Extract(dpa, "en"); has(ents, KindAgreementDate, "", "") {
		t.Errorf("the principal agreement's date dates the DPA: %+v", ents)
	}
	const own = `SUPPLY AGREEMENT

This Supply Agreement between Quillstone Software Inc. ("Quillstone") and Fernhill Retail Group plc ("Customer") dated 14 February 2023 sets out the terms of supply.
`
	if ents := Extract(own, "en"); !has(ents, KindAgreementDate, "14 February 2023", "2023-02-14") {
		t.Errorf("this agreement's own date is lost: %+v", ents)
	}
}

// A contract's own short name, given in its preamble, states its term as
// "this Agreement" does: "This MSA shall continue for thirty-six (36)
// months", "The Venture shall continue until the tenth (10th) anniversary
// of the Effective Date". A party's alias is no such name.
func TestTermOfShortName(t *testing.T) {
	const msa = `MASTER SERVICES AGREEMENT

This Master Services Agreement (this "MSA") is entered into as of March 1, 2022 (the "Effective Date") by and between Northwind Logistics, Inc., a Delaware corporation ("Customer"), and Cobalt Route Systems LLC ("Provider").

2. Term. This MSA shall continue for thirty-six (36) months from the Effective Date, unless earlier terminated as provided herein.
`
	if ents := Extract(msa, "en"); !has(ents, KindExpirationDate, "This MSA shall continue", "2025-03-01") {
		t.Errorf("MSA: no term: %+v", ents)
	}
	const jv = `JOINT VENTURE AGREEMENT

This Joint Venture Agreement (the "Agreement") is made as of June 15, 2021 (the "Effective Date") by and between Alder Peak Mining Corp. ("Alder") and Sorrel Minerals Inc. ("Sorrel"), who together form a joint venture (the "Venture").

2. Duration. The Venture shall continue until the tenth (10th) anniversary of the Effective Date, unless dissolved earlier.
`
	if ents := Extract(jv, "en"); !has(ents, KindExpirationDate, "The Venture shall continue", "2031-06-15") {
		t.Errorf("Venture: no term: %+v", ents)
	}
	const party = `SUPPLY AGREEMENT

This Supply Agreement is made as of June 15, 2021 by and between Alder Peak Mining Corp. (the "Alder") and Sorrel Minerals Inc. ("Sorrel").

2. Supply. The Alder shall continue to supply ore for two (2) years.
`
	if ents := Extract(party, "en"); has(ents, KindExpirationDate, "The Alder", "") {
		t.Errorf("a party's alias states a term: %+v", ents)
	}
}

func TestNamesWords(t *testing.T) {
	for _, c := range []struct {
		alias string
		words string
		want  bool
	}{
		{"MSA", "This Master Services Agreement", true},
		{"Venture", "together form a joint venture", true},
		{"Lease", "This Lease Agreement", true},
		{"Alder", "a Nevada corporation", false},
		{"NC", "a Nevada corporation", false},
	} {
		if got := namesWords(c.alias, strings.Fields(c.words)); got != c.want {
			t.Errorf("namesWords(%q, %q) = %v", c.alias, c.words, got)
		}
	}
}

// A numbered UK party list gives each party the alias that ends its
// entry, past the company number and registered office between them.
func TestNumberedPartyListAliases(t *testing.T) {
	const text = `SOFTWARE SERVICES AGREEMENT

THIS AGREEMENT is dated 3 April 2023

PARTIES

(1) BRAMBLE & OAK LIMITED, a company incorporated in England and Wales with company number 01234567 whose registered office is at 14 Fenwick Street, Leeds LS1 4AB ("Supplier"); and

(2) KESTREL HOME FURNISHINGS LIMITED, a company incorporated in England and Wales with company number 07654321 whose registered office is at Unit 3, Harbour Park, Bristol BS1 6QA ("Customer").

BACKGROUND

(A) The Supplier provides hosted stock management software.
`
	ents := Extract(text, "en")
	for name, role := range map[string]string{"BRAMBLE & OAK LIMITED": "Supplier", "KESTREL HOME FURNISHINGS LIMITED": "Customer"} {
		if !has(ents, KindParty, name, role) {
			t.Errorf("no party %q as %q: %+v", name, role, ents)
		}
	}
}

// An offer letter's addressee is a party: "Dear Priya Raman, We are
// pleased to offer you the position of ..." named only the company.
func TestOfferLetterAddressee(t *testing.T) {
	const letter = `Larkspur Biotech, Inc.
200 Harbor Drive, San Diego, CA 92101

September 5, 2023

Dear %s,

We are pleased to offer you the position of Senior Research Scientist at Larkspur Biotech, Inc. (the "Company"). Your start date will be October 2, 2023.
`
	for greeting, want := range map[string]string{"Priya Raman": "Priya Raman", "Dr. Priya Raman": "Dr. Priya Raman", "Sir or Madam": ""} {
		ents := Extract(fmt.Sprintf(letter, greeting), "en")
		if want != "" && !has(ents, KindParty, want, "") {
			t.Errorf("%q: no party %q: %+v", greeting, want, ents)
		}
		if want == "" && has(ents, KindParty, greeting, "") {
			t.Errorf("%q is a party", greeting)
		}
	}
	// a greeting by title and surname takes the full name from the address block
	addressed := strings.Replace(letter, "September 5, 2023\n\n", "September 5, 2023\n\nMs. Priya Raman\n22 Elm Street\nOakland, CA 94607\n\n", 1)
	if ents := Extract(fmt.Sprintf(addressed, "Ms. Raman"), "en"); !has(ents, KindParty, "Ms. Priya Raman", "") || has(ents, KindParty, "Ms. Raman", "") {
		t.Errorf("Dear Ms. Raman under her address: %+v", ents)
	}
	if ents := Extract(fmt.Sprintf(letter, "Ms. Raman"), "en"); !has(ents, KindParty, "Ms. Raman", "") {
		t.Errorf("Dear Ms. Raman without an address: %+v", ents)
	}
	const thanks = "Dear Priya Raman,\n\nThank you for your visit on September 5, 2023.\n"
	if ents := Extract(thanks, "en"); has(ents, KindParty, "Priya Raman", "") {
		t.Errorf("a letter that offers nothing makes its reader a party: %+v", ents)
	}
}

// EU acts group thousands with a space (EUR 20 000 000, € 5 000 000; the
// Official Journal a no-break one): GDPR's top fine was read as EUR 20
// (QA qa-regs).
func TestMoneySpaceGrouping(t *testing.T) {
	for text, want := range map[string]string{
		"administrative fines up to EUR 20 000 000, or in the case of an undertaking": "EUR 20000000",
		"fines of up to €5 000 000 where the entity is a natural person":              "EUR 5000000",
		"a fine of up to EUR 10\u00a0000\u00a0000 shall apply":                        "EUR 10000000",
		"a penalty of 2 500 000 euros":                                                "EUR 2500000",
		"the sum of EUR 1 234 567,89 is owed":                                         "EUR 1234567.89",
	} {
		got := valuesOf(Extract(text, "en"), KindMoney)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: %q, want %s", text, got, want)
		}
	}
}

// US rules number sections with letters and dashes (17 CFR 240.10b-5,
// 42 U.S.C. § 1320d-6), and the eCFR and the Federal Register write "CFR"
// without dots: "§ 240.10b-5" was cut to "§ 240.10", "42 U.S.C. §
// 1320d-6" to "§ 1320d", and "45 CFR 164.502" was no citation (QA
// qa-regs).
func TestCitationsUSRules(t *testing.T) {
	text := "§ 240.10b-5 Employment of manipulative and deceptive devices. See § 240.10b5-1 and 42 U.S.C. § 1320d-6. " +
		"This rule amends 45 CFR Parts 160 and 164, and 45 CFR 164.502 and 42 USC 1983 apply, as does 17 CFR 240.10b-5, 47 U.S.C. § 230."
	got := textsOf(Extract(text, "en"), KindCitation)
	want := []string{"§ 240.10b-5", "§ 240.10b5-1", "42 U.S.C. § 1320d-6", "45 CFR Parts 160 and 164", "45 CFR 164.502", "42 USC 1983", "17 CFR 240.10b-5", "47 U.S.C. § 230"}
	if !slices.Equal(got, want) {
		t.Errorf("citations %q, want %q", got, want)
	}
}

// EU acts define their terms in single quotes and lower case ("(1)
// ‘personal data’ means ...", "a natural person (‘data subject’)"), and
// statutes in lower case in double quotes ("personal data" means): GDPR's
// Article 4 gave no defined term at all (QA qa-regs).
func TestDefinedTermsOfActs(t *testing.T) {
	text := "For the purposes of this Regulation:\n(1) ‘personal data’ means any information relating to an identified or identifiable natural person (‘data subject’);\n" +
		"(2) 'processing' means any operation which is performed on personal data;\n" +
		"In this Act, \"personal information\" means information about an identifiable individual. " +
		"The Company's obligations are set out in Schedule 2. The Licensor (\"Licensor\") shall comply."
	got := textsOf(Extract(text, "en"), KindDefinedTerm)
	want := []string{"personal data", "data subject", "processing", "personal information", "Licensor"}
	if !slices.Equal(got, want) {
		t.Errorf("defined terms %q, want %q", got, want)
	}
}

// Canadian acts define their terms without quotes, each opening its line
// ("personal information means information about ..."): PIPEDA's gave no
// defined term (QA fix-canada). A sentence that merely says "means" is no
// definition: one that starts with a capital ("This means that",
// "Consent means nothing if"), a pronoun's ("it includes"), or a
// hard-wrapped line's continuation.
func TestDefinedTermsWithoutQuotes(t *testing.T) {
	text := "Personal Information Protection and Electronic Documents Act (S.C. 2000, c. 5)\n\nDefinitions\n" +
		"2 (1) The following definitions apply in this Part.\n" +
		"commercial activity means any particular transaction, act or conduct that is of a commercial character.\n" +
		"personal information means information about an identifiable individual.\n" +
		"(a) record includes any correspondence, memorandum, book, plan, map or drawing;\n" +
		"This means that an organization shall comply.\n" +
		"Consent means nothing if it is not informed.\n" +
		"it includes an association.\n" +
		"An organization shall protect the data it holds and\n" +
		"privacy means that it shall not disclose it.\n"
	got := textsOf(Extract(text, "en"), KindDefinedTerm)
	want := []string{"commercial activity", "personal information", "record"}
	if !slices.Equal(got, want) {
		t.Errorf("defined terms %q, want %q", got, want)
	}
	// without a definitions heading or lead-in, a line is no definition
	for _, e := range Extract("Notes\nprivacy means a lot to us.\n", "en") {
		if e.Kind == KindDefinedTerm {
			t.Errorf("defined term %q outside a definitions section", e.Text)
		}
	}
}

// Acts cite their own sections in lower case ("as described in section
// 149", "subject to sections 6 to 9", "contravenes subsection 8(8)",
// "Subsection (1) does not apply"): none of these was a citation, only a
// capitalised "Section 67" (QA qa-regs). A lower-case "section" takes a
// number only ("in this section I describe" cites nothing).
func TestCitationsLowerCaseSections(t *testing.T) {
	text := "The Commissioner may act as described in section 149. Subject to sections 6 to 9, every organization shall comply. " +
		"An organization that contravenes subsection 8(8) or section 10.1 is guilty of an offence. Subsection (1) does not apply. " +
		"In this section I describe the duties set out in Section 67."
	got := textsOf(Extract(text, "en"), KindCitation)
	want := []string{"section 149", "sections 6 to 9", "subsection 8(8)", "section 10.1", "Subsection (1)", "Section 67"}
	if !slices.Equal(got, want) {
		t.Errorf("citations %q, want %q", got, want)
	}
}

// An act dates when it takes effect as "It shall apply from 25 May 2018"
// (GDPR, DORA) or "This section shall become operative on January 1,
// 2023" (CCPA): both were plain dates, and GDPR had no effective date
// (QA qa-regs).
func TestActAppliesFromIsEffective(t *testing.T) {
	for text, want := range map[string]string{
		"Regulation (EU) 2016/679 of 27 April 2016.\nArticle 99\n1. This Regulation shall enter into force on the twentieth day following that of its publication in the Official Journal of the European Union.\n2. It shall apply from 25 May 2018.": "2018-05-25",
		"(a) A business shall comply with this title. (b) This section shall become operative on January 1, 2023.":                                                                                                                                     "2023-01-01",
	} {
		got := ""
		for _, e := range ForClass(Extract(text, "en"), "regulation") {
			if e.Kind == KindEffectiveDate {
				got = e.Value
			}
		}
		if got != want {
			t.Errorf("%q: effective date %q, want %s", text, got, want)
		}
	}
}

// A "shall" that says when a text takes effect binds no one: GDPR's "It
// shall apply from 25 May 2018" was listed among its obligations. A
// sentence that also imposes a duty keeps it.
func TestEntryIntoForceIsNoObligation(t *testing.T) {
	text := "Article 99\n\nThis Regulation shall enter into force on the twentieth day following that of its publication in the Official Journal of the European Union. " +
		"It shall apply from 25 May 2018. This Agreement shall become effective upon signature. " +
		"The controller shall notify the supervisory authority without undue delay, and this Regulation shall apply from that day."
	got := textsOf(Extract(text, "en"), KindObligation)
	if len(got) != 1 || !strings.HasPrefix(got[0], "The controller shall notify") {
		t.Errorf("obligations %q, want the controller's alone", got)
	}
}

// A date a rule typed (agreement, effective, expiration) is not listed
// again as a plain date: a UK statutory instrument's "come into force on
// 10th May 2018", written twice, was both.
func TestTypedDateNotAlsoPlain(t *testing.T) {
	text := "The Network and Information Systems Regulations 2018\n\nMade 19th April 2018\nComing into force 10th May 2018\n\n" +
		"1. These Regulations may be cited as the Network and Information Systems Regulations 2018 and come into force on 10th May 2018. " +
		"2. The Secretary of State must review these Regulations by 10th May 2020."
	for _, es := range [][]document.Entity{Extract(text, "en"), ForClass(Extract(text, "en"), "regulation")} {
		n, effective := 0, false
		for _, e := range es {
			if e.Value == "2018-05-10" {
				n++
				effective = effective || e.Kind == KindEffectiveDate
			}
		}
		if n != 1 || !effective {
			t.Errorf("10th May 2018 listed %d times (effective %v): %+v", n, effective, es)
		}
		// the review the Secretary of State must carry out by then
		if !slices.ContainsFunc(es, func(e document.Entity) bool { return e.Kind == KindComplianceDate && e.Value == "2020-05-10" }) {
			t.Errorf("the compliance date 10th May 2020 lost: %+v", es)
		}
	}
}

// A fine set as a share of turnover is an entity, as the amounts beside
// it are: the GDPR's "4 % of the total worldwide annual turnover" had no
// kind at all (QA qa-regs2).
func TestPercentageOfTurnover(t *testing.T) {
	text := "Infringements of the following provisions shall be subject to administrative fines up to 20 000 000 EUR, " +
		"or in the case of an undertaking, up to 4 % of the total worldwide annual turnover of the preceding financial year, whichever is higher.\n\n" +
		"The CMA may impose a penalty of up to 10 per cent of the undertaking's worldwide turnover. " +
		"The Seller shall retain 2.5% of the Purchase Price. Turnout rose by 4% in 2023.\n"
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == "percentage" {
			got = append(got, e.Text+" = "+e.Value)
		}
	}
	want := []string{
		"4 % of the total worldwide annual turnover = 4%",
		"10 per cent of the undertaking's worldwide turnover = 10%",
		"2.5% of the Purchase Price = 2.5%",
	}
	if !slices.Equal(got, want) {
		t.Errorf("percentages %q, want %q", got, want)
	}
}

// A rule's compliance date is no plain date: the HITECH omnibus rule's
// "Compliance date: Covered entities and business associates must comply
// with the applicable requirements of this final rule by September 23,
// 2013." gave a date beside its effective date (QA qa-regs4).
func TestRuleComplianceDate(t *testing.T) {
	text := "DATES: Effective date: This final rule is effective on March 26, 2013.\n\n" +
		"Compliance date: Covered entities and business associates must comply with the applicable requirements of this final rule by September 23, 2013.\n\n" +
		"The agency received comments by May 1, 2012."
	ents := ForClass(Extract(text, "en"), "regulation")
	if !has(ents, KindEffectiveDate, "March 26, 2013", "2013-03-26") {
		t.Errorf("no effective date: %+v", ents)
	}
	if !has(ents, KindComplianceDate, "September 23, 2013", "2013-09-23") {
		t.Errorf("no compliance date: %+v", ents)
	}
	if !has(ents, KindDate, "May 1, 2012", "2012-05-01") {
		t.Errorf("a date that is no compliance date: %+v", ents)
	}
	ftc := "(a) The requirement in § 314.4(a) is effective as of June 9, 2023. Financial institutions shall comply with § 314.4(c)(3) no later than June 9, 2024."
	if ents := Extract(ftc, "en"); !has(ents, KindComplianceDate, "June 9, 2024", "2024-06-09") || !has(ents, KindEffectiveDate, "June 9, 2023", "2023-06-09") {
		t.Errorf("16 CFR 314: %+v", ents)
	}
}

// TestClauseNumbersLeftOut checks that a sentence entity of a UK-style
// agreement, where every clause is numbered, reads from its first word:
// "2.1 This agreement shall commence ..." was listed with its number.
func TestClauseNumbersLeftOut(t *testing.T) {
	text := "THIS AGREEMENT is dated 14 March 2025\n\n" +
		"2. COMMENCEMENT AND TERM\n\n" +
		"2.1 This agreement shall commence on the date when it has been signed by both parties and shall continue for a period of 24 months.\n\n" +
		"3.1.1 the Supplier shall supply the Services to the Customer in accordance with this agreement.\n\n" +
		"(b) the Customer shall pay each invoice within 30 days of receipt.\n\n" +
		"30 days after notice the Supplier shall return all Customer Materials.\n\n" +
		"10.1 This agreement shall be governed by and construed in accordance with the law of England and Wales.\n"
	ents := Extract(text, "en")
	want := map[string]bool{
		"This agreement shall commence":       false,
		"the Supplier shall supply":           false,
		"the Customer shall pay":              false,
		"30 days after notice the Supplier":   false,
		"This agreement shall be governed by": false,
	}
	for _, e := range ents {
		if e.Kind != KindObligation && e.Kind != KindGoverningLaw && e.Kind != KindExpirationDate {
			continue
		}
		for w := range want {
			if strings.HasPrefix(e.Text, w) {
				want[w] = true
			}
		}
		if e.Text[0] >= '0' && e.Text[0] <= '9' && !strings.HasPrefix(e.Text, "30 days") || strings.HasPrefix(e.Text, "(") {
			t.Errorf("%s keeps its clause number: %q", e.Kind, e.Text)
		}
	}
	for w, ok := range want {
		if !ok {
			t.Errorf("no sentence entity opens with %q; got %v", w, ents)
		}
	}
}

// A UK, Irish or Singapore parties block names each party with its role
// in brackets, quoted or not, and a party whose kind comes before its
// register ("a limited liability partnership registered in ...", "a
// registered society under ...") is one too; a Singapore party's UEN in
// brackets is none.
func TestUKPartiesBlock(t *testing.T) {
	text := "THIS AGREEMENT is dated 2 February 2025\n\nPARTIES\n\n" +
		"(1) NORTHGATE BIOSCIENCES LIMITED incorporated and registered in England and Wales with company number 10987654 whose registered office is at 7 Science Park Way, Cambridge CB4 0WA (Discloser).\n\n" +
		"(2) KESTREL CAPITAL LLP a limited liability partnership registered in England and Wales with registered number OC398765 whose registered office is at 15 Old Broad Street, London EC2N 1AR (Recipient).\n\n" +
		"(3) MERIDIAN HOUSING ASSOCIATION LIMITED a registered society under the Co-operative and Community Benefit Societies Act 2014 with registered number 30123R (the Adviser).\n\n" +
		"BACKGROUND\n\n(A) Each party wishes to disclose Confidential Information to the other.\n"
	got := map[string]string{}
	for _, e := range Extract(text, "en") {
		if e.Kind == KindParty {
			got[e.Text] = e.Value
		}
	}
	want := map[string]string{"NORTHGATE BIOSCIENCES LIMITED": "Discloser", "KESTREL CAPITAL LLP": "Recipient", "MERIDIAN HOUSING ASSOCIATION LIMITED": "Adviser"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("parties %v, want %v", got, want)
	}
	sg := "THIS AGREEMENT is made on 18 July 2025\n\nBETWEEN:\n\n" +
		"(1) LION CITY LOGISTICS PTE. LTD. (UEN 201912345K), a company incorporated in Singapore and having its registered office at 10 Pasir Panjang Road, Singapore 117438 (the \"Service Provider\"); and\n\n" +
		"(2) STRAITS ELECTRONICS PTE. LTD. (UEN 201598765M), a company incorporated in Singapore and having its registered office at 2 Jurong East Street 21, Singapore 609601 (the \"Customer\").\n"
	for _, p := range textsOf(Extract(sg, "en"), KindParty) {
		if !strings.Contains(p, "PTE") {
			t.Errorf("a party %q of %q", p, textsOf(Extract(sg, "en"), KindParty))
		}
	}
}

// "may not" forbids as "must not" does: a licence's "The Licensee may not
// sublicense" was no obligation at all. A "may not" that states what might
// happen ("may not be error-free", "may not apply to you") forbids nothing.
func TestMayNotIsAProhibition(t *testing.T) {
	text := "SOFTWARE LICENCE AGREEMENT\n\n" +
		"1. The Licensee may not sublicense, rent or lease the Software to any third party.\n" +
		"2. This Agreement may not be assigned without the Licensor's prior written consent.\n" +
		"3. The Licensee acknowledges that the Software may not be error-free.\n" +
		"4. Some jurisdictions do not allow these exclusions, so they may not apply to you.\n" +
		"5. Results may or may not improve over time.\n" +
		"6. The specifications may not have been fully developed at signing.\n"
	var duties []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindObligation {
			duties = append(duties, e.Value+": "+e.Text)
		}
	}
	want := []string{
		"may not: The Licensee may not sublicense, rent or lease the Software to any third party.",
		"may not: This Agreement may not be assigned without the Licensor's prior written consent.",
	}
	if !slices.Equal(duties, want) {
		t.Errorf("obligations\n got  %q\n want %q", duties, want)
	}
}

// A date a party must act by is a compliance date: "must deliver the plan
// no later than 30 June 2026" and "on or before 31 January 2026" were plain
// dates, their role lost to a contract register. A deadline no one must
// meet, and a date that is not a deadline, stay plain dates.
func TestDeadlinesAreComplianceDates(t *testing.T) {
	text := "SUPPLY AGREEMENT\n\nThis agreement is made on 14 March 2026 between Harbourline Logistics Pty Ltd (\"Supplier\") and Cobalt Retail Group Limited (\"Customer\").\n\n" +
		"1. The Supplier must deliver the implementation plan no later than 30 June 2026.\n" +
		"2. The Customer shall pay the licence fee on or before 31 January 2026.\n" +
		"3. 乙方应于2026年8月1日前交付全部货物。\n" +
		"4. Prices were last reviewed before 1 December 2025.\n" +
		"5. The warehouse opened on 2 February 2026.\n\n" +
		"Please sign and return a copy of this agreement no later than 20 March 2026.\n"
	ents := Extract(text, "en")
	for _, want := range []string{"30 June 2026", "31 January 2026", "2026年8月1日", "20 March 2026"} {
		if !has(ents, KindComplianceDate, want, "") {
			t.Errorf("no compliance date %q in %v", want, ents)
		}
	}
	for _, plain := range []string{"1 December 2025", "2 February 2026"} {
		if !has(ents, KindDate, plain, "") {
			t.Errorf("%q is no longer a plain date: %v", plain, ents)
		}
	}
}

// Chinese contracts give lengths of time that no period word before the
// count names, or write the count twice: 共二年, 2年内, 三（3）年, 一年半 were
// no durations, and a lease's 租赁期间为3年 further down became the
// contract's term where its own 期限为三（3）年 was missed. A date's year
// (2026年内) is no duration.
func TestChineseDurations(t *testing.T) {
	text := "劳动合同\n\n甲方：杭州远景软件有限公司\n乙方：李华\n\n" +
		"第一条 本合同期限为三（3）年，自2026年3月1日起。\n" +
		"第二条 本合同自双方签字之日起生效，共二年。\n" +
		"第三条 乙方应在入职后2年内完成培训。\n" +
		"第四条 竞业限制期为一年半。\n" +
		"第五条 租赁期间为5年。\n" +
		"第六条 2026年内甲方应支付全部款项。\n"
	ents := Extract(text, "zh")
	for _, w := range []struct{ text, value string }{{"三（3）年", "P3Y"}, {"二年", "P2Y"}, {"2年内", "P2Y"}, {"一年半", "P18M"}} {
		if !has(ents, KindDuration, w.text, w.value) {
			t.Errorf("no duration %q (%s) in %+v", w.text, w.value, ents)
		}
	}
	if !has(ents, KindExpirationDate, "期限为三（3）年", "2029-03-01") {
		t.Errorf("the term's end is not three years on: %+v", ents)
	}
	for _, e := range ents {
		if e.Kind == KindDuration && strings.Contains(e.Text, "26年") {
			t.Errorf("a date's year as a duration: %+v", e)
		}
	}
}

// An offer letter is dated by the date alone on its line above "Dear Ms
// Tan,": the body's "commences on 1 March 2026" and "approved by the board
// on 28 January 2026" took the agreement date from it.
func TestLetterDateIsAgreementDate(t *testing.T) {
	for _, text := range []string{
		"Harbour Bank Limited\nLevel 5, 10 Shelley Street, Sydney NSW 2000\nTel: +61 2 9000 1234\n\n3rd February 2026\n\n" +
			"Ms Rachel Tan\n12 Kent Street\nSydney NSW 2000\n\nDear Ms Tan,\n\nWe are pleased to offer you the role of Analyst. " +
			"Your employment commences on 1 March 2026 and your salary is A$95,000 per annum.\n\nYours sincerely,\nHarbour Bank Limited\n",
		"Ref: HR/2026/0142\nTuesday, 3 February 2026\n\nDear Ms Tan,\n\nWe are pleased to offer you employment with Banyan Capital Pte. Ltd. " +
			"This offer was approved by the board on 28 January 2026. Your salary shall be S$12,000 per month.\n\nYours sincerely\n",
	} {
		ents := Extract(text, "en")
		if !has(ents, KindAgreementDate, "3", "2026-02-03") || countKind(ents, KindAgreementDate) != 1 {
			t.Errorf("agreement date not the letter's 3 February 2026: %+v", ents)
		}
	}
}

// Australian and Singapore precedents list their parties under a "Parties"
// heading, one a paragraph, with a register number and a bare role: no
// "between" and no "(1)", so no party was found at all.
func TestPartiesBlock(t *testing.T) {
	for text, want := range map[string][]string{
		"SUPPLY AGREEMENT\n\nDate: 14 March 2026\n\nParties\n\n" +
			"Harbourline Logistics Pty Ltd ABN 51 824 753 556 of Level 12, 60 Martin Place, Sydney NSW 2000 (Supplier)\n\n" +
			"Cobalt Retail Group Limited ABN 33 102 417 032 of 1 Collins Street, Melbourne VIC 3000 (Customer)\n\n" +
			"Background\n\nA. The Supplier provides warehousing and freight services.\n\n1. Term\n\n1.1 This agreement commences on 1 April 2026.\n": {
			"Harbourline Logistics Pty Ltd/Supplier", "Cobalt Retail Group Limited/Customer"},
		"SERVICES AGREEMENT\n\nPARTIES\n" +
			"1. Wattle Health Services Pty Limited ACN 123 456 789 of 5 George Street, Brisbane QLD 4000 (\"Provider\")\n" +
			"2. Southern Cross Hospitals Limited ABN 44 555 666 777 of 100 King William Street, Adelaide SA 5000 (\"Client\")\n\n" +
			"AGREED TERMS\n\n1. Services\n1.1 The Provider must provide the Services.\n": {
			"Wattle Health Services Pty Limited/Provider", "Southern Cross Hospitals Limited/Client"},
		"CONSULTANCY AGREEMENT\n\nParties\n\nTasman Advisory Pte. Ltd.\nUEN 202012345W\n1 Raffles Place, #20-01, Singapore 048616\n(Consultant)\n\n" +
			"Eucalypt Mining Limited\nABN 11 222 333 444\nLevel 3, 200 St Georges Terrace, Perth WA 6000\n(Company)\n\nBackground\n\nThe Company wishes to engage the Consultant.\n": {
			"Tasman Advisory Pte. Ltd./Consultant", "Eucalypt Mining Limited/Company"},
	} {
		var got []string
		for _, e := range Extract(text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Text+"/"+e.Value)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("parties\n got  %q\n want %q", got, want)
		}
	}
}

// An offer letter's start date is its effective date: "Your employment
// commences on 1 March 2026" and "Your start date will be 9 February 2026"
// were plain dates (or, before the letter's own date counted, its
// agreement date).
func TestOfferStartIsEffectiveDate(t *testing.T) {
	for text, want := range map[string]string{
		"3rd February 2026\n\nDear Ms Tan,\n\nWe are pleased to offer you the role of Analyst. Your employment commences on 1 March 2026.\n":             "2026-03-01",
		"12 January 2026\n\nDear Ms Nair,\n\nI am delighted to offer you employment as Senior Legal Counsel. Your start date will be 9 February 2026.\n": "2026-02-09",
	} {
		ents := Extract(text, "en")
		if !has(ents, KindEffectiveDate, "", want) {
			t.Errorf("no effective date %s in %+v", want, ents)
		}
	}
}

// An offer letter's employer is a party: a letter that named it only in
// "On behalf of Kestrel Energy Pty Ltd (ABN ...) ("Kestrel")", "employment
// with Banyan Capital Pte. Ltd." or its letterhead listed the candidate
// alone.
func TestOfferLetterEmployer(t *testing.T) {
	for text, want := range map[string]string{
		"12 January 2026\n\nMs Priya Nair\n45 Kent Street\nSydney NSW 2000\n\nDear Ms Nair,\n\nOn behalf of Kestrel Energy Pty Ltd (ABN 98 765 432 109) (\"Kestrel\"), " +
			"I am delighted to offer you employment as Senior Legal Counsel.\n": "Kestrel Energy Pty Ltd/Kestrel",
		"4 February 2026\n\nDear Ms Tan,\n\nWe are pleased to offer you employment with Banyan Capital Pte. Ltd. Your salary shall be S$12,000 per month.\n":         "Banyan Capital Pte. Ltd./",
		"Harbour Bank Limited\nLevel 5, 10 Shelley Street, Sydney NSW 2000\n\n3 February 2026\n\nDear Ms Tan,\n\nWe are pleased to offer you the role of Analyst.\n": "Harbour Bank Limited/",
	} {
		var got []string
		for _, e := range Extract(text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Text+"/"+e.Value)
			}
		}
		if !slices.Contains(got, want) || len(got) != 2 {
			t.Errorf("parties %q, want the candidate and %q", got, want)
		}
	}
}

// A party's register number is not its name: "Quokka Software Pty Ltd ABN
// 12 345 678 901" went into the register as the Licensor's name.
func TestPartyNameWithoutRegisterNumber(t *testing.T) {
	text := "SOFTWARE LICENCE AGREEMENT\n\nThis Software Licence Agreement is made on 5 January 2026 between " +
		"Quokka Software Pty Ltd ABN 12 345 678 901 (\"Licensor\") and Lumen Health Pte. Ltd. (\"Licensee\").\n\n1. Grant. The Licensor grants a licence.\n"
	got := textsOf(Extract(text, "en"), KindParty)
	if want := []string{"Quokka Software Pty Ltd", "Lumen Health Pte. Ltd."}; !slices.Equal(got, want) {
		t.Errorf("parties %q, want %q", got, want)
	}
}

// "is prohibited from" and "is not permitted to" forbid as "must not"
// does; the register listed neither.
func TestProhibitedIsAProhibition(t *testing.T) {
	text := "DISTRIBUTION AGREEMENT\n\n1. The Distributor is prohibited from selling the Products outside Singapore.\n" +
		"2. The Distributor is not permitted to appoint sub-distributors.\n"
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindObligation {
			got = append(got, e.Value)
		}
	}
	if want := []string{"is prohibited from", "is not permitted to"}; !slices.Equal(got, want) {
		t.Errorf("obligations %q, want %q", got, want)
	}
}

// A term drafted in the present tense ("This agreement continues for 2
// years from the date of this agreement") ends as one with "shall
// continue" does: it gave no expiration date.
func TestPresentTenseTerm(t *testing.T) {
	text := "DISTRIBUTION AGREEMENT\n\nThis Distribution Agreement is made on 1 May 2026 between Koala Beverages Pty Ltd (\"Supplier\") and Merlion Trading Pte. Ltd. (\"Distributor\").\n\n" +
		"5. This agreement continues for 2 years from the date of this agreement.\n"
	if ents := Extract(text, "en"); !has(ents, KindExpirationDate, "continues for 2 years", "2028-05-01") {
		t.Errorf("no expiration date 2028-05-01 in %+v", ents)
	}
}

// An alias that holds "party" inside a word ("Counterparty") is a party's
// role: "party" and "parties" as words name no one, but the second party
// of "between Acme Holdings, Inc. ("Company"), and Northwind Traders Ltd.
// ("Counterparty")" lost its role.
func TestCounterpartyAlias(t *testing.T) {
	text := "MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement is entered into as of March 1, 2021 by and between Acme Holdings, Inc., " +
		"a corporation organized under the laws of Delaware (\"Company\"), and Northwind Traders Ltd. (\"Counterparty\").\n\n" +
		"1. Fees. Company shall pay Counterparty a fee of $12,500.00 per month.\n"
	got := strings.Join(partiesOf(text, "en"), "; ")
	if want := "Acme Holdings, Inc.=Company; Northwind Traders Ltd.=Counterparty"; got != want {
		t.Errorf("parties %s, want %s", got, want)
	}
	nda := "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Agreement is made between Orchid Software Corp. (the \"Party\") and Helios Biotech GmbH (the \"Parties\").\n"
	for _, p := range partiesOf(nda, "en") {
		if strings.HasSuffix(p, "=Party") || strings.HasSuffix(p, "=Parties") {
			t.Errorf("party %s: \"Party\" alone is no role", p)
		}
	}
}

// Two signature blocks side by side, their gap collapsed to a space as a
// text file's lines are read, split after a partnership's "L.P." as after
// "Inc.": "Summit Healthcare Partners, L.P. Blue River Logistics LLC" was
// a third party.
func TestSignatureLineSplitsAfterLP(t *testing.T) {
	text := "CONSULTING AGREEMENT\n\nThis Agreement is made between Summit Healthcare Partners, L.P. (\"Company\") and Blue River Logistics LLC (\"Counterparty\").\n\n" +
		"1. Services. Counterparty shall provide the services.\n\nIN WITNESS WHEREOF, the parties have executed this Agreement.\n\n" +
		"Summit Healthcare Partners, L.P. Blue River Logistics LLC\nBy: ____________ By: ____________\n"
	got := strings.Join(partiesOf(text, "en"), "; ")
	if want := "Summit Healthcare Partners, L.P.=Company; Blue River Logistics LLC=Counterparty"; got != want {
		t.Errorf("parties %s, want %s", got, want)
	}
}

// A sentence that says when the agreement commences gave its date as an
// effective date, then the whole sentence as a second one with the same
// value: a register got two rows for one date.
func TestEffectiveDateOnceWhenSentenceRepeatsIt(t *testing.T) {
	text := "SUPPLY AGREEMENT\n\nThis Supply Agreement is dated 12 March 2026 and is made between Northwind Components Limited (the \"Supplier\") and Harbour Retail Pty Ltd (the \"Customer\").\n\n" +
		"1.1 This agreement commences on 1 April 2026 and continues for three years.\n"
	ents := Extract(text, "en")
	if got := valuesOf(ents, KindEffectiveDate); !slices.Equal(got, []string{"2026-04-01"}) {
		t.Fatalf("effective dates %q (%q), want one, 2026-04-01", got, textsOf(ents, KindEffectiveDate))
	}
	if !has(ents, KindExpirationDate, "continues for three years", "2029-04-01") {
		t.Errorf("term sentence lost: %+v", ents)
	}
}

// rolesOf maps each duration's text to its role.
func rolesOf(ents []document.Entity) map[string]string {
	out := map[string]string{}
	for _, e := range ents {
		if e.Kind == KindDuration {
			out[e.Text+" "+e.Value] = e.Role
		}
	}
	return out
}

// A contract register needs each length of time with what it is the
// length of: the notice period apart from the probation and the term.
// Durations had no role, and one length in two roles ("12 months" of
// warranty and of non-compete) was listed once.
func TestDurationRoles(t *testing.T) {
	text := "EMPLOYMENT AND SUPPLY TERMS\n\n" +
		"1.1 This agreement commences on 1 April 2026 and continues for three years.\n\n" +
		"1.2 Your employment is subject to a probationary period of six months. During the probationary period, either party may end it by giving one week's notice.\n\n" +
		"1.3 Either party may terminate this agreement by giving not less than three months' written notice.\n\n" +
		"2.1 The Supplier will deliver the Products within 14 days of each order.\n\n" +
		"2.2 The Customer will pay each invoice within 30 days of the date of the invoice.\n\n" +
		"2.3 The Supplier shall provide a warranty period of 12 months from delivery.\n\n" +
		"3.1 Each party shall keep the Confidential Information of the other party confidential. The obligations in this clause survive for a period of five years after termination.\n\n" +
		"4.1 For a period of 12 months after termination, the Supplier shall not supply competing products.\n\n" +
		"4.2 If a party breaches this agreement and fails to remedy the breach within 20 business days, the other party may terminate it.\n\n" +
		"4.3 This agreement renews automatically for successive periods of one year.\n\n" +
		"4.4 The Customer agrees that, during the term of this Agreement and for a period of two (2) years thereafter, it will not solicit the Supplier's employees.\n"
	want := map[string]string{
		"three years P3Y": RoleTerm, "six months P6M": RoleProbation, "one week P1W": RoleProbationNotice,
		"three months P3M": RoleNotice, "14 days P14D": "", "30 days P30D": RolePayment,
		"12 months P12M": RoleWarranty, "five years P5Y": RoleConfidentiality, "20 business days ": RoleCure,
		"one year P1Y": RoleRenewal, "two (2) years P2Y": RoleNonSolicit,
	}
	ents := Extract(text, "en")
	got := rolesOf(ents)
	for k, role := range want {
		if r, ok := got[k]; k != "12 months P12M" && (!ok || r != role) {
			t.Errorf("duration %q: role %q (found %v), want %q", k, r, ok, role)
		}
	}
	var twelve []string
	for _, e := range ents {
		if e.Kind == KindDuration && e.Value == "P12M" {
			twelve = append(twelve, e.Role)
		}
	}
	if !slices.Equal(twelve, []string{RoleWarranty, RoleNonCompete}) {
		t.Errorf("12 months in roles %q, want warranty and non-compete", twelve)
	}
}

// The Chinese periods a labour contract names: 合同期限, 试用期, 竞业限制期,
// 保修期, a notice period (提前三十日, which was not read as a length at
// all) and a confidentiality period (保密期限, which was taken for the
// contract's term).
func TestDurationRolesChinese(t *testing.T) {
	text := "劳动合同\n\n甲方：上海星河科技有限公司\n乙方：王小明\n\n" +
		"第一条 本合同期限为三年。其中试用期为六个月。\n" +
		"第二条 甲方应在收到发票后30日内付款。\n" +
		"第三条 乙方解除劳动合同，应当提前三十日以书面形式通知甲方。\n" +
		"第四条 乙方应当保守甲方的商业秘密，保密期限为五年。乙方离职后的竞业限制期为一年。\n" +
		"第五条 设备保修期为十二个月。\n"
	want := map[string]string{
		"三年 P3Y": RoleTerm, "六个月 P6M": RoleProbation, "30日内 P30D": RolePayment, "三十日 P30D": RoleNotice,
		"五年 P5Y": RoleConfidentiality, "一年 P1Y": RoleNonCompete, "十二个月 P12M": RoleWarranty,
	}
	got := rolesOf(Extract(text, "zh"))
	for k, role := range want {
		if r, ok := got[k]; !ok || r != role {
			t.Errorf("duration %q: role %q (found %v), want %q; all %v", k, r, ok, role, got)
		}
	}
}

// A Chinese contract that dates its periods instead of counting them
// (合同期限自…起至…止, 试用期自…起至…止) gave no term and no probation;
// the term's last day is the expiration, the probation's is not. A range
// the clause also counts is one period, and a range no period word names
// (a deposit window) is no duration.
func TestDurationsChineseDateRanges(t *testing.T) {
	text := "劳动合同\n\n甲方：上海星河信息技术有限公司\n乙方：王小明\n\n" +
		"第一条 合同期限自2026年3月1日起至2029年2月28日止。其中试用期自2026年3月1日起至2026年5月31日止。\n" +
		"第二条 乙方应于2026年3月1日至2026年3月10日提交入职材料。\n" +
		"第三条 保密期限三年，自2029年3月1日起至2032年3月1日止。\n"
	ents := Extract(text, "zh")
	want := map[string]string{
		"2026年3月1日起至2029年2月28日 P3Y": RoleTerm,
		"2026年3月1日起至2026年5月31日 P3M": RoleProbation,
		"三年 P3Y": RoleConfidentiality,
	}
	got := rolesOf(ents)
	if !maps.Equal(got, want) {
		t.Errorf("durations %v, want %v", got, want)
	}
	if exp := valuesOf(ents, KindExpirationDate); len(exp) == 0 || exp[0] != "2029-02-28" || slices.Contains(exp, "2026-05-31") {
		t.Errorf("expiration dates %q, want the term's last day first and not the probation's", exp)
	}
}

// Plain-English contracts and offer letters put duties with "will"; they
// were no obligations. A "will" that states a fact, a right or an intent
// stays out.
func TestWillDuties(t *testing.T) {
	text := "This Supply Agreement is made between Northwind Components Limited (the \"Supplier\") and Harbour Retail Pty Ltd (the \"Customer\").\n\n" +
		"2.1 The Supplier will deliver the Products within 14 days of each order.\n\n" +
		"2.2 Harbour Retail will pay each invoice within 30 days.\n\n" +
		"2.3 Neither party will disclose the terms of this agreement.\n\n" +
		"2.4 The Supplier will be responsible for the cost of carriage.\n\n" +
		"2.5 We will review pricing annually and expect volumes to grow.\n\n" +
		"2.6 The Customer will be entitled to a discount on orders above 1,000 units.\n\n" +
		"2.7 This agreement will continue until terminated.\n\n" +
		"2.8 The Products will arrive in sealed pallets.\n\n" +
		"2.9 You will receive a copy of the price list each quarter.\n"
	got := textsOf(Extract(text, "en"), KindObligation)
	want := []string{
		"The Supplier will deliver the Products within 14 days of each order.",
		"Harbour Retail will pay each invoice within 30 days.",
		"Neither party will disclose the terms of this agreement.",
		"The Supplier will be responsible for the cost of carriage.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("obligations\n got  %q\n want %q", got, want)
	}
	if v := valuesOf(Extract(text, "en"), KindObligation); len(v) > 0 && v[0] != "will" {
		t.Errorf("modal %q, want will", v[0])
	}
}

// The obligation cap kept a long contract's first duties only: the
// prohibitions of its later clauses were dropped. The cap keeps
// prohibitions and spreads the rest over the document.
func TestObligationCapKeepsLaterProhibitions(t *testing.T) {
	var b strings.Builder
	b.WriteString("MASTER SERVICES AGREEMENT\n\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "%d.1 The Supplier shall perform service number %d with due care and skill.\n\n", i, i)
	}
	bans := []string{
		"41.1 The Supplier shall not subcontract the Services without consent.",
		"42.1 The Customer must not resell the Deliverables.",
		"43.1 The Supplier may not assign this agreement.",
	}
	for _, s := range bans {
		b.WriteString(s + "\n\n")
	}
	got := textsOf(Extract(b.String(), "en"), KindObligation)
	if len(got) != maxObligations {
		t.Fatalf("%d obligations, want %d", len(got), maxObligations)
	}
	for _, s := range bans {
		if !slices.Contains(got, s[5:]) {
			t.Errorf("prohibition %q dropped", s[5:])
		}
	}
	last := 0
	for _, s := range got {
		var n int
		if _, err := fmt.Sscanf(s, "The Supplier shall perform service number %d", &n); err == nil {
			last = max(last, n)
		}
	}
	if !slices.Contains(got, "The Supplier shall perform service number 1 with due care and skill.") || last < 30 {
		t.Errorf("duties not spread over the document (last service %d): %q", last, got)
	}
}

// An offer letter that names its employer without a legal form ("Acme
// Group") and greets the candidate by first name with open punctuation
// ("Dear Rachel", no comma) listed no party at all. A place of work ("a
// role at Head Office") or a name said once is no employer, and "Dear
// Sir" names no one.
func TestOfferLetterPlainEmployerAndOpenSalutation(t *testing.T) {
	partiesOf := func(text string) []string { return textsOf(Extract(text, "en"), KindParty) }
	text := "Acme Group\n1 Market Street\nSydney NSW 2000\n\n3 February 2026\n\nRachel Nguyen\n12 Ocean Road\nBondi NSW 2026\n\n" +
		"Dear Rachel\n\nWe are pleased to offer you employment with Acme Group as Senior Analyst. Your employment will commence on 2 March 2026.\n\n" +
		"Yours sincerely\n\nJane Smith\nHead of People, Acme Group\n"
	if got, want := partiesOf(text), []string{"Rachel Nguyen", "Acme Group"}; !slices.Equal(got, want) {
		t.Errorf("parties %q, want %q", got, want)
	}
	for _, text := range []string{
		"3 February 2026\n\nDear Sir\n\nWe are pleased to offer you a role at Head Office as Analyst. Head Office is in Sydney.\n",
		"3 February 2026\n\nDear Sir\n\nWe are pleased to offer you employment with Orbit Partners as Analyst.\n",
	} {
		if got := partiesOf(text); len(got) != 0 {
			t.Errorf("parties %q, want none in %q", got, text)
		}
	}
}

// A "shall" that says when the agreement runs binds no one: "This
// agreement shall commence on ... and shall continue for 24 months" and
// "Thereafter this agreement shall automatically renew" were listed among
// the obligations. A duty in such a sentence still counts.
func TestTermSentencesAreNoObligations(t *testing.T) {
	text := "1.1 This agreement shall commence on 1 February 2026 and shall continue for an initial term of 24 months.\n\n" +
		"1.2 Thereafter this agreement shall automatically renew for successive periods of 12 months.\n\n" +
		"1.3 The Term shall expire on 31 January 2028.\n\n" +
		"1.4 This agreement shall continue until the Client shall have paid all fees.\n\n" +
		"2.1 The Client shall pay each valid invoice within 45 days of receipt.\n"
	got := textsOf(Extract(text, "en"), KindObligation)
	want := []string{"This agreement shall continue until the Client shall have paid all fees.", "The Client shall pay each valid invoice within 45 days of receipt."}
	if !slices.Equal(got, want) {
		t.Errorf("obligations\n got  %q\n want %q", got, want)
	}
}

// "Neither party shall solicit" forbids as "shall not" does, but its
// modal read "shall", so a register's prohibitions missed it (and the
// obligation cap counted it among the duties).
func TestNegatedSubjectIsAProhibition(t *testing.T) {
	text := "3.1 Neither party shall, during the term, solicit any employee of the other party.\n\n" +
		"3.2 None of the Sellers will disclose the Purchase Price.\n\n" +
		"3.3 No Licensee may sublicense the Software.\n\n" +
		"3.4 Where no Order is placed within 30 days of the quote the Customer shall pay a cancellation fee.\n"
	got := valuesOf(Extract(text, "en"), KindObligation)
	if want := []string{"shall not", "will not", "may not", "shall"}; !slices.Equal(got, want) {
		t.Errorf("modals %q, want %q", got, want)
	}
}

// A statement of main terms lists its periods as labelled fields, one a
// line. The cue reading ran across lines: "Probation period: 6 months"
// took the next line's "Notice period" and was listed as a notice period,
// and the notice during probation was taken for the probation.
func TestDurationRolesOfLabelledFields(t *testing.T) {
	text := "STATEMENT OF MAIN TERMS OF EMPLOYMENT\n\nStart date: 6 April 2026\nProbation period: 6 months\n" +
		"Notice period: 1 month (during probation: 1 week)\nHoliday: 25 days plus bank holidays\n" +
		"Restrictive covenant: 6 months non-compete after termination\n"
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindDuration {
			got = append(got, e.Text+"="+e.Role)
		}
	}
	want := []string{"6 months=" + RoleProbation, "1 month=" + RoleNotice, "1 week=" + RoleProbationNotice, "25 days=", "6 months=" + RoleNonCompete}
	if !slices.Equal(got, want) {
		t.Errorf("durations %q, want %q", got, want)
	}
}

// A statement of employment terms names its parties as labelled fields
// ("Employer: ...", "Employee: ..."); it listed none.
func TestLabelledEmployerAndEmployee(t *testing.T) {
	text := "STATEMENT OF MAIN TERMS OF EMPLOYMENT\n\nEmployer: Greenwich Data Services Ltd\nEmployee: Thomas Okafor\n\n" +
		"Start date: 6 April 2026\nJob title: Data Engineer\n"
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindParty {
			got = append(got, e.Text+"/"+e.Value)
		}
	}
	if want := []string{"Greenwich Data Services Ltd/Employer", "Thomas Okafor/Employee"}; !slices.Equal(got, want) {
		t.Errorf("parties %q, want %q", got, want)
	}
}

// A Chinese offer letter's 报到日期 (the day the hire reports for work) is
// its start: the 到 of 报到 read as "until", and the start date was listed
// as the expiration date.
func TestChineseReportingDateIsTheStart(t *testing.T) {
	text := "录用通知书\n\n尊敬的李华先生：\n\n我们很高兴地通知您，深圳前海数智科技有限公司决定录用您担任高级产品经理一职。\n\n" +
		"报到日期：2026年5月6日\n合同期限：三年\n试用期：三个月\n"
	ents := Extract(text, "zh")
	if has(ents, KindExpirationDate, "2026年5月6日", "") {
		t.Errorf("start date taken for the expiration date: %+v", ents)
	}
	if !has(ents, KindEffectiveDate, "2026年5月6日", "2026-05-06") {
		t.Errorf("no effective date 2026-05-06: %+v", ents)
	}
}

// A Chinese offer of employment names its parties by no role: the person
// its greeting addresses and the company that makes the offer. It had
// none.
func TestChineseOfferLetterParties(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"录用通知书\n\n尊敬的李华先生：\n\n您好！我们很高兴地通知您，经过面试，深圳前海数智科技有限公司决定录用您担任高级产品经理一职。\n\n报到日期：2026年5月6日\n试用期：三个月\n",
			"李华=受聘方; 深圳前海数智科技有限公司=聘用方"},
		{"聘用函\n\n尊敬的王芳女士：\n\n欢迎您加入上海星河信息技术有限公司，担任财务经理。月薪人民币25,000元。\n",
			"上海星河信息技术有限公司=聘用方; 王芳=受聘方"},
	} {
		got := partiesOf(c.text, "zh")
		slices.Sort(got)
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%.15s: parties %q, want %s", c.text, got, c.want)
		}
	}
	if got := partiesOf("关于召开年度会议的通知\n\n尊敬的李华先生：请于1月8日到深圳前海数智科技有限公司参加会议。\n", "zh"); len(got) != 0 {
		t.Errorf("a meeting notice: parties %q, want none", got)
	}
}

// A party's name keeps no footnote mark set against it: "Northwind Cloud
// Corporation∗" and "Contoso Bank plc†" were the contract's parties, mark
// and all, where a PDF set its notes' marks on the line.
func TestPartyWithoutFootnoteMark(t *testing.T) {
	text := "SERVICES AGREEMENT\n\nThis Services Agreement is made on 1 March 2025 between Northwind Cloud Corporation∗, " +
		"a Delaware corporation (the \"Supplier\"), and Contoso Bank plc†, a company registered in England (the \"Customer\").\n\n" +
		"∗ Formerly Northwind Hosting Inc.\n† Acting through its London branch.\n"
	var parties []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindParty {
			parties = append(parties, e.Text)
		}
	}
	if want := []string{"Northwind Cloud Corporation", "Contoso Bank plc"}; !slices.Equal(parties, want) {
		t.Errorf("parties %q, want %q", parties, want)
	}
}

// A length of time spelled out in tens and units without a figure in
// brackets is the whole number: "continues for thirty six months" was a
// term of six months (P6M), "twenty one days" one day.
func TestSpelledTensAndUnitsDuration(t *testing.T) {
	text := "SERVICES AGREEMENT\n\nThis Agreement is made between Acme Corp and Beta LLC. This Agreement continues for thirty six months. " +
		"The licence lasts thirty-six months. Notice must be given within twenty one days. Payment is due within thirty days."
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindDuration {
			got = append(got, e.Text+"="+e.Value)
		}
	}
	want := []string{"thirty six months=P36M", "thirty-six months=P36M", "twenty one days=P21D", "thirty days=P30D"}
	if !slices.Equal(got, want) {
		t.Errorf("durations %q, want %q", got, want)
	}
}

// A Chinese offer letter is dated at its foot, under the company and the
// department that sign it; its 报到日期 is when the hire starts, and it
// was taken for the date of the letter.
func TestChineseOfferLetterDatedAtItsFoot(t *testing.T) {
	text := "录用通知书\n\n尊敬的李明先生：\n\n感谢您对上海星辰数据科技有限公司的关注。我公司很高兴地通知您，您已被录用为高级工程师。\n\n" +
		"一、报到日期：2026年4月1日，请于当日到公司人力资源部报到。\n二、劳动合同期限为三年，其中试用期为六个月。\n\n" +
		"请您于2026年3月10日前签字确认并回传本通知书。\n\n上海星辰数据科技有限公司\n人力资源部\n2026年3月1日\n"
	ents := Extract(text, "zh")
	if !has(ents, KindAgreementDate, "2026年3月1日", "2026-03-01") || has(ents, KindAgreementDate, "2026年4月1日", "") {
		t.Errorf("agreement date not the letter's own 2026-03-01: %+v", ents)
	}
	if !has(ents, KindEffectiveDate, "2026年4月1日", "2026-04-01") {
		t.Errorf("no effective date 2026-04-01: %+v", ents)
	}
}

// An offer letter puts the employer's duties in the first person ("We
// will pay you a salary"), as a contract puts them on "The Company"; they
// were no obligations, though the hire's were. An intent stays out.
func TestWeWillIsTheWritersDuty(t *testing.T) {
	text := "Dear Sarah,\n\nWe are pleased to offer you employment with Harbour Analytics Pty Ltd (the \"Company\").\n\n" +
		"1. We will pay you a salary of AUD 145,000 per annum.\n\n" +
		"2. We will reimburse reasonable business expenses in accordance with Company policy.\n\n" +
		"3. We will review your salary each year.\n\n" +
		"4. You will comply with all Company policies.\n"
	got := textsOf(Extract(text, "en"), KindObligation)
	want := []string{
		"We will pay you a salary of AUD 145,000 per annum.",
		"We will reimburse reasonable business expenses in accordance with Company policy.",
		"You will comply with all Company policies.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("obligations\n got  %q\n want %q", got, want)
	}
}

// A "will not" that a comma parts from its verb ("You will not, for 12
// months, solicit") forbids; the "not" was read as the verb, and the
// restraint was listed as a duty under "will".
func TestWillNotBeforeACommaForbids(t *testing.T) {
	text := "Dear Sarah,\n\nWe are pleased to offer you employment with Harbour Analytics Pty Ltd (the \"Company\").\n\n" +
		"7. You will not, for a period of 12 months after your employment ends, solicit any client of the Company.\n"
	if got := valuesOf(Extract(text, "en"), KindObligation); !slices.Equal(got, []string{"will not"}) {
		t.Errorf("modals %q, want [will not]", got)
	}
}

// "In no event shall either party be liable" limits what a party pays
// for; it forbids no conduct, and was listed among the prohibitions as
// "shall not". It is a liability limit; a ban beside it stays a ban.
func TestLiabilityExclusionIsNoProhibition(t *testing.T) {
	text := "This Supply Agreement is made between Pacific Components Ltd (\"Supplier\") and Redfern Manufacturing Pty Ltd (\"Customer\").\n\n" +
		"4. In no event shall either party be liable for any indirect, special or consequential damages.\n\n" +
		"5. The Supplier shall not be liable for delays caused by the Customer.\n\n" +
		"6. We will not be responsible for loss of data.\n\n" +
		"7. Neither party shall assign this Agreement without the prior written consent of the other party.\n\n" +
		"8. The Customer shall be liable for all freight charges.\n"
	got := valuesOf(Extract(text, "en"), KindObligation)
	want := []string{"liability limit", "liability limit", "liability limit", "shall not", "shall"}
	if !slices.Equal(got, want) {
		t.Errorf("modals %q, want %q", got, want)
	}
	for _, v := range got[:3] {
		if prohibition(v) {
			t.Errorf("%q counted as a prohibition", v)
		}
	}
}

// Leave an offer letter grants ("20 days' annual leave", 年假15天) is a
// length of its own, which a register keeps apart from the notice and
// probation periods; it had no role.
func TestLeaveDurations(t *testing.T) {
	en := "Dear Sarah,\n\nWe are pleased to offer you employment with Harbour Analytics Pty Ltd.\n\n" +
		"3. Probation. The first six months of your employment are a probationary period.\n\n" +
		"4. Leave. You are entitled to 20 days' annual leave per year of service and 10 days' personal leave.\n\n" +
		"5. Notice. After probation, either party may terminate your employment by giving four weeks' written notice.\n"
	want := map[string]string{"six months P6M": RoleProbation, "20 days P20D": "leave", "10 days P10D": "leave", "four weeks P4W": RoleNotice}
	got := rolesOf(Extract(en, "en"))
	for k, role := range want {
		if r, ok := got[k]; !ok || r != role {
			t.Errorf("duration %q: role %q (found %v), want %q; all %v", k, r, ok, role, got)
		}
	}
	zh := "录用通知书\n\n尊敬的李明先生：\n\n五、福利：公司依法为您缴纳社会保险；您每年享有带薪年假15天。试用期为六个月。\n"
	got = rolesOf(Extract(zh, "zh"))
	if r := got["15天 P15D"]; r != "leave" {
		t.Errorf("年假15天: role %q, want %q; all %v", r, "leave", got)
	}
}

// A Chinese clause that names its period twice (离职后二年内不得…，竞业限制
// 期限为二年) states one period; a register listed it as two rows.
func TestChinesePeriodNamedTwiceInAClause(t *testing.T) {
	text := "录用通知书\n\n尊敬的李明先生：\n\n六、竞业限制：您离职后二年内不得到与本公司有竞争关系的单位任职，竞业限制期限为二年，公司按月支付竞业限制补偿金。\n" +
		"七、保密：您应当保守公司的商业秘密，保密期限为二年。\n"
	var got []string
	for _, e := range Extract(text, "zh") {
		if e.Kind == KindDuration {
			got = append(got, e.Text+" "+e.Value+" "+e.Role)
		}
	}
	// 按月支付竞业限制补偿金: the compensation's payment frequency, a third
	// period of its own
	if want := []string{"二年 P2Y non_compete", "按月 P1M payment_frequency", "二年 P2Y confidentiality"}; !slices.Equal(got, want) {
		t.Errorf("durations %q, want %q", got, want)
	}
}

// An offer letter that thanks the hire for their interest in the company
// (感谢您对上海星辰数据科技有限公司的关注) named the company "对上海星辰…": the
// 对 after 您 was taken into its name.
func TestChineseOfferCompanyAfterThanks(t *testing.T) {
	text := "录用通知书\n\n尊敬的李明先生：\n\n感谢您对上海星辰数据科技有限公司的关注。我公司很高兴地通知您，您已被录用为高级工程师。\n"
	got := partiesOf(text, "zh")
	slices.Sort(got)
	if want := "上海星辰数据科技有限公司=聘用方; 李明=受聘方"; strings.Join(got, "; ") != want {
		t.Errorf("parties %q, want %s", got, want)
	}
}

// A register wants the interest a contract charges on late payment; the
// rates were not extracted at all, in English or in Chinese.
func TestInterestRates(t *testing.T) {
	en := "SUPPLY AGREEMENT\n\n2. Payment. Customer shall pay each invoice within thirty (30) days. Overdue amounts shall bear interest at 1.5% per month until paid.\n\n" +
		"3. Late payment. Any amount not paid when due accrues interest at the rate of eight percent (8%) per annum, calculated daily.\n\n" +
		"4. Prices. The Supplier may increase prices by 3% per annum.\n"
	zh := "借款合同\n\n第三条 借款年利率6%，按季付息。\n第四条 乙方逾期还款的，应按每日万分之五向甲方支付逾期利息。\n" +
		"第五条 甲方每日千分之一的员工可参加培训。\n"
	for _, c := range []struct {
		text, lang string
		want       []string
	}{
		{en, "en", []string{"interest at 1.5% per month=1.5% per month", "interest at the rate of eight percent (8%) per annum=8% per year"}},
		{zh, "zh", []string{"年利率6%=6% per year", "每日万分之五=0.05% per day"}},
		// a verb between the day and the share: 按日加付万分之五的赔偿金
		{"劳动合同书\n\n第七条 甲方逾期支付工资的，应按日加付万分之五的赔偿金。\n", "zh", []string{"按日加付万分之五=0.05% per day"}},
	} {
		var got []string
		for _, e := range Extract(c.text, c.lang) {
			if e.Kind == "interest_rate" {
				got = append(got, e.Text+"="+e.Value)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: interest rates %q, want %q", c.lang, got, c.want)
		}
	}
}

// A Chinese duty is often "应" and its verb, with no 当 (乙方逾期还款的，应按
// 每日万分之五支付逾期利息; 乙方应支付租金): those clauses were no
// obligations. A 应 that is part of a word (相应, 供应) imposes nothing.
func TestChineseDutyWithoutDang(t *testing.T) {
	text := "借款合同\n\n甲方：深圳前海金融服务有限公司\n乙方：广州恒达贸易有限公司\n\n" +
		"第四条 乙方逾期还款的，应按每日万分之五向甲方支付逾期利息。\n" +
		"第五条 乙方应支付甲方为实现债权而发生的律师费。\n" +
		"第六条 本合同相应条款的解释以中文为准。\n" +
		"第七条 供应商的名单见附件一。\n"
	got := valuesOf(Extract(text, "zh"), KindObligation)
	if want := []string{"应按", "应支付"}; !slices.Equal(got, want) {
		t.Errorf("obligations %q, want %q", got, want)
	}
}

// "four weeks' paid annual leave" and "10 days of paid personal/carer's
// leave" are leave, which an Australian contract writes so; the "paid"
// before it made them payment terms. A Chinese non-compete says 有竞争关系
// of the rival it bans, without 竞业: its period was a payment term.
func TestPaidLeaveAndChineseRivalPeriod(t *testing.T) {
	en := "EMPLOYMENT AGREEMENT\n\n3. Leave\n3.1 The Employee is entitled to four weeks' paid annual leave for each year of service.\n" +
		"3.2 The Employee is entitled to 10 days of paid personal/carer's leave per year.\n"
	got := rolesOf(Extract(en, "en"))
	for _, k := range []string{"four weeks P4W", "10 days P10D"} {
		if got[k] != "leave" {
			t.Errorf("%s: role %q, want leave; all %v", k, got[k], got)
		}
	}
	zh := "劳动合同书\n\n甲方（用人单位）：上海云帆信息技术有限公司\n乙方（劳动者）：王芳\n\n第六条 乙方离职后一年内不得到与甲方有竞争关系的单位就职，甲方按月支付经济补偿。\n"
	if got := rolesOf(Extract(zh, "zh")); got["一年内 P1Y"] != RoleNonCompete {
		t.Errorf("一年内: role %q, want non_compete; all %v", got["一年内 P1Y"], got)
	}
}

// A Chinese labour contract dates its probation inside the term's clause
// (其中试用期自2026年3月1日起至2026年8月31日止): the probation's end is no
// expiration date of the contract, and a register listed two.
func TestChineseProbationEndIsNoExpiry(t *testing.T) {
	text := "劳动合同书\n\n甲方（用人单位）：上海云帆信息技术有限公司\n乙方（劳动者）：王芳\n\n" +
		"第一条 合同期限：本合同为固定期限劳动合同，期限自2026年3月1日起至2029年2月28日止，其中试用期自2026年3月1日起至2026年8月31日止。\n" +
		"第二条 保修期：2026年3月1日至2027年2月28日。\n"
	got := valuesOf(Extract(text, "zh"), KindExpirationDate)
	if !slices.Equal(got, []string{"2029-02-28"}) {
		t.Errorf("expiration dates %q, want [2029-02-28]", got)
	}
}

// A Chinese offer letter asks for its reply by a date (请您于2026年3月10日前
// 签字确认), as an English one does ("Please sign and return ... by"): the
// English deadline was a compliance date, the Chinese a plain date.
func TestChineseReplyDeadline(t *testing.T) {
	text := "录用通知书\n\n尊敬的李明先生：\n\n我公司很高兴地通知您，您已被录用为高级工程师。\n\n" +
		"请您于2026年3月10日前签字确认并回传本通知书。\n\n上海星辰数据科技有限公司\n人力资源部\n2026年3月1日\n"
	if ents := Extract(text, "zh"); !has(ents, KindComplianceDate, "2026年3月10日", "2026-03-10") {
		t.Errorf("no compliance date 2026-03-10: %+v", ents)
	}
}

// A numbered clause on its own line starts a sentence: the heading on
// the line before it ("2. Remuneration") opened the obligation
// "Remuneration 2.1 The Employer must pay ...". A line wrapped before a
// clause reference ("Section\n2.1 of this Agreement") goes on.
func TestClauseLineEndsTheHeadingBefore(t *testing.T) {
	text := "EMPLOYMENT AGREEMENT\n\n2. Remuneration\n2.1 The Employer must pay the Employee a salary of $120,000 per year.\n" +
		"2.2 The Employee must comply with the policies described in Section\n2.1 of the Staff Handbook at all times.\n"
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindObligation {
			got = append(got, e.Text)
		}
	}
	want := []string{"The Employer must pay the Employee a salary of $120,000 per year.",
		"The Employee must comply with the policies described in Section 2.1 of the Staff Handbook at all times."}
	if !slices.Equal(got, want) {
		t.Errorf("obligations %q, want %q", got, want)
	}
}

// A term sentence that ends on a date ("commences on 1 April 2026 and
// ends on 31 March 2029") gave the date as an expiration date, then the
// whole sentence as a second one with the same value.
func TestExpirationDateOnceWhenTermSentenceRepeatsIt(t *testing.T) {
	text := "SERVICES AGREEMENT\n\nThis Agreement is made between Acme Corp and Beta LLC.\n\n1. Term\n" +
		"1.1 This Agreement commences on 1 April 2026 and ends on 31 March 2029.\n"
	ents := Extract(text, "en")
	if got := valuesOf(ents, KindExpirationDate); !slices.Equal(got, []string{"2029-03-31"}) {
		t.Errorf("expiration dates %q (%q), want one, 2029-03-31", got, textsOf(ents, KindExpirationDate))
	}
}

// A name that closes its sentence does not keep the sentence's stop
// ("between Acme Corp and Beta LLC."); an abbreviation's does ("Ltd.",
// "Ltda.", "Inc.").
func TestPartyWithoutSentenceStop(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"SERVICES AGREEMENT\n\nThis Agreement is made on 1 March 2026 between Acme Corp and Beta LLC.\n", "Beta LLC"},
		{"SERVICES AGREEMENT\n\nThis Agreement is made on 1 March 2026 between Acme Corp and Petro Data Services Limited.\n", "Petro Data Services Limited"},
		{"SERVICES AGREEMENT\n\nThis Agreement is made on 1 March 2026 between Acme Corp and Gateway Fabrication Ltd.\n", "Gateway Fabrication Ltd."},
		{"SERVICES AGREEMENT\n\nThis Agreement is made on 1 March 2026 between Acme Corp and Zebra do Brasil Ltda.\n", "Zebra do Brasil Ltda."},
	} {
		var got []string
		for _, e := range Extract(c.text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Text)
			}
		}
		if want := []string{"Acme Corp", c.want}; !slices.Equal(got, want) {
			t.Errorf("%q: parties %q, want %q", c.text, got, want)
		}
	}
}

// A Chinese clause's number ("二、", "3、", "（一）") is where the clause
// sits, as "2.1" is in English: an obligation was listed as
// "二、甲方应按月支付…".
func TestChineseObligationWithoutClauseNumber(t *testing.T) {
	text := "劳动合同\n\n甲方：上海星辰数据科技有限公司\n乙方：李明\n\n二、甲方应按月支付乙方工资人民币20000元。\n" +
		"3、乙方不得泄露甲方的商业秘密。\n（一）甲方应当为乙方缴纳社会保险。\n"
	got := textsOf(Extract(text, "zh"), KindObligation)
	want := []string{"甲方应按月支付乙方工资人民币20000元。", "乙方不得泄露甲方的商业秘密。", "甲方应当为乙方缴纳社会保险。"}
	if !slices.Equal(got, want) {
		t.Errorf("obligations %q, want %q", got, want)
	}
}

// The notice either side gives while the probation lasts is apart from
// the notice period after it: a register's notice column showed the
// probation's one week, the first notice the letter named.
func TestProbationNoticeApartFromNotice(t *testing.T) {
	text := "EMPLOYMENT AGREEMENT\n\nThis Employment Agreement is made on 1 March 2026 between Kestrel Logistics Pty Ltd (Employer) and Daniel Nguyen (Employee).\n\n" +
		"3. Probation\n3.1 The first six months of employment are a probation period. During probation either party may end the employment by giving one week's notice.\n\n" +
		"4. Termination\n4.1 After probation either party may terminate this agreement by giving four weeks' written notice.\n\n" +
		"5. The Employee may resign by giving two weeks' notice in the probationary period.\n"
	got := rolesOf(Extract(text, "en"))
	want := map[string]string{"six months P6M": RoleProbation, "one week P1W": RoleProbationNotice,
		"four weeks P4W": RoleNotice, "two weeks P2W": RoleProbationNotice}
	for k, role := range want {
		if got[k] != role {
			t.Errorf("duration %q: role %q, want %q (all %v)", k, got[k], role, got)
		}
	}
	zh := "劳动合同\n\n甲方：上海星辰数据科技有限公司\n乙方：李明\n\n五、试用期内，乙方提前三日通知甲方，可以解除劳动合同。\n六、乙方提前三十日以书面形式通知甲方，可以解除劳动合同。\n"
	var roles []string
	for _, e := range Extract(zh, "zh") {
		if e.Kind == KindDuration {
			roles = append(roles, e.Text+"="+e.Role)
		}
	}
	if want := []string{"三日=" + RoleProbationNotice, "三十日=" + RoleNotice}; !slices.Equal(roles, want) {
		t.Errorf("Chinese durations %q, want %q", roles, want)
	}
}

// A lease or contract that dates its term instead of counting it ("begins
// on 1 February 2026 and ends on 31 January 2031", "TERM: November 01,
// 2014 to October 31, 2017") gave a register no term length; a further
// term was the term's, not a renewal's. A dated window no period word
// names, and one beside a notice, stay without a length.
func TestDurationsEnglishDateRanges(t *testing.T) {
	text := "RESIDENTIAL LEASE AGREEMENT\n\nThis Lease Agreement is made on 15 January 2026 between Harbour Property Pty Ltd (the \"Landlord\") and Jane Citizen (the \"Tenant\").\n\n" +
		"1. Term. The lease begins on 1 February 2026 and ends on 31 January 2031.\n\n" +
		"2. Option. The Tenant may renew for a further term from 1 February 2031 to 31 January 2033.\n\n" +
		"3. Inspection. The Landlord may inspect the premises from 3 March 2026 to 5 March 2026.\n\n" +
		"4. The Tenant may renew for a further term of two years.\n\n" +
		"5. A default not remedied within a further period of 180 days is a breach.\n"
	got := rolesOf(Extract(text, "en"))
	want := map[string]string{
		"1 February 2026 and ends on 31 January 2031 P5Y": RoleTerm,
		"1 February 2031 to 31 January 2033 P2Y":          RoleRenewal,
		"two years P2Y":                                   RoleRenewal,
		"180 days P180D":                                  RoleCure,
	}
	if !maps.Equal(got, want) {
		t.Errorf("durations %v, want %v", got, want)
	}
	form := "6. TERM: November 01, 2014 to October 31, 2017\n\n7. EFFECT ON PREVIOUS CONTRACTS: none.\n"
	if got := rolesOf(Extract(form, "en")); got["November 01, 2014 to October 31, 2017 P3Y"] != RoleTerm {
		t.Errorf("form's term %v, want P3Y term", got)
	}
}

// A register took the last day of a window to act in (乙方应于…至…交付押金)
// and of a confidentiality period set off by a comma (保密期限三年，自…至…止)
// as the lease's expiration, and the lease's own computed end was then
// left out; the governing-law clause kept its number (第五条).
func TestChineseOtherPeriodsDoNotExpire(t *testing.T) {
	text := "房屋租赁合同\n\n出租方（甲方）：上海星河置业有限公司\n承租方（乙方）：王小明\n\n" +
		"第一条 租赁期限三年，自2026年3月1日起。\n" +
		"第二条 乙方应于2026年4月1日至2026年4月10日交付押金。\n" +
		"第三条 保密期限三年，自2029年3月1日起至2032年3月1日止。\n" +
		"第五条 本合同适用中华人民共和国法律。\n"
	ents := Extract(text, "zh")
	if exp := valuesOf(ents, KindExpirationDate); !slices.Equal(exp, []string{"2029-03-01"}) {
		t.Errorf("expiration dates %q, want only the lease's end 2029-03-01", exp)
	}
	if law := textsOf(ents, KindGoverningLaw); !slices.Equal(law, []string{"本合同适用中华人民共和国法律。"}) {
		t.Errorf("governing law %q, want the clause without its number", law)
	}
	cited := "第五条规定的押金，乙方应当按时交付。\n"
	if got := withoutClauseNumberText(cited); got != cited {
		t.Errorf("a clause cited by its number lost it: %q", got)
	}
}

func withoutClauseNumberText(s string) string {
	out, _ := withoutClauseNumber(s, 0)
	return out
}

// Two parties of a signature block set side by side, which the parsers
// write as a table's cells ("CENTRACK INTERNATIONAL, INC. | I-ON
// INTERACTIVE, INC."), are two parties: the cells were read as one name.
func TestPartiesSignatureCells(t *testing.T) {
	text := "This Agreement is made by and between Centrack International, a Florida corporation, and i-on interactive.\n\n" +
		"CENTRACK INTERNATIONAL, INC. | I-ON INTERACTIVE, INC.\n\nBy: /s/ JOHN J. LOFQUIST | By: /s/ ANNA TALERICO\n\n" +
		"CNET, INC. | Cyberian Outpost\nBy: | /s/ | By: | /s/ Darryl Peck\n"
	got := textsOf(Extract(text, "en"), KindParty)
	for _, p := range got {
		if strings.Contains(p, "|") {
			t.Errorf("parties %q: one holds two cells", got)
		}
	}
	for _, want := range []string{"CENTRACK INTERNATIONAL, INC.", "I-ON INTERACTIVE, INC.", "CNET, INC."} {
		if !slices.Contains(got, want) {
			t.Errorf("parties %q lack %q", got, want)
		}
	}
}

// A preamble whose last party's legal form ends the sentence ("made
// between Acme Ltd and Beta Inc. The Supplier shall ...") ran on into the
// next: the register read a party "Beta Inc. The Supplier".
func TestPartyListEndsAtFormStop(t *testing.T) {
	text := "SERVICES AGREEMENT\n\nThis agreement is made between Acme Ltd and Beta Inc. The Supplier shall indemnify the Customer against all claims. The Customer shall pay each invoice within 30 days.\n"
	if got, want := textsOf(Extract(text, "en"), KindParty), []string{"Acme Ltd", "Beta Inc."}; !slices.Equal(got, want) {
		t.Errorf("parties %q, want %q", got, want)
	}
}

// A renewal dated as a range that ends on February 28 of a leap year is
// as many whole years as its words say: "five year period ... begin on
// March 1, 2027 and end on February 28, 2032" listed a second renewal of
// P1826D beside the P5Y, and the notice beside it must stay a notice.
func TestRenewalRangeEndingFebruary28(t *testing.T) {
	text := "This Agreement shall automatically renew for an additional five year period, which shall begin on March 1, 2027 and end on February 28, 2032, unless either party terminates by providing a written notice ninety (90) days before the end of the then-current term."
	got := rolesOf(Extract(text, "en"))
	want := map[string]string{"five year P5Y": RoleRenewal, "ninety (90) days P90D": RoleNonRenewalNotice}
	if !maps.Equal(got, want) {
		t.Errorf("durations %v, want %v", got, want)
	}
	dated := "This Agreement shall renew for a further period, which shall begin on March 1, 2027 and end on February 28, 2032."
	if got := rolesOf(Extract(dated, "en")); got["March 1, 2027 and end on February 28, 2032 P5Y"] != RoleRenewal {
		t.Errorf("dated renewal %v, want P5Y renewal", got)
	}
	if got, _ := rangeLength("2026-03-01", "2027-02-28"); got != "P1Y" {
		t.Errorf("2026-03-01 to 2027-02-28 is %s, want P1Y", got)
	}
}

// An expiration computed from a start and a length is the start's
// anniversary in both languages (the README's entities section says
// why): "is entered into for a term of three years commencing on" was no
// term sentence, so the English contract had no expiration where the
// Chinese one had 2029-03-01, and a SaaS agreement expired on its first
// renewal ("Thereafter, this Agreement shall automatically renew for
// successive one (1) year periods", 2027-01-15).
func TestComputedTermEndSameInBothLanguages(t *testing.T) {
	en := "This Agreement is entered into for a term of three years commencing on March 1, 2026."
	if got := expirations(en); !slices.Equal(got, []string{"2029-03-01"}) {
		t.Errorf("English expiration %q, want [2029-03-01]", got)
	}
	zh := "房屋租赁合同\n\n甲方（出租方）：上海华星置业有限公司\n乙方（承租方）：北京云启科技有限公司\n\n第一条 合同期限三年，自2026年3月1日起。\n"
	if got := valuesOf(Extract(zh, "zh"), KindExpirationDate); !slices.Equal(got, []string{"2029-03-01"}) {
		t.Errorf("Chinese expiration %q, want [2029-03-01]", got)
	}
	saas := "This Software as a Service Agreement is entered into as of January 15, 2026 (the \"Effective Date\") by and between Nimbus Cloud Systems, Inc. (\"Provider\") and Harbor Logistics LLC (\"Customer\").\n\n" +
		"3. Term. This Agreement is entered into for a term of three years commencing on February 1, 2026. Thereafter, this Agreement shall automatically renew for successive one (1) year periods unless either party gives written notice of non-renewal at least sixty (60) days before the end of the then-current term.\n"
	if got := expirations(saas); !slices.Equal(got, []string{"2029-02-01"}) {
		t.Errorf("SaaS expiration %q, want [2029-02-01]", got)
	}
}

// A lease that states its term as a range in a sentence ("The term of
// this Lease is from 1 February 2026 to 31 January 2031") starts and
// expires on those dates, as the "TERM: from ... to" label does: the
// register had the P5Y term but no commencement or expiry to file.
func TestTermSentenceRangeDates(t *testing.T) {
	text := "COMMERCIAL LEASE AGREEMENT\n\nTHIS LEASE is made on 5 January 2026 between Granite Property Holdings Pty Ltd (the \"Landlord\") and Bluebird Cafe Pty Ltd (the \"Tenant\").\n\n" +
		"2. Term. The term of this Lease is from 1 February 2026 to 31 January 2031.\n\n7. Governing Law. This Lease is governed by the laws of New South Wales.\n"
	ents := Extract(text, "en")
	if got := valuesOf(ents, KindEffectiveDate); !slices.Equal(got, []string{"2026-02-01"}) {
		t.Errorf("effective dates %q, want [2026-02-01]", got)
	}
	if got := valuesOf(ents, KindExpirationDate); !slices.Equal(got, []string{"2031-01-31"}) {
		t.Errorf("expiration dates %q, want [2031-01-31]", got)
	}
}

// A length counted back from a term's end before a notice is the notice
// period: "notice of non-renewal at least sixty (60) days before the end
// of the then-current term" was a renewal, "written notice given ... not
// later than three (3) months before the expiry of the term" and
// 应于租赁期满前三个月书面通知甲方 were terms, so a register filed the
// notice as the contract's length.
// (Since 1.35.0 a notice that stops a renewal has its own role,
// non_renewal_notice; the option's notice to renew stays a notice.)
func TestNoticeBeforeTermEnd(t *testing.T) {
	for text, want := range map[string][2]string{
		"This Agreement shall automatically renew for successive one (1) year periods unless either party gives written notice of non-renewal at least sixty (60) days before the end of the then-current term.":                    {"sixty (60) days P60D", RoleNonRenewalNotice},
		"The Tenant has an option to renew this Lease for a further term of five (5) years, exercisable by written notice given not earlier than six (6) months and not later than three (3) months before the expiry of the term.": {"three (3) months P3M", RoleNotice},
	} {
		if got := rolesOf(Extract(text, "en")); got[want[0]] != want[1] {
			t.Errorf("%q: durations %v, want %s a %s", text, got, want[0], want[1])
		}
	}
	zh := "房屋租赁合同\n\n出租方（甲方）：上海华星置业有限公司\n承租方（乙方）：北京云启科技有限公司\n\n第二条 租赁期限为五年。\n第五条 租赁期满，乙方需继续租赁的，应于租赁期满前三个月书面通知甲方。\n"
	if got := rolesOf(Extract(zh, "zh")); got["三个月 P3M"] != RoleNotice || got["五年 P5Y"] != RoleTerm {
		t.Errorf("Chinese durations %v, want 三个月 a notice and 五年 the term", got)
	}
}

// The last day of a renewal dated in its clause is no expiration of the
// contract: "shall automatically renew for an additional five year
// period, which shall begin on March 1, 2027 and end on February 28,
// 2032" was a second expiration beside the initial term's 2027-03-01. A
// sentence that names the initial term still ends it.
func TestRenewalEndIsNoExpiration(t *testing.T) {
	pre := "This Supply Agreement is made as of February 10, 2022 by and between Redwood Components Inc. (\"Supplier\") and Lakeside Manufacturing Corp. (\"Buyer\").\n\n"
	text := pre + "1. Term. The initial term of this Agreement shall commence on March 1, 2022 and continue for five (5) years.\n\n" +
		"2. Renewal. This Agreement shall automatically renew for an additional five year period, which shall begin on March 1, 2027 and end on February 28, 2032, unless either party terminates by providing a written notice ninety (90) days before the end of the then-current term.\n"
	if got := expirations(text); !slices.Equal(got, []string{"2027-03-01"}) {
		t.Errorf("expirations %q, want only the initial term's 2027-03-01", got)
	}
	initial := pre + "1. Term. The initial term of this Agreement shall end on February 28, 2025, and this Agreement may be renewed by mutual consent.\n"
	if got := expirations(initial); !slices.Contains(got, "2025-02-28") {
		t.Errorf("expirations %q, want the initial term's end 2025-02-28", got)
	}
}

// A Chinese contract's renewal length, which no period word or 共 puts
// before its count: 期满后自动续期一年 and 自动顺延一年 were no durations, and
// 续租期为二年 was a second term, so the register had no renewal.
func TestChineseRenewalLength(t *testing.T) {
	text := "房屋租赁合同\n\n甲方：上海华星置业有限公司\n乙方：北京云启科技有限公司\n\n" +
		"第一条 租赁期限为三年，自2026年3月1日起。期满后本合同自动顺延一年。\n" +
		"第二条 乙方续租的，续租期为二年。\n" +
		"第三条 本合同期满后自动续期六个月。\n"
	got := rolesOf(Extract(text, "zh"))
	want := map[string]string{"三年 P3Y": RoleTerm, "一年 P1Y": RoleRenewal, "二年 P2Y": RoleRenewal, "六个月 P6M": RoleRenewal}
	if !maps.Equal(got, want) {
		t.Errorf("durations %v, want %v", got, want)
	}
}

// A Chinese notice counted back from the term's end in days
// (在期满前三十日书面通知对方) is the notice period: a count of 日 was read
// as a length only after 提前, so the non-renewal notice was missing.
func TestChineseNoticeBeforeEnd(t *testing.T) {
	text := "设备采购合同\n\n买方：杭州云帆科技有限公司\n卖方：无锡恒通设备有限公司\n\n" +
		"第三条 本合同有效期为两年。期满后自动续期一年，除非任何一方在期满前三十日书面通知对方不再续期。\n"
	if got := rolesOf(Extract(text, "zh")); got["三十日 P30D"] != RoleNonRenewalNotice {
		t.Errorf("durations %v, want 三十日 a non-renewal notice", got)
	}
	move := "房屋租赁合同\n\n甲方：上海华星置业有限公司\n乙方：北京云启科技有限公司\n\n第一条 租赁期限为三年。乙方应于租赁期满前三十日搬离。\n"
	if got := rolesOf(Extract(move, "zh")); len(got) != 1 || got["三年 P3Y"] != RoleTerm {
		t.Errorf("durations %v, want only the term: a day to move out by is no length", got)
	}
}

// 质量保证期, the warranty as purchase contracts write it in full, is a
// warranty period, and its dates are no expiration: 质量保证期为十二个月 had no
// role, and 质量保证期自2026年6月1日起至2027年5月31日止 expired the contract.
func TestChineseQualityWarranty(t *testing.T) {
	text := "设备采购合同\n\n买方：杭州云帆科技有限公司\n卖方：无锡恒通设备有限公司\n\n" +
		"第二条 质量保证期为十二个月，自验收合格之日起计算。\n" +
		"第三条 本合同有效期为两年，自2026年4月1日起。\n" +
		"第四条 设备的质量保证期自2026年6月1日起至2027年5月31日止。\n"
	ents := Extract(text, "zh")
	if got := rolesOf(ents); got["十二个月 P12M"] != RoleWarranty {
		t.Errorf("durations %v, want 十二个月 the warranty", got)
	}
	if got := valuesOf(ents, KindExpirationDate); !slices.Equal(got, []string{"2028-04-01"}) {
		t.Errorf("expirations %q, want only the contract's 2028-04-01", got)
	}
}

// An amount measured in time is no duration: "a security deposit equal
// to three months' rent" was a payment period of P3M in a lease whose
// rent is paid monthly, and "six months' base salary" of severance one
// too. "three months' notice" stays a notice.
func TestAmountInMonthsIsNoDuration(t *testing.T) {
	text := "The Tenant shall pay a security deposit equal to three months' rent (AUD 24,000). On termination without cause the Company shall pay the Employee six months’ base salary. Either party may terminate on three months' notice."
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindDuration {
			got = append(got, e.Text+" "+e.Value+" "+e.Role)
		}
	}
	if want := []string{"three months P3M notice"}; !slices.Equal(got, want) {
		t.Errorf("durations %q, want %q", got, want)
	}
}

// A clause's heading on its sentence's line is no part of the governing
// law or duty a register exports: "争议解决 本合同适用中华人民共和国法律。"
// and "付款方式 甲方应于…" kept their headings, as did "争议解决：本合同适用…".
// A space inside a sentence cuts nothing.
func TestChineseClauseHeadingStripped(t *testing.T) {
	text := "买卖合同\n\n甲方：深圳市海川电子有限公司\n乙方：苏州精工机械制造有限公司\n\n" +
		"第二条 付款方式 甲方应于合同签订后十日内支付预付款。\n" +
		"第三条 乙方应当 按时交货。\n" +
		"第七条 争议解决：本合同适用中华人民共和国法律。\n" +
		"第八条 争议解决 本合同适用中华人民共和国法律。\n"
	ents := Extract(text, "zh")
	if law := textsOf(ents, KindGoverningLaw); !slices.Equal(law, []string{"本合同适用中华人民共和国法律。"}) {
		t.Errorf("governing law %q, want the clause without its heading", law)
	}
	duties := textsOf(ents, KindObligation)
	if !slices.Contains(duties, "甲方应于合同签订后十日内支付预付款。") || !slices.Contains(duties, "乙方应当 按时交货。") {
		t.Errorf("obligations %q, want the payment duty without its heading and the delivery duty whole", duties)
	}
}

// A preamble that dates the agreement after its last party ("between Acme
// Corp. and Beta LLC on 1 January 2024. The parties ...") ends that
// party's name at "on": the name ran on into the date and the next
// sentence ("Beta LLC on 1 January 2024. The parties").
func TestPartyEndsBeforeTheDateItSignedOn(t *testing.T) {
	for text, want := range map[string]string{
		"This Agreement is made between Acme Corp. and Beta LLC on 1 January 2024. The parties agree that Beta LLC shall deliver the goods.": "Acme Corp.|Beta LLC",
		"This Agreement is made between Acme Corp. and Jane Smith on the 3rd day of March, 2025, and is effective immediately.":              "Acme Corp.|Jane Smith",
		"This Lease is entered into between Harbour Properties Ltd and Coastline Cafe Pty Ltd on March 3, 2025.":                             "Harbour Properties Ltd|Coastline Cafe Pty Ltd",
	} {
		var got []string
		for _, e := range Extract(text, "en") {
			if e.Kind == KindParty {
				got = append(got, e.Text)
			}
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%.50q: parties %q, want %s", text, got, want)
		}
	}
}

// A contract that opens with a key-details table names its parties by role
// ("Supplier: ..., a company registered in England (No. ...)", "Customer:
// ..., a Delaware corporation"): the description made the supplier's line
// no name, and "Customer" was no label, so it listed no party at all.
func TestKeyDetailsTableParties(t *testing.T) {
	text := "MASTER SERVICES AGREEMENT\n\nKey Details\n\n" +
		"Supplier: Northwind Cloud Services Limited, a company registered in England (No. 08123456)\n" +
		"Customer: Blue Harbor Retail Inc., a Delaware corporation\nEffective Date: 1 March 2026\n\n" +
		"1. SERVICES\n1.1 The Supplier shall provide the Services described in Schedule 1 to the Customer.\n"
	var got []string
	for _, e := range Extract(text, "en") {
		if e.Kind == KindParty {
			got = append(got, e.Text+"/"+e.Value)
		}
	}
	if want := []string{"Northwind Cloud Services Limited/Supplier", "Blue Harbor Retail Inc./Customer"}; !slices.Equal(got, want) {
		t.Errorf("parties %q, want %q", got, want)
	}
}

// Each line of a key-details table is its own fact: joined, the expiration
// computed from "Initial Term: 24 months" quoted the next line too
// ("Initial Term: 24 months Governing Law: England and Wales").
func TestKeyDetailsLinesAreSeparateFacts(t *testing.T) {
	text := "SUPPLY AGREEMENT\n\nKey Details\n\nEffective Date: 1 March 2026\nInitial Term: 24 months\n" +
		"Governing Law: England and Wales\n\n1. SUPPLY\n1.1 The Supplier shall supply the Goods.\n"
	ents := Extract(text, "en")
	if got := textsOf(ents, KindExpirationDate); !slices.Equal(got, []string{"Initial Term: 24 months"}) || !has(ents, KindExpirationDate, "", "2028-03-01") {
		t.Errorf("expiration %q, want 2028-03-01 quoting its own line: %+v", got, ents)
	}
	// a sentence wrapped over lines stays one
	wrapped := "The Customer shall pay the Fees within thirty days of the date of\nInvoice: the Supplier may charge interest.\n"
	if got := sentences(wrapped); len(got) != 1 {
		t.Errorf("a wrapped sentence split: %+v", got)
	}
}

// A Chinese share of a sum (合同总价的百分之五十, 年度营业额的4%) is a
// percentage, as "50% of the Contract Price" is, and a liability capped
// at a share of a sum gives that share the cap's role: such a cap was no
// entity at all in Chinese, and a percentage without its role in English.
func TestShareOfSumPercentages(t *testing.T) {
	for text, want := range map[string]string{
		"第九条 乙方累计赔偿责任不超过合同总价的百分之五十。":                                            "50%/" + RoleLiabilityCap,
		"违约方应按年度营业额的4%向守约方支付违约金。":                                               "4%/",
		"逾期付款的，每日按应付金额的千分之五支付违约金。":                                              "0.5%/",
		"The Supplier's total liability shall not exceed 50% of the Fees paid.": "50%/" + RoleLiabilityCap,
		"The Customer shall pay a deposit equal to 10% of the Price.":           "10%/",
	} {
		var got []string
		for _, e := range Extract(text, "") {
			if e.Kind == KindPercentage {
				got = append(got, e.Value+"/"+e.Role)
			}
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("%s: percentages %q, want %s", text, got, want)
		}
	}
}

// A notice that stops a term renewing is the non-renewal notice, apart
// from the notice that ends a contract early; a notice asking to renew is
// no non-renewal notice. Both kinds had been "notice".
func TestNonRenewalNotice(t *testing.T) {
	for text, want := range map[string][]string{
		"3. Either party may give notice of non-renewal at least 60 days before the end of the term. Either party may terminate for convenience on 120 days' written notice.":  {"60 days=" + RoleNonRenewalNotice, "120 days=" + RoleNotice},
		"This Agreement renews automatically for successive one-year terms unless either party gives written notice at least 90 days before the end of the then-current term.": {"90 days=" + RoleNonRenewalNotice},
		"The Tenant may renew this Lease for a further term by giving the Landlord written notice at least 6 months before the end of the Term.":                               {"6 months=" + RoleNotice},
		"租赁期满前三十日内双方未提出异议的，合同自动续期一年。":                                                                                                                                          {"三十日内=" + RoleNonRenewalNotice},
		"乙方如需续租，应于租赁期满前三个月书面通知甲方。":                                                                                                                                             {"三个月=" + RoleNotice},
	} {
		var got []string
		for _, e := range Extract(text, "") {
			if e.Kind == KindDuration && e.Role != RoleRenewal && e.Role != RoleTerm {
				got = append(got, e.Text+"="+e.Role)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%.50s: durations %q, want %q", text, got, want)
		}
	}
}
