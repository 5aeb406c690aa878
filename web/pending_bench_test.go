package web

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
)

// pendingFixture is a broker whose processing bucket records n documents
// sent in the last hour, and an index holding every other one: the search
// page during a backfill.
func pendingFixture(b testing.TB, n int) (*pendingUploads, *index.Index) {
	b.Helper()
	ctx := context.Background()
	_, js := natstest.Start(b, "pending-bench")
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	var held []*document.Result
	for i := range n {
		raw := []byte(fmt.Sprintf("backfilled file %d", i))
		id := document.ID(raw)
		if _, err := proc.Start(ctx, id, now); err != nil {
			b.Fatal(err)
		}
		if i%2 == 0 {
			held = append(held, &document.Result{ID: id, Filename: fmt.Sprintf("f%d.txt", i), Text: string(raw)})
		}
	}
	return &pendingUploads{proc: proc}, openIndex(b, held...)
}

func benchmarkProcessing(b *testing.B, n int) {
	p, ix := pendingFixture(b, n)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p.countAt = time.Time{} // as a view after countFresh
		if got := p.processing(ctx, ix, time.Now()); got != n/2 {
			b.Fatalf("processing = %d, want %d", got, n/2)
		}
	}
}

func BenchmarkPendingCount5k(b *testing.B)  { benchmarkProcessing(b, 5000) }
func BenchmarkPendingCount20k(b *testing.B) { benchmarkProcessing(b, 20000) }

// TestPendingCountPacedBySize: a backfill's hour of documents is not read
// again on every search page two seconds apart; a count of n ids is
// reused for about n/countIDsPerSecond seconds (or longer if it was slow),
// and read anew after countStale (a minute) at the latest.
func TestPendingCountPacedBySize(t *testing.T) {
	if testing.Short() {
		t.Skip("records 8,000 documents in the broker")
	}
	const n = 8000 // reused 4 s or more
	p, ix := pendingFixture(t, n)
	ctx := context.Background()
	now := time.Now()
	if got := p.processing(ctx, ix, now); got != n/2 {
		t.Fatalf("first count %d, want %d", got, n/2)
	}
	if _, err := p.proc.Start(ctx, document.ID([]byte("one more")), now); err != nil {
		t.Fatal(err)
	}
	if got := p.processing(ctx, ix, now.Add(3*time.Second)); got != n/2 {
		t.Errorf("count 3 s later %d, want the reused %d: %d ids were read again", got, n/2, n)
	}
	if got := p.processing(ctx, ix, now.Add(61*time.Second)); got != n/2+1 {
		t.Errorf("count a minute later %d, want %d (read anew)", got, n/2+1)
	}
}

// TestPendingCountFailureNotRetriedAtOnce: a count that cannot be read
// (here the bucket is gone from the broker) is not tried again by the next
// pages, each of which waited for it; it is tried after countFailedFor.
func TestPendingCountFailureNotRetriedAtOnce(t *testing.T) {
	ctx := context.Background()
	_, js := natstest.Start(t, "pending-fail")
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	p, ix := &pendingUploads{proc: proc}, openIndex(t)
	if err := js.DeleteKeyValue(ctx, pipeline.ProcessingBucket); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if got := p.processing(ctx, ix, now); got != 0 {
		t.Fatalf("count of a missing bucket %d, want 0", got)
	}
	if _, err := pipeline.OpenProcessing(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := proc.Start(ctx, document.ID([]byte("sent meanwhile")), now); err != nil {
		t.Fatal(err)
	}
	if got := p.processing(ctx, ix, now.Add(countFresh+time.Second)); got != 0 {
		t.Errorf("count %d right after a failed one: it was read again at once", got)
	}
	if got := p.processing(ctx, ix, now.Add(31*time.Second)); got != 1 {
		t.Errorf("count %d after countFailedFor (30 s), want 1 (read anew)", got)
	}
}
