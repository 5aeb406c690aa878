package tokenizer

import (
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
