package server

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/testpdf"
	"github.com/docmill/docmill/stages/parse"
	"github.com/docmill/docmill/web"
)

const contractText = `MASTER SERVICES AGREEMENT

This Master Services Agreement (the "Agreement") is entered into as of January 5, 2021 between Acme Corp., a Delaware corporation ("Customer"), and Globex LLC ("Provider").

1. Services. Provider shall perform the services described in each Statement of Work. Customer shall pay all undisputed invoices within thirty (30) days.

2. Term. This Agreement commences on the Effective Date and continues for two (2) years unless terminated earlier.

3. Governing Law. This Agreement shall be governed by the laws of the State of New York.`

const regulationText = `Article 17
Right to erasure ('right to be forgotten')

1. The data subject shall have the right to obtain from the controller the erasure of personal data concerning him or her without undue delay and the controller shall have the obligation to erase personal data without undue delay where one of the following grounds applies.

2. Where the controller has made the personal data public and is obliged pursuant to paragraph 1 to erase the personal data, the controller shall take reasonable steps, including technical measures.`

func logText() string {
	var b strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "2024-03-01 10:%02d:%02d INFO [http-worker-%d] Request GET /api/orders/%d completed in %dms\n", i/60, i%60, i%4, 1000+i, 10+i)
		if i%10 == 0 {
			fmt.Fprintf(&b, "2024-03-01 10:%02d:%02d ERROR [db-pool] Connection to 10.0.0.%d:5432 refused\n", i/60, i%60, i)
		}
	}
	return b.String()
}

type harness struct {
	t    *testing.T
	srv  *Server
	base string
	nc   *nats.Conn
	stop func()
	dir  string
}

// start runs a real docmill serve (embedded NATS with JetStream, Bleve on
// disk, model-free tier) in this process.
func start(t *testing.T, dataDir string, watch string) *harness {
	t.Helper()
	return startWith(t, dataDir, func(c *config.Config) {
		if watch != "" {
			c.Sources.Folders = []string{watch}
		}
	})
}

func startWith(t *testing.T, dataDir string, edit func(*config.Config)) *harness {
	t.Helper()
	c := config.Default()
	c.Data = dataDir
	c.NATS.Listen = "127.0.0.1:-1"
	c.HTTP.Listen = "127.0.0.1:0"
	c.Model.Disabled = true
	c.Pipeline.MaxDeliver = 2
	c.Pipeline.AckWait = 5 * time.Second
	edit(c)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan *Server, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Config: c, Role: RoleServe, Log: log, Started: func(s *Server) { started <- s }})
	}()
	var s *Server
	select {
	case s = <-started:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	nc, err := nats.Connect(s.NATSURL())
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, srv: s, base: "http://" + s.HTTPAddr(), nc: nc, dir: dataDir}
	var once sync.Once
	h.stop = func() {
		once.Do(func() {
			nc.Close()
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve returned: %v", err)
			}
		})
	}
	t.Cleanup(h.stop)
	return h
}

// httpDelete sends DELETE url and wants 200.
func httpDelete(t *testing.T, url string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodDelete, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("DELETE %s: %s", url, resp.Status)
	}
}

// subscribe buffers what is published on subject until the test ends.
func (h *harness) subscribe(subject string, buffer int) chan *nats.Msg {
	h.t.Helper()
	ch := make(chan *nats.Msg, buffer)
	sub, err := h.nc.ChanSubscribe(subject, ch)
	if err != nil {
		h.t.Fatal(err)
	}
	// the server must hold the subscription before anything is published
	// on another connection: under load the SUB came after the first
	// deletion notice, which was then missed
	if err := h.nc.Flush(); err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { _ = sub.Unsubscribe() })
	return ch
}

// upload posts body to the API as filename and wants it accepted.
func (h *harness) upload(filename, contentType string, body io.Reader) {
	h.t.Helper()
	resp, err := http.Post(h.base+"/api/documents?filename="+url.QueryEscape(filename), contentType, body)
	if err != nil {
		h.t.Fatal(err)
	}
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		h.t.Fatalf("upload %s: %s %s", filename, resp.Status, msg)
	}
}

// awaitMsg is the next message on ch, failing the test after a minute.
func awaitMsg(t *testing.T, ch <-chan *nats.Msg, what string) *nats.Msg {
	t.Helper()
	select {
	case m := <-ch:
		return m
	case <-time.After(60 * time.Second):
		t.Fatalf("no %s published", what)
		return nil
	}
}

func (h *harness) search(q string) index.Result {
	h.t.Helper()
	resp, err := http.Get(h.base + "/api/search?size=50&q=" + url.QueryEscape(q))
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var r index.Result
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		h.t.Fatal(err)
	}
	return r
}

