package evalcli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/model"
)

// abstracts is a small keyphrase set in the keyphrase_en format, written
// for this test.
var abstracts = []map[string]any{
	{"id": "k1", "text": "Message brokers for document pipelines. A message broker decouples document ingestion from document analysis. The message broker stores documents in durable streams, and consumers acknowledge each document after analysis.",
		"keywords": []string{"message broker", "document analysis", "durable streams"}},
	{"id": "k2", "text": "Log template mining with fixed-depth trees. Log parsers group log messages by template. A fixed-depth parse tree finds the template of each log message quickly, and template mining needs no labelled logs.",
		"keywords": []string{"log template mining", "log parsers", "parse tree"}},
	{"id": "k3", "text": "Keyphrase extraction from scientific abstracts. Statistical keyphrase extraction ranks candidate phrases by frequency and position. Candidate phrases that appear early in the abstract make better keyphrases.",
		"keywords": []string{"keyphrase extraction", "candidate phrases", "scientific abstracts"}},
}

func writeJSONL(t *testing.T, rows []map[string]any) string {
	t.Helper()
	var b bytes.Buffer
	for _, r := range rows {
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "data.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// End to end: the free tier's real keyword extractor on a small dataset,
// JSON metrics on stdout, progress on stderr, predictions in a file.
func TestRunKeywordsFreeTier(t *testing.T) {
	data := writeJSONL(t, abstracts)
	preds := filepath.Join(t.TempDir(), "preds.jsonl")
	var stdout, stderr bytes.Buffer
	cfg := Config{Task: "keywords", Data: data, Tier: "free", JSON: true, Baselines: true, Predictions: preds}
	if err := Run(context.Background(), cfg, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	var res map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, stdout.String())
	}
	if sys, _ := res["system"].(string); res["docs"] != 3.0 || !strings.HasPrefix(sys, "free") {
		t.Fatalf("%v", res)
	}
	f10, ok := res["f1_at_10"].(float64)
	if !ok || f10 <= 0 {
		// Every abstract repeats its gold phrases: an extractor that finds
		// none of them is broken.
		t.Fatalf("f1_at_10 = %v", res["f1_at_10"])
	}
	if _, ok := res["baselines"].(map[string]any)["tfidf"]; !ok {
		t.Fatalf("no tf-idf baseline: %v", res)
	}
	if !strings.Contains(stderr.String(), "3/3") {
		t.Fatalf("no progress on stderr: %q", stderr.String())
	}
	b, err := os.ReadFile(preds)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], `{"id":"k1","keywords":[`) {
		t.Fatalf("predictions: %q", lines)
	}
	// The table form names the system and the baseline.
	stdout.Reset()
	cfg.JSON, cfg.Predictions = false, ""
	if err := Run(context.Background(), cfg, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if out := stdout.String(); !strings.Contains(out, "docmill free") || !strings.Contains(out, "tfidf") || !strings.Contains(out, "F1@10") {
		t.Fatalf("table:\n%s", out)
	}
}

