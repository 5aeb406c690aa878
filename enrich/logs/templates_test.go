package logs

import (
	"maps"
	"testing"

	"github.com/docmill/docmill/document"
)

// wantTemplates fails t unless a summary's templates are exactly want:
// each template's text and how many lines it took.
func wantTemplates(t *testing.T, tps []document.TemplateCount, want map[string]int) {
	t.Helper()
	got := map[string]int{}
	for _, tp := range tps {
		got[tp.Template] = tp.Count
	}
	if !maps.Equal(got, want) {
		t.Fatalf("templates %v, want %v", got, want)
	}
}

// wantMined is wantTemplates for the templates a miner holds.
func wantMined(t *testing.T, tps []Template, want map[string]int) {
	t.Helper()
	counts := make([]document.TemplateCount, len(tps))
	for i, tp := range tps {
		counts[i] = document.TemplateCount{Template: tp.Template, Count: tp.Count}
	}
	wantTemplates(t, counts, want)
}
