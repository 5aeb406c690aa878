package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/entities"
	"github.com/docmill/docmill/enrich/summarize"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/lang"
	"github.com/docmill/docmill/pipeline"
)

//go:embed static
var staticFS embed.FS

// unsureSubtype is the sub-type confidence under which pages mark the
// sub-type as uncertain: the catch-all contract/terms_of_service comes at
// 0.2-0.35 for contracts of other kinds.
const unsureSubtype = 0.5

var funcs = template.FuncMap{
	// mark renders a highlight fragment: the index already escaped it and
	// added only <mark> tags, so it is safe as HTML.
	"mark":  func(s string) template.HTML { return template.HTML(s) },
	"frags": fragments,
	"ended": summarize.Ended, // summaries stored before enrich.Free 1.12.0 carry no mark
	// sentence ends a search notice with a period unless it ends with a
	// stop of its own: "did you mean party:Acme?" read "?."
	"sentence": func(s string) string {
		if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
			return s
		}
		return s + "."
	},
	"facetValue": index.FacetValue,
	"kindLabel":  entityLabel,
	"roleLabel":  roleLabel,
	"pct":        func(f float64) int { return int(f*100 + 0.5) },
	// langName is a language code's name ("en": "English"), a badge's tooltip
	"langName": lang.Name,
	// unsure marks a sub-type the analyser gave below unsureSubtype, shown
	// with "?" (0: no confidence recorded, an older result)
	"unsure": func(f float64) bool { return f > 0 && f < unsureSubtype },
	// list is its arguments, to range over in a template
	"list": func(s ...string) []string { return s },
	// title capitalises a field name's first letter: "from" is "From"
	"title": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
	// plural is n and the noun, with an s unless n is 1: "1 new template"
	"plural": func(n int, noun string) string {
		if n == 1 {
			return "1 " + noun
		}
		return strconv.Itoa(n) + " " + noun + "s"
	},
	"logTime": logTime,
	// absentTitle is the page title for a document not (yet) in the index
	"absentTitle": func(status string) string {
		switch status {
		case "failed":
			return "Not indexed"
		case "processing":
			return "Processing"
		case "indexing":
			return "Not indexed here yet"
		}
		return "Not found"
	},
	"join":  strings.Join,
	"lower": strings.ToLower,
	"hd":    func(title, page string) head { return head{Title: shortTitle(title), Page: page} },
	"ms":    func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"mib":   func(n int64) int64 { return n >> 20 },
	"num":   fmtNum,
	"day": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02")
	},
	"when": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04:05 UTC")
	},
}

// head is what the layout's head template needs.
type head struct{ Title, Page string }

type facetView struct {
	Field string
	Label string
	Terms []facetTermView
	// More links to the search listing more values of every facet, when
	// this one shows as many as were asked for.
	More string
}

type facetTermView struct {
	// Term is the indexed value (the filter's), Name how it is shown.
	Term, Name, Href string
	Count            int
	Active           bool
}

type searchPage struct {
	Notice     string // after an action that led here, such as a deletion
	Q          string
	Query      index.Query
	Result     *index.Result
	Facets     []facetView
	Dates      []facetTermView // ingestion date buckets, each setting a range
	Expiry     []facetTermView // contract-expiry buckets (expires=)
	Expires    string          // the expires filter, kept by the form
	ExportCSV  string          // every match as CSV (GET /api/export)
	ExportJSON string          // every match's result as JSON lines
	Since      string          // date range as typed (yyyy-mm-dd)
	Until      string
	// SinceAge and UntilAge hold a rolling range ("24h", "7d") that the
	// form sends on as it is: as a date in the date field, a resubmit
	// turned the last 24 hours into everything since yesterday's midnight.
	SinceAge, UntilAge string
	Error              string
	Filters            []facetTermView // active filters, each linking to its removal
	Prev               string
	Next               string
	First              int // 1-based position of the first hit shown
	Last               int
	Page               int
	Pages              int
	HasHidden          bool
	LastPage           string // a page past the end of the hits links here
	// Processing counts the documents accepted within the hour that this
	// index does not hold yet, so that a reader who just dropped files
	// learns they are coming rather than missing.
	Processing int
	// EmptyIndex says the index holds no document at all and nothing was
	// asked: the page invites the reader to add some rather than to "try
	// fewer words" they never typed.
	EmptyIndex bool
	values     url.Values
}

