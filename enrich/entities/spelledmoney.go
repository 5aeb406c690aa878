package entities

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// spelledCurRe is a currency named after an amount written in words
	// ("fifty thousand US dollars", "two million euros"); a bare
	// "pounds" or "francs" is left out, as in moneyCurAfter.
	spelledCurRe = regexp.MustCompile(`(?i)\b(?:(?:U\.S\.|US|United\s+States|Canadian|Australian|New\s+Zealand|Singapore|Hong\s+Kong)\s+)?dollars\b|\beuros\b|\bpounds\s+sterling\b|\b(?:British|UK|U\.K\.)\s+pounds\b|\bswiss\s+francs\b|\b(?:Japanese\s+)?yen\b|\byuan\b|\brenminbi\b`)
	// spelledAmountRe is the amount in words that ends right before such
	// a currency: "fifty thousand", "one hundred and twenty-five
	// thousand", "two million".
	spelledAmountRe = regexp.MustCompile(`(?i)\b(?:` + spelledWord + `)(?:(?:\s+|-)(?:and\s+)?(?:` + spelledWord + `))*\s+$`)
)

// spelledWord is a word of an amount written out.
const spelledWord = `one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion`

// spelledValues are the words' values; hundred and the powers of a
// thousand multiply what stands before them.
var spelledValues = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// spelledAmount is the value of an amount in words ("one hundred and
// twenty-five thousand" is 125000), or 0 where the words do not make one
// ("thousand" alone, "five two").
func spelledAmount(words string) int {
	total, group := 0, 0
	last := 0 // the last word's value: two units in a row make no number
	for _, w := range strings.FieldsFunc(strings.ToLower(words), func(r rune) bool { return r == ' ' || r == '-' || r == '\t' || r == '\n' }) {
		switch w {
		case "and":
			continue
		case "hundred":
			if group == 0 {
				return 0
			}
			group *= 100
		case "thousand", "million", "billion":
			if group == 0 {
				return 0
			}
			total += group * map[string]int{"thousand": 1e3, "million": 1e6, "billion": 1e9}[w]
			group = 0
		default:
			v := spelledValues[w]
			if last > 0 && last < 100 && (v >= last || last < 20) {
				return 0 // "five two", "twenty thirty": no number
			}
			group += v
			last = v
			continue
		}
		last = 0
	}
	return total + group
}

// spelledMoney adds the amounts written in words before a currency
// ("fifty thousand US dollars"): a contract that writes its price so had
// no money entity. One also written in figures ("Fifty Thousand Dollars
// ($50,000)") is one amount, the figures' (money runs first).
func spelledMoney(x *collector, text string) {
	dollar := ""
	for _, c := range spelledCurRe.FindAllStringIndex(text, -1) {
		m := spelledAmountRe.FindStringIndex(text[max(0, c[0]-120):c[0]])
		if m == nil {
			continue
		}
		start := max(0, c[0]-120) + m[0]
		n := spelledAmount(text[start:c[0]])
		key := currencyKey(text[c[0]:c[1]])
		cur := currencyCode[key]
		if key == "dollars" {
			if dollar == "" {
				dollar = dollarCurrency(text)
			}
			cur = dollar
		}
		if n <= 0 || cur == "" {
			continue
		}
		x.add(KindMoney, text[start:c[1]], cur+" "+strconv.Itoa(n), start)
	}
}
