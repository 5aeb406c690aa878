package model

import (
	"context"
	"fmt"
	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/lang"
	"math"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/model/tokenizer"
)

// Options configure Load.
// DefaultThreshold is config.DefaultThreshold: the same default for serve
// and for the measurements (docmill eval, bench).
const DefaultThreshold = config.DefaultThreshold

type Options struct {
	Dir     string // bundle directory
	LibPath string // ONNX Runtime library; empty: FindORTLib("")
	Threads int    // intra-op threads per session; 0: ORT default
	Int8    bool   // run int8 segments when the bundle has them
	// MaxBatch is the most sequences (windows) per segment run; 0: 8.
	MaxBatch int
	// MaxWait is how long a segment waits for more work before running a
	// partial batch; 0 runs at once with whatever is queued.
	MaxWait time.Duration
	// Threshold is the shallow confidence under which auto depth escalates;
	// 0: 0.6.
	Threshold float64
	// Overlap is the number of tokens consecutive windows share; 0: a quarter
	// of the window, at most 64.
	Overlap int
	// MaxTokens caps the tokens of one document the model reads (memory
	// grows with it: the hidden state of every window is kept until the
	// router decides); 0: 32768. Text beyond it gets no model scores.
	MaxTokens int
}

// Model is a loaded bundle with one ONNX Runtime session per segment. It is
// safe for concurrent use.
type Model struct {
	Bundle *Bundle
	opts   Options
	router Router
	segs   []*segment
	// shallowEnd is the index of the segment holding the first exit; the
	// router decides before running segments after it.
	shallowEnd int

	mu           sync.Mutex
	fullPerToken float64 // EWMA of seconds per token for the segments after shallowEnd
	failures     uint64  // runs that failed (not cancelled)
	lastFailure  error
	lastFailedAt time.Time
	closeOnce    sync.Once
}

// Load initialises ONNX Runtime, loads and checks the bundle and creates
// its sessions. A missing library or a broken bundle is an error, never a
// panic.
func Load(o Options) (m *Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("load model %s: %v", o.Dir, r)
		}
	}()
	if o.MaxBatch <= 0 {
		o.MaxBatch = 8
	}
	if o.Threshold == 0 {
		o.Threshold = DefaultThreshold
	}
	if o.MaxTokens <= 0 {
		o.MaxTokens = 32768
	}
	lib := o.LibPath
	if lib == "" {
		lib = RuntimePath() // already initialised by an earlier Load
	}
	if lib == "" {
		if lib, err = FindORTLib(""); err != nil {
			return nil, err
		}
	}
	if err := InitRuntime(lib); err != nil {
		return nil, err
	}
	b, err := LoadBundle(o.Dir)
	if err != nil {
		return nil, err
	}
	m = &Model{Bundle: b, opts: o, router: Router{Threshold: o.Threshold}}
	if err := m.openSegments(); err != nil {
		m.Close()
		return nil, err
	}
	if err := m.warmUp(); err != nil {
		m.Close()
		return nil, fmt.Errorf("bundle %s does not run: %w", o.Dir, err)
	}
	return m, nil
}

// warmUpText is one window of ordinary text the model runs at load.
const warmUpText = `This Agreement is made between the Supplier and the Customer. The Supplier shall deliver the goods
within thirty days of each order, and the Customer shall pay every invoice within sixty days. Either party may
terminate this Agreement on ninety days' written notice. 本合同自双方签字之日起生效。 2024-01-02 10:00:00 ERROR disk full`

