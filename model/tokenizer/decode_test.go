package tokenizer

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestWordPieceOffsetsPointAtWords(t *testing.T) {
	tok, err := Load(filepath.Join("testdata", "wordpiece", "tokenizer.json"))
	if err != nil {
		t.Fatal(err)
	}
	text := "Café  résumé, 本协议 OK"
	e := tok.Encode(text, true)
	if e.IDs[0] != tok.Prefix()[0] || e.IDs[len(e.IDs)-1] != tok.Suffix()[0] {
		t.Fatalf("missing [CLS]/[SEP]: %v", e.IDs)
	}
	var words []string
	for i, o := range e.Offsets {
		if !e.Special[i] {
			words = append(words, text[o.Start:o.End])
		}
	}
	joined := strings.Join(words, "|")
	for _, want := range []string{"本", "协", ",", "OK"} {
		if !strings.Contains(joined, want) {
			t.Errorf("offsets %q lack %q", joined, want)
		}
	}
	if !strings.HasPrefix(joined, "C") || !strings.Contains(joined, "afé") {
		t.Errorf("first token %q does not start at Café", joined)
	}
}

func TestByteLevelRoundTrip(t *testing.T) {
	tok, err := Load(bpeTokenizerPath(t, "llama3"))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Hello, world!", "本协议自双方签字之日起生效", "emoji 👍🏽 and\ttabs  \n"} {
		e := tok.Encode(text, false)
		if got := tok.Decode(e.IDs, true); got != text {
			t.Errorf("round trip %q -> %q", text, got)
		}
		var sb strings.Builder
		end := 0
		for _, o := range e.Offsets {
			if o.Start >= end {
				sb.WriteString(text[o.Start:o.End])
				end = o.End
			}
		}
		if sb.String() != text {
			t.Errorf("offsets of %q rebuild %q", text, sb.String())
		}
	}
}
