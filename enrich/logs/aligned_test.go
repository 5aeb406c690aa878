package logs

import (
	"cmp"
	"maps"
	"strings"
	"testing"
)

// kubectl's event tables are read by their columns: the type is the
// level ("Warning" a warning, "Normal" information), the entry is the
// reason and the message, and the header, describe's rule and the pod
// description above its "Events:" are no entries. Read line by line,
// each row opened with its age, the header was a template and the
// Normal rows had no level.
func TestKubectlEventTables(t *testing.T) {
	events := strings.Join([]string{
		"LAST SEEN   TYPE      REASON             OBJECT                      MESSAGE",
		"12m         Normal    Scheduled          pod/api-7d9f6c5b8-x2k4q     Successfully assigned prod/api-7d9f6c5b8-x2k4q to node-3",
		"11m         Normal    Started            pod/api-7d9f6c5b8-x2k4q     Started container api",
		"2m          Warning   BackOff            pod/api-7d9f6c5b8-x2k4q     Back-off restarting failed container",
		"3m          Warning   BackOff            pod/api-7d9f6c5b8-p9z7m     Back-off restarting failed container",
		"4m          Warning   BackOff            pod/worker-5c6d7-abcde      Back-off restarting failed container",
		"7m          Warning   FailedScheduling   pod/batch-1234-xyz          0/5 nodes are available: 5 Insufficient memory.",
	}, "\n")
	if !IsAlignedLog(events) {
		t.Errorf("kubectl get events not read as an aligned log")
	}
	s := SummarizeText(events, nil, Budget{})
	if want := map[string]int{"INFO": 2, "WARN": 4}; s.Entries != 6 || !maps.Equal(s.Levels, want) {
		t.Errorf("get events: %d entries, levels %v, want 6 and %v", s.Entries, s.Levels, want)
	}
	if top := s.Templates[0]; top.Template != "BackOff: Back-off restarting failed container" || top.Count != 3 {
		t.Errorf("get events: top template %+v", top)
	}
	describe := strings.Join([]string{
		"Name:             api-7d9f6c5b8-x2k4q",
		"Namespace:        prod",
		"Containers:",
		"  api:",
		"    State:          Waiting",
		"      Reason:       CrashLoopBackOff",
		"Events:",
		"  Type     Reason     Age                 From               Message",
		"  ----     ------     ----                ----               -------",
		"  Normal   Scheduled  12m                 default-scheduler  Successfully assigned prod/api-7d9f6c5b8-x2k4q to node-3",
		"  Normal   Started    11m (x4 over 12m)   kubelet            Started container api",
		"  Warning  Unhealthy  10m (x3 over 11m)   kubelet            Readiness probe failed: HTTP probe failed with statuscode: 503",
		"  Warning  BackOff    2m (x25 over 10m)   kubelet            Back-off restarting failed container api in pod api-7d9f6c5b8-x2k4q_prod(0c1a2b3c-1111-2222-3333-444455556666)",
	}, "\n")
	if !IsAlignedLog(describe) {
		t.Errorf("kubectl describe not read as an aligned log")
	}
	s = SummarizeText(describe, nil, Budget{})
	// its rows fold repeats: "(x4 over 12m)" is four starts
	if want := map[string]int{"INFO": 5, "WARN": 28}; s.Entries != 33 || !maps.Equal(s.Levels, want) {
		t.Errorf("describe: %d entries, levels %v, want 33 and %v", s.Entries, s.Levels, want)
	}
	for _, tc := range s.Templates {
		if !strings.HasPrefix(tc.Template, "Scheduled: ") && !strings.HasPrefix(tc.Template, "Started: ") &&
			!strings.HasPrefix(tc.Template, "Unhealthy: ") && !strings.HasPrefix(tc.Template, "BackOff: ") {
			t.Errorf("describe: template %q is no event's", tc.Template)
		}
	}
	// a log whose first line has spaced words is no table
	if IsAlignedLog("Starting   the   service\nINFO ready\nINFO done") {
		t.Errorf("prose read as an aligned table")
	}
}

