package main

import (
	"bytes"
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

// config check loads model.dir as it loads the shadow: a bundle serve
// could not load (a corrupt int8 graph with model.int8, a missing
// segment, labels that do not match the logits) was "ok", and serve then
// ran the model-free tier with a warning. model.disabled skips it; a
// folder not on this machine, a missing ONNX Runtime and broken int8
// graphs without model.int8 are warnings.
func TestConfigCheckLoadsModelDir(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	edit := func(file string, f func([]byte) []byte) string {
		return modeltest.CopyBundle(t, tiny, func(name string, b []byte) []byte {
			if name == file {
				return f(b)
			}
			return b
		})
	}
	badInt8 := edit("upper.int8.onnx", func(b []byte) []byte { return b[:len(b)/3] })
	noSegment := edit("upper.onnx", func([]byte) []byte { return nil })
	moreLabels := edit("manifest.json", func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"contract",`), []byte(`"contract", "invoice",`), 1)
	})
	for _, c := range []struct {
		yaml, stdout, stderr string
		ok                   bool
	}{
		{"dir: " + tiny, "model.dir " + tiny + ": loaded and run", "", true},
		{"dir: " + badInt8 + "\n  int8: true", "", "model.dir: ", false},
		{"dir: " + badInt8, "", "warning: model.dir: ", true}, // fp32 workers load no int8 graph
		{"dir: " + noSegment, "", "upper.onnx", false},
		{"dir: " + moreLabels, "", "model.dir: ", false},
		{"dir: " + noSegment + "\n  disabled: true", "", "", true},
		{"dir: /nonexistent/bundle", "", "warning: model.dir /nonexistent/bundle is not on this machine", true},
	} {
		out, errOut, err := checkConfig(t, "model:\n  "+c.yaml+"\n")
		if c.ok != (err == nil) || !strings.Contains(out, c.stdout) || !strings.Contains(errOut, c.stderr) {
			t.Errorf("%s: %v\nstdout: %s\nstderr: %s", c.yaml, err, out, errOut)
		}
	}
	// a runtime that is not here: the files are checked, and it says so
	t.Setenv("DOCMILL_ORT_LIB", "/nonexistent/libonnxruntime.so.1")
	out, errOut, err := checkConfig(t, "model:\n  dir: "+tiny+"\n")
	if err != nil || !strings.Contains(errOut, "warning: model.dir "+tiny+": only its files were checked") || strings.Contains(out, "loaded") {
		t.Errorf("no runtime: %v\nstdout: %s\nstderr: %s", err, out, errOut)
	}
	if _, errOut, err := checkConfig(t, "model:\n  dir: "+noSegment+"\n"); err == nil {
		t.Errorf("no runtime, a segment missing: ok\nstderr: %s", errOut)
	}
}

// checkConfig runs docmill config check on a config file of text.
func checkConfig(t *testing.T, text string) (stdout, stderr string, err error) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return execute(rootCmd, "config", "check", f)
}
