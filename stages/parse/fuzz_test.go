package parse

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzParse feeds arbitrary bytes, seeded with every fixture, to Parse
// under every file name kind: it must return a document or an *Error with
// a reason, and never panic.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), b)
		}
	}
	lim := DefaultLimits()
	lim.Timeout = 5 * time.Second
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		p, err := Parse(context.Background(), Input{Filename: name, Data: data}, lim)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Reason == "" {
				t.Fatalf("error without reason: %v", err)
			}
			return
		}
		if p == nil || p.ID == "" || !hasContent(p.Text) {
			t.Fatalf("empty result without error: %+v", p)
		}
	})
}
