package model

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Collectors are created once and always observed; RegisterMetrics exposes
// them on a registry.
var (
	segmentLatency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "docmill_model_segment_seconds",
		Help:    "Latency of one ONNX segment run (one batch).",
		Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
	}, []string{"segment"})
	batchSize = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "docmill_model_batch_size",
		Help:    "Sequences per segment run.",
		Buckets: []float64{1, 2, 4, 8, 16, 32, 64},
	}, []string{"segment"})
	exitsTaken = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "docmill_model_exits_total",
		Help: "Documents analysed, by task and the depth the task was answered at.",
	}, []string{"task", "depth"})
	tokensTotal = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "docmill_model_tokens_total",
		Help: "Tokens processed by each segment (rate() gives tokens/s).",
	}, []string{"segment"})
	tokensPerSecond = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "docmill_model_tokens_per_second",
		Help: "Throughput of the latest batch of each segment.",
	}, []string{"segment"})
	modelFailures = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "docmill_model_failures_total",
		Help: "Documents the model failed on; the model-free tier analysed them instead.",
	})
)

// RegisterMetrics registers the model collectors (names prefixed
// docmill_model_) on reg. Registering twice on one registry is not an error.
func RegisterMetrics(reg prometheus.Registerer) error {
	for _, c := range []prometheus.Collector{segmentLatency, batchSize, exitsTaken, tokensTotal, tokensPerSecond, modelFailures} {
		if err := reg.Register(c); err != nil {
			var are prometheus.AlreadyRegisteredError
			if errors.As(err, &are) {
				continue
			}
			return err
		}
	}
	return nil
}

func observeBatch(segment string, seqs, tokens int, d time.Duration) {
	segmentLatency.WithLabelValues(segment).Observe(d.Seconds())
	batchSize.WithLabelValues(segment).Observe(float64(seqs))
	tokensTotal.WithLabelValues(segment).Add(float64(tokens))
	if d > 0 {
		tokensPerSecond.WithLabelValues(segment).Set(float64(tokens) / d.Seconds())
	}
}

// ObserveExit counts a task answered at a depth (shallow, full, none).
func ObserveExit(task, depth string) { exitsTaken.WithLabelValues(task, depth).Inc() }
