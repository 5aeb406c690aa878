package logs

import (
	"fmt"
	"maps"
	"strings"
	"testing"
)

// An ordinary ERROR line that mentions QUERY:/CONTEXT:/LOCATION: in its
// message is its own entry, not a PostgreSQL detail line of the entry above.
func TestDetailWordsInErrorLinesAreNoDetails(t *testing.T) {
	lines := []string{
		"2024-01-02 10:00:00 INFO server started",
		"2024-01-02 10:00:01 ERROR slow QUERY: select * from users",
		"2024-01-02 10:00:02 ERROR upload rejected LOCATION: s3://bucket/a",
		"2024-01-02 10:00:03 WARN retry CONTEXT: worker 3",
	}
	s := Summarize(lines, nil)
	if s.Levels["ERROR"] != 2 || s.Levels["WARN"] != 1 {
		t.Errorf("levels %v, want ERROR 2, WARN 1", s.Levels)
	}
}

// "log" as the first word of a message is no level.
func TestLogWordIsNoLevel(t *testing.T) {
	for _, line := range []string{
		"2024-01-02 10:00:00 log rotated",
		"2024-01-02 10:00:00 Log file /var/log/app.log opened",
	} {
		h, content := SplitHeader(line)
		if h.Level != "" {
			t.Errorf("%q: level %q, content %q", line, h.Level, content)
		}
	}
}

// MySQL's error log brackets its levels: [System] and [Note] are
// information, beside [Warning] and [ERROR]; 5.7 writes a thread id and a
// component after [Note].
func TestMySQLErrorLogLevels(t *testing.T) {
	lines := []string{
		"2024-05-01T10:00:00.123456Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1",
		"2024-05-01T10:00:00.223456Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.",
		"2024-05-01T10:00:00.323456Z 1 [Note] [MY-012366] [InnoDB] Using Linux native AIO",
		"2024-05-01T10:00:01.123456Z 8 [ERROR] [MY-012592] [InnoDB] Operating system error number 2 in a file operation.",
		"2019-03-01 12:00:00 140234 [Note] InnoDB: Initializing buffer pool, total size = 128M",
	}
	s := Summarize(lines, nil)
	want := map[string]int{"INFO": 3, "WARN": 1, "ERROR": 1}
	if !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
	if s.ErrorShare != 0.4 {
		t.Errorf("error share %v, want 0.4", s.ErrorShare)
	}
	// bare, the words open messages and are no level
	for _, line := range []string{"2024-01-02 10:00:00 System started", "2024-01-02 10:00:00 Note: cache cleared"} {
		if h, _ := SplitHeader(line); h.Level != "" {
			t.Errorf("%q: level %q", line, h.Level)
		}
	}
}

// Windows Event Viewer's "Save as CSV": a header naming the level and time
// columns, the description as a last, unnamed column.
func TestCSVEventLogLevels(t *testing.T) {
	lines := []string{
		"Level,Date and Time,Source,Event ID,Task Category",
		`Information,5/1/2024 10:00:00 AM,Service Control Manager,7036,None,"The Windows Update service entered the running state."`,
		`Warning,5/1/2024 10:05:00 AM,Time-Service,129,None,"NtpClient was unable to set a domain peer, retrying in 15 minutes."`,
		`Error,5/1/2024 10:10:00 AM,Service Control Manager,7000,None,"The Foo service failed to start due to the following error: access is denied."`,
		`Critical,5/1/2024 10:20:00 AM,Kernel-Power,41,(63),"The system has rebooted without cleanly shutting down first."`,
		`Verbose,5/1/2024 10:30:00 AM,Service Control Manager,7036,None,"The Windows Update service entered the stopped state."`,
	}
	s := Summarize(lines, nil)
	want := map[string]int{"INFO": 1, "WARN": 1, "ERROR": 1, "FATAL": 1, "DEBUG": 1}
	if !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
	if s.ErrorShare != 0.6 || s.Entries != 5 {
		t.Errorf("error share %v of %d entries, want 0.6 of 5", s.ErrorShare, s.Entries)
	}
	if s.Start != "2024-05-01T10:00:00" || s.End != "2024-05-01T10:30:00" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
	if len(s.Errors) != 2 || !strings.Contains(s.Errors[0], "The Foo service failed") {
		t.Errorf("error samples %q", s.Errors)
	}
}

