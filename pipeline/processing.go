package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
)

// ProcessingBucket is the KV bucket of documents accepted for analysis and
// not yet indexed, by document id, shared by every docmill on one broker.
// GET /api/documents/{id} reads it to tell a client polling for a result
// "still processing" from "never heard of it" (both are 404 until the
// result is indexed), whichever way the document came in and whichever
// docmill took it.
const ProcessingBucket = "docmill-pending"

// FailedBucket is the KV bucket that remembers, for a day, why documents
// were dead-lettered, by document id (see server.FailedBucket).
const FailedBucket = "docmill-failed"

// ProcessingFor bounds how long a document counts as processing: its
// entry expires by itself after it (a backlog longer than that, or a
// document lost on the way, reads as unknown again).
const ProcessingFor = time.Hour

// HeaderProcessing on an ingest message says its publisher recorded it in
// ProcessingBucket, so the worker need not.
const HeaderProcessing = "Docmill-Processing"

// Processing records documents in ProcessingBucket. A nil *Processing
// records nothing. Its writes are best effort: a document whose entry was
// not written is only reported as unknown until it is indexed.
type Processing struct{ kv jetstream.KeyValue }

// OpenProcessing creates or opens ProcessingBucket.
func OpenProcessing(ctx context.Context, js jetstream.JetStream, replicas int) (*Processing, error) {
	kv, err := openExpiringBucket(ctx, js, ProcessingBucket, ProcessingFor,
		"documents accepted and not yet indexed, for GET /api/documents/{id}", replicas)
	if err != nil {
		return nil, err
	}
	return &Processing{kv: kv}, nil
}

// openExpiringBucket creates or opens the file-backed KV bucket name
// whose entries expire after ttl.
func openExpiringBucket(ctx context.Context, js jetstream.JetStream, name string, ttl time.Duration, description string, replicas int) (jetstream.KeyValue, error) {
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: name, TTL: ttl, Description: description,
		Storage: jetstream.FileStorage, Replicas: max(replicas, 1)})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	return kv, nil
}

// Start records that document id was accepted at, unless it is recorded
// already (still on its way from an earlier send); created says whether
// this call recorded it.
func (p *Processing) Start(ctx context.Context, id string, at time.Time) (created bool, err error) {
	created, _, err = p.claim(ctx, id, at.UTC().Format(time.RFC3339Nano), at)
	return created, err
}

// claim writes value as document id's entry unless the document is on its
// way already: an indexed marker is no document on its way, nor a send
// that died before it published, so those are taken over. created says
// this call wrote it; rev is the entry's revision.
func (p *Processing) claim(ctx context.Context, id, value string, at time.Time) (created bool, rev uint64, err error) {
	if p == nil {
		return false, 0, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	rev, err = p.kv.Create(ctx, id, []byte(value))
	if errors.Is(err, jetstream.ErrKeyExists) {
		e, gerr := p.kv.Get(ctx, id)
		if gerr != nil || !(strings.HasPrefix(string(e.Value()), indexedMark) || deadSend(string(e.Value()), at)) {
			return false, 0, nil
		}
		rev, err = p.kv.Update(ctx, id, []byte(value), e.Revision())
		if errors.Is(err, jetstream.ErrKeyExists) {
			return false, 0, nil // another send recorded it meanwhile
		}
	}
	if err != nil {
		return false, 0, err
	}
	return true, rev, nil
}

// indexedMark opens the entry of a document an indexer has indexed.
const indexedMark = "indexed "

// sendingMark opens the entry a publisher writes before it publishes:
// until the publish is acknowledged (Sent), the document is not yet on
// its way. A publisher killed in between left an entry that made every
// later send of the document a duplicate of one that never happened, for
// an hour; an entry still sending after SendingGrace is taken as that.
const sendingMark = "sending "

// SendingGrace is how long a publish may take before its entry reads as
// a send that died: publishing is acknowledged in milliseconds, or fails
// within seconds.
const SendingGrace = time.Minute

// Sending records that a publisher is about to publish document id at
// at, unless the document is on its way already (recorded and published,
// or being published by a live send): created says this call recorded it,
// and rev is its entry's revision, for Sent.
func (p *Processing) Sending(ctx context.Context, id string, at time.Time) (created bool, rev uint64, err error) {
	return p.claim(ctx, id, sendingMark+at.UTC().Format(time.RFC3339Nano), at)
}

// deadSend reports an entry of a send that began more than SendingGrace
// before now and was never acknowledged.
func deadSend(v string, now time.Time) bool {
	t, ok := strings.CutPrefix(v, sendingMark)
	if !ok {
		return false
	}
	at, err := time.Parse(time.RFC3339Nano, t)
	return err != nil || now.Sub(at) > SendingGrace
}

// Sent marks the entry Sending wrote (revision rev) as published: the
// document is on its way. An entry changed since (indexed already, by a
// fast pipeline) is left as it is.
func (p *Processing) Sent(ctx context.Context, id string, rev uint64, at time.Time) error {
	if p == nil || rev == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	_, err := p.kv.Update(ctx, id, []byte(at.UTC().Format(time.RFC3339Nano)), rev)
	if errors.Is(err, jetstream.ErrKeyExists) {
		return nil
	}
	return err
}

// Indexed marks ids as indexed by one indexer: no longer processing, but
// for ProcessingFor an indexer that has not caught up yet (a replica
// keeping its own index) can say the document is on its way to it rather
// than unknown.
//
// The marks are written markWriters at a time, each with its own time
// limit: written one after the other within 5 s for the whole batch, the
// tail of a 128-document batch went unmarked whenever the broker answered
// slower than 40 ms a write (an indexer catching up beside busy workers),
// and ingest --wait and backfill --wait then waited out their timeout on
// documents that were indexed.
func (p *Processing) Indexed(ctx context.Context, at time.Time, ids ...string) error {
	if p == nil {
		return nil
	}
	value := []byte(indexedMark + at.UTC().Format(time.RFC3339Nano))
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	slots := make(chan struct{}, markWriters)
	for _, id := range ids {
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-slots; wg.Done() }()
			pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			if _, err := p.kv.Put(pctx, id, value); err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("mark %s indexed: %w", id, err))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		return fmt.Errorf("%d of %d documents not marked indexed: %w", len(errs), len(ids), errs[0])
	}
	return nil
}

