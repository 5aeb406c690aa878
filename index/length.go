package index

import (
	"context"
	"encoding/json"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Bleve's BM25 takes a field's average length to be the number of distinct
// words in the field's dictionary divided by the number of documents
// (search/searcher/search_term.go, bm25ScoreMetrics). For long documents
// that is far too short: over 253 CUAD contracts, 808,438 tokens in _all
// but 15,829 distinct words, it put the average 51 times too low, so every
// contract looked 51 times the average length, term frequency barely
// counted and short texts outranked the contracts that matched. docmill
// keeps each indexed field's token total itself and hands it to Bleve as
// its BM25 statistics, which Bleve then divides by the document count.

const (
	// fieldLengths stores a document's token counts per field (JSON), so
	// that replacing or deleting it can take them off the totals.
	fieldLengths = "_lengths"
	// lengthsKey is the internal key of the per-field token totals.
	lengthsKey = "docmill.field_lengths"
	// allField is Bleve's composite field that plain queries search.
	allField = "_all"
)

// lengths is a token count per field.
type lengths map[string]int64

// add adds o times sign to l.
func (l lengths) add(o lengths, sign int64) {
	for f, n := range o {
		l[f] += sign * n
		if l[f] <= 0 {
			delete(l, f)
		}
	}
}

// lengthsOf counts the tokens of each text field of rec as TextAnalyzer
// would index them (see countTokens), one per value of the keyword fields
// in _all, and their sum for _all.
func lengthsOf(rec record) lengths {
	out := lengths{}
	for _, f := range Fields {
		n := int64(0)
		switch v := rec[f.Name].(type) {
		case string:
			if v == "" {
				continue
			}
			n = 1
			if f.Kind == "text" {
				n = int64(countTokens(v))
			}
		case []string:
			n = int64(len(v))
		}
		if n == 0 || (f.Kind != "text" && f.Kind != "keyword") {
			continue
		}
		if f.Kind == "text" {
			out[f.Name] = n
		}
		if f.InAll {
			out[allField] += n
		}
	}
	return out
}

// countedStopWords are the words countTokens leaves out, TextAnalyzer's.
var countedStopWords = func() analysis.TokenMap {
	words, err := stopWords(registry.NewCache())
	if err != nil {
		panic(fmt.Sprintf("stop words: %v", err))
	}
	return words
}()

// countTokens approximates how many tokens TextAnalyzer makes of s without
// running it (which would double the cost of indexing): words, joined over
// an inner apostrophe or full stop ("don't", "2.3") as Unicode word
// segmentation joins them, less stop words; n-1 bigrams for a run of n
// ideographs. An average length only has to be about right.
func countTokens(s string) int {
	n, han := 0, 0
	flushHan := func() {
		if han > 0 {
			n += max(han-1, 1)
			han = 0
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !asciiWord[c] {
			flushHan()
			i++
			continue
		}
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c < utf8.RuneSelf || isWordRune(r) && !isIdeograph(r):
			flushHan()
			end := wordEnd(s, i)
			if !isStopWord(s[i:end]) {
				n++
			}
			i = end
		case isIdeograph(r):
			han++
			i += w
		default:
			flushHan()
			i += w
		}
	}
	flushHan()
	return n
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordEnd is where the word starting at i ends.
func wordEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && asciiWord[c] {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) && !isIdeograph(r) {
			i += w
			continue
		}
		if (r == '\'' || r == '’' || r == '.') && i+w < len(s) {
			next, _ := utf8.DecodeRuneInString(s[i+w:])
			if isWordRune(next) && !isIdeograph(next) {
				i += w
				continue
			}
		}
		break
	}
	return i
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isIdeograph reports whether r is Han, Hiragana or Katakana, all of which
// lie from U+2E80 on.
func isIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// isStopWord reports whether w, lower-cased, is a stop word; stop words are
// short and ASCII, so longer words are not looked up.
func isStopWord(w string) bool {
	if len(w) < 2 || len(w) > 10 {
		return false
	}
	var buf [10]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return countedStopWords[string(buf[:len(w)])]
}

// encodeLengths is l as stored in fieldLengths.
func encodeLengths(l lengths) string {
	b, _ := json.Marshal(l) // a map of ints always encodes
	return string(b)
}

// decodeLengths reads a stored fieldLengths value; nil when absent or
// unreadable.
func decodeLengths(v interface{}) lengths {
	s, _ := v.(string)
	if s == "" {
		return nil
	}
	var l lengths
	if json.Unmarshal([]byte(s), &l) != nil {
		return nil
	}
	return l
}

// totals reads the per-field token totals of bi; empty when none were
// kept.
func totals(bi bleve.Index) (lengths, error) {
	raw, err := bi.GetInternal([]byte(lengthsKey))
	if err != nil {
		return nil, fmt.Errorf("read field lengths: %w", err)
	}
	l := lengths{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &l); err != nil {
			return nil, fmt.Errorf("read field lengths: %w", err)
		}
	}
	return l, nil
}