// PowerShell's Export-Csv of Get-WinEvent: a #TYPE line, every field
// quoted, the message first and over several lines, a numeric Level beside
// the LevelDisplayName word.
func TestCSVPowerShellEventLogLevels(t *testing.T) {
	text := `#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord
"Message","Id","Level","ProviderName","LogName","TimeCreated","LevelDisplayName","TaskDisplayName"
"The Windows Update service entered the running state.","7036","4","Service Control Manager","System","5/1/2024 10:00:00 AM","Information",""
"The Foo service terminated with the following error:
Access is denied.","7023","2","Service Control Manager","System","5/1/2024 10:01:00 AM","Error",""
"The previous system shutdown at 9:58:01 AM on 5/1/2024 was unexpected.","6008","2","EventLog","System","5/1/2024 10:02:00 AM","Error",""
"Name resolution for the name wpad timed out after none of the configured DNS servers responded.","1014","3","Microsoft-Windows-DNS-Client","System","5/1/2024 10:03:00 AM","Warning","(1014)"`
	s := Summarize(strings.Split(text, "\n"), nil)
	want := map[string]int{"INFO": 1, "WARN": 1, "ERROR": 2}
	if !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
	if s.Entries != 4 || s.ErrorShare != 0.75 {
		t.Errorf("%d entries, error share %v; want 4, 0.75", s.Entries, s.ErrorShare)
	}
	if len(s.Errors) == 0 || !strings.Contains(s.Errors[0], "Access is denied.") {
		t.Errorf("error samples %q, want the whole two-line message first", s.Errors)
	}
	// a CSV without a level column is no CSV log
	if IsCSVLogHeader("Name,City,Date of Birth") || !IsCSVLogHeader(`"Message","Id","TimeCreated","LevelDisplayName"`) {
		t.Error("IsCSVLogHeader: level and time columns make the header")
	}
}

// Event logs saved as CSV in other locales: the time span reads their
// dates in the locale's order of day and month, on either clock, decided
// by a date that leaves no doubt even when it comes late in the file.
func TestCSVEventLogDatesInOtherLocales(t *testing.T) {
	header := `"Level","Date and Time","Source","Event ID","Task Category"`
	row := func(level, at string) string {
		return fmt.Sprintf(`%q,%q,"Service Control Manager","7036","None",The service entered the running state.`, level, at)
	}
	for _, c := range []struct {
		name, first, last, start, end string
	}{
		{"en-US", "5/1/2024 10:00:00 AM", "5/13/2024 1:30:00 PM", "2024-05-01T10:00:00", "2024-05-13T13:30:00"},
		{"en-GB", "01/05/2024 10:00:00", "13/05/2024 13:30:00", "2024-05-01T10:00:00", "2024-05-13T13:30:00"},
		{"de-DE", "01.05.2024 10:00:00", "03.05.2024 13:30:00", "2024-05-01T10:00:00", "2024-05-03T13:30:00"},
		{"nl-NL", "1-5-2024 10:00:00", "3-5-2024 13:30:00", "2024-05-01T10:00:00", "2024-05-03T13:30:00"},
		{"ja-JP", "2024/05/01 10:00:00", "2024/5/3 13:30", "2024-05-01T10:00:00", "2024-05-03T13:30:00"},
		// slashes on a 24-hour clock, nothing over 12: day first by custom
		{"fr-FR", "01/05/2024 10:00:00", "03/05/2024 13:30:00", "2024-05-01T10:00:00", "2024-05-03T13:30:00"},
	} {
		lines := []string{header, row("Information", c.first)}
		for range 50 {
			lines = append(lines, row("Information", c.first))
		}
		lines = append(lines, row("Error", c.last))
		s := Summarize(lines, nil)
		if s.Start != c.start || s.End != c.end {
			t.Errorf("%s: span %s .. %s, want %s .. %s", c.name, s.Start, s.End, c.start, c.end)
		}
		if s.Levels["ERROR"] != 1 || s.Entries != 52 {
			t.Errorf("%s: levels %v, %d entries", c.name, s.Levels, s.Entries)
		}
	}
}

