// Package web serves docmill's HTTP API and search UI: search, document
// lookup, upload, health, readiness and Prometheus metrics.
package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

// Component is one part's health.
type Component struct {
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
	// Advisory: not ok degrades the service without taking it out of
	// rotation (/readyz stays 200): a missing model leaves the model-free
	// tier, a shared consumer leaves a partial index serving.
	Advisory bool `json:"advisory,omitempty"`
}

// Options configures the server. Index or Ingest may be nil for roles that
// lack them (a worker has no index); their routes then answer 503.
type Options struct {
	Index    *index.Index
	Ingest   *connectors.Publisher
	Health   func() map[string]Component // current component states
	Registry *prometheus.Registry
	// AuthToken, when set, is required on the UI and API (not on health,
	// metrics and static files) as "Authorization: Bearer <t>", as the
	// password of HTTP basic auth (any user name), or once as ?token=<t>
	// on a page (not the API), which then sets a same-site cookie.
	AuthToken string
	// AllowedHosts are the host names (".example.com" for a domain and
	// its subdomains) a server without AuthToken answers to besides IP
	// addresses and localhost.
	AllowedHosts []string
	// Failed, when set, says why a document was dead-lettered ("" when it
	// was not): GET /api/documents/{id} answers 404 with the reason.
	Failed func(ctx context.Context, id string) string
	// Refused, when set, holds the files the watched folders did not take
	// (empty, too large, unreadable): the dead-letters page lists them, as
	// no dead letter carries them. Unset, with JS, the page reads them from
	// connectors.RefusedBucket, where every watcher on the broker keeps them.
	Refused *connectors.Refusals
	// Processing is pipeline.ProcessingBucket as the caller opened it.
	// With OpenedBuckets set, New opens no bucket itself, even where
	// Processing or Refused is nil: the caller tried already and said in
	// its log what it does without them, and a second try of a bucket the
	// NATS user may not use only waited as long again and said it twice.
	Processing    *pipeline.Processing
	OpenedBuckets bool
	MaxUpload     int64 // bytes per upload (default 64 MiB)
	// MaxFiles is the most files one multipart upload may carry (default
	// DefaultMaxFiles): each becomes a document to analyse and index.
	MaxFiles int
	// BodyMinBytes must arrive within each BodyWindow of reading a
	// request body (default DefaultBodyMinBytes in DefaultBodyWindow),
	// else the request fails with 408 and its connection closes.
	BodyMinBytes int64
	BodyWindow   time.Duration
	Log          *slog.Logger
	// NATS, when set, feeds the live feed from docmill.results.>.
	NATS *nats.Conn
	// JS, when set, keeps uploaded originals in the OriginalsBucket object
	// store (download and reprocess) and lets the dashboard read the DLQ size.
	JS jetstream.JetStream
	// Originals is the store of original documents (default: one on JS
	// without retention limits). Share the server's so that both agree on
	// the bucket's limits.
	Originals *Originals
	// Gatherer is what the dashboard reads; default Registry.
	Gatherer prometheus.Gatherer
	// SampleEvery is how often the dashboard samples metrics for its
	// charts over time (default 5s).
	SampleEvery time.Duration
}

// Server is the HTTP handler.
type Server struct {
	o         Options
	tmpl      *template.Template
	mux       *chi.Mux
	feed      *Feed
	sub       *nats.Subscription
	originals *Originals
	sampler   *sampler
	stop      context.CancelFunc
	pending   pendingUploads
	deletions deletions
}

