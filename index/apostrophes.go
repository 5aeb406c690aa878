package index

import (
	"bytes"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// ApostrophesName is the token filter of TextAnalyzer that reads a word
// with an apostrophe however it is written: a name such as "D'Angelo" or
// "O’Brien" was one word with the apostrophe as typed, so "D’Angelo"
// (typographic) did not find "D'Angelo" (typewriter), nor did "dangelo"
// or "Angelo". Every apostrophe is indexed as ', and beside the word, at
// its place, the word without its apostrophes ("dangelo") and, after a
// one-letter elision ("d'", "o'", "l'"), the rest ("angelo").
const ApostrophesName = "docmill_apostrophes"

// apostrophesQueryName is ApostrophesName as TextQueryAnalyzer reads a
// query: the apostrophe as ', without the other forms beside the word,
// which would widen "D'Angelo" to every "Angelo".
const apostrophesQueryName = "docmill_apostrophes_query"

func init() {
	for name, f := range map[string]apostrophes{ApostrophesName: {forms: true}, apostrophesQueryName: {}} {
		err := registry.RegisterTokenFilter(name, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
		})
		if err != nil {
			panic(err)
		}
	}
}

// apostropheRunes are the characters text writes as an apostrophe: the
// typewriter one, the right single quotation mark word processors put
// there, the modifier letter and the full-width one.
var apostropheRunes = []rune{'\'', '’', 'ʼ', '＇'}

type apostrophes struct {
	forms bool // add the word's other forms beside it
}

func (a apostrophes) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream // nil until a word with an apostrophe
	for k, t := range in {
		if !bytes.ContainsAny(t.Term, "'’ʼ＇") {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make(analysis.TokenStream, 0, len(in)+2), in[:k]...)
		}
		for _, r := range apostropheRunes[1:] {
			t.Term = bytes.ReplaceAll(t.Term, []byte(string(r)), []byte("'"))
		}
		out = append(out, t)
		if !a.forms {
			continue
		}
		if joined := bytes.ReplaceAll(t.Term, []byte("'"), nil); len(joined) > 0 {
			out = append(out, &analysis.Token{Term: joined, Start: t.Start, End: t.End, Position: t.Position, Type: t.Type, KeyWord: t.KeyWord})
		}
		// an elision: one letter and the apostrophe ("d'", "l'")
		if i := bytes.IndexByte(t.Term, '\''); i > 0 && utf8.RuneCount(t.Term[:i]) == 1 {
			rest := bytes.ReplaceAll(t.Term[i+1:], []byte("'"), nil)
			if utf8.RuneCount(rest) >= 2 {
				out = append(out, &analysis.Token{Term: rest, Start: t.Start, End: t.End, Position: t.Position, Type: t.Type, KeyWord: t.KeyWord})
			}
		}
	}
	if out == nil {
		return in
	}
	return out
}
