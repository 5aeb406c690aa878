package connectors

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/stream"
)

// BackfillBucket holds backfill checkpoints.
const BackfillBucket = "docmill-backfill"

// Item is one document a backfill may send.
type Item struct {
	Key      string // position in the source: a path, an object name, a stream sequence
	Filename string
	Data     []byte
	Time     time.Time
	Meta     map[string]string
	// Source, when set, is the source the item is sent under, in place of
	// Backfill.SourceName (DirSource.FolderSources).
	Source string
	// Withdrawn: the index dropped this document after this copy was
	// stored (deleted, replaced by a new version, expired, its source
	// removed); sending it again would bring back what was removed.
	Withdrawn bool
}

// Source lists a backfill's items in a stable order.
type Source interface {
	// Keys returns the items' keys in order and their times.
	Keys(ctx context.Context) ([]string, error)
	// Load returns one item.
	Load(ctx context.Context, key string) (*Item, error)
}

// Lister is a Source whose listing leaves entries out by name (Skip and
// SkipObject: hidden files and folders, partial downloads, lock files).
// List returns the keys as Keys does, and what it left out, so that a
// job's report accounts for every file of the archive: left out unsaid,
// an archive's ".notes.txt" was in no count, and the job's items did not
// add up to the files an operator counted.
type Lister interface {
	List(ctx context.Context) (keys, leftOut []string, err error)
}

// Stored tells what the index holds for a document: its model version
// ("name@version"), or "" when it is not indexed. When the document is not
// indexed because the pipeline dead-lettered it (lately), it returns an
// error wrapping ErrDeadLettered.
type Stored func(ctx context.Context, id string) (string, error)

// ErrUnreadable is what a Source's Load wraps when the item itself cannot
// be read (a file with no read permission, one removed since the listing):
// the backfill refuses that item, says why (Backfill.Refused) and goes on.
// Any other Load error (a broker out of reach) ends the run, to be resumed.
var ErrUnreadable = errors.New("unreadable")

// ErrDeadLettered is what Stored wraps for a document the pipeline
// refused: sending it again would only add another dead letter, and
// `docmill dlq replay` is the way to retry it.
var ErrDeadLettered = errors.New("dead-lettered")

// Backfill sends an archive through the pipeline. It checkpoints in
// JetStream KV after every item, so an interrupted job resumes where it
// stopped; it skips documents already indexed (by content hash), or with
// OnlyStale those whose stored model version is the current one.
type Backfill struct {
	JS     jetstream.JetStream
	Pub    *Publisher
	Source Source
	Job    string // checkpoint name; the same job resumes
	// SourceName is the source the documents are sent under (default
	// "backfill"): log templates are kept per source, so an archive of one
	// service's logs belongs under that service's name.
	SourceName  string
	Since       time.Time // items older than this are skipped
	OnlyStale   bool
	Current     string // current model "name@version" (with OnlyStale)
	Stored      Stored
	Rate        float64 // items per second; 0 = unlimited
	Concurrency int
	// Replicas of the checkpoint bucket when the job creates it (default
	// 1; a cluster's streams have 3).
	Replicas int
	// OnStart, when set, is called once the source is listed, with where
	// the job resumes (0 for a new job) and the number of items.
	OnStart func(resumed, total int)
	// Progress, when set, is called after each window of items.
	Progress func(done, total int)
	// Expect, when set, is told each document just before it is sent (its
	// id and the item's key), so that a caller can follow it to its
	// outcome, and Settle after the send whether it was stored (false:
	// refused, or sent by this job already). Two items of one content are
	// one document, sent concurrently: either send may be the one stored,
	// so only the caller, seeing both, knows whether the document is on
	// its way.
	Expect func(id, key string)
	Settle func(id string, sent bool)
	// Refused, when set, is told each item refused (BackfillReport.Refused)
	// and why, so that a caller can name it.
	Refused func(key, reason string)
}

