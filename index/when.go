package index

import (
	"fmt"
	"strconv"
	"time"
)

// ParseWhen reads a time bound as people write one: a day
// ("2026-11-01"), an RFC 3339 time, or an age before now ("24h", "7d").
// The search API, the UI's date facet and backfill's --since share it.
func ParseWhen(s string, now time.Time) (time.Time, error) {
	if age, ok := ParseAge(s); ok {
		return now.Add(-age), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return t, fmt.Errorf("%q is not a date (YYYY-MM-DD or RFC 3339) or an age (30d, 12h)", s)
	}
	return t, nil
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
