package index

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// datedEntities are the entity kinds whose first entity, when its value is
// a full date, is indexed as a datetime field of the same name: a
// contract's dates, searched by range ("expiration_date:<2027-03-01").
var datedEntities = []string{"agreement_date", "effective_date", "expiration_date", "compliance_date"}

// dateTermRe is a query term on a contract date field: an optional
// comparison and a year, a month or a day, quoted or not.
var dateTermRe = regexp.MustCompile(`^([+-]?)(agreement_date|effective_date|expiration_date|compliance_date):(>=|<=|>|<)?"?(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)"?$`)

// dateTerm writes a query term on a date field in the form Bleve's syntax
// reads: a comparison with a year or a month as one with the day that
// starts or ends it ("expiration_date:<=2027" is before 2028-01-01), the
// date quoted (unquoted, "2027-03-01" was a syntax error); a date alone
// stays a quoted value, which rewriteDate turns into its period. Other
// terms are returned as they are.
func dateTerm(t string) string {
	m := dateTermRe.FindStringSubmatch(t)
	if m == nil {
		return t
	}
	sign, field, op, value := m[1], m[2], m[3], m[4]
	start, end, ok := period(value)
	if !ok {
		return t
	}
	switch op {
	case "":
		return sign + field + `:"` + value + `"`
	case ">=":
		return sign + field + `:>="` + start.Format(time.DateOnly) + `"`
	case ">":
		return sign + field + `:>="` + end.Format(time.DateOnly) + `"`
	case "<":
		return sign + field + `:<"` + start.Format(time.DateOnly) + `"`
	default: // <=
		return sign + field + `:<"` + end.Format(time.DateOnly) + `"`
	}
}

// period is the span of days a year ("2027"), month ("2027-3") or day
// ("2027-03-01") covers: [start, end).
func period(v string) (start, end time.Time, ok bool) {
	var n []int
	for _, p := range strings.Split(v, "-") {
		x, err := strconv.Atoi(p)
		if err != nil {
			return start, end, false
		}
		n = append(n, x)
	}
	for len(n) < 3 {
		n = append(n, 1)
	}
	start = time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC)
	if start.Month() != time.Month(n[1]) || start.Day() != n[2] || n[1] < 1 || n[2] < 1 {
		return start, end, false // 2027-02-30, month 13
	}
	switch strings.Count(v, "-") {
	case 0:
		end = start.AddDate(1, 0, 0)
	case 1:
		end = start.AddDate(0, 1, 0)
	default:
		end = start.AddDate(0, 0, 1)
	}
	return start, end, true
}

// rewriteDate turns a value searched in a date field ("expiration_date:
// 2027-03") into the range of days it covers; nil when q is no such
// search.
func rewriteDate(field, value string) query.Query {
	if !slices.Contains(datedEntities, field) {
		return nil
	}
	start, end, ok := period(strings.TrimSpace(value))
	if !ok {
		return nil
	}
	in, out := true, false
	r := bleve.NewDateRangeInclusiveQuery(start, end, &in, &out)
	r.SetField(field)
	return r
}