// markWriters is how many indexed marks Indexed writes at once.
const markWriters = 16

// IndexedElsewhere says whether an indexer marked document id indexed
// within ProcessingFor.
func (p *Processing) IndexedElsewhere(ctx context.Context, id string, now time.Time) bool {
	if p == nil {
		return false
	}
	e, err := p.kv.Get(ctx, id)
	if err != nil {
		return false
	}
	v, ok := strings.CutPrefix(string(e.Value()), indexedMark)
	if !ok {
		return false
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	return err == nil && now.Sub(t) <= ProcessingFor
}

// Done forgets ids: gone from the index (deleted, dropped), or dropped
// on their way to it. Indexed documents are marked (Indexed) instead.
func (p *Processing) Done(ctx context.Context, ids ...string) error {
	if p == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var errs []error
	for _, id := range ids {
		if err := p.kv.Delete(ctx, id); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Since says when document id was accepted, if it is processing.
func (p *Processing) Since(ctx context.Context, id string, now time.Time) (time.Time, bool) {
	if p == nil {
		return time.Time{}, false
	}
	e, err := p.kv.Get(ctx, id)
	if err != nil {
		return time.Time{}, false
	}
	v := string(e.Value())
	if deadSend(v, now) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, strings.TrimPrefix(v, sendingMark))
	if err != nil || now.Sub(t) > ProcessingFor {
		return time.Time{}, false
	}
	return t, true
}

// Count is how many documents are on their way now: accepted within
// ProcessingFor, not yet indexed, and not a send that died. It reads
// every entry of the bucket (an hour of documents) in one watch, for a
// page that tells its reader what has not reached the index yet.
func (p *Processing) Count(ctx context.Context, now time.Time) (int, error) {
	if p == nil {
		return 0, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	w, err := p.kv.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", ProcessingBucket, err)
	}
	defer w.Stop()
	n := 0
	for e := range w.Updates() {
		if e == nil { // every stored entry read
			return n, nil
		}
		if onItsWay(string(e.Value()), now) {
			n++
		}
	}
	return 0, fmt.Errorf("read %s: %w", ProcessingBucket, ctx.Err())
}

// Expected is the ids of the documents accepted or indexed within
// ProcessingFor before now, less the sends that died: what an index
// kept beside the others' (another indexer's, or this one rebuilt) is to
// hold by now or soon. A reader asks its own index which it lacks: an
// indexed mark says that one indexer took a document, not that every
// index holds it.
func (p *Processing) Expected(ctx context.Context, now time.Time) ([]string, error) {
	if p == nil {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	w, err := p.kv.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", ProcessingBucket, err)
	}
	defer w.Stop()
	var ids []string
	for e := range w.Updates() {
		if e == nil { // every stored entry read
			return ids, nil
		}
		if expected(string(e.Value()), now) {
			ids = append(ids, e.Key())
		}
	}
	return nil, fmt.Errorf("read %s: %w", ProcessingBucket, ctx.Err())
}

// expected reports whether an entry's value v is a document accepted or
// indexed within ProcessingFor before now, and no send that died.
func expected(v string, now time.Time) bool {
	if deadSend(v, now) {
		return false
	}
	v, _ = strings.CutPrefix(v, indexedMark)
	t, err := time.Parse(time.RFC3339Nano, strings.TrimPrefix(v, sendingMark))
	return err == nil && now.Sub(t) <= ProcessingFor
}

// onItsWay reports whether an entry's value v is a document accepted
// within ProcessingFor before now and not yet indexed.
func onItsWay(v string, now time.Time) bool {
	if strings.HasPrefix(v, indexedMark) || deadSend(v, now) {
		return false
	}
	t, err := time.Parse(time.RFC3339Nano, strings.TrimPrefix(v, sendingMark))
	return err == nil && now.Sub(t) <= ProcessingFor
}

// ByPrefix is the one document id on its way that starts with prefix (the
// 12-character form docmill prints, or any of 8 to 63 hex digits), or "".
func (p *Processing) ByPrefix(ctx context.Context, prefix string) string {
	if p == nil {
		return ""
	}
	return KeyByPrefix(ctx, p.kv, prefix)
}

// KeyByPrefix is the one key of kv, a bucket keyed by document id, that
// starts with prefix (8 to 63 hex digits), or "" when none or several do.
// The buckets it serves hold an hour or a day of documents, so listing
// their keys is cheap.
func KeyByPrefix(ctx context.Context, kv jetstream.KeyValue, prefix string) string {
	if kv == nil || !document.IsIDPrefix(prefix) {
		return ""
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	l, err := kv.ListKeys(ctx)
	if err != nil {
		return ""
	}
	defer l.Stop()
	found := ""
	for k := range l.Keys() {
		if strings.HasPrefix(k, prefix) {
			if found != "" {
				return "" // ambiguous
			}
			found = k
		}
	}
	return found
}
