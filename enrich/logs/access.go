package logs

import (
	"strings"

	"github.com/docmill/docmill/document"
)

// accessStats counts the requests of an access log: by status class, and
// the failing ones (4xx, 5xx) by request and by client. Its templates
// say what was served most, routine 2xx traffic; an on-call reader asks
// first how much failed, where and for whom: which paths a scan probed
// and from which few addresses, which route an outage broke.
type accessStats struct {
	requests int
	classes  map[string]int // "2xx": 182
	paths    nameCounts     // failing requests: "GET /.env 404"
	clients  nameCounts     // failing requests by client address
}

// add counts an entry, its header h and its message content, if it is a
// request.
func (a *accessStats) add(h Header, content string) {
	r, ok := findRequest(content)
	if !ok {
		return
	}
	if a.classes == nil {
		a.classes, a.paths, a.clients = map[string]int{}, nameCounts{}, nameCounts{}
	}
	a.requests++
	status := r.text(content, r.status)
	a.classes[status[:1]+"xx"]++
	if status[0] != '4' && status[0] != '5' {
		return
	}
	a.paths[r.text(content, r.method)+" "+pathShape(r.text(content, r.path))+" "+status]++
	if addr, ok := accessClient(h, content[:min(r.start, r.status[0])]); ok {
		a.clients[addr]++
	}
}

// accessClient returns the address a request came from: the first field
// before the request (Combined Log Format's remote address, after a
// syslog header when nginx logs to syslog), else the first of the
// header (where the header took it in).
func accessClient(h Header, before string) (string, bool) {
	for _, f := range strings.Fields(before) {
		if addr, ok := fieldAddr(f); ok {
			return addr, true
		}
		break
	}
	if f := strings.Fields(h.Raw); len(f) > 0 {
		return fieldAddr(f[0])
	}
	return "", false
}

// summary returns what the requests say, or nil when they are fewer than
// half of entries: a log that is no access log, whose few quoted
// requests are not its traffic.
func (a *accessStats) summary(entries int) *document.AccessSummary {
	if a.requests == 0 || 2*a.requests < entries {
		return nil
	}
	return &document.AccessSummary{
		Requests:       a.requests,
		Statuses:       a.classes,
		FailingPaths:   serverErrorsFirst(a.paths, summaryTopUsers),
		FailingClients: a.clients.top(summaryTopUsers),
	}
}

// serverErrorsFirst returns up to n failing requests ("GET /x 503"): the
// server errors (5xx) first, then the client errors (4xx), each the most
// frequent first, each class given half the room at least when the other
// has more. Ranked by count alone, a scanner's hundreds of 404s filled
// the list and the 5xx of an outage, spread over many routes a few
// apiece, went unnamed.
func serverErrorsFirst(paths nameCounts, n int) []document.NameCount {
	server, client := nameCounts{}, nameCounts{}
	for name, c := range paths {
		if strings.HasSuffix(name[:len(name)-2], " 5") {
			server[name] = c
		} else {
			client[name] = c
		}
	}
	s, c := server.top(n), client.top(n)
	ns := min(len(s), max(n/2, n-len(c)))
	return append(s[:ns], c[:min(len(c), n-ns)]...)
}
