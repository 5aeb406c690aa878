package index

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"github.com/docmill/docmill/document"
)

// TestTwoPassHighlightMatchesOnePass checks that highlighting the page's
// hits in a second search gives the fragments that Bleve gives when the
// main search highlights.
func TestTwoPassHighlightMatchesOnePass(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	if err := ix.PutBatch(ctx, facetCorpus(time.Now())); err != nil {
		t.Fatal(err)
	}
	queries := []Query{
		{Q: "agreement"},
		{Q: "alph*", Size: 20, From: 3},
		{Q: `"agreement covers"`, Sort: "date"},
		{Q: "数据保护"},
		{Q: "gamma", Filters: map[string][]string{"class": {"contract"}}},
	}
	for _, q := range queries {
		got, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		req, _, err := ix.buildRequest(q)
		if err != nil {
			t.Fatal(err)
		}
		sctx, err := ix.scoringContext(ctx, ix.bi, req.Query)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ix.bi.SearchInContext(sctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || len(res.Hits) != len(got.Hits) {
			t.Fatalf("%q: %d hits, one-pass search %d", q.Q, len(got.Hits), len(res.Hits))
		}
		marked := 0
		for i, h := range res.Hits {
			want := toHit(h)
			if got.Hits[i].ID != want.ID || !reflect.DeepEqual(got.Hits[i].Fragments, want.Fragments) {
				t.Errorf("%q hit %d: %s %q, one-pass %s %q", q.Q, i, got.Hits[i].ID, got.Hits[i].Fragments, want.ID, want.Fragments)
			}
			if len(want.Fragments) > 0 {
				marked++
			}
		}
		if marked == 0 {
			t.Errorf("%q: no hit has fragments", q.Q)
		}
	}
}

// TestHighlightLooksAtTheFirstMatches checks the bound on highlighting. A
// text's opening has one of the query's two words many times; its end has
// both. Bleve's own highlighter, which looks at every match, takes its
// fragment from the end (a fragment scores by the distinct query words in
// it); docmill's looks at the first maxHighlightLocations matches only,
// so its fragment comes from the opening.
func TestHighlightLooksAtTheFirstMatches(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	var b strings.Builder
	for i := 0; i < maxHighlightLocations+50; i++ {
		fmt.Fprintf(&b, "Clause %d names one widget and nothing else of note here. ", i)
	}
	for i := 0; i < 200; i++ {
		b.WriteString("A widget and a gadget. ")
	}
	if err := ix.Put(ctx, sample("big", "Long text", b.String(), "other", "en")); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Search(ctx, Query{Q: "widget gadget"})
	if err != nil {
		t.Fatal(err)
	}
	frags := strings.Join(got.Hits[0].Fragments, " ")
	if !strings.Contains(frags, "<mark>widget</mark>") || strings.Contains(frags, "gadget") {
		t.Errorf("fragments should come from the opening: %q", frags)
	}
	// The same search with Bleve's unbounded highlighter takes the end, so
	// the assertion above can fail.
	req := bleve.NewSearchRequest(bleve.NewQueryStringQuery("widget gadget"))
	req.Highlight = bleve.NewHighlightWithStyle("html")
	req.Highlight.Fields = []string{"body"}
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(res.Hits[0].Fragments["body"], " "), "<mark>gadget</mark>") {
		t.Fatalf("control: Bleve's highlighter did not take the end: %q", res.Hits[0].Fragments["body"])
	}
}

// TestStarMatchesAllWithoutHighlighting checks that "*" lists every
// document like an empty query, with no fragments to compute.
func TestStarMatchesAllWithoutHighlighting(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	if err := ix.PutBatch(ctx, facetCorpus(time.Now())); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"*", " * ", ""} {
		got, err := ix.Search(ctx, Query{Q: q, Facets: -1})
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != 300 {
			t.Errorf("%q: %d hits, want 300", q, got.Total)
		}
		for _, h := range got.Hits {
			if len(h.Fragments) > 0 {
				t.Errorf("%q: hit %s has fragments %q", q, h.ID, h.Fragments)
			}
		}
	}
}

