package server

import (
	"context"
	"sync"
	"time"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/pipeline"
)

// optionalOpenTimeout bounds the opening of the buckets a process works
// without (optionalBuckets), all of them together. A NATS user whose ACLs
// predate a bucket gets no answer, only the broker's permissions
// violation, so each open waited out the client's 20 s request timeout,
// one after the other: an indexer denied them all started more than a
// minute late.
const optionalOpenTimeout = 10 * time.Second

// openOptional opens, side by side and within optionalOpenTimeout, the
// buckets that only make answers better: each one missing is said once in
// the log, with what this process does without it.
func (s *Server) openOptional(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, optionalOpenTimeout)
	defer cancel()
	replicas := s.o.Config.NATS.Replicas
	var wg sync.WaitGroup
	wg.Go(func() { s.failed = s.openFailed(ctx) })
	wg.Go(func() {
		p, err := pipeline.OpenProcessing(ctx, s.js, replicas)
		if err != nil {
			s.o.Log.Warn("documents being processed will read as unknown until indexed", "bucket", pipeline.ProcessingBucket, "err", err)
			return
		}
		s.inFlight = p
	})
	wg.Go(func() {
		if err := s.refused.Keep(ctx, s.js, replicas); err != nil {
			s.o.Log.Warn("files the watched folders refuse are listed by this process only, until it stops", "bucket", connectors.RefusedBucket, "err", err)
		}
	})
	if s.o.Role.indexes() {
		wg.Go(func() {
			kv, err := pipeline.OpenTombstones(ctx, s.js, replicas)
			if err != nil {
				s.o.Log.Warn("deletions of documents not yet indexed here are kept in memory only", "bucket", pipeline.TombstoneBucket, "err", err)
				return
			}
			s.tombstones = kv
		})
	}
	wg.Wait()
}
