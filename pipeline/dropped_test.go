package pipeline

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/docmill/docmill/pipeline/stream"
)

// The same failure of the same document is one dead letter for a day, by
// the stream's de-duplication; once that letter is dropped for good, the
// failure again is a new letter (it failed where nobody could see it).
func TestDeadLetterAfterDrop(t *testing.T) {
	js := embeddedJS(t)
	ctx := context.Background()
	kv, err := OpenDropped(ctx, js, 1)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := DeadLetter(withDrops(stream.NewPublisher(js), kv), "analyze", 3, NewMetrics(), log, nil)(func(*message.Message) ([]*message.Message, error) {
		return nil, Permanent(errors.New("corrupt PDF: no trailer"))
	})
	fail := func() {
		t.Helper()
		if _, err := h(delivered("a", "1")); err != nil {
			t.Fatal(err)
		}
	}
	fail()
	fail()
	if n := dlqCount(t, js); n != 1 {
		t.Fatalf("%d dead letters for one failure twice, want 1", n)
	}
	id := deadLetterID(delivered("a", "1"), "analyze", Permanent(errors.New("corrupt PDF: no trailer")))
	if err := MarkDropped(ctx, kv, id, "1"); err != nil { // as docmill dlq drop does
		t.Fatal(err)
	}
	fail()
	fail()
	if n := dlqCount(t, js); n != 2 {
		t.Fatalf("%d dead letters after the first was dropped and the failure came twice again, want 2", n)
	}
	// the second letter dropped too: the failure again is a third
	if err := MarkDropped(ctx, kv, id+afterDrop+"1", "2"); err != nil {
		t.Fatal(err)
	}
	fail()
	if n := dlqCount(t, js); n != 3 {
		t.Fatalf("%d dead letters after a second drop, want 3", n)
	}
}

// The same content published twice by a plain NATS client (no message id:
// its id is the stream's sequence) that fails the same way is one dead
// letter; a replay of it that fails again is one of its own.
func TestDeadLetterIDOfRawPublishes(t *testing.T) {
	cause := Permanent(errors.New("binary content that is not a supported document"))
	a := delivered("DOCMILL_INGEST:7", "1")
	b := delivered("DOCMILL_INGEST:9", "1")
	b.Metadata.Set(HeaderFilename, "junk2.bin")
	if deadLetterID(a, "parse", cause) != deadLetterID(b, "parse", cause) {
		t.Error("two raw publishes of one content make two dead letters")
	}
	if r := delivered("replay-3-1700000000", "1"); deadLetterID(r, "parse", cause) == deadLetterID(a, "parse", cause) {
		t.Error("a replay's failure shares the dead letter id of the one it replays")
	}
	other := message.NewMessage("DOCMILL_INGEST:11", []byte("other payload"))
	if deadLetterID(other, "parse", cause) == deadLetterID(a, "parse", cause) {
		t.Error("two contents share a dead letter id")
	}
}
