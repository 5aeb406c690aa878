package eval

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/enrich/summarize"
	"github.com/docmill/docmill/lang"
)

// The baselines live here, not in the summariser or the keyword extractor,
// so that the system under test never defines the bar it is measured by.

// Budget cuts s to at most maxChars characters (runes), at the last word
// boundary that fits when there is one, so every system is held to the
// same length. maxChars <= 0 means no limit. A closing summarize.CutMark,
// which says the text was cut and carries no word ROUGE or a search would
// count, goes first: the budget counts the text.
func Budget(s string, maxChars int) string {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), summarize.CutMark))
	if maxChars <= 0 || utf8.RuneCountInString(s) <= maxChars {
		return s
	}
	cut, n := len(s), 0
	for i := range s {
		if n == maxChars {
			cut = i
			break
		}
		n++
	}
	head := s[:cut]
	// A CJK text has no spaces: cutting between characters is a boundary.
	if r, _ := utf8.DecodeRuneInString(s[cut:]); !unicode.IsSpace(r) && !isCJK(r) {
		if sp := strings.LastIndexFunc(head, unicode.IsSpace); sp > 0 {
			head = head[:sp]
		}
	}
	return strings.TrimSpace(head)
}

// OraclePassage names the extractive upper bound reported beside the
// baselines: per document, the best of the passages that start at a
// sentence and run to the budget (Passages), chosen with the reference
// (ROUGE-1) or, in the retrieval protocol, with the rank of the source.
// It reads the answer, so it is no competitor: it shows how far any
// passage extractor, docmill's included, could go on the data.
const OraclePassage = "oracle_passage"

// Passages are the candidate summaries of OraclePassage: the text from
// each sentence on, cut to the budget.
func Passages(sentences []string, maxChars int) []string {
	out := make([]string, len(sentences))
	for i := range sentences {
		out[i] = Budget(strings.Join(sentences[i:], " "), maxChars)
	}
	return out
}

// Lead is the LEAD baseline: the document's opening, cut to the budget.
func Lead(text string, maxChars int) string {
	return Budget(strings.Join(strings.Fields(text), " "), maxChars)
}

// TextRank is the TextRank baseline of Mihalcea and Tarau (2004) for
// sentence extraction: sentences are nodes, edges weigh the word overlap
// |Si ∩ Sj| / (log|Si| + log|Sj|) (stemmed words for English, gse words for
// Chinese), PageRank with damping 0.85 ranks them, and the best sentences
// that fit the budget are returned in document order. When even the best
// sentence is longer than the budget it is cut to it.
func TextRank(sentences []string, language string, maxChars int) string {
	if len(sentences) == 0 {
		return ""
	}
	bags := make([]map[string]bool, len(sentences))
	for i, s := range sentences {
		bags[i] = wordSet(s, language)
	}
	rank := pageRank(similarity(bags), 0.85, 50)
	order := make([]int, len(sentences))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rank[order[a]] > rank[order[b]] })
	return pickInBudget(sentences, order, language, maxChars)
}

// pickInBudget takes sentences in the given preference order while they fit
// and returns them in document order.
func pickInBudget(sentences []string, order []int, language string, maxChars int) string {
	sep := " "
	if language == lang.Chinese {
		sep = ""
	}
	var chosen []int
	used := 0
	for _, i := range order {
		n := utf8.RuneCountInString(sentences[i])
		if len(chosen) > 0 {
			n += len(sep)
		}
		if maxChars > 0 && used+n > maxChars {
			continue
		}
		chosen = append(chosen, i)
		used += n
	}
	if len(chosen) == 0 {
		return Budget(sentences[order[0]], maxChars)
	}
	sort.Ints(chosen)
	parts := make([]string, len(chosen))
	for k, i := range chosen {
		parts[k] = sentences[i]
	}
	return strings.Join(parts, sep)
}

// wordSet is the set of normalised content words of a sentence.
func wordSet(s, language string) map[string]bool {
	m := map[string]bool{}
	for _, t := range lang.Words(s, language) {
		w := strings.ToLower(t.Text)
		if stopword(w) {
			continue
		}
		if language != lang.Chinese {
			w = Stem(w)
		}
		m[w] = true
	}
	return m
}

func similarity(bags []map[string]bool) [][]float64 {
	n := len(bags)
	w := make([][]float64, n)
	for i := range w {
		w[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if len(bags[i]) < 2 && len(bags[j]) < 2 {
				continue // log 1 + log 1 = 0: no defined weight
			}
			common := 0
			for t := range bags[i] {
				if bags[j][t] {
					common++
				}
			}
			if common == 0 {
				continue
			}
			den := math.Log(float64(len(bags[i]))) + math.Log(float64(len(bags[j])))
			w[i][j] = float64(common) / den
			w[j][i] = w[i][j]
		}
	}
	return w
}

