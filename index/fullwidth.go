package index

import (
	"strings"
	"unicode"
)

// A Chinese or Japanese input method types the query syntax in full width:
// "class：contract" (U+FF1A), "＋合同 －北京", "＂保密 协议＂", “保密 协议” or
// 「保密 协议」 for a phrase, "amount：＞＝１０００" and U+3000 between words.
// Bleve's syntax has only the ASCII forms, and zhSeparator reads the colon
// and the CJK quotes as punctuation that parts words, so "class：contract"
// searched the words class and contract. asciiSyntax writes these forms in
// ASCII where they stand as syntax, once, before anything reads the query.

// asciiSyntax writes the full-width forms of the query syntax in q in
// ASCII where they act as syntax: the ideographic space and ＂ always (as
// the ASCII space and quote, which they stand for), ＋ and － at a word's
// start, the colon after a field's name ("注意：付款" names no field and
// stays the words 注意 and 付款), a comparison and a date's hyphens in a
// field's value, and a pair of CJK quotes around words. Anything in ASCII
// quotes is text and stays as typed.
func asciiSyntax(q string) string {
	if len(q) > MaxQueryBytes {
		return q // refused as it is (textQuery), unread
	}
	r := []rune(strings.Map(func(c rune) rune {
		switch c {
		case '\u3000':
			return ' '
		case '＂':
			return '"'
		}
		return c
	}, q))
	quoted := false
	starts := make([]bool, len(r)) // whether r[i] begins a term
	for i := 0; i < len(r); i++ {
		starts[i] = termStart(r, i, starts)
		switch {
		case r[i] == '\\':
			i++ // an escaped character is text
		case r[i] == '"':
			quoted = !quoted
		case quoted || !starts[i]:
		case (r[i] == '＋' || r[i] == '－') && i+1 < len(r) && !unicode.IsSpace(r[i+1]):
			// a sign; one standing alone is a dash, as "-" alone is
			r[i] -= 0xFEE0
		case cjkQuotes[r[i]] != 0:
			if j := closingQuote(r, i); j > 0 {
				r[i], r[j], i = '"', '"', j
			}
		default:
			asciiField(r, i)
		}
	}
	return symbolOperators(string(r))
}

// symbolOperators writes "&&" and "||" standing as words outside quotes
// as AND and OR, as other search engines take them: the query parser
// has neither and dropped them, so "indemnify && Delaware" found the
// documents with either word.
func symbolOperators(q string) string {
	if !strings.Contains(q, "&&") && !strings.Contains(q, "||") {
		return q
	}
	var b strings.Builder
	quoted := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\\' && i+1 < len(q):
			b.WriteString(q[i : i+2])
			i++
			continue
		case c == '"':
			quoted = !quoted
		case !quoted && (c == '&' || c == '|') && i+1 < len(q) && q[i+1] == c && alone(q, i, i+2):
			b.WriteString(map[byte]string{'&': "AND", '|': "OR"}[c])
			i++
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// alone reports whether q[i:j] stands between spaces or the query's ends.
func alone(q string, i, j int) bool {
	return (i == 0 || q[i-1] == ' ') && (j == len(q) || q[j] == ' ')
}

// cjkQuotes are the opening quotation marks of Chinese and Japanese text,
// with their closing ones.
var cjkQuotes = map[rune]rune{'“': '”', '「': '」', '『': '』'}

// termStart reports whether r[i] begins a query term: the query's first
// character, one after a space or an opening bracket, after a term's sign,
// or after a field's colon ("party:“北京 华信”"); starts says it for the
// characters before r[i] (so that a long run of signs costs no more than
// its length).
func termStart(r []rune, i int, starts []bool) bool {
	if i == 0 {
		return true
	}
	switch p := r[i-1]; {
	case unicode.IsSpace(p), p == '(':
		return true
	case p == '+' || p == '-':
		return starts[i-1]
	case p == ':':
		return fieldColon(r, i-1, starts)
	}
	return false
}

// closingQuote is the index of the mark closing the CJK quote at r[i],
// when the pair encloses a phrase as Bleve's quotes do: the mark ends a
// term and no ASCII quote comes between. -1 otherwise: a quote inside a
// pasted sentence ("合同约定“不可抗力”条款") stays punctuation that parts
// words, as before.
func closingQuote(r []rune, i int) int {
	for j := i + 1; j < len(r); j++ {
		switch r[j] {
		case '"':
			return -1
		case cjkQuotes[r[i]]:
			if j == i+1 || j+1 < len(r) && !unicode.IsSpace(r[j+1]) && r[j+1] != ')' {
				return -1
			}
			return j
		}
	}
	return -1
}

// asciiField writes a field's name that starts at r[i], its colon and the
// syntax of its value in ASCII, when the name is a field's
// ("ｃｌａｓｓ：contract", "amount：＞＝１０００",
// "effective_date：２０２４－０１") and a value follows the colon; a
// colon after other words is text.
func asciiField(r []rune, i int) {
	j := i
	for j < len(r) && nameRune(asciiRune(r[j])) {
		j++
	}
	if j == i || j+1 >= len(r) || r[j] != '：' && r[j] != ':' || unicode.IsSpace(r[j+1]) {
		return
	}
	if _, ok := queryFields[strings.ToLower(string(asciiRunes(r[i:j])))]; !ok {
		return
	}
	copy(r[i:j], asciiRunes(r[i:j]))
	r[j] = ':'
	v := j + 1
	if c := asciiRune(r[v]); c == '>' || c == '<' {
		r[v], v = c, v+1
		if v < len(r) && asciiRune(r[v]) == '=' {
			r[v], v = '=', v+1
		}
	}
	// a date's or a number's separators between its digits ("２０２４－０１－３１")
	for k := v; k < len(r) && (unicode.IsDigit(r[k]) || k > v && (r[k] == '－' || r[k] == '．')); k++ {
		if !unicode.IsDigit(r[k]) && unicode.IsDigit(r[k-1]) && k+1 < len(r) && unicode.IsDigit(r[k+1]) {
			r[k] -= 0xFEE0
		}
	}
}

// fieldColon reports whether the colon r[colon] follows a term that is a
// field's name.
func fieldColon(r []rune, colon int, starts []bool) bool {
	i := colon
	for i > 0 && nameRune(r[i-1]) {
		i--
	}
	_, ok := queryFields[strings.ToLower(string(r[i:colon]))]
	return ok && starts[i]
}

// nameRune reports whether c may be part of a field's name.
func nameRune(c rune) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// asciiRune is c's ASCII form when c is a full-width one (U+FF01 to
// U+FF5E), else c.
func asciiRune(c rune) rune {
	if c >= '！' && c <= '～' {
		return c - 0xFEE0
	}
	return c
}

// asciiRunes is r with its full-width forms in ASCII.
func asciiRunes(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[i] = asciiRune(c)
	}
	return out
}