func TestFirstLocations(t *testing.T) {
	loc := func(start uint64) *search.Location { return &search.Location{Start: start, End: start + 1} }
	tlm := search.TermLocationMap{"a": {loc(50), loc(5)}, "b": {loc(1), loc(70)}, "c": {loc(30)}}
	got := firstLocations(tlm, 3)
	starts := map[string][]uint64{}
	for term, locs := range got {
		for _, l := range locs {
			starts[term] = append(starts[term], l.Start)
		}
	}
	want := map[string][]uint64{"a": {5}, "b": {1}, "c": {30}}
	if !reflect.DeepEqual(starts, want) {
		t.Errorf("firstLocations = %v, want %v", starts, want)
	}
	if n := countLocations(firstLocations(tlm, 10)); n != 5 {
		t.Errorf("a bound above the count keeps %d of 5", n)
	}
}

// A text of one word repeated 400,000 times and a query naming it 32
// times: Bleve's highlighting read the position of every occurrence for
// every clause, 3.7 GB for one search. Highlighting reads the text's
// opening once, whatever the query.
func TestHighlightCostBoundedByText(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	if err := ix.Put(ctx, sample("zeta", "Zeta", strings.Repeat("zeta ", 400000), "log", "en")); err != nil {
		t.Fatal(err)
	}
	q := Query{Q: strings.TrimSpace(strings.Repeat("zeta ", 32))}
	if _, err := ix.Search(ctx, Query{Q: "zeta", NoHighlight: true}); err != nil { // warm
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := ix.Search(ctx, q)
	runtime.ReadMemStats(&after)
	if err != nil || res.Total != 1 {
		t.Fatalf("%v, %d hits", err, res.Total)
	}
	if !strings.Contains(strings.Join(res.Hits[0].Fragments, " "), "<mark>zeta</mark> <mark>zeta</mark>") {
		t.Errorf("fragments %q", res.Hits[0].Fragments)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 512<<20 {
		t.Errorf("one search allocated %d MB", n>>20)
	} else {
		t.Logf("one search allocated %d MB", n>>20)
	}
}

// A fragment's cut word at either end goes: "…f a personal data breach"
// read as a word "f".
func TestFragmentsWholeWords(t *testing.T) {
	for in, want := range map[string]string{
		"…f a personal <mark>data</mark> breach … supervisory auth…": "… a personal <mark>data</mark> breach … supervisory…",
		"The controller shall <mark>notify</mark> the authority.":    "The controller shall <mark>notify</mark> the authority.",
		"…<mark>breach</mark> of the duty…":                          "…<mark>breach</mark> of the…",
		"…ion <mark>notify</mark>…":                                  "… <mark>notify</mark>…",
		"… eros, egestas scelerisque orci laoreet ut.…":              "… eros, egestas scelerisque orci laoreet ut.…",
		// mixed Chinese and Latin text: a Chinese character ends the word
		"…igues参数<mark>配置</mark>说明Rodri…": "…参数<mark>配置</mark>说明…",
		"…参数<mark>配置</mark>说明…":           "…参数<mark>配置</mark>说明…",
		// the fragment is HTML: a character reference keeps its semicolon
		// (the text's own ";" before the cut goes)
		"…keep &lt;img src=x onerror=<mark>alert</mark>(2)&gt; Conf…":   "… &lt;img src=x onerror=<mark>alert</mark>(2)&gt;…",
		"…shall perform a final &#34;<mark>true-up</mark>&#34; calcul…": "… perform a final &#34;<mark>true-up</mark>&#34;…",
		"…x <mark>O&#39;Reilly</mark> &amp; Sons; Conf…":                "… <mark>O&#39;Reilly</mark> &amp; Sons…",
		"…x under <mark>Section</mark> 5; th…":                          "… under <mark>Section</mark> 5…",
		"…x <mark>AT</mark>&amp; Tel…":                                  "… <mark>AT</mark>&amp;…",
	} {
		if got := wholeWords(in); got != want {
			t.Errorf("wholeWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// Through a search: a fragment that the highlighter cuts inside a word
// does not open with the word's tail.
func TestSearchFragmentsWholeWords(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	long := strings.Repeat("abcdefghijklmnopqrstuvwxyz0123 ", 12)
	text := long + "Caused by: java.io.IOException: connection reset by peer " + long
	if err := ix.Put(context.Background(), sample("log", "app.log", text, "log", "en")); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Query{Q: "IOException"})
	if err != nil || len(res.Hits) != 1 || len(res.Hits[0].Fragments) == 0 {
		t.Fatalf("%+v %v", res, err)
	}
	for _, f := range res.Hits[0].Fragments {
		for _, w := range strings.Fields(strings.NewReplacer("…", " ", "<mark>", " ", "</mark>", " ").Replace(f)) {
			if w != "abcdefghijklmnopqrstuvwxyz0123" && strings.Contains("abcdefghijklmnopqrstuvwxyz0123", w) {
				t.Errorf("fragment holds a cut word %q: %q", w, f)
			}
		}
	}
}

// A Chinese phrase is shown where the text has it whole, not where it
// has only its first word: the phrase's bigrams, joined into one mark,
// were scored as that word alone, so an NDA's "友好协商" in its opening
// tied with the dispute clause's "协商不成" and the opening was shown.
func TestChinesePhraseFragmentWhereWhole(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	filler := strings.Repeat("第二条 本协议所称商业秘密，包括但不限于甲方的技术资料、客户名单、经营计划、财务数据以及其他未公开的信息。\n", 8)
	text := "鉴于甲乙双方拟就软件开发项目开展合作，双方经友好协商，达成如下协议。\n" + filler +
		"第六条 因本协议发生的争议，双方应协商解决；协商不成的，任何一方均可申请仲裁。\n"
	if err := ix.Put(context.Background(), sample("nda", "保密协议", text, "contract", "zh")); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Query{Q: "协商不成"})
	if err != nil || len(res.Hits) != 1 || len(res.Hits[0].Fragments) == 0 {
		t.Fatalf("%+v %v", res, err)
	}
	if f := res.Hits[0].Fragments[0]; !strings.Contains(f, "<mark>协商不成</mark>") {
		t.Errorf("fragment %q, want the clause with 协商不成 marked", f)
	}
}

// Fragments quote the text: a summary's rewording ("including the
// warranties") is shown only when the text shows no match, and then
// labelled as the summary.
func TestFragmentsQuoteTheText(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	d := sample("mit", "MIT License", "THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY.", "other", "en")
	d.Summary = "The software is provided as is, without warranty of any kind, express or implied, including the warranties of merchantability. The service keeps no copy."
	if err := ix.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Q: "including"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	for _, f := range res.Hits[0].Fragments {
		if !strings.Contains(f, "NOT LIMITED") || strings.HasPrefix(f, SummaryLabel) {
			t.Errorf("fragment not from the text: %q", f)
		}
	}
	res, err = ix.Search(ctx, Query{Q: "service"})
	if err != nil || len(res.Hits) != 1 || len(res.Hits[0].Fragments) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if f := res.Hits[0].Fragments[0]; !strings.HasPrefix(f, SummaryLabel) || !strings.Contains(f, "<mark>service</mark>") {
		t.Errorf("a match in the summary alone: %q, want it labelled", f)
	}
}

// A phrase through a dotted word is marked: the word's parts share its
// position, and the highlighter read only the last token of a position,
// so an e-mail address or a host found its document with no passage.
func TestDottedPhraseHighlighted(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	doc := sample("nda", "NDA", "Notices shall be sent by e-mail to legal@acme-corp.example within five days of the event.", "contract", "en")
	if err := ix.Put(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"legal@acme-corp.example", `"legal@acme-corp.example"`, "acme-corp.example"} {
		res, err := ix.Search(context.Background(), Query{Q: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 || len(res.Hits[0].Fragments) == 0 || !strings.Contains(res.Hits[0].Fragments[0], "<mark>corp.example</mark>") {
			t.Errorf("%s: %+v", q, res.Hits)
		}
	}
}

// A log's passage is the lines that match, not the lines around them: a
// search for a failure showed the INFO lines before it run into it.
func TestLogFragmentsAreTheMatchingLines(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	text := "2024-03-01T10:00:00Z INFO  scheduler tick queue=12\n" +
		"2024-03-01T10:00:01Z INFO  scheduler tick queue=13\n" +
		"2024-03-01T10:00:02Z FATAL database connection refused host=db1\n" +
		"2024-03-01T10:00:03Z INFO  scheduler tick queue=14\n" +
		"2024-03-01T10:00:04Z INFO  scheduler tick queue=15\n"
	if err := ix.Put(context.Background(), sample("app", "app.log", text, "log", "en")); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Query{Q: "refused"})
	if err != nil || len(res.Hits) != 1 || len(res.Hits[0].Fragments) == 0 {
		t.Fatalf("%+v %v", res, err)
	}
	want := "2024-03-01T10:00:02Z FATAL database connection <mark>refused</mark> host=db1"
	if f := res.Hits[0].Fragments[0]; f != want {
		t.Errorf("fragment %q, want %q", f, want)
	}
}

// A short title that opens the text does not hide the text's passage:
// the marks inside a fragment counted as its letters, so a title of 28
// letters with one word marked read as a passage of more than 40, and
// the text's passage, which opens with the title, was dropped as the same
// one. "agreement" showed an NDA by its heading alone and the web page fell
// back to the summary; "data retention" showed the policy by its title.
func TestShortTitleKeepsTextPassage(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := []*document.Result{
		sample("nda", "MUTUAL NON-DISCLOSURE AGREEMENT", "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Mutual Non-Disclosure Agreement is made on March 1, 2024 between Acme Corp. and Globex Inc.", "contract", "en"),
		sample("policy", "Data Retention Policy", "Data Retention Policy\n\nVersion 3.1. Exceptions to data retention periods require written approval of the Chief Compliance Officer.", "other", "en"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, id, want string }{
		{"agreement", "nda", "made on March 1, 2024"},
		{"data retention", "policy", "Chief Compliance Officer"},
	} {
		res, err := ix.Search(ctx, Query{Q: c.q})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			if h.ID == c.id {
				got = h.Fragments
			}
		}
		if !slices.ContainsFunc(got, func(f string) bool { return strings.Contains(f, c.want) && !strings.HasPrefix(f, SummaryLabel) }) {
			t.Errorf("%s: fragments %q, want the text's passage with %q", c.q, got, c.want)
		}
	}
}

// A Chinese title that opens the text does not hide the text's passage
// either: the shortest passage was counted in bytes, so a title of 14
// characters (42 bytes) read as a passage, and the article that matched
// showed its law's name alone.
func TestChineseTitleKeepsTextPassage(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	d := sample("pipl", "中华人民共和国个人信息保护法", "中华人民共和国个人信息保护法\n\n第四十七条 有下列情形之一的，个人信息处理者应当主动删除个人信息；个人信息处理者未删除的，个人有权请求删除。", "regulation", "zh")
	if err := ix.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Q: "删除个人信息"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if got := res.Hits[0].Fragments; !slices.ContainsFunc(got, func(f string) bool { return strings.Contains(f, "第四十七条") }) {
		t.Errorf("fragments %q, want the article's passage", got)
	}
}