// pageRank runs weighted PageRank for iters rounds.
func pageRank(w [][]float64, d float64, iters int) []float64 {
	n := len(w)
	out := make([]float64, n)
	for i := range w {
		for _, x := range w[i] {
			out[i] += x
		}
	}
	r := make([]float64, n)
	for i := range r {
		r[i] = 1
	}
	next := make([]float64, n)
	for it := 0; it < iters; it++ {
		for i := 0; i < n; i++ {
			var s float64
			for j := 0; j < n; j++ {
				if w[j][i] > 0 && out[j] > 0 {
					s += w[j][i] / out[j] * r[j]
				}
			}
			next[i] = 1 - d + d*s
		}
		r, next = next, r
	}
	return r
}

// englishStop is a short function-word list (the SMART list's most frequent
// entries) for candidate boundaries and TextRank overlap.
var englishStop = setOfWords(`a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how i if in into
is it its itself just may me might more most must my myself no nor not now of off on once only or
other our ours ourselves out over own same shall she should so some such than that the their theirs
them themselves then there these they this those through to too under until up upon very was we
were what when where which while who whom why will with within without would you your yours
yourself yourselves however thus hence therefore via per one two three using used based new`)

// chineseStop are frequent function words gse returns as words of their own.
var chineseStop = setOfWords(`的 了 和 与 及 或 在 是 为 对 以 于 中 上 下 等 并 将 由 从 把 被 其 之 而 也 就 都 又 这 那 该 此 各 每 一种 一个 通过 进行 采用 利用 基于 研究 方法 结果 表明 提出 本文 我们 可以 具有 不同 分析 问题`)

func setOfWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func stopword(w string) bool {
	if englishStop[w] || chineseStop[w] {
		return true
	}
	// Pure numbers and single Latin letters carry no topic.
	allDigits := true
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' {
			allDigits = false
			break
		}
	}
	return allDigits || (len(w) == 1 && w[0] < utf8.RuneSelf)
}

// TFIDFKeywords is the TF-IDF keyphrase baseline (as in pke's TfIdf):
// candidates are runs of 1 to 3 words inside a sentence that neither start
// nor end with a stopword (English), or 1 to 2 gse words of which neither is
// a stopword or a single character (Chinese); a candidate scores its
// frequency in the document times log(N / df), with document frequencies
// counted over the collection being evaluated (texts). It returns the top
// k phrases of every text, in the order of texts.
func TFIDFKeywords(texts []string, k int, progress *Progress) [][]string {
	cands := make([]map[string]int, len(texts))
	df := map[string]int{}
	for i, t := range texts {
		cands[i] = candidates(t)
		for c := range cands[i] {
			df[c]++
		}
		progress.Add(1)
	}
	n := float64(len(texts))
	out := make([][]string, len(texts))
	for i, m := range cands {
		type scored struct {
			p string
			s float64
		}
		list := make([]scored, 0, len(m))
		for p, tf := range m {
			list = append(list, scored{p, float64(tf) * math.Log(n/float64(df[p]))})
		}
		sort.Slice(list, func(a, b int) bool {
			if list[a].s != list[b].s {
				return list[a].s > list[b].s
			}
			return list[a].p < list[b].p
		})
		for j := 0; j < len(list) && j < k; j++ {
			out[i] = append(out[i], list[j].p)
		}
	}
	return out
}

// candidates counts the candidate phrases of text (surface form, lower-
// cased) for TFIDFKeywords.
func candidates(text string) map[string]int {
	language := lang.Detect(text)
	zh := language == lang.Chinese
	maxN, sep := 3, " "
	if zh {
		maxN, sep = 2, ""
	}
	m := map[string]int{}
	for _, s := range lang.Sentences(text, language) {
		toks := lang.Words(s, language)
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = strings.ToLower(t.Text)
		}
		for i := range words {
			for n := 1; n <= maxN && i+n <= len(words); n++ {
				if !okCandidate(words[i:i+n], zh) {
					continue
				}
				m[strings.Join(words[i:i+n], sep)]++
			}
		}
	}
	return m
}

func okCandidate(ws []string, zh bool) bool {
	if zh {
		for _, w := range ws {
			if stopword(w) || utf8.RuneCountInString(w) < 2 {
				return false
			}
		}
		return true
	}
	return !stopword(ws[0]) && !stopword(ws[len(ws)-1])
}
