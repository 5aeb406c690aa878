package pipeline

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/natstest"
)

// A document published straight onto an ingest subject (no docmill
// publisher recorded it) reads as processing from the moment a worker
// takes it, not only once it is parsed: a parse may take minutes (OCR of
// a scanned PDF, up to 3 minutes), during which a client polling for the
// result was told the document is unknown. Here the parse fails at once,
// after the worker took the document.
func TestWorkerRecordsProcessingBeforeParse(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, js := natstest.Start(t, "worker-processing-test")
	proc, err := OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	w := &Worker{Processing: proc, Metrics: NewMetrics(), Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	data := []byte("%PDF-1.4\nnot a PDF after all\n")
	msg := message.NewMessage("m1", data)
	msg.Metadata.Set(HeaderFilename, "scan.pdf")
	msg.SetContext(ctx)
	if _, err := w.Handle(msg); err == nil {
		t.Fatal("a broken PDF parsed")
	}
	if _, ok := proc.Since(ctx, document.ID(data), time.Now()); !ok {
		t.Error("a document the worker took was not recorded as processing before its parse")
	}
}

// An indexed document is marked, not forgotten: no longer processing, but
// indexed elsewhere for a replica behind; sent again, it is processing
// again; gone from the index (Done), it is neither.
func TestProcessingIndexedMarker(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, js := natstest.Start(t, "processing-marker-test")
	proc, err := OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	id := document.ID([]byte("marker"))
	if created, err := proc.Start(ctx, id, now); err != nil || !created {
		t.Fatalf("start: %v %v", created, err)
	}
	if proc.IndexedElsewhere(ctx, id, now) {
		t.Error("processing read as indexed")
	}
	if err := proc.Indexed(ctx, now, id); err != nil {
		t.Fatal(err)
	}
	if _, ok := proc.Since(ctx, id, now); ok || !proc.IndexedElsewhere(ctx, id, now) {
		t.Errorf("indexed: processing %v, indexed elsewhere %v", ok, proc.IndexedElsewhere(ctx, id, now))
	}
	if proc.IndexedElsewhere(ctx, id, now.Add(ProcessingFor+time.Minute)) {
		t.Error("a marker older than ProcessingFor still counts")
	}
	if created, err := proc.Start(ctx, id, now); err != nil || !created {
		t.Errorf("sent again after indexing: created %v, %v", created, err)
	}
	if _, ok := proc.Since(ctx, id, now); !ok {
		t.Error("sent again: not processing")
	}
	if err := proc.Done(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, ok := proc.Since(ctx, id, now); ok || proc.IndexedElsewhere(ctx, id, now) {
		t.Error("done: still recorded")
	}
}
