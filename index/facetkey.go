package index

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/registry"
)

// Party and governing-law values are written as each contract writes them:
// "DELAWARE" in a clause in capitals, "Delaware" elsewhere, "Acme Corp."
// and "ACME CORP" for one company. Faceted as written they were separate
// values, and filtering by one missed the others. Indexes created with
// FacetKeyAnalyzer on those fields index the value's FacetKey instead, and
// their _facets terms carry the key and the spelling to show (see
// facetTermsOf and mergeSpellings).

// FacetKeyAnalyzer indexes a whole value as its FacetKey, one term.
const FacetKeyAnalyzer = "docmill_facet_key"

// facetKeyFilterName is the token filter of FacetKeyAnalyzer.
const facetKeyFilterName = "docmill_facet_key"

// facetKeyAnalyzerConfig is FacetKeyAnalyzer as Bleve custom-analyser
// config: the single tokenizer keeps the value whole, as the keyword
// analyser of the other keyword fields does.
var facetKeyAnalyzerConfig = map[string]interface{}{
	"type":          custom.Name,
	"tokenizer":     single.Name,
	"token_filters": []interface{}{facetKeyFilterName},
}

// foldedFields are the keyword fields that FacetKeyAnalyzer indexes in
// indexes created since it exists (see Index.folded): sub-types since
// 2026-11-30, party and governing law before.
var foldedFields = map[string]bool{"party": true, "governing_law": true, "subtype": true}

// FoldsFacet reports whether values of the facet field are grouped and
// filtered by FacetKey (in an index created since that was introduced).
func FoldsFacet(field string) bool { return foldedFields[field] }

// SameFacetValue reports whether a and b are one value of the facet field:
// equal, or of one FacetKey in a field that FoldsFacet.
func SameFacetValue(field, a, b string) bool {
	return a == b || (foldedFields[field] && FacetKey(a) == FacetKey(b))
}

// FacetKey is the form under which a party or governing-law value is
// grouped and matched: lower case, runs of spaces (and control
// characters) as one space, without surrounding spaces or trailing
// ".,;:" ("ACME  CORP." and "Acme Corp" are "acme corp"). Only trailing
// punctuation goes: a name ends with "Inc." or "Corp." in one contract and
// without the point in the next, while inner points are part of it
// ("S.A.", "U.K.").
func FacetKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRight(b.String(), " .,;:")
}

// facetKeyFilter replaces each token by its FacetKey and drops those that
// leave nothing (a value of punctuation only).
type facetKeyFilter struct{}

func (facetKeyFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		if k := FacetKey(string(tok.Term)); k != "" {
			tok.Term = []byte(k)
			out = append(out, tok)
		}
	}
	return out
}

func init() {
	err := registry.RegisterTokenFilter(facetKeyFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return facetKeyFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}
