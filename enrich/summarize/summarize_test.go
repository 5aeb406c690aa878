package summarize

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
)

var sents = []string{
	"The Supplier shall deliver the goods to the Customer within thirty days of the order.",
	"Delivery is made to the address the Customer names in the order.",
	"The weather in the region is often mild.",
	"If the Supplier fails to deliver the goods within thirty days, the Customer may cancel the order.",
	"The Customer shall pay the price within sixty days of delivery of the goods.",
}

func TestLeadKeepsOpeningWithinBudget(t *testing.T) {
	got := Lead(sents, Options{MaxChars: 160, Language: "en"})
	if !strings.HasPrefix(got, sents[0]) || utf8.RuneCountInString(got) > 160 {
		t.Errorf("Lead = %q", got)
	}
	short := Lead(sents, Options{MaxChars: 30, Language: "en"})
	if utf8.RuneCountInString(short) > 30 || !strings.HasPrefix(sents[0], short) || strings.HasSuffix(short, " ") {
		t.Errorf("Lead cut = %q", short)
	}
}

func TestTextRankPrefersConnectedSentences(t *testing.T) {
	got := TextRank(sents, Options{MaxChars: 100, Language: "en"})
	if strings.Contains(got, "weather") {
		t.Errorf("TextRank chose the off-topic sentence: %q", got)
	}
	if got == "" || utf8.RuneCountInString(got) > 100 {
		t.Errorf("TextRank = %q", got)
	}
}

func TestSelectKeepsOrderAndAvoidsRepetition(t *testing.T) {
	s := []string{"Alpha beta gamma delta.", "Unrelated epsilon zeta eta theta.", "Alpha beta gamma delta again.", "Iota kappa lambda mu."}
	scores := []float64{0.9, 0.5, 0.85, 0.4}
	got := Select(s, scores, Options{MaxChars: 60, Language: "en"})
	if strings.Contains(got, "again") {
		t.Errorf("Select repeated a near-duplicate: %q", got)
	}
	if !strings.HasPrefix(got, "Alpha beta gamma delta.") {
		t.Errorf("Select lost the best sentence or the order: %q", got)
	}
	if Select(s, scores[:2], Options{}) != "" {
		t.Error("Select accepted mismatched scores")
	}
}

func TestSummarizeBudgetAndContent(t *testing.T) {
	for _, budget := range []int{40, 120, 250, 600} {
		got := Summarize(sents, Options{MaxChars: budget, Language: "en"})
		if got == "" || utf8.RuneCountInString(got) > budget {
			t.Errorf("budget %d: %q", budget, got)
		}
	}
	long := Summarize(sents, Options{MaxChars: 250, Language: "en"})
	if strings.Contains(long, "weather") {
		t.Errorf("Summarize kept the off-topic sentence: %q", long)
	}
}

func TestSummarizeChinese(t *testing.T) {
	zh := []string{"本合同由甲方和乙方签订。", "乙方应在三十日内交付货物。", "天气晴朗。", "甲方应在收到货物后六十日内付款。"}
	got := Summarize(zh, Options{MaxChars: 40, Language: "zh"})
	if got == "" || utf8.RuneCountInString(got) > 40 || strings.Contains(got, " ") {
		t.Errorf("Summarize zh = %q", got)
	}
}

// Chinese sentences join without a space after Chinese punctuation, with
// one after a heading, a table row or an English sentence.
func TestJoinChinese(t *testing.T) {
	got := joinChinese([]string{"第二条 租赁期限", "租赁期限自2023年1月1日起。", "月租金15,000元。", "项目 | 金额", "开发费 | 三十万元",
		"This Agreement is governed by the laws of China.", "被许可方应当遵守本协议。", "（一）甲方", "“乙方”指张伟。"})
	want := "第二条 租赁期限 租赁期限自2023年1月1日起。月租金15,000元。项目 | 金额 开发费 | 三十万元 " +
		"This Agreement is governed by the laws of China. 被许可方应当遵守本协议。（一）甲方“乙方”指张伟。"
	if got != want {
		t.Errorf("joinChinese:\n got %q\nwant %q", got, want)
	}
}

// A clause ended by ";" whose sentence's rest a summary leaves out reads
// as cut before the next sentence, not as a run-on ("... of the sea; For
// the reasons below"); its next clause, when kept, follows as written.
func TestJoinMarksAClauseLeftOpen(t *testing.T) {
	units := []string{"The Claimant says the vessel was lost by perils of the sea;", "the Defendant says she was scuttled.", "For the reasons below, the claim succeeds."}
	if got, want := join(units, []int{0, 2}, "en"), "The Claimant says the vessel was lost by perils of the sea"+CutMark+" For the reasons below, the claim succeeds."; got != want {
		t.Errorf("join = %q, want %q", got, want)
	}
	if got, want := join(units, []int{0, 1}, "en"), units[0]+" "+units[1]; got != want {
		t.Errorf("join = %q, want %q", got, want)
	}
	list := []string{"The register lists: (a) payment institutions;", "(b) their agents.", "It is public."}
	if got, want := join(list, []int{0, 2}, "en"), "The register lists: (a) payment institutions"+CutMark+" It is public."; got != want {
		t.Errorf("join = %q, want %q", got, want)
	}
}

func TestUnitsSplitsLowercaseRunOns(t *testing.T) {
	got := Units([]string{"you must be 13. we may end your account; see sec. 4 for details. e.g. fees apply."}, "en")
	want := []string{"you must be 13.", "we may end your account;", "see sec. 4 for details.", "e.g. fees apply."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Units = %q, want %q", got, want)
	}
}

func TestEmpty(t *testing.T) {
	if Summarize(nil, Options{}) != "" || Lead(nil, Options{}) != "" || TextRank(nil, Options{}) != "" {
		t.Error("empty input gave a summary")
	}
}

// TestSummarizePassageOnlyUnderOneSentence checks the passage threshold:
// a budget that holds no typical sentence gives one contiguous passage
// (cut to the budget); a budget that holds one or more gives whole
// sentences chosen by score, which need not be adjacent, and never the
// off-topic one.
func TestSummarizePassageOnlyUnderOneSentence(t *testing.T) {
	tight, marked := strings.CutSuffix(Summarize(sents, Options{MaxChars: 40, Language: "en"}), CutMark)
	if utf8.RuneCountInString(tight) > 40 || tight == "" || !marked {
		t.Fatalf("tight budget: %q (marked as cut: %v)", tight, marked)
	}
	inSentence := false
	for _, s := range sents {
		inSentence = inSentence || strings.HasPrefix(s, tight)
	}
	if !inSentence {
		t.Errorf("under one sentence of budget the summary is the opening of one passage: %q", tight)
	}
	two := Summarize(sents, Options{MaxChars: 190, Language: "en"})
	if strings.Contains(two, "weather") || utf8.RuneCountInString(two) > 190 {
		t.Errorf("two-sentence budget: %q", two)
	}
	whole := 0
	for _, s := range sents {
		if strings.Contains(two, s) {
			whole++
		}
	}
	if whole != 2 {
		t.Errorf("two-sentence budget should hold two whole sentences, has %d: %q", whole, two)
	}
}

