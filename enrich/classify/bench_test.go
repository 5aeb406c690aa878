package classify

import (
	"strings"
	"testing"
)

func BenchmarkPredict(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("This Agreement is entered into by and between the parties. The Supplier shall deliver the goods. ", 200)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Predict(text)
	}
}
