package model

import (
	"time"

	"github.com/docmill/docmill/document"
)

// Router decides, after the shallow exit, whether a document continues to
// full depth.
type Router struct {
	// Threshold: in auto mode a shallow class confidence under it escalates.
	Threshold float64
	// UseSpareBudget: in auto mode, a deadline with at least twice the
	// estimated full-depth cost left escalates even a confident document.
	UseSpareBudget bool
}

// RouteInput is what the router knows after the shallow exit.
type RouteInput struct {
	Depth      document.Depth // requested: shallow, full, auto (or empty)
	NeedFull   bool           // a requested task is only served at full depth
	Confidence float64        // shallow class confidence
	// Remaining is the time left before the deadline; HasDeadline says
	// whether there is one.
	Remaining   time.Duration
	HasDeadline bool
	// FullCost is the estimated time to run the remaining depth.
	FullCost time.Duration
}

// Route is the router's decision and why.
type Route struct {
	Full   bool
	Reason string
}

// Reasons a Route gives.
const (
	ReasonRequestedShallow = "requested shallow"
	ReasonRequestedFull    = "requested full"
	ReasonDeadline         = "deadline too close for full depth"
	ReasonTaskNeedsFull    = "a requested task needs full depth"
	ReasonLowConfidence    = "shallow confidence under threshold"
	ReasonSpareBudget      = "budget allows full depth"
	ReasonConfident        = "shallow exit confident"
)

// Decide applies, in order: an explicit depth wins; in auto mode a deadline
// that cannot fit the remaining depth keeps the shallow answer; otherwise a
// task that needs full depth, a confidence under the threshold, or (with
// UseSpareBudget) ample time left escalate.
func (r Router) Decide(in RouteInput) Route {
	switch in.Depth {
	case document.DepthShallow, document.DepthNone:
		return Route{false, ReasonRequestedShallow}
	case document.DepthFull:
		return Route{true, ReasonRequestedFull}
	}
	if in.HasDeadline && in.Remaining < in.FullCost {
		return Route{false, ReasonDeadline}
	}
	switch {
	case in.NeedFull:
		return Route{true, ReasonTaskNeedsFull}
	case in.Confidence < r.Threshold:
		return Route{true, ReasonLowConfidence}
	case r.UseSpareBudget && in.HasDeadline && in.Remaining >= 2*in.FullCost:
		return Route{true, ReasonSpareBudget}
	}
	return Route{false, ReasonConfident}
}
