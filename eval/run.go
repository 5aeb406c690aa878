package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
	"github.com/docmill/docmill/stages/parse"
)

// System is the analysis under evaluation, one function per task. A nil
// function means the system cannot do that task.
type System struct {
	// Name says which tier this is ("free", "model") in reports.
	Name string
	// Keywords returns up to k key phrases, best first.
	Keywords func(ctx context.Context, doc *document.Parsed, k int) ([]string, error)
	// Summarize returns a summary of at most maxChars characters.
	Summarize func(ctx context.Context, doc *document.Parsed, maxChars int) (string, error)
	// Classify returns the document's label.
	Classify func(ctx context.Context, doc *document.Parsed) (string, error)
}

// Options control an evaluation run.
type Options struct {
	// Progress receives the progress bar (stderr); nil is silent.
	Progress io.Writer
	// Predictions, when not nil, receives one JSON line per document with
	// what the system predicted.
	Predictions io.Writer
	// Limit evaluates only the first Limit documents when > 0.
	Limit int
	// Chars is the summary budget in characters; 0 means the length of
	// each document's reference summary (DefaultChars when it has none).
	Chars int
	// Baselines adds LEAD and TextRank (summary) and TF-IDF (keywords).
	Baselines bool
	// Workers bounds concurrent documents; 0 means GOMAXPROCS.
	Workers int
	// KeywordBaselines are further per-document keyword baselines scored
	// with opt.Baselines, by name (e.g. the extractor package's own TF-IDF).
	KeywordBaselines map[string]func(doc *document.Parsed, k int) []string
}

// DefaultChars is the summary budget when neither --chars nor a reference
// length gives one.
const DefaultChars = 2000

// ParseText makes the parsed document the analysers expect from plain
// text: detected language and sentences split by package lang.
//
// Content that the parse stage recognises as a log is typed as one (and,
// as the parser does for logs, gets no sentences), so the analysers see a
// log text as they would in the pipeline.
func ParseText(id, text string) *document.Parsed {
	l := lang.Detect(text)
	if parse.Sniff(id+".txt", []byte(text)) == document.TypeLog {
		return &document.Parsed{ID: id, Text: text, Language: l, ContentType: document.TypeLog, Size: len(text)}
	}
	return &document.Parsed{
		ID:          id,
		Text:        text,
		Language:    l,
		Sentences:   lang.Sentences(text, l),
		ContentType: document.TypeText,
		Size:        len(text),
	}
}

func limit[T any](docs []T, n int) []T {
	if n > 0 && n < len(docs) {
		return docs[:n]
	}
	return docs
}

// forEach runs fn on indexes 0..n-1 with bounded concurrency, advancing the
// progress bar, and returns the first error.
func forEach(ctx context.Context, n int, opt Options, label string, fn func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	bar := NewProgress(opt.Progress, n, label)
	defer bar.Done()
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(ctx, i); err != nil {
					once.Do(func() { firstErr = err; cancel() })
					continue
				}
				bar.Add(1)
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// writePredictions writes rows as JSON lines.
func writePredictions[T any](w io.Writer, rows []T) error {
	if w == nil {
		return nil
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write predictions: %w", err)
		}
	}
	return nil
}

// KeywordsResult is the outcome of a keyword evaluation: the system's
// scores at the top level (f1_at_5, f1_at_10, docs, ...) and the baselines.
type KeywordsResult struct {
	Task   string `json:"task"`
	System string `json:"system"`
	KeywordReport
	Baselines map[string]KeywordReport `json:"baselines,omitempty"`
}

