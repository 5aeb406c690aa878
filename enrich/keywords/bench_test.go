package keywords

import (
	"strings"
	"testing"
)

func BenchmarkExtractEnglish(b *testing.B) {
	text := strings.Repeat(enSample+"\n\n", 20) // ~10 KB
	english()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text, Options{Top: 10, Language: "en"})
	}
}

func BenchmarkExtractChinese(b *testing.B) {
	text := strings.Repeat(zhSample+"\n", 20)
	Extract(zhSample, Options{Language: "zh"}) // load gse and the tables once
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text, Options{Top: 10, Language: "zh"})
	}
}
