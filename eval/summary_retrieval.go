package eval

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
)

// DefaultRetrievalChars is the summary budget of the retrieval protocol
// when none is given: about two sentences of legislation, well under the
// median article (1,214 characters on the EU articles), so a summary must
// choose.
const DefaultRetrievalChars = 300

// RetrievalReport scores summaries by how well each one finds its own
// document among all documents of the collection.
type RetrievalReport struct {
	MRR       float64 `json:"mrr"`
	Hit1      float64 `json:"hit_at_1"`
	Hit10     float64 `json:"hit_at_10"`
	MeanChars float64 `json:"mean_chars"`
	Docs      int     `json:"docs"`
	// Collection is how many documents each summary was searched among.
	Collection int `json:"collection,omitempty"`
	// VsOurs, on a baseline: docmill's MRR minus this baseline's, with a
	// 95% paired-bootstrap interval over the documents.
	VsOurs *Difference `json:"ours_minus_this,omitempty"`
}

// SummaryRetrievalResult is the outcome of the retrieval protocol: the
// system's scores at the top level and LEAD and TextRank beside them.
type SummaryRetrievalResult struct {
	Task     string `json:"task"`
	Protocol string `json:"protocol"`
	System   string `json:"system"`
	Budget   string `json:"budget"`
	RetrievalReport
	Baselines map[string]RetrievalReport `json:"baselines,omitempty"`
}

// EvalSummaryRetrieval is the reference-free summary protocol, for
// collections without reference summaries (the EU articles): every
// document is summarised under the budget by sys, LEAD and TextRank; all
// documents are indexed (BM25, body only) in a fresh index under dir; each
// summary, reduced to its words, is a query, and the rank of its own
// document gives MRR, hit@1 and hit@10. A summary that keeps what is
// specific to its document finds it; one that keeps boilerplate shared by
// many documents ("Member States shall ensure ...") does not. Comparing a
// document's opening with its title, by contrast, is no measure of a
// summary.
func EvalSummaryRetrieval(ctx context.Context, docs []SummaryDoc, sys System, dir string, opt Options) (*SummaryRetrievalResult, error) {
	return EvalSummaryRetrievalIn(ctx, docs, nil, sys, dir, opt)
}

