package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
)

// A server whose index holds Chinese documents loads the Chinese segmenter
// at start, so the first Chinese search does not wait seconds for it; one
// whose index holds none does not spend the memory.
func TestSegmenterWarmedForChineseIndex(t *testing.T) {
	for _, c := range []struct {
		name, language string
		want           bool
	}{{"chinese", "zh", true}, {"english", "en", false}} {
		t.Run(c.name, func(t *testing.T) {
			data := t.TempDir()
			cfg := config.Default()
			cfg.Data = data
			ix, err := index.Open(indexDir(cfg), indexOptions(cfg))
			if err != nil {
				t.Fatal(err)
			}
			r := &document.Result{ID: "doc-" + c.language, Language: c.language, Title: "合同", Text: "租赁合同", Source: "test",
				IngestedAt: time.Now().UTC(), ProcessedAt: time.Now().UTC()}
			r.Class = "contract"
			if err := ix.Put(context.Background(), r); err != nil {
				t.Fatal(err)
			}
			ix.Close()
			_, logs := runLogged(t, RoleServe, func(cfg *config.Config) { cfg.Data = data })
			const line = "loading the Chinese word segmenter"
			if got := strings.Contains(logs.String(), line); got != c.want {
				t.Errorf("index of %s documents: logged %q = %v, want %v\n%s", c.language, line, got, c.want, logs)
			}
		})
	}
}
