package model

import (
	"math"

	"github.com/docmill/docmill/model/tokenizer"
)

// window is one model input: the tokenizer's prefix, a stretch of the
// document's tokens starting at token first, and the suffix.
type window struct {
	ids, mask []int64
	first     int // index of the window's first document token
	lead      int // special tokens before the document tokens
	count     int // document tokens in the window
}

// windows splits an encoding into overlapping windows of at most the
// bundle's max_length tokens, special tokens included.
func (m *Model) windows(enc *tokenizer.Encoding) []window {
	tok := m.Bundle.Tokenizer
	pre, suf := tok.Prefix(), tok.Suffix()
	size := m.Bundle.Manifest.MaxLength - len(pre) - len(suf)
	if size < 1 {
		size = 1
	}
	overlap := m.opts.Overlap
	if overlap <= 0 {
		overlap = min(size/4, 64)
	}
	overlap = min(overlap, size-1)
	n := len(enc.IDs)
	var starts []int
	// The last window keeps the stride and is shorter rather than sliding
	// back to a full window: a document just over one window costs one
	// window plus its tail, not two.
	for s := 0; ; s += size - overlap {
		starts = append(starts, s)
		if s+size >= n {
			break
		}
	}
	wins := make([]window, 0, len(starts))
	for _, s := range starts {
		e := min(s+size, n)
		w := window{first: s, lead: len(pre), count: e - s}
		w.ids = make([]int64, 0, len(pre)+e-s+len(suf))
		for _, id := range pre {
			w.ids = append(w.ids, int64(id))
		}
		for _, id := range enc.IDs[s:e] {
			w.ids = append(w.ids, int64(id))
		}
		for _, id := range suf {
			w.ids = append(w.ids, int64(id))
		}
		w.mask = make([]int64, len(w.ids))
		for i := range w.mask {
			w.mask[i] = 1
		}
		wins = append(wins, w)
	}
	return wins
}

// mergeDoc averages a document-level head's logits over windows, weighted
// by the document tokens each window saw, and returns probabilities.
func mergeDoc(wins []window, feeds []map[string]winTensor, name string) []float64 {
	var sum []float64
	total := 0.0
	for i, w := range wins {
		v := feeds[i][name].floats
		if sum == nil {
			sum = make([]float64, len(v))
		}
		weight := float64(max(w.count, 1))
		for k := range min(len(v), len(sum)) {
			sum[k] += weight * float64(v[k])
		}
		total += weight
	}
	for k := range sum {
		sum[k] /= total
	}
	return softmax(sum)
}

// mergeTokens maps a per-token head back to document tokens: sigmoid of
// the logit, averaged where windows overlap.
func mergeTokens(wins []window, feeds []map[string]winTensor, name string, n int) []float64 {
	sum := make([]float64, n)
	cnt := make([]float64, n)
	for i, w := range wins {
		v := feeds[i][name].floats
		for k := 0; k < w.count && w.lead+k < len(v); k++ {
			sum[w.first+k] += sigmoid(float64(v[w.lead+k]))
			cnt[w.first+k]++
		}
	}
	for k := range sum {
		if cnt[k] > 0 {
			sum[k] /= cnt[k]
		}
	}
	return sum
}

func softmax(x []float64) []float64 {
	if len(x) == 0 {
		return nil
	}
	mx := x[0]
	for _, v := range x {
		mx = math.Max(mx, v)
	}
	out := make([]float64, len(x))
	s := 0.0
	for i, v := range x {
		out[i] = math.Exp(v - mx)
		s += out[i]
	}
	for i := range out {
		out[i] /= s
	}
	return out
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
