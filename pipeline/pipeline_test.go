package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/pipeline/stream"
)

func embeddedJS(t *testing.T) jetstream.JetStream {
	t.Helper()
	_, js := natstest.Start(t, "pipeline-test")
	return js
}

func delivered(id string, attempt string) *message.Message {
	m := message.NewMessage(id, []byte("payload"))
	m.Metadata.Set(stream.MetaDelivered, attempt)
	m.Metadata.Set(stream.MetaSubject, "docmill.ingest.test")
	m.Metadata.Set(HeaderFilename, "x.pdf")
	return m
}

func dlqCount(t *testing.T, js jetstream.JetStream) uint64 {
	t.Helper()
	s, err := js.Stream(context.Background(), broker.StreamDLQ)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}

func TestDeadLetterRetriesTransientAndParksPermanent(t *testing.T) {
	js := embeddedJS(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	transient := errors.New("index busy")
	var fail error
	h := DeadLetter(stream.NewPublisher(js), "analyze", 3, NewMetrics(), log, nil)(func(*message.Message) ([]*message.Message, error) {
		return nil, fail
	})

	fail = transient
	if _, err := h(delivered("a", "1")); !errors.Is(err, transient) {
		t.Fatalf("transient failure on attempt 1 of 3: %v, want it returned for a retry", err)
	}
	if n := dlqCount(t, js); n != 0 {
		t.Fatalf("%d dead letters after a retryable failure", n)
	}
	if _, err := h(delivered("a", "3")); err != nil {
		t.Fatalf("last attempt: %v, want the message parked and acked", err)
	}
	fail = Permanent(errors.New("corrupt PDF: no trailer"))
	if _, err := h(delivered("b", "1")); err != nil {
		t.Fatalf("permanent failure: %v, want parked at once", err)
	}
	// A crash between the dead-letter publish and the ack redelivers the
	// message: the dead letter's Nats-Msg-Id keeps it single.
	if _, err := h(delivered("b", "2")); err != nil {
		t.Fatal(err)
	}
	if n := dlqCount(t, js); n != 2 {
		t.Fatalf("%d dead letters, want 2", n)
	}
	s, _ := js.Stream(context.Background(), broker.StreamDLQ)
	m, err := s.GetLastMsgForSubject(context.Background(), broker.SubjectDLQ+".analyze")
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{HeaderError: "corrupt PDF: no trailer", HeaderStage: "analyze", HeaderAttempts: "1",
		HeaderSubject: "docmill.ingest.test", HeaderFilename: "x.pdf"} {
		if got := m.Header.Get(k); got != want {
			t.Errorf("dead letter %s = %q, want %q", k, got, want)
		}
	}
	if string(m.Data) != "payload" {
		t.Errorf("dead letter lost the payload: %q", m.Data)
	}
	// Which document failed, whatever the message id (a replayed dead
	// letter's is "replay-<seq>-<time>"): the content hash, or the object
	// the content is in.
	if got, want := m.Header.Get(HeaderID), document.ID([]byte("payload")); got != want {
		t.Errorf("dead letter Docmill-Id %q, want the payload's id %s", got, want)
	}
	big := delivered("replay-7-1700000000", "1")
	blobID := strings.Repeat("ab", 32)
	big.Metadata.Set(HeaderObject, "docmill-blobs/"+blobID)
	if _, err := h(big); err != nil {
		t.Fatal(err)
	}
	if m, err = s.GetLastMsgForSubject(context.Background(), broker.SubjectDLQ+".analyze"); err != nil || m.Header.Get(HeaderID) != blobID {
		t.Errorf("dead letter of content by reference: Docmill-Id %q, want %s (%v)", m.Header.Get(HeaderID), blobID, err)
	}
}

// TestDeadLetterOncePerFailure: the same bad file failing the same way
// again, whether ingested again, by a backfill or after a restart of the
// broker (as "make run" twice ingests samples/bad), stays one dead letter;
// another reason, or a replay, is a dead letter of its own.
func TestDeadLetterOncePerFailure(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	start := func() (jetstream.JetStream, func()) {
		e, err := broker.StartEmbedded(broker.EmbeddedOptions{StoreDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		nc, err := e.Connect("pipeline-test")
		if err != nil {
			t.Fatal(err)
		}
		js, err := jetstream.New(nc)
		if err != nil {
			t.Fatal(err)
		}
		if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
			t.Fatal(err)
		}
		return js, func() { nc.Close(); e.Shutdown() }
	}
	js, stop := start()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	var fail error
	handler := func(js jetstream.JetStream) message.HandlerFunc {
		return DeadLetter(stream.NewPublisher(js), "analyze", 3, NewMetrics(), log, nil)(func(*message.Message) ([]*message.Message, error) {
			return nil, fail
		})
	}
	h := handler(js)
	doc := document.ID([]byte("payload"))
	park := func(id string, want uint64) {
		t.Helper()
		if _, err := h(delivered(id, "1")); err != nil {
			t.Fatalf("%s: %v, want parked", id, err)
		}
		if n := dlqCount(t, js); n != want {
			t.Fatalf("after %s failed with %q: %d dead letters, want %d", id, fail, n, want)
		}
	}
	fail = Permanent(errors.New("corrupt PDF: no trailer"))
	park(doc, 1)
	park(doc+":backfill:job-1", 1) // the same content, sent by a backfill

	// The window outlasts a day's restarts, not NATS's default 2 minutes.
	info := natstest.Info(ctx, t, js, broker.StreamDLQ)
	if info.Config.Duplicates != broker.DeadLetterWindow {
		t.Errorf("DLQ duplicate window %s, want %s", info.Config.Duplicates, broker.DeadLetterWindow)
	}
	stop()
	js, stop = start()
	defer stop()
	h = handler(js)
	park(doc, 1)

	fail = Permanent(errors.New("encrypted PDF (password required)"))
	park(doc, 2)
	park("replay-1-1700000000", 3) // a replay: a new message id

	// the same content under another name, timing out a little later: the
	// same failure
	fail = Permanent(errors.New("parse x.pdf: timed out after 30.2s"))
	park(doc, 4)
	renamed := delivered(doc, "1")
	renamed.Metadata.Set(HeaderFilename, "scan-copy.pdf")
	fail = Permanent(errors.New("parse scan-copy.pdf: timed out after 30.9s"))
	if _, err := h(renamed); err != nil {
		t.Fatal(err)
	}
	if n := dlqCount(t, js); n != 4 {
		t.Errorf("the same timeout under another name: %d dead letters, want 4", n)
	}
	// sent without a file name, the reason names message-<seq>: still the
	// same failure (it was a dead letter of its own)
	unnamed := delivered(doc, "1")
	unnamed.Metadata.Set(HeaderFilename, "")
	unnamed.Metadata.Set(stream.MetaStreamSeq, "6")
	fail = Permanent(errors.New("parse message-6: timed out after 31.0s"))
	if _, err := h(unnamed); err != nil {
		t.Fatal(err)
	}
	if n := dlqCount(t, js); n != 4 {
		t.Errorf("the same timeout without a file name: %d dead letters, want 4", n)
	}
}

func TestRequestFromHeaders(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		depth, deadline string
		want            document.Depth
		wantDeadline    time.Time
		ignored         string // what the result's meta says was ignored
	}{
		{"", "", document.DepthAuto, time.Time{}, ""},
		{"FULL", "", document.DepthFull, time.Time{}, ""},
		{"shallow", "500ms", document.DepthShallow, now.Add(500 * time.Millisecond), ""},
		{"deep", "2026-11-28T12:00:05Z", document.DepthAuto, now.Add(5 * time.Second), `Docmill-Depth "deep" is not shallow, full or auto`},
		{"auto", "soon", document.DepthAuto, time.Time{}, `Docmill-Deadline "soon" is neither`},
		{"auto", "-5s", document.DepthAuto, time.Time{}, `Docmill-Deadline "-5s" is no time to work in`},
		{"auto", "0s", document.DepthAuto, time.Time{}, `Docmill-Deadline "0s" is no time to work in`},
	}
	for _, c := range cases {
		m := message.NewMessage("x", nil)
		m.Metadata.Set(HeaderDepth, c.depth)
		m.Metadata.Set(HeaderDeadline, c.deadline)
		r, ignored := requestFrom(m, now)
		if r.Depth != c.want || !r.Deadline.Equal(c.wantDeadline) {
			t.Errorf("depth %q deadline %q: got %s %v, want %s %v", c.depth, c.deadline, r.Depth, r.Deadline, c.want, c.wantDeadline)
		}
		if (c.ignored == "") != (ignored == "") || !strings.Contains(ignored, c.ignored) {
			t.Errorf("depth %q deadline %q: ignored %q, want %q", c.depth, c.deadline, ignored, c.ignored)
		}
	}
}

// TestIndexerTextByReference checks how the indexer reads a result's text
// from the object store: a missing object or bucket, or no object store at
// all, is a permanent failure (a dead letter with its reason), and an
// existing object fills in the text.
func TestIndexerTextByReference(t *testing.T) {
	ctx := context.Background()
	js := embeddedJS(t)
	x := &Indexer{Blobs: js}
	r := &document.Result{ID: "d1", TextObject: TextBucket + "/d1"}
	if err := x.loadText(ctx, r); !IsPermanent(err) {
		t.Fatalf("missing bucket: %v, want a permanent error", err)
	}
	store, err := js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: TextBucket})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.loadText(ctx, r); !IsPermanent(err) {
		t.Fatalf("missing object: %v, want a permanent error", err)
	}
	if _, err := store.PutString(ctx, "d1", "the whole text"); err != nil {
		t.Fatal(err)
	}
	if err := x.loadText(ctx, r); err != nil || r.Text != "the whole text" {
		t.Fatalf("loadText: %v, text %q", err, r.Text)
	}
	if err := (&Indexer{}).loadText(ctx, &document.Result{ID: "d2", TextObject: TextBucket + "/d2"}); !IsPermanent(err) {
		t.Fatalf("no object store: %v, want a permanent error", err)
	}
}

