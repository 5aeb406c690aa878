package train

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	ort "github.com/yalue/onnxruntime_go"

	"github.com/docmill/docmill/internal/datasets"
)

const python = "/usr/bin/python3"

// manifest mirrors the parts of model/BUNDLE.md's manifest.json the tests check.
type manifest struct {
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Tokenizer  string `json:"tokenizer"`
	MaxLength  int    `json:"max_length"`
	HiddenSize int    `json:"hidden_size"`
	Layers     int    `json:"layers"`
	Segments   []struct {
		Name     string   `json:"name"`
		File     string   `json:"file"`
		Int8File string   `json:"int8_file"`
		Inputs   []string `json:"inputs"`
		Outputs  []string `json:"outputs"`
	} `json:"segments"`
	Exits []struct {
		Name    string            `json:"name"`
		Layer   int               `json:"layer"`
		Segment string            `json:"segment"`
		Heads   map[string]string `json:"heads"`
		Tasks   []string          `json:"tasks"`
	} `json:"exits"`
	Labels struct {
		Class   []string `json:"class"`
		Subtype []string `json:"subtype"`
	} `json:"labels"`
	Parity  string                 `json:"parity"`
	Metrics map[string]interface{} `json:"metrics"`
}

type tensorRef struct {
	Shape []int64   `json:"shape"`
	Data  []float32 `json:"data"`
}

type parityCase struct {
	InputIDs      [][]int64            `json:"input_ids"`
	AttentionMask [][]int64            `json:"attention_mask"`
	FP32          map[string]tensorRef `json:"fp32"`
	Int8          map[string]tensorRef `json:"int8"`
}

type parityFile struct {
	Tolerance float64      `json:"tolerance"`
	Cases     []parityCase `json:"cases"`
}

// TestTinyRecipe runs the whole recipe in --tiny mode and checks the bundle it writes.
func TestTinyRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the Python training recipe (about 1-3 minutes); skipped with -short")
	}
	requirePython(t)
	ds := datasets.Require(t, "cuad_contracts", "contracts.jsonl")
	out := t.TempDir()
	cmd := exec.Command(python, "train.py", "--tiny", "--out", out, "--datasets", filepath.Dir(filepath.Dir(ds)))
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	logb, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("train.py --tiny: %v\n%s", err, tail(string(logb), 3000))
	}
	m := checkBundle(t, out, 40<<20)
	if _, ok := m.Metrics["test_fp32_class_acc_full"].(float64); !ok {
		t.Errorf("manifest metrics lack the test-split evaluation: %v", m.Metrics)
	}
	checkParity(t, out, m)
}

// TestShippedBundle checks the committed docmill-mini bundle: manifest,
// files, size limits and, when ONNX Runtime is present, parity with PyTorch.
func TestShippedBundle(t *testing.T) {
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatalf("repo root: %v", err)
	}
	dir := filepath.Join(root, "model", "bundles", "docmill-mini")
	if d := os.Getenv("DOCMILL_BUNDLE"); d != "" {
		dir = d // check another bundle, e.g. one written by train.py --out
	}
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		t.Skipf("no committed bundle at %s yet: %v", dir, err)
	}
	m := checkBundle(t, dir, 40<<20)
	if ratio, ok := m.Metrics["int8_size_ratio"].(float64); !ok || ratio > 0.30 {
		t.Errorf("int8 size ratio = %v, want <= 0.30", m.Metrics["int8_size_ratio"])
	}
	checkParity(t, dir, m)
}

