package logs

import (
	"fmt"
	"testing"
)

// An IIS log (W3C extended format) is read as an access log: its rows by
// the fields "#Fields:" names, its directives no entries. Read as text, a
// day of requests was "29× <*>" beside "1× #Software: Microsoft Internet
// Information Services 10.0", and its failing requests went unsaid.
func TestIISW3CLog(t *testing.T) {
	lines := []string{
		"#Software: Microsoft Internet Information Services 10.0",
		"#Version: 1.0",
		"#Date: 2026-10-11 10:00:00",
		"#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
	}
	for i := range 6 {
		lines = append(lines, fmt.Sprintf("2026-10-11 10:%02d:00 10.0.0.5 GET /api/orders/%d - 443 - 203.0.113.%d Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 15", i, 1000+i, i))
	}
	lines = append(lines,
		"2026-10-11 10:30:00 10.0.0.5 POST /api/checkout - 443 CORP\\jsmith 203.0.113.7 Mozilla/5.0 - 500 0 0 3000",
		"2026-10-11 10:31:00 10.0.0.5 POST /api/checkout - 443 CORP\\jsmith 203.0.113.7 Mozilla/5.0 - 500 0 0 3000")
	s := Summarize(lines, nil)
	if s.Access == nil || s.Access.Requests != 8 {
		t.Fatalf("access %+v, want 8 requests", s.Access)
	}
	if len(s.Access.FailingPaths) != 1 || s.Access.FailingPaths[0].Name != "POST /api/checkout 500" || s.Access.FailingPaths[0].Count != 2 {
		t.Errorf("failing paths %+v, want POST /api/checkout 500 2×", s.Access.FailingPaths)
	}
	if s.Entries != 8 || len(s.Templates) != 2 {
		t.Errorf("%d entries, templates %+v; want 8 requests of 2 templates", s.Entries, s.Templates)
	}
	if s.Start != "2026-10-11T10:00:00Z" || s.End != "2026-10-11T10:31:00Z" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
}
