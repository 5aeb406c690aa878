package logs

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// An access log's failing requests are counted by request and by client,
// whether nginx writes the file itself or logs to syslog: a scan of 404s
// from two addresses named neither the paths nor the addresses.
func TestAccessLogFailingPathsAndClients(t *testing.T) {
	s := Summarize([]string{
		`203.0.113.9 - - [03/Mar/2026:10:00:01 +0000] "GET /.env HTTP/1.1" 404 153 "-" "curl/7.68"`,
		`203.0.113.9 - - [03/Mar/2026:10:00:02 +0000] "GET /.env?x=1 HTTP/1.1" 404 153 "-" "curl/7.68"`,
		`Mar  3 10:00:03 web1 nginx: 198.51.100.7 - - [03/Mar/2026:10:00:03 +0000] "GET /wp-login.php HTTP/1.1" 404 153 "-" "curl/7.68"`,
		`10.0.0.5 - - [03/Mar/2026:10:00:04 +0000] "POST /api/orders/17 HTTP/1.1" 502 166 "-" "Mozilla/5.0"`,
		`10.0.0.5 - - [03/Mar/2026:10:00:05 +0000] "GET /api/orders/18 HTTP/1.1" 200 512 "-" "Mozilla/5.0"`,
	}, nil)
	a := s.Access
	if a == nil {
		t.Fatal("no access summary")
	}
	if want := map[string]int{"2xx": 1, "4xx": 3, "5xx": 1}; a.Requests != 5 || !maps.Equal(a.Statuses, want) {
		t.Errorf("requests %d, statuses %v, want 5, %v", a.Requests, a.Statuses, want)
	}
	paths := []document.NameCount{{Name: "POST /api/orders/<*> 502", Count: 1}, {Name: "GET /.env 404", Count: 2}, {Name: "GET /wp-login.php 404", Count: 1}}
	if !slices.Equal(a.FailingPaths, paths) {
		t.Errorf("failing paths %+v, want %+v", a.FailingPaths, paths)
	}
	clients := []document.NameCount{{Name: "203.0.113.9", Count: 2}, {Name: "10.0.0.5", Count: 1}, {Name: "198.51.100.7", Count: 1}}
	if !slices.Equal(a.FailingClients, clients) {
		t.Errorf("failing clients %+v, want %+v", a.FailingClients, clients)
	}
}

// A log that quotes a request now and then is no access log.
func TestFewRequestsAreNoAccessLog(t *testing.T) {
	s := Summarize([]string{
		`2026-03-03 10:00:01 INFO upstream said "GET /health HTTP/1.1" 503 0`,
		`2026-03-03 10:00:02 INFO cache warmed`,
		`2026-03-03 10:00:03 INFO cache warmed`,
	}, nil)
	if s.Access != nil {
		t.Errorf("access summary %+v for an application log", s.Access)
	}
}

// An outage's 5xx, spread over many routes a few apiece, are listed
// before a scanner's hundreds of 404s, which ranked by count alone
// filled the list; the scan keeps half the room.
func TestAccessLogServerErrorsFirst(t *testing.T) {
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf(`203.0.113.9 - - [03/Mar/2026:10:00:%02d +0000] "GET /scan/%c%c.php HTTP/1.1" 404 153 "-" "zgrab"`, i%60, 'a'+i%12, 'a'+i%12))
	}
	for i := range 12 {
		lines = append(lines, fmt.Sprintf(`10.0.0.5 - - [03/Mar/2026:10:01:%02d +0000] "GET /api/route%c HTTP/1.1" 503 0 "-" "app"`, i, 'a'+i))
	}
	a := Summarize(lines, nil).Access
	if a == nil || len(a.FailingPaths) != 10 {
		t.Fatalf("failing paths %+v, want ten", a)
	}
	for i, p := range a.FailingPaths {
		if server := strings.HasSuffix(p.Name, " 503"); server != (i < 5) {
			t.Errorf("failing path %d is %s: want the five server errors, then the client errors", i, p.Name)
		}
	}
}
