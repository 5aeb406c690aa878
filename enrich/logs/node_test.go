package logs

import "testing"

// IOS XR glues the node that logs to the time ("RP/0/RSP0/CPU0:Dec 10
// ..."): the time is still read, and the mnemonic after the process is
// the level.
func TestIOSXRNodeBeforeTime(t *testing.T) {
	lines := []string{
		"RP/0/RSP0/CPU0:Dec 10 06:55:00.123 UTC: ifmgr[227]: %PKT_INFRA-LINK-3-UPDOWN : Interface GigabitEthernet0/0/0/0, changed state to Down",
		"LC/0/1/CPU0:Dec 10 07:05:10.456 UTC: bfd_agent[125]: %L2-BFD-6-SESSION_STATE_DOWN : BFD session to neighbor 10.1.0.2 on interface TenGigE0/1/0/0 has gone down",
	}
	s := Summarize(lines, nil)
	if s.Start != "--12-10T06:55:00" || s.End != "--12-10T07:05:10" {
		t.Errorf("span %q to %q, want --12-10T06:55:00 to --12-10T07:05:10", s.Start, s.End)
	}
	if s.Levels["ERROR"] != 1 || s.Levels["INFO"] != 1 {
		t.Errorf("levels %v, want ERROR 1, INFO 1", s.Levels)
	}
}
