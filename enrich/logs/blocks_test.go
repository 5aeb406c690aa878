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

// An entry of MySQL's slow query log is its comment lines and the
// statement: one entry each, the statement the template, "# Time:" its
// time (or SET timestamp where MySQL 5.6 wrote no "# Time:").
func TestMySQLSlowQueryLogEntries(t *testing.T) {
	text := `/usr/sbin/mysqld, Version: 8.0.35 (MySQL Community Server - GPL). started with:
Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
Time                 Id Command    Argument
# Time: 2024-10-11T22:14:15.123456Z
# User@Host: app[app] @ web1 [10.0.0.5]  Id:    12
# Query_time: 2.000123  Lock_time: 0.000100 Rows_sent: 1  Rows_examined: 1000000
SET timestamp=1728684855;
SELECT * FROM orders WHERE customer_id = 42;
# User@Host: app[app] @ web2 [10.0.0.6]  Id:    13
# Query_time: 3.500000  Lock_time: 0.000200 Rows_sent: 1  Rows_examined: 2000000
use shop;
SET timestamp=1728684901;
SELECT * FROM orders WHERE customer_id = 77;
# Time: 241011 23:01:00
# User@Host: report[report] @ localhost []  Id:    14
# Query_time: 12.000000  Lock_time: 0.000000 Rows_sent: 10  Rows_examined: 9000000
SET timestamp=1728687660;
SELECT c.name, SUM(o.total)
  FROM customers c JOIN orders o ON o.customer_id = c.id
  GROUP BY c.name;`
	s := SummarizeText(text, nil, Budget{})
	var slow []string
	for _, tc := range s.Templates {
		if strings.HasPrefix(tc.Template, "SELECT") {
			slow = append(slow, tc.Template)
		}
	}
	if s.Entries != 6 || len(slow) != 2 || s.Templates[0].Count != 2 || !strings.HasPrefix(s.Templates[0].Template, "SELECT * FROM orders") {
		t.Errorf("entries %d, templates %+v: want 3 preamble lines and 3 queries, 2 of one statement", s.Entries, s.Templates)
	}
	if s.Start != "2024-10-11T22:14:15.123456Z" || s.End != "2024-10-11T23:01:00" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
}

// viewerCopy is Event Viewer's "Copy details as text" of three Security
// events pasted one after another: no "Event[N]:" line, the fields
// unindented, the description's details tab-indented, the XML after it.
const viewerCopy = "Log Name:      Security\n" +
	"Source:        Microsoft-Windows-Security-Auditing\n" +
	"Date:          10/11/2026 9:10:01 AM\n" +
	"Event ID:      4625\n" +
	"Task Category: Logon\n" +
	"Level:         Information\n" +
	"Keywords:      Audit Failure\n" +
	"User:          N/A\n" +
	"Computer:      DC01.corp.example.com\n" +
	"Description:\n" +
	"An account failed to log on.\n\n" +
	"Subject:\n\tSecurity ID:\t\tS-1-0-0\n\tAccount Name:\t\t-\n\n" +
	"Account For Which Logon Failed:\n\tSecurity ID:\t\tS-1-0-0\n\tAccount Name:\t\tjsmith\n\tAccount Domain:\t\tCORP\n\n" +
	"Network Information:\n\tWorkstation Name:\tWS-042\n\tSource Network Address:\t10.1.2.99\n\tSource Port:\t\t51234\n" +
	"Event Xml:\n<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\n  <System>\n    <EventID>4625</EventID>\n  </System>\n</Event>\n" +
	"Log Name:      Security\n" +
	"Source:        Microsoft-Windows-Security-Auditing\n" +
	"Date:          10/11/2026 9:11:01 AM\n" +
	"Event ID:      4625\n" +
	"Level:         Information\n" +
	"Keywords:      Audit Failure\n" +
	"Description:\n" +
	"An account failed to log on.\n\n" +
	"Account For Which Logon Failed:\n\tSecurity ID:\t\tS-1-0-0\n\tAccount Name:\t\tjsmith\n\n" +
	"Network Information:\n\tSource Network Address:\t10.1.2.99\n\n" +
	"Log Name:      System\n" +
	"Source:        Service Control Manager\n" +
	"Date:          10/11/2026 1:05:00 PM\n" +
	"Event ID:      7034\n" +
	"Level:         Error\n" +
	"Description:\n" +
	"The Print Spooler service terminated unexpectedly.  It has done this 1 time(s).\n"

