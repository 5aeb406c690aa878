package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline/broker"
)

// Results that arrive together are batched within MaxBatchBytes of text:
// a long text is written in a batch of its own, as Bleve holds a batch's
// terms in memory while it writes it.
func TestIndexBatchWithinTextBudget(t *testing.T) {
	_, js := natstest.Start(t, "batch-bytes")
	ctx, cancel := context.WithCancel(context.Background())
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ix, err := index.Open(filepath.Join(t.TempDir(), "ix"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	const budget = 64 << 10
	var mu sync.Mutex
	var batches [][]*document.Result
	m := NewMetrics()
	// a long wait: without the budget every result would land in one batch
	x := &Indexer{Index: ix, Metrics: m, Log: log, MaxWait: 2 * time.Second, MaxBatchBytes: budget,
		OnIndexed: func(rs []*document.Result) {
			mu.Lock()
			defer mu.Unlock()
			batches = append(batches, rs)
		}}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{JS: js, Indexer: x, Metrics: m, Log: log}) }()
	defer func() { cancel(); <-done }()

	sizes := []int{20 << 10, 20 << 10, 100 << 10, 20 << 10, 20 << 10, 20 << 10, 20 << 10}
	for i, n := range sizes {
		r := document.Result{ID: fmt.Sprintf("doc%d", i), Title: "t", ProcessedAt: time.Now().UTC(),
			Text: strings.Repeat(fmt.Sprintf("word%c ", 'a'+i), n/6)}
		data, _ := json.Marshal(r)
		if _, err := js.Publish(ctx, broker.SubjectResults+".other", data); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		mu.Lock()
		n := 0
		for _, b := range batches {
			n += len(b)
		}
		mu.Unlock()
		if n == len(sizes) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d documents indexed", n, len(sizes))
		}
		time.Sleep(50 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, b := range batches {
		total := 0
		for _, r := range b {
			total += len(r.Text)
		}
		if len(b) > 1 && total > budget {
			ids := []string{}
			for _, r := range b {
				ids = append(ids, r.ID)
			}
			t.Errorf("a batch of %d documents (%v) holds %d bytes of text, over the %d budget", len(b), ids, total, budget)
		}
	}
	if res, err := ix.Search(ctx, index.Query{Q: "wordc"}); err != nil || res.Total != 1 {
		t.Fatalf("the long text: %v %v", res, err)
	}
}
