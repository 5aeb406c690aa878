package summarize

import "testing"

func BenchmarkSummarize(b *testing.B) {
	var s []string
	for i := 0; i < 20; i++ {
		s = append(s, sents...)
	}
	for b.Loop() {
		Summarize(s, Options{MaxChars: 600, Language: "en"})
	}
}
