package model

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/docmill/docmill/document"
)

// EnvModel names the bundle directory when no flag does.
const EnvModel = "DOCMILL_MODEL_DIR" // as serve reads model.dir; DOCMILL_MODEL is still read

// DefaultBundleDir finds the default bundle (docmill-mini): $DOCMILL_MODEL_DIR
// (or $DOCMILL_MODEL), then model/bundles/docmill-mini under the working
// directory, then next to the executable (same folder or its parent) or in
// its installed share folder (../share/docmill/docmill-mini).
func DefaultBundleDir() (string, error) {
	if d := EnvModelDir(); d != "" {
		return d, nil
	}
	rel := filepath.Join("model", "bundles", "docmill-mini")
	var cands []string
	if wd, err := os.Getwd(); err == nil {
		cands = append(cands, filepath.Join(wd, rel))
	}
	if exe, err := os.Executable(); err == nil {
		dir := filepath.Dir(exe)
		cands = append(cands, filepath.Join(dir, rel), filepath.Join(dir, "docmill-mini"), filepath.Join(filepath.Dir(dir), rel),
			filepath.Join(filepath.Dir(dir), "share", "docmill", "docmill-mini"))
	}
	var looked []string
	for _, c := range cands {
		if slices.Contains(looked, c) {
			continue // the working folder is the binary's
		}
		looked = append(looked, c)
		if _, err := os.Stat(filepath.Join(c, "manifest.json")); err == nil {
			return c, nil
		}
	}
	return "", fmt.Errorf("default model bundle not found (looked in %s): set --model or %s", strings.Join(looked, ", "), EnvModel)
}

// BenchOptions configure Bench.
type BenchOptions struct {
	Dir       string
	LibPath   string
	Threads   int // intra-op threads per session; 1 when zero
	Runs      int // timed runs per variant; 30 when zero
	DocTokens int // tokens per document; 512 when zero
}

// BenchResult is what `docmill bench model --json` prints.
type BenchResult struct {
	Model               string  `json:"model"`
	Version             string  `json:"version"`
	Threads             int     `json:"threads"`
	Runs                int     `json:"runs"`
	DocTokens           int     `json:"doc_tokens"`
	Windows             int     `json:"windows_per_doc"`
	TokenizerTokensPerS float64 `json:"tokenizer_tokens_per_s"`
	// TokenizerTokensPerCPUS divides by the goroutine's thread CPU time
	// instead of wall time (robust to other load on the machine).
	TokenizerTokensPerCPUS float64 `json:"tokenizer_tokens_per_cpu_s,omitempty"`
	ShallowMsP50           float64 `json:"shallow_ms_p50"`
	ShallowMsP95           float64 `json:"shallow_ms_p95"`
	FullMsP50              float64 `json:"full_ms_p50"`
	FullMsP95              float64 `json:"full_ms_p95"`
	FullOverShallow        float64 `json:"full_over_shallow"`
	// CPU figures: the model sessions' own CPU time per document (Linux,
	// one intra-op thread), which other load on the machine barely moves.
	ShallowCPUMsP50    float64 `json:"shallow_cpu_ms_p50,omitempty"`
	FullCPUMsP50       float64 `json:"full_cpu_ms_p50,omitempty"`
	FullOverShallowCPU float64 `json:"full_over_shallow_cpu,omitempty"`
	Int8FullCPUMsP50   float64 `json:"int8_full_cpu_ms_p50,omitempty"`
	RouterMixedCPUMs   float64 `json:"router_mixed_cpu_ms_mean,omitempty"`
	AlwaysFullCPUMs    float64 `json:"always_full_cpu_ms_mean,omitempty"`
	RouterSpeedupCPU   float64 `json:"router_speedup_cpu,omitempty"`
	RouterConfCPUMs    float64 `json:"router_confidence_only_cpu_ms_mean,omitempty"`
	RouterConfSpeedCPU float64 `json:"router_confidence_only_speedup_cpu,omitempty"`
	BatchDocsPerS      float64 `json:"batch_docs_per_s"`
	BatchConfig        string  `json:"batch_config"`
	FP32Bytes          int64   `json:"fp32_bytes"`
	Int8Bytes          int64   `json:"int8_bytes,omitempty"`
	Int8FullMsP50      float64 `json:"int8_full_ms_p50,omitempty"`
	Int8ShallowMsP50   float64 `json:"int8_shallow_ms_p50,omitempty"`
	RouterMixedMsMean  float64 `json:"router_mixed_ms_mean"`
	AlwaysFullMsMean   float64 `json:"always_full_ms_mean"`
	RouterSpeedup      float64 `json:"router_speedup"`
	RouterFullShare    float64 `json:"router_full_share"`
	RouterThreshold    float64 `json:"router_threshold"`
	// Confidence-only routing: the same documents when no task needs full
	// depth (classify+keywords only), so only low confidence escalates.
	RouterConfidenceMsMean    float64 `json:"router_confidence_only_ms_mean"`
	RouterConfidenceSpeedup   float64 `json:"router_confidence_only_speedup"`
	RouterConfidenceFullShare float64 `json:"router_confidence_only_full_share"`
	MixedWorkload             string  `json:"mixed_workload"`
	Note                      string  `json:"note,omitempty"`
	ShallowExitAvailable      bool    `json:"shallow_exit_available"`
}

