package web

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/web/internal/uitest"
)

// openIndex returns a real Bleve index holding docs.
func openIndex(t testing.TB, docs ...*document.Result) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if len(docs) > 0 {
		if err := ix.PutBatch(context.Background(), docs); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

// startNATS runs an in-process NATS server with docmill's streams.
func startNATS(t *testing.T) (*nats.Conn, jetstream.JetStream) {
	return uitest.StartNATS(t, "web-test")
}

// newServer starts a Server for httptest requests, whose Host is
// example.com: a name, which a server without a token answers only when
// it is allowed (see TestOpenServerRefusesRebindingHosts).
func newServer(t *testing.T, o Options) *Server {
	t.Helper()
	if o.AllowedHosts == nil {
		o.AllowedHosts = []string{"example.com"}
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func get(t *testing.T, h http.Handler, target string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result(), rec.Body.String()
}

// The date facet sets an age (since=7d), so a bookmark keeps meaning
// "the last 7 days"; the chosen bucket is marked and its chip says what it
// is, and the notice of a deletion does not ride along on the page's links.
func TestDateFacetAgesAndChips(t *testing.T) {
	docs := uitest.Samples()
	for i, ago := range []time.Duration{2 * time.Hour, 3 * 24 * time.Hour, 60 * 24 * time.Hour} {
		docs[i].IngestedAt = time.Now().Add(-ago) // one in each bucket
	}
	s := newServer(t, Options{Index: openIndex(t, docs...)})
	_, body := get(t, s, "/?deleted=abc")
	dates := between(body, `data-field="ingested_at"`, "</ul>")
	if !strings.Contains(dates, "since=24h") || !strings.Contains(dates, "since=7d") || !strings.Contains(dates, "until=30d") {
		t.Errorf("date facet links do not set ages:\n%s", dates)
	}
	if strings.Contains(strings.SplitN(body, "</main>", 2)[0][strings.Index(body, "<aside"):], "deleted=") {
		t.Error("the deletion notice rides along on the page's links")
	}
	_, body = get(t, s, "/?since=7d")
	if !strings.Contains(body, "Ingested: last 7 days") || !strings.Contains(body, "of 2 documents") {
		t.Errorf("chip for since=30d: %s", between(body, `class="filters"`, "</p>"))
	}
	if a := between(body, `data-field="ingested_at"`, "</ul>"); strings.Count(a, `aria-current="true"`) > 1 ||
		!strings.Contains(a, `since=7d" class="active" aria-current="true">`) {
		t.Errorf("the chosen bucket is not marked (or more than one is):\n%s", a)
	}
	// the form sends the rolling range on as it is, not as a date
	if form := between(body, `id="search-form"`, "</form>"); !strings.Contains(form, `<input type="hidden" name="since" value="7d">`) ||
		strings.Contains(form, `name="since" type="date"`) {
		t.Errorf("the form turns since=7d into a date:\n%s", form)
	}
	// Ages filter: 100 years back holds every document, none is younger than 0h.
	if _, body = get(t, s, "/?since=36500d"); !strings.Contains(body, "of 7 documents") {
		t.Errorf("since=36500d: %s", between(body, `id="result-count"`, "</p>"))
	}
	if _, body = get(t, s, "/?until=36500d"); !strings.Contains(body, "0 documents") {
		t.Errorf("until=36500d: %s", between(body, `id="result-count"`, "</p>"))
	}
	if _, body = get(t, s, "/?since=2026-11-20T09:30:00Z"); !strings.Contains(body, "From: 2026-11-20 09:30 UTC") {
		t.Errorf("chip for a time: %s", between(body, `class="filters"`, "</p>"))
	}
	for _, bad := range []string{"-7d", "7w", "d", "+3h"} {
		if resp, _ := get(t, s, "/api/search?since="+url.QueryEscape(bad)); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("since=%s: status %d, want 400", bad, resp.StatusCode)
		}
	}
}

// The search page counts contracts by when they expire; a bucket's link
// filters to it (kept by the search form), its chip removes the filter,
// and the API refuses an unknown bucket.
func TestExpiryFacetFiltersContracts(t *testing.T) {
	docs := uitest.Samples()
	day := func(n int) string { return time.Now().AddDate(0, 0, n).UTC().Format(time.DateOnly) }
	docs[0].Entities = append(docs[0].Entities, document.Entity{Kind: "expiration_date", Text: "the term", Value: day(12)})
	docs[1].Entities = append(docs[1].Entities, document.Entity{Kind: "expiration_date", Text: "the term", Value: day(-3)})
	docs[2].Entities = append(docs[2].Entities, document.Entity{Kind: "expiration_date", Text: "the term", Value: day(500)})
	s := newServer(t, Options{Index: openIndex(t, docs...)})
	_, body := get(t, s, "/")
	facet := between(body, `data-field="expiration_date"`, "</ul>")
	for _, want := range []string{`expires=expired">expired</a> <span class="count">1<`, `expires=within&#43;30&#43;days">within 30 days</a> <span class="count">1<`,
		`expires=later">later</a> <span class="count">1<`} {
		if !strings.Contains(facet, want) {
			t.Errorf("expiry facet lacks %q:\n%s", want, facet)
		}
	}
	_, body = get(t, s, "/?expires=within+30+days")
	if !strings.Contains(body, "of 1 documents") && !strings.Contains(body, "of 1 document") {
		t.Errorf("expires=within 30 days: %s", between(body, `id="result-count"`, "</p>"))
	}
	if !strings.Contains(body, `id="doc-c-msa"`) && !strings.Contains(body, "Master Services Agreement") {
		t.Errorf("the contract expiring in 12 days is not the hit")
	}
	// a hit shows the date sort=expires orders by
	if !strings.Contains(body, `<span class="badge hit-expires" title="the contract's expiration date">expires `+day(12)+`</span>`) {
		t.Errorf("the hit does not show its expiration date %s", day(12))
	}
	if _, api := get(t, s, "/api/search?sort=expires"); !strings.Contains(api, `"expires": "`+day(-3)+`"`) {
		t.Errorf("API hits lack their expiration dates")
	}
	if chips := between(body, `class="filters"`, "</p>"); !strings.Contains(chips, "Expires: within 30 days") {
		t.Errorf("no chip for the expiry filter: %s", chips)
	}
	if form := between(body, `id="search-form"`, "</form>"); !strings.Contains(form, `name="expires" value="within 30 days"`) {
		t.Errorf("the search form drops the expiry filter:\n%s", form)
	}
	if resp, _ := get(t, s, "/api/search?expires=someday"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("expires=someday: status %d, want 400", resp.StatusCode)
	}
}

func TestSearchPageFacetsAndNarrowing(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	resp, body := get(t, s, "/?q=agreement")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	for _, want := range []string{"Master Services Agreement", "Mutual Non-Disclosure Agreement", "<mark>", `data-field="party"`,
		`data-field="governing_law"`, "New York", "1–3 of 3 documents"} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %q", want)
		}
	}
	// The facet link narrows: governing law New York leaves two contracts.
	_, body = get(t, s, "/?q=agreement&governing_law="+url.QueryEscape("New York"))
	if !strings.Contains(body, "1–2 of 2 documents") || strings.Contains(body, "Non-Disclosure") {
		t.Errorf("governing_law filter did not narrow:\n%s", body)
	}
	if !strings.Contains(body, "Remove filter Governing law: New York") {
		t.Error("active filter chip missing")
	}
	// A filtered field still offers its other values, with what each
	// would add, so the search can be widened within the field.
	_, body = get(t, s, "/?class=contract")
	if !strings.Contains(body, "class=contract&amp;class=log") {
		t.Errorf("class filter hides the other classes:\n%s", between(body, `data-field="class"`, "</ul>"))
	}
	// Date range: "to" is inclusive of the typed day.
	_, body = get(t, s, "/?since=2026-11-20&until=2026-11-20")
	if !strings.Contains(body, "of 2 documents") {
		t.Errorf("date range 20-20 Nov should hold the 2 documents of that day:\n%s", between(body, `id="result-count"`, "</p>"))
	}
	// Paging.
	_, body = get(t, s, "/?size=2")
	if !strings.Contains(body, `rel="next"`) || !strings.Contains(body, "page 1 of 4") {
		t.Errorf("pager missing: %s", between(body, `class="pager"`, "</nav>"))
	}
	// Past the last page: said so, with a way back, not "0–0 of N".
	_, body = get(t, s, "/?from=1000")
	if !strings.Contains(body, "past the last of the") || strings.Contains(body, "0–0 of") || strings.Contains(body, "page 0 of") {
		t.Errorf("past the end: %s", between(body, `class="results"`, "</section>"))
	}
	// A syntax error is the user's to fix: shown, with 400 as the API.
	resp, body = get(t, s, "/?q="+url.QueryEscape(`amount:>=abc`))
	if resp.StatusCode != 400 || !strings.Contains(body, `role="alert"`) {
		t.Errorf("bad query: status %d", resp.StatusCode)
	}
}

