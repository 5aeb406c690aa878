package entities

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/docmill/docmill/lang"
)

// rateEn is a percentage with the period it is charged over ("8% per
// annum", "(1.5%) per month", "2 percent monthly"); a rate with no period
// ("interest at 10%") says too little for a register.
const rateEn = `(?P<n>\d{1,2}(?:\.\d{1,4})?)\s?(?:%|percent\b|per\s?cent\b)\)?\s*` +
	`(?P<p>per\s+(?:annum|year|calendar\s+month|month|day)|a\s+(?:year|month|day)|each\s+(?:year|month|day)|annually|monthly|daily|p\.\s?a\.)`

var (
	// interestRes are the rates a text charges interest at: after
	// "interest" in its clause ("Overdue amounts shall bear interest at
	// 1.5% per month"), or before it ("8% per annum interest"). A rate
	// with no "interest" near it is growth or a discount, not interest.
	interestRes = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\binterest\b[^.;\n]{0,80}?` + rateEn),
		regexp.MustCompile(`(?i)` + rateEn + `[^.;\n]{0,20}?\binterest\b`),
	}
	// zhRateRe is a Chinese rate with its period before it: 年利率6%,
	// 月利率百分之一, 日利率0.05%, 年息6%.
	zhRateRe = regexp.MustCompile(`(?P<u>年|月|日)(?:化)?(?:利率|息|利息率)\s*(?:为|是|按|[:：])?\s*` + zhPercent)
	// zhDailyRateRe is a daily charge on what is overdue: 每日万分之五,
	// 按日千分之一, 每天0.05%, 按日加付万分之五; zhInterestWordRe must be in
	// its clause, for a daily share of something else is no rate.
	zhDailyRateRe    = regexp.MustCompile(`(?:每日|每天|按日)\s*(?:按|加付|支付|计付|加收|收取|计收)?\s*` + zhPercent)
	zhInterestWordRe = regexp.MustCompile(`利息|利率|违约金|滞纳金|罚息|赔偿金`)
)

// zhPercent is a share in Chinese: 万分之五, 千分之一, 百分之六, 6%, 0.05％.
const zhPercent = `(?:(?P<of>万分之|千分之|百分之)(?P<zn>\d+(?:\.\d+)?|[` + lang.Numerals + `]{1,5})|(?P<dn>\d{1,2}(?:\.\d{1,4})?)\s*[%％])`

// zhPerUnit is the period a Chinese rate is charged over.
var zhPerUnit = map[string]string{"年": "year", "月": "month", "日": "day"}

// zhShare is the percent a Chinese share's denominator makes of its count.
var zhShare = map[string]float64{"万分之": 0.01, "千分之": 0.1, "百分之": 1}

// interestRates adds the rates of interest (and of daily late-payment
// charges) that text states: "interest at 1.5% per month", 年利率6%,
// 每日万分之五. Value is the rate and its period ("1.5% per month", "0.05%
// per day") as stated: a monthly rate is not annualised.
func interestRates(x *collector, text string, han bool) {
	for _, re := range interestRes {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			n, p := group(re, text, m, "n"), strings.ToLower(group(re, text, m, "p"))
			x.add(KindInterestRate, text[m[0]:m[1]], rateValue(n, enPeriod(p)), m[0])
		}
	}
	if !han {
		return
	}
	for _, m := range zhRateRe.FindAllStringSubmatchIndex(text, -1) {
		if pct, ok := zhPercentValue(zhRateRe, text, m); ok {
			x.add(KindInterestRate, text[m[0]:m[1]], pct+"% per "+zhPerUnit[group(zhRateRe, text, m, "u")], m[0])
		}
	}
	for _, m := range zhDailyRateRe.FindAllStringSubmatchIndex(text, -1) {
		from, to := zhClauseAround(text, m[0])
		if pct, ok := zhPercentValue(zhDailyRateRe, text, m); ok && zhInterestWordRe.MatchString(text[from:to]) {
			x.add(KindInterestRate, text[m[0]:m[1]], pct+"% per day", m[0])
		}
	}
}

// group is the text of re's named group in match m, or "".
func group(re *regexp.Regexp, text string, m []int, name string) string {
	i := re.SubexpIndex(name)
	if i < 0 || m[2*i] < 0 {
		return ""
	}
	return text[m[2*i]:m[2*i+1]]
}

// enPeriod is the unit of an English rate's period: "per annum" is
// "year", "monthly" is "month".
func enPeriod(p string) string {
	switch {
	case strings.Contains(p, "annum"), strings.Contains(p, "year"), strings.HasPrefix(p, "annual"), strings.HasPrefix(p, "p."):
		return "year"
	case strings.Contains(p, "month"):
		return "month"
	default:
		return "day"
	}
}

// rateValue is a rate's value: "1.5% per month".
func rateValue(n, unit string) string {
	return trimNumber(n) + "% per " + unit
}

// zhPercentValue is the percent a Chinese share stands for (万分之五 is
// "0.05"), false when its count cannot be read.
func zhPercentValue(re *regexp.Regexp, text string, m []int) (string, bool) {
	if d := group(re, text, m, "dn"); d != "" {
		return trimNumber(d), true
	}
	count := group(re, text, m, "zn")
	f, err := strconv.ParseFloat(count, 64)
	if err != nil {
		n, ok := lang.ChineseNumber(count)
		if !ok {
			return "", false
		}
		f = float64(n)
	}
	return strconv.FormatFloat(f*zhShare[group(re, text, m, "of")], 'f', -1, 64), true
}

// trimNumber drops a decimal's trailing zeros ("6.0" is "6").
func trimNumber(n string) string {
	if !strings.Contains(n, ".") {
		return n
	}
	return strings.TrimSuffix(strings.TrimRight(n, "0"), ".")
}
