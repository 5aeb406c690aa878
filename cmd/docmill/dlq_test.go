package main

import (
	"context"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// dlq drop and replay take the letter's sequence number as their argument
// too ("dlq drop 1" was "unknown command"), and refuse one that is not.
func TestDLQSequenceArgument(t *testing.T) {
	url, _, js := natstest.Listening(t, "dlq-arg")
	if err := broker.EnsureStreams(context.Background(), js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	var seen []uint64
	run := func(args ...string) error {
		cmd := eachDeadLetter("drop", "", "dropped", func(_ context.Context, _ jetstream.JetStream, d connectors.DeadLetter) error {
			seen = append(seen, d.Seq)
			return nil
		})
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		cmd.SetArgs(append([]string{"--nats", url}, args...))
		return cmd.Execute()
	}
	if err := run("3"); err == nil || !strings.Contains(err.Error(), "no dead letter with seq 3") {
		t.Errorf("drop 3 with no letters: %v", err)
	}
	for _, bad := range [][]string{{"x"}, {"0"}, {"3", "--id", "4"}} {
		if err := run(bad...); err == nil || !strings.Contains(err.Error(), "sequence number") {
			t.Errorf("drop %q: %v", bad, err)
		}
	}
}

// dlq replay, drop and list take --stage: after an incident an operator
// replays one stage's letters, and --all also replayed parse's corrupt
// files, which only failed again.
func TestDLQStageFilter(t *testing.T) {
	ctx := context.Background()
	url, _, js := natstest.Listening(t, "dlq-stage")
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, stage := range []string{"parse", "analyze", "analyze"} {
		m := nats.NewMsg(broker.SubjectDLQ + "." + stage)
		m.Header.Set(pipeline.HeaderStage, stage)
		m.Header.Set(pipeline.HeaderSubject, "docmill.ingest.test")
		m.Data = []byte(stage)
		if _, err := js.PublishMsg(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	var seen []string
	cmd := eachDeadLetter("replay", "", "replayed", func(_ context.Context, _ jetstream.JetStream, d connectors.DeadLetter) error {
		seen = append(seen, d.Stage)
		return nil
	})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	cmd.SetArgs([]string{"--nats", url, "--all", "--stage", "analyze"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(seen, ",") != "analyze,analyze" {
		t.Errorf("replay --all --stage analyze took %v, want the two analyze letters only", seen)
	}
}

// A --stage that names no stage is an error: "analyse" or "indexer"
// matched no letter, so list showed an empty queue and replay --all and
// drop --all did nothing, with exit status 0, while letters waited.
func TestDLQUnknownStageRefused(t *testing.T) {
	ctx := context.Background()
	url, _, js := natstest.Listening(t, "dlq-bad-stage")
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	m := nats.NewMsg(broker.SubjectDLQ + ".analyze")
	m.Header.Set(pipeline.HeaderStage, "analyze")
	m.Header.Set(pipeline.HeaderSubject, "docmill.ingest.test")
	m.Data = []byte("x")
	if _, err := js.PublishMsg(ctx, m); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"list", "--stage", "analyse"},
		{"replay", "--all", "--stage", "analyse"},
		{"drop", "--all", "--stage", "indexer"},
	} {
		cmd := dlqCmd()
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		cmd.SetArgs(append(args, "--nats", url))
		err := cmd.Execute()
		if err == nil || !strings.Contains(err.Error(), "parse, analyze, index") {
			t.Errorf("dlq %q: %v, want an error naming the stages", args, err)
		}
	}
	info, err := js.Stream(ctx, broker.StreamDLQ)
	if err != nil {
		t.Fatal(err)
	}
	if n := info.CachedInfo().State.Msgs; n != 1 {
		t.Errorf("the dead letter queue holds %d letters after the refused commands, want 1", n)
	}
}
