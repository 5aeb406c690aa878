package enrich

import (
	"regexp"
	"strings"
)

// An invoice is a form: who bills whom, its number and date, what is due
// and by when stand in labelled fields, and its sentences are the small
// print ("Payment terms: 30 days. Please pay by bank transfer ..."), which
// is all an extractive summary finds. invoiceLead writes the fields as the
// summary's first sentence.

// invoiceFields are the labels of the fields invoiceLead reads, each at the
// start of a line, its value after a colon or a wide gap on the same line,
// or alone on the next line ("Bill To:" above the customer's name).
var invoiceFields = map[string]*regexp.Regexp{
	"number": regexp.MustCompile(`(?im)^[ \t]*(?:tax\s+)?invoice\s+(?:no\.?|number|#)[ \t]*[:#]?[ \t]*([A-Z0-9][\w/.-]{1,40})`),
	"date":   regexp.MustCompile(`(?im)^[ \t]*(?:invoice\s+date|date\s+of\s+issue|issue\s+date)[ \t]*:?[ \t]*([^\n]{4,40}?)[ \t]*$`),
	"due":    regexp.MustCompile(`(?im)^[ \t]*(?:due\s+date|payment\s+due(?:\s+date)?|due\s+by)[ \t]*:?[ \t]*([^\n]{4,40}?)[ \t]*$`),
	"from":   regexp.MustCompile(`(?im)^[ \t]*(?:from|seller|supplier|vendor|issued\s+by)[ \t]*:[ \t]*(?:\n[ \t]*)?([^\n]{2,80}?)[ \t]*$`),
	"to":     regexp.MustCompile(`(?im)^[ \t]*(?:bill(?:ed)?\s+to|invoice\s+to|customer|buyer|sold\s+to)[ \t]*:[ \t]*(?:\n[ \t]*)?([^\n]{2,80}?)[ \t]*$`),
	"total":  regexp.MustCompile(`(?im)^[ \t]*(?:total\s+due|amount\s+due|balance\s+due|total\s+amount(?:\s+due)?|grand\s+total|total)\b[^\n]*?([£€$¥]\s?[\d,]+(?:\.\d{2})?|[\d,]+(?:\.\d{2})?\s?(?:EUR|GBP|USD|CHF))[ \t]*$`),
}

// invoiceLead is the sentence an invoice's fields make ("Invoice
// INV-2025-00412 from Brightwave Design Studio Ltd to Halcyon Travel Ltd,
// dated 28 February 2025: £11,604.00 due by 30 March 2025."), "" when the
// text is no invoice or names neither party nor total.
func invoiceLead(text string) string {
	head := text[:min(len(text), structureHead)]
	if !invoice(head) {
		return ""
	}
	v := map[string]string{}
	for k, re := range invoiceFields {
		var all [][]string
		if k == "total" {
			all = re.FindAllStringSubmatch(head, -1) // the last total is the one due
		} else if m := re.FindStringSubmatch(head); m != nil {
			all = [][]string{m}
		}
		if len(all) > 0 {
			v[k] = strings.TrimRight(strings.TrimSpace(all[len(all)-1][1]), ",;")
		}
	}
	if v["from"] == "" && v["to"] == "" && v["total"] == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("Invoice")
	for _, p := range [][2]string{{" ", "number"}, {" from ", "from"}, {" to ", "to"}, {", dated ", "date"}} {
		if v[p[1]] != "" {
			b.WriteString(p[0] + v[p[1]])
		}
	}
	switch {
	case v["total"] != "" && v["due"] != "":
		b.WriteString(": " + v["total"] + " due by " + v["due"])
	case v["total"] != "":
		b.WriteString(": " + v["total"] + " due")
	case v["due"] != "":
		b.WriteString(", due by " + v["due"])
	}
	return b.String() + "."
}
