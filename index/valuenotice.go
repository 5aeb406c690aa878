package index

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// valueFields are the facet fields of a few values each, held as written
// (lower case), which a notice can list; a sub-type is held as a folded
// key, not as the facets show it.
var valueFields = []string{"class", "language", "content_type", "tier"}

// maxListedValues bounds the values a notice lists.
const maxListedValues = 12

// valueNotice names the values a facet field holds where a query asked
// for one it does not ("class:contracts", "class:policy"), which matched
// nothing and said only "0 documents"; "" when every such value is held.
// q is the rewritten query; a must-not clause is left alone.
func (ix *Index) valueNotice(q query.Query) string {
	var notes []string
	walkQuery(q, false, func(q query.Query) {
		field, value := fieldClause(q, valueFields)
		key := ix.nameKey(field, value)
		if key == "" || len(ix.heldTerms(field, []string{key})) > 0 {
			return
		}
		held := ix.dictTerms(field, func(bi bleve.Index, f string) (bindex.FieldDict, error) { return bi.FieldDict(f) },
			func(string) bool { return true })
		if len(held) == 0 {
			return
		}
		list := strings.Join(held[:min(len(held), maxListedValues)], ", ")
		if len(held) > maxListedValues {
			list += fmt.Sprintf(" and %d more", len(held)-maxListedValues)
		}
		notes = append(notes, fmt.Sprintf("no document's %s is %q; the %s values held are %s",
			strings.ReplaceAll(field, "_", " "), value, field, list))
	})
	return strings.Join(notes, "; ")
}