func requirePython(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(python); err != nil {
		t.Skipf("%s not found; install python3-torch python3-onnx to run the recipe test", python)
	}
	if out, err := exec.Command(python, "-c", "import torch, onnx, numpy").CombinedOutput(); err != nil {
		t.Skipf("%s cannot import torch/onnx/numpy (apt-get install python3-torch python3-onnx python3-numpy): %v %s", python, err, strings.TrimSpace(string(out)))
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// checkBundle validates manifest.json against model/BUNDLE.md and the files it names.
func checkBundle(t *testing.T, dir string, maxBytes int64) *manifest {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatalf("read manifest: %v", err)
	}
	var m manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("parse manifest: %v", err)
	}
	if m.Name != "docmill-mini" || m.Kind != "multi-exit-encoder" {
		t.Errorf("name/kind = %q/%q", m.Name, m.Kind)
	}
	if m.Layers < 6 || m.HiddenSize <= 0 || m.MaxLength <= 0 {
		t.Errorf("layers/hidden/max_length = %d/%d/%d", m.Layers, m.HiddenSize, m.MaxLength)
	}
	if got := strings.Join(m.Labels.Class, ","); got != "contract,regulation,log,other" {
		t.Errorf("class labels = %s", got)
	}
	if len(m.Labels.Subtype) < 2 || m.Labels.Subtype[len(m.Labels.Subtype)-1] != "none" {
		t.Errorf("subtype labels = %v", m.Labels.Subtype)
	}
	wantIO := [][2]string{
		{"input_ids,attention_mask", "hidden,class_logits_shallow,subtype_logits_shallow,keyword_logits_shallow"},
		{"hidden,attention_mask", "class_logits,subtype_logits,keyword_logits,salience_logits"},
	}
	if len(m.Segments) != 2 {
		t.Fatalf("segments = %d, want 2", len(m.Segments))
	}
	var total, fp32, int8 int64
	for i, s := range m.Segments {
		if strings.Join(s.Inputs, ",") != wantIO[i][0] || strings.Join(s.Outputs, ",") != wantIO[i][1] {
			t.Errorf("segment %s io = %v -> %v", s.Name, s.Inputs, s.Outputs)
		}
		fp32 += fileSize(t, dir, s.File)
		int8 += fileSize(t, dir, s.Int8File)
	}
	if len(m.Exits) != 2 || m.Exits[0].Layer >= m.Exits[1].Layer || m.Exits[1].Layer != m.Layers {
		t.Errorf("exits = %+v", m.Exits)
	}
	total = fp32 + int8 + fileSize(t, dir, m.Tokenizer) + fileSize(t, dir, m.Parity) + int64(len(raw))
	if total > maxBytes {
		t.Errorf("bundle is %d bytes, limit %d", total, maxBytes)
	}
	if int8 >= fp32 {
		t.Errorf("int8 graphs (%d bytes) not smaller than fp32 (%d)", int8, fp32)
	}
	return &m
}

func fileSize(t *testing.T, dir, name string) int64 {
	t.Helper()
	if name == "" {
		t.Errorf("manifest names an empty file")
		return 0
	}
	st, err := os.Stat(filepath.Join(dir, name))
	if err != nil {
		t.Errorf("bundle file: %v", err)
		return 0
	}
	return st.Size()
}

var ortOnce sync.Once
var ortErr error

// requireORT initialises ONNX Runtime from third_party, or skips.
func requireORT(t *testing.T) {
	t.Helper()
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatalf("repo root: %v", err)
	}
	lib := filepath.Join(root, "third_party", "onnxruntime", "libonnxruntime.so.1")
	if _, err := os.Stat(lib); err != nil {
		t.Skipf("ONNX Runtime library not found at %s (fetched by the setup step): parity not checked", lib)
	}
	ortOnce.Do(func() {
		ort.SetSharedLibraryPath(lib)
		ortErr = ort.InitializeEnvironment()
	})
	if ortErr != nil {
		t.Fatalf("init onnxruntime: %v", ortErr)
	}
}

// checkParity runs lower then upper with ONNX Runtime on the bundle's
// reference inputs and compares every head with PyTorch's output (fp32:
// max abs diff within the file's tolerance; int8: same class decisions as
// the PyTorch simulation of the int8 graph).
func checkParity(t *testing.T, dir string, m *manifest) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, m.Parity))
	if err != nil {
		t.Fatalf("read parity: %v", err)
	}
	var pf parityFile
	if err := json.Unmarshal(raw, &pf); err != nil {
		t.Fatalf("parse parity: %v", err)
	}
	if len(pf.Cases) == 0 || pf.Tolerance <= 0 || pf.Tolerance > 1e-3 {
		t.Fatalf("parity file: %d cases, tolerance %g", len(pf.Cases), pf.Tolerance)
	}
	requireORT(t)
	for _, variant := range []string{"fp32", "int8"} {
		lowerFile, upperFile := m.Segments[0].File, m.Segments[1].File
		if variant == "int8" {
			lowerFile, upperFile = m.Segments[0].Int8File, m.Segments[1].Int8File
		}
		lower := newSession(t, filepath.Join(dir, lowerFile), m.Segments[0].Inputs, m.Segments[0].Outputs)
		upper := newSession(t, filepath.Join(dir, upperFile), m.Segments[1].Inputs, m.Segments[1].Outputs)
		for ci, c := range pf.Cases {
			got := runCase(t, lower, upper, c, m)
			want := c.FP32
			if variant == "int8" {
				want = c.Int8
			}
			for name, w := range want {
				g, ok := got[name]
				if !ok {
					t.Errorf("%s case %d: no output %s", variant, ci, name)
					continue
				}
				d := maxAbsDiff(g, w.Data)
				t.Logf("%s case %d %s: max abs diff %.2e", variant, ci, name, d)
				if variant == "fp32" && d > pf.Tolerance {
					t.Errorf("fp32 case %d %s: max abs diff %g > %g", ci, name, d, pf.Tolerance)
				}
				if strings.HasPrefix(name, "class_logits") {
					// The int8 reference is a simulation whose logits differ from
					// ONNX Runtime's by up to a few hundredths: a row whose top two
					// logits are that close is a tie either may break.
					tie := 0.0
					if variant == "int8" {
						tie = int8Tie
					}
					a, b, margins := argmaxRows(g, w.Shape), argmaxRows(w.Data, w.Shape), topMargins(w.Data, w.Shape)
					for r := range b {
						if r < len(a) && a[r] != b[r] && margins[r] >= tie {
							t.Errorf("%s case %d %s row %d: class %d, PyTorch %d (margin %.3f)", variant, ci, name, r, a[r], b[r], margins[r])
						}
					}
				}
			}
		}
		lower.Destroy()
		upper.Destroy()
	}
}

