package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/nats-io/nats.go"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/web"
	"github.com/docmill/docmill/web/internal/uitest"
)

// pageWait bounds a wait for the page to reach a state. Headless Chromium
// on a loaded 2-core CI machine can take seconds to navigate or reconnect
// its event stream; a wait that succeeds returns at once, so a generous
// bound costs nothing when the test passes.
const pageWait = 30 * time.Second

// site is the UI over a real index and an in-process NATS server, without
// the analysis pipeline: tests put results in the index or publish them.
type site struct {
	url string
	ix  *index.Index
	nc  *nats.Conn
	b   *uitest.Browser
}

func newSite(t *testing.T) *site {
	t.Helper()
	if uitest.ChromiumPath() == "" {
		t.Skip("browser test skipped: chromium not found (apt-get install -y chromium, or set DOCMILL_CHROMIUM)")
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.PutBatch(context.Background(), append(uitest.Samples(), uitest.Hostile())); err != nil {
		t.Fatal(err)
	}
	nc, js := uitest.StartNATS(t, "browser-test")
	m := pipeline.NewMetrics()
	seedMetrics(m)
	h, err := web.New(web.Options{Index: ix, Ingest: &connectors.Publisher{JS: js}, NATS: nc, JS: js,
		Registry: m.Registry, MaxUpload: 4 << 20, SampleEvery: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	b := uitest.NewBrowser(t)
	// Cleanups run last-first: browser, then handler streams, then server.
	t.Cleanup(ts.Close)
	t.Cleanup(func() { h.Close() })
	t.Cleanup(b.NoConsoleErrors)
	return &site{url: ts.URL, ix: ix, nc: nc, b: b}
}

// seedMetrics gives the dashboard something to draw, as a running pipeline
// would.
func seedMetrics(m *pipeline.Metrics) {
	for i := 0; i < 200; i++ {
		m.Duration.WithLabelValues("parse").Observe(0.001 + float64(i%20)/4000)
		m.Duration.WithLabelValues("analyze").Observe(0.010 + float64(i%50)/1000)
		m.Duration.WithLabelValues("publish").Observe(0.0008)
		m.Duration.WithLabelValues("index").Observe(0.004 + float64(i%10)/1000)
	}
	m.Classes.WithLabelValues("contract").Add(120)
	m.Classes.WithLabelValues("regulation").Add(50)
	m.Classes.WithLabelValues("log").Add(30)
	m.Depths.WithLabelValues("none").Add(150)
	m.Depths.WithLabelValues("shallow").Add(40)
	m.Depths.WithLabelValues("full").Add(10)
	m.DeadLet.WithLabelValues("analyze").Add(2)
	go func() {
		for i := 0; i < 20; i++ {
			time.Sleep(150 * time.Millisecond)
			m.Classes.WithLabelValues([]string{"contract", "regulation", "log"}[i%3]).Add(float64(1 + i%4))
		}
	}()
}

func count(b *uitest.Browser, sel string) int {
	return uitest.Eval[int](b, `document.querySelectorAll(`+jsString(sel)+`).length`)
}

func jsString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

func TestBrowserSearchAndFacets(t *testing.T) {
	s := newSite(t)
	b := s.b
	b.Do("open search", chromedp.Navigate(s.url+"/?q=agreement"), chromedp.WaitVisible(chromedp.ID("result-count")))
	if !uitest.Eval[bool](b, `document.documentElement.classList.contains("js")`) {
		t.Error("app.js did not run (blocked by CSP?)")
	}
	if n := count(b, ".hit"); n != 3 {
		t.Fatalf("%d hits for agreement, want 3", n)
	}
	if got := b.Text("#result-count"); !strings.Contains(got, "of 3 documents") || !strings.Contains(got, "ms") {
		t.Errorf("result count %q", got)
	}
	if count(b, ".hit mark") == 0 {
		t.Error("no highlighted snippet")
	}
	b.Screenshot("search")
	// Narrow by governing law, then by party.
	b.Do("facet governing law", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('[data-field="governing_law"] a')].find(a => a.textContent.trim() === "New York")`)),
		chromedp.WaitVisible(chromedp.CSS(".active-filter")))
	if n := count(b, ".hit"); n != 2 {
		t.Errorf("%d hits after governing law New York, want 2", n)
	}
	b.Do("facet party", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('[data-field="party"] a')].find(a => a.textContent.trim() === "Acme Corp.")`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-field="party"] a.active`)))
	if n := count(b, ".hit"); n != 1 || !strings.Contains(b.Text(".hit h3"), "Master Services Agreement") {
		t.Errorf("%d hits after party Acme, want the MSA", n)
	}
	b.Screenshot("search-facets")
	// Removing a filter widens again.
	b.Do("remove filter", chromedp.Click(chromedp.CSS(`.active-filter`)), chromedp.WaitVisible(chromedp.ID("result-count")))
	b.WaitJS("wider results", `document.querySelectorAll(".hit").length >= 2`, pageWait)
	// Keyboard only: "/" jumps to the query box, Enter searches.
	b.Do("home", chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(chromedp.ID("result-count")))
	b.Do("blur", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent("/"))
	if id := uitest.Eval[string](b, `document.activeElement.id`); id != "q" {
		t.Errorf("after / the focus is on %q", id)
	}
	// The protocol sends "/" as separate key-down and char events, so the
	// char reaches the box although the key-down was cancelled (a real key
	// press is one event): clear it before typing.
	b.Do("type", chromedp.Evaluate[chromedp.Void](`document.getElementById("q").value = ""`), chromedp.KeyEvent("erasure\r"))
	b.WaitJS("keyboard search", `location.search.includes("q=erasure") && document.querySelectorAll(".hit").length === 1`, pageWait)
	// Phone width: one column, facets below the results.
	b.Viewport(390, 844)
	b.Do("phone", chromedp.Navigate(s.url+"/?q=personal+data"), chromedp.WaitVisible(chromedp.ID("result-count")))
	if w := uitest.Eval[float64](b, `document.documentElement.scrollWidth`); w > 400 {
		t.Errorf("page is %v px wide at phone width: horizontal scrolling", w)
	}
	b.Screenshot("search-phone")
}

func TestBrowserSearchWithoutJavaScript(t *testing.T) {
	s := newSite(t)
	b := s.b
	b.DisableJS(true)
	b.Do("open", chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	b.Do("query", chromedp.SendKeys(chromedp.ID("q"), "erasure"), chromedp.Submit(chromedp.ID("q")))
	b.WaitJS("results of the form's GET", `location.search.includes("q=erasure") && document.readyState === "complete"`, pageWait)
	if got := b.Text(".hit h3"); !strings.Contains(got, "Right to erasure") {
		t.Errorf("first hit %q", got)
	}
	if uitest.Eval[bool](b, `document.documentElement.classList.contains("js")`) {
		t.Error("scripts ran although disabled")
	}
	b.Do("sort by date", chromedp.Navigate(s.url+"/?q=&sort=date"), chromedp.WaitVisible(chromedp.ID("result-count")))
	b.WaitJS("sorted page", `location.search.includes("sort=date") && document.readyState === "complete"`, pageWait)
	if got := b.Text(".hit h3"); !strings.Contains(got, "Evil") { // the hostile document is the newest
		t.Errorf("newest first is %q", got)
	}
	b.Screenshot("search-nojs")
}

func TestBrowserDocumentPage(t *testing.T) {
	s := newSite(t)
	b := s.b
	b.Do("open log", chromedp.Navigate(s.url+"/documents/l-api"), chromedp.WaitVisible(chromedp.ID("doc-title")))
	if got := b.Text("#doc-title"); got != "api-server.log" {
		t.Errorf("title %q", got)
	}
	if got := b.Text("#doc-class"); got != "log" {
		t.Errorf("class %q", got)
	}
	if n := count(b, "#doc-templates tbody tr"); n != 2 {
		t.Errorf("%d template rows, want 2", n)
	}
	if got := b.Text("#doc-tasks"); !strings.Contains(got, "classify") || !strings.Contains(got, "none") {
		t.Errorf("task table %q", got)
	}
	if got := b.Text("#doc-trace"); !strings.Contains(got, "parse") || !strings.Contains(got, "analyze") {
		t.Errorf("trace %q", got)
	}
	b.Screenshot("document-log")
	b.Do("open contract", chromedp.Navigate(s.url+"/documents/c-msa"), chromedp.WaitVisible(chromedp.ID("doc-entities")))
	if got := b.Text("#doc-summary"); !strings.Contains(got, "New York law governs") {
		t.Errorf("summary %q", got)
	}
	b.Screenshot("document-contract")
	b.Viewport(390, 844)
	b.Do("reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("doc-entities")))
	if w := uitest.Eval[float64](b, `document.documentElement.scrollWidth`); w > 400 {
		t.Errorf("document page is %v px wide at phone width", w)
	}
	b.Screenshot("document-phone")
	b.Viewport(1280, 900)
	// A keyword is a link to a search.
	b.Do("keyword link", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('#doc-keywords a')].find(a => a.textContent === "governing law")`)),
		chromedp.WaitVisible(chromedp.ID("result-count")))
	if !strings.Contains(b.Text(".filters"), "Keywords: governing law") {
		t.Error("keyword link did not filter")
	}
}

