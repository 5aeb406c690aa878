package connectors

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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

// A watched file whose path is over MaxFilenameBytes is refused and
// counted once; it was sent again on every scan, uncounted.
func TestFolderLongNameRefusedOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js, seen := folderBroker(ctx, t)
	dir := t.TempDir()
	sub := filepath.Join(dir, strings.Repeat("a", 250), strings.Repeat("b", 250), strings.Repeat("c", 250), strings.Repeat("d", 250))
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, strings.Repeat("e", 100)+".txt"), []byte("A memo."), 0o644); err != nil {
		t.Fatal(err)
	}
	f := handFolder(t, js, seen, dir)
	long0 := testutil.ToFloat64(intakeRefused.WithLabelValues("folder", "name_too_long"))
	for range 4 {
		f.scan(ctx)
	}
	if d := testutil.ToFloat64(intakeRefused.WithLabelValues("folder", "name_too_long")) - long0; d != 1 {
		t.Errorf("a file with a path too long counted %v times, want once", d)
	}
}

// Every refusal series is exported from the start, at zero: without one
// until the first refusal, Prometheus's increase() missed that refusal.
func TestRefusalSeriesStartAtZero(t *testing.T) {
	reg := prometheus.NewRegistry()
	if err := RegisterMetrics(reg); err != nil {
		t.Fatal(err)
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, f := range families {
		if f.GetName() != "docmill_intake_refused_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			var source, reason string
			for _, l := range m.GetLabel() {
				switch l.GetName() {
				case "source":
					source = l.GetValue()
				case "reason":
					reason = l.GetValue()
				}
			}
			have[source+"/"+reason] = true
		}
	}
	for _, source := range []string{"folder", "bucket"} {
		for _, reason := range []string{"empty", "too_large", "gone", "name_too_long", "reserved_meta", "unreadable"} {
			if !have[source+"/"+reason] {
				t.Errorf("no series for source %s, reason %s", source, reason)
			}
		}
	}
}
