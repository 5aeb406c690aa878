package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/web"
)

// IndexersBucket holds a heartbeat of every running indexer, by consumer.
const IndexersBucket = "docmill-indexers"

// peerBeat is how often an indexer renews its heartbeat; one that misses
// three is gone.
const peerBeat = 10 * time.Second

// peer is an indexer's heartbeat.
type peer struct {
	Host    string    `json:"host"`
	Data    string    `json:"data"`
	Role    string    `json:"role"`
	Started time.Time `json:"started"`
}

// peersBucket creates or opens IndexersBucket, trying again each
// heartbeat until it can or ctx ends (nil then): two processes starting
// together race to create it, and the loser's "stream name already in
// use" left it without heartbeats for its whole life.
func (s *Server) peersBucket(ctx context.Context) jetstream.KeyValue {
	warned := false
	for {
		kv, err := s.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: IndexersBucket,
			Description: "indexer heartbeats", Storage: jetstream.MemoryStorage, TTL: 3 * peerBeat, Replicas: s.o.Config.NATS.Replicas})
		if err == nil {
			return kv
		}
		if !warned {
			s.o.Log.Warn("indexer heartbeat bucket; trying again", "err", err)
			warned = true
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(min(peerBeat, time.Second)):
		}
	}
}

// watchPeers keeps this indexer's heartbeat in IndexersBucket and counts
// the other indexers on the same consumer. Indexers sharing a consumer
// share the results: with an index each, each index holds only part of
// the documents (as when `docmill serve`, which indexes, is used as the
// broker for a separate `docmill indexer`). Nothing stops that from
// running, so it must be loud: a warning, /healthz and a metric.
func (s *Server) watchPeers(ctx context.Context) {
	kv := s.peersBucket(ctx)
	if kv == nil {
		return
	}
	id := make([]byte, 8)
	_, _ = rand.Read(id)
	consumer := s.o.Config.Index.Consumer
	key := consumer + "." + hex.EncodeToString(id)
	host, _ := os.Hostname()
	data, err := filepath.Abs(s.o.Config.Data)
	if err != nil {
		data = s.o.Config.Data
	}
	me := peer{Host: host, Data: data, Role: string(s.o.Role), Started: time.Now().UTC()}
	beat, _ := json.Marshal(me)
	defer func() { _ = kv.Delete(context.Background(), key) }()
	t := time.NewTicker(peerBeat)
	defer t.Stop()
	warned := 0
	for {
		if _, err := kv.Put(ctx, key, beat); err == nil {
			others := s.countPeers(ctx, kv, consumer, key, me)
			s.setPeers(others)
			if others > 0 && others != warned {
				s.o.Log.Warn("other indexers share this one's consumer: each index holds only part of the documents; give each its own index.consumer, or run one",
					"consumer", consumer, "others", others)
			}
			warned = others
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// countPeers counts the live heartbeats on consumer other than own. A
// heartbeat from this host and data folder is this process's predecessor,
// killed before it could delete it (Bleve locks an index folder, so no
// live process shares it): it is deleted, not counted, or every restart
// after a crash would report a second indexer until the heartbeat expired.
func (s *Server) countPeers(ctx context.Context, kv jetstream.KeyValue, consumer, own string, me peer) int {
	keys, err := kv.ListKeys(ctx)
	if err != nil {
		return 0
	}
	n := 0
	for k := range keys.Keys() {
		if k == own || !strings.HasPrefix(k, consumer+".") {
			continue
		}
		if e, err := kv.Get(ctx, k); err == nil {
			var p peer
			if json.Unmarshal(e.Value(), &p) == nil && p.Host == me.Host && p.Data == me.Data {
				_ = kv.Delete(ctx, k)
				continue
			}
		}
		n++
	}
	return n
}

func (s *Server) setPeers(n int) {
	s.mu.Lock()
	s.peers = n
	s.mu.Unlock()
	s.metrics.IndexPeers.Set(float64(n))
}

// peersComponent is the /healthz entry for the indexer's consumer.
func (s *Server) peersComponent() web.Component {
	s.mu.Lock()
	n := s.peers
	s.mu.Unlock()
	c := s.o.Config.Index.Consumer
	if n == 0 {
		return web.Component{OK: true, Detail: "consumer " + c + ", no other indexer on it"}
	}
	return web.Component{OK: false, Detail: fmt.Sprintf("consumer %s shared with %d other indexer(s): each index holds only part of the documents; give each its own index.consumer", c, n)}
}
