package tokenizer

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchText is English prose of the kind docmill classifies.
func benchText() string {
	para := "This Agreement is entered into by and between the Licensor and the Licensee. " +
		"The Licensee shall pay the fees set out in Schedule 2 within thirty (30) days of the invoice date, " +
		"and any amount not paid when due shall bear interest at the rate of one percent per month. " +
		"Either party may terminate this Agreement upon written notice if the other party materially breaches it. "
	return strings.Repeat(para, 40)
}

// benchEncode reports tokens per wall second and per CPU second of the
// process: on a shared machine the second is the honest speed figure.
func benchEncode(b *testing.B, tok *Tokenizer, text string) {
	n := len(tok.Encode(text, false).IDs)
	b.SetBytes(int64(len(text)))
	cpu0 := processCPU()
	b.ResetTimer()
	for b.Loop() {
		tok.Encode(text, false)
	}
	b.StopTimer()
	total := float64(n) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "tokens/s")
	if cpu := (processCPU() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(total/cpu, "tokens/cpu-s")
	}
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWordPieceEnglish measures the target (>= 500k tokens/s
// on one core): go test -run x -bench WordPiece -cpu 1 ./model/tokenizer
func BenchmarkWordPieceEnglish(b *testing.B) {
	tok, err := Load(filepath.Join("testdata", "wordpiece", "tokenizer.json"))
	if err != nil {
		b.Fatal(err)
	}
	benchEncode(b, tok, benchText())
}

// BenchmarkByteLevelLlama3 measures byte-level BPE with a lookahead split
// regex (regexp2), cache warm.
func BenchmarkByteLevelLlama3(b *testing.B) {
	tok, err := Load(bpeTokenizerPath(b, "llama3"))
	if err != nil {
		b.Fatal(err)
	}
	benchEncode(b, tok, benchText())
}

// BenchmarkDocmillMini measures the default bundle's tokenizer (its
// normalizer sequence replaces non-ASCII spaces and decomposes first);
// skipped until the bundle exists.
func BenchmarkDocmillMini(b *testing.B) {
	tok, err := Load(filepath.Join("..", "bundles", "docmill-mini", "tokenizer.json"))
	if err != nil {
		b.Skipf("docmill-mini bundle not present: %v", err)
	}
	benchEncode(b, tok, benchText())
}
