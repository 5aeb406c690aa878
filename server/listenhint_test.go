package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"

	"github.com/docmill/docmill/config"
)

// A start on a taken address says which flag, key or variable picks
// another: "bind: address already in use" alone left a first-time user
// (8080 and 4222 are often taken) to find --http and --nats-listen.
func TestTakenAddressNamesTheFlag(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	for _, tc := range []struct {
		name string
		edit func(c *config.Config)
		want string
	}{
		{"http", func(c *config.Config) { c.HTTP.Listen = taken.Addr().String() }, "--http, http.listen or DOCMILL_HTTP_LISTEN"},
		{"nats", func(c *config.Config) { c.NATS.Listen = taken.Addr().String() }, "--nats-listen, nats.listen or DOCMILL_NATS_LISTEN"},
	} {
		c := config.Default()
		c.Data, c.NATS.Listen, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), "127.0.0.1:-1", "127.0.0.1:0", true
		tc.edit(c)
		err := Run(context.Background(), Options{Config: c, Role: RoleServe, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err == nil || !strings.Contains(err.Error(), "address already in use") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s on a taken address: %v, want it to name %s", tc.name, err, tc.want)
		}
	}
}