// warmUp proves the bundle runs before it is accepted, and seeds the
// full-depth cost the deadline router needs (without it the first
// document under a deadline ran full depth whatever its budget, after
// every start and hot swap). It runs the first segment on the
// tokenizer's largest id: a tokenizer from another model loads and
// encodes fine, but its ids run past the model's embedding and every
// document would fail and fall back to the model-free tier.
func (m *Model) warmUp() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tok := m.Bundle.Tokenizer
	top := tok.VocabSize() - 1
	enc := &tokenizer.Encoding{IDs: []int{top}, Offsets: []tokenizer.Span{{}}, Special: []bool{false}}
	wins := m.windows(enc)
	feeds := []map[string]winTensor{{"input_ids": {ints: wins[0].ids}, "attention_mask": {ints: wins[0].mask}}}
	if err := m.runSegments(ctx, 0, m.shallowEnd, wins, feeds); err != nil {
		return fmt.Errorf("the tokenizer's ids reach %d, which the model does not take (a tokenizer of another model?): %w", top, err)
	}
	out, err := m.RunRequest(ctx, warmUpText, RunRequest{Depth: document.DepthFull})
	if err != nil {
		return fmt.Errorf("full-depth run: %w", err)
	}
	return m.checkLabels(out)
}

// checkLabels compares the width of every document head the warm-up read
// with its label list: the analyser maps probabilities to labels by
// position, so a list one short or one long, or a per-token tensor named
// as a class head, gave wrong or empty classes without an error.
func (m *Model) checkLabels(out *Output) error {
	man := &m.Bundle.Manifest
	for _, ex := range out.Exits {
		spec := m.exitSpec(ex.Name)
		if spec == nil {
			continue
		}
		classField, subtypeField := "manifest.json labels.class", "manifest.json labels.subtype"
		if m.Bundle.Optimum {
			classField = "config.json id2label"
		}
		if err := m.checkWidth(spec, HeadClass, len(ex.Class), classField, len(man.Labels.Class)); err != nil {
			return err
		}
		if err := m.checkWidth(spec, HeadSubtype, len(ex.Subtype), subtypeField, len(man.Labels.Subtype)); err != nil {
			return err
		}
	}
	return nil
}

// checkWidth compares one head's width with its label count.
func (m *Model) checkWidth(e *ExitSpec, head string, width int, field string, labels int) error {
	tensor := e.Heads[head]
	if tensor == "" || width == labels {
		return nil
	}
	file := ""
	if s := m.Bundle.Segment(e.Segment); s != nil {
		file = s.File
	}
	return fmt.Errorf("exit %q head %q: tensor %q of %s gives %d values per document, but %s lists %d labels",
		e.Name, head, tensor, file, width, field, labels)
}

// exitSpec returns the manifest's exit with that name, or nil.
func (m *Model) exitSpec(name string) *ExitSpec {
	for i := range m.Bundle.Manifest.Exits {
		if m.Bundle.Manifest.Exits[i].Name == name {
			return &m.Bundle.Manifest.Exits[i]
		}
	}
	return nil
}

// noteFailure records a run that failed: the analyser falls back to the
// model-free tier, and Failures tells /healthz.
func (m *Model) noteFailure(err error) {
	modelFailures.Inc()
	m.mu.Lock()
	m.failures++
	m.lastFailure, m.lastFailedAt = err, time.Now()
	m.mu.Unlock()
}

// Failures reports how many runs failed since load, the last failure and
// when it happened.
func (m *Model) Failures() (uint64, error, time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.failures, m.lastFailure, m.lastFailedAt
}