// New builds the server's routes and starts the live feed subscription and
// the dashboard sampler; Close stops them.
func New(o Options) (*Server, error) {
	if o.MaxUpload <= 0 {
		o.MaxUpload = 64 << 20
	}
	if o.MaxFiles <= 0 {
		o.MaxFiles = DefaultMaxFiles
	}
	if o.BodyMinBytes <= 0 {
		o.BodyMinBytes = DefaultBodyMinBytes
	}
	if o.BodyWindow <= 0 {
		o.BodyWindow = DefaultBodyWindow
	}
	if o.Health == nil {
		o.Health = func() map[string]Component { return nil }
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.SampleEvery <= 0 {
		o.SampleEvery = 5 * time.Second
	}
	tmpl, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	s := &Server{o: o, tmpl: tmpl, mux: chi.NewRouter()}
	if o.NATS != nil {
		s.feed = NewFeed()
		if s.sub, err = s.feed.SubscribeNATS(o.NATS); err != nil {
			return nil, err
		}
		if o.JS != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			// the stream still holds results of documents deleted since
			var keep func(context.Context, string) bool
			if o.Index != nil {
				keep = func(ctx context.Context, id string) bool { ok, err := o.Index.Has(ctx, id); return ok || err != nil }
			}
			if err := s.feed.Backfill(ctx, o.JS, keep); err != nil && o.Log != nil {
				o.Log.Warn("live feed starts without history", "err", err)
			}
			cancel()
		}
	}
	switch {
	case o.Originals != nil:
		s.originals = o.Originals
	case o.JS != nil:
		s.originals = &Originals{JS: o.JS}
	}
	s.pending.proc = o.Processing
	if o.JS != nil && !o.OpenedBuckets {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		replicas := 1
		if s.originals != nil {
			replicas = s.originals.Replicas
		}
		if s.pending.proc, err = pipeline.OpenProcessing(ctx, o.JS, replicas); err != nil {
			o.Log.Warn("uploads are reported as processing by this process only", "bucket", pipeline.ProcessingBucket, "err", err)
		}
		if o.Refused == nil {
			rs := &connectors.Refusals{}
			if err := rs.Keep(ctx, o.JS, replicas); err != nil {
				o.Log.Warn("the dead-letters page cannot list the files watched folders refused", "bucket", connectors.RefusedBucket, "err", err)
			}
			s.o.Refused = rs
		}
		cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	// Keep an hour of history at the sampling period.
	s.sampler = &sampler{g: s.gatherer(), max: int(time.Hour / o.SampleEvery)}
	go s.sampler.run(ctx, o.SampleEvery)
	s.routes()
	return s, nil
}

// Close ends live-feed streams and the subscription, and stops sampling.
func (s *Server) Close() error {
	s.stop()
	if s.feed != nil {
		s.feed.Close()
	}
	if s.sub != nil {
		return s.sub.Unsubscribe()
	}
	return nil
}

// Feed returns the live feed (nil without Options.NATS).
func (s *Server) Feed() *Feed { return s.feed }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) routes() {
	m := s.mux
	m.Use(s.bodyRate, securityHeaders, middleware.GetHead)
	m.Get("/healthz", s.healthz)
	m.Get("/readyz", s.readyz)
	m.Handle("/static/*", staticHandler())
	if s.o.Registry != nil {
		// GET only (HEAD through GetHead), as the other read-only
		// endpoints: Handle mounted it for every method, so POST was 200
		m.Method(http.MethodGet, "/metrics", promhttp.HandlerFor(s.o.Registry, promhttp.HandlerOpts{}))
	}
	m.NotFound(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			writeError(w, http.StatusNotFound, errors.New("no such API endpoint"))
			return
		}
		w.WriteHeader(http.StatusNotFound)
		s.render(w, "notfound.html", notFoundPage{Page: true})
	})
	m.MethodNotAllowed(s.methodNotAllowed)
	m.Group(func(r chi.Router) {
		r.Use(s.auth, sameOrigin, noStore)
		r.Get("/api/search", s.apiSearch)
		r.Get("/api/export", s.apiExport)
		r.Get("/api/documents/{id}", s.apiDocument)
		r.Get("/api/documents/{id}/lines", s.apiLines)
		r.Post("/api/documents", s.apiUpload)
		r.Post("/api/documents/{id}/reprocess", s.reprocess)
		r.Delete("/api/documents/{id}", s.deleteDocument)
		r.Get("/api/live", s.liveEvents)
		r.Get("/", s.pageSearch)
		r.Get("/documents/{id}", s.pageDocument)
		r.Get("/documents/{id}/original", s.original)
		r.Post("/documents/{id}/reprocess", s.reprocess)
		r.Post("/documents/{id}/delete", s.deleteDocument)
		r.Get("/upload", s.pageUpload)
		r.Post("/upload", s.formUpload)
		r.Get("/live", s.pageLive)
		r.Get("/dashboard", s.pageDashboard)
		r.Get("/dead-letters", s.pageDeadLetters)
	})
}

