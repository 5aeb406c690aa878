package logs

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// startNATS runs an embedded JetStream server storing under dir.
func startNATS(t *testing.T, dir string) *server.Server {
	t.Helper()
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: dir, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server not ready")
	}
	return s
}

// openKV connects to s and opens (creating) the templates bucket.
func openKV(t *testing.T, ctx context.Context, s *server.Server) (*nats.Conn, jetstream.KeyValue) {
	t.Helper()
	nc, err := nats.Connect(s.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: "DOCMILL_TEMPLATES", Storage: jetstream.FileStorage})
	if err != nil {
		t.Fatal(err)
	}
	return nc, kv
}

// Templates mined before a restart of the server, the registry and the
// miners are known afterwards: same ids, counts kept, nothing new.
func TestKVStoreSurvivesRestart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	dir := t.TempDir()
	lines := []string{
		"2024-03-01 10:00:01 INFO app: user 17 logged in from 10.1.1.1",
		"2024-03-01 10:00:02 INFO app: user 18 logged in from 10.1.1.2",
		"2024-03-01 10:00:03 ERROR app: disk /dev/sda1 is full",
	}

	s := startNATS(t, dir)
	nc, kv := openKV(t, ctx, s)
	r := NewRegistry(NewKVStore(kv), DefaultConfig())
	first := Summarize(lines, r.Get("web/access.log"))
	if first.NewTemplates != 2 {
		t.Fatalf("first run: %d new templates", first.NewTemplates)
	}
	before := r.Get("web/access.log").Templates()
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	nc.Close()
	s.Shutdown()
	s.WaitForShutdown()

	s = startNATS(t, dir)
	defer s.Shutdown()
	nc, kv = openKV(t, ctx, s)
	defer nc.Close()
	r = NewRegistry(NewKVStore(kv), DefaultConfig())
	m, err := r.GetContext(ctx, "web/access.log")
	if err != nil {
		t.Fatal(err)
	}
	after := m.Templates()
	if len(after) != len(before) {
		t.Fatalf("restored %d templates, want %d", len(after), len(before))
	}
	for i := range before {
		if after[i].ID != before[i].ID || after[i].Template != before[i].Template || after[i].Count != before[i].Count ||
			!after[i].FirstSeen.Equal(before[i].FirstSeen) {
			t.Errorf("template %d: %+v, want %+v", i, after[i], before[i])
		}
	}
	second := Summarize(lines, m)
	if second.NewTemplates != 0 {
		t.Errorf("after restart %d templates reported new", second.NewTemplates)
	}
	if got, _ := r.GetContext(ctx, "other"); len(got.Templates()) != 0 {
		t.Errorf("unknown source has templates")
	}
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

// A source with more templates than one KV value holds keeps them all,
// over several values; a later, smaller save leaves no stale part behind.
// (9,000 distinct messages uploaded twice counted 3,322 templates as new
// the second time: the value was capped at 900 KiB.)
func TestKVStoreManyTemplates(t *testing.T) {
	ctx, store, kv := freshKVStore(t)
	var ts []Template
	for i := 0; i < 9000; i++ {
		ts = append(ts, Template{ID: fmt.Sprintf("t%d", i), Template: fmt.Sprintf("event %d happened in module %s", i, strings.Repeat("x", 100)), Count: 1})
	}
	if err := store.Save(ctx, "big", ts); err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Get(ctx, partKey("big", 1)); err != nil {
		t.Fatalf("no second part: %v", err)
	}
	got, err := store.Load(ctx, "big")
	if err != nil || len(got) != len(ts) || got[8999].ID != "t8999" {
		t.Fatalf("loaded %d templates, %v", len(got), err)
	}
	if err := store.Save(ctx, "big", ts[:10]); err != nil {
		t.Fatal(err)
	}
	if got, err := store.Load(ctx, "big"); err != nil || len(got) != 10 {
		t.Fatalf("after a smaller save: %d templates, %v", len(got), err)
	}
}

// freshKVStore is a template store over a KV bucket of a new embedded
// NATS server, for one test.
func freshKVStore(t *testing.T) (context.Context, Store, jetstream.KeyValue) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	s := startNATS(t, t.TempDir())
	t.Cleanup(s.Shutdown)
	nc, kv := openKV(t, ctx, s)
	t.Cleanup(nc.Close)
	return ctx, NewKVStore(kv), kv
}

// One template longer than a KV value (a single huge log line) must not
// make every later save of its source fail.
func TestOversizeTemplateIsDroppedNotFatal(t *testing.T) {
	ctx, store, _ := freshKVStore(t)
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
