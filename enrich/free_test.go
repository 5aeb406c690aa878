package enrich_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/enrich/logs"
	"github.com/docmill/docmill/enrich/summarize"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/lang"
	"github.com/docmill/docmill/stages/parse"
)

// sample reads a file of the repository's samples/ folder.
func sample(t *testing.T, rel string) string {
	t.Helper()
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "samples", rel))
	if err != nil {
		t.Skipf("sample %s missing: %v", rel, err)
	}
	return string(b)
}

func parsed(name, text, contentType string) *document.Parsed {
	l := lang.Detect(text)
	return &document.Parsed{ID: document.ID([]byte(text)), Filename: name, Source: "test", ContentType: contentType,
		Text: text, Language: l, Sentences: lang.Sentences(text, l), Size: len(text)}
}

func analyze(t *testing.T, f *enrich.Free, doc *document.Parsed, req enrich.Request) *document.Analysis {
	t.Helper()
	a, err := f.Analyze(context.Background(), doc, req)
	if err != nil {
		t.Fatalf("%s: %v", doc.Filename, err)
	}
	return a
}

func TestFreeContract(t *testing.T) {
	doc := parsed("cuad-143-service.txt", sample(t, "contracts/cuad-143-service.txt"), document.TypeText)
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), doc, enrich.Request{})
	if a.Class != "contract" || a.Confidence <= 0.5 || a.Confidence > 1 {
		t.Errorf("class %q confidence %.3f", a.Class, a.Confidence)
	}
	if len(a.Keywords) != enrich.DefaultTopKeywords {
		t.Errorf("%d keywords: %v", len(a.Keywords), a.Keywords)
	}
	if n := utf8.RuneCountInString(a.Summary); n == 0 || n > enrich.DefaultSummaryChars {
		t.Errorf("summary of %d chars: %q", n, a.Summary)
	}
	kinds := map[string]bool{}
	for _, e := range a.Entities {
		kinds[e.Kind] = true
	}
	if !kinds["party"] {
		t.Errorf("no party among entities %v", a.Entities)
	}
	if a.Log != nil {
		t.Error("contract got a log summary")
	}
	for _, task := range []string{enrich.TaskClassify, enrich.TaskKeywords, enrich.TaskSummary, enrich.TaskEntities} {
		tr, ok := a.Tasks[task]
		if !ok || tr.Depth != document.DepthNone || tr.Ms < 0 {
			t.Errorf("task %s trace %+v (present %v)", task, tr, ok)
		}
	}
	if a.Model.Name != "docmill-free" || a.Model.Tier != "free" || a.Model.Version != enrich.FreeVersion {
		t.Errorf("model info %+v", a.Model)
	}
}

func TestFreeRegulation(t *testing.T) {
	arts, err := eval.ReadJSONL[struct {
		ID, Heading, Text string
	}](datasets.Require(t, "eu_digital_acquis_articles", "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	f := enrich.NewFree(enrich.FreeOptions{SummaryChars: 300})
	var text string
	for _, a := range arts {
		if a.ID == "2016-679-art5" {
			text = "Article 5\n" + a.Heading + "\n\n" + a.Text
		}
	}
	if text == "" {
		t.Fatal("GDPR Article 5 not found")
	}
	a := analyze(t, f, parsed("gdpr-art5.txt", text, document.TypeText), enrich.Request{})
	if a.Class != "regulation" {
		t.Errorf("class %q (%.3f)", a.Class, a.Confidence)
	}
	if utf8.RuneCountInString(a.Summary) > 300 || a.Summary == "" {
		t.Errorf("summary %q", a.Summary)
	}
	var kw []string
	for _, k := range a.Keywords {
		kw = append(kw, strings.ToLower(k.Text))
	}
	if !strings.Contains(strings.Join(kw, "|"), "personal data") {
		t.Errorf("keywords %v lack personal data", kw)
	}
	if len(a.Entities) == 0 {
		t.Error("no entities for a regulation")
	}
}

func TestFreeLogUsesRegistryMiner(t *testing.T) {
	text := sample(t, "logs/billing-service.log")
	reg := logs.NewRegistry(nil, logs.DefaultConfig())
	f := enrich.NewFree(enrich.FreeOptions{Logs: reg})
	doc := parsed("billing-service.log", text, document.TypeLog)
	a := analyze(t, f, doc, enrich.Request{})
	if a.Class != "log" || a.Log == nil {
		t.Fatalf("class %q log %v", a.Class, a.Log)
	}
	if a.Log.Lines == 0 || len(a.Log.Templates) == 0 || a.Log.NewTemplates == 0 {
		t.Errorf("log summary %+v", a.Log)
	}
	if !strings.Contains(a.Summary, "lines") || len(a.Keywords) == 0 {
		t.Errorf("summary %q keywords %v", a.Summary, a.Keywords)
	}
	if a.Entities != nil {
		t.Errorf("log got entities %v", a.Entities)
	}
	// the same source again: the registry's miner already knows every template
	again := analyze(t, f, doc, enrich.Request{Tasks: []string{enrich.TaskLogs}})
	if again.Log == nil || again.Log.NewTemplates != 0 {
		t.Errorf("second pass new templates %+v", again.Log)
	}
	if _, ok := again.Tasks[enrich.TaskKeywords]; ok || len(again.Keywords) != 0 || again.Summary != "" {
		t.Errorf("tasks not honoured: %+v", again)
	}
	// Key phrases alone still come from the templates, without a digest.
	kw := analyze(t, f, doc, enrich.Request{Tasks: []string{enrich.TaskKeywords}})
	if kw.Log != nil || strings.Join(document.KeywordTexts(kw.Keywords), "|") != strings.Join(document.KeywordTexts(a.Keywords), "|") {
		t.Errorf("keywords-only: %q (digest %v), want %q", document.KeywordTexts(kw.Keywords), kw.Log != nil, document.KeywordTexts(a.Keywords))
	}
	if _, ok := kw.Tasks[enrich.TaskLogs]; ok {
		t.Errorf("keywords-only request reports a logs task: %+v", kw.Tasks)
	}
}

// A Java log's key phrases name its classes, not the parts of their
// packages ("com", "example").
func TestFreeLogKeywordsWithoutPackages(t *testing.T) {
	text := "2024-05-13 10:00:01,123 INFO  [main] com.example.OrderService - 订单创建成功，订单号=202405130001，用户ID=10086\n" +
		"2024-05-13 10:00:03,789 WARN  [pool-1] com.example.PayService - 支付回调超时，订单号=202405130001，重试次数=1\n" +
		"2024-05-13 10:00:07,003 ERROR [pool-2] com.example.DbPool - 数据库连接失败：连接超时（30000毫秒）\n" +
		"2024-05-13 10:00:09,005 INFO  [main] com.example.OrderService - 订单创建成功，订单号=202405130004，用户ID=10089\n" +
		"2024-05-13 10:00:11,007 INFO  [main] com.example.UserService - 用户登录成功，用户名=张三\n"
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), parsed("app.log", text, document.TypeLog), enrich.Request{})
	kws := document.KeywordTexts(a.Keywords)
	if len(kws) == 0 || slices.Contains(kws, "com") || slices.Contains(kws, "example") || !slices.Contains(kws, "OrderService") {
		t.Errorf("keywords %q", kws)
	}
}