// BackfillReport counts what a job did.
type BackfillReport struct {
	// Sent counts the items the ingest stream stored; Skipped those
	// already indexed; Refused the empty, oversized or unreadable ones.
	Total, Sent, Skipped, Refused, Resumed int
	// RefusedBefore counts the items refused by the runs this one resumed
	// (not in Refused, which counts this run's, so that the counts of
	// this run add up to the items after Resumed); RefusedBeforeKeys
	// names the first of them. Without them, a job interrupted after
	// refusing a file and resumed ended with exit status 0, as if the
	// whole archive were on its way.
	RefusedBefore     int
	RefusedBeforeKeys []string
	// Older counts the items skipped for being older than Since.
	Older int
	// Duplicate counts the items the ingest stream dropped because the
	// same job sent them within its de-duplication window (10 minutes):
	// they are on their way already.
	Duplicate int
	// DeadLettered counts the items left alone because the pipeline
	// dead-lettered them before (Stored said so).
	DeadLettered int
	// Absent counts, with OnlyStale, documents not in the index at all
	// (dead-lettered or deleted): left alone, as they are not stale.
	Absent int
	// Withdrawn counts the items whose document the index dropped after
	// they were stored (Item.Withdrawn): left out.
	Withdrawn int
	// LeftOut counts what the source's listing left out by name (Lister:
	// hidden files and folders, partial downloads, lock files), outside
	// Total; LeftOutKeys names the first maxRefusedKeys of them.
	LeftOut     int
	LeftOutKeys []string
	// Relisted: the source's items before the checkpoint changed since it
	// was written (files added or removed), so the job went through the
	// whole source again, skipping what is indexed.
	Relisted bool
	// Again: the job had finished before, so it went through the whole
	// source again, skipping what is indexed (a document deleted or lost
	// since is sent).
	Again bool
	// NewModel: with OnlyStale, the current model is not the one the
	// job's checkpoint was written under, so it went through the whole
	// source again: what was current then is stale now.
	NewModel string
}

// checkpoint is a job's place: the items finished, in Keys order, and a
// digest of their keys. A position alone is not enough: a file added to
// a folder sorts in before it, or one removed shifts every later file, and
// resuming by position would skip files that were never sent.
//
// Total is how many keys the run that wrote it listed, so that a job that
// got through all of them is finished even when the source grew since (a
// stream grows by the job's own sends). Model is the current model of an
// OnlyStale job.
type checkpoint struct {
	Done    int    `json:"done"`
	Listing string `json:"listing,omitempty"` // listingDigest(keys[:Done])
	Total   int    `json:"total,omitempty"`
	Model   string `json:"model,omitempty"`
	// Refused counts the items refused among the first Done, and
	// RefusedKeys names up to maxRefusedKeys of them, so that a resumed
	// run still reports them.
	Refused     int      `json:"refused,omitempty"`
	RefusedKeys []string `json:"refused_keys,omitempty"`
}

// maxRefusedKeys bounds the refused items a checkpoint names: an archive
// of many empty files must not outgrow a KV value.
const maxRefusedKeys = 20

