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
	// The collectors are package-level and every test that analyses feeds
	// them: count only what this Analyze adds. The throughput gauge holds
	// the latest batch, so it is cleared first.
	tokensPerSecond.Reset()
	before := observed(t, reg)
	if _, err := NewAnalyzer(m, AnalyzerOptions{}).Analyze(context.Background(), contractDoc(), enrich.Request{Depth: document.DepthFull}); err != nil {
		t.Fatal(err)
	}
	after := observed(t, reg)
	for _, name := range []string{"docmill_model_segment_seconds", "docmill_model_batch_size", "docmill_model_exits_total",
		"docmill_model_tokens_total", "docmill_model_tokens_per_second"} {
		if after[name] <= before[name] {
			t.Errorf("metric %s not observed (%v before the analysis, %v after)", name, before[name], after[name])
		}
	}
}

// observed sums each metric family on reg: histogram sample counts,
// counter and gauge values.
func observed(t *testing.T, reg prometheus.Gatherer) map[string]float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	sum := map[string]float64{}
	for _, f := range families {
		for _, mt := range f.GetMetric() {
			if h := mt.GetHistogram(); h != nil {
				sum[f.GetName()] += float64(h.GetSampleCount())
			}
			if c := mt.GetCounter(); c != nil {
				sum[f.GetName()] += c.GetValue()
			}
			if g := mt.GetGauge(); g != nil {
				sum[f.GetName()] += g.GetValue()
			}
		}
	}
	return sum
}
