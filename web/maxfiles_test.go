package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/pipeline/broker"
)

// A multipart upload carries at most Options.MaxFiles files: the first
// MaxFiles are taken and the answer (207) names the rest as not taken,
// as for a body over the size limit. One upload of 20,000 tiny files
// became 20,000 documents.
func TestUploadFilesBounded(t *testing.T) {
	_, js := startNATS(t)
	s := newServer(t, Options{Index: openIndex(t), Ingest: &connectors.Publisher{JS: js}, MaxFiles: 3})
	files := map[string][]byte{}
	for i := range 5 {
		files[fmt.Sprintf("f%d.txt", i)] = []byte(fmt.Sprintf("file number %d of five", i))
	}
	body, ct := multipartBody(t, files)
	req := httptest.NewRequest(http.MethodPost, "/api/documents", body)
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusMultiStatus || !strings.Contains(rec.Body.String(), "at most 3 files") {
		t.Errorf("5 files over a limit of 3: %d %s", rec.Code, rec.Body)
	}
	var got struct{ Documents []uploaded }
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	taken := 0
	for _, u := range got.Documents {
		if u.ID != "" {
			taken++
		}
	}
	if taken != 3 || len(got.Documents) != 4 {
		t.Errorf("%d of %d entries taken, want 3 and the rest: %s", taken, len(got.Documents), rec.Body)
	}
	st, err := js.Stream(context.Background(), broker.StreamIngest)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n := info.State.Msgs; n != 3 {
		t.Errorf("%d documents ingested, want 3", n)
	}
	// the upload page lists the files it took and says the same of the rest
	body, ct = multipartBody(t, files)
	req = httptest.NewRequest(http.MethodPost, "/upload", body)
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if !strings.Contains(rec.Body.String(), "at most 3 files") {
		t.Errorf("upload page, 5 files over a limit of 3: %d %s", rec.Code, rec.Body)
	}
	delete(files, "f4.txt")
	delete(files, "f3.txt")
	body, ct = multipartBody(t, files)
	req = httptest.NewRequest(http.MethodPost, "/api/documents", body)
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusAccepted {
		t.Errorf("3 files, the limit: %d %s", rec.Code, rec.Body)
	}
}
