package model

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/enrich/keywords"
	"github.com/docmill/docmill/enrich/summarize"
	"github.com/docmill/docmill/model/tokenizer"
	"github.com/docmill/docmill/stages/parse"
)

const contractText = "This Software License Agreement is entered into by Acme Corporation and Beta Limited. " +
	"The Licensee shall pay the license fees within thirty days of each invoice. " +
	"The Licensor grants the Licensee a non-exclusive license to use the Software. " +
	"Either party may terminate this Agreement upon written notice of a material breach. " +
	"This Agreement is governed by the laws of the State of New York."

func contractDoc() *document.Parsed {
	return &document.Parsed{ID: "doc1", Text: contractText, Language: "en", Sentences: []string{
		"This Software License Agreement is entered into by Acme Corporation and Beta Limited.",
		"The Licensee shall pay the license fees within thirty days of each invoice.",
		"The Licensor grants the Licensee a non-exclusive license to use the Software.",
		"Either party may terminate this Agreement upon written notice of a material breach.",
		"This Agreement is governed by the laws of the State of New York.",
	}}
}

func TestAnalyzerAllTasks(t *testing.T) {
	a := NewAnalyzer(loadTiny(t, Options{Threads: 1}), AnalyzerOptions{SummaryChars: 200})
	doc := contractDoc()
	an, err := a.Analyze(context.Background(), doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	labels := a.Model().Bundle.Manifest.Labels.Class
	if !contains(labels, an.Class) || an.Confidence <= 0 || an.Confidence > 1 {
		t.Fatalf("class %q (%v)", an.Class, an.Confidence)
	}
	if an.Subtype != "" && !strings.HasPrefix(an.Subtype, an.Class+"/") {
		t.Fatalf("subtype %q not under class %q", an.Subtype, an.Class)
	}
	for _, task := range []string{enrich.TaskClassify, enrich.TaskKeywords, enrich.TaskSummary} {
		tr, ok := an.Tasks[task]
		if !ok || tr.Depth != document.DepthFull || tr.ExitLayer != 4 || tr.Ms <= 0 {
			t.Fatalf("task %s trace %+v (summary asks for full depth)", task, tr)
		}
	}
	if len(an.Keywords) == 0 || len(an.Keywords) > 10 {
		t.Fatalf("keywords %v", an.Keywords)
	}
	for _, k := range an.Keywords {
		if !strings.Contains(strings.ToLower(contractText), strings.ToLower(k.Text)) {
			t.Fatalf("keyword %q not in text", k.Text)
		}
	}
	// the budget counts the text; a cut is marked after it
	an.Summary = strings.TrimSuffix(an.Summary, summarize.CutMark)
	if an.Summary == "" || len([]rune(an.Summary)) > 200 {
		t.Fatalf("summary %q", an.Summary)
	}
	for _, s := range doc.Sentences {
		an.Summary = strings.Replace(an.Summary, s, "", 1)
	}
	// Select may cut one sentence at a word boundary to fit the budget.
	if rest := strings.TrimSpace(an.Summary); rest != "" && !prefixOfAny(doc.Sentences, rest) {
		t.Fatalf("summary holds text that is not from the sentences: %q", rest)
	}
	if an.Model.Tier != "model" || an.Model.Name != "docmill-tiny" {
		t.Fatalf("model info %+v", an.Model)
	}
}

func TestAnalyzerShallowAndDeadline(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1})
	m.SetRouter(Router{Threshold: 0})
	a := NewAnalyzer(m, AnalyzerOptions{})
	an, err := a.Analyze(context.Background(), contractDoc(), enrich.Request{Tasks: []string{enrich.TaskClassify, enrich.TaskKeywords}})
	if err != nil {
		t.Fatal(err)
	}
	if tr := an.Tasks[enrich.TaskClassify]; tr.Depth != document.DepthShallow || tr.ExitLayer != 2 {
		t.Fatalf("classify without summary: %+v", tr)
	}
	if _, ok := an.Tasks[enrich.TaskSummary]; ok || an.Summary != "" {
		t.Fatal("summary computed though not requested")
	}
	// Teach the router what full depth costs, then give a deadline that has
	// already passed: the summary falls back to the model-free tier.
	if _, err := m.Run(context.Background(), contractText, document.DepthFull); err != nil {
		t.Fatal(err)
	}
	an, err = a.Analyze(context.Background(), contractDoc(), enrich.Request{Deadline: time.Now().Add(-time.Second)})
	if err != nil {
		t.Fatal(err)
	}
	if tr := an.Tasks[enrich.TaskSummary]; tr.Depth != document.DepthNone || an.Summary == "" {
		t.Fatalf("summary past deadline: %+v %q", tr, an.Summary)
	}
	if tr := an.Tasks[enrich.TaskClassify]; tr.Depth != document.DepthShallow {
		t.Fatalf("classify past deadline: %+v", tr)
	}
}

