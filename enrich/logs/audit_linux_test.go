package logs

import "testing"

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
		for _, typ := range []string{"SYSCALL ", "EXECVE ", "USER_AUTH "} {
			if len(tc.Template) > len(typ) && tc.Template[:len(typ)] == typ {
				heads[typ] = true
			}
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
