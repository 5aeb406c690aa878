package connectors

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// DeadLetter is one message on the dead-letter stream.
type DeadLetter struct {
	Seq      uint64    `json:"seq"`
	ID       string    `json:"id,omitempty"` // the document's id (Docmill-Id)
	Stage    string    `json:"stage"`
	Reason   string    `json:"reason"`
	Attempts int       `json:"attempts"`
	Subject  string    `json:"subject"` // where it was first published
	Filename string    `json:"filename"`
	FailedAt time.Time `json:"failed_at"`
	Size     int       `json:"size"`
	// Meta is the document's metadata as it was sent (Docmill-Meta-*, and
	// docmill's own keys such as backfill): a backfill's "path" says which
	// file of the archive failed, where Filename ("broken-105.pdf") may
	// name a file in each of many folders.
	Meta map[string]string `json:"meta,omitempty"`
	msg  *jetstream.RawStreamMsg
}

// ListDeadLetters returns the dead letters, oldest first (at most limit; 0 = all).
func ListDeadLetters(ctx context.Context, js jetstream.JetStream, limit int) ([]DeadLetter, error) {
	var out []DeadLetter
	err := EachDeadLetter(ctx, js, "", func(d DeadLetter) error {
		out = append(out, d)
		if limit > 0 && len(out) >= limit {
			return errEnough
		}
		return nil
	})
	return out, err
}

// errEnough stops EachDeadLetter early without an error for its caller.
var errEnough = errors.New("enough dead letters")

// eachBatch is how many dead letters EachDeadLetter asks for a request.
const eachBatch = 64

// EachDeadLetter calls fn with each dead letter of stage ("": every
// stage), oldest first, up to the newest there was when it began: a
// letter replayed that fails again is not met twice. It reads the stream
// through an ordered consumer, a batch a request, with only that batch's
// content in memory: a queue of thousands of letters was read one request
// a letter, and replaying it held every letter's document at once.
func EachDeadLetter(ctx context.Context, js jetstream.JetStream, stage string, fn func(DeadLetter) error) error {
	st, info, err := dlqState(ctx, js)
	if err != nil {
		return err
	}
	if info.State.Msgs == 0 {
		return nil
	}
	cfg := jetstream.OrderedConsumerConfig{}
	if stageToken(stage) {
		cfg.FilterSubjects = []string{broker.SubjectDLQ + "." + stage}
	}
	cons, err := st.OrderedConsumer(ctx, cfg)
	if err != nil {
		return fmt.Errorf("read dlq: %w", err)
	}
	if ci, err := cons.Info(ctx); err == nil && ci.NumPending == 0 {
		return nil // nothing of this stage: no wait for a batch that never comes
	}
	err = eachFetched(cons, info.State.LastSeq, stage, fn)
	if errors.Is(err, errEnough) {
		return nil
	}
	return err
}

// eachFetched calls fn with the letters cons delivers, up to sequence last.
func eachFetched(cons jetstream.Consumer, last uint64, stage string, fn func(DeadLetter) error) error {
	for {
		batch, err := cons.Fetch(eachBatch, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			return fmt.Errorf("read dlq: %w", err)
		}
		n := 0
		for m := range batch.Messages() {
			n++
			md, err := m.Metadata()
			if err != nil {
				return fmt.Errorf("read dlq: %w", err)
			}
			if md.Sequence.Stream > last {
				return nil
			}
			raw := &jetstream.RawStreamMsg{Subject: m.Subject(), Sequence: md.Sequence.Stream, Header: m.Headers(), Data: m.Data(), Time: md.Timestamp}
			if d := toDeadLetter(raw); stage == "" || d.Stage == stage {
				if err := fn(d); err != nil {
					return err
				}
			}
			if md.NumPending == 0 || md.Sequence.Stream == last {
				return nil
			}
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) {
			return fmt.Errorf("read dlq: %w", err)
		}
		if n == 0 {
			return nil // the rest went (dropped or expired) while reading
		}
	}
}

// stageToken reports whether stage can name a subject token, so that the
// broker filters the letters; any other value is compared by header only.
func stageToken(stage string) bool {
	return stage != "" && !strings.ContainsAny(stage, ".*> \t")
}

// DeadLetterAt returns dead letter seq with its content, in one request.
func DeadLetterAt(ctx context.Context, js jetstream.JetStream, seq uint64) (DeadLetter, error) {
	st, err := js.Stream(ctx, broker.StreamDLQ)
	if err != nil {
		return DeadLetter{}, fmt.Errorf("dlq stream: %w", err)
	}
	m, err := st.GetMsg(ctx, seq)
	if err != nil {
		return DeadLetter{}, fmt.Errorf("dead letter %d: %w", seq, err)
	}
	return toDeadLetter(m), nil
}

