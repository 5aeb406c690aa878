// Package index stores processed documents in a Bleve index and searches
// them. The mapping is described as data (see Mapping) so that it can be
// inspected and versioned; text fields of every language are analysed by
// TextAnalyzer (English words stemmed, Chinese as bigrams).
package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	zapx "github.com/blevesearch/zapx/v17"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
)

// Scoring models supported by Options.Scoring.
const (
	ScoringBM25  = "bm25"
	ScoringTFIDF = "tf-idf"
)

// Options configures an index.
type Options struct {
	// Scoring is the relevance model fixed when the index is created:
	// ScoringTFIDF (default) or ScoringBM25. Bleve's BM25 takes the
	// square root of term frequency as its TF-IDF does and, even with the
	// true average lengths docmill gives it (length.go), ranked worse than
	// TF-IDF on both retrieval sets and far worse on the two in one index,
	// where short texts and long contracts compete (README, Quality).
	Scoring string
	// NoEnrichment leaves keywords, summary and entities out of the text
	// that free-text queries match (for measuring what enrichment adds).
	NoEnrichment bool
	// MaxTextBytes is how much of a document's text is searchable:
	// DefaultMaxTextBytes when zero, all of it when negative. Indexing
	// takes some 40 times the text's size in memory, so a 60 MB log
	// indexed whole needs gigabytes; more for a text of many distinct
	// words, whose terms past the first MiB are capped (maxRestTerms).
	MaxTextBytes int
	// BleveLengths scores a BM25 index with Bleve's own average field
	// lengths (distinct words per document, see length.go) instead of the
	// true ones. The summary retrieval protocol of docmill eval was
	// defined with them and keeps them: with the true lengths every
	// summary, LEAD's too, finds its own EU article first, and the
	// protocol tells nothing apart.
	BleveLengths bool
	// SearchTimeout bounds one search (DefaultSearchTimeout when zero):
	// the client may have given up, but the server would go on working.
	SearchTimeout time.Duration
	// restTerms is maxRestTerms when zero; tests set fewer.
	restTerms int
}

func (o Options) searchTimeout() time.Duration {
	if o.SearchTimeout <= 0 {
		return DefaultSearchTimeout
	}
	return o.SearchTimeout
}

// DefaultMaxTextBytes is Options.MaxTextBytes when zero.
const DefaultMaxTextBytes = 8 << 20

// bodyHeadBytes is how much of a text is stored with term vectors (for the
// document page, highlighting its first maxHighlightBytes, and rebuilds);
// the rest goes to fieldBodyMore.
const bodyHeadBytes = 1 << 20

func (o Options) maxText() int {
	switch {
	case o.MaxTextBytes == 0:
		return DefaultMaxTextBytes
	case o.MaxTextBytes < 0:
		return math.MaxInt
	}
	return o.MaxTextBytes
}

func init() {
	// zapx sizes a new segment's buffer as the previous segment's bytes
	// per document times (documents + 100), from a pooled estimate: after
	// one large document it asked for 35 GB to index a two-line log, and
	// the process died. Growing the buffer as it fills costs a few copies.
	zapx.NewSegmentBufferNumResultsFactor = 0
}

