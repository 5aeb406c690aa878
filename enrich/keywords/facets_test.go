package keywords

import (
	"slices"
	"strings"
	"testing"
)

// supportAgreement is a support contract whose defined terms have
// lower-case variants ("Support Fees", "annual support fees"), a defined
// term joined by "of" (Statement of Work) and an Incoterm between a
// defined term and a role ("deliver the Products FCA Supplier's plant").
const supportAgreement = `SOFTWARE SUPPORT AND MAINTENANCE AGREEMENT

This Software Support and Maintenance Agreement (the "Agreement") is entered into on 1 March 2024 between Northwind Systems Ltd ("Supplier") and Harbor Logistics Inc ("Customer").

1. Definitions
"Support Fees" means the annual support fees set out in Schedule 1.
"Business Hours" means 9:00 to 17:00 on Business Days, being normal business hours in London.
"Statement of Work" means a statement of work agreed by the parties under clause 3.

2. Support Services
2.1 The Supplier shall provide telephone and email support during normal business hours.
2.2 Requests made outside normal business hours will be handled on the next Business Day.
2.3 The Supplier shall respond to Priority 1 incidents within two hours during business hours.

3. Statements of Work
3.1 Additional services shall be described in a Statement of Work signed by both parties.
3.2 Each Statement of Work shall state the deliverables, the timetable and the charges.
3.3 If a Statement of Work conflicts with this Agreement, this Agreement prevails.

4. Support Fees
4.1 The Customer shall pay the annual support fees in advance on each anniversary of the Effective Date.
4.2 The Supplier may increase the Support Fees once per year by no more than five percent.
4.3 Support Fees are exclusive of VAT. Late payment of the annual support fees bears interest at 4% per annum.

5. Delivery of Hardware
5.1 The Supplier shall deliver the Products FCA Supplier's plant in Leeds.
5.2 Risk in the Products passes to the Customer on delivery of the Products FCA Supplier's plant.
5.3 The Customer shall collect the Products within ten Business Days of notice.

6. Term and Termination
6.1 This Agreement continues for an initial term of three years.
6.2 Either party may terminate this Agreement on ninety days' written notice.
`

// distinctTexts are the key phrases Extract lists for a contract, in
// lower case.
func distinctTexts(text, language string) []string {
	var got []string
	for _, k := range Extract(text, Options{Language: language, Distinct: true}) {
		got = append(got, strings.ToLower(k.Text))
	}
	return got
}

// A facet listed "Support Fees" beside "annual support fees" and
// "business hours" beside "normal business hours": one term twice.
func TestDistinctListsNoPhraseBesideItsVariant(t *testing.T) {
	got := distinctTexts(supportAgreement, "en")
	for i, a := range got {
		for _, b := range got[i+1:] {
			if strings.Contains(" "+a+" ", " "+b+" ") || strings.Contains(" "+b+" ", " "+a+" ") {
				t.Errorf("key phrases %v list %q beside %q", got, a, b)
			}
		}
	}
}

// "Statement of Work", split at "of", gave the key phrase "Statement"
// alone; "deliver the Products FCA Supplier's plant" gave "Products FCA
// Supplier", a defined term, an Incoterm and a role in one phrase.
func TestDefinedTermWithOfAndIncotermPhrases(t *testing.T) {
	got := distinctTexts(supportAgreement, "en")
	if !slices.Contains(got, "statement of work") || slices.Contains(got, "statement") {
		t.Errorf("key phrases %v lack %q or list %q", got, "statement of work", "statement")
	}
	for _, k := range got {
		if strings.Contains(k, "fca") && k != "fca" {
			t.Errorf("key phrase %q runs through the Incoterm FCA (all: %v)", k, got)
		}
	}
}

// retentionPolicy is an internal policy the classifier files as "other".
const retentionPolicy = `Data Retention and Disposal Policy

1. Purpose
This policy explains how long Acme Health Group retains records and how it disposes of them.

2. Scope
This policy applies to all employees, contractors and systems that create or hold records.

3. Retention
3.1 Clinical records are kept for eight years after the last episode of care.
3.2 Personnel records are kept for six years after employment ends.
3.3 Records are reviewed annually against the retention schedule.

4. Disposal
4.1 Records that have reached the end of their retention period are destroyed securely.
4.2 Paper is cross-cut shredded; electronic media are wiped or physically destroyed.

5. Exceptions
Records subject to a legal hold must not be destroyed until the hold is lifted by the Data Protection Officer.
`

