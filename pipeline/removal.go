package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/pipeline/stream"
)

// Removal asks every indexer to drop a document because the watched file
// or bucket object it was indexed from was deleted (sources.mirror_deletes),
// or because someone deleted it (Reason ReasonDeleted: the API, the
// document page, `docmill delete`) on one docmill while other indexers
// keep indexes of their own. It travels on docmill.removals.<id> (stream
// DOCMILL_REMOVALS): watchers run where the files are, indexes live in
// indexer processes.
type Removal struct {
	ID string `json:"id"`
	// Reason is "" for a deleted source, or ReasonDeleted.
	Reason string `json:"reason,omitempty"`
	// Source is the result's source ("folder", "bucket_docmill-inbox");
	// a document indexed from elsewhere than a watched source (an upload
	// of the same bytes) is kept (WatchedSource).
	Source string `json:"source"`
	// What was deleted, for the log and the notice: a folder's relative
	// path, or the bucket and object.
	Path   string `json:"path,omitempty"`
	Bucket string `json:"bucket,omitempty"`
	Object string `json:"object,omitempty"`
	// Version names the deleted version (a file's size and time, an
	// object's NUID): replicas watching one shared folder both report a
	// deletion, and the stream keeps one of them.
	Version string `json:"version,omitempty"`
	// At is when the watcher saw the deletion. A document analysed after
	// it came back (the file was put back) and is kept.
	At time.Time `json:"at"`
	// Holder, when set, is a watched file or object that still holds the
	// same bytes (a copy): the document stays, and where it names the
	// deleted one it is made to name this one instead.
	Holder *Holder `json:"holder,omitempty"`
}

// Holder is a watched file or object that holds a document: its result's
// source, and a folder's relative path or the bucket and object.
type Holder struct {
	Source string `json:"source"`
	Path   string `json:"path,omitempty"`
	Bucket string `json:"bucket,omitempty"`
	Object string `json:"object,omitempty"`
	// At is the deletion's Removal.At (see Renaming).
	At time.Time `json:"at"`
}

// Renaming is removal r turned into the request to name h instead of the
// deleted file. The deletion time moves into h and r.At is left zero: an
// indexer older than Holder reads such a request as a removal, and one
// with no time finds every document "analysed again since" and keeps it,
// where it would have deleted a document a copy still holds.
func (r Removal) Renaming(h Holder) Removal {
	h.At, r.At = r.At, time.Time{}
	r.Holder = &h
	return r
}

// Filename is the file name a result from h carries, as the watchers set
// it: the path in the folder, or the object's whole name.
func (h Holder) Filename() string {
	if h.Path != "" {
		return h.Path
	}
	return h.Object
}

// Event names the removal in the deletion notices of every indexer that
// acts on it (Deleted.Event).
func (r Removal) Event() string { return strconv.FormatInt(r.At.UnixNano(), 10) }

// PublishRemoval publishes r.
func PublishRemoval(ctx context.Context, js jetstream.JetStream, r Removal) error {
	msgID := "removal:" + r.ID + ":" + r.Source + ":" + r.Path + r.Bucket + "/" + r.Object + ":" + r.Version
	if err := publishAbout(ctx, js, broker.SubjectRemovals, r.ID, msgID, r); err != nil {
		return fmt.Errorf("removal %s: %w", r.ID, err)
	}
	return nil
}

// publishAbout publishes v as JSON on subject.<id>, with document id in
// its Docmill-Id header and, when msgID is set, the stream's
// de-duplication id.
func publishAbout(ctx context.Context, js jetstream.JetStream, subject, id, msgID string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	m := nats.NewMsg(subject + "." + id)
	m.Data = data
	m.Header.Set(HeaderID, id)
	if msgID != "" {
		m.Header.Set(jetstream.MsgIDHeader, msgID)
	}
	_, err = js.PublishMsg(ctx, m)
	return err
}

// FolderSource is the source of documents from watched folders, and
// BucketSourcePrefix begins that of documents from watched buckets
// ("bucket_docmill-inbox").
const (
	FolderSource       = "folder"
	BucketSourcePrefix = "bucket_"
)

// WatchedSource reports whether source is a watched folder's or bucket's.
// A removal is sent only once no watched file or object holds the bytes
// (the watchers share their holds), so a document last analysed from
// another watched source goes too; the same bytes in two buckets, both
// deleted, had left it in the index for good. A document indexed from
// elsewhere (an upload, a NATS message) is kept.
func WatchedSource(source string) bool {
	return source == FolderSource || strings.HasPrefix(source, BucketSourcePrefix)
}

// removalAttempts bounds how long a removal waits for its document to be
// indexed (a file deleted while it was still being analysed), at
// removalRetry apart; a document that never comes (dead-lettered) ends
// the wait.
const (
	removalAttempts = 30
	removalRetry    = 10 * time.Second
)

