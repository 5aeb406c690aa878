package lang

import "unicode/utf8"

// Clip cuts s to at most n bytes at a character boundary, so a cut never
// leaves half a character behind.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
