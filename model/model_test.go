package model

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/model/tokenizer"
)

// runParity feeds PyTorch's inputs through the model's segments, one
// sequence per batch row trimmed to its real length (so the batcher's own
// padding is exercised), and returns the worst absolute difference.
func runParity(t *testing.T, m *Model, path string) float64 {
	t.Helper()
	p := readParity(t, path)
	worst := 0.0
	for ci, c := range p.Cases {
		var wins []window
		var feeds []map[string]winTensor
		for r, ids := range c.InputIDs {
			n := 0
			for _, v := range c.AttentionMask[r] {
				n += int(v)
			}
			w := window{ids: ids[:n], mask: c.AttentionMask[r][:n], count: n}
			wins = append(wins, w)
			feeds = append(feeds, map[string]winTensor{"input_ids": {ints: w.ids}, "attention_mask": {ints: w.mask}})
		}
		if err := m.runSegments(context.Background(), 0, len(m.segs)-1, wins, feeds); err != nil {
			t.Fatal(err)
		}
		for name, raw := range c.Outputs {
			want := rows(t, raw)
			for r := range want {
				got := feeds[r][name].floats
				perTok := len(want[r]) / len(c.InputIDs[r])
				if len(got) != len(want[r]) {
					// per-token outputs: PyTorch rows are padded, ours are not
					want[r] = want[r][:wins[r].count*perTok]
				}
				if len(got) != len(want[r]) {
					t.Fatalf("case %d %s row %d: %d values, want %d", ci, name, r, len(got), len(want[r]))
				}
				for k := range got {
					worst = math.Max(worst, math.Abs(float64(got[k])-want[r][k]))
				}
			}
		}
	}
	return worst
}

func TestTinyParityFP32(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1})
	if d := runParity(t, m, filepath.Join(tinyDir(), "parity.json")); d > 1e-4 {
		t.Fatalf("max abs diff vs PyTorch %.3g > 1e-4", d)
	} else {
		t.Logf("max abs diff vs PyTorch: %.3g", d)
	}
}

func TestTinyInt8Runs(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1, Int8: true})
	if !m.Int8() {
		t.Fatal("int8 segments not used")
	}
	d := runParity(t, m, filepath.Join(tinyDir(), "parity.json"))
	t.Logf("int8 max abs diff vs PyTorch fp32: %.3g", d)
	if d == 0 || math.IsNaN(d) || d > 5 {
		t.Fatalf("int8 diff %.3g: not a quantised run or broken", d)
	}
	_, int8Size := m.Files()
	fp := loadTiny(t, Options{Threads: 1})
	_, fpSize := fp.Files()
	if int8Size >= fpSize {
		t.Fatalf("int8 files %d bytes, fp32 %d", int8Size, fpSize)
	}
}

func TestOptimumExportLoads(t *testing.T) {
	dir := filepath.Join("testdata", "tiny-optimum")
	m := loadTiny(t, Options{Dir: dir, Threads: 1})
	if !m.Bundle.Optimum || m.HasShallowExit() {
		t.Fatalf("optimum export: optimum=%v shallow=%v", m.Bundle.Optimum, m.HasShallowExit())
	}
	if extra := m.Bundle.ExtraInputs["model"]; len(extra) != 1 || extra[0] != "token_type_ids" {
		t.Fatalf("token_type_ids not filled by the runtime: %v", extra)
	}
	if d := runParity(t, m, filepath.Join(dir, "parity.json")); d > 1e-4 {
		t.Fatalf("max abs diff %.3g", d)
	}
	out, err := m.Run(context.Background(), "The licensee shall pay the fees.", document.DepthShallow)
	if err != nil {
		t.Fatal(err)
	}
	if out.Depth != document.DepthFull || len(out.Final().Class) != 4 {
		t.Fatalf("depth %s, class %v", out.Depth, out.Final().Class)
	}
}

