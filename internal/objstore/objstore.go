// Package objstore writes JetStream object store objects with synchronous
// publishes, and deletes them.
//
// nats.go's ObjectStore.Put (v1.55.0) publishes through a JetStream context
// of its own with PublishMsgAsync, which starts a goroutine that listens for
// reconnects, and removes that listener when Put returns. When the goroutine
// is first scheduled only after the removal (a loaded machine, a small
// object), it finds no channel and waits on a nil one for the life of the
// process. docmill keeps the original of every upload, so that leaked a
// goroutine for a few percent of all documents. Put here writes the same
// chunk and meta messages, one acknowledged publish at a time, so nothing
// is started and nothing is left behind; ObjectStore.Get, GetInfo, Delete,
// Watch and the nats CLI read the objects as their own.
package objstore

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
)

// ChunkSize is the size of each chunk message, nats.go's default.
const ChunkSize = 128 << 10

// Put stores what r holds as object meta.Name in bucket, replacing an
// object of that name, as jetstream.ObjectStore.Put does. meta.Opts must
// not name a link; its chunk size defaults to ChunkSize. A failed write
// leaves no chunks behind and the previous version in place.
func Put(ctx context.Context, js jetstream.JetStream, bucket string, meta jetstream.ObjectMeta, r io.Reader) (*jetstream.ObjectInfo, error) {
	if meta.Name == "" {
		return nil, jetstream.ErrBadObjectMeta
	}
	switch {
	case meta.Opts == nil:
		meta.Opts = &jetstream.ObjectMetaOptions{ChunkSize: ChunkSize}
	case meta.Opts.Link != nil:
		return nil, jetstream.ErrLinkNotAllowed
	case meta.Opts.ChunkSize == 0:
		opts := *meta.Opts
		opts.ChunkSize = ChunkSize
		meta.Opts = &opts
	}
	st, err := js.Stream(ctx, "OBJ_"+bucket)
	if err != nil {
		return nil, fmt.Errorf("object store %s: %w", bucket, err)
	}
	metaSubj := fmt.Sprintf("$O.%s.M.%s", bucket, base64.URLEncoding.EncodeToString([]byte(meta.Name)))
	// the chunks of a previous version are purged once the new one is in
	var prev jetstream.ObjectInfo
	if m, err := st.GetLastMsgForSubject(ctx, metaSubj); err == nil {
		if err := json.Unmarshal(m.Data, &prev); err != nil {
			return nil, fmt.Errorf("object %s/%s: decode previous info: %w", bucket, meta.Name, err)
		}
	} else if !errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil, fmt.Errorf("object %s/%s: %w", bucket, meta.Name, err)
	}
	info := &jetstream.ObjectInfo{ObjectMeta: meta, Bucket: bucket, NUID: nuid.Next()}
	chunkSubj := fmt.Sprintf("$O.%s.C.%s", bucket, info.NUID)
	purge := func() { _ = st.Purge(ctx, jetstream.WithPurgeSubject(chunkSubj)) }
	h, chunk := sha256.New(), make([]byte, meta.Opts.ChunkSize)
	for {
		n, rerr := io.ReadFull(r, chunk)
		if n > 0 {
			// PublishMsg returns once the server has stored the chunk,
			// so the buffer is free again
			if _, err := js.PublishMsg(ctx, &nats.Msg{Subject: chunkSubj, Data: chunk[:n]}); err != nil {
				purge()
				return nil, fmt.Errorf("object %s/%s: chunk %d: %w", bucket, meta.Name, info.Chunks, err)
			}
			h.Write(chunk[:n])
			info.Size += uint64(n)
			info.Chunks++
		}
		if errors.Is(rerr, io.EOF) || errors.Is(rerr, io.ErrUnexpectedEOF) {
			break
		}
		if rerr != nil {
			purge()
			return nil, fmt.Errorf("object %s/%s: read: %w", bucket, meta.Name, rerr)
		}
	}
	info.Digest = "SHA-256=" + base64.URLEncoding.EncodeToString(h.Sum(nil))
	m := nats.NewMsg(metaSubj)
	m.Header.Set(jetstream.MsgRollup, jetstream.MsgRollupSubject)
	if m.Data, err = json.Marshal(info); err != nil {
		purge()
		return nil, fmt.Errorf("object %s/%s: encode info: %w", bucket, meta.Name, err)
	}
	if _, err := js.PublishMsg(ctx, m); err != nil {
		purge()
		return nil, fmt.Errorf("object %s/%s: info: %w", bucket, meta.Name, err)
	}
	info.ModTime = time.Now().UTC()
	if prev.NUID != "" && !prev.Deleted {
		_ = st.Purge(ctx, jetstream.WithPurgeSubject(fmt.Sprintf("$O.%s.C.%s", bucket, prev.NUID)))
	}
	return info, nil
}

// Delete removes object name from bucket; a bucket or object that is not
// there is no error (what the caller wanted is so).
func Delete(ctx context.Context, js jetstream.JetStream, bucket, name string) error {
	st, err := js.ObjectStore(ctx, bucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("object store %s: %w", bucket, err)
	}
	if err := st.Delete(ctx, name); err != nil && !errors.Is(err, jetstream.ErrObjectNotFound) {
		return fmt.Errorf("delete %s/%s: %w", bucket, name, err)
	}
	return nil
}
