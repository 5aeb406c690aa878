package main

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// docmill search narrows as the UI's facets do: --class and --subtype
// repeat (any of the values), --filter takes any facet, --since an
// ingestion date, and --facets prints the counts of what matched. The
// command took one --class and nothing else.
func TestSearchCommandFilters(t *testing.T) {
	s := startServe(t)
	files := map[string]string{
		"msa.txt": "MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement is made as of March 3, 2025 between Acme Corp. and Beta LLC.\n\n" +
			"Provider shall indemnify Client against third-party claims.\nThis Agreement shall be governed by the laws of the State of New York.\n",
		"nda.txt": "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Agreement is made as of May 1, 2024 between Initech Inc. and Globex LLC.\n\n" +
			"The Recipient shall keep the \"Confidential Information\" secret and indemnify the discloser.\nThis Agreement shall be governed by the laws of Delaware.\n",
		"memo.txt": "Memo: ask legal whether the supplier will indemnify us before Friday.\n",
	}
	ingestFiles(t, s, files)
	search := func(args ...string) string {
		t.Helper()
		out, _, err := execute(searchCmd(), append([]string{"--server", s.HTTPURL(), "indemnify"}, args...)...)
		if err != nil {
			t.Fatalf("search %q: %v", args, err)
		}
		return out
	}
	if out := search(); !strings.HasPrefix(out, "3 documents") {
		t.Fatalf("unfiltered: want 3 documents:\n%s", out)
	}
	if out := search("--class", "contract", "--class", "other"); !strings.HasPrefix(out, "3 documents") {
		t.Errorf("--class contract --class other: want all 3 (any of them):\n%s", out)
	}
	out := search("--class", "contract", "--facets")
	if !strings.HasPrefix(out, "2 documents") || strings.Contains(out, "memo.txt") || !strings.Contains(out, "class: contract (2)") {
		t.Errorf("--class contract --facets: want the 2 contracts and their count:\n%s", out)
	}
	if out := search("--filter", "party=Acme Corp."); !strings.HasPrefix(out, "1 document") || !strings.Contains(out, "msa.txt") {
		t.Errorf("--filter party=Acme Corp.: want the MSA alone:\n%s", out)
	}
	if out := search("--since", "1d"); !strings.HasPrefix(out, "3 documents") {
		t.Errorf("--since 1d: want all 3, ingested just now:\n%s", out)
	}
	if out := search("--until", "2000-01-01"); !strings.HasPrefix(out, "0 documents") && !strings.HasPrefix(out, "no document") {
		t.Errorf("--until 2000-01-01: want none:\n%s", out)
	}
	if _, _, err := execute(searchCmd(), "--server", s.HTTPURL(), "--filter", "partie=Acme", "x"); err == nil || !strings.Contains(err.Error(), "party") {
		t.Errorf("--filter with no facet: %v, want an error naming the facets", err)
	}
}

// A hit whose title matched shows the text's passage below it: the CLI
// printed the first fragment only, skipped it as the title, and so showed
// no line of the document.
func TestSearchCommandShowsTextPassageAfterTitle(t *testing.T) {
	s := startServe(t)
	text := "Data Breach Response Policy\n\n1. Purpose. This policy describes how the company responds to a personal data breach.\n" +
		"2. Notification. The Data Protection Officer shall notify the supervisory authority within 72 hours.\n"
	ingestFiles(t, s, map[string]string{"policy.txt": text})
	out, _, err := execute(searchCmd(), "--server", s.HTTPURL(), "breach")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "personal data breach") {
		t.Errorf("want the policy's passage with its match below the hit:\n%s", out)
	}
}

// A misspelt --class is refused with the classes there are: it matched
// nothing, and search printed "0 documents" and exited 0. A class no
// document has yet (regulation) and one in another case still search.
func TestSearchCommandRefusesUnknownClass(t *testing.T) {
	s := startServe(t)
	ingestFiles(t, s, map[string]string{"memo.txt": "Memo: ask legal whether the supplier will indemnify us before Friday.\n"})
	_, _, err := execute(searchCmd(), "--server", s.HTTPURL(), "--class", "contrct", "indemnify")
	if err == nil || !strings.Contains(err.Error(), `"contrct"`) || !strings.Contains(err.Error(), "contract, regulation, log, other") {
		t.Errorf("--class contrct: %v, want an error naming it and the classes", err)
	}
	if _, _, err := execute(exportCmd(), "--server", s.HTTPURL(), "--class", "contrct", "-o", t.TempDir()+"/x.jsonl"); err == nil {
		t.Error("export --class contrct: no error, want the same refusal")
	}
	for _, c := range []string{"regulation", "OTHER"} {
		if _, _, err := execute(searchCmd(), "--server", s.HTTPURL(), "--class", c, "indemnify"); err != nil {
			t.Errorf("--class %s: %v, want a search", c, err)
		}
	}
}

