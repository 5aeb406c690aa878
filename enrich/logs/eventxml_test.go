package logs

import (
	"strings"
	"testing"
)

// sysmonXML are Windows event records as Sysmon and the event log write
// them and Get-WinEvent's ToXml() exports them, one a line.
var sysmonXML = []string{
	`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2024-03-01T10:00:00.123Z'/><EventRecordID>1001</EventRecordID><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WS01.corp.local</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='UtcTime'>2024-03-01 10:00:00.120</Data><Data Name='ProcessId'>5120</Data><Data Name='Image'>C:\Windows\System32\cmd.exe</Data><Data Name='CommandLine'>cmd.exe /c whoami</Data><Data Name='User'>CORP\alice</Data></EventData></Event>`,
	`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>3</EventID><Version>5</Version><Level>4</Level><Task>3</Task><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2024-03-01T10:00:05.4561234Z'/><EventRecordID>1002</EventRecordID><Computer>WS01.corp.local</Computer></System><EventData><Data Name='UtcTime'>2024-03-01 10:00:05.450</Data><Data Name='ProcessId'>812</Data><Data Name='Image'>C:\Windows\System32\svchost.exe</Data><Data Name='CommandLine'>svchost.exe -k netsvcs</Data><Data Name='User'>NT AUTHORITY\SYSTEM</Data></EventData></Event>`,
	`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon'/><EventID>1</EventID><Level>4</Level><TimeCreated SystemTime='2024-03-01T10:01:00.000Z'/><Computer>WS02.corp.local</Computer></System><EventData><Data Name='UtcTime'>2024-03-01 10:01:00.000</Data><Data Name='ProcessId'>6120</Data><Data Name='Image'>C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe</Data><Data Name='CommandLine'>powershell -nop -enc AAAA</Data><Data Name='User'>CORP\bob</Data></EventData></Event>`,
	`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4625</EventID><Level>0</Level><Keywords>0x8010000000000000</Keywords><TimeCreated SystemTime='2024-03-01T10:02:00.000Z'/><Computer>DC01.corp.local</Computer></System><EventData><Data Name='TargetUserName'>admin</Data><Data Name='IpAddress'>203.0.113.9</Data></EventData></Event>`,
	`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>4624</EventID><Level>0</Level><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2024-03-01T10:02:30.000Z'/><Computer>DC01.corp.local</Computer></System><EventData><Data Name='TargetUserName'>alice</Data><Data Name='IpAddress'>10.0.0.5</Data></EventData></Event>`,
	`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Service Control Manager' EventSourceName='Service Control Manager'/><EventID Qualifiers='49152'>7000</EventID><Level>2</Level><TimeCreated SystemTime='2024-03-01T10:03:00.000Z'/><Computer>WS01.corp.local</Computer></System><EventData><Data Name='param1'>Foo Service</Data><Data Name='param2'>%%2</Data></EventData></Event>`,
	`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Service Control Manager' EventSourceName='Service Control Manager'/><EventID Qualifiers='16384'>7036</EventID><Level>4</Level><TimeCreated SystemTime='2024-03-01T10:03:30.000Z'/><Computer>WS01.corp.local</Computer></System><EventData><Data Name='param1'>Windows Update</Data><Data Name='param2'>running</Data></EventData></Event>`,
	`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Kernel-Power'/><EventID>41</EventID><Level>1</Level><TimeCreated SystemTime='2024-03-01T10:04:00.000Z'/><Computer>WS01.corp.local</Computer></System><EventData><Data Name='BugcheckCode'>0</Data></EventData></Event>`,
	`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon'/><EventID>11</EventID><Level>3</Level><TimeCreated SystemTime='2024-03-01T10:05:00.000Z'/><Computer>WS01.corp.local</Computer></System><EventData><Data Name='Image'>C:\x.exe</Data><Data Name='TargetFilename'>C:\Temp\a.dll</Data></EventData></Event>`,
}

// A Windows event written as XML is named by its provider and EventID,
// with its data's names (their values vary), its level read from Level
// (a failed audit a warning) and its time from TimeCreated. Each record
// was its own template, the whole element, markup and all, with no time
// and no level; and an EventID masked as a number made every event of a
// provider whose data have the same names one template.
func TestWindowsEventXMLTemplates(t *testing.T) {
	s := Summarize(sysmonXML, nil)
	want := map[string]int{
		"Microsoft-Windows-Sysmon EventID=1: UtcTime=<*> ProcessId=<*> Image=<*> CommandLine=<*> User=<*>": 2,
		"Microsoft-Windows-Sysmon EventID=3: UtcTime=<*> ProcessId=<*> Image=<*> CommandLine=<*> User=<*>": 1,
		"Microsoft-Windows-Security-Auditing EventID=4625: TargetUserName=<*> IpAddress=<*>":               1,
		"Microsoft-Windows-Security-Auditing EventID=4624: TargetUserName=<*> IpAddress=<*>":               1,
		"Service Control Manager EventID=7000: param1=<*> param2=<*>":                                      1,
		"Service Control Manager EventID=7036: param1=<*> param2=<*>":                                      1,
		"Microsoft-Windows-Kernel-Power EventID=41: BugcheckCode=<*>":                                      1,
		"Microsoft-Windows-Sysmon EventID=11: Image=<*> TargetFilename=<*>":                                1,
	}
	got := map[string]int{}
	for _, tp := range s.Templates {
		got[tp.Template] = tp.Count
	}
	if len(got) != len(want) {
		t.Fatalf("templates %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Fatalf("templates %v, want %v", got, want)
		}
	}
	wantLevels := map[string]int{"INFO": 5, "WARN": 2, "ERROR": 1, "FATAL": 1}
	for lv, n := range wantLevels {
		if s.Levels[lv] != n {
			t.Errorf("levels %v, want %v", s.Levels, wantLevels)
			break
		}
	}
	if s.Start != "2024-03-01T10:00:00.123Z" || s.End != "2024-03-01T10:05:00Z" {
		t.Errorf("span %s to %s, want 2024-03-01T10:00:00.123Z to 2024-03-01T10:05:00Z", s.Start, s.End)
	}
	if len(s.Errors) != 2 || !strings.Contains(s.Errors[0], "7000") {
		t.Errorf("errors %q, want the service that failed and the kernel power loss", s.Errors)
	}
}

// A line that merely opens with "<Event" is no event record.
func TestEventXMLNeedsTheWholeElement(t *testing.T) {
	for _, line := range []string{
		`<Event> started at 10:00`,
		`<Event xmlns='x'><System><EventID>1</EventID></System>`,
		`<Event xmlns='x'><System><EventID>1</System></Event>`,
	} {
		if _, _, ok := splitEventXML(line); ok {
			t.Errorf("%q read as an event record", line)
		}
	}
}
