package connectors

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/internal/natstest"
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
	f := mirrorFolder(t, js, seen, dir, nil)
	f.scan(ctx)
	f.scan(ctx)
	if len(f.done) != 2 {
		t.Fatalf("%d files taken, want 2", len(f.done))
	}
	removals := func() uint64 { return natstest.Info(ctx, t, js, broker.StreamRemovals).State.Msgs }
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

// handFolder is a watcher of dir driven by hand with scan (StableFor and
// Poll 0: a file is taken on its second sighting).
func handFolder(t *testing.T, js jetstream.JetStream, seen jetstream.KeyValue, dir string) *Folder {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	f := &Folder{Dir: dir, Source: "folder", Pub: &Publisher{JS: js}, Seen: seen,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	f.start(root)
	t.Cleanup(func() { f.root.Close() }) // scan may have opened the folder anew
	return f
}

// mirrorFolder is handFolder under MirrorDeletes (a document is removed on
// the second scan that misses its file), whose filesystem is whatever *dev
// says (the real one when dev is nil).
func mirrorFolder(t *testing.T, js jetstream.JetStream, seen jetstream.KeyValue, dir string, dev *uint64) *Folder {
	t.Helper()
	f := handFolder(t, js, seen, dir)
	f.MirrorDeletes = true
	if dev != nil {
		f.device = func(string) (uint64, bool) { return *dev, true }
	}
	return f
}

// firstScan is Run's first scan: files deleted while docmill was down are
// looked for only when the folder could be read.
func firstScan(ctx context.Context, f *Folder) {
	if present := f.scan(ctx); present != nil {
		f.reconcile(ctx, present)
	}
}

// A mirrored folder found empty on another filesystem than its files were
// on is an unmounted volume, whether seen by a running watcher or at the
// next start: its documents stay. Back on its filesystem, deletions count
// again; files on a new filesystem (a volume moved to a new disk) make it
// the folder's filesystem.
func TestFolderMirrorUnmountedVolumeRemovesNothing(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	removals := func() uint64 { return natstest.Info(ctx, t, js, broker.StreamRemovals).State.Msgs }
	dir := t.TempDir()
	write := func(names ...string) {
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(dir, n), []byte("The Supplier shall deliver "+n), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	clear := func() {
		for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
			_ = os.Remove(filepath.Join(dir, n))
		}
	}
	dev := uint64(7)
	write("a.txt", "b.txt")
	f := mirrorFolder(t, js, seen, dir, &dev)
	f.scan(ctx)
	f.scan(ctx)
	if len(f.done) != 2 {
		t.Fatalf("%d files taken, want 2", len(f.done))
	}

	clear() // unmounted: the mount point is an empty folder on the parent filesystem
	dev = 1
	for range 3 {
		f.scan(ctx)
	}
	if n := removals(); n != 0 || len(f.done) != 2 {
		t.Fatalf("volume unmounted: %d removals sent, %d files still taken; want 0 and 2", n, len(f.done))
	}
	// and at the next start, before the volume is back
	firstScan(ctx, mirrorFolder(t, js, seen, dir, &dev))
	if n := removals(); n != 0 {
		t.Fatalf("started with the volume unmounted: %d removals sent, want 0", n)
	}

	write("a.txt", "b.txt") // mounted again
	dev = 7
	f.scan(ctx)
	clear()
	write("a.txt") // b.txt deleted on the volume itself
	for range 3 {
		f.scan(ctx)
	}
	if n := removals(); n != 1 {
		t.Fatalf("b.txt deleted on its volume: %d removals sent, want 1", n)
	}

	clear() // the volume copied to a new disk without a.txt, c.txt added
	write("c.txt")
	dev = 9
	for range 3 {
		f.scan(ctx)
	}
	if n := removals(); n != 2 {
		t.Fatalf("a.txt missing from the volume on its new disk: %d removals sent, want 2", n)
	}
	e, err := seen.Get(ctx, mountKey(dir))
	if err != nil || string(e.Value()) != "9" {
		t.Fatalf("remembered filesystem: %v %v, want 9", e, err)
	}
}

// The same with a real tmpfs mounted on the watched folder (needs root and
// a kernel that lets this process mount; skipped otherwise).
func TestFolderMirrorRealUnmount(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "docmill-test", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s); TestFolderMirrorUnmountedVolumeRemovesNothing covers the logic", err, out)
	}
	mounted := true
	unmount := func() {
		// lazily: the watcher's open root keeps the tmpfs busy, as a running
		// docmill keeps a watched volume
		if out, err := exec.Command("umount", "-l", dir).CombinedOutput(); err != nil {
			t.Fatalf("umount: %v: %s", err, out)
		}
		mounted = false
	}
	t.Cleanup(func() {
		if mounted {
			_ = exec.Command("umount", "-l", dir).Run()
		}
	})
	js, seen := folderBroker(ctx, t)
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("The Supplier shall deliver the goods."), 0o644); err != nil {
		t.Fatal(err)
	}
	f := mirrorFolder(t, js, seen, dir, nil)
	f.scan(ctx)
	f.scan(ctx)
	if len(f.done) != 1 {
		t.Fatalf("%d files taken, want 1", len(f.done))
	}
	unmount()
	for range 3 {
		f.scan(ctx)
	}
	firstScan(ctx, mirrorFolder(t, js, seen, dir, nil))
	if n := natstest.Info(ctx, t, js, broker.StreamRemovals).State.Msgs; n != 0 {
		t.Fatalf("tmpfs unmounted: %d removals sent, want 0", n)
	}
}
