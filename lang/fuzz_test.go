package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWordsSentences checks the invariants of Words and Sentences on any
// input: token offsets point at the token text, in order, and sentences
// are trimmed and non-empty. Chinese segmentation is not fuzzed (it would
// load the gse dictionary); Han runs are covered by the per-character path.
func FuzzWordsSentences(f *testing.F) {
	for _, s := range []string{"Mr. Smith paid $2.3 million.", "中文分词。English words", "a-b's c\u2019d -x- 1.2.3", "  \n\n...", "(a) x\n- y\n1. z", "\xff\xfe bad utf8 \xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tk := range Words(s, "en") {
			if tk.Start < last || tk.End <= tk.Start || tk.End > len(s) || s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad token %+v in %q", tk, s)
			}
			last = tk.End
		}
		for _, lang := range []string{"en", "zh"} {
			for _, sent := range Sentences(s, lang) {
				if sent == "" || strings.TrimSpace(sent) != sent {
					t.Fatalf("bad sentence %q from %q", sent, s)
				}
			}
		}
		if utf8.ValidString(s) {
			_ = Detect(s)
		}
	})
}
