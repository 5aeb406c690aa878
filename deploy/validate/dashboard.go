package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/prometheus/prometheus/promql/parser"
)

// dashboard is the part of a Grafana dashboard JSON model the check reads.
type dashboard struct {
	UID        string  `json:"uid"`
	Title      string  `json:"title"`
	Panels     []panel `json:"panels"`
	Templating struct {
		List []struct {
			Name string `json:"name"`
		} `json:"list"`
	} `json:"templating"`
}

type panel struct {
	ID      int    `json:"id"`
	Type    string `json:"type"`
	Title   string `json:"title"`
	GridPos struct {
		H, W, X, Y int
	} `json:"gridPos"`
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
	Panels []panel `json:"panels"`
}

// metricDef finds a collector name in Go source: Name: "docmill_...".
var metricDef = regexp.MustCompile(`Name:\s*"(docmill_[a-z0-9_]+)"`)

// definedMetrics collects the docmill_ metric names declared in the non-test
// Go files under root, so the dashboard cannot drift from the code.
func definedMetrics(root string) (map[string]bool, error) {
	names := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "deploy" || d.Name() == "vendor" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dt, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range metricDef.FindAllSubmatch(dt, -1) {
			names[string(m[1])] = true
		}
		return nil
	})
	return names, err
}

// grafanaVars replaces Grafana's interval macros with durations PromQL parses.
var grafanaVars = strings.NewReplacer("$__rate_interval", "5m", "$__interval", "1m", "$__range", "1h")

// checkDashboardFile parses every panel query as PromQL and checks that each
// docmill_ metric it reads is defined in the code under srcRoot (histogram
// series _bucket, _sum and _count included), plus the layout basics.
func checkDashboardFile(path, srcRoot string) ([]string, error) {
	dt, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	var d dashboard
	if err := json.Unmarshal(dt, &d); err != nil {
		return []string{"json: " + err.Error()}, nil
	}
	defined, err := definedMetrics(srcRoot)
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", srcRoot, err)
	}
	var p []string
	if d.UID == "" || d.Title == "" {
		p = append(p, "dashboard needs a uid and a title")
	}
	ids := map[int]bool{}
	used := map[string]bool{}
	queries := 0
	for _, pn := range flattenPanels(d.Panels) {
		if ids[pn.ID] {
			p = append(p, fmt.Sprintf("panel id %d used twice", pn.ID))
		}
		ids[pn.ID] = true
		if pn.GridPos.W <= 0 || pn.GridPos.H <= 0 || pn.GridPos.X+pn.GridPos.W > 24 {
			p = append(p, fmt.Sprintf("panel %q: bad gridPos %+v", pn.Title, pn.GridPos))
		}
		if pn.Type != "row" && len(pn.Targets) == 0 {
			p = append(p, fmt.Sprintf("panel %q has no query", pn.Title))
		}
		for _, t := range pn.Targets {
			queries++
			p = append(p, checkExpr(pn.Title, t.Expr, defined, used)...)
		}
	}
	var unused []string
	for name := range defined {
		if !used[name] {
			unused = append(unused, name)
		}
	}
	sort.Strings(unused)
	fmt.Printf("dashboard: %d panels, %d queries, %d of %d docmill_ metrics shown", len(ids), queries, len(defined)-len(unused), len(defined))
	if len(unused) > 0 {
		fmt.Printf(" (not shown: %s)", strings.Join(unused, ", "))
	}
	fmt.Println()
	return p, nil
}

func flattenPanels(ps []panel) []panel {
	var out []panel
	for _, pn := range ps {
		out = append(out, pn)
		out = append(out, flattenPanels(pn.Panels)...)
	}
	return out
}

// perStage are the counters with one series per pipeline stage that a
// document passes: summed over stages they count each document several
// times (the error ratio once read as a third of its value).
var perStage = map[string]bool{"docmill_documents_processed_total": true}

// stageKept reports whether a selector picks stages by a matcher or sits
// under an aggregation that keeps the stage label.
func stageKept(vs *parser.VectorSelector, path []parser.Node) bool {
	for _, m := range vs.LabelMatchers {
		if m.Name == "stage" {
			return true
		}
	}
	for _, n := range path {
		if a, ok := n.(*parser.AggregateExpr); ok && !a.Without && slices.Contains(a.Grouping, "stage") {
			return true
		}
	}
	return false
}

// checkExpr parses one query and checks the metric names it selects.
func checkExpr(title, expr string, defined, used map[string]bool) []string {
	e, err := parser.NewParser(parser.Options{}).ParseExpr(grafanaVars.Replace(expr))
	if err != nil {
		return []string{fmt.Sprintf("panel %q: PromQL %q: %v", title, expr, err)}
	}
	var p []string
	parser.Inspect(e, func(n parser.Node, path []parser.Node) error {
		vs, ok := n.(*parser.VectorSelector)
		if !ok {
			return nil
		}
		name := vs.Name
		if perStage[name] && !stageKept(vs, path) {
			p = append(p, fmt.Sprintf("panel %q: %s counts each document once per stage: select a stage or group by stage", title, name))
		}
		switch {
		case strings.HasPrefix(name, "process_") || strings.HasPrefix(name, "go_"):
		case defined[name]:
			used[name] = true
		case defined[strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, "_bucket"), "_sum"), "_count")]:
			used[strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, "_bucket"), "_sum"), "_count")] = true
		default:
			p = append(p, fmt.Sprintf("panel %q: metric %q is not defined in the Go code", title, name))
		}
		return nil
	})
	return p
}
