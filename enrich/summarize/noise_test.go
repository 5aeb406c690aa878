package summarize

import (
	"os"
	"strings"
	"testing"

	"github.com/docmill/docmill/lang"
)

func TestNonProse(t *testing.T) {
	footer := "Source: VNUE, INC., 8-K, 9/14/2015"
	units := []string{
		"The Supplier shall deliver the goods within thirty days of each order.", // prose
		"THIS AGREEMENT IS GOVERNED BY THE LAWS OF THE STATE OF NEW YORK.",       // a clause in capitals is prose
		"NOW, THEREFORE, the parties agree as follows:",                          // lead-in
		"5. RIGHTS GRANTED:", // heading
		"By:      /s/ Richard S. Eiswirth            By:       /s/ Kevin Tweddle", // signatures
		"Name: Richard Roe Title: Chief Financial Officer Date: May 1, 2020",      // form fields
		"THE BANKERS BANK, a Georgia                         banking corporation", // layout gap
		"Table of Contents ........ 4",                                            // dot leaders
		"IN WITNESS WHEREOF, the parties have executed this Agreement.",           // execution formula
		"CLIENT BOSCH BOSCH INTERNATIONAL, LLC 3753 Howard Hughes Pkwy.",          // name and address block
		footer, "Either party may terminate on notice.", footer, footer, // a repeated page footer
		"数据处理者应当采取必要措施保障数据安全。",                                                        // Chinese prose: no case, never a name block
		"Ability to Perform Services/Third-Party Trade Secrets.",                      // heading in title case
		"Limitation of Liability",                                                     // heading in title case
		"Payment Terms apply to every order.",                                         // prose with capitalised words
		"GOVERNING LAW. New York law governs this Agreement.",                         // prose after a heading in capitals
		"(k) “Force Majeure Event” shall have the meaning set forth in Section 8.03.", // a definition
		"\"Territory\" means the United States and Canada.",                           // a definition
		"The \"Territory\" means nothing here: the Supplier ships worldwide.",         // prose quoting a term
		"Section 2: Commercial communications",                                        // a labelled heading glued to the part before
		"CHAPTER II — PRINCIPLES",                                                     // a labelled heading
		"Article 5 applies to every provider of a hosting service.",                   // prose citing an article
		"Done at Brussels, 23 October 2019.",                                          // an EU act's closing formula
		"This Regulation shall be binding in its entirety and directly applicable in all Member States.",
		"(*1) Directive (EU) 2015/2366 of the European Parliament (OJ L 337, 23.12.2015, p. 35).", // an OJ footnote
		"This Regulation lays down rules on the re-use of data held by public bodies.",            // prose
		"[*] = CERTAIN CONFIDENTIAL INFORMATION CONTAINED IN THIS DOCUMENT, MARKED BY BRACKETS, HAS BEEN OMITTED AND FILED SEPARATELY WITH THE SECURITIES AND EXCHANGE COMMISSION.", // the SEC legend
		"For the European Parliament The President M. SCHULZ For the Council The President J.A. HENNIS",                                                                             // an EU act's signatures
		"Article 99 Entry into force and application.",                               // an article's number and title
		"We know patients want answers fast,” said CEO Anna Berg.",                   // a quotation's second half
		"“We built this app with doctors,” said CEO Anna Berg.",                      // a whole quotation is prose
		"The results, he said, were good.",                                           // no quotation
		"How to contact us",                                                          // a closing heading in sentence case, the text's last unit
		"1.3 \"Major Release\" means a release that adds features.",                  // a numbered definition
		"17 8.9 Entirety of Agreement, Amendments 17 8.10 Waivers. 18 8.11 Notices.", // a table of contents
		"Sections 8.9, 8.10 and 8.11 survive termination of this Agreement.",         // prose citing clauses
	}
	want := []bool{false, false, true, true, true, true, true, true, true, true, true, false, true, true, false, true, true, false, false,
		true, true, false, true, true, false, true, true, true, false, true, true, true, true, false, false, true, true, true, false}
	got := NonProse(units)
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
	if all := NonProse([]string{"Name: A Title: B", "Name: C Title: D"}); all[0] || all[1] {
		t.Errorf("every unit marked must mean none is: %v", all)
	}
}

