package index

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// A phrase finds its words next to each other, not across a stop word the
// index left out; Chinese phrases and mixed text are found as before.
func TestPhraseKeepsStopWordGaps(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	docs := []*document.Result{
		sample("gdpr", "Article 6", "Processing shall be lawful only if the conditions governing the lawfulness of processing are met.", "regulation", "en"),
		sample("terms", "Terms", "This Agreement and its governing law shall be Delaware.", "contract", "en"),
		sample("zh", "合同", "本合同适用中华人民共和国法律，争议提交仲裁委员会。", "contract", "zh"),
		sample("mixed", "Mixed", "The 甲方 party pays the rent under the governing law.", "contract", "en"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		`"governing law"`:            {"mixed", "terms"},
		`"governing the lawfulness"`: {"gdpr"},
		`"conditions governing"`:     {"gdpr"},
		`"中华人民共和国法律"`:                {"zh"},
		`"甲方 party pays"`:            {"mixed"},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	if slices.ContainsFunc(ix.Upgrades(), func(s string) bool { return strings.Contains(s, "stop words") }) {
		t.Errorf("a new index lists the phrase upgrade: %q", ix.Upgrades())
	}
}
