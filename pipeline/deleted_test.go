package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline/broker"
)

// Two indexers, each keeping an index of its own, drop the same documents
// (one replaced by a new version, one whose source was deleted): the
// deleted stream holds one notice per event, and a later event on the same
// document is noticed again.
func TestEachDropNoticedOnce(t *testing.T) {
	_, js := natstest.Start(t, "deleted-once")
	ctx, cancel := context.WithCancel(context.Background())
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	var indexes []*index.Index
	var running []chan error
	for _, name := range []string{"east", "west"} {
		ix, err := index.Open(filepath.Join(t.TempDir(), name), index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		at := time.Now().UTC().Add(-time.Minute)
		for _, r := range []*document.Result{
			{ID: "v1", Source: "folder", Title: "Terms", Meta: map[string]string{"path": "terms.txt"}, ProcessedAt: at},
			{ID: "gone", Source: "folder", Title: "Memo", Meta: map[string]string{"path": "memo.txt"}, ProcessedAt: at},
		} {
			if err := ix.Put(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		m := NewMetrics()
		x := &Indexer{Index: ix, Metrics: m, Log: log, OnDropped: func(ctx context.Context, d Deleted) {
			if err := PublishDeleted(ctx, js, d); err != nil {
				t.Error(err)
			}
		}}
		done := make(chan error, 1)
		go func() {
			done <- Run(ctx, Options{JS: js, Indexer: x, Metrics: m, Log: log, IndexerDurable: "docmill-indexer-" + name})
		}()
		indexes, running = append(indexes, ix), append(running, done)
	}
	defer func() {
		cancel()
		for _, done := range running {
			<-done
		}
	}()
	publishResult := func(r document.Result) {
		data, _ := json.Marshal(r)
		if _, err := js.Publish(ctx, broker.SubjectResults+".other", data); err != nil {
			t.Fatal(err)
		}
	}
	waitGone := func(id string) {
		deadline := time.Now().Add(time.Minute)
		for _, ix := range indexes {
			for {
				if ok, _ := ix.Has(ctx, id); !ok {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s still indexed", id)
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
	}
	// notices waits for want notices in the stream, and for the second
	// indexer's to have had time to land beside them
	notices := func(want uint64) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			got := natstest.Info(ctx, t, js, broker.StreamDeleted).State.Msgs
			if got > want || got < want && time.Now().After(deadline) {
				t.Fatalf("%d deletion notices, want %d", got, want)
			}
			if got == want {
				time.Sleep(500 * time.Millisecond)
				if got = natstest.Info(ctx, t, js, broker.StreamDeleted).State.Msgs; got != want {
					t.Fatalf("%d deletion notices, want %d", got, want)
				}
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	publishResult(document.Result{ID: "v2", Source: "folder", Title: "Terms", ProcessedAt: time.Now().UTC(),
		Meta: map[string]string{"path": "terms.txt", MetaReplaces: "v1"}})
	waitGone("v1")
	// the indexed copy knows when the broker took the result
	if v2, err := indexes[0].Get(ctx, "v2"); err != nil {
		t.Error(err)
	} else if v2.PublishedAt.IsZero() || time.Since(v2.PublishedAt) > time.Minute {
		t.Errorf("v2 as indexed: published at %v, want the results stream's time", v2.PublishedAt)
	}
	if err := PublishRemoval(ctx, js, Removal{ID: "gone", Source: "folder", Path: "memo.txt", At: time.Now().UTC()}); err != nil {
		t.Fatal(err)
	}
	waitGone("gone")
	notices(2)

	// v1 comes back and is replaced again: a new event, a new notice
	for i, ix := range indexes {
		if err := ix.Put(ctx, &document.Result{ID: "v1", Source: "folder", Title: "Terms", ProcessedAt: time.Now().UTC(),
			Meta: map[string]string{"path": "terms.txt"}}); err != nil {
			t.Fatal(fmt.Errorf("index %d: %w", i, err))
		}
	}
	publishResult(document.Result{ID: "v2", Source: "folder", Title: "Terms", ProcessedAt: time.Now().UTC().Add(time.Second),
		Meta: map[string]string{"path": "terms.txt", MetaReplaces: "v1"}})
	waitGone("v1")
	notices(3)
}

// A file's old version analysed after its new one (a large text, then a
// small edit) is not indexed beside it: the new version named it as the
// one it replaces. The same bytes from another file, or the file changed
// back to them later, are indexed.
func TestLateOldVersionNotIndexed(t *testing.T) {
	_, js := natstest.Start(t, "late-old")
	ctx, cancel := context.WithCancel(context.Background())
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ix, err := index.Open(filepath.Join(t.TempDir(), "ix"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	m := NewMetrics()
	x := &Indexer{Index: ix, Metrics: m, Log: log, OnDropped: func(ctx context.Context, d Deleted) {
		if err := PublishDeleted(ctx, js, d); err != nil {
			t.Error(err)
		}
	}}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{JS: js, Indexer: x, Metrics: m, Log: log}) }()
	defer func() { cancel(); <-done }()
	publish := func(r document.Result) {
		data, _ := json.Marshal(r)
		if _, err := js.Publish(ctx, broker.SubjectResults+".other", data); err != nil {
			t.Fatal(err)
		}
	}
	indexed := func(id string) bool {
		ok, _ := ix.Has(ctx, id)
		return ok
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out: %s", what)
			}
		}
	}
	t0 := time.Now().UTC()
	publish(document.Result{ID: "small", Source: "folder", IngestedAt: t0, ProcessedAt: t0,
		Meta: map[string]string{"path": "race.txt", MetaReplaces: "large"}})
	waitFor("the new version indexed", func() bool { return indexed("small") })
	publish(document.Result{ID: "large", Source: "folder", IngestedAt: t0.Add(-5 * time.Second), ProcessedAt: t0.Add(time.Second),
		Meta: map[string]string{"path": "race.txt"}})
	waitFor("a replaced notice for the late old version", func() bool {
		return natstest.Info(ctx, t, js, broker.StreamDeleted).State.Msgs == 1
	})
	if indexed("large") {
		t.Error("the late old version was indexed beside the new one")
	}
	// the same bytes from another file are another copy
	publish(document.Result{ID: "large", Source: "folder", IngestedAt: t0.Add(-4 * time.Second), ProcessedAt: t0.Add(2 * time.Second),
		Meta: map[string]string{"path": "other.txt"}})
	waitFor("the other file's copy indexed", func() bool { return indexed("large") })
}
