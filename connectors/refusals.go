package connectors

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Refusal is a watched file that was not taken, and why.
type Refusal struct {
	Source string    // the watcher's source ("folder")
	Where  string    // the watched folder
	Name   string    // the file, relative to Where
	Reason string    // why it was not taken ("empty file: empty document")
	At     time.Time // when it was refused
}

// refusalsKept bounds what Recent lists: the newest. It bounds no
// process's own refusals, which it puts in the bucket again while their
// files are still refused (Refresh): kept to the newest 100, an older one
// expired from the page while its file still sat refused in the folder.
// Each is of a file present in a watched folder, which the watcher holds
// in memory anyway, so their number is bounded by the folders' files.
const refusalsKept = 100

// RefusedBucket is the KV bucket that keeps the refusals of every docmill
// on the broker, one entry per file, so that a restart or another process
// (an indexer serving the UI, a second replica) still lists them.
const RefusedBucket = "docmill-refused"

// refusedFor is how long the bucket keeps a refusal its watcher no longer
// puts again. A watcher puts its refusals again every refusedFor/4
// (Refresh), so those of a folder no longer watched (taken out of the
// configuration, or its process gone) leave the page within refusedFor:
// kept for a week, they were listed that long as if still waiting for
// someone to act on them.
var refusedFor = time.Hour

// refusedTimeout bounds one read or write of the bucket: a watcher must
// not stall on a slow broker, and the page must render without the list.
const refusedTimeout = 5 * time.Second

// refusedOpenTimeout bounds Keep. A NATS user whose ACLs predate the
// bucket gets no answer, only the broker's permissions violation, and the
// request waited for the client's default timeout (20 s in docmill serve,
// worker and indexer): every start of such a process was that much late
// for a list it can keep in memory instead.
const refusedOpenTimeout = 10 * time.Second

// Refusals keeps the newest files the watchers refused. No dead letter
// can carry such a file (it was never published), so without it a reader
// of the web UI who dropped an empty file, or one over
// pipeline.max_document_mb, saw it vanish without a word: the reason was
// only in the log. With a bucket (Keep) they are kept in the broker too;
// without one, in this process's memory only. A nil *Refusals keeps
// nothing.
type Refusals struct {
	mu        sync.Mutex
	list      []Refusal // oldest first, one per file
	kv        jetstream.KeyValue
	keepErr   error     // why Keep could not open the bucket
	refreshed time.Time // when Refresh last put the list again
}

// Keep has rs keep its refusals in RefusedBucket (made if missing), and
// read the refusals of every process on the broker from it.
func (rs *Refusals) Keep(ctx context.Context, js jetstream.JetStream, replicas int) error {
	ctx, cancel := context.WithTimeout(ctx, refusedOpenTimeout)
	defer cancel()
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: RefusedBucket,
		Description: "files the watched folders did not take, and why", Storage: jetstream.FileStorage,
		Replicas: max(replicas, 1), TTL: refusedFor})
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if err != nil {
		rs.keepErr = fmt.Errorf("kv %s: %w", RefusedBucket, err)
		return rs.keepErr
	}
	rs.kv, rs.keepErr = kv, nil
	return nil
}

// refusalKey is the bucket key of file name in folder where: KV keys
// allow few characters, and file names any.
func refusalKey(where, name string) string {
	h := sha256.Sum256([]byte(where + "\x00" + name))
	return hex.EncodeToString(h[:16])
}

// add keeps r, in place of an older refusal of its file.
func (rs *Refusals) add(r Refusal) {
	if rs == nil {
		return
	}
	rs.mu.Lock()
	rs.list = slices.DeleteFunc(rs.list, func(o Refusal) bool { return o.Where == r.Where && o.Name == r.Name })
	rs.list = append(rs.list, r)
	kv := rs.kv
	rs.mu.Unlock()
	if kv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), refusedTimeout)
	defer cancel()
	put(ctx, kv, r)
}

// put keeps r in kv, dated when its file was first refused there for the
// same reason.
func put(ctx context.Context, kv jetstream.KeyValue, r Refusal) {
	b, err := json.Marshal(r)
	if err != nil {
		return
	}
	key := refusalKey(r.Where, r.Name)
	if at, ok := refusedAt(ctx, kv, key, r); ok {
		r.At = at
		if b, err = json.Marshal(r); err != nil {
			return
		}
	}
	// best effort: this process's memory still lists it; put again, so
	// that the bucket keeps it refusedFor after it was last refused
	_, _ = kv.Put(ctx, key, b)
}

