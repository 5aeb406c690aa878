package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/pipeline/stream"
	"github.com/docmill/docmill/stages/parse"
)

// PermanentError marks a failure that retrying cannot fix.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// Permanent wraps err as a PermanentError.
func Permanent(err error) error { return &PermanentError{Err: err} }

// UnavailableError is a write to the broker that did not succeed: the
// result or its text could not be stored (a publish that timed out, a
// stream away or full). No fault of the document's: it waits, retried,
// and is never dead-lettered.
type UnavailableError struct{ Err error }

func (e *UnavailableError) Error() string { return e.Err.Error() }
func (e *UnavailableError) Unwrap() error { return e.Err }

// Unavailable marks err as an UnavailableError (nil stays nil).
func Unavailable(err error) error {
	if err == nil {
		return nil
	}
	return &UnavailableError{Err: err}
}

// brokerAway reports whether err is the broker not answering a request
// (restarting, out of reach, its JetStream not ready yet) rather than
// refusing it: the same request succeeds once the broker is back.
func brokerAway(err error) bool {
	for _, e := range []error{context.DeadlineExceeded, nats.ErrTimeout, nats.ErrNoResponders, nats.ErrConnectionClosed,
		nats.ErrDisconnected, nats.ErrConnectionReconnecting, jetstream.ErrNoStreamResponse, jetstream.ErrJetStreamNotEnabled} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// StageError names the stage a failure belongs to when it is not that of
// the handler that returned it: the analyse handler parses first, and a
// file the parser refuses is dead-lettered on docmill.dlq.parse.
type StageError struct {
	Stage string
	Err   error
}

func (e *StageError) Error() string { return e.Err.Error() }
func (e *StageError) Unwrap() error { return e.Err }

// IsPermanent reports whether err cannot succeed on retry: bad input.
func IsPermanent(err error) bool {
	var pe *PermanentError
	return errors.As(err, &pe) || parse.IsPermanent(err)
}

// DeadLetter is watermill middleware that moves a message to
// docmill.dlq.<stage> when its handler fails permanently or on its last
// allowed delivery, with the reason, attempts and original headers; the
// message is then acknowledged, and onDead, when set, hears of it. Other
// failures are returned, so the subscriber naks them with backoff. The
// same failure of the same content is one dead letter (see deadLetterID).
// A failure wrapping a StageError counts under, and goes to, its stage.
//
// Without pub, a message that fails for good is acknowledged and logged,
// not dead-lettered: the shadow stage's input is the primary's, which
// dead-letters what it cannot analyse, and a shadow's dead letter would
// be listed, and replayed into the pipeline, as a second one.
func DeadLetter(pub message.Publisher, handlerStage string, maxDeliver int, m *Metrics, log *slog.Logger, onDead func(*message.Message, error)) message.HandlerMiddleware {
	return func(h message.HandlerFunc) message.HandlerFunc {
		waits := &logEvery{interval: waitLogInterval}
		counted := &failedOnce{}
		return func(msg *message.Message) ([]*message.Message, error) {
			out, err := h(msg)
			if err == nil {
				counted.forget(msg.UUID)
				return out, nil
			}
			stage := handlerStage
			if se := (*StageError)(nil); errors.As(err, &se) {
				stage = se.Stage
			}
			attempt, _ := strconv.Atoi(msg.Metadata.Get(stream.MetaDelivered))
			permanent := IsPermanent(err)
			reason := "transient"
			if permanent {
				reason = "permanent"
			}
			if outOfSpace(err) {
				// the disk is full: no fault of the document's, and it
				// succeeds once there is space; it waits, retried with
				// backoff, instead of being dead-lettered with the others
				counted.count(m, msg.UUID, stage, "disk_full")
				if n, ok := waits.allow(); ok {
					log.Error("stage failed: the disk or the broker's storage is full; the message waits until there is room", "stage", stage, "attempt", attempt, "err", err, "like_failures_not_logged", n)
				}
				return nil, err
			}
			if ue := (*UnavailableError)(nil); errors.As(err, &ue) {
				// a full broker often answers a publish with a timeout,
				// not with "insufficient resources": the same wait
				counted.count(m, msg.UUID, stage, "broker_unavailable")
				if n, ok := waits.allow(); ok {
					log.Error("stage failed: the broker did not store its output; the message waits until it does", "stage", stage, "attempt", attempt, "err", err, "like_failures_not_logged", n)
				}
				return nil, err
			}
			counted.count(m, msg.UUID, stage, reason)
			if !permanent && attempt < maxDeliver {
				log.Warn("stage failed, will retry", "stage", stage, "attempt", attempt, "err", err, "subject", msg.Metadata.Get(stream.MetaSubject))
				return nil, err
			}
			if pub == nil {
				counted.forget(msg.UUID)
				log.Info("stage gave up on a message", "stage", stage, "attempt", attempt, "reason", err.Error(),
					"filename", msg.Metadata.Get(HeaderFilename), "subject", msg.Metadata.Get(stream.MetaSubject))
				return nil, nil
			}
			if dlqErr := publishDeadLetter(pub, stage, attempt, msg, err); dlqErr != nil {
				// redelivered (the consumers' deliveries are unbounded) and
				// dead-lettered once the dead letter can be stored
				counted.count(m, msg.UUID, stage, "dead_letter_failed")
				log.Error("dead-letter publish failed; message will be redelivered", "stage", stage, "err", dlqErr)
				return nil, err
			}
			counted.forget(msg.UUID)
			m.DeadLet.WithLabelValues(stage).Inc()
			if onDead != nil {
				onDead(msg, err)
			}
			log.Warn("moved to dead-letter queue", "stage", stage, "attempt", attempt, "reason", err.Error(),
				"filename", msg.Metadata.Get(HeaderFilename), "subject", msg.Metadata.Get(stream.MetaSubject))
			return nil, nil
		}
	}
}

// failedOnce remembers, for one stage's handler, the reasons each
// message in retry has already been counted failed for. Every failed
// attempt was counted in docmill_documents_failed_total: one bad document
// retried to its last delivery read as five failures, and one waiting
// out a full disk as a failure every few seconds. A message is forgotten
// when it succeeds or is dead-lettered; a restarted process counts a
// message it retries again once (its counters start from 0 anyway).
type failedOnce struct {
	mu   sync.Mutex
	seen map[string]map[string]bool // message id -> "stage/reason"
}

// maxFailedTracked bounds failedOnce: past it the set starts afresh, and
// a message still in retry may be counted once more, rather than memory
// growing with a backlog that waits on a full disk.
const maxFailedTracked = 100_000

// count adds one failed attempt of message id to the attempts counter,
// and to the documents counter the first time id fails for this reason.
func (f *failedOnce) count(m *Metrics, id, stage, reason string) {
	m.Attempts.WithLabelValues(stage, reason).Inc()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen == nil || len(f.seen) >= maxFailedTracked {
		f.seen = map[string]map[string]bool{}
	}
	key := stage + "/" + reason
	if f.seen[id][key] {
		return
	}
	if f.seen[id] == nil {
		f.seen[id] = map[string]bool{}
	}
	f.seen[id][key] = true
	m.Failed.WithLabelValues(stage, reason).Inc()
}

// forget drops message id, done with (succeeded or dead-lettered).
func (f *failedOnce) forget(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.seen, id)
}