// TestFacetFilterInAnotherSpelling: a party filter spelled otherwise than
// the facet shows it (a link from a contract in capitals) finds the same
// documents, marks the facet value as the active one, and its link takes
// the filter off rather than adding a second spelling.
func TestFacetFilterInAnotherSpelling(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, body := get(t, s, "/?party="+url.QueryEscape("ACME CORP"))
	if !strings.Contains(body, "1–2 of 2 documents") {
		t.Errorf("party ACME CORP should find the 2 contracts with Acme Corp.:\n%s", between(body, `id="result-count"`, "</p>"))
	}
	facet := between(body, `data-field="party"`, "</ul>")
	active := `<a href="?" class="active" aria-current="true"><span aria-hidden="true">✓ </span>Acme Corp.</a>`
	if !strings.Contains(facet, active) {
		t.Errorf("facet Acme Corp. is not the active filter, taken off by its link:\n%s", facet)
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

func TestSearchAPIShape(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	resp, body := get(t, s, "/api/search?q=personal+data&size=1")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	var r index.Result
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	if r.Total < 2 || len(r.Hits) != 1 || r.Facets["class"] == nil {
		t.Errorf("unexpected result: total %d, %d hits, facets %v", r.Total, len(r.Hits), r.Facets)
	}
	// size=0 asks for the counts only (it gave 10 hits)
	_, body = get(t, s, "/api/search?q=personal+data&size=0")
	var c index.Result
	if err := json.Unmarshal([]byte(body), &c); err != nil || c.Total != r.Total || len(c.Hits) != 0 || c.Facets["class"] == nil {
		t.Errorf("counts only: total %d, %d hits, facets %v, %v", c.Total, len(c.Hits), c.Facets, err)
	}
}

// Parameters that do not parse are the caller's mistake, answered 400 with
// the reason: a mistyped date must not return unfiltered results, and a
// negative offset must not reach Bleve, which panics on it.
func TestSearchAPIRejectsBadParameters(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	for path, reason := range map[string]string{
		"/api/search?since=notadate":                    `since \"notadate\" is not a date`,
		"/api/search?until=2026-13-45":                  `until \"2026-13-45\" is not a date`,
		"/api/search?size=ten":                          `size \"ten\" is not a whole number`,
		"/api/search?q=licence&from=-5":                 "from -5 is negative",
		"/api/search?sort=newest":                       `sort \"newest\" is not relevance, date, -date or expires`,
		"/api/search?q=" + url.QueryEscape("/[a-z/"):    "error parsing regexp",
		"/api/search?governing-law=Texas":               `unknown parameter \"governing-law\"`,
		"/api/search?expiration_date=expired":           "the expiration_date facet is filtered with expires",
		"/api/search?ingested_at=last+24h":              "the ingested_at facet is filtered with since and until",
		"/api/search?size=-3":                           "size -3 is negative",
		"/api/search?from=9223372036854775807":          "export every match instead",
		"/api/search?q=100%":                            "write % as %25",
		"/api/search?q=licence&class=%ZZ":               "invalid URL escape",
		"/api/search?since=2026-11-30&until=2026-11-29": "since 2026-11-30 is not before until 2026-11-29",
		"/api/search?q=licence&q=lease":                 "q is given 2 times",
		"/api/search?size=99999999999999999999":         "size 99999999999999999999 is too large",
		"/api/search?facet_size=500":                    "facet_size 500 is not 0 to 200",
	} {
		resp, body := get(t, s, path)
		if resp.StatusCode != 400 || !strings.Contains(body, reason) {
			t.Errorf("%s: status %d, body %s; want 400 saying %s", path, resp.StatusCode, body, reason)
		}
	}
	// a language by its name is its code
	for _, l := range []string{"english", "English", "en"} {
		resp, body := get(t, s, "/api/search?size=0&language="+l)
		var r index.Result
		if err := json.Unmarshal([]byte(body), &r); err != nil || resp.StatusCode != 200 || r.Total == 0 {
			t.Errorf("language=%s: status %d, %d found (%v)", l, resp.StatusCode, r.Total, err)
		}
	}
	// the page shows the reason instead of results
	resp, body := get(t, s, "/?since=yesterday")
	if resp.StatusCode != 400 || !strings.Contains(body, "is not a date") || strings.Contains(body, "Master Services Agreement") {
		t.Errorf("page with a bad date: status %d\n%s", resp.StatusCode, between(body, "<main", "</main>"))
	}
}

func TestDocumentPageEscapesEverything(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, append(uitest.Samples(), uitest.Hostile())...)})
	resp, body := get(t, s, "/documents/h-evil")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	for _, bad := range []string{"<script>window", "<img src=x", "<svg onload", "<b>kw", "<i>Nowhere"} {
		if strings.Contains(body, bad) {
			t.Errorf("document page contains raw %q", bad)
		}
	}
	if !strings.Contains(body, "&lt;script&gt;window.__pwned=1&lt;/script&gt;") {
		t.Error("escaped title missing")
	}
	// Search results render the highlighted body fragment escaped too.
	_, body = get(t, s, "/?q=indemnification")
	if strings.Contains(body, "<script>window") || strings.Contains(body, "<img src=x") {
		t.Errorf("search page contains raw markup from the document")
	}
	if !strings.Contains(body, "<mark>indemnification</mark>") {
		t.Error("highlight missing")
	}
}

// A log analysed only up to the analysis budget says so on its page,
// beside the figures that describe only that part.
func TestDocumentPageSaysLogBudget(t *testing.T) {
	docs := uitest.Samples()
	for _, d := range docs {
		if d.Log != nil {
			lg := *d.Log
			lg.Lines, lg.Analyzed = 440000, 44
			d.Log = &lg
		}
	}
	s := newServer(t, Options{Index: openIndex(t, docs...)})
	_, body := get(t, s, "/documents/l-api")
	if !strings.Contains(body, "first 44 of 440000 lines analysed") {
		t.Errorf("log page does not say how much was analysed:\n%s", between(body, "<h2>Log</h2>", "</p>"))
	}
}

// The document page shows the text as indexed (its opening when long) and
// each task's note, such as an analysis budget.
func TestDocumentPageShowsTextAndNotes(t *testing.T) {
	docs := uitest.Samples()
	long := docs[0]
	long.Text = "Opening words of the agreement. " + strings.Repeat("Más texto <b>escapado</b>. ", 2000) + "Closing words."
	long.Tasks = map[string]document.TaskTrace{"entities": {Depth: document.DepthNone, Note: "entities read the first 3 MiB"}}
	s := newServer(t, Options{Index: openIndex(t, docs...)})
	_, body := get(t, s, "/documents/"+long.ID)
	text := between(body, `<details id="doc-text"`, "</details>")
	if !strings.Contains(text, "Opening words of the agreement.") || strings.Contains(text, "Closing words.") ||
		!strings.Contains(text, "Más texto &lt;b&gt;escapado&lt;/b&gt;") || !strings.Contains(text, "The rest is searchable") {
		t.Errorf("text section: %.400s", text)
	}
	if !strings.Contains(between(body, `id="doc-tasks"`, "</table>"), "entities read the first 3 MiB") {
		t.Error("task note not shown")
	}
	_, body = get(t, s, "/documents/"+docs[1].ID)
	if text := between(body, `<details id="doc-text"`, "</details>"); !strings.Contains(text, " open>") || strings.Contains(text, "The rest") ||
		!strings.Contains(text, html.EscapeString(docs[1].Text[:40])) {
		t.Errorf("short text section: %.400s", text)
	}
}

func TestDocumentPageContent(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, body := get(t, s, "/documents/l-api")
	for _, want := range []string{"api-server.log", "Request GET &lt;*&gt; completed in &lt;*&gt;", `id="doc-tasks"`, "logs", "docmill-free@1",
		`href="/?keywords=connection%20refused"`, "Original file not kept"} {
		if !strings.Contains(body, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	_, body = get(t, s, "/documents/c-msa")
	if !strings.Contains(body, `href="/?party=Acme%20Corp."`) {
		t.Errorf("party entity is not a search link:\n%s", between(body, `id="doc-entities"`, "</table>"))
	}
	resp, _ := get(t, s, "/documents/nope")
	if resp.StatusCode != 404 {
		t.Errorf("unknown document: %d", resp.StatusCode)
	}
	// an e-mail shows its sender, recipients and date as fields
	mail := &document.Result{ID: "m-1", Filename: "memo.eml", ContentType: document.TypeEmail, Title: "Renewal",
		Meta: map[string]string{"from": "Ann <ann@acme.example>", "to": "Bob <bob@globex.example>",
			"date": "Tue, 2 Jan 2024 10:00:00 +0000", "subject": "Renewal"}}
	s = newServer(t, Options{Index: openIndex(t, mail)})
	_, body = get(t, s, "/documents/m-1")
	for _, want := range []string{`<dt class="mail-from">From</dt><dd>Ann &lt;ann@acme.example&gt;</dd>`, `<dt class="mail-to">To</dt>`, `<dt class="mail-date">Date</dt>`} {
		if !strings.Contains(body, want) {
			t.Errorf("e-mail page lacks %q", want)
		}
	}
	if strings.Contains(body, `class="mail-subject"`) {
		t.Errorf("e-mail page repeats the subject that is its title")
	}
	// a forward or a reply is titled by its thread's subject; the page
	// shows the subject as sent, "FW:" and all, beside it
	fw := &document.Result{ID: "m-2", Filename: "fw.txt", ContentType: document.TypeEmail, Title: "Retention schedule",
		Meta: map[string]string{"from": "Ann <ann@acme.example>", "subject": "FW: Retention schedule"}}
	s = newServer(t, Options{Index: openIndex(t, fw)})
	if _, body = get(t, s, "/documents/m-2"); !strings.Contains(body, `<dt class="mail-subject">Subject</dt><dd>FW: Retention schedule</dd>`) {
		t.Errorf("forward's page lacks its subject as sent:\n%s", between(body, "<dl", "</dl>"))
	}
}

func TestAuth(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...), AuthToken: "s3cret"})
	if resp, _ := get(t, s, "/"); resp.StatusCode != 401 || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Basic") {
		t.Errorf("no credentials: %d %q", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}
	if resp, _ := get(t, s, "/api/search", "Authorization", "Bearer wrong"); resp.StatusCode != 401 {
		t.Errorf("wrong token: %d", resp.StatusCode)
	}
	if resp, _ := get(t, s, "/api/search", "Authorization", "Bearer s3cret"); resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("bearer: %d, Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.SetBasicAuth("anyone", "s3cret")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("basic auth: %d", rec.Code)
	}
	// a page visited with ?token= sets the cookie and sends the browser
	// to the same page without the token (it stayed in the address bar
	// and the history); the API and a form post do not take it: there it
	// stayed in the address, which proxies and access logs keep
	resp, _ := get(t, s, "/?q=lease&token=s3cret")
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == tokenCookie {
			cookie = c
		}
	}
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/?q=lease" || cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Fatalf("?token=: %d to %q, cookie %+v", resp.StatusCode, resp.Header.Get("Location"), cookie)
	}
	if resp, _ := get(t, s, "/api/search?token=s3cret"); resp.StatusCode != http.StatusUnauthorized || len(resp.Cookies()) > 0 {
		t.Errorf("API with ?token=: %d, cookies %v, want 401 and none", resp.StatusCode, resp.Cookies())
	}
	post := httptest.NewRequest(http.MethodPost, "/documents/x/delete?token=s3cret", nil)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, post)
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("form post with ?token=: %d, want 401", rec.Code)
	}
	if resp, _ := get(t, s, "/dashboard", "Cookie", cookie.String()); resp.StatusCode != 200 {
		t.Errorf("cookie: %d", resp.StatusCode)
	}
	if resp, _ := get(t, s, "/healthz"); resp.StatusCode != 200 {
		t.Errorf("healthz must stay open: %d", resp.StatusCode)
	}
	// the scheme is case-insensitive (RFC 7235) and required
	if resp, _ := get(t, s, "/api/search", "Authorization", "bearer s3cret"); resp.StatusCode != 200 {
		t.Errorf("lower-case bearer: %d", resp.StatusCode)
	}
	if resp, _ := get(t, s, "/api/search", "Authorization", "s3cret"); resp.StatusCode != 401 {
		t.Errorf("token without a scheme: %d", resp.StatusCode)
	}
	// the cookie holds no token: one with ";" or spaces works too
	s2 := newServer(t, Options{Index: openIndex(t), AuthToken: "tok;en with spaces"})
	resp, _ = get(t, s2, "/?token="+url.QueryEscape("tok;en with spaces"))
	cookie = nil
	for _, c := range resp.Cookies() {
		if c.Name == tokenCookie {
			cookie = c
		}
	}
	if cookie == nil || strings.Contains(cookie.Value, "tok") {
		t.Fatalf("cookie %+v", cookie)
	}
	if resp, _ := get(t, s2, "/dashboard", "Cookie", cookie.String()); resp.StatusCode != 200 {
		t.Errorf("cookie of a token with ';': %d", resp.StatusCode)
	}
	if resp, _ := get(t, s2, "/dashboard", "Cookie", tokenCookie+"=tok"); resp.StatusCode != 401 {
		t.Errorf("forged cookie: %d", resp.StatusCode)
	}
	// HEAD is answered wherever GET is (health and link checkers use it)
	for _, path := range []string{"/healthz", "/readyz", "/?token=s3cret"} {
		req := httptest.NewRequest(http.MethodHead, path, nil)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Errorf("HEAD %s: %d", path, rec.Code)
		}
	}
	if resp, _ := get(t, s, "/static/app.js"); resp.StatusCode != 200 {
		t.Errorf("static must stay open: %d", resp.StatusCode)
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t)})
	// "null" is what sandboxed frames and data: pages send
	for _, origin := range []string{"https://evil.example", "null"} {
		req := httptest.NewRequest(http.MethodPost, "/documents/x/reprocess", nil)
		req.Header.Set("Origin", origin)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden {
			t.Errorf("post from %s: %d", origin, rec.Code)
		}
	}
	// a browser that sends "null" for the UI's own post says so in
	// Sec-Fetch-Site, which no page can set
	req := httptest.NewRequest(http.MethodPost, "/documents/x/reprocess", nil)
	req.Header.Set("Origin", "null")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code == http.StatusForbidden {
		t.Errorf("same-origin post with Origin null refused")
	}
}