func TestFreeChinese(t *testing.T) {
	text := sample(t, "chinese/csl-dev-0175.txt")
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{SummaryChars: 120}), parsed("csl-dev-0175.txt", text, document.TypeText), enrich.Request{})
	if a.Class != "other" {
		t.Errorf("class %q", a.Class)
	}
	if len(a.Keywords) == 0 {
		t.Fatal("no Chinese keywords")
	}
	joined := ""
	for _, k := range a.Keywords {
		joined += k.Text + "|"
	}
	if !strings.Contains(joined, "网络监控") {
		t.Errorf("keywords %s lack 网络监控", joined)
	}
	if n := utf8.RuneCountInString(strings.TrimSuffix(a.Summary, summarize.CutMark)); n == 0 || n > 120 || strings.Contains(a.Summary, "  ") {
		t.Errorf("summary %q", a.Summary)
	}
}

// A notice's summary does not open with its document number (QA qa-zh4).
func TestFreeChineseNoticeSummaryLeavesOutDocNumber(t *testing.T) {
	text := "上海市人力资源和社会保障局关于调整2024年本市最低工资标准的通知\n\n沪人社规〔2024〕12号\n\n" +
		"各区人力资源和社会保障局，各有关单位：\n\n经市政府同意，现就调整本市最低工资标准有关事项通知如下：\n\n" +
		"一、从2024年7月1日起，本市月最低工资标准从2590元调整为2690元；小时最低工资标准从23元调整为24元。\n\n" +
		"二、用人单位应当按照本通知规定，及时调整本单位职工工资，不得低于调整后的最低工资标准。\n\n" +
		"三、各区人力资源和社会保障局应当加强对用人单位执行最低工资标准情况的监督检查。\n\n" +
		"上海市人力资源和社会保障局\n2024年6月20日\n"
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), parsed("notice.txt", text, document.TypeText), enrich.Request{})
	if strings.Contains(a.Summary, "沪人社规") || !strings.Contains(a.Summary, "2690元") {
		t.Errorf("summary %q", a.Summary)
	}
}

// The model-free tier's key phrases name a party whole, not the piece of
// the name the word splitter knows.
func TestFreeChineseKeywordsNameParties(t *testing.T) {
	text := "劳动合同书。用人单位：南京长江电子有限公司。劳动者：黄嘉欣。黄嘉欣的工作岗位为软件工程师。" +
		"用人单位每月十日前向黄嘉欣支付劳动报酬。黄嘉欣应当遵守用人单位的规章制度。合同期限为三年。"
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), parsed("zhname.txt", text, document.TypeText), enrich.Request{})
	for _, k := range a.Keywords {
		if k.Text == "黄嘉" || k.Text == "嘉欣" {
			t.Errorf("a piece of a party's name as a key phrase: %v", a.Keywords)
		}
	}
}

func TestFreeHonoursCancelAndTasks(t *testing.T) {
	f := enrich.NewFree(enrich.FreeOptions{})
	doc := parsed("x.txt", "The Supplier shall deliver the goods. The Customer shall pay the price.", document.TypeText)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.Analyze(ctx, doc, enrich.Request{}); err == nil {
		t.Error("cancelled context did not stop the analysis")
	}
	a := analyze(t, f, doc, enrich.Request{Tasks: []string{enrich.TaskKeywords}})
	if a.Class != "" || a.Summary != "" || len(a.Keywords) == 0 || len(a.Tasks) != 1 {
		t.Errorf("keywords-only analysis %+v", a)
	}
	var _ enrich.Analyzer = f
}

