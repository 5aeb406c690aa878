package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/docmill/docmill/lang"
)

// rewrite adjusts a parsed query to how TextAnalyzer indexed the text
// (the caller has walked it out of the query string):
//
//   - A term that analyses into several tokens is a phrase of them. One
//     word as typed ("non-compete", "AT&T", 控制器, which becomes the
//     bigrams 控制 制器) was searched as any of its pieces: "控制器 NOT
//     仿真" returned documents with 控制 alone, none with 控制器.
//   - A single Chinese character also finds the bigrams it is part of,
//     and so does one at either end of a phrase: the text's "3月1日起"
//     holds the bigram 日起 where the query "3月1日" ends in 日 alone.
//   - Wildcards, prefixes and regular expressions are matched against
//     indexed terms, which are lower case and stemmed: the pattern is
//     lower-cased, and a trailing-star prefix also matches the stem of its
//     literal part ("terminat*" found 2 of 238 documents; the index holds
//     "termin").
//   - A year, month or day searched in a contract date field
//     ("expiration_date:2027-03") is the range of days it covers.
//   - Values of the lower-cased keyword fields (class, keywords, ...; party,
//     governing law and sub-type where folded) are lower-cased:
//     "keywords:\"Confidential Information\"" found nothing.
//
// lowered says which keyword fields the index holds in lower case; dict
// (may be nil) lists the terms the index holds (termDict).
func rewrite(q query.Query, an analysis.Analyzer, lowered func(string) bool, dict termDict) query.Query {
	switch t := q.(type) {
	case *query.BooleanQuery:
		for _, c := range []query.Query{t.Must, t.Should, t.MustNot, t.Filter} {
			rewrite(c, an, lowered, dict)
		}
	case *query.ConjunctionQuery:
		for i, c := range t.Conjuncts {
			t.Conjuncts[i] = rewrite(c, an, lowered, dict)
		}
	case *query.DisjunctionQuery:
		for i, c := range t.Disjuncts {
			t.Disjuncts[i] = rewrite(c, an, lowered, dict)
		}
	case *query.MatchQuery:
		if d := rewriteDate(t.FieldVal, t.Match); d != nil {
			return d
		}
		return withVariants(t.FieldVal, t.Match, func(text string) query.Query {
			c := *t
			c.Match = text
			return rewriteMatch(&c, an, lowered, dict)
		})
	case *query.MatchPhraseQuery:
		if d := rewriteDate(t.FieldVal, t.MatchPhrase); d != nil {
			return d
		}
		return withVariants(t.FieldVal, t.MatchPhrase, func(text string) query.Query {
			c := *t
			c.MatchPhrase = text
			return rewritePhrase(&c, an, lowered, dict)
		})
	case *query.WildcardQuery:
		return rewritePattern(t, an, lowered, dict)
	case *query.RegexpQuery:
		if textField(t.FieldVal) || lowered(t.FieldVal) {
			t.Regexp = strings.ToLower(t.Regexp)
		}
	case *query.PrefixQuery:
		if textField(t.FieldVal) || lowered(t.FieldVal) {
			t.Prefix = strings.ToLower(t.Prefix)
		}
	}
	return q
}

// rewritePhrase lower-cases a phrase for a field held in lower case and
// widens a lone Chinese character at its ends (edgePhrase).
func rewritePhrase(t *query.MatchPhraseQuery, an analysis.Analyzer, lowered func(string) bool, dict termDict) query.Query {
	if lowered(t.FieldVal) {
		t.MatchPhrase = strings.ToLower(t.MatchPhrase)
	} else if textField(t.FieldVal) && an != nil {
		if joined := joinHan(t.MatchPhrase); joined != t.MatchPhrase {
			// Chinese is written without spaces: “保密 协议” is the
			// text's 保密协议, or its words spaced as typed
			c := *t
			c.MatchPhrase = joined
			return bleve.NewDisjunctionQuery(rewritePhrase(&c, an, lowered, dict), rewriteSpaced(t, an, dict))
		}
		toks := an.Analyze([]byte(t.MatchPhrase))
		if len(toks) == 1 {
			// a quoted word is the word: as a phrase it read every
			// position of it, and a quoted "a" was every letter a
			m := bleve.NewMatchQuery(t.MatchPhrase)
			m.SetField(t.FieldVal)
			m.BoostVal, m.Analyzer = t.BoostVal, t.Analyzer
			return rewriteMatch(m, an, lowered, dict)
		}
		if m := edgePhrase(toks, t.FieldVal, dict); m != nil {
			m.BoostVal = t.BoostVal
			return m
		}
	}
	return t
}

