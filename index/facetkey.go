package index

import (
	"regexp"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/docmill/docmill/lang"
)

// Party and governing-law values are written as each contract writes them:
// "DELAWARE" in a clause in capitals, "Delaware" elsewhere, "Acme Corp."
// and "ACME CORP" for one company. Faceted as written they were separate
// values, and filtering by one missed the others. Indexes created with
// FacetKeyAnalyzer on those fields index the value's FacetKey instead, and
// their _facets terms carry the key and the spelling to show (see
// facetTermsOf and mergeSpellings).

// FacetKeyAnalyzer indexes a whole value as its FacetKey, one term.
const FacetKeyAnalyzer = "docmill_facet_key"

// facetKeyFilterName is the token filter of FacetKeyAnalyzer.
const facetKeyFilterName = "docmill_facet_key"

// facetKeyAnalyzerConfig is FacetKeyAnalyzer as Bleve custom-analyser
// config: the single tokenizer keeps the value whole, as the keyword
// analyser of the other keyword fields does.
var facetKeyAnalyzerConfig = keyAnalyzerConfig(facetKeyFilterName)

// keyAnalyzerConfig is a custom analyser that keeps a value whole and
// replaces it by its key (the token filter named filter).
func keyAnalyzerConfig(filter string) map[string]interface{} {
	return map[string]interface{}{"type": custom.Name, "tokenizer": single.Name, "token_filters": []interface{}{filter}}
}

// foldedFields are the keyword fields that FacetKeyAnalyzer indexes in
// indexes created since it exists (see Index.folded): sources since
// 2026-11-30 session 29, sub-types since 2026-11-30, party and governing
// law before.
var foldedFields = map[string]bool{"party": true, "governing_law": true, "subtype": true, "keywords": true, "source": true}

// facetKeys are the key functions of an index's folded fields; a field
// without one holds its values as written.
type facetKeys map[string]func(string) string

// keyOfAnalyzer gives the folding each facet-key analyzer applies, so an
// index opened later folds a filter's value as its terms were folded
// (indexes created by older releases keep their older keys).
var keyOfAnalyzer = map[string]func(string) string{
	FacetKeyAnalyzer:    FacetKey,
	PartyKeyAnalyzer:    PartyKey,
	partyKey5Analyzer:   partyKey5,
	partyKey4Analyzer:   partyKey4,
	partyKey3Analyzer:   partyKey3,
	partyKey2Analyzer:   partyKey2,
	partyKey1Analyzer:   partyKey1,
	LawKeyAnalyzer:      LawKey,
	lawKey1Analyzer:     lawKey1,
	KeywordKeyAnalyzer:  KeywordKey,
	keywordKey2Analyzer: keywordKey2,
	keywordKey1Analyzer: keywordKey1,
}

// FoldsFacet reports whether values of the facet field are grouped and
// filtered by FacetKey (in an index created since that was introduced).
func FoldsFacet(field string) bool { return foldedFields[field] }

// SameFacetValue reports whether a and b are one value of the facet field:
// equal, or of one FacetKey in a field that FoldsFacet.
func SameFacetValue(field, a, b string) bool {
	return a == b || (foldedFields[field] && keyOf(field)(a) == keyOf(field)(b))
}

// keyOf is the key a field's values are folded to in an index made with
// this release's mapping.
func keyOf(field string) func(string) string {
	switch field {
	case "party":
		return PartyKey
	case "keywords":
		return KeywordKey
	case "governing_law":
		return LawKey
	}
	return FacetKey
}

// FacetKey is the form under which a party or governing-law value (and a
// source, a sub-type) is grouped and matched: lang.FoldKey, so "ACME
// CORP." and "Acme Corp" are "acme corp".
func FacetKey(s string) string { return lang.FoldKey(s) }

