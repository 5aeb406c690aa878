package logs

import (
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// A user's name in a template of an event seen once stood as a fixed word
// ("session opened for user alice", "Accepted publickey for deploy
// from"): the name is a value, as an id is, and a second user's line
// made it a variable. Words after "user" that name no user stay.
func TestUserNamesAreVariables(t *testing.T) {
	m := NewMiner(DefaultConfig())
	for _, c := range []struct{ line, want string }{
		{"Accepted publickey for deploy from 10.0.0.9 port 40122 ssh2", "Accepted publickey for <*> from <*> port <*>"},
		{"Failed password for root from 203.0.113.4 port 33211 ssh2", "Failed password for <*> from <*> port <*>"},
		{"Failed password for invalid user oracle from 203.0.113.4 port 33214 ssh2", "Failed password for invalid user <*> from <*> port <*>"},
		{"pam_unix(sshd:session): session opened for user alice by (uid=0)", "pam_unix(sshd:session): session opened for user <*> by (uid=<*>)"},
		{"alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx", "<*> : TTY=<*> ; PWD=<*> ; USER=root ; COMMAND=<*> restart nginx"},
		{"pam_unix(sshd:auth): check pass; user unknown", "pam_unix(sshd:auth): check pass; user unknown"},
		{"Received disconnect from 10.0.0.1: 11: Closed due to user request. [preauth]", "Received disconnect from <*>: <*>: Closed due to user request. [preauth]"},
		{"Too many authentication failures for admin [preauth]", "Too many authentication failures for <*> [preauth]"},
		{"error: maximum authentication attempts exceeded for root from 203.0.113.9 port 22 ssh2 [preauth]", "error: maximum authentication attempts exceeded for <*> from <*> port <*> [preauth]"},
		{"request rejected: exceeded per user quota", "request rejected: exceeded per user quota"},
		{"the user does not exist", "the user does not exist"},
	} {
		if _, tpl, _ := m.Add(c.line); tpl != c.want {
			t.Errorf("%q: template %q, want %q", c.line, tpl, c.want)
		}
	}
}

// An auth log's summary lists who logged in or tried to, the users named
// most first; it listed no user, and a reader had to read every line.
func TestSummaryListsUsers(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 10:01:02 web01 sshd[1201]: Accepted password for alice from 10.0.0.5 port 52211 ssh2",
		"Mar  3 10:01:09 web01 sshd[1209]: Accepted password for bob from 10.0.0.7 port 52290 ssh2",
		"Mar  3 10:02:41 web01 sshd[1231]: Failed password for invalid user admin from 203.0.113.4 port 33212 ssh2",
		"Mar  3 10:02:42 web01 sshd[1232]: Failed password for invalid user admin from 203.0.113.4 port 33213 ssh2",
		"Mar  3 10:03:00 web01 sshd[1240]: pam_unix(sshd:session): session opened for user alice by (uid=0)",
		"Mar  3 10:05:02 web01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id",
		"Mar  3 10:06:00 web01 sshd[1250]: pam_unix(sshd:auth): check pass; user unknown",
		"Mar  3 10:07:00 web01 systemd[1]: Started Session 4 of user bob.",
	}, nil)
	want := []document.NameCount{{Name: "alice", Count: 3}, {Name: "admin", Count: 2}, {Name: "bob", Count: 2}}
	if !slices.Equal(s.Users, want) {
		t.Errorf("users %+v, want %+v", s.Users, want)
	}
}