// Index is a Bleve index of document results. It is safe for concurrent use.
type Index struct {
	bi   bleve.Index // replaced by reopen under rw's write lock
	rw   sync.RWMutex
	dir  string
	opts Options
	mu   sync.Mutex // serialises batches so Put/PutBatch stay ordered
	// combinedFacets: the index has the _facets and _ingested fields
	// (see facets.go); indexes created before them count per field.
	combinedFacets bool
	// legacyCJK: the index predates TextAnalyzer and keeps Chinese
	// documents' text in separate _cjk fields, searched only by queries
	// with Chinese in them.
	legacyCJK bool
	// queryAnalyzer, when set, analyses query text for the text fields
	// (TextQueryAnalyzer: the index holds the parts of dotted words)
	queryAnalyzer string
	// bodyMore: the index has fieldBodyMore for the rest of long texts.
	bodyMore bool
	// lengthStats: the index scores with BM25 and keeps its fields' token
	// totals (see length.go); older ones score with Bleve's own BM25
	// statistics.
	lengthStats bool
	// keys fold the foldedFields this index was created with folding
	// (FacetKey, or PartyKey for parties since 2026-11-30); older indexes
	// hold a field's values as written, and have no entry for it
	keys facetKeys
	// partyForms: parties are keyed without their legal form (PartyKey)
	partyForms bool
	// chineseKeys: party and governing-law keys fold traditional Chinese
	// to simplified (PartyKey, LawKey)
	chineseKeys bool
	// partyInitials: party keys write initials together (PartyKey since
	// 2026-12-01: "A. B. Watley" is "a.b. watley")
	partyInitials bool
	// accentKeys: party and governing-law values are keyed without
	// accents (PartyKeyAnalyzer, LawKeyAnalyzer), so Québec is Quebec.
	accentKeys bool
	// zhPartyForms: party keys leave out a Chinese company's legal form
	// (PartyKey since 2026-12-01 session 32: 北京华信科技有限公司 is 北京华信科技)
	zhPartyForms bool
	// partyApostrophes: party keys leave out apostrophes (PartyKey;
	// indexes created before 2026-12-01 session 33 keep them as written)
	partyApostrophes bool
	// irregularPlurals says key phrases are keyed by KeywordKey, which
	// folds "analyses" with "analysis" (indexes since 2026-11-30 evening)
	irregularPlurals bool
	// chineseKeywords: key phrases keyed in simplified Chinese (KeywordKey
	// since 2026-11-30 session 25)
	chineseKeywords bool
	// rest analyses the text past a long text's first MiB as the index
	// does (fieldBodyMore's analyser, or body's in an index without it),
	// to count its distinct terms (capRest).
	rest analysis.Analyzer
	// text is TextAnalyzer, to rewrite queries the way text was indexed
	// (nil on a legacy index).
	text analysis.Analyzer
	// st is how writes went (see writeState), under stateMu; closed is
	// set by Close.
	st      writeState
	stateMu sync.Mutex
	closed  atomic.Bool
	// compactMu keeps Compact calls apart: scorch refuses a second forced
	// merge while one runs.
	compactMu sync.Mutex
	// readFailure holds the last read that failed inside Bleve.
	readFailure atomic.Pointer[error]
}

// ErrNotFound is returned by Get for an unknown id.
var ErrNotFound = errors.New("document not found")

// Open opens the index in dir, creating it (and dir) when absent.
func Open(dir string, opts Options) (*Index, error) {
	if opts.Scoring == "" {
		opts.Scoring = ScoringTFIDF
	}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		bi, err := openBleve(dir)
		if err != nil {
			return nil, err
		}
		return newIndex(bi, dir, opts), nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("create index parent %s: %w", dir, err)
	}
	m, err := Mapping(opts)
	if err != nil {
		return nil, err
	}
	bi, err := bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return newIndex(bi, dir, opts), nil
}

// ErrInUse is returned by Open for an index another process has open.
var ErrInUse = errors.New("index in use by another process")

// openBleve opens an existing index. Bleve waits for the lock another
// process holds on it forever; docmill says so instead (a second server on
// the same data folder, or `docmill index rebuild` beside a running one).
func openBleve(dir string) (bi bleve.Index, err error) {
	defer func() {
		// a damaged segment can make Bleve (zapx) panic while loading it
		if p := recover(); p != nil {
			bi, err = nil, fmt.Errorf("open index %s: damaged (%v); `docmill index recover` makes a new one from the results "+
				"the broker kept, without analysing them again, and moves this one aside", dir, p)
		}
	}()
	bi, err = bleve.OpenUsing(dir, map[string]interface{}{"bolt_timeout": "3s"})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("open index %s: %w (is docmill running on this data folder?)", dir, ErrInUse)
	}
	if err != nil {
		// a damaged segment surfaces as whatever Bleve read next (an
		// empty "mapping JSON"): say what can be done
		return nil, fmt.Errorf("open index %s: %w (if the index is damaged, `docmill index recover` makes a new one from the results "+
			"the broker kept, without analysing them again, and moves this one aside)", dir, err)
	}
	return bi, nil
}