// refusedAt is when kv says r's file was first refused, where it was for
// the same reason: a watcher that restarts refuses every file still in
// its folder again, and the page then dated each refusal to the restart.
func refusedAt(ctx context.Context, kv jetstream.KeyValue, key string, r Refusal) (time.Time, bool) {
	e, err := kv.Get(ctx, key)
	if err != nil {
		return time.Time{}, false
	}
	var old Refusal
	if json.Unmarshal(e.Value(), &old) != nil || old.Reason != r.Reason || old.Source != r.Source || old.At.IsZero() {
		return time.Time{}, false
	}
	return old.At, true
}

// forget drops the refusals of file name in folder where: it was taken
// since, so the page no longer says it was not.
func (rs *Refusals) forget(where, name string) {
	if rs == nil {
		return
	}
	rs.mu.Lock()
	rs.list = slices.DeleteFunc(rs.list, func(r Refusal) bool { return r.Where == where && r.Name == name })
	kv := rs.kv
	rs.mu.Unlock()
	if kv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), refusedTimeout)
	defer cancel()
	// on failure it stays listed until it expires, as in a process that
	// restarted before it was taken
	_ = kv.Purge(ctx, refusalKey(where, name))
}

// Refresh puts this process's refusals in the bucket again, at most every
// refusedFor/4: a file still refused stays listed while its folder is
// watched, and leaves the page within refusedFor once it is not.
func (rs *Refusals) Refresh(ctx context.Context, now time.Time) {
	if rs == nil {
		return
	}
	rs.mu.Lock()
	if rs.kv == nil || now.Sub(rs.refreshed) < refusedFor/4 {
		rs.mu.Unlock()
		return
	}
	rs.refreshed = now
	list, kv := slices.Clone(rs.list), rs.kv
	rs.mu.Unlock()
	for _, r := range list {
		if ctx.Err() != nil {
			return
		}
		// one bound per refusal: a folder of thousands must not run out
		// of time part way and let the rest expire
		putCtx, cancel := context.WithTimeout(ctx, refusedTimeout)
		put(putCtx, kv, r)
		cancel()
	}
}

// Prune drops the refusals of files in folder where that are not present
// (by name relative to where): a watcher that starts learns this way of
// the files removed while no watcher of the folder ran, whose refusals
// were listed until they expired.
func (rs *Refusals) Prune(ctx context.Context, where string, present map[string]bool) {
	if rs == nil {
		return
	}
	rs.mu.Lock()
	kv := rs.kv
	rs.mu.Unlock()
	if kv == nil {
		return
	}
	kept, err := readRefusals(ctx, kv)
	if err != nil {
		return // they expire in time
	}
	for _, r := range kept {
		if r.Where == where && !present[r.Name] {
			rs.forget(where, r.Name)
		}
	}
}

// Recent is the newest kept refusals, newest first (see Read).
func (rs *Refusals) Recent(ctx context.Context) []Refusal {
	list, _ := rs.Read(ctx)
	return list
}

// Read is the newest refusals, at most refusalsKept, newest first: those
// in the bucket, from any process. Where the bucket cannot be opened (a
// NATS user denied it) or read, they are this process's own, and the
// error says why: a reader of the page must not take the files a worker
// refused elsewhere for none.
func (rs *Refusals) Read(ctx context.Context) ([]Refusal, error) {
	if rs == nil {
		return nil, nil
	}
	rs.mu.Lock()
	n := min(len(rs.list), refusalsKept)
	out := make([]Refusal, n)
	for i := range n {
		out[i] = rs.list[len(rs.list)-1-i]
	}
	kv, keepErr := rs.kv, rs.keepErr
	rs.mu.Unlock()
	if kv == nil {
		if keepErr == nil {
			keepErr = fmt.Errorf("kv %s: not opened", RefusedBucket)
		}
		return out, keepErr
	}
	kept, err := readRefusals(ctx, kv)
	if err != nil {
		return out, err
	}
	return kept, nil
}

// readRefusals is every refusal in kv, newest first, at most refusalsKept.
func readRefusals(ctx context.Context, kv jetstream.KeyValue) ([]Refusal, error) {
	ctx, cancel := context.WithTimeout(ctx, refusedTimeout)
	defer cancel()
	w, err := kv.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", RefusedBucket, err)
	}
	defer func() { _ = w.Stop() }()
	out := []Refusal{}
	for e := range w.Updates() {
		if e == nil { // every stored entry read
			slices.SortStableFunc(out, func(a, b Refusal) int { return b.At.Compare(a.At) })
			return out[:min(len(out), refusalsKept)], nil
		}
		var r Refusal
		if json.Unmarshal(e.Value(), &r) == nil {
			out = append(out, r)
		}
	}
	return nil, fmt.Errorf("read %s: %w", RefusedBucket, ctx.Err())
}
