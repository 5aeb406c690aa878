package model

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/stages/parse"
)

// docmill serve composes docmill-mini with the model-free tier: the class
// comes from the model, the sub-type within it from the free tier's
// per-class heads (they measure better). On this service agreement the
// model's own sub-type head says "Sponsorship".
func TestComposedTierTakesSubtypeFromFreeHeads(t *testing.T) {
	m, text := loadMiniAndSample(t, "contracts/cuad-143-service.txt")
	doc := &document.Parsed{ID: "svc", ContentType: "text/plain", Language: "en", Title: "SERVICE AGREEMENT", Text: string(text)}
	req := enrich.Request{Tasks: []string{enrich.TaskClassify}}
	bare, err := NewAnalyzer(m, AnalyzerOptions{}).Analyze(context.Background(), doc, req)
	if err != nil {
		t.Fatal(err)
	}
	free := enrich.NewFree(enrich.FreeOptions{})
	an, err := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), free).Analyze(context.Background(), doc, req)
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := free.NameSubtype(doc, an.Class)
	t.Logf("class %s: model sub-type %q, composed %q", an.Class, bare.Subtype, an.Subtype)
	if an.Class != bare.Class || an.Class != "contract" {
		t.Fatalf("class %q (model alone %q), want contract from the model", an.Class, bare.Class)
	}
	if an.Subtype != want || !strings.HasPrefix(an.Subtype, "contract/") || an.SubtypeConfidence <= 0 {
		t.Fatalf("composed sub-type %q (%.2f), want the free heads' %q", an.Subtype, an.SubtypeConfidence, want)
	}
	// the result names both parts of the composed tier
	if want := m.Info().Version + "+free." + enrich.FreeVersion; an.Model.Version != want || an.Model.Name != m.Info().Name {
		t.Errorf("composed result's model %s@%s, want %s@%s", an.Model.Name, an.Model.Version, m.Info().Name, want)
	}
	if an.Subtype != "contract/Service" {
		t.Errorf("sub-type %q, want contract/Service for a service agreement", an.Subtype)
	}
}

