package tokenizer

import (
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
	"golang.org/x/text/unicode/norm"
)

// Span is a half-open byte range [Start, End) of the original input.
type Span struct {
	Start, End int
}

// normalized is text after normalisation, one entry per rune, each with the
// span of the original input it came from so token offsets can be mapped
// back to the caller's bytes.
type normalized struct {
	runes []rune
	align []Span
}

func newNormalized(text string, base int) *normalized {
	n := &normalized{runes: make([]rune, 0, len(text)), align: make([]Span, 0, len(text))}
	for i, r := range text {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(text[i:])
		}
		n.runes = append(n.runes, r)
		n.align = append(n.align, Span{base + i, base + i + size})
	}
	return n
}

// transform rebuilds n by calling f for each rune; every rune f emits keeps
// the span of the rune it came from.
func (n *normalized) transform(f func(i int, r rune, emit func(rune))) {
	out := &normalized{runes: make([]rune, 0, len(n.runes)), align: make([]Span, 0, len(n.runes))}
	var cur Span
	emit := func(r rune) {
		out.runes = append(out.runes, r)
		out.align = append(out.align, cur)
	}
	for i, r := range n.runes {
		cur = n.align[i]
		f(i, r, emit)
	}
	*n = *out
}

func (n *normalized) isASCII() bool {
	for _, r := range n.runes {
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// unicodeForm applies a Unicode normal form. Each normalised segment keeps
// the union of the spans of the input runes it came from.
func (n *normalized) unicodeForm(f norm.Form) {
	if n.isASCII() {
		return
	}
	s := string(n.runes)
	byteToRune := make([]int, len(s)+1)
	ri := 0
	for i := range s {
		byteToRune[i] = ri
		ri++
	}
	byteToRune[len(s)] = ri
	out := &normalized{runes: make([]rune, 0, len(n.runes)), align: make([]Span, 0, len(n.runes))}
	var it norm.Iter
	it.InitString(f, s)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		end := it.Pos()
		r0, r1 := byteToRune[start], byteToRune[end]
		sp := Span{n.align[r0].Start, n.align[r0].End}
		if r1 > r0 {
			sp.End = n.align[r1-1].End
		}
		for _, r := range string(seg) {
			out.runes = append(out.runes, r)
			out.align = append(out.align, sp)
		}
	}
	*n = *out
}

// normalizer rewrites normalized text.
type normalizer interface {
	normalize(n *normalized)
}

type normSequence []normalizer

func (s normSequence) normalize(n *normalized) {
	for _, x := range s {
		x.normalize(n)
	}
}

type normForm struct{ form norm.Form }

func (f normForm) normalize(n *normalized) { n.unicodeForm(f.form) }

type normLowercase struct{}

func (normLowercase) normalize(n *normalized) {
	n.transform(func(i int, r rune, emit func(rune)) { lowerAt(n.runes, i, r, emit) })
}

type normStripAccents struct{}

func (normStripAccents) normalize(n *normalized) {
	n.transform(func(_ int, r rune, emit func(rune)) {
		if !unicode.Is(unicode.Mn, r) {
			emit(r)
		}
	})
}

type normReplace struct {
	pattern string
	re      *regexp2.Regexp
	content []rune
}

func (p normReplace) normalize(n *normalized) {
	var spans [][2]int // rune ranges to replace
	if p.re != nil {
		m, _ := p.re.FindRunesMatch(n.runes)
		for m != nil {
			spans = append(spans, [2]int{m.Index, m.Index + m.Length})
			m, _ = p.re.FindNextMatch(m)
		}
	} else {
		pat := []rune(p.pattern)
		for i := 0; len(pat) > 0 && i+len(pat) <= len(n.runes); {
			if runesEqual(n.runes[i:i+len(pat)], pat) {
				spans = append(spans, [2]int{i, i + len(pat)})
				i += len(pat)
				continue
			}
			i++
		}
	}
	if len(spans) == 0 {
		return
	}
	out := &normalized{}
	prev := 0
	for _, sp := range spans {
		out.runes = append(out.runes, n.runes[prev:sp[0]]...)
		out.align = append(out.align, n.align[prev:sp[0]]...)
		var a Span
		if sp[1] > sp[0] {
			a = Span{n.align[sp[0]].Start, n.align[sp[1]-1].End}
		} else if sp[0] < len(n.align) {
			a = Span{n.align[sp[0]].Start, n.align[sp[0]].Start}
		}
		for _, r := range p.content {
			out.runes = append(out.runes, r)
			out.align = append(out.align, a)
		}
		prev = sp[1]
	}
	out.runes = append(out.runes, n.runes[prev:]...)
	out.align = append(out.align, n.align[prev:]...)
	*n = *out
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

type normStrip struct{ left, right bool }

func (s normStrip) normalize(n *normalized) {
	i, j := 0, len(n.runes)
	for s.left && i < j && unicode.IsSpace(n.runes[i]) {
		i++
	}
	for s.right && j > i && unicode.IsSpace(n.runes[j-1]) {
		j--
	}
	n.runes, n.align = n.runes[i:j], n.align[i:j]
}

type normPrepend struct{ prefix []rune }

func (p normPrepend) normalize(n *normalized) {
	if len(n.runes) == 0 {
		return
	}
	a := Span{n.align[0].Start, n.align[0].Start}
	runes := append(append([]rune{}, p.prefix...), n.runes...)
	align := make([]Span, len(p.prefix), len(runes))
	for i := range align {
		align[i] = a
	}
	n.runes, n.align = runes, append(align, n.align...)
}

// bertNormalizer is BertNormalizer: clean control characters, pad CJK
// ideographs with spaces, lowercase and strip accents (NFD then drop
// nonspacing marks), in the order the reference implementation applies them.
type bertNormalizer struct {
	cleanText, chinese, lowercase, stripAccents bool
}

func (b bertNormalizer) normalize(n *normalized) {
	src := n.runes
	n.transform(func(i int, r rune, emit func(rune)) {
		if r < utf8.RuneSelf {
			switch {
			case r == '\t' || r == '\n' || r == '\r' || r == ' ' || r == '\v' || r == '\f':
				if b.cleanText {
					r = ' '
				}
			case r == 0 || r < 0x20 || r == 0x7f:
				if b.cleanText {
					return
				}
			case b.lowercase && 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			}
			emit(r)
			return
		}
		if b.cleanText {
			if r == 0xfffd || isControl(r) {
				return
			}
			if unicode.IsSpace(r) {
				emit(' ')
				return
			}
		}
		if b.chinese && isChineseChar(r) {
			emit(' ')
			emit(r)
			emit(' ')
			return
		}
		if !b.lowercase && !b.stripAccents {
			emit(r)
			return
		}
		var buf [4]rune
		rs := buf[:0]
		if b.lowercase {
			lowerAt(src, i, r, func(x rune) { rs = append(rs, x) })
		} else {
			rs = append(rs, r)
		}
		for _, x := range rs {
			if !b.stripAccents || x < 0xC0 {
				emit(x)
				continue
			}
			for _, d := range norm.NFD.String(string(x)) {
				if !unicode.Is(unicode.Mn, d) {
					emit(d)
				}
			}
		}
	})
}

// lowerAt lowercases runes[i] (which is r), applying the final-sigma rule
// of the Unicode full case mapping as JavaScript and Rust do.
func lowerAt(runes []rune, i int, r rune, emit func(rune)) {
	if r == 'Σ' && finalSigma(runes, i) {
		emit('ς')
		return
	}
	lowerEmit(r, emit)
}

// finalSigma: a cased letter before (skipping case-ignorables) and none
// after.
func finalSigma(runes []rune, i int) bool {
	before := false
	for k := i - 1; k >= 0; k-- {
		if caseIgnorable(runes[k]) {
			continue
		}
		before = isCased(runes[k])
		break
	}
	if !before {
		return false
	}
	for k := i + 1; k < len(runes); k++ {
		if caseIgnorable(runes[k]) {
			continue
		}
		return !isCased(runes[k])
	}
	return true
}

func isCased(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) }

func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '\u00b7', '\u2019', '\u2018', '\u2024', '\ufe52', '\uff07', '\uff0e', '\u00ad':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// lowerEmit lowercases like JavaScript's and Rust's full lowercase mapping,
// which differs from unicode.ToLower for dotted capital I.
func lowerEmit(r rune, emit func(rune)) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		emit(r)
	case r == 'İ':
		emit('i')
		emit('\u0307')
	default:
		emit(unicode.ToLower(r))
	}
}

