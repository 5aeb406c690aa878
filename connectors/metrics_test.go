package connectors

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// A watched file that is refused is counted once, by reason, on
// docmill_intake_refused_total; it left only a log line.
func TestFolderRefusalsCounted(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	dir := t.TempDir()
	f := handFolder(t, js, seen, dir) // scans driven by hand
	f.Pub.MaxBytes = 64
	for name, body := range map[string]string{"empty.txt": "", "big.txt": string(make([]byte, 100)), "ok.txt": "A short memo."} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty0 := testutil.ToFloat64(intakeRefused.WithLabelValues("folder", "empty"))
	big0 := testutil.ToFloat64(intakeRefused.WithLabelValues("folder", "too_large"))
	for range 3 {
		f.scan(ctx)
	}
	if d := testutil.ToFloat64(intakeRefused.WithLabelValues("folder", "empty")) - empty0; d != 1 {
		t.Errorf("empty files counted %v times, want once", d)
	}
	if d := testutil.ToFloat64(intakeRefused.WithLabelValues("folder", "too_large")) - big0; d != 1 {
		t.Errorf("files over the limit counted %v times, want once", d)
	}
	reg := prometheus.NewRegistry()
	if err := RegisterMetrics(reg); err != nil {
		t.Fatal(err)
	}
	if err := RegisterMetrics(reg); err != nil {
		t.Errorf("registering twice: %v", err)
	}
}
