package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docmill export writes what the server streams and fails when the stream
// ends with the server's error line, saying how far it got.
func TestExportCommand(t *testing.T) {
	body := `{"id":"a"}` + "\n" + `{"id":"b"}` + "\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/export" || r.URL.Query().Get("class") != "log" || r.Header.Get("Authorization") != "Bearer tok" {
			http.Error(w, `{"error":"unexpected request"}`, http.StatusBadRequest)
			return
		}
		w.Write([]byte(body))
	}))
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "x.jsonl")
	run := func() error {
		cmd := exportCmd()
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		cmd.SetArgs([]string{"--server", srv.URL, "--auth-token", "tok", "--class", "log", "-o", out})
		return cmd.Execute()
	}
	if err := run(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); string(got) != body {
		t.Errorf("wrote %q", got)
	}
	body += `{"error":"index read failed"}` + "\n"
	if err := run(); err == nil || !strings.Contains(err.Error(), "after 2 documents: index read failed") {
		t.Errorf("stream ending with an error: %v", err)
	}
}
