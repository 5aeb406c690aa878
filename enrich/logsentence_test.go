package enrich

import (
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/logs"
)

func TestLogSentenceReadable(t *testing.T) {
	cases := []struct{ start, end, want string }{
		{"--05-01T09:00:32", "--05-01T10:12:27", "May 1 09:00:32 to 10:12:27"},
		{"--12-31T23:59:00", "--01-01T00:01:00", "Dec 31 23:59:00 to Jan 1 00:01:00"},
		{"2026-05-01T09:00:32Z", "2026-05-02T01:00:00Z", "2026-05-01 09:00:32 UTC to 2026-05-02 01:00:00 UTC"},
		// read without a zone: the log's clock, shown without one
		{"2026-05-01T09:00:32", "2026-05-01T09:10:00.5", "2026-05-01 09:00:32 to 09:10:00"},
		{"2026-05-01T09:00:32+02:00", "2026-05-01T09:10:00+02:00", "2026-05-01 09:00:32 +02:00 to 09:10:00 +02:00"},
		{"", "2026-05-01T09:00:32Z", ""},
	}
	for _, c := range cases {
		if got := readableSpan(c.start, c.end); got != c.want {
			t.Errorf("span(%q, %q) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
	for share, want := range map[float64]string{0: "0%", 0.0002: "<1%", 0.004: "<1%", 0.006: "1%", 0.25: "25%"} {
		if got := percent(share); got != want {
			t.Errorf("percent(%v) = %q, want %q", share, got, want)
		}
	}
	s := &document.LogSummary{Lines: 260, Start: "--05-01T09:00:32", End: "--05-01T10:12:27", ErrorShare: 0.003, NewTemplates: 21,
		Templates: []document.TemplateCount{{Template: "Accepted publickey for <*>", Count: 57}}}
	want := "260 lines from May 1 09:00:32 to 10:12:27; <1% warnings or errors; 21 new templates. 57× Accepted publickey for <*>."
	if got := logSentence(s, 500); got != want {
		t.Errorf("logSentence = %q\nwant %q", got, want)
	}
	one := &document.LogSummary{Lines: 2, ErrorShare: 0, NewTemplates: 1,
		Templates: []document.TemplateCount{{Template: "The service entered the running state.", Count: 2}}}
	if got := logSentence(one, 500); got != "2 lines; 0% warnings or errors; 1 new template. 2× The service entered the running state." {
		t.Errorf("one template ending in a stop: %q", got)
	}
	// past the analysis budget, the sentence is about the lines analysed
	s.Lines, s.Analyzed = 498376, 100000
	want = "First 100000 of 498376 lines from May 1 09:00:32 to 10:12:27; <1% warnings or errors; 21 new templates. 57× Accepted publickey for <*>."
	if got := logSentence(s, 500); got != want {
		t.Errorf("logSentence past the budget = %q\nwant %q", got, want)
	}
}

// The templates logged as errors are named first, with their error
// counts, and the most frequent ones after: they are what a reader of
// the log looks for.
func TestLogSentenceNamesTheErrors(t *testing.T) {
	s := &document.LogSummary{Lines: 400, ErrorShare: 0.08, NewTemplates: 5, Templates: []document.TemplateCount{
		{Template: "request served in <*> ms", Count: 200}, {Template: "cache miss for <*>", Count: 90},
		{Template: "retrying upstream <*>", Count: 60, Errors: 2}, {Template: "db connection pool exhausted", Count: 32, Errors: 32},
	}}
	want := "400 lines; 8% warnings or errors; 5 new templates. Errors: 32× db connection pool exhausted. 2× retrying upstream <*>. Most logged: 200× request served in <*> ms. 90× cache miss for <*>."
	if got := logSentence(s, 500); got != want {
		t.Errorf("an error among the most frequent: %q", got)
	}
	s.Templates[2].Errors = 0
	want = "400 lines; 8% warnings or errors; 5 new templates. Errors: 32× db connection pool exhausted. Most logged: 200× request served in <*> ms. 90× cache miss for <*>. 60× retrying upstream <*>."
	if got := logSentence(s, 500); got != want {
		t.Errorf("no error among the most frequent: %q", got)
	}
}

// When the worst template holds only part of the errors, the sentence
// says how many there were in all: a 5xx burst over eight API routes
// read "Most errors: 12× ..." as if one route's 12 were the incident.
func TestLogSentenceSaysAllErrorsBesideTheWorst(t *testing.T) {
	s := &document.LogSummary{Lines: 1650, ErrorShare: 0.14, NewTemplates: 2,
		Levels: map[string]int{"INFO": 1414, "WARN": 189, "ERROR": 47},
		Templates: []document.TemplateCount{
			{Template: `"GET /products/<*>" 2xx`, Count: 143}, {Template: `"GET /login" 2xx`, Count: 121},
			{Template: `"GET /" 2xx`, Count: 115}, {Template: `"GET /api/cart" 5xx`, Count: 12, Errors: 12},
		}}
	want := `1650 lines; 14% warnings or errors; 2 new templates. Errors (47 in all): 12× "GET /api/cart" 5xx. Most logged: 143× "GET /products/<*>" 2xx. 121× "GET /login" 2xx. 115× "GET /" 2xx.`
	if got := logSentence(s, 500); got != want {
		t.Errorf("logSentence = %q\nwant %q", got, want)
	}
	s.Levels = map[string]int{"INFO": 1414, "ERROR": 12}
	want = `1650 lines; 14% warnings or errors; 2 new templates. Errors: 12× "GET /api/cart" 5xx. Most logged: 143× "GET /products/<*>" 2xx. 121× "GET /login" 2xx. 115× "GET /" 2xx.`
	if got := logSentence(s, 500); got != want {
		t.Errorf("all errors in the worst template: %q\nwant %q", got, want)
	}
}

// The sentence says when the errors came: where the incident sits in a
// long log, the day left out where the span said it already.
func TestLogSentenceErrorWindow(t *testing.T) {
	s := &document.LogSummary{Lines: 591, Start: "2026-11-30T09:00:04", End: "2026-11-30T09:59:50", ErrorShare: 0.17, NewTemplates: 1,
		ErrorsStart: "2026-11-30T09:24:13", ErrorsEnd: "2026-11-30T09:31:32",
		Templates: []document.TemplateCount{{Template: "Out of memory: Killed process <*>", Count: 11, Errors: 11}}}
	want := "591 lines from 2026-11-30 09:00:04 to 09:59:50; 17% warnings or errors, errors from 09:24:13 to 09:31:32; 1 new template. Errors: 11× Out of memory: Killed process <*>."
	if got := logSentence(s, 500); got != want {
		t.Errorf("logSentence = %q\nwant %q", got, want)
	}
	for _, c := range []struct{ start, end, want string }{
		{"2026-11-30T09:24:13", "2026-11-30T09:24:13", ", errors at 09:24:13"},
		{"2026-12-01T01:00:00Z", "2026-12-01T02:00:00Z", ", errors from 2026-12-01 01:00:00 UTC to 02:00:00 UTC"},
		{"2026-11-30T09:24:13", "2026-12-01T00:01:00", ", errors from 09:24:13 to 2026-12-01 00:01:00"},
		{"", "", ""},
	} {
		s.ErrorsStart, s.ErrorsEnd = c.start, c.end
		if got := errorWindow(s); got != c.want {
			t.Errorf("errors %s to %s: %q, want %q", c.start, c.end, got, c.want)
		}
	}
}

// A log's sentence names the addresses most failed logins came from, as
// its summary counts them: a search hit for an auth log said how many
// lines failed, not from where.
func TestLogSentenceNamesFailedLoginSources(t *testing.T) {
	s := &document.LogSummary{Lines: 4, ErrorShare: 0.75, NewTemplates: 1,
		Templates:          []document.TemplateCount{{Template: "Failed password for <*> from <*> port <*>", Count: 3}},
		FailedLoginSources: []document.NameCount{{Name: "203.0.113.4", Count: 2}, {Name: "198.51.100.7", Count: 1}}}
	want := "4 lines; 75% warnings or errors; 1 new template. Failed logins from 203.0.113.4 (2×), 198.51.100.7 (1×). 3× Failed password for <*> from <*> port <*>."
	if got := logSentence(s, 500); got != want {
		t.Errorf("logSentence = %q\nwant %q", got, want)
	}
}

// A password spray from more addresses than the sentence names says how
// many logins failed from how many addresses: sixty attempts from
// forty-five addresses read as three double ones. The totals come from
// the mined log, all addresses counted, not the ten listed.
func TestLogSentenceCountsFailedLoginsBeyondThoseNamed(t *testing.T) {
	var lines []string
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("Dec  2 10:00:%02d web1 sshd[%d]: Failed password for invalid user admin from 203.0.113.%d port %d ssh2", i, 2000+i, i%45+1, 40000+i))
	}
	s := logs.Summarize(lines, nil)
	if s.FailedLogins != 60 || s.FailedLoginAddresses != 45 || len(s.FailedLoginSources) != 10 {
		t.Fatalf("failed logins %d from %d addresses, %d listed; want 60 from 45, 10 listed", s.FailedLogins, s.FailedLoginAddresses, len(s.FailedLoginSources))
	}
	want := " Failed logins: 60 from 45 addresses, most from 203.0.113.1 (2×), 203.0.113.10 (2×), 203.0.113.11 (2×)."
	if got := logSentence(s, 600); !strings.Contains(got, want) {
		t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
	}
}

// Where logins also succeeded, the sentence says which share of them
// failed: forty 4625s read the same among sixty logons as among ten
// thousand. Mined from the log, Windows' 4624 and sshd's "Accepted" count
// as logins that succeeded.
func TestLogSentenceSaysShareOfLoginsFailed(t *testing.T) {
	event := map[string]string{
		"4624": "An account was successfully logged on.\n\nSubject:\n\tSecurity ID:\t\tSYSTEM\n\tAccount Name:\t\tDC01$\n\nNew Logon:\n\tAccount Name:\t\tsvc_backup\n\nNetwork Information:\n\tSource Network Address:\t10.0.4.%d",
		"4625": "An account failed to log on.\n\nSubject:\n\tSecurity ID:\t\tNULL SID\n\tAccount Name:\t\t-\n\nAccount For Which Logon Failed:\n\tAccount Name:\t\tadmin\n\nFailure Information:\n\tFailure Reason:\t\tUnknown user name or bad password.\n\nNetwork Information:\n\tSource Network Address:\t198.51.100.%d\n\tSource Port:\t\t0",
	}
	windows := []string{"Level,Date and Time,Source,Event ID,Task Category"}
	for i := range 60 {
		id := "4625"
		if i%3 == 0 {
			id = "4624"
		}
		windows = append(windows, fmt.Sprintf("Information,12/3/2026 6:%02d:00 AM,Microsoft-Windows-Security-Auditing,%s,Logon,\"%s\"", i/2, id, fmt.Sprintf(event[id], i%4+1)))
	}
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"windows", windows, " Failed logins: 40 of 60 (67%) from 4 addresses, most from "},
		{"sshd", []string{
			"Dec  3 06:00:01 bastion sshd[100]: Accepted publickey for alice from 10.0.0.5 port 50000 ssh2: ED25519 SHA256:abc",
			"Dec  3 06:00:02 bastion sshd[101]: Failed password for root from 203.0.113.4 port 40000 ssh2",
			"Dec  3 06:00:03 bastion sshd[102]: Failed password for root from 203.0.113.4 port 40001 ssh2",
			"Dec  3 06:00:04 bastion sshd[103]: Accepted password for bob from 10.0.0.6 port 50001 ssh2",
		}, " Failed logins: 2 of 4 (50%) from 203.0.113.4 (2×)."},
	}
	for _, tc := range tests {
		if got := logSentence(logs.SummarizeText(strings.Join(tc.lines, "\n"), nil, logs.Budget{}), 600); !strings.Contains(got, tc.want) {
			t.Errorf("%s: logSentence = %q\nwant it to hold %q", tc.name, got, tc.want)
		}
	}
}