// When Summarize selects sentences, one that names the document's key
// phrases beats one that merely repeats its common words.
func TestSummarizePrefersKeyPhrases(t *testing.T) {
	sentences := []string{
		"These terms apply to the parties and set out the terms of the service for the parties.",
		"The parties agree that these terms of service apply to the service and to the parties.",
		"Personal data breaches must be reported to the supervisory authority within 72 hours.",
		"Each of the parties accepts the terms of service as they apply to the parties.",
	}
	o := Options{MaxChars: 100, Language: "en"}
	plain := Summarize(sentences, o)
	o.Keywords = []document.Keyword{{Text: "personal data breaches", Score: 10}, {Text: "supervisory authority", Score: 8}}
	withKeys := Summarize(sentences, o)
	if strings.Contains(plain, "supervisory authority") {
		t.Fatalf("without key phrases the summary already names them, so this test proves nothing: %q", plain)
	}
	if !strings.Contains(withKeys, "supervisory authority") {
		t.Errorf("summary %q, want the sentence with the key phrases", withKeys)
	}
}

// A cut never ends inside a word (the whole word goes unless it alone is
// longer than the budget), and a summary never starts at the second half
// of a sentence split at a semicolon.
func TestCutAndContinuations(t *testing.T) {
	for in, want := range map[string]string{
		"(iv) the Equipment must be delivered": "(iv) the…",
		"Supercalifragilistic":                 "Supercalif…",
		"  short":                              "short",
		"short":                                "short",
	} {
		if got := marked(cut(in, 10), in); got != want {
			t.Errorf("cut(%q, 10) = %q, want %q", in, got, want)
		}
	}
	units := []string{
		"The Lead Agent will not offer or sell the notes except:",
		"(a) to qualified buyers in transactions exempt from registration;",
		"or (b) in offshore transactions in reliance on Regulation S.",
	}
	for _, budget := range []int{60, 200} {
		got := Select(units, []float64{0, 0.5, 1}, Options{MaxChars: budget, Language: "en"})
		if continuation(got) {
			t.Errorf("budget %d: summary starts mid-sentence: %q", budget, got)
		}
	}
	if got := Summarize(units, Options{MaxChars: 40, Language: "en"}); continuation(got) {
		t.Errorf("passage starts mid-sentence: %q", got)
	}
}

// In a text written with capitals, a unit opening in lower case, or with
// "provided", is the rest of a sentence split by a page break or a
// semicolon: no summary starts there. A lower-cased text is left alone.
func TestLowerCaseContinuations(t *testing.T) {
	units := []string{
		"The Supplier shall deliver the Products to the locations",
		"specified in an applicable Service Option Attachment.",
		"Provided, however, that the Customer pays all fees when due.",
		"The Customer may audit the Supplier once a year.",
	}
	got := Select(units, []float64{0, 1, 0.9, 0.1}, Options{MaxChars: 70, Language: "en"})
	if lowerStart(got) || strings.HasPrefix(got, "Provided") {
		t.Errorf("summary starts mid-sentence: %q", got)
	}
	lower := []string{"we may end your account at any time.", "you can delete your data."}
	if got := Select(lower, []float64{0, 1}, Options{MaxChars: 30, Language: "en"}); got != "you can delete your data." {
		t.Errorf("lower-cased text: %q", got)
	}
}

// A text that repeats its sentences (a clause pasted twice, a form filled
// in many times) is summarised from them, each once; only short or
// unstopped repeats are page headers.
func TestRepeatedSentences(t *testing.T) {
	en := []string{
		"The Supplier shall deliver the goods within thirty days of the purchase order.",
		"Either party may terminate this Agreement for material breach on written notice.",
		"The Buyer shall pay each invoice within forty five days of receipt.",
		"This Agreement is governed by the laws of the State of New York.",
		"The Supplier warrants that the goods are free from defects in materials and workmanship.",
	}
	zh := []string{
		"甲方应当在收到乙方书面通知后三十日内支付全部款项，逾期未付的，每日按未付金额的万分之五支付违约金。",
		"乙方保证其提供的软件产品不侵犯任何第三方的知识产权，如因此产生纠纷，由乙方承担全部责任。",
		"因不可抗力导致本合同无法履行的，受影响的一方应及时通知对方，并在合理期限内提供证明。",
	}
	for _, c := range []struct {
		language string
		base     []string
	}{{"en", en}, {"zh", zh}} {
		var text []string
		for i := 0; i < 40; i++ {
			text = append(text, c.base[(i*7)%len(c.base)])
		}
		got := Summarize(text, Options{Language: c.language})
		found := 0
		for _, s := range c.base {
			if n := strings.Count(got, s); n > 1 {
				t.Errorf("%s: %q is twice in %q", c.language, s, got)
			} else {
				found += n
			}
		}
		if found < 2 {
			t.Errorf("%s: summary %q holds %d of the sentences", c.language, got, found)
		}
	}
	if !headerLike("Source: ACME CORP, 10-K, 3/1/2019") || !headerLike("CONFIDENTIAL") || headerLike(en[0]) || headerLike(zh[0]) {
		t.Error("headerLike")
	}
}

// A contract whose clauses open with numbers and list markers ("1.2 ...",
// "(c) ...") is still written with capitals: a unit opening in lower case
// there is the rest of a sentence a page break split, and no summary
// starts at it.
func TestCasedCountsLetterStarts(t *testing.T) {
	units := []string{"THIS AGREEMENT is made on 15 December 2001.", "1.1 The Licensor grants a licence.", "(a) to copy;", "(b) to publish in any",
		"media now or hereafter known.", "During the Term, fees are due.", "(c) to display.", "2.1 Fees are due monthly.", "(d) to sell.", "The End."}
	if !cased(units) || !midSentence(units[3], cased(units)) {
		t.Errorf("cased %v: the lower-case unit should continue a sentence", cased(units))
	}
	if cased([]string{"the licensee pays.", "the licensor grants.", "1. The term."}) {
		t.Error("a lower-cased text read as cased")
	}
}

