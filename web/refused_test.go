package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/connectors"
)

// A file the watched folder does not take (here an empty one, with an odd
// name) is listed on the dead-letters page with its reason: never
// published, it is no dead letter, and a reader of the UI who dropped it
// saw it vanish, the reason only in the server's log.
func TestDeadLettersPageListsRefusedFiles(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, js := startNATS(t)
	seen, err := connectors.OpenSeen(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	name := `Tom's "draft" <b>NDA 合同.txt`
	if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var refused connectors.Refusals
	f := &connectors.Folder{Dir: dir, Pub: &connectors.Publisher{JS: js}, Seen: seen, StableFor: 20 * time.Millisecond,
		Poll: 20 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Refused: &refused}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- f.Run(runCtx) }()
	defer func() { stop(); <-done }()
	for len(refused.Recent(ctx)) == 0 {
		if ctx.Err() != nil {
			t.Fatal("the empty file was never refused")
		}
		time.Sleep(20 * time.Millisecond)
	}
	s := newServer(t, Options{Index: openIndex(t), JS: js, Refused: &refused})
	_, page := get(t, s, "/dead-letters")
	table := between(page, `id="refused"`, "</table>")
	if !strings.Contains(table, "Tom&#39;s &#34;draft&#34; &lt;b&gt;NDA 合同.txt") || !strings.Contains(table, "empty") {
		t.Errorf("the refused file is not listed, escaped, with its reason: %q", table)
	}
	if strings.Contains(page, "The newest 0 documents") {
		t.Error("no dead letters read as \"the newest 0 documents\"")
	}
	// fixed and saved again, it is taken, and no longer listed
	if err := os.WriteFile(filepath.Join(dir, name), []byte("The Recipient shall keep the Information confidential."), 0o644); err != nil {
		t.Fatal(err)
	}
	for len(refused.Recent(ctx)) != 0 {
		if ctx.Err() != nil {
			t.Fatal("the file, taken since, is still listed as refused")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, page = get(t, s, "/dead-letters"); strings.Contains(page, `id="refused"`) {
		t.Error("the page still lists a file taken since")
	}
}

// The refused files are kept in the broker: a server that watches no
// folder (an indexer serving the UI, or this server after a restart)
// lists what another process's watcher refused, and no longer lists it
// once that watcher took the file.
func TestRefusedFilesListedByAnotherProcess(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, js := startNATS(t)
	seen, err := connectors.OpenSeen(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "empty-runbook.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	watcher := &connectors.Refusals{}
	if err := watcher.Keep(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	f := &connectors.Folder{Dir: dir, Pub: &connectors.Publisher{JS: js}, Seen: seen, StableFor: 20 * time.Millisecond,
		Poll: 20 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Refused: watcher}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- f.Run(runCtx) }()
	defer func() { stop(); <-done }()
	other := newServer(t, Options{Index: openIndex(t), JS: js})
	for {
		_, page := get(t, other, "/dead-letters")
		if strings.Contains(between(page, `id="refused"`, "</table>"), "empty-runbook.md") {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("another process's page never listed the refused file")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty-runbook.md"), []byte("Restart the payments pod when the liveness probe fails."), 0o644); err != nil {
		t.Fatal(err)
	}
	for {
		if _, page := get(t, other, "/dead-letters"); !strings.Contains(page, "empty-runbook.md") {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("the file, taken since, is still listed as refused by another process")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// denyingBroker runs a NATS server with JetStream whose one user may do
// anything but touch the stream of KV bucket bucket, and connects as it:
// a deployment whose ACLs predate the bucket.
func denyingBroker(t *testing.T, bucket string) jetstream.JetStream {
	t.Helper()
	stream := "$JS.API.STREAM.%s.KV_" + bucket
	deny := []string{fmt.Sprintf(stream, "CREATE"), fmt.Sprintf(stream, "UPDATE"), fmt.Sprintf(stream, "INFO")}
	ns, err := natsserver.NewServer(&natsserver.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(),
		NoLog: true, NoSigs: true, Users: []*natsserver.User{{Username: "docmill", Password: "pw", Permissions: &natsserver.Permissions{
			Publish: &natsserver.SubjectPermission{Allow: []string{">"}, Deny: deny}}}}})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server did not start")
	}
	t.Cleanup(ns.Shutdown)
	nc, err := nats.Connect(ns.ClientURL(), nats.UserInfo("docmill", "pw"), nats.Timeout(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc, jetstream.WithDefaultTimeout(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// A process whose NATS user may not use docmill-refused (an indexer
// serving the UI, whose ACLs predate the bucket) lists only its own
// refusals, none when it watches no folder: the page says so, and why,
// rather than read as if no watcher had refused anything.
func TestDeadLettersPageSaysRefusalsAreThisProcessOnly(t *testing.T) {
	js := denyingBroker(t, connectors.RefusedBucket)
	s := newServer(t, Options{Index: openIndex(t), JS: js})
	_, page := get(t, s, "/dead-letters")
	notice := between(page, `id="refused-here"`, "</p>")
	if notice == "" {
		t.Fatalf("the page does not say it lists this process's refusals only:\n%s", page)
	}
	if !strings.Contains(notice, "Only the files this process") || !strings.Contains(notice, connectors.RefusedBucket) {
		t.Errorf("the notice does not say whose refusals and which bucket: %q", notice)
	}
	// with the bucket, every process's refusals are listed: no notice
	_, okJS := startNATS(t)
	s = newServer(t, Options{Index: openIndex(t), JS: okJS})
	if _, page = get(t, s, "/dead-letters"); strings.Contains(page, `id="refused-here"`) {
		t.Error("the page says it lists this process's refusals only, with the bucket open")
	}
}
