package tokenizer

import (
	"fmt"
	"unicode"

	"github.com/dlclark/regexp2"
)

// piece is a pre-token: a rune range of the normalised text. prefixSpace
// marks a space the ByteLevel pre-tokenizer adds in front of it.
type piece struct {
	start, end  int
	prefixSpace bool
}

// preTokenizer splits normalised text into pieces; it refines the pieces it
// is given.
type preTokenizer interface {
	split(n *normalized, in []piece) []piece
}

type preSequence []preTokenizer

func (s preSequence) split(n *normalized, in []piece) []piece {
	for _, p := range s {
		in = p.split(n, in)
	}
	return in
}

// bertPre splits on whitespace (dropped) and isolates each punctuation
// character.
type bertPre struct{}

func (bertPre) split(n *normalized, in []piece) []piece {
	out := in[:0:0]
	for _, p := range in {
		start := -1
		for i := p.start; i < p.end; i++ {
			r := n.runes[i]
			switch {
			case isSpaceRune(r):
				if start >= 0 {
					out = append(out, piece{start: start, end: i})
					start = -1
				}
			case isBertPunct(r):
				if start >= 0 {
					out = append(out, piece{start: start, end: i})
					start = -1
				}
				out = append(out, piece{start: i, end: i + 1})
			default:
				if start < 0 {
					start = i
				}
			}
		}
		if start >= 0 {
			out = append(out, piece{start: start, end: p.end})
		}
	}
	return out
}

func isSpaceRune(r rune) bool {
	if r < 0x80 {
		return r == ' ' || (r >= '\t' && r <= '\r')
	}
	return unicode.IsSpace(r) || r == 0xFEFF
}

func isBertPunct(r rune) bool {
	if r < 0x80 {
		return (r >= 33 && r <= 47) || (r >= 58 && r <= 64) || (r >= 91 && r <= 96) || (r >= 123 && r <= 126)
	}
	return unicode.IsPunct(r)
}

// whitespacePre is the Whitespace pre-tokenizer: \w+|[^\w\s]+.
type whitespacePre struct{ splitOnly bool }

func (w whitespacePre) split(n *normalized, in []piece) []piece {
	out := in[:0:0]
	class := func(r rune) int {
		switch {
		case isSpaceRune(r):
			return 0
		case w.splitOnly || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			return 1
		default:
			return 2
		}
	}
	for _, p := range in {
		start, cur := -1, 0
		for i := p.start; i < p.end; i++ {
			c := class(n.runes[i])
			if c != cur && start >= 0 {
				out = append(out, piece{start: start, end: i})
				start = -1
			}
			if c != 0 && start < 0 {
				start = i
			}
			cur = c
		}
		if start >= 0 {
			out = append(out, piece{start: start, end: p.end})
		}
	}
	return out
}

// Split behaviours of the Split pre-tokenizer.
const (
	behRemoved = iota
	behIsolated
	behMergedWithPrevious
	behMergedWithNext
	behContiguous
)

// regexSplit is the Split pre-tokenizer with a regex (lookahead allowed,
// via regexp2) or a literal pattern.
type regexSplit struct {
	re       *regexp2.Regexp
	literal  []rune
	behavior int
	invert   bool
}

func (s regexSplit) matches(runes []rune) [][2]int {
	var out [][2]int
	if s.re != nil {
		m, _ := s.re.FindRunesMatch(runes)
		for m != nil {
			if m.Length > 0 {
				out = append(out, [2]int{m.Index, m.Index + m.Length})
			}
			m, _ = s.re.FindNextMatch(m)
		}
		return out
	}
	for i := 0; len(s.literal) > 0 && i+len(s.literal) <= len(runes); {
		if runesEqual(runes[i:i+len(s.literal)], s.literal) {
			out = append(out, [2]int{i, i + len(s.literal)})
			i += len(s.literal)
			continue
		}
		i++
	}
	return out
}

