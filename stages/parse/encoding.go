package parse

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Encoding names recorded in Parsed.Encoding.
const (
	encUTF8    = "utf-8"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encUTF32LE = "utf-32le"
	encUTF32BE = "utf-32be"
	encGB18030 = "gb18030"
	encBig5    = "big5"
	encSJIS    = "shift_jis"
	encEUCJP   = "euc-jp"
	encEUCKR   = "euc-kr"
	encLatin1  = "windows-1252"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	// UTF-32's little-endian BOM opens with UTF-16's: test it first
	bomUTF32LE = []byte{0xFF, 0xFE, 0x00, 0x00}
	bomUTF32BE = []byte{0x00, 0x00, 0xFE, 0xFF}
)

// decode turns raw text bytes into a UTF-8 string and names the encoding:
// UTF-8 (BOM stripped), UTF-16 with a BOM (or without one when every other
// byte is NUL), UTF-8 with the odd bad byte replaced when nearly every
// non-ASCII sequence is UTF-8, GB18030/GBK, Big5, Shift-JIS, EUC-JP or
// EUC-KR when a statistical detector says so and the bytes decode cleanly,
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
	return lineBreaks(stripANSI(s)), enc
}

// lineBreaks turns CRLF into LF; lone CRs end lines in a text without an
// LF (classic Mac OS, some device exports). In a text with LFs, a lone CR
// is a terminal's carriage return (a progress bar redrawing its line), so
// a line keeps what follows its last CR, as the terminal showed it.
func lineBreaks(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if strings.IndexByte(s, '\n') < 0 {
		return strings.ReplaceAll(s, "\r", "\n")
	}
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if j := strings.LastIndexByte(strings.TrimRight(l, "\r"), '\r'); j >= 0 {
			lines[i] = l[j+1:]
		}
	}
	return strings.Join(lines, "\n")
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
	if bytes.HasPrefix(data, bomUTF8) {
		return validUTF8(data[3:]), encUTF8
	}
	switch {
	case bytes.HasPrefix(data, bomUTF32LE):
		return decodeUTF32(data, utf32.LittleEndian), encUTF32LE
	case bytes.HasPrefix(data, bomUTF32BE):
		return decodeUTF32(data, utf32.BigEndian), encUTF32BE
	}
	switch utf16Of(data) {
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
	if s, name, ok := legacyCJK(data); ok {
		return s, name
	}
	if s, name, ok := shortChinese(data); ok {
		return s, name
	}
	if enc, name := cyrillic8(data); enc != nil {
		s, _ := enc.NewDecoder().Bytes(data)
		return string(s), name
	}
	s, _ := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(s), encLatin1
}

// cyrillic8 is the single-byte Cyrillic encoding of data, nil when data
// is not Cyrillic: Russian or Bulgarian text writes most of its letters
// with bytes 0xC0-0xFF (a Western text only its accented ones, a few in a
// hundred), read as Windows-1252 they were "Äîãîâîð". Its letters are
// mostly lower case, which Windows-1251 puts at 0xE0-0xFF and KOI8-R at
// 0xC0-0xDF.
func cyrillic8(data []byte) (*charmap.Charmap, string) {
	var ascii, low, high int // ASCII letters; bytes 0xC0-0xDF; 0xE0-0xFF
	for _, b := range data[:min(len(data), detectSample)] {
		switch {
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
			ascii++
		case b >= 0xC0 && b <= 0xDF:
			low++
		case b >= 0xE0:
			high++
		}
	}
	if low+high < 20 || 2*(low+high) < ascii+low+high {
		return nil, ""
	}
	if high > low {
		return charmap.Windows1251, "windows-1251"
	}
	return charmap.KOI8R, "koi8-r"
}

// legacyCJK decodes bytes that are neither UTF-8 nor UTF-16 in the East
// Asian double-byte encoding that ICU's statistical detector (chardet)
// finds most likely, when it finds one: Windows-1252 bytes also decode as
// GB18030 or Big5 without error ("won’t" as "won抰"), and Shift-JIS
// or EUC-KR bytes as GB18030, so a clean decode alone proves nothing; the
// detector weighs which characters are common in each language. The
// decode must still be clean and mostly CJK.
func legacyCJK(data []byte) (string, string, bool) {
	sample := data[:min(len(data), detectSample)]
	results, err := chardet.NewTextDetector().DetectAll(sample)
	if err != nil || len(results) == 0 {
		return "", "", false
	}
	best := results[0]
	c, ok := legacyCharsets[best.Charset]
	if !ok || best.Confidence < minCJKConfidence {
		return "", "", false
	}
	s, ok := decodeHan(c.enc, data)
	return s, c.name, ok
}