// A signature block scored highest is still not chosen, and the budget
// left over is not filled with it either.
func TestSelectSkipsNonProse(t *testing.T) {
	s := []string{
		"The Licensee shall pay a royalty of five percent of net sales each quarter.",
		"By:      /s/ Richard S. Eiswirth            By:       /s/ Kevin Tweddle",
		"Either party may terminate this Agreement on ninety days written notice.",
		"Name: Richard Roe Title: Chief Financial Officer Date: May 1, 2020",
	}
	got := Select(s, []float64{0.5, 1, 0.4, 0.9}, Options{MaxChars: 300})
	if strings.Contains(got, "/s/") || strings.Contains(got, "Name:") || !strings.Contains(got, "royalty") || !strings.Contains(got, "terminate") {
		t.Fatalf("summary %q", got)
	}
}

// Headings in capitals or numbered, publishers' notices and contact lines
// are no summary sentences; short prose is.
func TestHeadingsAndNotices(t *testing.T) {
	for u, want := range map[string]bool{
		"8.1 DISCLAIMER OF WARRANTIES.": true,
		"11. TERM AND TERMINATION":      true,
		"6. Use of Service.":            true,
		"5. Non-Competition.":           true,
		"Source: EUR-Lex, © European Union. Only the EUR-Lex text is authentic.": true,
		"CERTAIN IDENTIFIED INFORMATION HAS BEEN OMITTED FROM THIS EXHIBIT.":     true,
		"Royalties of [***] percent apply.":                                      true,
		"561.394.9484 o 561.394-9773 fax 1733 avenida del sol, boca raton":       true,
		"844.KEY.CURE | www.kiromic.com PAGE 5 phone 713-555-0100":               true,
		"THE SUPPLIER SHALL DELIVER THE GOODS WITHIN THIRTY DAYS OF EACH ORDER.": false,
		"The Supplier shall deliver the goods.":                                  false,
		"3. Either party may terminate on notice.":                               false,
		"Call 800-555-0199 to cancel.":                                           false,
	} {
		if got := heading(u) || notice(u); got != want {
			t.Errorf("%q: non-prose %v, want %v", u, got, want)
		}
	}
}

// Layout that extraction leaves in the text is no summary: signature-page
// placeholders, bullet runs, tables of contents; a page footer glued to a
// sentence is taken out of it.
func TestNoiseFromExtraction(t *testing.T) {
	units := []string{
		"[Signature Page to Follow]",
		"• • • • ◦ Net 30 on product sales.",
		"REMEDIES 12.1 By M&I 12.2 By Customer 12.3 Remedies 13.",
		"The Supplier shall deliver the goods within thirty days of each order.",
		"Each party may terminate under Sections 12.1, 12.2 and 12.3 on notice.",
	}
	skip := NonProse(units)
	for i, want := range []bool{true, true, true, false, false} {
		if skip[i] != want {
			t.Errorf("NonProse(%q) = %v, want %v", units[i], skip[i], want)
		}
	}
	if got := withoutFooters("The fees are due monthly. Global Maintenance Agreement Page 6/9"); got != "The fees are due monthly. Global Maintenance Agreement" {
		t.Errorf("footer: %q", got)
	}
}

// A short line without a closing stop, followed by more text, is a
// heading in sentence case; the last line of a text is not judged so.
func TestUnstoppedHeadings(t *testing.T) {
	units := []string{
		"Regulation (EU) 2016/679 (GDPR)",
		"Notification of a personal data breach to the supervisory authority",
		"In the case of a personal data breach, the controller shall notify the supervisory authority.",
		"The processor shall notify the controller without undue delay",
	}
	skip := NonProse(units)
	for i, want := range []bool{true, true, false, false} {
		if skip[i] != want {
			t.Errorf("NonProse(%q) = %v, want %v", units[i], skip[i], want)
		}
	}
}