// listingDigest identifies a list of keys.
func listingDigest(keys []string) string {
	h := sha256.New()
	for _, k := range keys {
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// resumeAt is where a job with checkpoint cp resumes over keys: its place
// when the keys before it are the ones it finished, else the start.
func resumeAt(cp checkpoint, keys []string) (at int, relisted bool) {
	if cp.Done == 0 {
		return 0, false
	}
	if cp.Done > len(keys) || cp.Listing != listingDigest(keys[:cp.Done]) {
		return 0, true
	}
	return cp.Done, false
}

// finished reports whether a job with checkpoint cp went through all the
// keys it listed (all of keys, for a checkpoint from before Total).
func finished(cp checkpoint, keys []string) bool {
	if cp.Total > 0 {
		return cp.Done == cp.Total
	}
	return len(keys) > 0 && cp.Done == len(keys) && cp.Listing == listingDigest(keys)
}

// Run runs the job until done or ctx ends (the checkpoint keeps the place).
func (b *Backfill) Run(ctx context.Context) (BackfillReport, error) {
	var rep BackfillReport
	kv, err := b.JS.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: BackfillBucket, Storage: jetstream.FileStorage,
		Replicas: max(b.Replicas, 1)})
	if err != nil {
		return rep, fmt.Errorf("kv %s: %w", BackfillBucket, err)
	}
	release, err := acquireLease(ctx, kv, b.Job)
	if err != nil {
		return rep, err
	}
	defer release()
	keys, leftOut, err := listSource(ctx, b.Source)
	if err != nil {
		return rep, err
	}
	rep.Total, rep.LeftOut = len(keys), len(leftOut)
	rep.LeftOutKeys = leftOut[:min(len(leftOut), maxRefusedKeys)]
	cp := b.load(ctx, kv)
	start, relisted := resumeAt(cp, keys)
	if finished(cp, keys) {
		// run again, a finished job starts over: what is indexed is
		// skipped, and what went missing since (a deleted document, an
		// index moved away to rebuild it) is sent
		start, rep.Again = 0, true
	}
	if b.OnlyStale && cp.Model != "" && cp.Model != b.Current {
		start, rep.NewModel = 0, cp.Model
	}
	rep.Resumed, rep.Relisted = start, relisted
	if start > 0 {
		rep.RefusedBefore, rep.RefusedBeforeKeys = cp.Refused, cp.RefusedKeys
	}
	refusedKeys := append([]string(nil), rep.RefusedBeforeKeys...)
	if b.Concurrency <= 0 {
		b.Concurrency = 4
	}
	var limiter <-chan time.Time
	if b.Rate > 0 {
		t := time.NewTicker(time.Duration(float64(time.Second) / b.Rate))
		defer t.Stop()
		limiter = t.C
	}
	// Items are processed in windows of Concurrency; the checkpoint moves
	// only past a window that finished completely.
	if b.OnStart != nil {
		b.OnStart(start, len(keys))
	}
	for ; start < len(keys); start += b.Concurrency {
		end := min(start+b.Concurrency, len(keys))
		var mu sync.Mutex
		var firstErr error
		var wg sync.WaitGroup
		for _, k := range keys[start:end] {
			if limiter != nil {
				select {
				case <-limiter:
				case <-ctx.Done():
					// the window's sends already started count in the
					// report: returned before they ended, they raced it
					wg.Wait()
					return rep, ctx.Err()
				}
			}
			wg.Add(1)
			go func(key string) {
				defer wg.Done()
				outcome, err := b.one(ctx, key)
				mu.Lock()
				defer mu.Unlock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				switch outcome {
				case "sent":
					rep.Sent++
				case "skipped":
					rep.Skipped++
				case "refused":
					rep.Refused++
					if len(refusedKeys) < maxRefusedKeys {
						refusedKeys = append(refusedKeys, key)
					}
				case "absent":
					rep.Absent++
				case "older":
					rep.Older++
				case "duplicate":
					rep.Duplicate++
				case "dead-lettered":
					rep.DeadLettered++
				case "withdrawn":
					rep.Withdrawn++
				}
			}(k)
		}
		wg.Wait()
		if firstErr != nil {
			return rep, firstErr
		}
		cp := checkpoint{Done: end, Listing: listingDigest(keys[:end]), Total: len(keys),
			Refused: rep.RefusedBefore + rep.Refused, RefusedKeys: refusedKeys}
		if b.OnlyStale {
			cp.Model = b.Current
		}
		if err := b.save(ctx, kv, cp); err != nil {
			return rep, err
		}
		if b.Progress != nil {
			b.Progress(end, len(keys))
		}
	}
	return rep, nil
}

// listSource lists src's keys, and what it left out when it is a Lister.
func listSource(ctx context.Context, src Source) (keys, leftOut []string, err error) {
	if l, ok := src.(Lister); ok {
		return l.List(ctx)
	}
	keys, err = src.Keys(ctx)
	return keys, nil, err
}

