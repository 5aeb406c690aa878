package connectors

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// An object refused for good (here a name over MaxFilenameBytes) is
// counted once and acked: retried, each held one of the consumer's 16
// ack-pending slots forever, and sixteen of them stopped the bucket for
// every object put after them.
func TestBucketRefusalFreesItsSlot(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	store := testBucket(ctx, t, js, "inbox")
	long0 := testutil.ToFloat64(intakeRefused.WithLabelValues("bucket", "name_too_long"))
	for i := range 16 {
		name := strings.Repeat("d/", 520) + fmt.Sprintf("%02d.txt", i)
		if _, err := store.PutString(ctx, name, "A memo with a long name."); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.PutString(ctx, "normal.txt", "The Supplier shall deliver the goods."); err != nil {
		t.Fatal(err)
	}
	runBucket(ctx, t, &Bucket{Name: "inbox", JS: js, Pub: &Publisher{JS: js}, Seen: seen, Log: quietLog()})
	waitMsgs(ctx, t, js, 1) // normal.txt got through
	cons, err := js.Consumer(ctx, "OBJ_inbox", "docmill-bucket-inbox")
	if err != nil {
		t.Fatal(err)
	}
	for {
		info, err := cons.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if info.NumAckPending == 0 && info.AckFloor.Consumer == 17 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d objects still hold a slot, ack floor %d; want none and 17", info.NumAckPending, info.AckFloor.Consumer)
		case <-time.After(20 * time.Millisecond):
		}
	}
	if d := testutil.ToFloat64(intakeRefused.WithLabelValues("bucket", "name_too_long")) - long0; d != 16 {
		t.Errorf("objects with names too long counted %v times, want 16", d)
	}
}

// testBucket creates object store bucket name.
func testBucket(ctx context.Context, t *testing.T, js jetstream.JetStream, name string) jetstream.ObjectStore {
	t.Helper()
	store, err := js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: name, Storage: jetstream.FileStorage})
	if err != nil {
		t.Fatal(err)
	}
	return store
}

// runBucket runs b until the test ends.
func runBucket(ctx context.Context, t *testing.T, b *Bucket) {
	t.Helper()
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := b.Run(ctx); err != nil {
			t.Errorf("bucket %s: %v", b.Name, err)
		}
	}()
	t.Cleanup(func() { cancel(); <-done })
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// testLog logs through t, so a failing test shows what the connector said
// (a cluster test that timed out in CI had said nothing).
func testLog(t *testing.T) *slog.Logger { return slog.New(slog.NewTextHandler(tWriter{t}, nil)) }

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// A bucket told to move ingested objects onto itself keeps them: the move
// had put the object again and then deleted it, and it was gone from
// every bucket.
func TestBucketAfterIngestOntoItselfKeepsObject(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	store := testBucket(ctx, t, js, "loop")
	if _, err := store.PutString(ctx, "loop.txt", "The Supplier shall deliver the goods."); err != nil {
		t.Fatal(err)
	}
	runBucket(ctx, t, &Bucket{Name: "loop", JS: js, Pub: &Publisher{JS: js}, Seen: seen, After: "loop", Log: quietLog()})
	waitMsgs(ctx, t, js, 1)
	waitSettled(ctx, t, js, "loop")
	if _, err := store.GetInfo(ctx, "loop.txt"); err != nil {
		t.Errorf("the object moved onto its own bucket: %v", err)
	}
}

