package model

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/enrich/classify"
	"github.com/docmill/docmill/enrich/keywords"
	"github.com/docmill/docmill/enrich/summarize"
	"github.com/docmill/docmill/lang"
	"github.com/docmill/docmill/model/tokenizer"
)

// AnalyzerOptions tune the neural tier's use of the model outputs.
type AnalyzerOptions struct {
	// TopKeywords is the number of key phrases; 10 when zero.
	TopKeywords int
	// KeywordWeight is the share of the model's keyword score in a
	// candidate's final score (the rest is the statistical score);
	// DefaultKeywordWeight when zero, negative for statistics only.
	KeywordWeight float64
	// SummaryChars is the summary budget; summarize.DefaultMaxChars when 0.
	SummaryChars int
	// Abstractive, when set, writes the summary (for example a
	// generate.Generator running a decoder such as Granite); the extractive
	// summary is used when it fails or returns nothing.
	Abstractive Summarizer
}

// maxAnalysisBytes bounds the text the analyzer reads (as the model-free
// tier's bound).
const maxAnalysisBytes = 1 << 20

// Summarizer writes an abstractive summary of a text.
type Summarizer interface {
	Summarize(ctx context.Context, text string) (string, error)
}

// DefaultKeywordWeight is the model's share in keyword ranking, chosen on
// dev data only (the fixed 20% dev subsets of Inspec and SemEval2010 and
// the CSL dev split; mean F1@10 at 0.1 / 0.25 / 0.5 / statistics only:
// .2175 / .2184 / .2018 / .2169 for the shipped docmill-mini). The keyword
// head is trained on weak labels; a larger share hurts.
const DefaultKeywordWeight = 0.25

// Analyzer is the neural analysis tier: classification from the shallow
// exit (escalating when unsure), keywords rescored with the model's
// per-token keyword scores, summaries selected by full-depth salience. It
// implements enrich.Analyzer and is safe for concurrent use.
type Analyzer struct {
	m    *Model
	opts AnalyzerOptions
}

var _ enrich.Analyzer = (*Analyzer)(nil)

// NewAnalyzer wraps a loaded model.
func NewAnalyzer(m *Model, o AnalyzerOptions) *Analyzer {
	if o.TopKeywords <= 0 {
		o.TopKeywords = 10
	}
	if o.KeywordWeight == 0 {
		o.KeywordWeight = DefaultKeywordWeight
	}
	if o.KeywordWeight < 0 {
		o.KeywordWeight = 0
	}
	return &Analyzer{m: m, opts: o}
}

// Info names the model (Tier "model").
func (a *Analyzer) Info() document.ModelInfo { return a.m.Info() }

// Close releases the model's sessions; call it once no document uses the
// analyser any more (after a hot swap has drained).
func (a *Analyzer) Close() { a.m.Close() }

// Failures reports the model's failed runs (see Model.Failures).
func (a *Analyzer) Failures() (uint64, error, time.Time) { return a.m.Failures() }

// Model returns the wrapped model.
func (a *Analyzer) Model() *Model { return a.m }

