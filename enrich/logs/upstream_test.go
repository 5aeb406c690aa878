package logs

import (
	"maps"
	"testing"
)

// nginx's error entries name the upstream each failed request went to:
// the summary counts them, without scheme and path, so that it can say
// which backend timed out or refused. Before, "upstream: "<*>"" in the
// template was all it said.
func TestFailingUpstreams(t *testing.T) {
	lines := []string{
		`2026/12/03 06:00:01 [error] 1234#1234: *101 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.5, server: shop.example.com, request: "GET /api/orders HTTP/1.1", upstream: "http://10.0.2.11:8080/api/orders", host: "shop.example.com"`,
		`2026/12/03 06:00:02 [error] 1234#1234: *102 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.6, server: shop.example.com, request: "GET /api/cart HTTP/1.1", upstream: "http://10.0.2.11:8080/api/cart", host: "shop.example.com"`,
		`2026/12/03 06:00:03 [error] 1234#1234: *103 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: shop.example.com, request: "POST /checkout/pay HTTP/1.1", upstream: "http://10.0.2.10:8080/checkout/pay", host: "shop.example.com"`,
		`2026/12/03 06:00:04 [crit] 1234#1234: *104 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 203.0.113.8, server: shop.example.com, request: "GET /index.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "shop.example.com"`,
		`2026/12/03 06:00:05 [warn] 1234#1234: *105 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/1/00/0000000001 while reading upstream, client: 203.0.113.9, server: shop.example.com, request: "GET /api/catalog HTTP/1.1", upstream: "http://10.0.2.12:8080/api/catalog", host: "shop.example.com"`,
	}
	s := Summarize(lines, nil)
	got := map[string]int{}
	for _, u := range s.FailingUpstreams {
		got[u.Name] = u.Count
	}
	// the warning's upstream did not fail
	want := map[string]int{"10.0.2.11:8080": 2, "10.0.2.10:8080": 1, "unix:/run/php/php8.2-fpm.sock": 1}
	if !maps.Equal(got, want) {
		t.Errorf("failing upstreams %v, want %v", got, want)
	}
}
