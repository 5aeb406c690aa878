package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/natstest"
)

// A backfill pointed at the wrong server must say which address it tried
// and how to name the right one, not only "connection refused".
func TestStoredViaNamesTheServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := "http://" + l.Addr().String()
	l.Close() // nothing listens there now
	_, err = storedVia(addr, "")(context.Background(), strings.Repeat("a", 64))
	if err == nil || !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "--server") {
		t.Fatalf("error %v, want one naming %s and --server", err, addr)
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/known") {
			w.Write([]byte(`{"model":{"name":"docmill-mini","version":"0.2.0+free.1.5.0"}}`))
			return
		}
		if strings.HasSuffix(r.URL.Path, "/refused") { // as web answers for a dead-lettered document
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"error":"get refused: document not found","failed":"parse junk.bin: unsupported or binary content"}`))
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	if v, err := storedVia(srv.URL, "tok")(context.Background(), "known"); err != nil || v != "docmill-mini@0.2.0+free.1.5.0" {
		t.Errorf("stored %q, %v", v, err)
	}
	if v, err := storedVia(srv.URL, "tok")(context.Background(), "absent"); err != nil || v != "" {
		t.Errorf("absent: %q, %v", v, err)
	}
	// a document the pipeline refused is not sent again by a backfill
	if v, err := storedVia(srv.URL, "tok")(context.Background(), "refused"); v != "" || !errors.Is(err, connectors.ErrDeadLettered) || !strings.Contains(err.Error(), "junk.bin") {
		t.Errorf("dead-lettered: %q, %v", v, err)
	}
	// the server's token is sent (--auth-token); without it, 401 says so
	// and names the flag
	if _, err := storedVia(srv.URL, "")(context.Background(), "known"); err == nil || !strings.Contains(err.Error(), "401") || !strings.Contains(err.Error(), "--auth-token") {
		t.Errorf("without the token: %v", err)
	}
}

// docmill backfill --wait follows what it sent to the index: it counts the
// indexed documents without listing them, names the dead-lettered one with
// its reason, fails because of it, and leaves each document searchable
// when it returns. Run again, it sends nothing and has nothing to wait for.
func TestBackfillWait(t *testing.T) {
	s := startServe(t)
	dir := t.TempDir()
	files := map[string]string{
		"a/terms.txt":      "The Supplier shall deliver the goods by 1 March 2027. This Agreement is governed by the laws of England.",
		"b/terms-copy.txt": "The Supplier shall deliver the goods by 1 March 2027. This Agreement is governed by the laws of England.",
		"memo.txt":         "Memo: the quarterly supplier review found two late deliveries and one invoice dispute.",
		"minutes.txt":      "Minutes of the board: the archive migration finished and the retention policy was approved.",
		"broken.pdf":       "%PDF-1.7\nthis is no PDF body at all",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(from ...string) (string, string, error) {
		if from == nil {
			from = []string{dir}
		}
		return execute(backfillCmd(), "--nats", s.NATSURL(), "--server", s.HTTPURL(), "--from", from[0], "--wait", "--wait-timeout", "90s")
	}
	out, errOut, err := run()
	if err == nil || !strings.Contains(err.Error(), "1 dead-lettered") {
		t.Errorf("backfill --wait with a broken PDF: %v, want 1 dead-lettered\n%s", err, errOut)
	}
	if !strings.Contains(out, "failed   "+docPrefix(files["broken.pdf"])) || !strings.Contains(out, "broken.pdf  parse broken.pdf: corrupt") || strings.Contains(out, "indexed  ") {
		t.Errorf("output should list the failure alone:\n%s", out)
	}
	if !strings.Contains(errOut, "3 indexed, 1 dead-lettered, 0 still waiting") {
		t.Errorf("summary (three documents: the copy is one of them):\n%s", errOut)
	}
	for _, q := range []string{`"quarterly supplier review"`, `"retention policy"`, `"laws of England"`} {
		if res, err := s.Index().Search(context.Background(), index.Query{Q: q}); err != nil || res.Total != 1 {
			t.Errorf("%s not searchable after --wait: %+v %v", q, res, err)
		}
	}
	// again: what is indexed is skipped and the dead letter is left
	// alone, so nothing is awaited and nothing new fails; the exit status
	// still says the archive holds a file that is not indexed
	_, errOut, err = run()
	if err == nil || err.Error() != "1 dead-lettered before" || !strings.Contains(errOut, "0 indexed, 0 dead-lettered, 0 still waiting") {
		t.Errorf("second run: %v\n%s", err, errOut)
	}
	// through a link to the folder: the same job and the same items (the
	// walk did not follow a linked root and found nothing, silently)
	link := filepath.Join(t.TempDir(), "archive")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "new.txt"), []byte("Notice: the lease of the Leeds office ends in June."), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, err = run(link)
	if err == nil || err.Error() != "1 dead-lettered before" || !strings.Contains(errOut, "1 indexed, 0 dead-lettered, 0 still waiting") {
		t.Errorf("through a link, with a file added: %v\n%s", err, errOut)
	}
}

// Flags that make no job are refused with what is wrong, before anything
// is sent: a negative rate, no document in flight, a --since that is no
// date (Go's "parsing time ... as 2006-01-02" was the message), a
// negative --wait-timeout.
func TestBackfillRefusesBadFlags(t *testing.T) {
	dir := t.TempDir()
	for args, want := range map[string]string{
		"--rate -1":       "--rate",
		"--concurrency 0": "--concurrency",
		"--since garbage": `"garbage" is not a date`,
		// a negative timeout was taken: "2 not indexed within -1s"
		"--wait --wait-timeout -1s": "--wait-timeout -1s",
		// a bucket or stream has no sub-folders to name sources
		"--from bucket:logs --source-from-folder": "--source-from-folder",
	} {
		cmd := backfillCmd()
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		cmd.SetArgs(append([]string{"--nats", "nats://127.0.0.1:1", "--from", dir}, strings.Fields(args)...))
		if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an error naming %s", args, err, want)
		}
	}
}

// A file backfill cannot read is counted as refused and named with why;
// what was sent is still waited for, and the exit status says a file was
// refused. The summary once said "0 refused" with the error after it, and
// the wait was skipped.
func TestBackfillWaitPastUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		// root reads any file; connectors' TestBackfillRefusesUnreadableFiles
		// covers a file gone before its turn, which stops root too
		t.Skip("running as root: no file is unreadable")
	}
	s := startServe(t)
	dir := t.TempDir()
	for i := 1; i <= 3; i++ {
		text := fmt.Sprintf("Change request number %d for firewall rule FW%d99.", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c-%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(dir, "c-2.txt"), 0); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := execute(backfillCmd(), "--nats", s.NATSURL(), "--server", s.HTTPURL(), "--from", dir, "--wait", "--wait-timeout", "90s")
	if err == nil || err.Error() != "1 refused" {
		t.Errorf("error %v, want 1 refused\n%s", err, errOut)
	}
	for _, want := range []string{"refused " + filepath.Join(dir, "c-2.txt") + ": permission denied", "3 items, 2 sent", "1 refused",
		"2 indexed, 0 dead-lettered, 0 still waiting"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("standard error lacks %q:\n%s", want, errOut)
		}
	}
}

// A bucket or stream that is not there is said so before the job starts:
// a summary of a job of nothing ("0 items, 0 sent ...") came first.
func TestBackfillFromMissingSource(t *testing.T) {
	url, _, _ := natstest.Listening(t, "backfill-missing-source")
	for from, want := range map[string]string{
		"bucket:nope": `no object store bucket "nope"`,
		"stream:NOPE": `no stream "NOPE"`,
	} {
		_, errOut, err := execute(backfillCmd(), "--nats", url, "--server", "http://127.0.0.1:1", "--from", from)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an error saying %s", from, err, want)
		}
		if strings.Contains(errOut, "items") {
			t.Errorf("%s: a job summed up before the error:\n%s", from, errOut)
		}
	}
}

// A backfill rides out a restart of the server it asks: the first lookup
// after an indexer went down ended the whole backfill ("EOF", "connection
// refused"), though the indexer was back seconds later.
func TestStoredViaWaitsForRestartedServer(t *testing.T) {
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"model":{"name":"docmill-mini","version":"0.2.0"}}`))
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	first := &http.Server{Handler: handler}
	go first.Serve(l)
	stored := storedVia("http://"+addr, "")
	if v, err := stored(context.Background(), "a"); err != nil || v != "docmill-mini@0.2.0" {
		t.Fatalf("before the restart: %q, %v", v, err)
	}
	first.Close() // the indexer goes down...
	back := make(chan *http.Server, 1)
	go func() {
		time.Sleep(1500 * time.Millisecond) // ...and comes back on its address
		l, err := net.Listen("tcp", addr)
		if err != nil {
			back <- nil
			return
		}
		s := &http.Server{Handler: handler}
		back <- s
		s.Serve(l)
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	v, err := stored(ctx, "b")
	if s := <-back; s != nil {
		defer s.Close()
	} else {
		t.Skip("the address was taken meanwhile")
	}
	if err != nil || v != "docmill-mini@0.2.0" {
		t.Errorf("across the restart: %q, %v", v, err)
	}
}