func newSession(t *testing.T, path string, in, out []string) *ort.DynamicAdvancedSession {
	t.Helper()
	opts, err := ort.NewSessionOptions()
	if err != nil {
		t.Fatalf("session options: %v", err)
	}
	defer opts.Destroy()
	_ = opts.SetIntraOpNumThreads(1)
	s, err := ort.NewDynamicAdvancedSession(path, in, out, opts)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return s
}

func runCase(t *testing.T, lower, upper *ort.DynamicAdvancedSession, c parityCase, m *manifest) map[string][]float32 {
	t.Helper()
	b, s := int64(len(c.InputIDs)), int64(len(c.InputIDs[0]))
	var ids, mask []int64
	for i := range c.InputIDs {
		ids = append(ids, c.InputIDs[i]...)
		mask = append(mask, c.AttentionMask[i]...)
	}
	idsT, err := ort.NewTensor(ort.NewShape(b, s), ids)
	if err != nil {
		t.Fatalf("tensor: %v", err)
	}
	defer idsT.Destroy()
	maskT, err := ort.NewTensor(ort.NewShape(b, s), mask)
	if err != nil {
		t.Fatalf("tensor: %v", err)
	}
	defer maskT.Destroy()
	lo := make([]ort.Value, len(m.Segments[0].Outputs))
	if err := lower.Run([]ort.Value{idsT, maskT}, lo); err != nil {
		t.Fatalf("run lower: %v", err)
	}
	up := make([]ort.Value, len(m.Segments[1].Outputs))
	if err := upper.Run([]ort.Value{lo[0], maskT}, up); err != nil {
		t.Fatalf("run upper: %v", err)
	}
	res := map[string][]float32{}
	for i, name := range m.Segments[0].Outputs {
		res[name] = append([]float32(nil), lo[i].(*ort.Tensor[float32]).GetData()...)
		lo[i].Destroy()
	}
	for i, name := range m.Segments[1].Outputs {
		res[name] = append([]float32(nil), up[i].(*ort.Tensor[float32]).GetData()...)
		up[i].Destroy()
	}
	return res
}

func maxAbsDiff(a, b []float32) float64 {
	if len(a) != len(b) {
		return math.Inf(1)
	}
	d := 0.0
	for i := range a {
		d = math.Max(d, math.Abs(float64(a[i])-float64(b[i])))
	}
	return d
}

// int8Tie is the top-two logit margin under which int8 class decisions
// may differ from the simulation's.
const int8Tie = 0.1

// topMargins is, per row, the gap between the two largest values.
func topMargins(x []float32, shape []int64) []float64 {
	if len(shape) != 2 {
		return nil
	}
	n := int(shape[1])
	var out []float64
	for r := 0; r+n <= len(x); r += n {
		first, second := math.Inf(-1), math.Inf(-1)
		for _, v := range x[r : r+n] {
			switch f := float64(v); {
			case f > first:
				first, second = f, first
			case f > second:
				second = f
			}
		}
		out = append(out, first-second)
	}
	return out
}

func argmaxRows(x []float32, shape []int64) []int {
	if len(shape) != 2 {
		return nil
	}
	n := int(shape[1])
	var out []int
	for r := 0; r+n <= len(x); r += n {
		best := 0
		for j := 1; j < n; j++ {
			if x[r+j] > x[r+best] {
				best = j
			}
		}
		out = append(out, best)
	}
	return out
}
