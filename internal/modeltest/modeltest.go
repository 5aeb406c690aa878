// Package modeltest gives tests the real model runtime: the committed tiny
// bundle with ONNX Runtime found (or the test skipped), and edited copies
// of a bundle for the failure paths.
package modeltest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/model"
)

// TinyBundle returns the committed tiny test bundle (model/testdata/tiny)
// and makes sure the ONNX Runtime library is found: the repository's
// third_party copy unless DOCMILL_ORT_LIB names one. Without it the test
// is skipped with how to install it.
func TinyBundle(tb testing.TB) string {
	tb.Helper()
	root, err := datasets.RepoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	if os.Getenv("DOCMILL_ORT_LIB") == "" {
		tb.Setenv("DOCMILL_ORT_LIB", filepath.Join(root, "third_party", "onnxruntime", "libonnxruntime.so.1"))
	}
	if _, err := model.FindORTLib(""); err != nil {
		tb.Skipf("ONNX Runtime library not installed (run make deps): %v", err)
	}
	return filepath.Join(root, "model", "testdata", "tiny")
}

// CopyBundle copies the bundle src to a new temporary folder, passing each
// file's bytes through edit (nil edit copies as is; edit returning nil
// drops the file).
func CopyBundle(tb testing.TB, src string, edit func(name string, b []byte) []byte) string {
	tb.Helper()
	dir := tb.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		if edit != nil {
			if b = edit(e.Name(), b); b == nil {
				continue
			}
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
