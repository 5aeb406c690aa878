package lang

import (
	"strings"
	"unicode"
)

// FoldKey is the form under which names that differ only in case and
// spacing are one: lower case, runs of spaces (and control characters) as
// one space, without surrounding spaces or trailing ".,;:" ("ACME  CORP."
// and "Acme Corp" are "acme corp"). Only trailing punctuation goes: a name
// ends with "Inc." or "Corp." in one contract and without the point in the
// next, while inner points are part of it ("S.A.", "U.K."). The index
// groups facet values by it, and the log template registry sources, so
// that what search shows as one source has one template history.
func FoldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRight(b.String(), " .,;:")
}
