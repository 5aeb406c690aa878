package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/docmill/docmill/connectors"
)

// A backfill pointed at the wrong server must say which address it tried
// and how to name the right one, not only "connection refused".
func TestStoredViaNamesTheServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := "http://" + l.Addr().String()
	l.Close() // nothing listens there now
	_, err = storedVia(addr, "")(context.Background(), strings.Repeat("a", 64))
	if err == nil || !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "--server") {
		t.Fatalf("error %v, want one naming %s and --server", err, addr)
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/known") {
			w.Write([]byte(`{"model":{"name":"docmill-mini","version":"0.2.0+free.1.5.0"}}`))
			return
		}
		if strings.HasSuffix(r.URL.Path, "/refused") { // as web answers for a dead-lettered document
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"error":"get refused: document not found","failed":"parse junk.bin: unsupported or binary content"}`))
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	if v, err := storedVia(srv.URL, "tok")(context.Background(), "known"); err != nil || v != "docmill-mini@0.2.0+free.1.5.0" {
		t.Errorf("stored %q, %v", v, err)
	}
	if v, err := storedVia(srv.URL, "tok")(context.Background(), "absent"); err != nil || v != "" {
		t.Errorf("absent: %q, %v", v, err)
	}
	// a document the pipeline refused is not sent again by a backfill
	if v, err := storedVia(srv.URL, "tok")(context.Background(), "refused"); v != "" || !errors.Is(err, connectors.ErrDeadLettered) || !strings.Contains(err.Error(), "junk.bin") {
		t.Errorf("dead-lettered: %q, %v", v, err)
	}
	// the server's token is sent (--auth-token); without it, 401 says so
	// and names the flag
	if _, err := storedVia(srv.URL, "")(context.Background(), "known"); err == nil || !strings.Contains(err.Error(), "401") || !strings.Contains(err.Error(), "--auth-token") {
		t.Errorf("without the token: %v", err)
	}
}

// A bundle for the workers may be on their disks only: an absolute path
// not found here is sent on; a relative one, or a folder here that is no
// bundle, is refused.
func TestBundleOnWorkers(t *testing.T) {
	if dir, err := bundleOnWorkers("/opt/docmill/model/bundles/docmill-mini-not-here"); err != nil || dir != "/opt/docmill/model/bundles/docmill-mini-not-here" {
		t.Errorf("absolute path elsewhere: %q %v", dir, err)
	}
	if _, err := bundleOnWorkers("no/such/bundle"); err == nil || !strings.Contains(err.Error(), "absolute path") {
		t.Errorf("relative path not here: %v", err)
	}
	if _, err := bundleOnWorkers(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not a model bundle") {
		t.Errorf("empty folder here: %v", err)
	}
}
