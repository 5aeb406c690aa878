// Package stream is a thin watermill Publisher and Subscriber over the
// nats.go jetstream API. Unlike watermill-nats it keeps durable consumers
// when it closes (a restart resumes where it stopped), acknowledges a
// message only after the handler acked it (and waits for the server to
// confirm), and naks with a growing delay after a handler nack.
package stream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Metadata keys the subscriber sets on every message. Keys starting with
// an underscore are never copied back into NATS headers.
const (
	MetaSubject   = "_subject"
	MetaDelivered = "_delivered" // delivery attempt, 1 for the first
	MetaStreamSeq = "_stream_seq"
	// MetaStreamTime is when the message entered the stream (RFC 3339),
	// the same for every consumer of it.
	MetaStreamTime = "_stream_time"
	// HeaderMsgID is JetStream's de-duplication header.
	HeaderMsgID = nats.MsgIdHdr
)

// Publisher publishes watermill messages to JetStream and waits for the
// server's acknowledgement, so a returned nil means the message is stored.
type Publisher struct {
	js jetstream.JetStream
}

// NewPublisher returns a Publisher on js.
func NewPublisher(js jetstream.JetStream) *Publisher { return &Publisher{js: js} }

// Publish stores each message on subject topic. The watermill UUID becomes
// the JetStream message id unless the metadata sets Nats-Msg-Id itself.
func (p *Publisher) Publish(topic string, msgs ...*message.Message) error {
	for _, m := range msgs {
		nm := ToNATS(topic, m)
		ctx := m.Context()
		if ctx == nil {
			ctx = context.Background()
		}
		if _, err := p.js.PublishMsg(ctx, nm); err != nil {
			return fmt.Errorf("publish to %s: %w", topic, err)
		}
	}
	return nil
}

// Close does nothing: the connection belongs to the caller.
func (p *Publisher) Close() error { return nil }

// ToNATS converts a watermill message to a NATS message on subject.
func ToNATS(subject string, m *message.Message) *nats.Msg {
	nm := nats.NewMsg(subject)
	nm.Data = m.Payload
	for k, v := range m.Metadata {
		if strings.HasPrefix(k, "_") {
			continue
		}
		nm.Header.Set(k, v)
	}
	if nm.Header.Get(HeaderMsgID) == "" && m.UUID != "" {
		nm.Header.Set(HeaderMsgID, m.UUID)
	}
	return nm
}

// SubscriberConfig configures a durable pull consumer.
type SubscriberConfig struct {
	// Stream is the stream to consume; when empty it is looked up by subject.
	Stream string
	// Durable is the consumer name, shared by every replica of a role.
	Durable string
	// AckWait is how long the server waits for an ack before redelivering.
	AckWait time.Duration
	// MaxDeliver bounds delivery attempts; the dead-letter middleware moves
	// a message aside on the last one.
	MaxDeliver int
	// MaxAckPending bounds unacknowledged messages across all replicas.
	MaxAckPending int
	// Concurrency is how many messages this process handles at once.
	Concurrency int
	// Backoff returns the nak delay after attempt n failed.
	Backoff func(attempt int) time.Duration
	// DrainTimeout bounds how long Close waits for messages already handed
	// to the router to be acked; the rest are redelivered after AckWait.
	DrainTimeout time.Duration
	// DeliverNew starts a consumer that does not exist yet at the messages
	// published after it is created, not at the stream's first (a shadow
	// model compares on live traffic, not on the whole history). An
	// existing consumer keeps its place and policy.
	DeliverNew bool
	// Ensure, when set, declares the stream again; the subscriber calls it
	// when its stream is gone (a broker restarted without its store).
	Ensure func(ctx context.Context) error
	// Log gets what an operator should see at its own level (a consumer
	// declared again); watermill's logger holds the rest. Discarded when
	// nil.
	Log *slog.Logger
	// Floors, when set, keeps the consumer's ack floor as last seen (every
	// floorEvery), so that a consumer deleted while no process ran is
	// declared again after it, not at the stream's first message: every
	// document would have been analysed and published again.
	Floors jetstream.KeyValue
}

func (c SubscriberConfig) log() *slog.Logger {
	if c.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return c.Log
}

