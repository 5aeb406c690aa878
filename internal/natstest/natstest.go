// Package natstest runs an in-process NATS server with JetStream and
// docmill's streams for tests: the real broker, not a mock of it.
package natstest

import (
	"context"
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
	e, err := broker.StartEmbedded(broker.EmbeddedOptions{StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
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
	return nc, js
}