// Remove is the watermill handler of removal requests.
func (x *Indexer) Remove(msg *message.Message) ([]*message.Message, error) {
	var r Removal
	if err := json.Unmarshal(msg.Payload, &r); err != nil || r.ID == "" {
		x.Log.Warn("undecodable removal request dropped", "err", err)
		return nil, nil
	}
	if r.Holder != nil {
		r.At = r.Holder.At // see Renaming
	}
	doc, err := x.Index.Get(msg.Context(), r.ID)
	deleted := r.Reason == ReasonDeleted
	switch {
	case deleted && errors.Is(err, index.ErrNotFound):
		// deleted here already (where it was asked), or not indexed here
		// yet: its result, should it come, stays out
		x.rememberDeletion(msg, r)
		return nil, nil
	case errors.Is(err, index.ErrNotFound):
		attempt, _ := strconv.Atoi(msg.Metadata.Get(stream.MetaDelivered))
		if attempt < removalAttempts {
			// asked again after removalRetry; nacked here rather than
			// failed, as waiting is no error to log
			msg.Nack()
			return nil, nil
		}
		x.Log.Info("removal of a document never indexed dropped", "doc_id", r.ID, "path", r.Path, "object", r.Object)
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("remove %s: %w", r.ID, err)
	case !deleted && doc.Source != r.Source && !WatchedSource(doc.Source):
		x.Log.Info("source removed; document kept, indexed from elsewhere", "doc_id", r.ID, "source", doc.Source)
		return nil, nil
	case analysedSince(doc, r, streamTime(msg)):
		x.Log.Info("source removed; document kept, analysed again since", "doc_id", r.ID)
		return nil, nil
	}
	if r.Holder != nil {
		return nil, x.repoint(msg.Context(), r)
	}
	if err := x.Index.Delete(r.ID); err != nil {
		return nil, fmt.Errorf("remove %s: %w", r.ID, err)
	}
	x.Metrics.Processed.WithLabelValues("remove").Inc()
	reason := ReasonRemoved
	if deleted {
		reason = ReasonDeleted
		x.Log.Info("document deleted, as asked on another docmill", "doc_id", r.ID)
		// a result published before the deletion (an analysis again)
		// may still be on its way here
		x.rememberDeletion(msg, r)
		// the docmill that was asked has announced it and deleted the
		// stored copies: a notice from every indexer reached plain
		// subscribers once per indexer
		return nil, nil
	}
	x.Log.Info("document removed with its source", "doc_id", r.ID, "path", r.Path, "bucket", r.Bucket, "object", r.Object)
	x.dropped(Deleted{ID: r.ID, Reason: reason, Event: r.Event()})
	return nil, nil
}

// repoint makes document r.ID, whose deleted file or object another still
// holds (r.Holder), name that one when it named the deleted one: its
// results and page would otherwise send users to a file that is gone. The
// stored result is put back whole with the new name, and the request is
// acked once that is written.
// A text the index kept only the head of is read whole from the text
// store; one that never went there keeps the old name rather than lose
// the rest of its words from search.
func (x *Indexer) repoint(ctx context.Context, r Removal) error {
	stored, text, cut, err := x.Index.Stored(ctx, r.ID)
	if err != nil {
		return fmt.Errorf("rename %s: %w", r.ID, err)
	}
	if origin(stored) != origin(&document.Result{Source: r.Source, Meta: map[string]string{"path": r.Path, "bucket": r.Bucket, "object": r.Object}}) {
		return nil // it names another file or object, still there
	}
	if cut {
		if stored.TextObject == "" || x.Blobs == nil {
			x.Log.Warn("source deleted; document kept under its deleted name, its whole text cannot be read back", "doc_id", r.ID, "holder", r.Holder.Filename())
			return nil
		}
		if text, err = ResultText(ctx, x.Blobs, stored); err != nil {
			return fmt.Errorf("rename %s: %w", r.ID, err)
		}
	}
	renamed := *stored
	renamed.Text, renamed.Filename, renamed.Source = text, r.Holder.Filename(), r.Holder.Source
	renamed.Meta = relocated(stored.Meta, *r.Holder)
	if stored.Title == stored.Filename {
		// a text that names no title is titled by its file's name: kept,
		// the deleted name stayed searchable and headed the hit
		renamed.Title = renamed.Filename
	}
	put, err := x.Index.PutIf(ctx, &renamed, func(cur *document.Result) bool { return sameVersion(cur, stored) })
	switch {
	case err != nil:
		return fmt.Errorf("rename %s to %s: %w", r.ID, renamed.Filename, err)
	case !put:
		x.Log.Info("source deleted; document not renamed, deleted or indexed again meanwhile", "doc_id", r.ID)
		return nil
	}
	x.Log.Info("source deleted; document kept, now under a copy's name", "doc_id", r.ID, "path", r.Path, "object", r.Object, "filename", renamed.Filename)
	return nil
}

