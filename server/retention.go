package server

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/docmill/docmill/pipeline"
)

// retentionEvery is how often the index is swept for expired documents;
// the first sweep comes retentionFirst after start.
const (
	retentionEvery = 10 * time.Minute
	retentionFirst = 30 * time.Second
)

// expire sweeps the index for documents past their class's retention
// (index.retention) until ctx ends.
func (s *Server) expire(ctx context.Context) {
	t := time.NewTimer(retentionFirst)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if n, err := s.expireNow(ctx, time.Now()); err != nil && ctx.Err() == nil {
			s.o.Log.Error("retention sweep", "expired", n, "err", err)
		} else if n > 0 {
			s.o.Log.Info("retention sweep", "expired", n)
		}
		t.Reset(retentionEvery)
	}
}

// expireNow takes every document past its class's retention at now out of
// the index, deletes its stored copies and announces it ("expired"); it
// returns how many.
func (s *Server) expireNow(ctx context.Context, now time.Time) (int, error) {
	rules := s.o.Config.Index.Retention
	var named []string
	for class := range rules {
		if class != "*" {
			named = append(named, class)
		}
	}
	total := 0
	for class, age := range rules {
		classes, except := []string{class}, false
		if class == "*" {
			classes, except = named, true
		}
		var last []string
		for {
			ids, err := s.ix.Older(ctx, now.Add(-age), classes, except, 500)
			if err != nil {
				return total, err
			}
			if len(ids) == 0 {
				break
			}
			if slices.Equal(ids, last) {
				return total, fmt.Errorf("expired %s documents still found after their deletion", class)
			}
			if err := s.ix.DeleteMany(ids); err != nil {
				return total, err
			}
			for _, id := range ids {
				// every indexer sweeps its own index within 10 minutes
				// of the others: one notice per document
				s.dropped(ctx, pipeline.Deleted{ID: id, Reason: pipeline.ReasonExpired, Event: "expired"})
			}
			s.metrics.Processed.WithLabelValues("expire").Add(float64(len(ids)))
			total += len(ids)
			last = ids
		}
	}
	return total, nil
}
