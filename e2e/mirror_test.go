package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// TestMirroredDeleteAcrossProcesses: with sources.mirror_deletes, an
// object deleted from a bucket that a worker process watches leaves the
// index of a separate indexer process, which announces it.
func TestMirroredDeleteAcrossProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test")
	}
	natsBin := buildNATSServer(t)
	base := t.TempDir()
	port := freePort(t)
	srv := exec.Command(natsBin, "-js", "-sd", filepath.Join(base, "js"), "-a", "127.0.0.1", "-p", fmt.Sprint(port))
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Process.Kill(); _, _ = srv.Process.Wait() })
	url := fmt.Sprintf("nats://127.0.0.1:%d", port)
	nc, err := nats.Connect(url, nats.RetryOnFailedConnect(true), nats.MaxReconnects(-1))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	waitUntil(t, "JetStream up", 30*time.Second, func() bool { _, err := js.AccountInfo(ctx); return err == nil })

	env := []string{"DOCMILL_NATS_REPLICAS=1", "DOCMILL_SOURCES_MIRROR_DELETES=true"}
	idx, wrk := filepath.Join(base, "indexer"), filepath.Join(base, "worker")
	os.MkdirAll(idx, 0o755)
	os.MkdirAll(wrk, 0o755)
	httpPort := freePort(t)
	startRoleEnv(t, "indexer", idx, env, "--nats", url, "--data", idx, "--http", fmt.Sprintf("127.0.0.1:%d", httpPort))
	p := &proc{http: fmt.Sprintf("http://127.0.0.1:%d", httpPort)}
	waitUntil(t, "indexer ready", 60*time.Second, func() bool { return p.total(t) >= 0 })
	startRoleEnv(t, "worker", wrk, env, "--nats", url, "--data", wrk, "--http", "127.0.0.1:0", "--no-model")
	var store jetstream.ObjectStore
	waitUntil(t, "inbox bucket created by the worker", 60*time.Second, func() bool {
		store, err = js.ObjectStore(ctx, "docmill-inbox")
		return err == nil
	})
	text := "Supply terms: the supplier ships the goods within ten days of the order."
	if _, err := store.PutString(ctx, "terms.txt", text); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "object indexed", 120*time.Second, func() bool { return p.total(t) == 1 })
	if err := store.Delete(ctx, "terms.txt"); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "deleted object's document removed", 120*time.Second, func() bool { return p.total(t) == 0 })
	st, err := js.Stream(ctx, "DOCMILL_DELETED")
	if err != nil {
		t.Fatal(err)
	}
	// the notice follows the removal: the indexer deletes the stored
	// copies first, so it may land a moment after the count drops
	var m *jetstream.RawStreamMsg
	waitUntil(t, "deletion notice", 30*time.Second, func() bool {
		m, err = st.GetLastMsgForSubject(ctx, "docmill.deleted.>")
		return err == nil
	})
	if !strings.Contains(string(m.Data), `"reason":"source_removed"`) {
		t.Errorf("deletion notice %s", m.Data)
	}
}
