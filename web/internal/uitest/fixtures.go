package uitest

import (
	"strings"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/testpdf"
)

// Base is the ingestion time of the sample documents' newest one.
var Base = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

func result(id, title, class, subtype, lang, text, summary string, age time.Duration, kws []string, ents []document.Entity) *document.Result {
	r := &document.Result{ID: id, Filename: strings.ToLower(strings.ReplaceAll(title, " ", "-")) + ".pdf", Title: title,
		Source: "http", ContentType: document.TypePDF, Language: lang, Size: len(text), Pages: 2, Text: text,
		IngestedAt: Base.Add(-age), ProcessedAt: Base.Add(-age + 3*time.Second), Depth: document.DepthNone}
	r.Class, r.Subtype, r.Confidence, r.SubtypeConfidence = class, subtype, 0.91, 0.7
	r.Summary, r.Entities = summary, ents
	for i, k := range kws {
		r.Keywords = append(r.Keywords, document.Keyword{Text: k, Score: 1 - float64(i)/10})
	}
	r.Model = document.ModelInfo{Name: "docmill-free", Version: "1", Tier: "free"}
	r.Tasks = map[string]document.TaskTrace{
		"classify": {Depth: document.DepthNone, Confidence: 0.91, Ms: 1.2},
		"keywords": {Depth: document.DepthNone, Ms: 3.4},
		"summary":  {Depth: document.DepthNone, Ms: 2.1},
	}
	r.Trace = []document.StageTrace{{Stage: "parse", Ms: 4.5}, {Stage: "analyze", Ms: 7.2}}
	return r
}

// party is a party entity with the generic alias most contracts give.
func party(s string) document.Entity {
	return document.Entity{Kind: "party", Text: s, Value: "Company"}
}

func law(s string) document.Entity {
	return document.Entity{Kind: "governing_law", Text: "laws of the State of " + s, Value: s}
}

// Samples returns a small corpus: contracts with parties and governing law,
// regulations, a log and a Chinese notice, ingested over several weeks.
func Samples() []*document.Result {
	day := 24 * time.Hour
	out := []*document.Result{
		result("c-msa", "Master Services Agreement", "contract", "services", "en",
			"This Master Services Agreement is entered into between Acme Corp. and Globex LLC. Provider shall perform the services. This Agreement shall be governed by the laws of the State of New York. Confidential information shall be protected.",
			"Acme Corp. engages Globex LLC for services; New York law governs.", 2*time.Hour,
			[]string{"services", "governing law", "confidential information"},
			[]document.Entity{party("Acme Corp."), party("Globex LLC"), law("New York"), {Kind: "effective_date", Text: "January 5, 2021", Value: "2021-01-05"}}),
		result("c-nda", "Mutual Non-Disclosure Agreement", "contract", "nda", "en",
			"This Mutual Non-Disclosure Agreement between Initech Inc. and Acme Corp. protects confidential information exchanged. Governed by the laws of the State of Delaware.",
			"Initech and Acme protect each other's confidential information under Delaware law.", 3*day,
			[]string{"confidential information", "disclosure"},
			[]document.Entity{party("Initech Inc."), party("Acme Corp."), law("Delaware")}),
		result("c-lease", "Office Lease Agreement", "contract", "lease", "en",
			"This Lease Agreement between Umbrella Holdings and Globex LLC covers the premises. Rent is payable monthly. Governed by the laws of the State of New York.",
			"Umbrella Holdings leases premises to Globex LLC.", 20*day,
			[]string{"lease", "rent", "premises"},
			[]document.Entity{party("Umbrella Holdings"), party("Globex LLC"), law("New York")}),
		result("r-gdpr17", "Article 17 Right to erasure", "regulation", "", "en",
			"The data subject shall have the right to obtain from the controller the erasure of personal data concerning him or her without undue delay.",
			"Data subjects may have personal data erased without undue delay.", 5*day,
			[]string{"personal data", "erasure", "data subject"}, nil),
		result("r-gdpr6", "Article 6 Lawfulness of processing", "regulation", "", "en",
			"Processing shall be lawful only if the data subject has given consent to the processing of his or her personal data for one or more specific purposes.",
			"Processing of personal data is lawful only on a listed ground such as consent.", 40*day,
			[]string{"personal data", "consent", "processing"}, nil),
		result("l-api", "api-server.log", "log", "", "en",
			"2024-03-01 10:00:00 INFO Request GET /api/orders completed in 12ms\n2024-03-01 10:00:01 ERROR Connection to 10.0.0.1:5432 refused",
			"40 requests served; 4 database connection errors.", time.Hour, []string{"connection refused", "orders"}, nil),
		result("z-notice", "数据保护通知", "regulation", "", "zh",
			"个人信息处理者应当采取必要措施保障所处理的个人信息的安全。", "个人信息处理者应当保障个人信息安全。", 10*day,
			[]string{"个人信息", "安全"}, nil),
	}
	lg := out[5]
	lg.ContentType = document.TypeLog
	lg.Filename = "api-server.log"
	lg.Log = &document.LogSummary{Lines: 44, Levels: map[string]int{"INFO": 40, "ERROR": 4}, ErrorShare: 4.0 / 44,
		Start: "2024-03-01 10:00:00", End: "2024-03-01 10:00:39", NewTemplates: 2,
		Templates: []document.TemplateCount{{ID: "t1", Template: "Request GET <*> completed in <*>", Count: 40, New: true},
			{ID: "t2", Template: "Connection to <*> refused", Count: 4, New: true}},
		Errors: []string{"2024-03-01 10:00:01 ERROR Connection to 10.0.0.1:5432 refused"}}
	lg.Tasks["logs"] = document.TaskTrace{Depth: document.DepthNone, Ms: 5.5}
	return out
}

// Hostile returns a document whose every field tries to inject markup or
// script. Rendering it must leave window.__pwned undefined.
func Hostile() *document.Result {
	x := `<script>window.__pwned=1</script>`
	r := result("h-evil", x+"Evil <b>bold</b> title", "contract", "", "en",
		`Payload text: <script>window.__pwned=4</script> <img src=x onerror="window.__pwned=5"> indemnification clause.`,
		`<img src=x onerror="window.__pwned=2">Summary with markup`, 30*time.Minute,
		[]string{`<b>kw</b>`, `"><script>window.__pwned=3</script>`},
		[]document.Entity{party(`"><svg onload="window.__pwned=6">Party`), law(`<i>Nowhere</i>`)})
	r.Filename = `x"><svg onload="window.__pwned=7">.html`
	r.Source = "http"
	r.Log = &document.LogSummary{Lines: 1, Templates: []document.TemplateCount{{ID: "t", Template: x, Count: 1}}}
	return r
}

// PDF returns a small valid one-page PDF whose text is lines (ASCII).
func PDF(lines ...string) []byte { return testpdf.Text(lines...) }