// A log's sentence names the failed logins from no remote host: two
// failed su to root gave no sentence at all, having no address.
func TestLogSentenceNamesFailedLocalLogins(t *testing.T) {
	s := &document.LogSummary{Lines: 3, ErrorShare: 1, NewTemplates: 1,
		Templates:         []document.TemplateCount{{Template: "pam_unix(su:auth): authentication failure; logname=<*> uid=<*> euid=<*> tty=<*> ruser=<*> rhost= user=<*>", Count: 3}},
		FailedLocalLogins: []document.NameCount{{Name: "bob → root (su)", Count: 2}, {Name: "carol (login)", Count: 1}}}
	want := "3 lines; 100% warnings or errors; 1 new template. Failed local logins: bob → root (su) 2×, carol (login) 1×. 3× pam_unix(su:auth): authentication failure; logname=<*> uid=<*> euid=<*> tty=<*> ruser=<*> rhost= user=<*>."
	if got := logSentence(s, 500); got != want {
		t.Errorf("logSentence = %q\nwant %q", got, want)
	}
}

// A log's sentence says the refused sudo requests, apart from the failed
// logins: "user NOT in sudoers" went unsaid.
func TestLogSentenceNamesDeniedPrivileges(t *testing.T) {
	s := &document.LogSummary{Lines: 2, NewTemplates: 1,
		Templates:         []document.TemplateCount{{Template: "<*> : user NOT in sudoers ; TTY=<*> ; PWD=<*> ; USER=root ; COMMAND=<*>", Count: 2}},
		FailedLocalLogins: []document.NameCount{{Name: "carol → root (sudo)", Count: 3}},
		DeniedPrivileges:  []document.NameCount{{Name: "bob → root (sudo)", Count: 2}}}
	want := "2 lines; 0% warnings or errors; 1 new template. Failed local logins: carol → root (sudo) 3×. Denied privilege requests: bob → root (sudo) 2×. 2× <*> : user NOT in sudoers ; TTY=<*> ; PWD=<*> ; USER=root ; COMMAND=<*>."
	if got := logSentence(s, 500); got != want {
		t.Errorf("logSentence = %q\nwant %q", got, want)
	}
}

