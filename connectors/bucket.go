package connectors

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/internal/objstore"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/stream"
)

// Bucket ingests every object put into a NATS Object Store bucket, once:
// a durable consumer on the bucket's own stream (OBJ_<bucket>, meta
// subjects $O.<bucket>.M.>) remembers what was taken across restarts, and
// all replicas share it. ObjectStore.Watch would replay the whole bucket on
// every start and show each object to every replica.
type Bucket struct {
	Name string
	JS   jetstream.JetStream
	Pub  *Publisher
	// After success: "" keeps the object, "delete" removes it, any other
	// value is a bucket the object is moved to.
	After string
	// Replicas of the bucket when docmill creates it.
	Replicas int
	// Seen, when set, remembers the document each object name was last
	// ingested as, so that a new version of an object replaces it.
	Seen jetstream.KeyValue
	Log  *slog.Logger
	// MirrorDeletes removes an object's document from the index when the
	// object is deleted, unless another watched file or object holds the
	// same bytes (sources.mirror_deletes; needs Seen, and After "").
	MirrorDeletes bool
	// StallAfter is how long objects may wait with none settled before
	// Err reports a stall; 0 is BucketStallAfter.
	StallAfter time.Duration
	// RetryAfter is how long Watch waits before starting a stopped watch
	// again; 0 is BucketRetryFirst.
	RetryAfter time.Duration
	// Quota, when set, bounds the objects taken an hour; the rest wait in
	// the bucket (sources.max_per_hour, sources.max_mb_per_hour).
	Quota *Quota

	st         watchState
	afterReady atomic.Bool // the After bucket is known to exist
}

// Run consumes the bucket until ctx ends. It returns early, with why,
// when the watch cannot go on (the bucket or its consumer deleted); Err
// then says so until the process restarts.
func (b *Bucket) Run(ctx context.Context) error {
	err := b.run(ctx)
	alive := ctx.Err() == nil
	if !alive {
		err = nil // shut down: whatever the last call met, it was asked to stop
	}
	b.ended(err, alive)
	return err
}

func (b *Bucket) run(ctx context.Context) error {
	store, err := b.JS.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: b.Name,
		Description: "docmill inbox: objects put here are ingested", Storage: jetstream.FileStorage, Replicas: b.Replicas})
	if err != nil {
		return fmt.Errorf("bucket %s: %w", b.Name, err)
	}
	cons, err := b.JS.CreateOrUpdateConsumer(ctx, "OBJ_"+b.Name, jetstream.ConsumerConfig{
		Durable:       "docmill-bucket-" + b.Name,
		FilterSubject: "$O." + b.Name + ".M.>",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       2 * time.Minute,
		// an object is retried until the broker takes it (a full or
		// unreachable broker clears in minutes or hours); five tries had
		// dropped it after 20 seconds, silently
		MaxDeliver:    -1,
		MaxAckPending: 16,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	})
	if err != nil {
		return fmt.Errorf("bucket %s consumer: %w", b.Name, err)
	}
	it, err := cons.Messages()
	if err != nil {
		return fmt.Errorf("bucket %s: %w", b.Name, err)
	}
	go func() { <-ctx.Done(); it.Stop() }()
	b.started()
	pollCtx, stopPoll := context.WithCancel(ctx)
	defer stopPoll()
	// gone is why poll found the consumer deleted, and stopped it
	gone := make(chan error, 1)
	go b.poll(pollCtx, cons, func(err error) {
		gone <- err
		it.Stop()
	})
	var last error // what Next last failed with, which often says why it closed
	for {
		m, err := it.Next()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
				// nats.go closes the iterator for good once the consumer
				// is deleted (with its bucket, or by hand): this had
				// returned nil, and the watch was over without a word
				select {
				case last = <-gone:
				default:
				}
				if last != nil {
					return fmt.Errorf("bucket %s: consuming stopped after %w", b.Name, last)
				}
				return fmt.Errorf("bucket %s: consuming stopped: %w", b.Name, err)
			}
			last = err
			b.failed(err)
			b.Log.Warn("bucket: next", "bucket", b.Name, "err", err)
			continue
		}
		b.handle(ctx, store, m)
	}
}

