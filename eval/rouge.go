package eval

import (
	"strings"
	"unicode"
)

// RougeOptions selects the ROUGE tokenisation.
type RougeOptions struct {
	// Stem Porter-stems (NLTK variant) every Latin token longer than three
	// characters, as Google's rouge-score does with use_stemmer=True.
	Stem bool
}

// Score is a precision/recall/F-measure triple.
type Score struct {
	P float64 `json:"p"`
	R float64 `json:"r"`
	F float64 `json:"f"`
}

// RougeScores holds the ROUGE scores of one summary against one reference.
//
// ROUGE-L here is the "sentence-level" variant of rouge-score's "rougeL":
// one longest common subsequence over the whole token sequences of summary
// and reference, ignoring sentence boundaries. RougeLsum is the
// summary-level variant (union LCS over sentences, with rouge-score's clipping
// of repeated tokens); it needs the sentence split and so comes from
// RougeLsum.
type RougeScores struct {
	Rouge1 Score `json:"rouge1"`
	Rouge2 Score `json:"rouge2"`
	RougeL Score `json:"rougeL"`
}

// RougeTokens tokenises text the way rouge-score does for English: lower-
// case, every character other than a-z and 0-9 becomes a separator, and with
// opt.Stem tokens longer than three characters are Porter-stemmed. Unlike
// rouge-score (which drops them), CJK characters (Han, kana, Hangul) are kept
// as one token each, so Chinese summaries score at character level. Other
// non-ASCII letters are separators, as in the reference, which keeps English
// figures comparable with published ones.
func RougeTokens(text string, opt RougeOptions) []string {
	var toks []string
	var b strings.Builder
	flush := func() {
		if b.Len() == 0 {
			return
		}
		t := b.String()
		b.Reset()
		if opt.Stem && len(t) > 3 {
			t = Stem(t)
		}
		toks = append(toks, t)
	}
	for _, r := range strings.ToLower(text) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case isCJK(r):
			flush()
			toks = append(toks, string(r))
		default:
			flush()
		}
	}
	flush()
	return toks
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// fmeasure is the balanced F: 2PR/(P+R), 0 when both are 0.
func fmeasure(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Rouge scores summary against reference: ROUGE-1, ROUGE-2 and ROUGE-L.
func Rouge(summary, reference string, opt RougeOptions) RougeScores {
	s := RougeTokens(summary, opt)
	r := RougeTokens(reference, opt)
	return RougeScores{
		Rouge1: RougeN(s, r, 1),
		Rouge2: RougeN(s, r, 2),
		RougeL: RougeL(s, r),
	}
}

// RougeN is n-gram overlap: matches are clipped per n-gram to the smaller of
// its counts on the two sides; precision divides by the summary's n-grams,
// recall by the reference's.
func RougeN(summary, reference []string, n int) Score {
	sc, sn := ngrams(summary, n)
	rc, rn := ngrams(reference, n)
	if sn == 0 || rn == 0 {
		return Score{}
	}
	hits := 0
	for g, c := range sc {
		hits += min(c, rc[g])
	}
	p := float64(hits) / float64(sn)
	r := float64(hits) / float64(rn)
	return Score{P: p, R: r, F: fmeasure(p, r)}
}

// ngrams counts the n-grams of toks and returns the counts and their total.
func ngrams(toks []string, n int) (map[string]int, int) {
	if n <= 0 || len(toks) < n {
		return nil, 0
	}
	m := make(map[string]int, len(toks))
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m, len(toks) - n + 1
}

// RougeL is the LCS of the two token sequences over their lengths.
func RougeL(summary, reference []string) Score {
	if len(summary) == 0 || len(reference) == 0 {
		return Score{}
	}
	l := lcsLen(reference, summary)
	p := float64(l) / float64(len(summary))
	r := float64(l) / float64(len(reference))
	return Score{P: p, R: r, F: fmeasure(p, r)}
}

// lcsLen computes the LCS length with two rows of the table.
func lcsLen(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case cur[j-1] > prev[j]:
				cur[j] = cur[j-1]
			default:
				cur[j] = prev[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// lcsTable is the full LCS table of a (rows) and b (columns).
func lcsTable(a, b []string) [][]int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				t[i][j] = t[i-1][j-1] + 1
			} else {
				t[i][j] = max(t[i][j-1], t[i-1][j])
			}
		}
	}
	return t
}

// lcsIndices returns the positions in ref of one LCS with can, chosen by
// the same backtracking as rouge-score so union-LCS counts agree with it.
func lcsIndices(ref, can []string) []int {
	t := lcsTable(ref, can)
	var idx []int
	i, j := len(ref), len(can)
	for i > 0 && j > 0 {
		switch {
		case ref[i-1] == can[j-1]:
			idx = append(idx, i-1)
			i--
			j--
		case t[i][j-1] > t[i-1][j]:
			j--
		default:
			i--
		}
	}
	return idx
}

// RougeLsum is summary-level ROUGE-L over tokenised sentences: for each
// reference sentence the union of its LCS positions with every summary
// sentence, with each token counted at most as often as it occurs on both
// sides (rouge-score's clipping, as in ROUGE 1.5.5).
func RougeLsum(summary, reference [][]string) Score {
	m, n := 0, 0
	cntR := map[string]int{}
	cntC := map[string]int{}
	for _, s := range reference {
		m += len(s)
		for _, t := range s {
			cntR[t]++
		}
	}
	for _, s := range summary {
		n += len(s)
		for _, t := range s {
			cntC[t]++
		}
	}
	if m == 0 || n == 0 {
		return Score{}
	}
	hits := 0
	for _, r := range reference {
		union := map[int]bool{}
		for _, c := range summary {
			for _, i := range lcsIndices(r, c) {
				union[i] = true
			}
		}
		for i := range r {
			if !union[i] {
				continue
			}
			t := r[i]
			if cntC[t] > 0 && cntR[t] > 0 {
				hits++
				cntC[t]--
				cntR[t]--
			}
		}
	}
	p := float64(hits) / float64(n)
	rc := float64(hits) / float64(m)
	return Score{P: p, R: rc, F: fmeasure(p, rc)}
}
