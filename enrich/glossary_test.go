package enrich

import (
	"fmt"
	"strings"
	"testing"
)

// A glossary, from a <dl> ("Term: definition") or a two-column table
// ("Term | definition"), English or Chinese, is summarised as one: its
// size and first terms, then its definitions. A policy with a definitions
// section, a form's fields and a contract are no glossary.
func TestGlossaryLead(t *testing.T) {
	terms := []string{"Active record", "Appraisal", "Archive", "Classification scheme", "Disposal", "Inactive record", "Legal hold", "Metadata", "Record", "Vital record"}
	var dl, table, zh strings.Builder
	dl.WriteString("Records Management Glossary\n\nThis glossary explains the terms of our records policies.\n\n")
	table.WriteString("Glossary of records terms\n\nTerm | Definition\n")
	zh.WriteString("档案管理术语表\n\n")
	for i, term := range terms {
		fmt.Fprintf(&dl, "%s: the records practice number %d that the policy defines for all staff.\n", term, i)
		fmt.Fprintf(&table, "%s | the records practice number %d that the policy defines for all staff.\n", term, i)
		fmt.Fprintf(&zh, "术语%d：本制度规定的第%d项档案管理工作的具体要求和范围。\n", i, i)
	}
	policy := "Records Retention Policy\n\n" + strings.Repeat("Staff keep records for as long as the schedule says and no longer than that.\n", 12) +
		"Record: information kept as evidence of business activity.\nDisposal: the destruction or transfer of records at the end of retention.\n"
	form := "Leave Request\n\nName: Jane Smith\nDepartment: Records\nStart date: 1 May 2025\nEnd date: 9 May 2025\nDays: 7\nManager: Tom Jones\nReason: Annual leave\nCover: Ann Lee\nApproved: Yes\n"
	for _, c := range []struct{ name, text, language, want string }{
		{"dl", dl.String(), "en", "Glossary of 10 terms: Active record, Appraisal, Archive, Classification scheme, Disposal and 5 more."},
		{"table", table.String(), "en", "Glossary of 10 terms: Active record, Appraisal, Archive, Classification scheme, Disposal and 5 more."},
		{"zh", zh.String(), "zh", "术语表，共10条：术语0、术语1、术语2、术语3、术语4等。"},
		{"policy", policy, "en", ""},
		{"form", form, "en", ""},
	} {
		if got := glossaryLead(c.text, c.language); got != c.want {
			t.Errorf("%s: lead %q, want %q", c.name, got, c.want)
		}
	}
	a, err := NewFree(FreeOptions{}).Analyze(t.Context(), parsedText(dl.String()), Request{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Summary, "Glossary of 10 terms: Active record, ") || !strings.Contains(a.Summary, "the records practice number") {
		t.Errorf("summary %q", a.Summary)
	}
}

// A glossary table's entries read in its summary as a <dl>'s do,
// "Term: definition", not with the table's cell separator.
func TestGlossaryTableSummary(t *testing.T) {
	var table strings.Builder
	table.WriteString("Glossary of records terms\n\nTerm | Definition\n")
	for _, term := range []string{"Active record", "Appraisal", "Archive", "Classification scheme", "Disposal", "Inactive record", "Legal hold", "Metadata", "Record", "Vital record"} {
		fmt.Fprintf(&table, "%s | the practice for %s that the records policy defines for all staff.\n", term, strings.ToLower(term))
	}
	a, err := NewFree(FreeOptions{}).Analyze(t.Context(), parsedText(table.String()), Request{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Summary, " | ") || !strings.Contains(a.Summary, ": the practice for ") {
		t.Errorf("summary %q", a.Summary)
	}
}

// A table's row whose second cell is a sentence reads in a summary as a
// glossary's entry does, "Label: sentence": "Payment | Invoices are
// payable ..." kept the table's cell separator, which no sentence holds.
// A row of values (a price list's) stays out of the summary.
func TestTableRowSummary(t *testing.T) {
	text := "Service catalogue 2026\n\nService | Price | Term\nHosting | USD 250 per month | 12 months\nBackup | USD 90 per month | 12 months\n\n" +
		"Payment | Invoices are payable within 30 days of the invoice date.\n" +
		"Renewal | Each service renews for the same term unless cancelled in writing.\n" +
		"Cancellation | Either party may cancel on 60 days' notice.\n"
	a, err := NewFree(FreeOptions{}).Analyze(t.Context(), parsedText(text), Request{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Summary, " | ") || !strings.Contains(a.Summary, "Payment: Invoices are payable within 30 days") {
		t.Errorf("summary %q", a.Summary)
	}
}

// A list item's sentence is summarised without the bullet the parser
// writes before it ("- ", "  - " a level down): a summary read "...
// quarter. - Invoices older than seven years were destroyed."
func TestBulletedSentenceSummary(t *testing.T) {
	text := "The Records Management team reviewed the retention schedule for all departmental shared drives during the second quarter.\n\n" +
		"The review covered the following stores:\n\n- Paper files held in the basement archive\n\n" +
		"  - Invoices older than seven years were destroyed by the records manager.\n\n- Shared drives\n\n" +
		"Each department confirmed its record owners and the periods that apply to its records.\n"
	a, err := NewFree(FreeOptions{}).Analyze(t.Context(), parsedText(text), Request{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Summary, "- ") || !strings.Contains(a.Summary, "Invoices older than seven years") {
		t.Errorf("summary %q", a.Summary)
	}
}
