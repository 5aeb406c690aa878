package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRepoComposeIsClean(t *testing.T) {
	problems, err := checkComposeFile("../compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Fatalf("deploy/compose.yaml:\n%s", strings.Join(problems, "\n"))
	}
}

func TestBadComposeIsCaught(t *testing.T) {
	dt, err := os.ReadFile("../compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct{ old, new, want string }{
		"schema":    {"retries: 6", "retriez: 6", "additional properties 'retriez'"},
		"replicas":  {"replicas: 2", "replicas: 3", "want 2 worker replicas"},
		"jetstream": {`"--js", `, "", "JetStream is not enabled"},
		"healthy":   {"condition: service_healthy", "condition: service_started", "does not wait for a healthy NATS"},
		"flag":      {`"--threads", "2"`, `"--thread", "2"`, `unknown docmill flag "--thread"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			bad := strings.ReplaceAll(string(dt), c.old, c.new)
			bad = strings.ReplaceAll(bad, "context: ..", "context: "+mustAbs(t, "../.."))
			path := filepath.Join(t.TempDir(), "compose.yaml")
			if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
				t.Fatal(err)
			}
			problems, err := checkComposeFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(problems, "\n"), c.want) {
				t.Fatalf("want a problem containing %q, got %q", c.want, problems)
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
