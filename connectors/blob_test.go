package connectors

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// A document too large for one message travels in BlobBucket, which
// keeps objects as long as the ingest stream keeps messages. A send the
// stream drops as a duplicate leaves no object behind that it wrote, and
// dropping a dead letter for good deletes its object.
func TestBlobsLeaveNothingBehind(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, js := natstest.Start(t, "blob-test")
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{MaxAge: 48 * time.Hour, Owner: true}); err != nil {
		t.Fatal(err)
	}
	p := &Publisher{JS: js, MaxPayload: 64 << 10}
	data := bytes.Repeat([]byte("The Supplier shall deliver the goods. "), 8000) // 300 KB
	id := document.ID(data)
	has := func() bool {
		store, err := js.ObjectStore(ctx, BlobBucket)
		if err != nil {
			return false
		}
		_, err = store.GetInfo(ctx, id)
		return err == nil
	}
	if r, err := p.Send(ctx, Doc{Filename: "big.txt", Data: data}); err != nil || r.Duplicate || !has() {
		t.Fatalf("first send: %+v %v, blob stored %v", r, err, has())
	}
	store, err := js.ObjectStore(ctx, BlobBucket)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := store.Status(ctx); err != nil || st.TTL() != 48*time.Hour {
		t.Errorf("blob bucket TTL %v (%v), want the ingest stream's 48h", st.TTL(), err)
	}
	// the document deleted (its blob with it), then sent again within the
	// stream's de-duplication window
	if err := DeleteBlob(ctx, js, id); err != nil {
		t.Fatal(err)
	}
	if r, err := p.Send(ctx, Doc{Filename: "big.txt", Data: data}); err != nil || !r.Duplicate {
		t.Fatalf("second send: %+v %v, want a duplicate", r, err)
	}
	if has() {
		t.Error("the duplicate send left its blob behind")
	}

	// a dead letter whose content is in the bucket
	if _, err := p.Send(ctx, Doc{Filename: "big2.txt", Data: append(data, '!')}); err != nil {
		t.Fatal(err)
	}
	id = document.ID(append(data, '!'))
	m := nats.NewMsg(broker.SubjectDLQ + ".analyze")
	m.Header.Set(pipeline.HeaderObject, BlobBucket+"/"+id)
	m.Header.Set(pipeline.HeaderSize, "300001")
	m.Header.Set(pipeline.HeaderError, "analysis failed")
	if _, err := js.PublishMsg(ctx, m); err != nil {
		t.Fatal(err)
	}
	dls, err := ListDeadLetters(ctx, js, 0)
	if err != nil || len(dls) != 1 || dls[0].Size != 300001 {
		t.Fatalf("dead letters %+v %v", dls, err)
	}
	// still being processed (the send above recorded it): kept
	if err := DropForGood(ctx, js, dls[0]); err != nil || !has() {
		t.Fatalf("drop while processing: %v, blob kept %v", err, has())
	}
	if _, err := js.PublishMsg(ctx, m); err != nil {
		t.Fatal(err)
	}
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := proc.Done(ctx, id); err != nil {
		t.Fatal(err)
	}
	dls, _ = ListDeadLetters(ctx, js, 0)
	if err := DropForGood(ctx, js, dls[0]); err != nil {
		t.Fatal(err)
	}
	if has() {
		t.Error("a dead letter dropped for good left its blob")
	}
	if _, err := store.GetInfo(ctx, id); !errors.Is(err, jetstream.ErrObjectNotFound) {
		t.Errorf("blob info after drop: %v", err)
	}
}
