package parse

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/testpdf"
)

// A heading drawn letter by letter with tracking keeps its words apart:
// every gap in it was over the word-gap threshold, so it came out as
// "S E R V I C E A G R E E M E N T", its word gaps lost among the
// letters'. In a letter-spaced line a word gap is one wider than the
// line's own gap between letters; lines set as usual, and a row of
// spaced digits, stay as they were.
func TestPDFLetterSpacedHeading(t *testing.T) {
	// spaced draws words letter by letter, track thousandths of an em
	// apart, with a word gap of gap thousandths (a space glyph drawn
	// where space is true).
	spaced := func(track, gap int, space bool, words ...string) string {
		var b strings.Builder
		b.WriteString("[")
		for w, word := range words {
			if w > 0 {
				if space {
					fmt.Fprintf(&b, " -%d ( )", track)
				}
				fmt.Fprintf(&b, " -%d", gap)
			}
			for i, c := range word {
				if i > 0 {
					fmt.Fprintf(&b, " -%d", track)
				}
				fmt.Fprintf(&b, " (%c)", c)
			}
		}
		return b.String() + " ] TJ"
	}
	lines := []struct{ draw, want string }{
		{spaced(300, 900, false, "SERVICE", "AGREEMENT"), "SERVICE AGREEMENT"},
		{spaced(500, 1300, false, "MASTER", "SERVICES", "AGREEMENT"), "MASTER SERVICES AGREEMENT"},
		{spaced(250, 250, true, "ARTICLE", "12"), "ARTICLE 12"},
		{spaced(200, 600, false, "Schedule", "of", "Fees"), "Schedule of Fees"},
		// set as usual: one string, or glyph by glyph without tracking
		{"(The parties agree as follows.) Tj", "The parties agree as follows."},
		{spaced(0, 280, false, "Net", "thirty", "days"), "Net thirty days"},
		// a row of figures is not a word
		{spaced(300, 300, false, "1", "2", "3", "4", "5"), "1 2 3 4 5"},
	}
	var content strings.Builder
	content.WriteString("BT /F1 18 Tf 72 720 Td 30 TL\n")
	var want []string
	for _, l := range lines {
		fmt.Fprintf(&content, "%s T*\n", l.draw)
		want = append(want, l.want)
	}
	content.WriteString("ET")
	p := mustParse(t, "spaced.pdf", testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Length %d >>stream\n"+content.String()+"\nendstream",
	))
	got := strings.Split(p.Text, "\n")
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Errorf("line %d: got %q, want %q\n%s", i, strings.Join(got[min(i, len(got)):min(i+1, len(got))], ""), w, p.Text)
		}
	}
}

// TestPDFWrongStreamLength: a content stream whose /Length is too short
// was read only that far, and the rest of the page's text was lost
// without a word; one too long read the next objects as content. The
// length is now measured to the stream's "endstream", as pdf.js and
// poppler do, with the cross-reference table intact (where the true
// length fits the digits of the wrong one) or rebuilt.
func TestPDFWrongStreamLength(t *testing.T) {
	// under 100 bytes: a short length of two digits can be mended in place
	const content = "BT /F1 12 Tf 72 700 Td (Pay rent monthly.) Tj 0 -14 Td (Either may end this lease.) Tj ET"
	pdfWith := func(length string) []byte {
		return testpdf.Build(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
			"<< /Length "+length+" >>stream\n"+content+"\nendstream",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		)
	}
	brokenXref := func(data []byte) []byte {
		i := bytes.LastIndex(data, []byte("startxref"))
		return append(append([]byte{}, data[:i]...), "startxref\n999999\n%%EOF\n"...)
	}
	for name, data := range map[string][]byte{
		"too short":              pdfWith("40"),
		"too long":               pdfWith("5000"),
		"too short, broken xref": brokenXref(pdfWith("9")),
		"too long, broken xref":  brokenXref(pdfWith("123456")),
		"right, broken xref":     brokenXref(pdfWith("%d")),
	} {
		p, err := Parse(t.Context(), Input{Filename: "lease.pdf", Data: data}, DefaultLimits())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !strings.Contains(p.Text, "rent monthly") || !strings.Contains(p.Text, "end this lease") {
			t.Errorf("%s: text %q", name, p.Text)
		}
	}
}

