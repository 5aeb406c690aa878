package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/internal/modeltest"
	"github.com/docmill/docmill/internal/natstest"
)

// docmill model use checks the bundle here before the registry names it as
// every worker's model: a folder that is no bundle, a bundle missing its
// tokenizer and a path not on this machine are refused (a path not here
// was recorded, and every worker start then logged an error for it), a
// relative path not here always; --unchecked records an absolute path for
// bundles on the workers' disks only.
func TestBundleOnWorkers(t *testing.T) {
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	tiny := filepath.Join(root, "model", "testdata", "tiny")
	if dir, err := bundleOnWorkers(tiny, false); err != nil || dir != tiny {
		t.Errorf("the tiny bundle: %q %v", dir, err)
	}
	elsewhere := "/opt/docmill/model/bundles/docmill-mini-not-here"
	if _, err := bundleOnWorkers(elsewhere, false); err == nil || !strings.Contains(err.Error(), "not on this machine") || !strings.Contains(err.Error(), "--unchecked") {
		t.Errorf("absolute path elsewhere: %v, want it refused, naming --unchecked", err)
	}
	if dir, err := bundleOnWorkers(elsewhere, true); err != nil || dir != elsewhere {
		t.Errorf("absolute path elsewhere, --unchecked: %q %v", dir, err)
	}
	for _, unchecked := range []bool{false, true} {
		if _, err := bundleOnWorkers("no/such/bundle", unchecked); err == nil || !strings.Contains(err.Error(), "absolute path") {
			t.Errorf("relative path not here (unchecked %v): %v", unchecked, err)
		}
	}
	if _, err := bundleOnWorkers(t.TempDir(), false); err == nil || !strings.Contains(err.Error(), "not a model bundle") {
		t.Errorf("empty folder here: %v", err)
	}
	noTokenizer := t.TempDir()
	for _, f := range []string{"manifest.json", "lower.onnx", "upper.onnx"} {
		b, err := os.ReadFile(filepath.Join(tiny, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(noTokenizer, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := bundleOnWorkers(noTokenizer, false); err == nil || !strings.Contains(err.Error(), "tokenizer") {
		t.Errorf("a bundle without its tokenizer: %v", err)
	}
}

// model use refuses a path that is no bundle before it asks the broker:
// /nonexistent was recorded with exit status 0.
func TestModelUseRefusesNoBundle(t *testing.T) {
	if _, _, err := execute(modelCmd(), "use", "--nats", "nats://127.0.0.1:1", "/nonexistent"); err == nil || !strings.Contains(err.Error(), "/nonexistent is not on this machine") {
		t.Errorf("model use /nonexistent: %v", err)
	}
}

// model use checks the int8 graphs a bundle declares, which workers with
// model.int8 load instead of the fp32 ones: a bundle missing one was
// recorded, and every int8 worker refused it. A bundle that declares none
// is recorded (int8 workers run it in fp32, and model use says so).
func TestBundleOnWorkersChecksInt8(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	noInt8 := modeltest.CopyBundle(t, tiny, func(name string, b []byte) []byte {
		if name == "upper.int8.onnx" {
			return nil
		}
		return b
	})
	if _, err := bundleOnWorkers(noInt8, false); err == nil || !strings.Contains(err.Error(), "upper.int8.onnx") ||
		!strings.Contains(err.Error(), "model.int8") {
		t.Errorf("a declared int8 graph missing: %v, want it refused", err)
	}
	if dir, err := bundleOnWorkers(noInt8, true); err != nil || dir != noInt8 {
		t.Errorf("--unchecked: %q %v", dir, err)
	}
	fp32Only := modeltest.CopyBundle(t, tiny, func(name string, b []byte) []byte {
		if strings.HasSuffix(name, ".int8.onnx") {
			return nil
		}
		if name == "manifest.json" {
			return regexp.MustCompile(`"int8_file":\s*"[^"]*",?`).ReplaceAll(b, nil)
		}
		return b
	})
	if dir, err := bundleOnWorkers(fp32Only, false); err != nil || dir != fp32Only {
		t.Errorf("a bundle without int8 graphs: %q %v", dir, err)
	}
}

// model show prints the registry's entry, with the entries it falls back
// to, or that there is none; model reset clears it. Nothing showed that a
// model use overrode every worker's configuration, nor undid it.
func TestModelShowAndReset(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	url, _, _ := natstest.Listening(t, "model-show")
	show := func() string {
		out, _, err := execute(rootCmd, "model", "show", "--nats", url)
		if err != nil {
			t.Fatalf("model show: %v", err)
		}
		return out
	}
	if out := show(); !strings.Contains(out, "no registry model") {
		t.Errorf("before model use: %s", out)
	}
	for _, m := range []string{"free", tiny} {
		if _, _, err := execute(rootCmd, "model", "use", "--nats", url, m); err != nil {
			t.Fatalf("model use %s: %v", m, err)
		}
	}
	if out := show(); !strings.Contains(out, "active: "+tiny) || !strings.Contains(out, "fallback: free") {
		t.Errorf("after model use: %s", out)
	}
	if _, _, err := execute(rootCmd, "model", "reset", "--nats", url); err != nil {
		t.Fatalf("model reset: %v", err)
	}
	if out := show(); !strings.Contains(out, "no registry model") {
		t.Errorf("after model reset: %s", out)
	}
}

// model use runs the bundle as a worker's load does, not only reads its
// graphs: a bundle with the tokenizer of another model (ids past the
// embedding) was recorded as every worker's model, and every worker then
// refused the swap.
func TestBundleOnWorkersRunsTheBundle(t *testing.T) {
	tiny := modeltest.TinyBundle(t)
	miniTok, err := os.ReadFile(filepath.Join(tiny, "..", "..", "bundles", "docmill-mini", "tokenizer.json"))
	if err != nil {
		t.Fatal(err)
	}
	otherTok := modeltest.CopyBundle(t, tiny, func(name string, b []byte) []byte {
		if name == "tokenizer.json" {
			return miniTok
		}
		return b
	})
	if _, err := bundleOnWorkers(otherTok, false); err == nil || !strings.Contains(err.Error(), "tokenizer") ||
		!strings.Contains(err.Error(), "not recorded") {
		t.Errorf("a tokenizer of another model: %v, want it refused", err)
	}
}
