package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/logs"
)

// facetCorpus is varied on purpose: empty and repeated values, ties,
// entities on some documents only, Chinese text, ingestion times in
// every date bucket, in the future and unset.
func facetCorpus(now time.Time) []*document.Result {
	r := rand.New(rand.NewPCG(7, 8))
	classes := []string{"contract", "regulation", "log", "other"}
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	var out []*document.Result
	for i := 0; i < 300; i++ {
		lang, text := "en", "the agreement covers "+words[i%len(words)]+" and "+words[r.IntN(len(words))]
		if i%10 == 0 {
			lang, text = "zh", "本合同涉及数据保护义务"
		}
		d := sample(fmt.Sprintf("d%03d", i), "doc "+words[r.IntN(len(words))], text, classes[r.IntN(len(classes))], lang)
		if i%3 == 0 {
			d.Subtype = []string{"nda", "lease", ""}[r.IntN(3)]
		}
		for k := 0; k < r.IntN(4); k++ {
			d.Keywords = append(d.Keywords, document.Keyword{Text: words[r.IntN(len(words))], Score: 1})
		}
		if i%4 == 0 {
			d.Entities = []document.Entity{{Kind: "party", Text: fmt.Sprintf("Co %d", r.IntN(5))}, {Kind: "governing_law", Text: "laws of X", Value: "X"}}
		}
		if i%5 == 0 { // contracts that expired, or expire in 10 days to two years
			days := []int{-10, 10, 60, 200, 800}[r.IntN(5)]
			d.Entities = append(d.Entities, document.Entity{Kind: "expiration_date", Text: "the term",
				Value: now.AddDate(0, 0, days).UTC().Format(time.DateOnly)})
		}
		d.Source = []string{"http", "folder"}[i%2]
		d.IngestedAt = now.Add(-time.Duration(r.IntN(60*24)) * time.Hour)
		switch i % 50 {
		case 1:
			d.IngestedAt = now.Add(2 * time.Hour)
		case 2:
			d.IngestedAt = time.Time{}
		case 3:
			d.IngestedAt = time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		out = append(out, d)
	}
	return out
}

// TestCombinedFacetsMatchBleveFacets checks the facet counter against
// Bleve's per-field facets on the same index: same terms, counts and
// order for every facet, across queries, filters, sorts and sizes.
func TestCombinedFacetsMatchBleveFacets(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	if !ix.combinedFacets {
		t.Fatal("a new index should have the combined facet fields")
	}
	now := time.Now()
	if err := ix.PutBatch(ctx, facetCorpus(now)); err != nil {
		t.Fatal(err)
	}
	queries := []Query{
		{},
		{Q: "agreement"},
		{Q: "alpha OR beta", Facets: 2},
		{Q: "数据"},
		{Q: "agreement", Filters: map[string][]string{"class": {"contract", "log"}}, Sort: "date", From: 5},
		{Since: now.Add(-10 * 24 * time.Hour), Facets: 1},
		{Q: "nomatchwhatsoever"},
		{Q: "gamma", FacetFields: []string{"keywords", "class"}},
		{Q: "gamma", FacetFields: []string{}},
	}
	sawAllDates := false
	for _, q := range queries {
		ix.combinedFacets = true
		got, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		ix.combinedFacets = false
		want, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total {
			t.Fatalf("%+v: total %d, want %d", q, got.Total, want.Total)
		}
		// Bleve's facets show the folded fields' terms, their keys
		if !reflect.DeepEqual(keysOfFolded(got.Facets), want.Facets) {
			t.Errorf("%+v:\n got  %v\n want %v", q, got.Facets, want.Facets)
		}
		// documents without a sub-type are no "" value, and date ranges
		// come in their own order
		for f, ts := range got.Facets {
			for _, ft := range ts {
				if ft.Term == "" {
					t.Errorf("%+v: empty %s value", q, f)
				}
			}
		}
		var order []string
		for _, ft := range got.Facets[dateFacetName] {
			order = append(order, ft.Term)
		}
		if strings.Join(order, "|") == "last 24h|last 7 days|last 30 days|older" {
			sawAllDates = true
		}
	}
	if !sawAllDates {
		t.Error("no query showed the date ranges in order")
	}
	ix.combinedFacets = true
	res, err := ix.Search(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Facets["class"]) == 0 || len(res.Facets["ingested_at"]) == 0 || len(res.Facets["party"]) == 0 || len(res.Facets["expiration_date"]) < 4 {
		t.Fatalf("facets of all documents are missing values: %v", res.Facets)
	}
}

// keysOfFolded is facets with the values of the folded fields replaced
// by their FacetKey.
func keysOfFolded(facets map[string][]FacetTerm) map[string][]FacetTerm {
	out := map[string][]FacetTerm{}
	for f, ts := range facets {
		if foldedFields[f] && ts != nil {
			ks := make([]FacetTerm, len(ts))
			for i, t := range ts {
				ks[i] = FacetTerm{Term: FacetKey(t.Term), Count: t.Count}
			}
			ts = ks
		}
		out[f] = ts
	}
	return out
}

// spellingDocs write one party and one jurisdiction several ways, as
// contracts do; "both" writes the party two ways in one document.
func spellingDocs() []*document.Result {
	doc := func(id string, es ...document.Entity) *document.Result {
		d := sample(id, "Agreement "+id, "This agreement is made between the parties.", "contract", "en")
		d.Entities = es
		return d
	}
	party := func(s string) document.Entity { return document.Entity{Kind: "party", Text: s, Value: "Company"} }
	law := func(s string) document.Entity {
		return document.Entity{Kind: "governing_law", Text: "laws of the State of " + s, Value: s}
	}
	return []*document.Result{
		doc("caps", party("ACME CORP."), law("DELAWARE")),
		doc("title", party("Acme Corp."), law("Delaware")),
		doc("spaces", party("Acme \n Corp"), law("Delaware")),
		doc("both", party("Acme Corp."), party("ACME CORP"), law("delaware.")),
		doc("other", party("Globex LLC"), law("New York")),
	}
}

// TestFacetsFoldSpellings: party and governing-law values that differ in
// case, spacing or a trailing point are one facet value, shown as most
// documents write it, and a filter or field query in any of the
// spellings finds them all, also after the index is reopened.
func TestFacetsFoldSpellings(t *testing.T) {
	ctx := context.Background()
	ix, dir := openTemp(t)
	if err := ix.PutBatch(ctx, spellingDocs()); err != nil {
		t.Fatal(err)
	}
	check := func(ix *Index) {
		t.Helper()
		res, err := ix.Search(ctx, Query{})
		if err != nil {
			t.Fatal(err)
		}
		if want := []FacetTerm{{"Acme Corp.", 4}, {"Globex LLC", 1}}; !reflect.DeepEqual(res.Facets["party"], want) {
			t.Errorf("party facet %v, want %v", res.Facets["party"], want)
		}
		if want := []FacetTerm{{"Delaware", 4}, {"New York", 1}}; !reflect.DeepEqual(res.Facets["governing_law"], want) {
			t.Errorf("governing_law facet %v, want %v", res.Facets["governing_law"], want)
		}
		for _, q := range []Query{
			{Filters: map[string][]string{"party": {"ACME CORP"}}},
			{Filters: map[string][]string{"party": {"acme   corp."}, "governing_law": {"DELAWARE"}}},
			{Filters: map[string][]string{"governing_law": {"Delaware"}}},
			{Q: `party:"acme corp."`},
			{Q: "governing_law:DELAWARE"},
			{Q: "party:ACME*"},
		} {
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			if res.Total != 4 {
				t.Errorf("%q %v: %d hits, want the 4 with Acme and Delaware", q.Q, q.Filters, res.Total)
			}
		}
	}
	check(ix)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	check(ix)
}

// TestOldIndexFacetsAsWritten: an index created before party and
// governing law were folded (keyword fields, values as written) keeps
// working as before: values as written, filters exact.
// unfoldedMapping is the mapping of an index made before facets were
// folded: party and governing-law values as written.
func unfoldedMapping(t *testing.T) *mapping.IndexMappingImpl {
	t.Helper()
	m, err := Mapping(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for f := range foldedFields {
		m.DefaultMapping.Properties[f].Fields = nil
		m.DefaultMapping.AddFieldMappingsAt(f, fieldMapping(FieldSpec{Name: f, Kind: "keyword", InAll: true}))
	}
	return m
}

func TestOldIndexFacetsAsWritten(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() + "/ix"
	ix := openWithMapping(t, dir, unfoldedMapping(t))
	if ix.keys["party"] != nil {
		t.Fatal("an index with keyword party fields taken for a folded one")
	}
	if err := ix.PutBatch(ctx, spellingDocs()); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{FacetFields: []string{"governing_law"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []FacetTerm{{"Delaware", 2}, {"DELAWARE", 1}, {"New York", 1}, {"delaware.", 1}}
	if !reflect.DeepEqual(res.Facets["governing_law"], want) {
		t.Errorf("governing_law facet %v, want %v", res.Facets["governing_law"], want)
	}
	for v, n := range map[string]uint64{"DELAWARE": 1, "Delaware": 2} {
		res, err := ix.Search(ctx, Query{Filters: map[string][]string{"governing_law": {v}}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != n {
			t.Errorf("filter %q: %d hits, want %d", v, res.Total, n)
		}
	}
}

func TestFacetKey(t *testing.T) {
	for in, want := range map[string]string{
		"ACME CORP.":         "acme corp",
		" Acme\tCorp ;":      "acme corp",
		"S.A.":               "s.a",
		"England and Wales":  "england and wales",
		"...":                "",
		"Acme\x1fCorp":       "acme corp",
		"ÉTAT DE NEW-YORK.,": "état de new-york",
	} {
		if got := FacetKey(in); got != want {
			t.Errorf("FacetKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// Log templates are kept per source under logs.SourceKey, which must be
// the key the source facet groups and filters by: what search shows as one
// source is one template history.
func TestSourceKeyIsFacetKey(t *testing.T) {
	for _, in := range []string{"payments-api", "PAYMENTS-API", " Web 1\t", "bucket_Contracts", "ÉTAT.,", "...", "a\x1fb"} {
		if got, want := logs.SourceKey(in), FacetKey(in); got != want {
			t.Errorf("logs.SourceKey(%q) = %q, FacetKey %q", in, got, want)
		}
	}
}

// The expiry facet counts contracts by when they end, relative to today
// (buckets overlap as the ingestion-date ones do), and a bucket's range
// filters the hits to them.
func TestExpiryFacetAndFilter(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	defer ix.Close()
	now := time.Now()
	want := map[string]int{}
	for i, days := range []int{900, -1, 120, -400, 30, 366, 0, 45, 5, 365} { // not in date order; the 30th day is within 30 days
		d := sample(fmt.Sprintf("c%d", i), "contract", "The Supplier shall supply.", "contract", "en")
		d.Entities = []document.Entity{{Kind: "expiration_date", Text: "the term", Value: now.AddDate(0, 0, days).UTC().Format(time.DateOnly)}}
		if err := ix.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
		for _, b := range ExpiryBuckets {
			if (b.From == NoBound || days >= b.From) && (b.To == NoBound || days < b.To) {
				want[b.Name]++
			}
		}
	}
	if err := ix.Put(ctx, sample("none", "memo", "No term here.", "other", "en")); err != nil {
		t.Fatal(err)
	}
	if want["expired"] != 2 || want["within 30 days"] != 3 || want["later"] != 2 {
		t.Fatalf("test buckets miscounted: %v", want)
	}
	res, err := ix.Search(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, ft := range res.Facets["expiration_date"] {
		order = append(order, ft.Term)
		if ft.Count != want[ft.Term] {
			t.Errorf("%s: %d, want %d", ft.Term, ft.Count, want[ft.Term])
		}
	}
	if strings.Join(order, "|") != "expired|within 30 days|within 90 days|within a year|later" {
		t.Errorf("buckets %v", order)
	}
	from, until, ok := ExpiryRange("within 30 days", now)
	if !ok {
		t.Fatal("no range for within 30 days")
	}
	res, err = ix.Search(ctx, Query{ExpiresFrom: from, ExpiresUntil: until})
	if err != nil || res.Total != 3 {
		t.Errorf("filtered to within 30 days: %d hits (want 3), %v", res.Total, err)
	}
	if _, _, ok := ExpiryRange("someday", now); ok {
		t.Error("an unknown bucket has a range")
	}
	// sorted by expiry: the earliest end first, the undated last
	res, err = ix.Search(ctx, Query{Sort: "expires", Size: 20})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	if strings.Join(got, " ") != "c3 c1 c6 c8 c4 c7 c2 c9 c5 c0 none" {
		t.Errorf("sorted by expiry: %v", got)
	}
}

func TestFacetFieldsSelectsAndRejects(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	if err := ix.PutBatch(ctx, facetCorpus(time.Now())); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{FacetFields: []string{"class"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Facets["expiration_date"]; len(res.Facets) != 3 || res.Facets["class"] == nil || res.Facets["ingested_at"] == nil || !ok {
		t.Fatalf("FacetFields class: got facets %v, want class, ingested_at and expiration_date only", res.Facets)
	}
	if _, err := ix.Search(ctx, Query{FacetFields: []string{"nosuch"}}); err == nil {
		t.Fatal("an unknown facet field should be a bad query")
	}
}

func TestCompactMergesToOneSegment(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	docs := facetCorpus(time.Now())
	for i := 0; i < len(docs); i += 30 {
		if err := ix.PutBatch(ctx, docs[i:i+30]); err != nil {
			t.Fatal(err)
		}
	}
	before, err := ix.Search(ctx, Query{Q: "agreement"})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := ix.Segments(); err != nil || n != 1 {
		t.Fatalf("segments after Compact = %d, %v; want 1", n, err)
	}
	after, err := ix.Search(ctx, Query{Q: "agreement"})
	if err != nil {
		t.Fatal(err)
	}
	if after.Total != before.Total || !reflect.DeepEqual(after.Facets, before.Facets) {
		t.Fatalf("Compact changed results: %d %v, was %d %v", after.Total, after.Facets, before.Total, before.Facets)
	}
}

// Sub-types are written as their classifier names them ("contract/Hosting",
// "regulation/data protection"): the facet shows that spelling, and the
// facet's own link (the value as shown), the value in lower case and a
// subtype: query all find the document. On an index made before
// sub-types were folded the value as written still filters.
func TestSubtypeAnyCase(t *testing.T) {
	ctx := context.Background()
	docs := func() []*document.Result {
		a := sample("a", "hosting", "The Provider shall host the Software.", "contract", "en")
		a.Subtype = "contract/Hosting"
		b := sample("b", "alliance", "The parties shall cooperate.", "contract", "en")
		b.Subtype = "contract/Strategic Alliance"
		return []*document.Result{a, b}
	}
	ix, _ := openTemp(t)
	defer ix.Close()
	if err := ix.PutBatch(ctx, docs()); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{FacetFields: []string{"subtype"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []FacetTerm{{"contract/Hosting", 1}, {"contract/Strategic Alliance", 1}}
	if !reflect.DeepEqual(res.Facets["subtype"], want) {
		t.Errorf("subtype facet %v, want %v", res.Facets["subtype"], want)
	}
	for _, q := range []Query{
		{Filters: map[string][]string{"subtype": {"contract/Hosting"}}},
		{Filters: map[string][]string{"subtype": {"CONTRACT/hosting"}}},
		{Q: `subtype:"contract/hosting"`},
		{Q: `subtype:contract/Hosting`},
		{Q: `subtype:contract/Hos*`},
	} {
		res, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		if res.Total != 1 || res.Hits[0].ID != "a" {
			t.Errorf("%+v: %d hits, want the hosting agreement", q, res.Total)
		}
	}
	res, err = ix.Search(ctx, Query{Filters: map[string][]string{"subtype": {"contract/strategic alliance"}}})
	if err != nil || res.Total != 1 {
		t.Errorf("a sub-type of two words in lower case: %v hits (%v)", res, err)
	}

	old := openWithMapping(t, t.TempDir()+"/ix", unfoldedMapping(t))
	defer old.Close()
	if old.keys["subtype"] != nil {
		t.Fatal("an index with a keyword subtype field taken for a folded one")
	}
	if err := old.PutBatch(ctx, docs()); err != nil {
		t.Fatal(err)
	}
	res, err = old.Search(ctx, Query{Filters: map[string][]string{"subtype": {"contract/Hosting"}}})
	if err != nil || res.Total != 1 {
		t.Errorf("old index, the sub-type as written: %v (%v)", res, err)
	}
	if !slices.ContainsFunc(old.Upgrades(), func(s string) bool { return strings.Contains(s, "sub-types") }) {
		t.Errorf("upgrades of an old index do not name folded sub-types: %q", old.Upgrades())
	}
}

func TestPartyKey(t *testing.T) {
	for in, want := range map[string]string{
		"CENTRACK INTERNATIONAL, INC.": "centrack international",
		"Centrack International Inc":   "centrack international",
		"Acme Co., Ltd.":               "acme",
		"The Coca-Cola Company":        "coca-cola",
		"Foo L.L.C.":                   "foo",
		"Limited":                      "limited",
		"S.A.":                         "s.a",
		"The":                          "the",
		"Bank of America":              "bank of america", "Shenzhen Acme Co.,Ltd.": "shenzhen acme", "Acme GmbH & Co. KG": "acme",
		"A. B. WATLEY, INC.": "a.b. watley", "A.B. Watley": "a.b. watley", "J. R. R. Tolkien": "j.r.r. tolkien", "Mr. A. Smith": "mr. a. smith",
	} {
		if got := PartyKey(in); got != want {
			t.Errorf("PartyKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// A company written with and without its legal form is one party; an
// index made before parties dropped it keeps them apart and names the
// rebuild that brings it.
func TestPartyLegalFormsFold(t *testing.T) {
	ctx := context.Background()
	docs := func() []*document.Result {
		var out []*document.Result
		for id, p := range map[string]string{"a": "CENTRACK INTERNATIONAL, INC.", "b": "Centrack International", "c": "Centrack International Inc", "d": "Globex Holdings"} {
			d := sample(id, "Agreement "+id, "This agreement is made between the parties.", "contract", "en")
			d.Entities = []document.Entity{{Kind: "party", Text: p, Value: "Company"}}
			out = append(out, d)
		}
		return out
	}
	ix, _ := openTemp(t)
	if err := ix.PutBatch(ctx, docs()); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	if f := res.Facets["party"]; len(f) != 2 || f[0].Count != 3 || !strings.HasPrefix(f[0].Term, "Centrack International") {
		t.Errorf("party facet %v, want Centrack International 3, Globex Holdings 1", f)
	}
	for _, q := range []Query{
		{Filters: map[string][]string{"party": {"Centrack International, Inc."}}},
		{Filters: map[string][]string{"party": {"centrack international"}}},
		{Q: `party:"Centrack International Inc."`},
	} {
		if res, err := ix.Search(ctx, q); err != nil || res.Total != 3 {
			t.Errorf("%q %v: %v hits (%v), want 3", q.Q, q.Filters, res.Total, err)
		}
	}
	if up := ix.Upgrades(); slices.ContainsFunc(up, func(s string) bool { return strings.Contains(s, "legal form") }) {
		t.Errorf("a new index lists the legal-form upgrade: %q", up)
	}

	old := olderPartyIndex(t, FacetKeyAnalyzer, "", docs())
	defer old.Close()
	res, err = old.Search(ctx, Query{Filters: map[string][]string{"party": {"CENTRACK INTERNATIONAL, INC."}}})
	if err != nil || res.Total != 1 {
		t.Errorf("older index, filter by the name with its form: %v hits (%v), want 1", res.Total, err)
	}
	if !slices.ContainsFunc(old.Upgrades(), func(s string) bool { return strings.Contains(s, "legal form") }) {
		t.Errorf("upgrades of an older index do not name the legal form: %q", old.Upgrades())
	}
}

func TestKeywordKey(t *testing.T) {
	for in, want := range map[string]string{
		"Products":      "product",
		"member States": "member stat", "Member State": "member stat",
		"privacy policies": "privacy policy",
		"business":         "business",
		"data analysis":    "data analysis",
		"boxes":            "box",
		"EU":               "eu",
		"个人信息":             "个人信息",
		"data analyses":    "data analysis", "hypotheses": "hypothesis", "Indices": "index", "index": "index",
		"criteria": "criterion", "legal bases": "legal basis", "services": "servic", "service": "servic",
		"premises": "premis", "crises": "crisis", "crisis": "crisis",
		"damages": "damag", "damage": "damag", "cookies": "cooky", "cookie": "cooky", "caches": "cach", "cache": "cach", "bonuses": "bonus", "statuses": "status", "status": "status", "Movies": "movy",
	} {
		if got := KeywordKey(in); got != want {
			t.Errorf("KeywordKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// Key phrases that differ in case or number are one facet value, shown as
// most documents write it; a filter in any of the spellings finds them all.
func TestKeywordFacetFolds(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	docs := []*document.Result{
		sample("a", "A", "Products are shipped.", "contract", "en", "Products", "EU"),
		sample("b", "B", "The product is shipped.", "contract", "en", "product", "EU"),
		sample("c", "C", "The products ship.", "contract", "en", "products", "eu"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []FacetTerm{{"EU", 3}, {"product", 3}}; !reflect.DeepEqual(res.Facets["keywords"], want) {
		t.Errorf("keywords facet %v, want %v", res.Facets["keywords"], want)
	}
	for _, q := range []Query{
		{Filters: map[string][]string{"keywords": {"Product"}}},
		{Q: `keywords:PRODUCTS`},
	} {
		if res, err := ix.Search(ctx, q); err != nil || res.Total != 3 {
			t.Errorf("%q %v: %v hits (%v), want 3", q.Q, q.Filters, res.Total, err)
		}
	}
}

// An index made on 2026-11-30 with the first keyword key (regular plurals
// only) still finds its key phrases by any spelling it folded, and lists
// the irregular plurals among its upgrades; a new index folds them.
func TestKeywordKeyVersions(t *testing.T) {
	ctx := context.Background()
	m, err := Mapping(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.AddCustomAnalyzer(keywordKey1Analyzer, keyAnalyzerConfig(keywordKey1FilterName)); err != nil {
		t.Fatal(err)
	}
	m.DefaultMapping.Properties["keywords"].Fields[0].Analyzer = keywordKey1Analyzer
	old := openWithMapping(t, t.TempDir()+"/old", m)
	fresh, _ := openTemp(t)
	defer fresh.Close()
	if up := old.Upgrades(); len(up) != 1 || !strings.Contains(up[0], "Latin or Greek plural") {
		t.Errorf("index with the first keyword key: upgrades %q", up)
	}
	if up := fresh.Upgrades(); len(up) != 0 {
		t.Errorf("fresh index: upgrades %q", up)
	}
	docs := []*document.Result{
		sample("a", "A", "One analysis.", "other", "en", "Data analysis", "Products"),
		sample("b", "B", "Two analyses.", "other", "en", "data analyses", "product"),
	}
	for name, c := range map[string]struct {
		ix                 *Index
		analyses, products int
	}{"old": {old, 1, 2}, "fresh": {fresh, 2, 2}} {
		if err := c.ix.PutBatch(ctx, docs); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]int{"data analyses": c.analyses, "PRODUCTS": c.products} {
			res, err := c.ix.Search(ctx, Query{Filters: map[string][]string{"keywords": {q}}})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != uint64(want) {
				t.Errorf("%s index, keywords=%s: %d hits, want %d", name, q, res.Total, want)
			}
		}
	}
}

// A source is filtered in any case ("bucket_Contracts" as a header named
// it, "bucket_contracts" as typed) and shown as written.
func TestSourceAnyCase(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	defer ix.Close()
	a := sample("a", "lease", "The Tenant shall pay rent.", "contract", "en")
	a.Source = "bucket_Contracts"
	b := sample("b", "memo", "Lunch is at noon.", "other", "en")
	b.Source = "folder"
	if err := ix.PutBatch(ctx, []*document.Result{a, b}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []Query{
		{Filters: map[string][]string{"source": {"bucket_contracts"}}},
		{Filters: map[string][]string{"source": {"BUCKET_CONTRACTS"}}},
		{Q: "source:bucket_contracts"},
	} {
		res, err := ix.Search(ctx, q)
		if err != nil || res.Total != 1 || res.Hits[0].ID != "a" {
			t.Errorf("%+v: %v %v, want the lease", q, res, err)
		}
	}
	res, err := ix.Search(ctx, Query{FacetFields: []string{"source"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []FacetTerm{{"bucket_Contracts", 1}, {"folder", 1}}; !reflect.DeepEqual(res.Facets["source"], want) {
		t.Errorf("source facet %v, want %v", res.Facets["source"], want)
	}
	if res.Hits[0].Source == "" {
		t.Error("hit without its source")
	}
}

// Initials written with or without spaces are one party; an index whose
// party keys keep the spaces names the rebuild that joins them.
func TestPartyInitialsFold(t *testing.T) {
	ctx := context.Background()
	docs := func() []*document.Result {
		var out []*document.Result
		for id, p := range map[string]string{"a": "A. B. WATLEY, INC.", "b": "A.B. Watley"} {
			out = append(out, contractWith(id, document.Entity{Kind: "party", Text: p, Value: "Company"}))
		}
		return out
	}
	ix, _ := openTemp(t)
	defer ix.Close()
	if err := ix.PutBatch(ctx, docs()); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Filters: map[string][]string{"party": {"A.B. Watley"}}})
	if err != nil || res.Total != 2 || len(res.Facets["party"]) != 1 {
		t.Errorf("filter A.B. Watley: %v hits, facet %v (%v), want 2 hits, one value", res.Total, res.Facets["party"], err)
	}
	if up := ix.Upgrades(); slices.ContainsFunc(up, func(s string) bool { return strings.Contains(s, "initials") }) {
		t.Errorf("a new index lists the initials upgrade: %q", up)
	}
	old := olderPartyIndex(t, partyKey2Analyzer, partyKey2FilterName, docs())
	defer old.Close()
	res, err = old.Search(ctx, Query{Filters: map[string][]string{"party": {"A.B. Watley"}}})
	if err != nil || res.Total != 1 {
		t.Errorf("older index, filter A.B. Watley: %v hits (%v), want 1", res.Total, err)
	}
	if !slices.ContainsFunc(old.Upgrades(), func(s string) bool { return strings.Contains(s, "initials") }) {
		t.Errorf("upgrades of an older index do not name the initials: %q", old.Upgrades())
	}
}

// contractWith is a contract with id and entities ents.
func contractWith(id string, ents ...document.Entity) *document.Result {
	d := sample(id, "Agreement "+id, "This agreement is made between the parties.", "contract", "en")
	d.Entities = ents
	return d
}

// olderPartyIndex is an index whose parties are keyed by analyzer, as an
// older release made them (defined from filter when this release's
// mapping no longer names it), holding docs.
func olderPartyIndex(t *testing.T, analyzer, filter string, docs []*document.Result) *Index {
	t.Helper()
	m, err := Mapping(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if filter != "" {
		if err := m.AddCustomAnalyzer(analyzer, copyConfig(keyAnalyzerConfig(filter))); err != nil {
			t.Fatal(err)
		}
	}
	m.DefaultMapping.Properties["party"].Fields = nil
	m.DefaultMapping.AddFieldMappingsAt("party", fieldMapping(FieldSpec{Name: "party", Kind: "keyword", Analyzer: analyzer}))
	ix := openWithMapping(t, t.TempDir()+"/ix", m)
	if err := ix.PutBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return ix
}

// Party and governing-law values that differ only in accents are one:
// governing_law:Quebec finds Québec, as a plain search for Quebec does.
// An index made before keeps its keys and lists the rebuild.
func TestFacetKeysFoldAccents(t *testing.T) {
	ctx := context.Background()
	docs := func() []*document.Result {
		var out []*document.Result
		for id, v := range map[string][2]string{"a": {"Société Générale S.A.", "Québec"}, "b": {"SOCIETE GENERALE SA", "Quebec"}} {
			out = append(out, contractWith(id, document.Entity{Kind: "party", Text: v[0], Value: "Bank"},
				document.Entity{Kind: "governing_law", Text: "the laws of " + v[1], Value: v[1]}))
		}
		return out
	}
	ix, _ := openTemp(t)
	defer ix.Close()
	if err := ix.PutBatch(ctx, docs()); err != nil {
		t.Fatal(err)
	}
	for field, value := range map[string]string{"party": "Societe Generale", "governing_law": "quebec"} {
		res, err := ix.Search(ctx, Query{Filters: map[string][]string{field: {value}}})
		if err != nil || res.Total != 2 || len(res.Facets[field]) != 1 {
			t.Errorf("filter %s=%s: %v hits, facet %v (%v), want 2 hits, one value", field, value, res.Total, res.Facets[field], err)
		}
	}
	if res := sortedHitIDs(t, ix, "governing_law:Québec"); len(res) != 2 {
		t.Errorf("governing_law:Québec finds %v, want both", res)
	}
	if up := ix.Upgrades(); slices.ContainsFunc(up, func(s string) bool { return strings.Contains(s, "accents") }) {
		t.Errorf("a new index lists the accents upgrade: %q", up)
	}
	old := olderPartyIndex(t, partyKey3Analyzer, partyKey3FilterName, docs())
	defer old.Close()
	if res, err := old.Search(ctx, Query{Filters: map[string][]string{"party": {"Societe Generale"}}}); err != nil || res.Total != 1 {
		t.Errorf("older index, filter Societe Generale: %v hits (%v), want 1", res.Total, err)
	}
	if !slices.ContainsFunc(old.Upgrades(), func(s string) bool { return strings.Contains(s, "accents") }) {
		t.Errorf("upgrades of an older index do not name accents: %q", old.Upgrades())
	}
}

// A Chinese company's party value is keyed without its legal form, as
// "Inc." and "Ltd." are: party=北京华信科技 finds 北京华信科技有限公司, and the
// facet shows one value for the two spellings. An index made before keeps
// its keys and lists the rebuild.
func TestPartyKeyDropsChineseLegalForm(t *testing.T) {
	ctx := context.Background()
	docs := func() []*document.Result {
		var out []*document.Result
		for id, v := range map[string]string{"a": "北京华信科技有限公司", "b": "北京華信科技股份有限公司", "c": "有限公司"} {
			d := sample(id, "采购合同"+id, "甲方与乙方签订本合同。", "contract", "zh")
			d.Entities = []document.Entity{{Kind: "party", Text: v, Value: "甲方"}}
			out = append(out, d)
		}
		return out
	}
	ix, _ := openTemp(t)
	defer ix.Close()
	if err := ix.PutBatch(ctx, docs()); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Filters: map[string][]string{"party": {"北京华信科技"}}})
	if err != nil || res.Total != 2 {
		t.Errorf("filter party=北京华信科技: %v hits (%v), want 2", res.Total, err)
	}
	if got := PartyKey("有限公司"); got != "有限公司" {
		t.Errorf("a name that is only a legal form: key %q, want it kept", got)
	}
	if up := ix.Upgrades(); slices.ContainsFunc(up, func(s string) bool { return strings.Contains(s, "Chinese parties") }) {
		t.Errorf("a new index lists the upgrade: %q", up)
	}
	old := olderPartyIndex(t, partyKey4Analyzer, partyKey4FilterName, docs())
	defer old.Close()
	if res, err := old.Search(ctx, Query{Filters: map[string][]string{"party": {"北京华信科技"}}}); err != nil || res.Total != 0 {
		t.Errorf("older index, filter 北京华信科技: %v hits (%v), want 0 (its keys keep the form)", res.Total, err)
	}
	if !slices.ContainsFunc(old.Upgrades(), func(s string) bool { return strings.Contains(s, "Chinese parties") }) {
		t.Errorf("upgrades of an older index do not name Chinese parties: %q", old.Upgrades())
	}
}
