package server

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// rawIngestQueue bounds the raw ingest messages waiting to be recorded; a
// message that finds it full is recorded by the worker that takes it.
const rawIngestQueue = 1024

// watchRawIngest records in pipeline.ProcessingBucket the documents other
// clients publish straight onto docmill.ingest.* (a `nats pub`, a
// partner's producer) as they are published. docmill's own publishers
// record theirs (pipeline.HeaderProcessing) and the worker records the
// others only when it takes them, so until then GET /api/documents/{id}
// called a queued document unknown. Best effort, on a core subscription:
// a message missed here (this process down, the queue full) is recorded
// by the worker. It stops with ctx.
func (s *Server) watchRawIngest(ctx context.Context) error {
	if s.inFlight == nil {
		return nil
	}
	type arrival struct {
		data []byte
		at   time.Time
	}
	queue := make(chan arrival, rawIngestQueue)
	sub, err := s.nc.Subscribe(broker.SubjectIngest+".>", func(m *nats.Msg) {
		if m.Header.Get(pipeline.HeaderProcessing) != "" || m.Header.Get(pipeline.HeaderObject) != "" || len(m.Data) == 0 {
			return
		}
		select {
		case queue <- arrival{m.Data, time.Now()}:
		default:
		}
	})
	if err != nil {
		return fmt.Errorf("watch %s.>: %w", broker.SubjectIngest, err)
	}
	go func() {
		defer func() { _ = sub.Unsubscribe() }()
		for {
			select {
			case <-ctx.Done():
				return
			case a := <-queue:
				// the id the worker will give it: the digest of its bytes
				_, _ = s.inFlight.Start(ctx, document.ID(a.data), a.at)
			}
		}
	}()
	return nil
}
