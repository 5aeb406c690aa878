package parse

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// furnitureEdge is how many non-blank lines at each end of a page may be
// a running header or footer (a wrapped three-line notice and the page
// number).
const furnitureEdge = 4

// dropPageFurniture removes the running headers and footers of a PDF's
// pages: the lines that open or close a page, up to furnitureEdge and up
// to the first that is not one of them, whose text, page number set aside
// where it goes up with the pages (furnitureKeys), stands among a page's
// first or last furnitureEdge lines on at least three pages in five, and
// on three or more ("Page 3 of 11", "CONFIDENTIAL TREATMENT REQUESTED",
// "Source: ACME CORP, 10-K, 3/1/2019"). Left in,
// they cut through sentences that run across pages, lead summaries and
// come out as key phrases. The first stays, so that nothing a page said is
// lost to search (a signature block repeated on each signature page);
// page numbers alone on their line go wherever two pages have one. Lines
// inside a page are never touched.
func dropPageFurniture(pages []string) []string {
	if len(pages) >= 2 {
		pages = dropOwnPageLabels(pages)
	}
	if len(pages) == 2 {
		return dropTwoPageNumbers(pages)
	}
	if len(pages) < 3 {
		return pages
	}
	split := make([][]string, len(pages))
	count := map[string]int{}
	for n, p := range pages {
		split[n] = strings.Split(p, "\n")
		seen := map[string]bool{}
		for _, i := range append(edge(split[n], 1), edge(split[n], -1)...) {
			same, paged := furnitureKeys(split[n][i], n)
			for _, k := range []string{same, paged} {
				if k != "" && !seen[k] {
					seen[k] = true
					count[k]++
				}
			}
		}
	}
	need := max(3, (len(pages)*3+4)/5)
	once := map[string]bool{}
	out := make([]string, len(pages))
	for n, lines := range split {
		drop := map[int]bool{}
		for _, dir := range []int{1, -1} {
			for _, i := range edge(lines, dir) {
				if _, seen := drop[i]; seen {
					continue // a short page: its head is its foot; kept once stays kept
				}
				if browserPrintRe.MatchString(strings.TrimSpace(lines[i])) {
					drop[i] = true // what a browser prints around each page
					continue
				}
				k, paged := furnitureKeys(lines[i], n)
				if count[paged] > count[k] {
					k = paged
				}
				if k == "#" && count[k] >= 2 {
					// a page's number says nothing a search or a summary
					// needs, and left in it cut a sentence that ran on
					// over the page ("act of God, war, 5 fire"): every one
					// goes, on a document that numbers two pages or more
					drop[i] = true
					continue
				}
				if count[k] < need {
					break
				}
				drop[i] = once[k]
				once[k] = true
			}
		}
		out[n] = withoutLines(lines, drop)
	}
	return out
}

// withoutLines joins the lines of a page that drop does not mark, trimmed
// of blank lines at its ends.
func withoutLines(lines []string, drop map[int]bool) string {
	kept := lines[:0]
	for i, l := range lines {
		if !drop[i] {
			kept = append(kept, l)
		}
	}
	return strings.Trim(strings.Join(kept, "\n"), "\n")
}

// dropOwnPageLabels removes, from each page's top and foot, the running
// lines that name that very page ("Penrose Homes v Thames Valley Builders
// [2024] EWHC 123 (Ch)   Page 2", "Page 3 of 11 - Smith v Jones"):
// their "Page N" is the page's own number (and its "of M" the document's
// count), which no line of content carries by chance. Such a line is
// furniture on its own page, however few pages repeat it: a two-page
// judgment's header on its second page alone stood inside a sentence
// that ran over the break and reached the summary, and a judgment's
// first page, which carries no header, kept a three-page one's below the
// count dropPageFurniture asks for.
func dropOwnPageLabels(pages []string) []string {
	out := make([]string, len(pages))
	for n, p := range pages {
		lines := strings.Split(p, "\n")
		drop := map[int]bool{}
		for _, dir := range []int{1, -1} {
			for _, i := range edge(lines, dir) {
				if !labelsOwnPage(lines[i], n+1, len(pages)) {
					break
				}
				drop[i] = true
			}
		}
		if len(drop) == 0 {
			out[n] = p
			continue
		}
		out[n] = withoutLines(lines, drop)
	}
	return out
}

