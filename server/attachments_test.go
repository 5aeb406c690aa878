package server

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/pipeline"
)

// mail is an e-mail with body text and the given attachments (name ->
// content), each base64-encoded.
func mail(subject, body string, attachments [][2]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "From: a@example.com\r\nTo: b@example.com\r\nSubject: %s\r\nDate: Tue, 2 Jan 2024 10:00:00 +0000\r\n"+
		"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B%s\"\r\n\r\n--B%s\r\nContent-Type: text/plain\r\n\r\n%s\r\n",
		subject, subject, subject, body)
	for _, a := range attachments {
		fmt.Fprintf(&b, "--B%s\r\nContent-Type: application/octet-stream; name=%q\r\nContent-Disposition: attachment; filename=%q\r\n"+
			"Content-Transfer-Encoding: base64\r\n\r\n%s\r\n", subject, a[0], a[0], base64.StdEncoding.EncodeToString([]byte(a[1])))
	}
	fmt.Fprintf(&b, "--B%s--\r\n", subject)
	return b.String()
}

// An e-mail's attachments become documents up to pipeline.max_attachments,
// and down to MaxAttachmentDepth e-mails; the carrier names what was left
// out. A 300 KB e-mail of 3,000 tiny files made 3,000 documents.
func TestEmailAttachmentsBounded(t *testing.T) {
	h := startWith(t, t.TempDir(), func(c *config.Config) { c.Pipeline.MaxAttachments = 3 })
	ctx := context.Background()
	var many [][2]string
	for i := range 5 {
		many = append(many, [2]string{fmt.Sprintf("note%d.txt", i), fmt.Sprintf("Note %d: the ferret%d audit is due.", i, i)})
	}
	wide := mail("wide", "Five notes attached.", many)
	// five e-mails, each attaching the next
	deep := mail("level5", "The deepest message mentions okapi.", nil)
	for lvl := 4; lvl >= 1; lvl-- {
		deep = mail(fmt.Sprintf("level%d", lvl), fmt.Sprintf("Level %d forwards the next.", lvl), [][2]string{{fmt.Sprintf("level%d.eml", lvl+1), deep}})
	}
	for name, data := range map[string]string{"wide.eml": wide, "deep.eml": deep} {
		if _, err := h.srv.Publisher().Publish(ctx, connectors.Doc{Filename: name, Data: []byte(data)}); err != nil {
			t.Fatal(err)
		}
	}
	// wide: the message and 3 notes; deep: levels 1-4 (level 4 is at depth 3)
	waitFor(t, "messages and attachments indexed", 60*time.Second, func() bool { return h.search("").Total == 8 })
	time.Sleep(time.Second) // anything beyond the bounds would be indexed by now
	if n := h.search("").Total; n != 8 {
		t.Fatalf("%d documents, want 8", n)
	}
	if r := h.search("ferret0 OR ferret1 OR ferret2 OR ferret3 OR ferret4"); r.Total != 3 {
		t.Errorf("notes: %d hits", r.Total)
	}
	if r := h.search("okapi"); r.Total != 0 {
		t.Errorf("the message 4 levels down was ingested")
	}
	for name, want := range map[string]string{"wide.eml": "2 of 5 (over pipeline.max_attachments, 3)", "level4.eml": "1 (attachments nested deeper than 3)"} {
		id := document.ID([]byte(wide))
		if name == "level4.eml" {
			r := h.search(`filename:"level4.eml"`)
			if r.Total != 1 {
				t.Fatalf("level4.eml: %d hits", r.Total)
			}
			id = r.Hits[0].ID
		}
		got, err := h.srv.Index().Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Meta[pipeline.MetaAttachmentsSkipped] != want {
			t.Errorf("%s: %s = %q, want %q", name, pipeline.MetaAttachmentsSkipped, got.Meta[pipeline.MetaAttachmentsSkipped], want)
		}
		// the page links only to attachments that became documents (it
		// linked all five, two of them to nothing)
		links := 0
		for _, line := range strings.Split(got.Meta[pipeline.MetaAttachmentIDs], "\n") {
			if aid, _, ok := strings.Cut(line, " "); ok {
				links++
				if _, err := h.srv.Index().Get(ctx, aid); err != nil {
					t.Errorf("%s links to %s: %v", name, line, err)
				}
			}
		}
		if wantLinks := map[string]int{"wide.eml": 3, "level4.eml": 0}[name]; links != wantLinks {
			t.Errorf("%s: %d attachment links, want %d", name, links, wantLinks)
		}
	}
}

// pipeline.max_attachments_total bounds the documents one top-level
// e-mail brings at every depth together, and the e-mail that reaches it
// names what it left out; under max_attachments alone a small e-mail
// could bring 100 + 100² + 100³ documents. A sender's attachment_depth
// below zero does not lift the depth limit either.
func TestEmailAttachmentsTotalBounded(t *testing.T) {
	h := startWith(t, t.TempDir(), func(c *config.Config) { c.Pipeline.MaxAttachments, c.Pipeline.MaxAttachmentsTotal = 3, 8 })
	ctx := context.Background()
	// three e-mails of three notes each: 3 + 9 documents without a total
	var inner [][2]string
	for i := range 3 {
		var notes [][2]string
		for j := range 3 {
			notes = append(notes, [2]string{fmt.Sprintf("note%d%d.txt", i, j), fmt.Sprintf("Note %d.%d: the marmot%d%d count is due.", i, j, i, j)})
		}
		inner = append(inner, [2]string{fmt.Sprintf("inner%d.eml", i), mail(fmt.Sprintf("inner%d", i), fmt.Sprintf("Inner message %d.", i), notes)})
	}
	outer := mail("outer", "Three messages attached.", inner)
	deep := mail("level5", "The deepest message mentions okapi.", nil)
	for lvl := 4; lvl >= 1; lvl-- {
		deep = mail(fmt.Sprintf("level%d", lvl), fmt.Sprintf("Level %d forwards the next.", lvl), [][2]string{{fmt.Sprintf("level%d.eml", lvl+1), deep}})
	}
	if _, err := h.srv.Publisher().Publish(ctx, connectors.Doc{Filename: "outer.eml", Data: []byte(outer)}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.srv.Publisher().Publish(ctx, connectors.Doc{Filename: "deep.eml", Data: []byte(deep),
		Meta: map[string]string{pipeline.MetaAttachmentDepth: "-9"}}); err != nil {
		t.Fatal(err)
	}
	// outer, its 3 e-mails and 1 note of each (8 - 3 = 5 left, 1 each);
	// deep: levels 1-4
	waitFor(t, "messages and attachments indexed", 60*time.Second, func() bool { return h.search("").Total == 11 })
	time.Sleep(time.Second) // anything beyond the bounds would be indexed by now
	if n := h.search("").Total; n != 11 {
		t.Fatalf("%d documents, want 11", n)
	}
	if r := h.search("okapi"); r.Total != 0 {
		t.Errorf("the message 4 levels down was ingested under a sender's attachment_depth of -9")
	}
	for i := range 3 {
		r := h.search(fmt.Sprintf(`filename:"inner%d.eml"`, i))
		if r.Total != 1 {
			t.Fatalf("inner%d.eml: %d hits", i, r.Total)
		}
		got, err := h.srv.Index().Get(ctx, r.Hits[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		want := "2 of 3 (over pipeline.max_attachments_total, 8 documents from one top-level document)"
		if s := got.Meta[pipeline.MetaAttachmentsSkipped]; s != want {
			t.Errorf("inner%d.eml: %s = %q, want %q", i, pipeline.MetaAttachmentsSkipped, s, want)
		}
	}
}