func TestEndedMarksCutSummaries(t *testing.T) {
	for in, want := range map[string]string{
		"The gatekeeper shall":          "The gatekeeper shall…",
		"The Supplier shall deliver.":   "The Supplier shall deliver.",
		"本合同适用中华人民共和国法律。":               "本合同适用中华人民共和国法律。",
		"签订日期：2024年2月20日":               "签订日期：2024年2月20日", // a Chinese line ends without a stop as often as not
		"":                              "",
		"Payment is due (see clause 3)": "Payment is due (see clause 3)",
	} {
		if got := Ended(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// A Chinese passage cut to its budget is cut at a character, not back at
// the space after its heading (which left the heading alone).
func TestCutChineseAfterHeading(t *testing.T) {
	long := strings.Repeat("乙方应当在工作日内将货物运送至甲方指定的仓库并办理验收手续，", 40) + "。"
	got := Select([]string{"供货协议", long}, []float64{2, 1}, Options{Language: "zh", MaxChars: 500})
	body := strings.TrimSuffix(got, CutMark)
	// Chinese gets zhBudgetPercent of the budget: 200 characters
	if utf8.RuneCountInString(body) < 150 || utf8.RuneCountInString(body) > 200 || !strings.HasSuffix(got, CutMark) {
		t.Errorf("summary %q (%d runes)", got, utf8.RuneCountInString(body))
	}
}

// A contract's summary opens with the sentence that names the agreement
// and its parties, without the labels of defined terms, when it fits.
func TestContractSummaryOpensWithPreamble(t *testing.T) {
	sentences := []string{
		"EXHIBIT 10.1",
		"SUPPLY AGREEMENT",
		`This Supply Agreement (the "Agreement") is made and entered into as of March 3, 2020 by and between Acme Corp., a Delaware corporation ("Acme"), and Globex Ltd. ("Globex").`,
		"Time shall be of the essence in this Agreement.",
		"Globex shall deliver the Products to Acme's warehouse within thirty days of each Purchase Order, and Acme shall pay each invoice within sixty days.",
		"Globex warrants that the Products conform to the Specifications for twelve months after delivery.",
		"All pronouns used herein shall be deemed to refer to the masculine, feminine or neuter as the context requires.",
		"Globex shall keep the Products' specifications and Acme's forecasts confidential for five years after the Agreement ends.",
	}
	if got := withoutHeading("Exhibit 10.1 PROMOTION AGREEMENT This Promotion Agreement is entered into"); got != "This Promotion Agreement is entered into" {
		t.Errorf("withoutHeading: %q", got)
	}
	if got := withoutHeading("Acme and Globex enter into this Supply Agreement today"); got != "Acme and Globex enter into this Supply Agreement today" {
		t.Errorf("withoutHeading cut a sentence: %q", got)
	}
	// titles in any case, after a date or an exhibit number (7 of 31 CUAD
	// summaries opened with them)
	for in, want := range map[string]string{
		"May 04, 2017 Strategic Alliance Agreement This Strategic Alliance Agreement is entered into": "This Strategic Alliance Agreement is entered into",
		"Exhibit 2.01 Strategic Alliance Agreement This agreement is made and entered into":           "This agreement is made and entered into",
		"PSiTECHCORPORATION WEBSITE CONTENT LICENSE AGREEMENT This Content License Agreement, dated":  "This Content License Agreement, dated",
		"EXHIBIT 10.1 SALES & MARKETING AGREEMENT THIS SALES & MARKETING AGREEMENT is effective":      "THIS SALES & MARKETING AGREEMENT is effective",
		"The parties signed. The Agreement This Agreement is made":                                    "The parties signed. The Agreement This Agreement is made",
		"Under the Supply Agreement the buyer pays; this Agreement is made":                           "Under the Supply Agreement the buyer pays; this Agreement is made",
	} {
		if got := withoutHeading(in); got != want {
			t.Errorf("withoutHeading(%q) = %q, want %q", in, got, want)
		}
	}
	// a street address by its number and street word goes, however led in
	for in, want := range map[string]string{
		"This Promotion Agreement is entered into between BookingEntertainment.com (\"Promoter\") of 275 Madison Avenue, 6th Floor, New York, NY 10016 and VNUE, Inc.":                     "This Promotion Agreement is entered into between BookingEntertainment.com (\"Promoter\") and VNUE, Inc.",
		"THIS AGREEMENT is made by and between BOSCH INTERNATIONAL, LLC located at 3753 Howard Hughes Pkwy #200 Las Vegas NV 89169 (hereinafter \"CLIENT\"), and BOSCH TECHNOLOGIES, LLC.": "THIS AGREEMENT is made by and between BOSCH INTERNATIONAL, LLC (\"CLIENT\") and BOSCH TECHNOLOGIES, LLC.",
		"This Consulting Agreement is made on 2 June 2025 between Harbor Inc. (\"Company\"), and John Smith, an individual residing at 14 Oak Road, Denver, Colorado (\"Consultant\").":    "This Consulting Agreement is made on 2 June 2025 between Harbor Inc. (\"Company\") and John Smith, an individual (\"Consultant\").",
		// a name that opens with a digit ends the address before it, which
		// took the party with it
		"THIS AGREEMENT is made as of June 21, 1999 by and between I-ESCROW, INC., with its principal place of business at 1730 S. Amphlett Blvd., San Mateo, California 94402 (\"i-Escrow\"), and 2THEMART.COM, INC. having its principal place of business at 18301 Von Karman Avenue, 7th Floor, Irvine, California 92612 (\"2TheMart\").": "THIS AGREEMENT is made as of June 21, 1999 by and between I-ESCROW, INC. and 2THEMART.COM, INC.",
	} {
		if got := compactPreamble(Plain(in)); got != want {
			t.Errorf("compactPreamble(%.40q) = %q, want %q", in, got, want)
		}
	}
	// a preamble's address ("with an address at ...") goes like its offices
	if got := compactPreamble("This agreement is made by and between Bravatek Solutions, Inc., with an address at 2028 E. Ben White Blvd., Unit #240-2835, Austin, Texas, 78741 and Sibannac, Inc., with an address at 2122 E Highland Avenue, Phoenix."); got != "This agreement is made by and between Bravatek Solutions, Inc. and Sibannac, Inc." {
		t.Errorf("compactPreamble: %q", got)
	}
	got := Summarize(sentences, Options{MaxChars: 400, Language: "en"})
	want := "This Supply Agreement is made and entered into as of March 3, 2020 by and between Acme Corp. and Globex Ltd."
	if !strings.HasPrefix(got, want) {
		t.Errorf("summary does not open with the preamble:\n got  %q\n want %q...", got, want)
	}
	// the model tier's selection too, whatever its salience says; and the
	// budget left after it goes to no clause fragment
	sentences = append(sentences, "In all such instances.", "Sections 4.2. 4.3. 5.")
	scores := []float64{0, 0, 0, 1, 0.9, 0.8, 1, 0.7, 2, 2}
	got = Select(sentences, scores, Options{MaxChars: 400, Language: "en"})
	if !strings.HasPrefix(got, want) {
		t.Errorf("Select does not open with the preamble:\n got  %q", got)
	}
	if strings.Contains(got, "such instances") || strings.Contains(got, "Sections 4.2") {
		t.Errorf("a fragment after the preamble: %q", got)
	}
	for in, out := range map[string]string{
		`Aduro Biotech, Inc. ("Aduro") and IREYA B.V. ("Consultant") agree.`:                                      "Aduro Biotech, Inc. and IREYA B.V. agree.",
		`ASHWORTH, INC. (The "Company" or "Ashworth") and NANTZ (each a "Party" and collectively the "Parties").`: "ASHWORTH, INC. and NANTZ.",
		`Royalties (as a percentage of Net Sales) are due quarterly.`:                                             `Royalties (as a percentage of Net Sales) are due quarterly.`,
	} {
		if got := Plain(in); got != out {
			t.Errorf("Plain(%q) = %q, want %q", in, got, out)
		}
	}
}

// A sentence that leans on the one before it ("That opinion ...",
// "Notwithstanding paragraph 1, ...") is not in a summary without it.
func TestNoSentenceReferringToOneLeftOut(t *testing.T) {
	sentences := []string{
		"The Board shall, on request of the Commission or of a supervisory authority, issue an opinion on any draft decision concerning the transfer of personal data to a third country, including the adequacy of the safeguards that the controller proposes.",
		"That opinion on the transfer of personal data to a third country shall be adopted by the Board within eight weeks.",
		"Notwithstanding paragraph 1, the Board may extend the period for the opinion on a transfer by a further six weeks.",
		"Member States shall designate a supervisory authority responsible for monitoring data transfers.",
		"The supervisory authority shall publish an annual report on its activities relating to transfers.",
	}
	got := Summarize(sentences, Options{MaxChars: 200, Language: "en"})
	if strings.Contains(got, "That opinion") || strings.Contains(got, "Notwithstanding paragraph 1") {
		t.Errorf("summary refers to a sentence it left out: %q", got)
	}
	for _, u := range []string{"In those preliminary findings, the Commission shall explain the measures.", "They shall notify the Commission.", "Such appointment constitutes a grant.",
		"Point (f) of the first subparagraph shall not apply to processing carried out by public authorities."} {
		if !refersBack(u) {
			t.Errorf("%q does not refer back", u)
		}
	}
	for _, u := range []string{"This Agreement shall be governed by Delaware law.", "The Supplier shall deliver the goods.", "It is agreed that the term is five years."} {
		if refersBack(u) {
			t.Errorf("%q taken to refer back", u)
		}
	}
	if got == "" {
		t.Error("empty summary")
	}
}

// An article's rule in one long first sentence beats its short
// qualifications: cut, it still says what the article is about.
func TestSummaryKeepsLongRuleOverShortQualifications(t *testing.T) {
	rule := "Member States shall ensure that providers of online marketplaces established in their territory " +
		"keep a register of the traders using their marketplaces, including the name, address, registration " +
		"number and payment account of each trader, and make that register available to the competent " +
		"authorities of the marketplace's Member State on request, in an electronic and searchable format."
	sentences := []string{
		rule,
		"Paragraphs 1 and 2 shall not apply where the trader is already registered.",
		"The register shall be kept for five years.",
		"Member States shall notify the Commission of those rules by 1 January 2027.",
	}
	o := Options{MaxChars: 200, Language: "en"}
	got := Summarize(sentences, o)
	if !strings.HasPrefix(got, "Member States shall ensure that providers of online marketplaces") {
		t.Fatalf("summary %q does not open with the article's rule", got)
	}
	if runes(strings.TrimSuffix(got, CutMark)) > o.MaxChars {
		t.Errorf("summary %q over its budget", got)
	}
	// a short sentence that scores as well as the long one is still chosen whole
	short := []string{"Member States shall ensure that providers of online marketplaces keep a register of traders.",
		rule, "The register shall be kept for five years."}
	if got := Summarize(short, o); !strings.HasPrefix(got, short[0]) {
		t.Errorf("summary %q left out the sentence that fits and says the rule", got)
	}
}

// A provider's terms in the first person are summarised in the third.
func TestSummaryNamesWhoWeIs(t *testing.T) {
	sentences := []string{
		"We collect the content of your files when you use our services.",
		"We may share your data with our partners for advertising.",
		"You can delete your account at any time from the settings page.",
	}
	got := Summarize(sentences, Options{MaxChars: 70, Language: "en"})
	if strings.Contains(strings.ToLower(" "+got+" "), " we ") || !strings.Contains(got, "The service") {
		t.Errorf("summary %q still speaks as \"we\"", got)
	}
	defined := append([]string{`These terms are between you and Dropbox, Inc. ("Dropbox", "we", "us").`}, sentences...)
	if got := Summarize(defined, Options{MaxChars: 300, Language: "en"}); !strings.Contains(got, "Dropbox collects") {
		t.Errorf("summary %q does not name the provider its terms define", got)
	}
	letter := []string{"We will pay you 5,000 dollars on 1 March for the painting.", "We thank you for your patience."}
	if got := Summarize(letter, Options{MaxChars: 60, Language: "en"}); !strings.HasPrefix(got, "We will pay") {
		t.Errorf("summary %q rewrote a \"we\" the text never names", got)
	}
}

// A passage is cut at a word and leaves out the layout in its way.
func TestPassageSkipsLayoutAndWholeWords(t *testing.T) {
	u := []string{
		"Member States shall apply the rules of this Directive to payment institutions and to credit institutions alike from 2026.",
		"(*3) Regulation (EU) No 575/2013 of the European Parliament (OJ L 176, 27.6.2013, p. 1).",
		"The Commission shall review the list every two years.",
	}
	got := passageFrom(u, 0, Options{MaxChars: 200, Language: "en"})
	if strings.Contains(got, "(*3)") || !strings.Contains(got, "The Commission shall review") {
		t.Errorf("passage %q kept the footnote or lost the sentence after it", got)
	}
	if c := cut("We, the undersigned, confirm", 18); c != "We, the" {
		t.Errorf("cut inside a word: %q", c)
	}
}

// A preamble too long for the budget loses each party's incorporation,
// address, signatory and label's gloss, and still opens the summary: with
// the addresses it took most of the budget and was dropped, and the
// summary began mid-contract.
func TestLongPreambleCompacted(t *testing.T) {
	sentences := []string{
		`This Distributor Agreement is made effective as of the 31st day of March, 2000, by and between Skyway Networks Incorporated, a company incorporated under the laws of the State of Washington having its principal office at 777 108th Avenue NE, Suite 1895, Bellevue, Washington 98004 (hereinafter referred to as "Skyway", which term shall unless repugnant to the context include its successors and permitted assigns), through Ms. Jane Roe, a duly authorized officer, and Plains LLC, a South Dakota limited liability company having its principal office at 501 Fourth Street, Sergeant Bluff, IA 51054.`,
		"Skyway appoints Plains as its non-exclusive distributor of the Products in the Territory.",
		"Plains shall buy the Products at the prices in Schedule A and resell them only in the Territory.",
		"Either party may end this Agreement on ninety days' written notice.",
	}
	got := Summarize(sentences, Options{MaxChars: 300, Language: "en"})
	want := "This Distributor Agreement is made effective as of the 31st day of March, 2000, by and between Skyway Networks Incorporated and Plains LLC."
	if !strings.HasPrefix(got, want) {
		t.Errorf("summary:\n got  %q\n want %q...", got, want)
	}
}

// The shapes of CUAD's preambles: an office "of business", a misspelt
// "principle place of business", parties joined by "AND", incorporation
// under an Act, a signatory named with his title; and a preamble that fits
// loses its addresses too.
func TestPreambleDetailsLeftOut(t *testing.T) {
	for in, want := range map[string]string{
		`This Joint Venture Agreement is made on 18 May 2001 BETWEEN Kestrel Technologies Inc., a company incorporated under the laws of the State of Delaware and having its principal office of business at 16 Grid Place, Cerritos, California 90703, U.S.A., through Mr. Anil K. Rao its Managing Director, AND ORION INDUSTRIES LIMITED, a company incorporated under the Companies Act, 1956, having its registered office at B-64/1, Wazirpur, Delhi.`: `This Joint Venture Agreement is made on 18 May 2001 BETWEEN Kestrel Technologies Inc. AND ORION INDUSTRIES LIMITED.`,
		`This Agreement is made by and between Whiteoak Inc., with registered offices/principle place of business at 501 Silverside Road, Wilmington DE 19809, USA, and Goodle Inc whose principle place of business is at 1600 Main Parkway, Mountain View, CA 94043, USA.`:                                                                                                                                                                                  `This Agreement is made by and between Whiteoak Inc. and Goodle Inc.`,
		// QA: a place named "X and Y" left "and Wales" as a party; a detail
		// after a legal form without a comma, and "and," took the other party
		`This Mutual Non-Disclosure Agreement is entered into by and between Northwind Traders GmbH, a company registered in Germany with its registered office at Friedrichstrasse 100, 10117 Berlin, and Contoso Pharmaceuticals plc, a company incorporated in England and Wales.`:                                                                                           `This Mutual Non-Disclosure Agreement is entered into by and between Northwind Traders GmbH and Contoso Pharmaceuticals plc.`,
		`This Co-Branding Agreement, dated as of June 8, 1999, is made by and between Snap Technologies, Inc. a California corporation having its principal place of business at 111 Townsend St., San Francisco, CA 94107, and, United Airlines, Inc., a Delaware corporation having its principal place of business at 1200 E. Algonquin Road, Elk Grove Township, IL 60007.`: `This Co-Branding Agreement, dated as of June 8, 1999, is made by and between Snap Technologies, Inc. and United Airlines, Inc.`,
	} {
		if got := compactPreamble(in); got != want {
			t.Errorf("compactPreamble:\n got  %q\n want %q", got, want)
		}
	}
}

// A part cut by a page or line break, followed in the summary by a part
// that opens a sentence of its own, is marked as cut: joined bare they
// read as a clause the document never wrote ("the party receiving Each
// Indemnitee shall ..."). A part that goes on is the same sentence.
func TestJoinMarksSplices(t *testing.T) {
	u := []string{
		"The Company shall give notice to the party receiving",
		"Each Indemnitee shall have the right to participate in the defense.",
		"Confidential Information within ten days.",
		"THE SUPPLIER SHALL DELIVER THE GOODS.",
	}
	for _, c := range []struct {
		idx  []int
		want string
	}{
		{[]int{0, 1}, "The Company shall give notice to the party receiving… Each Indemnitee shall have the right to participate in the defense."},
		{[]int{0, 2}, "The Company shall give notice to the party receiving Confidential Information within ten days."},
		{[]int{0, 3}, "The Company shall give notice to the party receiving THE SUPPLIER SHALL DELIVER THE GOODS."},
		{[]int{1, 2}, "Each Indemnitee shall have the right to participate in the defense. Confidential Information within ten days."},
	} {
		if got := join(u, c.idx, "en"); got != c.want {
			t.Errorf("join %v = %q, want %q", c.idx, got, c.want)
		}
	}
}

// A preamble that lists its parties below it ("between:" then "1. ...",
// "and", "2. ...") is one sentence with them, and signature lines are no
// summary: the loan agreement's summary opened with the parties'
// descriptions and ended with "Signed: ... Signed: ...".
func TestListedPartiesAndSignatures(t *testing.T) {
	text := "LOAN AGREEMENT\n\nThis Loan Agreement (the \"Agreement\") is made on 1 September 2024 between:\n\n" +
		"1. Riverside Capital Partners LLC, a New York limited liability company (the \"Lender\"); and\n2. Maple Street Bakery Inc., a New Jersey corporation (the \"Borrower\").\n\n" +
		"1. The Loan\n\nThe Lender agrees to lend the Borrower the principal sum of $150,000.00 (the \"Loan\") on the terms of this Agreement.\n\n" +
		"2. Governing Law\n\nThis Agreement shall be governed by the laws of the State of New York.\n\n" +
		"Signed: Riverside Capital Partners LLC, by James O'Neill, Managing Member\nSigned: Maple Street Bakery Inc., by Sofia Russo, President"
	got := Summarize(lang.Sentences(text, "en"), Options{MaxChars: 600, Language: "en"})
	want := "This Loan Agreement is made on 1 September 2024 between Riverside Capital Partners LLC (\"Lender\") and Maple Street Bakery Inc. (\"Borrower\")."
	if !strings.HasPrefix(got, want) || strings.Contains(got, "Signed") {
		t.Errorf("summary\n got  %q\n want %q...", got, want)
	}
}

// The neural tier's selection (Select, with the model's scores) cuts a
// title run into the preamble and joins listed parties too.
func TestSelectWithoutTitles(t *testing.T) {
	sentences := []string{"EXHIBIT 10.1 SALES & MARKETING AGREEMENT THIS SALES & MARKETING AGREEMENT is made on 1 May 2020 between:",
		"1. SightLife Surgical, Inc., a Delaware corporation (\"SightLife\"); and", "2. Imprimis Pharmaceuticals, Inc. (\"Imprimis\").",
		"SightLife shall promote the products in the territory.", "Imprimis shall pay a commission of ten percent on each sale."}
	got := Select(sentences, []float64{0.1, 0.9, 0.8, 0.5, 0.6}, Options{MaxChars: 400, Language: "en"})
	want := "THIS SALES & MARKETING AGREEMENT is made on 1 May 2020 between SightLife Surgical, Inc. and Imprimis Pharmaceuticals, Inc."
	if !strings.HasPrefix(got, want) {
		t.Errorf("Select\n got  %q\n want %q...", got, want)
	}
}

// A list's item that goes on its lead-in ("6.4.4 fails to comply with
// ...", "(b) collected for ...") is the rest of a sentence, as a unit
// opening in lower case is.
func TestListItemsAreMidSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"6.4.4 fails to comply with any obligation under this Agreement;": true,
		"(b) collected for specified, explicit and legitimate purposes;":  true,
		"b. The obligation of non-disclosure shall not apply.":            false,
		"12.1 The Supplier shall deliver the goods.":                      false,
	} {
		if got := midSentence(s, true); got != want {
			t.Errorf("midSentence(%q) = %v", s, got)
		}
	}
}

// A news story's summary opens with its lede, not its headline cut short,
// even when the model's salience ranks a later sentence a little higher:
// the model tier weighs position as the free tier does.
func TestSelectOpensWithTheLede(t *testing.T) {
	sentences := []string{
		"Harborline and Keystone Freight agree $4.2 billion merger to create largest US regional carrier",
		"CHICAGO — Harborline Logistics Inc. and Keystone Freight Corp. said on Monday they had agreed to combine in an all-stock deal valuing Keystone at about $4.2 billion.",
		"Keystone shareholders will receive 0.85 Harborline shares for each Keystone share they own.",
		"The combined company will operate more than 21,000 tractors and employ about 48,000 people.",
		"The transaction is expected to close in the first half of 2026, subject to regulatory approvals.",
		"Shares of Keystone rose 19% in premarket trading, while Harborline fell 3%.",
	}
	scores := []float64{0.6, 0.5, 0.45, 0.55, 0.52, 0.4}
	got := Select(sentences, scores, Options{MaxChars: 260, Language: "en"})
	if !strings.HasPrefix(got, "CHICAGO — Harborline Logistics") {
		t.Errorf("summary does not open with the lede: %q", got)
	}
	if strings.Contains(got, "regional carrier") {
		t.Errorf("summary holds the headline: %q", got)
	}
}

// Select weighs the key phrases a sentence covers (SelectKeywords), as
// Summarize does: with salience alike, the sentence that names what the
// document is about wins over an earlier one that does not.
func TestSelectWeighsKeywords(t *testing.T) {
	sentences := []string{
		"Each Member State shall designate one or more authorities in its territory for the purposes of this Article.",
		"National cybersecurity certification authorities shall supervise the rules for monitoring European cybersecurity certificates.",
		"The authorities shall cooperate with each other and with the Commission in the performance of their tasks.",
	}
	scores := []float64{0.5, 0.5, 0.5}
	o := Options{MaxChars: 130, Language: "en"}
	if got := Select(sentences, scores, o); !strings.HasPrefix(got, "Each Member State") {
		t.Fatalf("without key phrases the opening should win: %q", got)
	}
	o.Keywords = []document.Keyword{{Text: "cybersecurity certification", Score: 1}, {Text: "European cybersecurity certificates", Score: 0.8}}
	if got := Select(sentences, scores, o); !strings.HasPrefix(got, "National cybersecurity certification") {
		t.Errorf("the sentence naming the key phrases should win: %q", got)
	}
}

// The part of a Chinese provision after its semicolon is chosen only
// with the part before it: alone, "逾期不改正的，处……罚款" read as the rule.
func TestChineseSemicolonContinues(t *testing.T) {
	sentences := []string{
		"第十条 运营企业应当及时清理违规停放的车辆。",
		"第十一条 运营企业未按规定设置停放区域的，由城市管理部门责令改正；",
		"逾期不改正的，处一万元以上五万元以下罚款，并可以暂停其新增投放。",
		"第十三条 本办法自2025年7月1日起施行。",
	}
	scores := []float64{0.2, 0.1, 1, 0.3}
	for _, budget := range []int{60, 90} {
		got := Select(sentences, scores, Options{MaxChars: budget, Language: "zh"})
		if strings.HasPrefix(got, "逾期不改正") || strings.Contains(got, "逾期") && !strings.Contains(got, "运营企业未按规定") {
			t.Errorf("budget %d: the provision's second half alone: %q", budget, got)
		}
	}
}

// A tool named in lower case under its heading opens the summary: its
// first sentence is no broken sentence's tail.
func TestLowerCaseNameUnderItsHeading(t *testing.T) {
	sentences := []string{
		"# tidewatch",
		"tidewatch is a small command-line tool that watches a Kubernetes namespace and posts a message to Slack whenever a pod restarts too often.",
		"## Installation",
		"Download a release binary for Linux, macOS or Windows from the releases page.",
		"The Slack webhook can also be passed in an environment variable, which takes precedence over the file.",
		"and then stays silent for that container until the window has passed.",
	}
	got := Summarize(sentences, Options{MaxChars: 300, Language: "en"})
	if !strings.HasPrefix(got, "tidewatch is a small command-line tool") {
		t.Errorf("summary: %q", got)
	}
	if strings.Contains(got, "and then stays silent") {
		t.Errorf("a broken sentence's tail in %q", got)
	}
}

// A list's last item ("and (c) provide ...") shares a word with the item
// above it; it is still the rest of a sentence, never a summary's own.
func TestListItemAfterItsSiblingIsNoHeading(t *testing.T) {
	sentences := []string{
		"In the event of the unauthorised re-use of non-personal data, the re-user shall, without delay, inform the legal persons whose rights and interests may be affected.",
		"Where justified, the Commission may adopt implementing acts declaring that the arrangements of a third country: (a) ensure protection of intellectual property and trade secrets;",
		"(b) are being effectively applied and enforced;",
		"and (c) provide effective judicial redress.",
		"Those implementing acts shall be adopted in accordance with the examination procedure referred to in Article 33(3).",
	}
	scores := []float64{0.5, 0.2, 0.1, 1, 0.1}
	got := Select(sentences, scores, Options{MaxChars: 220, Language: "en"})
	if strings.Contains(got, "and (c) provide") {
		t.Errorf("a list's last item alone in %q", got)
	}
	if namedAbove("(b) are being effectively applied and enforced;", "and (c) provide effective judicial redress.") {
		t.Error("a sibling item read as a heading")
	}
}

// An act's enacting formula and citations end with a comma before the
// next line: chosen as a unit, "THE EUROPEAN PARLIAMENT AND THE COUNCIL
// OF THE EUROPEAN UNION," opened the summary as if it began the sentence
// after it.
func TestEnactingFormulaIsNoSummary(t *testing.T) {
	sentences := []string{
		"DIRECTIVE (EU) 2024/1799 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 13 June 2024 on common rules promoting the repair of goods",
		"THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,",
		"Having regard to the Treaty on the Functioning of the European Union, and in particular Article 114 thereof,",
		"Whereas:",
		"(1) In order to contribute to the proper functioning of the internal market, it is necessary to lay down common rules promoting the repair of goods purchased by consumers.",
		"(2) Encouraging consumers to extend the useful life of goods through repair should contribute to the objectives of the European Green Deal.",
		"(3) This Directive should therefore establish an obligation for manufacturers to repair certain goods and to inform consumers about that obligation.",
	}
	got := Summarize(sentences, Options{MaxChars: 400, Language: "en"})
	if strings.Contains(got, "UNION,") || strings.Contains(got, "Having regard") {
		t.Errorf("summary opens with the enacting formula: %q", got)
	}
	if !commaEnded([]string{"Dear Ms Patel,", "Thank you for your letter."}, 0) || commaEnded([]string{"the Supplier shall,", "within ten days, deliver"}, 0) {
		t.Error("commaEnded")
	}
}

// A party's incorporation or office in a place whose name holds a letter
// outside ASCII leaves the preamble whole: with ASCII classes the detail
// stopped at the first accented letter and left the rest after the name
// ("Boulangerie Québec Inc.ébec", "Inc.ürich"), or ran on over the next
// party, whose capital it did not see (QA s31 #1).
func TestPreambleDetailsOfNonASCIIPlaces(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`This Services Agreement is made on 15 January 2025 between Boulangerie Québec Inc., a corporation incorporated under the laws of Québec ("Client"), and François Tremblay Consulting Ltd. ("Consultant").`,
			"This Services Agreement is made on 15 January 2025 between Boulangerie Québec Inc. (\"Client\") and François Tremblay Consulting Ltd. (\"Consultant\")."},
		{`This Services Agreement is made on 15 January 2025 between Alpha Industries Inc., a corporation incorporated under the laws of the Canton of Zürich ("Client"), and Beta Consulting Ltd. ("Consultant").`,
			"This Services Agreement is made on 15 January 2025 between Alpha Industries Inc. (\"Client\") and Beta Consulting Ltd. (\"Consultant\")."},
		{`This Supply Agreement is made between Alpha Ltda., a company organized under the laws of the State of São Paulo, and Beta Inc.`,
			"This Supply Agreement is made between Alpha Ltda. and Beta Inc."},
		{`This Supply Agreement is made between Alpha N.V., a company incorporated under the laws of Curaçao, and Beta Inc.`,
			"This Supply Agreement is made between Alpha N.V. and Beta Inc."},
		{`This Licence Agreement is made between Alpha SAS, a company registered in Île-de-France, and Beta Inc.`,
			"This Licence Agreement is made between Alpha SAS and Beta Inc."},
		{`This Licence Agreement is made between Alpha Inc., a Québec corporation, and Beta Inc.`,
			"This Licence Agreement is made between Alpha Inc. and Beta Inc."},
		{`This Supply Agreement is made between Acme GmbH, with its registered office at Königsallee 1, 40212 Düsseldorf, and Öko Textil GmbH, a company registered in Düsseldorf.`,
			"This Supply Agreement is made between Acme GmbH and Öko Textil GmbH."},
	} {
		if got := compactPreamble(Plain(c.in)); got != c.want {
			t.Errorf("compactPreamble(%.50q):\n got  %q\n want %q", c.in, got, c.want)
		}
	}
	// a provider named in another script's letters is named whole
	sentences := []string{
		"We are Zürcher Datendienst AG, a company registered in Switzerland.",
		"We collect the content of your files when you use our services.",
		"We may share your data with our partners for advertising.",
	}
	if got := Summarize(sentences, Options{MaxChars: 300, Language: "en"}); !strings.Contains(got, "Zürcher Datendienst AG collects") {
		t.Errorf("summary %q does not name the provider", got)
	}
}

