package web

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
)

// apiExport handles GET /api/export: every document the query matches
// (q, the facet filters, since, until and expires, as /api/search takes
// them; no page size) as JSON lines of whole results (format=csv: one row
// of key fields per document, see csvColumns), in id order, streamed as
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
	csvOut := false
	switch f := r.URL.Query().Get("format"); f {
	case "", "jsonl":
	case "csv":
		csvOut = true
	default:
		writeError(w, http.StatusBadRequest, fmt.Errorf("format %q is not jsonl or csv", f))
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
	params.Del("format")
	sr.URL.RawQuery = params.Encode()
	q, err := queryFrom(sr)
	if err == nil && (params.Has("size") || params.Has("from") || params.Has("sort")) {
		err = errors.New("an export has no pages or order (size, from, sort): it is every match, in id order")
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if csvOut {
		if withText {
			writeError(w, http.StatusBadRequest, errors.New("a CSV export has no text column (text=true is for JSON lines)"))
			return
		}
		s.exportCSV(w, r, q)
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

// csvColumns head a CSV export: one row per document, a register of
// contracts (their parties, dates and governing law) a spreadsheet opens.
var csvColumns = []string{"id", "filename", "title", "class", "subtype", "language", "source", "ingested_at",
	"parties", "agreement_date", "effective_date", "expiration_date", "governing_law", "keywords", "summary"}

// exportCSV writes every match of q as CSV rows (csvColumns). A failure
// after the header ends the file with a row whose first cell is "error".
func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request, q index.Query) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="docmill-export.csv"`)
	cw := csv.NewWriter(w)
	_ = cw.Write(csvColumns)
	rc := http.NewResponseController(w)
	n := 0
	err := s.o.Index.Export(r.Context(), q, false, func(d *document.Result, _ string, _ bool) error {
		if err := cw.Write(csvRow(d)); err != nil {
			return err
		}
		if n++; n%100 == 0 {
			cw.Flush()
			_ = rc.Flush()
		}
		return nil
	})
	if err != nil && r.Context().Err() == nil {
		s.o.Log.Warn("export ended early", "rows", n, "err", err)
		_ = cw.Write([]string{"error", err.Error()})
	}
	cw.Flush()
}

// csvRow is d's row under csvColumns: several parties or key phrases
// joined by "; ", each date the first of its kind, every cell safe to
// open in a spreadsheet.
func csvRow(d *document.Result) []string {
	first := func(kind string) string {
		for _, e := range d.Entities {
			if e.Kind == kind {
				return index.FacetValue(e)
			}
		}
		return ""
	}
	var parties, kws []string
	for _, e := range d.Entities {
		if e.Kind == "party" {
			parties = append(parties, e.Text)
		}
	}
	for _, k := range d.Keywords {
		kws = append(kws, k.Text)
	}
	ingested := ""
	if !d.IngestedAt.IsZero() {
		ingested = d.IngestedAt.UTC().Format(time.RFC3339)
	}
	row := []string{d.ID, d.Filename, d.Title, d.Class, d.Subtype, d.Language, d.Source, ingested,
		strings.Join(parties, "; "), first("agreement_date"), first("effective_date"), first("expiration_date"),
		first("governing_law"), strings.Join(kws, "; "), d.Summary}
	for i, c := range row {
		row[i] = spreadsheetSafe(c)
	}
	return row
}

// spreadsheetSafe keeps a cell from running as a formula: documents are
// untrusted, and a spreadsheet runs a cell that begins with =, +, -, @ or
// a tab (OWASP's CSV injection); a leading ' makes it text.
func spreadsheetSafe(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}