// A kubectl event row that folded repeats ("(x25 over 3m)", in the age
// column or after the message) counts each of them in its template, the
// levels and the entries, and its message drops the note. A crash loop
// of 37 back-offs read as two warnings beside one-off Normal events.
func TestKubectlEventRepeats(t *testing.T) {
	tests := []struct {
		name, text string
		template   string
		count      int
		warn       int
	}{
		{"get events, after the message", strings.Join([]string{
			"LAST SEEN   TYPE      REASON      OBJECT                          MESSAGE",
			"12s         Warning   BackOff     pod/api-7d9f8b6c4-x2k9p         Back-off restarting failed container api in pod api-7d9f8b6c4-x2k9p_prod(1a2b3c4d) (x25 over 3m)",
			"45s         Warning   BackOff     pod/worker-6b8c9d-qwe12         Back-off restarting failed container worker in pod worker-6b8c9d-qwe12_prod(9f8e7d6c) (x12 over 2m)",
			"5m          Normal    Started     pod/web-5c6d7e8f9-abcde         Started container web",
		}, "\n"), "BackOff: Back-off restarting failed container <*> in pod <*>", 37, 37},
		{"get events, in the last seen column", strings.Join([]string{
			"LAST SEEN            TYPE      REASON      OBJECT                    MESSAGE",
			"30s (x40 over 5m)    Warning   Unhealthy   pod/api-7d9f8b6c4-x2k9p   Readiness probe failed: HTTP probe failed with statuscode: 503",
			"5m                   Normal    Started     pod/web-5c6d7e8f9-abcde   Started container web",
		}, "\n"), "Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: <*>", 40, 40},
		{"get events -o wide, in the count column", strings.Join([]string{
			"LAST SEEN   TYPE      REASON      OBJECT                    SOURCE            MESSAGE                                FIRST SEEN   COUNT   NAME",
			"12s         Warning   BackOff     pod/api-7d9f8b6c4-x2k9p   kubelet, node-3   Back-off restarting failed container   38m          160     api-7d9f8b6c4-x2k9p.17a1b2c3d4e5f601",
			"5m          Normal    Started     pod/web-5c6d7e8f9-abcde   kubelet, node-3   Started container web                  5m           1       web-5c6d7e8f9-abcde.17a1b2c3d4e5f603",
		}, "\n"), "BackOff: Back-off restarting failed container", 160, 160},
	}
	for _, tc := range tests {
		s := SummarizeText(tc.text, nil, Budget{})
		if len(s.Templates) == 0 {
			t.Fatalf("%s: no templates", tc.name)
		}
		top := s.Templates[0]
		if top.Template != tc.template || top.Count != tc.count || s.Levels["WARN"] != tc.warn {
			t.Errorf("%s: top %q %d×, %d warnings; want %q %d×, %d warnings", tc.name, top.Template, top.Count, s.Levels["WARN"], tc.template, tc.count, tc.warn)
		}
	}
}

// The containers kubectl describe lists above its events say what broke:
// a container that terminated for a failure is an error entry, with its
// reason, exit code and restarts. One that completed, or runs, is none.
// Skipped with the description, an OOM-killed pod read as BackOff
// warnings only.
func TestKubectlDescribeFailedContainers(t *testing.T) {
	events := []string{
		"Events:",
		"  Type     Reason     Age                 From     Message",
		"  ----     ------     ----                ----     -------",
		"  Warning  BackOff    2m (x160 over 38m)  kubelet  Back-off restarting failed container api in pod api-7d9f6c5b8-x2k4q_prod(0c1a2b3c)",
	}
	tests := []struct {
		name        string
		description []string
		want        string // the error entry's message, "" for none
	}{
		{"OOM killed", []string{
			"Containers:",
			"  api:",
			"    State:          Waiting",
			"      Reason:       CrashLoopBackOff",
			"    Last State:     Terminated",
			"      Reason:       OOMKilled",
			"      Exit Code:    137",
			"      Finished:     Thu, 03 Dec 2026 06:03:40 +0000",
			"    Ready:          False",
			"    Restart Count:  14",
		}, "Container api terminated: OOMKilled (exit code 137), restarted 14 times"},
		{"init container completed", []string{
			"Init Containers:",
			"  migrate:",
			"    State:          Terminated",
			"      Reason:       Completed",
			"      Exit Code:    0",
			"    Restart Count:  0",
			"Containers:",
			"  api:",
			"    State:          Running",
			"    Restart Count:  0",
		}, ""},
	}
	for _, tc := range tests {
		lines := append([]string{"Name:             api-7d9f6c5b8-x2k4q", "Namespace:        prod"}, tc.description...)
		s := SummarizeText(strings.Join(append(lines, events...), "\n"), nil, Budget{})
		got := ""
		for _, tpl := range s.Templates {
			if tpl.Errors > 0 {
				got = cmp.Or(tpl.Message, tpl.Template)
			}
		}
		if got != tc.want || tc.want != "" && s.Levels["ERROR"] != 1 {
			t.Errorf("%s: error %q, levels %v; want %q", tc.name, got, s.Levels, tc.want)
		}
	}
}