// methodNotAllowed answers 405 with the Allow header, and under /api/ with
// the JSON error every other API failure has (chi's own answer is an empty
// body, which a client decoding errors as JSON cannot read).
func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if s.mux.Match(chi.NewRouteContext(), m, r.URL.Path) || m == http.MethodHead && slices.Contains(allowed, http.MethodGet) {
			allowed = append(allowed, m)
		}
	}
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	err := fmt.Errorf("method %s not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allowed, ", "))
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeError(w, http.StatusMethodNotAllowed, err)
		return
	}
	http.Error(w, err.Error(), http.StatusMethodNotAllowed)
}

// hostAllowed guards an open (token-less) server against DNS rebinding: a
// web page whose name an attacker points at 127.0.0.1 is same-origin to
// the browser, so only the Host header tells it apart. IP addresses,
// localhost and the names in Options.AllowedHosts are allowed.
func (s *Server) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "" || net.ParseIP(host) != nil || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	for _, a := range s.o.AllowedHosts {
		a = strings.ToLower(a)
		if a == host || strings.HasPrefix(a, ".") && strings.HasSuffix(host, a) {
			return true
		}
	}
	return false
}

// sameOrigin refuses state-changing requests sent by other sites: browsers
// attach basic-auth credentials and cookies to cross-site form posts. An
// Origin of "null" (sandboxed frames, data: pages, some redirects) is
// another site too, unless the browser's own Sec-Fetch-Site (which pages
// cannot set) says the request is same-origin.
func sameOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if o := r.Header.Get("Origin"); o != "" && (o != "null" || r.Header.Get("Sec-Fetch-Site") != "same-origin") {
				u, err := url.Parse(o)
				if err != nil || u.Host != r.Host {
					writeError(w, http.StatusForbidden, errors.New("cross-origin request refused"))
					return
				}
			}
			if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
				writeError(w, http.StatusForbidden, errors.New("cross-site request refused"))
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets a strict Content-Security-Policy: no inline script,
// nothing from other origins.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		// same-origin, not no-referrer: under no-referrer browsers send
		// "Origin: null" with the UI's own form posts, which sameOrigin
		// must refuse (sandboxed frames and data: pages send it too)
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// noStore keeps documents and search results out of shared and browser
// caches: they are confidential, and deleted ones must not linger.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// tokenCookie carries the access token after a ?token= visit.
const tokenCookie = "docmill_token"

func (s *Server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.o.AuthToken == "" {
			if !s.hostAllowed(r.Host) {
				writeError(w, http.StatusForbidden, fmt.Errorf("host %q is not allowed without an auth token: list it in http.allowed_hosts, or set http.auth_token", r.Host))
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		ok := func(t string) bool {
			return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.o.AuthToken)) == 1
		}
		if _, pw, basic := r.BasicAuth(); basic && ok(pw) {
			next.ServeHTTP(w, r)
			return
		}
		if scheme, t, found := strings.Cut(r.Header.Get("Authorization"), " "); found && strings.EqualFold(scheme, "Bearer") && ok(strings.TrimSpace(t)) {
			next.ServeHTTP(w, r)
			return
		}
		if c, err := r.Cookie(tokenCookie); err == nil && subtle.ConstantTimeCompare([]byte(c.Value), []byte(s.cookieValue())) == 1 {
			next.ServeHTTP(w, r)
			return
		}
		// ?token= only opens a page, as a link a browser follows: an API
		// call or a form post with it kept the token in the address,
		// where proxies, access logs and shell history keep it
		page := (r.Method == http.MethodGet || r.Method == http.MethodHead) && !strings.HasPrefix(r.URL.Path, "/api/")
		if page && ok(r.URL.Query().Get("token")) {
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.cookieValue(), Path: "/", HttpOnly: true,
				SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
			if r.Method == http.MethodGet {
				// a page: the cookie carries it on, and the token leaves
				// the address bar and the browser's history
				u := *r.URL
				q := u.Query()
				q.Del("token")
				u.RawQuery = q.Encode()
				http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			w.Header().Set("WWW-Authenticate", `Bearer realm="docmill"`)
		} else {
			// Lets a browser ask for the token (as the password).
			w.Header().Set("WWW-Authenticate", `Basic realm="docmill", charset="UTF-8"`)
		}
		writeError(w, http.StatusUnauthorized, errors.New("missing or wrong token"))
	})
}

// cookieValue is what the token cookie holds: a digest of the token, since
// a token may hold bytes a cookie cannot (";", spaces, quotes), and the
// token itself need not sit in the browser.
func (s *Server) cookieValue() string {
	sum := sha256.Sum256([]byte("docmill-ui-cookie\x00" + s.o.AuthToken))
	return hex.EncodeToString(sum[:])
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
	for _, c := range comps {
		if !c.OK && !c.Advisory {
			code, status = http.StatusServiceUnavailable, "not ready"
		}
	}
	writeJSON(w, code, map[string]any{"status": status, "components": comps})
}

