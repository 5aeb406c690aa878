// Package eval measures docmill's enrichments against reference data:
// keyphrase precision/recall/F1, ROUGE for summaries, accuracy and macro-F1
// for classification, nDCG and MAP for search, and log template grouping
// accuracy. Every metric is plain logic over predictions and gold data, so
// the docmill eval command and the tests share it.
//
// Protocols, fixed so that figures are comparable:
//   - Keywords: lower-case, split on non-alphanumerics, Porter stems (NLTK's
//     default variant), exact match, duplicates removed on both sides, all
//     gold keys, P/R/F1 at 5 and 10 per document, then the mean. It
//     reproduces the reference YAKE figures of keyphrase_en to four decimals.
//   - Summaries: ROUGE F-measure with rouge-score's tokenisation and
//     stemming (CJK characters as tokens); ROUGE-L is the LCS over the whole
//     texts (rouge-score's "rougeL"), ROUGE-Lsum the summary-level union LCS.
//     Every system, LEAD and TextRank included, is cut to the same budget.
//     Without references, the retrieval protocol asks each summary to find
//     its own document.
//   - Classification: accuracy and macro-F1 over the labels of gold and
//     predictions.
//   - Search: trec_eval's nDCG@10 (linear gain) and MAP, over every query
//     with a relevant document; a query the run lacks scores 0.
package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// KeywordDoc is one document of a keyphrase collection: the JSONL line
// {"id","text","keywords"}, with an optional "title" (csl_zh_keywords keeps
// the title apart; its benchmark input is title and abstract together).
type KeywordDoc struct {
	ID       string   `json:"id"`
	Title    string   `json:"title,omitempty"`
	Text     string   `json:"text"`
	Keywords []string `json:"keywords"`
}

// Document is the text keywords are extracted from: the title, when there
// is one, on its own line before the text.
func (d KeywordDoc) Document() string {
	if d.Title == "" {
		return d.Text
	}
	return d.Title + "\n" + d.Text
}

// KeywordReport holds the mean keyphrase scores over the documents scored.
type KeywordReport struct {
	P5   float64 `json:"p_at_5"`
	R5   float64 `json:"r_at_5"`
	F5   float64 `json:"f1_at_5"`
	P10  float64 `json:"p_at_10"`
	R10  float64 `json:"r_at_10"`
	F10  float64 `json:"f1_at_10"`
	Docs int     `json:"docs"`
}

// NormalizePhrase applies the keyphrase protocol to one phrase: lower-case,
// split on runs of characters that are neither letters nor digits, Porter-
// stem every word (NLTK variant) and join with single spaces. Chinese words
// are not stemmed and are joined without a space. A phrase without words
// normalises to "".
func NormalizePhrase(phrase string) string {
	words := strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var b strings.Builder
	prevCJK := false
	for i, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		last, _ := utf8.DecodeLastRuneInString(w)
		if !isCJK(last) {
			w = Stem(w)
		}
		// Chinese has no spaces between words: "深度 学习" and "深度学习"
		// are the same key.
		if i > 0 && !(prevCJK && isCJK(first)) {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		prevCJK = isCJK(last)
	}
	return b.String()
}

// normalizeAll normalises phrases, dropping empty ones and later duplicates
// while keeping the rank order of the rest.
func normalizeAll(phrases []string) []string {
	seen := make(map[string]bool, len(phrases))
	out := make([]string, 0, len(phrases))
	for _, p := range phrases {
		n := NormalizePhrase(p)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// KeywordPRF scores ranked predictions against gold keyphrases at cut-off k
// under the protocol of NormalizePhrase: both sides normalised and
// de-duplicated, the first k distinct predictions matched exactly against
// all gold keys. Precision divides by the number of distinct predictions
// considered (min(k, distinct predictions)), as the reference scorer does;
// recall by the number of distinct gold keys. A document without gold keys
// or without predictions scores 0.
func KeywordPRF(pred, gold []string, k int) (p, r, f float64) {
	return prf(normalizeAll(pred), normalizeAll(gold), k)
}

func prf(pred, gold []string, k int) (p, r, f float64) {
	if k <= 0 || len(gold) == 0 {
		return 0, 0, 0
	}
	if len(pred) > k {
		pred = pred[:k]
	}
	goldSet := make(map[string]bool, len(gold))
	for _, g := range gold {
		goldSet[g] = true
	}
	hits := 0
	for _, q := range pred {
		if goldSet[q] {
			hits++
		}
	}
	if len(pred) > 0 {
		p = float64(hits) / float64(len(pred))
	}
	r = float64(hits) / float64(len(gold))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// ScoreKeywords scores predictions (document id -> ranked phrases) against
// every document of docs, at 5 and 10, and averages over the documents. A
// document without a prediction counts with zero scores, so a partial run
// cannot look better than a complete one.
func ScoreKeywords(docs []KeywordDoc, preds map[string][]string) KeywordReport {
	var rep KeywordReport
	for _, d := range docs {
		pred := normalizeAll(preds[d.ID])
		gold := normalizeAll(d.Keywords)
		p5, r5, f5 := prf(pred, gold, 5)
		p10, r10, f10 := prf(pred, gold, 10)
		rep.P5 += p5
		rep.R5 += r5
		rep.F5 += f5
		rep.P10 += p10
		rep.R10 += r10
		rep.F10 += f10
	}
	rep.Docs = len(docs)
	if n := float64(len(docs)); n > 0 {
		rep.P5 /= n
		rep.R5 /= n
		rep.F5 /= n
		rep.P10 /= n
		rep.R10 /= n
		rep.F10 /= n
	}
	return rep
}
