package index

import (
	"regexp"
	"strings"
)

// fieldHost holds the domains of the host names a text writes, each with
// the domains above it ("docs.example.com" and "example.com"): the
// analyser keeps a host name one word, so a query for "example.com"
// matched "example.com" and "www.example.com" (urlTerm) but no other
// sub-domain. A keyword field, out of _all: the parents are no words of
// the text, and a query for "docs.example.com" must not find every
// example.com.
const fieldHost = "host"

// hostRe is a host name with a sub-domain: three labels or more, the last
// a top-level domain of letters ("docs.example.com", "eur-lex.europa.eu";
// not "Section 2.3.a", "U.S.A." or "v1.2.3").
var hostRe = regexp.MustCompile(`(?i)\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}[a-z]{2,24}\b`)

// maxHosts bounds the domains a document indexes (a crawl dump names
// thousands).
const maxHosts = 200

// hostDomains lists the domains of text's host names and of their parents,
// lower case, each once.
func hostDomains(text string) []string {
	var out []string
	seen := map[string]bool{}
	// (a bound on the matches too: a text that names one host a million
	// times is read no further than it needs)
	for _, h := range hostRe.FindAllString(text, 8*maxHosts) {
		labels := strings.Split(strings.ToLower(h), ".")
		for i := 0; i+2 <= len(labels) && len(out) < maxHosts; i++ {
			d := strings.Join(labels[i:], ".")
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out
}