// PartyKeyAnalyzer indexes a party's name as its PartyKey, one term
// (indexes created since 2026-12-01 session 33; partyKey5Analyzer, which
// keeps apostrophes as written, since session 32; partyKey4Analyzer, which
// keeps a Chinese company's legal form, since session 31 that day;
// partyKey3Analyzer, which keeps accents, earlier that day; partyKey2Analyzer, which keeps the
// spaces between initials, since 2026-11-30 late; partyKey1Analyzer, which
// does not fold Chinese, the day before; FacetKeyAnalyzer before that).
const PartyKeyAnalyzer = "docmill_party_key_6"

const partyKeyFilterName = "docmill_party_key_6"

var partyKeyAnalyzerConfig = keyAnalyzerConfig(partyKeyFilterName)

// partyKey5Analyzer is PartyKeyAnalyzer as indexes created in session 32
// of 2026-12-01 know it; its filter keeps folding as it did there.
const partyKey5Analyzer = "docmill_party_key_5"

const partyKey5FilterName = "docmill_party_key_5"

// partyKey4Analyzer is PartyKeyAnalyzer as indexes created in session 31
// of 2026-12-01 know it; its filter keeps folding as it did there.
const partyKey4Analyzer = "docmill_party_key_4"

const partyKey4FilterName = "docmill_party_key_4"

// partyKey3Analyzer is PartyKeyAnalyzer as indexes created on 2026-12-01
// before session 31 know it; its filter keeps folding as it did there.
const partyKey3Analyzer = "docmill_party_key_3"

const partyKey3FilterName = "docmill_party_key_3"

// partyKey2Analyzer is PartyKeyAnalyzer as indexes created from 2026-11-30
// late to 2026-12-01 know it; its filter keeps folding as it did there.
const partyKey2Analyzer = "docmill_party_key_2"

const partyKey2FilterName = "docmill_party_key_2"

// partyKey1Analyzer is PartyKeyAnalyzer as indexes created on 2026-11-30
// know it; its filter keeps folding as it did there.
const partyKey1Analyzer = "docmill_party_key"

const partyKey1FilterName = "docmill_party_key"

// LawKeyAnalyzer indexes a governing-law value as its LawKey (indexes
// created since 2026-12-01 session 31; lawKey1Analyzer, which keeps
// accents, since 2026-11-30 late; FacetKeyAnalyzer before).
const LawKeyAnalyzer = "docmill_law_key_2"

const lawKeyFilterName = "docmill_law_key_2"

var lawKeyAnalyzerConfig = keyAnalyzerConfig(lawKeyFilterName)

// lawKey1Analyzer is LawKeyAnalyzer as indexes created from 2026-11-30
// late to 2026-12-01 session 31 know it.
const lawKey1Analyzer = "docmill_law_key"

const lawKey1FilterName = "docmill_law_key"

// LawKey is lawKey1 without accents: "Québec" and "Quebec" are one
// governing law, as search finds them.
func LawKey(s string) string { return withoutAccents(lawKey1(s)) }

// lawKey1 is the FacetKey of a governing law in simplified Chinese
// characters: 中華民國 and 中华民国 are one value, as search finds them.
func lawKey1(s string) string {
	s, _ = lang.Simplified(s)
	return FacetKey(s)
}

// PartyKey is partyKey5 without apostrophes: "D'Angelo Ltd", "D’Angelo
// Ltd" (a word processor's apostrophe) and "DAngelo Ltd" are one party,
// "dangelo".
func PartyKey(s string) string { return partyKey5(apostropheReplacer.Replace(s)) }

// apostropheReplacer drops the apostrophes of apostropheRunes.
var apostropheReplacer = strings.NewReplacer("'", "", "’", "", "ʼ", "", "＇", "")

// partyKey5 is partyKey4 without a Chinese company's legal form, as
// partyKey1 drops "Inc." and "Ltd.": 北京华信科技有限公司 and 北京华信科技 are
// one party.
func partyKey5(s string) string {
	k := partyKey4(s)
	if rest := zhLegalFormRe.ReplaceAllString(k, ""); rest != "" {
		return rest
	}
	return k
}

