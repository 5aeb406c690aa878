package summarize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/lang"
)

// plainRules are the wordy legal formulas that plain-language style guides
// cut or shorten (the US federal Plain Language Guidelines, the EU's "How
// to write clearly"): each says nothing a reader of a summary needs, and
// under a tight budget it takes the place of words that do.
var plainRules = []struct {
	cue  string // a word every match holds (lower case): most sentences need no regexp run
	re   *regexp.Regexp
	with string
}{
	{"limited", rx(`including,? but not limited to,?`), "including"},
	{"limitation", rx(`including,? without limitation,?`), "including"},
	{"limitation", rx(`,? without limitation,?`), ""},
	// only after "you": "Licensee agrees that it ..." would lose what "it" is
	{"you", rx(`you( hereby)? (acknowledge|agree|understand)( and (acknowledge|agree|understand))? that,?`), ""},
	{"please", rx(`please (note|be aware|be advised) that,?`), ""},
	{"discretion", rx(`,? (in|at) (our|its|their|his|her|the company's) (sole|absolute|sole and absolute|own) discretion,?`), ""},
	{"extent", rx(`,? to the (fullest |maximum )?extent (permitted|allowed|required|authorized) (by|under) (the )?(applicable )?laws?,?`), ""},
	{"foregoing", rx(`without limiting the (generality of the )?foregoing,?`), ""},
	{"notwithstanding", rx(`notwithstanding (anything to the contrary|the foregoing)( (in|herein) (this|these) \w+)?,?`), ""},
	{"avoidance", rx(`for the avoidance of doubt,?`), ""},
	{"time", rx(`,? from time to time,?`), ""},
	{"hereby", rx(`hereby `), ""},
	{"event", rx(`in the event that`), "if"},
	{"prior", rx(`prior to`), "before"},
	{"order", rx(`in order to`), "to"},
	{"pursuant", rx(`pursuant to`), "under"},
}

// rx compiles a rule case-blind, as whole words, with any run of white
// space (extracted PDFs and contracts keep double spaces) between words.
// A rule ending in ",?" also takes the comma after its last word, and one
// starting with ",? " the comma and space before its first ("We may, in
// our sole discretion, remove" loses both commas).
func rx(s string) *regexp.Regexp {
	before, after := `\b`, `\b`
	if strings.HasPrefix(s, ",? ") {
		before, s = `(?:^|,?\s+)`, strings.TrimPrefix(s, ",? ")
	}
	if strings.HasSuffix(s, ",?") {
		after, s = `\b,?`, strings.TrimSuffix(s, ",?")
	}
	return regexp.MustCompile(`(?i)` + before + strings.ReplaceAll(s, " ", `\s+`) + after)
}

// plainAll is Plain over the sentences of an English text (a copy; other
// languages are returned as they are).
func plainAll(sentences []string, language string) []string {
	if language == lang.Chinese {
		return sentences
	}
	out := make([]string, len(sentences))
	for i, s := range sentences {
		out[i] = Plain(s)
	}
	return out
}

// Plain shortens an English sentence by the formulas of plainRules,
// keeping the rest as written: the summary stays the document's words.
func Plain(s string) string {
	lower := strings.ToLower(s)
	out := s
	for _, r := range plainRules {
		if strings.Contains(lower, r.cue) {
			out = r.re.ReplaceAllString(out, r.with)
		}
	}
	if out == s {
		return s
	}
	out = strings.Join(strings.Fields(out), " ")
	out = strings.ReplaceAll(out, " ,", ",")
	out = strings.ReplaceAll(out, " .", ".")
	out = strings.TrimLeft(out, ", ")
	// a sentence whose opening was cut starts with a capital as before
	if first, _ := utf8.DecodeRuneInString(strings.TrimSpace(s)); unicode.IsUpper(first) {
		if r, n := utf8.DecodeRuneInString(out); unicode.IsLower(r) {
			out = string(unicode.ToUpper(r)) + out[n:]
		}
	}
	return out
}
