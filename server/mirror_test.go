package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
)

// Under sources.mirror_deletes the index follows the watched folder and
// bucket: a deleted file or object takes its document out of the index
// (announced with reason "source_removed"), a copy holding the same bytes
// keeps it (under the copy's name), a renamed file keeps it under its new
// name, and a file deleted while docmill was down is found at the next
// start.
func TestMirroredDeletesFollowSources(t *testing.T) {
	watch, data := t.TempDir(), t.TempDir()
	mirror := func(c *config.Config) {
		c.Sources.Folders = []string{watch}
		c.Sources.Settle = 300 * time.Millisecond
		c.Sources.MirrorDeletes = true
	}
	h := startWith(t, data, mirror)
	ctx := context.Background()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(watch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(name string) {
		t.Helper()
		if err := os.Remove(filepath.Join(watch, name)); err != nil {
			t.Fatal(err)
		}
	}
	alpha := "Supply terms: the supplier ships alphamirror goods within ten days."
	bravo := "Lease terms: the tenant pays bravomirror rent monthly in advance."
	write("alpha.txt", alpha)
	write("bravo.txt", bravo)
	notices := h.subscribe("docmill.deleted.>", 16)
	waitFor(t, "files indexed", 60*time.Second, func() bool {
		return h.search("alphamirror").Total == 1 && h.search("bravomirror").Total == 1
	})

	remove("bravo.txt")
	waitFor(t, "deleted file's document removed", 60*time.Second, func() bool { return h.search("bravomirror").Total == 0 })
	select {
	case m := <-notices:
		if !strings.Contains(string(m.Data), `"id":"`+document.ID([]byte(bravo))+`","reason":"source_removed"`) {
			t.Errorf("notice %s", m.Data)
		}
	case <-time.After(10 * time.Second):
		t.Error("no deletion notice")
	}

	// Two files held the same bytes: deleting one keeps the document.
	seen, err := h.srv.JetStream().KeyValue(ctx, connectors.SeenBucket)
	if err != nil {
		t.Fatal(err)
	}
	holders := func(id string) int {
		l, err := seen.ListKeysFiltered(ctx, "holds."+id+".>")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for range l.Keys() {
			n++
		}
		return n
	}
	alphaID := document.ID([]byte(alpha))
	write("copy.txt", alpha)
	waitFor(t, "copy indexed", 60*time.Second, func() bool {
		r := h.search("alphamirror")
		return r.Total == 1 && r.Hits[0].Filename == "copy.txt"
	})
	if n := holders(alphaID); n != 2 {
		t.Fatalf("%d holders of the copied document, want 2", n)
	}
	// The copy, taken last, is the name the document shows; once it is
	// deleted the document names the file left.
	remove("copy.txt")
	waitFor(t, "deletion of one copy handled", 30*time.Second, func() bool { return holders(alphaID) == 1 })
	waitFor(t, "document under the remaining copy's name", 30*time.Second, func() bool {
		r, err := h.srv.Index().Get(ctx, alphaID)
		return err == nil && r.Filename == "alpha.txt" && r.Source == "folder" && r.Meta["path"] == "alpha.txt"
	})
	if r := h.search("alpha"); r.Total != 1 || r.Hits[0].ID != alphaID {
		t.Errorf("search by the remaining file's name: %d hits", r.Total)
	}
	if r := h.search("copy"); r.Total != 0 {
		t.Errorf("search by the deleted copy's name: %d hits, want 0", r.Total)
	}
	// A renamed file keeps its document, under the new name.
	if err := os.Rename(filepath.Join(watch, "alpha.txt"), filepath.Join(watch, "moved.txt")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "renamed file's document under its new name", 60*time.Second, func() bool {
		r := h.search("alphamirror")
		return r.Total == 1 && r.Hits[0].Filename == "moved.txt" && holders(alphaID) == 1
	})
	time.Sleep(2 * time.Second) // a removal would have been handled by now
	if r := h.search("alphamirror"); r.Total != 1 {
		t.Fatalf("renamed file's document gone: %d hits", r.Total)
	}

	// A deleted object takes its document with it.
	store, err := h.srv.JetStream().ObjectStore(ctx, "docmill-inbox")
	if err != nil {
		t.Fatal(err)
	}
	charlie := "Deal memo: the buyer pays charliemirror on closing."
	charlieID := document.ID([]byte(charlie))
	// as with files: the copy deleted, the document names the object left
	for _, name := range []string{"deals/deal.txt", "deals/dealcopy.txt"} {
		if _, err := store.PutString(ctx, name, charlie); err != nil {
			t.Fatal(err)
		}
		waitFor(t, name+" indexed", 60*time.Second, func() bool {
			r := h.search("charliemirror")
			return r.Total == 1 && r.Hits[0].Filename == name
		})
	}
	if err := store.Delete(ctx, "deals/dealcopy.txt"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "document under the remaining object's name", 30*time.Second, func() bool {
		r, err := h.srv.Index().Get(ctx, charlieID)
		return err == nil && r.Filename == "deals/deal.txt" && r.Source == "bucket_docmill-inbox" && r.Meta["object"] == "deals/deal.txt"
	})
	if err := store.Delete(ctx, "deals/deal.txt"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "deleted objects' document removed", 60*time.Second, func() bool { return h.search("charliemirror").Total == 0 })

	// Put back, the file is indexed again, though the same bytes were
	// sent minutes ago.
	write("bravo.txt", bravo)
	waitFor(t, "restored file indexed again", 60*time.Second, func() bool { return h.search("bravomirror").Total == 1 })

	// Deleted while docmill was down: found at the next start.
	h.stop()
	remove("moved.txt")
	h = startWith(t, data, mirror)
	waitFor(t, "file deleted while down removed its document", 60*time.Second, func() bool { return h.search("alphamirror").Total == 0 })
	if r := h.search(""); r.Total != 1 || r.Hits[0].Filename != "bravo.txt" {
		t.Errorf("%d documents left, want bravo.txt's alone", r.Total)
	}
}
