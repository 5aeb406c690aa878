package monitor

import (
	"math"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/docmill/docmill/document"
)

func res(id, class, summary string, ms float64, model string, kws ...string) *document.Result {
	r := &document.Result{ID: id, Trace: []document.StageTrace{{Stage: "analyze", Ms: ms}}}
	r.Class, r.Summary = class, summary
	r.Model = document.ModelInfo{Name: model, Version: "1"}
	for _, k := range kws {
		r.Keywords = append(r.Keywords, document.Keyword{Text: k})
	}
	return r
}

func TestShadowAgreement(t *testing.T) {
	reg := prometheus.NewRegistry()
	s := NewShadow(0, reg)
	s.ObservePrimary(res("a", "contract", "the supplier shall deliver", 10, "main", "supply", "delivery"))
	s.ObserveShadow(res("a", "contract", "the supplier shall pay", 20, "cand", "supply", "payment"))
	s.ObserveShadow(res("b", "log", "errors in db", 30, "cand"))
	s.ObservePrimary(res("b", "other", "errors in db", 10, "main"))
	s.ObservePrimary(res("c", "other", "unpaired", 10, "main"))
	rep := s.Report()
	if len(rep) != 1 || rep[0].Pairs != 2 {
		t.Fatalf("report %+v", rep)
	}
	a := rep[0]
	// class: 1 of 2; keywords: (1/3 + 1)/2; summary: (3/5 + 1)/2; latency: (2 + 3)/2.
	want := map[string][2]float64{"class": {a.Class, 0.5}, "keywords": {a.Keywords, (1.0/3 + 1) / 2},
		"summary": {a.Summary, (3.0/5 + 1) / 2}, "latency": {a.LatencyRatio, 2.5}}
	for k, v := range want {
		if math.Abs(v[0]-v[1]) > 1e-9 {
			t.Errorf("%s = %v, want %v", k, v[0], v[1])
		}
	}
	if got := testutil.ToFloat64(s.agree.WithLabelValues("cand@1", "class")); got != 0.5 {
		t.Errorf("metric class agreement = %v", got)
	}
}

// A document processed twice (sent again later, or reprocessed by a
// backfill under another primary) is two pairs, each shadow result with
// the primary result of its own ingest message.
func TestShadowPairsByIngestMessage(t *testing.T) {
	s := NewShadow(0, nil)
	t0 := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	at := func(r *document.Result, d time.Duration) *document.Result { r.IngestedAt = t0.Add(d); return r }
	// replay order: all primary results first, then all shadow results
	s.ObservePrimary(at(res("a", "contract", "x", 10, "main-v1"), 0))
	s.ObservePrimary(at(res("a", "regulation", "x", 10, "main-v2"), time.Hour))
	s.ObserveShadow(at(res("a", "contract", "x", 20, "cand"), 0))
	s.ObserveShadow(at(res("a", "regulation", "x", 20, "cand"), time.Hour))
	rep := s.Report()
	if len(rep) != 1 || rep[0].Pairs != 2 || rep[0].Class != 1 || rep[0].Primary != "main-v1@1,main-v2@1" {
		t.Fatalf("report %+v, want 2 pairs in full class agreement against both primaries", rep)
	}
}
