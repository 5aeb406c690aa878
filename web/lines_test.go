package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// TestAPILines filters a log's lines on a real index: by level (a stack
// frame kept with its ERROR entry), by words, by time, with a limit, and
// refuses a level it does not know.
func TestAPILines(t *testing.T) {
	text := "2024-03-01T10:00:00Z INFO  api started\n" +
		"2024-03-01T10:00:05Z ERROR payment failed order=17: java.io.IOException: broken pipe\n" +
		"\tat com.acme.Pay.charge(Pay.java:42)\n" +
		"2024-03-01T10:01:00Z WARN  payment retry order=17\n" +
		"2024-03-02T09:00:00Z ERROR payment failed order=18: timeout\n" +
		"2024-03-02T09:00:01Z INFO  payment ok order=19\n"
	doc := &document.Result{ID: document.ID([]byte(text)), Filename: "api.log", Language: "en", Text: text}
	doc.Class = "log"
	doc.Log = &document.LogSummary{Lines: 6}
	s := newServer(t, Options{Index: openIndex(t, doc)})
	ask := func(query string) (int, linesAnswer) {
		t.Helper()
		resp, body := get(t, s, "/api/documents/"+doc.ID[:12]+"/lines?"+query)
		var a linesAnswer
		if resp.StatusCode == http.StatusOK {
			if err := json.Unmarshal([]byte(body), &a); err != nil {
				t.Fatalf("%s: %v", query, err)
			}
		}
		return resp.StatusCode, a
	}
	numbers := func(a linesAnswer) []int {
		var n []int
		for _, l := range a.Lines {
			n = append(n, l.N)
		}
		return n
	}
	for _, c := range []struct {
		query string
		want  []int
	}{
		{"level=error", []int{2, 3, 5}},
		{"level=warning", []int{2, 3, 4, 5}},
		{"q=ORDER%3D17", []int{2, 4}},
		{"q=payment+failed&since=2024-03-02", []int{5}},
		{"until=2024-03-01", []int{1, 2, 3, 4}},
		{"level=info&limit=2", []int{1, 2}},
	} {
		code, a := ask(c.query)
		if code != http.StatusOK || !slices.Equal(numbers(a), c.want) {
			t.Errorf("%s: %d, lines %v, want %v", c.query, code, numbers(a), c.want)
		}
		if c.query == "level=info&limit=2" && (a.Matched != 6 || a.Scanned != 6) {
			t.Errorf("limit: matched %d scanned %d, want 6 and 6", a.Matched, a.Scanned)
		}
	}
	if _, a := ask("level=error"); len(a.Lines) > 0 && (a.Lines[1].Level != "ERROR" || a.Lines[1].Time == nil || !strings.HasPrefix(a.Lines[1].Text, "\tat ")) {
		t.Errorf("a frame's line %+v", a.Lines[1])
	}
	if code, _ := ask("level=loud"); code != http.StatusBadRequest {
		t.Errorf("unknown level: %d, want 400", code)
	}
	if resp, _ := get(t, s, "/api/documents/0123456789abcdef/lines"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown document: %d, want 404", resp.StatusCode)
	}
}

// TestDocumentPageFindsLines: a log's page has the form, and answers it
// with the lines found, or with why it cannot.
func TestDocumentPageFindsLines(t *testing.T) {
	text := "2024-03-01T10:00:00Z INFO  payment ok order=16\n" +
		"2024-03-01T10:00:05Z ERROR payment failed order=17\n" +
		"2024-03-01T10:00:06Z ERROR disk <full>\n"
	doc := &document.Result{ID: document.ID([]byte(text)), Filename: "pay.log", Language: "en", Text: text}
	doc.Class = "log"
	doc.Log = &document.LogSummary{Lines: 3}
	s := newServer(t, Options{Index: openIndex(t, doc)})
	_, page := get(t, s, "/documents/"+doc.ID)
	if !strings.Contains(page, `id="lines-form"`) || strings.Contains(page, `id="lines-count"`) {
		t.Fatal("a log's page without the form, or with an answer nobody asked for")
	}
	_, page = get(t, s, "/documents/"+doc.ID+"?lines=payment&level=error")
	if !strings.Contains(page, "1 of 3 lines match") || !strings.Contains(page, "payment failed order=17") || strings.Contains(page, "order=16</code>") {
		t.Errorf("the lines found are not on the page")
	}
	if !strings.Contains(page, `<option value="error" selected>`) || !strings.Contains(page, `value="payment"`) {
		t.Error("the form does not keep what was asked")
	}
	if _, page = get(t, s, "/documents/"+doc.ID+"?level=error"); !strings.Contains(page, "disk &lt;full&gt;") {
		t.Error("a line's text is not escaped")
	}
	if _, page = get(t, s, "/documents/"+doc.ID+"?since=yesterday"); !strings.Contains(page, `id="lines-error"`) {
		t.Error("a bad date gives no reason")
	}
}

