package logs

import (
	"strings"
	"testing"
)

// A program's start banner above a log's first entry (Spring Boot's
// ASCII-art logo) is no entry: its first line was a template, "1× .
// ____ _ __ _ _.", that the summary named among the most logged.
func TestStartBannerIsNoEntry(t *testing.T) {
	lines := []string{
		"",
		"  .   ____          _            __ _ _",
		" /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
		"( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\",
		" \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )",
		"  '  |____| .__|_| |_|_| |_\\__, | / / / /",
		" =========|_|==============|___/=/_/_/_/",
		" :: Spring Boot ::                (v3.2.3)",
		"",
		"2024-03-14T10:00:00.101Z  INFO 4242 --- [           main] c.e.orders.OrdersApplication             : Starting OrdersApplication v1.4.2 using Java 21.0.2 with PID 4242",
		"2024-03-14T10:00:02.310Z  INFO 4242 --- [           main] c.e.orders.OrdersApplication             : Started OrdersApplication in 2.9 seconds (process running for 3.3)",
	}
	s := Summarize(lines, nil)
	if s.Entries != 2 || s.Lines != 9 {
		t.Errorf("%d entries of %d lines, want 2 of 9", s.Entries, s.Lines)
	}
	for _, tc := range s.Templates {
		if !strings.Contains(tc.Template, "OrdersApplication") {
			t.Errorf("template %q is the banner's", tc.Template)
		}
	}
}
