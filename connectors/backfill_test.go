package connectors

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/internal/natstest"
)

func TestResumeAt(t *testing.T) {
	keys := []string{"a", "b", "c", "d"}
	done := checkpoint{Done: 2, Listing: listingDigest(keys[:2])}
	for _, c := range []struct {
		name     string
		cp       checkpoint
		keys     []string
		at       int
		relisted bool
	}{
		{"new job", checkpoint{}, keys, 0, false},
		{"unchanged", done, keys, 2, false},
		{"added after the place", done, append(keys, "e"), 2, false},
		{"added before the place", done, []string{"0", "a", "b", "c"}, 0, true},
		{"removed before the place", done, []string{"b", "c", "d"}, 0, true},
		{"checkpoint without listing", checkpoint{Done: 2}, keys, 0, true},
		{"fewer items than done", checkpoint{Done: 9, Listing: "x"}, keys, 0, true},
	} {
		if at, re := resumeAt(c.cp, c.keys); at != c.at || re != c.relisted {
			t.Errorf("%s: resume at %d (relisted %v), want %d (%v)", c.name, at, re, c.at, c.relisted)
		}
	}
}

func TestFinished(t *testing.T) {
	keys := []string{"a", "b", "c"}
	for _, c := range []struct {
		name string
		cp   checkpoint
		keys []string
		want bool
	}{
		{"new job", checkpoint{}, keys, false},
		{"through all it listed", checkpoint{Done: 3, Total: 3, Listing: listingDigest(keys)}, keys, true},
		// a stream grows by the job's own sends: still finished
		{"source grew since", checkpoint{Done: 3, Total: 3, Listing: listingDigest(keys)}, append(keys, "d", "e"), true},
		{"interrupted", checkpoint{Done: 2, Total: 3, Listing: listingDigest(keys[:2])}, keys, false},
		{"old checkpoint, all keys", checkpoint{Done: 3, Listing: listingDigest(keys)}, keys, true},
		{"old checkpoint, source grew", checkpoint{Done: 3, Listing: listingDigest(keys)}, append(keys, "d"), false},
	} {
		if got := finished(c.cp, c.keys); got != c.want {
			t.Errorf("%s: finished %v, want %v", c.name, got, c.want)
		}
	}
}

// A file that cannot be read when its turn comes (removed since the
// listing, no permission) is refused with why, like an empty one, and the
// job goes on with the rest of the folder. It once ended the job with an
// error, uncounted, and the files after it were never sent.
func TestBackfillRefusesUnreadableFiles(t *testing.T) {
	_, js := natstest.Start(t, "backfill-unreadable")
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "first memo", "b.txt": "second memo", "c.txt": "third memo", "d.txt": "fourth memo", "e.txt": ""} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	refused := map[string]string{}
	b := &Backfill{JS: js, Pub: &Publisher{JS: js}, Source: DirSource{Dir: dir}, Job: "unreadable", Concurrency: 1,
		// listed, then gone before its turn: the same for root, whom no
		// permission stops
		OnStart: func(int, int) {
			if err := os.Remove(filepath.Join(dir, "b.txt")); err != nil {
				t.Error(err)
			}
		},
		Refused: func(key, reason string) { refused[filepath.Base(key)] = reason },
	}
	want := map[string]string{"b.txt": "no such file or directory", "e.txt": "empty document"}
	if os.Geteuid() != 0 {
		if err := os.Chmod(filepath.Join(dir, "c.txt"), 0); err != nil {
			t.Fatal(err)
		}
		want["c.txt"] = "permission denied"
	}
	rep, err := b.Run(context.Background())
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if rep.Total != 5 || rep.Refused != len(want) || rep.Sent != 5-len(want) {
		t.Errorf("report %+v, want 5 items, %d refused, the rest sent", rep, len(want))
	}
	if !reflect.DeepEqual(refused, want) {
		t.Errorf("refused %v, want %v", refused, want)
	}
}

