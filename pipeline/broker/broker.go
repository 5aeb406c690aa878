// Package broker runs docmill's embedded NATS server with JetStream, connects
// to it or to an external cluster, and declares docmill's streams.
package broker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Stream and subject names.
const (
	StreamIngest  = "DOCMILL_INGEST"
	StreamResults = "DOCMILL_RESULTS"
	StreamDLQ     = "DOCMILL_DLQ"
	StreamShadow  = "DOCMILL_SHADOW"
	// StreamDeleted keeps the notices of documents docmill dropped from its
	// index (deleted, or replaced by a new version), for consumers that
	// keep their own copy of the results.
	StreamDeleted = "DOCMILL_DELETED"
	// StreamRemovals carries requests from folder and bucket watchers to
	// every indexer: the file or object a document came from was deleted
	// (sources.mirror_deletes).
	StreamRemovals = "DOCMILL_REMOVALS"

	SubjectIngest   = "docmill.ingest"
	SubjectResults  = "docmill.results"
	SubjectDLQ      = "docmill.dlq"
	SubjectShadow   = "docmill.shadow"
	SubjectDeleted  = "docmill.deleted"
	SubjectRemovals = "docmill.removals"
)

// EmbeddedOptions configures the in-process server.
type EmbeddedOptions struct {
	// StoreDir holds JetStream data; it survives restarts.
	StoreDir string
	// Listen is host:port for NATS clients ("127.0.0.1:4222"); port -1 picks
	// a free port. Empty means no client port at all (in-process only).
	Listen string
	// MaxPayload bounds one message; larger documents travel through the
	// object store (default 8 MiB).
	MaxPayload int32
	// Token, or User and Password, when set, are required of every client
	// (the process's own connections present them). Without them anyone
	// who reaches Listen can read every document and result.
	Token, User, Password string
	// Log hears the server's warnings and errors (nil: they are dropped).
	Log *slog.Logger
}

// Embedded is a running in-process NATS server.
type Embedded struct {
	srv  *server.Server
	opts EmbeddedOptions
	// sopts are the server's options, which a reload hands back to it
	sopts *server.Options
	log   *natsLog
	// restart keeps the watchdog and a caller from restarting JetStream
	// at once
	restart sync.Mutex
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
}

// StartEmbedded starts a NATS server with JetStream and waits until it is
// ready for connections.
func StartEmbedded(o EmbeddedOptions) (*Embedded, error) {
	if o.MaxPayload == 0 {
		o.MaxPayload = 8 << 20
	}
	if err := os.MkdirAll(o.StoreDir, 0o755); err != nil {
		return nil, fmt.Errorf("create JetStream store %s: %w", o.StoreDir, err)
	}
	opts := &server.Options{
		ServerName:    "docmill-embedded",
		JetStream:     true,
		StoreDir:      o.StoreDir,
		MaxPayload:    o.MaxPayload,
		NoSigs:        true,
		DontListen:    o.Listen == "",
		Authorization: o.Token,
		Username:      o.User,
		Password:      o.Password,
	}
	if o.Listen != "" {
		host, port, err := splitHostPort(o.Listen)
		if err != nil {
			return nil, err
		}
		opts.Host, opts.Port = host, port
		if port > 0 {
			// the server would only time out on a taken port, after 10 s
			l, err := net.Listen("tcp", o.Listen)
			if err != nil {
				return nil, fmt.Errorf("embedded nats cannot listen on %s: %w", o.Listen, err)
			}
			l.Close()
		}
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("embedded nats: %w", err)
	}
	nl := &natsLog{log: o.Log}
	srv.SetLoggerV2(nl, false, false, false)
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		return nil, errors.New("embedded nats: not ready after 10s (is the port in use?)")
	}
	e := &Embedded{srv: srv, opts: o, sopts: opts.Clone(), log: nl, stop: make(chan struct{}), done: make(chan struct{})}
	go e.keepJetStream()
	return e, nil
}

// JetStreamRecheck is how often the embedded server is checked for a
// JetStream that a full disk stopped, and MinFreeToRestart the free space
// its store's file system needs before JetStream starts again.
const (
	JetStreamRecheck = 10 * time.Second
	MinFreeToRestart = 64 << 20
)

// keepJetStream starts JetStream again once its store has room after a
// full disk stopped it. The NATS server switches JetStream off when it
// runs out of space, and a stream whose file store failed to write
// refuses every write after (its error sticks): freeing space had not
// been enough, and docmill took nothing more until it was restarted.
func (e *Embedded) keepJetStream() {
	defer close(e.done)
	t := time.NewTicker(JetStreamRecheck)
	defer t.Stop()
	for {
		select {
		case <-e.stop:
			return
		case <-t.C:
		}
		e.RestartJetStream()
	}
}