func TestRunDepths(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1})
	text := "This Agreement is made between the Licensor and the Licensee. The Licensee shall pay the fees."
	sh, err := m.Run(context.Background(), text, document.DepthShallow)
	if err != nil {
		t.Fatal(err)
	}
	if sh.Depth != document.DepthShallow || len(sh.Exits) != 1 || sh.Exits[0].Salience != nil {
		t.Fatalf("shallow run: %+v", sh)
	}
	full, err := m.Run(context.Background(), text, document.DepthFull)
	if err != nil {
		t.Fatal(err)
	}
	if full.Depth != document.DepthFull || len(full.Exits) != 2 {
		t.Fatalf("full run: depth %s exits %d", full.Depth, len(full.Exits))
	}
	f := full.Final()
	if f.Layer != 4 || len(f.Salience) != full.Tokens || len(f.Keyword) != full.Tokens || len(f.Class) != 4 || len(f.Subtype) != 6 {
		t.Fatalf("full exit: layer %d sal %d kw %d tokens %d", f.Layer, len(f.Salience), len(f.Keyword), full.Tokens)
	}
	// The shallow exit is the same computation both times.
	for i := range sh.Exits[0].Class {
		if math.Abs(sh.Exits[0].Class[i]-full.Exits[0].Class[i]) > 1e-6 {
			t.Fatalf("shallow class differs between runs: %v vs %v", sh.Exits[0].Class, full.Exits[0].Class)
		}
	}
	sum := 0.0
	for _, p := range f.Class {
		sum += p
	}
	if math.Abs(sum-1) > 1e-9 || f.Confidence < 0.25 {
		t.Fatalf("class probabilities %v", f.Class)
	}
	for i, o := range full.Offsets {
		if o.End <= o.Start || o.End > len(text) {
			t.Fatalf("token %d offset %v", i, o)
		}
	}
	// auto with a confident-enough threshold stays shallow; with a threshold
	// above any probability it escalates.
	m.SetRouter(Router{Threshold: 0})
	if out, _ := m.Run(context.Background(), text, document.DepthAuto); out.Depth != document.DepthShallow {
		t.Fatalf("auto, threshold 0: %s (%s)", out.Depth, out.Route.Reason)
	}
	m.SetRouter(Router{Threshold: 1.01})
	if out, _ := m.Run(context.Background(), text, document.DepthAuto); out.Depth != document.DepthFull || out.Route.Reason != ReasonLowConfidence {
		t.Fatalf("auto, threshold 1.01: %s (%s)", out.Depth, out.Route.Reason)
	}
}

