package logs

import "testing"

// An ordinary ERROR line that mentions QUERY:/CONTEXT:/LOCATION: in its
// message is its own entry, not a PostgreSQL detail line of the entry above.
func TestDetailWordsInErrorLinesAreNoDetails(t *testing.T) {
	lines := []string{
		"2024-01-02 10:00:00 INFO server started",
		"2024-01-02 10:00:01 ERROR slow QUERY: select * from users",
		"2024-01-02 10:00:02 ERROR upload rejected LOCATION: s3://bucket/a",
		"2024-01-02 10:00:03 WARN retry CONTEXT: worker 3",
	}
	s := Summarize(lines, nil)
	if s.Levels["ERROR"] != 2 || s.Levels["WARN"] != 1 {
		t.Errorf("levels %v, want ERROR 2, WARN 1", s.Levels)
	}
}

// "log" as the first word of a message is no level.
func TestLogWordIsNoLevel(t *testing.T) {
	for _, line := range []string{
		"2024-01-02 10:00:00 log rotated",
		"2024-01-02 10:00:00 Log file /var/log/app.log opened",
	} {
		h, content := SplitHeader(line)
		if h.Level != "" {
			t.Errorf("%q: level %q, content %q", line, h.Level, content)
		}
	}
}
