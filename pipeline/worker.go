package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/internal/objstore"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/pipeline/stream"
	"github.com/docmill/docmill/stages/parse"
)

// AnalyzerRef holds the analyser new documents are given; Store swaps it
// without stopping the pipeline (a document in flight keeps the analyser it
// started with).
type AnalyzerRef struct{ v atomic.Value }

// NewAnalyzerRef returns a reference holding a.
func NewAnalyzerRef(a enrich.Analyzer) *AnalyzerRef {
	r := &AnalyzerRef{}
	r.Store(a)
	return r
}

type analyzerBox struct{ a enrich.Analyzer }

// Load returns the current analyser.
func (r *AnalyzerRef) Load() enrich.Analyzer { return r.v.Load().(analyzerBox).a }

// Store makes a the analyser for documents that start from now on.
func (r *AnalyzerRef) Store(a enrich.Analyzer) { r.v.Store(analyzerBox{a}) }

// Worker parses and analyses ingested documents and publishes their results.
type Worker struct {
	// pubErr is the last failure to store a result, until one is stored
	// (PublishError).
	pubMu  sync.Mutex
	pubErr error

	Analyzer *AnalyzerRef
	Limits   parse.Limits
	Pub      message.Publisher
	Blobs    jetstream.JetStream // for documents passed by object reference; may be nil
	// MaxPayload is the largest message the broker takes; a result larger
	// than that travels with its text in the TextBucket object store
	// (Result.TextObject). Zero means 1 MiB, NATS's default.
	MaxPayload int
	// Replicas of TextBucket when the worker creates it (default 1).
	Replicas int
	Metrics  *Metrics
	Log      *slog.Logger
	// SubjectPrefix is where results go (default docmill.results); a shadow
	// worker publishes to docmill.shadow.<model> instead.
	SubjectPrefix string
	// Stage names this worker in metrics and dead letters (default "analyze").
	Stage string
	// KeepOriginal, when set, stores the original bytes of each parsed
	// document (for download and reprocessing). A refusal (a full bucket)
	// is logged, not fatal: the analysis matters more than the copy. A
	// broker that did not answer (brokerAway) is retried instead, as a
	// result the broker did not store is.
	KeepOriginal func(ctx context.Context, doc *document.Parsed, data []byte) error
	// Processing, when set, records documents published straight onto the
	// ingest subjects, which no docmill publisher recorded.
	Processing *Processing
	// IngestAttachment, when set, ingests a file a document carries (an
	// e-mail's attachment) as a document of its own. It runs before the
	// carrier's message is acked, and a failure fails that delivery, so an
	// attachment is never lost; the ingest stream drops the copies a retry
	// sends again.
	// budget is how many documents the attachment's own attachments may
	// bring, all depths together; it travels in its MetaAttachmentBudget.
	IngestAttachment func(ctx context.Context, carrier *document.Parsed, a document.Attachment, budget int) error
	// MaxAttachments bounds the attachments of one document ingested as
	// documents of their own (default DefaultMaxAttachments): a 300 KB
	// e-mail carried 3,000 tiny files, and each became a document.
	MaxAttachments int
	// MaxAttachmentsTotal bounds the documents one top-level document's
	// attachments bring, at every depth together (default
	// DefaultMaxAttachmentsTotal): under MaxAttachments alone, 100
	// attachments a message three e-mails deep made a million documents
	// of one small e-mail.
	MaxAttachmentsTotal int
}

// DefaultMaxAttachments is Worker.MaxAttachments when zero, and
// DefaultMaxAttachmentsTotal Worker.MaxAttachmentsTotal.
const (
	DefaultMaxAttachments      = 100
	DefaultMaxAttachmentsTotal = 1000
)

// MaxAttachmentDepth is how deep attachments are ingested: an e-mail's
// attachment (depth 1) that is an e-mail has its own attachments ingested,
// and so on down to this depth; deeper ones stay listed in their carrier.
const MaxAttachmentDepth = 3

