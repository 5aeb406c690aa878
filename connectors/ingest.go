// Package connectors brings documents into docmill: a publisher that every
// ingest path shares (CLI, HTTP, folders, buckets), and the watchers that
// feed it.
package connectors

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"net/textproto"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/objstore"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/stages/parse"
)

// BlobBucket holds documents too large for one message.
const BlobBucket = "docmill-blobs"

// Doc is a document to ingest.
type Doc struct {
	Filename    string
	Source      string // becomes the subject token: docmill.ingest.<source>
	ContentType string // optional hint
	Data        []byte
	Meta        map[string]string
	Depth       string // shallow | full | auto (optional)
	Deadline    string // optional, see pipeline.HeaderDeadline
	// DedupID overrides the de-duplication id (the content hash), so that a
	// deliberate reprocess is not dropped as a duplicate.
	DedupID string
	// Version names this version of a watched file or object (its key and
	// size and time, or NUID). A version is ingested and its result
	// published even when the same bytes were sent minutes ago: a file put
	// back to what it held, renamed, or deleted and restored. A repeated
	// send of one version (after a crash) is still dropped.
	Version string
}

// Publisher publishes documents to docmill.ingest.<source>.
type Publisher struct {
	JS jetstream.JetStream
	// MaxPayload is the largest message body; larger documents go to the
	// object store and travel by reference (default 1 MiB, NATS's default).
	MaxPayload int
	// MaxBytes refuses documents above this size outright (default 64 MiB).
	MaxBytes int
	// Replicas of the blob bucket (3 on a cluster).
	Replicas int

	procOnce sync.Once
	proc     *pipeline.Processing // nil when the bucket cannot be opened
}

// processing opens pipeline.ProcessingBucket once; nil when it cannot be.
func (p *Publisher) processing(ctx context.Context) *pipeline.Processing {
	p.procOnce.Do(func() {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		p.proc, _ = pipeline.OpenProcessing(ctx, p.JS, p.Replicas)
	})
	return p.proc
}

// DefaultMaxBytes is Publisher.MaxBytes when it is zero.
const DefaultMaxBytes = 64 << 20

// ErrTooLarge is returned for documents over Publisher.MaxBytes.
var ErrTooLarge = errors.New("document too large")

// ErrEmpty is returned for zero-byte documents.
var ErrEmpty = errors.New("empty document")

// ErrHeaders is returned when a document's file name and metadata do not
// fit in an ingest message's headers (MaxHeaderBytes): the broker would
// refuse the message however often it was sent.
var ErrHeaders = errors.New("file name and metadata too large")

// ErrReservedMeta is returned for an object whose metadata sets one of
// docmill's own keys (pipeline.ReservedMeta), as an upload's is refused.
var ErrReservedMeta = errors.New("metadata key set by docmill itself")

// MaxHeaderBytes bounds the headers of an ingest message (file name,
// metadata, docmill's own); NATS refuses headers over 64 KiB.
const MaxHeaderBytes = 32 << 10

// MaxFilenameBytes bounds a document's file name.
const MaxFilenameBytes = 1024

var tokenUnsafe = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// SubjectFor returns docmill.ingest.<source> with source made subject-safe.
func SubjectFor(source string) string {
	t := strings.Trim(tokenUnsafe.ReplaceAllString(source, "_"), "_")
	if t == "" {
		t = "default"
	}
	return broker.SubjectIngest + "." + t
}

// Publish stores d on the ingest stream and returns its document id. The
// JetStream message id is the content hash, so publishing the same bytes
// twice within the de-duplication window stores them once.
func (p *Publisher) Publish(ctx context.Context, d Doc) (string, error) {
	r, err := p.Send(ctx, d)
	return r.ID, err
}

// Receipt is what the ingest stream answered for one document.
type Receipt struct {
	ID string
	// Duplicate: the same bytes (or DedupID) arrived within the stream's
	// de-duplication window, so this copy was dropped and will not be
	// analysed again.
	Duplicate bool
	// InFlight: the duplicate is of a send still on its way to the index
	// (in pipeline.ProcessingBucket), whichever way it came.
	InFlight bool
}

// decodedMeta is meta with values that are not UTF-8 (the "path" of a
// file named in GBK on a Windows share) decoded as parse.DecodeName decodes
// file names; meta itself is left as it is, the caller may keep using it.
func decodedMeta(meta map[string]string) map[string]string {
	var out map[string]string
	for k, v := range meta {
		if utf8.ValidString(v) {
			continue
		}
		if out == nil {
			out = maps.Clone(meta)
		}
		out[k] = parse.DecodeName(v)
	}
	if out == nil {
		return meta
	}
	return out
}

