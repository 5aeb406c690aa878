package keywords

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"

	porter "github.com/blevesearch/go-porterstemmer"
)

// enLexData is built by cmd/buildlex from WordNet 3.0 (see data/NOTICE).
//
//go:embed data/en_lex.tsv.gz
var enLexData []byte

// lexicon holds part-of-speech usage counts per lemma, irregular forms,
// multi-word noun lemmas and a background document frequency of stems.
type lexicon struct {
	pos   map[string][4]int32 // lemma -> noun, verb, adj, adv usage
	exc   map[string]string   // irregular form -> lemma
	multi map[string]bool     // "neural network"
	df    map[string]int32    // stem -> gloss document frequency
	docs  int
}

var (
	enLexOnce sync.Once
	enLex     *lexicon
)

func english() *lexicon {
	enLexOnce.Do(func() { enLex = parseLexicon(enLexData) })
	return enLex
}

func parseLexicon(data []byte) *lexicon {
	lx := &lexicon{pos: map[string][4]int32{}, exc: map[string]string{}, multi: map[string]bool{}, df: map[string]int32{}}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return lx // an empty lexicon degrades to "every unknown word is a noun"
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		switch {
		case f[0] == "N" && len(f) == 2:
			lx.docs, _ = strconv.Atoi(f[1])
		case f[0] == "L" && len(f) == 6:
			var c [4]int32
			for i := range c {
				n, _ := strconv.Atoi(f[2+i])
				c[i] = int32(n)
			}
			lx.pos[f[1]] = c
		case f[0] == "X" && len(f) == 3:
			lx.exc[f[1]] = f[2]
		case f[0] == "M" && len(f) == 2:
			lx.multi[f[1]] = true
		case f[0] == "D" && len(f) == 3:
			n, _ := strconv.Atoi(f[2])
			lx.df[f[1]] = int32(n)
		}
	}
	return lx
}

// idf is the smoothed inverse document frequency of a stem against the
// background glosses.
func (lx *lexicon) idf(stem string) float64 {
	if lx.docs == 0 {
		return 1
	}
	return logf(float64(lx.docs+1) / float64(lx.df[stem]+1))
}

// posCounts returns usage counts (noun, verb, adj, adv) for a lower-cased
// word form, after undoing regular inflections the way WordNet's morphy does.
// known is false when no lemma matches.
func (lx *lexicon) posCounts(w string) (c [4]int32, known bool) {
	add := func(lemma string, mask int) {
		if p, ok := lx.pos[lemma]; ok {
			known = true
			for i := 0; i < 4; i++ {
				if mask&(1<<i) != 0 {
					c[i] += p[i]
				}
			}
		}
	}
	add(w, 15)
	if l, ok := lx.exc[w]; ok {
		add(l, 7)
	}
	type rule struct {
		suf, rep string
		mask     int
	}
	for _, r := range []rule{
		{"s", "", 1 | 2}, {"ses", "s", 1}, {"xes", "x", 1 | 2}, {"zes", "z", 1}, {"ches", "ch", 1 | 2},
		{"shes", "sh", 1 | 2}, {"men", "man", 1}, {"ies", "y", 1 | 2}, {"es", "e", 2}, {"es", "", 2},
		{"ed", "e", 2}, {"ed", "", 2}, {"ing", "e", 2}, {"ing", "", 2}, {"er", "", 4}, {"est", "", 4},
	} {
		if strings.HasSuffix(w, r.suf) && len(w) > len(r.suf)+1 {
			add(w[:len(w)-len(r.suf)]+r.rep, r.mask)
		}
	}
	// doubled final consonant: "controlled" -> "control"
	for _, suf := range []string{"ed", "ing"} {
		if b := strings.TrimSuffix(w, suf); b != w && len(b) > 2 && b[len(b)-1] == b[len(b)-2] {
			add(b[:len(b)-1], 2)
		}
	}
	return c, known
}

// known reports whether a lower-cased word form is in the lexicon.
func (lx *lexicon) known(w string) bool {
	_, ok := lx.posCounts(w)
	return ok
}

// Stem returns the Porter stem of a lower-cased word.
func Stem(w string) string {
	if len(w) <= 2 || !isASCII(w) {
		return w
	}
	return porter.StemString(w)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// SplitWords splits s into runs of letters and digits, the unit the
// evaluation protocol compares after stemming.
func SplitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// WordUse is how a word that follows a subject is used, by WordNet's
// counts: what a rewrite needs to make a verb agree with a new subject.
type WordUse int

// The uses WordUseOf tells apart.
const (
	UseUnknown   WordUse = iota // not in WordNet (function words, new coinages)
	UseVerb                     // a verb's base form ("collect", "share")
	UseInflected                // an irregular past or participle ("grew", "spent", "heard")
	UseModifier                 // an adverb or adjective more than a verb ("now", "already", "first")
	UseOther                    // known, never as a verb (a noun)
)

// WordUseOf tells how a lower-cased word is used (see WordUse).
func WordUseOf(w string) WordUse {
	lx := english()
	// an irregular form, unless the word is a verb of its own at least as
	// often ("rent" is rend's past, but mostly to rent)
	if lemma, ok := lx.exc[w]; ok && lemma != w && lx.pos[lemma][1] > 0 && lx.pos[w][1] < lx.pos[lemma][1] {
		return UseInflected
	}
	p, ok := lx.pos[w]
	switch {
	case !ok:
		return UseUnknown
	case p[3] > p[1] || p[1] == 0 && p[2] > 0:
		return UseModifier
	case p[1] > 0:
		return UseVerb
	}
	return UseOther
}
