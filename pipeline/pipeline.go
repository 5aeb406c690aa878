// Package pipeline drives docmill's stages with a watermill router over
// JetStream: the analyse stage (parse + analyse + publish result) consumes
// docmill.ingest.>, the index stage consumes docmill.results.>. Failures are
// retried with backoff and, when permanent or out of attempts, moved to
// docmill.dlq.<stage> with the reason.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/pipeline/stream"
)

// Durable consumer names: every replica of a role shares one, so adding a
// worker adds throughput.
const (
	DurableWorker  = "docmill-worker"
	DurableIndexer = "docmill-indexer"
)

// Options configures Run. A nil Worker or Indexer leaves that stage to
// other processes.
type Options struct {
	JS      jetstream.JetStream
	Worker  *Worker
	Indexer *Indexer
	// Shadow, when set, analyses every ingested document again with a
	// candidate model on its own durable consumer and publishes to
	// docmill.shadow.<model>.>; its results are compared, never indexed.
	Shadow   *Worker
	Metrics  *Metrics
	Log      *slog.Logger
	Consumer ConsumerOptions
	// DrainTimeout bounds graceful shutdown: in-flight documents finish and
	// are acked, or are redelivered later.
	DrainTimeout time.Duration
	// Ready, when set, is closed once the router runs.
	Ready chan struct{}
	// EnsureStreams, when set, declares docmill's streams again; a
	// consumer whose stream is gone (a broker restarted without its store)
	// calls it before it declares itself again.
	EnsureStreams func(ctx context.Context) error
	// Consumers, when set, is given the stages' subscribers, whose fetch
	// state /healthz reports.
	Consumers *Consumers
	// IndexerDurable names the indexer's durable consumer (default
	// DurableIndexer). Indexers on one name share the results; an indexer
	// that keeps a complete index of its own needs a name of its own.
	IndexerDurable string
	// OnDeadLetter, when set, hears of each document the analyse stage
	// moved to the dead-letter stream, permanently refused or out of
	// attempts (so the upload page can say it failed instead of waiting
	// for a result that will not come).
	OnDeadLetter func(msg *message.Message, cause error)
	// Dropped, when set, is DroppedBucket: a dead letter like one dropped
	// for good is published as a new letter.
	Dropped jetstream.KeyValue
	// Floors, when set, keeps each consumer's ack floor (a FloorsBucket),
	// so that one deleted while docmill was down is declared again in its
	// place (stream.SubscriberConfig.Floors).
	Floors jetstream.KeyValue
}

// FloorsBucket is the KV bucket of the consumers' ack floors.
const FloorsBucket = "docmill-consumer-floors"

// ConsumerOptions tunes the durable consumers.
type ConsumerOptions struct {
	WorkerConcurrency  int           // documents analysed at once by this process (default 2)
	IndexerConcurrency int           // results waiting for an index batch (default 64)
	MaxDeliver         int           // attempts before the dead-letter stream (default 5)
	AckWait            time.Duration // redelivery after silence (default 60s)
	MaxAckPending      int           // in-flight bound per consumer across replicas (default 256)
	Backoff            func(attempt int) time.Duration
}

func (c *ConsumerOptions) defaults() {
	if c.WorkerConcurrency <= 0 {
		c.WorkerConcurrency = 2
	}
	if c.IndexerConcurrency <= 0 {
		c.IndexerConcurrency = 64
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
	if c.AckWait <= 0 {
		c.AckWait = 60 * time.Second
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = 256
	}
}

// deliverUnbounded is the JetStream MaxDeliver of the stages' consumers:
// their DeadLetter middleware counts the attempts (ConsumerOptions
// MaxDeliver) and parks a message on the last. A consumer bounded by the
// same count gave up on a message whose dead letter could not be stored
// (the broker's disk full): never redelivered, never dead-lettered, the
// document was lost while it read as "processing".
const deliverUnbounded = -1

// Consumers holds a running pipeline's subscribers for health checks.
type Consumers struct {
	mu   sync.Mutex
	subs []*stream.Subscriber
}

func (c *Consumers) set(subs []*stream.Subscriber) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.subs = subs
}

