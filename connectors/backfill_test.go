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

func TestFinished(t *testing.T) {
	keys := []string{"a", "b", "c"}
	for _, c := range []struct {
		name string
		cp   checkpoint
		keys []string
		want bool
	}{
		{"new job", checkpoint{}, keys, false},
		{"through all it listed", checkpoint{Done: 3, Total: 3, Listing: listingDigest(keys)}, keys, true},
		// a stream grows by the job's own sends: still finished
		{"source grew since", checkpoint{Done: 3, Total: 3, Listing: listingDigest(keys)}, append(keys, "d", "e"), true},
		{"interrupted", checkpoint{Done: 2, Total: 3, Listing: listingDigest(keys[:2])}, keys, false},
		{"old checkpoint, all keys", checkpoint{Done: 3, Listing: listingDigest(keys)}, keys, true},
		{"old checkpoint, source grew", checkpoint{Done: 3, Listing: listingDigest(keys)}, append(keys, "d"), false},
	} {
		if got := finished(c.cp, c.keys); got != c.want {
			t.Errorf("%s: finished %v, want %v", c.name, got, c.want)
		}
	}
}
