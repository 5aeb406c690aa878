package eval

import (
	"fmt"
	"path/filepath"

	"github.com/docmill/docmill/enrich/logs"
)

// LoghubCVReport is a leave-one-system-out check of the miner's
// configuration: for each system, the configuration of the grid with the
// best mean accuracy over the other systems is chosen and then measured
// on the held-out system. Mean and Systems hold those held-out figures,
// so no system's figure comes from a configuration chosen by looking at
// it.
type LoghubCVReport struct {
	Protocol string             `json:"protocol"`
	Mean     float64            `json:"mean_accuracy"`
	Systems  map[string]float64 `json:"systems"`
	// Chosen is the configuration picked for each held-out system.
	Chosen map[string]logs.Config `json:"chosen"`
	// DefaultChosen counts the systems for which the choice was
	// logs.DefaultConfig, the configuration docmill ships.
	DefaultChosen int `json:"default_chosen"`
	// Grid is the number of configurations searched.
	Grid int `json:"grid"`
}

// LoghubGrid is the configuration grid searched by LoghubCV: the
// shipped configuration with its numeric knobs varied.
func LoghubGrid() []logs.Config {
	base := logs.DefaultConfig()
	var out []logs.Config
	for _, sim := range []float64{0.5, 0.6, 0.7, 0.8} {
		for _, depth := range []int{3, 4, 5, 6} {
			for _, stable := range []int{0, 50, 100, 200} {
				for _, collapse := range []bool{false, true} {
					c := base
					c.SimThreshold, c.Depth, c.StableAfter, c.CollapseWildcards = sim, depth, stable, collapse
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// LoghubCV runs every configuration of grid on every system under dir and
// reports the leave-one-system-out figures. progress, when not nil, is
// called after each configuration.
func LoghubCV(dir string, grid []logs.Config, progress func(done, total int)) (LoghubCVReport, error) {
	systems, err := loghubSystems(dir)
	if err != nil {
		return LoghubCVReport{}, err
	}
	if len(systems) < 2 {
		return LoghubCVReport{}, fmt.Errorf("leave-one-system-out needs at least 2 loghub systems under %s, found %d", dir, len(systems))
	}
	acc := make([][]float64, len(grid))
	for c, cfg := range grid {
		acc[c] = make([]float64, len(systems))
		for s, name := range systems {
			if acc[c][s], err = LoghubSystem(filepath.Join(dir, name), name, logs.NewMiner(cfg)); err != nil {
				return LoghubCVReport{}, err
			}
		}
		if progress != nil {
			progress(c+1, len(grid))
		}
	}
	rep := LoghubCVReport{Protocol: "leave-one-system-out", Systems: map[string]float64{}, Chosen: map[string]logs.Config{}, Grid: len(grid)}
	def := logs.DefaultConfig()
	for s, name := range systems {
		c := bestExcluding(acc, s)
		rep.Systems[name] = acc[c][s]
		rep.Chosen[name] = grid[c]
		rep.Mean += acc[c][s] / float64(len(systems))
		if grid[c] == def {
			rep.DefaultChosen++
		}
	}
	return rep, nil
}

// bestExcluding returns the row of acc (configurations x systems) with the
// highest mean over every column but held; the first such row on ties, so
// the grid's order decides between equals.
func bestExcluding(acc [][]float64, held int) int {
	best, bestMean := 0, -1.0
	for c, row := range acc {
		sum := 0.0
		for s, v := range row {
			if s != held {
				sum += v
			}
		}
		if sum > bestMean {
			best, bestMean = c, sum
		}
	}
	return best
}
