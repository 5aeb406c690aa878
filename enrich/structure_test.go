package enrich

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/entities"
	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/lang"
)

// The adversarial set's contracts were written to dodge the words unbound
// looks for (house rules, ticket and parking conditions, an IOU, a photo
// licence by e-mail): each still reads as binding.
func TestUnboundKeepsAdversarialContracts(t *testing.T) {
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(root, "eval", "testdata", "prose", "adversarial.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d struct{ ID, Text, Label string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if d.Label != "contract" {
			continue
		}
		n++
		doc := &document.Parsed{Text: d.Text, Language: lang.Detect(d.Text)}
		if unbound(doc, d.Text) {
			t.Errorf("%s reads as no binding text", d.ID)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Errorf("%d contracts in the set, want 30", n)
	}
}

// An invoice states what is owed under an agreement and is no agreement;
// a contract that speaks of invoices, or an order form that opens with
// its preamble, stays one.
func TestInvoiceIsNoContract(t *testing.T) {
	inv := "INVOICE\n\nInvoice No.: INV-2025-00412\nInvoice Date: 28 February 2025\nDue Date: 30 March 2025\n\nBill To:\nHalcyon Travel Ltd\n\n" +
		"Description   Qty   Rate   Amount\nWebsite redesign   1   £1,800.00   £1,800.00\n\nSubtotal   £1,800.00\nVAT @ 20%   £360.00\nTotal Due   £2,160.00\n"
	contract := "SERVICES AGREEMENT\n\nThis Services Agreement is made between Brightwave Ltd and Halcyon Travel Ltd.\n\n" +
		"Invoices. Brightwave shall invoice monthly. Each invoice shall show:\nInvoice number\nDue date\nSubtotal\nVAT\n"
	order := "INVOICE AND ORDER FORM\n\nThis Order Form is entered into by and between CloudLedger, Inc. and Fernwood LLC.\n\nBill To: Fernwood LLC\nSubtotal: $12,000\nTotal Due: $12,000\nDue Date: 1 May 2025\n\n" +
		"The Customer shall pay all fees within thirty days of the invoice date. This Order Form is governed by the Master Subscription Agreement between the parties, which prevails over any terms printed on a purchase order.\n"
	for _, c := range []struct {
		name, text, want string
	}{{"invoice", inv, "other"}, {"contract", contract, "contract"}, {"order form", order, "contract"}} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, "contract", courtFiling(doc)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// A law firm's guide to a law disclaims being legal advice, and is no
// contract or regulation however much it speaks of privacy policies,
// duties and fines (a CCPA explainer was contract/terms_of_service in both
// tiers); terms that disclaim advice beside their parties stay a contract.
func TestExplainerIsNoContract(t *testing.T) {
	guide := "What the CCPA Means for Your Business\n\nThe California Consumer Privacy Act gives California residents new rights. " +
		"Update your privacy policy and train your staff. Businesses that fail to comply may face fines of up to $7,500 per violation.\n\n" +
		"This article is for general information only and is not legal advice.\n"
	terms := "CONSULTING AGREEMENT\n\nThis Consulting Agreement is made between Acme LLP and Beta Inc.\n\n" +
		"Acme shall deliver a written report. The report is for information only and is not legal advice.\n"
	for _, c := range []struct {
		name, text, class, want string
	}{{"guide", guide, "contract", "other"}, {"guide", guide, "regulation", "other"}, {"agreement", terms, "contract", "contract"}} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, c.class, courtFiling(doc)); got != c.want {
			t.Errorf("%s read as %s: %s, want %s", c.name, c.class, got, c.want)
		}
	}
}

