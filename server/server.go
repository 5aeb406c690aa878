// Package server assembles a docmill process from its parts for one role:
// serve (everything in one process), worker (consume and analyse),
// indexer (index and serve search) or broker (serve --broker-only: the
// embedded broker alone). It owns start-up order and graceful shutdown.
package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/enrich/logs"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/lang"
	"github.com/docmill/docmill/model"
	"github.com/docmill/docmill/monitor"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/stages/parse"
	"github.com/docmill/docmill/web"
)

// Role selects what a process runs.
type Role string

// Roles.
const (
	RoleServe   Role = "serve"
	RoleWorker  Role = "worker"
	RoleIndexer Role = "indexer"
	// RoleBroker (docmill serve --broker-only) runs the embedded broker
	// alone: it creates and owns the streams and buckets as serve does,
	// and serves /healthz, /readyz and /metrics, but consumes nothing, so
	// that the workers and indexers of a scaled-out deployment are the
	// only ones on their consumers (serve's own indexer took part of the
	// results from a separate indexer).
	RoleBroker Role = "broker"
)

func (r Role) works() bool   { return r == RoleServe || r == RoleWorker }
func (r Role) indexes() bool { return r == RoleServe || r == RoleIndexer }

// Options configures a process.
type Options struct {
	Config *config.Config
	Role   Role
	Log    *slog.Logger
	// Watch adds folders to Config.Sources.Folders.
	Watch []string
	// Started, when set, receives the running server once it is ready.
	Started func(*Server)
	// ModelFromFlag is true when --model or --no-model was given: the
	// model named on the command line wins over the registry's.
	ModelFromFlag bool
}

// Server is a running docmill process.
type Server struct {
	o Options
	// consumers are the pipeline's subscribers, for /healthz
	consumers pipeline.Consumers
	// buckets are the watches of sources.buckets, for /healthz; set
	// before the HTTP server starts, never changed after
	buckets []*connectors.Bucket
	// refused keeps the files this process's watched folders did not
	// take, for the web UI's dead-letters page
	refused connectors.Refusals
	// floors keeps the consumers' ack floors (pipeline.FloorsBucket)
	floors         jetstream.KeyValue
	embedded       *broker.Embedded
	nc             *nats.Conn
	js             jetstream.JetStream
	metrics        *pipeline.Metrics
	ix             *index.Index
	analyzer       *pipeline.AnalyzerRef
	modelSt        web.Component
	failed         jetstream.KeyValue   // FailedBucket; nil when unavailable
	inFlight       *pipeline.Processing // ProcessingBucket; nil when unavailable
	droppedLetters jetstream.KeyValue   // pipeline.DroppedBucket
	// indexUpgrades is what `docmill index rebuild` would bring the index
	// (index.Index.Upgrades), read when it opens.
	indexUpgrades []string
	// tombstones is pipeline.TombstoneBucket (indexing roles); nil when
	// unavailable.
	tombstones jetstream.KeyValue
	logsReg    *logs.Registry
	http       *http.Server
	httpLn     net.Listener // bound first, so a taken port fails the start at once
	httpAddr   string
	drift      *monitor.Drift
	originals  *web.Originals
	shadow     *monitor.Shadow
	worker     *pipeline.Worker // this process's analyse stage, nil without one
	shadowAn   enrich.Analyzer
	ocr        *parse.OCR // nil: scanned PDFs are dead-lettered
	peers      int        // other live indexers on this one's consumer
	swapErr    string     // why the last hot swap was refused ("" when it was not)
	// shadowSt is model.shadow's /healthz entry; zero when none is set
	shadowSt web.Component
	// startRevision is the registry revision the start-up applied (0: none)
	startRevision uint64
	// onRegistry is true while the registry's model runs (not the
	// configured one), so that clearing the registry swaps back
	onRegistry bool

	mu sync.Mutex
}

// NATSURL is the client URL of the broker (the embedded one's, or the
// configured external one).
func (s *Server) NATSURL() string {
	if s.embedded != nil {
		return s.embedded.ClientURL()
	}
	return s.o.Config.NATS.URL
}

// ocrDetail says whether scanned PDFs are read, and with what.
func (s *Server) ocrDetail() string {
	switch {
	case s.ocr != nil:
		return s.ocr.String()
	case s.o.Config.Pipeline.OCR == "off":
		return "off by configuration: scanned PDFs are dead-lettered"
	}
	return "not installed (apt-get install poppler-utils tesseract-ocr): scanned PDFs are dead-lettered"
}

// natsDetail names the broker in health reports. The embedded server is
// reached in-process, and such a connection reports nats.go's default URL
// rather than the port clients use, so the embedded server's own client
// URL is named instead.
func (s *Server) natsDetail() string {
	if s.embedded == nil {
		return s.nc.ConnectedUrlRedacted()
	}
	if u := s.embedded.ClientURL(); u != "" {
		return "embedded, clients at " + u
	}
	return "embedded, in-process only"
}

// Connect opens a new client connection to the server's broker.
func (s *Server) Connect() (*nats.Conn, error) {
	if s.embedded != nil {
		return s.embedded.Connect("docmill-client")
	}
	return broker.Connect(connOptions(s.o.Config, "docmill-client"))
}