// Users named in key=value fields (logfmt's user=bob, auditd's
// acct="alice") and the user cron runs a command as ("(root) CMD (...)")
// are counted, and shown as variables in templates; they were not, and a
// host's audit log listed no user. sudo's USER= (who a command ran as)
// and words that name no user stay out.
func TestSummaryListsKeyedAndCronUsers(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 10:00:01 web01 CRON[2201]: (root) CMD (/usr/lib/php/sessionclean)",
		"Mar  3 10:30:01 web01 CRON[2301]: (root) CMD (/usr/lib/php/sessionclean)",
		"Mar  3 10:00:01 web01 CRON[2202]: (www-data) CMD (php /var/www/cron.php)",
		`Mar  3 10:04:00 web01 audit[3001]: USER_LOGIN pid=3001 uid=0 auid=1000 ses=4 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=10.0.0.5 terminal=ssh res=success'`,
		`Mar  3 10:04:05 web01 audit[3002]: USER_AUTH pid=3002 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication acct="alice" exe="/usr/sbin/sshd" hostname=10.0.0.5 addr=10.0.0.5 terminal=ssh res=success'`,
		`Mar  3 10:05:00 web01 app[77]: level=info msg="login ok" user=bob ip=10.0.0.9`,
		`Mar  3 10:05:02 web01 app[77]: level=warn msg="quota" user=(unknown) ip=10.0.0.9`,
		"Mar  3 10:05:03 web01 sudo:    carol : TTY=pts/0 ; PWD=/home/carol ; USER=root ; COMMAND=/usr/bin/id",
	}, nil)
	want := []document.NameCount{{Name: "alice", Count: 2}, {Name: "root", Count: 2}, {Name: "bob", Count: 1}, {Name: "carol", Count: 1}, {Name: "www-data", Count: 1}}
	if !slices.Equal(s.Users, want) {
		t.Errorf("users %+v, want %+v", s.Users, want)
	}
	for _, tpl := range s.Templates {
		if strings.Contains(tpl.Template, `"alice"`) || strings.Contains(tpl.Template, "user=bob") || strings.Contains(tpl.Template, "(root)") {
			t.Errorf("template %q shows a user's name", tpl.Template)
		}
	}
}

// An auth log's summary counts the addresses failed logins came from, the
// most first; "Failed password for root from 203.0.113.4" three times
// gave no count of that address. Successful logins, and a syslog host
// written as an address, are not sources.
func TestSummaryListsFailedLoginSources(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 10:01:02 web01 sshd[1201]: Accepted password for alice from 10.0.0.5 port 52211 ssh2",
		"Mar  3 10:02:41 web01 sshd[1231]: Failed password for root from 203.0.113.4 port 33212 ssh2",
		"Mar  3 10:02:43 web01 sshd[1232]: Failed password for root from 203.0.113.4 port 33213 ssh2",
		"Mar  3 10:02:45 10.0.0.2 sshd[1233]: Failed password for invalid user admin from 203.0.113.4 port 33214 ssh2",
		"Mar  3 10:02:46 web01 sshd[1235]: Invalid user oracle from 198.51.100.7 port 41000",
		"Mar  3 10:02:47 web01 sshd[1236]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=2001:db8::7  user=root",
		`Mar  3 10:04:05 web01 audit[3002]: USER_AUTH pid=3002 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication acct="alice" exe="/usr/sbin/sshd" hostname=192.0.2.9 addr=192.0.2.9 terminal=ssh res=failed'`,
		`Mar  3 10:04:06 web01 audit[3003]: USER_AUTH pid=3003 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication acct="alice" exe="/usr/sbin/sshd" hostname=10.0.0.5 addr=10.0.0.5 terminal=ssh res=success'`,
		`2024-03-03T10:05:00Z level=warn msg="invalid user" user=ghost ip=198.51.100.7`,
	}, nil)
	want := []document.NameCount{{Name: "203.0.113.4", Count: 3}, {Name: "198.51.100.7", Count: 2}, {Name: "192.0.2.9", Count: 1}, {Name: "2001:db8::7", Count: 1}}
	if !slices.Equal(s.FailedLoginSources, want) {
		t.Errorf("failed login sources %+v, want %+v", s.FailedLoginSources, want)
	}
}

