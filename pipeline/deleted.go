package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/pipeline/broker"
)

// Deleted is the notice published on docmill.deleted.<id> (stream
// DOCMILL_DELETED) when a document leaves the index, so that a consumer
// keeping its own copy of the results can drop it too.
type Deleted struct {
	ID string `json:"id"`
	// Reason is "deleted" (DELETE /api/documents/{id}, or the document
	// page's button), "replaced" (its watched file or bucket object
	// changed; ReplacedBy is the new version), "source_removed" (its
	// watched file or object was deleted, under sources.mirror_deletes) or
	// "expired" (past its class's index.retention).
	Reason     string    `json:"reason"`
	ReplacedBy string    `json:"replaced_by,omitempty"`
	At         time.Time `json:"at"`
	// Event names what dropped the document the same way in every indexer
	// that drops it from an index of its own (the replacing result, the
	// removal request, the expiry), so that the stream keeps one notice
	// per event however many indexers there are. Empty, every notice is
	// kept.
	Event string `json:"-"`
}

// Reasons a document leaves the index.
const (
	ReasonDeleted  = "deleted"
	ReasonReplaced = "replaced"
	ReasonRemoved  = "source_removed"
	ReasonExpired  = "expired"
)

// PublishDeleted publishes d, the notice that document d.ID left the
// index, stamped now. Notices of one event (d.Event) within the stream's
// duplicate window (10 minutes) are kept once.
func PublishDeleted(ctx context.Context, js jetstream.JetStream, d Deleted) error {
	d.At = time.Now().UTC()
	msgID := ""
	if d.Event != "" {
		msgID = "deleted." + d.ID + "." + d.Reason + "." + d.Event
	}
	if err := publishAbout(ctx, js, broker.SubjectDeleted, d.ID, msgID, d); err != nil {
		return fmt.Errorf("deletion notice %s: %w", d.ID, err)
	}
	return nil
}

// LastDeleted is when document id last left the index, as DOCMILL_DELETED
// holds it; ok is false when it holds no notice for it.
func LastDeleted(ctx context.Context, js jetstream.JetStream, id string) (at time.Time, ok bool, err error) {
	st, err := js.Stream(ctx, broker.StreamDeleted)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("stream %s: %w", broker.StreamDeleted, err)
	}
	m, err := st.GetLastMsgForSubject(ctx, broker.SubjectDeleted+"."+id)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("deletion notice of %s: %w", id[:min(12, len(id))], err)
	}
	return m.Time, true, nil
}

// DeletedSince reports whether document id left the index at or after at:
// DOCMILL_DELETED holds a notice for it that late. A stream or result
// store is history, and this is how a replay of it tells what must not
// come back. No notices stream (an older deployment) is no notice.
func DeletedSince(ctx context.Context, js jetstream.JetStream, id string, at time.Time) (bool, error) {
	last, ok, err := LastDeleted(ctx, js, id)
	return ok && !last.Before(at), err
}
