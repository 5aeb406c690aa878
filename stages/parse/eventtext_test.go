package parse

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// "wevtutil qe Security /f:text" writes each event as "Event[0]:" and
// indented fields, with CRLF line ends: a log whose fields keep their
// indentation. It was plain text.
func TestWindowsEventTextExportIsALog(t *testing.T) {
	text := "Event[0]:\r\n  Log Name: Security\r\n  Source: Microsoft-Windows-Security-Auditing\r\n  Date: 2024-10-11T22:14:15.123\r\n" +
		"  Event ID: 4625\r\n  Level: Information\r\n  Keyword: Audit Failure\r\n  Description: \r\nAn account failed to log on.\r\n\r\n" +
		"Subject:\r\n\tSecurity ID:\t\tS-1-0-0\r\n\r\nEvent[1]:\r\n  Log Name: Security\r\n  Source: Microsoft-Windows-Security-Auditing\r\n" +
		"  Date: 2024-10-11T22:15:01.456\r\n  Event ID: 4624\r\n  Level: Information\r\n  Description: \r\nAn account was successfully logged on.\r\n"
	p := mustParse(t, "security.txt", []byte(text))
	if p.ContentType != document.TypeLog {
		t.Fatalf("content type %q, want %q", p.ContentType, document.TypeLog)
	}
	if !strings.Contains(p.Text, "\n  Event ID: 4625\n") {
		t.Errorf("fields lost their indentation:\n%s", p.Text)
	}
}