// Chinese contracts' signature lines, contact fields and bare clause
// headings are no summary material; their clauses are.
func TestChineseNonProse(t *testing.T) {
	for u, want := range map[string]bool{
		"乙方（盖章）：上海智联软件股份有限公司":              true,
		"僱主簽署：＿＿＿＿＿＿ 僱員簽署：＿＿＿＿＿＿":          true,
		"地址：北京市海淀区中关村大街1号 电话：010-12345678": true,
		"法定代表人：张三":          true,
		"第六条 保密义务 第七条 违约责任": true,
		"第一章 总则":            true,
		"2024年9月20日":        true,
		"二〇二四年三月十五日":        true,
		"中華民國一一三年九月二十日":     true,
		"2024年9月20日起施行。":    false,
		"第三条 合同价款 本合同总价款为人民币壹佰贰拾万元整。":      false,
		"甲方应于本合同签订后10个工作日内向乙方支付合同总价款的30%。": false,
		"双方应在签字盖章之日起三十日内完成交付。":             false,
	} {
		// with a prose unit beside it, so that not every unit is marked
		if got := NonProse([]string{u, "本合同自签订之日起生效。"})[0]; got != want {
			t.Errorf("%q: non-prose %v, want %v", u, got, want)
		}
	}
}

// A notice's dateline under its issuer is no sentence of its summary.
func TestChineseDatelineLeftOut(t *testing.T) {
	got := Summarize([]string{"关于2024年国庆节放假安排的通知", "10月1日至10月7日放假调休，共7天。", "各部门应妥善安排好节日期间的值班和安全保卫工作。",
		"特此通知。", "行政人事部", "2024年9月20日"}, Options{MaxChars: 240, Language: "zh"})
	if strings.Contains(got, "2024年9月20日") {
		t.Errorf("summary %q", got)
	}
	got = Summarize([]string{"關於辦理資訊安全教育訓練之公告", "全體員工每年應完成至少三小時之資訊安全教育訓練。", "未於期限內完成訓練者，將列入年度考核參考。",
		"特此公告。", "資訊安全室", "中華民國一一三年九月二十日"}, Options{MaxChars: 240, Language: "zh"})
	if strings.Contains(got, "中華民國") {
		t.Errorf("summary %q", got)
	}
}

// A notice's document number on its own line is no sentence of its
// summary: "沪人社规〔2024〕12号" opened one (QA qa-zh4).
func TestChineseDocNumberLeftOut(t *testing.T) {
	for _, number := range []string{"沪人社规〔2024〕12号", "国办发[2023]5号", "京政发（2024）第3号"} {
		got := Summarize([]string{"上海市人力资源和社会保障局关于调整2024年本市最低工资标准的通知", number,
			"一、从2024年7月1日起，本市月最低工资标准从2590元调整为2690元。", "二、用人单位应当按照本通知规定，及时调整本单位职工工资。",
			"上海市人力资源和社会保障局", "2024年6月20日"}, Options{MaxChars: 240, Language: "zh"})
		if strings.Contains(got, number) || !strings.Contains(got, "2690元") {
			t.Errorf("summary %q", got)
		}
	}
}

func TestWithoutGluedHeading(t *testing.T) {
	for in, want := range map[string]string{
		"Section 2: User content You keep ownership of your photos.":        "You keep ownership of your photos.",
		"Section 3: Payments We charge fees monthly.":                       "We charge fees monthly.",
		"Section 3: Payment Terms Apply to every order.":                    "Section 3: Payment Terms Apply to every order.",
		"Article 5 applies to every provider.":                              "Article 5 applies to every provider.",
		"Section 2: Commercial communications":                              "Section 2: Commercial communications",
		"Section 10.1 of the Agreement is hereby deleted.":                  "Section 10.1 of the Agreement is hereby deleted.",
		"Section 4.2 of the Agreement is amended so that the fee is lower.": "Section 4.2 of the Agreement is amended so that the fee is lower.",
		"Section 4.2: Fees The Client pays monthly.":                        "The Client pays monthly.",
	} {
		if got := withoutGluedHeading(in); got != want {
			t.Errorf("withoutGluedHeading(%q) = %q, want %q", in, got, want)
		}
	}
}