// ownPageLabelRe is a "Page N" label, with the document's count after it
// ("Page 3 of 11") or not, that opens or closes a line.
var ownPageLabelRe = regexp.MustCompile(`(?i)(?:^|[\s\p{Z}|–—-])page[\s\p{Z}]*(?:(?:no|nr)\.?|number|#)?[\s\p{Z}]*(\d{1,4})(?:[\s\p{Z}]*(?:of|/)[\s\p{Z}]*(\d{1,4}))?[\s\p{Z}]*$|^[\s\p{Z}]*page[\s\p{Z}]*(?:(?:no|nr)\.?|number|#)?[\s\p{Z}]*(\d{1,4})(?:[\s\p{Z}]*(?:of|/)[\s\p{Z}]*(\d{1,4}))?(?:[\s\p{Z}|–—-]|$)`)

// labelsOwnPage says whether line l, on page number (from 1) of count,
// is a running line that names its page: a "Page N" label at one of its
// ends whose N is the page's number and whose count, where it gives one,
// is the document's. A line that opens in lower case or ends a sentence
// is prose that ran on to the page ("... as set out at page 2").
func labelsOwnPage(l string, number, count int) bool {
	t := strings.TrimSpace(l)
	m := ownPageLabelRe.FindStringSubmatch(t)
	if m == nil || sentenceEndRe.MatchString(t) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); unicode.IsLower(r) {
		return false
	}
	n, of := m[1], m[2]
	if n == "" {
		n, of = m[3], m[4]
	}
	if v, _ := strconv.Atoi(n); v != number {
		return false
	}
	if c, err := strconv.Atoi(of); err == nil && c != count {
		return false
	}
	return true
}

// dropTwoPageNumbers is dropPageFurniture for a two-page document, too
// few pages to tell a running line from content: only the page numbers go,
// and only where both pages number themselves at the same edge and the
// second's number follows the first's ("1" and "2" at the foot, "Page 1
// of 2" and "Page 2 of 2"), so that two pages ending on a figure keep
// them. Left in,
// the first page's number cut the sentence that ran on to the second.
func dropTwoPageNumbers(pages []string) []string {
	for _, dir := range []int{1, -1} {
		a, b := pages[0], pages[1]
		ia, na := edgeNumber(strings.Split(a, "\n"), dir)
		ib, nb := edgeNumber(strings.Split(b, "\n"), dir)
		if ia < 0 || ib < 0 || nb != na+1 {
			continue
		}
		return []string{dropLine(a, ia), dropLine(b, ib)}
	}
	return pages
}

// edgeNumber finds the first (dir 1) or last (dir -1) non-blank line of a
// page and, when it only numbers the page, gives its index and number
// (the first of "Page 3 of 11"); the index is -1 otherwise.
func edgeNumber(lines []string, dir int) (int, int) {
	idx := edge(lines, dir)
	if len(idx) == 0 || !pageNumberRe.MatchString(lines[idx[0]]) {
		return -1, 0
	}
	if dir > 0 && bareNumberRe.MatchString(lines[idx[0]]) {
		return -1, 0 // a number alone atop a page may head its first clause
	}
	v, err := strconv.Atoi(firstNumberRe.FindString(lines[idx[0]]))
	if err != nil {
		return -1, 0
	}
	return idx[0], v
}

// bareNumberRe is a line that holds a number and nothing else.
var bareNumberRe = regexp.MustCompile(`^[\s\p{Z}]*\d+[\s\p{Z}]*$`)

// dropLine removes line i of page and the blank lines the cut leaves at
// the page's ends.
func dropLine(page string, i int) string {
	lines := strings.Split(page, "\n")
	return strings.Trim(strings.Join(append(lines[:i:i], lines[i+1:]...), "\n"), "\n")
}

// edge lists the indexes of the first (dir 1) or last (dir -1)
// furnitureEdge non-blank lines, from the page's end inwards.
func edge(lines []string, dir int) []int {
	var idx []int
	i := 0
	if dir < 0 {
		i = len(lines) - 1
	}
	for ; i >= 0 && i < len(lines) && len(idx) < furnitureEdge; i += dir {
		if strings.TrimSpace(lines[i]) != "" {
			idx = append(idx, i)
		}
	}
	return idx
}