// waitFor polls cond until it holds or the timeout passes. cond is asked
// at least once, even when the timeout has already passed.
func waitFor(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestServeEndToEnd(t *testing.T) {
	watch := t.TempDir()
	h := start(t, t.TempDir(), watch)

	results := h.subscribe("docmill.results.>", 64)
	dlq := h.subscribe("docmill.dlq.>", 8)

	// 1. A raw NATS publish, as any client would do it.
	m := nats.NewMsg("docmill.ingest.partner")
	m.Header.Set("Docmill-Filename", "msa.txt")
	m.Data = []byte(contractText)
	if err := h.nc.PublishMsg(m); err != nil {
		t.Fatal(err)
	}
	// 2. HTTP upload (multipart).
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "gdpr-art17.txt")
	fw.Write([]byte(regulationText))
	mw.Close()
	resp, err := http.Post(h.base+"/api/documents", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusAccepted {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("upload: %s %s", resp.Status, b)
	}
	resp.Body.Close()
	// 3. The watched folder.
	if err := os.WriteFile(filepath.Join(watch, "app.log"), []byte(logText()), 0o644); err != nil {
		t.Fatal(err)
	}

	got := map[string]document.Result{}
	deadline := time.After(90 * time.Second)
	for len(got) < 3 {
		select {
		case msg := <-results:
			var r document.Result
			if err := json.Unmarshal(msg.Data, &r); err != nil {
				t.Fatalf("result JSON: %v", err)
			}
			if msg.Header.Get("Docmill-Id") != r.ID || !strings.HasPrefix(msg.Subject, "docmill.results."+r.Class) {
				t.Fatalf("result headers/subject wrong: %s %v", msg.Subject, msg.Header)
			}
			got[r.Filename] = r
		case <-deadline:
			t.Fatalf("only %d results arrived: %v", len(got), keys(got))
		}
	}
	wantClass := map[string]string{"msa.txt": "contract", "gdpr-art17.txt": "regulation", "app.log": "log"}
	for name, class := range wantClass {
		r, ok := got[name]
		if !ok {
			t.Fatalf("no result for %s (have %v)", name, keys(got))
		}
		if r.Class != class {
			t.Errorf("%s: class %q, want %q", name, r.Class, class)
		}
		if r.Model.Tier != "free" || len(r.Trace) < 2 {
			t.Errorf("%s: model %+v trace %+v", name, r.Model, r.Trace)
		}
	}
	if got["app.log"].Log == nil || got["app.log"].Log.Levels["ERROR"] != 4 {
		t.Errorf("log summary: %+v", got["app.log"].Log)
	}
	if len(got["msa.txt"].Keywords) == 0 || got["msa.txt"].Summary == "" {
		t.Errorf("contract enrichment empty: %+v", got["msa.txt"].Analysis)
	}

	// The original bytes of every ingest path are kept for download.
	waitFor(t, "originals kept", time.Minute, func() bool {
		o := &web.Originals{JS: h.srv.JetStream()}
		for _, r := range got {
			if !o.Has(context.Background(), r.ID) {
				return false
			}
		}
		return true
	})
	// Searchable once indexed.
	waitFor(t, "three documents searchable", 30*time.Second, func() bool { return h.search("").Total == 3 })
	if r := h.search("erasure"); r.Total != 1 || r.Hits[0].Filename != "gdpr-art17.txt" {
		t.Fatalf("search erasure: %+v", r)
	}
	// The stored copy's trace covers the document's whole way: the wait in
	// the ingest stream (from docmill's ingest stamp, or for a raw client's
	// message from the time it entered the stream), parse, analysis and
	// the wait for the index.
	for name, r := range got {
		stored, err := h.srv.Index().Get(context.Background(), r.ID)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := []string{"queue", "parse", "analyze", "index_wait"}
		if stages := stageNames(stored.Trace); strings.Join(stages, ",") != strings.Join(want, ",") {
			t.Errorf("%s: stored trace %v, want %v", name, stages, want)
		}
	}
	// The same bytes again: still one document.
	if _, err := h.srv.ingestPublisher().Publish(context.Background(), connectors.Doc{Filename: "msa-copy.txt", Data: []byte(contractText)}); err != nil {
		t.Fatal(err)
	}
	// A corrupt PDF goes to the DLQ with a reason, and the server keeps working.
	bad := nats.NewMsg("docmill.ingest.partner")
	bad.Header.Set("Docmill-Filename", "broken.pdf")
	bad.Data = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF garbage")
	if err := h.nc.PublishMsg(bad); err != nil {
		t.Fatal(err)
	}
	select {
	case dm := <-dlq:
		if dm.Subject != "docmill.dlq.parse" || dm.Header.Get("Docmill-Error") == "" || dm.Header.Get("Docmill-Filename") != "broken.pdf" {
			t.Fatalf("dead letter: %s %v", dm.Subject, dm.Header)
		}
		t.Logf("dead letter reason: %s", dm.Header.Get("Docmill-Error"))
	case <-time.After(60 * time.Second):
		t.Fatal("corrupt PDF never reached the DLQ")
	}
	// The stages' consumers leave the count of attempts to the dead-letter
	// middleware: a message whose dead letter cannot be stored is
	// delivered again, not dropped after MaxDeliver.
	for stream, durable := range map[string]string{"DOCMILL_INGEST": "docmill-worker", "DOCMILL_RESULTS": "docmill-indexer"} {
		c, err := h.srv.JetStream().Consumer(context.Background(), stream, durable)
		if err != nil {
			t.Fatal(err)
		}
		if md := c.CachedInfo().Config.MaxDeliver; md != -1 {
			t.Errorf("%s delivers at most %d times, want unbounded", durable, md)
		}
	}
	// asked by the 12-character id docmill prints, the API says why
	waitFor(t, "the failure recorded", 10*time.Second, func() bool {
		resp, err := http.Get(h.base + "/api/documents/" + document.ID(bad.Data)[:12])
		if err != nil {
			return false
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode == http.StatusNotFound && bytes.Contains(b, []byte(`"failed": "parse broken.pdf`))
	})
	late := nats.NewMsg("docmill.ingest.partner")
	late.Header.Set("Docmill-Filename", "late.txt")
	late.Data = []byte("A late memo about quarterly planning and budget review for the operations team.")
	if err := h.nc.PublishMsg(late); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "late document indexed", 30*time.Second, func() bool { return h.search("").Total == 4 })
	time.Sleep(500 * time.Millisecond) // the duplicate had its chance to be indexed twice
	if n, _ := h.srv.Index().Count(); n != 4 {
		t.Fatalf("index holds %d documents, want 4 (duplicate must collapse)", n)
	}
	dls, err := connectors.ListDeadLetters(context.Background(), h.srv.JetStream(), 0)
	if err != nil || len(dls) != 1 || dls[0].Reason == "" {
		t.Fatalf("dlq list: %+v %v", dls, err)
	}
	// Replay sends it back to its subject: still corrupt, it returns to the
	// DLQ as a new dead letter and the replayed one is gone.
	if err := connectors.Replay(context.Background(), h.srv.JetStream(), dls[0]); err != nil {
		t.Fatal(err)
	}
	select {
	case dm := <-dlq:
		if dm.Header.Get("Docmill-Filename") != "broken.pdf" {
			t.Fatalf("replayed dead letter: %v", dm.Header)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("replayed message did not come back")
	}
	var again []connectors.DeadLetter
	waitFor(t, "one new dead letter after replay", time.Minute, func() bool {
		again, _ = connectors.ListDeadLetters(context.Background(), h.srv.JetStream(), 0)
		return len(again) == 1 && again[0].Seq != dls[0].Seq
	})
	if again[0].ID != dls[0].ID || len(again[0].ID) != 64 {
		t.Errorf("dead letter names document %q, then %q", dls[0].ID, again[0].ID)
	}
	// Dropped after reading why: gone for good.
	if err := connectors.Drop(context.Background(), h.srv.JetStream(), again[0].Seq); err != nil {
		t.Fatal(err)
	}
	if left, err := connectors.ListDeadLetters(context.Background(), h.srv.JetStream(), 0); err != nil || len(left) != 0 {
		t.Errorf("after drop: %+v %v", left, err)
	}
	// Health and metrics. The health report names the port clients use (a
	// random one here), not nats.go's default.
	for _, p := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(h.base + p)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %v %v", p, resp.Status, err)
		}
		hb, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !bytes.Contains(hb, []byte(h.srv.NATSURL())) {
			t.Errorf("%s does not name the broker's client URL %s:\n%s", p, h.srv.NATSURL(), hb)
		}
	}
	resp, err = http.Get(h.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	mb, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// index: msa.txt (raw), the upload, app.log, msa-copy.txt (the raw
	// publish set no de-duplication id, so the copy is analysed and
	// indexed again, still one document) and late.txt
	for _, want := range []string{`docmill_documents_processed_total{stage="index"} 5`, `docmill_dlq_messages_total{stage="parse"} 2`, "docmill_stage_duration_seconds_bucket"} {
		if !bytes.Contains(mb, []byte(want)) {
			t.Errorf("metrics lack %q:\n%s", want, grepLines(mb, "docmill_documents_processed_total"))
		}
	}
}

func keys(m map[string]document.Result) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestWatchedFolderOnceAcrossRestart(t *testing.T) {
	data, watch := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(watch, "note.txt"), []byte("Quarterly planning memo for the finance team, budget and hiring."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(watch, "escape.txt")); err != nil {
		t.Fatal(err)
	}
	// Word's lock file beside an open document is not a document, nor is
	// a version-control directory
	if err := os.WriteFile(filepath.Join(watch, "~$arterly.docx"), []byte("\x0bjdoe"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(watch, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(watch, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := start(t, data, watch)
	waitFor(t, "note indexed", 60*time.Second, func() bool { return h.search("").Total == 1 })
	h.stop()
	// A restart sees the same file again and must not ingest it twice;
	// the symlink pointing outside, the lock file and .git are never taken.
	h2 := start(t, data, watch)
	st, err := h2.srv.JetStream().Stream(context.Background(), "DOCMILL_INGEST")
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * time.Second) // a few scans
	info, err := st.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != 1 {
		t.Fatalf("ingest stream has %d messages after restart, want 1", info.State.Msgs)
	}
	if r := h2.search(""); r.Total != 1 {
		t.Fatalf("index has %d documents", r.Total)
	}
}

func TestBucketObjectsIngestedOnce(t *testing.T) {
	data := t.TempDir()
	h := start(t, data, "")
	ctx := context.Background()
	js := h.srv.JetStream()
	var store jetstream.ObjectStore
	waitFor(t, "inbox bucket", time.Minute, func() bool {
		s, err := js.ObjectStore(ctx, "docmill-inbox")
		store = s
		return err == nil
	})
	meta := jetstream.ObjectMeta{Name: "contracts/msa.txt", Metadata: map[string]string{"owner": "legal"}}
	if _, err := store.Put(ctx, meta, strings.NewReader(contractText)); err != nil {
		t.Fatal(err)
	}
	if _, err := store.PutBytes(ctx, "empty.txt", nil); err != nil {
		t.Fatal(err)
	}
	// what a folder sync tool copies along is not a document
	for _, junk := range []string{"synced/.DS_Store", "synced/~$msa.docx", "synced/.git/HEAD"} {
		if _, err := store.PutBytes(ctx, junk, []byte("not a document")); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "object indexed", 60*time.Second, func() bool { return h.search("").Total == 1 })
	r := h.search("")
	got, err := h.srv.Index().Get(ctx, r.Hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Filename != "contracts/msa.txt" || got.Meta["owner"] != "legal" || got.Meta["bucket"] != "docmill-inbox" {
		t.Fatalf("object metadata not carried: %+v %v", got.Filename, got.Meta)
	}
	h.stop()
	h2 := start(t, data, "")
	time.Sleep(3 * time.Second)
	st, err := h2.srv.JetStream().Stream(ctx, "DOCMILL_INGEST")
	if err != nil {
		t.Fatal(err)
	}
	info, _ := st.Info(ctx)
	if info.State.Msgs != 1 {
		t.Fatalf("ingest stream has %d messages after restart, want 1 (each object once)", info.State.Msgs)
	}
}

// A watched file or bucket object that changes is ingested again, and its
// new version replaces the old one in the index: search finds the new
// text, not the old, and one document per file, also when a file or object
// goes back to an earlier version within minutes. Deleting the file removes
// nothing (a folder is an inbox).
func TestChangedSourcesReplaceTheirDocuments(t *testing.T) {
	watch := t.TempDir()
	h := startWith(t, t.TempDir(), func(c *config.Config) {
		c.Sources.Folders = []string{watch}
		c.Sources.Settle = 500 * time.Millisecond
	})
	file := filepath.Join(watch, "terms.txt")
	first := []byte("Draft terms: the supplier ships within alphaweeks of the order.")
	second := []byte("Final terms: the supplier ships within betaweeks of the order, insured.")
	if err := os.WriteFile(file, first, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "first version indexed", 60*time.Second, func() bool { return h.search("alphaweeks").Total == 1 })
	if err := os.WriteFile(file, second, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "second version replaces the first", 60*time.Second, func() bool {
		return h.search("betaweeks").Total == 1 && h.search("alphaweeks").Total == 0 && h.search("").Total == 1
	})
	// The first version's stored original goes with it; the second's stays.
	ctx := context.Background()
	originals, err := h.srv.JetStream().ObjectStore(ctx, web.OriginalsBucket)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "first version's original deleted", time.Minute, func() bool {
		_, err := originals.GetInfo(ctx, document.ID(first))
		return errors.Is(err, jetstream.ErrObjectNotFound)
	})
	if _, err := originals.GetInfo(ctx, document.ID(second)); err != nil {
		t.Errorf("second version's original: %v", err)
	}
	// Consumers are told which version replaced which.
	if m, err := h.srv.JetStream().Stream(ctx, "DOCMILL_DELETED"); err != nil {
		t.Fatal(err)
	} else if n, err := m.GetLastMsgForSubject(ctx, "docmill.deleted."+document.ID(first)); err != nil {
		t.Errorf("no notice that the first version left: %v", err)
	} else if !strings.Contains(string(n.Data), `"reason":"replaced","replaced_by":"`+document.ID(second)+`"`) {
		t.Errorf("notice %s", n.Data)
	}
	// Put back as it was minutes ago (within the ingest stream's
	// de-duplication window): the reverted text is the file's again.
	if err := os.WriteFile(file, first, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the reverted version replaces the second", 60*time.Second, func() bool {
		return h.search("alphaweeks").Total == 1 && h.search("betaweeks").Total == 0 && h.search("").Total == 1
	})
	waitFor(t, "the second version's original deleted", time.Minute, func() bool {
		_, err := originals.GetInfo(ctx, document.ID(second))
		return errors.Is(err, jetstream.ErrObjectNotFound)
	})
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	store, err := h.srv.JetStream().ObjectStore(ctx, "docmill-inbox")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.PutString(ctx, "deals/deal.txt", "Deal memo: the buyer pays gammaprice on closing."); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "object indexed", 60*time.Second, func() bool { return h.search("gammaprice").Total == 1 })
	if _, err := store.PutString(ctx, "deals/deal.txt", "Deal memo, revised: the buyer pays deltaprice on closing."); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "object's new version replaces the old", 60*time.Second, func() bool {
		return h.search("deltaprice").Total == 1 && h.search("gammaprice").Total == 0
	})
	if _, err := store.PutString(ctx, "deals/deal.txt", "Deal memo: the buyer pays gammaprice on closing."); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "object's reverted version replaces the revision", 60*time.Second, func() bool {
		return h.search("gammaprice").Total == 1 && h.search("deltaprice").Total == 0
	})
	if r := h.search(""); r.Total != 2 {
		t.Errorf("%d documents, want the file's and the object's latest versions", r.Total)
	}
}

