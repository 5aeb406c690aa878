package server

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline"
)

// brokerFromACL runs a NATS server with JetStream from the shipped
// deploy/nats-accounts.conf, only its address and store moved to the
// test's.
func brokerFromACL(t *testing.T) string {
	t.Helper()
	t.Setenv("DOCMILL_NATS_PASSWORD", "pw")
	t.Setenv("DOCMILL_SENDER_PASSWORD", "spw")
	t.Setenv("DOCMILL_READER_PASSWORD", "rpw")
	o, err := natsserver.ProcessConfigFile(filepath.FromSlash("../deploy/nats-accounts.conf"))
	if err != nil {
		t.Fatalf("deploy/nats-accounts.conf: %v", err)
	}
	return startNATS(t, o)
}

// A platform team that gives docmill the account and users of
// deploy/nats-accounts.conf gets a working pipeline: a worker and an
// indexer as user docmill analyse, index and dead-letter what user sender
// sends, user reader receives the result and the dead letter, sender may
// publish nothing but documents, and no docmill process logs a denied
// subject.
func TestShippedNATSAccountsRunThePipeline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	url := brokerFromACL(t)
	logs := &lockedBuffer{}
	role := func(r Role) *Server {
		c := config.Default()
		c.Data, c.NATS.URL, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), url, "127.0.0.1:0", true
		c.NATS.User, c.NATS.Password = "docmill", "pw"
		return runUntilEnd(t, Options{Config: c, Role: r}, logs)
	}
	indexer := role(RoleIndexer)
	role(RoleWorker)

	reader, err := nats.Connect(url, nats.UserInfo("reader", "rpw"))
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	got := make(chan *nats.Msg, 8)
	for _, subj := range []string{"docmill.results.>", "docmill.dlq.>"} {
		if _, err := reader.ChanSubscribe(subj, got); err != nil {
			t.Fatal(err)
		}
	}
	if err := reader.Flush(); err != nil {
		t.Fatal(err)
	}

	sender, err := nats.Connect(url, nats.UserInfo("sender", "spw"), nats.ErrorHandler(func(*nats.Conn, *nats.Subscription, error) {}))
	if err != nil {
		t.Fatal(err)
	}
	defer sender.Close()
	js, err := jetstream.New(sender)
	if err != nil {
		t.Fatal(err)
	}
	send := func(subject, name, body string) error {
		m := nats.NewMsg(subject)
		m.Header.Set(pipeline.HeaderFilename, name)
		m.Data = []byte(body)
		sctx, scancel := context.WithTimeout(ctx, 5*time.Second)
		defer scancel()
		_, err := js.PublishMsg(sctx, m)
		return err
	}
	if err := send("docmill.ingest.partner", "memo.txt", "The Supplier shall deliver the goods to the Buyer by 1 March 2027."); err != nil {
		t.Fatalf("sender: ingest: %v", err)
	}
	if err := send("docmill.ingest.partner", "broken.pdf", "%PDF-1.7\nnot a PDF at all"); err != nil {
		t.Fatalf("sender: ingest: %v", err)
	}
	if err := send("docmill.results.contract", "forged.txt", "a result no worker wrote"); err == nil {
		t.Error("sender published on docmill.results: the account lets a sender forge results")
	}

	seen := map[string]bool{}
	for len(seen) < 2 {
		select {
		case m := <-got:
			seen[strings.SplitN(m.Subject, ".", 3)[1]] = true
		case <-ctx.Done():
			t.Fatalf("reader got %v, want a result and a dead letter; docmill logged:\n%s", seen, logs.String())
		}
	}
	waitFor(t, "the memo indexed", time.Minute, func() bool {
		res, err := indexer.Index().Search(ctx, index.Query{Q: "Supplier", Size: -1, Facets: -1})
		return err == nil && res.Total == 1
	})
	for _, l := range strings.Split(logs.String(), "\n") {
		if strings.Contains(strings.ToLower(l), "permission") {
			t.Errorf("a docmill process was denied a subject: %s", l)
		}
	}
}