// queryFrom reads a search query from URL parameters: q, size, from, sort,
// since, until, and any facet field as a filter (repeatable). A parameter
// that does not parse is an index.ErrBadQuery: ignoring a mistyped date
// would return unfiltered results as if they were filtered.
func queryFrom(r *http.Request) (index.Query, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		// r.URL.Query() drops a pair it cannot decode ("q=100%", a filter
		// with a bad escape): the search then ran unfiltered, as if it
		// were what was asked
		return index.Query{}, fmt.Errorf("%w: %v (write %% as %%25 in a URL)", index.ErrBadQuery, err)
	}
	q := index.Query{Q: v.Get("q"), Sort: v.Get("sort"), Filters: map[string][]string{}}
	var errs []error
	for _, p := range []struct {
		name string
		dst  *int
	}{{"size", &q.Size}, {"from", &q.From}, {"facet_size", &q.Facets}} {
		if s := v.Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			switch {
			case errors.Is(err, strconv.ErrRange):
				errs = append(errs, fmt.Errorf("%s %s is too large", p.name, s))
			case err != nil:
				errs = append(errs, fmt.Errorf("%s %q is not a whole number", p.name, s))
			}
			*p.dst = n
		}
	}
	if q.Facets < 0 || q.Facets > maxFacetSize {
		errs = append(errs, fmt.Errorf("facet_size %d is not 0 to %d (values per facet; 0 or none: 10)", q.Facets, maxFacetSize))
	}
	switch q.Sort {
	case "", "relevance", "date", "-date", "expires":
	default:
		errs = append(errs, fmt.Errorf("sort %q is not relevance, date, -date or expires", q.Sort))
	}
	for _, f := range index.FacetFields {
		if vals, ok := v[f]; ok {
			q.Filters[f] = vals
		}
	}
	for name := range v {
		// a mistyped filter ("governing-law=Texas") would return every
		// document as if filtered
		// (a link's tracking tags, utm_*, are no filters and say so)
		if !searchParams[name] && !slices.Contains(index.FacetFields, name) && !strings.HasPrefix(name, "utm_") {
			if use, ok := dateFacetParams[name]; ok {
				errs = append(errs, fmt.Errorf("the %s facet is filtered with %s", name, use))
				continue
			}
			errs = append(errs, fmt.Errorf("unknown parameter %q (filters: %s; also %s)", name,
				strings.Join(index.FacetFields, ", "), strings.Join(publicSearchParams, ", ")))
		}
	}
	now := time.Now()
	if s := v.Get("since"); s != "" {
		t, err := index.ParseWhen(s, now)
		if err != nil {
			errs = append(errs, fmt.Errorf("since %q is not a date (YYYY-MM-DD, YYYY-MM-DD HH:MM, RFC 3339, or an age such as 24h or 7d)", s))
		}
		q.Since = t
	}
	if u := v.Get("until"); u != "" {
		t, err := index.ParseWhen(u, now)
		if err != nil {
			errs = append(errs, fmt.Errorf("until %q is not a date (YYYY-MM-DD, YYYY-MM-DD HH:MM, RFC 3339, or an age such as 24h or 7d)", u))
		} else if len(u) == len("2006-01-02") {
			t = t.Add(24 * time.Hour) // a typed day is inclusive; Until is exclusive
		}
		q.Until = t
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && !q.Since.Before(q.Until) {
		errs = append(errs, fmt.Errorf("since %s is not before until %s", v.Get("since"), v.Get("until")))
	}
	for _, name := range publicSearchParams {
		if len(v[name]) > 1 {
			errs = append(errs, fmt.Errorf("%s is given %d times; it takes one value (filters take several)", name, len(v[name])))
		}
	}
	for i, l := range q.Filters["language"] {
		if code, ok := languageNames[strings.ToLower(strings.TrimSpace(l))]; ok {
			q.Filters["language"][i] = code
		}
	}
	if e := v.Get("expires"); e != "" {
		var ok bool
		if q.ExpiresFrom, q.ExpiresUntil, ok = index.ExpiryRange(e, now); !ok {
			errs = append(errs, fmt.Errorf("expires %q is not one of: %s", e, strings.Join(expiryNames(), ", ")))
		}
	}
	if q.Size < 0 {
		errs = append(errs, fmt.Errorf("size %d is negative", q.Size))
	}
	if len(errs) > 0 {
		return q, fmt.Errorf("%w: %w", index.ErrBadQuery, errors.Join(errs...))
	}
	return q, nil
}

