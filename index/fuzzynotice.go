package index

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// plainWordRe is a word typed with no query syntax: letters, with an
// apostrophe or hyphen inside.
var plainWordRe = regexp.MustCompile(`^\p{Latin}+(?:['’-]\p{Latin}+)*$`)

// maxFuzzyNoticeWords bounds the queries fuzzyNotice retries: a
// misspelt term is a word or a few, and each fuzzy word costs a
// dictionary walk.
const maxFuzzyNoticeWords = 4

// fuzzyNotice is the notice for a plain query of a few words that matched
// nothing ("indemnfication"): how many documents its fuzzy form finds
// (each word of five letters or more within one edit, as "word~1"
// searches), and that form to type. The page said only "No documents
// match", where a letter typed wrong was the likeliest reason. "" when
// the query has syntax, or its fuzzy form finds nothing either.
func (ix *Index) fuzzyNotice(ctx context.Context, q Query) string {
	words := strings.Fields(q.Q)
	if len(words) == 0 || len(words) > maxFuzzyNoticeWords {
		return ""
	}
	fuzzy := make([]string, len(words))
	loosened := false
	for i, w := range words {
		if !plainWordRe.MatchString(w) || w == "AND" || w == "OR" || w == "NOT" {
			return ""
		}
		fuzzy[i] = w
		if utf8.RuneCountInString(w) >= 5 {
			fuzzy[i], loosened = w+"~1", true
		}
	}
	if !loosened {
		return ""
	}
	fq := q
	fq.Q, fq.Size, fq.From, fq.Facets, fq.NoHighlight = strings.Join(fuzzy, " "), -1, 0, -1, true
	res, err := ix.Search(ctx, fq)
	if err != nil || res.Total == 0 {
		return ""
	}
	docs := "documents"
	if res.Total == 1 {
		docs = "document"
	}
	return fmt.Sprintf("no document holds %q as typed; %s finds %d %s (words one letter off)", q.Q, fq.Q, res.Total, docs)
}
