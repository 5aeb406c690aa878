package index

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/entities"
)

func sample(id, title, text, class, lang string, kws ...string) *document.Result {
	r := &document.Result{ID: id, Title: title, Filename: id + ".txt", Text: text, Language: lang, Source: "test",
		IngestedAt: time.Now().UTC(), ProcessedAt: time.Now().UTC()}
	r.Class, r.Confidence = class, 0.9
	for _, k := range kws {
		r.Keywords = append(r.Keywords, document.Keyword{Text: k, Score: 1})
	}
	r.Summary = text
	r.Model = document.ModelInfo{Name: "docmill-free", Version: "1", Tier: "free"}
	return r
}

func openTemp(t *testing.T) (*Index, string) {
	t.Helper()
	dir := t.TempDir() + "/ix"
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// closed before the temporary directory is removed: an open index's
	// background merges write into it meanwhile ("directory not empty")
	t.Cleanup(func() { _ = ix.Close() })
	return ix, dir
}

func TestSearchFacetsHighlightAndReopen(t *testing.T) {
	ctx := context.Background()
	ix, dir := openTemp(t)
	docs := []*document.Result{
		sample("a", "Supply Agreement", "This supply agreement is governed by the laws of New York. The supplier shall deliver goods.", "contract", "en", "supply agreement"),
		sample("b", "GDPR Article 6", "Processing shall be lawful only if the data subject has given consent.", "regulation", "en", "consent", "lawful processing"),
		sample("c", "Inert <script>alert(1)</script>", "Payload <script>alert('x')</script> in an agreement body.", "other", "en"),
		sample("d", "数据保护合同", "本合同由甲方和乙方签订，涉及个人数据保护义务。", "contract", "zh", "数据保护"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	// Same id again: still one document.
	if err := ix.Put(ctx, docs[0]); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 4 {
		t.Fatalf("count = %d, want 4", n)
	}
	res, err := ix.Search(ctx, Query{Q: "agreements"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Fatalf("agreements: total %d, want 2 (stemmed match in a and c): %+v", res.Total, res.Hits)
	}
	for _, h := range res.Hits {
		for _, f := range h.Fragments {
			if strings.Contains(f, "<script>") {
				t.Fatalf("fragment not escaped: %q", f)
			}
		}
	}
	if !strings.Contains(strings.Join(res.Hits[0].Fragments, " "), "<mark>") {
		t.Fatalf("no highlight in %v", res.Hits[0].Fragments)
	}
	res, err = ix.Search(ctx, Query{Q: "agreement", Filters: map[string][]string{"class": {"contract"}}})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "a" {
		t.Fatalf("class filter: %+v %v", res, err)
	}
	counts := map[string]int{}
	for _, ft := range res.Facets["class"] {
		counts[ft.Term] = ft.Count
	}
	if counts["contract"] != 1 {
		t.Fatalf("class facet %v", res.Facets["class"])
	}
	res, err = ix.Search(ctx, Query{Q: "数据保护"})
	if err != nil || res.Total == 0 || res.Hits[0].ID != "d" {
		t.Fatalf("chinese: %+v %v", res, err)
	}
	res, err = ix.Search(ctx, Query{Filters: map[string][]string{"keywords": {"consent"}}})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "b" {
		t.Fatalf("keyword filter: %+v %v", res, err)
	}
	// syntax errors are the user's: the API answers 400, not 500; a
	// regular expression is compiled only when the search runs
	for _, q := range []string{"amount:>=abc", "/[a-z/", "summary:/(unclosed/", "licence -"} {
		if _, err := ix.Search(ctx, Query{Q: q}); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%s: err = %v, want ErrBadQuery", q, err)
		}
	}
	// a query Bleve's lexer would take minutes over is refused at once
	if _, err := ix.Search(ctx, Query{Q: strings.Repeat("a", MaxQueryBytes+1)}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("a query of %d bytes: err = %v, want ErrBadQuery", MaxQueryBytes+1, err)
	}
	if _, err := ix.Search(ctx, Query{Q: strings.Repeat("consent ", MaxQueryBytes/8)}); err != nil {
		t.Errorf("a query of %d bytes: %v", MaxQueryBytes, err)
	}
	if _, err := ix.Search(ctx, Query{Q: "consent", From: -5}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("negative from: err = %v, want ErrBadQuery", err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix2, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	got, err := ix2.Get(ctx, "b")
	if err != nil || got.Title != "GDPR Article 6" || got.Class != "regulation" || len(got.Keywords) != 2 {
		t.Fatalf("get after reopen: %+v %v", got, err)
	}
	if _, err := ix2.Get(ctx, "zzz"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing id err = %v", err)
	}
}

func TestTFIDFScoringAndNoEnrichment(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(t.TempDir()+"/ix", Options{Scoring: ScoringTFIDF, NoEnrichment: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	d := sample("x", "Plain", "body text only", "other", "en", "zebra")
	if err := ix.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Q: "zebra"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 {
		t.Fatalf("keywords must not be searchable without enrichment, got %d", res.Total)
	}
}

func TestFacetValue(t *testing.T) {
	cases := []struct {
		e    document.Entity
		want string
	}{
		{document.Entity{Kind: "party", Text: "Acme Corp.", Value: "Company"}, "Acme Corp."},
		{document.Entity{Kind: "governing_law", Text: "governed by the laws of the State of New York", Value: "New York"}, "New York"},
		// no jurisdiction named: no facet value (the sentence was one)
		{document.Entity{Kind: "governing_law", Text: "governed by applicable law"}, ""},
		{document.Entity{Kind: "citation", Text: "Article 6(1)(a)"}, "Article 6(1)(a)"},
	}
	for _, c := range cases {
		if got := FacetValue(c.e); got != c.want {
			t.Errorf("FacetValue(%+v) = %q, want %q", c.e, got, c.want)
		}
	}
}

// Queries that would expand to a huge number of terms, or run without
// end, are refused with a reason instead of taking gigabytes and minutes:
// a regular expression or wildcard matching more than MaxQueryTerms
// words, an edit distance Bleve does not support, a regular expression
// too large to compile; a search past its time limit is ErrTooSlow.
func TestExpensiveQueriesRefused(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	var words strings.Builder
	for i := 0; i <= MaxQueryTerms; i++ {
		words.WriteString("w" + strings.Repeat("x", i%7) + strconv.Itoa(i) + " ")
	}
	if err := ix.Put(ctx, sample("many", "Many words", words.String(), "other", "en")); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"/w.*/", "w*", "agreement~3", "/.{0,1000}/"} {
		_, err := ix.Search(ctx, Query{Q: q})
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("%s: %v, want a bad query", q, err)
		}
	}
	if res, err := ix.Search(ctx, Query{Q: "/w12.*/"}); err != nil || res.Total != 1 {
		t.Errorf("narrow regexp: %+v %v", res, err)
	}
	// each clause under the limit, but many of them: refused before Bleve
	// builds their searchers (300 took 15 s and 4 GB)
	many := strings.TrimSpace(strings.Repeat("/w1[0-9]+/ ", MaxExpandingClauses+1))
	if _, err := ix.Search(ctx, Query{Q: many}); !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), "at most") {
		t.Errorf("%d regular expressions: %v, want a bad query", MaxExpandingClauses+1, err)
	}
	few := strings.TrimSpace(strings.Repeat("/w12[0-9]/ ", MaxExpandingClauses-2) + " agreement~1 contr*")
	if res, err := ix.Search(ctx, Query{Q: few}); err != nil || res.Total != 1 {
		t.Errorf("%d expanding clauses: %+v %v", MaxExpandingClauses, res, err)
	}
	slow, err := Open(t.TempDir()+"/slow", Options{SearchTimeout: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	if _, err := slow.Search(ctx, Query{Q: "anything"}); !errors.Is(err, ErrTooSlow) {
		t.Errorf("timeout: %v", err)
	}
}

// A document indexed again (reprocessed, backfilled) keeps the time it was
// first ingested: the date filter means new to docmill, not re-analysed.
func TestReindexKeepsFirstIngestTime(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	defer ix.Close()
	first := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	r := sample("a", "Supply Agreement", "The supplier shall deliver.", "contract", "en")
	r.IngestedAt = first
	if err := ix.Put(ctx, r); err != nil {
		t.Fatal(err)
	}
	again := sample("a", "Supply Agreement", "The supplier shall deliver.", "contract", "en")
	again.IngestedAt = first.AddDate(0, 6, 0)
	again.Summary = "re-analysed"
	other := sample("b", "Data Rules", "Processing shall be lawful.", "regulation", "en")
	other.IngestedAt = first.AddDate(0, 6, 0)
	if err := ix.PutBatch(ctx, []*document.Result{again, other}); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Get(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if !got.IngestedAt.Equal(first) || got.Summary != "re-analysed" {
		t.Errorf("re-indexed: ingested %v summary %q, want %v and the new analysis", got.IngestedAt, got.Summary, first)
	}
	res, err := ix.Search(ctx, Query{Since: first.AddDate(0, 3, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Hits[0].ID != "b" {
		t.Errorf("since 3 months after the first ingest: %+v, want only the new document", res.Hits)
	}
	if !again.IngestedAt.Equal(first.AddDate(0, 6, 0)) {
		t.Error("the caller's result was changed")
	}
}

// Key phrases, class and entity values are searched by name, not through
// the text plain queries search: there they matched no query word (one
// term each, as written) and only lengthened the text, so two documents
// with the same text ranked apart by how many key phrases they had.
func TestEnrichmentValuesLeaveTextWeightAlone(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	defer ix.Close()
	text := "The tenant shall pay the rent monthly."
	many := sample("many", "Lease", text, "contract", "en", "monthly rent", "tenant obligations", "payment terms", "premises", "landlord")
	many.Entities = []document.Entity{{Kind: "party", Text: "Acme Holdings Ltd"}, {Kind: "citation", Text: "Section 2.3"}}
	none := sample("none", "Lease", text, "contract", "en")
	many.Summary, none.Summary = "", ""
	if err := ix.PutBatch(ctx, []*document.Result{many, none}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Q: "rent", Facets: -1, NoHighlight: true})
	if err != nil || len(res.Hits) != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	if res.Hits[0].Score != res.Hits[1].Score {
		t.Errorf("same text, scores %v and %v: key phrases weigh on the text", res.Hits[0].Score, res.Hits[1].Score)
	}
	for _, q := range []string{`keywords:"payment terms"`, `party:"Acme Holdings Ltd"`, `citation:"Section 2.3"`} {
		if got := ids(t, ix, q); len(got) != 1 || got[0] != "many" {
			t.Errorf("%s: %v", q, got)
		}
	}
}

// A plain query finds a document by its file name, typed whole or by its
// words.
func TestPlainQueryFindsFileName(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	d := sample("lease", "Tenancy", "The tenant shall pay the rent monthly.", "contract", "en")
	d.Filename = "Lease-2024_final.pdf"
	if err := ix.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Lease-2024_final.pdf", "lease-2024_final.pdf", "lease", "final", "2024", `filename:"Lease-2024_final.pdf"`, "Lease-2024_final", "2024_final"} {
		if got := ids(t, ix, q); len(got) != 1 {
			t.Errorf("%s: %v", q, got)
		}
	}
}

// A contract's agreement, effective and expiration dates are searched by
// range ("contracts expiring before March"): the first entity of each kind
// counts (not a renewal's date after it); a month alone or a missing date
// matches no range.
func TestContractDateRanges(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	dated := func(id, expires string) *document.Result {
		d := sample(id, id, "The Supplier shall supply the goods.", "contract", "en")
		d.Entities = []document.Entity{
			{Kind: "agreement_date", Text: "January 5, 2024", Value: "2024-01-05"},
			{Kind: "expiration_date", Text: "the term", Value: expires},
			{Kind: "expiration_date", Text: "a later renewal", Value: "2099-01-01"},
		}
		return d
	}
	soon, later := dated("soon", "2026-12-20"), dated("later", "2028-06-30")
	// a rule's date to comply by is searched the same way
	soon.Entities = append(soon.Entities, document.Entity{Kind: "compliance_date", Text: "by June 30, 2026", Value: "2026-06-30"})
	later.Entities = append(later.Entities, document.Entity{Kind: "compliance_date", Text: "by March 1, 2025", Value: "2025-03-01"})
	for _, d := range []*document.Result{soon, later, dated("month-only", "2027-02"),
		sample("undated", "Memo", "The Supplier shall supply the goods.", "contract", "en")} {
		if err := ix.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]string{
		`expiration_date:<"2027-03-01"`:                                 "soon",
		`expiration_date:>="2027-03-01"`:                                "later",
		`+expiration_date:>"2026-12-01" +expiration_date:<"2027-01-01"`: "soon",
		`+supplier +expiration_date:>"2028-01-01"`:                      "later",
		`+agreement_date:>="2024-01-01" +agreement_date:<="2024-01-31"`: "later month-only soon",
		`expiration_date:<2027-03-01`:                                   "soon",
		`expiration_date:2026-12-20`:                                    "soon",
		`expiration_date:"2026-12"`:                                     "soon",
		`expiration_date:2028`:                                          "later",
		`expiration_date:<=2026`:                                        "soon",
		`expiration_date:>2026-12`:                                      "later",
		`expiration_date:>"2098-12-31"`:                                 "",
		`compliance_date:<2026-01-01`:                                   "later",
		`compliance_date:2026-06`:                                       "soon",
	} {
		if got := ids(t, ix, q); strings.Join(got, " ") != want {
			t.Errorf("%s: %v, want %q", q, got, want)
		}
	}
}

// A query that does not parse says how to write it.
func TestBadQueryHint(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	_, err := ix.Search(context.Background(), Query{Q: "amount:>="})
	if !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), "a comparison takes a number or a date") {
		t.Errorf("amount:>=: %v", err)
	}
	// a field's empty group answered "0 documents"
	for _, q := range []string{"title:(", "title:()", "lease +party:( )", "(title:()"} {
		if _, err := ix.Search(context.Background(), Query{Q: q}); !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), "a field needs a value") {
			t.Errorf("%s: %v", q, err)
		}
	}
	if _, err := ix.Search(context.Background(), Query{Q: "Note:( draft"}); err != nil {
		t.Errorf("Note:( names no field: %v", err)
	}
	if hint := syntaxHint("Re: 10:30 (a"); !strings.Contains(hint, `"10:30"`) {
		t.Errorf("a query with colons and brackets: hint %q", hint)
	}
	if res, err := ix.Search(context.Background(), Query{Q: `"10:30"`}); err != nil {
		t.Errorf(`"10:30": %v %v`, res, err)
	}
}

// A colon that names no field is part of the words: "Note:", "Re:", a
// time and a host's port found nothing, as a field no document has. A
// field's name in any case is the field; a slash alone is no regular
// expression.
func TestColonWithoutFieldAndLoneSlash(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := []*document.Result{
		sample("meeting", "Minutes", "The meeting opened at 10:30 and discussed termination.", "other", "en"),
		sample("log", "DataNode", "Receiving block from /10.251.73.220:50010 at level error", "log", "en"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"10:30":                  {"meeting"},
		"Re: termination":        {"meeting"},
		"Note: termination":      {"meeting"},
		"level: error":           {"log"},
		"10.251.73.220:50010":    {"log"},
		"Title:Minutes":          {"meeting"},
		"termination / expiry":   {"meeting"},
		"/":                      nil,
		"+Note: -termination":    {},
		`Attention:"at 10:30"`:   {"meeting"},
		"title:minutes -level:x": {"meeting"},
	} {
		got := sortedHitIDs(t, ix, q)
		if len(got) != len(want) || !slices.Equal(got, want) && len(want) > 0 {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}

// A search that matches nothing still lists each facet, empty.
func TestEmptyFacetsAreLists(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	if err := ix.Put(context.Background(), sample("a", "A", "The tenant pays rent.", "contract", "en")); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Query{Q: "nothingmatchesthis", Facets: 10})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(res.Facets)
	if len(res.Facets) == 0 || strings.Contains(string(data), "null") {
		t.Errorf("facets of an empty result: %s", data)
	}
}

// A web address typed without quotes finds the documents that give it:
// Bleve's syntax read "http" as a field and the slashes as a regular
// expression, and found nothing without a word of why.
func TestSearchUnquotedURL(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	if err := ix.Put(ctx, sample("apache", "Apache License", "You may obtain a copy of the License at http://www.apache.org/licenses/LICENSE-2.0 under its terms.", "contract", "en")); err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(ctx, sample("other", "Memo", "The licenses of the apache helicopter fleet are renewed yearly.", "other", "en")); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"http://www.apache.org/licenses/LICENSE-2.0", "www.apache.org/licenses", "www.apache.org", "apache.org", "apache.org/licenses"} {
		res, err := ix.Search(ctx, Query{Q: q})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if res.Total == 0 || res.Hits[0].ID != "apache" {
			t.Errorf("%s: %d hits, first %v", q, res.Total, res.Hits)
		}
	}
}

// A domain finds the documents that name a host under it: "example.com"
// finds "docs.example.com" and "www.example.com"; a host finds only
// itself and the hosts under it, not its parent's other sub-domains.
func TestSearchSubdomain(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	for id, text := range map[string]string{
		"docs":  "The API reference is at https://docs.example.com/api/v2 for subscribers.",
		"www":   "Visit www.example.com for the terms.",
		"mail":  "Write to legal@mail.example.com about notices.",
		"other": "Our site is example.org and our status page is status.example.net; see Section 2.3.a of the U.S.A. filing.",
	} {
		if err := ix.Put(ctx, sample(id, id, text, "other", "en")); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string][]string{
		"example.com":            {"docs", "mail", "www"},
		"docs.example.com":       {"docs"},
		"example.net":            {"other"},
		"legal@mail.example.com": {"mail"},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	if got := hostDomains("Section 2.3.a of the U.S.A. filing, v1.2.3, docs.Example.com and eur-lex.europa.eu"); !slices.Equal(got, []string{"docs.example.com", "example.com", "eur-lex.europa.eu", "europa.eu"}) {
		t.Errorf("hostDomains = %v", got)
	}
}

// Money is searchable by value and currency, however the text wrote it:
// amount:>=1000000, currency:CNY amount:15000 (壹万伍仟元).
func TestAmountQueries(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := map[string][]document.Entity{
		"big":   {{Kind: "money", Text: "$1,500,000", Value: "USD 1500000"}, {Kind: "money", Text: "$2,000", Value: "USD 2000"}},
		"small": {{Kind: "money", Text: "$250", Value: "USD 250"}},
		"zh":    {{Kind: "money", Text: "人民币壹万伍仟元", Value: "CNY 15000"}},
		"none":  nil,
	}
	for id, es := range docs {
		d := sample(id, id, "The Buyer shall pay the price.", "contract", "en")
		d.Entities = es
		if err := ix.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string][]string{
		"amount:15000":                  {"zh"},
		"amount:>=1000000":              {"big"},
		"amount:<1000":                  {"small"},
		"+currency:CNY +amount:>=15000": {"zh"},
		"currency:USD":                  {"big", "small"},
		"+amount:>=2000 +amount:<=2000": {"big"},
		// thousands separators, as contracts and registers write sums:
		// the first found nothing, the second was a 400 telling to quote
		"amount:1,500,000":               {"big"},
		"amount:>=1,000,000":             {"big"},
		"+currency:CNY +amount:>=15,000": {"zh"},
		"amount:<1,000.50":               {"small"},
	} {
		if got := ids(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}

// The parts of a dotted name are found on their own: an exception's class
// in a Java stack trace, a logger's method, a host's domain. The dotted
// name itself still finds only the texts that hold it whole, and phrases
// across it keep their places.
func TestDottedNamePartsFound(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	logText := "2015-07-29 17:41:44 WARN  java.io.IOException: Connection reset by peer\n2015-07-29 17:41:45 INFO BLOCK* NameSystem.addStoredBlock: blockMap updated\n" +
		"2015-07-29 17:41:46 INFO login user:mallory from Owner:jsmith at 10:42:07"
	if err := ix.Put(ctx, sample("log", "zookeeper.log", logText, "log", "en")); err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(ctx, sample("memo", "Memo", "The java coffee and the io game are on the agenda.", "other", "en")); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"IOException":         {"log"},
		"ioexception":         {"log"},
		"addStoredBlock":      {"log"},
		"java.io.IOException": {"log"},
		`"java.io.IOException: Connection reset"`: {"log"},
		`"IOException: Connection reset"`:         {"log"},
		"java":                                    {"log", "memo"},
		// a colon parts a word as a dot does
		"mallory": {"log"},
		"jsmith":  {"log"},
		"owner":   {"log"},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}

// A plain query whose every word is in a document's title ranks that
// document first: "Article 17 GDPR" ranked GDPR's article 17 below shorter
// articles that cite "Article 17(1)".
func TestTitleHoldingEveryWordFirst(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := []*document.Result{
		sample("art17", "Regulation (EU) 2016/679 (GDPR), Article 17: Right to erasure ('right to be forgotten')",
			"The data subject shall have the right to obtain from the controller the erasure of personal data concerning him or her without undue delay. "+
				strings.Repeat("The controller shall erase personal data where the data are no longer necessary in relation to the purposes for which they were collected. ", 6), "regulation", "en"),
		sample("art19", "Regulation (EU) 2016/679 (GDPR), Article 19: Notification obligation",
			"The controller shall communicate any erasure of personal data carried out in accordance with Article 17(1) and Article 18 to each recipient.", "regulation", "en"),
		sample("art20", "Regulation (EU) 2016/679 (GDPR), Article 20: Right to data portability",
			"The exercise of the right referred to in paragraph 1 of this Article shall be without prejudice to Article 17.", "regulation", "en"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Article 17 GDPR", "GDPR Article 17", "right to erasure", "Art. 17 GDPR", "GDPR art. 17", "Article 17(1) GDPR", "GDPR Art. 17(1)(a)"} {
		res, err := ix.Search(ctx, Query{Q: q})
		if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != "art17" {
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			t.Errorf("%s: %v %v, want art17 first", q, got, err)
		}
	}
}

// sortedHitIDs is the ids of what q finds, sorted.
func sortedHitIDs(t *testing.T, ix *Index, q string) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), Query{Q: q})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	slices.Sort(got)
	return got
}

// A compound with a particle is found whole: "set-off" was the word "set"
// to the stop-word filter, and found every "set forth". An index made with
// the old stop words still finds what it found (the query loses the
// particle as the text did) and names the upgrade.
func TestCompoundParticlesFound(t *testing.T) {
	docs := []*document.Result{
		sample("setoff", "Payment", "Neither party may exercise any right of set-off against amounts due.", "contract", "en"),
		sample("setforth", "Terms", "The fees set forth in Exhibit A are due within thirty days.", "contract", "en"),
		sample("carve", "Liability", "The cap is subject to a carve-out for breach of confidentiality. Users may opt-out at any time.", "contract", "en"),
	}
	ctx := context.Background()
	ix, _ := openTemp(t)
	defer ix.Close()
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"set-off":      {"setoff"},
		`"set off"`:    {"setoff"},
		"carve-out":    {"carve"},
		"opt-out":      {"carve"},
		"set":          {"setforth", "setoff"},
		`"set forth"`:  {"setforth"},
		"set-off fees": {"setforth", "setoff"},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	if up := ix.Upgrades(); len(up) != 0 {
		t.Errorf("fresh index: %q", up)
	}

	m, err := Mapping(Options{})
	if err != nil {
		t.Fatal(err)
	}
	filters := m.CustomAnalysis.Analyzers[TextAnalyzer]["token_filters"].([]interface{})
	i := slices.Index(filters, interface{}(StopName2))
	if i < 0 {
		t.Fatalf("TextAnalyzer has no %s: %v", StopName2, filters)
	}
	filters[i] = StopName
	old := openWithMapping(t, t.TempDir()+"/old", m)
	if err := old.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if got := sortedHitIDs(t, old, "set-off"); !slices.Equal(got, []string{"setforth", "setoff"}) {
		t.Errorf("old index, set-off: %v, want both (the particle a stop word)", got)
	}
	if up := old.Upgrades(); len(up) != 1 || !strings.Contains(up[0], "set-off") {
		t.Errorf("old index: %q", up)
	}
}

// A prefix pattern across a hyphen finds the compound: "non-compet*" is
// the word "non" before any word that begins with "compet", which no
// single indexed term matched.
func TestCompoundPrefixPattern(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := []*document.Result{
		sample("covenant", "Covenant", "The Employee agrees to a non-compete covenant for twelve months.", "contract", "en"),
		sample("clause", "Clause", "This non-competition clause survives termination.", "contract", "en"),
		sample("pricing", "Pricing", "Competitive pricing is not a non-exclusive right.", "contract", "en"),
		sample("email", "Notice", "Notices may be sent by e-mail to the address above.", "contract", "en"),
		sample("sublicense", "Rights", "Licensee may not sublicense the Software.", "contract", "en"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"non-compet*":  {"clause", "covenant"},
		"Non-Compet*":  {"clause", "covenant"},
		"non-excl*":    {"pricing"},
		"e-mai*":       {"email"},
		"non-compx*":   nil,
		"body:non-co*": {"clause", "covenant"},
		// a hyphenated word finds its compound's other forms, its own
		// first
		"non-compete":     {"clause", "covenant"},
		"non-competition": {"clause", "covenant"},
		`"non-compete"`:   {"covenant"},
		"e-mails":         {"email"},
		"sub-license":     {"sublicense"},
		// and a joined word finds the hyphenated one
		"email":          {"email"},
		"emails":         {"email"},
		"nonexclusive":   {"pricing"},
		"noncompetition": {"clause"},
		"body:email":     {"email"},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	for _, q := range []string{"non-compete", "non-competition"} {
		res, err := ix.Search(ctx, Query{Q: q})
		if err != nil || len(res.Hits) != 2 || !strings.Contains(res.Hits[0].Fragments[0], "<mark>"+q[4:]) {
			t.Errorf("%s: %+v %v, want the text that holds it first", q, res, err)
		}
	}
	res, err := ix.Search(ctx, Query{Q: "non-compet*"})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("%+v %v", res, err)
	}
	if f := strings.Join(res.Hits[0].Fragments, " "); !strings.Contains(f, "<mark>non</mark>-<mark>compet") {
		t.Errorf("fragments do not mark the compound: %q", f)
	}
}

// Brackets group: "(indemnification OR arbitration) AND Delaware" was the
// words "(indemnification", "arbitration)" and "Delaware", and found more
// than Delaware alone. A bracket inside a word or quotes is the word's.
func TestBracketsGroup(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := []*document.Result{
		sample("ind-de", "A", "Indemnification under the laws of Delaware.", "contract", "en"),
		sample("arb-de", "B", "Arbitration seated in Delaware.", "contract", "en"),
		sample("de", "C", "A Delaware corporation sells widgets.", "contract", "en"),
		sample("ind-ny", "D", "Indemnification under the laws of New York, see Section 2(a).", "contract", "en"),
		sample("other", "E", "Lunch is served at noon.", "other", "en"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"(indemnification OR arbitration) AND Delaware":           {"arb-de", "ind-de"},
		"Delaware AND (indemnification OR arbitration)":           {"arb-de", "ind-de"},
		"+(indemnification arbitration) +Delaware":                {"arb-de", "ind-de"},
		"NOT (indemnification OR arbitration)":                    {"de", "other"},
		"-(indemnification arbitration)":                          {"de", "other"},
		"Delaware AND NOT (indemnification OR arbitration)":       {"de"},
		"(Delaware AND indemnification) OR (York AND Section)":    {"ind-de", "ind-ny"},
		"((indemnification OR arbitration) AND Delaware) OR noon": {"arb-de", "ind-de", "other"},
		`("Section 2(a)" OR lunch) AND NOT widgets`:               {"ind-ny", "other"},
		"(lunch)":                     {"other"},
		"widgets ()":                  {"de"},
		"widgets ( ) ( )":             {"de"},
		"class:(other OR regulation)": {"other"},
		"class:(contract) AND body:(Arbitration OR York)": {"arb-de", "ind-ny"},
		"+body:(Delaware widgets) -body:(widgets)":        {"arb-de", "ind-de"},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	for _, q := range []string{"Section 2(a)", "(indemnification OR arbitration", "Article 6(1)(a) Delaware"} {
		if _, ok := splitGroups(q); ok {
			t.Errorf("%s: read as groups", q)
		}
	}
}

// A quoted word is the word, and a query of more than MaxPhrases phrases is
// refused with the reason: 2,000 quoted single letters held a core for
// seconds.
func TestQuotedWordAndPhraseCap(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	if err := ix.Put(ctx, sample("a", "Lease", "The tenant shall pay rent monthly.", "contract", "en")); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{`"tenants"`: 1, `"a" "a" "a"`: 0, `title:"Lease"`: 1} {
		if res, err := ix.Search(ctx, Query{Q: q}); err != nil || res.Total != uint64(want) {
			t.Errorf("%s: %v %v, want %d", q, res, err, want)
		}
	}
	q := strings.Repeat(`"pay rent" "shall pay" `, MaxPhrases/2+1)
	if _, err := ix.Search(ctx, Query{Q: q}); !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), "phrases") {
		t.Errorf("%d phrases: %v", MaxPhrases+2, err)
	}
}

// Accents fold both ways, highlights fall on the word as written, and an
// index made before the folding names the upgrade.
func TestAccentsFold(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := []*document.Result{
		sample("eupl", "EUPL", "Governed by the laws of Québec. Signed by François Müller for AZUL LINHAS AÉREAS, Straße 5.", "contract", "en"),
		sample("plain", "Plain", "Governed by the laws of Quebec.", "contract", "en"),
		sample("zh", "合同", "本合同适用中华人民共和国法律。한국어 문서", "contract", "zh"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"Quebec":            {"eupl", "plain"},
		"Québec":            {"eupl", "plain"},
		"francois":          {"eupl"},
		"aereas":            {"eupl"},
		"Muller":            {"eupl"},
		"strasse":           {"eupl"},
		`"François Müller"`: {"eupl"},
		"法律":                {"zh"},
		"한국어":               {"zh"},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	res, err := ix.Search(ctx, Query{Q: "francois"})
	if err != nil || len(res.Hits) != 1 || !strings.Contains(strings.Join(res.Hits[0].Fragments, " "), "<mark>François</mark>") {
		t.Errorf("highlight: %+v %v", res, err)
	}
	m, err := Mapping(Options{})
	if err != nil {
		t.Fatal(err)
	}
	filters := m.CustomAnalysis.Analyzers[TextAnalyzer]["token_filters"].([]interface{})
	m.CustomAnalysis.Analyzers[TextAnalyzer]["token_filters"] = slices.DeleteFunc(filters, func(f interface{}) bool { return f == FoldAccentsName })
	old := openWithMapping(t, t.TempDir()+"/old", m)
	if err := old.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if got := sortedHitIDs(t, old, "Québec"); !slices.Equal(got, []string{"eupl"}) {
		t.Errorf("old index, Québec: %v, want the text as written", got)
	}
	if up := old.Upgrades(); len(up) != 1 || !strings.Contains(up[0], "accents") {
		t.Errorf("old index: %q", up)
	}
}

// A typo's fuzzy term and a "?" pattern find the word they stand for,
// which the index holds stemmed: "liabilty~1" and "indemn?fication" found
// nothing.
func TestFuzzyAndLetterPatternsFindStems(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := []*document.Result{
		sample("liab", "Cap", "The liability of the Supplier is capped. Indemnification survives termination.", "contract", "en"),
		sample("org", "Org", "Each organisation and organization shall comply with the license and the licence.", "contract", "en"),
		sample("other", "Lunch", "Lunch is at noon.", "other", "en"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"liabilty~1":       {"liab"},
		"terminaton~1":     {"liab"},
		"confidentialty~1": nil,
		"indemn?fication":  {"liab"},
		"organi?ation":     {"org"},
		"licen?e":          {"org"},
		"lunch~1":          {"other"},
		"title:lunch~1":    {"other"},
		"indemn??ication":  {"liab"},
		"i?d?m?ification":  nil,
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}

// A short plain query ranks first the texts that hold its words together:
// "governing law" ranked an article on lawfulness (law, lawful and
// lawfulness are one stem) above the contract with a governing-law clause.
func TestPhraseRanksFirst(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := []*document.Result{
		sample("gdpr", "Lawfulness of processing", "Processing shall be lawful only if and to the extent that the law of the Union or the law of a Member State governing the controller allows it. Lawfulness under Union law.", "regulation", "en"),
		sample("msa", "Master Services Agreement", "The Supplier shall provide the Services described in each statement of work and the Customer shall pay the fees within thirty days. "+
			"Each party shall keep the other's confidential information secret. Governing law. This Agreement is governed by the law of England.", "contract", "en"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Q: "governing law"})
	if err != nil || len(res.Hits) != 2 || res.Hits[0].ID != "msa" {
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		t.Errorf("governing law: %v %v, want msa first", got, err)
	}
}

// A query that does not parse says what to do about the slip it holds:
// every syntax error got the same advice about quoting colons.
func TestSyntaxErrorHints(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	for q, want := range map[string]string{
		"amount:>=abc":              "a comparison takes a number or a date",
		"expiration_date:>notadate": "a comparison takes a number or a date",
		"<script>alert(1)</script>": `"<" and ">" compare a field's value`,
		"title:":                    "a field needs a value after its colon",
		`"data processing"~2`:       `a phrase takes no "~N"`,
		`party:"Acme Corp"~1 lease`: `a phrase takes no "~N"`,
	} {
		_, err := ix.Search(context.Background(), Query{Q: q})
		if !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want a hint %q", q, err, want)
		}
	}
	for _, q := range []string{"amount:>=1000000", "expiration_date:<2027-01-01", "amount:>1000 AND class:contract"} {
		if _, err := ix.Search(context.Background(), Query{Q: q}); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
}

// A sum of money typed as a plain query finds the documents whose money
// entities have its value and currency (a number typed alone, any
// currency: "25000" found nothing where the text wrote "$25,000"), however their text wrote it
// (addEntities normalises them): 25000元 and ¥25000 found neither
// 人民币贰万伍仟元 nor ¥25,000.00, and 人民币贰万伍仟元 only itself. The
// text match stays beside it; the currency must agree.
func TestPlainQueryFindsAmounts(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	texts := map[string]string{
		"zh-words":  "合同总价为人民币贰万伍仟元整，由买方支付。",
		"zh-digits": "合同总价为¥25,000.00，由买方支付。",
		"en-sign":   "The Buyer shall pay $25,000 on signing.",
		"en-code":   "The Buyer shall pay USD 25,000 on signing.",
		"en-other":  "The Buyer shall pay $30,000 on signing.",
		"none":      "The Buyer shall pay the price on signing.",
	}
	for id, text := range texts {
		d := sample(id, id, text, "contract", "")
		d.Entities = entities.Extract(text, "")
		if err := ix.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string][]string{
		"25000元":     {"zh-digits", "zh-words"},
		"¥25000":     {"zh-digits", "zh-words"},
		"人民币贰万伍仟元":   {"zh-digits", "zh-words"},
		"$25,000":    {"en-code", "en-sign"},
		"25,000 USD": {"en-code", "en-sign"},
		// beside a required clause, the sum only ranks
		"+class:contract $25,000": {"en-code", "en-other", "en-sign", "none", "zh-digits", "zh-words"},
		// an excluded sum is no amount to find
		"-¥25000 price": {"none"},
		// a number typed alone finds the sums of that amount in any
		// currency, written with separators as the text may be
		"25000": {"en-code", "en-sign", "zh-digits", "zh-words"},
		"30000": {"en-other"},
	} {
		if got := ids(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}