// languageNames are the names a language filter may be given by, as
// people write them, for the codes the index holds.
var languageNames = map[string]string{
	"english": "en", "chinese": "zh", "zh-cn": "zh", "zh-hans": "zh", "zh-tw": "zh", "zh-hant": "zh", "中文": "zh", "英文": "en", "en-us": "en", "en-gb": "en",
}

// dateFacetParams name the parameters that filter by the two date
// facets, whose names are no parameters.
var dateFacetParams = map[string]string{
	"ingested_at":     "since and until (since=24h, since=2026-01-01&until=2026-03-31)",
	"expiration_date": "expires (expires=expired, \"within 30 days\", \"within 90 days\", \"within a year\", later) or a query (expiration_date:<2027-03-01)",
}

// searchParams are the search parameters besides the facet filters
// (token authenticates; deleted is the notice after a delete).
var searchParams = map[string]bool{"q": true, "sort": true, "size": true, "from": true, "since": true, "until": true, "expires": true, "token": true, "deleted": true,
	"facet_size": true}

// publicSearchParams are the searchParams an error names.
var publicSearchParams = []string{"q", "sort", "size", "from", "since", "until", "expires", "facet_size"}

// maxFacetSize bounds facet_size, the values listed per facet.
const maxFacetSize = 200

// moreFacets is the facet_size a facet's "more" link asks for.
const moreFacets = 100

// expiryNames are the contract-expiry buckets the expires parameter takes.
func expiryNames() []string {
	var out []string
	for _, b := range index.ExpiryBuckets {
		out = append(out, b.Name)
	}
	return out
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	if s.o.Index == nil {
		writeError(w, http.StatusServiceUnavailable, errors.New("this process has no index (run docmill indexer or serve)"))
		return
	}
	q, err := queryFrom(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if r.URL.Query().Get("size") == "0" {
		q.Size = -1 // the total and facets only (a dashboard's counts)
	}
	res, err := s.o.Index.Search(r.Context(), q)
	if err != nil {
		writeError(w, searchStatus(err), err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// absent says why a document is not in the index: Status "failed" (the
// pipeline dead-lettered it; Reason says why), "processing" (accepted, not
// indexed yet), "indexing" (another replica has indexed it), or "" (none
// of these: unknown, or deleted).
type absent struct {
	ID, Status, Reason string
}

// notFoundPage is what a 404 page says: no page at the address (Page),
// or why the document Doc names is not there.
type notFoundPage struct {
	Page bool
	Doc  absent
}

// absence finds out why document id is not in the index.
func (s *Server) absence(ctx context.Context, id string) absent {
	now := time.Now()
	if s.o.Failed != nil {
		if reason := s.o.Failed(ctx, id); reason != "" {
			return absent{ID: id, Status: "failed", Reason: reason}
		}
	}
	if s.pending.has(ctx, id, now) {
		return absent{ID: id, Status: "processing"}
	}
	if s.pending.proc.IndexedElsewhere(ctx, id, now) {
		return absent{ID: id, Status: "indexing", Reason: "another docmill on this broker has indexed it; this one has not caught up yet"}
	}
	return absent{ID: id}
}

// docID is the document id of r's path: a full id, or the 12-character
// prefix docmill prints (any unique prefix of 8 or more hex digits) of an
// indexed document. A prefix that names no document, or several, stays
// as it is and is not found.
func (s *Server) docID(r *http.Request) string {
	id, _ := s.resolveID(r)
	return id
}

// errShortID is resolveID's error for an id prefix too short to look up.
var errShortID = fmt.Errorf("give at least %d characters of the id", document.MinIDPrefix)

// resolveID is docID, and why the id cannot name a document when that is
// the id's own fault, so that the API can say so rather than "document not
// found": a prefix shorter than document.MinIDPrefix (errShortID), or one
// of several documents (index.ErrAmbiguous). An id in capitals is folded
// to lower case first: every route that takes an id comes through here.
func (s *Server) resolveID(r *http.Request) (string, error) {
	id := document.FoldID(chi.URLParam(r, "id"))
	if document.IsShortIDPrefix(id) {
		return id, errShortID
	}
	if s.o.Index == nil {
		return id, nil
	}
	full, err := s.o.Index.Resolve(r.Context(), id)
	if err == nil {
		return full, nil
	}
	// not indexed yet: the prefix of a document on its way says so too
	if full := s.pending.byPrefix(r.Context(), id); full != "" {
		return full, nil
	}
	if errors.Is(err, index.ErrAmbiguous) {
		return id, fmt.Errorf("%w: give more characters of the id", index.ErrAmbiguous)
	}
	return id, nil
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	if s.o.Index == nil {
		writeError(w, http.StatusServiceUnavailable, errors.New("this process has no index"))
		return
	}
	id, err := s.resolveID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("get %s: %w", id, err))
		return
	}
	doc, err := s.o.Index.Get(r.Context(), id)
	if errors.Is(err, index.ErrNotFound) {
		switch a := s.absence(r.Context(), id); a.Status {
		case "failed":
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "document " + id + " was dead-lettered", "failed": a.Reason})
		case "processing":
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "document " + id + " is not indexed yet", "status": "processing"})
		case "indexing":
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "document " + id + " is not indexed here yet", "status": "indexing",
				"note": a.Reason})
		default:
			writeError(w, http.StatusNotFound, err)
		}
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
	// Duplicate: the same bytes arrived within the ingest stream's
	// de-duplication window; this upload is not analysed again.
	Duplicate bool   `json:"duplicate,omitempty"`
	Note      string `json:"note,omitempty"`
	// unavailable: the file was refused for want of the broker, not for
	// what it is; sending it again later can succeed.
	unavailable bool
	// tooLarge: the file was over the upload limit.
	tooLarge bool
}

