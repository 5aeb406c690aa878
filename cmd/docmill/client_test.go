package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/config"
)

// Every client command's --nats help names DOCMILL_NATS_URL, which sets it,
// as --nats-creds, --nats-token and --server name theirs; it said only the
// default.
func TestNATSFlagNamesItsEnv(t *testing.T) {
	for _, path := range [][]string{{"ingest"}, {"backfill"}, {"dlq", "list"}, {"dlq", "replay"}, {"dlq", "drop"}, {"model", "use"}, {"model", "compare"}} {
		cmd, _, err := rootCmd.Find(path)
		if err != nil {
			t.Fatalf("%v: %v", path, err)
		}
		f := cmd.Flags().Lookup("nats")
		if f == nil || !strings.Contains(f.Usage, "DOCMILL_NATS_URL") {
			t.Errorf("docmill %s --nats: %+v, want its help to name DOCMILL_NATS_URL", strings.Join(path, " "), f)
		}
	}
}

// The client commands present DOCMILL_AUTH_TOKEN to the broker when no
// NATS credential is given: a docmill serve with an auth token and no nats
// credentials requires it there too, and `docmill ingest` with that one
// variable kept working. Without it the broker refuses the command, and
// the error names the variable.
func TestClientCommandsPresentAuthToken(t *testing.T) {
	const token = "tok-cli"
	s := startServeWith(t, func(c *config.Config) { c.HTTP.AuthToken = token })
	file := filepath.Join(t.TempDir(), "memo.txt")
	if err := os.WriteFile(file, []byte("Memo: the supplier review is due on Friday."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"DOCMILL_AUTH_TOKEN", "DOCMILL_HTTP_AUTH_TOKEN", "DOCMILL_NATS_TOKEN", "DOCMILL_NATS_CREDS_FILE"} {
		t.Setenv(v, "")
	}
	_, _, err := execute(ingestCmd(), "--nats", s.NATSURL(), file)
	if err == nil || !strings.Contains(err.Error(), "Authorization Violation") || !strings.Contains(err.Error(), "DOCMILL_AUTH_TOKEN") {
		t.Fatalf("ingest without a token: %v, want it refused naming DOCMILL_AUTH_TOKEN", err)
	}
	t.Setenv("DOCMILL_AUTH_TOKEN", token) // read when the command's flags are made
	_, errOut, err := execute(ingestCmd(), "--nats", s.NATSURL(), file)
	if err != nil || !strings.Contains(errOut, "published 1 document (") {
		t.Fatalf("ingest with DOCMILL_AUTH_TOKEN: %v\n%s", err, errOut)
	}
	if _, _, err := execute(modelShowCmd(), "--nats", s.NATSURL()); err != nil {
		t.Errorf("model show with DOCMILL_AUTH_TOKEN: %v", err)
	}
}