func BenchmarkFreeContract(b *testing.B) {
	root, _ := datasets.RepoRoot()
	raw, err := os.ReadFile(filepath.Join(root, "samples", "contracts", "cuad-143-service.txt"))
	if err != nil {
		b.Skip("sample missing")
	}
	f := enrich.NewFree(enrich.FreeOptions{})
	doc := parsed("c.txt", string(raw), document.TypeText)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := f.Analyze(context.Background(), doc, enrich.Request{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFreeChinese analyses about 100 KB of Chinese prose (CSL
// abstracts, one document): segmentation is most of its cost. A summary
// segmenting each sentence once, not for scoring and again for selection,
// took 0.37, 0.58 and 0.93 of the time before in three paired runs on a
// busy 2-core machine (`go test ./enrich -run X -bench FreeChinese`).
func BenchmarkFreeChinese(b *testing.B) {
	abstracts, err := eval.ReadJSONL[struct{ Title, Text string }](datasets.Require(b, "csl_zh_keywords", "csl_kg_devtest.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	for _, a := range abstracts {
		if text.Len() > 100_000 {
			break
		}
		fmt.Fprintf(&text, "%s。%s\n\n", a.Title, a.Text)
	}
	f := enrich.NewFree(enrich.FreeOptions{})
	doc := parsed("zh.txt", text.String(), document.TypeText)
	if _, err := f.Analyze(context.Background(), doc, enrich.Request{}); err != nil {
		b.Fatal(err) // and the segmenter's dictionary is loaded, outside the timing
	}
	b.SetBytes(int64(text.Len()))
	for b.Loop() {
		if _, err := f.Analyze(context.Background(), doc, enrich.Request{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestFreeLargeDocumentIsBounded(t *testing.T) {
	para := "The Supplier shall deliver the goods to the Customer within thirty days. The Customer shall pay the price within sixty days of delivery.\n"
	text := strings.Repeat(para, (3<<20)/len(para)) // ~3 MiB
	doc := parsed("big.txt", text, document.TypeText)
	doc.Title = "Supply Agreement"
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), doc, enrich.Request{Tasks: []string{enrich.TaskKeywords, enrich.TaskSummary}})
	if len(a.Keywords) == 0 || a.Summary == "" || utf8.RuneCountInString(a.Summary) > enrich.DefaultSummaryChars {
		t.Errorf("keywords %v summary %q", a.Keywords, a.Summary)
	}
}

// Entities of a very long contract come from its head and its tail, and
// the trace says so: parties open a contract and its governing law closes
// it, and the middle of a 5 MiB text would cost seconds more.
func TestFreeEntitiesOfLongContractReadHeadAndTail(t *testing.T) {
	head := "This Supply Agreement is entered into as of January 5, 2021 between Acme Corp. (\"Supplier\") and Globex LLC (\"Customer\").\n"
	middle := "The Supplier shall deliver the goods and the Customer shall pay USD 7,777,777 for them.\n"
	tail := "This Agreement shall be governed by the laws of the State of Delaware.\n"
	pad := "The parties shall cooperate in good faith on the delivery schedule described above.\n"
	var b strings.Builder
	b.WriteString(head)
	for b.Len() < 7<<19 { // 3.5 MiB: past the head
		b.WriteString(pad)
	}
	b.WriteString(middle)
	for b.Len() < 5<<20 {
		b.WriteString(pad)
	}
	b.WriteString(tail)
	doc := parsed("long-supply.txt", b.String(), document.TypeText)
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), doc, enrich.Request{Tasks: []string{enrich.TaskClassify, enrich.TaskEntities}})
	got := map[string]string{}
	for _, e := range a.Entities {
		got[e.Kind] += e.Text + "|"
	}
	if !strings.Contains(got["party"], "Acme Corp") || !strings.Contains(got["governing_law"], "Delaware") {
		t.Errorf("parties %q, governing law %q: want the head's and the tail's", got["party"], got["governing_law"])
	}
	if strings.Contains(got["money"], "7,777,777") {
		t.Errorf("money %q: the middle of the text was read", got["money"])
	}
	if tr := a.Tasks[enrich.TaskEntities]; !strings.Contains(tr.Note, "first 3145728 and last 1048576 bytes") {
		t.Errorf("entities trace %+v: want the budget named", tr)
	}
	// A text within the budget is read whole, without a note.
	doc = parsed("supply.txt", head+middle+tail, document.TypeText)
	a = analyze(t, enrich.NewFree(enrich.FreeOptions{}), doc, enrich.Request{Tasks: []string{enrich.TaskClassify, enrich.TaskEntities}})
	if tr := a.Tasks[enrich.TaskEntities]; tr.Note != "" {
		t.Errorf("short text noted: %+v", tr)
	}
}

// The summary weighs the document's key phrases, and is the same whether
// or not the keyword task was asked for (eval asks for the summary alone).
func TestFreeSummaryDoesNotDependOnOtherTasks(t *testing.T) {
	doc := parsed("cuad-138-maintenance.txt", sample(t, "contracts/cuad-138-maintenance.txt"), document.TypeText)
	f := enrich.NewFree(enrich.FreeOptions{SummaryChars: 400})
	alone := analyze(t, f, doc, enrich.Request{Tasks: []string{enrich.TaskSummary}})
	all := analyze(t, f, doc, enrich.Request{})
	if alone.Summary == "" || alone.Summary != all.Summary {
		t.Errorf("summary alone:\n%q\nwith every task:\n%q", alone.Summary, all.Summary)
	}
	if len(alone.Keywords) != 0 {
		t.Errorf("keywords returned though not asked for: %v", alone.Keywords)
	}
}

// logOf is a log of n lines; from line 1,001 on every line is an error.
func logOf(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		level, msg := "INFO", "request %d served"
		if i >= 1000 {
			level, msg = "ERROR", "connection %d refused by the database"
		}
		fmt.Fprintf(&b, "2024-03-01 %02d:%02d:%02d,000 %s [main] app.Server: "+msg+"\n", i/3600%24, i/60%60, i%60, level, i)
	}
	return b.String()
}

// A log past the analysis budget is mined only up to it: the digest, the
// summary and the traces of the tasks drawn from the mining say how many
// of how many lines were analysed, and describe only those.
func TestFreeLogAnalysisBudget(t *testing.T) {
	doc := parsed("big.log", logOf(3000), document.TypeLog)
	f := enrich.NewFree(enrich.FreeOptions{MaxLogLines: 1000})
	a := analyze(t, f, doc, enrich.Request{})
	if a.Log == nil || a.Log.Lines != 3000 || a.Log.Analyzed != 1000 || a.Log.Levels["ERROR"] != 0 || a.Log.End != "2024-03-01T00:16:39" {
		t.Fatalf("digest %+v, want 1000 of 3000 lines analysed, no errors, ending at line 1000", a.Log)
	}
	if !strings.HasPrefix(a.Summary, "First 1000 of 3000 lines ") {
		t.Errorf("summary %q does not say what it covers", a.Summary)
	}
	for _, task := range []string{enrich.TaskLogs, enrich.TaskKeywords, enrich.TaskSummary} {
		if note := a.Tasks[task].Note; !strings.Contains(note, "first 1000 of 3000 lines") || !strings.Contains(note, "pipeline.max_log_lines") {
			t.Errorf("%s trace note %q", task, note)
		}
	}
	if note := a.Tasks[enrich.TaskClassify].Note; note != "" {
		t.Errorf("classification read the text whole, but its trace says %q", note)
	}
	// key phrases alone come from a bounded mining too, and say so
	kw := analyze(t, f, doc, enrich.Request{Tasks: []string{enrich.TaskKeywords}})
	if kw.Log != nil || !strings.Contains(kw.Tasks[enrich.TaskKeywords].Note, "first 1000 of 3000 lines") {
		t.Errorf("keywords-only: digest %v, trace %+v", kw.Log, kw.Tasks)
	}
	// a negative budget mines the whole log
	whole := analyze(t, enrich.NewFree(enrich.FreeOptions{MaxLogLines: -1}), doc, enrich.Request{Tasks: []string{enrich.TaskLogs}})
	if whole.Log.Analyzed != 0 || whole.Log.Levels["ERROR"] != 2000 || whole.Tasks[enrich.TaskLogs].Note != "" {
		t.Errorf("unbounded: digest %+v trace %+v", whole.Log, whole.Tasks[enrich.TaskLogs])
	}
}

// The budget is on by default, and a loghub-sized log (2,000 lines) is
// well within it.
func TestFreeLogAnalysisBudgetDefault(t *testing.T) {
	f := enrich.NewFree(enrich.FreeOptions{})
	small := analyze(t, f, parsed("small.log", logOf(2000), document.TypeLog), enrich.Request{Tasks: []string{enrich.TaskLogs}})
	if small.Log.Analyzed != 0 || small.Log.Lines != 2000 || small.Tasks[enrich.TaskLogs].Note != "" {
		t.Errorf("a 2,000-line log was not analysed whole: %+v %+v", small.Log, small.Tasks)
	}
	if testing.Short() {
		t.Skip("mines 100,000 lines")
	}
	n := enrich.DefaultMaxLogLines + 500
	big := analyze(t, f, parsed("big.log", logOf(n), document.TypeLog), enrich.Request{Tasks: []string{enrich.TaskLogs}})
	if big.Log.Lines != n || big.Log.Analyzed != enrich.DefaultMaxLogLines {
		t.Errorf("default budget: %d of %d lines analysed, want %d", big.Log.Analyzed, big.Log.Lines, enrich.DefaultMaxLogLines)
	}
}

// BenchmarkFreeLargeLog analyses a varied 60 MB log (lines drawn at
// random from the loghub 2k files, a third of their digits changed) as
// the worker does, within the default analysis budget and whole:
//
//	go test ./enrich -run '^$' -bench FreeLargeLog -benchtime 1x
func BenchmarkFreeLargeLog(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(datasets.Require(b, "loghub_2k"), "*", "*_2k.log"))
	if err != nil || len(files) == 0 {
		b.Skipf("no loghub 2k files: %v", err)
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	for sb.Len() < 60<<20 {
		for _, c := range []byte(lines[r.IntN(len(lines))]) {
			if c >= '0' && c <= '9' && r.IntN(3) == 0 {
				c = byte('0' + r.IntN(10))
			}
			sb.WriteByte(c)
		}
		sb.WriteByte('\n')
	}
	// as the parser leaves a log: no sentences (splitting 60 MB into
	// sentences would dwarf what is measured)
	doc := &document.Parsed{ID: "big", Filename: "big.log", Source: "bench", ContentType: document.TypeLog, Text: sb.String(), Language: "en", Size: sb.Len()}
	b.ResetTimer()
	for _, c := range []struct {
		name string
		max  int
	}{{"budget", 0}, {"whole", -1}} {
		b.Run(c.name, func(b *testing.B) {
			f := enrich.NewFree(enrich.FreeOptions{MaxLogLines: c.max})
			for i := 0; i < b.N; i++ {
				a, err := f.Analyze(context.Background(), doc, enrich.Request{})
				if err != nil || a.Log == nil {
					b.Fatalf("analyse: %v", err)
				}
				mined := a.Log.Lines
				if a.Log.Analyzed > 0 {
					mined = a.Log.Analyzed
				}
				b.ReportMetric(float64(mined), "lines-mined")
			}
		})
	}
}

// An e-mail whose text is mostly its header lines reads like a log to the
// text classifier ("Date: Tue, 2 Jan 2024 10:00:00"): it was classified a
// log, with templates mined from it. An e-mail is never a log.
func TestEmailIsNoLog(t *testing.T) {
	msg := "From: Ann Example <ann@acme.example>\r\nTo: Bob <bob@globex.example>\r\nDate: Tue, 2 Jan 2024 10:00:00 +0000\r\n" +
		"Subject: Renewal of the supply agreement\r\n\r\nDear Bob, the renewal is attached.\r\n"
	doc, err := parse.Parse(context.Background(), parse.Input{Filename: "memo.eml", Data: []byte(msg)}, parse.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	a, err := enrich.NewFree(enrich.FreeOptions{}).Analyze(context.Background(), doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Class == "log" || a.Log != nil {
		t.Errorf("e-mail analysed as a log: class %s/%s, log summary %v", a.Class, a.Subtype, a.Log != nil)
	}
}

// A short note that says nothing legal is "other", not a contract: the
// heads learned short terms clauses and called a lunch note a contract.
func TestFreeShortNoteIsOther(t *testing.T) {
	doc := parsed("note.txt", "Team lunch on Friday at noon, pizza for everyone.", document.TypeText)
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), doc, enrich.Request{})
	if a.Class != "other" || a.Subtype != "" {
		t.Errorf("class %q sub-type %q, want other", a.Class, a.Subtype)
	}
}

// A securities filing's redaction legend ("[***] INDICATES MATERIAL THAT
// HAS BEEN OMITTED ... SECURITIES AND EXCHANGE COMMISSION ...") is no key
// phrase of the contract: on the CUAD contracts that carry one, parsed as
// a user's text file is, no key phrase names the filing.
func TestFreeKeywordsSkipFilingLegends(t *testing.T) {
	docs, err := eval.ReadJSONL[struct{ ID, Text string }](datasets.Require(t, "cuad_contracts", "contracts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	legend := regexp.MustCompile(`(?i)securities|omitted|commission|confidential treatment|filed separately|complete version`)
	f := enrich.NewFree(enrich.FreeOptions{})
	checked := 0
	for _, d := range docs {
		if strings.Count(strings.ToLower(d.Text), "confidential treatment") < 2 {
			continue
		}
		p, err := parse.Parse(context.Background(), parse.Input{Filename: d.ID + ".txt", Data: []byte(d.Text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, k := range analyze(t, f, p, enrich.Request{Tasks: []string{enrich.TaskKeywords}}).Keywords {
			if legend.MatchString(k.Text) {
				t.Errorf("%s: key phrase %q is the filing's legend", d.ID, k.Text)
			}
		}
	}
	if checked < 20 {
		t.Errorf("%d contracts with a legend, want 20 or more", checked)
	}
}

// An e-mail's "we" is its writer: the summary keeps it (the greeting and
// closing that mark a letter are in the aside, so the text alone no longer
// shows it is one), and the e-mail is no contract.
func TestFreeEmailKeepsItsWriter(t *testing.T) {
	msg := "From: tom@globex.example\r\nTo: team@initech.example\r\nSubject: Invoice 4471 overdue\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi team,\r\n\r\nInvoice 4471 is now 45 days overdue. Please arrange payment by Friday or we will suspend the service under clause 9.2 of the Master Subscription Agreement.\r\n\r\nRegards,\r\nTom\r\n"
	p, err := parse.Parse(context.Background(), parse.Input{Filename: "overdue.eml", Data: []byte(msg)}, parse.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), p, enrich.Request{})
	if !strings.Contains(a.Summary, "or we will suspend the service") || a.Class != "other" || len(a.Entities) > 0 {
		t.Errorf("class %s, %d entities, summary %q", a.Class, len(a.Entities), a.Summary)
	}
}

// A document's layout settles its class where the words mislead the
// heads: a data processing agreement's preamble makes it a contract (with
// its parties), a court opinion's caption makes it no contract, a US
// regulation's "§" sections make it a regulation.
func TestLayoutDecidesClass(t *testing.T) {
	f := enrich.NewFree(enrich.FreeOptions{})
	dpa := "DATA PROCESSING ADDENDUM\n\nThis Data Processing Addendum (\"DPA\") forms part of the Services Agreement dated 2 September 2024 between Lumen HR Software B.V., a private limited company registered in the Netherlands (\"Processor\"), and Castellan Hotels S.p.A., a company incorporated in Italy (\"Controller\").\n\n" +
		"1. Subject matter. The Processor processes Personal Data on behalf of the Controller only on documented instructions. The Processor shall ensure that persons authorised to process the personal data have committed themselves to confidentiality. " +
		"The Processor shall implement appropriate technical and organisational measures to ensure a level of security appropriate to the risk, and shall notify the Controller of a personal data breach without undue delay. " +
		"2. Sub-processors. The Processor shall not engage another processor without prior specific or general written authorisation of the Controller. 3. Governing law. This DPA is governed by the laws of the Netherlands."
	opinion := "IN THE UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT\n\nNo. 23-55871\n\nMARISOL VEGA, Plaintiff-Appellant,\nv.\nBRIGHTPATH STAFFING, INC., Defendant-Appellee.\n\nOPINION\n\n" +
		"Marisol Vega appeals the district court's order compelling arbitration of her wage-and-hour claims against her former employer. The district court held that the arbitration agreement Vega signed when she was hired was valid. " +
		"We review de novo an order compelling arbitration. The agreement required employees to waive class claims and to pay half of the arbitrator's fees, terms that the parties dispute. We reverse and remand."
	cfr := "§ 825.110 Eligible employee.\n\n(a) An eligible employee is an employee of a covered employer who:\n\n(1) Has been employed by the employer for at least 12 months, and\n\n" +
		"(2) Has been employed for at least 1,250 hours of service during the 12-month period immediately preceding the commencement of the leave, and\n\n" +
		"(3) Is employed at a worksite where 50 or more employees are employed by the employer within 75 miles of that worksite.\n\n(b) The 12 months an employee must have been employed by the employer need not be consecutive."
	for _, c := range []struct{ name, text, class string }{
		{"dpa.txt", dpa, "contract"}, {"opinion.txt", opinion, "other"}, {"cfr.txt", cfr, "regulation"},
	} {
		a := analyze(t, f, parsed(c.name, c.text, document.TypeText), enrich.Request{})
		if a.Class != c.class {
			t.Errorf("%s: class %q, want %s", c.name, a.Class, c.class)
		}
		if c.class == "contract" {
			var parties []string
			for _, e := range a.Entities {
				if e.Kind == "party" {
					parties = append(parties, e.Text)
				}
			}
			if len(parties) != 2 {
				t.Errorf("%s: parties %q, want the processor and the controller", c.name, parties)
			}
		}
	}
}

// The layout rules leave alone what only looks like their layouts: a
// contract that names a court or a tribunal in a clause or a recital,
// terms that cite the U.S. Code, German terms numbered with "§", an act
// that speaks of the arrangement "between the controller (the "first
// controller") and the processor".
func TestLayoutRulesDoNotMisfire(t *testing.T) {
	f := enrich.NewFree(enrich.FreeOptions{})
	nda := "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Mutual Non-Disclosure Agreement is made on 2 February 2025 between Alder Systems Ltd (\"Alder\") and Birch Analytics GmbH (\"Birch\").\n\n" +
		"1. Each party may disclose Confidential Information to the other in connection with a possible joint venture.\n2. The receiving party shall use the Confidential Information only to evaluate the joint venture and shall not disclose it to any third party.\n" +
		"3. This Agreement expires on 1 February 2027.\n4. Any dispute shall be finally resolved by arbitration under the LCIA Rules, administered by the London Court of International Arbitration. The claimant shall bear the costs of filing, and the respondent shall answer within 30 days.\n5. This Agreement is governed by the laws of England and Wales."
	tos := "Terms of Use\n\nLast updated: May 1, 2025\n\nWelcome to PhotoShare. By accessing or using our website you accept these Terms. If you do not accept these Terms, do not use the service.\n\n" +
		"1. Your account. You must be at least 13 years old to create an account. You are responsible for keeping your password secure.\n\n" +
		"2. Copyright complaints. We respond to notices of alleged copyright infringement under the Digital Millennium Copyright Act, 17 U.S.C. § 512. We are not liable for content users post, as 47 U.S.C. § 230 provides.\n\n" +
		"3. Governing law. These Terms are governed by the laws of the State of California."
	agb := "General Terms of Sale of Müller Maschinenbau GmbH\n\n§ 1 Scope\n\n(1) These terms apply to all our deliveries to business customers. Terms of the buyer that differ from ours do not apply unless we agree to them in writing.\n\n" +
		"§ 2 Offers and orders\n\n(1) Our offers are subject to change. A contract is concluded when we confirm the order in writing.\n\n§ 3 Prices and payment\n\n(1) Prices are ex works plus VAT. Invoices are payable within 30 days without deduction."
	article := "Article 26\nJoint controllers\n\n1. Where two or more controllers jointly determine the purposes and means of processing, they shall be joint controllers. They shall in a transparent manner determine their respective responsibilities for compliance with the obligations under this Regulation by means of an arrangement between them.\n\n" +
		"2. The arrangement shall duly reflect the respective roles of the joint controllers, in particular as between the controller (the \"first controller\") and the processor (the \"second controller\") within the meaning of Article 28. The essence of the arrangement shall be made available to the data subject.\n\n" +
		"3. Irrespective of the terms of the arrangement, the data subject may exercise his or her rights under this Regulation in respect of and against each of the controllers."
	for _, c := range []struct{ name, text, class string }{
		{"nda.txt", nda, "contract"}, {"tos.txt", tos, "contract"}, {"agb.txt", agb, "contract"}, {"art26.txt", article, "regulation"},
	} {
		if a := analyze(t, f, parsed(c.name, c.text, document.TypeText), enrich.Request{}); a.Class != c.class {
			t.Errorf("%s: class %q, want %s", c.name, a.Class, c.class)
		}
	}
}

// savedTemplates is an in-memory logs.Store: what was saved, per source.
type savedTemplates map[string][]logs.Template

func (s savedTemplates) Load(_ context.Context, source string) ([]logs.Template, error) {
	return s[source], nil
}

func (s savedTemplates) Save(_ context.Context, source string, ts []logs.Template) error {
	s[source] = ts
	return nil
}

// A log's new templates are saved before its analysis returns (and so
// before its result is published and acked), not at the next periodic
// Flush: a crash in between made the next process report them new again.
func TestFreeLogSavesNewTemplatesBeforeReturning(t *testing.T) {
	store := savedTemplates{}
	f := enrich.NewFree(enrich.FreeOptions{Logs: logs.NewRegistry(store, logs.DefaultConfig())})
	doc := parsed("billing-service.log", sample(t, "logs/billing-service.log"), document.TypeLog)
	a := analyze(t, f, doc, enrich.Request{})
	if a.Log == nil || a.Log.NewTemplates == 0 {
		t.Fatalf("log summary %+v", a.Log)
	}
	if got := len(store[doc.Source]); got < a.Log.NewTemplates {
		t.Errorf("%d templates saved, want the %d new ones", got, a.Log.NewTemplates)
	}
	restarted := enrich.NewFree(enrich.FreeOptions{Logs: logs.NewRegistry(store, logs.DefaultConfig())})
	if again := analyze(t, restarted, doc, enrich.Request{}); again.Log == nil || again.Log.NewTemplates != 0 {
		t.Errorf("after a restart without Flush: %+v, want no new template", again.Log)
	}
}

// A Django development server's log, its requests among its reloader's
// and a traceback's lines, is named a Python application's from the
// parsed file on; an nginx access log stays an access log.
func TestFreeDevServerLogSource(t *testing.T) {
	django := "Watching for file changes with StatReloader\nPerforming system checks...\n\nSystem check identified no issues (0 silenced).\n" +
		"Django version 5.1.3, using settings 'shop.settings'\nStarting development server at http://127.0.0.1:8000/\nQuit the server with CONTROL-C.\n"
	var nginx strings.Builder
	for i := range 12 {
		django += fmt.Sprintf("[28/Nov/2026 10:15:%02d] \"GET /api/items/%d/ HTTP/1.1\" 200 %d\n", i, i, 1500+i)
		fmt.Fprintf(&nginx, "10.0.0.%d - - [28/Nov/2026:10:15:%02d +0000] \"GET /api/items/%d/ HTTP/1.1\" 200 %d \"-\" \"curl/8.5.0\"\n", i, i, i, 1500+i)
	}
	django += "Internal Server Error: /api/orders/17/\nTraceback (most recent call last):\n" +
		"  File \"/srv/shop/orders/views.py\", line 41, in detail\n    order = Order.objects.get(pk=pk)\n" +
		"orders.models.Order.DoesNotExist: Order matching query does not exist.\n" +
		"[28/Nov/2026 10:15:30] \"GET /api/orders/17/ HTTP/1.1\" 500 145\n"
	f := enrich.NewFree(enrich.FreeOptions{})
	for name, want := range map[string]string{"runserver.log": "log/python_app", "access.log": "log/web_access"} {
		text := django
		if name == "access.log" {
			text = nginx.String()
		}
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		if a := analyze(t, f, doc, enrich.Request{}); a.Class != "log" || a.Subtype != want {
			t.Errorf("%s: %s %s, want log %s", name, a.Class, a.Subtype, want)
		}
	}
}

// A CFR section copied from eCFR, a heading a line, is summarised by what
// it rules, not by its headings: the summary opened "Subchapter C
// —Administrative Data Standards ... Part 164 —Security and Privacy
// Subpart C —... § 164.308 Administrative safeguards." (QA qa-regs2).
func TestFreeCFRSummaryOpensWithContent(t *testing.T) {
	text := "Title 45 —Public Welfare\n" +
		"Subtitle A —Department of Health and Human Services\n" +
		"Subchapter C —Administrative Data Standards and Related Requirements\n" +
		"Part 164 —Security and Privacy\n" +
		"Subpart C —Security Standards for the Protection of Electronic Protected Health Information\n" +
		"§ 164.308 Administrative safeguards.\n" +
		"(a) A covered entity or business associate must, in accordance with § 164.306:\n" +
		"(1) Implement policies and procedures to prevent, detect, contain, and correct security violations.\n" +
		"(2) Conduct an accurate and thorough assessment of the potential risks and vulnerabilities to the confidentiality, integrity, and availability of electronic protected health information held by the covered entity or business associate.\n" +
		"(3) Implement security measures sufficient to reduce risks and vulnerabilities to a reasonable and appropriate level to comply with § 164.306(a).\n" +
		"(4) Apply appropriate sanctions against workforce members who fail to comply with the security policies and procedures of the covered entity or business associate.\n"
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), parsed("45cfr164_308.txt", text, document.TypeText), enrich.Request{})
	for _, h := range []string{"Subchapter", "Part 164", "Subpart", "§ 164.308"} {
		if strings.Contains(a.Summary, h) {
			t.Errorf("summary holds the heading %q: %q", h, a.Summary)
		}
	}
	if !strings.Contains(a.Summary, "security violations") {
		t.Errorf("summary %q misses what the section rules", a.Summary)
	}
}

// A Chinese contract's or regulation's key phrases, which the index
// facets, list a term once, not beside its pieces (社会信用代码 and 信用代码,
// 明德律师事务所 and 明德律师).
func TestFreeChineseLegalKeywordsNotNested(t *testing.T) {
	text := "房屋租赁合同\n\n出租方（甲方）：上海静安置业发展有限公司\n统一社会信用代码：91310106MA1FL0XX1K\n" +
		"承租方（乙方）：上海明德律师事务所\n统一社会信用代码：31310000425012345X\n\n" +
		"第一条 租赁房屋\n甲方将位于上海市静安区南京西路1266号的房屋出租给乙方作为办公使用，建筑面积为450平方米。\n\n" +
		"第二条 租赁期限\n租赁期限自2025年1月1日起至2027年12月31日止，共计三年。\n\n" +
		"第三条 租金及支付方式\n月租金为人民币壹拾叁万伍仟元整，按季度支付。\n\n" +
		"第四条 乙方义务\n乙方不得擅自转租。上海明德律师事务所应按时支付租金。\n\n" +
		"出租方：上海静安置业发展有限公司\n承租方：上海明德律师事务所\n"
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), parsed("lease.txt", text, document.TypeText), enrich.Request{})
	if a.Class != "contract" {
		t.Fatalf("class %q", a.Class)
	}
	for _, k := range a.Keywords {
		for _, o := range a.Keywords {
			if k.Text != o.Text && strings.Contains(k.Text, o.Text) && strings.Count(text, o.Text) <= strings.Count(text, k.Text)+1 {
				t.Errorf("%q beside its own piece %q: %v", k.Text, o.Text, a.Keywords)
			}
		}
	}
}

// A Chinese notice's summary does not close with its issuer, the name on
// a line of its own above the dateline ("上海浦江集团有限公司法务合规部").
func TestFreeChineseNoticeSummaryWithoutIssuer(t *testing.T) {
	text := "关于开展2025年度数据合规自查工作的通知\n\n各部门、各子公司：\n\n" +
		"为贯彻落实《中华人民共和国数据安全法》和《中华人民共和国个人信息保护法》的要求，进一步提升公司数据合规管理水平，经公司研究决定，在全公司范围内开展2025年度数据合规自查工作。现将有关事项通知如下：\n\n" +
		"一、自查范围\n公司各部门及上海浦江数据科技有限公司、苏州恒信软件有限公司等全资子公司。\n\n" +
		"二、自查内容\n（一）个人信息收集、使用是否取得授权同意；\n（二）数据出境是否完成安全评估或标准合同备案。\n\n" +
		"三、时间安排\n请各单位于2025年7月31日前完成自查，并将自查报告报送法务合规部。\n\n特此通知。\n\n" +
		"上海浦江集团有限公司法务合规部\n2025年6月15日\n"
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), parsed("notice.txt", text, document.TypeText), enrich.Request{})
	if strings.Contains(a.Summary, "上海浦江集团有限公司法务合规部") || !strings.Contains(a.Summary, "数据合规自查") {
		t.Errorf("summary %q", a.Summary)
	}
}

// A Chinese notice, class other, lists its subject once, not in nested
// windows: 关于开展2025年度数据合规自查工作的通知 had 合规自查, 数据合规自查,
// 合规自查工作 and 年度数据合规 among its key phrases (QA qa-zh3).
func TestFreeChineseNoticeKeywordsNotNested(t *testing.T) {
	text := "关于开展2025年度数据合规自查工作的通知\n\n各部门、各子公司：\n\n" +
		"为贯彻落实《中华人民共和国数据安全法》《中华人民共和国个人信息保护法》等法律法规要求，进一步提升公司数据合规管理水平，防范数据合规风险，经公司研究决定，开展2025年度数据合规自查工作。现将有关事项通知如下：\n\n" +
		"一、自查范围\n公司各部门、各子公司在业务经营中收集、存储、使用、传输的个人信息和重要数据。\n\n" +
		"二、自查内容\n（一）数据分类分级情况；\n（二）个人信息收集是否取得个人同意；\n（三）数据出境是否履行安全评估程序。\n\n" +
		"三、时间安排\n各部门应于2025年6月30日前完成合规自查工作，并将自查报告报送法务合规部。法务合规部将于7月对自查情况进行抽查。\n\n" +
		"四、工作要求\n各部门负责人为本部门数据合规自查工作的第一责任人，应高度重视，认真组织，确保合规自查工作取得实效。\n\n特此通知。\n\n法务合规部\n2025年5月20日\n"
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), parsed("notice.txt", text, document.TypeText), enrich.Request{})
	if a.Class == "contract" || a.Class == "regulation" {
		t.Fatalf("class %q", a.Class)
	}
	var got []string
	for _, k := range a.Keywords {
		got = append(got, k.Text)
	}
	n := 0
	for _, k := range got {
		if strings.Contains("数据合规自查工作", k) && len(k) > len("合规") && k != "自查" {
			n++
		}
	}
	if n > 1 {
		t.Errorf("%d windows of 数据合规自查工作 in %q", n, got)
	}
}

