package entities

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// windowed finds an expression's matches in windows of the text around
// the places one must hold (key), not by running it over the whole text:
// a contract of a megabyte has a year or a unit of time every few hundred
// bytes, and the regexp engine reads each byte of what it is given.
//
// It gives what re.FindAllStringSubmatchIndex gives on the whole text.
// Every match holds a key position and at most reach bytes that are not
// \s (reach is bounded from the expression's syntax: a rune counts 4
// bytes, a run of \s none). So a match lies between the reach-th non-space
// byte before a key and the reach-th after it, and a window two
// non-space bytes wider on each side holds it with the bytes \b and ^
// look at (a window's ends are a rune's); windows that overlap are
// merged, so no match spans two. Every
// match the window yields is equally one of the whole text, and the
// leftmost-first choice between matches starting at one place is the
// same. TestWindowedSameMatches checks it on the CUAD contracts and the
// samples.
type windowed struct {
	re *regexp.Regexp
	// key reports whether text[i:] starts what every match of re holds
	// (a year, a unit of time), judging by bytes a match holds.
	key func(text string, i int) bool
	// reach is the most non-space bytes of a match; negative when
	// unbounded, which scans the whole text.
	reach int
	// spaces are bytes counted as spaces beside \s: an expression that
	// reads runs of them (a blank in a template, "______, 2004"; an
	// amount's digits and separators) is bounded then.
	spaces string
}

// newWindowed bounds re's matches for windowed.
func newWindowed(re *regexp.Regexp, key func(string, int) bool) windowed {
	return newWindowedSpace(re, key, "")
}

// newWindowedSpace is newWindowed, counting the bytes of spaces as
// spaces.
func newWindowedSpace(re *regexp.Regexp, key func(string, int) bool, spaces string) windowed {
	w := windowed{re: re, key: key, reach: -1, spaces: spaces}
	if p, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		if n, ok := w.nonSpaceReach(p); ok {
			w.reach = n
		}
	}
	return w
}

// findAll is re.FindAllStringSubmatchIndex(text, -1).
func (w windowed) findAll(text string) [][]int {
	if w.reach < 0 {
		return w.re.FindAllStringSubmatchIndex(text, -1)
	}
	var out [][]int
	from, to := -1, -1
	flush := func() {
		if from < 0 {
			return
		}
		for _, idx := range w.re.FindAllStringSubmatchIndex(text[from:to], -1) {
			for k := range idx {
				if idx[k] >= 0 {
					idx[k] += from
				}
			}
			out = append(out, idx)
		}
	}
	for i := 0; i < len(text); i++ {
		if !w.key(text, i) {
			continue
		}
		lo, hi := w.nonSpaceBack(text, i, w.reach+2), w.nonSpaceFwd(text, i, w.reach+2)
		// a window cut inside a rune would read it as other runes
		for lo > 0 && !utf8.RuneStart(text[lo]) {
			lo--
		}
		for hi < len(text) && !utf8.RuneStart(text[hi]) {
			hi++
		}
		if from >= 0 && lo <= to {
			to = max(to, hi)
			continue
		}
		flush()
		from, to = lo, hi
	}
	flush()
	return out
}

// findAllStrings is re.FindAllStringSubmatch(text, -1).
func (w windowed) findAllStrings(text string) [][]string {
	var out [][]string
	for _, idx := range w.findAll(text) {
		m := make([]string, len(idx)/2)
		for k := range m {
			if idx[2*k] >= 0 {
				m[k] = text[idx[2*k]:idx[2*k+1]]
			}
		}
		out = append(out, m)
	}
	return out
}

// isSpace reports \s in Go's regexp, and the bytes of w.spaces.
func (w windowed) isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || strings.IndexByte(w.spaces, c) >= 0
}

// isSpaceRune reports a rune all of whose bytes are spaces (see isSpace).
func (w windowed) isSpaceRune(r rune) bool {
	for _, c := range []byte(string(r)) {
		if !w.isSpace(c) {
			return false
		}
	}
	return true
}

// nonSpaceBack is where, going back from i, the n-th non-space byte
// before i is (0 when there are fewer).
func (w windowed) nonSpaceBack(text string, i, n int) int {
	for i > 0 && n > 0 {
		i--
		if !w.isSpace(text[i]) {
			n--
		}
	}
	return i
}

// nonSpaceFwd is the end of the n-th non-space byte from i on (the end of
// text when there are fewer).
func (w windowed) nonSpaceFwd(text string, i, n int) int {
	for i < len(text) && n > 0 {
		if !w.isSpace(text[i]) {
			n--
		}
		i++
	}
	return i
}

// nonSpaceReach bounds the bytes other than spaces (see isSpace) that a
// match of re holds: 4 a rune (utf8.UTFMax), none a space; ok is false
// when unbounded (a repeat of anything but spaces).
func (w windowed) nonSpaceReach(re *syntax.Regexp) (n int, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !w.isSpaceRune(r) || re.Flags&syntax.FoldCase != 0 && unicode.SimpleFold(r) != r {
				n += 4
			}
		}
		return n, true
	case syntax.OpCharClass:
		for k := 0; k+1 < len(re.Rune); k += 2 {
			for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
				if !w.isSpaceRune(r) {
					return 4, true
				}
			}
		}
		return 0, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 4, true
	case syntax.OpCapture:
		return w.nonSpaceReach(re.Sub[0])
	case syntax.OpQuest:
		return w.nonSpaceReach(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if n, ok := w.nonSpaceReach(re.Sub[0]); ok && n == 0 {
			return 0, true
		}
		return 0, false
	case syntax.OpRepeat:
		n, ok := w.nonSpaceReach(re.Sub[0])
		switch {
		case !ok:
			return 0, false
		case n == 0:
			return 0, true
		case re.Max < 0:
			return 0, false
		}
		return n * re.Max, true
	case syntax.OpConcat:
		for _, s := range re.Sub {
			m, ok := w.nonSpaceReach(s)
			if !ok {
				return 0, false
			}
			n += m
		}
		return n, true
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			m, ok := w.nonSpaceReach(s)
			if !ok {
				return 0, false
			}
			n = max(n, m)
		}
		return n, true
	}
	return 0, false
}

// hasNianAt reports a 年 at i.
func hasNianAt(text string, i int) bool { return strings.HasPrefix(text[i:], "年") }

// hasYearAt reports a year of (?:19|20)\d{2} at i.
func hasYearAt(text string, i int) bool {
	return i+4 <= len(text) && (text[i] == '1' && text[i+1] == '9' || text[i] == '2' && text[i+1] == '0') &&
		isDigit(text[i+2]) && isDigit(text[i+3])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
