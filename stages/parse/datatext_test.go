package parse

import (
	"testing"

	"github.com/docmill/docmill/document"
)

// A table or a JSON document is titled by its file's name: its first line
// is a header row or a brace. Prose whose lines hold commas keeps its
// title line.
func TestDataTextTitledByFileName(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"invoices.csv", "invoice_id,customer,amount,currency,due_date\nINV-001,Acme Ltd,1200.00,EUR,2026-01-31\nINV-002,\"Globex, GmbH\",560.50,EUR,2026-02-15\n", "invoices.csv"},
		{"export.txt", "name, team, room\nalice, payments, 2.01\nbob, search, 3.10\ncarol, payments, 2.01\n", "export.txt"},
		{"rates.csv", "Land;Währung;Kurs\nDeutschland;EUR;1,00\n", "rates.csv"},
		{"settings.json", "{\"service\": \"payments-api\",\n \"replicas\": 3,\n \"database\": {\"host\": \"db.internal\"}}\n", "settings.json"},
		{"ids.txt", "[\"a\", \"b\", \"c\"]", "ids.txt"},
		// prose: a heading with commas over a sentence with as many
		{"memo.txt", "Budget, Staffing, and Travel\n\nThe committee met on Monday, discussed the budget, and agreed the plan.\n", "Budget, Staffing, and Travel"},
		{"terms.txt", "Terms of Sale\nPrices, taxes, and fees are set out below, in euros.\nDelivery, risk, and title pass on shipment, in full.\nPayment, set-off, and interest follow, as agreed.\n", "Terms of Sale"},
		// a brace that opens no JSON document
		{"note.txt", "{draft} Release plan\n\nWe ship on Friday.\n", "{draft} Release plan"},
	} {
		p := mustParse(t, c.name, []byte(c.text))
		if p.Title != c.want {
			t.Errorf("%s: title %q, want %q", c.name, p.Title, c.want)
		}
	}
}

// A table or a JSON document saved as text has its own content type, so
// the analysis reads it as data, not as a log or prose; a table of log
// records stays a log, and prose with commas stays text.
func TestDataTextContentType(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"invoices.csv", "invoice_id,customer,amount,currency,due_date\nINV-001,Acme Ltd,1200.00,EUR,2026-01-31\nINV-002,\"Globex, GmbH\",560.50,EUR,2026-02-15\n", document.TypeCSV},
		{"settings.json", "{\"service\": \"payments-api\",\n \"replicas\": 3}\n", document.TypeJSON},
		{"app.csv", "timestamp,level,service,message\n2026-12-02T10:00:01Z,ERROR,orders,Payment failed for order 17\n2026-12-02T10:00:02Z,INFO,orders,Order 18 created\n2026-12-02T10:00:03Z,WARN,billing,Retrying charge 19\n", document.TypeLog},
		{"memo.txt", "Budget, Staffing, and Travel\n\nThe committee met on Monday, discussed the budget, and agreed the plan.\n", document.TypeText},
		// tabs are kept: normalised, a TSV's rows read as words
		{"staff.tsv", "id\tname\tteam\tstart_date\r\n1\tAlice\tpayments\t2024-01-02\r\n2\tBob\tsearch\t2023-05-06\r\n3\tCarol\tpayments\t2025-07-08\r\n", document.TypeCSV},
		// a price list over its terms is a text that opens with a table
		{"prices.txt", "item,qty,price\nWidget,10,12.50\nGadget,2,150.00\nBolt,100,0.10\n\nPrices are in euros and exclude VAT. Orders above 500 euros ship free of charge.\n", document.TypeText},
	} {
		p := mustParse(t, c.name, []byte(c.text))
		if p.ContentType != c.want {
			t.Errorf("%s: content type %q, want %q", c.name, p.ContentType, c.want)
		}
		if p.IsData() && len(p.Sentences) > 0 {
			t.Errorf("%s: %d sentences in data", c.name, len(p.Sentences))
		}
	}
}

// A data file keeps its layout: a JSON document its indentation, a table
// its tabs.
func TestDataTextKeepsLayout(t *testing.T) {
	for name, text := range map[string]string{
		"settings.json": "{\n  \"service\": \"orders\",\n  \"database\": {\n    \"host\": \"db1\"\n  }\n}",
		"staff.tsv":     "id\tname\tteam\n1\tAlice\tpayments\n2\tBob\tsearch\n3\tCarol\tpayments",
	} {
		if p := mustParse(t, name, []byte(text+"\n")); p.Text != text {
			t.Errorf("%s: text %q, want %q", name, p.Text, text)
		}
	}
}
