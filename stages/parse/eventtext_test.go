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

// Windows events exported as XML, one <Event> element a line (Sysmon,
// Get-WinEvent's ToXml()), are a log whatever the file is called, one
// record a line. They were plain text: no line opens with a time.
func TestWindowsEventXMLLinesAreALog(t *testing.T) {
	rec := func(id, level, at, data string) string {
		return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>` +
			id + `</EventID><Version>5</Version><Level>` + level + `</Level><TimeCreated SystemTime='` + at +
			`'/><Computer>WS01.corp.local</Computer></System><EventData>` + data + `</EventData></Event>`
	}
	lines := []string{
		rec("1", "4", "2024-03-01T10:00:00.123Z", `<Data Name='Image'>C:\Windows\System32\cmd.exe</Data><Data Name='CommandLine'>cmd.exe /c whoami</Data>`),
		rec("3", "4", "2024-03-01T10:00:05.456Z", `<Data Name='Image'>C:\Windows\System32\svchost.exe</Data><Data Name='DestinationIp'>52.1.2.3</Data>`),
		rec("11", "3", "2024-03-01T10:01:00.000Z", `<Data Name='Image'>C:\x.exe</Data><Data Name='TargetFilename'>C:\Temp\a.dll</Data>`),
	}
	for _, name := range []string{"sysmon.log", "sysmon.xml", "sysmon.txt", "message-12"} {
		p := mustParse(t, name, []byte(strings.Join(lines, "\r\n")+"\r\n"))
		if p.ContentType != document.TypeLog {
			t.Errorf("%s: content type %q, want %q", name, p.ContentType, document.TypeLog)
			continue
		}
		if got := strings.Split(p.Text, "\n"); len(got) != len(lines) || got[2] != lines[2] {
			t.Errorf("%s: text\n%s\nwant one record a line", name, p.Text)
		}
	}
}

// Windows events exported as one XML document: Event Viewer's "Save All
// Events As... XML" (a declaration and an <Events> root around the
// records), "wevtutil qe /f:xml" (records run together on one line),
// and records pretty printed. The first was an XML document, the others
// plain text; each is a log of one record a line.
func TestWindowsEventXMLDocumentsAreALog(t *testing.T) {
	rec := func(id, at string) string {
		return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>` +
			id + `</EventID><Level>0</Level><TimeCreated SystemTime='` + at + `'/><Computer>DC01.corp.local</Computer></System>` +
			`<EventData><Data Name='TargetUserName'>admin</Data><Data Name='IpAddress'>203.0.113.9</Data></EventData></Event>`
	}
	recs := []string{rec("4625", "2024-03-01T10:02:00.000Z"), rec("4624", "2024-03-01T10:02:30.000Z"), rec("4634", "2024-03-01T10:03:00.000Z")}
	pretty := strings.NewReplacer("><", ">\r\n  <").Replace(strings.Join(recs, "\r\n"))
	for name, data := range map[string]string{
		"saved.xml":    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Events>\r\n" + strings.Join(recs, "\r\n") + "\r\n</Events>\r\n",
		"wevtutil.xml": strings.Join(recs, ""),
		"pretty.xml":   "<Events>\r\n" + pretty + "\r\n</Events>",
	} {
		p := mustParse(t, name, []byte(data))
		if p.ContentType != document.TypeLog {
			t.Errorf("%s: content type %q, want %q", name, p.ContentType, document.TypeLog)
			continue
		}
		if got := strings.Split(p.Text, "\n"); len(got) != len(recs) || got[2] != recs[2] {
			t.Errorf("%s: text\n%s\nwant one record a line", name, p.Text)
		}
	}
}
