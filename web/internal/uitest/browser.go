// Package uitest holds what docmill's UI tests share: sample documents and
// a headless Debian chromium driven by chromedp, with screenshots saved as
// test artifacts. Only tests import it.
package uitest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// ChromiumPath returns the browser to drive: $DOCMILL_CHROMIUM, else
// chromium on PATH or /usr/bin/chromium; "" when there is none.
func ChromiumPath() string {
	if p := os.Getenv("DOCMILL_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// Browser is one headless chromium with a fresh profile.
type Browser struct {
	Ctx context.Context
	t   *testing.T

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

// NewBrowser starts chromium for t (skipping t when it is not installed) and
// stops it when t ends. The window is desktop-sized; see Viewport.
func NewBrowser(t *testing.T) *Browser {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		t.Skip("browser test skipped: chromium not found (apt-get install -y chromium, or set DOCMILL_CHROMIUM)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &Browser{Ctx: ctx, t: t}
	// The first action starts the browser; only then may another goroutine
	// use the context.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("start chromium %s: %v", path, err)
	}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, m)
			b.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return b
}

// Do runs steps with a time limit, failing the test on error.
func (b *Browser) Do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// Text returns the visible text of the first element matching the CSS
// selector.
func (b *Browser) Text(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 30*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// Eval evaluates a JavaScript expression and returns its value.
func Eval[T any](b *Browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// Viewport sets the window size (a phone is 390x844).
func (b *Browser) Viewport(w, h int64) {
	b.t.Helper()
	b.Do("viewport", chromedp.EmulateViewport(w, h))
}

// Console returns what pages wrote to the console so far (errors, CSP
// violations, exceptions).
func (b *Browser) Console() []chromedp.ConsoleMessage {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), b.console...)
}

// NoConsoleErrors fails the test when a page logged an error or threw.
func (b *Browser) NoConsoleErrors() {
	b.t.Helper()
	for _, m := range b.Console() {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
			// A 404 for a document still processing is expected while polling.
			if strings.Contains(m.Text, "404") {
				continue
			}
			b.t.Errorf("browser console %s: %s", m.Type, m.Text)
		}
	}
}

// ArtifactsDir is where screenshots go: $DOCMILL_ARTIFACTS, default
// <tmp>/docmill-artifacts.
func ArtifactsDir() string {
	if d := os.Getenv("DOCMILL_ARTIFACTS"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "docmill-artifacts")
}

// Screenshot saves a full-page PNG named name.png in ArtifactsDir and logs
// its path.
func (b *Browser) Screenshot(name string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := ArtifactsDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatalf("artifacts dir: %v", err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatalf("write screenshot: %v", err)
	}
	b.t.Logf("screenshot: %s", path)
	return path
}

// DisableJS switches script execution off in the tab (for the no-JavaScript
// paths of the UI).
func (b *Browser) DisableJS(off bool) {
	b.t.Helper()
	b.Do("disable scripts", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
		return err
	}))
}

// WaitJS polls a JavaScript condition until it is true.
func (b *Browser) WaitJS(what, cond string, timeout time.Duration) {
	b.t.Helper()
	deadline := time.Now().Add(timeout)
	var ok bool
	var err error
	// Short polls: a navigation replaces the page a poll runs in, and the
	// poll of a replaced page never ends by itself.
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.Ctx, 2*time.Second)
		ok, err = chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(time.Second), chromedp.WithPollingInterval(100*time.Millisecond)))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil || !ok {
		main, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector("main") ? document.querySelector("main").innerText : document.body.innerText`))
		b.t.Fatalf("waiting for %s (%s): %v\npage text:\n%s", what, cond, err, main)
	}
}

// NewTab opens another tab in the same browser; it closes when t ends.
func (b *Browser) NewTab() *Browser {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.Ctx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		b.t.Fatalf("new tab: %v", err)
	}
	b.t.Cleanup(cancel)
	return &Browser{Ctx: ctx, t: b.t}
}
