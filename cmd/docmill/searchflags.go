package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/docmill/docmill/index"
)

// searchFilters are docmill search's and export's filter flags: the
// facets the web UI and the API filter by, each repeatable (several values
// of one facet are any of them, as in the UI), and the ingestion-date
// range.
type searchFilters struct {
	class, subtype, filter []string
	since, until, expires  *string
	facets                 *bool
}

// addSearchFilterFlags adds the filter flags to cmd, and --facets. The
// search command had only one --class: an analyst could not ask for
// contracts and regulations at once, nor narrow by sub-type, party,
// language or date as the UI does.
func addSearchFilterFlags(cmd *cobra.Command) *searchFilters {
	f := addFilterFlags(cmd)
	f.facets = cmd.Flags().Bool("facets", false, "print each facet's counts for the matches (class, sub-type, parties, ...)")
	return f
}

// addFilterFlags adds the filter flags to cmd: export selects what it
// writes as search does (it took one --class, and "--class contract
// --class other" failed with "flag already set").
func addFilterFlags(cmd *cobra.Command) *searchFilters {
	f := &searchFilters{}
	cmd.Flags().StringArrayVar(&f.class, "class", nil, "only this class (repeat for any of several: --class contract --class regulation)")
	cmd.Flags().StringArrayVar(&f.subtype, "subtype", nil, "only this sub-type, as the facets show it (contract/Non-Disclosure; repeatable)")
	cmd.Flags().StringArrayVar(&f.filter, "filter", nil, "FACET=VALUE, any facet the API filters by (party=\"Acme Corp.\", language=zh, keywords=...; repeatable: "+
		"values of one facet are any of them, different facets all apply)")
	f.since = cmd.Flags().String("since", "", "ingested since (YYYY-MM-DD, RFC 3339, or an age such as 7d)")
	f.until = cmd.Flags().String("until", "", "ingested until (same forms; a day is inclusive)")
	f.expires = cmd.Flags().String("expires", "", "only contracts expiring so: expired, \"within 30 days\", \"within 90 days\", \"within a year\", later")
	return f
}

// values are the filters as API parameters. A --filter that names no
// facet is refused here, with the facets it may name, rather than sent
// and refused by the server in its parameter terms.
func (f *searchFilters) values() (url.Values, error) {
	v := url.Values{}
	for _, c := range f.class {
		v.Add("class", c)
	}
	for _, s := range f.subtype {
		v.Add("subtype", s)
	}
	for _, kv := range f.filter {
		name, val, ok := strings.Cut(kv, "=")
		name = strings.TrimSpace(name)
		if !ok || !slices.Contains(index.FacetFields, name) {
			return nil, fmt.Errorf("--filter %q is not FACET=VALUE with a facet of: %s", kv, strings.Join(index.FacetFields, ", "))
		}
		v.Add(name, val)
	}
	for k, val := range map[string]string{"since": *f.since, "until": *f.until, "expires": *f.expires} {
		if val != "" {
			v.Set(k, val)
		}
	}
	return v, nil
}

// builtinClasses are the classes docmill's tiers give (README,
// classification). A custom model bundle may give others, which the
// index's class facet then names.
var builtinClasses = []string{"contract", "regulation", "log", "other"}

