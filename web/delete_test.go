package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/objstore"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/web/internal/uitest"
)

// TestDeleteDocument deletes one document through the API and one through
// the document page's form, on a real index and JetStream object stores:
// each disappears from search and from every store that held a copy of
// it, the other documents stay, and a second delete is a 404.
func TestDeleteDocument(t *testing.T) {
	ctx := context.Background()
	_, js := startNATS(t)
	docs := uitest.Samples()
	apiDoc, formDoc := docs[0], docs[1]
	// Copies of apiDoc's content: its original (stored under the hash of
	// its bytes, which is the document id), the text of a large result and
	// a large ingest's object.
	originals := &Originals{JS: js}
	id, err := originals.Put(ctx, apiDoc.Filename, "http", "text/plain", []byte(apiDoc.Text))
	if err != nil {
		t.Fatal(err)
	}
	apiDoc.ID = id
	formDoc.ID = document.ID([]byte(formDoc.Text)) // the notice names real ids only
	docs[2].ID = document.ID([]byte(docs[2].Text)) // kept, named in a link below
	ix := openIndex(t, docs...)
	s := newServer(t, Options{Index: ix, Ingest: &connectors.Publisher{JS: js}, JS: js, Originals: originals})
	stores := map[string]jetstream.ObjectStore{}
	for _, b := range []string{pipeline.TextBucket, connectors.BlobBucket} {
		st, err := js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: b})
		if err != nil {
			t.Fatal(err)
		}
		// objstore.Put, not st.PutString: nats.go's Put can leave a
		// goroutine behind, which TestOriginalsPutLeavesNoGoroutine counts
		if _, err := objstore.Put(ctx, js, b, jetstream.ObjectMeta{Name: apiDoc.ID}, strings.NewReader(apiDoc.Text)); err != nil {
			t.Fatal(err)
		}
		stores[b] = st
	}

	req := httptest.NewRequest(http.MethodDelete, "/api/documents/"+apiDoc.ID, nil)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"deleted"`) {
		t.Fatalf("API delete: %d %s", rec.Code, rec.Body)
	}
	if _, err := ix.Get(ctx, apiDoc.ID); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("deleted document still in the index: %v", err)
	}
	for b, st := range stores {
		if _, err := st.GetInfo(ctx, apiDoc.ID); !errors.Is(err, jetstream.ErrObjectNotFound) {
			t.Errorf("%s still holds the document: %v", b, err)
		}
	}
	if originals.Has(ctx, apiDoc.ID) {
		t.Error("the original is still stored")
	}

	// Without JavaScript the button's post asks first; the page's own
	// button confirms.
	req = httptest.NewRequest(http.MethodPost, "/documents/"+formDoc.ID+"/delete", nil)
	req.Header.Set("Origin", "http://example.com") // httptest's host
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `id="delete-confirmed"`) {
		t.Fatalf("form delete without confirm=yes: %d, want the confirmation page", rec.Code)
	}
	if _, err := ix.Get(ctx, formDoc.ID); err != nil {
		t.Fatalf("deleted before it was confirmed: %v", err)
	}
	req = httptest.NewRequest(http.MethodPost, "/documents/"+formDoc.ID+"/delete", strings.NewReader("confirm=yes"))
	req.Header.Set("Origin", "http://example.com")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/?deleted="+formDoc.ID {
		t.Fatalf("form delete: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	_, page := get(t, s, "/?deleted="+formDoc.ID)
	if want := "Deleted " + html.EscapeString(formDoc.Filename) + " (document " + formDoc.ID + ")."; !strings.Contains(page, want) {
		t.Errorf("the search page does not confirm the deletion by name: want %q", want)
	}
	// a server that did not delete it knows no name: the id alone
	other := newServer(t, Options{Index: ix, JS: js})
	if _, page := get(t, other, "/?deleted="+formDoc.ID); !strings.Contains(page, "Deleted document "+formDoc.ID+".") {
		t.Error("another server's notice does not name the id alone")
	}
	if _, page := get(t, s, "/?deleted=your+account+is+locked"); strings.Contains(page, "Deleted document") {
		t.Error("the deletion notice shows words a link put there")
	}
	// a link naming a document still indexed must not say it was deleted
	kept := docs[2].ID
	if _, err := ix.Get(ctx, kept); err != nil {
		t.Fatalf("the kept document: %v", err)
	}
	if _, page := get(t, s, "/?deleted="+kept); strings.Contains(page, "Deleted document") {
		t.Error("the search page says a document still indexed was deleted")
	}
	if resp, _ := get(t, s, "/?utm_source=newsletter"); resp.StatusCode != http.StatusOK {
		t.Errorf("a link's tracking tag: %d", resp.StatusCode)
	}

	res, err := ix.Search(ctx, index.Query{Facets: -1, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	if int(res.Total) != len(docs)-2 {
		t.Errorf("%d documents left, want %d", res.Total, len(docs)-2)
	}
	for _, h := range res.Hits {
		if h.ID == apiDoc.ID || h.ID == formDoc.ID {
			t.Errorf("search still finds %s", h.ID)
		}
	}
	// Consumers are told: one notice per deleted document.
	st, err := js.Stream(ctx, broker.StreamDeleted)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{apiDoc.ID, formDoc.ID} {
		m, err := st.GetLastMsgForSubject(ctx, broker.SubjectDeleted+"."+id)
		if err != nil {
			t.Fatalf("no deletion notice for %s: %v", id, err)
		}
		var n pipeline.Deleted
		if err := json.Unmarshal(m.Data, &n); err != nil || n.ID != id || n.Reason != pipeline.ReasonDeleted || n.At.IsZero() {
			t.Errorf("notice %s: %+v %v", m.Data, n, err)
		}
	}
	// Deleting again, or deleting what never was, is a 404; a cross-site
	// form post is refused before anything is deleted.
	for _, id := range []string{apiDoc.ID, "no-such-document"} {
		rec = httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/api/documents/"+id, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("delete %s again: %d", id, rec.Code)
		}
	}
	req = httptest.NewRequest(http.MethodPost, "/documents/"+docs[2].ID+"/delete", nil)
	req.Header.Set("Origin", "https://evil.example")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("cross-site delete: %d", rec.Code)
	}
	if _, err := ix.Get(ctx, docs[2].ID); err != nil {
		t.Errorf("cross-site post deleted a document: %v", err)
	}
}

// The live page forgets a deleted document: its title and summary are not
// shown and not linked, also when a restarted feed is filled from the
// results stream, which still holds the result.
func TestLivePageForgetsDeletedDocuments(t *testing.T) {
	nc, js := startNATS(t)
	docs := uitest.Samples()
	ix := openIndex(t, docs...)
	for _, d := range docs[:3] {
		data, _ := json.Marshal(d)
		if _, err := js.Publish(context.Background(), "docmill.results."+d.Class, data); err != nil {
			t.Fatal(err)
		}
	}
	s := newServer(t, Options{Index: ix, JS: js, NATS: nc})
	gone := docs[2]
	for _, d := range docs[:3] {
		s.feed.Publish(d) // as the live subscription would
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/api/documents/"+gone.ID, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("delete: %d", rec.Code)
	}
	if _, page := get(t, s, "/live"); strings.Contains(page, gone.ID) || !strings.Contains(page, docs[0].ID) {
		t.Errorf("live page after delete: has deleted %v, has kept %v", strings.Contains(page, gone.ID), strings.Contains(page, docs[0].ID))
	}
	restarted := newServer(t, Options{Index: ix, JS: js, NATS: nc})
	if _, page := get(t, restarted, "/live"); strings.Contains(page, gone.ID) || !strings.Contains(page, docs[0].ID) {
		t.Errorf("live page after a restart: has deleted %v, has kept %v", strings.Contains(page, gone.ID), strings.Contains(page, docs[0].ID))
	}
}

// docmill prints ids shortened to 12 characters (ingest, search): the API,
// the document page and deletion take them, and any unique prefix of 8 or
// more hex digits; they answered "document not found". A shorter prefix,
// or one of several documents, is answered with what to give instead.
func TestShortIDs(t *testing.T) {
	ctx := context.Background()
	_, js := startNATS(t)
	docs := uitest.Samples()
	for _, d := range docs {
		d.ID = document.ID([]byte(d.Text))
	}
	ix := openIndex(t, docs...)
	s := newServer(t, Options{Index: ix, Ingest: &connectors.Publisher{JS: js}, JS: js})
	full := docs[0].ID
	resp, body := get(t, s, "/api/documents/"+full[:12])
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, full) {
		t.Fatalf("GET by the 12-character id: %d %.200s", resp.StatusCode, body)
	}
	if resp, _ := get(t, s, "/documents/"+full[:8]); resp.StatusCode != http.StatusOK {
		t.Errorf("document page by an 8-character prefix: %d", resp.StatusCode)
	}
	// too short to look up: the answer asks for more of the id rather than
	// saying "document not found"
	if resp, body := get(t, s, "/api/documents/"+full[:7]); resp.StatusCode != http.StatusBadRequest ||
		!strings.Contains(body, "give at least 8 characters of the id") {
		t.Errorf("a 7-character prefix: %d %s, want 400 asking for 8 characters", resp.StatusCode, body)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/api/documents/"+full[:4], nil))
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"delete `+full[:4]+`: give at least 8 characters of the id"`) {
		t.Errorf("DELETE by a 4-character prefix: %d %s", rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodDelete, "/api/documents/"+full[:12], nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), full) {
		t.Fatalf("DELETE by the 12-character id: %d %s", rec.Code, rec.Body)
	}
	if _, err := ix.Get(ctx, full); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("after deleting by short id: %v", err)
	}
	if n, _ := ix.Count(); n != uint64(len(docs)-1) {
		t.Errorf("%d documents left, want %d", n, len(docs)-1)
	}
	// two documents whose ids open alike: their common prefix names neither
	a, b := uitest.Samples()[0], uitest.Samples()[1]
	a.ID, b.ID = "abcdef01"+strings.Repeat("1", 56), "abcdef01"+strings.Repeat("2", 56)
	s = newServer(t, Options{Index: openIndex(t, a, b), JS: js})
	if resp, body := get(t, s, "/api/documents/abcdef01"); resp.StatusCode != http.StatusBadRequest ||
		!strings.Contains(body, "more than one document: give more characters of the id") {
		t.Errorf("a prefix of two documents: %d %s", resp.StatusCode, body)
	}
}