// A policy, whatever its class, gave "long Acme Health" (of "how long
// Acme Health Group retains"), and "records" and "policy" beside
// "Clinical records" and "Disposal Policy".
func TestPolicyKeyPhrasesAreFacets(t *testing.T) {
	var got []string
	for _, k := range Extract(retentionPolicy, Options{Language: "en"}) {
		got = append(got, strings.ToLower(k.Text))
	}
	for _, bad := range []string{"long acme health", "records", "policy"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold %q", got, bad)
		}
	}
	if !slices.Contains(got, "acme health group") {
		t.Errorf("key phrases %v lack the organisation", got)
	}
}

// A notice listed the verbs 点击 (of 点击钓鱼邮件) and 未办理, a contract
// 协商 (of 协商解决) and 提供数据 (of 提供数据平台运维服务).
func TestChineseVerbsAreNoKeyPhrases(t *testing.T) {
	notice := "关于开展网络安全意识培训的通知\n\n各部门：\n近期发现多名员工点击钓鱼邮件中的链接，导致账号密码泄露。为提高全体员工的网络安全意识，公司决定开展网络安全意识培训。现将有关事项通知如下：\n" +
		"一、培训对象：全体员工。\n二、培训内容：识别钓鱼邮件、密码安全管理、终端安全防护。\n三、未办理培训登记的员工，请于5月8日前在内网完成登记。不得点击来历不明的邮件附件。\n特此通知。\n"
	contract := "技术服务合同\n\n甲方：上海云帆信息技术有限公司\n乙方：北京星辰数据科技有限公司\n\n第一条 服务内容\n乙方为甲方提供数据平台运维服务，包括系统监控、故障处理和性能优化。\n" +
		"第二条 服务期限\n服务期限为两年。服务期限届满前三十日，双方可协商续签。\n第三条 争议解决\n因本合同引起的争议，双方应协商解决；协商解决不成的，提交上海仲裁委员会仲裁。\n"
	for _, text := range []string{notice, contract} {
		got := distinctTexts(text, "zh")
		for _, bad := range []string{"点击", "未办理", "协商", "提供数据"} {
			if slices.Contains(got, bad) {
				t.Errorf("key phrases %v hold the verb %q", got, bad)
			}
		}
	}
}

// A short rule without articles (第X条) listed its title's pieces:
// 员工, 员工离职, 员工离职管理, 离职, 离职管理, 离职管理规定.
func TestChineseRuleWithoutArticlesListsTitleOnce(t *testing.T) {
	rule := "员工离职管理规定\n\n为规范员工离职管理，保障公司和员工的合法权益，制定本规定。员工离职应提前三十日提交书面申请，经部门负责人审批后办理离职交接手续。离职员工应归还公司财物，结清借款。人力资源部负责离职管理工作。\n"
	var got []string
	for _, k := range Extract(rule, Options{Language: "zh"}) {
		got = append(got, k.Text)
	}
	for i, a := range got {
		for _, b := range got[i+1:] {
			if strings.Contains(a, b) || strings.Contains(b, a) {
				t.Errorf("key phrases %v list %q beside %q", got, a, b)
			}
		}
	}
}

// supplyTerms writes its defined terms with "of" capitalised, without
// quotes, more than once each.
const supplyTerms = `SUPPLY AGREEMENT

The Supplier shall perform the services described in each Statement of Work. Each Statement of Work shall be signed by both parties before work begins. The Supplier shall deliver a Certificate of Insurance within ten days, and shall renew the Certificate of Insurance annually. Goods shall ship only under a Bill of Lading issued by the carrier; the Bill of Lading shall name the Customer as consignee. The Supplier shall invoice the Customer monthly for the services and the goods.
`

