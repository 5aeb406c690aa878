package entities

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/docmill/docmill/lang"
)

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

const monthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`

// ordinals are spelled-out days of the month.
var ordinals = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
	"nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth",
	"twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first"}

var ordinalRe = "(?:" + strings.Join(ordinals, "|") + ")"

// dateRes match written dates; named groups d, m, y (and mn for a numeric
// month).
var dateRes = []*regexp.Regexp{
	// June 21, 1999 / June 21st 1999 / JUNE 21, 1999
	regexp.MustCompile(`(?i)\b(?P<m>` + monthRe + `)\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*[,.]?\s*(?P<y>(?:19|20)\d{2})\b`),
	// 21 June 1999 / 1st day of March, 2020 / 7th day of April 2020
	regexp.MustCompile(`(?i)\b(?P<d>\d{1,2})\s*(?:st|nd|rd|th|s\s?t|t\s?h|n\s?d|r\s?d)?\s+(?:day\s+of\s+)?(?P<m>` + monthRe + `)\s*[,.]?\s*(?:in\s+the\s+year\s+)?(?P<y>(?:19|20)\d{2})\b`),
	// the first day of July, 2017
	regexp.MustCompile(`(?i)\b(?P<dw>` + ordinalRe + `)\s+day\s+of\s+(?P<m>` + monthRe + `)\s*[,.]?\s*(?P<y>(?:19|20)\d{2})\b`),
	// 2020-03-01
	regexp.MustCompile(`\b(?P<y>(?:19|20)\d{2})-(?P<mn>\d{1,2})-(?P<d>\d{1,2})\b`),
	// 03/01/2020: month first in a US text, day first elsewhere (dayFirst)
	regexp.MustCompile(`\b(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<y>(?:19|20)\d{2})\b`),
	// 5/17/12, 3-31-16
	regexp.MustCompile(`\b(?P<n1>\d{1,2})([/-])(?P<n2>\d{1,2})[/-](?P<y2>\d{2})\b`),
	dottedDateRe,
	// July 2013 (no day; the value is YYYY-MM)
	regexp.MustCompile(`(?i)\b(?P<m>` + monthRe + `)\s*,?\s*(?P<y>(?:19|20)\d{2})\b`),
	// 2020年3月1日
	regexp.MustCompile(`(?P<y>(?:19|20)\d{2})\s*年\s*(?P<mn>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日`),
}

// dottedDateRe is 01.05.2024: day first, as Europe writes it, and not
// part of a longer dotted number (the character before is no digit or
// dot, and the match holds it).
var dottedDateRe = regexp.MustCompile(`(?:^|[^\d.])(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>(?:19|20)\d{2})\b`)

// partialDateRe matches dates left blank in a template but for the year
// ("this ___ day of ______, 2004", "[ ], 2020"); the value is the year.
var partialDateRe = regexp.MustCompile(`(?i)(?:\b(?:this\s+)?(?:_+|\[\s*\]|\s)\s*(?:st|nd|rd|th)?\s*day\s+of\s+(?:_+|\[\s*\]|` + monthRe + `)?\s*,?\s*|(?:_{2,}|\[\s*\])\s*\d{0,2}\s*,\s*)(?P<y>(?:19|20)\d{2})\b`)

// dateWins find the matches of dateRes in windows around a year, or for
// a two-digit year around its "/" or "-" (see windowed).
var dateWins = func() []windowed {
	ws := make([]windowed, len(dateRes))
	for i, re := range dateRes {
		key := hasYearAt
		if re.SubexpIndex("y2") >= 0 {
			key = func(text string, i int) bool { return text[i] == '/' || text[i] == '-' }
		}
		ws[i] = newWindowed(re, key)
	}
	return ws
}()

// partialDateWin finds partialDateRe's matches around a year; a blank
// ("______") counts as spaces, so its length does not matter.
var partialDateWin = newWindowedSpace(partialDateRe, hasYearAt, "_")

// zhDateWin finds zhDateRe's matches around their 年.
var zhDateWin = newWindowed(zhDateRe, hasNianAt)

// dateMatch is a date found in text.
type dateMatch struct {
	start, end int
	text, iso  string
}

// findDates returns the valid dates in text, earliest first, without
// overlaps, reading numeric dates month first.
func findDates(text string) []dateMatch { return findDatesOrdered(text, false) }

// findDatesOrdered is findDates with numeric dates ("03/04/2025") read day
// first when dayFirst is set.
func findDatesOrdered(text string, dayFirst bool) []dateMatch {
	var out []dateMatch
	taken := func(s, e int) bool {
		for _, d := range out {
			if s < d.end && e > d.start {
				return true
			}
		}
		return false
	}
	for i, re := range dateRes {
		for _, idx := range dateWins[i].findAll(text) {
			if taken(idx[0], idx[1]) {
				continue
			}
			iso, ok := isoFromGroups(re, text, idx, dayFirst)
			if !ok {
				continue
			}
			start := idx[0]
			if re == dottedDateRe {
				if e := idx[1]; e+1 < len(text) && text[e] == '.' && text[e+1] >= '0' && text[e+1] <= '9' {
					continue // a version number, "1.2.2020.5"
				}
				start = idx[2*re.SubexpIndex("d")]
			}
			out = append(out, dateMatch{start: start, end: idx[1], text: text[start:idx[1]], iso: iso})
		}
	}
	for _, d := range zhDates(text) {
		if !taken(d.start, d.end) {
			out = append(out, d)
		}
	}
	for _, idx := range partialDateWin.findAll(text) {
		if !taken(idx[0], idx[1]) {
			out = append(out, dateMatch{start: idx[0], end: idx[1], text: text[idx[0]:idx[1]], iso: text[idx[2]:idx[3]]})
		}
	}
	sortDates(out)
	return out
}

// zhDateRe is a Chinese date written in Chinese numerals (二〇二四年三月一日,
// 二零二四年十二月三十一日) or in Taiwan's Minguo years (民国113年1月1日,
// 中华民国一百一十三年三月一日: year 1 is 1912). Traditional text is read
// folded (民國 as 民国).
var zhDateRe = regexp.MustCompile(`(?:(?P<roc>(?:中华)?民国)\s*(?P<ry>\d{1,3}|[一二三四五六七八九十百零〇]{1,6})|(?P<zy>[〇零一二三四五六七八九]{4}))\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]`)

// zhDates are the dates of zhDateRe in text.
func zhDates(text string) []dateMatch {
	var out []dateMatch
	for _, idx := range zhDateWin.findAll(text) {
		g := map[string]string{}
		for i, name := range zhDateRe.SubexpNames() {
			if name != "" && idx[2*i] >= 0 {
				g[name] = text[idx[2*i]:idx[2*i+1]]
			}
		}
		var y int64
		ok := true
		switch {
		case g["zy"] != "":
			y, ok = lang.ChineseDigits(g["zy"])
		default:
			y, ok = zhCountValue(g["ry"])
			if !ok {
				y, ok = lang.ChineseDigits(g["ry"]) // 民國一一三年
			}
			y += 1911
		}
		m, okm := zhCountValue(g["m"])
		d, okd := zhCountValue(g["d"])
		if !ok || !okm || !okd || y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31 {
			continue
		}
		t := time.Date(int(y), time.Month(m), int(d), 0, 0, 0, 0, time.UTC)
		if t.Day() != int(d) {
			continue
		}
		out = append(out, dateMatch{start: idx[0], end: idx[1], text: text[idx[0]:idx[1]], iso: t.Format("2006-01-02")})
	}
	return out
}

func sortDates(ds []dateMatch) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].start < ds[j-1].start; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

// isoFromGroups builds YYYY-MM-DD from a match, rejecting impossible dates;
// a numeric date's two numbers (n1, n2) are day and month when dayFirst,
// else month and day.
func isoFromGroups(re *regexp.Regexp, text string, idx []int, dayFirst bool) (string, bool) {
	var y, d int
	var m time.Month
	hasDay := false
	first, second := "mn", "d"
	if dayFirst {
		first, second = "d", "mn"
	}
	for i, name := range re.SubexpNames() {
		if name == "" || idx[2*i] < 0 {
			continue
		}
		v := text[idx[2*i]:idx[2*i+1]]
		switch name {
		case "n1":
			name = first
		case "n2":
			name = second
		}
		switch name {
		case "y":
			y, _ = strconv.Atoi(v)
		case "y2":
			y, _ = strconv.Atoi(v)
			y += 1900
			if y < 1950 {
				y += 100
			}
		case "d":
			d, _ = strconv.Atoi(v)
			hasDay = true
		case "dw":
			for k, o := range ordinals {
				if strings.EqualFold(o, v) {
					d = k + 1
				}
			}
			hasDay = true
		case "mn":
			n, _ := strconv.Atoi(v)
			m = time.Month(n)
		case "m":
			m = months[strings.ToLower(strings.TrimSuffix(v, "."))]
		}
	}
	if !hasDay && m >= 1 && m <= 12 {
		return fmt.Sprintf("%04d-%02d", y, int(m)), true
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// dayFirstHintRe and monthFirstHintRe are what tells a text from outside
// the United States from a US one: places and law, legal forms,
// currencies, and the courts of England and Wales and their neutral
// citations (an English judgment headed "IN THE HIGH COURT OF JUSTICE"
// over parties in capitals had its "Date: 12/10/2023" read as 10
// December).
var (
	dayFirstHintRe   = regexp.MustCompile(`(?i:\b(?:england|wales|scotland|united\s+kingdom|switzerland|swiss|germany|france|netherlands|ireland|india|australia|new\s+zealand|singapore|hong\s+kong|south\s+africa|european\s+union|zurich|geneva|london|paris|berlin|dublin|sydney|mumbai|delhi|high\s+court\s+of\s+justice|(?:king|queen)['’]?s\s+bench|chancery\s+division)\b)|\[\d{4}\]\s+(?:EWCA|EWHC|UKSC|UKHL|UKPC|UKUT|EWCOP|HCA|FCAFC|FCA|NSWSC|NSWCA|VSC|QSC)\b|\b(?:GmbH|AG|Ltd|Limited|plc|Pty|B\.V|S\.A|S\.p\.A|S\.à\.r\.l|Sàrl|Pvt|Pte)\b|[£€₹]|\b(?:CHF|EUR|GBP|INR|SGD|AUD)\b`)
	monthFirstHintRe = regexp.MustCompile(`(?i:\b(?:delaware|new\s+york|california|texas|florida|illinois|nevada|massachusetts|washington|georgia|colorado|united\s+states|U\.S\.A?)\b)|\b(?:Inc|LLC|L\.L\.C|Corp|Corporation|L\.P)\b|\bUS\$|\bUSD\b`)
)

// dayFirstHead bounds how much of a text dayFirst reads for hints.
const dayFirstHead = 16 << 10

// dayFirst reports whether text writes numeric dates day first
// ("03/04/2025" is 3 April): when its numeric dates settle it (a day
// over 12 in one place only) they decide; else the text's places, legal
// forms and currencies, outside the United States against within it. A
// Swiss or English contract's 03/04/2025 was read as 4 March.
func dayFirst(text string) bool {
	dmy, mdy := 0, 0
	for i, re := range dateRes {
		n1, n2 := re.SubexpIndex("n1"), re.SubexpIndex("n2")
		if n1 < 0 {
			continue // a date whose order its pattern fixes
		}
		for _, m := range dateWins[i].findAllStrings(text) {
			a, _ := strconv.Atoi(m[n1])
			b, _ := strconv.Atoi(m[n2])
			switch {
			case a > 12 && b >= 1 && b <= 12:
				dmy++
			case b > 12 && a >= 1 && a <= 12:
				mdy++
			}
		}
	}
	switch {
	case dmy > 0 && mdy == 0:
		return true
	case mdy > 0 && dmy == 0:
		return false
	}
	head := text[:min(len(text), dayFirstHead)]
	return len(dayFirstHintRe.FindAllStringIndex(head, -1)) > len(monthFirstHintRe.FindAllStringIndex(head, -1))
}

// numberWords are spelled-out numbers used in durations.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"twenty-four": 24, "thirty-six": 36, "one hundred twenty": 120, "one hundred eighty": 180,
}

// durationRe matches "thirty (30) days", "30 days", "five years",
// "twelve (12) calendar months", "one (1) additional year", and a length written as one word
// ("successive one-year periods", "12-month", "30-day"): a renewal
// written so had no period.
var durationRe = regexp.MustCompile(`(?i)\b(?:(?P<w>` + numberWord + `(?:(?:\s+|-)(?:and\s+)?` + numberWord + `){0,4})\s*\((?P<n1>\d{1,4})\)|(?P<n2>\d{1,4})|(?P<w2>` + tensUnits + `|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|forty|sixty|ninety))(?:\s+|-)(?:(?:full|consecutive|calendar|business|working|additional|further)\s+){0,2}(?P<u>years?|months?|weeks?|days?)\b`)

// tensUnits is a number from 21 to 99 written out without a figure in
// brackets ("thirty six", "thirty-six", "twenty one"): its tens alone
// were left out and "continues for thirty six months" was a term of six
// months (P6M).
const tensUnits = `(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:\s+|-)(?:one|two|three|four|five|six|seven|eight|nine)\b`

// spelledNumber is the value of a number written out: a word of
// numberWords, or tens and units (tensUnits) added up.
func spelledNumber(v string) int {
	if n, ok := numberWords[v]; ok {
		return n
	}
	n := 0
	for _, w := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '-' || r == '\t' || r == '\n' }) {
		n += numberWords[w]
	}
	return n
}

