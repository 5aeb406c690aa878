package logs

import (
	"strings"
	"testing"
)

// A system call's failure for want of a resource is an error whatever
// level its line was written at: Redis writes its disk-full failure at
// its warning level ("#"), and the summary of a Redis whose disk filled
// counted no error. A warning about a resource that did not fail stays
// one. The "Background saving error" that follows is one too.
func TestResourceFailureIsAnError(t *testing.T) {
	s := Summarize([]string{
		"1:M 14 Mar 2024 10:00:00.003 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.",
		"1:M 14 Mar 2024 10:31:00.101 * Background saving started by pid 130",
		"130:C 14 Mar 2024 10:31:00.300 # Write error saving DB on disk: No space left on device",
		"1:M 14 Mar 2024 10:31:00.400 # Background saving error",
	}, nil)
	if s.Levels["ERROR"] != 2 || s.Levels["WARN"] != 1 {
		t.Errorf("levels %v, want 2 ERROR and 1 WARN", s.Levels)
	}
	if s.ErrorsStart == "" || len(s.Errors) != 2 || !strings.Contains(s.Errors[0], "No space left") {
		t.Errorf("errors from %q, samples %q: want the disk-full line", s.ErrorsStart, s.Errors)
	}
}