// Unquoted, "Statement of Work" and "Certificate of Insurance" were
// split at "of" and gave "Statement" and "Certificate" alone.
func TestUnquotedCapitalisedOfTermsStayWhole(t *testing.T) {
	got := distinctTexts(supplyTerms, "en")
	for _, want := range []string{"statement of work", "certificate of insurance", "bill of lading"} {
		if !slices.Contains(got, want) {
			t.Errorf("key phrases %v lack %q", got, want)
		}
	}
	for _, bad := range []string{"statement", "certificate", "bill", "work", "insurance", "lading"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v list %q alone", got, bad)
		}
	}
}

// Split at "and", a contract's titles gave their halves as key phrases
// ("Terms", "Conditions", "Development", "Acquisitions").
func TestTitlesJoinedByAndStayWhole(t *testing.T) {
	text := `The Terms and Conditions attached as Schedule 2 apply to every order placed by the Customer. If the Terms and Conditions conflict with an order, the order prevails. The Supplier shall disclose its Research and Development costs and any Mergers and Acquisitions activity to the Customer each quarter.`
	got := distinctTexts(text, "en")
	for _, want := range []string{"terms and conditions", "research and development", "mergers and acquisitions"} {
		if !slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, want) }) {
			t.Errorf("key phrases %v lack %q", got, want)
		}
	}
	for _, bad := range []string{"terms", "conditions", "research", "development", "development costs", "mergers", "acquisitions", "acquisitions activity"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v list the half %q", got, bad)
		}
	}
}

// A policy's clauses gave their subject and verb as key phrases:
// "employment ends" and "day employment ends".
func TestClauseVerbsEndPhrases(t *testing.T) {
	text := `Employee Exit Policy

When employment ends, the manager collects equipment and badges. If employment ends during probation, notice is one week. Access is removed on the day employment ends. If the licence lapses, the employee returns the laptop.
`
	got := distinctTexts(text, "en")
	for _, k := range got {
		if strings.HasSuffix(k, " ends") || strings.HasSuffix(k, " lapses") || k == "day employment" {
			t.Errorf("key phrases %v hold the clause %q", got, k)
		}
	}
}

// A contract's, an assessment's and a datasheet's sentences gave their
// subject and verb as key phrases: "Customers claim compensation",
// "Processor stores data", "reviewed procurement controls", "supports
// Modbus TCP"; a compound whose head reads as a verb stays whole.
func TestSubjectVerbsEndPhrases(t *testing.T) {
	text := `Turbine Supply Agreement

3.2 Customers claim compensation under the availability guarantee. The Processor stores data in the EU data centre. The internal audit reviewed procurement controls at the Leeds site. The VX-400 gateway connects legacy PLCs to cloud platforms. It supports Modbus TCP and OPC UA. The role reports to the Head of Data Platform. Claims process improvements were made in March.
`
	got := distinctTexts(text, "en")
	for _, k := range got {
		for _, verb := range []string{" claim", " stores", "reviewed ", "supports ", " reports"} {
			if strings.Contains(" "+strings.ToLower(k)+" ", verb+" ") || strings.HasPrefix(strings.ToLower(k), strings.TrimSpace(verb)+" ") {
				t.Errorf("key phrases %v hold the verb %q in %q", got, verb, k)
			}
		}
	}
	for _, want := range []string{"modbus tcp", "claims process improvements"} {
		if !slices.Contains(lowerAll(got), want) {
			t.Errorf("key phrases %v lack %q", got, want)
		}
	}
}

func lowerAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

// An impact assessment and a job description gave a gerund with its
// object as key phrases ("Processing personal data", "Mentoring junior
// engineers", "Managing risks"): the object is the key phrase; a gerund
// naming a thing ("Operating temperature") and an EU act's "adopt
// implementing rules" stay.
func TestGerundObjectsAreTheKeyPhrase(t *testing.T) {
	text := `Senior Data Engineer

Processing personal data requires a lawful basis. The assessment covers processing sensitive data of members. Managing risks is the task of the risk committee. Operating temperature ranges from -40 to 70 C. The Commission shall adopt implementing rules.

Responsibilities

- Designing data models for finance reporting
- Mentoring junior engineers
`
	got := lowerAll(distinctTexts(text, "en"))
	for _, k := range got {
		for _, verb := range []string{"processing", "managing", "designing", "mentoring"} {
			if strings.HasPrefix(k, verb) {
				t.Errorf("key phrases %v hold the gerund %q in %q", got, verb, k)
			}
		}
	}
	for _, want := range []string{"personal data", "junior engineers", "operating temperature", "implementing rules"} {
		if !slices.Contains(got, want) {
			t.Errorf("key phrases %v lack %q", got, want)
		}
	}
}