func TestBrowserHostileDocumentIsInert(t *testing.T) {
	s := newSite(t)
	b := s.b
	b.Do("open", chromedp.Navigate(s.url+"/documents/h-evil"), chromedp.WaitVisible(chromedp.ID("doc-title")))
	if got := b.Text("#doc-title"); !strings.Contains(got, "<script>window.__pwned=1</script>") {
		t.Errorf("title not shown as text: %q", got)
	}
	if got := b.Text("#doc-summary"); !strings.Contains(got, `<img src=x onerror="window.__pwned=2">`) {
		t.Errorf("summary not shown as text: %q", got)
	}
	if n := count(b, "main script, main img, main svg:not(.chart):not(.legend), main b, main i"); n != 0 {
		t.Errorf("%d elements injected by the document", n)
	}
	b.Screenshot("document-hostile")
	b.Do("search", chromedp.Navigate(s.url+"/?q=indemnification"), chromedp.WaitVisible(chromedp.ID("result-count")))
	if n := count(b, ".hit mark"); n == 0 {
		t.Error("highlight missing")
	}
	if n := count(b, "main script, main img, main b"); n != 0 {
		t.Errorf("%d elements injected into the results", n)
	}
	b.Screenshot("search-hostile")
	if v := uitest.Eval[bool](b, `window.__pwned === undefined`); !v {
		t.Errorf("document script ran: window.__pwned = %v", uitest.Eval[any](b, `window.__pwned`))
	}
}

