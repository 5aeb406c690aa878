package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRepoDashboardIsClean(t *testing.T) {
	problems, err := checkDashboardFile("../grafana/docmill.json", "../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Fatalf("deploy/grafana/docmill.json:\n%s", strings.Join(problems, "\n"))
	}
}

// dashboardProblems checks dashboard JSON dash against Go code declaring
// the metric name metric, and returns the problems as one text.
func dashboardProblems(t *testing.T, metric, dash string) string {
	t.Helper()
	src := t.TempDir()
	code := "package m\nvar x = Opts{Name: \"" + metric + "\"}\n"
	if err := os.WriteFile(filepath.Join(src, "m.go"), []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "d.json")
	if err := os.WriteFile(path, []byte(dash), 0o644); err != nil {
		t.Fatal(err)
	}
	problems, err := checkDashboardFile(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(problems, "\n")
}

func TestDashboardProblemsAreCaught(t *testing.T) {
	dash := `{"uid":"d","title":"d","panels":[
	 {"id":1,"type":"timeseries","title":"ok","gridPos":{"h":8,"w":12,"x":0,"y":0},
	  "targets":[{"expr":"histogram_quantile(0.95, sum by (le) (rate(docmill_stage_duration_seconds_bucket[$__rate_interval])))"}]},
	 {"id":2,"type":"timeseries","title":"typo","gridPos":{"h":8,"w":12,"x":12,"y":0},
	  "targets":[{"expr":"rate(docmill_stage_duration_second_count[5m])"}]},
	 {"id":2,"type":"timeseries","title":"syntax","gridPos":{"h":8,"w":20,"x":12,"y":8},
	  "targets":[{"expr":"sum(rate(docmill_stage_duration_seconds_count[5m])"}]}]}`
	text := dashboardProblems(t, "docmill_stage_duration_seconds", dash)
	for _, want := range []string{`"docmill_stage_duration_second_count" is not defined`, "unclosed left parenthesis", "panel id 2 used twice", "bad gridPos"} {
		if !strings.Contains(text, want) {
			t.Errorf("want %q in:\n%s", want, text)
		}
	}
	if strings.Contains(text, `panel "ok"`) {
		t.Errorf("the valid panel was flagged:\n%s", text)
	}
}

func TestDashboardPerStageSums(t *testing.T) {
	panel := func(id int, title, expr string) string {
		return `{"id":` + string(rune('0'+id)) + `,"type":"stat","title":"` + title + `","gridPos":{"h":4,"w":6,"x":0,"y":` + string(rune('0'+id)) + `},"targets":[{"expr":"` + expr + `"}]}`
	}
	dash := `{"uid":"d","title":"d","panels":[` + strings.Join([]string{
		panel(1, "all stages", `sum(rate(docmill_documents_processed_total[5m]))`),
		panel(2, "index stage", `sum(rate(docmill_documents_processed_total{stage=\"index\"}[5m]))`),
		panel(3, "by stage", `sum by (stage) (rate(docmill_documents_processed_total[5m]))`),
		panel(4, "without stage", `sum without (stage) (rate(docmill_documents_processed_total[5m]))`),
	}, ",") + `]}`
	text := dashboardProblems(t, "docmill_documents_processed_total", dash)
	for _, flagged := range []string{`panel "all stages"`, `panel "without stage"`} {
		if !strings.Contains(text, flagged) {
			t.Errorf("want %s flagged in:\n%s", flagged, text)
		}
	}
	for _, ok := range []string{`panel "index stage"`, `panel "by stage"`} {
		if strings.Contains(text, ok) {
			t.Errorf("%s was flagged:\n%s", ok, text)
		}
	}
}