// One failed attempt is written several times (sshd's "Invalid user",
// PAM's "authentication failure", "Failed password", "Connection
// closed"): it counts once, and each "Failed password" of a connection
// that tried several counts. One attempt read as four.
func TestFailedLoginSourcesCountAttempts(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 10:02:40 web01 sshd[1231]: Invalid user admin from 203.0.113.4 port 33212",
		"Mar  3 10:02:40 web01 sshd[1231]: pam_unix(sshd:auth): check pass; user unknown",
		"Mar  3 10:02:40 web01 sshd[1231]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.4",
		"Mar  3 10:02:42 web01 sshd[1231]: Failed password for invalid user admin from 203.0.113.4 port 33212 ssh2",
		"Mar  3 10:02:43 web01 sshd[1231]: Connection closed by invalid user admin 203.0.113.4 port 33212 [preauth]",
		"Mar  3 10:03:40 web01 sshd[1240]: Failed password for root from 198.51.100.7 port 40000 ssh2",
		"Mar  3 10:03:43 web01 sshd[1240]: Failed password for root from 198.51.100.7 port 40000 ssh2",
		"Mar  3 10:03:46 web01 sshd[1240]: Failed password for root from 198.51.100.7 port 40000 ssh2",
		"Mar  3 10:03:46 web01 sshd[1240]: error: maximum authentication attempts exceeded for root from 198.51.100.7 port 40000 ssh2 [preauth]",
		"Mar  3 10:04:00 web01 sshd[1250]: Invalid user test from 192.0.2.9 port 50000",
	}, nil)
	want := []document.NameCount{{Name: "198.51.100.7", Count: 3}, {Name: "192.0.2.9", Count: 1}, {Name: "203.0.113.4", Count: 1}}
	if !slices.Equal(s.FailedLoginSources, want) {
		t.Errorf("failed login sources %+v, want %+v", s.FailedLoginSources, want)
	}
}

// sshd's refusals of a client that tried too many times name the user
// it tried ("maximum authentication attempts exceeded for root from",
// "Disconnecting: Too many authentication failures for admin"): the name
// stood in the template, and the user was not counted, though these are
// failed logins; the address is counted as a source.
func TestSummaryCountsUsersOfTooManyAttempts(t *testing.T) {
	s := Summarize([]string{
		"Mar 12 03:14:01 bastion sshd[2201]: error: maximum authentication attempts exceeded for root from 203.0.113.9 port 22 ssh2 [preauth]",
		"Mar 12 03:15:01 bastion sshd[2301]: Disconnecting: Too many authentication failures for admin [preauth]",
	}, nil)
	want := []document.NameCount{{Name: "admin", Count: 1}, {Name: "root", Count: 1}}
	if !slices.Equal(s.Users, want) {
		t.Errorf("users %+v, want %+v", s.Users, want)
	}
	for _, tpl := range s.Templates {
		if strings.Contains(tpl.Template, "root") || strings.Contains(tpl.Template, "admin") {
			t.Errorf("template %q shows a user's name", tpl.Template)
		}
	}
	if src := []document.NameCount{{Name: "203.0.113.9", Count: 1}}; !slices.Equal(s.FailedLoginSources, src) {
		t.Errorf("failed login sources %+v, want %+v", s.FailedLoginSources, src)
	}
}

