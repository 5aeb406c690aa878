package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/web"
)

// A worker whose watched bucket is deleted under it shows the stopped
// watch on /healthz, naming the bucket, and on /metrics; /readyz stays 200
// (the entry is advisory: the worker still analyses what arrives). The
// watch had died without a word, and /healthz said every part was healthy.
func TestStoppedBucketWatchOnHealthz(t *testing.T) {
	url, _, js := natstest.Listening(t, "bucket-health")
	w := startRoleAt(t, url, RoleWorker, nil) // watches docmill-inbox, the default
	base := "http://" + w.HTTPAddr()
	const key = "bucket:docmill-inbox"
	waitFor(t, "the bucket watch started", 30*time.Second, func() bool {
		c, ok := w.Health()[key]
		return ok && c.OK && strings.HasPrefix(c.Detail, "watching")
	})
	if err := js.DeleteObjectStore(context.Background(), "docmill-inbox"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the stopped watch reported", 30*time.Second, func() bool { return !w.Health()[key].OK })

	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var health struct {
		Components map[string]web.Component `json:"components"`
	}
	err = json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	c, ok := health.Components[key]
	if !ok || c.OK || !strings.Contains(c.Detail, "bucket docmill-inbox") || !strings.Contains(c.Detail, "stopped") {
		t.Errorf("/healthz %s = %+v (present %v), want not ok, naming the bucket and that its watch stopped", key, c, ok)
	}
	r, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusOK {
		t.Errorf("/readyz with a stopped bucket watch answers %d, want 200", r.StatusCode)
	}
	resp, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(m), `docmill_bucket_watch_up{bucket="docmill-inbox"} 0`) {
		t.Error("/metrics does not give docmill_bucket_watch_up 0 for the stopped watch")
	}
}