func (b *Backfill) load(ctx context.Context, kv jetstream.KeyValue) checkpoint {
	var cp checkpoint
	if e, err := kv.Get(ctx, b.Job); err == nil {
		_ = json.Unmarshal(e.Value(), &cp)
	}
	return cp
}

func (b *Backfill) save(ctx context.Context, kv jetstream.KeyValue, cp checkpoint) error {
	raw, _ := json.Marshal(cp)
	if _, err := kv.Put(ctx, b.Job, raw); err != nil {
		return fmt.Errorf("checkpoint %s: %w", b.Job, err)
	}
	return nil
}

// one handles one item: "sent", "skipped", "refused", "absent", "older",
// "duplicate", "dead-lettered" or "withdrawn".
func (b *Backfill) one(ctx context.Context, key string) (string, error) {
	it, err := b.Source.Load(ctx, key)
	if errors.Is(err, ErrUnreadable) || errors.Is(err, ErrTooLarge) {
		// the item's own problem: the rest of the archive is still sent
		return b.refuse(key, err), nil
	}
	if err != nil {
		return "", fmt.Errorf("backfill %s: %w", key, err)
	}
	if !b.Since.IsZero() && !it.Time.IsZero() && it.Time.Before(b.Since) {
		return "older", nil
	}
	if it.Withdrawn {
		return "withdrawn", nil
	}
	if len(it.Data) == 0 {
		return b.refuse(key, ErrEmpty), nil
	}
	id := document.ID(it.Data)
	if b.Stored != nil {
		version, err := b.Stored(ctx, id)
		if errors.Is(err, ErrDeadLettered) {
			if b.OnlyStale {
				return "absent", nil
			}
			return "dead-lettered", nil
		}
		if err != nil {
			return "", fmt.Errorf("backfill %s: look up %s: %w", key, id[:12], err)
		}
		if version != "" && (!b.OnlyStale || version == b.Current) {
			return "skipped", nil
		}
		if version == "" && b.OnlyStale {
			return "absent", nil // never indexed: not stale
		}
	}
	meta := map[string]string{pipeline.MetaBackfill: b.Job}
	for k, v := range it.Meta {
		meta[k] = v
	}
	if b.Expect != nil {
		b.Expect(id, key)
	}
	r, err := b.Pub.Send(ctx, Doc{Filename: it.Filename, Source: b.sourceOf(it), Data: it.Data, Meta: meta, DedupID: id + ":backfill:" + b.Job})
	if b.Settle != nil {
		b.Settle(id, err == nil && !r.Duplicate)
	}
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrEmpty) {
		return b.refuse(key, err), nil
	}
	if err != nil {
		return "", err
	}
	if r.Duplicate {
		return "duplicate", nil
	}
	return "sent", nil
}

// sourceOf returns the source item it is sent under: its own, else the
// job's, else "backfill".
func (b *Backfill) sourceOf(it *Item) string {
	switch {
	case it.Source != "":
		return it.Source
	case b.SourceName != "":
		return b.SourceName
	}
	return "backfill"
}

// refuse tells Refused why item key is refused; it returns the outcome
// "refused".
func (b *Backfill) refuse(key string, why error) string {
	if b.Refused != nil {
		reason := why.Error()
		var pe *fs.PathError
		if errors.As(why, &pe) {
			reason = pe.Err.Error() // the key names the file already
		}
		b.Refused(key, reason)
	}
	return "refused"
}

// DirSource is every file under a folder, in path order: the regular
// files it sends, and the links and special files Load refuses.
type DirSource struct {
	Dir string
	// FolderSources sends each file under the name of the first folder
	// below Dir that holds it (archive/web1/access.log under "web1"), so
	// that an archive laid out one folder per service keeps one template
	// history per service. Files directly in Dir keep the job's source.
	FolderSources bool
	// MaxBytes refuses a file over this size (ErrTooLarge) before it is
	// read (default DefaultMaxBytes), as the publisher would refuse it.
	MaxBytes int64
}

// Keys implements Source.
func (d DirSource) Keys(ctx context.Context) ([]string, error) {
	keys, _, err := d.List(ctx)
	return keys, err
}

