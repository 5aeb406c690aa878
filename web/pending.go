package web

import (
	"context"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// pendingUploads remembers the documents this server accepted for a
// while, so that GET /api/documents/{id} can tell a client polling for a
// result "still processing" from "never heard of it" (both are 404 until
// the result is indexed). With a broker, they are also kept in the KV
// bucket PendingBucket, so that any docmill behind the same load balancer
// answers for an upload another one took.
type pendingUploads struct {
	mu sync.Mutex
	at map[string]time.Time
	kv jetstream.KeyValue // optional
}

// PendingBucket is the KV bucket of uploads accepted in the last
// pendingFor, shared by every docmill on one broker.
const PendingBucket = "docmill-pending"

// openPending creates or opens PendingBucket; its entries expire by
// themselves after pendingFor.
func openPending(ctx context.Context, js jetstream.JetStream, replicas int) (jetstream.KeyValue, error) {
	return js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: PendingBucket, TTL: pendingFor,
		Description: "uploads accepted and not yet indexed, for GET /api/documents/{id}", Storage: jetstream.FileStorage,
		Replicas: max(replicas, 1)})
}

// Bounds: an upload is "processing" for at most pendingFor, and at most
// pendingMax are remembered (the oldest go first).
const (
	pendingFor = time.Hour
	pendingMax = 10000
)

func (p *pendingUploads) add(ctx context.Context, id string, now time.Time) {
	if p.kv != nil {
		// best effort: the local map answers for this server either way
		kctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		_, _ = p.kv.Put(kctx, id, []byte(now.UTC().Format(time.RFC3339Nano)))
		cancel()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.at == nil {
		p.at = map[string]time.Time{}
	}
	if len(p.at) >= pendingMax {
		p.prune(now)
	}
	p.at[id] = now
}

// prune drops the expired entries and, if still full, the oldest half.
func (p *pendingUploads) prune(now time.Time) {
	var kept []time.Time
	for id, t := range p.at {
		if now.Sub(t) > pendingFor {
			delete(p.at, id)
		} else {
			kept = append(kept, t)
		}
	}
	if len(p.at) < pendingMax {
		return
	}
	// still full: keep the newer half of the time range
	cut := midpoint(kept)
	for id, t := range p.at {
		if !t.After(cut) {
			delete(p.at, id)
		}
	}
}

// midpoint is halfway between the earliest and the latest of ts.
func midpoint(ts []time.Time) time.Time {
	if len(ts) == 0 {
		return time.Time{}
	}
	lo, hi := ts[0], ts[0]
	for _, t := range ts {
		if t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	return lo.Add(hi.Sub(lo) / 2)
}

// has reports whether id was accepted within pendingFor, here or by
// another docmill on the broker.
func (p *pendingUploads) has(ctx context.Context, id string, now time.Time) bool {
	p.mu.Lock()
	t, ok := p.at[id]
	p.mu.Unlock()
	if ok && now.Sub(t) <= pendingFor {
		return true
	}
	if p.kv == nil {
		return false
	}
	e, err := p.kv.Get(ctx, id)
	if err != nil {
		return false
	}
	t, err = time.Parse(time.RFC3339Nano, string(e.Value()))
	return err == nil && now.Sub(t) <= pendingFor
}
