package logs

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// Windows' failed logons (event 4625, "An account failed to log on.")
// count with their Source Network Address, as Event Viewer saves them in
// XML and as a CSV export writes their message: a security log of
// twelve failed logons from one address listed no failed login source.
func TestSummaryCountsWindowsFailedLogons(t *testing.T) {
	xml := Summarize([]string{
		rendered4625("bob", "EXAMPLE", "203.0.113.9", "0", "2024-05-13T13:34:00Z"),
		rendered4625("bob", "EXAMPLE", "203.0.113.9", "0", "2024-05-13T13:35:00Z"),
		rendered4625("alice", "CORP", "10.0.0.5", "51234", "2024-05-13T13:33:00Z"),
	}, nil)
	want := []document.NameCount{{Name: "203.0.113.9", Count: 2}, {Name: "10.0.0.5", Count: 1}}
	if !slices.Equal(xml.FailedLoginSources, want) {
		t.Errorf("event XML: failed login sources %+v, want %+v", xml.FailedLoginSources, want)
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"Level", "Date and Time", "Source", "Event ID", "Task Category", "Message"})
	ok := "An account was successfully logged on.\n\nNew Logon:\n\tAccount Name:\t\tsvc_app\n\nNetwork Information:\n\tSource Network Address:\t10.0.0.2"
	failed := "An account failed to log on.\n\nSubject:\n\tSecurity ID:\t\tNULL SID\n\nAccount For Which Logon Failed:\n\tAccount Name:\t\tAdministrator\n\nFailure Information:\n\tFailure Reason:\t\tUnknown user name or bad password.\n\nNetwork Information:\n\tWorkstation Name:\t-\n\tSource Network Address:\t203.0.113.50\n\tSource Port:\t\t0"
	_ = w.Write([]string{"Information", "3/14/2024 10:00:05 AM", "Microsoft-Windows-Security-Auditing", "4624", "Logon", ok})
	_ = w.Write([]string{"Information", "3/14/2024 10:01:05 AM", "Microsoft-Windows-Security-Auditing", "4625", "Logon", failed})
	_ = w.Write([]string{"Information", "3/14/2024 10:02:05 AM", "Microsoft-Windows-Security-Auditing", "4625", "Logon", failed})
	w.Flush()
	exported := SummarizeText(b.String(), nil, Budget{})
	want = []document.NameCount{{Name: "203.0.113.50", Count: 2}}
	if !slices.Equal(exported.FailedLoginSources, want) {
		t.Errorf("CSV export: failed login sources %+v, want %+v", exported.FailedLoginSources, want)
	}
	// the accounts the logons were for, not the Subject (the reporting
	// service): users were empty
	want = []document.NameCount{{Name: "Administrator", Count: 2}, {Name: "svc_app", Count: 1}}
	if !slices.Equal(exported.Users, want) {
		t.Errorf("CSV export: users %+v, want %+v", exported.Users, want)
	}
}

// Event Viewer's CSV export writes a failed logon (4625) at level
// Information, as every audit; MySQL its "Access denied" as a Note. A
// failed login is a warning whatever its exporter's level says: a
// password-guessing run read "0% warnings or errors".
func TestFailedLoginAtInformationIsAWarning(t *testing.T) {
	csv := []string{
		"Level,Date and Time,Source,Event ID,Task Category",
		`Information,12/2/2026 10:00:01 AM,Microsoft-Windows-Security-Auditing,4625,Logon,"An account failed to log on.`,
		``,
		`Account For Which Logon Failed:`,
		"\tAccount Name:\t\tadministrator",
		``,
		`Network Information:`,
		"\tSource Network Address:\t185.220.101.7\"",
		`Information,12/2/2026 10:00:02 AM,Microsoft-Windows-Security-Auditing,4624,Logon,"An account was successfully logged on."`,
	}
	mysql := []string{
		"2024-03-14T10:00:01.123456Z 12 [Note] [MY-010926] [Server] Access denied for user 'root'@'203.0.113.9' (using password: YES)",
		"2024-03-14T10:00:02.123456Z 0 [Note] [MY-010051] [Server] Event Scheduler: scheduler thread started with id 1",
	}
	for name, lines := range map[string][]string{"event viewer csv": csv, "mysql": mysql} {
		s := Summarize(lines, nil)
		if s.Levels["WARN"] != 1 || s.Levels["INFO"]+s.Levels["NOTICE"] != 1 {
			t.Errorf("%s: levels %v, want the failed login a warning and the other line information", name, s.Levels)
		}
	}
}

// A domain controller's failed Kerberos pre-authentication (4771, a wrong
// domain password) is a failed login from its client's address, written
// IPv4-mapped ("::ffff:10.0.5.30"), by the account it names. A DC's
// password-guessing run read as "0% warnings or errors", no address and
// no user.
func TestKerberosPreAuthFailuresAreFailedLogins(t *testing.T) {
	rows := []string{"Level,Date and Time,Source,Event ID,Task Category"}
	for i := range 6 {
		rows = append(rows, "Information,12/3/2026 6:0"+string(rune('0'+i))+":00 AM,Microsoft-Windows-Security-Auditing,4771,Kerberos Authentication Service,"+
			`"Kerberos pre-authentication failed.`+"\n\nAccount Information:\n\tSecurity ID:\t\tCORP\\jdoe\n\tAccount Name:\t\tjdoe\n\nService Information:\n\tService Name:\t\tkrbtgt/CORP\n\nNetwork Information:\n\tClient Address:\t\t::ffff:10.0.5.3"+string(rune('0'+i%2))+"\n\tClient Port:\t\t5000"+string(rune('0'+i))+"\n\nAdditional Information:\n\tFailure Code:\t\t0x18"+`"`)
	}
	s := SummarizeText(strings.Join(rows, "\n"), nil, Budget{})
	want := []document.NameCount{{Name: "10.0.5.30", Count: 3}, {Name: "10.0.5.31", Count: 3}}
	if s.Levels["WARN"] != 6 || !slices.Equal(s.FailedLoginSources, want) {
		t.Errorf("levels %v, failed login sources %v; want 6 warnings from %v", s.Levels, s.FailedLoginSources, want)
	}
	if len(s.Users) != 1 || s.Users[0].Name != "jdoe" {
		t.Errorf("users %v, want jdoe", s.Users)
	}
}

// An account locked out is a warning whatever its exporter's level: Event
// Viewer writes 4740 "A user account was locked out." as Information, and
// a DC's summary never named the lockout among its warnings. Other
// mentions of a lock stay as logged.
func TestAccountLockoutIsAWarning(t *testing.T) {
	tests := []struct{ content, level, want string }{
		{"A user account was locked out. Subject: Security ID: SYSTEM Account Name: DC01$", "INFO", "WARN"},
		{"pam_faillock(sshd:auth): Consecutive login failures for user jdoe account temporarily locked", "NOTICE", "WARN"},
		{"A user account was unlocked. Subject: Security ID: CORP\\admin", "INFO", "INFO"},
		{"table orders locked for migration", "INFO", "INFO"},
	}
	for _, tc := range tests {
		if got := lineLevel(Header{Level: tc.level}, tc.content); got != tc.want {
			t.Errorf("%q at %s: level %s, want %s", tc.content, tc.level, got, tc.want)
		}
	}
}
