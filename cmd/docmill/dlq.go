package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/spf13/cobra"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/pipeline"
)

func dlqCmd() *cobra.Command {
	cmd := commandGroup(&cobra.Command{Use: "dlq", Short: "Inspect and replay dead letters (docmill.dlq.<stage>)"})
	list := &cobra.Command{Use: "list", Short: "List dead letters with their reasons", Args: cobra.NoArgs}
	lnf := addNATSFlags(list.Flags())
	asJSON := list.Flags().Bool("json", false, "JSON lines")
	listStage := addStageFlag(list)
	last := list.Flags().Int("last", 0, "only the newest N (of --stage), read from the queue's end")
	list.RunE = func(cmd *cobra.Command, _ []string) error {
		if *last < 0 {
			return fmt.Errorf("--last %d: give a positive number", *last)
		}
		if err := checkStage(*listStage); err != nil {
			return err
		}
		nc, js, err := lnf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		dls, err := connectors.LastDeadLetters(cmd.Context(), js, *last, *listStage)
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
		return printDeadLetters(os.Stdout, dls)
	}
	replay := eachDeadLetter("replay", "Send dead letters back to their original subject", "replayed", connectors.Replay)
	drop := eachDeadLetter("drop", "Delete dead letters for good (after reading why they failed)", "dropped", connectors.DropForGood)
	cmd.AddCommand(list, replay, drop)
	return cmd
}

// eachDeadLetter is a command that applies do to one dead letter (--id) or
// to all of them (--all).
func eachDeadLetter(use, short, done string, do func(context.Context, jetstream.JetStream, connectors.DeadLetter) error) *cobra.Command {
	c := &cobra.Command{Use: use + " [SEQ]", Short: short, Args: cobra.MaximumNArgs(1)}
	nf := addNATSFlags(c.Flags())
	id := c.Flags().Uint64("id", 0, "sequence number of one dead letter (see dlq list); also as the argument")
	all := c.Flags().Bool("all", false, use+" every dead letter")
	stage := addStageFlag(c)
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 1 {
			seq, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || seq == 0 || *id != 0 {
				return fmt.Errorf("%q is no dead letter's sequence number (see dlq list), or --id gives another", args[0])
			}
			*id = seq
		}
		if (*id == 0) == !*all {
			return fmt.Errorf("give exactly one of --id SEQ or --all")
		}
		if err := checkStage(*stage); err != nil {
			return err
		}
		nc, js, err := nf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		if *id != 0 {
			if err := oneDeadLetter(cmd.Context(), js, *id, *stage, do); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "%s %s\n", done, deadLetters(1))
			return nil
		}
		n := 0
		err = connectors.EachDeadLetter(cmd.Context(), js, *stage, func(d connectors.DeadLetter) error {
			if err := do(cmd.Context(), js, d); err != nil {
				return err
			}
			n++
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s %s, then: %w", done, deadLetters(n), err)
		}
		fmt.Fprintf(os.Stderr, "%s %s\n", done, deadLetters(n))
		return nil
	}
	return c
}

// oneDeadLetter applies do to dead letter seq, which must be of stage
// when one is given.
func oneDeadLetter(ctx context.Context, js jetstream.JetStream, seq uint64, stage string, do func(context.Context, jetstream.JetStream, connectors.DeadLetter) error) error {
	d, err := connectors.DeadLetterAt(ctx, js, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return fmt.Errorf("no dead letter with seq %d", seq)
	}
	if err != nil {
		return err
	}
	if stage != "" && d.Stage != stage {
		return fmt.Errorf("no dead letter with seq %d of stage %s (it is of stage %s)", seq, stage, d.Stage)
	}
	return do(ctx, js, d)
}

// addStageFlag adds --stage to a dlq command. After an incident (an index
// that could not write, a model that failed) an operator replays that
// stage's letters: --all also replayed the corrupt files of parse, which
// only failed again, and the rest could be picked only one --id at a time.
func addStageFlag(c *cobra.Command) *string {
	return c.Flags().String("stage", "", "only the dead letters of this stage (parse, analyze, index: the STAGE column of dlq list)")
}

// checkStage refuses a --stage that names no stage. A misspelt one
// ("analyse", "indexer") matched no letter, so list showed an empty queue
// and replay --all or drop --all did nothing, all with exit status 0.
func checkStage(stage string) error {
	if stage == "" || slices.Contains(pipeline.DLQStages, stage) {
		return nil
	}
	return fmt.Errorf("--stage %q is no stage: give one of %s (the STAGE column of dlq list)", stage, strings.Join(pipeline.DLQStages, ", "))
}

// deadLetters is "1 dead letter" or "n dead letters".
func deadLetters(n int) string {
	if n == 1 {
		return "1 dead letter"
	}
	return fmt.Sprintf("%d dead letters", n)
}

func init() { rootCmd.AddCommand(dlqCmd()) }

// printDeadLetters writes dls as the table dlq list shows.
func printDeadLetters(w io.Writer, dls []connectors.DeadLetter) error {
	t := newTable(w, "SEQ", "STAGE", "ATTEMPTS", "FILE", "DOCUMENT", "REASON")
	for _, d := range dls {
		t.row(strconv.FormatUint(d.Seq, 10), d.Stage, strconv.Itoa(d.Attempts), shown(deadLetterFile(d)), fmt.Sprintf("%.12s", d.ID), shown(d.Reason))
	}
	return t.flush()
}

// deadLetterFile names the file of a dead letter: the path it was sent
// with (ingest's, a backfill's within its archive), else its file name,
// which alone may name a file in each of many folders.
func deadLetterFile(d connectors.DeadLetter) string {
	if p := d.Meta["path"]; p != "" {
		return p
	}
	return d.Filename
}
