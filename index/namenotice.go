package index

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
)

// nameFields are the fields whose value is a whole name, matched as one
// key: "party:Stark" is no part of "Stark Industries, Inc.".
var nameFields = []string{"party", "governing_law"}

// nameNotice says how to find the names that begin with a value that no
// name is in full ("party:Stark" for "Stark Industries, Inc."), which
// matched nothing and said only "0 documents"; "" when every such value
// is a name the index holds, or begins none. q is the rewritten query;
// a must-not clause is left alone.
func (ix *Index) nameNotice(q query.Query) string {
	var notes []string
	walkQuery(q, false, func(q query.Query) {
		field, value := nameClause(q)
		key := ix.nameKey(field, value)
		// one word: a prefix query takes no space, and a longer name
		// typed in part ("Stark Ind") is beyond what a notice can count
		if key == "" || strings.ContainsAny(value, " \t") || len(ix.heldTerms(field, []string{key})) > 0 {
			return
		}
		if n := len(ix.prefixTerms(field, key)); n > 0 {
			verb := "begin"
			if n == 1 {
				verb = "begins"
			}
			notes = append(notes, fmt.Sprintf("no %s is %q as a whole name; %s:%s* finds the %s that %s so",
				strings.ReplaceAll(field, "_", " "), value, field, value, plural(n, field), verb))
		}
	})
	return strings.Join(notes, " ")
}

// nameClause is the field and value of a name field's clause (a match,
// a phrase or a term); "" for any other clause.
func nameClause(q query.Query) (string, string) { return fieldClause(q, nameFields) }

// fieldClause is the field and value of a clause on one of fields (a
// match, a phrase or a term); "" for any other clause.
func fieldClause(q query.Query, fields []string) (string, string) {
	var field, value string
	switch t := q.(type) {
	case *query.MatchQuery:
		field, value = t.FieldVal, t.Match
	case *query.MatchPhraseQuery:
		field, value = t.FieldVal, t.MatchPhrase
	case *query.TermQuery:
		field, value = t.FieldVal, t.Term
	default:
		return "", ""
	}
	for _, f := range fields {
		if f == field && strings.TrimSpace(value) != "" {
			return field, strings.TrimSpace(value)
		}
	}
	return "", ""
}

// nameKey is value as the index keys field's names ("Stark" is "stark"),
// "" for no name field.
func (ix *Index) nameKey(field, value string) string {
	if field == "" {
		return ""
	}
	if key := ix.keys[field]; key != nil {
		return key(value)
	}
	return strings.ToLower(value)
}

// plural is "1 party", "2 parties", "1 governing law" and so on, for the
// names of field.
func plural(n int, field string) string {
	name := strings.ReplaceAll(field, "_", " ")
	if n == 1 {
		return "1 " + name
	}
	if field == "party" {
		return fmt.Sprintf("%d parties", n)
	}
	return fmt.Sprintf("%d %ss", n, name)
}
