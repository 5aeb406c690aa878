package lang

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// The first Chinese document of a process waits seconds for the segmenter
// to load: the log says so when it starts and how long it took, so that a
// slow first document is explained (it said nothing).
func TestSegmenterLoadLogged(t *testing.T) {
	var buf bytes.Buffer
	if loadSegmenter(slog.New(slog.NewTextHandler(&buf, nil))) == nil {
		t.Fatalf("the embedded dictionary did not load:\n%s", buf.String())
	}
	for _, want := range []string{"loading the Chinese word segmenter's dictionary", "Chinese word segmenter loaded", "took="} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("segmenter load log lacks %q:\n%s", want, buf.String())
		}
	}
}