// A selection that leaves most of the budget unused, the text's main
// sentence being too long to fit whole, adds that sentence cut, in its
// place: GDPR article 5's summary was its closing sentence alone.
func TestSelectAddsTheLongSentenceCut(t *testing.T) {
	long := "Personal data shall be: (a) processed lawfully, fairly and in a transparent manner in relation to the data subject; " +
		strings.Repeat("(b) collected for specified, explicit and legitimate purposes and not further processed in a manner that is incompatible with those purposes; ", 5) +
		"(f) processed in a manner that ensures appropriate security of the personal data."
	closing := "The controller shall be responsible for, and be able to demonstrate compliance with, paragraph 1."
	got := Select([]string{long, closing}, []float64{0.1, 0.9}, Options{MaxChars: 600, Language: "en"})
	if !strings.HasPrefix(got, "Personal data shall be: (a) processed lawfully") || !strings.Contains(got, "… The controller shall") ||
		utf8.RuneCountInString(got) > 600 {
		t.Errorf("summary %q", got)
	}
	// a selection that fills its budget is left as it was
	short := []string{"The supplier shall deliver the goods by 1 May.", "The buyer shall pay within thirty days of delivery.", long}
	if got := Select(short, []float64{0.9, 0.8, 0.1}, Options{MaxChars: 90, Language: "en"}); strings.Contains(got, "Personal data") {
		t.Errorf("summary %q", got)
	}
}

