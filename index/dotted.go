package index

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// DottedPartsName is the token filter of TextAnalyzer that indexes the
// parts of a dotted (or colon-joined, see partsOf) name beside the name,
// at its position: a Java class
// or a logger ("java.io.IOException", "spark.CacheManager",
// "NameSystem.addStoredBlock") and a host ("docs.apache.org") are one
// word to the tokenizer, so "IOException" found none of the logs that
// throw it. Queries are analysed without it (TextQueryAnalyzer): a query
// for "java.io.IOException" stays that word.
const DottedPartsName = "docmill_dotted_parts_2"

// dottedParts1Name is DottedPartsName as indexes made before 2026-12-01
// session 32 know it: dots only, not colons. Its filter keeps working so,
// and such an index lists the rebuild among its upgrades.
const dottedParts1Name = "docmill_dotted_parts"

// TextQueryAnalyzer is the index's own TextAnalyzer without
// DottedPartsName, for query text: the parts beside a dotted word would
// widen a query to any of them (and so would the forms ApostrophesName
// adds, which it reads without). It is defined on each index as it opens
// (defineQueryAnalyzer), from the analyser the index was made with, so
// that a query is read with the stop words, folding and filters its text
// was indexed with, whichever release made it.
const TextQueryAnalyzer = "docmill_text_query"

// defineQueryAnalyzer defines TextQueryAnalyzer on m from m's
// TextAnalyzer; false when that has no DottedPartsName (queries are then
// read with TextAnalyzer itself).
func defineQueryAnalyzer(m *mapping.IndexMappingImpl) bool {
	text, ok := m.CustomAnalysis.Analyzers[TextAnalyzer]
	if !ok || !slices.ContainsFunc(tokenFilters(m), isDottedParts) {
		return false
	}
	if _, defined := m.CustomAnalysis.Analyzers[TextQueryAnalyzer]; defined {
		return true
	}
	q := copyConfig(text)
	filters, _ := q["token_filters"].([]interface{})
	filters = slices.DeleteFunc(slices.Clone(filters), func(f interface{}) bool { s, _ := f.(string); return isDottedParts(s) })
	for i, f := range filters {
		if f == ApostrophesName {
			filters[i] = apostrophesQueryName // the apostrophe as ', no other forms
		}
	}
	q["token_filters"] = filters
	return m.AddCustomAnalyzer(TextQueryAnalyzer, q) == nil
}

// isDottedParts reports whether a token filter name is DottedPartsName
// or an earlier version of it.
func isDottedParts(name string) bool { return name == DottedPartsName || name == dottedParts1Name }

func init() {
	for name, f := range map[string]dottedParts{DottedPartsName: {colon: true}, dottedParts1Name: {}} {
		err := registry.RegisterTokenFilter(name, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
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
type dottedParts struct {
	colon bool // a colon parts a word too (see partsOf)
}

func (d dottedParts) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream // nil until a dotted word: most texts have none
	for k, t := range in {
		parts := partsOf(t, d.colon)
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
//
// A colon parts a word too: Unicode's word rules keep "user:mallory",
// "Owner:jsmith" and "ERR:timeout" one word (a colon may sit inside one,
// as in Swedish "S:t"), so a log's or a form's "key:value" was found only
// whole, never by its value.
func partsOf(t *analysis.Token, colon bool) analysis.TokenStream {
	seps := "."
	if colon {
		seps = ".:"
	}
	if bytes.IndexAny(t.Term, seps) < 0 {
		return nil
	}
	var out analysis.TokenStream
	start := 0
	for _, p := range bytes.FieldsFunc(t.Term, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		start = bytes.Index(t.Term[start:], p) + start
		if namePart(p) {
			out = append(out, &analysis.Token{Term: append([]byte(nil), p...), Start: t.Start + start, End: t.Start + start + len(p),
				Position: t.Position, Type: t.Type, KeyWord: t.KeyWord})
		}
		start += len(p)
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
