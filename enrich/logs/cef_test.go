package logs

import "testing"

// CEF records, after a syslog header or alone, are named by their
// product and event name (with a signature ID that is a word), graded by
// their severity and dated by the extension's rt. Read as text, the
// vendor was masked with the syslog header, the event's name ran into
// the pipes around it, and a severity 10 record had no level at all.
func TestCEFTemplatesLevelsAndTimes(t *testing.T) {
	s := Summarize([]string{
		`Mar  1 10:00:00 fw01 CEF:0|Palo Alto Networks|PAN-OS|10.1|THREAT|Vulnerability Protection|8|rt=Mar 01 2024 10:00:00 GMT src=10.0.0.5 dst=203.0.113.9 spt=51000 dpt=80 act=reset-both`,
		`Mar  1 10:00:01 fw01 CEF:0|Palo Alto Networks|PAN-OS|10.1|TRAFFIC|end|3|rt=Mar 01 2024 10:00:01 GMT src=10.0.0.6 dst=198.51.100.7 spt=51001 dpt=443 act=allow`,
		`Mar  1 10:00:02 fw01 CEF:0|Palo Alto Networks|PAN-OS|10.1|TRAFFIC|end|3|rt=Mar 01 2024 10:00:02 GMT src=10.0.0.7 dst=198.51.100.8 spt=51002 dpt=443 act=allow`,
		`CEF:0|Fortinet|FortiGate|7.0|0419016384|ips: SQL.Injection detected|5|rt=1709287203000 src=10.0.0.5`,
		`CEF:0|Sec\|Corp|IDS|1.0|100|Port\|scan|Very-High|rt=1709287204000 msg=a b`,
	}, nil)
	want := map[string]int{
		"PAN-OS THREAT: Vulnerability Protection": 1,
		"PAN-OS TRAFFIC: end":                     2,
		"FortiGate: ips: SQL.Injection detected":  1,
		"IDS: Port|scan":                          1,
	}
	wantTemplates(t, s.Templates, want)
	wantLevels := map[string]int{"INFO": 2, "WARN": 1, "ERROR": 1, "FATAL": 1}
	for lv, n := range wantLevels {
		if s.Levels[lv] != n {
			t.Errorf("levels %v, want %v", s.Levels, wantLevels)
			break
		}
	}
	if s.Start != "2024-03-01T10:00:00Z" || s.End != "2024-03-01T10:00:04Z" {
		t.Errorf("span %s to %s, want 2024-03-01T10:00:00Z to 2024-03-01T10:00:04Z", s.Start, s.End)
	}
}
