package logs

import "testing"

// A structured record with no message field still has its time and level
// read from its fields: a FortiGate traffic log (logfmt, date and time in
// two fields), a Kubernetes audit event and a CloudTrail record (JSON).
// The FortiGate record is its own content; the audit events are named by
// their event fields, and a CloudTrail call that failed is an error.
func TestRecordsWithoutMessageKeepTheirTime(t *testing.T) {
	for _, c := range []struct{ line, time, level, content string }{
		{`date=2024-12-31 time=23:50:00 devname="FGT60F-HQ" devid="FGT60FTK2209ABCD" logid="0000000013" type="traffic" subtype="forward" level="warning" srcip=10.1.2.3 srcport=51234 dstip=203.0.113.9 dstport=443 action="deny" policyid=4`,
			"2024-12-31T23:50:00", "WARN", ""},
		{`{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"6a1f","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/prod/pods","verb":"list","responseStatus":{"code":200},"requestReceivedTimestamp":"2024-12-31T23:50:00.123456Z","stageTimestamp":"2024-12-31T23:50:00.130000Z"}`,
			"2024-12-31T23:50:00.123456Z", "", "list"},
		{`{"eventVersion":"1.08","eventTime":"2024-12-31T23:50:07Z","eventSource":"ec2.amazonaws.com","eventName":"StopInstances","awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.9","errorCode":"AccessDenied"}`,
			"2024-12-31T23:50:07Z", "ERROR", "ec2.amazonaws.com StopInstances AccessDenied"},
	} {
		if c.content == "" {
			c.content = c.line
		}
		h, content := SplitHeader(c.line)
		if got := formatTime(h.Time); got != c.time || h.Level != c.level || content != c.content {
			t.Errorf("%q: time %q level %q content %q, want time %q level %q content %q", c.line, got, h.Level, content, c.time, c.level, c.content)
		}
	}
}
