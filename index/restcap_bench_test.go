package index

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/memtest"
)

// BenchmarkPutRandomWords indexes 20 MB of random words, the security
// review's memory bomb (one20MB: the searchable 8 MiB hold a million
// distinct terms, past the first MiB capped at maxRestTerms), and eight
// texts of a MiB of them in one batch (batch8x1MiB: what the indexer's
// MaxBatchBytes keeps out of one batch). peak-heap-MB is the most heap in
// use while it indexes:
//
//	go test ./index -run '^$' -bench PutRandomWords -benchtime 1x -benchmem
func BenchmarkPutRandomWords(b *testing.B) {
	text := memtest.RandomWords(20 << 20)
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
				stop := memtest.PeakHeap()
				if err := ix.PutBatch(context.Background(), rs); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MB")
				ix.Close()
			}
		})
	}
}