// Err says why a stage has fetched nothing for a while; nil while every
// one works (stream.Subscriber.Err).
func (c *Consumers) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.subs {
		if err := s.Err(); err != nil {
			return err
		}
	}
	return nil
}

// Run runs the stages until ctx ends, then drains and returns.
func Run(ctx context.Context, o Options) error {
	if o.IndexerDurable == "" {
		o.IndexerDurable = DurableIndexer
	}
	o.Consumer.defaults()
	if o.DrainTimeout <= 0 {
		o.DrainTimeout = 20 * time.Second
	}
	wlog := &stoppingLogger{LoggerAdapter: watermill.NewSlogLoggerWithLevelMapping(o.Log, map[slog.Level]slog.Level{slog.LevelInfo: slog.LevelDebug}),
		stopping: new(atomic.Bool)}
	router, err := message.NewRouter(message.RouterConfig{CloseTimeout: o.DrainTimeout}, wlog)
	if err != nil {
		return fmt.Errorf("router: %w", err)
	}
	router.AddMiddleware(middleware.Recoverer)
	pub := stream.NewPublisher(o.JS)
	dlqPub := withDrops(pub, o.Dropped)
	c := o.Consumer
	var subs []*stream.Subscriber
	if o.Worker != nil {
		sub := stream.NewSubscriber(o.JS, stream.SubscriberConfig{Stream: broker.StreamIngest, Durable: DurableWorker, Ensure: o.EnsureStreams, Log: o.Log, Floors: o.Floors,
			AckWait: c.AckWait, MaxDeliver: deliverUnbounded, MaxAckPending: c.MaxAckPending,
			Concurrency: c.WorkerConcurrency, Backoff: c.Backoff, DrainTimeout: o.DrainTimeout}, wlog)
		subs = append(subs, sub)
		h := router.AddConsumerHandler("analyze", broker.SubjectIngest+".>", sub, noOutput(o.Worker.Handle))
		h.AddMiddleware(DeadLetter(dlqPub, "analyze", c.MaxDeliver, o.Metrics, o.Log, o.OnDeadLetter))
	}
	if o.Shadow != nil {
		info := o.Shadow.Analyzer.Load().Info()
		durable := "docmill-shadow-" + subjectToken(info.Name+"-"+info.Version)
		o.Shadow.SubjectPrefix, o.Shadow.Stage = ShadowPrefix(info), "shadow"
		sub := stream.NewSubscriber(o.JS, stream.SubscriberConfig{Stream: broker.StreamIngest, Durable: durable, Ensure: o.EnsureStreams, Log: o.Log, Floors: o.Floors,
			AckWait: c.AckWait, MaxDeliver: deliverUnbounded, MaxAckPending: c.MaxAckPending,
			Concurrency: 1, Backoff: c.Backoff, DrainTimeout: o.DrainTimeout, DeliverNew: true}, wlog)
		subs = append(subs, sub)
		h := router.AddConsumerHandler("shadow", broker.SubjectIngest+".>", sub, noOutput(o.Shadow.Handle))
		h.AddMiddleware(DeadLetter(nil, "shadow", c.MaxDeliver, o.Metrics, o.Log, nil))
	}
	// The indexer's batching loop outlives ctx until the router has
	// drained: handlers still waiting for their batch must see it written,
	// not hang until the drain timeout and fail.
	indexCtx, stopIndexer := context.WithCancel(context.Background())
	defer stopIndexer()
	if o.Indexer != nil {
		o.Indexer.Start(indexCtx)
		sub := stream.NewSubscriber(o.JS, stream.SubscriberConfig{Stream: broker.StreamResults, Durable: o.IndexerDurable, Ensure: o.EnsureStreams, Log: o.Log, Floors: o.Floors,
			AckWait: c.AckWait, MaxDeliver: deliverUnbounded, MaxAckPending: c.MaxAckPending * 4,
			Concurrency: c.IndexerConcurrency, Backoff: c.Backoff, DrainTimeout: o.DrainTimeout}, wlog)
		subs = append(subs, sub)
		h := router.AddConsumerHandler("index", broker.SubjectResults+".>", sub, noOutput(o.Indexer.Handle))
		h.AddMiddleware(DeadLetter(dlqPub, "index", c.MaxDeliver, o.Metrics, o.Log, nil))
		// Removals have no dead letters: one whose document never comes
		// gives up by itself (Indexer.Remove).
		rsub := stream.NewSubscriber(o.JS, stream.SubscriberConfig{Stream: broker.StreamRemovals, Durable: o.IndexerDurable + "-removals", Ensure: o.EnsureStreams, Log: o.Log, Floors: o.Floors,
			AckWait: c.AckWait, MaxDeliver: removalAttempts + 5, Concurrency: 4, Backoff: removalBackoff, DrainTimeout: o.DrainTimeout}, wlog)
		subs = append(subs, rsub)
		router.AddConsumerHandler("remove", broker.SubjectRemovals+".>", rsub, noOutput(o.Indexer.Remove))
	}
	if o.Consumers != nil {
		o.Consumers.set(subs)
	}
	go watchLag(ctx, o)
	if o.Ready != nil {
		go func() { <-router.Running(); close(o.Ready) }()
	}
	// The router gets its own context so that shutdown drains instead of
	// cancelling handlers mid-document.
	runErr := make(chan error, 1)
	go func() { runErr <- router.Run(context.Background()) }()
	select {
	case <-ctx.Done():
	case err := <-runErr:
		return err
	}
	wlog.stopping.Store(true)
	for _, s := range subs {
		_ = s.Close() // stop fetching; in-flight messages finish and are acked
	}
	if err := router.Close(); err != nil {
		return fmt.Errorf("close router: %w", err)
	}
	return nil
}

