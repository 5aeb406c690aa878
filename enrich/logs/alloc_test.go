package logs

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// parseTimeEveryLayout is parseTime as it was before the literal test:
// every layout whose shape fits is tried.
func parseTimeEveryLayout(s string) (time.Time, bool) {
	if s == "" || !hasDigit(s) {
		return time.Time{}, false
	}
	letter := s[0] > '9'
	for _, l := range timeLayouts {
		if (l[0] > '9') != letter || len(s) < len(l)-12 || len(s) > len(l)+12 {
			continue
		}
		if t, err := time.Parse(l, s); err == nil {
			return floating(t, l), true
		}
	}
	if t, err := time.Parse(apacheLayout, s); err == nil {
		return floating(t, ""), true
	}
	if (len(s) == 10 || len(s) == 13 || len(s) == 16) && s[0] == '1' {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return epoch(float64(n))
		}
	}
	if len(s) > 11 && len(s) <= 20 && s[0] == '1' && s[10] == '.' && allDigits(s[:10]) && allDigits(s[11:]) {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return epoch(f)
		}
	}
	return time.Time{}, false
}

// TestParseTimeLiterals checks that skipping the layouts whose literal
// separators a value lacks changes no time read: every layout's own
// output, with and without a fraction, a zone, neighbouring tokens and
// doubled spaces, reads as it did when every layout was tried.
func TestParseTimeLiterals(t *testing.T) {
	for layout, want := range map[string]string{
		"2006-01-02T15:04:05.999999999Z07:00": "--T::",
		"2006-01-02 15:04:05 -0700":           "--::",
		"2006-01-02-15.04.05.999999999":       "---..",
		"060102 150405":                       "",
		"02/Jan/2006:15:04:05 -0700":          "//:::",
		"01.02 15:04:05":                      ".::",
		apacheLayout:                          "::",
	} {
		if got := literals(layout); got != want {
			t.Errorf("literals(%q) = %q, want %q", layout, got, want)
		}
	}
	zones := []*time.Location{time.UTC, time.FixedZone("", 5*3600+1800), time.FixedZone("", -8*3600)}
	var values []string
	for _, l := range append(timeLayouts, apacheLayout, time.RFC3339Nano, time.StampMicro, time.DateTime+".000") {
		for k, z := range zones {
			ts := time.Date(2024+k, time.Month(1+5*k), 2+13*k, 3+9*k, 4+20*k, 5+30*k, k*123456000, z)
			v := ts.Format(l)
			values = append(values, v, v+".5", v+",250", strings.ReplaceAll(v, " ", "  "), v+" INFO", "[main] "+v, v+" "+strconv.Itoa(k), v+"Z", v+" +0100")
		}
	}
	values = append(values, "081109 203615 148", "1735689010", "1735689010.123", "1735689010123", "17/06/09 20:10:41", "Jun 15 02:04:59 combo",
		"Sun Dec 04 04:51:09 2005", "<34>Oct 11 22:14:15", "2024-13-45 99:99:99", "12:00", "-", "3 INFO",
		"Jun 15 02:04:59 combo sshd(pam_unix)[20884]", "Jun 15 02:04:59 combo", "Jun  5 02:04:59", "Jun _5 02:04:59", "2024-01-02T03:04:05+01:00",
		"2024-01-02 03:04:05.123 -0700", "2024-01-02T03:04:05.123456Z", "13/May/2024:10:00:00 +0200", "2024/01/02 03:04:05 [error]")
	for _, v := range values {
		want, wantOK := parseTimeEveryLayout(v)
		got, ok := parseTime(v)
		if ok != wantOK || !got.Equal(want) || got.Location().String() != want.Location().String() {
			t.Errorf("parseTime(%q) = %v %v, every layout tried: %v %v", v, got, ok, want, wantOK)
		}
	}
}

// TestSummarizeTextAllocs bounds the allocations of mining a log, per
// line. Each line's header windows were tried against some sixty time
// layouts, each failure allocating its error, its header tokens grew a
// slice each, and every masking rule that could apply copied the line
// twice even when it did not match: 145 allocations a line on this mix of
// HDFS, Linux, Apache and Spark lines (245 on HDFS's alone, 9.3M for 5
// MB of it). Now 50. Allocations are counted, not timed.
func TestSummarizeTextAllocs(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "081109 %06d %d INFO dfs.DataNode$PacketResponder: PacketResponder %d for block blk_%d terminating\n", 203615+i%40, 100+i%300, i%3, 38865049064139660+i*7919)
		fmt.Fprintf(&b, "Jun 15 02:%02d:%02d combo sshd(pam_unix)[%d]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=220-135-151-%d.hinet-ip.hinet.net  user=root\n", i%60, i%59, 20000+i, i%250)
		fmt.Fprintf(&b, "[Sun Dec 04 04:%02d:09 2005] [notice] jk2_init() Found child %d in scoreboard slot %d\n", i%60, 6000+i, i%10)
		fmt.Fprintf(&b, "17/06/09 20:10:%02d INFO spark.SecurityManager: Changing view acls to: yarn,curi\n", i%60)
	}
	text := b.String()
	lines := strings.Count(text, "\n")
	SummarizeText(text, NewMiner(DefaultConfig()), Budget{}) // warm
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s := SummarizeText(text, NewMiner(DefaultConfig()), Budget{})
	runtime.ReadMemStats(&after)
	if s.Lines != lines {
		t.Fatalf("%d lines mined, want %d", s.Lines, lines)
	}
	per := float64(after.Mallocs-before.Mallocs) / float64(lines)
	t.Logf("%.1f allocations a line", per)
	if per > 80 {
		t.Errorf("mining made %.0f allocations a line, want at most 80", per)
	}
}
