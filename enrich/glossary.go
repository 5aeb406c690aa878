package enrich

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// glossaryEntryRe is a line of a glossary as the parser writes one: a term
// and its definition, "Term: definition" from a <dl> or a paragraph,
// "Term | definition" from a two-column table's row.
var glossaryEntryRe = regexp.MustCompile(`^\s*([\p{L}\p{N}][^:：|]{0,59}?)\s*(?:[:：]\s*|\s+\|\s+)(\S.*)$`)

const (
	// minGlossaryTerms is how many entries make a glossary: a contract's
	// or a form's few "Field: value" lines do not.
	minGlossaryTerms = 8
	// glossaryShare is the share of a text's lines its entries must be: a
	// policy with a definitions section is a policy.
	glossaryShare = 0.6
	// glossaryNamed is how many terms the lead names.
	glossaryNamed = 5
	// minDefinitionWords is a definition's least length, in words (Han
	// characters count a word each in two): "Name: Jane Smith" and
	// "Invoice Date: 28 February 2025" are a form's fields.
	minDefinitionWords = 4
	// maxTermWords bounds a term: a longer head is a sentence's clause.
	maxTermWords = 6
)

// glossaryLead is the sentence that says a text is a glossary and names
// its first terms ("Glossary of 42 terms: Access, Accession, Appraisal,
// Archive, Audit, …"), "" when the text is no glossary. An extractive
// summary of a glossary was a run of its first definitions, or one stray
// sentence, and never said what the page was.
func glossaryLead(text, language string) string {
	var terms []string
	lines := 0
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		lines++
		if term, ok := glossaryEntry(line); ok {
			terms = append(terms, term)
		}
	}
	// the title, an introduction and a table's header are not entries
	if len(terms) < minGlossaryTerms || float64(len(terms)) < glossaryShare*float64(lines-3) {
		return ""
	}
	named := terms[:min(len(terms), glossaryNamed)]
	n, rest := strconv.Itoa(len(terms)), len(terms)-len(named)
	if language == "zh" {
		more := ""
		if rest > 0 {
			more = "等"
		}
		return "术语表，共" + n + "条：" + strings.Join(named, "、") + more + "。"
	}
	more := ""
	if rest > 0 {
		more = " and " + strconv.Itoa(rest) + " more"
	}
	return "Glossary of " + n + " terms: " + strings.Join(named, ", ") + more + "."
}

// glossaryEntry returns the term of a line that is a glossary's entry.
func glossaryEntry(line string) (string, bool) {
	m := glossaryEntryRe.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	term, def := strings.TrimSpace(m[1]), m[2]
	if len(strings.Fields(term)) > maxTermWords || strings.ContainsAny(term, ".;!?。") {
		return "", false
	}
	if strings.Contains(def, " | ") {
		return "", false // a wider table's row
	}
	return term, definitionWords(def) >= minDefinitionWords
}

// definitionWords counts a definition's words, two Han characters for one.
func definitionWords(def string) int {
	han := 0
	for _, r := range def {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han > 0 && han*2 >= utf8.RuneCountInString(def) {
		return han / 2
	}
	return len(strings.Fields(def))
}

// glossaryDefinitions writes a table row's entry among sentences as the
// <dl>'s reads, "Term: definition": "Appraisal | The process of ..." was
// the summary's, its cell separator and all.
func glossaryDefinitions(sentences []string) []string {
	out := make([]string, len(sentences))
	for i, s := range sentences {
		out[i] = s
		if term, ok := glossaryEntry(s); ok && strings.HasPrefix(strings.TrimSpace(s), term+" | ") {
			out[i] = strings.Replace(s, term+" | ", term+": ", 1)
		}
	}
	return out
}

// rowSentences writes a two-column table's row whose second cell is a
// sentence as "Label: sentence", as a glossary's entries read: a
// summary sentence "Payment | Invoices are payable within 30 days." kept
// the table's cell separator. A row whose cell closes no sentence
// ("Hosting | USD 250 per month") is left with its separator, which marks
// it as no sentence to the summariser.
func rowSentences(sentences []string) []string {
	out := make([]string, len(sentences))
	for i, s := range sentences {
		out[i] = s
		last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
		if !strings.ContainsRune(".!?。！？", last) {
			continue
		}
		if term, ok := glossaryEntry(s); ok && strings.HasPrefix(strings.TrimSpace(s), term+" | ") {
			out[i] = strings.Replace(s, term+" | ", term+": ", 1)
		}
	}
	return out
}

// bulletRe is the bullet the parser writes before a list's item, indented
// two spaces a level: "- ", "  - ".
var bulletRe = regexp.MustCompile(`^\s*[-•]\s+`)

// withoutBullets drops the bullet before a list item's sentence: a
// summary read "... second quarter. - Invoices older than seven years
// were destroyed." A numbered item keeps its number, which a clause is
// cited by.
func withoutBullets(sentences []string) []string {
	out := make([]string, len(sentences))
	for i, s := range sentences {
		out[i] = s
		if loc := bulletRe.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			out[i] = s[loc[1]:]
		}
	}
	return out
}
