// Package generate runs decoder-only language models exported to ONNX with
// a KV cache in the Hugging Face Optimum / onnx-community layout (input_ids,
// attention_mask, position_ids, past_key_values.N.key|value -> logits,
// present.N.key|value) for abstractive summaries: greedy decoding with a
// prompt template, a limit on new tokens and stop tokens.
package generate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/docmill/docmill/model"
	"github.com/docmill/docmill/model/tokenizer"
	ort "github.com/yalue/onnxruntime_go"
)

// Config selects and tunes a generative model.
type Config struct {
	Dir     string // model directory: model.onnx (or onnx/model*.onnx), tokenizer.json, config.json
	File    string // ONNX file inside Dir; empty: model.onnx, then onnx/model.onnx
	LibPath string // ONNX Runtime library; empty: model.FindORTLib("")
	Threads int    // intra-op threads; 0: ORT default
	// Template is the prompt; "{input}" is replaced by the text. Empty: the
	// text alone.
	Template string
	// MaxNewTokens bounds the generated tokens; 128 when zero.
	MaxNewTokens int
	// Stop lists token strings that end generation (e.g. "<|end_of_text|>");
	// config.json's eos_token_id is always a stop token.
	Stop []string
}

// Generator is a loaded decoder. Generate is safe for concurrent use;
// calls run one at a time on the shared session.
type Generator struct {
	cfg       Config
	tok       *tokenizer.Tokenizer
	sess      *ort.DynamicAdvancedSession
	layers    int
	kvHeads   int
	headDim   int
	inputs    []string
	outputs   []string
	hasPos    bool
	hasBranch bool
	stop      map[int]bool
	mu        sync.Mutex
	fileSize  int64
}

// Result is one generation.
type Result struct {
	Text         string
	IDs          []int // generated ids, stop token included when one ended it
	PromptTokens int
	Stopped      string // "stop token", "max tokens" or "context"
	Ms           float64
	TokensPerS   float64 // generated tokens per second, prompt excluded
}

type hfConfig struct {
	NumHiddenLayers   int             `json:"num_hidden_layers"`
	NumAttentionHeads int             `json:"num_attention_heads"`
	NumKeyValueHeads  int             `json:"num_key_value_heads"`
	HiddenSize        int             `json:"hidden_size"`
	HeadDim           int             `json:"head_dim"`
	EOSTokenID        json.RawMessage `json:"eos_token_id"`
}

var pastRe = regexp.MustCompile(`^past_key_values\.(\d+)\.(key|value)$`)

// Load initialises ONNX Runtime, reads the tokenizer and config and creates
// the session; it checks the graph has the expected KV-cache inputs and
// outputs.
func Load(cfg Config) (g *Generator, err error) {
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, fmt.Errorf("load generator %s: %v", cfg.Dir, r)
		}
	}()
	if cfg.MaxNewTokens <= 0 {
		cfg.MaxNewTokens = 128
	}
	lib := cfg.LibPath
	if lib == "" {
		lib = model.RuntimePath() // already initialised by the encoder
	}
	lib, err = model.FindORTLib(lib)
	if err != nil {
		return nil, err
	}
	if err := model.InitRuntime(lib); err != nil {
		return nil, err
	}
	path, err := findONNX(cfg)
	if err != nil {
		return nil, err
	}
	g = &Generator{cfg: cfg, stop: map[int]bool{}}
	if g.tok, err = tokenizer.Load(filepath.Join(cfg.Dir, "tokenizer.json")); err != nil {
		return nil, fmt.Errorf("generator %s: %w", cfg.Dir, err)
	}
	var hc hfConfig
	if data, err := os.ReadFile(filepath.Join(cfg.Dir, "config.json")); err == nil {
		if err := json.Unmarshal(data, &hc); err != nil {
			return nil, fmt.Errorf("generator %s: config.json: %w", cfg.Dir, err)
		}
	}
	if err := g.readGraph(path, hc); err != nil {
		return nil, fmt.Errorf("generator %s: %w", cfg.Dir, err)
	}
	if err := g.setStops(hc); err != nil {
		return nil, fmt.Errorf("generator %s: %w", cfg.Dir, err)
	}
	if g.sess, err = newSession(path, g.inputs, g.outputs, cfg.Threads); err != nil {
		return nil, fmt.Errorf("generator %s: %w", cfg.Dir, err)
	}
	if st, err := os.Stat(path); err == nil {
		g.fileSize = st.Size()
	}
	return g, nil
}