// Narrow links a hit's key phrase to the current search with that key
// phrase added to its filters (or taken out, when it is one already): a
// chip narrows what is shown, as the facet does, instead of starting over.
func (p searchPage) Narrow(field, value string) string {
	return toggle(without(p.values, "deleted", "token"), field, value)
}

var facetLabels = map[string]string{"class": "Class", "subtype": "Sub-type", "keywords": "Keywords", "language": "Language",
	"source": "Source", "content_type": "Content type", "party": "Parties", "governing_law": "Governing law",
	"model_version": "Model", "depth": "Depth"}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	q, qerr := queryFrom(r)
	page := searchPage{Q: q.Q, Query: q}
	// the page's links carry the search, not the notice of a deletion
	v := without(r.URL.Query(), "deleted")
	if qerr != nil {
		page.Error = qerr.Error()
		w.WriteHeader(http.StatusBadRequest)
	} else if s.o.Index == nil {
		page.Error = "this process has no index"
		w.WriteHeader(http.StatusServiceUnavailable)
	} else if res, err := s.o.Index.Search(r.Context(), q); err != nil {
		page.Error = err.Error()
		w.WriteHeader(searchStatus(err))
	} else {
		page.Result = res
		s.facetsBesideFilters(r.Context(), q, res)
		page.values = v
		page.Facets = facetViews(v, res)
		page.Dates = dateViews(v, res)
		page.Expiry = expiryViews(v, res)
		ex := without(v, "from", "size", "sort", "facet_size", "deleted", "token") // what /api/export refuses, and the notice
		page.ExportJSON = "/api/export?" + ex.Encode()
		ex.Set("format", "csv")
		ex.Set("bom", "true") // the link is for people, who open it in a spreadsheet
		page.ExportCSV = "/api/export?" + ex.Encode()
		page.Prev, page.Next = pageLinks(v, q, res.Total)
		page.First, page.Last, page.Page, page.Pages = position(q, res.Total, len(res.Hits))
		if len(res.Hits) == 0 && res.Total > 0 {
			page.LastPage = lastPage(v, q, res.Total)
		}
		page.Processing = s.pending.processing(r.Context(), s.o.Index, time.Now())
		page.EmptyIndex = res.Total == 0 && !hasAnyValue(v)
	}
	now := time.Now()
	page.Since, page.Until = dateInput(v.Get("since"), now), dateInput(v.Get("until"), now)
	if _, ok := index.ParseAge(v.Get("since")); ok {
		page.SinceAge = v.Get("since")
	}
	if _, ok := index.ParseAge(v.Get("until")); ok {
		page.UntilAge = v.Get("until")
	}
	page.Expires = v.Get("expires")
	page.Filters = activeFilters(v)
	if id := document.FoldID(r.URL.Query().Get("deleted")); pipeline.IsDocumentID(id) && s.deleted(r.Context(), id) {
		// an id, and the name only where this server deleted it: a link
		// cannot put words of its own on the page
		page.Notice = "Deleted document " + id + "."
		if name := s.deletions.name(id); name != "" {
			page.Notice = fmt.Sprintf("Deleted %s (document %s).", name, id)
		}
	}
	s.render(w, "search.html", page)
}

// deleted reports whether document id is gone from the index, so that
// the search page confirms a deletion that happened: a link to
// /?deleted=<id> of a document still indexed told its reader that the
// document had been deleted.
func (s *Server) deleted(ctx context.Context, id string) bool {
	if s.o.Index == nil {
		return false
	}
	_, err := s.o.Index.Get(ctx, id)
	return errors.Is(err, index.ErrNotFound)
}

