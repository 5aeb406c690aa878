package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/truncate"
	"github.com/blevesearch/bleve/v2/registry"
)

// TruncateName is the first token filter of TextAnalyzer: it cuts a word
// to MaxTermRunes. A text with one enormous "word" (a base64 blob, a
// minified file, 30 MB without a space) otherwise became one term of that
// size, which Bleve kept in memory many times over while indexing and
// merging (a 4 MB word: some 450 MB, and seconds per prefix query).
const TruncateName = "docmill_truncate"

// MaxTermRunes is the longest term TextAnalyzer indexes; a longer word is
// found by its first MaxTermRunes characters (a SHA-256 in hex is 64).
const MaxTermRunes = 100

func init() {
	err := registry.RegisterTokenFilter(TruncateName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return truncate.NewTruncateTokenFilter(MaxTermRunes), nil
	})
	if err != nil {
		panic(err)
	}
}
