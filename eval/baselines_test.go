package eval

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBudget(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"The licensee shall pay", 0, "The licensee shall pay"},
		{"The licensee shall pay", 100, "The licensee shall pay"},
		{"The licensee shall pay", 15, "The licensee"}, // cut inside "shall": back to the space
		{"The licensee shall pay", 12, "The licensee"}, // cut right before a space
		{"Supercalifragilistic", 5, "Super"},           // no space to fall back to
		{"本合同自签署之日起生效", 4, "本合同自"},                     // CJK: any character boundary
		{"  padded   text  ", 6, "padded"},
		{"The licensee shall…", 18, "The licensee shall"}, // the cut mark is not counted
		{"The licensee shall…", 17, "The licensee"},
	}
	for _, c := range cases {
		if got := Budget(c.in, c.n); got != c.want {
			t.Errorf("Budget(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestLead(t *testing.T) {
	got := Lead("First   sentence here.\nSecond one follows.", 30)
	if got != "First sentence here. Second" {
		t.Fatalf("%q", got)
	}
}

func TestTextRankPicksCentralSentences(t *testing.T) {
	sents := []string{
		"Quarterly weather was mild in the northern region.",
		"The licence grants the licensee a right to use the software.",
		"The licensee may not sublicense the software without consent.",
		"The software licence ends when the licensee breaches it.",
		"Lunch is served at noon.",
	}
	got := TextRank(sents, "en", 130)
	// The three licence sentences share words (licens, software); the two
	// off-topic ones share nothing and rank last. The budget admits two
	// of the licence sentences, returned in document order.
	if strings.Contains(got, "weather") || strings.Contains(got, "Lunch") {
		t.Fatalf("off-topic sentence chosen: %q", got)
	}
	if utf8.RuneCountInString(got) > 130 || strings.Count(got, "licensee") < 2 {
		t.Fatalf("budget or choice wrong: %q", got)
	}
	if i, j := strings.Index(got, "grants"), strings.Index(got, "ends when"); i >= 0 && j >= 0 && i > j {
		t.Fatalf("not in document order: %q", got)
	}
	// A budget shorter than every sentence cuts the best one.
	if got := TextRank(sents, "en", 20); utf8.RuneCountInString(got) > 20 || got == "" {
		t.Fatalf("tight budget: %q", got)
	}
	if TextRank(nil, "en", 100) != "" {
		t.Fatal("no sentences")
	}
}

func TestTFIDFKeywords(t *testing.T) {
	texts := []string{
		"Neural networks learn representations. Neural networks need data.",
		"Graph algorithms find shortest paths. The paths are short.",
		"Neural networks and graph algorithms.",
	}
	got := TFIDFKeywords(texts, 3, nil)
	if len(got) != 3 || len(got[0]) != 3 {
		t.Fatalf("%v", got)
	}
	// Text 0: "neural", "networks", "neural networks" have tf 2 and df 2
	// (text 2 has them too): 2 ln(3/2) = 0.81. Every phrase seen once and
	// only in text 0 scores ln 3 = 1.10 and wins; ties go alphabetically.
	if want := []string{"data", "learn", "learn representations"}; !reflect.DeepEqual(got[0], want) {
		t.Fatalf("text 0: %v, want %v", got[0], want)
	}
	for _, p := range got[1] {
		if strings.HasPrefix(p, "the ") || strings.HasSuffix(p, " are") {
			t.Fatalf("stopword at a boundary: %q", p)
		}
	}
}

func TestBaselineSentencesLowercased(t *testing.T) {
	p := ParseText("x", "we may end your account. you keep your data! is that fair? yes")
	got := baselineSentences(p)
	want := []string{"we may end your account.", "you keep your data!", "is that fair?", "yes"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q", got)
	}
	// Text with capitals keeps package lang's split (abbreviations stay whole).
	p = ParseText("y", "Mr. Smith signed. The deal closed.")
	if got := baselineSentences(p); !reflect.DeepEqual(got, p.Sentences) {
		t.Fatalf("%q vs %q", got, p.Sentences)
	}
}