// MetaAttachmentDepth is the metadata key of an ingested attachment's
// depth; MetaAttachmentsSkipped says which attachments were not ingested.
const (
	MetaAttachmentDepth    = "attachment_depth"
	MetaAttachmentsSkipped = "attachments_not_ingested"
	// MetaAttachmentBudget is how many documents an ingested
	// attachment's own attachments may bring (its share of
	// Worker.MaxAttachmentsTotal).
	MetaAttachmentBudget = "attachment_budget"
	// MetaAttachmentIDs links an e-mail to its attachments' documents.
	MetaAttachmentIDs = "attachment_ids"
)

// ingestAttachments ingests the attachments of doc, within
// MaxAttachments, MaxAttachmentDepth and the budget of documents left of
// MaxAttachmentsTotal; what it leaves out is named in the carrier's
// metadata. What the remaining budget allows is shared evenly among the
// attachments ingested, as their own budgets, so that a whole tree stays
// within MaxAttachmentsTotal whichever worker reads each part. The depth
// and budget come as metadata, which a sender can set too: neither is
// taken beyond the bounds (a negative depth lifted the depth limit).
func (w *Worker) ingestAttachments(ctx context.Context, doc *document.Parsed) error {
	if len(doc.Attachments) == 0 {
		return nil
	}
	if w.IngestAttachment == nil {
		linkAttachments(doc, 0) // none becomes a document here (a shadow)
		return nil
	}
	limit := w.MaxAttachments
	if limit <= 0 {
		limit = DefaultMaxAttachments
	}
	total := w.MaxAttachmentsTotal
	if total <= 0 {
		total = DefaultMaxAttachmentsTotal
	}
	depth, _ := strconv.Atoi(doc.Meta[MetaAttachmentDepth])
	depth = max(depth, 0)
	budget := total
	if b, err := strconv.Atoi(doc.Meta[MetaAttachmentBudget]); err == nil && b >= 0 && b < total {
		budget = b
	}
	skipped := ""
	switch {
	case depth >= MaxAttachmentDepth:
		limit, skipped = 0, fmt.Sprintf("%d (attachments nested deeper than %d)", len(doc.Attachments), MaxAttachmentDepth)
	case budget < limit && len(doc.Attachments) > budget:
		limit = budget
		skipped = fmt.Sprintf("%d of %d (over pipeline.max_attachments_total, %d documents from one top-level document)",
			len(doc.Attachments)-limit, len(doc.Attachments), total)
	case len(doc.Attachments) > limit:
		skipped = fmt.Sprintf("%d of %d (over pipeline.max_attachments, %d)", len(doc.Attachments)-limit, len(doc.Attachments), limit)
	}
	taken := min(limit, len(doc.Attachments))
	share := 0
	if taken > 0 {
		share = (budget - taken) / taken
	}
	for _, a := range doc.Attachments[:taken] {
		if err := w.IngestAttachment(ctx, doc, a, share); err != nil {
			return fmt.Errorf("ingest attachment %s of %s: %w", a.Filename, doc.Filename, err)
		}
	}
	if skipped != "" {
		if doc.Meta == nil {
			doc.Meta = map[string]string{}
		}
		doc.Meta[MetaAttachmentsSkipped] = skipped
		linkAttachments(doc, limit)
	}
	return nil
}

// linkAttachments keeps, of the document ids the parser gave the
// attachments (meta attachment_ids, one "<id> <name>" per line, in the
// order of Parsed.Attachments), those of the first n, the ones ingested:
// the document page links to each, and a link to one never ingested was
// a link to nothing. The names of all stay in meta attachments.
func linkAttachments(doc *document.Parsed, n int) {
	ids := doc.Meta[MetaAttachmentIDs]
	if ids == "" {
		return
	}
	lines := strings.Split(ids, "\n")
	if n >= len(lines) {
		return
	}
	if n == 0 {
		delete(doc.Meta, MetaAttachmentIDs)
		return
	}
	doc.Meta[MetaAttachmentIDs] = strings.Join(lines[:n], "\n")
}

