package connectors

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline/broker"
)

// An inbox through which files pass (each ingested, then moved away by
// another job) leaves nothing behind in the watcher: it noted a size and a
// stamp for every file it ever took. A file still there stays taken, and
// one refused stays refused, without being noted again.
func TestFolderForgetsFilesThatAreGone(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	dir := t.TempDir()
	f := handFolder(t, js, seen, dir) // scans driven by hand
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("keep.txt", "The Supplier shall keep this file.")
	write("empty.txt", "")
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	const passed = 50
	for i := 0; i < passed; i++ {
		rel := filepath.Join(fmt.Sprintf("batch-%d", i/10), fmt.Sprintf("invoice-%d.txt", i))
		write(rel, fmt.Sprintf("Invoice %d: the Buyer shall pay within 30 days.", i))
		f.scan(ctx) // noted
		f.scan(ctx) // taken
		if f.done[rel].stamp == "" {
			t.Fatalf("%s not taken", rel)
		}
		if err := os.Remove(filepath.Join(dir, rel)); err != nil {
			t.Fatal(err)
		}
	}
	f.scan(ctx)
	if len(f.sizes) != 4 || len(f.done) != 1 {
		t.Errorf("after %d files came and went: %d sizes and %d stamps noted, want 4 (keep, empty, and the refusals of empty and link) and 1 (keep)",
			passed, len(f.sizes), len(f.done))
	}
	for _, k := range []string{"keep.txt", "!empty.txt", "!link.txt"} {
		if _, ok := f.sizes[k]; !ok {
			t.Errorf("%q forgotten while its file is still there", k)
		}
	}
	info := natstest.Info(ctx, t, js, broker.StreamIngest)
	if want := uint64(passed + 1); info.State.Msgs != want {
		t.Errorf("%d documents ingested, want %d (each file once)", info.State.Msgs, want)
	}
}