// A failed su names who tried (PAM's logname= and ruser=, su's "FAILED
// SU (to root) bob on pts/0"): bob stood in the templates and was not
// counted, only root, the user he tried to become; root, the account
// asked for (user=), is not who tried and is not counted. A failure with an
// empty rhost= came from no address and lists no source; login's
// logname=LOGIN names no one.
func TestSummaryCountsWhoFailedSu(t *testing.T) {
	s := Summarize([]string{
		"Mar 12 03:16:10 bastion su: pam_unix(su:auth): authentication failure; logname=bob uid=1000 euid=0 tty=pts/0 ruser=bob rhost=  user=root",
		"Mar 12 03:16:12 bastion su[3310]: pam_unix(su:auth): authentication failure; logname=carol uid=1001 euid=0 tty=pts/1 ruser=carol rhost=  user=root",
		"Mar 12 03:16:15 bastion su[3310]: FAILED SU (to root) carol on pts/1",
		"Mar 12 03:17:00 bastion login[900]: pam_unix(login:auth): authentication failure; logname=LOGIN uid=0 euid=0 tty=tty1 ruser= rhost=  user=dave",
	}, nil)
	want := []document.NameCount{{Name: "carol", Count: 2}, {Name: "bob", Count: 1}, {Name: "dave", Count: 1}}
	if !slices.Equal(s.Users, want) {
		t.Errorf("users %+v, want %+v", s.Users, want)
	}
	for _, tpl := range s.Templates {
		if strings.Contains(tpl.Template, "bob") || strings.Contains(tpl.Template, "carol") {
			t.Errorf("template %q shows a user's name", tpl.Template)
		}
	}
	if len(s.FailedLoginSources) != 0 {
		t.Errorf("failed login sources %+v, want none: no rhost", s.FailedLoginSources)
	}
}

// A failed login from no remote host (PAM's empty rhost=: su, sudo, a
// console login) is counted by who tried to become whom: it had no
// address, so it showed only as a template. A remote failure stays in
// FailedLoginSources and out of these.
func TestSummaryCountsFailedLocalLogins(t *testing.T) {
	s := Summarize([]string{
		"Mar 12 03:16:10 bastion su: pam_unix(su:auth): authentication failure; logname=bob uid=1000 euid=0 tty=pts/0 ruser=bob rhost=  user=root",
		"Mar 12 03:16:14 bastion su: pam_unix(su:auth): authentication failure; logname=bob uid=1000 euid=0 tty=pts/0 ruser=bob rhost=  user=root",
		"Mar 12 03:16:15 bastion su[3310]: FAILED SU (to root) bob on pts/0",
		"Mar 12 03:17:00 bastion login[900]: pam_unix(login:auth): authentication failure; logname=LOGIN uid=0 euid=0 tty=tty1 ruser= rhost=  user=carol",
		"Mar 12 03:18:00 bastion sudo: pam_unix(sudo:auth): authentication failure; logname=dave uid=1002 euid=0 tty=/dev/pts/2 ruser=dave rhost=  user=dave",
		"Mar 12 03:19:00 bastion sshd[4001]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.4  user=root",
	}, nil)
	want := []document.NameCount{{Name: "bob → root (su)", Count: 2}, {Name: "carol (login)", Count: 1}, {Name: "dave (sudo)", Count: 1}}
	if !slices.Equal(s.FailedLocalLogins, want) {
		t.Errorf("failed local logins %+v, want %+v", s.FailedLocalLogins, want)
	}
	if want := []document.NameCount{{Name: "203.0.113.4", Count: 1}}; !slices.Equal(s.FailedLoginSources, want) {
		t.Errorf("failed login sources %+v, want %+v", s.FailedLoginSources, want)
	}
}

// sshd's "Disconnecting: Too many authentication failures for admin
// [preauth]" names no address: it counts for the address its process
// wrote on its other lines, before or after it. A connection that wrote
// only it and "Connection closed by ..." listed no source.
func TestFailedLoginWithoutAddressTakesItsProcesses(t *testing.T) {
	s := Summarize([]string{
		"Mar 12 03:20:01 bastion sshd[2301]: Disconnecting: Too many authentication failures for admin [preauth]",
		"Mar 12 03:20:01 bastion sshd[2301]: Connection closed by 198.51.100.23 port 4242 [preauth]",
		"Mar 12 03:21:00 bastion sshd[2402]: Failed password for root from 203.0.113.9 port 50122 ssh2",
		"Mar 12 03:21:03 bastion sshd[2402]: Failed password for root from 203.0.113.9 port 50122 ssh2",
		"Mar 12 03:21:04 bastion sshd[2402]: Disconnecting: Too many authentication failures for root [preauth]",
		"Mar 12 03:22:00 bastion sshd[2503]: Disconnecting: Too many authentication failures for guest [preauth]",
	}, nil)
	want := []document.NameCount{{Name: "203.0.113.9", Count: 2}, {Name: "198.51.100.23", Count: 1}}
	if !slices.Equal(s.FailedLoginSources, want) {
		t.Errorf("failed login sources %+v, want %+v", s.FailedLoginSources, want)
	}
}

