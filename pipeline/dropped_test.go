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