// The worker summarizes a log's text with SummarizeText, which walks it in
// place: a CSV log read so must give what Summarize gives its lines. The
// header detection looked at the first records through the same one-pass
// line iterator, and the summary then began where the detection stopped:
// an en-GB export, newest first, lost its newest record (the end of its
// span), and a de-DE one whose days are all 12 or less lost every record.
func TestSummarizeTextReadsCSVLogsWhole(t *testing.T) {
	for name, text := range map[string]string{
		"en-GB": "Level,Date and Time,Source,Event ID,Task Category\r\n" +
			`Information,13/05/2024 13:30:00,Service Control Manager,7036,None,"The Windows Update service entered the running state."` + "\r\n" +
			`Error,13/05/2024 09:15:42,Disk,7,None,"The device, \Device\Harddisk0\DR0, has a bad block."` + "\r\n" +
			`Warning,02/05/2024 08:00:01,Time-Service,129,None,"NtpClient was unable to set a domain peer."` + "\r\n" +
			`Information,01/05/2024 07:59:59,EventLog,6005,None,"The Event log service was started."` + "\r\n",
		"de-DE": "\uFEFFLevel,Date and Time,Source,Event ID,Task Category\n" +
			`Information,05.06.2024 10:00:00,EventLog,6005,None,"The Event log service was started."` + "\n" +
			`Error,01.05.2024 10:00:00,Disk,7,None,"The device has a bad block."`,
		"PowerShell": "#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\n" +
			`"Message","Id","Level","ProviderName","LogName","TimeCreated","LevelDisplayName"` + "\n" +
			`"The Foo service terminated with the following error:` + "\n" + `Access is denied.","7023","2","SCM","System","5/1/2024 10:01:00 AM","Error"` + "\n" +
			`"The Windows Update service entered the running state.","7036","4","SCM","System","5/13/2024 10:00:00 AM","Information"`,
	} {
		want := Summarize(strings.Split(text, "\n"), nil)
		got := SummarizeText(text, nil, Budget{})
		if got.Lines != want.Lines || got.Entries != want.Entries || got.Start != want.Start || got.End != want.End ||
			!maps.Equal(got.Levels, want.Levels) {
			t.Errorf("%s: SummarizeText read %d lines, %d entries, %v, %s .. %s; Summarize %d, %d, %v, %s .. %s", name,
				got.Lines, got.Entries, got.Levels, got.Start, got.End, want.Lines, want.Entries, want.Levels, want.Start, want.End)
		}
	}
	s := SummarizeText("Level,Date and Time,Source,Event ID,Task Category\n"+
		`Information,13/05/2024 13:30:00,SCM,7036,None,"started"`+"\n"+
		`Error,01/05/2024 07:59:59,Disk,7,None,"bad block"`, nil, Budget{})
	if s.Start != "2024-05-01T07:59:59" || s.End != "2024-05-13T13:30:00" || s.Levels["INFO"] != 1 || s.Levels["ERROR"] != 1 {
		t.Errorf("en-GB export newest first: span %s .. %s, levels %v", s.Start, s.End, s.Levels)
	}
}

// Event Viewer's German, French and Chinese exports name their columns
// and levels in the locale's words; its "Save as Text" parts them by tabs.
func TestCSVEventLogInGermanAndFrench(t *testing.T) {
	for name, text := range map[string]string{
		"de-DE": `Ebene,Datum und Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie
Informationen,01.05.2024 10:00:00,Service Control Manager,7036,Keine,Der Dienst wurde gestartet.
Warnung,01.05.2024 10:01:00,DNS Client Events,1014,(1014),Timeout bei der Namensauflösung.
Fehler,14.05.2024 18:45:10,Service Control Manager,7023,Keine,Der Dienst wurde mit folgendem Fehler beendet.`,
		"fr-FR": `Niveau,Date et heure,Source,ID de l'événement,Catégorie de la tâche
Information,01/05/2024 10:00:00,Service Control Manager,7036,Aucun,Le service est entré dans l'état : en cours d'exécution.
Avertissement,01/05/2024 10:01:00,DNS Client Events,1014,(1014),La résolution du nom a expiré.
Erreur,14/05/2024 18:45:10,Service Control Manager,7023,Aucun,Le service s'est arrêté avec l'erreur suivante.`,
		"zh-CN": `级别,日期和时间,来源,事件 ID,任务类别
信息,2024/5/1 10:00:00,Service Control Manager,7036,无,服务已进入运行状态。
警告,2024/5/1 10:01:00,DNS Client Events,1014,(1014),名称解析超时。
错误,2024/5/14 18:45:10,Service Control Manager,7023,无,服务因下列错误而停止。`,
		// "Save as Text": the same columns, parted by tabs
		"en-US tab-separated": "Level\tDate and Time\tSource\tEvent ID\tTask Category\n" +
			"Information\t5/1/2024 10:00:00 AM\tService Control Manager\t7036\tNone\tThe service entered the running state.\n" +
			"Warning\t5/1/2024 10:01:00 AM\tDNS Client Events\t1014\t(1014)\tName resolution timed out.\n" +
			"Error\t5/14/2024 6:45:10 PM\tService Control Manager\t7023\tNone\tThe service terminated with an error.",
	} {
		s := SummarizeText(text, nil, Budget{})
		want := map[string]int{"INFO": 1, "WARN": 1, "ERROR": 1}
		if !maps.Equal(s.Levels, want) || s.Entries != 3 {
			t.Errorf("%s: levels %v, %d entries; want %v, 3", name, s.Levels, s.Entries, want)
		}
		if s.Start != "2024-05-01T10:00:00" || s.End != "2024-05-14T18:45:10" {
			t.Errorf("%s: span %s .. %s", name, s.Start, s.End)
		}
	}
}

