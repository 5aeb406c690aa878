package web

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"math"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/docmill/docmill/pipeline/broker"
)

// Metric names the dashboard reads (see pipeline.Metrics).
const (
	metricDuration = "docmill_stage_duration_seconds"
	metricResults  = "docmill_results_total"
	metricDepth    = "docmill_result_depth_total"
	metricDLQ      = "docmill_dlq_messages_total"
	metricPending  = "docmill_consumer_pending"
)

// snapshot is what the dashboard needs from one scrape of the registry.
type snapshot struct {
	At      time.Time
	Results map[string]float64 // by class
	Depths  map[string]float64
	DLQ     float64
	Pending float64
	Stages  map[string]histogram
}

// histogram is one stage's cumulative duration histogram.
type histogram struct {
	Count   uint64
	Sum     float64
	Uppers  []float64 // bucket upper bounds, seconds, ascending
	Cumul   []uint64  // cumulative counts per bucket
	Samples uint64
}

func (sn snapshot) total() float64 {
	t := 0.0
	for _, v := range sn.Results {
		t += v
	}
	return t
}

func gather(g prometheus.Gatherer, now time.Time) (snapshot, error) {
	sn := snapshot{At: now, Results: map[string]float64{}, Depths: map[string]float64{}, Stages: map[string]histogram{}}
	if g == nil {
		return sn, nil
	}
	mfs, err := g.Gather()
	if err != nil {
		return sn, fmt.Errorf("gather metrics: %w", err)
	}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			switch mf.GetName() {
			case metricResults:
				sn.Results[label(m, "class")] += m.GetCounter().GetValue()
			case metricDepth:
				sn.Depths[label(m, "depth")] += m.GetCounter().GetValue()
			case metricDLQ:
				sn.DLQ += m.GetCounter().GetValue()
			case metricPending:
				sn.Pending += m.GetGauge().GetValue()
			case metricDuration:
				sn.Stages[label(m, "stage")] = toHistogram(m.GetHistogram())
			}
		}
	}
	return sn, nil
}

func label(m *dto.Metric, name string) string {
	for _, l := range m.GetLabel() {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}

func toHistogram(h *dto.Histogram) histogram {
	out := histogram{Count: h.GetSampleCount(), Sum: h.GetSampleSum()}
	for _, b := range h.GetBucket() {
		out.Uppers = append(out.Uppers, b.GetUpperBound())
		out.Cumul = append(out.Cumul, b.GetCumulativeCount())
	}
	return out
}

// minus returns the observations h has beyond an earlier reading o of the
// same histogram; h itself when o is not an earlier reading (other
// buckets, or counts that went down after a reset).
func (h histogram) minus(o histogram) histogram {
	if len(o.Uppers) != len(h.Uppers) || o.Count > h.Count {
		return h
	}
	d := histogram{Count: h.Count - o.Count, Sum: h.Sum - o.Sum, Uppers: h.Uppers, Cumul: make([]uint64, len(h.Cumul))}
	for i := range h.Cumul {
		if o.Cumul[i] > h.Cumul[i] {
			return h
		}
		d.Cumul[i] = h.Cumul[i] - o.Cumul[i]
	}
	return d
}

// recentStages gives each stage's latency histogram over the last window
// of history, so the dashboard shows how the pipeline runs now, not since
// start; a stage with no documents in the window keeps its totals. The
// label says which.
func recentStages(hist []snapshot, window time.Duration) (map[string]histogram, string) {
	if len(hist) < 2 {
		return hist[len(hist)-1].Stages, "since start"
	}
	last, first := hist[len(hist)-1], windowStart(hist, window)
	out := make(map[string]histogram, len(last.Stages))
	recent := false
	for name, h := range last.Stages {
		if d := h.minus(first.Stages[name]); d.Count > 0 {
			out[name], recent = d, true
		} else {
			out[name] = h
		}
	}
	if !recent || last.At.Sub(first.At) <= 0 {
		return last.Stages, "since start"
	}
	return out, fmt.Sprintf("last %s", last.At.Sub(first.At).Round(time.Second))
}

// quantile estimates the q-quantile (0..1) of a cumulative histogram the
// way Prometheus's histogram_quantile does: linear within the bucket that
// holds the rank. Observations above the last bound report that bound.
func (h histogram) quantile(q float64) float64 {
	if h.Count == 0 || len(h.Uppers) == 0 {
		return math.NaN()
	}
	rank := q * float64(h.Count)
	lower, below := 0.0, uint64(0)
	for i, up := range h.Uppers {
		c := h.Cumul[i]
		if float64(c) >= rank {
			if c == below {
				return up
			}
			return lower + (up-lower)*(rank-float64(below))/float64(c-below)
		}
		lower, below = up, c
	}
	return h.Uppers[len(h.Uppers)-1]
}

// sampler keeps a history of snapshots for rates and charts over time.
type sampler struct {
	g    prometheus.Gatherer
	mu   sync.Mutex
	hist []snapshot
	max  int
}

func (sp *sampler) take(now time.Time) {
	sn, err := gather(sp.g, now)
	if err != nil {
		return
	}
	sp.mu.Lock()
	defer sp.mu.Unlock()
	sp.hist = append(sp.hist, sn)
	if len(sp.hist) > sp.max {
		sp.hist = sp.hist[len(sp.hist)-sp.max:]
	}
}

func (sp *sampler) run(ctx context.Context, every time.Duration) {
	sp.take(time.Now())
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			sp.take(now)
		}
	}
}

