package server

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"
)

// runUntilEnd runs a process with o (its log to logs, or nowhere) until the
// test ends, and returns it once it has started. A start that fails or
// takes over a minute fails t, and so does an error returned at the end.
func runUntilEnd(t *testing.T, o Options, logs io.Writer) *Server {
	t.Helper()
	if logs == nil {
		logs = io.Discard
	}
	o.Log = slog.New(slog.NewTextHandler(logs, nil))
	started := make(chan *Server, 1)
	o.Started = func(s *Server) { started <- s }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, o) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("%s returned: %v", o.Role, err)
		}
	})
	select {
	case s := <-started:
		return s
	case err := <-done:
		done <- nil // reported here; the cleanup only waits
		t.Fatalf("%s: %v", o.Role, err)
	case <-time.After(60 * time.Second):
		t.Fatalf("%s did not start", o.Role)
	}
	return nil
}
