package web

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/entities"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/web/internal/uitest"
)

// GET /api/export streams every match as JSON lines of whole results, with
// the filters /api/search takes, and refuses page parameters.
func TestExportAPI(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, body := get(t, s, "/api/search?class=contract&size=0")
	var counts index.Result
	if err := json.Unmarshal([]byte(body), &counts); err != nil || counts.Total == 0 {
		t.Fatalf("contracts: %v %s", err, body)
	}
	resp, body := get(t, s, "/api/export?class=contract&text=true")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	n := 0
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var line struct {
			ID, Class, Text string
			Keywords        []any
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if line.ID == "" || line.Class != "contract" || line.Text == "" || line.Keywords == nil {
			t.Errorf("line %d: %.200s", n+1, sc.Text())
		}
		n++
	}
	if uint64(n) != counts.Total {
		t.Errorf("%d lines, %d contracts", n, counts.Total)
	}
	_, body = get(t, s, "/api/export?class=contract")
	var first map[string]any
	if err := json.Unmarshal([]byte(strings.SplitN(body, "\n", 2)[0]), &first); err != nil || first["id"] == nil {
		t.Fatalf("first line: %v %.200s", err, body)
	} else if _, ok := first["text"]; ok {
		t.Error("texts exported without text=true")
	}
	for path, reason := range map[string]string{
		"/api/export?size=10":    "no pages or order",
		"/api/export?text=maybe": "is not true or false",
		"/api/export?since=soon": "is not a date",
		// a search-only parameter is named, not ignored
		"/api/export?facet_size=5":       "facet_size is for /api/search",
		"/api/export?sort=date&from=10":  "from, sort is for /api/search",
		"/api/export?class=contract&x=1": `unknown parameter \"x\"`,
	} {
		if resp, body := get(t, s, path); resp.StatusCode != 400 || !strings.Contains(body, reason) {
			t.Errorf("%s: %d %s", path, resp.StatusCode, body)
		}
	}
}