// HTTPAddr is the address the HTTP server listens on.
func (s *Server) HTTPAddr() string { return s.httpAddr }

// HTTPURL is the base URL of the API and UI: https when the server has a
// certificate.
func (s *Server) HTTPURL() string {
	if s.o.Config.HTTP.CertFile != "" {
		return "https://" + s.httpAddr
	}
	return "http://" + s.httpAddr
}

// JetStream returns the server's JetStream context.
func (s *Server) JetStream() jetstream.JetStream { return s.js }

// Index returns the open index (nil for a worker).
func (s *Server) Index() *index.Index { return s.ix }

// Analyzer returns the swappable analyser reference (nil for an indexer).
func (s *Server) Analyzer() *pipeline.AnalyzerRef { return s.analyzer }

// Run starts the process and blocks until ctx ends, then shuts down
// gracefully: stop intake, drain in-flight documents, flush the index.
func Run(ctx context.Context, o Options) error {
	s := &Server{o: o, metrics: pipeline.NewMetricsFor(o.Role.works(), o.Role.indexes())}
	// a worker's first Chinese document, or an indexer's first Chinese
	// search, waits seconds for the segmenter: the log says why
	lang.LogSegmenterLoad(o.Log)
	for _, err := range config.MisspeltEnvironment() {
		o.Log.Warn("environment variable ignored", "err", err)
	}
	if o.Role.works() { // elsewhere no model runs: its collectors would report only zeros
		if err := model.RegisterMetrics(s.metrics.Registry); err != nil {
			return fmt.Errorf("model metrics: %w", err)
		}
	}
	if err := connectors.RegisterMetrics(s.metrics.Registry); err != nil {
		return fmt.Errorf("intake metrics: %w", err)
	}
	if o.Role == RoleBroker && o.Config.NATS.URL != "" {
		return brokerOnlyWithURL(o.Config.NATS.URL)
	}
	if err := s.checkFolders(); err != nil {
		return err
	}
	if o.Role == RoleBroker && o.Config.NATS.Listen == "" {
		return errors.New("--broker-only with nats.listen empty runs a broker no process can reach: give it a client address")
	}
	// the broker's JetStream store is in the data folder as serve's is,
	// and two brokers on one store would each take it for their own
	if o.Role.indexes() || o.Role == RoleBroker {
		release, err := lockData(o.Config.Data)
		if err != nil {
			return err
		}
		defer release() // after s.close: the index is closed first
	}
	defer s.close()
	ln, err := net.Listen("tcp", o.Config.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("http listen %s: %w (give this process another address: --http, http.listen or DOCMILL_HTTP_LISTEN)", o.Config.HTTP.Listen, err)
	}
	s.httpLn = ln
	defer ln.Close() // when the start fails before serving; Shutdown closes it otherwise
	if err := s.connect(ctx); err != nil {
		return err
	}
	if err := s.open(ctx); err != nil {
		return err
	}
	runCtx, stopRun := context.WithCancel(context.Background())
	defer stopRun()
	ready := make(chan struct{})
	pipeDone := make(chan error, 1)
	go func() { pipeDone <- pipeline.Run(runCtx, s.pipelineOptions(ready)) }()
	select {
	case <-ready:
	case err := <-pipeDone:
		return fmt.Errorf("pipeline: %w", err)
	case <-time.After(30 * time.Second):
		return errors.New("pipeline did not start within 30s")
	}
	intakeCtx, stopIntake := context.WithCancel(ctx)
	defer stopIntake()
	s.startFolders(intakeCtx)
	s.startBuckets(intakeCtx)
	if o.Role.indexes() {
		go s.watchPeers(intakeCtx)
		if err := s.watchRawIngest(intakeCtx); err != nil {
			o.Log.Warn("documents published straight onto the ingest subjects read as unknown until a worker takes them", "err", err)
		}
		if len(o.Config.Index.Retention) > 0 {
			go s.expire(intakeCtx)
		}
	}
	if o.Role.works() {
		go s.watchModels(intakeCtx)
		go s.flushTemplates(intakeCtx)
	}
	if s.shadowAn != nil {
		if err := s.compareShadow(intakeCtx); err != nil {
			return err
		}
	}
	if err := s.startHTTP(); err != nil {
		return err
	}
	o.Log.Info("docmill ready", "role", o.Role, "http", s.httpAddr, "nats", s.NATSURL(), "model", s.modelSt.Detail)
	if o.Started != nil {
		o.Started(s)
	}
	select {
	case <-ctx.Done():
	case err := <-pipeDone:
		if err == nil {
			err = errors.New("every stage's consumer closed")
		}
		return fmt.Errorf("pipeline stopped: %w", err)
	}
	o.Log.Info("shutting down: draining in-flight documents", "timeout", o.Config.Pipeline.DrainTimeout)
	stopIntake()
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	_ = s.http.Shutdown(shutCtx)
	cancel()
	stopRun()
	if err := <-pipeDone; err != nil {
		o.Log.Error("pipeline drain", "err", err)
	} else {
		// documents not finished in time are redelivered after the restart
		o.Log.Info("shut down: in-flight documents finished or handed back for redelivery")
	}
	return nil
}

