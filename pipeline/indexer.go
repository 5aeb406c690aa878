package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
)

// Indexer stores published results in the index. Concurrent deliveries
// are gathered into one Bleve batch (one disk flush for many documents);
// each handler returns, and so its message is acked, only after the batch
// holding its document is written.
type Indexer struct {
	Index    *index.Index
	MaxBatch int           // documents per batch (default 128)
	MaxWait  time.Duration // how long a batch waits to fill (default 20ms)
	// MaxBatchBytes bounds the text of a batch (DefaultMaxBatchBytes when
	// zero): Bleve holds a whole batch's terms in memory while it writes
	// it, up to some 270 MB per MiB of high-vocabulary text, and eight
	// 1 MiB texts of random words in one batch took 1.8 GB. A document
	// over it is written in a batch of its own.
	MaxBatchBytes int
	Metrics       *Metrics
	Log           *slog.Logger
	// Blobs reads the text of results that carry it by reference
	// (Result.TextObject); without it such results are dead letters.
	Blobs jetstream.JetStream
	// OnIndexed, when set, is called after each batch is written (the web UI's
	// live feed listens here in single-process mode).
	OnIndexed func([]*document.Result)
	// OnDropped, when set, is called with each document the indexer
	// dropped from the index: an earlier version that a new one (by)
	// replaced, or one whose watched file or object was deleted (reason
	// ReasonReplaced or ReasonRemoved). Nothing links to its stored copies
	// any more, so the server deletes them instead of keeping an old
	// contract's bytes until retention, and tells consumers.
	OnDropped func(ctx context.Context, d Deleted)
	// Processing, when set, forgets each document once it is indexed.
	Processing *Processing
	// Tombstones, when set, is TombstoneBucket: deletions and
	// replacements of documents not yet indexed here are stored there too
	// and read back at Start, so that a restart does not forget them.
	Tombstones jetstream.KeyValue

	once  sync.Once
	queue chan pending
	// deletedEarly remembers documents deleted (see Remove), so that a
	// result published before the deletion and still on its way to this
	// index, a first analysis or another, is not indexed when it comes.
	deletedEarly tombstones
	// replacedEarly remembers versions that a newer one of the same file
	// or object replaced before they were indexed (a large old version
	// analysed after the small new one), so that the old one, arriving
	// late, is not indexed beside the new.
	replacedEarly early
}

// early maps a document id to the newer version that replaced it before
// it reached the index; in TombstoneBucket too when kv is set, so that a
// restart between the two versions does not forget it.
type early struct {
	mu sync.Mutex
	m  map[string]earlyReplace
	kv jetstream.KeyValue
}

type earlyReplace struct {
	Origin   string    `json:"origin"`
	By       string    `json:"by"`
	Ingested time.Time `json:"ingested"` // the newer version's: an older copy of the file came before it
	At       time.Time `json:"at"`       // when it was noted, to forget after tombstoneFor
}

// replacedKey prefixes the TombstoneBucket keys of early replacements; the
// bucket's other keys are deleted documents' ids.
const replacedKey = "replaced."

// note remembers that id was replaced by r, and stores it in the bucket.
func (e *early) note(ctx context.Context, id string, r earlyReplace) error {
	e.remember(id, r)
	if e.kv == nil {
		return nil
	}
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := e.kv.Put(ctx, replacedKey+id, data); err != nil {
		return fmt.Errorf("store the replacement of %s: %w", id, err)
	}
	return nil
}

func (e *early) remember(id string, r earlyReplace) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.m == nil {
		e.m = map[string]earlyReplace{}
	}
	for k, v := range e.m {
		if time.Since(v.At) > tombstoneFor {
			delete(e.m, k)
		}
	}
	e.m[id] = r
}

// replacedBy says which newer version replaced result r of the same
// origin, ingested before it; "" when none did.
func (e *early) replacedBy(r *document.Result) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	v, ok := e.m[r.ID]
	if !ok || v.Origin != origin(r) || !r.IngestedAt.Before(v.Ingested) {
		return ""
	}
	return v.By
}

// loadEarly reads TombstoneBucket back into memory: deletions and
// replacements of documents that had not reached the index.
func (x *Indexer) loadEarly(ctx context.Context) error {
	if x.Tombstones == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	w, err := x.Tombstones.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return fmt.Errorf("read %s: %w", TombstoneBucket, err)
	}
	defer w.Stop()
	for e := range w.Updates() {
		if e == nil { // every stored entry read
			return nil
		}
		if id, ok := strings.CutPrefix(e.Key(), replacedKey); ok {
			var r earlyReplace
			if json.Unmarshal(e.Value(), &r) == nil {
				x.replacedEarly.remember(id, r)
			}
			continue
		}
		if at, err := time.Parse(time.RFC3339Nano, string(e.Value())); err == nil {
			x.deletedEarly.remember(e.Key(), at)
		}
	}
	return fmt.Errorf("read %s: %w", TombstoneBucket, ctx.Err())
}

