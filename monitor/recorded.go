package monitor

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/pipeline/broker"
)

// CompareRecorded computes shadow agreement from what the streams recorded:
// every primary result in DOCMILL_RESULTS against every shadow result in
// DOCMILL_SHADOW (`docmill model compare`).
func CompareRecorded(ctx context.Context, js jetstream.JetStream) ([]Agreement, error) {
	sh := NewShadow(1<<20, nil)
	if err := replay(ctx, js, broker.StreamResults, sh.ObservePrimary); err != nil {
		return nil, err
	}
	if err := replay(ctx, js, broker.StreamShadow, sh.ObserveShadow); err != nil {
		return nil, err
	}
	return sh.Report(), nil
}

// replay reads every message of a stream with an ordered consumer.
func replay(ctx context.Context, js jetstream.JetStream, stream string, fn func(*document.Result)) error {
	st, err := js.Stream(ctx, stream)
	if err != nil {
		return fmt.Errorf("stream %s: %w", stream, err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return err
	}
	if info.State.Msgs == 0 {
		return nil
	}
	cons, err := st.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return err
	}
	for {
		batch, err := cons.Fetch(500, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			return err
		}
		n := 0
		for m := range batch.Messages() {
			n++
			var r document.Result
			if json.Unmarshal(m.Data(), &r) == nil {
				fn(&r)
			}
			if md, err := m.Metadata(); err == nil && md.Sequence.Stream >= info.State.LastSeq {
				return nil
			}
		}
		if n == 0 {
			return nil
		}
	}
}