// brokerOnlyWithURL refuses a broker-only serve told to use the external
// broker at url: it would run nothing at all.
func brokerOnlyWithURL(url string) error {
	err := fmt.Errorf("--broker-only runs the embedded NATS server, but nats.url names an external one (%s)", url)
	if os.Getenv("DOCMILL_NATS_URL") != "" {
		err = fmt.Errorf("%w: DOCMILL_NATS_URL is set in the environment; unset it", err)
	}
	return err
}

// withListenHint says how to move the embedded broker when its client
// address cannot be listened on: on a host where 4222 is taken (another
// NATS server, a second docmill) the error named the port but not the
// flag that picks another.
func withListenHint(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "listen" {
		return fmt.Errorf("%w (give this process another address: --nats-listen, nats.listen or DOCMILL_NATS_LISTEN; \"\" keeps the broker in-process)", err)
	}
	return err
}

func (s *Server) connect(ctx context.Context) error {
	c := s.o.Config
	var err error
	if c.NATS.URL == "" {
		s.embedded, err = broker.StartEmbedded(broker.EmbeddedOptions{StoreDir: filepath.Join(c.Data, "jetstream"), Listen: c.NATS.Listen,
			MaxPayload: int32(c.NATS.MaxPayloadMB) << 20, Token: embeddedToken(c), User: c.NATS.User, Password: c.NATS.Password, Log: s.o.Log})
		if err != nil {
			return withListenHint(err)
		}
		switch {
		case s.embedded.Open():
			s.o.Log.Warn("the embedded NATS server takes clients on a network address without credentials: anyone who reaches it can read every document and result; set nats.token (DOCMILL_NATS_TOKEN) or http.auth_token",
				"listen", c.NATS.Listen)
		case s.embedded.Unauthenticated():
			s.o.Log.Warn("the embedded NATS server takes any local client without credentials: every process on this host (other users', containers') can read, forge and delete documents; set http.auth_token (it then guards the broker too) or nats.token",
				"listen", c.NATS.Listen)
		}
		s.nc, err = s.embedded.Connect("docmill-" + string(s.o.Role))
	} else {
		o := connOptions(c, "docmill-"+string(s.o.Role))
		o.Log = s.o.Log
		s.nc, err = s.connectExternal(ctx, o)
		if err != nil && os.Getenv("DOCMILL_NATS_URL") != "" && s.o.Role == RoleServe {
			// exported for the client commands, it also makes serve a
			// client of that broker instead of starting its own
			err = fmt.Errorf("%w (DOCMILL_NATS_URL=%s in the environment points serve at that broker; unset it to run the embedded one)", err, os.Getenv("DOCMILL_NATS_URL"))
		}
	}
	if err != nil {
		return err
	}
	// A replicated stream on a busy cluster can take longer than the
	// client's 5 s default to create or answer.
	s.js, err = jetstream.New(s.nc, jetstream.WithDefaultTimeout(20*time.Second))
	if err != nil {
		return fmt.Errorf("jetstream: %w", err)
	}
	return s.retry(ctx, "declare streams", func(ctx context.Context) error {
		return broker.EnsureStreams(ctx, s.js, s.streamOptions())
	})
}

// connectExternal dials the external broker, waiting for it as for the
// other start-up steps (retry) while none of its servers answers: a
// worker or indexer started with its broker (a compose file, a pod
// scheduled before the NATS StatefulSet is up, a host reboot) exited at
// once with "no servers available", and came back only as its
// supervisor's restart back-off allowed. Other errors (credentials
// refused, a malformed URL, TLS) no wait mends: they end the start.
func (s *Server) connectExternal(ctx context.Context, o broker.ConnOptions) (*nats.Conn, error) {
	var nc *nats.Conn
	var final error
	err := s.retry(ctx, "connect to the broker", func(context.Context) error {
		var err error
		nc, err = broker.Connect(o)
		if err != nil && !errors.Is(err, nats.ErrNoServers) {
			final = err
			return nil
		}
		return err
	})
	if final != nil {
		return nil, final
	}
	return nc, err
}

// embeddedToken is the token the embedded broker requires of its clients:
// nats.token, else, when it has a client address and no nats credentials,
// the HTTP auth token. A token on the API left the broker, which carries
// every document and takes deletions and results from anyone, open to
// every local process.
func embeddedToken(c *config.Config) string {
	if c.NATS.Token == "" && c.NATS.User == "" && c.NATS.Listen != "" {
		return c.HTTP.AuthToken
	}
	return c.NATS.Token
}

// streamOptions sizes the streams from the configuration: all of them
// when this process owns the broker (the embedded one), else only those it
// creates (see broker.StreamOptions.Owner).
func (s *Server) streamOptions() broker.StreamOptions {
	c := s.o.Config
	return broker.StreamOptions{Replicas: c.NATS.Replicas, MaxAge: c.NATS.MaxAge, Owner: s.embedded != nil,
		Warn: func(stream string, kept, wanted jetstream.StreamConfig) {
			s.o.Log.Warn("stream sizing differs from this process's configuration; kept as the broker has it (change it with `nats stream edit`)",
				"stream", stream, "max_age", kept.MaxAge.String(), "configured_max_age", wanted.MaxAge.String(),
				"replicas", kept.Replicas, "configured_replicas", wanted.Replicas)
		}}
}