// A supply contract and a datasheet gave a figure's unit at the head of
// a phrase: "MW Offshore Wind" of "500 MW Offshore Wind Farm", "GB RAM",
// "DC power input" of "24 V DC power input". A unit without a figure
// ("The MW rating") is a word.
func TestMeasureUnitsOpenNoPhrase(t *testing.T) {
	text := `Turbine Supply Agreement

The Supplier supplies 42 turbines of 12 MW each for the 500 MW Offshore Wind Farm. The Offshore Wind Farm connects at 220 kV to the grid. The gateway has 2 GB RAM and a 24 V DC power input. The MW rating is tested.
`
	got := lowerAll(distinctTexts(text, "en"))
	for _, k := range got {
		for _, unit := range []string{"mw", "gb", "dc", "kv"} {
			if k != "mw rating" && strings.HasPrefix(k, unit+" ") || k == unit {
				t.Errorf("key phrases %v open with the unit %q: %q", got, unit, k)
			}
		}
	}
	for _, want := range []string{"offshore wind farm", "mw rating"} {
		if !slices.Contains(got, want) {
			t.Errorf("key phrases %v lack %q", got, want) // a unit without a figure names a thing
		}
	}
}

// A runbook's and meeting notes' headings gave "Deploying",
// "Prerequisites", "Steps" and "Meeting" as key phrases, and "held
// fortnightly starting 3 March" gave "fortnightly starting".
func TestSectionHeadingsAreNoKeyPhrases(t *testing.T) {
	runbook := "# Deploying the payments service\n\nThis runbook describes how to deploy the payments service to the production cluster.\n\n## Prerequisites\n\n- kubectl access to the payments namespace\n- Approval from the on-call engineer\n\n## Steps\n\n1. Check the rollout status of the payments service.\n2. Apply the new manifest with kubectl.\n\n## Rollback\n\nRoll back with kubectl rollout undo and page the on-call engineer.\n"
	notes := "# Meeting notes: data platform sync\n\nMeeting held fortnightly starting 3 March. Attendees: Priya, Tom, Wen.\n\n## Steps\n- The data platform team will migrate the ingestion pipeline to Kafka.\n- Tom to draft the Kafka migration plan. Priya reports pipeline latency at the next meeting.\n"
	for _, text := range []string{runbook, notes} {
		var got []string
		for _, k := range Extract(text, Options{Language: "en", Top: 15}) {
			got = append(got, strings.ToLower(k.Text))
		}
		for _, bad := range []string{"deploying", "prerequisites", "steps", "meeting", "fortnightly starting", "attendees"} {
			if slices.Contains(got, bad) {
				t.Errorf("key phrases %v hold the heading word %q", got, bad)
			}
		}
	}
}

// Board minutes and an audit report listed their parts' headings as key
// phrases ("Action Items", "Next Steps", "Executive Summary" and its
// "Summary"); a topical heading ("Offshore Wind Farm") is the subject.
func TestPartHeadingsAreNoKeyPhrases(t *testing.T) {
	minutes := "Board Meeting Minutes\n\nAttendees\n\nJane Smith (Chair), Tom Brown, Priya Patel\n\nBackground\n\nThe board met to review the offshore wind programme.\n\nOffshore Wind Farm\n\nThe finance committee approved the revised budget for the wind farm.\n\n## Action Items\n\n- Tom Brown to circulate the revised budget.\n- Priya Patel to update the risk register.\n\nNext Steps\n\nThe risk committee will report at the next meeting.\n\nSummary\n\nThe board approved the revised budget.\n"
	audit := "Internal Audit Report: Procurement Controls\n\nExecutive Summary\n\nThe audit tested purchase order approval at the Leeds distribution centre.\n\nScope\n\nSupplier onboarding and invoice matching.\n\nFindings\n\nVendor master data changes were not reviewed.\n\nRecommendations\n\nIntroduce segregation of duties for vendor master data.\n"
	for _, text := range []string{minutes, audit} {
		var got []string
		for _, k := range Extract(text, Options{Language: "en", Top: 20}) {
			got = append(got, strings.ToLower(k.Text))
		}
		for _, bad := range []string{"action items", "items", "next steps", "background", "summary", "executive summary", "executive", "scope", "findings", "recommendations"} {
			if slices.Contains(got, bad) {
				t.Errorf("key phrases %v hold the heading %q", got, bad)
			}
		}
		if text == minutes && !slices.Contains(got, "offshore wind farm") {
			t.Errorf("key phrases %v lost the topical heading %q", got, "offshore wind farm")
		}
	}
}

