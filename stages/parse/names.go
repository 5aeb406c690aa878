package parse

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// DecodeName turns a file name that is not UTF-8 into UTF-8 with the
// charset detection that file contents get: names from Windows zips and
// SMB shares are GBK, Big5, Shift-JIS or Windows-1252 bytes, and kept as
// they are they reach JSON as U+FFFD, which loses the name. Each segment
// of a slash-separated path is decoded on its own, since a folder made
// on one system can hold files named on another. A segment that reads as
// no double-byte encoding is read as Windows-1252 byte by byte, the bytes
// it leaves undefined as the C1 controls of ISO-8859-1, so that nothing
// is replaced and the name's bytes can be recovered. A UTF-8 name is
// returned as it is.
func DecodeName(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	segs := strings.Split(name, "/")
	for i, s := range segs {
		if !utf8.ValidString(s) {
			segs[i] = decodeNameSegment([]byte(s))
		}
	}
	return strings.Join(segs, "/")
}

// decodeNameSegment decodes one path segment that is not UTF-8: as the
// East Asian encoding chardet names, as short GBK or Big5, or else as
// Windows-1252. The partial-UTF-8 and Cyrillic readings of decodeBytes
// are left out: the first replaces bytes, and the second needs more
// letters than a name has.
func decodeNameSegment(data []byte) string {
	if s, _, ok := legacyCJK(data); ok {
		return s
	}
	if s, _, ok := shortChinese(data); ok {
		return s
	}
	var b strings.Builder
	for _, c := range data {
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c) // 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in Windows-1252
		}
		b.WriteRune(r)
	}
	return b.String()
}
