package logs

import "testing"

// The paths of a cron command say which job ran: masked as variables,
// a host's backup, session cleaner and report rotation all read as one
// "(<*>) CMD (<*>)" template. A path with a digit (a dated file) is
// still a variable, so a job's runs stay one template.
func TestCronCommandPathsAreContent(t *testing.T) {
	var lines []string
	for i, at := range []string{"01:00:01", "02:00:01", "03:00:01"} {
		day := string(rune('1' + i))
		lines = append(lines,
			"Mar 14 "+at+" web01 CRON[10"+day+"1]: (root) CMD (/usr/local/bin/backup.sh --full)",
			"Mar 14 "+at+" web01 CRON[10"+day+"2]: (root) CMD (/usr/lib/php/sessionclean)",
			"Mar 14 "+at+" web01 CRON[10"+day+"3]: (root) CMD (/opt/app/bin/rotate-reports.sh)",
			"Mar 14 "+at+" web01 CRON[10"+day+"4]: (postgres) CMD (/usr/bin/pg_dump app > /backup/app-2024-03-1"+day+".sql)",
		)
	}
	s := Summarize(lines, NewMiner(DefaultConfig()))
	want := map[string]int{
		"(<*>) CMD (/usr/local/bin/backup.sh --full)": 3,
		"(<*>) CMD (/usr/lib/php/sessionclean)":       3,
		"(<*>) CMD (/opt/app/bin/rotate-reports.sh)":  3,
		"(<*>) CMD (/usr/bin/pg_dump app > <*>)":      3,
	}
	if len(s.Templates) != len(want) {
		t.Fatalf("templates %+v, want %d", s.Templates, len(want))
	}
	for _, tc := range s.Templates {
		if n, ok := want[tc.Template]; !ok || tc.Count != n {
			t.Errorf("template %q ×%d not expected", tc.Template, tc.Count)
		}
	}
}
