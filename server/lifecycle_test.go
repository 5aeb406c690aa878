package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/internal/modeltest"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/monitor"
)

func publishMany(t *testing.T, js jetstream.JetStream, n int, prefix string) {
	t.Helper()
	for i := 0; i < n; i++ {
		m := nats.NewMsg("docmill.ingest.load")
		m.Header.Set("Docmill-Filename", fmt.Sprintf("%s-%d.txt", prefix, i))
		body := strings.Repeat(fmt.Sprintf("The Supplier shall deliver %d units to the Customer within thirty (30) days under Article %d. ", i*3, i%40), 30)
		m.Data = []byte(fmt.Sprintf("%s document %d. %s", prefix, i, body))
		if _, err := js.PublishMsgAsync(m); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-js.PublishAsyncComplete():
	case <-time.After(60 * time.Second):
		t.Fatal("publishing did not complete")
	}
}

// swappable runs the model-free tier without pinning it: model.disabled,
// the harness's default, keeps a process on it whatever the registry
// names, so the bundle is one that is not there instead.
func swappable(c *config.Config) {
	c.Model.Disabled, c.Model.Dir = false, filepath.Join(os.TempDir(), "docmill-test-no-bundle")
}

func TestHotSwapUnderLoad(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	h := startWith(t, t.TempDir(), swappable)
	ctx := context.Background()
	js := h.srv.JetStream()
	const n = 1000
	publishMany(t, js, n, "swap")
	// Swap while most documents are still queued: the model loads in the
	// background while the old analyser keeps working.
	waitFor(t, "first documents indexed", 120*time.Second, func() bool { return h.search("").Total >= 20 })
	if err := UseModel(ctx, js, Active{Dir: tiny}); err != nil {
		t.Fatal(err)
	}
	t.Logf("swap requested with %d of %d indexed", h.search("").Total, n)
	waitFor(t, "all indexed", 240*time.Second, func() bool { return h.search("").Total >= n })
	time.Sleep(time.Second)
	if got := h.search("").Total; got != n {
		t.Fatalf("index holds %d documents, want %d", got, n)
	}
	st, _ := js.Stream(ctx, "DOCMILL_RESULTS")
	info, _ := st.Info(ctx)
	if info.State.Msgs != n {
		t.Fatalf("%d results published for %d documents: something was processed twice or lost", info.State.Msgs, n)
	}
	res, err := h.srv.Index().Search(ctx, index.Query{Size: 1, Facets: 10})
	if err != nil {
		t.Fatal(err)
	}
	versions := map[string]int{}
	for _, ft := range res.Facets["model_version"] {
		versions[ft.Term] = ft.Count
	}
	total := 0
	for _, c := range versions {
		total += c
	}
	if len(versions) != 2 || total != n {
		t.Fatalf("want every document tagged by one of two models, got %v", versions)
	}
	t.Logf("documents per model version: %v", versions)
}

