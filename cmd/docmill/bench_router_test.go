package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/model"
)

// The router bench on the tiny test model: a log and a short note stay
// shallow, a long text goes full (and then agrees with forced-full on
// class; the tiny model's random exits need not agree otherwise).
func TestRouterBenchCountsRoutedDepth(t *testing.T) {
	lib, err := model.FindORTLib("")
	if err == nil {
		err = model.InitRuntime(lib)
	}
	if err != nil {
		if os.Getenv("DOCMILL_REQUIRE_ORT") != "" {
			t.Fatalf("ONNX Runtime: %v", err)
		}
		t.Skipf("ONNX Runtime unavailable (%v)", err)
	}
	m, err := model.Load(model.Options{Dir: "../../model/testdata/tiny", Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	m.SetRouter(model.Router{Threshold: 0})
	an := enrich.WithFallback(model.NewAnalyzer(m, model.AnalyzerOptions{SummaryChars: 120}), enrich.NewFree(enrich.FreeOptions{}))
	long := strings.Repeat("The Supplier shall deliver the goods within thirty days of the order. ", 6)
	docs := []*document.Parsed{
		{ID: "a", Filename: "a.log", ContentType: document.TypeLog, Language: "en",
			Text: strings.Repeat("2026-01-02 10:00:01 ERROR db timeout after 30s\n", 20)},
		{ID: "b", Filename: "b.txt", ContentType: document.TypeText, Language: "en", Text: "Lunch at noon."},
		{ID: "c", Filename: "c.txt", ContentType: document.TypeText, Language: "en", Text: long},
	}
	r, err := runRouterBench(context.Background(), an, docs, []string{"log", "", ""})
	if err != nil {
		t.Fatal(err)
	}
	if r.Docs != 3 || r.FullShare != 0.333 || r.ClassAgreement < 0.333 {
		t.Fatalf("bench %+v", r)
	}
	if r.RoutedMsMean <= 0 || r.FullMsMean <= 0 || r.ByContent[document.TypeLog].Full != 0 || r.ByContent[document.TypeText].Full != 1 {
		t.Fatalf("bench %+v", r)
	}
}
