package connectors

import (
	"context"
	"testing"
	"time"

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
