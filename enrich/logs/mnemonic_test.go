package logs

import (
	"maps"
	"testing"
)

// Cisco IOS, IOS XE, IOS XR, NX-OS and ASA, and Junos with
// explicit-priority, write a "%FACILITY-SEVERITY-MNEMONIC" before the
// message, whose digit is the syslog severity; IOS marks an unsynchronised
// clock with a leading "*" and ends its time with a colon. The time, the
// level and the mnemonic are the header, the message the content.
func TestCiscoMnemonicHeaders(t *testing.T) {
	for _, c := range []struct {
		line, time, level, comp, content string
	}{
		{"*Dec 10 2024 06:55:00.123: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.1.1.5)",
			"2024-12-10T06:55:00.123", "NOTICE", "%SYS-5-CONFIG_I", "Configured from console by admin on vty0 (10.1.1.5)"},
		{".Dec 10 06:55:13.456: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down",
			"--12-10T06:55:13", "ERROR", "%LINK-3-UPDOWN", "Interface GigabitEthernet0/1, changed state to down"},
		{"000123: *Dec 10 2024 07:30:00: %SYS-2-MALLOCFAIL: Memory allocation of 65536 bytes failed",
			"2024-12-10T07:30:00", "FATAL", "%SYS-2-MALLOCFAIL", "Memory allocation of 65536 bytes failed"},
		{"Mar  1 2024 00:01:23.456 UTC: %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: root]",
			"2024-03-01T00:01:23.456Z", "WARN", "%SEC_LOGIN-4-LOGIN_FAILED", "Login failed [user: root]"},
		{"Dec 10 06:55:00 10.0.0.1 4711: *Dec 10 06:55:00.123: %LINEPROTO-5-UPDOWN: Line protocol on Interface Gi0/1, changed state to up",
			"--12-10T06:55:00", "NOTICE", "%LINEPROTO-5-UPDOWN", "Line protocol on Interface Gi0/1, changed state to up"},
		{"2024 Dec 10 06:55:00 nexus1 %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/1 is down (Link failure)",
			"2024-12-10T06:55:00", "NOTICE", "%ETHPORT-5-IF_DOWN_LINK_FAILURE", "Interface Ethernet1/1 is down (Link failure)"},
		{"Dec 10 2024 06:55:00: %ASA-6-302013: Built inbound TCP connection 1 for outside:203.0.113.9/5123 (203.0.113.9/5123) to inside:10.0.0.5/443 (10.0.0.5/443)",
			"2024-12-10T06:55:00", "INFO", "%ASA-6-302013", "Built inbound TCP connection 1 for outside:203.0.113.9/5123 (203.0.113.9/5123) to inside:10.0.0.5/443 (10.0.0.5/443)"},
		{"Dec 10 06:55:00 mx1 rpd[1234]: %DAEMON-4-RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer 10.0.0.2 changed state from Established to Idle",
			"--12-10T06:55:00", "WARN", "%DAEMON-4-RPD_BGP_NEIGHBOR_STATE_CHANGED", "BGP peer 10.0.0.2 changed state from Established to Idle"},
		{"Dec 10 06:55:00.123 UTC: ifmgr[227]: %PKT_INFRA-LINK-3-UPDOWN : Interface GigabitEthernet0/0/0/0, changed state to Down",
			"--12-10T06:55:00", "ERROR", "%PKT_INFRA-LINK-3-UPDOWN", "Interface GigabitEthernet0/0/0/0, changed state to Down"},
	} {
		h, content := SplitHeader(c.line)
		if got := formatTime(h.Time); got != c.time || h.Level != c.level || h.Component != c.comp || content != c.content {
			t.Errorf("%q:\n got time %q level %q component %q content %q\nwant time %q level %q component %q content %q",
				c.line, got, h.Level, h.Component, content, c.time, c.level, c.comp, c.content)
		}
	}
}

// A Cisco log's span, levels and templates: lines that differ only in
// their variables group, and no template is left holding the time.
func TestCiscoLogSummary(t *testing.T) {
	lines := []string{
		"*Dec 10 2024 06:55:00.123: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.1.1.5)",
		"*Dec 10 2024 06:55:13.456: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down",
		"*Dec 10 2024 06:56:01.001: %LINK-3-UPDOWN: Interface GigabitEthernet0/2, changed state to up",
		"*Dec 10 2024 07:02:10.100: %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: root] [Source: 203.0.113.9] [localport: 22]",
		"*Dec 10 2024 07:40:00.000: %SYS-5-CONFIG_I: Configured from console by netops on vty1 (10.1.1.6)",
	}
	s := Summarize(lines, nil)
	if s.Start != "2024-12-10T06:55:00.123" || s.End != "2024-12-10T07:40:00" {
		t.Errorf("span %s to %s, want 2024-12-10T06:55:00.123 to 2024-12-10T07:40:00", s.Start, s.End)
	}
	if want := map[string]int{"NOTICE": 2, "ERROR": 2, "WARN": 1}; !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
	want := map[string]int{
		"Configured from console by <*> on <*> (<*>)":             2,
		"Interface <*>, changed state to <*>":                     2,
		"Login failed [user: <*>] [Source: <*>] [localport: <*>]": 1,
	}
	for _, tc := range s.Templates {
		if want[tc.Template] != tc.Count {
			t.Errorf("template %q counted %d", tc.Template, tc.Count)
		}
	}
	if len(s.Templates) != len(want) {
		t.Errorf("%d templates, want %d: %+v", len(s.Templates), len(want), s.Templates)
	}
}

// A syslog priority glued to an RFC 3164 time, as a device sends it and a
// capture or a plain listener keeps it ("<34>Oct 11 22:14:15 ..."), and
// Redis's day-first time ("1:M 31 Dec 2024 23:50:00.123 * ...") are read;
// a yearless header takes its year from a date later in the line (Palo
// Alto's receive time).
func TestPriorityAndDayFirstTimes(t *testing.T) {
	for _, c := range []struct{ line, time, level string }{
		{"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8", "--10-11T22:14:15", "FATAL"},
		{"<166>Dec 10 2024 06:55:00: %ASA-6-302013: Built inbound TCP connection 1 for outside:203.0.113.9/5123", "2024-12-10T06:55:00", "INFO"},
		{"<14>Dec 31 23:50:00 PA-3220 1,2024/12/31 23:50:00,013101001234,TRAFFIC,end,2561", "2024-12-31T23:50:00", "INFO"},
		{"123:M 31 Dec 2024 23:50:00.123 * DB saved on disk", "2024-12-31T23:50:00.123", "NOTICE"},
		{"4711:C 01 Jan 2025 00:00:01.005 * Background saving terminated with success", "2025-01-01T00:00:01.005", "NOTICE"},
	} {
		h, content := SplitHeader(c.line)
		if got := formatTime(h.Time); got != c.time || h.Level != c.level {
			t.Errorf("%q: time %q level %q (content %q), want time %q level %q", c.line, got, h.Level, content, c.time, c.level)
		}
	}
}