// waitLogInterval is how often a stage logs that its messages wait for
// room or for the broker. Every message waiting was logged on every
// retry: a full disk under a backlog wrote dozens of ERROR lines a
// second, onto the disk that was full, burying the first one.
const waitLogInterval = 30 * time.Second

// logEvery lets one log line through per interval and counts the ones it
// held back, for the next line to say.
type logEvery struct {
	interval time.Duration
	mu       sync.Mutex
	last     time.Time
	held     int
}

// allow reports whether to log now and, if so, how many lines it held
// back since the last one.
func (l *logEvery) allow() (held int, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now := time.Now(); l.last.IsZero() || now.Sub(l.last) >= l.interval {
		held, l.held, l.last = l.held, 0, now
		return held, true
	}
	l.held++
	return 0, false
}

// outOfSpace reports whether err says a disk, or the broker's storage, is
// full: ENOSPC, which Bleve passes on as text ("persist err: ... no space
// left on device"), or JetStream's "insufficient resources" (error 10023).
func outOfSpace(err error) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "no space left on device") || strings.Contains(msg, "insufficient resources")
}

// docIDRe is a document id (the sha256 of the content), which an ingest
// message's id is or starts with ("<id>:backfill:<job>").
var docIDRe = regexp.MustCompile(`^[0-9a-f]{64}`)