// A log's page says when its errors came, beside its span: the incident's
// window, which the error share alone does not give.
func TestDocumentPageErrorWindow(t *testing.T) {
	text := "2024-03-01T10:00:00Z INFO  payment ok order=16\n" +
		"2024-03-01T10:00:05Z ERROR payment failed order=17\n"
	doc := &document.Result{ID: document.ID([]byte(text)), Filename: "pay.log", Language: "en", Text: text}
	doc.Class = "log"
	doc.Log = &document.LogSummary{Lines: 2, Start: "2024-03-01T10:00:00Z", End: "2024-03-01T10:00:05Z",
		ErrorsStart: "2024-03-01T10:00:05Z", ErrorsEnd: "2024-03-01T10:00:05Z"}
	s := newServer(t, Options{Index: openIndex(t, doc)})
	_, body := get(t, s, "/documents/"+doc.ID)
	i := strings.Index(body, `id="doc-error-window"`)
	if i < 0 || !strings.Contains(body[i:min(len(body), i+200)], "10:00:05") {
		t.Errorf("no error window on the page: %.400s", body[max(0, i):])
	}
}

// A log's page finds lines between two clock times typed as the log and
// the page print them ("2024-03-01 10:00:05", no zone, a comma before
// the milliseconds), not only between whole days or RFC 3339 times: a
// reader narrowing to an incident copies the time from a line.
func TestDocumentPageFindsLinesByClockTime(t *testing.T) {
	text := "2024-03-01 10:00:00,120 INFO  payment ok order=16\n" +
		"2024-03-01 10:00:05,300 ERROR payment failed order=17\n" +
		"2024-03-01 10:05:30,250 ERROR payment failed order=18\n" +
		"2024-03-01 10:07:00,000 INFO  payment ok order=19\n"
	doc := &document.Result{ID: document.ID([]byte(text)), Filename: "pay.log", Language: "en", Text: text}
	doc.Class = "log"
	doc.Log = &document.LogSummary{Lines: 4}
	s := newServer(t, Options{Index: openIndex(t, doc)})
	for _, c := range []struct{ query, count, has, not string }{
		{"since=2024-03-01+10:00:05&until=2024-03-01+10:06", "2 of 4 lines match", "order=18", "order=19"},
		{"since=2024-03-01T10:05", "2 of 4 lines match", "order=19", "order=17"},
		{"until=2024-03-01+10:05:30,250", "2 of 4 lines match", "order=17", "order=18"},
	} {
		_, page := get(t, s, "/documents/"+doc.ID+"?"+c.query)
		if strings.Contains(page, `id="lines-error"`) {
			t.Errorf("%s: refused: %s", c.query, between(page, `id="lines-error"`, "</p>"))
			continue
		}
		found := between(page, `id="lines-count"`, "</table>")
		if !strings.Contains(found, c.count) || !strings.Contains(found, c.has) || strings.Contains(found, c.not) {
			t.Errorf("%s: want %q with %s and without %s", c.query, c.count, c.has, c.not)
		}
	}
}

// A log's page lists the users its summary names most, with their
// counts, as the result JSON does; the page showed none of them.
func TestDocumentPageListsUsers(t *testing.T) {
	text := "Mar  3 10:01:02 web01 sshd[1201]: Accepted password for alice from 10.0.0.5 port 52211 ssh2\n" +
		"Mar  3 10:02:41 web01 sshd[1231]: Failed password for root from 203.0.113.4 port 33212 ssh2\n" +
		"Mar  3 10:02:43 web01 sshd[1232]: Failed password for root from 203.0.113.4 port 33213 ssh2\n"
	doc := &document.Result{ID: document.ID([]byte(text)), Filename: "auth.log", Language: "en", Text: text}
	doc.Class = "log"
	doc.Log = &document.LogSummary{Lines: 3, Users: []document.NameCount{{Name: "root", Count: 2}, {Name: "alice", Count: 1}}}
	s := newServer(t, Options{Index: openIndex(t, doc)})
	_, body := get(t, s, "/documents/"+doc.ID)
	i := strings.Index(body, `id="doc-users"`)
	if i < 0 {
		t.Fatalf("no users on the page")
	}
	users := body[i:min(len(body), i+300)]
	if !strings.Contains(users, "root <span class=\"badge\">2</span>") || !strings.Contains(users, "alice <span class=\"badge\">1</span>") {
		t.Errorf("users without their counts: %s", users)
	}
}