// apiUpload accepts a raw body (?filename=) or multipart files and
// publishes each to docmill.ingest.http. It answers 202: analysis is
// asynchronous; poll /api/documents/{id} or subscribe to results.
func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request) {
	if s.o.Ingest == nil {
		writeError(w, http.StatusServiceUnavailable, errors.New("ingest not available"))
		return
	}
	if _, err := uploadMeta(r.Header); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
		// URL.Query() drops a pair it cannot decode: "source=pay%ZZ"
		// filed the document under "http", as if no source were given
		writeError(w, http.StatusBadRequest, fmt.Errorf("%v (write %% as %%25 in a URL)", err))
		return
	}
	if d := r.URL.Query().Get("depth"); d != "" {
		// the CLI refuses it too; taken, it was analysed at the default
		// depth with a note the sender never reads
		if _, err := document.ParseDepth(d); err != nil {
			writeError(w, http.StatusBadRequest, err)
			return
		}
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
		if errors.Is(err, errSlowBody) {
			writeError(w, http.StatusRequestTimeout, err)
			return
		}
		writeError(w, http.StatusBadRequest, err)
		return
	}
	code := uploadStatus(out)
	body := map[string]any{"documents": out}
	if code >= 400 {
		// every API error carries "error" (README): a client reading it
		// from a refused upload found none, only the entries' own
		body["error"] = uploadError(out)
	}
	writeJSON(w, code, body)
}

// uploadError is the "error" of an upload none of whose files was taken:
// the one file's reason, or how many were refused with the first reason
// (each entry of "documents" says its own).
func uploadError(out []uploaded) string {
	if len(out) == 1 {
		return out[0].Error
	}
	return fmt.Sprintf("none of the %d files was taken (each entry says why); the first: %s", len(out), out[0].Error)
}

// uploadStatus is 202 when every file was accepted, 400 when none was
// (503 when the broker refused any of them: retry later; 413 when every
// one was over the upload limit), and 207
// (Multi-Status) when some were: each file's entry says which, and a
// client must not send the accepted ones again.
func uploadStatus(out []uploaded) int {
	failed, unavailable, tooLarge := 0, false, 0
	for _, u := range out {
		if u.Error != "" {
			failed++
			unavailable = unavailable || u.unavailable
		}
		if u.tooLarge {
			tooLarge++
		}
	}
	switch {
	case failed == 0:
		return http.StatusAccepted
	case failed == len(out) && unavailable:
		return http.StatusServiceUnavailable
	case tooLarge == len(out):
		return http.StatusRequestEntityTooLarge
	case failed == len(out):
		return http.StatusBadRequest
	}
	return http.StatusMultiStatus
}