// A PDF whose /Title names a file or an address, as Word's and the
// browsers' "Print to PDF" set it, takes its title from its text; a real
// /Title stays, with Word's "Microsoft Word - " taken off.
func TestPDFTitleNamingAFile(t *testing.T) {
	doc := func(title string) []byte {
		return testpdf.BuildTrailer("/Info 6 0 R ",
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
			"<< /Length %d >>stream\nBT /F1 12 Tf 72 720 Td 14 TL (MASTER SERVICES AGREEMENT) Tj T* (This Agreement is made on 3 June 2024.) Tj ET\nendstream",
			"<< /Title ("+title+") >>")
	}
	for title, want := range map[string]string{
		"contract.html":                      "MASTER SERVICES AGREEMENT",
		"file:///C:/exports/msa.htm":         "MASTER SERVICES AGREEMENT",
		"Microsoft Word - MSA_v3_final.docx": "MASTER SERVICES AGREEMENT",
		"Microsoft Word - Supply Agreement":  "Supply Agreement",
		"Northwind Master Services":          "Northwind Master Services",
	} {
		if p := mustParse(t, "msa.pdf", doc(title)); p.Title != want {
			t.Errorf("/Title %q: title %q, want %q", title, p.Title, want)
		}
	}
}

// A page's paragraphs are told apart by its own line spacing: a browser's
// 1em margin or Word's "8 pt after" puts them about 1.9 font sizes apart,
// under the fixed 2.6 that made every heading and paragraph of a PDF
// printed from Chromium run together. Lines of one paragraph stay joined,
// and a page with too few lines to tell keeps the fixed rule.
func TestLayoutRunsParagraphsBySpacing(t *testing.T) {
	const size, line, para = 12.0, 13.8, 25.8
	y := 800.0
	var runs []glyphRun
	add := func(s string, advance float64) {
		y -= advance
		runs = append(runs, glyphRun{s: s, x: 72, y: y, w: 6 * float64(len(s)), size: size})
	}
	add("1. Definitions", 0)
	add("Affiliate means any entity that controls, is controlled by, or is under", para)
	add("common control with a party.", line)
	add("2. Fees", para)
	add("The Customer pays the fees in Schedule 2 within thirty days of each", para)
	add("invoice, without set-off or deduction, in pounds sterling, by bank", line)
	add("transfer to the account the Supplier names.", line)
	add("3. Term", para)
	add("This Agreement starts on the Effective Date and lasts 24 months", para)
	add("unless terminated earlier under clause 9.", line)
	add("4. Governing Law", para)
	add("This Agreement is governed by the laws of England and Wales.", para)
	got := layoutRuns(runs)
	want := "1. Definitions\n\nAffiliate means any entity that controls, is controlled by, or is under\ncommon control with a party.\n\n2. Fees\n\n" +
		"The Customer pays the fees in Schedule 2 within thirty days of each\ninvoice, without set-off or deduction, in pounds sterling, by bank\ntransfer to the account the Supplier names.\n\n3. Term\n\n" +
		"This Agreement starts on the Effective Date and lasts 24 months\nunless terminated earlier under clause 9.\n\n4. Governing Law\n\n" +
		"This Agreement is governed by the laws of England and Wales."
	if got != want {
		t.Errorf("layout:\n%s\nwant:\n%s", got, want)
	}
	if few := layoutRuns(runs[:4]); strings.Contains(few, "\n\n") {
		t.Errorf("four lines, too few to tell the spacing, got paragraphs: %q", few)
	}
}

