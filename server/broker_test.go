package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/web"
)

// startBroker runs serve --broker-only (RoleBroker) in this process, with
// edit applied to its config, until the test ends.
func startBroker(t *testing.T, edit func(*config.Config)) *Server {
	t.Helper()
	c := config.Default()
	c.Data, c.NATS.Listen, c.HTTP.Listen = t.TempDir(), "127.0.0.1:-1", "127.0.0.1:0"
	if edit != nil {
		edit(c)
	}
	return runUntilEnd(t, Options{Config: c, Role: RoleBroker}, nil)
}

// consumersOn lists the durable consumers of stream.
func consumersOn(ctx context.Context, t *testing.T, js jetstream.JetStream, stream string) []string {
	t.Helper()
	st, err := js.Stream(ctx, stream)
	if err != nil {
		t.Fatalf("stream %s: %v", stream, err)
	}
	var names []string
	l := st.ConsumerNames(ctx)
	for n := range l.Name() {
		names = append(names, n)
	}
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

// serve --broker-only creates docmill's streams and answers health, but
// consumes nothing: no worker, indexer or bucket consumer on any stream,
// so that a separate indexer is the only one on docmill-indexer (beside a
// plain serve it got part of the results). A worker and an indexer
// pointed at it then carry a document through.
func TestBrokerOnlyConsumesNothing(t *testing.T) {
	b := startBroker(t, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	js := brokerJS(t, b)
	// Started comes after everything a role starts; a moment more for
	// anything started in the background
	time.Sleep(500 * time.Millisecond)
	for _, stream := range []string{broker.StreamIngest, broker.StreamResults, broker.StreamRemovals} {
		if names := consumersOn(ctx, t, js, stream); len(names) > 0 {
			t.Errorf("broker-only serve made consumers on %s: %v", stream, names)
		}
	}
	if _, err := js.Stream(ctx, "OBJ_docmill-inbox"); err == nil {
		if names := consumersOn(ctx, t, js, "OBJ_docmill-inbox"); len(names) > 0 {
			t.Errorf("broker-only serve watches the inbox bucket: %v", names)
		}
	}
	base := "http://" + b.HTTPAddr()
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		var h struct {
			Components map[string]web.Component `json:"components"`
		}
		err = json.NewDecoder(resp.Body).Decode(&h)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %v", path, resp.StatusCode, err)
		}
		if c := h.Components["nats"]; !c.OK || !strings.Contains(c.Detail, "embedded") {
			t.Errorf("%s nats = %+v, want the embedded broker ok", path, c)
		}
		for _, name := range []string{"consumers", "index", "model"} {
			if _, ok := h.Components[name]; ok {
				t.Errorf("%s reports %s on a broker-only serve", path, name)
			}
		}
		// what the streams hold is what a broker's on-call engineer asks
		if c := h.Components["streams"]; !c.OK || !c.Advisory || !strings.Contains(c.Detail, broker.StreamIngest+" 0 messages") ||
			!strings.Contains(c.Detail, broker.StreamDLQ+" 0 messages") {
			t.Errorf("%s streams = %+v, want each stream's messages", path, c)
		}
	}
	// a broker runs no parser, model or index: it exports none of their
	// collectors, rather than zeros a dashboard would sum with the others'
	notOnBroker := []string{"docmill_index_batch_size", "docmill_index_consumer_peers", "docmill_parse_abandoned_goroutines",
		"docmill_ocr_documents_total", "docmill_model_failures_total", "docmill_log_documents_total"}
	m := scrape(t, base)
	for _, name := range notOnBroker {
		if strings.Contains(m, "\n"+name) {
			t.Errorf("the broker's /metrics exports %s", name)
		}
	}

	w := startRoleAt(t, b.NATSURL(), RoleWorker, nil)
	ix := startRoleAt(t, b.NATSURL(), RoleIndexer, nil)
	// each of the others exports its own, and not the other's
	for role, want := range map[string]struct{ has, not string }{
		"http://" + w.HTTPAddr():  {"docmill_parse_abandoned_goroutines", "docmill_index_batch_size"},
		"http://" + ix.HTTPAddr(): {"docmill_index_batch_size", "docmill_model_failures_total"},
	} {
		m := scrape(t, role)
		if !strings.Contains(m, "\n"+want.has) || strings.Contains(m, "\n"+want.not) {
			t.Errorf("%s/metrics: want %s and not %s", role, want.has, want.not)
		}
	}
	pub := &connectors.Publisher{JS: js, MaxPayload: int(js.Conn().MaxPayload())}
	if _, err := pub.Publish(ctx, connectors.Doc{Filename: "msa.txt", Source: "test", Data: []byte(contractText)}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the document indexed by the separate indexer", 60*time.Second, func() bool {
		n, _ := ix.Index().Count()
		return n == 1
	})
	// the broker exports the lag of the consumers the others made
	waitFor(t, "the worker's lag on the broker's /metrics", 30*time.Second, func() bool {
		resp, err := http.Get(base + "/metrics")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		m, _ := io.ReadAll(resp.Body)
		return strings.Contains(string(m), `docmill_consumer_pending{consumer="docmill-worker",stream="DOCMILL_INGEST"}`)
	})
	if c := ix.Health()["index_consumer"]; !c.OK {
		t.Errorf("the indexer shares its consumer behind a broker-only serve: %s", c.Detail)
	}
}

