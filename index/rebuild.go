package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/docmill/docmill/document"
)

// Each calls fn with every document in the index, in id order: its stored
// result and the text the index kept of it. That is the whole text, up to
// the searchable limit, except in indexes that keep only the first MiB
// (the rest searched but not stored); cut says so.
func (ix *Index) Each(ctx context.Context, fn func(r *document.Result, text string, cut bool) error) error {
	return ix.scan(ctx, query.NewMatchAllQuery(), true, fn)
}

// Export calls fn with every document that q's text, filters and dates
// match, in id order, with its stored text when withText (see Each); q's
// Size, From, Sort and facets do not apply.
func (ix *Index) Export(ctx context.Context, q Query, withText bool, fn func(r *document.Result, text string, cut bool) error) error {
	q.Q = asciiSyntax(q.Q) // as Search reads it
	top, err := ix.matchQuery(q)
	if err != nil {
		return err
	}
	err = ix.scan(ctx, top, withText, fn)
	// a query that expands to too many words fails only when Bleve runs
	// it: explained as /api/search explains it (a 400 saying what to
	// change), not Bleve's TooManyClauses as the index's failure
	var re *readError
	if errors.As(err, &re) {
		return ix.searchError(ctx, q, re.err)
	}
	return err
}

// readError is a search of scan's that failed, as opposed to its fn.
type readError struct {
	after string
	err   error
}

func (e *readError) Error() string { return fmt.Sprintf("read documents after %q: %v", e.after, e.err) }
func (e *readError) Unwrap() error { return e.err }

// scan pages through the documents matching top in id order (search
// after the last id, so that a page costs the same deep in the index).
func (ix *Index) scan(ctx context.Context, top query.Query, withText bool, fn func(r *document.Result, text string, cut bool) error) error {
	const page = 200
	after := ""
	for {
		req := bleve.NewSearchRequestOptions(top, page, 0, false)
		req.SortBy([]string{"_id"})
		if after != "" {
			req.SetSearchAfter([]string{after})
		}
		req.Fields = []string{fieldResult}
		if withText {
			req.Fields = append(req.Fields, "body", "body"+cjkSuffix)
		}
		var res *bleve.SearchResult
		err := ix.read(func(bi bleve.Index) (err error) {
			res, err = bi.SearchInContext(ctx, req)
			return err
		})
		if err != nil {
			return &readError{after: after, err: err}
		}
		for _, h := range res.Hits {
			r, err := decodeResult(h.Fields)
			if err != nil {
				return fmt.Errorf("document %s: %w", h.ID, err)
			}
			text := storedText(h.Fields)
			if err := fn(r, text, ix.bodyMore && len(text) > bodyHeadBytes-256); err != nil {
				return err
			}
			after = h.ID
		}
		if len(res.Hits) < page {
			return nil
		}
	}
}

// RebuildOptions configures Rebuild.
type RebuildOptions struct {
	// Index configures the new index: its mapping is the current one,
	// and its scoring and searchable text are these.
	Index Options
	// FullText, when set, reads the whole text of a result whose text is
	// longer than the index kept (from the text store, or the original).
	FullText func(ctx context.Context, r *document.Result) (string, error)
	// Progress, when set, hears of each document copied.
	Progress func(done, total int)
}

// RebuildReport says what Rebuild did.
type RebuildReport struct {
	Documents int `json:"documents"`
	// TextsFetched were read whole through FullText.
	TextsFetched int `json:"texts_fetched"`
	// TextsCut were longer than the index kept and FullText could not
	// read them: only their first MiB is searchable now.
	TextsCut []string `json:"texts_cut,omitempty"`
	// Before is where the previous index was moved, to delete once the new
	// one has served.
	Before  string  `json:"before"`
	Seconds float64 `json:"seconds"`
}

// Rebuild writes every document of the index in dir into a new index with
// the current mapping, then puts it in dir's place and moves the old one
// aside (RebuildReport.Before). Nothing is analysed again: documents keep
// their results, including when they were first ingested. Indexes created
// by earlier releases gain what the mapping learned since (folded party
// and governing-law facets, the current stop list, one analyser for every
// language). The index must not be open in another process (ErrInUse).
func Rebuild(ctx context.Context, dir string, o RebuildOptions) (RebuildReport, error) {
	start := time.Now()
	rep := RebuildReport{}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return rep, fmt.Errorf("rebuild: no index in %s: %w", dir, err)
	}
	old, err := Open(dir, o.Index)
	if err != nil {
		return rep, fmt.Errorf("rebuild: %w", err)
	}
	defer old.Close()
	total, err := old.Count()
	if err != nil {
		return rep, fmt.Errorf("rebuild: %w", err)
	}
	next := dir + ".rebuild"
	if err := os.RemoveAll(next); err != nil {
		return rep, fmt.Errorf("rebuild: clear %s: %w", next, err)
	}
	nw, err := Open(next, o.Index)
	if err != nil {
		return rep, fmt.Errorf("rebuild: %w", err)
	}
	if err := copyAll(ctx, old, nw, o, int(total), &rep); err != nil {
		nw.Close()
		os.RemoveAll(next)
		return rep, fmt.Errorf("rebuild: %w", err)
	}
	n, err := nw.Count()
	if err == nil && n != total {
		err = fmt.Errorf("%d documents in the new index, %d in the old", n, total)
	}
	if err = errors.Join(err, nw.Close()); err != nil {
		os.RemoveAll(next)
		return rep, fmt.Errorf("rebuild: %w", err)
	}
	if err := old.Close(); err != nil {
		return rep, fmt.Errorf("rebuild: close %s: %w", dir, err)
	}
	rep.Before = dir + ".before-rebuild-" + time.Now().UTC().Format("20060102T150405.000")
	if err := os.Rename(dir, rep.Before); err != nil {
		return rep, fmt.Errorf("rebuild: move the old index aside: %w", err)
	}
	if err := os.Rename(next, dir); err != nil {
		return rep, fmt.Errorf("rebuild: put the new index in place (the old one is in %s): %w", rep.Before, err)
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// copyAll writes old's documents into nw in batches.
func copyAll(ctx context.Context, old, nw *Index, o RebuildOptions, total int, rep *RebuildReport) error {
	var batch []*document.Result
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := nw.PutBatch(ctx, batch)
		rep.Documents += len(batch)
		batch = batch[:0]
		if o.Progress != nil {
			o.Progress(rep.Documents, total)
		}
		return err
	}
	err := old.Each(ctx, func(r *document.Result, text string, cut bool) error {
		r.Text = text
		if cut && o.FullText != nil {
			if t, err := o.FullText(ctx, r); err == nil && t != "" {
				r.Text, cut = t, false
				rep.TextsFetched++
			}
		}
		if cut {
			rep.TextsCut = append(rep.TextsCut, r.ID)
		}
		batch = append(batch, r)
		if len(batch) == 128 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}
