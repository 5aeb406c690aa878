package index

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
)

// highlighterName is docmill's highlighter in Bleve's registry: Bleve's
// "html" highlighter fed with a bounded number of each field's matches.
const highlighterName = "docmill-html"

// maxHighlightLocations bounds the matches of one field that highlighting
// looks at: the first ones in the text. Bleve's simple highlighter makes a
// fragment around every match and scores every fragment against every
// match, so its cost grows with the square of the matches: a wildcard
// matching every word of a 6 MB text held a search for 9 minutes. Like
// Elasticsearch's max_analyzed_offset, the bound keeps one huge document
// from stalling every search that finds it; its fragments then come from
// the opening part of the text.
const maxHighlightLocations = 256

func init() {
	if err := registry.RegisterHighlighter(highlighterName, newBoundedHighlighter); err != nil {
		panic(err)
	}
}

func newBoundedHighlighter(config map[string]interface{}, cache *registry.Cache) (highlight.Highlighter, error) {
	h, err := html.Constructor(config, cache)
	if err != nil {
		return nil, fmt.Errorf("build %s highlighter: %w", highlighterName, err)
	}
	return boundedHighlighter{h}, nil
}

// boundedHighlighter hands the inner highlighter at most
// maxHighlightLocations matches per field.
type boundedHighlighter struct{ highlight.Highlighter }

// BestFragmentsInField implements highlight.Highlighter.
func (b boundedHighlighter) BestFragmentsInField(dm *search.DocumentMatch, doc index.Document, field string, num int) []string {
	all := dm.Locations[field]
	shown := all
	if countLocations(all) > maxHighlightLocations {
		shown = firstLocations(all, maxHighlightLocations)
	}
	dm.Locations[field] = joinedLocations(shown)
	defer func() { dm.Locations[field] = all }()
	frags := b.Highlighter.BestFragmentsInField(dm, doc, field, num)
	for i, f := range frags {
		frags[i] = wholeWords(f)
	}
	// the inner highlighter also filed its fragments in the match, which is
	// where a search reads them
	for i, f := range dm.Fragments[field] {
		dm.Fragments[field][i] = wholeWords(f)
	}
	return frags
}

// fragmentEllipsis is what Bleve's html fragment formatter puts where a
// fragment cuts the text.
const fragmentEllipsis = "…"

// wholeWords drops the part of a word that a fragment's cut leaves at
// either end ("…f a personal data breach … supervisory auth…" reads
// "… a personal data breach … supervisory…"), unless it is highlighted.
func wholeWords(f string) string {
	if rest, ok := strings.CutPrefix(f, fragmentEllipsis); ok {
		if i := strings.IndexFunc(rest, wordEdge); i > 0 && !strings.Contains(rest[:i], "<") {
			f = fragmentEllipsis + rest[i:]
		}
	}
	if rest, ok := strings.CutSuffix(f, fragmentEllipsis); ok && !strings.HasSuffix(rest, " ") && !strings.ContainsAny(rest[max(0, len(rest)-1):], ".,;:!?)") {
		if i := strings.LastIndexFunc(rest, wordEdge); i >= 0 && !strings.Contains(rest[i:], ">") {
			if r, n := utf8.DecodeRuneInString(rest[i:]); !unicode.IsSpace(r) {
				i += n // a Han character ends the text kept
			}
			if i < len(rest) {
				f = trimCut(rest[:i]) + fragmentEllipsis
			}
		}
	}
	return f
}

// trimCut trims the spaces and punctuation that a cut leaves before the
// ellipsis, but not the semicolon that ends a character reference: the
// fragment is escaped HTML, and "&gt;" cut to "&gt" was invalid HTML.
func trimCut(s string) string {
	for {
		s = strings.TrimRight(s, " \n\t,:")
		if !strings.HasSuffix(s, ";") || endsInCharRef(s) {
			return s
		}
		s = s[:len(s)-1]
	}
}

// endsInCharRef reports whether s ends with a character reference, as
// html.EscapeString writes them (&lt; &amp; &#34;).
func endsInCharRef(s string) bool {
	amp := strings.LastIndexByte(s, '&')
	if amp < 0 {
		return false
	}
	name := strings.TrimPrefix(s[amp+1:len(s)-1], "#")
	return name != "" && strings.IndexFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) < 0
}

// wordEdge is where a word of Latin letters may begin or end: a space, or
// a Chinese character beside it, as in mixed text ("…igues参数" is
// "…参数").
func wordEdge(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF65
}

// BestFragmentInField implements highlight.Highlighter.
func (b boundedHighlighter) BestFragmentInField(dm *search.DocumentMatch, doc index.Document, field string) string {
	if f := b.BestFragmentsInField(dm, doc, field, 1); len(f) > 0 {
		return f[0]
	}
	return ""
}

// joinedSep separates the terms a joined location is named by.
const joinedSep = "\x00"

func countLocations(tlm search.TermLocationMap) int {
	n := 0
	for _, locs := range tlm {
		n += len(locs)
	}
	return n
}

// firstLocations keeps the n matches of tlm that come first in the field.
func firstLocations(tlm search.TermLocationMap, n int) search.TermLocationMap {
	type termLoc struct {
		term string
		loc  *search.Location
	}
	all := make([]termLoc, 0, countLocations(tlm))
	for term, locs := range tlm {
		for _, l := range locs {
			all = append(all, termLoc{term, l})
		}
	}
	slices.SortFunc(all, func(a, b termLoc) int {
		if c := slices.Compare(a.loc.ArrayPositions, b.loc.ArrayPositions); c != 0 {
			return c
		}
		return cmp.Compare(a.loc.Start, b.loc.Start)
	})
	out := search.TermLocationMap{}
	for _, tl := range all[:min(n, len(all))] {
		out[tl.term] = append(out[tl.term], tl.loc)
	}
	return out
}

// joinedLocations is tlm with matches that overlap made one: a Chinese
// word is overlapping bigrams (人民币 is 人民 and 民币), and Bleve's
// formatter skips a match that starts inside the one before it, so the
// word came out as <mark>人民</mark>币.
func joinedLocations(tlm search.TermLocationMap) search.TermLocationMap {
	type termLoc struct {
		term string
		loc  search.Location
	}
	all := make([]termLoc, 0, countLocations(tlm))
	for term, locs := range tlm {
		for _, l := range locs {
			all = append(all, termLoc{term, *l})
		}
	}
	slices.SortFunc(all, func(a, b termLoc) int {
		if c := slices.Compare(a.loc.ArrayPositions, b.loc.ArrayPositions); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.loc.Start, b.loc.Start), cmp.Compare(b.loc.End, a.loc.End))
	})
	var kept []termLoc
	for _, tl := range all {
		if n := len(kept); n > 0 && slices.Equal(kept[n-1].loc.ArrayPositions, tl.loc.ArrayPositions) && tl.loc.Start < kept[n-1].loc.End {
			kept[n-1].loc.End = max(kept[n-1].loc.End, tl.loc.End)
			// named by all its terms: Bleve scores a fragment by the distinct
			// terms in it, and a phrase's bigrams joined under its first
			// ("协商" of 协商不成) tied with that word alone elsewhere, so
			// the opening's "友好协商" was shown instead of the clause
			if !strings.HasSuffix(kept[n-1].term, joinedSep+tl.term) {
				kept[n-1].term += joinedSep + tl.term
			}
			continue
		}
		kept = append(kept, tl)
	}
	out := make(search.TermLocationMap, len(tlm))
	for i := range kept {
		out[kept[i].term] = append(out[kept[i].term], &kept[i].loc)
	}
	return out
}