// Shutting down under load: every result the indexer took is written and
// acked; none waits for a batch loop that already stopped until the drain
// timeout fails it.
func TestShutdownUnderLoadFinishesIndexing(t *testing.T) {
	js := embeddedJS(t)
	ctx := context.Background()
	// Each result's text is read back from the object store, so handlers
	// are still busy when the stop comes, not all waiting on a batch.
	store, err := js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: TextBucket})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.PutString(ctx, "memo", strings.Repeat("supplier audit memo ", 20000)); err != nil {
		t.Fatal(err)
	}
	const n = 300
	for i := 0; i < n; i++ {
		r := document.Result{ID: fmt.Sprintf("r%04d", i), Title: "memo", TextObject: TextBucket + "/memo"}
		data, _ := json.Marshal(r)
		if _, err := js.Publish(ctx, broker.SubjectResults+".other", data); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := index.Open(t.TempDir()+"/ix", index.Options{MaxTextBytes: 4096})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	m := NewMetrics()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	x := &Indexer{Index: ix, Metrics: m, Log: log, Blobs: js}
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- Run(rctx, Options{JS: js, Indexer: x, Metrics: m, Log: log, DrainTimeout: 20 * time.Second})
	}()
	for {
		if c, _ := ix.Count(); c > 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if f := testutil.ToFloat64(m.Failed.WithLabelValues("index", "transient")); f != 0 {
		t.Errorf("%v index handlers failed during shutdown", f)
	}
	// nothing lost: what was not indexed is still in the stream, pending or
	// fetched but never handed to a handler (redelivered after AckWait)
	c, _ := ix.Count()
	info, err := mustConsumer(t, js).Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("indexed %d of %d before the stop; %d pending, %d unacked", c, n, info.NumPending, info.NumAckPending)
	if c+info.NumPending+uint64(info.NumAckPending) != n {
		t.Errorf("indexed %d + pending %d + unacked %d != %d", c, info.NumPending, info.NumAckPending, n)
	}
}