// LastDeadLetters returns the n newest dead letters of stage ("": every
// stage; n 0: all of them), oldest first, for a listing: they carry no
// content to replay (EachDeadLetter and DeadLetterAt do). The n newest
// are read from the queue's end only as far as it takes, one request a
// letter.
func LastDeadLetters(ctx context.Context, js jetstream.JetStream, n int, stage string) ([]DeadLetter, error) {
	if n <= 0 {
		var out []DeadLetter
		err := EachDeadLetter(ctx, js, stage, func(d DeadLetter) error {
			out = append(out, d.listed())
			return nil
		})
		return out, err
	}
	dls, err := readFromEnd(ctx, js, n, stage)
	slices.Reverse(dls)
	return dls, err
}

// RecentDeadLetters returns the n newest dead letters, newest first, for
// a listing: what an operator looks at first, without reading a long
// queue from its start.
func RecentDeadLetters(ctx context.Context, js jetstream.JetStream, n int) ([]DeadLetter, error) {
	return readFromEnd(ctx, js, n, "")
}

// listed is d without its message: a listing of thousands of letters
// held every letter's document.
func (d DeadLetter) listed() DeadLetter {
	d.msg = nil
	return d
}

// dlqState is the dead-letter stream and what it holds now.
func dlqState(ctx context.Context, js jetstream.JetStream) (jetstream.Stream, *jetstream.StreamInfo, error) {
	st, err := js.Stream(ctx, broker.StreamDLQ)
	if err != nil {
		return nil, nil, fmt.Errorf("dlq stream: %w", err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("dlq info: %w", err)
	}
	return st, info, nil
}

// readFromEnd reads the n newest dead letters of stage ("": all), newest
// first.
func readFromEnd(ctx context.Context, js jetstream.JetStream, n int, stage string) ([]DeadLetter, error) {
	st, info, err := dlqState(ctx, js)
	if err != nil {
		return nil, err
	}
	first, last := info.State.FirstSeq, info.State.LastSeq
	if first == 0 || last < first {
		return nil, nil
	}
	var out []DeadLetter
	for seq := last; seq >= first && len(out) < n; seq-- {
		m, err := st.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // replayed and deleted
		}
		if err != nil {
			return nil, fmt.Errorf("dlq message %d: %w", seq, err)
		}
		if d := toDeadLetter(m); stage == "" || d.Stage == stage {
			out = append(out, d.listed())
		}
	}
	return out, nil
}

func toDeadLetter(m *jetstream.RawStreamMsg) DeadLetter {
	attempts, _ := strconv.Atoi(m.Header.Get(pipeline.HeaderAttempts))
	failed, _ := time.Parse(time.RFC3339, m.Header.Get(pipeline.HeaderFailedAt))
	return DeadLetter{Seq: m.Sequence, ID: m.Header.Get(pipeline.HeaderID), Stage: m.Header.Get(pipeline.HeaderStage), Reason: m.Header.Get(pipeline.HeaderError),
		Attempts: attempts, Subject: m.Header.Get(pipeline.HeaderSubject), Filename: m.Header.Get(pipeline.HeaderFilename),
		FailedAt: failed, Size: deadLetterSize(m), Meta: deadLetterMeta(m.Header), msg: m}
}

// deadLetterMeta reads the metadata headers of a dead letter as the
// worker read them: a sender's reserved key (Docmill-Meta-Backfill) is
// not docmill's and is left out; docmill's own come as Docmill-Own-*.
func deadLetterMeta(h nats.Header) map[string]string {
	var meta map[string]string
	for k := range h {
		key, ok := strings.CutPrefix(http.CanonicalHeaderKey(k), pipeline.HeaderMetaPrefix)
		if ok && pipeline.ReservedMeta(key) {
			continue
		}
		if own, isOwn := strings.CutPrefix(http.CanonicalHeaderKey(k), pipeline.HeaderOwnPrefix); isOwn && pipeline.ReservedMeta(own) {
			key, ok = own, true
		}
		if ok {
			if meta == nil {
				meta = map[string]string{}
			}
			meta[strings.ToLower(key)] = h.Get(k)
		}
	}
	return meta
}