func (w *Worker) stage() string {
	if w.Stage == "" {
		return "analyze"
	}
	return w.Stage
}

// step is the metrics label of one of the stage's steps: "parse", or for
// a shadow worker "shadow_parse", so that the shadow's work neither
// doubles the primary's counts nor mixes into its timings.
func (w *Worker) step(name string) string {
	if w.Stage == "" {
		return name
	}
	return w.Stage + "_" + name
}

// Handle is the watermill handler of the analyse stage. It returns only
// after the result is stored in DOCMILL_RESULTS, so the router acks the
// ingest message only once its result is durable.
func (w *Worker) Handle(msg *message.Message) ([]*message.Message, error) {
	ctx := msg.Context()
	start := time.Now()
	data, err := w.content(ctx, msg)
	if err != nil {
		return nil, err
	}
	if msg.Metadata.Get(HeaderProcessing) == "" {
		// before the parse, which may take minutes (OCR); the id is the
		// one parse gives the document
		_, _ = w.Processing.Start(ctx, document.ID(data), start)
	}
	in := inputFrom(msg, data)
	spoofed := joinNotes(reservedHeader(msg), badFilename(msg))
	t0 := time.Now()
	doc, err := parse.Parse(ctx, in, w.Limits)
	if err != nil {
		if w.Stage == "" {
			err = &StageError{Stage: "parse", Err: err}
		}
		return nil, err // parse errors name the file and the reason
	}
	parseMs := since(t0)
	if err := w.ingestAttachments(ctx, doc); err != nil {
		return nil, err
	}
	if w.KeepOriginal != nil {
		if err := w.KeepOriginal(ctx, doc, data); err != nil {
			if brokerAway(err) {
				// the broker did not answer (restarting, out of reach):
				// acked now, the document would have lost its original
				// for good, so it waits, retried like a result the broker
				// did not store
				return nil, fmt.Errorf("keep original of %s: %w", doc.Filename, Unavailable(err))
			}
			w.Log.Warn("keep original", "doc_id", doc.ID, "filename", doc.Filename, "err", err)
		}
	}
	w.Metrics.Duration.WithLabelValues(w.step("parse")).Observe(parseMs / 1000)
	w.Metrics.Processed.WithLabelValues(w.step("parse")).Inc()

	an := w.Analyzer.Load()
	t1 := time.Now()
	req, ignored := requestFrom(msg, start)
	ignored = joinNotes(ignored, spoofed)
	if ignored != "" {
		// the document is still analysed, with the default budget; the
		// sender learns why from the log and the result's meta
		w.Log.Warn("ignored a request header", "doc_id", doc.ID, "filename", doc.Filename, "reason", ignored)
		if doc.Meta == nil {
			doc.Meta = map[string]string{}
		}
		doc.Meta["ignored_header"] = ignored
	}
	a, err := an.Analyze(ctx, doc, req)
	if err != nil {
		return nil, fmt.Errorf("analyse %s: %w", in.Filename, err)
	}
	anMs := since(t1)
	w.Metrics.Duration.WithLabelValues(w.stage()).Observe(anMs / 1000)
	w.Metrics.Processed.WithLabelValues(w.stage()).Inc()

	stamp, stamped := ingestStamp(msg)
	// a message sent without docmill's stamp (a raw nats pub) carries no
	// de-duplication id of its own: each one is a deliberate send, whose
	// result must not be dropped as the one of an earlier send (that left
	// a document deleted and sent again within minutes out of the index)
	raw := !stamped
	if !stamped {
		// a message sent without docmill's stamp (nats pub): the time it
		// entered the stream, which every consumer of it sees alike, so a
		// shadow result pairs with the primary one
		if t := streamTime(msg); !t.IsZero() {
			stamp, stamped = t, true
		} else {
			stamp = time.Now().UTC()
		}
	}
	res := NewResult(doc, a, stamp)
	res.Trace = append(queueTrace(stamp, stamped, start), document.StageTrace{Stage: "parse", Ms: parseMs}, document.StageTrace{Stage: "analyze", Ms: anMs})
	t2 := time.Now()
	// A new version of a watched file or object is deliberate too: it may
	// go back to content whose result was published minutes ago.
	// (MetaReplaces alone marks versions ingested by earlier releases.)
	replaces := res.Meta[MetaReplaces] != "" && res.Meta[MetaReplaces] != res.ID
	// (docmill's own keys, from its Docmill-Own- headers in any case;
	// senders cannot set them: reservedHeader)
	reprocess := res.Meta[MetaReprocessed] != "" || res.Meta[MetaBackfill] != "" ||
		msg.Metadata.Get(HeaderVersion) != "" || msg.Metadata.Get(HeaderAfterDelete) != "" || replaces || raw
	if err := w.publish(ctx, res, reprocess, msg.Metadata.Get(stream.MetaStreamSeq), msg.Metadata.Get(HeaderTraceParent)); err != nil {
		return nil, err
	}
	w.Metrics.Duration.WithLabelValues(w.step("publish")).Observe(since(t2) / 1000)
	if w.SubjectPrefix == "" {
		w.Metrics.Classes.WithLabelValues(res.Class).Inc()
		w.Metrics.Depths.WithLabelValues(string(res.Depth)).Inc()
	}
	if fb, ok := res.Tasks["fallback"]; ok {
		w.Log.Warn("the model failed on this document; the model-free tier analysed it", "doc_id", res.ID, "filename", res.Filename, "reason", fb.Note)
	}
	w.Log.Info("document analysed", "stage", w.stage(), "traceparent", msg.Metadata.Get(HeaderTraceParent), "doc_id", res.ID, "filename", res.Filename, "class", res.Class,
		"depth", res.Depth, "model", res.Model.Name+"@"+res.Model.Version, "ms", since(start))
	return nil, nil
}

