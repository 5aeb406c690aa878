package generate

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/model"
)

const tinyDecoder = "../testdata/tiny-decoder"

type expected struct {
	Template string   `json:"template"`
	MaxNew   int      `json:"max_new_tokens"`
	Stop     []string `json:"stop"`
	Cases    []struct {
		Input     string `json:"input"`
		PromptIDs []int  `json:"prompt_ids"`
		GreedyIDs []int  `json:"greedy_ids"`
	} `json:"cases"`
}

func load(t *testing.T) (*Generator, expected) {
	t.Helper()
	lib, err := model.FindORTLib("")
	if err == nil {
		err = model.InitRuntime(lib)
	}
	if err != nil {
		if os.Getenv("DOCMILL_REQUIRE_ORT") != "" {
			t.Fatal(err)
		}
		t.Skipf("ONNX Runtime unavailable: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(tinyDecoder, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatal(err)
	}
	g, err := Load(Config{Dir: tinyDecoder, Threads: 1, Template: e.Template, MaxNewTokens: e.MaxNew, Stop: e.Stop})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Close)
	return g, e
}

// docmill's greedy tokens with the KV cache equal PyTorch's greedy tokens
// computed without a cache, and the prompt ids equal the script's tokenizer.
func TestGreedyMatchesPyTorch(t *testing.T) {
	g, e := load(t)
	for _, c := range e.Cases {
		enc := g.Tokenizer().Encode(g.Prompt(c.Input), true)
		if !equal(enc.IDs, c.PromptIDs) {
			t.Fatalf("%q: prompt ids\n got  %v\n want %v", c.Input, enc.IDs, c.PromptIDs)
		}
		r, err := g.Generate(context.Background(), c.Input)
		if err != nil {
			t.Fatal(err)
		}
		if !equal(r.IDs, c.GreedyIDs) {
			t.Fatalf("%q: greedy ids\n got  %v\n want %v", c.Input, r.IDs, c.GreedyIDs)
		}
		if r.PromptTokens != len(c.PromptIDs) || r.TokensPerS <= 0 {
			t.Fatalf("result %+v", r)
		}
	}
}

func TestStopAndLimit(t *testing.T) {
	g, e := load(t)
	c := e.Cases[0]
	ids, why, err := g.GenerateIDs(context.Background(), c.PromptIDs, 3)
	if err != nil || len(ids) != 3 || why != "max tokens" || !equal(ids, c.GreedyIDs[:3]) {
		t.Fatalf("limit 3: %v %q %v", ids, why, err)
	}
	g.stop[c.GreedyIDs[4]] = true
	ids, why, _ = g.GenerateIDs(context.Background(), c.PromptIDs, 16)
	if why != "stop token" || len(ids) > 5 || ids[len(ids)-1] != c.GreedyIDs[4] {
		t.Fatalf("stop: %v %q", ids, why)
	}
	if _, _, err := g.GenerateIDs(context.Background(), nil, 3); err != ErrEmptyPrompt {
		t.Fatalf("empty prompt: %v", err)
	}
}

func TestLoadRejectsEncoder(t *testing.T) {
	load(t)
	if _, err := Load(Config{Dir: "../testdata/tiny-optimum"}); err == nil {
		t.Fatal("an encoder loaded as a decoder")
	}
	if _, err := Load(Config{Dir: t.TempDir()}); err == nil {
		t.Fatal("empty dir loaded")
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A generator plugs into the neural tier as its abstractive summariser.
func TestAnalyzerAbstractiveSummary(t *testing.T) {
	g, e := load(t)
	m, err := model.Load(model.Options{Dir: "../testdata/tiny", Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	a := model.NewAnalyzer(m, model.AnalyzerOptions{Abstractive: g})
	doc := &document.Parsed{ID: "d", Text: e.Cases[0].Input, Language: "en"}
	an, err := a.Analyze(context.Background(), doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSpace(strings.ToValidUTF8(g.Tokenizer().Decode(e.Cases[0].GreedyIDs, true), ""))
	if an.Summary != want || an.Tasks[enrich.TaskSummary].Depth != document.DepthFull {
		t.Fatalf("summary %q (trace %+v), want %q", an.Summary, an.Tasks[enrich.TaskSummary], want)
	}
}