// A Chinese contract's title, its form fields and its numbered headings
// are no summary sentences (9 of 9 Chinese summaries opened with them).
func TestChineseFieldsAndHeadingsAreNoProse(t *testing.T) {
	units := []string{"房屋租赁合同", "出租方（甲方）：北京华庭置业有限公司", "签订日期：2025年2月20日", "四、社会保险", "第二条 租赁期限",
		"甲方应保证房屋及其附属设施处于正常可使用状态。", "月租金为人民币捌万元整（¥80,000.00），按季度支付。", "本合同适用中华人民共和国法律：双方同意。"}
	np := NonProse(units)
	for i, u := range units {
		if want := i < 5; np[i] != want {
			t.Errorf("NonProse(%q) = %v, want %v", u, np[i], want)
		}
	}
	got := Summarize([]string{"房屋租赁合同", "出租方（甲方）：北京华庭置业有限公司", "根据《中华人民共和国民法典》的规定，甲乙双方订立本合同。",
		"月租金为人民币捌万元整，按季度支付。", "签订日期：2025年2月20日"}, Options{MaxChars: 200, Language: "zh"})
	if strings.Contains(got, "房屋租赁合同") || strings.Contains(got, "出租方") || strings.Contains(got, "签订日期") {
		t.Errorf("summary %q", got)
	}
}

// The heading of an act's next part, in capitals after an article's last
// sentence, is no summary (it was one article's whole summary).
func TestCapsPartHeading(t *testing.T) {
	for u, want := range map[string]bool{
		"TITLE II ENISA (THE EUROPEAN UNION AGENCY FOR CYBERSECURITY)":   true,
		"CHAPTER III PRACTICES OF GATEKEEPERS THAT LIMIT CONTESTABILITY": true,
		"TITLE II of this Regulation applies to ENISA.":                  false,
	} {
		if got := heading(u); got != want {
			t.Errorf("heading(%q) = %v", u, got)
		}
	}
}

// A Chinese text's opening line that ends no sentence is its title, which
// all five Chinese abstracts' summaries opened with.
func TestChineseTitleLineNoProse(t *testing.T) {
	units := []string{"论网络监控取证的法律规制", "网络监控是当前司法实践中一种全新的取证措施,在世界范围内得到了广泛运用.", "取证程序包含三个阶段"}
	if np := NonProse(units); !np[0] || np[1] {
		t.Errorf("NonProse %v", np)
	}
}

// Signature blocks and a letter's closing are no summary sentences.
func TestSignatureBlocksNoProse(t *testing.T) {
	units := []string{"For and on behalf of KPN Telecom B.V. For and on behalf of Singapore Telecom.", "THE VÄRDE FUND VI-A, L.P. By: Värde Investment Partners",
		"Signed by Margaret Hughes, director, for Kestrel Advisory LLP.", "Yours sincerely,", "The Supplier shall deliver the goods by 1 May 2024."}
	np := NonProse(units)
	for i, u := range units {
		if want := i < 4; np[i] != want {
			t.Errorf("NonProse(%q) = %v", u, np[i])
		}
	}
}

// A table's row, a header of fields, a list of key words, an acceptance
// formula and a short question are no sentences of a summary.
func TestRowsKeywordLinesAndAcceptance(t *testing.T) {
	for u, want := range map[string]bool{
		"Effective 1 January 2025 | Owner: People Team | Applies to all employees in the UK": true,
		"Cookie | Purpose | Duration finlo_session | Keeps you logged in | Session":          true,
		"Keywords: speech recognition, mixture of experts, low-resource languages":           true,
		"Accepted and agreed: CloudLedger, Inc.":                                             true,
		"The fee is payable monthly | in arrears.":                                           false,
		"Customers accepted and agreed to the new fees in 2024.":                             false,
		"How long does the battery last?":                                                    true,
		"What information do we collect?":                                                    true,
		"我们如何收集您的个人信息？":                                                                      true,
	} {
		if got := NonProse([]string{u, "The Customer shall pay the fees within thirty days."})[0]; got != want {
			t.Errorf("%q: non-prose %v, want %v", u, got, want)
		}
	}
}

// An EU act's long title ("Regulation (EU) 2016/679 of the European
// Parliament and of the Council of 27 April 2016 on ... (General Data
// Protection Regulation)") is too long for a headline and opened the
// summary of GDPR's Article 83; a CFR section's source note ("[13 FR
// 8183, Dec. 22, 1948, as amended at ...]") was a summary sentence of 17
// CFR 240.10b-5 (QA qa-regs). Prose that cites an act stays prose.
func TestActTitleAndSourceNoteAreNoProse(t *testing.T) {
	units := []string{
		"Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016 on the protection of natural persons with regard to the processing of personal data and on the free movement of such data (General Data Protection Regulation)",
		"Directive (EU) 2022/2555 of the European Parliament and of the Council of 14 December 2022 on measures for a high common level of cybersecurity across the Union",
		"[13 FR 8183, Dec. 22, 1948, as amended at 16 FR 7928, Aug. 11, 1951]",
		"[85 FR 63764, Oct. 8, 2020]",
		"Administrative fines shall be imposed in addition to, or instead of, the measures referred to in Article 58(2).",
		"Regulation (EU) 2016/679 of the European Parliament and of the Council applies to the processing of personal data by the controller.",
		"The Commission relied on 13 FR 8183 when it adopted the rule in 1948.",
	}
	want := []bool{true, true, true, true, false, false, false}
	got := NonProse(units)
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
}