// A server without a token answers requests addressed to IP addresses,
// localhost and allowed names only: a page at rebind.attacker.example
// whose DNS answer turns to 127.0.0.1 is same-origin to its browser, and
// could otherwise read and delete documents. With a token, the token
// guards.
func TestOpenServerRefusesRebindingHosts(t *testing.T) {
	ix := openIndex(t)
	open := newServer(t, Options{Index: ix, AllowedHosts: []string{"docmill.corp.example", ".lab.example"}})
	guarded := newServer(t, Options{Index: ix, AuthToken: "s3cret"})
	for _, c := range []struct {
		s     *Server
		host  string
		token bool
		code  int
	}{
		{open, "rebind.attacker.example:8080", false, http.StatusForbidden},
		{open, "127.0.0.1:8080", false, http.StatusOK},
		{open, "[::1]:8080", false, http.StatusOK},
		{open, "localhost:8080", false, http.StatusOK},
		{open, "10.1.2.3", false, http.StatusOK},
		{open, "DOCMILL.corp.example:8080", false, http.StatusOK},
		{open, "box7.lab.example", false, http.StatusOK},
		{open, "lab.example.attacker.example", false, http.StatusForbidden},
		{guarded, "rebind.attacker.example:8080", true, http.StatusOK},
		{guarded, "rebind.attacker.example:8080", false, http.StatusUnauthorized},
	} {
		req := httptest.NewRequest(http.MethodGet, "/api/search?q=x", nil)
		req.Host = c.host
		if c.token {
			req.Header.Set("Authorization", "Bearer s3cret")
		}
		rec := httptest.NewRecorder()
		c.s.ServeHTTP(rec, req)
		if rec.Code != c.code {
			t.Errorf("host %s token %v: %d, want %d", c.host, c.token, rec.Code, c.code)
		}
	}
	// health and metrics stay open to any name (probes use service names)
	req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
	req.Host = "docmill-svc.prod.svc.cluster.local"
	rec := httptest.NewRecorder()
	open.ServeHTTP(rec, req)
	if rec.Code == http.StatusForbidden {
		t.Errorf("healthz refused a service name")
	}
}

func multipartBody(t *testing.T, files map[string][]byte) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for name, data := range files {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// multipartNamed is a multipart body of files, each given by its
// Content-Disposition file name parameter as written (filename="a.txt",
// or RFC 2231's filename*= form) and its content.
func multipartNamed(t *testing.T, fileAndData ...any) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for i := 0; i+1 < len(fileAndData); i += 2 {
		h := textproto.MIMEHeader{"Content-Disposition": {`form-data; name="file"; ` + fileAndData[i].(string)}}
		fw, err := mw.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(fileAndData[i+1].([]byte))
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func TestUploadStoresOriginalAndReprocesses(t *testing.T) {
	nc, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, JS: js, MaxUpload: 1 << 20})
	ingested := make(chan *nats.Msg, 8)
	sub, err := nc.ChanSubscribe(broker.SubjectIngest+".>", ingested)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()

	pdf := uitest.PDF("Master Services Agreement", "Governed by the laws of the State of New York.")
	body, ct := multipartBody(t, map[string][]byte{"msa.pdf": pdf})
	req := httptest.NewRequest(http.MethodPost, "/api/documents", body)
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusAccepted {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	var out struct{ Documents []uploaded }
	json.Unmarshal(rec.Body.Bytes(), &out)
	id := document.ID(pdf)
	if len(out.Documents) != 1 || out.Documents[0].ID != id || out.Documents[0].Filename != "msa.pdf" {
		t.Fatalf("upload answer %s", rec.Body)
	}
	first := <-ingested
	if !bytes.Equal(first.Data, pdf) {
		t.Error("ingest message does not carry the bytes")
	}

	resp, got := get(t, s, "/documents/"+id+"/original")
	if resp.StatusCode != 200 || got != string(pdf) {
		t.Fatalf("download: %d, %d bytes", resp.StatusCode, len(got))
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename=msa.pdf` || resp.Header.Get("Content-Type") != "application/octet-stream" {
		t.Errorf("download headers: %q %q", cd, resp.Header.Get("Content-Type"))
	}

	// indexed from a watched file: the reprocessed one still names it
	indexed := uitest.Samples()[0]
	indexed.ID, indexed.Meta = id, map[string]string{"path": "/in/msa.pdf", "pages": "1"}
	if err := s.o.Index.Put(context.Background(), indexed); err != nil {
		t.Fatal(err)
	}
	req = httptest.NewRequest(http.MethodPost, "/documents/"+id+"/reprocess", nil)
	req.Header.Set("Origin", "http://example.com") // httptest's host
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/documents/"+id+"?reprocess=queued" {
		t.Fatalf("reprocess: %d %q %s", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
	select {
	case m := <-ingested:
		if m.Header.Get(pipeline.HeaderObject) != OriginalsBucket+"/"+id || m.Header.Get(pipeline.HeaderFilename) != "msa.pdf" || len(m.Data) != 0 {
			t.Errorf("reprocess message: headers %v, %d bytes", m.Header, len(m.Data))
		}
		if m.Header.Get(nats.MsgIdHdr) == id {
			t.Error("reprocess reuses the ingest message id, so de-duplication would drop it")
		}
		if m.Header.Get(pipeline.HeaderMetaPrefix+"path") != "/in/msa.pdf" || m.Header.Get(pipeline.HeaderMetaPrefix+"pages") != "" {
			t.Errorf("reprocess message meta: %v", m.Header)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reprocess published nothing")
	}
	// An id docmill never saw is 404 (it was 409, as if the document were
	// there without its original); a document whose original was not
	// kept cannot be reprocessed: 409.
	req = httptest.NewRequest(http.MethodPost, "/api/documents/"+strings.Repeat("0", 64)+"/reprocess", nil)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "not found") {
		t.Errorf("reprocess unknown: %d %s", rec.Code, rec.Body)
	}
	kept := uitest.Samples()[0]
	if err := s.o.Index.PutBatch(context.Background(), []*document.Result{kept}); err != nil {
		t.Fatal(err)
	}
	req = httptest.NewRequest(http.MethodPost, "/api/documents/"+kept.ID+"/reprocess", nil)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "original file not stored") {
		t.Errorf("reprocess without an original: %d %s", rec.Code, rec.Body)
	}
}

// The upload form posted without JavaScript and without a file chosen
// (a browser sends the file field empty, with no file name) says so.
func TestFormUploadNoFileChosen(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}})
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename=""`)
	h.Set("Content-Type", "application/octet-stream")
	if _, err := mw.CreatePart(h); err != nil {
		t.Fatal(err)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/upload", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	msg := between(rec.Body.String(), `id="upload-error"`, "</p>")
	if rec.Code != http.StatusBadRequest || !strings.Contains(msg, "No file chosen") {
		t.Errorf("form upload without a file: %d %q", rec.Code, msg)
	}
}

func TestUploadLimit(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20})
	big := bytes.Repeat([]byte("a"), 3<<20)
	body, ct := multipartBody(t, map[string][]byte{"big.txt": big})
	req := httptest.NewRequest(http.MethodPost, "/upload", body)
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "larger than the 1 MiB limit") {
		t.Errorf("form upload over the limit: %d %s", rec.Code, between(rec.Body.String(), `id="upload-error"`, "</p>"))
	}
	body, ct = multipartBody(t, map[string][]byte{"big.txt": big})
	req = httptest.NewRequest(http.MethodPost, "/api/documents", body)
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "1 MiB limit") {
		t.Errorf("api upload over the limit: %d %s", rec.Code, rec.Body)
	}
	// a file over the limit by less than the body's slack is refused by
	// its own size check: 413 all the same (it was 400)
	body, ct = multipartBody(t, map[string][]byte{"big.txt": big[:3<<19]})
	req = httptest.NewRequest(http.MethodPost, "/api/documents", body)
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "1 MiB limit") {
		t.Errorf("api upload of 1.5 MiB: %d %s", rec.Code, rec.Body)
	}
	req = httptest.NewRequest(http.MethodPost, "/api/documents?filename=big.txt", bytes.NewReader(big[:1<<20+100]))
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("raw api upload just over the limit: %d %s", rec.Code, rec.Body)
	}
	// one good file and one bad: 207, and the good one was taken
	body, ct = multipartBody(t, map[string][]byte{"good.txt": []byte("The Supplier shall deliver."), "empty.txt": nil})
	req = httptest.NewRequest(http.MethodPost, "/api/documents", body)
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusMultiStatus || !strings.Contains(rec.Body.String(), `"id"`) {
		t.Errorf("mixed upload: %d %s", rec.Code, rec.Body)
	}
	// a file, then more than the limit: the first was published, so the
	// answer says so (207), with the rest not taken (it was a bare 413,
	// and a client sending all again made the first twice); the same
	// through the form, and with a body cut off after the first file
	for _, cut := range []bool{false, true} {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, _ := mw.CreateFormFile("file", "first.txt")
		fw.Write([]byte("The Supplier shall deliver the first order."))
		fw, _ = mw.CreateFormFile("file", "second.txt")
		if cut {
			fw.Write([]byte("The second file was cut"))
		} else {
			fw.Write(big)
			mw.Close()
		}
		for _, path := range []string{"/api/documents", "/upload"} {
			req = httptest.NewRequest(http.MethodPost, path, bytes.NewReader(b.Bytes()))
			req.Header.Set("Content-Type", mw.FormDataContentType())
			rec = httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			body := rec.Body.String()
			if path == "/api/documents" && (rec.Code != http.StatusMultiStatus || !strings.Contains(body, `"first.txt"`) || !strings.Contains(body, "rest of the upload")) {
				t.Errorf("cut %v: %s: %d %s", cut, path, rec.Code, body)
			}
			// one limit, the configured one, however far the body ran
			// over it (it also said "over the 2 MiB limit")
			if strings.Contains(body, "2 MiB") {
				t.Errorf("cut %v: %s: %d %s", cut, path, rec.Code, body)
			}
			if path == "/upload" && (!strings.Contains(body, "first.txt") || !strings.Contains(body, "rest of the upload")) {
				t.Errorf("cut %v: %s: %d %s", cut, path, rec.Code, between(body, "<main", "</main>"))
			}
		}
	}
	// a depth that is none is refused before the body is read
	req = httptest.NewRequest(http.MethodPost, "/api/documents?filename=a.txt&depth=bogus", strings.NewReader("A memo."))
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "not shallow, full or auto") {
		t.Errorf("depth=bogus: %d %s", rec.Code, rec.Body)
	}
	// a Windows path sent whole as the file's name is its last part
	body, ct = multipartBody(t, map[string][]byte{`C:\Users\bob\Desktop\nda.txt`: []byte("A mutual NDA.")})
	req = httptest.NewRequest(http.MethodPost, "/api/documents", body)
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), `"filename": "nda.txt"`) {
		t.Errorf("windows path: %d %s", rec.Code, rec.Body)
	}
	// a name that names no file: refused raw, "unnamed" in a form
	for _, q := range []string{"filename=..", "filename=.", "filename=/", "filename=%20"} {
		req = httptest.NewRequest(http.MethodPost, "/api/documents?"+q, strings.NewReader("A memo."))
		rec = httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "needs ?filename=") {
			t.Errorf("raw upload %s: %d %s", q, rec.Code, rec.Body)
		}
	}
	body, ct = multipartBody(t, map[string][]byte{"..": []byte("A memo without a name.")})
	req = httptest.NewRequest(http.MethodPost, "/api/documents", body)
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), `"filename": "unnamed"`) {
		t.Errorf("form file named ..: %d %s", rec.Code, rec.Body)
	}
	// a browser sends a file name's " as %22
	body, ct = multipartBody(t, map[string][]byte{`quote%22s.txt`: []byte("A quoted name.")})
	req = httptest.NewRequest(http.MethodPost, "/api/documents", body)
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if !strings.Contains(rec.Body.String(), `"filename": "quote\"s.txt"`) {
		t.Errorf("file name: %s", rec.Body)
	}
	// Within the limit, the form answers with the id.
	body, ct = multipartBody(t, map[string][]byte{"small.txt": []byte("hello world")})
	req = httptest.NewRequest(http.MethodPost, "/upload", body)
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "/documents/"+document.ID([]byte("hello world"))) {
		t.Errorf("form upload: %d", rec.Code)
	}
}

