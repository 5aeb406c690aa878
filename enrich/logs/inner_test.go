package logs

import "testing"

// A program's own header under syslog's or journald's (kubelet's glog,
// containerd's logfmt, a JSON line) is read as the line's: left in the
// content, kubelet's "E0303 ..." errors had no level and their templates
// opened with the program's time and pid.
func TestInnerHeaderUnderSyslog(t *testing.T) {
	for _, c := range []struct{ line, level, content string }{
		{`Mar 03 10:00:01 node-7 kubelet[912]: E0303 10:00:01.123456     912 pod_workers.go:1298] "Error syncing pod, skipping" pod="prod/api"`, "ERROR", `"Error syncing pod, skipping" pod="prod/api"`},
		{`Mar 03 10:00:02 node-7 kubelet[912]: I0303 10:00:02.223456     912 kuberuntime_manager.go:1050] "Container restarted"`, "INFO", `"Container restarted"`},
		{`Mar 03 10:00:03 node-7 containerd[801]: time="2026-03-03T10:00:03.000000000Z" level=warning msg="cleaning up dead shim" namespace=k8s.io`, "WARN", "cleaning up dead shim"},
		{`Mar 03 10:00:04 node-7 app[77]: {"level":"error","msg":"payment declined","order":991}`, "ERROR", "payment declined"},
		{`Mar 03 10:00:05 node-7 sshd[1201]: Accepted password for alice from 10.0.0.5 port 52211 ssh2`, "", "Accepted password for alice from 10.0.0.5 port 52211 ssh2"},
	} {
		h, content := SplitHeader(c.line)
		if h.Level != c.level || content != c.content {
			t.Errorf("%q: level %q content %q, want %q %q", c.line, h.Level, content, c.level, c.content)
		}
	}
}