func (s regexSplit) split(n *normalized, in []piece) []piece {
	out := in[:0:0]
	for _, p := range in {
		var parts []part
		prev := p.start
		for _, m := range s.matches(n.runes[p.start:p.end]) {
			a, b := p.start+m[0], p.start+m[1]
			if a > prev {
				parts = append(parts, part{prev, a, s.invert})
			}
			parts = append(parts, part{a, b, !s.invert})
			prev = b
		}
		if prev < p.end {
			parts = append(parts, part{prev, p.end, s.invert})
		}
		var acc []piece
		pendingNext := -1
		for _, x := range parts {
			switch {
			case !x.delim || s.behavior == behIsolated:
				start := x.start
				if pendingNext >= 0 {
					start, pendingNext = pendingNext, -1
				}
				acc = append(acc, piece{start: start, end: x.end})
			case s.behavior == behRemoved:
			case s.behavior == behMergedWithPrevious:
				if len(acc) > 0 && acc[len(acc)-1].end == x.start {
					acc[len(acc)-1].end = x.end
				} else {
					acc = append(acc, piece{start: x.start, end: x.end})
				}
			case s.behavior == behMergedWithNext:
				if pendingNext < 0 {
					pendingNext = x.start
				}
			case s.behavior == behContiguous:
				if len(acc) > 0 && acc[len(acc)-1].end == x.start && lastDelim(parts, x.start) {
					acc[len(acc)-1].end = x.end
				} else {
					acc = append(acc, piece{start: x.start, end: x.end})
				}
			}
		}
		if pendingNext >= 0 {
			acc = append(acc, piece{start: pendingNext, end: p.end})
		}
		if len(acc) > 0 {
			acc[0].prefixSpace = p.prefixSpace
		}
		out = append(out, acc...)
	}
	return out
}

// part is a stretch of a piece, a regex match (delimiter) or not.
type part struct {
	start, end int
	delim      bool
}

// lastDelim is a helper for Contiguous: whether the part ending at pos was
// a delimiter too.
func lastDelim(parts []part, pos int) bool {
	for _, p := range parts {
		if p.end == pos {
			return p.delim
		}
	}
	return false
}

// gpt2Pattern is the split regex of the ByteLevel pre-tokenizer with
// use_regex.
const gpt2Pattern = `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`

// byteLevelPre marks the pipeline as byte level, optionally splitting with
// the GPT-2 regex and adding a prefix space.
type byteLevelPre struct {
	addPrefixSpace bool
	re             *regexSplit
}

func (b byteLevelPre) split(n *normalized, in []piece) []piece {
	if b.addPrefixSpace {
		for i := range in {
			if in[i].end > in[i].start && n.runes[in[i].start] != ' ' {
				in[i].prefixSpace = true
			}
		}
	}
	if b.re != nil {
		return b.re.split(n, in)
	}
	return in
}

func buildPreTokenizer(c *jsonPreTokenizer, byteLevel *bool) (preTokenizer, error) {
	if c == nil {
		return nil, nil
	}
	switch c.Type {
	case "Sequence":
		var seq preSequence
		for i := range c.PreTokenizers {
			p, err := buildPreTokenizer(&c.PreTokenizers[i], byteLevel)
			if err != nil {
				return nil, err
			}
			seq = append(seq, p)
		}
		return seq, nil
	case "BertPreTokenizer":
		return bertPre{}, nil
	case "Whitespace":
		return whitespacePre{}, nil
	case "WhitespaceSplit":
		return whitespacePre{splitOnly: true}, nil
	case "ByteLevel":
		*byteLevel = true
		b := byteLevelPre{addPrefixSpace: boolOr(c.AddPrefixSpace, true)}
		if boolOr(c.UseRegex, true) {
			re := regexp2.MustCompile(gpt2Pattern, regexp2.None)
			b.re = &regexSplit{re: re, behavior: behIsolated}
		}
		return b, nil
	case "Split":
		s := regexSplit{invert: c.Invert}
		switch c.Behavior {
		case "Removed":
			s.behavior = behRemoved
		case "Isolated":
			s.behavior = behIsolated
		case "MergedWithPrevious":
			s.behavior = behMergedWithPrevious
		case "MergedWithNext":
			s.behavior = behMergedWithNext
		case "Contiguous":
			s.behavior = behContiguous
		default:
			return nil, fmt.Errorf("Split pre-tokenizer: unsupported behavior %q", c.Behavior)
		}
		if c.Pattern.Regex != "" {
			re, err := regexp2.Compile(c.Pattern.Regex, regexp2.None)
			if err != nil {
				return nil, fmt.Errorf("Split pre-tokenizer regex %q: %w", c.Pattern.Regex, err)
			}
			s.re = re
		} else {
			s.literal = []rune(c.Pattern.String)
		}
		return s, nil
	}
	return nil, fmt.Errorf("unsupported pre-tokenizer %q", c.Type)
}