// An older PAM named the service in its component ("gdm(pam_unix)[2803]:
// authentication failure; ... rhost= "): a failed graphical login, which
// names no user, is counted by its service; it went unsaid.
func TestSummaryCountsOldPAMLocalFailure(t *testing.T) {
	s := Summarize([]string{
		"Jul 11 11:33:13 combo gdm(pam_unix)[2803]: authentication failure; logname= uid=0 euid=0 tty=:0 ruser= rhost= ",
		"Jul 11 11:34:00 combo su(pam_unix)[2900]: authentication failure; logname=bob uid=500 euid=0 tty=pts/1 ruser=bob rhost=  user=root",
		"Jul 11 11:35:00 combo sshd(pam_unix)[2950]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4",
	}, nil)
	want := []document.NameCount{{Name: "bob → root (su)", Count: 1}, {Name: "gdm", Count: 1}}
	if !slices.Equal(s.FailedLocalLogins, want) {
		t.Errorf("failed local logins %+v, want %+v", s.FailedLocalLogins, want)
	}
}

// sudo's own line is the count of a failed sudo: "bob : 3 incorrect
// password attempts ; ... USER=root" is three attempts by bob to run as
// root, not one; the PAM failure before it is the same run. su's "FAILED
// SU (to root) bob on pts/0" counts when no PAM line reported it, and
// once when one did.
func TestSummaryCountsProgramsLocalFailures(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 09:15:00 web1 sudo: pam_unix(sudo:auth): authentication failure; logname=bob uid=1001 euid=0 tty=/dev/pts/0 ruser=bob rhost=  user=bob",
		"Mar  3 09:15:09 web1 sudo:      bob : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/ls",
		"Mar  3 09:16:00 web1 su[3001]: FAILED SU (to root) bob on pts/0",
		"Mar  3 09:17:00 web1 su[3005]: pam_unix(su:auth): authentication failure; logname=carol uid=1002 euid=0 tty=pts/1 ruser=carol rhost=  user=root",
		"Mar  3 09:17:02 web1 su[3005]: FAILED SU (to root) carol on pts/1",
		"Mar  3 09:18:00 web1 sudo:     dave : 1 incorrect password attempt ; TTY=pts/3 ; PWD=/srv ; USER=postgres ; COMMAND=/usr/bin/psql",
		"Mar  3 09:19:00 web1 su[3100]: FAILED su for root by erin",
	}, nil)
	want := []document.NameCount{
		{Name: "bob → root (sudo)", Count: 3},
		{Name: "bob → root (su)", Count: 1},
		{Name: "carol → root (su)", Count: 1},
		{Name: "dave → postgres (sudo)", Count: 1},
		{Name: "erin → root (su)", Count: 1},
	}
	if !slices.Equal(s.FailedLocalLogins, want) {
		t.Errorf("failed local logins %+v, want %+v", s.FailedLocalLogins, want)
	}
}

