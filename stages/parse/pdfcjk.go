package parse

import (
	"strings"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Chinese, Japanese and Korean PDFs often draw text in a font that is not
// embedded, named by one of Adobe's predefined CMaps ("GBK-EUC-H",
// "90ms-RKSJ-H"), without a ToUnicode map: the codes are then text in a
// national character set, and a reader decodes them with that set. The
// library knows only UniGB-UCS2-H and passes the other codes through as
// bytes, which read as Latin garbage or not at all.

// cjkEncodings maps a predefined CMap name, without its writing direction
// (-H horizontal, -V vertical), to the character set of its codes.
var cjkEncodings = map[string]encoding.Encoding{
	"GB-EUC": simplifiedchinese.GBK, "GBpc-EUC": simplifiedchinese.GBK, "GBK-EUC": simplifiedchinese.GBK,
	"GBKp-EUC": simplifiedchinese.GBK, "GBK2K": simplifiedchinese.GB18030,
	"B5pc": traditionalchinese.Big5, "ETen-B5": traditionalchinese.Big5, "HKscs-B5": traditionalchinese.Big5,
	"83pv-RKSJ": japanese.ShiftJIS, "90ms-RKSJ": japanese.ShiftJIS, "90msp-RKSJ": japanese.ShiftJIS,
	"90pv-RKSJ": japanese.ShiftJIS, "Add-RKSJ": japanese.ShiftJIS, "Ext-RKSJ": japanese.ShiftJIS,
	"EUC":     japanese.EUCJP,
	"KSC-EUC": korean.EUCKR, "KSCms-UHC": korean.EUCKR, "KSCpc-EUC": korean.EUCKR,
	"UniGB-UCS2": utf16BE, "UniGB-UTF16": utf16BE, "UniCNS-UCS2": utf16BE, "UniCNS-UTF16": utf16BE,
	"UniJIS-UCS2": utf16BE, "UniJIS-UTF16": utf16BE, "UniKS-UCS2": utf16BE, "UniKS-UTF16": utf16BE,
}

var utf16BE = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)

// cjkEncoding returns the character set of a Type0 font named by a
// predefined CMap and without a ToUnicode map, or nil.
func cjkEncoding(font pdf.Value) encoding.Encoding {
	if font.Key("ToUnicode").Kind() == pdf.Stream {
		return nil
	}
	name := font.Key("Encoding").Name()
	name = strings.TrimSuffix(strings.TrimSuffix(name, "-H"), "-V")
	return cjkEncodings[name]
}

// cjkText decodes a shown string in a national character set. Invalid
// sequences become U+FFFD, which the undecodable check counts.
func cjkText(enc encoding.Encoding, raw string) string {
	s, err := enc.NewDecoder().String(raw)
	if err != nil {
		return "\uFFFD"
	}
	return s
}

// cjkAdvance estimates the advance (1/1000 em) of CJK text: a full-width
// em for ideographs and kana, half of one for ASCII, the widths a
// non-embedded CJK font has. Only line layout uses it.
func cjkAdvance(text string) (total float64, codes int) {
	for _, r := range text {
		codes++
		if r < 0x2E80 {
			total += 500
		} else {
			total += 1000
		}
	}
	return total, codes
}
