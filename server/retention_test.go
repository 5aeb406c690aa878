package server

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/web"
)

// index.retention takes documents out of the index once they were first
// ingested longer ago than their class's age ("*" for the other classes),
// with their stored originals, and announces them as expired.
func TestRetentionExpiresByClass(t *testing.T) {
	h := startWith(t, t.TempDir(), func(c *config.Config) {
		c.Index.Retention = map[string]time.Duration{"log": time.Hour, "*": 3 * time.Hour}
	})
	ctx := context.Background()
	js := h.srv.JetStream()
	logText := func(word string) string {
		var b strings.Builder
		for i := range 30 {
			fmt.Fprintf(&b, "2024-05-0%d 10:%02d:11 INFO web-1 request %s served in %d ms\n", 1+i%9, i, word, 10+i)
		}
		return b.String()
	}
	contract := func(word string) string {
		return "SERVICES AGREEMENT. This Agreement is entered into by Acme Corp. and Beta LLC. The Supplier shall deliver " +
			word + " services and the Customer shall pay the fees within thirty days. This Agreement is governed by the laws of Delaware."
	}
	// The server sweeps by itself 30 s after start, at its own clock; so
	// that it cannot take the documents first on a slow machine, none is
	// due yet, and the test sweeps as of half an hour later.
	now := time.Now().UTC()
	later := now.Add(30 * time.Minute)
	docs := []struct {
		name, word string
		age        time.Duration
		expires    bool
		text       string
	}{
		{"old.log", "oldlogword", 45 * time.Minute, true, ""},
		{"new.log", "newlogword", 0, false, ""},
		{"recent.txt", "recentword", 2 * time.Hour, false, ""},
		{"ancient.txt", "ancientword", 2*time.Hour + 45*time.Minute, true, ""},
	}
	for i := range docs {
		d := &docs[i]
		if d.text = contract(d.word); strings.HasSuffix(d.name, ".log") {
			d.text = logText(d.word)
		}
		m := nats.NewMsg("docmill.ingest.archive")
		m.Data = []byte(d.text)
		m.Header.Set(pipeline.HeaderFilename, d.name)
		m.Header.Set(pipeline.HeaderIngestedAt, now.Add(-d.age).Format(time.RFC3339Nano))
		if _, err := js.PublishMsg(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "documents indexed", 60*time.Second, func() bool { return h.search("").Total == uint64(len(docs)) })
	for _, w := range []string{"oldlogword", "newlogword"} {
		if r := h.search(w); r.Total != 1 || r.Hits[0].Class != "log" {
			t.Fatalf("%s: %+v", w, r.Hits)
		}
	}
	notices := h.subscribe("docmill.deleted.>", 8)
	n, err := h.srv.expireNow(ctx, later)
	if err != nil || n != 2 {
		t.Fatalf("expired %d (%v), want 2", n, err)
	}
	originals, err := js.ObjectStore(ctx, web.OriginalsBucket)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		id := document.ID([]byte(d.text))
		in := h.search(d.word).Total == 1
		if in == d.expires {
			t.Errorf("%s (ingested %v before the sweep): in the index %v", d.name, d.age+later.Sub(now), in)
		}
		_, err := originals.GetInfo(ctx, id)
		if gone := errors.Is(err, jetstream.ErrObjectNotFound); gone != d.expires {
			t.Errorf("%s: original gone %v (%v)", d.name, gone, err)
		}
	}
	for range 2 {
		select {
		case m := <-notices:
			if !strings.Contains(string(m.Data), `"reason":"expired"`) {
				t.Errorf("notice %s", m.Data)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("expiry not announced")
		}
	}
	if n, err := h.srv.expireNow(ctx, later); err != nil || n != 0 {
		t.Errorf("second sweep expired %d (%v)", n, err)
	}
}
