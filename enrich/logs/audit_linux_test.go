package logs

import (
	"strings"
	"testing"
)

// A Linux audit record's time is its audit stamp and its type is the
// template's head; a failed authentication is a warning. Read as logfmt,
// every record was the template "<*>):" with no time.
func TestLinuxAuditRecords(t *testing.T) {
	s := Summarize([]string{
		`type=SYSCALL msg=audit(1728684855.123:456): arch=c000003e syscall=59 success=yes exit=0 ppid=1000 pid=1001 auid=1000 uid=0 comm="sudo" exe="/usr/bin/sudo" key="priv_esc"`,
		`type=EXECVE msg=audit(1728684855.123:456): argc=3 a0="sudo" a1="cat" a2="/etc/shadow"`,
		`type=USER_AUTH msg=audit(1728684901.456:460): pid=1002 uid=0 auid=1000 ses=1 msg='op=PAM:authentication grantors=? acct="bob" exe="/usr/sbin/sshd" hostname=203.0.113.9 addr=203.0.113.9 terminal=ssh res=failed'`,
		`node=web1 type=USER_AUTH msg=audit(1728684960.789:470): pid=1003 uid=0 auid=1000 ses=2 msg='op=PAM:authentication grantors=pam_unix acct="alice" exe="/usr/sbin/sshd" hostname=10.0.0.5 addr=10.0.0.5 terminal=ssh res=success'`,
	}, nil)
	if s.Start != "2024-10-11T22:14:15.123Z" || s.End != "2024-10-11T22:16:00.789Z" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
	if s.Levels["WARN"] != 1 {
		t.Errorf("levels %v, want the failed authentication a warning", s.Levels)
	}
	heads := map[string]bool{}
	for _, tc := range s.Templates {
		for _, typ := range []string{"SYSCALL ", "USER_AUTH "} {
			if strings.HasPrefix(tc.Template, typ) {
				heads[typ] = true
			}
		}
		// the EXECVE record is the SYSCALL's event's: named, not a head
		if strings.HasPrefix(tc.Template, "SYSCALL ") && strings.HasSuffix(tc.Template, " records=EXECVE") {
			heads["EXECVE"] = true
		}
	}
	if len(heads) != 3 {
		t.Errorf("templates %+v, want them headed by the record types", s.Templates)
	}
}

// Two records of a type whose fields differ in value keep their keys in
// the template: merged whole, the values that varied ("success=yes" and
// "success=no", the command and the rule key) were bare "<*>"s that no
// reader could place.
func TestLinuxAuditTemplateKeepsKeys(t *testing.T) {
	s := Summarize([]string{
		`type=SYSCALL msg=audit(1700000000.123:456): arch=c000003e syscall=59 success=yes exit=0 a0=55d5 a1=55d6 a2=55d7 a3=0 items=2 ppid=1000 pid=1001 auid=1000 uid=0 gid=0 euid=0 tty=pts0 ses=3 comm="sudo" exe="/usr/bin/sudo" key="exec"`,
		`type=SYSCALL msg=audit(1700000002.300:458): arch=c000003e syscall=2 success=no exit=-13 a0=7ffd a1=0 a2=0 a3=0 items=1 ppid=1000 pid=1003 auid=1000 uid=1000 gid=1000 euid=1000 tty=pts0 ses=3 comm="cat" exe="/usr/bin/cat" key="access"`,
	}, nil)
	want := `SYSCALL arch=<*> syscall=<*> success=<*> exit=<*> a0=<*> a1=<*> a2=<*> a3=<*> items=<*> ppid=<*> pid=<*> auid=<*> uid=<*> gid=<*> euid=<*> tty=<*> ses=<*> comm=<*> exe=<*> key=<*>`
	if len(s.Templates) != 1 || s.Templates[0].Template != want {
		t.Errorf("templates %+v, want one: %s", s.Templates, want)
	}
}

