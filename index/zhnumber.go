package index

import (
	"fmt"
	"github.com/docmill/docmill/lang"
	"regexp"
	"strconv"
	"strings"
	"time"

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
// 第三条) and dates (2024年3月1日 finds 2024-03-01 and 二〇二四年三月一日,
// 2024-01-05 finds January 5, 2024 and 5 January 2024). A plain query that
// is a date alone also finds the contracts whose agreement, effective or
// expiration date is that day, however their text writes it ("the 5th day
// of January, 2024").
func withVariants(field, text string, rw func(string) query.Query) query.Query {
	q := rw(text)
	if !textField(field) {
		return q
	}
	variants := dateVariants(text)
	if v := zhPartVariant(text); v != "" {
		variants = append(variants, v)
	}
	qs := []query.Query{q}
	for _, v := range variants {
		qs = append(qs, rw(v))
	}
	if day, ok := wholeDate(text); ok && field == "" {
		for _, f := range datedEntities {
			if r := rewriteDate(f, day); r != nil { // nil: no such day (February 30)
				qs = append(qs, r)
			}
		}
	}
	if len(qs) == 1 {
		return q
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// monthNames are the English months, whole or cut short, longest first
// (an alternation takes the first that matches).
const monthNames = `January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec`

// dateRes are the ways a date is written, each with its year, month and
// day (named y, m and d where they are not in that order): Chinese text's
// 2024年3月1日, 2024-03-01, 2024/3/1, 二〇二四年三月一日, and English text's
// January 5, 2024 (Jan. 5th, 2024) and 5 January 2024.
var dateRes = []*regexp.Regexp{
	regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`),
	regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`),
	regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`),
	regexp.MustCompile(`([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*[日号]`),
	regexp.MustCompile(`(?i)\b(?P<m>` + monthNames + `)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b`),
	regexp.MustCompile(`(?i)\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>` + monthNames + `)\.?,?\s+(?P<y>\d{4})\b`),
}

// dateFormats write a date each way dateRes reads (English in the forms
// contracts use most).
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
	func(y, m, d int) string { return fmt.Sprintf("%s %d, %d", time.Month(m), d, y) },
	func(y, m, d int) string { return fmt.Sprintf("%d %s %d", d, time.Month(m), y) },
	func(y, m, d int) string { return fmt.Sprintf("%s %d, %d", time.Month(m).String()[:3], d, y) },
	func(y, m, d int) string { return fmt.Sprintf("%d %s %d", d, time.Month(m).String()[:3], y) },
	func(y, m, d int) string { return fmt.Sprintf("%s %s, %d", time.Month(m), ordinal(d), y) },
	func(y, m, d int) string { return fmt.Sprintf("%s %s %d", ordinal(d), time.Month(m), y) },
	func(y, m, d int) string { return fmt.Sprintf("%s %s, %d", time.Month(m).String()[:3], ordinal(d), y) },
	// a deed's wording: "the 5th day of January, 2024"
	func(y, m, d int) string { return fmt.Sprintf("%s day of %s, %d", ordinal(d), time.Month(m), y) },
}

// ordinal is day d as English writes it in a date: 1st, 2nd, 5th, 22nd.
func ordinal(d int) string {
	switch {
	case d%100 >= 11 && d%100 <= 13:
		return fmt.Sprintf("%dth", d)
	case d%10 == 1:
		return fmt.Sprintf("%dst", d)
	case d%10 == 2:
		return fmt.Sprintf("%dnd", d)
	case d%10 == 3:
		return fmt.Sprintf("%drd", d)
	}
	return fmt.Sprintf("%dth", d)
}

// findDate is the first date in text: its place and its year, month and
// day; ok is false when text holds none, or an impossible one.
func findDate(text string) (loc []int, y, m, d int, ok bool) {
	for _, re := range dateRes {
		loc = re.FindStringSubmatchIndex(text)
		if loc == nil {
			continue
		}
		g := func(name string, n int) string {
			if i := re.SubexpIndex(name); i > 0 {
				n = i
			}
			return text[loc[2*n]:loc[2*n+1]]
		}
		y, m, d, ok = dateParts(g("y", 1), g("m", 2), g("d", 3))
		return loc, y, m, d, ok
	}
	return nil, 0, 0, 0, false
}

// dateVariants is text with its first date written each other way, none
// when it holds no date (or an impossible one).
func dateVariants(text string) []string {
	loc, y, m, d, ok := findDate(text)
	if !ok {
		return nil
	}
	var out []string
	for _, f := range dateFormats {
		if v := text[:loc[0]] + f(y, m, d) + text[loc[1]:]; v != text {
			out = append(out, v)
		}
	}
	return out
}

// wholeDate is text as a day (2024-01-05) when text is a date and nothing
// else.
func wholeDate(text string) (string, bool) {
	t := strings.TrimSpace(text)
	loc, y, m, d, ok := findDate(t)
	if !ok || loc[0] != 0 || loc[1] != len(t) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// englishMonths are the months' numbers by their English names, whole and
// cut short, in lower case.
var englishMonths = func() map[string]int {
	out := map[string]int{"sept": 9}
	for m := time.January; m <= time.December; m++ {
		out[strings.ToLower(m.String())] = int(m)
		out[strings.ToLower(m.String()[:3])] = int(m)
	}
	return out
}()

// dateParts reads a year, month and day in digits or Chinese numerals, a
// month also by its English name.
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
		if n, ok := englishMonths[strings.ToLower(strings.TrimSuffix(s, "."))]; ok {
			return n
		}
		return -1
	}
	y, m, d = num(ys), num(ms), num(ds)
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}