// retry runs a start-up step until it succeeds, for up to two minutes:
// several processes starting at once against a cluster still electing
// leaders see timeouts that a second try does not.
func (s *Server) retry(ctx context.Context, what string, fn func(context.Context) error) error {
	deadline := time.Now().Add(2 * time.Minute)
	wait := 500 * time.Millisecond
	for {
		err := fn(ctx)
		if err == nil || time.Now().After(deadline) || ctx.Err() != nil {
			return err
		}
		s.o.Log.Warn("start-up step failed, retrying", "step", what, "err", err, "in", wait)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
		wait = min(2*wait, 10*time.Second)
	}
}

func (s *Server) open(ctx context.Context) (err error) {
	c := s.o.Config
	s.openOptional(ctx)
	if s.o.Role.indexes() {
		ix, err := index.Open(indexDir(c), indexOptions(c))
		if err != nil {
			return err
		}
		s.ix = ix
		s.warmSegmenter(ctx)
		s.indexUpgrades = ix.Upgrades() // a rebuild needs this process stopped
		if up := s.indexUpgrades; len(up) > 0 {
			s.o.Log.Warn("the index predates parts of this release: stop docmill and run `docmill index rebuild` to bring them",
				"index", indexDir(c), "upgrades", strings.Join(up, "; "))
		}
	}
	err = s.retry(ctx, "consumer floors", func(ctx context.Context) (err error) {
		s.floors, err = s.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: pipeline.FloorsBucket,
			Description: "each durable consumer's ack floor, to declare a deleted consumer again in its place", Storage: jetstream.FileStorage, Replicas: c.NATS.Replicas})
		return err
	})
	if err != nil {
		return fmt.Errorf("kv %s: %w", pipeline.FloorsBucket, err)
	}
	err = s.retry(ctx, "dropped dead letters", func(ctx context.Context) (err error) {
		s.droppedLetters, err = pipeline.OpenDropped(ctx, s.js, c.NATS.Replicas)
		return err
	})
	if err != nil {
		return fmt.Errorf("kv %s: %w", pipeline.DroppedBucket, err)
	}
	if s.o.Role.works() {
		var kv jetstream.KeyValue
		err = s.retry(ctx, "log template store", func(ctx context.Context) (err error) {
			kv, err = s.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: "docmill-log-templates",
				Description: "mined log templates per source", Storage: jetstream.FileStorage, Replicas: c.NATS.Replicas})
			return err
		})
		if err != nil {
			return fmt.Errorf("kv docmill-log-templates: %w", err)
		}
		s.logsReg = logs.NewRegistry(logs.NewKVStore(kv), logs.DefaultConfig())
		s.ocr = detectOCR(c)
		an, st := s.startModel(ctx)
		s.analyzer, s.modelSt = pipeline.NewAnalyzerRef(an), st
		s.shadowAn, s.shadowSt = s.shadowAnalyzer()
		if s.shadowAn != nil {
			s.shadow = monitor.NewShadow(0, s.metrics.Registry)
		}
	}
	// results are observed where they are indexed
	var driftReg prometheus.Registerer
	if s.o.Role.indexes() {
		driftReg = s.metrics.Registry
	}
	s.drift = monitor.NewDrift(monitor.DriftOptions{}, driftReg)
	s.originals = &web.Originals{JS: s.js, MaxAge: c.Pipeline.OriginalsMaxAge, MaxBytes: c.Pipeline.OriginalsMaxMB << 20,
		Replicas: c.NATS.Replicas}
	return nil
}

func (s *Server) pipelineOptions(ready chan struct{}) pipeline.Options {
	c := s.o.Config
	o := pipeline.Options{JS: s.js, Metrics: s.metrics, Log: s.o.Log, DrainTimeout: c.Pipeline.DrainTimeout, Ready: ready,
		IndexerDurable: c.Index.Consumer, OnDeadLetter: s.recordFailed, Consumers: &s.consumers, Floors: s.floors, Dropped: s.droppedLetters,
		EnsureStreams: func(ctx context.Context) error {
			return broker.EnsureStreams(ctx, s.js, s.streamOptions())
		},
		Consumer: pipeline.ConsumerOptions{WorkerConcurrency: c.Pipeline.WorkerConcurrency,
			IndexerConcurrency: c.Pipeline.IndexerConcurrency, MaxDeliver: c.Pipeline.MaxDeliver,
			AckWait: c.Pipeline.AckWait, MaxAckPending: c.Pipeline.MaxAckPending}}
	if s.analyzer != nil {
		o.Worker = &pipeline.Worker{Analyzer: s.analyzer, Pub: nil, Blobs: s.js, MaxPayload: int(s.nc.MaxPayload()), Replicas: c.NATS.Replicas, Metrics: s.metrics, Log: s.o.Log,
			Limits: parseLimits(c, s.ocr)}
		o.Worker.Pub = pipelinePublisher(s.js)
		if c.Pipeline.KeepOriginals {
			o.Worker.KeepOriginal = s.keepOriginal
		}
		o.Worker.IngestAttachment, o.Worker.MaxAttachments = s.ingestAttachment, c.Pipeline.MaxAttachments
		o.Worker.MaxAttachmentsTotal = c.Pipeline.MaxAttachmentsTotal
		o.Worker.Processing = s.inFlight
		s.worker = o.Worker
	}
	if s.shadowAn != nil {
		o.Shadow = &pipeline.Worker{Analyzer: pipeline.NewAnalyzerRef(s.shadowAn), Pub: o.Worker.Pub, Blobs: s.js, MaxPayload: o.Worker.MaxPayload, Replicas: o.Worker.Replicas,
			Metrics: s.metrics, Log: s.o.Log, Limits: o.Worker.Limits}
	}
	if s.ix != nil {
		o.Indexer = &pipeline.Indexer{Index: s.ix, Blobs: s.js, Metrics: s.metrics, Log: s.o.Log, OnIndexed: func(rs []*document.Result) {
			for _, r := range rs {
				s.drift.Observe(r)
			}
		}, OnDropped: s.dropped, Processing: s.inFlight, Tombstones: s.tombstones}
	}
	return o
}