func (sp *sampler) history() []snapshot {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	return append([]snapshot(nil), sp.hist...)
}

// stageView is one row of the latency table.
type stageView struct {
	Stage         string
	Count         uint64
	P50, P95, Avg string
}

// barItem is one bar of a bar chart.
type barItem struct {
	Label string
	Value float64
}

type dashboardPage struct {
	Generated  time.Time
	Total      float64
	DocsPerSec float64
	RateWindow string
	// LatencyWindow says what the latency percentiles cover.
	LatencyWindow string
	Stages        []stageView
	Depths        []barItem
	Classes       []barItem
	DLQ           float64
	DLQStream     int64 // messages now in DOCMILL_DLQ; -1 when unknown
	Pending       float64
	Indexed       int64 // documents in this process's index; -1 without one
	Throughput    template.HTML
	LatencySVG    template.HTML
	DepthSVG      template.HTML
	ClassSVG      template.HTML
	ClassLegend   template.HTML
	Error         string
}

// latencyWindow is how far back the dashboard's latency percentiles look.
const latencyWindow = 5 * time.Minute

func (s *Server) pageDashboard(w http.ResponseWriter, r *http.Request) {
	s.render(w, "dashboard.html", s.dashboard(r.Context(), time.Now()))
}

func (s *Server) dashboard(ctx context.Context, now time.Time) dashboardPage {
	p := dashboardPage{Generated: now.UTC(), DLQStream: -1, Indexed: -1}
	if s.o.Index != nil {
		if n, err := s.o.Index.Count(); err == nil {
			p.Indexed = int64(n)
		}
	}
	cur, err := gather(s.gatherer(), now)
	if err != nil {
		p.Error = err.Error()
	}
	hist := append(s.sampler.history(), cur)
	p.Total = cur.total()
	p.DocsPerSec, p.RateWindow = rate(hist, time.Minute)
	lat := snapshot{}
	lat.Stages, p.LatencyWindow = recentStages(hist, latencyWindow)
	p.Stages = stageViews(lat)
	p.Depths = sortedBars(cur.Depths, []string{"none", "shallow", "full"})
	p.Classes = sortedBars(cur.Results, nil)
	p.DLQ, p.Pending = cur.DLQ, cur.Pending
	if s.o.JS != nil {
		sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		if st, err := s.o.JS.Stream(sctx, broker.StreamDLQ); err == nil {
			if info, err := st.Info(sctx); err == nil {
				p.DLQStream = int64(info.State.Msgs)
			}
		}
		cancel()
	}
	p.Throughput = lineChart(throughput(hist), "documents per second")
	p.LatencySVG = latencyChart(p.Stages, lat)
	p.DepthSVG = barChart(p.Depths, "results by exit depth")
	var classes []barItem
	p.ClassSVG, classes = classChart(hist, 24)
	p.ClassLegend = legend(classes)
	return p
}

func (s *Server) gatherer() prometheus.Gatherer {
	if s.o.Gatherer != nil {
		return s.o.Gatherer
	}
	if s.o.Registry != nil {
		return s.o.Registry
	}
	return nil
}

// windowStart is the oldest snapshot within window of the newest one.
func windowStart(hist []snapshot, window time.Duration) snapshot {
	last := hist[len(hist)-1]
	for _, h := range hist {
		if last.At.Sub(h.At) <= window {
			return h
		}
	}
	return last
}