// rewriteSpaced is rewritePhrase of a text field's phrase as typed.
func rewriteSpaced(t *query.MatchPhraseQuery, an analysis.Analyzer, dict termDict) query.Query {
	if toks := an.Analyze([]byte(t.MatchPhrase)); len(toks) > 1 {
		if m := edgePhrase(toks, t.FieldVal, dict); m != nil {
			m.BoostVal = t.BoostVal
			return m
		}
	}
	return t
}

// joinHan drops the spaces in s that stand between two Chinese characters.
func joinHan(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	r := []rune(s)
	var b strings.Builder
	for i := 0; i < len(r); i++ {
		if unicode.IsSpace(r[i]) {
			j := i
			for j < len(r) && unicode.IsSpace(r[j]) {
				j++
			}
			if i > 0 && j < len(r) && unicode.Is(unicode.Han, r[i-1]) && unicode.Is(unicode.Han, r[j]) {
				i = j - 1
				continue
			}
		}
		b.WriteRune(r[i])
	}
	return b.String()
}

// lowerFields are keyword fields whose values are stored in lower case
// (see also foldedFields).
var lowerFields = map[string]bool{"class": true, "keywords": true, "language": true, "content_type": true, "depth": true}

func rewriteMatch(t *query.MatchQuery, an analysis.Analyzer, lowered func(string) bool, dict termDict) query.Query {
	if lowered(t.FieldVal) {
		t.Match = strings.ToLower(t.Match)
		return t
	}
	if t.Fuzziness != 0 && textField(t.FieldVal) {
		if v := typoVariants(t, an, dict); v != nil {
			return v
		}
	}
	if !textField(t.FieldVal) || t.Fuzziness != 0 {
		return t
	}
	r := []rune(strings.TrimSpace(t.Match))
	if len(r) == 1 && unicode.Is(unicode.Han, r[0]) {
		c, _ := lang.Simplified(string(r)) // the index holds simplified forms
		first := bleve.NewPrefixQuery(c)
		second := bleve.NewRegexpQuery("." + c)
		first.SetField(t.FieldVal)
		second.SetField(t.FieldVal)
		return boosted(bleve.NewDisjunctionQuery(t, first, second), t.BoostVal)
	}
	if an == nil {
		return t
	}
	toks := an.Analyze([]byte(t.Match))
	if singleLetters(toks) {
		// a single letter is indexed for phrases ("Section 2.3(a)") but
		// alone matches nearly every document: as a stop word it was
		return bleve.NewMatchNoneQuery()
	}
	if len(toks) < 2 {
		if h := hyphenedForm(t.Match, t.FieldVal, an, dict); h != "" {
			// "email" is also "e-mail", which the index holds as "e"
			// "mail". Bleve scales a disjunction by the share of its
			// parts that match (coord) and ignores its boost: each part
			// counts double, so a text with one form scores as before.
			w := 2 * t.BoostVal.Value()
			word := *t
			word.SetBoost(w)
			p := bleve.NewMatchPhraseQuery(h)
			p.SetField(t.FieldVal)
			p.SetBoost(w / 2)
			return bleve.NewDisjunctionQuery(&word, p)
		}
		return t
	}
	if m := edgePhrase(toks, t.FieldVal, dict); m != nil {
		m.BoostVal = t.BoostVal
		return m
	}
	p := bleve.NewMatchPhraseQuery(t.Match)
	p.SetField(t.FieldVal)
	if t.BoostVal != nil {
		p.SetBoost(t.BoostVal.Value())
	}
	if words := hanWords(t.Match); words != nil {
		return hanQuery(t, p, words, an, lowered, dict)
	}
	alts := []query.Query{p}
	if w := hyphenatedStem(t.Match, an); w != "" {
		if c := compoundPrefix(w, t.FieldVal, an, dict, maxCompoundEnds); c != nil {
			alts = append(alts, c)
		}
	}
	if j := joinedWord(t.Match); j != "" {
		// "e-mail" is also "email", "sub-license" "sublicense"
		m := bleve.NewMatchQuery(j)
		m.SetField(t.FieldVal)
		m.Analyzer = t.Analyzer
		alts = append(alts, m)
	}
	if len(alts) == 1 {
		return p
	}
	return boosted(bleve.NewDisjunctionQuery(alts...), t.BoostVal)
}

