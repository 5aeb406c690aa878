package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// FoldAccentsName is the token filter of TextAnalyzer that writes Latin
// letters without their accents: "Québec" and "Quebec", "François" and
// "Francois", "AÉREAS" and "aereas" are one word. Party names and places
// are typed without accents as often as with them, and either found only
// its own spelling. Indexes made before it keep their words as written.
const FoldAccentsName = "docmill_fold_accents"

// latinLetters are the letters that are no base letter and a mark.
var latinLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// foldAccents removes the marks from the Latin letters of a token.
type foldAccents struct{}

func (foldAccents) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if ascii(tok.Term) {
			continue
		}
		tok.Term = []byte(withoutAccents(string(tok.Term)))
	}
	return input
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// withoutAccents is s with its Latin letters' marks removed; other
// scripts as they are (Hangul decomposes, and Chinese has no marks).
func withoutAccents(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf || !unicode.Is(unicode.Latin, r):
			b.WriteRune(r)
		case latinLetters[unicode.ToLower(r)] != "":
			b.WriteString(latinLetters[unicode.ToLower(r)])
		default:
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(d)
				}
			}
		}
	}
	return b.String()
}

func init() {
	err := registry.RegisterTokenFilter(FoldAccentsName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldAccents{}, nil
	})
	if err != nil {
		panic(err)
	}
}
