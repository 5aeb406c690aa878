package keywords

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

const enSample = `Distributed Hash Tables for Peer-to-Peer Networks

A distributed hash table maps keys to nodes in a peer-to-peer network. We propose a
routing protocol for distributed hash tables that keeps lookup latency low when nodes
join and leave. The routing protocol uses consistent hashing, and each node stores a
small routing table. Experiments on a simulated peer-to-peer network show that lookup
latency grows logarithmically with the number of nodes.`

func TestExtractEnglishFindsTopicPhrases(t *testing.T) {
	kws := Extract(enSample, Options{Top: 10, Language: "en"})
	if len(kws) != 10 {
		t.Fatalf("got %d keywords, want 10: %v", len(kws), kws)
	}
	var texts []string
	for i, k := range kws {
		texts = append(texts, strings.ToLower(k.Text))
		if i > 0 && k.Score > kws[i-1].Score {
			t.Errorf("not sorted best first: %v", kws)
		}
	}
	joined := strings.Join(texts, "|")
	for _, want := range []string{"distributed hash table", "routing protocol", "lookup latency"} {
		if !strings.Contains(joined, want) {
			t.Errorf("top 10 %q lacks %q", joined, want)
		}
	}
}

func TestCandidatesSpansAndBoundaries(t *testing.T) {
	for _, c := range Candidates(enSample, "en") {
		for _, sp := range c.Spans {
			got := enSample[sp[0]:sp[1]]
			if !strings.EqualFold(strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(c.Text), " ")) && c.Key != stemAll(got) {
				t.Errorf("span %v = %q does not match candidate %q", sp, got, c.Text)
			}
		}
		words := strings.Fields(strings.ToLower(c.Text))
		if enStop[words[0]] || enStop[words[len(words)-1]] {
			t.Errorf("candidate %q starts or ends with a stopword", c.Text)
		}
		if c.Freq != len(c.Spans) || c.Words != len(words) {
			t.Errorf("candidate %q: freq %d spans %d words %d", c.Text, c.Freq, len(c.Spans), c.Words)
		}
	}
}

func stemAll(s string) string {
	ws := SplitWords(strings.ToLower(s))
	for i, w := range ws {
		ws[i] = Stem(w)
	}
	return strings.Join(ws, " ")
}

func TestExtractMergesInflections(t *testing.T) {
	text := "Neural networks learn. A neural network is trained. Neural networks generalise."
	seen := map[string]bool{}
	for _, k := range Extract(text, Options{Top: 10, Language: "en"}) {
		key := stemAll(k.Text)
		if seen[key] {
			t.Errorf("duplicate keyword %q", k.Text)
		}
		seen[key] = true
	}
	if !seen["neural network"] {
		t.Errorf("neural network missing: %v", seen)
	}
}

func TestWordKindUsesLexicon(t *testing.T) {
	lx := english()
	cases := map[string]tokKind{"network": kindContent, "quickly": kindBreak, "describe": kindBreak,
		"processing": kindContent, "distributed": kindModifier, "efficient": kindModifier}
	for w, want := range cases {
		if got := wordKind(w, lx); got != want {
			t.Errorf("wordKind(%q) = %d, want %d", w, got, want)
		}
	}
}

const zhSample = `基于深度学习的图像分割方法研究
图像分割是计算机视觉的基础任务。本文提出一种基于卷积神经网络的图像分割方法，
利用多尺度特征融合提高分割精度。实验表明，该卷积神经网络在医学图像数据集上优于传统方法。`

func TestExtractChinese(t *testing.T) {
	kws := Extract(zhSample, Options{Top: 8, Language: "zh"})
	if len(kws) == 0 {
		t.Fatal("no Chinese keywords")
	}
	var all []string
	for _, k := range kws {
		all = append(all, k.Text)
		if zhStop[k.Text] {
			t.Errorf("stopword %q returned", k.Text)
		}
	}
	joined := strings.Join(all, "|")
	for _, want := range []string{"图像分割", "卷积神经网络"} {
		if !strings.Contains(joined, want) {
			t.Errorf("keywords %q lack %q", joined, want)
		}
	}
	for _, c := range Candidates(zhSample, "zh") {
		for _, sp := range c.Spans {
			if zhSample[sp[0]:sp[1]] != c.Text {
				t.Errorf("span %v = %q, candidate %q", sp, zhSample[sp[0]:sp[1]], c.Text)
			}
		}
	}
}

// English words inside Chinese text are candidates, English stop words
// are not ("This", "the").
func TestChineseKeepsEnglishTermsNotStopWords(t *testing.T) {
	text := "软件许可协议This Agreement is between Acme and the Licensee. 被许可方可以在servers上运行Acme软件。Acme软件的许可费用按年支付。This许可不可转让。"
	var got []string
	for _, k := range Extract(text, Options{Top: 15, Language: "zh"}) {
		got = append(got, k.Text)
		for _, w := range strings.Fields(k.Text) {
			if enStop[strings.ToLower(w)] {
				t.Errorf("English stop word in key phrase %q", k.Text)
			}
		}
	}
	if !slices.Contains(got, "Acme") {
		t.Errorf("keywords %q lack Acme", got)
	}
}

// A contract's roles, "hereinafter" and what it calls itself are no key
// phrases, in either script; what it is about is.
func TestChineseContractKeywordsSkipBoilerplate(t *testing.T) {
	text := "房屋租賃合約。出租人：王大明（以下簡稱甲方）。承租人：李小華（以下簡稱乙方）。甲方將房屋出租予乙方，租賃期間為一年。" +
		"乙方應按月支付租金新臺幣貳萬元，甲方應負責房屋修繕。雙方同意本合約之租金每年調整一次，乙方不得轉租房屋。"
	var got []string
	for _, k := range Extract(text, Options{Top: 10, Language: "zh"}) {
		got = append(got, k.Text)
		switch k.Text {
		case "甲方", "乙方", "簡稱", "以下簡稱", "合約", "本合約", "雙方":
			t.Errorf("boilerplate key phrase %q in %q", k.Text, got)
		}
	}
	if !slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, "租金") || strings.Contains(k, "房屋") }) {
		t.Errorf("keywords %q miss what the contract is about", got)
	}
}

// A law's citations of its own parts (本法第二条第一款所称), a contract's
// recitals (鉴于甲乙双方) and its signature block's labels are no key
// phrases nor pieces of one.
func TestChineseCitationsAndRecitalsNoKeyPhrases(t *testing.T) {
	texts := []string{
		"个人信息保护法实施细则\n第一条 本细则依个人信息保护法第五十五条规定制定。\n第二条 本法所称个人，指现生存之自然人。\n" +
			"第三条 本法第二条第一款所称得以间接方式识别，指须与其他资料对照始能识别该特定之个人。\n" +
			"第四条 本法第二条第一款所称病历之个人资料，指医疗法第六十七条第二项所列之资料。\n第五条 本法第二条第一款所称医疗之个人资料，指病历。",
		"保密协议\n甲方：深圳市腾飞网络技术有限公司\n乙方：广州市明远咨询服务有限公司\n鉴于甲乙双方拟就智能客服系统项目开展合作，" +
			"甲方将向乙方披露其保密信息，双方达成如下协议：\n乙方应对保密信息严格保密。乙方违反本协议的，应支付违约金。\n" +
			"甲方（盖章）：深圳市腾飞网络技术有限公司\n授权代表：周杰\n乙方（盖章）：广州市明远咨询服务有限公司\n授权代表：吴芳",
		// an amount with its currency's code, which the segmenter cuts at the comma
		"技术服务合同\n甲方应于合同签订后五个工作日内支付首期款RMB30,000，余款RMB70,000于验收合格后支付。" +
			"乙方提供数据平台运维服务。服务期内乙方保证数据平台的可用性。",
	}
	for _, text := range texts {
		var got []string
		for _, k := range Extract(text, Options{Top: 10, Language: "zh"}) {
			got = append(got, k.Text)
		}
		for _, k := range got {
			for _, bad := range []string{"第二条", "第一款", "本法", "所称", "本细则", "鉴于", "甲乙双方", "盖章", "授权代表", "RMB"} {
				if strings.Contains(k, bad) {
					t.Errorf("key phrase %q holds %q (%q)", k, bad, got)
				}
			}
		}
	}
}

func TestTFIDFSingleWords(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		text := enSample
		if lang == "zh" {
			text = zhSample
		}
		kws := TFIDF(text, lang, 5)
		if len(kws) != 5 {
			t.Fatalf("%s: got %d keywords", lang, len(kws))
		}
		for _, k := range kws {
			if lang == "en" && strings.Contains(k.Text, " ") {
				t.Errorf("TFIDF returned a phrase %q", k.Text)
			}
		}
	}
}

func TestEmptyText(t *testing.T) {
	if got := Extract("", Options{}); len(got) != 0 {
		t.Errorf("Extract(\"\") = %v", got)
	}
	if got := Extract("   \n\t", Options{Language: "zh"}); len(got) != 0 {
		t.Errorf("Extract(blank zh) = %v", got)
	}
}

// top20 is the text of text's first 20 English key phrases.
func top20(text string) []string {
	var out []string
	for _, k := range Extract(text, Options{Top: 20, Language: "en"}) {
		out = append(out, k.Text)
	}
	return out
}

// Addresses, signature-block labels and words repeated by columns run
// together are no key phrases; "domain name" in prose is one.
func TestLayoutPhrasesAreNoKeywords(t *testing.T) {
	text := "Lease Agreement. The Landlord, Oakridge Properties LLC of 12 Harbor Blvd, Boston, and the Tenant agree on the lease of the premises. " +
		"The premises at 40 King William Street are leased for office use. The lease of the premises includes parking. " +
		"CLIENT BOSCH BOSCH signs below. Robert King Title. Alice Brown Name. The domain name of the Tenant is listed in the lease."
	got := top20(text)
	for _, bad := range []string{"Harbor Blvd", "King William Street", "BOSCH BOSCH", "Robert King Title", "Alice Brown Name"} {
		if slices.Contains(got, bad) {
			t.Errorf("layout phrase %q among key phrases %q", bad, got)
		}
	}
	if !slices.Contains(got, "domain name") {
		t.Logf("note: 'domain name' not among %q", got)
	}
}

// A heading in capitals does not run into the text under it ("CONSULTING
// AGREEMENT Aduro"); the heading alone and an acronym with the words
// after it ("NASDAQ Stock Market") are phrases.
func TestHeadingDoesNotRunIntoText(t *testing.T) {
	text := "CONSULTING AGREEMENT\nAduro Biotech and the Consultant enter this consulting agreement. " +
		"CONSULTING AGREEMENT\nAduro Biotech pays the Consultant monthly. The shares trade on the NASDAQ Stock Market. " +
		"Aduro Biotech lists its shares on the NASDAQ Stock Market."
	got := top20(text)
	for _, bad := range []string{"CONSULTING AGREEMENT Aduro", "AGREEMENT Aduro Biotech", "AGREEMENT Aduro", "CONSULTING AGREEMENT Aduro Biotech"} {
		if slices.Contains(got, bad) {
			t.Errorf("heading run into text %q among key phrases %q", bad, got)
		}
	}
	among(t, got, []string{"NASDAQ Stock Market", "Aduro Biotech"}...)
}

// An unbroken run of characters (a 300,000-character line, a hash, base64)
// is no key phrase: it became a keyword as long as itself.
func TestNoOverlongKeywords(t *testing.T) {
	text := strings.Repeat("x", 300000) + "\n\nThe warehouse stores hydraulic pumps. Hydraulic pumps need quarterly maintenance by certified technicians. " + strings.Repeat("ab12", 20)
	for _, k := range Extract(text, Options{Language: "en"}) {
		if len(k.Text) > 100 {
			t.Errorf("keyword of %d characters", len(k.Text))
		}
	}
	kws := Extract(text, Options{Language: "en"})
	found := false
	for _, k := range kws {
		found = found || strings.Contains(strings.ToLower(k.Text), "hydraulic pump")
	}
	if !found {
		t.Errorf("keywords %v", kws)
	}
}

// A possessive ends its owner's phrase: "PivX's" is no key phrase of its
// own beside "PivX", and "PivX's scanner" is not "PivX scanner".
func TestPossessiveEndsPhrase(t *testing.T) {
	text := "PivX Solutions licenses the scanner. PivX's scanner finds flaws. The PivX scanner runs nightly. PivX's engineers support the scanner."
	for _, c := range Candidates(text, "en") {
		if strings.Contains(c.Text, "'s") || strings.Contains(c.Text, "’s") {
			t.Errorf("candidate %q keeps the possessive", c.Text)
		}
	}
	for _, k := range Extract(text, Options{Language: "en"}) {
		if strings.EqualFold(k.Text, "PivX engineers") {
			t.Errorf("phrase across a possessive: %q", k.Text)
		}
	}
}

// A phrase never runs across a paragraph, a table row or a heading: a
// blank line ends it ("Fee Hosting" out of a table, "Policy Employees"
// out of a heading and its text).
func TestPhrasesEndAtBlankLines(t *testing.T) {
	text := "Service | Fee\n\nHosting | $10,000\n\nLeave Policy\n\nEmployees shall request leave in writing. Leave Policy applies to Employees."
	for _, c := range Candidates(text, "en") {
		for _, bad := range []string{"fee hosting", "policy employees"} {
			if strings.EqualFold(c.Text, bad) {
				t.Errorf("candidate %q runs across a blank line", c.Text)
			}
		}
	}
}

// A name longer than the longest candidate is one key phrase, not its
// overlapping windows, and a word seldom used outside a chosen phrase is
// not a phrase of its own.
func TestLongNamesMerged(t *testing.T) {
	text := "The Digital Markets Advisory Committee shall assist the Commission. " +
		"The Digital Markets Advisory Committee shall deliver its opinion within two weeks. " +
		"Where the Digital Markets Advisory Committee delivers a negative opinion, the Commission shall reconsider. " +
		"Life Technologies supplies the reagents. Life Technologies shall invoice monthly. Life Technologies may audit the gatekeeper."
	kws := Extract(text, Options{Language: "en"})
	var got []string
	for _, k := range kws {
		got = append(got, strings.ToLower(k.Text))
	}
	joined := "|" + strings.Join(got, "|") + "|"
	if !strings.Contains(joined, "|digital markets advisory committee|") {
		t.Errorf("the committee's name is not one phrase: %q", got)
	}
	for _, frag := range []string{"|digital markets advisory|", "|markets advisory committee|", "|life|", "|technologies|"} {
		if strings.Contains(joined, frag) {
			t.Errorf("fragment %s kept: %q", frag, got)
		}
	}
}

// Columns of a line (a table, a signature block printed side by side) are
// no phrase together, and dates and months are no key phrases.
func TestColumnsAndDatesAreNoPhrases(t *testing.T) {
	text := "Reseller Agreement\n\nDetto Technologies      PivX Solutions\nDetto Technologies      PivX Solutions\n" +
		"Detto Technologies resells the Qwik-Fix Pro software. PivX Solutions supports Qwik-Fix Pro. " +
		"The Date of this agreement is June 1, 2020. Each Date in June is a business day."
	for _, k := range Extract(text, Options{Language: "en"}) {
		l := strings.ToLower(k.Text)
		if strings.Contains(l, "technologies pivx") || l == "date" || l == "june" {
			t.Errorf("key phrase %q", k.Text)
		}
	}
}