// A failure with no address takes its process's next address only
// within minutes: sshd[4000] reused hours later by a connection from
// 198.51.100.7 that failed nothing lent it a failure, and a reused pid
// of a known failing connection hid a later failure of another one.
func TestFailedLoginWithoutAddressHasAWindow(t *testing.T) {
	s := Summarize([]string{
		"Mar 12 09:18:00 bastion sshd[4000]: Disconnecting: Too many authentication failures for admin [preauth]",
		"Mar 12 13:18:00 bastion sshd[4000]: Connection closed by 198.51.100.7 port 50122 [preauth]",
		"Mar 12 14:00:00 bastion sshd[5000]: Failed password for root from 203.0.113.9 port 50122 ssh2",
		"Mar 12 18:00:00 bastion sshd[5000]: Disconnecting: Too many authentication failures for guest [preauth]",
		"Mar 12 18:00:01 bastion sshd[5000]: Connection closed by 192.0.2.44 port 4242 [preauth]",
		"Mar 12 19:00:00 bastion sshd[6000]: Disconnecting: Too many authentication failures for oracle [preauth]",
		"Mar 12 19:00:01 bastion sshd[6000]: Connection closed by 192.0.2.45 port 4243 [preauth]",
	}, nil)
	want := []document.NameCount{{Name: "192.0.2.44", Count: 1}, {Name: "192.0.2.45", Count: 1}, {Name: "203.0.113.9", Count: 1}}
	if !slices.Equal(s.FailedLoginSources, want) {
		t.Errorf("failed login sources %+v, want %+v", s.FailedLoginSources, want)
	}
}

// su run from a session with no login name writes a PAM failure that
// names no asker ("logname= ... ruser= rhost=  user=root"); its own
// "FAILED SU (to root) bob on pts/1" from the same su[pid] is the same
// attempt. It was counted twice, as "root (su)" and "bob → root (su)".
func TestFailedSuMatchesPAMFailureWithoutAsker(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 09:30:15 web1 su[3310]: pam_unix(su:auth): authentication failure; logname= uid=1001 euid=0 tty=pts/1 ruser= rhost=  user=root",
		"Mar  3 09:30:17 web1 su[3310]: FAILED SU (to root) bob on pts/1",
		"Mar  3 09:40:00 web1 su[3400]: pam_unix(su:auth): authentication failure; logname= uid=1003 euid=0 tty=pts/4 ruser= rhost=  user=root",
		"Mar  3 09:40:02 web1 su[3401]: FAILED SU (to root) erin on pts/5",
	}, nil)
	want := []document.NameCount{
		{Name: "bob → root (su)", Count: 1},
		{Name: "erin → root (su)", Count: 1},
		{Name: "root (su)", Count: 1},
	}
	if !slices.Equal(s.FailedLocalLogins, want) {
		t.Errorf("failed local logins %+v, want %+v", s.FailedLocalLogins, want)
	}
}

// sshd[4100] reused hours later by a connection from the same address is
// another connection: its two failed passwords add to the one attempt of
// the first ("Invalid user admin", no "Failed" line), which they took
// in, so 203.0.113.9 read 2 attempts, not 3.
func TestFailedLoginReusedPIDSameAddressCountsApart(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 10:05:12 web1 sshd[4100]: Invalid user admin from 203.0.113.9 port 41822",
		"Mar  3 10:05:16 web1 sshd[4100]: Connection closed by invalid user admin 203.0.113.9 port 41822 [preauth]",
		"Mar  3 15:40:02 web1 sshd[4100]: Failed password for root from 203.0.113.9 port 51000 ssh2",
		"Mar  3 15:40:05 web1 sshd[4100]: Failed password for root from 203.0.113.9 port 51000 ssh2",
		"Mar  3 15:40:06 web1 sshd[4100]: Connection closed by authenticating user root 203.0.113.9 port 51000 [preauth]",
		"Mar  3 15:41:00 web1 sshd[4100]: Failed password for root from 203.0.113.9 port 51000 ssh2",
	}, nil)
	want := []document.NameCount{{Name: "203.0.113.9", Count: 4}}
	if !slices.Equal(s.FailedLoginSources, want) {
		t.Errorf("failed login sources %+v, want %+v", s.FailedLoginSources, want)
	}
}