// A log's page lists what its summary names, each with its count: the
// addresses failed logins came from (which hosts are guessing passwords),
// failed logins from no remote host (su, a console login, which have no
// address), refused sudo requests apart from the failed logins, the
// systemd units that failed, and the upstreams an nginx error log's errors
// went to.
func TestDocumentPageListsLogFindings(t *testing.T) {
	one := func(name string) []document.NameCount { return []document.NameCount{{Name: name, Count: 1}} }
	cases := []struct {
		name, file, text, id, want string
		summary                    document.LogSummary
	}{
		{"failed login sources", "auth.log", "Mar  3 10:02:41 web01 sshd[1231]: Failed password for root from 203.0.113.4 port 33212 ssh2\n",
			"doc-failed-logins", "203.0.113.4", document.LogSummary{FailedLoginSources: one("203.0.113.4")}},
		{"failed local logins", "auth.log", "Mar 12 03:16:10 bastion su: pam_unix(su:auth): authentication failure; logname=bob uid=1000 euid=0 tty=pts/0 ruser=bob rhost=  user=root\n",
			"doc-failed-local-logins", "bob → root (su)", document.LogSummary{FailedLocalLogins: one("bob → root (su)")}},
		{"denied privileges", "auth.log", "Mar  3 09:20:44 web1 sudo:      bob : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/bash\n",
			"doc-denied-privileges", "bob → root (sudo)", document.LogSummary{DeniedPrivileges: one("bob → root (sudo)")}},
		{"failed units", "journal.log", "Mar 03 10:00:01 web1 systemd[1]: Failed to start nginx.service - A high performance web server and a reverse proxy server.\n",
			"doc-failed-units", "nginx.service", document.LogSummary{FailedUnits: one("nginx.service")}},
		{"failing upstreams", "error.log", `2026/12/03 06:00:01 [error] 1234#1234: *101 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.5, server: shop.example.com, request: "GET /api/orders HTTP/1.1", upstream: "http://10.0.2.11:8080/api/orders", host: "shop.example.com"` + "\n",
			"doc-failing-upstreams", "10.0.2.11:8080", document.LogSummary{FailingUpstreams: one("10.0.2.11:8080")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &document.Result{ID: document.ID([]byte(c.text)), Filename: c.file, Language: "en", Text: c.text}
			doc.Class = "log"
			summary := c.summary
			summary.Lines = 1
			doc.Log = &summary
			s := newServer(t, Options{Index: openIndex(t, doc)})
			_, body := get(t, s, "/documents/"+doc.ID)
			i := strings.Index(body, `id="`+c.id+`"`)
			if i < 0 || !strings.Contains(body[i:min(len(body), i+200)], c.want+` <span class="badge">1</span>`) {
				t.Errorf("no %s on the page: %.300s", c.name, body[max(0, i):])
			}
		})
	}
}

// An access log's page lists its failing requests and the clients they
// came from: a scan's paths and addresses.
func TestDocumentPageListsFailingRequests(t *testing.T) {
	text := `203.0.113.9 - - [03/Mar/2026:10:00:01 +0000] "GET /.env HTTP/1.1" 404 153 "-" "curl/7.68"` + "\n"
	doc := &document.Result{ID: document.ID([]byte(text)), Filename: "access.log", Language: "en", Text: text}
	doc.Class = "log"
	doc.Log = &document.LogSummary{Lines: 1, Access: &document.AccessSummary{Requests: 1, Statuses: map[string]int{"4xx": 1},
		FailingPaths: []document.NameCount{{Name: "GET /.env 404", Count: 1}}, FailingClients: []document.NameCount{{Name: "203.0.113.9", Count: 1}}}}
	s := newServer(t, Options{Index: openIndex(t, doc)})
	_, body := get(t, s, "/documents/"+doc.ID)
	for id, want := range map[string]string{"doc-failing-paths": "GET /.env 404 <span", "doc-failing-clients": "203.0.113.9 <span"} {
		i := strings.Index(body, `id="`+id+`"`)
		if i < 0 || !strings.Contains(body[i:min(len(body), i+200)], want) {
			t.Errorf("no %s on the page: %.300s", id, body[max(0, i):])
		}
	}
}

// A template whose entries all logged one message shows that message
// under it, as the summary sentence does: "(<*>) CMD (<*>)" alone did
// not say who ran what.
func TestDocumentPageShowsTemplateMessage(t *testing.T) {
	text := "Mar  3 10:00:01 web01 CRON[2201]: (alice) CMD (/home/alice/bin/backup.sh)\n"
	doc := &document.Result{ID: document.ID([]byte(text)), Filename: "cron.log", Language: "en", Text: text}
	doc.Class = "log"
	doc.Log = &document.LogSummary{Lines: 2, Templates: []document.TemplateCount{
		{ID: "a1", Template: "(<*>) CMD (<*>)", Count: 2, Message: "(alice) CMD (/home/alice/bin/backup.sh)"},
	}}
	s := newServer(t, Options{Index: openIndex(t, doc)})
	_, body := get(t, s, "/documents/"+doc.ID)
	i := strings.Index(body, `id="doc-templates"`)
	if i < 0 || !strings.Contains(body[i:min(len(body), i+600)], "every entry: <code>(alice) CMD (/home/alice/bin/backup.sh)</code>") {
		t.Errorf("no template message on the page: %.600s", body[max(0, i):])
	}
}
