package eval

import "strings"

// PorterMode selects a variant of the Porter stemmer. Keyphrase scores are
// sensitive to the variant (a handful of stems differ), so the evaluation
// protocol fixes one.
type PorterMode int

const (
	// PorterNLTK is the variant of NLTK's PorterStemmer in its default
	// NLTK_EXTENSIONS mode, the stemmer behind most published keyphrase
	// scorers (pke, YAKE's evaluation scripts). It reproduces the reference
	// YAKE figures of keyphrase_en.
	PorterNLTK PorterMode = iota
	// PorterOriginal is the algorithm exactly as published by Porter (1980).
	PorterOriginal
)

// nltkIrregular are the fixed stems NLTK's default mode looks up before
// running the algorithm.
var nltkIrregular = map[string]string{
	"sky": "sky", "skies": "sky",
	"dying": "die", "lying": "lie", "tying": "tie",
	"news":    "news",
	"innings": "inning", "inning": "inning",
	"outings": "outing", "outing": "outing",
	"cannings": "canning", "canning": "canning",
	"howe":    "howe",
	"proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
}

// Stem returns the Porter stem (NLTK variant) of a lower-cased word.
func Stem(word string) string { return StemMode(word, PorterNLTK) }

// StemMode returns the Porter stem of word in the given variant. The word is
// lower-cased first.
func StemMode(word string, mode PorterMode) string {
	w := strings.ToLower(word)
	if mode == PorterNLTK {
		if s, ok := nltkIrregular[w]; ok {
			return s
		}
	}
	r := []rune(w)
	if mode != PorterOriginal && len(r) <= 2 {
		return w
	}
	st := porter{mode: mode}
	r = st.step1a(r)
	r = st.step1b(r)
	r = st.step1c(r)
	r = st.step2(r)
	r = st.step3(r)
	r = st.step4(r)
	r = st.step5a(r)
	r = st.step5b(r)
	return string(r)
}

// porter holds the variant; the steps follow NLTK's porter.py so that the
// two can be compared rule by rule.
type porter struct{ mode PorterMode }

// rule rewrites suffix to repl when cond (nil: always) holds for the stem.
// The suffix "*d" stands for a double consonant.
type rule struct {
	suffix, repl string
	cond         func(stem []rune) bool
}

func isCons(w []rune, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !isCons(w, i-1)
	}
	return true
}

// measure is Porter's m: the number of vowel-consonant sequences.
func measure(w []rune) int {
	m := 0
	for i := 1; i < len(w); i++ {
		if isCons(w, i) && !isCons(w, i-1) {
			m++
		}
	}
	return m
}

func positive(stem []rune) bool { return measure(stem) > 0 }
func above1(stem []rune) bool   { return measure(stem) > 1 }

func hasVowel(w []rune) bool {
	for i := range w {
		if !isCons(w, i) {
			return true
		}
	}
	return false
}

func endsDouble(w []rune) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && isCons(w, n-1)
}

func (p porter) endsCVC(w []rune) bool {
	n := len(w)
	if n >= 3 && isCons(w, n-3) && !isCons(w, n-2) && isCons(w, n-1) {
		c := w[n-1]
		return c != 'w' && c != 'x' && c != 'y'
	}
	return p.mode == PorterNLTK && n == 2 && !isCons(w, 0) && isCons(w, 1)
}

func hasSuffix(w []rune, s string) bool {
	if len(s) > len(w) {
		return false
	}
	off := len(w) - len(s)
	for i := 0; i < len(s); i++ {
		if w[off+i] != rune(s[i]) {
			return false
		}
	}
	return true
}

func replace(w []rune, suffix, repl string) []rune {
	out := make([]rune, 0, len(w)-len(suffix)+len(repl))
	out = append(out, w[:len(w)-len(suffix)]...)
	return append(out, []rune(repl)...)
}

// apply runs the first rule whose suffix matches; when its condition fails
// the word is returned unchanged (no later rule is tried).
func apply(w []rune, rules []rule) []rune {
	for _, r := range rules {
		if r.suffix == "*d" {
			if !endsDouble(w) {
				continue
			}
			stem := w[:len(w)-2]
			if r.cond == nil || r.cond(stem) {
				return append(append([]rune{}, stem...), []rune(r.repl)...)
			}
			return w
		}
		if hasSuffix(w, r.suffix) {
			stem := w[:len(w)-len(r.suffix)]
			if r.cond == nil || r.cond(stem) {
				return replace(w, r.suffix, r.repl)
			}
			return w
		}
	}
	return w
}

