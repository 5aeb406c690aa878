package logs

import (
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"
)

// Log notations of today's systems beyond loghub's: container runtime
// wrappers around the application's own line, glog/klog, Python's default
// format, numeric and nested JSON levels, epoch milliseconds and other
// JSON time fields, ISO offsets without a colon, zone abbreviations,
// Apache 2.4's [module:level].
func TestSplitHeaderModernFormats(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	cases := []struct {
		name, line, content, level string
		time                       time.Time
	}{
		{"CRI full line", "2024-01-02T10:00:00.123456789Z stdout F server: listening on port 8000", "listening on port 8000", "", at("2024-01-02T10:00:00.123456789Z")},
		{"CRI around klog", "2024-01-02T10:00:00.5Z stderr F E0102 10:00:00.000003       1 pod.go:103] error syncing pod web-1: timeout", "error syncing pod web-1: timeout", "ERROR", at("2024-01-02T10:00:00.5Z")},
		{"docker json-file around JSON", `{"log":"{\"level\":\"warn\",\"msg\":\"slow disk\"}\n","stream":"stderr","time":"2024-01-02T10:00:00.1Z"}`, "slow disk", "WARN", at("2024-01-02T10:00:00.1Z")},
		{"compose prefix", `api-1    | {"level":"error","msg":"upstream call failed","time":"2024-01-02T10:00:00Z"}`, "upstream call failed", "ERROR", at("2024-01-02T10:00:00Z")},
		{"klog", "W0102 10:03:00.000003 1 file.go:103] reconcile slow for deployment web", "reconcile slow for deployment web", "WARN", time.Date(0, 1, 2, 10, 3, 0, 3000, time.UTC)},
		{"python basicConfig", "ERROR:app.db:connection pool exhausted (12 waiting)", "connection pool exhausted (12 waiting)", "ERROR", time.Time{}},
		{"pino", `{"level":50,"time":1704189600000,"pid":7,"msg":"request failed"}`, "request failed", "ERROR", at("2024-01-02T10:00:00Z")},
		{"bunyan", `{"name":"pay","level":40,"msg":"charge declined","time":"2024-01-02T10:00:00.000Z","v":0}`, "charge declined", "WARN", at("2024-01-02T10:00:00Z")},
		{"ECS nested", `{"@timestamp":"2024-01-02T10:00:00Z","log":{"level":"error"},"message":"login failed"}`, "login failed", "ERROR", at("2024-01-02T10:00:00Z")},
		{"CLEF without @l", `{"@t":"2024-01-02T10:00:00.1234567+01:00","@mt":"Processed {Count} in {Ms}","Count":3}`, "Processed {Count} in {Ms}", "INFO", at("2024-01-02T10:00:00.1234567+01:00")},
		{".NET console JSON", `{"Timestamp":"2024-01-02T10:00:00Z","EventId":0,"LogLevel":"Critical","Category":"Orders","Message":"Order 7 state critical"}`, "Order 7 state critical", "FATAL", at("2024-01-02T10:00:00Z")},
		{"log4j2 JSON", `{"instant":{"epochSecond":1704189600,"nanoOfSecond":123000000},"level":"WARN","message":"order 5 handled"}`, "order 5 handled", "WARN", at("2024-01-02T10:00:00.123Z")},
		{"journald JSON", `{"__REALTIME_TIMESTAMP":"1704189600000000","PRIORITY":"3","MESSAGE":"pod sync failed for web"}`, "pod sync failed for web", "ERROR", at("2024-01-02T10:00:00Z")},
		{"ISO offset without colon", "2024-01-02T10:00:00+0100 host sshd[9]: Accepted publickey for deploy", "Accepted publickey for deploy", "", at("2024-01-02T10:00:00+01:00")},
		{"zone abbreviation", "2024-01-02 10:00:00.123 CET [4000] app@shop ERROR:  duplicate key value", "duplicate key value", "ERROR", at("2024-01-02T10:00:00.123+01:00")},
		{"Apache 2.4", "[Tue Jan 02 10:00:00.019 2024] [proxy:error] [pid 7] AH00957: HTTP: failed to make connection", "HTTP: failed to make connection", "ERROR", time.Time{}},
	}
	for _, c := range cases {
		h, content := SplitHeader(c.line)
		if content != c.content || h.Level != c.level || (!c.time.IsZero() && !h.Time.Equal(c.time)) {
			t.Errorf("%s: level %q time %v content %q; want %q %v %q", c.name, h.Level, h.Time, content, c.level, c.time, c.content)
		}
	}
	// the CRI tag F is no FATAL level
	if h, _ := SplitHeader("2024-01-02T10:00:00Z stdout F job 7 done"); h.Level != "" {
		t.Errorf("CRI tag read as level %q", h.Level)
	}
}