// A log's key phrases in the composed tier come from its templates, as in
// the model-free tier: on raw lines the host name of every line wins.
func TestComposedTierLogKeywordsFromTemplates(t *testing.T) {
	m, data := loadMiniAndSample(t, "logs/syslog")
	doc, err := parse.Parse(context.Background(), parse.Input{Filename: "syslog", Data: data}, parse.DefaultLimits())
	if err != nil || !doc.IsLog() {
		t.Fatalf("parse syslog: %v (log %v)", err, doc != nil && doc.IsLog())
	}
	free := enrich.NewFree(enrich.FreeOptions{})
	want, err := free.Analyze(context.Background(), doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	an, err := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), free).Analyze(context.Background(), doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	got := document.KeywordTexts(an.Keywords)
	if strings.Join(got, "|") != strings.Join(document.KeywordTexts(want.Keywords), "|") || an.Log == nil {
		t.Fatalf("keywords %q (log digest %v), want the template keywords %q", got, an.Log != nil, document.KeywordTexts(want.Keywords))
	}
	for _, k := range got {
		if strings.Contains(k, "web01") {
			t.Errorf("host name %q among a log's key phrases %q", k, got)
		}
	}
	if tr := an.Tasks[enrich.TaskKeywords]; tr.Depth != document.DepthNone {
		t.Errorf("keywords trace %+v, want the free tier's", tr)
	}
	// Asked for keywords only, the log is still mined for them, and no
	// digest is returned that was not asked for.
	only, err := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), free).Analyze(context.Background(), doc, enrich.Request{Tasks: []string{enrich.TaskKeywords}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(document.KeywordTexts(only.Keywords), "|") != strings.Join(got, "|") || only.Log != nil {
		t.Errorf("keywords-only request: %q, log %v", document.KeywordTexts(only.Keywords), only.Log != nil)
	}
}

// loadMini loads the shipped docmill-mini bundle (skipping without ONNX
// Runtime), closed when the test ends.
func loadMini(t *testing.T) *Model {
	t.Helper()
	needORT(t)
	m, err := Load(Options{Dir: miniDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.Close)
	return m
}

// loadMiniAndSample loads the shipped docmill-mini bundle and reads a file
// of samples/.
func loadMiniAndSample(t *testing.T, sample string) (*Model, []byte) {
	t.Helper()
	m := loadMini(t)
	data, err := os.ReadFile(filepath.Join("..", "samples", sample))
	if err != nil {
		t.Fatal(err)
	}
	return m, data
}

// docmill-mini 0.2.0 calls Chinese contracts "other" (its Chinese is all
// scientific abstracts); the composed tier takes the model-free rules'
// class instead, and with it the contract's entities.
func TestComposedTierRecognisesChineseContracts(t *testing.T) {
	m, _ := loadMiniAndSample(t, "contracts/cuad-143-service.txt")
	text := "房屋租赁合同\n出租方（甲方）：北京华信置业有限公司\n承租方（乙方）：张伟\n" +
		"第一条 甲方将位于北京市朝阳区的房屋出租给乙方使用。\n第二条 租赁期限自2023年1月1日起至2024年12月31日止。\n" +
		"第三条 月租金为人民币15,000元，乙方应于每月五日前支付。\n第四条 本合同适用中华人民共和国法律。"
	doc := &document.Parsed{ID: "lease", ContentType: "text/plain", Language: "zh", Title: "房屋租赁合同", Text: text}
	bare, err := NewAnalyzer(m, AnalyzerOptions{}).Analyze(context.Background(), doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	an, err := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), enrich.NewFree(enrich.FreeOptions{})).Analyze(context.Background(), doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model alone: %s %.3f; composed: %s %.2f, %d entities", bare.Class, bare.Confidence, an.Class, an.Confidence, len(an.Entities))
	if an.Class != "contract" || an.Subtype != "contract/Lease" {
		t.Fatalf("composed class %q/%q, want contract/Lease, as its name says (not an English head's guess)", an.Class, an.Subtype)
	}
	if an.Tasks[enrich.TaskClassify].Confidence != an.Confidence {
		t.Errorf("trace confidence %v, class confidence %v", an.Tasks[enrich.TaskClassify].Confidence, an.Confidence)
	}
	if len(an.Entities) == 0 {
		t.Fatal("no entities for a Chinese contract")
	}
}

// Prose that is neither law nor contract, a news item or meeting minutes,
// is "other" in the composed tier: docmill-mini alone calls such text a
// contract (it never saw any), the model-free classifier does not; and an
// e-mail about a contract is correspondence, its dates no agreement's.
func TestComposedTierKeepsProseOutOfContracts(t *testing.T) {
	m, _ := loadMiniAndSample(t, "contracts/cuad-143-service.txt")
	free := enrich.NewFree(enrich.FreeOptions{})
	composed := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), free)
	for name, data := range map[string]string{
		"news.txt":    "Regional rail operator orders 40 new trains\n\nThe regional rail operator said on Tuesday it had ordered 40 electric trains from a European manufacturer in a deal worth about 600 million euros. The first trains are due to enter service in 2027 on the coastal line, replacing diesel units built in the 1980s. The operator's chief executive said the order would cut journey times and emissions, and that the company would hire 120 drivers over the next three years. Unions welcomed the investment but asked for talks on working hours.",
		"minutes.txt": "Engineering Weekly Sync - Meeting Minutes\n\nAttendees: Priya, Marco, Jun, Elena.\n\n1. Release 4.2: the build is green; Marco will cut the release branch on Thursday. QA found two blocking bugs in the export dialog; Jun owns both.\n2. On-call: Elena takes the rotation next week. The paging noise from the disk alerts is still high; Priya will raise the threshold.\n3. Hiring: two candidates for the platform role reach the final round.\nAction items: Marco - release branch; Jun - export bugs; Priya - alert thresholds.",
		"overdue.eml": "From: tom@globex.example\r\nTo: team@initech.example\r\nSubject: Invoice 4471 overdue\r\nDate: Tue, 21 May 2024 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi team,\r\n\r\nInvoice 4471 for USD 18,400 issued on 2 April 2024 is now 45 days overdue. Please arrange payment by Friday or we will suspend the service under clause 9.2 of the Master Subscription Agreement, and the subscription fees for the remaining term become due.\r\n\r\nRegards,\r\nTom Becker\r\n",
	} {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(data)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		an, err := composed.Analyze(context.Background(), doc, enrich.Request{})
		if err != nil {
			t.Fatal(err)
		}
		if an.Class != "other" || len(an.Entities) > 0 {
			t.Errorf("%s: class %s/%s (%.2f), %d entities; want other, none", name, an.Class, an.Subtype, an.Confidence, len(an.Entities))
		}
	}
}

