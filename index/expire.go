package index

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Older returns the ids of up to max documents first ingested before t
// whose class is one of classes or, with except, none of them: the
// documents a retention rule expires.
func (ix *Index) Older(ctx context.Context, t time.Time, classes []string, except bool, max int) ([]string, error) {
	dq := bleve.NewDateRangeQuery(time.Time{}, t)
	dq.SetField("ingested_at")
	var any []query.Query
	for _, c := range classes {
		tq := bleve.NewTermQuery(c)
		tq.SetField("class")
		any = append(any, tq)
	}
	var q query.Query = dq
	switch {
	case except && len(any) > 0:
		bq := bleve.NewBooleanQuery()
		bq.AddMust(dq)
		bq.AddMustNot(any...)
		q = bq
	case !except:
		q = bleve.NewConjunctionQuery(dq, bleve.NewDisjunctionQuery(any...))
	}
	req := bleve.NewSearchRequestOptions(q, max, 0, false)
	req.SortBy([]string{"ingested_at", "_id"})
	var res *bleve.SearchResult
	err := ix.read(func(bi bleve.Index) (err error) {
		res, err = bi.SearchInContext(ctx, req)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("documents ingested before %s: %w", t.Format(time.RFC3339), err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// DeleteMany removes documents in one batch.
func (ix *Index) DeleteMany(ids []string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.write(func(bi bleve.Index) error {
		b := bi.NewBatch()
		lt := ix.newLengthTally(bi)
		if lt != nil {
			prev, err := priorOf(context.Background(), bi, ids)
			if err != nil {
				return err
			}
			for _, p := range prev {
				lt.remove(p.lengths)
			}
		}
		for _, id := range ids {
			b.Delete(id)
		}
		if err := lt.save(b); err != nil {
			return err
		}
		if err := bi.Batch(b); err != nil {
			return fmt.Errorf("delete %d documents: %w", len(ids), err)
		}
		return nil
	})
}