// handlerFailed is what the watermill router logs when a handler returns
// an error.
const handlerFailed = "Handler returned error"

// stoppingLogger is the router's logger. Once docmill is shutting down,
// the router's report that its handlers stopped (docmill closed their
// subscribers to drain them) is the expected course, not an error with a
// stack trace.
type stoppingLogger struct {
	watermill.LoggerAdapter
	stopping *atomic.Bool // shared with the loggers With derives
}

func (l *stoppingLogger) Error(msg string, err error, fields watermill.LogFields) {
	if l.stopping.Load() && strings.Contains(msg, "handlers stopped") {
		l.LoggerAdapter.Info(msg, fields)
		return
	}
	if msg == handlerFailed {
		// every handler runs under DeadLetter, which logs each failure
		// with its stage and what becomes of the message: the router's
		// line doubled every one, at ERROR even for a retry
		l.LoggerAdapter.Debug(msg, fields.Add(watermill.LogFields{"err": err}))
		return
	}
	l.LoggerAdapter.Error(msg, err, fields)
}

func (l *stoppingLogger) With(fields watermill.LogFields) watermill.LoggerAdapter {
	return &stoppingLogger{LoggerAdapter: l.LoggerAdapter.With(fields), stopping: l.stopping}
}

func noOutput(h func(*message.Message) ([]*message.Message, error)) message.NoPublishHandlerFunc {
	return func(m *message.Message) error {
		_, err := h(m)
		return err
	}
}

func consumerInfo(ctx context.Context, js jetstream.JetStream, stream, durable string) (*jetstream.ConsumerInfo, error) {
	c, err := js.Consumer(ctx, stream, durable)
	if err != nil {
		return nil, err
	}
	return c.Info(ctx)
}

