package server

import (
	"context"
	"encoding/json"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/pipeline"
)

// FailedBucket remembers, for a day, why documents were dead-lettered, by
// document id: the upload page asks it, so that a refused file says why
// instead of leaving the page waiting for a result that will not come.
const FailedBucket = pipeline.FailedBucket

// failedRecord is what FailedBucket keeps.
type failedRecord struct {
	Reason   string    `json:"reason"`
	Filename string    `json:"filename,omitempty"`
	At       time.Time `json:"at"`
}

// openFailed creates or opens FailedBucket; nil when it cannot.
func (s *Server) openFailed(ctx context.Context) jetstream.KeyValue {
	kv, err := s.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: FailedBucket,
		Description: "why documents were dead-lettered, by document id", Storage: jetstream.FileStorage,
		TTL: 24 * time.Hour, Replicas: s.o.Config.NATS.Replicas})
	if err != nil {
		s.o.Log.Warn("failed-documents bucket unavailable: uploads refused by the pipeline will not say why", "bucket", FailedBucket, "err", err)
		return nil
	}
	return kv
}

// recordFailed keeps why the document of msg was dead-lettered.
func (s *Server) recordFailed(msg *message.Message, cause error) {
	id := pipeline.DocumentID(msg)
	if !pipeline.IsDocumentID(id) {
		return
	}
	// no longer on its way: sent again, it is analysed again. After the
	// reason is kept, so that whoever sees it leave finds why.
	defer func() { _ = s.inFlight.Done(context.Background(), id) }()
	if s.failed == nil {
		return
	}
	rec, _ := json.Marshal(failedRecord{Reason: cause.Error(), Filename: msg.Metadata.Get(pipeline.HeaderFilename), At: time.Now().UTC()})
	if _, err := s.failed.Put(context.Background(), id, rec); err != nil {
		s.o.Log.Warn("failure not recorded", "doc_id", id, "err", err)
	}
}

// failedReason is why document id was dead-lettered, "" when it was not
// (in the last day).
//
// id may also be the 12-character form docmill prints (any prefix of 8 or
// more hex digits) of exactly one such document.
func (s *Server) failedReason(ctx context.Context, id string) string {
	if s.failed == nil {
		return ""
	}
	if !pipeline.IsDocumentID(id) {
		if id = s.failedByPrefix(ctx, id); id == "" {
			return ""
		}
	}
	e, err := s.failed.Get(ctx, id)
	if err != nil {
		return ""
	}
	var rec failedRecord
	if json.Unmarshal(e.Value(), &rec) != nil {
		return ""
	}
	return rec.Reason
}

// failedByPrefix is the one document id in FailedBucket that starts with
// prefix (8 to 63 hex digits), or "". The bucket holds a day of failures,
// so listing its keys is cheap.
func (s *Server) failedByPrefix(ctx context.Context, prefix string) string {
	return pipeline.KeyByPrefix(ctx, s.failed, prefix)
}
