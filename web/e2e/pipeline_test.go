// Package e2e_test drives the search UI in a real browser against a whole
// docmill process (embedded NATS, parse and analyse with the model-free
// tier, Bleve index), as `docmill serve` runs it.
package e2e_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/server"
	"github.com/docmill/docmill/web"
	"github.com/docmill/docmill/web/internal/uitest"
)

// pageWait bounds a wait for the page to reach a state. Headless Chromium
// on a loaded 2-core CI machine can take seconds to navigate or reconnect
// its event stream; a wait that succeeds returns at once, so a generous
// bound costs nothing when the test passes.
const pageWait = 30 * time.Second

// serve runs docmill serve in this process and returns it once ready.
func serve(t *testing.T) *server.Server {
	t.Helper()
	c := config.Default()
	c.Data = t.TempDir()
	c.NATS.Listen = "127.0.0.1:-1"
	c.HTTP.Listen = "127.0.0.1:0"
	c.Model.Disabled = true
	c.Pipeline.MaxDeliver = 2
	c.Pipeline.AckWait = 5 * time.Second
	log := slog.New(slog.DiscardHandler)
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan *server.Server, 1)
	done := make(chan error, 1)
	go func() {
		done <- server.Run(ctx, server.Options{Config: c, Role: server.RoleServe, Log: log, Started: func(s *server.Server) { started <- s }})
	}()
	select {
	case s := <-started:
		t.Cleanup(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve returned: %v", err)
			}
		})
		return s
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	return nil
}

// scrape is a prometheus.Gatherer that reads a /metrics endpoint, so the
// dashboard shows the running pipeline's own figures.
type scrape string

func (u scrape) Gather() ([]*dto.MetricFamily, error) {
	resp, err := http.Get(string(u))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	p := expfmt.NewTextParser(model.UTF8Validation)
	mfs, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", u, err)
	}
	out := make([]*dto.MetricFamily, 0, len(mfs))
	for _, mf := range mfs {
		out = append(out, mf)
	}
	return out, nil
}

var _ prometheus.Gatherer = scrape("")

func TestUploadPDFUntilResultThenReprocess(t *testing.T) {
	if uitest.ChromiumPath() == "" {
		t.Skip("browser test skipped: chromium not found (apt-get install -y chromium, or set DOCMILL_CHROMIUM)")
	}
	s := serve(t)
	nc, err := nats.Connect(s.NATSURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	h, err := web.New(web.Options{Index: s.Index(), Ingest: s.Publisher(), NATS: nc, JS: s.JetStream(),
		Gatherer: scrape("http://" + s.HTTPAddr() + "/metrics"), SampleEvery: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	live := uitest.NewBrowser(t)
	t.Cleanup(ts.Close)
	t.Cleanup(func() { h.Close() })

	// The live feed is open before the upload.
	live.Do("open live", chromedp.Navigate(ts.URL+"/live"), chromedp.WaitVisible(chromedp.ID("feed")))
	live.WaitJS("connected", `document.getElementById("feed").dataset.connected === "true"`, pageWait)

	pdf := uitest.PDF("MASTER SERVICES AGREEMENT",
		fmt.Sprintf("This Master Services Agreement (ref %d) is entered into between Acme Corp. and Globex LLC.", time.Now().UnixNano()),
		"Provider shall perform the services described in each Statement of Work.",
		"Customer shall pay all undisputed invoices within thirty (30) days.",
		"This Agreement shall be governed by the laws of the State of New York.")
	id := document.ID(pdf)
	dir := t.TempDir()
	path := filepath.Join(dir, "msa.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	up := live.NewTab()
	up.Do("open upload", chromedp.Navigate(ts.URL+"/upload"), chromedp.WaitVisible(chromedp.ID("drop")))
	up.Do("choose", chromedp.SetUploadFiles(chromedp.ID("files"), []string{path}))
	up.WaitJS("result of the PDF", `!!document.querySelector('.upload-item.done[data-id="`+id+`"] a')`, 60*time.Second)
	status := up.Text(`.upload-item[data-id="` + id + `"] .status`)
	t.Logf("upload status: %s", status)
	up.Screenshot("pipeline-upload")

	// The document page shows the analysis, and the original downloads.
	up.Do("open document", chromedp.Click(chromedp.CSS(`.upload-item[data-id="`+id+`"] .status a`)), chromedp.WaitVisible(chromedp.ID("doc-title")))
	if got := up.Text("#doc-title"); !strings.Contains(strings.ToLower(got), "master services agreement") {
		t.Errorf("title %q", got)
	}
	class := up.Text("#doc-class")
	if class == "" || !strings.Contains(status, class) {
		t.Errorf("class %q (upload status %q)", class, status)
	}
	if got := up.Text("#doc-trace"); !strings.Contains(got, "parse") || !strings.Contains(got, "analyze") {
		t.Errorf("trace %q", got)
	}
	if got := up.Text("#doc-tasks"); !strings.Contains(got, "classify") {
		t.Errorf("tasks %q", got)
	}
	up.Screenshot("pipeline-document")
	resp, err := http.Get(ts.URL + "/documents/" + id + "/original")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Equal(got, pdf) {
		t.Errorf("original download: %d, %d bytes (want %d)", resp.StatusCode, len(got), len(pdf))
	}

	// The live feed got the result as it was published.
	live.WaitJS("live result", `document.querySelectorAll('.feed-item[data-id="`+id+`"]').length === 1`, pageWait)
	live.Screenshot("pipeline-live")

	// Reprocess sends the stored original through the worker again: a
	// second result for the same document reaches the live feed.
	up.Do("reprocess", chromedp.Click(chromedp.ID("reprocess")), chromedp.WaitVisible(chromedp.ID("notice")))
	live.WaitJS("reprocessed result", `document.querySelectorAll('.feed-item[data-id="`+id+`"]').length === 2`, 60*time.Second)

	up.Do("dashboard", chromedp.Navigate(ts.URL+"/dashboard"), chromedp.WaitVisible(chromedp.ID("latency")))
	if got := up.Text("#latency"); !strings.Contains(got, "parse") || !strings.Contains(got, "analyze") {
		t.Errorf("dashboard latency table %q", got)
	}
	up.Screenshot("pipeline-dashboard")
	live.NoConsoleErrors()
	up.NoConsoleErrors()
}
