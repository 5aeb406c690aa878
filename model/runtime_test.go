package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindORTLibExplicitMissing(t *testing.T) {
	_, err := FindORTLib(filepath.Join(t.TempDir(), "nope.so"))
	if !errors.Is(err, ErrORTNotFound) || !strings.Contains(err.Error(), "--ort-lib") {
		t.Fatalf("want ErrORTNotFound naming the flag, got %v", err)
	}
}

func TestFindORTLibEnv(t *testing.T) {
	p := filepath.Join(t.TempDir(), "lib.so")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvORTLib, p)
	got, err := FindORTLib("")
	if err != nil || got != p {
		t.Fatalf("got %q, %v; want %q", got, err, p)
	}
	// The flag wins over the environment.
	if _, err := FindORTLib(p + ".missing"); err == nil {
		t.Fatal("missing flag path accepted")
	}
}

// brokenInitErr is InitRuntime's answer to a file that is not a library,
// taken in TestMain before any test initialises the real runtime.
var brokenInitErr error

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ortlib")
	if err == nil {
		p := filepath.Join(dir, "libonnxruntime.so.1")
		if err = os.WriteFile(p, []byte("not a library"), 0o644); err == nil {
			brokenInitErr = InitRuntime(p)
		}
		os.RemoveAll(dir)
	}
	os.Exit(m.Run())
}

func TestInitRuntimeBrokenLibrary(t *testing.T) {
	if brokenInitErr == nil {
		t.Fatal("a broken library was accepted")
	}
	t.Logf("broken library: %v", brokenInitErr)
	if err := InitRuntime(filepath.Join(t.TempDir(), "missing.so")); !errors.Is(err, ErrORTNotFound) && RuntimePath() == "" {
		t.Fatalf("missing library: %v", err)
	}
}
