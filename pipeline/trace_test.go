package pipeline

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
)

func TestQueueTrace(t *testing.T) {
	start := time.Date(2026, 11, 28, 12, 0, 3, 0, time.UTC)
	cases := []struct {
		header string
		want   []document.StageTrace
	}{
		{"2026-11-28T12:00:00Z", []document.StageTrace{{Stage: "queue", Ms: 3000}}},
		{"2026-11-28T12:00:04Z", nil}, // a clock ahead of ours: no negative wait
		{"", nil},                     // not stamped by docmill's ingest
		{"yesterday", nil},
	}
	for _, c := range cases {
		m := message.NewMessage("x", nil)
		if c.header != "" {
			m.Metadata.Set(HeaderIngestedAt, c.header)
		}
		stamp, stamped := ingestStamp(m)
		got := queueTrace(stamp, stamped, start)
		if len(got) != len(c.want) || (len(got) == 1 && got[0] != c.want[0]) {
			t.Errorf("ingested at %q: %+v, want %+v", c.header, got, c.want)
		}
	}
}

// The copy the index stores says how long the result waited for the index
// stage; the published result is not changed.
func TestIndexerRecordsWaitInStoredCopy(t *testing.T) {
	x, ix := startedIndexer(t)
	ctx := context.Background()

	r := document.Result{ID: "d1", Filename: "a.txt", ContentType: "text/plain", Text: "hello",
		ProcessedAt: time.Now().UTC().Add(-2 * time.Second),
		Trace:       []document.StageTrace{{Stage: "parse", Ms: 1}, {Stage: "analyze", Ms: 2}}}
	payload, _ := json.Marshal(r)
	if _, err := x.Handle(message.NewMessage("m1", payload)); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Get(ctx, "d1")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Trace); n != 3 || got.Trace[2].Stage != "index_wait" || got.Trace[2].Ms < 2000 || got.Trace[2].Ms > 60000 {
		t.Fatalf("stored trace %+v, want parse, analyze, then index_wait of about 2 s", got.Trace)
	}
}

// startedIndexer is an indexer on a fresh index on disk, its batching loop
// running until the test ends.
func startedIndexer(t *testing.T) (*Indexer, *index.Index) {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "idx"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel) // before the index closes
	x := &Indexer{Index: ix, Metrics: NewMetrics(), Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	x.Start(ctx)
	return x, ix
}