func newIndex(bi bleve.Index, dir string, opts Options) *Index {
	m := bi.Mapping()
	combined := m.FieldMappingForPath(fieldFacets).Type != "" && m.FieldMappingForPath(fieldIngestedKey).Type != ""
	legacy := m.FieldMappingForPath("body"+cjkSuffix).Type != ""
	more := m.FieldMappingForPath(fieldBodyMore).Type != ""
	// _facets is required too: the spellings to show travel in its terms
	keys := facetKeys{}
	for f := range foldedFields {
		if key, ok := keyOfAnalyzer[m.FieldMappingForPath(f).Analyzer]; ok {
			keys[f] = key
		}
		if !combined {
			delete(keys, f)
		}
	}
	im, _ := m.(*mapping.IndexMappingImpl)
	kw := m.FieldMappingForPath("keywords").Analyzer
	partyAn := m.FieldMappingForPath("party").Analyzer
	lawAn := m.FieldMappingForPath("governing_law").Analyzer
	lens := im != nil && im.ScoringModel == ScoringBM25 && m.FieldMappingForPath(fieldLengths).Type != ""
	ix := &Index{bi: bi, dir: dir, opts: opts, combinedFacets: combined, legacyCJK: legacy, bodyMore: more,
		keys: keys, irregularPlurals: kw == KeywordKeyAnalyzer || kw == keywordKey2Analyzer, chineseKeywords: kw == KeywordKeyAnalyzer, partyForms: slices.Contains([]string{PartyKeyAnalyzer, partyKey5Analyzer, partyKey4Analyzer, partyKey3Analyzer, partyKey2Analyzer, partyKey1Analyzer}, partyAn),
		chineseKeys:   slices.Contains([]string{PartyKeyAnalyzer, partyKey5Analyzer, partyKey4Analyzer, partyKey3Analyzer, partyKey2Analyzer}, partyAn) && slices.Contains([]string{LawKeyAnalyzer, lawKey1Analyzer}, lawAn),
		partyInitials: slices.Contains([]string{PartyKeyAnalyzer, partyKey5Analyzer, partyKey4Analyzer, partyKey3Analyzer}, partyAn), lengthStats: lens,
		accentKeys:       slices.Contains([]string{PartyKeyAnalyzer, partyKey5Analyzer, partyKey4Analyzer}, partyAn) && lawAn == LawKeyAnalyzer,
		zhPartyForms:     partyAn == PartyKeyAnalyzer || partyAn == partyKey5Analyzer,
		partyApostrophes: partyAn == PartyKeyAnalyzer,
		text:             m.AnalyzerNamed(TextAnalyzer)}
	restField := "body"
	if more {
		restField = fieldBodyMore
	}
	ix.rest = m.AnalyzerNamed(m.AnalyzerNameForPath(restField))
	if im != nil && defineQueryAnalyzer(im) {
		// queries are read without the parts of dotted words (see
		// DottedPartsName)
		ix.queryAnalyzer = TextQueryAnalyzer
		ix.text = m.AnalyzerNamed(TextQueryAnalyzer)
	}
	return ix
}

// Close flushes and closes the index; closing it again does nothing.
func (ix *Index) Close() error {
	if ix.closed.Swap(true) {
		return nil
	}
	ix.rw.Lock()
	defer ix.rw.Unlock()
	return ix.bi.Close()
}

// Count returns the number of documents in the index.
func (ix *Index) Count() (n uint64, err error) {
	err = ix.read(func(bi bleve.Index) (err error) {
		n, err = bi.DocCount()
		return err
	})
	return n, err
}

// Held is how many of ids the index holds.
func (ix *Index) Held(ctx context.Context, ids []string) (n int, err error) {
	if len(ids) == 0 {
		return 0, nil
	}
	err = ix.read(func(bi bleve.Index) error {
		req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), 0, 0, false)
		req.Score = "none"
		res, err := bi.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("look up %d documents: %w", len(ids), err)
		}
		n = int(res.Total)
		return nil
	})
	return n, err
}

// Put indexes one result, replacing any document with the same id.
func (ix *Index) Put(ctx context.Context, r *document.Result) error {
	return ix.PutBatch(ctx, []*document.Result{r})
}

// PutBatch indexes results in one Bleve batch; it returns once the batch is
// durably written. A failed write reopens the index (see writeFailed).
func (ix *Index) PutBatch(ctx context.Context, rs []*document.Result) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.putBatch(ctx, rs)
}

// PutIf indexes r as Put does when the index still holds a document with
// r's id and ok accepts it, and says whether it did. Both happen under the
// write lock: a caller that read the document, changed it and puts it
// back must not bring back one deleted meanwhile, nor undo a newer result.
func (ix *Index) PutIf(ctx context.Context, r *document.Result, ok func(cur *document.Result) bool) (bool, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	cur, err := ix.Get(ctx, r.ID)
	switch {
	case errors.Is(err, ErrNotFound):
		return false, nil
	case err != nil:
		return false, err
	case !ok(cur):
		return false, nil
	}
	return true, ix.putBatch(ctx, []*document.Result{r})
}