// A name may stand in at most maxSharing key phrases: a contract's defined
// name ("SpinCo") filled eight of ten. Terms sharing a lower-case word
// ("neural network", "neural network training") are not limited.
func TestNameInFewKeyPhrases(t *testing.T) {
	cand := func(text string, score float64) Candidate {
		var keys []string
		for _, w := range strings.Fields(text) {
			keys = append(keys, Stem(strings.ToLower(w)))
		}
		return Candidate{Text: text, Key: strings.Join(keys, " "), Words: len(keys), Freq: 5, Score: score}
	}
	names := []Candidate{cand("SpinCo IP Liability", 9), cand("SpinCo IP Asset", 8), cand("Delayed SpinCo IP", 7),
		cand("Licensed SpinCo IP", 6), cand("Parent Group", 5)}
	var got []string
	for _, k := range Top(names, Options{Top: 10}) {
		got = append(got, k.Text)
	}
	if strings.Join(got, "|") != "SpinCo IP Liability|SpinCo IP Asset|Parent Group" {
		t.Errorf("key phrases %q", got)
	}
	terms := []Candidate{cand("neural network", 9), cand("neural network training", 8), cand("recurrent neural network", 7)}
	if n := len(Top(terms, Options{Top: 10})); n != 3 {
		t.Errorf("%d of 3 terms kept", n)
	}
	// a Chinese company's name once, not in pieces
	var zh []Candidate
	for i, w := range []string{"华夏置业有限公司", "北京华夏置业", "华夏置业", "租赁期限", "深度学习", "深度学习模型"} {
		zh = append(zh, Candidate{Text: w, Key: w, Words: 1, Freq: 3, Score: float64(10 - i)})
	}
	got = nil
	for _, k := range Top(zh, Options{Top: 10, Language: "zh"}) {
		got = append(got, k.Text)
	}
	if strings.Join(got, "|") != "华夏置业有限公司|租赁期限|深度学习|深度学习模型" {
		t.Errorf("Chinese key phrases %q", got)
	}
}

// A signature block's "Signed", a running header's "Page" and a court's
// "CT" in an address are layout, not key phrases.
func TestMoreLayoutPhrases(t *testing.T) {
	text := "Global Maintenance Agreement Page 1\nThe Supplier shall maintain the Equipment at the Customer's site at 7405 SW 11th CT, North Lauderdale, and repair faults within two days. " +
		"Global Maintenance Agreement Page 2\nThe Customer shall pay the maintenance fee quarterly. Maintenance of the Equipment excludes damage caused by the Customer. " +
		"Global Maintenance Agreement Page 3\nIN WITNESS WHEREOF the parties sign this maintenance agreement.\nAlpha Widgets Limited\nSigned: J. Smith\nBeta Foods plc\nSigned: A. Jones"
	got := top20(text)
	for _, bad := range []string{"Global Maintenance Agreement Page", "SW 11th CT", "Alpha Widgets Limited Signed", "Beta Foods plc Signed"} {
		if slices.Contains(got, bad) {
			t.Errorf("layout phrase %q among key phrases %q", bad, got)
		}
	}
}

// The labels of an EU act's number are no key phrase alone ("EU" was one
// of 24 of 36 EU articles).
func TestActLabelsAlone(t *testing.T) {
	text := "Regulation (EU) 2016/679 (GDPR)\nArticle 17\nRight to erasure\n\nThe data subject shall have the right to obtain from the controller the erasure of personal data concerning him or her without undue delay, as Regulation (EU) 2016/679 and Directive 95/46/EC provide. The controller shall erase personal data where the data subject withdraws consent. EU law applies."
	for _, k := range Extract(text, Options{Top: 10, Language: "en"}) {
		if k.Text == "EU" || k.Text == "EC" {
			t.Errorf("key phrase %q", k.Text)
		}
	}
}

// A party's legal description, an address's tail, a postcode, a legal
// form alone and the signing formula are no key phrases of a contract.
func TestPartyDescriptionsAndAddressesAreNoKeywords(t *testing.T) {
	text := "Loan Agreement between Riverside Capital Partners LLC, a New York limited liability company, and Maple Street Bakery Inc., a New Jersey corporation. " +
		"Notices to Sphere 3D Corp., 895 Don Mills Road Bldg 2, Toronto Ontario Canada, and to Bluefin Robotics, 1 Fleet Street, London EC4Y 1AA, and to " +
		"Bosch LLC, 3960 Howard Hughes, Las Vegas NV. The Lender lends the Borrower the loan principal. The Borrower repays the loan principal monthly. " +
		"The loan principal bears interest. IN WITNESS WHEREOF the parties sign. Name: Signature: LLC"
	got := top20(text)
	notAmong(t, got, []string{"York limited liability", "limited liability company", "Jersey corporation", "Mills Road Bldg", "Toronto Ontario Canada",
		"London EC4Y 1AA", "Las Vegas NV", "WITNESS WHEREOF", "Name", "Signature", "LLC"}...)
	among(t, got, []string{"loan principal", "Maple Street Bakery"}...)
}

// A form's label on the next line does not run into the phrase before it.
func TestFieldLabelEndsPhrase(t *testing.T) {
	text := "Engineering Offsite - Meeting Notes\nDate: 12 March 2025\nAttendees: Marco, Lena, Priya\n\n" +
		"We spent the morning reviewing the search latency project. The search latency project is behind schedule. Meeting notes are shared."
	got := top20(text)
	if slices.Contains(got, "Meeting Notes Date") || slices.Contains(got, "Notes Date") {
		t.Errorf("a label ran into a phrase: %q", got)
	}
	if !slices.Contains(got, "search latency project") {
		t.Errorf("key phrases %q", got)
	}
}

// A label that is the whole of what stands before a colon is no key
// phrase: "Subject", "Effective date" and "Review date" were among a
// memo's and a policy's.
func TestWholeFieldLabelIsNoPhrase(t *testing.T) {
	text := "TRAVEL AND EXPENSES POLICY\nEffective date: 1 April 2025\nReview date: 31 March 2026\n\n" +
		"MEMO\nTo: All Staff\nSubject: Car park resurfacing\n\n" +
		"Claims for business travel must be submitted within three months. Travel claims need receipts. The car park will be resurfaced in March."
	got := top20(text)
	for _, label := range []string{"Effective date", "Review date", "Subject"} {
		if slices.Contains(got, label) {
			t.Errorf("label %q among key phrases %q", label, got)
		}
	}
	if !slices.Contains(got, "Car park resurfacing") && !slices.Contains(got, "car park") {
		t.Errorf("key phrases %q", got)
	}
}

// A letter's greeting, a signatory's title, a filing's version label, a
// part's number and the halves of a legal form are no key phrases.
func TestLetterAndSignatureWordsAreNoKeywords(t *testing.T) {
	text := "EXECUTION COPY\nCHAPTER II\nDear Ms Carter,\nThe rent reduction applies to the premises lease. The rent reduction takes effect in July. " +
		"The premises lease continues. Bosch International, a Nevada Limited Liability Company, agrees.\nHelen Carter Director\nJohn Kuesel Vice President\n"
	got := top20(text)
	notAmong(t, got, []string{"EXECUTION COPY", "CHAPTER II", "Dear Ms", "Helen Carter Director", "Kuesel Vice President", "Nevada Limited", "Liability Company"}...)
	if !slices.Contains(got, "rent reduction") {
		t.Errorf("key phrases %q", got)
	}
}

// A date running through a phrase, an amount in words, an honorific, a
// postcode's half, a greeting and a street word alone are no key phrases.
func TestDatesGreetingsAndAddressPartsAreNoKeywords(t *testing.T) {
	text := "PROMISSORY NOTE\n\nAustin, Texas\nNovember 15, 2024\n\nDear Sirs,\n\nMr Lang of 12 Station Street, Reading RG1 1AA, promises to pay Two Hundred Fifty Thousand Dollars to Pioneer Community Bank. " +
		"The Regulations were laid before Parliament 19th April 2024 and come into force 1st October 2024. The unpaid principal balance bears interest. " +
		"The unpaid principal balance is due on November 15, 2029. Pioneer Community Bank may declare the unpaid principal balance due. Yours sincerely, Mr Lang"
	got := top20(text)
	notAmong(t, got, []string{"Texas November", "Hundred Fifty Thousand", "Parliament 19th April", "force 1st October", "Mr", "RG1", "1AA", "Dear", "Sirs", "Street"}...)
	among(t, got, []string{"unpaid principal balance", "Pioneer Community Bank"}...)
}

// A contract's parties fill no more than one key phrase each: pieces of a
// company's name (广州智联, 智联信息技术, 智联), its legal form alone, or a
// piece that starts inside the name (有限公司杭州分行) crowded out what the
// contract is about. English words keep their case in a Chinese key, so
// "Software" and "software" were two key phrases.
func TestChineseCompanyPiecesOnce(t *testing.T) {
	text := strings.Repeat("委托方：广州智联信息技术有限公司（以下简称智联）。受托方：中国工商银行股份有限公司杭州分行。"+
		"广州智联信息技术有限公司委托受托方开发数据治理平台，智联负责提供数据治理需求，受托方负责数据治理平台的开发与运维。"+
		"数据治理平台的验收标准由智联确定。Software 许可 software 许可。\n", 3)
	kws := Extract(text, Options{Language: "zh", Top: 10})
	var got []string
	for _, k := range kws {
		got = append(got, k.Text)
	}
	pieces := 0
	for _, k := range got {
		if strings.Contains("广州智联信息技术有限公司", k) {
			pieces++
		}
		if strings.HasPrefix(k, "有限") || strings.HasPrefix(k, "股份有限") || k == "有限公司" {
			t.Errorf("a piece from inside a name: %q in %q", k, got)
		}
	}
	if pieces > 1 {
		t.Errorf("%d pieces of one company's name: %q", pieces, got)
	}
	if slices.Contains(got, "Software") && slices.Contains(got, "software") {
		t.Errorf("one word twice by case: %q", got)
	}
	if !slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, "数据治理") }) {
		t.Errorf("the subject is missing: %q", got)
	}
}

// A table's rows, as the HTML and DOCX parsers write them ("cell | cell"
// lines), end phrases: "Role Acme Corp" and "Controller Beta LLC" were key
// phrases, each the last cell of a row run into the next row's first.
func TestPhrasesStopAtTableRows(t *testing.T) {
	text := "Data Processing Policy\n\nThis policy explains how Example Ltd processes personal data of its customers and suppliers.\n\n" +
		"Party | Role\nAcme Corp | Controller\nBeta LLC | Processor\nGamma Systems | Processor"
	for _, c := range Candidates(text, "en") {
		for _, sp := range c.Spans {
			if strings.Contains(text[sp[0]:sp[1]], "\n") {
				t.Errorf("candidate %q spans rows: %q", c.Text, text[sp[0]:sp[1]])
			}
		}
	}
	var got []string
	for _, k := range Extract(text, Options{Top: 10, Language: "en"}) {
		got = append(got, k.Text)
	}
	if !slices.Contains(got, "Acme Corp") {
		t.Errorf("key phrases %q lack the cell Acme Corp", got)
	}
}

// E-mail and web addresses are no key phrases, nor their parts: a support
// policy's key phrases were "acme", "com" and "com answers tickets".
func TestAddressesAreNoPhrases(t *testing.T) {
	text := "Support policy\n\nContact support@acme.com or billing@acme.com for help. Visit www.acme.com/help or " +
		"https://portal.acme.com/tickets. Our support team at acme.com answers tickets within one business day. " +
		"Escalations go to escalations@acme.com. Support tickets are closed after 30 days without reply. Billing questions: billing@acme.com."
	for _, c := range Candidates(text, "en") {
		if w := strings.ToLower(c.Text); strings.Contains(w, "com") && !strings.Contains(w, "comm") || strings.Contains(w, "acme") || strings.Contains(w, "http") {
			t.Errorf("candidate %q from an address", c.Text)
		}
	}
	// the words around an address, and sentence ends after it, stay
	for addr, want := range map[string]int{"support@acme.com": 16, "www.acme.com/help": 17, "https://portal.acme.com/x.": 25, "acme.co.uk,": 10, "e.g.": 0, "U.S.": 0, "report.pdf": 0, "agreement": 0} {
		if got := addressAt(addr, 0); got != want {
			t.Errorf("addressAt(%q) = %d, want %d", addr, got, want)
		}
	}
}

// A line that heads a part of an act by its number ("Chapter II — ...",
// "Part 240 — ...", "Article 5", "§ 240.10b-5 ...") ends the phrase of
// the line above: a CFR title's heading lines gave the key phrases
// "Exchanges Chapter II" and "Exchange Commission Part" (QA qa-regs).
func TestPhrasesStopAtNumberedHeadings(t *testing.T) {
	text := "Title 17 — Commodity and Securities Exchanges\nChapter II — Securities and Exchange Commission\nPart 240 — General Rules and Regulations\n\n" +
		"§ 240.10b-5 Employment of manipulative and deceptive devices.\n\nIt shall be unlawful for any person to employ any device to defraud in connection with " +
		"the purchase or sale of any security on a national securities exchange.\nThe Commission enforces this rule against deceptive devices on any national securities exchange."
	for _, c := range Candidates(text, "en") {
		for _, sp := range c.Spans {
			if strings.Contains(text[sp[0]:sp[1]], "\n") {
				t.Errorf("candidate %q runs into a heading: %q", c.Text, text[sp[0]:sp[1]])
			}
		}
	}
	// a sentence wrapped before an ordinary word still runs on
	wrapped := "The data protection\nofficer reports to the board. The data protection officer is independent."
	found := false
	for _, c := range Candidates(wrapped, "en") {
		found = found || c.Text == "data protection officer"
	}
	if !found {
		t.Errorf("wrapped phrase lost: %v", Candidates(wrapped, "en"))
	}
}

// The Union's institutions and its acts' formulas are no key phrases of
// an EU act: "European Parliament", "Member States", "repealing
// Directive" were key phrases of nearly every one (QA qa-regs2). A news
// item on the Parliament keeps it.
func TestEUActInstitutionsNoKeyPhrases(t *testing.T) {
	act := "REGULATION (EU) 2022/2554 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 14 December 2022 on digital operational resilience for the financial sector\n\n" +
		"Article 19\nReporting of major ICT-related incidents\n\n" +
		"1. Financial entities shall report major ICT-related incidents to the relevant competent authority as referred to in Article 46. " +
		"Where a financial entity is subject to supervision by more than one national competent authority, Member States shall designate a single competent authority. " +
		"2. The Commission shall, by means of implementing acts, adopt the standard forms for reporting major ICT-related incidents. " +
		"3. Member States may additionally require financial entities to report major ICT-related incidents to the national authorities of the Member State. " +
		"4. The European Parliament and the Council shall be informed of the application of this Regulation. " +
		"The Commission shall report to the European Parliament on the major ICT-related incidents reported under this Regulation.\n"
	var got []string
	for _, k := range Extract(act, Options{Top: 10, Language: "en"}) {
		got = append(got, k.Text)
		switch strings.ToLower(k.Text) {
		case "european parliament", "member states", "member state", "commission", "council", "implementing acts", "regulation":
			t.Errorf("boilerplate key phrase %q in %q", k.Text, got)
		}
	}
	if !slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, "ICT-related incidents") }) {
		t.Errorf("keywords %q miss what the act is about", got)
	}
	news := "The European Parliament voted on Tuesday to delay the vote. Members of the European Parliament said the European Parliament " +
		"would return to the question in the spring, after a debate on farm subsidies that split the largest groups in the European Parliament."
	var newsKeys []string
	for _, k := range Extract(news, Options{Top: 10, Language: "en"}) {
		newsKeys = append(newsKeys, k.Text)
	}
	if !slices.Contains(newsKeys, "European Parliament") {
		t.Errorf("news keywords %q lack European Parliament", newsKeys)
	}
}

