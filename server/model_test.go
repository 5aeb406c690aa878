package server

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/enrich"
)

// failing is an analyser that reports failed runs, as the neural tier does.
type failing struct {
	enrich.Analyzer
	n  uint64
	at time.Time
}

func (f failing) Failures() (uint64, error, time.Time) {
	return f.n, errors.New("Gather: index out of bounds"), f.at
}

// A model that fails at run time (its documents go to the model-free
// tier) shows in /healthz as model_runtime: not ok while the last failure
// is recent, with the count and the reason.
func TestModelRuntimeHealth(t *testing.T) {
	if _, ok := modelRuntime(enrich.NewFree(enrich.FreeOptions{})); ok {
		t.Error("the model-free tier has no model runtime entry")
	}
	c, ok := modelRuntime(failing{n: 3, at: time.Now()})
	if !ok || c.OK || !strings.Contains(c.Detail, "3 documents fell back") || !strings.Contains(c.Detail, "out of bounds") {
		t.Errorf("recent failures: %+v", c)
	}
	if c, _ := modelRuntime(failing{n: 3, at: time.Now().Add(-time.Hour)}); !c.OK {
		t.Errorf("an hour-old failure: %+v", c)
	}
}
