package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docmill/docmill/model/tokenizer"
	ort "github.com/yalue/onnxruntime_go"
)

// Manifest is a bundle's manifest.json (see model/BUNDLE.md).
type Manifest struct {
	Name       string         `json:"name"`
	Version    string         `json:"version"`
	Kind       string         `json:"kind"`
	Tokenizer  string         `json:"tokenizer"`
	MaxLength  int            `json:"max_length"`
	HiddenSize int            `json:"hidden_size"`
	Layers     int            `json:"layers"`
	Segments   []SegmentSpec  `json:"segments"`
	Exits      []ExitSpec     `json:"exits"`
	Labels     Labels         `json:"labels"`
	Metrics    map[string]any `json:"metrics,omitempty"`
	// Parity names a file of reference outputs for tests (optional).
	Parity string `json:"parity,omitempty"`
	// Parameters is the exported parameter count (optional).
	Parameters int64 `json:"parameters,omitempty"`
}

// SegmentSpec is one ONNX graph of a bundle.
type SegmentSpec struct {
	Name     string   `json:"name"`
	File     string   `json:"file"`
	Int8File string   `json:"int8_file,omitempty"`
	Inputs   []string `json:"inputs"`
	Outputs  []string `json:"outputs"`
}

// ExitSpec is a point where the model can stop: which segment's outputs
// hold its heads, after which layer, and which tasks it serves.
type ExitSpec struct {
	Name    string            `json:"name"`
	Layer   int               `json:"layer"`
	Segment string            `json:"segment"`
	Heads   map[string]string `json:"heads"`
	Tasks   []string          `json:"tasks"`
}

// Labels are the label lists of the document heads.
type Labels struct {
	Class   []string `json:"class"`
	Subtype []string `json:"subtype"`
}

// Head names used in ExitSpec.Heads.
const (
	HeadClass    = "class"
	HeadSubtype  = "subtype"
	HeadKeyword  = "keyword"
	HeadSalience = "salience"
)

// Bundle is a loaded and checked model bundle directory.
type Bundle struct {
	Dir       string
	Manifest  Manifest
	Tokenizer *tokenizer.Tokenizer
	// Optimum is true for a plain Hugging Face Optimum export loaded as a
	// single full-depth segment.
	Optimum bool
	// ExtraInputs lists graph inputs the runtime fills itself (zeros), such
	// as token_type_ids of a BERT export, per segment name.
	ExtraInputs map[string][]string
}

// ErrNoBundle is returned when a directory holds neither a manifest nor an
// Optimum export.
var ErrNoBundle = errors.New("not a model bundle: no manifest.json, and no model.onnx + tokenizer.json")

// LoadBundle reads and checks a bundle directory: manifest.json, or an
// Optimum export (model.onnx + tokenizer.json + config.json). Every
// declared segment input and output is checked against the real graph. The
// ONNX Runtime must be initialised (InitRuntime).
func LoadBundle(dir string) (*Bundle, error) {
	if !ortReady() {
		return nil, fmt.Errorf("load bundle %s: ONNX Runtime not initialised (call InitRuntime)", dir)
	}
	b := &Bundle{Dir: dir, ExtraInputs: map[string][]string{}}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	switch {
	case err == nil:
		if err := json.Unmarshal(data, &b.Manifest); err != nil {
			return nil, fmt.Errorf("bundle %s: manifest.json: %w", dir, err)
		}
	case errors.Is(err, os.ErrNotExist):
		if err := b.fromOptimum(); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("bundle %s: %w", dir, err)
	}
	if err := b.check(); err != nil {
		return nil, fmt.Errorf("bundle %s: %w", dir, err)
	}
	tokFile := b.Manifest.Tokenizer
	if tokFile == "" {
		tokFile = "tokenizer.json"
	}
	if b.Tokenizer, err = tokenizer.Load(filepath.Join(dir, tokFile)); err != nil {
		return nil, fmt.Errorf("bundle %s: %w", dir, err)
	}
	return b, nil
}

