//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/internal/natstest"
)

// A named pipe, in a folder or named itself, is refused with why: ingest
// said "published 0 documents (...; 0 refused)" and exited 0, as if there
// had been nothing to send.
func TestIngestRefusesNamedPipe(t *testing.T) {
	_, js := natstest.Start(t, "ingest-fifo")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "memo.txt"), []byte("quarterly audit memo"), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "export.fifo")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, path := range []string{dir, pipe} {
		var out, errOut bytes.Buffer
		c := ingestCounts{out: &out, errOut: &errOut}
		if err := ingestPath(context.Background(), &connectors.Publisher{JS: js}, path, "test", "", &c); err != nil {
			t.Fatal(err)
		}
		want := "refused " + pipe + ": a named pipe, not a regular file"
		if c.refused != 1 || !strings.Contains(errOut.String(), want) {
			t.Errorf("ingest %s: refused %d, want 1 with %q:\n%s", path, c.refused, want, errOut.String())
		}
	}
}