// putBatch is PutBatch; the caller holds ix.mu.
func (ix *Index) putBatch(ctx context.Context, rs []*document.Result) error {
	return ix.write(func(bi bleve.Index) error {
		ids := make([]string, len(rs))
		for i, r := range rs {
			ids[i] = r.ID
		}
		prev, err := priorOf(ctx, bi, ids)
		if err != nil {
			return err
		}
		b := bi.NewBatch()
		lt := ix.newLengthTally(bi)
		for _, r := range rs {
			if t := prev[r.ID].ingested; !t.IsZero() && (r.IngestedAt.IsZero() || t.Before(r.IngestedAt)) {
				rc := *r
				rc.IngestedAt = t
				r = &rc
			}
			rec, err := toRecord(r, ix.opts, ix.legacyCJK, ix.bodyMore, ix.keys, ix.rest)
			if err != nil {
				return err
			}
			lt.put(r.ID, rec, prev[r.ID].lengths)
			if err := b.Index(r.ID, rec); err != nil {
				return fmt.Errorf("index %s: %w", r.ID, err)
			}
		}
		if err := lt.save(b); err != nil {
			return err
		}
		if err := bi.Batch(b); err != nil {
			return fmt.Errorf("write batch of %d: %w", len(rs), err)
		}
		return nil
	})
}

// prior is what the index holds of a document about to be replaced or
// deleted.
type prior struct {
	// ingested is when it was first ingested. A document indexed again
	// (reprocessed, backfilled, analysed by a new model) keeps that time,
	// so "ingested in the last 7 days" means new to docmill, not
	// re-analysed this week.
	ingested time.Time
	// lengths are its token counts, to take off the totals.
	lengths lengths
}

// priorOf reads what the index holds of those of ids it has.
func priorOf(ctx context.Context, bi bleve.Index, ids []string) (map[string]prior, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{fieldResult, fieldLengths}
	req.Score = "none"
	res, err := bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("read the indexed versions of %d documents: %w", len(ids), err)
	}
	out := make(map[string]prior, len(res.Hits))
	for _, h := range res.Hits {
		p := prior{lengths: decodeLengths(h.Fields[fieldLengths])}
		if prev, err := decodeResult(h.Fields); err == nil {
			p.ingested = prev.IngestedAt
		}
		out[h.ID] = p
	}
	return out, nil
}

// Delete removes a document.
func (ix *Index) Delete(id string) error {
	return ix.DeleteMany([]string{id})
}

