// Package memtest gives benchmarks of memory use their input and their
// measure: text that repeats nothing, and the peak live heap while code
// runs (B/op counts every allocation, not what is held at once).
package memtest

import (
	"math/rand/v2"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"time"
)

// RandomWords is about n bytes of lines of fifteen random lowercase words
// ending in a full stop, the shape of the security review's 20 MB upload
// (some 3 M distinct words in 20 MB): nothing repeats, so every per-word
// or per-sentence structure is as large as it can be. The same n gives
// the same text.
func RandomWords(n int) string {
	r := rand.New(rand.NewPCG(2, 2))
	var b strings.Builder
	b.Grow(n + 200)
	for b.Len() < n {
		for w := range 15 {
			if w > 0 {
				b.WriteByte(' ')
			}
			for range 4 + r.IntN(7) {
				b.WriteByte(byte('a' + r.IntN(26)))
			}
		}
		b.WriteString(".\n")
	}
	return b.String()
}

// PeakHeap samples the live heap every millisecond until stop is called,
// which returns the largest sample.
func PeakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); <-finished; return peak.Load() }
}
