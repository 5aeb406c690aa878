package index

import (
	"context"
	"slices"
	"testing"

	"github.com/docmill/docmill/document"
)

// A label typed against its value ("from:sarah.chen@contoso.com",
// "subject:termination") that names no field finds the text that writes
// the label and value apart, as an e-mail's header lines are indexed
// ("From: sarah.chen@contoso.com"), and still the text that writes them
// joined ("user:mallory"). The first found nothing, with no notice.
func TestColonLabelFindsSpacedText(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	docs := []*document.Result{
		sample("mail", "Termination notice", "Dear John, we give notice. From: sarah.chen@contoso.com To: john.miller@northwind.com Subject: Termination notice under the Supply Agreement", "other", "en"),
		sample("log", "auth.log", "2024-05-13 10:00:01 INFO login user:mallory from 10.0.0.1", "log", "en"),
	}
	if err := ix.PutBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"from:sarah.chen@contoso.com":  {"mail"},
		"to:john.miller@northwind.com": {"mail"},
		"subject:termination":          {"mail"},
		"Subject:Termination notice":   {"mail"},
		"user:mallory":                 {"log"},
		"+user:mallory":                {"log"},
		"-from:sarah.chen@contoso.com": {"log"},
		"from:nobody@contoso.com":      {},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}

// "&&" and "||" between words are AND and OR, as other search engines
// take them; "&&" was dropped and "indemnify && Delaware" found the
// documents with either word. Inside quotes they are text.
func TestSymbolOperators(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	docs := []*document.Result{
		sample("both", "MSA", "The Supplier shall indemnify the Customer. Governed by the laws of Delaware.", "contract", "en"),
		sample("one", "NDA", "The Recipient shall indemnify the Discloser.", "contract", "en"),
		sample("other", "Lease", "Governed by the laws of Delaware.", "contract", "en"),
	}
	if err := ix.PutBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"indemnify && Delaware":             {"both"},
		"indemnify || Delaware":             {"both", "one", "other"},
		"(indemnify && Recipient) || Lease": {"one", "other"},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	for in, want := range map[string]string{
		`a && b`:        `a AND b`,
		`"a && b" || c`: `"a && b" OR c`,
		`a&&b`:          `a&&b`,
		`a \&& b`:       `a \&& b`,
	} {
		if got := symbolOperators(in); got != want {
			t.Errorf("symbolOperators(%q) = %q, want %q", in, got, want)
		}
	}
}