// EvalSummaryRetrievalIn is EvalSummaryRetrieval with the summarised
// documents searched for in a larger collection (the whole data set when
// only one split is summarised); collection may repeat docs and may be nil.
func EvalSummaryRetrievalIn(ctx context.Context, docs, collection []SummaryDoc, sys System, dir string, opt Options) (*SummaryRetrievalResult, error) {
	if sys.Summarize == nil {
		return nil, fmt.Errorf("tier %s has no summariser", sys.Name)
	}
	docs = limit(docs, opt.Limit)
	n := opt.Chars
	if n <= 0 {
		n = DefaultRetrievalChars
	}
	names := []string{"ours"}
	if opt.Baselines {
		names = append(names, "lead", "textrank")
	}
	sums := make([][]string, len(docs)) // per document, per name
	passages := make([][]string, len(docs))
	err := forEach(ctx, len(docs), opt, "summary", func(ctx context.Context, i int) error {
		d := docs[i]
		p := ParseText(d.ID, d.Text)
		s, err := sys.Summarize(ctx, p, n)
		if err != nil {
			return fmt.Errorf("summary %s: %w", d.ID, err)
		}
		sums[i] = []string{Budget(s, n)}
		if opt.Baselines {
			sums[i] = append(sums[i], Lead(d.Text, n), TextRank(baselineSentences(p), p.Language, n))
			passages[i] = Passages(baselineSentences(p), n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	queries := make([][]string, len(docs))
	for i := range docs {
		queries[i] = append(append([]string(nil), sums[i]...), passages[i]...)
	}
	found, err := sourceRanks(ctx, docs, collection, queries, filepath.Join(dir, "summary-retrieval"), opt)
	if err != nil {
		return nil, err
	}
	ranks := make([][]int, len(names))
	for k := range names {
		ranks[k] = make([]int, len(docs))
		for i := range docs {
			ranks[k][i] = found[i][k]
		}
	}
	if opt.Baselines {
		oracle, best := bestRanks(found, passages, len(names))
		names = append(names, OraclePassage)
		ranks = append(ranks, oracle)
		for i := range sums {
			sums[i] = append(sums[i], best[i])
		}
	}
	res := &SummaryRetrievalResult{Task: "summary", Protocol: "retrieval", System: sys.Name,
		Budget: fmt.Sprintf("%d chars", n)}
	size := map[string]bool{}
	for _, d := range append(append([]SummaryDoc(nil), docs...), collection...) {
		size[d.ID] = true
	}
	for k, name := range names {
		rep := retrievalReport(ranks[k], sums, k)
		rep.Collection = len(size)
		if name == "ours" {
			res.RetrievalReport = rep
			continue
		}
		if res.Baselines == nil {
			res.Baselines = map[string]RetrievalReport{}
		}
		rep.VsOurs = PairedBootstrap("mrr", reciprocal(ranks[0]), reciprocal(ranks[k]))
		res.Baselines[name] = rep
	}
	rows := make([]SummaryPrediction, len(docs))
	for i, d := range docs {
		rows[i] = SummaryPrediction{ID: d.ID, Summary: sums[i][0], Rank: ranks[0][i]}
		if opt.Baselines {
			rows[i].Lead, rows[i].LeadRank = sums[i][1], ranks[1][i]
			rows[i].TextRank, rows[i].TextRankRank = sums[i][2], ranks[2][i]
		}
	}
	return res, writePredictions(opt.Predictions, rows)
}

// sourceRanks indexes the documents and returns, per document i and
// query j of queries[i], the 1-based rank of document i for that query
// (0: not in the hits).
func sourceRanks(ctx context.Context, docs, collection []SummaryDoc, queries [][]string, dir string, opt Options) ([][]int, error) {
	var results []*document.Result
	indexed := map[string]bool{}
	for _, d := range append(append([]SummaryDoc(nil), docs...), collection...) {
		if indexed[d.ID] {
			continue
		}
		indexed[d.ID] = true
		p := ParseText(d.ID, d.Text)
		results = append(results, &document.Result{ID: d.ID, Text: d.Text, Language: p.Language, Size: len(d.Text),
			ContentType: document.TypeText, Source: "eval"})
	}
	var qs []Query
	for i, d := range docs {
		for j, q := range queries[i] {
			qs = append(qs, Query{ID: fmt.Sprintf("%d/%s", j, d.ID), Text: q})
		}
	}
	// BM25 as the protocol was defined, with Bleve's own average lengths
	// (see index.Options.BleveLengths).
	o := index.Options{Scoring: index.ScoringBM25, NoEnrichment: true, BleveLengths: true}
	run, err := searchRun(ctx, dir, o, results, qs, opt, "summaries as queries")
	if err != nil {
		return nil, err
	}
	// A document whose text is the source's (the EU acts repeat "Entry into
	// force" articles word for word) is the source as far as a summary
	// can tell: the first of them found counts, whatever order equal
	// scores come back in.
	sameText := map[string]string{}
	for _, d := range append(append([]SummaryDoc(nil), docs...), collection...) {
		sameText[d.ID] = strings.Join(strings.Fields(d.Text), " ")
	}
	ranks := make([][]int, len(docs))
	for i, d := range docs {
		ranks[i] = make([]int, len(queries[i]))
		for j := range queries[i] {
			for r, id := range run[fmt.Sprintf("%d/%s", j, d.ID)] {
				if id == d.ID || sameText[id] == sameText[d.ID] {
					ranks[i][j] = r + 1
					break
				}
			}
		}
	}
	return ranks, nil
}

// bestRanks is the oracle's rank per document: the best rank among the
// candidates found[i][from:], and the candidate that reached it.
func bestRanks(found [][]int, cands [][]string, from int) ([]int, []string) {
	ranks := make([]int, len(found))
	best := make([]string, len(found))
	for i := range found {
		for j, r := range found[i][from:] {
			if r > 0 && (ranks[i] == 0 || r < ranks[i]) {
				ranks[i], best[i] = r, cands[i][j]
			}
		}
	}
	return ranks, best
}

// reciprocal is 1/rank per document (0 when not found).
func reciprocal(ranks []int) []float64 {
	out := make([]float64, len(ranks))
	for i, r := range ranks {
		if r > 0 {
			out[i] = 1 / float64(r)
		}
	}
	return out
}

func retrievalReport(ranks []int, sums [][]string, k int) RetrievalReport {
	var rep RetrievalReport
	for i, r := range ranks {
		if r > 0 {
			rep.MRR += 1 / float64(r)
		}
		if r == 1 {
			rep.Hit1++
		}
		if r > 0 && r <= 10 {
			rep.Hit10++
		}
		rep.MeanChars += float64(utf8.RuneCountInString(sums[i][k]))
	}
	rep.Docs = len(ranks)
	if n := float64(len(ranks)); n > 0 {
		rep.MRR /= n
		rep.Hit1 /= n
		rep.Hit10 /= n
		rep.MeanChars /= n
	}
	return rep
}
