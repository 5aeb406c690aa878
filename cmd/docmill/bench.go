package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/docmill/docmill/model"
	"github.com/spf13/cobra"
)

// benchCmd groups the benchmarks; `bench model` measures the model runtime.
var benchCmd = &cobra.Command{
	Use:   "bench",
	Short: "Benchmarks",
}

var benchModelCmd = &cobra.Command{
	Use:   "model",
	Short: "Measure the model runtime: tokenizer, shallow/full latency, batching, int8, router",
	RunE:  runBenchModel,
}

func init() {
	f := benchModelCmd.Flags()
	f.String("model", "", "model bundle directory (default: model/bundles/docmill-mini, env DOCMILL_MODEL)")
	f.String("ort-lib", "", "ONNX Runtime library (env DOCMILL_ORT_LIB)")
	f.Int("threads", 1, "intra-op threads per ONNX Runtime session")
	f.Int("runs", 30, "timed runs per measurement")
	f.Int("doc-tokens", 512, "tokens per benchmark document")
	f.Bool("json", false, "print the JSON object on one line (default: the same object, indented for reading)")
	commandGroup(benchCmd)
	benchCmd.AddCommand(benchModelCmd)
	rootCmd.AddCommand(benchCmd)
}

func runBenchModel(cmd *cobra.Command, _ []string) error {
	f := cmd.Flags()
	dir, _ := f.GetString("model")
	lib, _ := f.GetString("ort-lib")
	threads, _ := f.GetInt("threads")
	runs, _ := f.GetInt("runs")
	tokens, _ := f.GetInt("doc-tokens")
	asJSON, _ := f.GetBool("json")
	if dir == "" {
		d, err := model.DefaultBundleDir()
		if err != nil {
			return err
		}
		dir = d
	}
	lib, err := model.FindORTLib(lib)
	if err != nil {
		return err
	}
	r, err := model.Bench(cmd.Context(), model.BenchOptions{Dir: dir, LibPath: lib, Threads: threads, Runs: runs, DocTokens: tokens})
	if err != nil {
		return fmt.Errorf("bench model %s: %w", dir, err)
	}
	if asJSON {
		enc := json.NewEncoder(os.Stdout)
		return enc.Encode(r)
	}
	return printJSON(r)
}
