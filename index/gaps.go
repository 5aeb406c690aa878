package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/registry"
)

// BigramGapsName is the last token filter of TextAnalyzer: Bleve's CJK
// bigram filter, after which a word keeps its distance to the word before
// it. Bleve's filter numbers its output 1, 2, 3, ..., closing the gaps
// the stop filter leaves, so that the phrase "governing law" matched
// "governing the lawfulness" (the stop word gone, "lawfulness" stemmed to
// "law"). Runs of Chinese or Japanese are numbered as Bleve numbers them.
const BigramGapsName = "docmill_cjk_bigram"

// bigramGaps wraps the bigram filter; Bleve passes a token that is no
// ideograph through as the same *Token, which is how its position before
// the filter is found again.
type bigramGaps struct{ inner analysis.TokenFilter }

func (f bigramGaps) Filter(input analysis.TokenStream) analysis.TokenStream {
	before := make(map[*analysis.Token]int, len(input))
	for _, t := range input {
		if t.Type != analysis.Ideographic {
			before[t] = t.Position
		}
	}
	out := f.inner.Filter(input)
	last := 0
	var prev *analysis.Token // the previous token, when it was passed through
	for _, t := range out {
		p, through := before[t]
		t.Position = last + 1
		if through && prev != nil {
			// 0 for a token at its word's place (a dotted word's part)
			t.Position = last + max(0, p-before[prev])
		}
		last = t.Position
		prev = nil
		if through {
			prev = t
		}
	}
	return out
}

func init() {
	err := registry.RegisterTokenFilter(BigramGapsName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return bigramGaps{inner: cjk.NewCJKBigramFilter(false)}, nil
	})
	if err != nil {
		panic(err)
	}
}