// Entries span several lines in Python tracebacks, Go panics with their
// goroutine dumps, PostgreSQL's DETAIL/STATEMENT lines and CRI partial
// lines; an access log's status is its severity.
func TestSummarizeMultiLineEntries(t *testing.T) {
	cases := []struct {
		name    string
		lines   []string
		entries int
		errors  int
	}{
		{"python traceback", []string{
			"2024-01-02 10:00:00,123 INFO worker: processed job 1",
			"2024-01-02 10:00:01,456 ERROR worker: job 2 failed",
			"Traceback (most recent call last):",
			`  File "worker.py", line 10, in run`,
			"    n = int(raw)",
			"ValueError: invalid literal for int() with base 10: 'x'",
			"",
			"During handling of the above exception, another exception occurred:",
			"",
			"Traceback (most recent call last):",
			`  File "worker.py", line 12, in run`,
			"RuntimeError: job 2 failed",
			"2024-01-02 10:00:02,000 INFO worker: processed job 3",
		}, 3, 1},
		{"python traceback, chained, ending on bare names", []string{
			"2024-01-02 10:00:01,456 ERROR worker: job 2 failed",
			"Traceback (most recent call last):",
			`  File "worker.py", line 10, in run`,
			"psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint",
			"",
			"During handling of the above exception, another exception occurred:",
			"",
			"Traceback (most recent call last):",
			`  File "worker.py", line 12, in run`,
			"KeyboardInterrupt",
			"2024-01-02 10:00:02,000 INFO worker: stopped",
		}, 2, 1},
		{"go panic", []string{
			"2024/01/02 10:00:00 serving request id=1",
			"panic: runtime error: invalid memory address or nil pointer dereference",
			"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]",
			"",
			"goroutine 1 [running]:",
			"main.handler(0xc000012345, {0x1, 0x2})",
			"\t/app/main.go:42 +0x1d",
			"main.main()",
			"\t/app/main.go:12 +0x25",
			"created by net/http.(*Server).Serve in goroutine 1",
			"exit status 2",
		}, 2, 1},
		{"postgres details", []string{
			"2024-01-02 10:00:00.123 CET [4000] app@shop ERROR:  duplicate key value violates unique constraint \"orders_pkey\"",
			"2024-01-02 10:00:00.123 CET [4000] app@shop DETAIL:  Key (id)=(5) already exists.",
			"2024-01-02 10:00:00.123 CET [4000] app@shop STATEMENT:  INSERT INTO orders (id) VALUES (5)",
			"2024-01-02 10:00:01.456 CET [4001] app@shop LOG:  duration: 1.2 ms  statement: SELECT 1",
		}, 2, 1},
		{"CRI partial", []string{
			"2024-01-02T10:00:00Z stdout P this is a very long message that the runtime split into",
			"2024-01-02T10:00:00Z stdout F two parts for request 7",
			"2024-01-02T10:00:01Z stderr F error syncing pod web-1",
		}, 2, 0},
		{"access log", []string{
			`10.0.0.1 - - [02/Jan/2024:10:00:00 +0100] "GET /a HTTP/1.1" 200 512 "-" "curl/8"`,
			`10.0.0.2 - - [02/Jan/2024:10:00:01 +0100] "GET /b HTTP/1.1" 502 0 "-" "curl/8"`,
			`10.0.0.3 - - [02/Jan/2024:10:00:02 +0100] "POST /c HTTP/1.1" 503 0 "-" "curl/8"`,
		}, 3, 2},
	}
	for _, c := range cases {
		s := Summarize(c.lines, nil)
		entries := s.Entries
		if entries == 0 {
			entries = s.Lines
		}
		if entries != c.entries || s.Levels["ERROR"]+s.Levels["FATAL"] != c.errors {
			t.Errorf("%s: %d entries, levels %v; want %d entries, %d errors", c.name, entries, s.Levels, c.entries, c.errors)
		}
	}
}