// watchLag exports consumer lag and unacked counts every few seconds: the
// workers' consumer and every durable consumer of the results stream,
// this process's and other indexers' (a replica's index.consumer, whose
// lag no other process exported, not even while that replica was down
// and its lag grew).
func watchLag(ctx context.Context, o Options) {
	t := time.NewTicker(3 * time.Second)
	defer t.Stop()
	fixed := [][2]string{{broker.StreamIngest, DurableWorker}, {broker.StreamResults, o.IndexerDurable}}
	shown := map[[2]string]bool{}
	for {
		infos := consumerLags(ctx, o.JS, fixed)
		for pair, info := range infos {
			o.Metrics.Pending.WithLabelValues(pair[0], pair[1]).Set(float64(info.NumPending))
			o.Metrics.AckPend.WithLabelValues(pair[0], pair[1]).Set(float64(info.NumAckPending))
		}
		for _, pair := range fixed {
			shown[pair] = true
		}
		for pair := range shown {
			if infos[pair] == nil {
				// a stale figure would mislead an autoscaler acting on
				// lag: while the broker cannot say, there is none (and a
				// consumer deleted has none)
				o.Metrics.Pending.DeleteLabelValues(pair[0], pair[1])
				o.Metrics.AckPend.DeleteLabelValues(pair[0], pair[1])
				delete(shown, pair)
			}
		}
		for pair := range infos {
			shown[pair] = true
		}
		exportDLQWaiting(ctx, o.JS, o.Metrics.DLQWaiting)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// DLQStages are the stages whose dead letters docmill.dlq.<stage> holds.
// They are exported at 0 while they hold none, so that an alert on
// docmill_dlq_waiting > 0 tells an empty queue from a broker that did not
// answer (no series), and `docmill dlq --stage` takes only these.
var DLQStages = []string{"parse", "analyze", "index"}

// exportDLQWaiting sets the dead letters now waiting in DOCMILL_DLQ, by
// stage. Without it an on-call engineer saw only docmill_dlq_messages_total,
// which each process counts from its own start: it read 0 after a
// restart while letters waited, and never fell after a replay or drop.
func exportDLQWaiting(ctx context.Context, js jetstream.JetStream, g *prometheus.GaugeVec) {
	counts, err := dlqWaiting(ctx, js)
	if err != nil {
		// a stale figure would outlive the letters it counted
		g.Reset()
		return
	}
	for _, stage := range DLQStages {
		g.WithLabelValues(stage).Set(0)
	}
	for stage, n := range counts {
		g.WithLabelValues(stage).Set(float64(n))
	}
}

// dlqWaiting counts the messages of DOCMILL_DLQ by the stage its subject
// names.
func dlqWaiting(ctx context.Context, js jetstream.JetStream) (map[string]uint64, error) {
	cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	st, err := js.Stream(cctx, broker.StreamDLQ)
	if err != nil {
		return nil, fmt.Errorf("dead-letter stream: %w", err)
	}
	info, err := st.Info(cctx, jetstream.WithSubjectFilter(broker.SubjectDLQ+".>"))
	if err != nil {
		return nil, fmt.Errorf("dead-letter stream info: %w", err)
	}
	counts := map[string]uint64{}
	for subject, n := range info.State.Subjects {
		counts[strings.TrimPrefix(subject, broker.SubjectDLQ+".")] += n
	}
	return counts, nil
}

// consumerLags asks the broker about the consumers of fixed and every
// other durable consumer of the results stream, keyed by stream and
// consumer; a consumer the broker did not describe is left out.
func consumerLags(ctx context.Context, js jetstream.JetStream, fixed [][2]string) map[[2]string]*jetstream.ConsumerInfo {
	infos := map[[2]string]*jetstream.ConsumerInfo{}
	for _, pair := range fixed {
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		info, err := consumerInfo(cctx, js, pair[0], pair[1])
		cancel()
		if err == nil {
			infos[pair] = info
		}
	}
	cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	st, err := js.Stream(cctx, broker.StreamResults)
	if err != nil {
		return infos
	}
	list := st.ListConsumers(cctx)
	for info := range list.Info() {
		if info.Config.Durable != "" { // not a client's ordered consumer
			infos[[2]string{broker.StreamResults, info.Name}] = info
		}
	}
	return infos
}