func TestLiveFeedSSE(t *testing.T) {
	nc, _ := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), NATS: nc})
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+"/api/live?class=log", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("content type %q", resp.Header.Get("Content-Type"))
	}
	rd := bufio.NewReader(resp.Body)
	readLine(t, rd) // retry
	samples := uitest.Samples()
	for _, r := range []*document.Result{samples[0], samples[5]} { // a contract, then a log
		data, _ := json.Marshal(r)
		if err := nc.Publish(fmt.Sprintf("docmill.results.%s", r.Class), data); err != nil {
			t.Fatal(err)
		}
	}
	nc.Flush()
	var ev FeedEvent
	for {
		line := readLine(t, rd)
		if strings.HasPrefix(line, "data: ") {
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if ev.ID != "l-api" || ev.Class != "log" {
		t.Errorf("class filter let through %+v", ev)
	}
	// Close ends open streams, so an HTTP server's Shutdown need not wait
	// for live pages to go away.
	s.Close()
	if _, err := io.ReadAll(rd); err != nil {
		t.Errorf("stream did not end cleanly after Close: %v", err)
	}
	s.feed = NewFeed() // the pages below still render recent results
	for _, r := range []*document.Result{samples[0], samples[5]} {
		s.feed.Publish(r)
	}
	// The live page renders recent results server-side too.
	_, body := get(t, s, "/live")
	if !strings.Contains(body, "Master Services Agreement") || !strings.Contains(body, "api-server.log") {
		t.Error("live page lacks recent results")
	}
	_, body = get(t, s, "/live?class=contract")
	if strings.Contains(body, "api-server.log") {
		t.Error("live page class filter ignored")
	}
}

func readLine(t *testing.T, rd *bufio.Reader) string {
	t.Helper()
	line, err := rd.ReadString('\n')
	if err != nil && err != io.EOF {
		t.Fatalf("read event stream: %v", err)
	}
	return strings.TrimRight(line, "\n")
}

func TestHistogramQuantile(t *testing.T) {
	h := histogram{Count: 100, Uppers: []float64{0.01, 0.1, 1}, Cumul: []uint64{50, 90, 100}}
	for _, c := range []struct{ q, want float64 }{{.5, 0.01}, {.25, 0.005}, {.7, 0.055}, {.95, 0.55}} {
		if got := h.quantile(c.q); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("q%.2f = %v, want %v", c.q, got, c.want)
		}
	}
	if !math.IsNaN((histogram{}).quantile(.5)) {
		t.Error("empty histogram should give NaN")
	}
}

// The dashboard's percentiles cover the recent window: 100 fast documents
// long ago, then 10 slow ones in the last minutes, give a slow p50.
func TestRecentStageLatency(t *testing.T) {
	up := []float64{0.01, 0.1, 1}
	t0 := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	old := snapshot{At: t0, Stages: map[string]histogram{"analyze": {Count: 100, Uppers: up, Cumul: []uint64{100, 100, 100}}}}
	mid := snapshot{At: t0.Add(10 * time.Minute), Stages: old.Stages}
	now := snapshot{At: t0.Add(13 * time.Minute), Stages: map[string]histogram{"analyze": {Count: 110, Uppers: up, Cumul: []uint64{100, 100, 110}}}}
	st, label := recentStages([]snapshot{old, mid, now}, 5*time.Minute)
	if got := st["analyze"].quantile(.5); got < 0.1 || label != "last 3m0s" {
		t.Fatalf("recent p50 %v (%s), want the slow documents' bucket (0.1-1 s) over the last 3m0s", got, label)
	}
	if got := now.Stages["analyze"].quantile(.5); got > 0.01 {
		t.Fatalf("since-start p50 %v should be fast", got)
	}
	// Nothing new in the window: the totals stand, labelled so.
	if _, label := recentStages([]snapshot{old, mid}, 5*time.Minute); label != "since start" {
		t.Fatalf("idle window labelled %q", label)
	}
	// A reset (counts went down) never yields negative counts.
	if d := old.Stages["analyze"].minus(now.Stages["analyze"]); d.Count != 100 {
		t.Fatalf("minus after reset: %+v", d)
	}
}

func TestDashboardReadsRegistry(t *testing.T) {
	m := pipeline.NewMetrics()
	for i := 0; i < 100; i++ {
		m.Duration.WithLabelValues("parse").Observe(0.002)
		m.Duration.WithLabelValues("analyze").Observe(0.040)
	}
	m.Classes.WithLabelValues("contract").Add(70)
	m.Classes.WithLabelValues("log").Add(30)
	m.Depths.WithLabelValues("none").Add(100)
	m.DeadLet.WithLabelValues("analyze").Add(3)
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()[:2]...), Registry: m.Registry, SampleEvery: 20 * time.Millisecond})
	// The 10 new results must fall between the sampler's first snapshot
	// and a later one; sleeps assumed the sampler's goroutine runs within
	// 100 ms, which a loaded machine does not promise.
	waitSampled(t, s, func(sn snapshot) bool { return sn.Results["contract"] == 70 })
	m.Classes.WithLabelValues("contract").Add(10)
	waitSampled(t, s, func(sn snapshot) bool { return sn.Results["contract"] == 80 })
	resp, body := get(t, s, "/dashboard")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{"<svg", `<td>analyze</td>`, `id="total">110<`, `id="dlq">3<`, `id="indexed">2<`, "contract (80)", "log (30)"} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	// Each chart says in words what it draws (a screen reader reads the
	// label, not the shapes).
	for _, want := range []string{`aria-label="results by exit depth: none 100, shallow 0, full 0"`,
		`aria-label="results since start: contract 80, log 30"`, "contract 10, log 0\"", `aria-label="documents per second: `} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks the text alternative %q", want)
		}
	}
	// 0.040 s falls in the 0.032-0.064 bucket: p50 interpolates to 48 ms.
	if row := between(body, "<td>analyze</td>", "</tr>"); !strings.Contains(row, "48 ms") {
		t.Errorf("analyze row %q", row)
	}
	d := s.dashboard(context.Background(), time.Now())
	if d.DocsPerSec <= 0 {
		t.Errorf("documents/s = %v after 10 new results", d.DocsPerSec)
	}
}

// waitSampled waits until the dashboard sampler's latest snapshot
// satisfies cond.
func waitSampled(t *testing.T, s *Server, cond func(snapshot) bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if h := s.sampler.history(); len(h) > 0 && cond(h[len(h)-1]) {
			return
		}
	}
	t.Fatal("the dashboard sampler took no such snapshot")
}

// Retention limits reach the originals bucket: a TTL, and a byte cap that
// refuses what does not fit instead of corrupting stored originals.
func TestOriginalsRetention(t *testing.T) {
	_, js := uitest.StartNATS(t, "retention")
	o := &Originals{JS: js, MaxAge: 48 * time.Hour, MaxBytes: 64 << 10}
	ctx := context.Background()
	id, err := o.Put(ctx, "small.txt", "test", "text/plain", []byte("a small original"))
	if err != nil {
		t.Fatal(err)
	}
	if !o.Has(ctx, id) {
		t.Fatal("stored original not found")
	}
	st, err := js.ObjectStore(ctx, OriginalsBucket)
	if err != nil {
		t.Fatal(err)
	}
	status, err := st.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if status.TTL() != 48*time.Hour {
		t.Fatalf("bucket TTL %v, want 48h", status.TTL())
	}
	big := bytes.Repeat([]byte("x"), 256<<10)
	if _, err := o.Put(ctx, "big.bin", "test", "", big); err == nil || !strings.Contains(err.Error(), "maximum bytes") {
		t.Fatalf("an original over the bucket cap: err %v, want the bucket's maximum bytes exceeded", err)
	}
	if !o.Has(ctx, id) {
		t.Fatal("the refused put damaged an earlier original")
	}
}

// Every upload keeps its original, so storing one must leave nothing
// running: nats.go's ObjectStore.Put leaked a goroutine on a nil channel
// for a few percent of puts (more on a busy machine).
func TestOriginalsPutLeavesNoGoroutine(t *testing.T) {
	_, js := uitest.StartNATS(t, "originals-leak")
	o := &Originals{JS: js}
	natstest.PutsLeaveNoPublisher(t, func(w, i int) error {
		_, err := o.Put(context.Background(), "upload.txt", "http", "", []byte(fmt.Sprintf("upload %d of writer %d", i, w)))
		return err
	})
}