// A traceback ends on the exception it reports, whatever its name
// ("KeyboardInterrupt", "psycopg2.errors.UniqueViolation: ..."): that line
// is the traceback's, while the next line with a time or a level is an
// entry of its own. Outside a traceback such a line opens an entry.
func TestSummarizeTracebackFinalLine(t *testing.T) {
	finals := []string{
		"KeyboardInterrupt",
		"SystemExit: 2",
		"StopIteration",
		"GeneratorExit",
		"Timeout",
		"Warning: resource usage is high",
		"requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api', port=443): Max retries exceeded",
		"django.core.exceptions.PermissionDenied",
		"asyncio.CancelledError",
		`psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "users_email_key"`,
		"botocore.exceptions.NoCredentialsError: Unable to locate credentials",
		"jwt.exceptions.ExpiredSignatureError: Signature has expired",
	}
	for _, next := range []string{"2024-01-02 10:00:02,000 INFO worker: processed job 3", "ERROR: job 3 failed"} {
		for _, final := range finals {
			s := Summarize([]string{
				"2024-01-02 10:00:01,456 ERROR worker: job 2 failed",
				"Traceback (most recent call last):",
				`  File "worker.py", line 10, in run`,
				"    result = fetch(job)",
				final,
				"",
				next,
			}, nil)
			if s.Entries != 2 {
				t.Errorf("%q then %q: %d entries, want 2", final, next, s.Entries)
			}
		}
	}
	// no traceback above: the same words are entries
	s := Summarize([]string{"2024-01-02 10:00:01 INFO worker: started", "Timeout", "StopIteration"}, nil)
	if s.Entries != 0 || s.Lines != 3 {
		t.Errorf("untraced lines: %d lines, %d entries; want 3 lines, each an entry", s.Lines, s.Entries)
	}
}

// A template of a megabyte-long line is shown by its opening: whole, it
// made a result over the message limit and its key phrases cost gigabytes.
func TestLongTemplatesClipped(t *testing.T) {
	words := make([]string, 0, 200000)
	for i := 0; len(words) < cap(words); i++ {
		words = append(words, fmt.Sprintf("w%c%c", 'a'+i%26, 'a'+(i/26)%26))
	}
	line := "2024-05-13T10:00:00Z ERROR " + strings.Join(words, " ")
	s := Summarize([]string{line, line, "2024-05-13T10:00:01Z INFO short line"}, NewMiner(DefaultConfig()))
	if len(s.Templates) == 0 {
		t.Fatal("no templates")
	}
	for _, tpl := range s.Templates {
		if len(tpl.Template) > templateMaxBytes+len("…") {
			t.Errorf("template of %d bytes", len(tpl.Template))
		}
	}
}

// Celery writes time, level and process in one bracket:
// "[2025-10-02 11:01:33,120: WARNING/ForkPoolWorker-1] message". Taken
// whole as one bracketed token, it gave no time and no level.
func TestBracketedTimeLevelHeader(t *testing.T) {
	lines := []string{
		"[2025-10-02 11:00:01,204: INFO/MainProcess] Connected to redis://redis:6379/0",
		"[2025-10-02 11:01:33,120: WARNING/ForkPoolWorker-1] Task emails.send_receipt[a0d2] retry: Retry in 60s: SMTPServerDisconnected('Connection unexpectedly closed')",
		"[2025-10-02 11:02:33,500: ERROR/ForkPoolWorker-1] Task emails.send_receipt[a0d2] raised unexpected: SMTPServerDisconnected('Connection unexpectedly closed')",
		"[2025-10-02 11:06:10,000: WARNING/MainProcess] Substantial drift from celery@worker-a1b2 may mean clocks are out of sync.",
		"[2025-10-02 11:10:00,002: CRITICAL/MainProcess] Unrecoverable error: ConnectionError('Error 111 connecting to redis:6379. Connection refused.')",
	}
	h, content := SplitHeader(lines[1])
	if h.Level != "WARN" || h.Component != "ForkPoolWorker-1" || !strings.HasPrefix(content, "Task emails.send_receipt[a0d2] retry:") ||
		!h.Time.Equal(time.Date(2025, 10, 2, 11, 1, 33, 120e6, time.UTC)) {
		t.Errorf("SplitHeader: %+v, %q", h, content)
	}
	s := Summarize(lines, nil)
	want := map[string]int{"INFO": 1, "WARN": 2, "ERROR": 1, "FATAL": 1}
	if !maps.Equal(s.Levels, want) || s.ErrorShare != 0.8 {
		t.Errorf("levels %v, share %v; want %v, 0.8", s.Levels, s.ErrorShare, want)
	}
	if s.Start != "2025-10-02T11:00:01.204" || s.End != "2025-10-02T11:10:00.002" {
		t.Errorf("span %s .. %s", s.Start, s.End)
	}
	// a bracketed time alone, or a bracket that holds no time, is left to
	// the token reader
	for line, want := range map[string]string{
		"[03.01 10:00:01] app.exe - host:80 open through proxy": "host:80 open through proxy",
		"[2025-10-02 11:00:01] INFO worker: started":            "started",
	} {
		if _, content := SplitHeader(line); content != want {
			t.Errorf("%q: content %q, want %q", line, content, want)
		}
	}
}

