package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/docmill/docmill/document"
)

func chineseDocs() []*document.Result {
	return []*document.Result{
		sample("lease", "房屋租赁合同", "出租方：北京华信置业有限公司。租赁期限自2023年1月1日起，月租金人民币15,000元。", "contract", "zh"),
		sample("service", "技术服务合同", "甲方委托乙方提供软件开发服务，合同金额三十万元。", "contract", "zh"),
		sample("license", "软件许可协议", "本协议由Acme Software Ltd.与被许可方签订，授权在servers上运行。", "contract", "zh"),
		sample("labor", "勞動合同", "用人單位：南京長江電子有限公司，工資每月8000元，2024年簽訂，僱傭期三年。", "contract", "zh"), // traditional
		sample("gdpr", "GDPR", "Processing shall be lawful only if the data subject has given consent.", "regulation", "en"),
	}
}

func ids(t *testing.T, ix *Index, q string) []string {
	t.Helper()
	return idsOf(t, ix, Query{Q: q, Size: 20})
}

// idsOf is the sorted ids of the hits of q.
func idsOf(t *testing.T, ix *Index, q Query) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

// TestChineseQuerySyntax: queries mixing Chinese and the query syntax, or
// searching English words inside Chinese documents, mean what they say.
func TestChineseQuerySyntax(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	if err := ix.PutBatch(context.Background(), chineseDocs()); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q    string
		want []string
	}{
		{"合同 -北京", []string{"labor", "service"}},
		{"+合同 +北京", []string{"lease"}},
		{"合同 NOT 北京", []string{"labor", "service"}},
		{"合同 AND 北京", []string{"lease"}},
		{`"租赁合同"`, []string{"lease"}},
		{`"服务合同"`, []string{"service"}},
		{"title:劳动", []string{"labor"}},
		{"Acme", []string{"license"}},
		{"servers", []string{"license"}},
		{"2024", []string{"labor"}},
		{"software 软件", []string{"license", "service"}},
		{"２０２３", []string{"lease"}}, // full-width digits, as a Chinese input method types them
		{"ＡＣＭＥ", []string{"license"}},
		{"租", []string{"lease"}},         // one character: first half of 租赁, second of 出租
		{"资", []string{"labor"}},         // second half only (工资)
		{"+租 -北京", nil},                  // the rewrite keeps the operators
		{"consent", []string{"gdpr"}},    // English as before
		{"consenting", []string{"gdpr"}}, // stemmed
		{"party:租", nil},                 // a keyword field is not rewritten
		// a lone character at a query's end or start: the text pairs it
		// with its neighbour (日起, 年簽, 期三)
		{"1月1日", []string{"lease"}},
		{`"2023年1月1日"`, []string{"lease"}},
		{"2024年", []string{"labor"}},
		{"期三年", []string{"labor"}},
		{"自2023", []string{"lease"}},
		{"2月1日", nil}, // still a phrase: 2 is not 1
		{"title:1月1日", nil},
		{"資", []string{"labor"}}, // traditional, as the index holds it: 资
		{"單", []string{"labor"}},
	}
	for _, c := range cases {
		if got := ids(t, ix, c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.q, got, c.want)
		}
	}
	res, err := ix.Search(context.Background(), Query{Q: "Acme"})
	if err != nil || len(res.Hits) != 1 || len(res.Hits[0].Fragments) == 0 {
		t.Fatalf("Acme: no highlight: %+v %v", res, err)
	}
	// a phrase widened at its end (1月1日 against 1月1日起) is highlighted
	res, err = ix.Search(context.Background(), Query{Q: "1月1日"})
	if err != nil || len(res.Hits) != 1 || !strings.Contains(fmt.Sprint(res.Hits[0].Fragments), "<mark>") {
		t.Fatalf("1月1日: no highlight: %+v %v", res, err)
	}
}

