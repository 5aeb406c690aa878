package connectors

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/docmill/docmill/pipeline/broker"
)

// waitUntil polls cond every 20 ms until it holds, failing t when ctx
// ends first.
func waitUntil(ctx context.Context, t *testing.T, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("timed out waiting for %s", what)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// A watch whose bucket, or only its consumer, is deleted under it stops,
// and says so, naming the bucket, in Err (which /healthz shows) and
// docmill_bucket_watch_up: Run had returned nil when nats.go closed its
// iterator (or waited for good when no pull request was open to learn of
// the deletion), and nothing but a log line told that the bucket's
// objects were no longer taken.
func TestBucketWatchStoppedIsReported(t *testing.T) {
	for what, remove := range map[string]func(context.Context, jetstream.JetStream, string) error{
		"bucket": func(ctx context.Context, js jetstream.JetStream, name string) error {
			return js.DeleteObjectStore(ctx, name)
		},
		"consumer": func(ctx context.Context, js jetstream.JetStream, name string) error {
			return js.DeleteConsumer(ctx, "OBJ_"+name, "docmill-bucket-"+name)
		},
	} {
		t.Run(what, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			js, seen := folderBroker(ctx, t)
			name := "dying-" + what
			testBucket(ctx, t, js, name)
			b := &Bucket{Name: name, JS: js, Pub: &Publisher{JS: js}, Seen: seen, Log: quietLog()}
			runCtx, stop := context.WithCancel(ctx)
			defer stop()
			done := make(chan error, 1)
			go func() { done <- b.Run(runCtx) }()
			waitUntil(ctx, t, "the watch to start", func() bool { return strings.HasPrefix(b.Progress(), "watching") })
			if err := b.Err(); err != nil {
				t.Fatalf("a working watch reports %v", err)
			}
			if err := remove(ctx, js, name); err != nil {
				t.Fatal(err)
			}
			var runErr error
			select {
			case runErr = <-done:
			case <-ctx.Done():
				t.Fatalf("the watch still runs with its %s deleted", what)
			}
			if runErr == nil {
				t.Error("Run returned nil for a watch that ended on its own")
			}
			err := b.Err()
			if err == nil || !strings.Contains(err.Error(), "bucket "+name) || !strings.Contains(err.Error(), "stopped") {
				t.Fatalf("Err = %v, want the stopped watch of bucket %s", err, name)
			}
			if up := testutil.ToFloat64(bucketWatchUp.WithLabelValues(name)); up != 0 {
				t.Errorf("docmill_bucket_watch_up = %v for a stopped watch, want 0", up)
			}
		})
	}
}

// A watch that keeps failing on an object (here the ingest stream is gone,
// so nothing can be published) reports a stall once the object has waited
// StallAfter with none settled, with the error, and recovers once the
// object is taken.
func TestBucketWatchStallIsReportedAndClears(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	store := testBucket(ctx, t, js, "stuck")
	if err := js.DeleteStream(ctx, broker.StreamIngest); err != nil {
		t.Fatal(err)
	}
	if _, err := store.PutString(ctx, "memo.txt", "The Supplier shall deliver the goods."); err != nil {
		t.Fatal(err)
	}
	b := &Bucket{Name: "stuck", JS: js, Pub: &Publisher{JS: js}, Seen: seen, Log: quietLog(), StallAfter: time.Second}
	runBucket(ctx, t, b)
	waitUntil(ctx, t, "a stall reported", func() bool { return b.Err() != nil })
	err := b.Err()
	if msg := err.Error(); !strings.Contains(msg, "bucket stuck") || !strings.Contains(msg, "1 objects wait") || !strings.Contains(msg, "memo.txt") {
		t.Errorf("Err = %v, want bucket stuck with 1 object waiting and the error publishing memo.txt", err)
	}
	waitUntil(ctx, t, "docmill_bucket_watch_up 0", func() bool { return testutil.ToFloat64(bucketWatchUp.WithLabelValues("stuck")) == 0 })
	if p := testutil.ToFloat64(bucketWatchPending.WithLabelValues("stuck")); p != 1 {
		t.Errorf("docmill_bucket_watch_pending = %v, want 1", p)
	}
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	// retried 5 s, then 10 s after the first failure
	waitMsgs(ctx, t, js, 1)
	waitUntil(ctx, t, "the stall cleared", func() bool { return b.Err() == nil })
	waitUntil(ctx, t, "docmill_bucket_watch_up 1", func() bool { return testutil.ToFloat64(bucketWatchUp.WithLabelValues("stuck")) == 1 })
	if !strings.Contains(b.Progress(), "last object settled") {
		t.Errorf("Progress = %q, want the object settled", b.Progress())
	}
}

