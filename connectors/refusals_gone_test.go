package connectors

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/docmill/docmill/internal/natstest"
)

// listed reports whether the page (Recent) lists a refusal of name in dir.
func listed(ctx context.Context, rs *Refusals, dir, name string) bool {
	for _, r := range rs.Recent(ctx) {
		if r.Where == dir && r.Name == name {
			return true
		}
	}
	return false
}

// A refused file removed from its folder leaves the dead-letters page at
// the next scan: there is nothing left to act on, and it was listed for a
// week.
func TestRefusalOfRemovedFileIsDropped(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	dir := t.TempDir()
	f := handFolder(t, js, seen, dir)
	f.Refused = &Refusals{}
	if err := f.Refused.Keep(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f.scan(ctx)
	f.scan(ctx)
	if !listed(ctx, f.Refused, dir, "empty.txt") {
		t.Fatal("empty.txt not refused")
	}
	if err := os.Remove(filepath.Join(dir, "empty.txt")); err != nil {
		t.Fatal(err)
	}
	f.scan(ctx)
	if listed(ctx, f.Refused, dir, "empty.txt") {
		t.Error("empty.txt still listed as refused after it was removed from the folder")
	}
	var reader Refusals // another process's page
	if err := reader.Keep(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	if listed(ctx, &reader, dir, "empty.txt") {
		t.Error("empty.txt still in the bucket after it was removed from the folder")
	}
}

// A watcher that starts drops the refusals of its folder's files removed
// while no watcher ran, and keeps those of files still there.
func TestWatcherStartDropsRefusalsOfFilesGone(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	dir := t.TempDir()
	var before Refusals
	if err := before.Keep(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	before.add(Refusal{Source: "folder", Where: dir, Name: "gone.txt", Reason: "empty file", At: time.Now()})
	before.add(Refusal{Source: "folder", Where: "/elsewhere", Name: "other.txt", Reason: "empty file", At: time.Now()})
	if err := os.WriteFile(filepath.Join(dir, "still.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	rs := &Refusals{}
	if err := rs.Keep(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	f := &Folder{Dir: dir, Source: "folder", Pub: &Publisher{JS: js}, Seen: seen, Refused: rs, Poll: 100 * time.Millisecond,
		StableFor: 50 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- f.Run(wctx) }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && !(listed(ctx, rs, dir, "still.txt") && !listed(ctx, rs, dir, "gone.txt")) {
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if listed(ctx, rs, dir, "gone.txt") {
		t.Error("gone.txt, removed while no watcher ran, still listed after its folder's watcher started")
	}
	if !listed(ctx, rs, dir, "still.txt") {
		t.Error("still.txt, in the folder, not listed")
	}
	if !listed(ctx, rs, "/elsewhere", "other.txt") {
		t.Error("a refusal of another folder was dropped")
	}
}

// The refusals of a folder no longer watched expire, while those of a
// watched folder are put again and stay.
func TestRefusalsOfUnwatchedFolderExpire(t *testing.T) {
	old := refusedFor
	refusedFor = 2 * time.Second
	t.Cleanup(func() { refusedFor = old })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	_, js := natstest.Start(t, "refusals-expire-test")
	var unwatched, watched Refusals
	for _, rs := range []*Refusals{&unwatched, &watched} {
		if err := rs.Keep(ctx, js, 1); err != nil {
			t.Fatal(err)
		}
	}
	unwatched.add(Refusal{Source: "folder", Where: "/old", Name: "a.txt", Reason: "empty file", At: time.Now()})
	watched.add(Refusal{Source: "folder", Where: "/in", Name: "b.txt", Reason: "empty file", At: time.Now()})
	for end := time.Now().Add(4 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		watched.Refresh(ctx, time.Now()) // as its watcher's scans do
	}
	if listed(ctx, &watched, "/old", "a.txt") {
		t.Error("the refusal of a folder no longer watched is still listed")
	}
	if !listed(ctx, &watched, "/in", "b.txt") {
		t.Error("the refusal of a watched folder expired")
	}
}

// A watcher with more refused files than the page lists keeps every one
// in the bucket while the files are still refused: kept to its newest
// 100, the older ones expired from the bucket (and from the page of every
// process, once newer ones were taken) while still sitting in the folder.
// A file refused again is one refusal, not two.
func TestRefusalsBeyondThePageStayWhileRefused(t *testing.T) {
	old := refusedFor
	refusedFor = 2 * time.Second
	t.Cleanup(func() { refusedFor = old })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	_, js := natstest.Start(t, "refusals-many-test")
	var rs Refusals
	if err := rs.Keep(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	n := refusalsKept + 50
	began := time.Now()
	for i := range n {
		rs.add(Refusal{Source: "folder", Where: "/in", Name: fmt.Sprintf("f%03d.txt", i), Reason: "empty file", At: began.Add(time.Duration(i) * time.Millisecond)})
	}
	rs.add(Refusal{Source: "folder", Where: "/in", Name: "f000.txt", Reason: "empty file", At: began})
	for end := time.Now().Add(4 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		rs.Refresh(ctx, time.Now()) // as its watcher's scans do
	}
	kept := 0
	for i := range n {
		if _, err := rs.kv.Get(ctx, refusalKey("/in", fmt.Sprintf("f%03d.txt", i))); err == nil {
			kept++
		}
	}
	if kept != n {
		t.Errorf("%d of %d refusals still in the bucket after %v, their files still refused", kept, n, refusedFor*2)
	}
	if got := rs.Recent(ctx); len(got) != refusalsKept {
		t.Errorf("the page lists %d, want the newest %d", len(got), refusalsKept)
	}
	rs.mu.Lock()
	own := len(rs.list)
	rs.mu.Unlock()
	if own != n {
		t.Errorf("this process keeps %d refusals of %d files", own, n)
	}
}

// A folder watched under another spelling after a restart (a trailing
// slash, then a symbolic link to it, then a relative path) is the same
// folder to the start-up clean-up: the refusal of a file removed while
// no watcher ran is dropped, and a file still refused is listed once,
// under one name.
func TestWatcherStartMatchesRefusalsUnderAnotherSpelling(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(base, "in")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(base, "link")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"gone.txt", "still.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(base)
	rs := &Refusals{}
	if err := rs.Keep(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	// run watches spelling until the page lists what ok wants
	run := func(spelling string, ok func() bool) {
		t.Helper()
		f := &Folder{Dir: spelling, Source: "folder", Pub: &Publisher{JS: js}, Seen: seen, Refused: &Refusals{}, Poll: 100 * time.Millisecond,
			StableFor: 50 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		if err := f.Refused.Keep(ctx, js, 1); err != nil {
			t.Fatal(err)
		}
		wctx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- f.Run(wctx) }()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !ok(); {
			time.Sleep(100 * time.Millisecond)
		}
		stop()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	run(dir+"/", func() bool { return listed(ctx, rs, dir, "gone.txt") && listed(ctx, rs, dir, "still.txt") })
	if !listed(ctx, rs, dir, "gone.txt") {
		t.Fatalf("the empty files are not listed under %s: %+v", dir, rs.Recent(ctx))
	}
	if err := os.Remove(filepath.Join(dir, "gone.txt")); err != nil {
		t.Fatal(err)
	}
	for _, spelling := range []string{filepath.Join(base, "link"), "./in"} {
		run(spelling, func() bool { return !listed(ctx, rs, dir, "gone.txt") && listed(ctx, rs, dir, "still.txt") })
		if listed(ctx, rs, dir, "gone.txt") {
			t.Errorf("watched as %s: gone.txt, removed while no watcher ran, still listed", spelling)
		}
		if got := rs.Recent(ctx); len(got) != 1 || got[0].Where != dir || got[0].Name != "still.txt" {
			t.Errorf("watched as %s: listed %+v, want still.txt once, in %s", spelling, got, dir)
		}
	}
}