// isControl matches the reference's control test: Cc, Cf, Co and Cs,
// except tab, newline and carriage return.
func isControl(r rune) bool {
	if r == '\t' || r == '\n' || r == '\r' {
		return false
	}
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs)
}

func isChineseChar(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) ||
		(r >= 0x20000 && r <= 0x2A6DF) || (r >= 0x2A700 && r <= 0x2B73F) ||
		(r >= 0x2B740 && r <= 0x2B81F) || (r >= 0x2B920 && r <= 0x2CEAF) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0x2F800 && r <= 0x2FA1F)
}

func buildNormalizer(c *jsonNormalizer) (normalizer, error) {
	if c == nil {
		return nil, nil
	}
	switch c.Type {
	case "Sequence":
		var seq normSequence
		for i := range c.Normalizers {
			n, err := buildNormalizer(&c.Normalizers[i])
			if err != nil {
				return nil, err
			}
			if n == nil {
				continue
			}
			// Runs of single-character literal replacements (such as "each
			// non-ASCII space -> space") become one pass over the text.
			if r, ok := n.(normReplace); ok && r.re == nil && utf8.RuneCountInString(r.pattern) == 1 {
				from, _ := utf8.DecodeRuneInString(r.pattern)
				if last, ok := lastRuneMap(seq); ok && last.canAdd(from, r.content) {
					last.add(from, r.content)
					continue
				}
				m := &normRuneMap{m: map[rune][]rune{}}
				m.add(from, r.content)
				seq = append(seq, m)
				continue
			}
			seq = append(seq, n)
		}
		return seq, nil
	case "BertNormalizer":
		b := bertNormalizer{cleanText: boolOr(c.CleanText, true), chinese: boolOr(c.HandleChineseChars, true),
			lowercase: boolOr(c.Lowercase, true)}
		b.stripAccents = boolOr(c.StripAccents, b.lowercase)
		return b, nil
	case "NFD":
		return normForm{norm.NFD}, nil
	case "NFC":
		return normForm{norm.NFC}, nil
	case "NFKD":
		return normForm{norm.NFKD}, nil
	case "NFKC":
		return normForm{norm.NFKC}, nil
	case "Lowercase":
		return normLowercase{}, nil
	case "StripAccents":
		return normStripAccents{}, nil
	case "Strip":
		return normStrip{left: boolOr(c.StripLeft, true), right: boolOr(c.StripRight, true)}, nil
	case "Prepend":
		return normPrepend{prefix: []rune(c.Prepend)}, nil
	case "Replace":
		p := normReplace{content: []rune(c.Content)}
		switch {
		case c.Pattern.Regex != "":
			re, err := regexp2.Compile(c.Pattern.Regex, regexp2.None)
			if err != nil {
				return nil, fmt.Errorf("Replace normalizer regex %q: %w", c.Pattern.Regex, err)
			}
			p.re = re
		default:
			p.pattern = c.Pattern.String
		}
		return p, nil
	}
	return nil, fmt.Errorf("unsupported normalizer %q", c.Type)
}

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

