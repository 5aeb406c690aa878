package model

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/docmill/docmill/document"
)

func TestBenchTiny(t *testing.T) {
	needORT(t)
	r, err := Bench(context.Background(), BenchOptions{Dir: tinyDir(), Runs: 3, DocTokens: 200})
	if err != nil {
		t.Fatal(err)
	}
	if r.TokenizerTokensPerS <= 0 || r.ShallowMsP50 <= 0 || r.FullMsP50 <= 0 || r.BatchDocsPerS <= 0 ||
		r.FP32Bytes <= r.Int8Bytes || r.Int8Bytes == 0 || r.Int8FullMsP50 <= 0 || r.Windows < 2 {
		t.Fatalf("bench result incomplete: %+v", r)
	}
	if runtime.GOOS == "linux" && (r.ShallowCPUMsP50 <= 0 || r.FullCPUMsP50 <= r.ShallowCPUMsP50) {
		t.Fatalf("model CPU time: shallow %v ms, full %v ms", r.ShallowCPUMsP50, r.FullCPUMsP50)
	}
}

// BenchmarkRun measures one ~512-token document per op at each depth, fp32
// and int8, on $DOCMILL_BENCH_MODEL (default: the tiny test bundle):
//
//	DOCMILL_BENCH_MODEL=model/bundles/docmill-mini go test -run x -bench Run -cpu 1 ./model
func BenchmarkRun(b *testing.B) {
	dir := os.Getenv("DOCMILL_BENCH_MODEL")
	if dir == "" {
		dir = tinyDir()
	} else if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir)
	}
	for _, int8 := range []bool{false, true} {
		m := loadTiny(b, Options{Dir: dir, Threads: 1, Int8: int8})
		doc := docOfTokens(m, 512)
		for _, depth := range []document.Depth{document.DepthShallow, document.DepthFull} {
			name := string(depth)
			if int8 {
				name += "-int8"
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					if _, err := m.Run(context.Background(), doc, depth); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
