package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// The rest of a long text, past its first MiB, is indexed without term
// positions (fieldBodyMore: positions cost Bleve some 40 bytes of memory
// per byte of text while indexing), and a phrase needs them. Without
// tailed, a quoted phrase, and any word that analyses into several
// tokens (第三十七条, 2025年6月30日, "non-compete"), found nothing there. There
// a phrase matches when the text holds all its words.

// tailed has every phrase on the text fields in q also match fieldBodyMore
// by all its words. A phrase P becomes P OR words(P) with both parts at
// twice P's boost: Bleve scales a disjunction by the share of its parts
// that match, so a text that holds the phrase only in its first MiB (every
// text shorter than that) scores as before.
func tailed(q query.Query) query.Query {
	switch t := q.(type) {
	case *query.BooleanQuery:
		// MustNot too: a text that a phrase finds is one that the phrase
		// excluded leaves out
		t.Must, t.Should, t.MustNot, t.Filter = tailedOrNil(t.Must), tailedOrNil(t.Should), tailedOrNil(t.MustNot), tailedOrNil(t.Filter)
	case *query.ConjunctionQuery:
		for i, c := range t.Conjuncts {
			t.Conjuncts[i] = tailed(c)
		}
	case *query.DisjunctionQuery:
		for i, c := range t.Disjuncts {
			t.Disjuncts[i] = tailed(c)
		}
	case *query.MatchPhraseQuery:
		if wholeText(t.FieldVal) {
			m := bleve.NewMatchQuery(t.MatchPhrase)
			m.SetField(fieldBodyMore)
			m.SetOperator(query.MatchQueryOperatorAnd)
			m.Analyzer = t.Analyzer
			return eitherPart(t, &t.BoostVal, m)
		}
	case *query.PhraseQuery:
		if wholeText(t.FieldVal) {
			return eitherPart(t, &t.BoostVal, allOf(t.Terms, nil))
		}
	case *query.MultiPhraseQuery:
		if wholeText(t.FieldVal) {
			return eitherPart(t, &t.BoostVal, allOf(nil, t.Terms))
		}
	}
	return q
}

func tailedOrNil(q query.Query) query.Query {
	if q == nil {
		return nil
	}
	return tailed(q)
}

// wholeText reports whether a query on field searches a text's body: the
// default field (_all) or body.
func wholeText(field string) bool {
	return field == "" || field == "_all" || field == "body"
}

// eitherPart is phrase OR tail, each at twice the phrase's boost (see
// tailed); boost is the phrase's own, which is set to the doubled value.
func eitherPart(phrase query.Query, boost **query.Boost, tail query.BoostableQuery) query.Query {
	w := 1.0
	if *boost != nil {
		w = (*boost).Value()
	}
	b := query.Boost(2 * w)
	*boost = &b
	tail.SetBoost(2 * w)
	return bleve.NewDisjunctionQuery(phrase, tail)
}

// allOf matches fieldBodyMore holding every term (terms) or one of the
// alternatives at every position (alts).
func allOf(terms []string, alts [][]string) query.BoostableQuery {
	var parts []query.Query
	for _, t := range terms {
		parts = append(parts, termOn(t))
	}
	for _, a := range alts {
		any := make([]query.Query, len(a))
		for i, t := range a {
			any[i] = termOn(t)
		}
		parts = append(parts, bleve.NewDisjunctionQuery(any...))
	}
	return bleve.NewConjunctionQuery(parts...)
}

func termOn(t string) query.Query {
	q := bleve.NewTermQuery(t)
	q.SetField(fieldBodyMore)
	return q
}
