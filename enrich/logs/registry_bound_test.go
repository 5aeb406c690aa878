package logs

import (
	"fmt"
	"testing"
)

// Log sources that come and go (each host or pod its own source) do not
// each keep a miner for the life of the process: past DefaultMaxSources
// the least recently used saved ones leave memory, and a source that
// returns finds its templates in the store, none of them new.
func TestRegistryKeepsBoundedSources(t *testing.T) {
	ctx, store, _ := freshKVStore(t)
	r := NewRegistry(store, DefaultConfig())
	const sources = DefaultMaxSources + 44
	lines := func(i int) []string {
		return []string{
			fmt.Sprintf("2024-03-01 10:00:01 INFO host-%d: worker 17 started job 4411", i),
			fmt.Sprintf("2024-03-01 10:00:02 WARN host-%d: disk /dev/sda1 at 91%%", i),
		}
	}
	for i := 0; i < sources; i++ {
		if s := Summarize(lines(i), r.Get(fmt.Sprintf("host-%d", i))); s.NewTemplates != 2 {
			t.Fatalf("host-%d: %d new templates, want 2", i, s.NewTemplates)
		}
		if err := r.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(r.miners); n > DefaultMaxSources {
		t.Errorf("%d miners in memory after %d sources, want at most %d", n, sources, DefaultMaxSources)
	}
	if _, ok := r.miners["host-0"]; ok {
		t.Error("the least recently used source is still in memory")
	}
	m := r.Get("host-0")
	if s := Summarize(lines(0), m); s.NewTemplates != 0 {
		t.Errorf("host-0 back: %d templates new, want 0 (loaded from the store)", s.NewTemplates)
	}
	if ts := m.Templates(); len(ts) != 2 || ts[0].Count != 2 {
		t.Errorf("host-0 back: templates %+v, want 2 seen twice each", ts)
	}
}

// A miner in use, or with templates not yet saved, stays in memory however
// many sources arrive: what it mines is neither lost nor split from what
// the next document of its source sees.
func TestRegistryKeepsHeldAndUnsavedMiners(t *testing.T) {
	_, store, _ := freshKVStore(t)
	r := NewRegistry(store, DefaultConfig())
	r.MaxSources = 2
	held, release := r.Use("held")
	held.Add("worker 1 started")
	dirty, releaseDirty := r.Use("dirty")
	dirty.Add("job 2 finished")
	releaseDirty() // released, but not flushed
	for i := 0; i < 10; i++ {
		_, rel := r.Use(fmt.Sprintf("passing-%d", i))
		rel()
	}
	if got, _ := r.GetContext(t.Context(), "held"); got != held {
		t.Error("a held miner was replaced")
	}
	if got, _ := r.GetContext(t.Context(), "dirty"); got != dirty {
		t.Error("a miner with unsaved templates was replaced")
	}
	release()
}

// A template the pipeline reports as new is in the store before the
// document's result is published (SaveShapes), not up to 30 s later at a
// Flush: a crash in between made the next process report it as new
// again. Counts alone do not write the store on every document.
func TestSaveShapesKeepsNewTemplatesAcrossACrash(t *testing.T) {
	ctx, store, kv := freshKVStore(t)
	r := NewRegistry(store, DefaultConfig())
	day1 := []string{"2024-03-01 10:00:01 INFO disk usage 91% on /dev/sda1", "2024-03-01 10:00:02 INFO backup chunk 7 uploaded to s3"}
	if s := Summarize(day1, r.Get("Backup")); s.NewTemplates != 2 {
		t.Fatalf("%d new templates, want 2", s.NewTemplates)
	}
	if err := r.SaveShapes(ctx, "Backup"); err != nil {
		t.Fatal(err)
	}
	e, err := kv.Get(ctx, kvKey("backup"))
	if err != nil {
		t.Fatalf("templates not saved: %v", err)
	}
	// the same shapes again: counts change, the store is not written
	Summarize(day1, r.Get("backup"))
	if err := r.SaveShapes(ctx, "backup"); err != nil {
		t.Fatal(err)
	}
	if again, err := kv.Get(ctx, kvKey("backup")); err != nil || again.Revision() != e.Revision() {
		t.Errorf("saved again for counts alone (revision %d -> %v, %v)", e.Revision(), again, err)
	}
	// a crash: no Flush; a new process loads what was saved
	fresh := NewRegistry(store, DefaultConfig())
	day2 := append(day1, "2024-03-02 10:00:03 WARN snapshot 12 took 95 s")
	if s := Summarize(day2, fresh.Get("backup")); s.NewTemplates != 1 {
		t.Errorf("after a crash: %d new templates, want 1 (the two of day 1 were saved)", s.NewTemplates)
	}
}