// deadLetterSize is the size of the dead letter's content: the message's,
// or for one that travelled in the blob bucket, what its header says
// (the message itself is empty).
func deadLetterSize(m *jetstream.RawStreamMsg) int {
	if n, err := strconv.Atoi(m.Header.Get(pipeline.HeaderSize)); err == nil && len(m.Data) == 0 {
		return n
	}
	return len(m.Data)
}

// deadLetterHeaders are added by the dead-letter middleware and dropped on replay.
var deadLetterHeaders = []string{pipeline.HeaderError, pipeline.HeaderStage, pipeline.HeaderAttempts,
	pipeline.HeaderSubject, pipeline.HeaderFailedAt, nats.MsgIdHdr}

// Replay publishes a dead letter back to its original subject (with its
// original headers) and removes it from the dead-letter stream.
func Replay(ctx context.Context, js jetstream.JetStream, d DeadLetter) error {
	if d.msg == nil {
		return fmt.Errorf("dead letter %d was read for a listing, without its content", d.Seq)
	}
	if d.Subject == "" {
		return fmt.Errorf("dead letter %d has no original subject", d.Seq)
	}
	m := nats.NewMsg(d.Subject)
	m.Data = d.msg.Data
	for k, v := range d.msg.Header {
		m.Header[k] = v
	}
	for _, h := range deadLetterHeaders {
		m.Header.Del(h)
	}
	// (the prefix tells the dead-letter middleware a replay from a send)
	m.Header.Set(nats.MsgIdHdr, fmt.Sprintf("replay-%d-%d", d.Seq, time.Now().UnixNano()))
	if _, err := js.PublishMsg(ctx, m); err != nil {
		return fmt.Errorf("replay %d to %s: %w", d.Seq, d.Subject, err)
	}
	if err := Drop(ctx, js, d.Seq); err != nil {
		return fmt.Errorf("remove replayed dead letter: %w", err)
	}
	return nil
}

// DropForGood drops dead letter d and, when its content travelled in
// BlobBucket and no other send of the same content is on its way, that
// object too: nothing else deletes it, and a large document's bytes stayed
// on disk for good.
func DropForGood(ctx context.Context, js jetstream.JetStream, d DeadLetter) error {
	if err := Drop(ctx, js, d.Seq); err != nil {
		return err
	}
	forgetFailure(ctx, js, d.ID)
	if d.msg != nil && d.msg.Header.Get(nats.MsgIdHdr) != "" {
		// the stream keeps the letter's id for its de-duplication window:
		// the same failure sent again would make no letter
		kv, err := pipeline.OpenDropped(ctx, js, StreamReplicas(ctx, js))
		if err != nil {
			return err
		}
		if err := pipeline.MarkDropped(ctx, kv, d.msg.Header.Get(nats.MsgIdHdr), strconv.FormatUint(d.Seq, 10)); err != nil {
			return err
		}
	}
	if d.msg == nil {
		return nil
	}
	bucket, name, ok := strings.Cut(d.msg.Header.Get(pipeline.HeaderObject), "/")
	if !ok || bucket != BlobBucket || !pipeline.IsDocumentID(name) {
		return nil
	}
	if proc, err := pipeline.OpenProcessing(ctx, js, StreamReplicas(ctx, js)); err != nil {
		return nil // cannot tell whether another send needs it: keep it
	} else if _, busy := proc.Since(ctx, name, time.Now()); busy {
		return nil
	}
	return DeleteBlob(ctx, js, name)
}

// forgetFailure removes document id's record in pipeline.FailedBucket:
// the record made a backfill skip the file for a day as "dead-lettered
// before, retry with docmill dlq replay", with no letter left to replay.
// (Another letter of the same document, were there one, no longer keeps
// it from being sent again, and fails again if it must.)
func forgetFailure(ctx context.Context, js jetstream.JetStream, id string) {
	if !pipeline.IsDocumentID(id) {
		return
	}
	if kv, err := js.KeyValue(ctx, pipeline.FailedBucket); err == nil {
		_ = kv.Delete(ctx, id)
	}
}

// Drop deletes dead letter seq for good: a file that will never parse
// (a truncated PDF) once someone has read why.
func Drop(ctx context.Context, js jetstream.JetStream, seq uint64) error {
	st, err := js.Stream(ctx, broker.StreamDLQ)
	if err != nil {
		return fmt.Errorf("dlq stream: %w", err)
	}
	if err := st.DeleteMsg(ctx, seq); err != nil {
		return fmt.Errorf("drop dead letter %d: %w", seq, err)
	}
	return nil
}
