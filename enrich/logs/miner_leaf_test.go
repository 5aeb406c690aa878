package logs

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Lines that open alike and then vary freely (a statement log, user
// comments) all land in one tree leaf, and each new line was compared with
// every template there: mining was quadratic in the lines, and a 7 MB log
// of 60,000 such lines held a worker for 207 s. A leaf keeps at most
// MaxLeafClusters templates; lines of other shapes are still remembered.
func TestMinerBoundsTemplatesPerLeaf(t *testing.T) {
	m := NewMiner(DefaultConfig())
	words := strings.Fields("party shall terms liability indemnify governing law lessee lessor payment notice termination warranty")
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		line := "user said"
		for range 10 {
			line += " " + words[r.IntN(len(words))]
		}
		m.Add(line)
	}
	if n := len(m.Templates()); n > DefaultConfig().MaxLeafClusters {
		t.Errorf("%d templates in one leaf, want at most %d", n, DefaultConfig().MaxLeafClusters)
	}
	id, _, isNew := m.Add("connection closed by peer")
	if _, ok := m.Template(id); !ok || !isNew {
		t.Errorf("a message of another shape was not remembered (new %v)", isNew)
	}
}

// A template the miner did not keep (its leaf full) is still listed with
// its text in a log's summary; it was listed with an empty one.
func TestSummaryNamesTemplatesNotKept(t *testing.T) {
	m := NewMiner(Config{MaxLeafClusters: 1})
	s := Summarize([]string{"user said alpha one", "user said beta two", "user said beta two", "user said beta two"}, m)
	if len(s.Templates) == 0 || s.Templates[0].Count != 3 || s.Templates[0].Template != "user said beta two" {
		t.Errorf("templates %+v, want \"user said beta two\" first, 3 times", s.Templates)
	}
}

// Templates the miner did not keep are not counted new: a free-text log
// past the bounds added one "new template" per line to the source's drift
// metric with every run of the same log.
func TestSummaryCountsOnlyKeptTemplatesNew(t *testing.T) {
	m := NewMiner(Config{MaxLeafClusters: 1})
	s := Summarize([]string{"user said alpha one", "user said beta two", "user said gamma three", "connection closed by peer"}, m)
	if s.NewTemplates != 2 {
		t.Errorf("%d new templates, want 2 (the first of the full leaf and the other shape): %+v", s.NewTemplates, s.Templates)
	}
	for _, tc := range s.Templates {
		if _, kept := m.Template(tc.ID); tc.New && !kept {
			t.Errorf("template %q marked new, but the miner did not keep it", tc.Template)
		}
	}
}
