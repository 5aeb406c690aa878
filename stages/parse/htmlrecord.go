package parse

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageRecord returns what an intranet or policy page says of itself as a
// record: when it was last reviewed or updated and who owns it ("Last
// reviewed: 3 March 2025 · Owner: HR Operations"). Sites print this in the
// footer, which is left out of the text with the site's links; a records
// manager still needs the review date and the owner, and they describe the
// page rather than being its words, so they go to Meta ("reviewed",
// "updated", "owner") next to an e-mail's "from" and "date", not into the
// text or the entities that enrichment finds in it. Nil when the page says
// neither.
func pageRecord(doc *html.Node) map[string]string {
	meta := map[string]string{}
	for _, line := range bodyLines(doc) {
		recordLine(strings.Join(strings.Fields(line), " "), meta)
	}
	if len(meta) == 0 {
		return nil
	}
	return meta
}

// recordLine adds to meta the review or update date and the owner that
// line t states, where meta has none yet: the first one on the page wins.
func recordLine(t string, meta map[string]string) {
	for _, m := range recordDateRe.FindAllStringSubmatch(t, -1) {
		key := "updated"
		if strings.Contains(strings.ToLower(m[1]), "review") {
			key = "reviewed"
		}
		if _, ok := meta[key]; !ok {
			meta[key] = m[2]
		}
	}
	if _, ok := meta["owner"]; ok {
		return
	}
	if m := recordOwnerRe.FindStringSubmatch(t); m != nil {
		if owner := recordOwner(m[1]); owner != "" {
			meta["owner"] = owner
		}
	}
}

// bodyLines is the text of the document's <body>, chrome included (the
// footer is where the record line is), one line per block so that a
// footer's owner does not run on into its links ("People Team Sitemap").
func bodyLines(doc *html.Node) []string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && skipped[n.DataAtom] && n.DataAtom != atom.Nav:
			return // script, style, <head>: no words a reader sees
		}
		block := n.Type == html.ElementNode && (paraBlocks[n.DataAtom] || lineBlocks[n.DataAtom] ||
			n.DataAtom == atom.Td || n.DataAtom == atom.Th)
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	rec(doc)
	return strings.Split(b.String(), "\n")
}

// recordDateRe is a page's review or update line and its date, written
// out ("3 March 2025", "March 3, 2025") or in figures ("2025-03-03",
// "03/03/2025").
var recordDateRe = regexp.MustCompile(`(?i)\b((?:(?:page|content|policy|document) )?(?:last )?(?:reviewed|updated|modified|review date|date of (?:last )?review))(?: on)?\s*[:\-–]?\s*` +
	`(\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}|` +
	`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|` +
	`\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b`)

// recordOwnerRe is a page's owner line: "Owner: HR Operations", "Page
// owner: ...", "Maintained by ...". The colon keeps a sentence about an
// owner ("the owner of the data must ...") out.
var recordOwnerRe = regexp.MustCompile(`(?i)\b(?:(?:page|content|policy|document|information) )?(?:owner|maintained by|owned by)\s*:\s*(.{2,120})`)

// recordOwnerEndRe is where an owner's name ends: the footer's next
// statement after a separator, or its next label.
var recordOwnerEndRe = regexp.MustCompile(`(?i)\s*(?:[·|•;]|\s[-–]\s|\.(?:\s|$)|©|\(c\)|\b(?:last |page |content )?(?:reviewed|updated|modified|review date|contact|copyright|privacy|version)\b)`)

// recordOwner cuts the owner's name from the text after its label.
func recordOwner(s string) string {
	if loc := recordOwnerEndRe.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	s = strings.TrimSpace(strings.TrimRight(s, ",: "))
	if len(strings.Fields(s)) > 8 {
		return "" // a sentence, not a team's or a person's name
	}
	return s
}
