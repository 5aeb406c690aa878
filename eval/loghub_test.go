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