// Headings in capitals on consecutive lines are headings each, not one
// phrase: the CCPA's key phrases held "CALIFORNIA CIVIL CODE DIVISION" and
// MAS Notice 626's "BANKS MONETARY AUTHORITY"; a part's label before its
// number ("DIVISION 3.", "Cap. 186") is none either (QA qa-regs3). A
// paragraph in capitals wrapped at a longer line runs on.
func TestCapsHeadingLinesEndPhrases(t *testing.T) {
	ccpa := "CALIFORNIA CIVIL CODE\nDIVISION 3. OBLIGATIONS\nTITLE 1.81.5. California Consumer Privacy Act of 2018\n\n" +
		"1798.100. General Duties of Businesses that Collect Personal Information\n\n" +
		"(a) A business that controls the collection of a consumer's personal information shall inform consumers of the categories of personal information to be collected. " +
		"A business shall not collect additional categories of personal information without notice.\n\n" +
		"1798.155. Administrative Enforcement\n\n(a) Any business that violates this title shall be liable for an administrative fine of not more than " +
		"two thousand five hundred dollars ($2,500) for each violation or seven thousand five hundred dollars ($7,500) for each intentional violation."
	mas := "MONETARY AUTHORITY OF SINGAPORE\n\nNOTICE 626\n\nNOTICE TO BANKS\nMONETARY AUTHORITY OF SINGAPORE ACT, CAP. 186\n\n" +
		"1.1 This Notice is issued pursuant to section 27B of the Monetary Authority of Singapore Act (Cap. 186) and applies to all banks in Singapore. " +
		"A bank shall not open or maintain anonymous accounts. A bank shall report suspicious transactions connected with money laundering."
	for _, text := range []string{ccpa, mas} {
		got := top20(text)
		for _, bad := range []string{"CALIFORNIA CIVIL CODE DIVISION", "CODE DIVISION", "DIVISION", "BANKS MONETARY AUTHORITY", "BANKS MONETARY", "Cap", "CAP"} {
			if slices.Contains(got, bad) {
				t.Errorf("%q among key phrases %q", bad, got)
			}
		}
	}
	if got := top20(ccpa); !slices.Contains(got, "CALIFORNIA CIVIL CODE") {
		t.Errorf("the heading %q is not among key phrases %q", "CALIFORNIA CIVIL CODE", got)
	}
	wrapped := "LIMITATION OF LIABILITY. THE SUPPLIER SHALL NOT BE LIABLE FOR LOSS OF PROFITS OR INDIRECT\n" +
		"CONSEQUENTIAL DAMAGES OF ANY KIND. INDIRECT CONSEQUENTIAL DAMAGES ARE EXCLUDED."
	found := false
	for _, c := range Candidates(wrapped, "en") {
		found = found || c.Freq == 2 && strings.EqualFold(c.Text, "indirect consequential damages")
	}
	if !found {
		t.Errorf("a phrase wrapped in a paragraph in capitals is lost: %v", Candidates(wrapped, "en"))
	}
	// a paper's heading wrapped in its narrow column runs on too
	column := "3. COST SHARING USING THE SHAPLEY\nVALUE\nThe Shapley value shares the cost among the jobs. The Shapley value is fair."
	found = false
	for _, c := range Candidates(column, "en") {
		found = found || c.Freq == 3 && strings.EqualFold(c.Text, "Shapley value")
	}
	if !found {
		t.Errorf("a heading wrapped in a column lost its phrase: %v", Candidates(column, "en"))
	}
}

// A heading in mixed case ends its line: "Fire safety Rob" and "safety
// Rob Allen" were a fire policy's first key phrases, and "MASTER SERVICES
// AGREEMENT REVISED EDITION" a contract's, its title run into the edition
// line under it (QA qa-keys2).
func TestHeadingLinesEndPhrases(t *testing.T) {
	policy := "Fire safety\nRob Allen, the facilities manager, is responsible for fire safety at all company premises. " +
		"All staff must attend annual fire safety training and know the location of the nearest fire exit.\n\n" +
		"Evacuation procedure\nWhen the fire alarm sounds, staff must leave the building and report to the fire warden at the assembly point."
	got := top20(policy)
	notAmong(t, got, "Fire safety Rob", "safety Rob Allen", "safety Rob", "Fire safety Rob Allen")
	among(t, got, "Rob Allen")
	if !slices.ContainsFunc(got, func(k string) bool { return strings.EqualFold(k, "fire safety") }) {
		t.Errorf("%q not among key phrases %q", "fire safety", got)
	}
	contract := "MASTER SERVICES AGREEMENT\nREVISED EDITION\nVersion 2.1, last updated 3 March 2024\n\n" +
		"1. SERVICES\n1.1 The Supplier shall provide the managed IT services to the Customer in accordance with the service levels in Schedule 2.\n" +
		"1.2 The Customer shall pay the service fee within thirty days of receipt of a valid invoice."
	got = top20(contract)
	notAmong(t, got, "MASTER SERVICES AGREEMENT REVISED EDITION", "AGREEMENT REVISED EDITION", "SERVICES AGREEMENT REVISED")
	among(t, got, "MASTER SERVICES AGREEMENT")
}

// A firm's name with "&" is one key phrase: "WILLOW COFFEE LIMITED &
// SONS" was cut at the ampersand into "WILLOW COFFEE LIMITED" and "SONS"
// (QA qa-keys2); "R&D" written without spaces joins nothing.
func TestFirmNamesKeepTheirAmpersand(t *testing.T) {
	text := "SUPPLY AGREEMENT\n\nThis Agreement is made between WILLOW COFFEE LIMITED & SONS and the Distributor. " +
		"WILLOW COFFEE LIMITED & SONS shall supply roasted coffee beans to the Distributor every month. " +
		"The Distributor shall store the roasted coffee beans in a dry warehouse. The coffee beans are sold through Harbour & Pine Analytics. " +
		"The R&D Department tests every batch."
	got := top20(text)
	among(t, got, "WILLOW COFFEE LIMITED & SONS", "Harbour & Pine Analytics")
	notAmong(t, got, "SONS", "WILLOW COFFEE LIMITED", "COFFEE LIMITED & SONS", "R & D Department", "R & D")
}

// A label before a number is no key phrase: "Version" of "Version 2.1,
// last updated 3 March 2024" was a contract's, "Pub" and "Stat" of "Pub.
// L. 104-191, 110 Stat. 2033" HIPAA's (QA qa-keys2).
func TestNumberLabelsAreNoKeyPhrases(t *testing.T) {
	contract := "MASTER SERVICES AGREEMENT\nVersion 2.1, last updated 3 March 2024\n\n" +
		"The Supplier shall provide the managed IT services to the Customer. The Customer shall pay the service fee monthly. " +
		"This agreement replaces Rev. 3 of the service schedule."
	for _, c := range Candidates(contract, "en") {
		if strings.EqualFold(c.Text, "Version") || c.Text == "Rev" {
			t.Errorf("%q is a candidate", c.Text)
		}
	}
	rule := "PART 164—SECURITY AND PRIVACY\n\nAuthority: 42 U.S.C. 1302(a); sec. 264, Pub. L. 104-191, 110 Stat. 2033-2034.\n\n" +
		"Covered entities must protect electronic protected health information. Covered entities must implement security policies."
	notAmong(t, top20(rule), "Pub", "Stat", "sec")
	among(t, top20("The release notes describe the software release process. A software release needs a signed build."), "release")
}

// Two windows of one party's name merge though a word of theirs is in
// another chosen phrase: "BRIGHTPATH DIGITAL SERVICES", ranked after
// "MASTER SERVICES AGREEMENT" and "DIGITAL SERVICES LIMITED", counted as
// the third phrase sharing "SERVICES" and was dropped, leaving the party
// as "DIGITAL SERVICES LIMITED" (QA qa-keys2).
func TestNameWindowsMergePastSharedWords(t *testing.T) {
	text := "MASTER SERVICES AGREEMENT\n\nThis Agreement is made with BRIGHTPATH DIGITAL SERVICES LIMITED (Supplier)."
	span := func(s string) [2]int {
		i := strings.Index(text, s)
		return [2]int{i, i + len(s)}
	}
	cand := func(phrase, key string, score float64) Candidate {
		return Candidate{Text: phrase, Key: key, Spans: [][2]int{span(phrase)}, Words: 3, Freq: 1, Score: score}
	}
	cands := []Candidate{
		cand("MASTER SERVICES AGREEMENT", "master servic agreement", 3),
		cand("DIGITAL SERVICES LIMITED", "digit servic limit", 2),
		cand("BRIGHTPATH DIGITAL SERVICES", "brightpath digit servic", 1),
	}
	var got []string
	for _, k := range Top(cands, Options{Text: text, Language: "en"}) {
		got = append(got, k.Text)
	}
	among(t, got, "BRIGHTPATH DIGITAL SERVICES LIMITED")
}

// A defined term stays one when a word of it is met first in lower case:
// "Repair" merged into "Repair Data" as "repair data" (its first
// occurrence, in "share repair data"), and the window "share repair
// data" then replaced the contract's defined term (QA qa-keys2).
func TestDefinedTermSurvivesLowerCaseWindow(t *testing.T) {
	text := "DATA SHARING AGREEMENT\nVersion 2.1, last updated 3 March 2024\n\n" +
		"(A) The Council collects data about housing repairs.\n(B) The Contractor carries out housing repairs for the Council.\n" +
		"(C) The parties wish to share repair data to improve response times.\n\n" +
		"1. Definitions\nBusiness Day means a day other than a Saturday, Sunday or public holiday in England.\n" +
		"Repair Data means the records of repair requests, visits and completion dates.\n\n" +
		"2. Sharing\n2.1 The Council shall send Repair Data to the Contractor each Business Day.\n" +
		"2.2 The Contractor shall use Repair Data only to plan repair visits.\n"
	among(t, top20(text), "Repair Data")
}

// A verb before its particle ends a phrase: "monthly service fee set" (of
// "the monthly service fee set out in Schedule 3") was a contract's key
// phrase (QA qa-keys2).
func TestParticleVerbsEndPhrases(t *testing.T) {
	text := "The Customer shall pay the monthly service fee set out in Schedule 3. The monthly service fee set out in Schedule 3 is fixed for a year. " +
		"The Supplier shall provide the services set forth in Schedule 1, and the services set forth there are carried out on site."
	got := top20(text)
	notAmong(t, got, "monthly service fee set", "service fee set", "fee set", "services set")
	among(t, got, "monthly service fee")
}

// An amount written in words is no key phrase: "hundred dollars" (of "two
// thousand five hundred dollars ($2,500)") was one of the CCPA's, and
// "thousand" alone another; its unit alone ("dollars") is none either (QA
// qa-regs3).
func TestAmountsInWordsAreNoKeyPhrases(t *testing.T) {
	text := "1798.155. Administrative Enforcement\n\n(a) Any business, service provider, contractor, or other person that violates this title shall be liable " +
		"for an administrative fine of not more than two thousand five hundred dollars ($2,500) for each violation or seven thousand five hundred " +
		"dollars ($7,500) for each intentional violation. The administrative fine is assessed by the Agency. A business pays the administrative fine."
	got := top20(text)
	notAmong(t, got, []string{"hundred dollars", "thousand", "hundred", "seven thousand", "dollars"}...)
	for _, c := range Candidates(text, "en") {
		if strings.HasPrefix(c.Key, "hundr") || strings.HasPrefix(c.Key, "thousand") {
			t.Errorf("an amount in words is a candidate: %q", c.Text)
		}
	}
	if !slices.Contains(got, "intentional violation") {
		t.Errorf("%q not among key phrases %q", "intentional violation", got)
	}
}

// A Chinese act's key phrases, with Distinct, name each term once: 安全法
// beside 数据安全法 and 中华人民共和国数据安全法, 数据处理 beside
// 数据处理活动 and 开展数据处理活动 filled half the list with one term.
func TestChineseDistinctListsTermsOnce(t *testing.T) {
	text := "中华人民共和国数据安全法\n\n第一章 总则\n\n" +
		"第一条 为了规范数据处理活动，保障数据安全，促进数据开发利用，保护个人、组织的合法权益，维护国家主权、安全和发展利益，制定本法。\n\n" +
		"第二条 在中华人民共和国境内开展数据处理活动及其安全监管，适用本法。\n\n" +
		"第三条 本法所称数据，是指任何以电子或者其他方式对信息的记录。\n\n" +
		"第二十一条 国家建立数据分类分级保护制度，根据数据在经济社会发展中的重要程度，对数据实行分类分级保护。\n\n" +
		"第二十七条 开展数据处理活动应当依照法律、法规的规定，建立健全全流程数据安全管理制度。\n\n" +
		"第四十五条 开展数据处理活动的组织、个人不履行本法第二十七条规定的数据安全保护义务的，由有关主管部门责令改正，给予警告，可以并处五万元以上五十万元以下罚款。\n\n" +
		"第五十五条 本法自2021年9月1日起施行。\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh", Distinct: true}) {
		got = append(got, k.Text)
	}
	if len(got) < 5 {
		t.Fatalf("too few key phrases: %q", got)
	}
	for _, a := range got {
		for _, b := range got {
			if a != b && strings.Contains(a, b) && strings.Count(text, b) <= strings.Count(text, a)+1 {
				t.Errorf("%q listed beside its own part %q, which seldom occurs apart: %q", a, b, got)
			}
		}
	}
	if !slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, "数据安全法") }) {
		t.Errorf("the act's name is missing: %q", got)
	}
	// off by default: a scientific abstract's keywords hold a term and its parts
	if plain := Extract(text, Options{Language: "zh"}); len(plain) != 10 {
		t.Errorf("default extraction changed: %v", plain)
	}
}

// An amount in Chinese numerals is no key phrase: 五万元 and 五十万元 were
// an act's, 仟元整 (of 贰万伍仟元整, cut there by the segmenter) a labour
// contract's; 四元 of 四元数 (a quaternion) is no amount.
func TestChineseAmountsAreNoKeyPhrases(t *testing.T) {
	text := strings.Repeat("第三条 甲方每月支付乙方工资人民币贰万伍仟元整。乙方违约的，支付违约金人民币叁万伍仟元整。\n"+
		"第四条 违反保密义务的，由主管部门责令改正，可以并处五万元以上五十万元以下罚款。劳动报酬按月支付。\n", 3)
	got := top20zh(text)
	for _, k := range got {
		if zhAmountWord(k) || strings.HasSuffix(k, "元整") || strings.HasSuffix(k, "万元") {
			t.Errorf("an amount %q among key phrases %q", k, got)
		}
	}
	if !slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, "劳动报酬") }) {
		t.Errorf("劳动报酬 not among key phrases %q", got)
	}
	if zhAmountWord("四元") || zhAmountWord("单元") || !zhAmountWord("五十万元") || !zhAmountWord("仟元整") {
		t.Error("zhAmountWord misreads")
	}
}

// distinctZh is a Chinese text's top n key phrases, each term once
// (Options.Distinct, as contracts and laws get them).
func distinctZh(text string, n int) []string {
	var out []string
	for _, k := range Extract(text, Options{Language: "zh", Top: n, Distinct: true}) {
		out = append(out, k.Text)
	}
	return out
}

func top20zh(text string) []string {
	var got []string
	for _, k := range Extract(text, Options{Language: "zh", Top: 20}) {
		got = append(got, k.Text)
	}
	return got
}

