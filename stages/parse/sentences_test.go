package parse

import (
	"context"
	"strings"
	"testing"
)

// TestSentencesClipped: a text is split into sentences only as far as
// analysis reads (MaxSentenceBytes), so a sentence past it is not there,
// and the sentences of the opening are those of the whole split.
func TestSentencesClipped(t *testing.T) {
	para := "The lessee shall pay the rent on the first day of each month. It is due in advance.\n\n"
	var b strings.Builder
	for b.Len() < MaxSentenceBytes+(256<<10) {
		b.WriteString(para)
	}
	b.WriteString("The marker sentence zqxjv lies past the split.\n")
	doc, err := Parse(context.Background(), Input{Filename: "lease.txt", Data: []byte(b.String())}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, s := range doc.Sentences {
		if strings.Contains(s, "zqxjv") {
			t.Fatalf("a sentence past the first %d bytes was split: %q", MaxSentenceBytes, s)
		}
		total += len(s)
	}
	if total > MaxSentenceBytes {
		t.Errorf("sentences hold %d bytes, more than %d", total, MaxSentenceBytes)
	}
	if len(doc.Sentences) < 2 || doc.Sentences[0] != "The lessee shall pay the rent on the first day of each month." || doc.Sentences[1] != "It is due in advance." {
		t.Errorf("opening sentences = %q", doc.Sentences[:min(2, len(doc.Sentences))])
	}
}