// benchProse is English contract prose used to build documents of a given
// token length.
const benchProse = "This Agreement is entered into by and between the Licensor and the Licensee. " +
	"The Licensee shall pay the fees set out in Schedule 2 within thirty (30) days of the invoice date, " +
	"and any amount not paid when due shall bear interest at the rate of one percent per month. " +
	"Either party may terminate this Agreement upon written notice if the other party materially breaches it " +
	"and fails to cure the breach within fifteen days. The Licensor warrants that the Software will perform " +
	"substantially in accordance with the Documentation for ninety days after delivery. "

// docOfTokens returns a prefix of repeated prose with about n tokens.
func docOfTokens(m *Model, n int) string {
	text := benchProse
	for len(m.Bundle.Tokenizer.Encode(text, false).IDs) < n {
		text += benchProse
	}
	enc := m.Bundle.Tokenizer.Encode(text, false)
	return text[:enc.Offsets[n-1].End]
}

// Bench measures the model as the issue asks: tokenizer speed, per-document
// latency at each depth (batch 1), batched throughput, int8 against fp32
// and the router on a mixed workload against always-full.
func Bench(ctx context.Context, o BenchOptions) (*BenchResult, error) {
	if o.Threads <= 0 {
		o.Threads = 1
	}
	if o.Runs <= 0 {
		o.Runs = 30
	}
	if o.DocTokens <= 0 {
		o.DocTokens = 512
	}
	m, err := Load(Options{Dir: o.Dir, LibPath: o.LibPath, Threads: o.Threads, MaxBatch: 8})
	if err != nil {
		return nil, err
	}
	defer m.Close()
	man := m.Bundle.Manifest
	r := &BenchResult{Model: man.Name, Version: man.Version, Threads: o.Threads, Runs: o.Runs, DocTokens: o.DocTokens,
		ShallowExitAvailable: m.HasShallowExit(), RouterThreshold: m.Router().Threshold}
	doc := docOfTokens(m, o.DocTokens)
	r.TokenizerTokensPerS, r.TokenizerTokensPerCPUS = tokenizerSpeed(m, doc)
	_, r.FP32Bytes = m.Files()
	lat, err := depthLatencies(ctx, m, doc, o.Runs)
	if err != nil {
		return nil, err
	}
	r.Windows = lat.windows
	r.ShallowMsP50, r.ShallowMsP95 = percentile(lat.shallow, 50), percentile(lat.shallow, 95)
	r.FullMsP50, r.FullMsP95 = percentile(lat.full, 50), percentile(lat.full, 95)
	r.FullOverShallow = ratio(r.FullMsP50, r.ShallowMsP50)
	r.ShallowCPUMsP50, r.FullCPUMsP50 = percentile(lat.shallowCPU, 50), percentile(lat.fullCPU, 50)
	r.FullOverShallowCPU = ratio(r.FullCPUMsP50, r.ShallowCPUMsP50)
	if err := benchRouter(ctx, m, o.Runs, r); err != nil {
		return nil, err
	}
	if r.BatchDocsPerS, r.BatchConfig, err = batchThroughput(ctx, o, doc); err != nil {
		return nil, err
	}
	if err := benchInt8(ctx, o, doc, r); err != nil {
		return nil, err
	}
	return r, nil
}

