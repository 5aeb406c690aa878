package objstore

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/internal/natstest"
)

func startNATS(t *testing.T) jetstream.JetStream {
	t.Helper()
	_, js := natstest.Start(t, "objstore-test")
	return js
}

func bucket(t *testing.T, js jetstream.JetStream, name string) jetstream.ObjectStore {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	st, err := js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: name, Storage: jetstream.FileStorage})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestPutReadsBackAsNATSObject: what Put writes, nats.go's object store
// reads (its reader checks the digest), with the headers, and a second
// Put of the name replaces the first and leaves none of its chunks.
func TestPutReadsBackAsNATSObject(t *testing.T) {
	js := startNATS(t)
	st := bucket(t, js, "objtest")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	big := bytes.Repeat([]byte("0123456789abcdef"), 3*ChunkSize/16+100) // 4 chunks
	h := nats.Header{}
	h.Set("Docmill-Filename", "lease.txt")
	for _, data := range [][]byte{[]byte("a small original"), big, {}} {
		info, err := Put(ctx, js, "objtest", jetstream.ObjectMeta{Name: "doc", Headers: h}, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if want := uint32((len(data) + ChunkSize - 1) / ChunkSize); info.Chunks != want {
			t.Errorf("%d bytes: %d chunks, want %d", len(data), info.Chunks, want)
		}
		r, err := st.Get(ctx, "doc")
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%d bytes: read back: %v", len(data), err)
		}
		if !bytes.Equal(got, data) {
			t.Fatalf("read back %d bytes, put %d", len(got), len(data))
		}
		gi, err := st.GetInfo(ctx, "doc")
		if err != nil {
			t.Fatal(err)
		}
		if gi.Size != uint64(len(data)) || gi.Headers.Get("Docmill-Filename") != "lease.txt" || gi.Digest != info.Digest {
			t.Errorf("info %+v", gi)
		}
		s, err := js.Stream(ctx, "OBJ_objtest")
		if err != nil {
			t.Fatal(err)
		}
		si, err := s.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := uint64(info.Chunks) + 1; si.State.Msgs != want {
			t.Errorf("after a put of %d bytes the bucket holds %d messages, want %d (the earlier version's chunks purged)", len(data), si.State.Msgs, want)
		}
	}
	if err := st.Delete(ctx, "doc"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Get(ctx, "doc"); err == nil {
		t.Error("deleted object still readable")
	}
}

// TestPutLeavesNoPublisherGoroutine: nats.go's ObjectStore.Put starts an
// async-publish goroutine per call that, when scheduled late, waits on a
// nil channel forever. Put must start none, so after many concurrent puts
// of small objects (the originals of uploads) none is left.
func TestPutLeavesNoPublisherGoroutine(t *testing.T) {
	js := startNATS(t)
	bucket(t, js, "objleak")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	natstest.PutsLeaveNoPublisher(t, func(w, i int) error {
		name := fmt.Sprintf("doc-%d-%d", w, i)
		_, err := Put(ctx, js, "objleak", jetstream.ObjectMeta{Name: name}, strings.NewReader(name))
		return err
	})
}
