package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/internal/objstore"
	"github.com/docmill/docmill/pipeline"
)

// deleteDocument handles DELETE /api/documents/{id} (answered with JSON)
// and the document page's button (a form post, answered with a redirect
// to the search page). It removes the document from the index and every
// copy of its content docmill keeps: the stored original, the text of a
// large result and the object a large ingest travelled in. Results already
// published stay in the results stream until its retention drops them.
//
// The form post deletes only when it carries confirm=yes: the page's
// script adds it once the user has confirmed; without JavaScript the post
// is answered with a page that asks, whose button sends it.
func (s *Server) deleteDocument(w http.ResponseWriter, r *http.Request) {
	id, idErr := s.resolveID(r)
	api := r.Method == http.MethodDelete
	if api && idErr != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("delete %s: %w", id, idErr))
		return
	}
	if !api && r.PostFormValue("confirm") != "yes" {
		s.confirmDelete(w, r, id)
		return
	}
	err := s.remove(r.Context(), id)
	switch {
	case api && err == nil:
		writeJSON(w, http.StatusOK, map[string]string{"id": id, "status": "deleted"})
	case api && errors.Is(err, index.ErrNotFound):
		switch a := s.absence(r.Context(), id); a.Status {
		case "processing":
			// accepted and not indexed yet: nothing is deleted, and the
			// document will be indexed; "not found" would read as done
			writeJSON(w, http.StatusConflict, map[string]string{"status": "processing",
				"error": fmt.Sprintf("delete %s: the document is still being processed; delete it once it is indexed", id)})
		case "failed":
			// dead-lettered: never indexed, and no longer on its way (an
			// upload's own record of it said "processing" for good)
			writeJSON(w, http.StatusNotFound, map[string]string{"error": fmt.Sprintf("delete %s: the document was dead-lettered, never indexed (docmill dlq drop removes the letter)", id),
				"failed": a.Reason})
		default:
			writeError(w, http.StatusNotFound, err)
		}
	case api && errors.Is(err, errNoIndex):
		writeError(w, http.StatusServiceUnavailable, err)
	case api:
		writeError(w, http.StatusInternalServerError, err)
	case err == nil:
		http.Redirect(w, r, "/?deleted="+url.QueryEscape(id), http.StatusSeeOther)
	case errors.Is(err, index.ErrNotFound):
		w.WriteHeader(http.StatusNotFound)
		s.render(w, "notfound.html", notFoundPage{Doc: absent{ID: id}})
	default:
		s.o.Log.Error("delete", "id", id, "err", err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// confirmPage asks whether to delete a document.
type confirmPage struct {
	ID, Name string
}

// confirmDelete answers a delete form posted without confirm=yes with a
// page that asks first (a click was all it took without JavaScript).
func (s *Server) confirmDelete(w http.ResponseWriter, r *http.Request, id string) {
	if s.o.Index == nil {
		http.Error(w, errNoIndex.Error(), http.StatusServiceUnavailable)
		return
	}
	doc, err := s.o.Index.Get(r.Context(), id)
	if errors.Is(err, index.ErrNotFound) {
		w.WriteHeader(http.StatusNotFound)
		s.render(w, "notfound.html", notFoundPage{Doc: absent{ID: id}})
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.render(w, "confirm.html", confirmPage{ID: id, Name: docName(doc)})
}

// docName is what a user calls a document: its file name, else its title.
func docName(doc *document.Result) string {
	if doc.Filename != "" {
		return doc.Filename
	}
	return doc.Title
}

var errNoIndex = errors.New("this process has no index")

// remove deletes id from the index first, so that a failure to clean up a
// stored copy never leaves a searchable document whose copies are gone.
func (s *Server) remove(ctx context.Context, id string) error {
	if s.o.Index == nil {
		return errNoIndex
	}
	doc, err := s.o.Index.Get(ctx, id)
	if errors.Is(err, index.ErrNotFound) {
		return fmt.Errorf("delete %s: %w", id, index.ErrNotFound) // the id once, as the API says it
	}
	if err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	if err := s.o.Index.Delete(id); err != nil {
		return fmt.Errorf("delete %s from the index: %w", id, err)
	}
	s.deletions.add(id, docName(doc))
	s.o.Log.Info("document deleted", "doc_id", id)
	s.pending.forget(ctx, id)
	if s.feed != nil {
		s.feed.Forget(id)
	}
	if s.o.JS != nil {
		// every other indexer with an index of its own drops it too; their
		// notices and this one name the same event
		r := pipeline.Removal{ID: id, Reason: pipeline.ReasonDeleted, At: time.Now().UTC()}
		r.Version = r.Event()
		return errors.Join(DeleteCopies(ctx, s.o.JS, id),
			pipeline.PublishDeleted(ctx, s.o.JS, pipeline.Deleted{ID: id, Reason: pipeline.ReasonDeleted, Event: r.Event()}),
			pipeline.PublishRemoval(ctx, s.o.JS, r))
	}
	if s.originals != nil {
		return s.originals.Delete(ctx, id)
	}
	return nil
}

// DeleteCopies removes every copy of document id's content that docmill
// keeps beside the index: the stored original, the text of a large result
// and the object a large ingest travelled in. Missing ones are no error.
func DeleteCopies(ctx context.Context, js jetstream.JetStream, id string) error {
	return errors.Join(objstore.Delete(ctx, js, OriginalsBucket, id), objstore.Delete(ctx, js, pipeline.TextBucket, id),
		objstore.Delete(ctx, js, connectors.BlobBucket, id))
}
