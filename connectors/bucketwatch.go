package connectors

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
)

// BucketStallAfter is how long objects may wait in a watched bucket with
// none settled before the watch reports itself stalled (Bucket.Err). It
// is longer than the bucket consumer's AckWait (2 minutes): objects a
// crashed replica held are delivered again after that, and must not read
// as a stall of this one.
const BucketStallAfter = 3 * time.Minute

// BucketRetryFirst is how long Watch waits before it starts a stopped
// watch again; the wait doubles on each stop in a row, up to
// BucketRetryMax.
const (
	BucketRetryFirst = 10 * time.Second
	BucketRetryMax   = 5 * time.Minute
)

// bucketPollEvery is how often a watch asks the broker how many of its
// bucket's objects wait, as the pipeline's lag gauges do.
const bucketPollEvery = 5 * time.Second

// The watch metrics, per bucket. A watch that dies leaves only a log
// line otherwise, and the objects put after it wait unseen.
var (
	bucketWatchUp = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "docmill_bucket_watch_up",
		Help: "1 while the watch of an object store bucket (sources.buckets) takes its objects; 0 once it stopped, or while objects wait and none was settled for 3 minutes."},
		[]string{"bucket"})
	bucketWatchProgress = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "docmill_bucket_watch_last_progress_timestamp_seconds",
		Help: "When the watch of a bucket last settled an object (ingested, refused, its deletion recorded), or started: Unix seconds."},
		[]string{"bucket"})
	bucketWatchPending = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "docmill_bucket_watch_pending",
		Help: "Objects of a watched bucket not yet settled (not delivered yet, or delivered and being retried), as the broker last said."},
		[]string{"bucket"})
)

// watchState is what a Bucket's watch has done, for Err and the metrics.
type watchState struct {
	mu sync.Mutex
	// exportMu orders the metric updates, so that a last poll cannot
	// export a watch that has ended
	exportMu sync.Mutex
	running  bool
	// stopped is why Run returned while its context still ran: the watch
	// is over, and nothing takes the bucket's objects in this process.
	stopped error
	// progress is when an object was last settled, or the watch started
	// (since).
	progress, since time.Time
	// idle is when the broker last said that nothing waits: a bucket
	// with nothing to take is not stalled, however old progress is.
	idle time.Time
	// pending is the objects waiting as the broker last said; -1 unknown.
	pending int64
	lastErr error
	errAt   time.Time
	// retryAt is when Watch starts a stopped watch again; zero under Run
	// alone.
	retryAt time.Time
	// quotaUntil is when the objects waiting for the hourly quota may be
	// taken: no stall until then, only the quota.
	quotaUntil time.Time
}

// Watch runs the watch (Run) until ctx ends, starting it again when it
// stops, after BucketRetryFirst (RetryAfter), doubling to BucketRetryMax
// while it keeps stopping: a bucket deleted by hand is made again, as a
// restart of docmill would make it, and an object put since is taken. A
// stopped watch had stayed stopped until docmill restarted. Err reports
// the stop, and when the watch starts again, until it does.
func (b *Bucket) Watch(ctx context.Context) {
	first := b.RetryAfter
	if first <= 0 {
		first = BucketRetryFirst
	}
	wait := first
	for {
		began := time.Now()
		err := b.Run(ctx)
		if ctx.Err() != nil {
			return
		}
		if time.Since(began) > BucketRetryMax {
			wait = first // it had worked a while: a new stop, not the same one
		}
		b.st.mu.Lock()
		b.st.retryAt = time.Now().Add(wait)
		b.st.mu.Unlock()
		if b.Log != nil {
			b.Log.Error("bucket watch stopped: its objects are not taken until it starts again (/healthz bucket:"+b.Name+")",
				"bucket", b.Name, "err", err, "retry_in", wait.String())
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, BucketRetryMax)
	}
}

func (b *Bucket) stallAfter() time.Duration {
	if b.StallAfter > 0 {
		return b.StallAfter
	}
	return BucketStallAfter
}

// started records that the watch consumes from now on.
func (b *Bucket) started() {
	now := time.Now()
	b.st.mu.Lock()
	b.st.running, b.st.stopped, b.st.progress, b.st.since, b.st.pending = true, nil, now, now, -1
	b.st.retryAt = time.Time{}
	b.st.mu.Unlock()
	b.export()
}

// ended records that Run returned with err; alive says whether its
// context still ran, so that the watch ended on its own.
func (b *Bucket) ended(err error, alive bool) {
	b.st.mu.Lock()
	b.st.running = false
	if alive {
		if err == nil {
			err = fmt.Errorf("bucket %s: the watch returned", b.Name)
		}
		b.st.stopped = err
	}
	b.st.mu.Unlock()
	b.st.exportMu.Lock()
	defer b.st.exportMu.Unlock()
	if !alive {
		// shut down on purpose: no watch, no series
		bucketWatchUp.DeleteLabelValues(b.Name)
		bucketWatchProgress.DeleteLabelValues(b.Name)
		bucketWatchPending.DeleteLabelValues(b.Name)
		return
	}
	bucketWatchUp.WithLabelValues(b.Name).Set(0)
	// a figure no watch updates any more would read as current
	bucketWatchPending.DeleteLabelValues(b.Name)
}

