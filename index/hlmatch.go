package index

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// maxHighlightBytes is how much of a field's text highlighting reads:
// fragments come from its opening. Matching there costs the same whatever
// the query: the text is analysed once and each word looked up, where
// Bleve's highlighting reads the position of every occurrence of every
// query clause in the whole field (some 0.8 KB each: a 2 MB text of one
// word and a query naming it 32 times took 3.7 GB).
const maxHighlightBytes = 64 << 10

// maxHighlightPatterns bounds the wildcard, prefix and regular-expression
// clauses highlighting tries on each word; a query with more highlights
// its plain words only.
const maxHighlightPatterns = 32

// hlMatcher is what a query looks for in one field, for highlighting:
// words (as the field's analyser writes them), patterns over words, and
// phrases (word sequences by relative position).
type hlMatcher struct {
	terms    map[string]bool
	patterns []*regexp.Regexp
	phrases  [][]phraseTerm
}

type phraseTerm struct {
	term string
	pos  int             // relative to the phrase's first word
	alts map[string]bool // other words that may stand here (a multi-phrase query)
}

func (p phraseTerm) is(term string) bool { return term == p.term || p.alts[term] }

// hlMatchers collects, per highlighted field, what query q matches. Parts
// under a must-not are left out: they match no hit.
func hlMatchers(q query.Query, m mapping.IndexMapping, fields []string) map[string]*hlMatcher {
	out := map[string]*hlMatcher{}
	for _, f := range fields {
		out[f] = &hlMatcher{terms: map[string]bool{}}
	}
	walkQuery(q, false, func(q query.Query) {
		switch q := q.(type) {
		case *query.MatchQuery:
			for _, t := range analyse(m, q.FieldVal, q.Analyzer, q.Match) {
				forFields(out, m, q.FieldVal, func(h *hlMatcher) { h.terms[string(t.Term)] = true })
			}
		case *query.MatchPhraseQuery:
			phrase := phraseOf(analyse(m, q.FieldVal, q.Analyzer, q.MatchPhrase))
			forFields(out, m, q.FieldVal, func(h *hlMatcher) { h.addPhrase(phrase) })
		case *query.PhraseQuery:
			var phrase []phraseTerm
			for i, t := range q.Terms {
				phrase = append(phrase, phraseTerm{term: t, pos: i})
			}
			forFields(out, m, q.FieldVal, func(h *hlMatcher) { h.addPhrase(phrase) })
		case *query.MultiPhraseQuery:
			phrase := multiPhraseOf(q.Terms)
			forFields(out, m, q.FieldVal, func(h *hlMatcher) { h.addPhrase(phrase) })
		case *query.TermQuery:
			forFields(out, m, q.FieldVal, func(h *hlMatcher) { h.terms[q.Term] = true })
		case *query.FuzzyQuery:
			forFields(out, m, q.FieldVal, func(h *hlMatcher) { h.terms[q.Term] = true })
		case *query.PrefixQuery:
			addPattern(out, m, q.FieldVal, regexp.QuoteMeta(q.Prefix)+".*")
		case *query.WildcardQuery:
			addPattern(out, m, q.FieldVal, wildcardToRegexp.Replace(q.Wildcard))
		case *query.RegexpQuery:
			addPattern(out, m, q.FieldVal, q.Regexp)
		}
	})
	return out
}