// format=csv exports a register of the matches: one row per document with
// its parties, dates and governing law, cells that a spreadsheet would run
// as formulas made text, and the filters /api/search takes.
func TestExportCSV(t *testing.T) {
	docs := uitest.Samples()
	// a term sentence without a computable end comes first: a date column
	// holds the first date, not a sentence
	docs[0].Entities = append(docs[0].Entities,
		document.Entity{Kind: "expiration_date", Text: "The term continues until the Launch Date plus two years."},
		document.Entity{Kind: "expiration_date", Text: "December 2026", Value: "2026-12"},
		document.Entity{Kind: "expiration_date", Text: "the term", Value: "2027-01-05"},
		document.Entity{Kind: "party", Text: "=HYPERLINK(\"http://evil\")"},
		document.Entity{Kind: "duration", Text: "14 days", Value: "P14D"},
		document.Entity{Kind: "duration", Text: "24 months", Value: "P24M", Role: "term"},
		document.Entity{Kind: "duration", Text: "90 days", Value: "P90D", Role: "notice"},
		document.Entity{Kind: "duration", Text: "20 business days", Role: "payment"})
	// a clause heading found before the clause that names the law
	docs[0].Entities = append([]document.Entity{{Kind: "governing_law", Text: "第六条 适用法律及争议解决"}}, docs[0].Entities...)
	docs[0].Title = "+Master Services Agreement"
	s := newServer(t, Options{Index: openIndex(t, docs...)})
	resp, body := get(t, s, "/api/export?class=contract&format=csv")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, type %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	_, jsonl := get(t, s, "/api/export?class=contract")
	if want := strings.Count(jsonl, "\n") + 1; len(rows) != want {
		t.Errorf("%d rows, want a header and %d contracts", len(rows), want-1)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	var msa []string
	for _, r := range rows[1:] {
		if r[col["id"]] == "c-msa" {
			msa = r
		}
		if r[col["class"]] != "contract" {
			t.Errorf("row of class %q", r[col["class"]])
		}
	}
	if msa == nil {
		t.Fatalf("no row for c-msa:\n%s", body)
	}
	for name, want := range map[string]string{
		"parties":         `Acme Corp.; Globex LLC; =HYPERLINK("http://evil")`, // text: the cell starts with A
		"effective_date":  "2021-01-05",
		"expiration_date": "2027-01-05",
		"governing_law":   "New York",
		"title":           "'+Master Services Agreement",
		"keywords":        "services; governing law; confidential information",
		"term":            "P24M",
		"notice_period":   "P90D",
		"probation":       "",
		"payment_terms":   "20 business days",
	} {
		if got := msa[col[name]]; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	// the search page links its matches' export
	// (facet_size too, after a facet's "more" link: the export refuses it)
	_, page := get(t, s, "/?class=contract&q=services&sort=date&size=2&facet_size=100")
	link := strings.TrimPrefix(between(page, `id="export-csv" href="`, `" download`), `id="export-csv" href="`)
	if link != "/api/export?bom=true&amp;class=contract&amp;format=csv&amp;q=services" {
		t.Errorf("export link %q", link)
	}
	// with bom=true the file opens with a UTF-8 byte-order mark (Excel),
	// else (scripts) the header comes first
	if _, b := get(t, s, "/api/export?class=contract&format=csv&bom=true"); !strings.HasPrefix(b, "\ufeffid,") || strings.TrimPrefix(b, "\ufeff") != body {
		t.Errorf("with a byte-order mark: %q", b[:min(len(b), 20)])
	}
	if !strings.HasPrefix(body, "id,") {
		t.Errorf("without: %q", body[:min(len(body), 20)])
	}
	// the mark waits for the headers, and for an error that answers instead
	resp, _ = get(t, s, "/api/export?class=contract&format=csv&bom=true")
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "docmill-export.csv") || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Errorf("with a byte-order mark: Content-Disposition %q, Content-Type %q", cd, resp.Header.Get("Content-Type"))
	}
	if resp, b := get(t, s, "/api/export?format=csv&bom=true&q="+url.QueryEscape(`"acme corp"~1`)); resp.StatusCode != 400 || strings.HasPrefix(b, "\ufeff") {
		t.Errorf("bad query with bom=true: %d %q", resp.StatusCode, b)
	}
	for path, reason := range map[string]string{
		"/api/export?format=xlsx":          "is not jsonl or csv",
		"/api/export?format=csv&text=true": "no text column",
		"/api/export?bom=true":             "is for CSV",
		"/api/export?format=csv&bom=maybe": "is not true or false",
	} {
		if resp, body := get(t, s, path); resp.StatusCode != 400 || !strings.Contains(body, reason) {
			t.Errorf("%s: %d %s", path, resp.StatusCode, body)
		}
	}
}

// A sub-type the analyser was unsure of reads so, on the search page and
// the document page; a sure one is a plain badge.
func TestUnsureSubtype(t *testing.T) {
	docs := uitest.Samples()
	var sure, unsure *document.Result
	for _, d := range docs {
		if d.Subtype == "" {
			continue
		}
		if unsure == nil {
			unsure = d
			d.SubtypeConfidence = 0.21
		} else if sure == nil {
			sure = d
		}
	}
	if sure == nil || unsure == nil {
		t.Fatal("fixtures need two documents with sub-types")
	}
	s := newServer(t, Options{Index: openIndex(t, docs...)})
	_, page := get(t, s, "/?size=50")
	if !strings.Contains(page, `title="sub-type uncertain: 21%">`+html.EscapeString(unsure.Subtype)+`?</span>`) {
		t.Errorf("search page does not mark %s as uncertain", unsure.Subtype)
	}
	if !strings.Contains(page, `<span class="badge">`+html.EscapeString(sure.Subtype)+`</span>`) {
		t.Errorf("search page marks the sure %s", sure.Subtype)
	}
	_, doc := get(t, s, "/documents/"+unsure.ID)
	if !strings.Contains(doc, "21% (uncertain)") {
		t.Errorf("document page does not say uncertain")
	}
}

// A hit's key phrase narrows the search shown (its query and filters
// stay), as its facet value does.
func TestKeywordChipNarrows(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, page := get(t, s, "/?q=services&class=contract&from=0")
	want := `<a class="chip" href="?class=contract&amp;keywords=services&amp;q=services">services</a>`
	if !strings.Contains(page, want) {
		t.Errorf("no chip link %s in the page", want)
	}
}

