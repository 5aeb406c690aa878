package enrich

import (
	"context"
	"fmt"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/classify"
	"github.com/docmill/docmill/lang"
)

// WithFallback runs primary and lets fallback fill what primary leaves
// out or does worse: the sub-type within primary's class, the log digest
// of log files and their key phrases (from the templates), the entities
// of contracts and regulations, and a summary the primary did not write (a
// log's summary is its template digest). When primary fails (a broken
// model at run time), the whole analysis comes from fallback, so a
// document is never lost to a model fault.
func WithFallback(primary, fallback Analyzer) Analyzer {
	return Compose(primary, fallback, Composition{PrimarySummaries: true})
}

// Composition says which analyser of a Compose writes what, where both can.
type Composition struct {
	// PrimarySummaries lets the primary write the summaries; otherwise the
	// fallback writes them and the primary is never asked for one, so a
	// neural model that would run its full depth only for a summary stays
	// at the depth its other tasks need. Set it for a generator, or for a
	// salience head measured better than the fallback's scorer:
	// docmill-mini 0.2.0's is not (model/MODEL_CARD.md, summaries).
	PrimarySummaries bool
}

// Compose is WithFallback with a Composition.
func Compose(primary, fallback Analyzer, c Composition) Analyzer {
	return &fallbackAnalyzer{primary: primary, fallback: fallback, c: c}
}

// allTasks are the tasks an empty Request.Tasks asks for.
var allTasks = []string{TaskClassify, TaskKeywords, TaskSummary, TaskEntities, TaskLogs}

// without is req with task left out.
func without(req Request, task string) Request {
	tasks := req.Tasks
	if len(tasks) == 0 {
		tasks = allTasks
	}
	out := req
	out.Tasks = make([]string, 0, len(tasks))
	for _, t := range tasks {
		if t != task {
			out.Tasks = append(out.Tasks, t)
		}
	}
	return out
}

// subtypeNamer names a sub-type within a class chosen elsewhere. The
// model-free tier's per-class n-gram heads do this better than docmill-mini
// 0.2.0's sub-type head (corpus dev split: accuracy .971 vs .954, macro-F1
// .65 vs .54), so the composed tier takes the class from the primary and
// the sub-type from the fallback.
type subtypeNamer interface {
	NameSubtype(doc *document.Parsed, class string) (string, float64, bool)
}

// classNamer is the fallback's own class for a document. docmill-mini
// 0.2.0 learned what a contract is from a corpus without news, minutes
// or abstracts, and called 32 of 200 English abstracts (README, Quality,
// out of distribution) and most news items and meeting minutes a
// contract; the model-free classifier, fitted on the same corpus, called
// 2 of 200. So a legal class of the primary's needs the fallback not to
// say "other".
type classNamer interface {
	ClassOf(doc *document.Parsed) (string, float64, bool)
}

type fallbackAnalyzer struct {
	primary, fallback Analyzer
	c                 Composition
}

// Info names the primary model, with the fallback's version as build
// metadata ("0.2.0+free.1.11.0"): the composed output depends on both, so a
// new model-free tier must make stored results stale for
// `docmill backfill --only-stale-model` just as a new model does.
//
// When the fallback writes the summaries, the metadata says so
// ("0.2.0+free.1.22.0.summaries"): results whose summaries the model wrote
// are stale then, as they are after a new model.
func (f *fallbackAnalyzer) Info() document.ModelInfo {
	p, fb := f.primary.Info(), f.fallback.Info()
	if fb.Version != "" {
		p.Version += "+" + fb.Tier + "." + fb.Version
		if !f.c.PrimarySummaries {
			p.Version += ".summaries"
		}
	}
	return p
}

// FailureReporter is an analyser that counts the documents it failed on
// (the neural model: each fell back to the model-free tier).
type FailureReporter interface {
	Failures() (n uint64, last error, at time.Time)
}

// Failures forwards the primary's failure count when it keeps one.
func (f *fallbackAnalyzer) Failures() (uint64, error, time.Time) {
	if r, ok := f.primary.(FailureReporter); ok {
		return r.Failures()
	}
	return 0, nil, time.Time{}
}

// shorten cuts s to at most n bytes at a character boundary, marking
// the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return lang.Clip(s, n) + "…"
}

// Close releases the primary analyser's resources when it has any (a neural
// model's ONNX Runtime sessions).
func (f *fallbackAnalyzer) Close() {
	if c, ok := f.primary.(interface{ Close() }); ok {
		c.Close()
	}
}

