package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/web"
)

// TestDocsNameEveryStreamAndBucket: a platform team sizes the broker and
// writes its ACLs from deploy/README.md, so every stream and bucket that a
// scaled-out deployment (a broker, a worker watching a folder, an indexer)
// creates is named there and in README.md, and so are those made only on
// demand (large documents and texts, backfills, uploads).
func TestDocsNameEveryStreamAndBucket(t *testing.T) {
	b := startBroker(t, nil)
	startRoleAt(t, b.NATSURL(), RoleWorker, func(c *config.Config) { c.Sources.Folders = []string{t.TempDir()} })
	startRoleAt(t, b.NATSURL(), RoleIndexer, nil)
	names := map[string]bool{connectors.BlobBucket: true, pipeline.TextBucket: true, connectors.BackfillBucket: true,
		web.OriginalsBucket: true, ModelsBucket: true, IndexersBucket: true}
	for _, n := range streamsOn(t, b.NATSURL()) {
		n = strings.TrimPrefix(strings.TrimPrefix(n, "KV_"), "OBJ_")
		names[n] = true
	}
	for _, want := range []string{broker.StreamIngest, connectors.RefusedBucket, pipeline.ProcessingBucket} {
		if !names[want] {
			t.Fatalf("the deployment made no %s; made %v", want, names)
		}
	}
	for _, doc := range []string{"../deploy/README.md", "../README.md"} {
		text, err := os.ReadFile(filepath.FromSlash(doc))
		if err != nil {
			t.Fatal(err)
		}
		for n := range names {
			if !strings.Contains(string(text), "`"+n+"`") {
				t.Errorf("%s does not name %s, which docmill creates on the broker", doc, n)
			}
		}
	}
}

// streamsOn lists every stream of the broker at url (KV buckets and
// object stores included).
func streamsOn(t *testing.T, url string) []string {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	l := js.StreamNames(context.Background())
	for n := range l.Name() {
		out = append(out, n)
	}
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