// A restarted server's live feed shows the latest results from the stream,
// oldest first in history and newest first on the page, without repeating
// one the live subscription already delivered.
func TestFeedBackfillFromResultsStream(t *testing.T) {
	_, js := uitest.StartNATS(t, "feed-history")
	ctx := context.Background()
	t0 := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	var last document.Result
	for i := 0; i < 60; i++ {
		r := document.Result{ID: fmt.Sprintf("doc-%02d", i), Filename: fmt.Sprintf("f%02d.txt", i), ProcessedAt: t0.Add(time.Duration(i) * time.Second)}
		r.Class = "contract"
		data, _ := json.Marshal(r)
		if _, err := js.Publish(ctx, broker.SubjectResults+".contract", data); err != nil {
			t.Fatal(err)
		}
		last = r
	}
	f := NewFeed()
	f.Publish(&last) // the live subscription saw the newest one already
	if err := f.Backfill(ctx, js, nil); err != nil {
		t.Fatal(err)
	}
	got := f.Recent("")
	if len(got) != feedRecent || got[0].ID != "doc-59" || got[1].ID != "doc-58" || got[len(got)-1].ID != "doc-10" {
		t.Fatalf("recent: %d events, first %s %s, last %s", len(got), got[0].ID, got[1].ID, got[len(got)-1].ID)
	}
}

// The same bytes uploaded twice within the ingest stream's de-duplication
// window are analysed once; the second answer says so, so a client does
// not wait for a result that will not come.
// postOne uploads text raw to /api/documents?<query> with header
// name/value pairs, wants it accepted and returns its entry.
func postOne(t *testing.T, h http.Handler, query, text string, hdr ...string) uploaded {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/api/documents?"+query, strings.NewReader(text))
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out struct{ Documents []uploaded }
	if rec.Code != http.StatusAccepted || json.Unmarshal(rec.Body.Bytes(), &out) != nil || len(out.Documents) != 1 {
		t.Fatalf("upload %s: %d %s", query, rec.Code, rec.Body)
	}
	return out.Documents[0]
}

func TestUploadSaysDuplicate(t *testing.T) {
	_, js := startNATS(t)
	orig := &Originals{JS: js}
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20, Originals: orig})
	send := func(name string) uploaded {
		return postOne(t, s, "filename="+name, "The Supplier shall deliver the goods.")
	}
	first, second := send("a.txt"), send("b.txt")
	if first.Duplicate || first.Note != "" {
		t.Errorf("first upload marked duplicate: %+v", first)
	}
	if !second.Duplicate || second.ID != first.ID || !strings.Contains(second.Note, "on its way") {
		t.Errorf("second upload: %+v, want a duplicate of %s with a note", second, first.ID)
	}
	// the dropped duplicate leaves the stored original as it was
	ctx := context.Background()
	if o, err := orig.Get(ctx, first.ID); err != nil || o.Filename != "a.txt" {
		t.Fatalf("original after a duplicate: %+v %v, want a.txt", o, err)
	}
	// its original and processing entry gone but no deletion announced
	// (a real delete announces one, and the send after it is analysed:
	// server's TestIngestAfterDeleteIndexedAgain): a duplicate, not
	// analysed, so no original without a document comes back
	if err := orig.Delete(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := proc.Done(ctx, first.ID); err != nil { // as a delete does
		t.Fatal(err)
	}
	if third := send("c.txt"); !third.Duplicate {
		t.Errorf("third upload: %+v", third)
	}
	if orig.Has(ctx, first.ID) {
		t.Error("the original of a dropped duplicate was kept")
	}
}

// A duplicate of content that was dead-lettered says so, and where to look:
// it has no document page (QA: the note pointed at /documents/<id>, a 404).
func TestUploadDuplicateOfADeadLetter(t *testing.T) {
	_, js := startNATS(t)
	failed := map[string]string{}
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20,
		Failed: func(_ context.Context, id string) string { return failed[id] }})
	first := postOne(t, s, "filename=a.bin", "not a document at all")
	failed[first.ID] = "parse a.bin: unsupported or binary content"
	second := postOne(t, s, "filename=b.bin", "not a document at all")
	if !second.Duplicate || !strings.Contains(second.Note, "dead-lettered earlier (parse a.bin: unsupported") || strings.Contains(second.Note, "/documents/") {
		t.Errorf("duplicate of a dead letter: %+v", second)
	}
}

// An upload may name its source (log templates are kept per source);
// without one it is "http".
func TestUploadNamesItsSource(t *testing.T) {
	_, js := startNATS(t)
	orig := &Originals{JS: js}
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20, Originals: orig})
	ctx := context.Background()
	for _, c := range []struct{ query, text, want string }{
		{"filename=a.log&source=payments-api", "2024-01-02 10:00:00 INFO payment 1 ok", "payments-api"},
		{"filename=b.log", "2024-01-02 10:00:00 INFO payment 2 ok", "http"},
	} {
		up := postOne(t, s, c.query, c.text)
		st, err := js.Stream(ctx, "DOCMILL_INGEST")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.GetLastMsgForSubject(ctx, "docmill.ingest."+c.want); err != nil {
			t.Errorf("%s: no message on docmill.ingest.%s: %v", c.query, c.want, err)
		}
		if o, err := orig.Get(ctx, up.ID); err != nil || o.Source != c.want {
			t.Errorf("%s: original %+v %v", c.query, o, err)
		}
	}
}

// An upload's Docmill-Meta-<Key> and Docmill-Deadline headers reach the
// ingest message as they would from any NATS client; docmill's own keys
// are refused.
func TestUploadCarriesMetaHeaders(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20})
	ctx := context.Background()
	postOne(t, s, "filename=po.txt", "Purchase order 4471: the buyer shall pay on delivery.",
		"Docmill-Meta-Owner", "legal-ops", "docmill-meta-case-id", "C-77", "Docmill-Deadline", "5s")
	st, err := js.Stream(ctx, "DOCMILL_INGEST")
	if err != nil {
		t.Fatal(err)
	}
	m, err := st.GetLastMsgForSubject(ctx, "docmill.ingest.http")
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.Get("Docmill-Meta-owner") != "legal-ops" || m.Header.Get("Docmill-Meta-case-id") != "C-77" || m.Header.Get("Docmill-Deadline") != "5s" {
		t.Errorf("ingest headers %v", m.Header)
	}
	req := httptest.NewRequest(http.MethodPost, "/api/documents?filename=x.txt", strings.NewReader("text"))
	req.Header.Set("Docmill-Meta-Replaces", strings.Repeat("a", 64))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "set by docmill itself") {
		t.Errorf("reserved meta key: %d %s", rec.Code, rec.Body)
	}
	// Metadata or a file name the broker cannot carry is the caller's to
	// fix: 400 naming the limit, not 503 "send it again later", and no
	// stored original left behind.
	orig := &Originals{JS: js}
	s = newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20, Originals: orig})
	for _, c := range []struct{ query, header string }{
		{"filename=big-meta.txt", strings.Repeat("m", 70_000)},
		{"filename=" + strings.Repeat("f", 5000) + ".txt", ""},
	} {
		body := "A memo of its own: " + c.query[:20]
		req := httptest.NewRequest(http.MethodPost, "/api/documents?"+c.query, strings.NewReader(body))
		if c.header != "" {
			req.Header.Set("Docmill-Meta-Big", c.header)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "limit") {
			t.Errorf("%.30s: %d %.300s, want 400 naming the limit", c.query, rec.Code, rec.Body)
		}
		if orig.Has(ctx, document.ID([]byte(body))) {
			t.Errorf("%.30s: the refused upload's original was kept", c.query)
		}
	}
}

// Polling for a result: an upload this server accepted reads "processing"
// until its result is indexed; an id it never saw reads as unknown.
func TestPollingTellsProcessingFromUnknown(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20})
	up := postOne(t, s, "filename=nda.txt", "The Recipient shall keep the Information confidential.")
	resp, body := get(t, s, "/api/documents/"+up.ID)
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, `"status": "processing"`) {
		t.Errorf("accepted upload: %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, s, "/api/documents/"+strings.Repeat("0", 64))
	if resp.StatusCode != http.StatusNotFound || strings.Contains(body, "processing") {
		t.Errorf("unknown id: %d %s", resp.StatusCode, body)
	}
	// The document page says the same as the API (it said "not found, it
	// may still be processing" for every id it did not hold).
	bad := strings.Repeat("b", 64)
	s = newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20,
		Failed: func(_ context.Context, id string) string {
			if id == bad {
				return "parse t.tar: tar archives are not read"
			}
			return ""
		}})
	up = postOne(t, s, "filename=lease.txt", "The Tenant shall pay the rent monthly.")
	for id, want := range map[string]string{
		up.ID:                   `id="doc-processing"`,
		bad:                     "tar archives are not read",
		strings.Repeat("0", 64): "No document has this id",
	} {
		resp, body := get(t, s, "/documents/"+id)
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, want) {
			t.Errorf("page of %.12s: %d, want %q in %s", id, resp.StatusCode, want, between(body, "<main", "</main>"))
		}
	}
	if _, body := get(t, s, "/documents/"+up.ID); !strings.Contains(between(body, "<title>", "</title>"), "Processing") {
		t.Errorf("title of a processing document's page: %q", between(body, "<title>", "</title>"))
	}
	if _, body := get(t, s, "/api/documents/"+bad); !strings.Contains(body, `"failed": "parse t.tar`) {
		t.Errorf("API on a dead-lettered document: %s", body)
	}
}

// Another docmill on the same broker (a replica behind a load balancer)
// answers "processing" for an upload this one took.
func TestPollingAnotherReplica(t *testing.T) {
	_, js := startNATS(t)
	took := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, JS: js, MaxUpload: 1 << 20})
	other := newServer(t, Options{Index: openIndex(t), JS: js})
	alone := newServer(t, Options{Index: openIndex(t)})
	up := postOne(t, took, "filename=nda.txt", "The Recipient shall keep the Information confidential.")
	for _, id := range []string{up.ID, up.ID[:12]} {
		if resp, body := get(t, other, "/api/documents/"+id); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, `"status": "processing"`) {
			t.Errorf("another replica, id %s: %d %s", id, resp.StatusCode, body)
		}
	}
	if _, body := get(t, alone, "/api/documents/"+up.ID); strings.Contains(body, "processing") {
		t.Errorf("a server on another broker: %s", body)
	}
}