// settled records the outcome of settling an object event with the
// broker (its ack, or its termination): progress, or a failure when the
// broker did not take it.
func (b *Bucket) settled(err error) {
	if err != nil {
		b.failed(fmt.Errorf("ack: %w", err))
		return
	}
	b.st.mu.Lock()
	b.st.progress = time.Now()
	b.st.mu.Unlock()
}

// failed records an error that kept the watch from settling an object.
func (b *Bucket) failed(err error) {
	b.st.mu.Lock()
	b.st.lastErr, b.st.errAt = err, time.Now()
	b.st.mu.Unlock()
}

// waiting records how many objects the broker says wait.
func (b *Bucket) waiting(n int64) {
	b.st.mu.Lock()
	b.st.pending = n
	if n == 0 {
		b.st.idle = time.Now()
	}
	b.st.mu.Unlock()
}

// poll asks the broker every bucketPollEvery (or half StallAfter, when
// shorter) how many objects wait, and exports the watch's metrics, until
// ctx ends. A consumer the broker no longer has (deleted with its bucket,
// or by hand) is passed to gone, once, and polling ends: nats.go's
// iterator learns of a deletion only from a pull request open at the time,
// and otherwise waits for messages that never come. Any other failed
// question keeps the last figure: a broker out of reach shows as such on
// /healthz's nats entry.
func (b *Bucket) poll(ctx context.Context, cons jetstream.Consumer, gone func(error)) {
	every := min(bucketPollEvery, b.stallAfter()/2)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		ictx, cancel := context.WithTimeout(ctx, every)
		info, err := cons.Info(ictx)
		cancel()
		switch {
		case ctx.Err() != nil:
			return
		case err == nil:
			b.waiting(int64(info.NumPending) + int64(info.NumAckPending))
		case errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, jetstream.ErrStreamNotFound):
			gone(fmt.Errorf("its consumer is gone: %w", err))
			return
		}
		b.export()
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// export sets the watch's metrics from its state.
func (b *Bucket) export() {
	b.st.exportMu.Lock()
	defer b.st.exportMu.Unlock()
	up := 0.0
	if b.Err() == nil {
		up = 1
	}
	b.st.mu.Lock()
	running, progress, pending := b.st.running, b.st.progress, b.st.pending
	b.st.mu.Unlock()
	if !running {
		return // ended: ended set what stays
	}
	bucketWatchUp.WithLabelValues(b.Name).Set(up)
	bucketWatchProgress.WithLabelValues(b.Name).Set(float64(progress.UnixNano()) / 1e9)
	if pending >= 0 {
		bucketWatchPending.WithLabelValues(b.Name).Set(float64(pending))
	}
}

// Err says why the watch does not take the bucket's objects, naming the
// bucket: it stopped (its bucket or consumer deleted, it could not start),
// or objects have waited for StallAfter (BucketStallAfter) with none
// settled, with the last error met since the last one was. nil while it
// works, before it starts and once it was shut down.
func (b *Bucket) Err() error {
	b.st.mu.Lock()
	defer b.st.mu.Unlock()
	s := &b.st
	if s.stopped != nil {
		// the errors Run returns name the bucket
		if !s.retryAt.IsZero() {
			return fmt.Errorf("watch stopped, its objects are not taken until it starts again at %s: %w",
				s.retryAt.UTC().Format(time.RFC3339), s.stopped)
		}
		return fmt.Errorf("watch stopped, its objects are not taken until docmill restarts: %w", s.stopped)
	}
	if !s.running || s.pending <= 0 || time.Now().Before(s.quotaUntil) {
		return nil
	}
	since := s.progress
	if s.idle.After(since) {
		since = s.idle
	}
	stall := b.stallAfter()
	if time.Since(since) < stall {
		return nil
	}
	err := fmt.Errorf("bucket %s: %d objects wait and none was settled for over %s (last at %s)", b.Name, s.pending, stall,
		s.progress.UTC().Format(time.RFC3339))
	if s.lastErr != nil && s.errAt.After(s.progress) {
		err = fmt.Errorf("%w; last error: %w", err, s.lastErr)
	}
	return err
}

// Progress describes a watch Err finds working, for /healthz.
func (b *Bucket) Progress() string {
	b.st.mu.Lock()
	defer b.st.mu.Unlock()
	s := &b.st
	if !s.running {
		return "starting"
	}
	d := "watching since " + s.since.UTC().Format(time.RFC3339)
	if s.progress.After(s.since) {
		d += ", last object settled at " + s.progress.UTC().Format(time.RFC3339)
	}
	if s.pending >= 0 {
		d += fmt.Sprintf(", %d waiting", s.pending)
	}
	if time.Now().Before(s.quotaUntil) {
		d += ", over its hourly quota until " + s.quotaUntil.UTC().Format(time.RFC3339)
	}
	return d
}

// waitQuota records that object name waits wait for the hourly quota,
// logging the first of a spell over it. Objects waiting so are no stall.
func (b *Bucket) waitQuota(name string, wait time.Duration) {
	b.st.mu.Lock()
	defer b.st.mu.Unlock()
	now := time.Now()
	if !now.Before(b.st.quotaUntil) {
		quotaSpells.WithLabelValues("bucket").Inc()
		b.Log.Warn("bucket: over its hourly quota (sources.max_per_hour, sources.max_mb_per_hour): objects wait in the bucket",
			"bucket", b.Name, "object", name, "next_in", wait.Round(time.Second))
	}
	b.st.quotaUntil = now.Add(wait)
}
