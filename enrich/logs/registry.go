package logs

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/lang"
)

// Store persists a source's templates.
type Store interface {
	// Load returns the saved templates of source (none when it has none).
	Load(ctx context.Context, source string) ([]Template, error)
	// Save replaces the saved templates of source.
	Save(ctx context.Context, source string, ts []Template) error
}

// Registry keeps one miner per source, loading its templates from a
// store on first use and saving changed miners on Flush. With a store it
// keeps at most MaxSources miners in memory: the least recently used one
// whose templates are saved and which no caller holds (see Use) makes room
// for a new source, and is loaded again when its source returns. A nil
// store keeps everything in memory. It is safe for concurrent use.
type Registry struct {
	// MaxSources bounds the miners kept in memory with a store (0:
	// DefaultMaxSources). Set it before first use.
	MaxSources int

	store  Store
	cfg    Config
	mu     sync.Mutex
	miners map[string]*entry
	tick   uint64 // counts uses, to find the least recently used miner
}

// DefaultMaxSources is how many sources' miners a Registry with a store
// keeps in memory by default: log sources that come and go (a host or pod
// name as the source) would otherwise each keep up to MaxTemplates
// templates for the life of the process.
const DefaultMaxSources = 256

// entry is a source's miner and what the store knows of it.
type entry struct {
	m       *Miner
	saved   uint64 // miner version last saved
	shapes  uint64 // miner Shapes last saved
	loadErr error  // a failed load: never overwrite the stored templates
	used    uint64 // registry tick of the last use
	users   int    // Use calls not yet released
}

// loadTimeout bounds a store load started by Get, which has no context.
const loadTimeout = 5 * time.Second

// NewRegistry returns a registry over store (nil: in memory only).
func NewRegistry(store Store, c Config) *Registry {
	return &Registry{store: store, cfg: c, miners: map[string]*entry{}}
}

// Get returns the miner of source, loading its templates on first use. If
// the load fails the miner starts empty, is never saved (so the stored
// templates survive) and Flush reports the error; use GetContext to see
// the error at once.
func (r *Registry) Get(source string) *Miner {
	ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
	defer cancel()
	m, _ := r.GetContext(ctx, source)
	return m
}

// GetContext is Get with a context and the load error. The miner may be
// evicted from the registry once its templates are saved; a caller that
// mines with it should hold it with Use.
func (r *Registry) GetContext(ctx context.Context, source string) (*Miner, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, err := r.entryLocked(ctx, source)
	return e.m, err
}

// Use returns the miner of source, as Get does, and keeps it in the
// registry until release is called, so that what the caller mines is
// saved by a later Flush and seen by the next caller.
func (r *Registry) Use(source string) (m *Miner, release func()) {
	ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
	defer cancel()
	r.mu.Lock()
	defer r.mu.Unlock()
	e, _ := r.entryLocked(ctx, source)
	e.users++
	var once sync.Once
	return e.m, func() {
		once.Do(func() {
			r.mu.Lock()
			defer r.mu.Unlock()
			e.users--
			r.tick++
			e.used = r.tick
		})
	}
}

// SourceKey is the form of a source name under which its templates are
// kept: the one the index groups and filters sources by (lang.FoldKey, as
// index.FacetKey: lower case, runs of spaces as one, no trailing ".,;:"). Kept as typed,
// "payments-api" and "PAYMENTS-API" were two template histories, each
// reporting the other's templates as new, while search showed one source.
func SourceKey(source string) string { return lang.FoldKey(source) }

// entryLocked returns the entry of source, kept under its SourceKey,
// loading it and making room for it when it is new. r.mu is held.
func (r *Registry) entryLocked(ctx context.Context, source string) (*entry, error) {
	key := SourceKey(source)
	r.tick++
	if e, ok := r.miners[key]; ok {
		e.used = r.tick
		return e, e.loadErr
	}
	e := &entry{m: NewMiner(r.cfg), used: r.tick}
	r.miners[key] = e
	if r.store == nil {
		return e, nil
	}
	r.evictLocked(key)
	ts, err := r.store.Load(ctx, key)
	if err == nil && len(ts) == 0 && key != source {
		// templates saved before sources were folded, under the name as
		// typed: the next save keeps them under the key
		ts, err = r.store.Load(ctx, source)
	}
	if err != nil {
		e.loadErr = fmt.Errorf("load templates of %q: %w", source, err)
		return e, e.loadErr
	}
	e.m.restore(ts)
	_, e.saved = e.m.snapshot()
	e.shapes = e.m.Shapes()
	return e, nil
}

