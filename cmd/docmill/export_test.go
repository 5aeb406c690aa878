package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
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

// docmill export --format csv against a running docmill: a header and one
// row per contract, with the dates the entity extractor found, counted as
// documents however many lines a quoted cell spans; --expires filters.
func TestExportCommandCSV(t *testing.T) {
	s := startServe(t)
	files := map[string]string{
		"msa.txt": "MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement is made as of March 3, 2090 between Acme Corp. and Beta LLC.\n\n" +
			"The term of this Agreement is twenty-four (24) months.\n\nThis Agreement shall be governed by the laws of the State of New York.\n",
		"nda.txt": "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Agreement is made as of May 1, 2020 between Initech Inc. and Acme Corp.\n\n" +
			"The Recipient shall keep the \"Confidential Information\" secret.\nThis Agreement shall be governed by the laws of Delaware.\n",
	}
	ingestFiles(t, s, files)
	export := func(args ...string) ([][]string, string) {
		out := filepath.Join(t.TempDir(), "x.csv")
		cmd := exportCmd()
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		cmd.SetArgs(append([]string{"--server", s.HTTPURL(), "--format", "csv", "-o", out}, args...))
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(out)
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		return rows, string(data)
	}
	rows, data := export("--class", "contract")
	if len(rows) != 3 || rows[0][0] != "id" {
		t.Fatalf("%d rows, want a header and 2 contracts:\n%s", len(rows), data)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	byFile := map[string][]string{}
	for _, r := range rows[1:] {
		byFile[r[col["filename"]]] = r
	}
	if r := byFile["msa.txt"]; r == nil || r[col["agreement_date"]] != "2090-03-03" || r[col["expiration_date"]] != "2092-03-03" ||
		r[col["governing_law"]] != "New York" || !strings.Contains(r[col["parties"]], "Beta LLC") {
		t.Errorf("msa row %q", r)
	}
	if rows, data = export("--class", "contract", "--expires", "later"); len(rows) != 2 || rows[1][col["filename"]] != "msa.txt" {
		t.Errorf("--expires later: want the MSA alone:\n%s", data)
	}
	// the filters search takes: a class repeated is any of them (it was
	// refused, "flag already set"), a facet by --filter
	if rows, data = export("--class", "contract", "--class", "regulation"); len(rows) != 3 {
		t.Errorf("--class contract --class regulation: want a header and 2 contracts:\n%s", data)
	}
	if rows, data = export("--filter", "governing_law=Delaware"); len(rows) != 2 || rows[1][col["filename"]] != "nda.txt" {
		t.Errorf("--filter governing_law=Delaware: want the NDA alone:\n%s", data)
	}
}

// In CSV, a line break inside a quoted cell does not end a row, and a last
// row "error,<reason>" is the server's error.
func TestCountingWriterCSV(t *testing.T) {
	var sink bytes.Buffer
	c := &countingWriter{w: &sink, csv: true}
	io.WriteString(c, "id,summary\na,\"two\nlines, \"\"quoted\"\"\"\nb,plain\nerror,index read failed\n")
	if c.lines != 4 || c.lastErr != "index read failed" {
		t.Errorf("%d records, error %q; want 4 and the reason", c.lines, c.lastErr)
	}
	if sink.Len() == 0 {
		t.Error("nothing passed on")
	}
}

// A record reaches the file only whole: a stream that breaks in the
// middle of a line leaves the records before it and nothing of that line.
func TestCountingWriterHoldsPartialLines(t *testing.T) {
	var sink bytes.Buffer
	c := &countingWriter{w: &sink}
	io.WriteString(c, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"te")
	if c.lines != 2 || sink.String() != "{\"id\":\"a\"}\n{\"id\":\"b\"}\n" {
		t.Errorf("%d records, file %q", c.lines, sink.String())
	}
	io.WriteString(c, "xt\":\"x\"}\n")
	if c.lines != 3 || !strings.HasSuffix(sink.String(), "{\"id\":\"c\",\"text\":\"x\"}\n") {
		t.Errorf("%d records, file %q", c.lines, sink.String())
	}
}

// docmill export prints the server's notice for its query on standard
// error (a mistyped field, nothing matched), leaving the output file
// records only: an empty export of "clas:contract" said only "exported 0
// documents", as if the archive held no contracts.
func TestExportCommandNotice(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Docmill-Notice", url.QueryEscape(`"clas:" names no field, so it was searched as text; did you mean class:contract?`))
	}))
	defer srv.Close()
	dir := t.TempDir()
	errFile, err := os.Create(filepath.Join(dir, "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer errFile.Close()
	stderr := os.Stderr
	os.Stderr = errFile
	defer func() { os.Stderr = stderr }()
	cmd := exportCmd()
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	cmd.SetArgs([]string{"--server", srv.URL, "-o", filepath.Join(dir, "x.jsonl"), "clas:contract"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	os.Stderr = stderr
	got, _ := os.ReadFile(errFile.Name())
	if want := "exported 0 documents\n\"clas:\" names no field, so it was searched as text; did you mean class:contract?\n"; string(got) != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
	if out, _ := os.ReadFile(filepath.Join(dir, "x.jsonl")); len(out) != 0 {
		t.Errorf("output %q", out)
	}
}
