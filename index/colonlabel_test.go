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