// UK and Irish agreements set their date line, a "BETWEEN" or "PARTIES"
// heading and the numbered parties on lines of their own: their summaries
// never named the parties. They open with them now, as a US preamble's
// do, without company numbers and registered offices.
func TestUKPartiesOpenSummary(t *testing.T) {
	body := "\n\nBACKGROUND\n\n(A) The Supplier makes oak furniture and has agreed to supply the Goods to the Customer.\n\n" +
		"AGREED TERMS\n\n1. SUPPLY\n\n1.1 The Supplier shall supply the Goods to the Customer in accordance with each accepted Order.\n\n" +
		"1.2 The Customer shall pay each invoice within 30 days of the date of the invoice.\n\n" +
		"2. TERMINATION\n\n2.1 Either party may terminate this agreement on giving not less than six months' written notice to the other party."
	for _, c := range []struct{ head, want string }{
		{"THIS AGREEMENT is dated 1st March 2024\n\nPARTIES\n\n" +
			"(1) BRAMBLE & OAK LIMITED, a company incorporated in England and Wales with company number 01234567 whose registered office is at 12 High Street, Bath BA1 1AA (\"Supplier\"); and\n\n" +
			"(2) NORTHWIND RETAIL LTD incorporated and registered in Scotland with company number SC765432 whose registered office is at 4 Quay Road, Glasgow G1 1AA (\"Customer\").",
			"THIS AGREEMENT is dated 1st March 2024 between BRAMBLE & OAK LIMITED (\"Supplier\") and NORTHWIND RETAIL LTD (\"Customer\")."},
		{"SUPPLY AGREEMENT\n\nThis Agreement is made on 5 June 2023\n\nBETWEEN:\n\n" +
			"(1) JONATHAN PETER HALE of 27 Elm Grove, Reading RG1 4QT (the \"Supplier\"); and\n\n" +
			"(2) ASHCOMBE HOLDINGS LIMITED, a company incorporated in England and Wales with registered number 09876543 whose registered office is at 1 Kings Yard, London EC2V 8AB (the \"Customer\").",
			"This Agreement is made on 5 June 2023 between JONATHAN PETER HALE (\"Supplier\") and ASHCOMBE HOLDINGS LIMITED (\"Customer\")."},
		{"DATED the 14th day of September 2022\n\nBETWEEN\n\n" +
			"(1) LIFFEY DATA SERVICES LIMITED, a company incorporated in Ireland with registered number 612345 and having its registered office at Block C, Harcourt Centre, Dublin 2 (the \"Supplier\");\n\n" +
			"(2) CORRIB HEALTH DESIGNATED ACTIVITY COMPANY, a company incorporated in Ireland with registered number 598765 and having its registered office at Galway Business Park, Galway (the \"Customer\").",
			"DATED the 14th day of September 2022 between LIFFEY DATA SERVICES LIMITED (\"Supplier\") and CORRIB HEALTH DESIGNATED ACTIVITY COMPANY (\"Customer\")."},
		{"THIS DEED is made the 2nd day of October 2021\n\nBETWEEN:\n\n" +
			"(1) HARTWELL ESTATES LIMITED (company number 04455667) whose registered office is at 9 Castle Street, York YO1 9RY (\"the Supplier\"); and\n\n" +
			"(2) PENNY LANE COFFEE LIMITED (company number 11223344) whose registered office is at Unit 3, Dock Road, Liverpool L3 4AB (\"the Customer\").",
			"THIS DEED is made the 2nd day of October 2021 between HARTWELL ESTATES LIMITED (\"Supplier\") and PENNY LANE COFFEE LIMITED (\"Customer\")."},
		{"SUPPLY AGREEMENT\n\nDATED: 12 January 2024\n\nPARTIES\n\n" +
			"1. KESTREL ENGINEERING PLC, incorporated and registered in England and Wales with company number 02345678 whose registered office is at Kestrel House, 5 Mill Lane, Derby DE1 2AB (the Supplier).\n\n" +
			"2. AMELIA WREN trading as Wren Oak Furniture of 14 Orchard Close, Nottingham NG5 6HD (the Customer).",
			"SUPPLY AGREEMENT DATED 12 January 2024 between KESTREL ENGINEERING PLC (the Supplier) and AMELIA WREN trading as Wren Oak Furniture (the Customer)."},
		{"THIS AGREEMENT is dated 10 June 2025\n\nPARTIES\n\n" +
			"(1) QUILLSOFT SYSTEMS LIMITED incorporated and registered in England and Wales with company number 07890123 whose registered office is at 3 Temple Quay, Bristol BS1 6DZ (Supplier).\n\n" +
			"(2) MERIDIAN HOUSING ASSOCIATION LIMITED with registered number 30123R whose registered office is at 50 Corporation Street, Birmingham B2 4RQ (Customer).",
			"THIS AGREEMENT is dated 10 June 2025 between QUILLSOFT SYSTEMS LIMITED (Supplier) and MERIDIAN HOUSING ASSOCIATION LIMITED (Customer)."},
	} {
		got := Summarize(lang.Sentences(c.head+body, "en"), Options{MaxChars: 600, Language: "en"})
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("summary\n got  %q\n want %q...", got, c.want)
		}
	}
}

