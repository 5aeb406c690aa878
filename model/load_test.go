package model

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
)

// copyBundle copies a bundle folder into a temporary one.
func copyBundle(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// A tokenizer of another model loads and encodes, but its ids run past
// this model's embedding: every document failed at run time and quietly
// fell back to the model-free tier, while /healthz said the model was
// fine. Load now refuses the bundle.
func TestLoadRefusesTokenizerOfAnotherModel(t *testing.T) {
	needORT(t)
	dir := copyBundle(t, tinyDir())
	path := filepath.Join(dir, "tokenizer.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tok map[string]any
	if err := json.Unmarshal(raw, &tok); err != nil {
		t.Fatal(err)
	}
	vocab := tok["model"].(map[string]any)["vocab"].(map[string]any)
	vocab["extraterritorial"] = float64(len(vocab) + 20000)
	raw, _ = json.Marshal(tok)
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(Options{Dir: dir, Threads: 1})
	if err == nil || !strings.Contains(err.Error(), "tokenizer") {
		t.Fatalf("load: %v", err)
	}
}

// Load runs the model once at full depth, so the deadline router knows
// what full depth costs from the first document on: before, the first
// document after a start or a hot swap ran full depth whatever its
// deadline.
func TestRouterKnowsFullCostFromTheStart(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1})
	if c := m.fullCost(100); c <= 0 {
		t.Fatalf("full cost of 100 tokens after load: %v", c)
	}
	a := NewAnalyzer(m, AnalyzerOptions{})
	an, err := a.Analyze(context.Background(), contractDoc(), enrich.Request{Deadline: time.Now().Add(time.Microsecond)})
	if err != nil {
		t.Fatal(err)
	}
	if tr := an.Tasks[enrich.TaskSummary]; tr.Depth == document.DepthFull {
		t.Errorf("first document ran full depth past its deadline: %+v", tr)
	}
}

// A text longer than the model reads says so in its trace.
func TestTruncationInTrace(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1, MaxTokens: 64})
	a := NewAnalyzer(m, AnalyzerOptions{})
	an, err := a.Analyze(context.Background(), contractDoc(), enrich.Request{Tasks: []string{enrich.TaskClassify, enrich.TaskKeywords}})
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range []string{enrich.TaskClassify, enrich.TaskKeywords} {
		if n := an.Tasks[task].Note; !strings.Contains(n, "the model read the first 64 tokens") {
			t.Errorf("%s trace note %q", task, n)
		}
	}
}

// The analyser maps a document head's probabilities to labels by
// position. A label list one short or one long, a per-token tensor named
// as the class head, or a misspelt head name loaded without a word and
// gave wrong or empty classes; Load now refuses each, naming the exit,
// the head and the manifest field.
func TestLoadRefusesHeadsThatDoNotMatchLabels(t *testing.T) {
	needORT(t)
	for name, c := range map[string]struct {
		edit func(m *Manifest)
		want string
	}{
		"class labels short":  {func(m *Manifest) { m.Labels.Class = m.Labels.Class[:3] }, "labels.class lists 3 labels"},
		"class labels long":   {func(m *Manifest) { m.Labels.Class = append(m.Labels.Class, "extra") }, "labels.class lists 5 labels"},
		"no subtype labels":   {func(m *Manifest) { m.Labels.Subtype = nil }, "labels.subtype lists 0 labels"},
		"token head as class": {func(m *Manifest) { m.Exits[1].Heads[HeadClass] = "keyword_logits" }, `"keyword_logits" of upper.onnx`},
		"misspelt head": {func(m *Manifest) {
			m.Exits[1].Heads["klass"] = m.Exits[1].Heads[HeadClass]
			delete(m.Exits[1].Heads, HeadClass)
		}, `unknown head "klass"`},
	} {
		dir := copyBundle(t, tinyDir())
		editManifest(t, dir, c.edit)
		m, err := Load(Options{Dir: dir, Threads: 1})
		if err == nil {
			m.Close()
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: load: %v, want an error with %q", name, err, c.want)
		}
	}
}

// editManifest rewrites dir's manifest.json through edit.
func editManifest(t *testing.T, dir string, edit func(m *Manifest)) {
	t.Helper()
	path := filepath.Join(dir, "manifest.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	edit(&m)
	if raw, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}
