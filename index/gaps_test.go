package index

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// A phrase finds its words next to each other, not across a stop word the
// index left out; Chinese phrases and mixed text are found as before.
func TestPhraseKeepsStopWordGaps(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	docs := []*document.Result{
		sample("gdpr", "Article 6", "Processing shall be lawful only if the conditions governing the lawfulness of processing are met.", "regulation", "en"),
		sample("terms", "Terms", "This Agreement and its governing law shall be Delaware.", "contract", "en"),
		sample("zh", "合同", "本合同适用中华人民共和国法律，争议提交仲裁委员会。", "contract", "zh"),
		sample("mixed", "Mixed", "The 甲方 party pays the rent under the governing law.", "contract", "en"),
	}
	if err := ix.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		`"governing law"`:            {"mixed", "terms"},
		`"governing the lawfulness"`: {"gdpr"},
		`"conditions governing"`:     {"gdpr"},
		`"中华人民共和国法律"`:                {"zh"},
		`"甲方 party pays"`:            {"mixed"},
	} {
		if got := sortedHitIDs(t, ix, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	if slices.ContainsFunc(ix.Upgrades(), func(s string) bool { return strings.Contains(s, "stop words") }) {
		t.Errorf("a new index lists the phrase upgrade: %q", ix.Upgrades())
	}
}

// TestStopOnlyQueryNotice: a query of stop words only ("and/or") matches
// nothing, as the index does not hold them; the result says why instead
// of a bare zero, and no other query gets the notice.
func TestStopOnlyQueryNotice(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	doc := sample("nda", "NDA", "Notices shall be given in writing and/or electronically.", "contract", "en")
	if err := ix.Put(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q      string
		total  uint64
		notice string // a part of the notice, "" for none
	}{
		{"and/or", 0, "(and, or)"},
		{`"and/or"`, 0, "(and, or)"},
		{"the", 0, "(the)"},
		{"he/she OR the", 0, "(he, she, the)"},
		{"writing", 1, ""},
		{`"in writing and/or electronically"`, 1, ""},
		{"class:contract", 1, ""},
		{"and/or electronically", 1, ""},
		// operators alone: every document, as the empty query, before
		{"AND OR NOT", 0, "operators only"},
		{"NOT", 0, "operators only"},
		{"writing AND NOT faxed", 1, ""},
	} {
		res, err := ix.Search(context.Background(), Query{Q: c.q})
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		if res.Total != c.total {
			t.Errorf("%s: %d hits, want %d", c.q, res.Total, c.total)
		}
		if c.notice == "" && res.Notice != "" || !strings.Contains(res.Notice, c.notice) {
			t.Errorf("%s: notice %q, want one with %q", c.q, res.Notice, c.notice)
		}
	}
}

// TestMistypedFieldNotice: a field name typed slightly wrong ("parties:",
// "clas:", "governing-law:") is no field, so the query searched its words
// as text and answered a bare "0 documents", which reads as "no Acme
// contracts". The result names the field it most likely meant; a colon
// in text ("Note:", "user:mallory", "Re:") gets no notice.
func TestMistypedFieldNotice(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	doc := sample("msa", "Master Services Agreement", "Acme Corp. pays the fee. Note: user:mallory signed.", "contract", "en")
	doc.Entities = append(doc.Entities, document.Entity{Kind: "party", Text: "Acme Corp."})
	if err := ix.Put(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q      string
		notice string // a part of the notice, "" for none
	}{
		{"parties:Acme", "party:Acme"},
		{`Parties:"Acme Corp."`, `party:"Acme Corp."`},
		{"clas:contract", "class:contract"},
		{"+class:contract -clas:log", "class:log"},
		{"governing-law:Delaware", "governing_law:Delaware"},
		{"expiration:2027", "expiration_date:2027"},
		{"langauge:en", "language:en"},
		{"keyword:fee", "keywords:fee"},
		{"party:Acme", ""},
		{"Note: fee", ""},
		{"user:mallory", ""},
		{"Re: fee", ""},
		{"Parties: Acme Corp.", ""},
		{`"parties:Acme"`, ""},
		{"fee", ""},
		{"Agreement: the services", ""},
		{"effective:>=2024-01", "effective_date:>=2024-01"},
	} {
		res, err := ix.Search(context.Background(), Query{Q: c.q})
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		if c.notice == "" && res.Notice != "" || !strings.Contains(res.Notice, c.notice) {
			t.Errorf("%s: notice %q, want one with %q", c.q, res.Notice, c.notice)
		}
	}
}

// TestPartyNameNotice: a party's field matches its whole name, so
// "party:Stark" found nothing for "Stark Industries, Inc." and said only
// "0 documents". The result says how to find the parties whose name
// begins so; a whole name, a prefix query or a name none begins with gets
// no notice.
func TestPartyNameNotice(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	doc := sample("msa", "Master Services Agreement", "Stark Industries, Inc. and Wayne Enterprises LLC agree.", "contract", "en")
	doc.Entities = []document.Entity{{Kind: "party", Text: "Stark Industries, Inc."}, {Kind: "party", Text: "Wayne Enterprises LLC"}, {Kind: "governing_law", Text: "the laws of the State of New York", Value: "New York"}}
	if err := ix.Put(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q      string
		notice string // a part of the notice, "" for none
	}{
		{"party:Stark", "party:stark* finds the 1 party that begins so"},
		{"+class:contract +party:wayne", "party:wayne*"},
		{"governing_law:New", "governing_law:new*"},
		{`party:"Stark Industries"`, ""},
		{"party:stark*", ""},
		{"party:Hooli", ""},
		{`party:"Stark Ind"`, ""},
		{"-party:Stark", ""},
	} {
		res, err := ix.Search(context.Background(), Query{Q: c.q})
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		if c.notice == "" && res.Notice != "" || !strings.Contains(res.Notice, c.notice) {
			t.Errorf("%s: notice %q, want one with %q", c.q, res.Notice, c.notice)
		}
	}
	res, err := ix.Search(context.Background(), Query{Q: "party:Stark*"})
	if err != nil || res.Total != 1 {
		t.Errorf("party:Stark*: %v %v, want the contract", res, err)
	}
}

// TestMisspeltWordNotice: a word typed with a letter wrong
// ("indemnfication") matched nothing and the page said only "No documents
// match". The result says that the fuzzy query finds documents, and how
// to type it; a query that matches, or whose fuzzy form finds nothing
// either, gets no notice.
func TestMisspeltWordNotice(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	doc := sample("msa", "Master Services Agreement", "Provider shall indemnify Customer. Indemnification survives termination.", "contract", "en")
	if err := ix.Put(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q      string
		notice string // a part of the notice, "" for none
	}{
		{"indemnfication", "indemnfication~1 finds 1 document"},
		{"indemnfication terminaton", "indemnfication~1 terminaton~1 finds 1 document"},
		{"indemnification", ""},
		{"zzzzqqqq", ""},
		{"class:contrct", `no document's class is "contrct"; the class values held are contract`}, // no fuzzy form: the values held
		{`"indemnfication survives"`, ""},
	} {
		res, err := ix.Search(context.Background(), Query{Q: c.q})
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		if c.notice == "" && res.Notice != "" || !strings.Contains(res.Notice, c.notice) {
			t.Errorf("%s: notice %q, want one with %q", c.q, res.Notice, c.notice)
		}
	}
}
