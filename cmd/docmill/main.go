// Command docmill is the embedded document-processing pipeline: one binary
// that serves, works, indexes, ingests, searches and evaluates.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// rootCmd is the top of the CLI; each subcommand lives in its own file and
// registers itself in an init function.
var rootCmd = &cobra.Command{
	Use:           "docmill",
	Short:         "Embedded document-processing pipeline: NATS in, model and Bleve inside, results out",
	SilenceUsage:  true,
	SilenceErrors: true,
}

func main() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "docmill:", err)
		os.Exit(1)
	}
}
