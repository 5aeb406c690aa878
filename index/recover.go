package index

import (
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// read runs fn on the Bleve index while no reopen can close it. A panic
// inside Bleve becomes an error: a search must not take the process.
func (ix *Index) read(fn func(bleve.Index) error) (err error) {
	ix.rw.RLock()
	defer ix.rw.RUnlock()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("index read failed inside Bleve: %v (the index in %s may be damaged: `docmill index recover` makes a new one from the results the broker kept)", p, ix.dir)
			ix.readFailure.Store(&err)
		}
	}()
	return fn(ix.bi)
}

// ReadFailure is the last read that failed inside Bleve (a panic, which a
// damaged segment causes), nil if none did since the index was opened. It
// stays: damage does not heal.
func (ix *Index) ReadFailure() error {
	if p := ix.readFailure.Load(); p != nil {
		return *p
	}
	return nil
}

// write runs a write fn (the caller holds ix.mu) and records its outcome.
// A write that fails, a full disk above all, leaves Bleve's in-memory
// segments half built: the next write or search panicked in zapx
// ("assignment to entry in nil map"), which took the process, and on a
// restart with the disk still full took it again. So after a failure the
// index is opened again from what is on disk, which stayed consistent,
// and later writes try afresh; WriteError reports the failure until one
// succeeds.
func (ix *Index) write(fn func(bleve.Index) error) (err error) {
	if ix.closed.Load() {
		return ErrClosed // a late write during shutdown must not reopen it
	}
	if ix.state().reopenErr != nil {
		ix.reopen()
		if st := ix.state(); st.reopenErr != nil {
			return fmt.Errorf("index is closed after a failed write and cannot be opened again: %w", st.reopenErr)
		}
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("index write failed: %v", p)
		}
		ix.setState(func(st *writeState) { st.lastWrite = err })
		if err != nil && !ix.closed.Load() {
			ix.reopen()
		}
	}()
	ix.rw.RLock()
	defer ix.rw.RUnlock()
	return fn(ix.bi)
}

// reopen closes the Bleve index and opens it again from disk (the caller
// holds ix.mu).
func (ix *Index) reopen() {
	ix.rw.Lock()
	defer ix.rw.Unlock()
	func() {
		defer func() { _ = recover() }()
		_ = ix.bi.Close()
	}()
	bi, err := openBleve(ix.dir)
	ix.setState(func(st *writeState) { st.reopenErr = err })
	if err == nil {
		if im, ok := bi.Mapping().(*mapping.IndexMappingImpl); ok {
			defineQueryAnalyzer(im) // a mapping read from disk lacks it
		}
		ix.bi = bi
	}
}

// ErrClosed is a write to a closed index.
var ErrClosed = errors.New("index is closed")

// writeState is how the index's writes have gone; it has its own lock so
// that /healthz never waits behind a batch being written.
type writeState struct {
	lastWrite, reopenErr error
}

func (ix *Index) state() writeState {
	ix.stateMu.Lock()
	defer ix.stateMu.Unlock()
	return ix.st
}

func (ix *Index) setState(f func(*writeState)) {
	ix.stateMu.Lock()
	f(&ix.st)
	ix.stateMu.Unlock()
}

// WriteError is the error of the last write while no write has succeeded
// since, else nil.
func (ix *Index) WriteError() error {
	st := ix.state()
	if st.reopenErr != nil {
		return fmt.Errorf("%v; reopening: %w", st.lastWrite, st.reopenErr)
	}
	return st.lastWrite
}
