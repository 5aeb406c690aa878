package connectors

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// A dead letter dropped for good takes its failure record with it (the
// record made a backfill skip the file for a day, pointing at a dead
// letter that was no longer there to replay), and is recorded as dropped,
// so that the same failure again is a new letter.
func TestDropForGoodForgetsTheFailure(t *testing.T) {
	ctx := context.Background()
	_, js := natstest.Start(t, "dlq-drop-failed")
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	id := document.ID([]byte("fake docx"))
	kv, err := js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: pipeline.FailedBucket})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Put(ctx, id, []byte(`{"reason":"parse fake.docx: not a zip"}`)); err != nil {
		t.Fatal(err)
	}
	m := nats.NewMsg(broker.SubjectDLQ + ".parse")
	m.Header.Set(pipeline.HeaderID, id)
	m.Header.Set(pipeline.HeaderError, "parse fake.docx: not a zip")
	m.Header.Set(nats.MsgIdHdr, id+":dlq:parse:0123")
	if _, err := js.PublishMsg(ctx, m); err != nil {
		t.Fatal(err)
	}
	dls, err := ListDeadLetters(ctx, js, 0)
	if err != nil || len(dls) != 1 || dls[0].ID != id {
		t.Fatalf("dead letters %+v %v", dls, err)
	}
	if err := DropForGood(ctx, js, dls[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Get(ctx, id); !errors.Is(err, jetstream.ErrKeyNotFound) {
		t.Errorf("failure record after the drop: %v, want none", err)
	}
	// and the same failure again is a new letter (pipeline.DroppedBucket)
	dropped, err := js.KeyValue(ctx, pipeline.DroppedBucket)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := dropped.Keys(ctx)
	if err != nil || len(keys) != 1 {
		t.Errorf("dropped letters recorded: %v %v, want 1", keys, err)
	}
}

// LastDeadLetters reads a queue from its end: the n newest letters of a
// stage, oldest first, without the others.
func TestLastDeadLetters(t *testing.T) {
	ctx := context.Background()
	_, js := natstest.Start(t, "dlq-last")
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	for i, stage := range []string{"parse", "analyze", "parse", "parse", "analyze"} {
		m := nats.NewMsg(broker.SubjectDLQ + "." + stage)
		m.Header.Set(pipeline.HeaderStage, stage)
		m.Header.Set(pipeline.HeaderFilename, fmt.Sprintf("f%d", i))
		if _, err := js.PublishMsg(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	names := func(dls []DeadLetter) string {
		var n []string
		for _, d := range dls {
			n = append(n, d.Filename)
		}
		return strings.Join(n, ",")
	}
	for _, c := range []struct {
		n     int
		stage string
		want  string
	}{{2, "parse", "f2,f3"}, {1, "", "f4"}, {0, "analyze", "f1,f4"}, {0, "", "f0,f1,f2,f3,f4"}} {
		dls, err := LastDeadLetters(ctx, js, c.n, c.stage)
		if err != nil || names(dls) != c.want {
			t.Errorf("last %d of %q: %s %v, want %s", c.n, c.stage, names(dls), err, c.want)
		}
	}
}

// EachDeadLetter reads a queue longer than one batch, oldest first, with
// the broker filtering by stage, and stops at the newest letter there was
// when it began: a letter that fails again during a replay is not met
// twice.
func TestEachDeadLetter(t *testing.T) {
	ctx := context.Background()
	_, js := natstest.Start(t, "dlq-each")
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	publish := func(stage, name string) {
		m := nats.NewMsg(broker.SubjectDLQ + "." + stage)
		m.Header.Set(pipeline.HeaderStage, stage)
		m.Header.Set(pipeline.HeaderFilename, name)
		m.Data = []byte("content of " + name)
		if _, err := js.PublishMsg(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	const n = 2*eachBatch + 7
	for i := range n {
		stage := "parse"
		if i%3 == 0 {
			stage = "index"
		}
		publish(stage, fmt.Sprintf("f%03d", i))
	}
	var got []string
	err := EachDeadLetter(ctx, js, "", func(d DeadLetter) error {
		if d.msg == nil || string(d.msg.Data) != "content of "+d.Filename {
			t.Errorf("letter %+v, want it with its content", d)
		}
		got = append(got, d.Filename)
		publish(d.Stage, "again-"+d.Filename) // fails again while we read
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n || got[0] != "f000" || got[n-1] != fmt.Sprintf("f%03d", n-1) {
		t.Fatalf("letters %d, want %d from f000 to the last, none met twice", len(got), n)
	}
	var index []string
	err = EachDeadLetter(ctx, js, "index", func(d DeadLetter) error {
		if d.Stage != "index" {
			t.Errorf("letter of stage %s, want index", d.Stage)
		}
		if !strings.HasPrefix(d.Filename, "again-") {
			index = append(index, d.Filename)
		}
		return nil
	})
	if want := (n + 2) / 3; err != nil || len(index) != want {
		t.Errorf("index letters %d %v, want %d", len(index), err, want)
	}
	all, err := LastDeadLetters(ctx, js, 0, "")
	if err != nil || len(all) != 2*n {
		t.Fatalf("listed %d %v, want %d", len(all), err, 2*n)
	}
	if err := Replay(ctx, js, all[0]); err == nil || !strings.Contains(err.Error(), "without its content") {
		t.Errorf("replay of a listed letter: %v, want refused", err)
	}
	if err := EachDeadLetter(ctx, js, "analyze", func(DeadLetter) error { t.Error("an analyze letter"); return nil }); err != nil {
		t.Errorf("a stage without letters: %v", err)
	}
}

// A dead letter carries the document's metadata as it was sent: a
// backfill's "path" and job say which file of the archive failed, where
// the file name alone ("broken-105.pdf") may name a file in each of many
// folders. A sender's own "backfill" key is no docmill key and is left out.
func TestDeadLetterMeta(t *testing.T) {
	h := nats.Header{}
	h.Set(pipeline.HeaderFilename, "broken-105.pdf")
	h.Set(pipeline.HeaderMetaPrefix+"Path", "2016/legal/broken-105.pdf")
	h.Set(pipeline.HeaderMetaPrefix+"Backfill", "forged")
	h.Set(pipeline.HeaderOwnPrefix+"Backfill", "job-1162556f7f677680")
	d := toDeadLetter(&jetstream.RawStreamMsg{Header: h})
	want := map[string]string{"path": "2016/legal/broken-105.pdf", "backfill": "job-1162556f7f677680"}
	if !reflect.DeepEqual(d.Meta, want) {
		t.Errorf("meta %v, want %v", d.Meta, want)
	}
	if d := toDeadLetter(&jetstream.RawStreamMsg{Header: nats.Header{}}); d.Meta != nil {
		t.Errorf("meta of a letter without any: %v, want none", d.Meta)
	}
}
