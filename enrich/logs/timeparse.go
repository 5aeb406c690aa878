package logs

import (
	"strconv"
	"strings"
	"time"
)

// timeLayouts are common timestamp shapes (ISO, syslog, Apache, Java
// logging, compact and dotted forms). They describe timestamp notations,
// not particular systems.
var timeLayouts = []string{
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05,999999999",
	"2006-01-02 15:04:05",
	"2006-01-02-15.04.05.999999999",
	"2006/01/02 15:04:05.999999999",
	"2006/01/02 15:04:05",
	"06/01/02 15:04:05",
	"06-01-02 15:04:05",
	"060102 150405",
	"Mon Jan _2 15:04:05 2006",
	"Mon Jan _2 15:04:05.999999999 2006",
	"02/Jan/2006:15:04:05 -0700",
	"Jan _2 2006 15:04:05",
	"Jan _2 15:04:05.999999999",
	"Jan _2 15:04:05",
	"Mon Jan _2 15:04:05",
	"01-02 15:04:05.999999999",
	"01-02 15:04:05",
	"01.02 15:04:05",
	"01/02 15:04:05",
	"2006-01-02",
	"2006.01.02",
}

// findTime returns the first timestamp found in a window of consecutive
// header tokens and the index after its last token, or the zero time.
func findTime(toks []htok) (time.Time, int) {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = strings.TrimRight(strings.Trim(t.text, "[]"), ",")
	}
	for i := range parts {
		if toks[i].kind != kID && toks[i].kind != kBracket {
			continue // a timestamp starts with a digit or a month/day name
		}
		for n := 5; n >= 1; n-- {
			if i+n > len(parts) {
				continue
			}
			if ts, ok := parseTime(strings.Join(parts[i:i+n], " ")); ok {
				return ts, i + n
			}
		}
	}
	return time.Time{}, 0
}

// parseTime tries the known layouts, then a Unix epoch in seconds.
func parseTime(s string) (time.Time, bool) {
	if s == "" || !hasDigit(s) {
		return time.Time{}, false
	}
	letter := s[0] > '9'
	for _, l := range timeLayouts {
		if (l[0] > '9') != letter || len(s) < len(l)-12 || len(s) > len(l)+12 {
			continue // cheap shape test: time.Parse failures are costly
		}
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	// Bracketed Apache dates keep their own spacing ("Sun Dec 04").
	if t, err := time.Parse("Mon Jan 02 15:04:05 2006", s); err == nil {
		return t, true
	}
	if len(s) == 10 && s[0] == '1' {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC(), true
		}
	}
	return time.Time{}, false
}
