package logs

import "testing"

// Windows events exported as JSON, by PowerShell's ConvertTo-Json
// (LevelDisplayName, TimeCreated as "/Date(ms)/") and NXLog (Severity,
// EventTime), had no time and no level: none of those fields was read.
func TestWindowsEventJSONTimesAndLevels(t *testing.T) {
	for _, c := range []struct{ line, time, level string }{
		{`{"Id":4625,"ProviderName":"Microsoft-Windows-Security-Auditing","LevelDisplayName":"Information","TimeCreated":"\/Date(1709287200000)\/","Message":"An account failed to log on."}`, "2024-03-01T10:00:00Z", "INFO"},
		{`{"Id":7000,"ProviderName":"Service Control Manager","LevelDisplayName":"Error","TimeCreated":"/Date(1709287260000+0100)/","Message":"The Foo service failed to start."}`, "2024-03-01T10:01:00Z", "ERROR"},
		{`{"EventTime":"2024-03-01 10:02:00","Hostname":"DC01","EventID":4625,"SourceName":"Microsoft-Windows-Security-Auditing","Severity":"WARNING","Message":"An account failed to log on."}`, "2024-03-01T10:02:00", "WARN"},
	} {
		h, content := SplitHeader(c.line)
		if formatTime(h.Time) != c.time || h.Level != c.level || content == c.line {
			t.Errorf("%.50s: time %q level %q content %q, want %q %q and the message", c.line, formatTime(h.Time), h.Level, content, c.time, c.level)
		}
	}
}

// A failed logon shipped as JSON says it failed in an outcome field, its
// level field information: Winlogbeat's (ECS) event.outcome "failure"
// and NXLog's EventType AUDIT_FAILURE were not read, and a log of failed
// logons had no warnings. The outcome raises the level to a warning, and
// never lowers a level that was worse.
func TestWindowsEventJSONFailedOutcome(t *testing.T) {
	for _, c := range []struct{ line, level string }{
		{`{"@timestamp":"2024-05-13T13:30:01.000Z","event":{"code":"4625","action":"logon-failed","outcome":"failure"},"log":{"level":"information"},"message":"An account failed to log on.","winlog":{"event_id":"4625"}}`, "WARN"},
		{`{"@timestamp":"2024-05-13T13:30:00.000Z","event":{"code":"4624","action":"logged-in","outcome":"success"},"log":{"level":"information"},"message":"An account was successfully logged on."}`, "INFO"},
		{`{"@timestamp":"2024-05-13T13:30:02.000Z","event.outcome":"failure","log.level":"information","message":"An account failed to log on."}`, "WARN"},
		{`{"@timestamp":"2024-05-13T13:30:03.000Z","event":{"outcome":"failure"},"log":{"level":"error"},"message":"Failed to connect to the output."}`, "ERROR"},
		{`{"EventTime":"2024-05-13 13:30:01","Hostname":"WS01","EventType":"AUDIT_FAILURE","EventID":4625,"SourceName":"Microsoft-Windows-Security-Auditing","Severity":"INFO","SeverityValue":2,"Message":"An account failed to log on."}`, "WARN"},
		{`{"EventTime":"2024-05-13 13:30:00","Hostname":"WS01","EventType":"AUDIT_SUCCESS","EventID":4624,"SourceName":"Microsoft-Windows-Security-Auditing","Severity":"INFO","SeverityValue":2,"Message":"An account was successfully logged on."}`, "INFO"},
		{`{"uuid":"a4","published":"2024-05-13T10:00:04.000Z","eventType":"user.session.start","severity":"ERROR","outcome":{"result":"FAILURE"}}`, "ERROR"},
	} {
		if h, _ := SplitHeader(c.line); h.Level != c.level {
			t.Errorf("%.60s: level %q, want %q", c.line, h.Level, c.level)
		}
	}
}

// PowerShell's ConvertTo-Json of a failed logon says Information in
// LevelDisplayName and Audit Failure in KeywordsDisplayNames, which was
// not read: a failed audit counted as INFO.
func TestWindowsEventJSONAuditFailureKeyword(t *testing.T) {
	for _, c := range []struct{ line, level string }{
		{`{"Id":4625,"ProviderName":"Microsoft-Windows-Security-Auditing","LevelDisplayName":"Information","KeywordsDisplayNames":["Audit Failure"],"TimeCreated":"\/Date(1709287200000)\/","Message":"An account failed to log on."}`, "WARN"},
		{`{"Id":4624,"ProviderName":"Microsoft-Windows-Security-Auditing","LevelDisplayName":"Information","KeywordsDisplayNames":["Audit Success"],"TimeCreated":"\/Date(1709287201000)\/","Message":"An account was successfully logged on."}`, "INFO"},
	} {
		if h, _ := SplitHeader(c.line); h.Level != c.level {
			t.Errorf("%.60s: level %q, want %q", c.line, h.Level, c.level)
		}
	}
}