// A Chinese law spaces its chapter headings with ideographic spaces
// ("第一章　总　　则"), which Go's \s does not match: the heading was no
// heading, and opened the summary of the Personal Information Protection
// Law (QA qa-regs).
func TestChineseHeadingWithIdeographicSpaces(t *testing.T) {
	units := []string{"中华人民共和国个人信息保护法", "第一章\u3000总\u3000\u3000则", "第五章 个人信息处理者的义务", "第一条\u3000为了保护个人信息权益，规范个人信息处理活动，制定本法。"}
	np := NonProse(units)
	for i, want := range []bool{true, true, true, false} {
		if np[i] != want {
			t.Errorf("NonProse(%q) = %v, want %v", units[i], np[i], want)
		}
	}
	got := Summarize([]string{"中华人民共和国个人信息保护法", "第一章\u3000总\u3000\u3000则", "第一条\u3000为了保护个人信息权益，规范个人信息处理活动，促进个人信息合理利用，根据宪法，制定本法。",
		"第二十三条\u3000个人信息处理者向其他个人信息处理者提供其处理的个人信息的，应当向个人告知接收方的名称或者姓名、联系方式、处理目的、处理方式和个人信息的种类，并取得个人的单独同意。"},
		Options{MaxChars: 240, Language: "zh"})
	if strings.Contains(got, "总") {
		t.Errorf("summary %q holds the chapter heading", got)
	}
}

// A CFR section's heading, its number after "§" and its title, is no
// sentence of the summary; a sentence that cites a section is (QA
// qa-regs2).
func TestSectionSignHeadings(t *testing.T) {
	units := []string{
		"§ 164.502 Uses and disclosures of protected health information: General rules.",
		"§ 314.1 Purpose and scope.",
		"A covered entity or business associate may not use or disclose protected health information, except as permitted by this subpart.",
		"§ 164.502 applies to every covered entity and business associate that holds protected health information.",
	}
	got := NonProse(units)
	want := []bool{true, true, false, false}
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
}

// A summary's units do not end at Singapore's "(Cap. 186)": the MAS
// notice's summary opened "... Monetary Authority of Singapore Act (Cap."
// (QA qa-regs2).
func TestUnitsKeepCapChapter(t *testing.T) {
	s := "This Notice is issued pursuant to section 27B of the Monetary Authority of Singapore Act (Cap. 186) and applies to all banks in Singapore."
	if got := Units([]string{s}, "en"); len(got) != 1 {
		t.Errorf("units %q, want the sentence whole", got)
	}
}

// A summary's units do not end at an abbreviation in brackets: a
// company's register number "(No. 08123456)" cut the summary's first
// sentence at "(No.".
func TestUnitsKeepBracketedAbbreviations(t *testing.T) {
	for _, s := range []string{
		"Supplier: Northwind Cloud Services Limited, a company registered in England (No. 08123456) supplies the Services.",
		"The notice (Ref. 2026/14) was served on the Tenant.",
	} {
		if got := Units([]string{s}, "en"); len(got) != 1 {
			t.Errorf("units %q, want the sentence whole", got)
		}
	}
}