func (m *Model) openSegments() error {
	man := &m.Bundle.Manifest
	docLevel := map[string]bool{}
	for _, e := range man.Exits {
		for _, h := range []string{HeadClass, HeadSubtype} {
			if t := e.Heads[h]; t != "" {
				docLevel[t] = true
			}
		}
	}
	first := man.Exits[0].Segment
	for i, spec := range man.Segments {
		file := spec.File
		int8 := false
		if m.opts.Int8 && spec.Int8File != "" {
			p := filepath.Join(m.Bundle.Dir, spec.Int8File)
			if _, err := checkGraph(p, spec); err != nil {
				return fmt.Errorf("bundle %s: int8 variant: %w", m.Bundle.Dir, err)
			}
			file, int8 = spec.Int8File, true
		}
		inputs := append(append([]string{}, spec.Inputs...), m.Bundle.ExtraInputs[spec.Name]...)
		sess, err := newSession(filepath.Join(m.Bundle.Dir, file), inputs, spec.Outputs, m.opts.Threads)
		if err != nil {
			return fmt.Errorf("bundle %s: %w", m.Bundle.Dir, err)
		}
		s := &segment{spec: spec, file: file, int8: int8, sess: sess, inputs: inputs, outputs: spec.Outputs,
			docLevel: docLevel, maxBatch: m.opts.MaxBatch, maxWait: m.opts.MaxWait}
		s.start()
		m.segs = append(m.segs, s)
		if spec.Name == first {
			m.shallowEnd = i
		}
	}
	return nil
}

// Close stops the batchers and frees the sessions.
func (m *Model) Close() {
	m.closeOnce.Do(func() {
		for _, s := range m.segs {
			s.close()
		}
	})
}

// Info names the model for results.
func (m *Model) Info() document.ModelInfo {
	return document.ModelInfo{Name: m.Bundle.Manifest.Name, Version: m.Bundle.Manifest.Version, Tier: "model"}
}

// Tokenizer returns the bundle's tokenizer.
func (m *Model) Tokenizer() *tokenizer.Tokenizer { return m.Bundle.Tokenizer }

// Int8 reports whether the sessions run int8 segment files.
func (m *Model) Int8() bool {
	for _, s := range m.segs {
		if !s.int8 {
			return false
		}
	}
	return len(m.segs) > 0
}

// Files returns the segment files the sessions were created from and their
// total size in bytes.
func (m *Model) Files() ([]string, int64) {
	var files []string
	var total int64
	for _, s := range m.segs {
		p := filepath.Join(m.Bundle.Dir, s.file)
		files = append(files, p)
		if st, err := os.Stat(p); err == nil {
			total += st.Size()
		}
	}
	return files, total
}

// CPUTime is the CPU time all segment sessions have used on their own
// threads since Load. With Threads = 1 ONNX Runtime computes on those
// threads, so differences of CPUTime measure the model's work without the
// noise of other processes; with more threads it misses the pool's share.
func (m *Model) CPUTime() time.Duration {
	var n int64
	for _, s := range m.segs {
		n += s.cpuNanos.Load()
	}
	return time.Duration(n)
}

// HasShallowExit reports whether the model can stop before its last
// segment.
func (m *Model) HasShallowExit() bool { return m.shallowEnd < len(m.segs)-1 }

// ExitResult holds the heads read at one exit, merged over windows.
type ExitResult struct {
	Name  string
	Layer int
	Depth document.Depth
	// Class and Subtype are probabilities aligned with the manifest labels.
	Class   []float64
	Subtype []float64
	// Keyword and Salience are per-token probabilities, aligned with
	// Output.Offsets; nil when the exit has no such head.
	Keyword  []float64
	Salience []float64
	// Confidence is the top class probability (0 without a class head).
	Confidence float64
	// Ms is the time from the start of Run until this exit was read.
	Ms float64
}

// Output is the result of Run.
type Output struct {
	Tokens  int              // tokens of the text, without special tokens
	Windows int              // windows the text was split into
	Offsets []tokenizer.Span // byte range of each token in the text
	Exits   []ExitResult     // in the order they were read, shallow first
	Depth   document.Depth   // deepest exit read
	Route   Route            // the router's decision
	// Truncated is set when the text had more than Options.MaxTokens
	// tokens; Offsets end where the model stopped reading.
	Truncated bool
	// Unknown is the share of the tokens read that the vocabulary does
	// not know (the unknown token): a text in a script the model never
	// saw is mostly unknown, and what the model says of it means little.
	Unknown float64
}

