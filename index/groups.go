package index

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Bleve's query-string syntax has no grouping: "(indemnification OR
// arbitration) AND Delaware" was read as the words "(indemnification",
// "arbitration)" and "Delaware", and returned more documents than
// "Delaware" alone, the brackets silently ignored. A query with brackets
// that open and close groups is read here as a tree: each group is a
// query of its own, and AND, OR, NOT, + and - apply to groups as to words
// (AND binding tighter than OR). The words of a group are parsed as any
// query is (parsedQuery).

// qitem is a query's word, operator or bracketed group.
type qitem struct {
	text  string  // the word as typed, or AND/OR/NOT; a group's sign ("+", "-" or "")
	group []qitem // the group's items; nil for a word
	field string  // the field a group's words search ("class:(contract OR regulation)")
}

func (it qitem) isGroup() bool { return it.group != nil }

// splitGroups splits q into items, ok only when q needs them: it has a
// group or mixes AND with OR (splitAtOr), and every bracket that opens a
// group closes. A bracket inside a word ("2(a)", "Article 6(1)") is part
// of the word, and so is anything in quotes.
func splitGroups(q string) ([]qitem, bool) {
	items, rest, ok := splitItems([]rune(q), 0)
	return items, ok && rest == len([]rune(q)) && (hasGroup(items) || len(splitAtOr(items)) > 1)
}

// splitItems reads items from r[i:] up to a closing bracket that ends a
// group (returning its index) or the end.
func splitItems(r []rune, i int) (items []qitem, end int, ok bool) {
	var cur strings.Builder
	inner := 0 // brackets opened inside the current word
	quoted := false
	flush := func() {
		if cur.Len() > 0 {
			items = append(items, qitem{text: cur.String()})
			cur.Reset()
		}
		inner = 0
	}
	for ; i < len(r); i++ {
		c := r[i]
		switch {
		case quoted:
			quoted = c != '"' || r[i-1] == '\\'
			cur.WriteRune(c)
		case c == '"':
			quoted = true
			cur.WriteRune(c)
		case unicode.IsSpace(c):
			flush()
		case c == '(' && (cur.Len() == 0 || cur.String() == "+" || cur.String() == "-" || groupField(cur.String()) != ""):
			sign, field := cur.String(), groupField(cur.String())
			if field != "" {
				sign = sign[:len(sign)-len(field)-1]
			}
			cur.Reset()
			group, j, ok := splitItems(r, i+1)
			if !ok || j >= len(r) {
				return nil, 0, false // a group that does not close
			}
			if len(group) > 0 {
				// "()" groups nothing: it matched every document
				items = append(items, qitem{text: sign, group: group, field: field})
			}
			i = j
		case c == '(':
			inner++
			cur.WriteRune(c)
		case c == ')' && inner > 0:
			inner--
			cur.WriteRune(c)
		case c == ')':
			flush()
			return items, i, true
		default:
			cur.WriteRune(c)
		}
	}
	flush()
	return items, i, !quoted
}

// groupField is the field a word before a bracket names ("class:",
// "+party:"), "" when it names none.
func groupField(w string) string {
	name, ok := strings.CutSuffix(strings.TrimLeft(w, "+-"), ":")
	if !ok {
		return ""
	}
	if f, known := queryFields[strings.ToLower(name)]; known {
		return f
	}
	return ""
}

func hasGroup(items []qitem) bool {
	for _, it := range items {
		if it.isGroup() {
			return true
		}
	}
	return false
}

// groupedQuery is the query of items: alternatives at each OR when the
// level mixes AND with OR ("a AND b OR c" is "(a AND b) OR c", AND binding
// tighter as in other search engines).
func (ix *Index) groupedQuery(items []qitem, field string) (query.Query, error) {
	alts := splitAtOr(items)
	if len(alts) == 1 {
		return ix.clauseQuery(items, field)
	}
	d := bleve.NewDisjunctionQuery()
	for _, a := range alts {
		q, err := ix.clauseQuery(a, field)
		if err != nil {
			return nil, err
		}
		d.AddQuery(q)
	}
	return d, nil
}

// splitAtOr splits items at their ORs when they also hold an AND.
func splitAtOr(items []qitem) [][]qitem {
	and, or := false, false
	for _, it := range items {
		and = and || !it.isGroup() && it.text == "AND"
		or = or || !it.isGroup() && it.text == "OR"
	}
	if !and || !or {
		return [][]qitem{items}
	}
	var out [][]qitem
	var cur []qitem
	for _, it := range append(items, qitem{text: "OR"}) {
		if !it.isGroup() && it.text == "OR" {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, it)
	}
	return out
}

// clauseQuery is one level's items as a Boolean query: a word or group
// after NOT or signed "-" must not match, one beside an AND or signed "+"
// must, any other should.
func (ix *Index) clauseQuery(items []qitem, field string) (query.Query, error) {
	var must, should, mustNot []query.Query
	op := func(i int) string {
		if i >= 0 && i < len(items) && !items[i].isGroup() {
			return items[i].text
		}
		return ""
	}
	for i, it := range items {
		if !it.isGroup() && (it.text == "AND" || it.text == "OR" || it.text == "NOT") {
			continue
		}
		sign, q, err := ix.itemQuery(it, field)
		if err != nil {
			return nil, err
		}
		switch {
		case sign == "-" || op(i-1) == "NOT":
			mustNot = append(mustNot, q)
		case sign == "+" || op(i-1) == "AND" || op(i+1) == "AND":
			must = append(must, q)
		default:
			should = append(should, q)
		}
	}
	if len(must) == 0 && len(should) == 0 {
		must = append(must, bleve.NewMatchAllQuery()) // "NOT (a OR b)": everything else
	}
	b := query.NewBooleanQuery(must, should, mustNot)
	if len(must) == 0 {
		b.SetMinShould(1)
	}
	return b, nil
}

// itemQuery is a word's or group's query and its sign; field, when not
// "", is the field of the group the item is in.
func (ix *Index) itemQuery(it qitem, field string) (string, query.Query, error) {
	if it.isGroup() {
		if it.field != "" {
			field = it.field
		}
		q, err := ix.groupedQuery(it.group, field)
		return it.text, q, err
	}
	sign, word := "", it.text
	if strings.HasPrefix(word, "+") || strings.HasPrefix(word, "-") {
		sign, word = word[:1], word[1:]
	}
	if field != "" && groupField(strings.SplitAfterN(word, ":", 2)[0]) == "" {
		word = field + ":" + word
	}
	q, err := ix.parsedQuery(word)
	return sign, q, err
}
