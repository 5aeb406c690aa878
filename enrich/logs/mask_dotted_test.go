package logs

import (
	"strings"
	"testing"
)

// Dotted service and class names were masked as variables: one with a
// digit in a part ("org.freedesktop.systemd1") for the digit, and one
// with a part that is a top-level domain ("java.io.IOException") as a
// host name. They name the event; a number after them and numbered hosts
// are still variables.
func TestDottedNamesKept(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Started org.freedesktop.systemd1 job.", "Started org.freedesktop.systemd1 job."},
		{"(com.apple.mdworker.bundles[12345]): Service exited with abnormal code: 78", "(com.apple.mdworker.bundles[<*>]): Service exited with abnormal code: <*>"},
		{"com.apple.xpc.launchd.domain.pid.mdmclient.12345 exited", "com.apple.xpc.launchd.domain.pid.mdmclient.<*> exited"},
		{"service name='org.freedesktop.hostname1' unit='dbus-org.freedesktop.hostname1.service'", "service name='org.freedesktop.hostname1' unit='dbus-org.freedesktop.hostname1.service'"},
		{"Caught java.io.IOException: broken pipe", "Caught java.io.IOException: broken pipe"},
		{"Loading org.apache.hadoop.mapreduce.v2.app.MRAppMaster now", "Loading org.apache.hadoop.mapreduce.v2.app.MRAppMaster now"},
		{"connect to web1.prod.example failed", "connect to <*> failed"},
		{"connect to ip-10-0-0-1.ec2.internal failed", "connect to <*> failed"},
		{"connect to db.example.com failed", "connect to <*> failed"},
		{"connect to mail.example.com. failed", "connect to <*>. failed"},
		{"rhost=biblioteka.wsi.edu.pl", "rhost=<*>"},
	} {
		if got := strings.Join(mask(c.in, DefaultConfig()), " "); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
