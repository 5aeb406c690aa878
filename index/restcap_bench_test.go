package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
)

// randomWords is n bytes of random lowercase words, 15 to a line, as
// the security review's generator wrote them: some 3 M distinct terms
// in 20 MB.
func randomWords(n int) string {
	rng := rand.New(rand.NewPCG(2, 2))
	var b strings.Builder
	b.Grow(n + 128)
	for b.Len() < n {
		for w := 0; w < 15; w++ {
			if w > 0 {
				b.WriteByte(' ')
			}
			for k := 4 + rng.IntN(7); k > 0; k-- {
				b.WriteByte(byte('a' + rng.IntN(26)))
			}
		}
		b.WriteString(".\n")
	}
	return b.String()
}

// peakHeap samples the heap in use until stop is called, which returns
// the largest value seen.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
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

// BenchmarkPutRandomWords indexes 20 MB of random words, the security
// review's memory bomb (one20MB: the searchable 8 MiB hold a million
// distinct terms, past the first MiB capped at maxRestTerms), and eight
// texts of a MiB of them in one batch (batch8x1MiB: what the indexer's
// MaxBatchBytes keeps out of one batch). peak-heap-MB is the most heap in
// use while it indexes:
//
//	go test ./index -run '^$' -bench PutRandomWords -benchtime 1x -benchmem
func BenchmarkPutRandomWords(b *testing.B) {
	text := randomWords(20 << 20)
	var eight []string
	for i := range 8 {
		eight = append(eight, text[i<<20:(i+1)<<20])
	}
	for _, c := range []struct {
		name  string
		texts []string
	}{{"one20MB", []string{text}}, {"batch8x1MiB", eight}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				ix, err := Open(b.TempDir()+"/ix", Options{})
				if err != nil {
					b.Fatal(err)
				}
				var rs []*document.Result
				for j, t := range c.texts {
					r := sample(fmt.Sprintf("d%d", j), "words.txt", t, "other", "en")
					r.Summary = "words"
					rs = append(rs, r)
				}
				runtime.GC()
				stop := peakHeap()
				if err := ix.PutBatch(context.Background(), rs); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MB")
				ix.Close()
			}
		})
	}
}
