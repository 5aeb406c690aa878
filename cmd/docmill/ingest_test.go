package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/spf13/cobra"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/server"
)

// startServe runs `docmill serve` (embedded NATS on a loopback port, the
// model-free tier) until the test ends.
func startServe(t *testing.T) *server.Server {
	t.Helper()
	return startServeWith(t, nil)
}

// ingestFiles writes files (name to text) into a folder and ingests it
// into s with --wait, so that each is indexed when it returns.
func ingestFiles(t *testing.T, s *server.Server, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := execute(ingestCmd(), "--nats", s.NATSURL(), "--wait", "--wait-timeout", "90s", dir); err != nil {
		t.Fatalf("ingest: %v", err)
	}
}

// startServeWith is startServe with the configuration edit makes.
func startServeWith(t *testing.T, edit func(*config.Config)) *server.Server {
	t.Helper()
	c := config.Default()
	c.Data, c.NATS.Listen, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), "127.0.0.1:-1", "127.0.0.1:0", true
	c.Pipeline.MaxDeliver = 1
	if edit != nil {
		edit(c)
	}
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan *server.Server, 1)
	done := make(chan error, 1)
	go func() {
		done <- server.Run(ctx, server.Options{Config: c, Role: server.RoleServe, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
			Started: func(s *server.Server) { started <- s }})
	}()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case s := <-started:
		return s
	case err := <-done:
		done <- err
		t.Fatalf("serve: %v", err)
	case <-time.After(time.Minute):
		t.Fatal("serve did not start")
	}
	return nil
}

// docmill ingest --wait reports each document as it is indexed or
// dead-lettered (with the reason), fails when any was, and does not wait
// for a copy the stream drops as a duplicate.
func TestIngestWait(t *testing.T) {
	s := startServe(t)
	dir := t.TempDir()
	files := map[string]string{
		"terms.txt":      "The Supplier shall deliver the goods by 1 March 2027. This Agreement is governed by the laws of England.",
		"terms-copy.txt": "The Supplier shall deliver the goods by 1 March 2027. This Agreement is governed by the laws of England.",
		"memo.txt":       "Memo: the quarterly supplier review found two late deliveries and one invoice dispute.",
		"broken.pdf":     "%PDF-1.7\nthis is no PDF body at all",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) (string, string, error) {
		return execute(ingestCmd(), append([]string{"--nats", s.NATSURL(), "--wait", "--wait-timeout", "90s"}, args...)...)
	}
	out, errOut, err := run(dir)
	if err == nil || !strings.Contains(err.Error(), "1 dead-lettered") {
		t.Errorf("ingest --wait with a broken PDF: %v, want 1 dead-lettered\n%s", err, errOut)
	}
	for _, want := range []string{"indexed  " + docPrefix(files["memo.txt"]), "terms-copy.txt  contract/", "failed   ", "broken.pdf  parse broken.pdf: corrupt"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "indexed  "); n != 2 {
		t.Errorf("%d documents reported indexed, want 2 (terms and memo; the copy is one document):\n%s", n, out)
	}
	if !strings.Contains(errOut, "2 indexed, 1 dead-lettered, 0 still waiting") {
		t.Errorf("summary:\n%s", errOut)
	}
	// indexed means searchable now
	if res, err := s.Index().Search(context.Background(), index.Query{Q: `"quarterly supplier review"`}); err != nil || res.Total != 1 {
		t.Errorf("memo not searchable after --wait: %+v %v", res, err)
	}
	// sent again at once: duplicates, nothing to wait for, no error
	out, _, err = run(filepath.Join(dir, "memo.txt"))
	if err != nil || !strings.Contains(out, "not analysed again") {
		t.Errorf("duplicate ingest --wait: %v\n%s", err, out)
	}
}