// logfmt lines (logrus's text format, go-kit) are read as JSON lines are:
// level and time from their keys, the message field as the content. Read
// as plain text, they had no time and every template kept the
// `time="<*>" level=info msg=` boilerplate.
func TestLogfmtLines(t *testing.T) {
	cases := []struct {
		line, content, level string
		time                 time.Time
	}{
		{`time="2025-11-03T22:41:07+01:00" level=info msg="starting ingest worker" version=2.4.1 workers=8`, "starting ingest worker", "INFO",
			time.Date(2025, 11, 3, 21, 41, 7, 0, time.UTC)},
		{`time="2025-11-03T22:41:12+01:00" level=error msg="thumbnail generation failed" file="uploads/a \"b\".heic" error="unsupported format"`, "thumbnail generation failed", "ERROR",
			time.Date(2025, 11, 3, 21, 41, 12, 0, time.UTC)},
		{`ts=2025-11-03T22:41:09.500Z level=warn caller=queue.go:91 msg="queue backlog high" depth=18231`, "queue backlog high", "WARN",
			time.Date(2025, 11, 3, 22, 41, 9, 500e6, time.UTC)},
		{`level=debug msg=tick`, "tick", "DEBUG", time.Time{}},
	}
	for _, c := range cases {
		h, content := SplitHeader(c.line)
		if content != c.content || h.Level != c.level || !h.Time.Equal(c.time) {
			t.Errorf("%q: level %q time %v content %q; want %q %v %q", c.line, h.Level, h.Time, content, c.level, c.time, c.content)
		}
	}
	// a message with pairs in it, a line without a message field, an
	// unclosed quote: no logfmt lines
	for _, line := range []string{
		"user=root retry in 5s",
		`time="2025-11-03T22:41:07+01:00" level=info method=GET path=/ status=200`,
		`level=info msg="unclosed`,
	} {
		if _, content := SplitHeader(line); content != line {
			t.Errorf("%q read as logfmt: content %q", line, content)
		}
	}
	s := Summarize([]string{cases[0].line, cases[1].line}, nil)
	if s.Start != "2025-11-03T22:41:07+01:00" || s.End != "2025-11-03T22:41:12+01:00" {
		t.Errorf("span %s .. %s", s.Start, s.End)
	}
	for _, tpl := range s.Templates {
		if strings.Contains(tpl.Template, "level=") || strings.Contains(tpl.Template, "msg=") {
			t.Errorf("template %q keeps the logfmt keys", tpl.Template)
		}
	}
}

// journalctl frames its output with "-- ... --" lines: the range of the
// journal above it, boots, "-- No entries --". They are no entries, and
// the journal's range was taken for an entry's time (a span "from May 2
// 07:58:07 to 2025-04-28 00:00:01 UTC").
func TestJournalMarkersAreNoEntries(t *testing.T) {
	lines := []string{
		"-- Journal begins at Mon 2025-04-28 00:00:01 UTC, ends at Fri 2025-05-02 12:00:00 UTC. --",
		"May 02 07:58:07 web-03 systemd[1]: nginx.service: Main process exited, code=exited, status=1/FAILURE",
		"-- Boot 3a1f0c2e9b7d4c55a0e1f2d3c4b5a697 --",
		"May 02 08:01:27 web-03 kernel: Out of memory: Killed process 24639 (java) total-vm:8123456kB, anon-rss:6012345kB",
		"-- Reboot --",
		"May 02 08:03:48 web-03 systemd[1]: Started Session 36883 of User deploy.",
	}
	s := Summarize(lines, nil)
	if s.Lines != 6 || s.Entries != 3 || s.Start != "--05-02T07:58:07" || s.End != "--05-02T08:03:48" {
		t.Errorf("%d lines, %d entries, span %s .. %s; want 6, 3, --05-02T07:58:07 .. --05-02T08:03:48", s.Lines, s.Entries, s.Start, s.End)
	}
	for _, tpl := range s.Templates {
		if strings.HasPrefix(tpl.Template, "--") {
			t.Errorf("marker mined as template %q", tpl.Template)
		}
	}
	if h, _ := SplitHeader("-- No entries --"); !h.Marker {
		t.Error(`"-- No entries --" is no marker`)
	}
}

