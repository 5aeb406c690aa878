package enrich_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/stages/parse"
)

// randomWords is n bytes (about) of lines of fifteen random lowercase
// words ending in a full stop, the shape of the review's 20 MB upload:
// nothing repeats, so every per-word or per-sentence structure is as large
// as it can be.
func randomWords(n int) string {
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

// peakHeap samples the live heap every millisecond until stop is called,
// which returns the largest sample: a GC-independent view of what one
// parse and analysis hold at once (B/op counts every allocation).
func peakHeap() (stop func() uint64) {
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

// BenchmarkParseAnalyzeRandomWords runs what the worker runs on an upload
// (parse, then the model-free analysis of every task) on 20 MB of random
// words, and reports the peak live heap beside B/op. The analysis reads
// at most its first MiB (4 MiB for entities), so both should stay a small
// multiple of the text, not grow with its sentences and words.
func BenchmarkParseAnalyzeRandomWords(b *testing.B) {
	data := []byte(randomWords(20 << 20))
	an := enrich.NewFree(enrich.FreeOptions{})
	ctx := context.Background()
	lim := parse.DefaultLimits()
	in := parse.Input{Filename: "words20.txt", Data: data}
	var peak uint64
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		runtime.GC()
		stop := peakHeap()
		doc, err := parse.Parse(ctx, in, lim)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := an.Analyze(ctx, doc, enrich.Request{}); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, stop())
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
