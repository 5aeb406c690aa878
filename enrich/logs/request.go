package logs

import (
	"regexp"
	"strings"
)

// accessRequestRe finds the request and status of an access log line
// (Common and Combined Log Format: "GET /api/orders/17 HTTP/1.1" 503).
var accessRequestRe = regexp.MustCompile(`"([A-Z]{3,9}) (\S+) HTTP/[\d.]+" ([1-5])\d\d\b`)

var (
	// quotedRequestRe is a quoted request with no status after it.
	quotedRequestRe = regexp.MustCompile(`"([A-Z]{3,9}) (\S+) HTTP/[\d.]+"`)
	// leadingStatusRe is a status written before the request, followed
	// by the response's byte count ("... 0/0/1/35/36 503 212 - - ...
	// "GET /x HTTP/1.1"", as HAProxy's HTTP log and formats modelled on
	// it write it): a lone three-digit number with the size after it.
	leadingStatusRe = regexp.MustCompile(`(?:^|\s)([1-5]\d\d) (?:\d+|-)\s`)
)

// Placeholders mask leaves as written: no digit, no sign it trims.
const (
	pathHolder   = "\x01"
	statusHolder = "\x02"
)

// request is where an access log line's request parts lie, as byte
// offsets into the line.
type request struct {
	start, end           int // the quoted request, quotes included
	method, path, status [2]int
}

// text returns the part of s at span p.
func (r request) text(s string, p [2]int) string { return s[p[0]:p[1]] }

// findRequest finds the request of an access log line and its status:
// after the request (Common and Combined Log Format) or, where none
// follows it, before it with the byte count beside it. ok is false for
// any other line.
func findRequest(s string) (r request, ok bool) {
	if !strings.Contains(s, " HTTP/") {
		return r, false
	}
	if m := accessRequestRe.FindStringSubmatchIndex(s); m != nil {
		end := strings.LastIndexByte(s[:m[6]], '"') + 1
		return request{start: m[0], end: end, method: [2]int{m[2], m[3]}, path: [2]int{m[4], m[5]}, status: [2]int{m[6], m[6] + 3}}, true
	}
	m := quotedRequestRe.FindStringSubmatchIndex(s)
	if m == nil {
		return r, false
	}
	st := leadingStatusRe.FindStringSubmatchIndex(s[:m[0]])
	if st == nil {
		return r, false
	}
	return request{start: m[0], end: m[1], method: [2]int{m[2], m[3]}, path: [2]int{m[4], m[5]}, status: [2]int{st[2], st[3]}}, true
}

// maskRequest rewrites an access log line's request for mining: its
// method, its path's shape (ids masked, names kept: "/api/orders/<*>")
// and its status class ("5xx") are the event, so that a line's template
// tells GET of an order from POST of /login and a success from a server
// error. Masked as any other text, the path was one variable and the
// status another, and a whole access log was one or two templates.
// It returns the line with placeholders, and the path shape and status
// class to put back after masking; ok is false for any other line.
func maskRequest(s string) (out, path, status string, ok bool) {
	r, ok := findRequest(s)
	if !ok {
		return s, "", "", false
	}
	path = pathShape(r.text(s, r.path))
	status = s[r.status[0]:r.status[0]+1] + "xx"
	req := `"` + r.text(s, r.method) + " " + pathHolder + `"`
	if r.status[0] > r.start {
		rest := quotedRe.ReplaceAllString(s[r.status[1]:], `"`+Wildcard+`"`)
		return s[:r.start] + req + " " + statusHolder + rest, path, status, true
	}
	rest := quotedRe.ReplaceAllString(s[r.end:], `"`+Wildcard+`"`)
	return s[:r.status[0]] + statusHolder + s[r.status[1]:r.start] + req + rest, path, status, true
}

// quotedRe is a quoted field after the status (the referer, the user
// agent): its words vary with the client, and as words a browser's agent
// changed the line's length, which split every request by browser.
var quotedRe = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// pathShape masks the segments of a request path that vary per request
// (a number, an id, a token) and drops its query: "/api/orders/1234?x=1"
// reads "/api/orders/<*>". A forward proxy's absolute URL
// ("http://example.com/images/logo.png") reads "http://<*>": its host and
// path are what each client fetched, and kept they made a template per
// URL.
func pathShape(p string) string {
	if scheme, _, ok := strings.Cut(p, "://"); ok && scheme != "" && !strings.ContainsAny(scheme, "/?#") {
		return scheme + "://" + Wildcard
	}
	if i := strings.IndexAny(p, "?#;"); i >= 0 {
		p = p[:i]
	}
	segs := strings.Split(p, "/")
	parent := ""
	for i, seg := range segs {
		if variableSegment(seg) || collectionSlug(parent, seg) {
			segs[i] = Wildcard
		}
		parent = seg
	}
	return strings.Join(segs, "/")
}