// RestartJetStream starts JetStream again, when it was switched off or one
// of its stores failed to write, once the store's file system has
// MinFreeToRestart free; streams, consumers and messages are read back
// from the store. It reports whether JetStream runs with no write failure
// pending.
func (e *Embedded) RestartJetStream() bool {
	e.restart.Lock()
	defer e.restart.Unlock()
	failed := e.log.writeError.Load()
	if e.srv.JetStreamEnabled() && !failed {
		return true
	}
	if free, err := freeBytes(e.opts.StoreDir); err == nil && free < MinFreeToRestart {
		return false
	}
	if e.opts.Log != nil {
		e.opts.Log.Warn("restarting JetStream: its store had failed to write (a full disk?) and has room again")
	}
	if failed && e.srv.JetStreamEnabled() {
		// a reload starts only a JetStream that is off
		if err := e.srv.ShutdownJetStream(); err != nil && e.opts.Log != nil {
			e.opts.Log.Error("JetStream restart: shut down", "err", err)
		}
	}
	e.log.writeError.Store(false)
	// a reload with the same options is how nats-server restarts a
	// JetStream it switched off (its SIGHUP)
	if err := e.srv.ReloadOptions(e.sopts.Clone()); err != nil && e.opts.Log != nil {
		e.opts.Log.Error("JetStream restart", "err", err)
	}
	return e.srv.JetStreamEnabled()
}

func splitHostPort(addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("nats listen address %q: %w", addr, err)
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		return "", 0, fmt.Errorf("nats listen port %q: %w", p, err)
	}
	return host, port, nil
}

// ClientURL is the URL outside clients use (empty without a client port).
func (e *Embedded) ClientURL() string {
	if e.srv.Addr() == nil {
		return ""
	}
	return e.srv.ClientURL()
}

// Connect opens an in-process connection to the embedded server.
func (e *Embedded) Connect(name string) (*nats.Conn, error) {
	opts := []nats.Option{nats.InProcessServer(e.srv), nats.Name(name), nats.MaxReconnects(-1)}
	if l := e.opts.Log; l != nil {
		// the client's asynchronous errors (a slow subscriber, a consumer
		// gone) in the structured log: nats.go printed them to stderr
		opts = append(opts, nats.ErrorHandler(asyncErrors(l)))
	}
	if e.opts.Token != "" {
		opts = append(opts, nats.Token(e.opts.Token))
	}
	if e.opts.User != "" {
		opts = append(opts, nats.UserInfo(e.opts.User, e.opts.Password))
	}
	return nats.Connect("", opts...)
}

// Unauthenticated reports whether the server takes clients on its client
// address without credentials: on loopback too, any local process (another
// user's, a container's) can then read, forge and delete documents.
func (e *Embedded) Unauthenticated() bool {
	return e.opts.Listen != "" && e.opts.Token == "" && e.opts.User == ""
}

// Open reports whether the server takes clients on a network address
// other than loopback without credentials.
func (e *Embedded) Open() bool {
	if !e.Unauthenticated() {
		return false
	}
	host, _, err := net.SplitHostPort(e.opts.Listen)
	if err != nil {
		return true
	}
	ip := net.ParseIP(host)
	return host != "localhost" && (ip == nil || !ip.IsLoopback())
}

// Shutdown stops the server and waits for it to finish.
func (e *Embedded) Shutdown() {
	e.once.Do(func() { close(e.stop) })
	<-e.done
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}

// asyncErrors logs a NATS client's asynchronous errors. While the
// connection is down they are its absence ("consumer not active" from
// each pull request, every 10 s), which the connection-lost warning
// already said: they go to debug, where they flooded the log with WARN
// lines naming _INBOX subjects through every broker restart.
func asyncErrors(l *slog.Logger) nats.ErrHandler {
	return func(nc *nats.Conn, sub *nats.Subscription, err error) {
		subject := ""
		if sub != nil {
			subject = sub.Subject
		}
		level := slog.LevelWarn
		if nc != nil && !nc.IsConnected() {
			level = slog.LevelDebug
		}
		l.Log(context.Background(), level, "nats", "subject", subject, "err", err)
	}
}

