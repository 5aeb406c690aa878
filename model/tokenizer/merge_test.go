package tokenizer

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"
)

// The heap merge used for long words gives the same ids as the quadratic
// loop, on a real byte-level BPE vocabulary.
func TestMergeLongEqualsShort(t *testing.T) {
	tok, err := Load(filepath.Join("..", "testdata", "tiny-decoder", "tokenizer.json"))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(5))
	alphabet := []byte("aaaeeeiiootnsrhl thethe")
	for k := 0; k < 200; k++ {
		word := make([]byte, 25+r.Intn(300))
		for i := range word {
			word[i] = alphabet[r.Intn(len(alphabet))]
		}
		base := make([]int, len(word))
		for i, c := range word {
			base[i] = tok.bpe.vocab[byteToUnicode[c]]
		}
		a := tok.bpe.mergeShort(append([]int(nil), base...))
		b := tok.bpe.mergeLong(append([]int(nil), base...))
		if !equalIDs(a, b) {
			t.Fatalf("word %q:\n short %v\n long  %v", word, a, b)
		}
		if len(a) == len(base) {
			t.Fatalf("word %q: no merge applied", word)
		}
	}
}

// Encode is safe for concurrent use (the BPE word cache is shared).
func TestConcurrentEncode(t *testing.T) {
	tok, err := Load(filepath.Join("..", "testdata", "tiny-decoder", "tokenizer.json"))
	if err != nil {
		t.Fatal(err)
	}
	f := loadFixture(t, "wordpiece")
	want := make([][]int, len(f.Cases))
	for i, c := range f.Cases {
		want[i] = tok.Encode(c.Text, true).IDs
	}
	tok, _ = Load(filepath.Join("..", "testdata", "tiny-decoder", "tokenizer.json")) // fresh cache
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i, c := range f.Cases {
				if got := tok.Encode(c.Text, true).IDs; !equalIDs(got, want[i]) {
					done <- fmt.Errorf("case %s differs under concurrency", c.Name)
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