// POST /api/documents/{id}/reprocess answers a prefix that is too short,
// or names several documents, as GET and DELETE do: 400 saying what to
// give. It answered 404 "document not found", so a client could not tell
// a mistyped id from one docmill never saw.
func TestReprocessShortIDs(t *testing.T) {
	_, js := startNATS(t)
	a, b := uitest.Samples()[0], uitest.Samples()[1]
	a.ID, b.ID = "abcdef01"+strings.Repeat("1", 56), "abcdef01"+strings.Repeat("2", 56)
	s := newServer(t, Options{Index: openIndex(t, a, b), Ingest: &connectors.Publisher{JS: js}, JS: js})
	for prefix, want := range map[string]string{
		"abc":      "give at least 8 characters of the id",
		"abcdef01": "id prefix of more than one document: give more characters of the id",
	} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/documents/"+prefix+"/reprocess", nil))
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"reprocess `+prefix+`: `+want) {
			t.Errorf("reprocess %s: %d %s, want 400 saying %q", prefix, rec.Code, rec.Body, want)
		}
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/documents/"+strings.Repeat("0", 64)+"/reprocess", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("reprocess of an unknown id: %d %s, want 404", rec.Code, rec.Body)
	}
}

// The dashboard's dead-letter count links to a page listing the newest
// dead letters with their reasons, a refused document linking to its
// page (which says why too).
func TestDeadLettersPage(t *testing.T) {
	ctx := context.Background()
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), JS: js})
	if _, body := get(t, s, "/dead-letters"); !strings.Contains(body, `id="no-dead-letters"`) {
		t.Errorf("an empty queue: %s", between(body, "<main", "</main>"))
	}
	id := document.ID([]byte("%PDF-1.7 broken"))
	for i, name := range []string{"old.pdf", "broken.pdf"} {
		m := nats.NewMsg("docmill.dlq.parse")
		m.Data = []byte("%PDF-1.7 broken")
		m.Header.Set(pipeline.HeaderID, id)
		m.Header.Set(pipeline.HeaderStage, "parse")
		m.Header.Set(pipeline.HeaderFilename, name)
		m.Header.Set(pipeline.HeaderError, fmt.Sprintf("parse %s: corrupt or unreadable PDF (%d)", name, i))
		m.Header.Set(pipeline.HeaderFailedAt, time.Now().UTC().Format(time.RFC3339))
		m.Header.Set(nats.MsgIdHdr, fmt.Sprint("dl-", i))
		if _, err := js.PublishMsg(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	resp, body := get(t, s, "/dead-letters")
	table := between(body, `id="dead-letters"`, "</table>")
	if resp.StatusCode != 200 || !strings.Contains(table, `<a href="/documents/`+id+`">broken.pdf</a>`) || !strings.Contains(table, "corrupt or unreadable PDF (1)") {
		t.Fatalf("dead letters page: %d\n%s", resp.StatusCode, table)
	}
	if strings.Index(table, "broken.pdf") > strings.Index(table, "old.pdf") {
		t.Error("the newest dead letter is not first")
	}
}

// Ids are lower-case hex, but one typed or pasted in capitals (whole, as a
// prefix, or mixed) names the same document on every route that reads an
// id from the URL: it answered 404 on each.
func TestIDInAnyCase(t *testing.T) {
	ctx := context.Background()
	_, js := startNATS(t)
	doc := uitest.Samples()[0]
	originals := &Originals{JS: js}
	id, err := originals.Put(ctx, doc.Filename, "http", "text/plain", []byte(doc.Text))
	if err != nil {
		t.Fatal(err)
	}
	doc.ID = id
	s := newServer(t, Options{Index: openIndex(t, doc), Ingest: &connectors.Publisher{JS: js}, JS: js, Originals: originals})
	upper, mixed := strings.ToUpper(id), strings.ToUpper(id[:6])+id[6:12]
	for _, c := range []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/api/documents/" + upper, http.StatusOK},
		{http.MethodGet, "/api/documents/" + upper[:12], http.StatusOK},
		{http.MethodGet, "/api/documents/" + mixed, http.StatusOK},
		{http.MethodGet, "/documents/" + upper[:12], http.StatusOK},
		{http.MethodGet, "/documents/" + mixed + "/original", http.StatusOK},
		{http.MethodPost, "/api/documents/" + upper[:12] + "/reprocess", http.StatusAccepted},
		{http.MethodDelete, "/api/documents/" + mixed, http.StatusOK},
	} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		if rec.Code != c.want {
			t.Errorf("%s %s: %d %.200s, want %d", c.method, c.path, rec.Code, rec.Body, c.want)
		}
	}
	if ok, err := s.o.Index.Has(ctx, id); err != nil || ok {
		t.Errorf("deleted by a mixed-case id: still indexed (%v)", err)
	}
}

// The dead-letter page names a letter by the path it was sent with (a
// backfill's, within its archive): "broken-105.pdf" alone may name a file
// in each of many folders.
func TestDeadLettersPageNamesThePath(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), JS: js})
	m := nats.NewMsg("docmill.dlq.parse")
	m.Data = []byte("%PDF-1.4 garbage")
	m.Header.Set(pipeline.HeaderStage, "parse")
	m.Header.Set(pipeline.HeaderFilename, "broken-105.pdf")
	m.Header.Set(pipeline.HeaderMetaPrefix+"Path", "2016/legal/broken-105.pdf")
	m.Header.Set(pipeline.HeaderError, "parse broken-105.pdf: PDF cut short")
	if _, err := js.PublishMsg(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, s, "/dead-letters")
	if table := between(body, `id="dead-letters"`, "</table>"); !strings.Contains(table, "<td>2016/legal/broken-105.pdf</td>") {
		t.Errorf("dead letters page lacks the path:\n%s", table)
	}
}