// minHanQuery is the length, in characters, from which an unspaced
// Chinese query is read as the words it is made of as well as a phrase:
// shorter, it is one word or two characters of one.
const minHanQuery = 4

// hanWords is the words of a Chinese query typed without spaces ("劳动合同试用期"
// is 劳动合同 and 试用期), as lang.Words segments Chinese, nil when q is no
// such run or is one word. Chinese
// users type keywords without spaces, so the run is no phrase they mean to
// find as written; single characters (的, 在) are left out, as they match
// nearly every Chinese text. The run may hold English words too
// ("Java开发", "NDA保密", "software许可"): typed so, they found only the
// texts that wrote them side by side. Digits keep a run a phrase (3月1日,
// 第577条, 人民币25000元: dates, parts and amounts as written). The
// segmenter's dictionary is the one Chinese analysis loads; a process that
// analysed no Chinese loads it here, once.
func hanWords(q string) []string {
	q = strings.TrimSpace(q)
	if utf8.RuneCountInString(q) < minHanQuery || !strings.ContainsFunc(q, isHan) || strings.ContainsFunc(q, func(r rune) bool {
		return !isHan(r) && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}) {
		return nil
	}
	s, _ := lang.Simplified(q) // gse's dictionary is simplified
	var words []string
	add := func(piece string) {
		for _, w := range lang.Words(piece, lang.Chinese) {
			if utf8.RuneCountInString(w.Text) >= 2 {
				words = append(words, w.Text)
			}
		}
	}
	// a numbered part (第五百七十七条) is one word: segmented, its pieces
	// 第五 and 七条 found and marked the headings 第五条 and 第七条
	at := 0
	for _, m := range zhPartNumberRe.FindAllStringIndex(s, -1) {
		add(s[at:m[0]])
		words = append(words, s[m[0]:m[1]])
		at = m[1]
	}
	add(s[at:])
	if len(words) < 2 {
		return nil
	}
	return words
}

// hanQuery finds an unspaced Chinese query's words anywhere in a text as
// well as its phrase. Both are parts of one disjunction, so a text that
// holds the phrase (and so every word) ranks above one that holds the
// words apart, which Bleve scores at half for matching one part of two.
func hanQuery(t *query.MatchQuery, phrase query.Query, words []string, an analysis.Analyzer, lowered func(string) bool, dict termDict) query.Query {
	all := make([]query.Query, len(words))
	for i, w := range words {
		m := bleve.NewMatchQuery(w)
		m.SetField(t.FieldVal)
		m.Analyzer = t.Analyzer
		all[i] = rewriteMatch(m, an, lowered, dict)
	}
	return boosted(bleve.NewDisjunctionQuery(phrase, bleve.NewConjunctionQuery(all...)), t.BoostVal)
}

// joinedWord is a word of letters joined by hyphens without them
// ("e-mail" is "email"), "" for anything else ("10-K", a date).
func joinedWord(q string) string {
	q = strings.ToLower(strings.TrimSpace(q))
	parts := strings.Split(q, "-")
	if len(parts) < 2 {
		return ""
	}
	for _, p := range parts {
		if !isASCIIWord(p) {
			return ""
		}
	}
	return strings.Join(parts, "")
}

