package main

import (
	"strings"
	"testing"
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