func (c *SubscriberConfig) defaults() {
	if c.AckWait == 0 {
		c.AckWait = 60 * time.Second
	}
	if c.MaxDeliver == 0 {
		c.MaxDeliver = 5
	}
	if c.MaxAckPending == 0 {
		c.MaxAckPending = 256
	}
	if c.Concurrency <= 0 {
		c.Concurrency = 4
	}
	if c.DrainTimeout == 0 {
		c.DrainTimeout = 20 * time.Second
	}
	if c.Backoff == nil {
		c.Backoff = ExponentialBackoff(time.Second, 30*time.Second)
	}
}

// ExponentialBackoff doubles the delay per attempt from base up to max.
func ExponentialBackoff(base, max time.Duration) func(int) time.Duration {
	return func(attempt int) time.Duration {
		d := base
		for i := 1; i < attempt && d < max; i++ {
			d *= 2
		}
		if d > max {
			d = max
		}
		return d
	}
}

// Subscriber consumes a durable JetStream consumer as a watermill
// subscriber.
type Subscriber struct {
	js     jetstream.JetStream
	cfg    SubscriberConfig
	logger watermill.LoggerAdapter

	mu     sync.Mutex
	closed bool
	stops  []func()
	wg     sync.WaitGroup
	// life ends when Close gives up draining: deliveries stop waiting.
	life context.Context
	kill context.CancelFunc
	// failing is since when fetching has failed without a break (zero
	// when it works), and why; see Err.
	failMu  sync.Mutex
	failing time.Time
	failErr error
}

// stallAfter is how long fetching may fail before Err reports it: a
// broker's leader election or a reconnect takes seconds.
const stallAfter = 30 * time.Second

// Err says why this subscriber has fetched nothing for over 30 seconds
// (its consumer or stream gone and not yet declared again, the broker
// unreachable); nil while it works.
func (s *Subscriber) Err() error {
	s.failMu.Lock()
	defer s.failMu.Unlock()
	if s.failErr == nil || time.Since(s.failing) < stallAfter {
		return nil
	}
	return fmt.Errorf("consumer %s fetches nothing since %s: %w", s.cfg.Durable, s.failing.UTC().Format(time.RFC3339), s.failErr)
}

func (s *Subscriber) fetched(err error) {
	s.failMu.Lock()
	defer s.failMu.Unlock()
	switch {
	case err == nil:
		s.failing, s.failErr = time.Time{}, nil
	case s.failErr == nil:
		s.failing, s.failErr = time.Now(), err
	default:
		s.failErr = err
	}
}

// NewSubscriber returns a Subscriber on js.
func NewSubscriber(js jetstream.JetStream, cfg SubscriberConfig, logger watermill.LoggerAdapter) *Subscriber {
	cfg.defaults()
	if logger == nil {
		logger = watermill.NopLogger{}
	}
	life, kill := context.WithCancel(context.Background())
	return &Subscriber{js: js, cfg: cfg, logger: logger, life: life, kill: kill}
}

// Consumer creates or updates the durable consumer for subject and returns it.
func (s *Subscriber) Consumer(ctx context.Context, subject string) (jetstream.Consumer, error) {
	return s.consumer(ctx, subject, 0)
}

// consumer is Consumer; a consumer it creates starts at stream sequence
// from when that is not zero. A consumer that exists keeps its place and
// policy, which cannot be updated.
func (s *Subscriber) consumer(ctx context.Context, subject string, from uint64) (jetstream.Consumer, error) {
	stream, err := s.streamFor(ctx, subject)
	if err != nil {
		return nil, err
	}
	policy, start := jetstream.DeliverAllPolicy, uint64(0)
	switch {
	case from > 0:
		policy, start = jetstream.DeliverByStartSequencePolicy, from
	case s.cfg.DeliverNew:
		policy = jetstream.DeliverNewPolicy
	}
	c, err := s.js.Consumer(ctx, stream, s.cfg.Durable)
	switch {
	case err == nil:
		policy, start = c.CachedInfo().Config.DeliverPolicy, c.CachedInfo().Config.OptStartSeq
	case errors.Is(err, jetstream.ErrConsumerNotFound) && from == 0 && !s.cfg.DeliverNew:
		if floor := s.savedFloor(ctx, stream); floor > 0 {
			policy, start = jetstream.DeliverByStartSequencePolicy, floor+1
			s.cfg.log().Warn("consumer missing: declared again after its saved ack floor",
				"consumer", s.cfg.Durable, "stream", stream, "ack_floor", floor)
		}
	}
	cons, err := s.js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
		Durable:       s.cfg.Durable,
		DeliverPolicy: policy,
		OptStartSeq:   start,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       s.cfg.AckWait,
		MaxDeliver:    s.cfg.MaxDeliver,
		MaxAckPending: s.cfg.MaxAckPending,
		FilterSubject: subject,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", s.cfg.Durable, stream, err)
	}
	return cons, nil
}

