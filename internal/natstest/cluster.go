package natstest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/pipeline/broker"
)

// Cluster runs n in-process NATS servers with JetStream routed into one
// cluster on loopback, connects a client named name to the first and
// creates docmill's streams with n replicas, retrying while the cluster
// elects its leaders: what replicated stores are made beside the streams
// can then be checked, which one server (it refuses more than one
// replica) cannot show. All are stopped when the test ends.
func Cluster(t testing.TB, name string, n int) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	opts := make([]*server.Options, n)
	for i := range opts {
		opts[i] = &server.Options{ServerName: fmt.Sprintf("%s-%d", name, i), Host: "127.0.0.1", Port: -1,
			JetStream: true, StoreDir: t.TempDir(), JetStreamMaxStore: 64 << 20, JetStreamMaxMemory: 16 << 20,
			NoLog: true, NoSigs: true}
		opts[i].Cluster.Name = name
	}
	servers := Routed(t, opts)
	nc, err := nats.Connect(servers[0].ClientURL(), nats.Name(name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	// until the meta leader is elected, API requests go unanswered
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = broker.EnsureStreams(ctx, js, broker.StreamOptions{Replicas: n, Owner: true})
		cancel()
		if err == nil {
			return nc, js
		}
		if time.Now().After(deadline) {
			t.Fatalf("docmill's streams with %d replicas: %v", n, err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// Routed starts one server per options, routed into one cluster on
// loopback (each gets a cluster port and routes to all), and waits until
// each takes clients; all are stopped when the test ends.
func Routed(t testing.TB, opts []*server.Options) []*server.Server {
	t.Helper()
	ports := Ports(t, len(opts))
	var routes []string
	for _, p := range ports {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", p))
	}
	var servers []*server.Server
	for i, o := range opts {
		o.Cluster.Host, o.Cluster.Port = "127.0.0.1", ports[i]
		o.Routes = server.RoutesFromStr(strings.Join(routes, ","))
		s, err := server.NewServer(o)
		if err != nil {
			t.Fatalf("server %d: %v", i, err)
		}
		if !o.NoLog {
			s.ConfigureLogger()
		}
		go s.Start()
		t.Cleanup(s.Shutdown)
		servers = append(servers, s)
	}
	for _, s := range servers {
		if !s.ReadyForConnections(10 * time.Second) {
			t.Fatalf("%s not ready", s.Name())
		}
	}
	return servers
}

// Settle runs f until it succeeds or ctx ends, trying again when a
// cluster's JetStream API is not answering yet (no responders, a timeout,
// a temporary unavailability): a cluster elects its leaders again under
// load, and a request in between fails though the next succeeds. A test
// that made its buckets once failed in CI with "no responders available".
func Settle(ctx context.Context, t testing.TB, what string, f func(context.Context) error) {
	t.Helper()
	for {
		try, cancel := context.WithTimeout(ctx, 10*time.Second)
		err := f(try)
		cancel()
		if err == nil {
			return
		}
		transient := errors.Is(err, nats.ErrNoResponders) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) ||
			errors.Is(err, jetstream.ErrJetStreamNotEnabled) || strings.Contains(err.Error(), "temporarily unavailable")
		if !transient || ctx.Err() != nil {
			t.Fatalf("%s: %v", what, err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}