// Analyze runs the model at the depth the request and the router allow and
// fills the classify, keywords and summary tasks the request asks for.
// Summary needs full depth; when the router stays shallow (a deadline) the
// summary comes from the model-free summariser and its trace says depth none.
func (a *Analyzer) Analyze(ctx context.Context, doc *document.Parsed, req enrich.Request) (*document.Analysis, error) {
	// Keywords and summaries read at most the opening megabyte, as the
	// model-free tier does: their cost grows with the text.
	if len(doc.Text) > maxAnalysisBytes {
		clipped := *doc
		clipped.Text = lang.Clip(doc.Text, maxAnalysisBytes)
		used := 0
		for i, sent := range doc.Sentences {
			if used += len(sent); used > maxAnalysisBytes {
				clipped.Sentences = doc.Sentences[:i]
				break
			}
		}
		doc = &clipped
	}
	wantSummary := req.Wants(enrich.TaskSummary)
	var sentences []string
	if wantSummary && !doc.IsLog() { // a log has no sentences: splitting its lines would be wasted
		sentences = sentencesOf(doc)
	}
	needFull := wantSummary && a.opts.Abstractive == nil && a.salienceMatters(doc, sentences)
	rr := RunRequest{Depth: req.Depth, NeedFull: needFull, Deadline: req.Deadline}
	if doc.IsLog() {
		rr.MaxTokens = logTokens
	}
	out, err := a.m.RunRequest(ctx, doc.Text, rr)
	if err != nil {
		if ctx.Err() == nil {
			a.m.noteFailure(err)
		}
		return nil, fmt.Errorf("analyze %s: %w", doc.ID, err)
	}
	language := doc.Language
	if language == "" || language == "und" {
		language = lang.Detect(doc.Text)
	}
	an := &document.Analysis{Tasks: map[string]document.TaskTrace{}, Model: a.Info(), Keywords: []document.Keyword{}}
	if req.Wants(enrich.TaskClassify) {
		a.classify(an, out, doc)
	}
	if req.Wants(enrich.TaskKeywords) {
		start := time.Now()
		ex := deepestWith(out, func(e *ExitResult) bool { return e.Keyword != nil })
		an.Keywords = a.keywords(doc.Text, language, an.Class, out.Offsets, ex)
		a.trace(an, enrich.TaskKeywords, ex, start)
	}
	if wantSummary && a.opts.Abstractive != nil {
		start := time.Now()
		if text, err := a.opts.Abstractive.Summarize(ctx, doc.Text); err == nil && strings.TrimSpace(text) != "" {
			an.Summary = strings.TrimSpace(text)
			an.Tasks[enrich.TaskSummary] = document.TaskTrace{Depth: document.DepthFull, Ms: msSince(start)}
			ObserveExit(enrich.TaskSummary, "generative")
			wantSummary = false
		}
	}
	switch {
	case wantSummary && doc.IsLog():
		// A log's summary is its template digest, which the model-free
		// tier writes (enrich.WithFallback fills it); salience over log
		// lines says nothing useful.
	case wantSummary && !needFull:
		start := time.Now()
		an.Summary = summarize.Summarize(sentences, summarize.Options{MaxChars: a.opts.SummaryChars, Language: language, Letter: doc.IsEmail()})
		a.trace(an, enrich.TaskSummary, nil, start)
	case wantSummary:
		start := time.Now()
		ex := deepestWith(out, func(e *ExitResult) bool { return e.Salience != nil })
		if ex != nil {
			scores := sentenceSalience(doc.Text, sentences, out.Offsets, ex.Salience)
			kws := an.Keywords
			if !req.Wants(enrich.TaskKeywords) {
				kws = a.keywords(doc.Text, language, an.Class, out.Offsets, deepestWith(out, func(e *ExitResult) bool { return e.Keyword != nil }))
			}
			an.Summary = summarize.Select(sentences, scores, summarize.Options{MaxChars: a.opts.SummaryChars, Language: language, Letter: doc.IsEmail(), Keywords: kws})
		} else {
			an.Summary = summarize.Summarize(sentences, summarize.Options{MaxChars: a.opts.SummaryChars, Language: language, Letter: doc.IsEmail()})
		}
		a.trace(an, enrich.TaskSummary, ex, start)
	}
	if out.Truncated && !doc.IsLog() {
		noteRead(an, out, len(doc.Text))
	}
	return an, nil
}

// noteRead says in each model task's trace how much of a long text the
// model read (Options.MaxTokens): sentences beyond it get no salience of
// their own, and keywords come from the part read. (A log's opening is
// read by design; see logTokens.)
func noteRead(an *document.Analysis, out *Output, textBytes int) {
	read := textBytes
	if n := len(out.Offsets); n > 0 {
		read = out.Offsets[n-1].End
	}
	note := fmt.Sprintf("the model read the first %d tokens, %d%% of the text", out.Tokens, read*100/max(textBytes, 1))
	for task, tr := range an.Tasks {
		if tr.Depth != document.DepthNone && tr.Note == "" {
			tr.Note = note
			an.Tasks[task] = tr
		}
	}
}

// logTokens is how much of a log the model reads: its class shows in the
// opening lines, and what the rest says is summarised by the log templates
// (the model-free tier), so the model's cost on a large log stays that of
// a few windows instead of growing with the file.
const logTokens = 1024

