package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/document"
)

// /healthz and /readyz call WriteError; it must not wait for a batch
// being written (probe timeouts are 3 s).
func TestWriteErrorDoesNotWaitForABatch(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	var batch []*document.Result
	for i := 0; i < 4; i++ {
		var b strings.Builder
		for j := 0; j < 30000; j++ {
			fmt.Fprintf(&b, "w%d_%d ", i, j)
		}
		batch = append(batch, sample(fmt.Sprint("d", i), "T", b.String(), "other", "en"))
	}
	done := make(chan time.Duration)
	go func() {
		t0 := time.Now()
		if err := ix.PutBatch(context.Background(), batch); err != nil {
			t.Error(err)
		}
		done <- time.Since(t0)
	}()
	time.Sleep(50 * time.Millisecond)
	t0 := time.Now()
	_ = ix.WriteError()
	wait := time.Since(t0)
	batchTime := <-done
	if wait > 200*time.Millisecond && wait > batchTime/2 {
		t.Errorf("WriteError blocked %v behind the batch write", wait)
	}
}

// Close is final: a write after it must not open the index again.
func TestWriteAfterCloseDoesNotReopen(t *testing.T) {
	ix, _ := openTemp(t)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	err := ix.Put(context.Background(), sample("a", "A", "text", "other", "en"))
	if !errors.Is(err, ErrClosed) {
		t.Errorf("put after close: %v", err)
	}
	if n, err := ix.Count(); err == nil {
		t.Errorf("index usable after Close (count %d): a late write reopened it", n)
		ix.Close()
	}
}
