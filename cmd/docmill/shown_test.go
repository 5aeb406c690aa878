package main

import "testing"

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