// shortChinese recognises Chinese text too short for the statistical
// detector in GBK (shortGBK) or Big5 (shortBig5). Most GB2312 text is also
// valid Big5 and some Big5 text valid GBK, so a text both read is given to
// the encoding in which more of its characters are common ones; a tie
// stays GBK, as before Big5 was tried.
func shortChinese(data []byte) (string, string, bool) {
	gb, gbOK := shortGBK(data)
	b5, b5OK := shortBig5(data)
	switch {
	case gbOK && b5OK:
		if commonPairs(data, isCommonBig5) > commonPairs(data, isCommonGB) {
			return b5, encBig5, true
		}
		return gb, encGB18030, true
	case gbOK:
		return gb, encGB18030, true
	case b5OK:
		return b5, encBig5, true
	}
	return "", "", false
}

// shortBig5 recognises traditional Chinese Big5 text too short for the
// statistical detector ("甲方應於三十日內付款。", an address, a memo):
// every non-ASCII byte leads a Big5 pair, the text decodes to Han
// characters, CJK punctuation and full-width forms alone, and most of them
// are among Big5's frequently used characters. Big5's second byte may be
// an ASCII letter, so accented Western text pairs up too ("Mü" + "l"):
// the characters it makes stand inside Latin words, which Chinese ones do
// not, and its lower-case accented letters (0xE0-0xFF) lead pairs of the
// less frequently used characters ("Öl" would read "珸").
func shortBig5(data []byte) (string, bool) {
	pairs := 0
	for i := 0; i < len(data); {
		if data[i] < 0x80 {
			i++
			continue
		}
		if i+1 >= len(data) || !isBig5Pair(data[i], data[i+1]) {
			return "", false
		}
		pairs++
		i += 2
	}
	if pairs == 0 {
		return "", false
	}
	out, err := traditionalchinese.Big5.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	s := string(out)
	for _, r := range s {
		if r >= utf8.RuneSelf && !isHanOrCJKSymbol(r) {
			return "", false
		}
	}
	return s, inLatinWords([]rune(s))*2 < pairs && commonPairs(data, isCommonBig5)*10 >= pairs*7
}

// isHanOrCJKSymbol reports whether r is a Han character, CJK punctuation
// or a full-width form: what traditional Chinese text is written with.
// Kana and Hangul are left out, Big5 has kana only as symbols, and
// accented Western letters before a space read as kana ("Ça va" as
// "ぺ va").
func isHanOrCJKSymbol(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r >= 0xFE30 && r <= 0xFE6F ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

// isBig5Pair reports whether lead and trail form a character of Big5
// proper (0xA140-0xF9FE): trail bytes 0x40-0x7E or 0xA1-0xFE.
func isBig5Pair(lead, trail byte) bool {
	return lead >= 0xA1 && lead <= 0xF9 && (trail >= 0x40 && trail <= 0x7E || trail >= 0xA1 && trail <= 0xFE)
}

// isCommonGB reports whether a GB2312 pair is punctuation or full-width
// (rows 0xA1-0xA3) or one of level 1's 3,755 common characters (0xB0-0xD7):
// a Big5 text read as GBK falls mostly on kana, box drawing, level 2's rare
// characters and GBK's extensions.
func isCommonGB(lead, trail byte) bool {
	return (lead >= 0xA1 && lead <= 0xA3 || lead >= 0xB0 && lead <= 0xD7) && trail >= 0xA1 && trail <= 0xFE
}

// isCommonBig5 reports whether a Big5 pair is a symbol (0xA140-0xA3BF) or
// one of the 5,401 frequently used characters (0xA440-0xC67E): a GBK text
// read as Big5 falls half the time on the less frequently used ones.
func isCommonBig5(lead, trail byte) bool {
	return isBig5Pair(lead, trail) && (lead <= 0xC5 || lead == 0xC6 && trail <= 0x7E)
}

// commonPairs counts the double-byte pairs of data that common reports as
// common characters, pairing each non-ASCII byte with the next.
func commonPairs(data []byte, common func(lead, trail byte) bool) int {
	n := 0
	for i := 0; i+1 < len(data); i++ {
		if data[i] >= 0x80 {
			if common(data[i], data[i+1]) {
				n++
			}
			i++
		}
	}
	return n
}

// inLatinWords counts the non-ASCII runes of rs next to an ASCII letter:
// an accented letter of a Western text read as a double-byte character.
func inLatinWords(rs []rune) int {
	n := 0
	for i, r := range rs {
		if r >= utf8.RuneSelf && (i > 0 && isASCIILetterRune(rs[i-1]) || i+1 < len(rs) && isASCIILetterRune(rs[i+1])) {
			n++
		}
	}
	return n
}

// shortGBK recognises Chinese GBK text too short for the statistical
// detector ("合同", a title, one clause): every non-ASCII byte is part of
// a pair in GB2312's range (both bytes 0xA1-0xFE), so non-ASCII runs have
// even lengths, and the characters stand together rather than inside
// Latin words. Western text in Windows-1252 has its accented letters
// mostly alone between ASCII letters ("Müller", "café").
func shortGBK(data []byte) (string, bool) {
	pairs := 0
	for i := 0; i < len(data); {
		if data[i] < 0x80 {
			i++
			continue
		}
		if i+1 >= len(data) || data[i] < 0xA1 || data[i] > 0xF7 || data[i+1] < 0xA1 || data[i+1] == 0xFF {
			return "", false
		}
		pairs++
		i += 2
	}
	if pairs == 0 {
		return "", false
	}
	s, ok := decodeHan(simplifiedchinese.GB18030, data)
	if !ok {
		return "", false
	}
	return s, inLatinWords([]rune(s))*2 < pairs
}

func isASCIILetterRune(r rune) bool { return r < utf8.RuneSelf && isASCIILetter(byte(r)) }

// detectSample is how much of a file the charset detector reads; its
// statistics settle long before, and a 60 MB log would take seconds.
const detectSample = 64 << 10

// minCJKConfidence is the detector's confidence (0-100) below which a
// double-byte reading is not trusted. Real Chinese, Japanese and Korean
// text scores 80-100; Latin text misread as CJK 10 or less.
const minCJKConfidence = 50

var legacyCharsets = map[string]struct {
	enc  encoding.Encoding
	name string
}{
	"GB-18030":  {simplifiedchinese.GB18030, encGB18030},
	"Big5":      {traditionalchinese.Big5, encBig5},
	"Shift_JIS": {japanese.ShiftJIS, encSJIS},
	"EUC-JP":    {japanese.EUCJP, encEUCJP},
	"EUC-KR":    {korean.EUCKR, encEUCKR},
}

// validUTF8 returns data as a string with invalid sequences replaced.
func validUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
}