// A notice's sign-off names who issued it, not what it is about: the
// issuer's name (北京华清科技 of 北京华清科技有限公司 under the notice)
// was a key phrase (QA qa-keys2); a company the text names in its body is
// still one.
func TestChineseNoticeSignOffIsNoKeyPhrase(t *testing.T) {
	notice := "关于发布《员工竞业限制管理办法》的通知\n\n公司各部门：\n\n" +
		"为规范员工竞业限制管理，保护公司商业秘密，人力资源部制定了《员工竞业限制管理办法》，现予发布，请遵照执行。\n\n" +
		"竞业限制人员离职时，人力资源部应当书面通知其是否履行竞业限制义务。履行竞业限制义务的人员，公司按月支付经济补偿。\n\n" +
		"未经公司同意，竞业限制人员不得在竞争对手任职或者提供服务。\n\n北京华清科技有限公司\n人力资源部\n2024年5月6日\n"
	got := top20zh(notice)
	notAmong(t, got, "北京华清科技", "北京华清科技有限公司", "华清科技")
	among(t, got, "竞业限制", "人力资源部")
	contract := "技术服务合同\n\n甲方：北京华清科技有限公司\n乙方：上海云图数据有限公司\n\n" +
		"乙方为北京华清科技有限公司提供数据治理技术服务。华清科技按季度支付服务费用。乙方应当保护华清科技的数据安全。\n\n北京华清科技有限公司\n2024年5月6日\n"
	if got := top20zh(contract); !slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, "华清科技") }) {
		t.Errorf("the party named in the body is no key phrase: %q", got)
	}
}

// A company's name with a place in brackets, a law or accounting firm's,
// and a branch's are one name too: 阿里巴巴 and 网络技术有限公司 (of
// 阿里巴巴（中国）网络技术有限公司), 普华永道中天会计师, 上海分所, 特殊普通合伙
// and 事务所 (of one accounting firm's branch) were each several key phrases.
func TestChineseBracketedAndFirmNamesOnce(t *testing.T) {
	for _, name := range []string{"阿里巴巴（中国）网络技术有限公司", "普华永道中天会计师事务所（特殊普通合伙）上海分所", "上海明德律师事务所"} {
		text := strings.Repeat("甲方：上海申通地铁集团有限公司\n乙方："+name+"\n\n第一条 乙方为甲方提供审计服务，乙方应对甲方提供的审计资料严格保密。\n"+
			"第二条 本协议有效期为五年。\n\n甲方：上海申通地铁集团有限公司\n乙方："+name+"\n", 2)
		var pieces []string
		for _, k := range Extract(text, Options{Language: "zh"}) {
			if strings.Contains(name, k.Text) {
				pieces = append(pieces, k.Text)
			}
		}
		if len(pieces) > 1 {
			t.Errorf("%d pieces of %s: %q", len(pieces), name, pieces)
		}
	}
}

// A rate in words is no key phrase: 百分之四点 (of 百分之四点五, cut there by
// the segmenter) was a loan contract's.
func TestChineseSharesAreNoKeyPhrases(t *testing.T) {
	text := strings.Repeat("第二条 利率\n借款年利率为百分之四点五，逾期利率为百分之六点五。借款人应按月支付利息。\n"+
		"第三条 违约\n借款人逾期还款的，每日按未还本金的千分之五支付违约金。\n", 3)
	for _, k := range top20zh(text) {
		if strings.Contains(k, "分之") {
			t.Errorf("a rate %q among key phrases %q", k, top20zh(text))
		}
	}
}

// A CFR paragraph's label and a part's heading are no key phrases alone:
// HIPAA's "(a) Standard." and "(b) Standard: Minimum necessary." made
// "Standard" one of 45 CFR 164.502's, and "PART 164—SECURITY AND PRIVACY"
// made "SECURITY" another; "(A) Risk analysis (Required)." made "Risk" one
// of 164.308's, its capital only that of the paragraph's first word. A
// statute's "Act" alone ("Banking Act", "Monetary Authority of Singapore
// Act") says only that the text is law (QA qa-regs4).
func TestCFRLabelsAndHeadingsAreNoKeyPhrases(t *testing.T) {
	for _, c := range []struct {
		file      string
		bad, good []string
	}{
		{"hipaa_164_502.txt", []string{"Standard", "SECURITY", "Security", "subpart", "subchapter"}, []string{"protected health information", "covered entity"}},
		{"hipaa_164_308.txt", []string{"Standard", "Risk", "SECURITY", "Security", "Addressable", "Required"}, []string{"security incidents", "workforce members"}},
		{"mas_626.txt", []string{"Act", "ACT"}, []string{"money laundering"}},
	} {
		b, err := os.ReadFile("../classify/testdata/regulations/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, k := range Extract(string(b), Options{Top: 10, Language: "en"}) {
			got = append(got, k.Text)
		}
		for _, bad := range c.bad {
			if slices.Contains(got, bad) {
				t.Errorf("%s: %q among key phrases %q", c.file, bad, got)
			}
		}
		for _, good := range c.good {
			if !slices.Contains(got, good) {
				t.Errorf("%s: %q not among key phrases %q", c.file, good, got)
			}
		}
	}
	// "Standard" in a rule's prose is a word like any other
	text := "The standard applies to every covered entity. A covered entity meets the standard when it encrypts records. " +
		"The standard is reviewed each year by the Secretary."
	found := false
	for _, c := range Candidates(text, "en") {
		found = found || c.Key == Stem("standard") && c.Freq == 3
	}
	if !found {
		t.Errorf("the word standard in prose is no candidate: %v", Candidates(text, "en"))
	}
}