func (f *fallbackAnalyzer) Analyze(ctx context.Context, doc *document.Parsed, req Request) (*document.Analysis, error) {
	// read once for both tiers and the rules between them
	req.filing = readFiling(req.courtFiling(doc))
	preq := req
	if !f.c.PrimarySummaries && req.Wants(TaskSummary) {
		if preq = without(req, TaskSummary); len(preq.Tasks) == 0 {
			return f.fallbackOnly(ctx, doc, req) // the summary alone, which the fallback writes
		}
	}
	a, err := f.primary.Analyze(ctx, doc, preq)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		fa, ferr := f.fallback.Analyze(ctx, doc, req)
		if ferr != nil {
			return nil, err
		}
		fa.Tasks["fallback"] = document.TaskTrace{Depth: document.DepthNone, Note: shorten(err.Error(), 300)}
		return fa, nil
	}
	a.Model = f.Info()
	modelClass := a.Class
	filing := req.filing == filingYes
	if c := structureClass(doc, doc.Text, a.Class, filing); req.Wants(TaskClassify) && c != a.Class {
		a.Class, a.Confidence = c, classify.RuleConfidence
	}
	if cn, ok := f.fallback.(classNamer); ok && req.Wants(TaskClassify) {
		switch {
		case legalClass(a.Class):
			if c, conf, ok := cn.ClassOf(doc); ok && c == "other" {
				a.Class, a.Confidence = c, conf
			}
		case a.Class == "other" && modelClass == "contract":
			// docmill-mini learned regulations from EU acts only and
			// called rules from elsewhere (SOX, the FCA Handbook, a
			// MAS notice) contracts, which bind no party (unbound), so
			// "other": a regulation when the model-free classifier,
			// which calls them so, says it is one and the layout agrees
			if c, conf, ok := cn.ClassOf(doc); ok && c == "regulation" && structureClass(doc, doc.Text, c, filing) == c {
				a.Class, a.Confidence = c, conf
			}
		}
	}
	// the sub-type heads know no Chinese legal text either: no sub-type
	ruled := req.Wants(TaskClassify) && dataClass(doc, a)
	if tr, ok := a.Tasks[TaskClassify]; ruled && ok {
		// the exit's confidence was the model's, in its own class
		tr.Confidence = a.Confidence
		tr.Note = fmt.Sprintf("a data file (%s), class by rule; the model said %s", doc.ContentType, modelClass)
		a.Tasks[TaskClassify] = tr
	}
	ruled = ruled || a.Class == "other" && req.Wants(TaskClassify) && chineseLegal(a, doc)
	// nor court filings, whose kind a rule names
	ruled = ruled || req.Wants(TaskClassify) && filingSubtype(doc, a, filing)
	// nor an organisation's internal papers, whose kind their title names
	ruled = ruled || req.Wants(TaskClassify) && internalSubtype(doc, a)
	if sn, ok := f.fallback.(subtypeNamer); ok && a.Class != "" && !ruled && req.Wants(TaskClassify) {
		if st, c, ok := sn.NameSubtype(doc, a.Class); ok {
			a.Subtype, a.SubtypeConfidence = st, c
		}
	}
	var missing []string
	if doc.IsLog() && a.Log == nil && req.Wants(TaskLogs) {
		missing = append(missing, TaskLogs)
	}
	if (legalClass(a.Class) || filing) && a.Entities == nil && req.Wants(TaskEntities) {
		missing = append(missing, TaskEntities)
	}
	// an invoice's summary opens with its fields, which the fallback reads
	invoiceSummary := req.Wants(TaskSummary) && invoice(doc.Text[:min(len(doc.Text), structureHead)])
	// and a table's or a JSON document's is its shape, which the fallback says
	dataDigest := req.Wants(TaskSummary) && doc.IsData()
	if req.Wants(TaskSummary) && (a.Summary == "" || invoiceSummary || dataDigest) {
		missing = append(missing, TaskSummary)
	}
	// A log's key phrases come from its templates (the fallback mines them
	// for that): on raw lines the host name and ids of every line win.
	logKeywords := doc.IsLog() && req.Wants(TaskKeywords)
	if logKeywords {
		missing = append(missing, TaskKeywords)
	}
	if len(missing) == 0 {
		return a, nil
	}
	start := time.Now()
	fa, err := f.fallback.Analyze(ctx, doc, Request{Depth: req.Depth, Deadline: req.Deadline, Tasks: missing, Class: a.Class, filing: readFiling(filing)})
	if err != nil {
		return a, nil // the model's own analysis stands
	}
	if logKeywords && len(fa.Keywords) > 0 {
		a.Keywords = fa.Keywords
	}
	if a.Log == nil {
		a.Log = fa.Log
	}
	if a.Entities == nil {
		a.Entities = fa.Entities
	}
	if a.Summary == "" || (invoiceSummary || dataDigest) && fa.Summary != "" {
		a.Summary = fa.Summary
	}
	if a.Tasks == nil {
		a.Tasks = map[string]document.TaskTrace{}
	}
	for _, t := range missing {
		tr := fa.Tasks[t]
		if tr.Ms == 0 {
			tr.Ms = float64(time.Since(start).Microseconds()) / 1000
		}
		tr.Depth = document.DepthNone
		a.Tasks[t] = tr
	}
	a.Keywords = completeNames(a.Keywords, a.Entities)
	return a, nil
}

// chineseLegal gives a Chinese contract or regulation the class that the
// model-free tier's rules find when the model says "other": docmill-mini
// 0.2.0 learned Chinese only from scientific abstracts, and calls every
// Chinese contract "other" with confidence near 1, which would also cost
// the document its entities.
func chineseLegal(a *document.Analysis, doc *document.Parsed) bool {
	c := classify.ChineseLegal(doc.Text)
	if c == "" {
		return false
	}
	a.Class, a.Confidence, a.Subtype, a.SubtypeConfidence = c, classify.RuleConfidence, "", 0
	if st := classify.ChineseSubtype(doc.Text); st != "" && c == "contract" {
		a.Subtype, a.SubtypeConfidence = st, classify.RuleConfidence
	}
	if st := classify.ChineseTopic(doc.Text); st != "" && c == "regulation" {
		a.Subtype, a.SubtypeConfidence = st, classify.RuleConfidence
	}
	if a.Tasks != nil {
		tr := a.Tasks[TaskClassify]
		tr.Confidence = classify.RuleConfidence
		a.Tasks[TaskClassify] = tr
	}
	return true
}

// fallbackOnly is the fallback's analysis of a request the primary has no
// part in, named after the composition.
func (f *fallbackAnalyzer) fallbackOnly(ctx context.Context, doc *document.Parsed, req Request) (*document.Analysis, error) {
	a, err := f.fallback.Analyze(ctx, doc, req)
	if err != nil {
		return nil, err
	}
	a.Model = f.Info()
	return a, nil
}
