package lang

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// t2sData holds traditional/simplified character pairs from OpenCC (see
// data/NOTICE).
//
//go:embed data/t2s.txt
var t2sData string

// T2S is the table of traditional Chinese characters and their
// simplified forms (OpenCC's first candidate), built on first use.
var T2S = sync.OnceValue(func() map[rune]rune {
	t := make(map[rune]rune, 4200)
	for s := t2sData; len(s) > 0; {
		tr, n := utf8.DecodeRuneInString(s)
		v, m := utf8.DecodeRuneInString(s[n:])
		s = s[n+m:]
		if tr != '\n' && v != '\n' {
			t[tr] = v
		}
	}
	return t
})

// Simplified folds the traditional Chinese characters of s to simplified
// ones (協議 -> 协议) and reports whether any changed. The result has the
// same length in bytes as s, character for character, so an offset found
// in it is one in s: a pair whose forms differ in length (824 of the
// 4,105, rare characters outside the Basic Multilingual Plane) is left as
// it is.
func Simplified(s string) (string, bool) {
	t := T2S()
	var b *strings.Builder
	for i, r := range s {
		v, ok := t[r]
		if ok && utf8.RuneLen(v) != utf8.RuneLen(r) {
			ok = false
		}
		if ok && b == nil {
			b = &strings.Builder{}
			b.Grow(len(s))
			b.WriteString(s[:i])
		}
		switch {
		case ok:
			b.WriteRune(v)
		case b != nil:
			b.WriteRune(r)
		}
	}
	if b == nil {
		return s, false
	}
	return b.String(), true
}
