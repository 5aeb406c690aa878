package keywords

import (
	"regexp"
	"strings"
)

// enClosingRe is a line that closes a letter, a memo or an e-mail on its
// own ("Best regards,", "Kind regards", "Yours sincerely,", "Many
// thanks,"): what follows it is who wrote it.
var enClosingRe = regexp.MustCompile(`(?i)^(?:(?:best|kind|warm|warmest|many)\s+(?:regards|wishes|thanks)|regards|sincerely|yours\s+(?:sincerely|faithfully|truly)|(?:with\s+)?(?:many\s+)?thanks(?:\s+and\s+regards)?|thank\s+you|cheers|best)\s*[,.!]?$`)

// maxSignatureLines is the most non-empty lines a sign-off's signature
// holds after its closing line: a name, a role, a company, a phone, an
// address. More lines after a closing are a quoted message or a reply.
const maxSignatureLines = 6

// enSignOff is where the sign-off of a text begins: its closing line
// (enClosingRe) when at most maxSignatureLines short lines follow it to
// the end, len(text) when there is none. The writer's name and role
// under it ("Best regards,\nAnna Keller\nHealth and Safety Manager") say
// who wrote, not what about: "Anna Keller" and "Health and Safety" were a
// memo's key phrases. A name the body uses stays a candidate there.
func enSignOff(text string) int {
	end := len(strings.TrimRight(text, " \t\r\n"))
	lines := 0
	for end > 0 {
		ls := strings.LastIndexByte(text[:end], '\n') + 1
		line := strings.Trim(text[ls:end], " \t\r")
		if enClosingRe.MatchString(line) {
			if ls == 0 {
				return len(text) // no body to sign off
			}
			return ls
		}
		if line != "" {
			if lines++; lines > maxSignatureLines || len(line) > maxHeadingLine {
				return len(text)
			}
		}
		if ls == 0 {
			return len(text)
		}
		end = ls - 1
	}
	return len(text)
}

// enParticularRe is a line of minutes', a policy's or a form's
// particulars: a label of when, where, who attended, who approved or owns
// it, and its value to the line's end (group 1).
var enParticularRe = regexp.MustCompile(`(?im)^[ \t]*(?:date|time|location|venue|place|attendees|present|apologies|absent|in attendance|minutes taken by|minute taker|recorder|address|tel|phone|fax|e-?mail|(?:approved|prepared|reviewed|issued|authori[sz]ed) by|document owner|policy owner|owner|author|effective date|review date|next review|version)[ \t]*:([^\n]*)`)

// enParticularSpans are the values of text's particulars lines
// (enParticularRe), in text order. Who attended and where they met say
// nothing of what the minutes are about: "Conference Room", "Sarah Lim"
// (of "Apologies: Sarah Lim") and "Tom Becker" (of "Attendees: ...")
// were a committee's minutes' key phrases. A name the body uses again
// stays (inLabels).
func enParticularSpans(text string) [][2]int {
	var spans [][2]int
	for _, m := range enParticularRe.FindAllStringSubmatchIndex(text, -1) {
		spans = append(spans, [2]int{m[2], m[3]})
	}
	return spans
}
