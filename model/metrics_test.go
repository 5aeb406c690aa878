package model

import (
	"context"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/prometheus/client_golang/prometheus"
)

func TestRegisterMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	if err := RegisterMetrics(reg); err != nil {
		t.Fatal(err)
	}
	if err := RegisterMetrics(reg); err != nil {
		t.Fatalf("second registration: %v", err)
	}
	m := loadTiny(t, Options{Threads: 1})
	if _, err := NewAnalyzer(m, AnalyzerOptions{}).Analyze(context.Background(), contractDoc(), enrich.Request{Depth: document.DepthFull}); err != nil {
		t.Fatal(err)
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range families {
		for _, mt := range f.GetMetric() {
			if h := mt.GetHistogram(); h != nil && h.GetSampleCount() > 0 {
				seen[f.GetName()] = true
			}
			if c := mt.GetCounter(); c != nil && c.GetValue() > 0 {
				seen[f.GetName()] = true
			}
			if g := mt.GetGauge(); g != nil && g.GetValue() > 0 {
				seen[f.GetName()] = true
			}
		}
	}
	for _, name := range []string{"docmill_model_segment_seconds", "docmill_model_batch_size", "docmill_model_exits_total",
		"docmill_model_tokens_total", "docmill_model_tokens_per_second"} {
		if !seen[name] {
			t.Errorf("metric %s not observed", name)
		}
	}
}
