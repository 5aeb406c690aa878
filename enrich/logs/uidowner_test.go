package logs

import "testing"

// PAM's "user alice(uid=1000)" is a variable name and uid: su and sudo
// sessions of different users are one template, not one per pair of
// names, and login's "by LOGIN(uid=0)" stays another event.
func TestUIDOwnersAreVariables(t *testing.T) {
	lines := []string{
		"Mar  3 09:12:01 web1 su[2201]: pam_unix(su:session): session opened for user root(uid=0) by alice(uid=1000)",
		"Mar  3 09:13:11 web1 su[2205]: pam_unix(su:session): session opened for user postgres(uid=114) by bob(uid=1001)",
		"Mar  3 09:14:11 web1 su[2209]: pam_unix(su:session): session opened for user www-data(uid=33) by carol(uid=1002)",
		"Mar  3 09:15:11 web1 login[600]: pam_unix(login:session): session opened for user root by LOGIN(uid=0)",
		"Mar  3 09:16:11 web1 sshd[700]: pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)",
	}
	s := Summarize(lines, NewMiner(DefaultConfig()))
	want := map[string]int{
		"pam_unix(su:session): session opened for user <*>(uid=<*>) by <*>(uid=<*>)": 3,
		"pam_unix(login:session): session opened for user <*> by LOGIN(uid=<*>)":     1,
		"pam_unix(sshd:session): session opened for user <*>(uid=<*>) by (uid=<*>)":  1,
	}
	if len(s.Templates) != len(want) {
		t.Fatalf("templates %+v, want %v", s.Templates, want)
	}
	for _, tc := range s.Templates {
		if n, ok := want[tc.Template]; !ok || n != tc.Count {
			t.Errorf("template %q ×%d, want %v", tc.Template, tc.Count, want)
		}
	}
}

// The user of sudo's failure lines is a variable, as in its command
// lines: "bob : 3 incorrect password attempts ; TTY=..." showed bob in
// the template of every user's failed sudo, and bob was not counted
// among the users.
func TestSudoFailureUserIsAVariable(t *testing.T) {
	lines := []string{
		"Mar  3 09:15:09 web1 sudo:      bob : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/ls",
		"Mar  3 09:18:00 web1 sudo:      bob : user NOT in sudoers ; TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/bash",
	}
	s := Summarize(lines, NewMiner(DefaultConfig()))
	want := map[string]bool{
		"<*> : <*> incorrect password attempts ; TTY=<*> ; PWD=<*> ; USER=root ; COMMAND=<*>": true,
		"<*> : user NOT in sudoers ; TTY=<*> ; PWD=<*> ; USER=root ; COMMAND=<*>":             true,
	}
	for _, tc := range s.Templates {
		if !want[tc.Template] {
			t.Errorf("template %q, want one of %v", tc.Template, want)
		}
	}
	if len(s.Users) != 1 || s.Users[0].Name != "bob" || s.Users[0].Count != 2 {
		t.Errorf("users %+v, want bob 2×", s.Users)
	}
}
