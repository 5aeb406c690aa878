package parse

import (
	"testing"

	"github.com/docmill/docmill/document"
)

// kubectl's event tables are logs: read as plain text, their aligned
// columns were collapsed into one-space prose and no log summary was made.
func TestSniffKubectlEventTables(t *testing.T) {
	for name, data := range map[string]string{
		"events.txt": "LAST SEEN   TYPE      REASON    OBJECT           MESSAGE\n" +
			"2m          Warning   BackOff   pod/api-7d9f     Back-off restarting failed container\n" +
			"5m          Normal    Pulled    pod/api-7d9f     Container image \"api:1.4\" already present on machine\n",
		"describe.txt": "Name:         api-7d9f\nNamespace:    prod\nStatus:       Running\nEvents:\n" +
			"  Type     Reason   Age   From     Message\n" +
			"  ----     ------   ----  ----     -------\n" +
			"  Warning  BackOff  2m    kubelet  Back-off restarting failed container\n",
	} {
		if got := Sniff(name, []byte(data)); got != document.TypeLog {
			t.Errorf("Sniff(%s) = %s, want %s", name, got, document.TypeLog)
		}
	}
}
