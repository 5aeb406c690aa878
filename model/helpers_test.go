package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// needORT initialises ONNX Runtime for a test, skipping with a clear message
// when the library is absent (set DOCMILL_REQUIRE_ORT=1 to fail instead).
func needORT(t testing.TB) {
	t.Helper()
	lib, err := FindORTLib("")
	if err == nil {
		err = InitRuntime(lib)
	}
	if err != nil {
		if os.Getenv("DOCMILL_REQUIRE_ORT") != "" {
			t.Fatalf("ONNX Runtime: %v", err)
		}
		t.Skipf("ONNX Runtime unavailable (%v); the setup step installs third_party/onnxruntime/libonnxruntime.so.1", err)
	}
}

func tinyDir() string { return filepath.Join("testdata", "tiny") }

func loadTiny(t testing.TB, o Options) *Model {
	t.Helper()
	needORT(t)
	if o.Dir == "" {
		o.Dir = tinyDir()
	}
	m, err := Load(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.Close)
	return m
}

// parityFile is PyTorch's outputs for given inputs.
type parityFile struct {
	Cases []struct {
		InputIDs      [][]int64                  `json:"input_ids"`
		AttentionMask [][]int64                  `json:"attention_mask"`
		Outputs       map[string]json.RawMessage `json:"outputs"`
	} `json:"cases"`
}

func readParity(t testing.TB, path string) parityFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var p parityFile
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return p
}

// rows decodes a nested JSON array [batch, ...] into one flat slice per row.
func rows(t testing.TB, raw json.RawMessage) [][]float64 {
	t.Helper()
	var top []any
	if err := json.Unmarshal(raw, &top); err != nil {
		t.Fatal(err)
	}
	out := make([][]float64, len(top))
	for i, r := range top {
		out[i] = flatten(r, nil)
	}
	return out
}

func flatten(v any, dst []float64) []float64 {
	switch x := v.(type) {
	case float64:
		return append(dst, x)
	case []any:
		for _, e := range x {
			dst = flatten(e, dst)
		}
	}
	return dst
}
