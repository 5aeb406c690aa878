// Package natstest runs an in-process NATS server with JetStream and
// docmill's streams for tests: the real broker, not a mock of it.
package natstest

import (
	"context"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/pipeline/broker"
)

// Start runs the server in a temporary folder, connects a client named
// name and creates docmill's streams; all are stopped when the test ends.
func Start(t testing.TB, name string) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	_, nc, js := start(t, name, "")
	return nc, js
}

// Listening is Start with a client port on loopback, whose URL it returns,
// for docmill processes run beside the test.
func Listening(t testing.TB, name string) (string, *nats.Conn, jetstream.JetStream) {
	t.Helper()
	return start(t, name, "127.0.0.1:-1")
}

// Broker is Listening that also returns the broker, for tests that stop
// it while a client stays (and keeps reconnecting).
func Broker(t testing.TB, name string) (*broker.Embedded, string, *nats.Conn, jetstream.JetStream) {
	t.Helper()
	e := embedded(t, "127.0.0.1:-1")
	url, nc, js := connect(t, e, name)
	return e, url, nc, js
}

func start(t testing.TB, name, listen string) (string, *nats.Conn, jetstream.JetStream) {
	t.Helper()
	return connect(t, embedded(t, listen), name)
}

func embedded(t testing.TB, listen string) *broker.Embedded {
	t.Helper()
	e, err := broker.StartEmbedded(broker.EmbeddedOptions{StoreDir: t.TempDir(), Listen: listen})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	return e
}

func connect(t testing.TB, e *broker.Embedded, name string) (string, *nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, err := e.Connect(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	return e.ClientURL(), nc, js
}

// PutsLeaveNoPublisher runs put 800 times from 8 goroutines and fails t
// if any goroutine of nats.go's async publisher is then left waiting on a
// nil channel, as jetstream.ObjectStore.Put (v1.55.0) leaves one for a few
// percent of calls; docmill's object writes must start none. Only
// goroutines added during the puts count, since the profile covers the
// whole test binary and an earlier test may have left one.
func PutsLeaveNoPublisher(t *testing.T, put func(writer, i int) error) {
	t.Helper()
	before := strandedPublishers(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				if err := put(w, i); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if leaked := strandedPublishers(t) - before; leaked > 0 {
		t.Fatalf("%d goroutines of nats.go's async publisher wait on a nil channel after 800 puts", leaked)
	}
}

// strandedPublishers counts the goroutines of nats.go's async publisher
// that wait on a nil channel.
func strandedPublishers(t *testing.T) int {
	t.Helper()
	var b strings.Builder
	if err := pprof.Lookup("goroutine").WriteTo(&b, 2); err != nil {
		t.Fatalf("goroutine profile: %v", err)
	}
	n := 0
	for _, g := range strings.Split(b.String(), "\n\n") {
		if strings.Contains(g, "jetStream).resetPendingAcksOnReconnect") && strings.Contains(g, "(nil chan)") {
			n++
		}
	}
	return n
}

// Info is the state and configuration of stream name.
func Info(ctx context.Context, t testing.TB, js jetstream.JetStream, name string) *jetstream.StreamInfo {
	t.Helper()
	st, err := js.Stream(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return info
}
