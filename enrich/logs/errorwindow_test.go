package logs

import (
	"slices"
	"testing"
)

// The summary says when the first and the last error entry came: where an
// incident sits in a long log. Year-less syslog times take the year a
// dated line gave the log, across a New Year too; a continuation line
// (a stack frame) is no entry of its own.
func TestSummarizeErrorWindow(t *testing.T) {
	for _, c := range []struct {
		name       string
		lines      []string
		start, end string
	}{
		{"dated", []string{
			"2026-11-30 09:00:00 INFO started",
			"2026-11-30 09:24:13 ERROR payment failed for order 17",
			"\tat com.shop.Pay.run(Pay.java:42)",
			"2026-11-30 09:30:00 WARN slow response",
			"2026-11-30 09:31:32 FATAL database unreachable",
			"2026-11-30 09:59:50 INFO recovered",
		}, "2026-11-30T09:24:13", "2026-11-30T09:31:32"},
		{"yearless, one error", []string{
			"Nov 30 09:00:04 web1 sshd[1]: Accepted publickey for alice",
			"Nov 30 09:24:13 web1 kernel: Out of memory: Killed process 3148 (java)",
			"Nov 30 09:59:50 web1 sshd[2]: session closed for user alice",
		}, "--11-30T09:24:13", "--11-30T09:24:13"},
		{"yearless across New Year, dated by a line", []string{
			`Dec 31 23:58:00 lb1 haproxy[1]: 10.0.0.1:5 [31/Dec/2025:23:58:00.100] fe be/app 0/0/1/2/3 200 1 - - ---- 1/1/1/1/0 0/0 "GET / HTTP/1.1"`,
			"Dec 31 23:59:30 lb1 app[2]: ERROR upstream timed out",
			"Jan  1 00:00:40 lb1 app[2]: ERROR upstream timed out",
			"Jan  1 00:05:00 lb1 app[2]: INFO upstream back",
		}, "2025-12-31T23:59:30", "2026-01-01T00:00:40"},
		{"no error", []string{
			"2026-11-30 09:00:00 INFO started",
			"2026-11-30 09:30:00 WARN slow response",
		}, "", ""},
	} {
		s := Summarize(c.lines, nil)
		if s.ErrorsStart != c.start || s.ErrorsEnd != c.end {
			t.Errorf("%s: errors %q to %q, want %q to %q", c.name, s.ErrorsStart, s.ErrorsEnd, c.start, c.end)
		}
	}
}

// An error entry's sample names the exception a traceback or a Java stack
// under it ends or opens with: "unhandled exception in /orders" alone did
// not say that it was a ValueError, nor "request failed" an IOException.
func TestErrorSampleNamesException(t *testing.T) {
	s := Summarize([]string{
		"2026-03-03 10:00:04,004 ERROR app.api: unhandled exception in /orders",
		"Traceback (most recent call last):",
		`  File "/srv/app/api.py", line 42, in handle`,
		"    return process(order)",
		`    raise ValueError("bad order id 991")`,
		"ValueError: bad order id 991",
		"2026-03-03 10:00:05,005 INFO app.main: job finished",
		"2026-03-03 10:00:11,123 ERROR [http-1] c.e.svc.Api - request failed: connection reset by peer",
		"java.io.IOException: connection reset by peer",
		"\tat com.example.svc.Api.handle(Api.java:88)",
		"2026-03-03 10:00:12,123 ERROR [http-1] c.e.svc.Api - disk full",
	}, nil)
	want := []string{
		"2026-03-03 10:00:04,004 ERROR app.api: unhandled exception in /orders ⏎ ValueError: bad order id 991",
		"2026-03-03 10:00:11,123 ERROR [http-1] c.e.svc.Api - request failed: connection reset by peer ⏎ java.io.IOException: connection reset by peer",
		"2026-03-03 10:00:12,123 ERROR [http-1] c.e.svc.Api - disk full",
	}
	if !slices.Equal(s.Errors, want) {
		t.Errorf("error samples\n%q\nwant\n%q", s.Errors, want)
	}
}

// A structured record names its error in a field of its own beside the
// message: "charge failed" alone did not say that the card was declined.
// The template carries it as its exception, from JSON (a nested ECS
// error, a Python traceback in exc_info) and logfmt records alike.
func TestStructuredRecordErrorIsException(t *testing.T) {
	s := Summarize([]string{
		`{"time":"2026-12-02T10:00:01Z","level":"error","msg":"charge failed","order_id":1001,"error":"stripe: card_declined (insufficient_funds)"}`,
		`{"time":"2026-12-02T10:00:02Z","level":"info","msg":"request completed","status":200}`,
		`{"@timestamp":"2026-12-02T10:00:03Z","log.level":"error","message":"sync aborted","error":{"type":"IOError","message":"bucket unreachable"}}`,
		`{"time":"2026-12-02T10:00:04Z","levelname":"ERROR","message":"job crashed","exc_info":"Traceback (most recent call last):\n  File \"job.py\", line 3, in run\nKeyError: 'customer_id'"}`,
		`time=2026-12-02T10:00:05Z level=error msg="db query failed" err="pq: deadlock detected"`,
		`{"time":"2026-12-02T10:00:06Z","level":"info","msg":"retry scheduled","error":"none"}`,
	}, nil)
	want := map[string]string{
		"charge failed":   "stripe: card_declined (insufficient_funds)",
		"sync aborted":    "bucket unreachable",
		"job crashed":     "KeyError: 'customer_id'",
		"db query failed": "pq: deadlock detected",
		// an entry below error level reports no exception
		"retry scheduled": "",
	}
	for _, tpl := range s.Templates {
		if w, ok := want[tpl.Template]; ok && tpl.Exception != w {
			t.Errorf("%q: exception %q, want %q", tpl.Template, tpl.Exception, w)
		}
		delete(want, tpl.Template)
	}
	if len(want) > 0 {
		t.Errorf("templates %v missing", want)
	}
}