// A Singapore or Australian party's register number in brackets after
// its name ("(UEN 201912345K)", "(ABN 51 824 753 556)") is no part of the
// summary's parties: it stayed in a Singapore contract's summary (QA
// qa-keys2).
func TestRegisterNumbersLeaveThePreamble(t *testing.T) {
	text := "MUTUAL NON-DISCLOSURE AGREEMENT\n\n" +
		"This Agreement is dated 3 March 2024 and is made between WILLOW COFFEE LIMITED & SONS (UEN 201912345K) and " +
		"Harbour Pine Analytics Pty Ltd (ABN 51 824 753 556).\n\n" +
		"Each party shall keep the Confidential Information of the other party secret and shall not disclose it to any third party without prior written consent. " +
		"The obligations in this Agreement last for three years after the date of this Agreement."
	got := Summarize(lang.Sentences(text, "en"), Options{MaxChars: 600, Language: "en"})
	want := "This Agreement is dated 3 March 2024 and is made between WILLOW COFFEE LIMITED & SONS and Harbour Pine Analytics Pty Ltd."
	if !strings.HasPrefix(got, want) {
		t.Errorf("summary\n got  %q\n want %q...", got, want)
	}
}

// A date line with no heading of parties below it lists none: the
// sentences after it stay their own.
func TestDatedLineWithoutPartiesHeading(t *testing.T) {
	u := []string{"THIS AGREEMENT is dated 1st March 2024", "1. Supply", "2. Payment", "The Customer shall pay within 30 days."}
	if _, _, joined, ok := listedParties(u); ok {
		t.Errorf("listedParties joined %q", joined)
	}
}