// numberWord is a word of a number written out ("thirty", "six",
// "hundred"): the words before a number in brackets that belong to the
// duration ("thirty six (36) months" was "six (36) months").
const numberWord = `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)`

// dayOfMonthRe follows a day that is a date's, not a length of time ("the
// 31 day of July 2019").
// durationWin finds durationRe's matches around a unit of time: "day",
// "yea", "mon" or "wee" in any case (none of these letters folds to a
// letter outside ASCII, as "k" and "s" do).
var durationWin = newWindowed(durationRe, func(text string, i int) bool {
	if i+3 > len(text) {
		return false
	}
	switch text[i] | 0x20 {
	case 'd', 'y', 'm', 'w':
	default:
		return false
	}
	w := [3]byte{text[i] | 0x20, text[i+1] | 0x20, text[i+2] | 0x20}
	return w == [3]byte{'d', 'a', 'y'} || w == [3]byte{'y', 'e', 'a'} || w == [3]byte{'m', 'o', 'n'} || w == [3]byte{'w', 'e', 'e'}
})

var dayOfMonthRe = regexp.MustCompile(`(?i)^\s+of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b`)

var businessDaysRe = regexp.MustCompile(`(?i)\b(?:business|working)\s+days?\b`)

// findDurations returns durations with an ISO 8601 duration value (none
// for business or working days, which ISO 8601 has no unit for).
func findDurations(text string) []dateMatch {
	var out []dateMatch
	for _, idx := range durationWin.findAll(text) {
		n, unit := 0, ""
		for i, name := range durationRe.SubexpNames() {
			if name == "" || idx[2*i] < 0 {
				continue
			}
			v := strings.ToLower(text[idx[2*i]:idx[2*i+1]])
			switch name {
			case "n1", "n2":
				n, _ = strconv.Atoi(v)
			case "w2":
				n = spelledNumber(v)
			case "u":
				unit = v
			}
		}
		if n <= 0 || unit == "" || dayOfMonthRe.MatchString(text[idx[1]:min(len(text), idx[1]+20)]) {
			continue
		}
		iso := isoDuration(n, unit)
		if businessDaysRe.MatchString(text[idx[0]:idx[1]]) {
			// ISO 8601 counts calendar time: "10 business days" is no
			// P10D, and a date computed from it would be early
			iso = ""
		}
		out = append(out, dateMatch{start: idx[0], end: idx[1], text: text[idx[0]:idx[1]], iso: iso})
	}
	return out
}

