package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/docmill/docmill/document"
)

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Result))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(ResultID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(ResultID)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return s
}

// contractResult is a result as the model tier would publish it for a
// licence agreement.
func contractResult() document.Result {
	raw := []byte("This Software License Agreement is entered into by Acme Corp and Beta Ltd...")
	ingested := time.Date(2026, 11, 28, 17, 0, 0, 123456789, time.UTC)
	return document.Result{
		ID: document.ID(raw), Filename: "acme-license.pdf", Title: "Software License Agreement",
		Source: "docmill-inbox", ContentType: document.TypePDF, Language: "en", Pages: 3, Size: 48213,
		Meta: map[string]string{"uploaded-by": "legal"},
		Analysis: document.Analysis{
			Class: "contract", Confidence: 0.97, Subtype: "contract/License", SubtypeConfidence: 0.81,
			Keywords: []document.Keyword{{Text: "software license", Score: 0.92}, {Text: "governing law", Score: 0.55}},
			Summary:  "Acme grants Beta a non-exclusive licence to the software for three years.",
			Entities: []document.Entity{
				{Kind: "party", Text: "Acme Corp"}, {Kind: "party", Text: "Beta Ltd"},
				{Kind: "effective_date", Text: "1 March 2026", Value: "2026-03-01"},
				{Kind: "money", Text: "USD 12,000", Value: "12000 USD"},
				{Kind: "duration", Text: "three months", Value: "P3M", Role: "notice"},
			},
			Tasks: map[string]document.TaskTrace{
				"classify": {Depth: document.DepthShallow, ExitLayer: 2, Confidence: 0.97, Ms: 4.1},
				"keywords": {Depth: document.DepthFull, ExitLayer: 6, Confidence: 0.7, Ms: 9.8},
				"summary":  {Depth: document.DepthFull, ExitLayer: 6, Ms: 9.8},
				"entities": {Depth: document.DepthNone, Ms: 1.2},
			},
			Model: document.ModelInfo{Name: "docmill-mini", Version: "0.1.0", Tier: "model"},
		},
		Depth:       document.DepthFull,
		Trace:       []document.StageTrace{{Stage: "parse", Ms: 35.2}, {Stage: "analyse", Ms: 15.1}},
		IngestedAt:  ingested,
		ProcessedAt: ingested.Add(52 * time.Millisecond),
	}
}

// logResult is a result of the model-free tier for a log file.
func logResult() document.Result {
	raw := []byte("2026-11-28 10:00:01 ERROR db timeout\n")
	return document.Result{
		ID: document.ID(raw), Filename: "app.log", Source: "folder", ContentType: document.TypeLog,
		Language: "und", Size: len(raw),
		Analysis: document.Analysis{
			Class: "log", Confidence: 1, Keywords: []document.Keyword{},
			Log: &document.LogSummary{
				Lines: 1, Levels: map[string]int{"ERROR": 1}, ErrorShare: 1,
				Start: "2026-11-28 10:00:01", End: "2026-11-28 10:00:01",
				Templates:    []document.TemplateCount{{ID: "t1", Template: "<*> <*> ERROR db timeout", Count: 1, New: true}},
				NewTemplates: 1, Errors: []string{"2026-11-28 10:00:01 ERROR db timeout"},
				Users:              []document.NameCount{{Name: "root", Count: 3}},
				FailedLoginSources: []document.NameCount{{Name: "203.0.113.4", Count: 3}},
				FailedUnits:        []document.NameCount{{Name: "nginx.service", Count: 1}},
				Access: &document.AccessSummary{Requests: 3, Statuses: map[string]int{"2xx": 1, "4xx": 2},
					FailingPaths: []document.NameCount{{Name: "GET /.env 404", Count: 2}}, FailingClients: []document.NameCount{{Name: "203.0.113.9", Count: 2}}},
			},
			Tasks: map[string]document.TaskTrace{"logs": {Depth: document.DepthNone, Ms: 0.4}},
			Model: document.ModelInfo{Name: "docmill-free", Version: "1", Tier: "free"},
		},
		Depth: document.DepthNone, Trace: []document.StageTrace{{Stage: "parse", Ms: 0.3}},
		IngestedAt: time.Now().UTC(), ProcessedAt: time.Now().UTC(),
	}
}

