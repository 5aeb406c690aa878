package logs

import (
	"strings"
	"testing"
)

// klog writes a quoted value inside a quoted value with escaped quotes
// (err="... \"back-off 5m0s ... pod=api-7d9_prod(5f1e...)\""): the
// backslash of the closing \" was taken into the wildcard and the
// template ended `pod=<*>""`, a bracket of the pod's name was left
// outside it, and a URL took the backslash before its closing quote.
func TestEscapedQuotesStayAroundWildcards(t *testing.T) {
	s := Summarize([]string{
		`E0312 04:00:01.123456    1234 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \"StartContainer\" for \"api\" with CrashLoopBackOff: \"back-off 5m0s restarting failed container=api pod=api-7d9f8b6c5-x2k4j_prod(5f1e2d3c-1111-2222-3333-444455556666)\"" pod="prod/api-7d9f8b6c5-x2k4j"`,
		`E0312 04:00:11.223456    1234 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \"StartContainer\" for \"api\" with CrashLoopBackOff: \"back-off 2m40s restarting failed container=api pod=api-5c8d7b9f4-abcde_prod(6f1e2d3c-1111-2222-3333-444455556666)\"" pod="prod/api-5c8d7b9f4-abcde"`,
		`W0312 04:01:01.723456    1234 prober.go:104] "Probe failed" probeType="Liveness" pod="prod/db-0" output="Get \"http://10.0.0.5:8080/healthz\": dial tcp 10.0.0.5:8080: connect: connection refused"`,
	}, nil)
	want := map[string]bool{
		`"Error syncing pod, skipping" err="failed to \"StartContainer\" for \"api\" with CrashLoopBackOff: \"back-off <*> restarting failed container=api pod=<*>\"" pod="<*>"`: true,
		`"Probe failed" probeType="Liveness" pod="<*>" output="Get \"<*>\": dial tcp <*>: connect: connection refused"`:                                                          true,
	}
	for _, tpl := range s.Templates {
		if !want[tpl.Template] {
			t.Errorf("template %s", tpl.Template)
		}
		if strings.Contains(tpl.Template, `<*>""`) {
			t.Errorf("template %s splits an escaped quote", tpl.Template)
		}
	}
}
