package stream

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func init() { floorEvery = 100 * time.Millisecond }

func jsFor(t *testing.T) jetstream.JetStream {
	t.Helper()
	js, _ := jsIn(t, t.TempDir())
	return js
}

// jsIn is jsFor with the server's store in dir; it returns the server.
func jsIn(t *testing.T, dir string) (jetstream.JetStream, *server.Server) {
	t.Helper()
	s, err := server.NewServer(&server.Options{JetStream: true, StoreDir: dir, Port: -1, Host: "127.0.0.1", NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("not ready")
	}
	t.Cleanup(s.Shutdown)
	nc, err := nats.Connect(s.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, _ := jetstream.New(nc)
	if _, err := js.CreateOrUpdateStream(context.Background(), jetstream.StreamConfig{Name: "T", Subjects: []string{"t.>"}, Duplicates: time.Minute}); err != nil {
		t.Fatal(err)
	}
	return js, s
}

func publish(t *testing.T, p *Publisher, n int, prefix string) {
	t.Helper()
	for i := 0; i < n; i++ {
		if err := p.Publish("t.x", message.NewMessage(fmt.Sprintf("%s-%d", prefix, i), []byte(fmt.Sprint(i)))); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDurableAcrossCloseAndDedup(t *testing.T) {
	js := jsFor(t)
	pub := NewPublisher(js)
	publish(t, pub, 10, "a")
	publish(t, pub, 10, "a") // same ids: de-duplicated by the server
	cfg := SubscriberConfig{Durable: "d", Concurrency: 2, AckWait: 5 * time.Second}
	sub := NewSubscriber(js, cfg, nil)
	ch, err := sub.Subscribe(context.Background(), "t.>")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		(<-ch).Ack()
	}
	sub.Close()
	// The durable consumer survives Close: a new subscriber resumes after
	// the acked messages instead of replaying the stream.
	publish(t, pub, 2, "b")
	sub2 := NewSubscriber(js, cfg, nil)
	defer sub2.Close()
	ch2, err := sub2.Subscribe(context.Background(), "t.>")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	// what the first subscriber had fetched ahead comes back afterStop
	// after its Close
	timeout := time.After(afterStop + 10*time.Second)
	for seen < 8 {
		select {
		case m := <-ch2:
			m.Ack()
			seen++
		case <-timeout:
			t.Fatalf("got %d of 8 remaining messages", seen)
		}
	}
	select {
	case m := <-ch2:
		t.Fatalf("unexpected extra message %s: acked work replayed or duplicates kept", m.UUID)
	case <-time.After(500 * time.Millisecond):
	}
	c, _ := js.Consumer(context.Background(), "T", "d")
	info, _ := c.Info(context.Background())
	if info.NumAckPending != 0 || info.NumPending != 0 {
		t.Fatalf("consumer not drained: %+v", info)
	}
}

func TestNackRedeliversWithAttemptCount(t *testing.T) {
	js := jsFor(t)
	publish(t, NewPublisher(js), 1, "n")
	sub := NewSubscriber(js, SubscriberConfig{Durable: "n", Concurrency: 1, MaxDeliver: 3,
		Backoff: func(int) time.Duration { return 50 * time.Millisecond }}, nil)
	defer sub.Close()
	ch, err := sub.Subscribe(context.Background(), "t.>")
	if err != nil {
		t.Fatal(err)
	}
	for want := 1; want <= 3; want++ {
		select {
		case m := <-ch:
			if got := m.Metadata.Get(MetaDelivered); got != fmt.Sprint(want) {
				t.Fatalf("attempt %s, want %d", got, want)
			}
			if m.Metadata.Get(MetaSubject) != "t.x" {
				t.Fatalf("subject metadata %q", m.Metadata.Get(MetaSubject))
			}
			m.Nack()
		case <-time.After(10 * time.Second):
			t.Fatalf("no delivery %d", want)
		}
	}
	select {
	case <-ch:
		t.Fatal("delivered beyond MaxDeliver")
	case <-time.After(500 * time.Millisecond):
	}
}

func TestExponentialBackoff(t *testing.T) {
	b := ExponentialBackoff(time.Second, 5*time.Second)
	for attempt, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 4: 5 * time.Second, 9: 5 * time.Second} {
		if got := b(attempt); got != want {
			t.Errorf("attempt %d: %v, want %v", attempt, got, want)
		}
	}
}

// A message published without Nats-Msg-Id (by a plain NATS client) keeps
// one id across redeliveries, so ids derived from it de-duplicate.
func TestIDStableAcrossRedeliveryWithoutMsgID(t *testing.T) {
	js := jsFor(t)
	if _, err := js.Publish(context.Background(), "t.plain", []byte("x")); err != nil {
		t.Fatal(err)
	}
	sub := NewSubscriber(js, SubscriberConfig{Durable: "p", Concurrency: 1, MaxDeliver: 2,
		Backoff: func(int) time.Duration { return 20 * time.Millisecond }}, nil)
	defer sub.Close()
	ch, err := sub.Subscribe(context.Background(), "t.>")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for len(ids) < 2 {
		select {
		case m := <-ch:
			ids = append(ids, m.UUID)
			m.Nack()
		case <-time.After(10 * time.Second):
			t.Fatalf("got %d deliveries of 2", len(ids))
		}
	}
	if ids[0] != ids[1] || ids[0] != "T:1" {
		t.Fatalf("ids %q, want T:1 twice", ids)
	}
}

// A DeliverNew consumer (a shadow model's) starts at messages published
// after it is created, not at the stream's history; created again (a
// restart), it keeps its place: nothing is delivered twice or skipped.
func TestDeliverNewSkipsHistory(t *testing.T) {
	js := jsFor(t)
	ctx := context.Background()
	if _, err := js.Publish(ctx, "t.old", []byte("history")); err != nil {
		t.Fatal(err)
	}
	next := func(ch <-chan *message.Message) string {
		t.Helper()
		select {
		case m := <-ch:
			m.Ack()
			return string(m.Payload)
		case <-time.After(10 * time.Second):
			t.Fatal("nothing delivered")
			return ""
		}
	}
	open := func() (*Subscriber, <-chan *message.Message) {
		sub := NewSubscriber(js, SubscriberConfig{Durable: "shadow", Concurrency: 1, DeliverNew: true}, nil)
		ch, err := sub.Subscribe(ctx, "t.>")
		if err != nil {
			t.Fatal(err)
		}
		return sub, ch
	}
	sub, ch := open()
	if _, err := js.Publish(ctx, "t.new", []byte("live")); err != nil {
		t.Fatal(err)
	}
	if got := next(ch); got != "live" {
		t.Fatalf("first delivery %q, want the message published after the consumer", got)
	}
	sub.Close()
	if _, err := js.Publish(ctx, "t.new", []byte("while down")); err != nil {
		t.Fatal(err)
	}
	sub, ch = open()
	defer sub.Close()
	if got := next(ch); got != "while down" {
		t.Fatalf("after a restart %q, want the message published while it was down", got)
	}
}

// recv waits for the next message on ch.
func recv(t *testing.T, ch <-chan *message.Message, what string) *message.Message {
	t.Helper()
	select {
	case m, ok := <-ch:
		if !ok {
			t.Fatalf("%s: the subscription closed", what)
		}
		return m
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: nothing delivered", what)
	}
	return nil
}

// A consumer deleted by hand, and a stream lost with the broker's store,
// are declared again: the subscription goes on instead of closing (a
// worker exited) or waiting forever (an indexer did).
func TestConsumerAndStreamDeclaredAgain(t *testing.T) {
	js := jsFor(t)
	ctx := context.Background()
	streamCfg := jetstream.StreamConfig{Name: "T", Subjects: []string{"t.>"}, Duplicates: time.Minute}
	ensured := 0
	cfg := SubscriberConfig{Stream: "T", Durable: "d", Concurrency: 2, AckWait: 5 * time.Second,
		Ensure: func(ctx context.Context) error {
			ensured++
			_, err := js.CreateOrUpdateStream(ctx, streamCfg)
			return err
		}}
	sub := NewSubscriber(js, cfg, nil)
	defer sub.Close()
	ch, err := sub.Subscribe(ctx, "t.>")
	if err != nil {
		t.Fatal(err)
	}
	pub := NewPublisher(js)
	publish(t, pub, 1, "a")
	publish(t, pub, 3, "a")
	for i := 0; i < 3; i++ {
		recv(t, ch, "before").Ack()
	}
	waitAcked(t, js, 3)
	time.Sleep(3 * floorEvery) // the subscriber sees the ack floor
	if err := js.DeleteConsumer(ctx, "T", "d"); err != nil {
		t.Fatal(err)
	}
	publish(t, pub, 1, "b")
	// the consumer declared again starts after the ack floor: nothing
	// published meanwhile is lost, nothing is delivered again
	if m := recv(t, ch, "after the consumer was deleted"); m.UUID != "b-0" {
		t.Fatalf("after the consumer was deleted: got %s, want b-0", m.UUID)
	} else {
		m.Ack()
	}
	if err := js.DeleteStream(ctx, "T"); err != nil {
		t.Fatal(err)
	}
	// publishes fail until the stream is back
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if _, err := js.Stream(ctx, "T"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the stream was not declared again")
		}
	}
	if st, err := js.Stream(ctx, "T"); err != nil || st.CachedInfo().State.FirstSeq > 1 {
		t.Fatalf("the stream declared again is not new: %+v %v", st.CachedInfo().State, err)
	}
	publish(t, pub, 1, "c")
	// a new stream numbers its messages from 1 again: its first is not
	// skipped for the old stream's place
	if m := recv(t, ch, "after the stream was lost"); m.UUID != "c-0" {
		t.Fatalf("after the stream was lost: got %s, want c-0", m.UUID)
	} else {
		m.Ack()
	}
	if ensured == 0 || sub.Err() != nil {
		t.Errorf("ensured %d times, Err %v", ensured, sub.Err())
	}
}

// A message fetched and not acked when its consumer goes (given back,
// or still at work) is delivered again by the consumer declared in its
// place.
func TestConsumerDeclaredAgainKeepsUnacked(t *testing.T) {
	js := jsFor(t)
	ctx := context.Background()
	sub := NewSubscriber(js, SubscriberConfig{Stream: "T", Durable: "d", Concurrency: 2, AckWait: 5 * time.Second}, nil)
	defer sub.Close()
	ch, err := sub.Subscribe(ctx, "t.>")
	if err != nil {
		t.Fatal(err)
	}
	pub := NewPublisher(js)
	publish(t, pub, 2, "a")
	first, second := recv(t, ch, "a-0"), recv(t, ch, "a-1")
	if first.UUID != "a-0" {
		first, second = second, first
	}
	second.Ack()
	if err := js.DeleteConsumer(ctx, "T", "d"); err != nil {
		t.Fatal(err)
	}
	first.Nack() // given back to a consumer that is gone
	publish(t, pub, 1, "b")
	// it resumes at a-0, so a-1 (acked after it) may come again
	got := map[string]int{}
	for got["a-0"] == 0 || got["b-0"] == 0 {
		m := recv(t, ch, "after the consumer was deleted")
		got[m.UUID]++
		m.Ack()
	}
	if got["a-0"] != 1 || got["b-0"] != 1 {
		t.Fatalf("got %v, want a-0 and b-0 once each", got)
	}
}

// A subscriber that has fetched nothing (a process restarted) declares a
// deleted consumer after its ack floor too, not from the stream's start;
// it counts as fetching again at once, with no message to prove it; and
// the consumer it declares is kept on disk across a broker restart (one
// declared the instant the old one went lost its store to the server's
// clean-up).
func TestConsumerDeclaredAgainByIdleReplica(t *testing.T) {
	dir := t.TempDir()
	js, srv := jsIn(t, dir)
	ctx := context.Background()
	cfg := SubscriberConfig{Stream: "T", Durable: "d", Concurrency: 2, AckWait: 5 * time.Second}
	first := NewSubscriber(js, cfg, nil)
	ch, err := first.Subscribe(ctx, "t.>")
	if err != nil {
		t.Fatal(err)
	}
	publish(t, NewPublisher(js), 3, "a")
	for i := 0; i < 3; i++ {
		recv(t, ch, "a").Ack()
	}
	waitAcked(t, js, 3)
	first.Close()
	idle := NewSubscriber(js, cfg, nil)
	defer idle.Close()
	ch, err = idle.Subscribe(ctx, "t.>")
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * floorEvery)
	if err := js.DeleteConsumer(ctx, "T", "d"); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := js.Consumer(ctx, "T", "d"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the consumer was not declared again")
		}
	}
	time.Sleep(200 * time.Millisecond)
	idle.failMu.Lock()
	failing := idle.failErr
	idle.failMu.Unlock()
	if failing != nil {
		t.Errorf("still failing after the consumer was declared again: %v", failing)
	}
	if obs, _ := filepath.Glob(filepath.Join(dir, "jetstream", "*", "streams", "T", "obs", "d")); len(obs) == 0 {
		t.Errorf("the consumer declared again has no store on disk")
	}
	publish(t, NewPublisher(js), 1, "b")
	if m := recv(t, ch, "after the consumer was deleted"); m.UUID != "b-0" {
		t.Fatalf("got %s, want b-0", m.UUID)
	} else {
		m.Ack()
	}
	_ = srv
}

