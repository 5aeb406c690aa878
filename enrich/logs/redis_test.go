package logs

import (
	"maps"
	"testing"
)

// Redis writes its level as a sign after the time: "." debug, "-"
// verbose, "*" notice, "#" warning. The sign is the level, not the
// template's first word.
func TestRedisLevels(t *testing.T) {
	lines := []string{
		"1:C 31 Dec 2024 23:50:00.101 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
		"1:M 31 Dec 2024 23:50:00.734 * 100 changes in 300 seconds. Saving...",
		"1:M 31 Dec 2024 23:50:01.002 * Background saving started by pid 4711",
		"4711:C 31 Dec 2024 23:50:01.310 * DB saved on disk",
		"1:M 31 Dec 2024 23:50:05.900 - Accepted 10.0.0.7:51234",
		"1:M 31 Dec 2024 23:54:33.179 * 12 changes in 300 seconds. Saving...",
	}
	s := Summarize(lines, nil)
	// the start banner, though at the warning sign, is no warning
	// (TestRedisStartBannerIsNoWarning)
	if want := map[string]int{"NOTICE": 5, "DEBUG": 1}; !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
	if s.Start != "2024-12-31T23:50:00.101" || s.End != "2024-12-31T23:54:33.179" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
	if tpl := s.Templates[0]; tpl.Template != "<*> changes in <*>. Saving..." || tpl.Count != 2 {
		t.Errorf("top template %+v", tpl)
	}
}

// Redis writes a failed background save and the refusal of writes after
// it at its warning sign, as it writes advice: they are errors, and the
// advice stays a warning.
func TestRedisSaveFailuresAreErrors(t *testing.T) {
	lines := []string{
		"1:M 02 Dec 2026 10:00:00.003 # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.",
		"1:M 02 Dec 2026 10:01:00.100 * 10000 changes in 60 seconds. Saving...",
		"1:M 02 Dec 2026 10:01:00.101 # Can't save in background: fork: Cannot allocate memory",
		"1:M 02 Dec 2026 10:01:06.000 # Background saving error",
		"1:M 02 Dec 2026 10:01:08.000 # WARNING: MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled.",
		"1:M 02 Dec 2026 10:01:09.000 # Background saving terminated by signal 9",
	}
	s := Summarize(lines, nil)
	if want := map[string]int{"WARN": 1, "NOTICE": 1, "ERROR": 4}; !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
}

// Redis writes its start banner at its warning sign; it is no warning:
// a healthy Redis's start read as a log of 62% warnings. The advice it
// writes after it (overcommit_memory, the TCP backlog) stays a warning.
func TestRedisStartBannerIsNoWarning(t *testing.T) {
	lines := []string{
		"1:C 14 Mar 2024 10:00:00.123 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
		"1:C 14 Mar 2024 10:00:00.123 # Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=1, just started",
		"1:C 14 Mar 2024 10:00:00.123 # Configuration loaded",
		"1:M 14 Mar 2024 10:00:00.124 * monotonic clock: POSIX clock_gettime",
		"1:M 14 Mar 2024 10:00:00.125 # WARNING overcommit_memory is set to 0! Background save may fail under low memory condition.",
		"1:M 14 Mar 2024 10:00:00.126 * Server initialized",
		"1:M 14 Mar 2024 10:00:00.126 * Ready to accept connections tcp",
	}
	s := Summarize(lines, nil)
	if want := map[string]int{"WARN": 1, "NOTICE": 6}; !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
}