// hyphenedPrefixes are the prefixes English writes both joined to a word
// and hyphenated ("email" and "e-mail", "nonexclusive" and
// "non-exclusive"); words that also stand alone ("over", "post") are left
// out, as "overall" is no "over all", and so is "inter", which "interest"
// opens (it moved the CUAD search figures, nDCG@10 .5310 -> .5282).
var hyphenedPrefixes = []string{"e", "re", "co", "pre", "non", "sub", "anti", "multi", "semi", "self", "cross"}

// hyphenedForm is a word that opens with one of hyphenedPrefixes as the
// phrase its hyphenated form is indexed as ("email" is "e mail"), ""
// for anything else, and for a phrase whose words field does not both
// hold ("consent" is no "co nsent").
func hyphenedForm(q, field string, an analysis.Analyzer, dict termDict) string {
	q = strings.ToLower(strings.TrimSpace(q))
	if dict == nil || !isASCIIWord(q) {
		return ""
	}
	for _, p := range hyphenedPrefixes {
		rest, ok := strings.CutPrefix(q, p)
		if !ok || len(rest) < 3 {
			continue
		}
		toks := an.Analyze([]byte(p + " " + rest))
		if len(toks) != 2 {
			return ""
		}
		terms := []string{string(toks[0].Term), string(toks[1].Term)}
		if len(dict.heldTerms(field, terms)) == 2 {
			return p + " " + rest
		}
		return ""
	}
	return ""
}

// maxCompoundEnds bounds the forms a hyphenated word's last part widens
// to (hyphenatedStem): a handful in practice ("compete", "competit",
// "competitor"), and few enough that a pasted clause full of hyphenated
// words is no expanding query (expandingClauses).
const maxCompoundEnds = 32

// minCompoundStem is the shortest last stem hyphenatedStem widens: shorter
// ones ("off", "mail") begin too many other words.
const minCompoundStem = 5

// hyphenatedStem is a hyphenated word ("non-compete") with its last part
// stemmed ("non-compet"), for compoundPrefix to find the compound's other
// forms ("non-competition", "non-competitive"): Porter stems "compete"
// and "competition" apart. A stem longer than compoundStemCut loses up to
// two letters. "" for anything else.
func hyphenatedStem(q string, an analysis.Analyzer) string {
	q = strings.TrimSpace(q)
	i := strings.LastIndexByte(q, '-')
	if i <= 0 || strings.ContainsAny(q, " \t\"") {
		return ""
	}
	toks := an.Analyze([]byte(q[i+1:]))
	if len(toks) != 1 || len(toks[0].Term) < minCompoundStem || !isASCIIWord(string(toks[0].Term)) {
		return ""
	}
	stem := string(toks[0].Term)
	if len(stem) > compoundStemCut {
		// "competit" (competition) is cut to "compet", which begins
		// "compete" too
		stem = stem[:max(compoundStemCut, len(stem)-2)]
	}
	return strings.ToLower(q[:i+1]) + stem
}

// compoundStemCut is how short hyphenatedStem cuts a longer stem.
const compoundStemCut = 6

// termDict lists terms an index holds.
type termDict interface {
	// edgeTerms lists the indexed two-character terms of a text field
	// that start with the Chinese character c (first false: c ends a
	// query) or end with it (first true: c opens one).
	edgeTerms(field, c string, first bool) []string
	// prefixTerms lists the terms of a field that begin with prefix.
	prefixTerms(field, prefix string) []string
	// heldTerms are those of terms that a field holds.
	heldTerms(field string, terms []string) []string
}

// edgePhrase is the phrase of toks (analysed query text) with a lone
// Chinese character at either end widened to the bigrams it is part of,
// nil when neither end is one. The bigram filter pairs a character with
// its neighbour when there is one: a query's last character has none, the
// text's usually has ("3月1日" against "3月1日起": 日 against 日起).
func edgePhrase(toks analysis.TokenStream, field string, dict termDict) *query.MultiPhraseQuery {
	if dict == nil || len(toks) < 2 {
		return nil
	}
	terms := phraseTerms(toks)
	widened := false
	for _, end := range []int{0, len(terms) - 1} {
		if len(terms[end]) != 1 || !loneHan(terms[end][0]) {
			continue
		}
		more := dict.edgeTerms(field, terms[end][0], end == 0)
		terms[end] = append(terms[end], more...)
		widened = widened || len(more) > 0
	}
	if !widened {
		return nil
	}
	if field == "" {
		field = allField // a multi-phrase query has no default field
	}
	return query.NewMultiPhraseQuery(terms, field)
}

