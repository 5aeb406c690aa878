// Package monitor watches model behaviour on live traffic: drift of the
// class mix and of confidences against a baseline window (population
// stability index), the rate of new log templates, and the agreement of a
// shadow model with the primary one.
package monitor

import (
	"math"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/docmill/docmill/document"
)

// PSI thresholds as commonly used for population stability: below 0.1 no
// significant change, 0.1-0.25 moderate, above 0.25 a significant shift.
const (
	PSIWarn  = 0.1
	PSIAlert = 0.25
)

// PSI is the population stability index of actual against expected
// proportions: sum((a-e) * ln(a/e)). Empty buckets are floored at a small
// epsilon so a class that appears or vanishes counts instead of dividing
// by zero.
func PSI(expected, actual []float64) float64 {
	const eps = 1e-4
	var psi float64
	for i := range expected {
		e, a := math.Max(expected[i], eps), math.Max(actual[i], eps)
		psi += (a - e) * math.Log(a/e)
	}
	return psi
}

// window counts observations in buckets over the last N events.
type window struct {
	size   int
	ring   []int // bucket of each event, -1 when empty
	next   int
	full   bool
	counts []int
}

func newWindow(size, buckets int) *window {
	w := &window{size: size, ring: make([]int, size), counts: make([]int, buckets)}
	for i := range w.ring {
		w.ring[i] = -1
	}
	return w
}

func (w *window) add(b int) {
	if old := w.ring[w.next]; old >= 0 {
		w.counts[old]--
	}
	w.ring[w.next] = b
	w.counts[b]++
	w.next = (w.next + 1) % w.size
	if w.next == 0 {
		w.full = true
	}
}

func (w *window) n() int {
	if w.full {
		return w.size
	}
	return w.next
}

func (w *window) proportions() []float64 {
	p := make([]float64, len(w.counts))
	n := float64(w.n())
	if n == 0 {
		return p
	}
	for i, c := range w.counts {
		p[i] = float64(c) / n
	}
	return p
}

// DriftOptions configures a Drift monitor.
type DriftOptions struct {
	Classes []string // known classes; others count as "other"
	// Window is the number of documents in the baseline and in the sliding
	// current window (default 500).
	Window int
	// MinCurrent is how many documents the current window needs before PSI
	// is reported (default Window/5).
	MinCurrent int
}

// Drift compares the live class mix and confidence histogram with a
// baseline: the first Window documents seen (or a baseline set with Reset).
type Drift struct {
	o       DriftOptions
	mu      sync.Mutex
	index   map[string]int
	baseC   *window // class baseline
	baseF   *window // confidence baseline
	curC    *window
	curF    *window
	psi     *prometheus.GaugeVec
	newTmpl prometheus.Counter
	logDocs prometheus.Counter
}

const confBuckets = 10

// NewDrift returns a monitor; its gauges are registered on reg when not nil.
func NewDrift(o DriftOptions, reg prometheus.Registerer) *Drift {
	if o.Window <= 0 {
		o.Window = 500
	}
	if o.MinCurrent <= 0 {
		o.MinCurrent = max(1, o.Window/5)
	}
	if len(o.Classes) == 0 {
		o.Classes = []string{"contract", "regulation", "log", "other"}
	}
	d := &Drift{o: o, index: map[string]int{}}
	for i, c := range o.Classes {
		d.index[c] = i
	}
	d.Reset()
	d.psi = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "docmill_drift_psi",
		Help: "Population stability index of the current window against the baseline (kind: class, confidence). Warn at 0.1, alert at 0.25."}, []string{"kind"})
	d.newTmpl = prometheus.NewCounter(prometheus.CounterOpts{Name: "docmill_log_new_templates_total",
		Help: "New log templates mined; its rate against docmill_log_documents_total is a drift signal for logs."})
	d.logDocs = prometheus.NewCounter(prometheus.CounterOpts{Name: "docmill_log_documents_total", Help: "Log documents analysed."})
	if reg != nil {
		reg.MustRegister(d.psi, d.newTmpl, d.logDocs)
	}
	return d
}

// Reset forgets the baseline; the next Window documents form a new one.
func (d *Drift) Reset() {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := len(d.o.Classes) + 1
	d.baseC, d.baseF = newWindow(d.o.Window, n), newWindow(d.o.Window, confBuckets)
	d.curC, d.curF = newWindow(d.o.Window, n), newWindow(d.o.Window, confBuckets)
}

// Observe records one result.
func (d *Drift) Observe(r *document.Result) {
	c, ok := d.index[r.Class]
	if !ok {
		c = len(d.o.Classes)
	}
	f := min(int(r.Confidence*confBuckets), confBuckets-1)
	d.mu.Lock()
	if !d.baseC.full {
		d.baseC.add(c)
		d.baseF.add(max(f, 0))
	} else {
		d.curC.add(c)
		d.curF.add(max(f, 0))
	}
	classPSI, confPSI, ok2 := d.values()
	d.mu.Unlock()
	if ok2 {
		d.psi.WithLabelValues("class").Set(classPSI)
		d.psi.WithLabelValues("confidence").Set(confPSI)
	}
	if r.Log != nil {
		d.logDocs.Inc()
		d.newTmpl.Add(float64(r.Log.NewTemplates))
	}
}

// Values returns the current class and confidence PSI, and whether the
// current window is large enough for them to mean something.
func (d *Drift) Values() (classPSI, confPSI float64, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.values()
}

func (d *Drift) values() (float64, float64, bool) {
	if !d.baseC.full || d.curC.n() < d.o.MinCurrent {
		return 0, 0, false
	}
	return PSI(d.baseC.proportions(), d.curC.proportions()), PSI(d.baseF.proportions(), d.curF.proportions()), true
}