// zhLegalFormRe is the legal form that ends a Chinese company's name (in
// simplified characters, as partyKey2 writes them).
var zhLegalFormRe = regexp.MustCompile(`(?:股份有限公司|有限责任公司|有限公司|股份公司)$`)

// partyKey4 is partyKey3 without accents: "Société Générale" and "Societe
// Generale" are one party, as search finds them.
func partyKey4(s string) string { return withoutAccents(partyKey3(s)) }

// partyKey3 is partyKey2 with initials written together: "A. B. WATLEY"
// and "A.B. Watley" are one party, "a.b. watley".
func partyKey3(s string) string {
	k := partyKey2(s)
	for {
		j := spacedInitialsRe.ReplaceAllString(k, "$1$2.$3.")
		if j == k {
			return k
		}
		k = j
	}
}

// spacedInitialsRe is two initials with a space between them ("a. b.").
var spacedInitialsRe = regexp.MustCompile(`(^|[\s.])(\pL)\.\s+(\pL)\.`)

// partyKey2 is partyKey1 of the name in simplified Chinese characters:
// 張偉 and 张伟 are one party.
func partyKey2(s string) string {
	s, _ = lang.Simplified(s)
	return partyKey1(s)
}

// partyKey1 is the FacetKey of a company's name without its legal form and
// a leading "the": "CENTRACK INTERNATIONAL, INC.", "Centrack International"
// and "Centrack International Inc" are one party, "centrack international".
// A name that is nothing but a legal form ("Limited") keeps it.
func partyKey1(s string) string {
	// "Co.,Ltd." is two legal forms
	k := FacetKey(strings.ReplaceAll(s, ",", ", "))
	if rest, ok := strings.CutPrefix(k, "the "); ok && rest != "" {
		k = rest
	}
	for {
		i := strings.LastIndexByte(k, ' ')
		if i < 0 || !legalForms[strings.ReplaceAll(k[i+1:], ".", "")] {
			return k
		}
		k = strings.TrimRight(k[:i], " .,;:&")
		if rest, ok := strings.CutSuffix(k, " and"); ok && rest != "" {
			k = rest // "Acme GmbH & Co. KG", "Smith and Co."
		}
	}
}

// KeywordKeyAnalyzer indexes a key phrase as its KeywordKey, one term
// (indexes created since 2026-11-30 session 25; keywordKey2Analyzer, which
// does not fold Chinese, since the evening before; keywordKey1Analyzer,
// regular plurals only, the day before; before that key phrases were
// lower-cased only).
const KeywordKeyAnalyzer = "docmill_keyword_key_3"

const keywordKeyFilterName = "docmill_keyword_key_3"

var keywordKeyAnalyzerConfig = keyAnalyzerConfig(keywordKeyFilterName)

// keywordKey2Analyzer is KeywordKeyAnalyzer as indexes created before
// 2026-11-30 session 25 know it: 租賃 and 租赁 two values.
const keywordKey2Analyzer = "docmill_keyword_key_2"

const keywordKey2FilterName = "docmill_keyword_key_2"

// keywordKey1Analyzer is KeywordKeyAnalyzer as indexes created on
// 2026-11-30 know it; its filter keeps folding as it did there, so that a
// filter finds what such an index holds.
const keywordKey1Analyzer = "docmill_keyword_key"

const keywordKey1FilterName = "docmill_keyword_key"

// KeywordKey is the FacetKey of a key phrase with its last word in the
// singular: "Products", "product" and "PRODUCT" are one key phrase,
// "member states" and "Member State" another, "analyses" and "analysis" a
// third. Regular English plurals are folded ("policies", "services",
// "damages"; not "business", "status"), and the Latin and Greek ones legal
// and technical texts use ("analyses", "hypotheses", "indices",
// "criteria"); Chinese is folded to simplified characters (租賃 is 租赁).
func KeywordKey(s string) string {
	s, _ = lang.Simplified(s)
	return keywordKey2(s)
}