func since(t time.Time) float64 { return float64(time.Since(t).Microseconds()) / 1000 }

// content returns the document bytes: the payload, or the object it names.
func (w *Worker) content(ctx context.Context, msg *message.Message) ([]byte, error) {
	ref := msg.Metadata.Get(HeaderObject)
	if ref == "" {
		return msg.Payload, nil
	}
	if w.Blobs == nil {
		return nil, Permanent(fmt.Errorf("object reference %q but no object store configured", ref))
	}
	lim := w.Limits.MaxBytes
	if lim <= 0 {
		lim = parse.DefaultLimits().MaxBytes
	}
	return ReadObject(ctx, w.Blobs, ref, lim)
}

// objectReadTimeout bounds reading one stored document.
const objectReadTimeout = 5 * time.Minute

// ReadObject reads the object that ref ("bucket/name") names, up to lim
// bytes. A malformed reference, a missing object or one over the limit is
// a permanent error: retrying cannot help.
func ReadObject(ctx context.Context, js jetstream.JetStream, ref string, lim int64) ([]byte, error) {
	bucket, name, ok := strings.Cut(ref, "/")
	if !ok {
		return nil, Permanent(fmt.Errorf("object reference %q: want bucket/name", ref))
	}
	os, err := js.ObjectStore(ctx, bucket)
	if err != nil {
		if errors.Is(err, jetstream.ErrBucketNotFound) {
			return nil, Permanent(fmt.Errorf("object %s: %w", ref, err))
		}
		return nil, fmt.Errorf("object store %s: %w", bucket, err)
	}
	// without a deadline nats.go allows the whole object its default
	// timeout (20 s); a large one on a busy broker needs more
	ctx, cancel := context.WithTimeout(ctx, objectReadTimeout)
	defer cancel()
	r, err := os.Get(ctx, name)
	if err != nil {
		if errors.Is(err, jetstream.ErrObjectNotFound) {
			return nil, Permanent(fmt.Errorf("object %s: %w", ref, err))
		}
		return nil, fmt.Errorf("get object %s: %w", ref, err)
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, lim+1))
	if err != nil {
		return nil, fmt.Errorf("read object %s: %w", ref, err)
	}
	if int64(len(data)) > lim {
		return nil, Permanent(fmt.Errorf("object %s is larger than the %d byte limit", ref, lim))
	}
	return data, nil
}

