package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/model"
)

// ortHere makes sure the ONNX Runtime library is found (the repository's
// third_party copy unless DOCMILL_ORT_LIB names one), or skips, and
// returns the repository root.
func ortHere(t *testing.T) string {
	t.Helper()
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("DOCMILL_ORT_LIB") == "" {
		t.Setenv("DOCMILL_ORT_LIB", filepath.Join(root, "third_party", "onnxruntime", "libonnxruntime.so.1"))
	}
	if _, err := model.FindORTLib(""); err != nil {
		t.Skipf("ONNX Runtime library not installed (run make deps): %v", err)
	}
	return root
}

// copyBundle copies the bundle src to a new folder, passing each file's
// bytes through edit (nil drops the file).
func copyBundle(t *testing.T, src string, edit func(name string, b []byte) []byte) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if b = edit(e.Name(), b); b == nil {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// config check loads the shadow bundle as model use checks one: it said
// ok for a shadow whose graph did not parse.
func TestConfigCheckLoadsShadow(t *testing.T) {
	tiny := filepath.Join(ortHere(t), "model", "testdata", "tiny")
	broken := copyBundle(t, tiny, func(name string, b []byte) []byte {
		if name == "upper.onnx" {
			return b[:len(b)/3]
		}
		return b
	})
	for _, c := range []struct {
		shadow string
		ok     bool
	}{{tiny, true}, {"free", true}, {broken, false}} {
		f := filepath.Join(t.TempDir(), "c.yaml")
		if err := os.WriteFile(f, []byte("model:\n  shadow: "+c.shadow+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := execute(rootCmd, "config", "check", f)
		if c.ok && err != nil {
			t.Errorf("shadow %s: %v", c.shadow, err)
		}
		if !c.ok && (err == nil || !strings.Contains(err.Error(), "1 problem")) {
			t.Errorf("shadow %s: %v, want it reported", c.shadow, err)
		}
	}
}