// A query that expands to too many words is the caller's to fix: the
// export answers 400 with the reason /api/search gives, not 500 with
// Bleve's TooManyClauses (security review, finding 8).
func TestExportRefusesExpensiveQuery(t *testing.T) {
	var words strings.Builder
	for i := 0; i <= index.MaxQueryTerms; i++ {
		words.WriteString("w" + strings.Repeat("x", i%7) + strconv.Itoa(i) + " ")
	}
	many := &document.Result{ID: "many", Title: "Many words", Filename: "many.txt", Text: words.String(), Language: "en"}
	many.Class = "other"
	docs := append(uitest.Samples(), many)
	s := newServer(t, Options{Index: openIndex(t, docs...)})
	want := fmt.Sprintf("matches over %d distinct words", index.MaxQueryTerms)
	for _, path := range []string{"/api/search?q=w*", "/api/export?q=w*", "/api/export?q=w*&format=csv"} {
		resp, body := get(t, s, path)
		if resp.StatusCode != 400 || !strings.Contains(body, want) || strings.Contains(body, "TooManyClauses") {
			t.Errorf("%s: %d %s, want 400 saying %q", path, resp.StatusCode, body, want)
		}
	}
	if resp, body := get(t, s, "/api/export?q=w12*"); resp.StatusCode != 200 || !strings.Contains(body, `"id":"many"`) {
		t.Errorf("a narrower prefix: %d %.200s", resp.StatusCode, body)
	}
}

// A parameter with a bad escape ("q=100%", a filter "class=contr%ZZ") is a
// 400, as on /api/search: URL.Query() dropped the pair, and the export then
// streamed every document in the index as if that were the match (QA: an
// integrator's legal-hold export of one query returned the whole archive).
func TestExportRefusesBadEscape(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	for _, path := range []string{"/api/export?q=100%", "/api/export?class=contr%ZZ", "/api/export?q=%ZZ&format=csv"} {
		resp, body := get(t, s, path)
		if resp.StatusCode != 400 || !strings.Contains(body, "invalid URL escape") || strings.Contains(body, `"id"`) {
			t.Errorf("%s: %d %.200s, want 400 naming the bad escape", path, resp.StatusCode, body)
		}
	}
	if resp, body := get(t, s, "/api/export?q=100%25"); resp.StatusCode != 200 {
		t.Errorf("an escaped %%: %d %.200s", resp.StatusCode, body)
	}
}

// An HR register exports each offer's annual leave and each contract's
// late-payment interest; the CSV row had neither, though the entities
// name both. The columns come last, so a sheet reading the earlier ones
// by position still reads them.
func TestCSVRowLeaveAndInterest(t *testing.T) {
	d := &document.Result{ID: "offer-1"}
	d.Entities = []document.Entity{
		{Kind: "duration", Text: "six months", Value: "P6M", Role: "probation"},
		{Kind: "duration", Text: "20 days", Value: "P20D", Role: "leave"},
		{Kind: "interest_rate", Text: "interest at 1.5% per month", Value: "1.5% per month"},
	}
	row := csvRow(d)
	if len(row) != len(csvColumns) {
		t.Fatalf("%d cells for %d columns", len(row), len(csvColumns))
	}
	got := map[string]string{}
	for i, name := range csvColumns {
		got[name] = row[i]
	}
	for name, want := range map[string]string{"probation": "P6M", "leave": "P20D", "interest_rate": "1.5% per month"} {
		if got[name] != want {
			t.Errorf("%s = %q, want %q", name, got[name], want)
		}
	}
	if csvColumns[20] != "leave" || csvColumns[21] != "interest_rate" || csvColumns[22] != "court" {
		t.Errorf("columns %q, want leave and interest_rate before the court filing's", csvColumns[20:23])
	}
}

