package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

const (
	// fieldResult holds the result JSON, stored but not indexed.
	fieldResult = "_result"
	// cjkSuffix marks the variant of a text field analysed for Chinese.
	cjkSuffix = "_cjk"
	// fieldFacets holds every facet value of a document as "field=value"
	// terms, so that a search counts all facets by visiting one field's doc
	// values per hit instead of one per facet field (see facets.go).
	fieldFacets = "_facets"
	// fieldIngestedKey holds ingested_at as a single prefix-coded term.
	// The datetime field ingested_at indexes 16 terms per value (for range
	// queries), all of which the date facet would visit per hit.
	fieldIngestedKey = "_ingested"
)

// FieldSpec describes one indexed field: the mapping as data.
type FieldSpec struct {
	Name     string // field path
	Kind     string // "text", "keyword", "number", "datetime", "stored"
	Analyzer string // for text fields
	Store    bool   // keep the value for highlighting or retrieval
	InAll    bool   // part of the default (_all) field that plain queries search
	Vectors  bool   // term vectors, needed for highlighting
}

// Fields is the index schema. Free-text fields come twice: once analysed
// as English, once (suffix _cjk) as Chinese; a document fills the variant
// of its language.
var Fields = []FieldSpec{
	{Name: "title", Kind: "text", Analyzer: en.AnalyzerName, Store: true, InAll: true, Vectors: true},
	{Name: "body", Kind: "text", Analyzer: en.AnalyzerName, Store: true, InAll: true, Vectors: true},
	{Name: "summary", Kind: "text", Analyzer: en.AnalyzerName, Store: true, InAll: true, Vectors: true},
	{Name: "title" + cjkSuffix, Kind: "text", Analyzer: cjk.AnalyzerName, Store: true, InAll: false, Vectors: true},
	{Name: "body" + cjkSuffix, Kind: "text", Analyzer: cjk.AnalyzerName, Store: true, InAll: false, Vectors: true},
	{Name: "summary" + cjkSuffix, Kind: "text", Analyzer: cjk.AnalyzerName, Store: true, InAll: false, Vectors: true},
	{Name: "keywords", Kind: "keyword", InAll: true},
	{Name: "filename", Kind: "keyword", InAll: true},
	{Name: "class", Kind: "keyword", InAll: true},
	{Name: "subtype", Kind: "keyword"},
	{Name: "language", Kind: "keyword"},
	{Name: "source", Kind: "keyword"},
	{Name: "content_type", Kind: "keyword"},
	{Name: "model", Kind: "keyword"},
	{Name: "model_version", Kind: "keyword"},
	{Name: "tier", Kind: "keyword"},
	{Name: "depth", Kind: "keyword"},
	{Name: "party", Kind: "keyword", InAll: true},
	{Name: "governing_law", Kind: "keyword", InAll: true},
	{Name: "citation", Kind: "keyword", InAll: true},
	{Name: "defined_term", Kind: "keyword"},
	{Name: "pages", Kind: "number"},
	{Name: "size", Kind: "number"},
	{Name: "confidence", Kind: "number"},
	{Name: "ingested_at", Kind: "datetime"},
	{Name: "processed_at", Kind: "datetime"},
	{Name: fieldResult, Kind: "stored"},
	{Name: fieldFacets, Kind: "keyword"},
	{Name: fieldIngestedKey, Kind: "keyword"},
}

// Mapping builds the Bleve index mapping from Fields.
func Mapping(opts Options) (*mapping.IndexMappingImpl, error) {
	doc := bleve.NewDocumentStaticMapping()
	for _, f := range Fields {
		doc.AddFieldMappingsAt(f.Name, fieldMapping(f))
	}
	im := bleve.NewIndexMapping()
	im.DefaultMapping = doc
	// Plain queries search _all; analysing them as English matches the
	// stemmed tokens of the English text fields.
	im.DefaultAnalyzer = en.AnalyzerName
	im.ScoringModel = opts.Scoring
	if err := im.Validate(); err != nil {
		return nil, err
	}
	return im, nil
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
