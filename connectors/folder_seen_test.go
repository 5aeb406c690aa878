package connectors

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline/broker"
)

// countingKV counts reads of the real KV bucket it wraps.
type countingKV struct {
	jetstream.KeyValue
	gets atomic.Int64
}

func (c *countingKV) Get(ctx context.Context, key string) (jetstream.KeyValueEntry, error) {
	c.gets.Add(1)
	return c.KeyValue.Get(ctx, key)
}

// A rescan asks the seen bucket only about files that changed: an idle
// folder of taken files costs no KV reads (it cost one per file every
// poll), and a changed file is still ingested again.
func TestFolderRescanSkipsTakenFiles(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	kv := &countingKV{KeyValue: seen}
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("The Supplier shall deliver "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f := &Folder{Dir: dir, Pub: &Publisher{JS: js}, Seen: kv, StableFor: 20 * time.Millisecond, Poll: 20 * time.Millisecond,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- f.Run(runCtx) }()
	defer func() { stop(); <-done }()
	waitMsgs(ctx, t, js, 3)
	time.Sleep(100 * time.Millisecond) // the KV writes follow the publishes
	before := kv.gets.Load()
	time.Sleep(300 * time.Millisecond) // some 15 rescans
	if n := kv.gets.Load() - before; n != 0 {
		t.Errorf("%d KV reads while nothing changed, want 0", n)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte("The Supplier shall deliver b, revised."), 0o644); err != nil {
		t.Fatal(err)
	}
	waitMsgs(ctx, t, js, 4)
}

func waitMsgs(ctx context.Context, t *testing.T, js jetstream.JetStream, want uint64) {
	t.Helper()
	for {
		info := natstest.Info(ctx, t, js, broker.StreamIngest)
		if info.State.Msgs >= want {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d messages in %s, want %d", info.State.Msgs, broker.StreamIngest, want)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// folderBroker starts an embedded JetStream with docmill's streams and
// opens the seen bucket.
func folderBroker(ctx context.Context, t *testing.T) (jetstream.JetStream, jetstream.KeyValue) {
	t.Helper()
	_, js := natstest.Start(t, "folder-test")
	seen, err := OpenSeen(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	return js, seen
}

// A folder configured through a symbolic link (a volume mounted elsewhere
// and linked into place) is read: WalkDir does not follow a link given as
// its root, and no file in such a folder was ever taken.
func TestFolderThroughSymlinkIsRead(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	base := t.TempDir()
	dir, link := filepath.Join(base, "in"), filepath.Join(base, "link")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "note.txt"), []byte("The Supplier shall deliver the goods."), 0o644); err != nil {
		t.Fatal(err)
	}
	f := handFolder(t, js, seen, link)
	f.StableFor = time.Millisecond
	for range 3 {
		f.scan(ctx)
		time.Sleep(5 * time.Millisecond)
	}
	if _, ok := f.done["note.txt"]; !ok {
		t.Fatalf("note.txt, in a folder watched through a link, was not taken: %v", f.done)
	}
}