func TestShadowAgreementOnMetrics(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	h := startWith(t, t.TempDir(), func(c *config.Config) { c.Model.Shadow = tiny })
	publishMany(t, h.srv.JetStream(), 30, "shadow")
	waitFor(t, "indexed", 120*time.Second, func() bool { return h.search("").Total >= 30 })
	re := regexp.MustCompile(`docmill_shadow_pairs_total\{shadow="[^"]+"\} (\d+)`)
	waitFor(t, "shadow pairs on /metrics", 60*time.Second, func() bool {
		resp, err := http.Get(h.base + "/metrics")
		if err != nil {
			return false
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		m := re.FindSubmatch(b)
		if m == nil {
			return false
		}
		k, _ := strconv.Atoi(string(m[1]))
		return k >= 30 && regexp.MustCompile(`docmill_shadow_agreement\{metric="class",shadow=`).Match(b)
	})
	// `docmill model compare` reads the same from the recorded streams.
	rep, err := monitor.CompareRecorded(context.Background(), h.srv.JetStream())
	if err != nil || len(rep) != 1 || rep[0].Pairs != 30 || rep[0].LatencyRatio <= 0 {
		t.Fatalf("recorded comparison: %+v %v", rep, err)
	}
	t.Logf("shadow agreement: %+v", rep[0])
}

func TestMissingRuntimeFallsBackAndSaysSo(t *testing.T) {
	t.Setenv("DOCMILL_ORT_LIB", "")
	h := startWith(t, t.TempDir(), func(c *config.Config) {
		c.Model.Disabled = false
		c.Model.ORTLib = "/nonexistent/libonnxruntime.so.1"
		c.Model.Dir = "/nonexistent/bundle"
	})
	resp, err := http.Get(h.base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "model-free tier") || !strings.Contains(string(b), `"ok": false`) {
		t.Fatalf("healthz must say the model is missing: %s", b)
	}
	if r, err := http.Get(h.base + "/readyz"); err != nil || r.StatusCode != 200 {
		t.Fatalf("a missing model is degraded, not unready: %v %v", r.Status, err)
	}
	m := nats.NewMsg("docmill.ingest.x")
	m.Header.Set("Docmill-Filename", "a.txt")
	m.Data = []byte("The Licensee shall pay the fees within thirty days. This Agreement is governed by the laws of England.")
	h.nc.PublishMsg(m)
	waitFor(t, "indexed by the free tier", 60*time.Second, func() bool { return h.search("").Total == 1 })
	if got := h.search("").Hits[0]; got.Class == "" {
		t.Fatalf("no class: %+v", got)
	}
}

// The registry's active model outlives a restart and reaches workers
// started after the swap; a swap to a bundle that does not load is
// refused, and /healthz says so until a good one comes.
func TestRegistryModelAtStartAndRefusedSwap(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	ctx := context.Background()
	h := startWith(t, t.TempDir(), swappable)
	js := h.srv.JetStream()
	if err := UseModel(ctx, js, Active{Dir: "/nonexistent/bundle"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "refused swap reported", 30*time.Second, func() bool {
		c, ok := h.srv.Health()["model_swap"]
		return ok && !c.OK && strings.Contains(c.Detail, "/nonexistent/bundle")
	})
	if err := UseModel(ctx, js, Active{Dir: tiny}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "swap", 30*time.Second, func() bool { return h.srv.Analyzer().Load().Info().Tier == "model" })
	if _, ok := h.srv.Health()["model_swap"]; ok {
		t.Error("a refused swap still reported after a good one")
	}
	want := h.srv.Analyzer().Load().Info()
	// a worker started now runs the registry's model, not its configured one
	w := startRole(t, h, RoleWorker, swappable)
	if got := w.Analyzer().Load().Info(); got != want {
		t.Errorf("worker started after the swap runs %+v, want %+v", got, want)
	}
}

// /healthz says which precision runs, and that int8 was asked for in vain
// when the bundle has no int8 segments.
func TestModelPrecisionShown(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, int8 := range []bool{false, true} {
		_, st := BuildAnalyzer(config.Model{Dir: tiny, Int8: int8, Threads: 1}, enrich.FreeOptions{}, log)
		if !st.OK || !strings.Contains(st.Detail, "(") {
			t.Fatalf("int8 %v: %+v", int8, st)
		}
		hasInt8 := strings.Contains(st.Detail, "(int8)")
		asked := strings.Contains(st.Detail, "no int8 segments")
		if !int8 && (hasInt8 || asked || !strings.Contains(st.Detail, "(fp32)")) {
			t.Errorf("fp32 run: %s", st.Detail)
		}
		if int8 && !hasInt8 && !asked {
			t.Errorf("int8 asked: %s says neither int8 nor why not", st.Detail)
		}
		t.Logf("int8 %v: %s", int8, st.Detail)
	}
}

// lockedBuffer is a log destination written from many goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// A registry model that does not load on this worker leaves it on its
// configured model, and the log says that alone: the start once also
// warned "neural model unavailable, running the model-free tier" while the
// configured model ran.
func TestRegistryModelNotLoadingLogsWhatRuns(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	ctx := context.Background()
	url, _, js := natstest.Listening(t, "registry-model-not-loading")
	if err := UseModel(ctx, js, Active{Dir: "/nonexistent/bundle"}); err != nil {
		t.Fatal(err)
	}
	c := config.Default()
	c.Data, c.NATS.URL, c.HTTP.Listen = t.TempDir(), url, "127.0.0.1:0"
	c.Model.Dir, c.Model.Threads = tiny, 1
	var logs lockedBuffer
	s := runUntilEnd(t, Options{Config: c, Role: RoleWorker}, &logs)
	if tier := s.Analyzer().Load().Info().Tier; tier != "model" {
		t.Errorf("runs the %s tier, want the configured model", tier)
	}
	out := logs.String()
	if !strings.Contains(out, "the registry's active model does not load here; running the configured one") || !strings.Contains(out, "/nonexistent/bundle") {
		t.Errorf("the log does not say the registry's model was left:\n%s", out)
	}
	if strings.Contains(out, "model-free tier") {
		t.Errorf("the log claims the model-free tier while the configured model runs:\n%s", out)
	}
	if c, ok := s.Health()["model_swap"]; !ok || c.OK || strings.Contains(c.Detail, "model-free tier") {
		t.Errorf("/healthz model_swap: %+v, want not ok, naming the bundle without claiming the model-free tier", c)
	}
}

// brokenBundle copies the tiny bundle with upper.onnx truncated: its
// manifest and files are there, its graph does not parse.
func brokenBundle(t *testing.T, tiny string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(tiny)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(tiny, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "upper.onnx" {
			b = b[:len(b)/3]
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A shadow bundle that does not load leaves the worker running its primary
// model without a shadow, and /healthz says why under an advisory
// "shadow": it stopped the start, a crash loop of every worker in k8s.
func TestBrokenShadowRunsWithoutIt(t *testing.T) {
	broken := brokenBundle(t, modeltest.TinyBundle(t))
	h := startWith(t, t.TempDir(), func(c *config.Config) { c.Model.Shadow = broken })
	sh, ok := h.srv.Health()["shadow"]
	if !ok || sh.OK || !sh.Advisory || !strings.Contains(sh.Detail, broken) {
		t.Errorf("/healthz shadow: %+v, want advisory, not ok, naming the bundle", sh)
	}
	if r, err := http.Get(h.base + "/readyz"); err != nil || r.StatusCode != 200 {
		t.Errorf("a broken shadow makes the worker unready: %v %v", r.Status, err)
	}
	publishMany(t, h.srv.JetStream(), 3, "no-shadow")
	waitFor(t, "indexed without the shadow", 60*time.Second, func() bool { return h.search("").Total >= 3 })
}

// runWorker runs a worker on the broker at url with the configuration
// edit makes (modelFlag: --model or --no-model given) and returns it with
// its log.
func runWorker(t *testing.T, url string, modelFlag bool, edit func(*config.Config)) (*Server, *lockedBuffer) {
	t.Helper()
	c := config.Default()
	c.Data, c.NATS.URL, c.HTTP.Listen = t.TempDir(), url, "127.0.0.1:0"
	c.Model.Threads = 1
	edit(c)
	logs := &lockedBuffer{}
	return runUntilEnd(t, Options{Config: c, Role: RoleWorker, ModelFromFlag: modelFlag}, logs), logs
}

// miniModel is the docmill-mini bundle, a model other than the tiny one.
func miniModel(t *testing.T) string {
	t.Helper()
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(root, "model", "bundles", "docmill-mini")
}

// After docmill model use, --no-model (model.disabled) and --model still
// win: the emergency switch off the ONNX Runtime did nothing once a model
// had been used. A configured model.dir gives way to the registry, with a
// warning naming both; model reset returns the worker to it.
func TestPinnedModelWinsOverRegistry(t *testing.T) {
	tiny, mini := modeltest.TinyBundle(t), miniModel(t)
	ctx := context.Background()
	url, _, js := natstest.Listening(t, "pinned-model")
	if err := UseModel(ctx, js, Active{Dir: tiny}); err != nil {
		t.Fatal(err)
	}
	name := func(s *Server) string { return s.Analyzer().Load().Info().Name }
	off, offLog := runWorker(t, url, true, func(c *config.Config) { c.Model.Disabled = true })
	if tier := off.Analyzer().Load().Info().Tier; tier == "model" {
		t.Errorf("--no-model runs the %s tier", tier)
	}
	if !strings.Contains(offLog.String(), "level=WARN msg=\"the registry's active model is ignored") {
		t.Errorf("no warning that the registry is ignored:\n%s", offLog)
	}
	flag, _ := runWorker(t, url, true, func(c *config.Config) { c.Model.Dir = mini })
	if got := name(flag); got != "docmill-mini" {
		t.Errorf("--model %s runs %s", mini, got)
	}
	configured, confLog := runWorker(t, url, false, func(c *config.Config) { c.Model.Dir = mini })
	if got := name(configured); got != "docmill-tiny" {
		t.Errorf("configured model.dir: runs %s, want the registry's docmill-tiny", got)
	}
	if out := confLog.String(); !strings.Contains(out, "level=WARN") || !strings.Contains(out, "overrides the configured one") ||
		!strings.Contains(out, "configured="+mini) || !strings.Contains(out, "registry="+tiny) {
		t.Errorf("no warning naming both models:\n%s", out)
	}
	// a later swap leaves the pinned worker alone; a reset returns the
	// other to its configured model
	if err := UseModel(ctx, js, Active{Dir: mini}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "swap to mini", 30*time.Second, func() bool { return name(configured) == "docmill-mini" })
	if err := UseModel(ctx, js, Active{Dir: tiny}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "swap to tiny", 30*time.Second, func() bool { return name(configured) == "docmill-tiny" })
	if got := name(flag); got != "docmill-mini" {
		t.Errorf("the --model worker swapped to %s", got)
	}
	if err := ResetModel(ctx, js); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "back to the configured model", 30*time.Second, func() bool { return name(configured) == "docmill-mini" })
	if _, ok, err := ShowModel(ctx, js); ok || err != nil {
		t.Errorf("registry after reset: %v %v", ok, err)
	}
}

// The registry keeps the entries a model use replaced: a worker that
// cannot load the active one (an int8 worker, a bundle without its int8
// graph) starts with the model the fleet ran before, not its configured
// one, and /healthz model_swap says so.
func TestRegistryFallsBackToPrevious(t *testing.T) {
	tiny, mini := modeltest.TinyBundle(t), miniModel(t)
	ctx := context.Background()
	url, _, js := natstest.Listening(t, "previous-model")
	noInt8 := t.TempDir()
	entries, err := os.ReadDir(tiny)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "upper.int8.onnx" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(tiny, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(noInt8, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{tiny, noInt8} {
		if err := UseModel(ctx, js, Active{Dir: dir}); err != nil {
			t.Fatal(err)
		}
	}
	a, ok, err := ShowModel(ctx, js)
	if err != nil || !ok || a.Dir != noInt8 || len(a.Previous) != 1 || a.Previous[0].Dir != tiny {
		t.Fatalf("registry: %+v %v %v, want %s after %s", a, ok, err, noInt8, tiny)
	}
	w, _ := runWorker(t, url, false, func(c *config.Config) { c.Model.Dir, c.Model.Int8 = mini, true })
	if got := w.Analyzer().Load().Info().Name; got != "docmill-tiny" {
		t.Errorf("int8 worker runs %s, want the previous registry model docmill-tiny", got)
	}
	if c, ok := w.Health()["model_swap"]; !ok || c.OK || !strings.Contains(c.Detail, noInt8) || !strings.Contains(c.Detail, "previous") {
		t.Errorf("/healthz model_swap: %+v", c)
	}
}

// The model-free tier chosen (--no-model, model.disabled) is no fault:
// /healthz said the model component was not OK, so an alert on any
// component down fired for every worker run so on purpose. A model that
// was asked for and did not load stays not OK
// (TestMissingRuntimeFallsBackAndSaysSo).
func TestModelDisabledIsHealthy(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	_, st := BuildAnalyzer(config.Model{Disabled: true}, enrich.FreeOptions{}, log)
	if !st.OK || !strings.Contains(st.Detail, "model-free tier") {
		t.Errorf("model disabled by configuration: %+v, want OK, naming the model-free tier", st)
	}
}
