package main

import (
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/connectors"
)

func dlqCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "dlq", Short: "Inspect and replay dead letters (docmill.dlq.<stage>)"}
	list := &cobra.Command{Use: "list", Short: "List dead letters with their reasons", Args: cobra.NoArgs}
	lnf := addNATSFlags(list.Flags())
	asJSON := list.Flags().Bool("json", false, "JSON lines")
	list.RunE = func(cmd *cobra.Command, _ []string) error {
		nc, js, err := lnf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		dls, err := connectors.ListDeadLetters(cmd.Context(), js, 0)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(os.Stdout)
			for _, d := range dls {
				_ = enc.Encode(d)
			}
			return nil
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SEQ\tSTAGE\tATTEMPTS\tFILE\tREASON")
		for _, d := range dls {
			fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\n", d.Seq, d.Stage, d.Attempts, d.Filename, d.Reason)
		}
		return tw.Flush()
	}
	replay := &cobra.Command{Use: "replay", Short: "Send dead letters back to their original subject", Args: cobra.NoArgs}
	rnf := addNATSFlags(replay.Flags())
	id := replay.Flags().Uint64("id", 0, "sequence number of one dead letter (see dlq list)")
	all := replay.Flags().Bool("all", false, "replay every dead letter")
	replay.RunE = func(cmd *cobra.Command, _ []string) error {
		if (*id == 0) == !*all {
			return fmt.Errorf("give exactly one of --id SEQ or --all")
		}
		nc, js, err := rnf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		dls, err := connectors.ListDeadLetters(cmd.Context(), js, 0)
		if err != nil {
			return err
		}
		n := 0
		for _, d := range dls {
			if *all || d.Seq == *id {
				if err := connectors.Replay(cmd.Context(), js, d); err != nil {
					return err
				}
				n++
			}
		}
		if n == 0 && !*all {
			return fmt.Errorf("no dead letter with seq %d", *id)
		}
		fmt.Fprintf(os.Stderr, "replayed %d dead letters\n", n)
		return nil
	}
	cmd.AddCommand(list, replay)
	return cmd
}

func init() { rootCmd.AddCommand(dlqCmd()) }