// A time written without a zone is the log's own clock: the span says so
// by carrying no offset, not by claiming UTC. One with a zone keeps it, an
// epoch is UTC.
func TestSpanZones(t *testing.T) {
	for line, want := range map[string]string{
		"2024-05-01 10:00:00 INFO started":            "2024-05-01T10:00:00",
		"2024-05-01T10:00:00Z INFO started":           "2024-05-01T10:00:00Z",
		"2024-05-01T10:00:00+02:00 INFO started":      "2024-05-01T10:00:00+02:00",
		"2024-05-01 10:00:00.123 CET INFO started":    "2024-05-01T10:00:00.123+01:00",
		`{"time":1714557600,"msg":"started"}`:         "2024-05-01T10:00:00Z",
		"I0501 10:00:00.000000 1 main.go:10] started": "--05-01T10:00:00",
	} {
		if s := Summarize([]string{line}, nil); s.Start != want {
			t.Errorf("%s: start %q, want %q", line, s.Start, want)
		}
	}
}

// Programs that write no level report failures in words: sshd's "Failed
// password", PAM's "authentication failure" are warnings (a log of failed
// logins read "2% warnings or errors").
func TestFailuresWithoutLevelAreWarnings(t *testing.T) {
	lines := []string{
		"Dec 10 06:55:48 LabSZ sshd[24200]: Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2",
		"Jun 14 15:16:02 combo sshd(pam_unix)[19937]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4",
		"Dec 10 06:55:50 LabSZ sshd[24202]: Received disconnect from 173.234.31.186: 11: Bye Bye [preauth]",
		"Dec 10 06:55:52 LabSZ sshd[24204]: Accepted password for fred from 10.0.0.2 port 51000 ssh2",
	}
	s := Summarize(lines, nil)
	if s.Levels["WARN"] != 2 || s.ErrorShare != 0.5 {
		t.Errorf("levels %v, share %v; want 2 warnings of 4", s.Levels, s.ErrorShare)
	}
}

// The failures su, sudo and sshd write in words without a level are
// warnings too: sudo's wrong passwords and its refusal of a user not in
// sudoers, su's "FAILED SU", sshd's "Failed none" read as neither
// warnings nor errors. A sudo that ran is no warning.
func TestLocalFailuresWithoutLevelAreWarnings(t *testing.T) {
	lines := []string{
		"Mar  3 09:21:09 web1 sudo:    carol : 3 incorrect password attempts ; TTY=pts/2 ; PWD=/home/carol ; USER=root ; COMMAND=/usr/bin/apt upgrade",
		"Mar  3 09:20:44 web1 sudo:      bob : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/bash",
		"Mar  3 09:30:17 web1 su[3310]: FAILED SU (to root) bob on pts/1",
		"Mar  3 09:31:00 web1 su[3312]: FAILED su for root by erin",
		"Dec 10 08:24:40 LabSZ sshd[24363]: Failed none for invalid user 0 from 5.188.10.180 port 49811 ssh2",
		"Mar  3 09:13:10 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx",
		"Mar  3 09:13:10 web1 sudo: pam_unix(sudo:session): session opened for user root by alice(uid=1000)",
		"Dec 10 08:24:41 LabSZ sshd[24363]: Failed subcommands 3406",
	}
	s := Summarize(lines, nil)
	if s.Levels["WARN"] != 5 || len(s.Levels) != 1 {
		t.Errorf("levels %v; want 5 warnings of 8", s.Levels)
	}
}

// logrotate's cron job writes "ALERT exited abnormally with [1]" through
// logger at notice priority when a night's rotation fails: an error, not
// FATAL, which every such night read as in loghub's Linux log. An alert
// a header gives (nginx's "[alert]", syslog's PRI 1) stays FATAL.
func TestAlertWordInMessageIsError(t *testing.T) {
	for line, want := range map[string]string{
		"Jul  1 04:05:19 combo logrotate: ALERT exited abnormally with [1]":                                       "ERROR",
		"2024/05/13 10:00:00 [alert] 1234#1234: 1024 worker_connections are not enough":                           "FATAL",
		"<161>May 13 10:00:00 web1 app[7]: disk array degraded":                                                   "FATAL",
		"Jul  1 04:05:19 combo app[7]: CRITICAL database unreachable, shutting down":                              "FATAL",
		"2024-05-13T10:00:00Z web1 sudo: pam_unix(sudo:session): session opened for user root by alice(uid=1000)": "",
	} {
		if got := lineLevel(SplitHeader(line)); got != want {
			t.Errorf("%q: level %q, want %q", line, got, want)
		}
	}
}