// A phrase that runs into a citation's part label is no key phrase: "CFR
// Part" (of "21 CFR Part 11") was one of FDA's rule on electronic
// records (QA qa-regs4). A label in lower case may end a phrase that names
// something.
func TestCitedPartEndsNoPhrase(t *testing.T) {
	b, err := os.ReadFile("../classify/testdata/regulations/fda_part11_1997.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := top20(string(b))
	notAmong(t, got, []string{"CFR Part", "CFR Parts"}...)
	if !slices.Contains(got, "electronic records") {
		t.Errorf("%q not among key phrases %q", "electronic records", got)
	}
	found := false
	for _, c := range Candidates("The loan has an interest rate cap 2 points above the index. The interest rate cap protects the borrower.", "en") {
		found = found || c.Text == "interest rate cap" && c.Freq == 2
	}
	if !found {
		t.Error("a phrase ending in a lower-case label lost an occurrence")
	}
}

// A single word of a part's heading in capitals is no candidate there:
// docmill-mini rescores candidates, and kept "SECURITY" (of "PART
// 164—SECURITY AND PRIVACY") among 45 CFR 164.502's key phrases after
// its capitals had lost their weight (QA qa-regs4). The heading's
// phrases, and the word in prose, stay candidates.
func TestPartHeadingWordsAreNoCandidates(t *testing.T) {
	b, err := os.ReadFile("../classify/testdata/regulations/hipaa_164_502.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Candidates(string(b), "en") {
		if c.Key == Stem("security") {
			t.Errorf("the heading's word is a candidate: %+v", c)
		}
	}
	text := "PART 314—STANDARDS FOR SAFEGUARDING CUSTOMER INFORMATION\n\n" +
		"A financial institution shall protect the security of customer information. The security program is written."
	n := 0
	for _, c := range Candidates(text, "en") {
		if c.Key == Stem("security") {
			n = c.Freq
		}
	}
	if n != 2 {
		t.Errorf("security in prose: %d occurrences, want 2", n)
	}
}

// The segmenter's wrong cuts across a word boundary are no key phrases:
// 方以 (保密信息是指甲方以任何形式, cut 指甲/方以) was an NDA's and 可识 (已识别或者
// 可识别的自然人, cut 可识/别的) the PIPL's (QA qa-zh3); 指甲 (是指甲方的, cut
// 是/指甲/方) another NDA's (QA qa-zh4).
func TestChineseSplitFragmentsAreNoKeyPhrases(t *testing.T) {
	roleCut := "保密协议\n\n乙方：王芳\n\n第一条 保密信息\n本协议所称保密信息，是指甲方的技术秘密、经营信息及客户名单。\n" +
		"第二条 保密义务\n乙方应当对保密信息严格保密，未经甲方书面同意，不得向任何第三方披露。\n" +
		"第三条 违约责任\n乙方违反本协议约定的，应当向甲方支付违约金。\n"
	nda := "保密协议\n\n第一条 保密信息的定义\n保密信息是指甲方以任何形式向乙方披露的技术信息和经营信息，包括设计图纸、工艺参数、源代码及客户名单。乙方对保密信息负有保密义务。\n\n" +
		"第二条 保密义务\n乙方应当对保密信息严格保密，未经甲方书面同意，不得向任何第三方披露保密信息。甲方以书面形式指定的信息亦属保密信息。\n\n" +
		"第三条 期限\n本协议自本协议签订之日起五年内有效。保密义务在本协议终止后继续有效。\n"
	pipl := "个人信息保护法\n\n第四条 个人信息是以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息，不包括匿名化处理后的信息。\n" +
		"第七十三条 去标识化，是指个人信息经过处理，使其在不借助额外信息的情况下无法识别特定自然人的过程。可识别的自然人的信息应当受到保护。\n"
	for _, text := range []string{nda, pipl, roleCut} {
		for _, k := range Extract(text, Options{Language: "zh", Top: 20, Distinct: true}) {
			if k.Text == "方以" || k.Text == "自本" || k.Text == "可识" || strings.Contains(k.Text, "指甲") {
				t.Errorf("fragment %q among key phrases", k.Text)
			}
		}
	}
	for _, w := range []string{"方以", "自本", "可识"} {
		if !zhSplitFragment(w) {
			t.Errorf("%q not a fragment", w)
		}
	}
	for _, w := range []string{"别的", "甲方", "以上", "本金", "可以"} {
		if zhSplitFragment(w) {
			t.Errorf("word %q taken for a fragment", w)
		}
	}
}

// A contract's field labels are no key phrases: 社会信用代码 (of
// 统一社会信用代码：), 法定代表人, 合同编号, 开户行 and 账号 were an NDA's (QA
// qa-zh3); a term that occurs outside a label too stays one.
func TestChineseFieldLabelsAreNoKeyPhrases(t *testing.T) {
	text := "保密协议\n\n合同编号：HN-NDA-2025-0318\n" +
		"甲方：深圳市华南智能制造股份有限公司\n统一社会信用代码：91440300MA5F1234XY\n法定代表人：王建国\n" +
		"乙方：苏州工业园区恒信精密机械有限责任公司\n统一社会信用代码：91320594MA1N5678AB\n法定代表人：李明\n\n" +
		"第一条 乙方应当对保密信息严格保密，未经甲方书面同意，不得向任何第三方披露保密信息。\n" +
		"第二条 乙方违反保密义务的，应当支付违约金。保密义务在本协议终止后继续有效。\n\n" +
		"甲方开户行：中国工商银行深圳南山支行\n账号：4000021209200123456\n" +
		"乙方开户行：中国建设银行苏州工业园区支行\n账号：32250198863600001234\n" +
		"甲方（盖章）：深圳市华南智能制造股份有限公司\n法定代表人（签字）：\n"
	texts := distinctZh(text, 20)
	notAmong(t, texts, "社会信用代码", "信用代码", "统一社会信用", "统一社会", "法定代表人", "代表人", "合同编号", "开户行", "账号")
	among(t, texts, "保密义务")
}

// A party's particulars are no key phrases either: HT-2024-0318 (合同编号),
// 采字 of the document number 沪采字〔2024〕第18号, 张伟 (法定代表人), and
// 浦东新区 and 张江路 of an address were a purchase contract's (QA qa-zh4).
// The parties' names and what the contract is about stay.
func TestChineseFieldValuesAreNoKeyPhrases(t *testing.T) {
	text := "采购合同\n\n合同编号：HT-2024-0318\n文号：沪采字〔2024〕第18号\n\n" +
		"甲方（采购方）：上海明德信息科技有限公司\n法定代表人：张伟\n地址：上海市浦东新区张江路88号\n" +
		"联系电话：021-58881234\n开户行：中国工商银行上海张江支行\n账号：1001234509876543210\n\n" +
		"乙方（供货方）：杭州云帆电子设备有限公司\n法定代表人：李娜\n地址：浙江省杭州市西湖区文三路199号\n\n" +
		"第一条 乙方应当向甲方提供服务器设备二十台，服务器设备的型号及配置详见附件一。\n" +
		"第二条 乙方应当于2024年4月15日前将服务器设备送达甲方指定地点，逾期交付的，应当支付违约金。\n" +
		"第三条 双方应当对在履行本合同过程中知悉的对方商业秘密承担保密义务。\n" +
		"抄送：沪采字〔2024〕第18号\n"
	texts := distinctZh(text, 20)
	notAmong(t, texts, "HT-2024-0318", "HT", "沪采字", "采字", "张伟", "李娜", "浦东新区", "上海市浦东新区", "张江路", "张江", "文三路", "西湖区", "招商银行", "中国工商银行")
	among(t, texts, "服务器设备")
}

// A law's modal verbs and its parts' titles are no key phrases nor pieces
// of one: 处理个人信息应当, 总则, 附则 and 节选 led a PIPL excerpt's (QA
// qa-zh4); 处理个人信息 stays.
func TestChineseModalsAndPartTitlesAreNoKeyPhrases(t *testing.T) {
	text := "个人信息保护法（节选）\n\n第一章 总则\n\n第五条 处理个人信息应当遵循合法、正当、必要和诚信原则。\n\n" +
		"第六条 处理个人信息应当具有明确、合理的目的。\n\n第七条 处理个人信息应当遵循公开、透明原则。\n\n" +
		"第八条 处理个人信息应当保证个人信息的质量。\n\n第八章 附则\n\n第七十四条 本法自2021年11月1日起施行。\n"
	var texts []string
	for _, k := range Extract(text, Options{Language: "zh", Top: 10, Distinct: true}) {
		texts = append(texts, k.Text)
		if strings.Contains(k.Text, "应当") || slices.Contains([]string{"总则", "附则", "节选"}, k.Text) {
			t.Errorf("%q among key phrases", k.Text)
		}
	}
	if !slices.Contains(texts, "处理个人信息") {
		t.Errorf("处理个人信息 missing from %q", texts)
	}
}

// A cited law's title gives no tail of a word as a key phrase: 合同法 of
// 《中华人民共和国劳动合同法》 (cut 劳动/合同法) named another law and was a
// labour contract's (QA qa-zh4). The law's own name stays.
func TestChineseCitedTitleTailIsNoKeyPhrase(t *testing.T) {
	text := "劳动合同\n\n甲方（用人单位）：上海明德信息科技有限公司\n法定代表人：张伟\n乙方（劳动者）：陈静\n身份证号码：310104199205123456\n联系地址：上海市闵行区莘庄镇七莘路500弄\n" +
		"\n根据《中华人民共和国劳动合同法》等法律法规，甲乙双方经平等协商，订立本合同。\n\n第一条 合同期限\n本合同为固定期限劳动合同，期限三年，自2024年3月1日起至2027年2月28日止，其中试用期三个月。\n" +
		"\n第二条 工作内容\n乙方同意担任软件工程师岗位，工作地点为上海市浦东新区。\n\n第三条 劳动报酬\n甲方每月15日前以货币形式支付乙方工资，月工资为人民币25,000元，试用期工资为人民币20,000元。\n" +
		"\n第四条 社会保险\n甲方应当依法为乙方缴纳社会保险和住房公积金。\n\n第五条 竞业限制\n乙方离职后二年内不得到与甲方有竞争关系的单位任职，甲方应当按月给予乙方经济补偿。\n" +
		"\n第六条 其他\n本合同一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。\n\n甲方（盖章）：上海明德信息科技有限公司\n乙方（签字）：陈静\n签订日期：2024年2月26日\n"
	texts := distinctZh(text, 10)
	notAmong(t, texts, "合同法")
	among(t, texts, "试用期")
	titles := zhTitleRe.FindAllStringSubmatchIndex("依照《中华人民共和国个人信息保护法》", -1)
	at := strings.Index("依照《中华人民共和国个人信息保护法》", "个人信息保护法")
	if titleTails("依照《中华人民共和国个人信息保护法》", [][2]int{{at, at + len("个人信息保护法")}}, titles) {
		t.Error("个人信息保护法 taken for a title's tail")
	}
}

// A company's key phrase is its name's core, not a cut at an arbitrary
// point: 深圳市华南智能 and 苏州工业园区恒信 were an NDA's (QA qa-zh3).
func TestChineseCompanyNameNotCut(t *testing.T) {
	text := strings.Repeat("保密协议\n\n甲方：深圳市华南智能制造股份有限公司\n乙方：苏州工业园区恒信精密机械有限责任公司\n\n"+
		"第一条 乙方应当对保密信息严格保密，未经甲方书面同意，不得向任何第三方披露保密信息。\n"+
		"第二条 乙方违反保密义务的，应当支付违约金。\n\n"+
		"甲方（盖章）：深圳市华南智能制造股份有限公司\n乙方（盖章）：苏州工业园区恒信精密机械有限责任公司\n", 2)
	for _, distinct := range []bool{false, true} {
		var got []string
		for _, k := range Extract(text, Options{Language: "zh", Top: 20, Distinct: distinct}) {
			got = append(got, k.Text)
		}
		for _, name := range []string{"深圳市华南智能制造股份有限公司", "苏州工业园区恒信精密机械有限责任公司"} {
			var pieces []string
			for _, k := range got {
				if strings.Contains(name, k) {
					pieces = append(pieces, k)
				}
			}
			if len(pieces) != 1 || pieces[0] != newZHName(name).core && pieces[0] != name {
				t.Errorf("distinct %v: %s as %q in %q", distinct, name, pieces, got)
			}
		}
	}
	for name, core := range map[string]string{"深圳市华南智能制造股份有限公司": "华南智能制造", "苏州工业园区恒信精密机械有限责任公司": "恒信精密机械",
		"上海明德律师事务所": "上海明德律师事务所", "阿里巴巴（中国）网络技术有限公司": "阿里巴巴网络技术", "北京市海淀区华清科技有限公司": "华清科技"} {
		if got := newZHName(name).core; got != core {
			t.Errorf("core of %s: %q, want %q", name, got, core)
		}
	}
}

// A notice's title makes its key phrases distinct; a paper's does not.
func TestChineseNoticeTitle(t *testing.T) {
	for title, want := range map[string]bool{"关于开展2025年度数据合规自查工作的通知": true, "停电公告": true, "关于印发《数据出境安全评估办法》的通知": true,
		"国务院关于修改部分行政法规的决定": false, "关于校风建设的思考": false, "关于黑龙江省朝鲜族教育情况的调研报告": false, "深度学习模型的研究": false} {
		if got := zhNotice("\n" + title + "\n正文。"); got != want {
			t.Errorf("zhNotice(%s) = %v", title, got)
		}
	}
}

// A currency's code alone and a duration in hyphenated words name no
// subject: "USD" and "forty-five days" led an amendment's key phrases.
func TestCurrencyCodesAndHyphenatedNumbersAreNoKeyPhrases(t *testing.T) {
	text := "Amendment No. 2 to the Licence Agreement. The Licensee shall pay the Licensor a fee of USD 800 per month " +
		"for the Option. The fee rises to USD 950 per month after year one. The Licensor shall give forty-five days notice " +
		"of any change to the fee, and the Licensee may end the Option on forty-five days notice. Late fees accrue at USD 10 a day."
	got := top20(text)
	notAmong(t, got, []string{"USD", "forty-five days", "forty-five days notice"}...)
	if !slices.Contains(got, "Licensor") && !slices.Contains(got, "Option") {
		t.Errorf("the amendment's subjects are not among key phrases %q", got)
	}
}

// A UK agreement's parties block and its law and jurisdiction clauses
// give no key phrases: "England" and "Wales" (of "England and Wales"),
// "registered office", "company number" and the street "Canal Wharf" were
// five of a services agreement's ten.
func TestRegisterDetailsAreNoKeyPhrases(t *testing.T) {
	text := "THIS AGREEMENT is dated 14 March 2025\n\nPARTIES\n\n" +
		"(1) BRIGHTWATER ANALYTICS LIMITED incorporated and registered in England and Wales with company number 08123456 whose registered office is at 4 Canal Wharf, Leeds LS11 5PS (Supplier).\n\n" +
		"(2) HOLLOWAY RETAIL GROUP PLC incorporated and registered in England and Wales with company number 01234567 whose registered office is at 22 King Street, Manchester M2 4WU (Customer).\n\n" +
		"BACKGROUND\n\n(A) The Supplier is in the business of providing data analytics and reporting services.\n\n" +
		"3.1 The Supplier shall supply the Services to the Customer. The Supplier shall deliver monthly analytics reports and a live sales dashboard.\n\n" +
		"3.2 The Customer shall provide the Supplier with sales data for the analytics reports.\n\n" +
		"10.1 This agreement shall be governed by and construed in accordance with the law of England and Wales.\n\n" +
		"11.1 Each party irrevocably agrees that the courts of England and Wales shall have exclusive jurisdiction.\n"
	got := top20(text)
	notAmong(t, got, []string{"England", "Wales", "registered office", "company number", "Canal Wharf", "Leeds", "King Street", "Manchester"}...)
	among(t, got, []string{"BRIGHTWATER ANALYTICS LIMITED", "monthly analytics reports"}...)
}

// Who signs for a party, the fixed phrases of drafting ("in accordance
// with", "in connection with", "in relation to") and the heading "AGREED
// TERMS" give a UK agreement no key phrases: "HELEN MARSH",
// "accordance", "connection" and "relation" were among an NDA's and a
// services agreement's ten.
func TestSignatoriesAndDraftingPhrasesAreNoKeyPhrases(t *testing.T) {
	text := "THIS AGREEMENT is dated 2 February 2025\n\nAGREED TERMS\n\n" +
		"2.1 Each party shall keep the Confidential Information confidential in accordance with this agreement.\n\n" +
		"2.2 A party may disclose Confidential Information in connection with the Purpose in accordance with clause 3.\n\n" +
		"2.3 The Recipient shall return all documents in relation to the Purpose in accordance with clause 4.\n\n" +
		"2.4 Any claim in connection with the Purpose or in relation to the Confidential Information is settled in accordance with clause 9.\n\n" +
		"Signed by DR HELEN MARSH for and on behalf of NORTHGATE BIOSCIENCES LIMITED\nDirector\n\n" +
		"Signed by TOM ADEYEMI for and on behalf of KESTREL CAPITAL LLP\nMember\n"
	got := top20(text)
	notAmong(t, got, []string{"accordance", "connection", "relation", "HELEN MARSH", "TOM ADEYEMI", "AGREED TERMS"}...)
	among(t, got, []string{"Confidential Information", "NORTHGATE BIOSCIENCES LIMITED"}...)
}

// An Australian or Singapore company's name ends in a two-word legal
// form, of which the second ("Ltd") is a stopword: the name is the key
// phrase, with its whole form where written "Pty Ltd" (as "Nordwind
// GmbH" keeps its), not the name and the form's first word ("Southern
// Cross Mining Pty", "LION CITY LOGISTICS PTE"), nor that word alone.
func TestTwoWordLegalFormsCutCleanly(t *testing.T) {
	text := "Southern Cross Mining Pty Ltd operates iron ore mines. Southern Cross Mining Pty Ltd engages Banksia Geoscience Pty Ltd. " +
		"LION CITY LOGISTICS PTE. LTD. provides warehousing. LION CITY LOGISTICS PTE. LTD. stores electronics for STRAITS ELECTRONICS PTE. LTD."
	got := top20(text)
	for _, k := range got {
		if f := strings.Fields(strings.ToLower(k)); f[len(f)-1] == "pty" || f[len(f)-1] == "pte" {
			t.Errorf("%q among key phrases %q", k, got)
		}
	}
	among(t, got, []string{"Southern Cross Mining Pty Ltd", "LION CITY LOGISTICS"}...)
}

// An agency's name that joins two words with "and" is one phrase: FDA's
// "Food and Drug Administration" gave the key phrases "Food" and "Drug
// Administration" (QA qa-regs5). Two terms joined by "and" in prose stay
// two phrases.
func TestAgencyNameJoinedByAnd(t *testing.T) {
	b, err := os.ReadFile("../classify/testdata/regulations/fda_part11_1997.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := top20(string(b))
	if !slices.Contains(got, "Food and Drug Administration") {
		t.Errorf("%q not among key phrases %q", "Food and Drug Administration", got)
	}
	if slices.Contains(got, "Drug Administration") {
		t.Errorf("%q among key phrases %q", "Drug Administration", got)
	}
	for _, c := range Candidates("Rules of the Securities and Exchange Commission apply. Records and Signatures are kept. Data and Network Security matter.", "en") {
		if strings.Contains(c.Text, " and ") && c.Text != "Securities and Exchange Commission" {
			t.Errorf("candidate %q joins two phrases", c.Text)
		}
	}
}

// A window that cuts through a more frequent chosen term at each of its
// occurrences is no key phrase: "disclosing protected health" and "limit
// protected health" were key phrases of HIPAA's 45 CFR 164.502 beside
// "protected health information" (QA qa-regs5). A phrase that holds the
// term, or stands apart from it, stays.
func TestWindowsThroughTermsAreNoKeyPhrases(t *testing.T) {
	b, err := os.ReadFile("../classify/testdata/regulations/hipaa_164_502.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, k := range Extract(string(b), Options{Top: 10, Language: "en"}) {
		got = append(got, k.Text)
	}
	if !slices.Contains(got, "protected health information") {
		t.Errorf("%q not among key phrases %q", "protected health information", got)
	}
	for _, k := range got {
		if k != "protected health information" && (strings.HasSuffix(k, "protected health") || strings.HasPrefix(k, "health information")) {
			t.Errorf("fragment %q among key phrases %q", k, got)
		}
	}
	text := "Image compression reduces storage. Image compression methods vary. Lossless image compression keeps data. " +
		"Wavelet transforms help image compression. Wavelet transforms are fast."
	got = got[:0]
	for _, k := range Extract(text, Options{Top: 10, Language: "en"}) {
		got = append(got, k.Text)
	}
	if !slices.Contains(got, "Lossless image compression") {
		t.Errorf("%q not among key phrases %q", "Lossless image compression", got)
	}
}

// The tail of an act's title after "of" and the words of a book of
// statutes' name are no key phrases: "SINGAPORE ACT" (of "MONETARY
// AUTHORITY OF SINGAPORE ACT") was one of MAS Notice 626, and
// "STATUTES", "REPUBLIC", "SINGAPORE" (of "THE STATUTES OF THE REPUBLIC
// OF SINGAPORE") of the PDPA (QA qa-regs5). An act named in full stays.
func TestActTitleTailAndStatuteSeriesAreNoKeyPhrases(t *testing.T) {
	b, err := os.ReadFile("../classify/testdata/regulations/mas_626.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := top20(string(b)); slices.Contains(got, "SINGAPORE ACT") {
		t.Errorf("%q among key phrases %q", "SINGAPORE ACT", got)
	}
	pdpa := "THE STATUTES OF THE REPUBLIC OF SINGAPORE\n\nPERSONAL DATA PROTECTION ACT 2012\n\n2020 REVISED EDITION\n\n" +
		"An Act to govern the collection, use and disclosure of personal data by organisations.\n\n" +
		"24. An organisation must protect personal data in its possession by making reasonable security arrangements.\n\n" +
		"25. An organisation must cease to retain personal data when retention is no longer necessary for legal or business purposes.\n\n" +
		"26D. The organisation must notify the Commission of a notifiable data breach no later than 3 calendar days after its assessment.\n"
	got := top20(pdpa)
	notAmong(t, got, []string{"STATUTES", "REPUBLIC", "SINGAPORE"}...)
	if !slices.Contains(got, "personal data") {
		t.Errorf("%q not among key phrases %q", "personal data", got)
	}
	found := false
	for _, c := range Candidates("The Gramm-Leach-Bliley Act applies. Under the Banking Act banks report.", "en") {
		found = found || c.Text == "Banking Act"
	}
	if !found {
		t.Error("an act named in full is no candidate")
	}
}

// A CFR title's lettered subtitle, subchapter and subpart lines end the
// phrase of the line above: 45 CFR 164's heading block gave the key
// phrases "Public Welfare Subtitle" and "Human Services Subchapter" (QA
// qa-regs5).
func TestPhrasesStopAtLetteredHeadings(t *testing.T) {
	text := "Title 45 — Public Welfare\nSubtitle A — Department of Health and Human Services\nSubchapter C — Administrative Data Standards and Related Requirements\n" +
		"Part 164 — Security and Privacy\nSubpart E — Privacy of Individually Identifiable Health Information\n\n" +
		"§ 164.502 Uses and disclosures of protected health information.\n\nA covered entity may not use or disclose protected health information, except as permitted by this subpart."
	for _, c := range Candidates(text, "en") {
		for _, sp := range c.Spans {
			if strings.Contains(text[sp[0]:sp[1]], "\n") {
				t.Errorf("candidate %q runs into a heading: %q", c.Text, text[sp[0]:sp[1]])
			}
		}
		// nor is the lettered label alone a candidate ("Subtitle" was a
		// key phrase once the lines stopped running together)
		if c.Words == 1 && (c.Text == "Subtitle" || c.Text == "Subchapter" || c.Text == "Subpart") {
			t.Errorf("label %q is a candidate", c.Text)
		}
	}
}

// A word inside a chosen phrase at most of its occurrences leaves the
// phrase as it is: merged into it, "health" left "protected health
// information" only its first occurrence, and HIPAA's fragment "disclosing
// protected health" came back in docmill-mini's ranking (QA qa-regs5).
func TestWordInsideChosenPhraseKeepsItsOccurrences(t *testing.T) {
	b, err := os.ReadFile("../classify/testdata/regulations/hipaa_164_504.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	cands := Candidates(text, "en")
	for i := range cands {
		switch cands[i].Text {
		case "protected health information":
			cands[i].Score = 3
		case "health":
			cands[i].Score = 2
		case "disclosing protected health":
			cands[i].Score = 1
		default:
			cands[i].Score = 0
		}
	}
	for _, k := range Top(cands, Options{Top: 3, Language: "en", Text: text}) {
		if k.Text == "disclosing protected health" {
			t.Errorf("fragment %q among key phrases", k.Text)
		}
	}
}

// A citation's reporter between its numbers is no key phrase: "FR" (of
// "67 FR 36493") was one of 16 CFR 314 (QA qa-regs5). The abbreviation
// elsewhere stays a word.
func TestCitationReportersAreNoKeyPhrases(t *testing.T) {
	text := "PART 314 — STANDARDS FOR SAFEGUARDING CUSTOMER INFORMATION\n\nAuthority: 15 U.S.C. 6801(b), 6805(b)(2).\n\n" +
		"Source: 67 FR 36493, May 23, 2002, unless otherwise noted.\n\nA financial institution shall protect customer information. " +
		"Customer information is encrypted. See 21 CFR Part 11.\n\n[86 FR 70306, Dec. 9, 2021, as amended at 88 FR 77508, Nov. 13, 2023]"
	for _, c := range Candidates(text, "en") {
		if c.Words == 1 && (c.Text == "FR" || c.Text == "CFR" || c.Text == "U.S.C") {
			t.Errorf("reporter %q is a candidate (%d occurrences)", c.Text, c.Freq)
		}
	}
	found := false
	for _, c := range Candidates("The FR team met. The FR team plans the release.", "en") {
		found = found || c.Text == "FR team"
	}
	if !found {
		t.Error("FR outside a citation is no candidate")
	}
}

// notAmong fails t for each of bad that got, a text's key phrases, holds.
func notAmong(t *testing.T, got []string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if slices.Contains(got, b) {
			t.Errorf("%q among key phrases %q", b, got)
		}
	}
}

// among fails t for each of want that got, a text's key phrases, lacks.
func among(t *testing.T, got []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%q not among key phrases %q", w, got)
		}
	}
}