// A CFR paragraph's heading ("(1)(i) Standard: Security management
// process.", "(A) Risk analysis (Required).") is no sentence of the
// summary, which opens with a rule sentence; a paragraph's rule after its
// designation is one (QA qa-regs3).
func TestCFRParagraphHeadings(t *testing.T) {
	units := []string{
		"(1)(i) Standard: Security management process.",
		"(b) Standard: Minimum necessary.",
		"(ii) Implementation specification: Risk analysis.",
		"(A) Risk analysis (Required).",
		"(D) Information system activity review (Required).",
		"(iii) Encryption and decryption (Addressable).",
		"(a) A covered entity or business associate may not use or disclose protected health information.",
		"(B) Implement security measures sufficient to reduce risks and vulnerabilities to a reasonable level.",
		"(2) The standard applies to every covered entity.",
	}
	got := NonProse(units)
	want := []bool{true, true, true, true, true, true, false, false, false}
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
	sentences := lang.Sentences(hipaa164308, "en")
	for _, n := range []int{150, 300, 400, 600} {
		got := Summarize(sentences, Options{MaxChars: n, Language: "en"})
		if strings.Contains(got, "Standard:") || strings.Contains(got, "(Required)") || strings.HasPrefix(got, "(") {
			t.Errorf("summary in %d characters holds a paragraph heading: %q", n, got)
		}
	}
}

// hipaa164308 is the opening of 45 CFR 164.308 as eCFR prints it.
const hipaa164308 = `§ 164.308 Administrative safeguards.

(a) A covered entity or business associate must, in accordance with § 164.306:

(1)(i) Standard: Security management process. Implement policies and procedures to prevent, detect, contain, and correct security violations.

(ii) Implementation specifications:

(A) Risk analysis (Required). Conduct an accurate and thorough assessment of the potential risks and vulnerabilities to the confidentiality, integrity, and availability of electronic protected health information held by the covered entity or business associate.

(B) Risk management (Required). Implement security measures sufficient to reduce risks and vulnerabilities to a reasonable and appropriate level to comply with § 164.306(a).

(C) Sanction policy (Required). Apply appropriate sanctions against workforce members who fail to comply with the security policies and procedures of the covered entity or business associate.

(D) Information system activity review (Required). Implement procedures to regularly review records of information system activity, such as audit logs, access reports, and security incident tracking reports.

(2) Standard: Assigned security responsibility. Identify the security official who is responsible for the development and implementation of the policies and procedures required by this subpart for the covered entity or business associate.

(3)(i) Standard: Workforce security. Implement policies and procedures to ensure that all members of its workforce have appropriate access to electronic protected health information, as provided under paragraph (a)(4) of this section, and to prevent those workforce members who do not have access under paragraph (a)(4) of this section from obtaining access to electronic protected health information.
`

// A CFR paragraph's heading in other words than "Standard:" ("(2) Minimum
// necessary does not apply.") is no summary content: it closed the
// summary of 45 CFR 164.502 as if it were the rule. A list's short items,
// each with its own designation, stay prose (QA qa-regs4).
func TestCFRParagraphCaptions(t *testing.T) {
	units := []string{
		"(b) Standard: Minimum necessary.",
		"(1) Minimum necessary applies.",
		"When using or disclosing protected health information, a covered entity must make reasonable efforts to limit protected health information to the minimum necessary.",
		"(2) Minimum necessary does not apply.",
		"This requirement does not apply to disclosures to or requests by a health care provider for treatment.",
		"(c) Protection of records to enable their accurate and ready retrieval.",
		"(d) Limiting system access to authorized individuals.",
		"(e) Use of secure, computer-generated, time-stamped audit trails.",
	}
	got := NonProse(units)
	want := []bool{true, true, false, true, false, false, false, false}
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
	b, err := os.ReadFile("../classify/testdata/regulations/hipaa_164_502.txt")
	if err != nil {
		t.Fatal(err)
	}
	sentences := lang.Sentences(string(b), "en")
	for _, n := range []int{300, 400, 600} {
		got := Summarize(sentences, Options{MaxChars: n, Language: "en"})
		if strings.Contains(got, "Minimum necessary does not apply") || strings.Contains(got, "Minimum necessary applies") {
			t.Errorf("summary in %d characters holds a paragraph heading: %q", n, got)
		}
	}
}

