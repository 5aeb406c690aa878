package monitor

import (
	"math"
	"math/rand"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/docmill/docmill/document"
)

func TestPSIKnownValue(t *testing.T) {
	// (0.4-0.5)ln(0.4/0.5) + (0.6-0.5)ln(0.6/0.5) = 0.0223 + 0.0182 = 0.0405
	got := PSI([]float64{0.5, 0.5}, []float64{0.4, 0.6})
	if math.Abs(got-0.04055) > 1e-4 {
		t.Fatalf("PSI = %v", got)
	}
	if PSI([]float64{0.25, 0.75}, []float64{0.25, 0.75}) != 0 {
		t.Fatal("identical distributions must have PSI 0")
	}
}

func mix(rng *rand.Rand, weights map[string]float64) *document.Result {
	x := rng.Float64()
	for _, c := range []string{"contract", "regulation", "log", "other"} {
		if x -= weights[c]; x <= 0 {
			r := &document.Result{}
			r.Class, r.Confidence = c, 0.7+0.3*rng.Float64()
			return r
		}
	}
	r := &document.Result{}
	r.Class, r.Confidence = "other", 0.9
	return r
}

func TestDriftCrossesThresholdOnShiftedMix(t *testing.T) {
	reg := prometheus.NewRegistry()
	d := NewDrift(DriftOptions{Window: 400}, reg)
	rng := rand.New(rand.NewSource(1))
	base := map[string]float64{"contract": 0.5, "regulation": 0.3, "log": 0.1, "other": 0.1}
	for i := 0; i < 800; i++ { // baseline, then the same mix
		d.Observe(mix(rng, base))
	}
	stable, _, ok := d.Values()
	if !ok || stable > PSIWarn {
		t.Fatalf("same mix: PSI %.3f ok=%v, want < %.2f", stable, ok, PSIWarn)
	}
	shifted := map[string]float64{"contract": 0.1, "regulation": 0.1, "log": 0.7, "other": 0.1}
	for i := 0; i < 400; i++ {
		d.Observe(mix(rng, shifted))
	}
	drifted, _, _ := d.Values()
	if drifted < PSIAlert {
		t.Fatalf("shifted mix: PSI %.3f, want >= %.2f", drifted, PSIAlert)
	}
	out, err := testutil.GatherAndCount(reg, "docmill_drift_psi")
	if err != nil || out != 2 {
		t.Fatalf("gauges: %d %v", out, err)
	}
	if v := testutil.ToFloat64(d.psi.WithLabelValues("class")); v < PSIAlert {
		t.Fatalf("metric docmill_drift_psi{kind=class} = %v", v)
	}
}