func ortReady() bool { return ort.IsInitialized() }

// CheckFiles checks, without the ONNX Runtime, that dir holds what a
// bundle needs: a manifest.json that parses and declares segments, each
// segment's graph file and the tokenizer; or an Optimum export's
// model.onnx and tokenizer.json. A folder that is plainly no bundle is
// told apart so where the runtime is not installed (LoadBundle also checks
// the graphs' inputs and outputs).
func CheckFiles(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("bundle %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("bundle %s: a file, not a folder: %w", dir, ErrNoBundle)
	}
	tokFile := "tokenizer.json"
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	switch {
	case err == nil:
		var m Manifest
		if err := json.Unmarshal(data, &m); err != nil {
			return fmt.Errorf("bundle %s: manifest.json: %w", dir, err)
		}
		if len(m.Segments) == 0 {
			return fmt.Errorf("bundle %s: manifest declares no segments", dir)
		}
		for i, s := range m.Segments {
			if s.Name == "" || s.File == "" {
				return fmt.Errorf("bundle %s: segment %d: name and file are required", dir, i)
			}
			if _, err := os.Stat(filepath.Join(dir, s.File)); err != nil {
				return fmt.Errorf("bundle %s: segment %q: %w", dir, s.Name, err)
			}
		}
		if m.Tokenizer != "" {
			tokFile = m.Tokenizer
		}
	case errors.Is(err, os.ErrNotExist):
		if _, err := os.Stat(filepath.Join(dir, "model.onnx")); err != nil {
			return fmt.Errorf("bundle %s: %w", dir, ErrNoBundle)
		}
	default:
		return fmt.Errorf("bundle %s: %w", dir, err)
	}
	if _, err := os.Stat(filepath.Join(dir, tokFile)); err != nil {
		return fmt.Errorf("bundle %s: tokenizer: %w", dir, err)
	}
	return nil
}

// CheckInt8 checks the int8 variants the bundle declares
// (SegmentSpec.Int8File) as a worker with model.int8 loads them, and
// reports whether every segment has one. Such a worker refuses a bundle
// whose declared variant is missing or does not match its segment, while
// LoadBundle, which reads the fp32 graphs, accepts it; a segment without
// a variant runs fp32 there.
func (b *Bundle) CheckInt8() (all bool, err error) {
	all = true
	for _, s := range b.Manifest.Segments {
		if s.Int8File == "" {
			all = false
			continue
		}
		if _, err := checkGraph(filepath.Join(b.Dir, s.Int8File), s); err != nil {
			return false, fmt.Errorf("bundle %s: int8 variant: %w", b.Dir, err)
		}
	}
	return all, nil
}

// CheckInt8Files is CheckInt8 without the ONNX Runtime: the declared int8
// variants' files must be there.
func CheckInt8Files(dir string) (all bool, err error) {
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if errors.Is(err, os.ErrNotExist) {
		return false, nil // an Optimum export: no int8 variants
	}
	var m Manifest
	if err == nil {
		err = json.Unmarshal(data, &m)
	}
	if err != nil {
		return false, fmt.Errorf("bundle %s: manifest.json: %w", dir, err)
	}
	all = len(m.Segments) > 0
	for _, s := range m.Segments {
		if s.Int8File == "" {
			all = false
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, s.Int8File)); err != nil {
			return false, fmt.Errorf("bundle %s: int8 variant: segment %q: %w", dir, s.Name, err)
		}
	}
	return all, nil
}

// check validates the manifest's structure and every segment graph.
func (b *Bundle) check() error {
	m := &b.Manifest
	if len(m.Segments) == 0 {
		return fmt.Errorf("manifest declares no segments")
	}
	if m.MaxLength <= 0 {
		return fmt.Errorf("manifest max_length must be > 0")
	}
	available := map[string]bool{"input_ids": true, "attention_mask": true}
	for i, s := range m.Segments {
		if s.Name == "" || s.File == "" {
			return fmt.Errorf("segment %d: name and file are required", i)
		}
		for _, in := range s.Inputs {
			if !available[in] {
				return fmt.Errorf("segment %q input %q is neither input_ids/attention_mask nor an output of an earlier segment", s.Name, in)
			}
		}
		extra, err := checkGraph(filepath.Join(b.Dir, s.File), s)
		if err != nil {
			return err
		}
		b.ExtraInputs[s.Name] = extra
		for _, o := range s.Outputs {
			available[o] = true
		}
	}
	return b.checkExits()
}

