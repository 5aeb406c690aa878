package logs

import "testing"

// CloudTrail records, one JSON object a line, have no message field: the
// template is the call, not the whole record, whose ids and addresses
// made every record a template of its own. Times come from eventTime,
// and a failed call is an error.
func TestCloudTrailTemplatesByCall(t *testing.T) {
	s := Summarize([]string{
		`{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"alice","arn":"arn:aws:iam::123456789012:user/alice"},"eventTime":"2024-10-11T22:14:15Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","sourceIPAddress":"198.51.100.7","eventID":"1111"}`,
		`{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"bob"},"eventTime":"2024-10-11T22:15:01Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","sourceIPAddress":"203.0.113.9","errorMessage":"Failed authentication","eventID":"2222"}`,
		`{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole"},"eventTime":"2024-10-11T22:20:33Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","requestParameters":{"bucketName":"prod-data","key":"a.csv"},"eventID":"3333"}`,
		`{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole"},"eventTime":"2024-10-12T01:02:03Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","requestParameters":{"bucketName":"logs","key":"b/c.gz"},"eventID":"4444"}`,
		`{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole"},"eventTime":"2024-10-12T01:05:00Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances","errorCode":"Client.UnauthorizedOperation","eventID":"5555"}`,
	}, nil)
	if len(s.Templates) != 3 || s.Templates[0].Count != 2 || s.Templates[1].Count != 2 {
		t.Errorf("templates %+v, want 3: ConsoleLogin and GetObject twice each, RunInstances", s.Templates)
	}
	if s.Start != "2024-10-11T22:14:15Z" || s.End != "2024-10-12T01:05:00Z" {
		t.Errorf("span %s to %s", s.Start, s.End)
	}
	if s.Levels["ERROR"] != 1 || len(s.Errors) != 1 {
		t.Errorf("levels %v, errors %q: want the failed call as the one error", s.Levels, s.Errors)
	}
}

// Okta's system log dates its events "published", osquery its results
// "unixTime": records with those times were read without one.
func TestOktaAndOsqueryTimes(t *testing.T) {
	for _, c := range []struct{ line, time string }{
		{`{"uuid":"u1","published":"2024-10-11T22:14:15.123Z","eventType":"user.session.start","severity":"INFO","displayMessage":"User login to Okta","outcome":{"result":"SUCCESS"}}`, "2024-10-11T22:14:15.123Z"},
		{`{"name":"pack_incident-response_logged_in_users","hostIdentifier":"web1","calendarTime":"Fri Oct 11 22:14:15 2024 UTC","unixTime":1728684855,"columns":{"user":"alice"},"action":"added"}`, "2024-10-11T22:14:15Z"},
	} {
		if h, _ := SplitHeader(c.line); formatTime(h.Time) != c.time {
			t.Errorf("%.40s: time %q, want %q", c.line, formatTime(h.Time), c.time)
		}
	}
}

// Security events grade themselves in fields of their own: Okta writes
// severity INFO for a failed login and says FAILURE in outcome.result,
// and Suricata grades an alert in alert.severity (1 the highest). Both
// were read as no warning at all.
func TestSecurityEventLevels(t *testing.T) {
	s := Summarize([]string{
		`{"uuid":"a1","published":"2024-05-13T10:00:01.000Z","eventType":"user.session.start","severity":"INFO","outcome":{"result":"SUCCESS","reason":null}}`,
		`{"uuid":"a2","published":"2024-05-13T10:00:02.000Z","eventType":"user.session.start","severity":"INFO","outcome":{"result":"FAILURE","reason":"INVALID_CREDENTIALS"}}`,
		`{"uuid":"a3","published":"2024-05-13T10:00:03.000Z","eventType":"policy.evaluate_sign_on","severity":"INFO","outcome":{"result":"DENY"}}`,
		`{"timestamp":"2024-05-13T10:00:04.000000+0000","event_type":"alert","src_ip":"10.0.0.5","alert":{"signature":"GPL ATTACK_RESPONSE id check returned root","severity":1}}`,
		`{"timestamp":"2024-05-13T10:00:05.000000+0000","event_type":"alert","src_ip":"10.0.0.6","alert":{"signature":"ET POLICY curl User-Agent Outbound","severity":2}}`,
		`{"timestamp":"2024-05-13T10:00:06.000000+0000","event_type":"alert","src_ip":"10.0.0.7","alert":{"signature":"ET SCAN Potential SSH Scan","severity":3}}`,
		`{"timestamp":"2024-05-13T10:00:07.000000+0000","event_type":"flow","src_ip":"10.0.0.8"}`,
	}, nil)
	want := map[string]int{"INFO": 1, "WARN": 3, "ERROR": 1, "NOTICE": 1}
	for lv, n := range want {
		if s.Levels[lv] != n {
			t.Errorf("levels %v, want %v", s.Levels, want)
			break
		}
	}
	if s.ErrorShare < 0.57 || s.ErrorShare > 0.58 {
		t.Errorf("error share %.3f, want 4 of 7", s.ErrorShare)
	}
}

// A Suricata alert is named by its signature, as an Okta event by its
// eventType: every alert of an eve.json was one template "alert".
func TestSuricataAlertTemplateBySignature(t *testing.T) {
	s := Summarize([]string{
		`{"timestamp":"2024-03-01T10:00:00.000000+0000","flow_id":1,"event_type":"alert","src_ip":"10.0.0.5","dest_ip":"203.0.113.9","dest_port":80,"alert":{"action":"allowed","signature_id":2013028,"signature":"ET POLICY curl User-Agent Outbound","category":"Attempted Information Leak","severity":2}}`,
		`{"timestamp":"2024-03-01T10:00:01.000000+0000","flow_id":2,"event_type":"alert","src_ip":"10.0.0.6","dest_ip":"198.51.100.7","dest_port":53,"alert":{"action":"allowed","signature_id":2027865,"signature":"ET INFO Observed DNS Query to .cloud TLD","category":"Potentially Bad Traffic","severity":2}}`,
		`{"timestamp":"2024-03-01T10:00:02.000000+0000","flow_id":3,"event_type":"alert","src_ip":"10.0.0.7","dest_ip":"203.0.113.10","dest_port":80,"alert":{"action":"allowed","signature_id":2013028,"signature":"ET POLICY curl User-Agent Outbound","category":"Attempted Information Leak","severity":2}}`,
		`{"timestamp":"2024-03-01T10:00:03.000000+0000","flow_id":4,"event_type":"alert","src_ip":"10.0.0.8","dest_ip":"192.0.2.1","dest_port":22,"alert":{"action":"blocked","signature_id":2001219,"signature":"ET SCAN Potential SSH Scan","category":"Attempted Information Leak","severity":1}}`,
		`{"timestamp":"2024-03-01T10:00:04.000000+0000","flow_id":5,"event_type":"dns","src_ip":"10.0.0.5","dns":{"type":"query","rrname":"example.com"}}`,
	}, nil)
	want := map[string]int{
		"alert ET POLICY curl User-Agent Outbound":       2,
		"alert ET INFO Observed DNS Query to .cloud TLD": 1,
		"alert ET SCAN Potential SSH Scan":               1,
		"dns":                                            1,
	}
	wantTemplates(t, s.Templates, want)
}