// keywordKey2 is KeywordKey as indexes created before 2026-11-30 session
// 25 folded: Chinese as written.
func keywordKey2(s string) string {
	k := FacetKey(s)
	i := strings.LastIndexByte(k, ' ') + 1
	w := k[i:]
	if one, ok := irregularPlurals[w]; ok {
		w = one
	} else if stem, ok := strings.CutSuffix(w, "yses"); ok {
		w = stem + "ysis" // analyses, paralyses
	} else if stem, ok := strings.CutSuffix(w, "theses"); ok {
		w = stem + "thesis" // hypotheses, parentheses, syntheses
	}
	return k[:i] + singular(w)
}

// keywordKey1 is KeywordKey as indexes created on 2026-11-30 folded:
// regular plurals only.
func keywordKey1(s string) string {
	k := FacetKey(s)
	i := strings.LastIndexByte(k, ' ') + 1
	return k[:i] + singular(k[i:])
}

// irregularPlurals are plurals no suffix rule folds without breaking
// regular words ("indices" but "services", "crises" but "premises").
var irregularPlurals = map[string]string{
	"indices": "index", "appendices": "appendix", "matrices": "matrix", "vertices": "vertex",
	"criteria": "criterion", "phenomena": "phenomenon", "crises": "crisis", "diagnoses": "diagnosis",
	"prognoses": "prognosis", "synopses": "synopsis", "bases": "basis", "curricula": "curriculum",
	"memoranda": "memorandum", "addenda": "addendum", "corrigenda": "corrigendum", "errata": "erratum",
	"media": "medium", "strata": "stratum", "children": "child", "men": "man", "women": "woman",
	"feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
}

// singular is the form a word and its plural share: the plural's "s" or
// "es" goes, and then a closing "e" and an "ie" that the singular may or
// may not write ("cookies" and "cookie" are both "cooky", "caches" and
// "cache" "cach", "policies" and "policy" "policy"). It is a key, never
// shown.
func singular(w string) string {
	if len(w) < 4 || !isASCIIWord(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ses") && (strings.HasSuffix(w[:len(w)-2], "us") || strings.HasSuffix(w[:len(w)-2], "ss")):
		w = w[:len(w)-2] // "bonuses", "statuses"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"), strings.HasSuffix(w, "ics"), strings.HasSuffix(w, "news"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "ie"):
		return w[:len(w)-2] + "y"
	case strings.HasSuffix(w, "e") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// legalForms are the company-form words a party's name may end with, as
// written without points ("l.l.c." is "llc").
var legalForms = map[string]bool{}

func init() {
	for _, f := range strings.Fields(`inc incorporated corp corporation co company cos llc ltd limited plc lp llp
		lllp pllc pc gmbh ag kg se sa sas sarl srl spa bv nv pte pty kk oy oyj ab asa`) {
		legalForms[f] = true
	}
}

// keyFilter replaces each token by its key (FacetKey or PartyKey) and
// drops those that leave nothing (a value of punctuation only).
type keyFilter func(string) string

func (key keyFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		if k := key(string(tok.Term)); k != "" {
			tok.Term = []byte(k)
			out = append(out, tok)
		}
	}
	return out
}

func init() {
	for name, key := range map[string]func(string) string{facetKeyFilterName: FacetKey, partyKeyFilterName: PartyKey, partyKey5FilterName: partyKey5, partyKey4FilterName: partyKey4, partyKey3FilterName: partyKey3, partyKey2FilterName: partyKey2, partyKey1FilterName: partyKey1,
		lawKeyFilterName: LawKey, lawKey1FilterName: lawKey1, keywordKeyFilterName: KeywordKey, keywordKey2FilterName: keywordKey2, keywordKey1FilterName: keywordKey1} {
		err := registry.RegisterTokenFilter(name, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return keyFilter(key), nil
		})
		if err != nil {
			panic(err)
		}
	}
}
