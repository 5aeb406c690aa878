package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// RecoverReport is what RecoverIndex did.
type RecoverReport struct {
	// Documents is how many documents the new index holds.
	Documents uint64 `json:"documents"`
	// Results counts the result messages read from DOCMILL_RESULTS; a
	// document analysed again (a new model, a backfill) has several, and
	// the latest is kept.
	Results int `json:"results"`
	// Deleted counts the documents left out because they were deleted,
	// replaced by a new version or expired after their latest result was
	// published (a notice in DOCMILL_DELETED).
	Deleted int `json:"deleted"`
	// TextsMissing names the documents whose text could be read neither
	// from the result, the text store nor the stored original, with the
	// reason: they are indexed without it, found by their title, summary,
	// key phrases and entities, not by their text.
	TextsMissing map[string]string `json:"texts_missing,omitempty"`
	// Earliest is when the oldest result the stream still held was
	// published: with nats.max_age set, what is older is gone.
	Earliest time.Time `json:"earliest,omitzero"`
	// Moved is where the index that was there went (it could not be
	// opened, or --force); empty when there was none.
	Moved   string  `json:"moved,omitempty"`
	Seconds float64 `json:"seconds"`
}

// ErrIndexReadable is returned by RecoverIndex for an index that opens:
// `docmill index rebuild` keeps what it holds; recovery replaces it.
var ErrIndexReadable = errors.New("the index opens")