// dropped deletes the stored copies of a document that left the index
// (replaced, its source removed, expired) and announces it.
func (s *Server) dropped(ctx context.Context, d pipeline.Deleted) {
	if err := web.DeleteCopies(ctx, s.js, d.ID); err != nil {
		s.o.Log.Warn("stored copies of a dropped document not deleted", "doc_id", d.ID, "reason", d.Reason, "err", err)
	}
	if err := pipeline.PublishDeleted(ctx, s.js, d); err != nil {
		s.o.Log.Warn("deletion notice not published", "doc_id", d.ID, "reason", d.Reason, "err", err)
	}
	_ = s.inFlight.Done(ctx, d.ID) // recorded after it was indexed, by a slow publisher
}

// keepOriginal stores a document's bytes in docmill-originals unless they
// are there already (an upload through the UI, or a reprocess).
func (s *Server) keepOriginal(ctx context.Context, doc *document.Parsed, data []byte) error {
	if s.originals.Has(ctx, doc.ID) {
		return nil
	}
	_, err := s.originals.Put(ctx, doc.Filename, doc.Source, doc.ContentType, data)
	return err
}

// ingestAttachment ingests a file an e-mail carries as a document of its
// own, from the same source, naming the message it came with. A file the
// ingest refuses (empty, over the size limit) is logged and skipped: a
// retry cannot change it. budget is what the file's own attachments may
// bring (pipeline.Worker.IngestAttachment).
func (s *Server) ingestAttachment(ctx context.Context, carrier *document.Parsed, a document.Attachment, budget int) error {
	depth, _ := strconv.Atoi(carrier.Meta[pipeline.MetaAttachmentDepth])
	id, err := s.ingestPublisher().Publish(ctx, connectors.Doc{Filename: a.Filename, Source: carrier.Source, Data: a.Data,
		Meta: map[string]string{"attached_to": carrier.ID, "attached_to_filename": carrier.Filename,
			pipeline.MetaAttachmentDepth: strconv.Itoa(max(depth, 0) + 1), pipeline.MetaAttachmentBudget: strconv.Itoa(budget)}})
	if errors.Is(err, connectors.ErrEmpty) || errors.Is(err, connectors.ErrTooLarge) {
		s.o.Log.Warn("attachment not ingested", "file", a.Filename, "carrier", carrier.Filename, "reason", err)
		return nil
	}
	if err == nil {
		s.o.Log.Info("attachment ingested", "file", a.Filename, "doc_id", id, "carrier", carrier.Filename)
	}
	return err
}

// Publisher returns a publisher for new documents on this server's broker.
func (s *Server) Publisher() *connectors.Publisher { return s.ingestPublisher() }

func (s *Server) ingestPublisher() *connectors.Publisher {
	return &connectors.Publisher{JS: s.js, MaxPayload: int(s.nc.MaxPayload()), MaxBytes: s.o.Config.Pipeline.MaxDocumentMB << 20,
		Replicas: s.o.Config.NATS.Replicas}
}

// watchedFolders are the folders of sources.folders and --watch.
func (s *Server) watchedFolders() []string {
	return append(append([]string(nil), s.o.Config.Sources.Folders...), s.o.Watch...)
}

// checkFolders refuses, before anything starts, a watched folder that
// does not exist (connectors.CheckFolder), in a process that watches
// folders; the watch itself started after the pipeline, and only logged.
func (s *Server) checkFolders() error {
	if !s.o.Role.works() {
		return nil
	}
	for _, dir := range s.watchedFolders() {
		if err := connectors.CheckFolder(dir, s.o.Config.Sources.CreateFolders); err != nil {
			return err
		}
	}
	return nil
}