// EvalKeywords extracts 10 key phrases per document with sys and scores
// them under the keyphrase protocol (ScoreKeywords); with opt.Baselines the
// TF-IDF baseline (TFIDFKeywords, "tfidf") and opt.KeywordBaselines are
// scored the same way.
func EvalKeywords(ctx context.Context, docs []KeywordDoc, sys System, opt Options) (*KeywordsResult, error) {
	if sys.Keywords == nil {
		return nil, fmt.Errorf("tier %s has no keyword extraction", sys.Name)
	}
	docs = limit(docs, opt.Limit)
	preds := make([][]string, len(docs))
	extra := map[string][][]string{}
	if opt.Baselines {
		for name := range opt.KeywordBaselines {
			extra[name] = make([][]string, len(docs))
		}
	}
	err := forEach(ctx, len(docs), opt, "keywords", func(ctx context.Context, i int) error {
		p := ParseText(docs[i].ID, docs[i].Document())
		kw, err := sys.Keywords(ctx, p, 10)
		if err != nil {
			return fmt.Errorf("keywords %s: %w", docs[i].ID, err)
		}
		preds[i] = kw
		for name, rows := range extra {
			rows[i] = opt.KeywordBaselines[name](p, 10)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	res := &KeywordsResult{Task: "keywords", System: sys.Name, KeywordReport: ScoreKeywords(docs, byID(docs, preds))}
	if opt.Baselines {
		texts := make([]string, len(docs))
		for i, d := range docs {
			texts[i] = d.Document()
		}
		bar := NewProgress(opt.Progress, len(docs), "tf-idf baseline")
		base := TFIDFKeywords(texts, 10, bar)
		bar.Done()
		res.Baselines = map[string]KeywordReport{"tfidf": ScoreKeywords(docs, byID(docs, base))}
		for name, rows := range extra {
			res.Baselines[name] = ScoreKeywords(docs, byID(docs, rows))
		}
	}
	rows := make([]KeywordPrediction, len(docs))
	for i, d := range docs {
		rows[i] = KeywordPrediction{ID: d.ID, Keywords: preds[i]}
	}
	return res, writePredictions(opt.Predictions, rows)
}

func byID(docs []KeywordDoc, preds [][]string) map[string][]string {
	m := make(map[string][]string, len(docs))
	for i, d := range docs {
		m[d.ID] = preds[i]
	}
	return m
}

// SummaryDoc is one document of a summarisation set: {"id","text","summary"}
// (the native pairs.jsonl of legal_plain_english_summaries has these
// fields too).
type SummaryDoc struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Summary string `json:"summary"`
}

// SummaryReport holds mean ROUGE F-measures (stemmed, see RougeTokens):
// ROUGE-L is the sentence-level LCS over the whole texts, ROUGE-Lsum the
// summary-level union LCS over sentences split by package lang.
type SummaryReport struct {
	Rouge1    float64 `json:"rouge1"`
	Rouge2    float64 `json:"rouge2"`
	RougeL    float64 `json:"rougeL"`
	RougeLsum float64 `json:"rougeLsum"`
	MeanChars float64 `json:"mean_chars"`
	Docs      int     `json:"docs"`
	// VsOurs, on a baseline: docmill's ROUGE-1 minus this baseline's, with
	// a 95% paired-bootstrap interval over the documents.
	VsOurs *Difference `json:"ours_minus_this,omitempty"`
}

// SummaryResult is the outcome of a summary evaluation: the system's scores
// at the top level (rouge1, rouge2, rougeL, docs) and the baselines.
type SummaryResult struct {
	Task   string `json:"task"`
	System string `json:"system"`
	Budget string `json:"budget"`
	SummaryReport
	Baselines map[string]SummaryReport `json:"baselines,omitempty"`
}

// SummaryPrediction is one line of a summary predictions file.
type SummaryPrediction struct {
	ID      string `json:"id"`
	Summary string `json:"summary"`
	// Rank is, in the retrieval protocol, where the summary as a query
	// found its own document (1 is first; 0 not found).
	Rank int `json:"rank,omitempty"`
	// ROUGE1 is, in the ROUGE protocol, the summary's ROUGE-1 F; Lead and
	// LeadROUGE1 the LEAD baseline's summary and score: where docmill loses
	// to the opening is where to look.
	ROUGE1     float64 `json:"rouge1,omitempty"`
	Lead       string  `json:"lead,omitempty"`
	LeadROUGE1 float64 `json:"lead_rouge1,omitempty"`
	// LeadRank and TextRankRank are, in the retrieval protocol, the
	// baselines' ranks of the document, beside their summaries.
	LeadRank     int    `json:"lead_rank,omitempty"`
	TextRank     string `json:"textrank,omitempty"`
	TextRankRank int    `json:"textrank_rank,omitempty"`
	// TextRankROUGE1 is, in the ROUGE protocol, the TextRank baseline's
	// score beside its summary in TextRank.
	TextRankROUGE1 float64 `json:"textrank_rouge1,omitempty"`
}

// last is a slice's last element.
func last(v []float64) float64 { return v[len(v)-1] }

// summaryAcc accumulates ROUGE over documents.
type summaryAcc struct {
	r  SummaryReport
	r1 []float64 // per document ROUGE-1 F, for the paired bootstrap
}

func (a *summaryAcc) add(summary, reference, language string) {
	opt := RougeOptions{Stem: true}
	s := Rouge(summary, reference, opt)
	a.r1 = append(a.r1, s.Rouge1.F)
	a.r.Rouge1 += s.Rouge1.F
	a.r.Rouge2 += s.Rouge2.F
	a.r.RougeL += s.RougeL.F
	a.r.RougeLsum += RougeLsum(sentenceTokens(summary, language, opt), sentenceTokens(reference, language, opt)).F
	a.r.MeanChars += float64(utf8.RuneCountInString(summary))
	a.r.Docs++
}

func (a *summaryAcc) report() SummaryReport {
	r := a.r
	if n := float64(r.Docs); n > 0 {
		r.Rouge1 /= n
		r.Rouge2 /= n
		r.RougeL /= n
		r.RougeLsum /= n
		r.MeanChars /= n
	}
	return r
}

// against is a baseline's report with docmill's difference to it.
func (a *summaryAcc) against(ours *summaryAcc) SummaryReport {
	r := a.report()
	r.VsOurs = PairedBootstrap("rouge1", ours.r1, a.r1)
	return r
}

// bestByRouge1 is the candidate with the highest ROUGE-1 F against the
// reference (the first of equals).
func bestByRouge1(cands []string, reference string) string {
	best, bestF := "", -1.0
	for _, c := range cands {
		if f := Rouge(c, reference, RougeOptions{Stem: true}).Rouge1.F; f > bestF {
			best, bestF = c, f
		}
	}
	return best
}

func sentenceTokens(text, language string, opt RougeOptions) [][]string {
	var out [][]string
	for _, s := range lang.Sentences(text, language) {
		out = append(out, RougeTokens(s, opt))
	}
	return out
}

// budgetFor is the summary budget of one document.
func budgetFor(d SummaryDoc, chars int) int {
	if chars > 0 {
		return chars
	}
	if n := utf8.RuneCountInString(d.Summary); n > 0 {
		return n
	}
	return DefaultChars
}

// EvalSummary summarises every document with sys under its budget and
// scores ROUGE against the reference; with opt.Baselines LEAD and TextRank
// run under the same budgets. Every output is cut to the budget (Budget),
// so no system gains from running long.
func EvalSummary(ctx context.Context, docs []SummaryDoc, sys System, opt Options) (*SummaryResult, error) {
	if sys.Summarize == nil {
		return nil, fmt.Errorf("tier %s has no summariser", sys.Name)
	}
	docs = limit(docs, opt.Limit)
	type out struct{ ours, lead, textrank, oracle, language string }
	outs := make([]out, len(docs))
	err := forEach(ctx, len(docs), opt, "summary", func(ctx context.Context, i int) error {
		d := docs[i]
		p := ParseText(d.ID, d.Text)
		n := budgetFor(d, opt.Chars)
		s, err := sys.Summarize(ctx, p, n)
		if err != nil {
			return fmt.Errorf("summary %s: %w", d.ID, err)
		}
		o := out{ours: Budget(s, n), language: p.Language}
		if opt.Baselines {
			o.lead = Lead(d.Text, n)
			o.textrank = TextRank(baselineSentences(p), p.Language, n)
			o.oracle = bestByRouge1(Passages(baselineSentences(p), n), d.Summary)
		}
		outs[i] = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	var ours, lead, tr, oracle summaryAcc
	rows := make([]SummaryPrediction, len(docs))
	for i, d := range docs {
		o := outs[i]
		ours.add(o.ours, d.Summary, o.language)
		if opt.Baselines {
			lead.add(o.lead, d.Summary, o.language)
			tr.add(o.textrank, d.Summary, o.language)
			oracle.add(o.oracle, d.Summary, o.language)
		}
		rows[i] = SummaryPrediction{ID: d.ID, Summary: o.ours, ROUGE1: last(ours.r1)}
		if opt.Baselines {
			rows[i].Lead, rows[i].LeadROUGE1 = o.lead, last(lead.r1)
			rows[i].TextRank, rows[i].TextRankROUGE1 = o.textrank, last(tr.r1)
		}
	}
	budget := "reference length"
	if opt.Chars > 0 {
		budget = fmt.Sprintf("%d chars", opt.Chars)
	}
	res := &SummaryResult{Task: "summary", System: sys.Name, Budget: budget, SummaryReport: ours.report()}
	if opt.Baselines {
		res.Baselines = map[string]SummaryReport{"lead": lead.against(&ours), "textrank": tr.against(&ours),
			OraclePassage: oracle.against(&ours)}
	}
	return res, writePredictions(opt.Predictions, rows)
}

// ClassifyResult is the outcome of a classification evaluation.
type ClassifyResult struct {
	Task   string `json:"task"`
	System string `json:"system"`
	ClassReport
}

// LabelPrediction is one line of a label predictions file.
type LabelPrediction struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// EvalClassify labels every document with sys and scores the labels. load
// turns a document into parsed text (ClassDoc.Text, or the file at
// ClassDoc.Path parsed by the caller's parser).
func EvalClassify(ctx context.Context, docs []ClassDoc, sys System, load func(context.Context, ClassDoc) (*document.Parsed, error), opt Options) (*ClassifyResult, error) {
	if sys.Classify == nil {
		return nil, fmt.Errorf("tier %s has no classifier", sys.Name)
	}
	docs = limit(docs, opt.Limit)
	pred := make([]string, len(docs))
	err := forEach(ctx, len(docs), opt, "classify", func(ctx context.Context, i int) error {
		p, err := load(ctx, docs[i])
		if err != nil {
			return fmt.Errorf("load %s: %w", docs[i].ID, err)
		}
		label, err := sys.Classify(ctx, p)
		if err != nil {
			return fmt.Errorf("classify %s: %w", docs[i].ID, err)
		}
		pred[i] = label
		return nil
	})
	if err != nil {
		return nil, err
	}
	gold := make([]string, len(docs))
	rows := make([]LabelPrediction, len(docs))
	for i, d := range docs {
		gold[i] = d.Label
		rows[i] = LabelPrediction{ID: d.ID, Label: pred[i]}
	}
	res := &ClassifyResult{Task: "classify", System: sys.Name, ClassReport: ScoreClassification(gold, pred)}
	return res, writePredictions(opt.Predictions, rows)
}

// LoadClassDoc is the loader for ClassDocs with inline text.
func LoadClassDoc(_ context.Context, d ClassDoc) (*document.Parsed, error) {
	if d.Text == "" && d.Path != "" {
		return nil, fmt.Errorf("document %s names a file (%s) but no parser was given", d.ID, d.Path)
	}
	return ParseText(d.ID, d.Text), nil
}

// baselineSentences are the sentences TextRank ranks: package lang's split,
// except for text without a single capital letter (legal_plain_english_
// summaries is lower-cased by its authors), where lang, which needs a
// capital after the full stop, sees one long sentence and TextRank would
// collapse into LEAD. There any . ! ? followed by a space ends a sentence.
func baselineSentences(p *document.Parsed) []string {
	if len(p.Sentences) > 1 || p.Language == lang.Chinese || strings.IndexFunc(p.Text, unicode.IsUpper) >= 0 {
		return p.Sentences
	}
	var out []string
	start := 0
	t := p.Text
	for i := 0; i+1 < len(t); i++ {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') && (t[i+1] == ' ' || t[i+1] == '\n') {
			if s := strings.TrimSpace(t[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(t[start:]); s != "" {
		out = append(out, s)
	}
	return out
}