func (s *Subscriber) streamFor(ctx context.Context, subject string) (string, error) {
	if s.cfg.Stream != "" {
		return s.cfg.Stream, nil
	}
	name, err := s.js.StreamNameBySubject(ctx, subject)
	if err != nil {
		return "", fmt.Errorf("find stream for %s: %w", subject, err)
	}
	return name, nil
}

// Subscribe consumes subject (a filter such as docmill.ingest.>) through the
// durable consumer. The channel closes when ctx ends or Close is called.
// A consumer that disappears (deleted by hand) is declared again after
// the last ack floor the subscriber saw; a stream that disappears (a
// broker restarted without its store) is declared again and consumed from
// its start.
func (s *Subscriber) Subscribe(ctx context.Context, subject string) (<-chan *message.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("subscriber closed")
	}
	cons, err := s.Consumer(ctx, subject)
	if err != nil {
		return nil, err
	}
	f := &fetcher{s: s, subject: subject}
	f.created = s.streamCreated(ctx)
	if err := f.open(cons); err != nil {
		return nil, err
	}
	// Fetching stops when ctx ends or on Close; deliveries already handed
	// out keep waiting for their ack until the subscriber's life ends.
	ctx, cancel := context.WithCancel(ctx)
	s.stops = append(s.stops, func() { cancel(); f.drain() })
	go func() { <-ctx.Done(); f.drain() }()
	in := make(chan jetstream.Msg)
	out := make(chan *message.Message)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer close(in)
		f.run(ctx, in)
	}()
	var workers sync.WaitGroup
	for i := 0; i < s.cfg.Concurrency; i++ {
		workers.Add(1)
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer workers.Done()
			for m := range in {
				s.deliver(ctx, m, out)
			}
		}()
	}
	go func() { workers.Wait(); close(out) }()
	go f.watchFloor(ctx)
	return out, nil
}

// fetcher pulls one subject's messages, and opens its consumer again when
// the consumer goes.
type fetcher struct {
	s       *Subscriber
	subject string
	mu      sync.Mutex
	iter    jetstream.MessagesContext
	stopped bool
	// created is when the stream was made, as first seen: a stream made
	// since numbers its messages anew. Under mu.
	created time.Time
	// floor is the consumer's ack floor (a stream sequence) as last seen:
	// every message up to it is done, by whichever replica. A consumer
	// declared again starts after it: what was done past it out of order
	// (at most MaxAckPending messages) is delivered again, nothing is
	// skipped.
	floor atomic.Uint64
	cons  jetstream.Consumer
}

// noteFloor raises floor to what the server last said of the consumer.
func (f *fetcher) noteFloor(info *jetstream.ConsumerInfo) {
	if info == nil {
		return
	}
	for {
		old := f.floor.Load()
		if info.AckFloor.Stream <= old || f.floor.CompareAndSwap(old, info.AckFloor.Stream) {
			return
		}
	}
}

// watchFloor asks the server for the consumer's ack floor every
// floorEvery until ctx ends.
func (f *fetcher) watchFloor(ctx context.Context) {
	t := time.NewTicker(floorEvery)
	defer t.Stop()
	var saved uint64 // the floor last kept in Floors, for the stream made at savedFor
	var savedFor time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		f.mu.Lock()
		cons := f.cons
		f.mu.Unlock()
		ictx, cancel := context.WithTimeout(ctx, 5*time.Second)
		if info, err := cons.Info(ictx); err == nil {
			f.noteFloor(info)
			made := f.streamMade()
			if !made.Equal(savedFor) {
				saved, savedFor = 0, made // a stream made anew numbers from 1
			}
			if floor := f.floor.Load(); floor > saved && f.s.saveFloor(ictx, floor, made) == nil {
				saved = floor
			}
		}
		cancel()
	}
}

