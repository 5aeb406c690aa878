package index

import (
	"fmt"
	"sort"
	"strings"
)

// fieldNotice names the field a query most likely meant where it wrote a
// name that is no field but close to one ("parties:Acme", "clas:contract",
// "governing-law:Delaware"): plainColon searches such a term as words,
// which no text holds, and the bare "0 documents" read as "no Acme
// contracts". "" when every name is a field or far from one ("Note:",
// "user:mallory", "Re:"), which are text.
func fieldNotice(q string) string {
	var fixes []string
	for _, t := range queryTerms(closeQuote(foldWidth(q))) {
		core := strings.TrimLeft(t, "+-(")
		i := strings.IndexByte(core, ':')
		// a name with nothing after its colon ("Parties: Acme Corp.") is
		// a label pasted with its text, searched as words
		if i <= 0 || i == len(core)-1 || strings.HasPrefix(core, `"`) || strings.HasSuffix(core[:i], `\`) {
			continue
		}
		name := core[:i]
		if _, ok := queryFields[strings.ToLower(name)]; ok {
			continue
		}
		if f := nearField(name); f != "" && fits(f, core[i+1:]) {
			meant := f + ":" + strings.TrimRight(core[i+1:], ")")
			fixes = append(fixes, fmt.Sprintf("%q names no field, so it was searched as text; did you mean %s?", name+":", meant))
		}
	}
	return strings.Join(fixes, " ")
}

// fits reports whether value could be searched in field: a date's or a
// number's field takes a digit or a comparison, so that a pasted
// "Agreement: the services" is text, not a mistyped agreement_date.
func fits(field, value string) bool {
	for _, f := range Fields {
		if f.Name == field && (f.Kind == "datetime" || f.Kind == "number") {
			return strings.IndexAny(strings.TrimLeft(value, `"(`), "0123456789<>=") == 0
		}
	}
	return true
}

// suggestedFields are the fields fieldNotice may propose: those the UI's
// query help names, not the index's inner ones (body_more, filename_words).
var suggestedFields = func() []string {
	var out []string
	for name := range queryFields {
		switch name {
		case "_all", fieldBodyMore, fieldFilenameWords, fieldHost:
			continue
		}
		out = append(out, name)
	}
	sort.Strings(out) // a stable choice between fields equally near
	return out
}()

// nearField is the field name typed as name: the same but for case, a
// hyphen or space for its underscore, or a plural ("parties", "keyword");
// its first part of four letters or more ("expiration", "lang"); or within
// one edit (two for a name of six letters or more: "langauge"). "" for
// none, so that words ending in a colon stay text.
func nearField(name string) string {
	n := strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(name))
	for _, f := range suggestedFields {
		if n == f || singular(n) == singular(f) {
			return f
		}
	}
	for _, f := range suggestedFields {
		if len(n) >= 4 && strings.HasPrefix(f, n) {
			return f
		}
	}
	limit := 1
	if len(n) >= 6 {
		limit = 2
	}
	for _, f := range suggestedFields {
		if len(n) >= 4 && editDistance(n, f) <= limit {
			return f
		}
	}
	return ""
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), so
// that "langauge" is two edits from "language".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