// sameVersion reports whether a and b are one indexing of one document
// from one file or object.
func sameVersion(a, b *document.Result) bool {
	return a.ProcessedAt.Equal(b.ProcessedAt) && a.PublishedAt.Equal(b.PublishedAt) && a.Filename == b.Filename && origin(a) == origin(b)
}

// relocated is meta with the location of h (a folder's path, or a bucket
// and object) in place of the deleted file's or object's.
func relocated(meta map[string]string, h Holder) map[string]string {
	out := make(map[string]string, len(meta)+2)
	for k, v := range meta {
		if k != "path" && k != "bucket" && k != "object" {
			out[k] = v
		}
	}
	for k, v := range map[string]string{"path": h.Path, "bucket": h.Bucket, "object": h.Object} {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

// rememberDeletion keeps results of r's document published before the
// deletion out of this index. A tombstone the bucket lacks only matters
// after a restart: it is said, and the removal goes on.
func (x *Indexer) rememberDeletion(msg *message.Message, r Removal) {
	if err := x.deletedEarly.add(msg.Context(), r.ID, removalTime(msg, r)); err != nil {
		x.Log.Warn("deletion remembered in memory only", "doc_id", r.ID, "err", err)
	}
}

// analysedSince reports whether doc was analysed after the removal r was
// asked for (its file put back, or another copy taken after the check):
// by the worker's clock against the watcher's, or by the broker's against
// itself (the result's stream time against the removal's, removedAt). Either
// keeps the document, so a worker whose clock is behind the watcher's
// cannot have a document removed whose file is back.
func analysedSince(doc *document.Result, r Removal, removedAt time.Time) bool {
	return doc.ProcessedAt.After(r.At) || !removedAt.IsZero() && doc.PublishedAt.After(removedAt)
}

// removalTime is when removal r was asked: by the broker's clock when
// known, as results are stamped, else by the asking docmill's.
func removalTime(msg *message.Message, r Removal) time.Time {
	if t := streamTime(msg); !t.IsZero() {
		return t
	}
	return r.At
}

// TombstoneBucket is the KV bucket of documents deleted before an indexer
// had them, by document id, with when, and of versions replaced before
// they were indexed (keys "replaced.<id>"). Each indexer keeps its own in
// memory as well; the bucket is what an indexer that restarts reads back,
// or a result published before the deletion and still on its way would be
// indexed once it came, bringing the deleted document back on that replica.
const TombstoneBucket = "docmill-deleted"

// OpenTombstones creates or opens TombstoneBucket; its entries expire after
// tombstoneFor.
func OpenTombstones(ctx context.Context, js jetstream.JetStream, replicas int) (jetstream.KeyValue, error) {
	return openExpiringBucket(ctx, js, TombstoneBucket, tombstoneFor,
		"documents deleted or replaced before an indexer had them, so that their late results stay out", replicas)
}

// tombstones remember, for tombstoneFor, documents deleted before they
// were indexed here, and when; in TombstoneBucket too when kv is set.
type tombstones struct {
	mu sync.Mutex
	at map[string]time.Time
	kv jetstream.KeyValue
}

// tombstoneFor bounds how long a deletion waits for a result still on its
// way; a result that old is long indexed or dead-lettered.
const tombstoneFor = time.Hour

// add remembers that id was deleted at, and stores it in the bucket.
func (t *tombstones) add(ctx context.Context, id string, at time.Time) error {
	t.remember(id, at)
	if t.kv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := t.kv.Put(ctx, id, []byte(at.UTC().Format(time.RFC3339Nano))); err != nil {
		return fmt.Errorf("store the deletion of %s: %w", id, err)
	}
	return nil
}

func (t *tombstones) remember(id string, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.at == nil {
		t.at = map[string]time.Time{}
	}
	for k, v := range t.at {
		if time.Since(v) > tombstoneFor {
			delete(t.at, k)
		}
	}
	if prev, ok := t.at[id]; !ok || at.After(prev) {
		t.at[id] = at
	}
}

// covers reports whether a result of id that entered the results stream
// at published comes from before id's deletion.
func (t *tombstones) covers(id string, published time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	at, ok := t.at[id]
	return ok && !published.IsZero() && !published.After(at)
}

// streamTime is when msg entered its stream, by the broker's clock; zero
// when unknown.
func streamTime(msg *message.Message) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, msg.Metadata.Get(stream.MetaStreamTime))
	return t
}

// removalBackoff retries a removal at a steady pace while its document is
// on its way to the index.
func removalBackoff(int) time.Duration { return removalRetry }