// A Chinese provision's label (第一条, 第四十五条) and a chapter heading
// (第一章 总则) are left out of a summary, which opens with the provision's
// sentence: summaries of regulations and contracts opened "第一条 为了规范
// 数据处理活动……" (QA zh2 D1).
func TestChineseArticleLabelsLeftOut(t *testing.T) {
	text := "中华人民共和国数据安全法\n\n第一章 总则\n\n" +
		"第一条 为了规范数据处理活动，保障数据安全，促进数据开发利用，保护个人、组织的合法权益，制定本法。\n" +
		"第二条 在中华人民共和国境内开展数据处理活动及其安全监管，适用本法。\n" +
		"第三条 数据处理\n" +
		"第四条　维护数据安全，应当坚持总体国家安全观，建立健全数据安全治理体系。\n" +
		"第二章 数据安全与发展 第十三条 国家统筹发展和安全，坚持以数据开发利用和产业发展促进数据安全。\n" +
		"第十二条之一：国家建立数据分类分级保护制度。\n"
	sentences := lang.Sentences(text, "zh")
	label := regexp.MustCompile(`第[一二三四五六七八九十百\d]+[条章]`)
	scores := make([]float64, len(sentences))
	for i := range scores {
		scores[i] = 1
	}
	for name, got := range map[string]string{
		"Summarize": Summarize(sentences, Options{MaxChars: 1000, Language: "zh"}),
		"Select":    Select(sentences, scores, Options{MaxChars: 1000, Language: "zh"}),
	} {
		if label.MatchString(got) || strings.Contains(got, "数据处理。") {
			t.Errorf("%s: a label or heading in the summary: %q", name, got)
		}
		for _, want := range []string{"为了规范数据处理活动", "维护数据安全", "国家统筹发展和安全", "国家建立数据分类分级"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: %q left out of %q", name, want, got)
			}
		}
		if !strings.HasPrefix(got, "为了规范数据处理活动") {
			t.Errorf("%s: the summary should open with the first provision's sentence: %q", name, got)
		}
	}
}