// startFolders watches the configured folders in a process that ingests
// (serve, or a worker in a scaled-out deployment). An indexer ingests
// nothing: it says so rather than ignore the setting silently.
func (s *Server) startFolders(ctx context.Context) {
	folders := s.watchedFolders()
	if len(folders) == 0 {
		return
	}
	if !s.o.Role.works() {
		s.o.Log.Warn("sources.folders is watched by docmill serve and docmill worker; this "+s.roleName()+" leaves it to them", "folders", folders)
		return
	}
	seen, err := connectors.OpenSeen(ctx, s.js, s.o.Config.NATS.Replicas)
	if err != nil {
		s.o.Log.Error("folder watch disabled", "err", err)
		return
	}
	for _, dir := range folders {
		f := &connectors.Folder{Dir: dir, Pub: s.ingestPublisher(), Seen: seen, StableFor: s.o.Config.Sources.Settle, Log: s.o.Log,
			MirrorDeletes: s.o.Config.Sources.MirrorDeletes, Refused: &s.refused, Create: s.o.Config.Sources.CreateFolders,
			Quota: sourceQuota(s.o.Config.Sources)}
		go func() {
			if err := f.Run(ctx); err != nil {
				s.o.Log.Error("folder watch stopped", "dir", dir, "err", err)
			}
		}()
		s.o.Log.Info("watching folder", "dir", dir)
	}
}

// sourceQuota is a watched folder's or bucket's own hourly quota (nil:
// none); each source has one of its own.
func sourceQuota(src config.Sources) *connectors.Quota {
	return connectors.NewQuota(src.MaxPerHour, src.MaxMBPerHour)
}

func (s *Server) startBuckets(ctx context.Context) {
	if !s.o.Role.works() {
		if s.o.Role == RoleBroker && len(s.o.Config.Sources.Buckets) > 0 {
			s.o.Log.Info("sources.buckets is watched by the workers; this broker-only serve leaves it to them", "buckets", s.o.Config.Sources.Buckets)
		}
		return
	}
	var seen jetstream.KeyValue
	if len(s.o.Config.Sources.Buckets) > 0 {
		var err error
		if seen, err = connectors.OpenSeen(ctx, s.js, s.o.Config.NATS.Replicas); err != nil {
			s.o.Log.Warn("bucket objects' versions not remembered: a changed object will not replace its document, a deleted one will not remove it", "err", err)
		}
	}
	for _, name := range s.o.Config.Sources.Buckets {
		b := &connectors.Bucket{Name: name, JS: s.js, Pub: s.ingestPublisher(), After: s.o.Config.Sources.AfterIngest,
			Replicas: s.o.Config.NATS.Replicas, Seen: seen, Log: s.o.Log, MirrorDeletes: s.o.Config.Sources.MirrorDeletes,
			Quota: sourceQuota(s.o.Config.Sources)}
		s.buckets = append(s.buckets, b)
		go b.Watch(ctx)
		s.o.Log.Info("watching object store bucket", "bucket", name)
	}
}

// flushTemplates persists mined log templates every 30 s, so a crash loses
// at most that much template history (close flushes the rest).
func (s *Server) flushTemplates(ctx context.Context) {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.logsReg.Flush(ctx); err != nil && ctx.Err() == nil {
				s.o.Log.Warn("flush log templates", "err", err)
			}
		}
	}
}

// roleName names this process's role in messages.
func (s *Server) roleName() string {
	if s.o.Role == RoleBroker {
		return "broker-only serve"
	}
	return string(s.o.Role)
}

// advisory marks a component whose failure degrades docmill without
// making it unready: the model-free tier serves without the model, and an
// indexer sharing its consumer serves what it has (the split is reported,
// not fixed, by taking it out of service).
func advisory(c web.Component) web.Component {
	c.Advisory = true
	return c
}

// streamsComponent says what the broker's streams hold: a broker-only
// serve runs no consumer, and its /healthz said only that NATS was up,
// while what an on-call engineer asks first is whether documents wait
// and how many dead letters there are.
func (s *Server) streamsComponent() web.Component {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var parts []string
	for _, name := range []string{broker.StreamIngest, broker.StreamResults, broker.StreamDLQ} {
		st, err := s.js.Stream(ctx, name)
		if err != nil {
			return web.Component{OK: false, Detail: fmt.Sprintf("stream %s: %v", name, err)}
		}
		info, err := st.Info(ctx)
		if err != nil {
			return web.Component{OK: false, Detail: fmt.Sprintf("stream %s: %v", name, err)}
		}
		parts = append(parts, fmt.Sprintf("%s %d messages, %d consumers", name, info.State.Msgs, info.State.Consumers))
	}
	ok := true
	for _, c := range []struct{ stream, consumer, role string }{
		{broker.StreamIngest, pipeline.DurableWorker, "worker"},
		{broker.StreamResults, s.o.Config.Index.Consumer, "indexer"},
	} {
		if why := s.unfetched(ctx, c.stream, c.consumer, c.role); why != "" {
			ok = false
			parts = append(parts, why)
		}
	}
	return web.Component{OK: ok, Detail: strings.Join(parts, "; ")}
}

// fetchStallAfter is how long documents may wait on a stage consumer
// nobody fetches from before a broker-only serve reports it: as long as a
// stage's own failing fetch takes to show in its /healthz.
var fetchStallAfter = 30 * time.Second