// streamMade and setStreamMade read and set created.
func (f *fetcher) streamMade() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.created
}

func (f *fetcher) setStreamMade(t time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.created = t
}

// floorKey is the Floors key of a stream's durable consumer.
func floorKey(stream, durable string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '=' || r == '.' || r == '/' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, stream+"."+durable)
}

// saveFloor keeps floor, for the stream made at created, in Floors.
func (s *Subscriber) saveFloor(ctx context.Context, floor uint64, created time.Time) error {
	if s.cfg.Floors == nil || s.cfg.Stream == "" {
		return nil
	}
	v := strconv.FormatUint(floor, 10) + " " + created.UTC().Format(time.RFC3339Nano)
	_, err := s.cfg.Floors.Put(ctx, floorKey(s.cfg.Stream, s.cfg.Durable), []byte(v))
	return err
}

// savedFloor is the ack floor Floors holds for the consumer on stream, 0
// when none, or when it was saved for a stream since made anew (whose
// sequences start again).
func (s *Subscriber) savedFloor(ctx context.Context, stream string) uint64 {
	if s.cfg.Floors == nil || stream != s.cfg.Stream {
		return 0
	}
	e, err := s.cfg.Floors.Get(ctx, floorKey(stream, s.cfg.Durable))
	if err != nil {
		return 0
	}
	n, at, ok := strings.Cut(string(e.Value()), " ")
	floor, perr := strconv.ParseUint(n, 10, 64)
	created, terr := time.Parse(time.RFC3339Nano, at)
	if !ok || perr != nil || terr != nil || !created.Equal(s.streamCreated(ctx)) {
		return 0
	}
	return floor
}

// floorEvery paces watchFloor: a consumer declared again redelivers what
// was acked in the last interval. A variable for tests.
var floorEvery = 5 * time.Second

// streamCreated is when the subscriber's stream was made (zero when it
// cannot tell).
func (s *Subscriber) streamCreated(ctx context.Context) time.Time {
	if s.cfg.Stream == "" {
		return time.Time{}
	}
	st, err := s.js.Stream(ctx, s.cfg.Stream)
	if err != nil {
		return time.Time{}
	}
	return st.CachedInfo().Created
}

func (f *fetcher) open(cons jetstream.Consumer) error {
	// a heartbeat every 5 s: a consumer or stream that went is noticed
	// within seconds, not half a minute
	iter, err := cons.Messages(jetstream.PullMaxMessages(f.s.cfg.Concurrency), jetstream.PullHeartbeat(pullExpiry/3), jetstream.PullExpiry(pullExpiry))
	if err != nil {
		return fmt.Errorf("pull %s: %w", f.subject, err)
	}
	f.noteFloor(cons.CachedInfo())
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cons = cons
	if f.stopped {
		iter.Stop()
		return nil
	}
	f.iter = iter
	return nil
}

func (f *fetcher) current() jetstream.MessagesContext {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.iter
}

// drain stops fetching; the messages already fetched still come from
// Next, and run hands them back to the server at once.
func (f *fetcher) drain() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.stopped {
		f.stopped = true
		f.iter.Drain()
	}
}

// run hands fetched messages to in until ctx ends. A message fetched but
// not handed out by then is given back (Nak) for another replica now, not
// after AckWait.
func (f *fetcher) run(ctx context.Context, in chan<- jetstream.Msg) {
	var lastFix time.Time
	for {
		iter := f.current()
		m, err := iter.Next()
		if err == nil {
			f.s.fetched(nil)
			if ctx.Err() != nil {
				f.s.handBack(m, afterStop)
				continue
			}
			select {
			case in <- m:
			case <-ctx.Done():
				f.s.handBack(m, afterStop)
			}
			continue
		}
		if ctx.Err() != nil {
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
				return
			}
			continue // the drained buffer's end is still to come
		}
		f.s.fetched(err)
		f.s.logger.Error("next message", err, watermill.LogFields{"subject": f.subject})
		if errors.Is(err, jetstream.ErrMsgIteratorClosed) || time.Since(lastFix) > fixEvery {
			lastFix = time.Now()
			f.fix(ctx, iter, err)
		}
		if errors.Is(err, jetstream.ErrMsgIteratorClosed) && f.current() == iter {
			select { // not reopened: try again shortly
			case <-time.After(fixEvery):
			case <-ctx.Done():
			}
		}
	}
}