// scrape returns the text of base's /metrics.
func scrape(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	m, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s/metrics: %d %v", base, resp.StatusCode, err)
	}
	return string(m)
}

// serve --broker-only refuses an external broker: it would run nothing.
func TestBrokerOnlyRefusesExternalNATS(t *testing.T) {
	c := config.Default()
	c.Data, c.NATS.URL, c.HTTP.Listen = t.TempDir(), "nats://127.0.0.1:1", "127.0.0.1:0"
	err := Run(context.Background(), Options{Config: c, Role: RoleBroker, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err == nil || !strings.Contains(err.Error(), "broker-only") {
		t.Errorf("Run = %v, want a refusal naming --broker-only", err)
	}
}

// streamsOf reads the streams component of a broker's /healthz.
func streamsOf(t *testing.T, b *Server) web.Component {
	t.Helper()
	resp, err := http.Get("http://" + b.HTTPAddr() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h struct {
		Components map[string]web.Component `json:"components"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Fatal(err)
	}
	return h.Components["streams"]
}

// With every worker stopped, a broker-only serve's /healthz said the
// streams were fine while documents piled up: the streams keep what was
// processed, so their counts looked the same. It now names the stage
// nobody fetches from, advisory (the broker itself still serves).
func TestBrokerHealthNamesUnfetchedStage(t *testing.T) {
	old := fetchStallAfter
	fetchStallAfter = 0
	t.Cleanup(func() { fetchStallAfter = old })
	b := startBroker(t, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js := brokerJS(t, b)
	if c := streamsOf(t, b); !c.OK {
		t.Fatalf("empty broker: streams = %+v, want ok", c)
	}
	if _, err := js.Publish(ctx, "docmill.ingest.cli", []byte("a memo")); err != nil {
		t.Fatal(err)
	}
	if c := streamsOf(t, b); c.OK || !c.Advisory || !strings.Contains(c.Detail, "no consumer "+pipeline.DurableWorker+": no worker has started") {
		t.Errorf("no worker ever: streams = %+v, want not ok, naming the missing worker consumer", c)
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, broker.StreamIngest, jetstream.ConsumerConfig{Durable: pipeline.DurableWorker,
		AckPolicy: jetstream.AckExplicitPolicy, FilterSubject: "docmill.ingest.>"})
	if err != nil {
		t.Fatal(err)
	}
	if c := streamsOf(t, b); c.OK || !strings.Contains(c.Detail, pipeline.DurableWorker+": 1 documents waiting") ||
		!strings.Contains(c.Detail, "no worker is fetching") {
		t.Errorf("worker stopped: streams = %+v, want not ok, naming the waiting documents", c)
	}
	batch, err := cons.Fetch(1, jetstream.FetchMaxWait(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	for m := range batch.Messages() {
		if err := m.DoubleAck(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if c := streamsOf(t, b); !c.OK {
		t.Errorf("all taken: streams = %+v, want ok", c)
	}
}

// brokerJS is a JetStream client of broker b, closed with the test.
func brokerJS(t *testing.T, b *Server) jetstream.JetStream {
	t.Helper()
	nc, err := nats.Connect(b.NATSURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}
