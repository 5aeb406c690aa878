package classify

import (
	"math"
	"math/rand"
	"sort"
)

// Example is one labelled document (a line of classify_*.jsonl).
type Example struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Label   string `json:"label"`
	Subtype string `json:"subtype"`
	Source  string `json:"source"`
}

// TrainOptions control training.
type TrainOptions struct {
	Epochs int     // passes over the data (default 10)
	LR     float64 // AdaGrad learning rate (default 0.5)
	L2     float64 // L2 penalty per update on touched weights (default 1e-5)
	Seed   int64
	// MinSubtype drops subtypes with fewer training examples (default 3).
	MinSubtype int
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Epochs <= 0 {
		o.Epochs = 10
	}
	if o.LR <= 0 {
		o.LR = 0.5
	}
	if o.L2 < 0 {
		o.L2 = 0
	} else if o.L2 == 0 {
		o.L2 = 1e-5
	}
	if o.MinSubtype <= 0 {
		o.MinSubtype = 3
	}
	return o
}

// Train fits the class head and the subtype heads on train and calibrates
// their temperatures on dev (which may be empty: temperature 1).
func Train(train, dev []Example, o TrainOptions) *Model {
	o = o.withDefaults()
	m := &Model{Sub: map[string]*Head{}}
	m.Class = fitHead(train, dev, Buckets, func(e Example) string { return e.Label }, o)
	byClass := map[string][]Example{}
	devByClass := map[string][]Example{}
	for _, e := range train {
		if e.Subtype != "" && e.Subtype != "none" {
			byClass[e.Label] = append(byClass[e.Label], e)
		}
	}
	for _, e := range dev {
		devByClass[e.Label] = append(devByClass[e.Label], e)
	}
	for class, ex := range byClass {
		counts := map[string]int{}
		for _, e := range ex {
			counts[e.Subtype]++
		}
		var kept []Example
		for _, e := range ex {
			if counts[e.Subtype] >= o.MinSubtype {
				kept = append(kept, e)
			}
		}
		if len(labelsOf(kept, subtypeOf)) < 2 {
			continue
		}
		m.Sub[class] = fitHead(kept, devByClass[class], SubBuckets, subtypeOf, o)
	}
	return m
}

func subtypeOf(e Example) string { return e.Subtype }

func labelsOf(ex []Example, label func(Example) string) []string {
	set := map[string]bool{}
	for _, e := range ex {
		set[label(e)] = true
	}
	out := make([]string, 0, len(set))
	for l := range set {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// fitHead trains one softmax head with AdaGrad and fits its temperature.
func fitHead(train, dev []Example, buckets int, label func(Example) string, o TrainOptions) *Head {
	labels := labelsOf(train, label)
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	h := &Head{Labels: labels, Buckets: buckets, B: make([]float32, len(labels)), Temp: 1}
	g2 := make([][]float32, len(labels))
	for k := range labels {
		h.W = append(h.W, make([]float32, buckets))
		g2[k] = make([]float32, buckets)
	}
	gb := make([]float64, len(labels))
	feats := make([][]feature, len(train))
	for i, e := range train {
		feats[i] = Features(e.Text, buckets)
	}
	rng := rand.New(rand.NewSource(o.Seed + 1))
	order := rng.Perm(len(train))
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			p := softmax(h.logits(feats[i]))
			y := index[label(train[i])]
			for k := range labels {
				g := p[k]
				if k == y {
					g -= 1
				}
				gb[k] += g * g
				h.B[k] -= float32(o.LR * g / math.Sqrt(gb[k]+1e-8))
				w, acc := h.W[k], g2[k]
				for _, f := range feats[i] {
					gw := float32(g)*f.val + float32(o.L2)*w[f.idx]
					acc[f.idx] += gw * gw
					w[f.idx] -= float32(o.LR) * gw / float32(math.Sqrt(float64(acc[f.idx]))+1e-8)
				}
			}
		}
	}
	h.Temp = fitTemperature(h, dev, label, index)
	return h
}

// fitTemperature picks the softmax temperature that minimises the negative
// log-likelihood on held-out examples. It only softens (T >= 1): a held-out
// split drawn from the training sources is easier than documents in the
// wild, and sharpening on it would make every confidence 1.
func fitTemperature(h *Head, dev []Example, label func(Example) string, index map[string]int) float64 {
	type item struct {
		z []float64
		y int
	}
	var items []item
	for _, e := range dev {
		y, ok := index[label(e)]
		if !ok {
			continue
		}
		items = append(items, item{h.logits(Features(e.Text, h.Buckets)), y})
	}
	if len(items) < 10 {
		return 1
	}
	best, bestNLL := 1.0, math.Inf(1)
	for t := 1.0; t <= 8; t *= 1.1 {
		nll := 0.0
		for _, it := range items {
			z := make([]float64, len(it.z))
			for i, v := range it.z {
				z[i] = v / t
			}
			nll -= math.Log(softmax(z)[it.y] + 1e-12)
		}
		if nll < bestNLL {
			best, bestNLL = t, nll
		}
	}
	return best
}
