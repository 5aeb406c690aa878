package index

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/docmill/docmill/enrich/entities"
)

// withAmounts adds to a parsed query string query, as should-clauses, the
// amount field's value of each sum of money its plain text names
// (¥25000, 25000元, $25,000, 25,000 USD, 人民币贰万伍仟元): the text
// matches only a sum written as typed, where the amount field holds every
// money entity normalised however its document wrote it (addEntities).
// Should-clauses keep the text match and what the query requires: beside a
// required clause they only rank, so "+class:contract ¥25000" stays
// contracts. A query without a sum of money is left as parsed.
func withAmounts(q query.Query, text string) query.Query {
	b, ok := q.(*query.BooleanQuery)
	if !ok {
		return q
	}
	for _, m := range queryAmounts(text) {
		b.AddShould(amountQuery(m))
	}
	for _, n := range bareNumbers(text) {
		b.AddShould(bareAmountQuery(n))
	}
	return q
}

// bareNumberRe is a number typed alone, of four digits or more, without
// separators or a currency: 48500, +1200000.
var bareNumberRe = regexp.MustCompile(`(?:^|\s)\+?(\d{4,12})(?:\s|$)`)

// bareNumbers are the numbers a query types alone, leaving out excluded
// ones. A sum is written "USD 48,500" or "1,200,000": the text holds
// "48,500", so "48500" found nothing, though "amount:48500" would have.
func bareNumbers(text string) []float64 {
	text = excludedRe.ReplaceAllString(text, " ")
	var out []float64
	for _, m := range bareNumberRe.FindAllStringSubmatch(" "+text+" ", -1) {
		if v, err := strconv.ParseFloat(m[1], 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// bareAmountQuery finds the documents with a sum of n in any currency.
func bareAmountQuery(n float64) query.Query {
	in := true
	r := bleve.NewNumericRangeInclusiveQuery(&n, &n, &in, &in)
	r.SetField("amount")
	return r
}

// money is a sum of money as the amount and currency fields hold it.
type money struct {
	currency string
	amount   float64
}

// queryAmounts reads the sums of money of a query's text as the entity
// rules read a document's, leaving out excluded words ("-$500", "NOT
// ¥500"), which an amount clause would find instead.
func queryAmounts(text string) []money {
	// the rules cost a few hundred microseconds a query; a sum has a
	// digit, a currency sign or a Chinese currency word (元, 人民币)
	if !strings.ContainsAny(text, "0123456789$€£¥￥元圆币") {
		return nil
	}
	var out []money
	for _, e := range entities.Extract(excludedRe.ReplaceAllString(text, " "), "") {
		if e.Kind != entities.KindMoney {
			continue
		}
		if cur, v, ok := moneyValue(e.Value); ok {
			out = append(out, money{cur, v})
		}
	}
	return out
}

// excludedRe is a query's excluded clause: -word, NOT word, a quoted
// phrase after either.
var excludedRe = regexp.MustCompile(`(?:^|\s)(?:-|NOT\s+)(?:"[^"]*"|\S+)`)

// amountQuery finds the documents with a sum of m's amount and a sum in
// m's currency: 25000元 is no $25,000. The fields are lists, so a
// document with ¥25,000 and $100 matches $25,000 too; its text rarely
// writes it as typed, and the query's text match still ranks the rest.
func amountQuery(m money) query.Query {
	in := true
	r := bleve.NewNumericRangeInclusiveQuery(&m.amount, &m.amount, &in, &in)
	r.SetField("amount")
	c := bleve.NewMatchQuery(m.currency)
	c.SetField("currency")
	return bleve.NewConjunctionQuery(r, c)
}
