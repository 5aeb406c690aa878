package parse

import (
	"bytes"
	"math"
	"mime"
	"regexp"
	"strconv"
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
// otherwise the single-byte code page whose reading is the most plausible
// text (singleByte), Windows-1252 (the superset of Latin-1 that browsers
// use for the "latin1" label) unless another reads clearly better.
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
		// a short Russian or Greek text pairs up as GBK or Big5 too
		if alt, altName, cost := singleByteReading(data); cost < hanReadingCost(s) {
			return alt, altName
		}
		return s, name
	}
	return singleByte(data)
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
	case asciiProse(data[:n]):
		return "" // a stray NUL in ASCII text read it as UTF-16 CJK
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

// asciiProse reports whether data, NUL bytes aside, is ASCII text with
// words: every byte under 0x80 and at least one in twelve a space. UTF-16
// Chinese whose code units all have ASCII bytes (中 is 2D 4E) has a space
// byte about once in 256.
func asciiProse(data []byte) bool {
	spaces, other := 0, 0
	for _, c := range data {
		switch {
		case c >= 0x80:
			return false
		case c == ' ' || c == '\n' || c == '\t':
			spaces++
		case c != 0:
			other++
		}
	}
	return spaces*12 >= spaces+other
}

// plausibleUTF16 reports whether nearly all code units of data, read in
// the given byte order, are characters text is made of: ASCII, Latin
// letters, CJK ideographs and punctuation, kana, Hangul, full-width forms.
func plausibleUTF16(data []byte, order xunicode.Endianness) bool {
	units, good := 0, 0
	distinct := map[rune]bool{}
	for i := 0; i+1 < len(data); i += 2 {
		u := rune(data[i])<<8 | rune(data[i+1])
		if order == xunicode.LittleEndian {
			u = rune(data[i+1])<<8 | rune(data[i])
		}
		units++
		if len(distinct) < minDistinctUnits {
			distinct[u] = true
		}
		switch {
		case u >= 0x20 && u < 0x7F, u == '\n', u == '\r', u == '\t',
			u >= 0xA0 && u < 0x250, u >= 0x2000 && u < 0x2070,
			u >= 0x3000 && u < 0x3100, u >= 0x3400 && u < 0xA000,
			u >= 0xAC00 && u < 0xD7B0, u >= 0xFF00 && u < 0xFFF0:
			good++
		}
	}
	// a few units over and over are a binary pattern ("00 01 02 FF" read
	// as Ā＂Ā＂...), not text, which uses many characters
	return units > 0 && good*100 >= units*95 && len(distinct) >= min(minDistinctUnits, units/4)
}

// minDistinctUnits is how many different code units a plausible UTF-16
// text of some length holds at least.
const minDistinctUnits = 8

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

// singleByte decodes text that is neither UTF-8, UTF-16 nor a double-byte
// East Asian encoding in the single-byte code page whose reading is the
// most plausible text. ASCII reads the same in all of them, so only the
// bytes over 0x7F are weighed: each reading is scored by what its
// characters cost (readingCost: how common each letter is in the language
// that fits the reading best, and penalties for what text is not made of:
// a word mixing scripts or cases, a symbol inside a word, a control
// character), plus what the code page costs a priori, and the cheapest
// reading wins. Windows-1252 is the likeliest a priori, so Western text
// stays Windows-1252 unless another reading is clearly better; a reading
// as UTF-8 with its bad bytes replaced competes too when the text has as
// many valid multi-byte sequences as bad bytes (a short UTF-8 file with
// one stray Latin-1 byte). When no reading is plausible (binary data, an
// unknown code page) the text stays Windows-1252.
func singleByte(data []byte) (string, string) {
	s, name, _ := singleByteReading(data)
	return s, name
}

// singleByteReading is singleByte with the cost of the reading it chose
// (+Inf when it fell back to Windows-1252 for want of a plausible one).
func singleByteReading(data []byte) (string, string, float64) {
	sample := data[:min(len(data), detectSample)]
	best, bestCost, western := -1, 0.0, math.Inf(1)
	var high int
	for i, c := range singleByteCodePages {
		runes, hi := make([]rune, len(sample)), make([]bool, len(sample))
		for j, b := range sample {
			runes[j], hi[j] = c.cm.DecodeByte(b), b >= 0x80
		}
		if i == 0 {
			for _, h := range hi {
				if h {
					high++
				}
			}
			if high == 0 {
				break
			}
		}
		cost := c.prior + readingCost(runes, hi)
		if i == 0 {
			western = cost
		}
		if best < 0 || cost < bestCost {
			best, bestCost = i, cost
		}
	}
	if best > 0 && westernWords(sample) {
		// a Western text's few accented letters ("São Paulo", "naïve" in
		// English) read as Central European or Cyrillic ones (Săo, naďve)
		// about as cheaply, or more: the frequencies weigh one letter, not
		// whether each word reads as a word of one Western language
		best, bestCost = 0, western
	}
	if runes, hi, ok := utf8Reading(sample); ok {
		if cost := utf8Prior + readingCost(runes, hi); best < 0 || cost <= bestCost {
			return validUTF8(data), encUTF8, cost
		}
	}
	if best < 0 || bestCost > float64(high)*implausibleCost {
		best, bestCost = 0, math.Inf(1)
	}
	c := singleByteCodePages[best]
	out, _ := c.cm.NewDecoder().Bytes(data)
	return string(out), c.name, bestCost
}

