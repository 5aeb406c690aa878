package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/spf13/cobra"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/server"
)

// pipelineBench is what `docmill bench pipeline --json` prints.
type pipelineBench struct {
	Docs        int                           `json:"docs"`
	Tier        string                        `json:"tier"`
	Model       string                        `json:"model"` // name@version measured
	Seconds     float64                       `json:"seconds"`
	DocsPerSec  float64                       `json:"docs_per_s"`
	StageMs     map[string]map[string]float64 `json:"stage_ms"` // stage -> p50/p95
	EndToEndMs  map[string]float64            `json:"ingest_to_result_ms"`
	PeakRSSMB   float64                       `json:"peak_rss_mb"`
	ByClass     map[string]int                `json:"by_class"`
	DeadLetters int                           `json:"dead_letters"`
}

func benchPipelineCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "pipeline", Short: "End-to-end throughput and per-stage latency on a mixed batch (in-process serve)", Args: cobra.NoArgs}
	n := cmd.Flags().Int("docs", 500, "documents to ingest")
	dir := cmd.Flags().String("from", "samples", "folder of example documents to vary")
	noModel := cmd.Flags().Bool("no-model", false, "model-free tier only")
	modelDir := cmd.Flags().String("model", "", "model bundle (default docmill-mini)")
	asJSON := cmd.Flags().Bool("json", false, "print one JSON object")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		docs, err := benchDocs(*dir, *n)
		if err != nil {
			return err
		}
		data, err := os.MkdirTemp("", "docmill-bench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(data)
		c := config.Default()
		c.Data, c.NATS.Listen, c.HTTP.Listen = data, "", "127.0.0.1:0"
		c.Model.Disabled, c.Model.Dir = *noModel, *modelDir
		c.Sources.Buckets = nil
		res, err := runPipelineBench(cmd.Context(), c, docs)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(os.Stdout).Encode(res)
		}
		fmt.Printf("%d documents (%s, %s tier) in %.1fs: %.1f docs/s, peak RSS %.0f MB\n", res.Docs, res.Model, res.Tier, res.Seconds, res.DocsPerSec, res.PeakRSSMB)
		for _, s := range []string{"parse", "analyze"} {
			fmt.Printf("  %-8s p50 %7.1f ms  p95 %7.1f ms\n", s, res.StageMs[s]["p50"], res.StageMs[s]["p95"])
		}
		fmt.Printf("  ingest->result p50 %.1f ms p95 %.1f ms; classes %v; dead letters %d\n", res.EndToEndMs["p50"], res.EndToEndMs["p95"], res.ByClass, res.DeadLetters)
		return nil
	}
	return cmd
}

// benchDocs makes n distinct documents from the files under dir: text
// files get a unique last line, binary formats (PDF, DOCX) are used once.
func benchDocs(dir string, n int) ([]connectors.Doc, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "gen" || d.Name() == "bad") {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), "NOTICE") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("example documents under %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no example documents under %s (its gen/ and bad/ folders are left out)", dir)
	}
	sort.Strings(files)
	var docs []connectors.Doc
	for i := 0; len(docs) < n && i < n*4; i++ {
		p := files[i%len(files)]
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext == ".pdf" || ext == ".docx" {
			if i >= len(files) {
				continue
			}
		} else if i >= len(files) {
			data = append(append([]byte{}, data...), []byte(fmt.Sprintf("\n\nCopy %d of %s.\n", i, filepath.Base(p)))...)
		}
		docs = append(docs, connectors.Doc{Filename: fmt.Sprintf("%d-%s", i, filepath.Base(p)), Source: "bench", Data: data})
	}
	return docs, nil
}

func runPipelineBench(ctx context.Context, c *config.Config, docs []connectors.Doc) (*pipelineBench, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	started := make(chan *server.Server, 1)
	done := make(chan error, 1)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	go func() {
		done <- server.Run(ctx, server.Options{Config: c, Role: server.RoleServe, Log: log, Started: func(s *server.Server) { started <- s }})
	}()
	var s *server.Server
	select {
	case s = <-started:
	case err := <-done:
		return nil, err
	}
	// a bundle asked for that does not load would measure the model-free
	// tier under the model's name
	if st := s.Health()["model"]; !c.Model.Disabled && c.Model.Dir != "" && !st.OK {
		return nil, fmt.Errorf("model %s does not load: %s", c.Model.Dir, st.Detail)
	}
	nc, err := s.Connect()
	if err != nil {
		return nil, err
	}
	defer nc.Close()
	var mu sync.Mutex
	stage := map[string][]float64{}
	var e2e []float64
	classes := map[string]int{}
	got := make(chan struct{}, len(docs))
	sub, err := nc.Subscribe("docmill.results.>", func(m *nats.Msg) {
		var r document.Result
		if json.Unmarshal(m.Data, &r) != nil {
			return
		}
		mu.Lock()
		for _, t := range r.Trace {
			stage[t.Stage] = append(stage[t.Stage], t.Ms)
		}
		e2e = append(e2e, float64(r.ProcessedAt.Sub(r.IngestedAt).Microseconds())/1000)
		classes[r.Class]++
		mu.Unlock()
		got <- struct{}{}
	})
	if err != nil {
		return nil, err
	}
	defer sub.Unsubscribe()
	pub := s.Publisher()
	prog := eval.NewProgress(os.Stderr, len(docs), "bench")
	start := time.Now()
	ids := map[string]bool{}
	for _, d := range docs {
		id, err := pub.Publish(ctx, d)
		if err != nil {
			return nil, err
		}
		ids[id] = true
	}
	want := len(ids)
	for i := 0; i < want; i++ {
		select {
		case <-got:
			prog.Add(1)
		case <-time.After(5 * time.Minute):
			return nil, fmt.Errorf("only %d of %d results after 5 minutes", i, want)
		}
	}
	prog.Done()
	elapsed := time.Since(start).Seconds()
	dls, _ := connectors.ListDeadLetters(ctx, s.JetStream(), 0)
	res := &pipelineBench{Docs: want, Seconds: elapsed, DocsPerSec: float64(want) / elapsed, StageMs: map[string]map[string]float64{},
		EndToEndMs: quantiles(e2e), PeakRSSMB: peakRSSMB(), ByClass: classes, DeadLetters: len(dls)}
	info := s.Analyzer().Load().Info()
	res.Tier, res.Model = info.Tier, info.Name+"@"+info.Version
	for k, v := range stage {
		res.StageMs[k] = quantiles(v)
	}
	return res, nil
}

func quantiles(v []float64) map[string]float64 {
	if len(v) == 0 {
		return nil
	}
	sort.Float64s(v)
	q := func(p float64) float64 { return v[min(len(v)-1, int(p*float64(len(v))))] }
	return map[string]float64{"p50": q(0.5), "p95": q(0.95), "max": v[len(v)-1]}
}

// peakRSSMB reads this process's peak resident set size (VmHWM).
func peakRSSMB() float64 { return procStatusMB("self", "VmHWM") }

func init() { benchCmd.AddCommand(benchPipelineCmd()) }