// ConnOptions configures a connection to an external NATS.
type ConnOptions struct {
	URLs      string // comma-separated
	Name      string
	User      string
	Password  string
	Token     string
	NKeyFile  string // seed file
	CredsFile string // .creds (JWT + seed)
	CAFile    string
	CertFile  string // client certificate
	KeyFile   string
	// AuthToken is docmill's HTTP auth token, presented as the NATS token
	// when no NATS credential is given (none of User, Token, NKeyFile,
	// CredsFile, CertFile, nor one in URLs): docmill serve's embedded
	// broker requires it when it has no credentials of its own, so one
	// DOCMILL_AUTH_TOKEN serves a client on both. A broker that refuses it
	// is asked once more without it, since one with no_auth_user refuses
	// a client that shows a token it does not know.
	AuthToken string
	// Log, when set, hears of lost and regained connections: JetStream
	// keeps the work meanwhile, but an operator must know.
	Log *slog.Logger
}

// noCredentials reports whether o gives no NATS credential of any kind.
func (o ConnOptions) noCredentials() bool {
	if o.User != "" || o.Token != "" || o.NKeyFile != "" || o.CredsFile != "" || o.CertFile != "" {
		return false
	}
	for _, p := range strings.Split(o.URLs, ",") {
		if u, err := url.Parse(strings.TrimSpace(p)); err == nil && u.User != nil {
			return false
		}
	}
	return true
}

// Connect dials an external NATS server or cluster and keeps reconnecting
// forever: JetStream keeps the work while the link is down.
func Connect(o ConnOptions) (*nats.Conn, error) {
	if o.AuthToken == "" || !o.noCredentials() {
		return connect(o)
	}
	withToken := o
	withToken.Token = o.AuthToken
	nc, err := connect(withToken)
	if err != nil && isAuthError(err) {
		// a broker without auth takes any token; one refusing it may
		// still take a client with none (no_auth_user)
		if nc2, err2 := connect(o); err2 == nil {
			return nc2, nil
		}
	}
	return nc, err
}

// isAuthError reports whether err is the broker refusing the client's
// credentials.
func isAuthError(err error) bool {
	return errors.Is(err, nats.ErrAuthorization) || strings.Contains(err.Error(), "Authorization Violation")
}

// connect is Connect with exactly o's credentials.
func connect(o ConnOptions) (*nats.Conn, error) {
	opts := []nats.Option{nats.Name(o.Name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second)}
	if l := o.Log; l != nil {
		opts = append(opts,
			nats.DisconnectErrHandler(func(nc *nats.Conn, err error) {
				if nc.IsClosed() {
					return // our own Close at shutdown
				}
				l.Warn("nats connection lost; reconnecting", "err", err)
			}),
			// the client's asynchronous errors (a consumer gone, a slow
			// subscriber) in the structured log, not on stderr
			nats.ErrorHandler(asyncErrors(l)),
			nats.ReconnectHandler(func(nc *nats.Conn) {
				l.Info("nats connection regained", "url", nc.ConnectedUrlRedacted())
			}))
	}
	if o.User != "" {
		opts = append(opts, nats.UserInfo(o.User, o.Password))
	}
	if o.Token != "" {
		opts = append(opts, nats.Token(o.Token))
	}
	if o.CredsFile != "" {
		opts = append(opts, nats.UserCredentials(o.CredsFile))
	}
	if o.NKeyFile != "" {
		opt, err := nats.NkeyOptionFromSeed(o.NKeyFile)
		if err != nil {
			return nil, fmt.Errorf("nkey %s: %w", o.NKeyFile, err)
		}
		opts = append(opts, opt)
	}
	if o.CAFile != "" {
		opts = append(opts, nats.RootCAs(o.CAFile))
	}
	if o.CertFile != "" {
		opts = append(opts, nats.ClientCert(o.CertFile, o.KeyFile))
	}
	nc, err := nats.Connect(o.URLs, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to nats %s: %w%s", redact(o.URLs), err, authHint(err))
	}
	return nc, nil
}

// authHint tells a refused client how docmill passes credentials: the
// server's "Authorization Violation" alone named no flag. It names what
// every command takes first: serve, worker and indexer have no
// --nats-token flag (only the client commands do), and the hint once sent
// their operators to it.
func authHint(err error) string {
	if isAuthError(err) {
		return " (give the server's credentials: DOCMILL_NATS_TOKEN or nats.token in the config file, --nats-creds FILE, " +
			"or user:password@ in the URL; the client commands also take --nats-token; a docmill serve with an auth token " +
			"and no nats credentials takes its auth token, DOCMILL_AUTH_TOKEN)"
	}
	return ""
}