// The kernel reports an OOM kill or a segfault without a level: an error
// (a syslog with 18 processes killed read "no errors").
func TestKernelErrorEventsWithoutLevel(t *testing.T) {
	lines := []string{
		"May  1 09:01:43 web01 kernel: [79255.347495] Out of memory: Killed process 18900 (java) total-vm:8123456kB, anon-rss:1987654kB",
		"May  1 09:02:10 web01 kernel: [79282.100000] nginx[2211]: segfault at 0 ip 00007f ip sp error 4 in libc.so",
		"May  1 09:03:00 web01 systemd[1]: Started Session 12 of user root.",
		"May  1 09:04:00 web01 CRON[3101]: (root) CMD (run-parts /etc/cron.hourly)",
	}
	s := Summarize(lines, nil)
	if s.Levels["ERROR"] != 2 || s.ErrorShare != 0.5 {
		t.Errorf("levels %v, share %v; want 2 errors of 4", s.Levels, s.ErrorShare)
	}
}

// An Event Viewer export whose header ends in a comma names the unnamed
// description column with an empty name: it is a CSV log all the same.
// Read as plain lines, its header was a template, its levels and span
// were lost, and each quoted two-line message was two entries.
func TestCSVEventLogHeaderWithTrailingComma(t *testing.T) {
	text := "Level,Date and Time,Source,Event ID,Task Category,\r\n" +
		"Error,4/4/2025 3:00:00 AM,Microsoft-Windows-DistributedCOM,10016,None,The application-specific permission settings do not grant Local Activation permission.\r\n" +
		"Warning,4/4/2025 2:50:00 AM,Microsoft-Windows-Time-Service,36,None,The time service has not synchronized the system time for 86400 seconds.\r\n" +
		"Information,4/4/2025 1:42:00 AM,Service Control Manager,7036,None,The Windows Update service entered the running state.\r\n" +
		"Error,4/3/2025 7:47:00 PM,Service Control Manager,7000,None,\"The Contoso Backup Agent service failed to start due to the following error: \r\n" +
		"The system cannot find the file specified.\"\r\n" +
		"Critical,4/3/2025 8:13:00 AM,Microsoft-Windows-Kernel-Power,41,(63),The system has rebooted without cleanly shutting down first.\r\n"
	if !IsCSVLogHeader("Level,Date and Time,Source,Event ID,Task Category,") {
		t.Error("IsCSVLogHeader: a trailing comma unmakes the header")
	}
	s := SummarizeText(text, nil, Budget{})
	want := map[string]int{"ERROR": 2, "WARN": 1, "INFO": 1, "FATAL": 1}
	if !maps.Equal(s.Levels, want) || s.Entries != 5 || s.ErrorShare != 0.8 {
		t.Errorf("levels %v, %d entries, share %v; want %v, 5 entries, 0.8", s.Levels, s.Entries, s.ErrorShare, want)
	}
	if s.Start != "2025-04-03T08:13:00" || s.End != "2025-04-04T03:00:00" {
		t.Errorf("span %s .. %s", s.Start, s.End)
	}
	for _, tpl := range s.Templates {
		if strings.Contains(tpl.Template, "Date and Time") || strings.HasPrefix(tpl.Template, "The system cannot") {
			t.Errorf("template %q: header or half a message", tpl.Template)
		}
	}
	// an empty name before the last is no header's
	if IsCSVLogHeader("Level,,Date and Time,Source") {
		t.Error("IsCSVLogHeader: an empty column name inside the header")
	}
}

// systemd writes no level in its journal lines: a unit that failed to
// start is an error (systemd logs it at its error priority), its
// "Failed with result" a warning.
func TestSystemdFailuresWithoutLevel(t *testing.T) {
	lines := []string{
		"May 02 08:12:48 web-03 systemd[1]: Failed to start A high performance web server and a reverse proxy server.",
		"May 02 08:20:30 web-03 systemd[1]: nginx.service: Failed with result 'exit-code'.",
		"May 02 08:16:57 web-03 systemd[1]: Started Session 72203 of User deploy.",
		"May 02 08:17:00 web-03 app[7]: retrying 2 jobs that failed to start",
	}
	s := Summarize(lines, nil)
	want := map[string]int{"ERROR": 1, "WARN": 1}
	if !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
}