// The summary says what the listing left out by name, naming the first
// few: a hidden file or a ".git" in an archive was in no count.
func TestBackfillNotesWhatItLeftOut(t *testing.T) {
	many := make([]string, 7)
	for i := range many {
		many[i] = fmt.Sprintf("/a/.h%d", i)
	}
	for _, c := range []struct {
		name string
		rep  connectors.BackfillReport
		want string
	}{
		{"nothing", connectors.BackfillReport{}, ""},
		{"two", connectors.BackfillReport{LeftOut: 2, LeftOutKeys: []string{"/a/.git/", "/a/~$lease.docx"}},
			"2 left out by name, not sent (hidden files and folders, partial downloads, lock files): /a/.git/, /a/~$lease.docx"},
		{"many", connectors.BackfillReport{LeftOut: 30, LeftOutKeys: many},
			"30 left out by name, not sent (hidden files and folders, partial downloads, lock files): /a/.h0, /a/.h1, /a/.h2, /a/.h3, /a/.h4, and 25 more"},
	} {
		if got := leftOutNote(c.rep); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// A --wait run that resumes an interrupted one names the documents the
// earlier runs sent and the pipeline dead-lettered since: it waited only
// for its own sends and looked up only the items after the checkpoint, so
// a file that failed before the interrupt was in no count and the
// resumed job could end with exit status 0.
func TestBackfillEarlierDeadLetters(t *testing.T) {
	dls := []connectors.DeadLetter{
		{ID: "a1", Meta: map[string]string{"backfill": "job-1", "path": "2016/broken-33.docx"}}, // before the checkpoint
		{ID: "b2", Meta: map[string]string{"backfill": "job-1"}},                                // met by this run
		{ID: "c3", Meta: map[string]string{"backfill": "job-2"}},                                // another job's
		{ID: "d4"}, // an ingest's
		{ID: "a1", Meta: map[string]string{"backfill": "job-1"}}, // failed twice: one document
	}
	got := earlierDeadLetters(dls, "job-1", map[string]bool{"b2": true})
	if len(got) != 1 || got[0].ID != "a1" || got[0].Meta["path"] != "2016/broken-33.docx" {
		t.Errorf("earlier dead letters %+v, want a1 alone", got)
	}
}
