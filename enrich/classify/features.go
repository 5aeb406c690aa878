package classify

import (
	"hash/fnv"
	"math"
	"strings"
	"unicode"

	"github.com/docmill/docmill/lang"
)

// Feature limits: the head of a document says what kind it is, and the
// limits keep classification of a large file cheap.
const (
	maxWordBytes = 16 << 10 // text read for word n-grams
	maxCharBytes = 4 << 10  // text read for character n-grams
	charN        = 4
)

// feature is a hashed feature and its weight.
type feature struct {
	idx uint32
	val float32
}

// Features hashes text into buckets: lower-cased word unigrams and
// bigrams (each Han character is a word), character 4-grams of the opening,
// and line-shape features, with digits folded to 0 so that timestamps and
// numbers share features. Values are log(1+count), L2-normalised.
func Features(text string, buckets int) []feature {
	counts := map[uint32]float32{}
	add := func(ns byte, s string) {
		h := fnv.New32a()
		h.Write([]byte{ns})
		h.Write([]byte(s))
		counts[h.Sum32()%uint32(buckets)]++
	}
	words := normalisedWords(head(text, maxWordBytes))
	for i, w := range words {
		add('w', w)
		if i > 0 {
			add('b', words[i-1]+" "+w)
		}
	}
	chars := []rune(foldDigits(strings.ToLower(head(text, maxCharBytes))))
	for i := 0; i+charN <= len(chars); i++ {
		add('c', string(chars[i:i+charN]))
	}
	for _, shape := range lineShapes(head(text, maxCharBytes)) {
		add('l', shape)
	}
	out := make([]feature, 0, len(counts))
	var norm float64
	for k, c := range counts {
		v := float32(math.Log1p(float64(c)))
		norm += float64(v * v)
		out = append(out, feature{k, v})
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range out {
			out[i].val *= inv
		}
	}
	return out
}

// head returns at most n bytes of s, cut at a rune boundary.
func head(s string, n int) string {
	return lang.Clip(s, n)
}

func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	}, s)
}

// normalisedWords splits text into lower-cased words with digits folded;
// Han characters are words of their own.
func normalisedWords(text string) []string {
	var out []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, foldDigits(strings.ToLower(text[start:i])))
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			flush(i)
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(text))
	return out
}

// lineShapes describes how lines begin (a date, a time, a level, a bracket)
// since that, more than vocabulary, tells a log from prose.
func lineShapes(text string) []string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var b strings.Builder
		n := 0
		for _, r := range line {
			if n == 12 {
				break
			}
			switch {
			case unicode.IsDigit(r):
				r = '0'
			case unicode.IsUpper(r):
				r = 'A'
			case unicode.IsLetter(r):
				r = 'a'
			}
			b.WriteRune(r)
			n++
		}
		out = append(out, b.String())
	}
	return out
}
