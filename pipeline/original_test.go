package pipeline

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/internal/objstore"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/pipeline/stream"
)

// A worker whose original could not be stored because the broker did not
// answer (just restarted, JetStream not ready) went on and the message was
// acked: the document was indexed with its original lost for good
// (download and reprocess answered "not kept"). It now waits and is
// retried, never dead-lettered; a bucket that refuses the copy (full) is
// still logged and skipped.
func TestKeepOriginalWaitsForTheBroker(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	js := embeddedJS(t)
	away, _, _, awayJS := natstest.Broker(t, "originals-away")
	away.Shutdown() // its client keeps reconnecting: requests time out

	const bucket = "docmill-originals"
	store := awayJS
	put := func(ctx context.Context, doc *document.Parsed, data []byte) error {
		ctx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
		defer cancel()
		_, err := objstore.Put(ctx, store, bucket, jetstream.ObjectMeta{Name: doc.ID}, bytes.NewReader(data))
		return err
	}
	m := NewMetrics()
	w := &Worker{Analyzer: NewAnalyzerRef(enrich.NewFree(enrich.FreeOptions{})), Pub: stream.NewPublisher(js), Blobs: js,
		Metrics: m, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), KeepOriginal: put}
	h := DeadLetter(stream.NewPublisher(js), "analyze", 1, m, w.Log, nil)(w.Handle)
	body := []byte("The Supplier shall deliver the goods within thirty days of the order.")
	msg := func() *message.Message {
		msg := message.NewMessage(watermill.NewUUID(), body)
		msg.Metadata.Set(HeaderFilename, "memo.txt")
		msg.Metadata.Set(stream.MetaDelivered, "1")
		msg.SetContext(ctx)
		return msg
	}
	results := func() uint64 { return natstest.Info(ctx, t, js, broker.StreamResults).State.Msgs }

	_, err := h(msg())
	if ue := (*UnavailableError)(nil); !errors.As(err, &ue) {
		t.Fatalf("original not stored, broker away: %v, want an UnavailableError (the message waits, retried)", err)
	}
	if n := results(); n != 0 {
		t.Fatalf("%d results published without the original kept, want 0", n)
	}
	if n := dlqCount(t, js); n != 0 {
		t.Fatalf("%d dead letters while the broker was away, want 0", n)
	}

	// the broker answers again: the retry keeps the original
	if _, err := js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: bucket}); err != nil {
		t.Fatal(err)
	}
	store = js
	if _, err := h(msg()); err != nil {
		t.Fatalf("retry with the broker back: %v", err)
	}
	st, _ := js.ObjectStore(ctx, bucket)
	if _, err := st.GetInfo(ctx, document.ID(body)); err != nil {
		t.Fatalf("original after the retry: %v", err)
	}
	if n := results(); n != 1 {
		t.Fatalf("%d results after the retry, want 1", n)
	}

	// a full bucket refuses the copy: the document goes on without it
	if err := js.DeleteObjectStore(ctx, bucket); err != nil {
		t.Fatal(err)
	}
	if _, err := js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: bucket, MaxBytes: 1024}); err != nil {
		t.Fatal(err)
	}
	body = bytes.Repeat([]byte("The Supplier shall deliver the goods. "), 100)
	if _, err := h(msg()); err != nil {
		t.Fatalf("original refused by a full bucket: %v, want the document analysed without it", err)
	}
	if n := results(); n != 2 {
		t.Fatalf("%d results, want 2", n)
	}
}
