package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline/stream"
)

// A removal drops a document only when it was indexed from the deleted
// source and not analysed again since; it waits for a document still on
// its way, and gives up on one that never comes.
func TestIndexerRemove(t *testing.T) {
	ix, err := index.Open(filepath.Join(t.TempDir(), "idx"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var dropped []string
	x := &Indexer{Index: ix, Metrics: NewMetrics(), Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		OnDropped: func(_ context.Context, id, reason, by string) { dropped = append(dropped, id+" "+reason+" "+by) }}
	at := time.Now().UTC()
	ctx := context.Background()
	for _, r := range []*document.Result{
		{ID: "gone", Source: "folder", Title: "a", ProcessedAt: at.Add(-time.Minute)},
		{ID: "uploaded", Source: "upload", Title: "b", ProcessedAt: at.Add(-time.Minute)},
		{ID: "back", Source: "folder", Title: "c", ProcessedAt: at.Add(time.Second)},
	} {
		if err := ix.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(id string, attempt string) error {
		data, _ := json.Marshal(Removal{ID: id, Source: "folder", Path: id + ".txt", At: at})
		m := message.NewMessage("m", data)
		m.Metadata.Set(stream.MetaDelivered, attempt)
		m.SetContext(ctx)
		_, err := x.Remove(m)
		return err
	}
	for _, id := range []string{"gone", "uploaded", "back"} {
		if err := remove(id, "1"); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
	}
	for id, want := range map[string]bool{"gone": false, "uploaded": true, "back": true} {
		if ok, _ := ix.Has(ctx, id); ok != want {
			t.Errorf("%s in the index: %v, want %v", id, ok, want)
		}
	}
	if len(dropped) != 1 || dropped[0] != "gone "+ReasonRemoved+" " {
		t.Errorf("dropped %q", dropped)
	}
	if n := testutil.ToFloat64(x.Metrics.Processed.WithLabelValues("remove")); n != 1 {
		t.Errorf("docmill_documents_processed_total{stage=\"remove\"} = %v, want 1", n)
	}
	if err := remove("later", "1"); !errors.Is(err, errNotYetIndexed) {
		t.Errorf("removal of a document not indexed yet: %v, want a retry", err)
	}
	if err := remove("later", "30"); err != nil {
		t.Errorf("removal of a document that never came: %v, want it dropped", err)
	}
}
