package logs

import (
	"maps"
	"strings"
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

// An access log was one or two templates: the request path and the
// status were masked as any other value. The method, the path's shape
// and the status class are the event; ids in the path, the query, the
// referer and the user agent (a browser's of many words) stay variables.
func TestAccessLogRequestShapes(t *testing.T) {
	ua := `"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"`
	m := NewMiner(DefaultConfig())
	for _, l := range []string{
		`"GET /api/orders/1234 HTTP/1.1" 200 512 "-" "curl/8.0"`,
		`"GET /api/orders/5678?expand=items HTTP/2.0" 200 498 "https://shop.example.com/cart" ` + ua,
		`"GET /api/orders/91 HTTP/1.1" 500 12 "-" "curl/8.0"`,
		`"GET /api/orders/92 HTTP/1.1" 503 12 "-" "curl/8.0"`,
		`"POST /login HTTP/1.1" 302 0 "https://shop.example.com/" ` + ua,
		`"POST /login HTTP/1.1" 302 0 "-" "curl/8.0"`,
		`"POST /login HTTP/1.1" 401 23 "-" "curl/8.0"`,
	} {
		m.Add(l)
	}
	want := map[string]int{
		`"GET /api/orders/<*>" 2xx <*> "<*>" "<*>"`: 2,
		`"GET /api/orders/<*>" 5xx <*> "<*>" "<*>"`: 2,
		`"POST /login" 3xx <*> "<*>" "<*>"`:         2,
		`"POST /login" 4xx <*> "<*>" "<*>"`:         1,
	}
	wantMined(t, m.Templates(), want)
}

// A forward proxy logs absolute URLs: the host and path are what each
// client fetched, and kept they made a template per URL.
func TestProxyAccessLogURLs(t *testing.T) {
	m := NewMiner(DefaultConfig())
	ids := map[string]bool{}
	for _, l := range []string{
		`10.0.0.5 - - [30/Nov/2026:09:00:01 +0000] "GET http://example.com/index.html HTTP/1.1" 200 5120 "-" "curl/8.0"`,
		`10.0.0.6 - - [30/Nov/2026:09:00:02 +0000] "GET http://news.example.org/world/europe HTTP/1.1" 200 812 "-" "curl/8.0"`,
		`10.0.0.7 - - [30/Nov/2026:09:00:03 +0000] "GET https://cdn.example.net/img/logo.png HTTP/1.1" 200 77 "-" "curl/8.0"`,
	} {
		id, _, _ := m.Add(l)
		ids[id] = true
	}
	if len(ids) > 2 {
		t.Errorf("%d templates for three proxied GETs that succeeded, want at most 2 (http and https)", len(ids))
	}
	if _, tpl, _ := m.Add(`10.0.0.8 - - [30/Nov/2026:09:00:04 +0000] "GET http://example.com/missing HTTP/1.1" 404 0 "-" "curl/8.0"`); !strings.Contains(tpl, "http://<*>") || !strings.Contains(tpl, "4xx") {
		t.Errorf("template %q, want the scheme with the host masked and the status class", tpl)
	}
}

// HAProxy's HTTP log writes the status before the request, after its
// timers and with the byte count beside it: read as an access log, its
// 503s are failing requests of a client, and its templates tell one
// route from another rather than make the whole log one line shape.
func TestStatusBeforeRequestIsAccessLog(t *testing.T) {
	var lines []string
	for i, r := range []struct{ client, status, req string }{
		{"203.0.113.9:51234", "503", "GET /api/orders HTTP/1.1"},
		{"203.0.113.9:51235", "503", "GET /api/orders HTTP/1.1"},
		{"198.51.100.4:40000", "200", "GET /api/orders HTTP/1.1"},
		{"198.51.100.4:40001", "200", "POST /api/payments HTTP/1.1"},
	} {
		lines = append(lines, `Dec  2 10:00:0`+string(rune('1'+i))+` lb1 haproxy[1234]: `+r.client+` [02/Dec/2026:10:00:01.123] fe_https be_api/api2 0/0/1/35/36 `+r.status+` 212 - - ---- 1/1/0/0/0 0/0 "`+r.req+`"`)
	}
	s := Summarize(lines, nil)
	if s.Access == nil {
		t.Fatal("no access summary for a HAProxy HTTP log")
	}
	if want := map[string]int{"2xx": 2, "5xx": 2}; !maps.Equal(s.Access.Statuses, want) {
		t.Errorf("statuses %v, want %v", s.Access.Statuses, want)
	}
	if len(s.Access.FailingPaths) != 1 || s.Access.FailingPaths[0].Name != "GET /api/orders 503" || s.Access.FailingPaths[0].Count != 2 {
		t.Errorf("failing paths %v, want GET /api/orders 503 twice", s.Access.FailingPaths)
	}
	if len(s.Access.FailingClients) != 1 || s.Access.FailingClients[0].Name != "203.0.113.9" {
		t.Errorf("failing clients %v, want 203.0.113.9", s.Access.FailingClients)
	}
	if len(s.Templates) != 3 {
		t.Errorf("%d templates, want 3 (orders failing, orders served, payments served): %v", len(s.Templates), s.Templates)
	}
}

// An API version in a path names the route: "GET /<*>/orders" said
// neither which API failed nor that its versions differ.
func TestRequestPathKeepsAPIVersion(t *testing.T) {
	for p, want := range map[string]string{
		"/v1/orders/1234":      "/v1/orders/<*>",
		"/api/v2.1/users/55":   "/api/v2.1/users/<*>",
		"/api/v1beta1/pods":    "/api/<*>/pods",
		"/files/v123456/x.bin": "/files/<*>/x.bin",
	} {
		if got := pathShape(p); got != want {
			t.Errorf("pathShape(%q) = %q, want %q", p, got, want)
		}
	}
}

// An article's slug is a value: a blog's access log was a template per
// article ("GET /articles/how-to-deploy-nginx" beside "GET
// /articles/why-rust-is-fast"), and its 404s named one slug each. A
// route of one or two words stays a name.
func TestRequestPathMasksSlugs(t *testing.T) {
	for p, want := range map[string]string{
		"/articles/how-to-deploy-nginx":     "/articles/<*>",
		"/articles/why-rust-is-fast":        "/articles/<*>",
		"/blog/10-tips-for-sre/comments":    "/blog/<*>/comments",
		"/api/user-profiles":                "/api/user-profiles",
		"/.well-known/openid-configuration": "/.well-known/openid-configuration",
	} {
		if got := pathShape(p); got != want {
			t.Errorf("pathShape(%q) = %q, want %q", p, got, want)
		}
	}
}

// A slug of two words under a collection of content is a value too:
// "/blog/summer-deals/" and "/blog/new-arrivals/" were a template each
// beside "/blog/<*>/". A route of two words elsewhere stays a name, and
// so does a file under a collection.
func TestRequestPathMasksTwoWordSlugs(t *testing.T) {
	for p, want := range map[string]string{
		"/blog/summer-deals/":          "/blog/<*>/",
		"/products/gift-cards?ref=nav": "/products/<*>",
		"/tags/on-call/feed":           "/tags/<*>/feed",
		"/account/reset-password":      "/account/reset-password",
		"/api/user-profiles":           "/api/user-profiles",
		"/blog/feed":                   "/blog/feed",
		"/blog/style-main.css":         "/blog/style-main.css",
	} {
		if got := pathShape(p); got != want {
			t.Errorf("pathShape(%q) = %q, want %q", p, got, want)
		}
	}
}
