package index

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
)

// Facet counting. Bleve counts a terms facet by visiting, for every hit,
// the doc values of the facet's field; the cost grows with hits × fields.
// Indexes created with the _facets field count all FacetFields from that
// one field (terms "field=value", see facetTermsOf for party and governing
// law) and the date facet from _ingested (one term per document instead
// of the datetime field's 16). Older indexes,
// whose stored mapping lacks those fields, use one facet per field until
// they are rebuilt.

// facetSep separates the field name from the value in a _facets term;
// field names never contain it, so the first one splits the term.
const facetSep = "="

// dateFacetName is the result name of the ingestion-date facet.
const dateFacetName = "ingested_at"

// spellingSep separates a folded value's FacetKey from the spelling to
// show in a _facets term ("party=acme corp\x1fAcme Corp."); FacetKey
// leaves out control characters, so the first one splits the term.
const spellingSep = "\x1f"

// facetTermsOf lists the "field=value" terms of the facet fields in rec,
// exactly the values that rec indexes in those fields. A value of a field
// in folded is "field=key\x1fspelling", once per key and
// document with the document's first spelling, spaces collapsed: counts
// add up per key (see mergeSpellings) without counting a document twice
// for writing a name two ways.
func facetTermsOf(rec record, keys facetKeys) []string {
	var out []string
	for _, f := range FacetFields {
		var vals []string
		switch v := rec[f].(type) {
		case string:
			vals = []string{v}
		case []string:
			vals = v
		}
		key := keys[f]
		var seen map[string]bool
		for _, v := range vals {
			switch {
			case v == "": // no sub-type is no facet value
			case key == nil:
				out = append(out, f+facetSep+v)
			default:
				k := key(v)
				if k == "" || seen[k] {
					continue
				}
				if seen == nil {
					seen = map[string]bool{}
				}
				seen[k] = true
				out = append(out, f+facetSep+k+spellingSep+strings.Join(strings.Fields(v), " "))
			}
		}
	}
	return out
}

// mergeSpellings turns the counted _facets terms into facet terms: a
// folded value's spellings become one term under the spelling most hits
// have (on a tie the one with fewer capitals, "Delaware" before
// "DELAWARE", then the first in byte order), counting the hits of all.
func mergeSpellings(terms map[string]*int) []*search.TermFacet {
	type group struct {
		count, bestN int
		best         string
	}
	all := make([]*search.TermFacet, 0, len(terms))
	var groups map[string]*group
	for t, n := range terms {
		field, _, _ := strings.Cut(t, facetSep)
		key, spelling, ok := strings.Cut(t, spellingSep)
		if !ok || !foldedFields[field] {
			all = append(all, &search.TermFacet{Term: t, Count: *n})
			continue
		}
		if groups == nil {
			groups = map[string]*group{}
		}
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		g.count += *n
		if g.best == "" || betterSpelling(spelling, *n, g.best, g.bestN) {
			g.best, g.bestN = spelling, *n
		}
	}
	for key, g := range groups {
		field, _, _ := strings.Cut(key, facetSep)
		all = append(all, &search.TermFacet{Term: field + facetSep + g.best, Count: g.count})
	}
	return all
}

// betterSpelling reports whether spelling a, on an hits, is the one to
// show rather than b, on bn.
func betterSpelling(a string, an int, b string, bn int) bool {
	if an != bn {
		return an > bn
	}
	if ca, cb := capitals(a), capitals(b); ca != cb {
		return ca < cb
	}
	return a < b
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// dateKey encodes t as the shift-0 prefix-coded term that Bleve's
// datetime field also indexes; the date range facet reads such terms.
// Times outside int64 nanoseconds are not indexed, as in Bleve.
func dateKey(t time.Time) (string, bool) {
	if t.Before(time.Unix(0, minInt64)) || t.After(time.Unix(0, maxInt64)) {
		return "", false
	}
	return string(numeric.MustNewPrefixCodedInt64(t.UnixNano(), 0)), true
}

const (
	maxInt64 = int64(^uint64(0) >> 1)
	minInt64 = -maxInt64 - 1
)

// facetPlan says how one search counts its facets.
type facetPlan struct {
	fields   []string // facet fields wanted, in FacetFields order
	n        int      // values per field
	combined bool     // count from _facets rather than per field
}

// addFacets prepares req to count p's facets and returns the context to
// search with. Per-field plans use Bleve's facets; combined plans count
// with a facetCounter that the returned context installs, and whose
// results the returned function gives after the search.
func (p facetPlan) addFacets(ctx context.Context, req *bleve.SearchRequest, now time.Time) (context.Context, func(search.FacetResults) map[string][]FacetTerm) {
	if !p.combined {
		for _, f := range p.fields {
			// one more: the empty value of documents without one is dropped
			req.AddFacet(f, bleve.NewFacetRequest(f, p.n+1))
		}
		req.AddFacet(dateFacetName, dateFacet("ingested_at", now))
		req.AddFacet(expiryFacetName, rangesFacet(expiryFacetName, expiryRanges(now)))
		return ctx, func(fr search.FacetResults) map[string][]FacetTerm {
			if len(fr) == 0 {
				return nil
			}
			out := map[string][]FacetTerm{}
			for name, f := range fr {
				ts := facetTerms(f)
				if len(ts) > p.n && name != dateFacetName && name != expiryFacetName {
					ts = ts[:p.n]
				}
				out[name] = ts
			}
			return out
		}
	}
	c := newFacetCounter(p, now)
	ctx = context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, search.MakeDocumentMatchHandler(c.handler))
	return ctx, func(search.FacetResults) map[string][]FacetTerm { return c.results() }
}

