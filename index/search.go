package index

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/docmill/docmill/lang"
)

// FacetFields are the fields the search API counts values of.
var FacetFields = []string{"class", "subtype", "keywords", "language", "source", "content_type", "party", "governing_law", "model_version", "depth"}

// ErrBadQuery wraps query syntax errors, which are the caller's to fix.
var ErrBadQuery = errors.New("bad query")

// ErrTooSlow is a search that ran past Options.SearchTimeout.
var ErrTooSlow = errors.New("search took too long")

// MaxQueryTerms bounds how many distinct indexed terms one wildcard,
// prefix, fuzzy term or regular expression may expand to. Without it
// "/.*/" over an index of 300,000 distinct words took 3 GB and 17 s; a
// single Chinese character's prefix (see textQuery) expands to the
// bigrams it starts, a few thousand at most.
const MaxQueryTerms = 8192

// MaxExpandingClauses bounds how many wildcards, prefixes, fuzzy terms and
// regular expressions one query holds: each may expand to MaxQueryTerms
// words, and Bleve builds their searchers before it looks at the
// deadline (300 "/[a-z]+/" took 15 s and 4 GB; 1,000 "/.*/" 12 GB).
const MaxExpandingClauses = 16

// MaxPhrases bounds how many phrases one query holds: each reads the
// positions of its words in every document that has them all (2,000
// quoted single letters, an 8 KB query, held a core for 5 s on 120
// contracts). A pasted clause holds fewer; an 8 KB log excerpt, whose
// dates, addresses and dotted names are phrases, may hold more, and is
// refused with the reason.
const MaxPhrases = 256

// expandingClauses counts the clauses of q that expand to many words.
func expandingClauses(q query.Query) int {
	n := 0
	walkQuery(q, true, func(q query.Query) {
		switch q := q.(type) {
		case *query.PrefixQuery, *query.WildcardQuery, *query.RegexpQuery, *query.FuzzyQuery:
			n++
		case *query.MultiPhraseQuery:
			if len(q.Terms) > 0 && len(q.Terms[len(q.Terms)-1]) > maxCompoundEnds {
				n++ // a compound's prefix (compoundPrefix) or a character's bigrams
			}
		case *query.MatchQuery:
			if q.Fuzziness > 0 {
				n++
			}
		}
	})
	return n
}

// phrases counts the phrase clauses of q.
func phrases(q query.Query) int {
	n := 0
	walkQuery(q, true, func(q query.Query) {
		switch q.(type) {
		case *query.MatchPhraseQuery, *query.PhraseQuery, *query.MultiPhraseQuery:
			n++
		}
	})
	return n
}

// walkQuery calls visit on each leaf of q: the parts of boolean,
// conjunction and disjunction queries (a must-not's only with mustNot),
// a query string's parsed query.
func walkQuery(q query.Query, mustNot bool, visit func(query.Query)) {
	switch t := q.(type) {
	case *query.QueryStringQuery:
		if p, err := t.Parse(); err == nil {
			walkQuery(p, mustNot, visit)
		}
	case *query.BooleanQuery:
		for _, c := range []query.Query{t.Must, t.Should, t.Filter} {
			if c != nil {
				walkQuery(c, mustNot, visit)
			}
		}
		if mustNot && t.MustNot != nil {
			walkQuery(t.MustNot, mustNot, visit)
		}
	case *query.ConjunctionQuery:
		for _, c := range t.Conjuncts {
			walkQuery(c, mustNot, visit)
		}
	case *query.DisjunctionQuery:
		for _, c := range t.Disjuncts {
			walkQuery(c, mustNot, visit)
		}
	default:
		visit(q)
	}
}

func init() {
	// Bleve's limit is process-wide; docmill owns the process.
	searcher.DisjunctionMaxClauseCount = MaxQueryTerms
}

// MaxFrom is the deepest offset a search page starts at, as
// Elasticsearch's max_result_window: deeper, every earlier hit is ranked
// and held for one page.
const MaxFrom = 10000

// DefaultSearchTimeout is Options.SearchTimeout when zero.
const DefaultSearchTimeout = 10 * time.Second

// Query is a search request.
type Query struct {
	Q       string              // query-string syntax; empty matches everything
	Filters map[string][]string // field -> accepted values (OR within a field, AND across fields)
	Since   time.Time           // ingested_at lower bound (inclusive) when not zero
	Until   time.Time           // ingested_at upper bound (exclusive) when not zero
	// ExpiresFrom and ExpiresUntil bound expiration_date as Since and
	// Until bound ingested_at (ExpiryRange gives a facet bucket's).
	ExpiresFrom, ExpiresUntil time.Time
	Size                      int    // hits per page (default 10, at most 200; negative: none, only the total and facets)
	From                      int    // offset of the first hit
	Sort                      string // "relevance" (default), "date" (newest first) or "-date"
	Facets                    int    // values per facet; 0 = default 10, < 0 = no facets
	NoHighlight               bool

	// FacetFields limits the term facets counted to these names from
	// FacetFields (the ingestion-date and expiry facets are always
	// counted); nil counts
	// them all, as the search page needs. An empty list skips reading the
	// term facets' values altogether.
	FacetFields []string
}

// Hit is one search hit.
type Hit struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Filename string `json:"filename"`
	Class    string `json:"class"`
	Subtype  string `json:"subtype,omitempty"`
	// SubtypeConfidence is how sure the analyser was of the sub-type.
	SubtypeConfidence float64   `json:"subtype_confidence,omitempty"`
	Confidence        float64   `json:"confidence"`
	Language          string    `json:"language"`
	Source            string    `json:"source"`
	Score             float64   `json:"score"`
	Fragments         []string  `json:"fragments,omitempty"` // HTML-escaped except <mark>
	Keywords          []string  `json:"keywords"`
	Summary           string    `json:"summary"`
	IngestedAt        time.Time `json:"ingested_at"`
	// Expires is a contract's expiration date (YYYY-MM-DD), what
	// sort=expires orders by; empty when it gives none.
	Expires string `json:"expires,omitempty"`
}