// A --subtype no indexed document has finds nothing and says so, naming
// the indexed sub-types of its class; a sub-type that is indexed but
// matches nothing says nothing more.
func TestSearchCommandNamesIndexedSubtypes(t *testing.T) {
	s := startServe(t)
	ingestFiles(t, s, map[string]string{"nda.txt": "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Mutual Non-Disclosure Agreement is entered into between Acme Corp. and Beta LLC. " +
		"Each party shall keep the other party's Confidential Information confidential and shall not disclose it to any third party.\n"})
	_, errOut, err := execute(searchCmd(), "--server", s.HTTPURL(), "--facets", "confidential")
	if err != nil {
		t.Fatal(err)
	}
	server, token := s.HTTPURL(), ""
	sub := indexedTerms(context.Background(), apiFlags{server: &server, token: &token}, "subtype")
	if len(sub) == 0 || !strings.HasPrefix(sub[0], "contract/") {
		t.Fatalf("indexed sub-types %v, want the NDA's contract sub-type (stderr %q)", sub, errOut)
	}
	_, errOut, err = execute(searchCmd(), "--server", s.HTTPURL(), "--subtype", sub[0]+"x", "confidential")
	if err != nil || !strings.Contains(errOut, "no indexed document has sub-type") || !strings.Contains(errOut, sub[0]) {
		t.Errorf("a misspelt sub-type: err %v, stderr %q, want it to name %s", err, errOut, sub[0])
	}
	_, errOut, err = execute(searchCmd(), "--server", s.HTTPURL(), "--subtype", sub[0], "zebra")
	if err != nil || errOut != "" {
		t.Errorf("an indexed sub-type with no match: err %v, stderr %q, want nothing more", err, errOut)
	}
}

// A sub-type given without its class, or in another style (the result
// subject's non-disclosure, non_disclosure for Non-Disclosure), names the
// indexed sub-type it means: the hint looked only at sub-types of the
// class before the slash, and a bare "Non-Disclosure" had none.
func TestSearchCommandSuggestsSubtypeInAnotherStyle(t *testing.T) {
	s := startServe(t)
	ingestFiles(t, s, map[string]string{"nda.txt": "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Mutual Non-Disclosure Agreement is entered into between Acme Corp. and Beta LLC. " +
		"Each party shall keep the other party's Confidential Information confidential and shall not disclose it to any third party.\n"})
	server, token := s.HTTPURL(), ""
	sub := indexedTerms(context.Background(), apiFlags{server: &server, token: &token}, "subtype")
	if len(sub) == 0 || !strings.Contains(sub[0], "/") {
		t.Fatalf("indexed sub-types %v, want the NDA's contract sub-type", sub)
	}
	_, name, _ := strings.Cut(sub[0], "/")
	for _, typed := range []string{name, strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(name))} {
		_, errOut, err := execute(searchCmd(), "--server", s.HTTPURL(), "--subtype", typed, "confidential")
		if err != nil || !strings.Contains(errOut, "did you mean "+strconv.Quote(sub[0])) {
			t.Errorf("--subtype %s: err %v, stderr %q, want it to suggest %s", typed, err, errOut, sub[0])
		}
	}
}

// docmill search says when it lists fewer hits than matched, and pages
// with --from: "3 documents" above two hits left the third unseen, with no
// word of how to get it.
func TestSearchCommandPages(t *testing.T) {
	s := startServe(t)
	ingestFiles(t, s, map[string]string{
		"a.txt": "Provider shall indemnify Client against claims of infringement.\n",
		"b.txt": "The Recipient shall indemnify the discloser for any breach.\n",
		"c.txt": "Memo: ask legal whether the supplier will indemnify us.\n",
	})
	hits := func(out string) int { return strings.Count(out, "\n  ") - strings.Count(out, "\n        ") }
	out, errOut, err := execute(searchCmd(), "--server", s.HTTPURL(), "--size", "2", "indemnify")
	if err != nil || hits(out) != 2 || !strings.Contains(errOut, "1-2 of 3") || !strings.Contains(errOut, "--from 2") {
		t.Errorf("--size 2: %v, want 2 hits and a hint to page:\n%s\nstderr: %s", err, out, errOut)
	}
	out, errOut, err = execute(searchCmd(), "--server", s.HTTPURL(), "--size", "2", "--from", "2", "indemnify")
	if err != nil || hits(out) != 1 || strings.Contains(errOut, "--from") {
		t.Errorf("--from 2: %v, want the third hit alone and no hint:\n%s\nstderr: %s", err, out, errOut)
	}
}

// search --help and export --help say what several words mean (any of
// them, or all with + or AND), how OR and NOT are written, and phrases:
// neither said, and "lease Delaware" could be read either way.
func TestSearchHelpSaysQuerySyntax(t *testing.T) {
	for _, cmd := range []*cobra.Command{searchCmd(), exportCmd()} {
		var out strings.Builder
		cmd.SetOut(&out)
		cmd.SetArgs([]string{"--help"})
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"documents with ANY of the words", "+lease +Delaware", "lease AND Delaware", "lease OR tenancy", "lease NOT Delaware", `"material breach"`, "class:contract"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s --help lacks %q:\n%s", cmd.Name(), want, out.String())
			}
		}
	}
}
