package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/docmill/docmill/enrich/logs"
	"github.com/docmill/docmill/index"
)

// Bounds of a lines request: how many lines it returns by default and at
// most.
const (
	linesDefault = 200
	linesMax     = 5000
)

// lineFilter is what GET /api/documents/{id}/lines keeps of a log.
type lineFilter struct {
	words        []string  // lower case; a line must hold every one
	level        string    // a line's entry must be this severe or more ("": any)
	since, until time.Time // the entry's time within [since, until) (zero: unbounded)
	limit        int
}

// parseLineFilter reads q, level, since, until and limit.
func parseLineFilter(v url.Values, now time.Time) (lineFilter, error) {
	f := lineFilter{words: strings.Fields(strings.ToLower(v.Get("q"))), limit: linesDefault}
	if lv := v.Get("level"); lv != "" {
		if f.level = logs.Level(lv); f.level == "" {
			return f, fmt.Errorf("level %q is none of trace, debug, info, notice, warn, error, fatal", lv)
		}
	}
	var err error
	if s := v.Get("since"); s != "" {
		if f.since, err = index.ParseWhen(s, now); err != nil {
			return f, fmt.Errorf("since: %w", err)
		}
	}
	if s := v.Get("until"); s != "" {
		if f.until, err = index.ParseWhen(s, now); err != nil {
			return f, fmt.Errorf("until: %w", err)
		}
		if len(s) == len("2006-01-02") {
			f.until = f.until.AddDate(0, 0, 1) // the whole day named
		}
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return f, fmt.Errorf("limit %q is not a positive number", s)
		}
		f.limit = min(n, linesMax)
	}
	return f, nil
}

// keeps reports whether l passes the filter. A time bound drops lines
// whose entry has no time; a syslog time without a year is read in the
// bound's year.
func (f lineFilter) keeps(l logs.Line) bool {
	if f.level != "" && !logs.AtLeast(l.Level, f.level) {
		return false
	}
	if !f.since.IsZero() && !inYearOf(l.Time, f.since).After(f.since.Add(-time.Nanosecond)) {
		return false
	}
	if !f.until.IsZero() && !inYearOf(l.Time, f.until).Before(f.until) {
		return false
	}
	if len(f.words) > 0 {
		low := strings.ToLower(l.Text)
		for _, w := range f.words {
			if !strings.Contains(low, w) {
				return false
			}
		}
	}
	return true
}

// inYearOf is t, or t in bound's year when t has none (year 0); the zero
// time stays zero, before every bound.
func inYearOf(t, bound time.Time) time.Time {
	if t.IsZero() || t.Year() != 0 {
		return t
	}
	return t.AddDate(bound.Year(), 0, 0)
}

// logLine is one line of a lines answer.
type logLine struct {
	N     int        `json:"n"`
	Level string     `json:"level,omitempty"`
	Time  *time.Time `json:"time,omitempty"`
	Text  string     `json:"text"`
}

// linesAnswer is the answer of GET /api/documents/{id}/lines.
type linesAnswer struct {
	ID      string    `json:"id"`
	Lines   []logLine `json:"lines"`
	Matched int       `json:"matched"` // lines that pass the filter, shown or not
	Scanned int       `json:"scanned"` // non-blank lines read
	// TextCut says the index kept only the first part of the text: lines
	// past it were not read (the original has them).
	TextCut bool `json:"text_cut,omitempty"`
}

// filterLines reads text's lines through f.
func filterLines(id, text string, cut bool, f lineFilter) linesAnswer {
	a := linesAnswer{ID: id, Lines: []logLine{}, TextCut: cut}
	for l := range logs.Lines(text) {
		a.Scanned++
		if !f.keeps(l) {
			continue
		}
		a.Matched++
		if len(a.Lines) < f.limit {
			ll := logLine{N: l.N, Level: l.Level, Text: l.Text}
			if !l.Time.IsZero() {
				t := l.Time
				ll.Time = &t
			}
			a.Lines = append(a.Lines, ll)
		}
	}
	return a
}

// apiLines handles GET /api/documents/{id}/lines: the lines of a log
// (any document, read as lines) that hold every word of q, whose entry is
// at least level and within since and until; a stack frame keeps its
// entry's level and time. Search finds the log; this finds the lines.
func (s *Server) apiLines(w http.ResponseWriter, r *http.Request) {
	if s.o.Index == nil {
		writeError(w, http.StatusServiceUnavailable, errNoIndex)
		return
	}
	id, err := s.resolveID(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("lines of %s: %w", id, err))
		return
	}
	f, err := parseLineFilter(r.URL.Query(), time.Now())
	if err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("lines of %s: %w", id, err))
		return
	}
	_, text, cut, err := s.o.Index.Stored(r.Context(), id)
	switch {
	case errors.Is(err, index.ErrNotFound):
		writeError(w, http.StatusNotFound, err)
	case err != nil:
		writeError(w, http.StatusInternalServerError, err)
	default:
		writeJSON(w, http.StatusOK, filterLines(id, text, cut, f))
	}
}

// lineForm is the document page's form that finds a log's lines: the
// page's query parameters (lines holds the words, as q does in the API).
type lineForm struct {
	Words, Level, Since, Until string
}

// lineFormOf reads the form from a page's query.
func lineFormOf(v url.Values) lineForm {
	return lineForm{Words: v.Get("lines"), Level: v.Get("level"), Since: v.Get("since"), Until: v.Get("until")}
}

// Asked reports whether the form was filled in.
func (f lineForm) Asked() bool {
	return f.Words != "" || f.Level != "" || f.Since != "" || f.Until != ""
}

// Levels are the levels the form offers, least severe first.
func (lineForm) Levels() []string {
	return []string{"trace", "debug", "info", "notice", "warn", "error", "fatal"}
}

// findLines answers the page's form in page.Lines, or says why not.
func (s *Server) findLines(r *http.Request, id string, page *docPage) {
	f := page.LineForm
	filter, err := parseLineFilter(url.Values{"q": {f.Words}, "level": {f.Level}, "since": {f.Since}, "until": {f.Until}}, time.Now())
	if err != nil {
		page.LinesError = err.Error()
		return
	}
	_, text, cut, err := s.o.Index.Stored(r.Context(), id)
	if err != nil {
		page.LinesError = err.Error()
		return
	}
	a := filterLines(id, text, cut, filter)
	page.Lines = &a
}
