package enrich

import (
	"runtime"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// TestClipWithTitle: what keywords read of a titled text is the first
// bytes of withTitle, cut where clip cuts them, whatever falls at the cut
// (a line break, a character of several bytes, a text just over or under
// the budget).
func TestClipWithTitle(t *testing.T) {
	const n = 64
	line := "the tenant pays the rent é\n"
	for size := n - 8; size < n+40; size++ {
		text := strings.Repeat(line, 8)[:size]
		for _, title := range []string{"", "Lease", "the tenant"} {
			doc := &document.Parsed{Title: title, Text: text}
			if got, want := clipWithTitle(doc, n), clip(withTitle(doc), n); got != want {
				t.Errorf("size %d, title %q: clipWithTitle = %q, want %q", size, title, got, want)
			}
		}
	}
}

// TestClipWithTitleCopiesNoMore: keeping the first MiB of a 20 MB titled
// text allocates about a MiB, not a titled copy of the whole text.
func TestClipWithTitleCopiesNoMore(t *testing.T) {
	doc := &document.Parsed{Title: "Random words", Text: strings.Repeat("lorem ipsum dolor sit amet.\n", 20<<20/28)}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s := clipWithTitle(doc, maxAnalysisBytes)
	runtime.ReadMemStats(&after)
	if len(s) > maxAnalysisBytes || !strings.HasPrefix(s, "Random words\n\nlorem") {
		t.Fatalf("clipWithTitle kept %d bytes starting %q", len(s), s[:20])
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 4*maxAnalysisBytes {
		t.Errorf("clipWithTitle allocated %d bytes for a %d-byte text, want a few MiB at most", got, len(doc.Text))
	}
}
