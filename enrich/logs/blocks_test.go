package logs

import (
	"strings"
	"testing"
)

// wevtutilSecurity is "wevtutil qe Security /f:text" output: three events,
// one an audit failure, one an error.
const wevtutilSecurity = `Event[0]:
  Log Name: Security
  Source: Microsoft-Windows-Security-Auditing
  Date: 2024-10-11T22:14:15.1230000Z
  Event ID: 4624
  Task: Logon
  Level: Information
  Keyword: Audit Success
  Computer: DC01.corp.example.com
  Description: 
An account was successfully logged on.
Subject:
	Security ID:		S-1-5-18
Event[1]:
  Log Name: Security
  Source: Microsoft-Windows-Security-Auditing
  Date: 2024-10-11T22:15:01.4560000Z
  Event ID: 4625
  Task: Logon
  Level: Information
  Keyword: Audit Failure
  Computer: DC01.corp.example.com
  Description: 
An account failed to log on.
Failure Information:
	Failure Reason:		Unknown user name or bad password.
Event[2]:
  Log Name: System
  Source: Service Control Manager
  Date: 2024-10-11T23:01:00.0000000Z
  Event ID: 7034
  Level: Error
  Description: 
The Print Spooler service terminated unexpectedly.  It has done this 1 time(s).`

// A Windows event log's text export is one entry per event, with the
// event's date and level, its description's first line the template;
// every field line was an entry of its own.
func TestWindowsEventTextExport(t *testing.T) {
	if !IsBlockLog(wevtutilSecurity) {
		t.Fatal("not read as a block log")
	}
	s := SummarizeText(wevtutilSecurity, nil, Budget{})
	if s.Entries != 3 || len(s.Templates) != 3 || s.Templates[1].Template != "An account failed to log on." {
		t.Fatalf("entries %d, templates %+v, want 3 events", s.Entries, s.Templates)
	}
	if s.Levels["INFO"] != 1 || s.Levels["WARN"] != 1 || s.Levels["ERROR"] != 1 {
		t.Errorf("levels %v, want INFO, WARN (the audit failure), ERROR", s.Levels)
	}
	if s.Start != "2024-10-11T22:14:15.123Z" || s.End != "2024-10-11T23:01:00Z" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
	if len(s.Errors) != 1 || !strings.Contains(s.Errors[0], "[7034]: The Print Spooler service") {
		t.Errorf("errors %q", s.Errors)
	}
}
