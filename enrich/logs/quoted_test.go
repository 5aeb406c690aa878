package logs

import (
	"strings"
	"testing"
)

// Envoy's default access log writes its response flags, "-" when there
// are none, after the status: the header is the time, and the request,
// whose status is the line's severity, stays in the content, as it does
// when flags are set ("UF,URX").
func TestEnvoyAccessLogKeepsItsRequest(t *testing.T) {
	lines := []string{
		`[2024-12-31T23:50:00.865Z] "GET /v1/payments/1234 HTTP/2" 200 - 0 123 45 67 "203.0.113.9" "grpc-go/1.58.0" "5f1e-aa" "payments.internal:8443" "10.0.0.1:8443"`,
		`[2024-12-31T23:50:01.120Z] "GET /v1/payments/9876 HTTP/2" 200 - 0 88 12 11 "203.0.113.7" "grpc-go/1.58.0" "77ab-cd" "payments.internal:8443" "10.0.0.2:8443"`,
		`[2024-12-31T23:50:02.004Z] "GET /v1/payments/4242 HTTP/2" 503 UF,URX 0 91 30 - "203.0.113.8" "grpc-go/1.58.0" "19cc-ef" "payments.internal:8443" "10.0.0.3:8443"`,
	}
	for _, l := range lines {
		h, content := SplitHeader(l)
		if h.Raw != l[:strings.IndexByte(l, ' ')] || !strings.HasPrefix(content, `"GET `) {
			t.Errorf("%q: header %q, content %q", l, h.Raw, content)
		}
	}
	s := Summarize(lines, nil)
	if s.Levels["INFO"] != 2 || s.Levels["ERROR"] != 1 {
		t.Errorf("levels %v, want INFO 2, ERROR 1", s.Levels)
	}
}