// A unit's process that exited with a failure, dumped core or was killed
// by a signal other than a stop is a warning, as systemd logs it; a clean
// exit or a stop by SIGTERM is not. A crash-looping service's syslog read
// no warning but its "Failed with result".
func TestSystemdUnitExitsWithoutLevel(t *testing.T) {
	for line, want := range map[string]string{
		"Mar  3 10:03:00 web01 systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE": "WARN",
		"Mar  3 10:03:00 web01 systemd[1]: app.service: Main process exited, code=killed, status=9/KILL":       "WARN",
		"Mar  3 10:03:00 web01 systemd[1]: app.service: Main process exited, code=dumped, status=11/SEGV":      "WARN",
		"Mar  3 10:03:00 web01 systemd[1]: app.service: Control process exited, code=exited, status=203/EXEC":  "WARN",
		"Mar  3 10:03:00 web01 systemd[1]: docker.service: Start request repeated too quickly.":                "WARN",
		"Mar  3 10:03:00 web01 systemd[1]: Unit docker.service entered failed state.":                          "WARN",
		"Mar  3 10:03:00 web01 systemd[1]: app.service: Main process exited, code=exited, status=0/SUCCESS":    "",
		"Mar  3 10:03:00 web01 systemd[1]: app.service: Main process exited, code=killed, status=15/TERM":      "",
		"Mar  3 10:03:00 web01 systemd[1]: docker.service: Scheduled restart job, restart counter is at 1.":    "",
	} {
		s := Summarize([]string{line}, nil)
		got := ""
		for lv := range s.Levels {
			got = lv
		}
		if got != want {
			t.Errorf("%q: level %q, want %q", line, got, want)
		}
	}
}

// FAIL is a level as a test runner's verdict only: "FAIL count reset" and
// "Setting FAIL threshold" are messages.
func TestFailIsAVerdictOnly(t *testing.T) {
	for line, want := range map[string]string{
		"2024-05-01 12:00:01 Setting FAIL threshold to 3 retries":    "",
		"2024-05-01 12:00:02 FAIL count reset to 0 after probe":      "",
		"2025-08-04T09:15:40.1Z --- FAIL: TestRefund (0.01s)":        "ERROR",
		"2025-08-04T09:15:41.1Z FAIL\tgithub.com/acme/ledger\t3.88s": "ERROR",
	} {
		got := lineLevel(SplitHeader(line))
		if got != want {
			t.Errorf("%q: level %q, want %q", line, got, want)
		}
	}
}

// A bare Java stack trace, the JVM's report of an exception no code
// caught, is one ERROR entry with its frames; it had no level.
func TestUncaughtJavaExceptionIsError(t *testing.T) {
	text := "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null\n" +
		"\tat com.acme.App.run(App.java:10)\n" +
		"\tat com.acme.App.main(App.java:5)"
	s := SummarizeText(text, nil, Budget{})
	if s.Entries != 1 || s.Levels["ERROR"] != 1 {
		t.Errorf("%d entries, levels %v; want 1 ERROR entry", s.Entries, s.Levels)
	}
}

// A syslog line's priority is its severity when it writes no level word
// (RFC 5424 "<11>1 ...", RFC 3164 "<34>Oct 11 ..."): the levels were {}.
func TestSyslogPriorityIsLevel(t *testing.T) {
	for line, want := range map[string]string{
		"<11>1 2024-05-13T10:00:00.000+02:00 host1 app 123 ID47 - disk failure on sda0":         "ERROR",
		"<14>1 2024-05-13T10:00:01.000+02:00 host1 app 123 ID47 - tick 1":                       "INFO",
		"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8":          "FATAL",
		"<12>1 2024-05-13T10:00:02Z host1 app - - - low disk space":                             "WARN",
		"<15>1 2024-05-13T10:00:02Z host1 app - - - DEBUG cache miss":                           "DEBUG",
		"<14>1 2024-05-13T10:00:03Z host1 app - - - ERROR the level word wins over the default": "ERROR",
	} {
		if h, _ := SplitHeader(line); h.Level != want {
			t.Errorf("%q: level %q, want %q", line, h.Level, want)
		}
	}
}

// A message without a level word that reports an error by the word, as a
// label or with where it came from, is an error wherever the log comes
// from; "errors" and "no error" are no such report.
func TestErrorReportsWithoutLevel(t *testing.T) {
	for content, want := range map[string]string{
		"proxy.example.org:5070 error : Could not connect through proxy proxy.example.org:5070 - Proxy server cannot establish a connection": "ERROR",
		"http: TLS handshake error from 10.0.0.7:51234: EOF": "ERROR",
		"read error: connection reset by peer":               "ERROR",
		"checked 12 files, 0 errors: all good":               "",
		"no error occurred during the backup":                "",
		"error_count: 0":                                     "",
	} {
		if got := messageLevel(content); got != want {
			t.Errorf("%q: level %q, want %q", content, got, want)
		}
	}
}