// isoDuration writes n units as an ISO 8601 duration (P30D, P1Y).
func isoDuration(n int, unit string) string {
	u := map[byte]string{'y': "Y", 'm': "M", 'w': "W", 'd': "D"}[unit[0]]
	return fmt.Sprintf("P%d%s", n, u)
}

// addDuration adds an ISO duration of the form P<n><unit> to an ISO date.
func addDuration(iso, dur string) (string, bool) {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil || len(dur) < 3 {
		return "", false
	}
	n, err := strconv.Atoi(dur[1 : len(dur)-1])
	if err != nil {
		return "", false
	}
	switch dur[len(dur)-1] {
	case 'Y':
		t = t.AddDate(n, 0, 0)
	case 'M':
		t = t.AddDate(0, n, 0)
	case 'W':
		t = t.AddDate(0, 0, 7*n)
	case 'D':
		t = t.AddDate(0, 0, n)
	default:
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// rangeLength is the length of the range from the ISO date first to
// last, both days in it, as an ISO duration: whole years (P3Y) or months
// (P3M) where it is so many, else days. A range that ends on the first
// day's anniversary (2026-03-01 to 2029-03-01) counts as whole years
// too, as contracts write both. So does a range that ends on February
// 28 of a leap year (2027-03-01 to 2032-02-28): contracts write the 28th
// for the last day of February whatever the year, and that five-year
// renewal was 1,826 days beside the P5Y its words said.
func rangeLength(first, last string) (string, bool) {
	s, err1 := time.Parse("2006-01-02", first)
	e, err2 := time.Parse("2006-01-02", last)
	if err1 != nil || err2 != nil || !e.After(s) {
		return "", false
	}
	for _, end := range rangeEnds(e) {
		months := (end.Year()-s.Year())*12 + int(end.Month()) - int(s.Month())
		if months > 0 && s.AddDate(0, months, 0).Equal(end) {
			if months%12 == 0 {
				return isoDuration(months/12, "year"), true
			}
			return isoDuration(months, "month"), true
		}
	}
	return isoDuration(int(e.Sub(s).Hours()/24)+1, "day"), true
}

// rangeEnds are the days after a range whose last day is e that may
// close whole months: the next day, e itself (an anniversary), and March
// 1 when e is February 28 of a leap year.
func rangeEnds(e time.Time) []time.Time {
	ends := []time.Time{e.AddDate(0, 0, 1), e}
	if e.Month() == time.February && e.Day() == 28 && e.AddDate(0, 0, 1).Month() == time.February {
		ends = append(ends, e.AddDate(0, 0, 2))
	}
	return ends
}
