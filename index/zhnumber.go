package index

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Chinese law and contracts number their parts both ways: 第3条 and 第三条,
// 第17條 and 第十七條. A query names one; a user means either.

// zhPartNumberRe is a numbered part: 第, a number in digits or Chinese
// numerals, and the part (条 article, 章 chapter, 节 section, 款
// paragraph, 项 item; traditional forms too).
var zhPartNumberRe = regexp.MustCompile(`第([0-9]{1,3}|[零〇一二两三四五六七八九十百]{1,6})([条條章节節款项項])`)

// zhPartVariant is text with each numbered part written the other way
// (digits as Chinese numerals and back), "" when it has none.
func zhPartVariant(text string) string {
	changed := false
	out := zhPartNumberRe.ReplaceAllStringFunc(text, func(m string) string {
		g := zhPartNumberRe.FindStringSubmatch(m)
		var alt string
		if n, err := strconv.Atoi(g[1]); err == nil {
			alt = zhNumeral(n)
		} else if n, ok := zhNumeralValue(g[1]); ok {
			alt = strconv.Itoa(n)
		}
		if alt == "" {
			return m
		}
		changed = true
		return "第" + alt + g[2]
	})
	if !changed {
		return ""
	}
	return out
}

var zhDigitChars = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// zhNumeral writes 1..999 as a law writes it: 十, 十七, 二十, 一百零五.
func zhNumeral(n int) string {
	if n <= 0 || n > 999 {
		return ""
	}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(zhDigitChars[h] + "百")
		if t == 0 && u > 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if t > 1 || h > 0 {
			b.WriteString(zhDigitChars[t])
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(zhDigitChars[u])
	}
	return b.String()
}

// zhNumeralValue reads a number of up to three digits in Chinese
// numerals (十七, 二十一, 一百零五, 一百十); ok is false otherwise.
func zhNumeralValue(s string) (int, bool) {
	total, digit := 0, -1
	for _, r := range s {
		switch {
		case r == '百':
			total += max(digit, 1) * 100
			digit = -1
		case r == '十':
			total += max(digit, 1) * 10
			digit = -1
		case strings.ContainsRune("零〇", r):
			digit = 0
		default:
			i := strings.Index("一二三四五六七八九", string(r))
			if i < 0 {
				if r != '两' {
					return 0, false
				}
				i = 3 // 两 is 二, three bytes into the string above
			}
			if digit > 0 {
				return 0, false // digit by digit (一一三) is no part's number
			}
			digit = i/3 + 1
		}
	}
	if digit > 0 {
		total += digit
	}
	return total, total > 0
}

// withPartVariant is q or its text with numbered parts written the other
// way: a query for 第3条 finds 第三条 too. q is a match or phrase query
// already rewritten; alt rewrites the variant the same way.
func withPartVariant(q query.Query, text string, alt func(string) query.Query) query.Query {
	v := zhPartVariant(text)
	if v == "" {
		return q
	}
	return bleve.NewDisjunctionQuery(q, alt(v))
}
