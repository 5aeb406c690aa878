package enrich

import "regexp"

// handDownNoticeRe is an English judgment's notice of how it was handed
// down, which every approved judgment repeats under its heading: "I
// direct that no official shorthand note shall be taken of this Judgment
// and that copies of this version as handed down may be treated as
// authentic", "This judgment was handed down remotely at 10.30am on ...
// by circulation to the parties ... and by release to the National
// Archives".
var handDownNoticeRe = regexp.MustCompile(`(?i)no\s+official\s+shorthand\s+note\s+shall\s+be\s+taken|handed\s+down\s+(?:remotely|by\s+circulation)|by\s+(?:circulation\s+to\s+the\s+parties|release\s+to\s+the\s+National\s+Archives)`)

// handDownNotice reports a sentence that is a judgment's hand-down
// notice: procedure, no word of the case. It opened a Commercial Court
// judgment's summary.
func handDownNotice(sentence string) bool {
	return handDownNoticeRe.MatchString(sentence)
}