// DefaultMaxBatchBytes is Indexer.MaxBatchBytes when zero: a batch costs
// at most what one document of a MiB (the part of a text indexed with
// word positions) does. Results are mostly a few kB to some tens of kB, so
// a batch of them still fills to MaxBatch.
const DefaultMaxBatchBytes = 1 << 20

type pending struct {
	r    *document.Result
	done chan error
}

// Start launches the batching loop; it ends when ctx ends.
func (x *Indexer) Start(ctx context.Context) {
	x.once.Do(func() {
		if x.MaxBatch <= 0 {
			x.MaxBatch = 128
		}
		if x.MaxWait <= 0 {
			x.MaxWait = 20 * time.Millisecond
		}
		if x.MaxBatchBytes <= 0 {
			x.MaxBatchBytes = DefaultMaxBatchBytes
		}
		x.queue = make(chan pending, x.MaxBatch)
		x.deletedEarly.kv = x.Tombstones
		x.replacedEarly.kv = x.Tombstones
		if err := x.loadEarly(ctx); err != nil {
			x.Log.Warn("deletions and replacements from before this start not read back: a late result of such a document would be indexed", "err", err)
		}
		go x.loop(ctx)
	})
}

// Handle is the watermill handler of the index stage.
func (x *Indexer) Handle(msg *message.Message) ([]*message.Message, error) {
	var r document.Result
	if err := json.Unmarshal(msg.Payload, &r); err != nil {
		return nil, Permanent(fmt.Errorf("decode result: %w", err))
	}
	if r.ID == "" {
		return nil, Permanent(fmt.Errorf("result without id"))
	}
	r.PublishedAt = streamTime(msg)
	if x.deletedEarly.covers(r.ID, r.PublishedAt) {
		x.Log.Info("result of a document deleted before it reached this index; not indexed", "doc_id", r.ID)
		_ = x.Processing.Done(msg.Context(), r.ID)
		return nil, nil
	}
	if x.dropLate(msg.Context(), &r) {
		return nil, nil
	}
	if err := x.loadText(msg.Context(), &r); err != nil {
		return nil, err
	}
	p := pending{r: &r, done: make(chan error, 1)}
	select {
	case x.queue <- p:
	case <-msg.Context().Done():
		return nil, msg.Context().Err()
	}
	select {
	case err := <-p.done:
		return nil, err
	case <-msg.Context().Done():
		return nil, msg.Context().Err()
	}
}

// maxTextBytes bounds the text read back for one result.
const maxTextBytes = 1 << 30

// loadText fills in the text of a result that names its text object.
func (x *Indexer) loadText(ctx context.Context, r *document.Result) error {
	if r.TextObject == "" || r.Text != "" {
		return nil
	}
	if x.Blobs == nil {
		return Permanent(fmt.Errorf("result %s: text in %s but no object store configured", r.ID, r.TextObject))
	}
	text, err := ResultText(ctx, x.Blobs, r)
	if err != nil {
		return err
	}
	r.Text = text
	return nil
}

// ResultText reads the text of result r from the object its TextObject
// names (a result too large for one message carries its text so).
func ResultText(ctx context.Context, js jetstream.JetStream, r *document.Result) (string, error) {
	data, err := ReadObject(ctx, js, r.TextObject, maxTextBytes)
	if err != nil {
		return "", fmt.Errorf("result %s: %w", r.ID, err)
	}
	return string(data), nil
}

func (x *Indexer) loop(ctx context.Context) {
	// next is a result taken from the queue that would have taken the
	// batch before it over MaxBatchBytes: it opens the next one
	var next *pending
	for {
		var batch []pending
		if next != nil {
			batch, next = append(batch, *next), nil
		} else {
			select {
			case p := <-x.queue:
				batch = append(batch, p)
			case <-ctx.Done():
				return
			}
		}
		size := textBytes(batch[0].r)
		timer := time.NewTimer(x.MaxWait)
	fill:
		for len(batch) < x.MaxBatch && size < x.MaxBatchBytes {
			select {
			case p := <-x.queue:
				n := textBytes(p.r)
				if size+n > x.MaxBatchBytes {
					next = &p
					break fill
				}
				size += n
				batch = append(batch, p)
			case <-timer.C:
				break fill
			}
		}
		timer.Stop()
		x.write(batch)
	}
}

// textBytes is how much text of r the index analyses, for
// MaxBatchBytes.
func textBytes(r *document.Result) int {
	return len(r.Text) + len(r.Summary) + len(r.Title)
}