// phraseTerms is toks by position, as Bleve's phrase query reads them (a
// position without a token is a gap that any term fills).
func phraseTerms(toks analysis.TokenStream) [][]string {
	first, last := toks[0].Position, toks[0].Position
	for _, t := range toks {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	out := make([][]string, last-first+1)
	for _, t := range toks {
		out[t.Position-first] = append(out[t.Position-first], string(t.Term))
	}
	return out
}

func loneHan(term string) bool {
	r := []rune(term)
	return len(r) == 1 && unicode.Is(unicode.Han, r[0])
}

// rewritePattern lower-cases a wildcard pattern. A prefix ("terminat*")
// also matches the stems its literal part begins with: Porter stemming
// cuts a word's last letters, so "terminate" and "termination" are
// indexed as "termin", which "terminat" does not prefix. Stems of up to
// maxStemCut letters less, and at least minStem long, are searched as
// terms, and the stem of the literal as a prefix.
func rewritePattern(t *query.WildcardQuery, an analysis.Analyzer, lowered func(string) bool, dict termDict) query.Query {
	if !textField(t.FieldVal) && !lowered(t.FieldVal) {
		return t
	}
	t.Wildcard = strings.ToLower(t.Wildcard)
	if textField(t.FieldVal) && !strings.Contains(t.Wildcard, "*") {
		if v := letterVariants(t, an, dict); v != nil {
			return v
		}
	}
	lit, ok := strings.CutSuffix(t.Wildcard, "*")
	if !ok || strings.ContainsAny(lit, "*?") || an == nil || !textField(t.FieldVal) {
		return t
	}
	if !isASCIIWord(lit) {
		if p := compoundPrefix(lit, t.FieldVal, an, dict, MaxQueryTerms); p != nil {
			return p
		}
		return t
	}
	d := bleve.NewDisjunctionQuery(t)
	for cut := 1; cut <= maxStemCut && len(lit)-cut >= minStem; cut++ {
		tq := bleve.NewTermQuery(lit[:len(lit)-cut])
		tq.SetField(t.FieldVal)
		d.AddQuery(tq)
	}
	if toks := an.Analyze([]byte(lit)); len(toks) == 1 && string(toks[0].Term) != lit {
		stem := bleve.NewPrefixQuery(string(toks[0].Term))
		stem.SetField(t.FieldVal)
		d.AddQuery(stem)
	}
	if len(d.Disjuncts) == 1 {
		return t
	}
	return boosted(d, t.BoostVal)
}

// compoundPrefix is the pattern "non-compet*" (lit "non-compet") as the
// phrase of its words, the last any indexed term that begins with it or
// with its stem, at most most of them: the text's "non-compete" is the two
// terms "non" "compet", which no single term's pattern matches, so it
// found nothing. nil when
// lit is not words joined by punctuation; a query that matches nothing
// when no term begins so.
func compoundPrefix(lit, field string, an analysis.Analyzer, dict termDict, most int) query.Query {
	words := strings.FieldsFunc(lit, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == '_' || r == '\'' })
	if dict == nil || len(words) < 2 || !isASCIIWord(words[len(words)-1]) {
		return nil
	}
	toks := an.Analyze([]byte(strings.Join(words[:len(words)-1], " ")))
	if len(toks) == 0 {
		return nil
	}
	terms := phraseTerms(toks)
	last := words[len(words)-1]
	seen := map[string]bool{}
	var ends []string
	prefixes := []string{last}
	if st := an.Analyze([]byte(last)); len(st) == 1 && string(st[0].Term) != last {
		prefixes = append(prefixes, string(st[0].Term))
	}
	for _, p := range prefixes {
		for _, e := range dict.prefixTerms(field, p) {
			if !seen[e] && len(ends) < most {
				seen[e] = true
				ends = append(ends, e)
			}
		}
	}
	if len(ends) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	if field == "" {
		field = allField
	}
	return query.NewMultiPhraseQuery(append(terms, ends), field)
}

