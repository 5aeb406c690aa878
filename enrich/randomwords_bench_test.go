package enrich_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/internal/memtest"
	"github.com/docmill/docmill/stages/parse"
)

// BenchmarkParseAnalyzeRandomWords runs what the worker runs on an upload
// (parse, then the model-free analysis of every task) on 20 MB of random
// words, and reports the peak live heap beside B/op. The analysis reads
// at most its first MiB (4 MiB for entities), so both should stay a small
// multiple of the text, not grow with its sentences and words.
func BenchmarkParseAnalyzeRandomWords(b *testing.B) {
	data := []byte(memtest.RandomWords(20 << 20))
	an := enrich.NewFree(enrich.FreeOptions{})
	ctx := context.Background()
	lim := parse.DefaultLimits()
	in := parse.Input{Filename: "words20.txt", Data: data}
	var peak uint64
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		runtime.GC()
		stop := memtest.PeakHeap()
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