// A long document is split into overlapping windows whose per-token
// outputs cover every token once merged, and a batch of windows gives the
// same answer as the windows one by one.
func TestLongDocumentWindows(t *testing.T) {
	text := strings.Repeat("The licensee shall pay the licensor within thirty days of the invoice. ", 60)
	batched := loadTiny(t, Options{Threads: 1, MaxBatch: 8})
	single := loadTiny(t, Options{Threads: 1, MaxBatch: 1})
	a, err := batched.Run(context.Background(), text, document.DepthFull)
	if err != nil {
		t.Fatal(err)
	}
	b, err := single.Run(context.Background(), text, document.DepthFull)
	if err != nil {
		t.Fatal(err)
	}
	if a.Windows < 3 || a.Tokens <= batched.Bundle.Manifest.MaxLength {
		t.Fatalf("%d tokens in %d windows", a.Tokens, a.Windows)
	}
	fa, fb := a.Final(), b.Final()
	for i := range fa.Salience {
		if fa.Salience[i] == 0 {
			t.Fatalf("token %d not covered by any window", i)
		}
		if math.Abs(fa.Salience[i]-fb.Salience[i]) > 1e-4 {
			t.Fatalf("token %d: batched %v vs single %v", i, fa.Salience[i], fb.Salience[i])
		}
	}
	for i := range fa.Class {
		if math.Abs(fa.Class[i]-fb.Class[i]) > 1e-4 {
			t.Fatalf("class: batched %v vs single %v", fa.Class, fb.Class)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	needORT(t)
	if _, err := Load(Options{Dir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "not a model bundle") {
		t.Fatalf("empty dir: %v", err)
	}
	dir := t.TempDir()
	src := tinyDir()
	for _, f := range []string{"lower.onnx", "upper.onnx", "tokenizer.json"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(src, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(edit func(m *Manifest)) {
		var m Manifest
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		edit(&m)
		out, _ := json.Marshal(m)
		if err := os.WriteFile(filepath.Join(dir, "manifest.json"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		edit func(m *Manifest)
		want string
	}{
		{func(m *Manifest) { m.Segments[0].Outputs[3] = "keyword_logit_shallow" }, `lower.onnx: declared output "keyword_logit_shallow" not in graph`},
		{func(m *Manifest) { m.Segments[1].Inputs = append(m.Segments[1].Inputs, "extra") }, `input "extra" is neither`},
		{func(m *Manifest) { m.Segments[0].Inputs = m.Segments[0].Inputs[:1] }, `graph input "attention_mask" is not declared`},
		{func(m *Manifest) { m.Exits[1].Heads["salience"] = "salience" }, `head "salience": tensor "salience" is not an output`},
		{func(m *Manifest) { m.Segments[1].File = "missing.onnx" }, `segment "upper": stat`},
		{func(m *Manifest) { m.Segments[1].File = "tokenizer.json" }, `read graph`},
		{func(m *Manifest) { m.Exits[0].Layer = 9 }, `layer 9 outside 1..4`},
	}
	for i, c := range cases {
		write(c.edit)
		_, err := Load(Options{Dir: dir})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("case %d: got %v, want %q", i, err, c.want)
		}
	}
	write(func(m *Manifest) { m.Segments[0].Int8File = "nope.int8.onnx" })
	if _, err := Load(Options{Dir: dir, Int8: true}); err == nil || !strings.Contains(err.Error(), "int8") {
		t.Errorf("missing int8 file: %v", err)
	}
}

// Documents submitted concurrently are batched together and each gets the
// answer it would get alone.
func TestConcurrentBatching(t *testing.T) {
	docs := []string{
		"The licensee shall pay the fees.",
		"ERROR disk full on node 7; retrying in 5 seconds.",
		"Article 3: Member States shall ensure compliance with this Regulation.",
		"本协议自双方签字之日起生效。",
		"Either party may terminate this agreement upon written notice.",
		"INFO service started in 120 ms",
	}
	alone := loadTiny(t, Options{Threads: 1, MaxBatch: 1})
	want := make([][]float64, len(docs))
	for i, d := range docs {
		out, err := alone.Run(context.Background(), d, document.DepthFull)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = out.Final().Class
	}
	m := loadTiny(t, Options{Threads: 1, MaxBatch: 8, MaxWait: 50 * time.Millisecond})
	var wg sync.WaitGroup
	got := make([][]float64, len(docs))
	errs := make([]error, len(docs))
	for i, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := m.Run(context.Background(), d, document.DepthFull)
			if err == nil {
				got[i] = out.Final().Class
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i := range docs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		for k := range want[i] {
			if math.Abs(got[i][k]-want[i][k]) > 1e-4 {
				t.Fatalf("doc %d: batched %v, alone %v", i, got[i], want[i])
			}
		}
	}
	if n := m.segs[0].maxSeen.Load(); n < 2 {
		t.Fatalf("largest batch %d: documents were not batched together", n)
	}
}

func TestClosedModel(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1})
	m.Close()
	if _, err := m.Run(context.Background(), "text", document.DepthFull); err == nil {
		t.Fatal("run after close succeeded")
	}
}

func TestMaxTokensTruncates(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1, MaxTokens: 50})
	text := strings.Repeat("The licensee shall pay the licensor. ", 40)
	out, err := m.Run(context.Background(), text, document.DepthFull)
	if err != nil {
		t.Fatal(err)
	}
	if !out.Truncated || out.Tokens != 50 || len(out.Final().Salience) != 50 || out.Offsets[49].End >= len(text) {
		t.Fatalf("truncated=%v tokens=%d", out.Truncated, out.Tokens)
	}
}

// A request may read less than the model's cap (the analyser reads a
// log's opening only), never more.
func TestRequestMaxTokens(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1, MaxTokens: 80})
	text := strings.Repeat("2026-01-02 10:00:01 ERROR db timeout after 30s\n", 40)
	for _, c := range []struct{ req, want int }{{30, 30}, {0, 80}, {500, 80}} {
		out, err := m.RunRequest(context.Background(), text, RunRequest{Depth: document.DepthShallow, MaxTokens: c.req})
		if err != nil {
			t.Fatal(err)
		}
		if out.Tokens != c.want || !out.Truncated {
			t.Fatalf("request cap %d: %d tokens (truncated %v), want %d", c.req, out.Tokens, out.Truncated, c.want)
		}
	}
}

func TestWindowsCoverOnce(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1})
	size := m.Bundle.Manifest.MaxLength - 2
	for _, n := range []int{0, 1, size - 1, size, size + 1, 3*size + 7} {
		enc := &tokenizer.Encoding{IDs: make([]int, n), Offsets: make([]tokenizer.Span, n)}
		wins := m.windows(enc)
		covered := make([]int, n)
		for _, w := range wins {
			if len(w.ids) > m.Bundle.Manifest.MaxLength {
				t.Fatalf("n=%d: window of %d ids", n, len(w.ids))
			}
			for k := 0; k < w.count; k++ {
				covered[w.first+k]++
			}
		}
		for i, c := range covered {
			if c == 0 {
				t.Fatalf("n=%d: token %d not covered", n, i)
			}
		}
		if want := 1; n <= size && len(wins) != want {
			t.Fatalf("n=%d: %d windows", n, len(wins))
		}
		if n == size+1 && wins[1].count > size/2 {
			t.Fatalf("n=%d: tail window has %d tokens", n, wins[1].count)
		}
	}
}

func TestHugeTextIsClipped(t *testing.T) {
	m := loadTiny(t, Options{Threads: 1, MaxTokens: 100})
	text := strings.Repeat("word ", 5000) // 25,000 bytes > 100*32
	out, err := m.Run(context.Background(), text, document.DepthShallow)
	if err != nil {
		t.Fatal(err)
	}
	if !out.Truncated || out.Tokens != 100 {
		t.Fatalf("truncated=%v tokens=%d", out.Truncated, out.Tokens)
	}
}