// A replica whose index has not caught up says another docmill indexed the
// document ("indexing"), not that it is unknown; once deleted, it is
// unknown everywhere.
func TestLaggingReplicaSaysIndexing(t *testing.T) {
	_, js := startNATS(t)
	ctx := context.Background()
	ahead := openIndex(t)
	doc := &document.Result{ID: strings.Repeat("ab", 32), Filename: "nda.txt", Title: "NDA"}
	if err := ahead.Put(ctx, doc); err != nil {
		t.Fatal(err)
	}
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := proc.Indexed(ctx, time.Now(), doc.ID); err != nil { // as the indexer ahead does
		t.Fatal(err)
	}
	first := newServer(t, Options{Index: ahead, JS: js})
	lagging := newServer(t, Options{Index: openIndex(t), JS: js})
	if resp, body := get(t, lagging, "/api/documents/"+doc.ID); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, `"status": "indexing"`) {
		t.Errorf("lagging replica: %d %s", resp.StatusCode, body)
	}
	if resp, _ := get(t, first, "/api/documents/"+doc.ID); resp.StatusCode != http.StatusOK {
		t.Errorf("the replica that indexed it: %d", resp.StatusCode)
	}
	rec := httptest.NewRecorder()
	first.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/api/documents/"+doc.ID, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("delete: %d %s", rec.Code, rec.Body)
	}
	if resp, body := get(t, lagging, "/api/documents/"+doc.ID); resp.StatusCode != http.StatusNotFound || strings.Contains(body, "status") {
		t.Errorf("deleted: %d %s, want a plain 404", resp.StatusCode, body)
	}
}

// An upload indexed and then deleted is unknown, not processing again.
func TestDeletedUploadNotProcessing(t *testing.T) {
	_, js := startNATS(t)
	ix := openIndex(t)
	s := newServer(t, Options{Index: ix, Ingest: &connectors.Publisher{JS: js}, JS: js, MaxUpload: 1 << 20})
	up := postOne(t, s, "filename=nda.txt", "The Recipient shall keep the Information confidential.")
	if err := ix.Put(context.Background(), &document.Result{ID: up.ID, Filename: "nda.txt", Title: "NDA"}); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodDelete, "/api/documents/"+up.ID, nil)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("delete: %d %s", rec.Code, rec.Body)
	}
	if resp, body := get(t, s, "/api/documents/"+up.ID); resp.StatusCode != http.StatusNotFound || strings.Contains(body, "processing") {
		t.Errorf("deleted upload: %d %s, want a plain 404", resp.StatusCode, body)
	}
}

func TestPendingUploadsBounded(t *testing.T) {
	var p pendingUploads
	ctx := context.Background()
	t0 := time.Unix(0, 0)
	for i := 0; i < pendingMax+10; i++ {
		p.add(fmt.Sprint(i), t0.Add(time.Duration(i)*time.Millisecond))
	}
	if n := len(p.at); n > pendingMax {
		t.Errorf("%d remembered, want at most %d", n, pendingMax)
	}
	last := t0.Add(time.Duration(pendingMax+9) * time.Millisecond)
	if !p.has(ctx, fmt.Sprint(pendingMax+9), last) || p.has(ctx, "0", last) {
		t.Error("the newest must stay and the oldest go")
	}
	if p.has(ctx, fmt.Sprint(pendingMax+9), last.Add(pendingFor+time.Second)) {
		t.Error("an upload stays processing for ever")
	}
}

// A browser reconnecting to the live feed (after a server restart, a
// network drop) names the last event it got; the results published since
// come first, so none is lost. Event ids are processing times.
func TestLiveFeedResumesAfterLastEventID(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t)})
	s.feed = NewFeed()
	base := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	for i, id := range []string{"first", "second", "third"} {
		r := &document.Result{ID: id, ProcessedAt: base.Add(time.Duration(i) * time.Second)}
		r.Class = "contract"
		s.feed.Publish(r)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+"/api/live", nil)
	req.Header.Set("Last-Event-ID", fmt.Sprint(base.UnixNano()))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	rd := bufio.NewReader(resp.Body)
	var got []string
	for len(got) < 2 {
		line := readLine(t, rd)
		if strings.HasPrefix(line, "data: ") {
			var ev FeedEvent
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev); err != nil {
				t.Fatal(err)
			}
			got = append(got, ev.ID)
		}
	}
	if strings.Join(got, " ") != "second third" {
		t.Errorf("resent %v, want second third", got)
	}
}

// An e-mail's page links its attachments, and an attachment's page the
// e-mail it came with; unknown pages answer with the site's 404 page.
func TestEmailAndAttachmentPagesLinkEachOther(t *testing.T) {
	mail := &document.Result{ID: "m-1", Title: "Signed NDA", Filename: "nda.eml", Language: "en",
		Meta: map[string]string{"attachments": "nda.pdf", "attachment_ids": "a-1 nda.pdf"}}
	att := &document.Result{ID: "a-1", Title: "NDA", Filename: "nda.pdf", Language: "en",
		Meta: map[string]string{"attached_to": "m-1", "attached_to_filename": "nda.eml"}}
	mail.Class, att.Class = "other", "contract"
	s := newServer(t, Options{Index: openIndex(t, mail, att)})
	if _, body := get(t, s, "/documents/m-1"); !strings.Contains(body, `<a class="chip" href="/documents/a-1">nda.pdf</a>`) {
		t.Errorf("e-mail page lacks the attachment link:\n%s", between(body, `<dl class="facts">`, "</dl>"))
	}
	if _, body := get(t, s, "/documents/a-1"); !strings.Contains(body, `<a href="/documents/m-1">nda.eml</a>`) {
		t.Errorf("attachment page lacks its e-mail:\n%s", between(body, `<dl class="facts">`, "</dl>"))
	}
	if resp, body := get(t, s, "/no/such/page"); resp.StatusCode != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("unknown page: %d %.200s", resp.StatusCode, body)
	}
}

// Every API error is JSON with an "error" field, 405 included (chi's own
// answer had an empty body and no content type), and says what is allowed.
func TestAPIMethodNotAllowedIsJSON(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	for path, allow := range map[string]string{
		"/api/documents":     "POST",
		"/api/search":        "GET, HEAD",
		"/api/documents/abc": "GET, HEAD, DELETE",
	} {
		req := httptest.NewRequest(http.MethodPut, path, nil)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		var e struct{ Error string }
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Content-Type") != "application/json" ||
			json.Unmarshal(rec.Body.Bytes(), &e) != nil || !strings.Contains(e.Error, "PUT not allowed") {
			t.Errorf("PUT %s: %d %q %s", path, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
		}
		if got := rec.Header().Get("Allow"); got != allow {
			t.Errorf("PUT %s: Allow %q, want %q", path, got, allow)
		}
	}
}

// The read-only endpoints answer any other method with 405 and Allow, as
// the rest of the API does: /metrics was mounted for every method and
// answered POST with 200.
func TestReadOnlyEndpointsRefuseOtherMethods(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...), Registry: prometheus.NewRegistry()})
	for _, path := range []string{"/healthz", "/readyz", "/metrics", "/api/search", "/api/export"} {
		for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest(m, path, nil))
			if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d, Allow %q, want 405 and GET, HEAD", m, path, rec.Code, rec.Header().Get("Allow"))
			}
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, path, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("HEAD %s: %d, want 200", path, rec.Code)
		}
	}
}

// An upload the broker cannot store (here: its ingest stream is gone) is
// not the client's fault: 503, so that a client retries, where an empty
// file is 400.
func TestUploadBrokerFailureIs503(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20})
	send := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/api/documents?filename=a.txt", strings.NewReader("The Supplier shall deliver the goods."))
		ctx, cancel := context.WithTimeout(req.Context(), 3*time.Second)
		defer cancel()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req.WithContext(ctx))
		return rec
	}
	req := httptest.NewRequest(http.MethodPost, "/api/documents?filename=empty.txt", strings.NewReader(""))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest {
		t.Errorf("empty upload: %d %s", rec.Code, rec.Body)
	}
	if err := js.DeleteStream(context.Background(), broker.StreamIngest); err != nil {
		t.Fatal(err)
	}
	if rec := send(); rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("upload with the ingest stream gone: %d %s, want 503", rec.Code, rec.Body)
	}
}

// The live feed takes at most MaxFeedClients connections; the next gets
// 503 with Retry-After, and one that leaves makes room.
func TestLiveFeedClientsBounded(t *testing.T) {
	nc, _ := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), NATS: nc})
	var cancels []func()
	for range MaxFeedClients {
		ch, cancel := s.feed.subscribe("")
		if ch == nil {
			t.Fatal("refused below the bound")
		}
		cancels = append(cancels, cancel)
	}
	resp, body := get(t, s, "/api/live")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "try again later") {
		t.Fatalf("feed full: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	cancels[0]()
	if ch, cancel := s.feed.subscribe(""); ch == nil {
		t.Error("no room after a client left")
	} else {
		cancel()
	}
	for _, c := range cancels[1:] {
		c()
	}
}

// Deleting a document that is still being processed deletes nothing (it is
// indexed once analysed): the answer says so, 409 with "processing", not a
// 404 "document not found" that reads as if there were nothing to delete.
func TestDeleteWhileProcessing(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, JS: js, MaxUpload: 1 << 20})
	up := postOne(t, s, "filename=nda.txt", "The Recipient shall keep the Information confidential.")
	del := func(id string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/api/documents/"+id, nil))
		return rec
	}
	// the 12-character id docmill prints says the same as the full one
	for _, id := range []string{up.ID[:12], up.ID} {
		if rec := del(id); rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), `"status": "processing"`) {
			t.Errorf("delete %.12s while processing: %d %s, want 409 processing", id, rec.Code, rec.Body)
		}
	}
	if resp, body := get(t, s, "/api/documents/"+up.ID); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, `"status": "processing"`) {
		t.Errorf("after the refused delete: %d %s, still processing", resp.StatusCode, body)
	}
	if rec := del(strings.Repeat("0", 64)); rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "processing") {
		t.Errorf("delete of an unknown id: %d %s, want a plain 404", rec.Code, rec.Body)
	}
}

// A document page names entity kinds for people and lists a contract's
// defined terms, citations and obligations apart from its parties and dates, which
// dozens of them buried in one table.
func TestDocumentPageGroupsEntities(t *testing.T) {
	doc := uitest.Samples()[0] // c-msa
	doc.Entities = append(doc.Entities,
		document.Entity{Kind: "defined_term", Text: "Services"},
		document.Entity{Kind: "obligation", Text: "Provider shall perform the services.", Value: "shall"},
		document.Entity{Kind: "citation", Text: "Section 2.3", Value: "Section 2.3"},
		document.Entity{Kind: "agreement_date", Text: "January 4, 2021", Value: "2021-01-04"})
	s := newServer(t, Options{Index: openIndex(t, doc)})
	_, body := get(t, s, "/documents/c-msa")
	table := between(body, `id="doc-entities"`, "</table>")
	for _, want := range []string{`<td class="kind">Agreement date</td>`, `<td class="kind">Effective date</td>`, `<td class="kind">Party</td>`, "Acme Corp."} {
		if !strings.Contains(table, want) {
			t.Errorf("entity table lacks %q:\n%s", want, table)
		}
	}
	for _, apart := range []string{"Provider shall perform", ">Services<", "Section 2.3", "defined_term", "obligation", "citation"} {
		if strings.Contains(table, apart) {
			t.Errorf("entity table holds %q:\n%s", apart, table)
		}
	}
	if got := between(body, `id="doc-defined"`, "</p>"); !strings.Contains(got, `<span class="chip">Services</span>`) {
		t.Errorf("defined terms: %q", got)
	}
	if got := between(body, `id="doc-citations"`, "</p>"); !strings.Contains(got, `<span class="chip">Section 2.3</span>`) {
		t.Errorf("citations: %q", got)
	}
	if got := between(body, `id="doc-obligations"`, "</details>"); !strings.Contains(got, "Obligations (1)") || !strings.Contains(got, "Provider shall perform the services.") {
		t.Errorf("obligations: %q", got)
	}
}

