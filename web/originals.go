package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/objstore"
	"github.com/docmill/docmill/pipeline"
)

// OriginalsBucket is the NATS object store bucket that keeps the original
// bytes of uploaded documents, keyed by document id, for download and
// reprocessing.
const OriginalsBucket = "docmill-originals"

// Header names kept on each stored original.
const (
	origFilename    = "Docmill-Filename"
	origSource      = "Docmill-Source"
	origContentType = "Docmill-Content-Type"
)

// ErrNoOriginal is returned when a document's original bytes were not kept.
var ErrNoOriginal = errors.New("original file not stored")

// Originals stores original documents in the OriginalsBucket object store.
// It creates the bucket on first use and is safe for concurrent use.
type Originals struct {
	JS jetstream.JetStream
	// MaxAge expires originals this long after they were stored (0: kept
	// until deleted). The index keeps the document; only download and
	// reprocess go away.
	MaxAge time.Duration
	// MaxBytes caps the bucket (0: no cap). A full bucket refuses new
	// originals (the worker logs it and goes on) rather than dropping
	// chunks of old ones, which would corrupt them.
	MaxBytes int64
	// Replicas of the bucket when it is created (default 1; a cluster's
	// streams have 3, and the originals are what a reindex reads).
	Replicas int

	mu    sync.Mutex
	store jetstream.ObjectStore
}

// Original is a stored original document.
type Original struct {
	ID, Filename, Source, ContentType string
	Data                              []byte
}

func (o *Originals) bucket(ctx context.Context) (jetstream.ObjectStore, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.store != nil {
		return o.store, nil
	}
	st, err := o.JS.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: OriginalsBucket,
		Description: "original bytes of uploaded documents, by document id", Storage: jetstream.FileStorage,
		TTL: o.MaxAge, MaxBytes: o.maxBytes(), Replicas: max(o.Replicas, 1)})
	if err != nil {
		return nil, fmt.Errorf("object store %s: %w", OriginalsBucket, err)
	}
	o.store = st
	return st, nil
}

func (o *Originals) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return -1 // JetStream's "unlimited"
	}
	return o.MaxBytes
}

// Put stores data under its document id (the sha256 of data) and returns
// the id. Storing the same bytes again replaces the metadata.
func (o *Originals) Put(ctx context.Context, filename, source, contentType string, data []byte) (string, error) {
	if _, err := o.bucket(ctx); err != nil {
		return "", err
	}
	id := document.ID(data)
	h := nats.Header{}
	h.Set(origFilename, filename)
	h.Set(origSource, source)
	if contentType != "" {
		h.Set(origContentType, contentType)
	}
	if _, err := objstore.Put(ctx, o.JS, OriginalsBucket, jetstream.ObjectMeta{Name: id, Headers: h}, bytes.NewReader(data)); err != nil {
		return "", fmt.Errorf("store original %s: %w", filename, err)
	}
	return id, nil
}

// Get returns the stored original for id, or ErrNoOriginal.
func (o *Originals) Get(ctx context.Context, id string) (*Original, error) {
	st, err := o.bucket(ctx)
	if err != nil {
		return nil, err
	}
	r, err := st.Get(ctx, id)
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		return nil, fmt.Errorf("original %s: %w", id, ErrNoOriginal)
	}
	if err != nil {
		return nil, fmt.Errorf("get original %s: %w", id, err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read original %s: %w", id, err)
	}
	info, err := r.Info()
	if err != nil {
		return nil, fmt.Errorf("original %s info: %w", id, err)
	}
	return &Original{ID: id, Data: data, Filename: info.Headers.Get(origFilename),
		Source: info.Headers.Get(origSource), ContentType: info.Headers.Get(origContentType)}, nil
}

// Has reports whether the original of id is stored.
func (o *Originals) Has(ctx context.Context, id string) bool {
	st, err := o.bucket(ctx)
	if err != nil {
		return false
	}
	_, err = st.GetInfo(ctx, id)
	return err == nil
}

// Delete removes the original of id; a missing one is no error.
func (o *Originals) Delete(ctx context.Context, id string) error {
	st, err := o.bucket(ctx)
	if err != nil {
		return err
	}
	if err := st.Delete(ctx, id); err != nil && !errors.Is(err, jetstream.ErrObjectNotFound) {
		return fmt.Errorf("delete original %s: %w", id, err)
	}
	return nil
}

// Reprocess sends a stored original back into the pipeline. The message
// refers to the object instead of carrying the bytes, and its JetStream
// message id is unique, so the ingest stream's de-duplication (keyed by
// content hash for normal ingest) does not drop it.
// originMeta are the meta keys that name where a document came from (a
// watched file or bucket object): a reprocessed document keeps them, so
// that the file's next version still replaces it.
var originMeta = []string{"path", "bucket", "object"}

