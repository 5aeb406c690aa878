package parse

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names recorded in Parsed.Encoding.
const (
	encUTF8    = "utf-8"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encGB18030 = "gb18030"
	encBig5    = "big5"
	encLatin1  = "windows-1252"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode turns raw text bytes into a UTF-8 string and names the encoding:
// UTF-8 (BOM stripped), UTF-16 with a BOM (or without one when every other
// byte is NUL), GB18030/GBK when the bytes are not UTF-8 but decode cleanly
// as GB18030 with mostly Han characters, Big5 likewise, UTF-8 with the
// odd bad byte replaced when nearly every non-ASCII sequence is UTF-8,
// otherwise Windows-1252 (the superset of Latin-1 that browsers use for
// the "latin1" label).
func decode(data []byte) (string, string) {
	return decodeDeclared(data, "", false)
}

// decodeDeclared is decode that, for bytes that are not UTF-8, first
// honours a declared charset: the charset parameter of the caller's
// content-type hint, or for HTML a <meta charset> in the first 1024 bytes.
func decodeDeclared(data []byte, hint string, isHTML bool) (string, string) {
	s, enc := decodeBytes(data, hint, isHTML)
	return stripANSI(s), enc
}

// ansiRe matches terminal escape sequences: CSI (colours, cursor moves)
// and OSC (titles, links). Coloured console logs are full of them; left
// in, "\x1b[31mERROR\x1b[0m" hides the level and enough of them make the
// text look binary.
var ansiRe = regexp.MustCompile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)|\x1b[@-Z\\\\-_]")

// stripANSI removes terminal escape sequences from s.
func stripANSI(s string) string {
	if strings.IndexByte(s, 0x1b) < 0 {
		return s
	}
	return ansiRe.ReplaceAllString(s, "")
}

func decodeBytes(data []byte, hint string, isHTML bool) (string, string) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return validUTF8(data[3:]), encUTF8
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(data, xunicode.LittleEndian), encUTF16LE
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data, xunicode.BigEndian), encUTF16BE
	}
	switch utf16NoBOM(data) {
	case encUTF16LE:
		return decodeUTF16(data, xunicode.LittleEndian), encUTF16LE
	case encUTF16BE:
		return decodeUTF16(data, xunicode.BigEndian), encUTF16BE
	}
	if utf8.Valid(data) {
		return string(data), encUTF8
	}
	if s, name, ok := declared(data, hint, isHTML); ok {
		return s, name
	}
	if mostlyUTF8(data) {
		return validUTF8(data), encUTF8
	}
	if s, ok := decodeHan(simplifiedchinese.GB18030, data); ok {
		return s, encGB18030
	}
	if s, ok := decodeHan(traditionalchinese.Big5, data); ok {
		return s, encBig5
	}
	s, _ := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(s), encLatin1
}

// validUTF8 returns data as a string with invalid sequences replaced.
func validUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
}

// decodeUTF16 decodes data (with or without BOM) in the given byte order.
func decodeUTF16(data []byte, order xunicode.Endianness) string {
	dec := xunicode.UTF16(order, xunicode.ExpectBOM).NewDecoder()
	if !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
		dec = xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder()
	}
	out, err := dec.Bytes(data)
	if err != nil {
		return validUTF8(out)
	}
	return string(out)
}

// utf16NoBOM recognises BOM-less UTF-16 of mostly ASCII text: NUL in
// nearly every odd (LE) or even (BE) byte and almost nowhere else.
func utf16NoBOM(data []byte) string {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*9 && even*10 < half:
		return encUTF16LE
	case even*10 >= half*9 && odd*10 < half:
		return encUTF16BE
	}
	return ""
}

// mostlyUTF8 reports whether data is UTF-8 with a few bad bytes: a file
// cut in the middle of a character, or one stray byte. Text in a legacy
// encoding hardly ever forms a valid multi-byte UTF-8 sequence, so it has
// few of them and many errors.
func mostlyUTF8(data []byte) bool {
	var good, bad int
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		data = data[n:]
	}
	return good >= 8 && bad*20 <= good
}

// decodeHan decodes data in a Chinese double-byte encoding and accepts the
// result only if it has no replacement characters and most non-ASCII
// characters are Han (or CJK punctuation): Latin-1 bytes also "decode" as
// GB18030, and Big5 bytes as GB18030, into nonsense that is rarely so
// consistently Han (Big5's common characters read as kana and Greek).
func decodeHan(enc encoding.Encoding, data []byte) (string, bool) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	s := string(out)
	var nonASCII, han int
	for _, r := range s {
		if r == utf8.RuneError {
			return "", false
		}
		if r < utf8.RuneSelf {
			continue
		}
		nonASCII++
		if isHanOrCJKPunct(r) {
			han++
		}
	}
	return s, nonASCII > 0 && han*10 >= nonASCII*8
}

func isHanOrCJKPunct(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

// declared decodes data with the charset named by hint or, for HTML, by
// its meta prescan; ok is false when there is none or it fails.
func declared(data []byte, hint string, isHTML bool) (string, string, bool) {
	label := ""
	if _, params, err := mime.ParseMediaType(hint); err == nil {
		label = params["charset"]
	}
	if label == "" && isHTML {
		if _, name, _ := charset.DetermineEncoding(data[:min(len(data), 1024)], "text/html"); name != encLatin1 {
			label = name
		}
	}
	if label == "" {
		return "", "", false
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return "", "", false
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", false
	}
	return string(out), name, true
}