// Porter stemming removes at most a few letters ("-ational" -> "-ate" is
// the longest change); shorter stems would match unrelated words.
const (
	maxStemCut = 3
	minStem    = 4
)

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// singleLetters reports whether every token is one ASCII letter.
func singleLetters(toks analysis.TokenStream) bool {
	for _, t := range toks {
		if len(t.Term) != 1 || t.Term[0] < 'a' || t.Term[0] > 'z' {
			return false
		}
	}
	return len(toks) > 0
}

func boosted(d *query.DisjunctionQuery, b *query.Boost) query.Query {
	if b != nil {
		d.SetBoost(b.Value())
	}
	return d
}

// The index holds stems, so a fuzzy term or a "?" pattern matched against
// them misses the word typed: "liabilty~1" is the stem "liabilti", two
// edits from "liabil", and "indemn?fication" matches no stem at all
// ("indemnif"). typoVariants and letterVariants spell out the words the
// query stands for, stem each, and search the stems the index holds,
// beside the query as Bleve reads it.

// maxPatternMarks bounds the "?" of a pattern letterVariants spells out
// (26 words per mark).
const maxPatternMarks = 2

// typoVariants is a fuzzy word ("liabilty~1") or its words one edit away,
// stemmed: nil when the word is no ASCII word of four letters or more.
func typoVariants(t *query.MatchQuery, an analysis.Analyzer, dict termDict) query.Query {
	word := strings.ToLower(strings.TrimSpace(t.Match))
	if an == nil || dict == nil || len(word) < 4 || !isASCIIWord(word) {
		return nil
	}
	return withStems(t, t.FieldVal, t.BoostVal, append(edits1(word), word), an, dict)
}

// letterVariants is a "?" pattern ("indemn?fication") or the words it
// spells, stemmed: nil for other patterns.
func letterVariants(t *query.WildcardQuery, an analysis.Analyzer, dict termDict) query.Query {
	n := strings.Count(t.Wildcard, "?")
	if an == nil || dict == nil || n == 0 || n > maxPatternMarks || !isASCIIWord(strings.ReplaceAll(t.Wildcard, "?", "a")) {
		return nil
	}
	words := []string{t.Wildcard}
	for range n {
		var next []string
		for _, w := range words {
			i := strings.IndexByte(w, '?')
			for c := 'a'; c <= 'z'; c++ {
				next = append(next, w[:i]+string(c)+w[i+1:])
			}
		}
		words = next
	}
	return withStems(t, t.FieldVal, t.BoostVal, words, an, dict)
}

// withStems is q or any stem of words that field holds; nil when it holds
// none.
func withStems(q query.Query, field string, boost *query.Boost, words []string, an analysis.Analyzer, dict termDict) query.Query {
	seen := map[string]bool{}
	var stems []string
	for _, w := range words {
		if toks := an.Analyze([]byte(w)); len(toks) == 1 && !seen[string(toks[0].Term)] {
			seen[string(toks[0].Term)] = true
			stems = append(stems, string(toks[0].Term))
		}
	}
	held := dict.heldTerms(field, stems)
	if len(held) == 0 {
		return nil
	}
	d := bleve.NewDisjunctionQuery(q)
	for _, h := range held {
		tq := bleve.NewTermQuery(h)
		tq.SetField(field)
		d.AddQuery(tq)
	}
	return boosted(d, boost)
}

// edits1 are the words one deletion, transposition, replacement or
// insertion of a letter away from w.
func edits1(w string) []string {
	var out []string
	for i := 0; i <= len(w); i++ {
		if i < len(w) {
			out = append(out, w[:i]+w[i+1:])
		}
		if i+1 < len(w) {
			out = append(out, w[:i]+string(w[i+1])+string(w[i])+w[i+2:])
		}
		for c := byte('a'); c <= 'z'; c++ {
			if i < len(w) && c != w[i] {
				out = append(out, w[:i]+string(c)+w[i+1:])
			}
			out = append(out, w[:i]+string(c)+w[i:])
		}
	}
	return out
}