// A paragraph that runs from the foot of one column to the head of the
// next is one paragraph: the jump up the page made a blank line in the
// middle of its sentence ("a clear description of the" / "outsourced
// function"), and the sentence came out as two. A column that ends its
// paragraph before the jump still gets its blank line.
func TestPDFParagraphAcrossColumns(t *testing.T) {
	col := func(x, y int, lines ...string) string {
		// lines 12 points apart, paragraphs ("" between them) 18
		var b strings.Builder
		for _, l := range lines {
			if l == "" {
				y -= 6
				continue
			}
			fmt.Fprintf(&b, "1 0 0 1 %d %d Tm (%s) Tj\n", x, y, l)
			y -= 12
		}
		return b.String()
	}
	content := "BT /F1 10 Tf\n" +
		col(72, 700, "4. Contractual requirements. The written",
			"agreement should set out a clear description",
			"of the start date and end date, the financial",
			"obligations of the parties, the location of the",
			"data and a clear description of the") +
		col(320, 700, "outsourced function and the governing law.", "",
			"5. Access and audit rights. Firms should ensure",
			"full access to the service provider's premises,",
			"systems and data for its auditors.", "",
			"6. Exit strategies. Firms should have tested",
			"exit strategies for critical functions.") +
		col(72, 500, "7. Notification. Firms should notify the",
			"competent authority in a timely manner.") + "ET"
	p := mustParse(t, "columns.pdf", testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Length %d >>stream\n"+content+"\nendstream",
	))
	paras := strings.Split(strings.TrimSpace(p.Text), "\n\n")
	want := []string{"4. Contractual", "5. Access", "6. Exit", "7. Notification"}
	for i, w := range want {
		if i >= len(paras) || !strings.HasPrefix(paras[i], w) {
			t.Fatalf("paragraph %d should start %q; text:\n%s", i+1, w, p.Text)
		}
	}
	if !strings.Contains(paras[0], "description of the\noutsourced function") {
		t.Errorf("paragraph split at the column break:\n%s", p.Text)
	}
	if len(paras) != len(want) {
		t.Errorf("%d paragraphs, want %d:\n%s", len(paras), len(want), p.Text)
	}
}

// A superscript stays on its line, and a footnote's mark after a word is
// left out. Word raises a mark by a third of the size in two thirds of
// it, over half the mark's own size: that started a new line in the
// middle of a sentence ("statement of work" / "1 in a professional"), and
// a browser's smaller raise glued the mark on ("work1", "strategies.2").
// A power keeps a caret ("10^6", not "106"), an ordinal its letters; the
// footnote at the foot of the page keeps its number, in the aside.
func TestPDFSuperscripts(t *testing.T) {
	content := `BT /F1 12 Tf 1 0 0 1 72 700 Tm (Provider shall perform the services in each statement of work) Tj
/F1 7 Tf 5 Ts (1) Tj 0 Ts /F1 12 Tf ( in a workmanlike manner.) Tj
1 0 0 1 72 686 Tm (It has the exit strategies.) Tj /F1 10 Tf 3 Ts (2) Tj 0 Ts /F1 12 Tf ( The fee is 10) Tj /F1 8 Tf 4 Ts (6) Tj 0 Ts /F1 12 Tf ( dollars) Tj
1 0 0 1 72 679 Tm (or 10) Tj /F1 8 Tf 4 Ts (-7) Tj 0 Ts /F1 12 Tf ( of it, a) Tj /F1 8 Tf 4 Ts (2) Tj 0 Ts /F1 12 Tf ( + b) Tj /F1 8 Tf 4 Ts (2) Tj 0 Ts
1 0 0 1 72 672 Tm (from the 1) Tj /F1 8 Tf 4 Ts (st) Tj 0 Ts /F1 12 Tf ( day.) Tj
1 0 0 1 72 100 Tm /F1 9 Tf (1 A statement of work is effective only when signed.) Tj ET`
	p := mustParse(t, "sup.pdf", onePagePDF(content))
	want := "Provider shall perform the services in each statement of work in a workmanlike manner.\n" +
		"It has the exit strategies. The fee is 10^6 dollars\nor 10^-7 of it, a^2 + b^2\nfrom the 1st day."
	if got := strings.TrimSpace(p.Text); got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
	if want := "Footnote 1: A statement of work is effective only when signed."; p.Aside != want {
		t.Errorf("aside %q, want %q", p.Aside, want)
	}
}