// ResultTextOf is the text of the result of parsed document doc: the body
// and then the aside (a DOCX's headers, footers and comments), so that
// search finds both.
func ResultTextOf(doc *document.Parsed) string {
	if doc.Aside == "" {
		return doc.Text
	}
	return doc.Text + "\n\n" + doc.Aside
}

func inputFrom(msg *message.Message, data []byte) parse.Input {
	in := parse.Input{
		Filename:    msg.Metadata.Get(HeaderFilename),
		Source:      msg.Metadata.Get(HeaderSource),
		ContentType: msg.Metadata.Get(HeaderContentType),
		Data:        data,
	}
	subj := msg.Metadata.Get(stream.MetaSubject)
	if in.Source == "" {
		in.Source = strings.TrimPrefix(subj, broker.SubjectIngest+".")
	}
	in.Filename = messageFilename(msg)
	for k, v := range msg.Metadata {
		key, ok := strings.CutPrefix(k, HeaderMetaPrefix)
		if ok && ReservedMeta(key) {
			continue // a sender's, not docmill's (reservedHeader)
		}
		if own, isOwn := strings.CutPrefix(http.CanonicalHeaderKey(k), HeaderOwnPrefix); isOwn && ReservedMeta(own) {
			key, ok = own, true
		}
		if ok {
			if in.Meta == nil {
				in.Meta = map[string]string{}
			}
			in.Meta[strings.ToLower(key)] = v
		}
	}
	return in
}

// messageFilename is the file name of an ingest message: its
// Docmill-Filename without control characters (badFilename), else
// message-<stream sequence>, which the reasons of its failures name (and
// the dead letter's digest leaves out).
func messageFilename(msg *message.Message) string {
	if name := document.CleanFilename(msg.Metadata.Get(HeaderFilename)); name != "" {
		return name
	}
	return "message-" + msg.Metadata.Get(stream.MetaStreamSeq)
}

// joinNotes joins the notes that are not empty with "; ".
func joinNotes(notes ...string) string {
	return strings.Join(slices.DeleteFunc(notes, func(n string) bool { return n == "" }), "; ")
}

// badFilename is the ignored_header note of a Docmill-Filename that holds
// control characters, "" when it holds none. An HTTP upload with such a
// name is refused (400), but a NATS producer gets no answer to read: a
// dead letter would lose a good document over its label, and replaying
// it would fail again, as the header travels with it. So the document is
// analysed under the name without them (messageFilename), and the note,
// as for a reserved meta key, tells the sender.
func badFilename(msg *message.Message) string {
	name := msg.Metadata.Get(HeaderFilename)
	if document.CheckFilename(name) == nil {
		return ""
	}
	return fmt.Sprintf("%s %q holds control characters: read as %q", HeaderFilename, name, messageFilename(msg))
}

