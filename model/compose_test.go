package model

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
)

// docmill serve composes docmill-mini with the model-free tier: the class
// comes from the model, the sub-type within it from the free tier's
// per-class heads (they measure better). On this service agreement the
// model's own sub-type head says "Sponsorship".
func TestComposedTierTakesSubtypeFromFreeHeads(t *testing.T) {
	needORT(t)
	m, err := Load(Options{Dir: miniDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	text, err := os.ReadFile(filepath.Join("..", "samples", "contracts", "cuad-143-service.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := &document.Parsed{ID: "svc", ContentType: "text/plain", Language: "en", Title: "SERVICE AGREEMENT", Text: string(text)}
	req := enrich.Request{Tasks: []string{enrich.TaskClassify}}
	bare, err := NewAnalyzer(m, AnalyzerOptions{}).Analyze(context.Background(), doc, req)
	if err != nil {
		t.Fatal(err)
	}
	free := enrich.NewFree(enrich.FreeOptions{})
	an, err := enrich.WithFallback(NewAnalyzer(m, AnalyzerOptions{}), free).Analyze(context.Background(), doc, req)
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := free.NameSubtype(doc, an.Class)
	t.Logf("class %s: model sub-type %q, composed %q", an.Class, bare.Subtype, an.Subtype)
	if an.Class != bare.Class || an.Class != "contract" {
		t.Fatalf("class %q (model alone %q), want contract from the model", an.Class, bare.Class)
	}
	if an.Subtype != want || !strings.HasPrefix(an.Subtype, "contract/") || an.SubtypeConfidence <= 0 {
		t.Fatalf("composed sub-type %q (%.2f), want the free heads' %q", an.Subtype, an.SubtypeConfidence, want)
	}
	if an.Subtype != "contract/Service" {
		t.Errorf("sub-type %q, want contract/Service for a service agreement", an.Subtype)
	}
}
