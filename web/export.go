package web

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/entities"
	"github.com/docmill/docmill/index"
)

// apiExport handles GET /api/export: every document the query matches
// (q, the facet filters, since, until and expires, as /api/search takes
// them; no page size) as JSON lines of whole results (format=csv: one row
// of key fields per document, see csvColumns), in id order, streamed as
// they are read, so that an archive of any size can be exported in one
// request. text=true adds each document's text as the index stored it
// (all of it, or the first MiB of a longer one, which then carries
// "text_cut": true). A failure before the first document is a plain error
// response; after it, the status was sent already, so the stream ends with
// a line {"error": "..."} (CSV: a row error,<reason>).
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
	withText, err := boolParam(r, "text")
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	// a byte-order mark is how Excel, opening a CSV file by double-click,
	// knows it is UTF-8 (else accented and Chinese text is garbled); the
	// search page's link asks for one, scripts get none by default
	bom, err := boolParam(r, "bom")
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	// url.ParseQuery, not URL.Query(): the latter drops a pair it cannot
	// decode ("q=100%"), and the export then held every document as if
	// that were what was asked (queryFrom refuses it for /api/search)
	params, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("%w: %v (write %% as %%25 in a URL)", index.ErrBadQuery, err))
		return
	}
	sr := r.Clone(r.Context())
	params.Del("text")
	params.Del("format")
	params.Del("bom")
	sr.URL.RawQuery = params.Encode()
	q, err := queryFrom(sr)
	if err == nil && bom && !csvOut {
		err = errors.New("bom=true is for CSV (format=csv)")
	}
	if given := searchOnly(params); err == nil && given != "" {
		err = fmt.Errorf("%s is for /api/search: an export has no pages or order, nor facet counts (size, from, sort, facet_size); it is every match, in id order", given)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if csvOut && withText {
		writeError(w, http.StatusBadRequest, errors.New("a CSV export has no text column (text=true is for JSON lines)"))
		return
	}
	var out exportWriter = &jsonlExport{enc: json.NewEncoder(w), withText: withText}
	if csvOut {
		out = newCSVExport(w, bom)
	}
	if n := s.exportNotice(r, q); n != "" {
		w.Header().Set(NoticeHeader, url.QueryEscape(n))
	}
	w.Header().Set("Content-Type", out.contentType())
	w.Header().Set("Content-Disposition", `attachment; filename="docmill-export.`+out.ext()+`"`)
	rc := http.NewResponseController(w)
	n := 0
	err = s.o.Index.Export(r.Context(), q, withText, func(d *document.Result, text string, cut bool) error {
		if err := out.write(d, text, cut); err != nil {
			return err
		}
		if n++; n%100 == 0 {
			out.flush()
			_ = rc.Flush()
		}
		return nil
	})
	if err != nil && r.Context().Err() == nil {
		s.o.Log.Warn("export ended early", "documents", n, "err", err)
		if n == 0 {
			writeError(w, searchStatus(err), err) // nothing sent yet: a plain error
			return
		}
		out.fail(err)
	}
	out.flush()
}

// NoticeHeader carries, URL-encoded, what an export's query says to its
// reader, as /api/search's notice does: a field name that is none
// ("clas:contract, searched as text; did you mean class:contract?"), a
// query of stop words only, or that nothing matches. The export itself
// cannot say it: its body is the documents alone, and an empty one read as
// an archive without such documents when the query had a typo.
const NoticeHeader = "Docmill-Notice"

// exportNotice is the notice for an export of q, "" when it has none; a
// search that fails leaves it to the export to fail.
func (s *Server) exportNotice(r *http.Request, q index.Query) string {
	q.Size, q.From, q.Facets, q.NoHighlight = -1, 0, -1, true
	res, err := s.o.Index.Search(r.Context(), q)
	switch {
	case err != nil:
		return ""
	case res.Notice != "":
		return res.Notice
	case res.Total == 0 && q.Q != "":
		return fmt.Sprintf("no document matches %q", q.Q)
	}
	return ""
}

