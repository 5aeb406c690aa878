package web

import (
	"sync"
	"time"
)

// pendingUploads remembers the documents this server accepted for a
// while, so that GET /api/documents/{id} can tell a client polling for a
// result "still processing" from "never heard of it" (both are 404 until
// the result is indexed).
type pendingUploads struct {
	mu sync.Mutex
	at map[string]time.Time
}

// Bounds: an upload is "processing" for at most pendingFor, and at most
// pendingMax are remembered (the oldest go first).
const (
	pendingFor = time.Hour
	pendingMax = 10000
)

func (p *pendingUploads) add(id string, now time.Time) {
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

// has reports whether id was accepted within pendingFor.
func (p *pendingUploads) has(id string, now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	t, ok := p.at[id]
	return ok && now.Sub(t) <= pendingFor
}