// Send is Publish that also says whether the stream dropped the document
// as a duplicate.
func (p *Publisher) Send(ctx context.Context, d Doc) (Receipt, error) {
	maxBytes := p.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	// names from Windows zips and SMB shares are GBK or Big5 bytes: read
	// here, where every ingest path passes, not in each connector
	d.Filename, d.Meta = parse.DecodeName(d.Filename), decodedMeta(d.Meta)
	if len(d.Data) == 0 {
		return Receipt{}, fmt.Errorf("ingest %s: %w", d.Filename, ErrEmpty)
	}
	if len(d.Data) > maxBytes {
		return Receipt{}, fmt.Errorf("ingest %s: %d bytes over the %d limit: %w", d.Filename, len(d.Data), maxBytes, ErrTooLarge)
	}
	if len(d.Filename) > MaxFilenameBytes {
		return Receipt{}, fmt.Errorf("ingest %.60s...: a file name of %d bytes, over the %d limit: %w", d.Filename, len(d.Filename), MaxFilenameBytes, ErrHeaders)
	}
	id := document.ID(d.Data)
	m := nats.NewMsg(SubjectFor(d.Source))
	m.Header.Set(nats.MsgIdHdr, id)
	if d.Version != "" {
		m.Header.Set(nats.MsgIdHdr, id+":version:"+d.Version)
		m.Header.Set(pipeline.HeaderVersion, d.Version)
	}
	if d.DedupID != "" {
		m.Header.Set(nats.MsgIdHdr, d.DedupID)
	}
	m.Header.Set(pipeline.HeaderFilename, d.Filename)
	m.Header.Set(pipeline.HeaderIngestedAt, time.Now().UTC().Format(time.RFC3339Nano))
	if d.Source != "" {
		m.Header.Set(pipeline.HeaderSource, d.Source)
	}
	setIf(m.Header, pipeline.HeaderContentType, d.ContentType)
	setIf(m.Header, pipeline.HeaderDepth, d.Depth)
	setIf(m.Header, pipeline.HeaderDeadline, d.Deadline)
	for k, v := range d.Meta {
		// docmill's own keys (set by the watchers and backfills, never
		// taken from a sender) travel apart from free metadata, which may
		// not set them
		if pipeline.ReservedMeta(k) {
			m.Header.Set(textproto.CanonicalMIMEHeaderKey(pipeline.HeaderOwnPrefix+k), v)
		} else {
			m.Header.Set(pipeline.HeaderMetaPrefix+k, v)
		}
	}
	if n := headerBytes(m.Header); n > MaxHeaderBytes {
		return Receipt{}, fmt.Errorf("ingest %s: file name and metadata of %d bytes, over the %d limit: %w", d.Filename, n, MaxHeaderBytes, ErrHeaders)
	}
	wrote, err := p.attach(ctx, m, id, d)
	if err != nil {
		return Receipt{}, err
	}
	// Recorded as processing before it is sent, so that the indexer's
	// forgetting it always comes after; best effort: unrecorded (the
	// bucket unavailable), the worker records it.
	proc := p.processing(ctx)
	created, rev, perr := proc.Sending(ctx, id, time.Now())
	if proc != nil && perr == nil && !created && d.Version == "" {
		// on its way from an earlier send that the stream's de-duplication
		// does not see (a backfill's sends carry their job's id, an ingest
		// of the same file its content's): analysed once is enough
		if wrote {
			_ = DeleteBlob(ctx, p.JS, id)
		}
		return Receipt{ID: id, Duplicate: true, InFlight: true}, nil
	}
	if proc != nil && perr == nil {
		m.Header.Set(pipeline.HeaderProcessing, "1")
	}
	ack, err := p.JS.PublishMsg(ctx, m)
	if err == nil && ack.Duplicate && d.DedupID == "" {
		ack, err = p.afterDelete(ctx, m, id, ack)
	}
	// (with a context of their own: the send's may be cancelled by now)
	if err != nil || ack.Duplicate {
		if created {
			_ = proc.Done(context.WithoutCancel(ctx), id) // not on its way after all
		}
	} else if created {
		_ = proc.Sent(ctx, id, rev, time.Now())
	}
	if err == nil && ack.Duplicate && wrote {
		// the blob this send wrote (its document deleted since the first
		// send) belongs to no message: nothing would ever delete it
		_ = DeleteBlob(ctx, p.JS, id)
	}
	if err != nil {
		return Receipt{}, fmt.Errorf("ingest %s: %w", d.Filename, err)
	}
	return Receipt{ID: id, Duplicate: ack.Duplicate}, nil
}

