package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/server"
)

func indexCmd() *cobra.Command {
	cmd := commandGroup(&cobra.Command{Use: "index", Short: "Maintain the search index"})
	rebuild := &cobra.Command{Use: "rebuild", Args: cobra.NoArgs,
		Short: "Rebuild the index with this release's mapping from the results it holds (stop docmill first; nothing is analysed again)",
		Long: `Rebuild copies every document of the index into a new index made with this
release's mapping, puts it in place and moves the old one aside (printed as
"before"; delete it once the new one has served). An index created by an
earlier release gains what the mapping learned since: what docmill lists at
start and in /healthz as upgrades (among them folded party, governing-law and
key-phrase facets, parties without their legal form, phrases that keep stop
words' places, the current stop list, one analyser for every language).
Results, ingestion times and
stored copies are kept; texts longer than the index stored (its first MiB)
are read whole from the text store, or reported as "texts_cut".
Prints a JSON report.`}
	readConfig := indexConfigFlags(rebuild)
	rebuild.RunE = func(cmd *cobra.Command, _ []string) error {
		c, err := readConfig(cmd)
		if err != nil {
			return err
		}
		ctx, stop := stopOnSignal(context.Background(), "stopping: the index stays as it was (Ctrl-C again to end now)")
		defer stop()
		progress, done := progressBar("rebuild")
		rep, err := server.RebuildIndex(ctx, c, progress)
		done()
		if err != nil {
			return err
		}
		if err := printJSON(rep); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "rebuilt %s in %.1f s; the old index is in %s\n", count(rep.Documents, "document"), rep.Seconds, rep.Before)
		return nil
	}
	cmd.AddCommand(rebuild, recoverCmd())
	return cmd
}

func recoverCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "recover", Args: cobra.NoArgs,
		Short: "Make a new index from the results the broker kept (for an index that cannot be read; stop docmill first; nothing is analysed again)",
		Long: `Recover makes a new index from the results in DOCMILL_RESULTS, in the order
they were published (a document analysed again keeps its latest result),
leaving out the documents deleted, replaced or expired since (the notices in
DOCMILL_DELETED). Texts that travelled in the text store are read from it, or
parsed again from the stored original. Nothing is analysed again. The index
that was there is moved aside (printed as "moved"); one that still opens is
kept unless --force: docmill index rebuild keeps what it holds. With
nats.max_age set, results older than that are gone, and so are their
documents ("earliest" in the report). Prints a JSON report.`}
	force := cmd.Flags().Bool("force", false, "replace an index that still opens")
	readConfig := indexConfigFlags(cmd)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		c, err := readConfig(cmd)
		if err != nil {
			return err
		}
		ctx, stop := stopOnSignal(context.Background(), "stopping: the index stays as it was (Ctrl-C again to end now)")
		defer stop()
		progress, done := progressBar("recover")
		rep, err := server.RecoverIndex(ctx, c, *force, progress)
		done()
		if err != nil {
			return err
		}
		if err := printJSON(rep); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "recovered %s from %s in %.1f s (%d deleted since, %d without their text)\n",
			count(int(rep.Documents), "document"), count(rep.Results, "result"), rep.Seconds, rep.Deleted, len(rep.TextsMissing))
		return nil
	}
	return cmd
}

// indexConfigFlags adds --config and --data to an index command and
// returns the reader of the config they name.
func indexConfigFlags(cmd *cobra.Command) func(*cobra.Command) (*config.Config, error) {
	configFile := cmd.Flags().String("config", "", "YAML config file docmill runs with (data folder, index and NATS settings)")
	data := cmd.Flags().String("data", "", "data folder (default: the config's, ./data)")
	return func(cmd *cobra.Command) (*config.Config, error) {
		c, err := config.Read(*configFile)
		if err != nil {
			return nil, err
		}
		if cmd.Flags().Changed("data") {
			c.Data = *data
		}
		return c, c.Validate()
	}
}