// A register reads a duration's role on the page: "Duration notice
// period" beside "Duration probation", not two bare lengths.
func TestDocumentPageShowsDurationRoles(t *testing.T) {
	doc := uitest.Samples()[0]
	doc.Entities = append(doc.Entities,
		document.Entity{Kind: "duration", Text: "one month", Value: "P1M", Role: "notice"},
		document.Entity{Kind: "duration", Text: "12 months", Value: "P12M", Role: "non_compete"},
		document.Entity{Kind: "duration", Text: "14 days", Value: "P14D"})
	s := newServer(t, Options{Index: openIndex(t, doc)})
	_, body := get(t, s, "/documents/c-msa")
	table := between(body, `id="doc-entities"`, "</table>")
	for _, want := range []string{
		`<td class="kind">Duration <span class="badge">notice period</span></td><td class="text">one month</td>`,
		`<td class="kind">Duration <span class="badge">non-compete</span></td><td class="text">12 months</td>`,
		`<td class="kind">Duration</td><td class="text">14 days</td>`,
	} {
		if !strings.Contains(table, want) {
			t.Errorf("entity table lacks %q:\n%s", want, table)
		}
	}
}

// A facet listing as many values as were asked for links to more of them
// (only the top 10 could be clicked); facet_size asks for up to 200.
func TestFacetMoreValues(t *testing.T) {
	var docs []*document.Result
	for i := range 15 {
		d := uitest.Samples()[0]
		d.ID = fmt.Sprintf("p%02d", i)
		d.Entities = []document.Entity{{Kind: "party", Text: fmt.Sprintf("Party %02d Ltd", i)}}
		docs = append(docs, d)
	}
	s := newServer(t, Options{Index: openIndex(t, docs...)})
	_, body := get(t, s, "/")
	parties := between(body, `data-field="party"`, "</ul>")
	if n := strings.Count(parties, "Party "); n != 10 || !strings.Contains(parties, `href="/?facet_size=100"`) {
		t.Fatalf("party facet: %d values, more link missing:\n%s", n, parties)
	}
	_, body = get(t, s, "/?facet_size=100")
	parties = between(body, `data-field="party"`, "</ul>")
	if n := strings.Count(parties, "Party "); n != 15 || strings.Contains(parties, `class="more"`) {
		t.Errorf("facet_size=100: %d party values, want 15 and no more link", n)
	}
	// the search form keeps the size chosen: a new query lists as many
	form := between(body, `id="search-form"`, "</form>")
	if !strings.Contains(form, `<input type="hidden" name="facet_size" value="100">`) {
		t.Errorf("the search form drops facet_size=100:\n%s", form)
	}
	if resp, _ := get(t, s, "/api/search?facet_size=500"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("facet_size=500: %d", resp.StatusCode)
	}
}

// A search page's title is its query (browser tabs and history told
// searches apart by nothing), and it offers its matches as JSON lines too.
func TestSearchPageTitleAndExports(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, body := get(t, s, "/?q=agreement&class=contract")
	if !strings.Contains(body, "<title>agreement · docmill</title>") {
		t.Errorf("title: %s", between(body, "<title>", "</title>"))
	}
	// a long query is cut in the title, at a word (a pasted 8 KB query filled tabs and history)
	long := strings.Repeat("indemnification ", 500)
	if _, body := get(t, s, "/?q="+url.QueryEscape(long)); len(between(body, "<title>", "</title>")) > 120 ||
		!strings.Contains(body, "<title>indemnification indemnification") {
		t.Errorf("title of a long query: %d bytes", len(between(body, "<title>", "</title>")))
	}
	if !strings.Contains(body, `id="export-json" href="/api/export?class=contract&amp;q=agreement"`) {
		t.Errorf("no JSON lines export of the matches: %s", between(body, `id="result-count"`, "</p>"))
	}
}

// While the broker is unreachable an upload is refused at once with 503,
// before anything is stored: a publish would sit in the client's
// reconnect buffer for a minute, answer 503, and still go out once the
// broker came back.
func TestUploadWhileBrokerDown(t *testing.T) {
	e, url, _, _ := natstest.Broker(t, "web-test")
	nc, err := nats.Connect(url, nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	s := newServer(t, Options{Index: openIndex(t), NATS: nc, Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20})
	e.Shutdown()
	for deadline := time.Now().Add(10 * time.Second); nc.IsConnected(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the client still reads as connected")
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/api/documents?filename=a.txt", strings.NewReader("The Supplier shall deliver the goods."))
	ctx, cancel := context.WithTimeout(req.Context(), 30*time.Second)
	defer cancel()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req.WithContext(ctx))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "broker is unreachable") {
		t.Errorf("upload with the broker down: %d %s", rec.Code, rec.Body)
	}
}

// An upload the pipeline dead-lettered is not "still being processed" to
// DELETE: the upload's own record of it said so for good.
func TestDeleteDeadLetteredUpload(t *testing.T) {
	_, js := startNATS(t)
	var failed sync.Map
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20,
		Failed: func(_ context.Context, id string) string {
			if v, ok := failed.Load(id); ok {
				return v.(string)
			}
			return ""
		}})
	up := postOne(t, s, "filename=junk.bin", "\x00\x01\x02 not a document \x03")
	failed.Store(up.ID, "parse junk.bin: unsupported or binary content")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/api/documents/"+up.ID[:12], nil))
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "dead-lettered") || !strings.Contains(rec.Body.String(), "unsupported") {
		t.Errorf("delete of a dead-lettered upload: %d %s, want 404 saying it was dead-lettered", rec.Code, rec.Body)
	}
}

// A hit without a passage of its text shows its summary, labelled as the
// summary: it is docmill's rewording, not a quotation.
func TestSummaryShownLabelled(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, body := get(t, s, "/?q=*")
	if !strings.Contains(body, `<span class="what">Summary:</span>`) {
		t.Errorf("no labelled summary on a listing without passages:\n%s", between(body, "<main", "</main>"))
	}
}

// A query of stop words only says why it matches nothing.
func TestSearchPageStopOnlyNotice(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, body := get(t, s, "/?q="+url.QueryEscape("and/or"))
	if !strings.Contains(body, "too common to be indexed (and, or)") || strings.Contains(body, "Try fewer words") {
		t.Errorf("no notice: %s", between(body, `class="empty-state"`, "</p>"))
	}
	_, body = get(t, s, "/?q=zzzunknownword")
	if !strings.Contains(body, "Try fewer words") {
		t.Errorf("a query that matches nothing lost its hint: %s", between(body, `class="empty-state"`, "</p>"))
	}
}

// A notice about the query is shown whether or not it matched, and reads
// as one sentence: a mistyped field ("parties:") beside a word that matched
// ("lease parties:Acme") listed the lease without a word about the field,
// and a notice ending in a question got a period after it ("...?.").
func TestSearchPageFieldNotice(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	for _, q := range []string{"parties:Acme", "lease parties:Acme"} {
		_, body := get(t, s, "/?q="+url.QueryEscape(q))
		if !strings.Contains(body, "did you mean party:Acme?<") {
			t.Errorf("%s: no notice naming party: %s", q, between(body, `id="result-count"`, "<article"))
		}
	}
}

// A refused upload answers with "error", as every API error does (README:
// "Every API error is JSON, {"error": "..."}"), beside each file's entry:
// a client reading the error of a 400 or 413 found none.
func TestUploadRefusedHasError(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20})
	two, twoCT := multipartBody(t, map[string][]byte{"a.txt": nil, "b.txt": nil})
	big, bigCT := multipartBody(t, map[string][]byte{"big.txt": bytes.Repeat([]byte("a"), 3<<19)})
	for _, c := range []struct {
		name, target, ct string
		body             io.Reader
		code             int
		want             string
	}{
		{"empty raw", "/api/documents?filename=a.txt", "text/plain", strings.NewReader(""), 400, "empty document"},
		{"two empty", "/api/documents", twoCT, two, 400, "none of the 2 files was taken"},
		{"too large", "/api/documents", bigCT, big, 413, "1 MiB limit"},
	} {
		req := httptest.NewRequest(http.MethodPost, c.target, c.body)
		req.Header.Set("Content-Type", c.ct)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		var out struct {
			Error     string
			Documents []uploaded
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != c.code || !strings.Contains(out.Error, c.want) || len(out.Documents) == 0 {
			t.Errorf("%s: %d %s, want %d with an error saying %q", c.name, rec.Code, rec.Body, c.code, c.want)
		}
	}
}

// A file name with a control character (a NUL, an escape sequence) is
// refused with 400 and says so, on the raw upload's ?filename= and for a
// multipart file; the other files of a multipart upload are taken. Such
// names were accepted, and shown garbled in the UI, logs and CSV export.
func TestUploadRefusesControlCharactersInNames(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxUpload: 1 << 20})
	text := []byte("The Supplier shall deliver the goods.")
	// Go's multipart reader refuses a raw C0 byte in a part's header
	// itself; RFC 2231's filename*= (percent-escaped) and C1 characters
	// (in UTF-8) come through to the name
	one, oneCT := multipartNamed(t, `filename*=UTF-8''memo%01.txt`, text)
	two, twoCT := multipartNamed(t, "filename=\"bad\u0085.txt\"", []byte("The Buyer shall pay."), `filename="ok.txt"`, text)
	for _, c := range []struct {
		name, target, ct string
		body             io.Reader
		code             int
	}{
		{"NUL", "/api/documents?filename=%00", "text/plain", bytes.NewReader(text), 400},
		{"escape", "/api/documents?filename=a%1B%5B2Jb.txt", "text/plain", bytes.NewReader(text), 400},
		{"DEL", "/api/documents?filename=a%7F.txt", "text/plain", bytes.NewReader(text), 400},
		{"C1", "/api/documents?filename=a%C2%85.txt", "text/plain", bytes.NewReader(text), 400},
		{"multipart", "/api/documents", oneCT, one, 400},
		{"multipart, one of two", "/api/documents", twoCT, two, 207},
	} {
		req := httptest.NewRequest(http.MethodPost, c.target, c.body)
		req.Header.Set("Content-Type", c.ct)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != c.code || !strings.Contains(rec.Body.String(), "holds a control character") {
			t.Errorf("%s: %d %s, want %d naming the control character", c.name, rec.Code, rec.Body, c.code)
		}
	}
	// a name without one is taken as before (tabs and line breaks that a
	// browser escaped, %0A, are dropped from a form's name)
	req := httptest.NewRequest(http.MethodPost, "/api/documents?filename="+url.QueryEscape("Lease – 北京.txt"), bytes.NewReader(text))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusAccepted {
		t.Errorf("a name without control characters: %d %s", rec.Code, rec.Body)
	}
}

