package logs

import (
	"maps"
	"testing"
)

// HAProxy's HTTP log writes the status after its timers, before the
// request: it is the line's severity, as an access log's status is.
func TestHAProxyStatusIsSeverity(t *testing.T) {
	lines := []string{
		`Feb  6 12:14:14 lb1 haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html HTTP/1.1"`,
		`Feb  6 12:14:15 lb1 haproxy[14389]: 10.0.1.3:33318 [06/Feb/2009:12:14:15.001] http-in static/srv2 10/0/30/69/+109 404 120 - - ---- 1/1/1/1/0 0/0 "GET /missing HTTP/1.1"`,
		`Feb  6 12:14:16 lb1 haproxy[14389]: 10.0.1.4:33319 [06/Feb/2009:12:14:16.200] http-in app/<NOSRV> 0/-1/-1/-1/0 503 212 - - SC-- 1/1/0/0/0 0/0 "GET /api/orders HTTP/1.1"`,
	}
	s := Summarize(lines, nil)
	if want := map[string]int{"INFO": 1, "WARN": 1, "ERROR": 1}; !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
}
