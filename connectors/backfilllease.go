package connectors

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// ErrJobRunning is returned by Backfill.Run when another run of the same
// job holds its lease: two runs of one job shared one checkpoint, each
// moving it back and forth and reporting the other's place as its own.
var ErrJobRunning = errors.New("another run of this backfill job is in progress")

const (
	// leaseBeat is how often a running job renews its lease.
	leaseBeat = 10 * time.Second
	// leaseStale is how old a lease may be before its run counts as gone
	// (killed, its machine lost): a new run takes it over.
	leaseStale = 3 * leaseBeat
)

// lease is what a running job stores under leaseKey.
type lease struct {
	Owner string    `json:"owner"` // host and process
	At    time.Time `json:"at"`
}

// leaseKey is the key of job's lease in the backfill bucket.
func leaseKey(job string) string { return "running." + job }

// acquireLease takes job's lease for this run, or returns ErrJobRunning
// (wrapped, naming the holder) while another run renews it; the returned
// func stops renewing and gives it up.
func acquireLease(ctx context.Context, kv jetstream.KeyValue, job string) (func(), error) {
	host, _ := os.Hostname()
	me := lease{Owner: host + " pid " + strconv.Itoa(os.Getpid()) + " " + strconv.FormatInt(time.Now().UnixNano(), 36)}
	put := func(rev uint64, create bool) (uint64, error) {
		me.At = time.Now().UTC()
		raw, _ := json.Marshal(me)
		if create {
			return kv.Create(ctx, leaseKey(job), raw)
		}
		return kv.Update(ctx, leaseKey(job), raw, rev)
	}
	var rev uint64
	e, err := kv.Get(ctx, leaseKey(job))
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		rev, err = put(0, true)
	case err != nil:
	default:
		var held lease
		if json.Unmarshal(e.Value(), &held) == nil && time.Since(held.At) < leaseStale {
			return nil, fmt.Errorf("backfill job %s: %w (%s, renewed %s ago); wait for it, or give this run another --job",
				job, ErrJobRunning, held.Owner, time.Since(held.At).Round(time.Second))
		}
		rev, err = put(e.Revision(), false) // its run is gone
	}
	if err != nil {
		if errors.Is(err, jetstream.ErrKeyExists) {
			return nil, fmt.Errorf("backfill job %s: %w (it started at the same moment)", job, ErrJobRunning)
		}
		return nil, fmt.Errorf("backfill job %s lease: %w", job, err)
	}
	beatCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(leaseBeat)
		defer t.Stop()
		for {
			select {
			case <-beatCtx.Done():
				return
			case <-t.C:
				if r, err := put(rev, false); err == nil {
					rev = r
				}
			}
		}
	}()
	return func() {
		stop()
		<-done
		release, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = kv.Delete(release, leaseKey(job), jetstream.LastRevision(rev))
	}, nil
}
