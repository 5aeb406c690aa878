package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/server"
)

func indexCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "index", Short: "Maintain the search index"}
	rebuild := &cobra.Command{Use: "rebuild", Args: cobra.NoArgs,
		Short: "Rebuild the index with this release's mapping from the results it holds (stop docmill first; nothing is analysed again)",
		Long: `Rebuild copies every document of the index into a new index made with this
release's mapping, puts it in place and moves the old one aside (printed as
"before"; delete it once the new one has served). An index created by an
earlier release gains folded party and governing-law facets, the current stop
list and one analyser for every language. Results, ingestion times and
stored copies are kept; texts longer than the index stored (its first MiB)
are read whole from the text store, or reported as "texts_cut".
Prints a JSON report.`}
	configFile := rebuild.Flags().String("config", "", "YAML config file docmill runs with (data folder, index and NATS settings)")
	data := rebuild.Flags().String("data", "", "data folder (default: the config's, ./data)")
	rebuild.RunE = func(cmd *cobra.Command, _ []string) error {
		c, err := config.Read(*configFile)
		if err != nil {
			return err
		}
		if cmd.Flags().Changed("data") {
			c.Data = *data
		}
		if err := c.Validate(); err != nil {
			return err
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		var bar *eval.Progress
		last := 0
		rep, err := server.RebuildIndex(ctx, c, func(done, total int) {
			if bar == nil {
				bar = eval.NewProgress(os.Stderr, total, "rebuild")
			}
			bar.Add(done - last)
			last = done
		})
		if bar != nil {
			bar.Done()
		}
		if err != nil {
			return err
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "rebuilt %d documents in %.1f s; the old index is in %s\n", rep.Documents, rep.Seconds, rep.Before)
		return nil
	}
	cmd.AddCommand(rebuild)
	return cmd
}

func init() { rootCmd.AddCommand(indexCmd()) }
