package index

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// rewrite adjusts a parsed query to how TextAnalyzer indexed the text
// (the caller has walked it out of the query string):
//
//   - A term that analyses into several tokens is a phrase of them. One
//     word as typed ("non-compete", "AT&T", 控制器, which becomes the
//     bigrams 控制 制器) was searched as any of its pieces: "控制器 NOT
//     仿真" returned documents with 控制 alone, none with 控制器.
//   - A single Chinese character also finds the bigrams it is part of.
//   - Wildcards, prefixes and regular expressions are matched against
//     indexed terms, which are lower case and stemmed: the pattern is
//     lower-cased, and a trailing-star prefix also matches the stem of its
//     literal part ("terminat*" found 2 of 238 documents; the index holds
//     "termin").
//   - A year, month or day searched in a contract date field
//     ("expiration_date:2027-03") is the range of days it covers.
//   - Values of the lower-cased keyword fields (class, keywords, ...; party,
//     governing law and sub-type where folded) are lower-cased:
//     "keywords:\"Confidential Information\"" found nothing.
//
// lowered says which keyword fields the index holds in lower case.
func rewrite(q query.Query, an analysis.Analyzer, lowered func(string) bool) query.Query {
	switch t := q.(type) {
	case *query.BooleanQuery:
		for _, c := range []query.Query{t.Must, t.Should, t.MustNot, t.Filter} {
			rewrite(c, an, lowered)
		}
	case *query.ConjunctionQuery:
		for i, c := range t.Conjuncts {
			t.Conjuncts[i] = rewrite(c, an, lowered)
		}
	case *query.DisjunctionQuery:
		for i, c := range t.Disjuncts {
			t.Disjuncts[i] = rewrite(c, an, lowered)
		}
	case *query.MatchQuery:
		if d := rewriteDate(t.FieldVal, t.Match); d != nil {
			return d
		}
		return rewriteMatch(t, an, lowered)
	case *query.MatchPhraseQuery:
		if d := rewriteDate(t.FieldVal, t.MatchPhrase); d != nil {
			return d
		}
		if lowered(t.FieldVal) {
			t.MatchPhrase = strings.ToLower(t.MatchPhrase)
		}
	case *query.WildcardQuery:
		return rewritePattern(t, an, lowered)
	case *query.RegexpQuery:
		if textField(t.FieldVal) || lowered(t.FieldVal) {
			t.Regexp = strings.ToLower(t.Regexp)
		}
	case *query.PrefixQuery:
		if textField(t.FieldVal) || lowered(t.FieldVal) {
			t.Prefix = strings.ToLower(t.Prefix)
		}
	}
	return q
}

// lowerFields are keyword fields whose values are stored in lower case
// (see also foldedFields).
var lowerFields = map[string]bool{"class": true, "keywords": true, "language": true, "content_type": true, "depth": true}

func rewriteMatch(t *query.MatchQuery, an analysis.Analyzer, lowered func(string) bool) query.Query {
	if lowered(t.FieldVal) {
		t.Match = strings.ToLower(t.Match)
		return t
	}
	if !textField(t.FieldVal) || t.Fuzziness != 0 {
		return t
	}
	r := []rune(strings.TrimSpace(t.Match))
	if len(r) == 1 && unicode.Is(unicode.Han, r[0]) {
		c := string(r)
		first := bleve.NewPrefixQuery(c)
		second := bleve.NewRegexpQuery("." + c)
		first.SetField(t.FieldVal)
		second.SetField(t.FieldVal)
		return boosted(bleve.NewDisjunctionQuery(t, first, second), t.BoostVal)
	}
	if an == nil {
		return t
	}
	toks := an.Analyze([]byte(t.Match))
	if singleLetters(toks) {
		// a single letter is indexed for phrases ("Section 2.3(a)") but
		// alone matches nearly every document: as a stop word it was
		return bleve.NewMatchNoneQuery()
	}
	if len(toks) < 2 {
		return t
	}
	p := bleve.NewMatchPhraseQuery(t.Match)
	p.SetField(t.FieldVal)
	if t.BoostVal != nil {
		p.SetBoost(t.BoostVal.Value())
	}
	return p
}

// rewritePattern lower-cases a wildcard pattern. A prefix ("terminat*")
// also matches the stems its literal part begins with: Porter stemming
// cuts a word's last letters, so "terminate" and "termination" are
// indexed as "termin", which "terminat" does not prefix. Stems of up to
// maxStemCut letters less, and at least minStem long, are searched as
// terms, and the stem of the literal as a prefix.
func rewritePattern(t *query.WildcardQuery, an analysis.Analyzer, lowered func(string) bool) query.Query {
	if !textField(t.FieldVal) && !lowered(t.FieldVal) {
		return t
	}
	t.Wildcard = strings.ToLower(t.Wildcard)
	lit, ok := strings.CutSuffix(t.Wildcard, "*")
	if !ok || strings.ContainsAny(lit, "*?") || an == nil || !textField(t.FieldVal) || !isASCIIWord(lit) {
		return t
	}
	d := bleve.NewDisjunctionQuery(t)
	for cut := 1; cut <= maxStemCut && len(lit)-cut >= minStem; cut++ {
		tq := bleve.NewTermQuery(lit[:len(lit)-cut])
		tq.SetField(t.FieldVal)
		d.AddQuery(tq)
	}
	if toks := an.Analyze([]byte(lit)); len(toks) == 1 && string(toks[0].Term) != lit {
		stem := bleve.NewPrefixQuery(string(toks[0].Term))
		stem.SetField(t.FieldVal)
		d.AddQuery(stem)
	}
	if len(d.Disjuncts) == 1 {
		return t
	}
	return boosted(d, t.BoostVal)
}

// Porter stemming removes at most a few letters ("-ational" -> "-ate" is
// the longest change); shorter stems would match unrelated words.
const (
	maxStemCut = 3
	minStem    = 4
)

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// singleLetters reports whether every token is one ASCII letter.
func singleLetters(toks analysis.TokenStream) bool {
	for _, t := range toks {
		if len(t.Term) != 1 || t.Term[0] < 'a' || t.Term[0] > 'z' {
			return false
		}
	}
	return len(toks) > 0
}

func boosted(d *query.DisjunctionQuery, b *query.Boost) query.Query {
	if b != nil {
		d.SetBoost(b.Value())
	}
	return d
}