// TestFullWidthQuerySyntax: the query syntax typed with a full-width
// keyboard (a Chinese or Japanese input method) means what its ASCII form
// means, and full-width punctuation that is no syntax stays text.
func TestFullWidthQuerySyntax(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	dated := func(id, effective string) *document.Result {
		d := sample(id, "NDA", "双方应对商业秘密承担保密义务。", "contract", "zh", "保密协议")
		d.Entities = []document.Entity{{Kind: "effective_date", Text: effective, Value: effective}}
		return d
	}
	docs := append(chineseDocs(),
		sample("notice", "付款通知", "注意：付款期限为三十日。", "regulation", "zh"),
		sample("fees", "付款条款", "本合同项下的服务费用按月支付。", "contract", "zh"), // 服务 and 合同, not 服务合同
		dated("nda-2019", "2019-05-01"), dated("nda-2024", "2024-03-01"))
	if err := ix.PutBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q, ascii string
		want     []string
	}{
		{"class：regulation", "class:regulation", []string{"gdpr", "notice"}},
		{"ｃｌａｓｓ：regulation", "class:regulation", []string{"gdpr", "notice"}},
		{"Title：劳动", "Title:劳动", []string{"labor"}},
		{"＋合同 －北京", "+合同 -北京", []string{"fees", "labor", "service"}},
		{"合同　－北京", "合同 -北京", []string{"fees", "labor", "service"}}, // U+3000 between the terms
		{"＋class：contract －合同", "+class:contract -合同", []string{"license", "nda-2019", "nda-2024"}},
		{"＂服务合同＂", `"服务合同"`, []string{"service"}},
		{"＂subject data＂", `"subject data"`, nil}, // the words, not the phrase
		{"“服务合同”", `"服务合同"`, []string{"service"}},
		{"「服务合同」 -北京", `"服务合同" -北京`, []string{"service"}},
		{"keywords：「保密协议」", `keywords:"保密协议"`, []string{"nda-2019", "nda-2024"}},
		{"effective_date：＞＝２０２４－０１", "effective_date:>=2024-01", []string{"nda-2024"}},
		{"effective_date：２０２４－０３－０１", "effective_date:2024-03-01", []string{"nda-2024"}},
		{"＋effective_date：＞２０１８ ＋effective_date：＜２０２０", "+effective_date:>2018 +effective_date:<2020", []string{"nda-2019"}},
		// no syntax: a colon after words that name no field, quotes
		// inside a pasted sentence
		{"注意：付款", "注意 付款", []string{"fees", "notice"}},
		{"甲方：北京", "甲方 北京", []string{"lease", "service"}},
		{"合同约定“商业秘密”义务", "合同约定 商业秘密 义务", []string{"nda-2019", "nda-2024"}},
	} {
		got, ascii := ids(t, ix, c.q), ids(t, ix, c.ascii)
		if !slices.Equal(got, c.want) || !slices.Equal(ascii, c.want) {
			t.Errorf("%s: got %v (%s: %v), want %v", c.q, got, c.ascii, ascii, c.want)
		}
	}
	var exported []string
	if err := ix.Export(context.Background(), Query{Q: "class：regulation"}, false, func(r *document.Result, _ string, _ bool) error {
		exported = append(exported, r.ID)
		return nil
	}); err != nil || !slices.Equal(exported, []string{"gdpr", "notice"}) {
		t.Errorf("export class：regulation: %v %v", exported, err)
	}
}