func mustConsumer(t *testing.T, js jetstream.JetStream) jetstream.Consumer {
	t.Helper()
	c, err := js.Consumer(context.Background(), broker.StreamResults, DurableIndexer)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// While the broker cannot say how far behind the consumers are, the lag
// gauges are absent rather than frozen at their last value.
func TestLagGaugesDroppedWhenUnreadable(t *testing.T) {
	js := embeddedJS(t)
	m := NewMetrics()
	m.Pending.WithLabelValues(broker.StreamIngest, DurableWorker).Set(168)
	m.AckPend.WithLabelValues(broker.StreamIngest, DurableWorker).Set(3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // every query fails, as with the broker gone
	watchLag(ctx, Options{JS: js, Metrics: m})
	if n := testutil.CollectAndCount(m.Pending) + testutil.CollectAndCount(m.AckPend); n != 0 {
		t.Errorf("%d stale lag series left", n)
	}
}

// A replica indexer's consumer (index.consumer) has its lag exported by
// every process, as the default indexer's is: it was exported only by the
// replica itself, so nothing showed its lag while the replica was down.
// Once the consumer is deleted, its series goes.
func TestLagOfEveryIndexerConsumer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js := embeddedJS(t)
	const replica = "docmill-indexer-b"
	if _, err := js.CreateConsumer(ctx, broker.StreamResults, jetstream.ConsumerConfig{Durable: replica, AckPolicy: jetstream.AckExplicitPolicy}); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := js.Publish(ctx, broker.SubjectResults+".other", []byte(fmt.Sprintf(`{"id":"%d"}`, i))); err != nil {
			t.Fatal(err)
		}
	}
	m := NewMetrics()
	watchLagUntilDone(ctx, t, js, m)
	// lag is the replica's consumer's exported lag, -1 while there is none
	lag := func() float64 {
		ch := make(chan prometheus.Metric, 16)
		m.Pending.Collect(ch)
		close(ch)
		for metric := range ch {
			var pb dto.Metric
			if err := metric.Write(&pb); err != nil {
				t.Fatal(err)
			}
			for _, l := range pb.GetLabel() {
				if l.GetName() == "consumer" && l.GetValue() == replica {
					return pb.GetGauge().GetValue()
				}
			}
		}
		return -1
	}
	for ctx.Err() == nil && lag() != 3 {
		time.Sleep(100 * time.Millisecond)
	}
	if v := lag(); v != 3 {
		t.Fatalf("lag of the replica's consumer %s: %v, want 3", replica, v)
	}
	if err := js.DeleteConsumer(ctx, broker.StreamResults, replica); err != nil {
		t.Fatal(err)
	}
	for ctx.Err() == nil && lag() != -1 {
		time.Sleep(100 * time.Millisecond)
	}
	if v := lag(); v != -1 {
		t.Errorf("deleted consumer %s still exported with lag %v", replica, v)
	}
}