func dayOnly(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

func position(q index.Query, total uint64, shown int) (first, last, page, pages int) {
	size := q.Size
	if size <= 0 {
		size = 10
	}
	if shown == 0 {
		return 0, 0, 0, 0
	}
	first = q.From + 1
	last = q.From + shown
	page = (q.From+size/2)/size + 1 // an offset between pages counts for the nearer
	pages = int((total + uint64(size) - 1) / uint64(size))
	return first, last, page, pages
}

// dateBuckets maps the index's ingested_at facet names to the age their
// link sets: since=<age>, or until=<age> for "older".
var dateBuckets = []struct {
	name, param, age, chip string
}{
	{"last 24h", "since", "24h", "last 24 hours"},
	{"last 7 days", "since", "7d", "last 7 days"},
	{"last 30 days", "since", "30d", "last 30 days"},
	{"older", "until", "30d", "older than 30 days"},
}

// dateViews turns the ingestion date facet into links that set an age
// (since=7d), replacing any other date filter, with the chosen one marked.
func dateViews(v url.Values, res *index.Result) []facetTermView {
	var out []facetTermView
	for _, t := range res.Facets["ingested_at"] {
		n := without(v, "from", "since", "until")
		active := false
		for _, b := range dateBuckets {
			if b.name == t.Term {
				n.Set(b.param, b.age)
				active = v.Get(b.param) == b.age && len(v["since"])+len(v["until"]) == 1
			}
		}
		out = append(out, facetTermView{Term: t.Term, Count: t.Count, Href: "?" + n.Encode(), Active: active})
	}
	return out
}

// expiryViews turns the contract-expiry facet into links that set
// expires=<bucket> (or, on the chosen one, drop it).
func expiryViews(v url.Values, res *index.Result) []facetTermView {
	var out []facetTermView
	for _, t := range res.Facets["expiration_date"] {
		n := without(v, "from", "expires")
		active := v.Get("expires") == t.Term
		if !active {
			n.Set("expires", t.Term)
		}
		out = append(out, facetTermView{Term: t.Term, Count: t.Count, Href: "?" + n.Encode(), Active: active})
	}
	return out
}

// without copies v less the named parameters.
// hasAnyValue reports whether v asks for something: a query or a filter
// set to a value (an empty search box sends q=, which asks nothing; the
// order and paging ask nothing either).
func hasAnyValue(v url.Values) bool {
	for k, vs := range v {
		if k == "sort" || k == "size" || k == "from" || k == "facet_size" || k == "token" {
			continue
		}
		for _, x := range vs {
			if strings.TrimSpace(x) != "" {
				return true
			}
		}
	}
	return false
}

func without(v url.Values, names ...string) url.Values {
	n := url.Values{}
	for k, vs := range v {
		if !slices.Contains(names, k) {
			n[k] = append([]string(nil), vs...)
		}
	}
	return n
}

// dateChip is how an active date filter reads: "Ingested: last 7 days"
// for an age the facet set, "From: 2026-11-01" for a typed day, the time
// too when it is not midnight.
func dateChip(param, val string) string {
	if age, ok := index.ParseAge(val); ok {
		for _, b := range dateBuckets {
			if b.param == param && b.age == val {
				return "Ingested: " + b.chip
			}
		}
		if param == "since" {
			return "Ingested: last " + ageWords(age)
		}
		return "Ingested: older than " + ageWords(age)
	}
	label := map[string]string{"since": "From", "until": "Until"}[param]
	if t, err := time.Parse(time.RFC3339, val); err == nil && !(t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0) {
		return label + ": " + t.UTC().Format("2006-01-02 15:04 UTC")
	}
	return label + ": " + dayOnly(val)
}

func ageWords(d time.Duration) string {
	if h := int(d.Hours()); h%24 != 0 {
		return strconv.Itoa(h) + " hours"
	}
	if days := int(d.Hours()) / 24; days != 1 {
		return strconv.Itoa(days) + " days"
	}
	return "day"
}

// dateInput is a date filter as the form's date input shows it: the day
// it starts on.
func dateInput(val string, now time.Time) string {
	if age, ok := index.ParseAge(val); ok {
		return now.Add(-age).UTC().Format("2006-01-02")
	}
	return dayOnly(val)
}

// facetsBesideFilters counts each filtered field's facet without that
// field's own filter, so the other values stay on the page with the
// number each would add: class=contract then offers "log (12)" to widen
// the search to contracts or logs, instead of contract alone.
func (s *Server) facetsBesideFilters(ctx context.Context, q index.Query, res *index.Result) {
	if res.Facets == nil {
		return
	}
	for f, vals := range q.Filters {
		if len(vals) == 0 || !slices.Contains(index.FacetFields, f) {
			continue
		}
		other := q
		other.Filters = maps.Clone(q.Filters)
		delete(other.Filters, f)
		other.Size, other.From, other.NoHighlight, other.FacetFields = 0, 0, true, []string{f}
		wider, err := s.o.Index.Search(ctx, other)
		if err != nil {
			continue // the filtered counts stand
		}
		res.Facets[f] = wider.Facets[f]
	}
}

func facetViews(v url.Values, res *index.Result) []facetView {
	var out []facetView
	for _, f := range index.FacetFields {
		terms := res.Facets[f]
		if len(terms) == 0 {
			continue
		}
		fv := facetView{Field: f, Label: facetLabels[f]}
		for _, t := range terms {
			if t.Term == "" {
				continue // documents without a value (no sub-type)
			}
			active := contains(v[f], f, t.Term)
			fv.Terms = append(fv.Terms, facetTermView{Term: t.Term, Name: facetName(f, t.Term), Count: t.Count, Active: active, Href: toggle(v, f, t.Term)})
		}
		if n, _ := strconv.Atoi(v.Get("facet_size")); len(terms) >= max(n, 10) && n < moreFacets {
			more := without(v, "from")
			more.Set("facet_size", strconv.Itoa(moreFacets))
			fv.More = "/?" + more.Encode()
		}
		if len(fv.Terms) > 0 {
			out = append(out, fv)
		}
	}
	return out
}

// fragments drops highlight fragments that only repeat the title, which
// the hit already shows as its heading.
func fragments(frags []string, title string) []string {
	var out []string
	for _, f := range frags {
		plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(f)
		if plain == html.EscapeString(title) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// contains reports whether xs holds x as a value of the facet field: a
// filter "DELAWARE" (from a document's link) is the facet "Delaware".
func contains(xs []string, field, x string) bool {
	for _, y := range xs {
		if index.SameFacetValue(field, y, x) {
			return true
		}
	}
	return false
}

// toggle returns the query string with value added to or removed from field.
func toggle(v url.Values, field, value string) string {
	n := url.Values{}
	for k, vs := range v {
		if k == "from" {
			continue
		}
		n[k] = append([]string(nil), vs...)
	}
	if contains(n[field], field, value) {
		var keep []string
		for _, x := range n[field] {
			if !index.SameFacetValue(field, x, value) {
				keep = append(keep, x)
			}
		}
		n[field] = keep
	} else {
		n[field] = append(n[field], value)
	}
	return "?" + n.Encode()
}

func activeFilters(v url.Values) []facetTermView {
	var out []facetTermView
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, f := range keys {
		if f == "since" || f == "until" {
			if val := v.Get(f); val != "" {
				out = append(out, facetTermView{Term: dateChip(f, val), Href: "?" + without(v, f, "from").Encode()})
			}
			continue
		}
		if f == "expires" {
			if val := v.Get(f); val != "" {
				out = append(out, facetTermView{Term: "Expires: " + val, Href: "?" + without(v, f, "from").Encode()})
			}
			continue
		}
		if _, ok := facetLabels[f]; !ok {
			continue
		}
		for _, val := range v[f] {
			out = append(out, facetTermView{Term: facetLabels[f] + ": " + facetName(f, val), Href: toggle(v, f, val)})
		}
	}
	return out
}

func pageLinks(v url.Values, q index.Query, total uint64) (prev, next string) {
	size := q.Size
	if size <= 0 {
		size = 10
	}
	at := func(from int) string {
		n := url.Values{}
		for k, vs := range v {
			n[k] = vs
		}
		n.Set("from", itoa(from))
		return "?" + n.Encode()
	}
	if q.From > 0 {
		p := q.From - size
		if p < 0 {
			p = 0
		}
		if uint64(q.From) >= total && total > 0 {
			p = lastFrom(size, total) // past the end: back is the last page
		}
		prev = at(p)
	}
	if uint64(q.From+size) < total {
		next = at(q.From + size)
	}
	return prev, next
}

func itoa(i int) string { return strconv.Itoa(i) }

// lastFrom is the offset of the last page of total hits.
func lastFrom(size int, total uint64) int {
	return int((total - 1) / uint64(size) * uint64(size))
}

// lastPage links to the last page, for a page past the end of the hits.
func lastPage(v url.Values, q index.Query, total uint64) string {
	size := q.Size
	if size <= 0 {
		size = 10
	}
	n := url.Values{}
	for k, vs := range v {
		n[k] = vs
	}
	n.Set("from", itoa(lastFrom(size, total)))
	return "?" + n.Encode()
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) {
	if s.o.Index == nil {
		http.Error(w, "this process has no index", http.StatusServiceUnavailable)
		return
	}
	id := s.docID(r)
	doc, err := s.o.Index.Get(r.Context(), id)
	if errors.Is(err, index.ErrNotFound) {
		w.WriteHeader(http.StatusNotFound)
		s.render(w, "notfound.html", notFoundPage{Doc: s.absence(r.Context(), id)})
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	page := docPage{Result: doc, PageTitle: doc.Title, Attachments: attachmentsOf(doc.Meta)}
	if page.PageTitle == "" {
		page.PageTitle = doc.Filename
	}
	if s.originals != nil {
		page.HasOriginal = s.originals.Has(r.Context(), doc.ID)
	}
	if body, err := s.o.Index.Body(r.Context(), doc.ID); err == nil {
		page.Text = lang.Clip(body, docTextBytes)
		page.TextCut = len(page.Text) < len(body)
		page.Searched = r.URL.Query().Get("q")
		page.Marked = markedText(s.o.Index, page.Searched, page.Text)
		if page.TextCut && page.Searched != "" {
			page.MarksBeyond = marksIn(s.o.Index, page.Searched, body[len(page.Text):])
		}
	}
	if doc.Log != nil {
		page.LineForm = lineFormOf(r.URL.Query())
		if page.LineForm.Asked() {
			s.findLines(r, doc.ID, &page)
		}
	}
	page.Notice = map[string]string{
		"queued":  "Sent back through the pipeline. Reload this page in a moment to see the new result.",
		"missing": "Cannot reprocess: the original file of this document was not kept.",
		"failed":  "Reprocessing failed; see the server log.",
	}[r.URL.Query().Get("reprocess")]
	s.render(w, "document.html", page)
}

// docPage is the document page's data.
type docPage struct {
	*document.Result
	PageTitle   string
	HasOriginal bool
	Notice      string
	Attachments []docLink // an e-mail's attachments, each a document
	// Text is the opening of the document's text as indexed; TextCut says
	// there is more (in the original, or past the stored first MiB).
	Text    string
	TextCut bool
	// Searched is the query the reader came from (?q=, set by the search
	// page's links); Marked is Text in parts, those it matches marked,
	// nil when it matches nothing there.
	Searched string
	Marked   []textPart
	// MarksBeyond counts the places the query matches in the text past
	// what the page shows: a hit that matched only there had a page that
	// marked nothing and said nothing.
	MarksBeyond int
	// A log's page finds lines (LineForm); Lines is the answer when it
	// was asked, LinesError why it could not be.
	LineForm   lineForm
	Lines      *linesAnswer
	LinesError string
}

// KeyEntities are the document's entities but its defined terms,
// citations and obligations, which the page lists apart: a contract names
// dozens of each, and in one table they buried its parties and dates.
func (p docPage) KeyEntities() []document.Entity {
	var out []document.Entity
	for _, e := range p.Entities {
		if e.Kind != entities.KindDefinedTerm && e.Kind != entities.KindObligation && e.Kind != entities.KindCitation {
			out = append(out, e)
		}
	}
	return out
}

// EntitiesOf are the document's entities of kind.
func (p docPage) EntitiesOf(kind string) []document.Entity {
	var out []document.Entity
	for _, e := range p.Entities {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// entityLabel names an entity kind for people: "agreement_date" is
// "Agreement date".
func entityLabel(kind string) string {
	s := strings.ReplaceAll(kind, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// roleLabels name a duration's roles for people.
var roleLabels = map[string]string{
	entities.RoleTerm: "term", entities.RoleRenewal: "renewal term", entities.RoleNotice: "notice period",
	entities.RoleProbationNotice: "notice during probation", entities.RoleNonRenewalNotice: "non-renewal notice",
	entities.RoleProbation: "probation", entities.RolePayment: "payment term", entities.RolePaymentFrequency: "payment frequency", entities.RoleWarranty: "warranty",
	entities.RoleNonCompete: "non-compete", entities.RoleNonSolicit: "non-solicitation", entities.RoleConfidentiality: "confidentiality", entities.RoleCure: "cure period",
	entities.RoleLeave: "leave",
}

// roleLabel names an entity's role for people: "non_compete" is
// "non-compete"; a role the page does not know is shown as stored.
func roleLabel(role string) string {
	if l, ok := roleLabels[role]; ok {
		return l
	}
	return strings.ReplaceAll(role, "_", " ")
}

// textPart is a stretch of a document's text, marked or not.
type textPart struct {
	Text string
	Mark bool
}

// markedText is text in parts, the places query q matches marked; nil
// when q is empty, refused or matches nothing in text. A reader who opened
// a hit then sees where it matched, not just the text to search again.
func markedText(ix *index.Index, q, text string) []textPart {
	if q == "" {
		return nil
	}
	spans, err := ix.Marks(q, text)
	if err != nil || len(spans) == 0 {
		return nil // the page shows the text unmarked; search says what is wrong
	}
	var parts []textPart
	at := 0
	for _, sp := range spans {
		if sp.Start > at {
			parts = append(parts, textPart{Text: text[at:sp.Start]})
		}
		parts = append(parts, textPart{Text: text[sp.Start:sp.End], Mark: true})
		at = sp.End
	}
	if at < len(text) {
		parts = append(parts, textPart{Text: text[at:]})
	}
	return parts
}

// marksIn counts the places query q matches in text; 0 when q is refused.
func marksIn(ix *index.Index, q, text string) int {
	spans, err := ix.Marks(q, text)
	if err != nil {
		return 0
	}
	return len(spans)
}

// MarkCount is how many places of the text the query matches.
func (p docPage) MarkCount() int {
	n := 0
	for _, t := range p.Marked {
		if t.Mark {
			n++
		}
	}
	return n
}

// FirstMark is the index in Marked of the first marked part.
func (p docPage) FirstMark() int {
	for i, t := range p.Marked {
		if t.Mark {
			return i
		}
	}
	return -1
}

// docTextBytes is how much of a document's text its page shows: enough to
// read a contract's opening and check what was extracted (some 20,000
// characters of English), not a megabyte of log in the browser.
const docTextBytes = 20000

// docLink links to another document.
type docLink struct{ ID, Name string }

// attachmentsOf reads the attachments an e-mail's meta names
// ("attachment_ids": one "<id> <file name>" per line).
func attachmentsOf(meta map[string]string) []docLink {
	var out []docLink
	for _, line := range strings.Split(meta["attachment_ids"], "\n") {
		if id, name, ok := strings.Cut(line, " "); ok {
			out = append(out, docLink{ID: id, Name: name})
		}
	}
	return out
}

type uploadPage struct {
	Max      int64
	Uploaded []uploaded
	Error    string
}

func (s *Server) pageUpload(w http.ResponseWriter, r *http.Request) {
	s.render(w, "upload.html", uploadPage{Max: s.o.MaxUpload})
}

// formUpload is the upload page without JavaScript: a plain multipart form
// post answered with a page listing each file's id.
func (s *Server) formUpload(w http.ResponseWriter, r *http.Request) {
	page := uploadPage{Max: s.o.MaxUpload}
	if s.o.Ingest == nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		page.Error = "This process does not accept uploads."
		s.render(w, "upload.html", page)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxUpload+1<<20)
	out, err := s.uploadMultipart(r)
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		page.Error = fmt.Sprintf("The upload is larger than the %d MiB limit. Send fewer or smaller files.", s.o.MaxUpload>>20)
	case errors.Is(err, errSlowBody):
		w.WriteHeader(http.StatusRequestTimeout)
		page.Error = err.Error()
	case errors.Is(err, errNoFile):
		// the form posted without JavaScript, no file chosen: the
		// multipart wording meant nothing to the person at the page
		w.WriteHeader(http.StatusBadRequest)
		page.Error = "No file chosen: choose one or more files, then Upload."
	case err != nil:
		w.WriteHeader(http.StatusBadRequest)
		page.Error = err.Error()
	}
	page.Uploaded = out
	s.render(w, "upload.html", page)
}

type livePage struct {
	Class   string
	Classes []string
	Recent  []FeedEvent
	Enabled bool
}

func (s *Server) pageLive(w http.ResponseWriter, r *http.Request) {
	p := livePage{Class: r.URL.Query().Get("class"), Classes: []string{"contract", "regulation", "log", "other"}, Enabled: s.feed != nil}
	if s.feed != nil {
		p.Recent = s.feed.Recent(p.Class)
	}
	s.render(w, "live.html", p)
}

func (s *Server) render(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.tmpl.ExecuteTemplate(w, name, data); err != nil {
		s.o.Log.Error("render", "template", name, "err", err)
	}
}

// staticHandler serves the style sheet, script and icons. Embedded files
// carry no time a browser could revalidate against, so they may be cached
// for a few minutes: an upgrade's files are in use soon after.
func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=300")
		files.ServeHTTP(w, r)
	})
}

// logTime writes a log's start or end for people: "2024-05-13 13:30:00"
// (the log's clock) and, for a log that writes no year (syslog's
// "--12-10T06:55:46"), "10 Dec 06:55:46 (no year in the log)".
func logTime(s string) string {
	if rest, ok := strings.CutPrefix(s, "--"); ok {
		if t, err := time.Parse("01-02T15:04:05", rest); err == nil {
			return t.Format("2 Jan 15:04:05") + " (no year in the log)"
		}
		return s
	}
	return strings.Replace(s, "T", " ", 1)
}

// maxTitleRunes bounds a page's title: a search page is titled by its
// query, which may run to 8 KB, and a browser's tab and history showed
// all of it.
const maxTitleRunes = 80

// shortTitle is title cut to maxTitleRunes, whole words where it can.
func shortTitle(title string) string {
	r := []rune(title)
	if len(r) <= maxTitleRunes {
		return title
	}
	cut := string(r[:maxTitleRunes])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ") + "…"
}