// List implements Lister: a hidden folder is left out as one entry,
// unread (a ".git" is no thousand documents).
func (d DirSource) List(ctx context.Context) (keys, leftOut []string, err error) {
	err = filepath.WalkDir(d.Dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil && p != d.Dir && e != nil && e.IsDir() {
			// a sub-folder that cannot be listed is an item that Load
			// refuses with why, not the end of the job's listing
			keys = append(keys, p)
			return fs.SkipDir
		}
		if err != nil {
			return err
		}
		if p != d.Dir && Skip(e) {
			if e.IsDir() {
				leftOut = append(leftOut, p+string(filepath.Separator))
				return fs.SkipDir
			}
			leftOut = append(leftOut, p)
			return nil
		}
		// a link, a named pipe, a socket or a device is an item too, which
		// Load refuses with why: left out of the listing, an archive of
		// links backfilled "successfully" with nothing in it, and the
		// job's items did not add up to the archive's files
		if !e.IsDir() {
			keys = append(keys, p)
		}
		return nil
	})
	sort.Strings(keys)
	sort.Strings(leftOut)
	return keys, leftOut, err
}

// Load implements Source. A file over MaxBytes is ErrTooLarge, unread.
// A file that cannot be read is ErrUnreadable:
// a local file's error is the file's own (its permissions, its removal
// since the listing), not a reason to stop the job. The file is read
// through os.Root (ReadIn): a link, or a file reached through a folder
// turned into a link since the listing, is refused.
func (d DirSource) Load(ctx context.Context, key string) (*Item, error) {
	rel, err := filepath.Rel(d.Dir, key)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	root, err := os.OpenRoot(d.Dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	defer root.Close()
	if st, err := root.Lstat(rel); err == nil && st.IsDir() {
		dir, err := root.Open(rel)
		if err == nil {
			_, err = dir.ReadDir(-1)
			dir.Close()
		}
		if err != nil {
			return nil, fmt.Errorf("%w: folder: %w", ErrUnreadable, err)
		}
		return nil, fmt.Errorf("%w: a folder that could not be listed", ErrUnreadable)
	}
	data, info, err := ReadIn(root, rel, d.MaxBytes)
	if errors.Is(err, ErrTooLarge) {
		return nil, err // read, it would be refused all the same
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	it := &Item{Key: key, Filename: filepath.Base(key), Data: data, Time: info.ModTime(), Meta: map[string]string{"path": rel}}
	if top, _, nested := strings.Cut(filepath.ToSlash(rel), "/"); d.FolderSources && nested {
		it.Source = top
	}
	return it, nil
}

// BucketSource is every object in an Object Store bucket, in name order.
type BucketSource struct {
	JS   jetstream.JetStream
	Name string
	// MaxBytes refuses an object over this size (ErrTooLarge) before it
	// is read (default DefaultMaxBytes), as DirSource.MaxBytes does.
	MaxBytes int64
}

// Keys implements Source.
func (b BucketSource) Keys(ctx context.Context) ([]string, error) {
	keys, _, err := b.List(ctx)
	return keys, err
}

// List implements Lister.
func (b BucketSource) List(ctx context.Context) (keys, leftOut []string, err error) {
	st, err := b.JS.ObjectStore(ctx, b.Name)
	if err != nil {
		return nil, nil, fmt.Errorf("bucket %s: %w", b.Name, err)
	}
	infos, err := st.List(ctx)
	if errors.Is(err, jetstream.ErrNoObjectsFound) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("list %s: %w", b.Name, err)
	}
	keys = make([]string, 0, len(infos))
	for _, i := range infos {
		if SkipObject(i.Name) {
			leftOut = append(leftOut, i.Name)
		} else {
			keys = append(keys, i.Name)
		}
	}
	sort.Strings(keys)
	sort.Strings(leftOut)
	return keys, leftOut, nil
}

// Load implements Source.
func (b BucketSource) Load(ctx context.Context, key string) (*Item, error) {
	st, err := b.JS.ObjectStore(ctx, b.Name)
	if err != nil {
		return nil, err
	}
	r, err := st.Get(ctx, key)
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		// the item's own matter, as a file removed from a folder since the
		// listing is: the rest of the bucket is still sent
		return nil, fmt.Errorf("%w: deleted since the listing", ErrUnreadable)
	}
	if err != nil {
		return nil, err
	}
	defer r.Close()
	info, _ := r.Info()
	limit := b.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if info != nil && info.Size > uint64(limit) {
		return nil, tooLarge(int64(info.Size), limit)
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("more than %d bytes, over the limit: %w", limit, ErrTooLarge)
	}
	it := &Item{Key: key, Filename: filepath.Base(key), Data: data, Meta: map[string]string{"bucket": b.Name, "object": key}}
	if info != nil {
		it.Time = info.ModTime
		// docmill's own buckets (docmill-originals) keep the file name in
		// a header: the object is named by content hash
		if name := info.Headers.Get(pipeline.HeaderFilename); name != "" {
			it.Filename = name
		}
	}
	return it, nil
}

