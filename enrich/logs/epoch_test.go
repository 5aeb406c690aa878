package logs

import "testing"

// A line that opens with epoch seconds and a fraction, as Squid's native
// access log does, has that time.
func TestEpochWithFraction(t *testing.T) {
	h, _ := SplitHeader("1735689010.123     30 10.0.0.10 TCP_MISS/200 1000 GET http://example.com/p/10 - HIER_DIRECT/93.184.216.10 text/html")
	if got := formatTime(h.Time); got != "2024-12-31T23:50:10.123Z" {
		t.Errorf("time %q, want 2024-12-31T23:50:10.123Z", got)
	}
	for _, s := range []string{"1735689010.", "1735689010.12a", "173568901.123", "2735689010.123"} {
		if _, ok := parseTime(s); ok {
			t.Errorf("%q read as a time", s)
		}
	}
}
