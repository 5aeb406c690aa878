package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
)

// startRole runs a second process (worker or indexer) on h's broker, with
// its own data folder and the model off; edit adjusts its config.
func startRole(t *testing.T, h *harness, role Role, edit func(*config.Config)) *Server {
	t.Helper()
	return startRoleAt(t, h.srv.NATSURL(), role, edit)
}

// startRoleAt is startRole on the broker at url.
func startRoleAt(t *testing.T, url string, role Role, edit func(*config.Config)) *Server {
	t.Helper()
	c := config.Default()
	c.Data, c.NATS.URL, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), url, "127.0.0.1:0", true
	if edit != nil {
		edit(c)
	}
	return runUntilEnd(t, Options{Config: c, Role: role}, nil)
}

// startIndexer runs a separate indexer on h's broker with its own index.
func startIndexer(t *testing.T, h *harness, consumer string) *Server {
	t.Helper()
	return startRole(t, h, RoleIndexer, func(c *config.Config) { c.Index.Consumer = consumer })
}

// An indexer joining serve's consumer (serve indexes too) is told that
// each index will hold part of the documents; one on a consumer of its own
// keeps a complete replica and hears nothing.
func TestIndexersSharingAConsumerAreReported(t *testing.T) {
	h := start(t, t.TempDir(), "")
	shared := startIndexer(t, h, "docmill-indexer")
	// If serve's first heartbeat came after the indexer's, the indexer
	// sees it only at its next beat, peerBeat (10 s) later: leave room.
	waitFor(t, "shared consumer reported", time.Minute, func() bool {
		c := shared.Health()["index_consumer"]
		return !c.OK && strings.Contains(c.Detail, "shared with 1 other")
	})
	own := startIndexer(t, h, "docmill-indexer-replica")
	time.Sleep(500 * time.Millisecond) // its first heartbeat
	if c := own.Health()["index_consumer"]; !c.OK {
		t.Errorf("indexer on its own consumer: %+v", c)
	}
	// the replica gets every result; serve and the indexer sharing its
	// consumer get one copy between them
	if _, err := h.srv.Publisher().Publish(context.Background(), connectors.Doc{Filename: "memo.txt",
		Data: []byte("A memo about the quarterly supplier review and audit findings.")}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "indexed by serve and the replica", 30*time.Second, func() bool {
		n, _ := own.Index().Count()
		a, _ := h.srv.Index().Count()
		b, _ := shared.Index().Count()
		return n == 1 && a+b == 1
	})
}

// An indexer restarted after a kill -9 finds the heartbeat its dead
// predecessor left (same host, same data folder) and deletes it instead of
// reporting a second indexer for half a minute (an alert on
// docmill_index_consumer_peers fired after every crash).
func TestStaleHeartbeatOfOwnPredecessorIgnored(t *testing.T) {
	h := start(t, t.TempDir(), "")
	nc, err := nats.Connect(h.srv.NATSURL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	// the server creates the bucket as the test does, at the same time:
	// the loser of that race is told "stream name already in use"
	var kv jetstream.KeyValue
	waitFor(t, "the heartbeat bucket", 30*time.Second, func() bool {
		kv, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: IndexersBucket, Storage: jetstream.MemoryStorage, TTL: 3 * peerBeat})
		return err == nil
	})
	data := t.TempDir()
	host, _ := os.Hostname()
	stale, _ := json.Marshal(peer{Host: host, Data: data, Role: "indexer", Started: time.Now().Add(-time.Hour)})
	put := time.Now()
	if _, err := kv.Put(ctx, "docmill-indexer-solo.0123456789abcdef", stale); err != nil {
		t.Fatal(err)
	}
	other, _ := json.Marshal(peer{Host: "elsewhere", Data: data, Role: "indexer"})
	if _, err := kv.Put(ctx, "docmill-indexer-pair.0123456789abcdef", other); err != nil {
		t.Fatal(err)
	}
	solo := startRole(t, h, RoleIndexer, func(c *config.Config) { c.Data, c.Index.Consumer = data, "docmill-indexer-solo" })
	// Its first heartbeat deletes the stale one. It runs in its own
	// goroutine, so wait for it (a fixed 500 ms was too short on a loaded
	// machine), but not until the bucket's TTL (3*peerBeat after the put)
	// would remove the stale heartbeat anyway.
	waitFor(t, "stale heartbeat deleted", time.Until(put.Add(2*peerBeat)), func() bool {
		_, err := kv.Get(ctx, "docmill-indexer-solo.0123456789abcdef")
		return errors.Is(err, jetstream.ErrKeyNotFound)
	})
	if c := solo.Health()["index_consumer"]; !c.OK {
		t.Errorf("own predecessor counted: %+v", c)
	}
	// a heartbeat from another host is a live peer; put again, as a live
	// peer would renew it, so that the TTL cannot expire it while a slow
	// machine starts the indexer
	if _, err := kv.Put(ctx, "docmill-indexer-pair.0123456789abcdef", other); err != nil {
		t.Fatal(err)
	}
	pair := startRole(t, h, RoleIndexer, func(c *config.Config) { c.Index.Consumer = "docmill-indexer-pair" })
	waitFor(t, "peer on another host reported", 15*time.Second, func() bool { return !pair.Health()["index_consumer"].OK })
}

// A taken HTTP port fails the start at once, before the broker, the model
// and the pipeline start (and log errors of their own on the way down).
func TestHTTPPortTakenFailsFirst(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	c := config.Default()
	c.Data, c.NATS.Listen, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), "", l.Addr().String(), true
	err = Run(context.Background(), Options{Config: c, Role: RoleServe, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err == nil || !strings.Contains(err.Error(), l.Addr().String()) {
		t.Fatalf("taken port: %v", err)
	}
	if _, err := os.Stat(filepath.Join(c.Data, "jetstream")); err == nil {
		t.Error("the broker started before the port was checked")
	}
}

// A second serve or indexer on a data folder in use fails at once, naming
// the holder; it used to wait without end for Bleve's lock, its HTTP port
// bound and SIGTERM ignored.
func TestDataFolderInUseFailsFast(t *testing.T) {
	h := start(t, t.TempDir(), "")
	c := config.Default()
	c.Data, c.NATS.URL, c.HTTP.Listen, c.Model.Disabled = h.dir, h.srv.NATSURL(), "127.0.0.1:0", true
	done := make(chan error, 1)
	go func() {
		done <- Run(context.Background(), Options{Config: c, Role: RoleIndexer, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "in use by another docmill process (pid ") {
			t.Fatalf("second indexer: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a second indexer on the same data folder hung")
	}
}