// One audit event is several records that share its stamp and serial
// (msg=audit(TIME:SERIAL)): a command run was SYSCALL, EXECVE, CWD, PATH
// and PROCTITLE records, and was counted five entries, its template the
// SYSCALL record's and four more of records that say nothing alone. An
// event is one entry now, its template the first record's with the
// types of the others, and a failure in any record makes it a warning.
func TestLinuxAuditRecordsOfOneEventAreOneEntry(t *testing.T) {
	s := Summarize([]string{
		`type=SYSCALL msg=audit(1700000000.123:456): arch=c000003e syscall=59 success=yes exit=0 ppid=1000 pid=1001 auid=1000 uid=0 comm="sudo" exe="/usr/bin/sudo" key="exec"`,
		`type=EXECVE msg=audit(1700000000.123:456): argc=2 a0="sudo" a1="id"`,
		`type=CWD msg=audit(1700000000.123:456): cwd="/home/alice"`,
		`type=PATH msg=audit(1700000000.123:456): item=0 name="/usr/bin/sudo" inode=1234 dev=fd:01 mode=0104755 ouid=0 ogid=0 nametype=NORMAL`,
		`type=PATH msg=audit(1700000000.123:456): item=1 name="/lib64/ld-linux-x86-64.so.2" inode=99 dev=fd:01 mode=0100755 ouid=0 ogid=0 nametype=NORMAL`,
		`type=PROCTITLE msg=audit(1700000000.123:456): proctitle=7375646F006964`,
		`type=EOE msg=audit(1700000000.123:456): `,
		`type=SYSCALL msg=audit(1700000002.300:458): arch=c000003e syscall=59 success=yes exit=0 ppid=1000 pid=1003 auid=1000 uid=0 comm="sudo" exe="/usr/bin/sudo" key="exec"`,
		`type=EXECVE msg=audit(1700000002.300:458): argc=3 a0="sudo" a1="cat" a2="/etc/shadow"`,
		`type=CWD msg=audit(1700000002.300:458): cwd="/home/alice"`,
		`type=PATH msg=audit(1700000002.300:458): item=0 name="/usr/bin/sudo" inode=1234 dev=fd:01 mode=0104755 ouid=0 ogid=0 nametype=NORMAL`,
		`type=PROCTITLE msg=audit(1700000002.300:458): proctitle=7375646F00636174`,
		`type=AVC msg=audit(1700000003.000:460): avc:  denied  { read } for  pid=1005 comm="httpd" name="index.html" dev="dm-0" ino=5 scontext=system_u:system_r:httpd_t:s0 tcontext=unconfined_u:object_r:user_home_t:s0 tclass=file permissive=0`,
		`type=SYSCALL msg=audit(1700000003.000:460): arch=c000003e syscall=2 success=no exit=-13 ppid=1 pid=1005 auid=4294967295 uid=48 comm="httpd" exe="/usr/sbin/httpd" key=(null)`,
		`type=USER_AUTH msg=audit(1700000004.000:461): pid=1002 uid=0 auid=1000 ses=1 msg='op=PAM:authentication grantors=? acct="bob" exe="/usr/sbin/sshd" hostname=203.0.113.9 addr=203.0.113.9 terminal=ssh res=failed'`,
	}, nil)
	if s.Lines != 15 || s.Entries != 4 {
		t.Errorf("%d lines, %d entries, want 15 records in 4 events", s.Lines, s.Entries)
	}
	if len(s.Templates) != 3 || s.Templates[0].Count != 2 {
		t.Fatalf("templates %+v, want 3: the two commands run, the denial, the failed login", s.Templates)
	}
	for _, typ := range []string{"SYSCALL ", "EXECVE", "CWD", "PATH", "PROCTITLE"} {
		if !strings.Contains(s.Templates[0].Template, typ) {
			t.Errorf("template %q does not name the event's %s records", s.Templates[0].Template, typ)
		}
	}
	if strings.Contains(s.Templates[0].Template, "EOE") {
		t.Errorf("template %q names the end-of-event marker", s.Templates[0].Template)
	}
	if s.Levels["WARN"] != 2 || s.ErrorShare != 0.5 {
		t.Errorf("levels %v, share %.2f: want the denied read (its SYSCALL failed) and the failed login warnings, 2 of 4 events", s.Levels, s.ErrorShare)
	}
	if s.Start != "2023-11-14T22:13:20.123Z" || s.End != "2023-11-14T22:13:24Z" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
}