// scoringContext is ctx for a search of q on bi: with Bleve's BM25
// statistics holding the true average field lengths (see the top of this
// file) when the index keeps them.
func (ix *Index) scoringContext(ctx context.Context, bi bleve.Index, q query.Query) (context.Context, error) {
	if !ix.lengthStats || ix.opts.BleveLengths {
		return ctx, nil
	}
	st, err := bm25Stats(ctx, bi, q)
	if err != nil || st == nil {
		return ctx, err
	}
	return context.WithValue(ctx, search.BM25StatsKey, st), nil
}

// bm25Stats are the statistics for a search of q on bi: the document count
// and, per field, the total tokens, which Bleve divides by the count.
// Bleve refuses a term of a field the statistics lack, so they list every
// field of the index and every field q names; fields without a kept total
// keep Bleve's own figure. Nil when no totals are kept yet.
func bm25Stats(ctx context.Context, bi bleve.Index, q query.Query) (*search.BM25Stats, error) {
	kept, err := totals(bi)
	if err != nil || len(kept) == 0 {
		return nil, err
	}
	fields, err := query.ExtractFields(q, bi.Mapping(), search.NewFieldSet())
	if err != nil {
		return nil, fmt.Errorf("bm25 statistics: %w", err)
	}
	adv, err := bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("bm25 statistics: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("bm25 statistics: %w", err)
	}
	defer r.Close()
	n, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("bm25 statistics: %w", err)
	}
	indexed, err := r.Fields()
	if err != nil {
		return nil, fmt.Errorf("bm25 statistics: %w", err)
	}
	for _, f := range append(indexed, allField) {
		fields.AddField(f)
	}
	st := &search.BM25Stats{DocCount: float64(n), FieldCardinality: map[string]int{}}
	br, _ := r.(bindex.BM25Reader)
	for f := range fields {
		if t, ok := kept[f]; ok {
			st.FieldCardinality[f] = int(t)
			continue
		}
		st.FieldCardinality[f] = 0
		if br != nil {
			if st.FieldCardinality[f], err = br.FieldCardinality(f); err != nil {
				return nil, fmt.Errorf("bm25 statistics of %s: %w", f, err)
			}
		}
	}
	return st, nil
}

// lengthTally updates the token totals over one batch.
type lengthTally struct {
	totals lengths
	err    error
	// inBatch are the lengths of documents already put in this batch: a
	// second put of one replaces the first, not what the index holds.
	inBatch map[string]lengths
}

// newLengthTally starts a tally over the index's totals; nil (which
// tallies nothing) when the index keeps none.
func (ix *Index) newLengthTally(bi bleve.Index) *lengthTally {
	if !ix.lengthStats {
		return nil
	}
	t, err := totals(bi)
	return &lengthTally{totals: t, err: err, inBatch: map[string]lengths{}}
}

// put counts rec, stored as id, in place of prev (what the index held),
// and records its lengths in rec.
func (lt *lengthTally) put(id string, rec record, prev lengths) {
	if lt == nil {
		return
	}
	if l, ok := lt.inBatch[id]; ok {
		prev = l
	}
	l := lengthsOf(rec)
	rec[fieldLengths] = encodeLengths(l)
	lt.totals.add(prev, -1)
	lt.totals.add(l, 1)
	lt.inBatch[id] = l
}

// remove takes the lengths l of a deleted document off the totals.
func (lt *lengthTally) remove(l lengths) {
	lt.totals.add(l, -1)
}

// save writes the totals in batch b.
func (lt *lengthTally) save(b *bleve.Batch) error {
	if lt == nil {
		return nil
	}
	if lt.err != nil {
		return lt.err
	}
	raw, err := json.Marshal(lt.totals)
	if err != nil {
		return fmt.Errorf("encode field lengths: %w", err)
	}
	b.SetInternal([]byte(lengthsKey), raw)
	return nil
}