func (s *Server) uploadRaw(r *http.Request) ([]uploaded, error) {
	name := filepath.Base(r.URL.Query().Get("filename"))
	if !namesFile(name) {
		return nil, errors.New("raw upload needs ?filename= (a file name, not a folder's)")
	}
	if err := document.CheckFilename(name); err != nil {
		return nil, fmt.Errorf("?filename=: %w", err)
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > s.o.MaxUpload {
		return nil, &http.MaxBytesError{Limit: s.o.MaxUpload}
	}
	return []uploaded{s.publish(r, name, r.Header.Get("Content-Type"), data)}, nil
}

// errNoFile is a multipart upload without a file: a form posted with none
// chosen (a browser sends an empty part without a file name).
var errNoFile = errors.New("no file in the multipart body: send each file as a part with a file name (curl -F file=@lease.pdf)")

// DefaultMaxFiles is Options.MaxFiles's default.
const DefaultMaxFiles = 1000

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
			return s.cutShort(out, err)
		}
		if part.FileName() == "" {
			continue
		}
		if len(out) == s.o.MaxFiles {
			// as for a body over the size limit: those taken are on their
			// way, and the answer (207) says where the rest begins
			return append(out, uploaded{Filename: "(the rest of the upload)", tooLarge: true,
				Error: fmt.Sprintf("not taken: an upload carries at most %d files; send the files after the last one listed again, in another request", s.o.MaxFiles)}), nil
		}
		name := filepath.Base(formFilename.Replace(part.FileName()))
		name = name[strings.LastIndexByte(name, '\\')+1:] // a Windows path an old browser sent whole
		if !namesFile(name) {
			name = "unnamed"
		}
		if err := document.CheckFilename(name); err != nil {
			// this file's own fault, as one over the size limit: the
			// others are taken (NextPart skips its bytes)
			out = append(out, uploaded{Filename: name, Error: err.Error()})
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, s.o.MaxUpload+1))
		if err != nil {
			return s.cutShort(out, err)
		}
		if int64(len(data)) > s.o.MaxUpload {
			out = append(out, uploaded{Filename: name, Error: fmt.Sprintf("larger than the %d MiB limit", s.o.MaxUpload>>20), tooLarge: true})
			continue
		}
		out = append(out, s.publish(r, name, "", data))
	}
	if len(out) == 0 {
		return nil, errNoFile
	}
	return out, nil
}

// cutShort ends a multipart upload that broke off (over the size limit,
// the connection cut) after some of its files: those were published and
// will be analysed, so the answer lists them, with an entry for the rest,
// which was not taken (207 with uploadStatus). Before any file, the
// failure is the whole request's.
func (s *Server) cutShort(out []uploaded, err error) ([]uploaded, error) {
	taken := false
	for _, u := range out {
		taken = taken || u.Error == ""
	}
	if !taken {
		return nil, err
	}
	rest := uploaded{Filename: "(the rest of the upload)", Error: "not taken: " + err.Error() + "; send the files after the last one listed again"}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		// the body may run a MiB over the limit (the form's own bytes):
		// the answer names the one limit the sender knows, as the file's
		// own entry does
		rest.Error, rest.tooLarge = fmt.Sprintf("not taken: the upload is over the %d MiB limit from here on; send the files after the last one listed again, fewer at a time", s.o.MaxUpload>>20), true
	}
	return append(out, rest), nil
}

// namesFile reports whether a base name names a file: not empty, "/",
// "." or "..", which a document page would show as its name.
func namesFile(name string) bool {
	return strings.TrimSpace(name) != "" && name != "/" && name != "." && name != ".."
}

// formFilename undoes the escaping browsers apply to a multipart file
// name (the HTML standard's: " as %22, line breaks as %0D and %0A).
var formFilename = strings.NewReplacer("%22", `"`, "%0D", "", "%0A", "")

// uploadMeta is the free metadata of an upload, from its Docmill-Meta-<Key>
// headers (as on an ingest message). Keys that steer the pipeline
// (replaces, reprocessed, backfill) are docmill's own and refused.
func uploadMeta(h http.Header) (map[string]string, error) {
	var meta map[string]string
	for k, v := range h {
		key, ok := strings.CutPrefix(http.CanonicalHeaderKey(k), pipeline.HeaderMetaPrefix)
		if !ok || key == "" || len(v) == 0 {
			continue
		}
		key = strings.ToLower(key)
		if pipeline.ReservedMeta(key) {
			return nil, fmt.Errorf("header %s%s: %q is set by docmill itself", pipeline.HeaderMetaPrefix, key, key)
		}
		if meta == nil {
			meta = map[string]string{}
		}
		meta[key] = v[0]
	}
	return meta, nil
}