// A footnote's mark set small on the baseline, not raised, is left out
// after a word or its stop as a raised one is: it read "the claimant's
// case 1 is that" and "break clause2." in the text and the summary. A
// figure in the body's size stays, and so does a small one after a figure.
func TestPDFBaselineFootnoteMarks(t *testing.T) {
	content := `BT /F1 12 Tf 1 0 0 1 72 700 Tm (1. The claimant's case) Tj /F1 7 Tf ( 1) Tj /F1 12 Tf ( is that the lease was forfeited.) Tj
1 0 0 1 72 686 Tm (2. The defendant relies on the break clause) Tj /F1 7 Tf (2) Tj /F1 12 Tf (. Notice was served on issue 3 of 4.) Tj
1 0 0 1 72 672 Tm (It paid 10) Tj /F1 7 Tf (5) Tj /F1 12 Tf ( units.) Tj
1 0 0 1 72 100 Tm /F1 8 Tf (1 See the particulars of claim.) Tj 1 0 0 1 72 90 Tm (2 Clause 7.3 of the lease.) Tj ET`
	p := mustParse(t, "marks.pdf", onePagePDF(content))
	want := "1. The claimant's case is that the lease was forfeited.\n2. The defendant relies on the break clause. Notice was served on issue 3 of 4.\nIt paid 105 units."
	if got := strings.TrimSpace(p.Text); got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
}

// A heading in a larger size is a paragraph of its own on both sides. The
// advance to it was measured in its own size: Word's 8 points after an
// 11-point paragraph then fell under the page's paragraph spacing, and
// "1. Definitions" (13 points) ran on from the paragraph above it.
func TestPDFLargerHeadingParagraph(t *testing.T) {
	var b strings.Builder
	y := 740.0
	line := func(size float64, s string, after float64) {
		fmt.Fprintf(&b, "BT /F1 %g Tf 1 0 0 1 72 %.1f Tm (%s) Tj ET\n", size, y, s)
		y -= size*1.22 + after
	}
	body := func(lines ...string) {
		for i, l := range lines {
			after := 0.0
			if i == len(lines)-1 {
				after = 8
			}
			line(11, l, after)
		}
	}
	body("This Confidentiality Agreement is made on 4 May 2022 between Globex",
		"Corporation and Initech Limited in connection with the proposed",
		"acquisition of the share capital of Initrode Limited.")
	line(13, "1. Definitions", 4)
	body("In this Agreement the following words have the meanings given to",
		"them below, unless the context requires otherwise, and the",
		"definitions apply to the recitals as well.")
	line(13, "2. Confidentiality", 4)
	body("Each party shall keep the Confidential Information secret and shall",
		"not disclose it to any person other than its Representatives.")
	p := mustParse(t, "heading.pdf", onePagePDF(b.String()))
	paras := strings.Split(strings.TrimSpace(p.Text), "\n\n")
	want := []string{"This Confidentiality", "1. Definitions", "In this Agreement", "2. Confidentiality", "Each party"}
	if len(paras) != len(want) {
		t.Fatalf("%d paragraphs, want %d:\n%s", len(paras), len(want), p.Text)
	}
	for i, w := range want {
		if !strings.HasPrefix(paras[i], w) {
			t.Errorf("paragraph %d should start %q:\n%s", i+1, w, p.Text)
		}
	}
}