// browserPrintRe is a line a browser prints at a page's edge: the date and
// time before the page's title, or the page's address before its number
// ("11/30/26, 6:25 PM Employment Agreement", "file:///home/a/b.html 1/3").
// The date was the document's as far as entities could tell.
var browserPrintRe = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?(?:\s|$)|^(?:file|https?)://\S+\s+\d{1,4}\s*/\s*\d{1,4}$`)

// pageNumberRe is a line that only numbers the page: "3", "- 3 -", "Page 3
// of 11", "Page No. 3", "[3]" (PDFs space them with no-break spaces too).
var pageNumberRe = regexp.MustCompile(`(?i)^[\s\p{Z}\-–—(\[]*(?:page[\s\p{Z}]*(?:(?:no|nr)\.?|number|#)?[\s\p{Z}]*)?\d{1,4}(?:[\s\p{Z}]*(?:of|/)[\s\p{Z}]*\d{1,4})?[\s\p{Z}\-–—)\]]*$`)

// pageNumberInRe is the page's number within a running line: "Page 3",
// "Page 3 of 11", "3 / 11", or a number that opens or closes the line.
var pageNumberInRe = regexp.MustCompile(`(?i)\bpage\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\b|\b\d{1,4}\s*/\s*\d{1,4}\b|^\d{1,4}\s+|\s+\d{1,4}$|(?:^|\s)[-–—]\s?\d{1,4}\s?[-–—](?:\s|$)`)

// furnitureKey is a line lower-cased, spaces collapsed and its page number
// set aside: the same on every page. A line that only numbers the page
// keys as "#"; other lines without a letter (rules, figures) key as "",
// never furniture. Other digits count: lines that differ only in them
// ("Clause 6. ...", a table's rows) are content.
func furnitureKey(l string) string {
	if pageNumberRe.MatchString(l) {
		return "#"
	}
	k := pageNumberInRe.ReplaceAllString(strings.Join(strings.Fields(strings.ToLower(l)), " "), " # ")
	if strings.IndexFunc(k, unicode.IsLetter) < 0 {
		return ""
	}
	return strings.Join(strings.Fields(k), " ")
}

// furnitureKeys keys line l of page n (from 0) twice, as furnitureKey
// with what stood for the page number written out: as it is (same), so
// that a line repeats only where its number does ("Source: ACME, 10-K,
// 3/1/2019"), and less the page's index (paged), so that it repeats where
// the number goes up by one a page, as a page's number does ("ACME 10-K
// 12", "Initials ___ 4"). A number that neither repeats nor follows the
// pages is the page's data, not its number: invoices bound in one PDF
// ("Invoice No. 7026", "Total EUR 4500") lost all but the first page's.
// A number that a label names ("Invoice No. 1041", "Order # 502",
// "Customer ID 13") is the page's data however it goes: invoices
// numbered one up a page lost all but the first page's number as a
// running footer; it keeps its value in both keys. A line that ends a
// sentence is prose, its page number or not ("Body line 3 of page 4."),
// and is keyed only as it is.
func furnitureKeys(l string, n int) (same, paged string) {
	k := furnitureKey(l)
	if k == "" || k == "#" {
		return k, k
	}
	var asIs, less []string
	lower := strings.ToLower(l)
	for _, m := range pageNumberInRe.FindAllStringIndex(lower, -1) {
		at := m[0] + firstNumberRe.FindStringIndex(lower[m[0]:m[1]])[0]
		v, _ := strconv.Atoi(firstNumberRe.FindString(lower[at:]))
		asIs = append(asIs, strconv.Itoa(v))
		if labelled(lower[:at]) {
			less = append(less, strconv.Itoa(v))
		} else {
			less = append(less, strconv.Itoa(v-n))
		}
	}
	if len(asIs) == 0 {
		return k, k
	}
	same = k + " =" + strings.Join(asIs, ",")
	if sentenceEndRe.MatchString(l) {
		return same, same
	}
	return same, k + " +" + strings.Join(less, ",")
}

// fieldLabelRe is the end of a line's text before a number that names
// what the number is ("Invoice No.", "Order #", "Customer ID:",
// "Reference"): a document's number, not the page's.
var fieldLabelRe = regexp.MustCompile(`(?:\b(?:invoice|inv|order|po|receipt|reference|ref|no|nr|number|num|id|account|acct|ticket|case|claim|policy|customer|client|quote|quotation|statement|voucher)\.?|[#№])[\s\p{Z}:.#-]*$`)

