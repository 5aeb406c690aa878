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
)

// Store persists a source's templates.
type Store interface {
	// Load returns the saved templates of source (none when it has none).
	Load(ctx context.Context, source string) ([]Template, error)
	// Save replaces the saved templates of source.
	Save(ctx context.Context, source string, ts []Template) error
}

// Registry keeps one miner per source, loading its templates from a
// store on first use and saving changed miners on Flush. A nil store
// keeps everything in memory. It is safe for concurrent use.
type Registry struct {
	store  Store
	cfg    Config
	mu     sync.Mutex
	miners map[string]*entry
}

// entry is a source's miner and what the store knows of it.
type entry struct {
	m       *Miner
	saved   uint64 // miner version last saved
	loadErr error  // a failed load: never overwrite the stored templates
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

// GetContext is Get with a context and the load error.
func (r *Registry) GetContext(ctx context.Context, source string) (*Miner, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.miners[source]; ok {
		return e.m, e.loadErr
	}
	e := &entry{m: NewMiner(r.cfg)}
	r.miners[source] = e
	if r.store == nil {
		return e.m, nil
	}
	ts, err := r.store.Load(ctx, source)
	if err != nil {
		e.loadErr = fmt.Errorf("load templates of %q: %w", source, err)
		return e.m, e.loadErr
	}
	e.m.restore(ts)
	_, e.saved = e.m.snapshot()
	return e.m, nil
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
		ts, v := e.m.snapshot()
		r.mu.Lock()
		saved := e.saved
		r.mu.Unlock()
		if v == saved {
			continue
		}
		if err := r.store.Save(ctx, source, ts); err != nil {
			errs = append(errs, fmt.Errorf("save templates of %q: %w", source, err))
			continue
		}
		r.mu.Lock()
		e.saved = v
		r.mu.Unlock()
	}
	return errors.Join(errs...)
}

// kvStore keeps each source's templates as one JSON value in a JetStream
// key-value bucket.
type kvStore struct{ kv jetstream.KeyValue }

// NewKVStore returns a Store over a JetStream KV bucket. The bucket's
// maximum value size bounds how many templates a source can keep (about
// 150 bytes each).
func NewKVStore(kv jetstream.KeyValue) Store { return kvStore{kv: kv} }

// Load implements Store.
func (s kvStore) Load(ctx context.Context, source string) ([]Template, error) {
	e, err := s.kv.Get(ctx, kvKey(source))
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kv get: %w", err)
	}
	var ts []Template
	if err := json.Unmarshal(e.Value(), &ts); err != nil {
		return nil, fmt.Errorf("decode templates: %w", err)
	}
	return ts, nil
}

// maxValueBytes keeps a saved value under NATS's default 1 MiB payload
// limit.
const maxValueBytes = 900 << 10

// Save implements Store. When the templates do not fit in one value the
// least frequent are left out (they are mined again when they recur).
func (s kvStore) Save(ctx context.Context, source string, ts []Template) error {
	b, err := encodeWithin(ts, maxValueBytes)
	if err != nil {
		return err
	}
	if _, err := s.kv.Put(ctx, kvKey(source), b); err != nil {
		return fmt.Errorf("kv put: %w", err)
	}
	return nil
}

// encodeWithin encodes ts as JSON in at most limit bytes, dropping the
// least frequent templates when needed.
func encodeWithin(ts []Template, limit int) ([]byte, error) {
	for {
		b, err := json.Marshal(ts)
		if err != nil {
			return nil, fmt.Errorf("encode templates: %w", err)
		}
		if len(b) <= limit || len(ts) == 0 {
			return b, nil
		}
		keep := len(ts) * limit / len(b) * 9 / 10
		sorted := append([]Template(nil), ts...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Count > sorted[j].Count })
		ts = sorted[:keep]
	}
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
