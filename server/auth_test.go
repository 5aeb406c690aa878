package server

import (
	"context"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/pipeline/broker"
)

// runLogged runs a process of role (embedded NATS on a loopback port, the
// model-free tier) with the configuration edit makes, until the test
// ends, and returns it with its log.
func runLogged(t *testing.T, role Role, edit func(*config.Config)) (*Server, *lockedBuffer) {
	t.Helper()
	c := config.Default()
	c.Data, c.NATS.Listen, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), "127.0.0.1:-1", "127.0.0.1:0", true
	if edit != nil {
		edit(c)
	}
	logs := &lockedBuffer{}
	return runUntilEnd(t, Options{Config: c, Role: role}, logs), logs
}

const brokerOpenWarning = "takes any local client without credentials"

// With an HTTP auth token and no nats credentials, the embedded broker
// requires that token: a local client without it could read every
// document, forge results and delete documents while the API asked for
// the token. A client with it works, and so does a worker given the token
// as its HTTP token only (DOCMILL_AUTH_TOKEN on both sides).
func TestAuthTokenGuardsEmbeddedBroker(t *testing.T) {
	const token = "tok-s3cret"
	s, logs := runLogged(t, RoleServe, func(c *config.Config) { c.HTTP.AuthToken = token })
	if nc, err := nats.Connect(s.NATSURL()); err == nil {
		nc.Close()
		t.Fatal("a NATS client without credentials was let in to a serve with an auth token")
	}
	if nc, err := nats.Connect(s.NATSURL(), nats.Token("wrong")); err == nil {
		nc.Close()
		t.Fatal("a NATS client with a wrong token was let in")
	}
	nc, err := nats.Connect(s.NATSURL(), nats.Token(token))
	if err != nil {
		t.Fatalf("a NATS client with the auth token: %v", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Stream(context.Background(), broker.StreamResults); err != nil {
		t.Errorf("the results stream, with the token: %v", err)
	}
	if strings.Contains(logs.String(), brokerOpenWarning) {
		t.Errorf("warned of an open broker that takes a token:\n%s", logs)
	}
	w, _ := runWorker(t, s.NATSURL(), true, func(c *config.Config) { c.Model.Disabled, c.HTTP.AuthToken = true, token })
	if !w.nc.IsConnected() {
		t.Error("the worker given the auth token is not connected")
	}
}

// nats.token, when set, is the broker's token and the HTTP token is not
// taken in its place.
func TestNATSTokenWinsOverAuthToken(t *testing.T) {
	s, _ := runLogged(t, RoleBroker, func(c *config.Config) { c.HTTP.AuthToken, c.NATS.Token = "http-tok", "nats-tok" })
	if nc, err := nats.Connect(s.NATSURL(), nats.Token("http-tok")); err == nil {
		nc.Close()
		t.Fatal("the HTTP token was taken by a broker with a nats.token of its own")
	}
	nc, err := nats.Connect(s.NATSURL(), nats.Token("nats-tok"))
	if err != nil {
		t.Fatalf("nats.token: %v", err)
	}
	nc.Close()
}

// Without any token the broker keeps taking local clients, as before, but
// the start warns of it on loopback too (it warned only beyond loopback).
func TestOpenBrokerOnLoopbackWarns(t *testing.T) {
	s, logs := runLogged(t, RoleBroker, nil)
	nc, err := nats.Connect(s.NATSURL())
	if err != nil {
		t.Fatalf("a broker without credentials refused a client: %v", err)
	}
	nc.Close()
	if !strings.Contains(logs.String(), brokerOpenWarning) {
		t.Errorf("no warning of a broker open to local clients:\n%s", logs)
	}
}

const openAPIWarning = "the API and UI take requests from the network without a token"

// An API without a token on an address beyond loopback is served to the
// network: the start warns of it, as it does of an open broker. On
// loopback, with a token, or on a worker (health and metrics only) it
// does not.
func TestOpenAPIOnNetworkWarns(t *testing.T) {
	for _, tc := range []struct {
		name  string
		role  Role
		edit  func(*config.Config)
		warns bool
	}{
		{"all interfaces, no token", RoleServe, func(c *config.Config) { c.HTTP.Listen = "0.0.0.0:0" }, true},
		{"indexer on all interfaces, no token", RoleIndexer, func(c *config.Config) { c.HTTP.Listen = ":0" }, true},
		{"loopback, no token", RoleServe, nil, false},
		{"all interfaces, token", RoleServe, func(c *config.Config) { c.HTTP.Listen, c.HTTP.AuthToken = "0.0.0.0:0", "tok" }, false},
		{"worker on all interfaces", RoleWorker, func(c *config.Config) { c.HTTP.Listen = "0.0.0.0:0" }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edit := tc.edit
			if tc.role != RoleServe {
				b, _ := runLogged(t, RoleBroker, nil)
				edit = func(c *config.Config) {
					c.NATS.URL = b.NATSURL()
					tc.edit(c)
				}
			}
			_, logs := runLogged(t, tc.role, edit)
			if got := strings.Contains(logs.String(), openAPIWarning); got != tc.warns {
				t.Errorf("warned %v, want %v:\n%s", got, tc.warns, logs)
			}
		})
	}
}
