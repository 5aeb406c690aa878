package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// The index folder is guarded by a lock file beside it (index.lock),
// held by whatever process has the index open, and by `docmill index
// rebuild` and `recover` from start to end. Bleve's own lock (on
// root.bolt inside the folder) cannot guard a folder that is damaged or
// gone: a recovery beside a running server moved its index away under it,
// and the server then destroyed the recovered one.

// Lock takes the lock of the index folder dir; it fails with ErrInUse
// when another process holds it. Release it with the returned function.
func Lock(dir string) (func(), error) {
	path := filepath.Clean(dir) + ".lock"
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	// a second open file takes its own lock, so this also keeps apart two
	// holders in one process
	if err := flock(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, fmt.Errorf("index %s: %w (is docmill, or a rebuild or recovery, running on this data folder?)", dir, ErrInUse)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			_ = funlock(f)
			f.Close()
		})
	}, nil
}