// The keyword score blends the statistical score with the model's token
// probabilities: with the model's weight at 1 the ranking follows the
// model's per-token scores exactly.
func TestKeywordRescoring(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1})
	out, err := m.Run(context.Background(), contractText, document.DepthShallow)
	if err != nil {
		t.Fatal(err)
	}
	ex := out.Final()
	modelOnly := NewAnalyzer(m, AnalyzerOptions{KeywordWeight: 1, TopKeywords: 50})
	kws := modelOnly.keywords(contractText, "en", "contract", out.Offsets, ex)
	cands := keywords.Candidates(contractText, "en")
	byText := map[string]float64{}
	for _, c := range cands {
		byText[c.Text], _ = spanScore(out.Offsets, ex.Keyword, c.Spans)
	}
	for i, k := range kws {
		// a phrase merged from two overlapping windows keeps the score of
		// the better window, a candidate inside it
		found := false
		for text, score := range byText {
			if strings.Contains(" "+k.Text+" ", " "+text+" ") && abs(k.Score-score) <= 1e-12 {
				found = true
			}
		}
		if !found {
			t.Fatalf("keyword %q score %v is no candidate's model score (its own: %v)", k.Text, k.Score, byText[k.Text])
		}
		if i > 0 && k.Score > kws[i-1].Score {
			t.Fatalf("not sorted at %d", i)
		}
	}
	stats := NewAnalyzer(m, AnalyzerOptions{KeywordWeight: -1, TopKeywords: 50}).keywords(contractText, "en", "contract", out.Offsets, ex)
	if len(stats) == 0 || sameOrder(stats, kws) {
		t.Fatalf("model weight changes nothing: %v", kws)
	}
}

func TestSentenceSalience(t *testing.T) {
	text := "Aa bb. Cc dd."
	var offsets []tokenizer.Span
	for _, p := range [][2]int{{0, 2}, {3, 5}, {5, 6}, {7, 9}, {10, 12}, {12, 13}} {
		offsets = append(offsets, tokenizer.Span{Start: p[0], End: p[1]})
	}
	sal := []float64{0.1, 0.3, 0.2, 0.9, 0.7, 0.8}
	got := sentenceSalience(text, []string{"Aa bb.", "Cc dd.", "missing"}, offsets, sal)
	want := []float64{0.2, 0.8, 0.5}
	for i := range want {
		if abs(got[i]-want[i]) > 1e-9 {
			t.Fatalf("got %v want %v", got, want)
		}
	}
}

func prefixOfAny(list []string, s string) bool {
	for _, x := range list {
		if strings.HasPrefix(x, s) {
			return true
		}
	}
	return false
}

