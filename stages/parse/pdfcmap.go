package parse

import (
	"io"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// The library decodes a simple font through its /Encoding whenever it has
// one and reads /ToUnicode only when it has none, the reverse of the
// order PDF 32000-1 (9.10.2) gives. Subset fonts often carry an Encoding
// whose Differences name their glyphs /g24 or /glyph3 and a ToUnicode map
// that is the only way back to characters, so docmill reads that map
// itself. A CMap is a small PostScript program; only its bfchar and
// bfrange sections matter here, so a tokenizer is enough.

// Bounds against hostile maps.
const (
	maxCMapBytes   = 1 << 20
	maxCMapEntries = 1 << 16
)

// readToUnicode returns a ToUnicode map's single-byte codes and their
// text; nil when the stream is missing or maps no single-byte code.
func readToUnicode(v pdf.Value) map[byte]string {
	if v.Kind() != pdf.Stream {
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(v.Reader(), maxCMapBytes))
	if err != nil && len(data) == 0 {
		return nil
	}
	out := map[byte]string{}
	var args []cmapToken
	mode := ""
	for _, tok := range cmapTokens(data) {
		switch {
		case tok.kw == "beginbfchar" || tok.kw == "beginbfrange":
			mode, args = tok.kw, args[:0]
		case tok.kw == "endbfchar" || tok.kw == "endbfrange":
			mode = ""
		case mode == "beginbfchar" && tok.kw == "":
			if args = append(args, tok); len(args) == 2 {
				addCMapChar(out, args[0].s, args[1].s)
				args = args[:0]
			}
		case mode == "beginbfrange" && tok.kw == "":
			if args = append(args, tok); len(args) == 3 {
				addCMapRange(out, args[0].s, args[1].s, args[2])
				args = args[:0]
			}
		default:
			args = args[:0] // anything else in a section: resynchronise on the next entry
		}
		if len(out) >= maxCMapEntries {
			break
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func addCMapChar(out map[byte]string, code, text string) {
	if len(code) == 1 {
		out[code[0]] = utf16Text(text)
	}
}

func addCMapRange(out map[byte]string, lo, hi string, dst cmapToken) {
	if len(lo) != 1 || len(hi) != 1 || lo[0] > hi[0] {
		return
	}
	for c := int(lo[0]); c <= int(hi[0]); c++ {
		k := c - int(lo[0])
		switch {
		case dst.list != nil:
			if k < len(dst.list) {
				out[byte(c)] = utf16Text(dst.list[k])
			}
		case len(dst.s) >= 2:
			// the last UTF-16 unit counts up through the range
			b := []byte(dst.s)
			u := int(b[len(b)-2])<<8 | int(b[len(b)-1]) + k
			b[len(b)-2], b[len(b)-1] = byte(u>>8), byte(u)
			out[byte(c)] = utf16Text(string(b))
		}
	}
}

// utf16Text decodes a ToUnicode destination (UTF-16BE).
func utf16Text(s string) string {
	if len(s)%2 == 1 {
		return string([]rune{rune(s[0])}) // a one-byte destination, written by some producers
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return string(utf16.Decode(u))
}

// cmapToken is a keyword (kw), a string (s, from <hex> or (literal)) or an
// array of strings (list).
type cmapToken struct {
	kw   string
	s    string
	list []string
}

// cmapTokens splits a CMap into the tokens readToUnicode needs; names,
// numbers and dictionaries come out as keywords it ignores.
func cmapTokens(b []byte) []cmapToken {
	var out []cmapToken
	var list []string
	inArray := false
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c <= ' ':
			i++
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			i += 2
		case c == '<':
			s, n := hexString(b[i+1:])
			i += n + 1
			if inArray {
				list = append(list, s)
			} else {
				out = append(out, cmapToken{s: s})
			}
		case c == '[':
			inArray, list = true, []string{}
			i++
		case c == ']':
			if inArray {
				out = append(out, cmapToken{list: list})
			}
			inArray = false
			i++
		default:
			j := i + 1
			for j < len(b) && b[j] > ' ' && !isDelim(b[j]) {
				j++
			}
			if !inArray {
				out = append(out, cmapToken{kw: string(b[i:j])})
			}
			i = j
		}
	}
	return out
}

func isDelim(c byte) bool {
	switch c {
	case '<', '>', '[', ']', '(', ')', '/', '%', '{', '}':
		return true
	}
	return false
}

// hexString decodes the hex digits up to '>' and returns the bytes and
// how many input bytes it read (the '>' included). An odd last digit is
// followed by an implied 0.
func hexString(b []byte) (string, int) {
	var out []byte
	hi, half := byte(0), false
	i := 0
	for ; i < len(b) && b[i] != '>'; i++ {
		v, ok := hexVal(b[i])
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	if i < len(b) {
		i++
	}
	return string(out), i
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