// unfetched says why documents wait on consumer with no process of role
// taking them, or "" when they do not. The streams keep what was
// processed, so their message counts looked the same with every worker
// stopped as with all of them busy: the broker's /healthz said nothing
// while documents piled up. A consumer with messages left to deliver, no
// pull request open and nothing delivered or acked for fetchStallAfter
// has nobody fetching.
func (s *Server) unfetched(ctx context.Context, stream, consumer, role string) string {
	cons, err := s.js.Consumer(ctx, stream, consumer)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		st, serr := s.js.Stream(ctx, stream)
		if serr != nil {
			return ""
		}
		if info, ierr := st.Info(ctx); ierr == nil && info.State.Msgs > 0 {
			return fmt.Sprintf("%s has no consumer %s: no %s has started on this broker", stream, consumer, role)
		}
		return ""
	}
	if err != nil {
		return ""
	}
	info, err := cons.Info(ctx)
	if err != nil || info.NumPending == 0 || info.NumWaiting > 0 {
		return ""
	}
	last := info.Created
	for _, t := range []*time.Time{info.Delivered.Last, info.AckFloor.Last} {
		if t != nil && t.After(last) {
			last = *t
		}
	}
	idle := time.Since(last)
	if idle < fetchStallAfter {
		return ""
	}
	return fmt.Sprintf("%s: %d documents waiting, none taken for %s: no %s is fetching", consumer, info.NumPending, idle.Round(time.Second), role)
}

// Health reports each component's state for /healthz and /readyz.
func (s *Server) Health() map[string]web.Component {
	h := map[string]web.Component{}
	if s.nc != nil && s.nc.IsConnected() {
		h["nats"] = web.Component{OK: true, Detail: s.natsDetail()}
	} else {
		h["nats"] = web.Component{OK: false, Detail: "disconnected"}
	}
	switch err := s.consumers.Err(); {
	case err != nil:
		h["consumers"] = web.Component{OK: false, Detail: err.Error()}
	case !s.o.Role.works() && !s.o.Role.indexes():
		if h["nats"].OK {
			h["streams"] = advisory(s.streamsComponent())
		}
	case !h["nats"].OK:
		// nothing is fetched while the broker is away: "fetching" read as
		// healthy beside a disconnected NATS
		h["consumers"] = web.Component{OK: false, Detail: "waiting for NATS"}
	default:
		h["consumers"] = web.Component{OK: true, Detail: "fetching"}
	}
	if s.o.Role.indexes() {
		if _, err := s.ix.Count(); err != nil {
			h["index"] = web.Component{OK: false, Detail: err.Error()}
		} else if err := s.ix.ReadFailure(); err != nil {
			h["index"] = web.Component{OK: false, Detail: err.Error()}
		} else if err := s.ix.WriteError(); err != nil {
			h["index"] = web.Component{OK: false, Detail: "last write failed (retried with the next batch): " + err.Error()}
		} else if up := s.indexUpgrades; len(up) > 0 {
			h["index"] = web.Component{OK: true, Detail: "open; `docmill index rebuild` would bring: " + strings.Join(up, "; ")}
		} else {
			h["index"] = web.Component{OK: true, Detail: "open"}
		}
		h["index_consumer"] = advisory(s.peersComponent())
	}
	if s.o.Role.works() {
		s.mu.Lock()
		h["model"] = advisory(s.modelSt)
		if s.swapErr != "" {
			h["model_swap"] = web.Component{OK: false, Detail: s.swapErr, Advisory: true}
		}
		s.mu.Unlock()
		if s.o.Config.Model.Shadow != "" {
			h["shadow"] = advisory(s.shadowSt)
		}
		an := s.analyzer.Load()
		info := an.Info()
		h["analyzer"] = web.Component{OK: true, Detail: info.Name + "@" + info.Version + " (" + info.Tier + " tier)"}
		if w := s.worker; w != nil {
			if err := w.PublishError(); err != nil {
				h["results"] = web.Component{OK: false, Detail: "results cannot be stored in DOCMILL_RESULTS (documents wait and are retried): " + err.Error()}
			} else {
				h["results"] = web.Component{OK: true, Detail: "stored"}
			}
		}
		if c, ok := modelRuntime(an); ok {
			h["model_runtime"] = advisory(c)
		}
		// OCR is optional: without it the process is healthy, and scanned
		// PDFs go to the dead-letter subject with their reason
		h["ocr"] = web.Component{OK: true, Detail: s.ocrDetail()}
	}
	for _, b := range s.buckets {
		h["bucket:"+b.Name] = bucketComponent(b)
	}
	return h
}

// bucketComponent is the /healthz entry of a watched bucket. It is
// advisory: a bucket whose watch stopped or stalls leaves uploads, NATS
// intake and search working, so /readyz stays 200 and the process stays
// in rotation; /healthz and docmill_bucket_watch_up say it.
func bucketComponent(b *connectors.Bucket) web.Component {
	if err := b.Err(); err != nil {
		return advisory(web.Component{OK: false, Detail: err.Error()})
	}
	return advisory(web.Component{OK: true, Detail: b.Progress()})
}

// IdleTimeout is how long the HTTP server keeps an idle keep-alive
// connection open.
const IdleTimeout = 2 * time.Minute

