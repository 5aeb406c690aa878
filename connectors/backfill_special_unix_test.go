//go:build unix

package connectors

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe in an archive is an item the job refuses with why, as it
// refuses a link: it was left out of the listing unsaid, so the job's
// items did not add up to the archive's files. Reading it must not wait
// for a writer that never comes.
func TestDirSourceRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	memo := filepath.Join(dir, "memo.txt")
	if err := os.WriteFile(memo, []byte("quarterly audit memo"), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "export.fifo")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	src := DirSource{Dir: dir}
	keys, err := src.Keys(context.Background())
	if err != nil || !reflect.DeepEqual(keys, []string{pipe, memo}) {
		t.Fatalf("keys %v (%v), want the pipe and the memo", keys, err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := src.Load(context.Background(), pipe)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("pipe: %v, want ErrUnreadable naming a named pipe", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("loading a named pipe blocked")
	}
}