// PostgreSQL logging to syslog numbers its lines ("[3-1]") before the
// severity, after the syslog header, with or without its own line
// prefix: the severity was not found, and an incident of 85
// "FATAL:  remaining connection slots are reserved" lines in a journal
// read "no errors".
func TestPostgresSyslogSeverity(t *testing.T) {
	for line, want := range map[string]string{
		"2026-11-30T09:10:00+0000 db-01 postgres[2345]: [3-1] FATAL:  remaining connection slots are reserved for non-replication superuser connections": "FATAL",
		"Nov 30 09:10:00 db-01 postgres[2345]: [4-1] LOG:  checkpoint starting: time":                                                                    "INFO",
		"Nov 30 09:10:00 db-01 postgres[2345]: [5-1] 2026-11-30 09:10:00.123 UTC [2345] ERROR:  relation \"ordrs\" does not exist at character 15":       "ERROR",
		"Nov 30 09:10:00 db-01 postgres[2345]: [6-1] user=app,db=shop WARNING:  there is no transaction in progress":                                     "WARN",
		"Nov 30 09:10:00 db-01 postgres[2345]: [7-1] DEBUG2:  autovacuum: processing database \"shop\"":                                                  "DEBUG",
	} {
		lv := lineLevel(SplitHeader(line))
		if lv != want {
			t.Errorf("%q: level %q, want %q", line, lv, want)
		}
	}
}

// A word with a colon after PostgreSQL's severity ("LOG:  duration: ...",
// "LOG:  statement: ...") was read as a component: the template of every
// slow query lost its "duration:".
func TestPostgresWordAfterSeverityIsMessage(t *testing.T) {
	for line, want := range map[string]string{
		"2026-11-30 09:00:00.123 UTC [2345] LOG:  duration: 1234.567 ms  statement: SELECT 1": "duration: 1234.567 ms  statement: SELECT 1",
		"2026-11-30 09:00:00.123 UTC [2345] app@shop LOG:  statement: SELECT 2":               "statement: SELECT 2",
		"2024-05-13 10:00:00,123 INFO main: started":                                          "started",
	} {
		if _, content := SplitHeader(line); content != want {
			t.Errorf("%q: content %q, want %q", line, content, want)
		}
	}
}

// nginx's error log names the process, thread and connection after the
// level ("[error] 1234#1234: *5678 ..."): they were the message's first
// tokens, and every template opened "<*>: <*>".
func TestNginxErrorLogProcessIsHeader(t *testing.T) {
	for line, want := range map[string]string{
		`2026/11/30 09:24:05 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream`: "connect() failed (111: Connection refused) while connecting to upstream",
		`2026/11/30 09:24:06 [notice] 1#1: signal 1 (SIGHUP) received from 812, reconfiguring`:                                 "signal 1 (SIGHUP) received from 812, reconfiguring",
	} {
		if h, content := SplitHeader(line); content != want || h.Level == "" {
			t.Errorf("%q: level %q, content %q, want %q", line, h.Level, content, want)
		}
	}
}

// klog's JSON format writes no level: an ErrorS line carries "err", an
// InfoS line "v". A controller's reconcile errors read as no error.
func TestKlogJSONLevels(t *testing.T) {
	for line, want := range map[string]string{
		`{"ts":1764493200.123,"caller":"controller/reconcile.go:112","msg":"Reconciler error","controller":"deployment","err":"the object has been modified"}`: "ERROR",
		`{"ts":1764493200.5,"caller":"controller/reconcile.go:80","msg":"Reconciling","v":2}`:                                                                  "INFO",
		`{"ts":1764493200.5,"caller":"x.go:1","msg":"no verbosity, no error"}`:                                                                                 "",
		`{"ts":"2026-11-30T09:00:00Z","msg":"not klog","err":"x"}`:                                                                                             "",
	} {
		if h, _ := SplitHeader(line); h.Level != want {
			t.Errorf("%s: level %q, want %q", line, h.Level, want)
		}
	}
}

