package logs

import "testing"

// HAProxy and Palo Alto send their lines under a yearless syslog header,
// but write the full date later in the line: the span takes its year
// from there, a day apart at New Year too. It was yearless. So does a
// syslog carrying the kernel's audit records, whose stamp is the time.
func TestYearlessHeaderDatedLaterInTheLine(t *testing.T) {
	for _, c := range []struct {
		lines      []string
		start, end string
	}{
		{[]string{
			`Oct 11 22:14:15 lb1 haproxy[1234]: 10.0.0.1:51234 [11/Oct/2024:22:14:15.123] fe_https~ be_app/app1 0/0/1/25/26 200 512 - - ---- 10/10/1/1/0 0/0 "GET /api/health HTTP/1.1"`,
			`Oct 11 22:14:17 lb1 haproxy[1234]: 10.0.0.3:51250 [11/Oct/2024:22:14:17.789] fe_https~ be_app/app1 0/0/1/20/21 503 1024 - - ---- 12/12/1/1/0 0/0 "POST /api/login HTTP/1.1"`,
		}, "2024-10-11T22:14:15", "2024-10-11T22:14:17"},
		{[]string{
			`Oct 11 22:14:15 fw01 1,2024/10/11 22:14:15,012345678901,TRAFFIC,end,2560,2024/10/11 22:14:15,10.0.0.5,203.0.113.9,0.0.0.0,0.0.0.0,allow-web,,,ssl,vsys1,trust,untrust`,
			`Oct 11 22:15:01 fw01 1,2024/10/11 22:15:01,012345678901,TRAFFIC,deny,2560,2024/10/11 22:15:01,203.0.113.77,10.0.0.9,0.0.0.0,0.0.0.0,deny-all,,,not-applicable,vsys1,untrust,trust`,
		}, "2024-10-11T22:14:15", "2024-10-11T22:15:01"},
		{[]string{
			`Dec 31 23:59:58 fw01 1,2024/12/31 23:59:58,012345678901,TRAFFIC,end,2560`,
			`Jan  1 00:00:01 fw01 1,2024/12/31 23:59:59,012345678901,TRAFFIC,end,2560`,
		}, "2024-12-31T23:59:58", "2025-01-01T00:00:01"},
		{[]string{ // the kernel's audit stamp is Unix seconds: a syslog with one is dated
			`Nov 30 09:00:04 web1 kernel: audit: type=1400 audit(1796029204.670:1004): apparmor="DENIED" operation="open" profile="/usr/sbin/nginx" pid=812 comm="nginx"`,
			`Nov 30 09:00:07 web1 systemd[1]: Started Session 836 of User erin.`,
		}, "2026-11-30T09:00:04", "2026-11-30T09:00:07"},
		{[]string{ // no date in the line: yearless as before
			`Oct 11 22:14:15 host sshd[1]: Accepted publickey for alice`,
			`Oct 11 22:14:16 host sshd[1]: session opened for user alice`,
		}, "--10-11T22:14:15", "--10-11T22:14:16"},
	} {
		s := Summarize(c.lines, nil)
		if s.Start != c.start || s.End != c.end {
			t.Errorf("%s: span %s to %s, want %s to %s", c.lines[0][:30], s.Start, s.End, c.start, c.end)
		}
	}
}