// poll finds a consumer deleted under the watch: nats.go's iterator
// learns of a deletion only from a pull request open at the time (a
// deletion before its first pull left a watch waiting for good, and
// /healthz healthy), so the watch's own check of its consumer must.
func TestBucketPollFindsConsumerGone(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js, _ := folderBroker(ctx, t)
	testBucket(ctx, t, js, "polled")
	cons, err := js.CreateOrUpdateConsumer(ctx, "OBJ_polled", jetstream.ConsumerConfig{Durable: "docmill-bucket-polled",
		FilterSubject: "$O.polled.M.>", AckPolicy: jetstream.AckExplicitPolicy})
	if err != nil {
		t.Fatal(err)
	}
	b := &Bucket{Name: "polled", JS: js, Log: quietLog(), StallAfter: time.Second}
	b.started()
	if err := js.DeleteConsumer(ctx, "OBJ_polled", "docmill-bucket-polled"); err != nil {
		t.Fatal(err)
	}
	gone := make(chan error, 1)
	go b.poll(ctx, cons, func(err error) { gone <- err })
	select {
	case err := <-gone:
		if !errors.Is(err, jetstream.ErrConsumerNotFound) {
			t.Errorf("gone with %v, want the consumer not found", err)
		}
	case <-ctx.Done():
		t.Fatal("poll did not find the consumer gone")
	}
}

// Watch starts a stopped watch again: with its bucket deleted by hand, the
// bucket is made again and an object put into it is ingested; meanwhile
// Err says when the watch starts again. A stopped watch had stayed stopped
// until docmill restarted.
func TestBucketWatchStartsAgain(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	name := "phoenix"
	testBucket(ctx, t, js, name)
	b := &Bucket{Name: name, JS: js, Pub: &Publisher{JS: js}, Seen: seen, Log: quietLog(), RetryAfter: 300 * time.Millisecond}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); b.Watch(runCtx) }()
	defer func() { stop(); <-done }()
	waitUntil(ctx, t, "the watch to start", func() bool { return strings.HasPrefix(b.Progress(), "watching") })
	if err := js.DeleteObjectStore(ctx, name); err != nil {
		t.Fatal(err)
	}
	waitUntil(ctx, t, "the stop to show", func() bool {
		err := b.Err()
		return err != nil && strings.Contains(err.Error(), "starts again at")
	})
	waitUntil(ctx, t, "the watch to start again", func() bool { return b.Err() == nil && strings.HasPrefix(b.Progress(), "watching") })
	store, err := js.ObjectStore(ctx, name)
	if err != nil {
		t.Fatalf("the bucket was not made again: %v", err)
	}
	if _, err := store.PutString(ctx, "after.txt", "The Supplier shall deliver the goods."); err != nil {
		t.Fatal(err)
	}
	waitMsgs(ctx, t, js, 1)
	if up := testutil.ToFloat64(bucketWatchUp.WithLabelValues(name)); up != 1 {
		t.Errorf("docmill_bucket_watch_up = %v once the watch runs again, want 1", up)
	}
}
