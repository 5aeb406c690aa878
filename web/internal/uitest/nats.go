package uitest

import (
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/internal/natstest"
)

// StartNATS runs an in-process NATS server with JetStream and docmill's
// streams, stopped when the test ends.
func StartNATS(t testing.TB, name string) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	return natstest.Start(t, name)
}