// waitSettled waits until bucket's consumer has every event acked.
func waitSettled(ctx context.Context, t *testing.T, js jetstream.JetStream, bucket string) {
	t.Helper()
	for {
		// the consumer is made once Run has started
		info, err := js.Consumer(ctx, "OBJ_"+bucket, "docmill-bucket-"+bucket)
		if err == nil && info.CachedInfo().NumAckPending == 0 && info.CachedInfo().NumPending == 0 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("bucket %s: events not all acked: %v", bucket, err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// An object whose metadata sets one of docmill's own keys (replaces) is
// refused and counted, as an upload with Docmill-Meta-Replaces is: its
// result had told consumers to drop an unrelated document. docmill's own
// replaces travels as Docmill-Own-Replaces.
func TestBucketRefusesReservedMeta(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	store := testBucket(ctx, t, js, "inbox")
	reserved0 := testutil.ToFloat64(intakeRefused.WithLabelValues("bucket", "reserved_meta"))
	for i, md := range []map[string]string{{"Replaces": "0123456789ab"}, {"reprocessed": "true"}} {
		name := fmt.Sprintf("spoof-%d.txt", i)
		if _, err := store.Put(ctx, jetstream.ObjectMeta{Name: name, Metadata: md}, strings.NewReader("A memo.")); err != nil {
			t.Fatal(err)
		}
	}
	runBucket(ctx, t, &Bucket{Name: "inbox", JS: js, Pub: &Publisher{JS: js}, Seen: seen, Log: quietLog()})
	waitSettled(ctx, t, js, "inbox")
	if d := testutil.ToFloat64(intakeRefused.WithLabelValues("bucket", "reserved_meta")) - reserved0; d != 2 {
		t.Errorf("objects setting docmill's own keys counted %v times, want 2", d)
	}
	if n := natstest.Info(ctx, t, js, broker.StreamIngest).State.Msgs; n != 0 {
		t.Errorf("%d objects setting docmill's own keys sent", n)
	}
	p := &Publisher{JS: js}
	if _, err := p.Publish(ctx, Doc{Filename: "v2.txt", Data: []byte("Version two."), Meta: map[string]string{pipeline.MetaReplaces: "0123456789ab"}}); err != nil {
		t.Fatal(err)
	}
	s, err := js.Stream(ctx, broker.StreamIngest)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.GetMsg(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.Get(pipeline.HeaderOwnPrefix+"Replaces") != "0123456789ab" || m.Header.Get(pipeline.HeaderMetaPrefix+"Replaces") != "" {
		t.Errorf("docmill's own replaces sent as %v", m.Header)
	}
}

// The bucket objects move to after they are ingested (after_ingest) is
// made with the watched bucket's replicas: it had one on a cluster whose
// inbox had three, and went with the node that held it.
func TestBucketAfterIngestTakesReplicas(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	_, js := natstest.Cluster(t, "after-replicas", 3)
	var seen jetstream.KeyValue
	natstest.Settle(ctx, t, "seen bucket", func(ctx context.Context) (err error) {
		seen, err = OpenSeen(ctx, js, 3)
		return err
	})
	natstest.Settle(ctx, t, "inbox3", func(ctx context.Context) error {
		store, err := js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: "inbox3", Storage: jetstream.FileStorage, Replicas: 3})
		if err == nil {
			_, err = store.PutString(ctx, "a.txt", "The Supplier shall deliver the goods.")
		}
		return err
	})
	// as serve runs it: a watch that could not start while the cluster
	// elected its leaders starts again
	b := &Bucket{Name: "inbox3", JS: js, Pub: &Publisher{JS: js}, Seen: seen, After: "done3", Replicas: 3, RetryAfter: time.Second, Log: testLog(t)}
	wctx, stop := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() { defer close(watched); b.Watch(wctx) }()
	t.Cleanup(func() { stop(); <-watched })
	for {
		done, err := js.ObjectStore(ctx, "done3")
		if err == nil {
			if _, err = done.GetInfo(ctx, "a.txt"); err == nil {
				st, err := done.Status(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if r := st.Replicas(); r != 3 {
					t.Errorf("after_ingest bucket made with %d replicas, want the inbox's 3", r)
				}
				return
			}
		}
		select {
		case <-ctx.Done():
			t.Fatalf("object not moved to done3: %v (bucket: %v)", err, b.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
