package parse

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/internal/testpdf"
)

// Running headers and footers (a two-line notice) are kept once, page
// numbers not at all; body lines, repeated or not, and an edge line on
// fewer than half of the pages stay; two pages are too few to tell.
func TestDropPageFurniture(t *testing.T) {
	var pages []string
	for i := 1; i <= 6; i++ {
		body := fmt.Sprintf("Clause %d. The Supplier shall deliver the goods\nby the date in Schedule %d.", i, i)
		if i%2 == 0 {
			body += "\nThe Buyer shall pay within thirty days." // in the body of three pages
		}
		if i == 2 {
			body = "8.03,\n" + body // a clause number at the top of one page
		}
		pages = append(pages, "ACME CORP - CONFIDENTIAL\n\n"+body+
			"\n[***] Confidential treatment has been requested for the bracketed portions\nand filed separately with the Commission.\n\u00a0 -"+fmt.Sprint(i)+"-")
	}
	text := strings.Join(dropPageFurniture(pages), "\n")
	for line, want := range map[string]int{
		"ACME CORP - CONFIDENTIAL": 1,
		"[***] Confidential treatment has been requested for the bracketed portions": 1,
		"and filed separately with the Commission.":                                  1,
		"\u00a0 -1-": 0,
		"\u00a0 -4-": 0,
		"8.03,":      1,
		"The Buyer shall pay within thirty days.":        3,
		"Clause 6. The Supplier shall deliver the goods": 1,
	} {
		if got := strings.Count("\n"+text+"\n", "\n"+line+"\n"); got != want {
			t.Errorf("%q %d times, want %d:\n%s", line, got, want, text)
		}
	}
	two := strings.Join(dropPageFurniture(pages[:2]), "\n")
	if want := strings.ReplaceAll(strings.Join(pages[:2], "\n"), "\n\u00a0 -1-", ""); strings.ReplaceAll(want, "\n\u00a0 -2-", "") != two {
		t.Errorf("two pages: want only the page numbers gone, got:\n%s", two)
	}
}

// Two pages are too few to tell a running line from content, but their
// numbers, going up by one at the same edge, are page numbers; two pages
// that end on figures, or that open on a clause's number, keep them.
func TestDropTwoPageNumbers(t *testing.T) {
	for _, c := range []struct {
		pages []string
		want  string
	}{
		{[]string{"The Supplier shall deliver, subject to force majeure (act of God,\n\n1", "war, fire) and the Buyer shall pay.\n\n2"},
			"The Supplier shall deliver, subject to force majeure (act of God,\nwar, fire) and the Buyer shall pay."},
		{[]string{"Page 1 of 2\nTerms of sale.", "Page 2 of 2\nGoverning law."}, "Terms of sale.\nGoverning law."},
		{[]string{"Total units\n1500", "Total units carried\n1500"}, "Total units\n1500\nTotal units carried\n1500"},
		{[]string{"Q1 revenue\n41", "Q2 revenue\n40"}, "Q1 revenue\n41\nQ2 revenue\n40"},
		{[]string{"1\nDefinitions apply.", "2\nPayment is due."}, "1\nDefinitions apply.\n2\nPayment is due."},
	} {
		if got := strings.Join(dropPageFurniture(c.pages), "\n"); got != c.want {
			t.Errorf("%q:\ngot  %q\nwant %q", c.pages, got, c.want)
		}
	}
}

// A CUAD contract's running notice, on each of its 16 pages, comes out of
// the parser once, beside the contract: its words are no key phrase.
func TestPDFRunningHeaderOnce(t *testing.T) {
	p := cuadPDF(t, "cuad-042")
	if n := strings.Count(p.Text, "CONFIDENTIAL TREATMENT REQUESTED"); n != 0 {
		t.Errorf("running notice %d times in the text, want 0", n)
	}
	if n := strings.Count(p.Aside, "CONFIDENTIAL TREATMENT REQUESTED"); n != 1 {
		t.Errorf("running notice %d times in the aside, want 1: %q", n, p.Aside)
	}
}