// unknownShare is the share of enc's tokens, special ones aside, that are
// the tokenizer's unknown token; 0 for a tokenizer without one.
func (m *Model) unknownShare(enc *tokenizer.Encoding) float64 {
	unk, ok := m.Bundle.Tokenizer.UnknownID()
	if !ok {
		return 0
	}
	n, all := 0, 0
	for i, id := range enc.IDs {
		if enc.Special[i] {
			continue
		}
		all++
		if id == unk {
			n++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(n) / float64(all)
}

// Final is the deepest exit read.
func (o *Output) Final() *ExitResult { return &o.Exits[len(o.Exits)-1] }

// Exit returns the exit with that name, or nil when it was not read.
func (o *Output) Exit(name string) *ExitResult {
	for i := range o.Exits {
		if o.Exits[i].Name == name {
			return &o.Exits[i]
		}
	}
	return nil
}

// RunRequest says how deep Run may go.
type RunRequest struct {
	Depth    document.Depth // shallow, full, auto (empty means auto)
	NeedFull bool           // a requested task needs full depth
	Deadline time.Time      // zero: none
	// MaxTokens, when set under Options.MaxTokens, caps this document's
	// tokens (the analyser reads only a log's opening).
	MaxTokens int
}

// Run analyses text at the requested depth: auto lets the router decide
// after the shallow exit.
func (m *Model) Run(ctx context.Context, text string, depth document.Depth) (*Output, error) {
	return m.RunRequest(ctx, text, RunRequest{Depth: depth})
}

// RunRequest is Run with the full request: tasks' needs and a deadline
// (the context's deadline when the request has none).
func (m *Model) RunRequest(ctx context.Context, text string, req RunRequest) (*Output, error) {
	start := time.Now()
	if d, ok := ctx.Deadline(); ok && req.Deadline.IsZero() {
		req.Deadline = d
	}
	// No token is shorter than a byte of input and few are longer than 32,
	// so this bound keeps the tokenizer from reading megabytes it will drop.
	maxTokens := m.opts.MaxTokens
	if req.MaxTokens > 0 && req.MaxTokens < maxTokens {
		maxTokens = req.MaxTokens
	}
	clipped := false
	if limit := maxTokens * 32; len(text) > limit {
		text, clipped = lang.Clip(text, limit), true
	}
	enc := m.Bundle.Tokenizer.Encode(text, false)
	truncated := clipped || len(enc.IDs) > maxTokens
	if len(enc.IDs) > maxTokens {
		enc.IDs, enc.Offsets, enc.Special = enc.IDs[:maxTokens], enc.Offsets[:maxTokens], enc.Special[:maxTokens]
	}
	wins := m.windows(enc)
	out := &Output{Tokens: len(enc.IDs), Windows: len(wins), Offsets: enc.Offsets, Truncated: truncated,
		Unknown: m.unknownShare(enc)}
	feeds := make([]map[string]winTensor, len(wins))
	for i, w := range wins {
		feeds[i] = map[string]winTensor{"input_ids": {ints: w.ids}, "attention_mask": {ints: w.mask}}
	}
	if err := m.runSegments(ctx, 0, m.shallowEnd, wins, feeds); err != nil {
		return nil, err
	}
	man := &m.Bundle.Manifest
	firstExit := man.Exits[0]
	out.Exits = append(out.Exits, m.readExit(firstExit, wins, feeds, enc, start))
	if !m.HasShallowExit() {
		out.Depth, out.Route = document.DepthFull, Route{Full: true, Reason: "single-segment model"}
		out.Exits[0].Depth = document.DepthFull
		return out, nil
	}
	out.Depth = document.DepthShallow
	out.Route = m.Router().Decide(RouteInput{Depth: req.Depth, NeedFull: req.NeedFull, Confidence: out.Exits[0].Confidence,
		HasDeadline: !req.Deadline.IsZero(), Remaining: time.Until(req.Deadline), FullCost: m.fullCost(len(enc.IDs))})
	if !out.Route.Full {
		return out, nil
	}
	upperStart := time.Now()
	if err := m.runSegments(ctx, m.shallowEnd+1, len(m.segs)-1, wins, feeds); err != nil {
		return nil, err
	}
	m.learnFullCost(time.Since(upperStart), len(enc.IDs))
	for _, e := range man.Exits[1:] {
		out.Exits = append(out.Exits, m.readExit(e, wins, feeds, enc, start))
	}
	out.Depth = document.DepthFull
	return out, nil
}

// SetRouter replaces the router (for example to change the threshold); safe
// while documents are running.
func (m *Model) SetRouter(r Router) {
	m.mu.Lock()
	m.router = r
	m.mu.Unlock()
}

// Router returns the router in use.
func (m *Model) Router() Router {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.router
}

func (m *Model) fullCost(tokens int) time.Duration {
	m.mu.Lock()
	defer m.mu.Unlock()
	return time.Duration(m.fullPerToken * float64(tokens) * float64(time.Second))
}

func (m *Model) learnFullCost(d time.Duration, tokens int) {
	if tokens <= 0 {
		return
	}
	per := d.Seconds() / float64(tokens)
	m.mu.Lock()
	if m.fullPerToken == 0 {
		m.fullPerToken = per
	} else {
		m.fullPerToken = 0.8*m.fullPerToken + 0.2*per
	}
	m.mu.Unlock()
}

// winTensor is one window's value of a named tensor.
type winTensor struct {
	ints   []int64
	floats []float32
}

// runSegments runs segments lo..hi over all windows, adding their outputs
// to feeds so later segments find their inputs there.
func (m *Model) runSegments(ctx context.Context, lo, hi int, wins []window, feeds []map[string]winTensor) error {
	for k := lo; k <= hi; k++ {
		s := m.segs[k]
		seqs := make([]seqInput, len(wins))
		for i, w := range wins {
			q := seqInput{n: len(w.ids), ints: map[string][]int64{}, float: map[string][]float32{}}
			for _, name := range s.inputs {
				v, ok := feeds[i][name]
				switch {
				case ok && v.floats != nil:
					q.float[name] = v.floats
					q.width = len(v.floats) / q.n
				case ok:
					q.ints[name] = v.ints
				default: // auto-filled inputs such as token_type_ids stay zero
				}
			}
			seqs[i] = q
		}
		outs, err := s.submit(ctx, seqs)
		if err != nil {
			return fmt.Errorf("model %s: %w", m.Bundle.Manifest.Name, err)
		}
		for i, o := range outs {
			for name, v := range o {
				feeds[i][name] = winTensor{floats: v}
			}
		}
	}
	return nil
}

// readExit merges an exit's heads over the windows.
func (m *Model) readExit(e ExitSpec, wins []window, feeds []map[string]winTensor, enc *tokenizer.Encoding, start time.Time) ExitResult {
	r := ExitResult{Name: e.Name, Layer: e.Layer, Depth: document.DepthShallow, Ms: msSince(start)}
	if e.Segment == m.segs[len(m.segs)-1].spec.Name {
		r.Depth = document.DepthFull
	}
	if t := e.Heads[HeadClass]; t != "" {
		r.Class = mergeDoc(wins, feeds, t)
		for _, p := range r.Class {
			r.Confidence = math.Max(r.Confidence, p)
		}
	}
	if t := e.Heads[HeadSubtype]; t != "" {
		r.Subtype = mergeDoc(wins, feeds, t)
	}
	if t := e.Heads[HeadKeyword]; t != "" {
		r.Keyword = mergeTokens(wins, feeds, t, len(enc.IDs))
	}
	if t := e.Heads[HeadSalience]; t != "" {
		r.Salience = mergeTokens(wins, feeds, t, len(enc.IDs))
	}
	return r
}

func msSince(t time.Time) float64 { return float64(time.Since(t).Microseconds()) / 1000 }