// publish ingests one uploaded file. The query may name its source
// (?source=payments-api; default "http"): log templates are kept per
// source, so logs of different systems uploaded without one share a
// template store; and its analysis depth (?depth=). Docmill-Meta-<Key>
// headers become the result's meta, and Docmill-Deadline its compute
// budget, as on an ingest message.
func (s *Server) publish(r *http.Request, name, ct string, data []byte) uploaded {
	ctx, q := r.Context(), r.URL.Query()
	if ct == "application/octet-stream" || strings.HasPrefix(ct, "multipart/") {
		ct = ""
	}
	meta, _ := uploadMeta(r.Header) // apiUpload refused a reserved key before reading the body; browsers send none
	source, depth := q.Get("source"), q.Get("depth")
	if source == "" {
		source = "http"
	}
	if s.o.NATS != nil && !s.o.NATS.IsConnected() {
		// refused at once: a publish would wait a minute in the client's
		// reconnect buffer, answer 503, and then go out on reconnect
		// anyway, its stored original deleted meanwhile
		return uploaded{Filename: name, Error: "the broker is unreachable; nothing was stored, send it again later", unavailable: true}
	}
	// Kept before publishing so the download exists once the result does;
	// an original already stored keeps its name and source.
	kept := ""
	if s.originals != nil && len(data) > 0 && int64(len(data)) <= s.o.MaxUpload && !s.originals.Has(ctx, document.ID(data)) {
		id, err := s.originals.Put(ctx, name, source, ct, data)
		if err != nil {
			s.o.Log.Warn("original not kept", "filename", name, "err", err)
		}
		kept = id
	}
	res, err := s.o.Ingest.Send(ctx, connectors.Doc{Filename: name, Source: source, ContentType: ct, Data: data, Depth: depth,
		Meta: meta, Deadline: r.Header.Get(pipeline.HeaderDeadline)})
	if err == nil && res.Duplicate && kept != "" {
		// not analysed again, so nothing will refer to it (the document
		// was deleted within the de-duplication window)
		if derr := s.originals.Delete(ctx, kept); derr != nil {
			s.o.Log.Warn("original of a duplicate not removed", "id", kept, "err", derr)
		}
	}
	if err != nil {
		if kept != "" {
			// not on its way: nothing will refer to the stored original
			if derr := s.originals.Delete(ctx, kept); derr != nil {
				s.o.Log.Warn("original of a refused upload not removed", "id", kept, "err", derr)
			}
		}
		// an empty or oversized file, or a name and metadata too large, is
		// the caller's to fix; anything else is the broker failing to store it
		bad := errors.Is(err, connectors.ErrEmpty) || errors.Is(err, connectors.ErrTooLarge) || errors.Is(err, connectors.ErrHeaders)
		return uploaded{Filename: name, Error: err.Error(), unavailable: !bad}
	}
	if !res.Duplicate {
		s.pending.add(res.ID, time.Now()) // a duplicate is not analysed again
	}
	u := uploaded{Filename: name, ID: res.ID, Duplicate: res.Duplicate}
	failed := ""
	if res.Duplicate && s.o.Failed != nil {
		failed = s.o.Failed(ctx, res.ID)
	}
	switch {
	case failed != "":
		// no document page to point at: the same content failed
		u.Note = "the same content was dead-lettered earlier (" + failed + "); it is not analysed again: see docmill dlq list, retry with docmill dlq replay"
	case res.InFlight:
		u.Note = "the same content is already on its way (sent earlier, not yet indexed); it is not analysed twice (see /documents/" + res.ID + ")"
	case res.Duplicate:
		u.Note = "the same content arrived in the last 10 minutes; it is not analysed again (see /documents/" + res.ID + ")"
	}
	return u
}

// searchStatus is the HTTP status of a failed search: 400 for a query the
// caller must fix, 503 for one that ran out of time, else 500.
func searchStatus(err error) int {
	switch {
	case errors.Is(err, index.ErrBadQuery):
		return http.StatusBadRequest
	case errors.Is(err, index.ErrTooSlow):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
