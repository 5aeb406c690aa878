package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/pipeline"
)

// publishRaw sends data onto an ingest subject as another producer would
// (a nats pub), with headers as given, and returns the document as indexed.
func (h *harness) publishRaw(data string, hdr ...string) document.Result {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	js, err := jetstream.New(h.nc)
	if err != nil {
		h.t.Fatal(err)
	}
	m := nats.NewMsg("docmill.ingest.partner")
	m.Data = []byte(data)
	for i := 0; i+1 < len(hdr); i += 2 {
		m.Header[hdr[i]] = []string{hdr[i+1]} // as written: NATS headers keep their case
	}
	if _, err := js.PublishMsg(ctx, m); err != nil {
		h.t.Fatal(err)
	}
	var got document.Result
	waitFor(h.t, "the document indexed", time.Minute, func() bool {
		resp, err := http.Get(h.base + "/api/documents/" + document.ID(m.Data))
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		return resp.StatusCode == http.StatusOK && json.NewDecoder(resp.Body).Decode(&got) == nil
	})
	return got
}

// A Docmill-Filename with control characters is read without them, and
// the result's ignored_header says so: a NATS producer gets no 400 (see
// pipeline.badFilename). The name was indexed and shown as sent.
func TestNATSFilenameControlCharactersRemoved(t *testing.T) {
	h := start(t, t.TempDir(), "")
	got := h.publishRaw("The Tenant shall pay the rent monthly in advance.", pipeline.HeaderFilename, "lease\x00\x1b[2J.txt")
	if got.Filename != "lease[2J.txt" || !strings.Contains(got.Meta["ignored_header"], "holds control characters") {
		t.Errorf("filename %q, ignored_header %q: want the control characters removed and named", got.Filename, got.Meta["ignored_header"])
	}
	// a name of control characters only is no name
	got = h.publishRaw("The Licensee shall pay the royalties quarterly.", pipeline.HeaderFilename, "\x00")
	if !strings.HasPrefix(got.Filename, "message-") {
		t.Errorf("filename %q, want message-<seq>", got.Filename)
	}
}

// docmill's headers are read in any case: a producer sending
// docmill-filename or docmill-meta-team had them ignored without a word
// (NATS headers are case-sensitive). A reserved meta key stays refused in
// any case, and named.
func TestNATSHeadersInAnyCase(t *testing.T) {
	h := start(t, t.TempDir(), "")
	other := h.publishRaw("The Supplier shall deliver the goods by 1 March 2027.", pipeline.HeaderFilename, "terms.txt")
	got := h.publishRaw("The Tenant shall pay the rent monthly in advance.",
		"docmill-filename", "lease.txt", "DOCMILL-SOURCE", "landlord", "docmill-meta-team", "legal",
		"docmill-meta-REPLACES", other.ID)
	if got.Filename != "lease.txt" || got.Source != "landlord" || got.Meta["team"] != "legal" {
		t.Errorf("filename %q, source %q, meta %v: want the lower-case headers read", got.Filename, got.Source, got.Meta)
	}
	if _, set := got.Meta[pipeline.MetaReplaces]; set || !strings.Contains(got.Meta["ignored_header"], "set by docmill itself") {
		t.Errorf("meta %v: want replaces refused and named", got.Meta)
	}
	if r := h.search(`filename:"terms.txt"`); r.Total != 1 {
		t.Errorf("the document a lower-case replaces named: %d hits, want it kept", r.Total)
	}
}