// facetCounter counts the facets of every hit of one search from the
// _facets, _ingested and _expires doc values. Bleve's own facets do the same work
// with a field lookup and a string allocation per value, which made them
// most of the cost of a broad query.
type facetCounter struct {
	plan    facetPlan
	ranges  []dateRange
	terms   map[string]*int // "field=value" -> hits
	dates   []int           // hits per range
	expiry  []dateRange
	expires []int // hits per expiry range
}

func newFacetCounter(p facetPlan, now time.Time) *facetCounter {
	rs, es := dateRanges(now), expiryRanges(now)
	return &facetCounter{plan: p, ranges: rs, terms: map[string]*int{}, dates: make([]int, len(rs)),
		expiry: es, expires: make([]int, len(es))}
}

// handler wraps the top-N collector's hit handler: it counts each hit's
// facet values, then passes the hit on.
func (c *facetCounter) handler(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
	next, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
	if err != nil {
		return nil, false, err
	}
	if next == nil {
		return nil, false, fmt.Errorf("count facets: unexpected collector %T", sctx.Collector)
	}
	fields := []string{fieldIngestedKey, fieldExpiryKey}
	if len(c.plan.fields) > 0 {
		fields = append(fields, fieldFacets)
	}
	dvr, err := sctx.IndexReader.DocValueReader(fields)
	if err != nil {
		return nil, false, fmt.Errorf("count facets: %w", err)
	}
	visit := c.visit
	return func(d *search.DocumentMatch) error {
		if d != nil {
			if err := dvr.VisitDocValues(d.IndexInternalID, visit); err != nil {
				return fmt.Errorf("count facets: %w", err)
			}
		}
		return next(d)
	}, loadID, nil
}

func (c *facetCounter) visit(field string, term []byte) {
	switch field {
	case fieldIngestedKey:
		countRanges(term, c.ranges, c.dates)
		return
	case fieldExpiryKey:
		countRanges(term, c.expiry, c.expires)
		return
	}
	// Looking up m[string(b)] does not allocate; only a new value does.
	if n, ok := c.terms[string(term)]; ok {
		*n++
		return
	}
	n := 1
	c.terms[string(term)] = &n
}

// countRanges counts a datetime doc value (the full-precision one of the
// terms a datetime field indexes) in each of ranges that holds it.
func countRanges(term []byte, ranges []dateRange, counts []int) {
	pc := numeric.PrefixCoded(term)
	if shift, err := pc.Shift(); err != nil || shift != 0 {
		return
	}
	ns, err := pc.Int64()
	if err != nil {
		return
	}
	for i, r := range ranges {
		if r.contains(ns) {
			counts[i]++
		}
	}
}

// results orders and trims the counts as Bleve orders its facets: by
// count, then term; date ranges without hits are left out.
func (c *facetCounter) results() map[string][]FacetTerm {
	all := mergeSpellings(c.terms)
	sortFacetTerms(all)
	out := splitFacetTerms(all, c.plan.fields, c.plan.n)
	for _, f := range c.plan.fields {
		if _, ok := out[f]; !ok {
			out[f] = nil
		}
	}
	// date ranges in their own order (24 hours, 7 days, 30 days, ...),
	// which reads as a scale; by count they came out shuffled
	out[dateFacetName] = rangeTerms(c.ranges, c.dates)
	out[expiryFacetName] = rangeTerms(c.expiry, c.expires)
	return out
}