// normRuneMap replaces single characters, each by a string: the merged form
// of consecutive single-character Replace normalizers.
type normRuneMap struct {
	m        map[rune][]rune
	hasASCII bool
}

// canAdd: merging is exact only when no replacement produces a character
// another replacement of the run would rewrite (sequential application
// would chain them), and the character is not already mapped.
func (p *normRuneMap) canAdd(from rune, to []rune) bool {
	if _, dup := p.m[from]; dup {
		return false
	}
	for _, out := range p.m {
		if slices.Contains(out, from) {
			return false
		}
	}
	for _, r := range to {
		if _, ok := p.m[r]; ok || r == from {
			return false
		}
	}
	return true
}

func (p *normRuneMap) add(from rune, to []rune) {
	p.m[from] = to
	p.hasASCII = p.hasASCII || from < utf8.RuneSelf
}

func (p *normRuneMap) normalize(n *normalized) {
	hit := false
	for _, r := range n.runes {
		if r < utf8.RuneSelf && !p.hasASCII {
			continue
		}
		if _, ok := p.m[r]; ok {
			hit = true
			break
		}
	}
	if !hit {
		return
	}
	n.transform(func(_ int, r rune, emit func(rune)) {
		to, ok := p.m[r]
		if !ok {
			emit(r)
			return
		}
		for _, x := range to {
			emit(x)
		}
	})
}

func lastRuneMap(seq normSequence) (*normRuneMap, bool) {
	if len(seq) == 0 {
		return nil, false
	}
	m, ok := seq[len(seq)-1].(*normRuneMap)
	return m, ok
}
