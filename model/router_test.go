package model

import (
	"testing"
	"time"

	"github.com/docmill/docmill/document"
)

func TestRouterDecide(t *testing.T) {
	r := Router{Threshold: 0.7}
	ms := time.Millisecond
	cases := []struct {
		name string
		in   RouteInput
		full bool
		why  string
	}{
		{"explicit shallow beats need", RouteInput{Depth: document.DepthShallow, NeedFull: true, Confidence: 0.1}, false, ReasonRequestedShallow},
		{"explicit full beats confidence", RouteInput{Depth: document.DepthFull, Confidence: 0.99}, true, ReasonRequestedFull},
		{"auto confident stays", RouteInput{Depth: document.DepthAuto, Confidence: 0.9}, false, ReasonConfident},
		{"empty depth is auto", RouteInput{Confidence: 0.5}, true, ReasonLowConfidence},
		{"threshold is strict", RouteInput{Confidence: 0.7}, false, ReasonConfident},
		{"task needs full", RouteInput{Depth: document.DepthAuto, NeedFull: true, Confidence: 0.99}, true, ReasonTaskNeedsFull},
		{"deadline blocks need", RouteInput{NeedFull: true, HasDeadline: true, Remaining: 5 * ms, FullCost: 10 * ms}, false, ReasonDeadline},
		{"deadline blocks low confidence", RouteInput{Confidence: 0.1, HasDeadline: true, Remaining: -ms, FullCost: ms}, false, ReasonDeadline},
		{"deadline with room", RouteInput{Confidence: 0.1, HasDeadline: true, Remaining: 20 * ms, FullCost: 10 * ms}, true, ReasonLowConfidence},
		{"spare budget off by default", RouteInput{Confidence: 0.9, HasDeadline: true, Remaining: time.Second, FullCost: ms}, false, ReasonConfident},
	}
	for _, c := range cases {
		got := r.Decide(c.in)
		if got.Full != c.full || got.Reason != c.why {
			t.Errorf("%s: got %+v, want full=%v %q", c.name, got, c.full, c.why)
		}
	}
	eager := Router{Threshold: 0.7, UseSpareBudget: true}
	if got := eager.Decide(RouteInput{Confidence: 0.9, HasDeadline: true, Remaining: 30 * ms, FullCost: 10 * ms}); !got.Full || got.Reason != ReasonSpareBudget {
		t.Errorf("spare budget: %+v", got)
	}
	if got := eager.Decide(RouteInput{Confidence: 0.9, HasDeadline: true, Remaining: 15 * ms, FullCost: 10 * ms}); got.Full {
		t.Errorf("spare budget with little slack escalated: %+v", got)
	}
}
