package summarize

import (
	"strings"
	"testing"
)

func TestPlain(t *testing.T) {
	for in, want := range map[string]string{
		"You agree that we may terminate your account.":                                      "We may terminate your account.",
		"you hereby acknowledge and agree that the app is provided as is":                    "the app is provided as is",
		"all records (including, without limitation,  copies of records)":                    "all records (including copies of records)",
		"fees, including but not limited to taxes":                                           "fees, including taxes",
		"EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY": "EXPRESS OR IMPLIED, INCLUDING THE WARRANTIES OF MERCHANTABILITY",
		"PRIOR TO DELIVERY THE SELLER BEARS THE RISK.":                                       "BEFORE DELIVERY THE SELLER BEARS THE RISK.",
		"all rights, without limitation, to use the marks":                                   "all rights to use the marks",
		"Licensor hereby grants to Licensee a licence.":                                      "Licensor grants to Licensee a licence.",
		"In the event that payment is late, prior to suspension we will notify you.":         "If payment is late, before suspension we will notify you.",
		"Without limiting the generality of the foregoing, you must not copy the software.":  "You must not copy the software.",
		"For the avoidance of doubt, fees are due monthly.":                                  "Fees are due monthly.",
		"The Supplier shall deliver the goods.":                                              "The Supplier shall deliver the goods.",
		"It is stated, the Application is the sole property of Client.":                      "The Application is the sole property of Client.",
		"It is hereby agreed by the parties that the fee is fixed.":                          "The fee is fixed.",
		"It is understood that nothing here grants a license.":                               "Nothing here grants a license.",
		"It is stated in Exhibit A that fees are due.":                                       "It is stated in Exhibit A that fees are due.",
		"3.2.4. EIT commits to monitor the Servers.":                                         "EIT commits to monitor the Servers.",
		"12. The Supplier shall deliver the goods.":                                          "The Supplier shall deliver the goods.",
		// a list item's letter or roman numeral (QA qa-pdf2)
		"i. Each Sub-processor must be bound by data protection obligations.": "Each Sub-processor must be bound by data protection obligations.",
		"b. The Supplier shall deliver the goods.":                            "The Supplier shall deliver the goods.",
		"(c) Member States shall assist.":                                     "(c) Member States shall assist.",
		"a. upon thirty days notice":                                          "a. upon thirty days notice",
		"I. Introduction":                                                     "I. Introduction",
		// an FCA Handbook rule's type after its number (QA qa-regs3)
		"6.1.1 R A firm must establish adequate policies.":                                   "A firm must establish adequate policies.",
		"6.1.1A G A firm should consider its business.":                                      "A firm should consider its business.",
		"6.3.8 R A firm must allocate to a director.":                                        "A firm must allocate to a director.",
		"6.1 E Corp shall pay the fees.":                                                     "E Corp shall pay the fees.",
		"6.1.2 Every firm must keep records.":                                                "Every firm must keep records.",
		"21. applicable law and jurisdiction":                                                "21. applicable law and jurisdiction",
		"made this 26t h day of May, 2017, at the 8t h Floor on the 1s t day":                "made this 26th day of May, 2017, at the 8th Floor on the 1st day",
		"The fee is 2 s t units, paid on 3 March.":                                           "The fee is 2 s t units, paid on 3 March.",
		"The Services (as defined below) start on the Effective Date (as set forth herein).": "The Services start on the Effective Date.",
		"Licensee agrees that it will pay.":                                                  "Licensee agrees that it will pay.", // "it" keeps its referent
		// a footnote's marker refers to a note the summary does not carry
		"The agreement binds Acme Corp. and Beta LLC.[1] Fees are fixed.[12]": "The agreement binds Acme Corp. and Beta LLC. Fees are fixed.",
		"Items [1] to [3] of the schedule apply.":                             "Items [1] to [3] of the schedule apply.",
		"If you agree that the terms apply, sign below.":                      "If you agree that the terms apply, sign below.",
		// openers that tie a sentence to the one before, or date nothing
		"In addition, we collect your device's model.":                                      "We collect your device's model.",
		"Moreover we may share it.":                                                         "We may share it.",
		"At this time we do not respond to Do Not Track signals.":                           "We do not respond to Do Not Track signals.",
		"In addition to log data, we collect your device's model.":                          "In addition to log data, we collect your device's model.",
		"Further information is in Annex II.":                                               "Further information is in Annex II.",
		"Also included are the fees.":                                                       "Also included are the fees.",
		"By accessing or using our Services, you agree to follow the Community Guidelines.": "You agree to follow the Community Guidelines.",
		"by visiting or using the service you agree that the laws of California govern":     "you agree that the laws of California govern",
		"By using the search box, you can find a document.":                                 "By using the search box, you can find a document.",
		"By using our Services, the Company agrees to nothing.":                             "By using our Services, the Company agrees to nothing.",
		// formulas that qualify what a clause means stay
		"We may, in our sole discretion, remove content.":                                                   "We may, in our sole discretion, remove content.",
		"To the extent permitted by applicable law, we disclaim all warranties.":                            "To the extent permitted by applicable law, we disclaim all warranties.",
		"Notwithstanding anything to the contrary contained in this Agreement, either party may terminate.": "Notwithstanding anything to the contrary contained in this Agreement, either party may terminate.",
		// cut mid-clause these lost their grammar
		"Recipient shall not reverse engineer the software, except to the extent permitted by law.": "Recipient shall not reverse engineer the software, except to the extent permitted by law.",
		"MPL may expand the Pipeline at any time or from time to time.":                             "MPL may expand the Pipeline at any time or from time to time.",
		"which approval shall be in its sole discretion.":                                           "which approval shall be in its sole discretion.",
		"For the avoidance of doubt, and without limiting the foregoing, the Party shall settle.":   "For the avoidance of doubt, and without limiting the foregoing, the Party shall settle.",
		`The term "including" shall mean "including, without limitation."`:                          `The term "including" shall mean "including, without limitation."`,
	} {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}

// The budget is spent on what the sentence says: the same sentence, once
// plain, fits more of its content.
func TestSummaryIsPlain(t *testing.T) {
	sentences := []string{
		"You acknowledge and agree that the provider may suspend the service, including but not limited to for non-payment.",
		"The provider keeps backups for thirty days.",
	}
	got := Summarize(sentences, Options{MaxChars: 80, Language: "en"})
	if strings.Contains(got, "agree that") || !strings.Contains(got, "suspend the service") {
		t.Errorf("summary %q", got)
	}
	if got := Summarize([]string{"甲方应在本合同签订后十日内支付租金。"}, Options{MaxChars: 80, Language: "zh"}); got != "甲方应在本合同签订后十日内支付租金。" {
		t.Errorf("Chinese summary %q", got)
	}
}

// A party's role in a contract's preamble stays with its name: the
// clauses a summary picks after it say "the Supplier", and dropping
// every label left the reader not knowing who that was. Labels that
// name the agreement, the parties together or a shorter form of the
// name still go, and so does every label outside a preamble.
func TestPlainKeepsPartyRolesInPreamble(t *testing.T) {
	for in, want := range map[string]string{
		`This Supply Agreement (the "Agreement") is made on 1 May 2024 between Acme Software, Inc. ("Acme") and Beta LLC (the "Customer") (each a "Party" and together the "Parties").`: `This Supply Agreement is made on 1 May 2024 between Acme Software, Inc. and Beta LLC ("Customer").`,
		`This Lease is made between Oak Estates Ltd ("Landlord") and Jane Roe ("Tenant").`:                                                                                              `This Lease is made between Oak Estates Ltd ("Landlord") and Jane Roe ("Tenant").`,
		`The Licensee ("Licensee") shall pay the fees to Acme ("Licensor").`:                                                                                                            `The Licensee shall pay the fees to Acme.`,
		`This Development Agreement is entered into on April 15, 2010 ("EffectiveDate") by and between Cargill, Incorporated ("Cargill") and Bioamber S.A.S. ("Partner").`:              `This Development Agreement is entered into on April 15, 2010 by and between Cargill, Incorporated and Bioamber S.A.S. ("Partner").`,
		`Dropbox, Inc. ("Dropbox", "we") provides the service.`:                                                                                                                         `Dropbox, Inc. provides the service.`,
	} {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%.50q)\n got  %q\n want %q", in, got, want)
		}
	}
	// a preamble too long for the budget with its roles keeps its parties without them
	u := []string{`This Supply Agreement is made on 1 May 2024 between Acme Software Incorporated ("Supplier") and Beta Holdings Limited ("Customer").`, "The Supplier shall deliver the goods."}
	if i := preamble(u, Options{MaxChars: 150, Language: "en"}); i != 0 || strings.Contains(u[0], "Supplier") {
		t.Errorf("preamble over the budget with roles: %d %q", i, u[0])
	}
}
