package enrich

import (
	"regexp"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/classify"
)

// The class heads learned contracts from EDGAR filings and terms of
// service, regulations from EU acts, and "other" from technical prose. A
// document's layout settles what their words cannot: an agreement's
// preamble names its parties, a court's opinion its caption, a US code
// its sections by "§". structureClass reads that layout.

// structureHead bounds how far into a text its layout is looked for.
const structureHead = 4 << 10

var (
	// preambleRe is an agreement's opening: "This Data Processing Addendum
	// forms part of ...", "This Agreement is made ...", "by and between",
	// or two parties each named with a defined role ("between Lumen B.V.
	// ("Processor") and Castellan S.p.A. ("Controller")"). A data
	// processing agreement reads like the GDPR it implements, and was
	// called a regulation, without its parties.
	preambleRe = regexp.MustCompile(`(?is)\bthis\s+(?:[\w-]+\s+){0,5}(?:agreement|contract|lease|deed|addendum|amendment)\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:is\s+|was\s+)?(?:made|entered|dated|forms\s+part|supplements|amends)\b` +
		`|\bby\s+and\s+between\b|\bin\s+witness\s+whereof\b` +
		`|\bbetween\s+[^.;]{3,200}?\(\s*(?:the\s+)?["“][^"”]{2,30}["”]\s*\)[^;]{0,200}?\band\s+[^;]{3,200}?\(\s*(?:the\s+)?["“][^"”]{2,30}["”]\s*\)`)
	// captionRe is a court opinion's caption: the court, then the parties
	// as plaintiff and defendant (or appellant, petitioner, ...). An
	// opinion on an arbitration agreement is no agreement.
	captionRe = regexp.MustCompile(`(?is)\b(?:court\s+of|district\s+court|supreme\s+court|high\s+court|court\s+of\s+appeals?|tribunal)\b.{0,1000}?\b(?:plaintiffs?|petitioners?|appellants?|claimants?)\b.{0,400}?\b(?:defendants?|respondents?|appellees?)\b`)
	// codeRe is a statute's or a US regulation's layout: sections headed
	// "§ 240.10b-5", citations of the U.S. Code or the CFR, a code's name
	// as a heading ("CALIFORNIA CIVIL CODE").
	codeRe = regexp.MustCompile(`(?m)^\s*§+\s*\d|\b\d+\s+(?:U\.S\.C|C\.F\.R)\.?\s*§?\s*\d|^[ \t]*[A-Z][A-Z ]{2,40}\bCODE[ \t]*$`)
	// agreedRe is a contract's word for itself: German-style terms number
	// their sections "§ 1" too ("General Terms and Conditions ... § 2
	// Products under the Agreement").
	agreedRe = regexp.MustCompile(`(?i)\b(?:this|the)\s+agreement\b|\bterms\s+and\s+conditions\b|\bthe\s+parties\b`)
)

// structureClass is the class a document's layout gives it when the text
// model's class disagrees, else class: a legal class resting on a few
// non-legal words, or an e-mail about a contract, is "other"; so is a court
// opinion; a text with an agreement's preamble is a contract, and one laid
// out as a statute that calls itself no agreement, a regulation.
func structureClass(doc *document.Parsed, text, class string) string {
	head := text[:min(len(text), structureHead)]
	switch {
	case classify.Unfounded(text, class) || correspondence(doc, class):
		return "other"
	case class == "contract" && captionRe.MatchString(head):
		return "other"
	case class == "regulation" && preambleRe.MatchString(head):
		return "contract"
	case class == "contract" && codeRe.MatchString(head) && !preambleRe.MatchString(head) && !agreedRe.MatchString(head):
		return "regulation"
	}
	return class
}
