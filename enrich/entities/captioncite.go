package entities

import (
	"regexp"
	"strings"
)

const (
	// RoleNeutralCitation is a case number's role when it is the
	// judgment's own neutral citation ("[2023] EWCA Civ 1187").
	RoleNeutralCitation = "neutral_citation"
	// RoleAppealedFrom is a citation's role when it is the decision the
	// filing appeals from, named in its heading.
	RoleAppealedFrom = "appealed_from"
)

var (
	// ownCitationRe labels a judgment's own neutral citation: "Neutral
	// Citation Number:", "Medium Neutral Citation:".
	ownCitationRe = regexp.MustCompile(`(?im)^[ \t]*(?:medium[ \t]+)?neutral[ \t]+citation(?:[ \t]+(?:number|no\.?))?[ \t]*:?[ \t]*`)
	// appealFromRe opens the heading's lines on the decision appealed
	// from: "ON APPEAL FROM THE HIGH COURT OF JUSTICE".
	appealFromRe = regexp.MustCompile(`(?m)^[ \t]*(?:ON|On)[ \t]+(?:APPEAL|appeal)[ \t]+(?:FROM|from)\b`)
)

// appealFromLines bounds the heading's lines read after "ON APPEAL FROM"
// for the decision's citation: its courts, its judge, its citation.
const appealFromLines = 6

// captionCitations finds the citations of a judgment's heading that cite
// no authority, by where each starts in head: its own neutral citation,
// labelled or heading it alone (added as a case number with role
// neutral_citation), and the decision it appeals from. A Court of Appeal
// judgment listed "[2023] EWCA Civ 1187", itself, and "[2022] EWHC 2011
// (Comm)", the judgment under appeal, among the cases it cites.
func captionCitations(x *collector, head string) map[int]string {
	own := map[int]string{}
	at := -1
	if m := ownCitationRe.FindStringIndex(head); m != nil {
		if c := neutralCitationRe.FindStringIndex(head[m[1]:]); c != nil && c[0] == 0 {
			at = m[1]
		}
	} else if start, end := nextLine(head, 0); citationLineRe.MatchString(head[start:end]) {
		at = start
	} else {
		at = titleCitation(head)
	}
	if at >= 0 {
		c := neutralCitationRe.FindString(head[at:])
		x.addRole(KindCaseNumber, c, spaceRe.ReplaceAllString(c, " "), RoleNeutralCitation, at)
		own[at] = RoleNeutralCitation
	}
	if m := appealFromRe.FindStringIndex(head); m != nil {
		for _, c := range neutralCitationRe.FindAllStringIndex(firstLines(head[m[1]:], appealFromLines+1), -1) {
			if _, ok := own[m[1]+c[0]]; !ok {
				own[m[1]+c[0]] = RoleAppealedFrom
			}
		}
	}
	return own
}

// titleLines bounds the heading's non-blank lines read for a title line
// that ends in the judgment's citation: the court's lines, then the title.
const titleLines = 4

// titleCitedRe is a judgment's title line that ends in its own neutral
// citation, as the Federal Court of Australia heads a judgment: "Koala
// Energy Pty Ltd v Australian Competition and Consumer Commission [2024]
// FCA 845".
var titleCitedRe = regexp.MustCompile(`^[ \t]*\S.*?[ \t](?:v|vs|V)\.?[ \t].*?[ \t](` + neutralCitationRe.String() + `)[ \t]*$`)

// titleCitation is where the citation of a title line among the heading's
// first titleLines non-blank lines starts (titleCitedRe), or -1. Such a
// judgment's own citation was listed among the cases it cites, and the
// register's neutral citation cell stayed empty.
func titleCitation(head string) int {
	pos, seen := 0, 0
	for pos < len(head) && seen < titleLines {
		end := strings.IndexByte(head[pos:], '\n')
		if end < 0 {
			end = len(head) - pos
		}
		line := head[pos : pos+end]
		if strings.TrimSpace(line) != "" {
			seen++
			if m := titleCitedRe.FindStringSubmatchIndex(line); m != nil {
				return pos + m[2]
			}
		}
		pos += end + 1
	}
	return -1
}

// firstLines is text up to its nth line's end.
func firstLines(text string, n int) string {
	end := 0
	for range n {
		i := strings.IndexByte(text[end:], '\n')
		if i < 0 {
			return text
		}
		end += i + 1
	}
	return text[:end]
}
