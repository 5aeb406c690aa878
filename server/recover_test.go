package server

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
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
	h.upload("lease.txt", "text/plain", strings.NewReader("Lease terms: the tenant pays quillwort rent monthly."))
	gone := "Memo: the hornbeam review is withdrawn."
	h.upload("memo.txt", "text/plain", strings.NewReader(gone))
	waitFor(t, "documents indexed", 90*time.Second, func() bool {
		return h.search("xylocarpa").Total == 1 && h.search("quillwort").Total == 1 && h.search("hornbeam").Total == 1
	})
	httpDelete(t, h.base+"/api/documents/"+document.ID([]byte(gone)))
	c := config.Default()
	c.Data = data
	edit(c)
	ctx := context.Background()
	if _, err := RecoverIndex(ctx, c, false, nil); !errors.Is(err, index.ErrInUse) {
		t.Fatalf("recover beside a running server: %v", err)
	}
	h.stop()
	if _, err := RecoverIndex(ctx, c, false, nil); !errors.Is(err, ErrIndexReadable) {
		t.Fatalf("recover of an index that opens: %v", err)
	}
	// damage it: the index's own description is unreadable
	if err := os.WriteFile(filepath.Join(data, "index", "index_meta.json"), []byte("\x00\x00garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	var last, total int
	rep, err := RecoverIndex(ctx, c, false, func(d, n int) { last, total = d, n })
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 2 || rep.Results != 3 || rep.Deleted != 1 || len(rep.Lost) != 0 || last != total || total != 3 {
		t.Errorf("report %+v, progress %d/%d", rep, last, total)
	}
	if _, err := os.Stat(filepath.Join(rep.Moved, "index_meta.json")); err != nil || !strings.Contains(rep.Moved, "before-recover") {
		t.Errorf("damaged index not moved aside: %q %v", rep.Moved, err)
	}
	h = startWith(t, data, edit)
	for q, want := range map[string]uint64{"xylocarpa": 1, "quillwort": 1, "hornbeam": 0} {
		if n := h.search(q).Total; n != want {
			t.Errorf("%s after recovery: %d hits, want %d", q, n, want)
		}
	}
}