// The word after a modal is a verb and opens no phrase: "set information
// security requirements" (of "Firms should set information security
// requirements") was a regulator's guidance's key phrase.
func TestModalVerbsOpenNoPhrase(t *testing.T) {
	text := "Firms should set information security requirements and monitor compliance with them on an ongoing basis. " +
		"The board must review information security requirements each year. Firms should set clear limits for each outsourcing arrangement."
	got := top20(text)
	notAmong(t, got, "set information security requirements", "set clear limits")
	among(t, got, "information security requirements")
}

// A generic role alone says nothing of the document: "Authority" was a
// key phrase of a short rule that names no authority, "Counterparty" of a
// supply contract (QA qa-keys3); a phrase it heads stays one.
func TestGenericRoleWordAloneIsNoKeyPhrase(t *testing.T) {
	rule := "Rule 12. Notification of incidents\n\nA regulated firm shall notify the Authority of any major operational incident within four hours of detection. " +
		"The notification shall describe the incident, its impact on clients and the remedial measures taken. The Authority may request further information at any time."
	notAmong(t, top20(rule), "Authority")
	contract := "SUPPLY AGREEMENT\n\nThis Supply Agreement is made between Harbour Roasters Inc. (\"Buyer\") and Pine Valley Farms Ltd. (\"Supplier\").\n" +
		"The Supplier shall deliver green coffee beans to the Buyer each quarter. The Counterparty shall keep the pricing confidential. " +
		"Each Counterparty shall notify the other of a change of control. The Counterparty Risk Committee reviews the supply every year."
	got := top20(contract)
	notAmong(t, got, "Counterparty")
	among(t, got, "Counterparty Risk Committee")
}

// A notice's ordering verb glued to its object's first word made key
// phrases of fragments: 加强员工保密 and 加强员工 (of 加强员工保密意识,
// 加强员工管理), 履行竞业限制 (of 履行竞业限制义务) (QA qa-keys3).
func TestChineseVerbOpensNoKeyPhrase(t *testing.T) {
	text := "关于加强员工保密管理的通知\n\n各部门：\n为加强员工保密意识，规范商业秘密管理，公司决定对全体员工开展保密培训。" +
		"离职员工应当履行竞业限制义务，不得泄露公司商业秘密。各部门负责人应当加强员工管理，督促员工遵守保密制度。" +
		"违反保密协议的，公司将依法追究其法律责任。\n\n特此通知。\n"
	got := top20zh(text)
	for _, k := range got {
		for _, v := range []string{"加强", "履行", "开展", "督促", "遵守", "追究", "泄露", "违反"} {
			if strings.HasPrefix(k, v) {
				t.Errorf("%q opens with the verb %q: %q", k, v, got)
			}
		}
	}
	among(t, got, "商业秘密", "保密制度")
}

// "& Co." belongs to a firm's name: "Co", a stopword, ended the name at the
// ampersand, and "CO" after it read as Colorado's code, so "WILLOW COFFEE
// LIMITED & CO. PTE. LTD." gave "WILLOW COFFEE LIMITED" (QA qa-keys3).
func TestFirmNameKeepsAndCo(t *testing.T) {
	text := "SUPPLY AGREEMENT\n\nThis Supply Agreement is made between WILLOW COFFEE LIMITED & CO. PTE. LTD., a company incorporated in Singapore (\"Supplier\"), and Harbour Roasters Inc. (\"Buyer\").\n" +
		"WILLOW COFFEE LIMITED & CO. PTE. LTD. shall deliver green coffee beans to the Buyer each quarter. " +
		"The Buyer shall pay WILLOW COFFEE LIMITED & CO. PTE. LTD. within thirty days of each invoice. Smith & Co audits the accounts."
	got := top20(text)
	among(t, got, "WILLOW COFFEE LIMITED & CO")
	notAmong(t, got, "WILLOW COFFEE LIMITED", "CO", "Co", "PTE")
}

// A rule's label before its number is no key phrase: "Rule" of the
// heading "Rule 12. Notification of incidents" was the second key phrase
// of a short rule (QA qa-keys3); a rule named by words stays.
func TestRuleLabelIsNoKeyPhrase(t *testing.T) {
	text := "Rule 12. Notification of incidents\n\nA regulated firm shall notify the regulator of any major operational incident within four hours of detection. " +
		"The notification shall describe the incident, its impact on clients and the remedial measures taken. " +
		"The firm shall apply the Travel Rule to every transfer, and Rule 14 sets the record-keeping period."
	got := top20(text)
	notAmong(t, got, "Rule", "Rule 12", "Rule 14")
	among(t, got, "Travel Rule")
}

// A short lower-case word alone is a formula's variable: "vi" was a key
// phrase of an auction paper that writes each player's valuation vi, with
// "wi", "aj" and "bi" after it.
func TestVariableAloneIsNoKeyPhrase(t *testing.T) {
	text := "Position auctions\n\nEvery visitor to a position gives player i a revenue of vi > 0, where vi is the valuation of i. " +
		"The utility of player i is wi(vi, b) = aj(vi - pi). For every type vi the mediator bids on behalf of the player, " +
		"and the position auction assigns the positions by the bids. A player with valuation vi and bid bi pays the next price. " +
		"The mediated position auction keeps truthful bidding an equilibrium when vi is private."
	got := top20(text)
	notAmong(t, got, "vi", "wi", "aj", "bi")
	among(t, got, "mediated position auction")
}

// A notice that issues a rule and an HR rule on non-competes list terms,
// not their cuts: 竞业 never stands alone in the rule (竞业限制, 竞业协议,
// 竞业期限), 员工保密管理 is four-fifths of the notice's own title
// 《员工保密管理办法》, 中华人民共和国 opens the titles of two laws it cites,
// and 和竞业 (a name in the segmenter's dictionary), 现印 (of 现印发给你们),
// 印发 and 办法 say nothing a notice is about.
func TestChineseNoticeListsTermsNotCuts(t *testing.T) {
	notice := "关于印发《员工保密管理办法》的通知\n\n各部门、各子公司：\n\n" +
		"为加强公司商业秘密保护，规范员工保密行为，根据《中华人民共和国劳动合同法》《中华人民共和国反不正当竞争法》等法律法规，公司制定了《员工保密管理办法》，现印发给你们，请认真贯彻执行。\n\n" +
		"一、适用范围。本办法适用于公司全体员工，包括试用期员工和实习人员。\n\n" +
		"二、保密义务。员工应当对在工作中知悉的商业秘密承担保密义务，不得向任何第三方披露客户名单、技术资料、定价策略和经营信息。\n\n" +
		"三、竞业限制。对于高级管理人员、高级技术人员和其他负有保密义务的人员，公司可以与其签订竞业限制协议。竞业限制期限不得超过二年。在竞业限制期限内，公司按月向员工支付经济补偿。员工违反竞业限制约定的，应当按照约定向公司支付违约金。\n\n" +
		"四、保密管理。各部门应当建立保密台账，对涉密文件实行分级管理。涉密文件的复制、传递和销毁应当经部门负责人批准。\n\n" +
		"五、离职管理。员工离职时应当交还全部涉密资料，并签署保密承诺书。人力资源部负责核查竞业限制协议的履行情况。\n\n" +
		"六、本办法自印发之日起施行，由人力资源部负责解释。\n\n人力资源部\n2026年3月1日\n"
	rule := "员工保密与竞业限制管理规定\n\n" +
		"第一条 为保护公司商业秘密，明确员工的保密义务和竞业限制义务，制定本规定。\n\n" +
		"第二条 员工在职期间及离职后，均应当遵守保密义务，不得泄露公司的技术秘密和经营秘密。\n\n" +
		"第三条 公司与负有竞业限制义务的员工签订竞业协议。竞业期限自员工离职之日起计算，最长不超过二年。竞业期间，公司按月支付竞业补偿金，补偿金标准为员工离职前十二个月平均工资的百分之三十。\n\n" +
		"第四条 员工违反竞业协议的，应当返还已领取的竞业补偿金，并支付违约金。\n\n" +
		"第五条 人力资源部负责竞业协议的签订和履行监督，法务部负责违约追偿。\n\n" +
		"第六条 本规定自2026年4月1日起施行。\n"
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"notice", notice, []string{"员工保密管理办法", "竞业限制"}},
		{"rule", rule, []string{"竞业限制", "竞业协议"}},
	} {
		var got []string
		for _, k := range Extract(tc.text, Options{Language: "zh", Distinct: true}) {
			got = append(got, k.Text)
		}
		for _, bad := range []string{"竞业", "员工保密管理", "中华人民共和国", "和竞业", "现印", "印发", "办法"} {
			if slices.Contains(got, bad) {
				t.Errorf("%s: key phrases %v hold the cut %q", tc.name, got, bad)
			}
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: key phrases %v lack %q", tc.name, got, w)
			}
		}
	}
}

// A contract's run-in heading after its clause's number ("1.
// Notification. The Supplier shall notify") labels the clause; the word
// is no key phrase of the contract. A paper's numbered heading before a
// colon ("2. DCSP: PROBLEM FORMALIZATION") names its subject and stays.
func TestClauseRunInHeadingIsNoKeyPhrase(t *testing.T) {
	text := "DATA SHARING AGREEMENT\n\n" +
		"This Data Sharing Agreement is made between Northwind Motors Inc. and Harbor Fleet Services LLC.\n\n" +
		"1. Notification. The supplier shall notify the fleet operator within five business days of any defect affecting vehicles supplied under this Agreement. Notification shall be given in writing to the fleet manager.\n\n" +
		"2. Repair Data. The supplier shall share repair data with the fleet operator for every vehicle serviced by its authorised workshops. The fleet operator may share repair data with independent repairers, provided that such repairers keep the repair data confidential.\n\n" +
		"3. Fees. The fleet operator shall pay an annual data access fee of USD 12,000.\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "en"}) {
		got = append(got, strings.ToLower(k.Text))
	}
	if slices.Contains(got, "notification") {
		t.Errorf("key phrases %v hold the clause heading Notification", got)
	}
	if !slices.Contains(got, "repair data") {
		t.Errorf("key phrases %v lack repair data", got)
	}
	paper := "Agents and constraints\n\n1. INTRODUCTION\nWe study agents.\n\n2. DCSP: PROBLEM FORMALIZATION\nA DCSP has agents. Each DCSP variable belongs to one agent, and a DCSP solver assigns values.\n"
	var kws []string
	for _, k := range Extract(paper, Options{Language: "en"}) {
		kws = append(kws, k.Text)
	}
	if !slices.Contains(kws, "DCSP") {
		t.Errorf("paper's key phrases %v lack DCSP", kws)
	}
}

// A contract's key phrases leave out the roles it defines for its
// parties (Orbis Analytics Ltd ("Licensor")): every licence has a
// Licensee and a Licensor. A text that names a licensee without defining
// it as a party's role keeps the word.
func TestContractPartyRolesAreNoKeyPhrases(t *testing.T) {
	licence := "SOFTWARE LICENCE AGREEMENT\n\n" +
		"This Software Licence Agreement is entered into between Orbis Analytics Ltd (\"Licensor\") and Tern Logistics plc (hereinafter referred to as the \"Licensee\").\n\n" +
		"1. Grant of Licence. Licensor grants Licensee a non-exclusive licence to install and use the Route Optimiser software on up to fifty workstations at Licensee's premises. Licensee shall not sublicense the software.\n\n" +
		"2. Licence Fees. Licensee shall pay Licensor an annual licence fee of GBP 40,000 within thirty days of invoice.\n\n" +
		"3. Source Code Escrow. Licensor shall deposit the source code of the Route Optimiser with an escrow agent. Licensee may obtain the source code from the escrow agent if Licensor becomes insolvent.\n\n" +
		"4. Audit. Licensor may audit Licensee's use of the software once a year.\n"
	var got []string
	for _, k := range Extract(licence, Options{Language: "en", Distinct: true}) {
		got = append(got, k.Text)
	}
	for _, role := range []string{"Licensee", "Licensor"} {
		if slices.Contains(got, role) {
			t.Errorf("key phrases %v hold the role %s", got, role)
		}
	}
	if !slices.Contains(got, "Tern Logistics plc") {
		t.Errorf("key phrases %v lack the party Tern Logistics plc", got)
	}
	undefined := strings.NewReplacer(` ("Licensor")`, "", ` (hereinafter referred to as the "Licensee")`, "").Replace(licence)
	got = got[:0]
	for _, k := range Extract(undefined, Options{Language: "en", Distinct: true}) {
		got = append(got, k.Text)
	}
	if !slices.Contains(got, "Licensee") {
		t.Errorf("key phrases %v of a text that defines no role lack Licensee", got)
	}
}

// A verb after a modal and "not" ("shall not share diagnostic codes"),
// or after "to" that an agreeing verb takes ("agrees to share repair
// data"), opens no key phrase: "share repair data" stood beside "repair
// data".
func TestVerbAfterModalNotOrInfinitiveOpensNoPhrase(t *testing.T) {
	text := "REPAIR DATA ACCESS AGREEMENT\n\n" +
		"Northwind Motors agrees to share repair data with Harbor Fleet Services for every vehicle serviced by its workshops. " +
		"Harbor Fleet Services shall not share repair data with any competitor and shall not share diagnostic codes with any insurer. " +
		"Northwind Motors undertakes to share diagnostic codes within ten days. Repair data is held on the data platform.\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "en", Top: 15}) {
		got = append(got, strings.ToLower(k.Text))
	}
	for _, bad := range []string{"share repair data", "share diagnostic codes", "share repair", "share diagnostic"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold the verb phrase %q", got, bad)
		}
	}
	if !slices.Contains(got, "repair data") {
		t.Errorf("key phrases %v lack repair data", got)
	}
}

// 该软件 is one word in the segmenter's dictionary (a demonstrative glued
// to 软件): a licence that writes 使用该软件 listed it beside 软件.
func TestChineseDemonstrativeGluedIsNoKeyPhrase(t *testing.T) {
	text := "软件许可协议\n\n甲方：上海云帆信息技术有限公司\n乙方：杭州明远物流股份有限公司\n\n" +
		"鉴于甲方拥有路径优化软件的著作权，乙方希望获得该软件的使用许可，双方达成如下协议：\n\n" +
		"第一条 甲方授予乙方非独占的软件使用许可，乙方可在其物流中心安装使用该软件，不得再许可第三方使用该软件。\n\n" +
		"第二条 乙方每年向甲方支付许可费。甲方提供技术支持和软件升级服务。\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh", Distinct: true}) {
		got = append(got, k.Text)
	}
	if slices.Contains(got, "该软件") {
		t.Errorf("key phrases %v hold 该软件", got)
	}
}

// A notice's key phrases leave out what it calls itself: 通知 alone was
// one of a non-compete notice's ten.
func TestChineseNoticeWordIsNoKeyPhrase(t *testing.T) {
	text := "关于进一步加强员工竞业限制管理的通知\n\n各部门：\n\n" +
		"近期，部分离职员工违反竞业限制义务，到竞争对手处任职，给公司造成损失。为此，现就加强竞业限制管理通知如下：\n\n" +
		"一、各部门应当梳理本部门负有竞业义务的人员名单，报人力资源部备案。\n\n" +
		"二、人力资源部应当在员工离职前告知其竞业限制义务，并按时支付竞业补偿。\n\n" +
		"三、对违反竞业限制约定的人员，法务部应当及时追究其违约责任。\n\n特此通知。\n\n人力资源部\n2026年5月8日\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh"}) {
		got = append(got, k.Text)
	}
	if slices.Contains(got, "通知") {
		t.Errorf("key phrases %v hold 通知", got)
	}
	if !slices.Contains(got, "竞业限制") {
		t.Errorf("key phrases %v lack 竞业限制", got)
	}
}