// A notice and a rule listed 安全生产管理工作, 信息安全管理工作 and
// 部门负责人: who does the work, not what the text is about.
func TestChineseDutyTailsAreNoKeyPhrases(t *testing.T) {
	notice := "关于加强安全生产管理工作的通知\n\n各部门：\n为落实安全生产责任制，公司决定开展安全生产专项检查。各部门负责人为本部门安全生产第一责任人，负责组织本部门的隐患排查工作。各部门负责人应于三月十五日前提交隐患排查报告。安全管理部负责汇总检查结果。\n"
	rule := "信息安全管理办法\n\n第一条 为加强公司信息安全管理工作，保障信息系统安全稳定运行，制定本办法。\n第二条 信息技术部是信息安全管理工作的归口部门。\n第三条 各部门负责人负责本部门的信息安全管理工作，组织开展信息安全自查。\n第四条 发生信息安全事件时，事发部门负责人应在两小时内向信息技术部报告。\n"
	for _, text := range []string{notice, rule} {
		got := distinctTexts(text, "zh")
		for _, k := range got {
			if strings.HasSuffix(k, "工作") || strings.HasSuffix(k, "负责人") {
				t.Errorf("key phrases %v hold %q", got, k)
			}
		}
	}
}

// A rule titled with its company's name gave 科技股份有限公司信息安全, the
// name's tail run into the subject, as a key phrase.
func TestChinesePhraseRunsNotPastCompanyName(t *testing.T) {
	rule := "深圳市华信达科技股份有限公司信息安全管理办法\n\n第一条 为加强公司信息安全管理，保障信息系统安全稳定运行，制定本办法。\n第二条 信息技术部是信息安全管理的归口部门。\n第三条 员工应妥善保管账号密码，不得将账号密码借给他人使用。\n第四条 发生信息安全事件时，应在两小时内向信息技术部报告。\n第五条 本办法由深圳市华信达科技股份有限公司信息技术部负责解释。\n"
	got := distinctTexts(rule, "zh")
	for _, k := range got {
		if i := strings.LastIndex(k, "有限公司"); i >= 0 && i+len("有限公司") < len(k) {
			t.Errorf("key phrases %v hold %q, which runs past the company's name", got, k)
		}
	}
}

// A press release's headline gave "Northwind Energy Announces".
func TestHeadlineVerbsEndPhrases(t *testing.T) {
	text := "Northwind Energy Announces 500 MW Offshore Wind Partnership\n\nLONDON, 4 March 2026 — Northwind Energy today announced a partnership with Baltic Cable Systems to build an offshore wind farm off the coast of Norfolk. Northwind Energy Launches its first floating turbine trial in 2027.\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "en", Top: 15}) {
		got = append(got, strings.ToLower(k.Text))
	}
	for _, k := range got {
		if strings.Contains(k, "announces") || strings.Contains(k, "launches") {
			t.Errorf("key phrases %v hold the headline's verb in %q", got, k)
		}
	}
}

// A press release's dateline gave "Northwind Energy today" beside the
// company ("Northwind Energy today announced a partnership").
func TestDayAdverbsEndPhrases(t *testing.T) {
	text := "Offshore Wind Partnership\n\nLONDON, 4 March 2026 — Northwind Energy today announced a partnership with Baltic Cable Systems to build an offshore wind farm. Baltic Cable Systems yesterday confirmed the order. Northwind Energy will name the site tomorrow.\n"
	for _, k := range Extract(text, Options{Language: "en", Top: 15}) {
		if l := strings.ToLower(k.Text); strings.Contains(l, "today") || strings.Contains(l, "yesterday") || strings.Contains(l, "tomorrow") {
			t.Errorf("key phrase %q holds a day adverb", k.Text)
		}
	}
}

