package lang

import (
	"testing"
	"unicode/utf8"
)

func TestSimplified(t *testing.T) {
	for in, want := range map[string]string{
		"本合約之準據法為中華民國法律":        "本合约之准据法为中华民国法律",
		"買方：台灣電子股份有限公司":         "买方：台湾电子股份有限公司",
		"already simplified 协议": "already simplified 协议",
		"":                      "",
	} {
		got, changed := Simplified(in)
		if got != want || changed != (in != want) {
			t.Errorf("Simplified(%q) = %q, %v; want %q", in, got, changed, want)
		}
		if len(got) != len(in) {
			t.Errorf("Simplified(%q) changed the length: %d -> %d", in, len(in), len(got))
		}
	}
	// a pair whose forms differ in length is not folded: offsets hold
	for tr, s := range T2S() {
		if utf8.RuneLen(tr) != utf8.RuneLen(s) {
			if got, _ := Simplified(string(tr)); got != string(tr) {
				t.Fatalf("%q folded to %q", tr, got)
			}
			break
		}
	}
}