// rate is results per second over the last window of history (or as much
// of it as there is).
func rate(hist []snapshot, window time.Duration) (float64, string) {
	if len(hist) < 2 {
		return 0, "no samples yet"
	}
	last, first := hist[len(hist)-1], windowStart(hist, window)
	d := last.At.Sub(first.At).Seconds()
	if d <= 0 {
		return 0, "no samples yet"
	}
	return (last.total() - first.total()) / d, fmt.Sprintf("over the last %s", time.Duration(d*float64(time.Second)).Round(time.Second))
}

func ms(sec float64) string {
	if math.IsNaN(sec) {
		return "–"
	}
	v := sec * 1000
	if v < 10 {
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

func stageViews(sn snapshot) []stageView {
	names := make([]string, 0, len(sn.Stages))
	for n := range sn.Stages {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []stageView
	for _, n := range names {
		h := sn.Stages[n]
		avg := math.NaN()
		if h.Count > 0 {
			avg = h.Sum / float64(h.Count)
		}
		out = append(out, stageView{Stage: n, Count: h.Count, P50: ms(h.quantile(.5)), P95: ms(h.quantile(.95)), Avg: ms(avg)})
	}
	return out
}

// sortedBars orders known labels first (in the given order), then the rest
// by value.
func sortedBars(m map[string]float64, order []string) []barItem {
	var out []barItem
	seen := map[string]bool{}
	for _, k := range order {
		out = append(out, barItem{Label: k, Value: m[k]})
		seen[k] = true
	}
	var rest []barItem
	for k, v := range m {
		if !seen[k] {
			rest = append(rest, barItem{Label: k, Value: v})
		}
	}
	sort.Slice(rest, func(i, j int) bool {
		if rest[i].Value != rest[j].Value {
			return rest[i].Value > rest[j].Value
		}
		return rest[i].Label < rest[j].Label
	})
	return append(out, rest...)
}

type point struct {
	At time.Time
	V  float64
}

func throughput(hist []snapshot) []point {
	var out []point
	for i := 1; i < len(hist); i++ {
		d := hist[i].At.Sub(hist[i-1].At).Seconds()
		if d <= 0 {
			continue
		}
		out = append(out, point{At: hist[i].At, V: math.Max(0, hist[i].total()-hist[i-1].total()) / d})
	}
	return out
}

// Chart geometry, in SVG user units (the SVG scales to its container).
const (
	chartW = 560.0
	chartH = 180.0
	padL   = 48.0
	padB   = 22.0
	padT   = 10.0
)

var palette = []string{"#1f5fbf", "#2e8b57", "#d2691e", "#8a4fbf", "#b8860b", "#c0392b", "#16808c", "#6b7280"}

var classColors = map[string]string{"contract": "#1f5fbf", "regulation": "#2e8b57", "log": "#d2691e", "other": "#6b7280"}

func colorFor(label string, i int) string {
	if c, ok := classColors[label]; ok {
		return c
	}
	return palette[i%len(palette)]
}

// svgOpen starts a chart. desc says in words what the chart shows (its
// text alternative: a screen reader reads the label, not the shapes).
func svgOpen(b *strings.Builder, title, desc string, h float64) {
	label := title
	if desc != "" {
		label += ": " + desc
	}
	fmt.Fprintf(b, `<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg"><title>%s</title>`,
		chartW, h, html.EscapeString(label), html.EscapeString(label))
}

// barsText lists bars in words: "shallow 12, full 5".
func barsText(items []barItem) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.Label + " " + fmtNum(it.Value)
	}
	return strings.Join(parts, ", ")
}

// pointsText sums up a time series in words: its span, latest, peak and mean.
func pointsText(pts []point) string {
	if len(pts) < 2 {
		return "collecting samples"
	}
	peak, sum := 0.0, 0.0
	for _, p := range pts {
		peak, sum = math.Max(peak, p.V), sum+p.V
	}
	return fmt.Sprintf("%s to %s UTC, latest %s, peak %s, mean %s", pts[0].At.UTC().Format("15:04:05"),
		pts[len(pts)-1].At.UTC().Format("15:04:05"), fmtNum(pts[len(pts)-1].V), fmtNum(peak), fmtNum(sum/float64(len(pts))))
}

func niceMax(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

func fmtNum(v float64) string {
	switch {
	case v == math.Trunc(v) && math.Abs(v) < 1e9:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

func axes(b *strings.Builder, maxV float64, unit string) {
	for i := 0; i <= 4; i++ {
		v := maxV * float64(i) / 4
		y := chartH - padB - (chartH-padB-padT)*float64(i)/4
		fmt.Fprintf(b, `<line class="grid" x1="%.0f" x2="%.0f" y1="%.1f" y2="%.1f"/>`, padL, chartW-4, y, y)
		fmt.Fprintf(b, `<text class="tick" x="%.0f" y="%.1f" text-anchor="end">%s%s</text>`, padL-6, y+4, fmtNum(v), unit)
	}
}

// lineChart draws points as a polyline over time.
func lineChart(pts []point, title string) template.HTML {
	var b strings.Builder
	svgOpen(&b, title, pointsText(pts), chartH)
	if len(pts) < 2 {
		fmt.Fprintf(&b, `<text class="empty" x="%.0f" y="%.0f" text-anchor="middle">collecting samples…</text></svg>`, chartW/2, chartH/2)
		return template.HTML(b.String())
	}
	maxV := 0.0
	for _, p := range pts {
		maxV = math.Max(maxV, p.V)
	}
	maxV = niceMax(maxV)
	axes(&b, maxV, "")
	t0, t1 := pts[0].At, pts[len(pts)-1].At
	span := t1.Sub(t0).Seconds()
	var coords []string
	for _, p := range pts {
		x := padL + (chartW-4-padL)*p.At.Sub(t0).Seconds()/span
		y := chartH - padB - (chartH-padB-padT)*p.V/maxV
		coords = append(coords, fmt.Sprintf("%.1f,%.1f", x, y))
	}
	fmt.Fprintf(&b, `<polyline class="line" fill="none" stroke="#1f5fbf" stroke-width="2" points="%s"/>`, strings.Join(coords, " "))
	fmt.Fprintf(&b, `<text class="tick" x="%.0f" y="%.0f">%s</text>`, padL, chartH-4, t0.UTC().Format("15:04:05"))
	fmt.Fprintf(&b, `<text class="tick" x="%.0f" y="%.0f" text-anchor="end">%s UTC</text></svg>`, chartW-4, chartH-4, t1.UTC().Format("15:04:05"))
	return template.HTML(b.String())
}

// barChart draws horizontal bars with their labels and values.
func barChart(items []barItem, title string) template.HTML {
	var b strings.Builder
	row := 26.0
	h := math.Max(row*float64(len(items))+8, 40)
	svgOpen(&b, title, barsText(items), h)
	maxV := 0.0
	for _, it := range items {
		maxV = math.Max(maxV, it.Value)
	}
	if maxV == 0 {
		maxV = 1
	}
	labelW := 110.0
	for i, it := range items {
		y := 4 + row*float64(i)
		w := (chartW - labelW - 70) * it.Value / maxV
		fmt.Fprintf(&b, `<text class="label" x="%.0f" y="%.1f" text-anchor="end">%s</text>`, labelW-8, y+row/2+4, html.EscapeString(it.Label))
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.1f" width="%.1f" height="%.0f" rx="3" fill="%s"/>`, labelW, y+3, math.Max(w, 1), row-8, colorFor(it.Label, i))
		fmt.Fprintf(&b, `<text class="value" x="%.1f" y="%.1f">%s</text>`, labelW+math.Max(w, 1)+6, y+row/2+4, fmtNum(it.Value))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// latencyChart draws p50 and p95 per stage as paired horizontal bars.
func latencyChart(stages []stageView, sn snapshot) template.HTML {
	var b strings.Builder
	row := 34.0
	h := math.Max(row*float64(len(stages))+30, 50)
	// the table beside this chart holds the same figures as text
	svgOpen(&b, "p50 and p95 latency per stage", "the table below lists them", h)
	if len(stages) == 0 {
		fmt.Fprintf(&b, `<text class="empty" x="%.0f" y="30" text-anchor="middle">no documents processed yet</text></svg>`, chartW/2)
		return template.HTML(b.String())
	}
	maxV := 0.0
	for _, st := range stages {
		if q := sn.Stages[st.Stage].quantile(.95); !math.IsNaN(q) {
			maxV = math.Max(maxV, q)
		}
	}
	if maxV == 0 {
		maxV = 1
	}
	labelW := 90.0
	for i, st := range stages {
		y := 4 + row*float64(i)
		hs := sn.Stages[st.Stage]
		fmt.Fprintf(&b, `<text class="label" x="%.0f" y="%.1f" text-anchor="end">%s</text>`, labelW-8, y+row/2+2, html.EscapeString(st.Stage))
		for j, q := range []float64{.5, .95} {
			v := hs.quantile(q)
			if math.IsNaN(v) {
				continue
			}
			w := math.Max((chartW-labelW-90)*v/maxV, 1)
			fill := []string{"#8db4f0", "#1f5fbf"}[j]
			yy := y + 3 + float64(j)*13
			fmt.Fprintf(&b, `<rect x="%.0f" y="%.1f" width="%.1f" height="11" rx="2" fill="%s"/>`, labelW, yy, w, fill)
			fmt.Fprintf(&b, `<text class="value" x="%.1f" y="%.1f">%s %s</text>`, labelW+w+5, yy+10, []string{"p50", "p95"}[j], ms(v))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// classChart draws new results per class over time as stacked columns,
// grouping the history into at most n columns.
func classChart(hist []snapshot, n int) (template.HTML, []barItem) {
	var b strings.Builder
	if len(hist) < 2 {
		svgOpen(&b, "results per class over time", "collecting samples", chartH)
		fmt.Fprintf(&b, `<text class="empty" x="%.0f" y="%.0f" text-anchor="middle">collecting samples…</text></svg>`, chartW/2, chartH/2)
		return template.HTML(b.String()), nil
	}
	classes := sortedBars(hist[len(hist)-1].Results, nil)
	first, last := hist[0], hist[len(hist)-1]
	added := make([]barItem, len(classes))
	for i, cl := range classes {
		added[i] = barItem{Label: cl.Label, Value: math.Max(0, last.Results[cl.Label]-first.Results[cl.Label])}
	}
	svgOpen(&b, "results per class over time", fmt.Sprintf("new results %s to %s UTC: %s", first.At.UTC().Format("15:04:05"),
		last.At.UTC().Format("15:04:05"), barsText(added)), chartH)
	per := int(math.Ceil(float64(len(hist)-1) / float64(n)))
	type col struct {
		at   time.Time
		vals map[string]float64
	}
	var cols []col
	for i := 0; i+1 < len(hist); i += per {
		j := min(i+per, len(hist)-1)
		c := col{at: hist[j].At, vals: map[string]float64{}}
		for _, cl := range classes {
			c.vals[cl.Label] = math.Max(0, hist[j].Results[cl.Label]-hist[i].Results[cl.Label])
		}
		cols = append(cols, c)
	}
	maxV := 0.0
	for _, c := range cols {
		t := 0.0
		for _, v := range c.vals {
			t += v
		}
		maxV = math.Max(maxV, t)
	}
	maxV = niceMax(maxV)
	axes(&b, maxV, "")
	cw := (chartW - 4 - padL) / float64(len(cols))
	for i, c := range cols {
		x := padL + cw*float64(i)
		base := chartH - padB
		for k, cl := range classes {
			v := c.vals[cl.Label]
			if v == 0 {
				continue
			}
			hgt := (chartH - padB - padT) * v / maxV
			base -= hgt
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s: %s</title></rect>`,
				x+1, base, math.Max(cw-2, 1), hgt, colorFor(cl.Label, k), html.EscapeString(cl.Label), fmtNum(v))
		}
	}
	fmt.Fprintf(&b, `<text class="tick" x="%.0f" y="%.0f">%s</text>`, padL, chartH-4, hist[0].At.UTC().Format("15:04:05"))
	fmt.Fprintf(&b, `<text class="tick" x="%.0f" y="%.0f" text-anchor="end">%s UTC</text></svg>`, chartW-4, chartH-4, hist[len(hist)-1].At.UTC().Format("15:04:05"))
	return template.HTML(b.String()), classes
}

// legend draws one colour swatch and label per item in a row.
func legend(items []barItem) template.HTML {
	if len(items) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="legend" viewBox="0 0 %.0f 20" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`,
		chartW, html.EscapeString("results since start: "+barsText(items)))
	x := padL
	for i, it := range items {
		fmt.Fprintf(&b, `<rect x="%.0f" y="5" width="12" height="12" rx="2" fill="%s"/>`, x, colorFor(it.Label, i))
		label := it.Label + " (" + fmtNum(it.Value) + ")"
		fmt.Fprintf(&b, `<text class="label" x="%.0f" y="15">%s</text>`, x+16, html.EscapeString(label))
		x += 16 + 7.5*float64(len([]rune(label))) + 14
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
