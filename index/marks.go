package index

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// maxMarks bounds the spans Marks returns: a page marking every line of a
// long log that names the word searched for helps no reader and costs the
// browser.
const maxMarks = 2000

// Marks are the places in text, a document's body as stored, that query q
// matches, as search finds them (the same words, phrases and patterns its
// snippets mark), in order and not overlapping; nil for a query that
// matches everything or names no word. A document page marks them, so a
// reader who opened a hit sees where it matched rather than searching a
// long text again. A query the index refuses is an error wrapping
// ErrBadQuery.
func (ix *Index) Marks(q, text string) ([]Span, error) {
	q = asciiSyntax(q)
	if text == "" || matchesAll(q) {
		return nil, nil
	}
	top, err := ix.textQuery(q)
	if err != nil {
		return nil, fmt.Errorf("marks: %w", err)
	}
	var m mapping.IndexMapping
	if err := ix.read(func(bi bleve.Index) error { m = bi.Mapping(); return nil }); err != nil {
		return nil, fmt.Errorf("marks: %w", err)
	}
	h := hlMatchers(top, m, []string{"body"})["body"]
	a := m.AnalyzerNamed(m.AnalyzerNameForPath("body"))
	if h.empty() || a == nil {
		return nil, nil
	}
	var spans []Span
	for _, locs := range h.locations(a.Analyze([]byte(text))) {
		for _, l := range locs {
			spans = append(spans, Span{int(l.Start), int(l.End)})
		}
	}
	return narrowHan(mergeSpans(spans, text), text, loneHanTerms(q)), nil
}

// mergeSpans sorts spans, joins those that overlap (a Chinese word's
// bigrams) or that only spaces part (a phrase's words: one mark reads as
// the phrase searched for), and keeps the first maxMarks.
func mergeSpans(spans []Span, text string) []Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && (s.Start < out[n-1].End || strings.Trim(text[out[n-1].End:s.Start], " ") == "") {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		if len(out) == maxMarks {
			break
		}
		out = append(out, s)
	}
	return out
}

// narrowHan narrows the spans of a query for lone Chinese characters
// ("血") to those characters: the index matches the bigrams holding one,
// and marking "血压" whole for "血" shows more than was searched for.
func narrowHan(spans []Span, text string, lone map[rune]bool) []Span {
	if len(lone) == 0 {
		return spans
	}
	var out []Span
	for _, s := range spans {
		for i, r := range text[s.Start:s.End] {
			if lone[r] {
				out = append(out, Span{s.Start + i, s.Start + i + utf8.RuneLen(r)})
			}
		}
	}
	return out
}