// FacetTerm is one value of a facet and how many hits have it.
type FacetTerm struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Result is a page of hits with facet counts.
type Result struct {
	Total  uint64                 `json:"total"`
	TookMs float64                `json:"took_ms"`
	Hits   []Hit                  `json:"hits"`
	Facets map[string][]FacetTerm `json:"facets,omitempty"`
	// Notice says why a query could match nothing: every word of it is
	// one the index leaves out ("and/or", "the"). Empty otherwise.
	Notice string `json:"notice,omitempty"`
}

// Search runs q. Its text may write the query syntax in full width (see
// asciiSyntax).
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	q.Q = asciiSyntax(q.Q)
	req, plan, err := ix.buildRequest(q)
	if err != nil {
		return nil, err
	}
	// Highlighting makes the search read term locations for every hit;
	// only the page's hits need them, so they get a second, small search.
	hl := req.Highlight
	req.Highlight = nil
	ctx, cancel := context.WithTimeout(ctx, ix.opts.searchTimeout())
	defer cancel()
	sctx := ctx
	facets := func(search.FacetResults) map[string][]FacetTerm { return nil }
	if q.Facets >= 0 {
		sctx, facets = plan.addFacets(ctx, req, start)
	}
	var res *bleve.SearchResult
	err = ix.read(func(bi bleve.Index) (err error) {
		c, err := ix.scoringContext(sctx, bi, req.Query)
		if err != nil {
			return err
		}
		res, err = bi.SearchInContext(c, req)
		return err
	})
	if err != nil {
		return nil, ix.searchError(ctx, q, err)
	}
	if hl != nil {
		if err := ix.highlight(ctx, req.Query, hl, res.Hits); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Q, err)
		}
	}
	out := &Result{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	lone := loneHanTerms(q.Q)
	for _, h := range res.Hits {
		hit := toHit(h)
		for i, f := range hit.Fragments {
			hit.Fragments[i] = narrowMarks(f, lone)
		}
		out.Hits = append(out.Hits, hit)
	}
	out.Facets = facets(res.Facets)
	for f, terms := range out.Facets {
		if terms == nil {
			out.Facets[f] = []FacetTerm{} // [] in JSON, as for a facet with values
		}
	}
	out.Notice = stopOnlyNotice(q.Q)
	if out.Notice == "" {
		out.Notice = fieldNotice(q.Q)
	}
	if out.Notice == "" && out.Total == 0 {
		out.Notice = ix.nameNotice(req.Query)
	}
	if out.Notice == "" && out.Total == 0 {
		out.Notice = ix.valueNotice(req.Query)
	}
	if out.Notice == "" && out.Total == 0 {
		out.Notice = ix.fuzzyNotice(ctx, q)
	}
	out.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// stopOnlyNotice explains a query made of stop words only ("and/or",
// "the", "to be"), which the index does not hold and which so matches
// nothing, however many texts say it; "" for any other query. Operators
// and field names are no words of the query.
func stopOnlyNotice(q string) string {
	var stops []string
	ops := 0
	for _, w := range lang.Words(q, "") {
		switch {
		case w.Text == "AND" || w.Text == "OR" || w.Text == "NOT":
			ops++
		case w.End < len(q) && q[w.End] == ':':
		case isStopWord(w.Text):
			if !slices.Contains(stops, strings.ToLower(w.Text)) {
				stops = append(stops, strings.ToLower(w.Text))
			}
		default:
			return ""
		}
	}
	if len(stops) == 0 && ops > 0 {
		return fmt.Sprintf("%q is made of operators only (AND, OR and NOT join words), so it matches nothing", strings.TrimSpace(q))
	}
	if len(stops) == 0 {
		return ""
	}
	return fmt.Sprintf("%q is made of words too common to be indexed (%s), so it matches nothing by itself; search it with the words around it, as in \"in writing and/or by e-mail\"",
		strings.TrimSpace(q), strings.Join(stops, ", "))
}

// searchError explains a failed search: the query's fault (ErrBadQuery),
// too slow (ErrTooSlow), or the index's.
func (ix *Index) searchError(ctx context.Context, q Query, err error) error {
	switch {
	case strings.Contains(err.Error(), "TooManyClauses"):
		return fmt.Errorf("%w: a wildcard, prefix, fuzzy term or regular expression matches over %d distinct words; make it more specific", ErrBadQuery, MaxQueryTerms)
	case badQuery(err):
		return fmt.Errorf("%w: %v", ErrBadQuery, err)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("%w (over %s): make the query more specific", ErrTooSlow, ix.opts.searchTimeout())
	}
	return fmt.Errorf("search %q: %w", q.Q, err)
}

// badQuery reports whether a search failed on what the user typed rather
// than on the index. Bleve compiles a query's regular expressions
// ("/[a-z/") only when it searches, so their syntax errors come back from
// the search, not from parsing the query string.
func badQuery(err error) bool {
	var re *syntax.Error
	msg := err.Error()
	return errors.As(err, &re) || strings.Contains(msg, "parse") || strings.Contains(msg, "syntax") ||
		strings.Contains(msg, "parsing regexp") || strings.Contains(msg, "fuzziness exceeds max") ||
		strings.Contains(msg, "dfa contains more than")
}

// highlight sets the fragments of hits: what query q matches in the
// opening maxHighlightBytes of each highlighted field, found by analysing
// that text (see hlMatcher), marked by the docmill-html highlighter. The
// cost is bounded by the text read, not by the query's clauses or the
// occurrences of its words in the whole document.
func (ix *Index) highlight(ctx context.Context, q query.Query, hl *bleve.HighlightRequest, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = hl.Fields
	req.Score = "none"
	var res *bleve.SearchResult
	var m mapping.IndexMapping
	err := ix.read(func(bi bleve.Index) (err error) {
		m = bi.Mapping()
		res, err = bi.SearchInContext(ctx, req)
		return err
	})
	if err != nil {
		return fmt.Errorf("highlight: %w", err)
	}
	marker, err := htmlHighlighter()
	if err != nil {
		return err
	}
	matchers := hlMatchers(q, m, hl.Fields)
	words := literalWords(q)
	stored := make(map[string]map[string]interface{}, len(res.Hits))
	for _, h := range res.Hits {
		stored[h.ID] = h.Fields
	}
	for _, h := range hits {
		h.Fragments = fragmentsOf(h.ID, stored[h.ID], hl.Fields, matchers, words, m, marker)
	}
	return nil
}

// literalWords are the words of q's text clauses as typed, lower-cased,
// for highlightWindow to look for in a stored text.
func literalWords(q query.Query) []string {
	var out []string
	walkQuery(q, false, func(q query.Query) {
		var text string
		switch t := q.(type) {
		case *query.MatchQuery:
			text = t.Match
		case *query.MatchPhraseQuery:
			text = t.MatchPhrase
		}
		for _, w := range strings.Fields(strings.ToLower(text)) {
			if utf8.RuneCountInString(w) >= 2 && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	})
	return out
}

// highlightWindow is the part of a stored text that highlighting reads:
// its opening maxHighlightBytes, or, when none of words occurs there, as
// much from a little before the first that occurs later. A log's match
// lies past its first 64 KiB as often as not, and such a hit showed no
// passage. Finding the words as typed (a case-blind search, no analysis)
// costs a pass over the text, not the analysis of all of it.
func highlightWindow(text string, words []string) string {
	if len(text) <= maxHighlightBytes || len(words) == 0 {
		return text[:cutAt(text, maxHighlightBytes)]
	}
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		return text[:cutAt(text, maxHighlightBytes)] // offsets would not map back
	}
	first := -1
	for _, w := range words {
		if i := strings.Index(lower, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < maxHighlightBytes-windowLead {
		return text[:cutAt(text, maxHighlightBytes)]
	}
	rest := text[cutAt(text, first-windowLead):]
	return rest[:cutAt(rest, maxHighlightBytes)]
}

// windowLead is how much text before the first match a later window
// keeps, for the fragment's context.
const windowLead = 512

// fragmentsOf marks what matchers find in the stored fields of document id.
func fragmentsOf(id string, fields map[string]interface{}, names []string, matchers map[string]*hlMatcher, words []string,
	m mapping.IndexMapping, marker highlight.Highlighter) search.FieldFragmentMap {
	dm := &search.DocumentMatch{ID: id, Locations: search.FieldTermLocationMap{}}
	doc := bdoc.NewDocument(id)
	var marked []string
	for _, f := range names {
		text, _ := fields[f].(string)
		if text == "" || matchers[f].empty() {
			continue
		}
		text = highlightWindow(text, words)
		a := m.AnalyzerNamed(m.AnalyzerNameForPath(f))
		if a == nil {
			continue
		}
		tlm := matchers[f].locations(a.Analyze([]byte(text)))
		if len(tlm) == 0 {
			continue
		}
		dm.Locations[f] = tlm
		doc.AddField(bdoc.NewTextField(f, nil, []byte(text)))
		marked = append(marked, f)
	}
	for _, f := range marked {
		marker.BestFragmentsInField(dm, doc, f, 1)
	}
	return dm.Fragments
}

// htmlHighlighter is the docmill-html highlighter, built once.
var htmlHighlighter = sync.OnceValues(func() (highlight.Highlighter, error) {
	h, err := registry.NewCache().HighlighterNamed(highlighterName)
	if err != nil {
		return nil, fmt.Errorf("highlighter %s: %w", highlighterName, err)
	}
	return h, nil
})

// matchQuery is the Bleve query for q's text, filters and dates.
func (ix *Index) matchQuery(q Query) (query.Query, error) {
	text, err := ix.textQuery(q.Q)
	if err != nil {
		return nil, err
	}
	parts := append([]query.Query{text}, filterQueries(q, ix.lowered, ix.keys)...)
	if len(parts) == 1 {
		return text, nil
	}
	return bleve.NewConjunctionQuery(parts...), nil
}

func (ix *Index) buildRequest(q Query) (*bleve.SearchRequest, facetPlan, error) {
	size := q.Size
	switch {
	case size < 0:
		size = 0 // counts only
	case size == 0:
		size = 10
	}
	if size > 200 {
		size = 200
	}
	if q.From < 0 {
		// Bleve panics on a negative offset
		return nil, facetPlan{}, fmt.Errorf("%w: from %d is negative", ErrBadQuery, q.From)
	}
	if q.From > MaxFrom {
		// Bleve keeps from+size hits in memory (a huge from failed making the slice)
		return nil, facetPlan{}, fmt.Errorf("%w: from %d is past %d; export every match instead (GET /api/export, docmill export)", ErrBadQuery, q.From, MaxFrom)
	}
	top, err := ix.matchQuery(q)
	if err != nil {
		return nil, facetPlan{}, err
	}
	if n := expandingClauses(top); n > MaxExpandingClauses {
		return nil, facetPlan{}, fmt.Errorf("%w: %d wildcards, prefixes, fuzzy terms and regular expressions; at most %d in one query", ErrBadQuery, n, MaxExpandingClauses)
	}
	if n := phrases(top); n > MaxPhrases {
		return nil, facetPlan{}, fmt.Errorf("%w: %d phrases (quoted words, or words joined by hyphens, dots or slashes); at most %d in one query", ErrBadQuery, n, MaxPhrases)
	}
	req := bleve.NewSearchRequestOptions(top, size, q.From, false)
	req.Fields = []string{fieldResult}
	if !q.NoHighlight && !matchesAll(q.Q) {
		req.Highlight = bleve.NewHighlightWithStyle(highlighterName)
		// Highlighting costs per field and hit: the Chinese fields can only
		// match a query with Chinese in it.
		req.Highlight.Fields = []string{"body", "title", "summary"}
		if ix.legacyCJK && hasCJK(q.Q) {
			req.Highlight.Fields = append(req.Highlight.Fields, "body"+cjkSuffix, "title"+cjkSuffix, "summary"+cjkSuffix)
		}
	}
	switch q.Sort {
	case "date":
		req.SortBy([]string{"-ingested_at", "-_score"})
	case "-date":
		req.SortBy([]string{"ingested_at", "-_score"})
	case "expires":
		// contracts by their end, the earliest first; documents without
		// an expiration date after them, by score
		req.SortByCustom(search.SortOrder{
			&search.SortField{Field: expiryFacetName, Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast},
			&search.SortScore{Desc: true},
		})
	}
	var plan facetPlan
	if q.Facets >= 0 {
		plan, err = ix.planFacets(q)
		if err != nil {
			return nil, facetPlan{}, err
		}
	}
	return req, plan, nil
}

// planFacets checks q's facet fields and picks how to count them.
func (ix *Index) planFacets(q Query) (facetPlan, error) {
	p := facetPlan{n: q.Facets, combined: ix.combinedFacets, fields: FacetFields}
	if p.n == 0 {
		p.n = 10
	}
	if q.FacetFields != nil {
		p.fields = nil
		for _, f := range FacetFields {
			if slices.Contains(q.FacetFields, f) {
				p.fields = append(p.fields, f)
			}
		}
		for _, f := range q.FacetFields {
			if !slices.Contains(FacetFields, f) {
				return facetPlan{}, fmt.Errorf("%w: no facet %q", ErrBadQuery, f)
			}
		}
	}
	return p, nil
}

// matchesAll reports whether q asks for every document: empty, or "*"
// alone, which would otherwise expand to every term of the index and mark
// every word of every hit.
func matchesAll(q string) bool {
	q = strings.TrimSpace(q)
	return q == "" || q == "*"
}

// quoteHint follows a query that does not parse: a time or a value with
// ":" or brackets reads as query syntax unless quoted.
const quoteHint = `put a value with ":", brackets or other symbols in quotes ("10:30", "Section 2(a)")`

// Hints for the other usual slips, which quoteHint does not explain.
var (
	// a comparison with a value that is no number or date
	rangeSlipRe = regexp.MustCompile(`\b[\pL_]+:[<>]=?(?:\s*$|\s*[^\d\s"(=-])`)
	// "<" or ">" outside a field's comparison
	angleSlipRe = regexp.MustCompile(`(?:^|[^:=])[<>]`)
	// a field name with nothing after its colon, at the query's end
	emptyFieldRe = regexp.MustCompile(`\b[\pL_]+:\s*$`)
	// a group with nothing in it after a name and a colon: "title:(",
	// "title:( )"
	emptyGroupRe = regexp.MustCompile(`(?:^|[\s(+-])([\pL_]+:)\(\s*(?:\)|$)`)
	// a phrase with a proximity ("data processing"~5), as Lucene-based
	// review tools take it: Bleve's syntax has none, and the advice to
	// quote told a user who had quoted nothing to do
	phraseSlopRe = regexp.MustCompile(`"[^"]*"~`)
)

// emptyGroup reports whether q gives a field an empty group ("title:(",
// "party:()"), which searched nothing and answered "0 documents"; a word
// that is no field ("Note:(") is text.
func emptyGroup(q string) bool {
	for _, m := range emptyGroupRe.FindAllStringSubmatch(q, -1) {
		if groupField(m[1]) != "" {
			return true
		}
	}
	return false
}

// syntaxHint is what to do about query q that did not parse: the slip it
// most likely holds, else quoteHint.
func syntaxHint(q string) string {
	switch {
	case rangeSlipRe.MatchString(q):
		return `a comparison takes a number or a date (amount:>=1000000, expiration_date:<2027-01-01)`
	case angleSlipRe.MatchString(q):
		return `"<" and ">" compare a field's value (amount:>1000); put text with them in quotes to search it`
	case phraseSlopRe.MatchString(q):
		return `a phrase takes no "~N" (words within N of each other is not supported): search "data processing" for the words side by side, or +data +processing for both anywhere in a document`
	case emptyFieldRe.MatchString(q):
		return `a field needs a value after its colon (title:GDPR); put text with a colon in quotes ("Note: draft")`
	}
	return quoteHint
}

// operatorsOnly reports whether q is Boolean operators and nothing else
// ("AND OR NOT").
func operatorsOnly(q string) bool {
	f := strings.Fields(q)
	return len(f) > 0 && !slices.ContainsFunc(f, func(t string) bool { return t != "AND" && t != "OR" && t != "NOT" })
}

// MaxQueryBytes bounds a query's text: Bleve's query-string lexer grows
// each word one character at a time, so one 900 KB word held a CPU for
// minutes. 8 KiB holds any clause a user pastes.
const MaxQueryBytes = 8 << 10

func (ix *Index) textQuery(q string) (query.Query, error) {
	if len(q) > MaxQueryBytes {
		return nil, fmt.Errorf("%w: the query is %d bytes long; at most %d", ErrBadQuery, len(q), MaxQueryBytes)
	}
	if matchesAll(q) {
		return bleve.NewMatchAllQuery(), nil
	}
	if operatorsOnly(q) {
		// dropped as operators, they left the empty query: every document
		return bleve.NewMatchNoneQuery(), nil
	}
	if emptyGroup(q) {
		// "title:(" or "title:()" searched nothing and answered "0 documents"
		return nil, fmt.Errorf("%w: syntax error; a field needs a value after its colon (title:GDPR, title:(lease OR tenancy))", ErrBadQuery)
	}
	q = withoutAbbreviations(q)
	if !ix.legacyCJK {
		if items, ok := splitGroups(foldWidth(q)); ok {
			return ix.groupedQuery(items, "")
		}
		parsed, err := ix.parsedQuery(q)
		if err != nil {
			return nil, err
		}
		if t := ix.titleBonus(q); t != nil {
			d := bleve.NewDisjunctionQuery(parsed, t)
			if len(strings.Fields(q)) <= maxBonusPhrase {
				d.AddQuery(ix.phraseBonus(q))
			}
			parsed = d
		}
		if !fileNameLike(q) {
			return parsed, nil
		}
		// a file name typed whole finds that file first; another
		// document that quotes the name (a notice, a list) comes after
		exact := bleve.NewTermQuery(strings.TrimSpace(q))
		exact.SetField("filename")
		exact.SetBoost(fileNameBoost)
		return bleve.NewDisjunctionQuery(parsed, exact), nil
	}
	q = strings.TrimSpace(normaliseQuery(q))
	qs := bleve.NewQueryStringQuery(q)
	if _, err := qs.Parse(); err != nil {
		return nil, fmt.Errorf("%w: %v; %s", ErrBadQuery, err, syntaxHint(q))
	}
	if !hasCJK(q) {
		return qs, nil
	}
	// An index from before TextAnalyzer analyses _all as English, which
	// cannot match the CJK bigrams of its Chinese fields: search those
	// fields with their own analyser too.
	d := bleve.NewDisjunctionQuery(qs)
	for _, f := range []string{"title", "body", "summary"} {
		m := bleve.NewMatchQuery(q)
		m.SetField(f + cjkSuffix)
		d.AddQuery(m)
	}
	return d, nil
}

// titleBonus is a clause that a plain query of two words or more scores
// when its title holds every word: "Article 17 GDPR" ranked GDPR's article
// 17 twelfth, under shorter articles that cite "Article 17(1)". nil for a
// query with syntax, which says itself where to look.
func (ix *Index) titleBonus(q string) query.Query {
	q = subdivisionRe.ReplaceAllString(q, "$1")
	if strings.ContainsAny(q, ":\"*?~^()[]{}+-/\\") || len(strings.Fields(q)) < 2 {
		return nil
	}
	for _, w := range strings.Fields(q) {
		if w == "AND" || w == "OR" || w == "NOT" {
			return nil
		}
	}
	m := bleve.NewMatchQuery(q)
	m.SetField("title")
	m.SetOperator(query.MatchQueryOperatorAnd)
	m.SetBoost(titleBoost)
	if ix.queryAnalyzer != "" {
		m.Analyzer = ix.queryAnalyzer
	}
	return m
}

// subdivisionRe is a citation's paragraphs and points after its number
// ("6(1)(a)", "17(1)"). A title names the article, not its paragraphs, so
// titleBonus reads "Article 6(1)(a)" as "Article 6": GDPR's article 6 ranked
// seventh, under the texts that cite its point (a).
var subdivisionRe = regexp.MustCompile(`\b(\d+[A-Za-z]?)(?:\([0-9A-Za-z]{1,4}\))+`)

// phraseBonus is a clause that a plain query of two to maxBonusPhrase
// words scores when a text holds them together, in order: "governing law" ranked
// GDPR's "Lawfulness of processing" (law, lawful: one stem) above the
// contracts with a governing-law clause.
func (ix *Index) phraseBonus(q string) query.Query {
	p := bleve.NewMatchPhraseQuery(q)
	p.SetBoost(phraseBoost)
	if ix.queryAnalyzer != "" {
		p.Analyzer = ix.queryAnalyzer
	}
	return p
}

// maxBonusPhrase is the longest query phraseBonus reads as a phrase: a
// name or a term ("governing law", "limitation of liability"). A phrase's
// cost grows with its words' occurrences, and a pasted sentence is no
// phrase anyone looks for.
const maxBonusPhrase = 4

// phraseBoost weighs phraseBonus against the words' own score.
const phraseBoost = 1

// titleBoost weighs titleBonus against the text's own score.
const titleBoost = 2

// fileNameBoost weighs an exact file-name match against a text match.
const fileNameBoost = 5

// fileNameLike reports whether a query is one word with an extension
// ("cuad-044-hosting.pdf"), no query syntax: what a file name looks like.
func fileNameLike(q string) bool {
	q = strings.TrimSpace(q)
	dot := strings.LastIndexByte(q, '.')
	return dot > 0 && dot < len(q)-1 && !strings.ContainsAny(q, " \t:\"*?~^()[]{}+") && !strings.HasPrefix(q, "-")
}

// parsedQuery parses q in Bleve's query string syntax (after
// normaliseQuery) and rewrites it for TextAnalyzer (see rewrite).
func (ix *Index) parsedQuery(q string) (query.Query, error) {
	parsed, err := bleve.NewQueryStringQuery(strings.TrimSpace(normaliseQuery(q))).Parse()
	if err != nil {
		return nil, fmt.Errorf("%w: %v; %s", ErrBadQuery, err, syntaxHint(q))
	}
	out := rewrite(withAmounts(parsed, q), ix.text, ix.lowered, ix)
	if ix.queryAnalyzer != "" {
		withAnalyzer(out, ix.queryAnalyzer)
	}
	if ix.bodyMore {
		out = tailed(out)
	}
	return out, nil
}

// withAnalyzer has the text queries in q analyse their text with name
// (TextQueryAnalyzer) instead of their field's analyser.
func withAnalyzer(q query.Query, name string) {
	walkQuery(q, true, func(q query.Query) {
		switch t := q.(type) {
		case *query.MatchQuery:
			if t.Analyzer == "" && textField(t.FieldVal) {
				t.Analyzer = name
			}
		case *query.MatchPhraseQuery:
			if t.Analyzer == "" && textField(t.FieldVal) {
				t.Analyzer = name
			}
		}
	})
}

// edgeTerms lists the two-character terms field holds that start with c
// (or end with it when first), at most MaxQueryTerms. See edgePhrase.
func (ix *Index) edgeTerms(field, c string, first bool) []string {
	return ix.dictTerms(field, func(bi bleve.Index, field string) (bindex.FieldDict, error) {
		return edgeDict(bi, field, c, first)
	}, func(t string) bool { return t != c && utf8.RuneCountInString(t) == 2 })
}

// prefixTerms lists the terms field holds that begin with prefix, at
// most MaxQueryTerms.
func (ix *Index) prefixTerms(field, prefix string) []string {
	return ix.dictTerms(field, func(bi bleve.Index, field string) (bindex.FieldDict, error) {
		return bi.FieldDictPrefix(field, []byte(prefix))
	}, func(string) bool { return true })
}

// dictTerms lists the terms of the dictionary open gives for field ("" is
// _all) that keep accepts, at most MaxQueryTerms.
func (ix *Index) dictTerms(field string, open func(bleve.Index, string) (bindex.FieldDict, error), keep func(string) bool) []string {
	if field == "" {
		field = allField
	}
	var out []string
	_ = ix.read(func(bi bleve.Index) error {
		d, err := open(bi, field)
		if err != nil {
			return err
		}
		defer d.Close()
		for e, err := d.Next(); err == nil && e != nil && len(out) < MaxQueryTerms; e, err = d.Next() {
			if keep(e.Term) {
				out = append(out, e.Term)
			}
		}
		return nil
	})
	return out
}

// heldTerms are those of terms that field holds.
func (ix *Index) heldTerms(field string, terms []string) []string {
	if field == "" {
		field = allField
	}
	var out []string
	_ = ix.read(func(bi bleve.Index) error {
		for _, t := range terms {
			d, err := bi.FieldDictRange(field, []byte(t), []byte(t))
			if err != nil {
				return err
			}
			if e, err := d.Next(); err == nil && e != nil && e.Term == t {
				out = append(out, t)
			}
			d.Close()
		}
		return nil
	})
	return out
}

func edgeDict(bi bleve.Index, field, c string, first bool) (bindex.FieldDict, error) {
	if !first {
		return bi.FieldDictPrefix(field, []byte(c))
	}
	adv, err := bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	rr, ok := r.(bindex.IndexReaderRegexp)
	if !ok {
		r.Close()
		return nil, fmt.Errorf("index reader has no regexp dictionary")
	}
	d, err := rr.FieldDictRegexp(field, "."+regexp.QuoteMeta(c))
	if err != nil {
		r.Close()
		return nil, err
	}
	return readerDict{d, r}, nil
}

// readerDict closes the reader its dictionary came from with it.
type readerDict struct {
	bindex.FieldDict
	r bindex.IndexReader
}

func (d readerDict) Close() error {
	err := d.FieldDict.Close()
	if cerr := d.r.Close(); err == nil {
		err = cerr
	}
	return err
}

// foldWidth folds full-width letters and digits to ASCII.
func foldWidth(q string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			return r - 0xFEE0
		}
		return r
	}, q)
}