// A log summary's sentence shows a template's one message where all its
// entries logged it: "6× (<*>) CMD (<*>)" did not say whose job ran.
func TestFreeLogSentenceShowsOneMessage(t *testing.T) {
	var b strings.Builder
	for _, at := range []string{"10:00:01", "11:00:01", "12:00:01"} {
		b.WriteString("Nov 30 " + at + " web01 CRON[2001]: (root) CMD (cd / && run-parts --report /etc/cron.hourly)\n")
		b.WriteString("Nov 30 " + at + " web01 CRON[2002]: (alice) CMD (/home/alice/bin/backup.sh)\n")
	}
	f := enrich.NewFree(enrich.FreeOptions{Logs: logs.NewRegistry(nil, logs.DefaultConfig())})
	a := analyze(t, f, parsed("cron.log", b.String(), document.TypeLog), enrich.Request{})
	for _, want := range []string{"3× (root) CMD (cd / && run-parts --report /etc/cron.hourly).", "3× (alice) CMD (/home/alice/bin/backup.sh)."} {
		if !strings.Contains(a.Summary, want) {
			t.Errorf("summary %q lacks %q", a.Summary, want)
		}
	}
}

// A memorandum order is no contract or regulation, yet a litigation
// register needs its parties with their roles, case number and amounts:
// its entities were empty.
func TestFreeCourtFilingEntities(t *testing.T) {
	text := "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nACME WIDGETS, INC.,\nPlaintiff,\nv.\nBETA LOGISTICS LLC,\nDefendant.\n\n" +
		"Case No. 3:21-cv-04567-JSC\n\nMEMORANDUM AND ORDER DENYING MOTION TO DISMISS\n\n" +
		"Plaintiff seeks damages of $3,100,000 for breach of a shipping agreement. The motion to dismiss is DENIED. " +
		"A case management conference is set for July 14, 2022.\n\nIT IS SO ORDERED.\n\nDated: June 2, 2022\n"
	a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), parsed("order.txt", text, document.TypeText), enrich.Request{})
	got := map[string]string{}
	for _, e := range a.Entities {
		got[e.Kind+"|"+e.Text] = e.Role
	}
	for k, role := range map[string]string{"party|ACME WIDGETS, INC.": "plaintiff", "party|BETA LOGISTICS LLC": "defendant",
		"case_number|3:21-cv-04567-JSC": "", "judgment_date|June 2, 2022": "", "money|$3,100,000": ""} {
		if r, ok := got[k]; !ok || r != role {
			t.Errorf("class %s: %s (role %q) not among %v", a.Class, k, role, got)
		}
	}
}