// exportWriter writes an export's documents in one format.
type exportWriter interface {
	contentType() string
	ext() string
	write(d *document.Result, text string, cut bool) error
	// fail ends a stream whose status was sent already with err.
	fail(err error)
	flush()
}

// jsonlExport writes whole results as JSON lines, ending a failed stream
// with a line {"error": "..."}.
type jsonlExport struct {
	enc      *json.Encoder
	withText bool
}

func (e *jsonlExport) contentType() string { return "application/x-ndjson" }
func (e *jsonlExport) ext() string         { return "jsonl" }
func (e *jsonlExport) flush()              {}
func (e *jsonlExport) fail(err error)      { _ = e.enc.Encode(map[string]string{"error": err.Error()}) }

func (e *jsonlExport) write(d *document.Result, text string, cut bool) error {
	line := exported{Result: d}
	if e.withText {
		d.Text, line.TextCut = text, cut
	}
	return e.enc.Encode(line)
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
	"parties", "agreement_date", "effective_date", "expiration_date", "compliance_date", "governing_law", "keywords", "summary",
	"term", "notice_period", "probation", "payment_terms", "leave", "interest_rate",
	"court", "case_number", "judgment_date", "judge", "counsel", "hearing_start", "hearing_end", "neutral_citation", "jury_demand",
	"payment_frequency", "delivery_date", "rent", "deposit", "minimum_purchase", "escalation", "warranty", "warranty_from",
	"renewal", "contract_value", "liability_cap", "go_live_date", "non_renewal_notice"}

// csvRoles are the duration roles the register has a column for, in
// csvColumns' order after summary: added at the end, so that a
// spreadsheet reading the columns before by position still reads them.
// The first interest rate's column follows them, then a court filing's
// court, case number, date of judgment, judges and counsel, and its
// hearing's first and last day, its own neutral citation and its jury
// demand.
var csvRoles = []string{entities.RoleTerm, entities.RoleNotice, entities.RoleProbation, entities.RolePayment, entities.RoleLeave}

// csvExport writes a row of key fields per document (csvColumns), ending
// a failed stream with a row whose first cell is "error".
type csvExport struct {
	cw  *csv.Writer
	buf *bufio.Writer
}

func newCSVExport(w http.ResponseWriter, bom bool) *csvExport {
	// buffered like the header row, so that nothing reaches the client
	// before the headers are set, or before an error answers instead
	buf := bufio.NewWriter(w)
	e := &csvExport{cw: csv.NewWriter(buf), buf: buf}
	if bom {
		_, _ = buf.WriteString("\ufeff")
	}
	_ = e.cw.Write(csvColumns) // buffered: an error before the first row still gets its status
	return e
}

func (e *csvExport) contentType() string { return "text/csv; charset=utf-8" }
func (e *csvExport) ext() string         { return "csv" }
func (e *csvExport) flush()              { e.cw.Flush(); _ = e.buf.Flush() }
func (e *csvExport) fail(err error)      { _ = e.cw.Write([]string{"error", err.Error()}) }

func (e *csvExport) write(d *document.Result, _ string, _ bool) error {
	return e.cw.Write(csvRow(d))
}

// durationOf is the first duration of role in es: its ISO 8601 value
// ("P3M"), or its text where it has none ("20 business days"); "" when
// there is none.
func durationOf(es []document.Entity, role string) string {
	for _, e := range es {
		if e.Kind == entities.KindDuration && e.Role == role {
			if e.Value != "" {
				return e.Value
			}
			return e.Text
		}
	}
	return ""
}

