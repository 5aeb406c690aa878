package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestLinesCommand finds a served log's lines by words and level: the
// ERROR entry and its stack frame, not the INFO line with the same
// words, and the count on stderr.
func TestLinesCommand(t *testing.T) {
	s := startServe(t)
	text := "2024-03-01T10:00:00Z INFO  payment ok order=16\n" +
		"2024-03-01T10:00:05Z ERROR payment failed order=17: java.io.IOException: broken pipe\n" +
		"\tat com.acme.Pay.charge(Pay.java:42)\n" +
		"2024-03-01T10:00:06Z WARN  payment retry order=17\n"
	ingestFiles(t, s, map[string]string{"pay.log": text})
	cmd := linesCmd()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs([]string{"--server", s.HTTPURL(), "--level", "error", docPrefix(text), "PAYMENT"})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("lines: %v", err)
	}
	want := "      2  ERROR  2024-03-01T10:00:05Z ERROR payment failed order=17: java.io.IOException: broken pipe\n"
	if out.String() != want {
		t.Errorf("lines:\n%s\nwant:\n%s", out.String(), want)
	}
	if got := errOut.String(); !strings.HasPrefix(got, "1 of 4 lines match") {
		t.Errorf("count: %q", got)
	}
	cmd = linesCmd()
	out.Reset()
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs([]string{"--server", s.HTTPURL(), "--level", "err", docPrefix(text)})
	if err := cmd.Execute(); err != nil || !strings.Contains(out.String(), "      3  ERROR      at com.acme.Pay.charge") {
		t.Errorf("the frame under the error: %v\n%s", err, out.String())
	}
}