// salienceMatters is the complexity side of the router: a summary needs
// the full-depth salience only when there is a choice to make. A log is
// summarised by its templates, and a text whose sentences all fit the
// summary budget is its own summary; both stay at the shallow exit.
func (a *Analyzer) salienceMatters(doc *document.Parsed, sentences []string) bool {
	if doc.IsLog() {
		return false
	}
	return !summarize.Fits(sentences, summarize.Options{MaxChars: a.opts.SummaryChars, Language: doc.Language})
}

// classify reads the class head. A document the parse stage recognised as
// a log by its content is a log whatever the head says (the model-free
// tier applies the same rule): the model learned logs from generated ones
// and can miss a real format; its sub-type head still names the source.
// maxUnknownShare is the share of unknown tokens above which the model's
// class is not taken: the text is "other", the model having read little
// of it.
const maxUnknownShare = 0.5

func (a *Analyzer) classify(an *document.Analysis, out *Output, doc *document.Parsed) {
	ex := deepestWith(out, func(e *ExitResult) bool { return e.Class != nil })
	if ex == nil {
		return
	}
	labels := a.m.Bundle.Manifest.Labels
	ci := argmax(ex.Class)
	if ci < len(labels.Class) {
		an.Class, an.Confidence = labels.Class[ci], ex.Class[ci]
	}
	said := an.Class
	overruled := doc.IsLog() && an.Class != "log"
	if overruled {
		an.Class, an.Confidence = "log", 1
	}
	if ex.Subtype != nil {
		// Only sub-types of the chosen class (or "none") are eligible.
		best, bestP := -1, -1.0
		for i, p := range ex.Subtype {
			if i >= len(labels.Subtype) {
				break
			}
			l := labels.Subtype[i]
			if (strings.HasPrefix(l, an.Class+"/") || l == "none") && p > bestP {
				best, bestP = i, p
			}
		}
		if best >= 0 && labels.Subtype[best] != "none" {
			an.Subtype, an.SubtypeConfidence = labels.Subtype[best], bestP
		}
	}
	a.trace(an, enrich.TaskClassify, ex, time.Now())
	if doc.IsEmail() && an.Class == "log" {
		// its header lines read like a log's: the class is the body's,
		// which the model did not tell apart
		an.Class, an.Confidence, an.Subtype, an.SubtypeConfidence = "other", 1-an.Confidence, "", 0
		tr := an.Tasks[enrich.TaskClassify]
		tr.Confidence, tr.Note = an.Confidence, "an e-mail, which is no log; the model said log"
		an.Tasks[enrich.TaskClassify] = tr
	}
	if out.Unknown > maxUnknownShare && !overruled {
		// a script the vocabulary does not cover (Arabic, Hebrew): the
		// exit's confidence is about nothing the model read
		an.Class, an.Confidence, an.Subtype, an.SubtypeConfidence = "other", 1-out.Unknown, "", 0
		tr := an.Tasks[enrich.TaskClassify]
		tr.Confidence = an.Confidence
		tr.Note = fmt.Sprintf("the model's vocabulary does not know %.0f%% of this text's words; it said %s", 100*out.Unknown, said)
		an.Tasks[enrich.TaskClassify] = tr
	}
	if overruled {
		// the trace must say how the class was decided: the exit's
		// confidence was in another class
		tr := an.Tasks[enrich.TaskClassify]
		tr.Confidence, tr.Note = 1, "log lines found by the parser; the model said "+said
		an.Tasks[enrich.TaskClassify] = tr
	}
}

// trace records how a task was answered; ms is the model time to the exit
// plus the task's own post-processing since start.
func (a *Analyzer) trace(an *document.Analysis, task string, ex *ExitResult, start time.Time) {
	tr := document.TaskTrace{Depth: document.DepthNone, Ms: msSince(start)}
	if ex != nil {
		tr = document.TaskTrace{Depth: ex.Depth, ExitLayer: ex.Layer, Confidence: ex.Confidence, Ms: ex.Ms + msSince(start)}
	}
	an.Tasks[task] = tr
	ObserveExit(task, string(tr.Depth))
}

func deepestWith(out *Output, ok func(*ExitResult) bool) *ExitResult {
	for i := len(out.Exits) - 1; i >= 0; i-- {
		if ok(&out.Exits[i]) {
			return &out.Exits[i]
		}
	}
	return nil
}