// handle ingests one object event. Refusals (empty, too large, a name too
// long; see refusal) are logged, counted and acked: retrying cannot fix
// them.
func (b *Bucket) handle(ctx context.Context, store jetstream.ObjectStore, m jetstream.Msg) {
	var info jetstream.ObjectInfo
	if err := json.Unmarshal(m.Data(), &info); err != nil {
		b.Log.Warn("bucket: undecodable object event", "bucket", b.Name, "err", err)
		b.settled(m.Term())
		return
	}
	if info.Deleted {
		var err error
		switch {
		case b.Seen == nil:
		case b.MirrorDeletes:
			err = b.remove(ctx, &info)
		default:
			err = b.unhold(ctx, &info)
		}
		if err != nil {
			b.Log.Error("bucket: deletion not recorded, will retry", "bucket", b.Name, "object", info.Name, "err", err)
			b.failed(fmt.Errorf("%s: deletion not recorded: %w", info.Name, err))
			_ = m.NakWithDelay(5 * time.Second)
			return
		}
		b.settled(m.Ack())
		return
	}
	if SkipObject(info.Name) {
		b.Log.Info("bucket: a hidden, temporary or lock file name (SkipObject), left alone", "bucket", b.Name, "object", info.Name)
		b.settled(m.Ack())
		return
	}
	if wait := b.Quota.Wait(int64(info.Size)); wait > 0 {
		b.waitQuota(info.Name, wait)
		_ = m.NakWithDelay(wait)
		return
	}
	err := b.ingest(ctx, store, &info)
	switch {
	case err == nil:
		b.Quota.Took(int64(info.Size))
		b.settled(m.DoubleAck(ctx))
	case refusal(err):
		countRefused("bucket", err)
		b.Log.Warn("bucket: object refused", "bucket", b.Name, "object", info.Name, "reason", err)
		b.settled(m.DoubleAck(ctx))
	default:
		delay := retryDelay(m)
		b.Log.Error("bucket: ingest failed, will retry", "bucket", b.Name, "object", info.Name, "in", delay, "err", err)
		b.failed(fmt.Errorf("%s: %w", info.Name, err))
		_ = m.NakWithDelay(delay)
	}
}

// refusal reports whether err refuses an object for good: sending it again
// cannot help. Such an object is acked at once; retried, it held one of
// the consumer's MaxAckPending slots forever, and sixteen of them stopped
// the bucket.
func refusal(err error) bool {
	for _, permanent := range []error{ErrEmpty, ErrTooLarge, ErrHeaders, ErrReservedMeta,
		jetstream.ErrObjectNotFound, jetstream.ErrDigestMismatch} {
		if errors.Is(err, permanent) {
			return true
		}
	}
	return false
}

// retryDelay is how long an object event that failed waits: 5 s, doubling
// with each delivery up to 5 minutes.
func retryDelay(m jetstream.Msg) time.Duration {
	n := 1
	if md, err := m.Metadata(); err == nil && md.NumDelivered > 0 {
		n = int(min(md.NumDelivered, 64))
	}
	return bucketBackoff(n)
}

var bucketBackoff = stream.ExponentialBackoff(5*time.Second, 5*time.Minute)

func (b *Bucket) ingest(ctx context.Context, store jetstream.ObjectStore, info *jetstream.ObjectInfo) error {
	limit := b.Pub.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if info.Size == 0 {
		return fmt.Errorf("%s: %w", info.Name, ErrEmpty)
	}
	if info.Size > uint64(limit) {
		return fmt.Errorf("%s: %d bytes over the %d limit: %w", info.Name, info.Size, limit, ErrTooLarge)
	}
	r, err := store.Get(ctx, info.Name)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", info.Name, err)
	}
	meta, err := objectMeta(b.Name, info)
	if err != nil {
		return err
	}
	if info.Description != "" {
		meta["description"] = info.Description
	}
	key := objectSeenKey(b.Name, info.Name)
	// the object's whole name, as a watched folder gives a file's path
	// under it ("contracts/msa.txt")
	doc := Doc{Filename: info.Name, Source: pipeline.BucketSourcePrefix + b.Name, Data: data, Meta: meta}
	h := holding{Kind: "object", Where: b.Name, Name: info.Name, Version: info.NUID}
	var prevID string
	if b.Seen != nil {
		if e, err := b.Seen.Get(ctx, key); err == nil {
			prevID = string(e.Value())
			replaces, err := replaceable(ctx, b.Seen, prevID, h, b.Log)
			if err != nil {
				return err
			}
			if replaces {
				meta[pipeline.MetaReplaces] = prevID
			}
		}
	}
	if isNewVersion(data, prevID, b.MirrorDeletes) {
		doc.Version = key + ":" + info.NUID
	}
	id, err := b.Pub.Publish(ctx, doc)
	if err != nil {
		return err
	}
	if b.Seen != nil {
		if err := holdVersion(ctx, b.Seen, h, id, prevID); err != nil {
			return err
		}
	}
	if b.Seen != nil {
		if _, err := b.Seen.Put(ctx, key, []byte(id)); err != nil {
			b.Log.Warn("bucket: remember object", "bucket", b.Name, "object", info.Name, "err", err)
		}
	}
	return b.afterSuccess(ctx, store, info, data)
}

