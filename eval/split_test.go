package eval

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"testing"
)

// The rule as the packages that tune on the data wrote it (hex prefix of
// the digest), checked against SplitOf on many ids.
func TestSplitOfMatchesSharedRule(t *testing.T) {
	ref := func(folder, id string) string {
		sum := sha256.Sum256([]byte(folder + "/" + id))
		v, _ := strconv.ParseUint(hex.EncodeToString(sum[:])[:8], 16, 64)
		switch v % 10 {
		case 0, 1:
			return "test"
		case 2:
			return "dev"
		}
		return "train"
	}
	counts := map[string]int{}
	for i := 0; i < 2000; i++ {
		id := "legalsum" + strconv.Itoa(i)
		got := SplitOf("legal_plain_english_summaries", id)
		if want := ref("legal_plain_english_summaries", id); got != want {
			t.Fatalf("%s: %s, want %s", id, got, want)
		}
		counts[got]++
	}
	// About 20/10/70 per cent.
	if counts["test"] < 300 || counts["test"] > 500 || counts["dev"] < 120 || counts["dev"] > 280 {
		t.Fatalf("%v", counts)
	}
}