// A GitHub Actions log stamps each line with the runner's time; workflow
// commands after it are the level ("##[error]", "##[warning]") or fold
// the log ("##[group]", "##[endgroup]": no entries); Go's test verdicts
// "--- FAIL: TestX" and "FAIL pkg" are errors.
func TestCIWorkflowCommands(t *testing.T) {
	lines := []string{
		"2025-08-04T09:15:02.9912871Z ##[group]Run go vet ./...",
		"2025-08-04T09:15:10.1198123Z ##[warning]internal/ledger/post.go:118:2: unreachable code",
		"2025-08-04T09:15:10.2220191Z ##[endgroup]",
		"2025-08-04T09:15:41.0091212Z ok  \tgithub.com/acme/payments-gateway/internal/auth\t2.114s",
		"2025-08-04T09:16:20.1192231Z --- FAIL: TestRefundPartial (0.42s)",
		"2025-08-04T09:16:20.1203312Z FAIL\tgithub.com/acme/payments-gateway/internal/ledger\t3.882s",
		"2025-08-04T09:16:22.3391021Z ##[error]Process completed with exit code 1.",
		"2025-08-04T09:16:22.9981203Z Cleaning up orphan processes",
	}
	h, content := SplitHeader(lines[6])
	if h.Level != "ERROR" || content != "Process completed with exit code 1." || h.Time.IsZero() {
		t.Errorf("SplitHeader: %+v, %q", h, content)
	}
	s := Summarize(lines, nil)
	want := map[string]int{"WARN": 1, "ERROR": 3}
	if !maps.Equal(s.Levels, want) || s.Entries != 6 {
		t.Errorf("levels %v, %d entries; want %v, 6 entries", s.Levels, s.Entries, want)
	}
	if s.Start != "2025-08-04T09:15:02.9912871Z" || s.End != "2025-08-04T09:16:22.9981203Z" {
		t.Errorf("span %s .. %s", s.Start, s.End)
	}
	for _, tpl := range s.Templates {
		if strings.Contains(tpl.Template, "group") || strings.Contains(tpl.Template, "##[") {
			t.Errorf("template %q", tpl.Template)
		}
	}
	// "fail" in other cases opens a message and is no level
	if h, _ := SplitHeader("2025-08-04 09:16:20 fail over to replica 2"); h.Level != "" {
		t.Errorf("fail read as level %q", h.Level)
	}
}

// date(1)'s default stamp puts the zone and the year after the time
// ("Mon May 13 10:00:00 CEST 2024"): read without them, a shell script's
// log was yearless and unzoned. Werkzeug's and Django's runserver stamp,
// "[13/May/2024 10:00:00]", gave no time, and an access log written with
// it kept its client and stamp in every template, where nginx's does not.
func TestDateDefaultAndRunserverStamps(t *testing.T) {
	s := Summarize([]string{
		"Mon May 13 10:00:00 CEST 2024 INFO backup started",
		"Mon May 13 11:00:00 CEST 2024 ERROR backup failed",
		"Tue May 14 01:00:00 UTC 2024 INFO backup ok",
	}, nil)
	// CEST then UTC: the span is said in UTC (TestMixedOffsetsSpanInUTC)
	if s.Start != "2024-05-13T08:00:00Z" || s.End != "2024-05-14T01:00:00Z" || s.Levels["ERROR"] != 1 {
		t.Errorf("date(1): span %s .. %s, levels %v", s.Start, s.End, s.Levels)
	}
	if _, content := SplitHeader("Mon May 13 10:00:00 CEST 2024 INFO backup started"); content != "backup started" {
		t.Errorf("date(1): content %q", content)
	}
	s = Summarize([]string{
		`127.0.0.1 - - [13/May/2024 10:00:00] "GET /item/0 HTTP/1.1" 500 -`,
		`127.0.0.1 - - [13/May/2024 10:00:29] "GET /item/1 HTTP/1.1" 200 -`,
	}, nil)
	if s.Start != "2024-05-13T10:00:00" || s.End != "2024-05-13T10:00:29" || s.Levels["ERROR"] != 1 {
		t.Errorf("werkzeug: span %s .. %s, levels %v", s.Start, s.End, s.Levels)
	}
	for _, tpl := range s.Templates {
		if strings.Contains(tpl.Template, "- -") || strings.Contains(tpl.Template, "[") {
			t.Errorf("werkzeug: template %q keeps the header", tpl.Template)
		}
	}
	s = Summarize([]string{"[01/Jan/2024 23:07:00] ERROR job 0 failed", "[02/Jan/2024 02:30:00] INFO job 1 ok"}, nil)
	if s.Start != "2024-01-01T23:07:00" || s.End != "2024-01-02T02:30:00" || s.Levels["ERROR"] != 1 {
		t.Errorf("django: span %s .. %s, levels %v", s.Start, s.End, s.Levels)
	}
}

