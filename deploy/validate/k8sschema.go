package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// quantityPattern is the pattern Kubernetes' OpenAPI publishes for
// resource.Quantity, so "512Mi" passes and "512MB" fails.
const quantityPattern = `^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$`

// specialTypes are apimachinery types with custom JSON forms; reflection on
// their Go fields would describe the wrong shape.
var specialTypes = map[string]map[string]any{
	"k8s.io/apimachinery/pkg/api/resource.Quantity": {"anyOf": []any{
		map[string]any{"type": "string", "pattern": quantityPattern},
		map[string]any{"type": "number"},
	}},
	"k8s.io/apimachinery/pkg/util/intstr.IntOrString": {"anyOf": []any{
		map[string]any{"type": "string"}, map[string]any{"type": "integer"},
	}},
	"k8s.io/apimachinery/pkg/apis/meta/v1.Time":      {"type": []any{"string", "null"}, "format": "date-time"},
	"k8s.io/apimachinery/pkg/apis/meta/v1.MicroTime": {"type": []any{"string", "null"}, "format": "date-time"},
	"k8s.io/apimachinery/pkg/apis/meta/v1.Duration":  {"type": "string"},
	"k8s.io/apimachinery/pkg/apis/meta/v1.FieldsV1":  {},
	"k8s.io/apimachinery/pkg/runtime.RawExtension":   {},
}

// schemaGen turns Go API types into JSON Schema (draft-07) by reflection over
// their json tags: the official k8s.io/api structs are the source of truth.
type schemaGen struct {
	defs map[string]any
}

func defName(t reflect.Type) string {
	return strings.NewReplacer("/", ".", "-", "_").Replace(t.PkgPath()) + "." + t.Name()
}

// ref returns the schema of t, registering named structs under definitions.
func (g *schemaGen) ref(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := specialTypes[t.PkgPath()+"."+t.Name()]; ok {
		return s
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": "string", "contentEncoding": "base64"}
		}
		return map[string]any{"type": []any{"array", "null"}, "items": g.ref(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": []any{"object", "null"}, "additionalProperties": g.ref(t.Elem())}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		name := defName(t)
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = map[string]any{} // placeholder: breaks recursion
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/definitions/" + name}
	}
	return map[string]any{}
}

// object describes a struct: its json-tagged fields, inlined embeds merged,
// and nothing else allowed.
func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	g.fields(t, props)
	return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
}

func (g *schemaGen) fields(t reflect.Type, props map[string]any) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if (f.Anonymous && name == "") || strings.Contains(opts, "inline") {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			g.fields(ft, props)
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = g.ref(f.Type)
	}
}

// kindSchema is the document kubeconform loads for one kind: the object with
// apiVersion and kind pinned and metadata required.
func (g *schemaGen) kindSchema(gvk schema.GroupVersionKind, t reflect.Type) map[string]any {
	g.defs = map[string]any{}
	obj := g.object(t)
	props := obj["properties"].(map[string]any)
	props["apiVersion"] = map[string]any{"type": "string", "enum": []any{gvk.GroupVersion().String()}}
	props["kind"] = map[string]any{"type": "string", "enum": []any{gvk.Kind}}
	obj["required"] = []any{"apiVersion", "kind", "metadata"}
	obj["$schema"] = "http://json-schema.org/draft-07/schema#"
	obj["definitions"] = g.defs
	return obj
}

// schemaFileName follows kubeconform's {{ .ResourceKind }}{{ .KindSuffix }}
// naming: kind lower-cased, first label of the group, version.
func schemaFileName(gvk schema.GroupVersionKind) string {
	suffix := ""
	if gvk.Group != "" {
		suffix = "-" + strings.ToLower(strings.Split(gvk.Group, ".")[0])
	}
	return strings.ToLower(gvk.Kind) + suffix + "-" + strings.ToLower(gvk.Version) + ".json"
}

// notManifestKinds are API messages registered beside the resources that
// never appear in a manifest.
var notManifestKinds = map[string]bool{
	"WatchEvent": true, "Status": true, "APIGroup": true, "APIVersions": true, "APIResourceList": true,
	"APIGroupList": true, "SerializedReference": true, "RangeAllocation": true, "Binding": true, "Eviction": true,
}

// writeSchemas writes one schema per kind of the groups docmill deploys into
// dir and returns how many it wrote.
func writeSchemas(dir string) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("mkdir %s: %w", dir, err)
	}
	scheme := newScheme()
	var gvks []schema.GroupVersionKind
	for gvk := range scheme.AllKnownTypes() {
		if strings.HasSuffix(gvk.Kind, "List") || strings.HasSuffix(gvk.Kind, "Options") || notManifestKinds[gvk.Kind] || gvk.Version == runtime.APIVersionInternal {
			continue
		}
		gvks = append(gvks, gvk)
	}
	sort.Slice(gvks, func(i, j int) bool { return gvks[i].String() < gvks[j].String() })
	g := &schemaGen{}
	n := 0
	for _, gvk := range gvks {
		t := scheme.AllKnownTypes()[gvk]
		dt, err := json.MarshalIndent(g.kindSchema(gvk, t), "", " ")
		if err != nil {
			return n, fmt.Errorf("marshal %s: %w", gvk, err)
		}
		if err := os.WriteFile(filepath.Join(dir, schemaFileName(gvk)), dt, 0o644); err != nil {
			return n, fmt.Errorf("write %s: %w", gvk, err)
		}
		n++
	}
	return n, nil
}