// An upload whose query has a bad escape is a 400: URL.Query() dropped the
// pair, so "source=pay%ZZments" filed the document under the default
// source "http" (and its log templates with every other source's).
func TestUploadRefusesBadEscape(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}})
	for _, target := range []string{"/api/documents?filename=a.txt&source=pay%ZZments", "/api/documents?filename=100%.txt"} {
		req := httptest.NewRequest(http.MethodPost, target, strings.NewReader("The Supplier shall deliver."))
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "invalid URL escape") {
			t.Errorf("%s: %d %s, want 400 naming the bad escape", target, rec.Code, rec.Body)
		}
	}
}

// A live page filtered to one class shows that class's last events: the
// feed kept the last 50 of all classes, so /live?class=log showed the few
// logs among 50 contracts.
func TestFeedKeepsRecentEventsPerClass(t *testing.T) {
	f := NewFeed()
	t0 := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for i := 0; i < 200; i++ {
		class := "contract"
		if i%20 == 0 {
			class = "log"
		}
		f.Publish(&document.Result{ID: fmt.Sprintf("doc-%03d", i), Analysis: document.Analysis{Class: class}, ProcessedAt: t0.Add(time.Duration(i) * time.Second)})
	}
	if logs := f.Recent("log"); len(logs) != 10 || logs[0].ID != "doc-180" || logs[9].ID != "doc-000" {
		t.Errorf("logs: %d, want the 10 published", len(logs))
	}
	all := f.Recent("")
	if len(all) != feedRecent || all[0].ID != "doc-199" {
		t.Errorf("all: %d events, newest %s", len(all), all[0].ID)
	}
	if contracts := f.Recent("contract"); len(contracts) != feedRecent || contracts[0].ID != "doc-199" {
		t.Errorf("contracts: %d", len(contracts))
	}
	if n := len(f.recent); n > 2*feedRecent {
		t.Errorf("the feed keeps %d events, want at most %d per class", n, feedRecent)
	}
}

// The search page says how many documents are still on their way to the
// index, whoever sent them (here a watched folder, recorded on the
// broker): a reader who just dropped files into the folder saw the same
// page as before and no word that they were coming.
func TestSearchPageSaysDocumentsProcessing(t *testing.T) {
	_, js := startNATS(t)
	ctx := context.Background()
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	ids := []string{strings.Repeat("a", 64), strings.Repeat("b", 64), strings.Repeat("c", 64)}
	for _, id := range ids {
		if _, err := proc.Start(ctx, id, now); err != nil {
			t.Fatal(err)
		}
	}
	if err := proc.Indexed(ctx, now, ids[2]); err != nil { // indexed: no longer on its way
		t.Fatal(err)
	}
	docs := []*document.Result{processingDoc(ids[2], "lease")}
	_, page := get(t, newServer(t, Options{Index: openIndex(t, docs...), JS: js}), "/")
	if got := between(page, `id="processing"`, "</p>"); !strings.Contains(got, "2 documents sent to docmill are not in this index yet") {
		t.Errorf("notice %q, want 2 documents not in this index yet", got)
	}
	if err := proc.Indexed(ctx, now, ids[0], ids[1]); err != nil {
		t.Fatal(err)
	}
	docs = append(docs, processingDoc(ids[0], "note"), processingDoc(ids[1], "runbook"))
	if _, page = get(t, newServer(t, Options{Index: openIndex(t, docs...), JS: js}), "/?q=rent"); strings.Contains(page, `id="processing"`) {
		t.Errorf("a notice with nothing on its way: %s", between(page, `id="processing"`, "</p>"))
	}
}

// The count is of what this server's index lacks: a document another
// indexer marked indexed is still on its way to an index that does not
// hold it yet (a second indexer catching up, or an index rebuilt), and
// that page said nothing of it; one this index holds is not on its way,
// marked or not.
func TestSearchPageCountsWhatThisIndexLacks(t *testing.T) {
	_, js := startNATS(t)
	ctx := context.Background()
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	elsewhere, here := strings.Repeat("d", 64), strings.Repeat("e", 64)
	for _, id := range []string{elsewhere, here} {
		if _, err := proc.Start(ctx, id, now); err != nil {
			t.Fatal(err)
		}
	}
	if err := proc.Indexed(ctx, now, elsewhere); err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t, processingDoc(here, "runbook"))
	_, page := get(t, newServer(t, Options{Index: ix, JS: js}), "/")
	if got := between(page, `id="processing"`, "</p>"); !strings.Contains(got, "1 document sent to docmill is not in this index yet") {
		t.Errorf("notice %q, want 1 document (the one indexed elsewhere) not in this index yet", got)
	}
}

// processingDoc is a small text document with id, named name.
func processingDoc(id, name string) *document.Result {
	d := &document.Result{ID: id, Filename: name + ".txt", Language: "en", Text: "The Tenant shall pay rent."}
	d.Class = "contract"
	return d
}

// An empty index, asked nothing, invites the reader to add documents: it
// said "No documents match. Try fewer words, remove a filter", to someone
// who had typed no word and set no filter. A search that finds nothing
// still says so.
func TestSearchPageEmptyIndex(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t)})
	for target, want := range map[string]string{
		"/":                  "No documents yet",
		"/?q=&sort=date":     "No documents yet",
		"/?q=indemnify":      "No documents match",
		"/?class=contract":   "No documents match",
		"/?expires=later&q=": "No documents match",
	} {
		_, page := get(t, s, target)
		if got := between(page, `id="no-results"`, "</p>"); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", target, got, want)
		}
	}
}

// TestFacetValuesNamed: the content-type and language facets show names
// people use (PDF, Log, English), while their links and the active
// filter's chip filter on the indexed value.
func TestFacetValuesNamed(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, body := get(t, s, "/")
	ct := between(body, `data-field="content_type"`, "</ul>")
	for _, want := range []string{`content_type=application%2Fpdf" title="application/pdf">PDF</a>`, `title="text/x-log">Log</a>`} {
		if !strings.Contains(ct, want) {
			t.Errorf("content-type facet lacks %q:\n%s", want, ct)
		}
	}
	if lg := between(body, `data-field="language"`, "</ul>"); !strings.Contains(lg, `title="en">English</a>`) {
		t.Errorf("language facet does not name English:\n%s", lg)
	}
	_, body = get(t, s, "/?content_type="+url.QueryEscape(document.TypeLog))
	if !strings.Contains(body, "Remove filter Content type: Log") || !strings.Contains(body, "of 1 document") {
		t.Errorf("content type filter: %s", between(body, `class="filters"`, "</p>"))
	}
}

// TestUndeterminedLanguageNoBadge: a document whose language could not be
// told (a log, a table of numbers) shows no "und" badge, which reads as a
// typo; a known language's badge names it in its tooltip.
func TestUndeterminedLanguageNoBadge(t *testing.T) {
	und := uitest.Samples()[5]
	und.ID, und.Language = "und-log", "und"
	s := newServer(t, Options{Index: openIndex(t, und, uitest.Samples()[0])})
	_, body := get(t, s, "/")
	if strings.Contains(body, `<span class="badge">und</span>`) || strings.Contains(body, `>und</span>`) {
		t.Errorf("search page shows an und badge:\n%s", between(body, `class="results"`, "</section>"))
	}
	if !strings.Contains(body, `<span class="badge" title="English">en</span>`) {
		t.Errorf("English badge without its name:\n%s", between(body, `class="results"`, "</section>"))
	}
	resp, body := get(t, s, "/documents/und-log")
	if resp.StatusCode != 200 || !strings.Contains(body, "depth-") {
		t.Fatalf("document page: %d", resp.StatusCode)
	}
	if strings.Contains(body, `>und</span>`) {
		t.Errorf("document page shows an und badge:\n%s", between(body, `class="badges"`, "</p>"))
	}
}

// A hit's link carries the query, and the document page it opens marks
// where the query matched in the text (escaped like the rest of it), so a
// reader need not find the words again in a long contract.
func TestDocumentPageMarksTheQuery(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, append(uitest.Samples(), uitest.Hostile())...)})
	_, body := get(t, s, "/?q=indemnification")
	if !strings.Contains(body, `href="/documents/h-evil?q=indemnification"`) {
		t.Errorf("hit link does not carry the query:\n%s", between(body, `id="results"`, "</article>"))
	}
	_, body = get(t, s, "/documents/h-evil?q=indemnification")
	text := between(body, `<details id="doc-text"`, "</details>")
	if !strings.Contains(text, `<mark id="first-mark">indemnification</mark>`) || !strings.Contains(text, "matching <code>indemnification</code> marked") ||
		!strings.Contains(body, `<a href="#first-mark">go to the first</a>`) || strings.Count(text, `id="first-mark"`) != 1 {
		t.Errorf("text section does not mark the query: %.600s", text)
	}
	if strings.Contains(text, "<script>window") || strings.Contains(text, "<img src=x") {
		t.Errorf("marked text contains raw markup: %.600s", text)
	}
	// a query that the index refuses shows the text unmarked
	resp, body := get(t, s, "/documents/h-evil?q=title:(")
	if resp.StatusCode != 200 || strings.Contains(between(body, `<details id="doc-text"`, "</details>"), "<mark>") {
		t.Errorf("bad query: status %d", resp.StatusCode)
	}
}

// The search page's syntax help says what several words mean and how to
// ask for all of them, any of them or none.
func TestSearchHelpSaysAnyOrAll(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, body := get(t, s, "/")
	help := between(body, `id="syntax"`, "</details>")
	for _, want := range []string{"with <em>any</em> of the words", "<code>+lease +Delaware</code>", "<code>lease AND Delaware</code>", "<code>lease OR Delaware</code>", "<code>lease NOT Delaware</code>"} {
		if !strings.Contains(help, want) {
			t.Errorf("syntax help lacks %s:\n%s", want, help)
		}
	}
}

// A long document whose match lies past the opening its page shows says
// so, with or without marks in the opening: its page had marked nothing
// and said nothing, as if the hit were wrong.
func TestDocumentPageSaysMatchesPastItsOpening(t *testing.T) {
	long := &document.Result{ID: "long", Title: "Long agreement", Language: "en",
		Text: "Opening clause about delivery.\n" + strings.Repeat("The Supplier shall deliver the goods on time.\n", 600) +
			"17. Arbitration. Any dispute shall be settled by arbitration in London. The arbitration shall be in English.\n"}
	long.Class = "contract"
	s := newServer(t, Options{Index: openIndex(t, long)})
	_, body := get(t, s, "/documents/long?q=arbitration")
	if marks := between(body, `id="doc-marks"`, "</p>"); !strings.Contains(marks, "matches 3 places past the opening this page shows") {
		t.Errorf("no word of the matches past the opening: %q", marks)
	}
	_, body = get(t, s, "/documents/long?q=delivery+arbitration")
	if marks := between(body, `id="doc-marks"`, "</p>"); !strings.Contains(marks, "and 3 more past the opening this page shows") {
		t.Errorf("no word of the matches past the opening: %q", marks)
	}
}