// docmill serve's default composition (model.summaries: statistical) takes
// the summary from the model-free scorer, which measured above
// docmill-mini's salience head, so a confident document is read at the
// shallow exit only; with salience summaries the same contract runs to
// full depth for its summary.
func TestComposedSummariesFromStatisticalScorer(t *testing.T) {
	m, text := loadMiniAndSample(t, "contracts/cuad-143-service.txt")
	doc := &document.Parsed{ID: "svc", ContentType: "text/plain", Language: "en", Title: "SERVICE AGREEMENT", Text: string(text)}
	opts := AnalyzerOptions{SummaryChars: 300}
	free := enrich.NewFree(enrich.FreeOptions{SummaryChars: 300})
	want, err := free.Analyze(context.Background(), doc, enrich.Request{Tasks: []string{enrich.TaskSummary}})
	if err != nil {
		t.Fatal(err)
	}
	stat, err := enrich.Compose(NewAnalyzer(m, opts), free, enrich.Composition{}).Analyze(context.Background(), doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	sal, err := enrich.Compose(NewAnalyzer(m, opts), free, enrich.Composition{PrimarySummaries: true}).Analyze(context.Background(), doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("statistical: %q (%+v)\nsalience: %q (%+v)", stat.Summary, stat.Tasks, sal.Summary, sal.Tasks)
	if stat.Summary != want.Summary || stat.Summary == "" {
		t.Errorf("statistical summary %q, want the model-free tier's %q", stat.Summary, want.Summary)
	}
	if tr := stat.Tasks[enrich.TaskSummary]; tr.Depth != document.DepthNone {
		t.Errorf("statistical summary trace %+v, want depth none", tr)
	}
	if tr := stat.Tasks[enrich.TaskKeywords]; tr.Depth != document.DepthShallow {
		t.Errorf("keywords trace %+v: the model ran past the shallow exit for a confident contract", tr)
	}
	if tr := sal.Tasks[enrich.TaskSummary]; tr.Depth != document.DepthFull || sal.Summary == "" {
		t.Errorf("salience summary trace %+v (%q), want the full-depth head's", tr, sal.Summary)
	}
	if stat.Class != sal.Class {
		t.Errorf("compositions differ beyond the summary: class %s vs %s", stat.Class, sal.Class)
	}
	// results whose summary the model wrote are stale under the default
	if want := sal.Model.Version + ".summaries"; stat.Model.Version != want || stat.Model.Name != sal.Model.Name {
		t.Errorf("statistical composition names %v, want %s@%s", stat.Model, sal.Model.Name, want)
	}
	// a request for the summary alone never runs the model
	only, err := enrich.Compose(NewAnalyzer(m, opts), free, enrich.Composition{}).Analyze(context.Background(), doc, enrich.Request{Tasks: []string{enrich.TaskSummary}})
	if err != nil {
		t.Fatal(err)
	}
	if only.Summary != want.Summary || only.Model != stat.Model || only.Class != "" {
		t.Errorf("summary-only request: %q, model %v, class %q", only.Summary, only.Model, only.Class)
	}
}

// Rules from outside the EU are regulations in the composed tier too:
// docmill-mini called SOX section 404, a chapter of the FCA Handbook and
// a MAS notice contracts, the layout rules made them "other" (they bind
// no party), and they lost their sub-type and entities; the model-free
// classifier calls them regulations (QA qa-regs2).
func TestComposedTierKeepsNonEURulesRegulations(t *testing.T) {
	m := loadMini(t)
	composed := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), enrich.NewFree(enrich.FreeOptions{}))
	// Singapore's PDPA: the free tier calls it "other", and its entities
	// were asked of the free tier under that class: none (QA qa-regs5)
	for _, name := range []string{"sox_404.txt", "fca_sysc.txt", "mas_626.txt", "sg_pdpa.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "enrich", "classify", "testdata", "regulations", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: data}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		an, err := composed.Analyze(context.Background(), doc, enrich.Request{})
		if err != nil {
			t.Fatal(err)
		}
		if an.Class != "regulation" || len(an.Entities) == 0 {
			t.Errorf("%s: class %s/%s (%.2f), %d entities; want a regulation with its entities", name, an.Class, an.Subtype, an.Confidence, len(an.Entities))
		}
	}
}

