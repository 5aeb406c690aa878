package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
)

// freeAddr is a loopback address nothing listens on (for now).
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// A worker started before its broker waits for it: it exited at once with
// "no servers available", so a deployment started all at once (compose, a
// pod before the NATS StatefulSet, a reboot) depended on its supervisor's
// restart back-off to come up at all.
func TestWorkerWaitsForBrokerAtStart(t *testing.T) {
	addr := freeAddr(t)
	c := config.Default()
	c.Data, c.NATS.URL, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), "nats://"+addr, "127.0.0.1:0", true
	started := make(chan *Server, 1)
	done := make(chan error, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := Options{Config: c, Role: RoleWorker, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Started: func(s *Server) { started <- s }}
	go func() { done <- Run(ctx, o) }()
	select {
	case err := <-done:
		t.Fatalf("the worker gave up before its broker started: %v", err)
	case <-time.After(2 * time.Second):
	}
	startBroker(t, func(c *config.Config) { c.NATS.Listen = addr })
	select {
	case <-started:
	case err := <-done:
		t.Fatalf("worker: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("the worker did not start once its broker was up")
	}
	// stopped before the broker (cleanups run last first)
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("worker returned: %v", err)
		}
	})
}

// Refused credentials end the start at once: no wait mends them.
func TestWorkerRefusedByBrokerFailsAtOnce(t *testing.T) {
	b := startBroker(t, func(c *config.Config) { c.NATS.Token = "right" })
	c := config.Default()
	c.Data, c.NATS.URL, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), b.NATSURL(), "127.0.0.1:0", true
	c.NATS.Token = "wrong"
	start := time.Now()
	err := Run(context.Background(), Options{Config: c, Role: RoleWorker, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "authorization") {
		t.Errorf("Run = %v, want the broker's refusal", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("a refused worker took %v to give up", d)
	}
}