func argmax(x []float64) int {
	best := 0
	for i, v := range x {
		if v > x[best] {
			best = i
		}
	}
	return best
}

// keywords rescored: each candidate's statistical score (min-max scaled
// over the document) is blended with the model's keyword probability over
// the candidate's occurrences.
func (a *Analyzer) keywords(text, language, class string, offsets []tokenizer.Span, ex *ExitResult) []document.Keyword {
	cands := keywords.Candidates(text, language)
	if len(cands) == 0 {
		return []document.Keyword{}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, c := range cands {
		lo, hi = math.Min(lo, c.Score), math.Max(hi, c.Score)
	}
	w := a.opts.KeywordWeight
	if ex == nil {
		w = 0
	}
	for i := range cands {
		stat := 0.5
		if hi > lo {
			stat = (cands[i].Score - lo) / (hi - lo)
		}
		if w == 0 {
			cands[i].Score = stat
			continue
		}
		// A candidate only in text the model did not read keeps its
		// statistical score.
		model, ok := spanScore(offsets, ex.Keyword, cands[i].Spans)
		if !ok {
			cands[i].Score = stat
			continue
		}
		cands[i].Score = (1-w)*stat + w*model
	}
	// a contract's or a regulation's key phrases are facets: each
	// Chinese term once, not beside its pieces. The model calls Chinese
	// contracts "other", which the composed tier's rules then overrule
	// (enrich.Composite): ask those rules here too.
	legal := class == "contract" || class == "regulation" ||
		language == lang.Chinese && classify.ChineseLegal(text) != ""
	kws := keywords.Top(cands, keywords.Options{Top: a.opts.TopKeywords, Language: language, Text: text, Distinct: legal})
	if kws == nil {
		kws = []document.Keyword{}
	}
	return kws
}

// spanScore is the mean over occurrences of the mean token probability of
// the tokens overlapping each occurrence; false when the model read none.
func spanScore(offsets []tokenizer.Span, probs []float64, spans [][2]int) (float64, bool) {
	total, n := 0.0, 0
	for _, sp := range spans {
		if v, ok := meanOver(offsets, probs, sp[0], sp[1]); ok {
			total += v
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return total / float64(n), true
}

// meanOver averages probs over tokens whose offsets overlap [start, end).
func meanOver(offsets []tokenizer.Span, probs []float64, start, end int) (float64, bool) {
	i := sort.Search(len(offsets), func(k int) bool { return offsets[k].End > start })
	sum, n := 0.0, 0
	for ; i < len(offsets) && offsets[i].Start < end && i < len(probs); i++ {
		if offsets[i].End > offsets[i].Start {
			sum += probs[i]
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// sentencesOf returns the parser's sentences, or splits the text.
func sentencesOf(doc *document.Parsed) []string {
	if len(doc.Sentences) > 0 {
		return doc.Sentences
	}
	return summarize.Units([]string{doc.Text}, doc.Language)
}

// squeeze drops whitespace from s and returns, for each kept byte, its
// index in s. Sentence splitters rejoin hard-wrapped lines (with a space,
// or with nothing between CJK lines), so sentences are found in the text
// by comparing without whitespace.
func squeeze(s string) (string, []int) {
	var b strings.Builder
	idx := make([]int, 0, len(s))
	for i, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			idx = append(idx, i+k-n)
		}
	}
	return b.String(), idx
}

// sentenceSalience locates each sentence in text (in order, ignoring
// whitespace) and averages the token salience over it; a sentence not
// found gets the document mean.
func sentenceSalience(text string, sentences []string, offsets []tokenizer.Span, sal []float64) []float64 {
	docMean := 0.0
	for _, v := range sal {
		docMean += v
	}
	if len(sal) > 0 {
		docMean /= float64(len(sal))
	}
	scores := make([]float64, len(sentences))
	flat, where := squeeze(text)
	cursor := 0
	for i, s := range sentences {
		scores[i] = docMean
		want, _ := squeeze(s)
		if want == "" {
			continue
		}
		at := strings.Index(flat[cursor:], want)
		if at < 0 {
			continue
		}
		first, last := cursor+at, cursor+at+len(want)-1
		if v, ok := meanOver(offsets, sal, where[first], where[last]+1); ok {
			scores[i] = v
		}
		cursor = last + 1
	}
	return scores
}
