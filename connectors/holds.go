package connectors

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/pipeline"
)

// A holding records, in the seen bucket, that a watched file or bucket
// object holds a document. A changed file replaces its earlier version's
// document, and under sources.mirror_deletes a deletion removes the
// document, only when no other watched file or object still holds the
// same bytes (documents are named by their content); and a folder finds
// the files deleted while docmill was not running.
type holding struct {
	Kind    string `json:"kind"`  // "folder" or "object"
	Where   string `json:"where"` // the folder, or the bucket
	Name    string `json:"name"`  // path in the folder, or object name
	Version string `json:"version"`
	id      string
}

// holdKey is holds.<id>.<kind>-<where digest>.<name digest>: one key per
// holder, listed per document (holds.<id>.>) or per folder
// (holds.*.folder-<digest>.>).
func holdKey(id string, h holding) string {
	return "holds." + id + "." + holdWhere(h.Kind, h.Where) + "." + digest(h.Name)
}

func holdWhere(kind, where string) string { return kind + "-" + digest(where) }

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:12])
}

// hold records that h holds document id.
func hold(ctx context.Context, kv jetstream.KeyValue, id string, h holding) error {
	data, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if _, err := kv.Put(ctx, holdKey(id, h), data); err != nil {
		return fmt.Errorf("remember %s holds %s: %w", h.Name, id, err)
	}
	return nil
}

// release forgets that h holds document id.
func release(ctx context.Context, kv jetstream.KeyValue, id string, h holding) error {
	if err := kv.Delete(ctx, holdKey(id, h)); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("forget %s holds %s: %w", h.Name, id, err)
	}
	return nil
}

// heldElsewhere reports whether a watched file or object other than h
// holds id.
func heldElsewhere(ctx context.Context, kv jetstream.KeyValue, id string, h holding) (bool, error) {
	l, err := kv.ListKeysFiltered(ctx, "holds."+id+".>")
	if err != nil {
		return false, fmt.Errorf("holders of %s: %w", id, err)
	}
	defer l.Stop()
	own := holdKey(id, h)
	for k := range l.Keys() {
		if k != own {
			return true, nil
		}
	}
	return false, nil
}

// otherHolder is the watched file or object other than h that document id
// is to name once h is gone: the first by name (then kind and place). Any
// fixed order would do; one read from the holds alone gives the same
// answer to replicas reporting one deletion and to a watcher reporting it
// again after a restart, which arrival times in the bucket would not.
// elsewhere says whether another holds id at all (one whose holding cannot
// be read still counts, so that the document stays).
func otherHolder(ctx context.Context, kv jetstream.KeyValue, id string, h holding) (other *holding, elsewhere bool, err error) {
	l, err := kv.ListKeysFiltered(ctx, "holds."+id+".>")
	if err != nil {
		return nil, false, fmt.Errorf("holders of %s: %w", id, err)
	}
	defer l.Stop()
	own := holdKey(id, h)
	for k := range l.Keys() {
		if k == own {
			continue
		}
		elsewhere = true
		e, err := kv.Get(ctx, k)
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			continue // released since it was listed
		}
		if err != nil {
			return nil, true, fmt.Errorf("holder of %s: %w", id, err)
		}
		var o holding
		if json.Unmarshal(e.Value(), &o) != nil {
			continue
		}
		if other == nil || holdOrder(o) < holdOrder(*other) {
			other = &o
		}
	}
	return other, elsewhere, nil
}

// holdOrder is otherHolder's sort key of h.
func holdOrder(h holding) string { return h.Name + "\x00" + h.Kind + "\x00" + h.Where }

// holderOf is h as a removal names it.
func holderOf(h holding) pipeline.Holder {
	if h.Kind == "folder" {
		return pipeline.Holder{Source: pipeline.FolderSource, Path: h.Name}
	}
	return pipeline.Holder{Source: pipeline.BucketSourcePrefix + h.Where, Bucket: h.Where, Object: h.Name}
}

// replaceable reports whether a new version of watched file or object h
// may replace its previous version's document prevID in the index: only
// when no other watched file or object holds the same bytes (a copy of
// the file, taken as one document with it, keeps it).
func replaceable(ctx context.Context, kv jetstream.KeyValue, prevID string, h holding, log *slog.Logger) (bool, error) {
	elsewhere, err := heldElsewhere(ctx, kv, prevID, h)
	if err != nil {
		return false, err
	}
	if elsewhere {
		log.Info("changed; its earlier version stays, another watched file or object holds the same bytes", "name", h.Name, "doc_id", prevID)
	}
	return !elsewhere, nil
}

// holdings lists what one folder or bucket holds, by name.
func holdings(ctx context.Context, kv jetstream.KeyValue, kind, where string) (map[string]holding, error) {
	w, err := kv.WatchFiltered(ctx, []string{"holds.*." + holdWhere(kind, where) + ".>"}, jetstream.IgnoreDeletes())
	if err != nil {
		return nil, fmt.Errorf("holdings of %s: %w", where, err)
	}
	defer w.Stop()
	out := map[string]holding{}
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case e := <-w.Updates():
			if e == nil {
				return out, nil // the initial values are all in
			}
			var h holding
			if json.Unmarshal(e.Value(), &h) != nil || h.Where != where {
				continue
			}
			h.id, _, _ = strings.Cut(strings.TrimPrefix(e.Key(), "holds."), ".")
			out[h.Name] = h
		}
	}
}

// holdVersion records that h holds document id, and no longer its
// previous version's prevID.
func holdVersion(ctx context.Context, kv jetstream.KeyValue, h holding, id, prevID string) error {
	if err := hold(ctx, kv, id, h); err != nil {
		return err
	}
	if prevID != "" && prevID != id {
		return release(ctx, kv, prevID, h)
	}
	return nil
}

// removeHeld handles the deletion of watched file or object h, which held
// document id and was remembered under seenKey: unless another watched
// file or object holds the same bytes, the indexers are asked to drop the
// document (r, from source); if one does, they are asked to name that one
// where the document names h. Then h is forgotten, so that one put back
// is taken as new. Any failure leaves the state as it was, to be retried.
func removeHeld(ctx context.Context, kv jetstream.KeyValue, js jetstream.JetStream, log *slog.Logger, seenKey, id, source string, h holding) error {
	if id != "" {
		// Stamped before the holders are read: a file taken after the
		// check is analysed after this time, and the indexer keeps it.
		r := pipeline.Removal{ID: id, Source: source, Version: h.Version, At: time.Now().UTC()}
		other, elsewhere, err := otherHolder(ctx, kv, id, h)
		if err != nil {
			return err
		}
		if h.Kind == "folder" {
			r.Path = h.Name
		} else {
			r.Bucket, r.Object = h.Where, h.Name
		}
		switch {
		case other != nil:
			if err := pipeline.PublishRemoval(ctx, js, r.Renaming(holderOf(*other))); err != nil {
				return err
			}
			log.Info("source deleted; its document stays under a copy's name, another watched file or object holds the same bytes", "name", h.Name, "doc_id", id, "holder", other.Name)
		case elsewhere:
			log.Info("source deleted; its document stays, another watched file or object holds the same bytes", "name", h.Name, "doc_id", id)
		default:
			if err := pipeline.PublishRemoval(ctx, js, r); err != nil {
				return err
			}
			log.Info("source deleted; its document will be removed", "name", h.Name, "doc_id", id)
		}
		if err := release(ctx, kv, id, h); err != nil {
			return err
		}
	}
	if err := kv.Delete(ctx, seenKey); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("forget %s: %w", h.Name, err)
	}
	return nil
}
