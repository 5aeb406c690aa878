package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/enrich/logs"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/server"
	"github.com/docmill/docmill/stages/parse"
)

// contentTimes are the mean latencies of one content type.
type contentTimes struct {
	Docs      int     `json:"docs"`
	Full      int     `json:"routed_full"`
	RoutedMs  float64 `json:"routed_ms_mean"`
	AlwaysMs  float64 `json:"always_full_ms_mean"`
	routedSum float64
	fullSum   float64
}

// routerBench is what `docmill bench router --json` prints: the analysis
// stage as the worker runs it (all tasks, depth auto) against the same
// documents forced to full depth.
type routerBench struct {
	Source         string                   `json:"source"`
	Docs           int                      `json:"docs"`
	Model          string                   `json:"model"`
	ByContent      map[string]*contentTimes `json:"by_content"`
	FullShare      float64                  `json:"routed_full_share"`
	RoutedMsMean   float64                  `json:"routed_ms_mean"`
	FullMsMean     float64                  `json:"always_full_ms_mean"`
	Speedup        float64                  `json:"speedup"`
	RoutedCPUMean  float64                  `json:"routed_cpu_ms_mean"`
	FullCPUMean    float64                  `json:"always_full_cpu_ms_mean"`
	SpeedupCPU     float64                  `json:"speedup_cpu"`
	ClassAgreement float64                  `json:"class_agreement_routed_vs_full"`
	// Accuracies when the corpus has labels.
	RoutedAccuracy float64 `json:"routed_class_accuracy,omitempty"`
	FullAccuracy   float64 `json:"full_class_accuracy,omitempty"`
}

func benchRouterCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "router", Args: cobra.NoArgs,
		Short: "The router on real documents: the worker's request (all tasks, depth auto) against always-full depth"}
	dir := cmd.Flags().String("from", "samples", "folder of documents (every file that parses)")
	corpus := cmd.Flags().String("corpus", "", "JSON lines with \"text\" and optional \"label\" (e.g. the held-out classify_test.jsonl); replaces --from")
	n := cmd.Flags().Int("docs", 400, "at most this many documents")
	modelDir := cmd.Flags().String("model", "", "model bundle (default docmill-mini)")
	asJSON := cmd.Flags().Bool("json", false, "print one JSON object")
	summaries := cmd.Flags().String("summaries", config.SummariesStatistical, "who writes summaries, as model.summaries: statistical (served default) or salience (the model's full-depth head)")
	profile := cmd.Flags().String("cpuprofile", "", "write a Go CPU profile of the timed runs to this file")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		docs, labels, source, err := routerDocs(cmd.Context(), *dir, *corpus, *n)
		if err != nil {
			return err
		}
		cfg := config.Default()
		cfg.Model.Dir = *modelDir
		cfg.Model.Summaries = *summaries
		if err := cfg.Validate(); err != nil {
			return err
		}
		// the default deployment's tier, log analysis budget included
		an, comp := server.BuildAnalyzer(cfg.Model, server.FreeOptions(cfg, logs.NewRegistry(nil, logs.DefaultConfig())), slog.New(slog.NewTextHandler(io.Discard, nil)))
		if !comp.OK {
			return fmt.Errorf("bench router needs the model tier: %s", comp.Detail)
		}
		defer closeAnalyzer(an)
		if *profile != "" {
			f, err := os.Create(*profile)
			if err != nil {
				return err
			}
			defer f.Close()
			if err := pprof.StartCPUProfile(f); err != nil {
				return fmt.Errorf("cpu profile: %w", err)
			}
			defer pprof.StopCPUProfile()
		}
		res, err := runRouterBench(cmd.Context(), an, docs, labels)
		if err != nil {
			return err
		}
		res.Source = source
		if *asJSON {
			return json.NewEncoder(os.Stdout).Encode(res)
		}
		return printJSON(res)
	}
	return cmd
}

func closeAnalyzer(a enrich.Analyzer) {
	if c, ok := a.(interface{ Close() }); ok {
		c.Close()
	}
}

// routerDocs parses the documents of a folder or a JSON-lines corpus; the
// labels are empty for a folder.
func routerDocs(ctx context.Context, dir, corpus string, n int) ([]*document.Parsed, []string, string, error) {
	var raws []rawDoc
	source := dir
	if corpus != "" {
		source = corpus
		var err error
		if raws, err = readCorpus(corpus, n); err != nil {
			return nil, nil, "", err
		}
	} else {
		files, err := benchDocs(dir, n)
		if err != nil {
			return nil, nil, "", err
		}
		for _, f := range files {
			raws = append(raws, rawDoc{name: f.Filename, data: f.Data})
		}
	}
	var docs []*document.Parsed
	var labels []string
	for _, r := range raws {
		d, err := parse.Parse(ctx, parse.Input{Filename: r.name, Data: r.data}, parse.DefaultLimits())
		if err != nil {
			continue // the bench measures analysis; unparseable input is the DLQ's business
		}
		docs, labels = append(docs, d), append(labels, r.label)
	}
	if len(docs) == 0 {
		return nil, nil, "", fmt.Errorf("no documents parsed from %s", source)
	}
	return docs, labels, source, nil
}