// A safety notice listed 应立即 (a modal glued to an adverb, one word of
// the segmenter's dictionary) and 安排 (a verb) as key phrases: what is
// to be done and how, not what about.
func TestChineseFunctionVerbsAreNoKeyPhrases(t *testing.T) {
	text := "关于开展安全生产大检查的通知\n\n各部门、各分公司：\n为落实安全生产责任制，决定开展安全生产大检查。各单位应立即成立检查小组，认真安排部署，对发现的隐患应立即整改。财务部负责安排专项审计，各部门应立即核查危险化学品储存场所。请各单位安排专人负责，安排好值班。\n"
	got := distinctTexts(text, "zh")
	for _, bad := range []string{"应立即", "安排", "立即"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold %q", got, bad)
		}
	}
	if !slices.Contains(got, "责任制") {
		t.Errorf("key phrases %v lack %q", got, "责任制")
	}
}

// Minutes (会议纪要) listed 总经理 and 办公室 beside 总经理办公室, which the
// segmenter cuts in two: a notice's key phrases list a term once, and
// minutes are written as one.
func TestChineseMinutesListATermOnce(t *testing.T) {
	text := "总经理办公会会议纪要\n\n参会人员：总经理办公室、财务部、人力资源部负责人\n\n一、关于年度预算执行情况\n财务部汇报了一季度预算执行情况。会议要求总经理办公室牵头核查超支项目。\n\n二、关于人才招聘计划\n人力资源部汇报了人才招聘计划，总经理办公室负责审核。\n\n总经理办公室\n2026年3月6日\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh"}) {
		got = append(got, k.Text)
	}
	for _, bad := range []string{"总经理", "办公室"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold the piece %q", got, bad)
		}
	}
	if !slices.Contains(got, "总经理办公室") {
		t.Errorf("key phrases %v lack %q", got, "总经理办公室")
	}
}

// Minutes' action items open with their owner's name as a label ("-
// Markus Brandt: order ..."): the whole name was no key phrase, but its
// words were, and the facets listed "Markus", "Brandt" and "Rossi".
func TestActionItemOwnersAreNoKeyPhrases(t *testing.T) {
	minutes := "Health and Safety Committee Meeting\nMinutes of the meeting held on 12 May 2025\n\nPresent: Anna Keller (Chair), Markus Brandt, Sofia Rossi, Tom Weber\n\n1. Forklift incidents\nTwo near misses between forklifts and pedestrians were reported. The committee agreed that pedestrian walkways must be marked and that forklifts need blue spot warning lights.\n\nAction items\n- Markus Brandt: order blue spot warning lights for all forklifts by 30 May.\n- Sofia Rossi: repaint pedestrian walkways in the loading bay.\n- Tom Weber: replace the assembly point signage.\n"
	var got []string
	for _, k := range Extract(minutes, Options{Language: "en", Top: 15}) {
		got = append(got, strings.ToLower(k.Text))
	}
	for _, bad := range []string{"markus", "brandt", "sofia", "rossi", "tom", "weber", "markus brandt"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold the owner's name %q", got, bad)
		}
	}
	if !slices.Contains(got, "pedestrian walkways") {
		t.Errorf("key phrases %v lost %q", got, "pedestrian walkways")
	}
}

// A policy's "IT Service Desk" was the key phrase "Service Desk": "IT"
// was read as the pronoun "it". A heading in capitals keeps the pronoun.
func TestCapitalisedStopWordAcronymsStayInPhrases(t *testing.T) {
	policy := "Information Security Incident Response Policy\n\n1. Reporting\nAny suspected incident must be reported to the IT Service Desk within one hour. The IT Service Desk logs the incident and assigns a severity level.\n\n2. Mobile devices\nLost laptops must be reported to the IT Service Desk at once.\n"
	got := distinctTexts(policy, "en")
	if !slices.Contains(got, "it service desk") || slices.Contains(got, "service desk") {
		t.Errorf("key phrases %v: want %q, not its cut %q", got, "it service desk", "service desk")
	}
	contract := "SUPPLY AGREEMENT\n\nNOW THEREFORE IT IS AGREED as follows.\n\n1. Supply. The Supplier shall supply the Goods.\n"
	for _, k := range Extract(contract, Options{Language: "en"}) {
		if strings.HasPrefix(strings.ToLower(k.Text), "it ") {
			t.Errorf("key phrase %q opens with the pronoun", k.Text)
		}
	}
}