func publishResult(t *testing.T, nc *nats.Conn, r *document.Result) {
	t.Helper()
	data, _ := json.Marshal(r)
	if err := nc.Publish("docmill.results."+r.Class, data); err != nil {
		t.Fatal(err)
	}
	nc.Flush()
}

func TestBrowserLiveFeed(t *testing.T) {
	s := newSite(t)
	b := s.b
	b.Do("open", chromedp.Navigate(s.url+"/live"), chromedp.WaitVisible(chromedp.ID("feed")))
	b.WaitJS("connected", `document.getElementById("feed").dataset.connected === "true"`, pageWait)
	r := uitest.Samples()[0]
	r.ID, r.Title, r.ProcessedAt = "live-1", "Freshly processed <em>agreement</em>", time.Now()
	publishResult(t, s.nc, r)
	b.WaitJS("first result", `!!document.querySelector('.feed-item[data-id="live-1"]')`, pageWait)
	if got := b.Text(`.feed-item[data-id="live-1"] a`); got != "Freshly processed <em>agreement</em>" {
		t.Errorf("feed item title %q", got)
	}
	// A screen reader hears one short line, not the whole item.
	if count(b, `#feed[aria-live]`) != 0 {
		t.Error("the feed list is a live region: every item would be read out")
	}
	b.WaitJS("announced", `document.getElementById("live-announce").textContent === "1 new result, latest: Freshly processed <em>agreement</em>"`, pageWait)
	// Filter to logs: a contract no longer shows, a log does.
	// SetValue fires the change event, as a user's choice does.
	b.Do("filter", chromedp.SetValue(chromedp.ID("class"), "log"))
	b.WaitJS("reconnected", `document.getElementById("feed").dataset.connected === "true" && document.getElementById("live-status").textContent.includes("class log")`, pageWait)
	r2 := uitest.Samples()[1]
	r2.ID = "live-2"
	publishResult(t, s.nc, r2)
	lg := uitest.Samples()[5]
	lg.ID, lg.ProcessedAt = "live-3", time.Now()
	publishResult(t, s.nc, lg)
	b.WaitJS("log result", `!!document.querySelector('.feed-item[data-id="live-3"]')`, pageWait)
	if count(b, `.feed-item[data-id="live-2"]`) != 0 {
		t.Error("a contract came through the log filter")
	}
	if !uitest.Eval[bool](b, `location.search === "?class=log"`) {
		t.Error("filter not kept in the URL")
	}
	b.Do("show all", chromedp.SetValue(chromedp.ID("class"), ""))
	b.WaitJS("reconnected", `document.getElementById("feed").dataset.connected === "true" && !document.getElementById("live-status").textContent.includes("class log")`, pageWait)
	b.Screenshot("live")
}

