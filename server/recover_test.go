package server

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/web"
)

// TestRecoverDamagedIndex: an index that cannot be read comes back from
// DOCMILL_RESULTS without analysing anything: every document the broker
// kept, a long text from the text store, none deleted since; the damaged
// folder is moved aside, and the restarted server searches the new index.
// A running server's index, and one that still opens, are refused.
func TestRecoverDamagedIndex(t *testing.T) {
	data := t.TempDir()
	edit := func(c *config.Config) { c.NATS.MaxPayloadMB, c.Pipeline.KeepOriginals = 1, false }
	h := startWith(t, data, edit)
	long := strings.Repeat("The supplier delivers the goods to the buyer's warehouse. ", 26000) + "Closing clause: xylocarpa applies."
	h.upload("long.txt", "text/plain", strings.NewReader(long))
	// its text will be gone from the text store: indexed without it
	textless := strings.Repeat("The carrier collects the parcels at the depot. ", 34000) + "Closing clause: quokka applies."
	h.upload("textless.txt", "text/plain", strings.NewReader(textless))
	h.upload("lease.txt", "text/plain", strings.NewReader("Lease terms: the tenant pays quillwort rent monthly."))
	gone := "Memo: the hornbeam review is withdrawn."
	h.upload("memo.txt", "text/plain", strings.NewReader(gone))
	waitFor(t, "documents indexed", 90*time.Second, func() bool {
		return h.search("xylocarpa").Total == 1 && h.search("quillwort").Total == 1 && h.search("hornbeam").Total == 1 &&
			h.search("quokka").Total == 1
	})
	textlessID := document.ID([]byte(textless))
	tr, err := h.srv.Index().Get(context.Background(), textlessID)
	if err != nil || tr.TextObject == "" {
		t.Fatalf("textless.txt indexed with text object %q (%v)", tr.TextObject, err)
	}
	bucket, name, _ := strings.Cut(tr.TextObject, "/")
	store, err := h.srv.JetStream().ObjectStore(context.Background(), bucket)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Delete(context.Background(), name); err != nil {
		t.Fatal(err)
	}
	// and so is the stored original that recovery would parse again
	for _, b := range []string{connectors.BlobBucket, web.OriginalsBucket} {
		st, err := h.srv.JetStream().ObjectStore(context.Background(), b)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Delete(context.Background(), textlessID); err != nil && !errors.Is(err, jetstream.ErrObjectNotFound) {
			t.Fatal(err)
		}
	}
	httpDelete(t, h.base+"/api/documents/"+document.ID([]byte(gone)))
	// analysed again: the document keeps when it was first ingested
	leaseID := document.ID([]byte("Lease terms: the tenant pays quillwort rent monthly."))
	first, err := h.srv.Index().Get(context.Background(), leaseID)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(h.base+"/api/documents/"+leaseID+"/reprocess", "", nil)
	if err != nil || resp.StatusCode/100 != 2 {
		t.Fatalf("reprocess: %v %v", resp, err)
	}
	resp.Body.Close()
	waitFor(t, "reprocessed", 60*time.Second, func() bool {
		r, err := h.srv.Index().Get(context.Background(), leaseID)
		return err == nil && r.ProcessedAt.After(first.ProcessedAt)
	})
	c := config.Default()
	c.Data = data
	edit(c)
	ctx := context.Background()
	if _, err := RecoverIndex(ctx, c, false, nil); !errors.Is(err, index.ErrInUse) {
		t.Fatalf("recover beside a running server: %v", err)
	}
	// nor with the running server's index gone: the folder's lock says it runs
	aside := filepath.Join(data, "index-aside")
	if err := os.Rename(filepath.Join(data, "index"), aside); err != nil {
		t.Fatal(err)
	}
	if _, err := RecoverIndex(ctx, c, false, nil); !errors.Is(err, index.ErrInUse) {
		t.Fatalf("recover beside a running server whose index is gone: %v", err)
	}
	if err := os.Rename(aside, filepath.Join(data, "index")); err != nil {
		t.Fatal(err)
	}
	h.stop()
	if _, err := RecoverIndex(ctx, config.Default(), false, nil); err == nil || !strings.Contains(err.Error(), "is --data") {
		t.Errorf("recover of a data folder without a broker store: %v", err)
	}
	if _, err := RecoverIndex(ctx, c, false, nil); !errors.Is(err, ErrIndexReadable) {
		t.Fatalf("recover of an index that opens: %v", err)
	}
	// damage it: the index's own description is unreadable
	if err := os.WriteFile(filepath.Join(data, "index", "index_meta.json"), []byte("\x00\x00garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	// stopped midway: the damaged index stays where it was
	stopped, cancel := context.WithCancel(ctx)
	if _, err := RecoverIndex(stopped, c, false, func(int, int) { cancel() }); !errors.Is(err, context.Canceled) {
		t.Errorf("recover stopped midway: %v", err)
	}
	if _, err := os.Stat(filepath.Join(data, "index", "index_meta.json")); err != nil {
		t.Fatalf("the index that was there moved on a stopped recovery: %v", err)
	}
	var last, total int
	rep, err := RecoverIndex(ctx, c, false, func(d, n int) { last, total = d, n })
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 3 || rep.Results != 5 || rep.Deleted != 1 || len(rep.TextsMissing) != 1 || rep.TextsMissing[textlessID] == "" || last != total || total != 5 {
		t.Errorf("report %+v, progress %d/%d", rep, last, total)
	}
	if _, err := os.Stat(filepath.Join(rep.Moved, "index_meta.json")); err != nil || !strings.Contains(rep.Moved, "before-recover") {
		t.Errorf("damaged index not moved aside: %q %v", rep.Moved, err)
	}
	h = startWith(t, data, edit)
	if r, err := h.srv.Index().Get(ctx, leaseID); err != nil || !r.IngestedAt.Equal(first.IngestedAt) {
		t.Errorf("first ingested %v before, %v after recovery (%v)", first.IngestedAt, r.IngestedAt, err)
	}
	for q, want := range map[string]uint64{"xylocarpa": 1, "quillwort": 1, "hornbeam": 0, "quokka": 0, "filename:textless.txt": 1} {
		if n := h.search(q).Total; n != want {
			t.Errorf("%s after recovery: %d hits, want %d", q, n, want)
		}
	}
}
