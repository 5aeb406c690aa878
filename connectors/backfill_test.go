package connectors

import "testing"

func TestResumeAt(t *testing.T) {
	keys := []string{"a", "b", "c", "d"}
	done := checkpoint{Done: 2, Listing: listingDigest(keys[:2])}
	for _, c := range []struct {
		name     string
		cp       checkpoint
		keys     []string
		at       int
		relisted bool
	}{
		{"new job", checkpoint{}, keys, 0, false},
		{"unchanged", done, keys, 2, false},
		{"added after the place", done, append(keys, "e"), 2, false},
		{"added before the place", done, []string{"0", "a", "b", "c"}, 0, true},
		{"removed before the place", done, []string{"b", "c", "d"}, 0, true},
		{"checkpoint without listing", checkpoint{Done: 2}, keys, 0, true},
		{"fewer items than done", checkpoint{Done: 9, Listing: "x"}, keys, 0, true},
	} {
		if at, re := resumeAt(c.cp, c.keys); at != c.at || re != c.relisted {
			t.Errorf("%s: resume at %d (relisted %v), want %d (%v)", c.name, at, re, c.at, c.relisted)
		}
	}
}
