package index

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// Queries as a compliance user types them, against how the text was
// indexed (lower case, stemmed, Chinese as bigrams).
func TestQueriesMatchHowTextWasIndexed(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	defer ix.Close()
	docs := []struct{ id, title, text, class, lang string }{
		{"term", "Supply Agreement", "Either party may terminate this Agreement on notice. Termination takes effect in 30 days.", "contract", "en"},
		{"indem", "Services Agreement", "The Supplier shall indemnify the Customer. Disputes go to arbitration.", "contract", "en"},
		{"noncomp", "Employment Agreement", "The employee accepts a non-compete covenant for one year.", "contract", "en"},
		{"noncomp2", "Decision", "A non-judicial body is competent to decide.", "regulation", "en"},
		{"ctrl", "控制器设计", "本文设计了一种新的控制器。", "other", "zh"},
		{"ctrl2", "控制方法", "本文研究控制点的仿真方法。", "other", "zh"},
		{"enisa", "ENISA tasks", "ENISA supports cybersecurity certification.", "regulation", "en"},
		{"erasure", "Right to erasure", "The data subject may obtain erasure of personal data.", "regulation", "en"},
		{"cyber", "Cybersecurity strategy", "Member States adopt a cybersecurity strategy.", "regulation", "en"},
	}
	for _, d := range docs {
		var kws []string
		if d.id == "term" {
			kws = []string{"Confidential Information"} // stored in lower case
		}
		r := sample(d.id, d.title, d.text, d.class, d.lang, kws...)
		if err := ix.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		q    string
		want string // ids, sorted
	}{
		{"terminat*", "term"},
		{"Indemnif*", "indem"},
		{"arbitrat*", "indem"},
		{"non-compete", "noncomp"},
		{"控制器", "ctrl"},
		{"控制器 NOT 仿真", "ctrl"},
		{"方法 -控制器", "ctrl2"},
		{`keywords:"Confidential Information"`, "term"},
		{"class:Regulation AND erasure", "erasure"},
		{"ENISA AND cybersecurity OR erasure", "enisa erasure"},
		{"erasure OR cybersecurity AND ENISA", "enisa erasure"},
	} {
		res, err := ix.Search(ctx, Query{Q: c.q, Size: 50})
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: %v, want %s", c.q, got, c.want)
		}
	}
	res, err := ix.Search(ctx, Query{Filters: map[string][]string{"keywords": {"Confidential Information"}, "class": {"Contract"}}})
	if err != nil || res.Total != 1 {
		t.Errorf("filters in another case: %+v %v", res, err)
	}
	// the fragments shown are those with the match
	res, _ = ix.Search(ctx, Query{Q: "arbitration"})
	for _, f := range res.Hits[0].Fragments {
		if !strings.Contains(f, "<mark>") {
			t.Errorf("fragment without the match: %q", f)
		}
	}
}

// Clause enumerators are single letters, which the English stop list
// drops: "Section 2.3(a)" matched every "Section 2.3", "Article 6(1)(i)"
// every "Article 6(1)".
func TestClauseLettersSearchable(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	defer ix.Close()
	for id, text := range map[string]string{
		"a":     "Termination under Section 2.3(a) requires notice.",
		"b":     "Termination under Section 2.3(b) requires notice.",
		"plain": "Termination under Section 2.3 requires notice.",
		"art":   "Processing is lawful under Article 6(1)(a) of the Regulation.",
		"arti":  "Processing is lawful under Article 6(1)(i) of the Regulation.",
	} {
		if err := ix.Put(ctx, sample(id, id, text, "contract", "en")); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]string{`"Section 2.3(a)"`: "a", `"Article 6(1)(i)"`: "arti", `"Article 6(1)(a)"`: "art"} {
		res, err := ix.Search(ctx, Query{Q: q})
		if err != nil || res.Total != 1 || res.Hits[0].ID != want {
			t.Errorf("%s: %+v %v, want only %s", q, res, err, want)
		}
	}
}

// A log printed to PDF is found among the logs and among the PDFs.
func TestContainerTypeFilters(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	defer ix.Close()
	logPDF := sample("logpdf", "app.pdf", "ERROR disk full", "log", "en")
	logPDF.ContentType, logPDF.Meta = "text/x-log", map[string]string{"container_type": "application/pdf"}
	pdf := sample("pdf", "Lease", "The tenant shall pay rent.", "contract", "en")
	pdf.ContentType = "application/pdf"
	plainLog := sample("log", "app.log", "WARN slow", "log", "en")
	plainLog.ContentType = "text/x-log"
	for _, r := range []*document.Result{logPDF, pdf, plainLog} {
		if err := ix.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for ct, want := range map[string]string{"application/pdf": "logpdf pdf", "text/x-log": "log logpdf"} {
		res, err := ix.Search(ctx, Query{Filters: map[string][]string{"content_type": {ct}}, Size: 10, Facets: 10})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != want {
			t.Errorf("content_type=%s: %v, want %s", ct, got, want)
		}
	}
	res, err := ix.Search(ctx, Query{Size: 0, Facets: 10})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, f := range res.Facets["content_type"] {
		counts[f.Term] = f.Count
	}
	if counts["application/pdf"] != 2 || counts["text/x-log"] != 2 {
		t.Errorf("content_type facet %v, want 2 PDFs and 2 logs", counts)
	}
	if got, err := ix.Get(ctx, "logpdf"); err != nil || got.ContentType != "text/x-log" {
		t.Errorf("stored result %v, %v: content type should stay text/x-log", got, err)
	}
}
