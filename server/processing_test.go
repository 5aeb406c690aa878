package server

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
)

// A document reads as processing from the moment it is accepted until it
// is indexed, whichever way it came in: through a docmill publisher (as
// watched folders, buckets and backfills send) or published straight onto
// an ingest subject (recorded by the worker). Once indexed, and then
// deleted, it is unknown again, not processing.
func TestProcessingUntilIndexed(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	url, _, js := natstest.Listening(t, "processing-test")
	startRoleAt(t, url, RoleWorker, nil) // no indexer yet
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	viaPublisher := []byte("The Supplier shall deliver the goods by 1 March 2027.")
	if _, err := (&connectors.Publisher{JS: js}).Publish(ctx, connectors.Doc{Filename: "terms.txt", Source: "folder", Data: viaPublisher}); err != nil {
		t.Fatal(err)
	}
	direct := []byte("The Tenant shall pay the rent monthly in advance.")
	m := nats.NewMsg("docmill.ingest.partner")
	m.Data = direct
	m.Header.Set(pipeline.HeaderFilename, "lease.txt")
	if _, err := js.PublishMsg(ctx, m); err != nil {
		t.Fatal(err)
	}
	ids := []string{document.ID(viaPublisher), document.ID(direct)}
	// both analysed (their results wait in the stream), neither indexed
	waitFor(t, "both documents analysed", time.Minute, func() bool {
		return natstest.Info(ctx, t, js, "DOCMILL_RESULTS").State.Msgs == 2
	})
	for _, id := range ids {
		if _, ok := proc.Since(ctx, id, time.Now()); !ok {
			t.Errorf("%s analysed, not indexed: not recorded as processing", id)
		}
	}
	ix := startRoleAt(t, url, RoleIndexer, nil)
	waitFor(t, "both documents indexed", time.Minute, func() bool {
		n, _ := ix.Index().Count()
		return n == 2
	})
	waitFor(t, "indexed documents no longer processing", 10*time.Second, func() bool {
		for _, id := range ids {
			if _, ok := proc.Since(ctx, id, time.Now()); ok {
				return false
			}
		}
		return true
	})
	// marked indexed, for a replica that has not caught up
	for _, id := range ids {
		if !proc.IndexedElsewhere(ctx, id, time.Now()) {
			t.Errorf("%s indexed: not marked indexed", id)
		}
	}
	base := "http://" + ix.HTTPAddr() + "/api/documents/" + ids[0]
	httpDelete(t, base)
	if proc.IndexedElsewhere(ctx, ids[0], time.Now()) {
		t.Error("a deleted document still marked indexed")
	}
	resp, err := http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound || strings.Contains(string(body), "processing") {
		t.Errorf("deleted document: %s %s, want a plain 404", resp.Status, body)
	}
}

// A document published straight onto an ingest subject reads as
// processing while it waits for a worker, not as unknown: here no worker
// runs at all. A docmill publisher's document is left to its publisher.
func TestRawPublishProcessingWhileQueued(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	url, _, js := natstest.Listening(t, "raw-queued-test")
	ix := startRoleAt(t, url, RoleIndexer, nil) // no worker
	raw := []byte("The Licensee shall pay the royalties quarterly.")
	m := nats.NewMsg("docmill.ingest.partner")
	m.Data = raw
	if _, err := js.PublishMsg(ctx, m); err != nil {
		t.Fatal(err)
	}
	base := "http://" + ix.HTTPAddr() + "/api/documents/"
	waitFor(t, "a queued raw publish reads as processing", 10*time.Second, func() bool {
		resp, err := http.Get(base + document.ID(raw))
		if err != nil {
			return false
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode == http.StatusNotFound && strings.Contains(string(body), `"status": "processing"`)
	})
	// marked by its publisher: not recorded here (its publisher owns it)
	marked := nats.NewMsg("docmill.ingest.partner")
	marked.Data = []byte("The Lessee shall insure the premises.")
	marked.Header.Set(pipeline.HeaderProcessing, "1")
	if _, err := js.PublishMsg(ctx, marked); err != nil {
		t.Fatal(err)
	}
	proc, err := pipeline.OpenProcessing(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the raw one took less
	if _, ok := proc.Since(ctx, document.ID(marked.Data), time.Now()); ok {
		t.Error("a document its publisher records was recorded by the watcher")
	}
}

// A raw publish whose headers are over the 64 KiB JetStream stores is
// refused by the ingest stream, though core subscribers still receive it:
// it is not recorded as processing, where GET /api/documents/{id} said
// "processing" for an hour of a document that never came (QA: a partner's
// producer sending a 70 KB Docmill-Meta-* header).
func TestRawPublishOverHeaderLimitNotProcessing(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	url, nc, js := natstest.Listening(t, "raw-header-limit-test")
	ix := startRoleAt(t, url, RoleIndexer, nil) // no worker
	big := nats.NewMsg("docmill.ingest.partner")
	big.Data = []byte("The Licensor grants a licence to the software.")
	big.Header.Set(pipeline.HeaderMetaPrefix+"Notes", strings.Repeat("x", 70000))
	if _, err := js.PublishMsg(ctx, big); err == nil || !strings.Contains(err.Error(), "header size") {
		t.Fatalf("the ingest stream answered %v to 70 KB of headers; this test's premise is gone", err)
	}
	if err := nc.PublishMsg(big); err != nil { // as a producer without acks sends it
		t.Fatal(err)
	}
	fits := nats.NewMsg("docmill.ingest.partner")
	fits.Data = []byte("The Licensee shall pay the fees within 30 days.")
	fits.Header.Set(pipeline.HeaderMetaPrefix+"Notes", strings.Repeat("x", 60000))
	if err := nc.PublishMsg(fits); err != nil {
		t.Fatal(err)
	}
	base := "http://" + ix.HTTPAddr() + "/api/documents/"
	status := func(data []byte) string {
		resp, err := http.Get(base + document.ID(data))
		if err != nil {
			return err.Error()
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.Status + " " + string(body)
	}
	waitFor(t, "the message within the limit reads as processing", 10*time.Second, func() bool {
		return strings.Contains(status(fits.Data), `"status": "processing"`)
	})
	if got := status(big.Data); strings.Contains(got, "processing") {
		t.Errorf("a message the stream refused: %s, want a plain 404", got)
	}
}

// Scaled out, a worker watches the folders it is given (sources.folders or
// --watch); it used to ignore them without a word. An indexer given the
// same configuration leaves them to the workers.
func TestWorkerWatchesFolders(t *testing.T) {
	ctx := context.Background()
	url, _, js := natstest.Listening(t, "worker-folder-test")
	inbox := t.TempDir()
	startRoleAt(t, url, RoleIndexer, func(c *config.Config) { c.Sources.Folders = []string{inbox} })
	if err := os.WriteFile(filepath.Join(inbox, "memo.txt"), []byte("A memo about the quarterly supplier review."), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second)
	if n := natstest.Info(ctx, t, js, "DOCMILL_INGEST").State.Msgs; n != 0 {
		t.Fatalf("an indexer ingested %d files from the folder", n)
	}
	startRoleAt(t, url, RoleWorker, func(c *config.Config) {
		c.Sources.Folders, c.Sources.Settle = []string{inbox}, 200*time.Millisecond
	})
	waitFor(t, "the memo ingested and analysed by the worker", time.Minute, func() bool {
		return natstest.Info(ctx, t, js, "DOCMILL_RESULTS").State.Msgs == 1
	})
}