// dropLate leaves out r when a newer version of the same file or object
// replaced it before it was indexed, and says so.
func (x *Indexer) dropLate(ctx context.Context, r *document.Result) bool {
	by := x.replacedEarly.replacedBy(r)
	if by == "" {
		return false
	}
	x.Log.Info("earlier version of a file or object arrived after the version that replaced it; not indexed", "doc_id", r.ID, "by", by)
	_ = x.Processing.Done(ctx, r.ID)
	x.dropped(Deleted{ID: r.ID, Reason: ReasonReplaced, ReplacedBy: by, Event: by + "@late:" + r.ID})
	return true
}

func (x *Indexer) write(batch []pending) {
	// Handle checked before queueing, but the batch that noted the
	// replacement may have been finishing then (replace runs after its
	// handlers are answered): checked again here, after every earlier
	// batch's replace
	kept := batch[:0]
	for _, p := range batch {
		if x.dropLate(context.Background(), p.r) {
			p.done <- nil
			continue
		}
		kept = append(kept, p)
	}
	if batch = kept; len(batch) == 0 {
		return
	}
	start := time.Now()
	rs := make([]*document.Result, len(batch))
	for i, p := range batch {
		rs[i] = p.r
		addIndexWait(p.r, start)
	}
	// The batch must land even while shutting down: its messages wait on it.
	err := x.Index.PutBatch(context.Background(), rs)
	per := time.Since(start).Seconds() / float64(len(batch))
	for _, p := range batch {
		p.done <- err
		if err == nil {
			x.Metrics.Duration.WithLabelValues("index").Observe(per)
			x.Metrics.Processed.WithLabelValues("index").Inc()
		}
	}
	x.Metrics.BatchSize.Observe(float64(len(batch)))
	if err != nil {
		x.Log.Error("index batch failed", "docs", len(batch), "err", err)
		return
	}
	if x.Processing != nil {
		ids := make([]string, len(rs))
		for i, r := range rs {
			ids[i] = r.ID
		}
		// beside the next batch, not before it: the messages are acked
		// already, and the index answers first anyway
		go func() {
			if err := x.Processing.Indexed(context.Background(), time.Now(), ids...); err != nil {
				// --wait and GET /api/documents/{id} of a replica read them as on their way
				x.Log.Warn("indexed documents still read as processing until their entries expire (an hour)", "err", err)
			}
		}()
	}
	x.replace(rs)
	if x.OnIndexed != nil {
		x.OnIndexed(rs)
	}
}

// replace deletes the earlier version of each result that names one
// (MetaReplaces: a watched file or bucket object that changed), when that
// version came from the same file or object: documents are named by their
// content, so another file with the old content would share it.
func (x *Indexer) replace(rs []*document.Result) {
	for _, r := range rs {
		old := r.Meta[MetaReplaces]
		if old == "" || old == r.ID {
			continue
		}
		prev, err := x.Index.Get(context.Background(), old)
		if errors.Is(err, index.ErrNotFound) {
			// not indexed yet: still being analysed, or never to be
			note := earlyReplace{Origin: origin(r), By: r.ID, Ingested: r.IngestedAt, At: time.Now()}
			if err := x.replacedEarly.note(context.Background(), old, note); err != nil {
				x.Log.Warn("replacement kept in memory only: after a restart a late old version would be indexed beside the new", "doc_id", old, "err", err)
			}
			continue
		}
		if err != nil || origin(prev) != origin(r) {
			continue // or now another file's
		}
		if err := x.Index.Delete(old); err != nil {
			x.Log.Warn("earlier version not deleted", "doc_id", old, "by", r.ID, "err", err)
			continue
		}
		x.Log.Info("earlier version replaced", "doc_id", old, "by", r.ID, "filename", r.Filename)
		x.dropped(Deleted{ID: old, Reason: ReasonReplaced, ReplacedBy: r.ID,
			Event: r.ID + "@" + strconv.FormatInt(r.ProcessedAt.UnixNano(), 10)})
	}
}

// dropped tells OnDropped that d.ID left the index.
func (x *Indexer) dropped(d Deleted) {
	if x.OnDropped == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	x.OnDropped(ctx, d)
}

// origin names the file or object a result was ingested from.
func origin(r *document.Result) string {
	return r.Source + "\x00" + r.Meta["path"] + "\x00" + r.Meta["bucket"] + "\x00" + r.Meta["object"]
}

// addIndexWait records, in the copy of the result the index stores, how
// long the result waited between analysis and the index write (results
// stream plus batching). The write itself cannot be in the document it
// writes; it is in docmill_stage_duration_seconds{stage="index"}.
func addIndexWait(r *document.Result, start time.Time) {
	if r.ProcessedAt.IsZero() || start.Before(r.ProcessedAt) {
		return
	}
	r.Trace = append(r.Trace, document.StageTrace{Stage: "index_wait", Ms: float64(start.Sub(r.ProcessedAt).Microseconds()) / 1000})
}
