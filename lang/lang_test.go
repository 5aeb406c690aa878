package lang

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestDetect(t *testing.T) {
	cases := []struct{ text, want string }{
		{"This Agreement is entered into by and between the parties and shall be governed by the laws of the State of New York.", "en"},
		{"本文提出了一种基于深度学习的中文关键词抽取方法，实验结果表明该方法在多个数据集上取得了较好的效果。", "zh"},
		{"本文使用 BERT 模型进行 named entity recognition 的研究，并在 CoNLL 数据集上取得了很好的结果。", "zh"},
		{"Die Verordnung gilt für die Verarbeitung personenbezogener Daten, die ganz oder teilweise automatisiert erfolgt, und für die nichtautomatisierte Verarbeitung.", "de"},
		{"Le présent règlement s'applique au traitement de données à caractère personnel, automatisé en tout ou en partie, ainsi qu'au traitement non automatisé.", "fr"},
		{"El presente Reglamento se aplica al tratamiento total o parcialmente automatizado de datos personales, así como al tratamiento no automatizado de los datos.", "es"},
		{"", "und"},
		{"12345 67890 !!!", "und"},
		{"John Smith (张三) signed the agreement with the company on behalf of the buyer and the seller.", "en"},
		{"Umowa zostaje zawarta na czas nieokreślony i może być rozwiązana przez każdą ze stron.", "pl"},
		{"Proszę o przesłanie faktury do końca tygodnia. Dziękuję, Anna", "pl"},
		{"Η παρούσα σύμβαση διέπεται από το ελληνικό δίκαιο.", "el"},
		{"Настоящий договор вступает в силу с момента подписания.", "ru"},
		{"Цей договір набирає чинності з моменту його підписання.", "uk"},
		{"Invoice 2024 from ΑΒΓ Ltd for the services rendered to the company in March.", "en"},
	}
	for _, c := range cases {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%.40q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestDetectLongInputCutsOnRuneBoundary(t *testing.T) {
	text := strings.Repeat("中文内容测试", detectSample/12+10)
	if got := Detect(text); got != "zh" {
		t.Fatalf("Detect(long zh) = %q", got)
	}
}

func TestSentencesEnglish(t *testing.T) {
	text := `1. DEFINITIONS

Mr. Smith and Dr. J. R. Jones met in the U.S. on Monday. They signed the deal
with Acme Inc. and agreed to pay 2.3 million dollars, i.e. most of the budget, e.g. fees.
Under Article 6(1)(a) of the Regulation, consent is required! Is it? Yes... "Quite so." The End.
See Sec. 4 and Art. 5 and No. 7 for details. Wait... and then more.

Payment Terms
The Buyer shall pay within 30 days.
- first item without punctuation
- second item
(a) the Seller; and
(b) the Buyer.`
	want := []string{
		"1. DEFINITIONS",
		"Mr. Smith and Dr. J. R. Jones met in the U.S. on Monday.",
		"They signed the deal with Acme Inc. and agreed to pay 2.3 million dollars, i.e. most of the budget, e.g. fees.",
		"Under Article 6(1)(a) of the Regulation, consent is required!",
		"Is it?",
		"Yes...",
		`"Quite so."`,
		"The End.",
		"See Sec. 4 and Art. 5 and No. 7 for details.",
		"Wait... and then more.",
		"Payment Terms",
		"The Buyer shall pay within 30 days.",
		"- first item without punctuation",
		"- second item",
		"(a) the Seller; and",
		"(b) the Buyer.",
	}
	got := Sentences(text, "en")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences:\n got  %q\n want %q", got, want)
	}
}

func TestSentencesWeakAbbreviation(t *testing.T) {
	got := Sentences("The supplier is Acme Corp. The buyer is Beta Ltd. (the \"Buyer\") in London.", "en")
	want := []string{"The supplier is Acme Corp.", `The buyer is Beta Ltd. (the "Buyer") in London.`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestSentencesChinese(t *testing.T) {
	text := "摘要\n本文研究了中文分词。实验表明，“该方法有效！”我们还讨论了不足；未来将继续改进？\n关键词：分词\r\n\r\n第二段的内容在这里，这一行是因为排版而被折断的一个很长的句子\n继续写完。"
	want := []string{
		"摘要",
		"本文研究了中文分词。",
		"实验表明，“该方法有效！”",
		"我们还讨论了不足；",
		"未来将继续改进？",
		"关键词：分词",
		"第二段的内容在这里，这一行是因为排版而被折断的一个很长的句子继续写完。",
	}
	got := Sentences(text, "zh")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences zh:\n got  %q\n want %q", got, want)
	}
}

func TestSentencesChineseHalfWidthPunctuation(t *testing.T) {
	text := "网络监控是一种全新的取证措施,引发了法律障碍.对网络监控进行规制;首先需要明确程序.版本为2.3的系统运行!"
	want := []string{"网络监控是一种全新的取证措施,引发了法律障碍.", "对网络监控进行规制;", "首先需要明确程序.", "版本为2.3的系统运行!"}
	if got := Sentences(text, "zh"); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// English semicolons never end a sentence.
	if got := Sentences("The Seller; and the Buyer.", "en"); len(got) != 1 {
		t.Errorf("semicolon split English: %q", got)
	}
}

func TestSentencesUnpunctuatedLinesStayApart(t *testing.T) {
	// A table without punctuation: lines are not glued into one huge unit.
	var lines []string
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("row %d value alpha beta gamma delta epsilon", i))
	}
	got := Sentences(strings.Join(lines, "\n"), "en")
	if len(got) < 2 {
		t.Fatalf("one unit of %d bytes", len(got[0]))
	}
	for _, s := range got {
		if len(s) > maxUnpunctuated+100 {
			t.Errorf("unit of %d bytes", len(s))
		}
	}
}