func (o *Originals) Reprocess(ctx context.Context, id string, meta map[string]string) error {
	if _, err := o.bucket(ctx); err != nil {
		return err
	}
	st := o.store
	info, err := st.GetInfo(ctx, id)
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		return fmt.Errorf("reprocess %s: %w", id, ErrNoOriginal)
	}
	if err != nil {
		return fmt.Errorf("reprocess %s: %w", id, err)
	}
	source := info.Headers.Get(origSource)
	m := nats.NewMsg(connectors.SubjectFor(source))
	m.Header.Set(nats.MsgIdHdr, id+":reprocess:"+strconv.FormatInt(time.Now().UnixNano(), 10))
	m.Header.Set(pipeline.HeaderObject, OriginalsBucket+"/"+id)
	m.Header.Set(pipeline.HeaderFilename, info.Headers.Get(origFilename))
	m.Header.Set(pipeline.HeaderIngestedAt, time.Now().UTC().Format(time.RFC3339Nano))
	m.Header.Set(pipeline.HeaderOwnPrefix+"Reprocessed", "true")
	for _, k := range originMeta {
		if v := meta[k]; v != "" {
			m.Header.Set(pipeline.HeaderMetaPrefix+k, v)
		}
	}
	if source != "" {
		m.Header.Set(pipeline.HeaderSource, source)
	}
	if ct := info.Headers.Get(origContentType); ct != "" {
		m.Header.Set(pipeline.HeaderContentType, ct)
	}
	if _, err := o.JS.PublishMsg(ctx, m); err != nil {
		return fmt.Errorf("reprocess %s: publish: %w", id, err)
	}
	return nil
}

// original serves the stored bytes as a download. It is always an
// attachment of type application/octet-stream, so an uploaded HTML file
// can never run in docmill's origin.
func (s *Server) original(w http.ResponseWriter, r *http.Request) {
	if s.originals == nil {
		writeError(w, http.StatusNotFound, ErrNoOriginal)
		return
	}
	o, err := s.originals.Get(r.Context(), s.docID(r))
	if errors.Is(err, ErrNoOriginal) {
		http.Error(w, "The original file of this document was not kept (pipeline.keep_originals is off, or it was dropped under originals_max_age or originals_max_mb).", http.StatusNotFound)
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	name := o.Filename
	if name == "" {
		name = o.ID
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(o.Data)))
	_, _ = w.Write(o.Data)
}

// reprocess handles the document page's button (a form post, answered with
// a redirect) and the API (answered with JSON).
func (s *Server) reprocess(w http.ResponseWriter, r *http.Request) {
	id, idErr := s.resolveID(r)
	api := strings.HasPrefix(r.URL.Path, "/api/")
	if api && idErr != nil {
		// as GET and DELETE answer: "not found" hid that the id was too
		// short, or named several documents
		writeError(w, http.StatusBadRequest, fmt.Errorf("reprocess %s: %w", id, idErr))
		return
	}
	var err error
	if s.originals == nil {
		err = fmt.Errorf("reprocess %s: %w", id, ErrNoOriginal)
	} else {
		var meta map[string]string
		if s.o.Index != nil {
			if d, gerr := s.o.Index.Get(r.Context(), id); gerr == nil {
				meta = d.Meta
			}
		}
		err = s.originals.Reprocess(r.Context(), id, meta)
	}
	switch {
	case api && err == nil:
		writeJSON(w, http.StatusAccepted, map[string]string{"id": id, "status": "queued"})
	case api && errors.Is(err, ErrNoOriginal) && s.unknown(r.Context(), id):
		writeError(w, http.StatusNotFound, fmt.Errorf("reprocess %s: %w", id, index.ErrNotFound))
	case api && errors.Is(err, ErrNoOriginal):
		writeError(w, http.StatusConflict, err)
	case api:
		writeError(w, http.StatusInternalServerError, err)
	case err == nil:
		http.Redirect(w, r, "/documents/"+id+"?reprocess=queued", http.StatusSeeOther)
	case errors.Is(err, ErrNoOriginal):
		http.Redirect(w, r, "/documents/"+id+"?reprocess=missing", http.StatusSeeOther)
	default:
		s.o.Log.Error("reprocess", "id", id, "err", err)
		http.Redirect(w, r, "/documents/"+id+"?reprocess=failed", http.StatusSeeOther)
	}
}

// unknown reports whether the index has never heard of document id (nor
// has a dead letter for it): an id to answer 404 for, where a document
// without its original is a 409.
func (s *Server) unknown(ctx context.Context, id string) bool {
	if s.o.Index == nil {
		return false
	}
	if _, err := s.o.Index.Get(ctx, id); !errors.Is(err, index.ErrNotFound) {
		return false
	}
	return s.o.Failed == nil || s.o.Failed(ctx, id) == ""
}
