package enrich

import (
	"slices"
	"testing"

	"github.com/docmill/docmill/document"
)

func TestCompleteNames(t *testing.T) {
	kws := []document.Keyword{{Text: "黄嘉", Score: .9}, {Text: "劳动报酬", Score: .8}, {Text: "嘉欣", Score: .7}, {Text: "美玲", Score: .6}, {Text: "公司", Score: .5}}
	ents := []document.Entity{{Kind: "party", Text: "黄嘉欣"}, {Kind: "party", Text: "陳美玲"}, {Kind: "party", Text: "南京长江电子有限公司"}}
	var got []string
	for _, k := range completeNames(kws, ents) {
		got = append(got, k.Text)
	}
	if want := []string{"黄嘉欣", "劳动报酬", "陳美玲", "公司"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
