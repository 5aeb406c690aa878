package index

import (
	"bytes"
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
const TextQueryAnalyzer = "docmill_text_query_2"

// textQuery1Analyzer is TextQueryAnalyzer for indexes made before
// StopName2: their stop words (StopName) drop "off" from a query's
// "set-off" as they dropped it from the text.
const textQuery1Analyzer = "docmill_text_query"

// textQueryAnalyzerConfig is TextQueryAnalyzer as Bleve custom-analyser
// config.
var textQueryAnalyzerConfig = queryConfig(StopName2)

func queryConfig(stopFilter string) map[string]interface{} {
	var filters []interface{}
	for _, f := range textAnalyzerConfig["token_filters"].([]interface{}) {
		switch f {
		case DottedPartsName:
		case StopName, StopName2:
			filters = append(filters, stopFilter)
		default:
			filters = append(filters, f)
		}
	}
	return map[string]interface{}{"type": custom.Name, "tokenizer": textAnalyzerConfig["tokenizer"], "token_filters": filters}
}

func init() {
	err := registry.RegisterTokenFilter(DottedPartsName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return dottedParts{}, nil
	})
	if err != nil {
		panic(err)
	}
	for name, config := range map[string]map[string]interface{}{TextQueryAnalyzer: textQueryAnalyzerConfig, textQuery1Analyzer: queryConfig(StopName)} {
		err = registry.RegisterAnalyzer(name, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
			return custom.AnalyzerConstructor(config, cache)
		})
		if err != nil {
			panic(err)
		}
	}
}

// dottedParts adds, after a word with dots, each of its parts of two or
// more characters with a letter, at the word's position, when it has two
// such parts.
// Numbers ("2.3.1") and abbreviations ("e.g", "U.S") have no such parts.
type dottedParts struct{}

func (dottedParts) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream // nil until a dotted word: most texts have none
	for k, t := range in {
		parts := partsOf(t)
		if parts == nil {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make(analysis.TokenStream, 0, len(in)+len(parts)), in[:k]...)
		}
		out = append(append(out, t), parts...)
	}
	if out == nil {
		return in
	}
	return out
}

// partsOf is the tokens of t's parts, at t's position, or nil when t is no
// dotted word with two parts that namePart accepts.
func partsOf(t *analysis.Token) analysis.TokenStream {
	if bytes.IndexByte(t.Term, '.') < 0 {
		return nil
	}
	var out analysis.TokenStream
	start := 0
	for _, p := range bytes.Split(t.Term, []byte{'.'}) {
		if namePart(p) {
			out = append(out, &analysis.Token{Term: append([]byte(nil), p...), Start: t.Start + start, End: t.Start + start + len(p),
				Position: t.Position, Type: t.Type, KeyWord: t.KeyWord})
		}
		start += len(p) + 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
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