// A sub-folder that cannot be listed is an item the job refuses with
// why, not the end of the listing: the files beside it are still sent.
func TestDirSourceUnlistableFolder(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "locked")
	for _, p := range []string{filepath.Join(dir, "a.txt"), filepath.Join(sub, "b.txt")} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("memo"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := DirSource{Dir: dir}
	if _, err := src.Load(context.Background(), sub); !errors.Is(err, ErrUnreadable) {
		t.Errorf("a folder as an item: %v, want ErrUnreadable", err)
	}
	if os.Geteuid() == 0 {
		t.Skip("root lists any folder: run as another user to check an unlistable one")
	}
	if err := os.Chmod(sub, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(sub, 0o755)
	keys, err := src.Keys(context.Background())
	if err != nil || !reflect.DeepEqual(keys, []string{filepath.Join(dir, "a.txt"), sub}) {
		t.Fatalf("keys %v (%v), want a.txt and the locked folder", keys, err)
	}
	if _, err := src.Load(context.Background(), sub); !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("locked folder: %v, want ErrUnreadable saying permission denied", err)
	}
}

// A symbolic link in an archive is an item the job refuses with why, as
// ingest and watched folders refuse one, not a file left out unsaid.
func TestDirSourceRefusesLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.log")
	if err := os.WriteFile(real, []byte("2024-05-13 10:00:00 INFO started\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.log")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	src := DirSource{Dir: dir}
	keys, err := src.Keys(context.Background())
	if err != nil || !reflect.DeepEqual(keys, []string{link, real}) {
		t.Fatalf("keys %v (%v), want the link and the file", keys, err)
	}
	if _, err := src.Load(context.Background(), link); !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("link: %v, want ErrUnreadable naming the link", err)
	}
	if it, err := src.Load(context.Background(), real); err != nil || it.Filename != "real.log" {
		t.Errorf("file: %+v %v", it, err)
	}
}

// A backfill sends its documents under the source it is given, or with
// FolderSources under each file's first sub-folder; every document went
// to "backfill", so all of an archive's logs shared one template history.
func TestBackfillSource(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"top.log": "top", "web1/access.log": "web one", "web2/old/access.log.1": "web two"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	for _, c := range []struct {
		job     string
		src     DirSource
		name    string
		subject map[string]string
	}{
		{"default", DirSource{Dir: dir}, "", map[string]string{"top": "backfill", "web one": "backfill", "web two": "backfill"}},
		{"named", DirSource{Dir: dir}, "payments-api", map[string]string{"top": "payments-api", "web one": "payments-api", "web two": "payments-api"}},
		{"folders", DirSource{Dir: dir, FolderSources: true}, "archive", map[string]string{"top": "archive", "web one": "web1", "web two": "web2"}},
	} {
		// a broker each: the ingest stream drops the same bytes sent again
		_, js := natstest.Start(t, "backfill-source-"+c.job)
		b := &Backfill{JS: js, Pub: &Publisher{JS: js}, Source: c.src, Job: c.job, SourceName: c.name, Concurrency: 1}
		st, err := js.Stream(ctx, "DOCMILL_INGEST")
		if err != nil {
			t.Fatal(err)
		}
		before, _ := st.Info(ctx)
		if _, err := b.Run(ctx); err != nil {
			t.Fatalf("%s: %v", c.job, err)
		}
		got := map[string]string{}
		for seq := before.State.LastSeq + 1; ; seq++ {
			m, err := st.GetMsg(ctx, seq)
			if err != nil {
				break
			}
			got[string(m.Data)] = strings.TrimPrefix(m.Subject, "docmill.ingest.")
		}
		if !reflect.DeepEqual(got, c.subject) {
			t.Errorf("%s: sources %v, want %v", c.job, got, c.subject)
		}
	}
}

// A folder of the archive swapped for a link out of it after the listing
// (absolute or relative) is not followed: its files are refused with why.
// They were read by path, and a file outside the archive was ingested
// (security review, finding 5).
func TestBackfillRefusesFileThroughSwappedFolder(t *testing.T) {
	_, js := natstest.Start(t, "backfill-swap")
	dir := t.TempDir()
	back, outside := filepath.Join(dir, "back"), filepath.Join(dir, "outside")
	for p, text := range map[string]string{
		filepath.Join(back, "a.txt"):         "ordinary archive memo",
		filepath.Join(back, "abs", "z.txt"):  "decoy inside the archive",
		filepath.Join(back, "rel", "y.txt"):  "another decoy inside the archive",
		filepath.Join(outside, "z.txt"):      "OUTSIDE-SECRET not in the archive",
		filepath.Join(outside, "y.txt"):      "OUTSIDE-SECRET two not in the archive",
		filepath.Join(back, "kept", "k.txt"): "a folder left as it is",
	} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	refused := map[string]string{}
	b := &Backfill{JS: js, Pub: &Publisher{JS: js}, Source: DirSource{Dir: back}, Job: "swap", Concurrency: 1,
		OnStart: func(int, int) {
			for name, target := range map[string]string{"abs": outside, "rel": "../outside"} {
				sub := filepath.Join(back, name)
				if err := os.Rename(sub, sub+".orig"); err != nil {
					t.Error(err)
				}
				if err := os.Symlink(target, sub); err != nil {
					t.Error(err)
				}
			}
		},
		Refused: func(key, reason string) { refused[key] = reason },
	}
	rep, err := b.Run(context.Background())
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	why := "unreadable: reached through a symbolic link that leads out of " + back
	want := map[string]string{filepath.Join(back, "abs", "z.txt"): why, filepath.Join(back, "rel", "y.txt"): why}
	if rep.Total != 4 || rep.Sent != 2 || !reflect.DeepEqual(refused, want) {
		t.Errorf("report %+v, refused %v; want 4 items, 2 sent, the two through links refused: %q", rep, refused, why)
	}
}

