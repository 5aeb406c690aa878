package main

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/connectors"
)

// dlq list lines its columns up in a terminal, where a Chinese character
// takes two columns: padded by rune count, the DOCUMENT and REASON
// columns zig-zagged after "空白.txt" and "报表 2024.xlsx".
func TestDeadLetterColumnsAlignWideNames(t *testing.T) {
	dls := []connectors.DeadLetter{
		{Seq: 1, Stage: "analyze", Attempts: 1, Filename: "空白.txt", ID: "26a3f0c1d2e3f4a5", Reason: "empty document"},
		{Seq: 2, Stage: "analyze", Attempts: 3, Filename: "报表 2024.xlsx", ID: "bb59a0b1c2d3e4f5", Reason: "Excel and PowerPoint files are not supported"},
		{Seq: 10, Stage: "index", Attempts: 1, Filename: "report.pdf", ID: "0123456789abcdef", Reason: "PDF cut short"},
	}
	var b strings.Builder
	if err := printDeadLetters(&b, dls); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines:\n%s", len(lines), b.String())
	}
	// the display column where each line's document id (or header) starts
	col := func(line, at string) int {
		i := strings.Index(line, at)
		if i < 0 {
			t.Fatalf("%q not in %q", at, line)
		}
		return displayWidth(line[:i])
	}
	want := col(lines[0], "DOCUMENT")
	for i, id := range []string{"26a3f0c1d2e3", "bb59a0b1c2d3", "0123456789ab"} {
		if got := col(lines[i+1], id); got != want {
			t.Errorf("line %d: document at column %d, header at %d:\n%s", i+1, got, want, b.String())
		}
	}
	if strings.Contains(b.String(), "26a3f0c1d2e3f4") {
		t.Error("document ids are not cut to 12 characters")
	}
}

// Display width counts East Asian wide and full-width characters as two
// columns and combining marks as none.
func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "合同": 4, "报表 2024.xlsx": 14, "ＡＢ": 4, "e\u0301": 1, "Müller": 6} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// dlq list names a dead letter by the path it was sent with, when it has
// one: an archive with a broken-105.pdf in each year's folder listed
// "broken-105.pdf" for each, and which file failed was not to be told.
func TestDeadLetterListNamesThePath(t *testing.T) {
	dls := []connectors.DeadLetter{
		{Seq: 1, Stage: "parse", Attempts: 1, Filename: "broken-105.pdf", ID: "26a3f0c1d2e3f4a5", Reason: "PDF cut short",
			Meta: map[string]string{"path": "2016/legal/broken-105.pdf", "backfill": "job-1"}},
		{Seq: 2, Stage: "parse", Attempts: 1, Filename: "upload.pdf", ID: "bb59a0b1c2d3e4f5", Reason: "PDF cut short"},
	}
	var b strings.Builder
	if err := printDeadLetters(&b, dls); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1    parse  1         2016/legal/broken-105.pdf  26a3f0c1d2e3", "upload.pdf"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("listing lacks %q:\n%s", want, b.String())
		}
	}
}
