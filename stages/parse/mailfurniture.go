package parse

import (
	"regexp"
	"strings"
)

// An e-mail's body carries more than its message: the greeting, the
// sender's signature block, the company's legal disclaimer and the thread
// it replies to. Left in the body they were most of a short message's
// summary ("The information contained in this email is confidential ...
// Please consider the environment before printing") and key phrases
// ("CONFIDENTIALITY NOTICE", "Hello", "Partner"). setAsideMailFurniture
// moves them to the aside, labelled, so search still finds them.

var (
	// mailQuoteHeadRe opens the quoted thread under a reply.
	mailQuoteHeadRe = regexp.MustCompile(`(?i)^(?:on\b.{5,300}\bwrote:|-{2,}\s*original message\s*-{2,}|_{5,})$`)
	// mailDisclaimerRe opens a legal disclaimer paragraph.
	mailDisclaimerRe = regexp.MustCompile(`(?i)^(?:confidentiality\s+notice|disclaimer|privileged\s+(?:and|&)\s+confidential|(?:this|the\s+information\s+(?:contained\s+)?in\s+this)\s+(?:e-?mail|message|communication)\b.{0,200}\b(?:confidential|intended\s+(?:only|solely)|privileged)|if\s+you\s+(?:have\s+)?received\s+this\s+(?:e-?mail|message)\s+in\s+error|please\s+consider\s+the\s+environment)`)
	// mailClosingRe is a closing line; the signature follows it.
	mailClosingRe = regexp.MustCompile(`(?i)^(?:(?:kind|best|warm|with\s+best)\s+regards|regards|thanks(?:\s+again)?|thank\s+you|many\s+thanks|cheers|sincerely|best(?:\s+wishes)?|yours\s+(?:sincerely|truly|faithfully)|br)\s*[,.!]?$`)
	// mailGreetingRe is a greeting line.
	mailGreetingRe = regexp.MustCompile(`(?i)^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^.!?\n]{0,40}[,!:]?$`)
)

// maxSignatureLines bounds a signature block after a closing line: a name,
// a title, a company, telephone numbers, an address.
const maxSignatureLines = 8

// setAsideMailFurniture splits an e-mail's body text into the message and
// the labelled aside paragraphs: greeting, signature, disclaimers and the
// quoted thread. A body that would be left empty stays as it is.
func setAsideMailFurniture(body string) (message string, aside []string) {
	lines := strings.Split(body, "\n")
	var kept, quoted []string
	var notice, signature []string
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		switch {
		case mailQuoteHeadRe.MatchString(l):
			quoted = append(quoted, lines[i:]...)
			i = len(lines)
		case strings.HasPrefix(l, ">"):
			quoted = append(quoted, strings.TrimSpace(strings.TrimLeft(l, "> ")))
		case l == "--" || mailClosingRe.MatchString(l):
			n := textBlockEnd(lines, i, maxSignatureLines)
			signature = append(signature, strings.Join(strings.Fields(strings.Join(lines[i:n], " | ")), " "))
			i = n - 1
		case mailDisclaimerRe.MatchString(l):
			n := textBlockEnd(lines, i, len(lines))
			notice = append(notice, strings.Join(strings.Fields(strings.Join(lines[i:n], " ")), " "))
			i = n - 1
		case len(kept) == 0 && mailGreetingRe.MatchString(l):
			aside = append(aside, "Greeting: "+l)
		default:
			kept = append(kept, lines[i])
		}
	}
	message = strings.TrimSpace(strings.Join(kept, "\n"))
	if !hasContent(message) {
		return body, nil
	}
	for _, s := range signature {
		aside = append(aside, "Signature: "+s)
	}
	for _, n := range notice {
		aside = append(aside, "Notice: "+n)
	}
	if q := strings.TrimSpace(strings.Join(quoted, "\n")); q != "" {
		aside = append(aside, "Quoted: "+q)
	}
	return message, aside
}

// textBlockEnd is the index of the blank line that ends the paragraph
// starting at lines[i], at most max lines after it (or len(lines)).
func textBlockEnd(lines []string, i, max int) int {
	n := i + 1
	for n < len(lines) && n-i <= max && strings.TrimSpace(lines[n]) != "" {
		n++
	}
	return n
}
