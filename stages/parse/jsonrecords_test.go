package parse

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// cloudTrailRecords are three CloudTrail records, as the "Records" of a
// file CloudTrail writes to S3 hold them.
var cloudTrailRecords = []string{
	`{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"alice"},"eventTime":"2024-10-11T22:14:15Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","responseElements":{"ConsoleLogin":"Success"},"eventID":"1111"}`,
	`{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole"},"eventTime":"2024-10-11T22:20:33Z","eventSource":"s3.amazonaws.com","eventName":"PutBucketPolicy","awsRegion":"us-east-1","sourceIPAddress":"10.0.0.5","requestParameters":{"bucketName":"prod-data"},"eventID":"3333"}`,
	`{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole"},"eventTime":"2024-10-12T01:02:03Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","awsRegion":"eu-west-1","errorCode":"Client.UnauthorizedOperation","eventID":"4444"}`,
}

// A CloudTrail file is one JSON document, {"Records":[...]}, on one line
// or pretty printed; exported as JSON lines it has no level field. Each
// form is a log, and the document's records become its lines, one record
// each. All three were plain text.
func TestCloudTrailIsALog(t *testing.T) {
	pretty := "{\n  \"Records\": [\n    " + strings.Join(cloudTrailRecords, ",\n    ") + "\n  ]\n}\n"
	pretty = strings.ReplaceAll(pretty, `","`, "\",\n      \"")
	for name, data := range map[string]string{
		"one-line.json": `{"Records":[` + strings.Join(cloudTrailRecords, ",") + `]}`,
		"pretty.json":   pretty,
		"array.json":    "[" + strings.Join(cloudTrailRecords, ",") + "]",
		"lines.jsonl":   strings.Join(cloudTrailRecords, "\n") + "\n",
	} {
		p := mustParse(t, name, []byte(data))
		if p.ContentType != document.TypeLog {
			t.Errorf("%s: content type %q, want %q", name, p.ContentType, document.TypeLog)
			continue
		}
		if got := strings.Split(p.Text, "\n"); len(got) != len(cloudTrailRecords) || got[2] != cloudTrailRecords[2] {
			t.Errorf("%s: text\n%s\nwant one record a line", name, p.Text)
		}
	}
}

// JSON documents that hold no records with times stay what they were.
func TestJSONWithoutRecordsIsNoLog(t *testing.T) {
	for name, data := range map[string]string{
		"config.json": `{"name":"app","items":[{"id":1},{"id":2}]}`,
		"one.json":    `{"Records":[{"eventTime":"2024-10-11T22:14:15Z","eventName":"x"}]}`,
		"list.json":   `[1, 2, 3]`,
	} {
		if p := mustParse(t, name, []byte(data)); p.ContentType == document.TypeLog {
			t.Errorf("%s: read as a log", name)
		}
	}
}

// osquery's results, one JSON object a line dated by unixTime (after its
// name, host and calendarTime, too far in for the epoch to count as a
// stamp), are a log; they were plain text.
func TestOsqueryResultsAreALog(t *testing.T) {
	lines := `{"name":"pack_incident-response_logged_in_users","hostIdentifier":"web1","calendarTime":"Fri Oct 11 22:14:15 2024 UTC","unixTime":1728684855,"columns":{"user":"alice"},"action":"added"}
{"name":"pack_incident-response_logged_in_users","hostIdentifier":"web1","calendarTime":"Fri Oct 11 22:15:15 2024 UTC","unixTime":1728684915,"columns":{"user":"bob"},"action":"added"}
{"name":"pack_osquery-monitoring_schedule","hostIdentifier":"web1","calendarTime":"Fri Oct 11 22:16:15 2024 UTC","unixTime":1728684975,"columns":{"name":"crontab"},"action":"removed"}
`
	if p := mustParse(t, "osqueryd.results.log", []byte(lines)); p.ContentType != document.TypeLog {
		t.Errorf("content type %q, want %q", p.ContentType, document.TypeLog)
	}
}

// A Zeek log (conn.log) is a log: its directive lines ("#fields", ...)
// outnumbered its records, and it was plain text.
func TestZeekLogIsALog(t *testing.T) {
	text := "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2024-10-11-22-14-15\n" +
		"#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\n#types\ttime\tstring\taddr\tport\taddr\tport\tenum\n" +
		"1728684855.123456\tC1\t10.0.0.5\t53000\t10.0.0.2\t53\tudp\n1728684856.223456\tC2\t10.0.0.5\t53001\t93.184.216.34\t443\ttcp\n" +
		"1728684857.323456\tC3\t203.0.113.9\t4444\t10.0.0.8\t22\ttcp\n#close\t2024-10-11-23-00-00\n"
	if p := mustParse(t, "conn.log", []byte(text)); p.ContentType != document.TypeLog {
		t.Errorf("content type %q, want %q", p.ContentType, document.TypeLog)
	}
}

// CEF records without a syslog header open with "CEF:0|", no time: such
// a file was plain text.
func TestCEFLinesAreALog(t *testing.T) {
	text := "CEF:0|Fortinet|FortiGate|7.0|0419016384|ips: SQL.Injection detected|7|rt=1709287200000 src=10.0.0.5\n" +
		"CEF:0|Fortinet|FortiGate|7.0|0000000013|traffic:forward accept|3|rt=1709287201000 src=10.0.0.6\n" +
		"CEF:0|Fortinet|FortiGate|7.0|0000000013|traffic:forward accept|3|rt=1709287202000 src=10.0.0.7\n"
	if p := mustParse(t, "fortigate.cef", []byte(text)); p.ContentType != document.TypeLog {
		t.Errorf("content type %q, want %q", p.ContentType, document.TypeLog)
	}
}

// PowerShell's "Get-WinEvent | ConvertTo-Json" writes an array of events
// dated "/Date(ms)/": it was a JSON document, no log.
func TestPowerShellEventJSONIsALog(t *testing.T) {
	data := `[{"Id":4625,"ProviderName":"Microsoft-Windows-Security-Auditing","LevelDisplayName":"Information","TimeCreated":"\/Date(1709287200000)\/","Message":"An account failed to log on."},` +
		`{"Id":7000,"ProviderName":"Service Control Manager","LevelDisplayName":"Error","TimeCreated":"\/Date(1709287260000)\/","Message":"The Foo service failed to start."}]`
	p := mustParse(t, "events.json", []byte(data))
	if p.ContentType != document.TypeLog || len(strings.Split(p.Text, "\n")) != 2 {
		t.Errorf("content type %q, text\n%s\nwant a log of one record a line", p.ContentType, p.Text)
	}
}

// A log whose lines open with a bracketed date opens as a JSON array
// would, but holds no records: its text is its lines as written. PHP-FPM's
// and Laravel's first lines were cut into the number their date starts
// with ("0", "2026") and the rest, and lost their time and level.
func TestBracketDatedLogIsNoRecords(t *testing.T) {
	for name, data := range map[string]string{
		"php-fpm.log": "[03-Dec-2026 06:01:02] NOTICE: fpm is running, pid 1123\n[03-Dec-2026 06:20:12] ERROR: [pool www] child 2291 exited on signal 11 (SIGSEGV - core dumped) after 40.100000 seconds from start\n",
		"laravel.log": "[2026-12-03 06:01:02] production.ERROR: SQLSTATE[HY000] [2002] Connection refused\n[2026-12-03 06:01:05] production.INFO: Job processed\n",
	} {
		p := mustParse(t, name, []byte(data))
		if want := strings.TrimSpace(data); p.Text != want {
			t.Errorf("%s: text\n%q\nwant\n%q", name, p.Text, want)
		}
	}
}