func TestSentencesNoEmpties(t *testing.T) {
	for _, s := range Sentences("  \n\n . \n ... \n\n\t", "en") {
		if strings.TrimSpace(s) != s || s == "" {
			t.Errorf("untrimmed or empty sentence %q", s)
		}
	}
	if got := Sentences("", "en"); len(got) != 0 {
		t.Errorf("empty text gave %q", got)
	}
}

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, tk := range toks {
		out[i] = tk.Text
	}
	return out
}

func checkOffsets(t *testing.T, text string, toks []Token) {
	t.Helper()
	for _, tk := range toks {
		if tk.Start < 0 || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %+v does not match text[%d:%d]", tk, tk.Start, tk.End)
		}
	}
}

func TestWordsEnglish(t *testing.T) {
	text := "The party's state-of-the-art system (v2.3) costs $1,000 — naïve café 'quoted' -dash- end."
	toks := Words(text, "en")
	checkOffsets(t, text, toks)
	want := []string{"The", "party's", "state-of-the-art", "system", "v2.3", "costs", "1", "000", "naïve", "café", "quoted", "dash", "end"}
	if got := texts(toks); !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestWordsHanWithoutChineseIsPerCharacter(t *testing.T) {
	text := "Zhang 张三 signed"
	toks := Words(text, "en")
	checkOffsets(t, text, toks)
	if got := texts(toks); !reflect.DeepEqual(got, []string{"Zhang", "张", "三", "signed"}) {
		t.Errorf("got %q", got)
	}
}

func TestWordsChinese(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the gse dictionary (~2 s)")
	}
	text := "我们使用BERT模型进行中文分词，准确率达到95.2%。深度学习方法效果很好"
	toks := Words(text, "zh")
	checkOffsets(t, text, toks)
	got := texts(toks)
	joined := strings.Join(got, "|")
	for _, w := range []string{"我们", "使用", "BERT", "模型", "中文", "分词", "95.2", "深度", "学习"} {
		found := false
		for _, g := range got {
			if g == w {
				found = true
			}
		}
		if !found {
			t.Errorf("missing word %q in %s", w, joined)
		}
	}
	for _, g := range got {
		if strings.ContainsAny(g, "，。% ") {
			t.Errorf("punctuation token %q", g)
		}
	}
}