// A journal's failed units are named before its templates: a failed
// nginx.service among routine session lines was said only as the most
// frequent error, and a second failed unit not at all.
func TestLogSentenceNamesFailedUnits(t *testing.T) {
	lines := []string{
		"Mar 03 10:00:01 web1 systemd[1]: Starting nginx.service - A high performance web server and a reverse proxy server...",
		"Mar 03 10:00:01 web1 systemd[1]: nginx.service: Control process exited, code=exited, status=1/FAILURE",
		"Mar 03 10:00:01 web1 systemd[1]: nginx.service: Failed with result 'exit-code'.",
		"Mar 03 10:00:01 web1 systemd[1]: Failed to start nginx.service - A high performance web server and a reverse proxy server.",
		"Mar 03 10:00:03 web1 systemd[1]: Started session-4.scope - Session 4 of User alice.",
		"Mar 03 10:00:03 web1 systemd[1]: Started session-5.scope - Session 5 of User alice.",
		"Mar 03 10:00:03 web1 systemd[1]: Started session-6.scope - Session 6 of User alice.",
		"Mar 03 10:00:05 web1 systemd-logind[600]: New session 4 of user alice.",
		"Mar 03 10:00:05 web1 systemd-logind[600]: New session 5 of user alice.",
		"Mar 03 10:00:06 web1 CRON[900]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
		"Mar 03 10:00:06 web1 CRON[901]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
		"Mar 03 10:00:07 web1 systemd[1]: Failed to start postgresql@15-main.service - PostgreSQL Cluster 15-main.",
		"Mar 03 10:00:08 web1 api[77]: ERROR Failed to start HTTP server: address in use",
	}
	got := logSentence(logs.Summarize(lines, nil), 500)
	want := " Failed units: nginx.service 1×, postgresql@15-main.service 1×. Errors: 1× Failed to start nginx.service"
	if !strings.Contains(got, want) {
		t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
	}
}

