package main

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/server"
)

// A command that only holds subcommands refuses one it does not have:
// `docmill config chek FILE` and `docmill model swap X` printed the help
// and exited 0, so a CI step with a typo passed without checking anything.
// Run from the root, as the binary does: a command run alone is its own
// root, which cobra already checks.
func TestUnknownSubcommandFails(t *testing.T) {
	for _, args := range [][]string{{"config", "chek", "f.yaml"}, {"model", "swap", "x"}, {"dlq", "lst"},
		{"index", "rebuld"}, {"bench", "modle"}} {
		_, _, err := execute(rootCmd, args...)
		if err == nil || !strings.Contains(err.Error(), "unknown command") || !strings.Contains(err.Error(), args[1]) {
			t.Errorf("docmill %s: %v, want an unknown command error", strings.Join(args, " "), err)
		}
	}
	// the group alone still prints its help
	if out, _, err := execute(rootCmd, "config"); err != nil || !strings.Contains(out, "check") {
		t.Errorf("docmill config: %v\n%s", err, out)
	}
}

// serve --broker-only refuses what it cannot do rather than ignore it:
// files to ingest or folders to watch (nothing analyses them there), an
// external broker (it would run nothing) and a model.
func TestServeBrokerOnlyRefusesWhatItCannotDo(t *testing.T) {
	for _, args := range [][]string{
		{"--watch", t.TempDir()},
		{"--ingest", t.TempDir()},
		{"--nats", "nats://127.0.0.1:1"},
		{"--no-model"},
	} {
		cmd := roleCmd(server.RoleServe, "")
		// own ports: were a refusal missing, the broker would start
		_, _, err := execute(cmd, append([]string{"--broker-only", "--data", t.TempDir(), "--http", "127.0.0.1:0", "--nats-listen", "127.0.0.1:18763"}, args...)...)
		if err == nil || !strings.Contains(err.Error(), "broker-only") || strings.Contains(err.Error(), "unknown flag") {
			t.Errorf("serve --broker-only %v: %v, want it refused", args, err)
		}
	}
}
