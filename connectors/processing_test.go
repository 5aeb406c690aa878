package connectors

import (
	"context"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// A document sent is recorded as processing before it reaches the stream,
// and its message says so (the worker need not record it again). A copy
// that the stream drops as a duplicate records nothing: while the first
// is on its way its entry stays, and once that one is indexed no entry
// comes back for a copy that will not be analysed.
func TestPublisherRecordsProcessing(t *testing.T) {
	ctx := context.Background()
	_, js := natstest.Start(t, "publisher-processing")
	p := &Publisher{JS: js}
	doc := Doc{Filename: "terms.txt", Source: "folder", Data: []byte("The Supplier shall deliver the goods.")}
	id, err := p.Publish(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := proc.Since(ctx, id, time.Now()); !ok {
		t.Fatal("a document sent is not recorded as processing")
	}
	st, err := js.Stream(ctx, broker.StreamIngest)
	if err != nil {
		t.Fatal(err)
	}
	m, err := st.GetLastMsgForSubject(ctx, SubjectFor("folder"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.Get(pipeline.HeaderProcessing) == "" {
		t.Errorf("ingest message without %s", pipeline.HeaderProcessing)
	}

	if r, err := p.Send(ctx, doc); err != nil || !r.Duplicate {
		t.Fatalf("second send: %+v %v, want a duplicate", r, err)
	}
	if _, ok := proc.Since(ctx, id, time.Now()); !ok {
		t.Error("a duplicate sent while the first was on its way removed its entry")
	}
	if err := proc.Done(ctx, id); err != nil { // indexed
		t.Fatal(err)
	}
	if r, err := p.Send(ctx, doc); err != nil || !r.Duplicate {
		t.Fatalf("third send: %+v %v, want a duplicate", r, err)
	}
	if _, ok := proc.Since(ctx, id, time.Now()); ok {
		t.Error("a duplicate of an indexed document reads as processing")
	}
}

// A document on its way from a backfill (whose sends carry the job's
// de-duplication id) is not sent again by an ingest of the same file: the
// stream would not see the copy as a duplicate, and it was analysed twice.
// Once indexed, the same content may be sent again (a stale backfill).
func TestPublisherSkipsContentOnItsWay(t *testing.T) {
	ctx := context.Background()
	_, js := natstest.Start(t, "publisher-inflight")
	p := &Publisher{JS: js}
	data := []byte("The Supplier shall deliver the goods by 1 March.")
	r, err := p.Send(ctx, Doc{Filename: "a.txt", Source: "backfill", Data: data, DedupID: "x:backfill:job-1"})
	if err != nil || r.Duplicate {
		t.Fatalf("backfill send: %+v %v", r, err)
	}
	r, err = p.Send(ctx, Doc{Filename: "a.txt", Source: "cli", Data: data})
	if err != nil || !r.Duplicate || !r.InFlight {
		t.Fatalf("ingest of the same file while on its way: %+v %v, want an in-flight duplicate", r, err)
	}
	st, err := js.Stream(ctx, broker.StreamIngest)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := st.Info(ctx); err != nil || info.State.Msgs != 1 {
		t.Fatalf("ingest stream holds %d messages (%v), want 1", info.State.Msgs, err)
	}
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := proc.Done(ctx, document.ID(data)); err != nil { // indexed
		t.Fatal(err)
	}
	if r, err := p.Send(ctx, Doc{Filename: "a.txt", Source: "backfill", Data: data, DedupID: "x:backfill:job-2"}); err != nil || r.Duplicate {
		t.Fatalf("a later backfill's send: %+v %v, want it sent", r, err)
	}
}

// A sender killed after it recorded a document and before it published
// it (QA: a backfill killed with -9) left the document "on its way" for an
// hour: every later send was dropped as its duplicate and nothing indexed
// it. A send that never published blocks others for SendingGrace only.
func TestPublisherSendsAfterADeadSend(t *testing.T) {
	ctx := context.Background()
	_, js := natstest.Start(t, "publisher-dead-send")
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	data := []byte("The Tenant shall pay the rent monthly.")
	// what the killed sender left: recorded, never published
	if created, _, err := proc.Sending(ctx, document.ID(data), time.Now().Add(-2*pipeline.SendingGrace)); !created || err != nil {
		t.Fatalf("record: %v %v", created, err)
	}
	p := &Publisher{JS: js}
	r, err := p.Send(ctx, Doc{Filename: "lease.txt", Source: "backfill", Data: data, DedupID: "x:backfill:job-2"})
	if err != nil || r.Duplicate {
		t.Fatalf("send after a dead send: %+v %v, want it published", r, err)
	}
	st, err := js.Stream(ctx, broker.StreamIngest)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := st.Info(ctx); err != nil || info.State.Msgs != 1 {
		t.Fatalf("ingest stream holds %d messages (%v), want 1", info.State.Msgs, err)
	}
	if _, ok := proc.Since(ctx, document.ID(data), time.Now()); !ok {
		t.Error("the document sent does not read as processing")
	}
}
