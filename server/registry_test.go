package server

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/internal/natstest"
)

// docmill model use, run before any worker made the registry, creates it
// with the replicas of docmill's streams: it reads no configuration, and
// had made it with one replica on a 3-node cluster whose streams have
// three, so losing one node lost every worker's model choice.
func TestModelRegistryTakesTheStreamsReplicas(t *testing.T) {
	_, js := natstest.Cluster(t, "registry", 3)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// a cluster that elects its leaders again between requests answers
	// none for a moment (natstest.Settle)
	natstest.Settle(ctx, t, "use model", func(ctx context.Context) error { return UseModel(ctx, js, Active{Disabled: true}) })
	var st jetstream.KeyValueStatus
	natstest.Settle(ctx, t, "registry status", func(ctx context.Context) error {
		kv, err := js.KeyValue(ctx, ModelsBucket)
		if err == nil {
			st, err = kv.Status(ctx)
		}
		return err
	})
	kvs, ok := st.(*jetstream.KeyValueBucketStatus)
	if !ok {
		t.Fatalf("status %T", st)
	}
	if n := kvs.StreamInfo().Config.Replicas; n != 3 {
		t.Errorf("registry %s made with %d replicas, want the streams' 3", ModelsBucket, n)
	}
}
