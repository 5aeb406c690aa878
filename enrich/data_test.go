package enrich

import (
	"context"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// A table or a JSON document is data, in both tiers: class other with
// sub-type other/data, and a summary that says its shape. An orders export
// was log/python_app, summarised as "templates" of its rows.
func TestDataDocument(t *testing.T) {
	orders := "order_id,date,region,customer,product,quantity,unit_price,total\n" +
		"1001,2026-01-03,North,Acme Ltd,Widget A,10,12.50,125.00\n" +
		"1002,2026-01-04,South,Beta GmbH,Widget B,5,20.00,100.00\n" +
		"1003,2026-01-12,North,Gamma Inc,Widget A,7,12.50,87.50\n" +
		"1004,2026-01-07,East,Acme Ltd,Gadget X,2,150.00,300.00\n"
	cases := []struct{ name, ct, text, want string }{
		{"orders.csv", document.TypeCSV, orders,
			`A table of 4 rows and 8 columns: order_id, date, region, customer, product, quantity, unit_price, total. Its "date" column runs from 2026-01-03 to 2026-01-12. Its "quantity" values run from 2 to 10, "unit_price" from 12.50 to 150.00, "total" from 87.50 to 300.00.`},
		{"rates.csv", document.TypeCSV, "Land;Währung;Kurs;Stand\nDeutschland;EUR;1,00;31.12.2025\nSchweiz;CHF;0,94;31.12.2025\n",
			`A table of 2 rows and 4 columns: Land, Währung, Kurs, Stand. Its "Stand" column is 2025-12-31 in every row. Its "Kurs" values run from 0,94 to 1,00.`},
		{"staff.tsv", document.TypeCSV, "id\tname\tteam\n1\tAlice\tpayments\n2\tBob\tsearch\n",
			"A table of 2 rows and 3 columns: id, name, team."},
		{"settings.json", document.TypeJSON, `{"service": "orders", "port": 8080, "database": {"host": "db1"}, "features": ["billing"]}`,
			"A JSON object with 4 keys: service, port, database, features."},
		{"users.json", document.TypeJSON, `[{"id": 1, "name": "Alice"}, {"id": 2, "name": "Bob", "team": "ops"}]`,
			"A JSON array of 2 items. Its objects have the keys id, name, team."},
	}
	free := NewFree(FreeOptions{})
	for tier, an := range map[string]Analyzer{"free": free, "composed": WithFallback(free, NewFree(FreeOptions{}))} {
		for _, c := range cases {
			doc := &document.Parsed{ID: c.name, Filename: c.name, Title: c.name, ContentType: c.ct, Text: c.text, Language: "und"}
			a, err := an.Analyze(context.Background(), doc, Request{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Class != "other" || a.Subtype != "other/data" || a.Log != nil {
				t.Errorf("%s %s: %s/%s, log digest %v", tier, c.name, a.Class, a.Subtype, a.Log != nil)
			}
			if a.Summary != c.want {
				t.Errorf("%s %s: summary\n%q, want\n%q", tier, c.name, a.Summary, c.want)
			}
		}
	}
}

// A table's summary names a dozen columns and counts the rest, and stays
// within the summary budget; a table cut by the analysis budget says its
// row count is a floor.
func TestDataSummaryBounds(t *testing.T) {
	var cols []string
	for i := range 30 {
		cols = append(cols, "column_with_a_long_name_"+strings.Repeat("x", i))
	}
	doc := &document.Parsed{ContentType: document.TypeCSV, Text: strings.Join(cols, ",") + "\n" + strings.Repeat("1,", 29) + "1\n"}
	s := dataSummary(doc, 200)
	if !strings.HasSuffix(s, "…") || len([]rune(s)) > 201 {
		t.Errorf("summary over its budget: %q", s)
	}
	if s := dataSummary(doc, 0); !strings.Contains(s, "and 18 more.") {
		t.Errorf("summary %q does not count the columns it leaves out", s)
	}
	big := "a,b,c\n" + strings.Repeat("1,2,3\n", maxAnalysisBytes/6+10)
	s = dataSummary(&document.Parsed{ContentType: document.TypeCSV, Text: big}, 0)
	if !strings.HasPrefix(s, "A table of at least ") {
		t.Errorf("a clipped table: %q", s)
	}
}

// A column of numeric dates makes a span when their order is known: day
// first when a first number is over 12 or they are written with dots,
// month first when a second number is; a column that could be either
// makes none. A column of numbers gives its range as written, a column of
// identifiers or codes none.
func TestTableShapeDatesAndNumbers(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"day first", "invoice,issued,amount\nA-1,03/01/2026,\"1,250.00\"\nA-2,28/02/2026,$980.50\n",
			`Its "issued" column runs from 2026-01-03 to 2026-02-28. Its "amount" values run from $980.50 to 1,250.00.`},
		{"month first", "shipment,shipped\nS1,12/25/2025\nS2,01/05/2026\n",
			`Its "shipped" column runs from 2025-12-25 to 2026-01-05.`},
		{"either", "ticket,opened\nT1,03/04/2026\nT2,05/06/2026\n", ""},
		{"dotted", "Nr;Datum;Betrag\n1;01.02.2026;1.234,50\n2;15.03.2026;99,90\n",
			`Its "Datum" column runs from 2026-02-01 to 2026-03-15. Its "Betrag" values run from 99,90 to 1.234,50.`},
		{"not a date", "a,b\nx,31.02.2026\ny,01.03.2026\n", ""},
		{"codes", "customerId,zip,Order No,score\n17,02134,5,0.5\n18,94105,6,0.75\n",
			`Its "score" values run from 0.5 to 0.75.`},
		{"mixed", "k,v\na,1\nb,n/a\n", ""},
	}
	for _, c := range cases {
		s := tableShape(c.text, false)
		_, tail, _ := strings.Cut(s, ". Its ")
		if tail != "" {
			tail = "Its " + tail
		}
		if tail != c.want {
			t.Errorf("%s: %q, want %q", c.name, tail, c.want)
		}
	}
}
