package logs

import (
	"context"
	"strings"
	"testing"
	"time"
)

// One template longer than a KV value (a single huge log line) must not
// make every later save of its source fail.
func TestOversizeTemplateIsDroppedNotFatal(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s := startNATS(t, t.TempDir())
	defer s.Shutdown()
	nc, kv := openKV(t, ctx, s)
	defer nc.Close()
	store := NewKVStore(kv)
	ts := []Template{
		{ID: "a", Template: "user <*> logged in", Count: 50},
		{ID: "huge", Template: strings.Repeat("word ", 220000), Count: 1}, // ~1.1 MB
	}
	if err := store.Save(ctx, "src", ts); err != nil {
		t.Fatalf("save: %v", err)
	}
	got, err := store.Load(ctx, "src")
	if err != nil || len(got) != 1 || got[0].ID != "a" {
		t.Errorf("loaded %+v %v, want the ordinary template only", got, err)
	}
}
