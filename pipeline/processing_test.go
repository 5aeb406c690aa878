package pipeline

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

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

// A publisher records a send before it publishes and marks it sent after:
// a send that died in between (its process killed) blocks later sends of
// the document only for SendingGrace, not for ProcessingFor.
func TestProcessingSendingAndSent(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, js := natstest.Start(t, "processing-sending-test")
	proc, err := OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	if created, rev, err := proc.Sending(ctx, "dead", t0); !created || rev == 0 || err != nil {
		t.Fatalf("first send: %v %d %v", created, rev, err)
	}
	if created, _, _ := proc.Sending(ctx, "dead", t0.Add(10*time.Second)); created {
		t.Error("a send within the grace of a live one was not taken as a duplicate")
	}
	if _, ok := proc.Since(ctx, "dead", t0.Add(10*time.Second)); !ok {
		t.Error("a live send does not read as processing")
	}
	later := t0.Add(SendingGrace + time.Second)
	if _, ok := proc.Since(ctx, "dead", later); ok {
		t.Error("a dead send reads as processing")
	}
	if created, _, _ := proc.Sending(ctx, "dead", later); !created {
		t.Error("a send after a dead one was taken as a duplicate")
	}
	// published: on its way, however long it waits in the queue
	_, rev, _ := proc.Sending(ctx, "live", t0)
	if err := proc.Sent(ctx, "live", rev, t0); err != nil {
		t.Fatal(err)
	}
	if created, _, _ := proc.Sending(ctx, "live", t0.Add(30*time.Minute)); created {
		t.Error("a published document was sent again")
	}
	// indexed before the publisher marked it sent: the mark stays
	_, rev, _ = proc.Sending(ctx, "fast", t0)
	if err := proc.Indexed(ctx, t0, "fast"); err != nil {
		t.Fatal(err)
	}
	if err := proc.Sent(ctx, "fast", rev, t0); err != nil {
		t.Fatal(err)
	}
	if !proc.IndexedElsewhere(ctx, "fast", t0) {
		t.Error("Sent overwrote the indexed mark")
	}
}

// An indexer marks a whole batch indexed even when the broker answers
// slowly: the marks were written one after the other within 5 s for the
// batch, so at 50 ms a round trip (an indexer catching up beside busy
// workers) the tail of a 128-document batch still read as processing, and
// ingest --wait and backfill --wait waited out their timeout on documents
// that were indexed.
func TestIndexedMarksWholeBatchOnSlowBroker(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	url, _, js := natstest.Listening(t, "indexed-slow")
	direct, err := OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	nc, err := nats.Connect(slowProxy(t, strings.TrimPrefix(url, "nats://"), 50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	sjs, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := OpenProcessing(ctx, sjs, 1)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 128)
	for i := range ids {
		ids[i] = document.ID([]byte(fmt.Sprintf("doc %d", i)))
		if _, err := direct.Start(ctx, ids[i], time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	_ = slow.Indexed(context.Background(), time.Now(), ids...)
	left := 0
	for _, id := range ids {
		if _, processing := direct.Since(ctx, id, time.Now()); processing {
			left++
		}
	}
	if left > 0 {
		t.Errorf("%d of %d indexed documents still read as processing", left, len(ids))
	}
}

// slowProxy forwards TCP connections to addr, delivering what the server
// sends delay late (latency, not a narrower pipe: replies in flight
// together arrive together), and returns the NATS URL to dial.
func slowProxy(t *testing.T, addr string, delay time.Duration) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			client, err := ln.Accept()
			if err != nil {
				return
			}
			server, err := net.Dial("tcp", addr)
			if err != nil {
				client.Close()
				return
			}
			go func() { _, _ = io.Copy(server, client); server.Close() }()
			go delayCopy(client, server, delay)
		}
	}()
	return "nats://" + ln.Addr().String()
}

// delayCopy copies src to dst, each read delivered delay after it arrived.
func delayCopy(dst, src net.Conn, delay time.Duration) {
	type chunk struct {
		data []byte
		due  time.Time
	}
	line := make(chan chunk, 1024)
	go func() {
		defer close(line)
		buf := make([]byte, 32<<10)
		for {
			n, err := src.Read(buf)
			if n > 0 {
				line <- chunk{append([]byte(nil), buf[:n]...), time.Now().Add(delay)}
			}
			if err != nil {
				return
			}
		}
	}()
	for c := range line {
		time.Sleep(time.Until(c.due))
		if _, err := dst.Write(c.data); err != nil {
			break
		}
	}
	dst.Close()
}

// Count counts the documents on their way: accepted or being sent, not
// indexed, not a send that died, not older than ProcessingFor.
func TestProcessingCount(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, js := natstest.Start(t, "processing-count-test")
	proc, err := OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := proc.Count(ctx, time.Now()); n != 0 || err != nil {
		t.Fatalf("empty bucket: %d, %v", n, err)
	}
	t0 := time.Now()
	_, _ = proc.Start(ctx, "queued", t0)
	_, _, _ = proc.Sending(ctx, "sending", t0)
	_, _ = proc.Start(ctx, "done", t0)
	if err := proc.Indexed(ctx, t0, "done"); err != nil {
		t.Fatal(err)
	}
	for at, want := range map[time.Time]int{
		t0:                                  2,
		t0.Add(SendingGrace + time.Second):  1, // the send died
		t0.Add(ProcessingFor + time.Second): 0, // lost on the way
	} {
		if n, err := proc.Count(ctx, at); n != want || err != nil {
			t.Errorf("at +%s: %d, %v; want %d", at.Sub(t0), n, err, want)
		}
	}
	var none *Processing
	if n, err := none.Count(ctx, t0); n != 0 || err != nil {
		t.Errorf("nil Processing: %d, %v", n, err)
	}
}
