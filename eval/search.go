package eval

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Qrels are relevance judgements: query id -> document id -> grade (> 0 is
// relevant).
type Qrels map[string]map[string]int

// Run is a retrieval run: query id -> document ids, best first.
type Run map[string][]string

// Query is one line of an ir/queries.jsonl file.
type Query struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// CorpusDoc is one line of a corpus JSONL ({"id","text"}; extra fields such
// as CUAD's filename or contract_type are ignored).
type CorpusDoc struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Title    string `json:"title,omitempty"`
	Filename string `json:"filename,omitempty"`
}

// SearchReport holds retrieval scores averaged over the judged queries.
type SearchReport struct {
	NDCG10  float64 `json:"ndcg_at_10"`
	MAP     float64 `json:"map"`
	Queries int     `json:"queries"`
}

// ReadQrels reads TREC qrels ("qid iter docid grade", whitespace separated).
func ReadQrels(path string) (Qrels, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open qrels %s: %w", path, err)
	}
	defer f.Close()
	q := Qrels{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 4 {
			return nil, fmt.Errorf("qrels %s line %d: want 4 fields, got %d", path, line, len(fs))
		}
		g, err := strconv.Atoi(fs[3])
		if err != nil {
			return nil, fmt.Errorf("qrels %s line %d: grade: %w", path, line, err)
		}
		if q[fs[0]] == nil {
			q[fs[0]] = map[string]int{}
		}
		q[fs[0]][fs[2]] = g
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read qrels %s: %w", path, err)
	}
	return q, nil
}

// NDCG is nDCG at cut-off k with trec_eval's linear gain: DCG = sum of
// grade / log2(rank+1) over the top k, divided by the DCG of the ideal
// ordering of all judged documents. Zero when nothing is relevant.
func NDCG(ranked []string, judged map[string]int, k int) float64 {
	var dcg float64
	for i, id := range ranked {
		if i >= k {
			break
		}
		if g := judged[id]; g > 0 {
			dcg += float64(g) / math.Log2(float64(i+2))
		}
	}
	grades := make([]int, 0, len(judged))
	for _, g := range judged {
		if g > 0 {
			grades = append(grades, g)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(grades)))
	var idcg float64
	for i, g := range grades {
		if i >= k {
			break
		}
		idcg += float64(g) / math.Log2(float64(i+2))
	}
	if idcg == 0 {
		return 0
	}
	return dcg / idcg
}

// AveragePrecision is the mean of the precision at the rank of each relevant
// document retrieved, over all relevant documents (relevant documents not
// retrieved count as precision 0). Repeated ids count once.
func AveragePrecision(ranked []string, judged map[string]int) float64 {
	rel := 0
	for _, g := range judged {
		if g > 0 {
			rel++
		}
	}
	if rel == 0 {
		return 0
	}
	seen := map[string]bool{}
	hits, rank := 0, 0
	var sum float64
	for _, id := range ranked {
		if seen[id] {
			continue
		}
		seen[id] = true
		rank++
		if judged[id] > 0 {
			hits++
			sum += float64(hits) / float64(rank)
		}
	}
	return sum / float64(rel)
}

// ScoreRun averages nDCG@10 and AP over every query with at least one
// relevant document in qrels; a query missing from the run scores 0 (as
// trec_eval -c does), so an incomplete run cannot look better.
func ScoreRun(run Run, qrels Qrels) SearchReport {
	var rep SearchReport
	for qid, judged := range qrels {
		if !anyRelevant(judged) {
			continue
		}
		rep.Queries++
		rep.NDCG10 += NDCG(run[qid], judged, 10)
		rep.MAP += AveragePrecision(run[qid], judged)
	}
	if rep.Queries > 0 {
		rep.NDCG10 /= float64(rep.Queries)
		rep.MAP /= float64(rep.Queries)
	}
	return rep
}

// queryNDCGs is nDCG@10 per query that ScoreRun averages, in query id
// order, for paired comparisons of runs.
func queryNDCGs(run Run, qrels Qrels) []float64 {
	ids := make([]string, 0, len(qrels))
	for qid, judged := range qrels {
		if anyRelevant(judged) {
			ids = append(ids, qid)
		}
	}
	sort.Strings(ids)
	out := make([]float64, len(ids))
	for i, qid := range ids {
		out[i] = NDCG(run[qid], qrels[qid], 10)
	}
	return out
}

func anyRelevant(judged map[string]int) bool {
	for _, g := range judged {
		if g > 0 {
			return true
		}
	}
	return false
}

// IRSet is a retrieval test read from disk: corpus, queries and qrels.
type IRSet struct {
	Corpus  []CorpusDoc
	Queries []Query
	Qrels   Qrels
}

// KeepQueries keeps the queries, and their judgements, whose id keep
// accepts.
func (s *IRSet) KeepQueries(keep func(id string) bool) {
	var qs []Query
	for _, q := range s.Queries {
		if keep(q.ID) {
			qs = append(qs, q)
		}
	}
	s.Queries = qs
	for id := range s.Qrels {
		if !keep(id) {
			delete(s.Qrels, id)
		}
	}
}

// MixCorpus adds docs to the set's corpus as documents no query is judged
// on, so that the set is searched in a mixed index. A document whose id
// the corpus has already is added under "mix:" and its id.
func (s *IRSet) MixCorpus(docs []CorpusDoc) {
	have := make(map[string]bool, len(s.Corpus))
	for _, d := range s.Corpus {
		have[d.ID] = true
	}
	for _, d := range docs {
		for have[d.ID] {
			d.ID = "mix:" + d.ID
		}
		have[d.ID] = true
		s.Corpus = append(s.Corpus, d)
	}
}

// LoadIRSet reads a retrieval test. dir is an ir/ folder holding
// queries.jsonl and qrels.tsv; the corpus is dir/corpus.jsonl when present,
// otherwise ../contracts.jsonl (the CUAD layout, where the corpus is the
// collection itself).
func LoadIRSet(dir string) (*IRSet, error) {
	corpus := filepath.Join(dir, "corpus.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		corpus = filepath.Join(dir, "..", "contracts.jsonl")
	}
	docs, err := ReadJSONL[CorpusDoc](corpus)
	if err != nil {
		return nil, fmt.Errorf("ir corpus: %w", err)
	}
	qs, err := ReadJSONL[Query](filepath.Join(dir, "queries.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("ir queries: %w", err)
	}
	qrels, err := ReadQrels(filepath.Join(dir, "qrels.tsv"))
	if err != nil {
		return nil, err
	}
	return &IRSet{Corpus: docs, Queries: qs, Qrels: qrels}, nil
}
