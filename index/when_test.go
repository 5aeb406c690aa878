package index

import (
	"testing"
	"time"
)

func TestParseWhen(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Time{
		"2026-11-01":            time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		"2026-11-20T09:30:00Z":  time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC),
		"24h":                   now.Add(-24 * time.Hour),
		"7d":                    now.AddDate(0, 0, -7),
		"0h":                    now,
		"2026-11-20 09:30":      time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC),
		"2026-11-20T09:30:15":   time.Date(2026, 11, 20, 9, 30, 15, 0, time.UTC),
		"2026-11-20 09:30:15,5": time.Date(2026, 11, 20, 9, 30, 15, 5e8, time.UTC),
	} {
		if got, err := ParseWhen(in, now); err != nil || !got.Equal(want) {
			t.Errorf("ParseWhen(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "d", "-7d", "+3h", "7w", "yesterday", "999999d", "2026-11-20 09", "2026-11-20 10:05 PST"} {
		if _, err := ParseWhen(bad, now); err == nil {
			t.Errorf("ParseWhen(%q) accepted", bad)
		}
	}
}