// Spring Boot's console header goes on past the level: the pid, "---",
// the application and thread in brackets, the logger and a lone colon.
// The message was all of it after the level, and a message logged from
// two threads was two templates.
func TestSpringBootHeader(t *testing.T) {
	for line, want := range map[string]string{
		"2023-10-30T10:00:00.123+01:00  INFO 12345 --- [           main] com.example.demo.DemoApplication         : Started DemoApplication in 1.2 seconds": "Started DemoApplication in 1.2 seconds",
		"2024-05-13T10:00:00.123Z  WARN 1 --- [demo] [   scheduling-1] c.e.d.Jobs                               : Job late":                                 "Job late",
	} {
		if h, content := SplitHeader(line); content != want || h.Level == "" || h.Component == "" {
			t.Errorf("%q: level %q, component %q, content %q, want %q", line, h.Level, h.Component, content, want)
		}
	}
	m := NewMiner(DefaultConfig())
	for _, l := range []string{
		"2023-10-30 10:00:00.123  INFO 12345 --- [           main] c.e.d.Cache                              : Cache warmed",
		"2023-10-30 10:00:01.123  INFO 12345 --- [     cache-warm] c.e.d.Cache                              : Cache warmed",
	} {
		_, content := SplitHeader(l)
		m.Add(content)
	}
	wantMined(t, m.Templates(), map[string]int{"Cache warmed": 2})
}

// sshd's disconnect of a client past MaxAuthTries is a failed login
// like the "Failed password" lines before it: it had no level, and a
// client guessing keys (whose failures sshd logs only at VERBOSE) wrote
// nothing else. Each such connection counts once for its address.
func TestTooManyAuthenticationFailuresIsWarning(t *testing.T) {
	lines := []string{
		"Mar  3 10:06:02 web1 sshd[3001]: Disconnecting invalid user admin 203.0.113.9 port 4242: Too many authentication failures [preauth]",
		"Mar  3 10:06:12 web1 sshd[3002]: Disconnecting authenticating user root 203.0.113.9 port 4243: Too many authentication failures [preauth]",
		"Mar  3 10:07:00 web1 sshd[2300]: Accepted publickey for alice from 192.0.2.10 port 50022 ssh2: ED25519 SHA256:abc",
	}
	s := Summarize(lines, nil)
	if s.Levels["WARN"] != 2 || len(s.Levels) != 1 {
		t.Errorf("levels %v, want 2 warnings", s.Levels)
	}
	if len(s.FailedLoginSources) != 1 || s.FailedLoginSources[0].Name != "203.0.113.9" || s.FailedLoginSources[0].Count != 2 {
		t.Errorf("failed login sources %+v, want 203.0.113.9 2×", s.FailedLoginSources)
	}
}

// nginx's own stderr, as the journal keeps it, brackets its level after
// the program's name: the levels are those of nginx's error log (emerg,
// alert and crit FATAL as a syslog priority of 0 to 2 is, warn WARN).
// They read as no level, and nginx failing to bind read as no error.
func TestProgramBracketLevelInJournal(t *testing.T) {
	s := Summarize([]string{
		"Mar 03 10:00:01 web1 nginx[812]: nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)",
		"Mar 03 10:00:01 web1 nginx[812]: nginx: [crit] SSL_CTX_use_PrivateKey failed",
		"Mar 03 10:00:01 web1 nginx[812]: nginx: [warn] conflicting server name \"example.com\" on 0.0.0.0:80, ignored",
		"Mar 03 10:00:02 web1 nginx[812]: nginx: configuration file /etc/nginx/nginx.conf test is successful",
		"<2>Mar  3 10:00:03 web1 app: crit thing",
	}, nil)
	if want := map[string]int{"FATAL": 3, "WARN": 1}; !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
}

// PostgreSQL writes a server process that was killed or crashed at LOG,
// its everyday level: it is an error (every other session is ended to
// recover), whether PostgreSQL writes its own file or sends to syslog.
// A clean exit stays information.
func TestPostgresChildCrashIsError(t *testing.T) {
	s := Summarize([]string{
		"2026-03-03 10:08:00.000 UTC [1021] LOG:  server process (PID 2230) was terminated by signal 9: Killed",
		"2026-03-03 10:08:00.001 UTC [1021] LOG:  terminating any other active server processes",
		"Mar  3 10:09:00 db1 postgres[1021]: [7-1] LOG:  autovacuum worker process (PID 77) exited with exit code 1",
		"2026-03-03 10:10:00.000 UTC [1021] LOG:  background worker \"logical replication launcher\" (PID 80) exited with exit code 1",
		"2026-03-03 10:11:00.000 UTC [1021] LOG:  background writer process (PID 81) exited with exit code 0",
	}, nil)
	if want := map[string]int{"ERROR": 2, "INFO": 3}; !maps.Equal(s.Levels, want) {
		t.Errorf("levels %v, want %v", s.Levels, want)
	}
}