// tokenizerSpeed encodes on one locked thread for half a second and
// returns tokens per wall second and per thread CPU second.
func tokenizerSpeed(m *Model, doc string) (float64, float64) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	text := strings.Repeat(doc, 8)
	tokens := 0
	start, cpu0 := time.Now(), threadCPU()
	for time.Since(start) < 500*time.Millisecond {
		tokens += len(m.Bundle.Tokenizer.Encode(text, false).IDs)
	}
	wall, cpu := time.Since(start).Seconds(), float64(threadCPU()-cpu0)/1e9
	perCPU := 0.0
	if cpu > 0 {
		perCPU = float64(int(float64(tokens) / cpu))
	}
	return float64(int(float64(tokens) / wall)), perCPU
}

type latencies struct {
	shallow, full, shallowCPU, fullCPU []float64
	windows                            int
}

// timed runs one document and returns wall and model CPU milliseconds.
func timed(ctx context.Context, m *Model, doc string, req RunRequest) (*Output, float64, float64, error) {
	c0, t0 := m.CPUTime(), time.Now()
	out, err := m.RunRequest(ctx, doc, req)
	return out, msSince(t0), float64((m.CPUTime() - c0).Microseconds()) / 1000, err
}

// depthLatencies interleaves shallow and full runs of one document so
// machine noise hits both alike; each full run measures the whole depth.
func depthLatencies(ctx context.Context, m *Model, doc string, runs int) (*latencies, error) {
	l := &latencies{}
	for i := 0; i < runs+2; i++ {
		out, w1, c1, err := timed(ctx, m, doc, RunRequest{Depth: document.DepthShallow})
		if err != nil {
			return nil, err
		}
		_, w2, c2, err := timed(ctx, m, doc, RunRequest{Depth: document.DepthFull})
		if err != nil {
			return nil, err
		}
		l.windows = out.Windows
		if i >= 2 { // warm-up
			l.shallow, l.full = append(l.shallow, w1), append(l.full, w2)
			l.shallowCPU, l.fullCPU = append(l.shallowCPU, c1), append(l.fullCPU, c2)
		}
	}
	return l, nil
}

func ratio(a, b float64) float64 {
	if b <= 0 {
		return 0
	}
	return round3(a / b)
}