// afterDelete sends m again when the stream dropped it as a duplicate of
// a send within its window and document id was deleted within that
// window too: the same content sent after a delete is indexed anew, not
// dropped as the copy of what the delete removed. The message id names
// the delete, so that sends after the same delete are still one.
func (p *Publisher) afterDelete(ctx context.Context, m *nats.Msg, id string, dup *jetstream.PubAck) (*jetstream.PubAck, error) {
	at, ok, err := pipeline.LastDeleted(ctx, p.JS, id)
	if err != nil || !ok || time.Since(at) > broker.DuplicateWindow {
		return dup, nil // no delete to undo: the duplicate stands
	}
	stamp := at.UTC().Format(time.RFC3339Nano)
	m.Header.Set(nats.MsgIdHdr, m.Header.Get(nats.MsgIdHdr)+":deleted:"+stamp)
	m.Header.Set(pipeline.HeaderAfterDelete, stamp) // its result is no copy of the first either
	return p.JS.PublishMsg(ctx, m)
}

// headerBytes is about what h takes in a message ("Key: value\r\n").
func headerBytes(h nats.Header) int {
	n := 0
	for k, vs := range h {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

func setIf(h nats.Header, k, v string) {
	if v != "" {
		h.Set(k, v)
	}
}

// attach puts the content in the message, or in the blob bucket when it is
// too big for one message; wrote says it stored a new object there.
func (p *Publisher) attach(ctx context.Context, m *nats.Msg, id string, d Doc) (wrote bool, err error) {
	maxPayload := p.MaxPayload
	if maxPayload <= 0 {
		maxPayload = 1 << 20
	}
	if len(d.Data) <= maxPayload-16<<10 {
		m.Data = d.Data
		return false, nil
	}
	// a blob lives as long as the ingest messages that name it: kept
	// forever, it outlived every message and document it served
	store, err := p.JS.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: BlobBucket,
		Description: "documents too large for one ingest message", Storage: jetstream.FileStorage, Replicas: p.Replicas,
		TTL: ingestMaxAge(ctx, p.JS)})
	if err != nil {
		return false, fmt.Errorf("blob bucket: %w", err)
	}
	// The object is named by the content's hash: one already stored whole
	// holds these bytes. Putting it again would replace its chunks under a
	// reader of the old ones (a worker, a stream backfill), which then
	// waited for chunks that were gone.
	m.Header.Set(pipeline.HeaderSize, strconv.Itoa(len(d.Data)))
	if info, err := store.GetInfo(ctx, id); err == nil && !info.Deleted && info.Size == uint64(len(d.Data)) {
		m.Header.Set(pipeline.HeaderObject, BlobBucket+"/"+id)
		return false, nil
	}
	if _, err := objstore.Put(ctx, p.JS, BlobBucket, jetstream.ObjectMeta{Name: id}, bytes.NewReader(d.Data)); err != nil {
		return false, fmt.Errorf("store %s in %s: %w", d.Filename, BlobBucket, err)
	}
	m.Header.Set(pipeline.HeaderObject, BlobBucket+"/"+id)
	return true, nil
}

// DeleteBlob deletes document id's object in BlobBucket; a missing one is
// no error.
func DeleteBlob(ctx context.Context, js jetstream.JetStream, id string) error {
	return objstore.Delete(ctx, js, BlobBucket, id)
}

// ingestMaxAge is how long the ingest stream keeps a message (0: until
// its limits say otherwise).
func ingestMaxAge(ctx context.Context, js jetstream.JetStream) time.Duration {
	c, _ := ingestConfig(ctx, js)
	return c.MaxAge
}

// StreamReplicas is the replica count of the ingest stream, for the
// stores a client creates beside it (blobs, checkpoints): on a cluster
// they must be as safe as the streams, which the server created from its
// configuration. 1 when the stream cannot be read.
func StreamReplicas(ctx context.Context, js jetstream.JetStream) int {
	if c, ok := ingestConfig(ctx, js); ok && c.Replicas >= 1 {
		return c.Replicas
	}
	return 1
}

// ingestConfig is the ingest stream's configuration as the server has it.
func ingestConfig(ctx context.Context, js jetstream.JetStream) (jetstream.StreamConfig, bool) {
	st, err := js.Stream(ctx, broker.StreamIngest)
	if err != nil {
		return jetstream.StreamConfig{}, false
	}
	return st.CachedInfo().Config, true
}