// redeclareDelay is how long a consumer found deleted is left before it
// is declared again.
const redeclareDelay = 2 * time.Second

// fixEvery paces the checks of a failing consumer.
const fixEvery = 5 * time.Second

// fix declares the consumer again (and its stream, when gone) and reopens
// fetching, when the consumer no longer exists or the iterator closed; a
// consumer that still exists is left to the client's own reconnects.
func (f *fetcher) fix(ctx context.Context, iter jetstream.MessagesContext, cause error) {
	s := f.s
	if s.cfg.Stream == "" {
		return // found by subject at start; docmill's roles name theirs
	}
	cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	_, err := s.js.Consumer(cctx, s.cfg.Stream, s.cfg.Durable)
	gone := errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, jetstream.ErrStreamNotFound)
	if err == nil && !errors.Is(cause, jetstream.ErrMsgIteratorClosed) {
		// the consumer is there and the broker answers: a missed
		// heartbeat (a broker stalled for seconds) is over, and an idle
		// consumer must not stay "fetching nothing" until its next message
		s.fetched(nil)
		return
	}
	if err != nil && !gone {
		return // the broker does not answer: nothing to declare yet
	}
	from := uint64(0)
	if gone {
		// The server removes a deleted consumer's or stream's store after
		// it has answered; one declared at once under the same name lost
		// its own (a consumer was gone after the next broker restart, a
		// stream refused every publish).
		select {
		case <-time.After(redeclareDelay):
		case <-cctx.Done():
			return
		}
	}
	if errors.Is(err, jetstream.ErrStreamNotFound) && s.cfg.Ensure != nil {
		if err := s.cfg.Ensure(cctx); err != nil {
			s.logger.Error("declare the stream again", err, watermill.LogFields{"stream": s.cfg.Stream})
			return
		}
	}
	if gone {
		if c := s.streamCreated(cctx); !c.Equal(f.streamMade()) {
			f.floor.Store(0) // a new stream: its sequences start again
			f.setStreamMade(c)
		}
		if fl := f.floor.Load(); fl > 0 {
			from = fl + 1
		}
	}
	cons, err := s.consumer(cctx, f.subject, from)
	if err != nil {
		s.logger.Error("declare the consumer again", err, watermill.LogFields{"subject": f.subject})
		return
	}
	iter.Stop()
	if err := f.open(cons); err != nil {
		s.logger.Error("reopen", err, watermill.LogFields{"subject": f.subject})
		return
	}
	s.fetched(nil) // fetching works again, whether or not a message comes
	s.cfg.log().Warn("consumer declared again", "durable", s.cfg.Durable, "stream", s.cfg.Stream, "cause", cause.Error(), "from_seq", from)
}

// deliver hands one message to the router and settles it with the server.
func (s *Subscriber) deliver(ctx context.Context, jm jetstream.Msg, out chan<- *message.Message) {
	wm := FromNATS(jm)
	mctx, cancel := context.WithCancel(s.life)
	defer cancel()
	wm.SetContext(mctx)
	select {
	case out <- wm:
	case <-ctx.Done():
		s.handBack(jm, afterStop) // not handed out: let another process take it
		return
	}
	// Long handlers (a model on a big document) must not be redelivered
	// while they still work: tell the server every half AckWait.
	tick := time.NewTicker(s.cfg.AckWait / 2)
	defer tick.Stop()
	for {
		select {
		case <-wm.Acked():
			ackCtx, c := context.WithTimeout(context.Background(), 10*time.Second)
			if err := jm.DoubleAck(ackCtx); err != nil {
				s.logger.Error("ack", err, watermill.LogFields{"subject": jm.Subject()})
			}
			c()
			return
		case <-wm.Nacked():
			attempt, _ := strconv.Atoi(wm.Metadata.Get(MetaDelivered))
			delay := s.cfg.Backoff(attempt)
			if ctx.Err() != nil {
				delay = max(delay, afterStop) // failed as fetching stopped
			}
			s.handBack(jm, delay)
			return
		case <-tick.C:
			_ = jm.InProgress()
		case <-s.life.Done():
			return // left unacked: redelivered after AckWait
		}
	}
}