// sudo's refusal of a user not in sudoers is a denied request for
// privilege: it was counted nowhere. It is not a failed login, and a
// wrong password stays in FailedLocalLogins.
func TestSummaryCountsDeniedPrivileges(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 09:20:44 web1 sudo:      bob : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/bash",
		"Mar  3 09:21:09 web1 sudo:    carol : 3 incorrect password attempts ; TTY=pts/2 ; PWD=/home/carol ; USER=root ; COMMAND=/usr/bin/apt upgrade",
		"Mar  3 09:22:00 web1 sudo:      bob : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow",
		"Mar  3 09:23:00 web1 sudo:     dave : command not allowed ; TTY=pts/3 ; PWD=/srv ; USER=postgres ; COMMAND=/bin/sh",
		"Mar  3 09:24:00 web1 sudo:      eve : user NOT authorized on host ; TTY=pts/4 ; PWD=/home/eve ; USER=root ; COMMAND=/bin/ls",
	}, nil)
	want := []document.NameCount{
		{Name: "bob → root (sudo)", Count: 2},
		{Name: "dave → postgres (sudo)", Count: 1},
		{Name: "eve → root (sudo)", Count: 1},
	}
	if !slices.Equal(s.DeniedPrivileges, want) {
		t.Errorf("denied privileges %+v, want %+v", s.DeniedPrivileges, want)
	}
	if want := []document.NameCount{{Name: "carol → root (sudo)", Count: 3}}; !slices.Equal(s.FailedLocalLogins, want) {
		t.Errorf("failed local logins %+v, want %+v", s.FailedLocalLogins, want)
	}
}

// login's own "FAILED LOGIN (1) on '/dev/tty1' FOR 'carol'" is a failed
// console login: it went uncounted when PAM wrote no failure before it,
// and counts once when PAM did.
func TestSummaryCountsLoginsOwnFailure(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 11:01:00 web1 login[900]: FAILED LOGIN (1) on '/dev/tty1' FOR 'carol', Authentication failure",
		"Mar  3 11:02:00 web1 login[901]: pam_unix(login:auth): authentication failure; logname=LOGIN uid=0 euid=0 tty=/dev/tty2 ruser= rhost=  user=dave",
		"Mar  3 11:02:03 web1 login[901]: FAILED LOGIN 1 FROM tty2 FOR dave, Authentication failure",
	}, nil)
	want := []document.NameCount{{Name: "carol (login)", Count: 1}, {Name: "dave (login)", Count: 1}}
	if !slices.Equal(s.FailedLocalLogins, want) {
		t.Errorf("failed local logins %+v, want %+v", s.FailedLocalLogins, want)
	}
}

// sudo -n's "a password is required" is a refused request (no password
// was asked, so none failed), and a run whose wrong passwords sudo
// writes with "user NOT in sudoers" after them is both: three failed
// attempts and one denied request. The first was counted nowhere and
// read as no warning; the second lost its refusal.
func TestSummaryCountsSudoNoPasswordAndCombinedRefusal(t *testing.T) {
	s := Summarize([]string{
		"Mar  3 10:02:10 web1 sudo: deploy : a password is required ; TTY=unknown ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/systemctl reload app",
		"Mar  3 10:02:11 web1 sudo: deploy : a password is required ; TTY=unknown ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/systemctl reload app",
		"Mar  3 10:04:30 web1 sudo:   mallory : 3 incorrect password attempts ; TTY=pts/3 ; PWD=/home/mallory ; USER=root ; COMMAND=/bin/su ; user NOT in sudoers",
		"Mar  3 10:05:00 web1 sudo:   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/grep a password is required /etc/motd",
	}, nil)
	want := []document.NameCount{{Name: "deploy → root (sudo)", Count: 2}, {Name: "mallory → root (sudo)", Count: 1}}
	if !slices.Equal(s.DeniedPrivileges, want) {
		t.Errorf("denied privileges %+v, want %+v", s.DeniedPrivileges, want)
	}
	if want := []document.NameCount{{Name: "mallory → root (sudo)", Count: 3}}; !slices.Equal(s.FailedLocalLogins, want) {
		t.Errorf("failed local logins %+v, want %+v", s.FailedLocalLogins, want)
	}
	if s.Levels["WARN"] != 3 {
		t.Errorf("levels %v, want 3 warnings", s.Levels)
	}
}