// A second infinitive joined by "and" to one an agreeing verb takes
// ("agrees to share repair data, and to share diagnostic codes") is a
// verb too: "share diagnostic codes" was a repair agreement's key phrase.
func TestVerbAfterJoinedInfinitiveOpensNoPhrase(t *testing.T) {
	text := "REPAIR DATA ACCESS AGREEMENT\n\n" +
		"1. Access. The Manufacturer agrees to share repair data, and to share diagnostic codes, with the Repairer for every tractor model sold after 2019.\n\n" +
		"2. Use. The Repairer may use repair data and diagnostic codes solely to service customer equipment.\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "en", Top: 15}) {
		got = append(got, strings.ToLower(k.Text))
	}
	for _, bad := range []string{"share diagnostic codes", "share diagnostic"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold the verb phrase %q", got, bad)
		}
	}
	if !slices.Contains(got, "diagnostic codes") {
		t.Errorf("key phrases %v lack diagnostic codes", got)
	}
}

// A contract's or a rule's key phrases list no single word beside a
// phrase that holds it: a licence listed Licence and software beside
// Software Licence Agreement and Route Optimiser software, and a rule 员工
// beside 员工保密, in either order of ranking.
func TestDistinctListsNoWordBesideItsPhrase(t *testing.T) {
	en := "SOFTWARE LICENCE AGREEMENT\n\n" +
		"This Software Licence Agreement is made on 3 March 2025 between Orbis Analytics Ltd (\"Licensor\") and Harbour Freight Logistics plc (\"Licensee\").\n\n" +
		"1. Grant of Licence. The Licensor grants the Licensee a non-exclusive, non-transferable licence to install and use the Route Optimiser software on up to fifty workstations.\n\n" +
		"2. Fees. The Licensee shall pay an annual licence fee of GBP 48,000. The Licensee shall not decompile the Route Optimiser software, nor use the software for bureau services.\n\n" +
		"3. Term. This Licence runs for three years. The Licensor may terminate the Licence if the annual licence fee is unpaid.\n"
	zh := "员工保密与竞业限制管理规定\n\n第一条 为保护公司的商业秘密，规范员工保密与竞业限制管理，制定本规定。\n" +
		"第二条 本规定适用于公司全体员工，包括试用期员工和外派员工。\n" +
		"第三条 员工不得披露公司的商业秘密。员工离职时，应当交还技术资料。\n" +
		"第四条 公司可以与员工签订竞业限制协议，员工保密义务不因离职而终止。\n"
	for _, tc := range []struct {
		text, language string
		words          []string
	}{{en, "en", []string{"licence", "software"}}, {zh, "zh", []string{"员工"}}} {
		var got []string
		for _, k := range Extract(tc.text, Options{Language: tc.language, Distinct: true}) {
			got = append(got, strings.ToLower(k.Text))
		}
		for _, w := range tc.words {
			if slices.Contains(got, w) {
				t.Errorf("key phrases %v hold %q beside its phrase", got, w)
			}
		}
		// the same over candidates ranked word first, as the model tier may
		cands := Candidates(tc.text, tc.language)
		for i := range cands {
			if slices.Contains(tc.words, strings.ToLower(cands[i].Text)) {
				cands[i].Score += 100
			}
		}
		got = got[:0]
		for _, k := range Top(cands, Options{Language: tc.language, Text: tc.text, Distinct: true}) {
			got = append(got, strings.ToLower(k.Text))
		}
		for _, w := range tc.words {
			if slices.Contains(got, w) {
				t.Errorf("key phrases %v (word ranked first) hold %q beside its phrase", got, w)
			}
		}
	}
}

// 负责 (answers for) glued to the department before it made
// 人力资源部负责 a rule's key phrase (人力资源部负责核查, 人力资源部负责解释).
func TestChineseDutyVerbEndsNoPhrase(t *testing.T) {
	text := "员工保密管理规定\n\n第一条 员工违反保密义务的，由人力资源部负责核查，并依法追究责任。\n" +
		"第二条 员工离职时，由人力资源部负责办理交接手续。\n第三条 本规定由人力资源部负责解释，自发布之日起施行。\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh", Distinct: true}) {
		got = append(got, k.Text)
	}
	for _, k := range got {
		if strings.Contains(k, "负责") {
			t.Errorf("key phrases %v hold %q", got, k)
		}
	}
	if !slices.Contains(got, "人力资源部") {
		t.Errorf("key phrases %v lack 人力资源部", got)
	}
}

// A rule's title on its own first line, without book-title marks, is its
// term as a title in marks is: 员工保密 of 员工保密与竞业限制管理规定 was the
// rule's key phrase, though the text writes it only in the title and in
// the preamble's repeat of the title's stem.
func TestChineseUnmarkedRuleTitleIsNotCut(t *testing.T) {
	text := "员工保密与竞业限制管理规定\n\n第一条 为保护公司的商业秘密，规范员工保密与竞业限制管理，制定本规定。\n" +
		"第二条 本规定适用于公司全体员工。员工不得披露公司的商业秘密。\n" +
		"第三条 公司可以与员工签订竞业限制协议，竞业限制期限不超过二年。\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh", Distinct: true}) {
		got = append(got, k.Text)
	}
	for _, bad := range []string{"员工保密", "竞业限制管理", "限制管理规定"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold %q, a cut of the rule's title", got, bad)
		}
	}
}

// A company's short name that opens its product's name too (云帆 of
// 上海云帆信息技术有限公司 and 云帆路径优化系统) is no key phrase of its own:
// the company's is its name's core.
func TestChineseShortCompanyNameIsNoKeyPhrase(t *testing.T) {
	text := "员工保密与竞业限制管理规定\n\n第一条 为保护上海云帆信息技术有限公司的商业秘密，制定本规定。\n" +
		"第二条 员工不得披露公司的商业秘密，包括云帆路径优化系统的源代码和客户数据。\n" +
		"第三条 员工离职时，应当交还源代码和客户数据。\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh", Distinct: true}) {
		got = append(got, k.Text)
	}
	if slices.Contains(got, "云帆") {
		t.Errorf("key phrases %v hold 云帆, a piece of the company's name", got)
	}
	for _, k := range got {
		if strings.HasPrefix(k, "为保护") {
			t.Errorf("key phrases %v hold %q, the name with the words before it", got, k)
		}
	}
}

// A rule's key phrases leave out single words too weak to be its facets:
// whom it addresses (员工, 部门) and a word of two characters it writes
// once (协商 of 由双方协商确定, 托管 of 源代码托管平台).
func TestChineseWeakWordIsNoKeyPhrase(t *testing.T) {
	text := "保密管理规定\n\n第一条 各部门应当督促员工保守公司的商业秘密。员工离职时，应当交还源代码和客户数据。\n" +
		"第二条 源代码托管平台的账号由部门负责人收回。部门负责人应当核对客户数据。\n" +
		"第三条 竞业限制期间的经济补偿由双方协商确定。员工违反竞业限制的，应当支付违约金。\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh", Distinct: true}) {
		got = append(got, k.Text)
	}
	for _, bad := range []string{"员工", "部门", "协商", "托管"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold the weak word %q", got, bad)
		}
	}
	if !slices.Contains(got, "商业秘密") {
		t.Errorf("key phrases %v lack 商业秘密", got)
	}
}

// A set phrase of four characters that an ordering verb opens (遵照执行,
// 依法追究, one word each in the segmenter's dictionary) is no key phrase
// of a notice.
func TestChineseOrderingSetPhraseIsNoKeyPhrase(t *testing.T) {
	text := "关于印发《员工保密管理规定》的通知\n\n各部门：\n现将《员工保密管理规定》印发给你们，请遵照执行。\n" +
		"一、员工应当保守公司的商业秘密和客户名单。\n二、员工泄露商业秘密的，公司将依法追究其责任。\n" +
		"三、各部门应当遵照执行，泄露客户名单的，依法追究。\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh"}) {
		got = append(got, k.Text)
	}
	for _, bad := range []string{"遵照执行", "依法追究"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold the set phrase %q", got, bad)
		}
	}
}

// When a rule applies and to whom (自发布之日起施行, 适用于全体员工) is no
// key phrase of it: 之日起 and 适用于 were an HR rule's.
func TestChineseRuleScopeWordsAreNoKeyPhrase(t *testing.T) {
	text := "员工保密管理规定\n\n第一条 本规定适用于公司全体员工和外派人员。\n第二条 员工应当保守公司的商业秘密，不得泄露客户名单。\n" +
		"第三条 员工离职后，仍应保守商业秘密。\n第四条 本规定由人力资源部解释，自发布之日起施行。\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh", Distinct: true}) {
		got = append(got, k.Text)
	}
	for _, bad := range []string{"之日起", "适用于"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold %q", got, bad)
		}
	}
}

// A repair agreement's roles (the "Manufacturer", the "Repairer") are
// roles as a licence's are: Manufacturer was one of its ten key phrases.
func TestRepairAgreementRoleIsNoKeyPhrase(t *testing.T) {
	text := "REPAIR DATA ACCESS AGREEMENT\n\n" +
		"This Agreement is entered into by Northgate Tractors Inc. (the \"Manufacturer\") and Prairie Service Co-op (the \"Repairer\").\n\n" +
		"1. The Manufacturer shall provide the Repairer with Repair Data for every tractor model. The Manufacturer may update Repair Data monthly.\n\n" +
		"2. The Repairer shall use Repair Data only to service customer equipment. The Manufacturer may audit the Repairer.\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "en", Distinct: true}) {
		got = append(got, k.Text)
	}
	for _, bad := range []string{"Manufacturer", "Repairer"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold the role %q", got, bad)
		}
	}
}

// A company's name takes none of the words the clause writes before it:
// companyNameRe took them (为保护上海云帆科技有限公司, 与深圳市华南智能制造股份有限公司),
// and 为保护上海云帆科技 was a rule's key phrase.
func TestChineseCompanyNameTakesNoLeadIn(t *testing.T) {
	text := "员工离职管理办法\n\n第一条 为规范公司员工离职管理，为保护上海云帆科技有限公司的商业秘密，根据《中华人民共和国劳动合同法》，制定本办法。\n\n" +
		"第二条 员工应当提前三十日以书面形式通知人力资源部，并办理工作交接手续。\n\n" +
		"第三条 公司与深圳市华南智能制造股份有限公司签订的保密协议，员工应当遵守。\n\n" +
		"第四条 人力资源部应当在员工办结交接手续后出具解除劳动合同证明。\n"
	var got []string
	for _, k := range Extract(text, Options{Language: "zh", Distinct: true}) {
		got = append(got, k.Text)
	}
	for _, k := range got {
		if strings.HasPrefix(k, "为") || strings.HasPrefix(k, "保护") || strings.HasPrefix(k, "与深圳") {
			t.Errorf("key phrases %v hold %q, a name with the words before it", got, k)
		}
	}
	for _, tc := range []struct{ text, full string }{
		{"为保护上海云帆科技有限公司的商业秘密", "上海云帆科技有限公司"},
		{"甲方委托北京华清科技有限公司开发软件", "北京华清科技有限公司"},
		{"公司与深圳市华南智能制造股份有限公司签订", "深圳市华南智能制造股份有限公司"},
		{"上海浦东发展银行股份有限公司", "上海浦东发展银行股份有限公司"},
	} {
		if names := companyNames(tc.text); len(names) != 1 || names[0].full != tc.full {
			t.Errorf("companyNames(%q) = %+v, want %q", tc.text, names, tc.full)
		}
	}
}

// 规范 opening a notice's phrase is the notice's verb, not its topic
// (规范离职手续, 规范员工离职), and 办理 alone is what a clause does: the
// topic, 离职, was hidden behind the verb or dropped.
func TestChineseRegulateVerbOpensNoPhrase(t *testing.T) {
	body := "\n\n各部门：\n\n员工辞职应当提前三十日提交书面申请，由所在部门负责人审批。员工应当在最后工作日前归还电脑、门禁卡和客户资料，并注销系统账号。" +
		"人力资源部在交接完成后办理社会保险减员和工资结算，并办理档案转递。\n\n特此通知。\n"
	got := keyTexts(Extract("关于规范离职手续的通知"+body, Options{Language: "zh", Distinct: true}))
	for _, k := range got {
		if strings.HasPrefix(k, "规范") || k == "办理" {
			t.Errorf("key phrases %v hold %q", got, k)
		}
	}
	if !slices.Contains(got, "离职手续") {
		t.Errorf("key phrases %v lack 离职手续", got)
	}
}

// A word a notice writes once, in its title, is its topic: 离职 of
// 关于进一步规范员工离职交接和档案转移工作的通知 (the body says 辞职) was
// dropped as a word one clause uses.
func TestChineseTitleWordWrittenOnceIsKept(t *testing.T) {
	text := "关于进一步规范员工离职交接和档案转移工作的通知\n\n各部门：\n\n员工辞职应当提前三十日提交书面申请，由所在部门负责人审批。" +
		"员工应当在最后工作日前归还电脑、门禁卡和客户资料，并注销系统账号。人力资源部在交接完成后办理社会保险减员和工资结算。\n\n特此通知。\n"
	got := keyTexts(Extract(text, Options{Language: "zh", Distinct: true}))
	if !slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, "离职") }) {
		t.Errorf("key phrases %v lack the notice's topic 离职", got)
	}
}

// keyTexts lists the key phrases' texts.
func keyTexts(kws []document.Keyword) []string {
	var out []string
	for _, k := range kws {
		out = append(out, k.Text)
	}
	return out
}

// A contract's key phrases are what a reader files it under, not single
// words that run on into its terms (business of business hours and
// business day, Software of Licensed Software) or that one clause alone
// uses (Deliveries, four times in the deliveries clause).
func TestContractWeakSingleWordIsNoKeyPhrase(t *testing.T) {
	text := "MASTER SERVICES AGREEMENT\n\n" +
		"This Master Services Agreement is entered into by Northwind Logistics Inc. (\"Customer\") and Apex Cloud Services LLC (\"Provider\").\n\n" +
		"1. Services. Provider shall provide cloud hosting services and technical support for the Licensed Software during business hours. Support requests submitted outside business hours will be handled on the next business day.\n\n" +
		"2. Deliveries. Provider shall make all Deliveries described in each Statement of Work. Deliveries shall be accepted by Customer within ten (10) business days. If Customer rejects Deliveries, Provider shall correct the Deliveries at no additional charge.\n\n" +
		"3. Service Levels. Provider guarantees 99.9% uptime for the hosting services and the Licensed Software. If the uptime commitment is not met, Customer shall receive service credits.\n\n" +
		"4. Confidentiality. Each party shall keep the Confidential Information of the other confidential and use Confidential Information only for this Agreement.\n\n" +
		"5. Term. This Agreement continues for three (3) years. Either party may terminate on thirty (30) days written notice.\n\n" +
		"6. Governing Law. This Agreement is governed by the laws of the State of New York.\n"
	got := keyTexts(Extract(text, Options{Language: "en", Distinct: true}))
	for _, bad := range []string{"business", "Deliveries", "Software", "hours"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold the weak word %q", got, bad)
		}
	}
	for _, want := range []string{"Master Services Agreement", "cloud hosting services"} {
		if !slices.Contains(got, want) {
			t.Errorf("key phrases %v lack %q", got, want)
		}
	}
}

