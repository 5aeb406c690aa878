package index

import (
	"regexp"
	"strings"
)

// numberTermRe is a number field's value written with thousands
// separators, as contracts and registers write sums: amount:>=1,000,000.
var numberTermRe = regexp.MustCompile(`^([+-]?)([\pL_]+):([<>]=?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?)$`)

// numberTerm writes a number field's value without its thousands
// separators: "amount:>=1,000,000" was a syntax error whose hint said to
// quote the value, and "amount:1,500,000" matched nothing. Other terms
// are returned as they are.
func numberTerm(t string) string {
	m := numberTermRe.FindStringSubmatch(t)
	if m == nil || !numberField(m[2]) {
		return t
	}
	return m[1] + m[2] + ":" + m[3] + strings.ReplaceAll(m[4], ",", "")
}

// numberField reports whether name is a field of numbers (amount, pages).
func numberField(name string) bool {
	for _, f := range Fields {
		if f.Name == name && f.Kind == "number" {
			return true
		}
	}
	return false
}
