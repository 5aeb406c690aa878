package logs

import "strings"

// upstreamField opens the field in which nginx's error log names the
// upstream a failed request was proxied to: `upstream:
// "http://10.0.2.11:8080/api/orders"`.
const upstreamField = `upstream: "`

// failingUpstream is the upstream an nginx error line names, its address
// without the scheme and path ("10.0.2.11:8080"; a unix socket's path,
// "unix:/run/php/php8.2-fpm.sock"), or false. Read only as templates,
// "21× upstream timed out ... upstream: "<*>"" never said which backend
// was down, the first question of an on-call reader.
func failingUpstream(content string) (string, bool) {
	_, rest, ok := strings.Cut(content, upstreamField)
	if !ok {
		return "", false
	}
	addr, _, ok := strings.Cut(rest, `"`)
	if _, hostPath, found := strings.Cut(addr, "://"); found {
		addr = hostPath
	}
	if strings.HasPrefix(addr, "unix:") {
		// nginx ends a socket's path with a colon, before the URI
		addr = strings.TrimSuffix(addr, ":")
	} else {
		addr, _, _ = strings.Cut(addr, "/")
	}
	return addr, ok && addr != ""
}