// The router's "handlers stopped" report is an error while running and
// plain information once docmill is shutting down.
func TestStoppingLoggerDowngradesOnlyAtShutdown(t *testing.T) {
	var buf strings.Builder
	base := watermill.NewSlogLogger(slog.New(slog.NewTextHandler(&buf, nil)))
	l := &stoppingLogger{LoggerAdapter: base, stopping: new(atomic.Bool)}
	derived := l.With(watermill.LogFields{"handler": "index"})
	derived.Error("All handlers stopped, closing router", errors.New("all router handlers stopped"), nil)
	l.stopping.Store(true)
	derived.Error("All handlers stopped, closing router", errors.New("all router handlers stopped"), nil)
	derived.Error("handler failed", errors.New("boom"), nil)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "level=ERROR") || !strings.Contains(lines[1], "level=INFO") || !strings.Contains(lines[2], "level=ERROR") {
		t.Fatalf("levels:\n%s", buf.String())
	}
}

// A failure wrapped in a StageError is dead-lettered under its own stage
// (the analyse handler's parse failures on docmill.dlq.parse); without a
// publisher (the shadow stage) a message that fails for good is acked and
// nothing is dead-lettered.
func TestDeadLetterStageAndShadow(t *testing.T) {
	js := embeddedJS(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	parseFail := &StageError{Stage: "parse", Err: Permanent(errors.New("corrupt PDF: no trailer"))}
	h := DeadLetter(stream.NewPublisher(js), "analyze", 3, NewMetrics(), log, nil)(func(*message.Message) ([]*message.Message, error) {
		return nil, parseFail
	})
	if _, err := h(delivered("a", "1")); err != nil {
		t.Fatalf("parse failure: %v, want parked", err)
	}
	s, _ := js.Stream(context.Background(), broker.StreamDLQ)
	m, err := s.GetLastMsgForSubject(context.Background(), broker.SubjectDLQ+".parse")
	if err != nil {
		t.Fatalf("no dead letter on docmill.dlq.parse: %v", err)
	}
	if got := m.Header.Get(HeaderStage); got != "parse" {
		t.Errorf("dead letter stage %q, want parse", got)
	}
	shadow := DeadLetter(nil, "shadow", 3, NewMetrics(), log, nil)(func(*message.Message) ([]*message.Message, error) {
		return nil, parseFail
	})
	if _, err := shadow(delivered("b", "1")); err != nil {
		t.Fatalf("shadow failure: %v, want it acked", err)
	}
	transient := errors.New("model busy")
	shadowRetry := DeadLetter(nil, "shadow", 3, NewMetrics(), log, nil)(func(*message.Message) ([]*message.Message, error) {
		return nil, transient
	})
	if _, err := shadowRetry(delivered("c", "1")); !errors.Is(err, transient) {
		t.Fatalf("shadow transient failure: %v, want a retry", err)
	}
	if n := dlqCount(t, js); n != 1 {
		t.Fatalf("%d dead letters, want only the primary's", n)
	}
}

// A full disk or broker is no fault of the document's: the message is
// retried however many attempts it took, never dead-lettered (the
// stages' consumers are unbounded: server.TestServeEndToEnd checks).
func TestOutOfSpaceWaits(t *testing.T) {
	js := embeddedJS(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, full := range []error{
		fmt.Errorf("index batch: persist err: write /data/index/store/00000004.zap: no space left on device"),
		fmt.Errorf("publish result: %w", syscall.ENOSPC),
		errors.New("nats: API error: code=400 err_code=10023 description=insufficient resources"),
		// a full broker may answer a publish with a timeout only
		fmt.Errorf("publish result: %w", Unavailable(fmt.Errorf("publish to docmill.results.contract: %w", context.DeadlineExceeded))),
	} {
		h := DeadLetter(stream.NewPublisher(js), "index", 3, NewMetrics(), log, nil)(func(*message.Message) ([]*message.Message, error) {
			return nil, full
		})
		if _, err := h(delivered("a", "7")); err == nil {
			t.Errorf("%v on attempt 7 of 3: parked, want a retry", full)
		}
	}
	if n := dlqCount(t, js); n != 0 {
		t.Fatalf("%d dead letters for a full disk", n)
	}
}

// While results cannot be stored, the worker says why (health shows it as
// the "results" component); the next stored result clears it.
func TestWorkerPublishError(t *testing.T) {
	ctx := context.Background()
	js := embeddedJS(t)
	w := &Worker{Pub: stream.NewPublisher(js), Blobs: js, Metrics: NewMetrics(), Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	r := &document.Result{ID: document.ID([]byte("memo")), Filename: "memo.txt", Text: "memo"}
	if err := js.DeleteStream(ctx, broker.StreamResults); err != nil {
		t.Fatal(err)
	}
	err := w.publish(ctx, r, false, "", "")
	if err == nil || w.PublishError() == nil {
		t.Fatalf("publish without a results stream: %v, PublishError %v", err, w.PublishError())
	}
	if ue := (*UnavailableError)(nil); !errors.As(err, &ue) {
		t.Errorf("publish without a results stream: %v, want an UnavailableError (retried, never dead-lettered)", err)
	}
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := w.publish(ctx, r, false, "", ""); err != nil || w.PublishError() != nil {
		t.Fatalf("publish once the stream is back: %v, PublishError %v", err, w.PublishError())
	}
}

// A shadow worker counts its parse and publish apart from the primary's:
// with a shadow model, the dashboard showed twice the documents parsed.
func TestShadowStepsCountedApart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js := embeddedJS(t)
	m := NewMetrics()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	an := NewAnalyzerRef(enrich.NewFree(enrich.FreeOptions{}))
	primary := &Worker{Analyzer: an, Pub: stream.NewPublisher(js), Blobs: js, Metrics: m, Log: log}
	shadow := &Worker{Analyzer: an, Pub: stream.NewPublisher(js), Blobs: js, Metrics: m, Log: log, Stage: "shadow", SubjectPrefix: "docmill.shadow.test"}
	for _, w := range []*Worker{primary, shadow} {
		msg := message.NewMessage(watermill.NewUUID(), []byte("The Supplier shall deliver the goods within thirty days."))
		msg.Metadata.Set(HeaderFilename, "memo.txt")
		msg.SetContext(ctx)
		if _, err := w.Handle(msg); err != nil {
			t.Fatal(err)
		}
	}
	for label, want := range map[string]float64{"parse": 1, "analyze": 1, "shadow_parse": 1, "shadow": 1} {
		if got := testutil.ToFloat64(m.Processed.WithLabelValues(label)); got != want {
			t.Errorf("processed{stage=%q} = %v, want %v", label, got, want)
		}
	}
}

// A message whose free metadata sets one of docmill's own keys
// (Docmill-Meta-Replaces, in any case) has the key left out of its meta
// and named as ignored: its result told consumers to drop an unrelated
// document. The document is still analysed (an older release's own sends
// carry the free form). docmill's own sends carry the key as
// Docmill-Own-Replaces, which becomes the result's meta.
func TestReservedMetaRefusedFromSenders(t *testing.T) {
	for _, h := range []string{"Docmill-Meta-Replaces", "Docmill-Meta-REPROCESSED", "Docmill-Meta-Backfill"} {
		msg := message.NewMessage("m", []byte("A memo about the lease."))
		msg.Metadata.Set(HeaderFilename, "memo.txt")
		msg.Metadata.Set(h, "0123456789abcdef")
		msg.Metadata.Set(HeaderMetaPrefix+"Team", "legal")
		in := inputFrom(msg, msg.Payload)
		key := strings.ToLower(strings.TrimPrefix(http.CanonicalHeaderKey(h), HeaderMetaPrefix))
		if _, set := in.Meta[key]; set || in.Meta["team"] != "legal" {
			t.Errorf("%s: meta %v, want the key left out and team kept", h, in.Meta)
		}
		if why := reservedHeader(msg); !strings.Contains(why, "set by docmill itself") {
			t.Errorf("%s: ignored %q, want it named", h, why)
		}
	}
	msg := message.NewMessage("m", []byte("A memo."))
	msg.Metadata.Set(HeaderOwnPrefix+"Replaces", "0123456789abcdef")
	msg.Metadata.Set(HeaderMetaPrefix+"Team", "legal")
	if in := inputFrom(msg, msg.Payload); in.Meta[MetaReplaces] != "0123456789abcdef" || in.Meta["team"] != "legal" || reservedHeader(msg) != "" {
		t.Errorf("docmill's own key: meta %v, ignored %q", in.Meta, reservedHeader(msg))
	}
}

// The dead letters waiting in DOCMILL_DLQ are on /metrics by stage, read
// from the broker: docmill_dlq_messages_total counted only what this
// process moved since its start, so after a restart it read 0 while
// letters waited, and a replay or drop never lowered it. Stages with none
// read 0, not absent.
func TestDLQWaitingGauge(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js := embeddedJS(t)
	for _, stage := range []string{"parse", "parse", "index"} {
		if _, err := js.Publish(ctx, broker.SubjectDLQ+"."+stage, []byte("dead")); err != nil {
			t.Fatal(err)
		}
	}
	m := NewMetrics()
	watchLagUntilDone(ctx, t, js, m)
	want := map[string]float64{"parse": 2, "analyze": 0, "index": 1}
	waitGauge(ctx, t, m.Registry, "docmill_dlq_waiting", want)
	// a drop (or a replay) takes letters out of the stream: the gauge follows
	st, err := js.Stream(ctx, broker.StreamDLQ)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Purge(ctx, jetstream.WithPurgeSubject(broker.SubjectDLQ+".parse")); err != nil {
		t.Fatal(err)
	}
	want["parse"] = 0
	waitGauge(ctx, t, m.Registry, "docmill_dlq_waiting", want)
}

// waitGauge waits until the gauge family name holds exactly want, by its
// stage label, and fails with what it holds when ctx ends first.
func waitGauge(ctx context.Context, t *testing.T, reg *prometheus.Registry, name string, want map[string]float64) {
	t.Helper()
	var got map[string]float64
	for {
		got = gaugeByStage(t, reg, name)
		if fmt.Sprint(got) == fmt.Sprint(want) {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s: %v, want %v", name, got, want)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// gaugeByStage reads the gauge family name from reg, keyed by its stage
// label.
func gaugeByStage(t *testing.T, reg *prometheus.Registry, name string) map[string]float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, metric := range f.GetMetric() {
			for _, l := range metric.GetLabel() {
				if l.GetName() == "stage" {
					got[l.GetValue()] = metric.GetGauge().GetValue()
				}
			}
		}
	}
	return got
}

// The counters of the stages a process runs are on /metrics at 0 from
// its start: a series that appeared with its first increment has no
// increase in Prometheus, so rate() and increase() alerts and the
// dashboards missed each process's first dead letter and failures. A
// process exports only its own stages' (a broker none).
func TestStageCountersStartAtZero(t *testing.T) {
	for _, c := range []struct {
		analyses, indexes bool
		want, not         []string
	}{
		{true, false, []string{`docmill_dlq_messages_total{stage="parse"}`, `docmill_dlq_messages_total{stage="analyze"}`,
			`docmill_documents_failed_total{reason="permanent",stage="parse"}`, `docmill_documents_failed_total{reason="transient",stage="analyze"}`,
			`docmill_documents_processed_total{stage="analyze"}`, `docmill_stage_failures_total{reason="transient",stage="analyze"}`}, []string{`docmill_dlq_messages_total{stage="index"}`}},
		{false, true, []string{`docmill_dlq_messages_total{stage="index"}`, `docmill_documents_failed_total{reason="transient",stage="index"}`,
			`docmill_documents_processed_total{stage="index"}`}, []string{`docmill_dlq_messages_total{stage="parse"}`}},
		{false, false, nil, []string{`docmill_dlq_messages_total{stage="parse"}`, `docmill_dlq_messages_total{stage="index"}`}},
	} {
		got := zeroSeries(t, NewMetricsFor(c.analyses, c.indexes).Registry)
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("analyses %v, indexes %v: no %s at 0", c.analyses, c.indexes, w)
			}
		}
		for _, n := range c.not {
			if got[n] {
				t.Errorf("analyses %v, indexes %v: %s exported for a stage it does not run", c.analyses, c.indexes, n)
			}
		}
	}
}

// zeroSeries lists the counters of reg that read 0, as name{label="value",...}
// with the labels in name order.
func zeroSeries(t *testing.T, reg *prometheus.Registry) map[string]bool {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, f := range families {
		for _, metric := range f.GetMetric() {
			if metric.GetCounter() == nil || metric.GetCounter().GetValue() != 0 {
				continue
			}
			var labels []string
			for _, l := range metric.GetLabel() {
				labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
			}
			out[f.GetName()+"{"+strings.Join(labels, ",")+"}"] = true
		}
	}
	return out
}

// watchLagUntilDone runs watchLag over js into m until the test ends.
func watchLagUntilDone(ctx context.Context, t *testing.T, js jetstream.JetStream, m *Metrics) {
	wctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { watchLag(wctx, Options{JS: js, Metrics: m, IndexerDurable: DurableIndexer}); close(done) }()
	t.Cleanup(func() { stop(); <-done })
}

// A full disk under a backlog logged every waiting message on every retry,
// twice (the router's line and DeadLetter's), at ERROR: dozens of lines a
// second onto the disk that was full. A stage now says it once per
// waitLogInterval, and the router's copy is debug.
func TestOutOfSpaceLogsOnce(t *testing.T) {
	js := embeddedJS(t)
	var buf strings.Builder
	log := slog.New(slog.NewTextHandler(&buf, nil))
	full := errors.New("index batch: persist err: write /data/index/store/00000004.zap: no space left on device")
	h := DeadLetter(stream.NewPublisher(js), "index", 3, NewMetrics(), log, nil)(func(*message.Message) ([]*message.Message, error) {
		return nil, full
	})
	for i := range 20 {
		if _, err := h(delivered(fmt.Sprintf("m%d", i), "2")); err == nil {
			t.Fatalf("message %d parked, want a retry", i)
		}
	}
	if n := strings.Count(buf.String(), "storage is full"); n != 1 {
		t.Errorf("%d lines for 20 waiting messages, want 1:\n%s", n, buf.String())
	}
	buf.Reset()
	router := &stoppingLogger{LoggerAdapter: watermill.NewSlogLogger(log), stopping: new(atomic.Bool)}
	router.Error(handlerFailed, full, watermill.LogFields{"handler_name": "index"})
	if buf.Len() != 0 {
		t.Errorf("the router's copy of a handler failure is logged at info level:\n%s", buf.String())
	}
}

// docmill_documents_failed_total counts a document once per stage and
// reason however often it is retried; every failed attempt is counted in
// docmill_stage_failures_total. One bad document retried to its last
// delivery read as five failures, and a document waiting out a full disk
// as one failure every few seconds.
func TestFailedCountsDocumentsNotAttempts(t *testing.T) {
	js := embeddedJS(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	m := NewMetrics()
	var fail error
	h := DeadLetter(stream.NewPublisher(js), "analyze", 5, m, log, nil)(func(*message.Message) ([]*message.Message, error) {
		return nil, fail
	})
	fail = errors.New("model busy")
	for attempt := 1; attempt <= 5; attempt++ {
		h(delivered("bad", fmt.Sprint(attempt)))
	}
	fail = errors.New("index batch: persist err: no space left on device")
	for attempt := 1; attempt <= 4; attempt++ {
		h(delivered("waits", fmt.Sprint(attempt)))
	}
	fail = errors.New("model busy")
	h(delivered("flaky", "1"))
	fail = nil
	h(delivered("flaky", "2"))
	for _, c := range []struct {
		reason              string
		documents, attempts float64
	}{
		{"transient", 2, 6},
		{"disk_full", 1, 4},
		{"permanent", 0, 0},
	} {
		if got := testutil.ToFloat64(m.Failed.WithLabelValues("analyze", c.reason)); got != c.documents {
			t.Errorf("docmill_documents_failed_total{reason=%q} = %v, want %v documents", c.reason, got, c.documents)
		}
		if got := testutil.ToFloat64(m.Attempts.WithLabelValues("analyze", c.reason)); got != c.attempts {
			t.Errorf("docmill_stage_failures_total{reason=%q} = %v, want %v attempts", c.reason, got, c.attempts)
		}
	}
}
