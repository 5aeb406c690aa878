package index

import (
	"fmt"
	"strconv"
	"time"
)

// clockLayouts are the times without a zone ParseWhen reads beside RFC
// 3339: a day, and a day with a clock time as logs and docmill's pages
// print them ("2026-11-30 10:05", "2026-11-30 10:05:30,250").
var clockLayouts = []string{
	"2006-01-02",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02T15:04:05",
}

// ParseWhen reads a time bound as people write one: a day
// ("2026-11-01"), a day and clock time ("2026-11-01 14:30", seconds and
// a fraction optional, a "T" or a space between), an RFC 3339 time, or
// an age before now ("24h", "7d"). A time without a zone is UTC, which
// is also how docmill reads a log's times that carry none, so a bound
// copied from a log line selects that line. The search API, the UI's
// date facet, a log's line filter and backfill's --since share it.
func ParseWhen(s string, now time.Time) (time.Time, error) {
	if age, ok := ParseAge(s); ok {
		return now.Add(-age), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	// A log writes a fraction after a comma as often as after a dot;
	// time.Parse reads either after seconds.
	for _, layout := range clockLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or RFC 3339) or an age (30d, 12h)", s)
}

// ParseAge reads "<n>h" or "<n>d" (whole hours or days, n up to 100
// years).
func ParseAge(s string) (time.Duration, bool) {
	if len(s) < 2 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 0 || n > 876000 || s[0] == '+' || s[0] == '-' {
		return 0, false
	}
	switch s[len(s)-1] {
	case 'h':
		return time.Duration(n) * time.Hour, true
	case 'd':
		return time.Duration(n) * 24 * time.Hour, true
	}
	return 0, false
}
