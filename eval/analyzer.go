package eval

import (
	"context"
	"fmt"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
)

// FromAnalyzer evaluates an enrich.Analyzer (either tier): each task asks
// the analyser for that task only. The summary is cut to the budget by the
// runner, since the Analyzer contract carries no length budget.
func FromAnalyzer(name string, a enrich.Analyzer) System {
	run := func(ctx context.Context, d *document.Parsed, task string) (*document.Analysis, error) {
		an, err := a.Analyze(ctx, d, enrich.Request{Tasks: []string{task}})
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", name, task, err)
		}
		return an, nil
	}
	return System{
		Name: name,
		Keywords: func(ctx context.Context, d *document.Parsed, k int) ([]string, error) {
			an, err := run(ctx, d, enrich.TaskKeywords)
			if err != nil {
				return nil, err
			}
			return document.KeywordTexts(an.Keywords[:min(k, len(an.Keywords))]), nil
		},
		Summarize: func(ctx context.Context, d *document.Parsed, maxChars int) (string, error) {
			an, err := run(ctx, d, enrich.TaskSummary)
			if err != nil {
				return "", err
			}
			return an.Summary, nil
		},
		Classify: func(ctx context.Context, d *document.Parsed) (string, error) {
			an, err := run(ctx, d, enrich.TaskClassify)
			if err != nil {
				return "", err
			}
			return an.Class, nil
		},
	}
}