// asciiSyntax writes only the syntax in ASCII.
func TestASCIISyntax(t *testing.T) {
	for in, want := range map[string]string{
		"class：contract":   "class:contract",
		"ＣＬＡＳＳ：contract":   "CLASS:contract",
		"governing＿law：北京": "governing_law:北京",
		"＋a　－b":            "+a -b",
		"a － b":            "a － b", // a dash, as "a - b"
		"e－mail":           "e－mail",
		"“保密 协议” 「a」":      `"保密 协议" "a"`,
		"－party：『北京 华信』":   `-party:"北京 华信"`,
		"(“a b” OR c)":     `("a b" OR c)`,
		"“”":               "“”",
		"“a":               "“a",
		"“a”b":             "“a”b",
		`“a "b” c"`:        `“a "b” c"`,
		"amount：＞＝１０００．５":  "amount:>=１０００.５", // digits fold later, with all others (foldWidth)
		"effective_date：２０２４－０１－３１": "effective_date:２０２４-０１-３１",
		"party：Ａ－１":        "party:Ａ－１",
		"注意：付款":            "注意：付款",
		"Note：termination": "Note：termination",
		"class：":           "class：",
		"class： contract":  "class： contract",
		`"class：contract"`: `"class：contract"`,
		`a\＂`:              `a\"`,
		"x：“a b”":          "x：“a b”",
	} {
		if got := asciiSyntax(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// A numbered article is found however the query or the text numbers it:
// 第3条 and 第三条, 第17条 and 第十七條.
func TestChinesePartNumbersEitherWay(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	a := sample("a", "劳动合同", "第3条 劳动报酬按月支付。第17条 本合同一式两份。", "contract", "zh")
	b := sample("b", "租賃合約", "第三条 租金按月支付。第十七條 本合約一式兩份。第一百零五条 附则。依照民法典第一千一百六十五条。", "contract", "zh")
	if err := ix.PutBatch(context.Background(), []*document.Result{a, b}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"第三条":        {"a", "b"},
		"第3条":        {"a", "b"},
		"第十七条":       {"a", "b"},
		"第17條":       {"a", "b"},
		`"第3条 劳动报酬"`: {"a"},
		`"第三条 劳动报酬"`: {"a"},
		"第105条":      {"b"},
		"第1165条":     {"b"},
		"第一千一百六十五条":  {"b"},
		"第1032条":     nil,
		"第4条":        nil,
		"第三条 -劳动":    {"b"},
	} {
		if got := ids(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", q, got, want)
		}
	}
	for n, want := range map[int]string{1: "一", 10: "十", 17: "十七", 20: "二十", 105: "一百零五", 110: "一百一十", 999: "九百九十九", 1032: "一千零三十二"} {
		if v, ok := zhNumeralValue(want); !ok || v != n {
			t.Errorf("zhNumeralValue(%s) = %d, want %d", want, v, n)
		}
	}
	if v, ok := zhNumeralValue("一一三"); ok {
		t.Errorf("digit by digit read as %d", v)
	}
}

// A date is found however the query or the text writes it.
func TestChineseDatesEitherWay(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	docs := []*document.Result{
		sample("a", "租赁合同", "本合同自2024年3月1日起生效。", "contract", "zh"),
		sample("b", "借款合同", "本合同自2024-03-01起生效。", "contract", "zh"),
		sample("c", "劳动合同", "本合同自二〇二四年三月一日起生效。", "contract", "zh"),
		sample("d", "服务合同", "本合同自2024年3月2日起生效。", "contract", "zh"),
	}
	if err := ix.PutBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	all := []string{"a", "b", "c"}
	for _, q := range []string{"2024年3月1日", "2024-03-01", "二〇二四年三月一日", "2024/3/1", `"自2024年3月1日起"`} {
		if got := ids(t, ix, q); !slices.Equal(got, all) {
			t.Errorf("%s: got %v, want %v", q, got, all)
		}
	}
	if got := ids(t, ix, "2024年3月2日"); !slices.Equal(got, []string{"d"}) {
		t.Errorf("another day: got %v", got)
	}
	if v := dateVariants("2024年13月1日"); v != nil {
		t.Errorf("an impossible date has variants %v", v)
	}
}

// An English date is found however the query or the text writes it: in
// the text, as a phrase, and a date alone also through a contract's date
// fields, which hold the day its entity extractor read from any wording.
func TestEnglishDatesEitherWay(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	docs := []*document.Result{
		sample("us", "Services Agreement", "This Agreement is entered into as of January 5, 2024 by the parties.", "contract", "en"),
		sample("uk", "Consulting Agreement", "This Agreement is made on 5 January 2024 between the parties.", "contract", "en"),
		sample("iso", "Order", "Order placed 2024-01-05 by the buyer.", "other", "en"),
		sample("abbr", "Lease", "Signed on Jan. 5, 2024 at the office.", "contract", "en"),
		sample("field", "Supply Agreement", "Made the fifth day of January in the year two thousand twenty-four.", "contract", "en"),
		sample("other", "Licence", "This Licence is made on January 6, 2024 and on 5 February 2024.", "contract", "en"),
		sample("ord", "Note", "Signed on Jan. 5th, 2024 at noon.", "other", "en"),
		sample("deed", "Deed", "Made this 5th day of January, 2024 by the grantor.", "other", "en"),
	}
	docs[4].Entities = []document.Entity{{Kind: "agreement_date", Text: "the fifth day of January", Value: "2024-01-05"}}
	if err := ix.PutBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	all := []string{"abbr", "deed", "field", "iso", "ord", "uk", "us"}
	for _, q := range []string{"2024-01-05", "2024/1/5", `"January 5, 2024"`, `"5 January 2024"`, `"Jan 5, 2024"`, `"2024-01-05"`, "2024年1月5日"} {
		if got := ids(t, ix, q); !slices.Equal(got, all) {
			t.Errorf("%s: got %v, want %v", q, got, all)
		}
	}
	if got := ids(t, ix, `"January 5, 2024" buyer`); !slices.Contains(got, "iso") || slices.Contains(got, "other") {
		t.Errorf("a date among words: got %v", got)
	}
	if got := ids(t, ix, "2024-02-05"); !slices.Equal(got, []string{"other"}) {
		t.Errorf("another day: got %v", got)
	}
	// a day that does not exist is searched as written, with no date field
	if got := ids(t, ix, "2024-02-30"); len(got) != 0 {
		t.Errorf("February 30: got %v", got)
	}
}

// TestLegacyChineseIndex: an index created before TextAnalyzer (Chinese
// text in _cjk fields, _all analysed as English) keeps finding Chinese
// documents, new ones included.
func TestLegacyChineseIndex(t *testing.T) {
	dir := t.TempDir() + "/ix"
	m, err := Mapping(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"title", "body", "summary"} {
		old := FieldSpec{Name: f, Kind: "text", Analyzer: en.AnalyzerName, Store: true, InAll: true, Vectors: true}
		m.DefaultMapping.AddFieldMappingsAt(f, fieldMapping(old))
		zh := FieldSpec{Name: f + cjkSuffix, Kind: "text", Analyzer: cjk.AnalyzerName, Store: true, Vectors: true}
		m.DefaultMapping.AddFieldMappingsAt(zh.Name, fieldMapping(zh))
	}
	m.DefaultAnalyzer = en.AnalyzerName
	ix := openWithMapping(t, dir, m)
	if !ix.legacyCJK {
		t.Fatal("old mapping not recognised")
	}
	if err := ix.PutBatch(context.Background(), chineseDocs()); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{"租赁": {"lease"}, "consent": {"gdpr"}} {
		if got := ids(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", q, got, want)
		}
	}
}

func TestNormaliseQuery(t *testing.T) {
	for in, want := range map[string]string{
		"a AND b": "+a +b",
		"甲方：北京华信科技有限公司": "甲方 北京华信科技有限公司",
		"合同/协议":                  "合同 协议",
		"《民法典》第577条，违约":          "民法典 第577条 违约",
		`"甲方：北京"`:                `"甲方：北京"`,
		"a/b":                    "a/b",
		"a AND NOT b":            "+a -b",
		"a OR b":                 "a b",
		"NOT a b":                "-a b",
		"-a AND b":               "-a +b",
		`"x AND y" AND z`:        `+"x AND y" +z`,
		"and or not":             "and or not",
		"２０２３年 ＡＢＣ ｘｙｚ":          "2023年 ABC xyz",
		"出租方：北京（甲方）":             "出租方 北京 甲方", // full-width punctuation parts words, as a space; it is no syntax
		`title:"a  b"   c`:       `title:"a  b" c`,
		"governing_law:Delaware": "governing_law:Delaware",
		// web addresses are quoted; a regular expression and a field are not
		"http://www.apache.org/licenses/ AND grant": `+"http://www.apache.org/licenses/" +grant`,
		"apache.org/licenses":                       `"apache.org/licenses" "www.apache.org/licenses"`,
		"-www.example.com":                          `-"www.example.com"`,
		"/eras.*/":                                  "/eras.*/",
		"title:/lic.*/":                             "title:/lic.*/",
		// a quote left open closes at the end, or goes when nothing follows
		`"governing law`: `"governing law"`,
		`governing law"`: "governing law",
		`a "b c" "d e`:   `a "b c" "d e"`,
		`a \" b`:         `a \" b`,
	} {
		if got := normaliseQuery(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// openWithMapping creates an index in dir with mapping m, as an older
// docmill did, and opens it as docmill does now; it is closed when the
// test ends.
func openWithMapping(t testing.TB, dir string, m *mapping.IndexMappingImpl) *Index {
	t.Helper()
	bi, err := bleve.New(dir, m)
	if err != nil {
		t.Fatal(err)
	}
	if err := bi.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// Parties and governing laws written in traditional characters are one
// value with their simplified spelling, in filters and field queries.
func TestChineseFacetValuesFolded(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	trad := sample("trad", "買賣合約", "買方：張偉。", "contract", "zh", "租賃")
	trad.Entities = []document.Entity{{Kind: "party", Text: "張偉", Value: "买方"}, {Kind: "governing_law", Text: "適用中華民國法律", Value: "中華民國"}}
	simp := sample("simp", "买卖合同", "买方：张伟。", "contract", "zh", "租赁")
	simp.Entities = []document.Entity{{Kind: "party", Text: "张伟", Value: "买方"}, {Kind: "governing_law", Text: "适用中华民国法律", Value: "中华民国"}}
	if err := ix.PutBatch(context.Background(), []*document.Result{trad, simp}); err != nil {
		t.Fatal(err)
	}
	both := []string{"simp", "trad"}
	for _, q := range []Query{
		{Filters: map[string][]string{"party": {"張偉"}}},
		{Filters: map[string][]string{"party": {"张伟"}}},
		{Filters: map[string][]string{"governing_law": {"中華民國"}}},
		{Filters: map[string][]string{"governing_law": {"中华民国"}}},
		{Q: "party:張偉"},
		{Filters: map[string][]string{"keywords": {"租賃"}}},
		{Filters: map[string][]string{"keywords": {"租赁"}}},
		{Q: "keywords:租賃"},
	} {
		q.Size = 10
		if got := idsOf(t, ix, q); !slices.Equal(got, both) {
			t.Errorf("%+v: got %v, want %v", q, got, both)
		}
	}
	res, err := ix.Search(context.Background(), Query{Size: 10, Facets: 5})
	if err != nil {
		t.Fatal(err)
	}
	if kw := res.Facets["keywords"]; len(kw) != 1 || kw[0].Count != 2 {
		t.Errorf("key phrase facet %v: 租賃 and 租赁 are one value", kw)
	}
	if u := ix.Upgrades(); len(u) != 0 {
		t.Errorf("a new index lists upgrades: %v", u)
	}
}

// A lone character is marked alone: it matches the bigrams it is part of
// (活血, 血汤), and the marks covered them whole.
func TestLoneCharacterMarkedAlone(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	if err := ix.Put(ctx, sample("tcm", "活血汤", "本研究观察活血汤对缺血性脑卒中患者血压的影响。", "other", "zh")); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Q: "血"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	for _, f := range res.Hits[0].Fragments {
		for _, m := range markRe.FindAllStringSubmatch(f, -1) {
			if m[1] != "血" {
				t.Errorf("marked %q in %q", m[1], f)
			}
		}
	}
	if f := strings.Join(res.Hits[0].Fragments, " "); !strings.Contains(f, "<mark>血</mark>") {
		t.Errorf("no mark: %q", f)
	}
	if got := narrowMarks("<mark>控制器</mark> and <mark>control</mark>", map[rune]bool{'控': true}); got != "<mark>控</mark>制器 and <mark>control</mark>" {
		t.Errorf("narrowMarks: %q", got)
	}
}

// TestUnspacedChineseQuery: Chinese users type keywords without spaces, so
// "北京租金" finds a text with 北京 and 租金 apart, and a text with the
// words together ranks first; a quoted run stays an exact phrase.
func TestUnspacedChineseQuery(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	docs := append(chineseDocs(),
		sample("together", "租房须知", "北京租金上涨，请提前续约。", "other", "zh"))
	if err := ix.PutBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"北京租金", []string{"lease", "together"}}, // the lease's 北京 and 租金 are apart
		{"软件开发合同", []string{"service"}},
		{"勞動合同工資", []string{"labor"}},    // traditional, as the text
		{"上海租金", nil},                    // every word must be there
		{`"北京租金"`, []string{"together"}}, // quoted: the phrase as written
		{"北京租金 -续约", []string{"lease"}},
		// English words typed against Chinese: each is a word of its own
		{"Acme许可", []string{"license"}},
		{"software许可方", []string{"license"}},
		{"Acme租金", nil},
	} {
		if got := ids(t, ix, c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.q, got, c.want)
		}
	}
	res, err := ix.Search(context.Background(), Query{Q: "北京租金"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "together" {
		t.Errorf("the text with the words together should rank first: %+v", res.Hits)
	}
}

// A Chinese word is marked whole wherever it occurs: its overlapping
// bigrams (人民 民币) are one match, where Bleve's formatter skipped the
// second as starting inside the first (<mark>人民</mark>币).
func TestChineseWordMarkedWholeEachTime(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	text := "甲方向乙方支付人民币一万元。乙方另行支付人民币两万元。甲方再支付人民币三万元。"
	if err := ix.Put(ctx, sample("pay", "付款", text, "contract", "zh")); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Q: "人民币"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	f := strings.Join(res.Hits[0].Fragments, " ")
	if n := strings.Count(f, "<mark>人民币</mark>"); n != 3 || strings.Contains(f, "<mark>人民</mark>") {
		t.Errorf("%d whole marks in %q, want 3", n, f)
	}
}

// A numbered part in an unspaced query is one word: segmented, the pieces
// of 第五百七十七条 (第五, 七条) found and marked the headings 第五条 and
// 第七条 of a text that cites no article 577.
func TestUnspacedQueryKeepsPartNumbers(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := []*document.Result{
		sample("headings", "采购合同", "第五条 质量保证。依照民法典处理。第七条 保密条款。", "contract", "zh"),
		sample("cites", "违约责任", "第五条 质量保证。第七条 违约责任：违约方应依照民法典第五百七十七条承担违约责任。", "contract", "zh"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"民法典第五百七十七条", "民法典第577条"} {
		res, err := ix.Search(ctx, Query{Q: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 || res.Hits[0].ID != "cites" {
			t.Errorf("%s: %+v, want the text citing article 577 alone", q, res.Hits)
			continue
		}
		f := strings.Join(res.Hits[0].Fragments, " ")
		if strings.Contains(f, "<mark>第五</mark>条") || strings.Contains(f, "第<mark>七条</mark>") || !strings.Contains(f, "第五百七十七条</mark>") {
			t.Errorf("%s: the headings are marked, or the article not whole: %q", q, f)
		}
	}
}

// A party's name with a place in brackets (华为技术（深圳）有限公司, as
// Chinese companies are often named), searched as a field, is that party:
// the full-width brackets parted the value, so party:华为技术 was the field
// and （深圳）有限公司 searched every document's text for 深圳 or 有限公司.
func TestChinesePartyWithBracketsInQuery(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	hw := sample("hw", "技术服务合同", "甲方：华为技术（深圳）有限公司。乙方提供运维服务。", "contract", "zh")
	hw.Entities = []document.Entity{{Kind: "party", Text: "华为技术（深圳）有限公司", Value: "甲方"}}
	other := sample("other", "保密协议", "甲方：深圳华信网络技术有限公司。乙方应保密。", "contract", "zh")
	other.Entities = []document.Entity{{Kind: "party", Text: "深圳华信网络技术有限公司", Value: "甲方"}}
	if err := ix.PutBatch(context.Background(), []*document.Result{hw, other}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"party:华为技术（深圳）有限公司", "party：华为技术（深圳）有限公司", "+party:华为技术（深圳） 运维", `party:"华为技术（深圳）有限公司"`} {
		if got := idsOf(t, ix, Query{Q: q, Size: 10}); !slices.Equal(got, []string{"hw"}) {
			t.Errorf("%s: got %v, want [hw]", q, got)
		}
	}
	// outside a field's value a full-width bracket still parts words
	if got := idsOf(t, ix, Query{Q: "（深圳）", Size: 10}); len(got) != 2 {
		t.Errorf("（深圳）: got %v, want both", got)
	}
}

// A Chinese phrase typed with spaces between its words, as README shows
// (“保密 协议”, 「保密 协议」), finds the text that writes them without
// one, as Chinese is written: it found nothing, since the words' bigrams
// stand apart in the query and side by side (with 密协 between) in the text.
func TestChineseSpacedPhraseFindsUnspacedText(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	nda := sample("nda", "保密协议", "双方签订本保密协议，乙方应履行保密义务。", "contract", "zh")
	spaced := sample("spaced", "协议", "保密 协议 的 条款 如下。", "contract", "zh")
	other := sample("other", "采购合同", "本协议约定保密事项。", "contract", "zh")
	if err := ix.PutBatch(context.Background(), []*document.Result{nda, spaced, other}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`"保密 协议"`, `“保密 协议”`, `「保密 协议」`, `＂保密 协议＂`} {
		if got := idsOf(t, ix, Query{Q: q, Size: 10}); !slices.Equal(got, []string{"nda", "spaced"}) {
			t.Errorf("%s: got %v, want [nda spaced]", q, got)
		}
	}
	if got := idsOf(t, ix, Query{Q: `"保密协议"`, Size: 10}); !slices.Contains(got, "nda") || slices.Contains(got, "other") {
		t.Errorf(`"保密协议": got %v`, got)
	}
}
