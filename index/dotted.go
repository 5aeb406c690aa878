package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/registry"
)

// DottedPartsName is the token filter of TextAnalyzer that indexes the
// parts of a dotted name beside the name, at its position: a Java class
// or a logger ("java.io.IOException", "spark.CacheManager",
// "NameSystem.addStoredBlock") and a host ("docs.apache.org") are one
// word to the tokenizer, so "IOException" found none of the logs that
// throw it. Queries are analysed without it (TextQueryAnalyzer): a query
// for "java.io.IOException" stays that word.
const DottedPartsName = "docmill_dotted_parts"

// TextQueryAnalyzer is TextAnalyzer without DottedPartsName, for query
// text: the parts beside a dotted word would widen a query to any of
// them.
const TextQueryAnalyzer = "docmill_text_query"

// textQueryAnalyzerConfig is TextQueryAnalyzer as Bleve custom-analyser
// config.
var textQueryAnalyzerConfig = map[string]interface{}{
	"type":          custom.Name,
	"tokenizer":     textAnalyzerConfig["tokenizer"],
	"token_filters": withoutFilter(textAnalyzerConfig["token_filters"].([]interface{}), DottedPartsName),
}

func withoutFilter(fs []interface{}, name string) []interface{} {
	var out []interface{}
	for _, f := range fs {
		if f != name {
			out = append(out, f)
		}
	}
	return out
}

func init() {
	err := registry.RegisterTokenFilter(DottedPartsName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return dottedParts{}, nil
	})
	if err != nil {
		panic(err)
	}
	err = registry.RegisterAnalyzer(TextQueryAnalyzer, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		return custom.AnalyzerConstructor(textQueryAnalyzerConfig, cache)
	})
	if err != nil {
		panic(err)
	}
}

// dottedParts adds, after a word with dots between letters, each of its
// parts of two or more characters with a letter, at the word's position.
// Numbers ("2.3.1") and abbreviations ("e.g", "U.S") have no such parts.
type dottedParts struct{}

func (dottedParts) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	for _, t := range in {
		out = append(out, t)
		if !dottedWord(t.Term) {
			continue
		}
		start := 0
		term := t.Term
		for i := 0; i <= len(term); i++ {
			if i < len(term) && term[i] != '.' {
				continue
			}
			if part := term[start:i]; namePart(part) {
				out = append(out, &analysis.Token{Term: append([]byte(nil), part...), Start: t.Start + start, End: t.Start + i,
					Position: t.Position, Type: t.Type, KeyWord: t.KeyWord})
			}
			start = i + 1
		}
	}
	return out
}

// dottedWord reports a word with a dot between two letters or digits and
// at least two parts that namePart accepts.
func dottedWord(term []byte) bool {
	if !strings.Contains(string(term), ".") {
		return false
	}
	n := 0
	for _, p := range strings.Split(string(term), ".") {
		if namePart([]byte(p)) {
			n++
		}
	}
	return n >= 2
}

// namePart is a part of a dotted name worth a term: two characters or
// more, one a letter.
func namePart(p []byte) bool {
	if utf8.RuneCount(p) < 2 {
		return false
	}
	for _, r := range string(p) {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