// An access log's sentence leads with how many requests failed, which and
// for whom: it listed its routine 2xx templates, and a scan's paths and
// addresses went unsaid.
func TestLogSentenceLeadsWithFailingRequests(t *testing.T) {
	var lines []string
	for i := range 20 {
		lines = append(lines, fmt.Sprintf(`10.0.0.%d - - [03/Mar/2026:10:00:%02d +0000] "GET /api/orders/%d HTTP/1.1" 200 512 "-" "Mozilla/5.0"`, i, i, i))
	}
	for i := range 6 {
		ip := []string{"203.0.113.9", "203.0.113.9", "203.0.113.9", "198.51.100.7", "198.51.100.7", "192.0.2.77"}[i]
		lines = append(lines, fmt.Sprintf(`%s - - [03/Mar/2026:10:01:%02d +0000] "GET /.env HTTP/1.1" 404 153 "-" "curl/7.68"`, ip, i))
	}
	lines = append(lines, `10.0.0.3 - - [03/Mar/2026:10:02:00 +0000] "POST /api/checkout HTTP/1.1" 502 166 "-" "Mozilla/5.0"`)
	got := logSentence(logs.Summarize(lines, nil), 500)
	want := "27 lines from 2026-03-03 10:00:00 UTC to 10:02:00 UTC; 4% 5xx, 22% 4xx of 27 requests, errors at 10:02:00 UTC; 3 new templates." +
		" Failing requests: POST /api/checkout 502 1×, GET /.env 404 6×." +
		" Failing clients: 203.0.113.9 (3×), 198.51.100.7 (2×), 10.0.0.3 (1×)."
	if got != want {
		t.Errorf("logSentence = %q\nwant %q", got, want)
	}
}

// A log's errors are said before its routine templates, each of the
// distinct ones, with the exception under them, and what a long template
// cannot crowd out: a kubelet journal whose crash loop was among its top
// templates never named the kernel's OOM kill, and a Java log never said
// its NullPointerException.
func TestLogSentenceSaysEachErrorBeforeRoutineTemplates(t *testing.T) {
	var lines []string
	for i := range 40 {
		lines = append(lines,
			fmt.Sprintf(`Mar 14 02:%02d:01 node-7 kubelet[1234]: I0314 02:%02d:01.123456    1234 prober.go:107] "Probe succeeded" probeType="Readiness" pod="default/web-%d"`, i, i, i),
			fmt.Sprintf(`Mar 14 02:%02d:02 node-7 kubelet[1234]: I0314 02:%02d:02.123456    1234 kubelet_volumes.go:160] "Cleaned up orphaned pod volumes dir" podUID="%d"`, i, i, 1000+i),
			fmt.Sprintf(`Mar 14 02:%02d:03 node-7 kubelet[1234]: E0314 02:%02d:03.223456    1234 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \"StartContainer\" for \"api\" with CrashLoopBackOff: \"back-off 5m0s restarting failed container=api pod=api-7d9f-%d\""`, i, i, i%3))
	}
	lines = append(lines,
		"Mar 14 02:41:00 node-7 kernel: [123456.789] Memory cgroup out of memory: Killed process 4321 (java) total-vm:8123456kB, anon-rss:4012345kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9000kB oom_score_adj:999",
		"Mar 14 02:42:00 node-7 sshd[999]: Failed password for root from 203.0.113.4 port 4242 ssh2")
	got := logSentence(logs.Summarize(lines, nil), 600)
	for _, want := range []string{
		" Failed logins from 203.0.113.4 (1×).",
		"CrashLoopBackOff",
		"1× [123456.789] Memory cgroup out of memory: Killed process 4321 (java)",
		" Most logged: 40× \"Probe succeeded\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
		}
	}
	if n := len([]rune(got)); n > 600 {
		t.Errorf("logSentence is %d runes, over 600", n)
	}
	var app []string
	for i := range 30 {
		app = append(app, fmt.Sprintf("2024-03-14 10:00:%02d.100 INFO  [http-nio-8080-exec-%d] c.a.orders.OrderController - Created order %d for customer %d", i, i%9, 10000+i, 100+i))
	}
	app = append(app,
		"2024-03-14 10:07:30.171 ERROR [http-nio-8080-exec-7] c.a.orders.OrderController - Request processing failed",
		`java.lang.NullPointerException: Cannot invoke "com.acme.orders.Customer.getId()" because "customer" is null`,
		"\tat com.acme.orders.OrderService.place(OrderService.java:88)")
	got = logSentence(logs.Summarize(app, nil), 600)
	want := `Errors: 1× c.a.orders.OrderController - Request processing failed (java.lang.NullPointerException: Cannot invoke "com.acme.orders.Customer.getId()" because "customer" is null). Most logged: 30×`
	if !strings.Contains(got, want) {
		t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
	}
}