// A copy of a watched file is one document with the file (documents are
// named by their content). When the file then changes, its old bytes are
// still the copy's: the document stays, and the new version is a document
// of its own. It used to be deleted as the file's replaced version, so
// that neither the file nor its copy found it. The same with two objects.
func TestChangedFileKeepsItsCopysDocument(t *testing.T) {
	watch := t.TempDir()
	h := startWith(t, t.TempDir(), func(c *config.Config) {
		c.Sources.Folders = []string{watch}
		c.Sources.Settle = 500 * time.Millisecond
	})
	same := []byte("Copy test: a supply agreement between Kappa Industries and Lambda Retail for copper wire.")
	for _, name := range []string{"c1.txt", "c2.txt"} {
		if err := os.WriteFile(filepath.Join(watch, name), same, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "the copies indexed as one document", 60*time.Second, func() bool { return h.search("copper").Total == 1 })
	time.Sleep(2 * time.Second) // both files taken and recorded
	if err := os.WriteFile(filepath.Join(watch, "c1.txt"), []byte("Copy test changed: Kappa Industries now buys aluminium rods."), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the changed file indexed", 60*time.Second, func() bool { return h.search("aluminium").Total == 1 })
	time.Sleep(time.Second) // a replacement would follow the new version's indexing at once
	if n := h.search("copper").Total; n != 1 {
		t.Fatalf("the copy's document: %d hits for its text, want 1 (it is c2.txt's)", n)
	}
	ctx := context.Background()
	store, err := h.srv.JetStream().ObjectStore(ctx, "docmill-inbox")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"o1.txt", "o2.txt"} {
		if _, err := store.PutString(ctx, name, "Object copy: Orion Freight carries the turbines to the port."); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "the objects indexed as one document", 60*time.Second, func() bool { return h.search("turbines").Total == 1 })
	time.Sleep(2 * time.Second)
	if _, err := store.PutString(ctx, "o1.txt", "Object changed: Orion Freight carries the blades instead."); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the changed object indexed", 60*time.Second, func() bool { return h.search("blades").Total == 1 })
	time.Sleep(time.Second)
	if n := h.search("turbines").Total; n != 1 {
		t.Fatalf("the other object's document: %d hits, want 1", n)
	}
}

// An e-mail's attachments are documents of their own: the message is
// indexed with its text and names its attachments, and each attachment is
// indexed, naming the message it came with.
func TestEmailAttachmentsIngested(t *testing.T) {
	h := start(t, t.TempDir(), "")
	pdf, err := os.ReadFile("../stages/parse/testdata/contract.pdf")
	if err != nil {
		t.Fatal(err)
	}
	b64 := func(b []byte) string {
		enc := base64.StdEncoding.EncodeToString(b)
		var out strings.Builder
		for len(enc) > 76 {
			out.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		return out.String() + enc
	}
	eml := "From: Ann <ann@acme.example>\r\nTo: Bob <bob@globex.example>\r\nSubject: Signed NDA and notes\r\n" +
		"Date: Tue, 2 Jan 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n" +
		"--B\r\nContent-Type: text/plain\r\n\r\nBob, the signed agreement and my meeting notes are attached.\r\n" +
		"--B\r\nContent-Type: application/pdf; name=\"nda.pdf\"\r\nContent-Disposition: attachment; filename=\"nda.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(pdf) + "\r\n" +
		"--B\r\nContent-Type: text/plain; name=\"notes.txt\"\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\nMeeting notes: the zebrafish pilot starts in March.\r\n--B--\r\n"
	if _, err := h.srv.Publisher().Publish(context.Background(), connectors.Doc{Filename: "nda.eml", Data: []byte(eml)}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "message and both attachments indexed", 60*time.Second, func() bool { return h.search("").Total == 3 })
	mail := h.search("meeting notes attached")
	notes := h.search("zebrafish")
	if mail.Total == 0 || notes.Total != 1 {
		t.Fatalf("mail %d, notes %d", mail.Total, notes.Total)
	}
	got, err := h.srv.Index().Get(context.Background(), notes.Hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Filename != "notes.txt" || got.Meta["attached_to_filename"] != "nda.eml" || got.Meta["attached_to"] == "" {
		t.Errorf("attachment %s meta %v", got.Filename, got.Meta)
	}
	if r := h.search(`filename:"nda.pdf"`); r.Total != 1 {
		t.Errorf("the PDF attachment: %d hits", r.Total)
	}
}

// A document the pipeline refuses says why when asked for: the upload page
// polled /api/documents/{id} for 20 minutes for a file already in the
// dead-letter stream.
func TestRefusedDocumentSaysWhy(t *testing.T) {
	h := start(t, t.TempDir(), "")
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7)
	}
	id, err := h.srv.Publisher().Publish(context.Background(), connectors.Doc{Filename: "tool.exe", Data: bin})
	if err != nil {
		t.Fatal(err)
	}
	var body struct{ Error, Failed string }
	waitFor(t, "the reason", 30*time.Second, func() bool {
		resp, err := http.Get(h.base + "/api/documents/" + id)
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		_ = json.NewDecoder(resp.Body).Decode(&body)
		return resp.StatusCode == 404 && body.Failed != ""
	})
	if !strings.Contains(body.Failed, "unsupported or binary") {
		t.Errorf("reason %q", body.Failed)
	}
}

func TestBadInputOnEveryConnector(t *testing.T) {
	watch := t.TempDir()
	h := startWith(t, t.TempDir(), func(c *config.Config) {
		c.Sources.Folders = []string{watch}
		c.Pipeline.MaxDocumentMB = 1
		c.HTTP.MaxUploadMB = 1
	})
	ctx := context.Background()
	js := h.srv.JetStream()
	dlq := h.subscribe("docmill.dlq.>", 16)
	big := bytes.Repeat([]byte("x"), 2<<20)

	// Bucket: empty and over-limit objects are refused (logged, acked), never ingested.
	var store jetstream.ObjectStore
	waitFor(t, "inbox bucket", time.Minute, func() bool {
		s, err := js.ObjectStore(ctx, "docmill-inbox")
		store = s
		return err == nil
	})
	store.PutBytes(ctx, "zero.pdf", nil)
	store.PutBytes(ctx, "huge.txt", big)
	// Folder: an over-limit file and a file behind a symlink escaping the folder.
	os.WriteFile(filepath.Join(watch, "huge.log"), big, 0o644)
	os.Symlink(t.TempDir(), filepath.Join(watch, "outside"))
	// HTTP: over the upload limit gives 413 with a message.
	resp, err := http.Post(h.base+"/api/documents?filename=huge.txt", "text/plain", bytes.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode/100 != 4 || !strings.Contains(string(msg), "limit") {
		t.Fatalf("oversized upload: %s %s", resp.Status, msg)
	}
	// NATS: binary junk, and a header naming an object that does not exist.
	junk := nats.NewMsg("docmill.ingest.partner")
	junk.Header.Set("Docmill-Filename", "junk.bin")
	junk.Data = []byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 9}
	h.nc.PublishMsg(junk)
	ref := nats.NewMsg("docmill.ingest.partner")
	ref.Header.Set("Docmill-Filename", "ghost.pdf")
	ref.Header.Set("Docmill-Object", "docmill-blobs/does-not-exist")
	h.nc.PublishMsg(ref)
	reasons := map[string]string{}
	deadline := time.After(60 * time.Second)
	for len(reasons) < 2 {
		select {
		case m := <-dlq:
			reasons[m.Header.Get("Docmill-Filename")] = m.Header.Get("Docmill-Error")
		case <-deadline:
			t.Fatalf("dead letters: %v", reasons)
		}
	}
	for _, f := range []string{"junk.bin", "ghost.pdf"} {
		if reasons[f] == "" {
			t.Errorf("%s: no dead letter with a reason (%v)", f, reasons)
		}
	}
	// A good document still flows, and nothing refused was ingested.
	os.WriteFile(filepath.Join(watch, "ok.txt"), []byte("Minutes of the operations review: capacity, incidents and hiring."), 0o644)
	waitFor(t, "good document indexed", 60*time.Second, func() bool { return h.search("").Total == 1 })
	st, _ := js.Stream(ctx, "DOCMILL_INGEST")
	info, _ := st.Info(ctx)
	if info.State.Msgs != 3 { // junk, ghost, ok
		t.Fatalf("ingest stream holds %d messages, want 3 (refused input must not be ingested)", info.State.Msgs)
	}
}

func grepLines(b []byte, prefix string) string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func stageNames(tr []document.StageTrace) []string {
	out := make([]string, len(tr))
	for i, s := range tr {
		out[i] = s.Stage
	}
	return out
}

// TestLargeResultTravelsWithTextByReference ingests a text whose result
// does not fit in one message (1 MiB here): its text goes to the
// docmill-texts object store, the result names it, and the indexer reads
// it back, so a word from the end of the text is found. Before, the
// publish failed on every attempt and the document went to the DLQ.
func TestLargeResultTravelsWithTextByReference(t *testing.T) {
	h := startWith(t, t.TempDir(), func(c *config.Config) { c.NATS.MaxPayloadMB = 1 })
	results := h.subscribe("docmill.results.>", 4)
	var b strings.Builder
	for i := 0; b.Len() < 1500<<10; i++ {
		fmt.Fprintf(&b, "Line %d of the archive records a routine delivery of parts to the warehouse.\n", i)
	}
	b.WriteString("The last line mentions zanzibarite once.\n")
	h.upload("archive.txt", "text/plain", strings.NewReader(b.String()))
	m := awaitMsg(t, results, "result")
	if len(m.Data) > 1<<20 {
		t.Fatalf("result of %d bytes in one message", len(m.Data))
	}
	var r document.Result
	if err := json.Unmarshal(m.Data, &r); err != nil {
		t.Fatal(err)
	}
	if r.Text != "" || r.TextObject != "docmill-texts/"+r.ID {
		t.Fatalf("result carries %d bytes of text, text_object %q", len(r.Text), r.TextObject)
	}
	waitFor(t, "the last word searchable", 30*time.Second, func() bool {
		return h.search("zanzibarite").Total == 1
	})
	dls, err := connectors.ListDeadLetters(context.Background(), h.srv.JetStream(), 0)
	if err != nil || len(dls) != 0 {
		t.Fatalf("dead letters: %v %v", dls, err)
	}
}

// A scanned contract sent to the pipeline is read by OCR when pdftoppm and
// tesseract are installed, indexed with its recognised text and marked as
// such; /healthz says OCR is on.
func TestScannedPDFReadByOCR(t *testing.T) {
	if parse.DetectOCR() == nil {
		t.Skip("OCR test skipped: pdftoppm and tesseract not installed (apt-get install -y poppler-utils tesseract-ocr)")
	}
	scan, err := testpdf.Scanned(testpdf.Text("SUPPLY AGREEMENT", "The Supplier shall deliver the turbines before the winter season."))
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, t.TempDir(), "")
	h.upload("scan.pdf", "application/pdf", bytes.NewReader(scan))
	waitFor(t, "scan indexed", 60*time.Second, func() bool { return h.search("turbines").Total == 1 })
	got, err := h.srv.Index().Get(context.Background(), h.search("turbines").Hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Meta["ocr"], "tesseract") {
		t.Errorf("result meta %v: want the OCR named", got.Meta)
	}
	if c := h.srv.Health()["ocr"]; !c.OK || !strings.Contains(c.Detail, "tesseract") {
		t.Errorf("health ocr: %+v", c)
	}
}