// A file over the size limit is refused before it is read: it was read
// whole, only for the publisher to refuse it then, and a 2 GB recording in
// an archive took the backfill to 4.6 GB of memory (several at once ran it
// out). The sparse file here is 1 GiB; the job may read at most the limit.
func TestBackfillRefusesHugeFileUnread(t *testing.T) {
	_, js := natstest.Start(t, "backfill-huge")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("an ordinary memo"), 0o644); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "recording.bin")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 1<<30); err != nil {
		t.Fatal(err)
	}
	src := DirSource{Dir: dir, MaxBytes: 1 << 20}
	if _, err := src.Load(context.Background(), huge); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("load: %v, want ErrTooLarge", err)
	}
	refused := map[string]string{}
	b := &Backfill{JS: js, Pub: &Publisher{JS: js, MaxBytes: 1 << 20}, Source: src, Job: "huge", Concurrency: 1,
		Refused: func(key, reason string) { refused[filepath.Base(key)] = reason }}
	rep, err := b.Run(context.Background())
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	want := map[string]string{"recording.bin": "1073741824 bytes over the 1048576 limit: document too large"}
	if rep.Sent != 1 || rep.Refused != 1 || !reflect.DeepEqual(refused, want) {
		t.Errorf("report %+v, refused %v; want a.txt sent and %v", rep, refused, want)
	}
}

// An object deleted from the bucket after the listing (by a user, or by a
// watched bucket's after_ingest) is refused with why, as a file removed
// from a folder is, and the job goes on. It ended the job with "object not
// found", and the objects after it were never sent.
func TestBackfillBucketObjectDeletedSinceListing(t *testing.T) {
	_, js := natstest.Start(t, "backfill-bucket-gone")
	ctx := context.Background()
	st, err := js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: "archive"})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"a.txt": "first memo", "b.txt": "second memo", "c.txt": "third memo"} {
		if _, err := st.PutString(ctx, name, text); err != nil {
			t.Fatal(err)
		}
	}
	refused := map[string]string{}
	b := &Backfill{JS: js, Pub: &Publisher{JS: js}, Source: BucketSource{JS: js, Name: "archive"}, Job: "bucket-gone", Concurrency: 1,
		OnStart: func(int, int) {
			if err := st.Delete(ctx, "b.txt"); err != nil {
				t.Error(err)
			}
		},
		Refused: func(key, reason string) { refused[key] = reason },
	}
	rep, err := b.Run(ctx)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	want := map[string]string{"b.txt": "unreadable: deleted since the listing"}
	if rep.Total != 3 || rep.Sent != 2 || rep.Refused != 1 || !reflect.DeepEqual(refused, want) {
		t.Errorf("report %+v, refused %v; want 3 items, 2 sent, %v", rep, refused, want)
	}
}