func TestAlignPiecesFallsBack(t *testing.T) {
	run := "中文分词"
	toks := alignPieces(nil, run, 10, []string{"中文", "XX"})
	want := []Token{{"中文", 10, 16}, {"分", 16, 19}, {"词", 19, 22}}
	if !reflect.DeepEqual(toks, want) {
		t.Errorf("got %+v", toks)
	}
}

var benchText = strings.Repeat("This Agreement shall be governed by the laws of the State of Delaware, without regard to its conflict-of-law principles. The Company's obligations under Section 2.3 survive termination. ", 200)

func BenchmarkWordsEnglish(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Words(benchText, "en")
	}
}

func BenchmarkSentencesEnglish(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Sentences(benchText, "en")
	}
}

func BenchmarkDetect(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Detect(benchText)
	}
}

func TestWordsChineseConcurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the gse dictionary (~2 s)")
	}
	docs := []string{"深度学习方法在自然语言处理中效果很好", "本合同自双方签字之日起生效", "网络监控取证的法律规制"}
	want := make([][]string, len(docs))
	for i, s := range docs {
		want[i] = texts(Words(s, "zh"))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 50 {
				i := (g + k) % len(docs)
				if got := texts(Words(docs[i], "zh")); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("concurrent segmentation differs: %q vs %q", got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

var benchZh = strings.Repeat("网络监控是当前司法实践中一种全新的取证措施，在世界范围内得到了广泛运用，同时也引发了一系列的法律障碍。本文使用BERT模型进行分析。", 100)

// BenchmarkWordsChinese measures gse segmentation after the dictionary is
// loaded (the one-off load is outside the timer).
func BenchmarkWordsChinese(b *testing.B) {
	Words("预热", "zh")
	b.SetBytes(int64(len(benchZh)))
	for b.Loop() {
		Words(benchZh, "zh")
	}
}

// Code in a log (dotted class names, paths) is no prose: a Java stack
// trace is English by its messages, not Portuguese by "com.acme".
func TestDetectIgnoresIdentifiers(t *testing.T) {
	trace := strings.Repeat("2024-05-13 10:00:00,123 ERROR [main] com.acme.App - Unhandled exception\n"+
		"java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null\n"+
		"\tat com.acme.App.process(App.java:42)\nCaused by: java.io.IOException: broken pipe\n", 5)
	if got := Detect(trace); got != English {
		t.Errorf("Java stack trace: %s, want en", got)
	}
	if got := Detect("O contrato é celebrado com a empresa e com o cliente, para a prestação de serviços de consultoria."); got != "pt" {
		t.Errorf("Portuguese prose: %s", got)
	}
}

// A short note has few function words; two that only one language has
// settle it, where one alone (a log line's "in") does not.
func TestDetectShortNotes(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Hi team, Please find attached the invoice. Regards, Bob", "en"},
		{"Meeting moved to 3pm. Bring your laptop.", "en"},
		{"Hallo Peter, kannst du mir bitte die Datei schicken? Danke, Anna", "de"},
		{"Bonjour Marie, pouvez-vous m'envoyer le contrat? Merci", "fr"},
		{"disk full in /var/lib/docmill after 3 retries", "und"},
		{"GET /api/v1/users 200 12ms", "und"},
	}
	for _, c := range cases {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// An address's abbreviations end no sentence ("Ste." split a party's
// address from its suite number, and a summary ended there).
func TestSentencesAddressAbbreviations(t *testing.T) {
	s := Sentences("Notices go to 1200 6th Ave, Ste. 600, Seattle. Others to 12 Giron St., POB. 44, Toronto, Ont. M3C 1A1. Reseller shall comply.", English)
	if len(s) != 3 {
		t.Fatalf("%d sentences: %q", len(s), s)
	}
	if !IsAbbreviation("Ste") || IsAbbreviation("Seattle") {
		t.Error("IsAbbreviation")
	}
	// a company form before another ends no sentence
	s = Sentences("The parties are Orion Corporation and Vertex IT Solutions Pvt. Ltd., a company incorporated in India. Each shall comply.", English)
	if len(s) != 2 {
		t.Errorf("%d sentences: %q", len(s), s)
	}
}

// A list flattened into one line (a contract converted without its line
// breaks) keeps its labels mid-line: each label opens its item, and the
// lead-in before the first item ends at its colon.
func TestSentencesInlineListLabels(t *testing.T) {
	text := "Bravatek will provide the following services. a. Promote the Products nationwide. b. Provide a quarterly report. " +
		"The obligation shall not apply to the following: a. Information that is public b. Information required by law. " +
		"See p. 5 of the annex. Sign here. I. Smith will countersign."
	want := []string{
		"Bravatek will provide the following services.",
		"a. Promote the Products nationwide.",
		"b. Provide a quarterly report.",
		"The obligation shall not apply to the following:",
		"a. Information that is public",
		"b. Information required by law.",
		"See p. 5 of the annex.",
		"Sign here.",
		"I. Smith will countersign.",
	}
	if got := Sentences(text, "en"); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// A statute's chapter ("c.") ends no sentence: "(S.C. 2000, c. 5)" split
// after "c.", and a summary lost the chapter number and what followed.
// A list label "c." before a word still opens its item.
func TestSentencesStatuteChapter(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"Personal Information Protection and Electronic Documents Act (S.C. 2000, c. 5) applies. It is federal.", 2},
		{"See the Privacy Act, R.S.C. 1985, c. P-21, and the Act. Each applies.", 2},
		{"The Health Information Act, S.O. 2004, c. 3, Sched. A governs. It is provincial.", 2},
		{"Rules: a. Keep records. b. Report breaches. c. Train staff.", 4},
	}
	for _, c := range cases {
		if s := Sentences(c.text, English); len(s) != c.want {
			t.Errorf("%d sentences, want %d: %q", len(s), c.want, s)
		}
	}
}

// A US regulation's headings, each on its line without a blank line
// between (as eCFR's text and a copied PDF give them), are units of their
// own: "Subpart E—..." ran into "§ 164.502 ...", one "sentence" that
// opened the section's summary (QA qa-regs2). A section cited across a
// line's end stays in its sentence.
func TestCodeHeadingsAreUnits(t *testing.T) {
	text := "PART 164—SECURITY AND PRIVACY\n" +
		"Subpart E—Privacy of Individually Identifiable Health Information\n" +
		"§ 164.502 Uses and disclosures of protected health information: General rules.\n" +
		"A covered entity may use or disclose protected health information for treatment, in compliance with\n" +
		"§ 164.506, and as otherwise permitted by this subpart.\n"
	want := []string{
		"PART 164—SECURITY AND PRIVACY",
		"Subpart E—Privacy of Individually Identifiable Health Information",
		"§ 164.502 Uses and disclosures of protected health information: General rules.",
		"A covered entity may use or disclose protected health information for treatment, in compliance with § 164.506, and as otherwise permitted by this subpart.",
	}
	if got := Sentences(text, "en"); !reflect.DeepEqual(got, want) {
		t.Errorf("sentences\n%q\nwant\n%q", got, want)
	}
}

// Singapore cites its statutes by chapter, "(Cap. 186)": no sentence ends
// there; a cap that ends a sentence still does (QA qa-regs2).
func TestCapChapterNoSentenceEnd(t *testing.T) {
	text := "This Notice is issued pursuant to section 27B of the Monetary Authority of Singapore Act (Cap. 186) and applies to all banks in Singapore. " +
		"Fees count towards the cap. The cap resets each year."
	want := []string{
		"This Notice is issued pursuant to section 27B of the Monetary Authority of Singapore Act (Cap. 186) and applies to all banks in Singapore.",
		"Fees count towards the cap.",
		"The cap resets each year.",
	}
	if got := Sentences(text, "en"); !reflect.DeepEqual(got, want) {
		t.Errorf("sentences\n%q\nwant\n%q", got, want)
	}
}

// TestSentencesNarrowColumn: a sentence wrapped in a PDF's narrow column
// stays whole where a short line is followed by a capital (a name, a
// word in capitals); a short line after a finished sentence is still a
// heading of its own.
func TestSentencesNarrowColumn(t *testing.T) {
	text := `1. Scope. This guidance applies to all regulated
firms that outsource critical or important functions
to cloud service providers located outside the European
Union. Firms should read it together with the
relevant provisions of the Capital Requirements
Directive. It takes effect at once.
Notification
Firms should notify the competent authority.`
	want := []string{
		"1. Scope.",
		"This guidance applies to all regulated firms that outsource critical or important functions to cloud service providers located outside the European Union.",
		"Firms should read it together with the relevant provisions of the Capital Requirements Directive.",
		"It takes effect at once.",
		"Notification",
		"Firms should notify the competent authority.",
	}
	if got := Sentences(text, "en"); !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences:\n got  %q\n want %q", got, want)
	}
}

// A case citation is one sentence: a summary of an opinion broke at
// "Corp." before "v." (read as a list's fifth item) and at a reporter's
// abbreviations ("Cal. App. 4th", "F. Supp. 3d", "S. Ct.", "Cir. 1999",
// "Fed. R. Civ. P."). A company form still ends a sentence before a
// capitalised word, and a lower-case word such as "app." still may.
func TestSentencesCaseCitations(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
	}{
		{"A claim must be plausible. Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 570 (2007). The court agrees.", 3},
		{"A claim is plausible. Ashcroft v. Iqbal, 556 U.S. 662, 678 (2009). Next.", 3},
		{"Kronos, Inc. v. AVX Corp., 81 N.Y.2d 90, 94 (1993). Next.", 2},
		{"See Alice Corp. Pty. Ltd. v. CLS Bank Int'l, 573 U.S. 208, 217 (2014). Next.", 2},
		{"See Ford Motor Co. v. Montana Eighth Judicial Dist. Ct., 592 U.S. 351 (2021). Next.", 2},
		{"See Acme Ltd. v. Beta Co., 12 F. Supp. 3d 45 (S.D.N.Y. 2014). Next.", 2},
		{"Cited in Doe v. Roe, 127 S. Ct. 1955 (2007). Next.", 2},
		{"In People v. Superior Court, 34 Cal. App. 4th 979, 988 (2004). Next.", 2},
		{"Defendant moves under Fed. R. Civ. P. 12(b)(6) to dismiss. See Dkt. No. 27. Next.", 3},
		{"Smith v. Jones, 123 F.3d 456 (9th Cir. 1999). Next.", 2},
		{"He works for Acme Inc. The company is big.", 2},
		{"Download the app. Then sign in. The service starts. iv. Pay the fee. v. Keep the receipt.", 5},
	} {
		if s := Sentences(c.text, English); len(s) != c.n {
			t.Errorf("%d sentences, want %d: %q", len(s), c.n, s)
		}
	}
}

// A key-details table's lines are one fact each: joined, a contract's
// parties, dates and law made one run-on "sentence" that opened its
// summary. A label line followed by prose still joins as before.
func TestFieldLinesAreUnits(t *testing.T) {
	text := "Supplier: Northwind Cloud Services Limited, a company registered in England (No. 08123456)\n" +
		"Customer: Blue Harbor Retail Inc., a Delaware corporation\nGoverning Law: England and Wales\n\n" +
		"Note: the Supplier shall deliver the goods to the warehouse named\nin the order within ten days."
	want := []string{"Supplier: Northwind Cloud Services Limited, a company registered in England (No. 08123456)",
		"Customer: Blue Harbor Retail Inc., a Delaware corporation", "Governing Law: England and Wales",
		"Note: the Supplier shall deliver the goods to the warehouse named in the order within ten days."}
	if got := Sentences(text, English); !slices.Equal(got, want) {
		t.Errorf("sentences %q, want %q", got, want)
	}
}
