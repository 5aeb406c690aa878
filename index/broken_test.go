package index

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"

	"github.com/docmill/docmill/document"
)

// A write that fails reopens the index from disk and is reported until a
// write succeeds again.
func TestFailedWriteReopensIndex(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	if err := ix.Put(ctx, sample("a", "A", "first document", "other", "en")); err != nil {
		t.Fatal(err)
	}
	ix.bi.Close() // the next Bleve write fails
	if err := ix.Put(ctx, sample("b", "B", "second document", "other", "en")); err == nil || ix.WriteError() == nil {
		t.Fatalf("write to a closed index: %v, write error %v", err, ix.WriteError())
	}
	if err := ix.Put(ctx, sample("c", "C", "third document", "other", "en")); err != nil || ix.WriteError() != nil {
		t.Fatalf("write after the reopen: %v, write error %v", err, ix.WriteError())
	}
	if n, err := ix.Count(); err != nil || n != 2 {
		t.Errorf("count %d %v, want a and c", n, err)
	}
}

// The real case: the disk under the index fills up. Bleve's first failed
// batch used to be followed by a panic in the next write or search, which
// killed the process (and, with the disk still full, every restart). Now
// writes fail with the reason while searches go on, and once there is
// room again writes succeed. Needs root to mount a small tmpfs; skipped
// otherwise.
func TestDiskFullIndexSurvives(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=2m"); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (needs root): %v", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, syscall.MNT_DETACH) })
	ix, err := Open(dir+"/ix", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	text := strings.Repeat("lorem ipsum dolor sit amet consectetur ", 2000)
	batch := func(i int) []*document.Result {
		var out []*document.Result
		for j := 0; j < 5; j++ {
			id := fmt.Sprintf("d%d-%d", i, j)
			out = append(out, sample(id, id, text+id, "other", "en"))
		}
		return out
	}
	var failed error
	i := 0
	for ; i < 200 && failed == nil; i++ {
		failed = ix.PutBatch(ctx, batch(i))
	}
	if failed == nil {
		t.Fatal("the 2 MiB disk never filled")
	}
	for k := 0; k < 3; k++ {
		if err := ix.PutBatch(ctx, batch(i+k)); err == nil {
			t.Fatal("write on a full disk succeeded")
		}
		if _, err := ix.Search(ctx, Query{Q: "lorem"}); err != nil {
			t.Errorf("search on a full disk: %v", err)
		}
	}
	if ix.WriteError() == nil {
		t.Error("no write error reported")
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT, "size=64m"); err != nil {
		t.Fatalf("grow the disk: %v", err)
	}
	if err := ix.PutBatch(ctx, batch(1000)); err != nil || ix.WriteError() != nil {
		t.Fatalf("write once there is room: %v, write error %v", err, ix.WriteError())
	}
	if res, err := ix.Search(ctx, Query{Q: "d1000"}); err != nil || res.Total == 0 {
		t.Errorf("new batch not found: %v %v", res, err)
	}
}