// "ausearch -i" prints audit records with the stamp as a local date and
// " : " after it, and "----" between events: read as plain lines, the
// records had no time and no type for a head, a failed login was no
// warning, and each "----" was an entry of its own.
func TestAusearchInterpretedRecords(t *testing.T) {
	s := Summarize([]string{
		`----`,
		`type=PROCTITLE msg=audit(11/30/2026 09:00:00.881:1001) : proctitle=sudo id`,
		`type=CWD msg=audit(11/30/2026 09:00:00.881:1001) : cwd=/home/alice`,
		`type=EXECVE msg=audit(11/30/2026 09:00:00.881:1001) : argc=2 a0=sudo a1=id`,
		`type=SYSCALL msg=audit(11/30/2026 09:00:00.881:1001) : arch=x86_64 syscall=execve success=yes exit=0 items=2 ppid=1000 pid=1001 auid=alice uid=root comm=sudo exe=/usr/bin/sudo key=priv_esc`,
		`----`,
		`type=USER_AUTH msg=audit(11/30/26 09:07:00.100:1010) : pid=1005 uid=root auid=unset ses=unset msg='op=PAM:authentication grantors=? acct=carol exe=/usr/sbin/sshd hostname=203.0.113.9 addr=203.0.113.9 terminal=ssh res=failed'`,
	}, nil)
	if s.Entries != 2 {
		t.Errorf("%d entries, want 2 events", s.Entries)
	}
	if s.Start != "2026-11-30T09:00:00.881" || s.End != "2026-11-30T09:07:00.1" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
	if s.Levels["WARN"] != 1 {
		t.Errorf("levels %v, want the failed login a warning", s.Levels)
	}
	for _, tc := range s.Templates {
		// ausearch prints the SYSCALL last: it still heads its event
		if !strings.HasPrefix(tc.Template, "SYSCALL ") && !strings.HasPrefix(tc.Template, "USER_AUTH ") {
			t.Errorf("template %q, want it headed by its event's record type", tc.Template)
		}
	}
}

// Records of events on several CPUs interleave in audit.log: a late
// record of an event already read opened an event of its own, and the
// count of events rose by one with each.
func TestLinuxAuditInterleavedEvents(t *testing.T) {
	s := Summarize([]string{
		`type=SYSCALL msg=audit(1700000000.100:500): arch=c000003e syscall=59 success=yes exit=0 pid=1001 uid=0 comm="sudo" exe="/usr/bin/sudo" key="exec"`,
		`type=SYSCALL msg=audit(1700000000.101:501): arch=c000003e syscall=2 success=yes exit=3 pid=1002 uid=0 comm="cat" exe="/usr/bin/cat" key="access"`,
		`type=EXECVE msg=audit(1700000000.100:500): argc=2 a0="sudo" a1="id"`,
		`type=CWD msg=audit(1700000000.101:501): cwd="/root"`,
		`type=PROCTITLE msg=audit(1700000000.100:500): proctitle=7375646F006964`,
		`type=PROCTITLE msg=audit(1700000000.101:501): proctitle=636174`,
	}, nil)
	if s.Entries != 2 {
		t.Errorf("%d entries, want 2 events: %+v", s.Entries, s.Templates)
	}
}

