package eval

import (
	"math"
	"sort"
	"testing"

	"github.com/docmill/docmill/enrich/logs"
	"github.com/docmill/docmill/internal/datasets"
)

func TestGroupingAccuracy(t *testing.T) {
	cases := []struct {
		name        string
		truth, pred []string
		want        float64
	}{
		{"perfect, other labels", []string{"a", "a", "b"}, []string{"x", "x", "y"}, 1},
		{"all merged", []string{"a", "a", "b"}, []string{"x", "x", "x"}, 0},
		// Splitting a true group fails all its lines; the intact group counts.
		{"split", []string{"a", "a", "b", "b"}, []string{"x", "y", "z", "z"}, 0.5},
		// A predicted group that is a strict subset of its true group fails.
		{"subset", []string{"a", "a", "a", "b"}, []string{"x", "x", "y", "z"}, 0.25},
		{"empty", nil, nil, 0},
		{"length mismatch", []string{"a"}, []string{"x", "y"}, 0},
	}
	for _, c := range cases {
		if got := GroupingAccuracy(c.truth, c.pred); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: got %v want %v", c.name, got, c.want)
		}
	}
}

// loghubDrain is Drain's published grouping accuracy on loghub_2k
// (logparser's Drain README; ../shared/notes/ANCHORS.md).
var loghubDrain = map[string]float64{
	"HDFS": .9975, "Hadoop": .9475, "Spark": .92, "Zookeeper": .9665, "BGL": .9625, "HPC": .887,
	"Thunderbird": .955, "Windows": .997, "Linux": .69, "Android": .911, "HealthApp": .78,
	"Apache": 1.0, "Proxifier": .5265, "OpenSSH": .7875, "OpenStack": .7325, "Mac": .7865,
}

// TestLoghubDrainBaseline runs the default miner over loghub_2k and
// compares each system with Drain. The target (mean at least Drain's over
// the same systems, no system more than 0.05 below) is reported, and the
// test fails when either part of the target is missed.
func TestLoghubDrainBaseline(t *testing.T) {
	dir := datasets.Require(t, "loghub_2k")
	rep, err := Loghub(dir, func() *logs.Miner { return logs.NewMiner(logs.DefaultConfig()) }, nil)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(rep.Systems))
	for s := range rep.Systems {
		names = append(names, s)
	}
	sort.Strings(names)
	drainMean := 0.0
	t.Logf("%-12s %8s %8s %8s", "system", "docmill", "Drain", "delta")
	for _, s := range names {
		d := loghubDrain[s]
		drainMean += d / float64(len(names))
		flag := ""
		if rep.Systems[s] < d-0.05 {
			flag = "  MISS (>0.05 below Drain)"
			t.Errorf("%s: %.4f is more than 0.05 below Drain's %.4f", s, rep.Systems[s], d)
		}
		t.Logf("%-12s %8.4f %8.4f %+8.4f%s", s, rep.Systems[s], d, rep.Systems[s]-d, flag)
	}
	t.Logf("%-12s %8.4f %8.4f %+8.4f  (%d systems)", "mean", rep.Mean, drainMean, rep.Mean-drainMean, len(names))
	if rep.Mean < drainMean {
		t.Errorf("mean grouping accuracy %.4f below Drain's %.4f", rep.Mean, drainMean)
	}
}

func TestBestExcludingIgnoresHeldOutSystem(t *testing.T) {
	acc := [][]float64{
		{0.9, 0.9, 0.1}, // best on systems 0 and 1
		{0.5, 0.5, 1.0}, // best overall only because of system 2
	}
	if got := bestExcluding(acc, 2); got != 0 {
		t.Errorf("held out system 2: chose %d, want 0", got)
	}
	if got := bestExcluding(acc, 0); got != 1 {
		t.Errorf("held out system 0: chose %d, want 1 (0.5+1.0 > 0.9+0.1)", got)
	}
}

// TestLoghubLeaveOneSystemOut checks the log target out of sample: each
// system is measured with the configuration chosen on the other systems.
// The mean must stay at or above Drain's. A system more than 0.05 below
// Drain is reported, not failed: Windows is one (0.70), because the only
// knob that separates its two "Session: ... initialized by client X"
// events (StableAfter) makes no difference on any other system, so a
// choice made without Windows has no reason to turn it on. The in-sample
// test above holds the shipped configuration to the per-system target.
func TestLoghubLeaveOneSystemOut(t *testing.T) {
	dir := datasets.Require(t, "loghub_2k")
	if testing.Short() {
		t.Skip("searches 128 configurations over loghub_2k; skipped with -short")
	}
	rep, err := LoghubCV(dir, LoghubGrid(), nil)
	if err != nil {
		t.Fatal(err)
	}
	drainMean := 0.0
	for s, acc := range rep.Systems {
		d := loghubDrain[s]
		drainMean += d / float64(len(rep.Systems))
		c := rep.Chosen[s]
		t.Logf("%-10s %.4f (Drain %.4f) chosen sim=%.1f depth=%d stable=%d collapse=%v", s, acc, d, c.SimThreshold, c.Depth, c.StableAfter, c.CollapseWildcards)
		if acc < d-0.05 {
			t.Logf("%s held out: %.4f is more than 0.05 below Drain's %.4f", s, acc, d)
		}
	}
	t.Logf("held-out mean %.4f vs Drain %.4f; shipped config chosen for %d of %d systems", rep.Mean, drainMean, rep.DefaultChosen, len(rep.Systems))
	if rep.Mean < drainMean {
		t.Errorf("held-out mean %.4f below Drain's %.4f", rep.Mean, drainMean)
	}
}
