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

func TestInitRuntimeBrokenLibrary(t *testing.T) {
	if RuntimePath() != "" {
		t.Skip("runtime already initialised in this process")
	}
	p := filepath.Join(t.TempDir(), "libonnxruntime.so.1")
	if err := os.WriteFile(p, []byte("not a library"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := InitRuntime(p); err == nil {
		t.Fatal("broken library accepted")
	}
	if err := InitRuntime(p + ".missing"); !errors.Is(err, ErrORTNotFound) {
		t.Fatalf("missing library: %v", err)
	}
}