// Sentences rejoined from hard-wrapped lines are still found in the text.
func TestSentenceSalienceWrappedLines(t *testing.T) {
	text := "First   line\nwraps here.\n\n本协议\n生效。"
	var offsets []tokenizer.Span
	var sal []float64
	for i := range len(text) {
		offsets = append(offsets, tokenizer.Span{Start: i, End: i + 1})
		v := 0.0
		if i >= strings.Index(text, "本") {
			v = 1
		}
		sal = append(sal, v)
	}
	got := sentenceSalience(text, []string{"First line wraps here.", "本协议生效。"}, offsets, sal)
	if got[0] != 0 || got[1] != 1 {
		t.Fatalf("wrapped sentences not located: %v", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func sameOrder(a, b []document.Keyword) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}

func TestAnalyzerEmptyDocument(t *testing.T) {
	a := NewAnalyzer(loadTiny(t, Options{Threads: 1}), AnalyzerOptions{})
	an, err := a.Analyze(context.Background(), &document.Parsed{ID: "empty"}, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if an.Class == "" || len(an.Keywords) != 0 || an.Summary != "" {
		t.Fatalf("empty document: %+v", an)
	}
}

// The complexity router: a summary escalates to full depth only when the
// sentences do not all fit the budget; a text that fits is its own summary
// and a log's summary is left to its template digest.
func TestSummaryEscalatesOnlyWhenThereIsAChoice(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1})
	m.SetRouter(Router{Threshold: 0})
	a := NewAnalyzer(m, AnalyzerOptions{SummaryChars: len(contractText) + 10})
	an, err := a.Analyze(context.Background(), contractDoc(), enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if tr := an.Tasks[enrich.TaskClassify]; tr.Depth != document.DepthShallow {
		t.Fatalf("a text inside the summary budget went to %+v", tr)
	}
	if tr := an.Tasks[enrich.TaskSummary]; tr.Depth != document.DepthNone || len(an.Summary) < len(contractText)*9/10 {
		t.Fatalf("summary of a short text: %+v %q", tr, an.Summary)
	}

	a = NewAnalyzer(m, AnalyzerOptions{SummaryChars: 200})
	if an, err = a.Analyze(context.Background(), contractDoc(), enrich.Request{}); err != nil {
		t.Fatal(err)
	}
	if tr := an.Tasks[enrich.TaskSummary]; tr.Depth != document.DepthFull {
		t.Fatalf("a text over the budget must use full-depth salience: %+v", tr)
	}

	log := &document.Parsed{ID: "log1", ContentType: document.TypeLog, Language: "en",
		Text: strings.Repeat("2026-01-02 10:00:01 ERROR db timeout after 30s on pool main\n", 40)}
	if an, err = a.Analyze(context.Background(), log, enrich.Request{}); err != nil {
		t.Fatal(err)
	}
	if tr := an.Tasks[enrich.TaskClassify]; tr.Depth != document.DepthShallow || an.Summary != "" {
		t.Fatalf("log: classify %+v, summary %q (want shallow, summary left to the log digest)", tr, an.Summary)
	}
	full := enrich.WithFallback(a, enrich.NewFree(enrich.FreeOptions{}))
	if an, err = full.Analyze(context.Background(), log, enrich.Request{}); err != nil {
		t.Fatal(err)
	}
	if an.Log == nil || !strings.Contains(an.Summary, "db timeout") {
		t.Fatalf("log digest summary %q (log %v)", an.Summary, an.Log != nil)
	}
}

// A document the parser typed as a log is classified "log" whatever the
// (here random) class head says, as the model-free tier does.
func TestParserLogTypeWins(t *testing.T) {
	a := NewAnalyzer(loadTiny(t, Options{Threads: 1}), AnalyzerOptions{})
	doc := &document.Parsed{ID: "l", ContentType: document.TypeLog, Language: "en",
		Text: strings.Repeat("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; rhost=218.188.2.4\n", 20)}
	an, err := a.Analyze(context.Background(), doc, enrich.Request{Tasks: []string{enrich.TaskClassify}})
	if err != nil {
		t.Fatal(err)
	}
	if an.Class != "log" || (an.Subtype != "" && !strings.HasPrefix(an.Subtype, "log/")) {
		t.Fatalf("class %q subtype %q for a parsed log", an.Class, an.Subtype)
	}
	// the trace says the parser overruled the model (the tiny test model
	// calls these lines a contract), not the exit's confidence in another
	// class
	if tr := an.Tasks[enrich.TaskClassify]; tr.Confidence != an.Confidence || !strings.Contains(tr.Note, "the model said contract") {
		t.Errorf("classify trace %+v", tr)
	}
}

// A text in a script docmill-mini's vocabulary does not cover is "other",
// saying so: an Arabic lease was "regulation" at 100% confidence, from
// unknown tokens. English is untouched.
func TestUnknownScriptIsOther(t *testing.T) {
	m := loadMini(t)
	an := NewAnalyzer(m, AnalyzerOptions{})
	analyse := func(text string) *document.Analysis {
		t.Helper()
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: "a.txt", Data: []byte(text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		a, err := an.Analyze(context.Background(), doc, enrich.Request{Tasks: []string{enrich.TaskClassify}})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := analyse("عقد إيجار\nالطرف الأول: شركة النور للعقارات\nالطرف الثاني: محمد أحمد\nيلتزم المستأجر بدفع الإيجار الشهري في موعده. مدة العقد سنة واحدة تبدأ من تاريخ التوقيع.")
	if a.Class != "other" || a.Confidence > 0.5 || !strings.Contains(a.Tasks[enrich.TaskClassify].Note, "vocabulary does not know") {
		t.Errorf("Arabic lease: %s at %.2f, note %q", a.Class, a.Confidence, a.Tasks[enrich.TaskClassify].Note)
	}
	if a := analyse("This Agreement is governed by the laws of England. The Supplier shall deliver the goods within thirty days."); a.Class != "contract" || a.Tasks[enrich.TaskClassify].Note != "" {
		t.Errorf("English contract: %s, note %q", a.Class, a.Tasks[enrich.TaskClassify].Note)
	}
}

// An e-mail that is mostly header lines reads like a log to docmill-mini
// ("Date: Tue, 2 Jan 2024 10:00:00"): it was classified log/syslog, and
// its key phrases mined as templates. An e-mail is never a log.
func TestEmailIsNoLog(t *testing.T) {
	m := loadMini(t)
	msg := "From: Ann Example <ann@acme.example>\r\nTo: Bob <bob@globex.example>\r\nDate: Tue, 2 Jan 2024 10:00:00 +0000\r\n" +
		"Subject: Renewal of the supply agreement with a very long subject line that goes on and on\r\n\r\nDear Bob, the renewal is attached.\r\n"
	doc, err := parse.Parse(context.Background(), parse.Input{Filename: "memo.eml", Data: []byte(msg)}, parse.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewAnalyzer(m, AnalyzerOptions{}).Analyze(context.Background(), doc, enrich.Request{Tasks: []string{enrich.TaskClassify}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Class == "log" {
		t.Errorf("e-mail classified %s/%s", a.Class, a.Subtype)
	}
}

// The model calls a Chinese contract "other" (the composed tier's rules
// then make it a contract), and its key phrases listed a party's name
// beside its pieces (明德律师事务所, 明德律师, 上海明德律师, 明德): a
// Chinese contract's list each term once, whatever class the model said.
func TestChineseContractKeywordsNotNested(t *testing.T) {
	text := "房屋租赁合同\n\n出租方（甲方）：上海静安置业发展有限公司\n承租方（乙方）：上海明德律师事务所\n\n" +
		"第一条 租赁房屋\n甲方将位于上海市静安区南京西路1266号的房屋出租给乙方作为办公使用，建筑面积为450平方米。\n\n" +
		"第二条 租赁期限\n租赁期限自2025年1月1日起至2027年12月31日止，共计三年。\n\n" +
		"第三条 租金及支付方式\n月租金为人民币壹拾叁万伍仟元整，按季度支付。\n\n" +
		"第四条 乙方义务\n乙方不得擅自转租。上海明德律师事务所应按时支付租金。\n\n" +
		"出租方：上海静安置业发展有限公司\n承租方：上海明德律师事务所\n"
	m := loadTiny(t, Options{Threads: 1})
	out, err := m.Run(context.Background(), text, document.DepthShallow)
	if err != nil {
		t.Fatal(err)
	}
	kws := NewAnalyzer(m, AnalyzerOptions{}).keywords(text, "zh", "other", out.Offsets, out.Final())
	if len(kws) == 0 {
		t.Fatal("no key phrases")
	}
	for _, k := range kws {
		for _, o := range kws {
			if k.Text != o.Text && strings.Contains(k.Text, o.Text) && strings.Count(text, o.Text) <= strings.Count(text, k.Text)+1 {
				t.Errorf("%q beside its own piece %q: %v", k.Text, o.Text, kws)
			}
		}
	}
}

// The model ranked "Data" above the contract's defined term "Repair
// Data", which was then dropped as one more phrase sharing the word
// "data", and "Repair" came out alone beside it; the free tier, ranking
// the term first, listed it (QA qa-keys3). A phrase below a chosen piece
// of it that seldom occurs apart from it takes the piece's place.
func TestModelKeywordsKeepDefinedTermOverItsWords(t *testing.T) {
	text := "DATA SHARING AGREEMENT\nVersion 2.1, last updated 3 March 2024\n\n" +
		"(A) The Council collects data about housing repairs.\n(B) The Contractor carries out housing repairs for the Council.\n" +
		"(C) The parties wish to share repair data to improve response times.\n\n" +
		"1. Definitions\nBusiness Day means a day other than a Saturday, Sunday or public holiday in England.\n" +
		"Repair Data means the records of repair requests, visits and completion dates.\n\n" +
		"2. Sharing\n2.1 The Council shall send Repair Data to the Contractor each Business Day.\n" +
		"2.2 The Contractor shall use Repair Data only to plan repair visits.\n"
	m := loadMini(t)
	out, err := m.Run(context.Background(), text, document.DepthShallow)
	if err != nil {
		t.Fatal(err)
	}
	got := document.KeywordTexts(NewAnalyzer(m, AnalyzerOptions{}).keywords(text, "en", "contract", out.Offsets, out.Final()))
	if !slices.Contains(got, "Repair Data") {
		t.Errorf("\"Repair Data\" not among the key phrases %q", got)
	}
	for _, piece := range []string{"Data", "Repair"} {
		if slices.Contains(got, piece) {
			t.Errorf("%q alone among the key phrases %q", piece, got)
		}
	}
}
