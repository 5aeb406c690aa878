package main

import (
	"net"
	"strings"
	"testing"

	"github.com/docmill/docmill/config"
)

// A client command refused by a server with an auth token says how to
// give it: "401 Unauthorized: missing or wrong token" named neither the
// flag nor the variable, while ingest's refusal by the broker did.
func TestClientCommandsSayHowToGiveTheToken(t *testing.T) {
	s := startServeWith(t, func(c *config.Config) { c.HTTP.AuthToken = "tok-hint" })
	for _, v := range []string{"DOCMILL_AUTH_TOKEN", "DOCMILL_HTTP_AUTH_TOKEN"} {
		t.Setenv(v, "")
	}
	server := s.HTTPURL()
	for name, run := range clientCommands(t, server) {
		err := run()
		if err == nil || !strings.Contains(err.Error(), "401") || !strings.Contains(err.Error(), "--auth-token or DOCMILL_AUTH_TOKEN") {
			t.Errorf("%s without the token: %v, want a 401 that names --auth-token and DOCMILL_AUTH_TOKEN", name, err)
		}
	}
}

// A client command whose server is not there says where the address comes
// from: "connect: connection refused" alone did not tell that search,
// export, lines and delete look at 127.0.0.1:8080 unless told otherwise.
func TestClientCommandsSayWhereTheServerIs(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	server := "http://" + l.Addr().String()
	l.Close() // nothing listens there now
	for name, run := range clientCommands(t, server) {
		err := run()
		if err == nil || !strings.Contains(err.Error(), "connection refused") || !strings.Contains(err.Error(), "--server or DOCMILL_SERVER") {
			t.Errorf("%s with no server: %v, want it to name --server and DOCMILL_SERVER", name, err)
		}
	}
}

// clientCommands runs each HTTP client command (search, export, lines,
// delete) against server, returning its error.
func clientCommands(t *testing.T, server string) map[string]func() error {
	return map[string]func() error{
		"search": func() error { _, _, err := execute(searchCmd(), "--server", server, "contract"); return err },
		"export": func() error {
			_, _, err := execute(exportCmd(), "--server", server, "-o", t.TempDir()+"/x.jsonl")
			return err
		},
		"lines":  func() error { _, _, err := execute(linesCmd(), "--server", server, "0123456789ab"); return err },
		"delete": func() error { _, _, err := execute(deleteCmd(), "--server", server, "0123456789ab"); return err },
	}
}
