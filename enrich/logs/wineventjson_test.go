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
