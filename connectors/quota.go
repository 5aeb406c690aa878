package connectors

import (
	"sync"
	"time"
)

// QuotaWindow is the span a Quota counts over.
const QuotaWindow = time.Hour

// Quota bounds what one watched folder or bucket ingests in an hour
// (sources.max_per_hour, sources.max_mb_per_hour), in the process that
// watches it: a flood dropped into an inbox on an edge box took every
// file at once, whatever the box could analyse or keep. What is over
// waits where it is, a file in its folder and an object in its bucket,
// until the last hour's takes leave room. A nil Quota bounds nothing.
type Quota struct {
	MaxDocs  int   // 0: no bound
	MaxBytes int64 // 0: no bound
	// now is the clock (time.Now when nil), for tests.
	now func() time.Time

	mu    sync.Mutex
	taken []quotaTake // within the last QuotaWindow, oldest first
}

type quotaTake struct {
	at   time.Time
	size int64
}

// NewQuota is the Quota of docs documents and mb MiB an hour; nil when
// both are 0.
func NewQuota(docs, mb int) *Quota {
	if docs <= 0 && mb <= 0 {
		return nil
	}
	return &Quota{MaxDocs: max(docs, 0), MaxBytes: int64(max(mb, 0)) << 20}
}

func (q *Quota) clock() time.Time {
	if q.now != nil {
		return q.now()
	}
	return time.Now()
}

// Wait is how long a document of size bytes must wait before the quota
// takes it: 0 when it may be taken now. A document larger than the whole
// byte quota is taken when the window is empty, so that it does not wait
// for ever.
func (q *Quota) Wait(size int64) time.Duration {
	if q == nil {
		return 0
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	now := q.clock()
	q.expire(now)
	free := 0 // the takes that must leave the window first
	if q.MaxDocs > 0 {
		free = max(0, len(q.taken)-q.MaxDocs+1)
	}
	if q.MaxBytes > 0 {
		var sum int64
		for _, t := range q.taken {
			sum += t.size
		}
		n := 0
		for n < len(q.taken) && sum+size > q.MaxBytes {
			sum -= q.taken[n].size
			n++
		}
		free = max(free, n)
	}
	if free == 0 {
		return 0
	}
	return q.taken[free-1].at.Add(QuotaWindow).Sub(now)
}

// Took records a document of size bytes taken now.
func (q *Quota) Took(size int64) {
	if q == nil {
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	now := q.clock()
	q.expire(now)
	q.taken = append(q.taken, quotaTake{at: now, size: size})
}

// expire drops the takes that left the window.
func (q *Quota) expire(now time.Time) {
	n := 0
	for n < len(q.taken) && !now.Before(q.taken[n].at.Add(QuotaWindow)) {
		n++
	}
	q.taken = q.taken[n:]
}
