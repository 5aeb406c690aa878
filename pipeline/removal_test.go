package pipeline

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline/stream"
)

// A removal drops a document only when it was indexed from the deleted
// source and not analysed again since; it waits for a document still on
// its way, and gives up on one that never comes.
func TestIndexerRemove(t *testing.T) {
	x, ix := startedIndexer(t)
	var dropped []string
	x.OnDropped = func(_ context.Context, d Deleted) { dropped = append(dropped, d.ID+" "+d.Reason+" "+d.ReplacedBy) }
	at := time.Now().UTC()
	ctx := context.Background()
	for _, r := range []*document.Result{
		{ID: "gone", Source: "folder", Title: "a", ProcessedAt: at.Add(-time.Minute)},
		{ID: "uploaded", Source: "upload", Title: "b", ProcessedAt: at.Add(-time.Minute)},
		{ID: "back", Source: "folder", Title: "c", ProcessedAt: at.Add(time.Second)},
		// put back and analysed by a worker whose clock is a minute behind
		// the watcher's; the broker saw its result after the removal
		{ID: "skewed", Source: "folder", Title: "d", ProcessedAt: at.Add(-time.Minute), PublishedAt: at.Add(time.Second)},
	} {
		if err := ix.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	var last *message.Message
	remove := func(id string, attempt string) error {
		data, _ := json.Marshal(Removal{ID: id, Source: "folder", Path: id + ".txt", At: at})
		last = message.NewMessage("m", data)
		last.Metadata.Set(stream.MetaDelivered, attempt)
		last.Metadata.Set(stream.MetaStreamTime, at.Format(time.RFC3339Nano))
		last.SetContext(ctx)
		_, err := x.Remove(last)
		return err
	}
	nacked := func() bool {
		select {
		case <-last.Nacked():
			return true
		default:
			return false
		}
	}
	for _, id := range []string{"gone", "uploaded", "back", "skewed"} {
		if err := remove(id, "1"); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
	}
	for id, want := range map[string]bool{"gone": false, "uploaded": true, "back": true, "skewed": true} {
		if ok, _ := ix.Has(ctx, id); ok != want {
			t.Errorf("%s in the index: %v, want %v", id, ok, want)
		}
	}
	if len(dropped) != 1 || dropped[0] != "gone "+ReasonRemoved+" " {
		t.Errorf("dropped %q", dropped)
	}
	if n := testutil.ToFloat64(x.Metrics.Processed.WithLabelValues("remove")); n != 1 {
		t.Errorf("docmill_documents_processed_total{stage=\"remove\"} = %v, want 1", n)
	}
	if err := remove("later", "1"); err != nil || !nacked() {
		t.Errorf("removal of a document not indexed yet: %v, nacked %v; want it asked again", err, nacked())
	}
	if err := remove("later", "30"); err != nil || nacked() {
		t.Errorf("removal of a document that never came: %v, nacked %v; want it dropped", err, nacked())
	}
	if err := remove("uploaded", "1"); err != nil || nacked() {
		t.Errorf("removal decided: %v, nacked %v", err, nacked())
	}

	// deleted on another docmill: whatever its source, and nothing to
	// wait for when it is not here
	for _, id := range []string{"uploaded", "never-here"} {
		data, _ := json.Marshal(Removal{ID: id, Reason: ReasonDeleted, At: at.Add(time.Minute)})
		last = message.NewMessage("d-"+id, data)
		last.Metadata.Set(stream.MetaDelivered, "1")
		last.SetContext(ctx)
		if _, err := x.Remove(last); err != nil || nacked() {
			t.Errorf("delete of %s: %v, nacked %v", id, err, nacked())
		}
	}
	if ok, _ := ix.Has(ctx, "uploaded"); ok {
		t.Error("a document deleted on another docmill is still indexed")
	}
	// the docmill that was asked announced it once: another indexer adds
	// no notice (plain subscribers got one per indexer)
	if len(dropped) != 1 {
		t.Errorf("dropped %q: a deletion asked elsewhere was announced again", dropped)
	}
}

// Through the real stream: a removal that arrives before its document is
// indexed waits, and removes the document once it is.
func TestRemovalWaitsForItsDocument(t *testing.T) {
	_, js := natstest.Start(t, "removal-test")
	ix, err := index.Open(filepath.Join(t.TempDir(), "idx"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	m := NewMetrics()
	x := &Indexer{Index: ix, Metrics: m, Log: log}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{JS: js, Indexer: x, Metrics: m, Log: log}) }()
	defer func() { cancel(); <-done }()
	at := time.Now().UTC()
	if err := PublishRemoval(ctx, js, Removal{ID: "late", Source: "folder", Path: "late.txt", Version: "1:1", At: at}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // the removal finds nothing, and is asked again later
	if err := ix.Put(ctx, &document.Result{ID: "late", Source: "folder", Title: "Late", ProcessedAt: at.Add(-time.Second)}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if ok, _ := ix.Has(ctx, "late"); !ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the document indexed after its removal arrived was not removed")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// A document deleted on another docmill before its result reached this
// indexer (a lagging replica) stays out when the result comes; the same
// content sent again after the delete is indexed.
func TestDeletedBeforeIndexedStaysOut(t *testing.T) {
	x, ix := startedIndexer(t)
	ctx := context.Background()
	asked := time.Now().UTC()
	at := func(m *message.Message, t time.Time) *message.Message { return streamed(ctx, m, t) }
	data, _ := json.Marshal(Removal{ID: "late", Reason: ReasonDeleted, At: asked})
	if _, err := x.Remove(at(message.NewMessage("rm", data), asked)); err != nil {
		t.Fatal(err)
	}
	result := func(published time.Time) {
		t.Helper()
		data, _ := json.Marshal(document.Result{ID: "late", Source: "upload", Title: "Late", ProcessedAt: published})
		if _, err := x.Handle(at(message.NewMessage("r", data), published)); err != nil {
			t.Fatal(err)
		}
	}
	result(asked.Add(-time.Second)) // published before the delete, arriving after it
	if ok, _ := ix.Has(ctx, "late"); ok {
		t.Fatal("a document deleted before it reached this index was indexed")
	}
	result(asked.Add(time.Second)) // sent again after the delete
	if ok, _ := ix.Has(ctx, "late"); !ok {
		t.Fatal("the same content sent after the delete was not indexed")
	}
}

// A deletion that came before its document's result outlives a restart of
// the indexer: the new one reads it back from TombstoneBucket and keeps the
// late result out.
func TestDeletionOutlivesRestart(t *testing.T) {
	ctx, _, ix, indexer := restartable(t, "tombstone-test")
	at := func(m *message.Message, t time.Time) *message.Message { return streamed(ctx, m, t) }
	asked := time.Now().UTC()
	// "late" is not indexed here yet; "again" is, and an analysis of it
	// again is on its way
	if err := ix.Put(ctx, &document.Result{ID: "again", Source: "upload", Title: "Again"}); err != nil {
		t.Fatal(err)
	}
	first := indexer()
	for _, id := range []string{"late", "again"} {
		data, _ := json.Marshal(Removal{ID: id, Reason: ReasonDeleted, At: asked})
		if _, err := first.Remove(at(message.NewMessage("rm-"+id, data), asked)); err != nil {
			t.Fatal(err)
		}
	}
	restarted := indexer()
	result := func(id string, published time.Time) {
		t.Helper()
		data, _ := json.Marshal(document.Result{ID: id, Source: "upload", Title: "Late", ProcessedAt: published})
		if _, err := restarted.Handle(at(message.NewMessage("r", data), published)); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"late", "again"} {
		result(id, asked.Add(-time.Second))
		if ok, _ := ix.Has(ctx, id); ok {
			t.Fatalf("after a restart, a result of %s published before its deletion was indexed", id)
		}
		result(id, asked.Add(time.Second))
		if ok, _ := ix.Has(ctx, id); !ok {
			t.Fatalf("%s sent again after the delete was not indexed", id)
		}
	}
}

// streamed is m as delivered once from a stream it entered at t.
func streamed(ctx context.Context, m *message.Message, t time.Time) *message.Message {
	m.Metadata.Set(stream.MetaDelivered, "1")
	m.Metadata.Set(stream.MetaStreamTime, t.Format(time.RFC3339Nano))
	m.SetContext(ctx)
	return m
}

// A version replaced before it was indexed stays out after a restart of
// the indexer: the new one reads the replacement back from
// TombstoneBucket and drops the old version when it comes late.
func TestReplacementOutlivesRestart(t *testing.T) {
	ctx, kv, ix, indexer := restartable(t, "replaced-test")
	handle := func(x *Indexer, r document.Result) {
		t.Helper()
		data, _ := json.Marshal(r)
		if _, err := x.Handle(streamed(ctx, message.NewMessage("r-"+r.ID, data), time.Now().UTC())); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Now().UTC()
	handle(indexer(), document.Result{ID: "small", Source: "folder", IngestedAt: t0, ProcessedAt: t0,
		Meta: map[string]string{"path": "race.txt", MetaReplaces: "large"}})
	// the note is written just after the batch that held "small"
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := kv.Get(ctx, replacedKey+"large"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the replacement was not stored in the bucket")
		}
	}
	restarted := indexer()
	handle(restarted, document.Result{ID: "large", Source: "folder", IngestedAt: t0.Add(-5 * time.Second),
		ProcessedAt: t0.Add(time.Second), Meta: map[string]string{"path": "race.txt"}})
	if ok, _ := ix.Has(ctx, "large"); ok {
		t.Fatal("after a restart, the late old version was indexed beside the new one")
	}
	handle(restarted, document.Result{ID: "large", Source: "folder", IngestedAt: t0.Add(-4 * time.Second),
		ProcessedAt: t0.Add(2 * time.Second), Meta: map[string]string{"path": "other.txt"}})
	if ok, _ := ix.Has(ctx, "large"); !ok {
		t.Fatal("the same bytes from another file were not indexed")
	}
}

// restartable gives an index and TombstoneBucket that outlive the
// indexers indexer starts on them, as a restarted process would see them.
func restartable(t *testing.T, name string) (context.Context, jetstream.KeyValue, *index.Index, func() *Indexer) {
	t.Helper()
	_, js := natstest.Start(t, name)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	kv, err := OpenTombstones(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(t.TempDir(), "idx"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ctx, kv, ix, func() *Indexer {
		x := &Indexer{Index: ix, Metrics: NewMetrics(), Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Tombstones: kv}
		x.Start(ctx)
		return x
	}
}

// The same bytes in two watched buckets, both deleted: the document was
// last analysed from the other bucket, and the removal from the last
// holder removes it. A document indexed from an upload stays.
func TestRemovalAcrossWatchedSources(t *testing.T) {
	x, ix := startedIndexer(t)
	var dropped []string
	x.OnDropped = func(_ context.Context, d Deleted) { dropped = append(dropped, d.ID) }
	at := time.Now().UTC()
	ctx := context.Background()
	for _, r := range []*document.Result{
		{ID: "copied", Source: "bucket_inbox-b", Title: "a", ProcessedAt: at.Add(-time.Minute)},
		{ID: "foldered", Source: "folder", Title: "b", ProcessedAt: at.Add(-time.Minute)},
		{ID: "uploaded", Source: "http", Title: "c", ProcessedAt: at.Add(-time.Minute)},
	} {
		if err := ix.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"copied", "foldered", "uploaded"} {
		data, _ := json.Marshal(Removal{ID: id, Source: "bucket_inbox-a", Bucket: "inbox-a", Object: "x.txt", At: at})
		m := message.NewMessage("m-"+id, data)
		m.Metadata.Set(stream.MetaDelivered, "1")
		m.SetContext(ctx)
		if _, err := x.Remove(m); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
	}
	for id, want := range map[string]bool{"copied": false, "foldered": false, "uploaded": true} {
		if ok, _ := ix.Has(ctx, id); ok != want {
			t.Errorf("%s in the index: %v, want %v", id, ok, want)
		}
	}
	if len(dropped) != 2 {
		t.Errorf("deletion notices for %q, want copied and foldered", dropped)
	}
}

// A deleted file whose bytes a copy still holds keeps its document, and
// the document names the copy from then on, with its words and analysis
// as they were; one that names another file already is left as it is.
func TestRemovalRenamesToACopy(t *testing.T) {
	x, ix := startedIndexer(t)
	at := time.Now().UTC()
	ctx := context.Background()
	for _, r := range []*document.Result{
		{ID: "copied", Filename: "q1.txt", Source: "folder", Title: "a", Text: "The quokka clause.",
			Meta: map[string]string{"path": "q1.txt", "lang": "en"}, ProcessedAt: at.Add(-time.Minute)},
		{ID: "elsewhere", Filename: "q2copy.txt", Source: "folder", Title: "b", Text: "The wombat clause.",
			Meta: map[string]string{"path": "q2copy.txt"}, ProcessedAt: at.Add(-time.Minute)},
	} {
		if err := ix.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []Removal{
		Removal{ID: "copied", Path: "q1.txt", Source: "folder", At: at}.Renaming(Holder{Source: "bucket_inbox", Bucket: "inbox", Object: "deals/q1copy.txt"}),
		Removal{ID: "elsewhere", Path: "q2.txt", Source: "folder", At: at}.Renaming(Holder{Source: "folder", Path: "q2z.txt"}),
	} {
		// an indexer older than Holder reads the request as a removal
		// and keeps the document, for it finds it analysed since
		old := r
		old.Holder = nil
		if !analysedSince(&document.Result{ProcessedAt: at.Add(-time.Hour)}, old, time.Time{}) {
			t.Errorf("%s: an older indexer would delete the document a copy holds", r.ID)
		}
		data, _ := json.Marshal(r)
		m := message.NewMessage("m-"+r.ID, data)
		m.Metadata.Set(stream.MetaDelivered, "1")
		m.SetContext(ctx)
		if _, err := x.Remove(m); err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
	}
	r, err := ix.Get(ctx, "copied")
	if err != nil {
		t.Fatalf("document held by a copy: %v", err)
	}
	if r.Filename != "deals/q1copy.txt" || r.Source != "bucket_inbox" || r.Meta["object"] != "deals/q1copy.txt" ||
		r.Meta["bucket"] != "inbox" || r.Meta["path"] != "" || r.Meta["lang"] != "en" || r.Title != "a" {
		t.Errorf("renamed: %q from %q, meta %v, title %q", r.Filename, r.Source, r.Meta, r.Title)
	}
	for q, want := range map[string]string{"q1copy": "copied", "quokka": "copied", "q1": ""} {
		res, err := ix.Search(ctx, index.Query{Q: q})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if res.Total > 0 {
			got = res.Hits[0].ID
		}
		if res.Total > 1 || got != want {
			t.Errorf("search %q: %d hits, first %q; want %q", q, res.Total, got, want)
		}
	}
	if r, err := ix.Get(ctx, "elsewhere"); err != nil || r.Filename != "q2copy.txt" {
		t.Errorf("a document naming a file still there: %v, %v", r, err)
	}
}
