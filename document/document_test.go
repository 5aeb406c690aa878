package document

import "testing"

func TestParseDepth(t *testing.T) {
	for in, want := range map[string]Depth{"shallow": DepthShallow, "FULL": DepthFull, " auto ": DepthAuto} {
		if got, err := ParseDepth(in); err != nil || got != want {
			t.Errorf("ParseDepth(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "deep", "none"} {
		if _, err := ParseDepth(in); err == nil {
			t.Errorf("ParseDepth(%q) took it", in)
		}
	}
}
