package logs

import (
	"fmt"
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
