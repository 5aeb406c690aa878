package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// CheckFiles tells a bundle from a folder that is none without the ONNX
// Runtime, so that `docmill model use` can refuse a wrong path where the
// runtime is not installed: the tiny bundle passes; an empty folder, a
// file, a missing path, a broken manifest and a bundle missing a graph or
// its tokenizer do not, each saying why.
func TestCheckFiles(t *testing.T) {
	if err := CheckFiles(tinyDir()); err != nil {
		t.Fatalf("tiny bundle: %v", err)
	}
	empty := t.TempDir()
	if err := CheckFiles(empty); !errors.Is(err, ErrNoBundle) {
		t.Errorf("empty folder: %v, want ErrNoBundle", err)
	}
	if err := CheckFiles(filepath.Join(tinyDir(), "manifest.json")); !errors.Is(err, ErrNoBundle) {
		t.Errorf("a file: %v, want ErrNoBundle", err)
	}
	if err := CheckFiles(filepath.Join(empty, "nope")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: %v, want not exist", err)
	}
	for name, wreck := range map[string]func(dir string) error{
		"manifest.json: invalid": func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "manifest.json"), []byte("{"), 0o644)
		},
		`segment "lower"`: func(dir string) error { return os.Remove(filepath.Join(dir, "lower.onnx")) },
		"tokenizer":       func(dir string) error { return os.Remove(filepath.Join(dir, "tokenizer.json")) },
	} {
		dir := copyBundle(t, tinyDir())
		if err := wreck(dir); err != nil {
			t.Fatal(err)
		}
		if err := CheckFiles(dir); err == nil || !strings.Contains(err.Error(), strings.TrimSuffix(name, ": invalid")) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
