package pipeline

import "strings"

// NATS headers docmill reads and writes.
const (
	HeaderFilename    = "Docmill-Filename"     // original file name
	HeaderSource      = "Docmill-Source"       // where it came from; default: the subject's last tokens
	HeaderContentType = "Docmill-Content-Type" // optional hint; sniffed otherwise
	HeaderDepth       = "Docmill-Depth"        // shallow | full | auto
	HeaderDeadline    = "Docmill-Deadline"     // RFC 3339 time or Go duration from receipt ("500ms")
	HeaderObject      = "Docmill-Object"       // "bucket/name" when the content is in the object store
	HeaderSize        = "Docmill-Size"         // the content's bytes, when it is in the object store
	HeaderIngestedAt  = "Docmill-Ingested-At"  // RFC 3339, set by docmill's own ingest paths
	HeaderVersion     = "Docmill-Version"      // a watched file's or object's version: its result is published even if the bytes were analysed minutes ago
	HeaderAfterDelete = "Docmill-After-Delete" // RFC 3339 time of the delete a send follows: its result is published even if the bytes were analysed minutes ago
	HeaderMetaPrefix  = "Docmill-Meta-"        // free metadata: Docmill-Meta-Owner: legal; the reserved keys (ReservedMeta) are refused here
	HeaderOwnPrefix   = "Docmill-Own-"         // docmill's own meta keys (ReservedMeta): Docmill-Own-Replaces (MetaReplaces), Docmill-Own-Reprocessed marks a deliberate reprocess, Docmill-Own-Backfill its job
	HeaderID          = "Docmill-Id"           // result: document id (sha256 of the content)
	HeaderModel       = "Docmill-Model"        // result: name@version of the analyser
	HeaderResultDepth = "Docmill-Depth-Used"   // result: deepest exit used
	HeaderError       = "Docmill-Error"        // dead letter: the reason
	HeaderStage       = "Docmill-Stage"        // dead letter: stage that gave up
	HeaderAttempts    = "Docmill-Attempts"     // dead letter: deliveries made
	HeaderSubject     = "Docmill-Subject"      // dead letter: original subject
	HeaderFailedAt    = "Docmill-Failed-At"    // dead letter: RFC 3339
	// HeaderTraceParent is the W3C trace context; docmill carries it from the
	// ingest message to the result (and dead letter) and into its logs.
	HeaderTraceParent = "traceparent"
)

// MetaReplaces is the metadata key (Docmill-Meta-Replaces) naming the
// document an ingest supersedes: the earlier version of a watched file or
// bucket object that changed. The indexer deletes that version once the
// new one is indexed, if it came from the same file or object.
const MetaReplaces = "replaces"

// MetaReprocessed and MetaBackfill mark a deliberate reprocess and a
// backfill's send: their results are published even when the bytes were
// analysed minutes ago.
const (
	MetaReprocessed = "reprocessed"
	MetaBackfill    = "backfill"
)

// ReservedMeta reports whether meta key (any case) is docmill's own: it
// steers the pipeline and what consumers do (replaces tells them to drop
// a document), so no sender may set it as free metadata, on any ingest
// path. docmill's own sends carry these keys in HeaderOwnPrefix headers.
func ReservedMeta(key string) bool {
	switch strings.ToLower(key) {
	case MetaReplaces, MetaReprocessed, MetaBackfill:
		return true
	}
	return false
}