// An access log of routine traffic with a few 404s (a browser's
// /favicon.ico) is summarised by what it served, its 404s said after:
// it read as those 404s alone. A scan's share of 4xx, or any 5xx, still
// leads (TestLogSentenceLeadsWithFailingRequests).
func TestLogSentenceKeepsTemplatesOfAFewClientErrors(t *testing.T) {
	var lines []string
	for i := range 60 {
		lines = append(lines, fmt.Sprintf(`10.0.0.%d - - [03/Mar/2026:10:%02d:00 +0000] "GET /api/orders/%d HTTP/1.1" 200 512 "-" "Mozilla/5.0"`, i%9, i, i))
		if i%20 == 0 {
			lines = append(lines, fmt.Sprintf(`10.0.0.%d - - [03/Mar/2026:10:%02d:01 +0000] "GET /favicon.ico HTTP/1.1" 404 153 "-" "Mozilla/5.0"`, i%9, i))
		}
	}
	got := logSentence(logs.Summarize(lines, nil), 600)
	for _, want := range []string{"; 5% warnings or errors", `60× "GET /api/orders/<*>" 2xx`, " Failing requests: GET /favicon.ico 404 3×."} {
		if !strings.Contains(got, want) {
			t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
		}
	}
}

// An outage's 5xx are named before a scanner's 404s, and the scan still
// is: ranked by count, the sentence named three 404 paths of a scan and
// none of the 500s of the site's own routes.
func TestLogSentenceNamesServerErrorsBeforeScans(t *testing.T) {
	s := &document.LogSummary{Lines: 2000, Access: &document.AccessSummary{Requests: 2000,
		Statuses: map[string]int{"2xx": 1631, "4xx": 321, "5xx": 48},
		FailingPaths: []document.NameCount{{Name: "GET /healthz 500", Count: 6}, {Name: "GET /index.html 500", Count: 6},
			{Name: "GET /api/cart 500", Count: 5}, {Name: "GET /wp-login.php 404", Count: 142}, {Name: "GET /.env 404", Count: 122}}}}
	want := " Failing requests: GET /healthz 500 6×, GET /index.html 500 6×, GET /wp-login.php 404 142×."
	if got := logSentence(s, 600); !strings.Contains(got, want) {
		t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
	}
}

// Three long Java errors, each with its exception, are all said, cut
// shorter, before the routine templates: cut at errorTemplateRunes the
// first alone was said and the other two gave way to "Most logged".
func TestLogSentenceSaysThreeLongErrorsCut(t *testing.T) {
	var lines []string
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("2026-12-02 10:00:%02d.100  INFO 4242 --- [nio-8080-exec-1] c.e.shop.web.OrderController : Order %d created for customer %d", i, 1000+i, i%37))
	}
	lines = append(lines,
		"2026-12-02 10:01:00.100 ERROR 4242 --- [nio-8080-exec-2] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection] with root cause",
		"java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.",
		"\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)",
		"2026-12-02 10:01:01.100 ERROR 4242 --- [nio-8080-exec-3] c.e.shop.payment.PaymentGatewayClient : Payment authorization failed for order 1234 after 3 retries: upstream https://payments.example.com/v2/authorize returned 504 Gateway Timeout; circuit breaker paymentGateway transitioning from CLOSED to OPEN state",
		"org.springframework.web.client.HttpServerErrorException$GatewayTimeout: 504 Gateway Timeout: [no body]",
		"\tat org.springframework.web.client.HttpServerErrorException.create(HttpServerErrorException.java:116)",
		"2026-12-02 10:01:02.100 ERROR 4242 --- [   scheduling-1] c.e.shop.jobs.InventorySync : Inventory synchronisation job failed while reconciling stock levels for warehouse eu-west-1; the batch of 512 items was rolled back and will be retried at the next scheduled run",
		"java.lang.IllegalStateException: Stock level for SKU ABC-123 went negative (-4) during reconciliation",
		"\tat com.example.shop.jobs.InventorySync.reconcile(InventorySync.java:88)")
	got := logSentence(logs.Summarize(lines, nil), 600)
	for _, want := range []string{"1× Servlet.service()", "(SQLTransientConnectionException:", "1× Payment authorization failed",
		"(HttpServerErrorException$GatewayTimeout:", "1× Inventory synchronisation job failed", " Most logged: 60× Order <*> created"} {
		if !strings.Contains(got, want) {
			t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
		}
	}
	if n := len([]rune(got)); n > 600 {
		t.Errorf("logSentence is %d runes, over 600", n)
	}
}