// A court filing is "other" with its kind as sub-type in the composed tier
// too: docmill-mini called this English judgment on an insurance policy a
// contract (terms of service), and a register filed it among contracts.
func TestComposedTierClassesCourtFilings(t *testing.T) {
	m, _ := loadMiniAndSample(t, "contracts/cuad-143-service.txt")
	composed := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), enrich.NewFree(enrich.FreeOptions{}))
	for name, f := range map[string]struct{ text, subtype string }{
		"uk_judgment.txt": {"Neutral Citation Number: [2023] EWHC 1234 (Comm)\nCase No: CL-2021-000456\nIN THE HIGH COURT OF JUSTICE\nBUSINESS AND PROPERTY COURTS OF ENGLAND AND WALES\nCOMMERCIAL COURT (KBD)\n\n" +
			"Date: 12 July 2023\n\nBefore :\n\nTHE HONOURABLE MR JUSTICE HENSHAW\n\nBetween :\n\nALPHA SHIPPING LIMITED\nClaimant\n- and -\nBRAVO INSURANCE PLC\nDefendant\n\nApproved Judgment\n\n" +
			"1. This is a claim under a marine insurance policy. The principles of contractual interpretation are settled: Arnold v Britton [2015] UKSC 36; [2015] AC 1619 and Wood v Capita Insurance Services Ltd " +
			"[2017] UKSC 24; [2017] AC 1173. The claimant also relies on the Human Rights Act 1998 and on section 3 of the Misrepresentation Act 1967.\n\n" +
			"2. The Marine Insurance Act 1906 governs the policy. For the reasons given, the claim succeeds and the defendant must pay £1,250,000 with interest at 8% per annum.\n", "other/judgment"},
		"us_order.txt": {"UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nACME WIDGETS, INC.,\nPlaintiff,\nv.\nBETA SYSTEMS LLC,\nDefendant.\n\nCase No. 3:21-cv-04567-JSC\n\n" +
			"ORDER GRANTING IN PART AND DENYING IN PART DEFENDANT'S MOTION TO DISMISS\n\nThe motion to dismiss is GRANTED in part.\n\nIT IS SO ORDERED.\n\nDated: June 2, 2022\n", "other/order"},
		// a reasoned decision is a judgment in both tiers (entities.FilingKind)
		"us_opinion.txt": {"UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\n\nACME WIDGETS, INC.,\nPlaintiff,\nv.\nBETA SYSTEMS LLC,\nDefendant.\n\nCase No. 1:22-cv-04518\n\n" +
			"MEMORANDUM OPINION & ORDER\n\nThe motion to dismiss is GRANTED in part. The breach of contract claim survives.\n\nSO ORDERED.\n\nDated: March 3, 2023\n", "other/judgment"},
	} {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(f.text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		an, err := composed.Analyze(context.Background(), doc, enrich.Request{})
		if err != nil {
			t.Fatal(err)
		}
		if an.Class != "other" || an.Subtype != f.subtype || len(an.Entities) == 0 {
			t.Errorf("%s: class %s/%s, %d entities; want %s with entities", name, an.Class, an.Subtype, len(an.Entities), f.subtype)
		}
	}
}

