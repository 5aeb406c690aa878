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
	wantTemplates(t, s.Templates, want)
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

// An error sample of a Windows event written as XML was its line cut to
// a few hundred characters: <Event xmlns=...><System><Provider ...
// markup, and not one value of the event. It now shows the time, the
// computer, the provider and EventID, and the data's names and values,
// or the rendered message when the record carries one.
func TestEventXMLErrorSamplesReadable(t *testing.T) {
	rendered := `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Service Control Manager' Guid='{555908d1-a6d7-4695-8e1e-26931d2012f4}' EventSourceName='Service Control Manager'/><EventID Qualifiers='49152'>7000</EventID><Version>0</Version><Level>2</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x8080000000000000</Keywords><TimeCreated SystemTime='2024-05-13T13:31:00.000000000Z'/><EventRecordID>99</EventRecordID><Correlation/><Execution ProcessID='700' ThreadID='720'/><Channel>System</Channel><Computer>WS01.corp.local</Computer><Security/></System><EventData><Data Name='param1'>Foo Service</Data><Data Name='param2'>%%1053</Data></EventData><RenderingInfo Culture='en-US'><Message>The Foo Service service failed to start due to the following error: 
The service did not respond to the start or control request in a timely fashion.</Message><Level>Error</Level><Provider>Microsoft-Windows-Service Control Manager</Provider></RenderingInfo></Event>`
	rendered = strings.ReplaceAll(rendered, "\n", "&#xA;")
	s := Summarize([]string{
		rendered,
		`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Kernel-Power' Guid='{331c3b3a-2005-44c2-ac5e-77220c37d6b4}'/><EventID>41</EventID><Version>8</Version><Level>1</Level><Task>63</Task><Opcode>0</Opcode><Keywords>0x8000400000000002</Keywords><TimeCreated SystemTime='2024-05-13T13:40:00.0000000Z'/><EventRecordID>5120</EventRecordID><Correlation/><Execution ProcessID='4' ThreadID='8'/><Channel>System</Channel><Computer>WS02.corp.local</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='BugcheckCode'>0</Data><Data Name='PowerButtonTimestamp'>0</Data><Data Name='SleepInProgress'>false</Data><Data Name='Reason'>power loss</Data></EventData></Event>`,
	}, nil)
	want := []string{
		"2024-05-13T13:31:00.000000000Z WS01.corp.local Service Control Manager EventID=7000: The Foo Service service failed to start due to the following error: The service did not respond to the start or control request in a timely fashion.",
		`2024-05-13T13:40:00.0000000Z WS02.corp.local Microsoft-Windows-Kernel-Power EventID=41: BugcheckCode=0 PowerButtonTimestamp=0 SleepInProgress=false Reason="power loss"`,
	}
	if len(s.Errors) != len(want) {
		t.Fatalf("error samples %q, want %q", s.Errors, want)
	}
	for i := range want {
		if s.Errors[i] != want[i] {
			t.Errorf("error sample %d %q, want %q", i, s.Errors[i], want[i])
		}
	}
}

