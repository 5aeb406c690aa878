package server

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/pipeline/stream"
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
		hdr := stream.CanonicalHeaders(m.Header) // as the worker will read them
		if hdr.Get(pipeline.HeaderProcessing) != "" || hdr.Get(pipeline.HeaderObject) != "" || len(m.Data) == 0 || !streamable(m.Header) {
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

// maxStreamHeader is the most header bytes JetStream stores with a
// message: a larger header is refused ("header size exceeds maximum
// allowed of 64k"), though core subscribers such as watchRawIngest still
// receive the message.
const maxStreamHeader = math.MaxUint16

// streamable reports whether an ingest message's headers, as NATS encodes
// them ("NATS/1.0\r\n", "Key: value\r\n" per value, "\r\n"), fit what the
// ingest stream stores. One that does not never reaches a worker, so
// recording it made GET /api/documents/{id} say "processing" for the hour
// a record lasts, of a document that was never coming.
func streamable(h nats.Header) bool {
	n := len("NATS/1.0\r\n\r\n")
	for k, vs := range h {
		for _, v := range vs {
			n += len(k) + len(": \r\n") + len(v)
		}
	}
	return n <= maxStreamHeader
}