// A two-column table's rows and a policy's script, as an HTML page's
// <table> and <pre> are parsed, are no summary sentences; prose with a
// bar, an amount or a placeholder is.
func TestNonProseTablesAndCode(t *testing.T) {
	units := []string{
		"本政策适用于北京星河科技有限公司及其子公司的全体员工。", // prose
		"类别 | 保存期限",                                        // a two-column row
		"劳动合同 | 三年",                                        // a two-column row
		"Effective Date | 1 March 2026",                    // a two-column row
		"Services | The Supplier shall host the platform.", // a row that is a sentence
		"#!/bin/sh # purge records older than the retention period find /archive -type f -mtime +2555 \\ -exec shred -u {} \\;", // a script
		"if (x == 1) { return y; }", // code
		"The Customer shall pay $5,000, $7,500 and $10,000 on the dates in Schedule #2.", // prose with amounts
		"Fill in <Customer Name> before signing and/or sending the form.",                // prose with a placeholder
	}
	want := []bool{false, true, true, true, false, true, true, false, false}
	got := NonProse(units)
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
}

// A UK, Irish or Australian agreement's interpretation formula and its
// definitions laid out without quotes are no prose: "The definitions in
// this clause apply in this agreement." was a services agreement's
// summary's second sentence, "Goods: the structural steel beams ..." a
// supply agreement's.
func TestUKDefinitionsAreNoProse(t *testing.T) {
	units := []string{
		"1.1 The definitions in this clause apply in this agreement.",
		"The definitions and rules of interpretation in this clause apply in this lease.",
		"In this Agreement the following words and expressions shall have the following meanings unless the context otherwise requires.",
		"In this agreement, unless the context otherwise requires: Services means the geological mapping services described in Schedule 1.",
		"Goods: the structural steel beams and fabricated components set out in the Order.",
		"Term: 10 years from and including the date of this lease.",
		"Consideration: £4,750,000.",
		"Business Day: a day other than a Saturday, Sunday or public holiday in England.",
		"Services means the data analytics services described in Schedule 1.",
		// prose
		"The Supplier shall supply the Services to the Customer from the Commencement Date.",
		"This means that the Customer pays monthly.",
		"Note: the fee is due on signature.",
		"The definitions of quality in the industry vary widely.",
		"In this agreement the Supplier promises to deliver the goods on time.",
	}
	want := []bool{true, true, true, true, true, true, true, true, true, false, false, false, false, false}
	got := NonProse(units)
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
}

// An execution clause is a signature block, not prose: "Executed by
// Southern Cross Mining Pty Ltd ACN 123 456 789 in accordance with section
// 127 of the Corporations Act 2001 (Cth)" closed an Australian
// agreement's summary.
func TestExecutionClausesAreNoProse(t *testing.T) {
	units := []string{
		"Executed by Southern Cross Mining Pty Ltd ACN 123 456 789 in accordance with section 127 of the Corporations Act 2001 (Cth)",
		"Executed as an agreement.",
		"Executed as a deed by WESTMINSTER ESTATES LIMITED acting by a director, in the presence of a witness.",
		"Signed by ANNA LEWIS acting by a director in the presence of a witness.",
		// prose
		"The Consultant shall perform the Services with due care and skill.",
		"Executed documents must be returned to the Company within 10 days.",
	}
	want := []bool{true, true, true, true, false, false}
	got := NonProse(units)
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
}

// A US regulation's authority and source notes are no summary sentences:
// GLBA's summary opened "Source: 65 FR 33677, May 24, 2000, unless
// otherwise noted." and HIPAA's "L. 104-191, 110 Stat.", a piece of its
// authority note cut at "Pub." (QA qa-keys2).
func TestCitationNotesAreNoSummary(t *testing.T) {
	text := "PART 313—PRIVACY OF CONSUMER FINANCIAL INFORMATION\n\n" +
		"Authority: 42 U.S.C. 1302(a); 42 U.S.C. 1320d-1320d-9; sec. 264, Pub. L. 104-191, 110 Stat. 2033-2034 (42 U.S.C. 1320d-2(note)).\n\n" +
		"Source: 65 FR 33677, May 24, 2000, unless otherwise noted.\n\n" +
		"§ 313.1 Purpose and scope.\n(a) Purpose. This part governs the treatment of nonpublic personal information about consumers by financial institutions. " +
		"This part requires a financial institution to provide notice to customers about its privacy policies and practices.\n\n" +
		"§ 313.10 Limitation on disclosure.\nA financial institution may not disclose nonpublic personal information about a consumer to a nonaffiliated third party " +
		"unless it has provided the consumer an initial notice and an opt out notice under 15 U.S.C. 6802."
	got := Summarize(lang.Sentences(text, "en"), Options{MaxChars: 400, Language: "en"})
	for _, bad := range []string{"Source:", "Authority:", "Stat.", "FR 33677", "Pub."} {
		if strings.Contains(got, bad) {
			t.Errorf("summary holds the note's %q: %q", bad, got)
		}
	}
	if !strings.Contains(got, "nonpublic personal information") {
		t.Errorf("summary lacks the rule: %q", got)
	}
	if NonProse([]string{"A financial institution may not disclose nonpublic personal information under 15 U.S.C. 6802 unless the consumer agrees.", "x"})[0] {
		t.Error("a rule that cites the Code is marked as a note")
	}
}

