package parse

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// foldRadicals maps Kangxi radicals (U+2F00-U+2FDF), CJK radical
// supplement forms that stand for whole characters, and CJK compatibility
// ideographs to the ordinary characters they look like. PDF fonts with
// shared glyphs (Noto Sans CJK and Source Han, as Chrome prints Chinese)
// map glyphs such as 用, 人 and 长 to the radicals ⽤, ⼈ and ⻓: they read
// the same but match no query, keyword or dictionary word. poppler does
// the same folding.
func foldRadicals(s string) string {
	if !strings.ContainsFunc(s, isRadical) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if !isRadical(r) {
			return r
		}
		if c, ok := radicalSupplement[r]; ok {
			return c
		}
		if f := []rune(norm.NFKC.String(string(r))); len(f) == 1 {
			return f[0]
		}
		return r
	}, s)
}

// ligatures are the Latin ligatures of the Alphabetic Presentation Forms
// block that PDF fonts map glyphs to ("eﬃcient", "beneﬁt"): they read
// as their letters but match no query, keyword or stem.
var ligatures = strings.NewReplacer("\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi", "\uFB04", "ffl",
	"\uFB05", "st", "\uFB06", "st")

// foldLigatures spells out the Latin ligatures in s.
func foldLigatures(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xFB00 && r <= 0xFB06 }) {
		return s
	}
	return ligatures.Replace(s)
}

func isRadical(r rune) bool {
	return r >= 0x2E80 && r <= 0x2FDF || r >= 0xF900 && r <= 0xFAFF || r >= 0x2F800 && r <= 0x2FA1F
}

// radicalSupplement holds the forms of the CJK Radicals Supplement block
// that are also whole characters; Unicode gives most of them no
// decomposition. Forms that are only ever components (氵, 扌, 讠) stay.
var radicalSupplement = map[rune]rune{
	'⺁': '厂', '⺇': '几', '⺊': '卜', '⺐': '尢', '⺓': '幺', '⺛': '旡', '⺜': '日', '⺝': '月',
	'⺟': '母', '⺠': '民', '⺦': '丬', '⺩': '王', '⺬': '示', '⺯': '糹', '⺰': '纟', '⺹': '耂',
	'⺻': '聿', '⺽': '臼', '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车',
	'⻏': '阝', '⻑': '長', '⻓': '长', '⻔': '门', '⻖': '阝', '⻘': '青', '⻙': '韦', '⻚': '页',
	'⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟',
	'⻧': '卤', '⻨': '麦', '⻩': '黄', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜',
	'⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
}
