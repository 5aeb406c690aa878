package monitor

import (
	"strings"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/docmill/docmill/document"
)

// Agreement summarises how a shadow model's results compare with the
// primary model's on the same documents.
type Agreement struct {
	Shadow       string  `json:"shadow"`  // name@version
	Primary      string  `json:"primary"` // the primary model(s) compared against, name@version, comma-separated
	Pairs        int     `json:"pairs"`
	Class        float64 `json:"class_agreement"` // share of documents with the same class
	Keywords     float64 `json:"keyword_overlap"` // mean Jaccard of keyword sets
	Summary      float64 `json:"summary_overlap"` // mean Jaccard of summary word sets
	LatencyRatio float64 `json:"latency_ratio"`   // shadow analyse time / primary analyse time (mean of ratios)
}

// Shadow pairs primary and shadow results of the same ingest message (the
// document id and its ingest time: a document sent again, or reprocessed
// by a backfill, is another pair) and keeps running agreement figures,
// exported as docmill_shadow_* metrics.
type Shadow struct {
	mu      sync.Mutex
	primary map[string]*document.Result
	shadow  map[string]*document.Result
	order   []string // ids in arrival order, to bound memory
	limit   int
	sums    map[string]*Agreement // by shadow name@version

	agree *prometheus.GaugeVec
	ratio *prometheus.GaugeVec
	pairs *prometheus.CounterVec
}

// NewShadow returns a comparator holding at most limit unpaired results
// (default 10,000); metrics go to reg when not nil.
func NewShadow(limit int, reg prometheus.Registerer) *Shadow {
	if limit <= 0 {
		limit = 10000
	}
	s := &Shadow{primary: map[string]*document.Result{}, shadow: map[string]*document.Result{}, limit: limit,
		sums: map[string]*Agreement{}}
	s.agree = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "docmill_shadow_agreement",
		Help: "Mean agreement of the shadow model with the primary (metric: class, keywords, summary)."}, []string{"shadow", "metric"})
	s.ratio = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "docmill_shadow_latency_ratio",
		Help: "Mean ratio of shadow to primary analysis time."}, []string{"shadow"})
	s.pairs = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "docmill_shadow_pairs_total",
		Help: "Documents analysed by both the primary and the shadow model."}, []string{"shadow"})
	if reg != nil {
		reg.MustRegister(s.agree, s.ratio, s.pairs)
	}
	return s
}

// ObservePrimary records a primary result.
func (s *Shadow) ObservePrimary(r *document.Result) { s.observe(r, true) }

// ObserveShadow records a shadow result.
func (s *Shadow) ObserveShadow(r *document.Result) { s.observe(r, false) }

func (s *Shadow) observe(r *document.Result, primary bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	mine, other := s.shadow, s.primary
	if primary {
		mine, other = s.primary, s.shadow
	}
	key := pairKey(r)
	if o, ok := other[key]; ok {
		delete(other, key)
		p, sh := r, o
		if !primary {
			p, sh = o, r
		}
		s.pair(p, sh)
		return
	}
	mine[key] = r
	s.order = append(s.order, key)
	for len(s.order) > s.limit {
		id := s.order[0]
		s.order = s.order[1:]
		delete(s.primary, id)
		delete(s.shadow, id)
	}
}

func (s *Shadow) pair(p, sh *document.Result) {
	name := sh.Model.Name + "@" + sh.Model.Version
	a := s.sums[name]
	if a == nil {
		a = &Agreement{Shadow: name}
		s.sums[name] = a
	}
	if pn := p.Model.Name + "@" + p.Model.Version; !strings.Contains(","+a.Primary+",", ","+pn+",") {
		a.Primary = strings.TrimPrefix(a.Primary+","+pn, ",")
	}
	n := float64(a.Pairs)
	a.Pairs++
	upd := func(mean *float64, v float64) { *mean = (*mean*n + v) / (n + 1) }
	classSame := 0.0
	if p.Class == sh.Class {
		classSame = 1
	}
	upd(&a.Class, classSame)
	upd(&a.Keywords, jaccard(keywordSet(p), keywordSet(sh)))
	upd(&a.Summary, jaccard(wordSet(p.Summary), wordSet(sh.Summary)))
	if pm, sm := analyseMs(p), analyseMs(sh); pm > 0 && sm > 0 {
		upd(&a.LatencyRatio, sm/pm)
	}
	s.agree.WithLabelValues(name, "class").Set(a.Class)
	s.agree.WithLabelValues(name, "keywords").Set(a.Keywords)
	s.agree.WithLabelValues(name, "summary").Set(a.Summary)
	s.ratio.WithLabelValues(name).Set(a.LatencyRatio)
	s.pairs.WithLabelValues(name).Inc()
}

// pairKey identifies one processing of one ingest message: the primary
// and the shadow result of it carry the same id and ingest time.
func pairKey(r *document.Result) string {
	return r.ID + "|" + r.IngestedAt.UTC().Format("2006-01-02T15:04:05.000000000")
}

// Report returns the agreement per shadow model.
func (s *Shadow) Report() []Agreement {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Agreement, 0, len(s.sums))
	for _, a := range s.sums {
		out = append(out, *a)
	}
	return out
}

func analyseMs(r *document.Result) float64 {
	for _, t := range r.Trace {
		if t.Stage == "analyze" {
			return t.Ms
		}
	}
	return 0
}

func keywordSet(r *document.Result) map[string]bool {
	m := map[string]bool{}
	for _, k := range r.Keywords {
		m[strings.ToLower(strings.TrimSpace(k.Text))] = true
	}
	return m
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		m[w] = true
	}
	return m
}

// jaccard is |a∩b| / |a∪b|, 1 for two empty sets.
func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
