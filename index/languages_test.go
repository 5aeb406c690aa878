package index

import (
	"context"
	"testing"
)

// TestHasLanguage: an index says whether it holds documents in a language,
// which the server uses to load the Chinese segmenter before the first
// Chinese query instead of during it.
func TestHasLanguage(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	ctx := context.Background()
	docs := chineseDocs()
	if err := ix.PutBatch(ctx, docs[len(docs)-1:]); err != nil { // the English one
		t.Fatal(err)
	}
	for _, c := range []struct {
		code string
		want bool
	}{{"en", true}, {"zh", false}} {
		if got, err := ix.HasLanguage(ctx, c.code); err != nil || got != c.want {
			t.Errorf("English only: HasLanguage(%q) = %v, %v; want %v", c.code, got, err, c.want)
		}
	}
	if err := ix.PutBatch(ctx, docs[:1]); err != nil {
		t.Fatal(err)
	}
	if got, err := ix.HasLanguage(ctx, "zh"); err != nil || !got {
		t.Errorf("with a Chinese lease: HasLanguage(zh) = %v, %v; want true", got, err)
	}
}
