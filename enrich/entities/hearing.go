package entities

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// KindHearingDate is a day a court filing says its hearing sat, one row
// per day it names: "Hearing dates: 3-5 July 2023" is 2023-07-03 and
// 2023-07-05, the hearing's first and last day, each an ISO date that a
// register sorts and a search ranges over, as every other date's value.
const KindHearingDate = "hearing_date"

var (
	// hearingLineRe is the caption's line that dates the hearing:
	// "Hearing dates: 3-5 July 2023", "Date of hearing: 3 July 2023",
	// "Heard: 3 and 4 July 2023".
	hearingLineRe = regexp.MustCompile(`(?im)^[ \t]*(?:Hearing[ \t]+dates?|Dates?[ \t]+of[ \t]+hearing|Heard(?:[ \t]+on)?)[ \t]*:?[ \t|]*(\S[^\n]{0,80}?)[ \t]*$`)
	// hearingTokenRe is a part of a hearing's dates: a month, a year or a
	// day (with its ordinal suffix).
	hearingTokenRe = regexp.MustCompile(`(?i)\b(?:(` + monthRe + `)|((?:19|20)\d{2})|(\d{1,2})(?:st|nd|rd|th)?)\b`)
)

// hearingDay is a day of a hearing's dates, its month and year filled in
// from the words around it.
type hearingDay struct {
	day, year int
	month     time.Month
}

// hearingDates adds the days text's hearing line names: each day of a
// list ("3 and 4 July 2023", "3, 4 and 5 July"), the first and the last
// of a range ("3-5 July 2023", "30 June - 2 July 2023", "July 3-5,
// 2023"). A day written without its month or year takes the ones after
// it, as a date list writes them once at its end; a month written first
// ("July 3-5") is every day's after it.
func hearingDates(x *collector, text string) {
	for _, m := range hearingLineRe.FindAllStringSubmatchIndex(text, -1) {
		v, at := text[m[2]:m[3]], m[2]
		if !heardAtRe.MatchString(v) {
			addHearingDays(x, v, at)
			continue
		}
		// "Heard at: Manchester  On: 4, 5 and 6 November 2025": the
		// dates are the "On:" label's, on its line or the next, and the
		// place is none of them
		if on := onLabelRe.FindStringIndex(v); on != nil {
			addHearingDays(x, v[on[1]:], at+on[1])
		} else if at, end := nextLine(text, m[1]); onLabelRe.MatchString(text[at:end]) {
			on := onLabelRe.FindStringIndex(text[at:end])
			addHearingDays(x, text[at+on[1]:end], at+on[1])
		}
	}
	for _, m := range hearingLabelRe.FindAllStringIndex(text, -1) {
		// "Hearing:" over "3 November 2026", a paragraph apart as a
		// word processor sets a label and its value
		if at, end := nextLine(text, m[1]); end-at <= maxHearingLine {
			addHearingDays(x, text[at:end], at)
		}
	}
}

var (
	// heardAtRe is a hearing line that names the place it sat first, as
	// a tribunal's does: "Heard at: Manchester (by CVP)".
	heardAtRe = regexp.MustCompile(`(?i)^at\b`)
	// onLabelRe is the label of a hearing's dates after its place: "On:".
	onLabelRe = regexp.MustCompile(`(?i)(?:^|[ \t])On[ \t]*:[ \t]*`)
)

// maxHearingLine is the longest line under a bare hearing label read as
// its dates: a longer one is a sentence that dates something else.
const maxHearingLine = 60

// hearingLabelRe is a hearing's label alone on its line, its dates on
// the next: "Hearing:", "Heard on:", "Date of hearing:".
var hearingLabelRe = regexp.MustCompile(`(?im)^[ \t]*(?:Hearing(?:[ \t]+dates?)?|Dates?[ \t]+of[ \t]+hearing|Heard(?:[ \t]+on)?)[ \t]*:?[ \t]*$`)

// addHearingDays adds each day line names as a hearing's.
func addHearingDays(x *collector, line string, pos int) {
	for _, d := range hearingDays(line) {
		iso := fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
		x.add(KindHearingDate, line, iso, pos)
	}
}

// hearingDays reads the days of a hearing's dates, leaving out any whose
// month or year it does not give, and any that is no date of the
// calendar.
func hearingDays(s string) []hearingDay {
	var days []hearingDay
	var month time.Month
	monthFirst := false
	for i, t := range hearingTokenRe.FindAllStringSubmatch(s, -1) {
		switch {
		case t[1] != "":
			mo := months[strings.ToLower(strings.TrimSuffix(t[1], "."))]
			if i == 0 {
				monthFirst = true
			}
			if monthFirst {
				month = mo
				continue
			}
			for j := range days {
				if days[j].month == 0 {
					days[j].month = mo
				}
			}
		case t[2] != "":
			y, _ := strconv.Atoi(t[2])
			for j := range days {
				if days[j].year == 0 {
					days[j].year = y
				}
			}
		default:
			d, _ := strconv.Atoi(t[3])
			days = append(days, hearingDay{day: d, month: month})
		}
	}
	var out []hearingDay
	for _, d := range days {
		if d.month == 0 || d.year == 0 || d.day < 1 {
			continue
		}
		if t := time.Date(d.year, d.month, d.day, 0, 0, 0, 0, time.UTC); t.Day() != d.day {
			continue // "31 June"
		}
		out = append(out, d)
	}
	return out
}