// The composed tier names an organisation's internal papers' kind as the
// model-free tier does (other/policy, other/procedure, other/notice): the
// sub-type heads know no such "other", and a Chinese company's 管理办法
// is no regulation.
func TestComposedTierNamesInternalPaperKinds(t *testing.T) {
	m, _ := loadMiniAndSample(t, "contracts/cuad-143-service.txt")
	composed := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), enrich.NewFree(enrich.FreeOptions{}))
	for name, f := range map[string]struct{ text, want string }{
		"clean_desk.txt": {"Clean Desk and Clear Screen Policy\n\nVersion 2.1 | Owner: Information Security\n\n" +
			"This policy applies to all employees, agency workers and contractors who work in any Harbourline office. " +
			"At the end of each working day, desks must be cleared of all papers that contain personal or confidential information. " +
			"Screens must be locked whenever a workstation is left unattended. Failure to comply may result in disciplinary action.\n", "other/policy"},
		"leave.html": {"<html><head><title>Annual Leave Procedure - HR Intranet</title></head><body><h1>Annual Leave Procedure</h1>" +
			"<p>This procedure applies to all permanent and fixed-term employees of Calder Valley Council.</p>" +
			"<p>Submit your request in the MyHR portal at least two weeks before the first day of leave. Your line manager will approve or decline it within five working days.</p></body></html>", "other/procedure"},
		"kaoqin.txt": {"上海恒远科技有限公司员工考勤管理办法\n\n第一条 为规范公司考勤管理，制定本办法。\n第二条 本办法适用于公司全体员工。\n" +
			"第三条 员工应按时上下班，不得迟到、早退。\n第四条 本办法自2026年1月1日起施行。\n", "other/policy"},
		"tongzhi.txt": {"关于2026年春节放假安排的通知\n\n各部门、全体员工：\n\n现将2026年春节放假安排通知如下：2月15日至2月23日放假调休，共9天。\n\n特此通知。\n\n行政人事部\n", "other/notice"},
	} {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(f.text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		an, err := composed.Analyze(context.Background(), doc, enrich.Request{Tasks: []string{enrich.TaskClassify}})
		if err != nil {
			t.Fatal(err)
		}
		if an.Class+"|"+an.Subtype != "other|"+f.want {
			t.Errorf("%s: %s/%s, want %s", name, an.Class, an.Subtype, f.want)
		}
	}
}

// A JSON document and a table are data in the composed tier too: docmill-mini
// called a service's config.json a log, and the summary was its first
// lines. The class is a rule's, the trace says what the model said, and
// the summary is the data's shape.
func TestComposedTierReadsDataFiles(t *testing.T) {
	m, _ := loadMiniAndSample(t, "contracts/cuad-143-service.txt")
	composed := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), enrich.NewFree(enrich.FreeOptions{}))
	for name, f := range map[string]struct{ text, summary string }{
		"config.json": {"{\n  \"service\": \"orders\",\n  \"port\": 8080,\n  \"database\": {\"host\": \"db1\", \"pool\": 10},\n  \"features\": [\"billing\", \"refunds\"]\n}\n",
			"A JSON object with 4 keys: service, port, database, features."},
		"sales.csv": {"order_id,date,region,customer,total\n1001,2026-01-03,North,Acme Ltd,125.00\n1002,2026-01-04,South,Beta GmbH,100.00\n1003,2026-01-05,North,Gamma Inc,87.50\n",
			`A table of 3 rows and 5 columns: order_id, date, region, customer, total. Its "date" column runs from 2026-01-03 to 2026-01-05. Its "total" values run from 87.50 to 125.00.`},
	} {
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(f.text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		an, err := composed.Analyze(context.Background(), doc, enrich.Request{})
		if err != nil {
			t.Fatal(err)
		}
		if an.Class != "other" || an.Subtype != "other/data" || an.Summary != f.summary || an.Log != nil {
			t.Errorf("%s: %s/%s, summary %q, log digest %v", name, an.Class, an.Subtype, an.Summary, an.Log != nil)
		}
		if tr := an.Tasks[enrich.TaskClassify]; tr.Confidence != an.Confidence || !strings.Contains(tr.Note, "the model said") {
			t.Errorf("%s: classify trace %+v does not say the class is a rule's", name, tr)
		}
	}
}
