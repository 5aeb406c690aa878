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