// A committee's minutes titled "Health and Safety Committee Meeting"
// listed "Health and Safety Committee" and its cut "Committee Meeting":
// the windows did not merge, "and" being in lower case.
func TestNamesJoinedByAndMergeWhole(t *testing.T) {
	minutes := "Health and Safety Committee Meeting\nMinutes of the meeting held on 12 May 2025 in the training room\n\n1. Forklift incidents\nTwo near misses between forklifts and pedestrians were reported. The committee agreed that pedestrian walkways must be marked and that forklifts need blue spot warning lights.\n\n2. Fire drill\nThe assembly point signage must be replaced before the next fire drill.\n"
	var got []string
	for _, k := range Extract(minutes, Options{Language: "en"}) {
		got = append(got, strings.ToLower(k.Text))
	}
	if !slices.Contains(got, "health and safety committee meeting") || slices.Contains(got, "committee meeting") {
		t.Errorf("key phrases %q: want %q whole, not its cut %q", got, "health and safety committee meeting", "committee meeting")
	}
}

// Minutes' "Fire drill" heading and "the next fire drill" gave the key
// phrase "Fire": "drill" is mostly a verb, though "fire drill" is a
// compound noun the lexicon knows.
func TestKnownCompoundsKeepTheirHead(t *testing.T) {
	minutes := "Health and Safety Committee Meeting\nMinutes of the meeting held on 12 May 2025 in the training room\n\n1. Fire drill\nThe fire drill on 2 May took nine minutes to evacuate the building. The assembly point signage must be replaced before the next fire drill.\n\n2. Forklift incidents\nTwo near misses between forklifts and pedestrians were reported in the loading bay.\n"
	var got []string
	for _, k := range Extract(minutes, Options{Language: "en"}) {
		got = append(got, strings.ToLower(k.Text))
	}
	if !slices.Contains(got, "fire drill") || slices.Contains(got, "fire") {
		t.Errorf("key phrases %q: want %q, not its cut %q", got, "fire drill", "fire")
	}
}

// Minutes about "Warehouse B" listed the key phrase "Warehouse": the
// letter that ends the name was a break. A part's letter ("Schedule A")
// is no name.
func TestDesignatorLettersEndNames(t *testing.T) {
	minutes := "Health and Safety Committee Meeting\nMinutes of the meeting held on 12 May 2025 in the training room\n\n1. Forklift incidents in Warehouse B\nTwo near misses between forklifts and pedestrians were reported in Warehouse B. Pedestrian walkways in Warehouse B must be marked.\n\n2. Fire drill\nThe assembly point signage must be replaced. Fees are set out in Schedule A.\n"
	var got []string
	for _, k := range Extract(minutes, Options{Language: "en"}) {
		got = append(got, strings.ToLower(k.Text))
	}
	if !slices.Contains(got, "warehouse b") || slices.Contains(got, "warehouse") || slices.Contains(got, "schedule a") {
		t.Errorf("key phrases %q: want %q, not its cut %q nor %q", got, "warehouse b", "warehouse", "schedule a")
	}
}

// Minutes listed "minutes" (of "approval of the previous minutes" and
// "took nine minutes") and a policy "hour" (of "within one hour"): units
// of time, as a day or a month is, and no facet.
func TestTimeUnitsAreNoKeyPhrases(t *testing.T) {
	minutes := "Health and Safety Committee Meeting\nMinutes of the meeting held on 12 May 2025 in the training room\n\n1. Approval of the minutes\nThe minutes of the last meeting were approved.\n\n2. Fire drill\nThe fire drill took nine minutes. Any suspected incident must be reported within one hour; the next drill is in one hour's time.\n"
	var got []string
	for _, k := range Extract(minutes, Options{Language: "en"}) {
		got = append(got, strings.ToLower(k.Text))
	}
	notAmong(t, got, "minutes", "hour")
}