// wildcardToRegexp is Bleve's translation of a wildcard to a regular
// expression.
var wildcardToRegexp = strings.NewReplacer("+", `\+`, "(", `\(`, ")", `\)`, "^", `\^`, "$", `\$`, ".", `\.`,
	"{", `\{`, "}", `\}`, "[", `\[`, "]", `\]`, `|`, `\|`, `\`, `\\`, "*", ".*", "?", ".")

func (h *hlMatcher) addPhrase(p []phraseTerm) {
	switch len(p) {
	case 0:
	case 1:
		h.terms[p[0].term] = true
		for t := range p[0].alts {
			h.terms[t] = true
		}
	default:
		h.phrases = append(h.phrases, p)
	}
}

func addPattern(out map[string]*hlMatcher, m mapping.IndexMapping, field, expr string) {
	re, err := regexp.Compile("^(?:" + expr + ")$")
	if err != nil {
		return
	}
	forFields(out, m, field, func(h *hlMatcher) {
		if len(h.patterns) < maxHighlightPatterns {
			h.patterns = append(h.patterns, re)
		}
	})
}

// forFields applies fn to the matchers of the highlighted fields that a
// query clause on field searches: all of them for the default field.
func forFields(out map[string]*hlMatcher, m mapping.IndexMapping, field string, fn func(*hlMatcher)) {
	if field == "" || field == m.DefaultSearchField() {
		for _, h := range out {
			fn(h)
		}
		return
	}
	if h, ok := out[field]; ok {
		fn(h)
	}
}

// analyse runs text through the analyser a query clause on field uses.
func analyse(m mapping.IndexMapping, field, analyzer, text string) analysis.TokenStream {
	if field == "" {
		field = m.DefaultSearchField()
	}
	if analyzer == "" {
		analyzer = m.AnalyzerNameForPath(field)
	}
	a := m.AnalyzerNamed(analyzer)
	if a == nil {
		return nil
	}
	return a.Analyze([]byte(text))
}

func phraseOf(ts analysis.TokenStream) []phraseTerm {
	var p []phraseTerm
	for _, t := range ts {
		p = append(p, phraseTerm{term: string(t.Term), pos: t.Position - ts[0].Position})
	}
	return p
}

// multiPhraseOf is a multi-phrase query's terms as a phrase: the first
// term of each position, the others its alternatives; a position with
// none (a gap) is left out.
func multiPhraseOf(terms [][]string) []phraseTerm {
	var p []phraseTerm
	for i, ts := range terms {
		if len(ts) == 0 {
			continue
		}
		pt := phraseTerm{term: ts[0], pos: i}
		for _, t := range ts[1:] {
			if pt.alts == nil {
				pt.alts = map[string]bool{}
			}
			pt.alts[t] = true
		}
		p = append(p, pt)
	}
	if len(p) > 0 {
		base := p[0].pos
		for i := range p {
			p[i].pos -= base
		}
	}
	return p
}

// locations finds what h matches in the analysed tokens of a field.
func (h *hlMatcher) locations(ts analysis.TokenStream) search.TermLocationMap {
	tlm := search.TermLocationMap{}
	// by position, for phrases; a dotted word's parts share its position
	// ("corp.example", "corp", "example"), and any of them continues one
	at := make(map[int][]*analysis.Token, len(ts))
	for _, t := range ts {
		at[t.Position] = append(at[t.Position], t)
	}
	added := map[*analysis.Token]bool{} // a word both a term and in a phrase is one match
	add := func(t *analysis.Token) {
		if !added[t] {
			added[t] = true
			tlm.AddLocation(string(t.Term), &search.Location{Pos: uint64(t.Position), Start: uint64(t.Start), End: uint64(t.End)})
		}
	}
	for _, t := range ts {
		if h.matches(string(t.Term)) {
			add(t)
		}
		for _, p := range h.phrases {
			if !p[0].is(string(t.Term)) {
				continue
			}
			var seq []*analysis.Token
			for _, pt := range p {
				n := tokenAt(at[t.Position+pt.pos], pt)
				if n == nil {
					seq = nil
					break
				}
				seq = append(seq, n)
			}
			for _, n := range seq {
				add(n)
			}
		}
	}
	return tlm
}

// tokenAt is the token of those at one position that is pt, nil if none.
func tokenAt(ts []*analysis.Token, pt phraseTerm) *analysis.Token {
	for _, t := range ts {
		if pt.is(string(t.Term)) {
			return t
		}
	}
	return nil
}

func (h *hlMatcher) matches(term string) bool {
	if h.terms[term] {
		return true
	}
	for _, re := range h.patterns {
		if re.MatchString(term) {
			return true
		}
	}
	return false
}

func (h *hlMatcher) empty() bool {
	return len(h.terms) == 0 && len(h.patterns) == 0 && len(h.phrases) == 0
}

// loneHanTerms are the Chinese characters a query searches on their own
// ("血", "控 -制"), nil when its Chinese is anything else: a lone character
// matches the bigrams it is part of, which highlighting marks whole.
func loneHanTerms(q string) map[rune]bool {
	var out map[rune]bool
	for _, t := range queryTerms(q) {
		t = strings.TrimLeft(t, "+-")
		if !strings.ContainsFunc(t, isHan) {
			continue
		}
		r := []rune(t)
		if len(r) != 1 {
			return nil
		}
		if out == nil {
			out = map[rune]bool{}
		}
		out[r[0]] = true
	}
	return out
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// markRe is a highlighted stretch of a fragment.
var markRe = regexp.MustCompile(`<mark>([^<]*)</mark>`)

// narrowMarks marks, inside a highlighted stretch of Chinese characters,
// only the characters of lone: a search for 血 marked 活血汤 and 虚血.
func narrowMarks(f string, lone map[rune]bool) string {
	if len(lone) == 0 || !strings.Contains(f, "<mark>") {
		return f
	}
	return markRe.ReplaceAllStringFunc(f, func(m string) string {
		inner := m[len("<mark>") : len(m)-len("</mark>")]
		if !strings.ContainsFunc(inner, func(r rune) bool { return lone[r] }) {
			return m
		}
		var b strings.Builder
		for _, r := range inner {
			if lone[r] {
				b.WriteString("<mark>" + string(r) + "</mark>")
			} else {
				b.WriteRune(r)
			}
		}
		return b.String()
	})
}