// A court filing's row names each party's role and its court, case
// number and date of judgment: the register of a litigation team.
func TestCSVRowCourtFiling(t *testing.T) {
	d := &document.Result{ID: "o1"}
	d.Entities = []document.Entity{
		{Kind: "court", Text: "UNITED STATES DISTRICT COURT", Value: "UNITED STATES DISTRICT COURT, NORTHERN DISTRICT OF CALIFORNIA"},
		{Kind: "case_number", Text: "[2023] EWCA Civ 1187", Value: "[2023] EWCA Civ 1187", Role: "neutral_citation"},
		{Kind: "case_number", Text: "3:21-cv-04567-JSC", Value: "3:21-cv-04567-JSC"},
		{Kind: "party", Text: "ACME WIDGETS, INC.", Role: "plaintiff"},
		{Kind: "party", Text: "BETA LOGISTICS LLC", Role: "defendant"},
		{Kind: "judgment_date", Text: "June 2, 2022", Value: "2022-06-02"},
		{Kind: "judge", Text: "Lord Reed", Value: "Lord Reed"},
		{Kind: "judge", Text: "Lady Black", Value: "Lady Black"},
		{Kind: "counsel", Text: "Ms A Barrister KC", Value: "Ms A Barrister KC", Role: "claimant"},
		{Kind: "counsel", Text: "Mr C Counsel", Value: "Mr C Counsel", Role: "defendant"},
		{Kind: "hearing_date", Text: "3-5 July 2023", Value: "2023-07-05"},
		{Kind: "hearing_date", Text: "3-5 July 2023", Value: "2023-07-03"},
		{Kind: "jury_demand", Text: "Plaintiff demands a trial by jury", Value: "demanded", Role: "plaintiff"},
	}
	row := csvRow(d)
	got := map[string]string{}
	for i, name := range csvColumns {
		got[name] = row[i]
	}
	for name, want := range map[string]string{"parties": "ACME WIDGETS, INC. (plaintiff); BETA LOGISTICS LLC (defendant)",
		"court": "UNITED STATES DISTRICT COURT, NORTHERN DISTRICT OF CALIFORNIA", "case_number": "3:21-cv-04567-JSC", "judgment_date": "2022-06-02",
		"judge": "Lord Reed; Lady Black", "counsel": "Ms A Barrister KC (claimant); Mr C Counsel (defendant)",
		"hearing_start": "2023-07-03", "hearing_end": "2023-07-05", "neutral_citation": "[2023] EWCA Civ 1187",
		"jury_demand": "plaintiff"} {
		if got[name] != want {
			t.Errorf("%s = %q, want %q", name, got[name], want)
		}
	}
}

// A lease or supply register exports how often a contract pays, its
// delivery deadline, rent, deposit, minimum purchase, rent rise and
// warranty with the event it runs from; the entities named them, the
// CSV had no column for them. They come after every earlier column, so
// a sheet reading those by position still reads them.
func TestCSVRowCommercialTerms(t *testing.T) {
	d := &document.Result{ID: "lease-1"}
	d.Entities = []document.Entity{
		{Kind: "compliance_date", Text: "2024年4月", Value: "2024-04", Role: "delivery"},
		{Kind: "compliance_date", Text: "2024年4月30日", Value: "2024-04-30", Role: "delivery"},
		{Kind: "money", Text: "US$12,000", Value: "USD 12000", Role: "rent"},
		{Kind: "money", Text: "US$24,000", Value: "USD 24000", Role: "deposit"},
		{Kind: "money", Text: "人民币100万元", Value: "CNY 1000000", Role: "minimum_purchase"},
		{Kind: "percentage", Text: "increase by no more than 2.5%", Value: "2.5%", Role: "escalation"},
		{Kind: "duration", Text: "thirty (30) days", Value: "P30D", Role: "payment"},
		{Kind: "duration", Text: "quarterly", Value: "P3M", Role: "payment_frequency"},
		{Kind: "duration", Text: "12 months", Value: "P12M", Role: "warranty", From: "acceptance"},
	}
	row := csvRow(d)
	if len(row) != len(csvColumns) {
		t.Fatalf("%d cells for %d columns", len(row), len(csvColumns))
	}
	got := map[string]string{}
	for i, name := range csvColumns {
		got[name] = row[i]
	}
	for name, want := range map[string]string{"payment_terms": "P30D", "payment_frequency": "P3M", "delivery_date": "2024-04-30",
		"rent": "USD 12000", "deposit": "USD 24000", "minimum_purchase": "CNY 1000000", "escalation": "2.5%",
		"warranty": "P12M", "warranty_from": "acceptance"} {
		if got[name] != want {
			t.Errorf("%s = %q, want %q", name, got[name], want)
		}
	}
	if i := slices.Index(csvColumns, "payment_frequency"); i != 31 || csvColumns[i-1] != "jury_demand" {
		t.Errorf("payment_frequency at %d, want 31, after every earlier column", i)
	}
}