// objectMeta is the free metadata of an object: its bucket and name, its
// metadata and headers (keys in lower case). One setting a key of
// docmill's own (replaces) is refused, as an upload is.
func objectMeta(bucket string, info *jetstream.ObjectInfo) (map[string]string, error) {
	meta := map[string]string{"bucket": bucket, "object": info.Name}
	for k, v := range info.Metadata {
		meta[strings.ToLower(k)] = v
	}
	for k, v := range info.Headers {
		if len(v) > 0 {
			meta[strings.ToLower(k)] = v[0]
		}
	}
	for k := range meta {
		if pipeline.ReservedMeta(k) {
			return nil, fmt.Errorf("%s: %q: %w", info.Name, k, ErrReservedMeta)
		}
	}
	return meta, nil
}

// remove handles the deletion of an object (see removeHeld); one never
// taken (refused, or deleted before it was read) has nothing to remove.
func (b *Bucket) remove(ctx context.Context, info *jetstream.ObjectInfo) error {
	key := objectSeenKey(b.Name, info.Name)
	e, err := b.Seen.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("bucket %s: %w", b.Name, err)
	}
	h := holding{Kind: "object", Where: b.Name, Name: info.Name, Version: info.NUID}
	return removeHeld(ctx, b.Seen, b.Pub.JS, b.Log, key, string(e.Value()), pipeline.BucketSourcePrefix+b.Name, h)
}

// unhold records that a deleted object no longer holds its document,
// which stays in the index (without MirrorDeletes).
func (b *Bucket) unhold(ctx context.Context, info *jetstream.ObjectInfo) error {
	e, err := b.Seen.Get(ctx, objectSeenKey(b.Name, info.Name))
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("bucket %s: %w", b.Name, err)
	}
	return release(ctx, b.Seen, string(e.Value()), holding{Kind: "object", Where: b.Name, Name: info.Name})
}

// afterSuccess keeps, deletes or moves an ingested object (After). An
// object is deleted only once it is stored elsewhere: moved onto its own
// bucket, the put replaced it and the delete removed it.
func (b *Bucket) afterSuccess(ctx context.Context, store jetstream.ObjectStore, info *jetstream.ObjectInfo, data []byte) error {
	switch b.After {
	case "":
		return nil
	case b.Name:
		b.Log.Warn("bucket: after_ingest names this bucket; object kept where it is", "bucket", b.Name, "object", info.Name)
		return nil
	case "delete":
		return store.Delete(ctx, info.Name)
	default:
		if err := b.afterStore(ctx); err != nil {
			return fmt.Errorf("move to %s: %w", b.After, err)
		}
		if _, err := objstore.Put(ctx, b.JS, b.After, jetstream.ObjectMeta{Name: info.Name}, bytes.NewReader(data)); err != nil {
			return fmt.Errorf("move to %s: %w", b.After, err)
		}
		return store.Delete(ctx, info.Name)
	}
}

// afterStore makes sure the after_ingest bucket exists, creating it with
// the watched bucket's replicas. An existing one is left as it is: the
// create-or-update used before made it with one replica on a cluster, and
// would have set an existing bucket's replicas back to one on each move.
func (b *Bucket) afterStore(ctx context.Context) error {
	if b.afterReady.Load() {
		return nil
	}
	if _, err := b.JS.ObjectStore(ctx, b.After); err != nil {
		if !errors.Is(err, jetstream.ErrBucketNotFound) {
			return err
		}
		_, err = b.JS.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: b.After, Storage: jetstream.FileStorage,
			Description: "docmill: objects of bucket " + b.Name + " after they were ingested", Replicas: b.Replicas})
		if err != nil && !errors.Is(err, jetstream.ErrBucketExists) {
			return err
		}
	}
	b.afterReady.Store(true)
	return nil
}