// The kernel writes audit records to syslog when no audit daemon runs
// ("kernel: audit: type=1400 audit(...): apparmor="DENIED" ..."): their
// type and stamp were masked as numbers, each record was an entry of its
// own, and an AppArmor denial was no warning. They are grouped into
// events as auditd's records are, named by type, and a denial warns.
func TestKernelAuditRecordsInSyslog(t *testing.T) {
	s := Summarize([]string{
		`Nov 30 10:00:01 web1 kernel: audit: type=1400 audit(1764496801.123:77): apparmor="DENIED" operation="open" profile="/usr/sbin/nginx" name="/etc/shadow" pid=100 comm="nginx" requested_mask="r" denied_mask="r" fsuid=33 ouid=0`,
		`Nov 30 10:00:01 web1 kernel: audit: type=1300 audit(1764496801.123:77): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=100 comm="nginx" exe="/usr/sbin/nginx"`,
		`Nov 30 10:00:01 web1 kernel: audit: type=1327 audit(1764496801.123:77): proctitle=6E67696E78`,
		`Nov 30 10:00:02 web1 sshd[200]: Accepted publickey for alice from 10.0.0.5 port 5000 ssh2`,
		`Nov 30 10:00:03 web1 kernel: audit: type=1400 audit(1764496803.456:78): apparmor="DENIED" operation="open" profile="/usr/sbin/nginx" name="/etc/passwd" pid=100 comm="nginx" requested_mask="r" denied_mask="r" fsuid=33 ouid=0`,
		`Nov 30 10:00:03 web1 kernel: audit: type=1300 audit(1764496803.456:78): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=100 comm="nginx" exe="/usr/sbin/nginx"`,
	}, nil)
	if s.Entries != 3 {
		t.Errorf("%d entries, want 2 audit events and the sshd line: %+v", s.Entries, s.Templates)
	}
	if s.Levels["WARN"] != 2 {
		t.Errorf("levels %v, want the two denials warnings", s.Levels)
	}
	if len(s.Templates) == 0 || !strings.HasPrefix(s.Templates[0].Template, `AVC apparmor="DENIED" operation="open"`) || s.Templates[0].Count != 2 {
		t.Errorf("templates %+v, want the denials one template headed AVC", s.Templates)
	}
}

// An event's record that says it failed may come after another event's
// records (events on several CPUs interleave): the event was counted
// when the other opened, and the late record, absorbed, lost its level.
func TestLinuxAuditLateRecordKeepsLevel(t *testing.T) {
	s := Summarize([]string{
		`type=SYSCALL msg=audit(1700000000.100:500): arch=c000003e syscall=59 success=yes exit=0 pid=1001 uid=0 comm="nginx" exe="/usr/sbin/nginx"`,
		`type=SYSCALL msg=audit(1700000000.101:501): arch=c000003e syscall=2 success=yes exit=3 pid=1002 uid=0 comm="cat" exe="/usr/bin/cat" key="access"`,
		`type=AVC msg=audit(1700000000.100:500): apparmor="DENIED" operation="exec" profile="/usr/sbin/nginx" name="/bin/sh" pid=1001 comm="nginx"`,
		`type=PROCTITLE msg=audit(1700000000.101:501): proctitle=636174`,
		`type=USER_ACCT msg=audit(1700000001.200:502): pid=1003 uid=0 auid=1000 ses=3 msg='op=PAM:accounting acct="bob" exe="/usr/sbin/sshd" res=success'`,
		`type=USER_AUTH msg=audit(1700000001.300:503): pid=1004 uid=0 auid=1000 ses=3 msg='op=PAM:authentication acct="bob" exe="/usr/sbin/sshd" res=success'`,
		`type=USER_END msg=audit(1700000001.200:502): pid=1003 uid=0 auid=1000 ses=3 msg='op=PAM:session_close acct="bob" exe="/usr/sbin/sshd" res=failed'`,
	}, nil)
	if s.Entries != 4 {
		t.Errorf("%d entries, want 4 events: %+v", s.Entries, s.Templates)
	}
	if s.Levels["WARN"] != 2 {
		t.Errorf("levels %v, want the denied exec and the failed session warnings", s.Levels)
	}
}