// A job interrupted after it refused a file and then resumed still
// reports that file: the resumed run alone refused nothing, and its exit
// status said the whole archive was on its way.
func TestBackfillResumeKeepsRefused(t *testing.T) {
	_, js := natstest.Start(t, "backfill-resume-refused")
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "", "b.txt": "second memo", "c.txt": "third memo", "d.txt": "fourth memo"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	first := &Backfill{JS: js, Pub: &Publisher{JS: js}, Source: DirSource{Dir: dir}, Job: "resume-refused", Concurrency: 1,
		// stop after the first window (a.txt, refused) was checkpointed
		Progress: func(done, _ int) {
			if done == 1 {
				cancel()
			}
		}}
	rep, err := first.Run(ctx)
	if !errors.Is(err, context.Canceled) || rep.Refused != 1 {
		t.Fatalf("first run: %+v, %v; want a.txt refused, then canceled", rep, err)
	}
	second := &Backfill{JS: js, Pub: &Publisher{JS: js}, Source: DirSource{Dir: dir}, Job: "resume-refused", Concurrency: 1}
	rep, err = second.Run(context.Background())
	if err != nil {
		t.Fatalf("resumed run: %v", err)
	}
	if rep.Resumed != 1 || rep.Sent != 3 || rep.Refused != 0 {
		t.Errorf("resumed run %+v, want resumed at 1, 3 sent, none refused in this run", rep)
	}
	if rep.RefusedBefore != 1 || len(rep.RefusedBeforeKeys) != 1 || filepath.Base(rep.RefusedBeforeKeys[0]) != "a.txt" {
		t.Errorf("refused before the resume: %d %v, want 1, a.txt", rep.RefusedBefore, rep.RefusedBeforeKeys)
	}
}

// What the listing leaves out by name (a hidden file, an Office lock
// file, a hidden folder as one entry) is counted and named in the report,
// outside the items: it was left out unsaid, and an archive's items did
// not add up to its files.
func TestBackfillReportsWhatItLeavesOut(t *testing.T) {
	_, js := natstest.Start(t, "backfill-left-out")
	dir := t.TempDir()
	for name, text := range map[string]string{"memo.txt": "quarterly audit memo", ".notes.txt": "hidden notes",
		"~$lease.docx": "lock", ".git/HEAD": "ref: refs/heads/main", ".git/config": "[core]"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b := &Backfill{JS: js, Pub: &Publisher{JS: js}, Source: DirSource{Dir: dir}, Job: "left-out", Concurrency: 1}
	rep, err := b.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, ".git") + string(filepath.Separator), filepath.Join(dir, ".notes.txt"), filepath.Join(dir, "~$lease.docx")}
	if rep.Total != 1 || rep.Sent != 1 || rep.LeftOut != 3 || !reflect.DeepEqual(rep.LeftOutKeys, want) {
		t.Errorf("report %+v, want 1 item sent and %v left out", rep, want)
	}
}

// A second run of a job while the first runs is refused, naming the
// holder: both had gone through the archive on one checkpoint, each
// reporting the other's place ("resumed at 44") as its own. Once the
// first ends, or when its lease is stale (the run was killed), a run
// takes the job.
func TestBackfillJobRunsOnce(t *testing.T) {
	_, js := natstest.Start(t, "backfill-once")
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("memo "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	inFirst, release := make(chan struct{}), make(chan struct{})
	first := &Backfill{JS: js, Pub: &Publisher{JS: js}, Source: DirSource{Dir: dir}, Job: "once", Concurrency: 1,
		Progress: func(done, _ int) {
			if done == 1 {
				close(inFirst)
				<-release
			}
		}}
	firstDone := make(chan error, 1)
	go func() { _, err := first.Run(ctx); firstDone <- err }()
	<-inFirst
	second := &Backfill{JS: js, Pub: &Publisher{JS: js}, Source: DirSource{Dir: dir}, Job: "once", Concurrency: 1}
	if _, err := second.Run(ctx); !errors.Is(err, ErrJobRunning) || !strings.Contains(err.Error(), "pid") {
		t.Errorf("second run while the first runs: %v, want ErrJobRunning naming the holder", err)
	}
	close(release)
	if err := <-firstDone; err != nil {
		t.Fatalf("first run: %v", err)
	}
	if _, err := second.Run(ctx); err != nil {
		t.Errorf("a run after the first ended: %v", err)
	}
	// a stale lease (its run killed) is taken over
	kv, err := js.KeyValue(ctx, BackfillBucket)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := json.Marshal(lease{Owner: "gone pid 1", At: time.Now().Add(-2 * leaseStale)})
	if _, err := kv.Put(ctx, leaseKey("once"), old); err != nil {
		t.Fatal(err)
	}
	if _, err := second.Run(ctx); err != nil {
		t.Errorf("a run after a killed one: %v", err)
	}
	if _, err := kv.Get(ctx, leaseKey("once")); !errors.Is(err, jetstream.ErrKeyNotFound) {
		t.Errorf("lease left behind after the run: %v", err)
	}
}