func (b *Bundle) checkExits() error {
	m := &b.Manifest
	if len(m.Exits) == 0 {
		return fmt.Errorf("manifest declares no exits")
	}
	for _, e := range m.Exits {
		seg := b.Segment(e.Segment)
		if seg == nil {
			return fmt.Errorf("exit %q: unknown segment %q", e.Name, e.Segment)
		}
		if m.Layers > 0 && (e.Layer < 1 || e.Layer > m.Layers) {
			return fmt.Errorf("exit %q: layer %d outside 1..%d", e.Name, e.Layer, m.Layers)
		}
		for head, tensor := range e.Heads {
			if !slices.Contains(knownHeads, head) {
				// a misspelt head would be dropped silently: the exit
				// would serve without it, or a shallower head instead
				return fmt.Errorf("exit %q: unknown head %q (heads are %s)", e.Name, head, strings.Join(knownHeads, ", "))
			}
			if !slices.Contains(seg.Outputs, tensor) {
				return fmt.Errorf("exit %q head %q: tensor %q is not an output of segment %q (outputs %v)",
					e.Name, head, tensor, seg.Name, seg.Outputs)
			}
		}
		if n := len(m.Labels.Class); e.Heads[HeadClass] != "" && n == 0 {
			return fmt.Errorf("exit %q has a class head but labels.class is empty", e.Name)
		}
	}
	return nil
}

// knownHeads are the head names an exit may declare.
var knownHeads = []string{HeadClass, HeadSubtype, HeadKeyword, HeadSalience}

// Segment returns the segment spec with that name, or nil.
func (b *Bundle) Segment(name string) *SegmentSpec {
	for i := range b.Manifest.Segments {
		if b.Manifest.Segments[i].Name == name {
			return &b.Manifest.Segments[i]
		}
	}
	return nil
}

// autoFilled are graph inputs the runtime can fill when a manifest does not
// declare them.
var autoFilled = map[string]bool{"token_type_ids": true}

// checkGraph compares a segment spec with the graph's real inputs and
// outputs and returns the undeclared inputs the runtime fills itself.
func checkGraph(path string, s SegmentSpec) ([]string, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("segment %q: %w", s.Name, err)
	}
	ins, outs, err := ort.GetInputOutputInfo(path)
	if err != nil {
		return nil, fmt.Errorf("segment %q: read graph %s: %w", s.Name, path, err)
	}
	file := filepath.Base(path)
	byName := func(list []ort.InputOutputInfo, name string) *ort.InputOutputInfo {
		for i := range list {
			if list[i].Name == name {
				return &list[i]
			}
		}
		return nil
	}
	for _, name := range s.Inputs {
		info := byName(ins, name)
		if info == nil {
			return nil, fmt.Errorf("%s: declared input %q not in graph (graph inputs: %s)", file, name, names(ins))
		}
		if err := checkType(file, "input", info); err != nil {
			return nil, err
		}
	}
	var extra []string
	for _, in := range ins {
		if slices.Contains(s.Inputs, in.Name) {
			continue
		}
		if !autoFilled[in.Name] {
			return nil, fmt.Errorf("%s: graph input %q is not declared in the manifest (declared: %v)", file, in.Name, s.Inputs)
		}
		extra = append(extra, in.Name)
	}
	for _, name := range s.Outputs {
		info := byName(outs, name)
		if info == nil {
			return nil, fmt.Errorf("%s: declared output %q not in graph (graph outputs: %s)", file, name, names(outs))
		}
		if err := checkType(file, "output", info); err != nil {
			return nil, err
		}
	}
	return extra, nil
}

