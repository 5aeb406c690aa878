package eval

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// Every article opens with the same boilerplate; what is specific comes
// last. A summariser keeping the specific sentence finds its article every
// time; LEAD, keeping the boilerplate, cannot tell the articles apart.
func TestEvalSummaryRetrieval(t *testing.T) {
	boiler := "Member States shall ensure that the competent authorities designated under this Regulation apply and enforce its provisions in full."
	specific := []string{
		"Payment service providers shall apply strong customer authentication to remote card payments.",
		"Gatekeepers shall not combine personal data across core platform services without consent.",
		"Manufacturers shall provide accessibility information for audiovisual media services.",
		"Public sector bodies shall make high-value datasets available through application programming interfaces.",
	}
	var docs []SummaryDoc
	for i, s := range specific {
		docs = append(docs, SummaryDoc{ID: string(rune('a' + i)), Text: boiler + " " + s})
	}
	last := System{Name: "last", Summarize: func(_ context.Context, d *document.Parsed, n int) (string, error) {
		return d.Sentences[len(d.Sentences)-1], nil
	}}
	var preds bytes.Buffer
	res, err := EvalSummaryRetrieval(context.Background(), docs, last, t.TempDir(), Options{Baselines: true, Chars: 120, Predictions: &preds})
	if err != nil {
		t.Fatal(err)
	}
	if res.MRR != 1 || res.Hit1 != 1 || res.Docs != 4 || res.Budget != "120 chars" {
		t.Fatalf("ours %+v", res.RetrievalReport)
	}
	lead := res.Baselines["lead"]
	// LEAD's 120 characters are the same boilerplate for every article: at
	// most one of the four tied articles can come first.
	if lead.Hit1 > 0.25 || lead.MRR >= 1 {
		t.Fatalf("lead %+v", lead)
	}
	if _, ok := res.Baselines["textrank"]; !ok {
		t.Fatal("no textrank")
	}
	// The oracle may start at the specific sentence, so it finds every
	// article; it is an upper bound: docmill cannot be above it.
	if o := res.Baselines[OraclePassage]; o.MRR != 1 || o.VsOurs == nil || o.VsOurs.Delta != 0 {
		t.Fatalf("oracle %+v", o)
	}
	if n := strings.Count(preds.String(), "\n"); n != 4 {
		t.Fatalf("%d prediction lines", n)
	}
	// each prediction says where its summary found its own article
	if n := strings.Count(preds.String(), `"rank":1,`); n != 4 {
		t.Fatalf("%d of 4 predictions ranked first: %s", n, preds.String())
	}
	// and where LEAD's found it (the shared opening finds the others first)
	if !strings.Contains(preds.String(), `"lead_rank":4`) || !strings.Contains(preds.String(), `"textrank_rank":1`) {
		t.Errorf("baselines' ranks missing: %s", preds.String())
	}
}

// Summarising a part of a collection still searches the whole of it: a
// generic summary that finds its document alone loses to a shorter
// distractor outside the part (BM25 favours the shorter of two equal
// matches).
func TestEvalSummaryRetrievalInCollection(t *testing.T) {
	docs := []SummaryDoc{{ID: "q", Text: "Providers of online platforms shall publish transparency reports every six months. The reports shall list every order received from national judicial or administrative authorities."}}
	distractor := SummaryDoc{ID: "d", Text: "Providers of online platforms shall publish transparency reports every six months."}
	first := System{Name: "first", Summarize: func(_ context.Context, d *document.Parsed, n int) (string, error) {
		return d.Sentences[0], nil
	}}
	alone, err := EvalSummaryRetrieval(context.Background(), docs, first, t.TempDir(), Options{Chars: 200})
	if err != nil {
		t.Fatal(err)
	}
	within, err := EvalSummaryRetrievalIn(context.Background(), docs, append([]SummaryDoc{distractor}, docs...), first, t.TempDir(), Options{Chars: 200})
	if err != nil {
		t.Fatal(err)
	}
	if alone.MRR != 1 || alone.Collection != 1 {
		t.Fatalf("alone %+v", alone.RetrievalReport)
	}
	if within.Collection != 2 || within.Docs != 1 || within.MRR != 0.5 {
		t.Fatalf("within the collection %+v, want the distractor first (MRR 0.5)", within.RetrievalReport)
	}
}

// Word-for-word copies of a source (the acts repeat "Entry into force")
// score the same for any summary; whichever of them comes first counts as
// finding the source, so the figure does not depend on how equal scores
// are ordered. A different document ranked first still costs the rank.
func TestEvalSummaryRetrievalCountsIdenticalTextAsSource(t *testing.T) {
	entry := "This Directive shall enter into force on the twentieth day following that of its publication in the Official Journal of the European Union."
	docs := []SummaryDoc{{ID: "z-entry", Text: entry}, {ID: "other", Text: "Member States shall designate a competent authority for open data and notify the Commission of it."}}
	collection := []SummaryDoc{{ID: "a-entry", Text: entry}, {ID: "b-entry", Text: "This Directive shall enter into force  on the twentieth day following that of its publication in the Official Journal of the European Union."}}
	whole := System{Name: "whole", Summarize: func(_ context.Context, d *document.Parsed, n int) (string, error) {
		return d.Text, nil
	}}
	res, err := EvalSummaryRetrievalIn(context.Background(), docs, collection, whole, t.TempDir(), Options{Chars: 300})
	if err != nil {
		t.Fatal(err)
	}
	if res.MRR != 1 || res.Collection != 4 {
		t.Fatalf("identical copies should count as the source: %+v", res.RetrievalReport)
	}
	notSame := System{Name: "generic", Summarize: func(_ context.Context, d *document.Parsed, n int) (string, error) {
		return "Official Journal of the European Union", nil
	}}
	if res, err = EvalSummaryRetrievalIn(context.Background(), docs, collection, notSame, t.TempDir(), Options{Chars: 300}); err != nil {
		t.Fatal(err)
	}
	if res.MRR >= 1 {
		t.Fatalf("a summary matching only the entry articles cannot find the other document first: %+v", res.RetrievalReport)
	}
}