// RecoverIndex makes a new index of config c from the results the broker
// kept in DOCMILL_RESULTS, without analysing anything again, while no
// docmill runs on it: the way back from an index that cannot be read (a
// damaged segment, a lost disk). Results of documents deleted since are
// left out. The index that was there is moved aside; one that opens is
// kept unless force is set (ErrIndexReadable).
func RecoverIndex(ctx context.Context, c *config.Config, force bool, progress func(done, total int)) (RecoverReport, error) {
	start := time.Now()
	dir := indexDir(c)
	rep := RecoverReport{}
	if err := storeHere(c); err != nil {
		return rep, err
	}
	// held from here to the end: no server starts on the folder meanwhile,
	// and none runs now, even with the index damaged or gone
	release, err := lockData(c.Data)
	if err != nil {
		return rep, err
	}
	defer release()
	if err := readableIndex(dir, c, force); err != nil {
		return rep, err
	}
	nc, stop, err := rebuildConn(c)
	if err != nil {
		return rep, err
	}
	defer stop()
	js, err := jetstream.New(nc)
	if err != nil {
		return rep, err
	}
	next := dir + ".recover"
	if err := os.RemoveAll(next); err != nil {
		return rep, fmt.Errorf("recover: clear %s: %w", next, err)
	}
	ix, err := index.Open(next, indexOptions(c))
	if err != nil {
		return rep, fmt.Errorf("recover: %w", err)
	}
	r := &recovery{js: js, ix: ix, rep: &rep, full: fullTextOf(c, js)}
	err = r.replay(ctx, progress)
	if err == nil {
		rep.Documents, err = ix.Count()
	}
	if err == nil {
		err = ctx.Err() // stopped: the index that was there stays
	}
	if err = errors.Join(err, ix.Close()); err != nil {
		os.RemoveAll(next)
		return rep, fmt.Errorf("recover: %w", err)
	}
	if _, err := os.Stat(dir); err == nil {
		rep.Moved = dir + ".before-recover-" + time.Now().UTC().Format("20060102T150405.000")
		if err := os.Rename(dir, rep.Moved); err != nil {
			return rep, fmt.Errorf("recover: move %s aside: %w", dir, err)
		}
	}
	if err := os.Rename(next, dir); err != nil {
		return rep, fmt.Errorf("recover: put the new index in place (it is in %s): %w", next, err)
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// readableIndex refuses an index a running docmill holds, and one that
// opens unless force is set.
func readableIndex(dir string, c *config.Config, force bool) error {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); errors.Is(err, os.ErrNotExist) {
		return nil // gone, or an empty folder (a bare mount point)
	}
	ix, err := index.Open(dir, indexOptions(c))
	if errors.Is(err, index.ErrInUse) {
		return err
	}
	if err != nil {
		return nil // damaged: what recovery is for
	}
	n, _ := ix.Count()
	ix.Close()
	if force {
		return nil
	}
	return fmt.Errorf("recover: %s: %w (%d documents); `docmill index rebuild` keeps them, or pass --force to replace it with what DOCMILL_RESULTS holds", dir, ErrIndexReadable, n)
}

// recovery replays DOCMILL_RESULTS into a new index.
type recovery struct {
	js   jetstream.JetStream
	ix   *index.Index
	rep  *RecoverReport
	full func(context.Context, *document.Result) (string, error)

	batch      []*document.Result
	batchBytes int
	dropped    map[string]bool // deleted after their latest result: removed at the next write
	left       map[string]bool // documents left out, for the report
}

// recoverBatch and recoverBatchBytes bound one index write: a batch of
// large texts is analysed in memory at once (128 texts of 3 MiB took
// 3 GB).
const (
	recoverBatch      = 128
	recoverBatchBytes = 32 << 20
)

// replay reads the results stream in order, up to its last message when
// the replay began (nothing is analysed while docmill is stopped; a
// running worker's later results stay for the indexer).
func (r *recovery) replay(ctx context.Context, progress func(done, total int)) error {
	st, err := r.js.Stream(ctx, broker.StreamResults)
	if err != nil {
		return fmt.Errorf("stream %s: %w", broker.StreamResults, err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return err
	}
	last, total := info.State.LastSeq, int(info.State.Msgs)
	r.rep.Earliest = info.State.FirstTime
	r.dropped, r.left = map[string]bool{}, map[string]bool{}
	if total == 0 {
		return nil
	}
	cons, err := st.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return err
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		m, err := cons.Next(jetstream.FetchMaxWait(30 * time.Second))
		if err != nil {
			return fmt.Errorf("read %s: %w", broker.StreamResults, err)
		}
		meta, err := m.Metadata()
		if err != nil {
			return err
		}
		if err := r.take(ctx, m, meta.Timestamp); err != nil {
			return err
		}
		if progress != nil {
			progress(r.rep.Results, total)
		}
		if meta.Sequence.Stream >= last {
			return r.write(ctx)
		}
	}
}

// take adds one result message to the replay.
func (r *recovery) take(ctx context.Context, m jetstream.Msg, at time.Time) error {
	r.rep.Results++
	var res document.Result
	if err := json.Unmarshal(m.Data(), &res); err != nil || res.ID == "" {
		return nil // the indexer dead-lettered it too
	}
	res.PublishedAt = at
	gone, err := pipeline.DeletedSince(ctx, r.js, res.ID, at)
	if err != nil {
		return err
	}
	if gone {
		r.left[res.ID] = true
		r.rep.Deleted = len(r.left)
		r.dropped[res.ID] = true
		r.unbatch(res.ID)
		return nil
	}
	delete(r.left, res.ID)
	r.rep.Deleted = len(r.left)
	delete(r.rep.TextsMissing, res.ID)
	if res.TextObject != "" && res.Text == "" {
		text, err := r.full(ctx, &res)
		if err != nil {
			if r.rep.TextsMissing == nil {
				r.rep.TextsMissing = map[string]string{}
			}
			r.rep.TextsMissing[res.ID] = err.Error()
		}
		res.Text = text
	}
	delete(r.dropped, res.ID)
	if prev := r.unbatch(res.ID); prev != nil && prev.IngestedAt.Before(res.IngestedAt) {
		res.IngestedAt = prev.IngestedAt // first ingested, as the index keeps it
	}
	r.batch = append(r.batch, &res)
	r.batchBytes += len(res.Text)
	if len(r.batch) >= recoverBatch || r.batchBytes >= recoverBatchBytes {
		return r.write(ctx)
	}
	return nil
}

// unbatch takes an earlier result of id out of the pending batch (the
// later one, or its deletion, wins) and returns it.
func (r *recovery) unbatch(id string) *document.Result {
	var taken *document.Result
	kept := r.batch[:0]
	for _, b := range r.batch {
		if b.ID == id {
			taken = b
			r.batchBytes -= len(b.Text)
			continue
		}
		kept = append(kept, b)
	}
	r.batch = kept
	return taken
}

// write stores the pending batch and removes the documents deleted since
// an earlier batch stored them.
func (r *recovery) write(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(r.batch) > 0 {
		if err := r.ix.PutBatch(ctx, r.batch); err != nil {
			return err
		}
		r.batch, r.batchBytes = r.batch[:0], 0
	}
	for id := range r.dropped {
		if err := r.ix.Delete(id); err != nil {
			return err
		}
		delete(r.dropped, id)
	}
	return nil
}

// storeHere checks, for the embedded broker, that the data folder holds
// its store: a mistyped --data would start an empty broker there and fail
// with "stream not found".
func storeHere(c *config.Config) error {
	if c.NATS.URL != "" {
		return nil
	}
	store := filepath.Join(c.Data, "jetstream")
	if _, err := os.Stat(store); err != nil {
		return fmt.Errorf("no broker store in %s (is --data or the config's data folder right?)", store)
	}
	return nil
}
