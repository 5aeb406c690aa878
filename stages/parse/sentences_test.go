package parse

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/lang"
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

// TestSentencesClippedReadAlike: what analysis reads of the sentences
// (those whose lengths add up to at most a MiB) is the same as of the
// whole text's split, even for a text of one-letter paragraphs, which has
// the most bytes between sentences.
func TestSentencesClippedReadAlike(t *testing.T) {
	const read = 1 << 20
	for _, para := range []string{"a\n\n", "Rent is due. It is paid monthly.\n", "x. "} {
		text := strings.Repeat(para, (MaxSentenceBytes+(1<<20))/len(para))
		doc, err := Parse(context.Background(), Input{Filename: "t.txt", Data: []byte(text)}, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		all := lang.Sentences(doc.Text, doc.Language)
		if got, want := readSentences(doc.Sentences, read), readSentences(all, read); !slices.Equal(got, want) {
			t.Errorf("%q: analysis reads %d sentences of the clipped split, %d of the whole one", para, len(got), len(want))
		}
	}
}

// readSentences keeps the sentences whose lengths add up to at most n,
// as enrich and model read them.
func readSentences(s []string, n int) []string {
	total := 0
	for i, x := range s {
		if total += len(x); total > n {
			return s[:i]
		}
	}
	return s
}
