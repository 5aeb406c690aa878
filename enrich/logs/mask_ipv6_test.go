package logs

import (
	"slices"
	"testing"

	"github.com/docmill/docmill/document"
)

// An IPv6 address written short or with a port ("[2001:db8::5]:443")
// is one variable: the bracketed form left "Connection closed by [<*>",
// its "]:443" taken into the wildcard. So is an IPv4-mapped one, which
// was left "[::ffff:<*>]:80". Names with "::" in them stay.
func TestIPv6AddressesAreVariables(t *testing.T) {
	m := NewMiner(DefaultConfig())
	for _, c := range []struct{ line, want string }{
		{"Connection closed by [2001:db8::5]:443", "Connection closed by <*>"},
		{"Connection reset by [fe80::1%eth0]:8443 [preauth]", "Connection reset by <*> [preauth]"},
		{"listening on [::]:22 (ssh)", "listening on <*> (ssh)"},
		{"client: [::ffff:192.0.2.1]:80, upstream closed", "client: <*>, upstream closed"},
		{"accepted ::ffff:10.1.2.3 as peer", "accepted <*> as peer"},
		{"route via fe80::1: gateway unreachable", "route via <*>: gateway unreachable"},
		{"template std::vector and Foo::Bar::baz left alone", "template std::vector and Foo::Bar::baz left alone"},
	} {
		if _, tpl, _ := m.Add(c.line); tpl != c.want {
			t.Errorf("%q: template %q, want %q", c.line, tpl, c.want)
		}
	}
}

// A failed login from a bracketed IPv6 address with a port counts its
// address; it was not read as one, and the source went unlisted.
func TestFailedLoginFromBracketedIPv6(t *testing.T) {
	s := Summarize([]string{
		"2024-03-12T03:17:05Z gitea[311]: authentication failure for user bob from [2001:db8::5]:51234",
		"2024-03-12T03:17:09Z gitea[311]: authentication failure for user bob from [2001:db8::5]:51240",
	}, nil)
	want := []document.NameCount{{Name: "2001:db8::5", Count: 1}}
	if !slices.Equal(s.FailedLoginSources, want) {
		t.Errorf("failed login sources %+v, want %+v", s.FailedLoginSources, want)
	}
}
