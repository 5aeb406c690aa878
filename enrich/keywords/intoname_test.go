package keywords

import (
	"slices"
	"testing"
)

// A window that runs from a clause into a name or a defined term ("hold
// harmless Company from") is no phrase, and "laws" of "governed by the
// laws of" says nothing of a contract: both were key phrases of most
// contracts. A name inside lower-case words ("hidden Markov model") stays.
func TestClauseIntoNameIsNoPhrase(t *testing.T) {
	text := "MASTER SERVICES AGREEMENT\n\nThis Agreement is entered into by Acme Holdings, Inc. (\"Company\") and Northwind Traders Ltd. (\"Counterparty\").\n\n" +
		"1. Indemnification. Counterparty shall indemnify and hold harmless Company from any claims. Counterparty shall hold harmless Company from any losses.\n\n" +
		"2. Governing Law. This Agreement shall be governed by the laws of England and Wales, and the laws of England apply to any dispute.\n\n" +
		"3. Fees. Company shall pay Counterparty the fees. Company shall pay Counterparty within thirty days.\n"
	for _, k := range Extract(text, Options{Top: 10, Language: "en"}) {
		switch k.Text {
		case "harmless Company", "laws", "law":
			t.Errorf("key phrase %q", k.Text)
		}
	}
	for _, c := range Candidates(text, "en") {
		if c.Text == "harmless Company" || c.Text == "indemnify and hold harmless Company" {
			t.Errorf("candidate %q", c.Text)
		}
	}
	hmm := "A hidden Markov model labels each word. The hidden Markov model is trained on tagged text. Each hidden Markov model state emits a word."
	found := false
	for _, k := range Extract(hmm, Options{Top: 10, Language: "en"}) {
		found = found || k.Text == "hidden Markov model"
	}
	if !found {
		t.Errorf("no \"hidden Markov model\" in %v", Extract(hmm, Options{Top: 10, Language: "en"}))
	}
}

// A firm's legal form in capitals after its name ("LLC") does not keep the
// name's two windows apart: "Blue River Logistics" and "River Logistics
// LLC" were both key phrases of the contract that names it twice.
func TestNameWithLegalFormMerges(t *testing.T) {
	text := "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Agreement is made between Blue River Logistics LLC, a corporation organized under the laws of New York (\"Company\"), " +
		"and Helios Biotech GmbH (\"Counterparty\").\n\n1. Confidential Information. Each party shall keep the Confidential Information of the other party confidential.\n\n" +
		"2. Term. This Agreement lasts two years.\n\nBlue River Logistics LLC                         Helios Biotech GmbH\nBy: ________                                     By: ________\n"
	var got []string
	for _, k := range Extract(text, Options{Top: 10, Language: "en"}) {
		got = append(got, k.Text)
		if k.Text == "River Logistics LLC" || k.Text == "Blue River Logistics" {
			t.Errorf("a window of the name: %q", k.Text)
		}
	}
	if !slices.Contains(got, "Blue River Logistics LLC") {
		t.Errorf("key phrases %q, want Blue River Logistics LLC", got)
	}
}

// "New" opens a place's name: a stop word elsewhere, it cut "New York" to
// "York" in a contract's governing-law clause.
func TestNewOpensAName(t *testing.T) {
	text := "SUPPLY AGREEMENT\n\nThis Agreement is governed by the laws of New York. The courts of New York have jurisdiction. " +
		"Any notice to the Supplier goes to its office in New York. A new supplier may be added with the Buyer's consent.\n"
	var got []string
	for _, k := range Extract(text, Options{Top: 10, Language: "en"}) {
		got = append(got, k.Text)
	}
	if slices.Contains(got, "York") || !slices.Contains(got, "New York") {
		t.Errorf("key phrases %q, want New York and no York", got)
	}
	if slices.Contains(got, "new supplier") {
		t.Errorf("key phrases %q: a lower-case new is no name", got)
	}
}
