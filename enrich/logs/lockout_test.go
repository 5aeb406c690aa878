package logs

import (
	"strings"
	"testing"
)

// A lockout names the account locked out, and the computer its failed
// logons came from where the event says: Windows' 4740 said only "A user
// account was locked out." in its first line, its template.
func TestLockedOutAccount(t *testing.T) {
	cases := []struct{ name, sample, want string }{
		{"event viewer copy", "10/11/2026 9:15:02 AM Information Microsoft-Windows-Security-Auditing [4740]: A user account was locked out. Subject: Security ID: S-1-5-18 Account Name: DC01$ Account Domain: CORP Logon ID: 0x3E7 Account That Was Locked Out: Security ID: S-1-5-21-1004336348-1177238915-682003330-1105 Account Name: jsmith Additional Information: Caller Computer Name: WS-042", "jsmith from WS-042"},
		{"no caller", "A user account was locked out. Account That Was Locked Out: Security ID: S-1-5-21-1 Account Name: svc_backup", "svc_backup"},
		{"saved event xml", "2026-10-11T09:15:02.1Z DC01 Microsoft-Windows-Security-Auditing EventID=4740: TargetUserName=jsmith TargetDomainName=WS-042 TargetSid=S-1-5-21-1", "jsmith from WS-042"},
		{"pam_faillock", "Oct 11 09:15:02 web1 sshd[812]: pam_faillock(sshd:auth): Consecutive login failures for user alice account temporarily locked", "alice"},
		{"a failed logon is no lockout", "A user account was locked out? no: An account failed to log on. Account Name: jsmith", ""},
		{"unnamed", "Account That Was Locked Out: Security ID: S-1-0-0 Account Name: -", ""},
	}
	for _, c := range cases {
		got, ok := lockedOutAccount(c.sample)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: got %q %v, want %q", c.name, got, ok, c.want)
		}
	}
}

// A copied 4740 among failed logons is listed as a lockout of its account.
func TestLockedOutSummary(t *testing.T) {
	lockout := "Log Name:      Security\nSource:        Microsoft-Windows-Security-Auditing\nDate:          10/11/2026 9:15:02 AM\n" +
		"Event ID:      4740\nLevel:         Information\nKeywords:      Audit Success\nDescription:\nA user account was locked out.\n\n" +
		"Subject:\n\tSecurity ID:\t\tS-1-5-18\n\tAccount Name:\t\tDC01$\n\n" +
		"Account That Was Locked Out:\n\tSecurity ID:\t\tS-1-5-21-1-1105\n\tAccount Name:\t\tjsmith\n\n" +
		"Additional Information:\n\tCaller Computer Name:\tWS-042\n"
	s := SummarizeText(viewerCopy+lockout, nil, Budget{})
	if len(s.LockedOut) != 1 || s.LockedOut[0].Name != "jsmith from WS-042" || s.LockedOut[0].Count != 1 {
		t.Errorf("locked out %+v, want jsmith from WS-042 1×", s.LockedOut)
	}
	if strings.Contains(viewerCopy, "locked") {
		t.Fatal("the copy without the lockout names one")
	}
}
