package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/pipeline/stream"
)

// DroppedBucket remembers, for the dead-letter stream's de-duplication
// window, the dead letters dropped for good (docmill dlq drop), by a
// digest of their message id. The stream still holds that id for the
// window, so the same failure of the same document, sent again after the
// drop, made no new letter: it failed where no one could see it. A letter
// whose id is listed here is published under the id and the drop's mark.
const DroppedBucket = "docmill-dlq-dropped"

// OpenDropped creates or opens DroppedBucket.
func OpenDropped(ctx context.Context, js jetstream.JetStream, replicas int) (jetstream.KeyValue, error) {
	return openExpiringBucket(ctx, js, DroppedBucket, broker.DeadLetterWindow,
		"dead letters dropped for good, so that the same failure again is a new letter", replicas)
}

// MarkDropped records that the dead letter with message id msgID was
// dropped for good (mark: what tells this drop from another, such as the
// letter's sequence number).
func MarkDropped(ctx context.Context, kv jetstream.KeyValue, msgID, mark string) error {
	// a letter published after an earlier drop: the next one comes under
	// the first id and this drop's mark
	msgID, _, _ = strings.Cut(msgID, afterDrop)
	if _, err := kv.Put(ctx, droppedKey(msgID), []byte(mark)); err != nil {
		return fmt.Errorf("record dropped dead letter: %w", err)
	}
	return nil
}

// afterDrop joins a letter's id and the mark of the drop it follows.
const afterDrop = ":after-drop:"

func droppedKey(msgID string) string {
	sum := sha256.Sum256([]byte(msgID))
	return hex.EncodeToString(sum[:16])
}

// afterDrops publishes dead letters under a new message id when a letter
// of the same id was dropped for good (DroppedBucket); other messages as
// they are. Without the bucket it is pub.
type afterDrops struct {
	message.Publisher
	kv jetstream.KeyValue
}

func withDrops(pub message.Publisher, kv jetstream.KeyValue) message.Publisher {
	if kv == nil {
		return pub
	}
	return afterDrops{pub, kv}
}

// Publish implements message.Publisher.
func (p afterDrops) Publish(topic string, msgs ...*message.Message) error {
	for _, m := range msgs {
		id := m.Metadata.Get(stream.HeaderMsgID)
		if id == "" {
			id = m.UUID
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if e, err := p.kv.Get(ctx, droppedKey(id)); err == nil {
			m.UUID = id + afterDrop + string(e.Value())
			m.Metadata.Set(stream.HeaderMsgID, m.UUID)
		}
		cancel()
	}
	return p.Publisher.Publish(topic, msgs...)
}
