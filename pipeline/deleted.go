package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
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
}

// Reasons a document leaves the index.
const (
	ReasonDeleted  = "deleted"
	ReasonReplaced = "replaced"
	ReasonRemoved  = "source_removed"
	ReasonExpired  = "expired"
)

// PublishDeleted publishes the notice that document id left the index.
func PublishDeleted(ctx context.Context, js jetstream.JetStream, id, reason, replacedBy string) error {
	data, err := json.Marshal(Deleted{ID: id, Reason: reason, ReplacedBy: replacedBy, At: time.Now().UTC()})
	if err != nil {
		return fmt.Errorf("deletion notice %s: %w", id, err)
	}
	m := nats.NewMsg(broker.SubjectDeleted + "." + id)
	m.Data = data
	m.Header.Set(HeaderID, id)
	if _, err := js.PublishMsg(ctx, m); err != nil {
		return fmt.Errorf("deletion notice %s: %w", id, err)
	}
	return nil
}
