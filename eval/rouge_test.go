package eval

import (
	"reflect"
	"strings"
	"testing"
)

func scoreNear(t *testing.T, name string, got Score, p, r, f float64) {
	t.Helper()
	if !nearTol(got.P, p) || !nearTol(got.R, r) || !nearTol(got.F, f) {
		t.Errorf("%s = %+v, want P %.6f R %.6f F %.6f", name, got, p, r, f)
	}
}

func nearTol(a, b float64) bool { return a-b < 1e-6 && b-a < 1e-6 }

func TestRougeTokens(t *testing.T) {
	got := RougeTokens("The licensee's jumping-off point: §2.3, was OK!", RougeOptions{})
	want := []string{"the", "licensee", "s", "jumping", "off", "point", "2", "3", "was", "ok"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("plain: %q", got)
	}
	// Stemming only touches tokens longer than three characters, so "was"
	// does not become "wa".
	got = RougeTokens("The licensee's jumping-off point was OK", RougeOptions{Stem: true})
	want = []string{"the", "license", "s", "jump", "off", "point", "was", "ok"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("stemmed: %q", got)
	}
	// Han characters are tokens of their own; ASCII runs between them stay words.
	got = RougeTokens("第2条 GDPR合同。", RougeOptions{})
	want = []string{"第", "2", "条", "gdpr", "合", "同"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("zh: %q", got)
	}
}

// The example of rouge-score's README, worked by hand.
// reference: the quick brown fox jumps over the lazy dog (9 tokens)
// summary:   the quick brown dog jumps on the log        (8 tokens)
func TestRougeKnownEnglish(t *testing.T) {
	s := Rouge("The quick brown dog jumps on the log.", "The quick brown fox jumps over the lazy dog", RougeOptions{})
	// ROUGE-1 clipped matches: the x2, quick, brown, dog, jumps = 6
	// P = 6/8 = .75, R = 6/9, F = 2(.75)(.6667)/(1.4167) = .705882
	scoreNear(t, "rouge1", s.Rouge1, 0.75, 6.0/9, 12.0/17)
	// ROUGE-2: summary has 7 bigrams, reference 8; shared: "the quick",
	// "quick brown" = 2. P = 2/7, R = 2/8, F = 2(2/7)(1/4)/(2/7+1/4) = 4/15
	scoreNear(t, "rouge2", s.Rouge2, 2.0/7, 0.25, 4.0/15)
	// LCS: the quick brown jumps the = 5. P = 5/8, R = 5/9, F = 10/17
	scoreNear(t, "rougeL", s.RougeL, 5.0/8, 5.0/9, 10.0/17)
}

func TestRougeStemming(t *testing.T) {
	// Without stemming only "the" and "cat" match (2 of 3 on each side);
	// with it "jumped"/"jumps" both become "jump": 3 of 3.
	plain := Rouge("the cat jumped", "the cat jumps", RougeOptions{})
	scoreNear(t, "plain rouge1", plain.Rouge1, 2.0/3, 2.0/3, 2.0/3)
	stem := Rouge("the cat jumped", "the cat jumps", RougeOptions{Stem: true})
	scoreNear(t, "stem rouge1", stem.Rouge1, 1, 1, 1)
	scoreNear(t, "stem rouge2", stem.Rouge2, 1, 1, 1)
}

func TestRougeChinese(t *testing.T) {
	// reference 合同终止: 4 characters; summary 合同于今日终止: 7.
	s := Rouge("合同于今日终止", "合同终止", RougeOptions{})
	// ROUGE-1: 合 同 终 止 match: P = 4/7, R = 4/4, F = 2(4/7)/(11/7) = 8/11
	scoreNear(t, "rouge1", s.Rouge1, 4.0/7, 1, 8.0/11)
	// ROUGE-2: reference bigrams 合同 同终 终止 (3); summary 合同 同于 于今
	// 今日 日终 终止 (6); shared 合同 终止: P = 2/6, R = 2/3, F = 4/9
	scoreNear(t, "rouge2", s.Rouge2, 2.0/6, 2.0/3, 4.0/9)
	// LCS 合同终止 = 4: same as ROUGE-1 here.
	scoreNear(t, "rougeL", s.RougeL, 4.0/7, 1, 8.0/11)
}

func TestRougeEdgeCases(t *testing.T) {
	if s := Rouge("", "some reference", RougeOptions{}); s != (RougeScores{}) {
		t.Fatalf("empty summary: %+v", s)
	}
	if s := Rouge("one", "one", RougeOptions{}); s.Rouge2 != (Score{}) || s.Rouge1.F != 1 {
		t.Fatalf("single token: %+v", s)
	}
	// Clipping: "the the the" against "the cat": 1 match, not 3.
	scoreNear(t, "clip", Rouge("the the the", "the cat", RougeOptions{}).Rouge1, 1.0/3, 0.5, 0.4)
}

// Lin (2004), section 3.2: reference r = w1 w2 w3 w4 w5; summary sentences
// c1 = w1 w2 w6 w7 w8 and c2 = w1 w3 w8 w9 w5. LCS(r,c1) = w1 w2,
// LCS(r,c2) = w1 w3 w5, union = w1 w2 w3 w5: 4 hits.
// R = 4/5, P = 4/10, F = 2(.8)(.4)/1.2 = 8/15.
func TestRougeLsumUnion(t *testing.T) {
	f := strings.Fields
	ref := [][]string{f("w1 w2 w3 w4 w5")}
	sum := [][]string{f("w1 w2 w6 w7 w8"), f("w1 w3 w8 w9 w5")}
	scoreNear(t, "rougeLsum", RougeLsum(sum, ref), 0.4, 0.8, 8.0/15)
	// One sentence on each side: summary-level equals sentence-level.
	a, b := f("the quick brown dog jumps on the log"), f("the quick brown fox jumps over the lazy dog")
	if got, want := RougeLsum([][]string{a}, [][]string{b}), RougeL(a, b); got != want {
		t.Fatalf("single sentence: %+v vs %+v", got, want)
	}
}