func (s *Server) startHTTP() error {
	c := s.o.Config
	var ingest *connectors.Publisher
	if s.o.Role == RoleServe || s.o.Role == RoleIndexer {
		ingest = s.ingestPublisher()
	}
	// NATS feeds the live page from docmill.results.>; JS keeps uploaded
	// originals and reads the dead-letter count for the dashboard.
	h, err := web.New(web.Options{Index: s.ix, Ingest: ingest, Health: s.Health, Registry: s.metrics.Registry,
		AuthToken: c.HTTP.AuthToken, AllowedHosts: c.HTTP.AllowedHosts, MaxUpload: int64(c.HTTP.MaxUploadMB) << 20,
		MaxFiles: c.HTTP.MaxUploadFiles, Log: s.o.Log, NATS: s.nc, JS: s.js, Originals: s.originals,
		Failed: s.failedReason, Refused: &s.refused, Processing: s.inFlight, OpenedBuckets: true})
	if err != nil {
		return err
	}
	ln := s.httpLn
	s.httpAddr = ln.Addr().String()
	// the server's own errors (TLS handshakes, panics) go to docmill's log;
	// an idle keep-alive connection is closed after IdleTimeout, and a
	// request body that trickles is cut by the web handler (web.Options
	// BodyMinBytes): either held a connection, and a file descriptor
	// shared with JetStream and the index, for ever
	s.http = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: IdleTimeout,
		ErrorLog: slog.NewLogLogger(s.o.Log.Handler(), slog.LevelWarn)}
	if c.HTTP.CertFile != "" {
		tc, err := tlsConfig(c.HTTP.CertFile, c.HTTP.KeyFile)
		if err != nil {
			return err
		}
		ln = tls.NewListener(ln, tc)
	} else if c.HTTP.AuthToken != "" && !loopback(c.HTTP.Listen) {
		s.o.Log.Warn("the HTTP auth token crosses the network in clear text: set http.cert_file and http.key_file, or put a TLS proxy in front",
			"listen", c.HTTP.Listen)
	}
	if c.HTTP.AuthToken == "" && !loopback(c.HTTP.Listen) && s.o.Role.indexes() {
		// the DNS-rebinding guard lets in every request addressed to an
		// IP: whoever reaches the port has the whole API (a worker's or a
		// broker's port has only health and metrics, open by design)
		s.o.Log.Warn("the API and UI take requests from the network without a token: anyone who reaches this address can search, download, upload and delete every document; set http.auth_token (DOCMILL_AUTH_TOKEN) or listen on 127.0.0.1",
			"listen", c.HTTP.Listen)
	}
	s.http.RegisterOnShutdown(func() { _ = h.Close() }) // ends open live-feed streams
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.o.Log.Error("http server", "err", err)
		}
	}()
	return nil
}

func (s *Server) close() {
	if s.logsReg != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if err := s.logsReg.Flush(ctx); err != nil {
			s.o.Log.Error("flush log templates", "err", err)
		}
		cancel()
	}
	if s.ix != nil {
		if err := s.ix.Close(); err != nil {
			s.o.Log.Error("close index", "err", err)
		}
	}
	if s.nc != nil {
		// what was published without waiting for an answer (progress
		// notes, log lines' events) reaches the broker before the
		// connection, and an embedded broker, go
		if err := s.nc.FlushTimeout(5 * time.Second); err != nil {
			s.o.Log.Warn("flush before closing the NATS connection", "err", err)
		}
		_ = s.nc.Drain()
		s.nc.Close()
	}
	if s.embedded != nil {
		s.embedded.Shutdown()
	}
}

// connOptions are the options for connecting to the external NATS that
// config c names, as client name.
func connOptions(c *config.Config, name string) broker.ConnOptions {
	return broker.ConnOptions{URLs: c.NATS.URL, Name: name,
		User: c.NATS.User, Password: c.NATS.Password, Token: c.NATS.Token, NKeyFile: c.NATS.NKeyFile,
		CredsFile: c.NATS.CredsFile, CAFile: c.NATS.CAFile, CertFile: c.NATS.CertFile, KeyFile: c.NATS.KeyFile,
		AuthToken: c.HTTP.AuthToken}
}

// detectOCR is the OCR config c asks for and the machine has, or nil.
func detectOCR(c *config.Config) *parse.OCR {
	if c.Pipeline.OCR == "off" {
		return nil
	}
	ocr := parse.DetectOCR()
	if ocr != nil && c.Pipeline.OCRMaxPages > 0 {
		ocr.MaxPages = c.Pipeline.OCRMaxPages
	}
	return ocr
}

// parseLimits are the parse limits config c sets, reading scanned pages
// with ocr (nil: not at all).
func parseLimits(c *config.Config, ocr *parse.OCR) parse.Limits {
	return parse.Limits{MaxBytes: int64(c.Pipeline.MaxDocumentMB) << 20, Timeout: c.Pipeline.ParseTimeout, MaxPages: c.Pipeline.MaxPages, OCR: ocr}
}

// maxTextBytes turns index.max_text_mb into index.Options.MaxTextBytes
// (0 in the config searches whole texts).
func maxTextBytes(mb int) int {
	if mb == 0 {
		return -1
	}
	return mb << 20
}

// ParseLimits are the parse limits config c sets, with the OCR it asks
// for and this machine has: what a document is parsed under here.
func ParseLimits(c *config.Config) parse.Limits { return parseLimits(c, detectOCR(c)) }
