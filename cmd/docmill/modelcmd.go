package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/spf13/cobra"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/monitor"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/server"
)

func modelCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "model", Short: "Model lifecycle: hot swap and shadow comparison"}
	use := &cobra.Command{Use: "use DIR|free", Short: "Hot-swap every worker to a model bundle (a folder on the workers' disks) or the model-free tier",
		Args: cobra.ExactArgs(1)}
	unf := addNATSFlags(use.Flags())
	use.RunE = func(cmd *cobra.Command, args []string) error {
		nc, js, err := unf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		a := server.Active{Disabled: args[0] == "free"}
		if !a.Disabled {
			if a.Dir, err = filepath.Abs(args[0]); err != nil {
				return err
			}
			if _, err := os.Stat(filepath.Join(a.Dir, "manifest.json")); err != nil {
				if _, err2 := os.Stat(filepath.Join(a.Dir, "model.onnx")); err2 != nil {
					return fmt.Errorf("%s is not a model bundle (no manifest.json or model.onnx)", a.Dir)
				}
			}
		}
		if err := server.UseModel(cmd.Context(), js, a); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "workers will switch to %s; check /healthz (component analyzer) or the Docmill-Model header of new results\n", args[0])
		return nil
	}
	compare := &cobra.Command{Use: "compare", Short: "Agreement of shadow models with the primary, from recorded results", Args: cobra.NoArgs}
	cnf := addNATSFlags(compare.Flags())
	asJSON := compare.Flags().Bool("json", false, "JSON output")
	compare.RunE = func(cmd *cobra.Command, _ []string) error {
		nc, js, err := cnf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		sh := monitor.NewShadow(1<<20, nil)
		if err := replay(cmd.Context(), js, broker.StreamResults, sh.ObservePrimary); err != nil {
			return err
		}
		if err := replay(cmd.Context(), js, broker.StreamShadow, sh.ObserveShadow); err != nil {
			return err
		}
		rep := sh.Report()
		if *asJSON {
			return json.NewEncoder(os.Stdout).Encode(rep)
		}
		if len(rep) == 0 {
			fmt.Println("no shadow results recorded (set model.shadow in the config)")
			return nil
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SHADOW\tPAIRS\tCLASS AGREEMENT\tKEYWORD OVERLAP\tSUMMARY OVERLAP\tLATENCY RATIO")
		for _, a := range rep {
			fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.3f\t%.2f\n", a.Shadow, a.Pairs, a.Class, a.Keywords, a.Summary, a.LatencyRatio)
		}
		return tw.Flush()
	}
	cmd.AddCommand(use, compare)
	return cmd
}

// replay reads every message of a stream with an ordered consumer.
func replay(ctx context.Context, js jetstream.JetStream, stream string, fn func(*document.Result)) error {
	st, err := js.Stream(ctx, stream)
	if err != nil {
		return fmt.Errorf("stream %s: %w", stream, err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return err
	}
	if info.State.Msgs == 0 {
		return nil
	}
	cons, err := st.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return err
	}
	for seen := uint64(0); seen < info.State.Msgs; {
		batch, err := cons.Fetch(500, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			return err
		}
		n := 0
		for m := range batch.Messages() {
			n++
			var r document.Result
			if json.Unmarshal(m.Data(), &r) == nil {
				fn(&r)
			}
			if md, err := m.Metadata(); err == nil && md.Sequence.Stream >= info.State.LastSeq {
				return nil
			}
		}
		if n == 0 {
			return nil
		}
		seen += uint64(n)
	}
	return nil
}

func init() { rootCmd.AddCommand(modelCmd()) }