// A path that cannot be read (missing, no permission) is refused with its
// reason and counted, and the files after it are still sent, summed up and
// waited for; the exit status then says files were refused. The first bad
// path once ended the run: the files after it were never sent, and there
// was neither summary nor wait.
func TestIngestGoesOnPastBadPaths(t *testing.T) {
	s := startServe(t)
	dir := t.TempDir()
	for name, text := range map[string]string{
		"c-1.txt": "Change request number 1 for firewall rule FW199.",
		"c-2.txt": "Change request number 2 for firewall rule FW299.",
		"c-3.txt": "Change request number 3 for firewall rule FW399.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "nope")
	args := []string{"--nats", s.NATSURL(), "--wait", "--wait-timeout", "90s", missing, dir}
	unreadable, why, sent := filepath.Join(dir, "c-2.txt"), "permission denied", 2
	if os.Geteuid() == 0 {
		// root reads any file; /proc/self/mem is a regular file whose
		// reading fails for root too (nothing is mapped at offset 0)
		if _, err := os.Stat("/proc/self/mem"); err != nil {
			t.Skip("running as root, and no /proc/self/mem to stand for an unreadable file")
		}
		unreadable, why, sent = "/proc/self/mem", "input/output error", 3
		args = append(args[:len(args)-1], unreadable, dir)
	} else if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := execute(ingestCmd(), args...)
	if err == nil || !strings.Contains(err.Error(), "2 files refused") {
		t.Errorf("error %v, want 2 files refused\n%s", err, errOut)
	}
	for _, want := range []string{
		"refused " + missing + ": no such file or directory",
		"refused " + unreadable + ": " + why,
		fmt.Sprintf("published %d documents (0 duplicates", sent),
		fmt.Sprintf("%d indexed, 0 dead-lettered, 0 still waiting", sent),
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("standard error lacks %q:\n%s", want, errOut)
		}
	}
	if n := strings.Count(out, "indexed  "); n != sent {
		t.Errorf("%d documents indexed, want %d:\n%s", n, sent, out)
	}
	if res, err := s.Index().Search(context.Background(), index.Query{Q: "FW399"}); err != nil || res.Total != 1 {
		t.Errorf("the file after the bad paths was not indexed: %+v %v", res, err)
	}
}

// A negative --wait-timeout is refused before anything is sent: it was
// taken, and the wait reported "2 not indexed within -1s".
func TestIngestRefusesNegativeWaitTimeout(t *testing.T) {
	if _, _, err := execute(ingestCmd(), "--nats", "nats://127.0.0.1:1", "--wait", "--wait-timeout", "-1s", t.TempDir()); err == nil || !strings.Contains(err.Error(), "--wait-timeout -1s") {
		t.Errorf("--wait-timeout -1s: %v, want it refused", err)
	}
}

// docPrefix is the short id ingest prints for a document of text.
// execute runs cmd with args as its command line and returns what it
// printed on standard output and standard error.
func execute(cmd *cobra.Command, args ...string) (stdout, stderr string, err error) {
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(args)
	err = cmd.Execute()
	return out.String(), errOut.String(), err
}

func docPrefix(text string) string { return document.ID([]byte(text))[:12] }

// A result alone is not "indexed": the document must also have left the
// processing bucket, which the indexers empty once it is in the index.
func TestIngestWaitConfirmsIndexing(t *testing.T) {
	ctx := context.Background()
	nc, js := natstest.Start(t, "ingest-wait")
	w, err := newIngestWait(ctx, nc, js)
	if err != nil {
		t.Fatal(err)
	}
	id := document.ID([]byte("memo"))
	w.expect(id, "memo.txt")
	if _, err := w.proc.Start(ctx, id, time.Now()); err != nil {
		t.Fatal(err)
	}
	m := nats.NewMsg(broker.SubjectResults + ".other")
	m.Header.Set(pipeline.HeaderID, id)
	m.Data = []byte(`{"id":"` + id + `","class":"other"}`)
	if err := nc.PublishMsg(m); err != nil {
		t.Fatal(err)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	var c waitCounts
	waitFor := func(d time.Duration, cond func() bool) bool {
		for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if cond() {
				return true
			}
		}
		return false
	}
	if waitFor(time.Second, func() bool { return w.report(ctx, &out, &c) > 0 }) {
		t.Fatalf("reported before it left the processing bucket: %s", out.String())
	}
	if err := w.proc.Done(ctx, id); err != nil {
		t.Fatal(err)
	}
	if !waitFor(5*time.Second, func() bool { return w.report(ctx, &out, &c) > 0 }) || !strings.Contains(out.String(), "indexed  "+id[:12]+"  memo.txt  other") {
		t.Fatalf("once indexed: %q", out.String())
	}
}