// A missed heartbeat (a broker stalled for seconds) is over once the
// broker answers that the consumer is there: an idle subscriber does not
// stay "fetching nothing" until its next message.
func TestStallOverWithoutMessages(t *testing.T) {
	js := jsFor(t)
	sub := NewSubscriber(js, SubscriberConfig{Stream: "T", Durable: "d", AckWait: 5 * time.Second}, nil)
	defer sub.Close()
	if _, err := sub.Subscribe(context.Background(), "t.>"); err != nil {
		t.Fatal(err)
	}
	stall := errors.New("nats: no heartbeat received")
	sub.fetched(stall)
	sub.failMu.Lock()
	sub.failing = time.Now().Add(-time.Hour)
	sub.failMu.Unlock()
	if sub.Err() == nil {
		t.Fatal("a stall of an hour not reported")
	}
	f := &fetcher{s: sub, subject: "t.>"}
	f.fix(context.Background(), nil, stall)
	if err := sub.Err(); err != nil {
		t.Errorf("still failing once the broker answered: %v", err)
	}
}

// waitAcked waits until consumer d of stream T has its first n messages
// acked on the server.
func waitAcked(t *testing.T, js jetstream.JetStream, n uint64) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		c, err := js.Consumer(context.Background(), "T", "d")
		if err == nil {
			if info, err := c.Info(context.Background()); err == nil && info.AckFloor.Stream >= n {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages not acked", n)
		}
	}
}

