package parse

import (
	"regexp"
	"strings"
)

// legendCueRe finds the notice a securities filing puts on a contract
// whose terms it redacted: "[***] INDICATES MATERIAL THAT HAS BEEN OMITTED
// AND FOR WHICH CONFIDENTIAL TREATMENT HAS BEEN REQUESTED ...", "A
// COMPLETE VERSION OF THIS EXHIBIT HAS BEEN FILED SEPARATELY WITH THE
// SECRETARY OF THE SECURITIES AND EXCHANGE COMMISSION ...", "Certain
// identified information has been excluded ... because it is both not
// material and would likely cause competitive harm". It speaks of the
// filing, not of the contract: left in the body (EDGAR's text repeats it
// on every page) it came out as key phrases ("SECURITIES EXCHANGE ACT",
// "OMITTED MATERIAL") on most redacted CUAD contracts.
var legendCueRe = regexp.MustCompile(`(?i)confidential\s+treatment|confidentiality\s+request|(?:filed|furnished|provided|submitted)\s+separately\s+(?:with|to)|rule\s+(?:24b-2|406)\b|(?:complete|unredacted)\s+(?:version|copy)\s+of\s+th(?:is|e)\s+(?:exhibit|document|agreement)|\bomissions?\s+(?:are|is|have\s+been)\s+(?:designated|marked|indicated)|\b(?:omitted|omits|redacted|excluded|deleted)\b.{0,200}?(?:\[\s?\*+\s?\]|competitive(?:ly)?\s+harm|not\s+material|commission|confidential)|(?:\[\s?\*+\s?\]|\*{3}).{0,80}?\b(?:indicates?|denotes?|means?)\b.{0,120}?\b(?:omitted|redacted|confidential)`)

// legendStampRe is the short form a filing stamps on each page, inside a
// sentence of the contract's own ("... has [***] Confidential Treatment
// Requested 14", "Cargill Confidential - 1 - * Confidential treatment
// requested"), with the page number after it.
var legendStampRe = regexp.MustCompile(`(?i)\s*(?:\[\s?\*{1,3}\s?\]\s*|\*{1,3}\s*)?confidential\s+treatment\s+(?:has\s+been\s+)?requested\b\.?(?:\s+\d{1,4}\b)?`)

// edgarSourceRe is the footer EDGAR's text copies put on every page of a
// filed exhibit, at the end of a line: "Source: AZUL SA, F-1/A,
// 3/3/2017", "Source: BLOOM ENERGY CORP, DRS/A (on S-1), 3/21/2018". Its
// date is the filing's, which entity extraction took for the agreement's.
var edgarSourceRe = regexp.MustCompile(`(?m)(?:^|\s)Source:\s[^\n]{1,100}?,\s*[0-9A-Z][0-9A-Z/.-]{0,11}(?:\s*\([^)\n]{1,30}\))?,\s*\d{1,2}/\d{1,2}/\d{4}\s*$`)

// clauseWordRe is a word that makes a sentence the parties' own: a clause
// about confidential treatment ("Licensee shall request confidential
// treatment ...") stays in the body.
var clauseWordRe = regexp.MustCompile(`(?i)\b(?:shall|agrees?|will|must|may)\b`)

// sentenceGapRe is the space after a sentence's end inside a line.
var sentenceGapRe = regexp.MustCompile(`[.!?]["”’')\]]*\s+`)

// maxLegendSentence is the longest sentence read as a legend's: the SEC's
// run to about 400 characters.
const maxLegendSentence = 600

// joinWrappedLegends joins a legend's line that ends mid-sentence to the
// lines it wraps onto (up to three), so its sentences are read whole: a PDF
// page's legend over three lines left "request." and "Commission." in the
// text.
func joinWrappedLegends(lines []string) []string {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if legendCueRe.MatchString(l) {
			for n := 0; n < 3 && openLegend(l) && i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != ""; n++ {
				i++
				l = strings.TrimRight(l, " \t\u00a0") + " " + strings.TrimSpace(lines[i])
			}
		}
		out = append(out, l)
	}
	return out
}

// openLegend says whether a line ends inside a legend's sentence: no stop
// at its end, and a legend's words after its last sentence's end ("This
// copy omits the information subject to the confidentiality").
func openLegend(l string) bool {
	l = strings.TrimRight(l, " \t\u00a0")
	if l == "" || strings.ContainsAny(l[len(l)-1:], ".!?:") {
		return false
	}
	tail := l
	if gaps := sentenceGapRe.FindAllStringIndex(l, -1); len(gaps) > 0 {
		tail = l[gaps[len(gaps)-1][1]:]
	}
	return legendCueRe.MatchString(tail)
}

// setAsideLegends takes a filing's redaction legends out of text, the
// legend's sentences and the stamps inside the contract's, and EDGAR's
// page footers, and returns them once each (as "Notice: ..." and
// "Filing: ...") for the aside: search still finds
// them, while key phrases, summaries and entities read the contract alone.
func setAsideLegends(text string) (body string, notices []string) {
	if !legendCueRe.MatchString(text) && !edgarSourceRe.MatchString(text) {
		return text, nil
	}
	seen := map[string]bool{}
	add := func(label, s string) {
		s = strings.Join(strings.Fields(s), " ")
		if k := strings.ToLower(strings.Trim(s, " *[].0123456789")); k != "" && !seen[k] {
			seen[k] = true
			notices = append(notices, label+s)
		}
	}
	lines := joinWrappedLegends(strings.Split(text, "\n"))
	kept := lines[:0]
	for _, l := range lines {
		if loc := edgarSourceRe.FindStringIndex(l); loc != nil {
			add("Filing: ", l[loc[0]:])
			if l = strings.TrimRight(l[:loc[0]], " "); strings.TrimSpace(l) == "" {
				continue
			}
		}
		if legendCueRe.MatchString(l) {
			l = withoutLegend(l, func(s string) { add("Notice: ", s) })
			if strings.TrimSpace(l) == "" {
				continue
			}
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n"), notices
}

// withoutLegend is a line without its legend sentences and stamps, each
// passed to note. An exhibit's label before a legend stays.
func withoutLegend(line string, note func(string)) string {
	var out []string
	start := 0
	ends := append(sentenceGapRe.FindAllStringIndex(line, -1), []int{len(line), len(line)})
	for _, e := range ends {
		s := line[start:e[1]]
		start = e[1]
		if label := exhibitLabel.FindString(s); label != "" && legendCueRe.MatchString(s[len(label):]) {
			out = append(out, strings.TrimSpace(label))
			s = s[len(label):]
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		rest, stamp, opens := s, "", false
		if loc := legendStampRe.FindStringIndex(s); loc != nil {
			stamp = s[loc[0]:loc[1]]
			rest = legendStampRe.ReplaceAllString(s, " ")
			// a stamp that opens its sentence is its subject: "Confidential
			// treatment has been requested for portions of this exhibit."
			opens = strings.TrimSpace(s[:loc[0]]) == ""
		}
		if len(s) <= maxLegendSentence && (opens || legendCueRe.MatchString(rest)) && !clauseWordRe.MatchString(rest) {
			note(s)
			continue
		}
		if stamp != "" {
			note(stamp)
		}
		out = append(out, strings.Join(strings.Fields(rest), " "))
	}
	return strings.Join(out, " ")
}