// The support agreement's words that run on into its terms (Software of
// Licensed Software, Licensed) were its key phrases beside those terms.
func TestSupportAgreementBoundWordIsNoKeyPhrase(t *testing.T) {
	text := "SOFTWARE SUPPORT AND MAINTENANCE AGREEMENT\n\n" +
		"This Software Support and Maintenance Agreement is made between Brightline Analytics Ltd. (\"Licensor\") and Harbor Freight Partners LP (\"Licensee\").\n\n" +
		"1. Support. Licensor shall provide telephone and email support for the Licensed Software during normal business hours. Critical incidents reported outside business hours shall receive a response within four (4) hours.\n\n" +
		"2. Maintenance Releases. Licensor shall provide maintenance releases and security patches for the Licensed Software at no additional cost.\n\n" +
		"3. Response Times. Licensor shall respond to Severity 1 incidents within two (2) hours and to Severity 2 incidents within eight (8) business hours.\n\n" +
		"4. Support Fees. Licensee shall pay annual support fees equal to twenty percent (20%) of the license fee.\n\n" +
		"5. Exclusions. Support does not cover problems caused by modifications made by Licensee or third-party software.\n\n" +
		"6. Governing Law. This Agreement is governed by the laws of England and Wales.\n"
	got := keyTexts(Extract(text, Options{Language: "en", Distinct: true}))
	for _, bad := range []string{"Software", "Licensed"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold the weak word %q", got, bad)
		}
	}
}

// A kind of a word the notice writes alone too (钓鱼邮件 beside 可疑邮件,
// 邮件中的链接) is a term of its own: it was dropped as a window over
// 邮件, and the notice's key phrase was 钓鱼 alone.
func TestChineseKindOfWordIsKept(t *testing.T) {
	text := "关于加强办公网络安全管理的通知\n\n各部门：\n\n近期，公司发生多起员工点击钓鱼邮件导致账号被盗的事件。现将有关事项通知如下：\n\n" +
		"一、各部门应当督促员工定期修改邮箱密码。\n\n二、发现可疑邮件的，应当立即报告信息技术部，不得点击邮件中的链接或附件。\n\n" +
		"三、信息技术部应当每季度开展一次钓鱼邮件演练，并通报演练结果。\n\n特此通知。\n"
	got := keyTexts(Extract(text, Options{Language: "zh"}))
	if !slices.Contains(got, "钓鱼邮件") {
		t.Errorf("key phrases %v lack 钓鱼邮件", got)
	}
	if slices.Contains(got, "钓鱼") {
		t.Errorf("key phrases %v hold 钓鱼, a piece of 钓鱼邮件", got)
	}
}

// A count or a frequency (十二位, 每季度) is no key phrase of a notice.
func TestChineseCountWordIsNoKeyPhrase(t *testing.T) {
	text := "关于加强办公网络安全管理的通知\n\n各部门：\n\n一、各部门应当督促员工定期修改邮箱密码，密码长度不少于十二位。\n\n" +
		"二、发现可疑邮件的，应当立即报告信息技术部。\n\n三、信息技术部应当每季度开展一次钓鱼邮件演练，并通报钓鱼邮件演练结果。\n\n特此通知。\n"
	got := keyTexts(Extract(text, Options{Language: "zh"}))
	for _, bad := range []string{"十二位", "每季度"} {
		if slices.Contains(got, bad) {
			t.Errorf("key phrases %v hold %q", got, bad)
		}
	}
}

// A memo's or an e-mail's sign-off is no key phrase: "Anna Keller" and
// "Health and Safety" (of her role under "Best regards,") were a safety
// memo's. A closing followed by a long quoted message cuts nothing, and
// a name the body uses stays.
func TestEnglishSignOffIsNoKeyPhrase(t *testing.T) {
	memo := "Subject: Forklift safety procedure update\n\nHi team,\n\n" +
		"Following last week's near miss in the warehouse, we are updating the forklift safety procedure. " +
		"All forklift operators must complete the refresher training by 30 April. The updated procedure requires " +
		"a pre-shift inspection checklist and pedestrian exclusion zones near loading docks.\n\n" +
		"Supervisors should record completed inspections in the maintenance log.\n\n" +
		"Best regards,\nAnna Keller\nHealth and Safety Manager\nNordwind GmbH\n"
	got := top20(memo)
	notAmong(t, got, "Anna Keller", "Health and Safety", "Health and Safety Manager", "Safety Manager")
	among(t, got, "Forklift safety procedure")
	cited := "Best regards,\nAnna Keller\n\nThe forklift safety procedure was reviewed by Anna Keller. " +
		"Anna Keller approved the forklift safety procedure for Warehouse Logistics.\n" +
		"Line one\nLine two\nLine three\nLine four\nLine five\nLine six\nLine seven\n"
	among(t, top20(cited), "Anna Keller")
}

// A particulars' label the text uses as a label is no key phrase where the
// body repeats it: minutes' 会议时间 (of 会议时间： and 下次会议时间另行通知)
// was one.
func TestChineseMinutesLabelIsNoKeyPhrase(t *testing.T) {
	minutes := "危险化学品安全管理会议纪要\n\n会议时间：2026年3月12日 上午9:00\n会议地点：公司三楼会议室\n主持人：王建国\n\n" +
		"一、会议议题\n本次会议主要讨论危险化学品安全管理制度的落实情况，以及仓库危险化学品储存的整改措施。\n\n" +
		"二、会议内容\n1. 安全部汇报了上季度危险化学品安全检查结果。检查发现仓库通风系统存在隐患。\n" +
		"2. 生产部提出应加强危险化学品安全培训，所有操作人员须持证上岗。\n\n" +
		"三、会议决议\n1. 每月开展一次危险化学品安全专项检查。\n2. 下次会议时间另行通知。\n"
	got := top20zh(minutes)
	notAmong(t, got, "会议时间", "会议地点")
	among(t, got, "危险化学品安全")
}

// Who chaired and attended minutes says nothing of what they are about:
// the chair of 主持人：王建国 was a key phrase. A name the body uses again
// stays.
func TestChineseMinutesPeopleAreNoKeyPhrases(t *testing.T) {
	minutes := "危险化学品安全管理会议纪要\n\n会议时间：2025年3月12日下午2:00\n会议地点：公司三楼会议室\n主持人：王建国\n参会人员：李明、张华、赵强\n记录人：刘芳\n\n" +
		"一、会议内容\n会议听取了安全部关于危险化学品仓库检查情况的汇报。检查发现，部分危险化学品未按规定分类存放，个别仓库的通风设施运行不正常。\n\n" +
		"二、会议决定\n1. 安全部负责在3月20日前完成危险化学品仓库的全面整改，确保分类存放、标识清晰。\n2. 下次会议时间另行通知。\n"
	got := top20zh(minutes)
	notAmong(t, got, "王建国", "李明", "张华", "赵强", "刘芳")
	among(t, got, "分类存放")
}

// A verb joined to an earlier one by "and" and a verb after a four-word
// subject end phrases: "processes personal data", "reports incidents",
// "Addendum Schedule forms" and "forms part" were a hosting contract's
// key phrases. A noun after "and" before a preposition stays.
func TestJoinedVerbsAndLongSubjectsEndPhrases(t *testing.T) {
	text := "Hosting Services Agreement\n\n1. Services. The Supplier provides hosting services and processes personal data on behalf of the Customer. " +
		"The Supplier monitors server capacity and reports incidents to the Customer.\n\n" +
		"2. Schedule. This Data Processing Addendum Schedule forms part of the hosting services agreement. " +
		"The Supplier documents its methods and processes for change control.\n"
	got := top20(text)
	notAmong(t, got, "processes personal data", "reports incidents", "Addendum Schedule forms", "forms part")
	among(t, got, "personal data", "server capacity")
}

// A message's "Subject:" line alone at a memo's top is a label, no key
// phrase: "Subject" was a safety memo's. What follows it stays.
func TestSubjectLabelAloneIsNoKeyPhrase(t *testing.T) {
	memo := "Subject: Forklift safety procedure update\n\nHi all,\n\n" +
		"Following a near miss in the warehouse, we are updating the forklift safety procedure. " +
		"All forklift operators must complete the refresher training by 30 April. The updated procedure requires " +
		"a pre-shift inspection checklist and pedestrian exclusion zones near loading docks.\n"
	got := top20(memo)
	notAmong(t, got, "Subject")
	among(t, got, "Forklift safety procedure")
	among(t, top20("Subject classification: a survey\n\nSubject classification assigns library records to subject headings. "+
		"Automatic subject classification uses controlled vocabularies.\n"), "Subject classification")
}

// What a procedure calls itself (本规程) and its scope's heading (适用范围)
// are no key phrases: both were a confined-space procedure's.
func TestChineseProcedureSelfReferenceIsNoKeyPhrase(t *testing.T) {
	text := "受限空间作业安全操作规程\n\n一、目的\n为规范受限空间作业安全管理，防止中毒、窒息等事故发生，特制定本规程。\n\n" +
		"二、适用范围\n本规程适用于公司所有储罐、管道、污水池等受限空间作业。\n\n" +
		"三、作业要求\n1. 作业前必须办理受限空间作业许可证，由安全环保部审批。\n2. 作业前应进行气体检测。\n" +
		"3. 作业期间必须设专人监护，监护人不得离开作业现场。\n\n四、应急处置\n发生中毒窒息事故时，监护人应立即报告并启动应急预案。\n"
	got := top20zh(text)
	notAmong(t, got, "本规程", "适用范围")
	among(t, got, "受限空间作业")
}

// Minutes' particulars (when, where, who attended) are no key phrases:
// "Conference Room", "Sarah Lim" of "Apologies:" and "Tom Becker" of
// "Attendees:" were a committee's. A name the body uses again stays.
func TestEnglishMinutesParticularsAreNoKeyPhrases(t *testing.T) {
	text := "Minutes of the Health and Safety Committee Meeting\n\nDate: 14 March 2026\nLocation: Conference Room 2, Hamburg\n" +
		"Attendees: Anna Keller (Chair), Markus Brandt, Tom Becker\nApologies: Sarah Lim\n\n" +
		"1. Forklift incident in Warehouse B\nMarkus Brandt reported a near miss involving a reversing forklift. " +
		"The committee agreed to install blue warning lights on all forklifts.\n\n" +
		"2. Chemical storage audit\nTwo flammable liquid cabinets were found without self-closing doors. Markus Brandt will replace the cabinets.\n"
	got := top20(text)
	notAmong(t, got, "Conference Room", "Sarah Lim", "Tom Becker", "Anna Keller")
	among(t, got, "Markus Brandt", "Chemical storage audit")
}

// A policy's approval block is no key phrase: "Markus Brandt" of
// "Approved by: Markus Brandt, Chief Information Officer" was an incident
// response policy's.
func TestPolicyApprovalBlockIsNoKeyPhrase(t *testing.T) {
	text := "Information Security Incident Response Policy\n\n1. Purpose\nThis policy sets out how the company detects and responds to information security incidents.\n\n" +
		"2. Reporting\nEmployees must report suspected security incidents to the service desk within one hour. " +
		"The incident response team contains the incident and preserves evidence.\n\n" +
		"Approved by: Markus Brandt, Chief Information Officer\nEffective date: 1 March 2026\n"
	got := top20(text)
	notAmong(t, got, "Markus Brandt", "Chief Information Officer", "Information Officer Effective", "Officer Effective date")
	among(t, got, "suspected security incidents")
}

// A company's name ends at its legal form: "Nordwind GmbH maintenance
// contract" was one key phrase of a contract that names the company and
// the contract apart.
func TestCompanyNameEndsAtLegalForm(t *testing.T) {
	text := "Maintenance Services Agreement\n\nUnder the Nordwind GmbH maintenance contract, the Supplier performs quarterly maintenance of the cold storage equipment. " +
		"The Nordwind GmbH maintenance contract runs for three years. Nordwind GmbH pays the maintenance fees quarterly.\n"
	got := top20(text)
	notAmong(t, got, "Nordwind GmbH maintenance contract", "GmbH maintenance contract")
	among(t, got, "Nordwind GmbH", "maintenance contract")
}

// The verb after a company's legal form is the company's verb, not a
// noun: "Lion City Freight Pte. Ltd. stores the cargo" gave the key
// phrase "stores", and "Northwind Systems Inc. supports" likewise (QA
// qa-keys12).
func TestVerbAfterLegalFormIsNoKeyPhrase(t *testing.T) {
	for _, tc := range []struct{ text, verb, term string }{
		{"Lion City Freight Pte. Ltd. stores the cargo in its bonded warehouse. The customer pays the storage fees.", "stores", "bonded warehouse"},
		{"Lion City Freight Ltd stores the cargo in its bonded warehouse. The customer pays the storage fees.", "stores", "bonded warehouse"},
		{"HARBOUR LOGISTICS PTE. LTD. approves the inspection schedule. The facilities team inspects the fire extinguishers.", "approves", "inspection schedule"},
		{"Northwind Systems Inc. supports the billing platform. The operations team monitors the billing platform.", "supports", "billing platform"},
	} {
		got := top20(tc.text)
		notAmong(t, got, tc.verb)
		among(t, got, tc.term)
	}
}

// A frequency word after its verb's object is an adverb, no word of the
// object's phrase: "pay ... maintenance fees quarterly" gave the key
// phrase "maintenance fees quarterly" (QA qa-keys12). Before a noun it is
// an adjective of the phrase ("quarterly invoice").
func TestFrequencyAdverbEndsNoPhrase(t *testing.T) {
	text := "The Customer shall pay storage fees monthly and maintenance fees quarterly. The Supplier reviews the service levels annually and reports incidents weekly. " +
		"The quarterly invoice lists the monthly report. Maintenance fees are due in advance."
	got := top20(text)
	notAmong(t, got, "maintenance fees quarterly", "storage fees monthly", "incidents weekly", "service levels annually")
	among(t, got, "maintenance fees", "storage fees", "quarterly invoice")
}

// "Appendix" before its letter or number labels a part as "Schedule"
// does: "Appendix A" and "Appendix" were a procedure's key phrases (of
// "Appendix A lists the checklist", QA qa-keys12).
func TestAppendixLabelIsNoKeyPhrase(t *testing.T) {
	text := "Confined Space Entry Procedure\n\nAppendix A lists the gas testing checklist. Appendix B gives the rescue plan. " +
		"Every entrant wears a breathing apparatus. The attendant keeps the entry permit. Appendix 3 holds the permit form."
	got := top20(text)
	notAmong(t, got, "Appendix", "Appendix A", "Appendix B")
	among(t, got, "gas testing checklist")
}

// Minutes' boilerplate is no key phrase: 另行通知 (of 下次会议时间另行通知)
// and 上次会议 (of 上次会议决议落实情况) were (QA qa-keys12).
func TestChineseMinutesBoilerplateIsNoKeyPhrase(t *testing.T) {
	minutes := "危险化学品安全管理会议纪要\n\n一、上次会议决议落实情况\n上次会议要求各车间开展危险化学品储存检查，目前已完成危险化学品仓库的全面检查，发现问题三项，均已整改。\n\n" +
		"二、危险化学品运输管理\n会议强调，危险化学品运输车辆必须持有危险货物道路运输许可证，驾驶员和押运员必须持证上岗。\n\n" +
		"三、下一步工作\n1. 张华负责组织危险化学品泄漏应急演练。\n2. 下次会议时间另行通知。\n"
	got := top20zh(minutes)
	notAmong(t, got, "另行通知", "上次会议", "下次会议")
	among(t, got, "危险化学品运输")
}

// A clause after "how", "when", "where" and the like opens with its
// subject and verb as a sentence does: "This policy describes how
// employees report lost devices" gave the key phrase "employees report"
// (QA qa-keys12).
func TestClauseAfterConjunctionEndsAtVerb(t *testing.T) {
	text := "Information Security Incident Response Policy\n\nThis policy describes how employees report lost devices. " +
		"The incident response team acts once suppliers confirm the breach. Lost devices are reported to the incident response team."
	got := top20(text)
	notAmong(t, got, "employees report", "suppliers confirm")
	among(t, got, "incident response team")
}
