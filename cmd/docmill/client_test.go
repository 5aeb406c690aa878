package main

import (
	"strings"
	"testing"
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