// A DOCX's header, footer and comments are found by search, but are no
// keyword, entity or summary sentence of the contract: a reviewer's
// "USD 2,000,000?" is not an amount the contract names.
func TestDOCXHeadersAndCommentsSearchableNotAnalysed(t *testing.T) {
	h := start(t, t.TempDir(), "")
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	para := func(s string) string { return `<w:p><w:r><w:t xml:space="preserve">` + s + `</w:t></w:r></w:p>` }
	var body strings.Builder
	for _, p := range strings.Split(contractText, "\n\n") {
		body.WriteString(para(p))
	}
	body.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>`)
	rt := "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	parts := map[string]string{
		"word/document.xml": `<w:document ` + w + `><w:body>` + body.String() + `</w:body></w:document>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rIdH" Type="` + rt + `header" Target="header1.xml"/><Relationship Id="rIdF" Type="` + rt + `footer" Target="footer1.xml"/>` +
			`<Relationship Id="rIdC" Type="` + rt + `comments" Target="comments.xml"/></Relationships>`,
		"word/header1.xml": `<w:hdr ` + w + `>` + para("Quokka Holdings CONFIDENTIAL") + `</w:hdr>`,
		"word/footer1.xml": `<w:ftr ` + w + `>` + para("Doc ID: WOMBAT-4471") + `</w:ftr>`,
		"word/comments.xml": `<w:comments ` + w + `><w:comment w:id="0" w:author="Jane Reviewer">` +
			para("Should the numbat cap be USD 2,000,000 from March 3, 2027?") + `</w:comment></w:comments>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = f.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	h.upload("msa.docx", "application/octet-stream", &buf)
	waitFor(t, "the contract indexed", 60*time.Second, func() bool { return h.search("").Total == 1 })
	for _, q := range []string{"quokka", "WOMBAT-4471", "numbat", `"Jane Reviewer"`, "Provider"} {
		if r := h.search(q); r.Total != 1 {
			t.Errorf("search %s: %d hits", q, r.Total)
		}
	}
	res, err := h.srv.Index().Get(context.Background(), h.search("").Hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	analysed := res.Summary + " " + strings.Join(document.KeywordTexts(res.Keywords), " ")
	for _, e := range res.Entities {
		analysed += " " + e.Text
	}
	for _, aside := range []string{"Quokka", "CONFIDENTIAL", "WOMBAT", "numbat", "Jane", "2,000,000", "2027"} {
		if strings.Contains(analysed, aside) {
			t.Errorf("%q analysed as the contract's: %s", aside, analysed)
		}
	}
	if res.Class != "contract" || !strings.Contains(analysed, "Globex") {
		t.Errorf("the contract itself not analysed: class %s, %s", res.Class, analysed)
	}
}

// A log past pipeline.max_log_lines (here a gzip log, as rotated logs
// come) is analysed only up to the budget, and its result says so in the
// log summary and the task notes; its whole text is still indexed: a word
// of its last line is found.
func TestLargeLogAnalysedWithinBudgetIndexedWhole(t *testing.T) {
	h := startWith(t, t.TempDir(), func(c *config.Config) { c.Pipeline.MaxLogLines = 500 })
	results := h.subscribe("docmill.results.>", 4)
	var b strings.Builder
	for i := 0; i < 1999; i++ {
		fmt.Fprintf(&b, "2024-03-01 %02d:%02d:%02d INFO [http-worker-%d] Request GET /api/orders/%d completed in %dms\n", i/3600, i/60%60, i%60, i%4, 1000+i, 10+i%90)
	}
	b.WriteString("2024-03-01 00:33:19 ERROR [db-pool] quasarflux replica lost\n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write([]byte(b.String())); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	h.upload("orders.log.gz", "application/gzip", &gz)
	m := awaitMsg(t, results, "result")
	var r document.Result
	if err := json.Unmarshal(m.Data, &r); err != nil {
		t.Fatal(err)
	}
	if r.Log == nil || r.Log.Lines != 2000 || r.Log.Analyzed != 500 || r.Log.Levels["ERROR"] != 0 {
		t.Fatalf("log summary %+v, want 500 of 2000 lines analysed", r.Log)
	}
	if !strings.HasPrefix(r.Summary, "First 500 of 2000 lines") || !strings.Contains(r.Tasks["logs"].Note, "first 500 of 2000 lines") {
		t.Errorf("summary %q, logs trace %+v: the budget is not said", r.Summary, r.Tasks["logs"])
	}
	waitFor(t, "the last line's word searchable", 30*time.Second, func() bool {
		return h.search("quasarflux").Total == 1
	})
}
