package connectors

import (
	"errors"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
)

// intakeRefused counts the watched files and bucket objects that are not
// ingested, which otherwise leave only a log line: no dead letter can
// carry a file over the size limit, and an empty one has nothing to carry.
var intakeRefused = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "docmill_intake_refused_total",
	Help: "Watched files and bucket objects not ingested, by source (folder, bucket) and reason (empty, too_large, name_too_long, reserved_meta, gone, unreadable)."},
	[]string{"source", "reason"})

// quotaSpells counts the spells a watched source spent over its hourly
// quota: what waits in a folder left no other trace than a log line.
var quotaSpells = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "docmill_intake_quota_waits_total",
	Help: "Times a watched folder or bucket went over its hourly quota (sources.max_per_hour, sources.max_mb_per_hour), by source (folder, bucket): its files or objects then wait in place until the hour has room."},
	[]string{"source"})

// refusalReasons are the reasons countRefused files a refusal under.
var refusalReasons = []string{"empty", "too_large", "gone", "name_too_long", "reserved_meta", "unreadable"}

// RegisterMetrics registers the connectors' metrics with reg (once per
// registry; registering again is no error). Every refusal series starts
// at zero: a counter with no series until its first refusal made
// increase() miss that refusal, and an alert on it never fired for it.
func RegisterMetrics(reg prometheus.Registerer) error {
	for _, source := range []string{"folder", "bucket"} {
		for _, reason := range refusalReasons {
			intakeRefused.WithLabelValues(source, reason)
		}
		quotaSpells.WithLabelValues(source)
	}
	for _, c := range []prometheus.Collector{intakeRefused, quotaSpells, bucketWatchUp, bucketWatchProgress, bucketWatchPending} {
		if err := reg.Register(c); err != nil {
			var are prometheus.AlreadyRegisteredError
			if !errors.As(err, &are) {
				return err
			}
		}
	}
	return nil
}

// countRefused counts a refusal from source by the class of its reason.
func countRefused(source string, why error) {
	reason := "unreadable"
	switch {
	case errors.Is(why, ErrEmpty):
		reason = "empty"
	case errors.Is(why, ErrTooLarge):
		reason = "too_large"
	case errors.Is(why, jetstream.ErrObjectNotFound):
		reason = "gone"
	case errors.Is(why, ErrHeaders):
		reason = "name_too_long"
	case errors.Is(why, ErrReservedMeta):
		reason = "reserved_meta"
	}
	intakeRefused.WithLabelValues(source, reason).Inc()
}
