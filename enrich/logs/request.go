package logs

import (
	"regexp"
	"strings"
)

// accessRequestRe finds the request and status of an access log line
// (Common and Combined Log Format: "GET /api/orders/17 HTTP/1.1" 503).
var accessRequestRe = regexp.MustCompile(`"([A-Z]{3,9}) (\S+) HTTP/[\d.]+" ([1-5])\d\d\b`)

// Placeholders mask leaves as written: no digit, no sign it trims.
const (
	pathHolder   = "\x01"
	statusHolder = "\x02"
)

// maskRequest rewrites an access log line's request for mining: its
// method, its path's shape (ids masked, names kept: "/api/orders/<*>")
// and its status class ("5xx") are the event, so that a line's template
// tells GET of an order from POST of /login and a success from a server
// error. Masked as any other text, the path was one variable and the
// status another, and a whole access log was one or two templates.
// It returns the line with placeholders, and the path shape and status
// class to put back after masking; ok is false for any other line.
func maskRequest(s string) (out, path, status string, ok bool) {
	if !strings.Contains(s, " HTTP/") {
		return s, "", "", false
	}
	m := accessRequestRe.FindStringSubmatchIndex(s)
	if m == nil {
		return s, "", "", false
	}
	path = pathShape(s[m[4]:m[5]])
	status = s[m[6]:m[7]] + "xx"
	rest := quotedRe.ReplaceAllString(s[m[1]:], `"`+Wildcard+`"`)
	out = s[:m[0]] + `"` + s[m[2]:m[3]] + " " + pathHolder + `" ` + statusHolder + rest
	return out, path, status, true
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
	for i, seg := range segs {
		if variableSegment(seg) {
			segs[i] = Wildcard
		}
	}
	return strings.Join(segs, "/")
}

// variableSegment reports a path segment that is a value rather than a
// name: one holding a digit or an escape, or too long for a name.
func variableSegment(seg string) bool {
	return hasDigit(seg) || strings.ContainsAny(seg, "%=") || len(seg) > 32
}

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
// status turned variable held every request of a site.
func sameRequest(tpl, toks []string) bool {
	for i, t := range tpl {
		if !isStatusClass(t) && !isStatusClass(toks[i]) {
			continue
		}
		for j := max(0, i-2); j <= i; j++ {
			if tpl[j] != toks[j] {
				return false
			}
		}
	}
	return true
}