// cuadPDF parses CUAD's PDF of contract id (skipping without the
// dataset).
func cuadPDF(t *testing.T, id string) *document.Parsed {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(datasets.Require(t, "cuad_contracts"), "pdf", id+".pdf"))
	if err != nil {
		t.Skipf("no %s.pdf: %v", id, err)
	}
	p, err := Parse(context.Background(), Input{Filename: id + ".pdf", Data: data}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A PDF whose every page shows the same one line keeps it once: the line
// is both the head and the foot of its page, and taking it as furniture
// from both ends dropped the copy that is kept, so the PDF had no text
// (sent to OCR, or dead-lettered without it).
func TestPDFSamePagesKeptOnce(t *testing.T) {
	const n = 6
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>"}
	var kids []string
	for i := 0; i < n; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 4+2*i))
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i := 0; i < n; i++ {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			"<< /Length %d >>stream\nBT /F1 12 Tf 72 720 Td (Six identical pages: a lease between Foo and Bar.) Tj ET\nendstream")
	}
	p, err := Parse(context.Background(), Input{Filename: "same.pdf", Data: testpdf.Build(objs...)}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if p.Text != "Six identical pages: a lease between Foo and Bar." || p.Pages != n {
		t.Errorf("text %q of %d pages", p.Text, p.Pages)
	}
}