// Messages fetched but not yet handed out when the subscriber closes go
// back to the server, for another replica, after afterStop (past the
// expiry of the closed subscriber's pull request), instead of waiting out
// AckWait.
func TestCloseHandsBackFetched(t *testing.T) {
	js := jsFor(t)
	ctx := context.Background()
	pub := NewPublisher(js)
	publish(t, pub, 8, "a")
	cfg := SubscriberConfig{Stream: "T", Durable: "d", Concurrency: 4, AckWait: time.Minute}
	sub := NewSubscriber(js, cfg, nil)
	ch, err := sub.Subscribe(ctx, "t.>")
	if err != nil {
		t.Fatal(err)
	}
	recv(t, ch, "first").Ack()
	time.Sleep(300 * time.Millisecond) // let the client fetch ahead
	sub.Close()
	// a replica that starts now gets the other seven, long before AckWait
	sub2 := NewSubscriber(js, cfg, nil)
	defer sub2.Close()
	ch2, err := sub2.Subscribe(ctx, "t.>")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	deadline := time.After(afterStop + 10*time.Second)
	for len(seen) < 7 {
		select {
		case m := <-ch2:
			seen[m.UUID] = true
			m.Ack()
		case <-deadline:
			t.Fatalf("after Close only %d of 7 messages came back before their AckWait (%v)", len(seen), seen)
		}
	}
}