// toInstance encodes v as the pipeline does and decodes it for the validator.
func toInstance(t *testing.T, v any) any {
	t.Helper()
	dt, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(dt))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func TestRealisticResultsValidate(t *testing.T) {
	s := compile(t)
	empty := logResult()
	empty.Keywords, empty.Tasks, empty.Trace, empty.Log = nil, nil, nil, nil // nil slices encode as null
	for name, r := range map[string]document.Result{"contract": contractResult(), "log": logResult(), "nil lists": empty} {
		if err := s.Validate(toInstance(t, r)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestInvalidResultsFail(t *testing.T) {
	s := compile(t)
	cases := map[string]func(m map[string]any){
		"unknown class":       func(m map[string]any) { m["class"] = "invoice" },
		"missing id":          func(m map[string]any) { delete(m, "id") },
		"id not sha256":       func(m map[string]any) { m["id"] = "doc-1" },
		"confidence above 1":  func(m map[string]any) { m["confidence"] = 1.5 },
		"unknown field":       func(m map[string]any) { m["colour"] = "blue" },
		"request-only depth":  func(m map[string]any) { m["depth"] = "auto" },
		"keyword no score":    func(m map[string]any) { m["keywords"] = []any{map[string]any{"text": "x"}} },
		"bad timestamp":       func(m map[string]any) { m["processed_at"] = "yesterday" },
		"bad language":        func(m map[string]any) { m["language"] = "english" },
		"size as string":      func(m map[string]any) { m["size"] = "48213" },
		"bad tier":            func(m map[string]any) { m["model"].(map[string]any)["tier"] = "gpu" },
		"task without depth":  func(m map[string]any) { m["tasks"] = map[string]any{"classify": map[string]any{"ms": 1.0}} },
		"negative stage time": func(m map[string]any) { m["trace"] = []any{map[string]any{"stage": "parse", "ms": -1.0}} },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			m := toInstance(t, contractResult()).(map[string]any)
			mutate(m)
			if err := s.Validate(m); err == nil {
				t.Fatal("invalid result accepted")
			}
		})
	}
}

// jsonFields lists the JSON names of a struct's fields, embedded structs
// flattened, and which of them are always present (no omitempty or omitzero).
func jsonFields(t reflect.Type) (all, required []string) {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Tag.Get("json") == "" {
			a, r := jsonFields(f.Type)
			all, required = append(all, a...), append(required, r...)
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		all = append(all, name)
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			required = append(required, name)
		}
	}
	sort.Strings(all)
	sort.Strings(required)
	return all, required
}

// TestSchemaMatchesGoTypes fails when a field is added to, renamed in or
// removed from the document types without updating result.schema.json.
func TestSchemaMatchesGoTypes(t *testing.T) {
	var raw map[string]any
	if err := json.Unmarshal(Result, &raw); err != nil {
		t.Fatal(err)
	}
	defs := raw["$defs"].(map[string]any)
	trace := raw["properties"].(map[string]any)["trace"].(map[string]any)["items"].(map[string]any)
	templates := defs["logSummary"].(map[string]any)["properties"].(map[string]any)["templates"].(map[string]any)["items"].(map[string]any)
	for typ, obj := range map[reflect.Type]map[string]any{
		reflect.TypeFor[document.Result]():        raw,
		reflect.TypeFor[document.Keyword]():       defs["keyword"].(map[string]any),
		reflect.TypeFor[document.Entity]():        defs["entity"].(map[string]any),
		reflect.TypeFor[document.LogSummary]():    defs["logSummary"].(map[string]any),
		reflect.TypeFor[document.TemplateCount](): templates,
		reflect.TypeFor[document.AccessSummary](): defs["logSummary"].(map[string]any)["properties"].(map[string]any)["access"].(map[string]any),
		reflect.TypeFor[document.TaskTrace]():     defs["taskTrace"].(map[string]any),
		reflect.TypeFor[document.ModelInfo]():     defs["modelInfo"].(map[string]any),
		reflect.TypeFor[document.StageTrace]():    trace,
	} {
		all, required := jsonFields(typ)
		var props, req []string
		for k := range obj["properties"].(map[string]any) {
			props = append(props, k)
		}
		for _, k := range obj["required"].([]any) {
			req = append(req, k.(string))
		}
		sort.Strings(props)
		sort.Strings(req)
		if !slices.Equal(all, props) {
			t.Errorf("%s: Go fields %v, schema properties %v", typ, all, props)
		}
		if !slices.Equal(required, req) {
			t.Errorf("%s: Go fields without omitempty or omitzero %v, schema required %v", typ, required, req)
		}
		if obj["additionalProperties"] != false {
			t.Errorf("%s: schema allows unknown fields", typ)
		}
	}
}