// variableSegment reports a path segment that is a value rather than a
// name: one holding a digit or an escape, a slug, or too long for a name.
// An API version ("v1", "v2.1") holds a digit but names the route:
// masked, it read "GET /<*>/orders" in every template and failing
// request.
func variableSegment(seg string) bool {
	if apiVersionRe.MatchString(seg) {
		return false
	}
	return hasDigit(seg) || strings.ContainsAny(seg, "%=") || len(seg) > 32 || slug(seg)
}

// slug reports a segment of three or more words joined by hyphens, as a
// site names an article from its title ("how-to-deploy-nginx"): kept, a
// blog's access log was a template per article, and its 404s were named
// per slug beside "/articles/<*>" for the slugs that held a digit. A
// route's name of one or two words ("user-profiles") stays.
func slug(seg string) bool {
	return strings.Count(seg, "-") >= 2 && !strings.Contains(seg, "--")
}

// collectionSlug reports a slug of two words ("spring-sale",
// "summer-deals") under a segment that names a collection of content
// (collections): a post's or product's name, though as short as a
// route's ("user-profiles", which stays). Kept, "/blog/spring-sale/" and
// "/blog/summer-deals/" were a template each beside "/blog/<*>/" for the
// slugs of three words.
func collectionSlug(parent, seg string) bool {
	return collections[strings.ToLower(parent)] && strings.Count(seg, "-") == 1 &&
		!strings.HasPrefix(seg, "-") && !strings.HasSuffix(seg, "-") && !strings.Contains(seg, ".")
}

// collections are path segments under which a site lists its content by
// name: posts, articles, products, tags and categories.
var collections = map[string]bool{
	"blog": true, "blogs": true, "post": true, "posts": true, "article": true, "articles": true,
	"news": true, "story": true, "stories": true, "product": true, "products": true, "p": true,
	"tag": true, "tags": true, "category": true, "categories": true, "topic": true, "topics": true,
	"collections": true, "recipes": true, "events": true,
}

// apiVersionRe is an API version path segment.
var apiVersionRe = regexp.MustCompile(`^v\d{1,2}(?:\.\d{1,2})?$`)

// restoreRequest puts the path shape and status class back in place of
// their placeholders in the masked tokens.
func restoreRequest(toks []string, path, status string) {
	for i, t := range toks {
		switch {
		case strings.Contains(t, pathHolder):
			toks[i] = strings.Replace(t, pathHolder, path, 1)
		case t == statusHolder:
			toks[i] = status
		}
	}
}

// isStatusClass reports a status class token ("2xx"), which only an
// access log's request yields: any other token with a digit is masked.
func isStatusClass(t string) bool {
	return len(t) == 3 && t[0] >= '1' && t[0] <= '5' && t[1:] == "xx"
}

// sameRequest reports whether the template and the message make the same
// request (method, path shape and status class) where either is an
// access log line's: those name the event, and a template whose path or
// status turned variable held every request of a site. The request
// stands before the status (Combined Log Format) or after it (HAProxy),
// so the quoted method and the path after it are compared wherever they
// stand.
func sameRequest(tpl, toks []string) bool {
	request := false
	for i, t := range tpl {
		if !isStatusClass(t) && !isStatusClass(toks[i]) {
			continue
		}
		request = true
		for j := max(0, i-2); j <= i; j++ {
			if tpl[j] != toks[j] {
				return false
			}
		}
	}
	if !request {
		return true
	}
	for i := 0; i+1 < len(tpl); i++ {
		if (isMethodToken(tpl[i]) || isMethodToken(toks[i])) && (tpl[i] != toks[i] || tpl[i+1] != toks[i+1]) {
			return false
		}
	}
	return true
}

// isMethodToken reports a quoted request's opening token: a quote and
// an HTTP method in capitals ("\"GET").
func isMethodToken(t string) bool {
	if len(t) < 4 || t[0] != '"' {
		return false
	}
	for i := 1; i < len(t); i++ {
		if t[i] < 'A' || t[i] > 'Z' {
			return false
		}
	}
	return len(t) <= 10
}
