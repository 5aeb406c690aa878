package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/docmill/docmill/document"
)

// apiExport handles GET /api/export: every document the query matches
// (q, the facet filters, since and until, as /api/search takes them; no
// page size) as JSON lines of whole results, in id order, streamed as
// they are read, so that an archive of any size can be exported in one
// request. text=true adds each document's text as the index stored it
// (all of it, or the first MiB of a longer one, which then carries
// "text_cut": true). A failure after the first line ends the stream with
// a line {"error": "..."}, since the status was sent already.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	if s.o.Index == nil {
		writeError(w, http.StatusServiceUnavailable, errors.New("this process has no index (run docmill indexer or serve)"))
		return
	}
	withText := false
	if v := r.URL.Query().Get("text"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			writeError(w, http.StatusBadRequest, fmt.Errorf("text %q is not true or false", v))
			return
		}
		withText = b
	}
	sr := r.Clone(r.Context())
	params := sr.URL.Query()
	params.Del("text")
	sr.URL.RawQuery = params.Encode()
	q, err := queryFrom(sr)
	if err == nil && (params.Has("size") || params.Has("from") || params.Has("sort")) {
		err = errors.New("an export has no pages or order (size, from, sort): it is every match, in id order")
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Content-Disposition", `attachment; filename="docmill-export.jsonl"`)
	enc := json.NewEncoder(w)
	rc := http.NewResponseController(w)
	n := 0
	err = s.o.Index.Export(r.Context(), q, withText, func(d *document.Result, text string, cut bool) error {
		line := exported{Result: d}
		if withText {
			d.Text, line.TextCut = text, cut
		}
		if err := enc.Encode(line); err != nil {
			return err
		}
		if n++; n%100 == 0 {
			_ = rc.Flush()
		}
		return nil
	})
	if err != nil && r.Context().Err() == nil {
		s.o.Log.Warn("export ended early", "lines", n, "err", err)
		if n == 0 {
			writeError(w, searchStatus(err), err)
			return
		}
		_ = enc.Encode(map[string]string{"error": err.Error()})
	}
}

// exported is one line of an export: the result, and whether its text
// is only the first MiB of a longer one.
type exported struct {
	*document.Result
	TextCut bool `json:"text_cut,omitempty"`
}