// A double-spaced court filing marks its paragraphs by a first-line
// indent alone: its lines are as far apart as its paragraphs, and the
// whole filing came out as one paragraph. An indented line after one that
// ends a sentence now starts a paragraph; a wrapped line at the margin
// does not, even after a stop.
func TestPDFIndentedParagraphs(t *testing.T) {
	paras := [][]string{
		{"Plaintiff Jane Doe respectfully moves this Court for an order",
			"compelling Defendant Northwind Holdings, Inc. to produce the",
			"documents requested in her First Set of Requests for Production."},
		{"On January 12, 2023, Plaintiff served her requests. Defendant",
			"responded on February 13, 2023 with boilerplate objections.",
			"Defendant produced no documents."},
		{"Federal Rule of Civil Procedure 26(b)(1) permits discovery of any",
			"nonprivileged matter that is relevant to any party's claim."},
	}
	var b strings.Builder
	b.WriteString("BT /F1 12 Tf\n")
	y := 700
	var want []string
	for _, p := range paras {
		for i, l := range p {
			x := 72
			if i == 0 {
				x = 108
			}
			fmt.Fprintf(&b, "1 0 0 1 %d %d Tm (%s) Tj\n", x, y, l)
			y -= 24
		}
		want = append(want, strings.Join(p, "\n"))
	}
	b.WriteString("ET")
	p := mustParse(t, "filing.pdf", onePagePDF(b.String()))
	if got := strings.TrimSpace(p.Text); got != strings.Join(want, "\n\n") {
		t.Errorf("text\n%s\nwant\n%s", got, strings.Join(want, "\n\n"))
	}
}

// A table's cells, each drawn apart in its column, are " | " separated
// as the HTML and DOCX parsers write them: joined by a space, a vendor
// contract's fee table gave key phrases across two columns ("Managed
// hosting USD", "Service Monthly fee"). A list item's number before its
// hanging-indented text, and words set apart by a justified line's wide
// spaces, stay joined by a space.
func TestPDFTableCellsSeparated(t *testing.T) {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf\n")
	y := 700
	row := func(cells ...string) {
		for i, c := range cells {
			fmt.Fprintf(&b, "1 0 0 1 %d %d Tm (%s) Tj\n", 72+190*i, y, c)
		}
		y -= 15
	}
	row("Service", "Monthly fee", "Setup charge")
	row("Managed hosting", "USD 12,000", "USD 5,000")
	row("Data backup", "USD 3,500", "None")
	// a hanging indent after a clause's number
	fmt.Fprintf(&b, "1 0 0 1 72 %d Tm ((a)) Tj 1 0 0 1 108 %d Tm (any vendor contract for hosting services.) Tj\n", y, y)
	y -= 15
	// a justified line: its words drawn one by one, a size apart
	fmt.Fprintf(&b, "1 0 0 1 72 %d Tm (Fees) Tj 1 0 0 1 107 %d Tm (are) Tj 1 0 0 1 136 %d Tm (due) Tj\n", y, y, y)
	b.WriteString("ET")
	p := mustParse(t, "fees.pdf", onePagePDF(b.String()))
	want := "Service | Monthly fee | Setup charge\nManaged hosting | USD 12,000 | USD 5,000\nData backup | USD 3,500 | None\n" +
		"(a) any vendor contract for hosting services.\nFees are due"
	if got := strings.TrimSpace(p.Text); got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
}

