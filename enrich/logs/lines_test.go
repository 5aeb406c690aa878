package logs

import (
	"slices"
	"testing"
)

// TestLinesCarryTheirEntry: a stack frame and a "Caused by" under an
// ERROR line carry its level and time; blank lines are skipped but
// counted in the numbering; a line without a header of its own that
// does not continue anything has no level.
func TestLinesCarryTheirEntry(t *testing.T) {
	text := "2024-03-01 10:00:00 INFO  app started\n" +
		"\n" +
		"2024-03-01 10:00:05 ERROR request failed: java.io.IOException: broken pipe\n" +
		"\tat com.acme.Api.call(Api.java:42)\n" +
		"Caused by: java.net.SocketException: reset\n" +
		"2024-03-01 10:00:06 WARN  retrying\n" +
		"plain words with no header\n"
	var got []Line
	for l := range Lines(text) {
		got = append(got, l)
	}
	wantN := []int{1, 3, 4, 5, 6, 7}
	var n []int
	for _, l := range got {
		n = append(n, l.N)
	}
	if !slices.Equal(n, wantN) {
		t.Fatalf("line numbers %v, want %v", n, wantN)
	}
	levels := []string{"INFO", "ERROR", "ERROR", "ERROR", "WARN", ""}
	for i, l := range got {
		if l.Level != levels[i] {
			t.Errorf("line %d %q: level %q, want %q", l.N, l.Text, l.Level, levels[i])
		}
	}
	if !got[2].Continues || !got[3].Continues || got[1].Continues || got[4].Continues {
		t.Errorf("continuations %v %v %v %v", got[1].Continues, got[2].Continues, got[3].Continues, got[4].Continues)
	}
	if !got[2].Time.Equal(got[1].Time) || got[1].Time.IsZero() || got[1].Time.Second() != 5 {
		t.Errorf("a frame's time %v, its entry's %v", got[2].Time, got[1].Time)
	}
}

func TestLevelAndAtLeast(t *testing.T) {
	for in, want := range map[string]string{"warning": "WARN", "Err": "ERROR", "fatal": "FATAL", "info": "INFO", "loud": ""} {
		if got := Level(in); got != want {
			t.Errorf("Level(%q) = %q, want %q", in, got, want)
		}
	}
	if !AtLeast("ERROR", "WARN") || !AtLeast("WARN", "WARN") || AtLeast("INFO", "WARN") || AtLeast("", "TRACE") {
		t.Error("AtLeast orders levels wrongly")
	}
}
