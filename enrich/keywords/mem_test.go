package keywords

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/memtest"
)

// unrepeatedWords is about n bytes of random lowercase words of four to
// nine letters, a full stop after every twelfth or so: every word is a
// candidate of its own and of two phrases, the most candidates a text of
// its size can have.
func unrepeatedWords(n int) string {
	r := rand.New(rand.NewPCG(7, 7))
	var b strings.Builder
	b.Grow(n + 16)
	for w := 0; b.Len() < n; w++ {
		if w > 0 {
			if r.IntN(12) == 0 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		for range 4 + r.IntN(6) {
			b.WriteByte(byte('a' + r.IntN(26)))
		}
	}
	b.WriteByte('.')
	return b.String()
}

func BenchmarkExtractUnrepeatedWords(b *testing.B) {
	text := unrepeatedWords(1 << 20)
	english()
	var peak uint64
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		runtime.GC()
		stop := memtest.PeakHeap()
		Extract(text, Options{Top: 10, Language: "en"})
		peak = max(peak, stop())
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// TestExtractUnrepeatedWordsAllocs bounds what key phrases of the 1 MiB
// that enrich analyses at most cost in allocations when no word repeats:
// every word then opens a candidate of one, two and three words. It was
// 424 MB in 4.5M allocations (with a peak heap of 270 MB, and workers
// analyse several documents at once); now about 175 MB in 1.05M. The
// bounds leave a third of headroom, and count bytes and objects, not time.
func TestExtractUnrepeatedWordsAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 1 MiB")
	}
	text := unrepeatedWords(1 << 20)
	english() // the lexicon is loaded once per process, not per text
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	kws := Extract(text, Options{Top: 10, Language: "en"})
	runtime.ReadMemStats(&after)
	if len(kws) != 10 {
		t.Fatalf("%d key phrases, want 10", len(kws))
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 240<<20 {
		t.Errorf("Extract allocated %d MB on 1 MiB of unrepeated words, want at most 240", got>>20)
	}
	if got := after.Mallocs - before.Mallocs; got > 1_500_000 {
		t.Errorf("Extract made %d allocations on 1 MiB of unrepeated words, want at most 1.5M", got)
	}
}

// TestExtractIsTopOfCandidates checks that Extract's English path, which
// ranks candidates without making each a Candidate, picks what Top picks
// from Candidates.
func TestExtractIsTopOfCandidates(t *testing.T) {
	texts := []string{enSample, strings.Repeat(enSample+"\n\n", 5), unrepeatedWords(64 << 10),
		"SERVICES AGREEMENT\n\nThis Agreement is made between Acme Corp and Beta LLC.\nName | Role\nJohn Smith | Director\n",
		"", "...", strings.Repeat("x", 100) + " neural network training. Neural networks train."}
	for _, text := range texts {
		for _, top := range []int{3, 10} {
			opts := Options{Top: top, Language: "en"}
			want := Top(Candidates(text, "en"), Options{Top: top, Language: "en", Text: text})
			got := Extract(text, opts)
			if !slices.Equal(got, want) {
				t.Errorf("Extract(%.40q, top %d) = %v, Top(Candidates) = %v", text, top, got, want)
			}
		}
	}
}