// evictLocked drops least recently used miners while there are more than
// MaxSources, except source's and those that are held or have unsaved
// templates (Flush saves them, then evicts). r.mu is held.
func (r *Registry) evictLocked(keep string) {
	if r.store == nil {
		return
	}
	limit := r.MaxSources
	if limit <= 0 {
		limit = DefaultMaxSources
	}
	for len(r.miners) > limit {
		var oldest string
		var oe *entry
		for s, e := range r.miners {
			if s == keep || e.users > 0 || e.loadErr == nil && e.m.Version() != e.saved {
				continue
			}
			if oe == nil || e.used < oe.used {
				oldest, oe = s, e
			}
		}
		if oe == nil {
			return
		}
		delete(r.miners, oldest)
	}
}

// SaveShapes saves source's templates now if a template was made or
// widened since they were last saved, so that a crash before the next
// Flush cannot lose them: the next process would report them as new
// again (a false "new template" alarm after every crash). Counts alone
// wait for Flush, which keeps a busy source from writing the store for
// every document.
func (r *Registry) SaveShapes(ctx context.Context, source string) error {
	if r.store == nil {
		return nil
	}
	key := SourceKey(source)
	r.mu.Lock()
	e, ok := r.miners[key]
	r.mu.Unlock()
	if !ok || e.loadErr != nil {
		return nil
	}
	return r.save(ctx, key, e, true)
}

// save writes e's templates unless nothing (onlyShapes: no template) has
// changed since its last save.
func (r *Registry) save(ctx context.Context, source string, e *entry, onlyShapes bool) error {
	shapes := e.m.Shapes()
	ts, v := e.m.snapshot()
	r.mu.Lock()
	unchanged := v == e.saved || onlyShapes && shapes == e.shapes
	r.mu.Unlock()
	if unchanged {
		return nil
	}
	if err := r.store.Save(ctx, source, ts); err != nil {
		return fmt.Errorf("save templates of %q: %w", source, err)
	}
	r.mu.Lock()
	e.saved, e.shapes = max(e.saved, v), max(e.shapes, shapes)
	r.mu.Unlock()
	return nil
}

// Flush saves every miner that changed since its last save.
func (r *Registry) Flush(ctx context.Context) error {
	if r.store == nil {
		return nil
	}
	r.mu.Lock()
	sources := make(map[string]*entry, len(r.miners))
	for s, e := range r.miners {
		sources[s] = e
	}
	r.mu.Unlock()
	var errs []error
	for source, e := range sources {
		if e.loadErr != nil {
			errs = append(errs, e.loadErr)
			continue
		}
		if err := r.save(ctx, source, e, false); err != nil {
			errs = append(errs, err)
		}
	}
	r.mu.Lock()
	r.evictLocked("")
	r.mu.Unlock()
	return errors.Join(errs...)
}

// kvStore keeps each source's templates as JSON in a JetStream key-value
// bucket: in one value while they fit (under NATS's 1 MiB message limit),
// else split over parts ("templates.<source>", then ".p1", ".p2", ...).
type kvStore struct{ kv jetstream.KeyValue }

// NewKVStore returns a Store over a JetStream KV bucket.
func NewKVStore(kv jetstream.KeyValue) Store { return kvStore{kv: kv} }

// maxValueBytes keeps a saved value under NATS's default 1 MiB payload
// limit; maxParts bounds a source's values (some 100,000 templates at
// about 150 bytes each), past which the least frequent are left out.
const (
	maxValueBytes = 900 << 10
	maxParts      = 16
)

// partKey names part i of a source's templates.
func partKey(source string, i int) string {
	if i == 0 {
		return kvKey(source)
	}
	return fmt.Sprintf("%s.p%d", kvKey(source), i)
}

