package entities

import (
	"slices"
	"testing"
)

// A term that begins on an event the contract does not date ("the
// Go-Live Date") has that event as its effective date, with no value,
// and no expiration counted from another day: the register's effective
// date was empty or the whole sentence, and its expiration the agreement
// date plus the term, a day the contract never names.
func TestTermStartsOnAnEvent(t *testing.T) {
	const made = "IMPLEMENTATION AGREEMENT\n\nThis Agreement is made on 12 March 2026 between Northwind Cloud Inc. (\"Provider\") and Contoso Retail Ltd (\"Customer\").\n\n"
	for _, clause := range []string{
		"2. Term. The Term begins on the Go-Live Date and continues for thirty-six (36) months.",
		"2. Term. The term of this Agreement shall commence on the Go-Live Date and shall continue for a period of two (2) years.",
	} {
		ents := Extract(made+clause+"\n", "en")
		var eff []string
		for _, e := range ents {
			if e.Kind == KindEffectiveDate {
				eff = append(eff, e.Text+"="+e.Value)
			}
		}
		if !slices.Equal(eff, []string{"Go-Live Date="}) {
			t.Errorf("%.40q: effective dates %q, want [Go-Live Date=] (the event, no day)", clause, eff)
		}
		for _, v := range valuesOf(ents, KindExpirationDate) {
			if v != "" {
				t.Errorf("%.40q: expiration %q counted from a day the contract does not name", clause, v)
			}
		}
	}
}

// "the date given at the beginning of this Agreement" is the preamble's
// date, as "the date first written above" is: the effective date had no
// value, and the Commencement Date the term runs from took its place.
func TestEffectiveOnTheDateAtTheBeginning(t *testing.T) {
	text := "SUPPLY AGREEMENT\n\nThis Agreement is made on 19 May 2010 between Alder Labs LLC (\"Buyer\") and Birch Components Inc. (\"Supplier\").\n\n" +
		"2.1 This Agreement shall come into force on the date given at the beginning of this Agreement.\n" +
		"3.1 This Agreement shall commence on the Commencement Date and shall continue for a term of ten (10) years.\n"
	ents := Extract(text, "en")
	if got := valuesOf(ents, KindEffectiveDate); !slices.Equal(got, []string{"2010-05-19"}) {
		t.Errorf("effective dates %q, want [2010-05-19]", got)
	}
	if got := valuesOf(ents, KindExpirationDate); !slices.Equal(got, []string{"2020-05-19"}) {
		t.Errorf("expirations %q, want [2020-05-19]", got)
	}
}

// An agreement made "as of the date first written above (the "Effective
// Date")" is effective on the date its heading gives: it had no
// effective date, the definition naming no day of its own.
func TestEffectiveDefinedAsTheDateAbove(t *testing.T) {
	text := "CONSULTING AGREEMENT\nDated: 4 May 2026\n\nThis Consulting Agreement is entered into as of the date first written above (the \"Effective Date\") " +
		"between Acme Corp. (\"Client\") and Jane Smith (\"Consultant\").\n\n1. Services. Consultant shall provide advisory services.\n"
	if got := valuesOf(Extract(text, "en"), KindEffectiveDate); !slices.Equal(got, []string{"2026-05-04"}) {
		t.Errorf("effective dates %q, want [2026-05-04]", got)
	}
}