// hanReadingCost is what shortChinese's reading of a text costs in
// readingCost's terms: a common Han character about 6.6 nats (Chinese
// characters carry some 9.5 bits each), a space between two of them
// costSpacedHan, as Chinese is written without spaces between words and a
// short Russian text read as GBK is one or two characters a word
// ("Счёт на оп" as "痒蛤 磬 铒").
func hanReadingCost(s string) float64 {
	const perHan, costSpacedHan, prior = 6.6, 4.0, 1.0
	rs := []rune(s)
	cost := prior
	for i, r := range rs {
		switch {
		case r >= utf8.RuneSelf:
			cost += perHan
		case r == ' ' && i > 0 && rs[i-1] >= utf8.RuneSelf:
			j := i
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			if j < len(rs) && rs[j] >= utf8.RuneSelf {
				cost += costSpacedHan
			}
		}
	}
	return cost
}

// singleByteCodePages are the code pages singleByte weighs, Windows-1252
// first, with their prior cost: minus the log of how likely a file in a
// legacy single-byte encoding is in that one.
var singleByteCodePages = []struct {
	cm    *charmap.Charmap
	name  string
	prior float64
}{
	{charmap.Windows1252, encLatin1, 0.7},
	{charmap.Windows1251, "windows-1251", 1.9},
	{charmap.Windows1250, "windows-1250", 2.3},
	{charmap.KOI8R, "koi8-r", 3},
	{charmap.ISO8859_2, "iso-8859-2", 3.5},
	{charmap.Windows1253, "windows-1253", 3.5},
	{charmap.ISO8859_7, "iso-8859-7", 3.9},
	{charmap.CodePage866, "ibm866", 3.9},
	{charmap.Macintosh, "macintosh", 4.6},
}

// westernWords reports whether data read as Windows-1252 is words of the
// Western languages: every word with a letter over 0x7F has all such
// letters in one language's alphabet (São, naïve, Björn, façade), where
// text in another code page read so mixes them (Ïðèâåò, pøíliš).
func westernWords(data []byte) bool {
	var word []rune
	ok := true
	check := func() {
		if len(word) > 0 && ok {
			ok = oneWesternAlphabet(word)
		}
		word = word[:0]
	}
	letter := func(i int) bool {
		return i >= 0 && i < len(data) && unicode.IsLetter(charmap.Windows1252.DecodeByte(data[i]))
	}
	for i, b := range data {
		r := charmap.Windows1252.DecodeByte(b)
		switch {
		case b >= 0x80 && !unicode.IsLetter(r) && (letter(i-1) || letter(i+1)) && !strings.ContainsRune(gluedSigns, r):
			return false // a sign glued to a word: "Za¿ó³æ", "×Ó£"
		case b >= 0x80 && (r == utf8.RuneError || unicode.IsControl(r)):
			return false
		case !unicode.IsLetter(r):
			check()
		case b >= 0x80 && r != 'µ': // µ: "5 µm" in any language
			word = append(word, unicode.ToLower(r))
		}
		if !ok {
			return false
		}
	}
	check()
	return ok
}

// gluedSigns are the signs over 0x7F that Western text writes against a
// word: quotes, dashes, the ellipsis, a bullet, the middle dot, no-break
// and soft hyphens, N°, Acme®.
const gluedSigns = "’‘“”„«»‹›–—…•·\u00A0\u00AD°®™©"

