package model

import (
	"context"
	"testing"
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
}