func findONNX(cfg Config) (string, error) {
	cands := []string{"model.onnx", filepath.Join("onnx", "model.onnx")}
	if cfg.File != "" {
		cands = []string{cfg.File}
	}
	for _, c := range cands {
		p := filepath.Join(cfg.Dir, c)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("generator %s: no ONNX file (looked for %s)", cfg.Dir, strings.Join(cands, ", "))
}

// readGraph learns layers, KV heads and head size from the graph inputs,
// falling back to config.json for dimensions the graph leaves symbolic.
func (g *Generator) readGraph(path string, hc hfConfig) error {
	ins, outs, err := ort.GetInputOutputInfo(path)
	if err != nil {
		return fmt.Errorf("read graph %s: %w", path, err)
	}
	have := map[string]bool{}
	for _, in := range ins {
		have[in.Name] = true
		m := pastRe.FindStringSubmatch(in.Name)
		if m == nil {
			continue
		}
		if in.DataType != ort.TensorElementDataType(ort.TensorElementDataTypeFloat) {
			return fmt.Errorf("%s: %s is %s; only float32 KV caches are supported (use the fp32, q4 or int8 "+
				"variant, not fp16/q4f16)", filepath.Base(path), in.Name, in.DataType)
		}
		n, _ := strconv.Atoi(m[1])
		g.layers = max(g.layers, n+1)
		if d := in.Dimensions; len(d) == 4 {
			if d[1] > 0 {
				g.kvHeads = int(d[1])
			}
			if d[3] > 0 {
				g.headDim = int(d[3])
			}
		}
	}
	for _, need := range []string{"input_ids", "attention_mask"} {
		if !have[need] {
			return fmt.Errorf("%s: graph has no %q input", filepath.Base(path), need)
		}
	}
	if g.layers == 0 {
		return fmt.Errorf("%s: no past_key_values.N.key/value inputs: not a KV-cache decoder export", filepath.Base(path))
	}
	if g.kvHeads == 0 {
		g.kvHeads = hc.NumKeyValueHeads
	}
	if g.headDim == 0 {
		g.headDim = hc.HeadDim
		if g.headDim == 0 && hc.NumAttentionHeads > 0 {
			g.headDim = hc.HiddenSize / hc.NumAttentionHeads
		}
	}
	if g.kvHeads <= 0 || g.headDim <= 0 {
		return fmt.Errorf("%s: cannot tell KV heads/head size from graph or config.json", filepath.Base(path))
	}
	g.hasPos = have["position_ids"]
	g.inputs = []string{"input_ids", "attention_mask"}
	if g.hasPos {
		g.inputs = append(g.inputs, "position_ids")
	}
	// Optimum's merged decoders switch between their no-cache and cache
	// branches with this flag.
	g.hasBranch = have["use_cache_branch"]
	if g.hasBranch {
		g.inputs = append(g.inputs, "use_cache_branch")
	}
	outNames := map[string]bool{}
	for _, o := range outs {
		outNames[o.Name] = true
	}
	if !outNames["logits"] {
		return fmt.Errorf("%s: graph has no \"logits\" output", filepath.Base(path))
	}
	g.outputs = []string{"logits"}
	for i := 0; i < g.layers; i++ {
		for _, kind := range []string{"key", "value"} {
			in, out := fmt.Sprintf("past_key_values.%d.%s", i, kind), fmt.Sprintf("present.%d.%s", i, kind)
			if !have[in] || !outNames[out] {
				return fmt.Errorf("%s: missing %s or %s", filepath.Base(path), in, out)
			}
			g.inputs = append(g.inputs, in)
			g.outputs = append(g.outputs, out)
		}
	}
	return nil
}

func (g *Generator) setStops(hc hfConfig) error {
	var ids []int
	if len(hc.EOSTokenID) > 0 && string(hc.EOSTokenID) != "null" {
		var one int
		if json.Unmarshal(hc.EOSTokenID, &one) == nil {
			ids = append(ids, one)
		} else if err := json.Unmarshal(hc.EOSTokenID, &ids); err != nil {
			return fmt.Errorf("config.json eos_token_id: %w", err)
		}
	}
	for _, id := range ids {
		g.stop[id] = true
	}
	for _, s := range g.cfg.Stop {
		id, ok := g.tok.TokenID(s)
		if !ok {
			return fmt.Errorf("stop token %q is not in the vocabulary", s)
		}
		g.stop[id] = true
	}
	return nil
}

func newSession(path string, inputs, outputs []string, threads int) (*ort.DynamicAdvancedSession, error) {
	opts, err := ort.NewSessionOptions()
	if err != nil {
		return nil, err
	}
	defer opts.Destroy()
	if threads > 0 {
		if err := opts.SetIntraOpNumThreads(threads); err != nil {
			return nil, err
		}
	}
	if err := opts.AddSessionConfigEntry("session.intra_op.allow_spinning", "0"); err != nil {
		return nil, err
	}
	return ort.NewDynamicAdvancedSession(path, inputs, outputs, opts)
}

// Close frees the session.
func (g *Generator) Close() {
	if g.sess != nil {
		g.sess.Destroy()
		g.sess = nil
	}
}

// Tokenizer returns the model's tokenizer.
func (g *Generator) Tokenizer() *tokenizer.Tokenizer { return g.tok }

// Prompt applies the template to input.
func (g *Generator) Prompt(input string) string {
	if g.cfg.Template == "" {
		return input
	}
	return strings.ReplaceAll(g.cfg.Template, "{input}", input)
}

// Generate applies the template to input and decodes greedily.
func (g *Generator) Generate(ctx context.Context, input string) (*Result, error) {
	enc := g.tok.Encode(g.Prompt(input), true)
	start := time.Now()
	ids, why, err := g.GenerateIDs(ctx, enc.IDs, g.cfg.MaxNewTokens)
	if err != nil {
		return nil, err
	}
	r := &Result{IDs: ids, PromptTokens: len(enc.IDs), Stopped: why, Ms: float64(time.Since(start).Microseconds()) / 1000}
	// A token limit can cut a multi-byte character in half.
	r.Text = strings.TrimSpace(strings.ToValidUTF8(g.tok.Decode(ids, true), ""))
	if r.Ms > 0 {
		r.TokensPerS = float64(len(ids)) / (r.Ms / 1000)
	}
	return r, nil
}

// ErrEmptyPrompt is returned for a prompt without tokens.
var ErrEmptyPrompt = errors.New("empty prompt")

// GenerateIDs decodes greedily from prompt ids: one pass over the prompt,
// then one token at a time reusing the KV cache. It returns the new ids
// (ending with the stop token when one was produced) and why it stopped.
func (g *Generator) GenerateIDs(ctx context.Context, prompt []int, maxNew int) ([]int, string, error) {
	if len(prompt) == 0 {
		return nil, "", ErrEmptyPrompt
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.sess == nil {
		return nil, "", errors.New("generator closed")
	}
	past := make([]ort.Value, 2*g.layers)
	for i := range past {
		t, err := ort.NewTensor(ort.NewShape(1, int64(g.kvHeads), 0, int64(g.headDim)), []float32{})
		if err != nil {
			return nil, "", fmt.Errorf("empty cache: %w", err)
		}
		past[i] = t
	}
	defer func() {
		for _, v := range past {
			if v != nil {
				v.Destroy()
			}
		}
	}()
	var out []int
	step := prompt
	total := 0
	for len(out) < maxNew {
		if err := ctx.Err(); err != nil {
			return out, "", err
		}
		next, present, err := g.step(step, total, past)
		if err != nil {
			return out, "", err
		}
		for _, v := range past {
			v.Destroy()
		}
		past = present
		total += len(step)
		out = append(out, next)
		if g.stop[next] {
			return out, "stop token", nil
		}
		step = []int{next}
	}
	return out, "max tokens", nil
}

// step runs the decoder on ids after past tokens and returns the argmax of
// the last position and the new cache.
func (g *Generator) step(ids []int, pastLen int, past []ort.Value) (int, []ort.Value, error) {
	s := len(ids)
	inIDs := make([]int64, s)
	pos := make([]int64, s)
	for i, id := range ids {
		inIDs[i], pos[i] = int64(id), int64(pastLen+i)
	}
	mask := make([]int64, pastLen+s)
	for i := range mask {
		mask[i] = 1
	}
	var own []ort.Value
	defer func() {
		for _, v := range own {
			v.Destroy()
		}
	}()
	mk := func(data []int64) (ort.Value, error) {
		t, err := ort.NewTensor(ort.NewShape(1, int64(len(data))), data)
		if err == nil {
			own = append(own, t)
		}
		return t, err
	}
	inputs := make([]ort.Value, 0, len(g.inputs))
	for _, data := range [][]int64{inIDs, mask, pos}[:map[bool]int{true: 3, false: 2}[g.hasPos]] {
		t, err := mk(data)
		if err != nil {
			return 0, nil, err
		}
		inputs = append(inputs, t)
	}
	if g.hasBranch {
		flag, err := ort.NewTensor(ort.NewShape(1), []bool{pastLen > 0})
		if err != nil {
			return 0, nil, err
		}
		own = append(own, flag)
		inputs = append(inputs, flag)
	}
	inputs = append(inputs, past...)
	outputs := make([]ort.Value, len(g.outputs))
	if err := g.sess.Run(inputs, outputs); err != nil {
		return 0, nil, fmt.Errorf("decoder step: %w", err)
	}
	logits, ok := outputs[0].(*ort.Tensor[float32])
	if !ok {
		destroyAll(outputs)
		return 0, nil, errors.New("logits are not float32")
	}
	shape, data := logits.GetShape(), logits.GetData()
	vocab := int(shape[len(shape)-1])
	last := data[len(data)-vocab:]
	best := 0
	for i, v := range last {
		if v > last[best] {
			best = i
		}
	}
	logits.Destroy()
	return best, outputs[1:], nil
}

func destroyAll(vs []ort.Value) {
	for _, v := range vs {
		if v != nil {
			v.Destroy()
		}
	}
}

// Info describes the loaded model.
func (g *Generator) Info() map[string]any {
	stops := make([]int, 0, len(g.stop))
	for id := range g.stop {
		stops = append(stops, id)
	}
	sort.Ints(stops)
	return map[string]any{"dir": g.cfg.Dir, "layers": g.layers, "kv_heads": g.kvHeads, "head_dim": g.headDim,
		"onnx_bytes": g.fileSize, "stop_ids": stops}
}

// Summarize generates a summary of text with the configured template; it
// makes a Generator usable as model.AnalyzerOptions.Abstractive.
func (g *Generator) Summarize(ctx context.Context, text string) (string, error) {
	r, err := g.Generate(ctx, text)
	if err != nil {
		return "", err
	}
	return r.Text, nil
}