// benchRouter runs a mixed workload through the router and the same
// requests at full depth. The mix: documents of 128, 256 and 512 tokens;
// 70% ask for classify+keywords only, 30% also for a summary (which needs
// full depth); all with depth auto and no deadline.
func benchRouter(ctx context.Context, m *Model, runs int, r *BenchResult) error {
	type req struct {
		text     string
		needFull bool
	}
	var reqs []req
	docs := []string{docOfTokens(m, 128), docOfTokens(m, 256), docOfTokens(m, 512)}
	for i := 0; i < 10; i++ {
		reqs = append(reqs, req{docs[i%3], i%10 >= 7})
	}
	r.MixedWorkload = "10 requests per round (docs of 128/256/512 tokens; 7 classify+keywords, 3 with summary), depth auto, no deadline"
	var routed, always, confOnly, routedCPU, alwaysCPU, confCPU []float64
	fullCount, confFull, total := 0, 0, 0
	rounds := max(1, runs/5)
	for round := 0; round < rounds+1; round++ {
		for _, q := range reqs {
			out, d1, c1, err := timed(ctx, m, q.text, RunRequest{Depth: document.DepthAuto, NeedFull: q.needFull})
			if err != nil {
				return err
			}
			_, d2, c2, err := timed(ctx, m, q.text, RunRequest{Depth: document.DepthFull})
			if err != nil {
				return err
			}
			co, d3, c3, err := timed(ctx, m, q.text, RunRequest{Depth: document.DepthAuto})
			if err != nil {
				return err
			}
			if round == 0 {
				continue // warm-up
			}
			routed, always, confOnly = append(routed, d1), append(always, d2), append(confOnly, d3)
			routedCPU, alwaysCPU, confCPU = append(routedCPU, c1), append(alwaysCPU, c2), append(confCPU, c3)
			total++
			if out.Depth == document.DepthFull {
				fullCount++
			}
			if co.Depth == document.DepthFull {
				confFull++
			}
		}
	}
	r.RouterMixedMsMean, r.AlwaysFullMsMean = round3(mean(routed)), round3(mean(always))
	if r.RouterMixedMsMean > 0 {
		r.RouterSpeedup = round3(r.AlwaysFullMsMean / r.RouterMixedMsMean)
	}
	r.RouterFullShare = round3(float64(fullCount) / float64(max(total, 1)))
	r.RouterConfidenceMsMean = round3(mean(confOnly))
	if r.RouterConfidenceMsMean > 0 {
		r.RouterConfidenceSpeedup = round3(r.AlwaysFullMsMean / r.RouterConfidenceMsMean)
	}
	r.RouterConfidenceFullShare = round3(float64(confFull) / float64(max(total, 1)))
	r.RouterMixedCPUMs, r.AlwaysFullCPUMs, r.RouterConfCPUMs = round3(mean(routedCPU)), round3(mean(alwaysCPU)), round3(mean(confCPU))
	r.RouterSpeedupCPU = ratio(r.AlwaysFullCPUMs, r.RouterMixedCPUMs)
	r.RouterConfSpeedCPU = ratio(r.AlwaysFullCPUMs, r.RouterConfCPUMs)
	return nil
}

// batchThroughput sends documents from 8 goroutines to a model with
// dynamic batching and reports documents per second at full depth.
func batchThroughput(ctx context.Context, o BenchOptions, doc string) (float64, string, error) {
	const workers, perWorker, maxBatch = 8, 4, 8
	maxWait := 2 * time.Millisecond
	m, err := Load(Options{Dir: o.Dir, LibPath: o.LibPath, Threads: o.Threads, MaxBatch: maxBatch, MaxWait: maxWait})
	if err != nil {
		return 0, "", err
	}
	defer m.Close()
	if _, err := m.Run(ctx, doc, document.DepthFull); err != nil {
		return 0, "", err
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				if _, err := m.Run(ctx, doc, document.DepthFull); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return 0, "", err
	}
	rate := float64(workers*perWorker) / time.Since(start).Seconds()
	cfg := fmt.Sprintf("%d concurrent callers x %d docs, full depth, max batch %d windows, max wait %s, %d threads",
		workers, perWorker, maxBatch, maxWait, o.Threads)
	return round3(rate), cfg, nil
}

func benchInt8(ctx context.Context, o BenchOptions, doc string, r *BenchResult) error {
	m, err := Load(Options{Dir: o.Dir, LibPath: o.LibPath, Threads: o.Threads, Int8: true})
	if err != nil {
		return err
	}
	defer m.Close()
	if !m.Int8() {
		r.Note = "bundle has no int8 segments"
		return nil
	}
	_, r.Int8Bytes = m.Files()
	lat, err := depthLatencies(ctx, m, doc, o.Runs)
	if err != nil {
		return err
	}
	r.Int8FullMsP50, r.Int8ShallowMsP50 = percentile(lat.full, 50), percentile(lat.shallow, 50)
	r.Int8FullCPUMsP50 = percentile(lat.fullCPU, 50)
	return nil
}

func percentile(x []float64, p float64) float64 {
	if len(x) == 0 {
		return 0
	}
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	i := int(float64(len(s)-1)*p/100 + 0.5)
	return round3(s[i])
}

func mean(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	t := 0.0
	for _, v := range x {
		t += v
	}
	return t / float64(len(x))
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

// EnvModelDir is the bundle folder named by the environment: EnvModel,
// or the older DOCMILL_MODEL.
func EnvModelDir() string {
	if d := os.Getenv(EnvModel); d != "" {
		return d
	}
	return os.Getenv("DOCMILL_MODEL")
}