// csvRow is d's row under csvColumns: several parties or key phrases
// joined by "; ", each date the first of its kind that names a day (a
// term sentence with no computable end, or a year alone, leaves the cell
// empty: a date column holds dates), every cell safe to open in a
// spreadsheet.
func csvRow(d *document.Result) []string {
	firstAs := func(kind string, as func(role string) bool) string {
		for _, e := range d.Entities {
			// the first with a value: a clause heading ("第六条 适用法律及争议解决")
			// is found before the clause that names the law
			if v := index.FacetValue(e); e.Kind == kind && as(e.Role) && v != "" {
				return v
			}
		}
		return ""
	}
	first := func(kind string) string { return firstAs(kind, func(string) bool { return true }) }
	// a judgment's own neutral citation is a case number with its role:
	// the court's file number keeps its column, the citation its own
	fileNumber := firstAs(entities.KindCaseNumber, func(role string) bool { return role != entities.RoleNeutralCitation })
	neutral := firstAs(entities.KindCaseNumber, func(role string) bool { return role == entities.RoleNeutralCitation })
	date := func(kind string) string {
		for _, e := range d.Entities {
			// a whole day only: "2018" or "2013-07" would sort and filter
			// as a day in a spreadsheet
			if e.Kind == kind && len(e.Value) == len("2006-01-02") {
				return e.Value
			}
		}
		return ""
	}
	var parties, kws []string
	for _, e := range d.Entities {
		switch {
		case e.Kind == "party" && e.Role != "":
			// a filing's caption: who sues whom is the register's point
			parties = append(parties, e.Text+" ("+e.Role+")")
		case e.Kind == "party":
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
		strings.Join(parties, "; "), date("agreement_date"), date("effective_date"), date("expiration_date"),
		date("compliance_date"), first("governing_law"), strings.Join(kws, "; "), d.Summary}
	for _, role := range csvRoles {
		row = append(row, durationOf(d.Entities, role))
	}
	row = append(row, first(entities.KindInterestRate), first(entities.KindCourt), fileNumber, date(entities.KindJudgmentDate),
		strings.Join(judges(d.Entities), "; "), strings.Join(counselOf(d.Entities), "; "))
	heardFrom, heardTo := hearingSpan(d.Entities)
	row = append(row, heardFrom, heardTo, neutral, juryDemandOf(d.Entities))
	row = append(row, commercialTerms(d.Entities)...)
	// the length each renewal runs for: with the term and notice period,
	// what a register needs to know whether a contract rolls over and for
	// how long
	row = append(row, durationOf(d.Entities, entities.RoleRenewal))
	// what the contract is worth and the most a party answers for: the
	// two figures a register is kept for, which the money entities had
	// but no column did
	row = append(row, withRole(d.Entities, entities.KindMoney, entities.RoleContractValue, false),
		liabilityCap(d.Entities))
	// the day the service goes live (YYYY-MM-DD), which a register tracks
	// beside the effective date and the entities named with no column
	row = append(row, withRole(d.Entities, entities.KindDate, entities.RoleGoLive, true))
	// the notice that stops a renewal, which notice_period (the notice
	// that ends the contract early) had held when no other was named
	row = append(row, durationOf(d.Entities, entities.RoleNonRenewalNotice))
	for i, c := range row {
		row[i] = spreadsheetSafe(c)
	}
	return row
}

// liabilityCap is the most a party answers for: an amount, or else a
// share of a sum in the contract's words and as a percentage ("50% of
// the Fees paid (50%)"), which alone would not say of what.
func liabilityCap(es []document.Entity) string {
	if v := withRole(es, entities.KindMoney, entities.RoleLiabilityCap, false); v != "" {
		return v
	}
	for _, e := range es {
		if e.Kind == entities.KindPercentage && e.Role == entities.RoleLiabilityCap {
			return e.Text + " (" + e.Value + ")"
		}
	}
	return ""
}

// juryDemandOf is a filing's jury demand as the register's column holds
// it: the demanding party's role ("plaintiff"), "demanded" when only its
// heading says so, "" when the filing demands none.
func juryDemandOf(es []document.Entity) string {
	for _, e := range es {
		if e.Kind == entities.KindJuryDemand {
			return cmp.Or(e.Role, e.Value)
		}
	}
	return ""
}

// commercialTerms are a contract's cells after the court filing's
// (csvColumns' last eight): how often it pays, its delivery deadline
// (YYYY-MM-DD), its rent, deposit and minimum purchase ("USD 12000"),
// the share its rent or fee rises by, and its warranty's length and the
// event it runs from. The entities named them; the register had no
// column for them, so a lease or supply register was kept by hand.
func commercialTerms(es []document.Entity) []string {
	warranty, warrantyFrom := warranties(es)
	return []string{durationOf(es, entities.RolePaymentFrequency),
		withRole(es, entities.KindComplianceDate, entities.RoleDelivery, true),
		withRole(es, entities.KindMoney, entities.RoleRent, false),
		withRole(es, entities.KindMoney, entities.RoleDeposit, false),
		withRole(es, entities.KindMoney, entities.RoleMinimumPurchase, false),
		withRole(es, entities.KindPercentage, entities.RoleEscalation, false),
		warranty, warrantyFrom}
}

// warranties are a contract's warranty periods and the events each runs
// from, as two cells of as many items joined by "; ", in the contract's
// order ("P90D; P12M", "go-live; delivery"), each period once; a period
// that names no event has "-" in the second cell, which is empty when
// none names one. All of them, not the longest: a contract's 90 days on
// its software and 12 months on its hardware both bind, and the first
// alone (as the column was) hid the other.
func warranties(es []document.Entity) (string, string) {
	var periods, froms []string
	seen := map[[2]string]bool{}
	named := false
	for _, e := range es {
		if e.Kind != entities.KindDuration || e.Role != entities.RoleWarranty {
			continue
		}
		p := durationOf([]document.Entity{e}, entities.RoleWarranty)
		k := [2]string{p, e.From}
		if p == "" || seen[k] {
			continue
		}
		seen[k] = true
		periods, froms = append(periods, p), append(froms, cmp.Or(e.From, "-"))
		named = named || e.From != ""
	}
	if !named {
		froms = nil
	}
	return strings.Join(periods, "; "), strings.Join(froms, "; ")
}

// withRole is the value of the first entity of kind with role, "" when
// there is none; day only keeps a date column to whole days ("2026"
// would sort as a day in a spreadsheet).
func withRole(es []document.Entity, kind, role string, day bool) string {
	for _, e := range es {
		if e.Kind != kind || e.Role != role || e.Value == "" {
			continue
		}
		if day && len(e.Value) != len("2006-01-02") {
			continue
		}
		return e.Value
	}
	return ""
}

// searchOnly names the parameters of params that only /api/search reads,
// "" when none is given. Each is refused, as an unknown parameter is: an
// export that took size=10 or facet_size=5 and did something else would
// let the caller believe it was obeyed.
func searchOnly(params url.Values) string {
	var given []string
	for _, name := range []string{"size", "from", "sort", "facet_size"} {
		if params.Has(name) {
			given = append(given, name)
		}
	}
	return strings.Join(given, ", ")
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

// boolParam is the query parameter name as a boolean, false when absent.
func boolParam(r *http.Request, name string) (bool, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s %q is not true or false", name, v)
	}
	return b, nil
}

// judges are the names of a filing's judges, the whole bench of an appeal.
func judges(es []document.Entity) []string {
	var out []string
	for _, e := range es {
		if e.Kind == entities.KindJudge {
			out = append(out, e.Text)
		}
	}
	return out
}

// hearingSpan is the first and the last day of a filing's hearing
// (entities.KindHearingDate, a row per day named), "" when it names none:
// a register files a hearing by the two.
func hearingSpan(es []document.Entity) (string, string) {
	var first, last string
	for _, e := range es {
		if e.Kind != entities.KindHearingDate || len(e.Value) != len("2006-01-02") {
			continue
		}
		if first == "" || e.Value < first {
			first = e.Value
		}
		last = max(last, e.Value)
	}
	return first, last
}

// counselOf are a filing's advocates, each with the role of the party it
// acts for: "Ms A Barrister KC (claimant)".
func counselOf(es []document.Entity) []string {
	var out []string
	for _, e := range es {
		if e.Kind == entities.KindCounsel {
			out = append(out, e.Text+" ("+e.Role+")")
		}
	}
	return out
}
