package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
)

// SearchResult is the outcome of a retrieval evaluation: the headline
// configuration's scores at the top level (ndcg_at_10, map: docmill's
// default, TF-IDF, with enrichment when a system was given) and every
// configuration in Runs.
type SearchResult struct {
	Task   string `json:"task"`
	System string `json:"system"`
	Config string `json:"config"`
	SearchReport
	Docs int                     `json:"docs"`
	Runs map[string]SearchReport `json:"runs"`
	// HeadlineMinus is the headline configuration's nDCG@10 minus each
	// other run's, with a 95% paired-bootstrap interval over queries.
	HeadlineMinus map[string]*Difference `json:"headline_minus"`
}

// searchDepth is how many hits each query retrieves for MAP (the index's
// page limit).
const searchDepth = 200

// EvalSearch indexes the corpus of set in fresh Bleve indexes under dir
// and runs every query against them: BM25 and TF-IDF scoring, each without
// and (when sys can extract keywords or summarise) with docmill's
// enrichment fields, so the table shows what scoring and enrichment add,
// and BM25 with Bleve's own average lengths (index.Options.BleveLengths),
// which docmill searched with before it kept the true ones.
// Queries are reduced to their words (query-string operators stripped) so a
// natural-language query cannot be misread as syntax.
func EvalSearch(ctx context.Context, set *IRSet, sys *System, dir string, opt Options) (*SearchResult, error) {
	corpus := limit(set.Corpus, opt.Limit)
	results, err := enrichCorpus(ctx, corpus, sys, opt)
	if err != nil {
		return nil, err
	}
	type config struct {
		name string
		opts index.Options
	}
	configs := []config{
		{"bm25", index.Options{Scoring: index.ScoringBM25, NoEnrichment: true}},
		{"tfidf", index.Options{Scoring: index.ScoringTFIDF, NoEnrichment: true}},
		{"bm25-bleve-lengths", index.Options{Scoring: index.ScoringBM25, NoEnrichment: true, BleveLengths: true}},
	}
	headline := "tfidf"
	name := "none"
	if sys != nil && (sys.Keywords != nil || sys.Summarize != nil) {
		name = sys.Name
		configs = append(configs,
			config{"bm25+enrichment", index.Options{Scoring: index.ScoringBM25}},
			config{"tfidf+enrichment", index.Options{Scoring: index.ScoringTFIDF}})
		headline = "tfidf+enrichment"
	}
	res := &SearchResult{Task: "search", System: name, Config: headline, Docs: len(corpus),
		Runs: map[string]SearchReport{}, HeadlineMinus: map[string]*Difference{}}
	perQuery := map[string][]float64{}
	for _, c := range configs {
		run, err := searchRun(ctx, filepath.Join(dir, strings.ReplaceAll(c.name, "+", "_")), c.opts, results, set.Queries, opt, c.name)
		if err != nil {
			return nil, err
		}
		res.Runs[c.name] = ScoreRun(run, set.Qrels)
		perQuery[c.name] = queryNDCGs(run, set.Qrels)
	}
	res.SearchReport = res.Runs[headline]
	for name, scores := range perQuery {
		if name != headline {
			res.HeadlineMinus[name] = PairedBootstrap("ndcg_at_10", perQuery[headline], scores)
		}
	}
	return res, nil
}

// enrichCorpus turns corpus documents into index results, adding keywords
// and a summary from sys when it has them.
func enrichCorpus(ctx context.Context, corpus []CorpusDoc, sys *System, opt Options) ([]*document.Result, error) {
	out := make([]*document.Result, len(corpus))
	label := "corpus"
	if sys != nil {
		label = "enrich corpus"
	}
	err := forEach(ctx, len(corpus), opt, label, func(ctx context.Context, i int) error {
		d := corpus[i]
		p := ParseText(d.ID, d.Text)
		r := &document.Result{ID: d.ID, Title: d.Title, Filename: d.Filename, Language: p.Language,
			Text: d.Text, Size: len(d.Text), ContentType: document.TypeText, Source: "eval"}
		if sys != nil && sys.Keywords != nil {
			kw, err := sys.Keywords(ctx, p, 10)
			if err != nil {
				return fmt.Errorf("keywords %s: %w", d.ID, err)
			}
			for _, k := range kw {
				r.Keywords = append(r.Keywords, document.Keyword{Text: k})
			}
		}
		if sys != nil && sys.Summarize != nil {
			s, err := sys.Summarize(ctx, p, 400)
			if err != nil {
				return fmt.Errorf("summary %s: %w", d.ID, err)
			}
			r.Summary = s
		}
		out[i] = r
		return nil
	})
	return out, err
}

// searchRun builds one index and runs the queries against it.
func searchRun(ctx context.Context, dir string, o index.Options, docs []*document.Result, queries []Query, opt Options, label string) (Run, error) {
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("clear index %s: %w", dir, err)
	}
	ix, err := index.Open(dir, o)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", label, err)
	}
	defer ix.Close()
	bar := NewProgress(opt.Progress, len(docs)+len(queries), "index+search "+label)
	defer bar.Done()
	// One batch makes one segment: Bleve's BM25 reads document counts
	// and field lengths per segment, so with several segments a score
	// depends on how the background merges went, and a metric would vary
	// from run to run.
	if err := ix.PutBatch(ctx, docs); err != nil {
		return nil, fmt.Errorf("index %s: %w", label, err)
	}
	bar.Add(len(docs))
	run := Run{}
	for _, q := range queries {
		text := QueryWords(q.Text)
		if text == "" {
			bar.Add(1)
			continue
		}
		r, err := ix.Search(ctx, index.Query{Q: text, Size: searchDepth, Facets: -1, NoHighlight: true})
		if err != nil {
			return nil, fmt.Errorf("search %s %s: %w", label, q.ID, err)
		}
		run[q.ID] = rankedIDs(r.Hits)
		bar.Add(1)
	}
	return run, nil
}

// rankedIDs orders hits by score, equal scores by id. Bleve returns equal
// scores in an order that depends on how its segments were merged, which
// varies from run to run; a metric must not.
func rankedIDs(hits []index.Hit) []string {
	sorted := append([]index.Hit(nil), hits...)
	sort.SliceStable(sorted, func(a, b int) bool {
		if sorted[a].Score != sorted[b].Score {
			return sorted[a].Score > sorted[b].Score
		}
		return sorted[a].ID < sorted[b].ID
	})
	ids := make([]string, len(sorted))
	for i, h := range sorted {
		ids[i] = h.ID
	}
	return ids
}

// QueryWords reduces a natural-language query to its words separated by
// spaces: every character that is not a letter or digit becomes a space,
// so "technology/goods/services" or "non-compete:" cannot be read as query
// syntax (regexps, field names, exclusions).
func QueryWords(q string) string {
	return strings.Join(strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// SortedRuns returns the run names of a search result in a stable order.
func (r *SearchResult) SortedRuns() []string {
	names := make([]string, 0, len(r.Runs))
	for n := range r.Runs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
