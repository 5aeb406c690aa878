package stream

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func jsFor(t *testing.T) jetstream.JetStream {
	t.Helper()
	s, err := server.NewServer(&server.Options{JetStream: true, StoreDir: t.TempDir(), Port: -1, Host: "127.0.0.1", NoSigs: true})
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
	if _, err := js.CreateStream(context.Background(), jetstream.StreamConfig{Name: "T", Subjects: []string{"t.>"}, Duplicates: time.Minute}); err != nil {
		t.Fatal(err)
	}
	return js
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
	timeout := time.After(10 * time.Second)
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
