package enrich

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
)

// parsedText is text as the parser hands it on.
func parsedText(text string) *document.Parsed {
	l := lang.Detect(text)
	return &document.Parsed{ID: document.ID([]byte(text)), Filename: "t.txt", ContentType: document.TypeText, Text: text, Language: l, Sentences: lang.Sentences(text, l), Size: len(text)}
}

// An invoice's summary opens with its fields: who bills whom, its number
// and date, what is due and by when; a text that is no invoice gets no
// such sentence.
func TestInvoiceLead(t *testing.T) {
	colons := "INVOICE\n\nInvoice No.: INV-2025-00412\nInvoice Date: 28 February 2025\nDue Date: 30 March 2025\n\n" +
		"From:\nBrightwave Design Studio Ltd\nUnit 7, The Old Mill, Leeds LS1 4AP\n\nBill To:\nHalcyon Travel Ltd\n3 Queen Square, Bristol\n\n" +
		"Description   Qty   Rate   Amount\nWebsite redesign   1   £1,800.00   £1,800.00\n\nSubtotal   £9,670.00\nVAT @ 20%   £1,934.00\nTotal Due   £11,604.00\n\n" +
		"Payment terms: 30 days. Please pay by bank transfer.\n"
	same := "Tax Invoice\nInvoice number: 2291\nIssue date: 2025-05-02\nBill to: Quay Supplies Limited\nQty  Item  Price\n3  Widget  $20.00\nSubtotal $60.00\nAmount due: $60.00\n"
	for _, c := range []struct{ text, want string }{
		{colons, "Invoice INV-2025-00412 from Brightwave Design Studio Ltd to Halcyon Travel Ltd, dated 28 February 2025: £11,604.00 due by 30 March 2025."},
		{same, "Invoice 2291 to Quay Supplies Limited, dated 2025-05-02: $60.00 due."},
		{"SERVICES AGREEMENT\nInvoices. The Supplier shall invoice monthly.\nInvoice number\nDue date\nSubtotal\n", ""},
	} {
		if got := invoiceLead(c.text); got != c.want {
			t.Errorf("invoiceLead:\n got %q\nwant %q", got, c.want)
		}
	}
	f := NewFree(FreeOptions{})
	a, err := f.Analyze(t.Context(), parsedText(colons), Request{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Class != "other" || !strings.HasPrefix(a.Summary, "Invoice INV-2025-00412 from Brightwave") || !strings.Contains(a.Summary, "Payment terms") {
		t.Errorf("class %s, summary %q", a.Class, a.Summary)
	}
}