// messageDocID is the document id that an ingest message id is or starts
// with ("<id>:backfill:<job>"); "" when it names no document.
func messageDocID(uuid string) string { return docIDRe.FindString(uuid) }

// deadLetterID is the Nats-Msg-Id of msg's dead letter from stage: its
// document (the content hash that the message id is or begins with, else
// the message id), the stage, and a digest of the reason (failureKind).
// Within the DLQ
// stream's duplicate window (broker.DeadLetterWindow) the same failure of
// the same content is parked once however it came in again: ingested
// twice, by a backfill, redelivered after a crash. Another reason is a
// dead letter of its own, and so is a replay, which sends the document
// under a new message id after taking its dead letter off the stream.
func deadLetterID(msg *message.Message, stage string, cause error) string {
	doc := messageDocID(msg.UUID)
	if doc == "" && !strings.HasPrefix(msg.UUID, replayIDPrefix) {
		// published by a plain NATS client, without a message id: its
		// content says which document it is (the stream's sequence, its
		// id here, differs for every send of it)
		doc = DocumentID(msg)
	}
	if doc == "" {
		doc = msg.UUID
	}
	sum := sha256.Sum256([]byte(failureKind(cause.Error(), messageFilename(msg))))
	return doc + ":dlq:" + stage + ":" + hex.EncodeToString(sum[:8])
}

// replayIDPrefix opens the message id of a replayed dead letter
// (connectors.Replay): a replay that fails again is a dead letter of its
// own.
const replayIDPrefix = "replay-"

// digitRuns are numbers in a reason.
var digitRuns = regexp.MustCompile(`[0-9]+`)

// failureKind is reason as the same failure of the same content gives it
// whatever the file was called and however long it took: the file name
// and the numbers are left out ("parse a.pdf: timed out after 30.2s" and
// "parse b.pdf: timed out after 30.4s" are one failure).
func failureKind(reason, filename string) string {
	if filename != "" {
		reason = strings.ReplaceAll(reason, filename, "<file>")
	}
	return digitRuns.ReplaceAllString(reason, "#")
}

func publishDeadLetter(pub message.Publisher, stage string, attempt int, msg *message.Message, cause error) error {
	dl := message.NewMessage(deadLetterID(msg, stage, cause), msg.Payload)
	for k, v := range msg.Metadata {
		dl.Metadata.Set(k, v)
	}
	dl.Metadata.Set(HeaderError, cause.Error())
	dl.Metadata.Set(HeaderStage, stage)
	dl.Metadata.Set(HeaderAttempts, strconv.Itoa(attempt))
	dl.Metadata.Set(HeaderSubject, msg.Metadata.Get(stream.MetaSubject))
	dl.Metadata.Set(HeaderFailedAt, time.Now().UTC().Format(time.RFC3339))
	dl.Metadata.Set(stream.HeaderMsgID, dl.UUID)
	if dl.Metadata.Get(HeaderID) == "" {
		dl.Metadata.Set(HeaderID, DocumentID(msg))
	}
	dl.SetContext(msg.Context())
	return pub.Publish(broker.SubjectDLQ+"."+stage, dl)
}

// IsDocumentID reports whether s is a document id (the SHA-256 of the
// content, in hex).
func IsDocumentID(s string) bool { return len(s) == 64 && messageDocID(s) == s }

// DocumentID is the id of the document msg carries: its Docmill-Id header
// (a result), the object name of a Docmill-Object reference (content in
// the object store is stored under its id), or else the SHA-256 of the
// payload, which is the document's bytes. The message id is no guide: a
// replayed dead letter or a raw nats pub has one of its own.
func DocumentID(msg *message.Message) string {
	return documentID(msg.Metadata.Get, msg.Payload)
}

// MsgDocumentID is DocumentID of a message read straight from NATS (a
// result or a dead letter on its subject).
func MsgDocumentID(m *nats.Msg) string {
	return documentID(m.Header.Get, m.Data)
}

func documentID(header func(string) string, payload []byte) string {
	if id := header(HeaderID); id != "" {
		return id
	}
	if _, name, ok := strings.Cut(header(HeaderObject), "/"); ok && IsDocumentID(name) {
		return name
	}
	return document.ID(payload)
}