func TestBrowserDashboard(t *testing.T) {
	s := newSite(t)
	b := s.b
	time.Sleep(2 * time.Second) // let the sampler see some throughput
	b.Do("open", chromedp.Navigate(s.url+"/dashboard"), chromedp.WaitVisible(chromedp.ID("latency")))
	if n := count(b, "svg.chart"); n != 4 {
		t.Errorf("%d charts, want 4", n)
	}
	if got := b.Text("#total"); got == "0" {
		t.Errorf("total %q", got)
	}
	if got := b.Text("#latency"); !strings.Contains(got, "analyze") || !strings.Contains(got, "ms") {
		t.Errorf("latency table %q", got)
	}
	b.Screenshot("dashboard")
	b.Viewport(390, 844)
	b.Do("reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("latency")))
	b.Screenshot("dashboard-phone")
}

func TestBrowserUploadShowsEachFileUntilItsResult(t *testing.T) {
	s := newSite(t)
	b := s.b
	dir := t.TempDir()
	pdf := uitest.PDF("Software License Agreement", "Licensor grants Licensee a licence.")
	big := make([]byte, 5<<20)
	for name, data := range map[string][]byte{"license.pdf": pdf, "notes.txt": []byte("meeting notes about the renewal"), "huge.txt": big} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.Do("open", chromedp.Navigate(s.url+"/upload"), chromedp.WaitVisible(chromedp.ID("drop")))
	b.Screenshot("upload-empty")
	b.Do("choose files", chromedp.SetUploadFiles(chromedp.ID("files"),
		[]string{filepath.Join(dir, "license.pdf"), filepath.Join(dir, "notes.txt"), filepath.Join(dir, "huge.txt")}))
	id := document.ID(pdf)
	b.WaitJS("pdf processing", `!!document.querySelector('.upload-item[data-id="`+id+`"]')`, pageWait)
	if got := b.Text(`.upload-item[data-id="` + id + `"] .status`); got != "processing…" {
		t.Errorf("status before the result %q", got)
	}
	if got := uitest.Eval[string](b, `[...document.querySelectorAll(".upload-item")].find(li => li.textContent.includes("huge.txt")).querySelector(".status").textContent`); !strings.Contains(got, "too large") || !strings.Contains(got, "4 MiB") {
		t.Errorf("oversized file status %q", got)
	}
	// The pipeline is not running here: index the result as the indexer would.
	r := uitest.Samples()[0]
	r.ID, r.Title, r.Filename = id, "Software License Agreement", "license.pdf"
	if err := s.ix.Put(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	b.WaitJS("pdf done", `!!document.querySelector('.upload-item.done[data-id="`+id+`"] a')`, pageWait)
	if got := b.Text(`.upload-item[data-id="` + id + `"] .status`); !strings.Contains(got, "contract") || !strings.Contains(got, "Software License Agreement") {
		t.Errorf("status after the result %q", got)
	}
	b.Screenshot("upload")
}

// Files dropped together upload three at a time; the others wait their
// turn, and each still reaches its result page.
func TestBrowserUploadsFewFilesAtOnce(t *testing.T) {
	s := newSite(t)
	b := s.b
	dir := t.TempDir()
	var paths []string
	for i := range 8 {
		p := filepath.Join(dir, fmt.Sprintf("note-%d.txt", i))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("meeting note %d about the renewal of the lease", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	b.Do("open", chromedp.Navigate(s.url+"/upload"), chromedp.WaitVisible(chromedp.ID("drop")))
	// count the upload requests in flight, as the page sees them
	uitest.Eval[bool](b, `(() => {
		window.inFlight = 0; window.maxInFlight = 0;
		const send = XMLHttpRequest.prototype.send;
		XMLHttpRequest.prototype.send = function (body) {
			window.inFlight++; window.maxInFlight = Math.max(window.maxInFlight, window.inFlight);
			this.addEventListener("loadend", () => window.inFlight--);
			return send.call(this, body);
		};
		return true;
	})()`)
	b.Do("choose files", chromedp.SetUploadFiles(chromedp.ID("files"), paths))
	b.WaitJS("all queued", `document.querySelectorAll(".upload-item[data-id]").length === 8`, pageWait)
	if got := uitest.Eval[int](b, `window.maxInFlight`); got < 1 || got > 3 {
		t.Errorf("%d uploads at once, want at most 3", got)
	}
}

// Back returns to a search whose box and sort menu say what its results
// are, and to a live feed whose class menu says what it shows: the browser
// restores the page as it was left (its back/forward cache), with the query
// typed, the sort or the class picked for the next page.
func TestBrowserBackShowsTheChoicesOfItsPage(t *testing.T) {
	s := newSite(t)
	b := s.b
	b.Do("open search", chromedp.Navigate(s.url+"/?q=agreement"), chromedp.WaitVisible(chromedp.ID("result-count")))
	b.Do("new query", chromedp.Evaluate[chromedp.Void](`document.getElementById("q").value = "erasure"; document.getElementById("search-form").submit()`))
	b.WaitJS("second search", `location.search.includes("q=erasure") && document.querySelectorAll(".hit").length === 1`, pageWait)
	back(t, b, `location.search.includes("q=agreement")`)
	if got := uitest.Eval[string](b, `document.getElementById("q").value`); got != "agreement" {
		t.Errorf("after Back the box says %q above the results of agreement", got)
	}
	// A sort picked with the pointer searches at once; Back shows the
	// order the results are in.
	b.Do("sort by date", chromedp.Evaluate[chromedp.Void](`const s = document.getElementById("sort"); s.value = "date"; s.dispatchEvent(new Event("change"))`))
	b.WaitJS("sorted search", `location.search.includes("sort=date") && document.readyState === "complete"`, pageWait)
	back(t, b, `!location.search.includes("sort=date")`)
	if got := uitest.Eval[string](b, `document.getElementById("sort").value`); got != "relevance" {
		t.Errorf("after Back the sort menu says %q above results by relevance", got)
	}
	// The live feed: Back from the log filter to the feed of all classes
	// says "All classes", as the stream it follows.
	b.Do("open live", chromedp.Navigate(s.url+"/live"), chromedp.WaitVisible(chromedp.ID("feed")))
	b.Do("filter", chromedp.Evaluate[chromedp.Void](`const c = document.getElementById("class"); c.value = "log"; c.dispatchEvent(new Event("change"))`))
	b.WaitJS("log feed", `location.search === "?class=log" && document.readyState === "complete"`, pageWait)
	back(t, b, `location.search === ""`)
	if got := uitest.Eval[string](b, `document.getElementById("class").value`); got != "" {
		t.Errorf("after Back the class menu says %q above the feed of all classes", got)
	}
}

// back goes back a page and waits until cond holds there. It evaluates
// cond itself: chromedp's polls do not run in a page the browser restored
// from its back/forward cache.
func back(t *testing.T, b *uitest.Browser, cond string) {
	t.Helper()
	b.Do("back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	for deadline := time.Now().Add(pageWait); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if uitest.Eval[bool](b, `document.readyState === "complete" && (`+cond+`)`) {
			return
		}
	}
	t.Fatalf("after Back, %s does not hold at %s", cond, uitest.Eval[string](b, `location.href`))
}

// The sort menu: arrow keys move the choice without searching, Enter
// applies it; a pointer's choice searches at once, also after keys were
// pressed on the menu earlier (tabbing through it kept every later pointer
// choice waiting until the menu lost focus).
func TestBrowserSortMenu(t *testing.T) {
	s := newSite(t)
	b := s.b
	b.Do("open search", chromedp.Navigate(s.url+"/?q=agreement"), chromedp.WaitVisible(chromedp.ID("result-count")))
	b.Do("arrow down", chromedp.Evaluate[chromedp.Void](`document.getElementById("sort").focus()`), chromedp.KeyEvent(kb.ArrowDown))
	if got := uitest.Eval[string](b, `document.getElementById("sort").value`); got != "date" {
		t.Fatalf("after ArrowDown the sort menu says %q", got)
	}
	time.Sleep(500 * time.Millisecond)
	if uitest.Eval[bool](b, `location.search.includes("sort=")`) {
		t.Error("an arrow key searched")
	}
	b.Do("enter", chromedp.KeyEvent(kb.Enter))
	b.WaitJS("sorted by Enter", `location.search.includes("sort=date") && document.readyState === "complete"`, pageWait)
	// Tab through the menu, then pick with the pointer: the menu has the
	// focus, as after a click, and no key was pressed for this choice.
	b.Do("tab through", chromedp.Evaluate[chromedp.Void](`document.getElementById("sort").focus()`), chromedp.KeyEvent(kb.Tab))
	b.Do("pointer pick", chromedp.Evaluate[chromedp.Void](`const s = document.getElementById("sort"); s.focus(); s.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true})); s.value = "-date"; s.dispatchEvent(new Event("change", {bubbles: true}))`))
	b.WaitJS("sorted by the pointer", `location.search.includes("sort=-date") && document.readyState === "complete"`, 5*time.Second)
}

// At phone width the entity table keeps its words whole ("Company",
// "2025-12-31", "Agreement"): every cell could break anywhere, so a long
// Text squeezed the Value column to a few letters and a value read
// "Comp / any" or "2025- / 12-31". The page still fits the phone's width.
func TestBrowserEntityValuesWholeAtPhoneWidth(t *testing.T) {
	s := newSite(t)
	r := &document.Result{ID: "c-terms", Filename: "terms.txt", Language: "en", Text: "Terms."}
	r.Class, r.Title = "contract", "Terms"
	r.Entities = []document.Entity{
		{Kind: "party", Text: "Blue River Logistics LLC", Value: "Company"},
		{Kind: "expiration_date", Text: "This Agreement commences on the Effective Date and shall expire on December 31, 2025, unless terminated earlier in accordance with Section 9.", Value: "2025-12-31"},
		{Kind: "governing_law", Text: "This Agreement shall be governed by the laws of England and Wales.", Value: "England and Wales"},
	}
	if err := s.ix.PutBatch(context.Background(), []*document.Result{r}); err != nil {
		t.Fatal(err)
	}
	b := s.b
	b.Viewport(390, 844)
	b.Do("open contract", chromedp.Navigate(s.url+"/documents/c-terms"), chromedp.WaitVisible(chromedp.ID("doc-entities")))
	// a cell whose text takes more lines than it has words broke a word
	broken := uitest.Eval[[]string](b, `[...document.querySelectorAll('#doc-entities tbody td:not(.kind)')].filter(td => {
		const r = document.createRange(); r.selectNodeContents(td);
		const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top))).size;
		return lines > td.textContent.trim().split(/\s+/).length;
	}).map(td => td.textContent)`)
	if len(broken) > 0 {
		t.Errorf("entity cells with words broken over lines at phone width: %q", broken)
	}
	if w := uitest.Eval[float64](b, `document.documentElement.scrollWidth`); w > 400 {
		t.Errorf("document page is %v px wide at phone width", w)
	}
	b.Screenshot("document-entities-phone")
}