// rangeTerms are the ranges with hits, in their own order.
func rangeTerms(ranges []dateRange, counts []int) []FacetTerm {
	var out []FacetTerm
	for i, r := range ranges {
		if counts[i] > 0 {
			out = append(out, FacetTerm{Term: r.name, Count: counts[i]})
		}
	}
	return out
}

func sortFacetTerms(ts []*search.TermFacet) {
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].Count != ts[j].Count {
			return ts[i].Count > ts[j].Count
		}
		return ts[i].Term < ts[j].Term
	})
}

// dateRange is a named [start, end) interval of ingestion times in Unix
// nanoseconds; a zero bound is open.
type dateRange struct {
	name       string
	start, end time.Time
}

func (r dateRange) contains(ns int64) bool {
	return (r.start.IsZero() || ns >= r.start.UnixNano()) && (r.end.IsZero() || ns < r.end.UnixNano())
}

// dateRanges are the ingestion-date buckets relative to now.
func dateRanges(now time.Time) []dateRange {
	day := 24 * time.Hour
	return []dateRange{
		{"last 24h", now.Add(-day), now.Add(time.Hour)},
		{"last 7 days", now.Add(-7 * day), now.Add(time.Hour)},
		{"last 30 days", now.Add(-30 * day), now.Add(time.Hour)},
		{"older", time.Unix(0, 0), now.Add(-30 * day)},
	}
}

// dateFacet is the Bleve facet over dateRanges, read from field.
func dateFacet(field string, now time.Time) *bleve.FacetRequest {
	return rangesFacet(field, dateRanges(now))
}

// rangesFacet is the Bleve facet over rs, read from field.
func rangesFacet(field string, rs []dateRange) *bleve.FacetRequest {
	f := bleve.NewFacetRequest(field, len(rs))
	for _, r := range rs {
		f.AddDateTimeRange(r.name, r.start, r.end)
	}
	return f
}

// expiryFacetName is the result name of the contract-expiry facet, which
// counts expiration_date in ExpiryBuckets.
const expiryFacetName = "expiration_date"

// ExpiryBuckets name the contract-expiry facet's ranges, in their order,
// as days from the start of today (UTC): [From, To), NoBound for an open
// end. "Within 90 days" takes in the 90th day, as people read it; the
// buckets overlap (within 30 days is also within 90) as the ingestion-date
// buckets do.
var ExpiryBuckets = []struct {
	Name     string
	From, To int
}{
	{"expired", NoBound, 0},
	{"within 30 days", 0, 31},
	{"within 90 days", 0, 91},
	{"within a year", 0, 366},
	{"later", 366, NoBound},
}

// NoBound marks an open end of an ExpiryBuckets range.
const NoBound = math.MinInt

// longAgo opens the "expired" range: before any contract's date, and
// within the nanoseconds an int64 counts (dateKey).
var longAgo = time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC)

// ExpiryRange is bucket name's span of expiration dates relative to now;
// ok is false for an unknown name.
func ExpiryRange(name string, now time.Time) (from, to time.Time, ok bool) {
	for _, r := range expiryRanges(now) {
		if r.name == name {
			return r.start, r.end, true
		}
	}
	return from, to, false
}

// expiryRanges are ExpiryBuckets from the start of now's day; an open end
// is a zero time (open to dateRange and to Bleve's facets), an open start
// longAgo.
func expiryRanges(now time.Time) []dateRange {
	y, m, d := now.UTC().Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	out := make([]dateRange, len(ExpiryBuckets))
	for i, b := range ExpiryBuckets {
		out[i] = dateRange{name: b.Name, start: longAgo}
		if b.From != NoBound {
			out[i].start = today.AddDate(0, 0, b.From)
		}
		if b.To != NoBound {
			out[i].end = today.AddDate(0, 0, b.To)
		}
	}
	return out
}

// splitFacetTerms groups "field=value" terms (sorted by count, then term,
// as Bleve sorts a facet) by field and keeps the first n of each wanted
// field: the same terms, order and counts as one facet per field, since
// within a field every term shares the "field=" prefix.
func splitFacetTerms(terms []*search.TermFacet, fields []string, n int) map[string][]FacetTerm {
	want := make(map[string]bool, len(fields))
	for _, f := range fields {
		want[f] = true
	}
	out := map[string][]FacetTerm{}
	for _, t := range terms {
		field, value, ok := strings.Cut(t.Term, facetSep)
		// value "": a document without one, in an index from before
		// empty values were left out
		if !ok || value == "" || !want[field] || len(out[field]) >= n {
			continue
		}
		out[field] = append(out[field], FacetTerm{Term: value, Count: t.Count})
	}
	return out
}