// oneWesternAlphabet reports whether one Western language of letterFreq
// writes every letter of word (its letters over 0x7F, lower-cased).
func oneWesternAlphabet(word []rune) bool {
	for _, freq := range letterFreq[firstWestern:endWestern] {
		all := true
		for _, r := range word {
			if _, ok := freq[r]; !ok {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// firstWestern and endWestern bound the Western languages in letterFreq
// (French to Icelandic).
const firstWestern, endWestern = 2, 10

// utf8Prior is the prior cost of reading as UTF-8 a text with as many
// valid multi-byte sequences as bad bytes: a legacy text seldom forms one.
const utf8Prior = 0.5

// implausibleCost is the average cost of a byte over 0x7F above which no
// reading is taken for text.
const implausibleCost = 11.0

// utf8Reading is data read as UTF-8, a bad byte as U+FFFD, and which runes
// were not ASCII; ok is false unless data has at least one valid
// multi-byte sequence and no more bad bytes than those.
func utf8Reading(data []byte) ([]rune, []bool, bool) {
	var runes []rune
	var hi []bool
	good, bad := 0, 0
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		runes, hi = append(runes, r), append(hi, n > 1 || r >= utf8.RuneSelf)
		data = data[n:]
	}
	return runes, hi, good > 0 && bad <= good
}

// Costs, in nats, of what text is seldom made of.
const (
	costForeign     = 11.5 // a letter the language does not write (p = 1e-5)
	costControl     = 12   // a control character or U+FFFD
	costInWord      = 10   // a symbol between two letters ("na•ve", "Za¿ó³æ")
	costSymbol      = 7    // a rare symbol (box drawing, a spacing accent)
	costPunct       = 5    // common punctuation (’ “ ” – € «)
	costApostrophe  = 2    // ’ between letters (won’t, l’été)
	costAttached    = 9    // a symbol other than punctuation next to a letter ("gę¶", "5°C" is fine)
	costMixedScript = 8    // a letter in a word that mixes scripts ("cafй")
	costCase        = 8    // a word whose case is not lower, Title or UPPER ("CafŽ", "рТЙЧЕФ")
	costPosition    = 6    // a letter where its language never puts one (ς inside a word, ы opening one)
)

// readingCost is what a reading of a text costs: runes are its characters
// and hi marks those that came from bytes over 0x7F, the only ones that
// differ between readings. Letters cost minus the log of their frequency
// in the language of letterFreq that fits the whole reading best.
func readingCost(runes []rune, hi []bool) float64 {
	cost := 0.0
	letters := map[rune]int{}
	isLetter := func(i int) bool { return i >= 0 && i < len(runes) && unicode.IsLetter(runes[i]) }
	for i := 0; i < len(runes); {
		if !isLetter(i) {
			if hi[i] {
				cost += symbolCost(runes[i], isLetter(i-1) && isLetter(i+1), isLetter(i-1) || isLetter(i+1))
			}
			i++
			continue
		}
		j := i
		for j < len(runes) && isLetter(j) {
			j++
		}
		cost += wordCost(runes[i:j], hi[i:j], letters)
		i = j
	}
	bestLang := -1.0
	for _, freq := range letterFreq {
		c := 0.0
		for r, n := range letters {
			p, ok := freq[r]
			if !ok {
				c += costForeign * float64(n)
				continue
			}
			c += -math.Log(p/100) * float64(n)
		}
		if bestLang < 0 || c < bestLang {
			bestLang = c
		}
	}
	return cost + max(bestLang, 0)
}

// symbolCost is what a non-letter from a byte over 0x7F costs.
func symbolCost(r rune, inWord, attached bool) float64 {
	switch {
	case r == utf8.RuneError || unicode.IsControl(r) || r >= 0xE000 && r <= 0xF8FF:
		return costControl
	case r == '’' || r == '·' || r == '\u00AD':
		if inWord {
			return costApostrophe // won’t, l·l, a soft hyphen
		}
		return costPunct
	case inWord:
		return costInWord
	case strings.ContainsRune("\u00A0‘“”„«»–—…•", r):
		return costPunct
	case attached:
		return costAttached
	case strings.ContainsRune("€£°§©®™±½¼¾²³µ¶×", r):
		return costPunct
	}
	return costSymbol
}

// wordCost is what a word's shape costs (its scripts, its case, where its
// letters stand), counting the letters from bytes over 0x7F, lower-cased,
// into letters for the language model. A word of ASCII letters costs
// nothing: it reads the same in every code page.
func wordCost(w []rune, hi []bool, letters map[rune]int) float64 {
	nHigh := 0
	for _, h := range hi {
		if h {
			nHigh++
		}
	}
	if nHigh == 0 {
		return 0
	}
	cost := 0.0
	var latin, cyr, greek bool
	upper, lower := 0, 0
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr = true
		case unicode.Is(unicode.Greek, r):
			greek = true
		default:
			latin = true
		}
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	if n := btoi(latin) + btoi(cyr) + btoi(greek); n > 1 {
		cost += costMixedScript * float64(nHigh)
	}
	// lower, Title or UPPER
	if upper > 0 && lower > 0 && !(upper == 1 && unicode.IsUpper(w[0])) {
		cost += costCase
	}
	last := len(w) - 1
	for i, r := range w {
		l := unicode.ToLower(r)
		switch {
		case l == 'ς' && i < last, l == 'σ' && i == last && i > 0 && unicode.IsLower(r):
			cost += costPosition // final sigma inside a word, or σ ending one
		case i == 0 && last > 0 && (l == 'ь' || l == 'ъ' || l == 'ы'):
			cost += costPosition
		}
		if hi[i] {
			letters[l]++
		}
	}
	return cost
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// letterFreq gives, for each language singleByte knows, how often (per
// hundred letters) it writes each of its letters that are not ASCII:
// Russian and Greek all of theirs, the Latin languages their accented
// ones. A letter a language lacks costs costForeign in it.
var letterFreq = func() []map[rune]float64 {
	parse := func(spec string) map[rune]float64 {
		m := map[rune]float64{}
		for _, f := range strings.Fields(spec) {
			r, size := utf8.DecodeRuneInString(f)
			p, err := strconv.ParseFloat(f[size:], 64)
			if err != nil {
				panic(f)
			}
			m[r] = p
		}
		return m
	}
	langs := []string{
		// Russian, with the letters of Ukrainian, Belarusian and Serbian
		// rare
		"о10.97 е8.45 а8.01 и7.35 н6.70 т6.26 с5.47 р4.73 в4.54 л4.40 к3.49 м3.21 д2.98 п2.81 у2.62 я2.01 ы1.90 ь1.74 г1.70 з1.65 б1.59 ч1.44 й1.21 х0.97 ж0.94 ш0.73 ю0.64 ц0.48 щ0.36 э0.32 ф0.26 ъ0.04 ё0.1 і0.3 ї0.1 є0.1 ґ0.05 ў0.05 ј0.05 љ0.02 њ0.02 ђ0.02 ћ0.02 џ0.02",
		// Greek
		"α10.0 ο8.0 ι6.5 ε6.5 τ8.0 σ4.3 ς2.7 ν6.6 η4.0 υ3.2 ρ4.5 π4.0 κ4.0 μ3.3 λ2.7 ω1.3 δ1.7 γ1.9 θ1.3 χ1.2 φ0.8 β0.7 ξ0.4 ζ0.4 ψ0.1 ά1.9 έ1.4 ί1.6 ό1.6 ή1.2 ύ0.8 ώ0.6 ϊ0.1 ϋ0.05 ΐ0.02 ΰ0.02",
		// French
		"é1.9 è0.3 à0.5 ê0.2 ç0.1 â0.05 î0.05 ô0.05 û0.05 ù0.05 ë0.02 ï0.02 ü0.01 œ0.02 ÿ0.005 æ0.005",
		// German
		"ä0.5 ö0.3 ü0.65 ß0.3 é0.01",
		// Spanish (ª and º: 1ª, nº)
		"á0.5 é0.4 í0.7 ó0.8 ú0.2 ñ0.3 ü0.02 ª0.01 º0.01",
		// Portuguese
		"ã0.7 õ0.1 á0.4 â0.1 à0.1 é0.3 ê0.4 í0.1 ó0.3 ô0.1 ú0.1 ç0.5 ü0.01 ª0.01 º0.01",
		// Italian
		"à0.6 è0.3 é0.1 ì0.1 ò0.1 ù0.2 í0.01 ó0.01 ú0.01",
		// Swedish, Finnish
		"å1.3 ä1.8 ö1.3 é0.01",
		// Danish, Norwegian
		"æ0.8 ø0.9 å0.7 é0.01",
		// Icelandic
		"á1.8 ð4.4 é0.6 í1.5 ó1.0 ú0.6 ý0.9 þ1.5 æ0.9 ö0.7",
		// Czech
		"á2.2 č0.5 ď0.05 é1.3 ě1.2 í3.3 ň0.1 ó0.03 ř1.1 š0.8 ť0.05 ú0.1 ů0.2 ý1.0 ž0.7",
		// Slovak
		"á2.1 ä0.1 č0.9 ď0.1 é0.7 í1.6 ĺ0.01 ľ0.3 ň0.2 ó0.1 ô0.1 ŕ0.01 š0.7 ť0.3 ú0.6 ý1.5 ž0.7",
		// Polish
		"ą1.0 ć0.4 ę1.1 ł1.8 ń0.2 ó0.8 ś0.7 ź0.05 ż0.8",
		// Hungarian
		"á3.4 é4.0 í0.6 ó1.0 ö1.0 ő0.9 ú0.3 ü0.6 ű0.1",
		// Croatian, Slovene, Bosnian
		"č1.0 ć0.9 đ0.2 š0.8 ž0.7",
		// Romanian
		"ă4.0 â1.2 î1.5 ș1.5 ş1.5 ț1.0 ţ1.0",
	}
	out := make([]map[rune]float64, len(langs))
	for i, spec := range langs {
		out[i] = parse(spec)
	}
	return out
}()
