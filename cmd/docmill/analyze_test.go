package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// docmill analyze prints one result per document of a folder, and names
// the file it could not parse, with the reason, and fails.
func TestAnalyzeCommand(t *testing.T) {
	dir := t.TempDir()
	contract := "MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement is entered into on March 3, 2024 by and between " +
		"Acme Corp., a Delaware corporation (\"Acme\"), and Globex Ltd. (\"Globex\").\n\n1. Services. Globex shall provide " +
		"maintenance services to Acme.\n\n2. Governing Law. This Agreement shall be governed by the laws of the State of New York.\n"
	files := map[string]string{"msa.txt": contract, "sub/broken.pdf": "%PDF-1.4\n1 0 obj garbage", ".hidden/skip.txt": contract}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errs bytes.Buffer
	cmd := analyzeCmd()
	cmd.SetOut(&out)
	cmd.SetErr(&errs)
	cmd.SetArgs([]string{"--no-model", dir})
	err := cmd.Execute()
	if err == nil || !strings.Contains(err.Error(), "1 of 2 files") {
		t.Fatalf("err %v (stderr %s)", err, errs.String())
	}
	if !strings.Contains(errs.String(), "broken.pdf") || !strings.Contains(errs.String(), "PDF") {
		t.Errorf("stderr does not name the broken file and why: %s", errs.String())
	}
	var results []document.Result
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r document.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		results = append(results, r)
	}
	if len(results) != 1 {
		t.Fatalf("%d results, want 1 (the hidden folder is skipped): %s", len(results), out.String())
	}
	r := results[0]
	if r.Filename != "msa.txt" || r.Class != "contract" || r.Summary == "" || r.ID != document.ID([]byte(contract)) {
		t.Errorf("result %s %s class %q summary %q", r.ID, r.Filename, r.Class, r.Summary)
	}
	parties := 0
	for _, e := range r.Entities {
		if e.Kind == "party" {
			parties++
		}
	}
	if parties != 2 {
		t.Errorf("parties %d in %+v", parties, r.Entities)
	}
}

// A symbolic link, named or in a folder, is refused with why, as ingest
// refuses it, and the run fails: it was skipped with nothing said.
func TestAnalyzeRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "memo.txt")
	if err := os.WriteFile(target, []byte("The Supplier shall deliver the goods within thirty days.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	var out, errs bytes.Buffer
	cmd := analyzeCmd()
	cmd.SetOut(&out)
	cmd.SetErr(&errs)
	cmd.SetArgs([]string{"--no-model", link})
	err := cmd.Execute()
	if err == nil || !strings.Contains(errs.String(), "refused "+link+": a symbolic link; name the file it points to") || out.Len() != 0 {
		t.Errorf("err %v, stderr %q, stdout %q", err, errs.String(), out.String())
	}
}

// docmill analyze mines a log's templates with the configuration the
// server mines with: it mined with a zero configuration, whose variables
// in a row were not collapsed ("port <*> <*>" where the server writes
// "port <*>") and whose templates had no bound.
func TestAnalyzeMinesAsServed(t *testing.T) {
	p := filepath.Join(t.TempDir(), "auth.log")
	log := "Mar  3 10:01:02 web01 sshd[1201]: Accepted password for alice from 10.0.0.5 port 52211 ssh2\n" +
		"Mar  3 10:01:09 web01 sshd[1209]: Accepted password for bob from 10.0.0.7 port 52290 ssh2\n"
	if err := os.WriteFile(p, []byte(log), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	cmd := analyzeCmd()
	cmd.SetOut(&out)
	cmd.SetErr(&errs)
	cmd.SetArgs([]string{"--no-model", p})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%v (stderr %s)", err, errs.String())
	}
	var r document.Result
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%q: %v", out.String(), err)
	}
	if r.Log == nil || len(r.Log.Templates) != 1 || r.Log.Templates[0].Template != "Accepted password for <*> from <*> port <*>" {
		t.Errorf("log summary %+v, want one template \"Accepted password for <*> from <*> port <*>\"", r.Log)
	}
}
