package connectors

import (
	"context"
	"fmt"
	"testing"
)

// Refusals keeps the newest refusalsKept, newest first; a nil one keeps
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
