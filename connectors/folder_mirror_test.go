package connectors

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/docmill/docmill/pipeline/broker"
)

// Under MirrorDeletes a folder that cannot be read (unmounted, renamed
// away) is not an empty folder: it removes nothing. A file that stays
// away does, once.
func TestFolderMirrorUnreadableRemovesNothing(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	base := t.TempDir()
	dir := filepath.Join(base, "inbox")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("The Supplier shall deliver "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	// scans driven by hand: StableFor and Poll 0 take a file on its second
	// sighting and remove a document on the second scan that misses its file
	f := &Folder{Dir: dir, Source: "folder", Pub: &Publisher{JS: js}, Seen: seen, MirrorDeletes: true,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	f.start(root)
	f.scan(ctx)
	f.scan(ctx)
	if len(f.done) != 2 {
		t.Fatalf("%d files taken, want 2", len(f.done))
	}
	removals := func() uint64 {
		st, err := js.Stream(ctx, broker.StreamRemovals)
		if err != nil {
			t.Fatal(err)
		}
		info, err := st.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return info.State.Msgs
	}
	if err := os.Rename(dir, dir+".away"); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if f.scan(ctx) != nil {
			t.Error("a folder that is not there scanned as present")
		}
	}
	if n := removals(); n != 0 || len(f.done) != 2 {
		t.Fatalf("folder away: %d removals sent and %d files still taken, want 0 and 2", n, len(f.done))
	}
	if err := os.Rename(dir+".away", dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "b.txt")); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		f.scan(ctx)
	}
	if n := removals(); n != 1 || len(f.done) != 1 {
		t.Errorf("one file deleted: %d removals sent and %d files still taken, want 1 and 1", n, len(f.done))
	}
}
