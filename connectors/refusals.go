package connectors

import (
	"slices"
	"sync"
	"time"
)

// Refusal is a watched file that was not taken, and why.
type Refusal struct {
	Source string    // the watcher's source ("folder")
	Where  string    // the watched folder
	Name   string    // the file, relative to Where
	Reason string    // why it was not taken ("empty file: empty document")
	At     time.Time // when it was refused
}

// refusalsKept bounds Refusals: the newest are kept.
const refusalsKept = 100

// Refusals keeps the newest files this process's watchers refused. No
// dead letter can carry such a file (it was never published), so
// without it a reader of the web UI who dropped an empty file, or one
// over pipeline.max_document_mb, saw it vanish without a word: the
// reason was only in the log. A nil *Refusals keeps nothing.
type Refusals struct {
	mu   sync.Mutex
	list []Refusal // oldest first
}

// add keeps r, dropping the oldest beyond refusalsKept.
func (rs *Refusals) add(r Refusal) {
	if rs == nil {
		return
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.list = append(rs.list, r)
	if over := len(rs.list) - refusalsKept; over > 0 {
		rs.list = append(rs.list[:0:0], rs.list[over:]...)
	}
}

// forget drops the refusals of file name in folder where: it was taken
// since, so the page no longer says it was not.
func (rs *Refusals) forget(where, name string) {
	if rs == nil {
		return
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.list = slices.DeleteFunc(rs.list, func(r Refusal) bool { return r.Where == where && r.Name == name })
}

// Recent is the kept refusals, newest first.
func (rs *Refusals) Recent() []Refusal {
	if rs == nil {
		return nil
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	out := make([]Refusal, len(rs.list))
	for i, r := range rs.list {
		out[len(rs.list)-1-i] = r
	}
	return out
}
