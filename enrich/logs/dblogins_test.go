package logs

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// A database server's failed logins count with the address they came
// from: PostgreSQL names its client on the connection's first line, not
// on "password authentication failed", so the process's earlier
// "connection received" gives it; MySQL writes it in 'user'@'address',
// SQL Server after "CLIENT:". None of them was counted.
func TestSummaryCountsDatabaseFailedLogins(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  []document.NameCount
	}{
		{"postgresql", []string{
			"2024-03-14 10:00:01.101 UTC [4242] LOG:  connection received: host=203.0.113.9 port=51234",
			`2024-03-14 10:00:01.130 UTC [4242] FATAL:  password authentication failed for user "bob"`,
			`2024-03-14 10:00:01.130 UTC [4242] DETAIL:  Connection matched pg_hba.conf line 99: "host all all 0.0.0.0/0 scram-sha-256"`,
			"2024-03-14 10:00:02.101 UTC [4250] LOG:  connection received: host=203.0.113.9 port=51240",
			"2024-03-14 10:00:02.101 UTC [4251] LOG:  connection received: host=198.51.100.7 port=40000",
			"2024-03-14 10:00:02.120 UTC [4251] LOG:  connection authorized: user=app database=orders",
			`2024-03-14 10:00:02.130 UTC [4250] FATAL:  password authentication failed for user "postgres"`,
		}, []document.NameCount{{Name: "203.0.113.9", Count: 2}}},
		{"postgresql via syslog", []string{
			"Mar 14 10:00:01 db1 postgres[4242]: [3-1] 2024-03-14 10:00:01.101 UTC LOG:  connection received: host=203.0.113.9 port=51234",
			`Mar 14 10:00:01 db1 postgres[4242]: [4-1] 2024-03-14 10:00:01.130 UTC FATAL:  password authentication failed for user "bob"`,
		}, []document.NameCount{{Name: "203.0.113.9", Count: 1}}},
		{"mysql", []string{
			"2024-03-14T10:00:01.123456Z 12 [Note] [MY-010926] [Server] Access denied for user 'root'@'203.0.113.9' (using password: YES)",
			"2024-03-14T10:00:02.123456Z 13 [Note] [MY-010926] [Server] Access denied for user 'root'@'203.0.113.9' (using password: YES)",
			"2024-03-14T10:00:03.123456Z 14 [Note] [MY-010926] [Server] Access denied for user 'admin'@'198.51.100.7' (using password: NO)",
			"2024-03-14T10:00:04.123456Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.36'  port: 3306",
		}, []document.NameCount{{Name: "203.0.113.9", Count: 2}, {Name: "198.51.100.7", Count: 1}}},
		{"sql server", []string{
			"2024-03-14 10:00:01.12 Logon       Error: 18456, Severity: 14, State: 8.",
			"2024-03-14 10:00:01.12 Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 203.0.113.9]",
			"2024-03-14 10:00:02.12 Logon       Error: 18456, Severity: 14, State: 8.",
			"2024-03-14 10:00:02.12 Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 203.0.113.9]",
			"2024-03-14 10:00:09.55 spid51      Starting up database 'orders'.",
		}, []document.NameCount{{Name: "203.0.113.9", Count: 2}}},
	}
	for _, c := range cases {
		if got := Summarize(c.lines, nil).FailedLoginSources; !slices.Equal(got, c.want) {
			t.Errorf("%s: failed login sources %+v, want %+v", c.name, got, c.want)
		}
	}
}

// MySQL names who failed to log in as an account, 'user'@'host': the
// users were counted from its other lines ("user: 'app'") and from
// PostgreSQL's and sshd's failures, but not from its "Access denied".
func TestMySQLAccessDeniedCountsUsers(t *testing.T) {
	s := Summarize([]string{
		"2024-03-14T10:00:01.123456Z 12 [Note] [MY-010926] [Server] Access denied for user 'root'@'203.0.113.9' (using password: YES)",
		"2024-03-14T10:00:02.123456Z 13 [Note] [MY-010926] [Server] Access denied for user 'root'@'203.0.113.9' (using password: YES)",
		"2024-03-14T10:00:03.123456Z 14 [Note] [MY-010926] [Server] Access denied for user 'app'@'10.0.0.5' (using password: NO)",
	}, nil)
	want := []document.NameCount{{Name: "root", Count: 2}, {Name: "app", Count: 1}}
	if !slices.Equal(s.Users, want) {
		t.Errorf("users %+v, want %+v", s.Users, want)
	}
	if len(s.Templates) != 1 {
		t.Errorf("templates %+v, want one: the account stays a variable", s.Templates)
	}
}

// PostgreSQL through syslog writes a line number, and its own prefix
// when one is set, before the severity ("[3-1] FATAL:  ..."): the
// templates read as PostgreSQL's own log's do, without "[<*>] FATAL:",
// and the severity is still the line's level.
func TestPostgresSyslogLineNumberLeavesTemplates(t *testing.T) {
	s := Summarize([]string{
		"Dec  2 10:00:01 db1 postgres[4321]: [1-1] LOG:  connection received: host=10.0.0.5 port=50001",
		`Dec  2 10:00:01 db1 postgres[4321]: [3-1] FATAL:  password authentication failed for user "bob"`,
		`Dec  2 10:00:01 db1 postgres[4321]: [3-2] DETAIL:  Connection matched pg_hba.conf line 95: "host all all 0.0.0.0/0 md5"`,
		`Dec  2 10:01:00 db1 postgres[3999]: [4-1] 2026-12-02 10:01:00 UTC ERROR:  duplicate key value violates unique constraint "orders_pkey"`,
	}, nil)
	for _, tc := range s.Templates {
		if strings.HasPrefix(tc.Template, "[") || strings.Contains(tc.Template, "FATAL:") || strings.Contains(tc.Template, "ERROR:") {
			t.Errorf("template %q keeps syslog's line number or the severity", tc.Template)
		}
	}
	if want := map[string]int{"INFO": 1, "FATAL": 1, "ERROR": 1}; !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
	if want := []document.NameCount{{Name: "10.0.0.5", Count: 1}}; !slices.Equal(s.FailedLoginSources, want) {
		t.Errorf("failed login sources %+v, want %+v", s.FailedLoginSources, want)
	}
}
