package index

import (
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

const (
	// fieldResult holds the result JSON, stored but not indexed.
	fieldResult = "_result"
	// cjkSuffix marks the Chinese variant of a text field in indexes
	// created before TextAnalyzer (see Index.legacyCJK).
	cjkSuffix = "_cjk"
	// fieldFacets holds every facet value of a document as "field=value"
	// terms, so that a search counts all facets by visiting one field's doc
	// values per hit instead of one per facet field (see facets.go).
	fieldFacets = "_facets"
	// fieldIngestedKey holds ingested_at as a single prefix-coded term.
	// The datetime field ingested_at indexes 16 terms per value (for range
	// queries), all of which the date facet would visit per hit.
	fieldIngestedKey = "_ingested"
	// fieldExpiryKey holds expiration_date as one prefix-coded term, for
	// the expiry facet as fieldIngestedKey is for the date facet.
	fieldExpiryKey = "_expires"
	// fieldBodyMore is the searched-only rest of a long text (see Fields).
	fieldBodyMore = "body_more"
	// fieldFilenameWords is the file name as text (see filenameWords), so
	// that a plain query finds a document by its file name.
	fieldFilenameWords = "filename_words"
)

// FieldSpec describes one indexed field: the mapping as data.
type FieldSpec struct {
	Name     string // field path
	Kind     string // "text", "keyword", "number", "datetime", "stored"
	Analyzer string // for text fields; keyword fields: keyword (the value as it is) when empty
	Store    bool   // keep the value for highlighting or retrieval
	InAll    bool   // part of the default (_all) field that plain queries search
	Vectors  bool   // term vectors, needed for highlighting
}

// TextAnalyzer analyses every free-text field and plain queries, whatever
// the language: words as the "en" analyser does (possessives, lower case,
// stop words, Porter stems) and runs of Chinese or Japanese ideographs as
// overlapping bigrams, as the "cjk" analyser does. One analyser for both
// is what lets a query mix them ("software 软件", "合同 -北京") with the
// query syntax intact, and finds the English names, years and amounts
// inside Chinese documents. Full-width Latin letters and digits, as a
// Chinese input method types them, are folded to ASCII first, and
// traditional characters to simplified ones (FoldChineseName).
const TextAnalyzer = "docmill_text"

// textAnalyzerConfig is TextAnalyzer as Bleve custom-analyser config.
var textAnalyzerConfig = map[string]interface{}{
	"type":      custom.Name,
	"tokenizer": unicode.Name,
	"token_filters": []interface{}{
		TruncateName, DottedPartsName, cjk.WidthName, FoldChineseName, en.PossessiveName, ApostrophesName, lowercase.Name, FoldAccentsName, StopName2, porter.Name, BigramGapsName,
	},
}

// Fields is the index schema.
var Fields = []FieldSpec{
	{Name: "title", Kind: "text", Analyzer: TextAnalyzer, Store: true, InAll: true, Vectors: true},
	{Name: "body", Kind: "text", Analyzer: TextAnalyzer, Store: true, InAll: true, Vectors: true},
	{Name: "summary", Kind: "text", Analyzer: TextAnalyzer, Store: true, InAll: true, Vectors: true},
	// fieldBodyMore holds the text past the first bodyHeadBytes: searched,
	// but neither stored nor with term vectors, which cost Bleve some 40
	// bytes of memory per byte of text while indexing.
	{Name: fieldBodyMore, Kind: "text", Analyzer: TextAnalyzer, InAll: true},
	// Keyword fields stay out of _all: a value is one term as written
	// ("supply agreement", "acme corp", "lease-2024.pdf"), which a query's
	// analysed words (stemmed, split) do not match, so in _all it only
	// lengthened each text (a tenth of a short one) and let "contract"
	// match the class; it cost the legal retrieval set .009 nDCG@10 (README,
	// Quality). Each is searched by name ("keywords:", "party:"); the file
	// name's words are in fieldFilenameWords.
	{Name: "keywords", Kind: "keyword", Analyzer: KeywordKeyAnalyzer},
	{Name: "filename", Kind: "keyword"},
	// term vectors: a phrase query over _all ("Lease-2024_final.pdf" is
	// the phrase "leas 2024_final.pdf") needs the positions
	{Name: fieldFilenameWords, Kind: "text", Analyzer: TextAnalyzer, InAll: true, Vectors: true},
	{Name: "class", Kind: "keyword"},
	{Name: "subtype", Kind: "keyword", Analyzer: FacetKeyAnalyzer},
	{Name: "language", Kind: "keyword"},
	{Name: "source", Kind: "keyword", Analyzer: FacetKeyAnalyzer},
	{Name: "content_type", Kind: "keyword"},
	{Name: "model", Kind: "keyword"},
	{Name: "model_version", Kind: "keyword"},
	{Name: "tier", Kind: "keyword"},
	{Name: "depth", Kind: "keyword"},
	{Name: "party", Kind: "keyword", Analyzer: PartyKeyAnalyzer},
	{Name: "governing_law", Kind: "keyword", Analyzer: LawKeyAnalyzer},
	{Name: "citation", Kind: "keyword"},
	{Name: "defined_term", Kind: "keyword"},
	// money entities' amounts and currencies ("USD 1500000"), for range
	// queries such as amount:>=1000000 currency:USD
	{Name: "amount", Kind: "number"},
	{Name: "currency", Kind: "keyword"},
	// the domains of the text's host names and those above them, for a
	// query for "example.com" to find "docs.example.com" (hosts.go)
	{Name: fieldHost, Kind: "keyword"},
	{Name: "pages", Kind: "number"},
	{Name: "size", Kind: "number"},
	{Name: "confidence", Kind: "number"},
	{Name: "ingested_at", Kind: "datetime"},
	{Name: "processed_at", Kind: "datetime"},
	// a contract's dates (the first value of each entity kind), for
	// range queries such as expiration_date:<"2027-03-01"
	{Name: "agreement_date", Kind: "datetime"},
	{Name: "effective_date", Kind: "datetime"},
	{Name: "expiration_date", Kind: "datetime"},
	// a rule's date to comply by, searched the same way
	{Name: "compliance_date", Kind: "datetime"},
	{Name: fieldResult, Kind: "stored"},
	{Name: fieldLengths, Kind: "stored"},
	{Name: fieldFacets, Kind: "keyword"},
	{Name: fieldIngestedKey, Kind: "keyword"},
	{Name: fieldExpiryKey, Kind: "keyword"},
}

// Mapping builds the Bleve index mapping from Fields.
func Mapping(opts Options) (*mapping.IndexMappingImpl, error) {
	doc := bleve.NewDocumentStaticMapping()
	for _, f := range Fields {
		doc.AddFieldMappingsAt(f.Name, fieldMapping(f))
	}
	im := bleve.NewIndexMapping()
	for _, a := range []struct {
		name   string
		config map[string]interface{}
	}{
		{TextAnalyzer, textAnalyzerConfig}, {FacetKeyAnalyzer, facetKeyAnalyzerConfig}, {LawKeyAnalyzer, lawKeyAnalyzerConfig},
		{PartyKeyAnalyzer, partyKeyAnalyzerConfig}, {KeywordKeyAnalyzer, keywordKeyAnalyzerConfig},
	} {
		// a copy: Bleve keeps the map it is given, and a caller that
		// edits one mapping (an older index's, in a test) must not edit
		// the next
		if err := im.AddCustomAnalyzer(a.name, copyConfig(a.config)); err != nil {
			return nil, fmt.Errorf("mapping: %w", err)
		}
	}
	im.DefaultMapping = doc
	// Plain queries search _all, analysed as the text fields are.
	im.DefaultAnalyzer = TextAnalyzer
	im.ScoringModel = opts.Scoring
	if err := im.Validate(); err != nil {
		return nil, err
	}
	return im, nil
}

// copyConfig copies an analyser's config and its lists.
func copyConfig(c map[string]interface{}) map[string]interface{} {
	out := make(map[string]interface{}, len(c))
	for k, v := range c {
		if l, ok := v.([]interface{}); ok {
			v = slices.Clone(l)
		}
		out[k] = v
	}
	return out
}

func fieldMapping(f FieldSpec) *mapping.FieldMapping {
	var fm *mapping.FieldMapping
	switch f.Kind {
	case "text":
		fm = bleve.NewTextFieldMapping()
		fm.Analyzer = f.Analyzer
		fm.IncludeTermVectors = f.Vectors
	case "keyword":
		fm = bleve.NewKeywordFieldMapping()
		fm.Analyzer = keyword.Name
		if f.Analyzer != "" {
			fm.Analyzer = f.Analyzer
		}
	case "number":
		fm = bleve.NewNumericFieldMapping()
	case "datetime":
		fm = bleve.NewDateTimeFieldMapping()
	default: // stored only
		fm = bleve.NewTextFieldMapping()
		fm.Index = false
		fm.IncludeTermVectors = false
		fm.DocValues = false
	}
	fm.Store = f.Store || f.Kind == "stored"
	fm.IncludeInAll = f.InAll
	return fm
}