// Load implements Store.
func (s kvStore) Load(ctx context.Context, source string) ([]Template, error) {
	var all []Template
	for i := 0; i < maxParts; i++ {
		e, err := s.kv.Get(ctx, partKey(source, i))
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("kv get: %w", err)
		}
		var ts []Template
		if err := json.Unmarshal(e.Value(), &ts); err != nil {
			return nil, fmt.Errorf("decode templates: %w", err)
		}
		all = append(all, ts...)
	}
	return all, nil
}

// Save implements Store. Templates that do not fit in maxParts values are
// the least frequent; they are left out (and mined again when they
// recur). Parts a larger earlier save wrote are deleted.
func (s kvStore) Save(ctx context.Context, source string, ts []Template) error {
	parts, err := encodeParts(ts, maxValueBytes, maxParts)
	if err != nil {
		return err
	}
	for i, b := range parts {
		if _, err := s.kv.Put(ctx, partKey(source, i), b); err != nil {
			return fmt.Errorf("kv put: %w", err)
		}
	}
	for i := len(parts); i < maxParts; i++ {
		if _, err := s.kv.Get(ctx, partKey(source, i)); errors.Is(err, jetstream.ErrKeyNotFound) {
			break
		}
		if err := s.kv.Delete(ctx, partKey(source, i)); err != nil {
			return fmt.Errorf("kv delete: %w", err)
		}
	}
	return nil
}

// encodeParts encodes ts as JSON arrays of at most limit bytes each, at
// most n of them, most frequent templates first, dropping the least
// frequent that do not fit.
func encodeParts(ts []Template, limit, n int) ([][]byte, error) {
	parts, rest, err := split(ts, limit, n)
	if err != nil || len(rest) == 0 {
		return parts, err
	}
	// too many: keep the most frequent (in the miner's order otherwise)
	sorted := append([]Template(nil), ts...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Count > sorted[j].Count })
	parts, _, err = split(sorted, limit, n)
	return parts, err
}

// split encodes ts in order into at most n parts of at most limit bytes
// and returns what did not fit.
func split(ts []Template, limit, n int) ([][]byte, []Template, error) {
	var parts [][]byte
	for len(ts) > 0 && len(parts) < n {
		b, rest, err := encodePart(ts, limit)
		if err != nil {
			return nil, nil, err
		}
		parts = append(parts, b)
		ts = rest
	}
	if len(parts) == 0 {
		parts = [][]byte{[]byte("[]")}
	}
	return parts, ts, nil
}

// encodePart encodes the longest prefix of ts that fits in limit bytes
// (at least one template) and returns the rest.
func encodePart(ts []Template, limit int) ([]byte, []Template, error) {
	var part []Template
	size, k := 2, 0
	for ; k < len(ts); k++ {
		b, err := json.Marshal(ts[k])
		if err != nil {
			return nil, nil, fmt.Errorf("encode templates: %w", err)
		}
		if len(b)+2 > limit {
			continue // one template over a whole value (a 1 MB line) is not kept
		}
		if size+len(b)+1 > limit {
			break
		}
		size += len(b) + 1
		part = append(part, ts[k])
	}
	b, err := json.Marshal(part)
	if err != nil {
		return nil, nil, fmt.Errorf("encode templates: %w", err)
	}
	return b, ts[k:], nil
}

// encodeWithin encodes ts as one JSON value of at most limit bytes,
// dropping the least frequent templates when needed.
func encodeWithin(ts []Template, limit int) ([]byte, error) {
	parts, err := encodeParts(ts, limit, 1)
	if err != nil {
		return nil, err
	}
	return parts[0], nil
}

var kvUnsafe = regexp.MustCompile(`[^A-Za-z0-9_\-]`)

// kvKey maps a source name to a valid KV key; names that needed changes
// get a hash suffix so that two sources never share a key.
func kvKey(source string) string {
	clean := kvUnsafe.ReplaceAllString(source, "_")
	if clean == source && source != "" {
		return "templates." + clean
	}
	sum := sha256.Sum256([]byte(source))
	if len(clean) > 64 {
		clean = clean[:64]
	}
	return "templates." + clean + "." + hex.EncodeToString(sum[:6])
}