// courtFilings are a US order, a UK judgment, an Australian judgment and a
// Californian complaint, as a litigation team files them, with the kind a
// register should file each under.
var courtFilings = map[string]struct{ text, subtype string }{
	"uksc_judgment.txt": {"Hilary Term\n[2024] UKSC 5\nOn appeal from: [2022] EWCA Civ 1234\n\nJUDGMENT\n\nSmith (Appellant) v Jones (Respondent)\n\nbefore\n\nLord Reed, President\nLord Hodge, Deputy President\nLady Rose\n\n" +
		"JUDGMENT GIVEN ON\n7 February 2024\n\nLORD HODGE (with whom Lord Reed and Lady Rose agree):\n\n1. This appeal concerns the construction of a limitation clause in a share purchase agreement. The buyer says the clause does not apply to claims in deceit.\n2. I would dismiss the appeal.\n", "other/judgment"},
	"us_order.txt": {"UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nACME WIDGETS, INC.,\nPlaintiff,\nv.\nBETA SYSTEMS LLC,\nDefendant.\n\nCase No. 3:21-cv-04567-JSC\n\n" +
		"ORDER GRANTING IN PART AND DENYING IN PART DEFENDANT'S MOTION TO DISMISS\n\nBefore the Court is Defendant's motion to dismiss under Federal Rule of Civil Procedure 12(b)(6). " +
		"A complaint must state a claim that is plausible on its face. Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 570 (2007). The Sherman Act claim fails. The Lanham Act claim survives.\n\n" +
		"IT IS SO ORDERED.\n\nDated: June 2, 2022\n\nHon. Jacqueline Scott Corley\nUnited States District Judge\n", "other/order"},
	"uk_judgment.txt": {"Neutral Citation Number: [2023] EWHC 1234 (Comm)\nCase No: CL-2021-000456\nIN THE HIGH COURT OF JUSTICE\nBUSINESS AND PROPERTY COURTS OF ENGLAND AND WALES\nCOMMERCIAL COURT (KBD)\n\n" +
		"Date: 12 July 2023\n\nBefore :\n\nTHE HONOURABLE MR JUSTICE HENSHAW\n\nBetween :\n\nALPHA SHIPPING LIMITED\nClaimant\n- and -\nBRAVO INSURANCE PLC\nDefendant\n\nApproved Judgment\n\n" +
		"1. This is a claim under a marine insurance policy. The insurer agreed to indemnify the insured against loss of the vessel, and the policy shall respond to a total loss. " +
		"The principles of contractual interpretation are settled: Arnold v Britton [2015] UKSC 36; [2015] AC 1619. The Marine Insurance Act 1906 governs the policy.\n\n" +
		"2. For the reasons given, the claim succeeds and the defendant must pay £1,250,000 with interest at 8% per annum.\n", "other/judgment"},
	"au_judgment.txt": {"FEDERAL COURT OF AUSTRALIA\n\nKoala Energy Pty Ltd v Australian Competition and Consumer Commission [2024] FCA 789\n\nFile number: NSD 1123 of 2022\n\nJudgment of: O'BRYAN J\n\nDate of judgment: 15 July 2024\n\n" +
		"Legislation: Competition and Consumer Act 2010 (Cth) Sch 2\nCorporations Act 2001 (Cth)\n\nApplicant: KOALA ENERGY PTY LTD\nRespondent: AUSTRALIAN COMPETITION AND CONSUMER COMMISSION\n\n" +
		"ORDERS\n\nTHE COURT ORDERS THAT:\n1. The application be dismissed.\n2. The applicant pay the respondent's costs.\n\nREASONS FOR JUDGMENT\n\n" +
		"1 The applicant sought declarations that it had not contravened s 18 of the Australian Consumer Law. The supply agreement between the parties obliged the applicant to supply electricity to retail customers, and the retailer shall pay the tariff. The penalty sought was $10,000,000.\n", "other/judgment"},
	"complaint.txt": {"SUPERIOR COURT OF THE STATE OF CALIFORNIA\nFOR THE COUNTY OF LOS ANGELES\n\nJANE DOE, an individual,                     Case No.: 23STCV01234\nPlaintiff,                   COMPLAINT FOR DAMAGES\nv.\n" +
		"MEGACORP, INC., a Delaware corporation;\nDefendants.\n\nPlaintiff Jane Doe alleges as follows:\n\n1. Defendant employed Plaintiff under a written employment agreement from January 3, 2019 to March 15, 2023.\n" +
		"2. Defendant breached the agreement and violated the Fair Employment and Housing Act.\n\nPlaintiff demands judgment for damages of not less than $750,000.\n\nDated: April 10, 2023\n", "other/complaint"},
}