// checkType enforces the tensor types of BUNDLE.md.
func checkType(file, kind string, info *ort.InputOutputInfo) error {
	if info.OrtValueType != ort.ONNXTypeTensor {
		return fmt.Errorf("%s: %s %q is a %s, expected a tensor", file, kind, info.Name, info.OrtValueType)
	}
	want := ort.TensorElementDataType(ort.TensorElementDataTypeFloat)
	switch info.Name {
	case "input_ids", "attention_mask", "token_type_ids", "position_ids":
		want = ort.TensorElementDataType(ort.TensorElementDataTypeInt64)
	}
	if info.DataType != want {
		return fmt.Errorf("%s: %s %q has element type %s, expected %s", file, kind, info.Name, info.DataType, want)
	}
	return nil
}

func names(list []ort.InputOutputInfo) string {
	var s []string
	for _, x := range list {
		s = append(s, fmt.Sprintf("%s %s%v", x.Name, x.DataType, x.Dimensions))
	}
	return strings.Join(s, ", ")
}

// optimumConfig is the part of a Hugging Face config.json the runtime reads.
type optimumConfig struct {
	ID2Label         map[string]string `json:"id2label"`
	NumHiddenLayers  int               `json:"num_hidden_layers"`
	HiddenSize       int               `json:"hidden_size"`
	MaxPositionEmbed int               `json:"max_position_embeddings"`
	ModelType        string            `json:"model_type"`
}

// fromOptimum builds a one-segment manifest for an Optimum export: the
// graph's own outputs, with "logits" as the class head when present.
func (b *Bundle) fromOptimum() error {
	onnxPath := filepath.Join(b.Dir, "model.onnx")
	if _, err := os.Stat(onnxPath); err != nil {
		return fmt.Errorf("bundle %s: %w", b.Dir, ErrNoBundle)
	}
	var cfg optimumConfig
	if data, err := os.ReadFile(filepath.Join(b.Dir, "config.json")); err == nil {
		if err := json.Unmarshal(data, &cfg); err != nil {
			return fmt.Errorf("bundle %s: config.json: %w", b.Dir, err)
		}
	}
	ins, outs, err := ort.GetInputOutputInfo(onnxPath)
	if err != nil {
		return fmt.Errorf("bundle %s: read graph model.onnx: %w", b.Dir, err)
	}
	seg := SegmentSpec{Name: "model", File: "model.onnx"}
	for _, in := range ins {
		if in.Name == "input_ids" || in.Name == "attention_mask" {
			seg.Inputs = append(seg.Inputs, in.Name)
		}
	}
	for _, o := range outs {
		seg.Outputs = append(seg.Outputs, o.Name)
	}
	exit := ExitSpec{Name: "full", Layer: max(cfg.NumHiddenLayers, 1), Segment: "model", Heads: map[string]string{}}
	b.Manifest = Manifest{Name: filepath.Base(b.Dir), Version: cfg.ModelType, Kind: "optimum", Tokenizer: "tokenizer.json",
		MaxLength: cfg.MaxPositionEmbed, HiddenSize: cfg.HiddenSize, Layers: max(cfg.NumHiddenLayers, 1),
		Segments: []SegmentSpec{seg}}
	if b.Manifest.MaxLength <= 0 {
		b.Manifest.MaxLength = 512
	}
	if slices.Contains(seg.Outputs, "logits") && len(cfg.ID2Label) > 0 {
		exit.Heads[HeadClass] = "logits"
		exit.Tasks = []string{"classify"}
		b.Manifest.Labels.Class = make([]string, len(cfg.ID2Label))
		for i := range b.Manifest.Labels.Class {
			b.Manifest.Labels.Class[i] = cfg.ID2Label[fmt.Sprint(i)]
		}
	}
	b.Manifest.Exits = []ExitSpec{exit}
	b.Optimum = true
	return nil
}
