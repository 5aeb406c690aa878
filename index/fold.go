package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/docmill/docmill/lang"
)

// FoldChineseName is the token filter that folds traditional Chinese
// characters to simplified ones, so that 協議 finds 协议 and 授權 finds
// 授权: a document and a query may be written in either.
const FoldChineseName = "docmill_t2s"

// foldChinese rewrites ideographic tokens to simplified characters.
type foldChinese struct{ table map[rune]rune }

func (f foldChinese) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if tok.Type != analysis.Ideographic {
			continue
		}
		var out []byte
		for i, r := range string(tok.Term) {
			if s, ok := f.table[r]; ok {
				if out == nil {
					out = append(make([]byte, 0, len(tok.Term)), tok.Term[:i]...)
				}
				out = utf8.AppendRune(out, s)
			} else if out != nil {
				out = utf8.AppendRune(out, r)
			}
		}
		if out != nil {
			tok.Term = out
		}
	}
	return input
}

func init() {
	err := registry.RegisterTokenFilter(FoldChineseName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldChinese{table: lang.T2S()}, nil
	})
	if err != nil {
		panic(err)
	}
}
