package schema

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Every role the entity extractors give (the Role constants of
// enrich/entities) is one the schema's enum admits: liability_cap,
// contract_value, go_live and the Chinese bench's roles had been added to
// the extractors and not to the schema, so a result holding one failed
// validation against the schema docmill publishes.
func TestSchemaAdmitsEveryEntityRole(t *testing.T) {
	var raw map[string]any
	if err := json.Unmarshal(Result, &raw); err != nil {
		t.Fatal(err)
	}
	role := raw["$defs"].(map[string]any)["entity"].(map[string]any)["properties"].(map[string]any)["role"].(map[string]any)
	var enum []string
	for _, v := range role["enum"].([]any) {
		enum = append(enum, v.(string))
	}
	for name, value := range entityRoles(t) {
		if !slices.Contains(enum, value) {
			t.Errorf("entities.%s = %q is not in result.schema.json's role enum", name, value)
		}
	}
}

// entityRoles reads the Role constants of enrich/entities from its source.
func entityRoles(t *testing.T) map[string]string {
	t.Helper()
	pkgs, err := parser.ParseDir(token.NewFileSet(), "../enrich/entities", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range pkgs {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				vs, ok := n.(*ast.ValueSpec)
				if !ok {
					return true
				}
				for i, id := range vs.Names {
					if !strings.HasPrefix(id.Name, "Role") || i >= len(vs.Values) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						out[id.Name], _ = strconv.Unquote(lit.Value)
					}
				}
				return true
			})
		}
	}
	if len(out) < 20 {
		t.Fatalf("found %d Role constants in enrich/entities, want the package's (20 or more)", len(out))
	}
	return out
}
