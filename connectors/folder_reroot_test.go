package connectors

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
)

// The watcher reads the files it lists at the folder's path from the
// directory that path names now. A folder deleted and made anew (a sync
// tool that replaces it), or a volume mounted on it after docmill started,
// is another directory than the one opened at start: its files were
// refused as "no such file or directory" (or read from the old directory,
// where one of the same name was left) and never taken.
func TestFolderReadsTheFolderItsPathNames(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	dir := filepath.Join(t.TempDir(), "inbox")
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write("a.txt", "The Supplier shall deliver the goods.")
	f := handFolder(t, js, seen, dir)
	f.scan(ctx)
	f.scan(ctx)
	if f.done["a.txt"].stamp == "" {
		t.Fatal("a.txt not taken")
	}

	// the folder replaced by a new one, the old one kept elsewhere with a
	// file of the same name
	if err := os.Rename(dir, dir+".old"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write("b.txt", "The Buyer shall pay within 30 days.")
	write("a.txt", "The Licensee shall not sublicense the software.")
	if err := os.WriteFile(filepath.Join(dir+".old", "a.txt"), []byte("stale content of the old folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.scan(ctx)
	f.scan(ctx)
	for name, text := range map[string]string{"b.txt": "The Buyer shall pay within 30 days.",
		"a.txt": "The Licensee shall not sublicense the software."} {
		if got, want := f.done[name].id, document.ID([]byte(text)); got != want {
			t.Errorf("%s in the new folder taken as %q, want the document of its content, %q", name, got, want)
		}
	}
}

// The same with a volume mounted on the watched folder after the watcher
// started (needs root and a kernel that lets this process mount).
func TestFolderReadsAVolumeMountedAfterStart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	dir := t.TempDir()
	js, seen := folderBroker(ctx, t)
	f := handFolder(t, js, seen, dir)
	f.scan(ctx)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "docmill-test", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s); TestFolderReadsTheFolderItsPathNames covers the logic", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	text := "The Supplier shall deliver the goods."
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	f.scan(ctx)
	f.scan(ctx)
	if got, want := f.done["a.txt"].id, document.ID([]byte(text)); got != want {
		t.Errorf("a.txt on the volume mounted after start taken as %q, want %q", got, want)
	}
}