// utf16Of names the UTF-16 byte order of data (with or without a BOM), or
// "" for other encodings.
func utf16Of(data []byte) string {
	switch {
	case bytes.HasPrefix(data, bomUTF32LE) || bytes.HasPrefix(data, bomUTF32BE):
		return "" // UTF-32
	case bytes.HasPrefix(data, bomUTF16LE):
		return encUTF16LE
	case bytes.HasPrefix(data, bomUTF16BE):
		return encUTF16BE
	}
	return utf16NoBOM(data)
}

// decodeUTF32 decodes data that opens with a UTF-32 BOM.
func decodeUTF32(data []byte, order utf32.Endianness) string {
	out, err := utf32.UTF32(order, utf32.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return validUTF8(out)
	}
	return string(out)
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

// utf16NoBOM recognises BOM-less UTF-16: NUL in nearly every odd (LE) or
// even (BE) byte and almost nowhere else, as in mostly ASCII text; or, for
// text in other scripts (Chinese with line breaks, or with 一 U+4E00),
// some NUL bytes and nearly every code unit a plausible character in one
// byte order but not in the other. UTF-8 and legacy text have no NUL
// bytes, so neither rule takes them.
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
	case odd+even == 0:
		return "" // UTF-8 and legacy text: no NUL byte
	}
	// Chinese and other scripts: a NUL in either parity (a line break's,
	// or a character's such as 一 U+4E00), and the code units plausible
	// characters in one byte order only
	le, be := plausibleUTF16(data[:n], xunicode.LittleEndian), plausibleUTF16(data[:n], xunicode.BigEndian)
	switch {
	case le && !be:
		return encUTF16LE
	case be && !le:
		return encUTF16BE
	}
	return ""
}

// plausibleUTF16 reports whether nearly all code units of data, read in
// the given byte order, are characters text is made of: ASCII, Latin
// letters, CJK ideographs and punctuation, kana, Hangul, full-width forms.
func plausibleUTF16(data []byte, order xunicode.Endianness) bool {
	units, good := 0, 0
	for i := 0; i+1 < len(data); i += 2 {
		u := rune(data[i])<<8 | rune(data[i+1])
		if order == xunicode.LittleEndian {
			u = rune(data[i+1])<<8 | rune(data[i])
		}
		units++
		switch {
		case u >= 0x20 && u < 0x7F, u == '\n', u == '\r', u == '\t',
			u >= 0xA0 && u < 0x250, u >= 0x2000 && u < 0x2070,
			u >= 0x3000 && u < 0x3100, u >= 0x3400 && u < 0xA000,
			u >= 0xAC00 && u < 0xD7B0, u >= 0xFF00 && u < 0xFFF0:
			good++
		}
	}
	return units > 0 && good*100 >= units*95
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

// decodeHan decodes data in an East Asian double-byte encoding and
// accepts the result only if it has no replacement characters and most
// non-ASCII characters are Han, kana, Hangul or CJK punctuation.
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
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
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
	if name == encUTF8 && !mostlyUTF8(data) {
		// a page that says UTF-8 in a meta tag and is GBK: decoded as
		// declared it was all replacement characters and refused as
		// binary; the detector reads what the bytes are
		return "", "", false
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", false
	}
	return string(out), name, true
}