// An exception and a sentence that run over their room are cut at a
// word's end, with an ellipsis: cut at a rune count they ended mid-word
// ("Connection is not availa", "Source Por") as if misspelt.
func TestLogSentenceCutsAtWords(t *testing.T) {
	s := &document.LogSummary{Lines: 3, ErrorShare: 1, NewTemplates: 1, Templates: []document.TemplateCount{{
		Template: "Request processing failed", Count: 3, Errors: 3,
		Exception: "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms while the pool was exhausted by long transactions holding connections",
	}}}
	got := logSentence(s, 600)
	want := "(SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms while the pool was exhausted…)."
	if !strings.Contains(got, want) {
		t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
	}
	s.Templates[0].Exception = ""
	s.Templates[0].Template = strings.Repeat("Account Name: <*> Account Domain: CORP ", 30)
	got = logSentence(s, 200)
	if n := len([]rune(got)); n > 200 {
		t.Errorf("logSentence is %d runes, over 200", n)
	}
	if word := got[strings.LastIndexByte(got, ' ')+1:]; !slices.Contains([]string{"Account…", "Name…", "<*>…", "Domain…", "CORP…"}, word) {
		t.Errorf("logSentence = %q, want it cut after a word, with an ellipsis", got)
	}
}

// A Windows security log's failed logons (event 4625, exported as CSV)
// are said by their headline and failure reason: cut at a length, the
// sentence said "An account failed to log on. Subject: Security ID: NULL
// SID Account Name: - Account Domain: - Logon ID: <*>…", nothing an
// on-call reader could act on.
func TestLogSentenceSaysAnEventsGist(t *testing.T) {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"Level", "Date and Time", "Source", "Event ID", "Task Category"})
	for i, user := range []string{"jsmith", "administrator", "svc_backup", "guest"} {
		failed := "An account failed to log on.\n\nSubject:\n\tSecurity ID:\t\tNULL SID\n\tAccount Name:\t\t-\n\tAccount Domain:\t\t-\n\tLogon ID:\t\t0x0\n\nLogon Type:\t\t\t3\n\n" +
			"Account For Which Logon Failed:\n\tSecurity ID:\t\tNULL SID\n\tAccount Name:\t\t" + user + "\n\tAccount Domain:\t\tCORP\n\n" +
			"Failure Information:\n\tFailure Reason:\t\tUnknown user name or bad password.\n\tStatus:\t\t\t0xC000006D\n\tSub Status:\t\t0xC000006A\n\n" +
			fmt.Sprintf("Network Information:\n\tWorkstation Name:\t-\n\tSource Network Address:\t10.0.0.%d\n\tSource Port:\t\t5%d123", 10+i, i)
		_ = w.Write([]string{"Information", fmt.Sprintf("3/14/2024 10:0%d:11 AM", i), "Microsoft-Windows-Security-Auditing", "4625", "Logon", failed})
	}
	w.Flush()
	s := logs.SummarizeText(b.String(), nil, logs.Budget{})
	want := "4× An account failed to log on. Failure Reason: Unknown user name or bad password."
	if got := logSentence(s, 600); !strings.Contains(got, want) {
		t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
	}
	s.Templates[0].Errors = 4
	if got := logSentence(s, 600); !strings.Contains(got, "Errors: "+want) {
		t.Errorf("logSentence = %q\nwant it to hold %q", got, "Errors: "+want)
	}
}