// Search end to end: a corpus, queries and qrels in the ir/ layout,
// indexed in real Bleve indexes, with the free tier's keywords as
// enrichment.
func TestRunSearch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "search_fake", "ir")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var corpus strings.Builder
	for _, a := range abstracts {
		line, _ := json.Marshal(map[string]any{"id": a["id"], "text": a["text"]})
		corpus.Write(line)
		corpus.WriteByte('\n')
	}
	write("corpus.jsonl", corpus.String())
	write("queries.jsonl", `{"id":"q1","text":"How do brokers decouple ingestion?"}
{"id":"q2","text":"log parsing / template trees"}
`)
	write("qrels.tsv", "q1\t0\tk1\t1\nq2\t0\tk2\t1\n")
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), Config{Task: "search", Data: dir, Tier: "free", JSON: true}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		NDCG float64                       `json:"ndcg_at_10"`
		MAP  float64                       `json:"map"`
		Runs map[string]map[string]float64 `json:"runs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.NDCG != 1 || res.MAP != 1 || len(res.Runs) != 5 {
		t.Fatalf("%s", stdout.String())
	}

	// --mix: another ir/ folder's corpus indexed beside, judged on no
	// query; its text on log template trees outranks k2 for q2.
	other := t.TempDir()
	mixed := `{"id":"k2","text":"Log parsing: template trees for log parsing, parsing logs by template trees."}` + "\n"
	for name, body := range map[string]string{"corpus.jsonl": mixed, "queries.jsonl": "", "qrels.tsv": ""} {
		if err := os.WriteFile(filepath.Join(other, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout.Reset()
	err = Run(context.Background(), Config{Task: "search", Data: dir, Tier: "free", JSON: true, Mix: []string{other}}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	var mix struct {
		NDCG float64 `json:"ndcg_at_10"`
		Docs int     `json:"docs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &mix); err != nil {
		t.Fatal(err)
	}
	if mix.Docs != len(abstracts)+1 || mix.NDCG >= 1 {
		t.Fatalf("mixed: %s", stdout.String())
	}

	// --split: the queries of one split, keyed by the dataset's folder;
	// every document is still searched
	total := 0
	for _, split := range []string{eval.SplitTrain, eval.SplitDev, eval.SplitTest} {
		want := 0
		for _, q := range []string{"q1", "q2"} {
			if eval.SplitOf("search_fake", q) == split {
				want++
			}
		}
		stdout.Reset()
		err := Run(context.Background(), Config{Task: "search", Data: dir, Tier: "free", JSON: true, Split: split}, &stdout, &stderr)
		if want == 0 {
			if err == nil || !strings.Contains(err.Error(), "no queries") {
				t.Errorf("split %s holds no queries: %v", split, err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var part struct {
			Queries int `json:"queries"`
			Docs    int `json:"docs"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &part); err != nil {
			t.Fatal(err)
		}
		if part.Queries != want || part.Docs != len(abstracts) {
			t.Errorf("split %s: %s, want %d queries", split, stdout.String(), want)
		}
		total += part.Queries
	}
	if total != 2 {
		t.Errorf("the splits hold %d queries, want 2", total)
	}
}

func TestRunErrors(t *testing.T) {
	data := writeJSONL(t, abstracts)
	var out bytes.Buffer
	if err := Run(context.Background(), Config{Task: "nope", Data: data}, &out, &out); err == nil || !strings.Contains(err.Error(), "unknown task") {
		t.Fatalf("err %v", err)
	}
	if err := Run(context.Background(), Config{Task: "logs", Data: t.TempDir(), Split: "test"}, &out, &out); err == nil || !strings.Contains(err.Error(), "--split does not apply") {
		t.Fatalf("logs with --split: %v", err)
	}
	err := Run(context.Background(), Config{Task: "keywords", Data: data, Tier: "model"}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "model tier not available") {
		t.Fatalf("err %v", err)
	}
	if err := Run(context.Background(), Config{Task: "keywords", Data: filepath.Join(t.TempDir(), "missing.jsonl")}, &out, &out); err == nil {
		t.Fatal("missing data must fail")
	}
	noRef := writeJSONL(t, []map[string]any{{"id": "art1", "text": "Member States shall ensure compliance."}})
	if err := Run(context.Background(), Config{Task: "summary", Data: noRef, Tier: "free"}, &out, &out); err == nil || !strings.Contains(err.Error(), "--protocol retrieval") {
		t.Fatalf("summary without references: %v", err)
	}
	if err := Run(context.Background(), Config{Task: "summary", Data: noRef, Tier: "free", Protocol: "bleu"}, &out, &out); err == nil {
		t.Fatal("unknown protocol must fail")
	}
	bad := writeJSONL(t, []map[string]any{{"id": "1", "text": "x"}})
	if err := Run(context.Background(), Config{Task: "classify", Data: bad}, &out, &out); err == nil || !strings.Contains(err.Error(), "label") {
		t.Fatalf("classify without labels: %v", err)
	}
}

// Logs end to end: a two-system loghub layout written here, mined by the
// real miner; two clearly distinct templates per system are grouped
// exactly, and predictions give one template id per log line.
func TestRunLogs(t *testing.T) {
	dir := t.TempDir()
	sys := map[string][2]string{
		"Alpha": {"[Sun Dec 04 04:47:44 2005] [notice] worker %d started on port 80%d", "[Sun Dec 04 04:47:45 2005] [error] disk quota exceeded for volume vol%d"},
		"Beta":  {"2015-10-18 18:01:47,978 INFO connection %d opened from 10.0.0.%d", "2015-10-18 18:01:48,001 WARN heartbeat lost for node n%d"},
	}
	for name, tpl := range sys {
		var raw, csv strings.Builder
		csv.WriteString("LineId,Content,EventId\n")
		for i := 1; i <= 6; i++ {
			ev := "E1"
			line := fmt.Sprintf(tpl[0], i, i)
			if i%2 == 0 {
				ev, line = "E2", fmt.Sprintf(tpl[1], i)
			}
			raw.WriteString(line + "\n")
			fmt.Fprintf(&csv, "%d,x,%s\n", i, ev)
		}
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, name+"_2k.log"), []byte(raw.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, name+"_2k.log_structured.csv"), []byte(csv.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	preds := filepath.Join(t.TempDir(), "p.jsonl")
	var stdout, stderr bytes.Buffer
	if err := Run(context.Background(), Config{Task: "logs", Data: dir, JSON: true, Predictions: preds}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	var res struct {
		Mean    float64            `json:"mean_accuracy"`
		Systems map[string]float64 `json:"systems"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.Mean != 1 || len(res.Systems) != 2 {
		t.Fatalf("%s", stdout.String())
	}
	b, _ := os.ReadFile(preds)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 12 || !strings.HasPrefix(lines[0], `{"line":1,"system":"Alpha","template_id":`) {
		t.Fatalf("predictions %q", lines)
	}

	// The same folder under the leave-one-system-out protocol: each system
	// is measured with the configuration chosen on the other.
	stdout.Reset()
	if err := Run(context.Background(), Config{Task: "logs", Data: dir, Protocol: "leave-one-out"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "leave-one-system-out") || !strings.Contains(stdout.String(), "Alpha") {
		t.Fatalf("leave-one-out table:\n%s", stdout.String())
	}
	if err := Run(context.Background(), Config{Task: "logs", Data: dir, Protocol: "rouge"}, &stdout, &stderr); err == nil {
		t.Fatal("a summary protocol for logs should be refused")
	}
}

// The entities task reads a CUAD-layout folder and prints one row per
// category.
func TestRunEntities(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"contracts.jsonl": `{"id":"c1","text":"This Agreement shall be governed by the laws of the State of Delaware."}` + "\n",
		"clauses.jsonl":   `{"doc_id":"c1","category":"Governing Law","text":"governed by the laws of the State of Delaware","answer":"Delaware"}` + "\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := Run(context.Background(), Config{Task: "entities", Data: dir}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`Governing Law +1\.000 +1\.000 +1\.000`).MatchString(stdout.String()) {
		t.Fatalf("table:\n%s", stdout.String())
	}
	if err := Run(context.Background(), Config{Task: "entities", Data: t.TempDir()}, &stdout, &stderr); err == nil {
		t.Fatal("an empty folder should be an error")
	}
}

// --split keeps the documents the shared rule assigns to that split, keyed
// by the data file's folder name.
func TestRunSplit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keyphrase_fake")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	want := 0
	for i := 0; i < 40; i++ {
		id := fmt.Sprintf("doc-%d", i)
		if eval.SplitOf("keyphrase_fake", id) == eval.SplitTest {
			want++
		}
		fmt.Fprintf(&b, `{"id":%q,"text":"Durable streams keep messages.","keywords":["durable streams"]}`+"\n", id)
	}
	data := filepath.Join(dir, "docs.jsonl")
	if err := os.WriteFile(data, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for split, n := range map[string]int{"test": want, "": 40} {
		var stdout, stderr bytes.Buffer
		if err := Run(context.Background(), Config{Task: "keywords", Data: data, Tier: "free", JSON: true, Split: split}, &stdout, &stderr); err != nil {
			t.Fatal(err)
		}
		var res struct{ Docs int }
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil || res.Docs != n {
			t.Fatalf("split %q: %s (want %d docs)", split, stdout.String(), n)
		}
	}
	if want == 0 || want == 40 {
		t.Fatalf("degenerate split: %d", want)
	}
	var out bytes.Buffer
	if err := Run(context.Background(), Config{Task: "keywords", Data: data, Split: "holdout"}, &out, &out); err == nil {
		t.Fatal("unknown split must fail")
	}
}

// Classification documents given by path go through the real parse stage:
// HTML comes back as its text, without markup.
func TestLoadClassDocParsesFiles(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "a.html")
	if err := os.WriteFile(html, []byte("<html><head><title>Terms</title></head><body><p>The licensee shall pay the fees within thirty days.</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := loadClassDoc(context.Background(), eval.ClassDoc{ID: "a", Path: html, Label: "contract"})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "a" || !strings.Contains(p.Text, "licensee shall pay") || strings.Contains(p.Text, "<p>") {
		t.Fatalf("%+v", p)
	}
	if _, err := loadClassDoc(context.Background(), eval.ClassDoc{ID: "b", Path: filepath.Join(dir, "missing.pdf")}); err == nil {
		t.Fatal("missing file must fail")
	}
}

func TestClassTableShapes(t *testing.T) {
	small := eval.ScoreClassification([]string{"a", "b", "b"}, []string{"a", "b", "a"})
	var out bytes.Buffer
	if err := printTable(&out, &eval.ClassifyResult{System: "free", ClassReport: small}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "gold \\ predicted") || !strings.Contains(out.String(), "accuracy 0.6667") {
		t.Fatalf("small:\n%s", out.String())
	}
	var gold []string
	for i := 0; i <= maxMatrix; i++ {
		gold = append(gold, fmt.Sprintf("label%d", i))
	}
	big := eval.ScoreClassification(gold, gold)
	out.Reset()
	if err := printTable(&out, &eval.ClassifyResult{System: "free", ClassReport: big}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "gold \\ predicted") || !strings.Contains(out.String(), "label8") {
		t.Fatalf("big:\n%s", out.String())
	}
}

func TestRunAutoFallsBackToFreeAndSaysSo(t *testing.T) {
	data := writeJSONL(t, abstracts[:1])
	var stdout, stderr bytes.Buffer
	cfg := Config{Task: "keywords", Data: data, Tier: "auto", Model: filepath.Join(t.TempDir(), "no-bundle"), JSON: true}
	if err := Run(context.Background(), cfg, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "tier auto: using the free tier (model tier not available: no model bundle at") {
		t.Fatalf("stderr %q", stderr.String())
	}
	if !strings.Contains(stdout.String(), `"system":"free`) {
		t.Fatalf("stdout %q", stdout.String())
	}
}

// The model tier end to end on the tiny random-weight bundle of package
// model's tests: the numbers mean nothing, the path from bundle to metrics
// is what is tested (ONNX Runtime loads, every task answers).
func TestRunModelTierTinyBundle(t *testing.T) {
	if _, err := model.FindORTLib(""); err != nil {
		t.Skipf("ONNX Runtime unavailable: %v", err)
	}
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bundle := filepath.Join(root, "model", "testdata", "tiny")
	for _, c := range []struct {
		task string
		int8 bool
	}{{"keywords", false}, {"summary", false}, {"classify", false}, {"classify", true}} {
		task := c.task
		rows := abstracts
		if task == "summary" {
			rows = []map[string]any{{"id": "s", "text": abstracts[0]["text"], "summary": "a broker decouples ingestion from analysis"}}
		}
		if task == "classify" {
			rows = []map[string]any{{"id": "c", "text": abstracts[1]["text"], "label": "log"}}
		}
		data := writeJSONL(t, rows)
		var stdout, stderr bytes.Buffer
		if err := Run(context.Background(), Config{Task: task, Data: data, Tier: "model", Model: bundle, JSON: true, Int8: c.int8}, &stdout, &stderr); err != nil {
			t.Fatalf("%s: %v", task, err)
		}
		var res struct {
			System string `json:"system"`
			Docs   int    `json:"docs"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil || !strings.HasPrefix(res.System, "docmill-tiny@") || res.Docs != len(rows) {
			t.Fatalf("%s: %s %v", task, stdout.String(), err)
		}
		if c.int8 != strings.HasSuffix(res.System, " int8") {
			t.Fatalf("%s int8=%v: system %q", task, c.int8, res.System)
		}
	}
}

// An evaluation over nothing is an error, not all-zero scores.
func TestRunRefusesEmptyData(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	noGold := filepath.Join(dir, "nogold.jsonl")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(noGold, []byte(`{"id":"a","text":"Some text about supply agreements.","summary":"x"}`+"\n"), 0o644)
	for _, c := range []struct{ task, data, want string }{
		{"keywords", empty, "no documents"},
		{"summary", empty, "no documents"},
		{"classify", empty, "no documents"},
		{"keywords", noGold, "no gold"},
	} {
		var out, errOut bytes.Buffer
		err := Run(context.Background(), Config{Task: c.task, Data: c.data, Tier: "free", JSON: true}, &out, &errOut)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s on %s: %v, want an error saying %q", c.task, filepath.Base(c.data), err, c.want)
		}
	}
}

// Arguments that cannot mean anything are refused with what was meant.
func TestRunRefusesMisusedArguments(t *testing.T) {
	file := filepath.Join(t.TempDir(), "docs.jsonl")
	os.WriteFile(file, []byte(`{"id":"a","text":"x","keywords":["x"]}`+"\n"), 0o644)
	for _, c := range []struct {
		cfg  Config
		want string
	}{
		{Config{Task: "keywords", Data: file, Protocol: "retrieval"}, "--protocol is for the summary and logs tasks"},
		{Config{Task: "search", Data: file}, "wants an ir/ folder"},
		{Config{Task: "keywords", Data: "/nonexistent/x.jsonl"}, "open /nonexistent/x.jsonl: no such file"},
	} {
		var out, errOut bytes.Buffer
		c.cfg.Tier = "free"
		err := Run(context.Background(), c.cfg, &out, &errOut)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Count(err.Error(), "/nonexistent") > 1 {
			t.Errorf("%+v: %v, want %q", c.cfg, err, c.want)
		}
	}
}