// A consumer deleted while no subscriber ran is declared again after the
// ack floor its last subscriber saved, not at the stream's first message
// (which would analyse and publish every document again); without saved
// floors it starts at the first.
func TestConsumerDeletedWhileDownResumesAtSavedFloor(t *testing.T) {
	js := jsFor(t)
	ctx := context.Background()
	kv, err := js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: "floors"})
	if err != nil {
		t.Fatal(err)
	}
	pub := NewPublisher(js)
	run := func(floors jetstream.KeyValue, durable string, n int, what string) []string {
		t.Helper()
		sub := NewSubscriber(js, SubscriberConfig{Stream: "T", Durable: durable, Concurrency: 1, Floors: floors}, nil)
		defer sub.Close()
		ch, err := sub.Subscribe(ctx, "t.>")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for range n {
			m := recv(t, ch, what)
			got = append(got, m.UUID)
			m.Ack()
		}
		time.Sleep(5 * floorEvery) // the floor is seen and saved
		return got
	}
	publish(t, pub, 3, "a")
	run(kv, "saved", 3, "first run")
	run(nil, "unsaved", 3, "first run, no floors")
	for _, d := range []string{"saved", "unsaved"} {
		if err := js.DeleteConsumer(ctx, "T", d); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(2 * time.Second) // the server drops the consumers' stores
	publish(t, pub, 1, "b")
	if got := run(kv, "saved", 1, "after the consumer was deleted"); got[0] != "b-0" {
		t.Errorf("with saved floors the consumer declared again delivered %v first, want b-0", got)
	}
	if got := run(nil, "unsaved", 1, "after the consumer was deleted, no floors"); got[0] != "a-0" {
		t.Errorf("without saved floors %v first, want the stream's first, a-0", got)
	}
}