// A Chinese summary takes a sentence a semicolon splits whole, or marks
// where it cut it: it ended on "双方应协商解决；" without "协商不成的，……申请
// 仲裁。", and the half read as the whole clause (QA zh2 D2).
func TestChineseSummaryKeepsSemicolonSentenceWhole(t *testing.T) {
	sentences := []string{
		"甲方应于本合同签订后五日内支付预付款。",
		"因本合同发生的争议，双方应协商解决；",
		"协商不成的，任何一方均可向上海国际仲裁中心申请仲裁。",
		"本合同自双方签字之日起生效。",
	}
	scores := []float64{0.1, 1, 0.2, 0.3}
	for _, budget := range []int{100, 150, 250} {
		got := Select(sentences, scores, Options{MaxChars: budget, Language: "zh"})
		if strings.HasSuffix(got, "；") || strings.Contains(got, "协商解决；") && !strings.Contains(got, "协商不成的，任何一方") && !strings.HasSuffix(got, CutMark) {
			t.Errorf("budget %d: half a sentence: %q", budget, got)
		}
	}
	nda := "保密协议\n\n甲方：上海明远科技有限公司\n乙方：张伟\n\n鉴于甲乙双方拟就软件开发项目开展合作，双方经友好协商，达成如下协议。\n\n" +
		"第一条 乙方应对在合作期间知悉的甲方商业秘密承担保密义务，未经甲方书面同意，不得向任何第三方披露。\n" +
		"第二条 本协议所称商业秘密，包括但不限于甲方的技术资料、客户名单、经营计划、财务数据以及其他未公开的信息。\n" +
		"第三条 保密期限自本协议签订之日起至相关信息公开之日止，不因合作关系终止而失效。\n" +
		"第四条 合作结束后，乙方应在十日内将载有商业秘密的全部资料返还甲方，并删除其电子存储的副本。\n" +
		"第五条 乙方违反本协议约定的，应向甲方支付违约金人民币十万元；违约金不足以弥补甲方损失的，乙方应继续赔偿。\n" +
		"第六条 因本协议发生的争议，双方应协商解决；协商不成的，任何一方均可向上海国际仲裁中心申请仲裁。\n" +
		"第七条 本协议一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。\n"
	law := "中华人民共和国数据安全法\n\n第一章 总则\n\n" +
		"第一条 为了规范数据处理活动，保障数据安全，促进数据开发利用，保护个人、组织的合法权益，维护国家主权、安全和发展利益，制定本法。\n" +
		"第二条 在中华人民共和国境内开展数据处理活动及其安全监管，适用本法。在中华人民共和国境外开展数据处理活动，损害中华人民共和国国家安全、公共利益或者公民、组织合法权益的，依法追究法律责任。\n" +
		"第四条 维护数据安全，应当坚持总体国家安全观，建立健全数据安全治理体系，提高数据安全保障能力。\n\n第六章 法律责任\n\n" +
		"第四十五条 开展数据处理活动的组织、个人不履行本法规定的数据安全保护义务的，由有关主管部门责令改正，给予警告，可以并处五万元以上五十万元以下罚款；拒不改正或者造成大量数据泄露等严重后果的，处五十万元以上二百万元以下罚款。\n"
	for _, text := range []string{nda, law} {
		if got := Summarize(lang.Sentences(text, "zh"), Options{Language: "zh"}); strings.HasSuffix(got, "；") {
			t.Errorf("the summary ends on half a sentence: %q", got)
		}
	}
}

// A summary that ends where its text ends is not marked as cut: nothing
// goes on after "hello". One that stops before an unstopped unit the text
// goes on from still is.
func TestSummaryEndingWithTheTextIsNotMarked(t *testing.T) {
	for _, c := range []struct {
		sentences []string
		want      string
	}{
		{[]string{"hello"}, "hello"},
		{[]string{"TODO: call Bob re: invoice 4411"}, "TODO: call Bob re: invoice 4411"},
		{[]string{"Release notes for version 2.3.", "Fixed the login timeout on slow networks"}, "Release notes for version 2.3. Fixed the login timeout on slow networks"},
	} {
		if got := Summarize(c.sentences, Options{MaxChars: 300, Language: "en"}); got != c.want {
			t.Errorf("Summarize(%q) = %q, want %q", c.sentences, got, c.want)
		}
		scores := make([]float64, len(c.sentences))
		if got := Select(c.sentences, scores, Options{MaxChars: 300, Language: "en"}); got != c.want {
			t.Errorf("Select(%q) = %q, want %q", c.sentences, got, c.want)
		}
	}
	if got := Ended("The gatekeeper shall"); got != "The gatekeeper shall"+CutMark {
		t.Errorf("Ended = %q, want the mark", got)
	}
}