// A copy not sent because the same content is on its way already (a
// backfill's send, an earlier ingest) is waited for too, until it leaves
// the processing bucket, whose result may have gone by before the wait
// listened: a wait that dropped it ended "0/0 done" with success while the
// document was still queued.
func TestIngestWaitFollowsAnEarlierSend(t *testing.T) {
	ctx := context.Background()
	nc, js := natstest.Start(t, "ingest-wait-earlier")
	w, err := newIngestWait(ctx, nc, js)
	if err != nil {
		t.Fatal(err)
	}
	indexed, failed := document.ID([]byte("memo")), document.ID([]byte("broken"))
	for _, id := range []string{indexed, failed} {
		if _, err := w.proc.Start(ctx, id, time.Now()); err != nil { // the earlier send
			t.Fatal(err)
		}
		w.expect(id, id[:4]+".txt")
		w.settle(id, false)
	}
	gone := document.ID([]byte("indexed long ago"))
	w.expect(gone, "old.txt")
	w.settle(gone, false) // a duplicate of nothing on its way: nothing to wait for
	var out bytes.Buffer
	var c waitCounts
	if n := w.report(ctx, &out, &c); n != 0 {
		t.Fatalf("reported while on its way: %s", out.String())
	}
	kv, err := js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: server.FailedBucket})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Put(ctx, failed, []byte(`{"reason":"parse broken.pdf: corrupt"}`)); err != nil {
		t.Fatal(err)
	}
	if err := w.proc.Done(ctx, indexed, failed); err != nil {
		t.Fatal(err)
	}
	w.report(ctx, &out, &c)
	if c.indexed != 1 || c.failed != 1 || !strings.Contains(out.String(), "parse broken.pdf: corrupt") {
		t.Errorf("counts %+v, output:\n%s", c, out.String())
	}
	// a copy of a document dead-lettered before, no longer on its way,
	// fails as it did
	again := document.ID([]byte("broken again"))
	if _, err := kv.Put(ctx, again, []byte(`{"reason":"parse again.pdf: corrupt"}`)); err != nil {
		t.Fatal(err)
	}
	w.expect(again, "again.pdf")
	w.settle(again, false)
	w.report(ctx, &out, &c)
	if c.failed != 2 || !strings.Contains(out.String(), "again.pdf  parse again.pdf: corrupt") {
		t.Errorf("a copy of a dead-lettered document: counts %+v, output:\n%s", c, out.String())
	}
	if _, ok := w.expected[gone]; ok {
		t.Error("a duplicate of nothing on its way is waited for")
	}
}

// serve --ingest sends the sample folders once the server is up, listing
// each file, and says how many it sent from each folder.
func TestIngestAtStart(t *testing.T) {
	s := startServe(t)
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "The Supplier shall deliver the goods.", "b.txt": "The Buyer shall pay within 30 days."} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, log bytes.Buffer
	ingestAtStart(context.Background(), s, []string{dir, filepath.Join(dir, "missing")}, &out, &log)
	if strings.Count(out.String(), "\n") != 2 || !strings.Contains(log.String(), "ingested 2 files from "+dir) ||
		!strings.Contains(log.String(), "refused "+filepath.Join(dir, "missing")+": no such file or directory") ||
		!strings.Contains(log.String(), "ingested 0 files from "+filepath.Join(dir, "missing")+" (0 duplicates of the last 10 minutes, 1 refused)") {
		t.Errorf("out:\n%s\nlog:\n%s", out.String(), log.String())
	}
}

// Two files of one content are one document, sent at once by a backfill:
// whichever send the stream stored, the document is waited for; it is
// forgotten only when no send was stored. (The first to start being the
// duplicate once made --wait forget a document that was on its way.)
func TestIngestWaitCopiesSentAtOnce(t *testing.T) {
	w := &ingestWait{expected: map[string]string{}, sending: map[string]int{}, sent: map[string]struct{}{}}
	for _, tc := range []struct {
		name   string
		stored []bool // settle order
		want   bool
	}{
		{"first started is the duplicate", []bool{false, true}, true},
		{"second is the duplicate", []bool{true, false}, true},
		{"both dropped", []bool{false, false}, false},
		{"one copy, refused", []bool{false}, false},
	} {
		id := document.ID([]byte(tc.name))
		for range tc.stored {
			w.expect(id, tc.name)
		}
		for _, ok := range tc.stored {
			w.settle(id, ok)
		}
		if _, got := w.expected[id]; got != tc.want {
			t.Errorf("%s: expected %v, want %v", tc.name, got, tc.want)
		}
	}
	if len(w.sending) != 0 {
		t.Errorf("sends left unsettled: %v", w.sending)
	}
}