// A log with warnings and no errors names its templates logged as
// warnings before the routine ones, the most warned first, with their
// warning counts: a kubectl event dump said only its Normal rows
// (Scheduled, Pulling, Pulled), never the BackOff and FailedScheduling an
// on-call reader opens it for. An access log keeps its own account of
// its few failing requests.
func TestLogSentenceNamesWarningsWhenNoErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("LAST SEEN   TYPE      REASON              OBJECT                  MESSAGE\n")
	for i := range 6 {
		pod := fmt.Sprintf("pod/api-%d", i)
		for _, r := range []string{"Scheduled   Successfully assigned default/api to node-1", "Pulling     Pulling image \"api:1.4\"", "Started     Started container api"} {
			reason, msg, _ := strings.Cut(r, "   ")
			fmt.Fprintf(&b, "%-11s Normal    %-19s %-23s %s\n", fmt.Sprintf("%dm", 20-i), reason, pod, strings.TrimSpace(msg))
		}
	}
	b.WriteString("9m          Warning   BackOff             pod/api-0               Back-off restarting failed container api\n")
	b.WriteString("8m          Warning   BackOff             pod/api-1               Back-off restarting failed container api\n")
	b.WriteString("7m          Warning   FailedScheduling    pod/worker-1            0/3 nodes are available: 3 Insufficient memory.\n")
	s := logs.SummarizeText(b.String(), nil, logs.Budget{})
	got := logSentence(s, 600)
	w, m := strings.Index(got, " Warnings: 2× BackOff"), strings.Index(got, " Most logged:")
	if w < 0 || m < w || !strings.Contains(got[w:m], "1× FailedScheduling") {
		t.Errorf("logSentence = %q\nwant \"Warnings: 2× BackOff ... 1× FailedScheduling ...\" before \"Most logged\"", got)
	}
	access := &document.LogSummary{Lines: 100, ErrorShare: 0.02, Access: &document.AccessSummary{Requests: 100},
		Templates: []document.TemplateCount{{Template: "GET /home 200", Count: 98}, {Template: "GET /.env 404", Count: 2, Warnings: 2}}}
	if got := logSentence(access, 600); strings.Contains(got, "Warnings") {
		t.Errorf("access log: %q, want its failing requests said its own way", got)
	}
}

// An nginx error log's sentence names the upstreams its errors went to,
// before its templates: "21× upstream timed out ... client…" never said
// which backend was down.
func TestLogSentenceNamesFailingUpstreams(t *testing.T) {
	s := &document.LogSummary{Lines: 3, ErrorShare: 1, NewTemplates: 1,
		Templates:        []document.TemplateCount{{Template: `upstream timed out (<*>: Connection timed out) while reading response header from upstream, client: <*>, upstream: "<*>"`, Count: 3, Errors: 3}},
		FailingUpstreams: []document.NameCount{{Name: "10.0.2.11:8080", Count: 2}, {Name: "10.0.2.10:8080", Count: 1}}}
	want := "3 lines; 100% warnings or errors; 1 new template. Failing upstreams: 10.0.2.11:8080 (2×), 10.0.2.10:8080 (1×). Errors:"
	if got := logSentence(s, 500); !strings.HasPrefix(got, want) {
		t.Errorf("logSentence = %q\nwant it to open %q", got, want)
	}
}

// A run of wildcards in a template is said as one: the kernel's OOM kill
// read "Killed process <*> (php-fpm) <*>, <*>, <*>, <*>, <*>". A
// template's one message is said as logged.
func TestTemplateTextJoinsWildcardRuns(t *testing.T) {
	tests := []struct {
		tpl  document.TemplateCount
		want string
	}{
		{document.TemplateCount{Template: "Out of memory: Killed process <*> (php-fpm) <*>, <*>, <*>, <*>, <*>"}, "Out of memory: Killed process <*> (php-fpm) <*>"},
		{document.TemplateCount{Template: "session <*> <*> closed"}, "session <*> closed"},
		{document.TemplateCount{Template: "<*>: Scheduled restart job, restart counter is at <*>"}, "<*>: Scheduled restart job, restart counter is at <*>"},
		{document.TemplateCount{Template: "a <*> <*>", Message: "a 1 2"}, "a 1 2"},
		// a masked stamp opening the message says nothing
		{document.TemplateCount{Template: "[<*>] Out of memory: Killed process <*> (java) <*>, <*>"}, "Out of memory: Killed process <*> (java) <*>"},
		{document.TemplateCount{Template: "[<*>] [<*>] TCP: Possible SYN flooding on port <*>."}, "TCP: Possible SYN flooding on port <*>."},
		{document.TemplateCount{Template: "[<*>] <*>"}, "[<*>] <*>"},
		{document.TemplateCount{Template: "[<*>]"}, "[<*>]"},
	}
	for _, tc := range tests {
		if got := templateText(tc.tpl); got != tc.want {
			t.Errorf("templateText(%q) = %q, want %q", tc.tpl.Template, got, tc.want)
		}
	}
}

// A log's sentence names the accounts locked out: a domain controller's
// 4740 said "1× A user account was locked out." and named no one.
func TestLogSentenceNamesLockedOutAccounts(t *testing.T) {
	s := &document.LogSummary{Lines: 6, Entries: 6, NewTemplates: 2, ErrorShare: 1, Levels: map[string]int{"WARN": 6},
		Templates: []document.TemplateCount{
			{Template: "An account failed to log on.", Count: 5, Warnings: 5},
			{Template: "A user account was locked out.", Count: 1, Warnings: 1}},
		FailedLoginSources: []document.NameCount{{Name: "10.1.2.99", Count: 5}}, FailedLogins: 5, FailedLoginAddresses: 1,
		LockedOut: []document.NameCount{{Name: "jsmith from WS-042", Count: 1}}}
	want := "6 lines (6 entries); 100% warnings or errors; 2 new templates. Failed logins from 10.1.2.99 (5×). Locked out: jsmith from WS-042 (1×). Warnings: 5× An account failed to log on. 1× A user account was locked out."
	if got := logSentence(s, 500); got != want {
		t.Errorf("logSentence = %q\nwant %q", got, want)
	}
}

