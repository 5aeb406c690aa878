// Package web serves docmill's HTTP API and search UI: search, document
// lookup, upload, health, readiness and Prometheus metrics.
package web

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/index"
)

//go:embed templates/*.html
var templateFS embed.FS

// Component is one part's health.
type Component struct {
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
}

// Options configures the server. Index or Ingest may be nil for roles that
// lack them (a worker has no index); their routes then answer 503.
type Options struct {
	Index     *index.Index
	Ingest    *connectors.Publisher
	Health    func() map[string]Component // current component states
	Registry  *prometheus.Registry
	AuthToken string // when set, required as "Authorization: Bearer <t>" or ?token= (not on health and metrics)
	MaxUpload int64  // bytes per upload (default 64 MiB)
	Log       *slog.Logger
}

// Server is the HTTP handler.
type Server struct {
	o    Options
	tmpl *template.Template
	mux  *chi.Mux
}

// New builds the server's routes.
func New(o Options) (*Server, error) {
	if o.MaxUpload <= 0 {
		o.MaxUpload = 64 << 20
	}
	if o.Health == nil {
		o.Health = func() map[string]Component { return nil }
	}
	tmpl, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	s := &Server{o: o, tmpl: tmpl, mux: chi.NewRouter()}
	s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) routes() {
	m := s.mux
	m.Use(securityHeaders)
	m.Get("/healthz", s.healthz)
	m.Get("/readyz", s.readyz)
	m.Handle("/static/*", staticHandler())
	if s.o.Registry != nil {
		m.Handle("/metrics", promhttp.HandlerFor(s.o.Registry, promhttp.HandlerOpts{}))
	}
	m.Group(func(r chi.Router) {
		r.Use(s.auth)
		r.Get("/api/search", s.apiSearch)
		r.Get("/api/documents/{id}", s.apiDocument)
		r.Post("/api/documents", s.apiUpload)
		r.Get("/", s.pageSearch)
		r.Get("/documents/{id}", s.pageDocument)
	})
}

// securityHeaders sets a strict Content-Security-Policy: no inline script,
// nothing from other origins.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.o.AuthToken == "" {
			next.ServeHTTP(w, r)
			return
		}
		got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if got == "" {
			got = r.URL.Query().Get("token")
		}
		if subtle.ConstantTimeCompare([]byte(got), []byte(s.o.AuthToken)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="docmill"`)
			writeError(w, http.StatusUnauthorized, errors.New("missing or wrong token"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, err error) {
	writeJSON(w, code, map[string]string{"error": err.Error()})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "alive", "components": s.o.Health()})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	comps := s.o.Health()
	code, status := http.StatusOK, "ready"
	for name, c := range comps {
		// The model may be missing: docmill then runs the model-free tier,
		// which is degraded but ready.
		if !c.OK && name != "model" {
			code, status = http.StatusServiceUnavailable, "not ready"
		}
	}
	writeJSON(w, code, map[string]any{"status": status, "components": comps})
}

// queryFrom reads a search query from URL parameters: q, size, from, sort,
// since, until, and any facet field as a filter (repeatable).
func queryFrom(r *http.Request) index.Query {
	v := r.URL.Query()
	q := index.Query{Q: v.Get("q"), Sort: v.Get("sort"), Filters: map[string][]string{}}
	q.Size, _ = strconv.Atoi(v.Get("size"))
	q.From, _ = strconv.Atoi(v.Get("from"))
	for _, f := range index.FacetFields {
		if vals, ok := v[f]; ok {
			q.Filters[f] = vals
		}
	}
	if t, err := parseDay(v.Get("since")); err == nil {
		q.Since = t
	}
	if t, err := parseDay(v.Get("until")); err == nil {
		q.Until = t
	}
	return q
}

func parseDay(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02", s)
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	if s.o.Index == nil {
		writeError(w, http.StatusServiceUnavailable, errors.New("this process has no index (run docmill indexer or serve)"))
		return
	}
	res, err := s.o.Index.Search(r.Context(), queryFrom(r))
	if err != nil {
		code := http.StatusInternalServerError
		if errors.Is(err, index.ErrBadQuery) {
			code = http.StatusBadRequest
		}
		writeError(w, code, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	if s.o.Index == nil {
		writeError(w, http.StatusServiceUnavailable, errors.New("this process has no index"))
		return
	}
	doc, err := s.o.Index.Get(r.Context(), chi.URLParam(r, "id"))
	if errors.Is(err, index.ErrNotFound) {
		writeError(w, http.StatusNotFound, err)
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

// uploaded is one file accepted by POST /api/documents.
type uploaded struct {
	Filename string `json:"filename"`
	ID       string `json:"id,omitempty"`
	Error    string `json:"error,omitempty"`
}

// apiUpload accepts a raw body (?filename=) or multipart files and
// publishes each to docmill.ingest.http. It answers 202: analysis is
// asynchronous; poll /api/documents/{id} or subscribe to results.
func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request) {
	if s.o.Ingest == nil {
		writeError(w, http.StatusServiceUnavailable, errors.New("ingest not available"))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxUpload+1<<20)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var out []uploaded
	var err error
	if mt == "multipart/form-data" {
		out, err = s.uploadMultipart(r)
	} else {
		out, err = s.uploadRaw(r)
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("upload larger than the %d MiB limit", s.o.MaxUpload>>20))
			return
		}
		writeError(w, http.StatusBadRequest, err)
		return
	}
	code := http.StatusAccepted
	for _, u := range out {
		if u.Error != "" {
			code = http.StatusBadRequest
		}
	}
	writeJSON(w, code, map[string]any{"documents": out})
}

func (s *Server) uploadRaw(r *http.Request) ([]uploaded, error) {
	name := filepath.Base(r.URL.Query().Get("filename"))
	if name == "." || name == "/" || name == "" {
		return nil, errors.New("raw upload needs ?filename=")
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	return []uploaded{s.publish(r.Context(), name, r.Header.Get("Content-Type"), data, r.URL.Query().Get("depth"))}, nil
}

func (s *Server) uploadMultipart(r *http.Request) ([]uploaded, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, err
	}
	var out []uploaded
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if part.FileName() == "" {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, s.o.MaxUpload+1))
		if err != nil {
			return nil, err
		}
		name := filepath.Base(part.FileName())
		if int64(len(data)) > s.o.MaxUpload {
			out = append(out, uploaded{Filename: name, Error: fmt.Sprintf("larger than the %d MiB limit", s.o.MaxUpload>>20)})
			continue
		}
		out = append(out, s.publish(r.Context(), name, "", data, r.URL.Query().Get("depth")))
	}
	if len(out) == 0 {
		return nil, errors.New("no file in the multipart body")
	}
	return out, nil
}

func (s *Server) publish(ctx context.Context, name, ct string, data []byte, depth string) uploaded {
	if ct == "application/octet-stream" || strings.HasPrefix(ct, "multipart/") {
		ct = ""
	}
	id, err := s.o.Ingest.Publish(ctx, connectors.Doc{Filename: name, Source: "http", ContentType: ct, Data: data, Depth: depth})
	if err != nil {
		return uploaded{Filename: name, Error: err.Error()}
	}
	return uploaded{Filename: name, ID: id}
}
