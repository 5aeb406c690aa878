package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
)

// completeNames puts a party's whole name for a key phrase that is a
// piece of it. The Chinese word splitter knows common words, not people:
// 黄嘉欣 came out as 黄嘉, 陳美玲 as 美玲. A party the entity rules found
// (乙方：黄嘉欣) says where the name ends. The name keeps the piece's score
// and place; a second piece of the same name goes.
func completeNames(kws []document.Keyword, ents []document.Entity) []document.Keyword {
	var names []string
	for _, e := range ents {
		if e.Kind == "party" && hanName(e.Text) {
			names = append(names, e.Text)
		}
	}
	if len(names) == 0 {
		return kws
	}
	out := kws[:0:0]
	seen := map[string]bool{}
	for _, k := range kws {
		for _, n := range names {
			if k.Text != n && hanName(k.Text) && strings.Contains(n, k.Text) {
				k.Text = n
				break
			}
		}
		if !seen[k.Text] {
			seen[k.Text] = true
			out = append(out, k)
		}
	}
	return out
}

// hanName reports a person's name as Chinese writes it: two to four Han
// characters.
func hanName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 4 {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