// A contract that renews on its own exports the length of each renewal
// (自动续期一年: P1Y); the register had the term and the notice period,
// not what the contract rolls over for.
func TestCSVRowRenewal(t *testing.T) {
	d := &document.Result{ID: "lease-zh"}
	d.Entities = []document.Entity{
		{Kind: "duration", Text: "三年", Value: "P3Y", Role: "term"},
		{Kind: "duration", Text: "三十日内", Value: "P30D", Role: "notice"},
		{Kind: "duration", Text: "一年", Value: "P1Y", Role: "renewal"},
	}
	row := csvRow(d)
	got := map[string]string{}
	for i, name := range csvColumns {
		got[name] = row[i]
	}
	for name, want := range map[string]string{"term": "P3Y", "notice_period": "P30D", "renewal": "P1Y"} {
		if got[name] != want {
			t.Errorf("%s = %q, want %q", name, got[name], want)
		}
	}
	if i := slices.Index(csvColumns, "renewal"); i != 39 || csvColumns[i-1] != "warranty_from" {
		t.Errorf("renewal at %d, want 39, after every earlier column", i)
	}
}

// A contracts register files what each contract is worth and its
// liability cap, read from the contract's own words in English and
// Chinese ("The total contract price is", 合同总价为; "aggregate
// liability shall not exceed", 赔偿责任不超过); the money entities were
// there, the columns were not. They come after every earlier column.
func TestCSVRowContractValueAndCap(t *testing.T) {
	for text, want := range map[string][2]string{
		"MASTER SERVICES AGREEMENT\nThis Agreement is made between Northwind Cloud Inc. (\"Provider\") and Contoso Retail Ltd (\"Customer\").\n" +
			"3. Fees. The total contract price is USD 540,000, payable quarterly in advance. A late fee of USD 500 applies.\n" +
			"5. Limitation of Liability. Each party's aggregate liability under this Agreement shall not exceed USD 1,000,000.\n": {"USD 540000", "USD 1000000"},
		"技术服务合同\n甲方：上海云帆信息科技有限公司\n乙方：北京智联数据服务有限公司\n第二条 合同价款\n本合同总价为人民币480,000元。\n" +
			"第三条 责任限制\n乙方在本合同项下的累计赔偿责任不超过人民币100,000元。\n": {"CNY 480000", "CNY 100000"},
		// a cap set as a share of a sum is filed in its own words
		"技术服务合同\n甲方：上海云帆信息科技有限公司\n乙方：北京智联数据服务有限公司\n第二条 合同价款\n本合同总价为人民币480,000元。\n" +
			"第三条 责任限制\n乙方累计赔偿责任不超过合同总价的百分之五十。\n": {"CNY 480000", "合同总价的百分之五十 (50%)"},
	} {
		d := &document.Result{ID: "c"}
		d.Entities = entities.Extract(text, "")
		row := csvRow(d)
		got := map[string]string{}
		for i, name := range csvColumns {
			got[name] = row[i]
		}
		if got["contract_value"] != want[0] || got["liability_cap"] != want[1] {
			t.Errorf("%.30q: contract_value %q, liability_cap %q, want %q", text, got["contract_value"], got["liability_cap"], want)
		}
	}
	if i := slices.Index(csvColumns, "renewal"); i < 0 || i+2 >= len(csvColumns) || csvColumns[i+1] != "contract_value" || csvColumns[i+2] != "liability_cap" {
		t.Errorf("columns %q, want contract_value and liability_cap right after renewal", csvColumns)
	}
}

