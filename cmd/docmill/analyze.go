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
	"time"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/enrich/logs"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/server"
	"github.com/docmill/docmill/stages/parse"
)

// analyzeCmd is docmill analyze: what the pipeline makes of files, here
// and now, without a broker or an index, for trying a document or a
// configuration before sending an archive.
func analyzeCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "analyze FILE|FOLDER...", Args: cobra.MinimumNArgs(1), SilenceUsage: true, SilenceErrors: true,
		Short: "Analyse files here (no server, nothing indexed or published) and print each result as a JSON line",
		Long: "Parses and analyses each file (folders recursively, as ingest reads them) with the tier the configuration\n" +
			"selects, and prints the result JSON that would be indexed and published, one line per document.\n" +
			"A file that cannot be parsed is reported on stderr with the reason; the exit status is then 1."}
	configFile := cmd.Flags().String("config", "", "YAML config file (model and pipeline settings are read)")
	modelDir := cmd.Flags().String("model", "", "model bundle folder (default: the docmill-mini bundle)")
	noModel := cmd.Flags().Bool("no-model", false, "run the model-free tier only")
	depth := cmd.Flags().String("depth", "auto", "shallow, full or auto (the router decides)")
	source := cmd.Flags().String("source", "cli", "source name (log templates are kept per source)")
	pretty := cmd.Flags().Bool("pretty", false, "indent the JSON")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		c, err := config.Read(*configFile)
		if err != nil {
			return err
		}
		if cmd.Flags().Changed("model") {
			c.Model.Dir = *modelDir
		}
		if cmd.Flags().Changed("no-model") {
			c.Model.Disabled = *noModel
		}
		d, err := document.ParseDepth(*depth)
		if err != nil {
			return fmt.Errorf("--%w", err)
		}
		a := analysis{limits: server.ParseLimits(c), req: enrich.Request{Depth: d}, source: *source,
			out: json.NewEncoder(cmd.OutOrStdout()), errs: cmd.ErrOrStderr()}
		if *pretty {
			a.out.SetIndent("", "  ")
		}
		log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: slog.LevelWarn}))
		an, comp := server.BuildAnalyzer(c.Model, server.FreeOptions(c, logs.NewRegistry(nil, logs.DefaultConfig())), log)
		defer closeAnalyzer(an)
		a.an = an
		fmt.Fprintf(a.errs, "docmill analyze: %s\n", comp.Detail)
		ctx, stop := stopOnSignal(cmd.Context(), "")
		defer stop()
		for _, p := range args {
			if err := a.path(ctx, p); err != nil {
				return err
			}
		}
		if a.failed > 0 {
			return fmt.Errorf("%d of %s not analysed", a.failed, count(a.failed+a.done, "file"))
		}
		return nil
	}
	return cmd
}

// analysis is one run of docmill analyze.
type analysis struct {
	an           enrich.Analyzer
	limits       parse.Limits
	req          enrich.Request
	source       string
	out          *json.Encoder
	errs         io.Writer
	done, failed int
}

// path analyses a file, or every document file under a folder.
func (a *analysis) path(ctx context.Context, root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if p != root && connectors.Skip(d) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// refused as ingest refuses it, and said: a link named on
			// the command line was skipped with nothing printed, exit 0
			a.failed++
			fmt.Fprintf(a.errs, "refused %s: a symbolic link; name the file it points to\n", shown(p))
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if err := a.file(ctx, p); err != nil {
			a.failed++
			fmt.Fprintf(a.errs, "%s: %v\n", shown(p), err)
			return nil
		}
		a.done++
		return nil
	})
}

// file analyses one file and prints its result.
func (a *analysis) file(ctx context.Context, p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	start := time.Now()
	doc, err := parse.Parse(ctx, parse.Input{Filename: filepath.Base(p), Source: a.source, Data: data,
		Meta: map[string]string{"path": p}}, a.limits)
	if err != nil {
		return err
	}
	parsed := time.Now()
	an, err := a.an.Analyze(ctx, doc, a.req)
	if err != nil {
		return fmt.Errorf("analyse: %w", err)
	}
	res := pipeline.NewResult(doc, an, start.UTC())
	res.Trace = append(res.Trace, document.StageTrace{Stage: "parse", Ms: ms(parsed.Sub(start))},
		document.StageTrace{Stage: "analyze", Ms: ms(time.Since(parsed))})
	return a.out.Encode(res)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func init() { rootCmd.AddCommand(analyzeCmd()) }