// A template that opens with a Java logger name is said without it:
// catalina.out's "org.apache.catalina.core.StandardWrapperValve.invoke"
// took the room of what failed, which the sentence cut away.
func TestTemplateTextWithoutJavaLogger(t *testing.T) {
	cases := []struct{ template, want string }{
		{"org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() for servlet [dispatcherServlet] threw exception", "Servlet.service() for servlet [dispatcherServlet] threw exception"},
		{"org.apache.catalina.startup.Catalina.start Server startup in [<*>] milliseconds", "Server startup in [<*>] milliseconds"},
		{"com.shop.payments.ChargeClient - charge failed for order <*>", "charge failed for order <*>"},
		{"c.a.orders.OrderController - Request processing failed", "c.a.orders.OrderController - Request processing failed"},
		{"java.lang.IllegalStateException: pool exhausted", "java.lang.IllegalStateException: pool exhausted"},
		{"org.example.Foo <*>", "org.example.Foo <*>"},
		{"Reading config from /etc/app.yaml", "Reading config from /etc/app.yaml"},
	}
	for _, c := range cases {
		if got := templateText(document.TemplateCount{Template: c.template, Count: 1}); got != c.want {
			t.Errorf("templateText(%q) = %q, want %q", c.template, got, c.want)
		}
	}
}

// nginx's error templates are said without their masked context fields
// and errno: "(<*>: Connection refused) while connecting to upstream,
// client: <*>, server: <*>, request: ..." was cut before it said more.
func TestTemplateTextWithoutNginxContext(t *testing.T) {
	cases := []struct{ template, want string }{
		{`connect() failed (<*>: Connection refused) while connecting to upstream, client: <*>, server: <*>, request: "POST <*> <*>", upstream: "<*>", host: "<*>"`, "connect() failed (Connection refused) while connecting to upstream"},
		{`upstream timed out (<*>: Connection timed out) while reading response header from upstream, client: <*>, server: shop.example.com, request: "GET <*> <*>", upstream: "<*>", host: "<*>"`, "upstream timed out (Connection timed out) while reading response header from upstream"},
		{`open() "<*>" failed (<*>: No such file or directory), client: <*>, server: <*>, request: "GET <*> <*>", host: "<*>"`, `open() "<*>" failed (No such file or directory)`},
		{`upstream timed out (<*>: Connection timed out) while reading response header from upstream, client: <*>, upstream: "<*>"`, "upstream timed out (Connection timed out) while reading response header from upstream"},
		{"session (<*>: abc) closed", "session (<*>: abc) closed"},
	}
	for _, c := range cases {
		if got := templateText(document.TemplateCount{Template: c.template, Count: 1}); got != c.want {
			t.Errorf("templateText(%q) = %q, want %q", c.template, got, c.want)
		}
	}
}

// Rows that fold repeats stand for more events than lines: kubectl's
// events read "6 lines (65 entries)", which an on-call reader could not
// square.
func TestLogSentenceFoldedRepeats(t *testing.T) {
	cases := []struct {
		s    document.LogSummary
		want string
	}{
		{document.LogSummary{Lines: 6, Entries: 65}, "6 lines, standing for 65 events; "},
		{document.LogSummary{Lines: 900, Analyzed: 500, Entries: 800}, "First 500 of 900 lines, standing for 800 events; "},
		{document.LogSummary{Lines: 322, Entries: 12}, "322 lines (12 entries); "},
		{document.LogSummary{Lines: 900, Analyzed: 500, Entries: 90}, "First 500 of 900 lines (90 entries); "},
	}
	for _, c := range cases {
		if got := logSentence(&c.s, 500); !strings.HasPrefix(got, c.want) {
			t.Errorf("logSentence = %q, want it to open %q", got, c.want)
		}
	}
}

// Where every address failed once, none is "most": a spray from ten
// addresses read "most from 198.51.100.0 (1×), 198.51.100.1 (1×), ...",
// as if those three stood out.
func TestLogSentenceFailedLoginsOneEach(t *testing.T) {
	var lines []string
	for i := range 10 {
		lines = append(lines, fmt.Sprintf("Oct 11 10:%02d:01 web1 sshd[%d]: Failed password for invalid user admin from 198.51.100.%d port %d ssh2", i, 900+i, i, 40000+i))
	}
	got := logSentence(logs.Summarize(lines, nil), 600)
	want := " Failed logins: 10 from 10 addresses, one each: 198.51.100.0, 198.51.100.1, 198.51.100.2 and 7 more."
	if !strings.Contains(got, want) {
		t.Errorf("logSentence = %q\nwant it to hold %q", got, want)
	}
}