// StreamSource replays the documents stored in an ingest stream (by
// sequence), e.g. DOCMILL_INGEST, to reprocess them with a new model. A
// document too large for one message is read from the object store its
// message names. A stream is history: it also holds documents removed
// from the index since (deleted, expired, the old version of a changed
// file), which are Withdrawn, so that a replay does not bring them back.
type StreamSource struct {
	JS   jetstream.JetStream
	Name string
}

// Keys implements Source.
func (s StreamSource) Keys(ctx context.Context) ([]string, error) {
	st, err := s.JS.Stream(ctx, s.Name)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", s.Name, err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return nil, err
	}
	var keys []string
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && seq > 0; seq++ {
		keys = append(keys, fmt.Sprint(seq))
	}
	return keys, nil
}

// Load implements Source.
func (s StreamSource) Load(ctx context.Context, key string) (*Item, error) {
	st, err := s.JS.Stream(ctx, s.Name)
	if err != nil {
		return nil, err
	}
	var seq uint64
	fmt.Sscan(key, &seq)
	m, err := st.GetMsg(ctx, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return &Item{Key: key}, nil // deleted: nothing to send
	}
	if err != nil {
		return nil, err
	}
	hdr := stream.CanonicalHeaders(m.Header) // as the worker read them
	it := &Item{Key: key, Filename: hdr.Get(pipeline.HeaderFilename), Data: m.Data, Time: m.Time}
	if ref := hdr.Get(pipeline.HeaderObject); ref != "" {
		data, err := pipeline.ReadObject(ctx, s.JS, ref, DefaultMaxBytes) // it was ingested under that limit
		if errors.Is(err, jetstream.ErrObjectNotFound) || errors.Is(err, jetstream.ErrBucketNotFound) {
			// the document was deleted, and its stored copy with it
			it.Withdrawn = true
			return it, nil
		}
		if err != nil {
			return nil, fmt.Errorf("stream %s seq %d: %w", s.Name, seq, err)
		}
		it.Data = data
	}
	if len(it.Data) > 0 {
		if it.Withdrawn, err = pipeline.DeletedSince(ctx, s.JS, document.ID(it.Data), m.Time); err != nil {
			return nil, fmt.Errorf("stream %s seq %d: %w", s.Name, seq, err)
		}
	}
	for k, v := range hdr {
		// docmill's own keys of the old send (replaces, an earlier
		// backfill) are not this send's: the backfill sets its own
		if strings.HasPrefix(k, pipeline.HeaderMetaPrefix) && len(v) > 0 && !pipeline.ReservedMeta(strings.TrimPrefix(k, pipeline.HeaderMetaPrefix)) {
			if it.Meta == nil {
				it.Meta = map[string]string{}
			}
			it.Meta[strings.ToLower(strings.TrimPrefix(k, pipeline.HeaderMetaPrefix))] = v[0]
		}
	}
	return it, nil
}