// Every warranty a contract gives is in the register, each with the
// event it runs from in the same place of the next cell: the column
// showed the first warranty only, and a supply contract's 12 months on
// its hardware hid behind the 90 days on its software.
func TestCSVRowEveryWarranty(t *testing.T) {
	for _, c := range []struct {
		ents       []document.Entity
		want, from string
	}{
		{[]document.Entity{
			{Kind: "duration", Text: "ninety (90) days", Value: "P90D", Role: "warranty", From: "go-live"},
			{Kind: "duration", Text: "thirty (30) days", Value: "P30D", Role: "payment"},
			{Kind: "duration", Text: "twelve (12) months", Value: "P12M", Role: "warranty"},
			{Kind: "duration", Text: "12 months", Value: "P12M", Role: "warranty"},
		}, "P90D; P12M", "go-live; -"},
		{[]document.Entity{
			{Kind: "duration", Text: "一年", Value: "P1Y", Role: "warranty"},
			{Kind: "duration", Text: "六个月", Value: "P6M", Role: "warranty"},
		}, "P1Y; P6M", ""},
	} {
		d := &document.Result{ID: "w"}
		d.Entities = c.ents
		row := csvRow(d)
		w, f := row[slices.Index(csvColumns, "warranty")], row[slices.Index(csvColumns, "warranty_from")]
		if w != c.want || f != c.from {
			t.Errorf("warranty %q from %q, want %q from %q", w, f, c.want, c.from)
		}
	}
}

// A contract's go-live day has the register's column after liability_cap
// (the last until non_renewal_notice came after it): the entities dated
// it (role go_live) and no column held it.
func TestCSVRowGoLiveDate(t *testing.T) {
	text := "IMPLEMENTATION AGREEMENT\nThis Implementation Agreement is effective as of January 15, 2026 (the \"Effective Date\") between Orion Systems Ltd (\"Supplier\") and Maple Retail plc (\"Client\").\n" +
		"2. Supplier shall make the Platform available for production use on September 1, 2026 (the \"Go-Live Date\").\n"
	d := &document.Result{ID: "c"}
	d.Entities = entities.Extract(text, "")
	row := csvRow(d)
	if i := slices.Index(csvColumns, "go_live_date"); i < 0 || csvColumns[i-1] != "liability_cap" || row[i] != "2026-09-01" {
		t.Errorf("go_live_date at %d = %q, want 2026-09-01 after liability_cap", i, row[i])
	}
	if i := slices.Index(csvColumns, "effective_date"); row[i] != "2026-01-15" {
		t.Errorf("effective_date %q, want 2026-01-15", row[i])
	}
}

// The notice that stops a renewal has its own last column, apart from
// notice_period, the notice that ends the contract early: both had been
// one role, and the register filed whichever came first as the notice
// period.
func TestCSVRowNonRenewalNotice(t *testing.T) {
	text := "SERVICES AGREEMENT\nThis Agreement is made between Orion Systems Ltd (\"Supplier\") and Maple Retail plc (\"Client\").\n" +
		"2. This Agreement renews automatically for successive one-year terms unless either party gives written notice at least 60 days before the end of the then-current term.\n" +
		"3. Either party may terminate this Agreement for convenience on 120 days' written notice.\n"
	d := &document.Result{ID: "c"}
	d.Entities = entities.Extract(text, "")
	row := csvRow(d)
	n := len(csvColumns)
	if csvColumns[n-1] != "non_renewal_notice" || row[n-1] != "P60D" {
		t.Errorf("last column %q = %q, want non_renewal_notice = P60D", csvColumns[n-1], row[n-1])
	}
	if i := slices.Index(csvColumns, "notice_period"); row[i] != "P120D" {
		t.Errorf("notice_period %q, want P120D", row[i])
	}
}

// An export says in its Docmill-Notice header what a search of the same
// query would say (a mistyped field) and that nothing matched; an export
// that matched without remark carries none.
func TestExportNotice(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	for path, want := range map[string]string{
		"/api/export?q=clas:contract":            "did you mean class:contract?",
		"/api/export?q=zzzqqqnothing":            `no document matches "zzzqqqnothing"`,
		"/api/export?q=agreement":                "",
		"/api/export?class=contract":             "",
		"/api/export?q=clas:contract&format=csv": "did you mean class:contract?",
	} {
		resp, _ := get(t, s, path)
		got, err := url.QueryUnescape(resp.Header.Get(NoticeHeader))
		if err != nil || resp.StatusCode != 200 || (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("%s: status %d, notice %q (%v), want %q", path, resp.StatusCode, got, err, want)
		}
	}
}