func (p porter) step1a(w []rune) []rune {
	if p.mode == PorterNLTK && len(w) == 4 && hasSuffix(w, "ies") {
		return replace(w, "ies", "ie")
	}
	return apply(w, []rule{{"sses", "ss", nil}, {"ies", "i", nil}, {"ss", "ss", nil}, {"s", "", nil}})
}

func (p porter) step1b(w []rune) []rune {
	if p.mode == PorterNLTK && hasSuffix(w, "ied") {
		if len(w) == 4 {
			return replace(w, "ied", "ie")
		}
		return replace(w, "ied", "i")
	}
	if hasSuffix(w, "eed") {
		if positive(w[:len(w)-3]) {
			return replace(w, "eed", "ee")
		}
		return w
	}
	var stem []rune
	ok := false
	for _, s := range []string{"ed", "ing"} {
		if hasSuffix(w, s) {
			stem = w[:len(w)-len(s)]
			if hasVowel(stem) {
				ok = true
				break
			}
		}
	}
	if !ok {
		return w
	}
	stem = append([]rune{}, stem...)
	last := stem[len(stem)-1]
	return apply(stem, []rule{
		{"at", "ate", nil},
		{"bl", "ble", nil},
		{"iz", "ize", nil},
		{"*d", string(last), func([]rune) bool { return last != 'l' && last != 's' && last != 'z' }},
		{"", "e", func(s []rune) bool { return measure(s) == 1 && p.endsCVC(s) }},
	})
}

func (p porter) step1c(w []rune) []rune {
	cond := hasVowel
	if p.mode == PorterNLTK {
		cond = func(s []rune) bool { return len(s) > 1 && isCons(s, len(s)-1) }
	}
	return apply(w, []rule{{"y", "i", cond}})
}

func (p porter) step2(w []rune) []rune {
	if p.mode == PorterNLTK && hasSuffix(w, "alli") && positive(w[:len(w)-4]) {
		return p.step2(replace(w, "alli", "al"))
	}
	bli := rule{"bli", "ble", positive}
	if p.mode == PorterOriginal {
		bli = rule{"abli", "able", positive}
	}
	rules := []rule{
		{"ational", "ate", positive},
		{"tional", "tion", positive},
		{"enci", "ence", positive},
		{"anci", "ance", positive},
		{"izer", "ize", positive},
		bli,
		{"alli", "al", positive},
		{"entli", "ent", positive},
		{"eli", "e", positive},
		{"ousli", "ous", positive},
		{"ization", "ize", positive},
		{"ation", "ate", positive},
		{"ator", "ate", positive},
		{"alism", "al", positive},
		{"iveness", "ive", positive},
		{"fulness", "ful", positive},
		{"ousness", "ous", positive},
		{"aliti", "al", positive},
		{"iviti", "ive", positive},
		{"biliti", "ble", positive},
	}
	if p.mode == PorterNLTK {
		// NLTK keeps the "l" of "logi" with the stem, so short stems
		// like "geo" and "theo" qualify.
		whole := w
		rules = append(rules,
			rule{"fulli", "ful", positive},
			rule{"logi", "log", func([]rune) bool { return len(whole) >= 3 && positive(whole[:len(whole)-3]) }})
	}
	return apply(w, rules)
}

func (p porter) step3(w []rune) []rune {
	return apply(w, []rule{
		{"icate", "ic", positive},
		{"ative", "", positive},
		{"alize", "al", positive},
		{"iciti", "ic", positive},
		{"ical", "ic", positive},
		{"ful", "", positive},
		{"ness", "", positive},
	})
}

func (p porter) step4(w []rune) []rune {
	return apply(w, []rule{
		{"al", "", above1},
		{"ance", "", above1},
		{"ence", "", above1},
		{"er", "", above1},
		{"ic", "", above1},
		{"able", "", above1},
		{"ible", "", above1},
		{"ant", "", above1},
		{"ement", "", above1},
		{"ment", "", above1},
		{"ent", "", above1},
		{"ion", "", func(s []rune) bool {
			return above1(s) && (s[len(s)-1] == 's' || s[len(s)-1] == 't')
		}},
		{"ou", "", above1},
		{"ism", "", above1},
		{"ate", "", above1},
		{"iti", "", above1},
		{"ous", "", above1},
		{"ive", "", above1},
		{"ize", "", above1},
	})
}

func (p porter) step5a(w []rune) []rune {
	if !hasSuffix(w, "e") {
		return w
	}
	stem := w[:len(w)-1]
	m := measure(stem)
	if m > 1 || (m == 1 && !p.endsCVC(stem)) {
		return stem
	}
	return w
}

func (p porter) step5b(w []rune) []rune {
	if hasSuffix(w, "ll") && measure(w[:len(w)-1]) > 1 {
		return w[:len(w)-1]
	}
	return w
}
