package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/modeltest"
	"github.com/docmill/docmill/web"
)

func storedIn(ix *index.Index) connectors.Stored {
	return func(ctx context.Context, id string) (string, error) {
		r, err := ix.Get(ctx, id)
		if errors.Is(err, index.ErrNotFound) {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		return r.Model.Name + "@" + r.Model.Version, nil
	}
}

func TestBackfillResumesSkipsAndReprocessesStale(t *testing.T) {
	h := startWith(t, t.TempDir(), swappable) // the model-free tier, swapped to the tiny model later
	ctx := context.Background()
	archive := t.TempDir()
	const n = 40
	for i := 0; i < n; i++ {
		body := fmt.Sprintf("Archived memo %d about vendor onboarding, invoices and the quarterly supplier review %d.", i, i*31)
		if err := os.WriteFile(filepath.Join(archive, fmt.Sprintf("memo-%02d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	newJob := func(name string) *connectors.Backfill {
		return &connectors.Backfill{JS: h.srv.JetStream(), Pub: h.srv.Publisher(), Source: connectors.DirSource{Dir: archive},
			Job: name, Stored: storedIn(h.srv.Index()), Concurrency: 4}
	}
	// An interrupted job: cancel after 3 windows of progress.
	cctx, cancel := context.WithCancel(ctx)
	b := newJob("archive")
	b.Progress = func(done, total int) {
		if done >= 12 {
			cancel()
		}
	}
	rep, err := b.Run(cctx)
	if !errors.Is(err, context.Canceled) && err != nil {
		t.Fatalf("interrupted run: %v", err)
	}
	first := rep.Sent
	if first == 0 || first >= n {
		t.Fatalf("interrupted run sent %d", first)
	}
	// The same job resumes where it stopped.
	rep, err = newJob("archive").Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Resumed < 12 || first+rep.Sent != n || rep.Relisted {
		t.Fatalf("resume: %+v (first run sent %d)", rep, first)
	}
	waitFor(t, "archive indexed", 60*time.Second, func() bool { return h.search("").Total == n })
	// Files added to the folder afterwards, one sorting before everything
	// done: the finished job's checkpoint no longer matches the folder, so
	// it goes through it again and sends the new files, nothing else.
	for _, name := range []string{"a-first.txt", "zz-last.txt"} {
		if err := os.WriteFile(filepath.Join(archive, name), []byte("A late addition, "+name+", about supplier audits."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err = newJob("archive").Run(ctx)
	if err != nil || !rep.Relisted || rep.Resumed != 0 || rep.Sent != 2 || rep.Skipped != n {
		t.Fatalf("after files were added: %+v %v", rep, err)
	}
	waitFor(t, "additions indexed", 60*time.Second, func() bool { return h.search("").Total == n+2 })
	// A file removed ahead of the checkpoint would shift every later one
	// by a place: the job starts again rather than skip one never sent.
	if err := os.Remove(filepath.Join(archive, "a-first.txt")); err != nil {
		t.Fatal(err)
	}
	if rep, err = newJob("archive").Run(ctx); err != nil || !rep.Relisted || rep.Sent != 0 || rep.Skipped != n+1 {
		t.Fatalf("after a file was removed: %+v %v", rep, err)
	}
	// A new job over the same archive is idempotent by content hash.
	rep, err = newJob("again").Run(ctx)
	if err != nil || rep.Sent != 0 || rep.Skipped != n+1 {
		t.Fatalf("second job: %+v %v", rep, err)
	}
	// A finished job run again goes through the source again and sends
	// what went missing from the index (it used to do nothing at all,
	// which made the README's reindex recipe silently useless).
	gone := h.search("").Hits[0].ID
	if err := h.srv.Index().Delete(gone); err != nil {
		t.Fatal(err)
	}
	rep, err = newJob("again").Run(ctx)
	if err != nil || !rep.Again || rep.Sent != 1 || rep.Skipped != n {
		t.Fatalf("finished job run again: %+v %v", rep, err)
	}
	waitFor(t, "the deleted document back", 60*time.Second, func() bool { return h.search("").Total == n+1 })
	// After a model change, --only-stale-model sends everything indexed by
	// another version, and nothing once all are current.
	tiny := modeltest.TinyBundle(t)
	if err := UseModel(ctx, h.srv.JetStream(), Active{Dir: tiny}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "swap", 30*time.Second, func() bool { return h.srv.Analyzer().Load().Info().Tier == "model" })
	cur := h.srv.Analyzer().Load().Info()
	stale := newJob("stale")
	stale.OnlyStale, stale.Current = true, cur.Name+"@"+cur.Version
	rep, err = stale.Run(ctx)
	if err != nil || rep.Sent != n+1 {
		t.Fatalf("stale job: %+v %v", rep, err)
	}
	waitFor(t, "reprocessed with the new model", 120*time.Second, func() bool {
		res, err := h.srv.Index().Search(ctx, index.Query{Filters: map[string][]string{"model_version": {stale.Current}}, Facets: -1})
		return err == nil && res.Total == n+1
	})
	stale2 := newJob("stale-2")
	stale2.OnlyStale, stale2.Current = true, stale.Current
	if rep, err = stale2.Run(ctx); err != nil || rep.Sent != 0 {
		t.Fatalf("nothing is stale any more: %+v %v", rep, err)
	}
}

// Rebuilding an index from the stored originals (README: move the index
// away, start, backfill bucket:docmill-originals): every original goes
// through the pipeline again, under its own file name, not its hash.
func TestBackfillFromStoredOriginals(t *testing.T) {
	h := start(t, t.TempDir(), "")
	ctx := context.Background()
	orig := &web.Originals{JS: h.srv.JetStream()}
	text := "Supply agreement. The supplier shall deliver the goods within thirty days of each order."
	if _, err := orig.Put(ctx, "supply-agreement.txt", "http", "text/plain", []byte(text)); err != nil {
		t.Fatal(err)
	}
	b := &connectors.Backfill{JS: h.srv.JetStream(), Pub: h.srv.Publisher(), Job: "rebuild", Stored: storedIn(h.srv.Index()),
		Source: connectors.BucketSource{JS: h.srv.JetStream(), Name: web.OriginalsBucket}}
	rep, err := b.Run(ctx)
	if err != nil || rep.Sent != 1 {
		t.Fatalf("rebuild: %+v %v", rep, err)
	}
	waitFor(t, "original indexed", 30*time.Second, func() bool {
		res := h.search("supplier")
		return res.Total == 1 && res.Hits[0].Filename == "supply-agreement.txt"
	})
}

// A finished job run again (the README's way to fill gaps) leaves alone
// what the pipeline dead-lettered, instead of adding another dead letter
// for each bad file on every run; the report says so, and it tells items
// the ingest stream dropped as sent by the job minutes ago, and items
// older than Since, from documents that are indexed.
func TestBackfillAgainLeavesDeadLettersAndCountsHonestly(t *testing.T) {
	h := start(t, t.TempDir(), "")
	ctx := context.Background()
	archive := t.TempDir()
	junk := []byte{0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x7f, 0x80, 0x00, 0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef}
	files := map[string][]byte{
		"junk.bin": bytes.Repeat(junk, 64),
		"memo.txt": []byte("Archived memo about vendor onboarding, invoices and the quarterly supplier review."),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(archive, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stored := func(ctx context.Context, id string) (string, error) {
		v, err := storedIn(h.srv.Index())(ctx, id)
		if err == nil && v == "" {
			if reason := h.srv.failedReason(ctx, id); reason != "" { // what GET /api/documents/{id} says
				return "", fmt.Errorf("%s: %w", reason, connectors.ErrDeadLettered)
			}
		}
		return v, err
	}
	newJob := func(name string, s connectors.Stored) *connectors.Backfill {
		return &connectors.Backfill{JS: h.srv.JetStream(), Pub: h.srv.Publisher(), Source: connectors.DirSource{Dir: archive},
			Job: name, Stored: s, Concurrency: 2}
	}
	rep, err := newJob("archive", stored).Run(ctx)
	if err != nil || rep.Sent != 2 {
		t.Fatalf("first run: %+v %v", rep, err)
	}
	junkID := document.ID(files["junk.bin"])
	waitFor(t, "memo indexed and junk dead-lettered", 60*time.Second, func() bool {
		return h.search("").Total == 1 && h.srv.failedReason(ctx, junkID) != ""
	})
	rep, err = newJob("archive", stored).Run(ctx)
	if err != nil || !rep.Again || rep.Sent != 0 || rep.Skipped != 1 || rep.DeadLettered != 1 {
		t.Fatalf("finished job run again: %+v %v, want the memo skipped and the junk left dead-lettered", rep, err)
	}
	// Without asking the index, everything the job sent minutes ago is
	// dropped by the ingest stream: counted as such, not as sent.
	rep, err = newJob("archive", nil).Run(ctx)
	if err != nil || rep.Sent != 0 || rep.Duplicate != 2 {
		t.Fatalf("run again within the de-duplication window: %+v %v", rep, err)
	}
	old := newJob("recent-only", stored)
	old.Since = time.Now().Add(time.Hour)
	if rep, err = old.Run(ctx); err != nil || rep.Older != 2 || rep.Skipped != 0 || rep.Sent != 0 {
		t.Fatalf("items older than Since: %+v %v", rep, err)
	}
}

// A stream backfill replays what the ingest stream holds. A document too
// large for one message is read from the blob bucket its message names
// (the job used to stop there for good, at every run); a document deleted
// from the index after it arrived stays out (a replay brought it back).
// Run again under another current model, the job goes through the whole
// stream again, although its own sends made the stream longer (it resumed
// past everything it had seen).
func TestBackfillFromStream(t *testing.T) {
	h := startWith(t, t.TempDir(), func(c *config.Config) { c.NATS.MaxPayloadMB = 1 })
	ctx := context.Background()
	var big strings.Builder
	for i := 0; big.Len() < 1200<<10; i++ {
		fmt.Fprintf(&big, "Line %d of the ledger records a delivery of parts to the depot.\n", i)
	}
	docs := map[string]string{
		"ledger.txt": big.String(),
		"keep.txt":   "Supply memo about quarterly supplier audits and invoices.",
		"gone.txt":   "Draft memo about the office party, withdrawn by its author.",
	}
	for name, body := range docs {
		if _, err := h.srv.Publisher().Send(ctx, connectors.Doc{Filename: name, Source: "cli", Data: []byte(body)}); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "three indexed", 90*time.Second, func() bool { return h.search("").Total == 3 })
	httpDelete(t, h.base+"/api/documents/"+document.ID([]byte(docs["gone.txt"])))
	// the ledger lost from the index without a deletion (an index moved
	// away): a replay is what brings it back
	if err := h.srv.Index().Delete(document.ID([]byte(docs["ledger.txt"]))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "one left", 30*time.Second, func() bool { return h.search("").Total == 1 })
	job := func(name, current string) *connectors.Backfill {
		return &connectors.Backfill{JS: h.srv.JetStream(), Pub: h.srv.Publisher(), Job: name, Stored: storedIn(h.srv.Index()),
			Source: connectors.StreamSource{JS: h.srv.JetStream(), Name: "DOCMILL_INGEST"}, OnlyStale: current != "", Current: current}
	}
	rep, err := job("replay", "").Run(ctx)
	if err != nil || rep.Sent != 1 || rep.Skipped != 1 || rep.Withdrawn != 1 {
		t.Fatalf("replay: %+v %v, want the ledger sent, the memo skipped, the deleted draft left out", rep, err)
	}
	waitFor(t, "the ledger back", 90*time.Second, func() bool { return h.search("ledger").Total == 1 })
	if h.search("party").Total != 0 {
		t.Fatal("the deleted draft is back")
	}
	rep, err = job("stale", "next@1").Run(ctx)
	if err != nil || rep.Sent != 2 || rep.NewModel != "" {
		t.Fatalf("stale job: %+v %v, want the memo and the ledger sent", rep, err)
	}
	rep, err = job("stale", "next@2").Run(ctx)
	if err != nil || rep.NewModel != "next@1" || rep.Resumed != 0 {
		t.Fatalf("the stale job under another model: %+v %v, want it to start over", rep, err)
	}
}
