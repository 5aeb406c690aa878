package parse

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// A build log with a terminal progress bar (CR rewrites the line).
func TestProgressBarCarriageReturns(t *testing.T) {
	var b strings.Builder
	b.WriteString("2024-01-02 10:00:00 INFO downloading model\n")
	for i := 0; i <= 100; i++ {
		fmt.Fprintf(&b, "\r%3d%% |%s|", i, strings.Repeat("#", i/10))
	}
	b.WriteString("\n2024-01-02 10:00:09 INFO download done\n")
	p, err := Parse(context.Background(), Input{Filename: "build.log", Data: []byte(b.String())}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	// the bar's line is what the terminal showed last
	if n := strings.Count(p.Text, "\n") + 1; n != 3 || !strings.Contains(p.Text, "100% |##########|") || strings.Contains(p.Text, " 99%") {
		t.Errorf("%d lines: %q", n, p.Text)
	}
}