type rawDoc struct {
	name, label string
	data        []byte
}

func readCorpus(path string, n int) ([]rawDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	var out []rawDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() && len(out) < n {
		var row struct{ Text, Label string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, fmt.Errorf("corpus %s line %d: %w", path, len(out)+1, err)
		}
		out = append(out, rawDoc{name: fmt.Sprintf("doc-%d.txt", len(out)), label: row.Label, data: []byte(row.Text)})
	}
	return out, sc.Err()
}

// runRouterBench analyses every document twice, routed and at full depth,
// alternating which goes first so machine noise hits both alike; a first
// untimed pass warms the sessions.
func runRouterBench(ctx context.Context, an enrich.Analyzer, docs []*document.Parsed, labels []string) (*routerBench, error) {
	r := &routerBench{Docs: len(docs), Model: an.Info().Name + "@" + an.Info().Version, ByContent: map[string]*contentTimes{}}
	for _, d := range docs[:min(3, len(docs))] {
		if _, err := an.Analyze(ctx, d, enrich.Request{Depth: document.DepthFull}); err != nil {
			return nil, err
		}
	}
	var wallR, wallF, cpuR, cpuF []float64
	full, agree, rightR, rightF, labelled := 0, 0, 0, 0, 0
	prog := eval.NewProgress(os.Stderr, len(docs), "bench router")
	for i, d := range docs {
		ct := r.ByContent[d.ContentType]
		if ct == nil {
			ct = &contentTimes{}
			r.ByContent[d.ContentType] = ct
		}
		ct.Docs++
		var routed, always *document.Analysis
		var err error
		order := []document.Depth{document.DepthAuto, document.DepthFull}
		if i%2 == 1 {
			order[0], order[1] = order[1], order[0]
		}
		for _, depth := range order {
			w0, c0 := time.Now(), processCPU()
			a, e := an.Analyze(ctx, d, enrich.Request{Depth: depth})
			wall, cpu := float64(time.Since(w0).Microseconds())/1000, float64(processCPU()-c0)/1e6
			if e != nil {
				err = e
				break
			}
			if depth == document.DepthAuto {
				routed, wallR, cpuR = a, append(wallR, wall), append(cpuR, cpu)
			} else {
				always, wallF, cpuF = a, append(wallF, wall), append(cpuF, cpu)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("analyse %s: %w", d.Filename, err)
		}
		ct.routedSum += wallR[len(wallR)-1]
		ct.fullSum += wallF[len(wallF)-1]
		if analysisDepth(routed) == document.DepthFull {
			full++
			ct.Full++
		}
		if routed.Class == always.Class {
			agree++
		}
		if labels[i] != "" {
			labelled++
			rightR += btoi(routed.Class == labels[i])
			rightF += btoi(always.Class == labels[i])
		}
		prog.Add(1)
	}
	prog.Done()
	for _, ct := range r.ByContent {
		ct.RoutedMs, ct.AlwaysMs = round3(ct.routedSum/float64(ct.Docs)), round3(ct.fullSum/float64(ct.Docs))
	}
	r.FullShare = ratio3(float64(full), float64(len(docs)))
	r.RoutedMsMean, r.FullMsMean = round3(meanOf(wallR)), round3(meanOf(wallF))
	r.RoutedCPUMean, r.FullCPUMean = round3(meanOf(cpuR)), round3(meanOf(cpuF))
	r.Speedup, r.SpeedupCPU = ratio3(r.FullMsMean, r.RoutedMsMean), ratio3(r.FullCPUMean, r.RoutedCPUMean)
	r.ClassAgreement = ratio3(float64(agree), float64(len(docs)))
	if labelled > 0 {
		r.RoutedAccuracy = ratio3(float64(rightR), float64(labelled))
		r.FullAccuracy = ratio3(float64(rightF), float64(labelled))
	}
	return r, nil
}

// analysisDepth is the deepest exit any task of a used.
func analysisDepth(a *document.Analysis) document.Depth {
	d := document.DepthNone
	for _, t := range a.Tasks {
		switch t.Depth {
		case document.DepthFull:
			return document.DepthFull
		case document.DepthShallow:
			d = document.DepthShallow
		}
	}
	return d
}

// processCPU is the CPU time of the whole process (every thread: the ONNX
// Runtime pool, the Go scheduler, GC) in nanoseconds.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func meanOf(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

func ratio3(a, b float64) float64 {
	if b <= 0 {
		return 0
	}
	return round3(a / b)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func init() { benchCmd.AddCommand(benchRouterCmd()) }
