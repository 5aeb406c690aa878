package web

import "testing"

// A log's span reads as a date and time; a log without a year says so
// instead of showing ISO 8601's "--12-10T06:55:46".
func TestLogTime(t *testing.T) {
	for in, want := range map[string]string{
		"--12-10T06:55:46":          "10 Dec 06:55:46 (no year in the log)",
		"2024-05-13T13:30:00":       "2024-05-13 13:30:00",
		"2024-05-13T13:30:00+02:00": "2024-05-13 13:30:00+02:00",
		"":                          "",
	} {
		if got := logTime(in); got != want {
			t.Errorf("logTime(%q) = %q, want %q", in, got, want)
		}
	}
}
