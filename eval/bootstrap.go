package eval

import (
	"math/rand/v2"
	"sort"
)

// Difference is docmill's score minus a baseline's on the same documents,
// with a 95% paired-bootstrap interval: when the interval holds 0, the
// data cannot tell the two apart.
type Difference struct {
	Metric string  `json:"metric"`
	Delta  float64 `json:"delta"`
	Lo     float64 `json:"ci95_lo"`
	Hi     float64 `json:"ci95_hi"`
}

// bootstrapResamples is enough for stable 2.5/97.5 percentiles.
const bootstrapResamples = 2000

// PairedBootstrap resamples documents with replacement (fixed seed, so a
// run is reproducible) and returns the mean of ours-base with the 2.5 and
// 97.5 percentiles of the resampled means.
func PairedBootstrap(metric string, ours, base []float64) *Difference {
	n := len(ours)
	if n == 0 || n != len(base) {
		return nil
	}
	d := make([]float64, n)
	mean := 0.0
	for i := range d {
		d[i] = ours[i] - base[i]
		mean += d[i] / float64(n)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	means := make([]float64, bootstrapResamples)
	for r := range means {
		s := 0.0
		for range n {
			s += d[rng.IntN(n)]
		}
		means[r] = s / float64(n)
	}
	sort.Float64s(means)
	return &Difference{Metric: metric, Delta: mean, Lo: means[bootstrapResamples*25/1000], Hi: means[bootstrapResamples*975/1000-1]}
}
