package pipeline

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/docmill/docmill/stages/parse"
)

// Metrics are the pipeline's Prometheus collectors (names prefixed docmill_).
type Metrics struct {
	Registry  *prometheus.Registry
	Processed *prometheus.CounterVec   // by stage
	Failed    *prometheus.CounterVec   // documents, by stage and reason class: once each however often retried
	Attempts  *prometheus.CounterVec   // failed attempts, retries included, by stage and reason class
	Duration  *prometheus.HistogramVec // by stage
	DeadLet   *prometheus.CounterVec   // messages moved to the DLQ, by stage
	Pending   *prometheus.GaugeVec     // consumer lag, by stream and consumer
	AckPend   *prometheus.GaugeVec     // delivered but unacked, by stream and consumer
	// DLQWaiting is what DOCMILL_DLQ holds now, by stage: read from the
	// broker, so that it survives restarts and falls on replay or drop,
	// which DeadLet, a per-process counter, does neither.
	DLQWaiting *prometheus.GaugeVec
	Classes    *prometheus.CounterVec // results by class
	Depths     *prometheus.CounterVec // results by deepest exit used
	BatchSize  prometheus.Histogram   // index batch sizes
	// IndexPeers counts other live indexers on this indexer's consumer:
	// above 0, each index holds only part of the documents.
	IndexPeers prometheus.Gauge
}

// NewMetrics registers every pipeline collector, plus the Go and process
// collectors, on a fresh registry: a process that both analyses and
// indexes.
func NewMetrics() *Metrics { return NewMetricsFor(true, true) }

// NewMetricsFor is NewMetrics for a process that analyses, indexes, both
// or neither (a broker): the unlabelled collectors of a part the process
// does not run are left unregistered, so its /metrics does not report,
// say, an index batch size or parser goroutines as a reading of 0 that a
// dashboard summing over processes would take for one. Every field is
// set either way; the labelled families appear once a label is used,
// except the counters of the stages the process runs (startAtZero).
func NewMetricsFor(analyses, indexes bool) *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{
		Registry: reg,
		Processed: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "docmill_documents_processed_total",
			Help: "Documents a stage finished successfully."}, []string{"stage"}),
		Failed: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "docmill_documents_failed_total",
			Help: "Documents a stage failed on, each counted once per reason however often it is retried (docmill_stage_failures_total counts every attempt), by reason class: permanent, transient; disk_full (a disk or the broker's storage is full: retried until there is room); broker_unavailable (the broker did not store the stage's output: retried until it does); dead_letter_failed (its dead letter could not be stored: redelivered)."}, []string{"stage", "reason"}),
		Attempts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "docmill_stage_failures_total",
			Help: "Stage attempts that failed, every retry of a document counted, by the reason classes of docmill_documents_failed_total."}, []string{"stage", "reason"}),
		Duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "docmill_stage_duration_seconds",
			Help: "Time spent in a stage per document.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 18)}, []string{"stage"}),
		DeadLet: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "docmill_dlq_messages_total",
			Help: "Messages moved to the dead-letter stream."}, []string{"stage"}),
		Pending: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "docmill_consumer_pending",
			Help: "Messages not yet delivered to a durable consumer (lag)."}, []string{"stream", "consumer"}),
		AckPend: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "docmill_consumer_ack_pending",
			Help: "Messages delivered to a consumer and not yet acknowledged."}, []string{"stream", "consumer"}),
		DLQWaiting: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "docmill_dlq_waiting",
			Help: "Dead letters now in DOCMILL_DLQ (docmill dlq list), by stage, as the broker last said: waiting for a replay or a drop. Every process reports the same figure; absent while the broker cannot say."}, []string{"stage"}),
		Classes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "docmill_results_total",
			Help: "Results published, by class."}, []string{"class"}),
		Depths: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "docmill_result_depth_total",
			Help: "Results by the deepest model exit used."}, []string{"depth"}),
		BatchSize: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "docmill_index_batch_size",
			Help: "Documents per index batch.", Buckets: prometheus.ExponentialBuckets(1, 2, 10)}),
		IndexPeers: prometheus.NewGauge(prometheus.GaugeOpts{Name: "docmill_index_consumer_peers",
			Help: "Other live indexers sharing this indexer's consumer; above 0 each index holds only part of the documents."}),
	}
	reg.MustRegister(m.Processed, m.Failed, m.Attempts, m.Duration, m.DeadLet, m.Pending, m.AckPend, m.DLQWaiting, m.Classes, m.Depths)
	if indexes {
		reg.MustRegister(m.BatchSize, m.IndexPeers)
		m.startAtZero("index")
	}
	if analyses {
		registerParse(reg)
		m.startAtZero("parse", "analyze")
	}
	return m
}

// failureReasons are the reason labels of docmill_documents_failed_total.
var failureReasons = []string{"permanent", "transient", "disk_full", "broker_unavailable", "dead_letter_failed"}

// startAtZero exports the processed, failed and dead-letter counters of
// the stages this process runs at 0 from its start. A labelled series
// appeared only with its first increment, and Prometheus takes no
// increase from a series' first sample: rate() and increase() alerts,
// and the dashboards' DLQ and error panels, missed the first dead letter
// and first failures of every process (often all there were).
func (m *Metrics) startAtZero(stages ...string) {
	for _, stage := range stages {
		m.Processed.WithLabelValues(stage)
		m.DeadLet.WithLabelValues(stage)
		for _, reason := range failureReasons {
			m.Failed.WithLabelValues(stage, reason)
			m.Attempts.WithLabelValues(stage, reason)
		}
	}
}

// registerParse registers the parser's own counters and gauges, read
// from package parse when scraped.
func registerParse(reg *prometheus.Registry) {
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "docmill_parse_abandoned_goroutines",
		Help: "Parser goroutines still running after their document timed out (Go cannot kill them)."},
		func() float64 { return float64(parse.Abandoned()) }))
	for outcome, value := range map[string]func() int64{
		"read":    func() int64 { r, _ := parse.OCRDocuments(); return r },
		"no_text": func() int64 { _, n := parse.OCRDocuments(); return n },
	} {
		reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "docmill_ocr_documents_total",
			Help: "PDFs without extractable text that OCR was tried on, by outcome (read, no_text).", ConstLabels: prometheus.Labels{"outcome": outcome}},
			func() float64 { return float64(value()) }))
	}
}
