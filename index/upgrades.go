package index

import (
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
)

// Upgrades lists what `docmill index rebuild` would bring this index:
// what the mapping learned since the index was created, and the scoring
// model the options ask for when the index was created with another. An
// index keeps its mapping (Bleve stores it), so without a rebuild these
// never arrive; docmill says so at start and on /healthz. Empty for an
// index made with this release's mapping and the options' scoring.
func (ix *Index) Upgrades() []string {
	var out []string
	m, _ := ix.mappingImpl()
	if m != nil && ix.opts.Scoring != "" && scoringOf(m) != ix.opts.Scoring {
		out = append(out, fmt.Sprintf("%s scoring, as index.scoring asks (the index scores with %s)", ix.opts.Scoring, scoringOf(m)))
	}
	if ix.legacyCJK {
		out = append(out, "one analyser for every language (Chinese text is in separate fields, found only by queries with Chinese in them)")
	}
	if !ix.combinedFacets {
		out = append(out, "facets counted from one field (they are counted field by field)")
	}
	if ix.keys["party"] == nil {
		out = append(out, "party and governing-law facets folded (ACME CORP. and Acme Corp are two values)")
	}
	if ix.keys["keywords"] == nil {
		out = append(out, "key phrases folded: any case, singular and plural one facet value (product and products are two, shown in lower case)")
	}
	if ix.keys["keywords"] != nil && !ix.irregularPlurals {
		out = append(out, "key phrases with a Latin or Greek plural folded too (analyses and analysis are two values)")
	}
	if ix.irregularPlurals && !ix.chineseKeywords {
		out = append(out, "key phrases matched in traditional or simplified Chinese (keywords:租賃 does not find 租赁)")
	}
	if !ix.partyForms {
		out = append(out, "parties matched without their legal form (Centrack International, Inc. and Centrack International are two values)")
	}
	if ix.partyForms && !ix.chineseKeys {
		out = append(out, "parties and governing law matched in traditional or simplified Chinese (party:張偉 does not find 张伟)")
	}
	if ix.chineseKeys && !ix.partyInitials {
		out = append(out, "parties whose initials are spaced or not matched as one (A. B. Watley and A.B. Watley are two values)")
	}
	if ix.partyInitials && !ix.accentKeys {
		out = append(out, "parties and governing law matched without accents (governing_law:Quebec does not find Québec)")
	}
	if ix.accentKeys && !ix.zhPartyForms {
		out = append(out, "Chinese parties matched without their legal form (party=北京华信科技 does not find 北京华信科技有限公司)")
	}
	if ix.zhPartyForms && !ix.partyApostrophes {
		out = append(out, "parties matched with or without an apostrophe (party:\"D’Angelo Ltd\" does not find D'Angelo Ltd)")
	}
	if ix.keys["source"] == nil {
		out = append(out, "sources matched in any case (source:Folder does not find folder)")
	}
	if ix.keys["subtype"] == nil {
		out = append(out, "sub-types matched in any case (subtype:contract/hosting does not find contract/Hosting)")
	}
	if m != nil && m.FieldMappingForPath(fieldHost).Type == "" {
		out = append(out, "sub-domains found by their domain (example.com finds docs.example.com)")
	}
	if m != nil && m.FieldMappingForPath("amount").Type == "" {
		out = append(out, "amounts and currencies searchable (amount:>=1000000 currency:USD)")
	}
	if !ix.bodyMore {
		out = append(out, "the rest of a long text in its own field, indexed with far less memory")
	}
	if m != nil && !slices.Contains(tokenFilters(m), TruncateName) {
		out = append(out, fmt.Sprintf("words cut to %d characters when indexed (one enormous word, a 30 MB blob without a space, held gigabytes of memory)", MaxTermRunes))
	}
	if m != nil && !slices.Contains(tokenFilters(m), BigramGapsName) {
		out = append(out, `phrases that keep the place of stop words (the phrase "governing law" finds "governing the lawfulness")`)
	}
	switch {
	case m == nil:
	case slices.Contains(tokenFilters(m), dottedParts1Name):
		out = append(out, "the parts of words joined by a colon found on their own (mallory in user:mallory)")
	case !slices.Contains(tokenFilters(m), DottedPartsName):
		out = append(out, "the parts of dotted names found on their own (IOException in java.io.IOException, apache in docs.apache.org)")
	}
	if m != nil && !slices.Contains(tokenFilters(m), ApostrophesName) {
		out = append(out, "words with an apostrophe found however it is written (D’Angelo, dangelo and Angelo do not find D'Angelo)")
	}
	if m != nil && !slices.Contains(tokenFilters(m), StopName) && !slices.Contains(tokenFilters(m), StopName2) {
		out = append(out, `single letters searchable (the "a" of "Section 2.3(a)" is a stop word)`)
	}
	if m != nil && !slices.Contains(tokenFilters(m), FoldAccentsName) {
		out = append(out, "words found with or without accents (Quebec does not find Québec)")
	}
	if m != nil && !slices.Contains(tokenFilters(m), StopName2) {
		out = append(out, `compound words with a particle found whole (a search for "set-off" finds every "set")`)
	}
	if m != nil && m.FieldMappingForPath(fieldFilenameWords).Type == "" {
		out = append(out, "file names found by plain queries (only filename: finds them)")
	}
	if m != nil && m.FieldMappingForPath("keywords").IncludeInAll {
		out = append(out, "key phrases, class and entity values out of the text plain queries search (they matched no query word, only lengthened each text)")
	}
	if m != nil && (m.FieldMappingForPath("expiration_date").Type == "" || m.FieldMappingForPath(fieldExpiryKey).Type == "") {
		out = append(out, "contract dates searched by range (expiration_date:<2027-03-01) and counted by when contracts expire")
	}
	if m != nil && m.FieldMappingForPath("compliance_date").Type == "" {
		out = append(out, "rules' compliance dates searched by range (compliance_date:<2027-01-01)")
	}
	if m != nil && m.ScoringModel == ScoringBM25 && !ix.lengthStats {
		out = append(out, "true average field lengths for BM25 (Bleve's own are far too short for long texts)")
	}
	return out
}

// scoringOf is the scoring model of mapping m; Bleve's default, TF-IDF,
// when it names none.
func scoringOf(m *mapping.IndexMappingImpl) string {
	if m.ScoringModel == "" {
		return ScoringTFIDF
	}
	return m.ScoringModel
}

// mappingImpl is the index's stored mapping.
func (ix *Index) mappingImpl() (*mapping.IndexMappingImpl, bool) {
	ix.rw.RLock()
	defer ix.rw.RUnlock()
	m, ok := ix.bi.Mapping().(*mapping.IndexMappingImpl)
	return m, ok
}

// tokenFilters are the token filters of TextAnalyzer in mapping m.
func tokenFilters(m *mapping.IndexMappingImpl) []string {
	a, ok := m.CustomAnalysis.Analyzers[TextAnalyzer]
	if !ok {
		return nil
	}
	fs, _ := a["token_filters"].([]interface{})
	var out []string
	for _, f := range fs {
		if s, ok := f.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
