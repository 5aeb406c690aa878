package connectors

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/docmill/docmill/internal/natstest"
)

// Refusals lists the newest refusalsKept, newest first; a nil one keeps
// nothing and reads as empty.
func TestRefusalsKeepsNewest(t *testing.T) {
	var rs Refusals
	for i := range refusalsKept + 5 {
		rs.add(Refusal{Name: fmt.Sprint(i)})
	}
	got := rs.Recent(context.Background())
	if len(got) != refusalsKept || got[0].Name != fmt.Sprint(refusalsKept+4) || got[len(got)-1].Name != "5" {
		t.Errorf("kept %d, newest %q, oldest %q", len(got), got[0].Name, got[len(got)-1].Name)
	}
	var none *Refusals
	none.add(Refusal{Name: "x"})
	if none.Recent(context.Background()) != nil {
		t.Error("a nil Refusals kept something")
	}
}

// A watcher that restarts refuses each file still in its folder again:
// the refusal keeps the time it was first made, where the page dated
// every one to the restart; a new reason is a new refusal.
func TestRefusalKeepsItsFirstTime(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, js := natstest.Start(t, "refusals-test")
	first := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	restart := first.Add(3 * time.Hour)
	var before, after Refusals
	if err := before.Keep(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	before.add(Refusal{Source: "folder", Where: "/in", Name: "empty.md", Reason: "empty file", At: first})
	if err := after.Keep(ctx, js, 1); err != nil {
		t.Fatal(err)
	}
	after.add(Refusal{Source: "folder", Where: "/in", Name: "empty.md", Reason: "empty file", At: restart})
	if got := after.Recent(ctx); len(got) != 1 || !got[0].At.Equal(first) {
		t.Fatalf("refusals after the restart %+v, want one dated %v", got, first)
	}
	after.add(Refusal{Source: "folder", Where: "/in", Name: "empty.md", Reason: "too large", At: restart})
	if got := after.Recent(ctx); len(got) != 1 || !got[0].At.Equal(restart) || got[0].Reason != "too large" {
		t.Errorf("refusal for a new reason %+v, want it dated %v", got, restart)
	}
}
