package web

import "sync"

// deletions remembers the names of the documents this server deleted
// lately, so that the search page's notice after a delete names the file
// the user deleted, not only its id. Only names recorded here are shown:
// a link's query cannot put words of its own on the page.
type deletions struct {
	mu    sync.Mutex
	names map[string]string
	order []string // oldest first
}

// deletionsMax bounds what is remembered: a notice is read right after
// its delete, so the oldest names go first.
const deletionsMax = 256

// add records that document id, called name, was deleted here.
func (d *deletions) add(id, name string) {
	if name == "" {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.names == nil {
		d.names = map[string]string{}
	}
	if _, ok := d.names[id]; !ok {
		d.order = append(d.order, id)
	}
	d.names[id] = name
	for len(d.order) > deletionsMax {
		delete(d.names, d.order[0])
		d.order = d.order[1:]
	}
}

// name is the name document id had when this server deleted it, or "".
func (d *deletions) name(id string) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.names[id]
}