// checkClasses refuses a --class that neither docmill's tiers give nor
// any indexed document has, naming the classes there are: a misspelt
// class ("contrct") matched nothing, and search printed "0 documents" and
// exited 0 as if there were no such contracts. Classes compare in any
// case, as the API's filter does. The index is asked only for a class
// that is not built in, and a server that cannot list its classes leaves
// the search to say what it finds.
func (f *searchFilters) checkClasses(ctx context.Context, api apiFlags) error {
	known := slices.Clone(builtinClasses)
	var unknown []string
	for _, c := range f.class {
		if !slices.Contains(known, strings.ToLower(strings.TrimSpace(c))) {
			unknown = append(unknown, c)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	known = append(known, indexedClasses(ctx, api)...)
	for _, c := range unknown {
		if !slices.Contains(known, strings.ToLower(strings.TrimSpace(c))) {
			return fmt.Errorf("unknown class %q: the classes are %s", c, strings.Join(known, ", "))
		}
	}
	return nil
}

// indexedClasses are the classes of the server's indexed documents other
// than the built-in ones (a custom model's), in lower case; none when
// the server does not answer.
func indexedClasses(ctx context.Context, api apiFlags) []string {
	var out []string
	for _, t := range indexedTerms(ctx, api, "class") {
		if c := strings.ToLower(t); !slices.Contains(builtinClasses, c) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// indexedTerms are the values of facet the server's index holds, most
// documents first, as far as the facet lists them; none when the server
// does not answer.
func indexedTerms(ctx context.Context, api apiFlags, facet string) []string {
	body, err := api.call(ctx, http.MethodGet, "/api/search?size=0")
	if err != nil {
		return nil
	}
	var res index.Result
	if json.Unmarshal(body, &res) != nil {
		return nil
	}
	var out []string
	for _, t := range res.Facets[facet] {
		out = append(out, t.Term)
	}
	return out
}

// subtypeHint explains a search with a --subtype that found nothing when
// no indexed document has that sub-type (a sub-type is open-ended, so it
// is not refused as a class is): "contract/Non-Disclosur" printed
// "0 documents" like a real sub-type with no matches. It names the indexed
// sub-types of the same class, which is what the user meant to type.
func (f *searchFilters) subtypeHint(ctx context.Context, api apiFlags) string {
	if len(f.subtype) == 0 {
		return ""
	}
	indexed := indexedTerms(ctx, api, "subtype")
	var b strings.Builder
	for _, s := range f.subtype {
		if slices.ContainsFunc(indexed, func(t string) bool { return strings.EqualFold(t, strings.TrimSpace(s)) }) {
			continue
		}
		class, _, _ := strings.Cut(strings.TrimSpace(s), "/")
		var same []string
		for _, t := range indexed {
			if c, _, _ := strings.Cut(t, "/"); strings.EqualFold(c, class) {
				same = append(same, t)
			}
		}
		fmt.Fprintf(&b, "no indexed document has sub-type %q", s)
		if meant := subtypeMeant(indexed, s); len(meant) > 0 {
			fmt.Fprintf(&b, "; did you mean %s?", quoteAll(meant))
		} else if len(same) > 0 {
			fmt.Fprintf(&b, "; the indexed sub-types of %s include %s", class, strings.Join(same, ", "))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// subtypeMeant are the indexed sub-types that s names in another style:
// without its class ("Non-Disclosure"), or spelt as a result subject or
// another class's labels spell theirs ("contract/non_disclosure"). The
// labels come in mixed styles (contract/terms_of_service beside
// contract/Non-Disclosure), so a user guessing one from the other found
// nothing and was told only the class's list, or nothing without a class.
func subtypeMeant(indexed []string, s string) []string {
	want := subtypeKey(s)
	var out []string
	for _, t := range indexed {
		_, name, _ := strings.Cut(t, "/")
		if subtypeKey(t) == want || (!strings.Contains(s, "/") && subtypeKey(name) == want) {
			out = append(out, t)
		}
	}
	return out
}

// subtypeKey is a sub-type without case and with -, _ and spaces alike.
func subtypeKey(s string) string {
	return strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(strings.TrimSpace(s)))
}

// quoteAll is each of ss quoted, joined by " or ".
func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, " or ")
}

// printFacets writes one line per facet with values, in the order the UI
// lists them, each value with its count.
func printFacets(w io.Writer, facets map[string][]index.FacetTerm) {
	for _, name := range append(slices.Clone(index.FacetFields), "ingested_at", "expiration_date") {
		terms := facets[name]
		if len(terms) == 0 {
			continue
		}
		parts := make([]string, len(terms))
		for i, t := range terms {
			parts[i] = fmt.Sprintf("%s (%d)", shown(t.Term), t.Count)
		}
		fmt.Fprintf(w, "  %s: %s\n", name, strings.Join(parts, ", "))
	}
}