// pageLabelRe is a label that names the page's own number ("Page No.",
// "Page #"), which fieldLabelRe would take for a field's.
var pageLabelRe = regexp.MustCompile(`\b(?:page|pg|p)\.?[\s\p{Z}]*(?:no|nr|number|num|#)\.?[\s\p{Z}:.#-]*$`)

// labelled says whether before, a lower-cased line's text up to a number,
// ends in a label that makes the number a field's value.
func labelled(before string) bool {
	return fieldLabelRe.MatchString(before) && !pageLabelRe.MatchString(before)
}

// firstNumberRe is the first number of a page number's match: the page's
// own in "Page 3 of 11".
var firstNumberRe = regexp.MustCompile(`\d+`)

// sentenceEndRe is a line that closes as a sentence does.
var sentenceEndRe = regexp.MustCompile(`[.!?;,]["'”’)\]]*[\s\p{Z}]*$`)

// textPageBreakRe is where a text file's page ends: a form feed (pdftotext
// and printers write one) or four blank lines and more (EDGAR's text
// exhibits, a PDF pasted into a text file).
var textPageBreakRe = regexp.MustCompile(`\f|\n(?:[ \t\p{Z}]*\n){4,}`)

// dropTextFurniture is dropPageFurniture for a text file whose pages its
// breaks show: the running lines ("Source: ACME CORP, 10-K, 3/1/2019",
// "BPC Initials ___ Sanofi Initials ___ 4") are kept once.
func dropTextFurniture(text string) string {
	pages := textPageBreakRe.Split(text, -1)
	if len(pages) < 2 {
		return text
	}
	kept := dropPageFurniture(pages)
	if len(pages) == 2 && kept[0] == pages[0] && kept[1] == pages[1] {
		return text // nothing went: the break stays as written
	}
	return strings.Join(kept, "\n\n")
}

// strayPageNumberRe is a line that holds only a page's number, set off by
// indentation ("   5", "  - 12 -").
var strayPageNumberRe = regexp.MustCompile(`^[ \t\p{Z}]{2,}[-–—]?[ \t\p{Z}]*\d{1,4}[ \t\p{Z}]*[-–—]?[ \t\p{Z}]*$`)

// dropStrayPageNumbers removes the page numbers that a text's layout left
// inside a sentence: an indented number alone on its line between a line
// that ends mid-sentence and one that goes on in lower case ("act of God,
// war,\n   5\nfire, earthquake"). A PDF rendered from a paginated text
// keeps the old pages' numbers inside its own pages, where the running
// footer rule (dropPageFurniture) does not look.
func dropStrayPageNumbers(text string) string {
	if !strings.Contains(text, "  ") {
		return text
	}
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	for i, l := range lines {
		if strayPageNumberRe.MatchString(l) && midSentence(lines, i) {
			continue
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n")
}

// midSentence says whether line i stands between a non-blank line that
// ends without a sentence's stop and one that opens in lower case.
func midSentence(lines []string, i int) bool {
	prev, next := "", ""
	for j := i - 1; j >= 0 && prev == ""; j-- {
		prev = strings.TrimSpace(lines[j])
	}
	for j := i + 1; j < len(lines) && next == ""; j++ {
		next = strings.TrimSpace(lines[j])
	}
	if prev == "" || next == "" || strings.ContainsAny(prev[len(prev)-1:], ".:;!?") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// joinPages joins the texts of a document's pages: with a blank line
// where a page ends a sentence and the next opens a new one, with a line
// break where a sentence runs on across the break. A page's last
// paragraph ran into the next page's first ("...in February
// 2019.\nNotification. Firms should ...") and read as one. Where the
// pages' layout (edges, one a page; nil where unknown) shows that the
// paragraph goes on (see pageEdge), a new sentence after the break stays
// in it.
func joinPages(pages []string, edges []pageEdge) string {
	if len(edges) != len(pages) {
		edges = make([]pageEdge, len(pages))
	}
	var b strings.Builder
	for i, p := range pages {
		if i > 0 {
			b.WriteByte('\n')
			if endsSentence(&b) && opensSentence(p) && !edges[i].runsOnFrom(edges[i-1]) {
				b.WriteByte('\n')
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// opensSentence reports whether text opens as a sentence or a heading
// does: a capital, a figure or an opening bracket or quote.
func opensSentence(text string) bool {
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(text, " \n"))
	return unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("(\"“", first)
}