// A folder's backfill job is one job however the folder is written, so an
// interrupted run resumes when it is written otherwise.
func TestBackfillJobNameByFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("ea30", 0o755); err != nil {
		t.Fatal(err)
	}
	a := jobName("ea30", "", false, "")
	for _, other := range []string{"./ea30", "ea30/", filepath.Join(dir, "ea30")} {
		if b := jobName(other, "", false, ""); b != a {
			t.Errorf("%s: job %s, %s for ea30", other, b, a)
		}
	}
	if jobName("bucket:ea30", "", false, "") == a || jobName("ea30", "2024-01-01", false, "") == a {
		t.Error("another source or another --since is the same job")
	}
}

// A folder swapped for a link out of the folder being ingested, between
// the walk's listing and the reading of a file in it, is not followed:
// the file is refused with why. It was read by path, and the file outside
// ingested (security review, finding 5).
func TestIngestRefusesFileThroughSwappedFolder(t *testing.T) {
	_, js := natstest.Start(t, "ingest-swap")
	dir := t.TempDir()
	back, outside := filepath.Join(dir, "back"), filepath.Join(dir, "outside")
	for p, text := range map[string]string{
		filepath.Join(back, "a.txt"):        "ordinary archive memo",
		filepath.Join(back, "sub", "z.txt"): "decoy inside the archive",
		filepath.Join(outside, "z.txt"):     "OUTSIDE-SECRET not in the archive",
	} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sub := filepath.Join(back, "sub")
	beforeIngestRead = func(p string) {
		if p == filepath.Join(sub, "z.txt") {
			if err := os.Rename(sub, sub+".orig"); err != nil {
				t.Error(err)
			}
			if err := os.Symlink(outside, sub); err != nil {
				t.Error(err)
			}
		}
	}
	defer func() { beforeIngestRead = nil }()
	var out, errOut bytes.Buffer
	c := ingestCounts{out: &out, errOut: &errOut}
	if err := ingestPath(context.Background(), &connectors.Publisher{JS: js}, back, "test", "", &c); err != nil {
		t.Fatal(err)
	}
	want := "refused " + filepath.Join(sub, "z.txt") + ": reached through a symbolic link that leads out of " + back
	if c.published != 1 || c.refused != 1 || !strings.Contains(errOut.String(), want) {
		t.Errorf("published %d, refused %d, want 1 and 1 with %q:\n%s", c.published, c.refused, want, errOut.String())
	}
}

// serve --ingest names each folder's files after the folder, not
// "samples": an exported register showed every document from "samples",
// and the logs of unrelated folders shared one store of templates.
func TestIngestSourceIsTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "contracts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "lease.txt")
	if err := os.WriteFile(file, []byte("The Tenant shall pay rent."), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{dir: "contracts", dir + "/": "contracts", file: "contracts", "/": "cli"} {
		if got := ingestSource(path); got != want {
			t.Errorf("ingestSource(%q) = %q, want %q", path, got, want)
		}
	}
}

// ingest counts in the singular where there is one: it said "published 1
// documents (1 duplicates ...)" and "1 files refused".
func TestIngestCountsOneInTheSingular(t *testing.T) {
	s := startServe(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "one.txt")
	if err := os.WriteFile(file, []byte("Change request number 7 for firewall rule FW777."), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := execute(ingestCmd(), "--nats", s.NATSURL(), "--wait", "--wait-timeout", "90s", file)
	if err != nil || !strings.Contains(errOut, "published 1 document (0 duplicates of") {
		t.Errorf("one file: %v, want \"published 1 document (0 duplicates\":\n%s", err, errOut)
	}
	_, errOut, err = execute(ingestCmd(), "--nats", s.NATSURL(), file, filepath.Join(dir, "nope"))
	if !strings.Contains(errOut, "published 0 documents (1 duplicate of") {
		t.Errorf("the same file again: want \"published 0 documents (1 duplicate of\":\n%s", errOut)
	}
	if err == nil || err.Error() != "1 file refused" {
		t.Errorf("a missing path: %v, want \"1 file refused\"", err)
	}
}