// Get returns the stored result for id (without its body text).
func (ix *Index) Get(ctx context.Context, id string) (*document.Result, error) {
	req := bleve.NewSearchRequest(query.NewDocIDQuery([]string{id}))
	req.Fields = []string{fieldResult}
	var res *bleve.SearchResult
	err := ix.read(func(bi bleve.Index) (err error) {
		res, err = bi.SearchInContext(ctx, req)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("get %s: %w", id, ErrNotFound)
	}
	return decodeResult(res.Hits[0].Fields)
}

// Stored returns document id's stored result with the text the index
// kept of it, as Each does: cut says the index kept only its first part.
// What it returns, its text set, can be put back whole when cut is false.
func (ix *Index) Stored(ctx context.Context, id string) (r *document.Result, text string, cut bool, err error) {
	err = ix.scan(ctx, query.NewDocIDQuery([]string{id}), true, func(d *document.Result, t string, c bool) error {
		r, text, cut = d, t, c
		return nil
	})
	switch {
	case err != nil:
		return nil, "", false, fmt.Errorf("get %s: %w", id, err)
	case r == nil:
		return nil, "", false, fmt.Errorf("get %s: %w", id, ErrNotFound)
	}
	return r, text, cut, nil
}

// Resolve returns the full id of the one indexed document whose id starts
// with ref: docmill prints ids shortened to 12 characters. A ref that is
// not 8 to 63 hex digits (a full id, say) is returned as it is; a prefix
// no document has is ErrNotFound, one that several have ErrAmbiguous.
func (ix *Index) Resolve(ctx context.Context, ref string) (string, error) {
	if !document.IsIDPrefix(ref) {
		return ref, nil
	}
	q := query.NewPrefixQuery(ref)
	q.SetField("_id")
	req := bleve.NewSearchRequestOptions(q, 2, 0, false)
	var res *bleve.SearchResult
	err := ix.read(func(bi bleve.Index) (err error) {
		res, err = bi.SearchInContext(ctx, req)
		return err
	})
	switch {
	case err != nil:
		return "", fmt.Errorf("resolve %s: %w", ref, err)
	case len(res.Hits) == 0:
		return "", fmt.Errorf("resolve %s: %w", ref, ErrNotFound)
	case len(res.Hits) > 1:
		return "", fmt.Errorf("resolve %s: %w", ref, ErrAmbiguous)
	}
	return res.Hits[0].ID, nil
}

// ErrAmbiguous is Resolve's error for an id prefix of several documents.
var ErrAmbiguous = errors.New("id prefix of more than one document")

// Body returns the stored text of document id: all of it, or its first
// MiB for a longer one (the rest is searched, not stored).
func (ix *Index) Body(ctx context.Context, id string) (string, error) {
	req := bleve.NewSearchRequest(query.NewDocIDQuery([]string{id}))
	req.Fields = []string{"body", "body" + cjkSuffix}
	var res *bleve.SearchResult
	err := ix.read(func(bi bleve.Index) (err error) {
		res, err = bi.SearchInContext(ctx, req)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("text of %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return "", fmt.Errorf("text of %s: %w", id, ErrNotFound)
	}
	return storedText(res.Hits[0].Fields), nil
}

// storedText is the stored text among a hit's fields: "body", or
// "body_cjk" for a Chinese document in a legacy index.
func storedText(fields map[string]interface{}) string {
	if s, _ := fields["body"+cjkSuffix].(string); s != "" {
		return s
	}
	s, _ := fields["body"].(string)
	return s
}

// Has reports whether a document with id is indexed.
func (ix *Index) Has(ctx context.Context, id string) (bool, error) {
	_, err := ix.Get(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

func decodeResult(fields map[string]interface{}) (*document.Result, error) {
	raw, _ := fields[fieldResult].(string)
	if raw == "" {
		return nil, fmt.Errorf("stored result missing")
	}
	var r document.Result
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return nil, fmt.Errorf("decode stored result: %w", err)
	}
	return &r, nil
}

// hasCJK reports whether s contains Han, Hiragana, Katakana or Hangul.
func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// contentTypes is what content_type filters and facets find a result by:
// its content, and the file that carried it when that differs (a log
// printed to PDF is found as a log and as a PDF).
func contentTypes(r *document.Result) any {
	if c := r.Meta["container_type"]; c != "" && c != r.ContentType {
		return []string{r.ContentType, c}
	}
	return r.ContentType
}

// record is what Bleve indexes for a result; its fields follow Mapping.
type record map[string]interface{}

// toRecord builds what Bleve indexes for r; rest, when set, is the
// analyser of the text past the first MiB, whose distinct terms it caps
// (capRest).
func toRecord(r *document.Result, opts Options, legacyCJK, bodyMore bool, keys facetKeys, rest analysis.Analyzer) (record, error) {
	stored := *r
	stored.Text = ""
	raw, err := json.Marshal(&stored)
	if err != nil {
		return nil, fmt.Errorf("encode result %s: %w", r.ID, err)
	}
	suffix := ""
	if legacyCJK && (r.Language == "zh" || (r.Language != "en" && hasCJK(r.Title+r.Text))) {
		suffix = cjkSuffix
	}
	body, more := splitText(r.Text, opts.maxText(), bodyMore)
	if rest != nil {
		body, more = capRest(rest, body, more, opts.maxRestTerms())
	}
	rec := record{
		fieldResult:        string(raw),
		"title" + suffix:   r.Title,
		"body" + suffix:    body,
		"filename":         r.Filename,
		fieldFilenameWords: filenameWords(r.Filename),
		"class":            r.Class,
		"subtype":          r.Subtype,
		"language":         r.Language,
		"source":           r.Source,
		"content_type":     contentTypes(r),
		"model":            r.Model.Name,
		"model_version":    r.Model.Name + "@" + r.Model.Version,
		"tier":             r.Model.Tier,
		"depth":            string(r.Depth),
		"pages":            float64(r.Pages),
		"size":             float64(r.Size),
		"confidence":       r.Confidence,
		"ingested_at":      r.IngestedAt,
		"processed_at":     r.ProcessedAt,
	}
	if more != "" {
		rec[fieldBodyMore] = more
	}
	if hosts := hostDomains(r.Text); len(hosts) > 0 {
		rec[fieldHost] = hosts
	}
	if !opts.NoEnrichment {
		rec["summary"+suffix] = r.Summary
		kws := make([]string, 0, len(r.Keywords))
		keyed := keys["keywords"] != nil // by the analyser; shown as written
		for _, k := range r.Keywords {
			if keyed {
				kws = append(kws, k.Text)
			} else {
				kws = append(kws, strings.ToLower(k.Text))
			}
		}
		rec["keywords"] = kws
		addEntities(rec, r.Entities)
	}
	rec[fieldFacets] = facetTermsOf(rec, keys)
	if key, ok := dateKey(r.IngestedAt); ok {
		rec[fieldIngestedKey] = key
	}
	if t, ok := rec[expiryFacetName].(time.Time); ok {
		if key, ok := dateKey(t); ok {
			rec[fieldExpiryKey] = key
		}
	}
	return rec, nil
}

// filenameWords is a file name as searched text: as written, which a
// query typed the same way matches ("Lease-2024_final.pdf"), and as its
// letters and digits alone, as Unicode word segmentation keeps
// "2024_final.pdf" one word and a query for "final" would miss it.
func filenameWords(name string) string {
	words := strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
	if words == name {
		return name
	}
	// the name without its extension too: the analyser keeps "_" inside a
	// word, so "Apache_2k" typed without ".log" matched neither form
	if stem := strings.TrimSuffix(name, filepath.Ext(name)); stem != name && stem != words {
		return name + "\n" + words + "\n" + stem
	}
	return name + "\n" + words
}

// splitText cuts text to the first max bytes and, when the index has
// fieldBodyMore, into the stored head and the searched-only rest; cuts
// fall on spaces or line breaks (a rune boundary at least).
func splitText(text string, max int, bodyMore bool) (head, more string) {
	text = text[:cutAt(text, max)]
	if !bodyMore || len(text) <= bodyHeadBytes {
		return text, ""
	}
	at := cutAt(text, bodyHeadBytes)
	return text[:at], text[at:]
}

// cutAt is the largest index <= n, at most len(s), that starts a word (or
// failing that a rune) of s.
func cutAt(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for i := n; i > n-256 && i > 0; i-- {
		if s[i] == ' ' || s[i] == '\n' {
			return i
		}
	}
	return len(lang.Clip(s, n))
}

// facetedEntities are the entity kinds indexed as their own keyword fields.
var facetedEntities = map[string]string{
	"party":         "party",
	"governing_law": "governing_law",
	"citation":      "citation",
	"defined_term":  "defined_term",
}

// FacetValue is the value under which an entity is faceted and filtered:
// a party's name (its Value is an alias such as "Company", which many
// contracts share), the normalised value of other kinds ("New York" for a
// governing-law sentence), or the text when there is none.
//
// A governing-law sentence without a named jurisdiction has no facet
// value: the whole sentence became one ("Processing by a processor shall
// be governed by a contract...").
func FacetValue(e document.Entity) string {
	switch {
	case e.Kind == "party":
		return e.Text
	case e.Value != "":
		return e.Value
	case e.Kind == "governing_law":
		return ""
	}
	return e.Text
}

// contractDate is a contract's date of kind (agreement_date, ...): the
// first entity of the kind decides, a later one being another agreement's
// date or a renewal's; false when it gives no full date.
func contractDate(es []document.Entity, kind string) (time.Time, bool) {
	for _, e := range es {
		if e.Kind == kind {
			t, err := time.Parse(time.DateOnly, e.Value)
			return t, err == nil
		}
	}
	return time.Time{}, false
}

func addEntities(rec record, es []document.Entity) {
	for _, kind := range datedEntities {
		if t, ok := contractDate(es, kind); ok {
			rec[kind] = t
		}
	}
	vals := map[string][]string{}
	var amounts []float64
	for _, e := range es {
		if e.Kind == "money" {
			if cur, amt, ok := moneyValue(e.Value); ok {
				amounts = append(amounts, amt)
				if !slices.Contains(vals["currency"], cur) {
					vals["currency"] = append(vals["currency"], cur)
				}
			}
		}
		field, ok := facetedEntities[e.Kind]
		if !ok {
			continue
		}
		if v := FacetValue(e); v != "" {
			vals[field] = append(vals[field], v)
		}
	}
	for f, v := range vals {
		rec[f] = v
	}
	if len(amounts) > 0 {
		rec["amount"] = amounts
	}
}

// moneyValue reads a money entity's value, "<ISO 4217 code> <amount>"
// ("USD 1500000", "CNY 15000": however the text wrote it, 壹万伍仟元 too).
func moneyValue(v string) (currency string, amount float64, ok bool) {
	cur, num, found := strings.Cut(v, " ")
	if !found || len(cur) != 3 {
		return "", 0, false
	}
	amount, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(amount, 0) || math.IsNaN(amount) {
		return "", 0, false
	}
	return cur, amount, true
}
