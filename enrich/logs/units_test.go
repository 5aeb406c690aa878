package logs

import (
	"slices"
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
