package server

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/index"
)

// TestRebuildIndexOfStoppedServer: `docmill index rebuild` refuses an
// index a running docmill holds; once it stops, it rebuilds the index from
// the results it holds, reading a text longer than the index stored from
// the embedded broker's text store, and the restarted server finds all of
// it.
func TestRebuildIndexOfStoppedServer(t *testing.T) {
	for name, edit := range map[string]func(*config.Config){
		// a result under nats.max_payload_mb travels whole: its text comes
		// back by parsing the stored original again
		"original": func(*config.Config) {},
		// a larger one carries its text in the text store
		"text store": func(c *config.Config) { c.NATS.MaxPayloadMB, c.Pipeline.KeepOriginals = 1, false },
	} {
		t.Run(name, func(t *testing.T) { rebuildStopped(t, edit) })
	}
}

func rebuildStopped(t *testing.T, edit func(*config.Config)) {
	data := t.TempDir()
	h := startWith(t, data, edit)
	long := strings.Repeat("The supplier delivers the goods to the buyer's warehouse. ", 26000) + "Closing clause: xylocarpa applies."
	h.upload("long.txt", "text/plain", strings.NewReader(long))
	h.upload("short.txt", "text/plain", strings.NewReader("Lease terms: the tenant pays quillwort rent monthly."))
	waitFor(t, "documents indexed", 90*time.Second, func() bool {
		return h.search("xylocarpa").Total == 1 && h.search("quillwort").Total == 1
	})
	c := config.Default()
	c.Data = data
	edit(c)
	ctx := context.Background()
	start := time.Now()
	if _, err := RebuildIndex(ctx, c, nil); !errors.Is(err, index.ErrInUse) || time.Since(start) > time.Minute {
		t.Fatalf("rebuild beside a running server: %v after %v", err, time.Since(start))
	}
	h.stop()
	rep, err := RebuildIndex(ctx, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 2 || rep.TextsFetched != 1 || len(rep.TextsCut) != 0 {
		t.Errorf("report %+v", rep)
	}
	h = startWith(t, data, edit)
	for _, q := range []string{"xylocarpa", "quillwort"} {
		if n := h.search(q).Total; n != 1 {
			t.Errorf("%s after the rebuild: %d hits", q, n)
		}
	}
}