// rendered4625 is a failed logon as Event Viewer saves it, with its
// rendered message (its line breaks and tabs written as references, on
// one line); its user, domain, address and port vary.
func rendered4625(user, domain, ip, port, t string) string {
	msg := "An account failed to log on.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-0-0\r\n\tAccount Name:\t\t-\r\n\tAccount Domain:\t\t-\r\n\tLogon ID:\t\t0x0\r\n\r\nLogon Type:\t\t\t3\r\n\r\nAccount For Which Logon Failed:\r\n\tSecurity ID:\t\tS-1-0-0\r\n\tAccount Name:\t\t" + user + "\r\n\tAccount Domain:\t\t" + domain + "\r\n\r\nFailure Information:\r\n\tFailure Reason:\t\tUnknown user name or bad password.\r\n\tStatus:\t\t\t0xC000006D\r\n\tSub Status:\t\t0xC000006A\r\n\r\nNetwork Information:\r\n\tWorkstation Name:\t" + strings.ToUpper(user) + "-PC\r\n\tSource Network Address:\t" + ip + "\r\n\tSource Port:\t\t" + port
	msg = strings.NewReplacer("\r", "&#xD;", "\n", "&#xA;", "\t", "&#x9;").Replace(msg)
	return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4625</EventID><Version>0</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode><Keywords>0x8010000000000000</Keywords><TimeCreated SystemTime='` + t + `'/><EventRecordID>1234</EventRecordID><Correlation/><Execution ProcessID='640' ThreadID='700'/><Channel>Security</Channel><Computer>DC01.corp.local</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>S-1-0-0</Data><Data Name='SubjectUserName'>-</Data><Data Name='SubjectDomainName'>-</Data><Data Name='SubjectLogonId'>0x0</Data><Data Name='TargetUserSid'>S-1-0-0</Data><Data Name='TargetUserName'>` + user + `</Data><Data Name='TargetDomainName'>` + domain + `</Data><Data Name='Status'>0xc000006d</Data><Data Name='FailureReason'>%%2313</Data><Data Name='SubStatus'>0xc000006a</Data><Data Name='LogonType'>3</Data><Data Name='WorkstationName'>` + strings.ToUpper(user) + `-PC</Data><Data Name='IpAddress'>` + ip + `</Data><Data Name='IpPort'>` + port + `</Data></EventData><RenderingInfo Culture='en-US'><Message>` + msg + `</Message><Level>Information</Level><Task>Logon</Task><Keywords><Keyword>Audit Failure</Keyword></Keywords></RenderingInfo></Event>`
}

// A record that carries its rendered message is named by it, its data's
// values masked: only the data's names were read, and what the event
// said ("The Foo service failed to start ...") was in no template.
func TestEventXMLRenderedMessageTemplate(t *testing.T) {
	scm := func(service, t string) string {
		return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Service Control Manager' EventSourceName='Service Control Manager'/><EventID Qualifiers='49152'>7000</EventID><Level>2</Level><TimeCreated SystemTime='` + t + `'/><Computer>WS01.corp.local</Computer></System><EventData><Data Name='param1'>` + service + `</Data><Data Name='param2'>%%1053</Data></EventData><RenderingInfo Culture='en-US'><Message>The ` + service + ` service failed to start due to the following error: &#xD;&#xA;The service did not respond to the start or control request in a timely fashion.</Message><Level>Error</Level></RenderingInfo></Event>`
	}
	s := Summarize([]string{
		scm("Foo Service", "2024-05-13T13:31:00Z"),
		scm("Bar", "2024-05-13T13:32:00Z"),
		rendered4625("alice", "CORP", "10.0.0.5", "51234", "2024-05-13T13:33:00Z"),
		rendered4625("bob", "EXAMPLE", "203.0.113.9", "0", "2024-05-13T13:34:00Z"),
	}, nil)
	got := map[string]int{}
	for _, tp := range s.Templates {
		got[tp.Template] = tp.Count
	}
	const scmTpl = "Service Control Manager EventID=7000: The <*> service failed to start due to the following error: The service did not respond to the start or control request in a timely fashion."
	if len(got) != 2 || got[scmTpl] != 2 {
		t.Fatalf("templates %v, want %q and the failed logon's, 2 each", got, scmTpl)
	}
	for tpl, n := range got {
		if tpl == scmTpl {
			continue
		}
		if n != 2 || !strings.HasPrefix(tpl, "Microsoft-Windows-Security-Auditing EventID=4625: An account failed to log on. Subject: Security ID: ") ||
			!strings.Contains(tpl, "Account Name: <*> Account Domain: <*>") || strings.Contains(tpl, "alice") || strings.Contains(tpl, "CORP") {
			t.Errorf("failed logon template %q (%d), want its message with the account masked, 2", tpl, n)
		}
	}
	if s.Levels["WARN"] != 2 || s.Levels["ERROR"] != 2 {
		t.Errorf("levels %v, want 2 WARN and 2 ERROR", s.Levels)
	}
}
