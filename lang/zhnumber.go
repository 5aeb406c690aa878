package lang

import "strings"

// ChineseNumber reads a number written in Chinese numerals, everyday
// (三十万, 一千二百, 一百零五) or financial (壹万伍仟); ok is false for a
// malformed one, and for digits written one by one (二〇二三: ChineseDigits).
func ChineseNumber(s string) (int64, bool) {
	var total, section, digit int64
	seen := false
	for _, r := range s {
		if d, ok := zhDigits[r]; ok {
			if digit != 0 {
				return 0, false // digit by digit (二〇二三) is no amount
			}
			digit, seen = d, true
			continue
		}
		u, ok := zhUnits[r]
		if !ok {
			return 0, false
		}
		switch {
		case u >= 10000: // 万, 亿 close a section
			section += digit
			if section == 0 {
				section = 1
			}
			total += section * u
			section = 0
		default:
			if digit == 0 && !seen {
				digit = 1 // 十 alone is 10
			}
			section += digit * u
		}
		digit, seen = 0, false
	}
	return total + section + digit, true
}

// zhDigits and zhUnits are the numerals, everyday and financial, in both
// scripts: 參 (folded to 参, which is not 叁), 叄 and 弎 are 3 as 叁 is, and
// 貳, 陸, 兩, 萬, 億 are here as well as their simplified forms so that a
// caller need not fold the text first.
var zhDigits = map[rune]int64{'零': 0, '〇': 0, '一': 1, '壹': 1, '弌': 1, '二': 2, '两': 2, '兩': 2, '贰': 2, '貳': 2, '弍': 2,
	'三': 3, '叁': 3, '叄': 3, '参': 3, '參': 3, '弎': 3, '四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '陸': 6,
	'七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9}

var zhUnits = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '万': 10000, '萬': 10000,
	'亿': 100000000, '億': 100000000}

// Numerals are the characters ChineseNumber reads (the keys of zhDigits
// and zhUnits), for a regexp's character class, so that a rule finds every
// numeral the reader reads: the amount rule's own list lacked 参, and
// "新台幣參佰萬元整" was read from 佰, as 1,000,000 yuan.
const Numerals = "零〇一壹弌二两兩贰貳弍三叁叄参參弎四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億"

// ChineseDigits reads digits written one by one, as years are (二〇二四,
// 民國一一三年); ok is false for anything else.
func ChineseDigits(s string) (int64, bool) {
	var n int64
	for _, r := range s {
		d, ok := zhDigits[r]
		if !ok {
			return 0, false
		}
		n = n*10 + d
	}
	return n, s != ""
}

var zhDigitChars = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// ChineseNumeral writes 1..9999 as a law numbers its parts (十, 十七, 二十,
// 一百零五, 一千零三十二; the 民法典 runs to 第一千二百六十条); "" for other
// numbers.
func ChineseNumeral(n int) string {
	if n <= 0 || n > 9999 {
		return ""
	}
	var b strings.Builder
	k, h, t, u := n/1000, n/100%10, n/10%10, n%10
	if k > 0 {
		b.WriteString(zhDigitChars[k] + "千")
		if h == 0 && (t > 0 || u > 0) {
			b.WriteString("零")
		}
	}
	if h > 0 {
		b.WriteString(zhDigitChars[h] + "百")
		if t == 0 && u > 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if t > 1 || n >= 100 {
			b.WriteString(zhDigitChars[t])
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(zhDigitChars[u])
	}
	return b.String()
}