// A text file's pages, as its page breaks show them (EDGAR's text
// exhibits leave four blank lines and more), lose their running lines but
// the first: "Source: ..." and a form's initials line were key phrases
// and a title.
func TestTextFurniture(t *testing.T) {
	var b strings.Builder
	for n := 1; n <= 4; n++ {
		fmt.Fprintf(&b, "Clause %d. The Supplier shall deliver lot %d.\n\nBPC Initials ___ Sanofi Initials ___ %d\n\n\n\n\n\nSource: ACME CORP, 10-K, 3/1/2019\n", n, n, n)
	}
	p, err := Parse(context.Background(), Input{Filename: "exhibit.txt", Data: []byte(b.String())}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	// (EDGAR's footer is in the aside, setAsideLegends)
	for line, want := range map[string]int{"Source: ACME CORP": 0, "BPC Initials": 1, "The Supplier shall deliver lot": 4} {
		if got := strings.Count(p.Text, line); got != want {
			t.Errorf("%q %d times, want %d:\n%s", line, got, want, p.Text)
		}
	}
	if strings.Count(p.Aside, "Filing: Source: ACME CORP, 10-K, 3/1/2019") != 1 {
		t.Errorf("aside %q", p.Aside)
	}
	// without page breaks a text's repeated lines are its own
	same := strings.Repeat("Source: ACME CORP, 10-K, 3/1/2019\nThe Supplier shall deliver.\n\n", 4)
	if got := dropTextFurniture(same); got != same {
		t.Errorf("a text without page breaks changed:\n%s", got)
	}
}

// pdftotext's two pages, a form feed between them: the page numbers go,
// and two pages without numbers keep their break as written.
func TestTwoTextPagesNumbers(t *testing.T) {
	in := "Terms of sale.\n\n- 1 -\n\fGoverning law.\n\n- 2 -\n"
	if got := dropTextFurniture(in); strings.Contains(got, "- 1 -") || strings.Contains(got, "- 2 -") || !strings.Contains(got, "Governing law.") {
		t.Errorf("page numbers kept:\n%q", got)
	}
	plain := "Terms of sale.\n\fGoverning law.\n"
	if got := dropTextFurniture(plain); got != plain {
		t.Errorf("two pages without numbers changed: %q", got)
	}
}

// A page number that a paginated text left inside a sentence goes; a
// number that is content (a list's, a table's, after a full stop) stays.
func TestDropStrayPageNumbers(t *testing.T) {
	in := "delayed by reason of any act of God, war,\n   5\nfire, earthquake or strike.\n   6\nThe Customer shall pay:\n  12\nunits in total, and\n7\nmore later."
	want := "delayed by reason of any act of God, war,\nfire, earthquake or strike.\n   6\nThe Customer shall pay:\n  12\nunits in total, and\n7\nmore later."
	if got := dropStrayPageNumbers(in); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	p := mustParse(t, "paged.txt", []byte("The Supplier is excused for any act of God, war,\n\n     5\n\nfire or flood.\n"))
	if strings.Contains(p.Text, "5") {
		t.Errorf("text %q", p.Text)
	}
}

// What a browser prints around each page (the date and time with the
// title, the address with the page's number) goes from every page, the
// first too: its date was taken for the document's.
func TestBrowserPrintFurniture(t *testing.T) {
	var pages []string
	for i := 1; i <= 3; i++ {
		pages = append(pages, fmt.Sprintf("Clause %d. The Employee shall work.\n11/30/26, 6:25 PM Employment Agreement - Cobalt Health\nfile:///tmp/gen/employment.html %d/3", i, i))
	}
	text := strings.Join(dropPageFurniture(pages), "\n")
	if strings.Contains(text, "11/30/26") || strings.Contains(text, "file://") || !strings.Contains(text, "Clause 3.") {
		t.Errorf("text:\n%s", text)
	}
}

// Invoices bound one to a page keep each page's number and total: they
// differ from page to page by more than a page's number does. A running
// line whose number goes up with the pages still goes but once, and one
// that reads as a sentence stays on every page ("Body line 3 of page 4.").
func TestFurnitureKeepsPageData(t *testing.T) {
	var pages []string
	totals := []int{120, 4500, 780, 9999, 35}
	for i, inv := range []int{7013, 7026, 7039, 7052, 7065} {
		pages = append(pages, fmt.Sprintf("ACME Supplies Ltd\nInvoice No. %d\nCustomer: C%d\nGoods supplied under the order.\nTotal EUR %d\nACME Supplies Ltd report %d\nPage %d of 5", inv, i, totals[i], i+3, i+1))
	}
	text := "\n" + strings.Join(dropPageFurniture(pages), "\n") + "\n"
	for line, want := range map[string]int{
		"Invoice No. 7026": 1, "Invoice No. 7065": 1, "Total EUR 35": 1,
		"ACME Supplies Ltd": 1, "ACME Supplies Ltd report 3": 1, "ACME Supplies Ltd report 4": 0, "Page 2 of 5": 0,
	} {
		if got := strings.Count(text, "\n"+line+"\n"); got != want {
			t.Errorf("%q %d times, want %d:\n%s", line, got, want, text)
		}
	}
	var b strings.Builder
	for n := 1; n <= 5; n++ {
		fmt.Fprintf(&b, "ACME Corp Confidential\nBody line 0 of page %d.\nBody line 1 of page %d.\nPage %d of 5\f", n, n, n)
	}
	got := dropTextFurniture(b.String())
	if strings.Count(got, "Body line") != 10 || strings.Count(got, "ACME Corp Confidential") != 1 || strings.Contains(got, "of 5") {
		t.Errorf("form-feed pages:\n%s", got)
	}
}

// A word a soft hyphen broke at a line's end is one word again
// ("interdepart‐ mental" in chromium's PDFs); a typed hyphen stays, as in
// "well-\nestablished".
func TestPDFSoftHyphenJoined(t *testing.T) {
	p, err := Parse(context.Background(), Input{Filename: "hy.pdf", Data: testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
		"<< /Length %d >>stream\nBT /F1 12 Tf 72 720 Td (Our interdepart \xad) Tj 0 -14 Td (mental offices are well-) Tj 0 -14 Td (established here.) Tj ET\nendstream",
	)}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if want := "Our interdepartmental offices are well-\nestablished here."; p.Text != want {
		t.Errorf("text %q, want %q", p.Text, want)
	}
	if got := joinSoftHyphens("retention \u2010\nschedule, Acme \u2010\nACME"); got != "retentionschedule, Acme \u2010\nACME" {
		t.Errorf("U+2010: %q", got)
	}
}

// Invoices numbered one up a page, bound in one PDF, keep every page's
// number: "Invoice No. 1041" on page 1, "No. 1042" on page 2 went up with
// the pages as a page number does, and all but the first went as a
// running footer. A number that a label names (invoice, order, no., #,
// ID) is the page's data; the page's own number still goes however it is
// written.
func TestPDFFurnitureKeepsLabelledNumbers(t *testing.T) {
	fields := []struct {
		format string
		first  int
	}{{"Invoice No. %d", 1041}, {"Order # %d", 501}, {"Customer ID %d", 12}, {"Reference %d", 88}}
	for _, foot := range []string{"Page %d", "Page %d of 5", "%d / 5", "- %d -", "%d", "Page No. %d"} {
		var pages [][]string
		for i := 0; i < 5; i++ {
			lines := []string{"ACME Supplies Ltd"}
			for _, f := range fields[:2] {
				lines = append(lines, fmt.Sprintf(f.format, f.first+i))
			}
			lines = append(lines, fmt.Sprintf("Item %d: paper, %d reams.", i, 3+i), "Delivered to the main office.", "Payable within thirty days.")
			for _, f := range fields[2:] {
				lines = append(lines, fmt.Sprintf(f.format, f.first+i))
			}
			pages = append(pages, append(lines, fmt.Sprintf(foot, i+1)))
		}
		p := mustParse(t, "invoices.pdf", pagedPDF(pages))
		text := "\n" + p.Text + "\n"
		for i := 0; i < 5; i++ {
			for _, f := range fields {
				if l := fmt.Sprintf(f.format, f.first+i); !strings.Contains(text, "\n"+l+"\n") {
					t.Errorf("footer %q: %q lost:\n%s", foot, l, p.Text)
				}
			}
			if l := fmt.Sprintf(foot, i+1); strings.Contains(text, "\n"+l+"\n") {
				t.Errorf("page number %q kept:\n%s", l, p.Text)
			}
		}
		if n := strings.Count(text, "\nACME Supplies Ltd\n"); n != 1 {
			t.Errorf("footer %q: running header %d times, want 1:\n%s", foot, n, p.Text)
		}
	}
}

// pagedPDF is a PDF whose pages show lines (ASCII) in Helvetica, one a
// line, as testpdf.Text does for one page.
func pagedPDF(pages [][]string) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>"}
	var kids []string
	for i := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", 4+2*i))
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	for i, lines := range pages {
		var c strings.Builder
		c.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
		for _, l := range lines {
			fmt.Fprintf(&c, "(%s) Tj T*\n", esc.Replace(l))
		}
		c.WriteString("ET")
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			"<< /Length %d >>stream\n"+c.String()+"\nendstream")
	}
	return testpdf.Build(objs...)
}