// A footnote at a page's foot is no sentence of the body: "12 See the
// FCA's Finalised Guidance ..." and "∗ Formerly Northwind Hosting Inc."
// reached a regulator's guidance's and a contract's summaries. A clause
// numbered without a stop, and prose that cites a note, stay; a mark set
// against a party's name is taken off the sentence that names it.
func TestFootnotesAreNoProse(t *testing.T) {
	units := []string{
		"12 See the FCA's Finalised Guidance FG16/5 on outsourcing to the cloud and other third-party IT services.",
		"3 Cf. Article 28 of the Regulation on the processors' obligations.",
		"4 Available at https://www.eba.europa.eu/guidelines.",
		"∗ Formerly Northwind Hosting Inc.",
		"† Acting through its London branch.",
		"12 The Supplier shall keep the Customer Data in the United Kingdom.",
		"See the FCA's guidance on outsourcing for the regulator's expectations of firms.",
		"Firms should notify the regulator before entering into a material outsourcing arrangement.",
	}
	want := []bool{true, true, true, true, true, false, false, false}
	got := NonProse(units)
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
	in := "This Agreement is made between Northwind Cloud Corporation∗ and Contoso Bank plc†."
	if got, want := Plain(in), "This Agreement is made between Northwind Cloud Corporation and Contoso Bank plc."; got != want {
		t.Errorf("Plain(%q) = %q, want %q", in, got, want)
	}
}

// A heading run in on its paragraph's first line and closed with a stop
// is no sentence: "Sub-outsourcing of critical functions." reached a
// regulator's guidance's summary as one. Short sentences with a verb, and
// the text's last unit, stay.
func TestRunInHeadingsAreNoProse(t *testing.T) {
	units := []string{
		"Access and audit rights.",
		"Firms should ensure full access to the service provider's premises.",
		"4. Sub-outsourcing of critical functions.",
		"Where the provider sub-outsources, the firm should retain the right to object.",
		"Fees are payable monthly.",
		"Either party may terminate.",
		"The Supplier agrees.",
		"Time is of the essence.",
		"Exit strategies.",
	}
	want := []bool{true, false, true, false, false, false, false, false, false}
	got := NonProse(units)
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
}

// An intranet policy's record-keeping lines (review date, owner, version)
// are no summary sentences: its summary opened with "Last reviewed 14
// January 2026." and said nothing of the policy. A sentence that speaks of
// reviews keeps its place.
func TestNonProseRecordLines(t *testing.T) {
	units := []string{
		"Owner: Records Management Office.",
		"Last reviewed 14 January 2026.",
		"Version 3.2",
		"Next review: January 2027.",
		"This policy sets how long the company keeps business records.",
		"Last year the committee reviewed every retention period and shortened four of them to meet the new statute.",
	}
	got := NonProse(units)
	want := []bool{true, true, true, true, false, false}
	for i := range units {
		if got[i] != want[i] {
			t.Errorf("%q: non-prose %v, want %v", units[i], got[i], want[i])
		}
	}
	page := []string{
		"Records Retention Policy",
		"Owner: Records Management Office.",
		"Last reviewed 14 January 2026.",
		"This policy sets how long the company keeps business records and how it destroys them when that period ends.",
		"Financial records are kept for seven years after the end of the financial year they relate to.",
		"Records under a legal hold must not be destroyed until the hold is lifted by the General Counsel.",
	}
	if sum := Summarize(page, Options{MaxChars: 400, Language: "en"}); strings.Contains(sum, "reviewed") || strings.Contains(sum, "Owner") {
		t.Errorf("summary %q keeps the page's record lines", sum)
	}
}