// A page with too few lines to measure its own paragraph spacing (a
// contract's last page, a cover letter) is laid out with what the
// document's other pages measured: with the fixed 2.6 sizes its
// paragraphs, Word's 8 points apart, ran together. A document no page of
// which could measure keeps the fixed rule.
func TestPDFShortPageParagraphs(t *testing.T) {
	const lead, after = 13.4, 8.0
	page := func(paras ...[]string) string {
		var b strings.Builder
		b.WriteString("BT /F1 11 Tf\n")
		y := 740.0
		for _, p := range paras {
			for _, l := range p {
				fmt.Fprintf(&b, "1 0 0 1 72 %.1f Tm (%s) Tj\n", y, l)
				y -= lead
			}
			y -= after
		}
		return b.String() + "ET"
	}
	full := page(
		[]string{"The Supplier shall provide the hosting services described in", "Schedule 1 with reasonable skill and care."},
		[]string{"The Customer shall pay the fees within thirty days of the", "date of each invoice, without set-off or deduction."},
		[]string{"Either party may terminate this Agreement on ninety days", "written notice to the other party."},
		[]string{"Each party shall keep the other party's Confidential", "Information secret during the term and for five years after."},
		[]string{"This Agreement is governed by the laws of England and Wales."},
	)
	last := page(
		[]string{"The Supplier may not assign this Agreement without the", "Customer's prior written consent."},
		[]string{"This Agreement may be signed in counterparts."},
	)
	pdfOf := func(contents ...string) []byte {
		objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
		var kids []string
		for _, c := range contents {
			n := len(objs) + 1
			objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", n+1, n+2),
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
				"<< /Length %d >>stream\n"+c+"\nendstream")
			kids = append(kids, fmt.Sprintf("%d 0 R", n))
		}
		objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
		return testpdf.Build(objs...)
	}
	p := mustParse(t, "contract.pdf", pdfOf(full, last))
	if !strings.Contains(p.Text, "consent.\n\nThis Agreement may be signed") {
		t.Errorf("the last page's paragraphs ran together:\n%s", p.Text)
	}
	if !strings.Contains(p.Text, "without the\nCustomer's prior") {
		t.Errorf("a paragraph of the last page split:\n%s", p.Text)
	}
	alone := mustParse(t, "letter.pdf", pdfOf(last))
	if strings.Contains(alone.Text, "\n\n") {
		t.Errorf("a short document alone has nothing to measure, got paragraphs:\n%s", alone.Text)
	}
}

// A centred heading set as close as a paragraph's lines is a paragraph of
// its own: "PART 1 INTRODUCTION" ran into the indented paragraph after
// it, and a paragraph into the centred heading after it. Lines of a
// paragraph stay joined, and centred lines that are no heading (a
// diagram's "Beliefs" / "and" / "Motivation") stay as they were.
func TestPDFCentredHeading(t *testing.T) {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf\n")
	y := 700.0
	line := func(x float64, s string) {
		fmt.Fprintf(&b, "1 0 0 1 %.1f %.1f Tm (%s) Tj\n", x, y, s)
		y -= 13.4
	}
	line(250, "PART 1 INTRODUCTION")
	line(90, "This guidance sets out what the regulator expects of firms that")
	line(72, "outsource critical or important functions to cloud providers.")
	line(90, "Firms remain responsible for their obligations when they")
	line(72, "outsource, and the board must approve the outsourcing policy.")
	line(240, "Governance and oversight")
	line(90, "The board should review the policy at least once a year.")
	line(72, "Senior managers should own each outsourcing arrangement.")
	line(260, "Normative Beliefs")
	line(296, "and")
	line(72, "Motivation to Comply with the policy of the firm in every")
	b.WriteString("ET")
	p := mustParse(t, "guidance.pdf", onePagePDF(b.String()))
	want := "PART 1 INTRODUCTION\n\n" +
		"This guidance sets out what the regulator expects of firms that\noutsource critical or important functions to cloud providers.\n\n" +
		"Firms remain responsible for their obligations when they\noutsource, and the board must approve the outsourcing policy.\n\n" +
		"Governance and oversight\n\n" +
		"The board should review the policy at least once a year.\nSenior managers should own each outsourcing arrangement.\n\n" +
		"Normative Beliefs\nand\nMotivation to Comply with the policy of the firm in every"
	if got := strings.TrimSpace(p.Text); got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
}

// A party's footnote mark raised after its name is left out as a
// figure's is: LaTeX and Word set "Corporation∗" with the mathematical
// asterisk (U+2217), which the parser kept, and "Northwind Cloud
// Corporation∗" was the contract's party and key phrase. The footnote at
// the foot of the page keeps its mark.
func TestPDFAsteriskFootnoteMark(t *testing.T) {
	content := `BT /F1 12 Tf 1 0 0 1 72 700 Tm (Agreement between Northwind Cloud Corporation) Tj
/F2 8 Tf 4 Ts (*) Tj 0 Ts /F1 12 Tf ( and Contoso Bank plc) Tj /F1 8 Tf 4 Ts (\206) Tj 0 Ts /F1 12 Tf (, the parties.) Tj
1 0 0 1 72 100 Tm /F2 9 Tf (*) Tj /F1 9 Tf ( Formerly Northwind Hosting Inc.) Tj ET`
	p := mustParse(t, "marks.pdf", testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
		"<< /Length %d >>stream\n"+content+"\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding /Differences [42 /asteriskmath] >> >>",
	))
	want := "Agreement between Northwind Cloud Corporation and Contoso Bank plc, the parties.\n\n∗ Formerly Northwind Hosting Inc."
	if got := strings.TrimSpace(p.Text); got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
}