// Event Viewer's copied events are read as a block log: one entry per
// event, its date (the US 12-hour clock) its time, the account and the
// address a failed logon names counted; each field line was an entry and
// the paste was classed as a contract.
func TestEventViewerCopiedEvents(t *testing.T) {
	if !IsBlockLog(viewerCopy) {
		t.Fatal("not read as a block log")
	}
	s := SummarizeText(viewerCopy, nil, Budget{})
	if s.Entries != 3 || len(s.Templates) != 2 || s.Templates[0].Template != "An account failed to log on." {
		t.Fatalf("entries %d, templates %+v, want 3 events of 2 templates", s.Entries, s.Templates)
	}
	if s.Levels["WARN"] != 2 || s.Levels["ERROR"] != 1 {
		t.Errorf("levels %v, want 2 WARN (audit failures), 1 ERROR", s.Levels)
	}
	if s.Start != "2026-10-11T09:10:01" || s.End != "2026-10-11T13:05:00" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
	if len(s.Users) != 1 || s.Users[0].Name != "jsmith" || s.Users[0].Count != 2 {
		t.Errorf("users %+v, want jsmith 2×", s.Users)
	}
	if len(s.FailedLoginSources) != 1 || s.FailedLoginSources[0].Name != "10.1.2.99" {
		t.Errorf("failed login sources %+v", s.FailedLoginSources)
	}
	if len(s.Errors) != 1 || !strings.Contains(s.Errors[0], "[7034]: The Print Spooler service") || strings.Contains(s.Errors[0], "Event Xml") {
		t.Errorf("errors %q", s.Errors)
	}
}

// A domain controller's failed TGT requests (4768 with a Result Code
// other than 0x0) are failed logins from their Client Address: their
// headline, "A Kerberos authentication ticket (TGT) was requested.", does
// not say they failed, and a run of unknown user names went uncounted.
func TestKerberosTGTFailuresCounted(t *testing.T) {
	tgt := func(date, user, code, addr string) string {
		return "Log Name:      Security\nSource:        Microsoft-Windows-Security-Auditing\nDate:          " + date + "\n" +
			"Event ID:      4768\nLevel:         Information\nKeywords:      Audit Failure\nDescription:\n" +
			"A Kerberos authentication ticket (TGT) was requested.\n\nAccount Information:\n\tAccount Name:\t\t" + user + "\n\n" +
			"Network Information:\n\tClient Address:\t\t::ffff:" + addr + "\n\tClient Port:\t\t50999\n\n" +
			"Additional Information:\n\tTicket Options:\t\t0x40810010\n\tResult Code:\t\t" + code + "\n"
	}
	text := tgt("10/11/2026 9:30:01 AM", "olduser1", "0x6", "10.1.7.50") + tgt("10/11/2026 9:31:01 AM", "olduser2", "0x6", "10.1.7.50") +
		tgt("10/11/2026 9:32:01 AM", "alice", "0x0", "10.1.2.10")
	s := SummarizeText(text, nil, Budget{})
	if s.FailedLogins != 2 || len(s.FailedLoginSources) != 1 || s.FailedLoginSources[0].Name != "10.1.7.50" {
		t.Errorf("failed logins %d from %+v, want 2 from 10.1.7.50", s.FailedLogins, s.FailedLoginSources)
	}
	// the granted one is a login that succeeded, so the failures have
	// their share of all (2 of 3)
	if s.SucceededLogins != 1 {
		t.Errorf("succeeded logins %d, want the one granted TGT", s.SucceededLogins)
	}
}

// An Event Viewer copy made in a European locale dates its events day
// first with dots ("Date: 11.10.2026 09:10:01"): it had no span.
func TestEventViewerCopiedEventsDayFirst(t *testing.T) {
	text := strings.NewReplacer("10/11/2026 9:10:01 AM", "11.10.2026 09:10:01", "10/11/2026 9:11:01 AM", "11.10.2026 09:11:01",
		"10/11/2026 1:05:00 PM", "11.10.2026 13:05:00").Replace(viewerCopy)
	s := SummarizeText(text, nil, Budget{})
	if s.Start != "2026-10-11T09:10:01" || s.End != "2026-10-11T13:05:00" {
		t.Errorf("span %q to %q, want 2026-10-11T09:10:01 to 2026-10-11T13:05:00", s.Start, s.End)
	}
}
