package web

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline"
)

// pendingUploads remembers the documents this server accepted for a
// while, so that GET /api/documents/{id} can tell a client polling for a
// result "still processing" from "never heard of it" (both are 404 until
// the result is indexed). With a broker it also asks
// pipeline.ProcessingBucket, where every docmill publisher records what
// it sent (uploads here or on another replica, watched folders and
// buckets, backfills) and the indexers mark what they indexed (read by
// pipeline.Processing.IndexedElsewhere).
type pendingUploads struct {
	mu   sync.Mutex
	at   map[string]time.Time
	proc *pipeline.Processing // optional

	countMu  sync.Mutex    // one count at a time; the others wait for it
	countAt  time.Time     // when count was read (zero: never)
	countFor time.Duration // how long count is reused (see countReuse)
	count    int
}

// countFresh is how long the search page reuses a count of the documents
// on their way: it asks on every view, and a count a moment old is as
// good to a reader who reloads to see them arrive.
const countFresh = 2 * time.Second

// A count reads every document id of the last hour from the broker and
// asks the index about each: about 45 ms for 5,000 ids and 130 ms for
// 20,000 with the broker in process (BenchmarkPendingCount*), about
// 300 ms for 4,000 over TCP beside a busy worker, growing with a
// backfill. So a count is reused for n/countIDsPerSecond seconds for n
// ids, and for countCostFactor times what it took (at least countFresh,
// at most countStale): the pages of a busy hour then spend at most about
// 5% of their time counting, however many documents it brought and
// however slow the broker, rather than one count every two seconds.
const (
	countIDsPerSecond = 2000
	countCostFactor   = 20
	countStale        = time.Minute
)

// countReuse is how long a count of n ids that took took is reused.
func countReuse(n int, took time.Duration) time.Duration {
	d := max(time.Duration(n)*time.Second/countIDsPerSecond, countCostFactor*took, countFresh)
	return min(d, countStale)
}

// Bounds: an upload is "processing" for at most pendingFor, and at most
// pendingMax are remembered (the oldest go first).
const (
	pendingFor = pipeline.ProcessingFor
	pendingMax = 10000
)

// add remembers upload id here; the publisher recorded it for the others.
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

// has reports whether id was accepted within pendingFor and is not
// indexed yet, here or by another docmill on the broker.
func (p *pendingUploads) has(ctx context.Context, id string, now time.Time) bool {
	p.mu.Lock()
	t, ok := p.at[id]
	p.mu.Unlock()
	if ok && now.Sub(t) <= pendingFor {
		return true
	}
	_, ok = p.proc.Since(ctx, id, now)
	return ok
}

// byPrefix is the one document on its way, uploaded here or recorded in
// pipeline.ProcessingBucket, whose id starts with prefix; "" when none or
// several are.
func (p *pendingUploads) byPrefix(ctx context.Context, prefix string) string {
	if !document.IsIDPrefix(prefix) {
		return ""
	}
	found := ""
	p.mu.Lock()
	for id := range p.at {
		if strings.HasPrefix(id, prefix) {
			if found != "" && found != id {
				p.mu.Unlock()
				return ""
			}
			found = id
		}
	}
	p.mu.Unlock()
	if found != "" {
		return found
	}
	return p.proc.ByPrefix(ctx, prefix)
}

// forget drops id, deleted: it is no longer on its way anywhere.
func (p *pendingUploads) forget(ctx context.Context, id string) {
	p.mu.Lock()
	delete(p.at, id)
	p.mu.Unlock()
	_ = p.proc.Done(ctx, id)
}

// processing is how many documents, from any publisher on the broker,
// are on their way to this server's index now: accepted or indexed
// elsewhere within pipeline.ProcessingFor, and not in the index yet (0
// without a broker or an index, or when the count cannot be read: the
// page then says nothing rather than something wrong). Counting the
// documents no indexer had marked, a page beside a second index (an
// indexer catching up, or rebuilt) said nothing while the documents it
// lacked were searchable only elsewhere.
func (p *pendingUploads) processing(ctx context.Context, ix *index.Index, now time.Time) int {
	if p.proc == nil || ix == nil {
		return 0
	}
	p.countMu.Lock()
	defer p.countMu.Unlock()
	if !p.countAt.IsZero() && now.Sub(p.countAt) < p.countFor {
		return p.count
	}
	began := time.Now()
	ids, err := p.proc.Expected(ctx, now)
	if err != nil {
		return p.failed(ctx, now)
	}
	held, err := ix.Held(ctx, ids)
	if err != nil {
		return p.failed(ctx, now)
	}
	p.count, p.countAt, p.countFor = len(ids)-held, now, countReuse(len(ids), time.Since(began))
	return p.count
}

// countFailedFor is how long a count that could not be read is not tried
// again: it fails on the bucket's 2 s timeout when the broker is slow or
// the hour holds too many documents to read in time, and every search
// page, one after the other behind countMu, waited that long for nothing.
const countFailedFor = 30 * time.Second

// failed is the count when it cannot be read: 0, remembered for
// countFailedFor unless the reader's own request ended (another reader
// may do better). p.countMu is held.
func (p *pendingUploads) failed(ctx context.Context, now time.Time) int {
	if ctx.Err() == nil {
		p.count, p.countAt, p.countFor = 0, now, countFailedFor
	}
	return 0
}
