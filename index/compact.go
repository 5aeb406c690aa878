package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Compact merges the index into a single segment and returns once the
// merge is done and the background merger and persister have caught up.
//
// Every Bleve batch becomes a segment, and every search visits each
// segment (facets read the doc values of all of them). Scorch merges
// segments in the background, but after a bulk load (a backfill, a
// reindex) that merging competes with searches for CPU for a long while
// and leaves several segments. Calling Compact after such a load pays the
// merge once, up front. It is safe to call while documents are written and
// searched; writes made meanwhile may form new segments. Durability is
// unchanged: the merged segment is written and persisted like any other.
func (ix *Index) Compact(ctx context.Context) error {
	ix.compactMu.Lock()
	defer ix.compactMu.Unlock()
	s, err := ix.scorch()
	if err != nil {
		return err
	}
	// A forced merge plans from the current root snapshot; segments
	// introduced while it runs are left for the next round.
	for round := 0; round < 8 && rootSegments(s) > 1; round++ {
		opts := mergeplan.SingleSegmentMergePlanOptions
		if err := s.ForceMerge(ctx, &opts); err != nil {
			return fmt.Errorf("compact index: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("compact index: %w", err)
		}
	}
	return waitSettled(ctx, s)
}

// Segments returns how many segments the index consists of now.
func (ix *Index) Segments() (int, error) {
	s, err := ix.scorch()
	if err != nil {
		return 0, err
	}
	return rootSegments(s), nil
}

func (ix *Index) scorch() (*scorch.Scorch, error) {
	ix.rw.RLock()
	ai, err := ix.bi.Advanced()
	ix.rw.RUnlock()
	if err != nil {
		return nil, fmt.Errorf("index internals: %w", err)
	}
	s, ok := ai.(*scorch.Scorch)
	if !ok {
		return nil, fmt.Errorf("index internals: %T is not a scorch index", ai)
	}
	return s, nil
}

func rootSegments(s *scorch.Scorch) int {
	m := s.StatsMap()
	n, _ := m["TotFileSegmentsAtRoot"].(uint64)
	mem, _ := m["TotMemorySegmentsAtRoot"].(uint64)
	return int(n + mem)
}

// waitSettled waits until the merger and persister have handled the
// latest root snapshot, so that no merge work is left running.
func waitSettled(ctx context.Context, s *scorch.Scorch) error {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		active, ok := s.StatsMap()["index_bgthreads_active"].(bool)
		if !ok || !active {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("compact index: wait for merges: %w", ctx.Err())
		case <-tick.C:
		}
	}
}
