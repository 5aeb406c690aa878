package entities

import (
	"os"
	"testing"
)

// TestProfileLarge runs Extract on DOCMILL_PERF_TEXT for CPU profiling.
func TestProfileLarge(t *testing.T) {
	p := os.Getenv("DOCMILL_PERF_TEXT")
	if p == "" {
		t.Skip("DOCMILL_PERF_TEXT not set")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		Extract(string(b), "en")
	}
}