// A two-page PDF's page numbers leave its text, and the sentence that ran
// over the page reads on; before, "1" stood inside it.
func TestTwoPagePDFNumbers(t *testing.T) {
	pdf := pagedPDF([][]string{
		{"SERVICES AGREEMENT", "Neither party is liable for delay caused by act of God,", "", "", "", "1"},
		{"war, fire or flood.", "This Agreement is governed by the laws of England.", "", "", "", "2"},
	})
	p, err := Parse(context.Background(), Input{Filename: "two.pdf", Data: pdf}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(p.Text, "\n") {
		if l = strings.TrimSpace(l); l == "1" || l == "2" {
			t.Errorf("page number %q left in the text:\n%s", l, p.Text)
		}
	}
	if !strings.Contains(p.Text, "act of God,") || !strings.Contains(p.Text, "laws of England.") {
		t.Errorf("body lost:\n%s", p.Text)
	}
}

// A judgment's running header that names its own page ("... [2024] EWHC
// 123 (Ch)   Page 2") leaves the text on a two-page PDF, where it stands
// on the second page alone, and on a three-page one whose first page
// carries none; it stood inside the sentence that ran over the break
// and reached the summary. A sentence that ends "at page 2." stays.
func TestRunningHeaderNamingItsPage(t *testing.T) {
	const header = "Penrose Homes v Thames Valley Builders [2024] EWHC 123 (Ch)   Page %d"
	first := []string{"IN THE HIGH COURT OF JUSTICE", "JUDGMENT", "1. The claimant says the foundations were laid"}
	for _, pages := range [][][]string{
		{first, {fmt.Sprintf(header, 2), "in breach of the building contract.", "2. The claim succeeds."}},
		{first, {fmt.Sprintf(header, 2), "in breach of the building contract.", "2. The claim succeeds in part"},
			{fmt.Sprintf(header, 3), "and the counterclaim fails, as set out at page 3."}},
	} {
		p := mustParse(t, "judgment.pdf", pagedPDF(pages))
		if strings.Contains(p.Text, "Thames Valley Builders") {
			t.Errorf("%d pages: running header kept:\n%s", len(pages), p.Text)
		}
		if !strings.Contains(p.Text, "foundations were laid\nin breach") || len(pages) == 3 && !strings.Contains(p.Text, "as set out at page 3.") {
			t.Errorf("%d pages: body lost or still cut:\n%s", len(pages), p.Text)
		}
	}
}
