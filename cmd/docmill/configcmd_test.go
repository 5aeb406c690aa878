package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/modeltest"
)

// config check loads the shadow bundle as model use checks one: it said
// ok for a shadow whose graph did not parse.
func TestConfigCheckLoadsShadow(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	broken := modeltest.CopyBundle(t, tiny, func(name string, b []byte) []byte {
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