// PHP-FPM's "[03-Dec-2026 06:01:02]" and Tomcat's "03-Dec-2026
// 06:01:02.123" are times: read as none, their logs had no span and the
// date stayed in the first template of each.
func TestDayMonthNameYearStamps(t *testing.T) {
	tests := []struct {
		name       string
		lines      []string
		start, end string
		content    string
	}{
		{"php-fpm", []string{
			"[03-Dec-2026 06:01:02] NOTICE: fpm is running, pid 1123",
			"[03-Dec-2026 06:20:12] ERROR: [pool www] child 2291 exited on signal 11 (SIGSEGV - core dumped) after 40.1 seconds from start",
		}, "2026-12-03T06:01:02", "2026-12-03T06:20:12", "fpm is running, pid 1123"},
		{"tomcat", []string{
			"03-Dec-2026 06:01:02.123 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [2345] milliseconds",
			"03-Dec-2026 06:05:12.456 SEVERE [http-nio-8080-exec-3] org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() threw exception",
		}, "2026-12-03T06:01:02.123", "2026-12-03T06:05:12.456", ""},
	}
	for _, tc := range tests {
		s := Summarize(tc.lines, nil)
		if s.Start != tc.start || s.End != tc.end || s.Levels["ERROR"] != 1 {
			t.Errorf("%s: span %s .. %s, levels %v; want %s .. %s", tc.name, s.Start, s.End, s.Levels, tc.start, tc.end)
		}
		if _, content := SplitHeader(tc.lines[0]); tc.content != "" && content != tc.content {
			t.Errorf("%s: content %q, want %q", tc.name, content, tc.content)
		}
	}
}

// A log whose times were written with different offsets (services in
// different zones, merged) gives its span and error window in UTC: "from
// 06:00:00 +01:00 to 05:03:00 UTC, errors at 00:02:00 -05:00" read as
// hours apart, and put an error at midnight that came five hours later.
// A log of one offset keeps it.
func TestMixedOffsetsSpanInUTC(t *testing.T) {
	tests := []struct {
		name                 string
		lines                []string
		start, end, errorsAt string
	}{
		{"mixed", []string{
			"2026-12-03T06:00:00+01:00 INFO api started",
			"2026-12-03T05:01:00Z INFO request served",
			"2026-12-03T00:02:00-05:00 ERROR payment failed: timeout",
			"2026-12-03T05:03:00Z INFO request served",
		}, "2026-12-03T05:00:00Z", "2026-12-03T05:03:00Z", "2026-12-03T05:02:00Z"},
		{"one offset", []string{
			"2026-12-03T06:00:00+01:00 INFO api started",
			"2026-12-03T06:02:00+01:00 ERROR payment failed: timeout",
		}, "2026-12-03T06:00:00+01:00", "2026-12-03T06:02:00+01:00", "2026-12-03T06:02:00+01:00"},
	}
	for _, tc := range tests {
		s := Summarize(tc.lines, nil)
		if s.Start != tc.start || s.End != tc.end || s.ErrorsStart != tc.errorsAt {
			t.Errorf("%s: span %s .. %s, errors at %s; want %s .. %s, %s", tc.name, s.Start, s.End, s.ErrorsStart, tc.start, tc.end, tc.errorsAt)
		}
	}
}
