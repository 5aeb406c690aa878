package index

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A facet value the index does not hold ("class:contracts") gets a notice
// listing the values it does, where it said only "0 documents"; a held
// value, in any case, or one under a must-not, gets none.
func TestValueNotice(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	docs := facetCorpus(time.Now())
	if err := ix.PutBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"class:contracts":       `no document's class is "contracts"; the class values held are contract,`,
		"+class:policy +breach": `no document's class is "policy"`,
		"class:contract":        "",
		"class:Contract":        "",
		"agreement -class:nope": "",
		"zzzqqq":                "",
	} {
		res, err := ix.Search(context.Background(), Query{Q: q, Size: -1})
		if err != nil {
			t.Fatal(err)
		}
		if (want == "") != (res.Notice == "") || !strings.Contains(res.Notice, want) {
			t.Errorf("%s: %d hits, notice %q, want %q", q, res.Total, res.Notice, want)
		}
	}
}
