// Package enrich defines the analysis stage's contract and holds the
// model-free tier: classification, keywords, summaries, log templates and
// legal entities computed without a neural model. The neural tier in
// package model implements the same Analyzer interface, so the pipeline
// does not change when a model is present.
package enrich

import (
	"context"
	"time"

	"github.com/docmill/docmill/document"
)

// Task names used in Request.Tasks and Analysis.Tasks.
const (
	TaskClassify = "classify"
	TaskKeywords = "keywords"
	TaskSummary  = "summary"
	TaskEntities = "entities"
	TaskLogs     = "logs"
)

// Request carries the per-document compute budget.
type Request struct {
	// Depth asks for a depth; DepthAuto (or empty) lets the router decide.
	Depth document.Depth
	// Deadline, when not zero, is when the result is wanted by; a tier may
	// choose a shallower path to meet it.
	Deadline time.Time
	// Tasks limits the work to these tasks; empty means all.
	Tasks []string
	// Class, when set and classification is not asked for, is the class
	// the caller settled on: the tasks that depend on it (entities) take
	// it rather than the tier's own. A composed tier asks its fallback for
	// a regulation's entities, and the fallback's own class ("other" for
	// Singapore's PDPA) cost the document all of them.
	Class string
	// filing is whether the caller found the document a court filing
	// already, which the tier then takes rather than read it again.
	filing filingRead
}

// Wants reports whether the request asks for task.
func (r Request) Wants(task string) bool {
	if len(r.Tasks) == 0 {
		return true
	}
	for _, t := range r.Tasks {
		if t == task {
			return true
		}
	}
	return false
}

// Analyzer turns a parsed document into an analysis. Implementations must
// be safe for concurrent use.
type Analyzer interface {
	Analyze(ctx context.Context, doc *document.Parsed, req Request) (*document.Analysis, error)
	Info() document.ModelInfo
}
