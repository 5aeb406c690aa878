package logs

import (
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// A failed start written in both of systemd's lines counts once; an
// older systemd's "Failed to start <description>" is the unit of the
// "Failed with result" before it; a unit that crashed later writes only
// "Failed with result"; an application's "Failed to start HTTP server"
// is no unit.
func TestSummaryCountsFailedUnits(t *testing.T) {
	s := Summarize([]string{
		"May 02 08:12:48 web-03 systemd[1]: nginx.service: Failed with result 'exit-code'.",
		"May 02 08:12:48 web-03 systemd[1]: Failed to start A high performance web server and a reverse proxy server.",
		"May 02 08:13:00 web-03 systemd[1]: Failed to start postgresql@15-main.service - PostgreSQL Cluster 15-main.",
		"May 02 08:13:30 web-03 systemd[1]: postgresql@15-main.service: Failed with result 'exit-code'.",
		"May 02 08:13:31 web-03 systemd[1]: Failed to start postgresql@15-main.service - PostgreSQL Cluster 15-main.",
		"May 02 08:20:30 web-03 systemd[1]: worker.service: Failed with result 'signal'.",
		"May 02 08:20:31 web-03 api[77]: ERROR Failed to start HTTP server: address in use",
	}, nil)
	want := []document.NameCount{
		{Name: "postgresql@15-main.service", Count: 2},
		{Name: "nginx.service", Count: 1},
		{Name: "worker.service", Count: 1},
	}
	if !slices.Equal(s.FailedUnits, want) {
		t.Errorf("failed units %+v, want %+v", s.FailedUnits, want)
	}
}

// cron and anacron write a failed job without a level: cron's "(user)
// ERROR (...)", anacron's "terminated (exit status: 1)". Both are
// errors; a job that ended with status 0 and cron's routine lines are
// not.
func TestCronJobFailuresAreErrors(t *testing.T) {
	s := Summarize([]string{
		"Dec  2 06:25:01 app1 anacron[812]: Job `cron.daily' started",
		"Dec  2 06:25:44 app1 anacron[812]: Job `cron.daily' terminated (exit status: 1) (mailing output)",
		"Dec  2 06:30:12 app1 anacron[812]: Job `cron.weekly' terminated (exit status: 0)",
		"Dec  2 07:00:01 app1 CRON[9999]: (root) ERROR (failed to change user)",
		"Dec  2 07:00:01 app1 CRON[9998]: (root) CMD (/usr/local/bin/backup.sh > /dev/null 2>&1)",
	}, nil)
	if s.Levels["ERROR"] != 2 || len(s.Levels) != 1 {
		t.Errorf("levels %v, want the two failed jobs errors and nothing else severe", s.Levels)
	}
}

// A systemd service whose name holds a version or an instance keeps its
// name in the template: "<*>: Scheduled restart job" never said which
// service was restarting. A scope (one per session) and a name with a
// long number are masked still.
func TestUnitNamesWithDigitsKept(t *testing.T) {
	tests := []struct{ line, want string }{
		{"php8.2-fpm.service: Scheduled restart job, restart counter is at 1.", "php8.2-fpm.service: Scheduled restart job, restart counter is at <*>."},
		{"postgresql@15-main.service: Failed with result 'exit-code'.", "postgresql@15-main.service: Failed with result 'exit-code'."},
		{"session-412.scope: Deactivated successfully.", "<*>: Deactivated successfully."},
		{"user@1000.service: Consumed 1.2s CPU time.", "<*>: Consumed <*> CPU time."},
	}
	for _, tc := range tests {
		if got := strings.Join(shownTokens(mask(tc.line, DefaultConfig())), " "); got != tc.want {
			t.Errorf("%q masked %q, want %q", tc.line, got, tc.want)
		}
	}
}