// normaliseQuery folds full-width letters and digits to ASCII (a Chinese
// input method types "２０２３", which the query parser would take for a
// malformed number) and turns the Boolean operators people type from other
// search engines into Bleve's syntax, which has none: "a AND b" is
// "+a +b", "NOT a" is "-a", "a OR b" is "a b". Operators must be upper
// case, as elsewhere, so a search for the word "and" is still one.
func normaliseQuery(q string) string {
	terms := queryTerms(closeQuote(foldWidth(q)))
	op := func(i int) string {
		if i >= 0 && i < len(terms) {
			return terms[i]
		}
		return ""
	}
	var out []string
	for i, t := range terms {
		switch t {
		case "AND", "OR", "NOT":
			continue
		}
		if strings.Trim(t, `/\`) == "" {
			continue // "termination / expiry": a slash alone opened a regular expression that never closed
		}
		t = dateTerm(numberTerm(plainColon(urlTerm(t))))
		prefixed := strings.HasPrefix(t, "+") || strings.HasPrefix(t, "-")
		switch {
		case prefixed:
		case op(i-1) == "NOT":
			t = "-" + t
		case op(i-1) == "AND" || op(i+1) == "AND":
			t = "+" + t
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

// closeQuote mends a query with a quote left open, a common slip: one at
// the end is dropped ("governing law\"" is the words), one before words
// closes at the query's end ("\"governing law" is the phrase). The first
// was ignored and the second refused with a 400.
func closeQuote(q string) string {
	last, n := -1, 0
	for i := 0; i < len(q); i++ {
		switch q[i] {
		case '\\':
			i++ // an escaped character
		case '"':
			last, n = i, n+1
		}
	}
	if n%2 == 0 {
		return q
	}
	if strings.TrimSpace(q[last+1:]) == "" {
		return q[:last] + q[last+1:]
	}
	return q + `"`
}

// plainColon reads a term whose colon names no field as words: "Note:",
// "Re: termination", "level: error" and a pasted "10.251.73.220:50010"
// searched a field of that name, which no document has, and found
// nothing without a word of why. A field's name in another case
// ("Title:GDPR") is the field.
func plainColon(t string) string {
	sign, core := "", t
	if strings.HasPrefix(t, "+") || strings.HasPrefix(t, "-") {
		sign, core = t[:1], t[1:]
	}
	i := strings.IndexByte(core, ':')
	if i <= 0 || strings.HasPrefix(core, `"`) || strings.HasSuffix(core[:i], `\`) {
		return t
	}
	name, rest := core[:i], core[i+1:]
	if f, ok := queryFields[strings.ToLower(name)]; ok {
		return sign + f + ":" + rest
	}
	switch {
	case rest == "":
		return sign + name
	case strings.HasPrefix(rest, `"`):
		return sign + name + " " + rest
	}
	joined := sign + `"` + strings.ReplaceAll(core, `"`, "") + `"`
	if sign == "+" || !isLetter(name[len(name)-1]) || !isLetter(rest[0]) && !isDigit(rest[0]) {
		return joined // a time (10:30) or a port (host:8080) is one word in any text
	}
	// A label typed against its value ("from:sarah.chen@contoso.com",
	// "subject:termination") is one word to the tokeniser, which the text
	// that writes them apart ("From: sarah.chen@contoso.com", as an
	// e-mail's header lines are indexed) does not hold: either form finds
	// the document. Required (+), it stays the form typed, as a query
	// cannot require one of two phrases.
	return joined + " " + sign + `"` + strings.ReplaceAll(name+" "+rest, `"`, "") + `"`
}

// isLetter reports whether b is an ASCII letter or a byte of a
// multi-byte character (a letter of another script, as a rule).
func isLetter(b byte) bool { return b >= 0x80 || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// queryFields are the fields a query may name, by their lower-case names.
var queryFields = func() map[string]string {
	m := map[string]string{"_all": "_all"}
	for _, f := range Fields {
		if !strings.HasPrefix(f.Name, "_") {
			m[strings.ToLower(f.Name)] = f.Name
		}
	}
	return m
}()

// citationAbbreviations are the short forms of a citation's label that
// people type and acts do not write: "Art. 6 GDPR" ranked articles 25, 10
// and 8 above article 6, whose title says "Article 6".
var citationAbbreviations = map[string]string{"art.": "Article", "arts.": "Articles", "sec.": "Section", "secs.": "Sections", "para.": "paragraph"}

// withoutAbbreviations writes out a citation's abbreviated label before a
// number, outside quotes ("Art. 6" is "Article 6").
func withoutAbbreviations(q string) string {
	terms := queryTerms(q)
	changed := false
	for i := 0; i+1 < len(terms); i++ {
		if long, ok := citationAbbreviations[strings.ToLower(terms[i])]; ok && terms[i+1][0] >= '0' && terms[i+1][0] <= '9' {
			terms[i], changed = long, true
		}
	}
	if !changed {
		return q
	}
	return strings.Join(terms, " ")
}

// urlRe is a web address typed as a query term
// ("http://www.apache.org/licenses/", "apache.org/licenses", a bare domain
// with a common ending, "apache.org"; "/var/log/app" is a regular
// expression to Bleve and stays one), with a leading + or -.
var urlRe = regexp.MustCompile(`^([+-]?)((?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[^\s"]+|[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}/[^\s":]*|[\w-]+(?:\.[\w-]+)*\.(?i:com|org|net|gov|edu|int|io|eu|co|uk|de|fr|cn|info|biz))$`)

// urlTerm quotes a web address: unquoted, Bleve's syntax read "http" as a
// field and the slashes as a regular expression, and the query found
// nothing and said nothing. Quoted, it is the phrase of its words.
func urlTerm(t string) string {
	m := urlRe.FindStringSubmatch(t)
	if m == nil {
		return t
	}
	if m[1] == "" && !strings.Contains(m[2], "://") && !strings.HasPrefix(strings.ToLower(m[2]), "www.") {
		// "apache.org" as written, or as the page's "www.apache.org",
		// which the analyser keeps one word, or as any host under it
		// ("docs.apache.org", fieldHost)
		q := `"` + m[2] + `" "www.` + m[2] + `"`
		if !strings.Contains(m[2], "/") {
			q += " " + fieldHost + ":" + strings.ToLower(m[2])
		}
		return q
	}
	return m[1] + `"` + m[2] + `"`
}

// queryTerms splits a query at spaces outside double quotes.
func queryTerms(q string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for i, r := range q {
		switch {
		case r == '"' && !strings.HasSuffix(cur.String(), `\`):
			quoted = !quoted
			cur.WriteRune(r)
		case (unicode.IsSpace(r) || zhSeparator(r, q, i) && !nameBracket(r, cur.String())) && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// zhSeparator reports whether r, at byte i of q, parts the words of a
// Chinese query as a space would: full-width punctuation, and a slash
// between Chinese characters. Pasted from a text ("甲方：北京华信科技有限公司",
// "合同/协议"), such a query was one phrase that the text, with other
// punctuation there, did not hold, and a slash opened a regular
// expression.
func zhSeparator(r rune, q string, i int) bool {
	if strings.ContainsRune("，。；：、！？（）《》“”「」【】", r) {
		return true
	}
	if r != '/' {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(q[:i])
	after, _ := utf8.DecodeRuneInString(q[i+1:])
	return unicode.Is(unicode.Han, before) && unicode.Is(unicode.Han, after)
}

// nameBracket reports whether r is a full-width bracket inside term, a
// value of a field that holds names (party:华为技术（深圳）有限公司), where
// a Chinese company names its place: the bracket is the name's, and
// parting the value there searched party:华为技术 and every text's 深圳
// and 有限公司.
func nameBracket(r rune, term string) bool {
	if r != '（' && r != '）' {
		return false
	}
	name, value, ok := strings.Cut(strings.TrimLeft(term, "+-"), ":")
	return ok && value != "" && foldedFields[strings.ToLower(name)]
}

// textField reports whether a query's field is analysed by TextAnalyzer
// ("" is the default field, _all).
func textField(f string) bool {
	return f == "" || f == "title" || f == "body" || f == "summary"
}

// lowered reports whether the index holds field's terms in lower case:
// the lowerFields, and the foldedFields that the index folds.
func (ix *Index) lowered(field string) bool {
	return lowerFields[field] || ix.keys[field] != nil
}

// filterQueries are q's filters and date range as queries; values of
// fields that lowered names are matched as the index holds them.
func filterQueries(q Query, lowered func(string) bool, keys facetKeys) []query.Query {
	var out []query.Query
	fields := make([]string, 0, len(q.Filters))
	for f := range q.Filters {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		var any []query.Query
		for _, v := range q.Filters[f] {
			if v == "" {
				continue
			}
			switch {
			case keys[f] != nil:
				if v = keys[f](v); v == "" {
					continue
				}
			case lowered(f):
				v = strings.ToLower(v)
			}
			t := bleve.NewTermQuery(v)
			t.SetField(f)
			any = append(any, t)
		}
		switch len(any) {
		case 0:
		case 1:
			out = append(out, any[0])
		default:
			out = append(out, bleve.NewDisjunctionQuery(any...))
		}
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		dq := bleve.NewDateRangeQuery(q.Since, q.Until)
		dq.SetField("ingested_at")
		out = append(out, dq)
	}
	if !q.ExpiresFrom.IsZero() || !q.ExpiresUntil.IsZero() {
		dq := bleve.NewDateRangeQuery(q.ExpiresFrom, q.ExpiresUntil)
		dq.SetField(expiryFacetName)
		out = append(out, dq)
	}
	return out
}

func facetTerms(f *search.FacetResult) []FacetTerm {
	var out []FacetTerm
	if f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			if t.Term != "" { // a document without a value
				out = append(out, FacetTerm{Term: t.Term, Count: t.Count})
			}
		}
	}
	// date ranges in their own order, as facetCounter gives them
	for _, want := range append(dateRanges(time.Time{}), expiryRanges(time.Time{})...) {
		for _, r := range f.DateRanges {
			if r.Name == want.name && r.Count > 0 {
				out = append(out, FacetTerm{Term: r.Name, Count: r.Count})
			}
		}
	}
	return out
}

// samePassage says whether two fragment keys show one passage: equal, or
// one a part of the other when both are passages (a title's one word is a
// part of most texts that name it).
func samePassage(a, b string) bool {
	if a == b {
		return true
	}
	long := func(k string) bool { return utf8.RuneCountInString(k) >= minPassageKey }
	return long(a) && long(b) && (strings.Contains(a, b) || strings.Contains(b, a))
}

// minPassageKey is the shortest fragment key, in characters, that
// samePassage reads as a passage: about eight English words, or a
// Chinese sentence. Counted in bytes, a Chinese law's name of 14
// characters read as a passage, and the text's passage that opens with it
// was dropped.
const minPassageKey = 40

// fragmentKey is a fragment's words, without its cuts' ellipses, its
// spacing and its marks, for telling the same passage apart. The marks'
// "<mark>" counted as letters: a title of 28 with one word marked read as
// a passage (minPassageKey), and the text's passage that opens with the
// title was dropped as the same one.
func fragmentKey(fr string) string {
	fr = strings.NewReplacer("…", " ", "<mark>", "", "</mark>", "").Replace(fr)
	return strings.ToLower(strings.Join(strings.FieldsFunc(fr, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}), ""))
}

func toHit(h *search.DocumentMatch) Hit {
	hit := Hit{ID: h.ID, Score: h.Score}
	if r, err := decodeResult(h.Fields); err == nil {
		hit.Title, hit.Filename, hit.Class, hit.Subtype = r.Title, r.Filename, r.Class, r.Subtype
		hit.Confidence, hit.Language, hit.Source = r.Confidence, r.Language, r.Source
		hit.SubtypeConfidence = r.SubtypeConfidence
		hit.Summary, hit.IngestedAt = r.Summary, r.IngestedAt
		if t, ok := contractDate(r.Entities, expiryFacetName); ok {
			hit.Expires = t.Format(time.DateOnly)
		}
		for _, k := range r.Keywords {
			hit.Keywords = append(hit.Keywords, k.Text)
		}
	}
	hit.Fragments = textFragments(h.Fragments)
	hit.Fragments = markedFirst(hit.Fragments)
	if hit.Class == "log" {
		for i, f := range hit.Fragments {
			hit.Fragments[i] = matchingLines(f)
		}
	}
	if len(hit.Fragments) > 3 {
		hit.Fragments = hit.Fragments[:3]
	}
	return hit
}

// matchingLines keeps, of a log's fragment, the lines that show a match,
// joined by " … ": the passage around a match ran the lines before and
// after it into it, where the line that matched is what was searched
// for. A fragment without a line break or a match stays as it is.
func matchingLines(f string) string {
	if !strings.Contains(f, "\n") || !strings.Contains(f, "<mark>") {
		return f
	}
	var kept []string
	for line := range strings.SplitSeq(f, "\n") {
		if strings.Contains(line, "<mark>") {
			kept = append(kept, strings.TrimSpace(line))
		}
	}
	return strings.Join(kept, " "+fragmentEllipsis+" ")
}

// SummaryLabel opens a fragment taken from the summary, which is
// docmill's rewording and not the document's words.
const SummaryLabel = "Summary: "

// textFragments are a hit's fragments of its title and text, once each
// however differently spaced or cut. The summary's come only when neither
// shows a match (it matched in the summary alone, or past the stored
// part of a long text), labelled: a summary shortens and rewrites ("including
// the warranties" for "including but not limited to the warranties"), and
// shown unlabelled it read as a quotation.
func textFragments(byField search.FieldFragmentMap) []string {
	var out, seen []string
	add := func(fields []string, label string) {
		for _, f := range fields {
			for _, fr := range byField[f] {
				k := fragmentKey(fr)
				if !slices.ContainsFunc(seen, func(s string) bool { return samePassage(s, k) }) {
					seen = append(seen, k)
					out = append(out, label+fr)
				}
			}
		}
	}
	add([]string{"title", "title" + cjkSuffix, "body", "body" + cjkSuffix}, "")
	if !slices.ContainsFunc(out, func(f string) bool { return strings.Contains(f, "<mark>") }) {
		add([]string{"summary", "summary" + cjkSuffix}, SummaryLabel)
	}
	return out
}

// markedFirst keeps only the fragments that show a match when some do:
// the title's and summary's openings without one only pushed the match
// out of the three shown.
func markedFirst(frags []string) []string {
	var marked []string
	for _, f := range frags {
		if strings.Contains(f, "<mark>") {
			marked = append(marked, f)
		}
	}
	if len(marked) == 0 {
		return frags
	}
	return marked
}
