package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/stages/parse"
)

// startJetStream runs a real NATS server with JetStream on a free loopback
// port and creates the results stream as docmill does.
func startJetStream(t *testing.T) (string, jetstream.JetStream) {
	t.Helper()
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(5 * time.Second) {
		t.Fatal("nats-server not ready")
	}
	t.Cleanup(s.Shutdown)
	nc, err := nats.Connect(s.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.CreateStream(context.Background(), jetstream.StreamConfig{Name: resultsStream, Subjects: []string{"docmill.results.>"}}); err != nil {
		t.Fatal(err)
	}
	return s.ClientURL(), js
}

func publishResult(t *testing.T, js jetstream.JetStream, subject string, body []byte) {
	t.Helper()
	msg := nats.NewMsg(subject)
	msg.Data = body
	msg.Header.Set(headerID, "3f2a9c0d1e2b3f2a9c0d1e2b")
	msg.Header.Set(headerModel, "docmill-mini@0.1.0")
	if _, err := js.PublishMsg(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
}

func result(class, subtype, filename string, keywords ...string) []byte {
	r := document.Result{ID: document.ID([]byte(filename)), Filename: filename, ContentType: document.TypeText, Language: "en",
		Analysis: document.Analysis{Class: class, Subtype: subtype, Confidence: 0.9,
			Model: document.ModelInfo{Name: "docmill-mini", Version: "0.1.0", Tier: "model"}},
		Depth: document.DepthShallow, IngestedAt: time.Now().UTC(), ProcessedAt: time.Now().UTC()}
	for _, k := range keywords {
		r.Keywords = append(r.Keywords, document.Keyword{Text: k, Score: 1})
	}
	dt, _ := json.Marshal(r)
	return dt
}

func runFor(t *testing.T, c config, d time.Duration) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, c, &out); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatal(err)
	}
	return out.String()
}

func TestPrintsResultsAndResumesDurably(t *testing.T) {
	url, js := startJetStream(t)
	publishResult(t, js, "docmill.results.contract.license", result("contract", "contract/License", "acme.pdf", "software license", "governing law"))
	publishResult(t, js, "docmill.results.other", []byte("not json"))
	publishResult(t, js, "docmill.results.log", result("log", "", "app.log", "db timeout"))

	c := config{URL: url, Durable: "test-printer", Subject: "docmill.results.>", All: true, Max: 3}
	out := runFor(t, c, 10*time.Second)
	for _, want := range []string{"contract/License", "acme.pdf", "software license, governing law", "docmill-mini@0.1.0", "app.log", "db timeout"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("want 2 printed results (the junk message skipped), got %d:\n%s", n, out)
	}

	// Everything was acknowledged or terminated: the same durable sees only
	// what is published after.
	publishResult(t, js, "docmill.results.regulation", result("regulation", "", "gdpr.html", "personal data"))
	c.Max = 1
	out = runFor(t, c, 10*time.Second)
	if strings.Contains(out, "acme.pdf") || !strings.Contains(out, "gdpr.html") {
		t.Fatalf("durable consumer did not resume after the acknowledged results:\n%s", out)
	}
}

func TestValidateSkipsResultsOutsideTheSchema(t *testing.T) {
	url, js := startJetStream(t)
	publishResult(t, js, "docmill.results.invoice", result("invoice", "", "bill.pdf", "total"))
	publishResult(t, js, "docmill.results.contract", result("contract", "", "nda.docx", "confidential information"))
	out := runFor(t, config{URL: url, Durable: "v", Subject: "docmill.results.>", All: true, Validate: true, Max: 2}, 10*time.Second)
	if strings.Contains(out, "bill.pdf") || !strings.Contains(out, "nda.docx") {
		t.Fatalf("want only the valid result printed:\n%s", out)
	}
}

// A result as docmill's own stages make it (parser, model-free tier, the
// worker's result and subject) validates against the schema, and its
// subtype, which names the class already ("contract/License"), is printed
// once: the example printed "contract/contract/License".
func TestPrintsARealResult(t *testing.T) {
	url, js := startJetStream(t)
	ctx := context.Background()
	text := "SOFTWARE LICENSE AGREEMENT\n\nThis Software License Agreement is entered into by Acme Corp. and Beta Ltd. " +
		"Acme grants Beta a non-exclusive, non-transferable licence to use the Software. Beta shall pay the licence fees " +
		"within thirty (30) days. This Agreement is governed by the laws of the State of New York."
	doc, err := parse.Parse(ctx, parse.Input{Filename: "license.txt", Source: "test", Data: []byte(text)}, parse.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	a, err := enrich.NewFree(enrich.FreeOptions{}).Analyze(ctx, doc, enrich.Request{})
	if err != nil {
		t.Fatal(err)
	}
	r := pipeline.NewResult(doc, a, time.Now().UTC())
	if r.Subtype == "" || !strings.HasPrefix(r.Subtype, r.Class+"/") {
		t.Fatalf("the free tier gave class %q subtype %q; this test needs a subtype", r.Class, r.Subtype)
	}
	body, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	publishResult(t, js, pipeline.ResultSubject(r), body)
	out := runFor(t, config{URL: url, Durable: "real", Subject: "docmill.results.>", All: true, Validate: true, Max: 1}, 10*time.Second)
	if !strings.HasPrefix(out, r.Subtype+" ") || strings.Contains(out, r.Class+"/"+r.Class+"/") {
		t.Errorf("subtype %q printed as:\n%s", r.Subtype, out)
	}
}

// One class takes two filters: docmill.results.contract.> matches the
// results with a subtype only, and a contract without one (the subtype
// heads know no Chinese) is on docmill.results.contract. The README
// suggested the first alone, which lost those contracts.
func TestOneClassWithAndWithoutSubtype(t *testing.T) {
	url, js := startJetStream(t)
	publishResult(t, js, "docmill.results.contract.license", result("contract", "contract/License", "acme.pdf", "software license"))
	publishResult(t, js, "docmill.results.contract", result("contract", "", "hetong.txt", "合同"))
	publishResult(t, js, "docmill.results.regulation.data_protection", result("regulation", "regulation/data protection", "gdpr.html", "personal data"))
	out := runFor(t, config{URL: url, Durable: "contracts", Subject: "docmill.results.contract,docmill.results.contract.>", All: true, Max: 2}, 10*time.Second)
	if !strings.Contains(out, "acme.pdf") || !strings.Contains(out, "hetong.txt") || strings.Contains(out, "gdpr.html") {
		t.Errorf("contracts only, with and without a subtype:\n%s", out)
	}
}