// A PDF printed from a text file draws each line as one run in Courier,
// its columns set apart by spaces: the two parties of a signature block
// ("CENTRACK INTERNATIONAL, INC.            I-ON INTERACTIVE, INC.") are
// two cells, as they are when drawn apart, not one name once the spaces
// collapse. A sentence's two spaces, a clause number's hanging indent
// and a justified line's wider spaces (even spread wide on a short last
// line) stay spaces.
func TestPDFSpacedColumnsInOneRun(t *testing.T) {
	lines := []string{
		"Either party may terminate this Agreement.  Notice must be written.",
		"1.    Definitions.  In this   Agreement   the   terms   below   apply.",
		"CENTRACK INTERNATIONAL, INC.            I-ON INTERACTIVE, INC.",
		"By: /s/ JOHN J. LOFQUIST                By: /s/ ANNA TALERICO",
		"for     the     third     week     of    July    this    year.",
	}
	var b strings.Builder
	b.WriteString("BT /F1 7 Tf\n")
	for i, l := range lines {
		fmt.Fprintf(&b, "1 0 0 1 72 %d Tm (%s) Tj\n", 700-10*i, l)
	}
	b.WriteString("ET")
	p := mustParse(t, "signed.pdf", testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
		"<< /Length %d >>stream\n"+b.String()+"\nendstream",
	))
	want := "Either party may terminate this Agreement. Notice must be written.\n" +
		"1. Definitions. In this Agreement the terms below apply.\n" +
		"CENTRACK INTERNATIONAL, INC. | I-ON INTERACTIVE, INC.\n" +
		"By: /s/ JOHN J. LOFQUIST | By: /s/ ANNA TALERICO\n" +
		"for the third week of July this year."
	if got := strings.TrimSpace(p.Text); got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
}

// A form's value that wraps, or stands on the line under its label,
// starts in the column of the values beside the other labels, far right
// of the margin as a centred heading does: the centred-heading rule set
// "Doe & Roe LLP" and "March 3, 2024" apart with blank lines, splitting
// the form's entries. A line that starts in a column of the page's cells
// is no centred heading.
func TestPDFFormValuesNoCentredHeading(t *testing.T) {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf\n")
	y := 700.0
	line := func(cells ...any) {
		for i := 0; i < len(cells); i += 2 {
			fmt.Fprintf(&b, "1 0 0 1 %d %.1f Tm (%s) Tj\n", cells[i], y, cells[i+1])
		}
		y -= 13.4
	}
	line(72, "NOTICE OF APPEARANCE AND DESIGNATION OF COUNSEL")
	line(72, "Case number:", 220, "2:23-cv-01234")
	line(72, "Party represented:", 220, "Northwind Holdings, Inc.")
	line(72, "Counsel:", 220, "Jane Doe, Esq.")
	line(220, "Doe & Roe LLP")
	line(220, "12 Elm Street, Springfield")
	line(72, "Telephone:", 220, "(555) 123-4567")
	line(72, "Date of appearance:")
	line(220, "March 3, 2024")
	b.WriteString("ET")
	p := mustParse(t, "form.pdf", onePagePDF(b.String()))
	want := "NOTICE OF APPEARANCE AND DESIGNATION OF COUNSEL\nCase number: | 2:23-cv-01234\nParty represented: | Northwind Holdings, Inc.\n" +
		"Counsel: | Jane Doe, Esq.\nDoe & Roe LLP\n12 Elm Street, Springfield\nTelephone: | (555) 123-4567\nDate of appearance:\nMarch 3, 2024"
	if got := strings.TrimSpace(p.Text); got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
}