// redact hides passwords in URLs for error messages.
func redact(urls string) string {
	parts := strings.Split(urls, ",")
	for i, p := range parts {
		if u, err := url.Parse(strings.TrimSpace(p)); err == nil && u.User != nil {
			u.User = url.User(u.User.Username())
			parts[i] = u.String()
		}
	}
	return strings.Join(parts, ",")
}

// DeadLetterWindow is DOCMILL_DLQ's de-duplication window: a dead letter
// whose Nats-Msg-Id (document, stage and reason; see pipeline.DeadLetter)
// came within it is dropped, so the same bad file ingested again the same
// day is not parked twice. It matches how long the docmill-failed bucket
// remembers a failure; the stream's MaxAge caps it.
const DeadLetterWindow = 24 * time.Hour

// DuplicateWindow is how long the ingest stream remembers a message id:
// the same document sent twice within it is analysed once.
const DuplicateWindow = 10 * time.Minute

// StreamOptions sizes docmill's streams.
type StreamOptions struct {
	Replicas int           // 1 embedded, 3 on a cluster
	MaxAge   time.Duration // how long results and dead letters are kept (0 = forever)
	// Owner says the process owns the broker (docmill serve's embedded
	// one): its MaxAge and Replicas apply to streams that exist already.
	// Any other process sizes only the streams it creates and leaves an
	// existing stream's retention and replicas as they are, with Warn
	// told of a difference: on a shared broker, a worker started by hand
	// with another (or no) nats.max_age rewrote every stream's retention,
	// and a shorter one deleted the deployment's history at once.
	Owner bool
	// Warn, when set, is told of an existing stream whose sizing differs
	// from these options and is kept.
	Warn func(stream string, kept, wanted jetstream.StreamConfig)
}

// EnsureStreams creates or updates DOCMILL_INGEST, DOCMILL_RESULTS,
// DOCMILL_DLQ, DOCMILL_SHADOW, DOCMILL_DELETED and DOCMILL_REMOVALS. All keep messages by limits, not by interest: a document
// published before any worker exists is kept, and a shadow model or a
// backfill can read the same stream with its own durable consumer.
func EnsureStreams(ctx context.Context, js jetstream.JetStream, o StreamOptions) error {
	if o.Replicas == 0 {
		o.Replicas = 1
	}
	for _, name := range []string{StreamIngest, StreamResults, StreamDLQ, StreamShadow, StreamDeleted, StreamRemovals} {
		c := streamConfig(name, o.MaxAge, o.Replicas)
		if !o.Owner {
			var err error
			if c, err = keepSizing(ctx, js, c, o.Warn); err != nil {
				return err
			}
		}
		if _, err := js.CreateOrUpdateStream(ctx, c); err != nil {
			return fmt.Errorf("stream %s: %w", c.Name, err)
		}
	}
	return nil
}

// streamSubjects are the subjects each of docmill's streams keeps.
var streamSubjects = map[string]string{StreamIngest: SubjectIngest, StreamResults: SubjectResults, StreamDLQ: SubjectDLQ,
	StreamShadow: SubjectShadow, StreamDeleted: SubjectDeleted, StreamRemovals: SubjectRemovals}

// streamConfig is stream name's configuration, kept by limits, with
// messages living maxAge (0: until limits) on replicas nodes.
func streamConfig(name string, maxAge time.Duration, replicas int) jetstream.StreamConfig {
	dup := 10 * time.Minute
	switch name {
	case StreamIngest:
		dup = DuplicateWindow
	case StreamDLQ:
		dup = DeadLetterWindow
	}
	if maxAge > 0 && maxAge < dup {
		dup = maxAge // JetStream refuses a window longer than the messages live
	}
	return jetstream.StreamConfig{Name: name, Subjects: []string{streamSubjects[name] + ".>"}, Retention: jetstream.LimitsPolicy,
		Storage: jetstream.FileStorage, Replicas: replicas, Duplicates: dup, MaxAge: maxAge}
}

// keepSizing is c with the retention and replicas of the stream that
// exists under its name, or c itself when there is none yet.
func keepSizing(ctx context.Context, js jetstream.JetStream, c jetstream.StreamConfig, warn func(string, jetstream.StreamConfig, jetstream.StreamConfig)) (jetstream.StreamConfig, error) {
	st, err := js.Stream(ctx, c.Name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("stream %s: %w", c.Name, err)
	}
	have := st.CachedInfo().Config
	if have.MaxAge == c.MaxAge && have.Replicas == c.Replicas {
		return c, nil
	}
	if warn != nil {
		warn(c.Name, have, c)
	}
	return streamConfig(c.Name, have.MaxAge, have.Replicas), nil
}
