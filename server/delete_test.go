package server

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline/broker"
)

// A document deleted through one docmill's API leaves every index: an
// indexer keeping an index of its own drops it too, and the deletion is
// announced once.
func TestDeleteReachesEveryIndexer(t *testing.T) {
	ctx := context.Background()
	h := start(t, t.TempDir(), "")
	replica := startIndexer(t, h, "docmill-indexer-replica")
	id, err := h.srv.Publisher().Publish(ctx, connectors.Doc{Filename: "nda.txt",
		Data: []byte("The Recipient shall keep the Confidential Information secret for five years.")})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "indexed by serve and the replica", time.Minute, func() bool {
		a, _ := h.srv.Index().Has(ctx, id)
		b, _ := replica.Index().Has(ctx, id)
		return a && b
	})
	httpDelete(t, h.base+"/api/documents/"+id)
	waitFor(t, "deleted from the replica's index", time.Minute, func() bool {
		ok, _ := replica.Index().Has(ctx, id)
		return !ok
	})
	js, err := jetstream.New(h.nc)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the replica's notice, had it not been one
	if n := natstest.Info(ctx, t, js, broker.StreamDeleted).State.Msgs; n != 1 {
		t.Errorf("%d deletion notices, want 1", n)
	}
}

// A document deleted and then sent again by a raw `nats pub` within the
// results stream's de-duplication window is indexed again: its second
// result is not dropped as a copy of the first.
func TestRawPublishAfterDeleteIndexedAgain(t *testing.T) {
	h := start(t, t.TempDir(), "")
	raw := []byte("Raw publish: the marmalade clause applies to every shipment.")
	send := func() {
		if err := h.nc.Publish("docmill.ingest.partner", raw); err != nil {
			t.Fatal(err)
		}
	}
	send()
	waitFor(t, "indexed", 60*time.Second, func() bool { return h.search("marmalade").Total == 1 })
	httpDelete(t, h.base+"/api/documents/"+document.ID(raw))
	waitFor(t, "deleted", 30*time.Second, func() bool { return h.search("marmalade").Total == 0 })
	send()
	waitFor(t, "indexed again", 60*time.Second, func() bool { return h.search("marmalade").Total == 1 })
}

// The same file sent through docmill's publisher (docmill ingest, an
// upload) again after its document was deleted is indexed anew, not
// dropped by the ingest stream's de-duplication as a copy of the send the
// delete undid; a third send after the same delete is that copy.
func TestIngestAfterDeleteIndexedAgain(t *testing.T) {
	ctx := context.Background()
	h := start(t, t.TempDir(), "")
	doc := connectors.Doc{Filename: "quince.txt", Data: []byte("The quince clause applies to every shipment of preserves.")}
	send := func() connectors.Receipt {
		r, err := h.srv.Publisher().Send(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	send()
	waitFor(t, "indexed", 60*time.Second, func() bool { return h.search("quince").Total == 1 })
	if r := send(); !r.Duplicate {
		t.Errorf("a second send before any delete: %+v, want a duplicate", r)
	}
	httpDelete(t, h.base+"/api/documents/"+document.ID(doc.Data))
	waitFor(t, "deleted", 30*time.Second, func() bool { return h.search("quince").Total == 0 })
	if r := send(); r.Duplicate {
		t.Fatalf("the send after the delete was dropped as a duplicate: %+v", r)
	}
	waitFor(t, "indexed again", 60*time.Second, func() bool { return h.search("quince").Total == 1 })
	if r := send(); !r.Duplicate {
		t.Errorf("a second send after the same delete: %+v, want a duplicate", r)
	}
}