// handBack gives jm back to the server, for redelivery after delay (0:
// now), and waits until the server has answered: a plain Nak is a
// publish nobody waits for, which the broker queues, and on shutdown the
// process, and an embedded broker with it, may stop before it is taken.
// (What stranded messages on shutdown was the delay, not this: see
// afterStop.)
func (s *Subscriber) handBack(jm jetstream.Msg, delay time.Duration) {
	nak := []byte("-NAK")
	if delay > 0 {
		nak = fmt.Appendf(nil, `-NAK {"delay": %d}`, delay.Nanoseconds())
	}
	if nc := s.js.Conn(); nc != nil && jm.Reply() != "" {
		_, err := nc.Request(jm.Reply(), nak, handBackWait)
		if err == nil {
			return
		}
		s.logger.Error("nak", err, watermill.LogFields{"subject": jm.Subject()})
	}
	// no answer: the message comes back after AckWait at the latest
	if delay > 0 {
		_ = jm.NakWithDelay(delay)
	} else {
		_ = jm.Nak()
	}
}

// pullExpiry is how long a pull request waits on the server for
// messages. A request outlives the fetching that sent it: the server
// still answers it with a message after the process stopped reading,
// and that message then waits AckWait (see afterStop).
const pullExpiry = 10 * time.Second

// afterStop is how long a message handed back as fetching stops waits
// before the server delivers it again: past the expiry of the pull
// request still open for this process, so that it goes to another
// process (or this one restarted), not to a request nobody reads.
const afterStop = pullExpiry + time.Second

// handBackWait bounds how long handBack waits for the server's answer.
const handBackWait = 5 * time.Second

// FromNATS converts a JetStream message to a watermill message, copying
// the first value of each header into the metadata.
func FromNATS(jm jetstream.Msg) *message.Message {
	md, mdErr := jm.Metadata()
	id := jm.Headers().Get(HeaderMsgID)
	switch {
	case id != "":
	case mdErr == nil:
		// Stable across redeliveries, so what a stage derives from the id
		// (a dead letter's Nats-Msg-Id) de-duplicates after a crash.
		id = md.Stream + ":" + strconv.FormatUint(md.Sequence.Stream, 10)
	default:
		id = watermill.NewUUID()
	}
	wm := message.NewMessage(id, jm.Data())
	for k, v := range CanonicalHeaders(jm.Headers()) {
		if len(v) > 0 {
			wm.Metadata.Set(k, v[0])
		}
	}
	wm.Metadata.Set(MetaSubject, jm.Subject())
	if mdErr == nil {
		wm.Metadata.Set(MetaDelivered, strconv.FormatUint(md.NumDelivered, 10))
		wm.Metadata.Set(MetaStreamSeq, strconv.FormatUint(md.Sequence.Stream, 10))
		wm.Metadata.Set(MetaStreamTime, md.Timestamp.UTC().Format(time.RFC3339Nano))
	}
	return wm
}

// CanonicalHeaders returns h with docmill's headers (Docmill-*, in any
// case) under their canonical names (Docmill-Filename, Docmill-Meta-Team),
// and the others as they are. NATS headers are case-sensitive, and a
// producer sending docmill-filename or docmill-meta-team had them ignored
// without a word; read once here, every reader sees one spelling, the
// checks of reserved meta keys included. Where a header comes under both
// spellings, the canonical one wins. Others keep their case: traceparent
// is lower case by its standard.
func CanonicalHeaders(h nats.Header) nats.Header {
	out := make(nats.Header, len(h))
	for k, v := range h {
		key := k
		if len(k) > len(docmillPrefix) && strings.EqualFold(k[:len(docmillPrefix)], docmillPrefix) {
			key = textproto.CanonicalMIMEHeaderKey(k)
		}
		if _, canonical := h[key]; canonical && key != k {
			continue
		}
		out[key] = v
	}
	return out
}

// docmillPrefix opens the names of docmill's headers.
const docmillPrefix = "Docmill-"

// Close stops all subscriptions and waits for in-flight deliveries to settle.
// It never deletes the durable consumer.
func (s *Subscriber) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	stops := s.stops
	s.mu.Unlock()
	for _, stop := range stops {
		stop()
	}
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(s.cfg.DrainTimeout):
		s.kill()
		<-done
	}
	s.kill()
	return nil
}
