package server

import (
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/natstest"
)

// An index created with BM25, served under the default config (TF-IDF),
// stays healthy, and /healthz names what a rebuild would bring.
func TestHealthNamesIndexUpgrades(t *testing.T) {
	url, _, _ := natstest.Listening(t, "upgrades-test")
	data := t.TempDir()
	ix, err := index.Open(indexDir(&config.Config{Data: data}), index.Options{Scoring: index.ScoringBM25})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	s := startRoleAt(t, url, RoleIndexer, func(c *config.Config) { c.Data = data })
	c := s.Health()["index"]
	if !c.OK || !strings.Contains(c.Detail, "docmill index rebuild") || !strings.Contains(c.Detail, "tf-idf scoring") {
		t.Fatalf("index health %+v", c)
	}
}

// While the broker is away, /healthz does not call the consumers
// "fetching" beside a disconnected NATS.
func TestHealthConsumersWhileBrokerDown(t *testing.T) {
	e, url, _, _ := natstest.Broker(t, "health-broker-down")
	s := startRoleAt(t, url, RoleIndexer, nil)
	if c := s.Health()["consumers"]; !c.OK {
		t.Fatalf("consumers with the broker up: %+v", c)
	}
	e.Shutdown()
	deadline := time.Now().Add(10 * time.Second)
	for s.Health()["nats"].OK && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	h := s.Health()
	if h["nats"].OK || h["consumers"].OK {
		t.Errorf("broker down: nats %+v, consumers %+v", h["nats"], h["consumers"])
	}
}