// A court filing is classed "other" with its kind as sub-type: the free
// tier called a UK judgment on an insurance policy and an Australian
// judgment on a supply agreement contracts, and every filing's sub-type
// was empty, so a register could not tell a judgment from a complaint.
func TestFreeCourtFilingClass(t *testing.T) {
	free := enrich.NewFree(enrich.FreeOptions{})
	for name, f := range courtFilings {
		a := analyze(t, free, parsed(name, f.text, document.TypeText), enrich.Request{Tasks: []string{enrich.TaskClassify}})
		if a.Class != "other" || a.Subtype != f.subtype {
			t.Errorf("%s: class %s/%s, want %s", name, a.Class, a.Subtype, f.subtype)
		}
	}
}

// A court filing's summary reads its body, not its caption: a complaint's
// opened with "Plaintiff, COMPLAINT FOR DAMAGES v. MEGACORP, INC., a
// Delaware corporation;".
func TestFreeCourtFilingSummarySkipsCaption(t *testing.T) {
	free := enrich.NewFree(enrich.FreeOptions{})
	texts := map[string]string{"au_judgment.txt": courtFilings["au_judgment.txt"].text, "complaint.txt": "SUPERIOR COURT OF THE STATE OF CALIFORNIA\nFOR THE COUNTY OF LOS ANGELES\n\nJANE DOE, an individual,                     Case No.: 23STCV01234\n                Plaintiff,                   COMPLAINT FOR DAMAGES\n        v.\nMEGACORP, INC., a Delaware corporation;\nand DOES 1 through 50,\n                Defendants.\n\nPlaintiff Jane Doe alleges as follows:\n\n1. Defendant MegaCorp, Inc. employed Plaintiff from January 3, 2019 to March 15, 2023.\n2. Defendant violated California Labor Code section 1102.5 and the Fair Employment and Housing Act.\n\nPRAYER FOR RELIEF\nPlaintiff demands judgment against Defendants for damages of not less than $750,000.\n\nDated: April 10, 2023                        SMITH & PARTNERS LLP\n                                             By: /s/ John Smith\n                                             Attorneys for Plaintiff\n"}
	for name, text := range texts {
		// as ingested: the parser keeps a caption's columns one space apart
		doc, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		a := analyze(t, free, doc, enrich.Request{})
		for _, caption := range []string{"COMPLAINT FOR DAMAGES", "Delaware corporation", "Plaintiff,", "Applicant: KOALA", "File number"} {
			if strings.Contains(a.Summary, caption) {
				t.Errorf("%s: summary %q has the caption's %q", name, a.Summary, caption)
			}
		}
		if a.Summary == "" {
			t.Errorf("%s: no summary", name)
		}
	}
}

// A text with no title line is titled by its file's name; that name is no
// content, so no key phrase comes from it ("txt" was a note's first).
func TestKeywordsLeaveTheFileNameOut(t *testing.T) {
	text := "The supplier shall deliver the goods within thirty days of the order. " +
		"This agreement is governed by the laws of England.\n"
	for _, name := range []string{"en.txt", "inbox/scan_0042.txt", "Quarterly_Report.md"} {
		p, err := parse.Parse(context.Background(), parse.Input{Filename: name, Data: []byte(text)}, parse.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != filepath.Base(name) {
			t.Fatalf("%s: title %q, want the file's name (the premise of this test)", name, p.Title)
		}
		a := analyze(t, enrich.NewFree(enrich.FreeOptions{}), p, enrich.Request{})
		for _, k := range a.Keywords {
			for _, w := range []string{"txt", "md", "scan", "0042", "quarterly", "report"} {
				if strings.Contains(strings.ToLower(k.Text), w) {
					t.Errorf("%s: key phrase %q comes from the file's name", name, k.Text)
				}
			}
		}
		if len(a.Keywords) == 0 {
			t.Errorf("%s: no key phrases", name)
		}
	}
}
