package server

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/config"
)

// A process started with a DOCMILL_* variable that nearly names a setting
// says so in its log: DOCMILL_HTTP_LISEN left serve on the default address
// without a word, and only `docmill config check` named the typo.
func TestStartWarnsOfMisspeltEnvironment(t *testing.T) {
	t.Setenv("DOCMILL_HTTP_LISEN", "127.0.0.1:9999")
	c := config.Default()
	c.Data, c.NATS.Listen, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), "", "127.0.0.1:0", true
	var logs lockedBuffer
	runUntilEnd(t, Options{Config: c, Role: RoleServe}, &logs)
	out := logs.String()
	if !strings.Contains(out, "DOCMILL_HTTP_LISEN") || !strings.Contains(out, "DOCMILL_HTTP_LISTEN") {
		t.Errorf("the start log does not name the misspelt variable and the setting it nearly names:\n%s", out)
	}
}