// A section of the U.S. Code or the CFR, titled by its citation, is a
// regulation though it reads like terms of service (providers, users,
// liability; QA s31: 47 U.S.C. § 230 was contract/terms_of_service);
// terms of use that cite the Code in a sentence stay terms.
func TestCodeSectionIsRegulation(t *testing.T) {
	statute := "47 U.S.C. § 230 - Protection for private blocking and screening of offensive material\n\n" +
		"(c) Protection for \"Good Samaritan\" blocking\n\n(1) Treatment of publisher or speaker. No provider or user of an interactive computer service shall be treated as the publisher or speaker of any information provided by another information content provider.\n"
	cfr := "16 CFR Part 312 - Children's Online Privacy Protection Rule\n\n312.1 Scope. This part implements the Children's Online Privacy Protection Act of 1998.\n"
	terms := "Terms of Use\n\nBy using the Service you agree to these Terms. We respond to notices of alleged infringement under 17 U.S.C. § 512.\n"
	quoted := "Copyright policy\n17 U.S.C. § 512 notices: by using the Service you agree to these Terms of Use.\n"
	// HIPAA's rules on business associate contracts say "the contract" (QA qa-regs5)
	hipaa := "PART 164 — SECURITY AND PRIVACY\n\n§ 164.504 Uses and disclosures: Organizational requirements.\n\n" +
		"(e)(1) Standard: Business associate contracts. The contract or other arrangement required by § 164.502(e)(2) must meet the requirements of paragraph (e)(2) of this section.\n"
	noted := "§ 164.504 Uses and disclosures: Organizational requirements.\n\nThe contract must meet the requirements of this section.\n\n[65 FR 82802, Dec. 28, 2000]\n"
	// a contract numbered with § signs stays a contract
	numbered := "PART 2 — PAYMENT\n\n§ 2.1 Fees. The Customer shall pay the fees set out in the Order under the terms of this Agreement.\n"
	for _, c := range []struct{ name, text, want string }{
		{"statute", statute, "regulation"}, {"cfr", cfr, "regulation"}, {"terms", terms, "contract"}, {"terms citing the code", quoted, "contract"},
		{"hipaa", hipaa, "regulation"}, {"cfr with source note", noted, "regulation"}, {"numbered contract", numbered, "contract"},
	} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, "contract", courtFiling(doc)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// A state code's section, titled by its citation or under the code's name,
// is a regulation though it speaks of releases, tenancies and "the parties
// to any contract" (QA qa-classify: California Civil Code § 1542 was
// contract/terms_of_service at 0.94); a release titled by the section it
// waives speaks as its signer, and a contract's clause citing a code stays
// a contract.
func TestStateCodeSectionIsRegulation(t *testing.T) {
	release := "California Civil Code § 1542\n\nA general release does not extend to claims that the creditor or releasing party does not know or suspect to exist in his or her favor at the time of executing the release.\n"
	abbreviated := "Cal. Civ. Code § 1950.5\n\n(a) As used in this section, \"security\" means any payment, fee, deposit, or charge imposed at the beginning of the tenancy.\n(b) The landlord may claim of the security only those amounts as are reasonably necessary.\n"
	law := "New York General Obligations Law § 5-1401\n\nChoice of law. 1. The parties to any contract, agreement or undertaking may agree that the law of this state shall govern their rights and duties.\n"
	texas := "Texas Business and Commerce Code\n\nSec. 17.46. DECEPTIVE TRADE PRACTICES UNLAWFUL.\n(a) False, misleading, or deceptive acts or practices in the conduct of any trade or commerce are hereby declared unlawful and prohibited.\n"
	waiver := "California Civil Code § 1542 Waiver\n\nI acknowledge that I am familiar with Section 1542 and I hereby waive any rights under it. This release binds the parties.\n"
	clause := "Release. Each party waives the benefit of California Civil Code § 1542 under this Agreement.\n"
	for _, c := range []struct{ name, text, want string }{
		{"civil code", release, "regulation"}, {"abbreviated", abbreviated, "regulation"}, {"consolidated law", law, "regulation"},
		{"code title and section", texas, "regulation"}, {"waiver", waiver, "contract"}, {"clause", clause, "contract"},
	} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, "contract", courtFiling(doc)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// A note or a cover letter that sends a contract is no contract, however
// short (QA qa-classify: "Please sign the attached contract by Friday." was
// contract/terms_of_service); a short contract that attaches its schedule,
// or one with a preamble, stays a contract.
func TestTransmittalIsNoContract(t *testing.T) {
	cover := "Dear Ms. Alvarez,\n\nPlease find enclosed two copies of the Master Services Agreement between Northwind Logistics Ltd and your company. " +
		"Kindly sign both copies where indicated and return one to us.\n\nYours sincerely,\nJames Whitfield\n"
	schedule := "The Supplier shall deliver the Goods listed in the attached Schedule 1 by 1 March 2026, and the Customer shall pay the price within 30 days.\n"
	amendment := "This Amendment No. 2 is made on 1 May 2026 and amends the attached Lease between Robert Chen and Maria Gonzalez: the rent is $1,900 per month.\n"
	for _, c := range []struct{ name, text, want string }{
		{"note", "Please sign the attached contract by Friday.\n", "other"},
		{"returned lease", "Hi Tom, the revised lease is attached. Can you return it signed by Monday? Thanks, Priya\n", "other"},
		{"cover letter", cover, "other"}, {"schedule", schedule, "contract"}, {"amendment", amendment, "contract"},
	} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, "contract", courtFiling(doc)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// A press release announcing a deal is no contract, by its heading or its
// dateline (QA qa-classify: a power purchase agreement's announcement was
// contract/Sales at 0.70); a contract that speaks of press releases stays
// a contract.
func TestPressReleaseIsNoContract(t *testing.T) {
	body := "Harborview Energy today announced that it has signed a 15-year power purchase agreement with Coastal Wind Partners for 220 megawatts. " +
		"Financial terms of the contract were not disclosed.\n"
	headed := "FOR IMMEDIATE RELEASE\n\nHarborview Energy Signs Power Purchase Agreement\n\n" + body
	dated := "Harborview Energy Signs Power Purchase Agreement\n\nBOSTON, Nov. 24, 2026 -- " + body
	wire := "Harborview Energy Signs Power Purchase Agreement\n\nSHENZHEN, China, March 3, 2026 /PRNewswire/ -- " + body
	contract := "SUPPLY AGREEMENT\n\nThis Supply Agreement is made on 1 March 2026 between Harborview Energy and Coastal Wind Partners.\n\n" +
		"12. Publicity. Neither party shall issue any press release about this Agreement without the other party's consent.\n"
	for _, c := range []struct{ name, text, want string }{
		{"headed", headed, "other"}, {"dateline", dated, "other"}, {"wire", wire, "other"}, {"contract", contract, "contract"},
	} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, "contract", courtFiling(doc)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// A bill, an act or an ordinance that states its enacting formula is a
// regulation whatever its title (QA qa-classify: a bill titled "H.R. 4521"
// was other, a city ordinance contract/terms_of_service); a board's
// resolution, "BE IT RESOLVED", is not made law by it: it stays the
// internal paper it is.
func TestEnactedTextIsRegulation(t *testing.T) {
	bill := "H.R. 4521\n\nAN ACT\n\nTo protect the personal data of consumers.\n\nBe it enacted by the Senate and House of Representatives of the United States of America in Congress assembled,\n\n" +
		"SECTION 1. SHORT TITLE.\nThis Act may be cited as the \"Consumer Data Protection Act\".\n"
	ordinance := "ORDINANCE NO. 2026-14\n\nTHE CITY COUNCIL OF THE CITY OF SPRINGDALE DOES ORDAIN AS FOLLOWS:\n\n" +
		"Section 1. No person shall operate construction equipment between 7:00 p.m. and 7:00 a.m. Any person violating this ordinance is guilty of an infraction.\n"
	resolution := "RESOLUTION OF THE BOARD OF DIRECTORS\n\nBE IT RESOLVED by the Board of Directors that the Company is authorized to enter into the Loan Agreement and that the officers shall execute it.\n"
	for _, c := range []struct{ name, text, class, want string }{
		{"bill", bill, "other", "regulation"}, {"bill", bill, "contract", "regulation"},
		{"ordinance", ordinance, "contract", "regulation"}, {"resolution", resolution, "contract", "other"},
	} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, c.class, courtFiling(doc)); got != c.want {
			t.Errorf("%s read as %s: %s, want %s", c.name, c.class, got, c.want)
		}
	}
}

// A statute's section in its penal voice ("No person shall ...", "is
// guilty of a misdemeanor") is a regulation (QA qa-classify: a vehicle
// code's section was contract/terms_of_service); a website's terms that
// forbid "you" the same, and a contract's clause, stay contracts.
func TestPenalSectionIsRegulation(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"vehicle code", "Section 2. No person shall operate a motor vehicle on any public highway in this state at a speed greater than is reasonable and prudent under the conditions.\n", "regulation"},
		{"offence", "12. Any person who sells alcohol to a person under 18 is guilty of a misdemeanor punishable by a fine of up to $1,000.\n", "regulation"},
		{"terms", "Prohibited use. No person shall use the site to send spam; if you do, we may suspend your account.\n", "contract"},
		{"clause", "Each party shall comply with all laws. No person shall be a third-party beneficiary of this Agreement.\n", "contract"},
	} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, "contract", courtFiling(doc)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// BenchmarkUnbound is the rule's worst case: a head of English prose with
// none of its words, so that every pattern reads the whole head.
func BenchmarkUnbound(b *testing.B) {
	para := "The team met on Tuesday to plan the spring release and review the open questions from the last sprint. "
	text := ""
	for len(text) < instrumentHead {
		text += para
	}
	doc := &document.Parsed{Text: text, Language: "en"}
	b.SetBytes(int64(instrumentHead))
	for b.Loop() {
		if !unbound(doc, text) {
			b.Fatal("prose read as binding")
		}
	}
}

// A preamble, and a clause naming the law that applies, are read whatever
// script their names' letters are of: Go's \w and [A-Z] are ASCII only,
// and "This Société Générale Custody Agreement is made" or "between
// Éditions Rivière ("Publisher") and ..." were no preamble (QA s31 #1).
func TestPreambleAndLawWithNonASCIINames(t *testing.T) {
	for _, c := range []struct {
		name string
		re   *regexp.Regexp
		text string
	}{
		{"title", preambleRe, "This Société Générale Custody Agreement is made on 1 May 2024."},
		{"parties", preambleRe, `Licence between Éditions Rivière SARL ("Publisher") and Öko Verlag GmbH ("Licensee") for the works listed.`},
		{"law", instrumentRes[3], "The laws of Québec apply."},
		{"hyphenated law", instrumentRes[3], "The laws of Île-de-France apply."},
	} {
		if !c.re.MatchString(c.text) {
			t.Errorf("%s: %q not matched", c.name, c.text)
		}
	}
}

// A Federal Register rule opens with the fields 1 CFR 18.12 asks for
// (AGENCY:, ACTION: Final rule., SUMMARY:, DATES:): the HIPAA privacy
// rule's amendment, whose covered entities "must comply", was
// contract/terms_of_service, with its effective date as an agreement date
// (QA qa-regs). A notice that is no rule, and a contract that quotes such
// a field, keep their class.
func TestFederalRegisterRuleIsRegulation(t *testing.T) {
	rule := "FEDERAL REGISTER NOTICE\nDepartment of Health and Human Services\n45 CFR Parts 160 and 164\nRIN 0945-AA00\nModifications to the HIPAA Privacy Rule\n\n" +
		"AGENCY: Office for Civil Rights, HHS.\nACTION: Final rule.\nDATES: Effective date: This final rule is effective on March 26, 2024. " +
		"Compliance date: Covered entities must comply with the applicable requirements of this final rule by December 23, 2024.\n\n" +
		"SUMMARY: The Department issues this final rule to modify the Standards for Privacy of Individually Identifiable Health Information under 45 CFR 164.502. " +
		"A covered entity must not use or disclose protected health information for a criminal investigation into reproductive health care that is lawful. " +
		"Civil money penalties under 42 U.S.C. 1320d-5 may reach $1,919,173 per calendar year.\n"
	meeting := "AGENCY: National Science Foundation.\nACTION: Notice of meeting.\n\nSUMMARY: The Advisory Committee for Geosciences will meet on 4 May 2024.\n"
	contract := "This Consulting Agreement is made between Acme Corp. and Beta LLC.\nAGENCY: the Agent named in Schedule 1.\nACTION: Final rule review services.\n"
	for _, c := range []struct{ name, text, class, want string }{
		{"rule as contract", rule, "contract", "regulation"}, {"rule as other", rule, "other", "regulation"},
		{"meeting notice", meeting, "other", "other"}, {"contract", contract, "contract", "contract"},
	} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, c.class, courtFiling(doc)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	doc := &document.Parsed{Filename: "hipaa-final-rule.txt", Text: rule, Language: "en", Sentences: lang.Sentences(rule, "en")}
	a, err := NewFree(FreeOptions{}).Analyze(context.Background(), doc, Request{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Class != "regulation" {
		t.Errorf("class %s/%s, want regulation", a.Class, a.Subtype)
	}
	for _, e := range a.Entities {
		if e.Kind == entities.KindAgreementDate {
			t.Errorf("agreement date %q in a rule", e.Text)
		}
	}
}

// An act outside the EU reads as no binding text to unbound, which looks
// for a contract's words, and docmill-mini called one "other": the
// Australian Privacy Act was "other" in both tiers and lost its entities
// (a $50,000,000 penalty), and Singapore's PDPA was "other" under the
// model (QA qa-regs). A text titled as an act, with sections, is a
// regulation; a guide to the act, or a text that only names one, is not.
func TestActIsRegulation(t *testing.T) {
	au := "Privacy Act 1988 (Cth)\nPart IIIC — Notification of eligible data breaches\n\n26WE Eligible data breach\n(2) For the purposes of this Act, an access to, or disclosure of, information is an eligible data breach of an entity if the access or disclosure would be likely to result in serious harm to any of the individuals to whom the information relates.\n\n" +
		"26WK Statement about eligible data breach\n(2) If the entity is aware that there are reasonable grounds to believe that there has been an eligible data breach of the entity, the entity must prepare a statement and give a copy of the statement to the Commissioner as soon as practicable after the entity becomes so aware.\n\n" +
		"13G Civil penalty for serious or repeated interferences with privacy\nAn entity contravenes this subsection if the entity does an act, or engages in a practice, that is a serious interference with the privacy of an individual. Civil penalty: for a body corporate, the greater of $50,000,000, three times the value of the benefit obtained, or 30% of the adjusted turnover of the body corporate during the breach turnover period.\n"
	sg := "PERSONAL DATA PROTECTION ACT 2012\n(Singapore)\n\nSection 24 — Protection of personal data\nAn organisation must protect personal data in its possession or under its control by making reasonable security arrangements.\n\n" +
		"Section 26D — Duty to notify occurrence of notifiable data breach\n(1) Where an organisation assesses that a data breach is a notifiable data breach, the organisation must notify the Commission.\n"
	guide := "Privacy Act 1988\n\nSection 1 Our guide to the Australian privacy principles for small businesses, with examples of what each principle asks.\n" +
		"Section 2 How to respond to a data breach. This guide is for general information only and is not legal advice.\n"
	news := "Parliament passes the Privacy Act 1988 amendments\n\n12 Senators voted for the bill on Tuesday after a long debate.\n14 Members of the lower house had passed it in March.\n"
	for _, c := range []struct{ name, text, class, want string }{
		{"au act as contract", au, "contract", "regulation"}, {"sg act as other", sg, "other", "regulation"},
		{"guide", guide, "other", "other"}, {"news", news, "other", "other"},
	} {
		doc := &document.Parsed{Text: c.text, Language: "en"}
		if got := structureClass(doc, c.text, c.class, courtFiling(doc)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	doc := &document.Parsed{Filename: "privacy-act-1988.txt", Text: au, Language: "en", Sentences: lang.Sentences(au, "en")}
	a, err := NewFree(FreeOptions{}).Analyze(context.Background(), doc, Request{})
	if err != nil {
		t.Fatal(err)
	}
	money := false
	for _, e := range a.Entities {
		money = money || e.Kind == entities.KindMoney && e.Value == "AUD 50000000"
	}
	if a.Class != "regulation" || !money {
		t.Errorf("class %s/%s, money found %v, want a regulation with its penalty", a.Class, a.Subtype, money)
	}
}

// A Federal Register rule is summarised by its SUMMARY: field, without the
// label, and not by its title: the HITECH omnibus rule's summary opened
// with the title "Modifications to the HIPAA Privacy, Security,
// Enforcement, and Breach Notification Rules Under the Health Information
// Technology for Economic and Clinical Health Act and the Genetic
// Information Nondiscrimination Act;" (QA qa-regs4).
func TestFederalRegisterRuleSummary(t *testing.T) {
	b, err := os.ReadFile("classify/testdata/regulations/fr_hitech_2013.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	doc := &document.Parsed{Filename: "fr_hitech_2013.txt", Text: text, Language: "en", Sentences: lang.Sentences(text, "en")}
	a, err := NewFree(FreeOptions{}).Analyze(context.Background(), doc, Request{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Summary, "Modifications to the HIPAA") || strings.Contains(a.Summary, "SUMMARY:") {
		t.Errorf("summary holds the rule's title or a field label: %q", a.Summary)
	}
	if !strings.HasPrefix(a.Summary, "The Department of Health and Human Services") {
		t.Errorf("summary %q does not open with the rule's SUMMARY field", a.Summary)
	}
}

// A Federal Register rule's administrative fields say where and whom to
// write, not what the rule does: FDA's Part 11 rule's summary held
// "ADDRESSES: Submit written comments to the Dockets Management Branch
// (HFA-305), Food and Drug Administration, 12420 Parklawn Dr., rm." (QA
// qa-regs4).
func TestFederalRegisterAdminFieldsNotSummarised(t *testing.T) {
	b, err := os.ReadFile("classify/testdata/regulations/fda_part11_1997.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	doc := &document.Parsed{Filename: "fda_part11_1997.txt", Text: text, Language: "en", Sentences: lang.Sentences(text, "en")}
	a, err := NewFree(FreeOptions{}).Analyze(context.Background(), doc, Request{})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"ADDRESSES", "Dockets Management", "Rockville", "FOR FURTHER INFORMATION", "AGENCY:"} {
		if strings.Contains(a.Summary, bad) {
			t.Errorf("summary holds %q: %q", bad, a.Summary)
		}
	}
	if !strings.Contains(a.Summary, "electronic signatures") {
		t.Errorf("summary %q misses what the rule does", a.Summary)
	}
}

// A contract's clause binds a party named by its role as a defined term;
// the heads, which learned "shall" from EU acts, called "The Supplier
// shall deliver the goods by 1 March 2026." a regulation. A short article
// that binds a controller or the Commission stays one.
func TestContractClauseIsNoRegulation(t *testing.T) {
	for _, text := range []string{
		"The Supplier shall deliver the goods by 1 March 2026.",
		"The Licensee shall not sublicense the Software without the prior written consent of the Licensor.",
		"Each Receiving Party will keep the Confidential Information secret for three years.",
	} {
		doc := &document.Parsed{Text: text, Language: "en"}
		if got := structureClass(doc, text, "regulation", courtFiling(doc)); got != "contract" {
			t.Errorf("%q: %s, want contract", text, got)
		}
	}
	for _, text := range []string{
		"The controller shall implement appropriate technical and organisational measures to ensure a level of security appropriate to the risk.",
		"The Commission shall adopt implementing acts laying down the format of the notification.",
		"Member States shall ensure that the supplier shall inform the customer of the applicable tariffs.",
	} {
		doc := &document.Parsed{Text: text, Language: "en"}
		if got := structureClass(doc, text, "regulation", courtFiling(doc)); got != "regulation" {
			t.Errorf("%q: %s, want regulation", text, got)
		}
	}
}
