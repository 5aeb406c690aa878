package index

import (
	_ "embed"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// FoldChineseName is the token filter that folds traditional Chinese
// characters to simplified ones, so that 協議 finds 协议 and 授權 finds
// 授权: a document and a query may be written in either.
const FoldChineseName = "docmill_t2s"

// t2sData holds traditional/simplified character pairs from OpenCC (see
// data/NOTICE).
//
//go:embed data/t2s.txt
var t2sData string

var (
	t2sOnce sync.Once
	t2s     map[rune]rune
)

func t2sTable() map[rune]rune {
	t2sOnce.Do(func() {
		t2s = make(map[rune]rune, 4200)
		for s := t2sData; len(s) > 0; {
			t, n := utf8.DecodeRuneInString(s)
			v, m := utf8.DecodeRuneInString(s[n:])
			s = s[n+m:]
			if t != '\n' && v != '\n' {
				t2s[t] = v
			}
		}
	})
	return t2s
}

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
		return foldChinese{table: t2sTable()}, nil
	})
	if err != nil {
		panic(err)
	}
}
