package index

import (
	"context"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// HasLanguage reports whether any indexed document has the language code
// (as the result's "language" field holds it, e.g. "zh").
func (ix *Index) HasLanguage(ctx context.Context, code string) (found bool, err error) {
	err = ix.read(func(bi bleve.Index) error {
		q := query.NewTermQuery(code)
		q.SetField("language")
		req := bleve.NewSearchRequestOptions(q, 0, 0, false)
		req.Score = "none"
		res, err := bi.SearchInContext(ctx, req)
		if err != nil {
			return err
		}
		found = res.Total > 0
		return nil
	})
	return found, err
}
