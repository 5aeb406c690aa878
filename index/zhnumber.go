package index

import (
	"fmt"
	"github.com/docmill/docmill/lang"
	"regexp"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Chinese law and contracts number their parts both ways, 第3条 and 第三条,
// 第17條 and 第十七條, and write dates in several: 2024年3月1日, 2024-03-01,
// 二〇二四年三月一日. A query names one; a user means any.

// zhPartNumberRe is a numbered part: 第, a number in digits or Chinese
// numerals, and the part (条 article, 章 chapter, 节 section, 款
// paragraph, 项 item; traditional forms too).
var zhPartNumberRe = regexp.MustCompile(`第([0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,9})([条條章节節款项項])`)

// zhPartVariant is text with each numbered part written the other way
// (digits as Chinese numerals and back), "" when it has none.
func zhPartVariant(text string) string {
	changed := false
	out := zhPartNumberRe.ReplaceAllStringFunc(text, func(m string) string {
		g := zhPartNumberRe.FindStringSubmatch(m)
		var alt string
		if n, err := strconv.Atoi(g[1]); err == nil {
			alt = lang.ChineseNumeral(n)
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

// zhNumeralValue reads a part's number of up to four digits in Chinese
// numerals (十七, 二十一, 一百零五, 一百十, 一千一百六十五); ok is false
// otherwise.
func zhNumeralValue(s string) (int, bool) {
	n, ok := lang.ChineseNumber(s)
	return int(n), ok && n > 0 && n <= 9999
}

// withVariants is the query rw makes of text, or, on a text field, of
// text written the other ways too: numbered parts (a query for 第3条 finds
// 第三条) and dates (2024年3月1日 finds 2024-03-01 and 二〇二四年三月一日).
func withVariants(field, text string, rw func(string) query.Query) query.Query {
	q := rw(text)
	if !textField(field) {
		return q
	}
	variants := dateVariants(text)
	if v := zhPartVariant(text); v != "" {
		variants = append(variants, v)
	}
	if len(variants) == 0 {
		return q
	}
	qs := []query.Query{q}
	for _, v := range variants {
		qs = append(qs, rw(v))
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// dateRes are the ways Chinese text writes a date, each with its year,
// month and day: 2024年3月1日, 2024-03-01, 2024/3/1, 二〇二四年三月一日.
var dateRes = []*regexp.Regexp{
	regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`),
	regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`),
	regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`),
	regexp.MustCompile(`([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*[日号]`),
}

// dateFormats write a date each way dateRes reads.
var dateFormats = []func(y, m, d int) string{
	func(y, m, d int) string { return fmt.Sprintf("%d年%d月%d日", y, m, d) },
	func(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) },
	func(y, m, d int) string { return fmt.Sprintf("%d/%d/%d", y, m, d) },
	func(y, m, d int) string {
		var b strings.Builder
		for _, c := range strconv.Itoa(y) {
			b.WriteString([]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}[c-'0'])
		}
		return b.String() + "年" + lang.ChineseNumeral(m) + "月" + lang.ChineseNumeral(d) + "日"
	},
}

// dateVariants is text with its first date written each other way, none
// when it holds no date (or an impossible one).
func dateVariants(text string) []string {
	for i, re := range dateRes {
		loc := re.FindStringSubmatchIndex(text)
		if loc == nil {
			continue
		}
		y, m, d, ok := dateParts(text[loc[2]:loc[3]], text[loc[4]:loc[5]], text[loc[6]:loc[7]])
		if !ok {
			return nil
		}
		var out []string
		for j, f := range dateFormats {
			if j != i {
				out = append(out, text[:loc[0]]+f(y, m, d)+text[loc[1]:])
			}
		}
		return out
	}
	return nil
}

// dateParts reads a year, month and day in digits or Chinese numerals.
func dateParts(ys, ms, ds string) (y, m, d int, ok bool) {
	num := func(s string) int {
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
		if n, ok := zhNumeralValue(s); ok {
			return n
		}
		if n, ok := lang.ChineseDigits(s); ok { // a year: 二〇二四
			return int(n)
		}
		return -1
	}
	y, m, d = num(ys), num(ms), num(ds)
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}