// reservedHeader names the free metadata headers of msg that set one of
// docmill's own keys (Docmill-Meta-Replaces), "" when none does. They are
// left out of the document's meta (inputFrom) and named in its
// ignored_header: a producer could otherwise make the result tell
// consumers to drop an unrelated document. docmill's own sends use
// HeaderOwnPrefix; an older release's sends still carry the free form,
// whose document is analysed all the same (dead-lettered, a backfill from
// an older client failed whole).
func reservedHeader(msg *message.Message) string {
	var out []string
	for k := range msg.Metadata {
		if key, ok := strings.CutPrefix(http.CanonicalHeaderKey(k), HeaderMetaPrefix); ok && ReservedMeta(key) {
			out = append(out, fmt.Sprintf("%s: %q is set by docmill itself", k, strings.ToLower(key)))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// requestFrom reads the per-message compute budget. A header value it
// cannot read is left out and named in ignored.
func requestFrom(msg *message.Message, received time.Time) (req enrich.Request, ignored string) {
	req = enrich.Request{Depth: document.DepthAuto}
	var bad []string
	if v := msg.Metadata.Get(HeaderDepth); v != "" {
		if d, err := document.ParseDepth(v); err == nil {
			req.Depth = d
		} else {
			bad = append(bad, HeaderDepth+" "+strings.TrimPrefix(err.Error(), "depth "))
		}
	}
	if dl := msg.Metadata.Get(HeaderDeadline); dl != "" {
		if t, err := time.Parse(time.RFC3339Nano, dl); err == nil {
			req.Deadline = t
		} else if d, err := time.ParseDuration(dl); err == nil && d > 0 {
			req.Deadline = received.Add(d)
		} else if err == nil {
			bad = append(bad, fmt.Sprintf("%s %q is no time to work in (a duration must be positive)", HeaderDeadline, dl))
		} else {
			bad = append(bad, fmt.Sprintf("%s %q is neither an RFC 3339 time nor a duration", HeaderDeadline, dl))
		}
	}
	return req, strings.Join(bad, "; ")
}

// queueTrace is the time the message waited in the ingest stream before
// this worker took it, when docmill's own ingest stamped it. Clocks of
// separate machines may disagree, so a negative wait is dropped rather
// than reported.
func queueTrace(stamp time.Time, stamped bool, start time.Time) []document.StageTrace {
	if !stamped || start.Before(stamp) {
		return nil
	}
	return []document.StageTrace{{Stage: "queue", Ms: float64(start.Sub(stamp).Microseconds()) / 1000}}
}

// ingestStamp is when docmill's own ingest published the message; ok is
// false for a message from another client.
func ingestStamp(msg *message.Message) (t time.Time, ok bool) {
	t, err := time.Parse(time.RFC3339Nano, msg.Metadata.Get(HeaderIngestedAt))
	if err != nil {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// NewResult joins a parsed document and its analysis into a result.
func NewResult(doc *document.Parsed, a *document.Analysis, ingested time.Time) *document.Result {
	r := &document.Result{
		ID: doc.ID, Filename: doc.Filename, Title: doc.Title, Source: doc.Source,
		ContentType: doc.ContentType, Language: doc.Language, Pages: doc.Pages, Size: doc.Size,
		Text: ResultTextOf(doc), Meta: doc.Meta, Analysis: *a,
		IngestedAt: ingested, ProcessedAt: time.Now().UTC(),
	}
	r.Depth = deepest(a)
	return r
}

func deepest(a *document.Analysis) document.Depth {
	d := document.DepthNone
	for _, t := range a.Tasks {
		switch {
		case t.Depth == document.DepthFull:
			return document.DepthFull
		case t.Depth == document.DepthShallow:
			d = document.DepthShallow
		}
	}
	return d
}

var subjectUnsafe = regexp.MustCompile(`[^a-z0-9_-]+`)

// subjectToken makes s safe as one NATS subject token.
func subjectToken(s string) string {
	s = subjectUnsafe.ReplaceAllString(strings.ToLower(s), "_")
	s = strings.Trim(s, "_")
	if s == "" {
		return "unknown"
	}
	return s
}

// ResultSubject is docmill.results.<class>[.<subtype>].
func ResultSubject(r *document.Result) string { return resultSubject(broker.SubjectResults, r) }

// ShadowPrefix is the subject prefix of a shadow model's results:
// docmill.shadow.<name-version>.
func ShadowPrefix(m document.ModelInfo) string {
	return broker.SubjectShadow + "." + subjectToken(m.Name+"-"+m.Version)
}

func resultSubject(prefix string, r *document.Result) string {
	subj := prefix + "." + subjectToken(r.Class)
	if st := r.Subtype; st != "" && st != "none" {
		st = strings.TrimPrefix(st, r.Class+"/")
		subj += "." + subjectToken(st)
	}
	return subj
}

// TextBucket is the object store that holds the text of results too large
// for one message, under the document id.
const TextBucket = "docmill-texts"

// payloadHeadroom is room left in a message for headers.
const payloadHeadroom = 16 << 10

// encode returns the result's JSON. When it would not fit in one message,
// the text goes to TextBucket first and the JSON names it instead of
// holding it, so a large document is analysed and indexed whole rather
// than retried into the dead-letter queue.
func (w *Worker) encode(ctx context.Context, r *document.Result) ([]byte, error) {
	payload, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode result %s: %w", r.ID, err)
	}
	limit := w.MaxPayload
	if limit <= 0 {
		limit = 1 << 20
	}
	if len(payload) <= limit-payloadHeadroom || r.Text == "" {
		return payload, nil
	}
	if w.Blobs == nil {
		return nil, Permanent(fmt.Errorf("result %s is %d bytes, over the %d byte message limit, and no object store is configured", r.ID, len(payload), limit))
	}
	if _, err := w.Blobs.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: TextBucket,
		Description: "text of results too large for one message", Storage: jetstream.FileStorage, Replicas: w.Replicas}); err != nil {
		return nil, fmt.Errorf("text bucket: %w", err)
	}
	if _, err := objstore.Put(ctx, w.Blobs, TextBucket, jetstream.ObjectMeta{Name: r.ID}, strings.NewReader(r.Text)); err != nil {
		return nil, fmt.Errorf("store text of %s: %w", r.ID, Unavailable(err))
	}
	small := *r
	small.Text, small.TextObject = "", TextBucket+"/"+r.ID
	if payload, err = json.Marshal(&small); err != nil {
		return nil, fmt.Errorf("encode result %s: %w", r.ID, err)
	}
	if len(payload) > limit-payloadHeadroom {
		return nil, Permanent(fmt.Errorf("result %s is %d bytes without its text, over the %d byte message limit", r.ID, len(payload), limit))
	}
	return payload, nil
}

func (w *Worker) publish(ctx context.Context, r *document.Result, reprocess bool, ingestSeq, traceparent string) error {
	payload, err := w.encode(ctx, r)
	if err != nil {
		return err
	}
	// The result id is the document and model: a redelivery (a crash
	// between publish and ack) or the same bytes ingested twice give one
	// result. A deliberate reprocess with the same model, or a new version
	// of a watched file or object, gets a new one.
	id := r.ID + ":" + r.Model.Name + "@" + r.Model.Version
	if reprocess {
		id += ":" + ingestSeq
	}
	m := message.NewMessage(id, payload)
	m.Metadata.Set(HeaderID, r.ID)
	m.Metadata.Set(HeaderModel, r.Model.Name+"@"+r.Model.Version)
	m.Metadata.Set(HeaderResultDepth, string(r.Depth))
	m.Metadata.Set(HeaderFilename, r.Filename)
	if traceparent != "" {
		m.Metadata.Set(HeaderTraceParent, traceparent)
	}
	m.SetContext(ctx)
	prefix := w.SubjectPrefix
	if prefix == "" {
		prefix = broker.SubjectResults
	}
	err = w.Pub.Publish(resultSubject(prefix, r), m)
	w.pubMu.Lock()
	w.pubErr = err
	w.pubMu.Unlock()
	if err != nil {
		return fmt.Errorf("publish result %s: %w", r.ID, Unavailable(err))
	}
	return nil
}

// PublishError is why the last result could not be stored in the results
// stream, or nil once one has been since: health reports it, as documents
// wait (retried) while it lasts.
func (w *Worker) PublishError() error {
	w.pubMu.Lock()
	defer w.pubMu.Unlock()
	return w.pubErr
}
