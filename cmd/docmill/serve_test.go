package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
)

// The JSON log writes durations as Go prints them: it wrote nanoseconds,
// "timeout":20000000000 in the shutdown line and "in":5000000000 in a
// retry's, where the text log and the config say 20s and 5s. Other
// values keep their JSON types.
func TestJSONLogDurationsReadable(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stderr := os.Stderr
	os.Stderr = f
	defer func() { os.Stderr = stderr }()
	c := config.Default()
	newLogger(c).Info("shutting down", "timeout", 20*time.Second, "in", 1500*time.Millisecond, "attempt", 3)
	os.Stderr = stderr
	out, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"timeout":"20s"`, `"in":"1.5s"`, `"attempt":3`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("log line lacks %s: %s", want, out)
		}
	}
}
