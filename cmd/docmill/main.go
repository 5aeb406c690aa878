// Command docmill is the embedded document-processing pipeline: one binary
// that serves, works, indexes, ingests, searches and evaluates.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/enrich"
)

// rootCmd is the top of the CLI; each subcommand lives in its own file and
// registers itself in an init function.
var rootCmd = &cobra.Command{
	Use:           "docmill",
	Short:         "Embedded document-processing pipeline: NATS in, model and Bleve inside, results out",
	SilenceUsage:  true,
	SilenceErrors: true,
}

// buildRevision is set by the image build and by `make build` (-ldflags
// "-X main.buildRevision=..."): the image's context leaves .git out, and
// a machine whose GOFLAGS hold -buildvcs=false stamps no VCS settings.
var buildRevision string

// version names the build (the commit it was built from, when known) and
// the model-free tier's version, which together fix what docmill outputs
// for a document without a model.
func version() string {
	rev, dirty := "unknown commit", ""
	if buildRevision != "" {
		rev = buildRevision // a container build has no .git to read
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, kv := range bi.Settings {
			switch kv.Key {
			case "vcs.revision":
				rev = kv.Value
				if len(rev) > 12 {
					rev = rev[:12]
				}
			case "vcs.modified":
				if kv.Value == "true" {
					dirty = "+modified"
				}
			}
		}
	}
	return fmt.Sprintf("%s%s (model-free tier %s)", rev, dirty, enrich.FreeVersion)
}

func main() {
	rootCmd.Version = version()
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "docmill:", err)
		os.Exit(1)
	}
}

// stopOnSignal is a context that a first Ctrl-C (or SIGTERM) ends, so that
// a job stops cleanly (saying so with stopping, when set); a second one
// ends the process at once.
func stopOnSignal(parent context.Context, stopping string) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer signal.Stop(ch)
		select {
		case <-ch:
			if stopping != "" {
				fmt.Fprintln(os.Stderr, stopping)
			}
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}

// commandGroup makes cmd, a command that only holds subcommands, refuse
// an argument that names none of them. Cobra printed the help and exited
// 0 for `docmill config chek FILE`, so a CI step with a typo passed
// without checking anything.
func commandGroup(cmd *cobra.Command) *cobra.Command {
	cmd.Args = cobra.ArbitraryArgs
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return cmd.Help()
		}
		return fmt.Errorf("unknown command %q for %q (see %s --help)", args[0], cmd.CommandPath(), cmd.CommandPath())
	}
	return cmd
}
