package main

import (
	"strings"
	"testing"
)

func TestShown(t *testing.T) {
	for in, want := range map[string]string{
		"lease.pdf":             "lease.pdf",
		"合同 2024.docx":          "合同 2024.docx",
		"cli\x1b]0;PWNED\a.txt": `cli\x1b]0;PWNED\x07.txt`,
		"two\nlines\r.txt":      `two\x0alines\x0d.txt`,
		"c1\u0085next":          `c1\x85next`,
		"tab\there":             `tab\x09here`,
	} {
		if got := shown(in); got != want {
			t.Errorf("shown(%q) = %q, want %q", in, got, want)
		}
	}
}

// A hit's passage prints on one line with its matches marked (bold on a
// terminal) and the API's HTML escapes undone; a control character in it
// is escaped as file names are.
func TestPassage(t *testing.T) {
	f := "2024-05-13 10:00:01 ERROR pod <mark>OOMKilled</mark>\n  by &quot;kubelet&quot; &lt;node-3&gt;\x1b[2J"
	if got, want := passage(f, false), `2024-05-13 10:00:01 ERROR pod OOMKilled by "kubelet" <node-3>\x1b[2J`; got != want {
		t.Errorf("plain: %q, want %q", got, want)
	}
	if got := passage(f, true); !strings.Contains(got, "pod \x1b[1mOOMKilled\x1b[0m by") {
		t.Errorf("terminal: %q", got)
	}
	long := strings.Repeat("word ", 100)
	if got := passage(long, false); len([]rune(got)) != maxPassage+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("long passage: %d runes", len([]rune(got)))
	}
}
