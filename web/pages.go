package web

import (
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/docmill/docmill/index"
)

//go:embed static
var staticFS embed.FS

var funcs = template.FuncMap{
	// mark renders a highlight fragment: the index already escaped it and
	// added only <mark> tags, so it is safe as HTML.
	"mark": func(s string) template.HTML { return template.HTML(s) },
	"pct":  func(f float64) int { return int(f*100 + 0.5) },
	"join": strings.Join,
}

type facetView struct {
	Field string
	Label string
	Terms []facetTermView
}

type facetTermView struct {
	Term, Href string
	Count      int
	Active     bool
}

type searchPage struct {
	Q       string
	Query   index.Query
	Result  *index.Result
	Facets  []facetView
	Error   string
	Filters []facetTermView // active filters, each linking to its removal
	Prev    string
	Next    string
}

var facetLabels = map[string]string{"class": "Class", "subtype": "Sub-type", "keywords": "Keywords", "language": "Language",
	"source": "Source", "content_type": "Content type", "party": "Parties", "governing_law": "Governing law",
	"model_version": "Model", "depth": "Depth"}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	q := queryFrom(r)
	page := searchPage{Q: q.Q, Query: q}
	if s.o.Index == nil {
		page.Error = "this process has no index"
	} else if res, err := s.o.Index.Search(r.Context(), q); err != nil {
		page.Error = err.Error()
		if !errors.Is(err, index.ErrBadQuery) {
			w.WriteHeader(http.StatusInternalServerError)
		}
	} else {
		page.Result = res
		page.Facets = facetViews(r.URL.Query(), res)
		page.Prev, page.Next = pageLinks(r.URL.Query(), q, res.Total)
	}
	page.Filters = activeFilters(r.URL.Query())
	s.render(w, "search.html", page)
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
			active := contains(v[f], t.Term)
			fv.Terms = append(fv.Terms, facetTermView{Term: t.Term, Count: t.Count, Active: active, Href: toggle(v, f, t.Term)})
		}
		out = append(out, fv)
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
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
	if contains(n[field], value) {
		var keep []string
		for _, x := range n[field] {
			if x != value {
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
		if _, ok := facetLabels[f]; !ok {
			continue
		}
		for _, val := range v[f] {
			out = append(out, facetTermView{Term: facetLabels[f] + ": " + val, Href: toggle(v, f, val)})
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
		prev = at(p)
	}
	if uint64(q.From+size) < total {
		next = at(q.From + size)
	}
	return prev, next
}

func itoa(i int) string { return strconv.Itoa(i) }

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) {
	if s.o.Index == nil {
		http.Error(w, "this process has no index", http.StatusServiceUnavailable)
		return
	}
	doc, err := s.o.Index.Get(r.Context(), chi.URLParam(r, "id"))
	if errors.Is(err, index.ErrNotFound) {
		w.WriteHeader(http.StatusNotFound)
		s.render(w, "notfound.html", nil)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.render(w, "document.html", doc)
}

func (s *Server) render(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.tmpl.ExecuteTemplate(w, name, data); err != nil {
		s.o.Log.Error("render", "template", name, "err", err)
	}
}

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	return http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
}
